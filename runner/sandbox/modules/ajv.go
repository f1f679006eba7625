package modules

import (
	"errors"
	"strings"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"

	"github.com/colrun/colrun/runner/sandbox/ajv"
	"github.com/colrun/colrun/runner/sandbox/schemadoc"
)

// require('ajv') is ajv 6.12 (what Postman's sandbox bundles): js/ajv.js
// holds the Ajv class and this file its Go half, over the validator in
// runner/sandbox/ajv, the one chai's jsonSchema assertion uses too, so
// the two never disagree about a schema.

// ajvInstance is one `new Ajv(options)` as js/ajv.js sees it.
type ajvInstance struct {
	st       *runtimeState
	v        *ajv.Instance
	compiled []*ajv.Schema
}

// newAjvInstance reads the options of `new Ajv(options)` that change
// outcomes: allErrors, format, unknownFormats and jsonPointers.
func newAjvInstance(st *runtimeState, opts *goja.Object) *ajvInstance {
	var o ajv.Options
	if opts != nil {
		if v := opts.Get("allErrors"); v != nil {
			o.AllErrors = v.ToBoolean()
		}
		if v := opts.Get("jsonPointers"); v != nil {
			o.JSONPointers = v.ToBoolean()
		}
		if v := opts.Get("format"); v != nil && !goja.IsUndefined(v) {
			switch {
			case !v.ToBoolean():
				o.Format = ajv.FormatOff
			case v.String() == "full":
				o.Format = ajv.FormatFull
			}
		}
		if v := opts.Get("unknownFormats"); v != nil && !goja.IsUndefined(v) {
			if names, ok := v.Export().([]any); ok {
				o.AllowedUnknownFormats = map[string]bool{}
				for _, n := range names {
					if s, ok := n.(string); ok {
						o.AllowedUnknownFormats[s] = true
					}
				}
			} else {
				o.IgnoreUnknownFormats = v.String() == "ignore"
			}
		}
	}
	return &ajvInstance{st: st, v: ajv.New(o)}
}

// ajvNatives is the Go half of js/ajv.js: create(options) returns one
// instance's operations, which take and give JSON text.
func ajvNatives(st *runtimeState) *goja.Object {
	rt := st.rt
	o := rt.NewObject()
	_ = o.Set("create", func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		return newAjvInstance(st, opts).object()
	})
	return o
}

// parse decodes schema or data JSON handed over by js/ajv.js.
func (in *ajvInstance) parse(v goja.Value) any {
	doc, err := schemadoc.Parse(v.String())
	if err != nil {
		in.st.throwError("ajv: "+err.Error(), "")
	}
	return doc
}

// throw raises err in the script as ajv would: a runaway $ref as V8's
// RangeError, anything else as an Error.
func (in *ajvInstance) throw(err error) {
	if errors.Is(err, ajv.ErrTooDeep) {
		if obj, e := in.st.rt.New(in.st.rt.Get("RangeError"), in.st.rt.ToValue(err.Error())); e == nil {
			panic(obj)
		}
	}
	in.st.throwError(err.Error(), "")
}

// customFormat turns an addFormat definition (a RegExp, a pattern
// string, a function or {validate, type}) into the validator's format.
func (in *ajvInstance) customFormat(def goja.Value) *ajv.Format {
	f := &ajv.Format{}
	if obj, ok := def.(*goja.Object); ok && obj.ClassName() == "Object" {
		f.Numbers = obj.Get("type") != nil && obj.Get("type").String() == "number"
		def = obj.Get("validate")
	}
	if fn, ok := goja.AssertFunction(def); ok {
		f.Check = func(v any) bool {
			res, err := fn(goja.Undefined(), in.st.rt.ToValue(v))
			if err != nil {
				// The script's exception ends validation and reaches the script.
				panic(err)
			}
			return res.ToBoolean()
		}
		return f
	}
	src, flags := def.String(), regexp2.ECMAScript
	if obj, ok := def.(*goja.Object); ok && obj.ClassName() == "RegExp" {
		src = obj.Get("source").String()
		if strings.Contains(obj.Get("flags").String(), "i") {
			flags |= regexp2.IgnoreCase
		}
	}
	re, err := regexp2.Compile(src, flags)
	if err != nil {
		in.st.throwError("ajv.addFormat: invalid pattern: "+err.Error(), "")
	}
	f.Check = func(v any) bool {
		s, _ := v.(string)
		ok, _ := re.MatchString(s)
		return ok
	}
	return f
}

// object exposes the instance to js/ajv.js.
func (in *ajvInstance) object() *goja.Object {
	rt := in.st.rt
	o := rt.NewObject()
	// compile checks a schema as ajv.compile does and returns its handle.
	_ = o.Set("compile", func(call goja.FunctionCall) goja.Value {
		s, err := in.v.Compile(in.parse(call.Argument(0)))
		if err != nil {
			in.throw(err)
		}
		in.compiled = append(in.compiled, s)
		return rt.ToValue(len(in.compiled) - 1)
	})
	// validate returns the errors JSON, or null when data is valid.
	_ = o.Set("validate", func(call goja.FunctionCall) goja.Value {
		errs, err := in.compiled[call.Argument(0).ToInteger()].Validate(in.parse(call.Argument(1)))
		if err != nil {
			in.throw(err)
		}
		if errs == nil {
			return goja.Null()
		}
		return rt.ToValue(ajv.ErrorsJSON(errs))
	})
	// validateSchema checks a schema against the meta-schema.
	_ = o.Set("validateSchema", func(call goja.FunctionCall) goja.Value {
		errs, err := in.v.ValidateSchema(in.parse(call.Argument(0)))
		if err != nil {
			in.throw(err)
		}
		if len(errs) == 0 {
			return goja.Null()
		}
		return rt.ToValue(ajv.ErrorsJSON(errs))
	})
	// addSchema makes a schema reachable by key (and by its $id) for
	// $ref and getSchema.
	_ = o.Set("addSchema", func(call goja.FunctionCall) goja.Value {
		if err := in.v.AddSchema(in.parse(call.Argument(0)), call.Argument(1).String(), call.Argument(2).ToBoolean()); err != nil {
			in.throw(err)
		}
		return goja.Undefined()
	})
	_ = o.Set("removeSchema", func(call goja.FunctionCall) goja.Value {
		in.v.RemoveSchema(call.Argument(0).String())
		return goja.Undefined()
	})
	_ = o.Set("addFormat", func(call goja.FunctionCall) goja.Value {
		in.v.AddFormat(call.Argument(0).String(), in.customFormat(call.Argument(1)))
		return goja.Undefined()
	})
	return o
}
