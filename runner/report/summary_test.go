package report

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

// summarize replays a recorded stream into a fresh Summary.
func summarize(t *testing.T, stream string) *Summary {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", stream+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := NewSummary()
	if err := event.Replay(f, s); err != nil {
		t.Fatal(err)
	}
	return s
}

// newmanSummary is the part of Newman's JSON report the Summary mirrors.
type newmanSummary struct {
	Run struct {
		Stats     Stats `json:"stats"`
		Transfers struct {
			ResponseTotal int64 `json:"responseTotal"`
		} `json:"transfers"`
		Timings struct {
			ResponseMin, ResponseMax float64
			Started, Completed       int64
		} `json:"timings"`
		Failures []struct {
			Error struct {
				Name    string `json:"name"`
				Message string `json:"message"`
				Test    string `json:"test"`
			} `json:"error"`
			At     string `json:"at"`
			Source struct {
				Name string `json:"name"`
			} `json:"source"`
			Cursor struct {
				Iteration int `json:"iteration"`
			} `json:"cursor"`
		} `json:"failures"`
	} `json:"run"`
}

func readNewman(t *testing.T, name string) newmanSummary {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "newman", name))
	if err != nil {
		t.Fatal(err)
	}
	var n newmanSummary
	if err := json.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSummaryMatchesNewman replays the stream of Newman's sample run and
// checks that stats, transfers, timings' bounds and failures come out as
// Newman counted them.
func TestSummaryMatchesNewman(t *testing.T) {
	t.Parallel()
	s := summarize(t, "sample")
	n := readNewman(t, "sample.newman.json")
	if diff := cmp.Diff(n.Run.Stats, s.Stats); diff != "" {
		t.Errorf("stats differ from Newman's (-newman +colrun):\n%s", diff)
	}
	if s.ResponseTotal != n.Run.Transfers.ResponseTotal {
		t.Errorf("responseTotal = %d, Newman %d", s.ResponseTotal, n.Run.Transfers.ResponseTotal)
	}
	if s.Timings.Response.Min != n.Run.Timings.ResponseMin || s.Timings.Response.Max != n.Run.Timings.ResponseMax {
		t.Errorf("response min/max = %v/%v, Newman %v/%v", s.Timings.Response.Min, s.Timings.Response.Max, n.Run.Timings.ResponseMin, n.Run.Timings.ResponseMax)
	}
	if got, want := s.Timings.Duration(), time.Duration(n.Run.Timings.Completed-n.Run.Timings.Started)*time.Millisecond; got != want {
		t.Errorf("duration = %v, Newman %v", got, want)
	}
	type row struct{ Name, Message, Test, At, Source string }
	var want, got []row
	for _, f := range n.Run.Failures {
		at := f.At
		// Newman's sandbox did not report these lines; colrun's does.
		if line, ok := map[string]string{"test-script": "test-script:3:5", "prerequest-script": "prerequest-script:2:7"}[at]; ok {
			at = line
		}
		want = append(want, row{f.Error.Name, f.Error.Message, f.Error.Test, at, f.Source.Name})
	}
	for _, f := range s.Failures {
		got = append(got, row{f.Name, f.Message, f.Test, f.At, f.Item.Name})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failures differ from Newman's (-newman +colrun):\n%s", diff)
	}
}

func TestSummaryFailed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		stream string
		failed bool
		errMsg string
		bailed bool
	}{
		{"passing", false, "", false},
		{"verbose", false, "", false},
		{"sample", true, "", false},
		{"bail", true, "", true},
		{"run-error", true, "tableau sign-in failed: 401001 Signin Error: Error signing in to Tableau Server", false},
	} {
		t.Run(tc.stream, func(t *testing.T) {
			t.Parallel()
			s := summarize(t, tc.stream)
			if s.Failed() != tc.failed || s.Error != tc.errMsg || s.Bailed != tc.bailed || !s.Complete() {
				t.Errorf("Failed()=%v Error=%q Bailed=%v Complete()=%v, want %v %q %v true", s.Failed(), s.Error, s.Bailed, s.Complete(), tc.failed, tc.errMsg, tc.bailed)
			}
		})
	}
}

