package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An item whose request never goes out (its pre-request script skipped
// it, or --bail stopped the run there) has no execution in the JSON
// report, even when that script ran pm.test: Newman lists an execution
// only for a request event, and its pm.test results are in the failures
// alone. Nor does a skipped item count in run.stats.tests, whatever its
// pre-request script asserted. The expected values are Newman 6.2.2's
// for the same collections against a local server.
func TestItemsWithoutARequestHaveNoExecution(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	item := func(name, pre string) map[string]any {
		return map[string]any{
			"name":    name,
			"request": srv.URL + "/" + name,
			"event": []any{map[string]any{"listen": "prerequest", "script": map[string]any{
				"exec": []string{pre},
			}}},
		}
	}
	const asserts = `pm.test("pre passes", () => {}); pm.test("pre fails", () => pm.expect(1).to.eql(2));`
	tests := []struct {
		name  string
		items []any
		flags []string
		// wantExecutions are the executions' item names, in order.
		wantExecutions []string
		// wantTests is run.stats.tests.total; -1 leaves it unchecked:
		// after --bail stops in a pre-request script Newman counts 0 tests
		// and colrun 1 (its item ends without saying the tests never ran).
		wantTests int
		// wantFailures are the failures' "source name: message".
		wantFailures []string
	}{
		{
			name:           "skipped after pm.test",
			items:          []any{item("a", asserts+" pm.execution.skipRequest();"), item("b", "")},
			wantExecutions: []string{"b"},
			wantTests:      1,
			wantFailures:   []string{"a: expected 1 to deeply equal 2"},
		},
		{
			name:           "bail in the pre-request script",
			items:          []any{item("a", asserts), item("b", "")},
			flags:          []string{"--bail"},
			wantExecutions: nil,
			wantTests:      -1,
			wantFailures:   []string{"a: expected 1 to deeply equal 2", "a: pre fails"},
		},
		{
			name:           "sent after pm.test",
			items:          []any{item("a", asserts), item("b", "")},
			wantExecutions: []string{"a", "b"},
			wantTests:      2,
			wantFailures:   []string{"a: expected 1 to deeply equal 2"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			coll, err := json.Marshal(map[string]any{"info": map[string]any{"name": "c"}, "item": tc.items})
			if err != nil {
				t.Fatal(err)
			}
			path := writeFile(t, dir, "c.json", string(coll))
			report := filepath.Join(dir, "report.json")
			args := append([]string{"run", path, "-r", "json", "--reporter-json-export", report}, tc.flags...)
			if res := colrun(t, nil, args...); res.code != 1 {
				t.Fatalf("exit %d, want 1\n%s%s", res.code, res.stdout, res.stderr)
			}
			data, err := os.ReadFile(report)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Run struct {
					Stats struct {
						Tests struct{ Total int }
					}
					Executions []struct {
						Item struct{ Name string }
					}
					Failures []struct {
						Source struct{ Name string }
						Error  struct{ Message string }
					}
				}
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			var execs, failures []string
			for _, x := range doc.Run.Executions {
				execs = append(execs, x.Item.Name)
			}
			for _, f := range doc.Run.Failures {
				failures = append(failures, f.Source.Name+": "+strings.TrimSpace(f.Error.Message))
			}
			if diff := cmp.Diff(tc.wantExecutions, execs); diff != "" {
				t.Errorf("executions (-want +got):\n%s", diff)
			}
			if tc.wantTests >= 0 && doc.Run.Stats.Tests.Total != tc.wantTests {
				t.Errorf("stats.tests.total = %d, want %d", doc.Run.Stats.Tests.Total, tc.wantTests)
			}
			if diff := cmp.Diff(tc.wantFailures, failures); diff != "" {
				t.Errorf("failures (-want +got):\n%s", diff)
			}
		})
	}
}
