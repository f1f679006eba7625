package mockserver

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

// names lists the name attribute of every item of an XML list.
func names(doc *etree.Document, item string) []string {
	var out []string
	for _, e := range doc.FindElements("//" + item) {
		out = append(out, e.SelectAttrValue("name", ""))
	}
	return out
}

func pagination(t *testing.T, doc *etree.Document) [3]int {
	t.Helper()
	var p [3]int
	for i, a := range []string{"pageNumber", "pageSize", "totalAvailable"} {
		n, err := strconv.Atoi(attrAt(t, doc, "/tsResponse/pagination", a))
		if err != nil {
			t.Fatal(err)
		}
		p[i] = n
	}
	return p
}

func TestLists(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	d := DefaultData()
	count := func(n int, f func(i int) bool) int {
		c := 0
		for i := range n {
			if f(i) {
				c++
			}
		}
		return c
	}
	tests := []struct {
		list, item string
		total      int
	}{
		{"workbooks", "workbook", count(len(d.Workbooks), func(i int) bool { return d.Workbooks[i].SiteID == site })},
		{"projects", "project", count(len(d.Projects), func(i int) bool { return d.Projects[i].SiteID == site })},
		{"users", "user", 2},
		{"groups", "group", count(len(d.Groups), func(i int) bool { return d.Groups[i].SiteID == site })},
		{"datasources", "datasource", count(len(d.Datasources), func(i int) bool { return d.Datasources[i].SiteID == site })},
		{"views", "view", count(len(d.Views), func(i int) bool { return d.Views[i].SiteID == site })},
	}
	for _, tt := range tests {
		t.Run(tt.list, func(t *testing.T) {
			t.Parallel()
			path := "sites/" + site + "/" + tt.list
			doc := m.do(req{path: path, token: token}).xml(t)
			want := [3]int{1, 100, tt.total}
			if tt.total > 100 {
				t.Fatalf("demo data has %d %s; the test assumes one page", tt.total, tt.list)
			}
			if diff := cmp.Diff(want, pagination(t, doc)); diff != "" {
				t.Errorf("pagination (-want +got):\n%s", diff)
			}
			items := doc.FindElements("/tsResponse/" + tt.list + "/" + tt.item)
			if len(items) != tt.total {
				t.Fatalf("%d items, want %d", len(items), tt.total)
			}
			if items[0].Attr[0].Key != "id" {
				t.Errorf("first attribute is %s, want id", items[0].Attr[0].Key)
			}
			// Each listed item can be fetched by id, in XML and JSON.
			id := items[0].SelectAttrValue("id", "")
			one := m.do(req{path: path + "/" + id, token: token}).xml(t)
			if got := attrAt(t, one, "/tsResponse/"+tt.item, "id"); got != id {
				t.Errorf("GET by id returned %s", got)
			}
			j := m.do(req{path: path + "/" + id, token: token, json: true}).jsonMap(t)
			if got := dig(j, tt.item, "id"); got != id {
				t.Errorf("JSON GET by id returned %v", got)
			}
			// And unknown ids are 404 in both formats.
			for _, asJSON := range []bool{false, true} {
				r := m.do(req{path: path + "/00000000-0000-0000-0000-000000000000", token: token, json: asJSON})
				if r.status != 404 || !strings.HasPrefix(r.errorCode(t), "404") {
					t.Errorf("unknown id: status %d code %s", r.status, r.errorCode(t))
				}
			}
		})
	}
}

