package report

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/variables"
)

// jsonAuth is a request's auth block as Newman's report lists it,
// postman-collection's RequestAuth#toJSON: the type, then the type's
// parameters under its name, then those the block gives for other types,
// each {type, value, key} with the value cast to the parameter's type as
// postman-collection's Variable casts it, and its id, disabled,
// description and system when given.
type jsonAuth struct{ a *collections.Auth }

// newAuth gives a in Newman's shape; nil for none.
func newAuth(a *collections.Auth) *jsonAuth {
	if a == nil {
		return nil
	}
	return &jsonAuth{a: a}
}

// MarshalJSON writes the block in Newman's member order.
func (j *jsonAuth) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"type":`)
	writeJSString(&b, j.a.Type)
	writeAuthParams(&b, j.a.Type, j.a.Params)
	for _, o := range j.a.Other {
		writeAuthParams(&b, o.Type, o.Params)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// writeAuthParams writes `,"<typ>":[...]`, the parameters in the order
// postman-collection's Variable sets its members.
func writeAuthParams(b *bytes.Buffer, typ string, params []collections.AuthParam) {
	b.WriteByte(',')
	writeJSString(b, typ)
	b.WriteString(":[")
	for i, p := range params {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		m := p.Meta
		if m != nil {
			if m.ID != "" {
				b.WriteString(`"id":`)
				writeJSString(b, m.ID)
				b.WriteByte(',')
			}
			if m.HasDisabled {
				b.WriteString(`"disabled":` + strconv.FormatBool(m.Disabled) + ",")
			}
			if d := newDescription(m.Description); d != nil {
				text, _ := marshalJS(d) // a description cannot fail
				b.WriteString(`"description":`)
				b.Write(text)
				b.WriteByte(',')
			}
		}
		ptyp := p.Type
		if ptyp == "" {
			ptyp = "any"
		}
		b.WriteString(`"type":`)
		writeJSString(b, ptyp)
		if v, ok := castAuthValue(ptyp, p.Value); ok {
			b.WriteString(`,"value":`)
			b.Write(v)
		}
		b.WriteString(`,"key":`)
		writeJSString(b, p.Key)
		if m != nil && m.HasSystem {
			b.WriteString(`,"system":` + strconv.FormatBool(m.System))
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
}

// castAuthValue is the JSON of v as postman-collection's Variable of
// type typ stores it (Variable.types[typ].in): String, Boolean or Number
// of it, JSON text for array and object (a string kept as it is), and v
// itself for any. ok is false for a value JSON.stringify leaves out
// (undefined).
func castAuthValue(typ string, v any) (out []byte, ok bool) {
	switch typ {
	case "string", "boolean", "number":
		return jsJSON(variables.Cast(typ, v)), true
	}
	if _, undefined := v.(collections.Undefined); undefined {
		return nil, false
	}
	if _, isString := v.(string); !isString && (typ == "array" || typ == "object") {
		return jsJSON(string(jsJSON(v))), true
	}
	return jsJSON(v), true
}

// jsJSON is JSON.stringify(v) for a decoded JSON value: numbers as
// JavaScript writes them (NaN and the infinities as null) and no HTML
// escaping; an object's members are sorted, the decoded map having lost
// the collection's order.
func jsJSON(v any) []byte {
	var b bytes.Buffer
	writeJS(&b, v)
	return b.Bytes()
}

func writeJS(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case nil, collections.Undefined:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case string:
		writeJSString(b, x)
	case json.Number:
		// Out of range parses to ±Inf, which JavaScript writes null too.
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil && !math.IsInf(f, 0) {
			f = math.NaN()
		}
		writeJS(b, f)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b.WriteString("null")
			return
		}
		b.WriteString(collections.FormatNumber(x))
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJS(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		// encoding/json's order: the decoder kept none.
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSString(b, k)
			b.WriteByte(':')
			writeJS(b, x[k])
		}
		b.WriteByte('}')
	default:
		enc := json.NewEncoder(b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(x); err != nil {
			b.WriteString("null")
			return
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	}
}

func writeJSString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string cannot fail
	b.Truncate(b.Len() - 1)
}
