package mockserver

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func favoriteBody(label, kind, id string) string {
	return `<tsRequest><favorite label="` + label + `"><` + kind + ` id="` + id + `"/></favorite></tsRequest>`
}

// favoriteList reads a favorites reply as "label kind id" lines.
func favoriteList(t *testing.T, r reply) []string {
	t.Helper()
	var out []string
	for _, f := range r.xml(t).FindElements("/tsResponse/favorites/favorite") {
		for _, k := range f.ChildElements() {
			out = append(out, f.SelectAttrValue("label", "")+" "+k.Tag+" "+k.SelectAttrValue("id", ""))
		}
	}
	return out
}

// TestFavorites adds each kind of content to a user's favorites, reads
// them back, relabels one and deletes one, as a client sees it.
func TestFavorites(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	wb := demoID(site, "workbook", "Sales Dashboard")
	view := demoID(site, "view", "Sales Dashboard", "Overview")
	ds := demoID(site, "datasource", "HR Data")
	project := demoID(site, "project", "Finance")
	flow := demoID(site, "flow", "Clean Sales")
	tests := []struct {
		name  string
		user  string // whose favorites; the caller is alice unless admin
		admin bool
	}{
		{"own favorites", DemoAliceID, false},
		{"administrator manages another user's", DemoAliceID, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			token, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
			if tt.admin {
				token, _ = m.admin("")
			}
			path := "sites/" + site + "/favorites/" + tt.user
			add := func(label, kind, id string) reply {
				r := m.do(req{method: http.MethodPut, path: path, token: token, body: favoriteBody(label, kind, id)})
				r.wantStatus(t, http.StatusOK)
				return r
			}
			add("My workbook", "workbook", wb)
			add("My view", "view", view)
			add("My data", "datasource", ds)
			add("My project", "project", project)
			got := favoriteList(t, add("My flow", "flow", flow))
			want := []string{"My workbook workbook " + wb, "My view view " + view, "My data datasource " + ds, "My project project " + project,
				"My flow flow " + flow}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("after adding (-want +got):\n%s", diff)
			}
			add("Renamed", "workbook", wb)
			m.do(req{method: http.MethodDelete, path: path + "/views/" + view, token: token}).wantStatus(t, http.StatusNoContent)
			m.do(req{method: http.MethodDelete, path: path + "/flows/" + flow, token: token}).wantStatus(t, http.StatusNoContent)
			r := m.do(req{path: path, token: token})
			r.wantStatus(t, http.StatusOK)
			want = []string{"Renamed workbook " + wb, "My data datasource " + ds, "My project project " + project}
			if diff := cmp.Diff(want, favoriteList(t, r)); diff != "" {
				t.Errorf("after relabel and delete (-want +got):\n%s", diff)
			}
			// The favorite carries the content as Query Workbook lists it.
			if name := attrAt(t, r.xml(t), "/tsResponse/favorites/favorite/workbook", "name"); name != "Sales Dashboard" {
				t.Errorf("workbook name = %q", name)
			}
		})
	}
}

// TestFavoritesJSON checks a JSON body and the JSON shape of the list:
// favorites.favorite is an array even with one item.
func TestFavoritesJSON(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, _ := m.admin("")
	wb := demoID(DemoDefaultSiteID, "workbook", "Sales Dashboard")
	r := m.do(req{method: http.MethodPut, path: "sites/" + DemoDefaultSiteID + "/favorites/" + DemoAdminID, token: token, json: true,
		contentType: "application/json", body: `{"favorite":{"label":"Sales","workbook":{"id":"` + wb + `"}}}`})
	r.wantStatus(t, http.StatusOK)
	doc := r.jsonMap(t)
	got := []any{dig(doc, "favorites", "favorite", 0, "label"), dig(doc, "favorites", "favorite", 0, "workbook", "id"),
		dig(doc, "favorites", "favorite", 0, "workbook", "name")}
	if diff := cmp.Diff([]any{"Sales", wb, "Sales Dashboard"}, got); diff != "" {
		t.Errorf("JSON favorites (-want +got):\n%s\n%s", diff, r.body)
	}
	empty := m.do(req{path: "sites/" + DemoDefaultSiteID + "/favorites/" + DemoAliceID, token: token, json: true})
	empty.wantStatus(t, http.StatusOK)
	if diff := cmp.Diff(map[string]any{"favorites": map[string]any{}}, empty.jsonMap(t)); diff != "" {
		t.Errorf("empty favorites (-want +got):\n%s", diff)
	}
}

// TestFavoriteErrors checks Tableau's codes for unknown users and
// content, bad bodies, other users' favorites and missing tokens.
func TestFavoriteErrors(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	m := newMock(t, Config{})
	admin, _ := m.admin("")
	alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	const missing = "00000000-0000-0000-0000-000000000000"
	wb := demoID(site, "workbook", "Sales Dashboard")
	mine := "favorites/" + DemoAliceID
	tests := []struct {
		name   string
		method string
		path   string
		token  string
		body   string
		status int
		code   string
	}{
		{"unknown user", "GET", "favorites/" + missing, admin, "", 404, "404002"},
		{"unknown workbook", "PUT", mine, alice, favoriteBody("x", "workbook", missing), 404, "404006"},
		{"unknown view", "PUT", mine, alice, favoriteBody("x", "view", missing), 404, "404011"},
		{"unknown datasource", "PUT", mine, alice, favoriteBody("x", "datasource", missing), 404, "404011"}, // sic: 404004 elsewhere
		{"unknown project", "PUT", mine, alice, favoriteBody("x", "project", missing), 404, "404005"},
		{"unknown flow", "PUT", mine, alice, favoriteBody("x", "flow", missing), 404, "404027"},
		{"delete unknown workbook", "DELETE", mine + "/workbooks/" + missing, alice, "", 404, "404006"},
		{"missing label", "PUT", mine, alice, `<tsRequest><favorite><workbook id="` + wb + `"/></favorite></tsRequest>`, 400, "400005"},
		{"blank label", "PUT", mine, alice, favoriteBody(" ", "workbook", wb), 400, "400005"},
		{"delete a workbook that is not a favorite", "DELETE", mine + "/workbooks/" + wb, alice, "", 404, "404010"},
		{"no content", "PUT", mine, alice, `<tsRequest><favorite label="x"/></tsRequest>`, 400, "400000"},
		{"no favorite", "PUT", mine, alice, `<tsRequest/>`, 400, "400000"},
		{"not XML", "PUT", mine, alice, `{"favorite":{}}`, 400, "400000"},
		{"another user's favorites", "GET", "favorites/" + DemoAdminID, alice, "", 403, "403004"},
		{"add to another user's favorites", "PUT", "favorites/" + DemoAdminID, alice, favoriteBody("x", "workbook", wb), 403, "403004"},
		{"no token", "GET", mine, "", "", 401, "401000"},
		{"metrics are not mocked", "DELETE", mine + "/metrics/" + missing, alice, "", 501, "501000"},
		{"POST is not Tableau's", "POST", mine, alice, "", 405, "405000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{method: tt.method, path: "sites/" + site + "/" + tt.path, token: tt.token, body: tt.body})
			r.wantError(t, tt.status, tt.code)
		})
	}
}
