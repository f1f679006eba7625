package main

import (
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
// cuts a one-request run by about a quarter and adds about 2 MB at peak;
// from the first item on, the run collects as usual, which keeps a long
// run's memory where it was.
const startupGCPercent = 400

// startupGC counts the runs of this process still starting up (tests run
// several at once), so that the last one to get going restores the
// setting the first one found.
var startupGC struct {
	sync.Mutex
	starting int
	prev     int
}

// relaxStartupGC raises the GC percentage for start-up. It returns a
// handler wrapper that restores the setting when the first item (or the
// run) ends, and a restore func for runs that end before that; both are
// safe to call more than once. A GOGC set by the user is left alone.
func relaxStartupGC(getenv func(string) string) (wrap func(event.Handler) event.Handler, restore func()) {
	if getenv("GOGC") != "" {
		return func(h event.Handler) event.Handler { return h }, func() {}
	}
	startupGC.Lock()
	if startupGC.starting == 0 {
		startupGC.prev = debug.SetGCPercent(startupGCPercent)
	}
	startupGC.starting++
	startupGC.Unlock()
	var once sync.Once
	restore = func() {
		once.Do(func() {
			startupGC.Lock()
			startupGC.starting--
			if startupGC.starting == 0 {
				debug.SetGCPercent(startupGC.prev)
			}
			startupGC.Unlock()
		})
	}
	wrap = func(next event.Handler) event.Handler {
		return event.HandlerFunc(func(e event.Event) error {
			if e.ItemEnd != nil || e.RunEnd != nil {
				restore()
			}
			return next.Handle(e)
		})
	}
	return wrap, restore
}
