package runner

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// received is one request as the test server saw it.
type received struct {
	Method string
	URI    string
	Header http.Header
	Body   string
}

// recorder is a test server that records every request and answers 200
// with a small JSON body, or follows the routes set in handlers.
type recorder struct {
	srv  *httptest.Server
	mu   sync.Mutex
	reqs []received
}

func newRecorder(t *testing.T, routes map[string]http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, received{Method: r.Method, URI: r.RequestURI, Header: r.Header.Clone(), Body: string(body)})
		rec.mu.Unlock()
		if h, ok := routes[r.URL.Path]; ok {
			h(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"ok":true}`)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) all() []received {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]received(nil), rec.reqs...)
}

// events collects a run's events.
type events struct {
	mu  sync.Mutex
	all []event.Event
}

func (e *events) Handle(ev event.Event) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.all = append(e.all, ev)
	return nil
}

func (e *events) requests() []*event.Request {
	var out []*event.Request
	for _, ev := range e.all {
		if ev.Request != nil {
			out = append(out, ev.Request)
		}
	}
	return out
}

func parse(t *testing.T, doc string) *collections.Collection {
	t.Helper()
	c, err := collections.ParseCollection("test.postman_collection.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// run runs c with its scripts off and returns its events and result.
func run(t *testing.T, c *collections.Collection, opts Options) (*events, *Result) {
	t.Helper()
	opts.NoScripts = true
	return runScripted(t, c, opts)
}

// runScripted is run with the collection's scripts.
func runScripted(t *testing.T, c *collections.Collection, opts Options) (*events, *Result) {
	t.Helper()
	r, err := New(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	ev := &events{}
	res, err := r.Run(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	return ev, res
}

// collection wraps items in a v2.1 collection with a base URL variable.
func collection(base string, items string) string {
	return fmt.Sprintf(`{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable":[{"key":"base","value":%q}],"item":[%s]}`, base, items)
}

func TestRequestsAreBuiltAsPostmanSendsThem(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		name     string
		item     string
		wantURI  string
		wantBody string
		header   map[string]string
	}{
		{
			name:    "disabled query parameters are not sent, null values have no equals sign",
			item:    `{"name":"q","request":{"method":"GET","url":{"raw":"{{base}}/a?x=1","host":["{{base}}"],"path":["a"],"query":[{"key":"x","value":"1"},{"key":"off","value":"2","disabled":true},{"key":"flag","value":null}]}}}`,
			wantURI: "/a?x=1&flag",
		},
		{
			name:    "spaces and quotes are percent-encoded as in postman-url-encoder, existing escapes kept",
			item:    `{"name":"enc","request":{"method":"GET","url":"{{base}}/a b/%41?q=a b&r=\"x\"&s=%20"}}`,
			wantURI: "/a%20b/%41?q=a%20b&r=%22x%22&s=%20",
		},
		{
			name:    "path variables are filled from url.variable",
			item:    `{"name":"pv","request":{"method":"GET","url":{"raw":"{{base}}/users/:id/x","host":["{{base}}"],"path":["users",":id","x"],"variable":[{"key":"id","value":"42"}]}}}`,
			wantURI: "/users/42/x",
		},
		{
			name:     "raw body gets its Content-Type from options.raw.language",
			item:     `{"name":"raw","request":{"method":"POST","url":"{{base}}/r","body":{"mode":"raw","raw":"<a/>","options":{"raw":{"language":"xml"}}}}}`,
			wantURI:  "/r",
			wantBody: "<a/>",
			header:   map[string]string{"Content-Type": "application/xml"},
		},
		{
			name:     "raw body without a language is text/plain",
			item:     `{"name":"raw2","request":{"method":"POST","url":"{{base}}/r","body":{"mode":"raw","raw":"hi"}}}`,
			wantURI:  "/r",
			wantBody: "hi",
			header:   map[string]string{"Content-Type": "text/plain"},
		},
		{
			name:     "the request's own Content-Type wins",
			item:     `{"name":"raw3","request":{"method":"POST","url":"{{base}}/r","header":[{"key":"Content-Type","value":"application/vnd.x+json"}],"body":{"mode":"raw","raw":"{}","options":{"raw":{"language":"json"}}}}}`,
			wantURI:  "/r",
			wantBody: "{}",
			header:   map[string]string{"Content-Type": "application/vnd.x+json"},
		},
		{
			name:     "urlencoded bodies are encoded as Node's querystring does",
			item:     `{"name":"form","request":{"method":"POST","url":"{{base}}/f","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"x y!"},{"key":"b","value":"1","disabled":true},{"key":"a","value":"2"}]}}}`,
			wantURI:  "/f",
			wantBody: "a=x%20y%21&a=2",
			header:   map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
		},
		{
			name:    "GET bodies are pruned",
			item:    `{"name":"get","request":{"method":"GET","url":"{{base}}/g","body":{"mode":"raw","raw":"dropped"}}}`,
			wantURI: "/g",
		},
		{
			name:     "disableBodyPruning keeps a GET body",
			item:     `{"name":"get2","protocolProfileBehavior":{"disableBodyPruning":true},"request":{"method":"GET","url":"{{base}}/g","body":{"mode":"raw","raw":"kept"}}}`,
			wantURI:  "/g",
			wantBody: "kept",
		},
		{
			name:    "disabled headers and disabled bodies are not sent",
			item:    `{"name":"dis","request":{"method":"POST","url":"{{base}}/d","header":[{"key":"X-Off","value":"1","disabled":true},{"key":"X-On","value":"{{base}}"}],"body":{"mode":"raw","raw":"x","disabled":true}}}`,
			wantURI: "/d",
			header:  map[string]string{"X-On": rec.srv.URL, "X-Off": ""},
		},
		{
			name:     "graphql bodies are JSON with the variables text inserted",
			item:     `{"name":"gql","request":{"method":"POST","url":"{{base}}/q","body":{"mode":"graphql","graphql":{"query":"{ me }","variables":"{\"a\":1}"}}}}`,
			wantURI:  "/q",
			wantBody: `{"query":"{ me }","variables":{"a":1}}`,
			header:   map[string]string{"Content-Type": "application/json"},
		},
		{
			name:    "Accept defaults to */*",
			item:    `{"name":"acc","request":{"method":"GET","url":"{{base}}/acc"}}`,
			wantURI: "/acc",
			header:  map[string]string{"Accept": "*/*"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			local := newRecorder(t, nil)
			run(t, parse(t, collection(local.srv.URL, tc.item)), Options{})
			got := local.all()
			if len(got) != 1 {
				t.Fatalf("server received %d requests, want 1", len(got))
			}
			if got[0].URI != tc.wantURI {
				t.Errorf("URI = %q, want %q", got[0].URI, tc.wantURI)
			}
			if got[0].Body != tc.wantBody {
				t.Errorf("body = %q, want %q", got[0].Body, tc.wantBody)
			}
			for k, v := range tc.header {
				want := strings.ReplaceAll(v, rec.srv.URL, local.srv.URL)
				if g := got[0].Header.Get(k); g != want {
					t.Errorf("header %s = %q, want %q", k, g, want)
				}
			}
		})
	}
}

func TestAuthTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		auth    string
		check   func(t *testing.T, r received)
		wantErr string
	}{
		{
			name: "basic",
			auth: `{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}`,
			check: func(t *testing.T, r received) {
				if got, want := r.Header.Get("Authorization"), "Basic "+base64.StdEncoding.EncodeToString([]byte("u:p")); got != want {
					t.Errorf("Authorization = %q, want %q", got, want)
				}
			},
		},
		{
			name: "bearer in the v2.0 object form",
			auth: `{"type":"bearer","bearer":{"token":"tok"}}`,
			check: func(t *testing.T, r received) {
				if got := r.Header.Get("Authorization"); got != "Bearer tok" {
					t.Errorf("Authorization = %q", got)
				}
			},
		},
		{
			name: "apikey in the query",
			auth: `{"type":"apikey","apikey":[{"key":"key","value":"k"},{"key":"value","value":"v"},{"key":"in","value":"query"}]}`,
			check: func(t *testing.T, r received) {
				if r.URI != "/x?k=v" {
					t.Errorf("URI = %q", r.URI)
				}
			},
		},
		{
			name: "apikey header replaces the request's own",
			auth: `{"type":"apikey","apikey":[{"key":"key","value":"X-Key"},{"key":"value","value":"{{secret}}"}]}`,
			check: func(t *testing.T, r received) {
				if got := r.Header.Values("X-Key"); !cmp.Equal(got, []string{"s3"}) {
					t.Errorf("X-Key = %q", got)
				}
			},
		},
		{
			name: "oauth2 with an access token",
			auth: `{"type":"oauth2","oauth2":[{"key":"accessToken","value":"at"},{"key":"addTokenTo","value":"header"}]}`,
			check: func(t *testing.T, r received) {
				if got := r.Header.Get("Authorization"); got != "Bearer at" {
					t.Errorf("Authorization = %q", got)
				}
			},
		},
		{
			name: "jwt HS256 signs the payload",
			auth: `{"type":"jwt","jwt":[{"key":"algorithm","value":"HS256"},{"key":"secret","value":"sekret"},{"key":"payload","value":"{\"sub\":\"{{secret}}\"}"},{"key":"addTokenTo","value":"header"},{"key":"headerPrefix","value":"JWT"}]}`,
			check: func(t *testing.T, r received) {
				h := r.Header.Get("Authorization")
				tok, ok := strings.CutPrefix(h, "JWT ")
				if !ok {
					t.Fatalf("Authorization = %q, want a JWT prefix", h)
				}
				claims := jwt.MapClaims{}
				if _, err := jwt.ParseWithClaims(tok, claims, func(*jwt.Token) (any, error) { return []byte("sekret"), nil }); err != nil {
					t.Fatalf("token does not verify: %v", err)
				}
				if claims["sub"] != "s3" {
					t.Errorf("sub = %v, want s3", claims["sub"])
				}
			},
		},
		{
			name: "noauth at request level overrides the collection",
			auth: `{"type":"noauth"}`,
			check: func(t *testing.T, r received) {
				if got := r.Header.Get("Authorization"); got != "" {
					t.Errorf("Authorization = %q, want none", got)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := fmt.Sprintf(`{"info":{"name":"t"},"auth":{"type":"bearer","bearer":[{"key":"token","value":"coll"}]},
				"variable":[{"key":"base","value":%q},{"key":"secret","value":"s3"}],
				"item":[{"name":"x","request":{"method":"GET","url":"{{base}}/x","header":[{"key":"x-key","value":"mine"}],"auth":%s}}]}`, rec.srv.URL, tc.auth)
			ev, _ := run(t, parse(t, doc), Options{})
			reqs := ev.requests()
			if tc.wantErr != "" {
				if len(reqs) != 1 || reqs[0].Error != tc.wantErr {
					t.Fatalf("request error = %+v, want %q", reqs, tc.wantErr)
				}
				return
			}
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server received %d requests", len(got))
			}
			tc.check(t, got[0])
		})
	}
}

