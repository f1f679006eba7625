package auth

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode"

	"github.com/beevik/etree"
	"github.com/tidwall/gjson"
)

// XML namespaces of Tableau responses. Servers before 2.x, and some
// proxies replaying old captures, still use the legacy one.
const (
	Namespace       = "http://tableau.com/api"
	LegacyNamespace = "http://tableausoftware.com/api"
)

// Tableau error codes colrun acts on.
const (
	// CodeMissingToken: the request carried no (or an empty) X-Tableau-Auth.
	CodeMissingToken = "401000"
	// CodeSigninFailed: every failed sign-in, whatever was wrong; Tableau
	// deliberately does not say which part.
	CodeSigninFailed = "401001"
	// CodeSessionExpired: the token is unknown, expired or signed out (or a
	// JWT session called outside its scopes); sign in again.
	CodeSessionExpired = "401002"
)

// AuthHeader carries the session token on every request after sign-in.
const AuthHeader = "X-Tableau-Auth"

// Session is what a successful sign-in yields. Token is a secret: register
// it with the run's Redactor before it can reach any output.
type Session struct {
	Token          string
	SiteID         string
	SiteContentURL string
	UserID         string
	// URL is where Signer.SignIn's request was answered: the sign-in URL,
	// or the one a 307 or 308 redirect led to (an http address answered
	// at https). The token belongs to that server. Empty when the Session
	// was read from a response (ReadResponse).
	URL string
}

// ResponseField says where one value is in each format of a Tableau
// response. The parsers read these very paths, so what colrun teaches is
// what colrun does.
type ResponseField struct {
	Name string
	// XML is a path from the document root: elements separated by "/",
	// ending in "@attribute" or an element whose text is the value. Every
	// element is in Tableau's namespace.
	XML string
	// JSON is a gjson path; Tableau's JSON has no tsResponse wrapper and
	// turns attributes into string-valued keys.
	JSON string
}

// Names of the values in a sign-in response.
const (
	FieldToken          = "token"
	FieldSiteID         = "site id"
	FieldSiteContentURL = "site contentUrl"
	FieldUserID         = "user id"
)

// SigninResponseFields lists where a sign-in (or switchSite) response keeps
// its values.
func SigninResponseFields() []ResponseField {
	return []ResponseField{
		{FieldToken, "tsResponse/credentials/@token", "credentials.token"},
		{FieldSiteID, "tsResponse/credentials/site/@id", "credentials.site.id"},
		{FieldSiteContentURL, "tsResponse/credentials/site/@contentUrl", "credentials.site.contentUrl"},
		{FieldUserID, "tsResponse/credentials/user/@id", "credentials.user.id"},
	}
}

// ErrorResponseFields lists where an error response keeps its values. The
// JSON code is a string ("401001"), not a number.
func ErrorResponseFields() []ResponseField {
	return []ResponseField{
		{"code", "tsResponse/error/@code", "error.code"},
		{"summary", "tsResponse/error/summary", "error.summary"},
		{"detail", "tsResponse/error/detail", "error.detail"},
	}
}

// document is a parsed response of either format, read through
// ResponseField paths.
type document struct {
	format Format
	root   *etree.Element // XML: the tsResponse element
	json   []byte
}

// maxXMLDepth is far deeper than any Tableau response, and keeps a hostile
// body from costing much.
const maxXMLDepth = 64

// sniffFormat trusts the body over the Content-Type, because proxies and
// hand-written mocks mislabel responses; the header decides only when the
// body says nothing.
func sniffFormat(contentType string, body []byte) Format {
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(b) > 0 {
		switch b[0] {
		case '<':
			return FormatXML
		case '{', '[':
			return FormatJSON
		}
	}
	if strings.Contains(strings.ToLower(contentType), "json") {
		return FormatJSON
	}
	return FormatXML
}

func parseDocument(contentType string, body []byte) (*document, error) {
	f := sniffFormat(contentType, body)
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("the response body is empty")
	}
	if page, ok := htmlPage(contentType, body); ok {
		return nil, errors.New(page)
	}
	if f == FormatJSON {
		if !gjson.ValidBytes(body) {
			return nil, errors.New("the response is not valid JSON")
		}
		if !gjson.ParseBytes(body).IsObject() {
			return nil, errors.New("the response is JSON but not an object")
		}
		return &document{format: f, json: body}, nil
	}
	doc := etree.NewDocument()
	doc.ReadSettings.MaxDepth = maxXMLDepth
	if err := doc.ReadFromBytes(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))); err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("the response is not well-formed XML (line %d)", se.Line)
		}
		return nil, errors.New("the response is not well-formed XML")
	}
	root := doc.Root()
	if root == nil {
		return nil, errors.New("the response has no XML element")
	}
	if root.Tag != "tsResponse" || !tableauNamespace(root.NamespaceURI()) {
		return nil, fmt.Errorf("the response's root element is not Tableau's tsResponse (in namespace %s)", Namespace)
	}
	return &document{format: f, root: root}, nil
}

