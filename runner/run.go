package runner

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// Runner runs one collection with one set of options. Create it with New,
// which checks everything that can be checked before the first request.
type Runner struct {
	coll  *collections.Collection
	opts  Options
	items []*collections.Item // the requests to run, in order
	// itemData holds what the run needs of each of items, at the same
	// position, made once in New: one slice rather than maps keyed by
	// item, which for 2,000 requests held twice the memory for the whole
	// run.
	itemData   []itemData
	transports *transports
	scripts    *scriptSet

	jars    jarList
	mu      sync.Mutex // serialises emit
	handler event.Handler
	refs    int
	// sleep replaces the --delay-request wait in tests, which count the
	// waits instead of timing them; nil waits.
	sleep func(context.Context, time.Duration) error
}

// Result is what a finished run leaves behind: the variable scopes in
// their final state, for --export-environment and --export-globals.
type Result struct {
	Globals     *variables.Scope
	Environment *variables.Scope
	Collection  *variables.Scope
	// Cookies is the cookie jar at the end, for --export-cookie-jar.
	Cookies []StoredCookie
	// Stopped is set when the run ended early (an error, --bail, a
	// timeout); reports and exports are still written.
	Stopped error
}

// UsageError is a problem with the run's inputs found before the first
// request, such as an unknown --folder. The CLI exits 2.
type UsageError struct{ Err error }

// Error is the underlying problem's message.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap gives errors.Is and errors.As the underlying error.
func (e *UsageError) Unwrap() error { return e.Err }

// New prepares a run: it selects the requests (--folder) and starts
// preparing the script sandbox. An auth type no handler knows is not an
// error here: as in Newman, its requests warn and go out without auth.
func New(coll *collections.Collection, opts Options) (*Runner, error) {
	r := &Runner{coll: coll, opts: opts}
	items, err := selectItems(coll, opts.Folders)
	if err != nil {
		return nil, &UsageError{Err: err}
	}
	r.items = items
	if !opts.NoScripts {
		r.scripts = newScriptSet(coll)
	}
	r.makeItemData()
	if r.transports, err = newTransports(&r.opts); err != nil {
		return nil, err
	}
	return r, nil
}

// selectItems returns the requests to run: all of them, or those under the
// --folder names or ids, in collection order as Newman runs them.
func selectItems(coll *collections.Collection, folders []string) ([]*collections.Item, error) {
	if len(folders) == 0 {
		return coll.Requests(), nil
	}
	if len(folders) == 1 {
		// Newman looks a lone --folder up by postman-runtime's idOrName
		// strategy, which prefers an item's own children to anything
		// deeper: "--folder B" runs a top-level B before A/B, where
		// several --folder flags take the first match depth first.
		it := findItem(coll.Items, folders[0])
		if it == nil {
			return nil, fmt.Errorf("--folder %q: no folder or request with that name or id in %s", folders[0], coll.Source)
		}
		if !it.Folder {
			return []*collections.Item{it}, nil
		}
		return (&collections.Collection{Items: it.Items}).Requests(), nil
	}
	want := map[string]bool{}
	for _, f := range folders {
		want[f] = true
	}
	var out []*collections.Item
	var walk func(items []*collections.Item, collecting bool)
	walk = func(items []*collections.Item, collecting bool) {
		for _, it := range items {
			matched := false
			if want[it.ID] && it.ID != "" {
				matched = true
				delete(want, it.ID)
			} else if want[it.Name] {
				matched = true
				delete(want, it.Name)
			}
			take := collecting || matched
			if !it.Folder {
				if take {
					out = append(out, it)
				}
				continue
			}
			walk(it.Items, take)
		}
	}
	walk(coll.Items, false)
	if len(want) > 0 {
		for _, f := range folders {
			if want[f] {
				return nil, fmt.Errorf("--folder %q: no folder or request with that name or id in %s", f, coll.Source)
			}
		}
	}
	return out, nil
}

// findItem is postman-runtime's findItemOrGroup: the first of items whose
// id or name is match, else the first match found under each of them in
// turn.
func findItem(items []*collections.Item, match string) *collections.Item {
	for _, it := range items {
		if (it.ID != "" && it.ID == match) || it.Name == match {
			return it
		}
	}
	for _, it := range items {
		if it.Folder {
			if found := findItem(it.Items, match); found != nil {
				return found
			}
		}
	}
	return nil
}

