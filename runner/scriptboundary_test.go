package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/variables"
)

// TestValuesCrossScriptsAsJSON checks what a value a pre-request script
// sets looks like afterwards, as in Newman 6.2.2, whose sandbox hands
// variables back as JSON when a script ends: the script itself reads back
// what it set (NaN, -0, a Date, the same object, a function's result),
// while the request's {{v}}, the test script and the exported scopes get
// the JSON form (null, 0, an ISO string, a copy). colrun kept NaN,
// Infinity and -0 for later scripts and {{v}}, and could not export them.
func TestValuesCrossScriptsAsJSON(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		name, scope, expr string
		// same and later are the scripts' console lines, as Newman's CLI
		// prints them; query is the request's query.
		same, later, query string
		// stored is the variable's value at the end of the run.
		stored any
		// after runs at the end of the pre-request script.
		after string
	}{
		{"NaN", "environment", "NaN",
			`'number', 'null', false, true`, `'object', 'null', 'null', false`, "v=null", nil, ""},
		{"-Infinity", "environment", "-Infinity",
			`'number', 'null', false, true`, `'object', 'null', 'null', false`, "v=null", nil, ""},
		{"-0", "environment", "-0",
			`'number', '0', true, true`, `'number', '0', '0', false`, "v=0", int64(0), ""},
		{"Date", "environment", "new Date(0)",
			`'object', '"1970-01-01T00:00:00.000Z"', false, true`,
			`'string', '1970-01-01T00:00:00.000Z', '"1970-01-01T00:00:00.000Z"', false`,
			"v=1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z", ""},
		{"nested", "environment", "{a: NaN, b: [1, NaN, undefined], c: undefined, d: -0}",
			`'object', '{"a":null,"b":[1,null,null],"d":0}', false, true`,
			`'object', '[object Object]', '{"a":null,"b":[1,null,null],"d":0}', false`,
			"v=[object%20Object]", map[string]any{"a": nil, "b": []any{int64(1), nil, nil}, "d": int64(0)}, ""},
		{"undefined", "environment", "undefined",
			`'undefined', undefined, false, true`, `'object', 'null', 'null', false`, "v=null", nil, ""},
		{"String object", "environment", "new String('s')",
			`'object', '"s"', false, true`, `'string', 's', '"s"', false`, "v=s", "s", ""},
		{"function", "environment", "function () { return 1; }",
			`'number', '1', false, false`, `'object', 'null', 'null', false`, "v=null", nil, ""},
		{"local NaN", "variables", "NaN",
			`'number', 'null', false, true`, `'object', 'null', 'null', false`, "v=null", nil, ""},
		{"global Infinity", "globals", "Infinity",
			`'number', 'null', false, true`, `'object', 'null', 'null', false`, "v=null", nil, ""},
		{"collection NaN", "collectionVariables", "NaN",
			`'number', 'null', false, true`, `'object', 'null', 'null', false`, "v=null", nil, ""},
		// Newman serializes the scope when the script ends, so later
		// changes to the object set are what later scripts see.
		{"object changed after its set", "environment", "{a: 1}",
			`'object', '{"a":1}', false, true`, `'object', '[object Object]', '{"a":2}', false`,
			"v=[object%20Object]", map[string]any{"a": int64(2)}, "val.a = 2;"},
		{"array pushed to after its set", "globals", "[1]",
			`'object', '[1]', false, true`, `'object', '1,', '[1,null]', false`,
			"v=1,", []any{int64(1), nil}, "val.push(NaN);"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pre := fmt.Sprintf(`const val = %s; pm.%s.set('v', val); const v = pm.%s.get('v');
				console.log(typeof v, JSON.stringify(v), Object.is(v, -0), Object.is(v, val)); %s`, tc.expr, tc.scope, tc.scope, tc.after)
			test := fmt.Sprintf(`const v = pm.%s.get('v'); console.log(typeof v, String(v), JSON.stringify(v), Object.is(v, -0));`, tc.scope)
			path := "/" + strings.ReplaceAll(t.Name(), "/", "-")
			items := fmt.Sprintf(`{"name":"r","request":{"method":"GET","url":"{{base}}%s?v={{v}}"},
				"event":[{"listen":"prerequest","script":{"exec":[%q]}},{"listen":"test","script":{"exec":[%q]}}]}`, path, pre, test)
			ev, res := runScripted(t, parse(t, collection(rec.srv.URL, items)), Options{})
			var got []string
			for _, e := range ev.all {
				if e.Console != nil {
					got = append(got, strings.Join(e.Console.Messages, ", "))
				}
			}
			if d := cmp.Diff([]string{tc.same, tc.later}, got); d != "" {
				t.Errorf("console (-newman +colrun):\n%s", d)
			}
			query := ""
			for _, r := range rec.all() {
				if p, q, _ := strings.Cut(r.URI, "?"); p == path {
					query = q
				}
			}
			if query != tc.query {
				t.Errorf("query = %q, Newman sends %q", query, tc.query)
			}
			var sc *variables.Scope
			switch tc.scope {
			case "environment":
				sc = res.Environment
			case "globals":
				sc = res.Globals
			case "collectionVariables":
				sc = res.Collection
			default:
				return // local variables end with the request
			}
			got2, ok := sc.Get("v")
			if !ok {
				t.Fatalf("v is not in the %s", tc.scope)
			}
			if d := cmp.Diff(tc.stored, got2); d != "" {
				t.Errorf("stored value (-newman +colrun):\n%s", d)
			}
		})
	}
}
