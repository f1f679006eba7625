// Package modules gives Postman scripts their require() and the library
// globals Postman's sandbox defines (_, CryptoJS, atob, btoa, tv4, Buffer).
//
// Every library Postman ships that real collections lean on is built in, so
// a plain `go install` binary runs them with no npm: the small ones (uuid,
// crypto-js, xml2js, tv4, atob/btoa and the Node core modules Postman
// bundles) are Go or our own embedded JS, and lodash and moment are our own
// compact implementations of the functions scripts use. When a user wants
// full fidelity they can `npm install lodash moment crypto-js`: a real copy
// found in a node_modules directory is loaded in place of ours, and any
// other pure-JS package found there can be required too.
//
// Programs are compiled once per process and module exports are cached per
// runtime; nothing is evaluated until a script first touches it, so a run
// that never uses lodash never pays for it.
package modules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// EnvNodeModules names the environment variable holding extra node_modules
// directories (separated by the OS path-list separator), for users whose
// collections live away from their npm installs.
const EnvNodeModules = "COLRUN_NODE_MODULES"

// Options configures where real npm packages are looked for.
type Options struct {
	// WorkingDir is where the node_modules search starts, walking up to
	// the filesystem root as Node does; empty means the process's working
	// directory.
	WorkingDir string
	// NodeModules are extra node_modules directories, searched before the
	// walk from WorkingDir (after $COLRUN_NODE_MODULES) so an explicit
	// choice wins over whatever happens to sit above the working directory.
	NodeModules []string
	// OnLegacyGlobal, when set, is called each time a script reads one of
	// the legacy library globals (_, CryptoJS, atob, btoa, tv4; Buffer is
	// not deprecated and never reported), so the sandbox can print
	// Postman's deprecation warning (`Using "_" is deprecated. Use
	// "require('lodash')" instead.`), deduplicated per script as Postman
	// does.
	OnLegacyGlobal func(rt *goja.Runtime, name string)
}

// Registry resolves and compiles modules. It is safe for concurrent use
// and meant to be shared by every runtime of a process, so that each file
// is read and compiled once.
type Registry struct {
	opts Options
	// globalDirs are the explicit node_modules directories (options, then
	// the environment), searched before the walk-up from a module's dir.
	globalDirs []string
	// baseDir is the absolute directory top-level scripts resolve from.
	baseDir string

	mu       sync.Mutex
	programs map[string]*goja.Program // compiled files, by absolute path
	found    map[string]string        // dir+"\x00"+name -> resolved file, "" for none
}

// NewRegistry returns a registry searching node_modules from
// opts.WorkingDir (or the current directory), opts.NodeModules and
// $COLRUN_NODE_MODULES.
func NewRegistry(opts Options) *Registry {
	r := &Registry{
		opts:     opts,
		programs: map[string]*goja.Program{},
		found:    map[string]string{},
	}
	base := opts.WorkingDir
	if base == "" {
		base, _ = os.Getwd()
	}
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	r.baseDir = base
	for _, d := range opts.NodeModules {
		if d != "" {
			if abs, err := filepath.Abs(d); err == nil {
				d = abs
			}
			r.globalDirs = append(r.globalDirs, d)
		}
	}
	for _, d := range filepath.SplitList(os.Getenv(EnvNodeModules)) {
		if d != "" {
			if abs, err := filepath.Abs(d); err == nil {
				d = abs
			}
			r.globalDirs = append(r.globalDirs, d)
		}
	}
	return r
}

// stateKey hides each runtime's module state on its global object: the
// state then lives and dies with the runtime, with no process-wide map
// that would keep finished runtimes alive.
var stateKey = goja.NewSymbol("colrun.modules")

// runtimeState is one runtime's module cache.
type runtimeState struct {
	reg     *Registry
	rt      *goja.Runtime
	modules map[string]*goja.Object // cache key -> module object
	natives map[string]*goja.Object // per-runtime native helpers, by module
	require *goja.Object            // the top-level require function
	// loading counts module bodies being evaluated; see defineGlobals.
	loading int
	// defined are the modules the runtime's owner gave (Define), by name.
	defined map[string]goja.Value
}

// Define makes require(name) on rt return exports, ahead of node_modules
// and our own modules: the sandbox gives its Postman classes as
// postman-collection this way, as Newman's sandbox gives the copy it runs
// on rather than whatever a project installed.
func Define(rt *goja.Runtime, name string, exports goja.Value) error {
	st, err := stateOf(rt)
	if err != nil {
		return err
	}
	if st.defined == nil {
		st.defined = map[string]goja.Value{}
	}
	st.defined[name] = exports
	return nil
}

// Enable installs require() on rt and defines the library globals Postman
// scripts expect: `_` (lodash 3 flavoured, as Postman's legacy global is
// lodash 3), `CryptoJS`, `tv4`, `atob`, `btoa` and `Buffer`. The globals are
// accessors that load their module on first read, so they cost nothing
// until used; assigning to one replaces it, as with any global.
func (r *Registry) Enable(rt *goja.Runtime) error {
	st := &runtimeState{reg: r, rt: rt, modules: map[string]*goja.Object{}, natives: map[string]*goja.Object{}}
	if err := rt.GlobalObject().DefineDataPropertySymbol(stateKey, rt.ToValue(st), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return fmt.Errorf("modules: %w", err)
	}
	st.require = st.makeRequire(r.baseDir, true)
	if err := rt.Set("require", st.require); err != nil {
		return fmt.Errorf("modules: %w", err)
	}
	return st.defineGlobals()
}

