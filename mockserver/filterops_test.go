package mockserver

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFilterOperators checks each operator against the fields that take
// it, as the tables of Tableau's "Filtering and Sorting" page give them:
// cieq matches regardless of case and has matches part of a group name,
// and documented fields a client filters on often (projectName,
// workbookName, ownerEmail, parentProjectId, topLevelProject, sheetType,
// domainName) are applied, as are projects' dates, which the mock did
// not list, so that every project failed a createdAt filter. An operator
// a field does not take, or no operator at all, is refused with a 400 (as
// Tableau 3.30 refuses it, per tableau/tableau-mcp); the mock took such
// filters without applying them, so a collection got every item back as
// the filtered answer. A field outside the list's table (siteRole on
// workbooks) is refused as an unknown key, as Tableau 3.30 refuses it;
// the mock pooled every list's fields and answered an empty list.
func TestFilterOperators(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	const unknownKey = `{"error":{"summary":"Bad Request","detail":"The filter query contains a key which is not recognized for this api version.","code":"400065"}}`
	tests := []struct {
		list, filter string
		want         []string // names, sorted by name
		err          string   // the JSON error body of a 400
	}{
		{list: "users", filter: "name:cieq:ALICE", want: []string{"alice"}},
		{list: "workbooks", filter: "name:cieq:superSTORE", want: []string{"Superstore"}},
		{list: "users", filter: "name:eq:ALICE"},
		{list: "groups", filter: "name:has:lyst", want: []string{"Analysts"}},
		{list: "groups", filter: "domainName:eq:local", want: []string{"Administrators", "All Users", "Analysts"}},
		{list: "users", filter: "domainName:eq:local", want: []string{"admin", "alice"}},
		// Users take email (eq, in), as Tableau's users table lists it.
		{list: "users", filter: "email:eq:alice@example.com", want: []string{"alice"}},
		{list: "users", filter: "email:in:[admin@example.com,alice@example.com]", want: []string{"admin", "alice"}},
		{list: "workbooks", filter: "projectName:eq:Samples Archive,name:in:[Regional,Superstore,Bike Sharing]", want: []string{"Bike Sharing", "Regional"}},
		{list: "workbooks", filter: "projectName:eq:Sandbox"},
		{list: "datasources", filter: "projectName:in:[Samples,Nowhere]", want: []string{"Superstore Datasource"}},
		{list: "views", filter: "workbookName:eq:Superstore", want: []string{"Details", "Overview"}},
		{list: "views", filter: "sheetType:eq:dashboard,workbookName:eq:Superstore", want: []string{"Overview"}},
		{list: "projects", filter: "ownerEmail:eq:alice@example.com", want: []string{"Samples", "Sandbox"}},
		{list: "projects", filter: "topLevelProject:eq:false", want: []string{"Samples Archive"}},
		{list: "projects", filter: "topLevelProject:eq:true", want: []string{"default", "Samples", "Sandbox"}},
		{list: "projects", filter: "parentProjectId:eq:" + demoID(DemoSamplesSiteID, "project", "Samples"), want: []string{"Samples Archive"}},
		{list: "projects", filter: "createdAt:gte:2024-02-13T06:42:09Z", want: []string{"Samples Archive", "Sandbox"}},
		{list: "flows", filter: "projectName:eq:default,ownerName:eq:admin", want: []string{"Regional Rollup", "Superstore Prep"}},
		// Tableau's data sources table gives connectedWorkbookType
		// eq, gt, gte, lt and lte (a count): accepted, not applied.
		{list: "datasources", filter: "connectedWorkbookType:gte:1", want: []string{"Regional Sales", "Superstore Datasource", "World Indicators"}},
		{list: "workbooks", filter: "siteRole:eq:Viewer", err: unknownKey},
		{list: "users", filter: "projectName:eq:Samples", err: unknownKey},
		{list: "projects", filter: "tags:eq:x", err: unknownKey},
		{list: "groups", filter: "siteRole:eq:Viewer", err: unknownKey},
		{list: "workbooks", filter: "name:gt:S",
			err: `{"error":{"summary":"Bad Request","detail":"The filter query has the operator 'gt' for key 'name', which does not take it.","code":"400065"}}`},
		{list: "workbooks", filter: "name:like:Super",
			err: `{"error":{"summary":"Bad Request","detail":"The filter query has the operator 'like' for key 'name', which does not take it.","code":"400065"}}`},
		{list: "workbooks", filter: "createdAt:in:[2024-02-14T04:42:09Z]",
			err: `{"error":{"summary":"Bad Request","detail":"The filter query has the operator 'in' for key 'createdAt', which does not take it.","code":"400065"}}`},
		{list: "workbooks", filter: "ownerName:has:ali",
			err: `{"error":{"summary":"Bad Request","detail":"The filter query has the operator 'has' for key 'ownerName', which does not take it.","code":"400065"}}`},
		{list: "projects", filter: "topLevelProject:in:[true]",
			err: `{"error":{"summary":"Bad Request","detail":"The filter query has the operator 'in' for key 'topLevelProject', which does not take it.","code":"400065"}}`},
		{list: "users", filter: "name:EQ:alice",
			err: `{"error":{"summary":"Bad Request","detail":"The filter query has the operator 'EQ' for key 'name', which does not take it.","code":"400065"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.list+"?filter="+tt.filter, func(t *testing.T) {
			t.Parallel()
			q := url.Values{"filter": {tt.filter}, "sort": {"name:asc"}}
			path := "sites/" + site + "/" + tt.list + "?" + q.Encode()
			if tt.err != "" {
				r := m.do(req{path: path, token: token, json: true})
				r.wantStatus(t, 400)
				if diff := cmp.Diff(tt.err, string(r.body)); diff != "" {
					t.Errorf("body (-want +got):\n%s", diff)
				}
				return
			}
			doc := m.do(req{path: path, token: token}).xml(t)
			if diff := cmp.Diff(tt.want, names(doc, tt.list[:len(tt.list)-1])); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
}
