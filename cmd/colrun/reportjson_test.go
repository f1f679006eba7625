package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJSONFailureParentAsNewman: in Newman 6.2.2's JSON report a
// failure's parent is the folder holding the item or, for a top-level
// item, the collection (read as .parent.info.name), and a request error
// has no parent at all (the runtime's request event passes the item
// without its place in the tree). colrun left out the top-level parent
// and gave request errors one, so a jq script grouping failures by
// .parent read different groups. The expected values are Newman 6.2.2's
// report of this collection.
func TestJSONFailureParentAsNewman(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	scripts := `"event":[{"listen":"prerequest","script":{"exec":["x();"]}},
		{"listen":"test","script":{"exec":["pm.test('t', () => { throw new Error('a'); });","y();"]}}]`
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"P"},"item":[
		{"name":"Fold","item":[{"name":"Refused","request":"http://127.0.0.1:1/x",%[2]s}]},
		{"name":"TopRefused","request":"http://127.0.0.1:1/x",%[2]s},
		{"name":"SR","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":[
			"pm.sendRequest('http://127.0.0.1:1/z', (e, r) => { pm.test('sr', () => { if (e) throw e; }); });"]}}]}]}`, srv.URL, scripts))
	report := filepath.Join(dir, "r.json")
	res := colrun(t, nil, "run", coll, "-r", "json", "--reporter-json-export", report)
	if res.code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Run struct {
			Failures []struct {
				At     string `json:"at"`
				Source *struct {
					Name string `json:"name"`
				} `json:"source"`
				Parent *struct {
					Name string `json:"name"`
					Info *struct {
						Name string `json:"name"`
					} `json:"info"`
				} `json:"parent"`
			} `json:"failures"`
		} `json:"run"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	// Each failure as "at source: parent", parent being "-" when there is
	// none and "info <name>" for the collection; at without colrun's
	// line and column, a documented difference.
	want := []string{
		"prerequest-script Refused: Fold",
		"request Refused: -",
		"assertion:0 in test-script Refused: Fold",
		"test-script Refused: Fold",
		"prerequest-script TopRefused: info P",
		"request TopRefused: -",
		"assertion:0 in test-script TopRefused: info P",
		"test-script TopRefused: info P",
		"request : -",
		"assertion:0 in test-script SR: info P",
	}
	var got []string
	for _, f := range doc.Run.Failures {
		at, _, _ := strings.Cut(f.At, ":")
		if strings.HasPrefix(f.At, "assertion:") {
			at = f.At
		}
		s := at + " "
		if f.Source != nil {
			s += f.Source.Name
		}
		switch p := f.Parent; {
		case p == nil:
			s += ": -"
		case p.Info != nil:
			s += ": info " + p.Info.Name
		default:
			s += ": " + p.Name
		}
		got = append(got, s)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failures' parents differ from Newman's (-newman +colrun):\n%s", diff)
	}
}

