package mockserver

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFilterErrors checks that a filter on an attribute the mock lists
// (name, siteRole, contentUrl, id) filters with eq and in, that other
// documented fields pass unapplied, and that a filter Tableau cannot read
// is refused as Tableau refuses it, not ignored: a client that mistypes a field would
// otherwise get every item back and believe the filter worked. The codes
// and wording are Tableau's, as quoted in server-client-python issues #338,
// #709 and #753 ("The filter query contains a key which is not recognized
// for this api version.") and #442 ("The filter query is missing a value
// for key 'name'.").
func TestFilterErrors(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	const unknownKey = `{"error":{"summary":"Bad Request","detail":"The filter query contains a key which is not recognized for this api version.","code":"400065"}}`
	tests := []struct {
		list, filter string
		want         string // the JSON body; "" for a 200
		names        []string
	}{
		{"workbooks", "nmae:eq:Superstore", unknownKey, nil},
		{"workbooks", "nonsense", unknownKey, nil},
		{"users", "Name:eq:alice", unknownKey, nil},
		{"workbooks", "tags:in:[a,b],colour:eq:x", unknownKey, nil},
		{"workbooks", "name:eq:", `{"error":{"summary":"Bad Request","detail":"The filter query is missing a value for key 'name'.","code":"400065"}}`, nil},
		{"projects", "name", `{"error":{"summary":"Bad Request","detail":"The filter query is missing a value for key 'name'.","code":"400065"}}`, nil},
		{"users", "siteRole:eq", `{"error":{"summary":"Bad Request","detail":"The filter query is missing a value for key 'siteRole'.","code":"400065"}}`, nil},
		// Fields Tableau documents pass, whether or not the mock applies them.
		{"users", "siteRole:eq:Viewer", "", nil},
		{"users", "siteRole:eq:Creator", "", []string{"alice"}},
		{"users", "siteRole:in:[Creator,ServerAdministrator]", "", []string{"admin", "alice"}},
		{"workbooks", "contentUrl:eq:Superstore", "", []string{"Superstore"}},
		{"users", "luid:eq:dd2239f6-ddf1-4107-981a-4cf94e415794", "", []string{"alice"}},
		{"users", "lastLogin:gt:2000-01-01T00:00:00Z", "", []string{"admin", "alice"}},
		{"workbooks", "name:in:[Superstore,Regional]", "", []string{"Regional", "Superstore"}},
		{"projects", "topLevelProject:eq:true,name:eq:Samples", "", []string{"Samples"}},
	}
	for _, tt := range tests {
		t.Run(tt.list+"?filter="+tt.filter, func(t *testing.T) {
			t.Parallel()
			path := "sites/" + site + "/" + tt.list + "?filter=" + url.QueryEscape(tt.filter)
			r := m.do(req{path: path, token: token, json: true})
			if tt.want == "" {
				r.wantStatus(t, 200)
				doc := m.do(req{path: path + "&sort=name:asc", token: token}).xml(t)
				if diff := cmp.Diff(tt.names, names(doc, tt.list[:len(tt.list)-1])); diff != "" {
					t.Errorf("names (-want +got):\n%s", diff)
				}
				return
			}
			r.wantStatus(t, 400)
			if diff := cmp.Diff(tt.want, string(r.body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFieldsProjection checks fields=name,id,project.name as Tableau's
// "Using Fields in the REST API" page shows it: only the named attributes,
// and of a child element only the named ones, among them the owner's,
// workbook's and project's details a list leaves out by default
// (owner.name, workbook.name), which were dropped without an error.
// _default_ keeps the default shape, plus the details named beside it;
// _all_ adds every detail, as the _all_ fixtures of Tableau Server Client
// (workbook_get_all_fields.xml) show the owner's email, fullName,
// lastLogin, name and siteRole (users' _all_ extras are
// TestUsersAllFields').
func TestFieldsProjection(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	const prolog = `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_24.xsd">`
	const page = `<pagination pageNumber="1" pageSize="100" totalAvailable="1"/>`
	full := m.do(req{path: "sites/" + site + "/workbooks?filter=name:eq:Superstore", token: token}).body
	tests := []struct {
		fields string
		json   bool
		want   string
	}{
		{"name", false, prolog + page + `<workbooks><workbook name="Superstore"/></workbooks></tsResponse>`},
		{"id,name", false, prolog + page + `<workbooks><workbook id="aab06eb6-ea40-552e-9e65-a4c8084dd662" name="Superstore"/></workbooks></tsResponse>`},
		{"name,project.name,owner.id", false, prolog + page + `<workbooks><workbook name="Superstore"><project name="Samples"/><owner id="1a96d216-e9b8-497b-a82a-0b899a965e01"/></workbook></workbooks></tsResponse>`},
		{"name,tags", false, prolog + page + `<workbooks><workbook name="Superstore"><tags><tag label="sample"/><tag label="superstore"/></tags></workbook></workbooks></tsResponse>`},
		{"name,size", true, `{"pagination":{"pageNumber":"1","pageSize":"100","totalAvailable":"1"},"workbooks":{"workbook":[{"name":"Superstore","size":"1"}]}}`},
		{"_default_", false, string(full)},
		{"name,owner.name", false, prolog + page + `<workbooks><workbook name="Superstore"><owner name="admin"/></workbook></workbooks></tsResponse>`},
		{"id,owner.id,owner.name,owner.email", true, `{"pagination":{"pageNumber":"1","pageSize":"100","totalAvailable":"1"},"workbooks":{"workbook":[{"owner":{"id":"1a96d216-e9b8-497b-a82a-0b899a965e01","email":"admin@example.com","name":"admin"},"id":"aab06eb6-ea40-552e-9e65-a4c8084dd662"}]}}`},
		{"_default_,owner.name", false, strings.Replace(string(full), `<owner id="1a96d216-e9b8-497b-a82a-0b899a965e01"/>`, `<owner id="1a96d216-e9b8-497b-a82a-0b899a965e01" name="admin"/>`, 1)},
		{"_all_", false, strings.NewReplacer(
			`<owner id="1a96d216-e9b8-497b-a82a-0b899a965e01"/>`,
			`<owner id="1a96d216-e9b8-497b-a82a-0b899a965e01" email="admin@example.com" fullName="Mock Administrator" lastLogin="2025-06-01T12:00:00Z" name="admin" siteRole="ServerAdministrator"/>`,
			`name="Samples"/>`, `name="Samples" description="This project includes automatically uploaded samples."/>`+
				`<location id="95365947-3c60-54b4-9c96-0943e3d5a4a3" type="Project" name="Samples"/>`,
			`updatedAt="2024-02-14T05:42:09Z">`, `updatedAt="2024-02-14T05:42:09Z" defaultViewId="7fb5aa86-bdbb-5142-a56c-f9d21b01eb36" sheetCount="2">`,
		).Replace(string(full))},
		{"views?filter=name:eq:Details,ownerName:eq:alice,createdAt:lt:2024-02-15T04:42:09Z&fields=name,workbook.name,owner.name,project.name", false, prolog + page + `<views><view name="Details"><workbook name="Regional"/><owner name="alice"/><project name="Samples Archive"/></view></views></tsResponse>`},
		{"projects?filter=name:eq:Sandbox&fields=name,owner.name,owner.siteRole", true, `{"pagination":{"pageNumber":"1","pageSize":"100","totalAvailable":"1"},"projects":{"project":[{"owner":{"name":"alice","siteRole":"Creator"},"name":"Sandbox"}]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.fields, func(t *testing.T) {
			t.Parallel()
			path := "workbooks?filter=name:eq:Superstore&fields=" + tt.fields
			if strings.Contains(tt.fields, "?") {
				path = tt.fields
			}
			r := m.do(req{path: "sites/" + site + "/" + path, token: token, json: tt.json})
			r.wantStatus(t, 200)
			if diff := cmp.Diff(tt.want, string(r.body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}
