// Command parity runs the script corpus (testdata/scripts) with Newman and
// with colrun against the same `colrun mock --echo` server and compares,
// per request execution (iteration, position, name), the assertion names
// and outcomes, the failure messages and the script errors. Differences
// listed in scripts/parity-allowlist.json, each with the reason it is a
// deliberate improvement over Newman, are shown but do not fail the
// check; any other difference does. It also checks Newman's reports
// against the corpus's own oracle (testdata/scripts/README.md), so that a
// collection whose tests do not mean the same to Newman is caught when it
// is written.
//
// scripts/parity.sh installs Newman, builds colrun, starts the mock and
// calls this; see there for the flags.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/colrun/colrun/mockserver"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.colrun, "colrun", "", "colrun binary")
	flag.StringVar(&cfg.newman, "newman", "", "directory of the newman npm package (…/node_modules/newman)")
	flag.StringVar(&cfg.server, "server", "", "host:port of the running `colrun mock --echo`")
	flag.StringVar(&cfg.apiVersion, "api-version", mockserver.DefaultAPIVersion, "REST API version the mock serves")
	flag.StringVar(&cfg.corpus, "corpus", "testdata/scripts", "corpus directory")
	flag.StringVar(&cfg.allowlist, "allowlist", "scripts/parity-allowlist.json", "allowlist file")
	flag.StringVar(&cfg.work, "work", "", "directory for the reports (default: a temporary one, removed at the end)")
	flag.StringVar(&cfg.only, "run", "", "only the collections whose name matches this regular expression")
	flag.Parse()
	if cfg.colrun == "" || cfg.newman == "" || cfg.server == "" {
		fmt.Fprintln(os.Stderr, "parity: -colrun, -newman and -server are required (scripts/parity.sh sets them)")
		os.Exit(2)
	}
	ok, err := run(cfg, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parity:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

type config struct {
	colrun, newman, server, apiVersion string
	corpus, allowlist, work, only      string
}

// expectation is the part of a testdata/scripts/expected.json entry this
// check uses; corpus_test.go in cmd/colrun documents the whole of it.
type expectation struct {
	Args         []string                     `json:"args"`
	Assertions   int                          `json:"assertions"`
	Messages     map[string]map[string]string `json:"messages"`
	ScriptErrors map[string]map[string]string `json:"scriptErrors"`
}

// allowed is one entry of the allowlist: a collection, optionally narrowed
// to a request and an assertion, and why the difference is wanted.
type allowed struct {
	Collection string `json:"collection"`
	Request    string `json:"request,omitempty"`
	Assertion  string `json:"assertion,omitempty"`
	Reason     string `json:"reason"`
	used       bool
}

// difference is one way the two runs, or Newman and the oracle, disagree.
type difference struct {
	request, assertion string // empty for the whole collection or request
	text               string
	allow              *allowed
}

func run(cfg config, out io.Writer) (bool, error) {
	start := time.Now()
	names, expected, err := loadCorpus(cfg)
	if err != nil {
		return false, err
	}
	allows, err := loadAllowlist(cfg.allowlist)
	if err != nil {
		return false, err
	}
	work := cfg.work
	if work == "" {
		if work, err = os.MkdirTemp("", "colrun-parity-"); err != nil {
			return false, err
		}
		defer os.RemoveAll(work)
	}
	for _, sub := range []string{"newman", "colrun"} {
		if err := os.MkdirAll(filepath.Join(work, sub), 0o755); err != nil {
			return false, err
		}
	}
	vars := variables(cfg)

	fmt.Fprintf(out, "parity: %d collections with Newman (%s)\n", len(names), cfg.newman)
	crashes, err := runNewman(cfg, work, names, expected, vars)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(out, "parity: Newman done in %s; running colrun\n", time.Since(start).Round(time.Second))
	colrunErrs := map[string]string{}
	for _, name := range names {
		if msg := runColrun(cfg, work, name, expected[name], vars); msg != "" {
			colrunErrs[name] = msg
		}
	}

	failed := false
	var allowedCount int
	for _, name := range names {
		newmanRep, nErr := readReport(filepath.Join(work, "newman", name+".json"))
		colrunRep, cErr := readReport(filepath.Join(work, "colrun", name+".json"))
		var diffs []difference
		switch {
		case crashes[name] != "":
			diffs = append(diffs, difference{text: "Newman crashed: " + crashes[name]})
		case nErr != nil:
			diffs = append(diffs, difference{text: "no Newman report: " + nErr.Error()})
		}
		switch {
		case colrunErrs[name] != "":
			diffs = append(diffs, difference{text: "colrun: " + colrunErrs[name]})
		case cErr != nil:
			diffs = append(diffs, difference{text: "no colrun report: " + cErr.Error()})
		}
		if len(diffs) == 0 {
			diffs = compare(summarize(newmanRep), summarize(colrunRep))
			for _, o := range oracle(expected[name], summarize(newmanRep)) {
				o.text = "Newman breaks the corpus oracle: " + o.text
				diffs = append(diffs, o)
			}
		}
		var bad, ok []difference
		for i := range diffs {
			if a := match(allows, name, diffs[i]); a != nil {
				a.used = true
				diffs[i].allow = a
				ok = append(ok, diffs[i])
			} else {
				bad = append(bad, diffs[i])
			}
		}
		allowedCount += len(ok)
		switch {
		case len(bad) > 0:
			failed = true
			fmt.Fprintf(out, "DIFF     %s\n", name)
		case len(ok) > 0:
			fmt.Fprintf(out, "allowed  %s\n", name)
		default:
			fmt.Fprintf(out, "ok       %s\n", name)
		}
		for _, d := range bad {
			fmt.Fprintf(out, "    %s\n", d.describe())
		}
		for _, d := range ok {
			fmt.Fprintf(out, "    allowed: %s\n        because: %s\n", d.describe(), d.allow.Reason)
		}
	}
	for _, a := range allows {
		if !a.used && (cfg.only == "" || regexp.MustCompile(cfg.only).MatchString(a.Collection)) {
			fmt.Fprintf(out, "note: allowlist entry for %s %s %s matched no difference (colrun now behaves like Newman there?)\n", a.Collection, a.Request, a.Assertion)
		}
	}
	fmt.Fprintf(out, "parity: %d collections in %s, %d allowed differences: %s\n",
		len(names), time.Since(start).Round(time.Second), allowedCount, map[bool]string{true: "FAILED", false: "ok"}[failed])
	return !failed, nil
}

func (d difference) describe() string {
	var where []string
	if d.request != "" {
		where = append(where, d.request)
	}
	if d.assertion != "" {
		where = append(where, fmt.Sprintf("%q", d.assertion))
	}
	if len(where) == 0 {
		return d.text
	}
	return strings.Join(where, " / ") + ": " + d.text
}

// match finds the allowlist entry covering d. An entry naming only a
// collection covers everything in it; one naming a request covers what
// concerns the request as a whole (its script errors, whether it ran) in
// every execution of it; one naming a request and an assertion covers
// that assertion. Narrow entries keep an allowed difference from hiding
// a new one next to it.
func match(allows []*allowed, collection string, d difference) *allowed {
	for _, a := range allows {
		if a.Collection != collection {
			continue
		}
		if a.Request != "" && !strings.HasSuffix(d.request, fmt.Sprintf("%q", a.Request)) {
			continue
		}
		if a.Request != "" && d.assertion != a.Assertion {
			continue
		}
		return a
	}
	return nil
}

func loadCorpus(cfg config) ([]string, map[string]expectation, error) {
	paths, err := filepath.Glob(filepath.Join(cfg.corpus, "*.postman_collection.json"))
	if err != nil || len(paths) == 0 {
		return nil, nil, fmt.Errorf("no collections in %s", cfg.corpus)
	}
	raw, err := os.ReadFile(filepath.Join(cfg.corpus, "expected.json"))
	if err != nil {
		return nil, nil, err
	}
	var expected map[string]expectation
	if err := json.Unmarshal(raw, &expected); err != nil {
		return nil, nil, fmt.Errorf("expected.json: %w", err)
	}
	var only *regexp.Regexp
	if cfg.only != "" {
		if only, err = regexp.Compile(cfg.only); err != nil {
			return nil, nil, fmt.Errorf("-run: %w", err)
		}
	}
	var names []string
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".postman_collection.json")
		if only != nil && !only.MatchString(name) {
			continue
		}
		if _, ok := expected[name]; !ok {
			return nil, nil, fmt.Errorf("%s is not in expected.json", name)
		}
		names = append(names, name)
	}
	return names, expected, nil
}

