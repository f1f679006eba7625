package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A sign-in flag without --tableau-auth changed nothing: a user who added
// --tableau-format json saw the collection's XML sign-in go out, with no
// word from colrun. Each is now refused before a request is sent.
func TestSigninFlagsNeedTableauAuth(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	secret := writeFile(t, dir, "pat", "mock-pat-secret\n")
	const tail = " works only with --tableau-auth password, pat or jwt: without it colrun does not sign in, and the collection's own sign-in requests go as written\n"
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
		wantSent   int64
	}{
		{"format", []string{"--tableau-format", "json"}, exitUsage, "colrun run: --tableau-format" + tail, 0},
		{"format xml, the default, said outright", []string{"--tableau-format=xml"}, exitUsage, "colrun run: --tableau-format" + tail, 0},
		{"secret file", []string{"--secret-file", "TABLEAU_PAT_SECRET=" + secret}, exitUsage, "colrun run: --secret-file" + tail, 0},
		{"token variable", []string{"--tableau-token-variable", "token"}, exitUsage, "colrun run: --tableau-token-variable" + tail, 0},
		{"site variable", []string{"--tableau-site-variable", "site"}, exitUsage, "colrun run: --tableau-site-variable" + tail, 0},
		{"user variable", []string{"--tableau-user-variable", "user"}, exitUsage, "colrun run: --tableau-user-variable" + tail, 0},
		{"no sign-in flags: the run goes on", nil, exitOK, "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var sent atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				sent.Add(1)
				w.WriteHeader(http.StatusNoContent)
			}))
			t.Cleanup(srv.Close)
			coll := writeFile(t, t.TempDir(), "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[{"name":"r","request":"%s/api/3.24/auth/signin"}]}`, srv.URL))
			res := colrun(t, nil, append([]string{"run", coll, "--silent"}, tc.args...)...)
			if res.code != tc.wantCode {
				t.Errorf("exit %d, want %d", res.code, tc.wantCode)
			}
			if diff := cmp.Diff(tc.wantStderr, res.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			if got := sent.Load(); got != tc.wantSent {
				t.Errorf("requests sent = %d, want %d", got, tc.wantSent)
			}
		})
	}
}
