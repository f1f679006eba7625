package runner

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A header value goes on the wire as Node writes it, one byte per
// character (latin1): Newman 6.2.2 sends "café" as caf\xe9, where colrun
// sent UTF-8, and refuses a value with a character past U+00FF with
// Node's TypeError (Invalid character in header content ["X-Euro"]).
func TestHeaderValuesGoOutInLatin1(t *testing.T) {
	t.Parallel()
	addr, lines := rawHeadRecorder(t, func(first bool, line string) bool { return strings.HasPrefix(line, "X-") })
	c := parse(t, collection("http://"+addr, `
		{"name":"latin","request":{"url":"{{base}}/a","header":[{"key":"X-Latin","value":"café"}]}},
		{"name":"euro","request":{"url":"{{base}}/b","header":[{"key":"X-Euro","value":"5€"}]}}`))
	ev, _ := runScripted(t, c, Options{})
	reqs := ev.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d request events, want 2", len(reqs))
	}
	if reqs[0].Error != "" {
		t.Errorf("latin1 value: request error %q", reqs[0].Error)
	}
	r := reqs[1]
	if r.ErrorFields == nil {
		t.Fatalf("value past U+00FF: error %q without Node's fields", r.Error)
	}
	if d := cmp.Diff([]string{`Invalid character in header content ["X-Euro"]`, "ERR_INVALID_CHAR", "TypeError"},
		[]string{r.Error, r.ErrorFields.Code, r.ErrorFields.Name()}); d != "" {
		t.Errorf("error, code, name (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"X-Latin: caf\xe9"}, lines()); d != "" {
		t.Errorf("header lines on the wire (-want +got):\n%q", d)
	}
}

// rawHeadRecorder serves on 127.0.0.1, one connection at a time, and keeps
// the lines of each request head that keep accepts (first is the request
// line), as the bytes arrived; lines returns them in order. Each request
// gets an empty 200 and the connection is closed.
func rawHeadRecorder(t *testing.T, keep func(first bool, line string) bool) (addr string, lines func() []string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var mu sync.Mutex
	var got []string
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			r := bufio.NewReader(c)
			for first := true; ; first = false {
				line, err := r.ReadString('\n')
				if err != nil || line == "\r\n" {
					break
				}
				if line = strings.TrimRight(line, "\r\n"); keep(first, line) {
					mu.Lock()
					got = append(got, line)
					mu.Unlock()
				}
			}
			c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
			c.Close()
		}
	}()
	return ln.Addr().String(), func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
}
