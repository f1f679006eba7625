//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe given to a flag, without a collection (colrun run -d
// fifo), gets the usage error at once: looking for a collection among the
// flags' values opened the pipe and waited for a writer that never came.
// Without the fix this test hangs until go test's timeout.
func TestFirstHourMissingCollectionBesideAPipe(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "data.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	res := colrun(t, nil, "run", "-d", fifo)
	if res.code != exitUsage {
		t.Errorf("exit %d, want %d", res.code, exitUsage)
	}
	if want := "colrun run: missing the collection file (usage: colrun run <collection> [flags])\n"; res.stderr != want {
		t.Errorf("stderr = %q, want %q", res.stderr, want)
	}
}
