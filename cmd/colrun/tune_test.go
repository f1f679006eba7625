package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/colrun/colrun/runner/event"
)

// gcPercent reads the collector's setting.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// The run's two phases: start-up collects less with every P, a sequential
// run then uses one P, and everything is put back at the end. Not
// parallel: these are process-wide settings.
func TestTuneRuntimePhases(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS of 2 or more")
	}
	procs, gc := runtime.GOMAXPROCS(0), gcPercent()
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(small, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, make([]byte, smallInputs+1), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		sio            stdio
		parallel       int
		inputs         []string
		startGC, runGC int
		runProcs       int
	}{
		{"sequential", stdio{tune: true, getenv: env(nil)}, 1, []string{small, ""}, startupGCPercent, gc, 1},
		{"large inputs collect as usual", stdio{tune: true, getenv: env(nil)}, 1, []string{small, big}, gc, gc, 1},
		{"unreadable inputs count as large", stdio{tune: true, getenv: env(nil)}, 1, []string{filepath.Join(dir, "missing")}, gc, gc, 1},
		{"parallel is left alone", stdio{tune: true, getenv: env(nil)}, 4, []string{small}, gc, gc, procs},
		{"user settings win", stdio{tune: true, getenv: env(map[string]string{"GOGC": "50", "GOMAXPROCS": "2"})}, 1, []string{small}, gc, gc, procs},
		{"tests do not tune", stdio{getenv: env(nil)}, 1, []string{small}, gc, gc, procs},
	}
	for _, tt := range tests {
		wrap, restore := tuneRuntime(tt.sio, tt.parallel, tt.inputs)
		if got := gcPercent(); got != tt.startGC {
			t.Errorf("%s: GC percent during start-up = %d, want %d", tt.name, got, tt.startGC)
		}
		h := wrap(event.HandlerFunc(func(event.Event) error { return nil }))
		_ = h.Handle(event.Event{ItemStart: &event.ItemStart{}})
		if got := runtime.GOMAXPROCS(0); got != procs {
			t.Errorf("%s: GOMAXPROCS before the first item ended = %d, want %d", tt.name, got, procs)
		}
		_ = h.Handle(event.Event{ItemEnd: &event.ItemEnd{}})
		if got, gotGC := runtime.GOMAXPROCS(0), gcPercent(); got != tt.runProcs || gotGC != tt.runGC {
			t.Errorf("%s: after start-up GOMAXPROCS = %d, GC percent = %d; want %d, %d", tt.name, got, gotGC, tt.runProcs, tt.runGC)
		}
		restore()
		restore()
		if got, gotGC := runtime.GOMAXPROCS(0), gcPercent(); got != procs || gotGC != gc {
			t.Errorf("%s: after the run GOMAXPROCS = %d, GC percent = %d; want %d, %d", tt.name, got, gotGC, procs, gc)
		}
	}
}

// A run that receives a big response goes back to every P for good: a
// script parsing it makes garbage faster than one P collects it well.
func TestTuneRuntimeHeavyResponsesUseEveryP(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS of 2 or more")
	}
	procs := runtime.GOMAXPROCS(0)
	wrap, restore := tuneRuntime(stdio{tune: true, getenv: func(string) string { return "" }}, 1, nil)
	defer restore()
	h := wrap(event.HandlerFunc(func(event.Event) error { return nil }))
	response := func(size int) event.Event {
		return event.Event{Request: &event.Request{Resp: &event.Response{Code: 200, BodySize: int64(size)}}}
	}
	_ = h.Handle(event.Event{ItemEnd: &event.ItemEnd{}})
	_ = h.Handle(response(1000))
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("after a small response GOMAXPROCS = %d, want 1", got)
	}
	_ = h.Handle(response(heavyResponse))
	_ = h.Handle(event.Event{ItemEnd: &event.ItemEnd{}})
	_ = h.Handle(response(10))
	if got := runtime.GOMAXPROCS(0); got != procs {
		t.Errorf("after a %d-byte response GOMAXPROCS = %d, want %d", heavyResponse, got, procs)
	}
}
