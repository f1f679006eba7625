package mockserver

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// Content types exactly as Tableau sends them: scripts in the wild (the
// official Postman collection among them) compare the whole string, so
// there must be no space before charset.
const (
	contentTypeXML  = "application/xml;charset=utf-8"
	contentTypeJSON = "application/json;charset=utf-8"
)

// node is one element of a response, kept in document order so that the
// same tree renders as Tableau's XML and as Tableau's JSON mapping.
type node struct {
	name  string
	attrs []attr
	kids  []*node
	text  string
	// hasText marks an element with character content (productVersion),
	// which JSON renders as a string or as "value".
	hasText bool
	// list marks a container of repeated items (workbooks, tags), which
	// JSON renders as {"workbook":[...]} and, when empty, as {}.
	list bool
}

type attr struct{ name, value string }

func el(name string) *node { return &node{name: name} }

func listEl(name string) *node { return &node{name: name, list: true} }

func textEl(name, text string) *node { return &node{name: name, text: text, hasText: true} }

// set appends an attribute; attributes keep the order they are set in.
func (n *node) set(name, value string) *node {
	n.attrs = append(n.attrs, attr{name, value})
	return n
}

// setIf appends an attribute only when it has a value, for the optional
// attributes Tableau leaves out rather than sending empty.
func (n *node) setIf(name, value string) *node {
	if value != "" {
		n.set(name, value)
	}
	return n
}

func (n *node) add(kids ...*node) *node {
	for _, k := range kids {
		if k != nil {
			n.kids = append(n.kids, k)
		}
	}
	return n
}

// schemaLocation names the XSD of the API version the mock claims, as
// Tableau does since 3.x.
func schemaLocation(apiVersion string) string {
	return "http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_" +
		strings.ReplaceAll(apiVersion, ".", "_") + ".xsd"
}

// renderXML writes a tsResponse document compactly, as Tableau does.
func renderXML(apiVersion string, kids []*node) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="`)
	b.WriteString(schemaLocation(apiVersion))
	b.WriteString(`">`)
	for _, k := range kids {
		writeXMLNode(&b, k)
	}
	b.WriteString("</tsResponse>")
	return b.Bytes()
}

func writeXMLNode(b *bytes.Buffer, n *node) {
	b.WriteByte('<')
	b.WriteString(n.name)
	for _, a := range n.attrs {
		b.WriteByte(' ')
		b.WriteString(a.name)
		b.WriteString(`="`)
		escapeXML(b, a.value, true)
		b.WriteByte('"')
	}
	if len(n.kids) == 0 && !n.hasText {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	if n.hasText {
		escapeXML(b, n.text, false)
	}
	for _, k := range n.kids {
		writeXMLNode(b, k)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// escapeXML escapes only what XML requires, as Tableau does: Tableau
// writes apostrophes literally (its 404003 detail reads "Unknown resource
// '/2.4/serverInfo' specified in URI."), where xml.EscapeText would write
// &#39;. Text needs &, < and > (the last so that "]]>" never appears);
// attribute values, always double-quoted here, also need " and character
// references for tab, newline and carriage return, which attribute-value
// normalisation would otherwise turn into spaces. Characters XML cannot
// carry at all become U+FFFD, as in encoding/xml.
func escapeXML(b *bytes.Buffer, s string, attr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && r == '\t':
			b.WriteString("&#x9;")
		case attr && r == '\n':
			b.WriteString("&#xA;")
		case r == '\r':
			// Parsers turn a literal CR into LF even in text.
			b.WriteString("&#xD;")
		case !xmlChar(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
}

// xmlChar reports whether XML 1.0 allows the character (the Char
// production); a decoding error (utf8.RuneError) counts as not allowed.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF && r != utf8.RuneError || r >= 0xE000 && r <= 0xFFFD && r != utf8.RuneError ||
		r >= 0x10000 && r <= 0x10FFFF
}

// renderJSON writes Tableau's JSON mapping of a tsResponse: no wrapper,
// child elements first and then attributes as string-valued keys, lists as
// {"item":[...]}, element text as "value" (or the bare string for an
// element with nothing else).
func renderJSON(kids []*node) []byte {
	var b bytes.Buffer
	writeJSONMembers(&b, kids, nil, "", false, false)
	return b.Bytes()
}

func writeJSONValue(b *bytes.Buffer, n *node) {
	switch {
	case n.list:
		// An item of a list is an array even when alone, so that clients
		// can index it without checking its type.
		writeJSONMembers(b, n.kids, nil, "", false, true)
	case n.hasText && len(n.attrs) == 0 && len(n.kids) == 0:
		writeJSONString(b, n.text)
	default:
		writeJSONMembers(b, n.kids, n.attrs, n.text, n.hasText, false)
	}
}

// writeJSONMembers renders an object; children sharing a name become one
// array under that name, as they do in Tableau's lists.
func writeJSONMembers(b *bytes.Buffer, kids []*node, attrs []attr, text string, hasText, arrays bool) {
	b.WriteByte('{')
	first := true
	sep := func() {
		if !first {
			b.WriteByte(',')
		}
		first = false
	}
	counts := map[string]int{}
	for _, k := range kids {
		counts[k.name]++
	}
	done := map[string]bool{}
	for _, k := range kids {
		if done[k.name] {
			continue
		}
		done[k.name] = true
		sep()
		writeJSONString(b, k.name)
		b.WriteByte(':')
		if counts[k.name] > 1 || arrays {
			b.WriteByte('[')
			n := 0
			for _, same := range kids {
				if same.name == k.name {
					if n > 0 {
						b.WriteByte(',')
					}
					writeJSONValue(b, same)
					n++
				}
			}
			b.WriteByte(']')
			continue
		}
		writeJSONValue(b, k)
	}
	for _, a := range attrs {
		sep()
		writeJSONString(b, a.name)
		b.WriteByte(':')
		writeJSONString(b, a.value)
	}
	if hasText {
		sep()
		writeJSONString(b, "value")
		b.WriteByte(':')
		writeJSONString(b, text)
	}
	b.WriteByte('}')
}

func writeJSONString(b *bytes.Buffer, s string) {
	enc, _ := json.Marshal(s)
	b.Write(enc)
}
