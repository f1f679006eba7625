package mockserver

import "testing"

// TestCatalogAssets checks the databases, tables and columns the mock
// discovers none of: empty paged lists and 404003 for any id, in XML and
// JSON, while methods the mock lacks stay 501.
func TestCatalogAssets(t *testing.T) {
	t.Parallel()
	missing := "00000000-0000-0000-0000-000000000000"
	analysts := demoID(DemoDefaultSiteID, "group", "Analysts")
	rule := `<tsRequest><permissions><granteeCapabilities><group id="` + analysts +
		`"/><capabilities><capability name="Read" mode="Allow"/></capabilities></granteeCapabilities></permissions></tsRequest>`
	scenarios{
		{"databases", []step{
			{path: "databases", status: 200, want: map[string]string{"count": "0"}},
			{path: "databases", json: true, status: 200},
			{path: "databases?pageNumber=0", status: 400, code: "400006"},
			{path: "databases/" + missing, status: 404, code: "404003"},
			{method: "PUT", path: "databases/" + missing, body: `<tsRequest><database description="x"/></tsRequest>`, status: 404, code: "404003"},
			{method: "DELETE", path: "databases/" + missing, json: true, status: 404, code: "404003"},
			{method: "PUT", path: "databases/" + missing + "/permissions", body: rule, status: 404, code: "404003"},
			{path: "databases/" + missing + "/default-permissions/tables", status: 404, code: "404003"},
			{method: "DELETE", path: "databases/" + missing + "/tags/x", status: 404, code: "404003"},
			{method: "POST", path: "databases", body: `<tsRequest/>`, status: 501, code: "501000"},
		}},
		{"tables and columns", []step{
			{path: "tables", status: 200, want: map[string]string{"count": "0"}},
			{path: "tables/" + missing + "/columns", status: 404, code: "404003"},
			{path: "tables/" + missing + "/columns/" + missing, json: true, status: 404, code: "404003"},
			{method: "PUT", path: "columns/" + missing + "/tags", body: `<tsRequest><tags><tag label="x"/></tags></tsRequest>`, status: 404, code: "404003"},
			{method: "DELETE", path: "tables/" + missing + "/permissions/users/" + DemoAliceID + "/Read/Allow", status: 404, code: "404003"},
			{path: "columns", status: 404, code: "404003"},
		}},
	}.run(t)
}
