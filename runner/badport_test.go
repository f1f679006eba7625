package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A URL whose port Node will not connect to fails its request with Node's
// RangeError, as Newman 6.2.2 reports it, whether Go's URL parser (abc,
// -1) or its dialer (65536) is the one that refuses it; port 0 is a port
// and the connect fails, named without ":0" as Node names it.
func TestBadPortIsNodesError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		port string
		want []string // message, code, name, first line of the stack
	}{
		{"65536", []string{"Port should be >= 0 and < 65536. Received type string ('65536').", "ERR_SOCKET_BAD_PORT", "RangeError",
			"RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received type string ('65536')."}},
		{"abc", []string{"Port should be >= 0 and < 65536. Received type string ('abc').", "ERR_SOCKET_BAD_PORT", "RangeError",
			"RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received type string ('abc')."}},
		{"-1", []string{"Port should be >= 0 and < 65536. Received type string ('-1').", "ERR_SOCKET_BAD_PORT", "RangeError",
			"RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received type string ('-1')."}},
		{"0", []string{"connect ECONNREFUSED 127.0.0.1", "ECONNREFUSED", "Error", "Error: connect ECONNREFUSED 127.0.0.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.port, func(t *testing.T) {
			t.Parallel()
			c := parse(t, collection("http://127.0.0.1:"+tt.port, `{"name":"r","request":{"method":"GET","url":"{{base}}/x"}}`))
			ev, _ := runScripted(t, c, Options{})
			reqs := ev.requests()
			if len(reqs) != 1 || reqs[0].ErrorFields == nil {
				t.Fatalf("%d request events (want 1, errored with Node's fields)", len(reqs))
			}
			r := reqs[0]
			got := []string{r.Error, r.ErrorFields.Code, r.ErrorFields.Name(), r.ErrorFields.StackHead(r.Error)}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("request error, code, name, stack (-want +got):\n%s", d)
			}
		})
	}
}
