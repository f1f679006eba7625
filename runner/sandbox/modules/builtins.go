package modules

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

//go:embed js/*.js
var jsFiles embed.FS

// builtin is one module we provide ourselves.
type builtin struct {
	// core marks Node core modules: like Node, these are never looked up
	// in node_modules.
	core bool
	// js is the embedded source file under js/ ("" for a Go-only module).
	// It runs as a CommonJS module with one extra parameter, `native`.
	js string
	// native builds the per-runtime Go half of the module: for a JS module
	// it is passed in as `native`; for a Go-only module it is the exports.
	native func(st *runtimeState) *goja.Object

	once sync.Once
	prg  *goja.Program
	err  error
}

// lodash3Key is the internal name of the lodash 3 flavoured view behind
// the `_` global; require() cannot reach it, as no script name has a NUL.
const lodash3Key = "\x00lodash3"

// bufferBuiltin is require('buffer'), which atob and btoa use too.
var bufferBuiltin = &builtin{core: true, js: "buffer.js", native: bufferNatives}

// builtins maps require() names to our implementations.
var builtins = map[string]*builtin{
	"lodash":    {js: "lodash.js"},
	lodash3Key:  {js: "lodash3.js"},
	"moment":    {js: "moment.js"},
	"crypto-js": {js: "cryptojs.js", native: cryptoNatives},
	"uuid":      {native: uuidModule},
	"xml2js":    {js: "xml2js.js", native: xmlNatives},
	"tv4":       {js: "tv4.js", native: tv4Natives},
	"atob":      {native: atobModule},
	"btoa":      {native: btoaModule},
	"chai":      {native: chaiModule},
	"json":      {native: jsonModule},
	"ajv":       {js: "ajv.js", native: ajvNatives},
	"cheerio":   {js: "cheerio.js", native: cheerioNatives},
	// Postman exposes only the sync entry point of csv-parse 1.x.
	"csv-parse/lib/sync": {js: "csvparse.js"},
	"buffer":             bufferBuiltin,
	"url":                {core: true, js: "url.js", native: urlNatives},
	"util":               {core: true, js: "util.js"},
	"events":             {core: true, js: "events.js"},
	"path":               {core: true, js: "path.js"},
	"querystring":        {core: true, js: "querystring.js"},
	"timers":             {core: true, js: "timers.js"},
	"assert":             {core: true, js: "assert.js"},
	"punycode":           {core: true, js: "punycode.js"},
	"string_decoder":     {core: true, js: "string_decoder.js"},
	"stream":             {core: true, js: "stream.js"},
	"os":                 {core: true, js: "os.js"},
	// fs is an empty object in Postman's sandbox: no file is readable.
	"fs": {core: true, native: func(st *runtimeState) *goja.Object { return st.rt.NewObject() }},
}

// isBuiltinName reports whether name is one of ours.
func isBuiltinName(name string) bool {
	_, ok := builtins[strings.TrimPrefix(name, "node:")]
	return ok
}

// program compiles the embedded source once per process.
func (b *builtin) program(name string) (*goja.Program, error) {
	b.once.Do(func() {
		src, err := jsFiles.ReadFile("js/" + b.js)
		if err != nil {
			b.err = err
			return
		}
		b.prg, b.err = goja.Compile("colrun:"+strings.TrimPrefix(name, "\x00"),
			"(function (exports, require, module, __filename, __dirname, native) {"+string(src)+"\n})", true)
	})
	return b.prg, b.err
}

// loadBuiltin evaluates builtin name once per runtime.
func (st *runtimeState) loadBuiltin(name string, b *builtin) goja.Value {
	key := "builtin:" + name
	if m := st.modules[key]; m != nil {
		return m.Get("exports")
	}
	rt := st.rt
	if b.js == "" {
		exports := b.native(st)
		m := rt.NewObject()
		_ = m.Set("exports", exports)
		st.modules[key] = m
		return exports
	}
	prg, err := b.program(name)
	if err != nil {
		panic(rt.NewGoError(fmt.Errorf("built-in module %s: %w", name, err)))
	}
	m := rt.NewObject()
	_ = m.Set("exports", rt.NewObject())
	st.modules[key] = m
	ok := false
	defer func() {
		if !ok {
			delete(st.modules, key)
		}
	}()
	fnv, err := rt.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	var nat goja.Value = goja.Undefined()
	if b.native != nil {
		nat = b.native(st)
	}
	exports := m.Get("exports")
	st.loading++
	defer func() { st.loading-- }()
	// Built-ins require only other built-ins, so their require starts
	// from the script's directory like a top-level require.
	if _, err := fn(exports, exports, st.require, m, rt.ToValue("colrun:"+name), rt.ToValue(""), nat); err != nil {
		panic(err)
	}
	ok = true
	return m.Get("exports")
}

// cryptoSubpaths maps crypto-js's per-file entry points to the member of
// the full library each one exports.
var cryptoSubpaths = map[string]string{
	"core": "", "index": "", "x64-core": "", "lib-typedarrays": "", "cipher-core": "",
	"md5": "MD5", "sha1": "SHA1", "sha224": "SHA224", "sha256": "SHA256", "sha384": "SHA384",
	"sha512": "SHA512", "sha3": "SHA3", "hmac-md5": "HmacMD5", "hmac-sha1": "HmacSHA1",
	"hmac-sha224": "HmacSHA224", "hmac-sha256": "HmacSHA256", "hmac-sha384": "HmacSHA384",
	"hmac-sha512": "HmacSHA512", "hmac-sha3": "HmacSHA3", "pbkdf2": "PBKDF2", "evpkdf": "EvpKDF",
	"aes": "AES", "tripledes": "TripleDES", "enc-base64": "enc.Base64", "enc-hex": "enc.Hex",
	"enc-utf8": "enc.Utf8", "enc-latin1": "enc.Latin1", "enc-utf16": "enc.Utf16",
	"enc-base64url": "enc.Base64url", "mode-ecb": "mode.ECB", "mode-cfb": "mode.CFB",
	"mode-ctr": "mode.CTR", "mode-ofb": "mode.OFB", "pad-pkcs7": "pad.Pkcs7",
	"pad-nopadding": "pad.NoPadding", "pad-zeropadding": "pad.ZeroPadding",
	"pad-iso10126": "pad.Iso10126", "pad-ansix923": "pad.AnsiX923", "pad-iso97971": "pad.Iso97971",
	"format-openssl": "format.OpenSSL", "format-hex": "format.Hex", "hmac": "algo.HMAC",
}

// builtinSubpath serves `lodash/get` and `crypto-js/hmac-sha256` style
// requires from our built-in libraries.
func (st *runtimeState) builtinSubpath(name string) (goja.Value, bool) {
	pkg, sub, ok := strings.Cut(name, "/")
	if !ok || sub == "" {
		return nil, false
	}
	sub = strings.TrimSuffix(sub, ".js")
	var member string
	switch pkg {
	case "lodash":
		member = sub
	case "crypto-js":
		m, ok := cryptoSubpaths[sub]
		if !ok {
			return nil, false
		}
		member = m
	default:
		return nil, false
	}
	v := st.requireFrom(st.reg.baseDir, pkg)
	if member == "" {
		return v, true
	}
	for _, part := range strings.Split(member, ".") {
		obj, isObj := v.(*goja.Object)
		if !isObj {
			return nil, false
		}
		v = obj.Get(part)
		if v == nil || goja.IsUndefined(v) {
			return nil, false
		}
	}
	return v, true
}
