package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/sandbox/chai"
	"github.com/colrun/colrun/runner/sandbox/modules"
	"github.com/colrun/colrun/runner/variables"
)

// Options configures a Sandbox.
type Options struct {
	// Timeout bounds each Run: the script and everything it scheduled
	// (--timeout-script); 0 means none. An endless loop is interrupted with
	// Runtime.Interrupt: the script fails with an Error and the
	// sandbox stays usable for the next script.
	Timeout time.Duration
	// Send performs pm.sendRequest: the runner resolves variables and sends
	// with the run's client, jar and TLS settings. It is called on its own
	// goroutine with a context that ends with the Run. Nil makes
	// pm.sendRequest fail with an error passed to the script. An error
	// with a Code() string method gives the script's err.code (Node's
	// ECONNREFUSED, ENOTFOUND...); other network errors get Node's code
	// from their syscall error.
	Send func(ctx context.Context, req *collections.Request) (*event.Response, error)
	// Jar backs pm.cookies.jar(); nil makes its methods fail.
	Jar http.CookieJar
	// ParseSetCookie reads the text a script gives pm.cookies.jar().set
	// as the run reads a Set-Cookie line, returning nil for one it
	// refuses, so that the jar takes what Newman's tough-cookie takes in
	// loose mode (a cookie without a name, a quoted value kept as it is).
	// Nil uses net/http's stricter parser.
	ParseSetCookie func(line string) *http.Cookie
	// WorkingDir is where require() looks for node_modules.
	WorkingDir string
	// Modules provides require() and the library globals; nil uses a
	// registry shared by every Sandbox with the same WorkingDir, so that
	// libraries are compiled once per process.
	Modules *modules.Registry
	// ConsoleWidth is the width of the terminal console output is shown
	// on, 0 when it is not a terminal. Newman's CLI inspects logged values
	// to fit its width less 16 columns, taking 60 when it has none.
	ConsoleWidth int
}

// Info is what pm.info and pm.execution.location report.
type Info struct {
	// EventName is "prerequest" or "test"; empty means Execution.Listen.
	EventName string
	// Iteration is 0-based; IterationCount is the number of iterations.
	Iteration      int
	IterationCount int
	// RequestName and RequestID identify the request item being run.
	RequestName string
	RequestID   string
	// Location is pm.execution.location: the names from the collection
	// down to the request.
	Location []string
	// Current is pm.execution.location.current: the name of the item
	// (collection, folder or request) whose script is running.
	Current string
}

// Execution is the state one script runs against.
type Execution struct {
	// Listen is "prerequest" or "test".
	Listen string
	// Scopes back pm.variables (writes go to Local, reads go through every
	// scope in precedence), pm.environment, pm.globals,
	// pm.collectionVariables and pm.iterationData (Data). Writes go
	// straight into these scopes, except pm.iterationData's, which last
	// for the script only, as in Newman. A nil scope is replaced by an
	// empty one.
	Scopes *variables.Scopes
	// Request is pm.request. A pre-request script changes it in place
	// (only the parts the script changed are rewritten), so what it
	// changes is what gets sent.
	Request *collections.Request
	// Response is pm.response in test scripts, with the full body; nil
	// in pre-request scripts or when the request failed (pm.response is
	// then an empty Response, as in Postman).
	Response *event.Response
	// Cookies are the response's cookies, for pm.cookies (and
	// pm.response.cookies).
	Cookies []*http.Cookie
	// EnvironmentName is pm.environment.name, GlobalsName pm.globals.name
	// (the names in the -e and -g files; undefined when empty).
	EnvironmentName, GlobalsName string
	// Info feeds pm.info, pm.execution.location and the legacy iteration.
	Info Info
}

// NextRequest is what pm.execution.setNextRequest or the legacy
// postman.setNextRequest asked for; the last call of a script wins.
type NextRequest struct {
	// Stop is true for setNextRequest(null) (or undefined): Postman then
	// ends the current iteration after this request.
	Stop bool
	// Name is the argument as a string: an item id or name. Postman looks
	// ids up first, then names, and ends the iteration when neither
	// matches.
	Name string
}

