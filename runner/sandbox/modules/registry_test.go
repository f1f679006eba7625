package modules

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"
)

// run evaluates src in rt and returns the exported result.
func run(t testing.TB, rt *goja.Runtime, src string) any {
	t.Helper()
	v, err := rt.RunString(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v.Export()
}

// evalCase is a script for a fresh runtime and the value it evaluates to.
type evalCase struct {
	name string
	src  string
	want any
}

// runEvalCases runs each case on a runtime of its own, in parallel.
func runEvalCases(t *testing.T, tests []evalCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := newRuntime(t, t.TempDir())
			if diff := cmp.Diff(tc.want, run(t, rt, tc.src)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

func TestRequire(t *testing.T) {
	t.Parallel()
	tests := []evalCase{
		{"unknown module", `try { require('left-pad'); 'no error' } catch (e) { [e instanceof Error, e.message, e.code].join('|') }`, "true|Cannot find module 'left-pad'|MODULE_NOT_FOUND"},
		{"unknown relative", `try { require('./nope'); 'no error' } catch (e) { e.message }`, "Cannot find module './nope'"},
		// A script's require is Postman's sandbox's, as under Newman
		// 6.2.2: it looks up the name as text and knows no node: names.
		{"undefined id", `try { require(undefined); 'no error' } catch (e) { [e instanceof Error, e.message, e.code].join('|') }`, "true|Cannot find module 'undefined'|MODULE_NOT_FOUND"},
		{"object id", `try { require({}); 'no error' } catch (e) { e.message }`, "Cannot find module '[object Object]'"},
		{"empty id", `try { require(''); 'no error' } catch (e) { [e.name, e.message, e.code].join('|') }`, "Error|Cannot find module ''|MODULE_NOT_FOUND"},
		{"node: prefix", `try { require('node:path'); 'no error' } catch (e) { e.message }`, "Cannot find module 'node:path'"},
		{"node: lodash", `try { require('node:lodash'); 'no error' } catch (e) { e.message }`, "Cannot find module 'node:lodash'"},
		{"unknown node: module named as asked", `try { require('node:crypto'); 'no error' } catch (e) { e.message }`, "Cannot find module 'node:crypto'"},
		{"cached per runtime", `require('lodash') === require('lodash') && require('crypto-js') === CryptoJS`, true},
		{"lodash subpath", `require('lodash/get')({a: {b: 2}}, 'a.b')`, int64(2)},
		{"crypto-js subpath", `require('crypto-js/hmac-sha256')('m', 'k').toString(require('crypto-js/enc-base64'))`, "tgCQ4wUil661oICInOL8S8qVfnVvrrTffTGADKHncew="},
		{"unknown lodash subpath", `try { require('lodash/nothing'); 'no error' } catch (e) { e.message }`, "Cannot find module 'lodash/nothing'"},
		{"global _ is lodash 3", `_.VERSION + ' ' + require('lodash').VERSION`, "3.10.2 4.17.21"},
		{"globals", `[typeof CryptoJS, typeof tv4.validate, atob(btoa('x')), Buffer.from('hi').toString('hex')].join()`, "object,function,x,6869"},
		// A size past Node's limit is Node's RangeError, not an allocation
		// that would take the process down.
		{"huge Buffer.alloc", `try { Buffer.alloc(1e12); 'allocated' } catch (e) { e.name + ' ' + e.code + ' ' + Buffer.alloc(3).length }`, "RangeError ERR_INVALID_ARG_VALUE 3"},
		{"assigning a global replaces it", `_ = 5; CryptoJS = null; [_, CryptoJS].join()`, "5,"},
		{"var in a function body shadows", `(function () { var _ = require('lodash'); return _.VERSION; })()`, "4.17.21"},
		{"chai", `require('chai').expect(1).to.equal(1) && typeof require('chai').assert`, "function"},
		{"json module", `require('json').parse('{"a":1}').a`, int64(1)},
		{"uuid callable", `typeof require('uuid')() + typeof require('uuid').v4() + require('uuid').validate(require('uuid').v1())`, "stringstringtrue"},
		{"uuid v5", `require('uuid').v5('hello', require('uuid').v5.DNS)`, "9342d47a-1bab-5709-9869-c840b2eac501"},
		{"events", `var E = require('events'); var e = new E(), got = []; e.on('x', function (v) { got.push(v); }); e.once('x', function (v) { got.push(-v); }); e.emit('x', 1); e.emit('x', 2); got.join()`, "1,-1,2"},
		{"URL", `new (require('url').URL)('https://a.com/p?q=1').searchParams.get('q')`, "1"},
		{"timers without host timers", `try { require('timers').setTimeout(function () {}, 1); 'no error' } catch (e) { e.message }`, "setTimeout is not available in this sandbox"},
		{"xml2js callback is synchronous", `var r; require('xml2js').parseString('<a>1</a>', function (e, x) { r = x; }); r.a`, "1"},
		{"xml2js callback errors propagate", `try { require('xml2js').parseString('<a/>', function () { throw new Error('boom'); }); 'no error' } catch (e) { e.message }`, "boom"},
	}
	runEvalCases(t, tests)
}

func TestGlobalsAreLazy(t *testing.T) {
	t.Parallel()
	rt := newRuntime(t, t.TempDir())
	st, err := stateOf(rt)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.modules) != 0 {
		t.Fatalf("Enable loaded modules: %v", keysOf(st.modules))
	}
	run(t, rt, `typeof _ === 'function' && typeof CryptoJS`)
	got := keysOf(st.modules)
	want := []string{"builtin:\x00lodash3", "builtin:crypto-js", "builtin:lodash"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("modules after touching _ and CryptoJS (-want +got):\n%s", diff)
	}
}

func keysOf(m map[string]*goja.Object) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestOnLegacyGlobal(t *testing.T) {
	t.Parallel()
	var seen []string
	rt := goja.New()
	reg := NewRegistry(Options{WorkingDir: t.TempDir(), OnLegacyGlobal: func(_ *goja.Runtime, name string) { seen = append(seen, name) }})
	if err := reg.Enable(rt); err != nil {
		t.Fatal(err)
	}
	run(t, rt, `_.get({}, 'a'); CryptoJS.MD5('x'); Buffer.from('x'); require('lodash')`)
	if diff := cmp.Diff([]string{"_", "CryptoJS"}, seen); diff != "" {
		t.Errorf("reported globals (-want +got):\n%s", diff)
	}
}

func TestRegistryRequireFromGo(t *testing.T) {
	t.Parallel()
	reg := NewRegistry(Options{WorkingDir: t.TempDir()})
	rt := goja.New()
	if _, err := reg.Require(rt, "lodash"); err == nil {
		t.Fatal("Require before Enable: want error")
	}
	if err := reg.Enable(rt); err != nil {
		t.Fatal(err)
	}
	v, err := reg.Require(rt, "moment")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := goja.AssertFunction(v); !ok {
		t.Errorf("moment export is %T, want a function", v.Export())
	}
	if _, err := reg.Require(rt, "no-such-module"); err == nil || !strings.Contains(err.Error(), "Cannot find module 'no-such-module'") {
		t.Errorf("Require(no-such-module) error = %v", err)
	}
}

// TestSharedRegistry runs many runtimes on one registry at once, as
// parallel workers do; -race checks the shared compile caches.
func TestSharedRegistry(t *testing.T) {
	t.Parallel()
	reg := NewRegistry(Options{WorkingDir: t.TempDir()})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rt := goja.New()
			if err := reg.Enable(rt); err != nil {
				errs <- err
				return
			}
			v, err := rt.RunString(`_.sum([1,2]) + require('moment').utc(0).year() + tv4.validate(1, {type: 'integer'}) + CryptoJS.MD5('a').toString().length`)
			if err != nil {
				errs <- err
				return
			}
			if got := v.ToInteger(); got != 3+1970+1+32 {
				errs <- fmt.Errorf("result %d, want %d", got, 3+1970+1+32)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestNodeModulesLoader checks the CommonJS loader on a package tree we
// write ourselves: package.json main, nested and relative requires, JSON,
// a cycle, __dirname, and that installed copies of lodash replace ours.
func TestNodeModulesLoader(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("node_modules/greet/package.json", `{"name": "greet", "main": "lib/main"}`)
	write("node_modules/greet/lib/main.js", `var data = require('../data.json'); var a = require('./a'); module.exports = function (n) { return data.prefix + n + a.suffix(); }; module.exports.dir = require('node:path').basename(__dirname);`)
	write("node_modules/greet/data.json", `{"prefix": "hello "}`)
	write("node_modules/greet/lib/a.js", `var b = require('./b'); exports.suffix = function () { return b.bang; }; exports.fromA = 'A';`)
	write("node_modules/greet/lib/b.js", `var a = require('./a'); exports.bang = '!' + (a.fromA === undefined ? '' : 'cycle-broken');`)
	write("node_modules/lodash/index.js", `module.exports = { VERSION: 'fake-real', runInContext: function () { return { VERSION: 'fake-real' }; } };`)
	write("sub/dir/.keep", "")

	rt := goja.New()
	if err := NewRegistry(Options{WorkingDir: filepath.Join(dir, "sub", "dir")}).Enable(rt); err != nil {
		t.Fatal(err)
	}
	got := run(t, rt, `[require('greet')('bob'), require('greet').dir, require('lodash').VERSION, _.VERSION, require('moment').version].join('|')`)
	if diff := cmp.Diff("hello bob!|lib|fake-real|3.10.2|2.30.1", got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExtraNodeModulesDirs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "mods", "extra"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mods", "extra", "index.js"), []byte(`module.exports = 42;`), 0o644); err != nil {
		t.Fatal(err)
	}
	rt := goja.New()
	if err := NewRegistry(Options{WorkingDir: t.TempDir(), NodeModules: []string{filepath.Join(dir, "mods")}}).Enable(rt); err != nil {
		t.Fatal(err)
	}
	if got := run(t, rt, `require('extra')`); got != int64(42) {
		t.Errorf("require('extra') = %v, want 42", got)
	}
}

// TestRealLodashFromNPM installs the real lodash with npm and checks that
// require('lodash') then loads it instead of ours. Skipped without npm.
func TestRealLodashFromNPM(t *testing.T) {
	if testing.Short() {
		t.Skip("installs from npm")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("npm not found")
	}
	dir := t.TempDir()
	cmd := exec.Command(npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", dir, "lodash@4.17.21", "moment@2.30.1")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("npm install failed (offline?): %v\n%s", err, out)
	}
	rt := newRuntime(t, dir)
	got := run(t, rt, `var L = require('lodash'), m = require('moment');
		[typeof L.debounce, L.VERSION, typeof m.tz, m.utc('2024-01-02').format('YYYY MMMM'), _.VERSION, typeof _.debounce].join('|')`)
	// debounce exists only in the real lodash; `_` stays lodash 3 flavoured
	// but is built from the real lodash 4.
	if diff := cmp.Diff("function|4.17.21|undefined|2024 January|3.10.2|function", got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
