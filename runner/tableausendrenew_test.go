package runner

import (
	"slices"
	"strings"
	"testing"

	"github.com/colrun/colrun/auth"
	"github.com/google/go-cmp/cmp"
)

// TestScriptSendRenewsAnEndedSession: after the collection's own "Sign
// Out", a script's pm.sendRequest to the server gets 401002. As for the
// run's own requests (README: colrun signs in again and retries once),
// colrun signs in and sends it again, whether colrun added the token or
// the script set X-Tableau-Auth itself to the ended session's; concurrent
// sends share the one new sign-in. colrun handed the scripts the 401.
func TestScriptSendRenewsAnEndedSession(t *testing.T) {
	t.Parallel()
	tableau := newTableauMock(t)
	items := `{"name":"sign out","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signout"}},
		{"name":"sites","request":"{{base}}/api/3.24/serverinfo","event":[{"listen":"prerequest","script":{"exec":[
			"const url = pm.variables.get('base') + '/api/3.24/sites';",
			"pm.sendRequest(url, (err, res) => pm.test('colrun token ' + (err ? err.message : res.code), () => {}));",
			"pm.sendRequest({url, header: {'X-Tableau-Auth': pm.environment.get('api-key') || pm.variables.get('api-key')}}, (err, res) => pm.test('own token ' + (err ? err.message : res.code), () => {}));"]}}]}`
	ev := runTableau(t, tableau.URL, items, auth.MethodPassword, adminCreds, tableau.URL, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	if diff := cmp.Diff([]string{"colrun token 200", "own token 200"}, slices.Sorted(slices.Values(got))); diff != "" {
		t.Errorf("script sends after sign-out (-want +got):\n%s", diff)
	}
	signins := 0
	for _, w := range ev.warnings() {
		if strings.Contains(w, "again after the run signed out") {
			signins++
		}
	}
	if signins != 1 || len(ev.warnings()) != 2 {
		t.Errorf("%d new sign-ins for two sends, want 1 and no other notice than the first sign-in's; warnings %q", signins, ev.warnings())
	}
}
