package mockserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// testEpoch is the injected "now" of tests that need a clock.
var testEpoch = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// fakeClock lets tests expire sessions and JWTs without waiting.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// testMock is a mock served over real HTTP.
type testMock struct {
	t     *testing.T
	srv   *httptest.Server
	clock *fakeClock
}

// newMock serves cfg over httptest with a fake clock unless cfg has one.
func newMock(t *testing.T, cfg Config) *testMock {
	t.Helper()
	m := &testMock{t: t, clock: &fakeClock{now: testEpoch}}
	if cfg.Now == nil {
		cfg.Now = m.clock.Now
	}
	m.srv = httptest.NewServer(New(cfg))
	t.Cleanup(m.srv.Close)
	return m
}

// reply is a response read in full.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// req describes a request; the zero value is a GET with no token.
type req struct {
	method      string
	path        string // under /api/3.24 unless it starts with /
	token       string
	json        bool // Accept: application/json
	body        string
	contentType string
	header      map[string]string
}

func (m *testMock) do(r req) reply {
	m.t.Helper()
	rep, err := m.send(r)
	if err != nil {
		m.t.Fatal(err)
	}
	return rep
}

// send is do for other goroutines, which must not call t.Fatal.
func (m *testMock) send(r req) (reply, error) {
	if r.method == "" {
		r.method = http.MethodGet
	}
	path := r.path
	if !strings.HasPrefix(path, "/") {
		path = "/api/3.24/" + path
	}
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	hr, err := http.NewRequest(r.method, m.srv.URL+path, body)
	if err != nil {
		return reply{}, err
	}
	if r.token != "" {
		hr.Header.Set("X-Tableau-Auth", r.token)
	}
	if r.json {
		hr.Header.Set("Accept", "application/json")
	}
	if r.contentType != "" {
		hr.Header.Set("Content-Type", r.contentType)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	resp, err := m.srv.Client().Do(hr)
	if err != nil {
		return reply{}, fmt.Errorf("%s %s: %w", r.method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return reply{}, err
	}
	return reply{resp.StatusCode, resp.Header, b}, nil
}

// attrOf reads an attribute without failing the test, for goroutines.
func (r reply) attrOf(path, name string) (string, error) {
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(r.body); err != nil {
		return "", err
	}
	e := doc.FindElement(path)
	if e == nil || e.SelectAttr(name) == nil {
		return "", fmt.Errorf("no %s/@%s in %d reply %s", path, name, r.status, r.body)
	}
	return e.SelectAttrValue(name, ""), nil
}

// xmlDoc parses an XML reply, failing the test if it is not XML.
func (r reply) xml(t *testing.T) *etree.Document {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != contentTypeXML {
		t.Fatalf("Content-Type = %q, want %q; body %s", ct, contentTypeXML, r.body)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(r.body); err != nil {
		t.Fatalf("reply is not XML: %v\n%s", err, r.body)
	}
	return doc
}

// jsonMap parses a JSON reply, failing the test if it is not JSON.
func (r reply) jsonMap(t *testing.T) map[string]any {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != contentTypeJSON {
		t.Fatalf("Content-Type = %q, want %q; body %s", ct, contentTypeJSON, r.body)
	}
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("reply is not JSON: %v\n%s", err, r.body)
	}
	return m
}

// attr reads an attribute at an etree path, e.g. "//credentials" "token".
func attrAt(t *testing.T, doc *etree.Document, path, name string) string {
	t.Helper()
	e := doc.FindElement(path)
	if e == nil {
		t.Fatalf("no %s in %s", path, docString(doc))
	}
	a := e.SelectAttr(name)
	if a == nil {
		t.Fatalf("%s has no %s attribute", path, name)
	}
	return a.Value
}

func docString(doc *etree.Document) string {
	s, _ := doc.WriteToString()
	return s
}

// dig walks a decoded JSON value by keys and array indexes.
func dig(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// errorCode reads the Tableau error code of a reply in either format.
func (r reply) errorCode(t *testing.T) string {
	t.Helper()
	if r.header.Get("Content-Type") == contentTypeJSON {
		code, _ := dig(r.jsonMap(t), "error", "code").(string)
		return code
	}
	return attrAt(t, r.xml(t), "/tsResponse/error", "code")
}

// wantError checks the status and the Tableau error code.
func (r reply) wantError(t *testing.T, status int, code string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if got := r.errorCode(t); got != code {
		t.Fatalf("error code = %s, want %s; body %s", got, code, r.body)
	}
}

func (r reply) wantStatus(t *testing.T, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
}

func signinXML(attrs, contentURL, extra string) string {
	return `<tsRequest><credentials ` + attrs + `><site contentUrl="` + contentURL + `"/>` + extra + `</credentials></tsRequest>`
}

func passwordBody(name, password, contentURL string) string {
	return signinXML(`name="`+name+`" password="`+password+`"`, contentURL, "")
}

func patBody(name, secret, contentURL string) string {
	return signinXML(`personalAccessTokenName="`+name+`" personalAccessTokenSecret="`+secret+`"`, contentURL, "")
}

func jwtBody(token, contentURL string) string {
	return signinXML(`jwt="`+token+`"`, contentURL, "")
}

// signIn posts an XML sign-in body and returns the token and site id.
func (m *testMock) signIn(body string) (token, siteID string) {
	m.t.Helper()
	r := m.do(req{method: http.MethodPost, path: "auth/signin", body: body})
	r.wantStatus(m.t, http.StatusOK)
	doc := r.xml(m.t)
	return attrAt(m.t, doc, "//credentials", "token"), attrAt(m.t, doc, "//credentials/site", "id")
}

func (m *testMock) admin(contentURL string) (token, siteID string) {
	m.t.Helper()
	return m.signIn(passwordBody(DemoAdminName, DemoAdminPassword, contentURL))
}

// jwtSpec is a Connected App JWT to mint; mutate builds variants.
type jwtSpec struct {
	method jwt.SigningMethod
	key    any
	header map[string]any
	claims jwt.MapClaims
}

func demoJWT(now time.Time) *jwtSpec {
	return &jwtSpec{
		method: jwt.SigningMethodHS256,
		key:    []byte(DemoSecretValue),
		header: map[string]any{"kid": DemoSecretID, "iss": DemoClientID},
		claims: jwt.MapClaims{
			"iss": DemoClientID,
			"aud": "tableau",
			"sub": DemoAdminName,
			"exp": now.Add(5 * time.Minute).Unix(),
			"jti": uuid.NewString(),
			"scp": []string{"tableau:content:read"},
		},
	}
}

func (s *jwtSpec) mint(t *testing.T) string {
	t.Helper()
	tok := jwt.NewWithClaims(s.method, s.claims)
	for k, v := range s.header {
		if v == nil {
			delete(tok.Header, k)
			continue
		}
		tok.Header[k] = v
	}
	str, err := tok.SignedString(s.key)
	if err != nil {
		t.Fatal(err)
	}
	return str
}

// repoRoot finds the module root, where ../shared is looked up from.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// sharedFixtures returns ../shared/fixtures or skips: a user's clone does
// not have the shared material.
func sharedFixtures(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("COLRUN_SHARED")
	if dir == "" {
		dir = filepath.Join(repoRoot(t), "..", "shared")
	}
	dir = filepath.Join(dir, "fixtures")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared fixtures not available (%v)", err)
	}
	return dir
}

// syncBuffer is a bytes.Buffer safe for a logger and a test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// compactJSON is for readable test failures.
func compactJSON(b []byte) string {
	var out bytes.Buffer
	if json.Compact(&out, b) != nil {
		return string(b)
	}
	return out.String()
}
