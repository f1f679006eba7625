package mockserver

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"
)

// The fuzz targets check that no input crashes the mock or gets an
// answer outside Tableau's vocabulary. go test runs their seeds; run one
// for longer with e.g. go test -fuzz FuzzSignin ./mockserver/.

var bodySeeds = []string{
	passwordBody("admin", "admin-password", ""),
	patBody(DemoPATName, DemoPATSecret, "Samples"),
	jwtBody("a.b.c", ""),
	`{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`,
	`{"tsRequest":{"credentials":{"jwt":"x","site":{"contentUrl":"Samples"}}}}`,
	`<tsRequest><project name="p" parentProjectId="x"><owner id="y"/></project></tsRequest>`,
	`{"project":{"name":"p","description":null,"contentPermissions":"LockedToProject","x":[1,{"y":true}]}}`,
	`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><tsRequest>&a;</tsRequest>`,
	`<tsRequest xmlns="http://tableau.com/api"><credentials name="&amp;&lt;" password="&#x41;"><site contentUrl=""/></credentials></tsRequest>`,
	strings.Repeat("<a>", 40) + strings.Repeat("</a>", 40),
	strings.Repeat(`{"a":`, 40) + "0" + strings.Repeat("}", 40),
	`{"a":[[[[[[]]]]]]}`,
	"", "{", "<", "\x00\xff", `{"a":"\ud800"}`,
}

func FuzzParseBody(f *testing.F) {
	for _, s := range bodySeeds {
		f.Add("", []byte(s))
		f.Add("application/json", []byte(s))
	}
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		n, err := parseBody(contentType, body)
		if err != nil {
			return
		}
		if n == nil || n.name != "tsRequest" {
			t.Fatalf("parsed to %+v", n)
		}
		var depth func(n *reqNode) int
		depth = func(n *reqNode) int {
			d := 0
			for _, k := range n.kids {
				d = max(d, depth(k))
			}
			return d + 1
		}
		if d := depth(n); d > maxDepth+1 {
			t.Fatalf("depth %d passed the limit", d)
		}
	})
}

