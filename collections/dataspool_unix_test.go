//go:build unix

package collections

import (
	"path/filepath"
	"strings"
	"testing"
)

// An endless data source (-d /dev/zero, -d <(yes)) is copied only up to
// the limit, then refused with the copy removed, instead of filling the
// disk; the real limit is V8's longest string, past which Newman cannot
// read a data file either.
func TestSpoolStopsAtItsLimit(t *testing.T) {
	// A temporary directory of its own (t.Setenv: not parallel), to see
	// that the copy is removed.
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	name, err := spool("/dev/zero", 4096)
	if err == nil || !strings.Contains(err.Error(), "more than Newman can read") {
		t.Fatalf("spool(/dev/zero) = %q, %v; want an error saying it is too big", name, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
		t.Errorf("spool left its copy behind: %v", left)
	}
}
