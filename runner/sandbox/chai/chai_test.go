package chai

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"
)

// outcome is what running one snippet produced, in the shape the node
// reference script records for real chai 4.4.1 + chai-postman 2.0.1.
type outcome struct {
	Pass     bool            `json:"pass"`
	Value    json.RawMessage `json:"value,omitempty"`
	Error    string          `json:"error,omitempty"`
	Message  string          `json:"message,omitempty"`
	ShowDiff *bool           `json:"showDiff,omitempty"`
	Actual   string          `json:"actual,omitempty"`
	Expected string          `json:"expected,omitempty"`
	Operator string          `json:"operator,omitempty"`
}

type referenceCase struct {
	Name string `json:"name"`
	Code string `json:"code"`
	// Detail asks for the AssertionError's showDiff/actual/expected too.
	Detail bool    `json:"detail"`
	Want   outcome `json:"want"`
}

// harness runs a case body as Postman runs a script body and reports the
// outcome as JSON, so Go and node see the same serialisation.
const harness = `(function (chai, code, detail) {
  var defaults = { truncateThreshold: chai.config.truncateThreshold, showDiff: chai.config.showDiff,
    includeStack: chai.config.includeStack };
  var result;
  try {
    var fn = new Function('chai', 'expect', 'assert', 'mkres', 'mkreq', code);
    var ret = fn(chai, chai.expect, chai.assert, mkres, mkreq);
    result = { pass: true };
    if (ret !== undefined) result.value = ret;
  } catch (e) {
    result = { pass: false, error: e && e.name, message: e && e.message };
    if (e && e.name === 'AssertionError' && detail) {
      result.showDiff = e.showDiff;
      result.actual = chai.util.inspect(e.actual);
      result.expected = chai.util.inspect(e.expected);
      if (e.operator) result.operator = e.operator;
    }
  }
  Object.keys(defaults).forEach(function (k) { chai.config[k] = defaults[k]; });
  return JSON.stringify(result);
})`

var (
	harnessOnce sync.Once
	harnessProg *goja.Program
	mockProg    *goja.Program
)

func compiledHarness(t testing.TB) (*goja.Program, *goja.Program) {
	t.Helper()
	harnessOnce.Do(func() {
		mock, err := os.ReadFile("testdata/mock.js")
		if err != nil {
			panic(err)
		}
		harnessProg = goja.MustCompile("harness.js", harness, false)
		mockProg = goja.MustCompile("mock.js", string(mock), false)
	})
	return harnessProg, mockProg
}

// newRuntime returns a runtime with the library installed and the test
// Response/Request stand-ins defined.
func newRuntime(t testing.TB) (*goja.Runtime, *goja.Object) {
	t.Helper()
	_, mock := compiledHarness(t)
	rt := goja.New()
	module, err := Install(rt)
	if err != nil {
		t.Fatalf("Install: %v", err)
	}
	if _, err := rt.RunProgram(mock); err != nil {
		t.Fatalf("mock.js: %v", err)
	}
	return rt, module
}

func runCase(t testing.TB, rt *goja.Runtime, module *goja.Object, code string, detail bool) outcome {
	t.Helper()
	prog, _ := compiledHarness(t)
	fv, err := rt.RunProgram(prog)
	if err != nil {
		t.Fatalf("harness: %v", err)
	}
	fn, _ := goja.AssertFunction(fv)
	v, err := fn(goja.Undefined(), module, rt.ToValue(code), rt.ToValue(detail))
	if err != nil {
		t.Fatalf("harness call: %v", err)
	}
	var got outcome
	if err := json.Unmarshal([]byte(v.String()), &got); err != nil {
		t.Fatalf("decode outcome %s: %v", v.String(), err)
	}
	return got
}

func loadCases(t *testing.T, path string) []referenceCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []referenceCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// minReferenceCases guards against an accidentally truncated table.
const minReferenceCases = 800

// referenceShards is how many runtimes share the reference cases; a case
// that changes the library itself gets a runtime of its own.
const referenceShards = 8

