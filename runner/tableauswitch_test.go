package runner

import (
	"strings"
	"testing"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// After the run switched sites, a new sign-in (after a 401002) opens a
// session on TABLEAU_SITE, and the retried request, its {{site-id}}
// resolved again, goes to that site instead of the one the run was on.
// The notice of the new sign-in said nothing of it; it now names the site
// the ended session was on.
func TestNewSigninAfterASiteSwitchSaysTheSiteChanged(t *testing.T) {
	t.Parallel()
	tableau := newTableauMock(t)
	const switchSite = `{"name":"switch","request":{"method":"POST","url":"{{base}}/api/3.24/auth/switchSite","body":{"mode":"raw","raw":"<tsRequest><site contentUrl=\"Samples\"/></tsRequest>"}}},`
	const rest = `{"name":"sign out","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signout"}},
		{"name":"workbooks","request":"{{base}}/api/3.24/sites/{{site-id}}/workbooks"}`
	const changed = `; the ended session was on site ` + mockserver.DemoSamplesSiteID + ` ("Samples"), so {{site-id}} and the requests using it now name this site`
	tests := []struct {
		name    string
		items   string
		changed bool
	}{
		{"after a switch", switchSite + rest, true},
		{"without a switch", rest, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ev := runTableau(t, tableau.URL, tc.items, auth.MethodPassword, adminCreds, tableau.URL, Options{})
			var renewal string
			for _, w := range ev.warnings() {
				if strings.Contains(w, "again after the run signed out") {
					renewal = w
				}
			}
			if renewal == "" {
				t.Fatal("no new sign-in")
			}
			if got := strings.HasSuffix(renewal, changed); got != tc.changed {
				t.Errorf("notice %q: names the earlier site: %v, want %v", renewal, got, tc.changed)
			}
		})
	}
}
