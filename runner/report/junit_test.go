package report

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

type xmlSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Name     string     `xml:"name,attr"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Errors   int        `xml:"errors,attr"`
	Time     string     `xml:"time,attr"`
	Suites   []xmlSuite `xml:"testsuite"`
}

type xmlSuite struct {
	Name      string    `xml:"name,attr"`
	ID        string    `xml:"id,attr"`
	Tests     int       `xml:"tests,attr"`
	Failures  int       `xml:"failures,attr"`
	Errors    int       `xml:"errors,attr"`
	Time      string    `xml:"time,attr"`
	SystemErr string    `xml:"system-err"`
	Cases     []xmlCase `xml:"testcase"`
}

type xmlCase struct {
	Name      string      `xml:"name,attr"`
	Classname string      `xml:"classname,attr"`
	Time      string      `xml:"time,attr"`
	Failure   *xmlProblem `xml:"failure"`
	Error     *xmlProblem `xml:"error"`
	Skipped   *struct{}   `xml:"skipped"`
}

type xmlProblem struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func parseJUnit(t *testing.T, b []byte) xmlSuites {
	t.Helper()
	var s xmlSuites
	if err := xml.Unmarshal(b, &s); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b)
	}
	return s
}

// TestJUnitParses checks every stream's report parses and that its counts
// add up: the root's counts are the sums of the suites', and a suite's are
// its testcases'.
func TestJUnitParses(t *testing.T) {
	t.Parallel()
	for _, stream := range streams {
		t.Run(stream, func(t *testing.T) {
			t.Parallel()
			r := parseJUnit(t, render(t, stream, "junit.xml"))
			var tests, failures, errs int
			for _, s := range r.Suites {
				var f, e int
				for _, c := range s.Cases {
					if c.Failure != nil {
						f++
					}
					if c.Error != nil {
						e++
					}
				}
				if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e {
					t.Errorf("suite %q: tests=%d failures=%d errors=%d, testcases say %d %d %d", s.Name, s.Tests, s.Failures, s.Errors, len(s.Cases), f, e)
				}
				tests, failures, errs = tests+s.Tests, failures+s.Failures, errs+s.Errors
			}
			if r.Tests != tests || r.Failures != failures || r.Errors != errs {
				t.Errorf("root tests=%d failures=%d errors=%d, suites add up to %d %d %d", r.Tests, r.Failures, r.Errors, tests, failures, errs)
			}
		})
	}
}

// TestJUnitKeepsEveryIteration: "first iteration only fails" failed in
// iteration 1 and passed in 2; Newman's report shows it passed, colrun's
// keeps the failure.
func TestJUnitKeepsEveryIteration(t *testing.T) {
	t.Parallel()
	ours := parseJUnit(t, render(t, "sample", "junit.xml"))
	b, err := os.ReadFile(filepath.Join("testdata", "newman", "sample.newman.xml"))
	if err != nil {
		t.Fatal(err)
	}
	theirs := parseJUnit(t, b)
	find := func(r xmlSuites, suite, test string) *xmlCase {
		for _, s := range r.Suites {
			for i, c := range s.Cases {
				if s.Name == suite && c.Name == test {
					return &s.Cases[i]
				}
			}
		}
		t.Fatalf("no testcase %q in %q", test, suite)
		return nil
	}
	if c := find(theirs, "Users / Get user", "first iteration only fails"); c.Failure != nil {
		t.Fatal("Newman's recorded report is expected to have lost this failure")
	}
	c := find(ours, "Users / Get user", "first iteration only fails")
	if c.Failure == nil || c.Failure.Message != "expected +0 to deeply equal 1" || !strings.Contains(c.Failure.Text, "Failed in iterations: 1.") {
		t.Errorf("failure of iteration 1 lost: %+v", c.Failure)
	}
}

// TestJUnitMatchesNewman compares the layout with Newman's report of the
// same run: suite names, ids, times and classnames, and each assertion's
// testcase and failure message. Error testcases and skipped elements are
// colrun's additions and are left out of the comparison.
func TestJUnitMatchesNewman(t *testing.T) {
	t.Parallel()
	ours := parseJUnit(t, render(t, "sample", "junit.xml"))
	b, err := os.ReadFile(filepath.Join("testdata", "newman", "sample.newman.xml"))
	if err != nil {
		t.Fatal(err)
	}
	theirs := parseJUnit(t, b)
	type tc struct{ Name, Classname, Time, Failure string }
	type suite struct {
		Name, ID, Time, SystemErr string
		Cases                     []tc
	}
	view := func(r xmlSuites, newman bool) []suite {
		var out []suite
		for _, s := range r.Suites {
			v := suite{Name: s.Name, ID: s.ID, Time: s.Time, SystemErr: s.SystemErr}
			if newman {
				// Newman prints the request error's Node stack.
				v.SystemErr = strings.ReplaceAll(v.SystemErr, "\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)", "")
			}
			for _, c := range s.Cases {
				if c.Error != nil {
					continue
				}
				x := tc{Name: c.Name, Classname: c.Classname, Time: c.Time}
				if c.Failure != nil {
					x.Failure = c.Failure.Message
				}
				if newman && c.Name == "first iteration only fails" {
					x.Failure = "expected +0 to deeply equal 1" // the failure Newman loses
				}
				v.Cases = append(v.Cases, x)
			}
			out = append(out, v)
		}
		return out
	}
	if diff := cmp.Diff(view(theirs, true), view(ours, false)); diff != "" {
		t.Errorf("report differs from Newman's (-newman +colrun):\n%s", diff)
	}
	if ours.Name != theirs.Name || ours.Time != theirs.Time {
		t.Errorf("root name/time = %q/%q, Newman %q/%q", ours.Name, ours.Time, theirs.Name, theirs.Time)
	}
}

// TestJUnitHostileText: names and messages with markup, CDATA ends and
// control characters still give a parseable report.
func TestJUnitHostileText(t *testing.T) {
	t.Parallel()
	b := &builder{}
	b.start(event.CollectionInfo{Name: `A & <B> "C"`}, "", 1, 1, sampleStream()[0].RunStart.Started)
	b.iteration(0)
	b.item(0, 0, "x", "Get ]]> & <x>", "F\"1").
		request(event.Request{Sent: sent("GET", "http://x/", ""), Resp: resp(200, "OK", "text/plain", "", 10, ms(1), "")}).
		fail("has \x01 control ]]> chars", "expected \"<a>\" ]]> \x1b[31m").end(false)
	b.iterationEnd(0)
	b.end(sampleStream()[0].RunStart.Started, "", false)
	var out strings.Builder
	j := NewJUnitWriter(&out, nil)
	replayEvents(t, j, b.evs)
	r := parseJUnit(t, []byte(out.String()))
	c := r.Suites[0].Cases[0]
	if r.Name != `A & <B> "C"` || r.Suites[0].Name != `F"1 / Get ]]> & <x>` || c.Failure == nil ||
		!strings.Contains(c.Failure.Text, "]]>") || c.Name != "has \uFFFD control ]]> chars" {
		t.Errorf("round trip lost text: %+v", r)
	}
}

