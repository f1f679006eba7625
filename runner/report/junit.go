package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/colrun/colrun/runner/event"
)

// JUnit is the junit reporter, in the layout Newman's junit reporter
// writes: one testsuite per request ("Folder / Request"), one testcase per
// distinct assertion name, a failure with Newman's CDATA lines, and script
// and request errors in the suite's system-err. Unlike Newman's, a failure
// in any iteration is kept (Newman keeps the last iteration's outcome, so
// a test that failed in iteration 1 and passed in 2 shows as passed). It
// keeps one small record per request and per test name, not executions,
// and writes the document at RunEnd.
type JUnit struct {
	sum  *Summary
	own  bool
	sink *fileSink
	w    io.Writer

	suites   []*junitSuite
	byKey    map[string]*junitSuite
	execs    map[string]*junitExec
	total    float64
	finished bool
	err      error
}

type junitSuite struct {
	name, id   string
	execs      int
	timeSum    float64
	lastTime   float64
	hasRequest bool
	cases      []*junitCase
	byName     map[string]*junitCase
	systemErr  strings.Builder
}

// junitCase is one testcase: an assertion name, or (kind "error") a
// script or request error of the suite, merged over iterations.
type junitCase struct {
	name       string
	isError    bool
	count      int // failed or errored executions
	ran        int // executions that did not skip it
	iterations []int
	errName    string
	message    string
	stack      string
	at         string
}

// junitExec collects one execution's errors for the suite's system-err,
// which Newman writes per execution.
type junitExec struct {
	suite     *junitSuite
	iteration int
	position  int
	// requestErrs are the messages of the execution's failed requests:
	// its own and its scripts' pm.sendRequest calls.
	requestErrs []string
	testErrs    []string
	preErrs     []string
}

// NewJUnit returns a junit reporter writing the report to path through a
// temporary file renamed into place at RunEnd or Close; an empty path or a
// directory gets Newman's default name under newman/. sum is the shared
// Summary the caller feeds first; nil makes the reporter keep its own.
func NewJUnit(path string, sum *Summary) (*JUnit, error) {
	sink, err := openSink(path, "newman-run-report", ".xml")
	if err != nil {
		return nil, fmt.Errorf("junit reporter: %w", err)
	}
	j := NewJUnitWriter(sink, sum)
	j.sink = sink
	return j, nil
}

// NewJUnitWriter returns a junit reporter writing the report to w at
// RunEnd.
func NewJUnitWriter(w io.Writer, sum *Summary) *JUnit {
	j := &JUnit{sum: sum, w: w, byKey: map[string]*junitSuite{}, execs: map[string]*junitExec{}}
	if sum == nil {
		j.sum, j.own = NewSummary(), true
	}
	return j
}

// Path is the report's file name ("" for a writer, or while a default
// name waits for the run's start time).
func (j *JUnit) Path() string {
	if j.sink == nil {
		return ""
	}
	return j.sink.Path()
}

// Handle folds e into the report; RunEnd writes it.
func (j *JUnit) Handle(e event.Event) error {
	if j.own {
		_ = j.sum.Handle(e)
	}
	if j.finished {
		return nil
	}
	switch {
	case e.ItemStart != nil:
		j.exec(e.ItemStart.Cursor, e.ItemStart.Item)
	case e.Script != nil:
		if se := e.Script.Error; se != nil {
			x := j.exec(e.Script.Cursor, e.Script.Item)
			msg := systemErrText(se)
			if e.Script.Listen == "test" {
				x.testErrs = append(x.testErrs, msg)
			} else {
				x.preErrs = append(x.preErrs, msg)
			}
			j.addError(x, e.Script.Listen+"-script", scriptAt(e.Script), se.Name, se.Message, newmanScriptStack(se), e.Script.Cursor.Iteration)
		}
	case e.Request != nil:
		r := e.Request
		x := j.exec(r.Cursor, r.Item)
		s := x.suite
		s.hasRequest = true
		if r.Script != "" {
			// A pm.sendRequest's failure is an error of the suite, told
			// apart from the item's own request; its time is not the
			// item's.
			if r.Error != "" || r.Resp == nil {
				msg := orDefault(r.Error, "no response")
				x.requestErrs = append(x.requestErrs, r.ErrorFields.StackHead(msg))
				j.addError(x, "pm.sendRequest in "+r.Script+"-script", "request", r.ErrorFields.Name(), msg, r.ErrorFields.StackHead(msg), r.Cursor.Iteration)
			}
			return nil
		}
		t := 0.0
		if r.Resp != nil && r.Error == "" {
			t = millis(r.Resp.Time) / 1000
		} else {
			msg := orDefault(r.Error, "no response")
			x.requestErrs = append(x.requestErrs, r.ErrorFields.StackHead(msg))
			j.addError(x, "request", "request", r.ErrorFields.Name(), msg, r.ErrorFields.StackHead(msg), r.Cursor.Iteration)
		}
		s.execs++
		s.timeSum += t
		s.lastTime = t
		j.total += t
	case e.Assertion != nil:
		a := e.Assertion
		x := j.exec(a.Cursor, a.Item)
		c := x.suite.testcase(a.Name, false)
		if !a.Skipped {
			c.ran++
		}
		if a.Error != nil && !a.Skipped {
			c.fail(a.Cursor.Iteration, orDefault(a.Error.Name, "AssertionError"), a.Error.Message, a.Error.Stack)
		}
	case e.ItemEnd != nil:
		if x, ok := j.execs[e.ItemEnd.Cursor.Ref]; ok {
			delete(j.execs, e.ItemEnd.Cursor.Ref)
			x.flush()
		}
	case e.RunEnd != nil:
		return j.finish()
	}
	return nil
}

