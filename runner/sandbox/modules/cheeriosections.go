package modules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// htmlparser2 (cheerio 0.22's parser) reads two constructs of HTML mode
// differently from an HTML5 parser, and SOAP answers loaded with
// cheerio.load(responseBody), Postman's snippet, hold both: a CDATA
// section is one comment "[CDATA[...]]" up to its "]]>" (HTML5 ends a
// bogus comment at the first '>' and reads the rest as markup), and a
// processing instruction such as <?xml version="1.0"?> is a directive
// written back as it was (HTML5 makes it a comment). Before parsing, each
// is replaced by a comment holding a marker, and after it the marked
// comments become what htmlparser2 makes.

// htmlSection is one construct set aside before parsing.
type htmlSection struct {
	source string // as written, for a marker that landed in text
	pi     bool   // a processing instruction, else a CDATA section
	data   string // the comment's or the directive's data
}

// sectionMarker is the comment text standing for section i; U+E000 is a
// private-use character that markup does not hold.
func sectionMarker(i int) string { return "\uE000" + strconv.Itoa(i) + "\uE000" }

// setAsideSections replaces the CDATA sections and processing
// instructions of markup outside comments, tags and script or style
// elements (htmlparser2 reads those as text) with marker comments.
func setAsideSections(markup string) (string, []htmlSection) {
	var out strings.Builder
	var sections []htmlSection
	done := 0 // markup[:done] is in out
	mark := func(start, end int, s htmlSection) {
		out.WriteString(markup[done:start])
		out.WriteString("<!--" + sectionMarker(len(sections)) + "-->")
		sections = append(sections, s)
		done = end
	}
	for i := 0; i < len(markup); {
		j := strings.IndexByte(markup[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := markup[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				i = len(markup)
				break
			}
			i += 4 + end + 3
		case len(rest) >= 9 && strings.EqualFold(rest[:9], "<![CDATA["):
			body, end := rest[9:], len(rest)
			if k := strings.Index(body, "]]>"); k >= 0 {
				body, end = body[:k], 9+k+3
			}
			mark(i, i+end, htmlSection{source: rest[:end], data: "[CDATA[" + body + "]]"})
			i += end
		case strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				// htmlparser2 keeps what follows an unclosed "<?" as text.
				out.WriteString(markup[done:i])
				out.WriteString(html.EscapeString(rest[2:]))
				done, i = len(markup), len(markup)
				break
			}
			mark(i, i+end+1, htmlSection{source: rest[:end+1], pi: true, data: rest[1:end]})
			i += end + 1
		case len(rest) > 1 && (isASCIILetter(rest[1]) || rest[1] == '/' || rest[1] == '!'):
			i += tagEnd(rest)
			if name := tagName(rest); name == "script" || name == "style" {
				k := strings.Index(strings.ToLower(markup[i:]), "</"+name)
				if k < 0 {
					i = len(markup)
				} else {
					i += k
				}
			}
		default:
			i++
		}
	}
	if done == 0 {
		return markup, nil
	}
	out.WriteString(markup[done:])
	return out.String(), sections
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagEnd is the length of the tag at the start of s, to its '>' outside
// quoted attribute values (all of s when it does not end).
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(s)
}

// tagName is the lower-case name of the start tag at the start of s, ""
// for an end tag or a declaration.
func tagName(s string) string {
	i := 1
	for i < len(s) && !strings.ContainsRune(" \t\n\r\f/>", rune(s[i])) {
		i++
	}
	if !isASCIILetter(s[1]) {
		return ""
	}
	return strings.ToLower(s[1:i])
}

// restoreSections turns the marker comments under n into htmlparser2's
// comments and directives, and puts back as written the sections whose
// markers the HTML5 parser read as text (inside textarea or title).
func restoreSections(n *html.Node, sections []htmlSection, info *docInfo) {
	switch n.Type {
	case html.CommentNode:
		if i, ok := sectionIndex(n.Data, len(sections)); ok {
			s := sections[i]
			n.Data = s.data
			if s.pi {
				n.Type = html.DoctypeNode
				if info.raw == nil {
					info.raw = map[*html.Node]string{}
				}
				info.raw[n] = "<" + s.data + ">"
			}
		}
	case html.TextNode:
		if strings.Contains(n.Data, "\uE000") {
			for i, s := range sections {
				n.Data = strings.ReplaceAll(n.Data, "<!--"+sectionMarker(i)+"-->", s.source)
			}
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		restoreSections(k, sections, info)
	}
}

// sectionIndex reads the section number of a marker comment.
func sectionIndex(data string, n int) (int, bool) {
	inner, ok := strings.CutPrefix(data, "\uE000")
	if !ok {
		return 0, false
	}
	inner, ok = strings.CutSuffix(inner, "\uE000")
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(inner)
	if err != nil || i < 0 || i >= n {
		return 0, false
	}
	return i, true
}

// directive gives a directive node's name and data as domhandler has
// them: the data is the markup between '<' and '>', the name its first
// word (lower case outside xmlMode), "?xml" or "!doctype".
func (info *docInfo) directive(n *html.Node) (name, data string) {
	raw, ok := "", false
	if info != nil {
		raw, ok = info.raw[n]
	}
	if !ok {
		var b strings.Builder
		_ = html.Render(&b, n)
		raw = b.String()
	}
	data = strings.TrimSuffix(strings.TrimPrefix(raw, "<"), ">")
	name = data
	if i := strings.IndexAny(data, " \t\n\r\f/"); i >= 0 {
		name = data[:i]
	}
	if info == nil || !info.xml {
		name = strings.ToLower(name)
	}
	return name, data
}
