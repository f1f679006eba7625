package auth

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"
)

// fakeTableau is a minimal sign-in endpoint that checks bodies as strictly
// as Tableau documents them. It is not the mock server (package
// mockserver): it exists so this package tests itself alone.
type fakeTableau struct {
	echo bool // put the submitted credentials into error details, like a careless proxy

	mu     sync.Mutex
	tokens map[string]bool
	n      int
}

type fakeCreds struct {
	Name, Password, PATName, PATSecret, JWT, Site, User string
}

func (f *fakeTableau) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	accept := r.Header.Get("Accept")
	respond := func(status int, xmlBody, jsonBody string) {
		if strings.Contains(accept, "json") {
			w.Header().Set("Content-Type", "application/json;charset=utf-8")
			w.WriteHeader(status)
			io.WriteString(w, jsonBody)
			return
		}
		w.Header().Set("Content-Type", "application/xml;charset=utf-8")
		w.WriteHeader(status)
		io.WriteString(w, `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api">`+xmlBody+`</tsResponse>`)
	}
	fail := func(status int, code, summary, detail string) {
		var x strings.Builder
		xml.EscapeText(&x, []byte(detail))
		d, _ := json.Marshal(detail)
		respond(status, `<error code="`+code+`"><summary>`+summary+`</summary><detail>`+x.String()+`</detail></error>`,
			`{"error":{"summary":"`+summary+`","detail":`+string(d)+`,"code":"`+code+`"}}`)
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/api/3.24/auth/signin":
	case r.Method == http.MethodPost && r.URL.Path == "/api/3.24/auth/signout":
		f.mu.Lock()
		ok := f.tokens[r.Header.Get(AuthHeader)]
		delete(f.tokens, r.Header.Get(AuthHeader))
		f.mu.Unlock()
		if !ok {
			fail(401, "401002", "Unauthorized Access", "Invalid authentication credentials were provided.")
			return
		}
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		fail(404, "404003", "Resource Not Found", "Unknown resource '"+r.URL.Path+"' specified in URI.")
		return
	}
	body, _ := io.ReadAll(r.Body)
	ct := r.Header.Get("Content-Type")
	if ct != accept {
		fail(400, "400000", "Bad Request", "Content-Type and Accept differ")
		return
	}
	var c fakeCreds
	if strings.Contains(ct, "json") {
		var v struct {
			Credentials struct {
				Name      string `json:"name"`
				Password  string `json:"password"`
				PATName   string `json:"personalAccessTokenName"`
				PATSecret string `json:"personalAccessTokenSecret"`
				JWT       string `json:"jwt"`
				Site      *struct {
					ContentURL *string `json:"contentUrl"`
				} `json:"site"`
				User struct {
					ID string `json:"id"`
				} `json:"user"`
			} `json:"credentials"`
		}
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil || v.Credentials.Site == nil || v.Credentials.Site.ContentURL == nil {
			fail(400, "400000", "Bad Request", "malformed JSON body")
			return
		}
		cr := v.Credentials
		c = fakeCreds{cr.Name, cr.Password, cr.PATName, cr.PATSecret, cr.JWT, *cr.Site.ContentURL, cr.User.ID}
	} else {
		var v struct {
			XMLName     xml.Name `xml:"tsRequest"`
			Credentials struct {
				Name      string `xml:"name,attr"`
				Password  string `xml:"password,attr"`
				PATName   string `xml:"personalAccessTokenName,attr"`
				PATSecret string `xml:"personalAccessTokenSecret,attr"`
				JWT       string `xml:"jwt,attr"`
				Site      struct {
					ContentURL string `xml:"contentUrl,attr"`
				} `xml:"site"`
				User struct {
					ID string `xml:"id,attr"`
				} `xml:"user"`
			} `xml:"credentials"`
		}
		if err := xml.Unmarshal(body, &v); err != nil {
			fail(400, "400000", "Bad Request", "malformed XML body")
			return
		}
		cr := v.Credentials
		c = fakeCreds{cr.Name, cr.Password, cr.PATName, cr.PATSecret, cr.JWT, cr.Site.ContentURL, cr.User.ID}
	}
	user := "user-admin"
	ok := c.Site == "finance"
	switch {
	case c.Name != "":
		ok = ok && c.Name == "admin" && c.Password == testPassword
	case c.PATName != "":
		ok = ok && c.PATName == "ci-token" && c.PATSecret == testPATSecret
	case c.JWT != "":
		claims := jwt.MapClaims{}
		tok, err := jwt.ParseWithClaims(c.JWT, claims, func(*jwt.Token) (any, error) { return []byte(testSecretValue), nil },
			jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("tableau"), jwt.WithExpirationRequired())
		ok = ok && err == nil && tok.Header["kid"] == "8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
		user = "user-alice"
	default:
		ok = false
	}
	if c.User != "" {
		user = c.User
	}
	if !ok {
		detail := "Error signing in to Tableau Server"
		if f.echo {
			detail += fmt.Sprintf(" (got %s)", body)
		}
		fail(401, "401001", "Signin Error", detail)
		return
	}
	f.mu.Lock()
	f.n++
	token := fmt.Sprintf("session-token-%d", f.n)
	if f.tokens == nil {
		f.tokens = map[string]bool{}
	}
	f.tokens[token] = true
	f.mu.Unlock()
	respond(200, `<credentials token="`+token+`"><site id="site-finance" contentUrl="finance"/><user id="`+user+`"/></credentials>`,
		`{"credentials":{"site":{"id":"site-finance","contentUrl":"finance"},"user":{"id":"`+user+`"},"token":"`+token+`"}}`)
}

