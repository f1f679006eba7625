package modules

import (
	"encoding/hex"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
	"github.com/colrun/colrun/runner/variables"
)

// tv4's URI handling, ported as written: its regular-expression URI
// parser and resolver (not RFC 3986 as net/url reads it) decide which ids
// and $refs meet, and so which refs end up in tv4.missing; its URI
// templates fill the hrefs of "describedby" links.

// tv4URIParts is tv4's parseURI.
var tv4URIParts = regexp.MustCompile(`^([^:/?#]+:)?(//(?:[^:@]*(?::[^:@]*)?@)?(([^:/?#]*)(?::(\d*))?))?([^?#]*)(\?[^#]*)?(#[\s\S]*)?`)

type tv4URI struct {
	protocol, authority, pathname, search, hash string
}

func tv4ParseURI(s string) tv4URI {
	m := tv4URIParts.FindStringSubmatch(strings.TrimFunc(s, isJSSpace))
	return tv4URI{protocol: m[1], authority: m[2], pathname: m[6], search: m[7], hash: m[8]}
}

var (
	tv4LeadingDots = regexp.MustCompile(`^(\.\.?(/|$))+`)
	tv4DotSegments = regexp.MustCompile(`/(\.(/|$))+`)
	tv4TrailingUp  = regexp.MustCompile(`/\.\.$`)
	tv4Segment     = regexp.MustCompile(`/?[^/]*`)
)

// tv4RemoveDotSegments is resolveUrl's removeDotSegments.
func tv4RemoveDotSegments(input string) string {
	s := tv4LeadingDots.ReplaceAllString(input, "")
	s = tv4DotSegments.ReplaceAllString(s, "/")
	if loc := tv4TrailingUp.FindStringIndex(s); loc != nil {
		s = s[:loc[0]] + "/../"
	}
	var out []string
	for _, p := range tv4Segment.FindAllString(s, -1) {
		if p == "/.." {
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		} else {
			out = append(out, p)
		}
	}
	res := strings.Join(out, "")
	if strings.HasPrefix(res, "/") && !strings.HasPrefix(input, "/") {
		res = res[1:]
	}
	return res
}

// tv4ResolveURL is tv4's resolveUrl(base, href).
func tv4ResolveURL(base, href string) string {
	h, b := tv4ParseURI(href), tv4ParseURI(base)
	var sb strings.Builder
	sb.WriteString(or(h.protocol, b.protocol))
	if h.protocol != "" || h.authority != "" {
		sb.WriteString(h.authority)
	} else {
		sb.WriteString(b.authority)
	}
	var path string
	switch {
	case h.protocol != "" || h.authority != "" || strings.HasPrefix(h.pathname, "/"):
		path = h.pathname
	case h.pathname != "":
		if b.authority != "" && b.pathname == "" {
			path = "/"
		}
		path += b.pathname[:strings.LastIndexByte(b.pathname, '/')+1] + h.pathname
	default:
		path = b.pathname
	}
	sb.WriteString(tv4RemoveDotSegments(path))
	if h.protocol != "" || h.authority != "" || h.pathname != "" {
		sb.WriteString(h.search)
	} else {
		sb.WriteString(or(h.search, b.search))
	}
	sb.WriteString(h.hash)
	return sb.String()
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// tv4DocumentURI is getDocumentUri: uri without its fragment.
func tv4DocumentURI(uri string) string {
	doc, _, _ := strings.Cut(uri, "#")
	return doc
}

// tv4NormSchema is normSchema: ids resolve against their base and $refs
// against their id, in place, everywhere but under enum.
func tv4NormSchema(v any, base string) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			tv4NormSchema(e, base)
		}
	case *schemadoc.Object:
		if id, ok := x.String("id"); ok {
			base = tv4ResolveURL(base, id)
			x.Vals["id"] = base
		}
		if ref, ok := x.String("$ref"); ok {
			x.Vals["$ref"] = tv4ResolveURL(base, ref)
		}
		for _, k := range x.Keys {
			if k != "enum" {
				tv4NormSchema(x.Vals[k], base)
			}
		}
	}
}

// tv4SearchSchemas is searchSchemas: it offers add every subschema whose
// id url trusts (the same document, or one under it).
func tv4SearchSchemas(v any, url string, add func(id string, node any)) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			tv4SearchSchemas(e, url, add)
		}
	case *schemadoc.Object:
		if id, ok := x.String("id"); ok && tv4IsTrustedURL(url, id) {
			add(id, x)
		}
		for _, k := range x.Keys {
			switch v := x.Vals[k]; v.(type) {
			case bool, float64:
				if k == "$ref" {
					// getDocumentUri(5)
					panic(tv4Throw{name: "TypeError", message: "uri.split is not a function"})
				}
			default:
				if k != "enum" {
					tv4SearchSchemas(v, url, add)
				}
			}
		}
	}
}

