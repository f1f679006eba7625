package auth

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// responsesDir holds real Tableau responses; it lives beside the
// repository (../shared from the root) and is absent from users' clones.
const responsesDir = "../../shared/fixtures/tableau-responses"

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(responsesDir, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is absent (../shared is not checked out)", responsesDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseSigninResponseFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want Session
	}{
		{"auth_sign_in.xml", Session{Token: "eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l", SiteID: "6b7179ba-b82b-4f0f-91ed-812074ac5da6", SiteContentURL: "Samples", UserID: "1a96d216-e9b8-497b-a82a-0b899a965e01"}},
		{"auth_sign_in_impersonate.xml", Session{Token: "MJonFA6HDyy2C3oqR13fRGqE6cmgzwq3", SiteID: "dad65087-b08b-4603-af4e-2887b8aafc67", SiteContentURL: "", UserID: "dd2239f6-ddf1-4107-981a-4cf94e415794"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			body := readFixture(t, tc.file)
			for _, ct := range []string{"application/xml;charset=utf-8", "", "application/json"} {
				got, err := ParseSigninResponse(ct, body)
				if err != nil {
					t.Fatalf("Content-Type %q: %v", ct, err)
				}
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("Content-Type %q (-want +got):\n%s", ct, diff)
				}
			}
		})
	}
}

func TestErrorFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file   string
		status int
		want   APIError
	}{
		{"auth_sign_in_error.xml", 401, APIError{HTTPStatus: 401, Code: "401001", Summary: "Signin Error", Detail: "Error signing in to Tableau Server"}},
		{"server_info_404.xml", 404, APIError{HTTPStatus: 404, Code: "404003", Summary: "Resource Not Found", Detail: "Unknown resource '/2.4/serverInfo' specified in URI."}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			body := readFixture(t, tc.file)
			got, ok := ParseError(tc.status, "application/xml;charset=utf-8", body)
			if !ok {
				t.Fatal("not recognised as an error")
			}
			if diff := cmp.Diff(tc.want, *got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if _, err := ParseSigninResponse("", body); !errors.As(err, new(*APIError)) {
				t.Errorf("ParseSigninResponse error = %v, want an *APIError", err)
			}
		})
	}
}

// TestEveryFixture runs the parsers over all real responses: none may be
// taken for an error unless it is one, and none may be taken for a sign-in.
func TestEveryFixture(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir(responsesDir)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is absent", responsesDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".xml") {
			continue
		}
		body := readFixture(t, e.Name())
		isError := strings.Contains(string(body), "<error ")
		if _, ok := ParseError(200, "application/xml", body); ok != isError {
			t.Errorf("%s: ParseError says error=%v, want %v", e.Name(), ok, isError)
		}
		_, err := ParseSigninResponse("application/xml", body)
		if isSignin := strings.HasPrefix(e.Name(), "auth_sign_in") && !isError; (err == nil) != isSignin {
			t.Errorf("%s: ParseSigninResponse error = %v", e.Name(), err)
		}
	}
}