// Result is the outcome of one Run.
type Result struct {
	// Assertions are pm.test and legacy tests[...] results in the order
	// Newman reports them: as each test completes, except that a test
	// returning a promise keeps the place it had when it was declared;
	// the runner fills Cursor, Item and Index. An asynchronous test (a
	// done callback, a returned promise) that never completed is reported
	// as failed, last, where Newman drops it silently.
	Assertions []event.Assertion
	// Error is set when the script threw, timed out or was cancelled;
	// assertions recorded before are kept. Errors thrown later, in timer
	// or pm.sendRequest callbacks, are reported too (the first one wins),
	// where Newman ignores them.
	Error *event.ScriptError
	// Console holds console.* calls and Postman's deprecation warnings for
	// legacy globals. Each argument is rendered as Newman's CLI shows it:
	// util.inspect with depth 25, at most 100 array items and lines broken
	// at Options.ConsoleWidth−16 columns, strings quoted.
	Console []event.Console
	// ConsoleAt[i] is how many of Assertions had completed, in declaration
	// order, when Console[i] was logged, so that a reporter can show logs
	// and test results in the order they happened, as Newman does.
	ConsoleAt []int
	// Sent lists the pm.sendRequest answers the script received, in the
	// order its callbacks ran, each placed among Console and Assertions,
	// so that the runner can report each request where Newman does: just
	// before its callback's output.
	Sent []Sent
	// NextRequest is set when the script called setNextRequest.
	NextRequest *NextRequest
	// SkipRequest is set when a pre-request script called
	// pm.execution.skipRequest().
	SkipRequest bool
}

// Sent is one pm.sendRequest answer: what Options.Send returned, and
// how many Console entries and Assertions (counted as ConsoleAt counts
// them) came before its callback ran.
type Sent struct {
	Response   *event.Response
	Err        error
	Console    int
	Assertions int
}

// Sandbox is one goja runtime with Postman's sandbox installed, reused for
// every script of a run (or of one parallel worker). It is not safe for
// concurrent use: one goroutine runs all its scripts.
type Sandbox struct {
	opts Options
	rt   *goja.Runtime
	// sugared is set once the Sugar methods are installed (see installSugar).
	sugared bool

	finish, requestChanges goja.Callable
	// ctl is the bootstrap's run control object (see R() there).
	ctl *goja.Object
	// vals are the values the running script set as JavaScript values
	// (see scriptValues); collect stores their final JSON form.
	vals scriptValues
	// listenValues holds the JS strings for the usual listen names.
	listenValues map[string]goja.Value
	// fns holds each script's function: evaluating a script's program
	// only creates the function, the same one every time.
	fns map[*compiled]goja.Callable
	// files maps program file names to the script that ran last with that
	// source, for naming frames in reported stacks.
	files map[string]string

	loop eventLoop
	cur  *runState
	// spareSlots and spareOrder are the last Run's runState.slots and
	// order, emptied, for the next Run to fill: most Runs record a few
	// tests, and growing both anew each time cost allocations a request.
	spareSlots []assertSlot
	spareOrder []int

	// active is the Run in progress, for the context watcher, which runs
	// on a goroutine of its own.
	active atomic.Pointer[runState]
	// watchedDone is the Done channel of the contexts the watcher stops
	// Runs for, and unwatch removes the watcher. A run's scripts come
	// with contexts sharing one Done channel (the runner wraps its context
	// per script), so one watcher serves them all, instead of one
	// registered with the context and removed again per Run.
	watchedDone <-chan struct{}
	unwatch     func() bool

	// respCache holds what was derived from the last response; see
	// responseCache.
	respCache responseCache
	// lazy holds the sources of lazy properties still to build (lazy.go).
	lazy lazyRegistry
	// viaConstructor makes pm.request with the bootstrap's Request
	// constructor, as when Go cannot build it, for tests to compare with.
	viaConstructor bool
	classes        classes
	// jsonParser keeps the JSON fast path's stacks between parses.
	jsonParser jsonParser
	// prims interns recurring strings and numbers (primitives.go).
	prims primitives
	// charsetMemo keeps latin1Charset's last answer.
	charsetMemo charsetMemo
	// inspectHelpers are the JS functions console formatting needs.
	inspectHelpers *goja.Object
	closed         bool
	// setupErr records a library that failed to load in New; scripts then
	// run without it, and the first Run reports why in its console.
	setupErr []string
}

// registries shares a modules.Registry per working directory between
// Sandboxes, so parallel workers compile each library once.
var registries sync.Map

