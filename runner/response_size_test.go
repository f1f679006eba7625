package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStatusLineReadAsNewmanReadsIt checks the status colrun reports
// and scripts see, and the size the cli report prints, against Newman
// 6.2.2's for the same status lines (cli: "[418 I'm a teapot (RFC 2324),
// 61B, 3ms]"). Without a reason phrase the status is the name Postman's
// http-reasons table gives the code, not Go's ("I'm a teapot"), and
// none for a code the table lacks, whose size counts the "undefined"
// postman-collection's rebuilt status line spells. A reason phrase is
// what llhttp takes after the one space following the code, spaces
// kept, decoded as UTF-8 by Node (a byte that is not UTF-8 is U+FFFD)
// and counted in JavaScript characters. colrun took Go's names, counted
// a missing status as nothing (38B where Newman prints 47B), trimmed
// the spaces, passed the bytes on (the cli printed a bare 0xC7) and
// counted them.
func TestStatusLineReadAsNewmanReadsIt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, line string
		want       string // Newman's pm.response.status, "" for undefined
		wantSize   int64  // header and body, as Newman's cli prints them
	}{
		{"unknown code", "HTTP/1.1 999", "", 47},
		{"unusual 2xx", "HTTP/1.1 299", "", 47},
		{"code Go has no name for", "HTTP/1.1 509", "Bandwidth Limit Exceeded (Apache bw/limited extension)", 92},
		{"teapot", "HTTP/1.1 418", "I'm a teapot (RFC 2324)", 61},
		{"425", "HTTP/1.1 425", "Unordered Collection (RFC 3648)", 69},
		{"207", "HTTP/1.1 207", "Multi-Status (WebDAV) (RFC 4918)", 70},
		{"414", "HTTP/1.1 414", "Request-URI Too Long", 58},
		{"599", "HTTP/1.1 599", "Network connect timeout error[23]", 71},
		{"404", "HTTP/1.1 404", "Not Found", 47},
		{"one space, no reason", "HTTP/1.1 404 ", "Not Found", 47},
		{"unknown code with a reason", "HTTP/1.1 999 Request denied", "Request denied", 52},
		{"a reason that is not the standard one", "HTTP/1.1 200 Everything Is Fine", "Everything Is Fine", 56},
		{"spaces around the reason", "HTTP/1.1 200   Spaced  Out  ", "  Spaced  Out  ", 53},
		{"UTF-8 reason", "HTTP/1.1 200 \xc3\x87a va", "Ça va", 43},
		{"latin1 reason", "HTTP/1.1 200 \xc7a va", "\ufffda va", 43},
		{"a character past the BMP", "HTTP/1.1 200 \xf0\x9f\x98\x80", "\U0001F600", 40},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			script := tc.want
			if script == "" {
				script = "undefined"
			}
			want := statusSeen{tc.want, script, tc.wantSize}
			if diff := cmp.Diff(want, seeStatus(t, tc.line)); diff != "" {
				t.Errorf("status and size (-Newman +colrun):\n%s", diff)
			}
		})
	}
}

// statusSeen is a response's status as reports and a test script see
// it, and the size the cli report prints.
type statusSeen struct {
	Reported, Script string
	Size             int64
}

// seeStatus runs a request answered with statusLine and a two-byte body.
func seeStatus(t *testing.T, statusLine string) statusSeen {
	t.Helper()
	c := parse(t, collection(rawServer(t, statusLine+"\r\nContent-Length: 2\r\n\r\nok"), `{"name":"r","request":"{{base}}/x","event":[{"listen":"test","script":{"exec":[
		"pm.test(String(pm.response.status), () => {});"]}}]}`))
	ev, _ := runScripted(t, c, Options{})
	reqs := ev.requests()
	if len(reqs) != 1 || reqs[0].Resp == nil {
		t.Fatalf("requests = %+v, want one answered", reqs)
	}
	r := reqs[0].Resp
	got := statusSeen{Reported: r.Status, Size: r.HeaderSize + r.BodySize}
	if names := ev.testNames(); len(names) == 1 {
		got.Script = names[0]
	}
	return got
}
