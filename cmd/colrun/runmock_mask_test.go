package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/colrun/colrun/auth"
)

// TestMockReusesAnExportedEnvironment checks that an environment exported
// from a --mock --tableau-auth run, where each secret is written as the
// mask, can be fed back to --mock: the masked variables take the demo
// values again instead of signing in with "********".
func TestMockReusesAnExportedEnvironment(t *testing.T) {
	t.Parallel()
	coll := "../../collections/tableau-reads.postman_collection.json"
	export := filepath.Join(t.TempDir(), "env.json")
	first := colrun(t, nil, "run", coll, "--mock", "--tableau-auth", "password", "--export-environment", export, "--color", "off")
	if first.code != 0 {
		t.Fatalf("first run: exit %d\n%s%s", first.code, first.stdout, first.stderr)
	}
	b, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), auth.Mask) {
		t.Fatalf("the exported environment masks no secret:\n%s", b)
	}
	second := colrun(t, nil, "run", coll, "--mock", "-e", export, "--color", "off")
	if second.code != 0 {
		t.Errorf("run with the exported environment: exit %d\n%s%s", second.code, second.stdout, second.stderr)
	}
}