// htmlTitle finds an HTML page's title; the page is not parsed, since only
// its title helps a user recognise it.
var htmlTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// htmlPage says what a response that is a web page is, when it is one: a
// single sign-on login page a redirect led to, or a proxy's or load
// balancer's page, never Tableau's REST API, which answers in XML or JSON.
// Saying "root element is not tsResponse" about it would hide the cause.
func htmlPage(contentType string, body []byte) (string, bool) {
	mt, _, _ := mime.ParseMediaType(contentType)
	head := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")), " \t\r\n"))
	page := bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
	// A mislabelled Tableau answer is still read, as sniffFormat does.
	labelled := (mt == "text/html" || mt == "application/xhtml+xml") && !bytes.HasPrefix(head, []byte("<?xml")) &&
		!bytes.HasPrefix(head, []byte("<tsresponse")) && !bytes.HasPrefix(head, []byte("{"))
	if !page && !labelled {
		return "", false
	}
	what := "the response is a web page"
	if m := htmlTitle.FindSubmatch(body); m != nil {
		if title := clean(html.UnescapeString(string(m[1])), 80); title != "" {
			what += fmt.Sprintf(" (%q)", title)
		}
	}
	return what + ", not Tableau's XML or JSON: a login page or a proxy answered instead of the REST API", true
}

// tableauNamespace accepts no namespace too: what matters is that
// elements from other vocabularies are not taken for Tableau's.
func tableauNamespace(uri string) bool {
	return uri == Namespace || uri == LegacyNamespace || uri == ""
}

// get returns the value at the field's path and whether it is there as a
// string (XML attributes and text always are; JSON numbers are accepted
// only for error codes, which some gateways emit as numbers).
func (d *document) get(f ResponseField) (string, bool) {
	if d.format == FormatJSON {
		r := gjson.GetBytes(d.json, f.JSON)
		switch {
		case r.Type == gjson.String:
			return r.Str, true
		case r.Type == gjson.Number && f.Name == "code":
			return r.Raw, true
		}
		return "", false
	}
	steps := strings.Split(f.XML, "/")
	if len(steps) == 0 || steps[0] != d.root.Tag {
		return "", false
	}
	e := d.root
	ns := e.NamespaceURI()
	for _, step := range steps[1:] {
		if name, ok := strings.CutPrefix(step, "@"); ok {
			for _, a := range e.Attr {
				if a.Space == "" && a.Key == name {
					return a.Value, true
				}
			}
			return "", false
		}
		var next *etree.Element
		for _, c := range e.ChildElements() {
			if c.Tag == step && c.NamespaceURI() == ns {
				next = c
				break
			}
		}
		if next == nil {
			return "", false
		}
		e = next
	}
	return e.Text(), true
}

// apiError returns the error the document carries, if any.
func (d *document) apiError() *APIError {
	fields := ErrorResponseFields()
	code, ok := d.get(fields[0])
	if !ok {
		// An <error> element without a code is still an error.
		if d.format == FormatJSON && !gjson.GetBytes(d.json, "error").IsObject() {
			return nil
		}
		if d.format == FormatXML {
			if _, found := d.get(ResponseField{XML: "tsResponse/error"}); !found {
				return nil
			}
		}
	}
	summary, _ := d.get(fields[1])
	detail, _ := d.get(fields[2])
	return &APIError{Code: clean(code, 16), Summary: clean(summary, 300), Detail: clean(detail, 1000)}
}

// clean keeps what a server says printable: control characters (terminal
// escape sequences included) are dropped and the length is bounded, because
// these strings go straight to users' terminals and CI logs.
func clean(s string, max int) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteRune(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		default:
			b.WriteRune(r)
		}
		n++
	}
	return b.String()
}

