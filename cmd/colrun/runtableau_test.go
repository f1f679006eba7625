package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// tableauServer is a mock Tableau server owned by one test: it records the
// X-Tableau-Auth header of every request and can move its clock forward,
// so that sessions expire mid-run without waiting.
type tableauServer struct {
	srv   *httptest.Server
	mu    sync.Mutex
	now   time.Time
	seen  []seenRequest
	skips map[string]time.Duration // path suffix -> clock jump before serving
}

type seenRequest struct {
	method, path, token string
	status              int
}

func newTableauServer(t *testing.T) *tableauServer {
	t.Helper()
	ts := &tableauServer{now: time.Now(), skips: map[string]time.Duration{}}
	h := mockserver.New(mockserver.Config{SessionTTL: time.Hour, Now: ts.clock})
	ts.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.mu.Lock()
		for suffix, d := range ts.skips {
			if strings.HasSuffix(r.URL.Path, suffix) {
				ts.now = ts.now.Add(d)
				delete(ts.skips, suffix)
			}
		}
		ts.mu.Unlock()
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		h.ServeHTTP(rec, r)
		ts.mu.Lock()
		ts.seen = append(ts.seen, seenRequest{method: r.Method, path: r.URL.Path, token: r.Header.Get("X-Tableau-Auth"), status: rec.status})
		ts.mu.Unlock()
	}))
	t.Cleanup(ts.srv.Close)
	return ts
}

func (ts *tableauServer) clock() time.Time {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.now
}

func (ts *tableauServer) requests() []seenRequest {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]seenRequest(nil), ts.seen...)
}

// pathsSeen lists the requests the server got as "path status", the API
// version cut off and the demo site's id written {site}.
func (ts *tableauServer) pathsSeen() []string {
	var paths []string
	for _, r := range ts.requests() {
		p := strings.ReplaceAll(strings.TrimPrefix(r.path, "/api/3.24"), mockserver.DemoDefaultSiteID, "{site}")
		paths = append(paths, fmt.Sprintf("%s %d", p, r.status))
	}
	return paths
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// demoEnv is the environment of a CI job signing in to ts with the mock's
// demo credentials.
func demoEnv(ts *tableauServer) map[string]string {
	return map[string]string{
		auth.EnvServer:      ts.srv.URL,
		auth.EnvUsername:    mockserver.DemoAdminName,
		auth.EnvPassword:    mockserver.DemoAdminPassword,
		auth.EnvPATName:     mockserver.DemoPATName,
		auth.EnvPATSecret:   mockserver.DemoPATSecret,
		auth.EnvClientID:    mockserver.DemoClientID,
		auth.EnvSecretID:    mockserver.DemoSecretID,
		auth.EnvSecretValue: mockserver.DemoSecretValue,
		auth.EnvJWTSubject:  mockserver.DemoAdminName,
		auth.EnvJWTScopes:   "tableau:content:read tableau:projects:*",
	}
}

const withSignin = `{"info":{"name":"sign in, read"},"item":[
 {"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"<tsRequest/>","options":{"raw":{"language":"xml"}}}}},
 {"name":"Projects","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects"}}]}`

const withoutSignin = `{"info":{"name":"read"},"item":[
 {"name":"Projects","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects"}},
 {"name":"Session","request":{"method":"GET","url":"{{base}}/api/3.24/sessions/current"}}]}`

type exportedEnv struct {
	Values []struct {
		Key   string `json:"key"`
		Value any    `json:"value"`
		Type  string `json:"type"`
	} `json:"values"`
}

func readExport(t *testing.T, path string) map[string][2]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var env exportedEnv
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	out := map[string][2]string{}
	for _, v := range env.Values {
		out[v.Key] = [2]string{fmt.Sprint(v.Value), v.Type}
	}
	return out
}

