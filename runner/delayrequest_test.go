package runner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// --delay-request waits before every item that runs, the first of each
// iteration too, as postman-runtime's item command does (Newman 6.2.2:
// -n 3 --delay-request 1000 on one request takes three seconds more);
// colrun waited only between the items of an iteration.
func TestDelayRequestWaitsBeforeEveryItem(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	item := func(name, script string) string {
		ev := ""
		if script != "" {
			ev = fmt.Sprintf(`"event":[{"listen":"test","script":{"exec":[%q]}}],`, script)
		}
		return fmt.Sprintf(`{"name":%q,%s"request":"%s/%s"}`, name, ev, srv.URL, name)
	}
	tests := []struct {
		name       string
		items      []string
		iterations int
		want       int
	}{
		{"one request, one iteration", []string{item("a", "")}, 1, 1},
		{"one request, three iterations", []string{item("a", "")}, 3, 3},
		{"two requests, two iterations", []string{item("a", ""), item("b", "")}, 2, 4},
		{"a jump back runs an item again", []string{item("a", ""), item("b", "if (!pm.variables.get('again')) { pm.variables.set('again', 1); postman.setNextRequest('a'); }")}, 1, 4},
		{"setNextRequest(null) ends the iteration", []string{item("a", "postman.setNextRequest(null);"), item("b", "")}, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := mustParse(t, collection(srv.URL, strings.Join(tt.items, ",")))
			r, err := New(c, Options{DelayRequest: time.Hour, Iterations: tt.iterations})
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			waits := 0
			r.sleep = func(_ context.Context, d time.Duration) error {
				mu.Lock()
				defer mu.Unlock()
				if d != time.Hour {
					t.Errorf("wait of %v, want the --delay-request value", d)
				}
				waits++
				return nil
			}
			if _, err := r.Run(context.Background(), discard{}); err != nil {
				t.Fatal(err)
			}
			if waits != tt.want {
				t.Errorf("%d waits, want %d (one before each item run)", waits, tt.want)
			}
		})
	}
}