func loadAllowlist(path string) ([]*allowed, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list []*allowed
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, a := range list {
		if a.Collection == "" || strings.TrimSpace(a.Reason) == "" {
			return nil, fmt.Errorf("%s: entry %d needs a collection and a reason", path, i+1)
		}
		if a.Assertion != "" && a.Request == "" {
			return nil, fmt.Errorf("%s: entry %d names an assertion without its request", path, i+1)
		}
	}
	return list, nil
}

// variables are what `colrun run --mock` sets (cmd/colrun/runmock.go), so
// that Newman and colrun see the same run as the Go corpus test.
func variables(cfg config) [][2]string {
	return [][2]string{
		{"protocol", "http"},
		{"server", cfg.server},
		{"api-version", cfg.apiVersion},
		{"baseUrl", "http://" + cfg.server + "/api/" + cfg.apiVersion},
		{"admin-username", mockserver.DemoAdminName},
		{"admin-password", mockserver.DemoAdminPassword},
		{"admin-PAT-name", mockserver.DemoPATName},
		{"admin-PAT-secret", mockserver.DemoPATSecret},
		{"content-url", ""},
		{"connected-app-client-id", mockserver.DemoClientID},
		{"connected-app-secret-id", mockserver.DemoSecretID},
		{"connected-app-secret-value", mockserver.DemoSecretValue},
	}
}