// Close writes the report if RunEnd never came, with what was seen.
func (j *JUnit) Close() error {
	if !j.finished {
		_ = j.finish()
	}
	return j.err
}

func (j *JUnit) exec(c event.Cursor, it event.ItemRef) *junitExec {
	if x, ok := j.execs[c.Ref]; ok {
		return x
	}
	name := FullName(it)
	key := it.ID
	if key == "" {
		// Items without ids (common in exported collections) are told
		// apart by their place in the run, not their name: two requests
		// called the same are two suites, as in Newman, which gives every
		// item an id.
		key = "\x00" + strconv.Itoa(c.Position)
	}
	s, ok := j.byKey[key]
	if !ok {
		s = &junitSuite{name: name, id: it.ID, byName: map[string]*junitCase{}}
		j.byKey[key] = s
		j.suites = append(j.suites, s)
	}
	x := &junitExec{suite: s, iteration: c.Iteration, position: c.Position}
	j.execs[c.Ref] = x
	return x
}

func (j *JUnit) addError(x *junitExec, kind, at, name, msg, stack string, iteration int) {
	c := x.suite.testcase(kind, true)
	c.ran++
	if c.count == 0 {
		c.at = at
	}
	c.fail(iteration, orDefault(name, "Error"), msg, stack)
}

// systemErrText is a script error as Newman's system-err shows it, where
// CI log searches look for it: err.stack || err.message.
func systemErrText(se *event.ScriptError) string {
	return orDefault(newmanScriptStack(se), se.Message)
}

// newmanScriptStack is a script error's stack as Newman's reports have
// it. The sandbox's serialised errors carry none ("x is not defined" has
// no stack); chai's AssertionError thrown outside pm.test keeps its
// stack, whose first line reads "Error: <message>", and --bail's
// AssertionFailure is postman-runtime's own Error ("AssertionFailure:
// <tests>"). Their V8 frames are left out, and so are the frames of
// colrun's engine, which name its own files and functions.
func newmanScriptStack(se *event.ScriptError) string {
	switch se.Name {
	case "AssertionError":
		return "Error: " + se.Message
	case "AssertionFailure":
		return "AssertionFailure: " + se.Message
	}
	return ""
}

// scriptAt is Newman's location of a script error, as the Summary writes
// it: "test-script:3:5".
func scriptAt(r *event.ScriptRun) string {
	at := r.Listen + "-script"
	if r.Error.Line > 0 {
		at += ":" + strconv.Itoa(r.Error.Line)
		if r.Error.Column > 0 {
			at += ":" + strconv.Itoa(r.Error.Column)
		}
	}
	return at
}

func (s *junitSuite) testcase(name string, isError bool) *junitCase {
	key := name
	if isError {
		key = "\x00" + name
	}
	c, ok := s.byName[key]
	if !ok {
		c = &junitCase{name: name, isError: isError}
		s.byName[key] = c
		s.cases = append(s.cases, c)
	}
	return c
}

func (c *junitCase) fail(iteration int, name, msg, stack string) {
	c.count++
	if n := len(c.iterations); n == 0 || c.iterations[n-1] != iteration {
		c.iterations = append(c.iterations, iteration)
	}
	if c.count == 1 {
		c.errName, c.message, c.stack = name, msg, stack
	}
}

