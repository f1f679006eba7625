package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseReport(t *testing.T) {
	t.Parallel()
	fail := &Error{Name: "AssertionError", Message: "no"}
	for _, tc := range []struct {
		name string
		doc  string
		want []Execution
	}{
		{
			name: "empty run",
			doc:  `{"run":{"executions":[]}}`,
		},
		{
			name: "an entry per pm.sendRequest is one execution",
			doc: `{"run":{"executions":[
			  {"cursor":{"ref":"a","iteration":0,"position":0},"item":{"name":"R"},"assertions":[{"assertion":"t"}]},
			  {"cursor":{"ref":"a","iteration":0,"position":0},"item":{"name":"R"},"assertions":[{"assertion":"t"}]},
			  {"cursor":{"ref":"b","iteration":1,"position":0},"item":{"name":"R"}}]}}`,
			want: []Execution{
				{Key: "0/0/R#1", Label: `iteration 0, "R"`, Request: "R",
					Assertions: []Assertion{{Key: "t", Name: "t"}}, ScriptErrors: map[string][]string{}},
				{Key: "1/0/R#1", Label: `iteration 1, "R"`, Request: "R", ScriptErrors: map[string][]string{}},
			},
		},
		{
			name: "a request run again at its place, repeated names, outcomes and script errors",
			doc: `{"run":{"executions":[
			  {"cursor":{"ref":"a","iteration":0,"position":1},"item":{"name":"R"},
			   "assertions":[{"assertion":"t"},{"assertion":"t","error":{"name":"AssertionError","message":"no"}},{"assertion":"s","skipped":true}],
			   "prerequestScript":[{"error":{"name":"ReferenceError","message":"x is not defined"}},{}],
			   "testScript":[{},{"error":{"name":"TypeError","message":"a"}},{"error":{"name":"TypeError","message":"b"}}]},
			  {"cursor":{"ref":"b","iteration":0,"position":1},"item":{"name":"R"}},
			  {"cursor":{"iteration":0,"position":1},"item":{"name":"R"}},
			  {"cursor":{"iteration":0,"position":1},"item":{"name":"R"}}]}}`,
			want: []Execution{
				{Key: "0/1/R#1", Label: `iteration 0, "R"`, Request: "R",
					Assertions: []Assertion{
						{Key: "t", Name: "t"},
						{Key: "t #2", Name: "t", Error: fail},
						{Key: "s", Name: "s", Skipped: true},
					},
					ScriptErrors: map[string][]string{
						"prerequest": {"ReferenceError: x is not defined"},
						"test":       {"TypeError: a", "TypeError: b"},
					}},
				{Key: "0/1/R#2", Label: `iteration 0, run 2 of "R"`, Request: "R", ScriptErrors: map[string][]string{}},
				// Without a ref there is nothing to merge on.
				{Key: "0/1/R#3", Label: `iteration 0, run 3 of "R"`, Request: "R", ScriptErrors: map[string][]string{}},
				{Key: "0/1/R#4", Label: `iteration 0, run 4 of "R"`, Request: "R", ScriptErrors: map[string][]string{}},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseReport([]byte(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseReport (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAssertionOutcome(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a             Assertion
		outcome, text string
	}{
		{Assertion{Name: "t"}, "passed", "passed"},
		{Assertion{Name: "t", Skipped: true}, "skipped", "skipped"},
		{Assertion{Name: "t", Error: &Error{Name: "AssertionError", Message: "expected 1 to equal 2"}},
			"failed", "failed: AssertionError: expected 1 to equal 2"},
		// A skipped test never ran, whatever else the report says.
		{Assertion{Name: "t", Skipped: true, Error: &Error{Name: "E", Message: "m"}}, "skipped", "skipped"},
	} {
		if got := tc.a.Outcome(); got != tc.outcome {
			t.Errorf("%+v: Outcome() = %q, want %q", tc.a, got, tc.outcome)
		}
		if got := tc.a.String(); got != tc.text {
			t.Errorf("%+v: String() = %q, want %q", tc.a, got, tc.text)
		}
	}
}

func TestReadReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := ReadReport(filepath.Join(dir, "missing.json")); !os.IsNotExist(err) {
		t.Errorf("a missing report: %v, want a not-exist error", err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadReport(bad); err == nil {
		t.Error("a report that is not JSON was read")
	}
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, []byte(oracleReport), 0o644); err != nil {
		t.Fatal(err)
	}
	execs, err := ReadReport(good)
	if err != nil || len(execs) != 1 {
		t.Errorf("ReadReport = %d executions, %v; want 1, nil", len(execs), err)
	}
}