// serve runs one request through the handler without a network, which
// keeps fuzzing fast.
func serve(h http.Handler, method, path, contentType, token string, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		r.Header.Set("X-Tableau-Auth", token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// checkTableauAnswer fails unless the answer is a well-formed tsResponse
// with one of the allowed statuses.
func checkTableauAnswer(t *testing.T, w *httptest.ResponseRecorder, allowed ...int) {
	t.Helper()
	if !slices.Contains(allowed, w.Code) {
		t.Fatalf("status %d, want one of %v: %s", w.Code, allowed, w.Body)
	}
	if w.Code == http.StatusNoContent {
		return
	}
	if ct := w.Header().Get("Content-Type"); ct != contentTypeXML {
		t.Fatalf("Content-Type %q", ct)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(w.Body.Bytes()); err != nil || doc.Root() == nil || doc.Root().Tag != "tsResponse" {
		t.Fatalf("not a tsResponse (%v): %s", err, w.Body)
	}
}

func FuzzSignin(f *testing.F) {
	for _, s := range bodySeeds {
		f.Add("", s)
		f.Add("application/xml", s)
		f.Add("application/json", s)
	}
	h := New(Config{MaxBodyBytes: 64 << 10})
	f.Fuzz(func(t *testing.T, contentType, body string) {
		w := serve(h, "POST", "/api/3.24/auth/signin", contentType, "", body)
		checkTableauAnswer(t, w, 200, 400, 401, 413)
	})
}

func FuzzSwitchSite(f *testing.F) {
	for _, s := range append(slices.Clone(bodySeeds), `<tsRequest><site contentUrl="Samples"/></tsRequest>`) {
		f.Add(s)
	}
	h := New(Config{})
	f.Fuzz(func(t *testing.T, body string) {
		in := serve(h, "POST", "/api/3.24/auth/signin", "", "", passwordBody("admin", "admin-password", ""))
		token := attrOfRecorder(t, in, "//credentials", "token")
		w := serve(h, "POST", "/api/3.24/auth/switchSite", "", token, body)
		checkTableauAnswer(t, w, 200, 400, 401, 403, 413)
	})
}

func FuzzProjectWrite(f *testing.F) {
	for _, s := range bodySeeds {
		f.Add("POST", s)
		f.Add("PUT", s)
	}
	h := New(Config{})
	in := serve(h, "POST", "/api/3.24/auth/signin", "", "", passwordBody("admin", "admin-password", ""))
	token := attrOfRecorder(f, in, "//credentials", "token")
	target := demoID(DemoDefaultSiteID, "project", "Marketing")
	f.Fuzz(func(t *testing.T, method, body string) {
		path := "/api/3.24/sites/" + DemoDefaultSiteID + "/projects"
		if method != "POST" {
			method = "PUT"
			path += "/" + target
		}
		w := serve(h, method, path, "", token, body)
		checkTableauAnswer(t, w, 200, 201, 400, 404, 409, 413)
	})
}

func FuzzListQuery(f *testing.F) {
	for _, q := range []string{
		"", "pageSize=1&pageNumber=3", "pageSize=0", "pageNumber=99999999999999999999",
		"filter=name:eq:Superstore", "filter=name:eq:", "filter=tags:in:[a,b],name:eq:x", "filter=,,,[[]]",
		"sort=name:desc", "sort=name", "fields=_all_", "includeUsageStatistics=true", "%zz",
		"filter=name:cieq:SUPER", "filter=name:has:a", "filter=createdAt:gt:2020-01-01T00:00:00Z", "filter=name:gt:x",
		"filter=topLevelProject:eq:true,parentProjectId:in:[a,b]", "filter=size:lte:5&sort=createdAt:desc&fields=_all_",
	} {
		for _, list := range []string{"workbooks", "users", "projects", "groups", "datasources", "flows"} {
			f.Add(list, q)
		}
	}
	h := New(Config{})
	in := serve(h, "POST", "/api/3.24/auth/signin", "", "", passwordBody("admin", "admin-password", "Samples"))
	token := attrOfRecorder(f, in, "//credentials", "token")
	f.Fuzz(func(t *testing.T, list, query string) {
		if _, ok := resourceKinds[list]; !ok {
			list = "views"
		}
		r := httptest.NewRequest("GET", "/api/3.24/sites/"+DemoSamplesSiteID+"/"+list, nil)
		r.URL.RawQuery = query
		r.Header.Set("X-Tableau-Auth", token)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		checkTableauAnswer(t, w, 200, 400)
	})
}

func FuzzRoutes(f *testing.F) {
	for _, p := range []string{
		"/api/3.24/serverinfo", "/api/exp/sites", "/api/3.24/sites/x/workbooks/y", "/api//", "/api/3.24/sites/%2F/projects",
		"/api/3.24/auth/signin/", "/nothing", "/api/9999999999999999999.1/serverinfo",
	} {
		f.Add("GET", p)
		f.Add("DELETE", p)
	}
	h := New(Config{})
	f.Fuzz(func(t *testing.T, method, path string) {
		if method == "" || strings.ContainsAny(method, " \t\r\n()<>@,;:\\\"/[]?={}") {
			method = "GET"
		}
		u, err := url.Parse(path)
		if err != nil || u.Path == "" {
			return
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.Method, r.URL, r.RequestURI = method, u, u.RequestURI()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		checkTableauAnswer(t, w, 200, 204, 400, 401, 403, 404, 405, 413, 501)
	})
}

func attrOfRecorder(t testing.TB, w *httptest.ResponseRecorder, path, name string) string {
	t.Helper()
	v, err := (reply{status: w.Code, body: w.Body.Bytes()}).attrOf(path, name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// FuzzSiteWrites sends any body to the write endpoints of users, groups,
// permissions, connected apps and publishing as a signed-in administrator:
// every answer must be one of Tableau's, never a crash or a 500.
func FuzzSiteWrites(f *testing.F) {
	site := "/api/3.24/sites/" + DemoDefaultSiteID + "/"
	group := demoID(DemoDefaultSiteID, "group", "Analysts")
	workbook := demoID(DemoDefaultSiteID, "workbook", "Sales Dashboard")
	targets := []struct{ method, path string }{
		{"POST", "users"}, {"PUT", "users/" + DemoAliceID}, {"POST", "groups"}, {"PUT", "groups/" + group},
		{"POST", "groups/" + group + "/users"}, {"PUT", "workbooks/" + workbook + "/permissions"},
		{"PUT", "projects/" + demoID(DemoDefaultSiteID, "project", "Marketing") + "/permissions"},
		{"POST", "connected-applications"}, {"PUT", "connected-applications/" + DemoClientID},
		{"POST", "workbooks"}, {"POST", "datasources"},
	}
	seeds := append(slices.Clone(bodySeeds),
		`<tsRequest><user name="x" siteRole="Viewer"/></tsRequest>`, `<tsRequest><group name="g"/></tsRequest>`,
		`<tsRequest><user id="`+DemoAdminID+`"/></tsRequest>`,
		`<tsRequest><permissions><granteeCapabilities><group id="`+group+`"/><capabilities><capability name="Read" mode="Allow"/></capabilities></granteeCapabilities></permissions></tsRequest>`,
		`{"connectedApplication":{"name":"a","enabled":"true"}}`,
		multipartBody("b", "text/xml", `<tsRequest><workbook name="w"/></tsRequest>`, "tableau_workbook", "w.twbx"))
	for i, s := range seeds {
		f.Add(uint8(i), "", s)
		f.Add(uint8(i+1), "application/json", s)
		f.Add(uint8(i+2), "multipart/mixed; boundary=b", s)
	}
	h := New(Config{MaxBodyBytes: 64 << 10})
	in := serve(h, "POST", "/api/3.24/auth/signin", "", "", passwordBody("admin", "admin-password", ""))
	token := attrOfRecorder(f, in, "//credentials", "token")
	f.Fuzz(func(t *testing.T, target uint8, contentType, body string) {
		tg := targets[int(target)%len(targets)]
		w := serve(h, tg.method, site+tg.path, contentType, token, body)
		checkTableauAnswer(t, w, 200, 201, 204, 400, 403, 404, 409, 413)
	})
}