// Run runs every iteration and emits the events to h. It returns an error
// only for failures outside any request (the data file breaking mid-run);
// the run's own failures are in the events.
func (r *Runner) Run(ctx context.Context, h event.Handler) (*Result, error) {
	defer r.transports.close()
	if r.opts.Data != nil {
		defer r.opts.Data.Close()
	}
	if r.opts.Timeout > 0 {
		// The cause is what a script stopped by the deadline reports
		// (the sandbox words its error with it).
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, r.opts.Timeout, timeoutError(r.opts.Timeout))
		defer cancel()
	}
	r.handler = h
	scopes := r.initialScopes()
	res := &Result{Globals: scopes.Globals, Environment: scopes.Environment, Collection: scopes.Collection}

	iterations, err := r.iterationCount()
	if err != nil {
		return res, err
	}
	r.emit(event.Event{RunStart: &event.RunStart{
		Collection: event.CollectionInfo{ID: r.coll.Info.ID, Name: r.coll.Info.Name, Description: r.coll.Info.Description,
			DescriptionValue: r.coll.Info.DescriptionValue},
		Environment: fileName(r.opts.Environment),
		Globals:     fileName(r.opts.Globals),
		Iterations:  iterations,
		Requests:    len(r.items),
		Started:     time.Now(),
	}})

	stop := r.runIterations(ctx, scopes, iterations)
	res.Cookies = r.finalCookies()
	end := &event.RunEnd{Completed: time.Now()}
	if stop != nil {
		res.Stopped = stop
		var b *bailError
		if errors.As(stop, &b) {
			end.Bailed = true
		} else {
			end.Error = stop.Error()
		}
	}
	r.emit(event.Event{RunEnd: end})
	if stop != nil {
		var ie *collections.InputError
		if errors.As(stop, &ie) {
			return res, stop
		}
	}
	return res, nil
}

// environmentName is pm.environment.name, and pm.globals.name for the
// globals file: the file's name, empty (so undefined) for a file without one, as in Newman, which reports show by
// its path instead.
func environmentName(f *collections.VariableFile) string {
	if f == nil {
		return ""
	}
	return f.Name
}

// fileName names a variable file in reports: its name, or its path.
func fileName(f *collections.VariableFile) string {
	if f == nil {
		return ""
	}
	if f.Name != "" {
		return f.Name
	}
	return f.Source
}

// iterationCount is -n, or the number of data rows, or 1 (0 with nothing
// to send). A data file is read through even with -n, so that a bad row
// or a file cut short stops the run before its first request, as Newman
// (which parses the whole file) refuses it, instead of after the rows
// before it ran.
func (r *Runner) iterationCount() (int, error) {
	n := 0
	if r.opts.Data != nil {
		var err error
		if n, err = r.opts.Data.Count(); err != nil {
			return 0, err
		}
	}
	switch {
	case len(r.items) == 0:
		// Nothing to send (an empty collection, or a --folder holding
		// no request): no iteration, as postman-runtime starts none, so
		// reports do not count iterations that did nothing.
		return 0, nil
	case r.opts.Iterations > 0:
		return r.opts.Iterations, nil
	case n > 0:
		return n, nil
	default:
		return 1, nil
	}
}

// initialScopes builds globals, environment and collection variables from
// the files, then applies --global-var and --env-var on top.
func (r *Runner) initialScopes() *variables.Scopes {
	s := variables.NewScopes(variables.NewGenerator(r.opts.Seed, r.opts.Seeded))
	if g := r.opts.Globals; g != nil {
		s.Globals = variables.NewScope("globals", g.Values)
	}
	for _, v := range r.opts.GlobalVars {
		s.Globals.Set(v.Key, v.Value)
	}
	if e := r.opts.Environment; e != nil {
		s.Environment = variables.NewScope("environment", e.Values)
	}
	for _, v := range r.opts.EnvVars {
		s.Environment.Set(v.Key, v.Value)
	}
	s.Collection = variables.NewScope("collection", r.coll.Variables)
	return s
}

// emit sends one event to the handler; a handler error (a report that
// cannot be written) is reported once as a warning on stderr by the CLI,
// so it is ignored here.
func (r *Runner) emit(e event.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.handler != nil {
		_ = r.handler.Handle(e)
	}
}

func (r *Runner) nextRef() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refs++
	return "x" + strconv.Itoa(r.refs)
}

// bailError stops the run after the first failure under --bail.
type bailError struct{ what string }

func (e *bailError) Error() string { return "stopped by --bail after " + e.what }

