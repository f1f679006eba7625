package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A request that sends an X-Tableau-Auth of its own choosing, not colrun's
// session token (a collection checking that the token switchSite replaced
// is dead, or a variable holding an older session's), and gets 401002 was
// refused for that token, not for colrun's session: colrun does not sign
// in again. It did, so the retry sent the same dead token and failed
// again, and the new session replaced the one switchSite had put on
// another site, so the collection's next request ran on the Default site.
func TestSigninOwnDeadTokenKeepsTheSession(t *testing.T) {
	t.Parallel()
	const collection = `{"info":{"name":"own dead token"},"item":[
		{"name":"Keep the token","request":{"method":"GET","url":"{{base}}/api/3.24/sessions/current"},
		 "event":[{"listen":"test","script":{"exec":["pm.environment.set('old-token', pm.environment.get('api-key'));"]}}]},
		{"name":"Switch to Samples","request":{"method":"POST","url":"{{base}}/api/3.24/auth/switchSite","body":{"mode":"raw","raw":"<tsRequest><site contentUrl=\"Samples\"/></tsRequest>"}},
		 "event":[{"listen":"test","script":{"exec":["pm.test('switched', () => pm.response.to.have.status(200));"]}}]},
		{"name":"The old token is dead","request":{"method":"GET","url":"{{base}}/api/3.24/sessions/current","header":[{"key":"X-Tableau-Auth","value":"{{old-token}}"}]},
		 "event":[{"listen":"test","script":{"exec":["pm.test('401002', () => pm.response.to.have.status(401));"]}}]},
		{"name":"Still on Samples","request":{"method":"GET","url":"{{base}}/api/3.24/sessions/current"},
		 "event":[{"listen":"test","script":{"exec":["pm.test('on Samples', () => pm.expect(xml2Json(responseBody).tsResponse.session.site.$.contentUrl).to.equal('Samples'));"]}}]}]}`
	tests := []struct {
		method string
	}{
		{"pat"},
		{"password"},
	}
	for _, tc := range tests {
		t.Run(tc.method, func(t *testing.T) {
			t.Parallel()
			ts := newTableauServer(t)
			path := writeFile(t, t.TempDir(), "c.json", collection)
			res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", tc.method, "--color", "off")
			if res.code != exitOK {
				t.Errorf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
			}
			want := []string{
				"/auth/signin 200",
				"/sessions/current 200",
				"/auth/switchSite 200",
				"/sessions/current 401",
				"/sessions/current 200",
			}
			if diff := cmp.Diff(want, ts.pathsSeen()); diff != "" {
				t.Errorf("requests the server got (-want +got):\n%s", diff)
			}
			const warning = "⚠ the request sets X-Tableau-Auth itself, to a token that is not colrun's session's, and Tableau answered 401002 for it: colrun's session is not the one refused, so colrun does not sign in again; to send colrun's session, use {{api-key}} or name the collection's variable with --tableau-token-variable"
			if n := strings.Count(res.stdout, warning); n != 1 {
				t.Errorf("stdout has the warning %d times, want once:\n%s", n, res.stdout)
			}
		})
	}
}
