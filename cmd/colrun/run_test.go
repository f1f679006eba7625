package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// result is what one in-process colrun invocation produced.
type result struct {
	code           int
	stdout, stderr string
}

// colrun runs the CLI in-process, with an environment of its own.
func colrun(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := dispatch(context.Background(), args, stdio{
		in:  strings.NewReader(""),
		out: &out, err: &errb,
		getenv: func(k string) string { return env[k] },
	})
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func okServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRunBadInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	good := writeFile(t, dir, "good.json", fmt.Sprintf(`{"info":{"name":"g"},"item":[{"name":"r","request":"%s/x"}]}`, srv.URL))
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"missing collection file", []string{"run", filepath.Join(dir, "nope.json")}, exitUsage, "nope.json: collection file not found"},
		{"invalid JSON names line and column", []string{"run", writeFile(t, dir, "bad.json", "{\n \"info\": {,\n}")}, exitUsage, "bad.json:2:11: invalid JSON"},
		{"valid JSON that is not a collection", []string{"run", writeFile(t, dir, "other.json", `{"hello":1}`)}, exitUsage, "not a Postman collection"},
		{"unknown --folder", []string{"run", good, "--folder", "Nope"}, exitUsage, `--folder "Nope": no folder or request`},
		{"missing environment", []string{"run", good, "-e", filepath.Join(dir, "env.json")}, exitUsage, "env.json: environment file not found"},
		{"unknown flag", []string{"run", good, "--frobnicate"}, exitUsage, "unknown flag: --frobnicate"},
		{"misspelt option of a colrun reporter", []string{"run", good, "--reporter-json-exprot", "r.json"}, exitUsage, "unknown flag: --reporter-json-exprot"},
		{"no collection", []string{"run"}, exitUsage, "missing the collection file"},
		{"bad timeout", []string{"run", good, "--timeout-request", "soon"}, exitUsage, "want milliseconds"},
		{"timeout that would wrap around", []string{"run", good, "--timeout", "9223372036854776"}, exitUsage, `invalid argument "9223372036854776" for "--timeout" flag: 9223372036854776 milliseconds is too long (at most 9223372036854, 292 years)`},
		{"zero iterations", []string{"run", good, "-n", "0"}, exitUsage, "-n/--iteration-count must be at least 1, got 0"},
		{"CSV quote never closed", []string{"run", good, "-d", writeFile(t, dir, "q.csv", "a\n\"1\n2\n")}, exitUsage, "q.csv:"},
		{"JSON data without its closing bracket", []string{"run", good, "-d", writeFile(t, dir, "u.json", "[{\"a\":1},\n{\"a\":2}\n")}, exitUsage, "u.json:3:1: invalid JSON: unexpected EOF"},
		{"bad data row after the -n rows", []string{"run", good, "-n", "1", "-d", writeFile(t, dir, "late.csv", "a,b\n1,2\n\"3,4\n")}, exitUsage, "late.csv:3:"},
		{"JSON data with a value after the array", []string{"run", good, "-d", writeFile(t, dir, "two.json", "[{\"a\":1}]\n[{\"a\":2}]")}, exitUsage, "two.json:2:1: invalid JSON: unexpected '[' after the array"},
		{"collection URL in capitals", []string{"run", "HTTP://127.0.0.1:1/c.json"}, exitUsage, "collection HTTP://127.0.0.1:1/c.json: cannot fetch: dial tcp 127.0.0.1:1: connect: connection refused"},
		{"a directory as the data file", []string{"run", good, "-d", dir}, exitUsage, dir + ": cannot read data file: is a directory"},
		{"negative --max-kept-body", []string{"run", good, "--max-kept-body", "-5"}, exitUsage, "--max-kept-body must be 0 or more bytes, got -5"},
		{"both reports to one file", []string{"run", good, "-r", "json,junit", "--reporter-json-export", filepath.Join(dir, "same.out"), "--reporter-junit-export", filepath.Join(dir, "same.out")}, exitUsage,
			"--reporter-junit-export " + filepath.Join(dir, "same.out") + ": --reporter-json-export writes that file too"},
		{"environment and globals exported to one file", []string{"run", good, "--export-environment", filepath.Join(dir, "vars.json"), "--export-globals", dir + "/./vars.json"}, exitUsage,
			"--export-globals " + dir + "/./vars.json: --export-environment writes that file too"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, tc.args...)
			if res.code != tc.wantCode {
				t.Errorf("exit code = %d, want %d (stderr: %s)", res.code, tc.wantCode, res.stderr)
			}
			if !strings.Contains(res.stderr, tc.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", res.stderr, tc.wantErr)
			}
			if lines := strings.Count(strings.TrimSpace(res.stderr), "\n"); lines > 0 {
				t.Errorf("the error should be one line, got:\n%s", res.stderr)
			}
		})
	}
}

