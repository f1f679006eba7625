package runner

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// With protocolProfileBehavior.disableUrlEncoding the path and query go
// out as written, as Newman 6.2.2 sends them; a space, a control
// character or one beyond U+00FF fails the request with Node's error, and
// a latin1 character goes out as one byte. The first two are Newman's
// integration fixture whatwg-url ("Disabled Encoding"), the rest what
// Newman sent to a raw server. colrun percent-encoded as usual.
func TestDisableURLEncodingSendsTheURLAsWritten(t *testing.T) {
	t.Parallel()
	base := requestLineServer(t)
	tests := []struct{ name, url, want string }{
		{"path", base + "/!/\"/$/%/&/'/(/)/*/+/,/-/.///0/1/2/3/4/5/6/7/8/9/:/;/</=/>/@/A/B/C/D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S/T/U/V/W/X/Y/Z/[/]/^/_/`/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/{/|/}/~",
			"GET /!/\"/$/%/&/'/(/)/*/+/,/-/.///0/1/2/3/4/5/6/7/8/9/:/;/</=/>/@/A/B/C/D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S/T/U/V/W/X/Y/Z/[/]/^/_/`/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/{/|/}/~ HTTP/1.1"},
		{"query", base + "?q=\"'<=>!$%()*+,-./0123456789:;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
			"GET /?q=\"'<=>!$%()*+,-./0123456789:;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ HTTP/1.1"},
		{"path and query", base + "/a\"<>`{}|?q=\"'<>`{}&x=%zz", "GET /a\"<>`{}|?q=\"'<>`{}&x=%zz HTTP/1.1"},
		{"latin1", base + "/caf\u00e9", "GET /caf\xe9 HTTP/1.1"},
		{"space", base + "/a b", "error: Request path contains unescaped characters"},
		{"beyond latin1", base + "/\u4f60", "error: Request path contains unescaped characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, collection(base, fmt.Sprintf(`{"name":"r","request":{"method":"GET","url":%q}}`, tt.url)))
			on := true
			c.ProtocolProfileBehavior.DisableURLEncoding = &on
			ev, _ := run(t, c, Options{})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests, want 1", len(reqs))
			}
			got := "error: " + reqs[0].Error
			if reqs[0].Resp != nil {
				got = string(reqs[0].Resp.Body)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("request line (-want +got):\n%s", d)
			}
		})
	}
}
