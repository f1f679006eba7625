package runner

import (
	"context"
	"errors"
	"fmt"
	"github.com/colrun/colrun/auth"
	"strings"
	"sync"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/sandbox"
	"github.com/colrun/colrun/runner/variables"
)

// gojaWorker runs scripts on one goja runtime owned by one worker. The
// runtime is made on the first script, so runs without scripts never pay
// for it.
type gojaWorker struct {
	w  *worker
	sb *sandbox.Sandbox
}

func (s *scriptSet) newWorker(w *worker) scriptWorker {
	if !s.any {
		return nil
	}
	return &gojaWorker{w: w}
}

func (g *gojaWorker) close() {
	if g.sb != nil {
		g.sb.Close()
	}
}

func (g *gojaWorker) sandbox() *sandbox.Sandbox {
	if g.sb == nil {
		g.sb = sandbox.New(sandbox.Options{
			Timeout: g.w.r.opts.ScriptTimeout,
			Send:    g.w.scriptRequest,
			Jar:     g.w.jar,
			// The jar's own reading of a Set-Cookie line, for
			// pm.cookies.jar().set.
			ParseSetCookie: parseSetCookie,
			WorkingDir:     g.w.r.opts.WorkingDir,
			ConsoleWidth:   g.w.r.opts.ConsoleWidth,
		})
	}
	return g.sb
}

func (g *gojaWorker) run(ctx context.Context, sl scriptLevel, exec *scriptExec) scriptResult {
	st := exec.state
	compile := sandbox.Compile
	if st.iterations > 1 {
		// Without a compile-ahead goroutine (--parallel), the first
		// compilation is kept here.
		compile = sandbox.CompileKept
	}
	script, err := compile(sl.scriptName(exec.listen), sl.event.Script.Exec)
	if err != nil {
		// A syntax error fails the script each time it would run, as in
		// Newman.
		var se *event.ScriptError
		if !errors.As(err, &se) {
			se = &event.ScriptError{Name: "SyntaxError", Message: err.Error()}
		}
		return scriptResult{err: se}
	}
	sends := &scriptSends{listen: exec.listen}
	res := g.sandbox().Run(context.WithValue(ctx, scriptSendsKey{}, sends), script, &sandbox.Execution{
		Listen:          exec.listen,
		Scopes:          g.w.scopes,
		Request:         exec.request,
		Response:        exec.response,
		Cookies:         st.cookies,
		EnvironmentName: environmentName(g.w.r.opts.Environment),
		GlobalsName:     environmentName(g.w.r.opts.Globals),
		Info: sandbox.Info{
			EventName:      exec.listen,
			Iteration:      st.cursor.Iteration,
			IterationCount: st.iterations,
			RequestName:    exec.item.Name,
			RequestID:      st.data.ref.ID,
			Location:       st.data.location,
			Current:        exec.current,
		},
	})
	out := scriptResult{assertions: res.Assertions, err: res.Error, console: res.Console, consoleAt: res.ConsoleAt, skip: res.SkipRequest,
		requests: sends.place(res.Sent, len(res.Console), len(res.Assertions))}
	if n := res.NextRequest; n != nil {
		out.next = &nextRequest{End: n.Stop, Target: n.Name}
	}
	return out
}

// scriptSendsKey carries a script's *scriptSends in the context its
// pm.sendRequest calls get, since they run on goroutines of their own.
type scriptSendsKey struct{}

// scriptSends collects the requests one script's pm.sendRequest calls
// made, for the run's events.
type scriptSends struct {
	listen string
	mu     sync.Mutex
	made   []scriptSend
}

// scriptSend is one request a script sent, with what Options.Send handed
// back to the sandbox, by which the sandbox's Result.Sent finds it again.
type scriptSend struct {
	ev   *event.Request
	resp *event.Response
	err  *scriptSendError
	// prior are the exchanges an auth answered and replayed (a digest
	// challenge), reported before ev: Newman prints and counts each.
	prior []*event.Request
}

// placedRequest is a pm.sendRequest's Request event and its place among
// the script's console output and assertions (see sandbox.Sent).
type placedRequest struct {
	request             *event.Request
	console, assertions int
}

// place orders the requests as the script received their answers. One
// whose answer came after the script ended (it timed out) goes last.
func (s *scriptSends) place(sent []sandbox.Sent, console, assertions int) []placedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.made) == 0 {
		return nil
	}
	out := make([]placedRequest, 0, len(s.made))
	used := make([]bool, len(s.made))
	for _, m := range sent {
		var se *scriptSendError
		errors.As(m.Err, &se)
		for i, x := range s.made {
			if !used[i] && ((se != nil && x.err == se) || (se == nil && m.Response != nil && x.resp == m.Response)) {
				used[i] = true
				for _, p := range append(x.prior, x.ev) {
					out = append(out, placedRequest{request: p, console: m.Console, assertions: m.Assertions})
				}
				break
			}
		}
	}
	for i, x := range s.made {
		if !used[i] {
			for _, p := range append(x.prior, x.ev) {
				out = append(out, placedRequest{request: p, console: console, assertions: assertions})
			}
		}
	}
	return out
}

