package runner

import (
	"fmt"
	"net/http"
	"testing"
)

// TestParallelExportKeepsTheLastWriteOfAnUnchangedValue runs iterations
// writing a, b, a to one environment variable on two workers. The server
// holds iteration 1 until iteration 2 has arrived, so iteration 2 runs on
// the worker that ran iteration 0 and writes the value that worker's copy
// already holds. The environment the run ends with is the sequential
// run's, a; the merge compared each iteration's copy before and after and
// missed that write, leaving iteration 1's b.
func TestParallelExportKeepsTheLastWriteOfAnUnchangedValue(t *testing.T) {
	t.Parallel()
	path := writeData(t, "d.json", `[{"i":0,"v":"a"},{"i":1,"v":"b"},{"i":2,"v":"a"}]`)
	for _, parallel := range []int{1, 2} {
		t.Run(fmt.Sprintf("parallel %d", parallel), func(t *testing.T) {
			t.Parallel()
			routes := map[string]http.HandlerFunc{}
			if parallel > 1 {
				routes["/v"] = holdUntil("i", "1", "2")
			}
			rec := newRecorder(t, routes)
			c := parse(t, collection(rec.srv.URL, `{"name":"v","request":"{{base}}/v?i={{i}}&v={{v}}",
				"event":[{"listen":"test","script":{"exec":["pm.environment.set('last', pm.iterationData.get('v'));"]}}]}`))
			_, res := runScripted(t, c, Options{Data: openData(t, path), Parallel: parallel})
			if got, _ := res.Environment.Get("last"); got != "a" {
				t.Errorf("environment last = %v, want a (iteration 2's write)", got)
			}
		})
	}
}
