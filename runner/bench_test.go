package runner

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// discard is a handler that drops events, so the benchmark measures the
// run loop and not a reporter.
type discard struct{}

func (discard) Handle(event.Event) error { return nil }

// BenchmarkRun1000Requests runs a collection of 1,000 GET requests against
// a local fixed-JSON server; compare runs with benchstat. One op is one
// whole run, so ns/op divided by 1,000 is the cost of a request.
func BenchmarkRun1000Requests(b *testing.B) {
	for _, scripts := range []bool{false, true} {
		name := "no-scripts"
		if scripts {
			name = "with-scripts"
		}
		b.Run(name, func(b *testing.B) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, `{"id":1,"name":"fixed","items":[1,2,3]}`)
			}))
			defer srv.Close()
			var items []string
			test := `"event":[{"listen":"test","script":{"exec":["pm.test('status', () => pm.response.to.have.status(200));","pm.test('body', () => { const j = pm.response.json(); pm.expect(j.id).to.equal(1); pm.environment.set('last', j.name); });"]}}],`
			for i := 0; i < 1000; i++ {
				ev := ""
				if scripts {
					ev = test
				}
				items = append(items, fmt.Sprintf(`{"name":"r%d",%s"request":"{{base}}/item/%d"}`, i, ev, i))
			}
			c := mustParse(b, collection(srv.URL, strings.Join(items, ",")))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r, err := New(c, Options{NoScripts: !scripts})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Run(context.Background(), discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func mustParse(tb testing.TB, doc string) *collections.Collection {
	tb.Helper()
	c, err := collections.ParseCollection("bench.postman_collection.json", []byte(doc))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// BenchmarkBareClient1000Requests is the limit the run loop is measured
// against: 1,000 GETs with a plain net/http client on the same kind of
// server, reading each body.
func BenchmarkBareClient1000Requests(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":1,"name":"fixed","items":[1,2,3]}`)
	}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := 0; j < 1000; j++ {
			resp, err := client.Get(fmt.Sprintf("%s/item/%d", srv.URL, j))
			if err != nil {
				b.Fatal(err)
			}
			io.ReadAll(resp.Body)
			resp.Body.Close()
		}
	}
}
