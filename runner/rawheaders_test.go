package runner

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

// rawResponses are written byte for byte by wireServer, so that the case,
// order and spacing of header lines are exactly what a test says.
var rawResponses = map[string]string{
	"/mixed":    "HTTP/1.1 200 OK\r\nx-lowercase: low\r\nETag: \"abc\"\r\nWWW-Authenticate: Basic realm=\"x\"\r\nSet-Cookie: a=1; Path=/\r\nX-Dup: one\r\nContent-Type: text/plain\r\nSet-Cookie: b=2; Path=/\r\nX-Dup: two\r\nX-Request-ID:   spaced value  \r\nContent-Length: 5\r\n\r\nhello",
	"/chunked":  "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nx-after: 1\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
	"/continue": "HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\nHTTP/1.1 200 OK\r\nx-final: 1\r\nContent-Length: 2\r\n\r\nok",
	"/early":    "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 201 Created\r\nx-final: 1\r\nContent-Length: 2\r\n\r\nok",
	"/latin":    "HTTP/1.1 200 OK\r\nX-Utf8: caf\xc3\xa9\r\nX-Empty:\r\nx-UPPER-lower: v\r\nContent-Length: 2\r\n\r\nok",
	"/odd":      "HTTP/1.1 200 OK\r\nX-Dup: one\r\n42: answer\r\nx-dup: lower\r\n7: seven\r\nX-Dup: two\r\n007: bond\r\nContent-Length: 2\r\n\r\nok",
	// Go takes Connection out of its parse when it says close.
	"/close":    "HTTP/1.1 200 OK\r\nx-first: 1\r\nconnection: close\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok",
	"/redirect": "HTTP/1.1 302 Found\r\nlocation: /mixed\r\nContent-Length: 0\r\n\r\n",
	// Past maxHeaderBlock: Newman fails the request (Node's limit is
	// 16 KB), and so does colrun.
	"/huge": "HTTP/1.1 200 OK\r\nx-big: " + strings.Repeat("b", maxHeaderBlock) + "\r\nx-small: s\r\nContent-Length: 2\r\n\r\nok",
}

// wireServer serves rawResponses on 127.0.0.1, keeping connections open
// so that later requests reuse them; with tlsCfg it serves https.
func wireServer(t *testing.T, tlsCfg *tls.Config) string {
	t.Helper()
	scheme, wrap := "http", func(ln net.Listener) net.Listener { return ln }
	if tlsCfg != nil {
		scheme, wrap = "https", func(ln net.Listener) net.Listener { return tls.NewListener(ln, tlsCfg) }
	}
	return scheme + "://" + serveLoopback(t, wrap, func(c net.Conn) {
		br := bufio.NewReader(c)
		for {
			req, err := http.ReadRequest(br)
			if err != nil {
				return
			}
			resp, ok := rawResponses[req.URL.Path]
			if !ok {
				resp = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
			}
			if _, err := c.Write([]byte(resp)); err != nil {
				return
			}
		}
	})
}

