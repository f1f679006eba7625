package mockserver

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProjectPermissions checks who may create, update and delete
// projects: administrators anything but the Default project's deletion,
// owners and leaders their projects and the projects below them.
func TestProjectPermissions(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	pid := func(name string) string { return demoID(site, "project", name) }
	base := "sites/" + site + "/projects"
	tests := []struct {
		name   string
		user   string // DemoAdminName or DemoAliceName
		setup  func(d *Data, pid func(string) string)
		method string
		path   string
		body   string
		status int
		code   string
	}{
		{"admin creates top-level", DemoAdminName, nil, "POST", base, `<tsRequest><project name="New"/></tsRequest>`, 201, ""},
		{"creator cannot create top-level", DemoAliceName, nil, "POST", base, `<tsRequest><project name="New"/></tsRequest>`, 403, "403004"},
		{"owner creates in own project", DemoAliceName, nil, "POST", base, `<tsRequest><project name="New" parentProjectId="` + pid("Finance") + `"/></tsRequest>`, 201, ""},
		{"creator cannot create in another's project", DemoAliceName, nil, "POST", base, `<tsRequest><project name="New" parentProjectId="` + pid("default") + `"/></tsRequest>`, 403, "403004"},
		{"leader creates in led project", DemoAliceName, leadDefault, "POST", base, `<tsRequest><project name="New" parentProjectId="` + pid("default") + `"/></tsRequest>`, 201, ""},
		{"creator cannot give a new project away", DemoAliceName, nil, "POST", base, `<tsRequest><project name="New" parentProjectId="` + pid("Finance") + `"><owner id="` + DemoAdminID + `"/></project></tsRequest>`, 403, "403004"},
		{"owner updates", DemoAliceName, nil, "PUT", base + "/" + pid("Finance"), `<tsRequest><project description="x"/></tsRequest>`, 200, ""},
		{"owner changes owner", DemoAliceName, nil, "PUT", base + "/" + pid("Finance"), `<tsRequest><project><owner id="` + DemoAdminID + `"/></project></tsRequest>`, 200, ""},
		{"owner of parent updates child", DemoAliceName, nil, "PUT", base + "/" + pid("Finance Reports"), `<tsRequest><project description="x"/></tsRequest>`, 200, ""},
		{"creator cannot update another's project", DemoAliceName, nil, "PUT", base + "/" + pid("default"), `<tsRequest><project description="x"/></tsRequest>`, 403, "403004"},
		{"creator cannot change another's owner", DemoAliceName, nil, "PUT", base + "/" + pid("default"), `<tsRequest><project><owner id="` + DemoAliceID + `"/></project></tsRequest>`, 403, "403004"},
		{"leader updates", DemoAliceName, leadDefault, "PUT", base + "/" + pid("default"), `<tsRequest><project description="x"/></tsRequest>`, 200, ""},
		{"owner cannot move to top level", DemoAliceName, nil, "PUT", base + "/" + pid("Finance Reports"), `<tsRequest><project parentProjectId=""/></tsRequest>`, 403, "403004"},
		{"admin moves to top level", DemoAdminName, nil, "PUT", base + "/" + pid("Finance Reports"), `<tsRequest><project parentProjectId=""/></tsRequest>`, 200, ""},
		{"default cannot be renamed", DemoAdminName, nil, "PUT", base + "/" + pid("default"), `<tsRequest><project name="Other"/></tsRequest>`, 403, "403005"},
		{"admin updates default", DemoAdminName, nil, "PUT", base + "/" + pid("default"), `<tsRequest><project description="x"/></tsRequest>`, 200, ""},
		{"default cannot be deleted", DemoAdminName, nil, "DELETE", base + "/" + pid("default"), "", 403, "403003"},
		{"owner deletes", DemoAliceName, nil, "DELETE", base + "/" + pid("Marketing"), "", 204, ""},
		{"creator cannot delete another's project", DemoAliceName, giveMarketingToAdmin, "DELETE", base + "/" + pid("Marketing"), "", 403, "403004"},
		{"admin deletes", DemoAdminName, nil, "DELETE", base + "/" + pid("Marketing"), "", 204, ""},
		{"missing project is 404 before 403", DemoAliceName, nil, "DELETE", base + "/00000000-0000-0000-0000-000000000000", "", 404, "404005"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			data := DefaultData()
			if tt.setup != nil {
				tt.setup(data, pid)
			}
			m := newMock(t, Config{Data: data})
			var token string
			switch tt.user {
			case DemoAliceName:
				token, _ = m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
			default:
				token, _ = m.admin("")
			}
			r := m.do(req{method: tt.method, path: tt.path, token: token, body: tt.body})
			if tt.code != "" {
				r.wantError(t, tt.status, tt.code)
				return
			}
			if diff := cmp.Diff(tt.status, r.status); diff != "" {
				t.Errorf("status (-want +got):\n%s\n%s", diff, r.body)
			}
		})
	}
}

// leadDefault makes alice a leader of the Default site's default project.
func leadDefault(d *Data, pid func(string) string) {
	for i := range d.Projects {
		if d.Projects[i].ID == pid("default") {
			d.Projects[i].LeaderIDs = []string{DemoAliceID}
		}
	}
}

// giveMarketingToAdmin leaves alice no rights on Marketing.
func giveMarketingToAdmin(d *Data, pid func(string) string) {
	for i := range d.Projects {
		if d.Projects[i].ID == pid("Marketing") {
			d.Projects[i].OwnerID = DemoAdminID
		}
	}
}

// TestProjectForbiddenDetail checks the error's shape, which clients show.
func TestProjectForbiddenDetail(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	r := m.do(req{method: http.MethodPost, path: "sites/" + site + "/projects", token: token, json: true,
		contentType: "application/json", body: `{"project":{"name":"Top"}}`})
	r.wantError(t, 403, "403004")
	want := map[string]any{"summary": "Forbidden", "code": "403004",
		"detail": "User does not have permission for action. Only administrators can create top-level projects."}
	if diff := cmp.Diff(want, r.jsonMap(t)["error"]); diff != "" {
		t.Error(diff)
	}
}
