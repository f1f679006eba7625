// Package schemadoc reads JSON Schema documents as ajv sees them: JSON
// objects keep their key order (ajv reports errors in the order it meets
// keys, which follows the schema's properties and the data's keys, so a Go
// map would shuffle messages scripts compare), and $ref values resolve as
// URI references. chai's jsonSchema assertion and the ajv module share it.
package schemadoc

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
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
// JSON.parse does.
func Parse(text string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	v, err := decode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

func decode(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	switch d {
	case '[':
		list := []any{}
		for dec.More() {
			v, err := decode(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token()
		return list, err
	case '{':
		obj := &Object{Vals: map[string]any{}}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := decode(dec)
			if err != nil {
				return nil, err
			}
			if _, dup := obj.Vals[k]; !dup {
				obj.Keys = append(obj.Keys, k)
			}
			obj.Vals[k] = v
		}
		_, err := dec.Token()
		return obj, err
	}
	return nil, fmt.Errorf("unexpected %v", d)
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
