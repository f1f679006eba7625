package sandbox

import (
	"testing"
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
