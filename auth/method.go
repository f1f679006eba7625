package auth

import (
	"fmt"
	"strings"
)

// Method is how colrun proves who it is to Tableau. The string values are
// the ones users type after --tableau-auth and --method.
type Method string

// The sign-in methods Tableau's REST API accepts.
const (
	// MethodPassword signs in with a user name and password. It is the only
	// method that works on every Tableau Server version, but Tableau Cloud
	// refuses it when multi-factor authentication is on.
	MethodPassword Method = "password"
	// MethodPAT signs in with a personal access token. Tableau ends the
	// previous session of a PAT when it is used again, so one PAT can hold
	// only one session at a time.
	MethodPAT Method = "pat"
	// MethodJWT signs in with a JWT minted for a connected app (direct
	// trust). The session is limited to the JWT's scopes.
	MethodJWT Method = "jwt"
)

// Methods lists every method in the order help texts present them.
func Methods() []Method { return []Method{MethodPassword, MethodPAT, MethodJWT} }

// ParseMethod accepts a method name in any case, so that "PAT" typed from
// Tableau's own documentation works.
func ParseMethod(s string) (Method, error) {
	m := Method(strings.ToLower(strings.TrimSpace(s)))
	if !m.valid() {
		return "", fmt.Errorf("unknown sign-in method %q: use password, pat or jwt", s)
	}
	return m, nil
}

func (m Method) valid() bool {
	switch m {
	case MethodPassword, MethodPAT, MethodJWT:
		return true
	}
	return false
}

// Describe names the method in words for messages and help texts.
func (m Method) Describe() string {
	switch m {
	case MethodPassword:
		return "user name and password"
	case MethodPAT:
		return "personal access token"
	case MethodJWT:
		return "connected-app JWT"
	}
	return string(m)
}

// Format is the wire format of a sign-in exchange. Tableau reads the request
// body in the format named by Content-Type and answers in the one named by
// Accept, so colrun always sets both to the same Format.
type Format string

// The two formats Tableau's REST API speaks.
const (
	FormatXML  Format = "xml"
	FormatJSON Format = "json"
)

// Formats lists both formats, XML first because it is Tableau's default.
func Formats() []Format { return []Format{FormatXML, FormatJSON} }

// ParseFormat accepts a format name in any case.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if f != FormatXML && f != FormatJSON {
		return "", fmt.Errorf("unknown format %q: use xml or json", s)
	}
	return f, nil
}

// MediaType is the value colrun sends as both Content-Type and Accept. It
// carries no charset parameter: Tableau's documentation sends the bare type,
// and some proxies in front of Tableau compare the string.
func (f Format) MediaType() string {
	if f == FormatJSON {
		return "application/json"
	}
	return "application/xml"
}

// Describe names the format for headings.
func (f Format) Describe() string {
	if f == FormatJSON {
		return "JSON"
	}
	return "XML"
}
