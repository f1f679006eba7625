package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/mockserver"
)

// Without TABLEAU_SERVER, a collection that signs in only after its first
// requests (as the official one does) sent those without a session and
// got Tableau's 401000. colrun now signs in first where the collection's
// sign-in request would, when the run's variables already give its URL;
// when they do not, the collection is still left to sign in itself.
func TestSigninBeforeALaterSigninRequestWithoutTableauServer(t *testing.T) {
	t.Parallel()
	tableau := newTableauMock(t)
	projects := "/api/3.24/sites/" + mockserver.DemoDefaultSiteID + "/projects"
	items := `{"name":"first","request":"{{base}}` + projects + `"},
		{"name":"sign in","request":{"method":"POST","url":"{{signin}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"<tsRequest/>"}}},
		{"name":"after","request":"{{base}}` + projects + `"}`
	tests := []struct {
		name   string
		signin string // the value of {{signin}}; "" leaves it undefined
		want   []int
	}{
		{"the sign-in URL resolves", tableau.URL, []int{200, 200, 200}},
		// The collection's own sign-in then fails, and stops the run.
		{"the sign-in URL does not resolve", "", []int{401, 0}},
		{"the sign-in URL is not http", "ftp://127.0.0.1", []int{401, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var globals []collections.Variable
			if tc.signin != "" {
				globals = []collections.Variable{{Key: "signin", Value: tc.signin}}
			}
			ev := runTableau(t, tableau.URL, items, auth.MethodPassword, adminCreds, "", Options{GlobalVars: globals})
			if diff := cmp.Diff(tc.want, ev.codes()); diff != "" {
				t.Errorf("status codes (-want +got):\n%s", diff)
			}
		})
	}
}
