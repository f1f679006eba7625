package sandbox

import (
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"

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
var sandboxParams = setOf(sandboxParamNames)

const sandboxParamNames = `Array ArrayBuffer Atomics Backbone BigInt BigInt64Array BigUint64Array
	Boolean Buffer CryptoJS DataView Date Error EvalError Float32Array Float64Array Function
	Int16Array Int32Array Int8Array JSON Map Math Number Object Promise Proxy RangeError
	ReferenceError Reflect RegExp Set SharedArrayBuffer String Symbol SyntaxError TypeError
	URIError Uint16Array Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakSet _ atob btoa
	cheerio clearImmediate clearInterval clearTimeout console data decodeURI decodeURIComponent
	encodeURI encodeURIComponent environment escape globals isFinite isNaN iteration parseFloat
	parseInt pm postman request setImmediate setInterval setTimeout tests tv4 unescape xml2Json`

// testOnlyParams are the legacy response globals, parameters of test
// scripts only: a pre-request script may declare `const responseBody`.
var testOnlyParams = setOf(testOnlyParamNames)

const testOnlyParamNames = `responseBody responseCode responseCookies responseHeaders responseTime`

// anyParams is sandboxParams and testOnlyParams together, for
// mayWriteParams, which looks up every word of every script.
var anyParams = setOf(sandboxParamNames + " " + testOnlyParamNames)

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
	for _, st := range body {
		switch st := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range st.List {
				targetNames(b.Target, add)
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

// targetNames calls add with each name a binding or assignment target
// binds: the identifier itself, or those of a destructuring pattern.
func targetNames(t ast.Node, add func(*ast.Identifier)) {
	switch t := t.(type) {
	case *ast.Identifier:
		add(t)
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				add(&p.Name)
			case *ast.PropertyKeyed:
				targetNames(p.Value, add)
			}
		}
		targetNames(t.Rest, add)
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			targetNames(e, add)
		}
		targetNames(t.Rest, add)
	case *ast.AssignExpression:
		targetNames(t.Left, add)
	}
}

