package runner

import (
	"testing"

	"github.com/colrun/colrun/auth"
	"github.com/google/go-cmp/cmp"
)

// TestConcurrentScriptSendsShareTheTableauSession sends six pm.sendRequest
// calls at once to the signed-in server: each carries the session's token
// and gets 200. The worker's Tableau state was read and written by all of
// them at once (`go test -race` reported it; a run saw it as a request
// now and then going out with another's X-Tableau-Auth decision).
func TestConcurrentScriptSendsShareTheTableauSession(t *testing.T) {
	t.Parallel()
	tableau := newTableauMock(t)
	items := `{"name":"sites","request":"{{base}}/api/3.24/sites","event":[{"listen":"test","script":{"exec":[
		"for (let i = 0; i < 6; i++) pm.sendRequest({url: pm.variables.get('base') + '/api/3.24/sites'}, (err, res) => pm.test('send ' + (err ? err.message : res.code), () => {}));"]}}]}`
	ev := runTableau(t, tableau.URL, items, auth.MethodPassword, adminCreds, tableau.URL, Options{Iterations: 3})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	var want []string
	for i := 0; i < 3*6; i++ {
		want = append(want, "send 200")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("script sends (-want +got):\n%s", diff)
	}
	for i, with := range ev.sentTableauToken() {
		if !with && i > 0 {
			t.Errorf("request %d went without X-Tableau-Auth", i)
		}
	}
}
