package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRunCLIFormsAsNewman runs a real server and checks the cli lines
// that Newman prints in forms of its own: the request URL unencoded (as
// Postman's Url.toString() gives it), the setNextRequest notice, the
// multi-line failure detail, and the --reporter-cli-* switches.
func TestRunCLIFormsAsNewman(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	host := strings.TrimPrefix(srv.URL, "http://")
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"forms"},"variable":[{"key":"h","value":%q}],"item":[
	  {"name":"one","request":"HTTP://{{h}}/p a/日本?q=a b&d=\"x\"#frag",
	   "event":[{"listen":"test","script":{"exec":["pm.test('passes', ()=>{}); pm.execution.setNextRequest('three')"]}}]},
	  {"name":"two","request":"http://{{h}}/two"},
	  {"name":"three","request":"http://{{h}}/three",
	   "event":[{"listen":"test","script":{"exec":["pm.test('parses', ()=>{ throw new Error('first line\\nsecond line') }); pm.test.skip('later', ()=>{}); pm.test('bad', ()=>pm.response.to.have.status(201))"]}}]}]}`, host))
	tests := []struct {
		name          string
		flags         []string
		want, notWant []string
	}{
		{"default", nil, []string{
			"  GET HTTP://" + host + `/p a/日本?q=a b&d="x"#frag [200 OK`,
			"\nAttempting to set next request to three\n\n→ three\n",
			"✓  passes", "-  [skipped] later", " 2. bad",
			"\n                     first line\n                     second line\n",
		}, []string{"→ two", "%20", "\nsecond line"}},
		{"no assertions", []string{"--reporter-cli-no-assertions"}, []string{"inside \"three\""}, []string{"✓  passes", "[skipped]", " 2. bad"}},
		{"no success assertions", []string{"--reporter-cli-no-success-assertions"}, []string{" 2. bad"}, []string{"✓  passes", "[skipped]"}},
		{"timestamps", []string{"--reporter-cli-show-timestamps"}, []string{"M]  GET HTTP://", "M]  ✓  passes", "M] 2. bad"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"run", coll, "--color", "off", "-r", "cli,json", "--reporter-json-export", filepath.Join(t.TempDir(), "r.json")}, tc.flags...)
			res := colrun(t, nil, args...)
			if res.code != exitFailed {
				t.Errorf("exit %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(res.stdout, w) {
					t.Errorf("stdout lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(res.stdout, w) {
					t.Errorf("stdout has %q", w)
				}
			}
			if t.Failed() {
				t.Logf("stdout:\n%s", res.stdout)
			}
		})
	}
}

// TestRunRequestErrorsWordedAsNewman: a request error's line is Newman's
// wording exactly in the cli (the json report's failures have it too, its
// executions only Node's properties of the error); colrun's explanation
// follows only under --verbose.
func TestRunRequestErrorsWordedAsNewman(t *testing.T) {
	t.Parallel()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadHost := strings.TrimPrefix(dead.URL, "http://")
	dead.Close()
	hangup := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	t.Cleanup(hangup.Close)
	var loop *httptest.Server
	loop = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loop.URL+"/loop", http.StatusFound)
	}))
	t.Cleanup(loop.Close)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	t.Cleanup(slow.Close)
	tests := []struct {
		name, url, want, detail string
		// code and connect are the requestError's Node properties, as
		// Newman's report has them (connect: false only on a timeout).
		code    string
		connect any
	}{
		{"refused", dead.URL + "/x", "connect ECONNREFUSED " + deadHost, "connection refused", "ECONNREFUSED", nil},
		{"hang up", hangup.URL + "/x", "socket hang up", "closed the connection before a complete response", "ECONNRESET", nil},
		{"redirect loop", loop.URL + "/loop", "Exceeded maxRedirects. Probably stuck in a redirect loop " + loop.URL + "/loop", "maxRedirects is 10", "", nil},
		{"timeout", slow.URL + "/x", "ESOCKETTIMEDOUT", "within 300ms", "ESOCKETTIMEDOUT", false},
		{"invalid protocol", "ftp://" + deadHost + "/x", "Invalid protocol: ftp:", "http and https requests only", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"e"},"item":[{"name":"r","request":%q}]}`, tc.url))
			report := filepath.Join(dir, "r.json")
			res := colrun(t, nil, "run", coll, "--color", "off", "--timeout-request", "300", "-r", "cli,json", "--reporter-json-export", report)
			if !strings.Contains(res.stdout, "[errored]\n     "+tc.want+"\n") || strings.Contains(res.stdout, tc.detail) {
				t.Errorf("cli should say exactly %q, without %q:\n%s", tc.want, tc.detail, res.stdout)
			}
			var doc struct {
				Run struct {
					Executions []struct {
						RequestError map[string]any `json:"requestError"`
					} `json:"executions"`
				} `json:"run"`
			}
			readJSON(t, report, &doc)
			// Newman's requestError is the error object itself, whose
			// message is not enumerable: only Node's properties show.
			if ex := doc.Run.Executions; len(ex) != 1 || ex[0].RequestError == nil || ex[0].RequestError["message"] != nil {
				t.Errorf("json requestError = %+v, want Node's properties only", ex)
			} else if got := ex[0].RequestError; orEmpty(got["code"]) != tc.code || got["connect"] != tc.connect {
				t.Errorf("json requestError = %v, want code %q and connect %v", got, tc.code, tc.connect)
			}
			res = colrun(t, nil, "run", coll, "--color", "off", "--timeout-request", "300", "--verbose")
			if !strings.Contains(res.stdout, "     "+tc.want+"\n     (") || !strings.Contains(res.stdout, tc.detail) {
				t.Errorf("--verbose should add %q:\n%s", tc.detail, res.stdout)
			}
		})
	}
}

// orEmpty is a decoded JSON string, or "" for a missing member.
func orEmpty(v any) string {
	s, _ := v.(string)
	return s
}
