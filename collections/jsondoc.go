package collections

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A document is parsed once, validating as it goes, into a tape: one entry
// per JSON value and per object member's name, in document order, each
// with its span in the text and the index of the entry after everything
// it holds. Walking an object's members or a list's elements then steps
// over nested values at once. gjson, which colrun read documents with
// before, validated in a pass of its own and then scanned a nested value's
// text again for each object or list around it that was walked: a
// request's script was read once for its event, once for its item and
// once for the collection.
//
// No library kept what the decoders need: a value's exact text (a raw
// body, a "disabled" value and v1 conversion pass object and list values
// on as written, escapes and all), a number's digits, every member of an
// object with a repeated name, and gjson's grammar (which lets invalid
// UTF-8 through, as Newman does). fastjson, for one, keeps no text of
// objects and lists, and checks neither escapes nor numbers as it parses.

// kind is a JSON value's type.
type kind uint8

const (
	kindNull kind = iota
	kindFalse
	kindTrue
	kindNumber
	kindString
	kindObject
	kindArray
)

// entry is one value, or one member name, of a document.
type entry struct {
	start, end int32 // the value's text, quotes and brackets included
	next       int32 // the index of the entry after the value and all it holds
	kind       kind
	escaped    bool // a string with a backslash escape
}

// document is a parsed JSON text.
type document struct {
	text string
	tape []entry
}

// node is one JSON value of a document, or no value (the zero node): a
// missing member reads as one, which is null to the decoders.
type node struct {
	d *document
	i int32
}

// maxDocument is the longest text a tape's 32-bit offsets can span.
// Newman reads no file past V8's longest string, 512 MiB.
const maxDocument = math.MaxInt32

// parseDocument parses JSON text; ok is false when the text is not JSON.
// The grammar is gjson's (RFC 8259's, with any bytes above 0x1f in
// strings), which colrun accepted before it parsed documents itself. A
// value of the result keeps text and the tape alive: the decoders copy
// what the model keeps.
func parseDocument(text string) (root node, ok bool) {
	if len(text) > maxDocument {
		return node{}, false
	}
	// Postman's documents are mostly strings, and have an entry for
	// about every 1.4 strings: sized so, the tape is seldom copied to grow.
	quotes := strings.Count(text, `"`)
	d := &document{text: text, tape: make([]entry, 0, quotes/2+quotes/4+16)}
	if !d.parse() {
		return node{}, false
	}
	return node{d: d}, true
}

// parse fills the tape; it keeps its own stack of open objects and lists,
// so that deep nesting costs no goroutine stack.
func (d *document) parse() bool {
	s := d.text
	var openBuf [32]int32
	open := openBuf[:0] // tape indexes of the objects and lists not yet closed
	i := skipSpace(s, 0)
value:
	if i >= len(s) {
		return false
	}
	switch c := s[i]; c {
	case '{', '[':
		k := kindObject
		if c == '[' {
			k = kindArray
		}
		open = append(open, int32(len(d.tape)))
		d.tape = append(d.tape, entry{start: int32(i), kind: k})
		i = skipSpace(s, i+1)
		if i >= len(s) {
			return false
		}
		if c == '[' {
			if s[i] != ']' {
				goto value
			}
		} else if s[i] != '}' {
			goto member
		}
		goto closeOne
	case '"':
		end, escaped, ok := scanString(s, i)
		if !ok {
			return false
		}
		d.tape = append(d.tape, entry{start: int32(i), end: int32(end), next: int32(len(d.tape) + 1), kind: kindString, escaped: escaped})
		i = end
	case 't', 'f', 'n':
		lit, k := "true", kindTrue
		switch c {
		case 'f':
			lit, k = "false", kindFalse
		case 'n':
			lit, k = "null", kindNull
		}
		if !strings.HasPrefix(s[i:], lit) {
			return false
		}
		d.tape = append(d.tape, entry{start: int32(i), end: int32(i + len(lit)), next: int32(len(d.tape) + 1), kind: k})
		i += len(lit)
	default:
		end, ok := scanNumber(s, i)
		if !ok {
			return false
		}
		d.tape = append(d.tape, entry{start: int32(i), end: int32(end), next: int32(len(d.tape) + 1), kind: kindNumber})
		i = end
	}
	// A value has ended: the next is a comma or the end of what holds it.
afterValue:
	if len(open) == 0 {
		return skipSpace(s, i) == len(s)
	}
	{
		top := &d.tape[open[len(open)-1]]
		i = skipSpace(s, i)
		if i >= len(s) {
			return false
		}
		closer := byte('}')
		if top.kind == kindArray {
			closer = ']'
		}
		switch s[i] {
		case ',':
			i = skipSpace(s, i+1)
			if top.kind == kindArray {
				goto value
			}
			goto member
		case closer:
			goto closeOne
		}
		return false
	}
	// An object's member: its name, a colon, and its value.
member:
	if i >= len(s) || s[i] != '"' {
		return false
	}
	{
		end, escaped, ok := scanString(s, i)
		if !ok {
			return false
		}
		d.tape = append(d.tape, entry{start: int32(i), end: int32(end), next: int32(len(d.tape) + 1), kind: kindString, escaped: escaped})
		i = skipSpace(s, end)
		if i >= len(s) || s[i] != ':' {
			return false
		}
		i = skipSpace(s, i+1)
		goto value
	}
	// s[i] closes the innermost object or list.
closeOne:
	{
		at := open[len(open)-1]
		open = open[:len(open)-1]
		e := &d.tape[at]
		e.end = int32(i + 1)
		e.next = int32(len(d.tape))
		i++
		goto afterValue
	}
}