// worker runs requests one at a time. It owns a cookie jar, a local
// variable scope and a JavaScript runtime; with --parallel each worker has
// its own.
type worker struct {
	r      *Runner
	scopes *variables.Scopes
	jar    http.CookieJar
	js     scriptWorker
	// buf collects the current iteration's events when iterations run in
	// parallel, so that each iteration's output stays together; nil means
	// events go straight to the handler.
	buf    []event.Event
	buffer bool
	tab    tableauState
	// cookies keeps the attributes of the jar's cookies for pm.cookies.
	cookies cookieBook
	// current is the item being run, so that resolution anywhere in it
	// (scripts' sendRequest included) records unresolved names.
	current *itemState
	// ahead compiles the next items' scripts in a sequential run; nil
	// under --parallel, where the other cores are busy with workers.
	ahead *compileAhead
}

func (r *Runner) newWorker(scopes *variables.Scopes) *worker {
	w := &worker{r: r, scopes: scopes}
	w.jar = r.newJar(&w.cookies)
	if r.scripts != nil {
		w.js = r.scripts.newWorker(w)
	}
	return w
}

// emit sends an event to the run's handler, or buffers it for its
// iteration under --parallel.
func (w *worker) emit(e event.Event) {
	if w.buffer {
		w.buf = append(w.buf, e)
		return
	}
	w.r.emit(e)
}

func (w *worker) close() {
	if w.js != nil {
		w.js.close()
	}
}

// runIteration runs the selected requests once, honouring setNextRequest
// as postman-runtime does: a known name or id jumps there, null or an
// unknown name ends the iteration.
func (w *worker) runIteration(ctx context.Context, iteration, count int) error {
	items := w.r.items
	if err := w.tableauStart(ctx); err != nil {
		return err
	}
	for pos := 0; pos < len(items); {
		if ctx.Err() != nil {
			return runContextError(ctx, w.r.opts.Timeout)
		}
		if err := w.delay(ctx); err != nil {
			return err
		}
		cursor := event.Cursor{Iteration: iteration, Position: pos, Length: len(items), Ref: w.r.nextRef()}
		out := w.runItem(ctx, items[pos], cursor, count)
		if out.stop != nil {
			return out.stop
		}
		if out.next != nil {
			if out.next.End {
				return nil
			}
			idx, ok := w.r.lookupItem(out.next.Target)
			if !ok {
				return nil
			}
			pos = idx
		} else {
			pos++
		}
	}
	return nil
}

// delay waits --delay-request before an item, as postman-runtime waits
// before every item it runs, the first of each iteration too (Newman
// 6.2.2: -n 3 --delay-request 1000 on one request waits three seconds);
// the end of the run cuts it short.
func (w *worker) delay(ctx context.Context) error {
	d := w.r.opts.DelayRequest
	if d <= 0 {
		return nil
	}
	if w.r.sleep != nil {
		return w.r.sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return runContextError(ctx, w.r.opts.Timeout)
	}
}

// runContextError says why ctx, the run's context, ended the run: the
// --timeout deadline, or the cause it was cancelled with (the CLI names
// the signal), rather than Go's "context canceled".
func runContextError(ctx context.Context, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && timeout > 0 {
		return timeoutError(timeout)
	}
	cause := context.Cause(ctx)
	if cause == nil {
		cause = ctx.Err()
	}
	return fmt.Errorf("run interrupted: %w", cause)
}

func timeoutError(timeout time.Duration) error { return runTimeout{timeout} }

// runTimeout is the --timeout deadline's cause. It is a
// context.DeadlineExceeded, as the HTTP client returns the cause in place
// of ctx.Err() and the request's error is worded from that.
type runTimeout struct{ d time.Duration }

func (t runTimeout) Error() string { return fmt.Sprintf("the run took longer than --timeout %s", t.d) }

func (t runTimeout) Is(target error) bool { return target == context.DeadlineExceeded }

// lookupItem finds a request for setNextRequest: by id first, then by
// name; with duplicates the last one wins, as in postman-runtime. A
// request without a name is never a target: postman-runtime leaves empty
// names out of its lookup, so an empty name ends the iteration.
func (r *Runner) lookupItem(target string) (int, bool) {
	byID, byName := -1, -1
	for i, it := range r.items {
		if it.ID != "" && it.ID == target {
			byID = i
		}
		if it.Name != "" && it.Name == target {
			byName = i
		}
	}
	if byID >= 0 {
		return byID, true
	}
	return byName, byName >= 0
}

// nextRequest is a setNextRequest call: End for null, else a name or id.
type nextRequest struct {
	End    bool
	Target string
}

