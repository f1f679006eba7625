package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The script corpus (testdata/scripts, issue 5) is its own oracle: a test
// named "FAILS: ..." must fail, one named "SKIPPED: ..." must be skipped,
// every other must pass, and testdata/scripts/expected.json pins what a
// name cannot say: the run's extra flags, the number of assertions (so
// that a script or callback that silently did not run is caught), the
// failure messages and the script errors. testdata/scripts/README.md
// describes the convention; scripts/parity.sh checks the same corpus
// against Newman.

// corpusDir is the corpus, relative to this package.
const corpusDir = "../../testdata/scripts"

// corpusExpectation is one collection's entry in expected.json.
type corpusExpectation struct {
	// Args are extra `run` flags; the value after -e, -g or -d is a file
	// in the corpus directory.
	Args []string `json:"args"`
	// Assertions is the number of assertions the run reports, over all
	// iterations and executions.
	Assertions int `json:"assertions"`
	// Messages maps request name → assertion name → expected failure
	// message (see matchExpected).
	Messages map[string]map[string]string `json:"messages"`
	// ScriptErrors maps request name → "prerequest" or "test" → expected
	// "Name: message" of the script error every execution of that request
	// reports there. Requests not listed must report no script error.
	ScriptErrors map[string]map[string]string `json:"scriptErrors"`
}

// corpusReport is the part of the JSON report (Newman's shape) the
// oracle reads.
type corpusReport struct {
	Run struct {
		Executions []corpusExecution `json:"executions"`
	} `json:"run"`
}