// scriptSendError is the error a script's callback gets; being a pointer
// of its own, it tells apart two requests that failed the same way. Its
// message and code are the underlying error's.
type scriptSendError struct{ err error }

func (e *scriptSendError) Error() string { return e.err.Error() }
func (e *scriptSendError) Unwrap() error { return e.err }

// scriptRequest sends a pm.sendRequest request as Newman 6.2.2 does:
// {{variables}} are not replaced (Newman sends them as written, so a host
// such as {{server}} fails to resolve), no collection auth is inherited,
// and it goes through the run's transport, cookie jar and Tableau
// session. The request is recorded for the run's events: Newman counts it
// among the run's requests, and one that gets no response fails the run.
func (w *worker) scriptRequest(ctx context.Context, req *collections.Request) (*event.Response, error) {
	sends, _ := ctx.Value(scriptSendsKey{}).(*scriptSends)
	ev := &event.Request{}
	resp, prior, err := w.sendScriptRequest(ctx, req, ev)
	if err != nil {
		se := &scriptSendError{err: err}
		if resp == nil {
			setRequestError(ev, err)
		}
		err = se
		if sends != nil {
			sends.add(scriptSend{ev: ev, resp: resp, err: se, prior: prior})
		}
		return resp, err
	}
	if sends != nil {
		sends.add(scriptSend{ev: ev, resp: resp, prior: prior})
	}
	return resp, nil
}

func (s *scriptSends) add(x scriptSend) {
	for _, p := range x.prior {
		p.Script = s.listen
	}
	x.ev.Script = s.listen
	s.mu.Lock()
	s.made = append(s.made, x)
	s.mu.Unlock()
}

// sendScriptRequest builds and sends req, filling ev with what was sent
// and what came back; prior are the requests an auth replayed.
func (w *worker) sendScriptRequest(ctx context.Context, req *collections.Request, ev *event.Request) (resp *event.Response, prior []*event.Request, err error) {
	raw, method := req.URL.String(), strings.ToUpper(req.Method)
	if method == "" {
		method = "GET"
	}
	ev.Sent = event.SentRequest{Method: method, URL: raw, PostmanURL: raw}
	if host := strings.Join(collections.ParseURL(raw).Host, "."); strings.Contains(host, "{{") {
		// What Newman's lookup of the literal host answers; the detail
		// says why, since the same URL works as a collection request.
		return nil, nil, netErr(event.NodeError{Errno: errnoENOTFOUND, Code: "ENOTFOUND", Syscall: "getaddrinfo", Hostname: host}, "getaddrinfo ENOTFOUND "+host,
			"pm.sendRequest does not replace {{variables}}, as in Newman: build the URL in the script, e.g. with pm.variables.replaceIn(%q)", raw)
	}
	// attempt builds and sends the request; stale is a token that must
	// not go out again (the ended session's, which the script may have
	// set itself from a variable), so that colrun's new one does.
	attempt := func(stale string) (*exchange, *outgoing, bool, error) {
		// An empty resolver: nothing is replaced, every name stays as written.
		o, err := w.r.build(nil, req, variables.NewResolver(variables.NewScopes(nil)))
		if err != nil {
			return nil, nil, false, err
		}
		o.scriptSend = true
		if v, ok := o.header(auth.AuthHeader); ok && v != "" && (v == stale || w.staleToken(v)) {
			o.removeHeader(auth.AuthHeader)
		}
		signin, err := w.tableauPrepare(o)
		if err != nil {
			return nil, nil, false, err
		}
		ev.Sent = w.r.sentRequest(o)
		ex, err := w.r.send(ctx, w.jar, o, w.r.sendOptionsFor(o))
		return ex, o, signin, err
	}
	ex, o, signin, err := attempt("")
	if err != nil {
		return nil, nil, err
	}
	expired, err := w.tableauAfter(signin, o, ex)
	if err == nil && expired {
		// As for the run's own requests: sign in again and send once
		// more; the 401002 is not reported, the retry's answer is.
		used, _ := o.header(auth.AuthHeader)
		if err = w.renewForScriptSend(ctx, used); err == nil {
			if ex, o, signin, err = attempt(used); err != nil {
				return nil, nil, err
			}
			_, err = w.tableauAfter(signin, o, ex)
		}
	}
	ev.Sent = w.r.sentRequest(o)
	ev.Resp = w.r.keptResponse(ex.resp)
	ev.Redirs = ex.redirects
	for _, p := range ex.prior {
		prior = append(prior, &event.Request{Sent: p.sent, Resp: w.r.keptResponse(p.resp), Redirs: p.redirects})
	}
	if err != nil {
		return ex.resp, prior, fmt.Errorf("%v", err)
	}
	return ex.resp, prior, nil
}
