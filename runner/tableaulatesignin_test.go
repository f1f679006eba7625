package runner

import (
	"net/http/httptest"
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
	tableau := httptest.NewServer(mockserver.New(mockserver.Config{}))
	t.Cleanup(tableau.Close)
	const siteID = "dad65087-b08b-4603-af4e-2887b8aafc67"
	items := `{"name":"first","request":"{{base}}/api/3.24/sites/` + siteID + `/projects"},
		{"name":"sign in","request":{"method":"POST","url":"{{signin}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"<tsRequest/>"}}},
		{"name":"after","request":"{{base}}/api/3.24/sites/` + siteID + `/projects"}`
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
			signer, err := auth.NewSigner(auth.MethodPassword, auth.FormatXML, auth.Credentials{Username: "admin", Password: "admin-password"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var globals []collections.Variable
			if tc.signin != "" {
				globals = []collections.Variable{{Key: "signin", Value: tc.signin}}
			}
			c := parse(t, collection(tableau.URL, items))
			ev, _ := run(t, c, Options{GlobalVars: globals, Tableau: &TableauAuth{Signer: signer, Names: auth.DefaultVariableNames, APIVersion: "3.24"}})
			var got []int
			for _, r := range ev.requests() {
				code := 0
				if r.Resp != nil {
					code = r.Resp.Code
				}
				got = append(got, code)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("status codes (-want +got):\n%s", diff)
			}
		})
	}
}
