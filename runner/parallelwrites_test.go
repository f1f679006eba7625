package runner

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParallelExportsTheSequentialRunsVariables runs three iterations on
// two workers. The server holds iteration 1 until iteration 2 has
// arrived, so iteration 2 runs on the worker that ran iteration 0, with
// that worker's copy of the environment. The environment the run ends with
// is the sequential run's either way. The merge compared each iteration's
// copy before and after, so it missed a write of the value the copy
// already held, and a clear() removed only the keys the copy held.
func TestParallelExportsTheSequentialRunsVariables(t *testing.T) {
	t.Parallel()
	path := writeData(t, "d.json", `[{"i":0,"v":"a"},{"i":1,"v":"b"},{"i":2,"v":"a"}]`)
	tests := []struct {
		name   string
		script string
		want   map[string]any
	}{
		{
			name:   "a write of the value the copy holds",
			script: `pm.environment.set('last', pm.iterationData.get('v'));`,
			want:   map[string]any{"last": "a"},
		},
		{
			name:   "clear",
			script: `pm.environment.clear(); pm.environment.set('seen-' + pm.iterationData.get('i'), true);`,
			want:   map[string]any{"seen-2": true},
		},
	}
	for _, tt := range tests {
		for _, parallel := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/parallel %d", tt.name, parallel), func(t *testing.T) {
				t.Parallel()
				routes := map[string]http.HandlerFunc{}
				if parallel > 1 {
					routes["/v"] = holdUntil("i", "1", "2")
				}
				rec := newRecorder(t, routes)
				c := parse(t, collection(rec.srv.URL, fmt.Sprintf(`{"name":"v","request":"{{base}}/v?i={{i}}&v={{v}}",
					"event":[{"listen":"test","script":{"exec":[%q]}}]}`, tt.script)))
				_, res := runScripted(t, c, Options{Data: openData(t, path), Parallel: parallel})
				got := map[string]any{}
				for _, e := range res.Environment.Entries() {
					got[e.Key] = e.Value
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("environment at the end (-want +got):\n%s", diff)
				}
			})
		}
	}
}
