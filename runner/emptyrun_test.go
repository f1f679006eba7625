package runner

import (
	"testing"

	"github.com/colrun/colrun/runner/report"
	"github.com/google/go-cmp/cmp"
)

// A run with nothing to send starts no iteration, whatever -n says:
// Newman 6.2.2 reports 0 iterations for an empty collection and for a
// --folder holding no request (colrun counted -n iterations and printed
// an "Iteration n/N" header for each).
func TestNothingToSendRunsNoIteration(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, doc string
		opts      Options
	}{
		{"empty collection", `{"info":{"name":"t"},"item":[]}`, Options{Iterations: 2}},
		{"empty folder", `{"info":{"name":"t"},"item":[{"name":"F","item":[]},{"name":"r","request":"http://127.0.0.1:1/"}]}`,
			Options{Iterations: 3, Folders: []string{"F"}}},
		{"empty folder, parallel", `{"info":{"name":"t"},"item":[{"name":"F","item":[]},{"name":"r","request":"http://127.0.0.1:1/"}]}`,
			Options{Iterations: 3, Folders: []string{"F"}, Parallel: 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, _ := run(t, parse(t, tt.doc), tt.opts)
			sum := report.NewSummary()
			starts := 0
			for _, e := range ev.all {
				_ = sum.Handle(e)
				if e.IterationStart != nil {
					starts++
				}
			}
			got := map[string]int{"iterations": sum.Stats.Iterations.Total, "iteration starts": starts, "requests": sum.Stats.Requests.Total}
			want := map[string]int{"iterations": 0, "iteration starts": 0, "requests": 0}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}
