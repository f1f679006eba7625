package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStatusWithoutAReasonIsPostmansName answers without a reason phrase
// and checks the status and size colrun reports and scripts see, as
// Newman 6.2.2 reports them (cli: "[418 I'm a teapot (RFC 2324), 61B,
// 3ms]"): the status is the name Postman's http-reasons table gives the
// code, not Go's ("I'm a teapot"), and none for a code the table lacks;
// the size adds the header block postman-collection rebuilds from that
// status, where a missing one is the text "undefined". colrun took Go's
// names and counted a missing status as nothing (38B where Newman
// prints 47B).
func TestStatusWithoutAReasonIsPostmansName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, response string
		wantStatus     string // Newman's pm.response.status, "" for undefined
		wantSize       int64  // header and body, as Newman's cli prints them
	}{
		{"unknown code", "HTTP/1.1 999\r\nContent-Length: 2\r\n\r\nok", "", 47},
		{"unusual 2xx", "HTTP/1.1 299\r\nContent-Length: 2\r\n\r\nok", "", 47},
		{"code Go has no name for", "HTTP/1.1 509\r\nContent-Length: 2\r\n\r\nok", "Bandwidth Limit Exceeded (Apache bw/limited extension)", 92},
		{"teapot", "HTTP/1.1 418\r\nContent-Length: 2\r\n\r\nok", "I'm a teapot (RFC 2324)", 61},
		{"425", "HTTP/1.1 425\r\nContent-Length: 2\r\n\r\nok", "Unordered Collection (RFC 3648)", 69},
		{"207", "HTTP/1.1 207\r\nContent-Length: 2\r\n\r\nok", "Multi-Status (WebDAV) (RFC 4918)", 70},
		{"414", "HTTP/1.1 414\r\nContent-Length: 2\r\n\r\nok", "Request-URI Too Long", 58},
		{"599", "HTTP/1.1 599\r\nContent-Length: 2\r\n\r\nok", "Network connect timeout error[23]", 71},
		{"404", "HTTP/1.1 404\r\nContent-Length: 2\r\n\r\nok", "Not Found", 47},
		{"unknown code with a reason", "HTTP/1.1 999 Request denied\r\nContent-Length: 2\r\n\r\nok", "Request denied", 52},
		{"a reason that is not the standard one", "HTTP/1.1 200 Everything Is Fine\r\nContent-Length: 2\r\n\r\nok", "Everything Is Fine", 56},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, collection(rawServer(t, tc.response), `{"name":"r","request":"{{base}}/x","event":[{"listen":"test","script":{"exec":[
				"pm.test(String(pm.response.status), () => {});"]}}]}`))
			ev, _ := runScripted(t, c, Options{})
			reqs := ev.requests()
			if len(reqs) != 1 || reqs[0].Resp == nil {
				t.Fatalf("requests = %+v, want one answered", reqs)
			}
			r := reqs[0].Resp
			type outcome struct {
				Reported, Script string
				Size             int64
			}
			wantScript := tc.wantStatus
			if wantScript == "" {
				wantScript = "undefined"
			}
			want := outcome{tc.wantStatus, wantScript, tc.wantSize}
			got := outcome{r.Status, "", r.HeaderSize + r.BodySize}
			if names := ev.testNames(); len(names) == 1 {
				got.Script = names[0]
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("status and size (-Newman +colrun):\n%s", diff)
			}
		})
	}
}