// Newman 6.2.2's view of rawResponses, recorded from a test script that
// logs [pm.response.headers.toJSON(), pm.response.headers.toObject(),
// responseHeaders, postman.getResponseHeader('x-lowercase') || null,
// pm.response.size().header].
const (
	newmanMixed    = `[[{"key":"x-lowercase","value":"low"},{"key":"ETag","value":"\"abc\""},{"key":"WWW-Authenticate","value":"Basic realm=\"x\""},{"key":"Set-Cookie","value":"a=1; Path=/"},{"key":"Set-Cookie","value":"b=2; Path=/"},{"key":"X-Dup","value":"one"},{"key":"X-Dup","value":"two"},{"key":"Content-Type","value":"text/plain"},{"key":"X-Request-ID","value":"spaced value"},{"key":"Content-Length","value":"5"}],{"x-lowercase":"low","etag":"\"abc\"","www-authenticate":"Basic realm=\"x\"","set-cookie":["a=1; Path=/","b=2; Path=/"],"x-dup":["one","two"],"content-type":"text/plain","x-request-id":"spaced value","content-length":"5"},{"x-lowercase":"low","ETag":"\"abc\"","WWW-Authenticate":"Basic realm=\"x\"","Set-Cookie":"b=2; Path=/","X-Dup":"two","Content-Type":"text/plain","X-Request-ID":"spaced value","Content-Length":"5"},"low",232]`
	newmanChunked  = `[[{"key":"Content-Type","value":"text/plain"},{"key":"Transfer-Encoding","value":"chunked"},{"key":"x-after","value":"1"}],{"content-type":"text/plain","transfer-encoding":"chunked","x-after":"1"},{"Content-Type":"text/plain","Transfer-Encoding":"chunked","x-after":"1"},null,85]`
	newmanContinue = `[[{"key":"x-final","value":"1"},{"key":"Content-Length","value":"2"}],{"x-final":"1","content-length":"2"},{"x-final":"1","Content-Length":"2"},null,50]`
	newmanEarly    = `[[{"key":"x-final","value":"1"},{"key":"Content-Length","value":"2"}],{"x-final":"1","content-length":"2"},{"x-final":"1","Content-Length":"2"},null,55]`
	newmanLatin    = `[[{"key":"X-Utf8","value":"cafÃ©"},{"key":"X-Empty","value":""},{"key":"x-UPPER-lower","value":"v"},{"key":"Content-Length","value":"2"}],{"x-utf8":"cafÃ©","x-empty":"","x-upper-lower":"v","content-length":"2"},{"X-Utf8":"cafÃ©","X-Empty":"","x-UPPER-lower":"v","Content-Length":"2"},null,82]`
	newmanOdd      = `[[{"key":"7","value":"seven"},{"key":"42","value":"answer"},{"key":"X-Dup","value":"one"},{"key":"X-Dup","value":"two"},{"key":"x-dup","value":"lower"},{"key":"007","value":"bond"},{"key":"Content-Length","value":"2"}],{"7":"seven","42":"answer","x-dup":["one","two","lower"],"007":"bond","content-length":"2"},{"7":"seven","42":"answer","X-Dup":"two","x-dup":"lower","007":"bond","Content-Length":"2"},null,109]`
	newmanClose    = `[[{"key":"x-first","value":"1"},{"key":"connection","value":"close"},{"key":"Content-Type","value":"text/plain"},{"key":"Content-Length","value":"2"}],{"x-first":"1","connection":"close","content-type":"text/plain","content-length":"2"},{"x-first":"1","connection":"close","Content-Type":"text/plain","Content-Length":"2"},null,95]`
	// pm.sendRequest's response to /odd, as res.headers.toJSON().
	newmanSentOdd = `[{"key":"7","value":"seven"},{"key":"42","value":"answer"},{"key":"X-Dup","value":"one"},{"key":"X-Dup","value":"two"},{"key":"x-dup","value":"lower"},{"key":"007","value":"bond"},{"key":"Content-Length","value":"2"}]`
)

