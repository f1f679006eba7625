package mockserver

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOrganizeFavorites moves favorites with Organize Favorites and reads
// the new order back from Get Favorites for User, in XML and JSON.
func TestOrganizeFavorites(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	wb := demoID(site, "workbook", "Sales Dashboard")
	ds := demoID(site, "datasource", "HR Data")
	project := demoID(site, "project", "Finance")
	ordering := func(kind, id, afterKind, afterID string) string {
		after := ""
		if afterID != "" {
			after = fmt.Sprintf(` favoriteIdMoveAfter="%s" favoriteTypeMoveAfter="%s"`, afterID, afterKind)
		}
		return fmt.Sprintf(`<favoriteOrdering favoriteId="%s" favoriteType="%s"%s/>`, id, kind, after)
	}
	tests := []struct {
		name      string
		json      bool
		orderings string
		as        string // DemoAliceName, or the admin
		status    int
		code      string
		want      []string // labels after
	}{
		{"move after another", false, ordering("workbook", wb, "project", project), "", 204, "", []string{"D", "P", "W"}},
		{"move to the front (json)", true, ordering("project", project, "", ""), "", 204, "", []string{"P", "W", "D"}},
		{"several in turn", false, ordering("datasource", ds, "", "") + ordering("workbook", wb, "datasource", ds), "", 204, "", []string{"D", "W", "P"}},
		{"not a favorite", false, ordering("flow", demoID(site, "flow", "Clean Sales"), "", ""), "", 404, "404010", []string{"W", "D", "P"}},
		{"after one that is not a favorite", false, ordering("workbook", wb, "view", ds), "", 404, "404010", []string{"W", "D", "P"}},
		{"no orderings", false, "", "", 400, "400000", []string{"W", "D", "P"}},
		{"another user's", false, ordering("workbook", wb, "", ""), DemoAliceName, 403, "403004", []string{"W", "D", "P"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			admin, _ := m.admin("")
			token := admin
			if tt.as == DemoAliceName {
				token, _ = m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
			}
			favs := "sites/" + site + "/favorites/" + DemoAdminID
			for _, f := range [][3]string{{"W", "workbook", wb}, {"D", "datasource", ds}, {"P", "project", project}} {
				m.do(req{method: http.MethodPut, path: favs, token: admin, body: favoriteBody(f[0], f[1], f[2])}).wantStatus(t, http.StatusOK)
			}
			body := `<tsRequest><favoriteOrderings>` + tt.orderings + `</favoriteOrderings></tsRequest>`
			if tt.json {
				body = `{"favoriteOrderings":{"favoriteOrdering":[{"favoriteId":"` + project + `","favoriteType":"project"}]}}`
			}
			ct := ""
			if tt.json {
				ct = jsonType
			}
			r := m.do(req{method: http.MethodPut, path: "sites/" + site + "/orderFavorites/" + DemoAdminID, token: token, body: body, json: tt.json, contentType: ct})
			r.wantStep(t, "Organize Favorites", tt.status, tt.code)
			var got []string
			if tt.json {
				list, _ := dig(m.do(req{path: favs, token: admin, json: true}).jsonMap(t), "favorites", "favorite").([]any)
				for _, f := range list {
					got = append(got, dig(f, "label").(string))
				}
			} else {
				for _, f := range m.do(req{path: favs, token: admin}).xml(t).FindElements("//favorite") {
					got = append(got, f.SelectAttrValue("label", ""))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("favorites after (-want +got):\n%s", diff)
			}
		})
	}
}
