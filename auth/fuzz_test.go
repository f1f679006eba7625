package auth

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// addFixtureSeeds seeds a fuzzer with the real sign-in and error responses
// when ../shared is present.
func addFixtureSeeds(f *testing.F, add func(ct string, body []byte)) {
	for _, name := range []string{"auth_sign_in.xml", "auth_sign_in_error.xml", "auth_sign_in_impersonate.xml", "server_info_404.xml"} {
		if b, err := os.ReadFile(filepath.Join(responsesDir, name)); err == nil {
			add("application/xml;charset=utf-8", b)
		}
	}
	add("application/json", ExampleSigninResponse(FormatJSON, "s"))
	add("", ExampleSigninResponse(FormatXML, ""))
	add("application/json", []byte(`{"error":{"code":"401002","summary":"s","detail":"d"}}`))
	add("", []byte(`<t:tsResponse xmlns:t="http://tableausoftware.com/api"><t:error code="1"/></t:tsResponse>`))
}

func FuzzParseSigninResponse(f *testing.F) {
	addFixtureSeeds(f, func(ct string, b []byte) { f.Add(ct, b) })
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		s, err := ParseSigninResponse(ct, body)
		if err == nil && (s.Token == "" || s.SiteID == "") {
			t.Errorf("success without token or site id: %+v", s)
		}
	})
}

func FuzzParseError(f *testing.F) {
	addFixtureSeeds(f, func(ct string, b []byte) { f.Add(401, ct, b) })
	f.Fuzz(func(t *testing.T, status int, ct string, body []byte) {
		e, ok := ParseError(status, ct, body)
		if ok != (e != nil) {
			t.Fatalf("ok %v with error %v", ok, e)
		}
		if status >= 400 && !ok {
			t.Errorf("status %d not reported as an error", status)
		}
		if e != nil {
			for _, s := range []string{e.Summary, e.Detail, e.Code} {
				for _, r := range s {
					if r < 0x20 || r == 0x7f {
						t.Errorf("control character %U kept in %q", r, s)
					}
				}
			}
		}
		_ = IsSessionExpired(status, ct, body)
	})
}

// FuzzSigninBodyRoundTrip: whatever the values, a body either is refused
// with an error naming no secret, or parses back to exactly those values.
func FuzzSigninBodyRoundTrip(f *testing.F) {
	f.Add("admin", `p"&<>'`, "site", "id", false)
	f.Add("a\tb\nc", "\x00", "", "", true)
	f.Add("\xff", "pw", "s", "", false)
	f.Fuzz(func(t *testing.T, name, password, site, user string, asJSON bool) {
		if name == "" || password == "" || strings.ContainsAny(site, "/ \t\n#?") {
			return // refused by Check, tested elsewhere
		}
		format := FormatXML
		if asJSON {
			format = FormatJSON
		}
		c := Credentials{Username: name, Password: password, Site: site, ImpersonateUserID: user}
		body, _, err := SigninBody(MethodPassword, format, c, "")
		if err != nil {
			if len(password) >= 8 && strings.Contains(err.Error(), password) {
				t.Errorf("error shows the password: %v", err)
			}
			if asJSON && utf8.ValidString(name) && utf8.ValidString(password) && utf8.ValidString(site) && utf8.ValidString(user) {
				t.Errorf("valid UTF-8 refused in JSON: %v", err)
			}
			return
		}
		got := parseRequestBody(t, format, body)
		want := map[string]string{"name": name, "password": password, "site": site, "user": user}
		// encoding/xml normalises a literal CR only in text, and
		// attribute values are all escaped, so nothing is lost.
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("round trip (-want +got):\n%s\nbody:\n%s", diff, body)
		}
	})
}

// FuzzRedactorWriter: however a stream is split into writes, the output is
// what String makes of the whole, and holds no registered secret.
func FuzzRedactorWriter(f *testing.F) {
	f.Add("hunter2", "ab", "pw=hunter2 abab hunter", []byte{3, 1, 7})
	f.Add("x\ny", "yy", "x\nyy\nx\ny", []byte{1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, s1, s2, in string, cuts []byte) {
		if strings.Contains(s1+s2, "*") {
			return // a secret made of the mask's own characters can appear around a mask
		}
		r := NewRedactor(s1, s2)
		want := r.String(in)
		var out bytes.Buffer
		w := r.Writer(&out)
		rest := in
		for _, c := range cuts {
			n := min(int(c), len(rest))
			w.Write([]byte(rest[:n]))
			rest = rest[n:]
		}
		w.Write([]byte(rest))
		w.Close()
		if out.String() != want {
			t.Fatalf("writer %q != String %q", out.String(), want)
		}
		for _, s := range []string{s1, s2} {
			if s != "" && strings.Contains(want, s) {
				t.Errorf("secret %q survives in %q", s, want)
			}
		}
	})
}

func FuzzIsSigninRequest(f *testing.F) {
	f.Add("POST", "https://x/api/3.24/auth/signin")
	f.Add("post", "{{server}}/api/exp/AUTH/SIGNIN/?a")
	f.Fuzz(func(t *testing.T, method, url string) {
		if IsSigninRequest(method, url) && (IsSignoutRequest(method, url) || IsSwitchSiteRequest(method, url)) {
			t.Errorf("%s %s is two kinds of request", method, url)
		}
	})
}
