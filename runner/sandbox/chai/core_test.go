package chai

import (
	"errors"
	"testing"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"
)

// TestGuardCases replays testdata/guard_cases.json, recorded like
// cases.json under node 20 with chai 4.4.1 and chai-postman 2.0.1. The
// cases exercise what core.go does natively: the guards around assertions,
// methods and chainable methods (unknown and excluded names, symbols,
// `length`, useProxy), flags across chain steps, the exact arguments a
// method receives, assert's passing path, the plugin API, and the deep
// equality and type-detect details rewritten for speed.
func TestGuardCases(t *testing.T) {
	t.Parallel()
	replayCases(t, "testdata/guard_cases.json", 100)
}

// replayCases runs each recorded case of path, expecting at least min of
// them, in a runtime of its own, as many change the library or its
// config.
func replayCases(t *testing.T, path string, min int) {
	t.Helper()
	cases := loadCases(t, path)
	if len(cases) < min {
		t.Fatalf("only %d cases in %s", len(cases), path)
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			rt, module := newRuntime(t)
			got := runCase(t, rt, module, tc.Code, tc.Detail)
			if diff := cmp.Diff(tc.Want, got, cmp.Comparer(equalJSON)); diff != "" {
				t.Errorf("%s\n(-chai +colrun):\n%s", tc.Code, diff)
			}
		})
	}
}

// TestPropertyCalledAsMethod pins goja's wording for calling an assertion
// property as a method. Node says "expect(...).to.be.ok is not a
// function"; goja reports a call of a dynamic object, which the sandbox
// rewrites to the V8 wording from the script's source. typeof must stay
// as under chai.
func TestPropertyCalledAsMethod(t *testing.T) {
	t.Parallel()
	rt, module := newRuntime(t)
	for _, code := range []string{"expect(1).to.be.ok()", "expect(1)()", "expect(1).to.not()"} {
		got := runCase(t, rt, module, code, false)
		want := outcome{Error: "TypeError", Message: "Dynamic object is not callable"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", code, diff)
		}
	}
	got := runCase(t, rt, module, "return [typeof expect(1).to.be.ok, typeof expect(1).to.equal, typeof expect([1]).to.include]", false)
	if want := `["object","function","function"]`; string(got.Value) != want {
		t.Errorf("typeof = %s, want %s", got.Value, want)
	}
}

// TestFailureInsideNestedCall checks that an assertion failing inside a
// method called from Go (the apply trap) reaches the script as chai's
// AssertionError, with the script's line among the exception's frames,
// which is where the sandbox takes the failing line from.
func TestFailureInsideNestedCall(t *testing.T) {
	t.Parallel()
	rt, module := newRuntime(t)
	if err := rt.Set("expect", module.Get("expect")); err != nil {
		t.Fatal(err)
	}
	_, err := rt.RunScript("user-script.js", "var x = 1;\nexpect(x).to.have.property('nope');")
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("want *goja.Exception, got %T %v", err, err)
	}
	obj := ex.Value().ToObject(rt)
	if name, msg := obj.Get("name").String(), obj.Get("message").String(); name != "AssertionError" || msg != "expected 1 to have property 'nope'" {
		t.Errorf("got %s: %s", name, msg)
	}
	line := 0
	for _, f := range ex.Stack() {
		if f.SrcName() == "user-script.js" {
			line = f.Position().Line
			break
		}
	}
	if line != 2 {
		t.Errorf("script frame at line %d, want 2; stack:\n%s", line, obj.Get("stack"))
	}
}

// TestPostmanPreconditions checks that chai-postman's preconditions, which
// run only when a quick check says they fail, fail as the sub-assertion
// chai-postman would have run.
func TestPostmanPreconditions(t *testing.T) {
	t.Parallel()
	tests := []struct{ code, same string }{
		{"var r = mkres({code: 200}); delete r.code; expect(r).to.have.status(200)",
			"var r = mkres({code: 200}); delete r.code; expect(r).to.have.property('code')"},
		{"var r = mkres({code: 200}); delete r.headers; expect(r).to.have.header('a')",
			"var r = mkres({code: 200}); delete r.headers; expect(r).to.have.property('headers')"},
		{"var r = mkres({code: 200}); delete r.text; r.text = undefined; expect(r).to.have.body('x')",
			"expect(undefined).to.be.a('function')"},
		{"expect(mkres({code: 200})).to.have.responseTime.below(100)",
			"expect(mkres({code: 200})).to.have.property('responseTime')"},
		{"var r = mkres({code: 200}); r.code = '200'; expect(r).to.be.success",
			"expect('200').to.be.a('number')"},
	}
	rt, module := newRuntime(t)
	for _, tc := range tests {
		got := runCase(t, rt, module, tc.code, false)
		want := runCase(t, rt, module, tc.same, false)
		if got.Pass || want.Pass {
			t.Errorf("%s passed (%v) or %s passed (%v)", tc.code, got.Pass, tc.same, want.Pass)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-sub-assertion +precondition):\n%s", tc.code, diff)
		}
	}
}
