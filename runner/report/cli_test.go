package report

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

var failureNum = regexp.MustCompile(`(?m)^ +(\d+)\. `)

var statRow = regexp.MustCompile(`^│\s+([a-z-]+) │\s+(\d+) │\s+(\d+) │$`)

// TestCLISummaryMatchesSummary reads the numbers back out of the summary
// table of every stream and compares them with the Summary.
func TestCLISummaryMatchesSummary(t *testing.T) {
	t.Parallel()
	for _, stream := range streams {
		t.Run(stream, func(t *testing.T) {
			t.Parallel()
			out := string(render(t, stream, "cli"))
			s := summarize(t, stream)
			want := map[string][2]int{
				"iterations":         {s.Stats.Iterations.Total, s.Stats.Iterations.Failed},
				"requests":           {s.Stats.Requests.Total, s.Stats.Requests.Failed},
				"test-scripts":       {s.Stats.TestScripts.Total, s.Stats.TestScripts.Failed},
				"prerequest-scripts": {s.Stats.PrerequestScripts.Total, s.Stats.PrerequestScripts.Failed},
				"assertions":         {s.Stats.Assertions.Total, s.Stats.Assertions.Failed},
			}
			got := map[string][2]int{}
			for _, l := range strings.Split(out, "\n") {
				if m := statRow.FindStringSubmatch(l); m != nil {
					a, _ := strconv.Atoi(m[2])
					b, _ := strconv.Atoi(m[3])
					got[m[1]] = [2]int{a, b}
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("summary table (-summary +table):\n%s", diff)
			}
			for _, l := range []string{
				"total run duration: " + FormatDuration(s.Timings.Duration()),
				"total data received: " + FormatSize(s.ResponseTotal) + " (approx)",
			} {
				if !strings.Contains(out, l) {
					t.Errorf("no %q in the table", l)
				}
			}
			var nums []int
			if _, list, ok := strings.Cut(out, "  failure  "); ok {
				for _, m := range failureNum.FindAllStringSubmatch(list, -1) {
					n, _ := strconv.Atoi(m[1])
					nums = append(nums, n)
				}
			}
			if len(nums) != len(s.Failures) || (len(nums) > 0 && nums[len(nums)-1] != len(s.Failures)) {
				t.Errorf("failure list numbers %v, want 1..%d", nums, len(s.Failures))
			}
		})
	}
}

// TestCLIStreams checks that the report follows the run, not written at
// the end: an item's name when it starts, its request line and results by
// the time it ends (or a script logs), and what is held back on Close.
func TestCLIStreams(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	c := NewCLI(&out, nil, CLIOptions{})
	var pending []string
	for _, e := range sampleStream() {
		if err := c.Handle(e); err != nil {
			t.Fatal(err)
		}
		switch {
		case e.ItemStart != nil:
			if !strings.HasSuffix(out.String(), e.ItemStart.Item.Name+"\n") {
				t.Fatalf("item %q not written when it started", e.ItemStart.Item.Name)
			}
		case e.Request != nil:
			pending = append(pending, e.Request.Sent.URL)
		case e.ItemEnd != nil, e.Console != nil:
			for _, u := range pending {
				if !strings.Contains(out.String(), u) {
					t.Fatalf("request to %s not written when its item ended", u)
				}
			}
			pending = nil
		}
		if e.RunEnd == nil && strings.Contains(out.String(), "executed") {
			t.Fatal("summary written before RunEnd")
		}
	}
	// A stream cut short: what the cli held back is written on Close.
	out.Reset()
	c = NewCLI(&out, nil, CLIOptions{})
	for _, e := range sampleStream() {
		if err := c.Handle(e); err != nil {
			t.Fatal(err)
		}
		if e.Request != nil {
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), e.Request.Sent.URL) {
				t.Fatalf("request to %s not written on Close", e.Request.Sent.URL)
			}
			break
		}
	}
}

func TestCLIOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		opts    CLIOptions
		absent  []string
		present []string
	}{
		{"default", CLIOptions{}, nil, []string{"colrun\n", "executed", "# ", "'careful'"}},
		{"no summary", CLIOptions{NoSummary: true}, []string{"executed"}, []string{"# "}},
		{"no failures", CLIOptions{NoFailures: true}, []string{"# ", "inside \""}, []string{"executed"}},
		{"no console", CLIOptions{NoConsole: true}, []string{"'careful'", "┌\n"}, nil},
		{"no banner", CLIOptions{NoBanner: true}, []string{"colrun\n"}, []string{"Sample API\n"}},
		{"no color by default", CLIOptions{}, []string{"\x1b["}, nil},
		{"color", CLIOptions{Color: true}, nil, []string{"\x1b[32m", "\x1b[31;1m"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			replayEvents(t, NewCLI(&out, nil, tc.opts), sampleStream())
			for _, s := range tc.absent {
				if strings.Contains(out.String(), s) {
					t.Errorf("output has %q", s)
				}
			}
			for _, s := range tc.present {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q", s)
				}
			}
		})
	}
}

// TestCLIColorMatchesPlain: with colour codes removed, coloured output is
// the plain output.
func TestCLIColorMatchesPlain(t *testing.T) {
	t.Parallel()
	for _, opts := range []CLIOptions{{}, {Verbose: true}} {
		var plain, colored bytes.Buffer
		replayEvents(t, NewCLI(&plain, nil, opts), verboseStream())
		opts.Color = true
		replayEvents(t, NewCLI(&colored, nil, opts), verboseStream())
		if diff := cmp.Diff(plain.String(), ansi.ReplaceAllString(colored.String(), "")); diff != "" {
			t.Errorf("verbose=%v: (-plain +decoloured):\n%s", opts.Verbose, diff)
		}
	}
}

// TestCLIWidth: with a terminal width, console lines and failure-table
// lines fit in it.
func TestCLIWidth(t *testing.T) {
	t.Parallel()
	out := string(render(t, "sample", "cli-width100"))
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 100 {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
}

// writeLog keeps each Write as it came, to see how output was batched.
type writeLog struct{ writes []string }

func (w *writeLog) Write(p []byte) (int, error) {
	w.writes = append(w.writes, string(p))
	return len(p), nil
}

// TestCLIJoinItems checks that JoinItems changes only how the report is
// cut into writes: the same text, with an item's results going out in one
// write with whatever follows (the next item's name), not on their own.
func TestCLIJoinItems(t *testing.T) {
	t.Parallel()
	var plain, joined writeLog
	cp := NewCLI(&plain, nil, CLIOptions{})
	cj := NewCLI(&joined, nil, CLIOptions{JoinItems: true})
	items := 0
	for _, e := range sampleStream() {
		before := len(joined.writes)
		if err := cp.Handle(e); err != nil {
			t.Fatal(err)
		}
		if err := cj.Handle(e); err != nil {
			t.Fatal(err)
		}
		if e.ItemEnd != nil {
			items++
			if len(joined.writes) != before {
				t.Fatalf("item %q: results written at its end, want them held for the next event", e.ItemEnd.Item.Name)
			}
		}
	}
	if err := cj.Close(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.Join(plain.writes, ""), strings.Join(joined.writes, "")); diff != "" {
		t.Errorf("JoinItems changed the report (-plain +joined):\n%s", diff)
	}
	if items < 2 || len(joined.writes) >= len(plain.writes) {
		t.Errorf("%d writes with JoinItems, %d without, over %d items: want fewer", len(joined.writes), len(plain.writes), items)
	}
}

// A disabled request header counts in --verbose's header total, as in
// Newman 6.2.2 ("9↑" with one disabled among nine), but it was not sent:
// the request size and the ↑ headers box leave it out.
func TestCLIVerboseDisabledHeader(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	c := NewCLI(&out, nil, CLIOptions{Verbose: true})
	sent := event.SentRequest{Method: "GET", URL: "http://h/x", Headers: []event.Header{
		{Key: "X-On", Value: "1"}, {Key: "X-Off", Value: "2", Disabled: true}, {Key: "Host", Value: "h", System: true},
	}}
	if err := c.Handle(event.Event{Request: &event.Request{Sent: sent, Resp: &event.Response{Code: 200, Status: "OK"}}}); err != nil {
		t.Fatal(err)
	}
	_ = c.Close()
	got := out.String()
	// "GET /x HTTP/1.1" and CRLF (17), "X-On: 1" and "Host: h" with
	// theirs (9 each), the closing CRLF (2).
	for _, want := range []string{"37B↑", "3↑ 0↓ headers", "│ X-On: 1\n", "│ Host: h\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("verbose output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "X-Off") {
		t.Errorf("verbose output lists the disabled header as sent:\n%s", got)
	}
}
