package sandbox

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// bodyCharset is how Response#text() decodes a body: postman-collection
// hands the bytes and the Content-Type's charset (utf8 when it names
// none) to iconv-lite, which also drops a leading byte order mark, and
// falls back to Node's UTF-8, keeping the mark, for a charset iconv-lite
// does not know.
type bodyCharset struct {
	kind charsetKind
	enc  encoding.Encoding // for otherCharset
}

type charsetKind uint8

const (
	utf8Charset    charsetKind = iota // UTF-8, the mark dropped
	latin1Charset                     // byte for byte: ISO-8859-1 and its aliases
	asciiCharset                      // ASCII, a byte past 0x7F read as U+FFFD
	utf16Charset                      // UTF-16, its order from the mark or the text
	utf16LECharset                    // UTF-16LE whatever the mark
	utf16BECharset                    // UTF-16BE whatever the mark
	otherCharset                      // another of the encodings iconv-lite knows, by enc
	unknownCharset                    // a name iconv-lite does not know: UTF-8, the mark kept
)

// charsetOf finds the bodyCharset a Content-Type names.
func charsetOf(contentType string) bodyCharset {
	// Only a charset parameter matters, and its name (plain or RFC 2231)
	// contains "charset": most bodies skip parsing the media type.
	if !containsFold(contentType, "charset") {
		return bodyCharset{}
	}
	_, params, err := mime.ParseMediaType(contentType)
	name := strings.ToLower(strings.TrimSpace(params["charset"]))
	if err != nil || name == "" {
		return bodyCharset{}
	}
	// iconv-lite's names, as it finds them (ISO_8859-1, UTF_8 and
	// us-ascii are its iso88591, utf8 and usascii).
	switch canonicalCharset(name) {
	case "utf8", "unicode11utf8":
		return bodyCharset{}
	case "iso88591", "latin1", "l1", "binary", "csisolatin1", "isoir100", "cp819", "ibm819", "28591", "cp28591":
		return bodyCharset{kind: latin1Charset}
	case "ascii", "usascii", "ascii8bit", "ansix34", "ansix341968", "ansix341986", "csascii", "cp367", "ibm367", "isoir6", "iso646us", "iso646irv", "us":
		return bodyCharset{kind: asciiCharset}
	case "windows1252", "cp1252":
		// Not Latin-1: 0x80-0x9F are €, curly quotes, ™ and so on.
		return bodyCharset{kind: otherCharset, enc: charmap.Windows1252}
	case "utf16":
		return bodyCharset{kind: utf16Charset}
	case "utf16le", "ucs2":
		return bodyCharset{kind: utf16LECharset}
	case "utf16be":
		return bodyCharset{kind: utf16BECharset}
	}
	if enc, err := htmlindex.Get(name); err == nil {
		return bodyCharset{kind: otherCharset, enc: enc}
	}
	return bodyCharset{kind: unknownCharset}
}

// bodyCharset is the package's charsetOf remembering its last answer:
// the responses of a run mostly share one Content-Type, whose parse
// allocates.
func (s *Sandbox) bodyCharset(contentType string) bodyCharset {
	m := &s.charsetMemo
	if !m.set || m.contentType != contentType {
		*m = charsetMemo{contentType: contentType, cs: charsetOf(contentType), set: true}
	}
	return m.cs
}

// charsetMemo is the last Content-Type bodyCharset was asked about.
type charsetMemo struct {
	contentType string
	cs          bodyCharset
	set         bool
}

// decodeText decodes a body as Response#text() does; invalid UTF-8 is
// replaced.
func decodeText(b []byte, cs bodyCharset) string {
	switch cs.kind {
	case latin1Charset:
		runes := make([]rune, len(b))
		for i, x := range b {
			runes[i] = rune(x)
		}
		return string(runes)
	case asciiCharset:
		return asciiText(b)
	case utf16Charset:
		return dropMark(decodeWith(unicode.UTF16(utf16Order(b), unicode.UseBOM), b))
	case utf16LECharset:
		return dropMark(decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b))
	case utf16BECharset:
		return dropMark(decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b))
	case otherCharset:
		return dropMark(decodeWith(cs.enc, b))
	case utf8Charset:
		b = bytes.TrimPrefix(b, utf8Mark)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	// Each invalid sequence becomes one U+FFFD, as Node's decoder makes
	// it (WHATWG's maximal subparts), where strings.ToValidUTF8 would
	// make one of a whole run.
	return decodeWith(unicode.UTF8, b)
}

// canonicalCharset is iconv-lite's _canonicalizeEncoding: lower case,
// a ":1987"-style year dropped, and only letters and digits kept.
func canonicalCharset(name string) string {
	if i := len(name) - 5; i >= 0 && name[i] == ':' && strings.Trim(name[i+1:], "0123456789") == "" {
		name = name[:i]
	}
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(name))
}

// asciiText is b as iconv-lite's ascii decodes it.
func asciiText(b []byte) string {
	i := bytes.IndexFunc(b, func(r rune) bool { return r >= utf8.RuneSelf })
	if i < 0 {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 2*(len(b)-i))
	sb.Write(b[:i])
	for _, c := range b[i:] {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(utf8.RuneError)
		}
	}
	return sb.String()
}

// utf8Mark is the byte order mark in UTF-8.
var utf8Mark = []byte("\uFEFF")

// utf16Order is iconv-lite's guess of a UTF-16 body's byte order when it
// has no mark (one overrides it): big-endian when more of its first
// characters look like ASCII written so, little-endian otherwise.
func utf16Order(b []byte) unicode.Endianness {
	var le, be int
	for i := 0; i+1 < len(b) && i < 100; i += 2 {
		switch {
		case b[i] != 0 && b[i+1] == 0:
			le++
		case b[i] == 0 && b[i+1] != 0:
			be++
		}
	}
	if be > le {
		return unicode.BigEndian
	}
	return unicode.LittleEndian
}

// decodeWith decodes b, with U+FFFD for what enc cannot read (x/text's
// decoders replace; they fail only on a transformer's internal error).
func decodeWith(enc encoding.Encoding, b []byte) string {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// dropMark takes off the byte order mark iconv-lite strips.
func dropMark(s string) string {
	return strings.TrimPrefix(s, "\uFEFF")
}
