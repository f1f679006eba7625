package mockserver

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
)

// step is one request of a scenario on a fresh mock. Paths and bodies may
// hold {name} placeholders for values saved by earlier steps.
type step struct {
	as          string // DemoAliceName, or admin when empty
	method      string
	path        string // under sites/<Default site id>/ unless it starts with / or "auth"
	body        string
	contentType string
	json        bool
	status      int
	code        string // Tableau error code expected, if any
	// save names the values to keep for later steps: name -> attribute
	// of the answer's first element (XML) or of its first JSON member.
	save map[string]string
	// want checks attributes of the answer's first element (or, with
	// "list", of its items in order, joined by commas).
	want map[string]string
}

// scenarios are named step lists, each run on its own mock.
type scenarios []struct {
	name  string
	steps []step
}

func (ss scenarios) run(t *testing.T) {
	t.Helper()
	for _, tt := range ss {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			scenario(t, tt.steps)
		})
	}
}

// scenario runs steps in order on one mock and checks each answer.
func scenario(t *testing.T, steps []step) map[string]string {
	t.Helper()
	m := newMock(t, Config{})
	admin, _ := m.admin("")
	alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	vars := map[string]string{"site": DemoDefaultSiteID}
	fill := func(s string) string {
		for k, v := range vars {
			s = strings.ReplaceAll(s, "{"+k+"}", v)
		}
		return s
	}
	for i, s := range steps {
		token := admin
		if s.as == DemoAliceName {
			token = alice
		}
		path := fill(s.path)
		if !strings.HasPrefix(path, "/") && !strings.HasPrefix(path, "auth/") {
			path = "sites/" + DemoDefaultSiteID + "/" + path
		}
		method := s.method
		if method == "" {
			method = http.MethodGet
		}
		r := m.do(req{method: method, path: path, token: token, body: fill(s.body), contentType: s.contentType, json: s.json})
		where := method + " " + path
		if s.code != "" {
			if r.status != s.status || r.errorCode(t) != s.code {
				t.Fatalf("step %d %s: %d %s, want %d %s", i, where, r.status, r.body, s.status, s.code)
			}
			continue
		}
		if r.status != s.status {
			t.Fatalf("step %d %s: status %d, want %d; body %s", i, where, r.status, s.status, r.body)
		}
		if len(s.save) == 0 && len(s.want) == 0 {
			continue
		}
		attrs := firstElementAttrs(t, r, s.json)
		for name, attr := range s.save {
			vars[name] = attrs[attr]
		}
		got := map[string]string{}
		for k := range s.want {
			got[k] = attrs[k]
		}
		if len(s.want) == 0 {
			continue
		}
		if diff := cmp.Diff(s.want, got); diff != "" {
			t.Fatalf("step %d %s (-want +got):\n%s\n%s", i, where, diff, r.body)
		}
	}
	return vars
}

// firstElementAttrs reads the attributes of an answer's first element
// other than pagination; "list" holds the names (or ids, for unnamed
// items) of its child elements, joined by commas, and "count" their
// number.
func firstElementAttrs(t *testing.T, r reply, asJSON bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	itemKey := func(m map[string]string) string {
		if m["name"] != "" {
			return m["name"]
		}
		return m["id"]
	}
	if asJSON {
		for k, v := range r.jsonMap(t) {
			if k == "pagination" {
				continue
			}
			obj, _ := v.(map[string]any)
			for ak, av := range obj {
				switch av := av.(type) {
				case string:
					out[ak] = av
				case []any:
					var names []string
					for _, it := range av {
						item := map[string]string{}
						for ik, iv := range it.(map[string]any) {
							if s, ok := iv.(string); ok {
								item[ik] = s
							}
						}
						names = append(names, itemKey(item))
					}
					out["list"] = strings.Join(names, ",")
					out["count"] = strconv.Itoa(len(names))
				}
			}
		}
		return out
	}
	for _, e := range r.xml(t).Root().ChildElements() {
		if e.Tag == "pagination" {
			continue
		}
		for _, a := range e.Attr {
			out[a.Key] = a.Value
		}
		var names []string
		for _, k := range e.ChildElements() {
			item := map[string]string{}
			for _, a := range k.Attr {
				item[a.Key] = a.Value
			}
			names = append(names, itemKey(item))
		}
		out["list"] = strings.Join(names, ",")
		out["count"] = strconv.Itoa(len(names))
		break
	}
	return out
}

