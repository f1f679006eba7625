package report

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// FormatSize formats a byte count as Newman does (the filesize package,
// version 10, with no spacer): base 10, at most two decimals, trailing
// zeros dropped, "B", "kB", "MB", ...: 171B, 5.14kB, 1MB.
func FormatSize(n int64) string {
	if n <= 0 {
		return "0B"
	}
	if n < 1000 {
		// Most responses: no logarithm needed for bytes.
		return strconv.FormatInt(n, 10) + "B"
	}
	units := []string{"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"}
	f := float64(n)
	e := int(math.Floor(math.Log(f) / math.Log(1000)))
	if e > len(units)-1 {
		e = len(units) - 1
	}
	if e == 0 {
		return strconv.FormatInt(n, 10) + "B"
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f/math.Pow(1000, float64(e)), 'f', 2, 64), 64)
	if v == 1000 && e < len(units)-1 {
		v, e = 1, e+1
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + units[e]
}

// FormatDuration formats a duration as Newman's util.prettyms does:
// microseconds below 1ms, whole milliseconds below 1998ms, then the
// pretty-ms package (version 7): "1.9s", "1m 5s", "1h 2m 5s". From 1998ms
// on it counts whole milliseconds, as Newman's durations (differences of
// Date.now()) are.
func FormatDuration(d time.Duration) string {
	ms := millis(d)
	if ms >= 1998 {
		ms = math.Round(ms)
	}
	return formatMS(ms)
}

// formatMS is Newman's util.prettyms of a number of milliseconds, which
// the summary's timings are, fractions included: pretty-ms floors the
// seconds to a tenth (59999.5ms is "59.9s", not "1m").
func formatMS(ms float64) string {
	if ms < 0 || math.IsNaN(ms) {
		ms = 0
	}
	if ms < 1 {
		return strconv.Itoa(int(ms*1000)) + "µs"
	}
	if ms < 1998 {
		return strconv.Itoa(int(ms)) + "ms"
	}
	var parts []string
	add := func(v int64, unit string) {
		if v != 0 {
			parts = append(parts, strconv.FormatInt(v, 10)+unit)
		}
	}
	days := int64(ms / 86400000)
	add(days/365, "y")
	add(days%365, "d")
	add(int64(ms/3600000)%24, "h")
	add(int64(ms/60000)%60, "m")
	secs := math.Mod(ms/1000, 60)
	tenths := math.Floor(secs*10 + 1e-7)
	if tenths != 0 {
		s := strconv.FormatFloat(tenths/10, 'f', 1, 64)
		parts = append(parts, strings.TrimSuffix(s, ".0")+"s")
	}
	if len(parts) == 0 {
		return "0ms"
	}
	return strings.Join(parts, " ")
}

// padLeft is Newman's cliUtils.padLeft: pad s on the left with fill to n.
func padLeft(s string, n int, fill string) string {
	if w := utf8.RuneCountInString(s); w < n {
		return strings.Repeat(fill, n-w) + s
	}
	return s
}

// reason returns the status reason Newman prints ("OK", "Not Found"): the
// runner's Status as it is (the server's phrase, spaces kept, or Postman's
// name for the code; "" for a code without one, which Newman leaves
// undefined), or the phrase after the code of a recorded stream's "200 OK".
func reason(code int, status string) string {
	if c := strconv.Itoa(code) + " "; strings.HasPrefix(status, c) {
		status = status[len(c):]
	}
	return status
}

// chunk is the word-wrap package as Newman calls it (cut: true): text is
// cut into runs of at most width JavaScript characters (UTF-16 units, so
// an emoji counts 2) between line terminators (\n, \r, U+2028 and U+2029,
// which its pattern's '.' does not match); empty runs disappear, as they
// do in Newman's output. An emoji the cut falls inside prints as two
// U+FFFD, as Node writes its halves. The caller adds the indent.
func chunk(text string, width int) []string {
	if width < 1 {
		width = 1
	}
	var out []string
	var b strings.Builder
	n := 0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
		n = 0
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		c := text[i : i+size]
		i += size
		switch r {
		case '\n', '\r', '\u2028', '\u2029':
			flush()
			continue
		}
		units := 1
		if r > 0xffff {
			units = 2
		}
		if n+units > width {
			if units == 2 && n+1 == width {
				b.WriteRune(utf8.RuneError)
				flush()
				c = string(utf8.RuneError)
				units = 1
			} else {
				flush()
			}
		}
		b.WriteString(c)
		n += units
	}
	flush()
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// wordWrap splits text into lines of at most width runes at spaces,
// cutting words longer than a line; it lays out failure-table cells when
// the terminal width is known, as cli-table3's wordWrap does.
func wordWrap(text string, width int) []string {
	if width < 1 {
		width = 1
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			for utf8.RuneCountInString(w) > width {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				r := []rune(w)
				out = append(out, string(r[:width]))
				w = string(r[width:])
			}
			switch {
			case line == "":
				line = w
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
				line += " " + w
			default:
				out = append(out, line)
				line = w
			}
		}
		out = append(out, line)
	}
	return out
}

// className is the JUnit classname Newman derives from a suite name:
// lodash's upperFirst(camelCase(name).replace(/\W/g, ”)). "Users / Get
// user" becomes "UsersGetUser".
func className(name string) string {
	var b []byte
	for _, w := range lodashWords(strings.NewReplacer("'", "", "\u2019", "").Replace(deburr(name))) {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		for _, c := range r {
			if c < utf8.RuneSelf && (c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c)) {
				b = append(b, byte(c))
			}
		}
	}
	// upperFirst comes after the letters \W drops: "Ωmega" is "Mega".
	if len(b) > 0 && 'a' <= b[0] && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}

