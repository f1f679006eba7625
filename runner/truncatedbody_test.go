package runner

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
)

// TestCutCompressedBodiesArriveAsFarAsTheyGo checks gzip and deflate
// bodies that end early, as Newman 6.2.2 takes them (postman-request
// inflates with Z_SYNC_FLUSH): the request does not fail, the body is
// what decoded up to the cut (all of it when only the gzip checksum is
// missing). colrun failed the request with "invalid compressed data:
// unexpected EOF".
func TestCutCompressedBodiesArriveAsFarAsTheyGo(t *testing.T) {
	t.Parallel()
	var plain strings.Builder
	plain.WriteString(`{"items":[`)
	for i := range 2000 {
		fmt.Fprintf(&plain, "%d,", i)
	}
	plain.WriteString(`0]}`)
	full := plain.String()
	compress := func(zw io.WriteCloser, buf *bytes.Buffer) []byte {
		io.WriteString(zw, full)
		zw.Close()
		return buf.Bytes()
	}
	var gz, zl bytes.Buffer
	gzipped := compress(gzip.NewWriter(&gz), &gz)
	zlibbed := compress(zlib.NewWriter(&zl), &zl)
	tests := []struct {
		name, encoding string
		body           []byte
		whole          bool
	}{
		{"gzip without its checksum", "gzip", gzipped[:len(gzipped)-8], true},
		{"gzip cut in the middle", "gzip", gzipped[:len(gzipped)/2], false},
		{"deflate cut in the middle", "deflate", zlibbed[:len(zlibbed)/2], false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := "http://" + serveLoopback(t, nil, func(c net.Conn) {
				buf := make([]byte, 4096)
				c.Read(buf)
				fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", tc.encoding, len(tc.body))
				c.Write(tc.body)
			})
			ev, _ := run(t, parse(t, collection(base, `{"name":"cut","request":"{{base}}/x"}`)), Options{})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d request events", len(reqs))
			}
			r := reqs[0]
			if r.Error != "" || r.Resp == nil {
				t.Fatalf("request failed: %q, want the body as far as it decodes, as in Newman", r.Error)
			}
			got := string(r.Resp.Body)
			switch {
			case r.Resp.Code != 200:
				t.Errorf("code %d, want 200", r.Resp.Code)
			case tc.whole && got != full:
				t.Errorf("body is %d bytes, want all %d", len(got), len(full))
			case !tc.whole && (len(got) < len(full)/4 || !strings.HasPrefix(full, got) || got == full):
				t.Errorf("body is %d bytes, want a part of the %d-byte body from its start", len(got), len(full))
			}
		})
	}
}