func sharedRegistry(dir string) *modules.Registry {
	if r, ok := registries.Load(dir); ok {
		return r.(*modules.Registry)
	}
	// No OnLegacyGlobal hook: the bootstrap wraps the library globals
	// itself, so that they warn on use as Postman's proxies do.
	r, _ := registries.LoadOrStore(dir, modules.NewRegistry(modules.Options{WorkingDir: dir}))
	return r.(*modules.Registry)
}

// maxCallStack matches what V8 allows a script before a RangeError, in
// order of magnitude; without a limit goja grows the stack until the
// process runs out of memory.
const maxCallStack = 10000

// Prepare compiles the programs every Sandbox runs (the pm.* bootstrap and
// chai) once per process. New does it when needed; a caller that knows
// scripts will run soon calls Prepare on its own goroutine first, so that
// the compiling overlaps loading the collection and sending the first
// request. It is safe to call from any goroutine, any number of times.
func Prepare() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); chai.Program() }()
	go func() { defer wg.Done(); bootstrapProgram() }()
	wg.Wait()
}

// New returns a Sandbox with Postman's sandbox installed: pm, the legacy
// globals, timers, console, chai behind pm.expect, and require() with the
// library globals. Everything is installed once here; Run only swaps the
// per-script state.
func New(opts Options) *Sandbox {
	s := &Sandbox{opts: opts, rt: goja.New()}
	s.jsonParser.prims = &s.prims
	// Taken before any script runs; scripts cannot replace it.
	s.jsonParser.objectProto = s.rt.Get("Object").ToObject(s.rt).Get("prototype").ToObject(s.rt)
	s.rt.SetPromiseRejectionTracker(s.trackRejection)
	s.loop.init()
	rt := s.rt
	rt.SetMaxCallStackSize(maxCallStack)
	installAllocationLimits(rt)
	installJSONIndent(rt)
	installDates(rt, time.Local, localZone())

	reg := opts.Modules
	if reg == nil {
		reg = sharedRegistry(opts.WorkingDir)
	}
	if err := reg.Enable(rt); err != nil {
		s.setupErr = append(s.setupErr, fmt.Sprintf("require() is unavailable: %v", err))
		s.installMissingRequire()
	}
	var chaiModule goja.Value = goja.Undefined()
	if m, err := chai.Install(rt); err != nil {
		s.setupErr = append(s.setupErr, fmt.Sprintf("pm.expect is unavailable: %v", err))
	} else {
		chaiModule = m
	}

	s.installGlobals()
	factory, err := rt.RunProgram(bootstrapProgram())
	if err != nil {
		panic(fmt.Sprintf("sandbox: bootstrap failed: %v", err))
	}
	fn, _ := goja.AssertFunction(factory)
	hostVal, err := fn(goja.Undefined(), s.natives(), chaiModule)
	if err != nil {
		panic(fmt.Sprintf("sandbox: bootstrap failed: %v", err))
	}
	host := hostVal.ToObject(rt)
	s.ctl = host.Get("ctl").ToObject(rt)
	s.listenValues = map[string]goja.Value{"test": rt.ToValue("test"), "prerequest": rt.ToValue("prerequest")}
	s.fns = map[*compiled]goja.Callable{}
	s.files = map[string]string{}
	s.finish = mustFunc(host, "finish")
	s.requestChanges = mustFunc(host, "requestChanges")
	s.classes = loadClasses(rt, host.Get("classes").ToObject(rt))
	if err := modules.Define(rt, "postman-collection", host.Get("sdk")); err != nil {
		s.setupErr = append(s.setupErr, fmt.Sprintf("require('postman-collection') is unavailable: %v", err))
	}
	return s
}

func mustFunc(o *goja.Object, name string) goja.Callable {
	fn, ok := goja.AssertFunction(o.Get(name))
	if !ok {
		panic("sandbox: bootstrap does not define " + name)
	}
	return fn
}

// installMissingRequire gives scripts Node's error when the module
// registry could not be installed.
func (s *Sandbox) installMissingRequire() {
	rt := s.rt
	_ = rt.Set("require", func(call goja.FunctionCall) goja.Value {
		panic(s.newError("Error", fmt.Sprintf("Cannot find module '%s'", call.Argument(0).String())))
	})
}

// Close marks the sandbox as finished: a later Run fails at once instead of
// running on a runtime its owner meant to drop. It is optional, as a
// Sandbox holds no OS resources.
func (s *Sandbox) Close() {
	s.closed = true
	s.loop.reset()
	s.stopWatching()
}

