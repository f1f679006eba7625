package runner

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestTimeoutRequestIsAnIdleTimeout checks --timeout-request as Newman
// 6.2.2 applies it (postman-request's socket timeout): a body that keeps
// arriving passes however long it takes in all, and a server that goes
// quiet for longer than the timeout fails the request with
// ESOCKETTIMEDOUT. colrun bounded the whole request, so the slow body
// failed where Newman passed (checked side by side: a byte every 200ms
// with --timeout-request 500 is "200 OK, 2s" under Newman).
func TestTimeoutRequestIsAnIdleTimeout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// gaps are the pauses before each body byte.
		gaps            []time.Duration
		wantErr, wantOK string
	}{
		{"body trickles in, each gap under the timeout", []time.Duration{0, 150 * time.Millisecond, 150 * time.Millisecond, 150 * time.Millisecond, 150 * time.Millisecond}, "", "abcde"},
		{"server goes quiet mid-body", []time.Duration{0, 900 * time.Millisecond}, "ESOCKETTIMEDOUT", ""},
		{"no head at all", nil, "ESOCKETTIMEDOUT", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ln.Close() })
			go func() {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				defer c.Close()
				if _, err := http.ReadRequest(bufio.NewReader(c)); err != nil {
					return
				}
				if tc.gaps == nil {
					time.Sleep(900 * time.Millisecond)
					return
				}
				fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nContent-Type: text/plain\r\n\r\n", len(tc.gaps))
				for i, gap := range tc.gaps {
					time.Sleep(gap)
					if _, err := c.Write([]byte{"abcde"[i]}); err != nil {
						return
					}
				}
				time.Sleep(100 * time.Millisecond)
			}()
			items := `{"name":"r","request":{"method":"GET","url":"http://` + ln.Addr().String() + `/slow"}}`
			ev, _ := run(t, parse(t, collection("", items)), Options{RequestTimeout: 500 * time.Millisecond})
			var gotErr, gotBody string
			for _, e := range ev.all {
				if e.Request != nil {
					gotErr = e.Request.Error
					if e.Request.Resp != nil {
						gotBody = string(e.Request.Resp.Body)
					}
				}
			}
			if gotErr != tc.wantErr || gotBody != tc.wantOK {
				t.Errorf("request error %q, body %q; Newman: error %q, body %q", gotErr, gotBody, tc.wantErr, tc.wantOK)
			}
		})
	}
}