func newFake(t *testing.T, echo bool) (*fakeTableau, string) {
	t.Helper()
	f := &fakeTableau{echo: echo}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv.URL + "/api/3.24/auth/signin"
}

func TestSignerAllCombinations(t *testing.T) {
	t.Parallel()
	_, url := newFake(t, false)
	for _, m := range Methods() {
		for _, f := range Formats() {
			t.Run(string(m)+"-"+string(f), func(t *testing.T) {
				t.Parallel()
				red := NewRedactor()
				s, err := NewSigner(m, f, testCredentials(), red)
				if err != nil {
					t.Fatal(err)
				}
				sess, err := s.SignIn(context.Background(), url)
				if err != nil {
					t.Fatal(err)
				}
				wantUser := "user-admin"
				if m == MethodJWT {
					wantUser = "user-alice"
				}
				if sess.SiteID != "site-finance" || sess.SiteContentURL != "finance" || sess.UserID != wantUser || !strings.HasPrefix(sess.Token, "session-token-") {
					t.Errorf("session %+v", sess)
				}
				if got := red.String("X-Tableau-Auth: " + sess.Token); got != "X-Tableau-Auth: ********" {
					t.Errorf("token not registered with the redactor: %q", got)
				}
				assertNoSecret(t, "redacted secrets", red.String(testPassword+testPATSecret+testSecretValue))
				if err := s.SignOut(context.Background(), SignoutURL(url), sess); err != nil {
					t.Errorf("SignOut: %v", err)
				}
				if err := s.SignOut(context.Background(), SignoutURL(url), sess); err == nil || !strings.Contains(err.Error(), "401002") || strings.Contains(err.Error(), sess.Token) {
					t.Errorf("second SignOut: %v", err)
				}
			})
		}
	}
}

func TestSignerPrepare(t *testing.T) {
	t.Parallel()
	red := NewRedactor()
	now := time.Unix(1_700_000_000, 0)
	s, err := NewSigner(MethodJWT, FormatJSON, testCredentials(), red)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return now }
	a, err := s.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Prepare()
	if a.JWT == "" || a.JWT == b.JWT {
		t.Error("each Prepare must mint a new JWT")
	}
	if !strings.Contains(string(a.Body), `"jwt": "`+a.JWT+`"`) {
		t.Errorf("body does not carry the JWT:\n%s", a.Body)
	}
	if red.String(a.JWT) != Mask || red.String(b.JWT) != Mask {
		t.Error("minted JWTs are not registered with the redactor")
	}
	if d, _ := DecodeJWT(a.JWT); !d.ExpiresAt.Equal(now.Add(5 * time.Minute)) {
		t.Errorf("Now not used: exp %v", d.ExpiresAt)
	}
	if diff := cmp.Diff(http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}}, a.Header()); diff != "" {
		t.Errorf("headers (-want +got):\n%s", diff)
	}
	req, err := a.NewRequest(context.Background(), "https://x/api/3.24/auth/signin")
	if err != nil || req.Method != http.MethodPost || req.Header.Get("Accept") != "application/json" {
		t.Errorf("NewRequest = %v, %v", req, err)
	}
}