// TestSummaryIncomplete: a stream that stops without RunEnd (a crash the
// caller caught) fails the run; an empty one does not.
func TestSummaryIncomplete(t *testing.T) {
	t.Parallel()
	s := NewSummary()
	if s.Failed() {
		t.Error("an empty summary failed")
	}
	for _, e := range passingStream()[:5] {
		_ = s.Handle(e)
	}
	if !s.Failed() || s.Complete() || s.runError() == "" {
		t.Errorf("an unfinished stream: Failed()=%v Complete()=%v runError=%q", s.Failed(), s.Complete(), s.runError())
	}
}

// TestSummaryCounting covers the counting rules on small hand-made streams.
func TestSummaryCounting(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		build func(b *builder)
		want  Stats
		at    []string
	}{
		{
			name: "skipped request runs no tests",
			build: func(b *builder) {
				b.item(0, 0, "a", "A").script("prerequest", "request", nil).end(true)
			},
			want: Stats{Items: Counter{Total: 1}, Scripts: Counter{Total: 1}, Prerequests: Counter{Total: 1}, PrerequestScripts: Counter{Total: 1}},
		},
		{
			name: "collection, folder and request scripts all count",
			build: func(b *builder) {
				b.item(0, 0, "a", "A", "F").script("prerequest", "collection", nil).script("prerequest", "folder", nil).
					request(event.Request{Sent: sent("GET", "http://x/", ""), Resp: resp(200, "OK", "text/plain", "hi", 10, ms(1), "")}).
					script("test", "collection", &event.ScriptError{Name: "TypeError", Message: "x", Line: 4}).script("test", "request", nil).end(false)
			},
			want: Stats{Items: Counter{Total: 1}, Scripts: Counter{Total: 4, Failed: 1}, Prerequests: Counter{Total: 1}, Requests: Counter{Total: 1},
				Tests: Counter{Total: 1}, TestScripts: Counter{Total: 2, Failed: 1}, PrerequestScripts: Counter{Total: 2}},
			at: []string{"test-script:4"},
		},
		{
			name: "request error and skipped assertion",
			build: func(b *builder) {
				b.item(0, 0, "a", "A").request(event.Request{Sent: sent("GET", "http://x/", ""), Error: "connect ECONNREFUSED"}).
					assert("later", true, nil).fail("status", "boom").end(false)
			},
			want: Stats{Items: Counter{Total: 1}, Prerequests: Counter{Total: 1}, Requests: Counter{Total: 1, Failed: 1},
				Tests: Counter{Total: 1}, Assertions: Counter{Total: 2, Failed: 1}},
			at: []string{"request", "assertion:1 in test-script"},
		},
		{
			name: "item cut off by the end of the run still counts",
			build: func(b *builder) {
				b.item(0, 0, "a", "A")
			},
			want: Stats{Items: Counter{Total: 1}, Prerequests: Counter{Total: 1}, Tests: Counter{Total: 1}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := &builder{}
			b.start(event.CollectionInfo{Name: "c"}, "", 1, 1, time.Unix(0, 0))
			b.iteration(0)
			tc.build(b)
			b.end(time.Unix(1, 0), "", false)
			s := NewSummary()
			for _, e := range b.evs {
				_ = s.Handle(e)
			}
			tc.want.Iterations = Counter{Total: 1}
			if diff := cmp.Diff(tc.want, s.Stats); diff != "" {
				t.Errorf("stats (-want +got):\n%s", diff)
			}
			var at []string
			for _, f := range s.Failures {
				at = append(at, f.At)
			}
			if diff := cmp.Diff(tc.at, at); diff != "" {
				t.Errorf("failure locations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPhase(t *testing.T) {
	t.Parallel()
	var p Phase
	for _, v := range []float64{2, 0, 4, 4, 4, 5, 5, 7, 9} {
		p.add(v)
	}
	if p.Count() != 8 || p.Average != 5 || p.Min != 2 || p.Max != 9 || math.Abs(p.SD-2) > 1e-12 {
		t.Errorf("phase = %+v (n=%d), want mean 5, min 2, max 9, sd 2 over 8 samples", p, p.Count())
	}
}
