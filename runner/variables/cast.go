package variables

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"

	"github.com/colrun/colrun/collections"
)

// Postman's Variable casts every value it stores to the variable's type
// (postman-collection's Variable.types): String(v), Number(v) or
// Boolean(v). An "object" or "array" variable stores JSON text (a string
// as given, anything else JSON.stringify'd) and parses it on every read,
// which gives undefined unless the text is an object, or an array. Other
// types, "any" among them, keep the value as given. Newman does this when
// it loads a file and on every set, so a "string" variable defined
// without a value holds "undefined" and a "boolean" one holding "false"
// is true.

// normalType lower-cases the types Postman casts to, as Variable.valueType
// does; other names ("secret", "default") are kept as the file gave them.
func normalType(typ string) string {
	switch l := strings.ToLower(typ); l {
	case "string", "number", "boolean", "any", "object", "array":
		return l
	}
	return typ
}

// Cast is the value a Postman Variable of type typ holds for v: String,
// Number or Boolean of it for those types (named in any case), v itself
// for others. The JSON report shows auth parameters so.
func Cast(typ string, v any) any { return cast(normalType(typ), v) }

func cast(typ string, v any) any {
	switch typ {
	case "string":
		return jsString(v)
	case "number":
		return jsNumber(v)
	case "boolean":
		return jsBoolean(v)
	case "object", "array":
		return jsonText(v)
	}
	return v
}

// jsonText is what an "object" or "array" variable stores for v: a
// string as it is, anything else as JSON.stringify writes it (null when
// it cannot, as Postman's catch gives).
func jsonText(v any) any {
	switch v.(type) {
	case string:
		return v
	case collections.Undefined:
		return v // JSON.stringify(undefined) is undefined
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// read is the value a variable of type typ gives for its stored value v,
// as Postman's Variable#get gives it: an "object" or "array" variable's
// JSON text parsed, undefined when it does not parse to that kind.
func read(typ string, v any) any {
	if typ != "object" && typ != "array" {
		return v
	}
	text, ok := v.(string)
	if !ok {
		return collections.Undefined{}
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var out any
	if dec.Decode(&out) != nil || dec.More() {
		return collections.Undefined{}
	}
	if _, isArray := out.([]any); isArray == (typ == "array") {
		if _, isObject := out.(map[string]any); isObject || isArray {
			return out
		}
	}
	return collections.Undefined{}
}

// Read is the entry's value as scripts and {{name}} read it; see read.
// Value itself is what exports write.
func (e Entry) Read() any { return read(e.Type, e.Value) }

// jsString is JavaScript's String(v).
func jsString(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case collections.Undefined:
		return "undefined"
	}
	s, _ := SubstitutionString(v)
	return s
}

// jsNumber is JavaScript's Number(v); numbers are kept as they are.
func jsNumber(v any) any {
	switch x := v.(type) {
	case nil:
		return 0.0
	case collections.Undefined:
		return math.NaN()
	case bool:
		if x {
			return 1.0
		}
		return 0.0
	case string:
		return collections.ToNumber(x)
	case json.Number, float64, float32, int, int64:
		return v
	case []any:
		return collections.ToNumber(jsString(x))
	}
	return math.NaN()
}

// jsBoolean is JavaScript's Boolean(v).
func jsBoolean(v any) bool {
	switch x := v.(type) {
	case nil, collections.Undefined:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case json.Number:
		f, err := x.Float64()
		return err != nil || f != 0
	case float64:
		return x != 0 && !math.IsNaN(x)
	case float32:
		return x != 0 && !math.IsNaN(float64(x))
	case int:
		return x != 0
	case int64:
		return x != 0
	}
	return true
}