// changesLibrary reports whether a case installs plugins or extends
// Object.prototype, which would leak into the cases after it.
func changesLibrary(code string) bool {
	return strings.Contains(code, "chai.use") || strings.Contains(code, "should")
}

// TestReferenceCases replays every snippet in testdata/cases.json and
// requires the same pass/fail, error name and message as real chai.
//
// The table was recorded by running each snippet in node 20 under chai
// 4.4.1, chai-postman 2.0.1, postman-collection 4.4.0 and ajv 6.12.5 (the
// versions inside Newman 6.2.2's sandbox), and the snippets were replayed
// in Newman 6.2.2 itself, with identical outcomes. Response cases use
// testdata/mock.js in place of postman-collection's Response.
func TestReferenceCases(t *testing.T) {
	t.Parallel()
	cases := loadCases(t, "testdata/cases.json")
	if len(cases) < minReferenceCases {
		t.Fatalf("only %d reference cases", len(cases))
	}
	for shard := 0; shard < referenceShards; shard++ {
		t.Run(fmt.Sprintf("shard%d", shard), func(t *testing.T) {
			t.Parallel()
			shared, sharedModule := newRuntime(t)
			for i := shard; i < len(cases); i += referenceShards {
				tc := cases[i]
				t.Run(tc.Name, func(t *testing.T) {
					rt, module := shared, sharedModule
					if changesLibrary(tc.Code) {
						rt, module = newRuntime(t)
					}
					got := runCase(t, rt, module, tc.Code, tc.Detail)
					if diff := cmp.Diff(tc.Want, got, cmp.Comparer(equalJSON)); diff != "" {
						t.Errorf("%s\n(-chai +colrun):\n%s", tc.Code, diff)
					}
				})
			}
		})
	}
}

func equalJSON(a, b json.RawMessage) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return string(a) == string(b)
	}
	return cmp.Equal(x, y)
}

func TestMisspelledAssertionThrows(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		want string
	}{
		{"expect(1).to.be.equalz(1)", `Invalid Chai property: equalz. Did you mean "equal"?`},
		{"expect(true).to.be.tru", `Invalid Chai property: tru. Did you mean "true"?`},
		{"expect(1).to.be.qwertyuiop", "Invalid Chai property: qwertyuiop"},
		{"expect([1]).to.include.length(1)", `Invalid Chai property: include.length. Due to a compatibility issue, "length" cannot directly follow "include". Use "include.lengthOf" instead.`},
		{"expect(1).to.equal.foo", `Invalid Chai property: equal.foo. See docs for proper usage of "equal".`},
	}
	rt, module := newRuntime(t)
	for _, tc := range tests {
		got := runCase(t, rt, module, tc.code, false)
		want := outcome{Pass: false, Error: "Error", Message: tc.want}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.code, diff)
		}
	}
}

// TestPostmanExtras covers the opt-in assertions chai-postman lacks. They
// have no reference outcome: Postman rejects them as invalid properties.
func TestPostmanExtras(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		want outcome
	}{
		{"expect(res).to.have.cookie('sid')", outcome{Pass: true}},
		{"expect(res).to.have.cookie('sid', 'abc')", outcome{Pass: true}},
		{"expect(res).to.have.cookie('other')", outcome{Error: "AssertionError", Message: "expected response to have cookie 'other'"}},
		{"expect(res).to.not.have.cookie('sid')", outcome{Error: "AssertionError", Message: "expected response to not have cookie 'sid'"}},
		{"expect(res).to.have.cookie('sid', 'x')", outcome{Error: "AssertionError", Message: "expected cookie 'sid' to be 'x' but got 'abc'"}},
		{"expect(res).to.be.html", outcome{Pass: true}},
		{"expect(res).to.be.xml", outcome{Error: "AssertionError", Message: "expected response to have xml content type but got 'text/html; charset=utf-8'"}},
		{"expect(mkres({code: 200, headers: [{key: 'Content-Type', value: 'application/soap+xml'}]})).to.be.xml", outcome{Pass: true}},
		{"expect({}).to.be.html", outcome{Error: "AssertionError", Message: "expecting a postman response object but got {}"}},
	}
	rt, module := newRuntime(t)
	if err := rt.Set("chai", module); err != nil {
		t.Fatal(err)
	}
	if _, err := rt.RunString(`chai.use(chai.postman.extras);
		var res = mkres({code: 200, body: '<p>x</p>', headers: [{key: 'Content-Type', value: 'text/html; charset=utf-8'}],
			cookies: [{name: 'sid', value: 'abc'}]});`); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		got := runCase(t, rt, module, tc.code, false)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.code, diff)
		}
	}
}

