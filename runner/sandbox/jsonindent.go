package sandbox

import (
	"math"
	"strings"

	"github.com/dop251/goja"
)

// installJSONIndent replaces JSON.stringify with one that indents as V8
// does. goja's own, given a `space`, forgets to restore its indentation
// after an empty array or object, so everything nested in the containers
// that follow it is indented one step too deep:
// JSON.stringify({errors: [], data: {id: 1}}, null, 2) puts `"id"` six
// spaces in. Scripts store and compare such text (and print it), so it
// must match Newman's byte for byte. The stand-in asks goja for the
// compact text, which is right, and indents that as the specification's
// SerializeJSONObject and SerializeJSONArray would.
func installJSONIndent(rt *goja.Runtime) {
	jsonObj, ok := rt.GlobalObject().Get("JSON").(*goja.Object)
	if !ok {
		return
	}
	original, ok := goja.AssertFunction(jsonObj.Get("stringify"))
	if !ok {
		return
	}
	stringify := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		gap := jsonGap(call.Argument(2))
		if gap == "" {
			return rethrowJS(original(call.This, call.Arguments...))
		}
		compact := rethrowJS(original(call.This, call.Argument(0), call.Argument(1)))
		if goja.IsUndefined(compact) {
			return compact
		}
		return rt.ToValue(indentJSON(compact.String(), gap))
	}).(*goja.Object)
	// (writable, configurable, enumerable) as for the built-ins.
	_ = stringify.DefineDataProperty("name", rt.ToValue("stringify"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = stringify.DefineDataProperty("length", rt.ToValue(3), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = jsonObj.DefineDataProperty("stringify", stringify, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// rethrowJS passes an exception of the original stringify (a cycle, a
// BigInt, a throwing toJSON) on to the script unchanged.
func rethrowJS(v goja.Value, err error) goja.Value {
	if err != nil {
		panic(err)
	}
	return v
}

// jsonGap is the indentation JSON.stringify's `space` argument asks for:
// up to ten spaces for a number, the first ten characters of a string
// (Number and String objects unwrapped), nothing otherwise.
func jsonGap(space goja.Value) string {
	if o, ok := space.(*goja.Object); ok {
		switch o.ClassName() {
		case "Number":
			space = goja.Value(o).ToNumber()
		case "String":
			space = goja.Value(o).ToString()
		}
	}
	if space == nil || goja.IsUndefined(space) || goja.IsNull(space) {
		return ""
	}
	switch e := space.Export().(type) {
	case int64:
		return strings.Repeat(" ", int(min(max(e, 0), 10)))
	case float64:
		if math.IsNaN(e) || e < 1 {
			return ""
		}
		return strings.Repeat(" ", int(min(e, 10)))
	case string:
		// Ten UTF-16 code units: a character outside the BMP counts two.
		n := 0
		for i, r := range e {
			units := 1
			if r > 0xFFFF {
				units = 2
			}
			if n+units > 10 {
				return e[:i]
			}
			n += units
		}
		return e
	}
	return ""
}

// indentJSON lays out compact JSON text (no whitespace outside strings,
// as JSON.stringify writes it without a gap) with gap: a newline and one
// more gap before each member or element, ": " after a key, and empty
// arrays and objects left as [] and {}.
func indentJSON(compact, gap string) string {
	var b strings.Builder
	b.Grow(len(compact) * 2)
	depth := 0
	newline := func() {
		b.WriteByte('\n')
		for range depth {
			b.WriteString(gap)
		}
	}
	inString, escaped := false, false
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		if inString {
			b.WriteByte(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			b.WriteByte(c)
		case '{', '[':
			if i+1 < len(compact) && (compact[i+1] == '}' || compact[i+1] == ']') {
				b.WriteByte(c)
				b.WriteByte(compact[i+1])
				i++
				continue
			}
			b.WriteByte(c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			b.WriteByte(c)
		case ',':
			b.WriteByte(c)
			newline()
		case ':':
			b.WriteString(": ")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
