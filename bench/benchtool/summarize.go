package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Summary is the machine-readable outcome of one bench/run.sh run.
type Summary struct {
	Meta map[string]string `json:"meta"`
	// ScriptsRan says whether colrun ran the generated test scripts (from
	// the assertion count of its JSON report); nil when not checked.
	ScriptsRan       *bool              `json:"scripts_ran"`
	ColrunAssertions *Assertions        `json:"colrun_assertions,omitempty"`
	NewmanAssertions *Assertions        `json:"newman_assertions,omitempty"`
	Results          map[string]*Result `json:"results"`
	// PerRequestMS is the marginal cost of a request: (wall of N requests
	// minus wall of one) / (N-1), so process start-up is left out, as it is
	// from the in-process bare loop.
	PerRequestMS map[string]float64 `json:"per_request_ms"`
	// PerRequestCPUMS is the same for CPU time (user+sys), which a busy
	// machine distorts less than wall time.
	PerRequestCPUMS map[string]float64 `json:"per_request_cpu_ms"`
	// PerRequestFrom is the N each PerRequestMS entry was taken from.
	PerRequestFrom map[string]int `json:"per_request_from"`
	// Ratios are Newman's median over colrun's, and the other quotients
	// the targets are stated in.
	Ratios  map[string]float64 `json:"ratios"`
	Targets []Target           `json:"targets"`
}

// Target is one of issue 6's targets and how this run did against it.
type Target struct {
	ID          string   `json:"id"`
	Description string   `json:"target"`
	Value       *float64 `json:"value"`
	Limit       float64  `json:"limit"`
	Measured    string   `json:"measured"`
	// Status is "met", "not met" or "not measured"; Met is nil when not
	// measured.
	Status string `json:"status"`
	Met    *bool  `json:"met"`
	// NeedsScripts marks targets that only mean something when the test
	// scripts ran.
	NeedsScripts bool   `json:"needs_scripts"`
	Note         string `json:"note,omitempty"`
}

type metaFlags map[string]string

func (m metaFlags) String() string { return "" }
func (m metaFlags) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("want key=value, got %q", s)
	}
	m[k] = v
	return nil
}

func summarizeCmd(args []string) error {
	fset := flag.NewFlagSet("summarize", flag.ContinueOnError)
	dir := fset.String("dir", "", "directory of measure/bare/assertions results")
	out := fset.String("json", "", "write the summary as JSON to this file")
	meta := metaFlags{}
	fset.Var(meta, "meta", "key=value to record in the summary (repeatable)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("-dir is required")
	}
	s, err := summarize(*dir, meta)
	if err != nil {
		return err
	}
	s.print(os.Stdout)
	if *out == "" {
		return nil
	}
	b, err := jsonIndent(s)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, append(b, '\n'), 0o644)
}