// skipSpace skips JSON's whitespace.
func skipSpace(s string, i int) int {
	for i < len(s) && s[i] <= ' ' && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	return i
}

// plainByte marks the bytes that a string holds as they are: not a
// quote, a backslash or a control character.
var plainByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= ' ' && c != '"' && c != '\\'
	}
	return t
}()

// scanString reads the string that starts with the quote at s[i]; end is
// just past its closing quote.
func scanString(s string, i int) (end int, escaped, ok bool) {
	i++
	for {
		i = plainRun(s, i)
		if i >= len(s) {
			return i, escaped, false
		}
		switch s[i] {
		case '"':
			return i + 1, escaped, true
		case '\\':
			escaped = true
			if i+1 >= len(s) {
				return i, escaped, false
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s) || !isHex(s[i+2]) || !isHex(s[i+3]) || !isHex(s[i+4]) || !isHex(s[i+5]) {
					return i, escaped, false
				}
				i += 6
			default:
				return i, escaped, false
			}
		default: // a control character
			return i, escaped, false
		}
	}
}

// plainRun skips plain bytes from s[i]: eight at a time while none ends
// the run, as scripts and bodies are most of a collection's text.
func plainRun(s string, i int) int {
	for i+8 <= len(s) && !hasSpecialByte(load64(s, i)) {
		i += 8
	}
	for i < len(s) && plainByte[s[i]] {
		i++
	}
	return i
}

// hasSpecialByte reports whether any of eight bytes is a quote, a
// backslash or a control character (the bit tricks of "Bit Twiddling
// Hacks", hasless and haszero).
func hasSpecialByte(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote := x ^ (ones * '"')
	backslash := x ^ (ones * '\\')
	return ((x-ones*' ')&^x|(quote-ones)&^quote|(backslash-ones)&^backslash)&highs != 0
}