// ParseSigninResponse reads the token, site and user out of a sign-in (or
// switchSite) response in either format. Content-Type only breaks a tie
// when the body does not show its format. An error document is returned as
// an *APIError (whose HTTPStatus is 0 here; use ParseError for the status).
func ParseSigninResponse(contentType string, body []byte) (Session, error) {
	d, err := parseDocument(contentType, body)
	if err != nil {
		return Session{}, fmt.Errorf("reading the sign-in response: %w", err)
	}
	if apiErr := d.apiError(); apiErr != nil {
		return Session{}, apiErr
	}
	var s Session
	for _, f := range SigninResponseFields() {
		v, ok := d.get(f)
		where := f.XML
		if d.format == FormatJSON {
			where = f.JSON
		}
		switch f.Name {
		case FieldToken:
			if !ok || v == "" {
				return Session{}, fmt.Errorf("reading the sign-in response: no token at %s", where)
			}
			s.Token = v
		case FieldSiteID:
			if !ok || v == "" {
				return Session{}, fmt.Errorf("reading the sign-in response: no site id at %s", where)
			}
			s.SiteID = v
		case FieldSiteContentURL:
			s.SiteContentURL = v
		case FieldUserID:
			s.UserID = v
		}
	}
	return s, nil
}

// APIError is a Tableau REST error: <error code=""><summary/><detail/>
// </error> in XML, {"error":{"code":"","summary":"","detail":""}} in JSON.
type APIError struct {
	// HTTPStatus is the response status; 0 when only the body was parsed.
	HTTPStatus int
	// Code is Tableau's six-digit code, whose first three digits repeat the
	// HTTP status; empty when the response carried no Tableau error.
	Code    string
	Summary string
	Detail  string
}

// Error keeps Tableau's own words and code: they are what users search
// for in Tableau's documentation and forums.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("Tableau error")
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.HTTPStatus != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.HTTPStatus)
	}
	switch {
	case e.Summary != "" && e.Detail != "":
		fmt.Fprintf(&b, ": %s: %s", e.Summary, e.Detail)
	case e.Summary != "" || e.Detail != "":
		b.WriteString(": " + e.Summary + e.Detail)
	}
	return b.String()
}

// ParseError returns the error a response reports, and whether it reports
// one: a Tableau error document in either format (whatever the status), or
// any status of 400 and above even without one (a proxy's HTML 502 page,
// say), then with the status text as summary.
func ParseError(status int, contentType string, body []byte) (*APIError, bool) {
	if d, err := parseDocument(contentType, body); err == nil {
		if e := d.apiError(); e != nil {
			e.HTTPStatus = status
			return e, true
		}
	}
	if status >= 400 {
		return &APIError{HTTPStatus: status, Summary: http.StatusText(status)}, true
	}
	return nil, false
}

// IsSessionExpired reports Tableau's "sign in again" answer: HTTP 401 with
// code 401002. 401000 (no token sent) and 401001 (sign-in refused) are not:
// signing in again would not help.
func IsSessionExpired(status int, contentType string, body []byte) bool {
	if status != http.StatusUnauthorized {
		return false
	}
	e, ok := ParseError(status, contentType, body)
	return ok && e.Code == CodeSessionExpired
}

// Example values used by ExampleSigninResponse: the demo Default site and
// admin user of colrun's mock server, and a token of Tableau's usual shape.
const (
	exampleToken  = "eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l"
	exampleSiteID = "dad65087-b08b-4603-af4e-2887b8aafc67"
	exampleUserID = "1a96d216-e9b8-497b-a82a-0b899a965e01"
)

// ExampleSigninResponse is a successful sign-in response in format f, as
// Tableau shapes it, for teaching. contentURL is echoed as the site's, as
// Tableau does.
func ExampleSigninResponse(f Format, contentURL string) []byte {
	if f == FormatJSON {
		return fmt.Appendf(nil, "{\n  \"credentials\": {\n    \"site\": {\n      \"id\": %s,\n      \"contentUrl\": %s\n    },\n    \"user\": {\n      \"id\": %s\n    },\n    \"token\": %s\n  }\n}",
			jsonString(exampleSiteID), jsonString(contentURL), jsonString(exampleUserID), jsonString(exampleToken))
	}
	return fmt.Appendf(nil, "<?xml version='1.0' encoding='UTF-8'?>\n<tsResponse xmlns=\"%s\">\n  <credentials token=\"%s\">\n    <site id=\"%s\" contentUrl=\"%s\"/>\n    <user id=\"%s\"/>\n  </credentials>\n</tsResponse>",
		Namespace, exampleToken, exampleSiteID, xmlAttr(contentURL), exampleUserID)
}
