package auth

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

func TestSigninBodyGolden(t *testing.T) {
	t.Parallel()
	const jwt = "eyJhbGciOiJIUzI1NiJ9.e30.sig"
	for _, m := range Methods() {
		for _, f := range Formats() {
			for _, imp := range []string{"", "dd2239f6-ddf1-4107-981a-4cf94e415794"} {
				name := string(m) + "." + string(f)
				if imp != "" {
					if m == MethodJWT {
						continue
					}
					name = string(m) + "-impersonate." + string(f)
				}
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					c := testCredentials()
					c.ImpersonateUserID = imp
					body, ct, err := SigninBody(m, f, c, jwt)
					if err != nil {
						t.Fatal(err)
					}
					if ct != f.MediaType() {
						t.Errorf("content type %q", ct)
					}
					golden(t, filepath.Join("signin", name), body)
					golden(t, filepath.Join("signin-redacted", name), RedactedSigninBody(m, f, c))
					assertNoSecret(t, "redacted body", string(RedactedSigninBody(m, f, c)))
				})
			}
		}
	}
}

// TestSigninBodyRoundTrip proves the escaping: every value survives a
// standard parser unchanged, in both formats.
func TestSigninBodyRoundTrip(t *testing.T) {
	t.Parallel()
	values := []string{
		`plain`, `a"b`, `a'b`, `<tag>`, `&amp;`, "tab\there", "new\nline", "cr\rlf", `back\slash`,
		`]]>`, "emoji 🔑 ü", `{"json":true}`, " leading and trailing ", `$TABLEAU_PASSWORD`, "\u2028\u2029",
	}
	for _, v := range values {
		for _, f := range Formats() {
			c := testCredentials()
			c.Username, c.Password, c.Site, c.ImpersonateUserID = v, v+"pw", "site", v+"id"
			body, _, err := SigninBody(MethodPassword, f, c, "")
			if err != nil {
				t.Fatalf("%q %s: %v", v, f, err)
			}
			got := parseRequestBody(t, f, body)
			want := map[string]string{"name": v, "password": v + "pw", "site": "site", "user": v + "id"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%q in %s does not round-trip (-want +got):\n%s\nbody:\n%s", v, f, diff, body)
			}
		}
	}
}

// parseRequestBody reads a password sign-in body the way a server would.
func parseRequestBody(t *testing.T, f Format, body []byte) map[string]string {
	t.Helper()
	if f == FormatJSON {
		var v struct {
			Credentials struct {
				Name     string `json:"name"`
				Password string `json:"password"`
				Site     struct {
					ContentURL string `json:"contentUrl"`
				} `json:"site"`
				User struct {
					ID string `json:"id"`
				} `json:"user"`
			} `json:"credentials"`
		}
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, body)
		}
		return map[string]string{"name": v.Credentials.Name, "password": v.Credentials.Password, "site": v.Credentials.Site.ContentURL, "user": v.Credentials.User.ID}
	}
	var v struct {
		XMLName     xml.Name `xml:"tsRequest"`
		Credentials struct {
			Name     string `xml:"name,attr"`
			Password string `xml:"password,attr"`
			Site     struct {
				ContentURL string `xml:"contentUrl,attr"`
			} `xml:"site"`
			User struct {
				ID string `xml:"id,attr"`
			} `xml:"user"`
		} `xml:"credentials"`
	}
	if err := xml.Unmarshal(body, &v); err != nil {
		t.Fatalf("invalid XML: %v\n%s", err, body)
	}
	// etree, which the mock server uses, must agree with encoding/xml.
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(body); err != nil {
		t.Fatalf("etree: %v", err)
	}
	if got := doc.FindElement("/tsRequest/credentials").SelectAttrValue("password", ""); got != v.Credentials.Password {
		t.Errorf("etree reads password %q, encoding/xml %q", got, v.Credentials.Password)
	}
	return map[string]string{"name": v.Credentials.Name, "password": v.Credentials.Password, "site": v.Credentials.Site.ContentURL, "user": v.Credentials.User.ID}
}

func TestSigninBodyErrors(t *testing.T) {
	t.Parallel()
	full := testCredentials()
	tests := []struct {
		name    string
		m       Method
		f       Format
		c       Credentials
		jwt     string
		wantErr string
	}{
		{name: "missing password", m: MethodPassword, f: FormatXML, c: Credentials{Username: "a"}, wantErr: EnvPassword},
		{name: "jwt without token", m: MethodJWT, f: FormatJSON, c: full, wantErr: "needs a JWT"},
		{name: "unknown format", m: MethodPAT, f: "yaml", c: full, wantErr: "unknown format"},
		{name: "unknown method", m: "kerberos", f: FormatXML, c: full, wantErr: "unknown sign-in method"},
		{name: "NUL in an XML password", m: MethodPassword, f: FormatXML, c: func() Credentials { c := full; c.Password = testPassword + "\x00"; return c }(), wantErr: "TABLEAU_PASSWORD contains the control character U+0000"},
		{name: "escape char in an XML PAT secret", m: MethodPAT, f: FormatXML, c: func() Credentials { c := full; c.PATSecret = testPATSecret + "\x1b"; return c }(), wantErr: "use --tableau-format json"},
		{name: "invalid UTF-8", m: MethodPassword, f: FormatJSON, c: func() Credentials { c := full; c.Password = testPassword + "\xff"; return c }(), wantErr: "TABLEAU_PASSWORD is not valid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			body, _, err := SigninBody(tc.m, tc.f, tc.c, tc.jwt)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("SigninBody = %q, %v; want an error containing %q", body, err, tc.wantErr)
			}
			assertNoSecret(t, "error", err.Error())
		})
	}
	// JSON carries control characters fine.
	c := full
	c.Password = "a\x00b"
	if _, _, err := SigninBody(MethodPassword, FormatJSON, c, ""); err != nil {
		t.Errorf("JSON with NUL: %v", err)
	}
}

func TestRedactedSigninBodyPlaceholders(t *testing.T) {
	t.Parallel()
	got := string(RedactedSigninBody(MethodPAT, FormatJSON, Credentials{PATSecret: "s3cr3t"}))
	for _, want := range []string{`"personalAccessTokenName": "$TABLEAU_PAT_NAME"`, `"personalAccessTokenSecret": "********"`, `"contentUrl": ""`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "s3cr3t") {
		t.Error("secret shown")
	}
	if RedactedSigninBody("nope", FormatXML, Credentials{}) != nil || RedactedSigninBody(MethodPAT, "yaml", Credentials{}) != nil {
		t.Error("unknown method or format should give nil")
	}
}