// TestJSONReportWritesMarkupAsIs: Newman 6.2.2's JSON report is
// JSON.stringify's text, which writes <, > and & as they are; colrun's
// escaped them (\u003c, \u0026), so a CI step grepping the report for a
// request body or a test named with them found nothing. Each want is a
// line of Newman's report of this collection, without its indentation and
// trailing comma (colrun's items have fewer members).
func TestJSONReportWritesMarkupAsIs(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"CI <Suite> & Co"},"item":[
		{"name":"Sign <in> & out","request":{"method":"POST","url":"%s/post","body":{"mode":"raw","raw":"<a>&amp;</a>"}},
			"event":[{"listen":"test","script":{"exec":["pm.test('status <ok> & fine', () => pm.expect(1).to.eql(2));"]}}]}]}`, srv.URL))
	report := filepath.Join(dir, "r.json")
	res := colrun(t, nil, "run", coll, "-r", "json", "--reporter-json-export", report)
	if res.code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		lines[strings.TrimSuffix(strings.TrimSpace(l), ",")] = true
	}
	for _, want := range []string{
		`"name": "CI <Suite> & Co"`,
		`"name": "Sign <in> & out"`,
		`"raw": "<a>&amp;</a>"`,
		`"assertion": "status <ok> & fine"`,
		`"test": "status <ok> & fine"`,
	} {
		if !lines[want] {
			t.Errorf("report lacks Newman's line %s:\n%s", want, b)
		}
	}
}

// TestJSONScriptErrorsAsNewman: a script error in Newman 6.2.2's JSON
// report (executions' testScript and prerequestScript, and failures) is
// the sandbox's serialised error, with type "Error" and no stack, except
// chai's AssertionError thrown outside pm.test and --bail's
// AssertionFailure, which keep their stack and have no type. colrun wrote
// its engine's stack on every one, naming its own files and Go functions
// ("at github.com/colrun/colrun/runner/sandbox/chai.(*core).assert-fm
// (native)"), and a type on all. The expected values are Newman 6.2.2's,
// with the V8 frames after a stack's first line left out, as colrun
// documents.
func TestJSONScriptErrorsAsNewman(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"S"},"item":[
		{"name":"TopExpect","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":["pm.expect(1).to.eql(2);"]}}]},
		{"name":"NullRead","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":["var a = null;","a.foo;"]}}]},
		{"name":"Syntax","request":"%[1]s/get","event":[{"listen":"prerequest","script":{"exec":["var = ;"]}}]},
		{"name":"Bail","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":["pm.test('x', () => pm.expect(1).to.eql(2));"]}}]}]}`, srv.URL))
	type scriptError struct{ Item, Name, Type, Stack string }
	tests := []struct {
		name string
		args []string
		want []scriptError
	}{
		{"errors", nil, []scriptError{
			{"TopExpect", "AssertionError", "", "Error: expected 1 to deeply equal 2"},
			{"NullRead", "TypeError", "Error", ""},
			{"Syntax", "SyntaxError", "Error", ""},
		}},
		{"--bail", []string{"--folder", "Bail", "--bail"}, []scriptError{
			{"Bail", "AssertionFailure", "", "AssertionFailure: x"},
		}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			report := filepath.Join(dir, fmt.Sprintf("r-%d.json", i))
			res := colrun(t, nil, append([]string{"run", coll, "-r", "json", "--reporter-json-export", report}, tc.args...)...)
			if res.code != exitFailed {
				t.Fatalf("exit %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
			}
			b, err := os.ReadFile(report)
			if err != nil {
				t.Fatal(err)
			}
			type jsError struct {
				Name  string `json:"name"`
				Type  string `json:"type"`
				Stack string `json:"stack"`
			}
			var doc struct {
				Run struct {
					Executions []struct {
						Item struct {
							Name string `json:"name"`
						} `json:"item"`
						PrerequestScript []struct{ Error jsError } `json:"prerequestScript"`
						TestScript       []struct{ Error jsError } `json:"testScript"`
					} `json:"executions"`
					Failures []struct {
						At     string  `json:"at"`
						Error  jsError `json:"error"`
						Source struct {
							Name string `json:"name"`
						} `json:"source"`
					} `json:"failures"`
				} `json:"run"`
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			var execs, failures []scriptError
			for _, x := range doc.Run.Executions {
				for _, s := range append(x.PrerequestScript, x.TestScript...) {
					execs = append(execs, scriptError{x.Item.Name, s.Error.Name, s.Error.Type, s.Error.Stack})
				}
			}
			for _, f := range doc.Run.Failures {
				if strings.Contains(f.At, "script") && !strings.HasPrefix(f.At, "assertion") {
					failures = append(failures, scriptError{f.Source.Name, f.Error.Name, f.Error.Type, f.Error.Stack})
				}
			}
			if diff := cmp.Diff(tc.want, execs); diff != "" {
				t.Errorf("executions' script errors differ from Newman's (-newman +colrun):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, failures); diff != "" {
				t.Errorf("failures' script errors differ from Newman's (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// TestReportFilesEndAsNewman: Newman 6.2.2 writes its JSON report as
// JSON.stringify's text and its JUnit report as xmlbuilder's, neither
// with a final newline; colrun added one to both, so a byte comparison
// with a report Newman wrote (a golden copy in a repository) failed.
// The expected ends are those of Newman 6.2.2's reports, a run with tests
// and one without requests.
func TestReportFilesEndAsNewman(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	tests := []struct {
		name, collection        string
		wantJSONEnd, wantXMLEnd string
	}{
		{"a run", fmt.Sprintf(`{"info":{"name":"e"},"item":[{"name":"r","request":"%s/get","event":[{"listen":"test","script":{"exec":["pm.test('ok', () => {});"]}}]}]}`, srv.URL),
			"  }\n}", "  </testsuite>\n</testsuites>"},
		{"no requests", `{"info":{"name":"e"},"item":[]}`, "  }\n}", `time="0.000"/>`},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			coll := writeFile(t, dir, fmt.Sprintf("c-%d.json", i), tc.collection)
			jsonPath, xmlPath := filepath.Join(dir, fmt.Sprintf("r-%d.json", i)), filepath.Join(dir, fmt.Sprintf("r-%d.xml", i))
			res := colrun(t, nil, "run", coll, "-r", "json,junit", "--reporter-json-export", jsonPath, "--reporter-junit-export", xmlPath)
			if res.code != exitOK {
				t.Fatalf("exit %d, want 0; stderr %s", res.code, res.stderr)
			}
			for path, want := range map[string]string{jsonPath: tc.wantJSONEnd, xmlPath: tc.wantXMLEnd} {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasSuffix(string(b), want) {
					t.Errorf("%s ends %q, want %q as Newman's", filepath.Base(path), b[max(0, len(b)-len(want)-5):], want)
				}
			}
		})
	}
}