func TestTableauSigninAllMethodsAndFormats(t *testing.T) {
	t.Parallel()
	for _, method := range []string{"password", "pat", "jwt"} {
		for _, format := range []string{"xml", "json"} {
			for _, coll := range []struct{ name, doc string }{{"with sign-in request", withSignin}, {"without sign-in request", withoutSignin}} {
				t.Run(method+"/"+format+"/"+coll.name, func(t *testing.T) {
					t.Parallel()
					ts := newTableauServer(t)
					dir := t.TempDir()
					path := writeFile(t, dir, "c.json", coll.doc)
					export := filepath.Join(dir, "env.json")
					res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL,
						"--tableau-auth", method, "--tableau-format", format, "--export-environment", export, "--color", "off")
					if res.code != exitOK {
						t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
					}
					vars := readExport(t, export)
					token := vars["api-key"][0]
					if token == "" || vars["api-key"][1] != "secret" {
						t.Errorf("api-key not captured as a secret: %v", vars["api-key"])
					}
					if vars["site-id"][0] != mockserver.DemoDefaultSiteID || vars["user-id"][0] != mockserver.DemoAdminID {
						t.Errorf("site-id/user-id = %v / %v", vars["site-id"], vars["user-id"])
					}
					seen := ts.requests()
					last := seen[len(seen)-1]
					if last.token != token || last.status != 200 {
						t.Errorf("the last request carried X-Tableau-Auth %q and got %d; want the captured token and 200", last.token, last.status)
					}
					if strings.Contains(res.stdout, token) {
						t.Error("the session token appears in the CLI output")
					}
				})
			}
		}
	}
}

func TestTableauSessionExpiryIsRenewedAndRetried(t *testing.T) {
	t.Parallel()
	ts := newTableauServer(t)
	// The clock jumps past the session TTL when the second request
	// arrives, so the mock answers it 401002.
	ts.skips["/sessions/current"] = 2 * time.Hour
	dir := t.TempDir()
	path := writeFile(t, dir, "c.json", withoutSignin)
	res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "password", "--color", "off")
	if res.code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	var paths []string
	for _, r := range ts.requests() {
		paths = append(paths, fmt.Sprintf("%s %d", strings.TrimPrefix(r.path, "/api/3.24"), r.status))
	}
	want := []string{"/auth/signin 200", "/sites/" + mockserver.DemoDefaultSiteID + "/projects 200", "/sessions/current 401", "/auth/signin 200", "/sessions/current 200"}
	if strings.Join(paths, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(res.stdout, "signed in to Tableau again after the session expired (401002)") {
		t.Errorf("the re-sign-in is not reported:\n%s", res.stdout)
	}
}

// A 401002 from another server than the one signed in at is that
// request's own answer: that server was never sent the session's token, so
// colrun neither signs in again nor sends the request twice.
func TestTableauSessionExpiryElsewhereIsNotRenewed(t *testing.T) {
	t.Parallel()
	ts := newTableauServer(t)
	var hits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api"><error code="401002"><summary>Unauthorized Access</summary><detail>Invalid authentication credentials were provided.</detail></error></tsResponse>`)
	}))
	t.Cleanup(other.Close)
	dir := t.TempDir()
	path := writeFile(t, dir, "c.json", `{"info":{"name":"elsewhere"},"item":[
 {"name":"Projects","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects"}},
 {"name":"Other","request":{"method":"GET","url":"`+other.URL+`/api/3.24/sessions/current"},
  "event":[{"listen":"test","script":{"exec":["pm.test('401 from the other server', () => pm.response.to.have.status(401));"]}}]}]}`)
	res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "password", "--color", "off")
	if res.code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	var paths []string
	for _, r := range ts.requests() {
		paths = append(paths, strings.TrimPrefix(r.path, "/api/3.24"))
	}
	if want := []string{"/auth/signin", "/sites/" + mockserver.DemoDefaultSiteID + "/projects"}; strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("the Tableau server got %q, want %q (no second sign-in)", paths, want)
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("the other server got %d requests, want 1 (no retry)", n)
	}
	if strings.Contains(res.stdout, "again after the session expired") {
		t.Errorf("colrun signed in again for another server's 401002:\n%s", res.stdout)
	}
}