func summarize(dir string, meta map[string]string) (*Summary, error) {
	s := &Summary{Meta: meta, Results: map[string]*Result{}, PerRequestMS: map[string]float64{}, PerRequestCPUMS: map[string]float64{}, PerRequestFrom: map[string]int{}, Ratios: map[string]float64{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".json" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		base := strings.TrimSuffix(d.Name(), ".json")
		switch base {
		case "assertions-colrun", "assertions-newman":
			var a Assertions
			if err := json.Unmarshal(b, &a); err != nil {
				return fmt.Errorf("%s: %v", path, err)
			}
			if base == "assertions-colrun" {
				s.ColrunAssertions = &a
			} else {
				s.NewmanAssertions = &a
			}
		default:
			var r Result
			if err := json.Unmarshal(b, &r); err != nil {
				return fmt.Errorf("%s: %v", path, err)
			}
			s.Results[base] = &r
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if s.ColrunAssertions != nil {
		ran := s.ColrunAssertions.Ran
		s.ScriptsRan = &ran
	}
	s.derive()
	return s, nil
}

// ok returns the named result when it exists and every run succeeded.
func (s *Summary) ok(name string) *Result {
	if r := s.Results[name]; r != nil && r.OK && r.Runs > 0 {
		return r
	}
	return nil
}

// marginal is the per-request wall and CPU time of prefix-N over prefix-1
// for the largest N measured.
func (s *Summary) marginal(prefix string) (wall, cpu float64, n int) {
	one := s.ok(prefix + "1")
	if one == nil {
		return 0, 0, 0
	}
	for _, n := range []int{2000, 200} {
		if r := s.ok(fmt.Sprintf("%s%d", prefix, n)); r != nil {
			return (r.WallMS - one.WallMS) / float64(n-1), (r.CPUMS - one.CPUMS) / float64(n-1), n
		}
	}
	return 0, 0, 0
}

func (s *Summary) derive() {
	// bare is the loop as a Go program is usually run; bare_1p the same
	// loop with GOMAXPROCS=1, which on a small machine is faster (no
	// cross-thread wake-ups), as colrun's sequential runs are after
	// start-up. Targets are judged against both.
	for key, name := range map[string]string{"bare": "bare", "bare_1p": "bare-1p"} {
		if b := s.ok(name); b != nil {
			s.PerRequestMS[key] = b.PerRequestMS
			s.PerRequestCPUMS[key] = b.CPUMS / float64(b.Requests)
			s.PerRequestFrom[key] = b.Requests
		}
	}
	for key, prefix := range map[string]string{"colrun_scripts": "colrun-", "colrun_noscripts": "colrun-noscripts-", "newman_scripts": "newman-"} {
		if v, cpu, n := s.marginal(prefix); n > 0 {
			s.PerRequestMS[key] = v
			s.PerRequestCPUMS[key] = cpu
			s.PerRequestFrom[key] = n
		}
	}
	for _, n := range []string{"1", "200", "2000"} {
		c, nw := s.ok("colrun-"+n), s.ok("newman-"+n)
		if c == nil || nw == nil {
			continue
		}
		s.Ratios["newman_over_colrun_wall_"+n] = nw.WallMS / c.WallMS
		s.Ratios["newman_over_colrun_cpu_"+n] = nw.CPUMS / c.CPUMS
		s.Ratios["newman_over_colrun_rss_"+n] = nw.RSSMB / c.RSSMB
		if c.AnonMB > 0 && nw.AnonMB > 0 {
			s.Ratios["newman_over_colrun_anon_"+n] = nw.AnonMB / c.AnonMB
		}
	}
	for _, b := range []string{"bare", "bare_1p"} {
		bare := s.PerRequestMS[b]
		if bare <= 0 {
			continue
		}
		for _, k := range []string{"colrun_scripts", "colrun_noscripts", "newman_scripts"} {
			if v, ok := s.PerRequestMS[k]; ok {
				s.Ratios[k+"_over_"+b] = v / bare
			}
			if v, ok := s.PerRequestCPUMS[k]; ok && s.PerRequestCPUMS[b] > 0 {
				s.Ratios[k+"_cpu_over_"+b] = v / s.PerRequestCPUMS[b]
			}
		}
	}
	if small, big := s.ok("csv-1000"), s.ok("csv-100000"); small != nil && big != nil {
		s.Ratios["csv_rss_100000_over_1000"] = big.RSSMB / small.RSSMB
	}
	if p1, p4 := s.ok("parallel-1"), s.ok("parallel-4"); p1 != nil && p4 != nil {
		s.Ratios["parallel_1_over_4_wall"] = p1.WallMS / p4.WallMS
	}
	s.Targets = s.targets()
}

func (s *Summary) targets() []Target {
	var ts []Target
	// add judges the ratio under key (the start-up time when key is empty)
	// against limit, from above when atLeast; missing explains a target
	// whose runs are absent or failed, so a skipped Newman run reads as
	// "not measured" rather than as a miss.
	add := func(id, desc, key string, limit float64, atLeast, needsScripts bool, measured func(v float64) string, missing string) {
		t := Target{ID: id, Description: desc, Limit: limit, NeedsScripts: needsScripts}
		v, ok := s.Ratios[key]
		if key == "" {
			v, ok = s.startup()
		}
		if !ok {
			t.Status, t.Measured = "not measured", missing
			ts = append(ts, t)
			return
		}
		met := v <= limit
		if atLeast {
			met = v >= limit
		}
		t.Value, t.Met, t.Measured = &v, &met, measured(v)
		t.Status = "not met"
		if met {
			t.Status = "met"
		}
		if needsScripts && s.ScriptsRan != nil && !*s.ScriptsRan {
			t.Note = "colrun did not run the test scripts, so this does not yet measure them"
		}
		ts = append(ts, t)
	}
	r := func(name string) *Result {
		if x := s.Results[name]; x != nil {
			return x
		}
		return &Result{}
	}
	add("wall-2000", "2,000 requests with scripts: colrun wall time at most 1/50 of Newman's", "newman_over_colrun_wall_2000", 50, true, true,
		func(v float64) string {
			return fmt.Sprintf("Newman/colrun = %.0fx (%s vs %s)", v, fmtMS(r("newman-2000").WallMS), fmtMS(r("colrun-2000").WallMS))
		}, "Newman's 2,000-request run was skipped or failed")
	add("rss-2000", "2,000 requests with scripts: colrun peak RSS at most 1/8 of Newman's", "newman_over_colrun_rss_2000", 8, true, true,
		func(v float64) string {
			m := fmt.Sprintf("Newman/colrun = %.1fx (%s vs %s)", v, fmtMB(r("newman-2000").RSSMB), fmtMB(r("colrun-2000").RSSMB))
			if a, ok := s.Ratios["newman_over_colrun_anon_2000"]; ok {
				m += fmt.Sprintf("; anonymous memory alone %.1fx (%s vs %s)", a, fmtMB(r("newman-2000").AnonMB), fmtMB(r("colrun-2000").AnonMB))
			}
			return m
		}, "Newman's 2,000-request run was skipped or failed")
	add("per-request-scripts", "per request with the test script: at most 3x the bare client loop", "colrun_scripts_over_bare", 3, false, true,
		func(v float64) string {
			return fmt.Sprintf("%.2fx (%.4f vs %.4f ms)", v, s.PerRequestMS["colrun_scripts"], s.PerRequestMS["bare"])
		}, "a colrun or bare run is missing or failed")
	add("per-request-noscripts", "per request without scripts: at most 1.5x the bare client loop", "colrun_noscripts_over_bare", 1.5, false, false,
		func(v float64) string {
			return fmt.Sprintf("%.2fx (%.4f vs %.4f ms)", v, s.PerRequestMS["colrun_noscripts"], s.PerRequestMS["bare"])
		}, "a colrun or bare run is missing or failed")
	add("per-request-scripts-1p", "per request with the test script: at most 3x the bare client loop with GOMAXPROCS=1", "colrun_scripts_over_bare_1p", 3, false, true,
		func(v float64) string {
			return fmt.Sprintf("%.2fx (%.4f vs %.4f ms)", v, s.PerRequestMS["colrun_scripts"], s.PerRequestMS["bare_1p"])
		}, "a colrun or one-P bare run is missing or failed")
	add("per-request-noscripts-1p", "per request without scripts: at most 1.5x the bare client loop with GOMAXPROCS=1", "colrun_noscripts_over_bare_1p", 1.5, false, false,
		func(v float64) string {
			return fmt.Sprintf("%.2fx (%.4f vs %.4f ms)", v, s.PerRequestMS["colrun_noscripts"], s.PerRequestMS["bare_1p"])
		}, "a colrun or one-P bare run is missing or failed")
	add("startup", "a one-request run: at most 30 ms wall", "", 30, false, true,
		func(v float64) string { return fmtMS(v) }, "the one-request run is missing or failed")
	add("csv-rss", "100,000 CSV iterations: peak RSS within 2x of a 1,000-iteration run", "csv_rss_100000_over_1000", 2, false, false,
		func(v float64) string {
			return fmt.Sprintf("%.2fx (%s vs %s)", v, fmtMB(r("csv-100000").RSSMB), fmtMB(r("csv-1000").RSSMB))
		}, "a CSV run is missing or failed")
	add("parallel", "--parallel 4 on 2,000 requests (mock, 5 ms latency): at least 3.5x faster than --parallel 1", "parallel_1_over_4_wall", 3.5, true, false,
		func(v float64) string {
			return fmt.Sprintf("%.2fx (%s vs %s)", v, fmtMS(r("parallel-1").WallMS), fmtMS(r("parallel-4").WallMS))
		}, "a --parallel run is missing or failed")
	return ts
}

func (s *Summary) startup() (float64, bool) {
	if r := s.ok("colrun-1"); r != nil {
		return r.WallMS, true
	}
	return 0, false
}

// print writes the summary as Markdown tables, so the output can go into
// the README as it is.
func (s *Summary) print(w io.Writer) {
	if len(s.Meta) > 0 {
		var keys []string
		for k := range s.Meta {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, k+": "+s.Meta[k])
		}
		fmt.Fprintf(w, "%s\n\n", strings.Join(parts, "; "))
	}
	if warn := s.busy(); warn != "" {
		fmt.Fprintf(w, "**Warning:** %s\n\n", warn)
	}
	switch {
	case s.ScriptsRan == nil:
		fmt.Fprintf(w, "Test scripts: not checked.\n\n")
	case *s.ScriptsRan:
		fmt.Fprintf(w, "Test scripts: ran (colrun's JSON report: %d of %d assertions, none failed).\n\n", s.ColrunAssertions.Assertions, s.ColrunAssertions.Expected)
	default:
		a := s.ColrunAssertions
		fmt.Fprintf(w, "Test scripts: **did not run** (colrun's JSON report: %d assertions, %d failed, %d expected); the \"with scripts\" numbers measure requests only.\n\n", a.Assertions, a.Failed, a.Expected)
	}
	if a := s.NewmanAssertions; a != nil && !a.Ran {
		fmt.Fprintf(w, "Newman check: %d assertions, %d failed, %d expected; its numbers may not be comparable.\n\n", a.Assertions, a.Failed, a.Expected)
	}

	fmt.Fprintln(w, "| run (medians) | colrun wall | colrun CPU | colrun peak RSS | Newman wall | Newman CPU | Newman peak RSS | Newman/colrun wall | Newman/colrun RSS |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|--:|--:|")
	rows := []struct{ label, colrun, newman, ratio string }{
		{"1 request (start-up), scripts", "colrun-1", "newman-1", "1"},
		{"200 requests, scripts", "colrun-200", "newman-200", "200"},
		{"2,000 requests, scripts", "colrun-2000", "newman-2000", "2000"},
		{"1 request, no scripts", "colrun-noscripts-1", "", ""},
		{"2,000 requests, no scripts", "colrun-noscripts-2000", "", ""},
	}
	for _, row := range rows {
		c, n := s.Results[row.colrun], s.Results[row.newman]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", row.label,
			cell(c, fmtMS, func(r *Result) float64 { return r.WallMS }),
			cell(c, fmtMS, func(r *Result) float64 { return r.CPUMS }),
			cell(c, fmtMB, func(r *Result) float64 { return r.RSSMB }),
			cell(n, fmtMS, func(r *Result) float64 { return r.WallMS }),
			cell(n, fmtMS, func(r *Result) float64 { return r.CPUMS }),
			cell(n, fmtMB, func(r *Result) float64 { return r.RSSMB }),
			ratio(s.Ratios, "newman_over_colrun_wall_"+row.ratio),
			ratio(s.Ratios, "newman_over_colrun_rss_"+row.ratio))
	}
	fmt.Fprintln(w)
	s.printMemorySplit(w, rows)

	fmt.Fprintln(w, "| per request (marginal) | wall ms | x bare loop | CPU ms | CPU x bare loop | x bare loop, GOMAXPROCS=1 |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|")
	for _, row := range []struct{ label, key string }{
		{"bare Go net/http loop", "bare"},
		{"bare Go net/http loop, GOMAXPROCS=1", "bare_1p"},
		{"colrun, scripts", "colrun_scripts"},
		{"colrun, no scripts", "colrun_noscripts"},
		{"Newman, scripts", "newman_scripts"},
	} {
		v, ok := s.PerRequestMS[row.key]
		if !ok {
			fmt.Fprintf(w, "| %s | — | — | — | — | — |\n", row.label)
			continue
		}
		x, cx, x1 := "—", "—", "—"
		if !strings.HasPrefix(row.key, "bare") {
			x = ratio(s.Ratios, row.key+"_over_bare")
			cx = ratio(s.Ratios, row.key+"_cpu_over_bare")
			x1 = ratio(s.Ratios, row.key+"_over_bare_1p")
		}
		fmt.Fprintf(w, "| %s (%d requests) | %.4f | %s | %.4f | %s | %s |\n", row.label, s.PerRequestFrom[row.key], v, x, s.PerRequestCPUMS[row.key], cx, x1)
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "| colrun run (medians) | wall | CPU | peak RSS |")
	fmt.Fprintln(w, "|---|--:|--:|--:|")
	for _, row := range []struct{ label, name string }{
		{"CSV data, 1,000 iterations", "csv-1000"},
		{"CSV data, 100,000 iterations", "csv-100000"},
		{"mock 5 ms latency, 2,000 requests, --parallel 1", "parallel-1"},
		{"mock 5 ms latency, 2,000 requests, --parallel 4", "parallel-4"},
	} {
		r := s.Results[row.name]
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", row.label,
			cell(r, fmtMS, func(r *Result) float64 { return r.WallMS }),
			cell(r, fmtMS, func(r *Result) float64 { return r.CPUMS }),
			cell(r, fmtMB, func(r *Result) float64 { return r.RSSMB }))
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "| issue 6 target | measured | status |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, t := range s.Targets {
		status := t.Status
		if t.Note != "" {
			status += " (scripts did not run)"
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", t.Description, t.Measured, status)
	}
}

// printMemorySplit shows what the peaks of the first table are made of,
// when the runs were sampled (Linux): a process's own (anonymous) memory,
// and the file-backed pages of its executable and libraries, which the
// page cache shares between processes and which no change to the run's
// work moves.
func (s *Summary) printMemorySplit(w io.Writer, rows []struct{ label, colrun, newman, ratio string }) {
	sampled := false
	for _, r := range s.Results {
		sampled = sampled || r.AnonMB > 0
	}
	if !sampled {
		return
	}
	anon := func(r *Result) float64 { return r.AnonMB }
	file := func(r *Result) float64 { return r.FileMB }
	// A run too short to be sampled has no split: a dash, not "0 MB".
	cell := func(r *Result, f func(float64) string, get func(*Result) float64) string {
		if r != nil && r.AnonMB == 0 {
			return "—"
		}
		return cell(r, f, get)
	}
	fmt.Fprintln(w, "| peak resident memory, split (medians) | colrun anonymous | colrun file-backed | Newman anonymous | Newman file-backed | Newman/colrun anonymous |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|")
	for _, row := range rows {
		c, n := s.Results[row.colrun], s.Results[row.newman]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", row.label,
			cell(c, fmtMB, anon), cell(c, fmtMB, file), cell(n, fmtMB, anon), cell(n, fmtMB, file),
			ratio(s.Ratios, "newman_over_colrun_anon_"+row.ratio))
	}
	fmt.Fprintln(w)
}

