package runner

import (
	"math"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// cookieBook keeps the attributes (domain, path, expiry, flags) of the
// cookies a worker's jar holds: Go's cookie jar hands back only names and
// values, but scripts read pm.cookies with every attribute, as Postman's
// tough-cookie jar gives them.
type cookieBook struct {
	byKey map[string]*http.Cookie // domain + "\x00" + path + "\x00" + name
}

func cookieKey(c *http.Cookie) string { return c.Domain + "\x00" + c.Path + "\x00" + c.Name }

// record files the cookies a response set, with RFC 6265's defaults for
// a missing domain (the request host) or path (the request's directory).
func (b *cookieBook) record(set []urlCookie, now time.Time) {
	if b.byKey == nil {
		b.byKey = map[string]*http.Cookie{}
	}
	for _, uc := range set {
		c := withDefaults(uc.cookie, uc.url)
		if c.MaxAge > 0 {
			// Max-Age counts from when the cookie was set and wins over
			// Expires (RFC 6265 5.3, tough-cookie's expiryTime): fixed
			// here, so every later script sees the same expiry.
			c.Expires = now.Add(time.Duration(c.MaxAge) * time.Second)
		}
		if c.MaxAge < 0 || (!c.Expires.IsZero() && c.Expires.Before(now)) {
			delete(b.byKey, cookieKey(c))
			continue
		}
		b.byKey[cookieKey(c)] = c
	}
}

func withDefaults(in *http.Cookie, u *url.URL) *http.Cookie {
	c := *in
	c.Domain = strings.TrimPrefix(strings.ToLower(c.Domain), ".")
	if c.Domain == "" {
		c.Domain = strings.ToLower(u.Hostname())
	}
	if c.Path == "" || c.Path[0] != '/' {
		c.Path = defaultCookiePath(u.Path)
	}
	return &c
}

// defaultCookiePath is RFC 6265's default-path: the request path up to,
// not including, its last slash.
func defaultCookiePath(p string) string {
	if p == "" || p[0] != '/' || strings.Count(p, "/") == 1 {
		return "/"
	}
	return path.Dir(p)
}

// scriptCookies returns pm.cookies for a response: the jar's cookies for
// the final URL (what Postman's jar holds), with their attributes; with
// cookies disabled for the request, the cookies its response set.
func (w *worker) scriptCookies(ex *exchange, useJar bool) []*http.Cookie {
	w.cookies.record(ex.setCookies, time.Now())
	if ex.sent == nil || w.js == nil {
		// Without a JavaScript runtime no script reads them: the
		// lookup in the jar would be work for every request of a run
		// without scripts.
		return nil
	}
	final := ex.sent.URL
	if !useJar || w.jar == nil {
		var out []*http.Cookie
		for _, uc := range ex.setCookies {
			if uc.url == final {
				out = append(out, withDefaults(uc.cookie, uc.url))
			}
		}
		return out
	}
	host := strings.ToLower(final.Hostname())
	var out []*http.Cookie
	used := map[*http.Cookie]bool{}
	for _, c := range w.jar.Cookies(final) {
		out = append(out, w.cookies.lookup(c, host, final.Path, used))
	}
	return out
}

// lookup finds the recorded attributes of a jar cookie for host and path;
// a cookie the book does not know (set by a script through the jar) gets
// the host and "/". The jar gives back names and values only, and one name
// may be set at several paths (s=deep at /a, s=root at /): a record with
// the cookie's value wins, then the longest path, as the jar lists the
// longest first; used keeps each record to one cookie of the list.
func (b *cookieBook) lookup(c *http.Cookie, host, p string, used map[*http.Cookie]bool) *http.Cookie {
	var best *http.Cookie
	for _, rec := range b.byKey {
		if used[rec] || rec.Name != c.Name || !domainMatch(host, rec.Domain) || !strings.HasPrefix(p+"/", strings.TrimSuffix(rec.Path, "/")+"/") {
			continue
		}
		if best == nil || betterRecord(rec, best, c.Value) {
			best = rec
		}
	}
	if best == nil {
		return &http.Cookie{Name: c.Name, Value: c.Value, Domain: host, Path: "/"}
	}
	used[best] = true
	out := *best
	out.Value = c.Value
	return &out
}

// betterRecord reports whether a describes a jar cookie of this value
// better than b does: by value first, then by the longer path.
func betterRecord(a, b *http.Cookie, value string) bool {
	if (a.Value == value) != (b.Value == value) {
		return a.Value == value
	}
	return len(a.Path) > len(b.Path)
}

func domainMatch(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// parseSetCookies reads a response's Set-Cookie lines as Newman's jar
// (tough-cookie in loose mode) reads them. Go's parser drops a cookie
// whose name is not a token or whose value holds a byte outside its
// cookie-octet set (non-ASCII, a quote, a backslash) or that has no "=",
// and strips a value's quotes; tough-cookie keeps all of these, and
// sends them back as they came. u is the URL that got the response.
func parseSetCookies(h http.Header, u *url.URL) []*http.Cookie {
	lines := h["Set-Cookie"]
	if len(lines) == 0 {
		return nil
	}
	out := make([]*http.Cookie, 0, len(lines))
	for _, line := range lines {
		if c := parseSetCookie(line); c != nil && prefixAllows(c, u) {
			out = append(out, c)
		}
	}
	return out
}

// prefixAllows makes the __Secure- and __Host- prefix checks of Newman's
// jar (prefixSecurity "silent": a cookie that fails is dropped without
// an error). A __Host- cookie without a Path gets u's default path,
// which must be "/".
func prefixAllows(c *http.Cookie, u *url.URL) bool {
	switch {
	case strings.HasPrefix(c.Name, "__Secure-"):
		return c.Secure
	case strings.HasPrefix(c.Name, "__Host-"):
		p := c.Path
		if p == "" {
			p = defaultCookiePath(u.Path)
		}
		return c.Secure && c.Domain == "" && p == "/"
	}
	return true
}

// parseSetCookie is tough-cookie's Cookie.parse(line, {loose: true}).
// It returns nil for a line tough-cookie refuses. The line is read as
// Node reads a header, one byte a character (Latin-1), so a value is
// the string scripts see in Newman; jarCookieHeader writes it back
// byte for byte.
func parseSetCookie(line string) *http.Cookie {
	line = trimJS(latin1String(line))
	if line == "" {
		return nil
	}
	pair, attrs, hasAttrs := strings.Cut(line, ";")
	// Loose mode: a leading "=" is dropped, and what follows is the
	// value of a cookie without a name unless it has an "=".
	pair = strings.TrimPrefix(cutTerminator(pair), "=")
	c := &http.Cookie{Raw: line}
	if name, value, ok := strings.Cut(pair, "="); ok && name != "" {
		c.Name, c.Value = trimJS(name), trimJS(value)
	} else {
		c.Value = trimJS(pair)
	}
	if hasControl(c.Name) || hasControl(c.Value) {
		return nil
	}
	for hasAttrs && attrs != "" {
		var av string
		av, attrs, hasAttrs = strings.Cut(attrs, ";")
		if av = trimJS(av); av == "" {
			continue
		}
		key, value, _ := strings.Cut(av, "=")
		value = trimJS(value)
		switch strings.ToLower(trimJS(key)) {
		case "expires":
			if t, ok := parseCookieDate(value); ok {
				c.Expires = t
			}
		case "max-age":
			if n, ok := parseMaxAge(value); ok {
				c.MaxAge = n
			}
		case "domain":
			// Lower-cased, without its leading dot; an empty one is
			// ignored (the cookie stays host-only).
			if d := strings.ToLower(strings.TrimPrefix(value, ".")); d != "" {
				c.Domain = d
			}
		case "path":
			c.Path = ""
			if strings.HasPrefix(value, "/") {
				c.Path = value
			}
		case "secure":
			c.Secure = true
		case "httponly":
			c.HttpOnly = true
		case "samesite":
			switch strings.ToLower(value) {
			case "strict":
				c.SameSite = http.SameSiteStrictMode
			case "lax":
				c.SameSite = http.SameSiteLaxMode
			case "none":
				c.SameSite = http.SameSiteNoneMode
			default:
				c.SameSite = 0
			}
		default:
			c.Unparsed = append(c.Unparsed, av)
		}
	}
	return c
}

// parseMaxAge reads Max-Age as RFC 6265 5.2.2 (and tough-cookie) do:
// an optional "-" and digits only; zero or less expires the cookie.
func parseMaxAge(v string) (int, bool) {
	digits := strings.TrimPrefix(v, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	if v[0] == '-' || strings.Trim(digits, "0") == "" {
		return -1, true
	}
	// Capped where a duration in seconds still fits in time.Duration
	// (292 years): the jar adds it to the current time.
	const maxSeconds = math.MaxInt64 / int64(time.Second)
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > maxSeconds {
		n = maxSeconds
	}
	return int(n), true
}

// parseCookieDate is RFC 6265 5.1.1's cookie-date algorithm, as
// tough-cookie's parseDate runs it: a time, a day of the month, a month
// and a year found among the tokens in any order, each the first token
// that fits.
func parseCookieDate(s string) (time.Time, bool) {
	hour, minute, second, day, month, year := -1, -1, -1, -1, -1, -1
	for _, tok := range strings.FieldsFunc(s, isDateDelimiter) {
		if second < 0 {
			if h, m, sec, ok := parseCookieTime(tok); ok {
				hour, minute, second = h, m, sec
				continue
			}
		}
		if day < 0 {
			if n, ok := cookieDigits(tok, 1, 2, true); ok {
				day = n
				continue
			}
		}
		if month < 0 && len(tok) >= 3 {
			if i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(tok[:3])); i >= 0 && i%3 == 0 {
				month = i / 3
				continue
			}
		}
		if year < 0 {
			if n, ok := cookieDigits(tok, 2, 4, true); ok {
				year = n
				switch {
				case n >= 70 && n <= 99:
					year += 1900
				case n <= 69:
					year += 2000
				}
			}
		}
	}
	if second < 0 || day < 1 || day > 31 || month < 0 || year < 1601 || hour > 23 || minute > 59 || second > 59 {
		return time.Time{}, false
	}
	// Date.UTC rolls a day past the month's end over, as time.Date does.
	return time.Date(year, time.Month(month+1), day, hour, minute, second, 0, time.UTC), true
}

func isDateDelimiter(r rune) bool {
	return r == '\t' || r >= 0x20 && r <= 0x2f || r >= 0x3b && r <= 0x40 || r >= 0x5b && r <= 0x60 || r >= 0x7b && r <= 0x7e
}

// parseCookieTime reads hms-time: three fields of one or two digits
// separated by ":", the last one followed by anything but a digit.
func parseCookieTime(tok string) (h, m, s int, ok bool) {
	parts := strings.Split(tok, ":")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var v [3]int
	for i, p := range parts {
		if v[i], ok = cookieDigits(p, 1, 2, i == 2); !ok {
			return 0, 0, 0, false
		}
	}
	return v[0], v[1], v[2], true
}

// cookieDigits reads min to max leading digits of tok; with trailingOK,
// anything that is not a digit may follow them.
func cookieDigits(tok string, minDigits, maxDigits int, trailingOK bool) (int, bool) {
	n := 0
	for n < len(tok) && tok[n] >= '0' && tok[n] <= '9' {
		n++
	}
	if n < minDigits || n > maxDigits || !trailingOK && n != len(tok) {
		return 0, false
	}
	v, _ := strconv.Atoi(tok[:n])
	return v, true
}

// jarCookieHeader is the Cookie header tough-cookie writes for cookies:
// "name=value" joined by "; ", a cookie without a name as its value
// alone.
func jarCookieHeader(cs []*http.Cookie) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString("; ")
		}
		if c.Name != "" {
			b.WriteString(c.Name)
			b.WriteByte('=')
		}
		b.WriteString(c.Value)
	}
	return b.String()
}

