package runner

import (
	"context"
	"net/http"
	"strings"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// itemState is what one execution of an item accumulates across its
// scripts and its request.
type itemState struct {
	cursor     event.Cursor
	item       event.ItemRef
	data       *itemData
	iterations int
	unresolved []string
	seen       map[string]bool
	cookies    []*http.Cookie
	next       *nextRequest
	// testNext is the last non-null setNextRequest target of a test
	// script, for ItemEnd.NextRequest.
	testNext string
	skip     bool
	// failed is the request test scripts see when it could not be sent.
	failed *collections.Request
}

func (st *itemState) addUnresolved(names []string) {
	if len(names) == 0 {
		return
	}
	if st.seen == nil {
		st.seen = map[string]bool{}
	}
	for _, n := range names {
		if !st.seen[n] {
			st.seen[n] = true
			st.unresolved = append(st.unresolved, n)
		}
	}
}

// scriptExec is the state one script sees.
type scriptExec struct {
	listen   string
	item     *collections.Item
	request  *collections.Request
	response *event.Response
	state    *itemState
	// current names the collection, folder or request whose script runs,
	// for pm.execution.location.current.
	current string
}

// scriptResult is what one script produced.
type scriptResult struct {
	assertions []event.Assertion
	err        *event.ScriptError
	console    []event.Console
	// consoleAt[i] is how many assertions precede console[i].
	consoleAt []int
	next      *nextRequest
	skip      bool
	// requests are the script's pm.sendRequest calls, in the order their
	// answers came back.
	requests []placedRequest
}

// scriptWorker runs scripts on one worker's JavaScript runtime.
type scriptWorker interface {
	run(ctx context.Context, script scriptLevel, exec *scriptExec) scriptResult
	close()
}

// scriptLevel pairs a script with where it lives.
type scriptLevel struct {
	level string // collection, folder or request
	name  string // the collection's, folder's or request's name
	event *collections.Event
	// named is scriptName for the listen the script was collected for,
	// built once: the script is compiled ahead and again when it runs.
	named string
}

// location is pm.execution.location: the collection's name, then the
// folders', then the request's.
func (r *Runner) location(it *collections.Item) []string {
	n := 1
	for p := it; p != nil; p = p.Parent {
		n++
	}
	// Filled from the end, in one allocation: it is built for every item.
	names := make([]string, n)
	names[0] = r.coll.Info.Name
	for p := it; p != nil; p = p.Parent {
		n--
		names[n] = p.Name
	}
	return names
}

// scriptName names a script in reported error stacks; the compile cache
// is keyed by source, so the same test on many requests compiles once.
func (sl scriptLevel) scriptName(listen string) string {
	if sl.named != "" && sl.event.Listen == listen {
		return sl.named
	}
	return sl.level + " " + sl.name + " " + listen
}

// collectScripts lists the scripts for listen in Postman's order:
// collection, then folders from the outermost in, then the request. The
// lists are made once per run (see makeItemData), not per request.
func (r *Runner) collectScripts(listen string, it *collections.Item) []scriptLevel {
	var out []scriptLevel
	pick := func(level, name string, events []collections.Event) {
		for i := range events {
			e := &events[i]
			if e.Listen == listen && !e.Disabled && (e.Script.Exec != "" || e.HasScript) {
				out = append(out, scriptLevel{level: level, name: name, event: e, named: level + " " + name + " " + listen})
			}
		}
	}
	pick("collection", r.coll.Info.Name, r.coll.Events)
	var folders []*collections.Item
	for p := it.Parent; p != nil; p = p.Parent {
		folders = append(folders, p)
	}
	for i := len(folders) - 1; i >= 0; i-- {
		pick("folder", folders[i].Name, folders[i].Events)
	}
	pick("request", it.Name, it.Events)
	return out
}

// runScripts runs the item's scripts for listen and emits their events.
// It reports whether the run must stop there: under --bail, when
// anything failed (a script error or a failed assertion); under --bail
// folder, when a script threw.
func (w *worker) runScripts(ctx context.Context, listen string, it *collections.Item, req *collections.Request, resp *event.Response, st *itemState) bool {
	r := w.r
	if r.scripts == nil {
		return false
	}
	failed, errored := false, false
	k := 1
	if listen == "prerequest" {
		k = 0
	}
	for _, sl := range st.data.scripts[k] {
		if w.js == nil || sl.event.Script.Exec == "" {
			// An empty script (no exec, [] or [""]) does nothing, but
			// Newman counts it as run; a collection whose scripts are all
			// empty has no runtime at all.
			w.emit(event.Event{Script: &event.ScriptRun{Cursor: st.cursor, Item: st.item, Listen: listen, Level: sl.level}})
			continue
		}
		res := w.js.run(ctx, sl, &scriptExec{listen: listen, item: it, request: req, response: resp, state: st, current: sl.name})
		// Logs and test results go out in the order they happened, as
		// Newman reports them.
		emitted := 0
		var failedTests []string
		emitAssertions := func(upTo int) {
			for ; emitted < upTo && emitted < len(res.assertions); emitted++ {
				// The event points into the script's result, which is
				// this run's alone, rather than at a copy of its own.
				a := &res.assertions[emitted]
				// Index is the sandbox's: Newman numbers a script's
				// assertions from 0 in each script, in the order its
				// pm.test calls were made.
				a.Cursor, a.Item = st.cursor, st.item
				if a.Error != nil {
					failed = true
					failedTests = append(failedTests, a.Name)
				}
				w.emit(event.Event{Assertion: a})
			}
		}
		// A pm.sendRequest is a request of the item, reported where its
		// answer came back: before its callback's output, as in Newman.
		// Its failure fails the run but, as in Newman, not --bail.
		sent := 0
		emitRequests := func(beforeConsole int) {
			for ; sent < len(res.requests) && res.requests[sent].console <= beforeConsole; sent++ {
				p := res.requests[sent]
				emitAssertions(p.assertions)
				rq := *p.request
				rq.Cursor, rq.Item = st.cursor, st.item
				w.emit(event.Event{Request: &rq})
			}
		}
		for i := range res.console {
			emitRequests(i)
			if i < len(res.consoleAt) {
				emitAssertions(res.consoleAt[i])
			}
			c := res.console[i]
			c.Cursor, c.Item = st.cursor, st.item
			w.emit(event.Event{Console: &c})
		}
		emitRequests(len(res.console))
		emitAssertions(len(res.assertions))
		scriptErr := res.err
		if scriptErr == nil && len(failedTests) > 0 && r.opts.Bail {
			// postman-runtime under --bail turns a script's failed
			// assertions into its error, which Newman reports as a second
			// failure and counts as a failed script.
			scriptErr = &event.ScriptError{Name: "AssertionFailure", Message: strings.Join(failedTests, ", ")}
		}
		w.emit(event.Event{Script: &event.ScriptRun{Cursor: st.cursor, Item: st.item, Listen: listen, Level: sl.level, Error: scriptErr}})
		if res.err != nil {
			failed = true
			errored = true
		}
		if res.next != nil {
			st.next = res.next
			if listen == "test" && !res.next.End && res.next.Target != "" {
				st.testNext = res.next.Target
			}
		}
		if res.skip && listen == "prerequest" {
			st.skip = true
			break
		}
		if failed && r.opts.Bail || errored && r.opts.BailOnError {
			break
		}
	}
	return failed && r.opts.Bail || errored && r.opts.BailOnError
}
