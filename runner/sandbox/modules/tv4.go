package modules

import (
	"errors"
	"strings"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
	"github.com/dop251/goja"
)

// tv4 is the Go half of js/tv4.js: tv4 1.3.0's validator (tv4validate.go)
// behind validate, addSchema, addFormat and dropSchemas. Schemas and data
// cross as JSON, which keeps their key order (tv4's error order follows
// it). Formats added with addFormat are the script's own functions, called
// back with the data and the schema as tv4 calls them.

// tv4Natives is the object js/tv4.js calls:
//
//	validate(dataJSON, schemaJSON[, multiple, checkRecursive, banUnknownProperties])
//	  -> '{"valid":..,"errors":[..],"missing":[..]}'
//
// multiple is validateMultiple (every error) rather than validate (the
// first error tv4 meets); left out it is true, so errors[0] serves
// validate too.
func tv4Natives(st *runtimeState) *goja.Object {
	rt := st.rt
	g := &tv4Global{schemas: map[string]any{}, formats: map[string]tv4FormatFunc{}}
	o := rt.NewObject()
	_ = o.Set("validate", func(call goja.FunctionCall) goja.Value {
		root, err := tv4RootOf(call.Argument(1).String())
		if err != nil {
			st.throwError("tv4: cannot use schema: "+err.Error(), "")
		}
		data, err := schemadoc.Parse(call.Argument(0).String())
		if err != nil {
			st.throwError("tv4: "+err.Error(), "")
		}
		multiple := call.Argument(2)
		opts := tv4Options{
			multiple:             goja.IsUndefined(multiple) || multiple.ToBoolean(),
			checkRecursive:       call.Argument(3).ToBoolean(),
			banUnknownProperties: call.Argument(4).ToBoolean(),
		}
		var res tv4Result
		func() {
			defer tv4Rethrow(rt)
			res = g.validate(data, root, opts)
		}()
		return rt.ToValue(tv4ResultJSON(res))
	})
	_ = o.Set("addSchema", func(call goja.FunctionCall) goja.Value {
		doc, err := schemadoc.Parse(call.Argument(1).String())
		if err != nil {
			st.throwError("tv4: "+err.Error(), "")
		}
		defer tv4Rethrow(rt)
		g.addSchema(call.Argument(0).String(), doc)
		return goja.Undefined()
	})
	_ = o.Set("addFormat", func(call goja.FunctionCall) goja.Value {
		if fn, ok := goja.AssertFunction(call.Argument(1)); ok {
			g.formats[call.Argument(0).String()] = tv4ScriptFormat(rt, fn)
		}
		return goja.Undefined()
	})
	_ = o.Set("dropSchemas", func(goja.FunctionCall) goja.Value {
		g.schemas = map[string]any{}
		return goja.Undefined()
	})
	return o
}

// tv4Rethrow turns a tv4Throw back into the script exception tv4 raises.
// Any other panic (a format function's exception) goes on up.
func tv4Rethrow(rt *goja.Runtime) {
	p := recover()
	if p == nil {
		return
	}
	t, ok := p.(tv4Throw)
	if !ok {
		panic(p)
	}
	if t.regexp != nil {
		// The script's RegExp says why, as V8 would; tv4 adds the pattern.
		_, err := rt.New(rt.Get("RegExp"), rt.ToValue(t.regexp[0]), rt.ToValue(t.regexp[1]))
		var ex *goja.Exception
		if errors.As(err, &ex) {
			if why := ex.Value().ToObject(rt).Get("message").String(); !strings.HasPrefix(why, "Invalid regular expression") {
				t.message = "Invalid regular expression: /" + t.regexp[0] + "/" + t.regexp[1] + ": " + why
			}
		}
	}
	if obj, err := rt.New(rt.Get(t.name), rt.ToValue(t.message)); err == nil {
		panic(obj)
	}
	panic(rt.NewTypeError(t.message))
}

