package mockserver

import (
	"net/http"
	"testing"
)

// TestSiteWrites creates and updates sites in XML and JSON; server
// administrators create, site administrators update their own site, and
// the reference's conflict and validation codes come back.
func TestSiteWrites(t *testing.T) {
	t.Parallel()
	create := `<tsRequest><site name="Marketing" contentUrl="marketing" adminMode="ContentAndUsers"/></tsRequest>`
	scenarios{
		{"create (xml), then listed", []step{
			{method: "POST", path: "/api/3.24/sites", body: create, status: 201,
				want: map[string]string{"name": "Marketing", "contentUrl": "marketing", "state": "Active"}},
			{path: "/api/3.24/sites", status: 200, want: map[string]string{"list": "Default,Samples,Marketing"}},
		}},
		{"create (json)", []step{
			{method: "POST", path: "/api/3.24/sites", contentType: jsonType, json: true, status: 201,
				body: `{"site":{"name":"J","contentUrl":"j"}}`, want: map[string]string{"name": "J", "contentUrl": "j"}},
		}},
		{"conflicts and bad values", []step{
			{method: "POST", path: "/api/3.24/sites", body: `<tsRequest><site name="samples" contentUrl="x"/></tsRequest>`, status: 409, code: "409001"},
			{method: "POST", path: "/api/3.24/sites", body: `<tsRequest><site name="x" contentUrl="SAMPLES"/></tsRequest>`, status: 409, code: "409002"},
			{method: "POST", path: "/api/3.24/sites", body: `<tsRequest><site name="x" contentUrl="x" adminMode="Everything"/></tsRequest>`, status: 400, code: "400013"},
			{method: "POST", path: "/api/3.24/sites", body: `<tsRequest><site name="x" contentUrl="x" storageQuota="-1"/></tsRequest>`, status: 400, code: "400000"},
			{method: "POST", path: "/api/3.24/sites", body: `<tsRequest><site name="x"/></tsRequest>`, status: 400, code: "400000"},
			{method: "POST", path: "/api/3.24/sites", body: `<tsRequest><site name="x" contentUrl="a b"/></tsRequest>`, status: 400, code: "400000"},
		}},
		{"only server administrators create", []step{
			{as: DemoAliceName, method: "POST", path: "/api/3.24/sites", body: create, status: 403, code: "403004"},
		}},
		{"update the session's site, then read it", []step{
			{method: "PUT", path: "/api/3.24/sites/{site}", body: `<tsRequest><site name="Head Office"/></tsRequest>`, status: 200,
				want: map[string]string{"name": "Head Office", "contentUrl": ""}},
			{path: "/api/3.24/sites/{site}", json: true, status: 200, want: map[string]string{"name": "Head Office"}},
			{method: "PUT", path: "/api/3.24/sites/{site}", body: `<tsRequest><site name="Samples"/></tsRequest>`, status: 409, code: "409001"},
			{method: "PUT", path: "/api/3.24/sites/{site}", body: `<tsRequest><site contentUrl="x"/></tsRequest>`, status: 403, code: "403004"},
		}},
		{"update refused elsewhere and to non-administrators", []step{
			{method: "PUT", path: "/api/3.24/sites/" + DemoSamplesSiteID, body: `<tsRequest><site name="S"/></tsRequest>`, status: 403, code: "403000"},
			{as: DemoAliceName, method: "PUT", path: "/api/3.24/sites/{site}", body: `<tsRequest><site name="S"/></tsRequest>`, status: 403, code: "403004"},
		}},
		{"delete refused for the default site, another site and non-administrators", []step{
			{method: "DELETE", path: "/api/3.24/sites/{site}", status: 403, code: "403002"},
			{method: "DELETE", path: "/api/3.24/sites/" + DemoSamplesSiteID, status: 403, code: "403000"},
			{method: "DELETE", path: "/api/3.24/sites/Nowhere?key=name", status: 404, code: "404000"},
			{as: DemoAliceName, method: "DELETE", path: "/api/3.24/sites/{site}", status: 403, code: "403004"},
		}},
	}.run(t)
}

// TestDeleteSite deletes a site from a session on it, by id, name and
// content URL: the session ends, the site is no longer listed and nobody
// signs in to it.
func TestDeleteSite(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, path string
	}{
		{"by id", ""},
		{"by name", "Trial?key=name"},
		{"by content URL", "trial?key=contentUrl"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			admin, _ := m.admin("")
			r := m.do(req{method: http.MethodPost, path: "sites", token: admin, body: `<tsRequest><site name="Trial" contentUrl="trial"/></tsRequest>`})
			r.wantStatus(t, http.StatusCreated)
			onTrial, trialID := m.admin("trial")
			path := tt.path
			if path == "" {
				path = trialID
			}
			m.do(req{method: http.MethodDelete, path: "sites/" + path, token: onTrial}).wantStatus(t, http.StatusNoContent)
			m.do(req{path: "sites", token: onTrial}).wantError(t, http.StatusUnauthorized, "401002")
			list := m.do(req{path: "sites", token: admin})
			if got := firstElementAttrs(t, list, false)["list"]; got != "Default,Samples" {
				t.Errorf("sites after delete: %s", got)
			}
			m.do(req{method: http.MethodPost, path: "auth/signin", body: passwordBody(DemoAdminName, DemoAdminPassword, "trial")}).
				wantError(t, http.StatusUnauthorized, "401001")
		})
	}
}
