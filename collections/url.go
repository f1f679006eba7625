package collections

import (
	"regexp"
	"strings"
)

// reservedVariable matches {{...}} tokens that contain a character the URL
// parser would otherwise split on; such tokens are parsed as opaque text,
// as postman-url-encoder's parser does, so "{{base-path}}/x" stays in one
// piece until it is resolved.
var reservedVariable = regexp.MustCompile(`{{[^{}]*[.:/?#@&\]][^{}]*}}`)

// ParseURL splits a URL string the way Postman does (postman-url-encoder's
// parser): it never fails, keeps {{variables}} intact, tolerates a missing
// protocol, and records ":name" path segments as path variables.
func ParseURL(raw string) URL {
	u := URL{Raw: strings.TrimLeft(raw, " \t\r\n\v\f")}
	if u.Raw == "" {
		return u
	}
	s, restore := maskVariables(u.Raw)

	if i := strings.IndexByte(s, '#'); i >= 0 {
		u.Hash = restore(s[i+1:])
		s = s[:i]
	}
	var queryPart *string
	if i := strings.IndexByte(s, '?'); i >= 0 {
		q := s[i+1:]
		queryPart = &q
		s = s[:i]
	}
	s = strings.ReplaceAll(s, `\`, "/")
	if i := strings.Index(s, "://"); i >= 0 {
		u.Protocol = restore(s[:i])
		s = s[i+3:]
		if strings.EqualFold(u.Protocol, "file") {
			if t := strings.TrimLeft(s, "/"); len(t) != len(s) {
				s = "/" + t
			}
		} else {
			s = strings.TrimLeft(s, "/")
		}
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		for _, seg := range strings.Split(s[i+1:], "/") {
			u.Path = append(u.Path, restore(seg))
		}
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		auth := s[:i]
		s = s[i+1:]
		if j := strings.IndexByte(auth, ':'); j >= 0 {
			u.Auth = &URLAuth{User: restore(auth[:j]), Password: restore(auth[j+1:])}
		} else {
			u.Auth = &URLAuth{User: restore(auth)}
		}
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i+1:], "]") {
		u.Port = restore(s[i+1:])
		s = s[:i]
	}
	if s != "" {
		for _, label := range strings.Split(s, ".") {
			u.Host = append(u.Host, restore(label))
		}
	}
	if queryPart != nil {
		parts := strings.Split(*queryPart, "&")
		for i, p := range parts {
			p = restore(p)
			if p == "" && i != len(parts)-1 {
				// "a=b&&c" keeps an empty, keyless member, as Postman does.
				u.Query = append(u.Query, QueryParam{})
				continue
			}
			u.Query = append(u.Query, parseQueryParam(p))
		}
	}
	seen := map[string]bool{}
	for _, seg := range u.Path {
		if name, ok := pathVariableName(seg); ok && !seen[name] {
			seen[name] = true
			u.Variables = append(u.Variables, Variable{Key: name})
		}
	}
	return u
}

func parseQueryParam(p string) QueryParam {
	if i := strings.IndexByte(p, '='); i >= 0 {
		v := p[i+1:]
		return QueryParam{Key: p[:i], Value: &v}
	}
	return QueryParam{Key: p}
}

// maskVariables replaces each {{...}} holding a reserved character with a
// placeholder rune that contains none, and returns a function that puts the
// original text back into any substring of the masked string. The
// placeholders come from Unicode's supplementary private use area, which no
// URL written by a person contains.
func maskVariables(s string) (string, func(string) string) {
	if !strings.Contains(s, "{{") {
		return s, func(x string) string { return x }
	}
	var originals []string
	masked := reservedVariable.ReplaceAllStringFunc(s, func(m string) string {
		originals = append(originals, m)
		return string(rune(placeholderBase + len(originals) - 1))
	})
	if len(originals) == 0 {
		return s, func(x string) string { return x }
	}
	return masked, func(x string) string {
		return expandPlaceholders(x, originals)
	}
}

const placeholderBase = 0xF0000

func expandPlaceholders(x string, originals []string) string {
	var b strings.Builder
	for _, r := range x {
		if i := int(r) - placeholderBase; i >= 0 && i < len(originals) {
			b.WriteString(originals[i])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pathVariableName reports the name of a ":name" segment (up to a "."
// suffix, as in ":id.json").
func pathVariableName(seg string) (string, bool) {
	if len(seg) < 2 || seg[0] != ':' {
		return "", false
	}
	name := seg[1:]
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	return name, name != ""
}

// String renders the URL as Postman's Url#toString does: path variables
// with a non-empty string value are filled in, disabled query parameters
// are left out, and {{variables}} are left for the caller to resolve.
func (u URL) String() string {
	var b strings.Builder
	if u.Protocol != "" {
		b.WriteString(strings.TrimSuffix(u.Protocol, "://"))
		b.WriteString("://")
	}
	if u.Auth != nil {
		b.WriteString(u.Auth.User)
		if u.Auth.Password != "" {
			b.WriteString(":" + u.Auth.Password)
		}
		b.WriteString("@")
	}
	b.WriteString(strings.Join(u.Host, "."))
	if u.Port != "" {
		b.WriteString(":" + u.Port)
	}
	if u.Path != nil {
		b.WriteString(u.PathString())
	}
	if len(u.Query) > 0 {
		q := u.QueryString()
		enabled := false
		for _, p := range u.Query {
			enabled = enabled || !p.Disabled
		}
		if q != "" || enabled {
			b.WriteString("?" + q)
		}
	}
	if u.Hash != "" {
		b.WriteString("#" + u.Hash)
	}
	return b.String()
}

// PathString returns the path with a leading "/" and path variables filled.
func (u URL) PathString() string {
	segs := make([]string, len(u.Path))
	for i, seg := range u.Path {
		segs[i] = seg
		name, ok := pathVariableName(seg)
		if !ok {
			continue
		}
		for _, v := range u.Variables {
			if v.Key != name || v.Disabled {
				continue
			}
			if s, isString := v.Value.(string); isString && s != "" {
				segs[i] = s + seg[len(name)+1:]
			}
			break
		}
	}
	return "/" + strings.Join(segs, "/")
}

// QueryString joins the enabled query parameters, escaping only what would
// change the structure (&, # and = in keys), as Postman does; everything
// else is percent-encoded later, when the request is built.
func (u URL) QueryString() string {
	var parts []string
	for _, p := range u.Query {
		if p.Disabled {
			continue
		}
		s := escapeQueryPart(p.Key, true)
		if p.Value != nil {
			s += "=" + escapeQueryPart(*p.Value, false)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "&")
}

var queryReservedVariable = regexp.MustCompile(`{{[^{}]*[&#=][^{}]*}}`)

func escapeQueryPart(s string, encodeEquals bool) string {
	if !strings.ContainsAny(s, "&#") && !(encodeEquals && strings.Contains(s, "=")) {
		return s
	}
	if !strings.Contains(s, "{{") {
		return escapeQueryReserved(s, encodeEquals)
	}
	var b strings.Builder
	last := 0
	for _, m := range queryReservedVariable.FindAllStringIndex(s, -1) {
		b.WriteString(escapeQueryReserved(s[last:m[0]], encodeEquals))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(escapeQueryReserved(s[last:], encodeEquals))
	return b.String()
}

func escapeQueryReserved(t string, encodeEquals bool) string {
	t = strings.ReplaceAll(t, "&", "%26")
	t = strings.ReplaceAll(t, "#", "%23")
	if encodeEquals {
		t = strings.ReplaceAll(t, "=", "%3D")
	}
	return t
}
