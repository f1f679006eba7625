package mockserver

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFlows checks Query Flows for Site and Query Flow: the seeded flows,
// paging and filters, both formats, and the codes for unknown ids.
func TestFlows(t *testing.T) {
	t.Parallel()
	site := DemoSamplesSiteID
	m := newMock(t, Config{})
	token, _ := m.admin("Samples")
	base := "sites/" + site + "/flows"
	prep := demoID(site, "flow", "Superstore Prep")
	tests := []struct {
		name   string
		path   string
		json   bool
		status int
		code   string
		names  []string // flow names in the reply, in order
		total  string
	}{
		{"list", base, false, 200, "", []string{"Superstore Prep", "Indicator Cleanup", "Regional Rollup"}, "3"},
		{"list json", base, true, 200, "", []string{"Superstore Prep", "Indicator Cleanup", "Regional Rollup"}, "3"},
		{"paged and sorted", base + "?pageSize=2&sort=name:asc", false, 200, "", []string{"Indicator Cleanup", "Regional Rollup"}, "3"},
		{"filtered by tag", base + "?filter=tags:eq:prep", true, 200, "", []string{"Superstore Prep"}, "1"},
		{"one", base + "/" + prep, false, 200, "", []string{"Superstore Prep"}, ""},
		{"one json", base + "/" + prep, true, 200, "", []string{"Superstore Prep"}, ""},
		{"unknown", base + "/00000000-0000-0000-0000-000000000000", false, 404, "404027", nil, ""},
		{"other site", "sites/" + DemoDefaultSiteID + "/flows", false, 403, "403000", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: tt.path, token: token, json: tt.json})
			if tt.code != "" {
				r.wantError(t, tt.status, tt.code)
				return
			}
			r.wantStatus(t, tt.status)
			var names []string
			var total, project string
			if tt.json {
				doc := r.jsonMap(t)
				if flows, ok := dig(doc, "flows", "flow").([]any); ok {
					for _, f := range flows {
						names = append(names, dig(f, "name").(string))
					}
					project, _ = dig(flows[0], "project", "name").(string)
				} else {
					names = append(names, dig(doc, "flow", "name").(string))
					project, _ = dig(doc, "flow", "project", "name").(string)
				}
				total, _ = dig(doc, "pagination", "totalAvailable").(string)
			} else {
				doc := r.xml(t)
				for _, f := range doc.FindElements("//flow") {
					names = append(names, f.SelectAttrValue("name", ""))
				}
				project = attrAt(t, doc, "//flow/project", "name")
				if p := doc.FindElement("//pagination"); p != nil {
					total = p.SelectAttrValue("totalAvailable", "")
				}
			}
			if diff := cmp.Diff(tt.names, names); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
			if total != tt.total || project != "default" {
				t.Errorf("totalAvailable %q project %q, want %q default; body %s", total, project, tt.total, r.body)
			}
		})
	}
}