// itemOutcome tells runIteration where to go after an item.
type itemOutcome struct {
	next *nextRequest
	stop error
}

// itemData is what a run keeps of one of its request items.
type itemData struct {
	// ref is the item's reference in events, which share its slices;
	// nothing writes to them.
	ref event.ItemRef
	// scripts are the item's pre-request and test scripts in run order
	// (see collectScripts); none when the run has no scripts.
	scripts [2][]scriptLevel
	// location is pm.execution.location, with scripts only.
	location []string
}

// makeItemData fills r.itemData. A folder or request without an id gets
// one for the run, as Newman generates one on loading: scripts see a
// request's as pm.info.requestId, the JSON and JUnit reports list them,
// and reports name an item that has no name by it (a folder's items all
// share it).
func (r *Runner) makeItemData() {
	r.itemData = make([]itemData, len(r.items))
	var folderIDs map[*collections.Item]string // generated ones
	folderID := func(f *collections.Item) string {
		if f.ID != "" {
			return f.ID
		}
		id, ok := folderIDs[f]
		if !ok {
			if folderIDs == nil {
				folderIDs = map[*collections.Item]string{}
			}
			id = uuid.NewString()
			folderIDs[f] = id
		}
		return id
	}
	scripted := r.scripts != nil
	for i, it := range r.items {
		d := &r.itemData[i]
		d.ref = event.ItemRef{ID: it.ID, Name: it.Name}
		if d.ref.ID == "" {
			d.ref.ID = uuid.NewString()
		}
		n := 0
		for p := it.Parent; p != nil; p = p.Parent {
			n++
		}
		if n > 0 {
			d.ref.Folders, d.ref.FolderIDs = make([]string, n), make([]string, n)
			for p := it.Parent; p != nil; p = p.Parent {
				n--
				d.ref.Folders[n], d.ref.FolderIDs[n] = p.Name, folderID(p)
			}
		}
		if scripted {
			d.scripts = [2][]scriptLevel{r.collectScripts("prerequest", it), r.collectScripts("test", it)}
			d.location = r.location(it)
		}
	}
}

// runItem runs one request item: pre-request scripts, build, send, test
// scripts, in Postman's order.
func (w *worker) runItem(ctx context.Context, it *collections.Item, cursor event.Cursor, count int) itemOutcome {
	r := w.r
	w.ahead.advance(int64(cursor.Iteration)*int64(len(r.items)) + int64(cursor.Position))
	data := &r.itemData[cursor.Position]
	ref := data.ref
	w.emit(event.Event{ItemStart: &event.ItemStart{Cursor: cursor, Item: ref}})
	// Pre-request scripts may change the request for this execution only;
	// without them the loaded request is only read.
	req := it.Request
	if len(data.scripts[0]) > 0 && w.js != nil {
		req = req.Clone()
	}
	st := &itemState{cursor: cursor, item: ref, data: data, iterations: count}
	w.current = st
	defer func() { w.current = nil }()
	var out itemOutcome

	if w.runScripts(ctx, "prerequest", it, req, nil, st) {
		out.stop = &bailError{what: "a failure in the pre-request scripts of " + strconv.Quote(it.Path())}
		// Its tests never run: Newman counts none for it.
		w.emit(event.Event{ItemEnd: &event.ItemEnd{Cursor: cursor, Item: ref, Skipped: true}})
		return out
	}
	if ctx.Err() != nil {
		// The run ended (--timeout, a signal) while the scripts ran: the
		// request is not sent, so that the run stops here.
		out.stop = runContextError(ctx, r.opts.Timeout)
		w.emit(event.Event{ItemEnd: &event.ItemEnd{Cursor: cursor, Item: ref}})
		return out
	}
	if st.skip {
		out.next = st.next
		w.emit(event.Event{ItemEnd: &event.ItemEnd{Cursor: cursor, Item: ref, Skipped: true}})
		return out
	}

	ex, sent, reqErr := w.exchange(ctx, it, req)
	evReq := &event.Request{Cursor: cursor, Item: ref, Sent: sent, Unresolved: st.unresolved}
	if reqErr != nil && ex == nil {
		setRequestError(evReq, reqErr)
	}
	if ex != nil {
		evReq.Resp = r.keptResponse(ex.resp)
		evReq.Redirs = ex.redirects
		// Exchanges an auth answered and replayed (a digest challenge)
		// are requests of the item too, as Newman reports them.
		for _, p := range ex.prior {
			w.emit(event.Event{Request: &event.Request{Cursor: cursor, Item: ref, Sent: p.sent, Resp: r.keptResponse(p.resp), Redirs: p.redirects, Unresolved: st.unresolved}})
		}
		for _, msg := range ex.warnings {
			w.emit(event.Event{Warning: &event.Warning{Cursor: &st.cursor, Item: &st.item, Message: msg}})
		}
	}
	w.emit(event.Event{Request: evReq})
	if reqErr != nil && isTableauStop(reqErr) {
		out.stop = reqErr
		w.emit(event.Event{ItemEnd: &event.ItemEnd{Cursor: cursor, Item: ref}})
		return out
	}
	if r.opts.Verbose {
		for _, name := range st.unresolved {
			w.emit(event.Event{Warning: &event.Warning{Cursor: &st.cursor, Item: &st.item, Message: fmt.Sprintf("unresolved variable {{%s}} was sent as is", name)}})
		}
	}
	if ctx.Err() != nil {
		// The run ended while the request was out: its test scripts
		// would only be stopped as they start, each a failure of its own
		// that says nothing about the response.
		out.stop = runContextError(ctx, r.opts.Timeout)
		w.emit(event.Event{ItemEnd: &event.ItemEnd{Cursor: cursor, Item: ref}})
		return out
	}
	if reqErr != nil && (r.opts.Bail || r.opts.BailOnError) {
		out.stop = &bailError{what: "the request error of " + strconv.Quote(it.Path())}
		// Its tests never run: Newman counts no test phase for it.
		w.emit(event.Event{ItemEnd: &event.ItemEnd{Cursor: cursor, Item: ref, Skipped: true}})
		return out
	}

	var resp *event.Response
	if ex == nil && st.failed != nil {
		req = st.failed
	}
	if ex != nil {
		resp = ex.resp
		st.cookies = w.scriptCookies(ex, ex.usedJar)
		if ex.request != nil {
			req = ex.request
		}
	}
	if w.runScripts(ctx, "test", it, req, resp, st) {
		out.stop = &bailError{what: "a failure in the test scripts of " + strconv.Quote(it.Path())}
	}
	out.next = st.next
	w.emit(event.Event{ItemEnd: &event.ItemEnd{Cursor: cursor, Item: ref, NextRequest: st.testNext}})
	return out
}

