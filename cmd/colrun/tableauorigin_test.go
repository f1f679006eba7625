package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The session token goes only to the server it was signed in at: a
// collection that also calls another service (a webhook, postman-echo)
// must not hand that service a Tableau bearer token.
func TestTableauTokenStaysWithItsServer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, collection string
	}{
		{"collection signs in", withSignin},
		{"colrun signs in", withoutSignin},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			var mu sync.Mutex
			var got []string
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				got = append(got, r.Header.Get("X-Tableau-Auth"))
				mu.Unlock()
			}))
			t.Cleanup(other.Close)
			dir := t.TempDir()
			// The collection's requests, then one to the other service.
			coll := tc.collection[:len(tc.collection)-2] + `,{"name":"Webhook","request":"` + other.URL + `/hook"}]}`
			path := writeFile(t, dir, "c.json", coll)
			export := filepath.Join(dir, "env.json")
			res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "pat", "--export-environment", export)
			if res.code != 0 {
				t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
			}
			token := readExport(t, export)["api-key"][0]
			for _, r := range ts.requests() {
				if filepath.Base(r.path) == "projects" && r.token != token {
					t.Errorf("the Tableau server got X-Tableau-Auth %q on %s, want the session's", r.token, r.path)
				}
			}
			if diff := cmp.Diff([]string{""}, got); diff != "" {
				t.Errorf("X-Tableau-Auth the other service got (-want +got):\n%s", diff)
			}
		})
	}
}

// A redirect from the Tableau server to another one drops the token
// colrun added; one the collection set itself is forwarded, as Newman
// forwards every header but Authorization.
func TestTableauTokenIsNotRedirectedElsewhere(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, header string
		want         []string
	}{
		{"added by colrun", ``, []string{""}},
		{"set by the collection", `,"header":[{"key":"X-Tableau-Auth","value":"made-up-own-token"}]`, []string{"made-up-own-token"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var got []string
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				got = append(got, r.Header.Get("X-Tableau-Auth"))
				mu.Unlock()
			}))
			t.Cleanup(other.Close)
			dir := t.TempDir()
			path := writeFile(t, dir, "c.json", `{"info":{"name":"redirect"},"item":[
 {"name":"Redirect","request":{"method":"GET","url":"{{server-name}}/redirect-to?url=`+other.URL+`/hook"`+tc.header+`}}]}`)
			res := colrun(t, nil, "run", path, "--mock", "--tableau-auth", "pat")
			if res.code != 0 {
				t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("X-Tableau-Auth the other server got (-want +got):\n%s", diff)
			}
		})
	}
}
