package runner

import (
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedirectLocationIsResolvedOnItsText follows redirects as Newman
// 6.2.2 follows them: postman-runtime resolves a Location by joining
// text (resolveNodeUrl), so dot segments, encoded or not, go out as the
// server wrote them, even past the root; backslashes become slashes; the
// fragment is never sent but stays in the URL that the next hop's Referer
// and the maxRedirects error name. colrun removed dot segments (and sent
// a fragment on the request line). Each hop is one line, "request line |
// Host | Referer | Authorization", read by a raw server as Newman sent
// it; {{addr}} is the server's address.
func TestRedirectLocationIsResolvedOnItsText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		item      string            // the item's request and protocolProfileBehavior
		locations map[string]string // request target -> Location
		want      []string
		wantErr   string
	}{
		{
			name:      "relative, with dot segments",
			item:      `"request":"{{base}}/e/f"`,
			locations: map[string]string{"/e/f": "../up/ok/./x"},
			want:      []string{"GET /e/f HTTP/1.1 | {{addr}} |  | ", "GET /e/../up/ok/./x HTTP/1.1 | {{addr}} | http://{{addr}}/e/f | "},
		},
		{
			name:      "absolute path, with dot segments",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "/e/../up/ok/./x"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /e/../up/ok/./x HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "absolute URL, with dot segments, query and fragment",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "http://{{addr}}/a/./b/../c?q=1#h"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /a/./b/../c?q=1 HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "absolute URL, upper-case scheme",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "HTTP://{{addr}}/A/../b"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /A/../b HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "network path, with dot segments",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "//{{addr}}/a/../c"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /a/../c HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "absolute path past the root",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "/../../x"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /../../x HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "relative past the root",
			item:      `"request":"{{base}}/e/f"`,
			locations: map[string]string{"/e/f": "../../../../x"},
			want:      []string{"GET /e/f HTTP/1.1 | {{addr}} |  | ", "GET /e/../../../../x HTTP/1.1 | {{addr}} | http://{{addr}}/e/f | "},
		},
		{
			name:      "dot, dot-dot and dot-slash alone",
			item:      `"request":"{{base}}/a/b"`,
			locations: map[string]string{"/a/b": ".", "/a/.": "..", "/a/..": "./"},
			want: []string{"GET /a/b HTTP/1.1 | {{addr}} |  | ", "GET /a/. HTTP/1.1 | {{addr}} | http://{{addr}}/a/b | ",
				"GET /a/.. HTTP/1.1 | {{addr}} | http://{{addr}}/a/. | ", "GET /a/./ HTTP/1.1 | {{addr}} | http://{{addr}}/a/.. | "},
		},
		{
			name:      "encoded dot segments, and plain ones",
			item:      `"request":"{{base}}/e/f"`,
			locations: map[string]string{"/e/f": "%2e%2e/b/./%2E/c"},
			want:      []string{"GET /e/f HTTP/1.1 | {{addr}} |  | ", "GET /e/%2e%2e/b/./%2E/c HTTP/1.1 | {{addr}} | http://{{addr}}/e/f | "},
		},
		{
			name:      "backslashes",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": `\b\..\y`},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /b/../y HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "a space is encoded, the dot segment kept",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "/sp ace/../x"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /sp%20ace/../x HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "relative from a path with dot segments",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "/a/../b/./hop", "/a/../b/./hop": "y?z=1"},
			want: []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /a/../b/./hop HTTP/1.1 | {{addr}} | http://{{addr}}/s | ",
				"GET /a/../b/./y?z=1 HTTP/1.1 | {{addr}} | http://{{addr}}/a/../b/./hop | "},
		},
		{
			name:      "query keeps its dot segments, fragment dropped",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "/x?a=../b&c=./d#../e"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /x?a=../b&c=./d HTTP/1.1 | {{addr}} | http://{{addr}}/s | "},
		},
		{
			name:      "fragment named in the next Referer",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "/t#fr", "/t": "/u#", "/u": "/done"},
			want: []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /t HTTP/1.1 | {{addr}} | http://{{addr}}/s | ",
				"GET /u HTTP/1.1 | {{addr}} | http://{{addr}}/t#fr | ", "GET /done HTTP/1.1 | {{addr}} | http://{{addr}}/u# | "},
		},
		{
			name:      "request URL's fragment named in the Referer",
			item:      `"request":"{{base}}/s#top"`,
			locations: map[string]string{"/s": "/t"},
			want:      []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /t HTTP/1.1 | {{addr}} | http://{{addr}}/s#top | "},
		},
		{
			name:      "fragment only, a loop named with its fragment",
			item:      `"request":"{{base}}/d/s?x=1","protocolProfileBehavior":{"maxRedirects":2}`,
			locations: map[string]string{"/d/s?x=1": "#frag"},
			want: []string{"GET /d/s?x=1 HTTP/1.1 | {{addr}} |  | ", "GET /d/s?x=1 HTTP/1.1 | {{addr}} | http://{{addr}}/d/s?x=1 | ",
				"GET /d/s?x=1 HTTP/1.1 | {{addr}} | http://{{addr}}/d/s?x=1#frag | "},
			wantErr: "Exceeded maxRedirects. Probably stuck in a redirect loop http://{{addr}}/d/s?x=1#frag",
		},
		{
			name:      "maxRedirects names the path as sent",
			item:      `"request":"{{base}}/c18/s","protocolProfileBehavior":{"maxRedirects":1}`,
			locations: map[string]string{"/c18/s": "../c18/./t", "/c18/../c18/./t": "x"},
			want:      []string{"GET /c18/s HTTP/1.1 | {{addr}} |  | ", "GET /c18/../c18/./t HTTP/1.1 | {{addr}} | http://{{addr}}/c18/s | "},
			wantErr:   "Exceeded maxRedirects. Probably stuck in a redirect loop http://{{addr}}/c18/../c18/./t",
		},
		{
			name:      "stray percent with dot segments and fragment",
			item:      `"request":"{{base}}/s"`,
			locations: map[string]string{"/s": "/p/%zz/../x#f%zz", "/p/%zz/../x": "y"},
			want: []string{"GET /s HTTP/1.1 | {{addr}} |  | ", "GET /p/%zz/../x HTTP/1.1 | {{addr}} | http://{{addr}}/s | ",
				"GET /p/%zz/../y HTTP/1.1 | {{addr}} | http://{{addr}}/p/%zz/../x#f%zz | "},
		},
		{
			name: "POST turned GET keeps Authorization on the same host",
			item: `"request":{"method":"POST","url":"{{base}}/a/b","body":{"mode":"raw","raw":"hello"},
				"header":[{"key":"Authorization","value":"Bearer t"},{"key":"Host","value":"custom.example"}]}`,
			locations: map[string]string{"/a/b": "../x/./y"},
			want:      []string{"POST /a/b HTTP/1.1 | custom.example |  | Bearer t", "GET /a/../x/./y HTTP/1.1 | {{addr}} | http://{{addr}}/a/b | Bearer t"},
		},
		{
			name:      "another host drops Authorization",
			item:      `"request":{"url":"{{base}}/a/b","header":[{"key":"Authorization","value":"Bearer t"}]}`,
			locations: map[string]string{"/a/b": "http://localhost:{{port}}/c/../z"},
			want:      []string{"GET /a/b HTTP/1.1 | {{addr}} |  | Bearer t", "GET /c/../z HTTP/1.1 | localhost:{{port}} | http://{{addr}}/a/b | "},
		},
		{
			name:      "another host keeps Authorization with followAuthorizationHeader",
			item:      `"request":{"url":"{{base}}/a/b","header":[{"key":"Authorization","value":"Bearer t"}]},"protocolProfileBehavior":{"followAuthorizationHeader":true}`,
			locations: map[string]string{"/a/b": "http://localhost:{{port}}/c/../z"},
			want:      []string{"GET /a/b HTTP/1.1 | {{addr}} |  | Bearer t", "GET /c/../z HTTP/1.1 | localhost:{{port}} | http://{{addr}}/a/b | Bearer t"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var got []string
			addr := serveRedirects(t, tc.locations, func(req rawRequest) {
				mu.Lock()
				got = append(got, strings.Join([]string{req.line, req.host, req.referer, req.authorization}, " | "))
				mu.Unlock()
			})
			_, port, _ := net.SplitHostPort(addr)
			expand := strings.NewReplacer("{{addr}}", addr, "{{port}}", port).Replace
			c := parse(t, collection("http://"+addr, `{"name":"r",`+tc.item+`}`))
			ev, _ := run(t, c, Options{})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests, want 1", len(reqs))
			}
			if wantErr := expand(tc.wantErr); reqs[0].Error != wantErr {
				t.Errorf("error = %q, want %q", reqs[0].Error, wantErr)
			}
			if tc.wantErr == "" && (reqs[0].Resp == nil || reqs[0].Resp.Code != 200) {
				t.Errorf("response = %+v, want 200 after the redirects", reqs[0].Resp)
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, expand(w))
			}
			mu.Lock()
			defer mu.Unlock()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("requests received (-want +got):\n%s", diff)
			}
		})
	}
}