// TestUnknownAuthTypeWarnsAndSendsWithoutAuth: an auth type no handler
// knows (a typo, or a client's own type) is what Newman 6.2.2 warns about
// ("runtime: could not find a handler for auth: magic") before sending
// the request without any auth; the run goes on. It used to refuse the
// whole run, which failed collections that pass under Newman.
func TestUnknownAuthTypeWarnsAndSendsWithoutAuth(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := fmt.Sprintf(`{"info":{"name":"t"},"auth":{"type":"bearer","bearer":[{"key":"token","value":"coll"}]},
		"item":[{"name":"x","request":{"url":"%s/x","header":[{"key":"x-key","value":"mine"}],"auth":{"type":"magic","magic":[{"key":"a","value":"b"}]}}},
		{"name":"y","request":"%s/y"}]}`, rec.srv.URL, rec.srv.URL)
	ev, res := run(t, parse(t, doc), Options{})
	if res.Stopped != nil {
		t.Fatalf("run stopped: %v", res.Stopped)
	}
	got := rec.all()
	if len(got) != 2 {
		t.Fatalf("server received %d requests, want 2", len(got))
	}
	if a := got[0].Header.Get("Authorization"); a != "" || got[0].Header.Get("X-Key") != "mine" {
		t.Errorf("x: Authorization = %q, X-Key = %q; want no auth and the request's own header", a, got[0].Header.Get("X-Key"))
	}
	if a := got[1].Header.Get("Authorization"); a != "Bearer coll" {
		t.Errorf("y: Authorization = %q, want the collection's", a)
	}
	var warnings []string
	for _, e := range ev.all {
		if e.Warning != nil {
			warnings = append(warnings, e.Warning.Item.Name+": "+e.Warning.Message)
		}
	}
	want := []string{"x: runtime: could not find a handler for auth: magic (the request was sent without auth, as Newman does)"}
	if diff := cmp.Diff(want, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	for _, r := range ev.requests() {
		if r.Error != "" {
			t.Errorf("request %s errored: %s", r.Item.Name, r.Error)
		}
	}
}

func TestFolderAuthIsInherited(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := fmt.Sprintf(`{"info":{"name":"t"},"item":[{"name":"F","auth":{"type":"bearer","bearer":[{"key":"token","value":"folder"}]},
		"item":[{"name":"inner","request":{"url":"%s/i","auth":{"type":"inherit"}}}]},{"name":"outer","request":"%s/o"}]}`, rec.srv.URL, rec.srv.URL)
	run(t, parse(t, doc), Options{})
	got := rec.all()
	if len(got) != 2 {
		t.Fatalf("got %d requests", len(got))
	}
	if a := got[0].Header.Get("Authorization"); a != "Bearer folder" {
		t.Errorf("inner Authorization = %q, want the folder's", a)
	}
	if a := got[1].Header.Get("Authorization"); a != "" {
		t.Errorf("outer Authorization = %q, want none", a)
	}
}

func TestVariablePrecedenceAndOverrides(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := collection(rec.srv.URL, `{"name":"v","request":{"url":"{{base}}/{{a}}/{{b}}/{{c}}/{{missing}}"}}`)
	c := parse(t, doc)
	c.Variables = append(c.Variables, collections.Variable{Key: "a", Value: "coll"}, collections.Variable{Key: "b", Value: "coll"}, collections.Variable{Key: "c", Value: "coll"})
	env := &collections.VariableFile{Values: []collections.Variable{{Key: "a", Value: "env"}, {Key: "b", Value: "env", Disabled: true}}}
	globals := &collections.VariableFile{Values: []collections.Variable{{Key: "c", Value: "glob"}}}
	ev, _ := run(t, c, Options{Environment: env, Globals: globals, EnvVars: []collections.Variable{{Key: "a", Value: "cli"}}})
	got := rec.all()
	if len(got) != 1 {
		t.Fatalf("got %d requests", len(got))
	}
	// a: --env-var beats the file; b: the disabled env entry falls back to
	// the collection; c: collection beats globals; missing stays as is.
	if want := "/cli/coll/coll/%7B%7Bmissing%7D%7D"; got[0].URI != want {
		t.Errorf("URI = %q, want %q", got[0].URI, want)
	}
	if u := ev.requests()[0].Unresolved; !cmp.Equal(u, []string{"missing"}) {
		t.Errorf("unresolved = %v", u)
	}
}

func TestVariableCycleFailsTheRequestAndNamesIt(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `{"name":"loop","request":{"url":"{{base}}/{{a}}"}},{"name":"fine","request":{"url":"{{base}}/ok"}}`))
	c.Variables = append(c.Variables, collections.Variable{Key: "a", Value: "{{b}}"}, collections.Variable{Key: "b", Value: "x{{a}}"})
	ev, _ := run(t, c, Options{})
	reqs := ev.requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d request events", len(reqs))
	}
	if !strings.Contains(reqs[0].Error, "{{a}}") || !strings.Contains(reqs[0].Error, "a -> b -> a") {
		t.Errorf("error = %q, want it to name the cycle", reqs[0].Error)
	}
	if reqs[1].Error != "" || len(rec.all()) != 1 {
		t.Errorf("the run should go on after the cycle: %+v", reqs[1])
	}
}

