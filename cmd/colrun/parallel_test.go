package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestParallelRunsAreDeterministic runs 40 data-driven iterations on four
// workers several times: the output is grouped per iteration in order, and
// the exported environment is the one a sequential run leaves (the last
// iteration's write wins), whatever order the workers finished in.
func TestParallelRunsAreDeterministic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var rows strings.Builder
	rows.WriteString("n\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&rows, "%d\n", i)
	}
	data := writeFile(t, dir, "d.csv", rows.String())
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"par"},"item":[{"name":"echo",
		"event":[{"listen":"test","script":{"exec":[
		  "pm.test('echoed', () => pm.expect(pm.response.json().args.n).to.equal(String(pm.iterationData.get('n'))));",
		  "pm.environment.set('last', pm.iterationData.get('n'));",
		  "pm.environment.set('seen-' + pm.iterationData.get('n'), true);"]}}],
		"request":"http://{{server}}/get?n={{n}}"}]}`)
	for round := 0; round < 3; round++ {
		export := filepath.Join(dir, fmt.Sprintf("env%d.json", round))
		res := colrun(t, nil, "run", coll, "--mock", "-d", data, "--parallel", "4", "--export-environment", export, "--color", "off")
		if res.code != exitOK {
			t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
		}
		last := -1
		for i := 1; i <= 40; i++ {
			at := strings.Index(res.stdout, fmt.Sprintf("Iteration %d/40", i))
			if at <= last {
				t.Fatalf("round %d: iteration %d is not after iteration %d in the output", round, i, i-1)
			}
			last = at
		}
		vars := readExport(t, export)
		if vars["last"][0] != "40" {
			t.Errorf("round %d: exported last = %q, want 40 (the last iteration's write)", round, vars["last"][0])
		}
		for i := 1; i <= 40; i++ {
			if vars[fmt.Sprintf("seen-%d", i)][0] != "true" {
				t.Errorf("round %d: the write of iteration %d was lost", round, i)
			}
		}
	}
}
