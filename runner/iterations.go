package runner

import (
	"context"
	"errors"
	"io"
	"sync"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// rowSource hands out iteration data in order, repeating the last row
// when -n exceeds the data, as Newman does.
type rowSource struct {
	data *collections.DataFile
	last collections.DataRow
	// done is set once the file has given io.EOF: a JSON file's reader
	// has consumed its closing bracket by then, and asking it again reads
	// as a file cut short.
	done bool
}

func (s *rowSource) next() (collections.DataRow, error) {
	if s.data == nil || s.done {
		return s.last, nil
	}
	row, err := s.data.Next()
	switch {
	case err == nil:
		s.last = row
	case errors.Is(err, io.EOF):
		s.done = true
	default:
		return nil, err
	}
	return s.last, nil
}

// runIterations runs every iteration, one after the other or on
// --parallel workers, and returns why the run stopped early, if it did.
func (r *Runner) runIterations(ctx context.Context, scopes *variables.Scopes, iterations int) error {
	rows := &rowSource{data: r.opts.Data}
	workers := r.opts.Parallel
	if workers > iterations {
		workers = iterations
	}
	if workers <= 1 {
		w := r.newWorker(scopes)
		defer w.close()
		w.ahead = r.startCompileAhead(iterations)
		defer w.ahead.close()
		dynamic := scopes.Dynamic
		for i := 0; i < iterations; i++ {
			row, err := rows.next()
			if err != nil {
				return err
			}
			scopes.Data = variables.NewScope("data", row)
			scopes.Dynamic = dynamic.Iteration(i)
			r.emit(event.Event{IterationStart: &event.IterationStart{Iteration: i, Count: iterations}})
			stop := w.runIteration(ctx, i, iterations)
			r.emit(event.Event{IterationEnd: &event.IterationEnd{Iteration: i}})
			if stop != nil {
				return stop
			}
		}
		return nil
	}
	return r.runParallel(ctx, scopes, rows, iterations, workers)
}

// job is one iteration handed to a worker.
type job struct {
	iteration int
	row       collections.DataRow
	dynamic   *variables.Generator
}

// finished is what a worker hands back for one iteration: its events, in
// order, and the variable writes it made, to merge in iteration order.
type finished struct {
	iteration int
	events    []event.Event
	writes    []scopeWrites
	stop      error
}

// runParallel runs iterations on workers. Each worker has its own
// JavaScript runtime, cookie jar, local and data variables, and its own
// copy of the environment, globals and collection variables, which carries
// over from one of its iterations to the next. Events are emitted one
// whole iteration at a time, in iteration order, and each iteration's
// variable writes are applied to the run's scopes in iteration order, so
// the exported environment is the same on every run with the same
// responses: the last iteration to write a variable wins.
func (r *Runner) runParallel(ctx context.Context, scopes *variables.Scopes, rows *rowSource, iterations, workers int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job)
	results := make(chan finished)
	// window bounds how far workers may run ahead of the oldest
	// unfinished iteration, so buffered events stay bounded.
	window := make(chan struct{}, 2*workers)

	var wg sync.WaitGroup
	for n := 0; n < workers; n++ {
		own := &variables.Scopes{
			Globals:     scopes.Globals.Clone(),
			Environment: scopes.Environment.Clone(),
			Collection:  scopes.Collection.Clone(),
			Data:        variables.NewScope("data", nil),
			Local:       variables.NewScope("local", nil),
			Dynamic:     scopes.Dynamic,
		}
		for _, s := range shared(own) {
			s.TrackWrites()
		}
		w := r.newWorker(own)
		w.buffer = true
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer w.close()
			for j := range jobs {
				results <- w.runParallelIteration(ctx, j, iterations)
			}
		}()
	}

	feedErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		for i := 0; i < iterations; i++ {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			row, err := rows.next()
			if err != nil {
				// The iterations before the bad row finish and are
				// reported, as in a sequential run; cancelling them
				// would report "context canceled" in place of this.
				feedErr <- err
				return
			}
			select {
			case jobs <- job{iteration: i, row: row, dynamic: scopes.Dynamic.Iteration(i)}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var stop error
	pending := map[int]finished{}
	next := 0
	for res := range results {
		pending[res.iteration] = res
		for {
			f, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if stop == nil {
				r.emit(event.Event{IterationStart: &event.IterationStart{Iteration: next, Count: iterations}})
				for _, e := range f.events {
					r.emit(e)
				}
				r.emit(event.Event{IterationEnd: &event.IterationEnd{Iteration: next}})
				for _, sw := range f.writes {
					sw.apply(scopes)
				}
				if f.stop != nil {
					// Later iterations may have run already; their output is
					// dropped so that the report ends where the run stopped.
					stop = f.stop
					cancel()
				}
			}
			next++
			<-window
		}
	}
	select {
	case err := <-feedErr:
		if stop == nil {
			stop = err
		}
	default:
	}
	return stop
}

func (w *worker) runParallelIteration(ctx context.Context, j job, iterations int) finished {
	w.scopes.Data = variables.NewScope("data", j.row)
	w.scopes.Dynamic = j.dynamic
	w.buf = nil
	stop := w.runIteration(ctx, j.iteration, iterations)
	return finished{iteration: j.iteration, events: w.buf, writes: writtenShared(w.scopes), stop: stop}
}

// scopeWrites is what one iteration wrote in one shared scope.
type scopeWrites struct {
	scope string // globals, environment or collection
	clear bool   // the iteration cleared the scope before its sets
	set   []variables.Entry
	unset []string
}

func (sw scopeWrites) apply(s *variables.Scopes) {
	target := shared(s)[sw.scope]
	if sw.clear {
		target.Clear()
	}
	for _, k := range sw.unset {
		target.Unset(k)
	}
	for _, e := range sw.set {
		target.SetEntry(e)
	}
}

// shared names the scopes a worker has its own copy of.
func shared(s *variables.Scopes) map[string]*variables.Scope {
	return map[string]*variables.Scope{"globals": s.Globals, "environment": s.Environment, "collection": s.Collection}
}

// writtenShared collects what the iteration just run wrote in the
// worker's shared scopes: each key it set, as it now stands, or unset.
// Every write counts, a value the worker's copy already held too, since
// another worker's iteration may have written the key in between.
func writtenShared(s *variables.Scopes) []scopeWrites {
	var out []scopeWrites
	for _, name := range []string{"globals", "environment", "collection"} {
		scope := shared(s)[name]
		keys, cleared := scope.Written()
		if len(keys) == 0 && !cleared {
			continue
		}
		sw := scopeWrites{scope: name, clear: cleared}
		// In the scope's order, so that variables new to the run are
		// added to it in the order a sequential run adds them.
		written := map[string]bool{}
		for _, k := range keys {
			written[k] = true
		}
		for _, e := range scope.Visible() {
			if written[e.Key] {
				sw.set = append(sw.set, e)
				delete(written, e.Key)
			}
		}
		for _, k := range keys {
			if written[k] {
				sw.unset = append(sw.unset, k)
			}
		}
		out = append(out, sw)
	}
	return out
}