// TestHangUpHasOnlyNodesCode: a server that closes the connection without
// answering is Node's "socket hang up", whose only property is its code.
func TestHangUpHasOnlyNodesCode(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	ev, _ := run(t, parse(t, collection(srv.URL, `{"name":"hang","request":"{{base}}/x"}`)), Options{})
	reqs := ev.requests()
	if len(reqs) != 1 || reqs[0].Error != "socket hang up" {
		t.Fatalf("requests = %+v", reqs)
	}
	if diff := cmp.Diff(&event.NodeError{Code: "ECONNRESET"}, reqs[0].ErrorFields); diff != "" {
		t.Errorf("error fields (-want +got):\n%s", diff)
	}
}

func TestUnreachableHostIsARequestErrorAndTheRunGoesOn(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	c := parse(t, collection(rec.srv.URL, fmt.Sprintf(`{"name":"dead","request":"%s/x"},{"name":"alive","request":"{{base}}/y"}`, deadURL)))
	ev, res := run(t, c, Options{})
	reqs := ev.requests()
	if len(reqs) != 2 || !strings.Contains(reqs[0].Error, "ECONNREFUSED") {
		t.Fatalf("requests = %+v", reqs)
	}
	// What Node puts on the error, as Newman's JSON report shows it.
	port, _ := strconv.Atoi(deadURL[strings.LastIndexByte(deadURL, ':')+1:])
	want := &event.NodeError{Errno: -111, Code: "ECONNREFUSED", Syscall: "connect", Address: "127.0.0.1", Port: port}
	if diff := cmp.Diff(want, reqs[0].ErrorFields); diff != "" {
		t.Errorf("error fields (-want +got):\n%s", diff)
	}
	if reqs[0].Error != fmt.Sprintf("connect ECONNREFUSED 127.0.0.1:%d", port) {
		t.Errorf("error = %q", reqs[0].Error)
	}
	if res.Stopped != nil || len(rec.all()) != 1 {
		t.Errorf("the run stopped: %v", res.Stopped)
	}

	ev, res = run(t, c, Options{Bail: true})
	if len(ev.requests()) != 1 || res.Stopped == nil {
		t.Errorf("with --bail the run should stop after the first error; stopped=%v requests=%d", res.Stopped, len(ev.requests()))
	}
}

