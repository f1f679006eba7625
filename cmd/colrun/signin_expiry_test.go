package main

import (
	"strings"
	"testing"
	"time"
)

// A collection that keeps the token in a variable of its own and sends it
// in X-Tableau-Auth itself: when the session expires mid-run, colrun's new
// session reaches the retried request only through the variable named by
// --tableau-token-variable; without it the retry gets 401002 again, and
// the warning must name that cause, not a PAT's other sessions or a JWT's
// scopes.
func TestSigninExpiryWithTheCollectionsOwnTokenVariable(t *testing.T) {
	t.Parallel()
	const collection = `{"info":{"name":"own token variable"},"item":[
		{"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"x"}},
		 "event":[{"listen":"test","script":{"exec":["pm.environment.set('tok', xml2Json(responseBody).tsResponse.credentials.$.token);"]}}]},
		{"name":"Projects","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects","header":[{"key":"X-Tableau-Auth","value":"{{tok}}"}]},
		 "event":[{"listen":"test","script":{"exec":["pm.test('status 200', () => pm.response.to.have.status(200));"]}}]}]}`
	tests := []struct {
		name, method string
		args         []string
		wantCode     int
		wantWarning  string
	}{
		{"pat, the variable not named", "pat", nil, exitFailed,
			"the retry with a new session got 401002 too: the request sets X-Tableau-Auth itself, to a token that is not the new session's (a variable holding the ended session's token?); send {{api-key}}, or name the variable it uses with --tableau-token-variable, so that colrun's new session reaches it"},
		{"password, the variable not named", "password", nil, exitFailed,
			"the retry with a new session got 401002 too: the request sets X-Tableau-Auth itself"},
		{"pat, --tableau-token-variable tok", "pat", []string{"--tableau-token-variable", "tok"}, exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			// The mock's sessions last an hour: the session ends just
			// before Projects is served.
			ts.skips["/projects"] = 2 * time.Hour
			path := writeFile(t, t.TempDir(), "c.json", collection)
			args := append([]string{"run", path, "--env-var", "base=" + ts.srv.URL, "--tableau-auth", tc.method, "--color", "off"}, tc.args...)
			res := colrun(t, demoEnv(ts), args...)
			if res.code != tc.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, tc.wantCode, res.stdout, res.stderr)
			}
			if tc.wantWarning != "" && !strings.Contains(res.stdout, "⚠ "+tc.wantWarning) {
				t.Errorf("stdout lacks the warning %q:\n%s", tc.wantWarning, res.stdout)
			}
			if tc.wantWarning == "" && strings.Contains(res.stdout, "401002 too") {
				t.Errorf("the retry failed:\n%s", res.stdout)
			}
		})
	}
}
