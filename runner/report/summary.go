package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/colrun/colrun/runner/event"
)

// Counter is one row of Newman's run.stats: how many of a thing ran,
// how many were started but never finished, and how many failed.
type Counter struct {
	Total   int `json:"total"`
	Pending int `json:"pending"`
	Failed  int `json:"failed"`
}

// Stats mirrors Newman's run.stats, counted by the same rules as
// newman/lib/run/summary.js: every script execution (collection, folder and
// request level) counts under Scripts and under TestScripts or
// PrerequestScripts; Prerequests and Tests count item phases, once per
// executed item, whether or not the item has scripts.
type Stats struct {
	Iterations        Counter `json:"iterations"`
	Items             Counter `json:"items"`
	Scripts           Counter `json:"scripts"`
	Prerequests       Counter `json:"prerequests"`
	Requests          Counter `json:"requests"`
	Tests             Counter `json:"tests"`
	Assertions        Counter `json:"assertions"`
	TestScripts       Counter `json:"testScripts"`
	PrerequestScripts Counter `json:"prerequestScripts"`
}

// Phase summarises one timing (response time, DNS lookup or time to first
// byte) over the run, in milliseconds.
type Phase struct {
	Average, Min, Max, SD float64
	n                     int
	m2                    float64
}

// add folds one sample in with Welford's online algorithm (as Newman does),
// so the summary never keeps the samples themselves. Zero samples are
// skipped, as Newman skips them: a zero DNS time means a reused connection.
func (p *Phase) add(ms float64) {
	if ms <= 0 {
		return
	}
	p.n++
	if p.n == 1 || ms < p.Min {
		p.Min = ms
	}
	if ms > p.Max {
		p.Max = ms
	}
	d1 := ms - p.Average
	p.Average += d1 / float64(p.n)
	p.m2 += d1 * (ms - p.Average)
	p.SD = math.Sqrt(p.m2 / float64(p.n))
}

// Count is the number of samples the phase was computed from.
func (p Phase) Count() int { return p.n }

// Timings mirrors Newman's run.timings.
type Timings struct {
	Response Phase
	// ResponseMS is Response over the times in whole milliseconds, as
	// the json report's executions give them (Newman's responseTime is
	// whole milliseconds, so its run.timings are too): a response under
	// half a millisecond counts as 0, which Newman skips.
	ResponseMS Phase
	DNS        Phase
	FirstByte  Phase
	Started    time.Time
	Completed  time.Time
}

// Duration is the run's wall time, from RunStart to RunEnd.
func (t Timings) Duration() time.Duration {
	if t.Started.IsZero() || t.Completed.IsZero() {
		return 0
	}
	return t.Completed.Sub(t.Started)
}

// Failure kinds, for telling failures apart without parsing At.
const (
	FailAssertion = "assertion"
	FailScript    = "script"
	FailRequest   = "request"
	FailRun       = "run"
)

// Failure is one entry of Newman's run.failures.
type Failure struct {
	// Kind is FailAssertion, FailScript, FailRequest or FailRun.
	Kind string
	// Name is the error's name: AssertionError, TypeError, Error, ...
	Name    string
	Message string
	// Test is the assertion's name (assertion failures only).
	Test string
	// Index is the assertion's index within its execution.
	Index int
	Stack string
	// Listen is "prerequest" or "test" for script failures, and for the
	// request errors of a pm.sendRequest, the kind of script that sent it.
	Listen string
	// Line and Column locate a script error in its script (1-based), 0
	// when unknown.
	Line, Column int
	// At is Newman's location string: "assertion:1 in test-script",
	// "test-script:3:5", "prerequest-script", "request" or "run".
	At string
	// Item is the request the failure belongs to (empty for run errors).
	Item event.ItemRef
	// Node holds Node's properties of a request's network error (code,
	// errno...), nil for other failures.
	Node *event.NodeError
	// Send is the request of a failed pm.sendRequest (its body bytes
	// left out), and SendID its id in the JSON report; nil and "" for
	// other failures.
	Send   *event.SentRequest
	SendID string
	// Cursor locates the execution; HasCursor is false for run errors.
	Cursor    event.Cursor
	HasCursor bool
}

