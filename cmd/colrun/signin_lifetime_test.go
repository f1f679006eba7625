package main

import (
	"strings"
	"testing"

	"github.com/colrun/colrun/auth"
)

// A JWT lifetime under a second makes a JWT whose exp (whole seconds) is
// the second it is minted in, which Tableau refuses with a bare 401001: it
// is refused before anything is sent, as a lifetime above 10 minutes is.
func TestSigninJWTLifetimeUnderASecondIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lifetime string
		wantCode int
		want     string
	}{
		{"500ms", exitUsage, "colrun: TABLEAU_JWT_LIFETIME: JWT lifetime 500ms is under a second: exp counts whole seconds, so the JWT would expire as it is minted; use 5m\n"},
		{"999ms", exitUsage, "colrun: TABLEAU_JWT_LIFETIME: JWT lifetime 999ms is under a second"},
		{"1s", exitOK, ""},
		{"5m", exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.lifetime, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			env := demoEnv(ts)
			env[auth.EnvJWTLifetime] = tc.lifetime
			path := writeFile(t, t.TempDir(), "c.json", withoutSignin)
			res := colrun(t, env, "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "jwt", "--color", "off")
			if res.code != tc.wantCode || !strings.Contains(res.stderr, tc.want) {
				t.Fatalf("exit %d, want %d, and stderr with %q; got:\n%s", res.code, tc.wantCode, tc.want, res.stderr)
			}
			if sent := len(ts.requests()); tc.wantCode != exitOK && sent != 0 {
				t.Errorf("%d requests reached the server, want none", sent)
			}
		})
	}
}