// flush appends the execution's errors to the suite's system-err in
// Newman's format (0-based iteration, "---" separators).
func (x *junitExec) flush() {
	if len(x.requestErrs) == 0 && len(x.testErrs) == 0 && len(x.preErrs) == 0 {
		return
	}
	b := &x.suite.systemErr
	b.WriteString("Iteration: " + strconv.Itoa(x.iteration) + "\n")
	for _, e := range x.requestErrs {
		b.WriteString("RequestError: " + e + "\n")
	}
	b.WriteString("\n---\n")
	for _, e := range x.testErrs {
		b.WriteString("testScriptError: " + e + "\n---\n")
	}
	for _, e := range x.preErrs {
		b.WriteString("prerequestScriptError: " + e + "\n---\n")
	}
}

func (j *JUnit) finish() error {
	j.finished = true
	// Executions cut off by the end of the run, in run order.
	open := make([]*junitExec, 0, len(j.execs))
	for _, x := range j.execs {
		open = append(open, x)
	}
	sort.Slice(open, func(a, b int) bool {
		if open[a].iteration != open[b].iteration {
			return open[a].iteration < open[b].iteration
		}
		return open[a].position < open[b].position
	})
	for _, x := range open {
		x.flush()
	}
	clear(j.execs)
	s := j.sum
	col := s.Collection
	var tests, failures, errors int
	var body strings.Builder
	stamp := isoMillis(s.Timings.Started)
	// Newman builds suites and testcases as members of JavaScript
	// objects keyed by item id and test name, which list integer keys
	// first, in numeric order.
	jsKeyOrder(j.suites, func(st *junitSuite) string { return st.id })
	for _, st := range j.suites {
		jsKeyOrder(st.cases, func(c *junitCase) string { return c.name })
		if !st.hasRequest && len(st.cases) == 0 {
			continue
		}
		var f, e int
		for _, c := range st.cases {
			switch {
			case c.count > 0 && c.isError:
				e++
			case c.count > 0:
				f++
			}
		}
		tests, failures, errors = tests+len(st.cases), failures+f, errors+e
		mean := 0.0
		if st.execs > 0 {
			mean = st.timeSum / float64(st.execs)
		}
		body.WriteString("  <testsuite" + attr("name", st.name))
		if st.id != "" {
			body.WriteString(attr("id", st.id))
		}
		body.WriteString(attr("timestamp", stamp) + attr("tests", strconv.Itoa(len(st.cases))) +
			attr("failures", strconv.Itoa(f)) + attr("errors", strconv.Itoa(e)) + attr("time", secs(mean)))
		if len(st.cases) == 0 && st.systemErr.Len() == 0 {
			body.WriteString("/>\n")
			continue
		}
		body.WriteString(">\n")
		if st.systemErr.Len() > 0 {
			body.WriteString("    <system-err>" + cdata(st.systemErr.String()) + "</system-err>\n")
		}
		// Newman derives the classname from the suite's name attribute
		// as xmlbuilder stores it, escaped, so "A & B" is "AAmpB".
		cls := className(attrValue(st.name))
		if cls == "" {
			cls = className(col.Name)
		}
		for _, c := range st.cases {
			body.WriteString("    <testcase" + attr("name", c.name) + attr("time", secs(st.lastTime)) + attr("classname", cls))
			switch {
			case c.count > 0:
				body.WriteString(">\n")
				j.writeFailure(&body, st, c)
				body.WriteString("    </testcase>\n")
			case c.ran == 0:
				body.WriteString(">\n      <skipped/>\n    </testcase>\n")
			default:
				body.WriteString("/>\n")
			}
		}
		body.WriteString("  </testsuite>\n")
	}
	if msg := s.runError(); msg != "" && !s.Bailed {
		// A run stopped by its own error (a failed sign-in) would otherwise
		// leave CI a report of green or missing tests.
		tests, errors = tests+1, errors+1
		c := &junitCase{name: "run", isError: true, count: 1, errName: "RunError", message: msg, at: "run"}
		st := &junitSuite{name: col.Name}
		body.WriteString("  <testsuite" + attr("name", col.Name) + attr("timestamp", stamp) + attr("tests", "1") +
			attr("failures", "0") + attr("errors", "1") + attr("time", secs(s.Timings.Duration().Seconds())) + ">\n")
		body.WriteString("    <testcase" + attr("name", "run") + attr("time", secs(s.Timings.Duration().Seconds())) + attr("classname", className(attrValue(col.Name))) + ">\n")
		j.writeFailure(&body, st, c)
		body.WriteString("    </testcase>\n  </testsuite>\n")
	}
	var out strings.Builder
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	out.WriteString("<testsuites" + attr("name", col.Name) + attr("tests", strconv.Itoa(tests)) +
		attr("failures", strconv.Itoa(failures)) + attr("errors", strconv.Itoa(errors)) + attr("time", secs(j.total)))
	// xmlbuilder ends the document without a newline.
	if body.Len() == 0 {
		out.WriteString("/>")
	} else {
		out.WriteString(">\n" + body.String() + "</testsuites>")
	}
	var err error
	if j.sink != nil {
		if _, err = j.sink.WriteString(out.String()); err == nil {
			err = j.sink.commit(s.Timings.Started)
		} else {
			j.sink.abort()
		}
	} else if j.w != nil {
		bw := bufio.NewWriter(j.w)
		if _, err = bw.WriteString(out.String()); err == nil {
			err = bw.Flush()
		}
	}
	if err != nil {
		j.err = fmt.Errorf("junit reporter: %w", err)
	}
	return j.err
}