// keptResponse returns the response as events keep it: the body cut to
// the configured size, flagged when cut.
func (r *Runner) keptResponse(resp *event.Response) *event.Response {
	limit := r.opts.MaxKeptBody
	if limit <= 0 {
		limit = DefaultMaxKeptBody
	}
	if int64(len(resp.Body)) <= limit {
		return resp
	}
	kept := *resp
	kept.Body = resp.Body[:limit]
	kept.Truncated = true
	return &kept
}

// exchange builds and sends the request; the SentRequest is filled even
// when building fails, so reports show what was attempted. With Tableau
// sign-in on, an expired session is renewed and the request sent again.
func (w *worker) exchange(ctx context.Context, it *collections.Item, req *collections.Request) (*exchange, event.SentRequest, error) {
	ex, sent, o, signin, err := w.sendOnce(ctx, it, req)
	if err != nil {
		return nil, sent, err
	}
	expired, err := w.tableauAfter(signin, o, ex)
	if err != nil {
		return ex, sent, err
	}
	if !expired {
		return ex, sent, nil
	}
	if err := w.tableauSignIn(ctx, w.renewReason()); err != nil {
		return ex, sent, err
	}
	ex, sent, o, signin, err = w.sendOnce(ctx, it, req)
	if err != nil {
		return nil, sent, err
	}
	if _, err := w.tableauAfter(signin, o, ex); err != nil {
		return ex, sent, err
	}
	return ex, sent, nil
}