// watch makes the cancellation of ctx stop the Run in progress, st.
func (s *Sandbox) watch(ctx context.Context, st *runState) {
	done := ctx.Done()
	if done == nil {
		return
	}
	if done != s.watchedDone {
		s.stopWatching()
		s.watchedDone = done
		s.unwatch = context.AfterFunc(ctx, func() {
			if st := s.active.Load(); st != nil {
				st.stop(stoppedCancel, s.rt)
			}
		})
		return
	}
	// The watcher has run, or is about to, if the context is done: it
	// stops st unless it ran before st became active.
	if ctx.Err() != nil {
		st.stop(stoppedCancel, s.rt)
	}
}

func (s *Sandbox) stopWatching() {
	if s.unwatch != nil {
		s.unwatch()
		s.unwatch, s.watchedDone = nil, nil
	}
}

// runState is the per-Run state the natives work on.
type runState struct {
	exec   *Execution
	script *Script
	listen string
	scopes *variables.Scopes
	// ownData is set once scopes holds the Run's own copy of the data
	// scope (see Sandbox.writeScope).
	ownData bool
	// mutations are the script's sets and unsets, for toJSON.
	mutations []mutation
	res       Result

	// parent is the Run's context; ctx, derived from it on first use (by
	// pm.sendRequest), ends with the Run.
	parent context.Context
	ctx    context.Context
	cancel context.CancelFunc

	slots []assertSlot
	// unhandled are rejected promises no handler has been added to.
	unhandled []*goja.Promise
	// order lists slot indices in the order Newman reports the tests: a
	// test takes its place when it completes, except that one returning a
	// promise takes it at once (Newman reports it then, as passed, without
	// waiting; colrun fills in the outcome when the promise settles).
	order []int
	// repeats are the later reports of done() tests Newman reports more
	// than once (see nAssertion); order holds -k for repeats[k-1].
	repeats []event.Assertion
	// pendingOps counts pm.sendRequest calls and cookie-jar operations
	// whose callbacks have not run yet.
	pendingOps int
	// response is pm.response once a script read it.
	response goja.Value
	inSync   bool
	skipped  bool
	// timedOut is set once the timeout is the Run's error, which a later
	// stop must not replace (the error's name, Error as Newman gives it,
	// cannot tell it from a script's own error).
	timedOut bool
	// legacyTests is set when the script used the legacy tests object,
	// which the bootstrap's finish turns into assertions.
	legacyTests bool
	// requestTouched is set when the script read pm.request.
	requestTouched bool
	// request is what a pre-request script's pm.request was built from
	// when Go built it, nil when the bootstrap's Request constructor did.
	request *requestParts

	mu       sync.Mutex
	reason   stopReason
	finished bool
	// stopped is closed by stop; it is made when the loop first waits.
	stopped chan struct{}
	// timeout stops the timeout timer, which must not outlive the Run.
	timeout *time.Timer
}

type stopReason int

const (
	notStopped stopReason = iota
	stoppedTimeout
	stoppedCancel
)

type assertSlot struct {
	set     bool
	pending string // "done" or "promise" while an async test runs
	// placed is set once the test has its place in the report (see
	// runState.order).
	placed bool
	a      event.Assertion
}

// stopRequest is the value Interrupt carries; the runState says why.
type stopRequest struct{}

// skipRequested is the value Interrupt carries when the script called
// pm.execution.skipRequest: the script ends there without an error.
type skipRequested struct{}

// stop ends the Run from another goroutine (timeout or cancellation).
func (st *runState) stop(r stopReason, rt *goja.Runtime) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.finished || st.reason != notStopped {
		return
	}
	st.reason = r
	if st.stopped != nil {
		close(st.stopped)
	}
	rt.Interrupt(stopRequest{})
}

// stopChan returns the channel stop closes (closed already once the Run
// has stopped).
func (st *runState) stopChan() <-chan struct{} {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.stopped == nil {
		st.stopped = make(chan struct{})
		if st.reason != notStopped {
			close(st.stopped)
		}
	}
	return st.stopped
}

// context returns the context pm.sendRequest runs with, which ends with
// the Run.
func (st *runState) context() context.Context {
	if st.ctx == nil {
		st.ctx, st.cancel = context.WithCancel(st.parent)
	}
	return st.ctx
}

func (st *runState) stopReason() stopReason {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.reason
}

