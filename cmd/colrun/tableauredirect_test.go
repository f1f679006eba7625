package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// colrun tableau signin at a server that redirects (http to https, 307 or
// 308) signed out through the redirect, sending the session token to the
// first address again, and --print-token named that address for signing
// out. The session is the answering server's: it says so, and signs out
// there directly.
func TestTableauSigninThroughARedirect(t *testing.T) {
	t.Parallel()
	ts := newTableauServer(t)
	var mu sync.Mutex
	var hits []string
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits = append(hits, r.URL.Path)
		mu.Unlock()
		http.Redirect(w, r, ts.srv.URL+r.URL.RequestURI(), http.StatusPermanentRedirect)
	}))
	t.Cleanup(redirector.Close)
	env := demoEnv(ts)
	env["TABLEAU_SERVER"] = redirector.URL
	tests := []struct {
		args      []string
		wantHits  []string
		wantInErr string
	}{
		{[]string{"signin", "--method", "pat"}, []string{"/api/3.24/auth/signin"}, "The server redirected the sign-in to " + ts.srv.URL + "/api/3.24/auth/signin; the session is there"},
		{[]string{"signin", "--method", "pat", "--print-token"}, []string{"/api/3.24/auth/signin"}, "sign out with POST " + ts.srv.URL + "/api/3.24/auth/signout."},
	}
	// In turn: the subtests count the requests at one redirector.
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			mu.Lock()
			hits = nil
			mu.Unlock()
			code, _, errs := runTableau(t, env, tc.args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			mu.Lock()
			got := hits
			mu.Unlock()
			if diff := cmp.Diff(tc.wantHits, got); diff != "" {
				t.Errorf("requests at the redirecting address (-want +got):\n%s", diff)
			}
			if !strings.Contains(errs, tc.wantInErr) {
				t.Errorf("stderr lacks %q:\n%s", tc.wantInErr, errs)
			}
		})
	}
}