const jsonType = "application/json"

// TestUserWrites checks Add User to Site, Update User and Remove User from
// Site in XML and JSON, with Tableau's error codes.
func TestUserWrites(t *testing.T) {
	t.Parallel()
	tests := scenarios{
		{"add, read, update, remove (xml)", []step{
			{method: "POST", path: "users", body: `<tsRequest><user name="viewer@example.com" siteRole="Viewer" authSetting="ServerDefault"/></tsRequest>`,
				status: 201, save: map[string]string{"u": "id"}, want: map[string]string{"name": "viewer@example.com", "siteRole": "Viewer", "authSetting": "ServerDefault"}},
			{path: "users/{u}", status: 200, want: map[string]string{"name": "viewer@example.com", "siteRole": "Viewer"}},
			{method: "PUT", path: "users/{u}", body: `<tsRequest><user fullName="Vi Ewer" email="vi@example.com" siteRole="Explorer"/></tsRequest>`,
				status: 200, want: map[string]string{"fullName": "Vi Ewer", "email": "vi@example.com", "siteRole": "Explorer", "authSetting": "ServerDefault"}},
			{method: "DELETE", path: "users/{u}", status: 204},
			{path: "users/{u}", status: 404, code: "404002"},
		}},
		{"add in json", []step{
			{method: "POST", path: "users", body: `{"user":{"name":"j","siteRole":"Creator"}}`, contentType: jsonType, json: true,
				status: 201, want: map[string]string{"name": "j", "siteRole": "Creator", "authSetting": "ServerDefault"}},
		}},
		{"added user signs in after a password is set", []step{
			{method: "POST", path: "users", body: `<tsRequest><user name="bob" siteRole="Viewer"/></tsRequest>`, status: 201, save: map[string]string{"u": "id"}},
			{method: "PUT", path: "users/{u}", body: `<tsRequest><user password="bob-password"/></tsRequest>`, status: 200},
			{method: "POST", path: "auth/signin", body: passwordBody("bob", "bob-password", ""), status: 200},
		}},
		{"duplicate name is 409000", []step{
			{method: "POST", path: "users", body: `<tsRequest><user name="ALICE" siteRole="Viewer"/></tsRequest>`, status: 409, code: "409000"},
		}},
		{"bad site role is 400013", []step{
			{method: "POST", path: "users", body: `<tsRequest><user name="x" siteRole="Publisher"/></tsRequest>`, status: 400, code: "400013"},
		}},
		{"guest is 409005", []step{
			{method: "POST", path: "users", body: `<tsRequest><user name="x" siteRole="Guest"/></tsRequest>`, status: 409, code: "409005"},
		}},
		{"missing site role is 400000", []step{
			{method: "POST", path: "users", body: `<tsRequest><user name="x"/></tsRequest>`, status: 400, code: "400000"},
		}},
		{"malformed body is 400000", []step{
			{method: "POST", path: "users", body: `<tsRequest><user`, status: 400, code: "400000"},
		}},
		{"non-admin cannot add", []step{
			{as: DemoAliceName, method: "POST", path: "users", body: `<tsRequest><user name="x" siteRole="Viewer"/></tsRequest>`, status: 403, code: "403004"},
		}},
		{"user changes own details but not own role", []step{
			{as: DemoAliceName, method: "PUT", path: "users/" + DemoAliceID, body: `<tsRequest><user fullName="Alice B"/></tsRequest>`, status: 200, want: map[string]string{"fullName": "Alice B"}},
			{as: DemoAliceName, method: "PUT", path: "users/" + DemoAliceID, body: `<tsRequest><user siteRole="SiteAdministratorCreator"/></tsRequest>`, status: 403, code: "403009"},
			{as: DemoAliceName, method: "PUT", path: "users/" + DemoAdminID, body: `<tsRequest><user fullName="x"/></tsRequest>`, status: 403, code: "403004"},
		}},
		{"update unknown user is 404002", []step{
			{method: "PUT", path: "users/00000000-0000-0000-0000-000000000000", body: `<tsRequest><user fullName="x"/></tsRequest>`, status: 404, code: "404002"},
		}},
		{"owner of content is 409003 unless assets are mapped", []step{
			{method: "DELETE", path: "users/" + DemoAliceID, status: 409, code: "409003"},
			{method: "DELETE", path: "users/" + DemoAliceID + "?mapAssetsTo=" + DemoAdminID, status: 204},
			{path: "workbooks/" + demoID(DemoDefaultSiteID, "workbook", "Budget Planning"), status: 200},
			{path: "users/" + DemoAliceID, status: 404, code: "404002"},
		}},
	}
	tests.run(t)
}

