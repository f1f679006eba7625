package runner

import (
	"context"
	"errors"
	"fmt"

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
			Timeout:      g.w.r.opts.ScriptTimeout,
			Send:         g.w.scriptRequest,
			Jar:          g.w.jar,
			WorkingDir:   g.w.r.opts.WorkingDir,
			ConsoleWidth: g.w.r.opts.ConsoleWidth,
		})
	}
	return g.sb
}

func (g *gojaWorker) run(ctx context.Context, sl scriptLevel, exec *scriptExec) scriptResult {
	st := exec.state
	script, err := sandbox.Compile(sl.scriptName(exec.listen), sl.event.Script.Exec)
	if err != nil {
		// A syntax error fails the script each time it would run, as in
		// Newman.
		var se *event.ScriptError
		if !errors.As(err, &se) {
			se = &event.ScriptError{Name: "SyntaxError", Message: err.Error()}
		}
		return scriptResult{err: se}
	}
	res := g.sandbox().Run(ctx, script, &sandbox.Execution{
		Listen:          exec.listen,
		Scopes:          g.w.scopes,
		Request:         exec.request,
		Response:        exec.response,
		Cookies:         st.cookies,
		EnvironmentName: fileName(g.w.r.opts.Environment),
		Info: sandbox.Info{
			EventName:      exec.listen,
			Iteration:      st.cursor.Iteration,
			IterationCount: st.iterations,
			RequestName:    exec.item.Name,
			RequestID:      exec.item.ID,
			Location:       g.w.r.location(exec.item),
			Current:        exec.current,
		},
	})
	out := scriptResult{assertions: res.Assertions, err: res.Error, console: res.Console, consoleAt: res.ConsoleAt, skip: res.SkipRequest}
	if n := res.NextRequest; n != nil {
		out.next = &nextRequest{End: n.Stop, Target: n.Name}
	}
	return out
}

// scriptRequest sends a pm.sendRequest request: variables are resolved,
// no collection auth is inherited (as in Postman), and it goes through the
// run's transport, cookie jar and Tableau session.
func (w *worker) scriptRequest(ctx context.Context, req *collections.Request) (*event.Response, error) {
	res := variables.NewResolver(w.scopes)
	o, err := w.r.build(nil, req, res)
	if err != nil {
		return nil, err
	}
	signin, err := w.tableauPrepare(o)
	if err != nil {
		return nil, err
	}
	ex, err := w.r.send(ctx, w.jar, o, w.r.sendOptionsFor(o))
	if err != nil {
		return nil, err
	}
	if _, err := w.tableauAfter(signin, o, ex.resp); err != nil {
		return ex.resp, fmt.Errorf("%v", err)
	}
	return ex.resp, nil
}