// Run runs script against exec and returns when the script and everything
// it scheduled (timers, pm.sendRequest callbacks and promises, async
// pm.test functions, done callbacks, cookie-jar callbacks) has finished,
// or when Options.Timeout or ctx ends it.
func (s *Sandbox) Run(ctx context.Context, script *Script, exec *Execution) (res Result) {
	if s.closed {
		return Result{Error: &event.ScriptError{Name: "Error", Message: "sandbox: Run on a closed Sandbox"}}
	}
	if script == nil || script.empty {
		return Result{}
	}
	if exec == nil {
		exec = &Execution{}
	}
	listen := exec.Listen
	if listen == "" {
		listen = exec.Info.EventName
	}
	if se := script.redeclarationError(listen); se != nil {
		return Result{Error: se}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	st := s.start(ctx, script, exec)
	defer func() {
		if p := recover(); p != nil {
			st.res.Error = &event.ScriptError{Name: "Error", Message: fmt.Sprintf("sandbox: internal error: %v", p)}
		}
		s.end(st)
		res = st.res
	}()

	for _, msg := range s.setupErr {
		st.res.Console = append(st.res.Console, event.Console{Level: "error", Messages: []string{"colrun: " + msg}})
		st.res.ConsoleAt = append(st.res.ConsoleAt, 0)
	}
	s.setupErr = nil

	fn, err := s.function(script)
	if err == nil {
		var ret goja.Value
		s.setSync(st, true)
		ret, err = fn(goja.Undefined(), s.paramValues(script)...)
		if err == nil && script.async {
			s.awaitTopLevel(st, ret)
		}
	}
	if err != nil {
		s.fail(st, err)
	}
	s.setSync(st, false)
	// A skipRequest in the synchronous part drops the legacy tests too:
	// postman-sandbox reports them once the code has run, after the
	// execution has ended.
	if st.legacyTests && st.stopReason() == notStopped && !st.skipped {
		if _, err := s.finish(goja.Undefined()); err != nil {
			s.fail(st, err)
		}
	}
	s.runLoop(st)
	s.reportUnhandledRejection(st)
	s.collect(st)
	return
}

// trackRejection keeps the Run's rejected promises that have no handler,
// so that an assertion failing inside async code the script did not await,
// as in `(async () => { pm.expect(v).to.equal(200); })()`, fails the
// script instead of vanishing (Newman stops with that error).
func (s *Sandbox) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	st := s.cur
	if st == nil {
		return
	}
	switch op {
	case goja.PromiseRejectionReject:
		st.unhandled = append(st.unhandled, p)
	case goja.PromiseRejectionHandle:
		for i, q := range st.unhandled {
			if q == p {
				st.unhandled = append(st.unhandled[:i], st.unhandled[i+1:]...)
				break
			}
		}
	}
}

// reportUnhandledRejection makes the first rejection still unhandled once
// the Run has settled the script's error, unless it already has one.
func (s *Sandbox) reportUnhandledRejection(st *runState) {
	if len(st.unhandled) > 0 && st.res.Error == nil && st.stopReason() == notStopped {
		st.res.Error = s.errorFromValue(st.unhandled[0].Result(), nil, st.script)
	}
	st.unhandled = nil
}

// function returns the script's function on this runtime.
func (s *Sandbox) function(script *Script) (goja.Callable, error) {
	if s.files[script.file] != script.Name {
		s.files[script.file] = script.Name
	}
	if fn, ok := s.fns[script.compiled]; ok {
		return fn, nil
	}
	s.installSugar(script.compiled)
	v, err := s.rt.RunProgram(script.program)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, errors.New("sandbox: script did not compile to a function")
	}
	if !script.keep {
		// Not run before: most likely it runs only once, and keeping the
		// function would keep its program.
		return fn, nil
	}
	if len(s.fns) >= maxCachedScripts {
		clear(s.fns)
		clear(s.files)
	}
	s.fns[script.compiled] = fn
	return fn, nil
}

// paramValues returns the values of the globals script takes as
// parameters, read as the script starts, as Newman passes them.
func (s *Sandbox) paramValues(script *Script) []goja.Value {
	if len(script.params) == 0 {
		return nil
	}
	vals := make([]goja.Value, len(script.params))
	global := s.rt.GlobalObject()
	for i, n := range script.params {
		vals[i] = global.Get(n)
	}
	return vals
}

// setSync marks the synchronous part of the script, in which legacy
// globals warn.
func (s *Sandbox) setSync(st *runState, on bool) {
	st.inSync = on
	_ = s.ctl.Set("sync", on)
}

