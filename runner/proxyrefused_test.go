package runner

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

// TestRefusingProxyIsNamedInTheError sends through an HTTP proxy that
// refuses connections (127.0.0.1:1). Newman 6.2.2 names the proxy, not the
// target, in the request's error, in its JSON report's error fields and in
// what pm.sendRequest's callback gets; colrun named example.invalid:80.
func TestRefusingProxyIsNamedInTheError(t *testing.T) {
	t.Parallel()
	proxy := func(*url.URL) (*url.URL, error) { return url.Parse("http://127.0.0.1:1") }
	tests := []struct {
		name, item string
		wantError  string
		wantFields *event.NodeError
		wantTests  []string
		// wantRequests counts the requests that fail, each the same way.
		wantRequests int
	}{
		{
			name:         "request",
			item:         `{"name":"r","request":{"method":"GET","url":"http://example.invalid/x"}}`,
			wantError:    "connect ECONNREFUSED 127.0.0.1:1",
			wantFields:   &event.NodeError{Errno: -111, Code: "ECONNREFUSED", Syscall: "connect", Address: "127.0.0.1", Port: 1},
			wantRequests: 1,
		},
		{
			name: "pm.sendRequest",
			item: `{"name":"r","request":{"method":"GET","url":"http://example.invalid/x"},"event":[{"listen":"prerequest","script":{"exec":[
				"pm.sendRequest('http://example.invalid/y', (err) => pm.test('err ' + JSON.stringify(err), () => {}));"]}}]}`,
			wantError:    "connect ECONNREFUSED 127.0.0.1:1",
			wantFields:   &event.NodeError{Errno: -111, Code: "ECONNREFUSED", Syscall: "connect", Address: "127.0.0.1", Port: 1},
			wantRequests: 2,
			wantTests:    []string{`err {"errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":1}`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc := `{"info":{"name":"p","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + tc.item + `]}`
			ev, _ := runScripted(t, parse(t, doc), Options{Proxy: proxy})
			// pm.sendRequest's request is listed too, before the item's.
			reqs := ev.requests()
			if len(reqs) != tc.wantRequests {
				t.Fatalf("got %d requests, want %d", len(reqs), tc.wantRequests)
			}
			for _, r := range reqs {
				if r.Error != tc.wantError {
					t.Errorf("error = %q, want %q", r.Error, tc.wantError)
				}
				if d := cmp.Diff(tc.wantFields, r.ErrorFields); d != "" {
					t.Errorf("error fields (-Newman +colrun):\n%s", d)
				}
			}
			if d := cmp.Diff(tc.wantTests, ev.testNames()); d != "" {
				t.Errorf("what the script saw (-Newman +colrun):\n%s", d)
			}
		})
	}
}