// busy says why the numbers may be noisy: other work on the machine takes
// CPU from the client and the server unevenly, which inflates wall times
// far more than CPU times.
func (s *Summary) busy() string {
	cpus, err := strconv.ParseFloat(s.Meta["cpus"], 64)
	if err != nil || cpus <= 0 {
		return ""
	}
	var high []string
	for _, k := range []string{"load_start", "load_end"} {
		if l, err := strconv.ParseFloat(s.Meta[k], 64); err == nil && l > cpus {
			high = append(high, fmt.Sprintf("%s %.1f", strings.TrimPrefix(k, "load_"), l))
		}
	}
	if len(high) == 0 {
		return ""
	}
	return fmt.Sprintf("the machine was busy (1-minute load average at %s on %g CPUs); wall times are inflated and noisy, CPU times less so.", strings.Join(high, " and "), cpus)
}

func cell(r *Result, f func(float64) string, get func(*Result) float64) string {
	switch {
	case r == nil || r.Runs == 0:
		return "—"
	case !r.OK:
		return f(get(r)) + " (failed)"
	}
	return f(get(r))
}

func ratio(m map[string]float64, key string) string {
	v, ok := m[key]
	if !ok {
		return "—"
	}
	if v >= 10 {
		return fmt.Sprintf("%.0fx", v)
	}
	return fmt.Sprintf("%.2fx", v)
}

func fmtMS(v float64) string {
	switch {
	case v >= 1000:
		return fmt.Sprintf("%.2f s", v/1000)
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%.1f ms", v)
}

func fmtMB(v float64) string {
	if v >= 100 {
		return fmt.Sprintf("%.0f MB", v)
	}
	return fmt.Sprintf("%.1f MB", v)
}