func TestParseSigninResponseShapes(t *testing.T) {
	t.Parallel()
	full := Session{Token: "tok", SiteID: "site-1", SiteContentURL: "fin", UserID: "user-1"}
	tests := []struct {
		name    string
		ct      string
		body    string
		want    Session
		wantErr string
	}{
		{name: "namespace", body: `<tsResponse xmlns="http://tableau.com/api"><credentials token="tok"><site id="site-1" contentUrl="fin"/><user id="user-1"/></credentials></tsResponse>`, want: full},
		{name: "legacy namespace", body: `<tsResponse xmlns="http://tableausoftware.com/api"><credentials token="tok"><site id="site-1" contentUrl="fin"/><user id="user-1"/></credentials></tsResponse>`, want: full},
		{name: "prefixed namespace", body: `<?xml version="1.0"?><t:tsResponse xmlns:t="http://tableau.com/api"><t:credentials token="tok"><t:site id="site-1" contentUrl="fin"/><t:user id="user-1"/></t:credentials></t:tsResponse>`, want: full},
		{name: "no namespace", body: `<tsResponse><credentials token="tok"><site id="site-1" contentUrl="fin"/><user id="user-1"/></credentials></tsResponse>`, want: full},
		{name: "BOM and indentation", body: "\xEF\xBB\xBF\n  <tsResponse xmlns=\"http://tableau.com/api\">\n <credentials estimatedTimeToExpiration=\"361:07:59\" token=\"tok\">\n <site id=\"site-1\" contentUrl=\"fin\"/>\n<user id=\"user-1\"/></credentials></tsResponse>", want: full},
		{name: "XML labelled JSON", ct: "application/json", body: `<tsResponse xmlns="http://tableau.com/api"><credentials token="tok"><site id="site-1" contentUrl="fin"/><user id="user-1"/></credentials></tsResponse>`, want: full},
		{name: "no user", body: `<tsResponse xmlns="http://tableau.com/api"><credentials token="tok"><site id="site-1" contentUrl="fin"/></credentials></tsResponse>`, want: Session{Token: "tok", SiteID: "site-1", SiteContentURL: "fin"}},
		{name: "escaped token", body: `<tsResponse xmlns="http://tableau.com/api"><credentials token="a&amp;b|c"><site id="s"/></credentials></tsResponse>`, want: Session{Token: "a&b|c", SiteID: "s"}},
		{name: "foreign namespace children ignored", body: `<tsResponse xmlns="http://tableau.com/api" xmlns:x="urn:x"><x:credentials token="evil"><x:site id="s"/></x:credentials></tsResponse>`, wantErr: "no token at tsResponse/credentials/@token"},
		{name: "foreign namespace root", body: `<tsResponse xmlns="urn:other"><credentials token="tok"><site id="s"/></credentials></tsResponse>`, wantErr: "not Tableau's tsResponse"},
		{name: "wrong root", body: `<result><token>x</token></result>`, wantErr: "not Tableau's tsResponse"},
		{name: "a web page", body: `<html><body>proxy error</body></html>`, wantErr: "the response is a web page, not Tableau's XML or JSON"},
		{name: "no site", body: `<tsResponse xmlns="http://tableau.com/api"><credentials token="tok"/></tsResponse>`, wantErr: "no site id at tsResponse/credentials/site/@id"},
		{name: "empty token", body: `<tsResponse xmlns="http://tableau.com/api"><credentials token=""><site id="s"/></credentials></tsResponse>`, wantErr: "no token"},
		{name: "malformed XML", body: `<tsResponse><credentials token="x">`, wantErr: "not well-formed XML"},
		{name: "entities are not expanded", body: `<!DOCTYPE tsResponse [<!ENTITY e "boom">]><tsResponse><credentials token="&e;"><site id="s"/></credentials></tsResponse>`, wantErr: "not well-formed XML"},
		{name: "too deep", body: strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100), wantErr: "not well-formed XML"},
		{name: "empty", body: "  \n", wantErr: "empty"},
		{name: "JSON", ct: "application/json;charset=utf-8", body: `{"credentials":{"site":{"id":"site-1","contentUrl":"fin"},"user":{"id":"user-1"},"token":"tok"}}`, want: full},
		{name: "JSON without Content-Type", body: ` {"credentials":{"token":"tok","site":{"id":"site-1","contentUrl":"fin"},"user":{"id":"user-1"}}}`, want: full},
		{name: "JSON token not a string", body: `{"credentials":{"token":12,"site":{"id":"s"}}}`, wantErr: "no token at credentials.token"},
		{name: "JSON no site", body: `{"credentials":{"token":"t"}}`, wantErr: "no site id at credentials.site.id"},
		{name: "JSON array", body: `[1]`, wantErr: "not an object"},
		{name: "invalid JSON", ct: "application/json", body: `{"credentials":`, wantErr: "not valid JSON"},
		{name: "JSON error", body: `{"error":{"summary":"Signin Error","detail":"Error signing in to Tableau Server","code":"401001"}}`, wantErr: "Tableau error 401001: Signin Error: Error signing in to Tableau Server"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseSigninResponse(tc.ct, []byte(tc.body))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseSigninResponse = %+v, %v; want error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		ct     string
		body   string
		want   *APIError
	}{
		{name: "JSON code as string", status: 401, ct: "application/json", body: `{"error":{"summary":"Signin Error","detail":"Error signing in to Tableau Server","code":"401001"}}`,
			want: &APIError{HTTPStatus: 401, Code: "401001", Summary: "Signin Error", Detail: "Error signing in to Tableau Server"}},
		{name: "JSON code as number", status: 401, body: `{"error":{"code":401002,"summary":"Invalid authentication credentials were provided."}}`,
			want: &APIError{HTTPStatus: 401, Code: "401002", Summary: "Invalid authentication credentials were provided."}},
		{name: "XML with callstack", status: 500, body: `<tsResponse xmlns="http://tableau.com/api"><error code="500000"><callstack>x</callstack><summary> Internal </summary><detail>boom</detail></error></tsResponse>`,
			want: &APIError{HTTPStatus: 500, Code: "500000", Summary: "Internal", Detail: "boom"}},
		{name: "XML error without code", status: 400, body: `<tsResponse><error><summary>s</summary></error></tsResponse>`,
			want: &APIError{HTTPStatus: 400, Summary: "s"}},
		{name: "terminal escapes are dropped", status: 401, body: "{\"error\":{\"code\":\"401001\",\"summary\":\"a\\u001b[31mb\\u202ec\",\"detail\":\"line1\\nline2\"}}",
			want: &APIError{HTTPStatus: 401, Code: "401001", Summary: "a[31mbc", Detail: "line1 line2"}},
		{name: "HTML from a proxy", status: 502, ct: "text/html", body: `<html><body>Bad gateway</body></html>`,
			want: &APIError{HTTPStatus: 502, Summary: "Bad Gateway"}},
		{name: "empty 401", status: 401, want: &APIError{HTTPStatus: 401, Summary: "Unauthorized"}},
		{name: "success", status: 200, body: `<tsResponse xmlns="http://tableau.com/api"><credentials token="t"><site id="s"/></credentials></tsResponse>`},
		{name: "204", status: 204},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseError(tc.status, tc.ct, []byte(tc.body))
			if ok != (tc.want != nil) {
				t.Fatalf("ParseError ok = %v, want %v (%+v)", ok, tc.want != nil, got)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestIsSessionExpired(t *testing.T) {
	t.Parallel()
	xmlErr := func(code string) string {
		return `<tsResponse xmlns="http://tableau.com/api"><error code="` + code + `"><summary>s</summary><detail>d</detail></error></tsResponse>`
	}
	tests := []struct {
		name   string
		status int
		body   string
		want   bool
	}{
		{"XML 401002", 401, xmlErr("401002"), true},
		{"JSON 401002", 401, `{"error":{"code":"401002","summary":"s","detail":"d"}}`, true},
		{"missing token", 401, xmlErr("401000"), false},
		{"sign-in refused", 401, xmlErr("401001"), false},
		{"wrong status", 403, xmlErr("401002"), false},
		{"no body", 401, "", false},
	}
	for _, tc := range tests {
		if got := IsSessionExpired(tc.status, "", []byte(tc.body)); got != tc.want {
			t.Errorf("%s: IsSessionExpired = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestExampleResponses keeps the teaching examples honest: they parse, in
// both formats, to the same session through the documented paths.
func TestExampleResponses(t *testing.T) {
	t.Parallel()
	for _, site := range []string{"", "fin&ance"} {
		want := Session{Token: exampleToken, SiteID: exampleSiteID, SiteContentURL: site, UserID: exampleUserID}
		for _, f := range Formats() {
			got, err := ParseSigninResponse(f.MediaType(), ExampleSigninResponse(f, site))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", f, diff)
			}
		}
	}
}

func TestAPIErrorMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e    APIError
		want string
	}{
		{APIError{HTTPStatus: 401, Code: "401001", Summary: "Signin Error", Detail: "Error signing in"}, "Tableau error 401001 (HTTP 401): Signin Error: Error signing in"},
		{APIError{HTTPStatus: 502, Summary: "Bad Gateway"}, "Tableau error (HTTP 502): Bad Gateway"},
		{APIError{Code: "400000", Detail: "bad body"}, "Tableau error 400000: bad body"},
	}
	for _, tc := range tests {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}
