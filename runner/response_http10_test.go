package runner

import (
	"io"
	"net"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHTTP10ChunkedBodyIsDecoded sends HTTP/1.0 answers framed with
// Transfer-Encoding: chunked, which Node's parser decodes as it decodes
// an HTTP/1.1 answer's, so Newman 6.2.2's scripts and reports see the
// body without its chunk sizes, and a body cut inside a chunk fails the
// request ("aborted"). Go ignores Transfer-Encoding in HTTP/1.0 and read
// the body to the connection's close, chunk sizes and all
// ("2\r\nok\r\n0\r\n\r\n"), and waited for the close when the server
// kept the connection open. The bodies and errors are Newman's.
func TestHTTP10ChunkedBodyIsDecoded(t *testing.T) {
	t.Parallel()
	const head = "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n"
	tests := []struct {
		name, response string
		keepOpen       bool // the server does not close the connection
		wantBody       string
		wantErr        string
	}{
		{"closed after the body", head + "\r\n2\r\nok\r\n0\r\n\r\n", false, "ok", ""},
		{"with a trailer", head + "\r\n2\r\nok\r\n0\r\nX-T: 1\r\n\r\n", false, "ok", ""},
		{"kept open", "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", true, "ok", ""},
		{"chunked after another coding", "HTTP/1.0 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", false, "ok", ""},
		{"cut inside a chunk", head + "\r\n2\r\nok\r\n5\r\nab", false, "", "aborted"},
		{"with Content-Length", head + "Content-Length: 3\r\n\r\n2\r\nok\r\n0\r\n\r\n", false, "", "Parse Error: Content-Length can't be present with Transfer-Encoding"},
		{"another coding alone: read to the close", "HTTP/1.0 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n2\r\nok", false, "2\r\nok", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := "http://" + serveLoopback(t, nil, func(c net.Conn) {
				buf := make([]byte, 4096)
				c.Read(buf)
				io.WriteString(c, tc.response)
				if tc.keepOpen {
					c.Read(buf) // until the client closes it
				}
			})
			ev, _ := run(t, parse(t, collection(base, `{"name":"r","request":"{{base}}/x"}`)), Options{})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d request events", len(reqs))
			}
			type outcome struct{ Body, Err string }
			got := outcome{Err: reqs[0].Error}
			if reqs[0].Resp != nil {
				got.Body = string(reqs[0].Resp.Body)
			}
			if diff := cmp.Diff(outcome{tc.wantBody, tc.wantErr}, got); diff != "" {
				t.Errorf("outcome (-Newman +colrun):\n%s", diff)
			}
		})
	}
}