// tv4IsTrustedURL is isTrustedUrl.
func tv4IsTrustedURL(base, test string) bool {
	if !strings.HasPrefix(test, base) {
		return false
	}
	rest := test[len(base):]
	return base != "" && base[len(base)-1] == '/' || strings.HasPrefix(rest, "#") || strings.HasPrefix(rest, "?")
}

// tv4DecodeURIComponent is decodeURIComponent, for a $ref's fragment.
func tv4DecodeURIComponent(s string) (string, error) {
	out, err := url.PathUnescape(s)
	if err == nil && !utf8.ValidString(out) {
		err = url.EscapeError(s)
	}
	return out, err
}

// tv4EncodeURI is encodeURIComponent (keep "") or encodeURI (keep
// ";,/?:@&=+$#") of JavaScript's String(v).
func tv4EncodeURI(v any, keep string) string {
	s := tv4ToString(v)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteString(strings.ToUpper(hex.EncodeToString([]byte{c})))
	}
	return b.String()
}

// tv4Escape is how a URI template writes a value: percent-encoded, or
// for + and # expressions encodeURI that leaves existing %XX alone.
func tv4Escape(v any, escape bool) string {
	if escape {
		return strings.ReplaceAll(tv4EncodeURI(v, ""), "!", "%21")
	}
	return tv4DoubleEncoded.ReplaceAllStringFunc(tv4EncodeURI(v, ";,/?:@&=+$#"), func(m string) string { return "%" + m[3:] })
}

var tv4DoubleEncoded = regexp.MustCompile(`%25[0-9][0-9]`)

// tv4VarSpec is one variable of a URI template expression.
type tv4VarSpec struct {
	name     string
	truncate *int
	explode  bool
}

// tv4Expression is one {...} of a URI template, as uriTemplateSubstitution
// reads it.
type tv4Expression struct {
	prefix, separator             string
	escape, showVariables, trimEq bool
	vars                          []tv4VarSpec
}

func tv4ParseExpression(spec string) tv4Expression {
	e := tv4Expression{escape: true}
	if spec != "" && strings.IndexByte("+#./;?&", spec[0]) >= 0 {
		switch spec[0] {
		case '+':
			e.escape = false
		case '.', '/':
			e.prefix, e.separator = spec[:1], spec[:1]
		case '#':
			e.prefix, e.escape = "#", false
		case ';':
			e.prefix, e.separator, e.showVariables, e.trimEq = ";", ";", true, true
		case '?':
			e.prefix, e.separator, e.showVariables = "?", "&", true
		case '&':
			e.prefix, e.separator, e.showVariables = "&", "&", true
		}
		spec = spec[1:]
	}
	for _, name := range strings.Split(spec, ",") {
		vs := tv4VarSpec{}
		if strings.Contains(name, ":") {
			parts := strings.Split(name, ":")
			name = parts[0]
			n := tv4ParseInt(parts[1])
			vs.truncate = &n
		}
		for strings.HasSuffix(name, "*") {
			vs.explode, name = true, name[:len(name)-1]
		}
		vs.name = name
		e.vars = append(e.vars, vs)
	}
	return e
}

// tv4ParseInt is parseInt(s, 10) as a substring bound: NaN counts as 0.
func tv4ParseInt(s string) int {
	s = strings.TrimLeftFunc(s, isJSSpace)
	end := 0
	if end < len(s) && (s[end] == '-' || s[end] == '+') {
		end++
	}
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(s[:end])
	return n
}

