package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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

// Exporting the environment over the -e file keeps state between runs, as
// with Newman; an output aimed at the collection or the data file would
// replace it (Newman overwrites it), so that is refused before the run and
// the file is left as it was.
func TestExportOverAnInputFile(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	const collText = `{"info":{"name":"c"},"item":[{"name":"r","request":"%s/x",
		"event":[{"listen":"test","script":{"exec":["pm.environment.set('runs', pm.environment.get('runs') + 1)"]}}]}]}`
	tests := []struct {
		name     string
		args     []string // {coll}, {env} and {data} name the input files, {dir} their directory
		wantCode int
		wantErr  string
		// written is the input the run must have replaced with its
		// export; every other input must be left as it was.
		written string
		// outFiles is how many files {dir}/out must hold after the run.
		outFiles int
	}{
		{"environment exported over -e", []string{"-e", "{env}", "--export-environment", "{env}"}, exitOK, "", "{env}", 0},
		{"everything into one directory to be made", []string{"-r", "json,junit", "--reporter-json-export", "{dir}/out/", "--reporter-junit-export", "{dir}/out/", "--export-environment", "{dir}/out/"}, exitOK, "", "", 3},
		{"environment exported over the collection", []string{"-e", "{env}", "--export-environment", "{coll}"}, exitUsage,
			"colrun: --export-environment {coll}: that is the collection, which the run's output would replace", "", 0},
		{"JSON report over the data file", []string{"-d", "{data}", "-r", "json", "--reporter-json-export", "{data}"}, exitUsage,
			"colrun: --reporter-json-export {data}: that is the -d/--iteration-data file, which the run's output would replace", "", 0},
		{"globals exported over -e", []string{"-e", "{env}", "--export-globals", "{env}"}, exitUsage,
			"colrun: --export-globals {env}: that is the -e/--environment file, which the run's output would replace", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			files := map[string]string{
				"{coll}": writeFile(t, dir, "c.json", fmt.Sprintf(collText, srv.URL)),
				"{env}":  writeFile(t, dir, "env.json", `{"name":"e","values":[{"key":"runs","value":1}]}`),
				"{data}": writeFile(t, dir, "data.csv", "a\n1\n"),
			}
			pairs := []string{"{dir}", dir}
			before := map[string]string{}
			for k, p := range files {
				pairs = append(pairs, k, p)
				b, _ := os.ReadFile(p)
				before[k] = string(b)
			}
			fill := strings.NewReplacer(pairs...)
			args := []string{"run", files["{coll}"], "--color", "off"}
			for _, a := range tc.args {
				args = append(args, fill.Replace(a))
			}
			res := colrun(t, nil, args...)
			if want := fill.Replace(tc.wantErr); res.code != tc.wantCode || !strings.Contains(res.stderr, want) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", res.code, res.stderr, tc.wantCode, want)
			}
			if out, _ := os.ReadDir(filepath.Join(dir, "out")); len(out) != tc.outFiles {
				t.Errorf("%s/out holds %d files, want %d", dir, len(out), tc.outFiles)
			}
			for k, p := range files {
				b, _ := os.ReadFile(p)
				switch {
				case k == tc.written && !strings.Contains(string(b), `"value": 2`):
					t.Errorf("%s = %s, want the export, with runs = 2", k, b)
				case k != tc.written && string(b) != before[k]:
					t.Errorf("%s was changed to:\n%s", k, b)
				}
			}
		})
	}
}

// A command refused after the output directories were made (they are made
// before the run, so that an unwritable path is found early) takes them
// away again: a mistake in the command line leaves no empty report
// directories behind. Directories that were there before stay.
func TestRefusedRunLeavesNoNewDirectories(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	tests := []struct {
		name string
		args []string // {dir} is the test's directory
		env  map[string]string
		want string // in stderr
	}{
		{"tableau sign-in variables unset", []string{"--tableau-auth", "pat"}, map[string]string{}, "TABLEAU_PAT_NAME"},
		{"another output cannot be written", []string{"--export-cookie-jar", "{dir}/file.txt/jar.json"}, nil, "--export-cookie-jar"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"`+srv.URL+`/x"}]}`)
			writeFile(t, dir, "file.txt", "a file, not a directory")
			kept := filepath.Join(dir, "kept")
			if err := os.Mkdir(kept, 0o755); err != nil {
				t.Fatal(err)
			}
			args := []string{"run", coll, "-r", "cli,json,junit",
				"--reporter-json-export", filepath.Join(dir, "reports", "json", "r.json"),
				"--reporter-junit-export", filepath.Join(kept, "junit", "r.xml"),
				"--export-environment", filepath.Join(dir, "exports", "env.json"),
				"--export-globals", filepath.Join(kept, "g.json")}
			for _, a := range tc.args {
				args = append(args, strings.ReplaceAll(a, "{dir}", dir))
			}
			res := colrun(t, tc.env, args...)
			if res.code != exitUsage || !strings.Contains(res.stderr, tc.want) {
				t.Fatalf("exit %d, stderr:\n%s\nwant exit %d naming %q", res.code, res.stderr, exitUsage, tc.want)
			}
			var left []string
			filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err == nil && path != dir {
					rel, _ := filepath.Rel(dir, path)
					left = append(left, filepath.ToSlash(rel))
				}
				return nil
			})
			want := []string{"c.json", "file.txt", "kept"}
			if fmt.Sprint(left) != fmt.Sprint(want) {
				t.Errorf("after the refused run the directory holds %q, want %q", left, want)
			}
		})
	}
}
