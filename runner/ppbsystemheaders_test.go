package runner

import (
	"bufio"
	"io"
	"net"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

// ppbWireRequest is a request as a raw TCP server read it: its header lines
// and every byte after the head, so that a body sent without framing
// (no Content-Length, no Transfer-Encoding) is seen too.
type ppbWireRequest struct {
	path   string
	header []string
	rest   string
}

// newPPBWireServer answers each connection's first request with 200 and
// Connection: close, then keeps what else the client wrote.
func newPPBWireServer(t *testing.T) (base string, got func() map[string]ppbWireRequest) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[string]ppbWireRequest{}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func(c net.Conn) {
				defer wg.Done()
				defer c.Close()
				r := bufio.NewReader(c)
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				req := ppbWireRequest{path: strings.Fields(line)[1]}
				for {
					line, err := r.ReadString('\n')
					if err != nil || line == "\r\n" {
						break
					}
					req.header = append(req.header, strings.TrimRight(line, "\r\n"))
				}
				c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"))
				rest, _ := io.ReadAll(r)
				req.rest = string(rest)
				mu.Lock()
				seen[req.path] = req
				mu.Unlock()
			}(c)
		}
	}()
	return "http://" + ln.Addr().String(), func() map[string]ppbWireRequest {
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		return seen
	}
}