// start prepares the per-Run state and arms the timeout and ctx watchers.
func (s *Sandbox) start(ctx context.Context, script *Script, exec *Execution) *runState {
	st := &runState{exec: exec, script: script, listen: exec.Listen, parent: ctx, slots: s.spareSlots, order: s.spareOrder}
	s.spareSlots, s.spareOrder = nil, nil
	if st.listen == "" {
		st.listen = exec.Info.EventName
	}
	if exec.Scopes == nil {
		exec.Scopes = variables.NewScopes(nil)
	}
	fillScopes(exec.Scopes)
	st.scopes = exec.Scopes
	s.cur = st
	s.loop.reset()
	// The bootstrap begins its run state on first use (R()).
	listen, ok := s.listenValues[st.listen]
	if !ok {
		listen = s.rt.ToValue(st.listen)
	}
	_ = s.ctl.Set("listen", listen)
	_ = s.ctl.Set("fresh", true)
	if s.opts.Timeout > 0 {
		st.timeout = time.AfterFunc(s.opts.Timeout, func() { st.stop(stoppedTimeout, s.rt) })
	}
	s.active.Store(st)
	s.watch(ctx, st)
	return st
}

// end tears the Run down: no watcher may interrupt the runtime after this,
// and late callbacks of this Run are dropped.
func (s *Sandbox) end(st *runState) {
	if st.timeout != nil {
		st.timeout.Stop()
	}
	s.active.Store(nil)
	st.mu.Lock()
	st.finished = true
	st.mu.Unlock()
	if st.cancel != nil {
		st.cancel()
	}
	s.rt.ClearInterrupt()
	s.loop.reset()
	s.cur = nil
	// Only the goja goroutine reaches slots and order, through s.cur,
	// which no longer points at st.
	if cap(st.slots) <= maxSpareSlots && cap(st.order) <= maxSpareSlots {
		clear(st.slots)
		s.spareSlots, s.spareOrder = st.slots[:0], st.order[:0]
	}
	st.slots, st.order = nil, nil
}

// maxSpareSlots bounds the assertion slots kept for the next Run, so that
// one Run with many tests does not hold its slots for the Sandbox's life.
const maxSpareSlots = 64

// fillScopes gives every nil scope an empty one, so that writes have
// somewhere to go.
func fillScopes(sc *variables.Scopes) {
	for _, p := range []**variables.Scope{&sc.Globals, &sc.Collection, &sc.Environment, &sc.Data, &sc.Local} {
		if *p == nil {
			*p = variables.NewScope("", nil)
		}
	}
}

// awaitTopLevel makes an async script's returned promise part of the Run:
// a rejection is the script's error.
func (s *Sandbox) awaitTopLevel(st *runState, ret goja.Value) {
	p, ok := ret.Export().(*goja.Promise)
	if !ok {
		return
	}
	switch p.State() {
	case goja.PromiseStateRejected:
		if st.res.Error == nil {
			st.res.Error = s.errorFromValue(p.Result(), nil, st.script)
		}
	case goja.PromiseStatePending:
		// Not a pending operation: only timers and callbacks can settle
		// it, and those keep the loop alive on their own.
		then, _ := goja.AssertFunction(ret.ToObject(s.rt).Get("then"))
		onFail := s.rt.ToValue(func(call goja.FunctionCall) goja.Value {
			if st.res.Error == nil {
				st.res.Error = s.errorFromValue(call.Argument(0), nil, st.script)
			}
			return goja.Undefined()
		})
		_, _ = then(ret, goja.Undefined(), onFail)
	}
}

// fail records an error of the Run: a stop (timeout, cancellation) or the
// first error a script threw.
func (s *Sandbox) fail(st *runState, err error) {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		s.recordStop(st)
		return
	}
	if st.res.Error == nil {
		st.res.Error = s.scriptError(err, st.script)
	}
}

// recordStop reports a timeout or cancellation as the Run's error, in
// Newman's words for a timeout.
func (s *Sandbox) recordStop(st *runState) {
	phase := "asynchronous"
	if st.inSync {
		phase = "synchronous"
	}
	switch st.stopReason() {
	case stoppedTimeout:
		st.res.Error = &event.ScriptError{Name: "Error", Message: "sandbox: " + phase + " script execution timeout"}
		st.timedOut = true
	case stoppedCancel:
		msg := "sandbox: script execution cancelled"
		if err := context.Cause(st.parent); err != nil {
			msg += ": " + err.Error()
		}
		st.res.Error = &event.ScriptError{Name: "Error", Message: msg}
	}
}

