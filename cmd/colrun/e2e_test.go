package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// TestMain removes the binary colrunBinary built: 30 MB left in the
// temporary directory by every test run adds up on a developer's machine.
// It also drops the machine's proxy variables, which the binaries the
// tests start inherit: colrun reads them as Newman does, proxying loopback
// addresses too, and every server the tests talk to is on 127.0.0.1 (the
// tests that exercise proxies set their own).
func TestMain(m *testing.M) {
	for _, name := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"} {
		os.Unsetenv(name)
	}
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// colrunBinary builds the colrun binary once per test run, as a user's
// `go install` would, so that the end-to-end test runs the real program.
func colrunBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "colrun-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "colrun")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestEndToEndBinary(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	users := map[string]string{"1": "Ada", "2": "Bob", "3": "Cy"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/users/")
		name, ok := users[id]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":%q,"name":%q,"auth":%q}`, id, name, r.Header.Get("Authorization"))
	}))
	t.Cleanup(srv.Close)

	dir := t.TempDir()
	coll := writeFile(t, dir, "users.postman_collection.json", `{
	  "info": {"name": "Users", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	  "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
	  "item": [{
	    "name": "Directory",
	    "item": [{
	      "name": "Get user",
	      "event": [{"listen": "test", "script": {"exec": [
	        "pm.test('status is 200', () => pm.response.to.have.status(200));",
	        "const user = pm.response.json();",
	        "pm.test('name matches the data file', () => pm.expect(user.name).to.eql(pm.iterationData.get('expected')));",
	        "pm.test('the bearer token was sent', () => pm.expect(user.auth).to.equal('Bearer ' + pm.environment.get('token')));",
	        "pm.environment.set('last-user', user.name);"
	      ]}}],
	      "request": {"method": "GET", "url": "{{base}}/users/{{id}}"}
	    }]
	  }]
	}`)
	env := writeFile(t, dir, "local.postman_environment.json", fmt.Sprintf(`{"id":"env-1","name":"Local","values":[
	  {"key":"base","value":%q,"enabled":true},{"key":"token","value":"t0k3n","enabled":true}]}`, srv.URL))
	data := writeFile(t, dir, "users.csv", "id,expected\n1,Ada\n2,Robert\n3,Cy\n")
	jsonOut, junitOut, envOut := filepath.Join(dir, "out", "report.json"), filepath.Join(dir, "out", "report.xml"), filepath.Join(dir, "out", "env.json")

	cmd := exec.Command(bin, "run", coll, "-e", env, "-d", data, "-r", "cli,json,junit",
		"--reporter-json-export", jsonOut, "--reporter-junit-export", junitOut, "--export-environment", envOut, "--color", "off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.ExitCode() != 1 {
		t.Fatalf("exit: %v (want 1: one assertion fails)\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}

	out := stdout.String()
	for _, want := range []string{
		"Users", "Iteration 1/3", "Iteration 3/3", "❏ Directory", "↳ Get user",
		"GET " + srv.URL + "/users/2 [200 OK",
		"✓  status is 200",
		"1. name matches the data file",
		"AssertionError", "expected 'Bob' to deeply equal 'Robert'",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("stdout:\n%s", out)
	}

	var report struct {
		Run struct {
			Stats struct {
				Iterations struct{ Total, Failed int } `json:"iterations"`
				Requests   struct{ Total, Failed int } `json:"requests"`
				Assertions struct{ Total, Failed int } `json:"assertions"`
			} `json:"stats"`
			Executions []struct {
				Response struct {
					Code int `json:"code"`
				} `json:"response"`
			} `json:"executions"`
			Failures []struct {
				Error struct {
					Message string `json:"message"`
					Test    string `json:"test"`
				} `json:"error"`
				At string `json:"at"`
			} `json:"failures"`
		} `json:"run"`
	}
	readJSON(t, jsonOut, &report)
	st := report.Run.Stats
	if st.Iterations.Total != 3 || st.Requests.Total != 3 || st.Assertions.Total != 9 || st.Assertions.Failed != 1 {
		t.Errorf("JSON stats = %+v", st)
	}
	if len(report.Run.Executions) != 3 || report.Run.Executions[1].Response.Code != 200 {
		t.Errorf("JSON executions = %+v", report.Run.Executions)
	}
	if len(report.Run.Failures) != 1 || report.Run.Failures[0].Error.Test != "name matches the data file" ||
		report.Run.Failures[0].Error.Message != "expected 'Bob' to deeply equal 'Robert'" {
		t.Errorf("JSON failures = %+v", report.Run.Failures)
	}

	var junit struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	raw, err := os.ReadFile(junitOut)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(raw, &junit); err != nil {
		t.Fatalf("JUnit report is not XML: %v", err)
	}
	failed := 0
	for _, s := range junit.Suites {
		for _, c := range s.Cases {
			if c.Failure != nil {
				failed++
				if c.Name != "name matches the data file" {
					t.Errorf("JUnit failure on %q", c.Name)
				}
			}
		}
	}
	if failed != 1 {
		t.Errorf("JUnit report has %d failures, want the iteration-2 failure kept:\n%s", failed, raw)
	}

	var exported struct {
		ID     string `json:"id"`
		Values []struct {
			Key   string `json:"key"`
			Value any    `json:"value"`
		} `json:"values"`
	}
	readJSON(t, envOut, &exported)
	got := map[string]any{}
	for _, v := range exported.Values {
		got[v.Key] = v.Value
	}
	if exported.ID != "env-1" || got["last-user"] != "Cy" || got["token"] != "t0k3n" {
		t.Errorf("exported environment = %+v", exported)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestClosedStdoutKeepsReports: `colrun run ... | head -1` closes stdout
// early; the run must still write its report files and exports, and say
// on stderr why it exits 1.
func TestClosedStdoutKeepsReports(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("x", 100))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	var items []string
	for i := 0; i < 50; i++ {
		items = append(items, fmt.Sprintf(`{"name":"r%d","request":"%s/%d","event":[{"listen":"test","script":{"exec":["console.log('%s')"]}}]}`, i, srv.URL, i, strings.Repeat("y", 200)))
	}
	coll := writeFile(t, dir, "c.postman_collection.json", `{"info":{"name":"c"},"item":[`+strings.Join(items, ",")+`]}`)
	jsonOut, envOut := filepath.Join(dir, "r.json"), filepath.Join(dir, "env.json")
	cmd := exec.Command(bin, "run", coll, "-r", "cli,json", "--reporter-json-export", jsonOut, "--export-environment", envOut)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	if _, err := io.ReadFull(stdout, buf); err != nil {
		t.Fatal(err)
	}
	stdout.Close()
	err = cmd.Wait()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.ExitCode() != 1 {
		t.Errorf("exit: %v, want 1\nstderr: %s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "cli reporter:") {
		t.Errorf("stderr does not say the cli output was cut: %q", stderr.String())
	}
	for _, p := range []string{jsonOut, envOut} {
		if b, err := os.ReadFile(p); err != nil || !json.Valid(b) {
			t.Errorf("%s: %v (valid JSON: %v)", p, err, json.Valid(b))
		}
	}
}