// TestJUnitSameNameWithoutIDs: two requests with the same name in a
// collection without item ids are two suites, as in Newman (which gives
// every item an id), so a passing one does not hide behind a failing one.
func TestJUnitSameNameWithoutIDs(t *testing.T) {
	t.Parallel()
	b := &builder{length: 2}
	b.start(event.CollectionInfo{Name: "dup"}, "", 1, 2, sampleStream()[0].RunStart.Started)
	b.iteration(0)
	b.item(0, 0, "", "same").request(event.Request{Sent: sent("GET", "http://x/1", ""), Resp: resp(200, "OK", "text/plain", "", 10, ms(1), "")}).
		pass("ok").end(false)
	b.item(0, 1, "", "same").request(event.Request{Sent: sent("GET", "http://x/2", ""), Resp: resp(200, "OK", "text/plain", "", 10, ms(1), "")}).
		fail("ok", "expected 1 to equal 2").end(false)
	b.iterationEnd(0)
	b.end(sampleStream()[0].RunStart.Started, "", false)
	var out strings.Builder
	replayEvents(t, NewJUnitWriter(&out, nil), b.evs)
	r := parseJUnit(t, []byte(out.String()))
	if len(r.Suites) != 2 || r.Suites[0].Failures != 0 || r.Suites[1].Failures != 1 {
		t.Errorf("suites = %+v, want two named same: one passed, one failed", r.Suites)
	}
}

// TestJUnitFile: written only at the end, through a temporary file, and
// still written when the stream stops without RunEnd.
func TestJUnitFile(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		events []event.Event
		runErr bool
	}{
		{"complete", sampleStream(), false},
		{"cut short", sampleStream()[:40], true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "junit.xml")
			j, err := NewJUnit(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range tc.events {
				if _, err := os.Stat(path); err == nil {
					t.Fatal("report written before the end")
				}
				if err := j.Handle(e); err != nil {
					t.Fatal(err)
				}
			}
			if err := j.Close(); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r := parseJUnit(t, b)
			hasRun := false
			for _, s := range r.Suites {
				for _, c := range s.Cases {
					hasRun = hasRun || (c.Name == "run" && c.Error != nil)
				}
			}
			if hasRun != tc.runErr {
				t.Errorf("run error testcase present = %v, want %v", hasRun, tc.runErr)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("directory holds %d files, want only the report", len(entries))
			}
		})
	}
}