func TestFolderSelection(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `{"name":"A","item":[{"name":"a1","request":"{{base}}/a1"},{"name":"B","item":[{"name":"b1","request":"{{base}}/b1"}]}]},{"name":"c1","request":"{{base}}/c1"},{"name":"d1","request":"{{base}}/d1"}`))
	run(t, c, Options{Folders: []string{"d1", "B"}})
	var uris []string
	for _, r := range rec.all() {
		uris = append(uris, r.URI)
	}
	if want := []string{"/b1", "/d1"}; !cmp.Equal(uris, want) {
		t.Errorf("ran %v, want %v (collection order)", uris, want)
	}
	_, err := New(c, Options{Folders: []string{"nope"}})
	if err == nil || !strings.Contains(err.Error(), `--folder "nope"`) {
		t.Errorf("unknown folder error = %v", err)
	}
}

func TestRedirectsAndCookies(t *testing.T) {
	t.Parallel()
	routes := map[string]http.HandlerFunc{
		"/login": func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "abc", Path: "/"})
			http.Redirect(w, r, "/home", http.StatusFound)
		},
		"/home": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "home") },
	}
	rec := newRecorder(t, routes)
	c := parse(t, collection(rec.srv.URL, `{"name":"login","request":{"method":"POST","url":"{{base}}/login","body":{"mode":"raw","raw":"x"}}},{"name":"again","request":"{{base}}/home"}`))
	ev, _ := run(t, c, Options{})
	got := rec.all()
	if len(got) != 3 {
		t.Fatalf("got %d requests, want login, redirect target, again", len(got))
	}
	if got[1].Method != "GET" || got[1].URI != "/home" {
		t.Errorf("redirect followed as %s %s, want GET /home", got[1].Method, got[1].URI)
	}
	if got[2].Header.Get("Cookie") != "sid=abc" {
		t.Errorf("cookie on the next request = %q", got[2].Header.Get("Cookie"))
	}
	if resp := ev.requests()[0].Resp; resp == nil || resp.Code != 200 || string(resp.Body) != "home" {
		t.Errorf("first response = %+v", resp)
	}

	rec2 := newRecorder(t, routes)
	c2 := parse(t, collection(rec2.srv.URL, `{"name":"login","request":"{{base}}/login"}`))
	ev, _ = run(t, c2, Options{IgnoreRedirects: true})
	if resp := ev.requests()[0].Resp; resp == nil || resp.Code != 302 {
		t.Errorf("--ignore-redirects: response = %+v, want the 302", resp)
	}
}

