package mockserver

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSchedules checks List Server Schedules and Get Server Schedule:
// the seeded schedules, paging, both formats, and the codes for unknown
// ids, filters and missing tokens.
func TestSchedules(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, _ := m.admin("")
	alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	weekday := demoID("schedule", "Weekday early mornings")
	all := []string{"Weekday early mornings", "Saturday night", "Hourly refresh", "Daily flow run", "First of the month"}
	tests := []struct {
		name   string
		path   string
		token  string
		json   bool
		status int
		code   string
		names  []string
		total  string
	}{
		{"list", "schedules", token, false, 200, "", all, "5"},
		{"list json", "schedules", token, true, 200, "", all, "5"},
		{"list as a creator", "schedules", alice, false, 200, "", all, "5"},
		{"paged", "schedules?pageSize=2&pageNumber=3", token, false, 200, "", all[4:], "5"},
		{"one", "schedules/" + weekday, token, false, 200, "", all[:1], ""},
		{"one json", "schedules/" + weekday, token, true, 200, "", all[:1], ""},
		{"unknown", "schedules/00000000-0000-0000-0000-000000000000", token, false, 404, "404023", nil, ""},
		{"filter", "schedules?filter=name:eq:x", token, false, 400, "400065", nil, ""},
		{"no token", "schedules", "", false, 401, "401000", nil, ""},
		{"create without a body", "schedules", token, false, 400, "400000", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			method := http.MethodGet
			if tt.name == "create without a body" {
				method = http.MethodPost
			}
			r := m.do(req{method: method, path: tt.path, token: tt.token, json: tt.json})
			if tt.code != "" {
				r.wantError(t, tt.status, tt.code)
				return
			}
			r.wantStatus(t, tt.status)
			var names []string
			var total, kind string
			if tt.json {
				doc := r.jsonMap(t)
				if list, ok := dig(doc, "schedules", "schedule").([]any); ok {
					for _, s := range list {
						names = append(names, dig(s, "name").(string))
					}
					kind, _ = dig(list[0], "type").(string)
				} else {
					names = append(names, dig(doc, "schedule", "name").(string))
					kind, _ = dig(doc, "schedule", "type").(string)
				}
				total, _ = dig(doc, "pagination", "totalAvailable").(string)
			} else {
				doc := r.xml(t)
				for _, s := range doc.FindElements("//schedule") {
					names = append(names, s.SelectAttrValue("name", ""))
				}
				kind = attrAt(t, doc, "//schedule", "type")
				if p := doc.FindElement("//pagination"); p != nil {
					total = p.SelectAttrValue("totalAvailable", "")
				}
			}
			if diff := cmp.Diff(tt.names, names); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
			wantKind := map[string]string{"Weekday early mornings": "Extract", "First of the month": "System"}[tt.names[0]]
			if total != tt.total || kind != wantKind {
				t.Errorf("totalAvailable %q type %q, want %q %q; body %s", total, kind, tt.total, wantKind, r.body)
			}
		})
	}
}
