//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInterruptWritesReports stops a run with a signal while a request
// hangs. Newman 6.2.2 dies at once (exit 130 for SIGINT, 143 for SIGTERM)
// and leaves no JSON or JUnit report and no export; colrun exits with the
// same code after writing all three with what ran, the RunError naming the
// signal, and sends nothing more.
func TestInterruptWritesReports(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		name string
	}{
		{syscall.SIGINT, 130, "SIGINT"},
		{syscall.SIGTERM, 143, "SIGTERM"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, hit, okHits := hangServer(t)
			dir := t.TempDir()
			coll := hangCollection(t, dir, srv.URL, "/hang", "")
			jsonPath, xmlPath, envPath := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.xml"), filepath.Join(dir, "env.json")
			cmd := exec.Command(bin, "run", coll, "-r", "cli,json,junit", "--reporter-json-export", jsonPath,
				"--reporter-junit-export", xmlPath, "--export-environment", envPath, "-x")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			<-hit
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
				t.Errorf("colrun ended with %v, want exit code %d (-x does not hide it)\nstderr: %s", err, tc.code, stderr.String())
			}
			want := runReport{
				Executions: []string{"first", "middle"},
				Failures: []string{
					"request middle: request to " + strings.TrimPrefix(srv.URL, "http://") + " was cancelled",
					"run : run interrupted: " + tc.name + " received",
				},
				Exported: []string{"ran_first"},
			}
			if diff := cmp.Diff(want, readRunReport(t, jsonPath, envPath)); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			if xml, err := os.ReadFile(xmlPath); err != nil || !bytes.Contains(xml, []byte(`<testcase name="ok"`)) {
				t.Errorf("JUnit report without the first request's test (%v):\n%s", err, xml)
			}
			if n := okHits.Load(); n != 1 {
				t.Errorf("%d requests answered, want 1 (nothing sent after the signal)", n)
			}
			if line := "colrun: run stopped: run interrupted: " + tc.name + " received\n"; !strings.Contains(stderr.String(), line) {
				t.Errorf("stderr lacks %q:\n%s", line, stderr.String())
			}
		})
	}
}
