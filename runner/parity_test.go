package runner

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// recordNewman re-records testdata/tableau-newman-requests.jsonl by running
// Newman (path in $NEWMAN, see scripts/record-newman-requests.sh) against a
// recording server. Without it, the test compares colrun with the recording.
var recordNewman = flag.Bool("record-newman", false, "re-record what Newman sends for the official Tableau collection")

// wireRequest is a request as a server receives it, normalised so that two
// runs can be compared: the server address and multipart boundaries are
// replaced, and headers that legitimately differ are left out.
type wireRequest struct {
	Method  string              `json:"method"`
	Path    string              `json:"path"`
	Query   string              `json:"query"`
	Headers map[string][]string `json:"headers"`
	Body    string              `json:"body"`
}

// ignoredHeaders differ between Newman and colrun by design (issue 2).
var ignoredHeaders = map[string]bool{
	"user-agent": true, "postman-token": true, "cache-control": true,
	"accept-encoding": true, "connection": true,
}

var boundaryRE = regexp.MustCompile(`-{2,}[0-9]{24}`)

func normaliseRequest(r *http.Request, body []byte, addr string) wireRequest {
	w := wireRequest{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery, Headers: map[string][]string{}}
	b := string(body)
	if ct := r.Header.Get("Content-Type"); strings.HasPrefix(ct, "multipart/") {
		if _, params, err := mime.ParseMediaType(ct); err == nil && params["boundary"] != "" {
			b = strings.ReplaceAll(b, params["boundary"], "BOUNDARY")
		}
	}
	b = boundaryRE.ReplaceAllString(b, "BOUNDARY")
	w.Body = strings.ReplaceAll(b, addr, "SERVER")
	for k, vs := range r.Header {
		lk := strings.ToLower(k)
		if ignoredHeaders[lk] {
			continue
		}
		for _, v := range vs {
			v = strings.ReplaceAll(v, addr, "SERVER")
			v = boundaryRE.ReplaceAllString(v, "BOUNDARY")
			w.Headers[lk] = append(w.Headers[lk], v)
		}
	}
	w.Headers["host"] = []string{strings.ReplaceAll(r.Host, addr, "SERVER")}
	return w
}

// wireRecorder is a server that records every request it receives and
// answers 200 with an empty JSON object, so that no script captures a
// token and both runs send the same thing.
type wireRecorder struct {
	mu   sync.Mutex
	reqs []wireRequest
	srv  *httptest.Server
}

func newWireRecorder() *wireRecorder {
	rec := &wireRecorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, normaliseRequest(r, body, rec.addr()))
		rec.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "{}")
	}))
	return rec
}

func (rec *wireRecorder) addr() string { return strings.TrimPrefix(rec.srv.URL, "http://") }

// parityEnvironment fills the official (empty) environment so that every
// request goes to the recorder over plain HTTP.
func parityEnvironment(t *testing.T, envPath, addr string) *collections.VariableFile {
	t.Helper()
	env, err := collections.LoadEnvironment(envPath)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]string{"server": addr, "api-version": "3.19", "site-id": "site-1", "content-url": "", "user-id": "user-1", "workbook-id": "wb-1"}
	for i, v := range env.Values {
		if s, ok := set[v.Key]; ok {
			env.Values[i].Value = s
			env.Values[i].Disabled = false
		}
	}
	env.Values = append(env.Values, collections.Variable{Key: "protocol", Value: "http"})
	return env
}

const parityGolden = "testdata/tableau-newman-requests.jsonl"

func TestOfficialTableauCollectionSendsWhatNewmanSends(t *testing.T) {
	collPath := filepath.Join("..", "..", "shared", "fixtures", "tableau-postman", "Tableau_REST_API.postman_collection.json")
	envPath := filepath.Join("..", "..", "shared", "fixtures", "tableau-postman", "Tableau Environment.postman_environment.json")
	if _, err := os.Stat(collPath); err != nil {
		t.Skip("../shared/fixtures is not available")
	}
	rec := newWireRecorder()
	defer rec.srv.Close()
	env := parityEnvironment(t, envPath, rec.addr())

	if *recordNewman {
		recordWithNewman(t, rec, collPath, env)
		return
	}
	want := readWireRequests(t, parityGolden)

	coll, err := collections.LoadCollection(collPath)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(coll, Options{Environment: env, WorkingDir: filepath.Dir(collPath)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Run(context.Background(), &events{}); err != nil {
		t.Fatal(err)
	}
	got := rec.reqs
	if len(got) != len(want) {
		t.Fatalf("colrun sent %d requests, Newman %d", len(got), len(want))
	}
	diffs := 0
	for i := range want {
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			diffs++
			if diffs <= 10 {
				t.Errorf("request %d (%s %s) differs from Newman's (-newman +colrun):\n%s", i, want[i].Method, want[i].Path, diff)
			}
		}
	}
	if diffs > 10 {
		t.Errorf("... %d requests differ in all", diffs)
	}
}

func readWireRequests(t *testing.T, path string) []wireRequest {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (record it with scripts/record-newman-requests.sh)", err)
	}
	defer f.Close()
	var out []wireRequest
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var w wireRequest
		if err := json.Unmarshal(sc.Bytes(), &w); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, w)
	}
	return out
}

// recordWithNewman runs Newman with the same collection and environment
// against the recorder and writes the golden file.
func recordWithNewman(t *testing.T, rec *wireRecorder, collPath string, env *collections.VariableFile) {
	newman := os.Getenv("NEWMAN")
	if newman == "" {
		t.Fatal("set NEWMAN to the newman executable (scripts/record-newman-requests.sh does)")
	}
	dir := t.TempDir()
	envFile := filepath.Join(dir, "env.json")
	var values []collections.ExportedVariable
	for _, v := range env.Values {
		values = append(values, collections.ExportedVariable{Key: v.Key, Value: v.Value, Type: "default", Enabled: !v.Disabled})
	}
	if err := collections.WriteVariableFile(envFile, env.ID, env.Name, "environment", "colrun", values); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(newman, "run", collPath, "-e", envFile, "--working-dir", filepath.Dir(collPath), "-r", "json", "--reporter-json-export", filepath.Join(dir, "out.json"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("newman exited with %v (failed assertions are expected):\n%s", err, tail(string(out), 2000))
	}
	f, err := os.Create(parityGolden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, r := range rec.reqs {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("recorded %d requests into %s", len(rec.reqs), parityGolden)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}
