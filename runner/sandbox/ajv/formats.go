package ajv

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// regexCache holds compiled schema patterns process-wide: a collection
// validates the same schema on every request.
var regexCache sync.Map // pattern -> *regexp2.Regexp or error

// compileJSRegexp compiles a JavaScript regular expression, as ajv
// builds patterns (lookaheads, \d semantics and all).
func compileJSRegexp(pattern string) (*regexp2.Regexp, error) {
	if v, ok := regexCache.Load(pattern); ok {
		if err, bad := v.(error); bad {
			return nil, err
		}
		return v.(*regexp2.Regexp), nil
	}
	re, err := regexp2.Compile(pattern, regexp2.ECMAScript)
	if err != nil {
		regexCache.Store(pattern, err)
		return nil, err
	}
	// A pathological pattern must not hang the run.
	re.MatchTimeout = 2 * time.Second
	regexCache.Store(pattern, re)
	return re, nil
}

// mustMatcher matches one of ajv's own format patterns, compiled at
// first use so that runs which check no formats do not pay for them.
func mustMatcher(pattern string, opts regexp2.RegexOptions) func(string) bool {
	re := sync.OnceValue(func() *regexp2.Regexp { return regexp2.MustCompile(pattern, opts|regexp2.ECMAScript) })
	return func(s string) bool {
		ok, err := re().MatchString(s)
		return err == nil && ok
	}
}

func exact(pattern string) func(string) bool { return mustMatcher(pattern, 0) }

func ignoreCase(pattern string) func(string) bool { return mustMatcher(pattern, regexp2.IgnoreCase) }

const (
	hostnamePattern = `^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$`
	ipv4Pattern     = `^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$`
	timeFast        = `(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)`
)

// fastFormats and fullFormats are ajv 6's formats in its two modes,
// built once: their patterns are compiled at first use.
var (
	fastFormats = sync.OnceValue(func() map[string]func(string) bool { return newFormats(FormatFast) })
	fullFormats = sync.OnceValue(func() map[string]func(string) bool { return newFormats(FormatFull) })
)

// builtinFormats returns ajv's format checks for a mode; nil for FormatOff.
func builtinFormats(mode FormatMode) map[string]func(string) bool {
	switch mode {
	case FormatFast:
		return fastFormats()
	case FormatFull:
		return fullFormats()
	}
	return nil
}

func newFormats(mode FormatMode) map[string]func(string) bool {
	f := map[string]func(string) bool{
		"date":                      exact(`^\d\d\d\d-[0-1]\d-[0-3]\d$`),
		"time":                      ignoreCase(`^` + timeFast + `?$`),
		"date-time":                 ignoreCase(`^\d\d\d\d-[0-1]\d-[0-3]\d[t\s]` + timeFast + `$`),
		"uri":                       ignoreCase(`^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$`),
		"uri-reference":             ignoreCase(`^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$`),
		"uri-template":              ignoreCase(`^(?:(?:[^\x00-\x20"'<>%\\^` + "`" + `{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$`),
		"url":                       isURL,
		"email":                     ignoreCase(`^[a-z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$`),
		"hostname":                  ignoreCase(hostnamePattern),
		"ipv4":                      exact(ipv4Pattern),
		"ipv6":                      isIPv6,
		"regex":                     isJSRegex,
		"uuid":                      ignoreCase(`^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$`),
		"json-pointer":              exact(`^(?:\/(?:[^~/]|~0|~1)*)*$`),
		"json-pointer-uri-fragment": ignoreCase(`^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$`),
		"relative-json-pointer":     exact(`^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$`),
	}
	if mode == FormatFull {
		f["date"] = isFullDate
		f["time"] = func(s string) bool { return isFullTime(s, false) }
		f["date-time"] = isFullDateTime
		f["uri"] = isFullURI
		f["email"] = ignoreCase(`^[a-z0-9!#$%&'*+/=?^_` + "`" + `{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_` + "`" + `{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$`)
	}
	return f
}

var backslashZ = exact(`[^\\]\\Z`)

// isJSRegex is ajv's regex format: a valid JavaScript pattern without a
// \Z (which JavaScript would silently read as a plain Z).
func isJSRegex(s string) bool {
	if backslashZ(s) {
		return false
	}
	_, err := compileJSRegexp(s)
	return err == nil
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp":
		return true
	}
	return false
}

func isIPv6(s string) bool {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '%'); i >= 0 {
		if i == len(s)-1 {
			return false
		}
		s = s[:i]
	}
	if !strings.Contains(s, ":") {
		return false
	}
	u, err := url.Parse("http://[" + s + "]/")
	return err == nil && u.Hostname() == s && strings.Count(s, ":") <= 7
}

var daysInMonth = []int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

var fullDateShape = exact(`^(\d\d\d\d)-(\d\d)-(\d\d)$`)

func isFullDate(s string) bool {
	if !fullDateShape(s) {
		return false
	}
	year, _ := strconv.Atoi(s[0:4])
	month, _ := strconv.Atoi(s[5:7])
	day, _ := strconv.Atoi(s[8:10])
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	limit := daysInMonth[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		limit = 29
	}
	return day <= limit
}

var fullTime = sync.OnceValue(func() *regexp2.Regexp {
	return regexp2.MustCompile(`^(\d\d):(\d\d):(\d\d)(\.\d+)?(z|[+-]\d\d(?::?\d\d)?)?$`, regexp2.ECMAScript|regexp2.IgnoreCase)
})

func isFullTime(s string, requireZone bool) bool {
	m, err := fullTime().FindStringMatch(s)
	if err != nil || m == nil {
		return false
	}
	groups := m.Groups()
	hour, _ := strconv.Atoi(groups[1].String())
	minute, _ := strconv.Atoi(groups[2].String())
	second, _ := strconv.Atoi(groups[3].String())
	zone := groups[5].String()
	ok := (hour <= 23 && minute <= 59 && second <= 59) || (hour == 23 && minute == 59 && second == 60)
	return ok && (!requireZone || zone != "")
}

func isFullDateTime(s string) bool {
	parts := splitDateTime(s)
	return len(parts) == 2 && isFullDate(parts[0]) && isFullTime(parts[1], true)
}

func splitDateTime(s string) []string {
	for i, r := range s {
		if r == 't' || r == 'T' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' {
			rest := s[i+utf8.RuneLen(r):]
			if strings.ContainsAny(rest, "tT \t\n\r\f\v") {
				return nil
			}
			return []string{s[:i], rest}
		}
	}
	return nil
}

var (
	hasSlashOrColon = exact(`\/|:`)
	fullURIShape    = ignoreCase(`^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$`)
)

func isFullURI(s string) bool {
	return hasSlashOrColon(s) && fullURIShape(s)
}