// stateOf returns the module state Enable put on rt.
func stateOf(rt *goja.Runtime) (*runtimeState, error) {
	v := rt.GlobalObject().GetSymbol(stateKey)
	if v == nil {
		return nil, errors.New("modules: Enable was not called on this runtime")
	}
	st, ok := v.Export().(*runtimeState)
	if !ok {
		return nil, errors.New("modules: Enable was not called on this runtime")
	}
	return st, nil
}

// Require loads module name as a top-level script's require(name) would,
// for Go callers such as the sandbox wiring pm.expect to chai. A JS
// exception comes back as a *goja.Exception.
func (r *Registry) Require(rt *goja.Runtime, name string) (v goja.Value, err error) {
	st, err := stateOf(rt)
	if err != nil {
		return nil, err
	}
	if ex := rt.Try(func() { v = st.requireFrom(r.baseDir, name) }); ex != nil {
		return nil, ex
	}
	return v, nil
}

// PMRequireError is the message for pm.require, Postman's package library,
// which lives in a Postman workspace that a local run cannot reach.
const PMRequireError = "pm.require is not supported: Postman package library packages live in a Postman workspace; use require() with a package from node_modules instead"

// throwNotFound throws Node's MODULE_NOT_FOUND error, which scripts and
// users recognise.
func (st *runtimeState) throwNotFound(name string) {
	st.throwError(fmt.Sprintf("Cannot find module '%s'", name), "MODULE_NOT_FOUND")
}

// throwError throws a JS Error (a real Error instance, so `instanceof
// Error` and e.message work) with an optional Node-style code.
func (st *runtimeState) throwError(msg, code string) {
	ctor := st.rt.Get("Error")
	obj, err := st.rt.New(ctor, st.rt.ToValue(msg))
	if err != nil {
		panic(st.rt.NewGoError(errors.New(msg)))
	}
	if code != "" {
		_ = obj.Set("code", code)
	}
	panic(obj)
}

// makeRequire returns a require function resolving relative paths and
// node_modules from dir, as each CommonJS module gets its own. A script's
// own require (script) is Postman's sandbox's: it looks the name up as
// text, so require(undefined) and an empty name are modules not found, and
// it knows no node: names (require('node:url') fails under Newman 6.2.2);
// a package's require is Node's.
func (st *runtimeState) makeRequire(dir string, script bool) *goja.Object {
	rt := st.rt
	fn := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		arg := call.Argument(0)
		if script {
			name := arg.String()
			if name == "" || strings.HasPrefix(name, "node:") {
				st.throwNotFound(name)
			}
			return st.requireFrom(dir, name)
		}
		if _, ok := arg.Export().(string); !ok {
			panic(rt.NewTypeError(fmt.Sprintf("The \"id\" argument must be of type string. Received %s", describeArg(arg))))
		}
		name := arg.String()
		if name == "" {
			panic(rt.NewTypeError("The argument 'id' must be a non-empty string. Received ''"))
		}
		return st.requireFrom(dir, name)
	}).(*goja.Object)
	_ = fn.Set("resolve", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		if isBuiltinName(name) && !isPathLike(name) {
			return rt.ToValue(name)
		}
		if p := st.reg.resolve(dir, name); p != "" {
			return rt.ToValue(p)
		}
		st.throwNotFound(name)
		return nil
	})
	return fn
}

// describeArg renders a non-string require argument as Node's message does.
func describeArg(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	return "type " + v.ExportType().String()
}

// requireFrom is require(name) called from a module in dir. Node core
// names always get ours; a package we also build in gets the real copy
// when one is installed and it is one goja is known to run (see
// preferReal); anything else must come from node_modules.
func (st *runtimeState) requireFrom(dir, name string) goja.Value {
	// A module not found is named as the script wrote it (node:crypto),
	// as Newman's sandbox names it.
	asked := name
	name = strings.TrimPrefix(name, "node:")
	if isPathLike(name) {
		p := st.reg.resolve(dir, name)
		if p == "" {
			st.throwNotFound(asked)
		}
		return st.loadFile(p)
	}
	if v, ok := st.defined[name]; ok {
		return v
	}
	root, _, _ := strings.Cut(name, "/")
	if strings.HasPrefix(name, "@") {
		if i := strings.IndexByte(name[len(root)+1:], '/'); i >= 0 {
			root = name[:len(root)+1+i]
		} else {
			root = name
		}
	}
	b, isBuiltin := builtins[name]
	if isBuiltin && b.core {
		return st.loadBuiltin(name, b)
	}
	if !isBuiltin || preferReal[root] {
		if p := st.reg.resolve(dir, name); p != "" {
			return st.loadFile(p)
		}
	}
	if isBuiltin {
		return st.loadBuiltin(name, b)
	}
	if v, ok := st.builtinSubpath(name); ok {
		return v
	}
	st.throwNotFound(asked)
	return nil
}

// preferReal lists the packages for which an installed real copy replaces
// our built-in one: those goja is known to run unmodified and whose full
// API users may want. uuid, xml2js and tv4 stay ours even when installed,
// as their modern releases need Node internals goja lacks, and a project's
// unrelated node_modules must not break scripts that work without it.
var preferReal = map[string]bool{"lodash": true, "moment": true, "crypto-js": true, "lodash3": true}

// isPathLike reports whether name is a relative or absolute path rather
// than a package name.
func isPathLike(name string) bool {
	return name == "." || name == ".." || strings.HasPrefix(name, "./") || strings.HasPrefix(name, "../") ||
		strings.HasPrefix(name, "/") || filepath.IsAbs(name)
}
