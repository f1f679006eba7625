package mockserver

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"
)

func TestPasswordSignIn(t *testing.T) {
	t.Parallel()
	d := DefaultData()
	d.PATs = append(d.PATs, PAT{Name: "alice-pat", Secret: "alice-pat-secret", UserID: DemoAliceID})
	m := newMock(t, Config{Data: d})
	impersonate := func(id string) string {
		return `<user id="` + id + `"/>`
	}
	tests := []struct {
		name     string
		body     string
		status   int
		code     string
		wantSite string
		wantUser string
	}{
		{"admin on default", passwordBody("admin", "admin-password", ""), 200, "", DemoDefaultSiteID, DemoAdminID},
		{"alice on samples", passwordBody("alice", "alice-password", "Samples"), 200, "", DemoSamplesSiteID, DemoAliceID},
		{"content url in any case", passwordBody("alice", "alice-password", "samples"), 200, "", DemoSamplesSiteID, DemoAliceID},
		{"user name in any case", passwordBody("ADMIN", "admin-password", ""), 200, "", DemoDefaultSiteID, DemoAdminID},
		{"wrong password", passwordBody("admin", "alice-password", ""), 401, "401001", "", ""},
		{"empty password", passwordBody("admin", "", ""), 401, "401001", "", ""},
		{"password in other case", passwordBody("admin", "ADMIN-PASSWORD", ""), 401, "401001", "", ""},
		{"unknown user", passwordBody("bob", "admin-password", ""), 401, "401001", "", ""},
		{"unknown site", passwordBody("admin", "admin-password", "nowhere"), 401, "401001", "", ""},
		{"missing password", signinXML(`name="admin"`, "", ""), 400, "400000", "", ""},
		{"missing credentials attributes", signinXML(``, "", ""), 400, "400000", "", ""},
		{"missing site", `<tsRequest><credentials name="admin" password="admin-password"/></tsRequest>`, 400, "400000", "", ""},
		{"two kinds of credentials", signinXML(`name="admin" password="admin-password" jwt="x"`, "", ""), 400, "400000", "", ""},
		{"admin impersonates alice", signinXML(`name="admin" password="admin-password"`, "", impersonate(DemoAliceID)), 200, "", DemoDefaultSiteID, DemoAliceID},
		{"alice may not impersonate", signinXML(`name="alice" password="alice-password"`, "", impersonate(DemoAdminID)), 401, "401001", "", ""},
		{"impersonating nobody", signinXML(`name="admin" password="admin-password"`, "", impersonate("00000000-0000-0000-0000-000000000000")), 401, "401001", "", ""},
		// Tableau lets server administrators impersonate with a PAT too.
		{"admin impersonates with a PAT", signinXML(`personalAccessTokenName="mock-pat" personalAccessTokenSecret="mock-pat-secret"`, "", impersonate(DemoAliceID)), 200, "", DemoDefaultSiteID, DemoAliceID},
		{"alice's PAT may not impersonate", signinXML(`personalAccessTokenName="alice-pat" personalAccessTokenSecret="alice-pat-secret"`, "", impersonate(DemoAdminID)), 401, "401001", "", ""},
		{"JWT may not impersonate", signinXML(`jwt="x"`, "", impersonate(DemoAliceID)), 401, "401001", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, asJSON := range []bool{false, true} {
				r := m.do(req{method: "POST", path: "auth/signin", body: tt.body, json: asJSON})
				if tt.status != 200 {
					r.wantError(t, tt.status, tt.code)
					if tt.code == "401001" {
						// One message whatever was wrong.
						want := `{"error":{"summary":"Signin Error","detail":"Error signing in to Tableau Server","code":"401001"}}`
						if asJSON && compactJSON(r.body) != want {
							t.Errorf("body = %s, want %s", r.body, want)
						}
					}
					continue
				}
				r.wantStatus(t, 200)
				var got [3]string
				if asJSON {
					j := r.jsonMap(t)
					for i, k := range [][]any{{"token"}, {"site", "id"}, {"user", "id"}} {
						got[i], _ = dig(j["credentials"], k...).(string)
					}
				} else {
					doc := r.xml(t)
					got = [3]string{attrAt(t, doc, "//credentials", "token"), attrAt(t, doc, "//credentials/site", "id"), attrAt(t, doc, "//credentials/user", "id")}
				}
				if len(got[0]) != 32 || got[1] != tt.wantSite || got[2] != tt.wantUser {
					t.Errorf("credentials = %q, want a token, site %s, user %s", got, tt.wantSite, tt.wantUser)
				}
			}
		})
	}
}

