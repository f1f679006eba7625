package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/colrun/colrun/internal/corpus"
)

// The script corpus (testdata/scripts, issue 5) is its own oracle: a test
// named "FAILS: ..." must fail, one named "SKIPPED: ..." must be skipped,
// every other must pass, and testdata/scripts/expected.json pins what a
// name cannot say. testdata/scripts/README.md describes the convention;
// internal/corpus implements the oracle, which scripts/parity.sh applies
// to Newman as well.

// corpusDir is the corpus, relative to this package.
const corpusDir = "../../testdata/scripts"

// TestScriptCorpus runs every corpus collection against the built-in mock
// and checks its JSON report against the oracle.
func TestScriptCorpus(t *testing.T) {
	t.Parallel()
	c, err := corpus.Load(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range c.Orphans() {
		t.Errorf("expected.json lists %q, which has no collection file", name)
	}
	if len(c.Names) < 40 {
		t.Errorf("the corpus has %d collections; issue 5 asks for at least 40", len(c.Names))
	}
	for _, name := range c.Names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, ok := c.Expected[name]
			if !ok {
				t.Fatalf("%s is not in testdata/scripts/expected.json; add its assertion count there", name)
			}
			report := filepath.Join(t.TempDir(), "report.json")
			args := append([]string{"run", c.Collection(name),
				"--mock", "-r", "json", "--reporter-json-export", report}, want.RunArgs(c.Dir)...)
			res := colrun(t, nil, args...)
			if res.code != exitOK && res.code != exitFailed {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			execs, err := corpus.ReadReport(report)
			if err != nil {
				t.Fatalf("no JSON report (exit %d, stderr %s): %v", res.code, res.stderr, err)
			}
			problems := corpus.Check(want, execs)
			for _, p := range problems {
				t.Error(p)
			}
			// The exit code must agree with the report: 1 exactly when
			// something failed on purpose.
			wantCode := exitOK
			if len(want.ScriptErrors) > 0 || want.FailedRequests > 0 || hasExpectedFailure(execs) {
				wantCode = exitFailed
			}
			if len(problems) == 0 && res.code != wantCode {
				t.Errorf("exit code %d, want %d", res.code, wantCode)
			}
		})
	}
}

// hasExpectedFailure reports whether the run holds a test meant to fail,
// which makes colrun exit 1.
func hasExpectedFailure(execs []corpus.Execution) bool {
	for _, x := range execs {
		for _, a := range x.Assertions {
			if strings.HasPrefix(a.Name, "FAILS:") {
				return true
			}
		}
	}
	return false
}
