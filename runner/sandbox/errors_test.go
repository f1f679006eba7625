package sandbox

import (
	"testing"

	"github.com/colrun/colrun/runner/event"
)

// Newman 6.2.2 tests a script's error for truth: a script that throws a
// falsy value stops there, keeps the tests it has run, and has not failed.
func TestFalsyThrowIsNoError(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src string }{
		{"null", "throw null;"},
		{"undefined", "throw undefined;"},
		{"zero", "throw 0;"},
		{"false", "throw false;"},
		{"empty string", "throw '';"},
		{"NaN", "throw NaN;"},
		{"from a function", "(function () { throw null; })();"},
		{"from a timer", "setTimeout(function () { throw null; }, 0);"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := "pm.test('before', function () {});\n" + tt.src + "\npm.test('after', function () {});"
			res := run(t, newExec("test"), src)
			if res.Error != nil {
				t.Fatalf("script error %v, want none", res.Error)
			}
			want := []outcome{{Name: "before"}}
			if tt.name == "from a timer" {
				want = append(want, outcome{Name: "after"})
			}
			diff(t, "assertions", want, outcomes(res))
		})
	}
}

// A thrown truthy value that is not an error still fails the script.
func TestTruthyThrowIsAnError(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"throw 'text';", "throw 5;", "throw {a: 1};", "throw true;"} {
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			if res := run(t, newExec("test"), src); res.Error == nil {
				t.Fatal("no script error")
			}
		})
	}
}

// An errored request (no response) gives pm.response the keys Newman
// 6.2.2's does, which chai counts in its failure messages.
func TestErroredResponseShown(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"expect", "pm.expect(pm.response).to.have.status(200);", "AssertionError: expected PostmanResponse{ …(5) } to have property 'code'"},
		{"should", "pm.response.to.have.status(200);", "AssertionError: expected PostmanResponse{ …(5) } to have property 'code'"},
		{"keys", "pm.expect(Object.keys(pm.response).join()).to.equal('');", "AssertionError: expected 'id,_details,headers,cookies' to equal ''"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			exec := newExec("test")
			exec.Response = nil
			res := run(t, exec, "pm.test('t', function () { "+tt.src+" });")
			if res.Error != nil {
				t.Fatalf("script error: %v", res.Error)
			}
			diff(t, "assertions", []outcome{{Name: "t", Err: tt.want}}, outcomes(res))
		})
	}
}

