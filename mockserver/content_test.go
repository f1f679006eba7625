package mockserver

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tagLabels reads the labels of a tags answer (Add Tags) or of the tags
// of an item (Query Workbook), in XML or JSON.
func tagLabels(t *testing.T, r reply, asJSON bool, item string) []string {
	t.Helper()
	labels := []string{}
	if asJSON {
		tags := dig(r.jsonMap(t), "tags", "tag")
		if item != "" {
			tags = dig(r.jsonMap(t), item, "tags", "tag")
		}
		for _, tag := range orEmpty(tags) {
			labels = append(labels, dig(tag, "label").(string))
		}
		return labels
	}
	path := "/tsResponse/tags/tag"
	if item != "" {
		path = "/tsResponse/" + item + "/tags/tag"
	}
	for _, e := range r.xml(t).FindElements(path) {
		labels = append(labels, e.SelectAttrValue("label", ""))
	}
	return labels
}

func orEmpty(v any) []any {
	a, _ := v.([]any)
	return a
}

// TestTags adds tags to each kind of content, reads them back on the
// item, deletes one, and checks that deleting it again, or tagging an
// item that does not exist, gets Tableau's 404s.
func TestTags(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	tests := []struct {
		plural, element, id, notFound string
		asJSON                        bool
		before                        []string
	}{
		{"workbooks", "workbook", demoID(site, "workbook", "Sales Dashboard"), "404006", false, []string{"sample", "sales"}},
		{"workbooks", "workbook", demoID(site, "workbook", "Budget Planning"), "404006", true, []string{}},
		{"views", "view", demoID(site, "view", "Budget Planning", "Details"), "404011", false, []string{}},
		{"datasources", "datasource", demoID(site, "datasource", "HR Data"), "404004", true, []string{}},
		{"flows", "flow", demoID(site, "flow", "Clean Sales"), "404027", false, []string{"prep"}},
	}
	for _, tt := range tests {
		t.Run(tt.plural+map[bool]string{true: " json", false: " xml"}[tt.asJSON], func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			token, _ := m.admin("")
			base := "sites/" + site + "/" + tt.plural + "/" + tt.id
			body, ct := `<tsRequest><tags><tag label="q3"/><tag label="needs review"/></tags></tsRequest>`, ""
			if tt.asJSON {
				body, ct = `{"tsRequest":{"tags":{"tag":[{"label":"q3"},{"label":"needs review"}]}}}`, jsonType
			}
			r := m.do(req{method: http.MethodPut, path: base + "/tags", token: token, body: body, contentType: ct, json: tt.asJSON})
			r.wantStatus(t, http.StatusOK)
			want := append(append([]string{}, tt.before...), "q3", "needs review")
			if diff := cmp.Diff(want, tagLabels(t, r, tt.asJSON, "")); diff != "" {
				t.Errorf("Add Tags answer (-want +got):\n%s", diff)
			}
			r = m.do(req{path: base, token: token, json: tt.asJSON})
			if diff := cmp.Diff(want, tagLabels(t, r, tt.asJSON, tt.element)); diff != "" {
				t.Errorf("item's tags after adding (-want +got):\n%s", diff)
			}
			m.do(req{method: http.MethodDelete, path: base + "/tags/needs%20review", token: token}).wantStatus(t, http.StatusNoContent)
			r = m.do(req{path: base, token: token, json: tt.asJSON})
			if diff := cmp.Diff(want[:len(want)-1], tagLabels(t, r, tt.asJSON, tt.element)); diff != "" {
				t.Errorf("item's tags after deleting (-want +got):\n%s", diff)
			}
			m.do(req{method: http.MethodDelete, path: base + "/tags/needs%20review", token: token, json: tt.asJSON}).
				wantError(t, http.StatusNotFound, "404007")
			m.do(req{method: http.MethodPut, path: "sites/" + site + "/" + tt.plural + "/00000000-0000-0000-0000-000000000000/tags",
				token: token, body: body, contentType: ct}).wantError(t, http.StatusNotFound, tt.notFound)
		})
	}
}

// TestTagBodies checks that a tags body without a label is refused.
func TestTagBodies(t *testing.T) {
	t.Parallel()
	wb := "workbooks/" + demoID(DemoDefaultSiteID, "workbook", "Sales Dashboard") + "/tags"
	scenarios{
		{"empty label", []step{{method: "PUT", path: wb, body: `<tsRequest><tags><tag label=""/></tags></tsRequest>`, status: 400, code: "400000"}}},
		{"no tags", []step{{method: "PUT", path: wb, body: `<tsRequest><tags/></tsRequest>`, status: 400, code: "400000"}}},
	}.run(t)
}

