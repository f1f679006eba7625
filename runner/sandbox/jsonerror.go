package sandbox

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
)

// jsonErrorMessage explains why text is not JSON in the words of
// liquid-json, the JSON parser of Postman's sandbox, which scripts see from
// JSON.parse and pm.response.json(): "Unexpected token '<' at 1:1", then
// the offending line and a caret under the offending character. It returns
// "" when text is in fact valid JSON.
//
// Positions count UTF-16 code units, as JavaScript does.
func jsonErrorMessage(text string) (msg string) {
	p := &jsonLocator{in: utf16.Encode([]rune(text))}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(jsonFail); !ok {
				panic(r)
			}
			msg = p.msg
		}
	}()
	p.document()
	return ""
}

// jsonLocator is a JSON-mode recursive-descent parser that only finds the
// first error, the way liquid-json's fallback parser (jju) reports it.
type jsonLocator struct {
	in       []uint16
	pos      int
	line     int
	lineHead int
	msg      string
}

// jsonFail is the panic that unwinds the parser at the first error.
type jsonFail struct{}

func (p *jsonLocator) fail(msg string) {
	col := p.pos - p.lineHead
	if msg == "" {
		if p.pos < len(p.in) {
			msg = "Unexpected token '" + tokenText(p.in[p.pos]) + "'"
		} else {
			msg = "Unexpected end of input"
		}
	}
	p.msg = p.format(msg, col)
	panic(jsonFail{})
}

// tokenText renders a character as jju quotes it: JSON-escaped, with
// single quotes escaped and double quotes bare.
func tokenText(c uint16) string {
	b, _ := json.Marshal(string(utf16.Decode([]uint16{c})))
	s := strings.TrimSuffix(strings.TrimPrefix(string(b), `"`), `"`)
	s = strings.ReplaceAll(s, `'`, `\'`)
	s = strings.ReplaceAll(s, `\"`, `"`)
	// Go escapes <, > and & for HTML; JSON.stringify does not.
	s = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(s)
	return s
}

// format builds jju's message: the position, then up to 78 characters of
// the line (starting at most 70 before the error) and a caret.
func (p *jsonLocator) format(msg string, col int) string {
	in := p.in
	position := p.pos
	tmppos := position - col - 1
	if tmppos < position-70 {
		tmppos = position - 70
	}
	var srcline, underline []uint16
	for {
		tmppos++
		if tmppos >= len(in) || in[tmppos] == '\n' || in[tmppos] == '\r' {
			if position >= tmppos {
				underline = append(underline, '^')
			}
			break
		}
		chr := in[tmppos]
		srcline = append(srcline, chr)
		switch {
		case position == tmppos:
			underline = append(underline, '^')
		case position > tmppos:
			if chr == '\t' {
				underline = append(underline, '\t')
			} else {
				underline = append(underline, ' ')
			}
		}
		if len(srcline) > 78 {
			break
		}
	}
	return msg + " at " + strconv.Itoa(p.line+1) + ":" + strconv.Itoa(col+1) + "\n" +
		string(utf16.Decode(srcline)) + "\n" + string(utf16.Decode(underline))
}

func (p *jsonLocator) peek() (uint16, bool) {
	if p.pos < len(p.in) {
		return p.in[p.pos], true
	}
	return 0, false
}

func (p *jsonLocator) next() uint16 {
	c := p.in[p.pos]
	p.pos++
	return c
}

func (p *jsonLocator) newline(c uint16) {
	if c == '\r' && p.pos < len(p.in) && p.in[p.pos] == '\n' {
		p.pos++
	}
	p.lineHead = p.pos
	p.line++
}

