package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReporterSilentOptions: Newman's printing reporters take
// --reporter-<name>-silent, which CI jobs use to keep the log quiet while
// the file reporters still write. Newman 6.2.2 prints nothing and exits 0
// with each of them; colrun refused them as unknown flags (exit 2).
func TestReporterSilentOptions(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"quiet"},"item":[
		{"name":"r","request":"%s/r","event":[{"listen":"test","script":{"exec":["console.log('hi'); pm.test('ok', () => {});"]}}]}]}`, srv.URL))
	// args name the collection COLL and the JSON report REPORT.
	tests := []struct {
		name     string
		args     []string
		wantJSON bool
	}{
		{"cli", []string{"COLL", "-r", "cli,json", "--reporter-cli-silent", "--reporter-json-export", "REPORT"}, true},
		{"cli, the default reporter", []string{"COLL", "--reporter-cli-silent"}, false},
		// Newman takes the collection for the option's value here and
		// stops ("missing required argument"); colrun's boolean options
		// take no value, so flags may come before the path.
		{"cli, option before the collection", []string{"--reporter-cli-silent", "COLL", "-r", "cli,json", "--reporter-json-export", "REPORT"}, true},
		{"emojitrain", []string{"COLL", "-r", "emojitrain,json", "--reporter-emojitrain-silent", "--reporter-json-export", "REPORT"}, true},
		{"progress", []string{"COLL", "-r", "progress,json", "--reporter-progress-silent", "--reporter-json-export", "REPORT"}, true},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			report := filepath.Join(dir, fmt.Sprintf("report-%d.json", i))
			args := []string{"run"}
			for _, a := range tc.args {
				switch a {
				case "COLL":
					a = coll
				case "REPORT":
					a = report
				}
				args = append(args, a)
			}
			res := colrun(t, nil, args...)
			if res.code != exitOK || res.stdout != "" || res.stderr != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 0 and no output, as Newman", res.code, res.stdout, res.stderr)
			}
			if _, err := os.Stat(report); (err == nil) != tc.wantJSON {
				t.Errorf("JSON report written = %v, want %v", err == nil, tc.wantJSON)
			}
		})
	}
}

// TestJUnitSystemErrAsNewman: the system-err of a suite lists each
// iteration's script errors as Newman 6.2.2 writes them, err.stack ||
// err.message, so a CI step that searches the XML for Newman's lines finds
// them. The sandbox's serialised errors have no stack there, so most show
// their message alone; chai's AssertionError thrown outside pm.test keeps
// its stack ("Error: <message>"), and --bail's AssertionFailure is
// postman-runtime's own Error ("AssertionFailure: <tests>"). colrun wrote
// the engine's stack ("ReferenceError: ...\n\tat request Create user
// prerequest:1:24(2)"), or the bare message for AssertionFailure. The
// expected texts are Newman 6.2.2's for these collections and flags, with
// Node's and V8's frames ("    at TCPConnectWrap.afterConnect ...",
// "    at Object.eval (eval at exec ...") left out, as colrun documents.
func TestJUnitSystemErrAsNewman(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	errColl := writeFile(t, dir, "errors.json", fmt.Sprintf(`{"info":{"name":"CI Suite"},"item":[
		{"name":"Users","item":[{"name":"Create user","request":"%[1]s/post",
			"event":[{"listen":"prerequest","script":{"exec":["undefinedFn();"]}},
			         {"listen":"test","script":{"exec":["pm.test('created', () => {});"]}}]}]},
		{"name":"Errors","item":[
			{"name":"Refused","request":"http://127.0.0.1:1/x"},
			{"name":"Test throws","request":"%[1]s/get",
				"event":[{"listen":"test","script":{"exec":["pm.test('before throw', () => {});","null.foo;"]}}]},
			{"name":"Top expect","request":"%[1]s/get",
				"event":[{"listen":"test","script":{"exec":["pm.expect(1).to.eql(2);"]}}]}]}]}`, srv.URL))
	bail := writeFile(t, dir, "bail.json", fmt.Sprintf(`{"info":{"name":"Bail"},"item":[
		{"name":"Get user","request":"%s/get","event":[{"listen":"test","script":{"exec":[
			"pm.test('status', () => {});","pm.test('user matches', () => pm.expect('bob').to.eql('carol'));"]}}]}]}`, srv.URL))
	tests := []struct {
		name string
		args []string
		want map[string]string // system-err by suite
	}{
		{"script and request errors", []string{errColl, "-n", "2"}, map[string]string{
			"Users / Create user": "Iteration: 0\n\n---\nprerequestScriptError: undefinedFn is not defined\n---\n" +
				"Iteration: 1\n\n---\nprerequestScriptError: undefinedFn is not defined\n---\n",
			"Errors / Refused": "Iteration: 0\nRequestError: Error: connect ECONNREFUSED 127.0.0.1:1\n\n---\n" +
				"Iteration: 1\nRequestError: Error: connect ECONNREFUSED 127.0.0.1:1\n\n---\n",
			"Errors / Test throws": "Iteration: 0\n\n---\ntestScriptError: Cannot read properties of null (reading 'foo')\n---\n" +
				"Iteration: 1\n\n---\ntestScriptError: Cannot read properties of null (reading 'foo')\n---\n",
			"Errors / Top expect": "Iteration: 0\n\n---\ntestScriptError: Error: expected 1 to deeply equal 2\n---\n" +
				"Iteration: 1\n\n---\ntestScriptError: Error: expected 1 to deeply equal 2\n---\n",
		}},
		{"--bail on a failed assertion", []string{bail, "--bail"}, map[string]string{
			"Get user": "Iteration: 0\n\n---\ntestScriptError: AssertionFailure: user matches\n---\n",
		}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			report := filepath.Join(dir, fmt.Sprintf("r-%d.xml", i))
			res := colrun(t, nil, append([]string{"run", "-r", "junit", "--reporter-junit-export", report}, tc.args...)...)
			if res.code != exitFailed {
				t.Fatalf("exit %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
			}
			b, err := os.ReadFile(report)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Suites []struct {
					Name      string `xml:"name,attr"`
					SystemErr string `xml:"system-err"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal(b, &doc); err != nil {
				t.Fatalf("report is not XML: %v\n%s", err, b)
			}
			got := map[string]string{}
			for _, s := range doc.Suites {
				if s.SystemErr != "" {
					got[s.Name] = s.SystemErr
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("system-err differs from Newman's (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// TestBareReportExportFlags: Newman 6.2.2 reads --reporter-json-export and
// --reporter-junit-export given without a path (last on the line, or
// before another flag) as "no path" and writes the report to its default
// newman/newman-run-report-<time>-0.<ext>; colrun stopped with "flag needs
// an argument" (exit 2). A word that is not a flag is the path, as in
// Newman, even when the file exists (last run's report).
func TestBareReportExportFlags(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	srv := okServer(t)
	coll := writeFile(t, t.TempDir(), "c.json", fmt.Sprintf(`{"info":{"name":"bare"},"item":[{"name":"r","request":"%s/r"}]}`, srv.URL))
	tests := []struct {
		name string
		args []string
		want []string // files written in the working directory
	}{
		{"json export last", []string{"-r", "json", "--reporter-json-export"}, []string{"newman/newman-run-report-*.json"}},
		{"junit export before a flag", []string{"--reporter-junit-export", "-r", "junit"}, []string{"newman/newman-run-report-*.xml"}},
		{"both bare", []string{"-r", "json,junit", "--reporter-json-export", "--reporter-junit-export"},
			[]string{"newman/newman-run-report-*.json", "newman/newman-run-report-*.xml"}},
		{"an existing file is the path", []string{"-r", "junit", "--reporter-junit-export", "old.xml"}, []string{"old.xml"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeFile(t, dir, "old.xml", "last run")
			cmd := exec.Command(bin, append([]string{"run", coll}, tc.args...)...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v, want exit 0:\n%s", err, out)
			}
			for _, pattern := range tc.want {
				files, _ := filepath.Glob(filepath.Join(dir, pattern))
				if len(files) != 1 {
					t.Errorf("%s: %d files, want 1", pattern, len(files))
					continue
				}
				if b, _ := os.ReadFile(files[0]); len(b) == 0 || string(b) == "last run" {
					t.Errorf("%s not written: %q", files[0], b)
				}
			}
		})
	}
}

// TestCommonReporterOptions: Newman documents a common form of the
// reporter options, without the reporter's name ("the option no-summary
// can be passed as --reporter-no-summary or --reporter-cli-no-summary";
// "--reporter-silent" silences the reporters, "--reporter-export" sets
// the file reporters' path). colrun dropped the first kind as options of
// a reporter named "no" or "show" (the summary was still printed) and
// refused --reporter-silent and --reporter-export (exit 2). What each
// case expects is what Newman 6.2.2 printed and wrote for it.
func TestCommonReporterOptions(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"common"},"item":[
		{"name":"r","request":"%s/r","event":[{"listen":"test","script":{"exec":[
			"console.log('from the script');",
			"pm.test('passes', () => {});",
			"pm.test('fails', () => pm.expect(1).to.eql(2));"]}}]}]}`, srv.URL))
	const (
		summary  = "│              iterations │"
		failures = "#  failure"
		banner   = "colrun\n\n"
	)
	tests := []struct {
		name       string
		args       []string // REPORT is the JSON report's path
		has, hasNo []string // in stdout
		wantJSON   bool
	}{
		{name: "no-summary", args: []string{"--reporter-no-summary"}, has: []string{failures}, hasNo: []string{summary}},
		{name: "no-failures", args: []string{"--reporter-no-failures"}, has: []string{summary}, hasNo: []string{failures}},
		{name: "no-banner", args: []string{"--reporter-no-banner"}, has: []string{"common\n"}, hasNo: []string{banner}},
		{name: "no-console", args: []string{"--reporter-no-console"}, has: []string{"✓  passes"}, hasNo: []string{"'from the script'"}},
		{name: "no-assertions", args: []string{"--reporter-no-assertions"}, has: []string{"'from the script'"}, hasNo: []string{"✓  passes", "1. fails"}},
		{name: "no-success-assertions", args: []string{"--reporter-no-success-assertions"}, has: []string{"1. fails"}, hasNo: []string{"✓  passes"}},
		{name: "show-timestamps", args: []string{"--reporter-show-timestamps"}, has: []string{"]  ✓  passes"}},
		{name: "over the reporter's own", args: []string{"--reporter-cli-no-summary=false", "--reporter-no-summary"}, hasNo: []string{summary}},
		{name: "silent", args: []string{"-r", "cli,json", "--reporter-silent", "--reporter-json-export", "REPORT"}, hasNo: []string{"→ r"}, wantJSON: true},
		{name: "export", args: []string{"-r", "json", "--reporter-export", "REPORT"}, wantJSON: true},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			report := filepath.Join(dir, fmt.Sprintf("report-%d.json", i))
			args := []string{"run", coll, "--color", "off"}
			for _, a := range tc.args {
				if a == "REPORT" {
					a = report
				}
				args = append(args, a)
			}
			res := colrun(t, nil, args...)
			if res.code != exitFailed {
				t.Fatalf("exit %d, want %d (a test fails); stderr %s", res.code, exitFailed, res.stderr)
			}
			for _, s := range tc.has {
				if !strings.Contains(res.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, res.stdout)
				}
			}
			for _, s := range tc.hasNo {
				if strings.Contains(res.stdout, s) {
					t.Errorf("stdout has %q:\n%s", s, res.stdout)
				}
			}
			if _, err := os.Stat(report); (err == nil) != tc.wantJSON {
				t.Errorf("JSON report written = %v, want %v", err == nil, tc.wantJSON)
			}
		})
	}
}

// TestUnnamedCollectionIdentifier: under the banner Newman 6.2.2 prints
// the collection's name, or its id when it has none (the file's
// _postman_id, or the one postman-collection makes up, which its json and
// junit reports show too). colrun printed nothing for a collection
// without a name or id.
func TestUnnamedCollectionIdentifier(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	tests := []struct {
		name, info string
	}{
		{"no name, an id", `{"_postman_id":"0f1e2d3c-0000-4000-8000-000000000001"}`},
		{"neither", `{}`},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			coll := writeFile(t, dir, fmt.Sprintf("c-%d.json", i), fmt.Sprintf(`{"info":%s,"item":[{"name":"r","request":"%s/r"}]}`, tc.info, srv.URL))
			report := filepath.Join(dir, fmt.Sprintf("r-%d.json", i))
			res := colrun(t, nil, "run", coll, "-r", "cli,json", "--reporter-json-export", report)
			if res.code != exitOK {
				t.Fatalf("exit %d; stderr %s", res.code, res.stderr)
			}
			var doc struct {
				Collection struct {
					Info struct {
						ID string `json:"_postman_id"`
					} `json:"info"`
				} `json:"collection"`
			}
			b, err := os.ReadFile(report)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			lines := append(strings.SplitN(res.stdout, "\n", 4), "", "", "")
			if doc.Collection.Info.ID == "" || lines[2] != doc.Collection.Info.ID {
				t.Errorf("line 3 = %q, want the collection id %q:\n%s", lines[2], doc.Collection.Info.ID, res.stdout)
			}
		})
	}
}

// TestCommonExportErrors: a --reporter-export path colrun refuses before
// the run (exit 2, as any path it cannot write) is named by the flag the
// user gave and the report it was for.
func TestCommonExportErrors(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"e"},"item":[{"name":"r","request":"%s/r"}]}`, srv.URL))
	file := writeFile(t, dir, "afile", "")
	same := filepath.Join(dir, "same.out")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"under a file", []string{"-r", "json", "--reporter-export", filepath.Join(file, "x")},
			"colrun: --reporter-export (the json report) " + filepath.Join(file, "x") + ": cannot create its directory: not a directory\n"},
		{"one file for two reports", []string{"-r", "json,junit", "--reporter-export", same},
			"colrun: --reporter-export (the junit report) " + same + ": --reporter-export (the json report) writes that file too, and the one written last would replace the other; give each its own path\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, append([]string{"run", coll}, tc.args...)...)
			if res.code != exitUsage || res.stderr != tc.want {
				t.Errorf("exit %d, stderr %q; want exit %d, %q", res.code, res.stderr, exitUsage, tc.want)
			}
		})
	}
}
