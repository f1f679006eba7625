package main

import (
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/colrun/colrun/runner/event"
)

// startupGCPercent is the collector's setting until the first item of a run
// has finished. Start-up (loading the collection, parsing and compiling the
// sandbox's embedded JavaScript, running its bootstrap) makes a few MB of
// short-lived garbage while the heap is still under Go's 4 MB minimum goal,
// so the default setting collects three or four times in the first 20 ms,
// each time scanning the half-built runtime. Collecting less until then
// cuts a one-request run by about a fifth and adds about 2 MB at peak; from
// the first item on, the run collects as usual, which keeps a long run's
// memory where it was.
const startupGCPercent = 400

// startupMemoryLimit bounds what start-up may hold while it collects less:
// loading a large collection or counting the rows of a large data file
// makes garbage too, and without a limit it would pile up to five times
// the live heap. Below the limit (a one-request run stays well under it)
// the limit changes nothing.
const startupMemoryLimit = 20 << 20

// tuneRuntime adjusts the Go runtime to the two phases of a run of this
// process, and returns a handler wrapper that moves to the second phase
// when the first item (or the run) ends, and a restore func for the end of
// the run. Settings the user made with GOGC, GOMEMLIMIT or GOMAXPROCS are left
// alone.
//
//   - Start-up collects less (startupGCPercent), within startupMemoryLimit.
//   - A sequential run then uses one P. Its work is a chain: build, send,
//     wait, run the scripts, report; with two or more Ps every request
//     wakes goroutines (the transport's reader and writer, the
//     compile-ahead goroutine) on other threads, and idle Ps spin looking
//     for work. On a 2-core CI runner talking to a local server, one P
//     makes a 2,000-request run ~10% faster and uses ~20% less CPU (see
//     bench/run.sh); the compile-ahead goroutine then fills the time the
//     worker waits for responses. Start-up keeps every P, since it compiles
//     the sandbox's programs in parallel. --parallel runs keep every P.
//
// Only the real process tunes itself (stdio.tune): these are process-wide
// settings, and tests run many commands in one process at once.
func tuneRuntime(sio stdio, parallel int) (wrap func(event.Handler) event.Handler, restore func()) {
	if !sio.tune {
		return func(h event.Handler) event.Handler { return h }, func() {}
	}
	userGC := sio.getenv("GOGC") != "" || sio.getenv("GOMEMLIMIT") != ""
	oneP := parallel <= 1 && sio.getenv("GOMAXPROCS") == ""
	prevGC, prevLimit, prevProcs := -1, int64(-1), 0
	if !userGC {
		prevLimit = debug.SetMemoryLimit(startupMemoryLimit)
		prevGC = debug.SetGCPercent(startupGCPercent)
	}
	var started, ended sync.Once
	afterStartup := func() {
		started.Do(func() {
			if prevGC >= 0 {
				debug.SetGCPercent(prevGC)
				debug.SetMemoryLimit(prevLimit)
			}
			if oneP {
				prevProcs = runtime.GOMAXPROCS(1)
			}
		})
	}
	restore = func() {
		ended.Do(func() {
			afterStartup()
			if prevProcs > 0 {
				runtime.GOMAXPROCS(prevProcs)
			}
		})
	}
	wrap = func(next event.Handler) event.Handler {
		return event.HandlerFunc(func(e event.Event) error {
			if e.ItemEnd != nil || e.RunEnd != nil {
				afterStartup()
			}
			return next.Handle(e)
		})
	}
	return wrap, restore
}
