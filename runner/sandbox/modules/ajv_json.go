package modules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/colrun/colrun/runner/variables"
)

// JSON with its key order kept. ajv reports errors in the order it meets
// them, which follows the key order of the schema (properties, patterns)
// and of the data (additional properties), so a Go map would shuffle
// messages that scripts compare.

// jobject is a JSON object whose keys keep their document order.
type jobject struct {
	keys []string
	vals map[string]any
}

// get returns the value at k and whether it is present.
func (o *jobject) get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

// parseOrderedJSON decodes text into nil, bool, float64, string, []any
// and *jobject values. A repeated key keeps its first position and last
// value, as JSON.parse does.
func parseOrderedJSON(text string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	v, err := decodeOrdered(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

// decodeOrdered reads one value from dec.
func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	if d == '[' {
		list := []any{}
		for dec.More() {
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token()
		return list, err
	}
	obj := &jobject{vals: map[string]any{}}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := kt.(string)
		v, err := decodeOrdered(dec)
		if err != nil {
			return nil, err
		}
		if _, dup := obj.vals[k]; !dup {
			obj.keys = append(obj.keys, k)
		}
		obj.vals[k] = v
	}
	_, err = dec.Token()
	return obj, err
}

// kv is one entry of an ordered object built in Go (an error's params).
type kv struct {
	k string
	v any
}

// writeOrderedJSON appends v as JSON, keeping jobject and []kv order.
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
	case *jobject:
		kvs := make([]kv, len(v.keys))
		for i, k := range v.keys {
			kvs[i] = kv{k, v.vals[k]}
		}
		writeOrderedJSON(b, kvs)
	case []kv:
		b.WriteByte('{')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeOrderedJSON(b, e.k)
			b.WriteByte(':')
			writeOrderedJSON(b, e.v)
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
	case *jobject:
		bo, ok := b.(*jobject)
		if !ok || len(a.keys) != len(bo.keys) {
			return false
		}
		for _, k := range a.keys {
			bv, ok := bo.vals[k]
			if !ok || !jsonEqual(a.vals[k], bv) {
				return false
			}
		}
		return true
	}
	return a == b
}
