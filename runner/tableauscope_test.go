package runner

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// Tableau answers 401002 when a connected-app session's JWT scopes do not
// allow a call. colrun took it for an expired session, signed in again,
// retried and showed the second 401 with only "signed in again after the
// session expired": nothing said that the scopes were short. The retry's
// 401002, with a session signed in for it, now gets a warning naming the
// scopes and TABLEAU_JWT_SCOPES.
func TestJWTScopeRefusalIsExplained(t *testing.T) {
	t.Parallel()
	tableau := newTableauMock(t)
	const hint = "the retry with a new session got 401002 too: Tableau answers 401002 when the connected-app JWT's scopes (tableau:content:read) do not allow the call; add the scope it needs to TABLEAU_JWT_SCOPES"
	tests := []struct {
		scopes    []string
		wantCodes []int
		wantHint  bool
	}{
		{[]string{"tableau:content:read"}, []int{401}, true},
		{[]string{"tableau:users:read"}, []int{200}, false},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.scopes, " "), func(t *testing.T) {
			t.Parallel()
			creds := auth.Credentials{
				ClientID: mockserver.DemoClientID, SecretID: mockserver.DemoSecretID, SecretValue: mockserver.DemoSecretValue,
				JWTSubject: mockserver.DemoAdminName, JWTScopes: tc.scopes,
			}
			ev := runTableau(t, tableau.URL, `{"name":"users","request":"{{base}}/api/3.24/sites/`+mockserver.DemoDefaultSiteID+`/users"}`, auth.MethodJWT, creds, tableau.URL, Options{})
			if diff := cmp.Diff(tc.wantCodes, ev.codes()); diff != "" {
				t.Errorf("status codes (-want +got):\n%s", diff)
			}
			if got := slices.Contains(ev.warnings(), hint); got != tc.wantHint {
				t.Errorf("warning %q given: %v, want %v", hint, got, tc.wantHint)
			}
		})
	}
}
