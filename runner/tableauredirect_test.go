package runner

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// A Tableau server that answers its http address with a 307 or 308 to its
// https one gives the session to the https address: colrun's own sign-in
// (TABLEAU_SERVER written with http://) follows the redirect, and the
// token goes to the address that answered, not to the one that
// redirected. It used to go only to the first, so every request written
// with the final address (as a collection for an https server is) went
// without it and got Tableau's 401000, and the token would have crossed
// the network in clear text on each request to the first. Two local
// listeners stand for http and https.
func TestOwnSigninFollowsARedirectToTheServerThatAnswers(t *testing.T) {
	t.Parallel()
	tableau := newTableauMock(t)
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			t.Parallel()
			redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, tableau.URL+r.URL.RequestURI(), status)
			}))
			t.Cleanup(redirector.Close)
			projects := "/api/3.24/sites/" + mockserver.DemoDefaultSiteID + "/projects"
			ev := runTableau(t, tableau.URL, `{"name":"final","request":"{{base}}`+projects+`"},
				{"name":"first","request":"`+redirector.URL+projects+`"}`, auth.MethodPassword, adminCreds, redirector.URL, Options{})
			if diff := cmp.Diff([]int{200, 401}, ev.codes()); diff != "" {
				t.Errorf("status codes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]bool{true, false}, ev.sentTableauToken()); diff != "" {
				t.Errorf("sent with X-Tableau-Auth (-want +got):\n%s", diff)
			}
			wantWarnings := []string{
				"at " + tableau.URL + " (" + redirector.URL + " redirected the sign-in there)",
				redirector.URL + " redirected the Tableau sign-in to " + tableau.URL + ", which holds the session, so requests to " + redirector.URL + " go without X-Tableau-Auth; use " + tableau.URL + " in the collection and in TABLEAU_SERVER",
			}
			warnings := ev.warnings()
			if len(warnings) != len(wantWarnings) {
				t.Fatalf("warnings %q; want %d", warnings, len(wantWarnings))
			}
			for i, w := range wantWarnings {
				if !strings.HasSuffix(warnings[i], w) {
					t.Errorf("warning %d is %q; want it to end %q", i, warnings[i], w)
				}
			}
		})
	}
}
