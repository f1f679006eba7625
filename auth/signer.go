package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Signin is one prepared sign-in: what to send in place of a collection's
// sign-in body, or as colrun's own sign-in request.
type Signin struct {
	Method Method
	Format Format
	// Body is the exact body to send; it holds secrets, so log it only
	// through the Redactor.
	Body []byte
	// MediaType goes in both Content-Type and Accept.
	MediaType string
	// JWT is the token minted for this sign-in (MethodJWT only). The
	// Signer has already registered it with its Redactor.
	JWT string
}

// Header returns Content-Type and Accept for the request. Accept matters as
// much as Content-Type: Tableau answers in XML unless Accept asks for JSON.
func (s Signin) Header() http.Header {
	return http.Header{"Content-Type": {s.MediaType}, "Accept": {s.MediaType}}
}

// NewRequest builds the POST to signinURL carrying the body and headers.
func (s Signin) NewRequest(ctx context.Context, signinURL string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, signinURL, bytes.NewReader(s.Body))
	if err != nil {
		return nil, fmt.Errorf("building the sign-in request: %w", err)
	}
	for k, v := range s.Header() {
		req.Header[k] = v
	}
	// The connection is not kept for later requests: bytes a broken
	// server sends after its answer (an echo of this body, password and
	// all) would otherwise be logged by net/http, which colrun cannot mask.
	req.Close = true
	return req, nil
}

// Signer signs in again and again with one method, format and set of
// credentials: once before a run, after every 401002, and for every sign-in
// request of a collection. It feeds every secret it sees to its Redactor
// before returning it, so nothing it hands out can reach output unmasked.
// A Signer is safe for concurrent use if its Client is.
type Signer struct {
	Method      Method
	Format      Format
	Credentials Credentials
	// Redactor receives the configured secrets, each minted JWT and each
	// captured session token.
	Redactor *Redactor
	// Client sends SignIn's request; nil means http.DefaultClient.
	Client *http.Client
	// Now is the clock for JWT exp; nil means time.Now.
	Now func() time.Time
}

// NewSigner checks the credentials for m (so a missing variable is reported
// before any request) and registers their secrets with red, or with a new
// Redactor when red is nil.
func NewSigner(m Method, f Format, c Credentials, red *Redactor) (*Signer, error) {
	if _, err := ParseFormat(string(f)); err != nil {
		return nil, err
	}
	if err := c.Check(m); err != nil {
		return nil, err
	}
	if err := c.checkSecretLengths(); err != nil {
		return nil, err
	}
	// A value the body cannot carry (invalid UTF-8, a control character
	// in XML) is bad input: say so now, before the run, rather than stop
	// it at its first sign-in. A JWT is minted later and is always valid.
	if _, _, err := SigninBody(m, f, c, "header.payload.signature"); err != nil {
		return nil, err
	}
	if red == nil {
		red = NewRedactor()
	}
	for _, s := range c.Secrets() {
		red.Add(s)
	}
	red.AddSigningKey(c.SecretValue)
	return &Signer{Method: m, Format: f, Credentials: c, Redactor: red}, nil
}

func (s *Signer) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Signer) redactor() *Redactor {
	if s.Redactor == nil {
		s.Redactor = NewRedactor(s.Credentials.Secrets()...)
		s.Redactor.AddSigningKey(s.Credentials.SecretValue)
	}
	return s.Redactor
}

// Prepare builds a sign-in, minting a fresh JWT when the method needs one.
// Call it for every sign-in: a JWT's jti works once.
func (s *Signer) Prepare() (Signin, error) {
	red := s.redactor()
	var token string
	if s.Method == MethodJWT {
		var err error
		token, err = MintJWT(s.Credentials, s.now())
		if err != nil {
			return Signin{}, err
		}
		red.Add(token)
	}
	body, mediaType, err := SigninBody(s.Method, s.Format, s.Credentials, token)
	if err != nil {
		return Signin{}, err
	}
	return Signin{Method: s.Method, Format: s.Format, Body: body, MediaType: mediaType, JWT: token}, nil
}

// maxResponse bounds what SignIn reads; a sign-in response is a few hundred
// bytes.
const maxResponse = 1 << 20

