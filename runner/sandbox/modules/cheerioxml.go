package modules

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Documents loaded with cheerio.load(markup, {xmlMode: true}) are parsed as
// htmlparser2 parses XML: names keep their case, empty elements may close
// themselves, CDATA is text and only XML's entities are decoded. They are
// held in the same html.Node trees as HTML, so that goquery and cascadia
// work on them: element names and attribute keys are lowercased there, as
// cascadia lowercases the names in selectors, and the names as written
// are kept in docInfo for the objects scripts see and for serialising.

// docInfo is what a parsed document keeps beside its tree.
type docInfo struct {
	xml bool
	// decode is cheerio's decodeEntities option: false writes text back
	// as it was read rather than with entities for non-ASCII.
	decode bool
	// names are the names as written of an XML document's elements, and
	// attrs the keys of their attributes (in n.Attr's order).
	names map[*html.Node]string
	attrs map[*html.Node][]string
	// cdata are the text nodes that were CDATA sections, raw the
	// processing instructions and directives, written back as they were.
	cdata map[*html.Node]bool
	raw   map[*html.Node]string
}

// parseXML parses markup as XML into a root node whose children are the
// top level nodes, leniently: an end tag closes the innermost open
// element of its name (and those inside it) and is otherwise ignored, and
// the elements still open at the end close there.
func parseXML(markup string) (*html.Node, *docInfo, error) {
	info := &docInfo{xml: true, decode: true, names: map[*html.Node]string{}, attrs: map[*html.Node][]string{},
		cdata: map[*html.Node]bool{}, raw: map[*html.Node]string{}}
	root := &html.Node{Type: html.DocumentNode}
	// Control characters htmlparser2 keeps and Go's decoder refuses go
	// through it as stand-ins, as in xml2js.go.
	hidden := strings.IndexFunc(markup, isXMLControl) >= 0
	if hidden {
		markup = hideControls(markup)
	}
	restore := func(s string) string {
		if hidden {
			return restoreControls(s)
		}
		return s
	}
	d := xml.NewDecoder(strings.NewReader(markup))
	d.Strict = false
	d.Entity = map[string]string{}
	// The text is already a string: a declared encoding (ISO-8859-1 in
	// many SOAP answers) changes nothing, as in htmlparser2, where Go's
	// decoder would stop at the declaration and leave the document empty.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	open := []*html.Node{root}
	top := func() *html.Node { return open[len(open)-1] }
	qname := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// What was read stands, as htmlparser2 keeps what it parsed.
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := qname(t.Name)
			n := &html.Node{Type: html.ElementNode, Data: strings.ToLower(name)}
			keys := make([]string, 0, len(t.Attr))
			for _, a := range t.Attr {
				key := qname(a.Name)
				if i := attrIndex(n.Attr, strings.ToLower(key)); i >= 0 {
					continue // the first of repeated attributes wins
				}
				n.Attr = append(n.Attr, html.Attribute{Key: strings.ToLower(key), Val: restore(a.Value)})
				keys = append(keys, key)
			}
			info.names[n] = name
			info.attrs[n] = keys
			top().AppendChild(n)
			open = append(open, n)
		case xml.EndElement:
			name := qname(t.Name)
			for i := len(open) - 1; i > 0; i-- {
				if info.names[open[i]] == name {
					open = open[:i]
					break
				}
			}
		case xml.CharData:
			n := &html.Node{Type: html.TextNode, Data: restore(string(t))}
			top().AppendChild(n)
			if isCDATA(markup, d.InputOffset()) {
				info.cdata[n] = true
			}
		case xml.Comment:
			top().AppendChild(&html.Node{Type: html.CommentNode, Data: string(t)})
		case xml.ProcInst:
			n := &html.Node{Type: html.DoctypeNode, Data: "?" + t.Target}
			info.raw[n] = "<?" + t.Target + procInstBody(t.Inst) + "?>"
			top().AppendChild(n)
		case xml.Directive:
			n := &html.Node{Type: html.DoctypeNode, Data: "!" + string(t)}
			info.raw[n] = "<!" + string(t) + ">"
			top().AppendChild(n)
		}
	}
	return root, info, nil
}

func procInstBody(inst []byte) string {
	if len(inst) == 0 {
		return ""
	}
	return " " + string(inst)
}

// isCDATA reports whether the character data the decoder has just read,
// up to offset in markup, was a CDATA section: text ends before the next
// '<', a CDATA section with its "]]>".
func isCDATA(markup string, offset int64) bool {
	return offset >= 3 && int(offset) <= len(markup) && strings.HasSuffix(markup[:offset], "]]>")
}

