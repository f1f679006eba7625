package mockserver

import "testing"

// TestDataQualityWarnings adds, reads, updates and deletes data quality
// warnings on data sources and flows, one at a time and in batches, in
// XML and JSON, with who may.
func TestDataQualityWarnings(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	hr := demoID(site, "datasource", "HR Data")       // alice's
	sales := demoID(site, "datasource", "Sales Data") // admin's, in Finance (alice's)
	flow := demoID(site, "flow", "Clean Sales")       // admin's, in default (admin's)
	warning := `<tsRequest><dataQualityWarning type="STALE" isActive="true" message="Refresh failed" isSevere="true"/></tsRequest>`
	scenarios{
		{"one warning's life", []step{
			{method: "POST", path: "dataQualityWarnings/datasource/" + hr, body: warning, status: 200, save: map[string]string{"w": "id"},
				want: map[string]string{"type": "STALE", "isSevere": "true", "contentType": "DATASOURCE", "contentId": hr, "userDisplayName": "Mock Administrator"}},
			{path: "dataQualityWarnings/{w}", status: 200, want: map[string]string{"message": "Refresh failed"}},
			{path: "dataQualityWarnings/datasource/" + hr, json: true, status: 200, want: map[string]string{"count": "1"}},
			{method: "PUT", path: "dataQualityWarnings/{w}", body: `<tsRequest><dataQualityWarning type="deprecated" isActive="false"/></tsRequest>`,
				status: 200, want: map[string]string{"type": "DEPRECATED", "isActive": "false", "message": "Refresh failed"}},
			{method: "DELETE", path: "dataQualityWarnings/{w}", status: 204},
			{path: "dataQualityWarnings/{w}", status: 404, code: "404003"},
			{path: "dataQualityWarnings/datasource/" + hr, status: 200, want: map[string]string{"count": "0"}},
		}},
		{"batches (json)", []step{
			{method: "POST", path: "dataQualityWarnings/createOrUpdate", contentType: jsonType, json: true, status: 200,
				body: `{"contentList":{"content":[{"contentType":"datasource","id":"` + hr + `"},{"contentType":"flow","id":"` + flow + `"}]},` +
					`"dataQualityWarning":{"type":"MAINTENANCE","message":"Tonight","isActive":"true","isSevere":"false"}}`,
				want: map[string]string{"count": "2"}},
			{path: "dataQualityWarnings/flow/" + flow, status: 200, want: map[string]string{"count": "1"}},
			{method: "DELETE", path: "dataQualityWarnings/batchDelete", status: 204,
				body: `<tsRequest><contentList><content contentType="datasource" id="` + hr + `"/><content contentType="flow" id="` + flow + `"/></contentList></tsRequest>`},
			{path: "dataQualityWarnings/flow/" + flow, status: 200, want: map[string]string{"count": "0"}},
		}},
		{"delete by content; a deleted data source takes its warnings", []step{
			{method: "POST", path: "dataQualityWarnings/datasource/" + sales, body: warning, status: 200, save: map[string]string{"w": "id"}},
			{method: "DELETE", path: "dataQualityWarnings/datasource/" + sales, status: 204},
			{path: "dataQualityWarnings/{w}", status: 404, code: "404003"},
			{method: "POST", path: "dataQualityWarnings/datasource/" + sales, body: warning, status: 200, save: map[string]string{"w": "id"}},
			{method: "DELETE", path: "datasources/" + sales, status: 204},
			{path: "dataQualityWarnings/{w}", status: 404, code: "404003"},
		}},
		{"refusals", []step{
			{as: DemoAliceName, method: "POST", path: "dataQualityWarnings/flow/" + flow, body: warning, status: 403, code: "403004"},
			{as: DemoAliceName, method: "POST", path: "dataQualityWarnings/datasource/" + hr, body: warning, status: 200},
			{method: "POST", path: "dataQualityWarnings/datasource/00000000-0000-0000-0000-000000000000", body: warning, status: 404, code: "404004"},
			{method: "POST", path: "dataQualityWarnings/database/00000000-0000-0000-0000-000000000000", body: warning, status: 404, code: "404003"},
			{method: "POST", path: "dataQualityWarnings/workbook/" + demoID(site, "workbook", "Budget Planning"), body: warning, status: 400, code: "400000"},
			{method: "POST", path: "dataQualityWarnings/datasource/" + hr, body: `<tsRequest><dataQualityWarning type="BAD"/></tsRequest>`, status: 400, code: "400000"},
			{method: "POST", path: "dataQualityWarnings/datasource/" + hr, body: `<tsRequest><dataQualityWarning isSevere="maybe"/></tsRequest>`, status: 400, code: "400000"},
			{method: "POST", path: "dataQualityWarnings/createOrUpdate", status: 404, code: "404027",
				body: `<tsRequest><contentList><content contentType="datasource" id="` + hr + `"/><content contentType="flow" id="nope"/></contentList><dataQualityWarning type="WARNING"/></tsRequest>`},
			{path: "dataQualityWarnings/datasource/" + hr, status: 200, want: map[string]string{"count": "1"}},
		}},
	}.run(t)
}