// After a request of the run signs out (the official collection's "Sign
// Out" comes before most of its folders), the server's 401002 means the
// session is gone, as when it expires: colrun signs in again, where
// TABLEAU_SERVER says or, without it, where the collection signed in, and
// sends the request once more with the new token.
func TestTableauSignOutIsFollowedBySigningInAgain(t *testing.T) {
	t.Parallel()
	const signOutThenRead = `
 {"name":"Sign out","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signout","header":[{"key":"X-Tableau-Auth","value":"{{api-key}}"}]}},
 {"name":"Session","request":{"method":"GET","url":"{{base}}/api/3.24/sessions/current","header":[{"key":"X-Tableau-Auth","value":"{{api-key}}"}]},
  "event":[{"listen":"test","script":{"exec":["pm.test('signed in', () => pm.response.to.have.status(200));"]}}]}]}`
	tests := []struct {
		name      string
		coll      string
		noServer  bool // TABLEAU_SERVER unset
		wantPaths []string
	}{
		{"colrun signed in first", `{"info":{"name":"c"},"item":[
 {"name":"Projects","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects"}},` + signOutThenRead, false,
			[]string{"/auth/signin 200", "/sites/{site}/projects 200", "/auth/signout 204", "/sessions/current 401", "/auth/signin 200", "/sessions/current 200"}},
		{"the collection signed in, no TABLEAU_SERVER", `{"info":{"name":"c"},"item":[
 {"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"<tsRequest/>"}}},` + signOutThenRead, true,
			[]string{"/auth/signin 200", "/auth/signout 204", "/sessions/current 401", "/auth/signin 200", "/sessions/current 200"}},
		// Requests that leave X-Tableau-Auth to colrun: after the sign-out
		// they went without a token, got 401000 and no new sign-in.
		{"colrun's own header", `{"info":{"name":"c"},"item":[
 {"name":"Sign out","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signout"}},
 {"name":"Session","request":{"method":"GET","url":"{{base}}/api/3.24/sessions/current"},
  "event":[{"listen":"test","script":{"exec":["pm.test('signed in', () => pm.response.to.have.status(200));"]}}]}]}`, false,
			[]string{"/auth/signin 200", "/auth/signout 204", "/sessions/current 401", "/auth/signin 200", "/sessions/current 200"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			env := demoEnv(ts)
			if tc.noServer {
				delete(env, auth.EnvServer)
			}
			path := writeFile(t, t.TempDir(), "c.json", tc.coll)
			res := colrun(t, env, "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "password", "--color", "off")
			if res.code != exitOK {
				t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
			}
			paths := ts.pathsSeen()
			if strings.Join(paths, "\n") != strings.Join(tc.wantPaths, "\n") {
				t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(tc.wantPaths, "\n"))
			}
			if !strings.Contains(res.stdout, "signed in to Tableau again after the run signed out (401002)") {
				t.Errorf("the new sign-in is not reported:\n%s", res.stdout)
			}
		})
	}
}

// A collection that signs in only after its first requests (the official
// collection's "Authenticate" folder is its second) gets a session from
// colrun before the first one: at TABLEAU_SERVER, or without it where the
// collection's sign-in request would sign in, its URL resolved with the
// run's variables.
func TestTableauSignsInBeforeACollectionThatSignsInLater(t *testing.T) {
	t.Parallel()
	const coll = `{"info":{"name":"c"},"item":[
 {"name":"Projects first","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects"}},
 {"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"<tsRequest/>"}}},
 {"name":"Projects","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects"}}]}`
	tests := []struct {
		name      string
		noServer  bool
		wantCode  int
		wantPaths []string
	}{
		{"TABLEAU_SERVER set", false, exitOK, []string{"/auth/signin 200", "/sites/{site}/projects 200", "/auth/signin 200", "/sites/{site}/projects 200"}},
		{"TABLEAU_SERVER unset", true, exitOK, []string{"/auth/signin 200", "/sites/{site}/projects 200", "/auth/signin 200", "/sites/{site}/projects 200"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			env := demoEnv(ts)
			if tc.noServer {
				delete(env, auth.EnvServer)
			}
			path := writeFile(t, t.TempDir(), "c.json", coll)
			res := colrun(t, env, "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "password", "--color", "off")
			if res.code != tc.wantCode {
				t.Fatalf("exit %d, want %d\n%s\n%s", res.code, tc.wantCode, res.stdout, res.stderr)
			}
			paths := ts.pathsSeen()
			if strings.Join(paths, "\n") != strings.Join(tc.wantPaths, "\n") {
				t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(tc.wantPaths, "\n"))
			}
		})
	}
}