// Summary aggregates a run's events into Newman's summary: stats, timings,
// transfers and failures. It is an event.Handler; every reporter reads one,
// and the CLI uses Failed for the exit code. It keeps counters and the
// failure list only, never response bodies, so its size does not grow with
// the number of requests (issue 6), only with the number of failures.
type Summary struct {
	Collection  event.CollectionInfo
	Environment string
	Globals     string
	// Cycles is the number of iterations planned (Newman's cursor.cycles).
	Cycles int
	// Length is the number of requests per iteration.
	Length int

	Stats   Stats
	Timings Timings
	// ResponseTotal is Newman's transfers.responseTotal. Newman adds
	// `size.body || 0 + size.headers || 0`, which by operator precedence
	// is the body size, or the header size for an empty body; colrun adds
	// the same so the totals of both tools agree.
	ResponseTotal int64
	Failures      []Failure

	// Error is the run-level error from RunEnd ("" when the run went
	// through); Bailed is true when --bail stopped it.
	Error  string
	Bailed bool

	started, ended bool
	openIters      map[int]bool
	openItems      map[string]bool
	// testsRun holds the refs of executions whose test phase has begun
	// (a test script ran), so an item's test phase counts once however
	// many test scripts ran.
	testsRun map[string]bool
	// sends counts each open execution's pm.sendRequest calls, which
	// name a failed send's request (sendID).
	sends map[string]int
}

// NewSummary returns an empty Summary.
func NewSummary() *Summary {
	return &Summary{openIters: map[int]bool{}, openItems: map[string]bool{}, testsRun: map[string]bool{}, sends: map[string]int{}}
}

// Started reports whether RunStart was seen.
func (s *Summary) Started() bool { return s.started }

// Complete reports whether RunEnd was seen.
func (s *Summary) Complete() bool { return s.ended }

// Failed reports whether the run should exit 1: any assertion, script,
// request or run failure, or a stream that began but never ended.
func (s *Summary) Failed() bool {
	return len(s.Failures) > 0 || s.Error != "" || (s.started && !s.ended)
}

// runError is why the run stopped early: RunEnd's error, or the stream
// ending without RunEnd; "" for a run that went through.
func (s *Summary) runError() string {
	if s.Error == "" && s.started && !s.ended {
		return "the run ended before it completed"
	}
	return s.Error
}

// Handle folds one event into the summary. It never fails.
func (s *Summary) Handle(e event.Event) error {
	if s.openIters == nil {
		s.openIters, s.openItems, s.testsRun = map[int]bool{}, map[string]bool{}, map[string]bool{}
	}
	if s.sends == nil {
		s.sends = map[string]int{}
	}
	switch {
	case e.RunStart != nil:
		r := e.RunStart
		s.started = true
		s.Collection, s.Environment, s.Globals = r.Collection, r.Environment, r.Globals
		s.Cycles, s.Length = r.Iterations, r.Requests
		s.Timings.Started = r.Started
	case e.IterationStart != nil:
		s.openIters[e.IterationStart.Iteration] = true
		s.Stats.Iterations.Pending++
		if e.IterationStart.Count > s.Cycles {
			s.Cycles = e.IterationStart.Count
		}
	case e.IterationEnd != nil:
		s.endIteration(e.IterationEnd.Iteration)
	case e.ItemStart != nil:
		s.openItems[e.ItemStart.Cursor.Ref] = true
		s.Stats.Items.Pending++
	case e.Script != nil:
		s.script(e.Script)
	case e.Request != nil:
		s.request(e.Request)
	case e.Assertion != nil:
		s.assertion(e.Assertion)
	case e.ItemEnd != nil:
		s.endItem(e.ItemEnd.Cursor.Ref, e.ItemEnd.Skipped)
	case e.RunEnd != nil:
		s.runEnd(e.RunEnd)
	}
	return nil
}

func (s *Summary) endIteration(i int) {
	if s.openIters[i] {
		delete(s.openIters, i)
		s.Stats.Iterations.Pending--
	}
	s.Stats.Iterations.Total++
}

func (s *Summary) endItem(ref string, skipped bool) {
	if s.openItems[ref] {
		delete(s.openItems, ref)
		s.Stats.Items.Pending--
	}
	s.Stats.Items.Total++
	// Newman emits prerequest and test once per item, scripts or not; a
	// request skipped by its pre-request script never reaches its tests,
	// whatever pm.test calls that script made.
	s.Stats.Prerequests.Total++
	if !skipped || s.testsRun[ref] {
		s.Stats.Tests.Total++
	}
	delete(s.testsRun, ref)
	delete(s.sends, ref)
}