// SignIn signs in at signinURL (see SigninURL) and returns the session.
// Failures are *SigninError values saying what to check.
func (s *Signer) SignIn(ctx context.Context, signinURL string) (Session, error) {
	p, err := s.Prepare()
	if err != nil {
		return Session{}, err
	}
	req, err := p.NewRequest(ctx, signinURL)
	if err != nil {
		return Session{}, err
	}
	client := s.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := withoutDowngrade(client).Do(req)
	if err != nil {
		return Session{}, &SigninError{Method: s.Method, Format: s.Format, Site: s.Credentials.Site, Err: errors.New(s.redactor().String(err.Error()))}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return Session{}, &SigninError{Method: s.Method, Format: s.Format, Site: s.Credentials.Site, Err: fmt.Errorf("reading the response: %s", s.redactor().String(err.Error()))}
	}
	sess, err := s.ReadResponse(resp.StatusCode, resp.Header.Get("Content-Type"), body)
	if err == nil && resp.Request != nil && resp.Request.URL != nil {
		sess.URL = resp.Request.URL.String()
	}
	var se *SigninError
	if errors.As(err, &se) && resp.Request != nil && resp.Request.URL != nil && resp.Request.URL.String() != signinURL {
		se.RedirectedTo = s.redactor().String(resp.Request.URL.Redacted())
	}
	if errors.As(err, &se) && se.API != nil && se.API.Code == codeBadVersion {
		se.Version, se.ServerVersion = serverVersion(ctx, client, signinURL)
	}
	return sess, err
}

// codeBadVersion is Tableau's answer to a URL whose API version the
// server does not have: "Version 'X' is not a valid version of the API".
const codeBadVersion = "404001"

