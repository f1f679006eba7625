package corpus

import (
	"encoding/json"
	"fmt"
	"os"
)

// report is the part of a JSON report (Newman's shape, which colrun
// writes too) that the checks read.
type report struct {
	Run struct {
		Executions []struct {
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
				Error     *Error `json:"error"`
			} `json:"assertions"`
			PrerequestScript []struct {
				Error *Error `json:"error"`
			} `json:"prerequestScript"`
			TestScript []struct {
				Error *Error `json:"error"`
			} `json:"testScript"`
		} `json:"executions"`
	} `json:"run"`
}

// Error is a failed assertion's or a script's error as the report gives
// it.
type Error struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

// String is the "Name: message" form expected.json uses for script
// errors.
func (e *Error) String() string { return e.Name + ": " + e.Message }

// Execution is one run of one request.
type Execution struct {
	// Key identifies the execution across two runs of a collection:
	// iteration, position, request name, and which run of that request
	// at that place it is (a setNextRequest loop runs it again).
	Key string
	// Label says where the execution is, for people: iteration and
	// request, and the run when there are several.
	Label string
	// Request is the request's name, as expected.json names it.
	Request string
	// Assertions are the execution's assertions in report order.
	Assertions []Assertion
	// ScriptErrors maps "prerequest" or "test" to the "Name: message"
	// of that script's errors, in order.
	ScriptErrors map[string][]string
}

// Assertion is one assertion of an execution.
type Assertion struct {
	// Key is the name, with " #n" for the nth assertion of the same name
	// in the execution, so that repeated names stay apart when two runs
	// are compared by name.
	Key string
	// Name is the assertion's (test's) name.
	Name string
	// Skipped is set for a pm.test.skip.
	Skipped bool
	// Error is set when the assertion failed.
	Error *Error
}

// Outcome is "passed", "skipped" or "failed": what a test's name
// promises.
func (a Assertion) Outcome() string {
	switch {
	case a.Skipped:
		return "skipped"
	case a.Error != nil:
		return "failed"
	}
	return "passed"
}

// String is the outcome with the error of a failure ("failed: Name:
// message"): what two runs must agree on.
func (a Assertion) String() string {
	if o := a.Outcome(); o != "failed" {
		return o
	}
	return "failed: " + a.Error.String()
}

// ReadReport reads the JSON report at path and returns its executions
// (see ParseReport).
func ReadReport(path string) ([]Execution, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	execs, err := ParseReport(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return execs, nil
}

// ParseReport returns the executions of a JSON report in run order.
// Newman lists an execution once per request sent under its cursor, so
// each pm.sendRequest repeats it; the first entry per cursor ref is the
// execution.
func ParseReport(raw []byte) ([]Execution, error) {
	var r report
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, err
	}
	var out []Execution
	refs := map[string]bool{}
	seen := map[string]int{}
	for _, x := range r.Run.Executions {
		if x.Cursor.Ref != "" {
			if refs[x.Cursor.Ref] {
				continue
			}
			refs[x.Cursor.Ref] = true
		}
		base := fmt.Sprintf("%d/%d/%s", x.Cursor.Iteration, x.Cursor.Position, x.Item.Name)
		seen[base]++
		label := fmt.Sprintf("iteration %d, %q", x.Cursor.Iteration, x.Item.Name)
		if seen[base] > 1 {
			label = fmt.Sprintf("iteration %d, run %d of %q", x.Cursor.Iteration, seen[base], x.Item.Name)
		}
		e := Execution{Key: fmt.Sprintf("%s#%d", base, seen[base]), Label: label, Request: x.Item.Name,
			ScriptErrors: map[string][]string{}}
		count := map[string]int{}
		for _, a := range x.Assertions {
			count[a.Assertion]++
			key := a.Assertion
			if count[key] > 1 {
				key = fmt.Sprintf("%s #%d", a.Assertion, count[a.Assertion])
			}
			e.Assertions = append(e.Assertions, Assertion{Key: key, Name: a.Assertion, Skipped: a.Skipped, Error: a.Error})
		}
		for _, s := range x.PrerequestScript {
			if s.Error != nil {
				e.ScriptErrors["prerequest"] = append(e.ScriptErrors["prerequest"], s.Error.String())
			}
		}
		for _, s := range x.TestScript {
			if s.Error != nil {
				e.ScriptErrors["test"] = append(e.ScriptErrors["test"], s.Error.String())
			}
		}
		out = append(out, e)
	}
	return out, nil
}