func (p *jsonLocator) skipSpace() {
	for p.pos < len(p.in) {
		c := p.in[p.pos]
		switch c {
		case '\n', '\r':
			p.pos++
			p.newline(c)
		case ' ', '\t':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonLocator) document() {
	p.skipSpace()
	if p.value() || p.pos < len(p.in) {
		p.skipSpace()
		if p.pos >= len(p.in) {
			return
		}
		p.fail("")
	}
	if p.pos > 0 {
		p.fail("No data, only a whitespace")
	}
	p.fail("No data, empty input")
}

// value parses one value; false means there was none at this position
// (or, as in jju, an array that ran out of input).
func (p *jsonLocator) value() bool {
	c, ok := p.peek()
	if !ok {
		return false
	}
	switch {
	case c == '"':
		p.pos++
		p.str()
	case c == '{':
		p.pos++
		p.object()
	case c == '[':
		p.pos++
		return p.array()
	case c == '-' || c == '.' || (c >= '0' && c <= '9'):
		p.number()
	case c == 'n':
		p.keyword("null")
	case c == 't':
		p.keyword("true")
	case c == 'f':
		p.keyword("false")
	default:
		return false
	}
	return true
}

func (p *jsonLocator) keyword(word string) {
	start := p.pos
	p.pos++
	for i := 1; i < len(word); i++ {
		if p.pos >= len(p.in) || p.in[p.pos] != uint16(word[i]) {
			p.pos = start
			p.fail("")
		}
		p.pos++
	}
}

func (p *jsonLocator) object() {
	nonEmpty := false
	for p.pos < len(p.in) {
		p.skipSpace()
		// A key is a string; jju also parses an object, array or number
		// there and rejects it once its value has been read.
		keyStart, hasKey, keyIsString := p.pos, false, false
		if c, ok := p.peek(); ok {
			switch {
			case c == '"':
				p.pos++
				p.str()
				hasKey, keyIsString = true, true
			case c == '{':
				p.pos++
				p.object()
				hasKey = true
			case c == '[':
				p.pos++
				hasKey = p.array()
			case c == '.' || (c >= '0' && c <= '9'):
				p.number()
				hasKey = true
			}
		}
		key := string(utf16.Decode(p.in[keyStart:p.pos]))
		if keyIsString {
			var k string
			if json.Unmarshal([]byte(key), &k) == nil {
				key = k
			}
		} else if strings.HasPrefix(key, "{") {
			key = "[object Object]"
		}
		p.skipSpace()
		if p.pos >= len(p.in) {
			break
		}
		c := p.next()
		switch {
		case c == '}' && !hasKey:
			if nonEmpty {
				p.pos--
				p.fail("Trailing comma in object")
			}
			return
		case c == ':' && hasKey:
			p.skipSpace()
			if !p.value() {
				p.fail("No value found for key " + key)
			}
			if !keyIsString {
				p.fail("Wrong key type: " + key)
			}
			nonEmpty = true
			p.skipSpace()
			if p.pos >= len(p.in) {
				p.pos++
				p.fail("")
			}
			c = p.next()
			if c == ',' {
				continue
			}
			if c == '}' {
				return
			}
			p.fail("")
		default:
			p.pos--
			p.fail("")
		}
	}
	p.fail("")
}

// array parses the rest of an array; like jju it returns false, without
// an error, when the input ends inside it.
func (p *jsonLocator) array() bool {
	count := 0
	for p.pos < len(p.in) {
		p.skipSpace()
		had := p.value()
		p.skipSpace()
		c := p.nextOrZero()
		if had {
			count++
		}
		switch c {
		case ',':
			if !had {
				p.fail("Elisions are not supported")
			}
		case ']':
			if !had && count > 0 {
				p.pos--
				p.fail("Trailing comma in array")
			}
			return true
		default:
			p.pos--
			p.fail("")
		}
	}
	return false
}

func (p *jsonLocator) number() {
	start := p.pos
	isDigit := func(c uint16) bool { return c >= '0' && c <= '9' }
	c := p.next()
	if c == '-' {
		c = p.nextOrZero()
	}
	if c >= '1' && c <= '9' {
		for p.pos < len(p.in) && isDigit(p.in[p.pos]) {
			p.pos++
		}
		c = p.nextOrZero()
	}
	if c == '0' {
		c = p.nextOrZero()
	}
	if c == '.' {
		for p.pos < len(p.in) && isDigit(p.in[p.pos]) {
			p.pos++
		}
		c = p.nextOrZero()
	}
	if c == 'e' || c == 'E' {
		c = p.nextOrZero()
		if c == '-' || c == '+' {
			p.pos++
		}
		for p.pos < len(p.in) && isDigit(p.in[p.pos]) {
			p.pos++
		}
		p.nextOrZero()
	}
	p.pos--
	end := min(p.pos, len(p.in))
	text := string(utf16.Decode(p.in[start:end]))
	_, err := strconv.ParseFloat(text, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		p.pos--
		p.fail(`Bad numeric literal - "` + text + `"`)
	}
	if !jsonNumber(text) {
		p.pos--
		p.fail(`Non-json numeric literal - "` + text + `"`)
	}
}

// nextOrZero consumes a character, or moves past the end (as jju's
// input[position++] does) and returns 0.
func (p *jsonLocator) nextOrZero() uint16 {
	if p.pos < len(p.in) {
		return p.next()
	}
	p.pos++
	return 0
}

// jsonNumber reports whether s matches JSON's number grammar.
func jsonNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	return i == len(s)
}

func (p *jsonLocator) str() {
	for p.pos < len(p.in) {
		c := p.next()
		switch {
		case c == '"':
			return
		case c == '\\':
			if p.pos >= len(p.in) {
				p.fail("")
			}
			c = p.next()
			switch c {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for i := 0; i < 4; i++ {
					if p.pos >= len(p.in) {
						p.fail("")
					}
					if !isHex(p.in[p.pos]) {
						p.fail("Bad escape sequence")
					}
					p.pos++
				}
			default:
				p.pos--
				p.fail("")
			}
		case c == '\n' || c == '\r':
			p.fail("")
		case c < 32:
			p.pos--
			p.fail("Unexpected control character")
		}
	}
	p.fail("")
}

func isHex(c uint16) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
