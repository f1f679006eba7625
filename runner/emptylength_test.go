package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEmptyBodyContentLengthOnTheWire checks which bodiless requests go
// out with Content-Length: 0: Node (and so Newman 6.2.2) sends it for
// every method but GET, HEAD, DELETE, OPTIONS, TRACE and CONNECT, WebDAV's
// and custom methods included, where Go sends it for POST, PUT and PATCH
// only.
func TestEmptyBodyContentLengthOnTheWire(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	// The Content-Length a server saw from Newman 6.2.2 ("" for none).
	newman := []struct{ method, length string }{
		{"POST", "0"}, {"LOCK", "0"}, {"PURGE", "0"}, {"PROPFIND", "0"}, {"FOO", "0"}, {"COPY", "0"}, {"UNLOCK", "0"},
		{"GET", ""}, {"DELETE", ""}, {"OPTIONS", ""}, {"TRACE", ""},
	}
	var items, want, got []string
	for _, tc := range newman {
		items = append(items, fmt.Sprintf(`{"name":%q,"request":{"method":%q,"url":"{{base}}/x"}}`, tc.method, tc.method))
		want = append(want, tc.method+" "+tc.length)
	}
	run(t, parse(t, collection(rec.srv.URL, strings.Join(items, ","))), Options{})
	for _, r := range rec.all() {
		got = append(got, r.Method+" "+r.Header.Get("Content-Length"))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Content-Length received (-newman +colrun):\n%s", d)
	}
}
