package mockserver

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestServerInfo(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{APIVersion: "3.22"})
	tests := []struct {
		path   string
		status int
	}{
		{"/api/3.22/serverinfo", 200},
		{"/api/3.22/serverInfo", 200},
		{"/api/3.22/SERVERINFO/", 200},
		{"/api/2.4/serverinfo", 200},
		{"/api/exp/serverinfo", 200},
		{"/api/2.3/serverInfo", 404},
		{"/api/1.0/serverinfo", 404},
		// Newer than the server: Tableau's 404001.
		{"/api/3.23/serverinfo", 404001},
		{"/api/3.99/serverinfo", 404001},
		{"/api/4.0/serverinfo", 404001},
		{"/api/0.9/serverinfo", 404001},
		{"/api/99999999999999999999.1/serverinfo", 404001},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: tt.path})
			if tt.status == 404001 {
				r.wantError(t, 404, "404001")
				v := strings.Split(tt.path, "/")[2]
				want := "Version '" + v + "' is not a valid version of the API."
				if got := r.xml(t).FindElement("//error/detail").Text(); got != want {
					t.Errorf("detail = %q, want %q", got, want)
				}
				// Signing in at such a version fails the same way.
				m.do(req{method: "POST", path: strings.Replace(tt.path, "serverinfo", "auth/signin", 1), body: passwordBody("admin", "admin-password", "")}).wantError(t, 404, "404001")
				return
			}
			if tt.status == 404 {
				r.wantError(t, 404, "404003")
				want := "Unknown resource '" + strings.TrimPrefix(tt.path, "/api") + "' specified in URI."
				if got := r.xml(t).FindElement("//error/detail").Text(); got != want {
					t.Errorf("detail = %q, want %q", got, want)
				}
				return
			}
			r.wantStatus(t, 200)
			doc := r.xml(t)
			if got := doc.FindElement("//serverInfo/restApiVersion").Text(); got != "3.22" {
				t.Errorf("restApiVersion = %q, want the configured 3.22", got)
			}
			if got := attrAt(t, doc, "//serverInfo/productVersion", "build"); got == "" {
				t.Error("productVersion has no build")
			}
			if loc := attrAt(t, doc, "/tsResponse", "xsi:schemaLocation"); !strings.HasSuffix(loc, "ts-api_3_22.xsd") {
				t.Errorf("schemaLocation = %q", loc)
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		got := m.do(req{path: "/api/3.22/serverinfo", json: true}).jsonMap(t)
		if v := dig(got, "serverInfo", "restApiVersion"); v != "3.22" {
			t.Errorf("restApiVersion = %v", v)
		}
		if v, _ := dig(got, "serverInfo", "productVersion", "value").(string); !strings.HasPrefix(v, "2024.1") {
			t.Errorf("productVersion value = %v, want 2024.1.x for API 3.22", v)
		}
	})
}

func TestXMLPrologAndContentType(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	r := m.do(req{path: "serverinfo"})
	want := `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_24.xsd">`
	if !strings.HasPrefix(string(r.body), want) {
		t.Errorf("body starts %.300s, want %s", r.body, want)
	}
	if got := r.header.Get("Content-Type"); got != "application/xml;charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	for _, accept := range []string{"application/json", "text/plain, application/json;q=0.9", "APPLICATION/JSON"} {
		r := m.do(req{path: "serverinfo", header: map[string]string{"Accept": accept}})
		if got := r.header.Get("Content-Type"); got != "application/json;charset=utf-8" {
			t.Errorf("Accept %q: Content-Type = %q", accept, got)
		}
	}
	for _, accept := range []string{"", "*/*", "application/xml", "text/html"} {
		r := m.do(req{path: "serverinfo", header: map[string]string{"Accept": accept}})
		if got := r.header.Get("Content-Type"); got != "application/xml;charset=utf-8" {
			t.Errorf("Accept %q: Content-Type = %q", accept, got)
		}
	}
}

