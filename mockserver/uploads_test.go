package mockserver

import "testing"

// TestFileUploads follows the chunked publish path: Initiate File Upload,
// Append to File Upload, then Publish Workbook, Data Source or Flow with
// the uploadSessionId, which uses the session up; with the reference's
// codes for an unknown session, a missing file type and a file part sent
// as well.
func TestFileUploads(t *testing.T) {
	t.Parallel()
	mixed := "multipart/mixed; boundary=b0undary"
	chunk := multipartBody("b0undary", "text/xml", "", "tableau_file", "blob")
	wb := multipartBody("b0undary", "text/xml", `<tsRequest><workbook name="Chunked"/></tsRequest>`, "", "")
	scenarios{
		{"initiate, append twice, publish a workbook, session used up (xml)", []step{
			{method: "POST", path: "fileUploads", status: 201, save: map[string]string{"u": "uploadSessionId"}, want: map[string]string{"fileSize": "0"}},
			{method: "PUT", path: "fileUploads/{u}", contentType: mixed, body: chunk, status: 200, want: map[string]string{"fileSize": "1"}},
			{method: "PUT", path: "fileUploads/{u}", contentType: "multipart/form-data; boundary=b0undary", body: chunk, status: 200},
			{method: "POST", path: "workbooks?uploadSessionId={u}&workbookType=twbx", contentType: mixed, body: wb, status: 201,
				want: map[string]string{"name": "Chunked", "size": "1"}},
			{path: "workbooks?filter=name:eq:Chunked", status: 200, want: map[string]string{"list": "Chunked"}},
			{method: "POST", path: "workbooks?uploadSessionId={u}&workbookType=twbx", contentType: mixed, body: wb, status: 404, code: "404015"},
		}},
		{"data source and flow from uploads (json)", []step{
			{method: "POST", path: "fileUploads", json: true, status: 201, save: map[string]string{"u": "uploadSessionId"}},
			{method: "POST", path: "datasources?uploadSessionId={u}&datasourceType=hyper", contentType: mixed, json: true, status: 201,
				body: multipartBody("b0undary", "application/json", `{"datasource":{"name":"Chunky"}}`, "", ""), want: map[string]string{"name": "Chunky"}},
			{method: "POST", path: "fileUploads", json: true, status: 201, save: map[string]string{"f": "uploadSessionId"}},
			{method: "POST", path: "flows?uploadSessionId={f}&flowType=tfl", contentType: mixed, json: true, status: 201,
				body: multipartBody("b0undary", "text/xml", `<tsRequest><flow name="Chunk Flow"/></tsRequest>`, "", "")},
			{path: "flows?filter=name:eq:Chunk%20Flow", json: true, status: 200, want: map[string]string{"list": "Chunk Flow"}},
		}},
		{"the reference's refusals", []step{
			{method: "PUT", path: "fileUploads/1:00000000000000000000000000000000-1:0", contentType: mixed, body: chunk, status: 404, code: "404015"},
			{method: "POST", path: "workbooks?uploadSessionId=nope&workbookType=twbx", contentType: mixed, body: wb, status: 404, code: "404015"},
			{method: "POST", path: "fileUploads", status: 201, save: map[string]string{"u": "uploadSessionId"}},
			{method: "PUT", path: "fileUploads/{u}", contentType: mixed, body: multipartBody("b0undary", "text/xml", "", "", ""), status: 400, code: "400000"},
			{method: "POST", path: "workbooks?uploadSessionId={u}", contentType: mixed, body: wb, status: 400, code: "400035"},
			{method: "POST", path: "workbooks?uploadSessionId={u}&workbookType=pdf", contentType: mixed, body: wb, status: 400, code: "400035"},
			{method: "POST", path: "workbooks?uploadSessionId={u}&workbookType=twbx", contentType: mixed, status: 400, code: "400000",
				body: multipartBody("b0undary", "text/xml", `<tsRequest><workbook name="Chunked"/></tsRequest>`, "tableau_workbook", "x.twbx")},
			// Another user's session is not found.
			{as: DemoAliceName, method: "PUT", path: "fileUploads/{u}", contentType: mixed, body: chunk, status: 404, code: "404015"},
		}},
	}.run(t)
}

// TestPublishFlow publishes flows in one call, with Publish Flow's own
// codes, and reads them back as a user's flows.
func TestPublishFlow(t *testing.T) {
	t.Parallel()
	mixed := "multipart/mixed; boundary=b0undary"
	finance := demoID(DemoDefaultSiteID, "project", "Finance")
	flow := func(payload, file string) string {
		return multipartBody("b0undary", "text/xml", payload, "tableau_flow", file)
	}
	prep := flow(`<tsRequest><flow name="Prep"><project id="`+finance+`"/></flow></tsRequest>`, "prep.tflx")
	scenarios{
		{"publish, list, conflict, overwrite (xml)", []step{
			{method: "POST", path: "flows", contentType: mixed, body: prep, status: 201},
			{path: "flows?filter=name:eq:Prep", status: 200, want: map[string]string{"list": "Prep"}},
			{path: "users/" + DemoAdminID + "/flows?ownedBy=true", status: 200, want: map[string]string{"list": "Clean Sales,Prep"}},
			{method: "POST", path: "flows", contentType: mixed, body: prep, status: 409, code: "409041"},
			{method: "POST", path: "flows?overwrite=true", contentType: mixed, body: prep, status: 201},
			{path: "flows?filter=name:eq:Prep", status: 200, want: map[string]string{"count": "1"}},
		}},
		{"a user's flows (json)", []step{
			{path: "users/" + DemoAliceID + "/flows?ownedBy=true", json: true, status: 200, want: map[string]string{"list": "Merge HR Extracts"}},
			{path: "users/" + DemoAliceID + "/flows", json: true, status: 200, want: map[string]string{"list": "Clean Sales,Merge HR Extracts"}},
			{path: "users/00000000-0000-0000-0000-000000000000/flows", status: 404, code: "404002"},
		}},
		{"Publish Flow's codes", []step{
			{method: "POST", path: "flows", contentType: mixed, body: flow(`<tsRequest><flow/></tsRequest>`, "x.tfl"), status: 400, code: "400089"},
			{method: "POST", path: "flows", contentType: mixed, body: flow(`<tsRequest><workbook name="x"/></tsRequest>`, "x.tfl"), status: 400, code: "400090"},
			{method: "POST", path: "flows", contentType: mixed, body: flow(`<tsRequest><flow name="x"/></tsRequest>`, "x.twbx"), status: 400, code: "400086"},
			{method: "POST", path: "flows", contentType: mixed, status: 404, code: "404005",
				body: flow(`<tsRequest><flow name="x"><project id="00000000-0000-0000-0000-000000000000"/></flow></tsRequest>`, "x.tfl")},
			{method: "PUT", path: "users/" + DemoAliceID, body: `<tsRequest><user siteRole="Viewer"/></tsRequest>`, status: 200},
			{as: DemoAliceName, method: "POST", path: "flows", contentType: mixed, body: prep, status: 403, code: "403007"},
		}},
	}.run(t)
}
