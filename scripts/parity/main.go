// Command parity runs the script corpus (testdata/scripts) with Newman and
// with colrun against the same `colrun mock --echo` server and compares,
// per request execution (iteration, position, name), the assertion names
// and outcomes, the failure messages and the script errors. Differences
// listed in scripts/parity-allowlist.json, each with the reason it is a
// deliberate improvement over Newman, are shown but do not fail the
// check; any other difference does. It also checks Newman's reports
// against the corpus's own oracle (testdata/scripts/README.md, the same
// internal/corpus check the Go test applies to colrun), so that a
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
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/colrun/colrun/internal/corpus"
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

// allowed is one entry of the allowlist: a collection, optionally narrowed
// to a request and an assertion, and why the difference is wanted.
type allowed struct {
	Collection string `json:"collection"`
	Request    string `json:"request,omitempty"`
	Assertion  string `json:"assertion,omitempty"`
	Reason     string `json:"reason"`
	used       bool
}

// difference is one way the two runs, or Newman and the oracle, disagree,
// and the allowlist entry that accepts it if any. Request and Assertion
// are empty for the whole collection or request.
type difference struct {
	corpus.Problem
	allow *allowed
}

func run(cfg config, out io.Writer) (bool, error) {
	start := time.Now()
	c, names, err := loadCorpus(cfg)
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
	crashes, err := runNewman(cfg, c, work, names, vars)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(out, "parity: Newman done in %s; running colrun\n", time.Since(start).Round(time.Second))
	colrunErrs := map[string]string{}
	for _, name := range names {
		if msg := runColrun(cfg, c, work, name, vars); msg != "" {
			colrunErrs[name] = msg
		}
	}

	failed := false
	var allowedCount int
	for _, name := range names {
		newmanRun, nErr := corpus.ReadReport(filepath.Join(work, "newman", name+".json"))
		colrunRun, cErr := corpus.ReadReport(filepath.Join(work, "colrun", name+".json"))
		var diffs []difference
		switch {
		case crashes[name] != "":
			diffs = append(diffs, whole("Newman crashed: "+crashes[name]))
		case nErr != nil:
			diffs = append(diffs, whole("no Newman report: "+nErr.Error()))
		}
		switch {
		case colrunErrs[name] != "":
			diffs = append(diffs, whole("colrun: "+colrunErrs[name]))
		case cErr != nil:
			diffs = append(diffs, whole("no colrun report: "+cErr.Error()))
		}
		if len(diffs) == 0 {
			diffs = compare(newmanRun, colrunRun)
			for _, p := range corpus.Check(c.Expected[name], newmanRun) {
				p.Text = "Newman breaks the corpus oracle: " + p.Text
				diffs = append(diffs, difference{Problem: p})
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

// whole is a difference about the whole collection.
func whole(text string) difference {
	return difference{Problem: corpus.Problem{Text: text}}
}

func (d difference) describe() string {
	var where []string
	if d.Request != "" {
		where = append(where, d.Request)
	}
	if d.Assertion != "" {
		where = append(where, fmt.Sprintf("%q", d.Assertion))
	}
	if len(where) == 0 {
		return d.Text
	}
	return strings.Join(where, " / ") + ": " + d.Text
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
		if a.Request != "" && !strings.HasSuffix(d.Request, fmt.Sprintf("%q", a.Request)) {
			continue
		}
		if a.Request != "" && d.Assertion != a.Assertion {
			continue
		}
		return a
	}
	return nil
}

// loadCorpus loads the corpus and picks the collections -run selects,
// each of which must have its expectation: without one there is no
// assertion count to hold Newman to.
func loadCorpus(cfg config) (*corpus.Corpus, []string, error) {
	c, err := corpus.Load(cfg.corpus)
	if err != nil {
		return nil, nil, err
	}
	var only *regexp.Regexp
	if cfg.only != "" {
		if only, err = regexp.Compile(cfg.only); err != nil {
			return nil, nil, fmt.Errorf("-run: %w", err)
		}
	}
	var names []string
	for _, name := range c.Names {
		if only != nil && !only.MatchString(name) {
			continue
		}
		if _, ok := c.Expected[name]; !ok {
			return nil, nil, fmt.Errorf("%s is not in expected.json", name)
		}
		names = append(names, name)
	}
	return c, names, nil
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
func runArgs(c *corpus.Corpus, name string, vars [][2]string) []string {
	var args []string
	for _, v := range vars {
		args = append(args, "--env-var", v[0]+"="+v[1])
	}
	return append(args, c.Expected[name].RunArgs(c.Dir)...)
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
func runNewman(cfg config, c *corpus.Corpus, work string, names []string, vars [][2]string) (map[string]string, error) {
	var jobs []newmanJob
	for _, name := range names {
		report := filepath.Join(work, "newman", name+".json")
		// A report left in a reused -work directory must not stand in
		// for one this run failed to write.
		_ = os.Remove(report)
		jobs = append(jobs, newmanJob{name, c.Collection(name), report, runArgs(c, name, vars)})
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

func runColrun(cfg config, c *corpus.Corpus, work, name string, vars [][2]string) string {
	report := filepath.Join(work, "colrun", name+".json")
	_ = os.Remove(report)
	args := append([]string{"run", c.Collection(name), "-r", "json", "--reporter-json-export", report}, runArgs(c, name, vars)...)
	var stderr bytes.Buffer
	cmd := exec.Command(cfg.colrun, args...)
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return fmt.Sprintf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return ""
}

// compare lists the differences between Newman's executions and colrun's.
// Assertions are compared by name, not order: the order of tests that
// finish asynchronously is not part of the contract.
func compare(newman, colrun []corpus.Execution) []difference {
	var diffs []difference
	add := func(request, assertion, text string) {
		diffs = append(diffs, difference{Problem: corpus.Problem{Request: request, Assertion: assertion, Text: text}})
	}
	byKey := map[string]*corpus.Execution{}
	for i := range colrun {
		byKey[colrun[i].Key] = &colrun[i]
	}
	matched := map[string]bool{}
	for _, n := range newman {
		c, ok := byKey[n.Key]
		if !ok {
			add(n.Label, "", "ran with Newman, not with colrun")
			continue
		}
		matched[n.Key] = true
		na, ca := byKeyOf(n.Assertions), byKeyOf(c.Assertions)
		keys := slices.Concat(slices.Collect(maps.Keys(na)), slices.Collect(maps.Keys(ca)))
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			no, nok := na[k]
			co, cok := ca[k]
			switch {
			case !nok:
				add(n.Label, co.Name, "only colrun reports it ("+co.String()+")")
			case !cok:
				add(n.Label, no.Name, "only Newman reports it ("+no.String()+")")
			case no.String() != co.String():
				add(n.Label, no.Name, fmt.Sprintf("Newman %s; colrun %s", no, co))
			}
		}
		for _, listen := range []string{"prerequest", "test"} {
			ne, ce := strings.Join(n.ScriptErrors[listen], "; "), strings.Join(c.ScriptErrors[listen], "; ")
			if ne != ce {
				add(n.Label, "", fmt.Sprintf("%s-script error: Newman %s; colrun %s", listen, orNone(ne), orNone(ce)))
			}
		}
	}
	for _, c := range colrun {
		if !matched[c.Key] {
			add(c.Label, "", "ran with colrun, not with Newman")
		}
	}
	return diffs
}

// byKeyOf indexes assertions by Key, which tells apart the repeats of a
// name.
func byKeyOf(assertions []corpus.Assertion) map[string]corpus.Assertion {
	m := make(map[string]corpus.Assertion, len(assertions))
	for _, a := range assertions {
		m[a.Key] = a
	}
	return m
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
