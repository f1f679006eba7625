package modules

import (
	"github.com/dop251/goja"
)

// legacyGlobal is a library global Postman's sandbox defines.
type legacyGlobal struct {
	name   string
	module string // what require() name backs it
	member string // property of the module's exports, "" for the whole
	legacy bool   // Postman warns that it is deprecated
}

// legacyGlobals are the library globals of Postman's sandbox (see
// postman-sandbox's postman-legacy-interface and execute.js). xml2Json is
// the sandbox's own; Backbone is not provided.
var legacyGlobals = []legacyGlobal{
	{name: "_", module: lodash3Key, legacy: true},
	{name: "CryptoJS", module: "crypto-js", legacy: true},
	{name: "tv4", module: "tv4", legacy: true},
	{name: "atob", module: "atob", legacy: true},
	{name: "btoa", module: "btoa", legacy: true},
	{name: "cheerio", module: "cheerio", legacy: true},
	{name: "Buffer", module: "buffer", member: "Buffer"},
}

// defineGlobals installs each library global as a lazy accessor: the
// first read loads the module; a write turns it into a plain value.
func (st *runtimeState) defineGlobals() error {
	rt := st.rt
	global := rt.GlobalObject()
	for _, g := range legacyGlobals {
		var cached goja.Value
		getter := rt.ToValue(func(goja.FunctionCall) goja.Value {
			// A library being loaded sees the legacy globals as absent, as
			// under Node: real lodash reads the global `_` while it loads
			// (for noConflict), which must neither load our `_` as a side
			// effect nor re-enter a half-loaded lodash.
			if cached == nil && g.legacy && st.loading > 0 {
				return goja.Undefined()
			}
			if cached == nil {
				v := st.globalModule(g.module)
				if g.member != "" {
					v = v.(*goja.Object).Get(g.member)
				}
				cached = v
			}
			if g.legacy && st.reg.opts.OnLegacyGlobal != nil {
				st.reg.opts.OnLegacyGlobal(rt, g.name)
			}
			return cached
		})
		setter := rt.ToValue(func(call goja.FunctionCall) goja.Value {
			_ = global.DefineDataProperty(g.name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			return goja.Undefined()
		})
		if err := global.DefineAccessorProperty(g.name, getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return err
		}
	}
	return nil
}

// globalModule loads what backs a global: the real package when one is
// installed and preferred, else ours. The `_` global is lodash 3 in
// Postman, so a real `lodash3` package is used when installed.
func (st *runtimeState) globalModule(name string) goja.Value {
	if name == lodash3Key {
		if p := st.reg.resolve(st.reg.baseDir, "lodash3"); p != "" {
			return st.loadFile(p)
		}
		return st.loadBuiltin(name, builtins[name])
	}
	return st.requireFrom(st.reg.baseDir, name)
}
