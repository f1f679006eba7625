package mockserver

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestHyperDataUpdate runs Update Data in Hyper Data Source and in Hyper
// Connection: each starts an UpdateUploadedFile job that Query Job finds,
// a repeated RequestID answers the first job, an uploaded file is used up,
// and bad requests get the codes the mock gives.
func TestHyperDataUpdate(t *testing.T) {
	t.Parallel()
	hr := demoID(DemoDefaultSiteID, "datasource", "HR Data")
	conn := derivedID("connection", hr)
	insert := `{"actions":[{"action":"insert","source-schema":"Extract","source-table":"Extract","target-schema":"Extract","target-table":"Extract"}]}`
	del := `{"actions":[{"action":"delete","target-schema":"Extract","target-table":"Extract","condition":{"op":"eq","target-col":"id","const":{"type":"integer","v":1}}}]}`
	type step struct {
		as                      string // DemoAliceName, or admin
		method, path, body      string // {u} is the upload session, {j} the first job
		requestID               string
		json                    bool
		status                  int
		code                    string // Tableau error code, for errors
		jobType, connectionLuid string
		sameJob                 bool // the answer is the first job
		newJob                  bool // the answer is not the first job
	}
	m := newMock(t, Config{})
	admin, _ := m.admin("")
	alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	upload := func() string {
		id, err := m.do(req{method: http.MethodPost, path: "sites/" + DemoDefaultSiteID + "/fileUploads", token: admin}).attrOf("//fileUpload", "uploadSessionId")
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	u := upload()
	// A data source of the admin's in the default project, which alice
	// neither owns nor leads.
	pub := m.do(req{method: http.MethodPost, path: "sites/" + DemoDefaultSiteID + "/datasources", token: admin,
		contentType: "multipart/mixed; boundary=b0undary",
		body:        multipartBody("b0undary", "text/xml", `<tsRequest><datasource name="Admin's"/></tsRequest>`, "tableau_datasource", "a.hyper")})
	others, err := pub.attrOf("//datasource", "id")
	if err != nil {
		t.Fatal(err)
	}
	first := ""
	for i, s := range []step{
		{method: "PATCH", path: "datasources/" + hr + "/data?uploadSessionId={u}", body: insert, requestID: "r1", status: 202,
			jobType: "UpdateUploadedFile", connectionLuid: conn},
		{method: "PATCH", path: "datasources/" + hr + "/data?uploadSessionId={u}", body: insert, requestID: "r1", status: 202, sameJob: true},
		{method: "GET", path: "jobs/{j}", status: 200, jobType: "UpdateUploadedFile"},
		{method: "PATCH", path: "datasources/" + hr + "/data?uploadSessionId={u}", body: insert, requestID: "r2", status: 404, code: "404015"},
		{method: "PATCH", path: "datasources/" + hr + "/connections/" + conn, body: del, requestID: "r3", json: true, status: 202,
			jobType: "UpdateUploadedFile"},
		{method: "PATCH", path: "datasources/" + hr + "/connections/" + conn + "/data", body: del, requestID: "r4", status: 202},
		{method: "PATCH", path: "datasources/" + hr + "/connections/00000000-0000-0000-0000-000000000000/data", body: del, requestID: "r5", status: 404, code: "404020"},
		{method: "PATCH", path: "datasources/00000000-0000-0000-0000-000000000000/data", body: del, requestID: "r6", status: 404, code: "404004"},
		{method: "PATCH", path: "datasources/" + hr + "/data", body: del, status: 400, code: "400000"},
		{method: "PATCH", path: "datasources/" + hr + "/data", body: insert, requestID: "r7", status: 400, code: "400000"},
		{method: "PATCH", path: "datasources/" + hr + "/data", body: `{"actions":[{"action":"merge","target-schema":"a","target-table":"b"}]}`, requestID: "r8", status: 400, code: "400000"},
		{method: "PATCH", path: "datasources/" + hr + "/data", body: `<tsRequest/>`, requestID: "r9", status: 400, code: "400000"},
		{as: DemoAliceName, method: "PATCH", path: "datasources/" + others + "/data", body: del, requestID: "r10", status: 403, code: "403004"},
		{as: DemoAliceName, method: "PATCH", path: "datasources/" + hr + "/data", body: del, requestID: "r11", status: 202},
		// A RequestID names an update of one data source: the same one
		// for another data source is another update.
		{method: "PATCH", path: "datasources/" + others + "/data", body: del, requestID: "r1", status: 202, newJob: true},
	} {
		token := admin
		if s.as == DemoAliceName {
			token = alice
		}
		path := "sites/" + DemoDefaultSiteID + "/" + strings.NewReplacer("{u}", u, "{j}", first).Replace(s.path)
		r := m.do(req{method: s.method, path: path, token: token, body: s.body, json: s.json, contentType: jsonType,
			header: map[string]string{"RequestID": s.requestID}})
		if s.requestID == "" {
			r = m.do(req{method: s.method, path: path, token: token, body: s.body, json: s.json, contentType: jsonType})
		}
		if r.wantStep(t, fmt.Sprintf("step %d %s %s", i, s.method, path), s.status, s.code) {
			continue
		}
		var id, kind, luid string
		if s.json {
			doc := r.jsonMap(t)
			id, _ = dig(doc, "job", "id").(string)
			kind, _ = dig(doc, "job", "type").(string)
			luid, _ = dig(doc, "job", "updateUploadedFileJob", "connectionLuid").(string)
		} else {
			id, _ = r.attrOf("//job", "id")
			kind, _ = r.attrOf("//job", "type")
			if e := r.xml(t).FindElement("//connectionLuid"); e != nil {
				luid = e.Text()
			}
		}
		if first == "" {
			first = id
		}
		if s.sameJob && id != first {
			t.Errorf("step %d: a repeated RequestID started job %s, not %s", i, id, first)
		}
		if s.newJob && id == first {
			t.Errorf("step %d: a RequestID used for another data source answered that update's job %s", i, id)
		}
		if s.jobType != "" && kind != s.jobType {
			t.Errorf("step %d: job type %q, want %q; %s", i, kind, s.jobType, r.body)
		}
		if s.connectionLuid != "" && luid != s.connectionLuid {
			t.Errorf("step %d: connectionLuid %q, want %q", i, luid, s.connectionLuid)
		}
	}
}