func TestInstallReturnsSameModule(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	first, err := Install(rt)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Install(rt)
	if err != nil {
		t.Fatal(err)
	}
	if first != second && !first.SameAs(second) {
		t.Fatal("second Install returned a different module object")
	}
	keys := first.Keys()
	for _, want := range []string{"expect", "assert", "AssertionError", "use", "config", "util", "Assertion", "version"} {
		found := false
		for _, k := range keys {
			if k == want {
				found = true
			}
		}
		if !found {
			t.Errorf("module lacks enumerable %q (keys %v)", want, keys)
		}
	}
	for _, k := range keys {
		if k == "postman" {
			t.Error("postman helpers should not be enumerable")
		}
	}
	if postman := first.Get("postman"); postman == nil || goja.IsUndefined(postman) {
		t.Error("module lacks the postman helpers")
	}
}

// TestRuntimesInParallel installs into many runtimes at once: Program is
// shared, everything else must be per runtime.
func TestRuntimesInParallel(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rt := goja.New()
			module, err := Install(rt)
			if err != nil {
				errs <- err.Error()
				return
			}
			if err := rt.Set("chai", module); err != nil {
				errs <- err.Error()
				return
			}
			_, err = rt.RunString(`chai.expect({a: [1, 2]}).to.deep.equal({a: [1, 2]});
				try { chai.expect(500).to.equal(200); throw new Error('passed'); }
				catch (e) { if (e.message !== 'expected 500 to equal 200') throw e; }`)
			if err != nil {
				errs <- err.Error()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestAssertionErrorShape checks what a Go caller sees when a script
// assertion fails: a goja exception whose value is chai's AssertionError.
func TestAssertionErrorShape(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	module, err := Install(rt)
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Set("pm", map[string]any{"expect": module.Get("expect")}); err != nil {
		t.Fatal(err)
	}
	_, err = rt.RunString(`pm.expect([1, 2], 'items').to.have.lengthOf(3)`)
	ex, ok := err.(*goja.Exception)
	if !ok {
		t.Fatalf("want *goja.Exception, got %T %v", err, err)
	}
	obj := ex.Value().ToObject(rt)
	got := map[string]any{
		"name":     obj.Get("name").String(),
		"message":  obj.Get("message").String(),
		"showDiff": obj.Get("showDiff").ToBoolean(),
		"actual":   obj.Get("actual").Export(),
		"expected": obj.Get("expected").Export(),
		"stack":    strings.HasPrefix(obj.Get("stack").String(), "AssertionError: items: expected [ 1, 2 ]"),
	}
	want := map[string]any{
		"name":     "AssertionError",
		"message":  "items: expected [ 1, 2 ] to have a length of 3 but got 2",
		"showDiff": true,
		"actual":   int64(2),
		"expected": int64(3),
		"stack":    true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func BenchmarkExpectEqual(b *testing.B) {
	rt := goja.New()
	module, err := Install(rt)
	if err != nil {
		b.Fatal(err)
	}
	if err := rt.Set("expect", module.Get("expect")); err != nil {
		b.Fatal(err)
	}
	fv, err := rt.RunString(`(function (x, y) { expect(x).to.equal(y); })`)
	if err != nil {
		b.Fatal(err)
	}
	fn, _ := goja.AssertFunction(fv)
	x := rt.ToValue(200)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := fn(goja.Undefined(), x, x); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInstall(b *testing.B) {
	Program()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Install(goja.New()); err != nil {
			b.Fatal(err)
		}
	}
}
