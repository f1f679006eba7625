package runner

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The sent request's headers (the JSON report's request.header, --verbose's
// "N↑ headers") list what went out, as Newman 6.2.2's report lists it: the
// request's own headers, then auth's and the runner's and the transport's
// (Host, Accept-Encoding, Content-Length) flagged "system". Newman also
// lists Postman-Token and Connection, which colrun does not send.
func TestSentHeadersListSystemHeaders(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/post": func(w http.ResponseWriter, r *http.Request) {}})
	c := parse(t, collection(rec.srv.URL, `{"name":"p","request":{"method":"POST","url":"{{base}}/post",
		"header":[{"key":"X-A","value":"1"}],
		"auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]},
		"body":{"mode":"raw","raw":"{\"a\":1}","options":{"raw":{"language":"json"}}}}}`))
	ev, _ := run(t, c, Options{UserAgent: "colrun/test"})
	reqs := ev.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	host := strings.TrimPrefix(rec.srv.URL, "http://")
	var got []string
	for _, h := range reqs[0].Sent.Headers {
		got = append(got, fmt.Sprintf("%s: %s system=%v", h.Key, h.Value, h.System))
	}
	want := []string{
		"X-A: 1 system=false",
		"Content-Type: application/json system=true",
		"Authorization: Basic dTpw system=true",
		"User-Agent: colrun/test system=true",
		"Accept: */* system=true",
		"Cache-Control: no-cache system=true",
		"Host: " + host + " system=true",
		"Accept-Encoding: gzip, deflate, br system=true",
		"Content-Length: 7 system=true",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("sent headers (-want +got):\n%s", d)
	}
}
