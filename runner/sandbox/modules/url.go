package modules

import (
	"net/url"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"
)

// urlNatives supplies the WHATWG URL classes from goja_nodejs, which
// js/url.js re-exports beside the legacy API, and RFC 3986 reference
// resolution for url.resolve.
func urlNatives(st *runtimeState) *goja.Object {
	m := st.rt.NewObject()
	_ = m.Set("exports", st.rt.NewObject())
	nodeurl.Require(st.rt, m)
	exports := m.Get("exports").(*goja.Object)
	_ = exports.Set("resolveReference", func(call goja.FunctionCall) goja.Value {
		base, err := url.Parse(call.Argument(0).String())
		if err != nil {
			panic(st.rt.NewTypeError(err.Error()))
		}
		ref, err := url.Parse(call.Argument(1).String())
		if err != nil {
			panic(st.rt.NewTypeError(err.Error()))
		}
		return st.rt.ToValue(base.ResolveReference(ref).String())
	})
	return exports
}
