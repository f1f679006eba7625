package ajv

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
	"github.com/colrun/colrun/runner/variables"
)

// Ordered JSON out: ajv's error objects keep their key order, as the
// documents read with schemadoc keep theirs.

// ErrorsJSON renders errors as the JSON array ajv.errors holds.
func ErrorsJSON(errs []Error) string {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, e := range errs {
		if i > 0 {
			b.WriteByte(',')
		}
		obj := []Param{{"keyword", e.Keyword}, {"dataPath", e.DataPath}, {"schemaPath", e.SchemaPath},
			{"params", append([]Param{}, e.Params...)}, {"message", e.Message}}
		if e.PropertyName != nil {
			obj = append(obj, Param{"propertyName", *e.PropertyName})
		}
		writeOrderedJSON(&b, obj)
	}
	b.WriteByte(']')
	return b.String()
}

// writeOrderedJSON appends v as JSON, keeping schemadoc.Object and []Param order.
func writeOrderedJSON(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case float64:
		b.WriteString(variables.FormatNumber(v))
	case int:
		b.WriteString(strconv.Itoa(v))
	case string:
		s, _ := json.Marshal(v)
		b.Write(s)
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeOrderedJSON(b, e)
		}
		b.WriteByte(']')
	case []int:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(e))
		}
		b.WriteByte(']')
	case *schemadoc.Object:
		kvs := make([]Param, len(v.Keys))
		for i, k := range v.Keys {
			kvs[i] = Param{k, v.Vals[k]}
		}
		writeOrderedJSON(b, kvs)
	case []Param:
		b.WriteByte('{')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeOrderedJSON(b, e.Name)
			b.WriteByte(':')
			writeOrderedJSON(b, e.Value)
		}
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
}

// jsonEqual is deep equality of decoded JSON values, with object keys in
// any order, as ajv's fast-deep-equal compares parsed data.
func jsonEqual(a, b any) bool {
	switch a := a.(type) {
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], bl[i]) {
				return false
			}
		}
		return true
	case *schemadoc.Object:
		bo, ok := b.(*schemadoc.Object)
		if !ok || len(a.Keys) != len(bo.Keys) {
			return false
		}
		for _, k := range a.Keys {
			bv, ok := bo.Vals[k]
			if !ok || !jsonEqual(a.Vals[k], bv) {
				return false
			}
		}
		return true
	}
	return a == b
}