// load64 is s[i:i+8] as a little-endian number, in one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber reads the number that starts at s[i]; end is just past it.
func scanNumber(s string, i int) (end int, ok bool) {
	if s[i] == '-' {
		i++
	}
	switch {
	case i >= len(s) || !isDigit(s[i]):
		return i, false
	case s[i] == '0':
		i++
	default:
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || !isDigit(s[i]) {
			return i, false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || !isDigit(s[i]) {
			return i, false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i, true
}

// mustParse parses a constant text.
func mustParse(text string) node {
	n, ok := parseDocument(text)
	if !ok {
		panic("collections: invalid JSON constant " + text)
	}
	return n
}

func (n node) entry() *entry { return &n.d.tape[n.i] }

// exists reports whether n is a value: a member that is there, null or
// not.
func (n node) exists() bool { return n.d != nil }

// kind is n's type; a missing value is null.
func (n node) kind() kind {
	if n.d == nil {
		return kindNull
	}
	return n.entry().kind
}

// raw is n's text as the document has it; "" for a missing value.
func (n node) raw() string {
	if n.d == nil {
		return ""
	}
	e := n.entry()
	return n.d.text[e.start:e.end]
}

// text is a string's value, with its escapes decoded, and "" for any
// other value. Unless the string has escapes, it shares the document's
// memory.
func (n node) text() string {
	if n.kind() != kindString {
		return ""
	}
	e := n.entry()
	s := n.d.text[e.start+1 : e.end-1]
	if e.escaped {
		return unescape(s)
	}
	return s
}

// ownText is text in memory of its own, which does not keep the
// document alive.
func (n node) ownText() string {
	if n.kind() == kindString && !n.entry().escaped {
		return strings.Clone(n.text())
	}
	return n.text()
}

// num is a number's value (±Inf beyond float64's range) and 0 for any
// other value.
func (n node) num() float64 {
	if n.kind() != kindNumber {
		return 0
	}
	f, _ := strconv.ParseFloat(n.raw(), 64)
	return f
}

// each calls fn with an object's members in document order, repeated
// names and all, or a list's elements (with a missing key), until fn
// returns false. Other values have nothing to walk.
func (n node) each(fn func(key, val node) bool) {
	switch n.kind() {
	case kindObject:
		t := n.d.tape
		for i := n.i + 1; i < t[n.i].next; {
			v := i + 1
			if !fn(node{n.d, i}, node{n.d, v}) {
				return
			}
			i = t[v].next
		}
	case kindArray:
		t := n.d.tape
		for i := n.i + 1; i < t[n.i].next; i = t[i].next {
			if !fn(node{}, node{n.d, i}) {
				return
			}
		}
	}
}

// get is an object's member; when a name repeats the last wins, as in
// JSON.parse, so that Newman and colrun read the same value. Anything but
// an object has no members.
func (n node) get(name string) node {
	if n.kind() != kindObject {
		return node{}
	}
	t := n.d.tape
	var found node
	for i := n.i + 1; i < t[n.i].next; i = t[i+1].next {
		if n.d.keyIs(i, name) {
			found = node{n.d, i + 1}
		}
	}
	return found
}

// keyIs reports whether the member name at tape index i is name.
func (d *document) keyIs(i int32, name string) bool {
	e := &d.tape[i]
	if !e.escaped {
		return int(e.end-e.start-2) == len(name) && d.text[e.start+1:e.end-1] == name
	}
	return unescape(d.text[e.start+1:e.end-1]) == name
}

// size is the number of an object's members or a list's elements.
func (n node) size() int {
	size := 0
	n.each(func(_, _ node) bool {
		size++
		return true
	})
	return size
}

// list is a list's elements; nil for any other value.
func (n node) list() []node {
	if n.kind() != kindArray {
		return nil
	}
	out := make([]node, 0, n.size())
	n.each(func(_, v node) bool {
		out = append(out, v)
		return true
	})
	return out
}

// unescape decodes a string's escapes as gjson did: a \u escape of a lone
// surrogate is U+FFFD, and other bytes (invalid UTF-8 too) are kept.
func unescape(s string) string {
	b := make([]byte, 0, len(s))
	for {
		j := strings.IndexByte(s, '\\')
		if j < 0 {
			return string(append(b, s...))
		}
		b = append(b, s[:j]...)
		c := s[j+1]
		s = s[j+2:]
		switch c {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hexRune(s)
			s = s[4:]
			if utf16.IsSurrogate(r) && r < 0xdc00 && len(s) >= 6 && s[0] == '\\' && s[1] == 'u' {
				if r2 := hexRune(s[2:]); r2 >= 0xdc00 && r2 < 0xe000 {
					r = utf16.DecodeRune(r, r2)
					s = s[6:]
				}
			}
			b = utf8.AppendRune(b, r)
		default: // '"', '\\', '/'
			b = append(b, c)
		}
	}
}

// hexRune reads the four hex digits a \u escape starts with.
func hexRune(s string) rune {
	n, _ := strconv.ParseUint(s[:4], 16, 32)
	return rune(n)
}
