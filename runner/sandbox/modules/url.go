package modules

import (
	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"
)

// urlNatives supplies the WHATWG URL classes from goja_nodejs, which
// js/url.js re-exports beside the legacy API.
func urlNatives(st *runtimeState) *goja.Object {
	m := st.rt.NewObject()
	exports := st.rt.NewObject()
	_ = m.Set("exports", exports)
	nodeurl.Require(st.rt, m)
	return m.Get("exports").(*goja.Object)
}