func TestListJSONShape(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	j := m.do(req{path: "sites/" + site + "/workbooks?pageSize=2", token: token, json: true}).jsonMap(t)
	wantPagination := map[string]any{"pageNumber": "1", "pageSize": "2", "totalAvailable": "32"}
	if diff := cmp.Diff(wantPagination, j["pagination"]); diff != "" {
		t.Errorf("pagination (-want +got):\n%s", diff)
	}
	wb, _ := dig(j, "workbooks", "workbook").([]any)
	if len(wb) != 2 {
		t.Fatalf("workbooks.workbook = %v", j["workbooks"])
	}
	if _, ok := dig(wb[0], "project", "name").(string); !ok {
		t.Errorf("workbook project = %v", dig(wb[0], "project"))
	}
	if v := dig(wb[0], "size"); v != "1" {
		t.Errorf("size = %#v, want the string \"1\"", v)
	}
	if v, ok := dig(wb[0], "tags", "tag").([]any); !ok || len(v) != 2 {
		t.Errorf("tags = %v, want two tags in a list", dig(wb[0], "tags"))
	}
	if v := dig(wb[1], "tags"); !cmp.Equal(v, map[string]any{}) {
		t.Errorf("empty tags = %#v, want {}", v)
	}
	empty := m.do(req{path: "sites/" + site + "/workbooks?filter=name:eq:none", token: token, json: true}).jsonMap(t)
	if diff := cmp.Diff(map[string]any{
		"pagination": map[string]any{"pageNumber": "1", "pageSize": "100", "totalAvailable": "0"},
		"workbooks":  map[string]any{},
	}, empty); diff != "" {
		t.Errorf("empty list (-want +got):\n%s", diff)
	}
}

func TestPaging(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	path := "sites/" + site + "/workbooks"
	var all []string
	for page := 1; page <= 4; page++ {
		doc := m.do(req{path: path + "?pageSize=10&pageNumber=" + strconv.Itoa(page), token: token}).xml(t)
		got := names(doc, "workbook")
		if want := []int{10, 10, 10, 2}[page-1]; len(got) != want {
			t.Errorf("page %d has %d workbooks, want %d", page, len(got), want)
		}
		if diff := cmp.Diff([3]int{page, 10, 32}, pagination(t, doc)); diff != "" {
			t.Errorf("page %d pagination (-want +got):\n%s", page, diff)
		}
		all = append(all, got...)
	}
	if diff := cmp.Diff(samplesWorkbooks, all); diff != "" {
		t.Errorf("pages together (-want +got):\n%s", diff)
	}
	// Past the last page Tableau answers 400006 (server-client-python
	// issue #1304), with its own summary and detail.
	for _, q := range []string{"pageSize=10&pageNumber=5", "pageSize=1000&pageNumber=2", "pageSize=1000&pageNumber=9223372036854775807"} {
		m.do(req{path: path + "?" + q, token: token}).wantError(t, 400, "400006")
	}
	r := m.do(req{path: path + "?pageSize=10&pageNumber=5", token: token, json: true})
	want := map[string]any{"summary": "Bad Request", "detail": "Invalid page number '5'", "code": "400006"}
	if diff := cmp.Diff(want, r.jsonMap(t)["error"]); diff != "" {
		t.Errorf("past the last page (-want +got):\n%s", diff)
	}
	r = m.do(req{path: path + "?pageSize=x", token: token, json: true})
	want = map[string]any{"summary": "Bad Request", "detail": "Invalid page size 'x'", "code": "400007"}
	if diff := cmp.Diff(want, r.jsonMap(t)["error"]); diff != "" {
		t.Errorf("bad page size (-want +got):\n%s", diff)
	}
	// An empty list has one, empty, page.
	doc := m.do(req{path: path + "?filter=name:eq:none&pageNumber=1", token: token}).xml(t)
	if diff := cmp.Diff([3]int{1, 100, 0}, pagination(t, doc)); diff != "" {
		t.Errorf("empty list (-want +got):\n%s", diff)
	}
	m.do(req{path: path + "?filter=name:eq:none&pageNumber=2", token: token}).wantError(t, 400, "400006")
	doc = m.do(req{path: path + "?pageSize=1000", token: token}).xml(t)
	if got := names(doc, "workbook"); len(got) != 32 {
		t.Errorf("pageSize=1000 has %d workbooks", len(got))
	}
	// Tableau's reference: 400006 for a page number that is not a
	// positive integer, 400007 for such a page size, 403014 for a page
	// size above 1000.
	bad := []struct {
		query  string
		status int
		code   string
	}{
		{"pageSize=0", 400, "400007"},
		{"pageSize=x", 400, "400007"},
		{"pageSize=-1", 400, "400007"},
		{"pageSize=1001", 403, "403014"},
		{"pageSize=99999999999999999999", 400, "400007"},
		{"pageNumber=0", 400, "400006"},
		{"pageNumber=x", 400, "400006"},
		{"pageNumber=-2", 400, "400006"},
	}
	for _, b := range bad {
		for _, asJSON := range []bool{false, true} {
			m.do(req{path: path + "?" + b.query, token: token, json: asJSON}).wantError(t, b.status, b.code)
		}
	}
}

