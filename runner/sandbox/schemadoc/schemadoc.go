// Package schemadoc reads JSON Schema documents as ajv sees them: JSON
// objects keep their key order (ajv reports errors in the order it meets
// keys, which follows the schema's properties and the data's keys, so a Go
// map would shuffle messages scripts compare), and $ref values resolve as
// URI references. runner/sandbox/ajv, the validator behind chai's
// jsonSchema assertion and require('ajv'), reads schemas and data with it.
package schemadoc

import (
	"encoding/json"
	"errors"
	"net/url"

	"github.com/tidwall/gjson"
)

// Object is a JSON object whose keys keep their document order.
type Object struct {
	Keys []string
	Vals map[string]any
}

// Get returns the value at k and whether it is present.
func (o *Object) Get(k string) (any, bool) {
	v, ok := o.Vals[k]
	return v, ok
}

// String returns the string at k, if there is one.
func (o *Object) String(k string) (string, bool) {
	s, ok := o.Vals[k].(string)
	return s, ok
}

// Parse decodes text into nil, bool, float64, string, []any and *Object
// values. A repeated key keeps its first position and its last value, as
// JSON.parse does. Scripts hand over every response body they check, so
// the text is read with gjson, several times faster than encoding/json's
// token stream; encoding/json only explains text that is not JSON.
func Parse(text string) (any, error) {
	if !gjson.Valid(text) {
		var v any
		if err := json.Unmarshal([]byte(text), &v); err != nil {
			return nil, err
		}
		return nil, errors.New("invalid JSON")
	}
	return value(gjson.Parse(text)), nil
}

func value(r gjson.Result) any {
	switch r.Type {
	case gjson.False:
		return false
	case gjson.True:
		return true
	case gjson.Number:
		return r.Num
	case gjson.String:
		return r.Str
	case gjson.JSON:
		if r.IsArray() {
			list := []any{}
			r.ForEach(func(_, v gjson.Result) bool {
				list = append(list, value(v))
				return true
			})
			return list
		}
		obj := &Object{Vals: map[string]any{}}
		r.ForEach(func(k, v gjson.Result) bool {
			if _, dup := obj.Vals[k.Str]; !dup {
				obj.Keys = append(obj.Keys, k.Str)
			}
			obj.Vals[k.Str] = value(v)
			return true
		})
		return obj
	}
	return nil
}

// ResolveURI resolves ref against base as a URI reference; a base or ref
// that does not parse leaves ref as it is.
func ResolveURI(base, ref string) string {
	if base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(u).String()
}