func TestSignerFailures(t *testing.T) {
	t.Parallel()
	_, url := newFake(t, true)
	tests := []struct {
		name     string
		m        Method
		f        Format
		edit     func(*Credentials)
		url      string
		wantCode string
		wantHint []string
	}{
		{"wrong password", MethodPassword, FormatXML, func(c *Credentials) { c.Password = testPassword + "x" }, url, "401001", []string{EnvUsername, EnvPassword, EnvSite}},
		{"wrong PAT secret", MethodPAT, FormatJSON, func(c *Credentials) { c.PATSecret = testPATSecret + "x" }, url, "401001", []string{EnvPATName, EnvPATSecret}},
		{"wrong connected-app secret", MethodJWT, FormatXML, func(c *Credentials) { c.SecretValue = testSecretValue + "x" }, url, "401001", []string{EnvClientID, EnvSecretID, EnvSecretValue, EnvJWTSubject}},
		{"unknown site", MethodPAT, FormatXML, func(c *Credentials) { c.Site = "nosuchsite" }, url, "401001", []string{EnvSite, "contentUrl"}},
		{"impersonation refused", MethodPassword, FormatJSON, func(c *Credentials) { c.Password = "nope"; c.ImpersonateUserID = "u-2" }, url, "401001", []string{"server administrator"}},
		{"wrong URL", MethodPassword, FormatJSON, nil, strings.TrimSuffix(url, "/auth/signin") + "/auth/sign-in", "404003", []string{EnvServer, "API version"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := testCredentials()
			if tc.edit != nil {
				tc.edit(&c)
			}
			s, err := NewSigner(tc.m, tc.f, c, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.SignIn(context.Background(), tc.url)
			var se *SigninError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SigninError", err)
			}
			var api *APIError
			if !errors.As(err, &api) || api.Code != tc.wantCode {
				t.Fatalf("error %v: want Tableau code %s", err, tc.wantCode)
			}
			for _, h := range tc.wantHint {
				if !strings.Contains(err.Error(), h) {
					t.Errorf("message does not mention %s:\n%s", h, err)
				}
			}
			assertNoSecret(t, "error", err.Error())
			for _, sec := range c.Secrets() {
				if strings.Contains(err.Error(), sec) {
					t.Errorf("message contains the wrong secret %q:\n%s", sec, err)
				}
			}
		})
	}
}

func TestSignerTransportAndGarbage(t *testing.T) {
	t.Parallel()
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "OK "+testPassword)
	}))
	defer garbage.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()

	for name, url := range map[string]string{"garbage": garbage.URL + "/api/3.24/auth/signin", "closed": closed.URL + "/api/3.24/auth/signin"} {
		s, err := NewSigner(MethodPassword, FormatXML, testCredentials(), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.SignIn(context.Background(), url)
		var se *SigninError
		if !errors.As(err, &se) || se.API != nil {
			t.Errorf("%s: error %v, want a *SigninError without APIError", name, err)
			continue
		}
		assertNoSecret(t, name, err.Error())
	}
}

func TestReadResponseRedactsEcho(t *testing.T) {
	t.Parallel()
	s, err := NewSigner(MethodPassword, FormatJSON, testCredentials(), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"error": map[string]string{"code": "401001", "summary": "Signin Error for " + testPassword, "detail": "you sent " + testPassword}})
	_, err = s.ReadResponse(401, "application/json", body)
	if err == nil {
		t.Fatal("want an error")
	}
	assertNoSecret(t, "error", err.Error())
	if !strings.Contains(err.Error(), Mask) {
		t.Errorf("echoed secret should show as the mask: %s", err)
	}
}

func TestNewSignerChecks(t *testing.T) {
	t.Parallel()
	if _, err := NewSigner(MethodPAT, FormatXML, Credentials{}, nil); err == nil || !strings.Contains(err.Error(), EnvPATSecret) {
		t.Errorf("NewSigner without credentials: %v", err)
	}
	if _, err := NewSigner(MethodPAT, "csv", testCredentials(), nil); err == nil {
		t.Error("NewSigner with a bad format succeeded")
	}
}

func TestSessionVariables(t *testing.T) {
	t.Parallel()
	s := Session{Token: "t", SiteID: "s", SiteContentURL: "c", UserID: "u"}
	if diff := cmp.Diff(map[string]string{"api-key": "t", "site-id": "s", "user-id": "u"}, s.Variables(DefaultVariableNames)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"tok": "t"}, s.Variables(VariableNames{Token: "tok"})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestSigninErrorHints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e    SigninError
		want string
	}{
		{SigninError{Method: MethodPAT, Format: FormatJSON, API: &APIError{HTTPStatus: 400, Code: "400000"}}, "colrun tableau signin-body --method pat --format json"},
		{SigninError{Method: MethodPAT, API: &APIError{HTTPStatus: 405}}, "only accepts POST"},
		{SigninError{Method: MethodPAT, API: &APIError{HTTPStatus: 502, Summary: "Bad Gateway"}}, "did not come from Tableau's REST API"},
		{SigninError{Method: MethodPAT, Err: errors.New("dial tcp: connection refused")}, "can reach it"},
		{SigninError{Method: MethodPassword, Site: "fin", API: &APIError{HTTPStatus: 401, Code: "401001"}}, `to site "fin" failed`},
	}
	for _, tc := range tests {
		if got := tc.e.Error(); !strings.Contains(got, tc.want) {
			t.Errorf("Error() = %q, want it to contain %q", got, tc.want)
		}
	}
}

