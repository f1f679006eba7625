package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An environment or globals entry without a "key" (named by "id" or
// "name", as the v2.0 schema describes one) is out of Newman's reach, and
// Newman 6.2.2's exports write it back as it came, without a key. colrun
// wrote its id or name as the "key", so the next run resolved {{onlyid}}
// where the first one had not.
func TestExportKeepsUnnamedEntriesUnnamed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"`+srv.URL+`/x",
		"event":[{"listen":"test","script":{"exec":["pm.environment.set('new', 'x'); pm.globals.set('g', 'y');"]}}]}]}`)
	vars := `[{"id":"onlyid","value":"1"},{"key":"k","value":"2"},{"name":"onlyname","value":"3"},{"value":"z"},{"id":"i","name":"n","value":"w"}]`
	env := writeFile(t, dir, "env.json", `{"name":"e","values":`+vars+`}`)
	glob := writeFile(t, dir, "glob.json", `{"name":"g","values":`+vars+`}`)
	envOut, globOut := filepath.Join(dir, "env-out.json"), filepath.Join(dir, "glob-out.json")
	res := colrun(t, nil, "run", coll, "-e", env, "-g", glob, "--export-environment", envOut, "--export-globals", globOut, "--color", "off")
	if res.code != 0 {
		t.Fatalf("exit %d\nstderr:\n%s", res.code, res.stderr)
	}
	// Newman 6.2.2's exports name each entry so (its "type" and "value"
	// too, checked elsewhere).
	names := func(added string) []map[string]string {
		return []map[string]string{
			{"id": "onlyid"}, {"key": "k"}, {"name": "onlyname"}, {}, {"id": "i", "name": "n"}, {"key": added},
		}
	}
	for _, tc := range []struct{ file, added string }{{envOut, "new"}, {globOut, "g"}} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct{ Values []map[string]any }
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		var got []map[string]string
		for _, v := range doc.Values {
			m := map[string]string{}
			for _, k := range []string{"key", "id", "name"} {
				if s, ok := v[k].(string); ok {
					m[k] = s
				}
			}
			got = append(got, m)
		}
		if d := cmp.Diff(names(tc.added), got); d != "" {
			t.Errorf("%s: naming members (-want +got):\n%s", filepath.Base(tc.file), d)
		}
	}
}

// Scripts see an entry without a key as Newman 6.2.2 shows it: not in
// toObject(), and in toJSON() with its id or name and no key (colrun
// listed it under its id or name as if that were its key).
func TestScriptsListUnnamedEntriesAsNewman(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	env := writeFile(t, dir, "env.json", `{"name":"e","values":[{"id":"onlyid","value":"1"},{"key":"k","value":"2"},{"name":"onlyname","value":"3"}]}`)
	// Newman 6.2.2's values, as it prints them for this environment.
	script := []string{
		`pm.test('toObject', function () { pm.expect(JSON.stringify(pm.environment.toObject())).to.equal('{"k":"2"}'); });`,
		`pm.test('variables.toObject', function () { pm.expect(JSON.stringify(pm.variables.toObject())).to.equal('{"k":"2"}'); });`,
		`pm.test('toJSON', function () { pm.expect(JSON.stringify(pm.environment.toJSON().values)).to.equal('[{"id":"onlyid","type":"any","value":"1"},{"type":"any","value":"2","key":"k"},{"name":"onlyname","type":"any","value":"3"}]'); });`,
	}
	exec, err := json.Marshal(script)
	if err != nil {
		t.Fatal(err)
	}
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"`+srv.URL+`/x",
		"event":[{"listen":"test","script":{"exec":`+string(exec)+`}}]}]}`)
	res := colrun(t, nil, "run", coll, "-e", env, "--color", "off")
	if res.code != 0 {
		t.Errorf("exit %d, want 0 (every assertion passing)\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
}
