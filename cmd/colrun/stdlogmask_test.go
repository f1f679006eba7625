package main

import (
	"bytes"
	"fmt"
	"log"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/auth"
)

// What net/http logs quotes the bytes a server sent, which may echo the
// request: its Tableau secrets are masked there too, found unquoted.
func TestStdLogWriterMasks(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	w := &stdLogWriter{w: &out}
	w.red.Store(auth.NewRedactor("made-up-token", `made"up\pw`))
	l := log.New(w, "", 0)
	l.Printf(unsolicitedPrefix+"%q; err=%v", "GET / HTTP/1.1\r\nX-Tableau-Auth: made-up-token\r\n\r\npassword=made\"up\\pw", nil)
	l.Printf("http: something about made-up-token")
	want := `colrun: warning: a server sent bytes after the end of a response (a body longer than its Content-Length, or a body on a 204, 304 or HEAD response), starting with "GET / HTTP/1.1\r\nX-Tableau-Auth: ********\r\n\r\npassword=********"; they were ignored and the connection closed
colrun: http: something about ********
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

// A server that echoes the request after its answer (here after a chunked
// body, so that Go's Transport logs it) got the session token in the
// X-Tableau-Auth header the collection gave it; the binary's warning
// quoting those bytes masks it.
func TestBinaryMasksTheTokenInBytesAfterAResponse(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	addr := trailingBytesServer(t, func(head string) string { return head })
	dir := t.TempDir()
	export := filepath.Join(dir, "env.json")
	// The second request goes to the mock, so that the echoing
	// connection is never reused and the outcome does not depend on timing.
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"echo"},"item":[{"name":"echo","request":{"method":"GET","url":"http://%s/a","header":[{"key":"X-Tableau-Auth","value":"{{api-key}}"}]}},{"name":"fine","request":"{{baseUrl}}/serverinfo"}]}`, addr))
	cmd := exec.Command(bin, "run", coll, "--mock", "--tableau-auth", "pat", "--color", "off", "--export-environment", export)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
	}
	token := readExport(t, export)["api-key"][0]
	if token == "" || !strings.Contains(stderr.String(), "X-Tableau-Auth: ********") {
		t.Fatalf("the echo was not warned about, masked (token %q):\n%s", token, stderr.String())
	}
	if strings.Contains(stderr.String(), token) {
		t.Errorf("stderr shows the session token:\n%s", stderr.String())
	}
}