// A secret shorter than MinSecretLength is refused before any request:
// masking a one-letter PAT secret would mask that letter in every word.
func TestShortSecretsAreRefused(t *testing.T) {
	t.Parallel()
	c := testCredentials()
	c.PATSecret = "y"
	_, err := NewSigner(MethodPAT, FormatXML, c, nil)
	if err == nil || !strings.Contains(err.Error(), EnvPATSecret) || !strings.Contains(err.Error(), "too short (1 of at least 4") {
		t.Fatalf("err = %v, want one naming %s and its length", err, EnvPATSecret)
	}
	c.PATSecret = "abcd"
	if _, err := NewSigner(MethodPAT, FormatXML, c, nil); err != nil {
		t.Fatalf("a %d-character secret was refused: %v", MinSecretLength, err)
	}
}

// Values a run cannot use are refused by NewSigner, before the run and
// its reports start, naming the variable and never showing the value.
func TestNewSignerRefusesUnusableSecrets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		m       Method
		f       Format
		set     func(*Credentials)
		wantErr string
	}{
		{"blank PAT secret", MethodPAT, FormatJSON, func(c *Credentials) { c.PATSecret = "    " }, "TABLEAU_PAT_SECRET is only white space"},
		{"blank password with a newline", MethodPassword, FormatXML, func(c *Credentials) { c.Password = " \t\n  " }, "TABLEAU_PASSWORD is only white space"},
		{"invalid UTF-8 password", MethodPassword, FormatJSON, func(c *Credentials) { c.Password = "made-up\xff\xfe" }, "TABLEAU_PASSWORD is not valid UTF-8"},
		{"control character in XML", MethodPAT, FormatXML, func(c *Credentials) { c.PATSecret = "made\x01up" }, "TABLEAU_PAT_SECRET contains the control character U+0001"},
		{"invalid UTF-8 site", MethodJWT, FormatJSON, func(c *Credentials) { c.Site = "fin\xff" }, "TABLEAU_SITE is not valid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := testCredentials()
			tc.set(&c)
			_, err := NewSigner(tc.m, tc.f, c, nil)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("NewSigner: %v, want an error containing %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), "made") {
				t.Errorf("the error shows the value: %v", err)
			}
		})
	}
	c := testCredentials()
	c.PATSecret = "made\x01up"
	if _, err := NewSigner(MethodPAT, FormatJSON, c, nil); err != nil {
		t.Errorf("JSON carries a control character, but NewSigner refused it: %v", err)
	}
}

// Sign-in and sign-out connections are closed after their answer: on a
// kept connection, net/http logs bytes a broken server sends after its
// answer (an echo of the sign-in body, password and all) on stderr,
// where colrun cannot mask them.
func TestSigninConnectionsAreNotKept(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	kept := map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		kept[r.URL.Path] = !r.Close
		mu.Unlock()
		if strings.HasSuffix(r.URL.Path, "/signout") {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		io.WriteString(w, `<tsResponse xmlns="http://tableau.com/api"><credentials token="made-up-token"><site id="s" contentUrl=""/><user id="u"/></credentials></tsResponse>`)
	}))
	t.Cleanup(srv.Close)
	s, err := NewSigner(MethodPAT, FormatXML, testCredentials(), nil)
	if err != nil {
		t.Fatal(err)
	}
	url := srv.URL + "/api/3.24/auth/signin"
	sess, err := s.SignIn(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SignOut(context.Background(), SignoutURL(url), sess); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"/api/3.24/auth/signin": false, "/api/3.24/auth/signout": false}
	if d := cmp.Diff(want, kept); d != "" {
		t.Errorf("connection kept after the answer (-want +got):\n%s", d)
	}
}

// A token shorter than MinSecretLength is not masked: a server answering
// with the token "e" would otherwise blank every e of the run's output.
func TestReadResponseShortTokens(t *testing.T) {
	t.Parallel()
	tests := []struct{ token, text, want string }{
		{"e", "the sentence", "the sentence"},
		{"abc", "abc def", "abc def"},
		{"made-up-token", "token made-up-token", "token ********"},
	}
	for _, tc := range tests {
		s, err := NewSigner(MethodPAT, FormatXML, testCredentials(), nil)
		if err != nil {
			t.Fatal(err)
		}
		body := `<tsResponse xmlns="http://tableau.com/api"><credentials token="` + tc.token + `"><site id="s" contentUrl=""/><user id="u"/></credentials></tsResponse>`
		sess, err := s.ReadResponse(200, "application/xml", []byte(body))
		if err != nil || sess.Token != tc.token {
			t.Fatalf("token %q: session %+v, error %v", tc.token, sess, err)
		}
		if got := s.Redactor.String(tc.text); got != tc.want {
			t.Errorf("token %q: %q masked as %q, want %q", tc.token, tc.text, got, tc.want)
		}
	}
}
