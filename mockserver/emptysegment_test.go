package mockserver

import (
	"net/http"
	"testing"
)

// A {{variable}} left empty writes an empty segment (sites//projects).
// The mock dropped it and answered for the endpoint the shifted segments
// named: workbooks//views was Query Workbook for a workbook "views"
// (404006), sites//projects a request for the site "projects" (403000).
// No Tableau endpoint has an empty segment, so the path names no
// resource: 404003, quoting the path with its empty segment, whether or
// not the request is signed in. A trailing slash is still no segment.
func TestEmptyPathSegmentIsAnUnknownResource(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	admin, site := m.admin("")
	tests := []struct {
		name       string
		path       string
		token      string
		wantStatus int
		wantCode   string
		wantDetail string
	}{
		{"empty site id", "sites//projects", admin, 404, "404003", "Unknown resource '/3.24/sites//projects' specified in URI."},
		{"empty site id, no session", "sites//projects", "", 404, "404003", "Unknown resource '/3.24/sites//projects' specified in URI."},
		{"empty workbook id", "sites/" + site + "/workbooks//views", admin, 404, "404003", "Unknown resource '/3.24/sites/" + site + "/workbooks//views' specified in URI."},
		{"empty user id", "sites/" + site + "/users//groups", admin, 404, "404003", "Unknown resource '/3.24/sites/" + site + "/users//groups' specified in URI."},
		{"trailing slash", "sites/" + site + "/projects/", admin, 200, "", ""},
		{"trailing slashes", "sites/" + site + "/projects//", admin, 200, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{method: http.MethodGet, path: tt.path, token: tt.token})
			if tt.wantCode == "" {
				r.wantStatus(t, tt.wantStatus)
				return
			}
			r.wantError(t, tt.wantStatus, tt.wantCode)
			detail := r.xml(t).FindElement("/tsResponse/error/detail")
			if detail == nil || detail.Text() != tt.wantDetail {
				t.Errorf("error detail in %s, want %q", r.body, tt.wantDetail)
			}
		})
	}
}
