package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Mistakes a Newman user makes in a first hour with colrun, each refused
// with exit 2 and one line that says what went wrong where the bare error
// left them guessing. Newman 6.2.2's own words for each are in the
// comments: colrun says more, never less.
func TestFirstHourCommandLineMistakes(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[{"name":"r","request":"%s/x"}]}`, srv.URL))
	env := writeFile(t, dir, "env.json", `{"name":"e","values":[{"key":"a","value":"1"}]}`)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			// Newman: "invalid value `c.json` for --color. Expected: auto|on|off", exit 0.
			"color taken for a switch",
			[]string{"run", "--color", coll},
			"colrun run: missing the collection file; --color took " + coll + " as its value (usage: colrun run <collection> [flags])\n",
		},
		{
			// Newman: "error: missing required argument 'collection'", exit 1.
			"report path forgotten",
			[]string{"run", "-r", "json", "--reporter-json-export", coll},
			"colrun run: missing the collection file; --reporter-json-export took " + coll + " as its value (usage: colrun run <collection> [flags])\n",
		},
		{
			"collection given as the environment",
			[]string{"run", "-e", coll},
			"colrun run: missing the collection file; --environment took " + coll + " as its value (usage: colrun run <collection> [flags])\n",
		},
		{
			"only the collection forgotten",
			[]string{"run", "-e", env},
			"colrun run: missing the collection file (usage: colrun run <collection> [flags])\n",
		},
		{
			// Newman runs the cli reporter alone and never mentions json.
			"reporters apart",
			[]string{"run", coll, "-r", "cli", "json", "junit"},
			"colrun run: expected one collection file, got 3: " + coll + " json junit; reporters are separated by commas: -r cli,json,junit\n",
		},
		{
			"two collections",
			[]string{"run", coll, coll},
			"colrun run: expected one collection file, got 2: " + coll + " " + coll + "\n",
		},
		{
			// Newman: "error: expecting a collection to run"; colrun said
			// "colrun: : collection file not found".
			"collection path empty",
			[]string{"run", "", "-e", env},
			"colrun run: the collection path is empty (an unset shell variable?)\n",
		},
		{
			// Newman: "runtime~extractRunnableItems: Invalid entrypoint".
			"an empty folder beside another",
			[]string{"run", coll, "--folder", "", "--folder", "r"},
			"colrun: --folder \"\": no folder or request with that name or id in " + coll + "\n",
		},
		{
			// Newman reads "" as --bail's value, and does not bail.
			"an empty argument",
			[]string{"run", coll, "--bail", ""},
			"colrun run: expected one collection file, got 2: " + coll + " \"\"\n",
		},
		{
			// Newman runs, and every file a body names fails to load.
			"working directory mistyped",
			[]string{"run", coll, "--working-dir", filepath.Join(dir, "fiels")},
			"colrun: --working-dir " + filepath.Join(dir, "fiels") + ": no such directory\n",
		},
		{
			"working directory a file",
			[]string{"run", coll, "--working-dir", env},
			"colrun: --working-dir " + env + ": not a directory\n",
		},
		{
			// Newman: "error: unknown option '--no-color' (Did you mean --color?)".
			"Newman 5's --no-color",
			[]string{"run", coll, "--no-color"},
			"colrun run: unknown flag: --no-color; did you mean --color off? (see \"colrun run --help\")\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, tc.args...)
			if res.code != exitUsage {
				t.Errorf("exit %d, want %d", res.code, exitUsage)
			}
			if diff := cmp.Diff(tc.want, res.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			if res.stdout != "" {
				t.Errorf("stdout = %q, want nothing", res.stdout)
			}
		})
	}
}

// A trailing comma, the commonest slip in a hand-edited collection or
// environment, is named as Newman 6.2.2 names it ("Trailing comma in
// object at 2:24"), at the same line and column; colrun printed
// encoding/json's "invalid character '}' looking for beginning of object
// key string".
func TestFirstHourTrailingComma(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[{"name":"r","request":"%s/x"}]}`, srv.URL))
	tests := []struct {
		name, flag, file, content, want string
	}{
		{"collection, object", "", "trail.json", "{\n  \"info\": {\"name\": \"c\",},\n  \"item\": []\n}\n",
			":2:24: invalid JSON: trailing comma in object"},
		{"collection, array after a line break", "", "trail.json", "{\"info\": {\"name\": \"c\"}, \"item\": [\n  {\"name\": \"r\", \"request\": \"x\"},\r\n  ]}",
			":3:3: invalid JSON: trailing comma in array"},
		{"environment", "-e", "env.json", `{"values":[{"key":"a","value":"b"},]}`,
			":1:36: invalid JSON: trailing comma in array"},
		{"globals", "-g", "globals.json", `{"values":[{"key":"a","value":"b",}]}`,
			":1:35: invalid JSON: trailing comma in object"},
		{"a comma that is not trailing", "-e", "env.json", `{"values":[,{"key":"a","value":"b"}]}`,
			":1:12: invalid JSON: invalid character ',' looking for beginning of value"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := writeFile(t, dir, fmt.Sprintf("%d-%s", i, tc.file), tc.content)
			args := []string{"run", path}
			if tc.flag != "" {
				args = []string{"run", coll, tc.flag, path}
			}
			res := colrun(t, nil, args...)
			if res.code != exitUsage {
				t.Errorf("exit %d, want %d", res.code, exitUsage)
			}
			want := "colrun: " + path + tc.want + "\n"
			if diff := cmp.Diff(want, res.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// --folder "$FOLDER" with the variable unset runs the whole collection, as
// in Newman 6.2.2 (which says nothing); colrun refused it, exit 2, so a CI
// job that passed under Newman failed.
func TestFirstHourEmptyFolderRunsAll(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[
		{"name":"A","item":[{"name":"a","request":"%[1]s/a"}]},
		{"name":"b","request":"%[1]s/b"}]}`, srv.URL))
	res := colrun(t, nil, "run", coll, "--folder", "", "--color", "off", "--disable-unicode")
	if res.code != exitOK {
		t.Fatalf("exit %d, want 0; stderr:\n%s", res.code, res.stderr)
	}
	if want := "colrun: warning: --folder \"\" names nothing, so the whole collection runs, as in Newman\n"; res.stderr != want {
		t.Errorf("stderr = %q, want %q", res.stderr, want)
	}
	for _, url := range []string{srv.URL + "/a", srv.URL + "/b"} {
		if !strings.Contains(res.stdout, "GET "+url+" [200 OK") {
			t.Errorf("no request to %s; stdout:\n%s", url, res.stdout)
		}
	}
}
