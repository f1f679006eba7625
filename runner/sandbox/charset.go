package sandbox

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"regexp"
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
	iso8859Charset                    // an ISO-8859 charmap, by enc, 0x80-0x9F the C1 controls
	base64Charset                     // the bytes written in base64, iconv-lite's "base64"
	hexCharset                        // the bytes written in hex, iconv-lite's "hex"
	unknownCharset                    // a name iconv-lite does not know: UTF-8, the mark kept
)

// charsetParam is how mime-format finds the charset (the charset
// package's pattern): anywhere in the Content-Type, "encoding=" too,
// the name's letters, digits, "_" and "-" only (so "ISO_8859-1:1987"
// is ISO_8859-1, and a Content-Type Go's parser refuses still has one).
var charsetParam = regexp.MustCompile(`(?i)(?:charset|encoding)\s{0,10}=\s{0,10}['"]? {0,10}([\w-]{1,100})`)

// charsetName is the charset mime-format finds in a Content-Type, in
// lower case, or "" for none (contentInfo's charset is it, "utf8" for
// "utf-8" or none).
func charsetName(contentType string) string {
	// Most bodies skip the pattern.
	if !containsFold(contentType, "charset") && !containsFold(contentType, "encoding") {
		return ""
	}
	if m := charsetParam.FindStringSubmatch(contentType); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}

// charsetOf finds the bodyCharset a Content-Type names.
func charsetOf(contentType string) bodyCharset {
	name := charsetName(contentType)
	if name == "" {
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
	case "base64":
		return bodyCharset{kind: base64Charset}
	case "hex":
		return bodyCharset{kind: hexCharset}
	}
	canonical := canonicalCharset(name)
	if cp := dosCodePages[strings.TrimLeft(canonical, "cpibms")]; cp != nil && iconvNames[canonical] {
		return bodyCharset{kind: otherCharset, enc: cp}
	}
	// WHATWG's labels, where iconv-lite knows the name too (it does not
	// know x-mac-roman or x-user-defined, which Newman reads as UTF-8).
	if enc, err := htmlindex.Get(name); err == nil && iconvNames[canonical] {
		if cm, ok := enc.(*charmap.Charmap); ok && (strings.HasPrefix(cm.String(), "ISO 8859-") || iso8859AsWindows[canonical]) {
			return bodyCharset{kind: iso8859Charset, enc: enc}
		}
		return bodyCharset{kind: otherCharset, enc: enc}
	}
	return bodyCharset{kind: unknownCharset}
}

// iso8859AsWindows are the names of ISO-8859-9 and ISO-8859-11 that
// WHATWG maps to windows-1254 and windows-874, which differ from them
// only in 0x80-0x9F: iconv-lite reads those bytes as C1 controls there.
var iso8859AsWindows = map[string]bool{
	"iso88599": true, "latin5": true, "l5": true, "csisolatin5": true, "isoir148": true,
	"iso885911": true,
}

// dosCodePages are the DOS code pages iconv-lite and x/text decode
// alike, by number (iconv-lite's cp437, ibm437, csibm437 and 437).
var dosCodePages = map[string]*charmap.Charmap{
	"437": charmap.CodePage437, "850": charmap.CodePage850, "852": charmap.CodePage852,
	"855": charmap.CodePage855, "858": charmap.CodePage858, "860": charmap.CodePage860,
	"862": charmap.CodePage862, "863": charmap.CodePage863, "865": charmap.CodePage865,
	"866": charmap.CodePage866,
}

