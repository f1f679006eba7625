package corpus

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Problem is one way a run breaks the oracle. It keeps where apart from
// what so that scripts/parity can match it against its allowlist by
// request and assertion.
type Problem struct {
	// Request is an execution's Label, a request's quoted name for what
	// concerns all its executions, or empty for the whole run.
	Request string
	// Assertion is the name of the assertion concerned, if any.
	Assertion string
	// Text says what is wrong, worded to follow the assertion's quoted
	// name (see String).
	Text string
}

// String is the problem as one line: `where: "assertion" text`.
func (p Problem) String() string {
	s := p.Text
	if p.Assertion != "" {
		s = fmt.Sprintf("%q %s", p.Assertion, s)
	}
	if p.Request != "" {
		s = p.Request + ": " + s
	}
	return s
}

// Check returns every way a run's executions break the oracle of
// testdata/scripts/README.md: a test named "FAILS: ..." fails, one named
// "SKIPPED: ..." is skipped, every other passes, and the assertion count,
// failure messages and script errors are those exp gives. It returns nil
// for a run that keeps it.
func Check(exp Expectation, execs []Execution) []Problem {
	var out []Problem
	count := 0
	seenMsg := map[[2]string]bool{}
	gotErrs := map[string]map[string][]string{}
	for _, x := range execs {
		for _, a := range x.Assertions {
			count++
			got, want := a.Outcome(), "passed"
			switch {
			case strings.HasPrefix(a.Name, "FAILS:"):
				want = "failed"
			case strings.HasPrefix(a.Name, "SKIPPED:"):
				want = "skipped"
			}
			if got != want {
				detail := ""
				if a.Error != nil {
					detail = fmt.Sprintf(" (%s)", a.Error)
				}
				out = append(out, Problem{Request: x.Label, Assertion: a.Name, Text: fmt.Sprintf("%s, want %s%s", got, want, detail)})
				continue
			}
			if msg, ok := exp.Messages[x.Request][a.Name]; ok && a.Error != nil {
				seenMsg[[2]string{x.Request, a.Name}] = true
				if !matchExpected(msg, a.Error.Message) {
					out = append(out, Problem{Request: x.Label, Assertion: a.Name, Text: fmt.Sprintf("failed with %q, want %q", a.Error.Message, msg)})
				}
			}
		}
		for listen, errs := range x.ScriptErrors {
			if len(errs) == 0 {
				continue
			}
			if gotErrs[x.Request] == nil {
				gotErrs[x.Request] = map[string][]string{}
			}
			gotErrs[x.Request][listen] = append(gotErrs[x.Request][listen], errs...)
		}
	}
	if count == 0 {
		// Everything below would only repeat this.
		return append(out, Problem{Text: fmt.Sprintf("no assertions at all, want %d: did the scripts run?", exp.Assertions)})
	}
	if count != exp.Assertions {
		out = append(out, Problem{Text: fmt.Sprintf("%d assertions, want %d (a test that did not run, or one that is new: update expected.json)", count, exp.Assertions)})
	}
	for _, req := range slices.Sorted(maps.Keys(exp.Messages)) {
		for _, name := range slices.Sorted(maps.Keys(exp.Messages[req])) {
			if !seenMsg[[2]string{req, name}] {
				out = append(out, Problem{Request: fmt.Sprintf("%q", req), Assertion: name, Text: fmt.Sprintf("never failed, want message %q", exp.Messages[req][name])})
			}
		}
	}
	reqs := slices.Concat(slices.Collect(maps.Keys(gotErrs)), slices.Collect(maps.Keys(exp.ScriptErrors)))
	slices.Sort(reqs)
	for _, r := range slices.Compact(reqs) {
		where := fmt.Sprintf("%q", r)
		for _, listen := range []string{"prerequest", "test"} {
			wantErr, expected := exp.ScriptErrors[r][listen]
			got := gotErrs[r][listen]
			switch {
			case !expected && len(got) > 0:
				out = append(out, Problem{Request: where, Text: fmt.Sprintf("unexpected %s-script error %q", listen, got[0])})
			case expected && len(got) == 0:
				out = append(out, Problem{Request: where, Text: fmt.Sprintf("no %s-script error, want %q", listen, wantErr)})
			case expected:
				for _, g := range got {
					if !matchExpected(wantErr, g) {
						out = append(out, Problem{Request: where, Text: fmt.Sprintf("%s-script error %q, want %q", listen, g, wantErr)})
					}
				}
			}
		}
	}
	return out
}

// matchExpected compares a message with an expectation: the exact text,
// or after "re:" a regular expression, for wording that belongs to the
// JavaScript engine (V8 and goja say the same thing differently) while
// scripts/parity still compares the exact text with Newman's. A pattern
// that does not compile matches nothing, so a typo fails loudly.
func matchExpected(want, got string) bool {
	if pattern, ok := strings.CutPrefix(want, "re:"); ok {
		re, err := regexp.Compile(pattern)
		return err == nil && re.MatchString(got)
	}
	return want == got
}