// serverVersion returns the API version in signinURL and the newest the
// server has, as its serverinfo gives it without a session (at version
// 2.4, where serverinfo began, as Tableau Server Client asks it); "" when
// the server does not say. colrun signs in at 3.24 unless told otherwise,
// which every Tableau Server before 2024.3 refuses, and the version to use
// instead is the fix the user needs.
func serverVersion(ctx context.Context, client *http.Client, signinURL string) (asked, newest string) {
	i := strings.LastIndex(strings.ToLower(signinURL), "/api/")
	if i < 0 {
		return "", ""
	}
	asked, _, _ = strings.Cut(signinURL[i+len("/api/"):], "/")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, signinURL[:i]+"/api/2.4/serverinfo", nil)
	if err != nil {
		return asked, ""
	}
	req.Header.Set("Accept", FormatJSON.MediaType())
	resp, err := withoutDowngrade(client).Do(req)
	if err != nil {
		return asked, ""
	}
	defer resp.Body.Close()
	var info struct {
		ServerInfo struct {
			RestAPIVersion string `json:"restApiVersion"`
		} `json:"serverInfo"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(io.LimitReader(resp.Body, maxResponse)).Decode(&info) != nil {
		return asked, ""
	}
	if v := info.ServerInfo.RestAPIVersion; versionRE.MatchString(v) {
		return asked, v
	}
	return asked, ""
}

// versionRE matches a REST API version as Tableau writes it.
var versionRE = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)

// withoutDowngrade is client refusing to follow a redirect from https to
// http: a 307 or 308 resends the sign-in body, which holds the password,
// the token's secret or the JWT (and a sign-out its X-Tableau-Auth, which
// Go copies to the same host), and it must not go out in clear text
// because a server said so. Other redirects are followed as client would.
func withoutDowngrade(client *http.Client) *http.Client {
	c := *client
	next := client.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if from := via[len(via)-1].URL; from.Scheme == "https" && req.URL.Scheme != "https" {
			return fmt.Errorf("the server redirected %s://%s to %s://%s; colrun does not send credentials without TLS (set TABLEAU_SERVER to the https address)",
				from.Scheme, from.Host, req.URL.Scheme, req.URL.Host)
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &c
}

// ReadResponse reads the response to a sign-in (colrun's own, or a
// collection's whose body colrun replaced) or to a switchSite. On success
// the token is registered with the Redactor before the Session is returned.
func (s *Signer) ReadResponse(status int, contentType string, body []byte) (Session, error) {
	red := s.redactor()
	fail := func(api *APIError, err error) error {
		if api != nil {
			// A server may echo what it was sent; what Tableau says
			// goes through the Redactor like everything else.
			api = &APIError{HTTPStatus: api.HTTPStatus, Code: api.Code, Summary: red.String(api.Summary), Detail: red.String(api.Detail)}
		}
		if err != nil {
			err = errors.New(red.String(err.Error()))
		}
		return &SigninError{Method: s.Method, Format: s.Format, Site: s.Credentials.Site, Impersonating: s.Credentials.ImpersonateUserID != "", Spaced: s.Credentials.spaced(s.Method), API: api, Err: err}
	}
	if api, ok := ParseError(status, contentType, body); ok {
		return Session{}, fail(api, nil)
	}
	if status/100 == 3 {
		// A request that does not follow redirects (followRedirects
		// off, --ignore-redirects): its empty body is not the problem.
		return Session{}, fail(nil, fmt.Errorf("reading the sign-in response: HTTP %d is a redirect, not a session, and the request did not follow it", status))
	}
	sess, err := ParseSigninResponse(contentType, body)
	if err != nil {
		return Session{}, fail(nil, err)
	}
	addToken(red, sess.Token)
	return sess, nil
}

// addToken registers a session token with red, unless it is shorter than
// MinSecretLength: a server answering with the token "e" would otherwise
// blank every e of the output, and a token that short is no credential
// (Tableau's are dozens of characters).
func addToken(red *Redactor, token string) {
	if utf8.RuneCountInString(token) >= MinSecretLength {
		red.Add(token)
	}
}

// SigninError is a failed sign-in with what to check. Tableau answers every
// refused sign-in with the same 401001 on purpose, so colrun cannot say
// which value was wrong; it says which values could be, for the method used.
type SigninError struct {
	Method        Method
	Format        Format
	Site          string
	Impersonating bool
	// Spaced names the settings of the sign-in whose value starts or ends
	// with white space, which Tableau takes as part of the value.
	Spaced []string
	// API is Tableau's answer; nil when there was none (network failure)
	// or it could not be read, and then Err says why.
	API *APIError
	Err error
	// Version is the API version of a sign-in the server did not have
	// (404001), and ServerVersion the newest it has, when it said.
	Version, ServerVersion string
	// RedirectedTo is the URL that answered when the server redirected
	// the sign-in (a 302 to a single sign-on login page, say): an answer
	// that is not Tableau's is explained by where it came from.
	RedirectedTo string
}

// Error gives Tableau's answer on the first line and what to check
// after it.
func (e *SigninError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Tableau sign-in with a %s to %s failed: ", e.Method.Describe(), siteName(e.Site))
	switch {
	case e.API != nil:
		b.WriteString(e.API.Error())
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	default:
		b.WriteString("no answer")
	}
	if e.RedirectedTo != "" && (e.API == nil || e.API.Code == "") {
		fmt.Fprintf(&b, "; the server redirected the sign-in to %s", e.RedirectedTo)
	}
	if h := e.Hint(); h != "" {
		b.WriteString("\n" + h)
	}
	return b.String()
}

// Unwrap exposes the *APIError (or the transport error) to errors.As.
func (e *SigninError) Unwrap() error {
	if e.API != nil {
		return e.API
	}
	return e.Err
}

func siteName(contentURL string) string {
	if contentURL == "" {
		return "the Default site"
	}
	return fmt.Sprintf("site %q", contentURL)
}

const siteHint = EnvSite + " is the site's contentUrl (after /site/ in its browser URL; empty for the Default site), not its display name"

// Hint says what to fix, by method and Tableau code; it may span lines.
func (e *SigninError) Hint() string {
	code := ""
	status := 0
	if e.API != nil {
		code, status = e.API.Code, e.API.HTTPStatus
	}
	switch {
	case code == CodeSigninFailed || (code == "" && status == http.StatusUnauthorized):
		var checks []string
		switch e.Method {
		case MethodPassword:
			checks = []string{
				EnvUsername + " and " + EnvPassword,
				siteHint,
				"Tableau Cloud with multi-factor authentication refuses passwords: use a personal access token",
			}
		case MethodPAT:
			checks = []string{
				EnvPATName + " and " + EnvPATSecret + "; a PAT expires after 15 days unused, can be revoked, and works only on the site it was created on",
				siteHint,
			}
		case MethodJWT:
			checks = []string{
				"the connected app is enabled, and " + EnvClientID + ", " + EnvSecretID + " and " + EnvSecretValue + " are its client ID, secret ID and secret value",
				EnvJWTSubject + " is a user of the site",
				"this machine's clock is right: Tableau compares it with the JWT's exp",
				siteHint,
			}
		}
		if len(e.Spaced) > 0 {
			// The likeliest cause when it applies: an export with a
			// quoted space, or a --secret-file with a second newline.
			which := e.Spaced[0] + " starts or ends"
			if n := len(e.Spaced); n > 1 {
				which = strings.Join(e.Spaced[:n-1], ", ") + " and " + e.Spaced[n-1] + " start or end"
			}
			checks = append([]string{which + " with white space, which is sent as part of the value"}, checks...)
		}
		if e.Impersonating {
			checks = append(checks, "impersonation ("+EnvImpersonateUserID+") needs a server administrator, and the user's ID rather than name")
		}
		return "Tableau gives this same answer whatever the cause; check that:\n  • " + strings.Join(checks, "\n  • ")
	case strings.HasPrefix(code, "400"):
		return fmt.Sprintf("Tableau could not read the sign-in body; see it with: colrun tableau signin-body --method %s --format %s", e.Method, e.Format)
	case code == codeBadVersion && e.ServerVersion != "":
		return fmt.Sprintf("This server's newest REST API version is %s (its serverinfo says), older than %s: sign in at %s, with --env-var api-version=%s for colrun run (or api-version in the environment file), or --api-version %s for colrun tableau", e.ServerVersion, e.Version, e.ServerVersion, e.ServerVersion, e.ServerVersion)
	case strings.HasPrefix(code, "404") || status == http.StatusNotFound:
		return "There is no Tableau sign-in endpoint at that URL: check the server (" + EnvServer + " or the collection's server variable) and the API version"
	case status == http.StatusMethodNotAllowed:
		return "The sign-in endpoint only accepts POST"
	case status >= 500 || (status >= 400 && code == ""):
		return "The answer did not come from Tableau's REST API, or the server failed: check the server URL and any proxy in between"
	case e.API == nil && e.Err != nil:
		return "Check the server URL and that this machine can reach it"
	}
	return ""
}

// spaced lists the settings method m sends as text whose value starts or
// ends with white space, in the order of Variables. (A site like that is
// refused before any sign-in.)
func (c Credentials) spaced(m Method) []string {
	var out []string
	for _, v := range Variables() {
		if !slices.Contains(v.Methods, m) || v.Name == EnvJWTScopes || v.Name == EnvJWTLifetime {
			continue
		}
		if val := c.value(v.Name); val != strings.TrimSpace(val) {
			out = append(out, v.Name)
		}
	}
	return out
}

// VariableNames are the collection variables a session is stored in.
type VariableNames struct {
	Token, SiteID, UserID string
}

// DefaultVariableNames are the names Tableau's official Postman collection
// uses, so its requests work unchanged after colrun signs in.
var DefaultVariableNames = VariableNames{Token: "api-key", SiteID: "site-id", UserID: "user-id"}

// Variables maps the session onto variable names; an empty name is skipped.
func (s Session) Variables(n VariableNames) map[string]string {
	out := map[string]string{}
	set := func(name, v string) {
		if name != "" {
			out[name] = v
		}
	}
	set(n.Token, s.Token)
	set(n.SiteID, s.SiteID)
	set(n.UserID, s.UserID)
	return out
}

// SignoutURL turns a sign-in URL into the matching sign-out URL.
func SignoutURL(signinURL string) string {
	if i := strings.LastIndex(strings.ToLower(signinURL), "/auth/signin"); i >= 0 {
		return signinURL[:i] + "/auth/signout" + signinURL[i+len("/auth/signin"):]
	}
	return signinURL
}

// SignOut ends a session, so that a PAT (one session at a time) is free
// again and the token is dead even if it leaked. Tableau answers 204.
func (s *Signer) SignOut(ctx context.Context, signoutURL string, sess Session) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, signoutURL, nil)
	if err != nil {
		return fmt.Errorf("building the sign-out request: %w", err)
	}
	req.Header.Set(AuthHeader, sess.Token)
	req.Header.Set("Accept", s.Format.MediaType())
	req.Close = true // as for the sign-in: no idle connection to log from
	client := s.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := withoutDowngrade(client).Do(req)
	if err != nil {
		return fmt.Errorf("signing out: %s", s.redactor().String(err.Error()))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if api, ok := ParseError(resp.StatusCode, resp.Header.Get("Content-Type"), body); ok {
		return fmt.Errorf("signing out: %s", s.redactor().String(api.Error()))
	}
	return nil
}