// runLoop runs timers and callbacks until nothing is left to wait for.
func (s *Sandbox) runLoop(st *runState) {
	for {
		if st.stopReason() != notStopped {
			if !st.timedOut {
				s.recordStop(st)
			}
			return
		}
		if st.skipped {
			return
		}
		if fn, ok := s.loop.nextJob(); ok {
			s.call(st, fn)
			continue
		}
		hasTimers := s.loop.hasTimers()
		if hasTimers {
			if t := s.loop.dueTimer(time.Now()); t != nil {
				s.fireTimer(st, t)
				continue
			}
		}
		if st.pendingOps == 0 && !hasTimers && !s.loop.hasJobs() {
			return
		}
		s.loop.wait(st.stopChan())
	}
}

// call runs a job on the loop, reporting what it throws.
func (s *Sandbox) call(st *runState, fn func() error) {
	if err := fn(); err != nil {
		s.fail(st, err)
	}
}

// collect turns the Run's state into its Result.
func (s *Sandbox) collect(st *runState) {
	if st.stopReason() != notStopped || st.skipped {
		// The stop (or skipRequest) has interrupted the runtime already
		// (stop holds the lock while it does); what remains to read back
		// must not be cut.
		s.rt.ClearInterrupt()
	}
	s.vals.settle(s, st)
	if st.listen == "prerequest" && st.exec.Request != nil && st.requestTouched {
		v, err := s.requestChanges(goja.Undefined())
		switch {
		case err != nil:
			if st.res.Error == nil {
				se := s.scriptError(err, nil)
				se.Message = "pm.request cannot be sent as changed: " + se.Message
				st.res.Error = se
			}
		case v != nil && !goja.IsUndefined(v):
			changes := v.Export()
			if m, ok := changes.(map[string]any); ok && m["baseline"] == nil && st.request != nil {
				cur, _ := m["current"].(map[string]any)
				m["baseline"] = st.request.baseline(s, cur)
			}
			applyRequestChanges(st.exec.Request, changes)
		}
	}
	stoppedEarly := st.stopReason() != notStopped
	if len(st.slots) > 0 {
		st.res.Assertions = make([]event.Assertion, 0, len(st.slots))
	}
	// Newman numbers a test by when pm.test was called, which is its
	// slot, not by when it finished: an inner test finishes before the
	// outer one, a done() test after the tests that follow it.
	report := func(i int) {
		sl := &st.slots[i]
		sl.a.Index = i
		if sl.pending != "" && !sl.set {
			if st.skipped {
				// Newman reported a placed promise test as passed at
				// once (see runState.order); the rest it never reports.
				if sl.pending == "promise" && sl.placed {
					st.res.Assertions = append(st.res.Assertions, sl.a)
				}
				return
			}
			msg := "test did not complete: done() was never called"
			if sl.pending == "promise" {
				msg = "test did not complete: its promise never settled"
			}
			if stoppedEarly {
				msg += " before the script stopped"
			}
			sl.a.Error = &event.AssertionError{Name: "Error", Message: msg}
		}
		st.res.Assertions = append(st.res.Assertions, sl.a)
	}
	for _, i := range st.order {
		if i < 0 {
			st.res.Assertions = append(st.res.Assertions, st.repeats[-i-1])
			continue
		}
		report(i)
	}
	// Tests that never completed (Newman drops them) come last, failed.
	for i := range st.slots {
		if sl := &st.slots[i]; !sl.placed && sl.pending != "" {
			report(i)
		}
	}
}

// place gives slot i its place in the report, once.
func (st *runState) place(i int) {
	if sl := st.slot(i); !sl.placed {
		sl.placed = true
		st.order = append(st.order, i)
	}
}

// slot returns the assertion slot for a test index, growing the list.
func (st *runState) slot(i int) *assertSlot {
	if i < 0 {
		i = 0
	}
	if st.slots == nil {
		st.slots = make([]assertSlot, 0, max(4, i+1))
	}
	for len(st.slots) <= i {
		st.slots = append(st.slots, assertSlot{})
	}
	return &st.slots[i]
}

// sortedKeys returns m's keys in order, for deterministic objects built
// from Go maps.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
