package report

import (
	"bytes"
	"testing"
	"time"

	"github.com/colrun/colrun/runner/event"
	"github.com/google/go-cmp/cmp"
)

// threeItems is a run of three requests whose second fails an assertion,
// at 0, 300 ms, 350 ms and 400 ms after the start.
func threeItems() []event.Event {
	c := func(ref string) event.Cursor { return event.Cursor{Ref: ref} }
	return []event.Event{
		{RunStart: &event.RunStart{Requests: 3, Iterations: 1}},
		{ItemEnd: &event.ItemEnd{Cursor: c("a")}},
		{Assertion: &event.Assertion{Cursor: c("b"), Error: &event.AssertionError{Message: "expected 500 to equal 200"}}},
		{ItemEnd: &event.ItemEnd{Cursor: c("b")}},
		{ItemEnd: &event.ItemEnd{Cursor: c("c")}},
		{RunEnd: &event.RunEnd{}},
	}
}

// The bar is drawn as Newman 6.2.2's (cli-progress 3.12) draws it on a
// terminal, bytes recorded with `script` from `newman run -r progress`:
// redraws at most every 100 ms, and the last one when the run ends.
func TestProgressDrawsNewmansBar(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	clock := []time.Duration{0, 0, 300 * time.Millisecond, 350 * time.Millisecond, 400 * time.Millisecond, 400 * time.Millisecond, 400 * time.Millisecond}
	var out bytes.Buffer
	p := NewProgress(&out, true)
	p.now = func() time.Time {
		d := clock[0]
		if len(clock) > 1 {
			clock = clock[1:]
		}
		return start.Add(d)
	}
	for _, e := range threeItems() {
		if err := p.Handle(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	want := "\x1b7\x1b[?7l" +
		"\x1b[1Gprogress [----------------------------------------] 0% | ETA: 0s | 0/3\x1b[0K" +
		"\x1b[1Gprogress [=============---------------------------] 33% | ETA: 1s | 1/3\x1b[0K" +
		"\x1b[1Gprogress [========================================] 100% | ETA: 0s | 3/3\x1b[0K" +
		"\x1b[?7h\x1b8\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("progress bar (-want +got):\n%s", diff)
	}
}

// Off a terminal cli-progress writes nothing, so neither does colrun: a CI
// log is not filled with redraws.
func TestProgressWritesNothingOffATerminal(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	p := NewProgress(&out, false)
	for _, e := range threeItems() {
		p.Handle(e)
	}
	p.Close()
	if out.Len() != 0 {
		t.Errorf("wrote %q off a terminal", out.String())
	}
}

// The emoji train as Newman 6.2.2 prints it for the same run.
func TestEmojitrain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		events []event.Event
		want   string
	}{
		{"one failed assertion", threeItems(), "😀 😢 😀  😭\n"},
		{"all passed", []event.Event{{RunStart: &event.RunStart{Requests: 1}}, {ItemEnd: &event.ItemEnd{Cursor: event.Cursor{Ref: "a"}}}, {RunEnd: &event.RunEnd{}}}, "😀  😍\n"},
		{"request error", []event.Event{{Request: &event.Request{Cursor: event.Cursor{Ref: "a"}, Error: "connect ECONNREFUSED 127.0.0.1:1"}}, {ItemEnd: &event.ItemEnd{Cursor: event.Cursor{Ref: "a"}}}, {RunEnd: &event.RunEnd{}}}, "😢  😭\n"},
		{"run error", []event.Event{{ItemEnd: &event.ItemEnd{Cursor: event.Cursor{Ref: "a"}}}, {RunEnd: &event.RunEnd{Error: "stopped"}}}, "😀  😭\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			r := NewEmojitrain(&out)
			for _, e := range tc.events {
				r.Handle(e)
			}
			if got := out.String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDominantConflict(t *testing.T) {
	t.Parallel()
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"cli", "json"}, ""},
		{[]string{"emojitrain", "cli"}, "emojitrain, cli reporters might not work well together."},
		{[]string{"json", "progress", "junit", "cli", "emojitrain"}, "progress, cli, emojitrain reporters might not work well together."},
	}
	for _, tc := range tests {
		if got := DominantConflict(tc.names); got != tc.want {
			t.Errorf("DominantConflict(%q) = %q, want %q", tc.names, got, tc.want)
		}
	}
}
