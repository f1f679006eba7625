package sandbox

import (
	"strings"

	"github.com/dop251/goja/ast"

	"github.com/colrun/colrun/runner/event"
)

// postman-sandbox runs a script as the body of a function whose parameters
// are the sandbox's globals (uniscope's Function.apply(names..., code)), so
// a top-level `let`, `const` or `class` of one of those names is V8's early
// error "Identifier 'data' has already been declared" and nothing of the
// script runs: `const _ = require('lodash')` or `let data = pm.response.json()`
// fails the script in Newman 6.2.2. colrun's globals live on the global
// object, where such a declaration would shadow them quietly, so the names
// are checked here. The lists are what Newman 6.2.2 refused, name by name.
var sandboxParams = setOf(`Array ArrayBuffer Atomics Backbone BigInt BigInt64Array BigUint64Array
	Boolean Buffer CryptoJS DataView Date Error EvalError Float32Array Float64Array Function
	Int16Array Int32Array Int8Array JSON Map Math Number Object Promise Proxy RangeError
	ReferenceError Reflect RegExp Set SharedArrayBuffer String Symbol SyntaxError TypeError
	URIError Uint16Array Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakSet _ atob btoa
	cheerio clearImmediate clearInterval clearTimeout console data decodeURI decodeURIComponent
	encodeURI encodeURIComponent environment escape globals isFinite isNaN iteration parseFloat
	parseInt pm postman request setImmediate setInterval setTimeout tests tv4 unescape xml2Json`)

// testOnlyParams are the legacy response globals, parameters of test
// scripts only: a pre-request script may declare `const responseBody`.
var testOnlyParams = setOf(`responseBody responseCode responseCookies responseHeaders responseTime`)

func setOf(names string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(names) {
		m[n] = true
	}
	return m
}

// redeclaration is a top-level lexical declaration of a sandbox global.
type redeclaration struct {
	name         string
	line, column int
	testOnly     bool
}

// redeclarations lists, in source order, the top-level let/const/class
// declarations in body that name a sandbox global; off maps a position in
// the wrapped source to an offset in source.
func redeclarations(body []ast.Statement, source string, off func(int) int) []redeclaration {
	var out []redeclaration
	add := func(id *ast.Identifier) {
		if id == nil {
			return
		}
		n := id.Name.String()
		if sandboxParams[n] || testOnlyParams[n] {
			line, col := lineCol(source, off(int(id.Idx)))
			out = append(out, redeclaration{name: n, line: line, column: col, testOnly: !sandboxParams[n]})
		}
	}
	var walk func(t ast.Node)
	walk = func(t ast.Node) {
		switch t := t.(type) {
		case *ast.Identifier:
			add(t)
		case *ast.ObjectPattern:
			for _, p := range t.Properties {
				switch p := p.(type) {
				case *ast.PropertyShort:
					add(&p.Name)
				case *ast.PropertyKeyed:
					walk(p.Value)
				}
			}
			walk(t.Rest)
		case *ast.ArrayPattern:
			for _, e := range t.Elements {
				walk(e)
			}
			walk(t.Rest)
		case *ast.AssignExpression:
			walk(t.Left)
		}
	}
	for _, st := range body {
		switch st := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range st.List {
				walk(b.Target)
			}
		case *ast.ClassDeclaration:
			if st.Class != nil {
				add(st.Class.Name)
			}
		}
	}
	return out
}

// redeclarationError is the SyntaxError Newman reports for the first of
// c's redeclarations that is a parameter of a listen script, or nil.
func (c *compiled) redeclarationError(listen string) *event.ScriptError {
	for _, r := range c.redeclared {
		if r.testOnly && listen != "test" {
			continue
		}
		return &event.ScriptError{Name: "SyntaxError", Message: "Identifier '" + r.name + "' has already been declared", Line: r.line, Column: r.column}
	}
	return nil
}