// TestSignInRefusalLogged checks that the mock's log says why it refused
// a sign-in, as it did only for JWTs: Tableau answers 401001 (or 400000)
// whatever was wrong, so someone pointing their own client at the mock
// could not tell a wrong site from a wrong password or a body without
// its site. The log never shows the password or the token's secret.
func TestSignInRefusalLogged(t *testing.T) {
	t.Parallel()
	d := DefaultData()
	d.PATs = append(d.PATs,
		PAT{Name: "revoked-pat", Secret: "revoked-pat-secret", UserID: DemoAliceID, Revoked: true},
		PAT{Name: "old-pat", Secret: "old-pat-secret", UserID: DemoAliceID, ExpiresAt: testEpoch.Add(-time.Hour)})
	d.Users = append(d.Users, User{ID: "5a0c7d3e-1f2b-4c5d-8e9f-0a1b2c3d4e5f", Name: "robot", SiteRole: "Viewer"})
	tests := []struct {
		name, body string
		json       bool
		code       string
		log        string // the reason as the log quotes it
	}{
		{"wrong site", passwordBody("admin", "admin-password", "finance"), false, "401001",
			`msg="sign-in refused" reason="no site has contentUrl \"finance\" (the sites' are \"\", \"Samples\")"`},
		{"wrong password", passwordBody("admin", "secret-typo", ""), false, "401001",
			`msg="password sign-in refused" reason="wrong password for user \"admin\""`},
		{"user without a password", passwordBody("robot", "secret-typo", ""), false, "401001",
			`msg="password sign-in refused" reason="user \"robot\" has no password in the mock's data, so signs in only with a personal access token or a JWT"`},
		{"unknown user", passwordBody("bob", "secret-typo", ""), false, "401001",
			`msg="password sign-in refused" reason="no user is named \"bob\""`},
		{"not impersonating as alice", signinXML(`name="alice" password="alice-password"`, "", `<user id="`+DemoAdminID+`"/>`), false, "401001",
			`msg="password sign-in refused" reason="user \"alice\" may not impersonate: only server administrators may"`},
		{"unknown PAT", patBody("nopat", "secret-typo", ""), false, "401001",
			`msg="PAT sign-in refused" reason="no personal access token is named \"nopat\""`},
		{"wrong PAT secret", patBody("mock-pat", "secret-typo", ""), false, "401001",
			`msg="PAT sign-in refused" reason="wrong secret for personal access token \"mock-pat\""`},
		{"revoked PAT", patBody("revoked-pat", "revoked-pat-secret", ""), false, "401001",
			`msg="PAT sign-in refused" reason="personal access token \"revoked-pat\" is revoked"`},
		{"expired PAT", patBody("old-pat", "old-pat-secret", ""), false, "401001",
			`msg="PAT sign-in refused" reason="personal access token \"old-pat\" expired at 2025-06-01T11:00:00Z"`},
		{"JSON without site", `{"credentials":{"name":"admin","password":"secret-typo"}}`, true, "400000",
			`msg="sign-in refused" reason="the credentials have no site (<site contentUrl=\"\"/>, or \"site\":{\"contentUrl\":\"\"} in JSON)"`},
		{"JSON without credentials", `{"tsRequest":{}}`, true, "400000",
			`msg="sign-in refused" reason="the body has no credentials (<tsRequest><credentials .../></tsRequest>, or {\"credentials\":{...}} with a JSON Content-Type)"`},
		{"name without password", signinXML(`name="admin"`, "", ""), false, "400000",
			`msg="sign-in refused" reason="the credentials need both name and password"`},
		{"two kinds", signinXML(`name="admin" password="secret-typo" personalAccessTokenName="mock-pat" personalAccessTokenSecret="secret-typo"`, "", ""), false, "400000",
			`msg="sign-in refused" reason="the credentials mix kinds: name and password, personalAccessTokenName and personalAccessTokenSecret, or jwt, one only"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var log syncBuffer
			m := newMock(t, Config{Data: d, Logger: slog.New(slog.NewTextHandler(&log, nil))})
			r := req{method: "POST", path: "auth/signin", body: tt.body}
			if tt.json {
				r.contentType = "application/json"
			}
			m.do(r).wantError(t, map[string]int{"401001": 401, "400000": 400}[tt.code], tt.code)
			if !strings.Contains(log.String(), tt.log) {
				t.Errorf("log lacks %s:\n%s", tt.log, log.String())
			}
			if strings.Contains(log.String(), "secret-typo") {
				t.Errorf("log shows the secret:\n%s", log.String())
			}
		})
	}
}

func TestSignInXMLAttributeOrder(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	r := m.do(req{method: "POST", path: "auth/signin", body: passwordBody("admin", "admin-password", "Samples")})
	doc := r.xml(t)
	var order []string
	for _, a := range doc.FindElement("//credentials").Attr {
		order = append(order, a.Key)
	}
	for _, a := range doc.FindElement("//credentials/site").Attr {
		order = append(order, "site."+a.Key)
	}
	if diff := cmp.Diff([]string{"token", "estimatedTimeToExpiration", "site.id", "site.contentUrl"}, order); diff != "" {
		t.Errorf("attribute order (-want +got):\n%s", diff)
	}
}

// TestEstimatedTimeToExpiration checks the attribute Tableau 3.x puts on
// the credentials of every sign-in and site switch (tableauCredentialsType
// in the 3.29 XSD): the session's idle limit as hours:minutes:seconds, the
// layout of responses captured from Tableau ("2:00:00", "364:00:42"), in
// XML and in JSON, where it follows the token.
func TestEstimatedTimeToExpiration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		ttl  time.Duration
		body string
		want string
	}{
		{"default idle limit, password", 0, passwordBody("admin", "admin-password", ""), "4:00:00"},
		{"PAT", 0, patBody("mock-pat", "mock-pat-secret", ""), "4:00:00"},
		{"two hours", 2 * time.Hour, passwordBody("admin", "admin-password", ""), "2:00:00"},
		{"past a day, odd seconds", 364*time.Hour + 42*time.Second, passwordBody("admin", "admin-password", ""), "364:00:42"},
		{"minutes", 90*time.Minute + 5*time.Second, passwordBody("alice", "alice-password", "Samples"), "1:30:05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{SessionTTL: tt.ttl})
			doc := m.do(req{method: "POST", path: "auth/signin", body: tt.body}).xml(t)
			if got := attrAt(t, doc, "//credentials", "estimatedTimeToExpiration"); got != tt.want {
				t.Errorf("XML estimatedTimeToExpiration = %q, want %q", got, tt.want)
			}
			r := m.do(req{method: "POST", path: "auth/signin", body: tt.body, json: true})
			if got := dig(r.jsonMap(t), "credentials", "estimatedTimeToExpiration"); got != tt.want {
				t.Errorf("JSON estimatedTimeToExpiration = %v, want %q", got, tt.want)
			}
			token := dig(r.jsonMap(t), "credentials", "token").(string)
			if !strings.Contains(string(r.body), `"token":"`+token+`","estimatedTimeToExpiration":"`+tt.want+`"}`) {
				t.Errorf("JSON credentials do not end with token then estimatedTimeToExpiration: %s", r.body)
			}
		})
	}
	t.Run("switch site", func(t *testing.T) {
		t.Parallel()
		m := newMock(t, Config{SessionTTL: 30 * time.Minute})
		token, _ := m.admin("")
		r := m.do(req{method: "POST", path: "auth/switchSite", token: token, body: `<tsRequest><site contentUrl="Samples"/></tsRequest>`})
		r.wantStatus(t, 200)
		if got := attrAt(t, r.xml(t), "//credentials", "estimatedTimeToExpiration"); got != "0:30:00" {
			t.Errorf("estimatedTimeToExpiration = %q, want %q", got, "0:30:00")
		}
	})
}

func TestPATSignIn(t *testing.T) {
	t.Parallel()
	d := DefaultData()
	d.PATs = append(d.PATs,
		PAT{Name: "revoked", Secret: "s", UserID: DemoAdminID, Revoked: true},
		PAT{Name: "expired", Secret: "s", UserID: DemoAdminID, ExpiresAt: testEpoch.Add(-time.Second)},
		PAT{Name: "later", Secret: "s", UserID: DemoAliceID, ExpiresAt: testEpoch.Add(time.Hour)},
	)
	m := newMock(t, Config{Data: d})
	tests := []struct {
		name, body string
		status     int
	}{
		{"demo pat", patBody(DemoPATName, DemoPATSecret, ""), 200},
		{"not yet expired", patBody("later", "s", "Samples"), 200},
		{"wrong secret", patBody(DemoPATName, "nope", ""), 401},
		{"unknown name", patBody("nope", DemoPATSecret, ""), 401},
		{"revoked", patBody("revoked", "s", ""), 401},
		{"expired", patBody("expired", "s", ""), 401},
		{"unknown site", patBody(DemoPATName, DemoPATSecret, "nowhere"), 401},
		{"secret missing", signinXML(`personalAccessTokenName="mock-pat"`, "", ""), 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{method: "POST", path: "auth/signin", body: tt.body})
			switch tt.status {
			case 200:
				r.wantStatus(t, 200)
			case 401:
				r.wantError(t, 401, "401001")
			default:
				r.wantError(t, 400, "400000")
			}
		})
	}
}

func TestSecondPATSignInEndsFirstSession(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	first, _ := m.signIn(patBody(DemoPATName, DemoPATSecret, ""))
	m.do(req{path: "sessions/current", token: first}).wantStatus(t, 200)
	second, _ := m.signIn(patBody(DemoPATName, DemoPATSecret, "Samples"))
	m.do(req{path: "sessions/current", token: first}).wantError(t, 401, "401002")
	m.do(req{path: "sessions/current", token: second}).wantStatus(t, 200)
	// Password sessions of the same user are not affected.
	pw, _ := m.admin("")
	m.signIn(patBody(DemoPATName, DemoPATSecret, ""))
	m.do(req{path: "sessions/current", token: pw}).wantStatus(t, 200)
}

func TestJWTSignIn(t *testing.T) {
	t.Parallel()
	d := DefaultData()
	d.ConnectedApps = append(d.ConnectedApps,
		ConnectedApp{ClientID: "11111111-1111-4111-8111-111111111111", Disabled: true,
			Secrets: []ConnectedAppSecret{{ID: "22222222-2222-4222-8222-222222222222", Value: "disabled-secret"}}},
		ConnectedApp{ClientID: "33333333-3333-4333-8333-333333333333", SiteIDs: []string{DemoSamplesSiteID},
			Secrets: []ConnectedAppSecret{{ID: "44444444-4444-4444-8444-444444444444", Value: "samples-secret"}}},
	)
	m := newMock(t, Config{Data: d, ClockSkew: time.Minute})
	now := testEpoch
	otherApp := func(s *jwtSpec, kid, iss, secret string) {
		s.header["kid"], s.header["iss"], s.claims["iss"], s.key = kid, iss, iss, []byte(secret)
	}
	tests := []struct {
		name   string
		mutate func(s *jwtSpec)
		site   string
		// reason is part of the operator log line of a refused token,
		// which proves it was refused for the rule under test; "" for a
		// token that must sign in.
		reason string
	}{
		{"valid", func(s *jwtSpec) {}, "", ""},
		{"iss in header only", func(s *jwtSpec) { delete(s.claims, "iss") }, "", ""},
		{"iss in claims only", func(s *jwtSpec) { s.header["iss"] = nil }, "", ""},
		{"aud as a list", func(s *jwtSpec) { s.claims["aud"] = []string{"tableau"} }, "", ""},
		{"several scopes", func(s *jwtSpec) { s.claims["scp"] = []string{"tableau:views:read", "tableau:users:*"} }, "", ""},
		{"nbf within skew", func(s *jwtSpec) { s.claims["nbf"] = now.Add(30 * time.Second).Unix() }, "", ""},
		{"exp ten minutes ahead", func(s *jwtSpec) { s.claims["exp"] = now.Add(10 * time.Minute).Unix() }, "", ""},
		{"sub in its exact case", func(s *jwtSpec) { s.claims["sub"] = DemoAliceName }, "", ""},
		{"exp just past within skew", func(s *jwtSpec) { s.claims["exp"] = now.Add(-30 * time.Second).Unix() }, "", ""},
		{"app limited to its site", func(s *jwtSpec) {
			otherApp(s, "44444444-4444-4444-8444-444444444444", "33333333-3333-4333-8333-333333333333", "samples-secret")
		}, "Samples", ""},

		{"alg none", func(s *jwtSpec) { s.method, s.key = jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType }, "", "signing method none is invalid"},
		{"alg HS512", func(s *jwtSpec) { s.method = jwt.SigningMethodHS512 }, "", "signing method HS512 is invalid"},
		{"alg HS384", func(s *jwtSpec) { s.method = jwt.SigningMethodHS384 }, "", "signing method HS384 is invalid"},
		{"wrong kid", func(s *jwtSpec) { s.header["kid"] = "8a1b2c3d-4e5f-6a7b-8c9d-000000000000" }, "", "no connected app secret id"},
		{"no kid", func(s *jwtSpec) { s.header["kid"] = nil }, "", "no connected app secret id"},
		{"wrong secret", func(s *jwtSpec) { s.key = []byte("not-the-secret") }, "", "signature is invalid"},
		{"iss mismatch in claims", func(s *jwtSpec) { s.claims["iss"] = "someone-else" }, "", "iss is not the client id"},
		{"iss mismatch in header", func(s *jwtSpec) { s.header["iss"] = "someone-else" }, "", "iss is not the client id"},
		{"no iss at all", func(s *jwtSpec) { s.header["iss"] = nil; delete(s.claims, "iss") }, "", "iss is not the client id"},
		{"wrong aud", func(s *jwtSpec) { s.claims["aud"] = "tableau-online" }, "", "token has invalid audience"},
		{"no aud", func(s *jwtSpec) { delete(s.claims, "aud") }, "", "aud claim is required"},
		{"no exp", func(s *jwtSpec) { delete(s.claims, "exp") }, "", "exp claim is required"},
		{"exp past", func(s *jwtSpec) { s.claims["exp"] = now.Add(-5 * time.Minute).Unix() }, "", "token is expired"},
		{"exp too far ahead", func(s *jwtSpec) { s.claims["exp"] = now.Add(12 * time.Minute).Unix() }, "", "more than 10m0s ahead"},
		// The clock skew must not stretch the 10-minute limit.
		{"exp eleven minutes ahead", func(s *jwtSpec) { s.claims["exp"] = now.Add(11 * time.Minute).Unix() }, "", "more than 10m0s ahead"},
		{"exp ten minutes and a second ahead", func(s *jwtSpec) { s.claims["exp"] = now.Add(10*time.Minute + time.Second).Unix() }, "", "more than 10m0s ahead"},
		// Tableau documents sub as case sensitive.
		{"sub in another case", func(s *jwtSpec) { s.claims["sub"] = "ADMIN" }, "", "no user of the site"},
		{"sub capitalised", func(s *jwtSpec) { s.claims["sub"] = "Alice" }, "", "no user of the site"},
		{"nbf in the future", func(s *jwtSpec) { s.claims["nbf"] = now.Add(5 * time.Minute).Unix() }, "", "token is not valid yet"},
		{"no jti", func(s *jwtSpec) { delete(s.claims, "jti") }, "", "jti is missing"},
		{"unknown sub", func(s *jwtSpec) { s.claims["sub"] = "mallory" }, "", "no user of the site"},
		{"no sub", func(s *jwtSpec) { delete(s.claims, "sub") }, "", "no user of the site"},
		{"no scp", func(s *jwtSpec) { delete(s.claims, "scp") }, "", "scp is not a non-empty list"},
		{"empty scp", func(s *jwtSpec) { s.claims["scp"] = []string{} }, "", "scp is not a non-empty list"},
		{"scp as a string", func(s *jwtSpec) { s.claims["scp"] = "tableau:content:read" }, "", "scp is not a non-empty list"},
		{"scp with a non-string", func(s *jwtSpec) { s.claims["scp"] = []any{"tableau:content:read", 7} }, "", "scp holds something other"},
		{"disabled app", func(s *jwtSpec) {
			otherApp(s, "22222222-2222-4222-8222-222222222222", "11111111-1111-4111-8111-111111111111", "disabled-secret")
		}, "", "is disabled"},
		{"app not enabled for the site", func(s *jwtSpec) {
			otherApp(s, "44444444-4444-4444-8444-444444444444", "33333333-3333-4333-8333-333333333333", "samples-secret")
		}, "", "not enabled for site"},
		{"kid of another app", func(s *jwtSpec) { s.header["kid"] = "44444444-4444-4444-8444-444444444444" }, "", "iss is not the client id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var log syncBuffer
			m := newMock(t, Config{Data: d, Logger: slog.New(slog.NewTextHandler(&log, nil))})
			spec := demoJWT(now)
			tt.mutate(spec)
			r := m.do(req{method: "POST", path: "auth/signin", body: jwtBody(spec.mint(t), tt.site)})
			if tt.reason == "" {
				r.wantStatus(t, 200)
				return
			}
			r.wantError(t, 401, "401001")
			if !strings.Contains(log.String(), tt.reason) {
				t.Errorf("refused, but not for %q:\n%s", tt.reason, log.String())
			}
		})
	}
	t.Run("unknown site", func(t *testing.T) {
		t.Parallel()
		m.do(req{method: "POST", path: "auth/signin", body: jwtBody(demoJWT(now).mint(t), "nowhere")}).wantError(t, 401, "401001")
	})
	t.Run("malformed tokens", func(t *testing.T) {
		t.Parallel()
		for _, tok := range []string{"", "a", "a.b", "a.b.c", "a.b.c.d", "...", "eyJhbGciOiJIUzI1NiJ9.e30."} {
			m.do(req{method: "POST", path: "auth/signin", body: jwtBody(tok, "")}).wantError(t, 401, "401001")
		}
	})
	t.Run("replayed jti", func(t *testing.T) {
		t.Parallel()
		tok := demoJWT(now).mint(t)
		m.signIn(jwtBody(tok, ""))
		m.do(req{method: "POST", path: "auth/signin", body: jwtBody(tok, "")}).wantError(t, 401, "401001")
		// A different token reusing the jti is a replay too.
		spec := demoJWT(now)
		spec.claims["jti"] = "fixed-jti"
		m.signIn(jwtBody(spec.mint(t), ""))
		spec.claims["sub"] = DemoAliceName
		m.do(req{method: "POST", path: "auth/signin", body: jwtBody(spec.mint(t), "")}).wantError(t, 401, "401001")
	})
	t.Run("refused token does not burn its jti", func(t *testing.T) {
		t.Parallel()
		spec := demoJWT(now)
		spec.claims["sub"] = "mallory"
		m.do(req{method: "POST", path: "auth/signin", body: jwtBody(spec.mint(t), "")}).wantError(t, 401, "401001")
		spec.claims["sub"] = DemoAdminName
		m.signIn(jwtBody(spec.mint(t), ""))
	})
	t.Run("json body and json answer", func(t *testing.T) {
		t.Parallel()
		body := `{"credentials":{"jwt":"` + demoJWT(now).mint(t) + `","site":{"contentUrl":"Samples"}}}`
		r := m.do(req{method: "POST", path: "auth/signin", body: body, contentType: "application/json", json: true})
		r.wantStatus(t, 200)
		if got := dig(r.jsonMap(t), "credentials", "user", "id"); got != DemoAdminID {
			t.Errorf("user id = %v", got)
		}
	})
}

func TestJWTScopes(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	site := DemoDefaultSiteID
	signIn := func(t *testing.T, scopes ...string) string {
		spec := demoJWT(testEpoch)
		spec.claims["scp"] = scopes
		tok, _ := m.signIn(jwtBody(spec.mint(t), ""))
		return tok
	}
	project := `<tsRequest><project name="scoped-%s"/></tsRequest>`
	tests := []struct {
		name   string
		scopes []string
		r      req
		ok     bool
	}{
		{"content read allows workbooks", []string{"tableau:content:read"}, req{path: "sites/" + site + "/workbooks"}, true},
		{"content read allows projects", []string{"tableau:content:read"}, req{path: "sites/" + site + "/projects"}, true},
		{"content read allows datasources", []string{"tableau:content:read"}, req{path: "sites/" + site + "/datasources"}, true},
		{"content read allows views", []string{"tableau:content:read"}, req{path: "sites/" + site + "/views"}, true},
		{"content read allows sites", []string{"tableau:content:read"}, req{path: "sites"}, true},
		{"content read allows one site", []string{"tableau:content:read"}, req{path: "sites/" + site}, true},
		{"content read not users", []string{"tableau:content:read"}, req{path: "sites/" + site + "/users"}, false},
		{"content read not groups", []string{"tableau:content:read"}, req{path: "sites/" + site + "/groups"}, false},
		{"content read not project create", []string{"tableau:content:read"}, req{method: "POST", path: "sites/" + site + "/projects", body: "<tsRequest><project name=\"x\"/></tsRequest>"}, false},
		{"users read", []string{"tableau:users:read"}, req{path: "sites/" + site + "/users"}, true},
		{"users wildcard", []string{"tableau:users:*"}, req{path: "sites/" + site + "/users/" + DemoAliceID}, true},
		{"groups read", []string{"tableau:groups:read"}, req{path: "sites/" + site + "/groups"}, true},
		{"users read not groups", []string{"tableau:users:read"}, req{path: "sites/" + site + "/groups"}, false},
		{"resource scope", []string{"tableau:views:read"}, req{path: "sites/" + site + "/views"}, true},
		{"resource scope is not others", []string{"tableau:views:read"}, req{path: "sites/" + site + "/workbooks"}, false},
		{"content wildcard", []string{"tableau:content:*"}, req{path: "sites/" + site + "/workbooks"}, true},
		{"projects create", []string{"tableau:projects:create"}, req{method: "POST", path: "sites/" + site + "/projects", body: fmtProject(project, "create")}, true},
		{"projects wildcard", []string{"tableau:projects:*"}, req{method: "POST", path: "sites/" + site + "/projects", body: fmtProject(project, "wild")}, true},
		{"projects read is not create", []string{"tableau:projects:read"}, req{method: "POST", path: "sites/" + site + "/projects", body: fmtProject(project, "no")}, false},
		{"unrelated scope", []string{"tableau:metrics:read"}, req{path: "sites/" + site + "/workbooks"}, false},
		{"session needs no scope", []string{"tableau:metrics:read"}, req{path: "sessions/current"}, true},
		// Flows, jobs and refreshes have scopes of their own, as Tableau's
		// tableau-mcp client requests them: content read is not enough.
		{"flows read", []string{"tableau:flows:read"}, req{path: "sites/" + site + "/flows"}, true},
		{"content read not flows", []string{"tableau:content:read"}, req{path: "sites/" + site + "/flows"}, false},
		{"jobs read", []string{"tableau:jobs:read"}, req{path: "sites/" + site + "/jobs"}, true},
		{"content read not jobs", []string{"tableau:content:read"}, req{path: "sites/" + site + "/jobs"}, false},
		{"jobs read is not cancel", []string{"tableau:jobs:read"}, req{method: "PUT", path: "sites/" + site + "/jobs/00000000-0000-0000-0000-000000000000"}, false},
		{"content read not refresh", []string{"tableau:content:read"}, req{method: "POST", path: "sites/" + site + "/workbooks/" + demoID(site, "workbook", "Sales Dashboard") + "/refresh", body: "<tsRequest/>"}, false},
		{"tasks run refreshes", []string{"tableau:tasks:run"}, req{method: "POST", path: "sites/" + site + "/workbooks/" + demoID(site, "workbook", "Sales Dashboard") + "/refresh", body: "<tsRequest/>"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.r.token = signIn(t, tt.scopes...)
			r := m.do(tt.r)
			if !tt.ok {
				r.wantError(t, 401, "401002")
				return
			}
			if r.status != 200 && r.status != 201 && r.status != 202 {
				t.Fatalf("status = %d; body %s", r.status, r.body)
			}
		})
	}
	t.Run("update and delete", func(t *testing.T) {
		t.Parallel()
		admin, _ := m.admin("")
		r := m.do(req{method: "POST", path: "sites/" + site + "/projects", token: admin, body: fmtProject(project, "victim")})
		r.wantStatus(t, 201)
		id := attrAt(t, r.xml(t), "//project", "id")
		update := signIn(t, "tableau:projects:update")
		m.do(req{method: "DELETE", path: "sites/" + site + "/projects/" + id, token: update}).wantError(t, 401, "401002")
		m.do(req{method: "PUT", path: "sites/" + site + "/projects/" + id, token: update, body: `<tsRequest><project description="d"/></tsRequest>`}).wantStatus(t, 200)
		del := signIn(t, "tableau:projects:delete")
		m.do(req{method: "PUT", path: "sites/" + site + "/projects/" + id, token: del, body: `<tsRequest><project description="e"/></tsRequest>`}).wantError(t, 401, "401002")
		m.do(req{method: "DELETE", path: "sites/" + site + "/projects/" + id, token: del}).wantStatus(t, 204)
	})
}

func fmtProject(format, name string) string {
	return fmt.Sprintf(format, name)
}

func TestTokens(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("")
	tests := []struct {
		name   string
		r      req
		status int
		code   string
	}{
		{"no token", req{path: "sessions/current"}, 401, "401000"},
		{"empty token", req{path: "sessions/current", header: map[string]string{"X-Tableau-Auth": " "}}, 401, "401000"},
		{"unknown token", req{path: "sessions/current", token: "nope"}, 401, "401002"},
		{"no token on a list", req{path: "sites/" + site + "/workbooks"}, 401, "401000"},
		{"unknown token on a list", req{path: "sites/" + site + "/workbooks", token: "nope"}, 401, "401002"},
		{"no token on sign out", req{method: "POST", path: "auth/signout"}, 401, "401000"},
		{"no token on switch", req{method: "POST", path: "auth/switchSite", body: `<tsRequest><site contentUrl="Samples"/></tsRequest>`}, 401, "401000"},
		{"other site's id", req{path: "sites/" + DemoSamplesSiteID + "/workbooks", token: token}, 403, "403000"},
		{"other site's id, one item", req{path: "sites/" + DemoSamplesSiteID + "/projects/x", token: token}, 403, "403000"},
		{"unknown site id", req{path: "sites/00000000-0000-0000-0000-000000000000/users", token: token}, 403, "403000"},
		{"other site directly", req{path: "sites/" + DemoSamplesSiteID, token: token}, 403, "403000"},
		{"other site by name", req{path: "sites/Samples?key=name", token: token}, 403, "403000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, asJSON := range []bool{false, true} {
				tt.r.json = asJSON
				m.do(tt.r).wantError(t, tt.status, tt.code)
			}
		})
	}
}

func TestSignOut(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, _ := m.admin("")
	m.do(req{method: "POST", path: "auth/signout", token: token}).wantStatus(t, http.StatusNoContent)
	m.do(req{path: "sessions/current", token: token}).wantError(t, 401, "401002")
	m.do(req{method: "POST", path: "auth/signout", token: token}).wantError(t, 401, "401002")
}

func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{SessionTTL: 30 * time.Second})
	token, _ := m.admin("")
	// Each use restarts the idle timer.
	for range 3 {
		m.clock.Advance(20 * time.Second)
		m.do(req{path: "sessions/current", token: token}).wantStatus(t, 200)
	}
	m.clock.Advance(31 * time.Second)
	m.do(req{path: "sessions/current", token: token}).wantError(t, 401, "401002")
	// Still dead when the clock is turned back: expiry removed it.
	m.clock.Advance(-time.Minute)
	m.do(req{path: "sessions/current", token: token}).wantError(t, 401, "401002")
}

func TestSessionExpiryRealClock(t *testing.T) {
	t.Parallel()
	// A tiny TTL with the real clock: the session is dead once a
	// nanosecond TTL has passed, whatever the machine's speed.
	m := newMock(t, Config{SessionTTL: time.Nanosecond, Now: time.Now})
	token, _ := m.admin("")
	time.Sleep(time.Millisecond)
	m.do(req{path: "sessions/current", token: token}).wantError(t, 401, "401002")
}

func TestSwitchSite(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	switchBody := func(contentURL string) string {
		return `<tsRequest><site contentUrl="` + contentURL + `"/></tsRequest>`
	}
	t.Run("new token, old dead", func(t *testing.T) {
		t.Parallel()
		old, _ := m.admin("")
		r := m.do(req{method: "POST", path: "auth/switchSite", token: old, body: switchBody("Samples")})
		r.wantStatus(t, 200)
		doc := r.xml(t)
		tok := attrAt(t, doc, "//credentials", "token")
		if got := attrAt(t, doc, "//credentials/site", "id"); got != DemoSamplesSiteID {
			t.Errorf("site = %s", got)
		}
		if tok == old {
			t.Error("switchSite kept the token")
		}
		m.do(req{path: "sessions/current", token: old}).wantError(t, 401, "401002")
		m.do(req{path: "sites/" + DemoSamplesSiteID + "/workbooks", token: tok}).wantStatus(t, 200)
		m.do(req{path: "sites/" + DemoDefaultSiteID + "/workbooks", token: tok}).wantError(t, 403, "403000")
	})
	t.Run("to the current site", func(t *testing.T) {
		t.Parallel()
		tok, _ := m.admin("Samples")
		m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: switchBody("samples")}).wantError(t, 403, "403070")
		m.do(req{path: "sessions/current", token: tok}).wantStatus(t, 200)
	})
	t.Run("to an unknown site", func(t *testing.T) {
		t.Parallel()
		tok, _ := m.admin("")
		// Tableau's documented Switch Site error, not the sign-in one.
		r := m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: switchBody("nowhere"), json: true})
		r.wantError(t, 401, "401003")
		want := map[string]any{"summary": "Switch Site Error", "code": "401003",
			"detail": "There was a problem switching sites. The site might be unavailable or is not found."}
		if diff := cmp.Diff(want, r.jsonMap(t)["error"]); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("to a site the user is not on", func(t *testing.T) {
		t.Parallel()
		d := DefaultData()
		for i := range d.Users {
			if d.Users[i].ID == DemoAliceID {
				d.Users[i].SiteIDs = []string{DemoDefaultSiteID}
			}
		}
		m := newMock(t, Config{Data: d})
		tok, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
		m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: switchBody("Samples")}).wantError(t, 401, "401003")
	})
	t.Run("bad bodies", func(t *testing.T) {
		t.Parallel()
		tok, _ := m.admin("")
		m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: `<tsRequest/>`}).wantError(t, 400, "400000")
		m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: `{"site":`}).wantError(t, 400, "400000")
		m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: `{"site":{"contentUrl":"Samples"}}`, contentType: "application/json"}).wantStatus(t, 200)
	})
	t.Run("PAT session stays bound to its PAT", func(t *testing.T) {
		// Not parallel with other PAT users of this mock: none exist.
		tok, _ := m.signIn(patBody(DemoPATName, DemoPATSecret, ""))
		r := m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: switchBody("Samples")})
		switched := attrAt(t, r.xml(t), "//credentials", "token")
		m.signIn(patBody(DemoPATName, DemoPATSecret, ""))
		m.do(req{path: "sessions/current", token: switched}).wantError(t, 401, "401002")
	})
	t.Run("JWT scopes carry over", func(t *testing.T) {
		t.Parallel()
		tok, _ := m.signIn(jwtBody(demoJWT(testEpoch).mint(t), ""))
		r := m.do(req{method: "POST", path: "auth/switchSite", token: tok, body: switchBody("Samples")})
		switched := attrAt(t, r.xml(t), "//credentials", "token")
		m.do(req{path: "sites/" + DemoSamplesSiteID + "/workbooks", token: switched}).wantStatus(t, 200)
		m.do(req{path: "sites/" + DemoSamplesSiteID + "/users", token: switched}).wantError(t, 401, "401002")
	})
}

func TestCurrentSession(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, _ := m.signIn(passwordBody("alice", "alice-password", "Samples"))
	r := m.do(req{path: "sessions/current", token: token})
	doc := r.xml(t)
	got := map[string]string{
		"site.id":         attrAt(t, doc, "//session/site", "id"),
		"site.name":       attrAt(t, doc, "//session/site", "name"),
		"site.contentUrl": attrAt(t, doc, "//session/site", "contentUrl"),
		"user.id":         attrAt(t, doc, "//session/user", "id"),
		"user.name":       attrAt(t, doc, "//session/user", "name"),
		"user.siteRole":   attrAt(t, doc, "//session/user", "siteRole"),
		"user.lastLogin":  attrAt(t, doc, "//session/user", "lastLogin"),
	}
	want := map[string]string{
		"site.id": DemoSamplesSiteID, "site.name": "Samples", "site.contentUrl": "Samples",
		"user.id": DemoAliceID, "user.name": "alice", "user.siteRole": "Creator",
		"user.lastLogin": "2025-06-01T12:00:00Z", // the sign-in itself
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("session (-want +got):\n%s", diff)
	}
	j := m.do(req{path: "sessions/current", token: token, json: true}).jsonMap(t)
	if got := dig(j, "session", "user", "name"); got != "alice" {
		t.Errorf("json user name = %v", got)
	}
}
