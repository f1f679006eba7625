package mockserver

import (
	"net/http"
	"testing"
)

// TestUpdateConnection updates the connection of a workbook, a data
// source and a flow, reads it back, and checks the refusals.
func TestUpdateConnection(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	tests := []struct {
		plural, id, element string
		asJSON              bool
	}{
		{"workbooks", demoID(site, "workbook", "Budget Planning"), "workbook", false},
		{"datasources", demoID(site, "datasource", "HR Data"), "datasource", true},
		{"flows", demoID(site, "flow", "Clean Sales"), "flow", false},
	}
	for _, tt := range tests {
		t.Run(tt.plural, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			admin, _ := m.admin("")
			base := "sites/" + site + "/" + tt.plural + "/" + tt.id + "/connections"
			conn := derivedID("connection", tt.id)
			body, ct := `<tsRequest><connection serverAddress="db.example.com" serverPort="5432" userName="svc" password="s3cret" embedPassword="True"/></tsRequest>`, ""
			if tt.asJSON {
				body, ct = `{"connection":{"serverAddress":"db.example.com","serverPort":"5432","userName":"svc","password":"s3cret","embedPassword":"True"}}`, jsonType
			}
			r := m.do(req{method: "PUT", path: base + "/" + conn, token: admin, body: body, contentType: ct})
			r.wantStatus(t, http.StatusOK)
			if got := attrAt(t, r.xml(t), "/tsResponse/connection", "serverAddress"); got != "db.example.com" {
				t.Errorf("answer's serverAddress = %q", got)
			}
			doc := m.do(req{path: base, token: admin}).xml(t)
			for attr, want := range map[string]string{"serverAddress": "db.example.com", "serverPort": "5432", "userName": "svc", "id": conn} {
				if got := attrAt(t, doc, "/tsResponse/connections/connection", attr); got != want {
					t.Errorf("listed %s = %q, want %q", attr, got, want)
				}
			}
			if tt.plural != "workbooks" {
				if got := attrAt(t, doc, "/tsResponse/connections/connection", "embedPassword"); got != "true" {
					t.Errorf("embedPassword = %q", got)
				}
			}
			if doc.FindElement("//connection[@password]") != nil {
				t.Error("the password is shown")
			}
			m.do(req{method: "PUT", path: base + "/00000000-0000-0000-0000-000000000000", token: admin, body: body, contentType: ct}).
				wantError(t, http.StatusNotFound, "404020")
			m.do(req{method: "PUT", path: base + "/" + conn, token: admin, body: `<tsRequest><connection serverPort="http"/></tsRequest>`}).
				wantError(t, http.StatusBadRequest, "400000")
		})
	}
	scenarios{
		{"others are refused with each method's code", []step{
			{as: DemoAliceName, method: "PUT", path: "workbooks/" + demoID(site, "workbook", "Budget Planning") + "/connections/" +
				derivedID("connection", demoID(site, "workbook", "Budget Planning")), body: `<tsRequest><connection userName="x"/></tsRequest>`, status: 403, code: "403029"},
			{as: DemoAliceName, method: "PUT", path: "flows/" + demoID(site, "flow", "Clean Sales") + "/connections/" +
				derivedID("connection", demoID(site, "flow", "Clean Sales")), body: `<tsRequest><connection userName="x"/></tsRequest>`, status: 403, code: "403103"},
			{method: "PUT", path: "workbooks/nope/connections/x", body: `<tsRequest><connection userName="x"/></tsRequest>`, status: 404, code: "404006"},
		}},
	}.run(t)
}