func TestRouting(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("")
	tests := []struct {
		name   string
		r      req
		status int
		code   string
	}{
		{"unknown route", req{path: "sites/" + site + "/flowz", token: token}, 404, "404003"},
		{"unknown route without token", req{path: "sites/" + site + "/flowz"}, 404, "404003"},
		// Real Tableau endpoints the mock lacks: the session first, then
		// 501 501000, never a 404003 that reads like a wrong URL.
		{"real endpoint without token", req{path: "sites/" + site + "/flows"}, 401, "401000"},
		{"real endpoint with dead token", req{path: "sites/" + site + "/flows", token: "dead"}, 401, "401002"},
		{"real endpoint not implemented", req{path: "sites/" + site + "/virtualconnections", token: token}, 501, "501000"},
		{"real method on implemented path", req{method: "POST", path: "sites/" + site + "/workbooks/x", token: token}, 501, "501000"},
		{"real method on implemented path without token", req{method: "DELETE", path: "sites/" + site + "/datasources/x"}, 401, "401000"},
		{"unversioned endpoint without token", req{path: "/api/-/search"}, 401, "401000"},
		{"unversioned endpoint", req{path: "/api/-/search", token: token}, 501, "501000"},
		{"unversioned unknown", req{path: "/api/-/nothing", token: token}, 404, "404003"},
		{"exp endpoint", req{path: "/api/exp/sites/" + site + "/virtualconnections/", token: token}, 501, "501000"},
		{"wrong method without token", req{method: "DELETE", path: "sites/" + site + "/workbooks"}, 401, "401000"},
		{"unknown top level", req{path: "nothing"}, 404, "404003"},
		{"no version", req{path: "/api/serverinfo"}, 404, "404003"},
		{"bad version", req{path: "/api/v3/serverinfo"}, 404, "404003"},
		{"outside /api", req{path: "/get"}, 404, "404003"},
		{"root", req{path: "/"}, 404, "404003"},
		{"case matters except serverinfo", req{method: "POST", path: "auth/SignIn"}, 404, "404003"},
		{"wrong method", req{method: "GET", path: "auth/signin"}, 405, "405000"},
		{"wrong method on list", req{method: "DELETE", path: "sites/" + site + "/workbooks", token: token}, 405, "405000"},
		{"wrong method on project", req{method: "PATCH", path: "sites/" + site + "/projects/x", token: token}, 405, "405000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, asJSON := range []bool{false, true} {
				tt.r.json = asJSON
				r := m.do(tt.r)
				r.wantError(t, tt.status, tt.code)
				if tt.status == 405 && r.header.Get("Allow") == "" {
					t.Error("405 without an Allow header")
				}
			}
		})
	}
	t.Run("unknown resource detail", func(t *testing.T) {
		t.Parallel()
		r := m.do(req{path: "/api/3.24/sites/" + site + "/flowz", token: token, json: true})
		want := "Unknown resource '/3.24/sites/" + site + "/flowz' specified in URI."
		if got := dig(r.jsonMap(t), "error", "detail"); got != want {
			t.Errorf("detail = %v, want %q", got, want)
		}
	})
	t.Run("not implemented detail", func(t *testing.T) {
		t.Parallel()
		r := m.do(req{method: "POST", path: "/api/3.24/sites/" + site + "/workbooks/x", token: token, json: true})
		want := "POST /api/3.24/sites/" + site + "/workbooks/x is an endpoint of Tableau's REST API that the colrun mock server does not implement."
		if diff := cmp.Diff(want, dig(r.jsonMap(t), "error", "detail")); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("trailing slashes and exp", func(t *testing.T) {
		t.Parallel()
		m.do(req{path: "/api/exp/sites/" + site + "/workbooks/", token: token}).wantStatus(t, 200)
		m.do(req{path: "/api/3.4/sessions/current//", token: token}).wantStatus(t, 200)
	})
}

func TestNoContent(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, _ := m.admin("")
	r := m.do(req{method: "POST", path: "auth/signout", token: token, json: true})
	r.wantStatus(t, http.StatusNoContent)
	if len(r.body) != 0 || r.header.Get("Content-Type") != "" {
		t.Errorf("204 with Content-Type %q and body %q", r.header.Get("Content-Type"), r.body)
	}
}

// TestRequestBodyFormats signs in with every body shape clients send.
func TestRequestBodyFormats(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	tests := []struct {
		name, contentType, body string
	}{
		{"xml without content type", "", passwordBody("admin", "admin-password", "")},
		{"xml", "application/xml", passwordBody("admin", "admin-password", "")},
		{"text/xml with charset", "text/xml; charset=utf-8", passwordBody("admin", "admin-password", "")},
		{"indented with prolog and namespace", "application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<tsRequest xmlns="http://tableau.com/api">
    <credentials name="admin" password="admin-password">
        <site contentUrl="" />
    </credentials>
</tsRequest>
`},
		{"prefixed namespace", "application/xml", `<ts:tsRequest xmlns:ts="http://tableau.com/api"><ts:credentials ts:name="admin" password="admin-password"><ts:site contentUrl=""/></ts:credentials></ts:tsRequest>`},
		{"json", "application/json", `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`},
		{"vendor +json type", "application/vnd.tableau.example+json", `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`},
		{"json with BOM", "application/json", "\ufeff" + `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`},
		{"xml with BOM", "application/xml", "\ufeff" + passwordBody("admin", "admin-password", "")},
		{"xml without content type, BOM and prolog", "", "\ufeff<?xml version='1.0' encoding='UTF-8'?>" + passwordBody("admin", "admin-password", "")},
		// Python's ElementTree.tostring writes this declaration.
		{"xml declared us-ascii", "text/xml", "<?xml version='1.0' encoding='us-ascii'?>\n" + passwordBody("admin", "admin-password", "")},
		{"xml declared ISO-8859-1", "application/xml", `<?xml version="1.0" encoding="ISO-8859-1"?>` + passwordBody("admin", "admin-password", "")},
		{"xml declared windows-1252", "application/xml", `<?xml version="1.0" encoding="windows-1252"?>` + passwordBody("admin", "admin-password", "")},
		{"json wrapped in tsRequest", "application/json", `{"tsRequest":{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}}`},
		{"json indented", "application/json; charset=utf-8", "{\n  \"credentials\": {\n    \"name\": \"admin\",\n    \"password\": \"admin-password\",\n    \"site\": { \"contentUrl\": \"\" }\n  }\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{method: "POST", path: "auth/signin", contentType: tt.contentType, body: tt.body})
			r.wantStatus(t, 200)
			if got := attrAt(t, r.xml(t), "//credentials/user", "id"); got != DemoAdminID {
				t.Errorf("user id = %s", got)
			}
		})
	}
}

// TestMalformedBodies checks that nothing a client sends crashes the mock
// or expands entities: bad bodies get 400000, big ones 413, and the mock
// keeps answering.
func TestMalformedBodies(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	small := newMock(t, Config{MaxBodyBytes: 64 << 10})
	deepXML := strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000)
	deepJSON := strings.Repeat(`{"a":`, 50000) + "1" + strings.Repeat("}", 50000)
	deepArray := `{"credentials":` + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "}"
	tests := []struct {
		name, contentType, body string
		status                  int
		code                    string
	}{
		{"empty", "", "", 400, "400000"},
		{"whitespace", "application/xml", "  \n", 400, "400000"},
		{"not xml", "application/xml", "hello", 400, "400000"},
		{"unclosed", "application/xml", "<tsRequest><credentials>", 400, "400000"},
		{"wrong root", "application/xml", `<request><credentials name="admin" password="admin-password"><site contentUrl=""/></credentials></request>`, 400, "400000"},
		{"two roots", "application/xml", passwordBody("admin", "admin-password", "") + "<tsRequest/>", 400, "400000"},
		{"doctype", "application/xml", `<!DOCTYPE tsRequest [<!ENTITY x "admin">]><tsRequest><credentials name="&x;" password="admin-password"><site contentUrl=""/></credentials></tsRequest>`, 400, "400000"},
		{"external entity", "application/xml", `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><tsRequest><credentials name="&x;" password="p"><site contentUrl=""/></credentials></tsRequest>`, 400, "400000"},
		{"undefined entity", "application/xml", `<tsRequest><credentials name="&x;" password="p"><site contentUrl=""/></credentials></tsRequest>`, 400, "400000"},
		{"unknown encoding", "application/xml", `<?xml version="1.0" encoding="x-no-such-charset"?>` + passwordBody("admin", "admin-password", ""), 400, "400000"},
		{"latin-1 without credentials", "application/xml", `<?xml version="1.0" encoding="ISO-8859-1"?><tsRequest/>`, 400, "400000"},
		// Tableau reads the body in the format Content-Type names, so JSON
		// sent as anything but JSON fails as XML (Salesforce KB 001474388).
		{"json without content type", "", `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`, 400, "400000"},
		{"json as xml", "application/xml", `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`, 400, "400000"},
		{"json as form", "application/x-www-form-urlencoded", `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`, 400, "400000"},
		{"json as text", "text/plain", `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`, 400, "400000"},
		{"xml as json", "application/json", passwordBody("admin", "admin-password", ""), 400, "400000"},
		{"deep xml", "application/xml", deepXML, 400, "400000"},
		{"bad json", "application/json", `{"credentials":`, 400, "400000"},
		{"json array", "application/json", `[1,2]`, 400, "400000"},
		{"json trailing data", "application/json", `{"credentials":{}} {}`, 400, "400000"},
		{"deep json", "application/json", deepJSON, 400, "400000"},
		{"deep json array", "application/json", deepArray, 400, "400000"},
		{"no credentials", "application/xml", `<tsRequest><site contentUrl=""/></tsRequest>`, 400, "400000"},
		{"too large", "application/xml", "<tsRequest>" + strings.Repeat(" ", 4<<20) + "</tsRequest>", 413, "413000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, asJSON := range []bool{false, true} {
				r := m.do(req{method: "POST", path: "auth/signin", contentType: tt.contentType, body: tt.body, json: asJSON})
				r.wantError(t, tt.status, tt.code)
			}
		})
	}
	t.Run("too large without content length", func(t *testing.T) {
		t.Parallel()
		pr, pw := io.Pipe()
		go func() {
			_, _ = pw.Write([]byte("<tsRequest>" + strings.Repeat(" ", 64<<10)))
			_ = pw.Close()
		}()
		hr, _ := http.NewRequest("POST", small.srv.URL+"/api/3.24/auth/signin", pr)
		resp, err := small.srv.Client().Do(hr)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 413 {
			t.Errorf("status = %d, want 413", resp.StatusCode)
		}
	})
	t.Run("still answering", func(t *testing.T) {
		t.Parallel()
		m.do(req{path: "serverinfo"}).wantStatus(t, 200)
		m.admin("")
	})
}

func TestProjectBodyErrorsNeedAuthFirst(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	// A missing token is reported as such even when the body is bad too.
	r := m.do(req{method: "POST", path: "sites/" + DemoDefaultSiteID + "/projects", body: "garbage"})
	r.wantError(t, 401, "401000")
	token, site := m.admin("")
	r = m.do(req{method: "POST", path: "sites/" + site + "/projects", token: token, body: "garbage"})
	r.wantError(t, 400, "400000")
}

func TestLatency(t *testing.T) {
	t.Parallel()
	// Only checks that a configured latency does not break answers; the
	// delay itself is not timed, to keep the test deterministic.
	m := newMock(t, Config{Latency: 1})
	if diff := cmp.Diff(200, m.do(req{path: "serverinfo"}).status); diff != "" {
		t.Error(diff)
	}
}