func (w *worker) sendOnce(ctx context.Context, it *collections.Item, req *collections.Request) (*exchange, event.SentRequest, *outgoing, bool, error) {
	r := w.r
	res := variables.NewResolver(w.scopes)
	// What a request that could not be built shows: its URL resolved as
	// far as it goes. Only the failures need it, and build resolves the
	// URL first, so resolving it again after adds no unresolved name.
	attempted := func() event.SentRequest {
		shown := res.MustReplace(req.URL.String())
		return event.SentRequest{Method: req.Method, URL: shown, PostmanURL: shown}
	}
	o, err := r.build(it, req, res)
	if err != nil {
		var sent event.SentRequest
		if o != nil {
			// Whole but unsendable: reported as a send that failed.
			sent = r.failedSent(o)
			w.keepFailed(it, func() *collections.Request { return unsentRequest(req, o, sent.Headers) })
		} else {
			sent = attempted()
			w.keepFailed(it, func() *collections.Request { return attemptedRequest(req, sent.URL, res) })
		}
		w.noteUnresolved(res)
		if r.opts.Tableau != nil && signsIn(req) {
			err = &tableauError{err: &signinSendError{err: err}}
		}
		return nil, sent, nil, false, err
	}
	w.noteUnresolved(res)
	signin, err := w.tableauPrepare(o)
	if err != nil {
		sent := attempted()
		w.keepFailed(it, func() *collections.Request { return attemptedRequest(req, sent.URL, res) })
		return nil, sent, o, signin, err
	}
	for _, msg := range o.Warnings {
		st := w.current
		w.emit(event.Event{Warning: &event.Warning{Cursor: &st.cursor, Item: &st.item, Message: msg}})
	}
	ex, err := r.send(ctx, w.jar, o, r.sendOptionsFor(o))
	if err != nil {
		if signin {
			// No session means every later request would fail too, as
			// after a refused sign-in.
			err = &tableauError{err: &signinSendError{err: err}}
		}
		// A failed send reports the request as built, before the jar
		// added its Cookie; send leaves o as it was built otherwise.
		built := *o
		built.jarCookie = ""
		sent := r.failedSent(&built)
		w.keepFailed(it, func() *collections.Request { return unsentRequest(req, &built, sent.Headers) })
		return nil, sent, o, signin, err
	}
	// send replaces o with the request it replayed last (a signed
	// digest retry), which is the one reported and shown to scripts.
	sent := r.sentRequest(o)
	if w.js != nil && w.current != nil && len(w.current.data.scripts[1]) > 0 {
		ex.request = resolvedRequest(req, o, sent.Headers)
	}
	return ex, sent, o, signin, nil
}

// keepFailed keeps, for the item's test scripts, the request whose send
// failed as far as it was resolved: Newman hands them the request as it
// tried to send it (variables, auth and its own headers in), not the
// collection's template. Made only when the item has test scripts.
func (w *worker) keepFailed(it *collections.Item, request func() *collections.Request) {
	if w.js != nil && w.current != nil && len(w.current.data.scripts[1]) > 0 {
		w.current.failed = request()
	}
}

// attemptedRequest is what test scripts see of a request that could not
// be built: its URL and headers resolved as far as they go.
func attemptedRequest(req *collections.Request, url string, res *variables.Resolver) *collections.Request {
	shown := req.Clone()
	shown.URL = collections.ParseURL(url)
	if shown.URL.Protocol == "" && url != "" {
		// Newman got as far as sending it, which defaults the protocol;
		// an empty URL it refuses before, and shows as empty.
		shown.URL.Protocol = "http"
	}
	for i := range shown.Headers {
		shown.Headers[i].Key = res.MustReplace(shown.Headers[i].Key)
		shown.Headers[i].Value = res.MustReplace(shown.Headers[i].Value)
	}
	return shown
}

// failedSent is what the reports list of o, a request that got no
// response: the headers less those postman-request adds while sending
// (the transport's Content-Length, the URL's credentials), which Newman
// lists only with a response, whether or not the request went out (the
// request's own Content-Length, or a disabled one, stays), and the
// request's own auth block, not an inherited one.
func (r *Runner) failedSent(o *outgoing) event.SentRequest {
	sent := r.sentRequest(o)
	sent.Auth = o.ownAuth
	sent.Headers = slices.DeleteFunc(slices.Clone(sent.Headers), func(h event.Header) bool {
		return h.System && strings.EqualFold(h.Key, "Content-Length") ||
			o.urlAuth && !h.Disabled && strings.EqualFold(h.Key, "Authorization")
	})
	return sent
}

// unsentRequest is what test scripts see of a request built but not
// sent, from its headers as failedSent lists them: as resolvedRequest,
// less an auth inherited from a parent, which Newman only adds on
// sending.
func unsentRequest(req *collections.Request, built *outgoing, headers []event.Header) *collections.Request {
	shown := resolvedRequest(req, built, headers)
	if req.Auth == nil || req.Auth.Type == "inherit" {
		shown.Auth = nil
	}
	return shown
}

// noteUnresolved adds the names res could not resolve to the current item.
func (w *worker) noteUnresolved(res *variables.Resolver) {
	if w.current != nil {
		w.current.addUnresolved(res.Unresolved)
	}
}
