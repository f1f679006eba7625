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
		routes := map[string]http.HandlerFunc{}
		if parallel > 1 {
			routes["/a"] = holdUntil("n", "0", "1")
		}
		rec := newRecorder(t, routes)
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

// holdUntil answers a request whose query parameter key is held only once
// one whose key is release has arrived, so that a run on workers
// interleaves its iterations as a test needs.
func holdUntil(key, held, release string) http.HandlerFunc {
	arrived := make(chan struct{})
	var once sync.Once
	return func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get(key) {
		case held:
			select {
			case <-arrived:
			case <-time.After(10 * time.Second): // not to hang if the run never sends it
			}
		case release:
			once.Do(func() { close(arrived) })
		}
		fmt.Fprint(w, "ok")
	}
}