// TestGroupWrites checks Create, Update and Delete Group and the group
// membership methods.
func TestGroupWrites(t *testing.T) {
	t.Parallel()
	analysts := demoID(DemoDefaultSiteID, "group", "Analysts")
	tests := scenarios{
		{"create, rename, members, delete (xml)", []step{
			{method: "POST", path: "groups", body: `<tsRequest><group name="Sales"/></tsRequest>`, status: 201, save: map[string]string{"g": "id"}, want: map[string]string{"name": "Sales"}},
			{method: "PUT", path: "groups/{g}", body: `<tsRequest><group name="Sales Team"/></tsRequest>`, status: 200, want: map[string]string{"name": "Sales Team"}},
			{method: "POST", path: "groups/{g}/users", body: `<tsRequest><user id="` + DemoAliceID + `"/></tsRequest>`, status: 200, want: map[string]string{"id": DemoAliceID, "name": DemoAliceName, "siteRole": "Creator"}},
			{method: "POST", path: "groups/{g}/users", body: `<tsRequest><user id="` + DemoAdminID + `"/></tsRequest>`, status: 200},
			{path: "groups/{g}/users", status: 200, want: map[string]string{"list": "alice,admin"}},
			{method: "POST", path: "groups/{g}/users", body: `<tsRequest><user id="` + DemoAliceID + `"/></tsRequest>`, status: 409, code: "409011"},
			{method: "DELETE", path: "groups/{g}/users/" + DemoAliceID, status: 204},
			{method: "DELETE", path: "groups/{g}/users/" + DemoAliceID, status: 404, code: "404002"},
			{path: "groups/{g}/users", status: 200, want: map[string]string{"list": "admin"}},
			{method: "DELETE", path: "groups/{g}", status: 204},
			{path: "groups/{g}", status: 404, code: "404012"},
			{path: "groups/{g}/users", status: 404, code: "404012"},
		}},
		{"json", []step{
			{method: "POST", path: "groups", body: `{"group":{"name":"J"}}`, contentType: jsonType, json: true, status: 201, save: map[string]string{"g": "id"}, want: map[string]string{"name": "J"}},
			{method: "POST", path: "groups/{g}/users", body: `{"user":{"id":"` + DemoAdminID + `"}}`, contentType: jsonType, json: true, status: 200, want: map[string]string{"name": "admin"}},
			{path: "groups/{g}/users", json: true, status: 200, want: map[string]string{"list": "admin"}},
		}},
		{"name taken in any case is 409009", []step{
			{method: "POST", path: "groups", body: `<tsRequest><group name="analysts"/></tsRequest>`, status: 409, code: "409009"},
			{method: "PUT", path: "groups/" + analysts, body: `<tsRequest><group name="ALL USERS"/></tsRequest>`, status: 409, code: "409009"},
		}},
		{"name missing is 400000", []step{
			{method: "POST", path: "groups", body: `<tsRequest><group/></tsRequest>`, status: 400, code: "400000"},
		}},
		{"unknown user is 404002", []step{
			{method: "POST", path: "groups/" + analysts + "/users", body: `<tsRequest><user id="00000000-0000-0000-0000-000000000000"/></tsRequest>`, status: 404, code: "404002"},
		}},
		{"unknown group is 404012", []step{
			{method: "POST", path: "groups/00000000-0000-0000-0000-000000000000/users", body: `<tsRequest><user id="` + DemoAdminID + `"/></tsRequest>`, status: 404, code: "404012"},
			{method: "DELETE", path: "groups/00000000-0000-0000-0000-000000000000", status: 404, code: "404012"},
		}},
		{"non-admin cannot manage groups", []step{
			{as: DemoAliceName, method: "POST", path: "groups", body: `<tsRequest><group name="x"/></tsRequest>`, status: 403, code: "403004"},
			{as: DemoAliceName, method: "DELETE", path: "groups/" + analysts, status: 403, code: "403004"},
			{as: DemoAliceName, method: "POST", path: "groups/" + analysts + "/users", body: `<tsRequest><user id="` + DemoAdminID + `"/></tsRequest>`, status: 403, code: "403004"},
		}},
	}
	tests.run(t)
}

