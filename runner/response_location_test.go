package runner

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLocationBytesReadAsNodeReadsThem follows a Location holding bytes
// past ASCII as Newman 6.2.2 follows it: Node reads a header one byte a
// character, so a server's UTF-8 "é" (C3 A9) is the text "Ã©", which
// goes out percent-encoded as UTF-8 (%C3%83%C2%A9), or, under
// disableUrlEncoding, written as Node writes the head: one byte a
// character for a GET (C3 A9 again), UTF-8 when the request keeps a
// text body (C3 83 C2 A9). A latin1 "é" (E9) is the text "é". colrun
// encoded the bytes as they came (%C3%A9, %E9) and refused a bare E9
// under disableUrlEncoding. The lines are what a raw server read, as
// Newman sent them.
func TestLocationBytesReadAsNodeReadsThem(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var lines []string
	locations := map[string]string{
		"/utf8":   "/to/caf\xc3\xa9?x=caf\xc3\xa9#f\xc3\xa9",
		"/latin1": "/to/caf\xe9?x=caf\xe9",
		"/euro":   "http://{{addr}}/to/\xe2\x82\xac",
	}
	addr := serveRedirects(t, locations, func(req rawRequest) {
		mu.Lock()
		lines = append(lines, req.line)
		mu.Unlock()
	})
	const raw = `"protocolProfileBehavior":{"disableUrlEncoding":true}`
	tests := []struct {
		name, item string
		want       string // the request line after the redirect
	}{
		{"UTF-8 bytes", `"request":"{{base}}/utf8"`, "GET /to/caf%C3%83%C2%A9?x=caf%C3%83%C2%A9 HTTP/1.1"},
		{"latin1 byte", `"request":"{{base}}/latin1"`, "GET /to/caf%C3%A9?x=caf%C3%A9 HTTP/1.1"},
		{"absolute URL, UTF-8 bytes", `"request":"{{base}}/euro"`, "GET /to/%C3%A2%C2%82%C2%AC HTTP/1.1"},
		{"UTF-8 bytes, not encoded", `"request":"{{base}}/utf8",` + raw, "GET /to/caf\xc3\xa9?x=caf\xc3\xa9 HTTP/1.1"},
		{"latin1 byte, not encoded", `"request":"{{base}}/latin1",` + raw, "GET /to/caf\xe9?x=caf\xe9 HTTP/1.1"},
		{"UTF-8 bytes, not encoded, POST turned GET",
			`"request":{"method":"POST","url":"{{base}}/utf8","body":{"mode":"raw","raw":"x"}},` + raw,
			"GET /to/caf\xc3\xa9?x=caf\xc3\xa9 HTTP/1.1"},
		{"UTF-8 bytes, not encoded, POST kept",
			`"request":{"method":"POST","url":"{{base}}/utf8","body":{"mode":"raw","raw":"x"}},"protocolProfileBehavior":{"disableUrlEncoding":true,"followOriginalHttpMethod":true}`,
			"POST /to/caf\xc3\x83\xc2\xa9?x=caf\xc3\x83\xc2\xa9 HTTP/1.1"},
	}
	for _, tc := range tests {
		mu.Lock()
		lines = nil
		mu.Unlock()
		ev, _ := run(t, parse(t, collection("http://"+addr, `{"name":"r",`+tc.item+`}`)), Options{})
		reqs := ev.requests()
		if len(reqs) != 1 || reqs[0].Resp == nil {
			t.Errorf("%s: requests = %+v, want one answered after the redirect", tc.name, reqs)
			continue
		}
		mu.Lock()
		got := lines
		mu.Unlock()
		if len(got) != 2 {
			t.Errorf("%s: server read %q, want two requests", tc.name, got)
			continue
		}
		if diff := cmp.Diff(tc.want, got[1]); diff != "" {
			t.Errorf("%s: request line after the redirect (-Newman +colrun):\n%s", tc.name, diff)
		}
	}
}