func TestTableauSigninFailuresSayWhatToFix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		env      func(map[string]string)
		wantCode int
		want     []string
	}{
		{"wrong password", []string{"--tableau-auth", "password"}, func(e map[string]string) { e[auth.EnvPassword] = "not-it" }, exitFailed, []string{"401001", "Signin Error"}},
		{"unknown site", []string{"--tableau-auth", "pat"}, func(e map[string]string) { e[auth.EnvSite] = "NoSuchSite" }, exitFailed, []string{"401001", "NoSuchSite"}},
		{"wrong connected-app secret", []string{"--tableau-auth", "jwt"}, func(e map[string]string) { e[auth.EnvSecretValue] = "wrong-secret-value" }, exitFailed, []string{"401001"}},
		{"JWT lifetime above 10 minutes", []string{"--tableau-auth", "jwt"}, func(e map[string]string) { e[auth.EnvJWTLifetime] = "11m" }, exitUsage, []string{"10m"}},
		{"missing environment variable", []string{"--tableau-auth", "pat"}, func(e map[string]string) { delete(e, auth.EnvPATSecret) }, exitUsage, []string{auth.EnvPATSecret}},
		{"secret as a flag", []string{"--tableau-auth", "password", "--tableau-password", "hunter2"}, func(map[string]string) {}, exitUsage, []string{"--tableau-password is refused", auth.EnvPassword}},
		{"PAT with parallel workers", []string{"--tableau-auth", "pat", "--parallel", "2", "-n", "2"}, func(map[string]string) {}, exitUsage, []string{"one session at a time"}},
		{"PAT with parallel workers and a data file", []string{"--tableau-auth", "pat", "--parallel", "2", "-d", "rows.csv"}, func(map[string]string) {}, exitUsage, []string{"one session at a time"}},
		{"PAT with --parallel but one iteration: one worker", []string{"--tableau-auth", "pat", "--parallel", "4", "-n", "1"}, func(map[string]string) {}, exitOK, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			env := demoEnv(ts)
			tc.env(env)
			dir := t.TempDir()
			path := writeFile(t, dir, "c.json", withoutSignin)
			writeFile(t, dir, "rows.csv", "a\n1\n2\n")
			args := append([]string{"run", path, "--env-var", "base=" + ts.srv.URL, "--color", "off"}, tc.args...)
			for i, a := range args {
				if a == "rows.csv" {
					args[i] = filepath.Join(dir, a)
				}
			}
			res := colrun(t, env, args...)
			if res.code != tc.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, tc.wantCode, res.stdout, res.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(res.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.stderr)
				}
			}
			for _, secret := range []string{"not-it", "wrong-secret-value", "hunter2", mockserver.DemoAdminPassword, mockserver.DemoPATSecret, mockserver.DemoSecretValue} {
				if strings.Contains(res.stdout+res.stderr, secret) {
					t.Errorf("a secret (%q) appears in the output", secret)
				}
			}
		})
	}
}