func TestIterationsWithDataRepeatTheLastRow(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "data.csv")
	if err := os.WriteFile(path, []byte("\xef\xbb\xbfname,n\n\"a,1\",1\nb,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := collections.OpenData(path)
	if err != nil {
		t.Fatal(err)
	}
	c := parse(t, collection(rec.srv.URL, `{"name":"d","request":"{{base}}/{{name}}/{{n}}"}`))
	ev, _ := run(t, c, Options{Data: data, Iterations: 3})
	var uris []string
	for _, r := range rec.all() {
		uris = append(uris, r.URI)
	}
	if want := []string{"/a,1/1", "/b/2", "/b/2"}; !cmp.Equal(uris, want) {
		t.Errorf("URIs = %v, want %v", uris, want)
	}
	iterations := 0
	for _, e := range ev.all {
		if e.IterationStart != nil {
			iterations++
			if e.IterationStart.Count != 3 {
				t.Errorf("iteration count = %d", e.IterationStart.Count)
			}
		}
	}
	if iterations != 3 {
		t.Errorf("iterations = %d", iterations)
	}
}

func TestKeptBodyIsCutAndFlagged(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", 5000)
	rec := newRecorder(t, map[string]http.HandlerFunc{"/big": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, big) }})
	c := parse(t, collection(rec.srv.URL, `{"name":"big","request":"{{base}}/big"}`))
	ev, _ := run(t, c, Options{MaxKeptBody: 100})
	resp := ev.requests()[0].Resp
	if len(resp.Body) != 100 || !resp.Truncated || resp.BodySize != 5000 {
		t.Errorf("kept %d bytes, truncated=%v, size=%d", len(resp.Body), resp.Truncated, resp.BodySize)
	}
}

func TestEventsRoundTripThroughJSON(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `{"name":"one","request":"{{base}}/1"}`))
	ev, _ := run(t, c, Options{})
	var sb strings.Builder
	enc := event.NewEncoder(&sb)
	for _, e := range ev.all {
		if err := enc.Handle(e); err != nil {
			t.Fatal(err)
		}
	}
	back := &events{}
	if err := event.Replay(strings.NewReader(sb.String()), back); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(ev.all)
	b, _ := json.Marshal(back.all)
	if string(a) != string(b) {
		t.Errorf("replayed stream differs:\n%s\n%s", a, b)
	}
}

