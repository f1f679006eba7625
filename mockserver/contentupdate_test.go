package mockserver

import "testing"

// TestUpdateContent updates workbooks, data sources and flows in XML and
// JSON, and checks the refusals and codes of each method's reference.
func TestUpdateContent(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	budget := "workbooks/" + demoID(site, "workbook", "Budget Planning") // admin's, in default (admin's)
	kpis := "workbooks/" + demoID(site, "workbook", "Team KPIs")         // alice's
	hr := "datasources/" + demoID(site, "datasource", "HR Data")         // alice's, in default
	flow := "flows/" + demoID(site, "flow", "Clean Sales")               // admin's, in default
	marketing := demoID(site, "project", "Marketing")                    // alice's
	finance := demoID(site, "project", "Finance")
	scenarios{
		{"workbook: rename, move, show tabs, read back", []step{
			{method: "PUT", path: budget, body: `<tsRequest><workbook name="Budget 2025" showTabs="false"><project id="` + finance + `"/></workbook></tsRequest>`,
				status: 200, want: map[string]string{"name": "Budget 2025", "showTabs": "false"}},
			{path: budget, status: 200, want: map[string]string{"name": "Budget 2025", "showTabs": "false"}},
			{method: "PUT", path: budget, body: `<tsRequest><workbook showTabs="maybe"/></tsRequest>`, status: 400, code: "400000"},
			{method: "PUT", path: budget, body: `<tsRequest><workbook><owner id="` + DemoAliceID + `"/></workbook></tsRequest>`, status: 200},
		}},
		{"data source in json", []step{
			{method: "PUT", path: hr, contentType: jsonType, json: true, body: `{"datasource":{"name":"People","description":"HR"}}`,
				status: 200, want: map[string]string{"name": "People", "description": "HR"}},
			{method: "PUT", path: hr, body: `<tsRequest><datasource name="sales data"/></tsRequest>`, status: 409, code: "409015"},
		}},
		{"flow: update, then delete", []step{
			{method: "PUT", path: flow, body: `<tsRequest><flow name="Clean Sales v2"/></tsRequest>`, status: 200, want: map[string]string{"name": "Clean Sales v2"}},
			{method: "PUT", path: flow, body: `<tsRequest><flow name="Merge HR Extracts"/></tsRequest>`, status: 409, code: "409041"},
			{method: "DELETE", path: flow, status: 204},
			{path: flow, status: 404, code: "404027"},
			{method: "PUT", path: flow, body: `<tsRequest><flow name="x"/></tsRequest>`, status: 404, code: "404027"},
		}},
		{"refusals", []step{
			{as: DemoAliceName, method: "PUT", path: budget, body: `<tsRequest><workbook name="Mine"/></tsRequest>`, status: 403, code: "403027"},
			{as: DemoAliceName, method: "PUT", path: kpis, body: `<tsRequest><workbook><owner id="` + DemoAdminID + `"/></workbook></tsRequest>`, status: 403, code: "403027"},
			{as: DemoAliceName, method: "PUT", path: kpis, body: `<tsRequest><workbook><project id="` + demoID(site, "project", "default") + `"/></workbook></tsRequest>`, status: 403, code: "403025"},
			{as: DemoAliceName, method: "PUT", path: hr, body: `<tsRequest><datasource><project id="` + marketing + `"/></datasource></tsRequest>`, status: 200},
			{as: DemoAliceName, method: "DELETE", path: flow, status: 403, code: "403004"},
			{method: "PUT", path: kpis, body: `<tsRequest><workbook><project id="nope"/></workbook></tsRequest>`, status: 404, code: "404005"},
			{method: "PUT", path: kpis, body: `<tsRequest><workbook><owner id="nope"/></workbook></tsRequest>`, status: 404, code: "404002"},
			{method: "PUT", path: kpis, body: `<tsRequest><project/></tsRequest>`, status: 400, code: "400000"},
		}},
	}.run(t)
}