// writeFailure writes Newman's failure element (CDATA lines "Failed N
// times.", the collection, the request, the test, the first error message
// and stack), with colrun's "Failed in iterations" line; errors get the
// same shape in an error element.
func (j *JUnit) writeFailure(b *strings.Builder, st *junitSuite, c *junitCase) {
	col := j.sum.Collection
	its := make([]string, len(c.iterations))
	for i, n := range c.iterations {
		its[i] = strconv.Itoa(n + 1)
	}
	stack := c.stack
	if stack == "" {
		stack = c.errName + ": " + c.message
	}
	elem, typ := "failure", "AssertionFailure"
	lines := []string{"Failed " + strconv.Itoa(c.count) + " times."}
	if c.isError {
		elem, typ = "error", c.errName
		lines = []string{"Errored " + strconv.Itoa(c.count) + " times."}
	}
	if len(its) > 0 {
		lines = append(lines, "Failed in iterations: "+strings.Join(its, ", ")+".")
	}
	lines = append(lines, "Collection JSON ID: "+collectionID(col)+".", "Collection name: "+col.Name+".")
	if c.at != "run" {
		lines = append(lines, "Request name: "+st.name+".")
	}
	if c.isError {
		lines = append(lines, "At: "+c.at+".")
	} else {
		lines = append(lines, "Test description: "+c.name+".")
	}
	lines = append(lines, "Error message: "+c.message+".", "Stacktrace: "+stack+".")
	b.WriteString("      <" + elem + attr("type", typ) + attr("message", c.message) + ">\n")
	for _, l := range lines {
		b.WriteString("        " + cdata(l) + "\n")
	}
	b.WriteString("      </" + elem + ">\n")
}

// jsKeyOrder orders xs as a JavaScript object orders its members keyed
// by key(x), when xs is in insertion order: array indexes ("0", "7",
// "200") first, ascending, then the rest as they came.
func jsKeyOrder[T any](xs []T, key func(T) string) {
	slices.SortStableFunc(xs, func(a, b T) int {
		ia, aok := arrayIndex(key(a))
		ib, bok := arrayIndex(key(b))
		switch {
		case aok && bok:
			return cmp.Compare(ia, ib)
		case aok:
			return -1
		case bok:
			return 1
		}
		return 0
	})
}

// arrayIndex reports whether s is a JavaScript array index, a canonical
// decimal below 2^32-1, and its value.
func arrayIndex(s string) (uint64, bool) {
	if s == "" || len(s) > 10 || (s[0] == '0' && len(s) > 1) {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return n, err == nil && n < 1<<32-1
}

// secs formats seconds as Newman does, toFixed(3).
func secs(s float64) string { return strconv.FormatFloat(s, 'f', 3, 64) }

// attr renders an attribute as xmlbuilder does.
func attr(name, v string) string {
	return " " + name + `="` + attrValue(v) + `"`
}

// attrValue is v escaped as xmlbuilder escapes an attribute value: &, <,
// " and whitespace control characters, apostrophes left alone.
func attrValue(v string) string {
	var b strings.Builder
	for _, r := range xmlSafe(v) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cdata wraps s in CDATA, splitting any "]]>" inside it.
func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(xmlSafe(s), "]]>", "]]]]><![CDATA[>") + "]]>"
}

// xmlSafe replaces what XML 1.0 cannot hold (control characters, invalid
// UTF-8) with U+FFFD, so any response text keeps the report parseable.
func xmlSafe(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !xmlChar(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
