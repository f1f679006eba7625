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
	tableau := httptest.NewServer(mockserver.New(mockserver.Config{}))
	t.Cleanup(tableau.Close)
	const siteID = "dad65087-b08b-4603-af4e-2887b8aafc67"
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			t.Parallel()
			redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, tableau.URL+r.URL.RequestURI(), status)
			}))
			t.Cleanup(redirector.Close)
			signer, err := auth.NewSigner(auth.MethodPassword, auth.FormatXML, auth.Credentials{Server: redirector.URL, Username: "admin", Password: "admin-password"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := parse(t, collection(tableau.URL, `{"name":"final","request":"{{base}}/api/3.24/sites/`+siteID+`/projects"},
				{"name":"first","request":"`+redirector.URL+`/api/3.24/sites/`+siteID+`/projects"}`))
			ev, _ := run(t, c, Options{Tableau: &TableauAuth{Signer: signer, Names: auth.DefaultVariableNames, Server: redirector.URL, APIVersion: "3.24"}})
			type sent struct {
				Name      string
				WithToken bool
				Code      int
			}
			var got []sent
			for _, r := range ev.requests() {
				withToken := false
				for _, h := range r.Sent.Headers {
					withToken = withToken || strings.EqualFold(h.Key, auth.AuthHeader)
				}
				got = append(got, sent{r.Item.Name, withToken, r.Resp.Code})
			}
			want := []sent{{"final", true, 200}, {"first", false, 401}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			var warnings []string
			for _, e := range ev.all {
				if e.Warning != nil {
					warnings = append(warnings, e.Warning.Message)
				}
			}
			wantWarnings := []string{
				"at " + tableau.URL + " (" + redirector.URL + " redirected the sign-in there)",
				redirector.URL + " redirected colrun's Tableau sign-in to " + tableau.URL + ", which holds the session, so requests to " + redirector.URL + " go without X-Tableau-Auth; use " + tableau.URL + " in the collection and in TABLEAU_SERVER",
			}
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