// TestDeleteContent deletes workbooks and data sources: a later read is
// the kind's 404, a workbook's views go with it, and a user who neither
// owns the item nor leads its project is refused.
func TestDeleteContent(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	budget := demoID(site, "workbook", "Budget Planning")
	sales := demoID(site, "workbook", "Sales Dashboard")
	scenarios{
		{"admin deletes a workbook and its views", []step{
			{method: "DELETE", path: "workbooks/" + budget, status: 204},
			{path: "workbooks/" + budget, status: 404, code: "404006"},
			{path: "views/" + demoID(site, "view", "Budget Planning", "Overview"), status: 404, code: "404011"},
			{method: "DELETE", path: "workbooks/" + budget, status: 404, code: "404006"},
		}},
		{"a project leader deletes a workbook in it (json)", []step{
			{as: DemoAliceName, method: "DELETE", path: "workbooks/" + sales, json: true, status: 204},
			{path: "workbooks/" + sales, json: true, status: 404, code: "404006"},
		}},
		{"others are refused", []step{
			{as: DemoAliceName, method: "DELETE", path: "workbooks/" + budget, status: 403, code: "403004"},
			{path: "workbooks/" + budget, status: 200},
			{as: DemoAliceName, method: "DELETE", path: "datasources/" + demoID(site, "datasource", "Sales Data"), status: 204},
		}},
		{"owner deletes a data source", []step{
			{as: DemoAliceName, method: "DELETE", path: "datasources/" + demoID(site, "datasource", "HR Data"), status: 204},
			{path: "datasources/" + demoID(site, "datasource", "HR Data"), status: 404, code: "404004"},
		}},
	}.run(t)
}

// TestWorkbookParts reads the views, connections and revisions of a
// workbook and a data source, in XML and JSON.
func TestWorkbookParts(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	wb := "workbooks/" + demoID(site, "workbook", "Budget Planning")
	ds := "datasources/" + demoID(site, "datasource", "HR Data")
	missing := "00000000-0000-0000-0000-000000000000"
	scenarios{
		{"views of a workbook", []step{
			{path: wb + "/views", status: 200, want: map[string]string{"list": "Overview,Details"}},
			{path: wb + "/views", json: true, status: 200, want: map[string]string{"list": "Overview,Details"}},
			{path: "workbooks/" + missing + "/views", status: 404, code: "404006"},
		}},
		{"connections", []step{
			{path: wb + "/connections", status: 200, want: map[string]string{"count": "1"}},
			{path: ds + "/connections", json: true, status: 200, want: map[string]string{"count": "1"}},
			{path: "datasources/" + missing + "/connections", status: 404, code: "404011"},
		}},
		{"revisions", []step{
			{path: wb + "/revisions", status: 200, want: map[string]string{"count": "1"}},
			{path: ds + "/revisions", json: true, status: 200, want: map[string]string{"count": "1"}},
			{path: wb + "/revisions?pageSize=0", status: 400, code: "400007"},
			{path: wb + "/revisions/1/content", status: 200},
			{path: wb + "/revisions/2/content", status: 404, code: "404024"},
			{method: "DELETE", path: wb + "/revisions/1", status: 403, code: "403055"},
			{method: "DELETE", path: ds + "/revisions/7", json: true, status: 404, code: "404024"},
			{as: DemoAliceName, method: "DELETE", path: wb + "/revisions/2", status: 403, code: "403004"},
		}},
	}.run(t)
}

