package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// inputServer serves a collection, an environment, globals and data files
// the way a CI job's artifact server would, plus the answers Newman 6.2.2
// refuses or takes.
func inputServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var srv *httptest.Server
	serve := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, strings.ReplaceAll(body, "BASE", srv.URL))
		})
	}
	serve("/c.json", `{"info":{"name":"remote"},"item":[{"name":"r","request":"BASE/ok?e={{e}}&g={{g}}&d={{d}}"}]}`)
	serve("/e.json", `{"name":"E","values":[{"key":"e","value":"env"}]}`)
	serve("/g.json", `{"name":"G","values":[{"key":"g","value":"glob"}]}`)
	serve("/d.csv", "d\ndata\n")
	serve("/d.json", `[{"d":"json"}]`)
	serve("/ok", `{}`)
	serve("/html", `<html>hi</html>`)
	serve("/bad.csv", "d\n\"open")
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/c.json", http.StatusFound)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"error":"gone"}`, http.StatusNotFound)
	})
	mux.HandleFunc("/created", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"name":"E","values":[]}`)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestRemoteInputs runs collections, environments, globals and data files
// given as URLs, as Newman 6.2.2 fetches them (checked side by side:
// redirects followed, a 200 needed, a body that is not JSON refused), and
// refuses what it cannot use in one line naming the flag and the URL.
func TestRemoteInputs(t *testing.T) {
	t.Parallel()
	srv := inputServer(t)
	u := func(p string) string { return srv.URL + p }
	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout, or stderr when the run is refused
		// newman is what Newman 6.2.2 printed for the same input.
		newman string
	}{
		{"all four from URLs", []string{u("/c.json"), "-e", u("/e.json"), "-g", u("/g.json"), "-d", u("/d.csv")}, exitOK,
			"GET " + u("/ok?e=env&g=glob&d=data") + " [200 OK", "GET .../ok?e=env&g=glob&d=data [200 OK"},
		{"JSON data", []string{u("/c.json"), "-d", u("/d.json")}, exitOK, "&d=json [200 OK", "ran"},
		{"a redirect is followed", []string{u("/moved")}, exitOK, "→ r", "ran"},
		{"404 collection", []string{u("/missing")}, exitUsage,
			"colrun: collection " + u("/missing") + ": the server answered 404 Not Found, not 200 OK\n",
			"Error fetching resource, the provided URL returned status code: 404"},
		{"201 environment", []string{u("/c.json"), "-e", u("/created")}, exitUsage,
			"colrun: -e/--environment " + u("/created") + ": the server answered 201 Created, not 200 OK\n",
			"Error fetching resource, the provided URL returned status code: 201"},
		{"404 globals", []string{u("/c.json"), "-g", u("/missing")}, exitUsage,
			"colrun: -g/--globals " + u("/missing") + ": the server answered 404 Not Found, not 200 OK\n", "(as for the collection)"},
		// Newman runs the error page as CSV data: one iteration with a
		// column named after its first line.
		{"404 data", []string{u("/c.json"), "-d", u("/missing")}, exitUsage,
			"colrun: -d/--iteration-data " + u("/missing") + ": the server answered 404 Not Found, not 200 OK\n", "ran"},
		{"HTML collection", []string{u("/html")}, exitUsage,
			"colrun: collection " + u("/html") + ":1:1: invalid JSON: invalid character '<' looking for beginning of value\n",
			`the url "` + u("/html") + `" did not provide valid JSON data`},
		{"HTML environment", []string{u("/c.json"), "-e", u("/html")}, exitUsage,
			"colrun: -e/--environment " + u("/html") + ":1:1: invalid JSON", "Unexpected token '<' at 1:1"},
		{"collection as data", []string{u("/c.json"), "-d", u("/c.json")}, exitUsage,
			"colrun: -d/--iteration-data " + u("/c.json") + ": JSON data must be an array of objects, one per iteration\n", "ran"},
		{"broken CSV data", []string{u("/c.json"), "-d", u("/bad.csv")}, exitUsage,
			"colrun: -d/--iteration-data " + u("/bad.csv") + ":2:", "ran"},
		// An API key in the URL (a Postman API link copied whole) is
		// masked wherever the URL is named, as --postman-api-key is.
		{"API key in a URL", []string{u("/missing?apikey=PMAK-0123456789abcdef")}, exitUsage,
			"colrun: collection " + u("/missing?apikey=********") + ": the server answered 404 Not Found, not 200 OK\n",
			"Error fetching resource, the provided URL returned status code: 404"},
		{"nothing listening", []string{"http://127.0.0.1:1/c.json"}, exitUsage,
			"colrun: collection http://127.0.0.1:1/c.json: cannot fetch: dial tcp 127.0.0.1:1: connect: connection refused\n",
			"connect ECONNREFUSED 127.0.0.1:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			runAndCheck(t, tc.args, tc.code, tc.want)
		})
	}
}

// TestRemoteLimits checks the limits Newman lacks: a server that never
// answers and a body past the size limit are errors naming the URL.
func TestRemoteLimits(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hang":
			select {
			case <-release:
			case <-r.Context().Done():
			}
		case "/slow-body":
			w.Write([]byte("["))
			w.(http.Flusher).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			}
		default:
			w.Write(bytes.Repeat([]byte("x"), 2048))
		}
	}))
	t.Cleanup(func() { close(release); srv.Close() })
	tests := []struct {
		path, want string
	}{
		{"/hang", "-e/--environment " + srv.URL + "/hang: no answer within 100ms"},
		{"/slow-body", "-e/--environment " + srv.URL + "/slow-body: the download did not finish within 100ms"},
		{"/big", "-e/--environment " + srv.URL + "/big: larger than 1 KiB, the most colrun downloads"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			t.Parallel()
			ri := newRemoteInputs(func(string) string { return "" })
			ri.client.Timeout = 100 * time.Millisecond
			ri.limit = 1024
			_, err := ri.loadVariables("-e/--environment", "environment", srv.URL+tc.path)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}