// TestDisabledSystemHeadersAsNewmanLeavesThemOut checks
// protocolProfileBehavior.disabledSystemHeaders against what Newman 6.2.2
// sent to a raw recording server on 127.0.0.1 and listed in its JSON
// report and pm.request.headers. postman-runtime honours the lower-case
// names only, each value as JavaScript's truthiness, and a request's
// object replaces its folder's whole; a header the request sets itself is
// sent anyway. Without Content-Length the body goes unframed. A raw or
// GraphQL body's Content-Type stays listed, disabled; a form's is not
// listed. colrun sends no Postman-Token or Connection, and always a Host
// (Go's client cannot leave it out), so Host is not compared here.
func TestDisabledSystemHeadersAsNewmanLeavesThemOut(t *testing.T) {
	t.Parallel()
	const all = `{"user-agent":true,"accept":true,"cache-control":true,"accept-encoding":true,"connection":true,"postman-token":true,"content-type":true,"content-length":true,"host":true}`
	ua := "User-Agent: PostmanRuntime/7.39.1"
	std := []string{"Accept-Encoding: gzip, deflate, br", "Accept: */*", "Cache-Control: no-cache", ua}
	sys := func(key, value string) event.Header { return event.Header{Key: key, Value: value, System: true} }
	stdListed := []event.Header{sys("User-Agent", "PostmanRuntime/7.39.1"), sys("Accept", "*/*"), sys("Cache-Control", "no-cache"), sys("Accept-Encoding", "gzip, deflate, br")}
	tests := []struct {
		name, item string
		// wire are the header lines Newman sent (Host, Postman-Token and
		// Connection left out), sorted; body is what followed the head.
		wire   []string
		body   string
		listed []event.Header
	}{
		{"all on a GET", `{"name":"a","protocolProfileBehavior":{"disabledSystemHeaders":` + all + `},"request":{"method":"GET","url":"{{base}}/a"}}`,
			nil, "", []event.Header{}},
		{"all on a JSON POST: the body goes unframed, its Content-Type listed disabled",
			`{"name":"b","protocolProfileBehavior":{"disabledSystemHeaders":` + all + `},"request":{"method":"POST","url":"{{base}}/b","body":{"mode":"raw","raw":"{\"a\":1}","options":{"raw":{"language":"json"}}}}}`,
			nil, `{"a":1}`, []event.Header{{Key: "Content-Type", Value: "application/json", System: true, Disabled: true}}},
		{"all on a urlencoded POST: no Content-Type sent or listed",
			`{"name":"c","protocolProfileBehavior":{"disabledSystemHeaders":` + all + `},"request":{"method":"POST","url":"{{base}}/c","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1"}]}}}`,
			nil, "a=1", []event.Header{}},
		{"the request's own headers go anyway",
			`{"name":"d","protocolProfileBehavior":{"disabledSystemHeaders":` + all + `},"request":{"method":"GET","url":"{{base}}/d","header":[{"key":"User-Agent","value":"mine"},{"key":"accept","value":"text/x"}]}}`,
			[]string{"User-Agent: mine", "accept: text/x"}, "", []event.Header{{Key: "User-Agent", Value: "mine"}, {Key: "accept", Value: "text/x"}}},
		{"capitalised names are not honoured",
			`{"name":"e","protocolProfileBehavior":{"disabledSystemHeaders":{"User-Agent":true,"Accept":true}},"request":{"method":"GET","url":"{{base}}/e"}}`,
			std, "", stdListed},
		{"values are JavaScript's truthiness",
			`{"name":"f","protocolProfileBehavior":{"disabledSystemHeaders":{"user-agent":"false","accept":0,"cache-control":1,"accept-encoding":null}},"request":{"method":"GET","url":"{{base}}/f"}}`,
			[]string{"Accept-Encoding: gzip, deflate, br", "Accept: */*"}, "", []event.Header{sys("Accept", "*/*"), sys("Accept-Encoding", "gzip, deflate, br")}},
		{"content-length: a text body goes unframed",
			`{"name":"g","protocolProfileBehavior":{"disabledSystemHeaders":{"content-length":true}},"request":{"method":"POST","url":"{{base}}/g","body":{"mode":"raw","raw":"hello"}}}`,
			append([]string{"Content-Type: text/plain"}, std...), "hello", append([]event.Header{sys("Content-Type", "text/plain")}, stdListed...)},
		{"content-length: a PUT without body sends no Content-Length: 0",
			`{"name":"h","protocolProfileBehavior":{"disabledSystemHeaders":{"content-length":true}},"request":{"method":"PUT","url":"{{base}}/h"}}`,
			std, "", stdListed},
		{"content-type on a JSON body",
			`{"name":"i","protocolProfileBehavior":{"disabledSystemHeaders":{"content-type":true}},"request":{"method":"POST","url":"{{base}}/i","body":{"mode":"raw","raw":"{}","options":{"raw":{"language":"json"}}}}}`,
			append([]string{"Content-Length: 2"}, std...), "{}",
			append(append([]event.Header{{Key: "Content-Type", Value: "application/json", System: true, Disabled: true}}, stdListed...), sys("Content-Length", "2"))},
		{"content-type: a urlencoded body keeps the request's own Content-Type",
			`{"name":"j","protocolProfileBehavior":{"disabledSystemHeaders":{"content-type":true}},"request":{"method":"POST","url":"{{base}}/j","header":[{"key":"Content-Type","value":"text/plain"}],"body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1"}]}}}`,
			append([]string{"Content-Length: 3", "Content-Type: text/plain"}, std...), "a=1",
			append(append([]event.Header{{Key: "Content-Type", Value: "text/plain"}}, stdListed...), sys("Content-Length", "3"))},
		{"a disabled User-Agent of the request's own is not sent either",
			`{"name":"k","protocolProfileBehavior":{"disabledSystemHeaders":{"user-agent":true}},"request":{"method":"GET","url":"{{base}}/k","header":[{"key":"User-Agent","value":"mine","disabled":true}]}}`,
			std[:3], "", append([]event.Header{{Key: "User-Agent", Value: "mine", Disabled: true}}, stdListed[1:]...)},
		{"a list disables nothing",
			`{"name":"l","protocolProfileBehavior":{"disabledSystemHeaders":["user-agent"]},"request":{"method":"GET","url":"{{base}}/l"}}`,
			std, "", stdListed},
		{"a folder's set is inherited",
			`{"name":"m","protocolProfileBehavior":{"disabledSystemHeaders":{"user-agent":true}},"item":[{"name":"m1","request":{"method":"GET","url":"{{base}}/m1"}}]}`,
			std[:3], "", stdListed[1:]},
		{"a request's set replaces its folder's",
			`{"name":"n","protocolProfileBehavior":{"disabledSystemHeaders":{"user-agent":true}},"item":[{"name":"n1","protocolProfileBehavior":{"disabledSystemHeaders":{"accept":true}},"request":{"method":"GET","url":"{{base}}/n1"}}]}`,
			[]string{"Accept-Encoding: gzip, deflate, br", "Cache-Control: no-cache", ua}, "", []event.Header{stdListed[0], stdListed[2], stdListed[3]}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base, got := newPPBWireServer(t)
			ev, _ := run(t, parse(t, collection(base, tc.item)), Options{UserAgent: "PostmanRuntime/7.39.1"})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			seen := got()
			if len(seen) != 1 {
				t.Fatalf("server saw %d requests", len(seen))
			}
			var wire []string
			var rest string
			for _, r := range seen {
				for _, h := range r.header {
					if !strings.HasPrefix(strings.ToLower(h), "host:") {
						wire = append(wire, h)
					}
				}
				rest = r.rest
			}
			sort.Strings(wire)
			var listed []event.Header
			for _, h := range reqs[0].Sent.Headers {
				if h.Key != "Host" {
					listed = append(listed, h)
				}
			}
			if listed == nil {
				listed = []event.Header{}
			}
			want := append([]string(nil), tc.wire...)
			sort.Strings(want)
			if d := cmp.Diff(want, wire); d != "" {
				t.Errorf("headers sent (-newman +colrun):\n%s", d)
			}
			if rest != tc.body {
				t.Errorf("bytes after the head = %q, Newman sent %q", rest, tc.body)
			}
			if d := cmp.Diff(tc.listed, listed); d != "" {
				t.Errorf("headers listed (-newman +colrun):\n%s", d)
			}
		})
	}
}

// TestDisabledHostHeaderIsStillSent checks that disabledSystemHeaders.host,
// which Go's HTTP client cannot honour (Newman sends no Host), is said so
// in a warning rather than ignored silently.
func TestDisabledHostHeaderIsStillSent(t *testing.T) {
	t.Parallel()
	base, got := newPPBWireServer(t)
	ev, _ := run(t, parse(t, collection(base, `{"name":"a","protocolProfileBehavior":{"disabledSystemHeaders":{"host":true}},"request":{"method":"GET","url":"{{base}}/a"}}`)), Options{})
	var warnings []string
	for _, e := range ev.all {
		if e.Warning != nil {
			warnings = append(warnings, e.Warning.Message)
		}
	}
	want := []string{"protocolProfileBehavior.disabledSystemHeaders.host is not honoured: Go's HTTP client always sends Host, so the request has one (Newman sends none)"}
	if d := cmp.Diff(want, warnings); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
	if r := got()["/a"]; !strings.HasPrefix(strings.Join(r.header, "\n"), "Host: ") {
		t.Errorf("headers sent %q, want Host first", r.header)
	}
}