// runArgs are the flags both runners get: the variables, then the
// collection's own flags with corpus files made absolute.
func runArgs(cfg config, exp expectation, vars [][2]string) ([]string, error) {
	var args []string
	for _, v := range vars {
		args = append(args, "--env-var", v[0]+"="+v[1])
	}
	corpus, err := filepath.Abs(cfg.corpus)
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(exp.Args); i++ {
		a := exp.Args[i]
		args = append(args, a)
		switch a {
		case "-e", "--environment", "-g", "--globals", "-d", "--iteration-data":
			if i+1 < len(exp.Args) {
				i++
				args = append(args, filepath.Join(corpus, exp.Args[i]))
			}
		}
	}
	return args, nil
}

type newmanJob struct {
	Name       string   `json:"name"`
	Collection string   `json:"collection"`
	Report     string   `json:"report"`
	Args       []string `json:"args"`
}

// runNewman runs every collection through scripts/parity/newman.js. When
// a collection crashes Newman (the process dies between its "start" and
// "done" lines) the crash is recorded and the rest run in a new process.
func runNewman(cfg config, work string, names []string, expected map[string]expectation, vars [][2]string) (map[string]string, error) {
	corpus, err := filepath.Abs(cfg.corpus)
	if err != nil {
		return nil, err
	}
	var jobs []newmanJob
	for _, name := range names {
		args, err := runArgs(cfg, expected[name], vars)
		if err != nil {
			return nil, err
		}
		report := filepath.Join(work, "newman", name+".json")
		// A report left in a reused -work directory must not stand in
		// for one this run failed to write.
		_ = os.Remove(report)
		jobs = append(jobs, newmanJob{name, filepath.Join(corpus, name+".postman_collection.json"), report, args})
	}
	driver, err := filepath.Abs(filepath.Join(filepath.Dir(cfg.allowlist), "parity", "newman.js"))
	if err != nil {
		return nil, err
	}
	crashes := map[string]string{}
	for len(jobs) > 0 {
		jobFile := filepath.Join(work, "newman-jobs.json")
		raw, _ := json.Marshal(jobs)
		if err := os.WriteFile(jobFile, raw, 0o644); err != nil {
			return nil, err
		}
		var stderr bytes.Buffer
		cmd := exec.Command("node", driver, cfg.newman, jobFile)
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("node: %w", err)
		}
		done := map[string]bool{}
		current := ""
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "start "); ok {
				current = n
			} else if n, ok := strings.CutPrefix(line, "done "); ok {
				done[n] = true
				current = ""
			}
		}
		waitErr := cmd.Wait()
		var rest []newmanJob
		for _, j := range jobs {
			if !done[j.Name] && j.Name != current {
				rest = append(rest, j)
			}
		}
		if current != "" {
			crashes[current] = crashSummary(stderr.String())
		} else if waitErr != nil || len(rest) == len(jobs) {
			return nil, fmt.Errorf("the Newman driver failed (%v): %s", waitErr, stderr.String())
		}
		jobs = rest
	}
	return crashes, nil
}

