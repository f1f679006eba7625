package runner

import (
	"regexp"
	"strings"
)

// jsonContentType matches the Content-Types postman-runtime treats as JSON.
var jsonContentType = regexp.MustCompile(`^application/(\S+\+)?json`)

// stripsJSONComments reports whether Postman would strip comments from this
// raw body: its language is json, or it has no language and a JSON
// Content-Type.
func stripsJSONComments(language, contentType string, hasContentType bool) bool {
	if language != "" {
		return language == "json"
	}
	return hasContentType && jsonContentType.MatchString(contentType)
}

// stripJSONComments removes // and /* */ comments outside strings, as the
// strip-json-comments package (with whitespace: false) that Postman uses
// does, so that JSON bodies with comments reach servers as valid JSON.
func stripJSONComments(s string) string {
	if !strings.Contains(s, "//") && !strings.Contains(s, "/*") {
		return s
	}
	const (
		none = iota
		single
		multi
	)
	var b strings.Builder
	inString, comment, offset := false, none, 0
	escaped := func(i int) bool {
		n := 0
		for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		return n%2 == 1
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		var next byte
		if i+1 < len(s) {
			next = s[i+1]
		}
		if comment == none && c == '"' && !escaped(i) {
			inString = !inString
		}
		if inString {
			continue
		}
		switch {
		case comment == none && c == '/' && next == '/':
			b.WriteString(s[offset:i])
			offset, comment = i, single
			i++
		case comment == single && c == '\r' && next == '\n':
			i++
			comment, offset = none, i
		case comment == single && c == '\n':
			comment, offset = none, i
		case comment == none && c == '/' && next == '*':
			b.WriteString(s[offset:i])
			offset, comment = i, multi
			i++
		case comment == multi && c == '*' && next == '/':
			i++
			comment, offset = none, i+1
		}
	}
	if comment == none {
		b.WriteString(s[offset:])
	}
	return b.String()
}
