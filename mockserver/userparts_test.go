package mockserver

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUserGroupsAndWorkbooks checks Get Groups for a User and Query
// Workbooks for User, which Tableau Server Client's users.populate_groups
// and users.populate_workbooks call; the mock answered both 501. Groups
// come as Tableau lists them (user_populate_groups.xml: pagination, then
// groups with their domain); workbooks are the site's, or with
// ownedBy=true the user's own.
func TestUserGroupsAndWorkbooks(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	const prolog = `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_24.xsd">`
	tests := []struct {
		name, path string
		json       bool
		status     int
		want       string // the body
	}{
		{"alice's groups", "users/" + DemoAliceID + "/groups", false, 200, prolog +
			`<pagination pageNumber="1" pageSize="100" totalAvailable="2"/><groups>` +
			`<group id="ed268b25-a164-51a8-905f-51e6686409ae" name="All Users"><domain name="local"/></group>` +
			`<group id="6c06cea7-24f9-512f-8db1-57ee3384ae34" name="Analysts"><domain name="local"/></group></groups></tsResponse>`},
		{"admin's groups, a page of one", "users/" + DemoAdminID + "/groups?pageSize=1&pageNumber=2", true, 200,
			`{"pagination":{"pageNumber":"2","pageSize":"1","totalAvailable":"2"},"groups":{"group":[{"domain":{"name":"local"},"id":"54579037-347e-5442-8e50-fd2a86e4dcfb","name":"Administrators"}]}}`},
		{"alice owns", "users/" + DemoAliceID + "/workbooks?ownedBy=true&fields=name&pageSize=3", true, 200,
			`{"pagination":{"pageNumber":"1","pageSize":"3","totalAvailable":"10"},"workbooks":{"workbook":[{"name":"Regional"},{"name":"Customer Analysis"},{"name":"Shipping Performance"}]}}`},
		{"alice may read", "users/" + DemoAliceID + "/workbooks?ownedBy=false&fields=name&pageSize=3", true, 200,
			`{"pagination":{"pageNumber":"1","pageSize":"3","totalAvailable":"32"},"workbooks":{"workbook":[{"name":"Superstore"},{"name":"World Indicators"},{"name":"Regional"}]}}`},
		{"no such user", "users/00000000-0000-0000-0000-000000000000/groups", true, 404,
			`{"error":{"summary":"Resource Not Found","detail":"User '00000000-0000-0000-0000-000000000000' could not be found.","code":"404002"}}`},
		{"no such user's workbooks", "users/00000000-0000-0000-0000-000000000000/workbooks", true, 404,
			`{"error":{"summary":"Resource Not Found","detail":"User '00000000-0000-0000-0000-000000000000' could not be found.","code":"404002"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: "sites/" + site + "/" + tt.path, token: token, json: tt.json})
			r.wantStatus(t, tt.status)
			if diff := cmp.Diff(tt.want, string(r.body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}
