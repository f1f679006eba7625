package mockserver

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAppliedFilters checks the filters the mock applies beyond name,
// siteRole, contentUrl and id, with the operators Tableau's "Filtering and
// Sorting" page gives them: viewUrlName, ownerName and tags (eq, in), and
// the dates createdAt, updatedAt and lastLogin (eq, gt, gte, lt, lte) in
// ISO 8601. Accepting such a filter without applying it would hand a
// client every item, which it would take for the filtered answer. The
// demo workbooks are created six hours apart from 2024-02-14T04:42:09Z and
// updated an hour later; every third one (from the third) is alice's.
func TestAppliedFilters(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	overview := make([]string, 8) // the Overview views of the eight tagged workbooks
	for i := range overview {
		overview[i] = "Overview"
	}
	tests := []struct {
		list, filter string
		want         []string // names, sorted by name
	}{
		{"views", "viewUrlName:eq:Overview,tags:eq:overview", overview},
		{"views", "viewUrlName:eq:Nowhere", nil},
		{"views", "viewUrlName:in:[Details,Nowhere],ownerName:eq:alice,createdAt:lt:2024-02-15T04:42:09Z", []string{"Details"}},
		{"workbooks", "ownerName:eq:alice,createdAt:lte:2024-02-16T04:42:09Z", []string{"Customer Analysis", "Regional", "Shipping Performance"}},
		{"workbooks", "ownerName:in:[nobody,alice],name:in:[Regional,Superstore]", []string{"Regional"}},
		{"projects", "ownerName:eq:alice", []string{"Samples", "Sandbox"}},
		{"datasources", "ownerName:eq:admin", []string{"Regional Sales", "Superstore Datasource"}},
		{"datasources", "tags:eq:certified", []string{"Superstore Datasource"}},
		{"workbooks", "tags:eq:superstore", []string{"Superstore"}},
		{"workbooks", "tags:in:[sales,superstore]", []string{"Sales Forecast", "Superstore"}},
		{"workbooks", "createdAt:lt:2024-02-14T16:42:09Z", []string{"Superstore", "World Indicators"}},
		{"workbooks", "createdAt:lte:2024-02-14T16:42:09Z", []string{"Regional", "Superstore", "World Indicators"}},
		{"workbooks", "createdAt:eq:2024-02-14T10:42:09Z", []string{"World Indicators"}},
		{"workbooks", "createdAt:eq:2024-02-14T12:42:09+02:00", []string{"World Indicators"}},
		{"workbooks", "createdAt:gt:2024-02-21T16:42:09Z", []string{"Flight Routes"}},
		{"workbooks", "updatedAt:gte:2024-02-21T23:42:09Z", []string{"Flight Routes"}},
		{"workbooks", "updatedAt:gt:2024-02-21T23:42:09Z", nil},
		{"users", "lastLogin:lt:2025-01-01T00:00:00Z", []string{"alice"}},
		{"users", "lastLogin:gte:2025-06-01T12:00:00Z", []string{"admin"}},
	}
	for _, tt := range tests {
		t.Run(tt.list+"?filter="+tt.filter, func(t *testing.T) {
			t.Parallel()
			q := url.Values{"filter": {tt.filter}, "sort": {"name:asc"}}
			doc := m.do(req{path: "sites/" + site + "/" + tt.list + "?" + q.Encode(), token: token}).xml(t)
			if diff := cmp.Diff(tt.want, names(doc, tt.list[:len(tt.list)-1])); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSort checks sort expressions as Tableau documents them, an attribute
// name and asc or desc, several applied in the order given; and that a
// sort Tableau cannot read is refused with a 400, not ignored, since a
// client would otherwise take an unsorted page for a sorted one. Tableau's
// wording for sort errors is not documented: the code is its filter
// errors' 400065 and the details are the mock's own.
func TestSort(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	const unknownKey = `{"error":{"summary":"Bad Request","detail":"The sort query contains a key which is not recognized for this api version.","code":"400065"}}`
	tests := []struct {
		list, query string
		want        []string // names; nil with body set
		body        string   // the JSON error body of a 400
	}{
		{"users", "sort=name:desc", []string{"alice", "admin"}, ""},
		{"users", "sort=luid:desc", []string{"alice", "admin"}, ""}, // alice's id is dd22..., admin's 1a96...
		{"workbooks", "sort=size:desc,name:asc&pageSize=3", []string{"Bike Sharing", "Census Explorer", "Hiring Pipeline"}, ""},
		{"datasources", "sort=ownerName:desc,name:asc", []string{"World Indicators", "Regional Sales", "Superstore Datasource"}, ""},
		{"workbooks", "sort=updatedAt:desc&pageSize=2", []string{"Flight Routes", "Taxi Trips"}, ""},
		{"workbooks", "sort=nmae:asc", nil, unknownKey},
		{"workbooks", "sort=name:asc,colour:desc", nil, unknownKey},
		{"views", "sort=siteRole:asc", nil, unknownKey}, // a users field, not a views one
		{"flows", "sort=createdAt:desc,name:asc&pageSize=2", []string{"Regional Rollup", "Indicator Cleanup"}, ""},
		{"users", "sort=", []string{"admin", "alice"}, ""},
		{"workbooks", "sort=name", nil, `{"error":{"summary":"Bad Request","detail":"The sort query has the direction '' for key 'name'; the direction must be asc or desc.","code":"400065"}}`},
		{"users", "sort=name:up", nil, `{"error":{"summary":"Bad Request","detail":"The sort query has the direction 'up' for key 'name'; the direction must be asc or desc.","code":"400065"}}`},
		{"projects", "sort=name:ASC", nil, `{"error":{"summary":"Bad Request","detail":"The sort query has the direction 'ASC' for key 'name'; the direction must be asc or desc.","code":"400065"}}`},
		{"groups", "sort=name:asc:desc", nil, `{"error":{"summary":"Bad Request","detail":"The sort query has the direction 'asc:desc' for key 'name'; the direction must be asc or desc.","code":"400065"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.list+"?"+tt.query, func(t *testing.T) {
			t.Parallel()
			path := "sites/" + site + "/" + tt.list + "?" + tt.query
			if tt.body == "" {
				doc := m.do(req{path: path, token: token}).xml(t)
				if diff := cmp.Diff(tt.want, names(doc, tt.list[:len(tt.list)-1])); diff != "" {
					t.Errorf("names (-want +got):\n%s", diff)
				}
				return
			}
			r := m.do(req{path: path, token: token, json: true})
			r.wantStatus(t, 400)
			if diff := cmp.Diff(tt.body, string(r.body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			m.do(req{path: path, token: token}).wantError(t, 400, "400065")
		})
	}
}

// TestFilterDateErrors checks that a date filter whose value is not an ISO
// 8601 date-time is refused rather than matching nothing: a collection
// filtering on createdAt:gt:2024-01-01 would otherwise see an empty list
// and believe nothing was created since.
func TestFilterDateErrors(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	tests := []struct{ list, filter, want string }{
		{"workbooks", "createdAt:gt:yesterday", `{"error":{"summary":"Bad Request","detail":"The filter query has the value 'yesterday' for key 'createdAt', which is not a date in ISO 8601 format (2016-05-04T21:24:49Z).","code":"400065"}}`},
		{"views", "updatedAt:lt:2024-01-01", `{"error":{"summary":"Bad Request","detail":"The filter query has the value '2024-01-01' for key 'updatedAt', which is not a date in ISO 8601 format (2016-05-04T21:24:49Z).","code":"400065"}}`},
		{"users", "lastLogin:eq:2024-13-01T00:00:00Z", `{"error":{"summary":"Bad Request","detail":"The filter query has the value '2024-13-01T00:00:00Z' for key 'lastLogin', which is not a date in ISO 8601 format (2016-05-04T21:24:49Z).","code":"400065"}}`},
		{"workbooks", "size:gt:big", `{"error":{"summary":"Bad Request","detail":"The filter query has the value 'big' for key 'size', which is not an integer.","code":"400065"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.list+"?filter="+tt.filter, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: "sites/" + site + "/" + tt.list + "?filter=" + url.QueryEscape(tt.filter), token: token, json: true})
			r.wantStatus(t, 400)
			if diff := cmp.Diff(tt.want, string(r.body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}
