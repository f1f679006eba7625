package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestBinaryMasksTheMockJWTInGoLog checks net/http's log line (bytes a
// server sent after its answer, here an echo of the request) for the demo
// JWT --mock puts in {{jwt}}: it is masked in every run, not only in runs
// that sign in with --tableau-auth.
func TestBinaryMasksTheMockJWTInGoLog(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	addr := trailingBytesServer(t, func(head string) string { return head })
	// The next requests go to another server, as in
	// TestBinaryWarnsOfBytesAfterAResponse: they give the transport time
	// to read the echo on the idle connection before the run ends.
	fine := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(fine.Close)
	coll := writeFile(t, t.TempDir(), "c.json", fmt.Sprintf(`{"info":{"name":"u"},"item":[{"name":"echo","request":"http://%s/{{jwt}}"},
		{"name":"fine 1","request":"%s/b"},{"name":"fine 2","request":"%s/c"}]}`, addr, fine.URL, fine.URL))
	cmd := exec.Command(bin, "run", coll, "--mock", "--color", "off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "sent bytes after the end of a response") {
		t.Fatalf("no warning about the echoed bytes; stderr:\n%s", stderr.String())
	}
	if jwt := regexp.MustCompile(`eyJ[\w-]+\.[\w-]+\.[\w-]+`).FindString(stderr.String()); jwt != "" {
		t.Errorf("the mock's JWT reached stderr: %s\n%s", jwt, stderr.String())
	}
}
