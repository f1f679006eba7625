package runner

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// When the collection's own sign-in request (or a script's
// pm.sendRequest to the sign-in) is redirected with a 307 or 308, as an
// http address redirects to the https one, the session belongs to the
// server that answered, as for colrun's own sign-in. The session was
// given the address the request was written with, so every later request
// to the final address went without X-Tableau-Auth (Tableau's 401000),
// and the token went to the redirecting address instead. A new sign-in
// after the run signs out goes straight to the final address. Two local
// listeners stand for http and https.
func TestCollectionSigninFollowsARedirectToTheServerThatAnswers(t *testing.T) {
	t.Parallel()
	tableau := newTableauMock(t)
	projects := "/api/3.24/sites/" + mockserver.DemoDefaultSiteID + "/projects"
	const signinBody = `{"mode":"raw","raw":"<tsRequest/>"}`
	tests := []struct {
		name string
		// signIn is the item that signs in through {{redirector}}.
		signIn string
		// server is TABLEAU_SERVER: "" leaves the sign-in to the
		// collection; with pm.sendRequest colrun signs in itself first
		// at the final address, and the script's sign-in replaces it.
		server     bool
		wantCodes  []int
		wantTokens []bool
	}{
		{
			name:       "request",
			signIn:     `{"name":"sign in","request":{"method":"POST","url":"{{redirector}}/api/3.24/auth/signin","body":` + signinBody + `}}`,
			wantCodes:  []int{200, 200, 401, 204, 200},
			wantTokens: []bool{false, true, false, true, true},
		},
		{
			name: "pm.sendRequest",
			signIn: `{"name":"sign in","event":[{"listen":"prerequest","script":{"exec":[
				"pm.sendRequest({url: pm.variables.get('redirector') + '/api/3.24/auth/signin', method: 'POST', body: {mode: 'raw', raw: '<tsRequest/>'}}, function (err, res) { pm.test('signed in', function () { pm.expect(res.code).to.equal(200) }) })"
			]}}],"request":"{{base}}` + projects + `"}`,
			server:     true,
			wantCodes:  []int{200, 200, 200, 401, 204, 200},
			wantTokens: []bool{false, true, true, false, true, true},
		},
	}
	for _, tc := range tests {
		for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
			t.Run(tc.name+"/"+http.StatusText(status), func(t *testing.T) {
				t.Parallel()
				var signins atomic.Int32
				redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if strings.HasSuffix(r.URL.Path, "/auth/signin") {
						signins.Add(1)
					}
					http.Redirect(w, r, tableau.URL+r.URL.RequestURI(), status)
				}))
				t.Cleanup(redirector.Close)
				items := tc.signIn + `,
					{"name":"final","request":"{{base}}` + projects + `"},
					{"name":"first","request":"{{redirector}}` + projects + `"},
					{"name":"sign out","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signout"}},
					{"name":"after sign-out","request":"{{base}}` + projects + `"}`
				items = strings.ReplaceAll(items, "{{redirector}}", redirector.URL)
				items = strings.ReplaceAll(items, "pm.variables.get('redirector')", "'"+redirector.URL+"'")
				server := ""
				if tc.server {
					server = tableau.URL
				}
				ev := runTableau(t, tableau.URL, items, auth.MethodPassword, adminCreds, server, Options{})
				if diff := cmp.Diff(tc.wantCodes, ev.codes()); diff != "" {
					t.Errorf("status codes (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tc.wantTokens, ev.sentTableauToken()); diff != "" {
					t.Errorf("sent with X-Tableau-Auth (-want +got):\n%s", diff)
				}
				// The new sign-in after the sign-out went to the final
				// address, not through the redirect again.
				if got := signins.Load(); got != 1 {
					t.Errorf("%d sign-ins reached the redirecting address; want 1", got)
				}
				want := redirector.URL + " redirected the Tableau sign-in to " + tableau.URL + ", which holds the session, so requests to " + redirector.URL + " go without X-Tableau-Auth; use " + tableau.URL + " in the collection and in TABLEAU_SERVER"
				found := false
				for _, w := range ev.warnings() {
					found = found || w == want
				}
				if !found {
					t.Errorf("warnings %q; want one %q", ev.warnings(), want)
				}
			})
		}
	}
}
