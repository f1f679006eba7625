package runner

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSeedRepeatsDynamicValuesOnWorkers runs a collection drawing
// {{$randomInt}} and {{$guid}} with --seed on one worker and on two: each
// iteration gets the same values either way. The workers drew from one
// shared stream in whatever order they reached it, so the values moved
// between iterations from run to run. The server holds iteration 0's first
// request until iteration 1's has arrived, so the workers interleave.
func TestSeedRepeatsDynamicValuesOnWorkers(t *testing.T) {
	t.Parallel()
	path := writeData(t, "d.json", `[{"n":0},{"n":1},{"n":2},{"n":3}]`)
	urls := map[int][]string{}
	for _, parallel := range []int{1, 2} {
		second := make(chan struct{})
		var once sync.Once
		hold := func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Query().Get("n") {
			case "0":
				if parallel > 1 {
					select {
					case <-second:
					case <-time.After(10 * time.Second): // not to hang if the run never sends it
					}
				}
			case "1":
				once.Do(func() { close(second) })
			}
			fmt.Fprint(w, "ok")
		}
		rec := newRecorder(t, map[string]http.HandlerFunc{"/a": hold})
		c := parse(t, collection(rec.srv.URL, `{"name":"a","request":"{{base}}/a?n={{n}}&v={{$randomInt}}-{{$guid}}"},
			{"name":"b","request":"{{base}}/b?n={{n}}&v={{$randomInt}}-{{$guid}}"}`))
		ev, _ := run(t, c, Options{Data: openData(t, path), Parallel: parallel, Seed: 42, Seeded: true})
		for _, r := range ev.requests() {
			urls[parallel] = append(urls[parallel], strings.TrimPrefix(r.Sent.URL, rec.srv.URL))
		}
	}
	if len(urls[1]) != 8 {
		t.Fatalf("one worker sent %d requests, want 8: %q", len(urls[1]), urls[1])
	}
	if diff := cmp.Diff(urls[1], urls[2]); diff != "" {
		t.Errorf("requests on two workers (-one worker +two):\n%s", diff)
	}
}
