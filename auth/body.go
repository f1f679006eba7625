package auth

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf8"
)

// field is one value of a sign-in body, with where it came from, so that
// errors and placeholders can name the variable without showing the value.
type field struct {
	key    string // attribute (XML) or key (JSON) name
	value  string
	env    string // variable the value comes from; empty for a minted JWT
	secret bool
}

// signinBody is the format-neutral shape of Tableau's sign-in request:
// credentials attributes, the site contentUrl and an optional user id.
type signinBody struct {
	creds []field
	site  field
	user  *field
}

func buildBody(m Method, c Credentials, jwt string) (signinBody, error) {
	var b signinBody
	switch m {
	case MethodPassword:
		b.creds = []field{
			{key: "name", value: c.Username, env: EnvUsername},
			{key: "password", value: c.Password, env: EnvPassword, secret: true},
		}
	case MethodPAT:
		b.creds = []field{
			{key: "personalAccessTokenName", value: c.PATName, env: EnvPATName},
			{key: "personalAccessTokenSecret", value: c.PATSecret, env: EnvPATSecret, secret: true},
		}
	case MethodJWT:
		b.creds = []field{{key: "jwt", value: jwt, secret: true}}
	default:
		_, err := ParseMethod(string(m))
		return b, err
	}
	b.site = field{key: "contentUrl", value: c.Site, env: EnvSite}
	if c.ImpersonateUserID != "" && m != MethodJWT {
		b.user = &field{key: "id", value: c.ImpersonateUserID, env: EnvImpersonateUserID}
	}
	return b, nil
}

func (b signinBody) fields() []*field {
	var out []*field
	for i := range b.creds {
		out = append(out, &b.creds[i])
	}
	out = append(out, &b.site)
	if b.user != nil {
		out = append(out, b.user)
	}
	return out
}

// SigninBody returns the exact body colrun sends to POST .../auth/signin and
// the Content-Type to send it with (send the same value as Accept, so the
// response comes back in the same format). jwt is the token from MintJWT and
// is used only by MethodJWT.
//
// A value that cannot travel unchanged (invalid UTF-8, or a control
// character XML cannot carry) is an error rather than silently replaced,
// because a replaced password fails with Tableau's unhelpful 401001.
func SigninBody(m Method, f Format, c Credentials, jwt string) (body []byte, contentType string, err error) {
	if err := c.Check(m); err != nil {
		return nil, "", err
	}
	if m == MethodJWT && jwt == "" {
		return nil, "", fmt.Errorf("a JWT sign-in body needs a JWT: mint one with MintJWT for every sign-in")
	}
	if f != FormatXML && f != FormatJSON {
		_, err := ParseFormat(string(f))
		return nil, "", err
	}
	b, err := buildBody(m, c, jwt)
	if err != nil {
		return nil, "", err
	}
	for _, fl := range b.fields() {
		if err := checkValue(fl, f); err != nil {
			return nil, "", err
		}
	}
	return b.render(f), f.MediaType(), nil
}

// checkValue names the variable (or "the JWT"), never the value.
func checkValue(fl *field, f Format) error {
	what := fl.env
	if what == "" {
		what = "the JWT"
	}
	if !utf8.ValidString(fl.value) {
		return fmt.Errorf("%s is not valid UTF-8 text; Tableau would not receive the value as set", what)
	}
	if f == FormatXML {
		for _, r := range fl.value {
			if !isXMLChar(r) {
				return fmt.Errorf("%s contains the control character U+%04X, which XML cannot carry; use --tableau-format json, or fix the value", what, r)
			}
		}
	}
	return nil
}

// isXMLChar is the Char production of XML 1.0.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// RedactedSigninBody is SigninBody for people: secrets appear as Mask, and
// a missing non-secret value appears as $NAME of its variable, so it works
// with nothing configured. It returns nil for an unknown method or format.
func RedactedSigninBody(m Method, f Format, c Credentials) []byte {
	if f != FormatXML && f != FormatJSON {
		return nil
	}
	b, err := buildBody(m, c, Mask)
	if err != nil {
		return nil
	}
	for _, fl := range b.fields() {
		switch {
		case fl.secret && fl.value != "":
			fl.value = Mask
		case fl.value == "" && fl.env != "" && fl.env != EnvSite:
			fl.value = "$" + fl.env
		}
	}
	return b.render(f)
}

// render writes the body indented, as Tableau's documentation shows it:
// it is what users read in verbose logs and in colrun tableau, and Tableau
// ignores the whitespace.
func (b signinBody) render(f Format) []byte {
	var buf bytes.Buffer
	if f == FormatJSON {
		buf.WriteString("{\n  \"credentials\": {\n")
		for _, fl := range b.creds {
			fmt.Fprintf(&buf, "    %s: %s,\n", jsonString(fl.key), jsonString(fl.value))
		}
		fmt.Fprintf(&buf, "    \"site\": {\n      %s: %s\n    }", jsonString(b.site.key), jsonString(b.site.value))
		if b.user != nil {
			fmt.Fprintf(&buf, ",\n    \"user\": {\n      %s: %s\n    }", jsonString(b.user.key), jsonString(b.user.value))
		}
		buf.WriteString("\n  }\n}")
		return buf.Bytes()
	}
	buf.WriteString("<tsRequest>\n  <credentials")
	for _, fl := range b.creds {
		fmt.Fprintf(&buf, " %s=\"%s\"", fl.key, xmlAttr(fl.value))
	}
	fmt.Fprintf(&buf, ">\n    <site %s=\"%s\"/>\n", b.site.key, xmlAttr(b.site.value))
	if b.user != nil {
		fmt.Fprintf(&buf, "    <user %s=\"%s\"/>\n", b.user.key, xmlAttr(b.user.value))
	}
	buf.WriteString("  </credentials>\n</tsRequest>")
	return buf.Bytes()
}

// jsonString escapes without HTML escaping: "<" in a password stays "<",
// which is easier to read and means the same to every JSON parser.
func jsonString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

// jsonStringHTML is how encoding/json writes s by default (json.Marshal),
// which the Redactor must also recognise.
func jsonStringHTML(s string) string {
	b, _ := json.Marshal(s) // a string always encodes
	return string(b)
}

// xmlAttr escapes for a double-quoted attribute value. encoding/xml also
// encodes tab, CR and LF as character references, which an attribute needs:
// a literal newline would be normalised to a space by the parser.
func xmlAttr(s string) string {
	var buf strings.Builder
	_ = xml.EscapeText(&buf, []byte(s)) // a strings.Builder never fails
	return buf.String()
}
