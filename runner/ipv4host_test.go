package runner

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A host written as an IPv4 shorthand is the address Node's URL parser
// makes of it: Newman 6.2.2 sent each of these to 127.0.0.1 with
// "Host: 127.0.0.1:PORT", and its report and pm.request.url showed
// http://127.0.0.1:PORT/x (newman's integration fixture whatwg-url, "IP
// shorthands"). colrun looked the shorthand up as a name and failed with
// getaddrinfo ENOTFOUND.
func TestIPv4ShorthandHosts(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/x": func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.Host))
	}})
	port := rec.srv.URL[strings.LastIndex(rec.srv.URL, ":")+1:]
	tests := []struct{ name, host string }{
		{"two parts", "127.1"},
		{"three parts", "127.0.1"},
		{"one number", "2130706433"},
		{"hex part", "0x7f.0.0.1"},
		{"upper-case hex", "0X7F.1"},
		{"hex last part", "127.0.0.0x1"},
		{"octal part", "0177.0.0.1"},
		{"trailing dot", "127.0.0.1."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, collection(rec.srv.URL, `{"name":"ip","request":{"method":"GET","url":"http://`+tt.host+`:`+port+`/x"}}`))
			ev, _ := run(t, c, Options{})
			reqs := ev.requests()
			if len(reqs) != 1 || reqs[0].Resp == nil {
				t.Fatalf("got %d requests, want 1 with a response: %+v", len(reqs), reqs)
			}
			want := "127.0.0.1:" + port
			got := []string{reqs[0].Sent.URL, string(reqs[0].Resp.Body)}
			if d := cmp.Diff([]string{"http://" + want + "/x", want}, got); d != "" {
				t.Errorf("sent URL and Host header (-want +got):\n%s", d)
			}
		})
	}
}