// TestPermissionWrites checks Add, Query and Delete permissions of
// workbooks, data sources and projects.
func TestPermissionWrites(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	wb := "workbooks/" + demoID(site, "workbook", "Sales Dashboard")
	ds := "datasources/" + demoID(site, "datasource", "HR Data")
	pj := "projects/" + demoID(site, "project", "Marketing")
	analysts := demoID(site, "group", "Analysts")
	grant := func(kind, id, name, mode string) string {
		return `<tsRequest><permissions><granteeCapabilities><` + kind + ` id="` + id + `"/><capabilities><capability name="` + name + `" mode="` + mode + `"/></capabilities></granteeCapabilities></permissions></tsRequest>`
	}
	tests := scenarios{
		{"workbook add, query, delete (xml)", []step{
			{method: "PUT", path: wb + "/permissions", body: grant("group", analysts, "Read", "Allow"), status: 200},
			{method: "PUT", path: wb + "/permissions", body: grant("user", DemoAliceID, "Write", "Deny"), status: 200},
			{path: wb + "/permissions", status: 200, want: map[string]string{"list": "Sales Dashboard,,"}},
			{method: "DELETE", path: wb + "/permissions/groups/" + analysts + "/Read/Allow", status: 204},
			{method: "DELETE", path: wb + "/permissions/groups/" + analysts + "/Read/Allow", status: 404, code: "404013"},
		}},
		{"json body and answer", []step{
			{method: "PUT", path: wb + "/permissions", contentType: jsonType, json: true, status: 200,
				body: `{"permissions":{"granteeCapabilities":[{"group":{"id":"` + analysts + `"},"capabilities":{"capability":[{"name":"Read","mode":"Allow"},{"name":"Filter","mode":"Allow"}]}}]}}`},
		}},
		{"tutorial body with a comment and the workbook named", []step{
			{method: "PUT", path: wb + "/permissions", status: 200,
				body: "<tsRequest>\n\t<permissions>\n\t\t<workbook id=\"x\" />\n\t\t<granteeCapabilities>\n\t\t\t<group id=\"" + analysts + "\" />\n\t\t\t<capabilities>\n\t\t\t\t<capability name=\"Read\" mode=\"Allow\" />\n\t\t\t\t<!-- ... additional capabilities ... -->\n\t\t\t</capabilities>\n\t\t</granteeCapabilities>\n\t</permissions>\n</tsRequest>"},
		}},
		{"data source and project", []step{
			{method: "PUT", path: ds + "/permissions", body: grant("group", analysts, "Connect", "Allow"), status: 200},
			{method: "PUT", path: pj + "/permissions", body: grant("user", DemoAliceID, "ProjectLeader", "Allow"), status: 200},
		}},
		{"capability of another kind is 400009", []step{
			{method: "PUT", path: wb + "/permissions", body: grant("group", analysts, "Connect", "Allow"), status: 400, code: "400009"},
			{method: "PUT", path: pj + "/permissions", body: grant("group", analysts, "ProjectLeader", "Deny"), status: 400, code: "400009"},
		}},
		{"unknown capability or mode is 404013", []step{
			{method: "PUT", path: wb + "/permissions", body: grant("group", analysts, "Fly", "Allow"), status: 404, code: "404013"},
			{method: "PUT", path: wb + "/permissions", body: grant("group", analysts, "Read", "Maybe"), status: 404, code: "404013"},
		}},
		{"unknown grantee", []step{
			{method: "PUT", path: wb + "/permissions", body: grant("group", "00000000-0000-0000-0000-000000000000", "Read", "Allow"), status: 404, code: "404012"},
			{method: "PUT", path: wb + "/permissions", body: grant("user", "00000000-0000-0000-0000-000000000000", "Read", "Allow"), status: 404, code: "404002"},
		}},
		{"unknown item", []step{
			{method: "PUT", path: "workbooks/00000000-0000-0000-0000-000000000000/permissions", body: grant("group", analysts, "Read", "Allow"), status: 404, code: "404006"},
			{path: "datasources/00000000-0000-0000-0000-000000000000/permissions", status: 404, code: "404004"},
		}},
		{"no grantee is 400000", []step{
			{method: "PUT", path: wb + "/permissions", body: `<tsRequest><permissions/></tsRequest>`, status: 400, code: "400000"},
		}},
		{"only owners, leaders and admins set permissions", []step{
			{as: DemoAliceName, method: "PUT", path: "workbooks/" + demoID(site, "workbook", "Budget Planning") + "/permissions", body: grant("group", analysts, "Read", "Allow"), status: 403, code: "403004"},
			{as: DemoAliceName, method: "PUT", path: "workbooks/" + demoID(site, "workbook", "Team KPIs") + "/permissions", body: grant("group", analysts, "Read", "Allow"), status: 200},
			{as: DemoAliceName, method: "PUT", path: wb + "/permissions", body: grant("group", analysts, "Read", "Allow"), status: 200},
		}},
		{"deleted group loses its rules", []step{
			{method: "PUT", path: wb + "/permissions", body: grant("group", analysts, "Read", "Allow"), status: 200},
			{method: "DELETE", path: "groups/" + analysts, status: 204},
			{path: wb + "/permissions", status: 200, want: map[string]string{"list": "Sales Dashboard"}},
		}},
	}
	tests.run(t)
}

