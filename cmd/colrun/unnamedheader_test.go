package main

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnnamedHeadersListedAfterSending: a header without a name (an empty
// key, a key whose variable is empty, a header list entry that is a
// number) is never sent, but Newman 6.2.2 lists it among the request's
// own headers to the test script and in the JSON report, as it does to the
// pre-request script. colrun listed it to the pre-request script only, so
// a test counting pm.request.headers, or a report reader, saw fewer than
// under Newman. want is what Newman 6.2.2 showed for the same collection.
func TestUnnamedHeadersListedAfterSending(t *testing.T) {
	t.Parallel()
	srv := wrongTypeEcho(t)
	dir := t.TempDir()
	tests := []struct {
		name, headers string
		wantTest      string
		wantReport    []string
		wantSent      string
	}{
		{
			name:       "empty keys among named ones",
			headers:    `[{"key": "", "value": "x"}, {"key": "X-A", "value": "b"}, {"key": "{{e}}", "value": "y"}, 5]`,
			wantTest:   `test [":x","X-A:b",":y",":"]`,
			wantReport: []string{":x", "X-A:b", ":y", ":"},
			wantSent:   `sent {"uri":"/get","h":["x-a=b"],"body":""}`,
		},
		{
			name:       "a header list that is a number",
			headers:    `5`,
			wantTest:   `test [":"]`,
			wantReport: []string{":"},
			wantSent:   `sent {"uri":"/get","h":[],"body":""}`,
		},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			coll := writeFile(t, dir, fmt.Sprintf("c-%d.json", i), `{"info": {"name": "unnamed"}, "variable": [{"key": "e", "value": ""}],
				"item": [{"name": "R", "request": {"url": "`+srv.URL+`/get", "header": `+tc.headers+`},
				"event": [{"listen": "test", "script": {"exec": [
					"pm.test('test ' + JSON.stringify(pm.request.headers.filter(h => !h.system).map(h => h.key + ':' + h.value)), () => {});",
					"pm.test('sent ' + JSON.stringify(pm.response.json()), () => {});"]}}]}]}`)
			report := filepath.Join(dir, fmt.Sprintf("r-%d.json", i))
			res := colrun(t, nil, "run", coll, "-r", "cli,json", "--reporter-json-export", report)
			if res.code != exitOK {
				t.Fatalf("exit %d, want 0; stderr %s", res.code, res.stderr)
			}
			var doc struct {
				Run struct {
					Executions []struct {
						Request struct {
							Header []struct {
								Key, Value string
								System     bool
							}
						}
						Assertions []struct{ Assertion string }
					}
				}
			}
			readJSON(t, report, &doc)
			if len(doc.Run.Executions) != 1 {
				t.Fatalf("%d executions, want 1", len(doc.Run.Executions))
			}
			ex := doc.Run.Executions[0]
			var listed []string
			for _, h := range ex.Request.Header {
				if !h.System {
					listed = append(listed, h.Key+":"+h.Value)
				}
			}
			if diff := cmp.Diff(tc.wantReport, listed); diff != "" {
				t.Errorf("report's request headers (-Newman +colrun):\n%s", diff)
			}
			var got []string
			for _, a := range ex.Assertions {
				got = append(got, a.Assertion)
			}
			if diff := cmp.Diff([]string{tc.wantTest, tc.wantSent}, got); diff != "" {
				t.Errorf("test script saw (-Newman +colrun):\n%s", diff)
			}
		})
	}
}
