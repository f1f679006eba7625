package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStdLogWriter(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	w := &stdLogWriter{w: &out}
	l := log.New(w, "", 0)
	for range 3 {
		l.Printf(unsolicitedPrefix+"%q; err=%v", "EXTRA", nil)
	}
	l.Printf("http: TLS handshake error from 127.0.0.1:1: EOF")
	w.close()
	want := `colrun: warning: a server sent bytes after the end of a response (a body longer than its Content-Length, or a body on a 204, 304 or HEAD response), starting with "EXTRA"; they were ignored and the connection closed
colrun: http: TLS handshake error from 127.0.0.1:1: EOF
colrun: warning: servers sent bytes after the end of a response 2 more times
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

// A server that sends more than its Content-Length makes Go's Transport
// log a line of its own; the binary turns it into colrun's warning.
func TestBinaryWarnsOfBytesAfterAResponse(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	// After a chunked body: colrun fails a body longer than its
	// Content-Length as Newman does, but cannot tell where a chunked one
	// ends.
	addr := trailingBytesServer(t, func(string) string { return "EXTRA-BYTES" })
	// The second request goes to another server, so that the lying
	// connection is never reused and the outcome does not depend on timing.
	fine := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(fine.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"u"},"item":[{"name":"liar","request":"http://%s/a"},{"name":"fine","request":"%s/b"}]}`, addr, fine.URL))
	cmd := exec.Command(bin, "run", coll, "--color", "off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "Unsolicited") {
		t.Errorf("Go's own log line reached stderr:\n%s", stderr.String())
	}
	want := `colrun: warning: a server sent bytes after the end of a response (a body longer than its Content-Length, or a body on a 204, 304 or HEAD response), starting with "EXTRA-BYTES"; they were ignored and the connection closed` + "\n"
	if diff := cmp.Diff(want, stderr.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	if !strings.Contains(stdout.String(), "[200 OK") {
		t.Errorf("stdout lacks the liar's response:\n%s", stdout.String())
	}
}

// trailingBytesServer answers every request with a chunked "hi" followed
// by extra(request head) on the same connection, which Go's Transport
// logs once the connection is idle.
func trailingBytesServer(t *testing.T, extra func(head string) string) net.Addr {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				var head strings.Builder
				br := bufio.NewReader(c)
				for {
					l, err := br.ReadString('\n')
					if err != nil {
						return
					}
					head.WriteString(l)
					if l == "\r\n" {
						break
					}
				}
				_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n" + extra(head.String())))
			}()
		}
	}()
	return ln.Addr()
}
