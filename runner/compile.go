package runner

import (
	"sync/atomic"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/sandbox"
)

// scriptSet says whether the collection has any script. Scripts are
// compiled on first use by the sandbox, which keeps them in a bounded
// cache shared by every worker: a collection-level script is compiled at
// most twice for the whole run (the cache keeps a script from its second
// run, or from its first in a run of several iterations), and a
// collection of thousands of distinct scripts does not hold every compiled
// program until the run ends.
type scriptSet struct {
	any bool
}

func newScriptSet(coll *collections.Collection) *scriptSet {
	s := &scriptSet{any: hasScripts(coll)}
	if s.any {
		// The runtime's own programs compile while the first request is
		// in flight (and while the collection is parsed, when the caller
		// called PrepareScripts).
		PrepareScripts()
	}
	return s
}

// PrepareScripts starts compiling the script sandbox's own programs (chai
// and the bootstrap, about 10 ms) on other goroutines and returns at once.
// New does it for a collection with scripts; a caller that can tell
// earlier (once the collection is parsed, while other inputs load) saves
// up to that much start-up by calling it then. Not while a large
// collection is being parsed: both heaps would be live at once, and the
// collector's goal would keep twice that peak for the rest of the run.
// Later calls find the programs compiled (or being compiled) and do not
// compile them again.
func PrepareScripts() {
	go sandbox.Prepare()
}

func hasScripts(coll *collections.Collection) bool {
	has := func(events []collections.Event) bool {
		for _, e := range events {
			if e.Script.Exec != "" && !e.Disabled {
				return true
			}
		}
		return false
	}
	if has(coll.Events) {
		return true
	}
	var walk func([]*collections.Item) bool
	walk = func(items []*collections.Item) bool {
		for _, it := range items {
			if has(it.Events) || walk(it.Items) {
				return true
			}
		}
		return false
	}
	return walk(coll.Items)
}

// compileWindow is how many items the compile-ahead goroutine may be ahead
// of the worker. With one P the goroutine runs while the worker waits for
// a response, and the response is not even noticed until it stops: a wide
// window let it compile eight items in a row while the worker's response
// sat ready (a 2,000-request run 6% slower than with this window). Two is
// the next item's scripts, which the worker needs first, plus one so that
// a long script on the item after it still compiles during a wait.
const compileWindow = 2

// compileAhead compiles the scripts of the requests a sequential run will
// reach next on its own goroutine, so that the worker finds them compiled:
// parsing is a tenth of a scripted request's time, and this goroutine does
// it while the worker waits for responses (a sequential run uses one P
// after start-up, see cmd/colrun). It follows the items in collection
// order, one pass per iteration, or a single pass when every script fits
// in the compile cache (with several iterations it asks the cache to keep
// them, and later iterations hit it). Jumps with
// setNextRequest only make it less useful; the worker compiles whatever it
// does not find.
//
// The goroutine sleeps when it is compileWindow items ahead and is woken
// when the worker has caught up half of that: about once per request,
// which costs a channel send next to a compile of tens of microseconds.
type compileAhead struct {
	// started is how far the worker has got and compiled how far the
	// goroutine has: positions in the run's item order across iterations
	// (iteration × items + position), plus one. A jump back with
	// setNextRequest (a polling loop) does not move started, so the
	// goroutine does not run off ahead of where the worker is.
	started  atomic.Int64
	compiled atomic.Int64
	sleeping atomic.Bool
	wake     chan struct{} // capacity 1
	stop     chan struct{}
	done     chan struct{}
}

// startCompileAhead starts the goroutine for a sequential run of
// iterations; it returns nil when there is nothing to compile.
func (r *Runner) startCompileAhead(iterations int) *compileAhead {
	if r.scripts == nil || !r.scripts.any || len(r.items) == 0 {
		return nil
	}
	a := &compileAhead{
		wake: make(chan struct{}, 1),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	go func() {
		defer close(a.done)
		// Distinct sources, as the compile cache counts them, up to one
		// more than it is sure to keep: only that count matters.
		seen := map[string]bool{}
		for i := 0; i < iterations; i++ {
			for j := range r.items {
				if !a.wait() {
					return
				}
				for _, list := range r.itemData[j].scripts {
					for _, sl := range list {
						if sl.event.Script.Exec == "" {
							continue
						}
						sandbox.Precompile(sl.event.Script.Exec, iterations > 1)
						if len(seen) <= sandbox.CompileCacheSize {
							seen[sl.event.Script.Exec] = true
						}
					}
				}
				a.compiled.Add(1)
			}
			if len(seen) <= sandbox.CompileCacheSize {
				return
			}
		}
	}()
	return a
}

// wait blocks while the goroutine is a full window ahead; it reports false
// when the run has ended.
func (a *compileAhead) wait() bool {
	for a.compiled.Load()-a.started.Load() >= compileWindow {
		a.sleeping.Store(true)
		// The worker may have advanced between the check and the store;
		// it only wakes a sleeper it has seen.
		if a.compiled.Load()-a.started.Load() < compileWindow {
			a.sleeping.Store(false)
			break
		}
		select {
		case <-a.wake:
		case <-a.stop:
			return false
		}
	}
	select {
	case <-a.stop:
		return false
	default:
		return true
	}
}

// advance tells the goroutine the worker has started the item at pos in
// the run's item order across iterations.
func (a *compileAhead) advance(pos int64) {
	if a == nil || pos+1 <= a.started.Load() {
		return
	}
	n := pos + 1
	a.started.Store(n)
	if a.sleeping.Load() && a.compiled.Load()-n <= compileWindow/2 && a.sleeping.CompareAndSwap(true, false) {
		select {
		case a.wake <- struct{}{}:
		default:
		}
	}
}

// close stops the goroutine and waits for it, so that nothing outlives Run.
func (a *compileAhead) close() {
	if a == nil {
		return
	}
	close(a.stop)
	<-a.done
}