// writtenParams returns, sorted, the sandbox globals that fn's body
// assigns or declares with var or function anywhere (a nested function
// included). Newman passes those globals as parameters of the script's
// function, so `var console;` keeps the real console and `console = 5` or
// `pm = 3` changes that script's binding only; colrun's globals live on
// the global object, where the first would hide console and the second
// would reach the next script (or, pm being read-only, do nothing). Such
// scripts get those names as parameters too (Run passes the globals'
// values); a name the script only reads stays a global lookup, so the
// common script pays nothing. A name bound in a nested scope of its own
// is listed as well, which is harmless: the parameter is then unused.
// A name the body declares with let, const or class at its top level
// (redeclared) is not: a parameter would make that declaration a
// SyntaxError in colrun's compiler, where only a test script's parameters
// make it one in Newman (redeclarationError).
func writtenParams(fn *ast.FunctionLiteral, redeclared []redeclaration) []string {
	found := map[string]bool{}
	uses := map[string][]file.Idx{} // where each sandbox name occurs
	add := func(id *ast.Identifier) {
		if id == nil {
			return
		}
		if n := id.Name.String(); sandboxParams[n] || testOnlyParams[n] {
			found[n] = true
		}
	}
	walkAST(reflect.ValueOf(fn.Body), func(n any) {
		switch n := n.(type) {
		case *ast.AssignExpression:
			targetNames(n.Left, add)
		case *ast.UnaryExpression:
			if n.Operator == token.INCREMENT || n.Operator == token.DECREMENT {
				targetNames(n.Operand, add)
			}
		case *ast.ForIntoExpression:
			targetNames(n.Expression, add)
		case *ast.Binding:
			targetNames(n.Target, add)
		case *ast.FunctionDeclaration:
			add(n.Function.Name)
		case *ast.Identifier:
			if name := n.Name.String(); sandboxParams[name] || testOnlyParams[name] {
				uses[name] = append(uses[name], n.Idx)
			}
		}
	})
	for _, r := range redeclared {
		delete(found, r.name)
	}
	// `var data = pm.response.json();` at the top, before any other use of
	// data, is common, and there the global's value can never be seen:
	// the plain var is the same binding and costs nothing, where the
	// parameter would build the legacy data object on every run.
	for _, st := range fn.Body.List {
		vs, ok := st.(*ast.VariableStatement)
		if !ok {
			continue
		}
		for _, b := range vs.List {
			id, ok := b.Target.(*ast.Identifier)
			if !ok || b.Initializer == nil || !found[id.Name.String()] {
				continue
			}
			name := id.Name.String()
			seenFirst, inInit := true, false
			for _, at := range uses[name] {
				seenFirst = seenFirst && at >= id.Idx
				inInit = inInit || (at >= b.Initializer.Idx0() && at < b.Initializer.Idx1())
			}
			if seenFirst && !inInit {
				delete(found, name)
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(found))
}

// mayWriteParams reports whether source might bind or assign a sandbox
// global, so that writtenParams need not walk the AST of a script that
// cannot (the walk was a fifth of compiling a typical test script). It
// looks at each whole-word occurrence of a global's name in the text and
// rules it out only where it cannot be a binding being written, whatever
// surrounds it (a string, a comment or code): right after a single "."
// (a property), right before "." or "[" (a read of it), or right before
// "(" (a call) unless a function declaration takes the name. Anything
// else, a unicode escape that could spell a name included, counts as a
// possible write, and the walk decides.
func mayWriteParams(source string) bool {
	if strings.Contains(source, `\u`) {
		return true
	}
	var declared []string // names following a `function` keyword: few
	for i := 0; i < len(source); {
		if !isIdentByte(source[i]) {
			i++
			continue
		}
		j := i
		for j < len(source) && isIdentByte(source[j]) {
			j++
		}
		word := source[i:j]
		if word == "function" {
			if name := functionName(source[j:]); name != "" {
				declared = append(declared, name)
			}
		} else if anyParams[word] {
			member := i > 0 && source[i-1] == '.' && (i < 2 || source[i-2] != '.')
			next := byte(0)
			if j < len(source) {
				next = source[j]
			}
			if !member && next != '.' && next != '[' && (next != '(' || slices.Contains(declared, word)) {
				return true
			}
		}
		i = j
	}
	return false
}

// functionName returns the name a function declaration gives, from the
// text after its `function` keyword: past blanks, comments and a
// generator's "*". isIdentByte (errors.go) counts any non-ASCII byte as
// part of a name, so a name is never found inside a longer identifier.
func functionName(rest string) string {
	for {
		switch {
		case rest == "":
			return ""
		case rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '*':
			rest = rest[1:]
		case strings.HasPrefix(rest, "//"):
			end := strings.IndexAny(rest, "\n\r")
			if end < 0 {
				return ""
			}
			rest = rest[end:]
		case strings.HasPrefix(rest, "/*"):
			end := strings.Index(rest[2:], "*/")
			if end < 0 {
				return ""
			}
			rest = rest[2+end+2:]
		default:
			j := 0
			for j < len(rest) && isIdentByte(rest[j]) {
				j++
			}
			return rest[:j]
		}
	}
}

// astPkg is the package path of goja's AST node types.
var astPkg = reflect.TypeFor[ast.Program]().PkgPath()

var identType = reflect.TypeFor[ast.Identifier]()

// walkAST calls visit with every pointer to an AST node under v. goja's
// ast package has no visitor; the node types are plain structs, slices
// and interfaces, so reflection reaches them all, and this runs once per
// compiled source.
func walkAST(v reflect.Value, visit func(any)) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			walkAST(v.Elem(), visit)
		}
	case reflect.Pointer:
		if v.IsNil() || v.Type().Elem().Kind() != reflect.Struct || v.Type().Elem().PkgPath() != astPkg {
			return
		}
		visit(v.Interface())
		walkAST(v.Elem(), visit)
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		if v.Type() == identType && v.CanAddr() {
			// A property name or shorthand held by value.
			visit(v.Addr().Interface())
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanInterface() {
				walkAST(f, visit)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkAST(v.Index(i), visit)
		}
	}
}