func TestRunFailuresExitOneAndTheRunGoesOn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"variable":[{"key":"a","value":"{{b}}"},{"key":"b","value":"{{a}}"}],
		"item":[{"name":"dead","request":"%s/x"},{"name":"cycle","request":"%s/{{a}}"},{"name":"fine","request":"%s/ok"}]}`, dead.URL, srv.URL, srv.URL))
	res := colrun(t, nil, "run", coll, "--color", "off")
	if res.code != exitFailed {
		t.Errorf("exit = %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
	}
	for _, want := range []string{"ECONNREFUSED", "refers to itself: a -> b -> a", "GET " + srv.URL + "/ok [200 OK"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, res.stdout)
		}
	}
	res = colrun(t, nil, "run", coll, "-x", "--silent")
	if res.code != exitOK || res.stdout != "" {
		t.Errorf("-x --silent: exit %d, stdout %q", res.code, res.stdout)
	}
}

func TestRunFlagsAfterTheCollectionAndExports(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"{{base}}/x"}]}`)
	env := writeFile(t, dir, "e.json", `{"id":"e1","name":"Env","values":[{"key":"base","value":"http://wrong"},{"key":"keep","value":"1"}]}`)
	exportPath := filepath.Join(dir, "out", "env.json")
	res := colrun(t, nil, "run", coll, "-e", env, "--env-var", "base="+srv.URL, "--export-environment", exportPath, "-r", "json", "--reporter-json-export", filepath.Join(dir, "r.json"))
	if res.code != exitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	data, err := os.ReadFile(exportPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Scope  string `json:"_postman_variable_scope"`
		Values []struct {
			Key   string `json:"key"`
			Value any    `json:"value"`
		} `json:"values"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID != "e1" || doc.Name != "Env" || doc.Scope != "environment" || len(doc.Values) != 2 || doc.Values[0].Value != srv.URL {
		t.Errorf("exported environment = %s", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "r.json")); err != nil {
		t.Errorf("JSON report not written: %v", err)
	}
}

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	if res := colrun(t, nil, "--version"); res.code != 0 || !strings.HasPrefix(res.stdout, "colrun ") {
		t.Errorf("--version: %+v", res)
	}
	if res := colrun(t, nil, "help"); res.code != 0 || !strings.Contains(res.stdout, "run ") || !strings.Contains(res.stdout, "mock ") {
		t.Errorf("help: %+v", res)
	}
	if res := colrun(t, nil, "run", "--help"); res.code != 0 || !strings.Contains(res.stdout, "--iteration-data") || !strings.Contains(res.stdout, "--env-var") {
		t.Errorf("run --help: %+v", res)
	}
	if res := colrun(t, nil, "frob"); res.code != exitUsage || !strings.Contains(res.stderr, `unknown command "frob"`) {
		t.Errorf("unknown command: %+v", res)
	}
}

// Two exports that cannot be written are found before the run, not after
// it: two one-line errors on stderr, each naming its flag, exit 2, and no
// request sent.
func TestFailedExportsAreOneLineEach(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	t.Cleanup(srv.Close)
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"`+srv.URL+`/x"}]}`)
	blocker := writeFile(t, dir, "file", "")
	res := colrun(t, nil, "run", coll, "-r", "json,junit", "--reporter-json-export", filepath.Join(dir, "r.json"),
		"--reporter-junit-export", filepath.Join(blocker, "r.xml"),
		"--export-environment", filepath.Join(blocker, "env.json"), "--export-globals", filepath.Join(blocker, "globals.json"))
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	if res.code != exitUsage || len(lines) != 3 {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 2 and three lines", res.code, res.stderr)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the run sent %d requests before refusing the exports", n)
	}
	// Each line names the flag and the path as given, not a temporary file.
	for i, flag := range []string{"--reporter-junit-export", "--export-environment", "--export-globals"} {
		if !strings.HasPrefix(lines[i], "colrun: "+flag+" "+blocker) || !strings.Contains(lines[i], "cannot create its directory") {
			t.Errorf("line %d = %q, want colrun: %s %s...: cannot create its directory", i+1, lines[i], flag, blocker)
		}
	}
}