// TestRenderings checks the files Tableau renders: a PNG that decodes, a
// PDF, CSV data and a download named after the item, each with its
// Content-Type, and the kind's 404 for an unknown item.
func TestRenderings(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	wb := "sites/" + site + "/workbooks/" + demoID(site, "workbook", "Budget Planning")
	view := "sites/" + site + "/views/" + demoID(site, "view", "Budget Planning", "Details")
	isPNG := func(t *testing.T, b []byte) {
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("not a PNG: %v", err)
		}
	}
	isPDF := func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
			t.Errorf("not a PDF: %q", b)
		}
	}
	tests := []struct {
		name, path, contentType, disposition string
		check                                func(*testing.T, []byte)
	}{
		{"workbook preview", wb + "/previewImage", "image/png", "", isPNG},
		{"view image", view + "/image", "image/png", "", isPNG},
		{"view preview", wb + "/views/" + demoID(site, "view", "Budget Planning", "Details") + "/previewImage", "image/png", "", isPNG},
		{"view pdf", view + "/pdf", "application/pdf", "", isPDF},
		{"workbook pdf", wb + "/pdf", "application/pdf", "", isPDF},
		{"view data", view + "/data", "text/csv; charset=utf-8", "", func(t *testing.T, b []byte) {
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if diff := cmp.Diff([][]string{{"View", "Total Views"}, {"Details", "10"}}, rows); err != nil || diff != "" {
				t.Errorf("CSV %v (-want +got):\n%s", err, diff)
			}
		}},
		{"workbook download", wb + "/content", "application/octet-stream", `attachment; filename="Budget Planning.twb"`, func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("<workbook ")) {
				t.Errorf("not a workbook: %q", b)
			}
		}},
	}
	m := newMock(t, Config{})
	token, _ := m.admin("")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: tt.path, token: token})
			r.wantStatus(t, http.StatusOK)
			if got := r.header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			if got := r.header.Get("Content-Disposition"); got != tt.disposition {
				t.Errorf("Content-Disposition = %q, want %q", got, tt.disposition)
			}
			tt.check(t, r.body)
		})
	}
	t.Run("unknown view", func(t *testing.T) {
		t.Parallel()
		m.do(req{path: "sites/" + site + "/views/00000000-0000-0000-0000-000000000000/image", token: token}).
			wantError(t, http.StatusNotFound, "404011")
		m.do(req{path: wb + "/views/" + demoID(site, "view", "Sales Dashboard", "Details") + "/previewImage", token: token}).
			wantError(t, http.StatusNotFound, "404011")
		m.do(req{path: "sites/" + site + "/views/00000000-0000-0000-0000-000000000000/data", token: token}).
			wantError(t, http.StatusBadRequest, "400080")
		m.do(req{path: "sites/" + site + "/views/00000000-0000-0000-0000-000000000000/pdf", token: token, json: true}).
			wantError(t, http.StatusBadRequest, "400080")
	})
}

// TestDefaultPermissions sets, reads and deletes a project's default
// permissions for several content types, in XML and JSON, with the
// refusals Tableau gives.
func TestDefaultPermissions(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	deflt := "projects/" + demoID(site, "project", "default")
	finance := "projects/" + demoID(site, "project", "Finance")
	analysts := demoID(site, "group", "Analysts")
	rule := func(capability, mode string) string {
		return `<tsRequest><permissions><granteeCapabilities><group id="` + analysts + `"/><capabilities><capability name="` +
			capability + `" mode="` + mode + `"/></capabilities></granteeCapabilities></permissions></tsRequest>`
	}
	scenarios{
		{"workbooks: add, read, delete", []step{
			{method: "PUT", path: deflt + "/default-permissions/workbooks", body: rule("ExportData", "Deny"), status: 200,
				want: map[string]string{"count": "2"}},
			{path: deflt + "/default-permissions/workbooks", status: 200, want: map[string]string{"count": "2"}},
			{path: deflt + "/default-permissions/datasources", status: 200, want: map[string]string{"count": "1"}},
			{method: "DELETE", path: deflt + "/default-permissions/workbooks/groups/" + analysts + "/ExportData/Deny", status: 204},
			{path: deflt + "/default-permissions/workbooks", status: 200, want: map[string]string{"count": "1"}},
			{method: "DELETE", path: deflt + "/default-permissions/workbooks/groups/" + analysts + "/ExportData/Deny", status: 404, code: "404013"},
		}},
		{"flows in json", []step{
			{method: "PUT", path: deflt + "/default-permissions/flows", contentType: jsonType, json: true, status: 200,
				body: `{"tsRequest":{"permissions":{"granteeCapabilities":[{"user":{"id":"` + DemoAliceID + `"},"capabilities":{"capability":[{"name":"Execute","mode":"Allow"}]}}]}}}`},
			{method: "DELETE", path: deflt + "/default-permissions/flows/users/" + DemoAliceID + "/Execute/Allow", json: true, status: 204},
			{method: "DELETE", path: deflt + "/default-permissions/flows/users/" + DemoAliceID + "/Execute/Allow", json: true, status: 404, code: "404013"},
		}},
		{"a capability of another type is 400009", []step{
			{method: "PUT", path: deflt + "/default-permissions/datasources", body: rule("WebAuthoring", "Allow"), status: 400, code: "400009"},
			{method: "PUT", path: deflt + "/default-permissions/tables", body: rule("Nonsense", "Allow"), status: 404, code: "404013"},
		}},
		{"only administrators and project leaders", []step{
			{as: DemoAliceName, method: "PUT", path: deflt + "/default-permissions/workbooks", body: rule("Read", "Allow"), status: 403, code: "403004"},
			{as: DemoAliceName, method: "PUT", path: finance + "/default-permissions/workbooks", body: rule("Read", "Allow"), status: 200},
			{method: "PUT", path: deflt + "/default-permissions/lenses", body: rule("Read", "Allow"), status: 200},
			{as: DemoAliceName, method: "DELETE", path: deflt + "/default-permissions/lenses/groups/" + analysts + "/Read/Allow", status: 403, code: "403004"},
		}},
		{"a body naming content or another project", []step{
			{method: "PUT", path: deflt + "/default-permissions/workbooks", status: 400, code: "400042",
				body: `<tsRequest><permissions><workbook id="x"/><granteeCapabilities><group id="` + analysts + `"/><capabilities><capability name="Read" mode="Allow"/></capabilities></granteeCapabilities></permissions></tsRequest>`},
			{method: "PUT", path: deflt + "/default-permissions/workbooks", status: 404, code: "404009",
				body: `<tsRequest><permissions><project id="x"/><granteeCapabilities><group id="` + analysts + `"/><capabilities><capability name="Read" mode="Allow"/></capabilities></granteeCapabilities></permissions></tsRequest>`},
		}},
		{"unknown project and grantee", []step{
			{path: "projects/00000000-0000-0000-0000-000000000000/default-permissions/workbooks", status: 404, code: "404005"},
			{method: "DELETE", path: deflt + "/default-permissions/metrics/users/00000000-0000-0000-0000-000000000000/Read/Allow", status: 404, code: "404002"},
		}},
	}.run(t)
}

