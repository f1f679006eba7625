package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Node writes a request's line and headers in latin1 unless its body is
// text, which it writes in the same chunk as the head, in UTF-8. Newman
// 6.2.2 sent these bytes (recorded on 127.0.0.1); colrun wrote every head
// in latin1, and a query left unencoded (disableUrlEncoding) in UTF-8.
func TestRequestHeadEncodingFollowsTheBody(t *testing.T) {
	t.Parallel()
	addr, lines := rawHeadRecorder(t, func(first bool, line string) bool { return first || strings.HasPrefix(line, "X-") })
	c := parse(t, collection("http://"+addr, `
		{"name":"raw body","request":{"method":"POST","url":"{{base}}/p","header":[{"key":"X-A","value":"café"}],"body":{"mode":"raw","raw":"hi"}}},
		{"name":"no body","request":{"method":"GET","url":"{{base}}/g","header":[{"key":"X-A","value":"café"}]}},
		{"name":"query as written","protocolProfileBehavior":{"disableUrlEncoding":true},"request":{"method":"GET","url":"{{base}}/a?s=é"}},
		{"name":"path as written, form body","protocolProfileBehavior":{"disableUrlEncoding":true},"request":{"method":"POST","url":"{{base}}/h/é",
			"body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"b"}]}}}`))
	run(t, c, Options{})
	want := []string{
		"POST /p HTTP/1.1", "X-A: caf\xc3\xa9",
		"GET /g HTTP/1.1", "X-A: caf\xe9",
		"GET /a?s=\xe9 HTTP/1.1",
		"POST /h/\xc3\xa9 HTTP/1.1",
	}
	if d := cmp.Diff(want, lines()); d != "" {
		t.Errorf("request lines and headers on the wire (-want +got):\n%q", d)
	}
}