type corpusExecution struct {
	Cursor struct {
		Ref       string `json:"ref"`
		Iteration int    `json:"iteration"`
		Position  int    `json:"position"`
	} `json:"cursor"`
	Item struct {
		Name string `json:"name"`
	} `json:"item"`
	Assertions []struct {
		Assertion string `json:"assertion"`
		Skipped   bool   `json:"skipped"`
		Error     *struct {
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"error"`
	} `json:"assertions"`
	PrerequestScript []corpusScript `json:"prerequestScript"`
	TestScript       []corpusScript `json:"testScript"`
}

type corpusScript struct {
	Error *struct {
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
}

// matchExpected compares a message with an expectation: an exact string,
// or a regular expression after "re:" where the wording may legitimately
// vary (a JavaScript engine's own error text) and parity.sh compares the
// exact text with Newman's.
func matchExpected(want, got string) bool {
	if pattern, ok := strings.CutPrefix(want, "re:"); ok {
		re, err := regexp.Compile(pattern)
		return err == nil && re.MatchString(got)
	}
	return want == got
}

// corpusFileArgs resolves the file given to -e, -g or -d in the corpus
// directory, so that expected.json stays independent of the working
// directory.
func corpusFileArgs(dir string, args []string) []string {
	out := make([]string, len(args))
	copy(out, args)
	for i := 0; i+1 < len(out); i++ {
		switch out[i] {
		case "-e", "--environment", "-g", "--globals", "-d", "--iteration-data":
			out[i+1] = filepath.Join(dir, out[i+1])
			i++
		}
	}
	return out
}

func loadCorpus(t *testing.T) (dir string, names []string, expected map[string]corpusExpectation) {
	t.Helper()
	dir, err := filepath.Abs(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.postman_collection.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no collections in %s (%v)", dir, err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &expected); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".postman_collection.json"))
	}
	// An entry without its collection is a rename gone wrong.
	for name := range expected {
		if _, err := os.Stat(filepath.Join(dir, name+".postman_collection.json")); err != nil {
			t.Errorf("expected.json lists %q, which has no collection file", name)
		}
	}
	return dir, names, expected
}

// TestScriptCorpus runs every corpus collection against the built-in mock
// and checks its JSON report against the oracle.
func TestScriptCorpus(t *testing.T) {
	t.Parallel()
	dir, names, expected := loadCorpus(t)
	if len(names) < 40 {
		t.Errorf("the corpus has %d collections; issue 5 asks for at least 40", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, ok := expected[name]
			if !ok {
				t.Fatalf("%s is not in testdata/scripts/expected.json; add its assertion count there", name)
			}
			report := filepath.Join(t.TempDir(), "report.json")
			args := append([]string{"run", filepath.Join(dir, name+".postman_collection.json"),
				"--mock", "-r", "json", "--reporter-json-export", report}, corpusFileArgs(dir, want.Args)...)
			res := colrun(t, nil, args...)
			if res.code != exitOK && res.code != exitFailed {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			raw, err := os.ReadFile(report)
			if err != nil {
				t.Fatalf("no JSON report (exit %d, stderr %s): %v", res.code, res.stderr, err)
			}
			var rep corpusReport
			if err := json.Unmarshal(raw, &rep); err != nil {
				t.Fatalf("JSON report: %v", err)
			}
			failures := checkCorpusReport(want, rep)
			for _, f := range failures {
				t.Error(f)
			}
			// The exit code must agree with the report: 1 exactly when
			// something failed on purpose.
			wantCode := exitOK
			if len(want.ScriptErrors) > 0 || hasExpectedFailure(rep) {
				wantCode = exitFailed
			}
			if len(failures) == 0 && res.code != wantCode {
				t.Errorf("exit code %d, want %d", res.code, wantCode)
			}
		})
	}
}

func hasExpectedFailure(rep corpusReport) bool {
	for _, x := range rep.Run.Executions {
		for _, a := range x.Assertions {
			if strings.HasPrefix(a.Assertion, "FAILS:") {
				return true
			}
		}
	}
	return false
}

// checkCorpusReport returns every way rep breaks the oracle.
func checkCorpusReport(want corpusExpectation, rep corpusReport) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	count := 0
	seenMsg := map[[2]string]bool{}
	gotErrs := map[string]map[string][]string{}
	// Newman lists an execution once per request sent with its cursor, so
	// a pm.sendRequest repeats it; one entry per cursor ref is the
	// execution.
	refs := map[string]bool{}
	for _, x := range rep.Run.Executions {
		if x.Cursor.Ref != "" {
			if refs[x.Cursor.Ref] {
				continue
			}
			refs[x.Cursor.Ref] = true
		}
		where := fmt.Sprintf("iteration %d, %q", x.Cursor.Iteration, x.Item.Name)
		for _, a := range x.Assertions {
			count++
			got := "passed"
			switch {
			case a.Skipped:
				got = "skipped"
			case a.Error != nil:
				got = "failed"
			}
			expect := "passed"
			switch {
			case strings.HasPrefix(a.Assertion, "FAILS:"):
				expect = "failed"
			case strings.HasPrefix(a.Assertion, "SKIPPED:"):
				expect = "skipped"
			}
			if got != expect {
				detail := ""
				if a.Error != nil {
					detail = fmt.Sprintf(" (%s: %s)", a.Error.Name, a.Error.Message)
				}
				bad("%s: %q %s, want %s%s", where, a.Assertion, got, expect, detail)
				continue
			}
			if msg, ok := want.Messages[x.Item.Name][a.Assertion]; ok && a.Error != nil {
				seenMsg[[2]string{x.Item.Name, a.Assertion}] = true
				if !matchExpected(msg, a.Error.Message) {
					bad("%s: %q failed with %q, want %q", where, a.Assertion, a.Error.Message, msg)
				}
			}
		}
		for listen, scripts := range map[string][]corpusScript{"prerequest": x.PrerequestScript, "test": x.TestScript} {
			for _, s := range scripts {
				if s.Error == nil {
					continue
				}
				if gotErrs[x.Item.Name] == nil {
					gotErrs[x.Item.Name] = map[string][]string{}
				}
				gotErrs[x.Item.Name][listen] = append(gotErrs[x.Item.Name][listen], s.Error.Name+": "+s.Error.Message)
			}
		}
	}
	if count == 0 {
		// Everything below would only repeat this.
		return append(out, fmt.Sprintf("no assertions at all, want %d: did the scripts run?", want.Assertions))
	}
	if count != want.Assertions {
		bad("%d assertions, want %d (a test that did not run, or one that is new: update expected.json)", count, want.Assertions)
	}
	for _, req := range sortedKeys(want.Messages) {
		for _, name := range sortedKeys(want.Messages[req]) {
			if !seenMsg[[2]string{req, name}] {
				bad("%q: no failed assertion %q (want message %q)", req, name, want.Messages[req][name])
			}
		}
	}
	reqs := map[string]bool{}
	for r := range gotErrs {
		reqs[r] = true
	}
	for r := range want.ScriptErrors {
		reqs[r] = true
	}
	for _, r := range sortedKeys(reqs) {
		for _, listen := range []string{"prerequest", "test"} {
			wantErr, expected := want.ScriptErrors[r][listen]
			got := gotErrs[r][listen]
			switch {
			case !expected && len(got) > 0:
				bad("%q: unexpected %s-script error %q", r, listen, got[0])
			case expected && len(got) == 0:
				bad("%q: no %s-script error, want %q", r, listen, wantErr)
			case expected:
				for _, g := range got {
					if !matchExpected(wantErr, g) {
						bad("%q: %s-script error %q, want %q", r, listen, g, wantErr)
					}
				}
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestScriptCorpusOracle checks the oracle itself on hand-made reports, so
// that a broken checker cannot pass a broken sandbox.
func TestScriptCorpusOracle(t *testing.T) {
	t.Parallel()
	const doc = `{"run":{"executions":[
	  {"cursor":{"ref":"a","iteration":0,"position":0},"item":{"name":"R"},
	   "assertions":[{"assertion":"ok"},{"assertion":"FAILS: x","error":{"name":"AssertionError","message":"expected 1 to equal 2"}},
	                 {"assertion":"SKIPPED: s","skipped":true}],
	   "testScript":[{"error":{"name":"TypeError","message":"Cannot read property 'deeper' of undefined"}}]},
	  {"cursor":{"ref":"a","iteration":0,"position":0},"item":{"name":"R"},
	   "assertions":[{"assertion":"ok"},{"assertion":"FAILS: x","error":{"name":"AssertionError","message":"expected 1 to equal 2"}},
	                 {"assertion":"SKIPPED: s","skipped":true}]}]}}`
	var rep corpusReport
	if err := json.Unmarshal([]byte(doc), &rep); err != nil {
		t.Fatal(err)
	}
	good := corpusExpectation{
		Assertions:   3,
		Messages:     map[string]map[string]string{"R": {"FAILS: x": "expected 1 to equal 2"}},
		ScriptErrors: map[string]map[string]string{"R": {"test": "re:^TypeError: Cannot read propert(y|ies) .*'deeper'"}},
	}
	if got := checkCorpusReport(good, rep); len(got) != 0 {
		t.Errorf("a matching report fails the oracle: %q", got)
	}
	for name, tc := range map[string]struct {
		mutate func(*corpusExpectation)
		want   string
	}{
		"count":          {func(e *corpusExpectation) { e.Assertions = 4 }, "3 assertions, want 4"},
		"message":        {func(e *corpusExpectation) { e.Messages["R"]["FAILS: x"] = "other" }, `want "other"`},
		"missing test":   {func(e *corpusExpectation) { e.Messages["R"]["FAILS: gone"] = "m" }, `no failed assertion "FAILS: gone"`},
		"script error":   {func(e *corpusExpectation) { e.ScriptErrors = nil }, "unexpected test-script error"},
		"missing error":  {func(e *corpusExpectation) { e.ScriptErrors["R"]["prerequest"] = "X: y" }, "no prerequest-script error"},
		"wrong error re": {func(e *corpusExpectation) { e.ScriptErrors["R"]["test"] = "re:^ReferenceError" }, "want \"re:^ReferenceError\""},
	} {
		e := good
		e.Messages = map[string]map[string]string{"R": {"FAILS: x": "expected 1 to equal 2"}}
		e.ScriptErrors = map[string]map[string]string{"R": {"test": good.ScriptErrors["R"]["test"]}}
		tc.mutate(&e)
		got := strings.Join(checkCorpusReport(e, rep), "\n")
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: oracle said %q, want it to mention %q", name, got, tc.want)
		}
	}
	// Outcomes that contradict the names.
	rep.Run.Executions[0].Assertions[0].Error = rep.Run.Executions[0].Assertions[1].Error
	rep.Run.Executions[0].Assertions[2].Skipped = false
	got := strings.Join(checkCorpusReport(good, rep), "\n")
	for _, want := range []string{`"ok" failed, want passed`, `"SKIPPED: s" passed, want skipped`} {
		if !strings.Contains(got, want) {
			t.Errorf("oracle said %q, want it to mention %q", got, want)
		}
	}
}