// iconvNames are the encoding names iconv-lite 0.6 knows, canonical;
// postman-collection reads a body in any other as UTF-8.
var iconvNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`
10000 10006 10007 10029 10079 10081 1046 1124 1125 1129 1133 1161 1162 1163 1250 1251 1252
1253 1254 1255 1256 1257 1258 20866 21866 28591 28592 28593 28594 28595 28596 28597 28598
28599 28600 28601 28603 28604 28605 28606 437 737 775 808 850 852 855 856 857 858 860 861
862 863 864 865 866 869 874 922 932 936 949 950 ansix34 ansix341968 ansix341986 arabic
arabic8 armscii8 ascii ascii8bit asmo708 base64 big5 big5hkscs binary celtic celtic8 cesu8
chinese cn cnbig5 cp1046 cp1124 cp1125 cp1129 cp1133 cp1161 cp1162 cp1163 cp1250 cp1251
cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp20866 cp21866 cp28591 cp28592 cp28593
cp28594 cp28595 cp28596 cp28597 cp28598 cp28599 cp28600 cp28601 cp28603 cp28604 cp28605
cp28606 cp367 cp437 cp720 cp737 cp775 cp808 cp819 cp850 cp852 cp855 cp856 cp857 cp858
cp860 cp861 cp862 cp863 cp864 cp865 cp866 cp869 cp874 cp922 cp932 cp936 cp949 cp950 cpgr
csascii csbig5 cseuckr csgb2312 cshproman8 csibm1046 csibm1124 csibm1125 csibm1129
csibm1133 csibm1161 csibm1162 csibm1163 csibm437 csibm737 csibm775 csibm850 csibm852
csibm855 csibm856 csibm857 csibm858 csibm860 csibm861 csibm862 csibm863 csibm864 csibm865
csibm866 csibm869 csibm922 csiso14jisc6220ro csiso58gb231280 csisolatin1 csisolatin2
csisolatin3 csisolatin4 csisolatin5 csisolatin6 csisolatinarabic csisolatincyrillic
csisolatingreek csisolatinhebrew cskoi8r csksc56011987 csmacintosh cspc775baltic
cspc850multilingual cspc862latinhebrew cspc8codepage437 cspcp852 csshiftjis cyrillic
ecma114 ecma118 elot928 euccn eucjp euckr gb18030 gb198880 gb2312 gb23121980 gb231280 gbk
georgianacademy georgianps greek greek8 hebrew hebrew8 hex hproman8 ibm1046 ibm1051
ibm1124 ibm1125 ibm1129 ibm1133 ibm1161 ibm1162 ibm1163 ibm1168 ibm367 ibm437 ibm737
ibm775 ibm808 ibm819 ibm850 ibm852 ibm855 ibm856 ibm857 ibm858 ibm860 ibm861 ibm862 ibm863
ibm864 ibm865 ibm866 ibm869 ibm878 ibm922 iso646cn iso646irv iso646jp iso646us iso88591
iso885910 iso885911 iso885913 iso885914 iso885915 iso885916 iso88592 iso88593 iso88594
iso88595 iso88596 iso88597 iso88598 iso88599 isoceltic isoir100 isoir101 isoir109 isoir110
isoir126 isoir127 isoir138 isoir14 isoir144 isoir148 isoir149 isoir157 isoir166 isoir179
isoir199 isoir203 isoir226 isoir57 isoir58 isoir6 jisc62201969ro jp koi8r koi8ru koi8t
koi8u korean ksc5601 ksc56011987 ksc56011989 l1 l10 l2 l3 l4 l5 l6 l7 l8 l9 latin1 latin10
latin2 latin3 latin4 latin5 latin6 latin7 latin8 latin9 mac maccenteuro maccroatian
maccyrillic macgreek maciceland macintosh macroman macromania macthai macturkish
macukraine mik ms31j ms932 ms936 ms949 ms950 msansi msarab mscyrl msee msgreek mshebr
mskanji msturk pt154 r8 rk1048 roman8 shiftjis sjis strk10482002 tcvn tcvn5712 tcvn57121
thai thai8 tis620 tis6200 tis62025291 tis62025330 turkish turkish8 ucs2 ucs4 ucs4be ucs4le
unicode11utf7 unicode11utf8 us usascii utf16 utf16be utf16le utf32 utf32be utf32le utf7
utf7imap utf8 viscii win1250 win1251 win1252 win1253 win1254 win1255 win1256 win1257
win1258 win874 winbaltrim windows1250 windows1251 windows1252 windows1253 windows1254
windows1255 windows1256 windows1257 windows1258 windows31j windows874 windows932
windows936 windows949 windows950 xgbk xroman8 xsjis xxbig5`) {
		m[n] = true
	}
	return m
}()

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
		return dropMark(decodeWith(unicode.UTF16(utf16Order(b), unicode.UseBOM), evenLength(b)))
	case utf16LECharset:
		return dropMark(decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), evenLength(b)))
	case utf16BECharset:
		return dropMark(decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), evenLength(b)))
	case otherCharset:
		return dropMark(decodeWith(cs.enc, b))
	case iso8859Charset:
		// iconv-lite's tables give 0x80-0x9F their C1 controls, where
		// x/text's have U+FFFD.
		cm := cs.enc.(*charmap.Charmap)
		runes := make([]rune, len(b))
		for i, x := range b {
			if runes[i] = cm.DecodeByte(x); 0x80 <= x && x < 0xa0 {
				runes[i] = rune(x)
			}
		}
		return string(runes)
	case base64Charset:
		return base64.StdEncoding.EncodeToString(b)
	case hexCharset:
		return hex.EncodeToString(b)
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

// evenLength is b without a last odd byte, which iconv-lite's UTF-16
// decoder leaves out (x/text's makes it U+FFFD).
func evenLength(b []byte) []byte { return b[:len(b)&^1] }

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
