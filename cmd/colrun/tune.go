package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/colrun/colrun/runner/event"
)

// startupGCPercent is the collector's setting until the first item of a
// small sequential run has finished. Start-up (parsing and compiling the
// sandbox's embedded JavaScript, running its bootstrap) makes a few MB of
// short-lived garbage while the heap is still under Go's 4 MB minimum goal,
// so the default setting collects three or four times in the first 20 ms,
// each time scanning the half-built runtime. Collecting less until then
// cuts a one-request run by about a fifth and adds about 2 MB at peak.
const startupGCPercent = 400

// smallInputs is the most input (collection, environment, globals and
// data files together) for which start-up collects less: with more, the
// heap is past the minimum goal anyway, and garbage from loading or
// counting a big file would pile up to five times the live heap.
const smallInputs = 1 << 20

// heavyResponse is the body size from which a run goes back to every P:
// a script parsing a body this big makes garbage fast enough that a
// collector running on another core beats the cheaper hand-offs of one P
// (measured with JSON bodies parsed by a test script: a tie at ~30 kB,
// one P 13% slower at ~90 kB and ~300 kB, 29% at 3 MB).
const heavyResponse = 64 << 10

// tuneRuntime adjusts the Go runtime to the two phases of a run of this
// process, and returns a handler wrapper that moves to the second phase
// when the first item (or the run) ends, and a restore func for the end of
// the run. Settings the user made with GOGC, GOMEMLIMIT or GOMAXPROCS are
// left alone.
//
//   - A sequential run with small inputs collects less during start-up
//     (startupGCPercent).
//   - A sequential run then uses one P. Its work is a chain: build, send,
//     wait, run the scripts, report; with two or more Ps every request
//     wakes goroutines (the transport's reader and writer, the
//     compile-ahead goroutine) on other threads, and idle Ps spin looking
//     for work. On a 2-core CI runner talking to a local server, one P
//     makes a 2,000-request run ~10% faster and uses ~20% less CPU (see
//     bench/run.sh); the compile-ahead goroutine then fills the time the
//     worker waits for responses. Start-up keeps every P, since it compiles
//     the sandbox's programs in parallel. --parallel runs keep every P, and
//     a run goes back to every P for good at its first response of
//     heavyResponse bytes or more.
//
// Only the real process tunes itself (stdio.tune): these are process-wide
// settings, and tests run many commands in one process at once.
func tuneRuntime(sio stdio, parallel int, inputs []string) (wrap func(event.Handler) event.Handler, restore func()) {
	if !sio.tune || parallel > 1 {
		return func(h event.Handler) event.Handler { return h }, func() {}
	}
	relaxGC := sio.getenv("GOGC") == "" && sio.getenv("GOMEMLIMIT") == "" && inputSize(inputs) <= smallInputs
	oneP := sio.getenv("GOMAXPROCS") == ""
	prevGC := -1
	if relaxGC {
		prevGC = debug.SetGCPercent(startupGCPercent)
	}
	var started, ended, heavy sync.Once
	afterStartup := func() {
		started.Do(func() {
			if prevGC >= 0 {
				debug.SetGCPercent(prevGC)
			}
			if oneP {
				runtime.GOMAXPROCS(1)
			}
		})
	}
	restore = func() {
		ended.Do(func() {
			afterStartup()
			if oneP {
				// Back to Go's own choice, which follows CPU limits.
				runtime.SetDefaultGOMAXPROCS()
			}
		})
	}
	wrap = func(next event.Handler) event.Handler {
		return event.HandlerFunc(func(e event.Event) error {
			if e.ItemEnd != nil || e.RunEnd != nil {
				afterStartup()
			}
			if oneP && e.Request != nil && e.Request.Resp != nil && max(e.Request.Resp.BodySize, int64(len(e.Request.Resp.Body))) >= heavyResponse {
				heavy.Do(func() {
					// Wait for start-up to end first, so it cannot set one
					// P after this.
					afterStartup()
					runtime.SetDefaultGOMAXPROCS()
				})
			}
			return next.Handle(e)
		})
	}
	return wrap, restore
}

// inputSize adds up the sizes of the named files; one that cannot be
// read counts as large, since its size is unknown.
func inputSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if p == "" {
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return smallInputs + 1
		}
		n += fi.Size()
	}
	return n
}