func attrIndex(attrs []html.Attribute, key string) int {
	for i, a := range attrs {
		if a.Key == key {
			return i
		}
	}
	return -1
}

// lowerHTMLNames lowercases the element names and attribute keys the HTML
// parser gave SVG and MathML their mixed case (viewBox, clipPath), as
// htmlparser2 lowercases every name in HTML mode.
func lowerHTMLNames(n *html.Node) {
	if n.Type == html.ElementNode {
		if n.Namespace != "" {
			n.Data = strings.ToLower(n.Data)
		}
		for i := range n.Attr {
			n.Attr[i].Key = strings.ToLower(n.Attr[i].Key)
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		lowerHTMLNames(k)
	}
}

// name is an element's name as a script sees it.
func (info *docInfo) name(n *html.Node) string {
	if info != nil && info.names != nil {
		if name, ok := info.names[n]; ok {
			return name
		}
	}
	return n.Data
}

// attrKey is the key of n's i-th attribute as a script sees it.
func (info *docInfo) attrKey(n *html.Node, i int) string {
	if info != nil && info.attrs != nil {
		if keys, ok := info.attrs[n]; ok && i < len(keys) {
			return keys[i]
		}
	}
	return n.Attr[i].Key
}

// unencoded are the elements whose text dom-serializer writes as it is.
var unencoded = map[string]bool{"style": true, "script": true, "xmp": true, "iframe": true, "noembed": true,
	"noframes": true, "plaintext": true, "noscript": true}

// voidTags are the elements dom-serializer writes without an end tag in
// HTML mode.
var voidTags = map[string]bool{"area": true, "base": true, "basefont": true, "br": true, "col": true, "command": true,
	"embed": true, "frame": true, "hr": true, "img": true, "input": true, "isindex": true, "keygen": true, "link": true,
	"meta": true, "param": true, "source": true, "track": true, "wbr": true}

// render writes n as cheerio 0.22's dom-serializer does: an attribute
// with an empty value as its bare name (but in XML), an empty element
// closing itself in XML mode (and inside svg), void elements without an
// end tag, and, with entities decoded, &<>"' and non-ASCII text as
// entities.
func (info *docInfo) render(b *strings.Builder, n *html.Node, xmlMode bool) {
	decode := info == nil || info.decode
	switch n.Type {
	case html.DocumentNode:
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			info.render(b, k, xmlMode)
		}
	case html.ElementNode:
		name := info.name(n)
		if name == "svg" {
			xmlMode = true
		}
		b.WriteString("<")
		b.WriteString(name)
		for i, a := range n.Attr {
			b.WriteString(" ")
			if a.Namespace != "" {
				b.WriteString(a.Namespace + ":")
			}
			b.WriteString(info.attrKey(n, i))
			if a.Val != "" || xmlMode {
				b.WriteString(`="`)
				b.WriteString(encodeEntities(a.Val, decode, true))
				b.WriteString(`"`)
			}
		}
		if xmlMode && n.FirstChild == nil {
			b.WriteString("/>")
			return
		}
		b.WriteString(">")
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			info.render(b, k, xmlMode)
		}
		if !voidTags[name] || xmlMode {
			b.WriteString("</" + name + ">")
		}
	case html.TextNode:
		switch {
		case info != nil && info.cdata[n]:
			b.WriteString("<![CDATA[" + n.Data + "]]>")
		case n.Parent != nil && n.Parent.Type == html.ElementNode && unencoded[n.Parent.Data]:
			b.WriteString(n.Data)
		default:
			b.WriteString(encodeEntities(n.Data, decode, false))
		}
	case html.CommentNode:
		b.WriteString("<!--" + n.Data + "-->")
	case html.DoctypeNode:
		if info != nil {
			if raw, ok := info.raw[n]; ok {
				b.WriteString(raw)
				return
			}
		}
		_ = html.Render(b, n)
	}
}

// encodeEntities is the entities package's encodeXML (&, <, >, " and ' by
// name, anything beyond ASCII as a hexadecimal reference); without
// decoding, text keeps its characters and only what would break the
// markup is escaped.
func encodeEntities(s string, decode, attr bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && (decode || attr):
			b.WriteString("&quot;")
		case r == '\'' && decode:
			b.WriteString("&apos;")
		case r > 0x7F && decode:
			b.WriteString("&#x" + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