// goja says "of undefined" for a read or write on null as well, and
// "Value is not object coercible" for a destructuring; Newman 6.2.2 (V8)
// tells null from undefined. Messages recorded with Newman 6.2.2 for a
// response of {"data":null,"list":[null,1]}; each runs at the top level
// and inside a pm.test.
func TestNullOrUndefinedBase(t *testing.T) {
	t.Parallel()
	const (
		readNull  = "TypeError: Cannot read properties of null (reading 'x')"
		readUndef = "TypeError: Cannot read properties of undefined (reading 'x')"
		setNull   = "TypeError: Cannot set properties of null (setting 'x')"
	)
	tests := []struct{ name, src, want string }{
		{"null literal", "null.x;", readNull},
		{"variable set to null", "var o = null;\no.x;", readNull},
		{"bracket on null", "var o = null; o['x'];", readNull},
		{"method of null", "var o = null;\n o.x();", readNull},
		{"variable never set", "var o; o.x;", readUndef},
		{"variable set to null and to an object", "var o = null; o = {}; o = undefined; o.x;", readUndef},
		{"JSON null through a variable", "var j = pm.response.json();\nj.data.x;", readNull},
		{"JSON null directly", "pm.response.json().data.x;", readNull},
		{"JSON null from responseBody", "var j = JSON.parse(responseBody); j.data.x;", readNull},
		{"JSON null by brackets", "var j = pm.response.json(); j['data']['x'];", readNull},
		{"JSON null array element", "var j = pm.response.json(); j.list[0].x;", readNull},
		{"JSON null method", "var j = pm.response.json(); j.data.x();", readNull},
		{"JSON null bracket method", "var j = pm.response.json(); j.data['x']();", readNull},
		{"JSON null in an assertion", "var j = pm.response.json(); pm.expect(j.data.x).to.eql(1);", readNull},
		{"JSON missing key", "var j = pm.response.json(); j.missing.x;", readUndef},
		{"set on null", "var o = null; o.x = 1;", setNull},
		{"set on JSON null", "var j = pm.response.json(); j.data.x = 1;", setNull},
		{"set on JSON null by brackets", "var j = pm.response.json(); j.data['x'] = 1;", setNull},
		{"set on undefined", "var o = {}; o.y.x = 1;", "TypeError: Cannot set properties of undefined (setting 'x')"},
		{"destructure null", "var o = null; var {a, b} = o;", "TypeError: Cannot destructure property 'a' of 'o' as it is null."},
		{"destructure JSON null", "var {a} = pm.response.json().data;", "TypeError: Cannot destructure property 'a' of 'pm.response.json(...).data' as it is null."},
		{"destructure JSON missing", "const {a} = pm.response.json().nope;", "TypeError: Cannot destructure property 'a' of 'pm.response.json(...).nope' as it is undefined."},
		{"destructure nothing of null", "var o = null; var {} = o;", "TypeError: Cannot destructure 'o' as it is null."},
		{"destructure quoted key", "var o = null; let { 'x-y': z } = o;", "TypeError: Cannot destructure property 'x-y' of 'o' as it is null."},
		{"destructure in an assignment", "var o, a; ({a} = o);", "TypeError: Cannot destructure property 'a' of 'o' as it is undefined."},
		{"for-of over a JSON member", "for (const x of pm.response.json().missing) {}", "TypeError: pm.response.json.missing is not iterable"},
		{"for-of over JSON null", "var j = pm.response.json(); for (const x of j.data) {}", "TypeError: j.data is not iterable"},
		{"spread of JSON null", "var j = pm.response.json(); var a = [...j.data];", "TypeError: j.data is not iterable"},
		{"spread of JSON null into a call", "var j = pm.response.json(); Math.max(...j.data);", "TypeError: j.data is not iterable (cannot read property null)"},
		{"array destructure of a JSON member", "const [a] = pm.response.json().missing;", "TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))"},
		{"array destructure of JSON null", "var j = pm.response.json(); const [a] = j.data;", "TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))"},
		{"array destructure assignment", "var j = pm.response.json(); let a; [a] = j.data;", "TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))"},
		{"Array.from of JSON null", "var j = pm.response.json(); Array.from(j.data);", "TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))"},
		{"array destructure of a variable", "function f(v) { const [a] = v; } f(undefined);", "TypeError: v is not iterable"},
		{"for-of over a call", "function f() {} for (const x of f(1)) {}", "TypeError: f is not a function or its return value is not iterable"},
		{"not a function", "var x = 1; x();", "TypeError: x is not a function"},
		{"missing method", "var o = {}; o.foo();", "TypeError: o.foo is not a function"},
		{"undefined variable", "foo;", "ReferenceError: foo is not defined"},
		// goja's fixed wordings of other runtime errors, as Newman 6.2.2
		// reports them.
		{"reduce of empty array", "[].reduce(function (a, b) { return a + b; });", "TypeError: Reduce of empty array with no initial value"},
		{"malformed URI", "decodeURIComponent('%E0%A4%A');", "URIError: URI malformed"},
		{"toFixed digits", "(1).toFixed(101);", "RangeError: toFixed() digits argument must be between 0 and 100"},
		{"toPrecision digits", "(1).toPrecision(0);", "RangeError: toPrecision() argument must be between 1 and 100"},
		{"toString radix", "(5).toString(1);", "RangeError: toString() radix argument must be between 2 and 36"},
	}
	for _, tt := range tests {
		for _, inTest := range []bool{false, true} {
			name := tt.name
			src := tt.src
			if inTest {
				name += " in pm.test"
				src = "pm.test('t', function () {\n" + src + "\n});"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				exec := newExec("test")
				body := `{"data":null,"list":[null,1]}`
				exec.Response = &event.Response{Code: 200, Status: "200 OK", Body: []byte(body), BodySize: int64(len(body))}
				res := run(t, exec, src)
				got := ""
				switch {
				case inTest && len(res.Assertions) == 1 && res.Assertions[0].Error != nil:
					got = res.Assertions[0].Error.Name + ": " + res.Assertions[0].Error.Message
				case !inTest && res.Error != nil:
					got = res.Error.Name + ": " + res.Error.Message
				}
				if got != tt.want {
					t.Errorf("got %q (script error %v), want %q", got, res.Error, tt.want)
				}
			})
		}
	}
}