func TestStripJSONComments(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`{"a": 1} // trailing`, `{"a": 1} `},
		{"// head\n{\"a\": \"http://x\"}", "\n{\"a\": \"http://x\"}"},
		{`{"a": /* inline */ 1}`, `{"a":  1}`},
		{`{"s": "not // a comment", "t": "/* nor this */"}`, `{"s": "not // a comment", "t": "/* nor this */"}`},
		{`{"e": "quote \" // still string"} // gone`, `{"e": "quote \" // still string"} `},
		{"{\"a\": 1} // crlf\r\n}", "{\"a\": 1} \n}"}, // the package drops the \r, and so must we
		{`{"open": 1} /* never closed`, `{"open": 1} `},
	}
	for _, tc := range tests {
		if got := stripJSONComments(tc.in); got != tc.want {
			t.Errorf("stripJSONComments(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormDataFilesAsNewmanSendsThem(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.csv"), []byte("x,y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := parse(t, collection(rec.srv.URL, `{"name":"up","request":{"method":"POST","url":"{{base}}/up","body":{"mode":"formdata","formdata":[
		{"key":"t","value":"text","type":"text"},{"key":"f","type":"file","src":"a.csv"},{"key":"gone","type":"file","src":"missing.bin"},{"key":"none","type":"file"}]}}}`))
	ev, _ := run(t, c, Options{WorkingDir: dir})
	got := rec.all()
	if len(got) != 1 {
		t.Fatalf("got %d requests", len(got))
	}
	body := got[0].Body
	for _, want := range []string{"name=\"t\"\r\n\r\ntext", "name=\"f\"; filename=\"a.csv\"\r\nContent-Type: text/csv", "x,y\n", "name=\"none\"; filename=\"\"\r\n\r\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "gone") {
		t.Errorf("the part with a missing file should be left out:\n%s", body)
	}
	warned := false
	for _, e := range ev.all {
		if e.Warning != nil && strings.Contains(e.Warning.Message, "missing.bin") {
			warned = true
		}
	}
	if !warned {
		t.Error("no warning names the missing file")
	}
}

func TestProtocolProfileBehaviorPerRequest(t *testing.T) {
	t.Parallel()
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	t.Cleanup(tlsSrv.Close)
	hops := 0
	var mu sync.Mutex
	rec := newRecorder(t, map[string]http.HandlerFunc{
		"/set": func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "c", Value: "1", Path: "/"})
		},
		"/loop": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hops++
			mu.Unlock()
			http.Redirect(w, r, "/loop", http.StatusFound)
		},
	})
	c := parse(t, collection(rec.srv.URL, fmt.Sprintf(`
		{"name":"strict","request":"%[1]s/a"},
		{"name":"lenient","protocolProfileBehavior":{"strictSSL":false},"request":"%[1]s/b"},
		{"name":"set","request":"{{base}}/set"},
		{"name":"nocookies","protocolProfileBehavior":{"disableCookies":true},"request":"{{base}}/n"},
		{"name":"cookies","request":"{{base}}/y"},
		{"name":"loop","protocolProfileBehavior":{"maxRedirects":2},"request":"{{base}}/loop"}`, tlsSrv.URL)))
	ev, _ := run(t, c, Options{})
	reqs := ev.requests()
	if !strings.Contains(reqs[0].Error, "certificate") {
		t.Errorf("strictSSL default: error = %q", reqs[0].Error)
	}
	if reqs[1].Error != "" || reqs[1].Resp.Code != 200 {
		t.Errorf("strictSSL false: %+v", reqs[1])
	}
	var n, y string
	for _, r := range rec.all() {
		switch r.URI {
		case "/n":
			n = r.Header.Get("Cookie")
		case "/y":
			y = r.Header.Get("Cookie")
		}
	}
	if n != "" || y != "c=1" {
		t.Errorf("disableCookies: cookie sent %q, then %q; want none, then c=1", n, y)
	}
	if !strings.HasPrefix(reqs[5].Error, "Exceeded maxRedirects. Probably stuck in a redirect loop ") || reqs[5].ErrorDetail != "maxRedirects is 2" || hops != 3 {
		t.Errorf("maxRedirects: error %q (%q) after %d hops", reqs[5].Error, reqs[5].ErrorDetail, hops)
	}
}

// serveLoopback listens on 127.0.0.1 for the test's lifetime, wrapping the
// listener with wrap when given (TLS), and runs handle on each connection
// in its own goroutine, closing it afterwards. It returns the address.
func serveLoopback(t *testing.T, wrap func(net.Listener) net.Listener, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	if wrap != nil {
		ln = wrap(ln)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return ln.Addr().String()
}

// rawServer answers every connection with payload and closes it, to play
// servers that break HTTP.
func rawServer(t *testing.T, payload string) string {
	t.Helper()
	return "http://" + serveLoopback(t, nil, func(c net.Conn) {
		buf := make([]byte, 4096)
		c.Read(buf)
		io.WriteString(c, payload)
	})
}

func TestServersThatLie(t *testing.T) {
	t.Parallel()
	short := rawServer(t, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort")
	garbage := rawServer(t, "this is not http\r\n\r\n")
	ok := newRecorder(t, nil)
	c := parse(t, collection(ok.srv.URL, fmt.Sprintf(`{"name":"short","request":"%s/"},{"name":"garbage","request":"%s/"},{"name":"fine","request":"{{base}}/ok"}`, short, garbage)))
	ev, res := run(t, c, Options{})
	reqs := ev.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d request events", len(reqs))
	}
	// Newman 6.2.2: "aborted" for a body cut short after the headers.
	if reqs[0].Error != "aborted" || !strings.Contains(reqs[0].ErrorDetail, "closed the connection in the middle of the response body") {
		t.Errorf("short body: %q (%q)", reqs[0].Error, reqs[0].ErrorDetail)
	}
	if reqs[1].Error != "Parse Error: Expected HTTP/, RTSP/ or ICE/" {
		t.Errorf("garbage: %q", reqs[1].Error)
	}
	if reqs[2].Error != "" || res.Stopped != nil {
		t.Errorf("the run should go on: %+v, stopped %v", reqs[2], res.Stopped)
	}
}

// TestHeaderCaseVariantsSendOne: Newman sends one header for a name the
// request spells in more than one case, with the values of the spelling
// seen last; repeats of one spelling all go out (checked against Newman
// 6.2.2's echo).
func TestHeaderCaseVariantsSendOne(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		headers string
		want    map[string][]string
	}{
		{"two spellings", `{"key":"X-Key","value":"a"},{"key":"x-key","value":"b"}`, map[string][]string{"X-Key": {"b"}}},
		{"the spelling seen last wins with all its values", `{"key":"x-k","value":"1"},{"key":"X-K","value":"2"},{"key":"x-k","value":"3"}`, map[string][]string{"X-K": {"2"}}},
		{"one spelling repeated", `{"key":"X-Other","value":"1"},{"key":"X-Other","value":"2"}`, map[string][]string{"X-Other": {"1", "2"}}},
		{"disabled variants do not count", `{"key":"X-Key","value":"a"},{"key":"x-key","value":"b","disabled":true}`, map[string][]string{"X-Key": {"a"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			run(t, parse(t, collection(rec.srv.URL, `{"name":"h","request":{"url":"{{base}}/h","header":[`+tc.headers+`]}}`)), Options{})
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server received %d requests", len(got))
			}
			for name, want := range tc.want {
				if diff := cmp.Diff(want, got[0].Header.Values(name)); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

// TestBailMakesFailedAssertionsTheScriptsError: under --bail,
// postman-runtime turns a script's failed assertions into the script's
// error ("AssertionFailure: <names joined by ', '>"), which Newman 6.2.2
// reports as a second failure and counts as a failed test script.
// Without --bail the script has no error.
func TestBailMakesFailedAssertionsTheScriptsError(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `{"name":"one","event":[{"listen":"test","script":{"exec":[
		"pm.test('first', () => pm.expect(1).to.equal(2));",
		"pm.test('passes', () => {});",
		"pm.test('second', () => { throw new Error('no'); });"]}}],"request":"{{base}}/x"},
		{"name":"two","request":"{{base}}/y"}`))
	for _, bail := range []bool{false, true} {
		ev, _ := runScripted(t, c, Options{Bail: bail})
		var got []*event.ScriptError
		for _, e := range ev.all {
			if e.Script != nil {
				got = append(got, e.Script.Error)
			}
		}
		want := []*event.ScriptError{nil}
		if bail {
			want = []*event.ScriptError{{Name: "AssertionFailure", Message: "first, second"}}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("bail %v: test script errors (-want +got):\n%s", bail, diff)
		}
	}
}

// TestSendRequestErrorHasNodesProperties: a pm.sendRequest callback's err
// for a refused connection has the properties Node's error has, as under
// Newman 6.2.2 (which passes exactly those: errno, code, syscall,
// address, port).
func TestSendRequestErrorHasNodesProperties(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `{"name":"s","event":[{"listen":"prerequest","script":{"exec":[
		"pm.sendRequest('http://127.0.0.1:1/x', function (err) { console.log(JSON.stringify([Object.keys(err), err.errno, err.code, err.syscall, err.address, err.port])); });"]}}],
		"request":"{{base}}/x"}`))
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if e.Console != nil {
			got = append(got, e.Console.Messages...)
		}
	}
	want := []string{`'[["errno","code","syscall","address","port"],-111,"ECONNREFUSED","connect","127.0.0.1",1]'`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("console (-want +got):\n%s", diff)
	}
}