// tv4ScriptFormat calls a script's format function as tv4 does,
// fn.call(null, data, schema), and reads its verdict.
func tv4ScriptFormat(rt *goja.Runtime, fn goja.Callable) tv4FormatFunc {
	return func(data, schema any) tv4FormatResult {
		out, err := fn(goja.Null(), tv4ToJS(rt, data), tv4ToJS(rt, schema))
		if err != nil {
			// The script's exception ends validation and reaches the script.
			panic(err)
		}
		switch {
		case goja.IsString(out), goja.IsNumber(out):
			return tv4FormatResult{fail: true, message: tv4FromJS(rt, out), schemaPath: "/format"}
		}
		obj, ok := out.(*goja.Object)
		if !ok {
			return tv4FormatResult{}
		}
		if _, isFunc := goja.AssertFunction(obj); isFunc {
			return tv4FormatResult{}
		}
		r := tv4FormatResult{fail: true, message: "?", schemaPath: "/format"}
		if m := obj.Get("message"); m != nil && m.ToBoolean() {
			r.message = tv4FromJS(rt, m)
		}
		if p := obj.Get("dataPath"); p != nil && p.ToBoolean() {
			r.dataPath = p.String()
		}
		if p := obj.Get("schemaPath"); p != nil && p.ToBoolean() {
			r.schemaPath = p.String()
		}
		return r
	}
}

// tv4ToJS makes a JSON value a script value, objects keeping key order.
func tv4ToJS(rt *goja.Runtime, v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case []any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = tv4ToJS(rt, e)
		}
		return rt.NewArray(items...)
	case *schemadoc.Object:
		obj := rt.NewObject()
		for _, k := range x.Keys {
			_ = obj.Set(k, tv4ToJS(rt, x.Vals[k]))
		}
		return obj
	}
	return rt.ToValue(v)
}

// tv4FromJS reads a script value back as a JSON value (what JSON.parse
// of JSON.stringify would give), for an error's params.
func tv4FromJS(rt *goja.Runtime, v goja.Value) any {
	switch {
	case goja.IsString(v):
		return v.String()
	case goja.IsNumber(v):
		return v.ToFloat()
	}
	stringify, _ := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("stringify"))
	s, err := stringify(goja.Undefined(), v)
	if err != nil || goja.IsUndefined(s) {
		return nil
	}
	doc, _ := schemadoc.Parse(s.String())
	return doc
}

// tv4ResultJSON is the JSON js/tv4.js parses.
func tv4ResultJSON(r tv4Result) string {
	var b strings.Builder
	b.WriteString(`{"valid":`)
	if len(r.errors) == 0 {
		b.WriteString("true")
	} else {
		b.WriteString("false")
	}
	b.WriteString(`,"errors":`)
	tv4WriteErrors(&b, r.errors, true)
	b.WriteString(`,"missing":[`)
	for i, m := range r.missing {
		if i > 0 {
			b.WriteByte(',')
		}
		tv4WriteString(&b, m)
	}
	b.WriteString("]}")
	return b.String()
}

// tv4WriteErrors writes errs as an array of tv4's error objects, or null
// when there is no list.
func tv4WriteErrors(b *strings.Builder, errs []*tv4Err, list bool) {
	if !list {
		b.WriteString("null")
		return
	}
	b.WriteByte('[')
	for i, e := range errs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"message":`)
		tv4WriteString(b, e.message)
		b.WriteString(`,"code":`)
		tv4WriteJSON(b, e.code)
		b.WriteString(`,"dataPath":`)
		tv4WriteString(b, e.dataPath)
		b.WriteString(`,"schemaPath":`)
		tv4WriteString(b, e.schemaPath)
		b.WriteString(`,"params":{`)
		for j, p := range e.params {
			if j > 0 {
				b.WriteByte(',')
			}
			tv4WriteString(b, p.name)
			b.WriteByte(':')
			tv4WriteJSON(b, p.value)
		}
		b.WriteString(`},"subErrors":`)
		tv4WriteErrors(b, e.subErrors, e.hasSubs)
		b.WriteByte('}')
	}
	b.WriteByte(']')
}
