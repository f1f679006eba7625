package runner

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedirectToALocationWithStrayPercents follows a Location whose %
// starts no escape as Newman 6.2.2 follows it: the path goes out as the
// server wrote it (Go's server refuses such a request line, so a raw one
// records it), resolved against the base's directory with its dot
// segments kept, and the Referer names the path as sent. colrun refused
// the Location ("invalid URL escape").
func TestRedirectToALocationWithStrayPercents(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var lines []string
	locations := map[string]string{
		"/d/zz":      "/next%zz",
		"/d/pct":     "/next%",
		"/d/pct4":    "/next%4",
		"/d/one":     "next%zz",
		"/d/next%zz": "b%4?x=%",
		"/d/abs":     "http://{{addr}}/abs%zz#frag%q",
		"/d/net":     "//{{addr}}/np%zz?%",
		"/d/query":   "?q=%zz",
		"/d/dots":    "../up/%zz/./x",
	}
	addr := serveRedirects(t, locations, func(req rawRequest) {
		mu.Lock()
		lines = append(lines, req.line+" | "+req.referer)
		mu.Unlock()
	})
	base := "http://" + addr
	tests := []struct {
		path  string
		lines []string // request line | Referer, as Newman 6.2.2 sent them
		hops  []string
	}{
		{"/d/zz", []string{"GET /d/zz HTTP/1.1 | ", "GET /next%zz HTTP/1.1 | " + base + "/d/zz"}, []string{base + "/next%zz"}},
		{"/d/pct", []string{"GET /d/pct HTTP/1.1 | ", "GET /next% HTTP/1.1 | " + base + "/d/pct"}, []string{base + "/next%"}},
		{"/d/pct4", []string{"GET /d/pct4 HTTP/1.1 | ", "GET /next%4 HTTP/1.1 | " + base + "/d/pct4"}, []string{base + "/next%4"}},
		{"/d/one", []string{"GET /d/one HTTP/1.1 | ", "GET /d/next%zz HTTP/1.1 | " + base + "/d/one", "GET /d/b%4?x=% HTTP/1.1 | " + base + "/d/next%zz"},
			[]string{base + "/d/next%zz", base + "/d/b%4?x=%"}},
		{"/d/abs", []string{"GET /d/abs HTTP/1.1 | ", "GET /abs%zz HTTP/1.1 | " + base + "/d/abs"}, []string{base + "/abs%zz"}},
		{"/d/net", []string{"GET /d/net HTTP/1.1 | ", "GET /np%zz?% HTTP/1.1 | " + base + "/d/net"}, []string{base + "/np%zz?%"}},
		{"/d/query", []string{"GET /d/query HTTP/1.1 | ", "GET /d/query?q=%zz HTTP/1.1 | " + base + "/d/query"}, []string{base + "/d/query?q=%zz"}},
		{"/d/dots", []string{"GET /d/dots HTTP/1.1 | ", "GET /d/../up/%zz/./x HTTP/1.1 | " + base + "/d/dots"}, []string{base + "/d/../up/%zz/./x"}},
	}
	for _, tc := range tests {
		mu.Lock()
		lines = nil
		mu.Unlock()
		c := parse(t, collection(base, `{"name":"r","request":"{{base}}`+tc.path+`"}`))
		ev, _ := run(t, c, Options{})
		reqs := ev.requests()
		if len(reqs) != 1 || reqs[0].Resp == nil || reqs[0].Resp.Code != http.StatusOK {
			t.Errorf("%s: requests = %+v, want one answered 200 after the redirect", tc.path, reqs)
			continue
		}
		var hops []string
		for _, r := range reqs[0].Redirs {
			hops = append(hops, r.URL)
		}
		if diff := cmp.Diff(tc.hops, hops); diff != "" {
			t.Errorf("%s: redirects (-want +got):\n%s", tc.path, diff)
		}
		mu.Lock()
		got := lines
		mu.Unlock()
		if diff := cmp.Diff(tc.lines, got); diff != "" {
			t.Errorf("%s: requests received (-want +got):\n%s", tc.path, diff)
		}
	}
}

// serveRedirects serves on 127.0.0.1, passing each request to record and
// answering it with a 302 to locations[its target] ({{addr}} and
// {{port}} filled in) or, for a target not there, 200. It returns the
// address.
func serveRedirects(t *testing.T, locations map[string]string, record func(rawRequest)) string {
	t.Helper()
	return serveLoopback(t, nil, func(c net.Conn) {
		addr := c.LocalAddr().String()
		_, port, _ := net.SplitHostPort(addr)
		fill := strings.NewReplacer("{{addr}}", addr, "{{port}}", port)
		br := bufio.NewReader(c)
		for {
			req, err := readRawRequest(br)
			if err != nil {
				return
			}
			record(req)
			if loc, ok := locations[strings.Fields(req.line)[1]]; ok {
				fmt.Fprintf(c, "HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n", fill.Replace(loc))
				continue
			}
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
		}
	})
}

// rawRequest is a request line and the headers redirects change, read
// without Go's server, which answers 400 to a target with a stray % and
// cleans dot segments.
type rawRequest struct{ line, host, referer, authorization string }

// readRawRequest reads one request, discarding its body.
func readRawRequest(br *bufio.Reader) (rawRequest, error) {
	var req rawRequest
	length := 0
	for first := true; ; first = false {
		l, err := br.ReadString('\n')
		if err != nil {
			return req, err
		}
		l = strings.TrimRight(l, "\r\n")
		key, value, _ := strings.Cut(l, ":")
		value = strings.TrimSpace(value)
		switch {
		case l == "":
			_, err := io.CopyN(io.Discard, br, int64(length))
			return req, err
		case first:
			req.line = l
		case strings.EqualFold(key, "Host"):
			req.host = value
		case strings.EqualFold(key, "Referer"):
			req.referer = value
		case strings.EqualFold(key, "Authorization"):
			req.authorization = value
		case strings.EqualFold(key, "Content-Length"):
			length, _ = strconv.Atoi(value)
		}
	}
}
