package runner

import (
	"strings"
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
	// The sign-in request's script sets the URL it signs in at, as a
	// collection may.
	scripted := strings.Replace(items, `"name":"sign in",`, `"name":"sign in","event":[{"listen":"prerequest","script":{"exec":["pm.globals.set('signin', '`+tableau.URL+`')"]}}],`, 1)
	const refused = "could not sign in to Tableau before the first request at http://127.0.0.1:1/api/3.24/auth/signin, where the collection's sign-in request would, so the requests before that one go without a session: Tableau sign-in with a user name and password to the Default site failed: "
	tests := []struct {
		name        string
		items       string
		signin      string // the value of {{signin}}; "" leaves it undefined
		want        []int
		wantRefused bool
	}{
		{"the sign-in URL resolves", items, tableau.URL, []int{200, 200, 200}, false},
		// The collection's own sign-in then fails, and stops the run.
		{"the sign-in URL does not resolve", items, "", []int{401, 0}, false},
		{"the sign-in URL is not http", items, "ftp://127.0.0.1", []int{401, 0}, false},
		{"a script changes the URL", scripted, "http://127.0.0.1:1", []int{401, 200, 200}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var globals []collections.Variable
			if tc.signin != "" {
				globals = []collections.Variable{{Key: "signin", Value: tc.signin}}
			}
			ev := runTableau(t, tableau.URL, tc.items, auth.MethodPassword, adminCreds, "", Options{GlobalVars: globals})
			if diff := cmp.Diff(tc.want, ev.codes()); diff != "" {
				t.Errorf("status codes (-want +got):\n%s", diff)
			}
			gotRefused := false
			for _, w := range ev.warnings() {
				gotRefused = gotRefused || strings.HasPrefix(w, refused)
			}
			if gotRefused != tc.wantRefused {
				t.Errorf("warnings %q: one starting %q: %v, want %v", ev.warnings(), refused, gotRefused, tc.wantRefused)
			}
		})
	}
}
