package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// oracleReport is a hand-made report that keeps the oracle of
// goodExpectation: the second entry repeats the first's cursor ref, as a
// pm.sendRequest makes Newman do, and must not count twice.
const oracleReport = `{"run":{"executions":[
  {"cursor":{"ref":"a","iteration":0,"position":0},"item":{"name":"R"},
   "assertions":[{"assertion":"ok"},{"assertion":"FAILS: x","error":{"name":"AssertionError","message":"expected 1 to equal 2"}},
                 {"assertion":"SKIPPED: s","skipped":true}],
   "testScript":[{"error":{"name":"TypeError","message":"Cannot read property 'deeper' of undefined"}}]},
  {"cursor":{"ref":"a","iteration":0,"position":0},"item":{"name":"R"},
   "assertions":[{"assertion":"ok"},{"assertion":"FAILS: x","error":{"name":"AssertionError","message":"expected 1 to equal 2"}},
                 {"assertion":"SKIPPED: s","skipped":true}]}]}}`

// goodExpectation returns a fresh expectation that oracleReport keeps, for
// each case to change on its own.
func goodExpectation() Expectation {
	return Expectation{
		Assertions:   3,
		Messages:     map[string]map[string]string{"R": {"FAILS: x": "expected 1 to equal 2"}},
		ScriptErrors: map[string]map[string]string{"R": {"test": "re:^TypeError: Cannot read propert(y|ies) .*'deeper'"}},
	}
}

// TestCheck checks the oracle itself on a hand-made report, so that a
// broken checker cannot pass a broken sandbox (or a Newman run that means
// something else).
func TestCheck(t *testing.T) {
	t.Parallel()
	const where = `iteration 0, "R"`
	for _, tc := range []struct {
		name   string
		expect func(*Expectation)
		run    func([]Execution)
		want   []string
	}{
		{name: "keeps the oracle"},
		{
			name:   "count",
			expect: func(e *Expectation) { e.Assertions = 4 },
			want:   []string{"3 assertions, want 4 (a test that did not run, or one that is new: update expected.json)"},
		},
		{
			name:   "message",
			expect: func(e *Expectation) { e.Messages["R"]["FAILS: x"] = "other" },
			want:   []string{where + `: "FAILS: x" failed with "expected 1 to equal 2", want "other"`},
		},
		{
			name:   "message by regexp",
			expect: func(e *Expectation) { e.Messages["R"]["FAILS: x"] = "re:^expected \\d to equal \\d$" },
		},
		{
			name:   "message by a regexp that does not compile",
			expect: func(e *Expectation) { e.Messages["R"]["FAILS: x"] = "re:(" },
			want:   []string{where + `: "FAILS: x" failed with "expected 1 to equal 2", want "re:("`},
		},
		{
			name:   "missing test",
			expect: func(e *Expectation) { e.Messages["R"]["FAILS: gone"] = "m" },
			want:   []string{`"R": "FAILS: gone" never failed, want message "m"`},
		},
		{
			name:   "message for a test that passes",
			expect: func(e *Expectation) { e.Messages["R"]["ok"] = "m" },
			want:   []string{`"R": "ok" never failed, want message "m"`},
		},
		{
			name:   "script error",
			expect: func(e *Expectation) { e.ScriptErrors = nil },
			want:   []string{`"R": unexpected test-script error "TypeError: Cannot read property 'deeper' of undefined"`},
		},
		{
			name:   "missing error",
			expect: func(e *Expectation) { e.ScriptErrors["R"]["prerequest"] = "X: y" },
			want:   []string{`"R": no prerequest-script error, want "X: y"`},
		},
		{
			name:   "wrong error re",
			expect: func(e *Expectation) { e.ScriptErrors["R"]["test"] = "re:^ReferenceError" },
			want:   []string{`"R": test-script error "TypeError: Cannot read property 'deeper' of undefined", want "re:^ReferenceError"`},
		},
		{
			name: "outcomes that contradict the names",
			run: func(x []Execution) {
				x[0].Assertions[0].Error = x[0].Assertions[1].Error
				x[0].Assertions[1].Error = nil
				x[0].Assertions[2].Skipped = false
			},
			want: []string{
				where + `: "ok" failed, want passed (AssertionError: expected 1 to equal 2)`,
				where + `: "FAILS: x" passed, want failed`,
				where + `: "SKIPPED: s" passed, want skipped`,
				`"R": "FAILS: x" never failed, want message "expected 1 to equal 2"`,
			},
		},
		{
			name: "no assertions",
			run:  func(x []Execution) { x[0].Assertions = nil },
			want: []string{"no assertions at all, want 3: did the scripts run?"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			execs, err := ParseReport([]byte(oracleReport))
			if err != nil {
				t.Fatal(err)
			}
			exp := goodExpectation()
			if tc.expect != nil {
				tc.expect(&exp)
			}
			if tc.run != nil {
				tc.run(execs)
			}
			var got []string
			for _, p := range Check(exp, execs) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckProblemPlaces pins where a problem says it is, which
// scripts/parity's allowlist matches on: an execution's label for what
// happened in it, the quoted request for what concerns all its runs,
// nothing for the whole run.
func TestCheckProblemPlaces(t *testing.T) {
	t.Parallel()
	execs, err := ParseReport([]byte(oracleReport))
	if err != nil {
		t.Fatal(err)
	}
	execs[0].Assertions[0].Skipped = true
	exp := goodExpectation()
	exp.Assertions = 2
	exp.Messages["R"]["FAILS: gone"] = "m"
	exp.ScriptErrors = nil
	got := Check(exp, execs)
	want := []Problem{
		{Request: `iteration 0, "R"`, Assertion: "ok", Text: "skipped, want passed"},
		{Text: "3 assertions, want 2 (a test that did not run, or one that is new: update expected.json)"},
		{Request: `"R"`, Assertion: "FAILS: gone", Text: `never failed, want message "m"`},
		{Request: `"R"`, Text: `unexpected test-script error "TypeError: Cannot read property 'deeper' of undefined"`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
}

func TestMatchExpected(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		want, got string
		match     bool
	}{
		{"expected 1 to equal 2", "expected 1 to equal 2", true},
		{"expected 1 to equal 2", "expected 1 to equal 3", false},
		{"", "", true},
		{"re:^Cannot read propert(y|ies)", "Cannot read properties of undefined", true},
		{"re:^Cannot read propert(y|ies)", "TypeError: Cannot read property", false},
		{"re:(", "(", false},
		// Only the prefix makes a pattern: a dot elsewhere is literal.
		{"a.c", "abc", false},
	} {
		if got := matchExpected(tc.want, tc.got); got != tc.match {
			t.Errorf("matchExpected(%q, %q) = %v, want %v", tc.want, tc.got, got, tc.match)
		}
	}
}