// fill is the expression's substitution with values from lookup.
func (e tv4Expression) fill(lookup func(string) (any, bool)) string {
	var b strings.Builder
	start := 0
	sep := or(e.separator, ",")
	for i, vs := range e.vars {
		value, ok := lookup(vs.name)
		list, isList := value.([]any)
		obj, isObj := value.(*schemadoc.Object)
		if !ok || value == nil || isList && len(list) == 0 || isObj && len(obj.Keys) == 0 {
			start++
			continue
		}
		if i == start {
			b.WriteString(e.prefix)
		} else {
			b.WriteString(sep)
		}
		switch {
		case isList:
			if e.showVariables {
				b.WriteString(vs.name + "=")
			}
			for j, item := range list {
				if j > 0 {
					if vs.explode {
						b.WriteString(sep)
						if e.showVariables {
							b.WriteString(vs.name + "=")
						}
					} else {
						b.WriteString(",")
					}
				}
				b.WriteString(tv4Escape(item, e.escape))
			}
		case isObj:
			if e.showVariables && !vs.explode {
				b.WriteString(vs.name + "=")
			}
			for j, k := range obj.Keys {
				if j > 0 {
					if vs.explode {
						b.WriteString(sep)
					} else {
						b.WriteString(",")
					}
				}
				b.WriteString(tv4Escape(k, e.escape))
				if vs.explode {
					b.WriteString("=")
				} else {
					b.WriteString(",")
				}
				b.WriteString(tv4Escape(obj.Vals[k], e.escape))
			}
		default:
			if e.showVariables {
				b.WriteString(vs.name)
				if !e.trimEq || value != "" {
					b.WriteString("=")
				}
			}
			if vs.truncate != nil {
				s, isString := value.(string)
				if !isString {
					panic(tv4Throw{name: "TypeError", message: "value.substring is not a function"})
				}
				u := []rune(s)
				n := min(max(*vs.truncate, 0), len(u))
				value = string(u[:n])
			}
			b.WriteString(tv4Escape(value, e.escape))
		}
	}
	return b.String()
}

// tv4URITemplate is tv4's UriTemplate: the variables of template and a
// function filling them from an object.
func tv4URITemplate(template string) (names []string, fill func(lookup func(string) (any, bool)) string) {
	parts := strings.Split(template, "{")
	texts := []string{parts[0]}
	var exprs []tv4Expression
	for _, p := range parts[1:] {
		spec, _, _ := strings.Cut(p, "}")
		rest := ""
		if len(spec) < len(p) {
			rest = p[len(spec)+1:]
		}
		e := tv4ParseExpression(spec)
		exprs = append(exprs, e)
		texts = append(texts, rest)
		for _, v := range e.vars {
			names = append(names, v.name)
		}
	}
	return names, func(lookup func(string) (any, bool)) string {
		var b strings.Builder
		b.WriteString(texts[0])
		for i, e := range exprs {
			b.WriteString(e.fill(lookup))
			b.WriteString(texts[i+1])
		}
		return b.String()
	}
}

// validateHypermedia follows "describedby" links whose href variables the
// data has, validating the data against the schema the link names.
func (c *tv4Ctx) validateHypermedia(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	links, _ := schema.Get("links")
	if !tv4Truthy(links) {
		return nil
	}
	for i, ldo := range tv4Elems(links) {
		if ldo == nil {
			panic(tv4Throw{name: "TypeError", message: "Cannot read properties of null (reading 'rel')"})
		}
		if rel, _ := tv4Get(ldo, "rel"); rel != "describedby" {
			continue
		}
		href, ok := tv4Get(ldo, "href")
		template, isString := href.(string)
		if !isString {
			if !ok {
				panic(tv4Throw{name: "TypeError", message: "Cannot read properties of undefined (reading 'split')"})
			}
			panic(tv4Throw{name: "TypeError", message: "template.split is not a function"})
		}
		names, fill := tv4URITemplate(template)
		present := true
		for _, n := range names {
			if !tv4IsObject(data) {
				panic(tv4Throw{name: "TypeError", message: "Cannot use 'in' operator to search for '" + n + "' in " + tv4ToString(data)})
			}
			if _, ok := tv4Get(data, n); !ok {
				present = false
				break
			}
		}
		if !present {
			continue
		}
		ref := fill(func(name string) (any, bool) { return tv4Get(data, name) })
		sub := &schemadoc.Object{Keys: []string{"$ref"}, Vals: map[string]any{"$ref": ref}}
		if e := c.validateAll(data, sub, []string{}, []string{"links", strconv.Itoa(i)}, pointer); e != nil {
			return e
		}
	}
	return nil
}

// tv4Stringify is JSON.stringify of a JSON value, as tv4 quotes data in
// enum errors.
func tv4Stringify(v any) string {
	var b strings.Builder
	tv4WriteJSON(&b, v)
	return b.String()
}

// tv4WriteJSON writes v as JSON.stringify writes it: object keys in
// order, numbers as JavaScript prints them, strings escaped only where
// JSON requires.
func tv4WriteJSON(b *strings.Builder, v any) {
	switch x := v.(type) {
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case float64:
		b.WriteString(variables.FormatNumber(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case string:
		tv4WriteString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			tv4WriteJSON(b, e)
		}
		b.WriteByte(']')
	case *schemadoc.Object:
		b.WriteByte('{')
		for i, k := range x.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			tv4WriteString(b, k)
			b.WriteByte(':')
			tv4WriteJSON(b, x.Vals[k])
		}
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
}

func tv4WriteString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteString(hex.EncodeToString([]byte{byte(r)}))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