// TestViewAndFlowPermissions sets, reads and deletes explicit rules on a
// view and a flow, with the codes the reference gives each.
func TestViewAndFlowPermissions(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	view := "views/" + demoID(site, "view", "Budget Planning", "Details")
	flow := "flows/" + demoID(site, "flow", "Clean Sales")
	analysts := demoID(site, "group", "Analysts")
	rule := func(capability string) string {
		return `<tsRequest><permissions><granteeCapabilities><group id="` + analysts + `"/><capabilities><capability name="` +
			capability + `" mode="Allow"/></capabilities></granteeCapabilities></permissions></tsRequest>`
	}
	scenarios{
		{"view", []step{
			{method: "PUT", path: view + "/permissions", body: rule("ExportImage"), status: 200},
			{path: view + "/permissions", status: 200, want: map[string]string{"count": "2"}},
			{method: "DELETE", path: view + "/permissions/groups/" + analysts + "/ExportImage/Allow", status: 204},
			{method: "DELETE", path: view + "/permissions/groups/" + analysts + "/ExportImage/Allow", status: 404, code: "404014"},
			{method: "PUT", path: view + "/permissions", body: rule("Execute"), status: 400, code: "400009"},
			{path: "views/00000000-0000-0000-0000-000000000000/permissions", status: 404, code: "404011"},
		}},
		{"flow (json)", []step{
			{method: "PUT", path: flow + "/permissions", body: rule("Execute"), status: 200},
			{path: flow + "/permissions", json: true, status: 200},
			{method: "DELETE", path: flow + "/permissions/groups/" + analysts + "/Execute/Allow", json: true, status: 204},
			{method: "DELETE", path: flow + "/permissions/groups/" + analysts + "/Execute/Allow", status: 404, code: "404013"},
			{method: "PUT", path: flow + "/permissions", body: rule("ExportImage"), status: 400, code: "400009"},
			{path: "flows/00000000-0000-0000-0000-000000000000/permissions", status: 404, code: "404027"},
		}},
		{"only administrators, owners and project leaders", []step{
			// Clean Sales is admin's, in the default project, which admin owns.
			{as: DemoAliceName, method: "PUT", path: flow + "/permissions", body: rule("Read"), status: 403, code: "403004"},
			{as: DemoAliceName, path: flow + "/permissions", status: 200},
		}},
	}.run(t)
}