// multipartBody builds a publish request body with the given boundary.
func multipartBody(boundary, payloadType, payload, fileField, fileName string) string {
	b := "--" + boundary + "\r\nContent-Disposition: name=\"request_payload\"\r\nContent-Type: " + payloadType + "\r\n\r\n" + payload + "\r\n"
	if fileField != "" {
		b += "--" + boundary + "\r\nContent-Disposition: name=\"" + fileField + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\x03\x04fake\r\n"
	}
	return b + "--" + boundary + "--\r\n"
}

// TestPublish checks single-call Publish Workbook and Publish Data Source.
func TestPublish(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	finance := demoID(site, "project", "Finance")
	mixed := "multipart/mixed; boundary=b0undary"
	wbXML := `<tsRequest><workbook name="Greenlight" showTabs="true"><project id="` + finance + `"/></workbook></tsRequest>`
	tests := scenarios{
		{"workbook (xml), then listed, then conflict, then overwrite", []step{
			{method: "POST", path: "workbooks", contentType: mixed, body: multipartBody("b0undary", "text/xml", wbXML, "tableau_workbook", "greenlight.twbx"),
				status: 201, save: map[string]string{"w": "id"}, want: map[string]string{"name": "Greenlight", "showTabs": "true", "contentUrl": "Greenlight"}},
			{path: "workbooks?filter=name:eq:Greenlight", status: 200, want: map[string]string{"list": "Greenlight"}},
			{method: "POST", path: "workbooks", contentType: mixed, body: multipartBody("b0undary", "text/xml", wbXML, "tableau_workbook", "greenlight.twbx"), status: 409, code: "409013"},
			{method: "POST", path: "workbooks?overwrite=true", contentType: mixed, body: multipartBody("b0undary", "text/xml", wbXML, "tableau_workbook", "greenlight.twbx"),
				status: 201, save: map[string]string{"w2": "id"}},
		}},
		{"json payload and answer", []step{
			{method: "POST", path: "workbooks", contentType: mixed, json: true, status: 201, want: map[string]string{"name": "J"},
				body: multipartBody("b0undary", "application/json", `{"workbook":{"name":"J","project":{"id":"`+finance+`"}}}`, "tableau_workbook", "j.twb")},
		}},
		{"data source to the default project", []step{
			{method: "POST", path: "datasources", contentType: mixed, status: 201, want: map[string]string{"name": "Extract"},
				body: multipartBody("b0undary", "text/xml", `<tsRequest><datasource name="Extract"/></tsRequest>`, "tableau_datasource", "e.hyper")},
		}},
		{"boundary the body does not use is 400000", []step{
			{method: "POST", path: "workbooks", contentType: "multipart/mixed; boundary=!boundary-string!", status: 400, code: "400000",
				body: multipartBody("----------------------------981965293399670264263504", "text/xml", wbXML, "", "")},
		}},
		{"missing file part is 400000", []step{
			{method: "POST", path: "workbooks", contentType: mixed, body: multipartBody("b0undary", "text/xml", wbXML, "", ""), status: 400, code: "400000"},
		}},
		{"not multipart is 400000", []step{
			{method: "POST", path: "workbooks", body: wbXML, status: 400, code: "400000"},
		}},
		{"wrong file type is 400000", []step{
			{method: "POST", path: "workbooks", contentType: mixed, body: multipartBody("b0undary", "text/xml", wbXML, "tableau_workbook", "x.pdf"), status: 400, code: "400000"},
		}},
		{"unknown project is 404005", []step{
			{method: "POST", path: "workbooks", contentType: mixed, status: 404, code: "404005",
				body: multipartBody("b0undary", "text/xml", `<tsRequest><workbook name="x"><project id="e5f30f9a-e2a4-4cee-a4fe-82bba23466ad"/></workbook></tsRequest>`, "tableau_workbook", "x.twbx")},
		}},
		{"creator publishes to own project, viewer does not", []step{
			{as: DemoAliceName, method: "POST", path: "workbooks", contentType: mixed, body: multipartBody("b0undary", "text/xml", wbXML, "tableau_workbook", "g.twbx"), status: 201},
			{method: "PUT", path: "users/" + DemoAliceID, body: `<tsRequest><user siteRole="Viewer"/></tsRequest>`, status: 200},
			{as: DemoAliceName, method: "POST", path: "workbooks", contentType: mixed, status: 403, code: "403004",
				body: multipartBody("b0undary", "text/xml", `<tsRequest><workbook name="x"><project id="`+finance+`"/></workbook></tsRequest>`, "tableau_workbook", "x.twbx")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			vars := scenario(t, tt.steps)
			if w2, ok := vars["w2"]; ok && w2 != vars["w"] {
				t.Errorf("overwrite made a new workbook %s, not %s", w2, vars["w"])
			}
		})
	}
}

// TestConnectedAppWrites checks the connected app methods and that an app
// made through them signs JWTs in once enabled and given a secret.
func TestConnectedAppWrites(t *testing.T) {
	t.Parallel()
	apps := "connected-applications"
	tests := scenarios{
		{"collection-like json", []step{
			{path: "/api/exp/sites/{site}/" + apps + "/", json: true, status: 200, want: map[string]string{"list": "colrun mock connected app"}},
			{method: "POST", path: "/api/exp/sites/{site}/" + apps + "/", contentType: jsonType, json: true, status: 200,
				body: `{"connectedApplication":{"name":"","enabled":"","unrestrictedEmbedding":""}}`,
				save: map[string]string{"app": "clientId"}, want: map[string]string{"enabled": "false", "unrestrictedEmbedding": "false"}},
			{method: "PUT", path: "/api/exp/sites/{site}/" + apps + "/{app}", contentType: jsonType, json: true, status: 200,
				body: `{"connectedApplication":{"name":"Mine","enabled":"true"}}`, want: map[string]string{"name": "Mine", "enabled": "true"}},
			{method: "POST", path: "/api/exp/sites/{site}/" + apps + "/{app}/secrets", contentType: jsonType, json: true, status: 200, save: map[string]string{"sid": "id", "sval": "value"}},
			{path: "/api/exp/sites/{site}/" + apps + "/{app}/secrets/{sid}", json: true, status: 200, save: map[string]string{"sid2": "id"}},
			{method: "DELETE", path: "/api/exp/sites/{site}/" + apps + "/{app}/secrets/{sid}", json: true, status: 204},
			{method: "DELETE", path: "/api/exp/sites/{site}/" + apps + "/{app}", json: true, status: 204},
			{path: "/api/exp/sites/{site}/" + apps + "/{app}", json: true, status: 404, code: "404073"},
		}},
		{"xml, versioned path, two secrets at most", []step{
			{method: "POST", path: apps, status: 200, body: `<tsRequest><connectedApplication name="X" enabled="true" domainSafelist="example.com" projectId="` + demoID(DemoDefaultSiteID, "project", "Finance") + `"/></tsRequest>`,
				save: map[string]string{"app": "clientId"}, want: map[string]string{"name": "X", "enabled": "true", "domainSafelist": "example.com"}},
			{method: "POST", path: apps + "/{app}/secrets", status: 200},
			{method: "POST", path: apps + "/{app}/secrets", status: 200},
			{method: "POST", path: apps + "/{app}/secrets", status: 409, code: "409000"},
			{path: apps + "/{app}", status: 200, want: map[string]string{"name": "X", "count": "2"}},
		}},
		{"bad values", []step{
			{method: "POST", path: apps, body: `<tsRequest><connectedApplication enabled="maybe"/></tsRequest>`, status: 400, code: "400000"},
			{method: "POST", path: apps, body: `<tsRequest/>`, status: 400, code: "400000"},
			{method: "POST", path: apps, body: `<tsRequest><connectedApplication projectId="00000000-0000-0000-0000-000000000000"/></tsRequest>`, status: 404, code: "404005"},
			{method: "POST", path: apps + "/00000000-0000-0000-0000-000000000000/secrets", status: 404, code: "404073"},
		}},
		{"non-admin", []step{
			{as: DemoAliceName, path: apps, status: 403, code: "403004"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			vars := scenario(t, tt.steps)
			if v, ok := vars["sid2"]; ok && v != vars["sid"] {
				t.Errorf("Get Secret answered %s, want %s", v, vars["sid"])
			}
		})
	}
}

// TestCreatedConnectedAppSignsIn checks that the JWTs of an app created
// at run time sign in while it is enabled and has the signing secret, on
// its own site only.
func TestCreatedConnectedAppSignsIn(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	admin, site := m.admin("")
	base := "sites/" + site + "/connected-applications"
	r := m.do(req{method: "POST", path: base, token: admin, body: `<tsRequest><connectedApplication name="New"/></tsRequest>`})
	r.wantStatus(t, 200)
	app := attrAt(t, r.xml(t), "/tsResponse/connectedApplication", "clientId")
	r = m.do(req{method: "POST", path: base + "/" + app + "/secrets", token: admin})
	r.wantStatus(t, 200)
	doc := r.xml(t)
	kid, secret := attrAt(t, doc, "/tsResponse/connectedApplicationSecret", "id"), attrAt(t, doc, "/tsResponse/connectedApplicationSecret", "value")
	mint := func() string {
		s := demoJWT(testEpoch)
		s.key, s.header["kid"], s.header["iss"], s.claims["iss"] = []byte(secret), kid, app, app
		s.claims["jti"] = uuid.NewString()
		return s.mint(t)
	}
	signIn := func(contentURL string) int {
		return m.do(req{method: "POST", path: "auth/signin", body: jwtBody(mint(), contentURL)}).status
	}
	steps := []struct {
		name     string
		before   string // body of an Update Connected App first, if any
		site     string
		wantCode int
	}{
		{"disabled by default", "", "", 401},
		{"enabled", `<tsRequest><connectedApplication enabled="true"/></tsRequest>`, "", 200},
		{"other site", "", DemoSamplesContentURL, 401},
		{"disabled again", `<tsRequest><connectedApplication enabled="false"/></tsRequest>`, "", 401},
	}
	for _, s := range steps {
		if s.before != "" {
			m.do(req{method: "PUT", path: base + "/" + app, token: admin, body: s.before}).wantStatus(t, 200)
		}
		if got := signIn(s.site); got != s.wantCode {
			t.Errorf("%s: sign-in %d, want %d", s.name, got, s.wantCode)
		}
	}
	// A deleted secret signs nothing.
	m.do(req{method: "PUT", path: base + "/" + app, token: admin, body: `<tsRequest><connectedApplication enabled="true"/></tsRequest>`}).wantStatus(t, 200)
	m.do(req{method: "DELETE", path: base + "/" + app + "/secrets/" + kid, token: admin}).wantStatus(t, 204)
	if got := signIn(""); got != 401 {
		t.Errorf("after deleting the secret: sign-in %d, want 401", got)
	}
}

// TestWriteScopes checks that a JWT session reaches the write methods only
// with a scope for them (401002 otherwise, as for reads).
func TestWriteScopes(t *testing.T) {
	t.Parallel()
	site := DemoSamplesSiteID
	wb := demoID(site, "workbook", "Superstore")
	analysts := demoID(site, "group", "Analysts")
	publish := multipartBody("b", "text/xml", `<tsRequest><workbook name="S"/></tsRequest>`, "tableau_workbook", "s.twbx")
	tests := []struct {
		name        string
		scope       string
		method      string
		path        string
		body        string
		contentType string
		status      int
	}{
		{"add user", "tableau:users:create", "POST", "users", `<tsRequest><user name="s" siteRole="Viewer"/></tsRequest>`, "", 201},
		{"add user without scope", "tableau:content:read", "POST", "users", `<tsRequest><user name="s" siteRole="Viewer"/></tsRequest>`, "", 401},
		{"create group with wildcard", "tableau:groups:*", "POST", "groups", `<tsRequest><group name="s"/></tsRequest>`, "", 201},
		{"create group without scope", "tableau:users:create", "POST", "groups", `<tsRequest><group name="s"/></tsRequest>`, "", 401},
		{"set permissions", "tableau:permissions:update", "PUT", "workbooks/" + wb + "/permissions",
			`<tsRequest><permissions><granteeCapabilities><group id="` + analysts + `"/><capabilities><capability name="Read" mode="Allow"/></capabilities></granteeCapabilities></permissions></tsRequest>`, "", 200},
		{"read permissions with content read", "tableau:content:read", "GET", "workbooks/" + wb + "/permissions", "", "", 200},
		{"publish", "tableau:workbooks:create", "POST", "workbooks", publish, "multipart/mixed; boundary=b", 201},
		{"publish without scope", "tableau:content:read", "POST", "workbooks", publish, "multipart/mixed; boundary=b", 401},
		{"list connected apps", "tableau:connected_apps:read", "GET", "connected-applications", "", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			spec := demoJWT(testEpoch)
			spec.claims["scp"] = []string{tt.scope}
			token, _ := m.signIn(jwtBody(spec.mint(t), DemoSamplesContentURL))
			r := m.do(req{method: tt.method, path: "sites/" + site + "/" + tt.path, token: token, body: tt.body, contentType: tt.contentType})
			if tt.status == 401 {
				r.wantError(t, 401, "401002")
				return
			}
			r.wantStatus(t, tt.status)
		})
	}
}