func TestFilterAndSort(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	tests := []struct {
		query string
		want  []string
	}{
		{"filter=name:eq:Superstore", []string{"Superstore"}},
		{"filter=name:eq:superstore", nil},
		{"filter=name:eq:Coffee%20Chain", []string{"Coffee Chain"}},
		{"filter=tags:in:[a,b],name:eq:Regional", nil},
		{"filter=tags:in:[a,sales]", []string{"Sales Forecast"}},
		{"filter=createdAt:gt:2020-01-01T00:00:00Z", samplesWorkbooks},
		// size takes Tableau's comparisons, as a number.
		{"filter=size:gte:5&pageSize=4", []string{"Sales Forecast", "Product Insights", "Hiring Pipeline", "Hospital Readmissions"}},
		{"filter=size:eq:1&pageSize=3", []string{"Superstore", "Customer Analysis", "Marketing Funnel"}},
		{"filter=size:gt:5", nil},
		{"sort=name:asc&pageSize=3", []string{"Airline Delays", "Bike Sharing", "Call Center"}},
		{"sort=name:desc&pageSize=3", []string{"World Indicators", "Web Traffic", "Weather Trends"}},
		{"sort=createdAt:desc&pageSize=2", []string{"Flight Routes", "Taxi Trips"}},
		{"fields=_all_&pageSize=2", samplesWorkbooks[:2]},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			doc := m.do(req{path: "sites/" + site + "/workbooks?" + tt.query, token: token}).xml(t)
			if diff := cmp.Diff(tt.want, names(doc, "workbook")); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("other lists filter too", func(t *testing.T) {
		t.Parallel()
		for list, name := range map[string]string{"projects": "Samples", "users": "alice", "groups": "Analysts", "datasources": "Regional Sales", "views": "Details"} {
			item := strings.TrimSuffix(list, "s")
			doc := m.do(req{path: "sites/" + site + "/" + list + "?filter=name:eq:" + strings.ReplaceAll(name, " ", "%20"), token: token}).xml(t)
			got := names(doc, item)
			if len(got) == 0 {
				t.Errorf("%s: nothing named %s", list, name)
			}
			for _, n := range got {
				if n != name {
					t.Errorf("%s: filter kept %s", list, n)
				}
			}
		}
	})
}

func TestUsersAllFields(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("")
	attrs := func(e *etree.Element) []string {
		var out []string
		for _, a := range e.Attr {
			out = append(out, a.Key)
		}
		return out
	}
	plain := m.do(req{path: "sites/" + site + "/users?filter=name:eq:alice", token: token}).xml(t)
	if diff := cmp.Diff([]string{"id", "name", "siteRole", "lastLogin", "externalAuthUserId", "fullName", "email"}, attrs(plain.FindElement("//user"))); diff != "" {
		t.Errorf("user attributes (-want +got):\n%s", diff)
	}
	all := m.do(req{path: "sites/" + site + "/users?fields=_all_&filter=name:eq:alice", token: token}).xml(t)
	if diff := cmp.Diff([]string{"id", "name", "siteRole", "lastLogin", "externalAuthUserId", "fullName", "email", "authSetting", "locale", "language"}, attrs(all.FindElement("//user"))); diff != "" {
		t.Errorf("fields=_all_ attributes (-want +got):\n%s", diff)
	}
	if all.FindElement("//user/domain") == nil {
		t.Error("fields=_all_ has no domain")
	}
	one := m.do(req{path: "sites/" + site + "/users/" + DemoAliceID, token: token}).xml(t)
	if got := attrAt(t, one, "//user/domain", "name"); got != "local" {
		t.Errorf("domain = %s", got)
	}
}

func TestViewsUsage(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("")
	path := "sites/" + site + "/views"
	if doc := m.do(req{path: path, token: token}).xml(t); doc.FindElement("//usage") != nil {
		t.Error("usage without includeUsageStatistics")
	}
	doc := m.do(req{path: path + "?includeUsageStatistics=true", token: token}).xml(t)
	if n, v := len(doc.FindElements("//view/usage")), len(doc.FindElements("//view")); n != v || n == 0 {
		t.Errorf("%d usage elements for %d views", n, v)
	}
	id := doc.FindElement("//view").SelectAttrValue("id", "")
	one := m.do(req{path: path + "/" + id + "?includeUsageStatistics=true", token: token, json: true}).jsonMap(t)
	if _, ok := dig(one, "view", "usage", "totalViewCount").(string); !ok {
		t.Errorf("view = %v", one["view"])
	}
}

func TestWorkbookByIDListsViews(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	id := demoID(DemoSamplesSiteID, "workbook", "Superstore")
	doc := m.do(req{path: "sites/" + site + "/workbooks/" + id, token: token}).xml(t)
	if diff := cmp.Diff([]string{"Overview", "Details"}, names(doc, "views/view")); diff != "" {
		t.Errorf("views (-want +got):\n%s", diff)
	}
	if got := attrAt(t, doc, "//workbook", "webpageUrl"); !strings.HasPrefix(got, m.srv.URL+"/#/site/Samples/workbooks/") {
		t.Errorf("webpageUrl = %s", got)
	}
}

func TestSites(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	admin, _ := m.admin("Samples")
	alice, _ := m.signIn(passwordBody("alice", "alice-password", "Samples"))
	d := DefaultData()
	d.Users[1].SiteIDs = []string{DemoSamplesSiteID}
	limited := newMock(t, Config{Data: d})
	aliceLimited, _ := limited.signIn(passwordBody("alice", "alice-password", "Samples"))
	tests := []struct {
		name  string
		m     *testMock
		r     req
		sites []string
	}{
		{"admin lists all", m, req{path: "sites", token: admin}, []string{"Default", "Samples"}},
		{"member of all lists all", m, req{path: "sites", token: alice}, []string{"Default", "Samples"}},
		{"member of one lists one", limited, req{path: "sites", token: aliceLimited}, []string{"Samples"}},
		{"paged", m, req{path: "sites?pageSize=1&pageNumber=2", token: admin}, []string{"Samples"}},
		{"by id", m, req{path: "sites/" + DemoSamplesSiteID, token: admin}, []string{"Samples"}},
		{"by name", m, req{path: "sites/samples?key=name", token: admin}, []string{"Samples"}},
		{"by content url", m, req{path: "sites/Samples?key=contentUrl", token: admin}, []string{"Samples"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := tt.m.do(tt.r).xml(t)
			if diff := cmp.Diff(tt.sites, names(doc, "site")); diff != "" {
				t.Errorf("sites (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("unknown name", func(t *testing.T) {
		t.Parallel()
		m.do(req{path: "sites/nowhere?key=name", token: admin}).wantError(t, 404, "404000")
		m.do(req{path: "sites/nowhere?key=contentUrl", token: admin, json: true}).wantError(t, 404, "404000")
	})
	t.Run("site attributes", func(t *testing.T) {
		t.Parallel()
		doc := m.do(req{path: "sites/" + DemoSamplesSiteID, token: admin}).xml(t)
		e := doc.FindElement("//site")
		if e.Attr[0].Key != "id" || e.SelectAttrValue("numUsers", "") != "2" {
			t.Errorf("site = %s", docString(doc))
		}
	})
}

func TestProjectLifecycle(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("")
	base := "sites/" + site + "/projects"
	create := func(body string, asJSON bool) reply {
		ct := ""
		if asJSON {
			ct = "application/json"
		}
		return m.do(req{method: "POST", path: base, token: token, body: body, contentType: ct, json: asJSON})
	}

	r := create(`<tsRequest><project name="Quarterly" description="Q reports" contentPermissions="LockedToProject"/></tsRequest>`, false)
	r.wantStatus(t, http.StatusCreated)
	doc := r.xml(t)
	parent := attrAt(t, doc, "//project", "id")
	got := map[string]string{}
	for _, a := range doc.FindElement("//project").Attr {
		got[a.Key] = a.Value
	}
	want := map[string]string{"id": parent, "name": "Quarterly", "description": "Q reports", "contentPermissions": "LockedToProject",
		"createdAt": "2025-06-01T12:00:00Z", "updatedAt": "2025-06-01T12:00:00Z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("created (-want +got):\n%s", diff)
	}
	if got := attrAt(t, doc, "//project/owner", "id"); got != DemoAdminID {
		t.Errorf("owner = %s", got)
	}

	r = create(`{"project":{"name":"Q1","parentProjectId":"`+parent+`"}}`, true)
	r.wantStatus(t, http.StatusCreated)
	child, _ := dig(r.jsonMap(t), "project", "id").(string)
	if dig(r.jsonMap(t), "project", "parentProjectId") != parent {
		t.Errorf("child = %s", r.body)
	}

	listed := m.do(req{path: base + "?filter=name:eq:Q1", token: token}).xml(t)
	if diff := cmp.Diff([]string{"Q1"}, names(listed, "project")); diff != "" {
		t.Errorf("listed (-want +got):\n%s", diff)
	}

	errorsTests := []struct {
		name   string
		body   string
		status int
		code   string
	}{
		{"duplicate name", `<tsRequest><project name="quarterly"/></tsRequest>`, 409, "409006"},
		{"no name", `<tsRequest><project description="x"/></tsRequest>`, 400, "400000"},
		{"blank name", `<tsRequest><project name="  "/></tsRequest>`, 400, "400000"},
		{"no project element", `<tsRequest><site/></tsRequest>`, 400, "400000"},
		{"bad permissions", `<tsRequest><project name="p" contentPermissions="Anything"/></tsRequest>`, 400, "400000"},
		{"unknown parent", `<tsRequest><project name="p" parentProjectId="00000000-0000-0000-0000-000000000000"/></tsRequest>`, 404, "404005"},
		{"unknown owner", `<tsRequest><project name="p"><owner id="00000000-0000-0000-0000-000000000000"/></project></tsRequest>`, 404, "404002"},
	}
	for _, tt := range errorsTests {
		create(tt.body, false).wantError(t, tt.status, tt.code)
	}
	// The same name under another parent is fine.
	create(`<tsRequest><project name="Quarterly" parentProjectId="`+parent+`"/></tsRequest>`, false).wantStatus(t, 201)

	up := m.do(req{method: "PUT", path: base + "/" + child, token: token, body: `<tsRequest><project name="Q1 final" parentProjectId=""/></tsRequest>`})
	up.wantStatus(t, 200)
	if doc := up.xml(t); attrAt(t, doc, "//project", "name") != "Q1 final" || doc.FindElement("//project").SelectAttr("parentProjectId") != nil {
		t.Errorf("updated = %s", up.body)
	}
	m.do(req{method: "PUT", path: base + "/" + parent, token: token, body: `<tsRequest><project parentProjectId="` + parent + `"/></tsRequest>`}).wantError(t, 400, "400000")
	m.do(req{method: "PUT", path: base + "/" + child, token: token, body: `<tsRequest><project name="Quarterly"/></tsRequest>`}).wantError(t, 409, "409006")
	m.do(req{method: "PUT", path: base + "/00000000-0000-0000-0000-000000000000", token: token, body: `<tsRequest><project name="x"/></tsRequest>`}).wantError(t, 404, "404005")

	// Moving a project under its own child would make a cycle.
	grandchild := attrAt(t, create(`<tsRequest><project name="Deep" parentProjectId="`+child+`"/></tsRequest>`, false).xml(t), "//project", "id")
	m.do(req{method: "PUT", path: base + "/" + child, token: token, body: `<tsRequest><project parentProjectId="` + grandchild + `"/></tsRequest>`}).wantError(t, 400, "400000")

	m.do(req{method: "DELETE", path: base + "/" + child, token: token}).wantStatus(t, 204)
	m.do(req{path: base + "/" + child, token: token}).wantError(t, 404, "404005")
	m.do(req{path: base + "/" + grandchild, token: token}).wantError(t, 404, "404005")
	m.do(req{method: "DELETE", path: base + "/" + child, token: token}).wantError(t, 404, "404005")
	m.do(req{path: base + "/" + parent, token: token}).wantStatus(t, 200)
}

func TestDeleteProjectRemovesContent(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("Samples")
	finance := demoID(DemoSamplesSiteID, "project", "Samples")
	before := pagination(t, m.do(req{path: "sites/" + site + "/workbooks", token: token}).xml(t))[2]
	m.do(req{method: "DELETE", path: "sites/" + site + "/projects/" + finance, token: token}).wantStatus(t, 204)
	doc := m.do(req{path: "sites/" + site + "/workbooks", token: token}).xml(t)
	after := pagination(t, doc)[2]
	if after >= before {
		t.Errorf("%d workbooks after deleting a project, %d before", after, before)
	}
	for _, p := range doc.FindElements("//workbook/project") {
		if id := p.SelectAttrValue("id", ""); id == finance || id == demoID(DemoSamplesSiteID, "project", "Samples Archive") {
			t.Errorf("workbook left in deleted project %s", id)
		}
	}
	views := m.do(req{path: "sites/" + site + "/views?pageSize=1000", token: token}).xml(t)
	if got := len(views.FindElements("//view")); got != 2*after {
		t.Errorf("%d views for %d workbooks", got, after)
	}
}

// TestNotFoundCodes checks the code of an id that names nothing, per
// kind, against the error tables of Tableau's REST API reference (Query
// Workbook 404006, Query Project 404005, Query User On Site 404002, Query
// Groups 404012, Query Data Source 404004, views 404011, Query Flow
// 404027, Query Job 404018, schedules 404023), in XML and JSON.
func TestNotFoundCodes(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("")
	const missing = "/00000000-0000-0000-0000-000000000000"
	tests := []struct {
		path, code string
	}{
		{"sites/" + site + "/workbooks" + missing, "404006"},
		{"sites/" + site + "/projects" + missing, "404005"},
		{"sites/" + site + "/users" + missing, "404002"},
		{"sites/" + site + "/groups" + missing, "404012"},
		{"sites/" + site + "/datasources" + missing, "404004"},
		{"sites/" + site + "/views" + missing, "404011"},
		{"sites/" + site + "/flows" + missing, "404027"},
		{"sites/" + site + "/jobs" + missing, "404018"},
		{"schedules" + missing, "404023"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			for _, asJSON := range []bool{false, true} {
				m.do(req{path: tt.path, token: token, json: asJSON}).wantError(t, http.StatusNotFound, tt.code)
			}
		})
	}
}