// lodashWords splits s into words as lodash's words does for Latin text:
// at anything that is not a letter or digit, between a lower and an upper
// case letter, before the last capital of an acronym followed by a lower
// case letter ("XMLHttp" is "XML", "Http"), and between letters and digits.
func lodashWords(s string) []string {
	var words []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		switch {
		case unicode.IsDigit(rs[i]):
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				j++
			}
			if ordinal(rs[j-1], rs[j:]) {
				j += 2 // "1st", "2nd", "4th" stay one word, as in lodash
			}
			words = append(words, string(rs[i:j]))
		case unicode.IsLetter(rs[i]):
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			words = append(words, splitCase(rs[i:j])...)
		default:
			j++
		}
		i = j
	}
	return words
}

// splitCase splits a run of letters between a lower and an upper case
// letter, and before the last capital of an acronym followed by a lower
// case letter.
func splitCase(rs []rune) []string {
	var out []string
	start := 0
	for k := 1; k < len(rs); k++ {
		p, r := rs[k-1], rs[k]
		if (unicode.IsLower(p) && unicode.IsUpper(r)) ||
			(unicode.IsUpper(p) && unicode.IsUpper(r) && k+1 < len(rs) && unicode.IsLower(rs[k+1])) {
			out = append(out, string(rs[start:k]))
			start = k
		}
	}
	return append(out, string(rs[start:]))
}

// ordinal reports whether the letters at rest, after the digit d, are an
// English ordinal suffix ending a word: 1st, 2nd, 3rd, 4th, or in capitals
// (3RD), which lodash's words also keeps whole, so "3RD" is "3rd" and not
// "3Rd".
func ordinal(d rune, rest []rune) bool {
	if len(rest) < 2 {
		return false
	}
	suf := strings.ToLower(string(rest[:2]))
	upper := string(rest[:2]) == strings.ToUpper(suf)
	if !upper && string(rest[:2]) != suf {
		return false // "1St" is a number and a word
	}
	switch {
	case d == '1' && suf == "st", d == '2' && suf == "nd", d == '3' && suf == "rd":
	case d < '1' || d > '3':
		if suf != "th" {
			return false
		}
	default:
		return false
	}
	if len(rest) == 2 {
		return true
	}
	// A lower-case suffix may be followed by a capital (1stStep), a
	// capital one by a lower-case letter (1STep), neither by a digit.
	if upper {
		return !unicode.IsUpper(rest[2]) && !unicode.IsDigit(rest[2])
	}
	return !unicode.IsLower(rest[2]) && !unicode.IsDigit(rest[2])
}

// deburr replaces the Latin-1 and Latin Extended-A letters lodash's
// deburr replaces, so "Créer" gives "Creer" and "Łódź" "Lodz" in a
// classname rather than losing the letters.
func deburr(s string) string { return deburrer.Replace(s) }

// deburrer holds lodash 4's deburredLetters table.
var deburrer = func() *strings.Replacer {
	const table = "À=A Á=A Â=A Ã=A Ä=A Å=A Æ=Ae Ç=C È=E É=E Ê=E Ë=E Ì=I Í=I Î=I Ï=I Ð=D Ñ=N Ò=O Ó=O Ô=O Õ=O Ö=O Ø=O " +
		"Ù=U Ú=U Û=U Ü=U Ý=Y Þ=Th ß=ss à=a á=a â=a ã=a ä=a å=a æ=ae ç=c è=e é=e ê=e ë=e ì=i í=i î=i ï=i ð=d ñ=n " +
		"ò=o ó=o ô=o õ=o ö=o ø=o ù=u ú=u û=u ü=u ý=y þ=th ÿ=y Ā=A ā=a Ă=A ă=a Ą=A ą=a Ć=C ć=c Ĉ=C ĉ=c Ċ=C ċ=c " +
		"Č=C č=c Ď=D ď=d Đ=D đ=d Ē=E ē=e Ĕ=E ĕ=e Ė=E ė=e Ę=E ę=e Ě=E ě=e Ĝ=G ĝ=g Ğ=G ğ=g Ġ=G ġ=g Ģ=G ģ=g Ĥ=H " +
		"ĥ=h Ħ=H ħ=h Ĩ=I ĩ=i Ī=I ī=i Ĭ=I ĭ=i Į=I į=i İ=I ı=i Ĳ=IJ ĳ=ij Ĵ=J ĵ=j Ķ=K ķ=k ĸ=k Ĺ=L ĺ=l Ļ=L ļ=l " +
		"Ľ=L ľ=l Ŀ=L ŀ=l Ł=L ł=l Ń=N ń=n Ņ=N ņ=n Ň=N ň=n ŉ='n Ŋ=N ŋ=n Ō=O ō=o Ŏ=O ŏ=o Ő=O ő=o Œ=Oe œ=oe Ŕ=R " +
		"ŕ=r Ŗ=R ŗ=r Ř=R ř=r Ś=S ś=s Ŝ=S ŝ=s Ş=S ş=s Š=S š=s Ţ=T ţ=t Ť=T ť=t Ŧ=T ŧ=t Ũ=U ũ=u Ū=U ū=u Ŭ=U ŭ=u " +
		"Ů=U ů=u Ű=U ű=u Ų=U ų=u Ŵ=W ŵ=w Ŷ=Y ŷ=y Ÿ=Y Ź=Z ź=z Ż=Z ż=z Ž=Z ž=z ſ=s"
	var pairs []string
	for _, p := range strings.Fields(table) {
		from, to, _ := strings.Cut(p, "=")
		pairs = append(pairs, from, to)
	}
	return strings.NewReplacer(pairs...)
}()

// isoMillis formats t as JavaScript's Date.toISOString does.
func isoMillis(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// unixMillis is t as JavaScript's Date.now() would give it.
func unixMillis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