// crashSummary keeps the line of Node's crash report that says what was
// thrown, not the whole stack.
func crashSummary(stderr string) string {
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "message:") || strings.Contains(l, "Error:") {
			return "unhandled rejection, " + strings.TrimSuffix(l, ",")
		}
	}
	if s := strings.TrimSpace(stderr); s != "" {
		return s
	}
	return "the process exited"
}

func runColrun(cfg config, work, name string, exp expectation, vars [][2]string) string {
	args, err := runArgs(cfg, exp, vars)
	if err != nil {
		return err.Error()
	}
	coll, err := filepath.Abs(filepath.Join(cfg.corpus, name+".postman_collection.json"))
	if err != nil {
		return err.Error()
	}
	report := filepath.Join(work, "colrun", name+".json")
	_ = os.Remove(report)
	args = append([]string{"run", coll, "-r", "json", "--reporter-json-export", report}, args...)
	var stderr bytes.Buffer
	cmd := exec.Command(cfg.colrun, args...)
	cmd.Stderr = &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return fmt.Sprintf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return ""
}

// report is the part of a JSON report (Newman's shape, which colrun
// writes too) that is compared.
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
				Assertion string     `json:"assertion"`
				Skipped   bool       `json:"skipped"`
				Error     *jsonError `json:"error"`
			} `json:"assertions"`
			PrerequestScript []struct {
				Error *jsonError `json:"error"`
			} `json:"prerequestScript"`
			TestScript []struct {
				Error *jsonError `json:"error"`
			} `json:"testScript"`
		} `json:"executions"`
	} `json:"run"`
}

type jsonError struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

func (e *jsonError) String() string { return e.Name + ": " + e.Message }

func readReport(path string) (*report, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r report
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &r, nil
}

// execution is one run of one request, as compared.
type execution struct {
	key     string // iteration, position, name and occurrence
	label   string
	request string
	// outcomes maps an assertion (name, with #n for a repeated name) to
	// "passed", "skipped" or "failed: Name: message".
	outcomes map[string]string
	names    map[string]string // outcomes key → assertion name
	// scriptErrors maps "prerequest"/"test" to the errors, in order.
	scriptErrors map[string][]string
}

// summarize turns a report into executions in run order. Newman lists an
// execution once per request sent under its cursor, so pm.sendRequest
// repeats it; the first entry per cursor ref is the execution.
func summarize(r *report) []execution {
	var out []execution
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
		e := execution{key: fmt.Sprintf("%s#%d", base, seen[base]), label: label, request: x.Item.Name,
			outcomes: map[string]string{}, names: map[string]string{}, scriptErrors: map[string][]string{}}
		count := map[string]int{}
		for _, a := range x.Assertions {
			count[a.Assertion]++
			k := a.Assertion
			if count[k] > 1 {
				k = fmt.Sprintf("%s #%d", a.Assertion, count[a.Assertion])
			}
			e.names[k] = a.Assertion
			switch {
			case a.Skipped:
				e.outcomes[k] = "skipped"
			case a.Error != nil:
				e.outcomes[k] = "failed: " + a.Error.String()
			default:
				e.outcomes[k] = "passed"
			}
		}
		for _, s := range x.PrerequestScript {
			if s.Error != nil {
				e.scriptErrors["prerequest"] = append(e.scriptErrors["prerequest"], s.Error.String())
			}
		}
		for _, s := range x.TestScript {
			if s.Error != nil {
				e.scriptErrors["test"] = append(e.scriptErrors["test"], s.Error.String())
			}
		}
		out = append(out, e)
	}
	return out
}

