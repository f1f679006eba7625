package runner

import (
	"bufio"
	"fmt"
	"net"
	neturl "net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// requestLineServer answers each request with its request line, read off
// the wire before any parsing (Go's server refuses some targets Node
// sends); a request line ending in /hop is redirected to next?y=1.
func requestLineServer(t *testing.T) string {
	t.Helper()
	return "http://" + serveLoopback(t, nil, func(c net.Conn) {
		br := bufio.NewReader(c)
		line, _ := br.ReadString('\n')
		for {
			l, err := br.ReadString('\n')
			if err != nil || l == "\r\n" {
				break
			}
		}
		line = strings.TrimRight(line, "\r\n")
		if strings.HasSuffix(line, "/hop HTTP/1.1") {
			fmt.Fprint(c, "HTTP/1.1 302 Found\r\nLocation: next?y=1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
			return
		}
		fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s", len(line), line)
	})
}

// The request line carries the path and query as Newman 6.2.2 sends them
// (Node's URL encoding, no more): | ^ [ ] and a % that starts no escape
// are sent as written. Go re-escaped the first (/a%7Cb%5Ec...) and
// refused the second ("invalid URL escape"). The expected lines are
// Newman's, read by a raw server; "printable characters" is Newman's
// integration fixture whatwg-url's "path encoding". Through an HTTP proxy
// the request line is the whole URL, with the path as written too, and a
// relative redirect is resolved against the path as written.
func TestRequestLineIsTheEncodedURL(t *testing.T) {
	t.Parallel()
	base := requestLineServer(t)
	tests := []struct {
		name, url, want string
		proxy           bool
	}{
		{"pipe caret brackets", base + "/a|b^c`d/[x]", "GET /a|b^c%60d/[x] HTTP/1.1", false},
		{"lone percent", base + "/a%/b%zz/c%2", "GET /a%/b%zz/c%2 HTTP/1.1", false},
		{"query as written", base + "/x?q=a|b^c%zz`{}", "GET /x?q=a|b^c%zz`{} HTTP/1.1", false},
		{"percent in path and query", base + "/%?%", "GET /%?% HTTP/1.1", false},
		{"plain", base + "/get?a=1", "GET /get?a=1 HTTP/1.1", false},
		{"printable characters", base + `/ /!/"/$/%/&/'/(/)/*/+/,/-/.///0/1/2/3/4/5/6/7/8/9/:/;/</=/>/@/A/B/C/D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S/T/U/V/W/X/Y/Z/[/]/^/_/` + "`" + `/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/{/|/}/~`,
			"GET /%20/!/%22/$/%/&/'/(/)/*/+/,/-/.///0/1/2/3/4/5/6/7/8/9/:/;/%3C/=/%3E/@/A/B/C/D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S/T/U/V/W/X/Y/Z/[/]/^/_/%60/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/%7B/|/%7D/~ HTTP/1.1", false},
		{"relative redirect", base + "/a|b/x%/hop", "GET /a|b/x%/next?y=1 HTTP/1.1", false},
		{"proxy, pipe", "http://colrun.invalid/a|b%/c?q=|", "GET http://colrun.invalid/a|b%/c?q=| HTTP/1.1", true},
		{"proxy, plain", "http://colrun.invalid/a/b?q=1", "GET http://colrun.invalid/a/b?q=1 HTTP/1.1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, collection(base, fmt.Sprintf(`{"name":"r","request":{"method":"GET","url":%q}}`, tt.url)))
			var opts Options
			if tt.proxy {
				opts.Proxy = func(*neturl.URL) (*neturl.URL, error) { return neturl.Parse(base) }
			}
			ev, _ := run(t, c, opts)
			reqs := ev.requests()
			if len(reqs) != 1 || reqs[0].Resp == nil {
				t.Fatalf("got %d requests, want 1 with a response: %+v", len(reqs), reqs)
			}
			if d := cmp.Diff(tt.want, string(reqs[0].Resp.Body)); d != "" {
				t.Errorf("request line (-want +got):\n%s", d)
			}
		})
	}
}
