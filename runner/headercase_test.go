package runner

import (
	"bufio"
	"net"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHeaderSpelledInSeveralCasesGoesOutUnderTheLastSpelling reads the
// raw header lines of a request that sets a header more than once, and
// the Cookie header its report lists. The wanted lines are what Newman
// 6.2.2 sent and listed: for a name spelled in more than one case, the
// spelling seen last wins with all its values and under its own name
// (Node's setHeader keeps the name it is given; colrun used the first
// spelling's name); a Cookie set more than once goes out as one line, its
// values joined by "; " and the jar's cookies after them, listed once
// after the other headers (colrun sent a line per value and lost all
// but the last when the jar added cookies).
func TestHeaderSpelledInSeveralCasesGoesOutUnderTheLastSpelling(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, headers string
		want          []string
		// wantListed is the Cookie headers the report lists.
		wantListed []string
	}{
		{"lower case, then capitals", `{"key":"x-a","value":"1"},{"key":"X-A","value":"2"}`, []string{"X-A: 2"}, nil},
		{"capitals, lower case, capitals", `{"key":"X-A","value":"1"},{"key":"x-a","value":"2"},{"key":"X-A","value":"3"}`, []string{"x-a: 2"}, nil},
		{"a repeated spelling, then two others", `{"key":"X-A","value":"1"},{"key":"X-A","value":"2"},{"key":"x-a","value":"3"},{"key":"x-A","value":"4"}`, []string{"x-A: 4"}, nil},
		{"one spelling repeated", `{"key":"X-A","value":"1"},{"key":"X-A","value":"2"}`, []string{"X-A: 1", "X-A: 2"}, nil},
		{"Cookie twice", `{"key":"Cookie","value":"a=1"},{"key":"X-B","value":"x"},{"key":"Cookie","value":"b=2"}`, []string{"Cookie: a=1; b=2"}, []string{"Cookie: a=1; b=2 (last)"}},
		{"Cookie in two spellings", `{"key":"Cookie","value":"a=1"},{"key":"X-B","value":"x"},{"key":"cookie","value":"b=2"}`, []string{"cookie: b=2"}, []string{"cookie: b=2 (last)"}},
		{"Cookie twice and the jar's", `{"key":"Cookie","value":"a=9"},{"key":"X-B","value":"x"},{"key":"Cookie","value":"b=2"}`, []string{"Cookie: a=9; b=2; j=1"}, []string{"Cookie: a=9; b=2; j=1 (last)"}},
		{"Cookie once and the jar's", `{"key":"Cookie","value":"a=9"},{"key":"X-B","value":"x"}`, []string{"Cookie: a=9; j=1"}, []string{"Cookie: a=9; j=1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			lines := make(chan []string, 1)
			base := "http://" + serveLoopback(t, nil, func(c net.Conn) {
				r := bufio.NewReader(c)
				var got []string
				for {
					line, err := r.ReadString('\n')
					line = strings.TrimRight(line, "\r\n")
					if err != nil || line == "" {
						break
					}
					if name, _, _ := strings.Cut(line, ":"); strings.EqualFold(name, "x-a") || strings.EqualFold(name, "cookie") {
						got = append(got, line)
					}
				}
				lines <- got
				c.Write([]byte("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"))
			})
			var opts Options
			if strings.HasSuffix(tc.name, "the jar's") {
				opts.Cookies = []StoredCookie{{Name: "j", Value: "1", Domain: "127.0.0.1", Path: "/", HostOnly: true}}
			}
			ev, _ := run(t, parse(t, collection(base, `{"name":"h","request":{"url":"{{base}}/h","header":[`+tc.headers+`]}}`)), opts)
			sent := <-lines
			if d := cmp.Diff(tc.want, sent); d != "" {
				t.Errorf("lines sent (-Newman +colrun):\n%s", d)
			}
			reqs := ev.requests()
			if len(reqs) != 1 || tc.wantListed == nil {
				return
			}
			var listed []string
			hs := reqs[0].Sent.Headers
			for i, h := range hs {
				if strings.EqualFold(h.Key, "Cookie") {
					l := h.Key + ": " + h.Value
					if i == len(hs)-1 {
						l += " (last)"
					}
					listed = append(listed, l)
				}
			}
			if d := cmp.Diff(tc.wantListed, listed); d != "" {
				t.Errorf("Cookie headers listed (-Newman +colrun):\n%s", d)
			}
		})
	}
}