// TestResponseHeadersAsTheServerSentThem checks that scripts and reports
// see a response's headers as Newman shows them: the names' case, arrival
// order with a name's repeats gathered at its first place, Transfer-
// Encoding, no interim 1xx headers, values latin1-decoded as Node does,
// and Newman's header size; over http and https, on new and reused
// connections, after a redirect and from pm.sendRequest.
func TestResponseHeadersAsTheServerSentThem(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(nil)
	srv.StartTLS()
	defer srv.Close()
	log := `console.log('H ' + JSON.stringify([pm.response.headers.toJSON(), pm.response.headers.toObject(), responseHeaders, postman.getResponseHeader('x-lowercase') || null, pm.response.size().header]));`
	send := `pm.sendRequest(pm.variables.get('base') + '/odd', function (err, res) { console.log('S ' + (err || JSON.stringify(res.headers.toJSON()))); });`
	paths := []string{"mixed", "chunked", "continue", "early", "latin", "odd", "close", "redirect", "mixed"}
	want := []string{newmanMixed, newmanChunked, newmanContinue, newmanEarly, newmanLatin, newmanOdd, newmanClose, newmanMixed, newmanMixed}
	var items []string
	for _, p := range paths {
		items = append(items, fmt.Sprintf(`{"name":%q,"request":"{{base}}/%s","event":[{"listen":"test","script":{"exec":[%q]}}]}`, p, p, log))
	}
	items = append(items, fmt.Sprintf(`{"name":"send","request":"{{base}}/chunked","event":[{"listen":"test","script":{"exec":[%q]}}]}`, send))
	for i := range want {
		want[i] = "H " + want[i]
	}
	want = append(want, "S "+newmanSentOdd)

	for _, tc := range []struct {
		name string
		tls  *tls.Config
	}{
		{"http", nil},
		{"https", srv.TLS},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := wireServer(t, tc.tls)
			ev, _ := runScripted(t, parse(t, collection(base, strings.Join(items, ","))), Options{Insecure: true, Verbose: true})
			var got []string
			for _, e := range ev.all {
				if c := e.Console; c != nil {
					// Messages are shown as Newman's reporters show them,
					// a string in single quotes with \ and ' escaped.
					m := strings.TrimSuffix(strings.TrimPrefix(c.Messages[0], "'"), "'")
					m = strings.NewReplacer(`\\`, `\`, `\'`, `'`).Replace(m)
					if strings.HasPrefix(m, "H ") || strings.HasPrefix(m, "S ") {
						got = append(got, m)
					}
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("headers scripts see (-newman +colrun):\n%s", diff)
			}
			// What the json report lists and sizes.
			reqs := ev.requests()
			if len(reqs) == 0 || reqs[0].Resp == nil {
				t.Fatalf("no response for the first request: %+v", reqs)
			}
			first := reqs[0].Resp
			wantFirst := []event.Header{
				{Key: "x-lowercase", Value: "low"}, {Key: "ETag", Value: `"abc"`}, {Key: "WWW-Authenticate", Value: `Basic realm="x"`},
				{Key: "Set-Cookie", Value: "a=1; Path=/"}, {Key: "Set-Cookie", Value: "b=2; Path=/"},
				{Key: "X-Dup", Value: "one"}, {Key: "X-Dup", Value: "two"}, {Key: "Content-Type", Value: "text/plain"},
				{Key: "X-Request-ID", Value: "spaced value"}, {Key: "Content-Length", Value: "5"},
			}
			if diff := cmp.Diff(wantFirst, first.Headers); diff != "" || first.HeaderSize != 232 {
				t.Errorf("report headers (-newman +colrun):\n%s\nheader size %d, Newman's 232", diff, first.HeaderSize)
			}
			if tc.tls != nil && (first.Timings == nil || first.Timings.TLS == 0) {
				// --verbose shows the handshake's phase, which colrun
				// now measures itself.
				t.Errorf("https timings have no TLS handshake: %+v", first.Timings)
			}
		})
	}
}

// TestHugeHeaderBlockFailsAsInNewman checks that a header block past
// maxHeaderBlock fails the request as Newman 6.2.2 fails it (Node refuses
// heads over 16 KB), and that the next response is still recorded.
// colrun used to take it, listing the headers as Go parsed them.
func TestHugeHeaderBlockFailsAsInNewman(t *testing.T) {
	t.Parallel()
	base := wireServer(t, nil)
	ev, _ := run(t, parse(t, collection(base, `{"name":"huge","request":"{{base}}/huge"},{"name":"after","request":"{{base}}/mixed"}`)), Options{})
	reqs := ev.requests()
	if len(reqs) != 2 || reqs[1].Resp == nil {
		t.Fatalf("want two requests, the second answered, got %+v", reqs)
	}
	if got := reqs[0].Error; got != "Parse Error: Header overflow" {
		t.Errorf("huge block: error %q, Newman's is %q", got, "Parse Error: Header overflow")
	}
	// The connection goes on recording the next response.
	if got := reqs[1].Resp.Headers[0].Key; got != "x-lowercase" {
		t.Errorf("next response's first header is %q, want x-lowercase", got)
	}
}

// connectProxy is an HTTP proxy on 127.0.0.1 that tunnels CONNECT
// requests, as corporate proxies do for https.
func connectProxy(t *testing.T) *url.URL {
	t.Helper()
	addr := serveLoopback(t, nil, func(c net.Conn) {
		br := bufio.NewReader(c)
		req, err := http.ReadRequest(br)
		if err != nil || req.Method != http.MethodConnect {
			return
		}
		up, err := net.Dial("tcp", req.Host)
		if err != nil {
			return
		}
		defer up.Close()
		io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
		go io.Copy(up, br)
		io.Copy(c, up)
	})
	return &url.URL{Scheme: "http", Host: addr}
}

// TestHTTPSThroughAProxyTunnel checks that an https request through a
// CONNECT proxy, whose connection Go encrypts itself so that colrun cannot
// record its plaintext headers, still succeeds with every header, listed
// as Go parsed them.
func TestHTTPSThroughAProxyTunnel(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(nil)
	srv.StartTLS()
	defer srv.Close()
	base := wireServer(t, srv.TLS)
	proxy := connectProxy(t)
	ev, _ := run(t, parse(t, collection(base, `{"name":"chunked","request":"{{base}}/chunked"}`)),
		Options{Insecure: true, Proxy: func(*url.URL) (*url.URL, error) { return proxy, nil }})
	reqs := ev.requests()
	if len(reqs) != 1 || reqs[0].Resp == nil {
		t.Fatalf("want a response, got %+v", reqs)
	}
	want := []event.Header{{Key: "Content-Type", Value: "text/plain"}, {Key: "X-After", Value: "1"}, {Key: "Transfer-Encoding", Value: "chunked"}}
	if diff := cmp.Diff(want, reqs[0].Resp.Headers); diff != "" {
		t.Errorf("headers through a tunnel (-want +got):\n%s", diff)
	}
}
