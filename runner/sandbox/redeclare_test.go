package sandbox

import (
	"testing"

	"github.com/dop251/goja/ast"
)

// TestRedeclaredGlobals checks scripts that declare a sandbox global at
// their top level: Newman 6.2.2 fails each of these with the SyntaxError
// given (the script's other statements do not run), and runs the others.
func TestRedeclaredGlobals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, listen, src string
		want              string // the script's error, "" when it runs
		logs              []string
	}{
		{"let data", "test", "console.log('ran');\nlet data = pm.response.json();", "SyntaxError: Identifier 'data' has already been declared", nil},
		{"const lodash", "prerequest", "const _ = require('lodash');\nconsole.log('ran');", "SyntaxError: Identifier '_' has already been declared", nil},
		{"class", "test", "class Buffer {}", "SyntaxError: Identifier 'Buffer' has already been declared", nil},
		{"destructured", "test", "const { a, b: [tests] } = { b: [1] };", "SyntaxError: Identifier 'tests' has already been declared", nil},
		{"first of two", "test", "let x = 1, request = 2;\nconst JSON = 3;", "SyntaxError: Identifier 'request' has already been declared", nil},
		{"response global in test", "test", "let responseBody = '';", "SyntaxError: Identifier 'responseBody' has already been declared", nil},
		{"response global in pre-request", "prerequest", "const responseBody = 'x';\nconsole.log(responseBody);", "", []string{"x"}},
		{"var", "test", "var data = 1;\nconsole.log(data);", "", []string{"1"}},
		{"nested block", "test", "if (true) { let data = 2; console.log(data); }", "", []string{"2"}},
		{"function scope", "test", "(function () { const _ = 3; console.log(_); })();", "", []string{"3"}},
		{"not a global", "test", "const moment = require('moment'), url = 'u', response = 1;\nconsole.log(url);", "", []string{"u"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := run(t, newExec(tt.listen), tt.src)
			got := ""
			if res.Error != nil {
				got = res.Error.Name + ": " + res.Error.Message
			}
			diff(t, "error", tt.want, got)
			diff(t, "logs", tt.logs, logs(res))
		})
	}
}

// TestMayWriteParams checks the text filter in front of writtenParams: it
// may only rule out sources where the AST walk finds no written global.
func TestMayWriteParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want bool
	}{
		{"pm.test('a', function () { pm.expect(pm.response.code).to.eql(200); });", false},
		{"tests['ok'] = responseCode.code === 200;\npostman.setEnvironmentVariable('x', 1);", false},
		{"var t = new Date(); console.log(Date.now(), x.data, y?.pm);", false},
		{"// Parse the body.\ndata = JSON.parse('{}');", true},
		{"var data = JSON.parse(responseBody);", true},
		{"function data() {}\ndata();", true},
		{"function /* c */ *tests() {}", true},
		{"[...console] = [1];", true},
		{"({ xml2Json } = {});", true},
		{"for (console in {}) {}", true},
		{"console++;", true},
		{"d\\u0061ta = 1;", true},
		{"(pm) = 3;", true},
		{"const f = (data) => data;", true},
		{"mydata = 1; data2 = 2; datą = 3;", false},
	}
	for _, tt := range tests {
		if got := mayWriteParams(tt.src); got != tt.want {
			t.Errorf("mayWriteParams(%q) = %v, want %v", tt.src, got, tt.want)
		}
		prg, err := parseWrapped("t.js", syncPrefix, tt.src)
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		fn := prg.Body[0].(*ast.ExpressionStatement).Expression.(*ast.FunctionLiteral)
		if w := writtenParams(fn, redeclarations(fn.Body.List, tt.src, func(i int) int { return i - 1 - len(syncPrefix) })); w != nil && !tt.want {
			t.Errorf("%q writes %v, but the filter skips it", tt.src, w)
		}
	}
}
