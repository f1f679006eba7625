// Package chai is colrun's assertion library for scripts: a chai 4.4.1
// compatible `expect`/`assert` with Postman's chai-postman 2.0.1 plugin,
// written in JavaScript, embedded in the binary and run in goja.
//
// Postman users compare results with Newman, so the library reproduces
// chai's pass/fail decisions and failure messages (including loupe's value
// formatting and chai's Proxy that rejects unknown assertion names) rather
// than approximating them. JSON Schema checks (`jsonSchema`) are validated
// in Go by runner/sandbox/ajv, the ajv 6 that require('ajv') also uses.
//
// The machinery every chain step goes through (creating and guarding
// assertions, copying their flags, reading and writing flags, calling
// assertion methods, the passing path of assert, and that of equal, eql
// and lengthOf in fastpath.go) is Go in core.go, and
// each Assertion's state is a Go struct (assertion.go), because in goja
// that is what a test script spends its time on; the JS keeps chai's API
// and everything that only runs when an assertion fails.
package chai

import (
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/runner/sandbox/ajv"
)

// sources are concatenated in this order into one function body, so that
// later files can use what earlier ones define.
var sources = []string{
	"js/util.js",
	"js/core.js",
	"js/assertions.js",
	"js/interfaces.js",
	"js/postman.js",
	"js/main.js",
}

//go:embed js/*.js
var files embed.FS

// programName is what goja reports as the file in stack traces of errors
// raised inside the library.
const programName = "colrun-chai.js"

var (
	compileOnce sync.Once
	program     *goja.Program
	compileErr  error
)

// Program returns the compiled library: an expression evaluating to a
// factory `function (host) { ...; return chai; }`. It is compiled once per
// process; a goja.Program may be run by many runtimes concurrently. The
// factory needs the Go half of the library on host, which only Install
// provides, so run it through Install.
func Program() *goja.Program {
	compileOnce.Do(func() {
		program, compileErr = goja.Compile(programName, source(), false)
	})
	if compileErr != nil {
		// The source is embedded and covered by tests; failing to compile
		// it is a build defect, not a runtime condition.
		panic(fmt.Sprintf("chai: embedded library does not compile: %v", compileErr))
	}
	return program
}

func source() string {
	var b strings.Builder
	b.WriteString("(function (host) {\n")
	for _, name := range sources {
		data, err := files.ReadFile(name)
		if err != nil {
			panic(fmt.Sprintf("chai: embedded file %s missing: %v", name, err))
		}
		b.Write(data)
		b.WriteString("\n")
	}
	b.WriteString("})")
	return b.String()
}

// installed marks a runtime that already has the library, so Install can
// hand back the same object (plugins registered with use() live on it).
var installed = goja.NewSymbol("colrun.chai")

// Install runs the library in rt and returns the chai module object:
// expect, assert, should, AssertionError, Assertion, use, util, config and
// version, with chai-postman applied. The non-enumerable `postman` property
// holds colrun's helpers (plugin, extras, isResponse, isRequest).
//
// Calling it again on the same runtime returns the same object. Like any
// goja work it must run on the goroutine that owns rt.
func Install(rt *goja.Runtime) (*goja.Object, error) {
	global := rt.GlobalObject()
	if v := global.GetSymbol(installed); v != nil && !goja.IsUndefined(v) {
		return v.ToObject(rt), nil
	}
	factoryValue, err := rt.RunProgram(Program())
	if err != nil {
		return nil, fmt.Errorf("chai: load library: %w", err)
	}
	factory, ok := goja.AssertFunction(factoryValue)
	if !ok {
		return nil, fmt.Errorf("chai: library did not evaluate to a function")
	}
	host := rt.NewObject()
	if err := host.Set("__colrunValidateJSONSchema", schemaHook(rt)); err != nil {
		return nil, fmt.Errorf("chai: install schema hook: %w", err)
	}
	if err := host.Set("__colrunCore", newCore(rt).hooks()); err != nil {
		return nil, fmt.Errorf("chai: install assertion core: %w", err)
	}
	v, err := factory(goja.Undefined(), host)
	if err != nil {
		return nil, fmt.Errorf("chai: initialise library: %w", err)
	}
	module := v.ToObject(rt)
	if err := global.DefineDataPropertySymbol(installed, module, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, fmt.Errorf("chai: remember installation: %w", err)
	}
	return module, nil
}

// schemaHook adapts ValidateJSONSchema to the JS calling convention the
// library expects: null when valid, an array of ajv-style lines when not,
// a string when the schema itself is unusable (the library throws it).
func schemaHook(rt *goja.Runtime) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		problems, err := guardedValidate(call.Argument(0).String(), call.Argument(1).String(), call.Argument(2).String())
		if errors.Is(err, ajv.ErrTooDeep) {
			// V8 throws a RangeError there, which scripts may test for.
			if obj, e := rt.New(rt.Get("RangeError"), rt.ToValue(err.Error())); e == nil {
				panic(obj)
			}
		}
		if err != nil {
			return rt.ToValue(err.Error())
		}
		if problems == nil {
			return goja.Null()
		}
		items := make([]any, len(problems))
		for i, p := range problems {
			items[i] = p
		}
		return rt.NewArray(items...)
	}
}

// guardedValidate is ValidateJSONSchema, with a defect in validation
// failing the assertion rather than the run.
func guardedValidate(schemaJSON, dataJSON, optionsJSON string) (problems []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("jsonSchema: internal error: %v", p)
		}
	}()
	return ValidateJSONSchema(schemaJSON, dataJSON, optionsJSON)
}
