package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// An export path naming an existing directory gets a file inside it, named
// as Newman names it, instead of an error after the run.
func TestExportIntoDirectoryUsesNewmansFileName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"`+srv.URL+`/x",
		"event":[{"listen":"test","script":{"exec":["pm.environment.set('seen', 'yes'); pm.globals.set('g', 1);"]}}]}]}`)
	envDir := filepath.Join(dir, "envs")
	globDir := filepath.Join(dir, "globs")
	for _, d := range []string{envDir, globDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	res := colrun(t, nil, "run", coll, "--export-environment", envDir, "--export-globals", globDir+string(filepath.Separator), "--color", "off")
	if res.code != 0 {
		t.Fatalf("exit %d\nstderr:\n%s", res.code, res.stderr)
	}
	for _, tc := range []struct {
		dir, item, key string
	}{{envDir, "environment", "seen"}, {globDir, "globals", "g"}} {
		entries, err := os.ReadDir(tc.dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 {
			t.Fatalf("%s holds %d files, want one export", tc.dir, len(entries))
		}
		name := entries[0].Name()
		// newman-environment-2026-11-27-01-20-00-123-0.json, as Newman 6.2.2 names it.
		if !regexp.MustCompile(`^newman-` + tc.item + `-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}-0\.json$`).MatchString(name) {
			t.Errorf("export file name %q is not Newman's", name)
		}
		data, err := os.ReadFile(filepath.Join(tc.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Values []struct{ Key string } `json:"values"`
		}
		if err := json.Unmarshal(data, &doc); err != nil || len(doc.Values) != 1 || doc.Values[0].Key != tc.key {
			t.Errorf("%s: %s (err %v), want the variable %q", name, data, err, tc.key)
		}
	}
}
