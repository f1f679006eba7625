package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/colrun/colrun/runner/event"
)

// Reporter is an event.Handler that writes a report. Close finishes it:
// file reporters complete and rename their file if RunEnd never came, so a
// run cut short still leaves a valid report. Handle returns a reporter's
// write error once; Close returns it again.
type Reporter interface {
	event.Handler
	io.Closer
}

// Options configures the reporters New and Open build.
type Options struct {
	// Stdout receives the cli reporter's output (os.Stdout when nil).
	Stdout io.Writer
	// CLI configures the cli reporter.
	CLI CLIOptions
	// Export maps a reporter name to its --reporter-<name>-export path. A
	// file reporter without one writes where Newman does:
	// newman/newman-run-report-<start time>-0.<ext>.
	Export map[string]string
	// Silent (--silent) turns the cli reporter into a no-op; file reporters
	// and the Summary still work.
	Silent bool
	// SilentReporters names the printing reporters given their own
	// --reporter-<name>-silent (Newman's cli, progress and emojitrain
	// option): each prints nothing, as under Silent, and the others run.
	SilentReporters map[string]bool
	// Terminal says Stdout is a terminal: the progress reporter draws only
	// there.
	Terminal bool
}

// ExportFlag is the flag that sets a reporter's export path, in Newman's
// spelling: "reporter-json-export".
func ExportFlag(name string) string { return "reporter-" + name + "-export" }

type factory func(sum *Summary, opts Options) (Reporter, error)

var factories = map[string]factory{
	"cli": func(sum *Summary, opts Options) (Reporter, error) {
		if opts.Silent || opts.SilentReporters["cli"] {
			return nop{}, nil
		}
		return NewCLI(stdout(opts), sum, opts.CLI), nil
	},
	"json": func(sum *Summary, opts Options) (Reporter, error) {
		return NewJSON(opts.Export["json"], sum)
	},
	"junit": func(sum *Summary, opts Options) (Reporter, error) {
		return NewJUnit(opts.Export["junit"], sum)
	},
	"progress": func(_ *Summary, opts Options) (Reporter, error) {
		if opts.Silent || opts.SilentReporters["progress"] {
			return nop{}, nil
		}
		return NewProgress(stdout(opts), opts.Terminal), nil
	},
	"emojitrain": func(_ *Summary, opts Options) (Reporter, error) {
		if opts.Silent || opts.SilentReporters["emojitrain"] {
			return nop{}, nil
		}
		return NewEmojitrain(stdout(opts)), nil
	},
}

// stdout is where the reporters that print write.
func stdout(opts Options) io.Writer {
	if opts.Stdout == nil {
		return os.Stdout
	}
	return opts.Stdout
}

// dominant are the reporters that own the terminal, as Newman marks them:
// two of them together garble each other's output, and Newman says so.
var dominant = map[string]bool{"cli": true, "progress": true, "emojitrain": true}

// DominantConflict is Newman's warning for more than one of the reporters
// that own the terminal in names ("emojitrain, cli reporters might not
// work well together."), or "" when there is none to give.
func DominantConflict(names []string) string {
	var found []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if dominant[n] && !seen[n] {
			seen[n] = true
			found = append(found, n)
		}
	}
	if len(found) < 2 {
		return ""
	}
	return strings.Join(found, ", ") + " reporters might not work well together."
}

// Names lists the reporters New knows, sorted.
func Names() []string {
	names := make([]string, 0, len(factories))
	for n := range factories {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ErrUnknownReporter is wrapped by New's error for a name it does not
// know, so the CLI can exit with the usage code.
var ErrUnknownReporter = errors.New("unknown reporter")

// New builds the reporter called name. sum is the shared Summary, which
// the caller must feed each event before the reporter (Set does); nil
// makes the reporter keep its own. File reporters create their directory
// and temporary file here, so an unwritable export path fails before the
// run starts.
func New(name string, sum *Summary, opts Options) (Reporter, error) {
	f, ok := factories[name]
	if !ok {
		return nil, fmt.Errorf("%w %q; known reporters: %s", ErrUnknownReporter, name, strings.Join(Names(), ", "))
	}
	return f(sum, opts)
}

// Set is what the CLI runs with: one Summary and the reporters asked for,
// fed in that order, so reporters see the Summary already updated with the
// event they handle (the cli reporter numbers failures from it). Its
// Handle is safe for concurrent use, for runs whose workers emit events
// themselves.
type Set struct {
	mu        sync.Mutex
	sum       *Summary
	reporters []Reporter
	names     []string
}

// Open builds a Set for names (--reporters, in order; duplicates are
// ignored, as in Newman). On an error every reporter built so far is
// closed and its temporary file removed.
func Open(names []string, opts Options) (*Set, error) {
	s := &Set{sum: NewSummary()}
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		r, err := New(n, s.sum, opts)
		if err != nil {
			s.discard()
			return nil, err
		}
		s.reporters = append(s.reporters, r)
		s.names = append(s.names, n)
	}
	return s, nil
}

// discard drops the reporters of a Set that never ran: their temporary
// files are removed and no report is written.
func (s *Set) discard() {
	for _, r := range s.reporters {
		switch r := r.(type) {
		case *JSON:
			if r.sink != nil {
				r.finished = true
				r.sink.abort()
			}
		case *JUnit:
			if r.sink != nil {
				r.finished = true
				r.sink.abort()
			}
		}
	}
}

// Summary is the run's summary; after the run, Failed gives the exit code.
func (s *Set) Summary() *Summary { return s.sum }

// Handle feeds e to the Summary, then to each reporter. It returns the
// first reporter error, wrapped with the reporter's name; the run goes on.
func (s *Set) Handle(e event.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = s.sum.Handle(e)
	var first error
	for i, r := range s.reporters {
		if err := r.Handle(e); err != nil && first == nil {
			first = fmt.Errorf("%s reporter: %w", s.names[i], unwrapName(err, s.names[i]))
		}
	}
	return first
}

// Close closes every reporter (finishing reports the run did not finish)
// and returns their errors joined.
func (s *Set) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for _, r := range s.reporters {
		if err := r.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// unwrapName strips a reporter's own "name reporter: " prefix so Set does
// not print it twice.
func unwrapName(err error, name string) error {
	if u := errors.Unwrap(err); u != nil && strings.HasPrefix(err.Error(), name+" reporter: ") {
		return u
	}
	return err
}

// nop is the cli reporter under --silent.
type nop struct{}

func (nop) Handle(event.Event) error { return nil }
func (nop) Close() error             { return nil }