// A sign-in request of the collection's that gets no answer stops the run
// as a refused sign-in does: without a session every later request would
// fail too. The request itself keeps Newman's error words in the report.
func TestTableauSigninWithoutAnswerStopsTheRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, base, wantErr string
	}{
		{"connection refused", "http://127.0.0.1:1", "connect ECONNREFUSED 127.0.0.1:1"},
		{"base URL variable unset", "", "{{base}}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			dir := t.TempDir()
			path := writeFile(t, dir, "c.json", withSignin)
			report := filepath.Join(dir, "report.json")
			args := []string{"run", path, "--color", "off", "--tableau-auth", "password", "-r", "cli,json", "--reporter-json-export", report}
			if tc.base != "" {
				args = append(args, "--env-var", "base="+tc.base)
			}
			res := colrun(t, demoEnv(ts), args...)
			if res.code != exitFailed {
				t.Errorf("exit %d, want %d\nstderr:\n%s", res.code, exitFailed, res.stderr)
			}
			if !strings.Contains(res.stderr, "run stopped: the Tableau sign-in request failed") || !strings.Contains(res.stderr, tc.wantErr) {
				t.Errorf("stderr does not say the sign-in got no answer (%s):\n%s", tc.wantErr, res.stderr)
			}
			var doc struct {
				Run struct {
					Executions []struct {
						Item struct{ Name string } `json:"item"`
					} `json:"executions"`
					// Newman's executions carry only Node's properties
					// of a request error; its failures have the message.
					Failures []struct {
						Error struct{ Message string } `json:"error"`
						At    string                   `json:"at"`
					} `json:"failures"`
				} `json:"run"`
			}
			data, err := os.ReadFile(report)
			if err != nil {
				t.Fatalf("the JSON report is lost: %v", err)
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			ex := doc.Run.Executions
			if len(ex) != 1 || ex[0].Item.Name != "Sign in" {
				t.Fatalf("executions = %+v, want only the sign-in", ex)
			}
			if fs := doc.Run.Failures; len(fs) == 0 || fs[0].At != "request" || strings.Contains(fs[0].Error.Message, "Tableau") || !strings.Contains(fs[0].Error.Message, tc.wantErr) {
				t.Errorf("the sign-in's request failure = %+v, want the transport's own words", fs)
			}
		})
	}
}

// jwtLike matches anything shaped like a JWT (three base64url parts).
var jwtLike = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}`)

func TestNoSecretReachesAnyOutput(t *testing.T) {
	t.Parallel()
	for _, method := range []string{"password", "pat", "jwt"} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			dir := t.TempDir()
			// The collection echoes the token into a header of its own and
			// into a body, so the secret travels everywhere it can.
			path := writeFile(t, dir, "c.json", `{"info":{"name":"leaky"},"item":[
				{"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"x"}}},
				{"name":"Echo","request":{"method":"POST","url":"{{base}}/api/3.24/sites/{{site-id}}/projects","header":[{"key":"X-Debug","value":"{{api-key}}"}],"body":{"mode":"raw","raw":"{\"token\":\"{{api-key}}\"}"}}},
				{"name":"Missing","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/nothing-here?t={{api-key}}"}}]}`)
			export := filepath.Join(dir, "env.json")
			jsonReport := filepath.Join(dir, "report.json")
			junitReport := filepath.Join(dir, "report.xml")
			res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", method, "--tableau-format", "json",
				"--verbose", "-r", "cli,json,junit", "--reporter-json-export", jsonReport, "--reporter-junit-export", junitReport,
				"--export-environment", export, "--color", "off")
			token := readExport(t, export)["api-key"][0]
			if token == "" {
				t.Fatalf("no token captured; exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
			}
			outputs := map[string]string{"stdout": res.stdout, "stderr": res.stderr}
			for name, p := range map[string]string{"json report": jsonReport, "junit report": junitReport, "exported environment": export} {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				outputs[name] = string(data)
			}
			// Bodies are byte arrays in the JSON report: read them as text.
			outputs["json report bodies"] = reportBuffers(t, outputs["json report"])
			secrets := []string{mockserver.DemoAdminPassword, mockserver.DemoPATSecret, mockserver.DemoSecretValue}
			for name, out := range outputs {
				for _, s := range secrets {
					if strings.Contains(out, s) {
						t.Errorf("%s contains the secret %q", name, s)
					}
				}
				if name != "exported environment" && strings.Contains(out, token) {
					t.Errorf("%s contains the session token", name)
				}
				if m := jwtLike.FindString(out); m != "" {
					t.Errorf("%s contains a JWT: %.20s...", name, m)
				}
			}
			if !strings.Contains(outputs["stdout"], "********") {
				t.Error("the verbose output shows no masked value; the test would not notice a missing header")
			}
		})
	}
}