// TestTagBatch adds tags to several items at once and removes them, in
// XML and JSON, by the reference's PUT and the collection's DELETE.
func TestTagBatch(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	wb := demoID(site, "workbook", "Budget Planning")
	ds := demoID(site, "datasource", "HR Data")
	batch := `<tsRequest><tagBatch><tags><tag label="audited"/></tags><contents><content id="` + wb +
		`" contentType="workbook"/><content id="` + ds + `"/></contents></tagBatch></tsRequest>`
	scenarios{
		{"add, read, delete", []step{
			{method: "PUT", path: "tags:batchCreate", body: batch, status: 200},
			{path: "datasources?filter=tags:eq:audited", status: 200, want: map[string]string{"list": "HR Data"}},
			{path: "workbooks?filter=tags:eq:audited", status: 200, want: map[string]string{"list": "Budget Planning"}},
			{method: "DELETE", path: "tags:BatchDelete", body: batch, status: 200},
			{path: "workbooks?filter=tags:eq:audited", status: 200, want: map[string]string{"count": "0"}},
		}},
		{"json, and the reference's PUT tags:batchDelete", []step{
			{method: "PUT", path: "tags:batchCreate", contentType: jsonType, json: true, status: 200,
				body: `{"tagBatch":{"tags":{"tag":[{"label":"x"}]},"contents":{"content":[{"id":"` + ds + `","contentType":"datasource"}]}}}`},
			{path: "datasources?filter=tags:eq:x", status: 200, want: map[string]string{"list": "HR Data"}},
			{method: "PUT", path: "tags:batchDelete", contentType: jsonType, json: true, status: 200,
				body: `{"tagBatch":{"tags":{"tag":[{"label":"x"}]},"contents":{"content":[{"id":"` + ds + `"}]}}}`},
			{path: "datasources?filter=tags:eq:x", status: 200, want: map[string]string{"count": "0"}},
		}},
		{"unknown content changes nothing", []step{
			{method: "PUT", path: "tags:batchCreate", status: 404, code: "404003",
				body: `<tsRequest><tagBatch><tags><tag label="y"/></tags><contents><content id="` + wb + `"/><content id="nope"/></contents></tagBatch></tsRequest>`},
			{path: "workbooks?filter=tags:eq:y", status: 200, want: map[string]string{"count": "0"}},
			{method: "PUT", path: "tags:batchCreate", status: 404, code: "404006",
				body: `<tsRequest><tagBatch><tags><tag label="y"/></tags><contents><content id="nope" contentType="workbook"/></contents></tagBatch></tsRequest>`},
			{method: "PUT", path: "tags:batchCreate", status: 400, code: "400000",
				body: `<tsRequest><tagBatch><tags><tag label="y"/></tags><contents/></tagBatch></tsRequest>`},
		}},
	}.run(t)
}

// TestUIAssets checks the data-driven alerts and custom views the mock
// has none of: empty paged lists, and each id Tableau's not-found code.
func TestUIAssets(t *testing.T) {
	t.Parallel()
	missing := "00000000-0000-0000-0000-000000000000"
	scenarios{
		{"data-driven alerts", []step{
			{path: "dataAlerts", status: 200, want: map[string]string{"count": "0"}},
			{path: "dataAlerts", json: true, status: 200},
			{path: "dataAlerts?pageSize=0", status: 400, code: "400007"},
			{path: "dataAlerts/" + missing, status: 404, code: "409023"},
			{method: "PUT", path: "dataAlerts/" + missing, body: `<tsRequest><dataAlert subject="x"/></tsRequest>`, json: true, status: 404, code: "409023"},
			{method: "DELETE", path: "dataAlerts/" + missing, status: 404, code: "409023"},
			{method: "POST", path: "dataAlerts/" + missing + "/users", body: `<tsRequest><user id="` + DemoAliceID + `"/></tsRequest>`, status: 404, code: "409023"},
			{method: "DELETE", path: "dataAlerts/" + missing + "/users/" + DemoAliceID, status: 404, code: "409023"},
		}},
		{"custom views", []step{
			{path: "customviews", status: 200, want: map[string]string{"count": "0"}},
			{path: "customviews/" + missing, status: 404, code: "404003"},
			{path: "customviews/" + missing + "/image", json: true, status: 404, code: "404003"},
			{method: "PUT", path: "customviews/" + missing, body: `<tsRequest><customView name="x"/></tsRequest>`, status: 404, code: "404003"},
			{method: "DELETE", path: "customviews/" + missing, status: 404, code: "404003"},
		}},
	}.run(t)
}