func (s *Summary) script(r *event.ScriptRun) {
	s.Stats.Scripts.Total++
	c := &s.Stats.PrerequestScripts
	if r.Listen == "test" {
		c = &s.Stats.TestScripts
		s.testsRun[r.Cursor.Ref] = true
	}
	c.Total++
	if r.Error == nil {
		return
	}
	s.Stats.Scripts.Failed++
	c.Failed++
	at := r.Listen + "-script"
	if r.Error.Line > 0 {
		at += ":" + strconv.Itoa(r.Error.Line)
		if r.Error.Column > 0 {
			at += ":" + strconv.Itoa(r.Error.Column)
		}
	}
	s.Failures = append(s.Failures, Failure{
		Kind: FailScript, Name: orDefault(r.Error.Name, "Error"), Message: r.Error.Message,
		Stack: r.Error.Stack, Listen: r.Listen, Line: r.Error.Line, Column: r.Error.Column,
		At: at, Item: r.Item, Cursor: r.Cursor, HasCursor: true,
	})
}

func (s *Summary) request(r *event.Request) {
	s.Stats.Requests.Total++
	if r.Script != "" {
		s.sends[r.Cursor.Ref]++
	}
	if r.Error != "" || r.Resp == nil {
		s.Stats.Requests.Failed++
		f := Failure{
			Kind: FailRequest, Name: r.ErrorFields.Name(), Message: orDefault(r.Error, "no response"), Node: r.ErrorFields,
			At: "request", Listen: r.Script, Item: r.Item, Cursor: r.Cursor, HasCursor: true,
		}
		if r.Script != "" {
			// Newman's failure names the send's own request, not the item.
			sent := r.Sent
			sent.Body = nil
			f.Send = &sent
			f.SendID = sendID(r.Cursor.Ref, s.sends[r.Cursor.Ref])
		}
		s.Failures = append(s.Failures, f)
		return
	}
	resp := r.Resp
	s.Timings.Response.add(millis(resp.Time))
	s.Timings.ResponseMS.add(float64(wholeMillis(resp.Time)))
	if t := resp.Timings; t != nil {
		s.Timings.DNS.add(millis(t.DNS))
		s.Timings.FirstByte.add(millis(t.FirstByte))
	}
	if n := resp.ReportedBodySize(); n > 0 {
		s.ResponseTotal += n
	} else {
		s.ResponseTotal += resp.HeaderSize
	}
}

func (s *Summary) assertion(a *event.Assertion) {
	s.Stats.Assertions.Total++
	if a.Skipped || a.Error == nil {
		return
	}
	s.Stats.Assertions.Failed++
	s.Failures = append(s.Failures, Failure{
		Kind: FailAssertion, Name: orDefault(a.Error.Name, "AssertionError"), Message: a.Error.Message,
		Test: a.Name, Index: a.Index, Stack: a.Error.Stack,
		At:   "assertion:" + strconv.Itoa(a.Index) + " in test-script",
		Item: a.Item, Cursor: a.Cursor, HasCursor: true,
	})
}

func (s *Summary) runEnd(r *event.RunEnd) {
	s.ended = true
	s.Timings.Completed = r.Completed
	s.Error, s.Bailed = r.Error, r.Bailed
	// A run stopped mid-way still counts what it began, as Newman's
	// counters do after --bail: the iteration and item were executed.
	for ref := range s.openItems {
		s.endItem(ref, false)
	}
	for i := range s.openIters {
		s.endIteration(i)
	}
	// --bail stops at a failure that is already listed; any other stop is a
	// failure of its own.
	if r.Error != "" && !r.Bailed {
		s.Failures = append(s.Failures, Failure{Kind: FailRun, Name: "RunError", Message: r.Error, At: "run"})
	}
}

// millis converts a duration to Newman's unit, fractional milliseconds.
func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// wholeMillis rounds d to the nearest millisecond, halves up.
func wholeMillis(d time.Duration) int64 { return int64(millis(d) + 0.5) }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// FullName is Newman's util.getFullName: the folders and the item's name
// joined by " / ", each going by its id when it has no name.
func FullName(it event.ItemRef) string {
	name := it.Name
	if name == "" {
		name = it.ID
	}
	if len(it.Folders) == 0 {
		return name
	}
	return FolderPath(it) + " / " + name
}

// FolderPath is the item's folders joined by " / " as Newman's CLI and
// getFullName name them: a folder without a name goes by its id.
func FolderPath(it event.ItemRef) string {
	if it.FolderIDs == nil {
		return strings.Join(it.Folders, " / ")
	}
	names := make([]string, len(it.Folders))
	for i, n := range it.Folders {
		if n == "" && i < len(it.FolderIDs) {
			n = it.FolderIDs[i]
		}
		names[i] = n
	}
	return strings.Join(names, " / ")
}
