package collections

import (
	"regexp"
	"slices"
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
		u.Hash, u.HasHash = restore(s[i+1:]), true
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
		u.Path = splitRestore(s[i+1:], "/", restore)
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		auth := s[:i]
		s = s[i+1:]
		if j := strings.IndexByte(auth, ':'); j >= 0 {
			u.Auth = &URLAuth{User: restore(auth[:j]), Password: restore(auth[j+1:]), HasPassword: true}
		} else {
			u.Auth = &URLAuth{User: restore(auth)}
		}
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i+1:], "]") {
		u.Port = restore(s[i+1:])
		s = s[:i]
	}
	if s != "" {
		u.Host = splitRestore(s, ".", restore)
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
	for _, seg := range u.Path {
		if name, ok := pathVariableName(seg); ok && !slices.ContainsFunc(u.Variables, func(v Variable) bool { return v.Key == name }) {
			u.Variables = append(u.Variables, Variable{Key: name})
		}
	}
	return u
}

// splitRestore splits s at sep, restoring masked variables in each part,
// into a slice of exactly the right size (ParseURL runs for every request
// sent).
func splitRestore(s, sep string, restore func(string) string) []string {
	parts := make([]string, 0, strings.Count(s, sep)+1)
	for {
		i := strings.Index(s, sep)
		if i < 0 {
			return append(parts, restore(s))
		}
		parts = append(parts, restore(s[:i]))
		s = s[i+len(sep):]
	}
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
	// One builder for the whole URL: this runs at least twice per request
	// sent (to resolve it, and for the report), so it writes the parts in
	// place rather than joining intermediate strings.
	var b strings.Builder
	// The text it was parsed from is nearly always the right size.
	b.Grow(len(u.Raw) + 8)
	if u.Protocol != "" {
		b.WriteString(strings.TrimSuffix(u.Protocol, "://"))
		b.WriteString("://")
	}
	if u.Auth != nil {
		b.WriteString(u.Auth.User)
		if u.Auth.Password != "" || u.Auth.HasPassword {
			b.WriteByte(':')
			b.WriteString(u.Auth.Password)
		}
		b.WriteByte('@')
	}
	for i, h := range u.Host {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(h)
	}
	if u.Port != "" {
		b.WriteByte(':')
		b.WriteString(u.Port)
	}
	if u.Path != nil {
		u.writePath(&b)
	}
	if len(u.Query) > 0 {
		enabled := false
		for _, p := range u.Query {
			enabled = enabled || !p.Disabled
		}
		if enabled {
			b.WriteByte('?')
			u.writeQuery(&b)
		}
	}
	if u.Hash != "" {
		b.WriteByte('#')
		b.WriteString(u.Hash)
	}
	return b.String()
}

// PathString returns the path with a leading "/" and path variables filled.
func (u URL) PathString() string {
	var b strings.Builder
	// Sized for the segments as written (filled variables may differ),
	// so that the usual path takes one allocation, not one per doubling.
	n := 1
	for _, seg := range u.Path {
		n += len(seg) + 1
	}
	b.Grow(n)
	u.writePath(&b)
	return b.String()
}

func (u URL) writePath(b *strings.Builder) {
	b.WriteByte('/')
	for i, seg := range u.Path {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(u.pathSegment(seg))
	}
}

// pathSegment is seg with its path variable filled in, when it is a
// ":name" segment whose variable has a non-empty string value. As
// postman-collection's Url#getPath, it takes the last variable listed with
// the name and does not look at "disabled": Newman 6.2.2 fills in a
// disabled path variable.
func (u URL) pathSegment(seg string) string {
	name, ok := pathVariableName(seg)
	if !ok {
		return seg
	}
	for i := len(u.Variables) - 1; i >= 0; i-- {
		v := u.Variables[i]
		if v.Key != name {
			continue
		}
		if s, isString := v.Value.(string); isString && s != "" {
			return s + seg[len(name)+1:]
		}
		break
	}
	return seg
}

// QueryString joins the enabled query parameters, escaping only what would
// change the structure (&, # and = in keys), as Postman does; everything
// else is percent-encoded later, when the request is built.
func (u URL) QueryString() string {
	var b strings.Builder
	// Sized as PathString sizes the path.
	n := 0
	for _, p := range u.Query {
		n += len(p.Key) + 2
		if p.Value != nil {
			n += len(*p.Value)
		}
	}
	b.Grow(n)
	u.writeQuery(&b)
	return b.String()
}

func (u URL) writeQuery(b *strings.Builder) {
	first := true
	for _, p := range u.Query {
		if p.Disabled {
			continue
		}
		if !first {
			b.WriteByte('&')
		}
		first = false
		b.WriteString(escapeQueryPart(p.Key, true))
		if p.Value != nil {
			b.WriteByte('=')
			b.WriteString(escapeQueryPart(*p.Value, false))
		}
	}
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
