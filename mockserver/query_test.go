package mockserver

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFilterErrors checks that a filter Tableau cannot read is refused as
// Tableau refuses it, not ignored: a client that mistypes a field would
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
		{"users", "siteRole:eq:Viewer", "", []string{"admin", "alice"}},
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