// latin1String reads s one byte a character, as Node decodes a header
// it receives.
func latin1String(s string) string {
	i := asciiPrefix(s)
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+len(s)/2)
	copy(b, s)
	for ; i < len(s); i++ {
		b = utf8.AppendRune(b, rune(s[i]))
	}
	return string(b)
}

// latin1Bytes writes s one byte a character, as Node writes a header it
// sends: the inverse of latin1String. A character past U+00FF (Node
// refuses such a header) stays UTF-8.
func latin1Bytes(s string) string {
	i := asciiPrefix(s)
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r <= 0xff && (r != utf8.RuneError || size > 1) {
			b = append(b, byte(r))
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// asciiPrefix is the length of s's leading ASCII bytes: most headers
// are ASCII through and need no copy.
func asciiPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// cutTerminator is tough-cookie's trimTerminator: a line ends at its
// first CR, LF or NUL.
func cutTerminator(s string) string {
	if i := strings.IndexAny(s, "\r\n\x00"); i >= 0 {
		return s[:i]
	}
	return s
}

// trimJS is JavaScript's String.prototype.trim on the characters a
// Latin-1 header can hold: unlike strings.TrimSpace, it keeps U+0085.
func trimJS(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r != 0x85 && unicode.IsSpace(r) || r == 0xfeff })
}

// hasControl reports whether s holds a character tough-cookie refuses
// in a cookie's name or value (U+0000 to U+001F).
func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x20 }) >= 0
}
