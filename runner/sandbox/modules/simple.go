package modules

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/google/uuid"
)

// uuidModule is Postman's uuid: callable as v4 itself (Postman bundles its
// own tiny uuid that is just that), with the common named generators of
// the uuid package scripts also reach for.
func uuidModule(st *runtimeState) *goja.Object {
	rt := st.rt
	v4 := func(goja.FunctionCall) goja.Value { return rt.ToValue(uuid.NewString()) }
	mod := rt.ToValue(v4).(*goja.Object)
	_ = mod.Set("v4", v4)
	_ = mod.Set("v1", func(goja.FunctionCall) goja.Value {
		u, err := uuid.NewUUID()
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return rt.ToValue(u.String())
	})
	named := func(hash func(uuid.UUID, []byte) uuid.UUID) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			ns, err := uuid.Parse(call.Argument(1).String())
			if err != nil {
				panic(rt.NewTypeError("Namespace must be array-like (16 iterable integer values, 0-255)"))
			}
			return rt.ToValue(hash(ns, []byte(call.Argument(0).String())).String())
		}
	}
	v5 := rt.ToValue(named(uuid.NewSHA1)).(*goja.Object)
	v3 := rt.ToValue(named(uuid.NewMD5)).(*goja.Object)
	for _, o := range []*goja.Object{v3, v5} {
		_ = o.Set("DNS", uuid.NameSpaceDNS.String())
		_ = o.Set("URL", uuid.NameSpaceURL.String())
	}
	_ = mod.Set("v5", v5)
	_ = mod.Set("v3", v3)
	_ = mod.Set("NIL", uuid.Nil.String())
	_ = mod.Set("validate", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).String()
		_, err := uuid.Parse(s)
		return rt.ToValue(err == nil && len(s) == 36)
	})
	_ = mod.Set("version", func(call goja.FunctionCall) goja.Value {
		u, err := uuid.Parse(call.Argument(0).String())
		if err != nil {
			panic(rt.NewTypeError("Invalid UUID"))
		}
		return rt.ToValue(int(u.Version()))
	})
	return mod
}

// jsUnits returns the UTF-16 code units of a JS string argument.
func jsUnits(v goja.Value) []uint16 {
	return unitsOf(v.String())
}

// unitsOf returns the UTF-16 code units of s.
func unitsOf(s string) []uint16 {
	return utf16.Encode([]rune(s))
}

// btoaModule is npm btoa as Postman bundles it: a Buffer's bytes, or else
// Buffer.from(s.toString(), 'binary').toString('base64'), so each code unit
// contributes its low byte and nothing throws, unlike the browser's btoa;
// but undefined and null have no toString.
func btoaModule(st *runtimeState) *goja.Object {
	return st.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		arg := call.Argument(0)
		if goja.IsUndefined(arg) || goja.IsNull(arg) {
			panic(st.rt.NewTypeError(fmt.Sprintf("Cannot read properties of %s (reading 'toString')", arg)))
		}
		if buf, ok := st.bufferArg(arg); ok {
			return st.rt.ToValue(encodeString(buf, "base64"))
		}
		units := jsUnits(arg)
		b := make([]byte, len(units))
		for i, u := range units {
			b[i] = byte(u)
		}
		return st.rt.ToValue(encodeString(b, "base64"))
	}).(*goja.Object)
}

// bufferArg returns the bytes of a Buffer argument.
func (st *runtimeState) bufferArg(v goja.Value) ([]byte, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	isBuffer, _ := goja.AssertFunction(st.bufferCtor().Get("isBuffer"))
	if r, err := isBuffer(goja.Undefined(), obj); err != nil || !r.ToBoolean() {
		return nil, false
	}
	if ab, ok := obj.Get("buffer").Export().(goja.ArrayBuffer); ok {
		off, n := obj.Get("byteOffset").ToInteger(), obj.Get("byteLength").ToInteger()
		return ab.Bytes()[off : off+n], true
	}
	return nil, false
}

// bufferCtor is the Buffer of require('buffer').
func (st *runtimeState) bufferCtor() *goja.Object {
	return st.loadBuiltin("buffer", bufferBuiltin).(*goja.Object).Get("Buffer").(*goja.Object)
}

// atobModule is npm atob as Postman bundles it: Buffer.from(s, 'base64')
// .toString('binary'), which skips characters outside the alphabet; what
// is not a string goes to Buffer.from as it is, with its errors.
func atobModule(st *runtimeState) *goja.Object {
	return st.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		arg := call.Argument(0)
		if s, ok := arg.Export().(string); ok {
			return st.rt.ToValue(latin1String(decodeString(s, "base64")))
		}
		ctor := st.bufferCtor()
		from, _ := goja.AssertFunction(ctor.Get("from"))
		buf, err := from(ctor, arg, st.rt.ToValue("base64"))
		if err != nil {
			panic(err)
		}
		toString, _ := goja.AssertFunction(buf.ToObject(st.rt).Get("toString"))
		s, err := toString(buf, st.rt.ToValue("binary"))
		if err != nil {
			panic(err)
		}
		return s
	}).(*goja.Object)
}

// latin1String maps each byte to the code point of the same value, as
// Node's 'binary' encoding does.
func latin1String(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// jsonModule is Postman's `json` module (liquid-json), a JSON lookalike.
func jsonModule(st *runtimeState) *goja.Object {
	j := st.rt.Get("JSON").(*goja.Object)
	o := st.rt.NewObject()
	_ = o.Set("parse", j.Get("parse"))
	_ = o.Set("stringify", j.Get("stringify"))
	return o
}
