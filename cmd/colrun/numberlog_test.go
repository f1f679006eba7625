package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNumberLog checks that a script with a numeric console of its own
// runs as in Newman 6.2.2, where Sugar's Number#log makes console.log('x')
// a quiet NaN rather than a TypeError; a string console has no log there
// either. The assertion and failure lines are Newman's, recorded side by
// side.
func TestNumberLog(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	for _, tc := range []struct {
		name, script string
		wantCode     int
		want         []string // passed assertions, then failure details
	}{
		{name: "var console = 3", script: "var console = 3; console.log('x'); pm.test('a ' + typeof console, function () {});",
			want: []string{"✓  a number"}},
		{name: "its value", script: "var console = 3; pm.test('r ' + String(console.log('x')) + ' ' + (8).log(2), function () {});",
			want: []string{"✓  r NaN 3"}},
		{name: "a string console", script: "var console = 'str'; console.log('x'); pm.test('not reached', function () {});",
			wantCode: 1, want: []string{"console.log is not a function"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			coll, err := json.Marshal(map[string]any{"info": map[string]any{"name": "log"}, "item": []any{map[string]any{
				"name": "r", "request": srv.URL,
				"event": []any{map[string]any{"listen": "test", "script": map[string]any{"exec": []string{tc.script}}}},
			}}})
			if err != nil {
				t.Fatal(err)
			}
			res := colrun(t, nil, "run", writeFile(t, t.TempDir(), "c.json", string(coll)), "--color", "off", "--reporter-cli-no-summary")
			if res.code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stdout %s\nstderr %s", res.code, tc.wantCode, res.stdout, res.stderr)
			}
			var got []string
			for _, line := range strings.Split(res.stdout, "\n") {
				if l := strings.TrimSpace(line); strings.HasPrefix(l, "✓") || l == "console.log is not a function" {
					got = append(got, l)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\nstdout:\n%s", diff, res.stdout)
			}
		})
	}
}