// compare lists the differences between Newman's executions and colrun's.
// Assertions are compared by name, not order: the order of tests that
// finish asynchronously is not part of the contract.
func compare(newman, colrun []execution) []difference {
	var diffs []difference
	byKey := map[string]*execution{}
	for i := range colrun {
		byKey[colrun[i].key] = &colrun[i]
	}
	matched := map[string]bool{}
	for _, n := range newman {
		c, ok := byKey[n.key]
		if !ok {
			diffs = append(diffs, difference{request: n.label, text: "ran with Newman, not with colrun"})
			continue
		}
		matched[n.key] = true
		for _, k := range sortedKeys(union(n.outcomes, c.outcomes)) {
			no, nok := n.outcomes[k]
			co, cok := c.outcomes[k]
			name := n.names[k]
			if name == "" {
				name = c.names[k]
			}
			switch {
			case !nok:
				diffs = append(diffs, difference{request: n.label, assertion: name, text: "only colrun reports it (" + co + ")"})
			case !cok:
				diffs = append(diffs, difference{request: n.label, assertion: name, text: "only Newman reports it (" + no + ")"})
			case no != co:
				diffs = append(diffs, difference{request: n.label, assertion: name, text: fmt.Sprintf("Newman %s; colrun %s", no, co)})
			}
		}
		for _, listen := range []string{"prerequest", "test"} {
			ne, ce := strings.Join(n.scriptErrors[listen], "; "), strings.Join(c.scriptErrors[listen], "; ")
			if ne != ce {
				diffs = append(diffs, difference{request: n.label, text: fmt.Sprintf("%s-script error: Newman %s; colrun %s", listen, orNone(ne), orNone(ce))})
			}
		}
	}
	for _, c := range colrun {
		if !matched[c.key] {
			diffs = append(diffs, difference{request: c.label, text: "ran with colrun, not with Newman"})
		}
	}
	return diffs
}

// oracle checks Newman's run against the corpus convention: FAILS:
// tests fail, SKIPPED: tests are skipped, the others pass, and the
// messages, script errors and assertion count are those of expected.json.
// It is the check of cmd/colrun/corpus_test.go, applied to Newman.
func oracle(exp expectation, execs []execution) []difference {
	var diffs []difference
	count := 0
	errs := map[string]map[string][]string{}
	for _, e := range execs {
		for k, outcome := range e.outcomes {
			count++
			name := e.names[k]
			want := "passed"
			switch {
			case strings.HasPrefix(name, "FAILS:"):
				want = "failed"
			case strings.HasPrefix(name, "SKIPPED:"):
				want = "skipped"
			}
			if !strings.HasPrefix(outcome, want) {
				diffs = append(diffs, difference{request: e.label, assertion: name, text: outcome + ", want " + want})
				continue
			}
			if msg, ok := exp.Messages[e.request][name]; ok {
				got := strings.SplitN(strings.TrimPrefix(outcome, "failed: "), ": ", 2)
				if len(got) < 2 || !matchExpected(msg, got[1]) {
					diffs = append(diffs, difference{request: e.label, assertion: name, text: fmt.Sprintf("%s, want message %q", outcome, msg)})
				}
			}
		}
		for listen, list := range e.scriptErrors {
			if errs[e.request] == nil {
				errs[e.request] = map[string][]string{}
			}
			errs[e.request][listen] = append(errs[e.request][listen], list...)
		}
	}
	if count != exp.Assertions {
		diffs = append(diffs, difference{text: fmt.Sprintf("%d assertions, want %d", count, exp.Assertions)})
	}
	reqs := map[string]bool{}
	for r := range errs {
		reqs[r] = true
	}
	for r := range exp.ScriptErrors {
		reqs[r] = true
	}
	for _, r := range sortedKeys(reqs) {
		for _, listen := range []string{"prerequest", "test"} {
			want, ok := exp.ScriptErrors[r][listen]
			got := errs[r][listen]
			switch {
			case !ok && len(got) > 0:
				diffs = append(diffs, difference{request: fmt.Sprintf("%q", r), text: fmt.Sprintf("unexpected %s-script error %s", listen, got[0])})
			case ok && len(got) == 0:
				diffs = append(diffs, difference{request: fmt.Sprintf("%q", r), text: fmt.Sprintf("no %s-script error, want %q", listen, want)})
			case ok:
				for _, g := range got {
					if !matchExpected(want, g) {
						diffs = append(diffs, difference{request: fmt.Sprintf("%q", r), text: fmt.Sprintf("%s-script error %s, want %q", listen, g, want)})
					}
				}
			}
		}
	}
	return diffs
}

// matchExpected is the oracle's comparison: exact, or a regular
// expression after "re:".
func matchExpected(want, got string) bool {
	if pattern, ok := strings.CutPrefix(want, "re:"); ok {
		re, err := regexp.Compile(pattern)
		return err == nil && re.MatchString(got)
	}
	return want == got
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func union(a, b map[string]string) map[string]bool {
	u := map[string]bool{}
	for k := range a {
		u[k] = true
	}
	for k := range b {
		u[k] = true
	}
	return u
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
