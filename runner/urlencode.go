package runner

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/idna"

	"github.com/colrun/colrun/collections"
)

// The encode sets below are postman-url-encoder's (WHATWG URL's percent
// encode sets), so that colrun sends byte-for-byte the URL Newman sends:
// servers that sign or cache on the raw URL see no difference.
type encodeSet [128]bool

func newEncodeSet(base *encodeSet, chars string) *encodeSet {
	var s encodeSet
	if base != nil {
		s = *base
	} else {
		for i := 0; i < 0x20; i++ {
			s[i] = true
		}
		s[0x7f] = true
	}
	for i := 0; i < len(chars); i++ {
		s[chars[i]] = true
	}
	return &s
}

var (
	c0ControlSet = newEncodeSet(nil, "")
	fragmentSet  = newEncodeSet(c0ControlSet, " \"<>`")
	pathSet      = newEncodeSet(fragmentSet, "#?{}")
	userinfoSet  = newEncodeSet(pathSet, "/:;=@[\\]^|")
	querySet     = newEncodeSet(nil, " \"#'<>")
)

// percentEncode encodes bytes in set (and every non-ASCII byte), leaving
// existing %XX escapes alone.
func percentEncode(s string, set *encodeSet) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteString(s[i : i+3])
			i += 2
			continue
		}
		if c >= 0x80 || set[c] {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// wireURL renders a parsed, fully resolved URL the way postman-url-encoder's
// toNodeUrl does: lower-case protocol (http when missing), IDNA host,
// percent-encoded path, query and fragment. The fragment is dropped: it is
// never sent. With asWritten (protocolProfileBehavior.disableUrlEncoding)
// the user information, path and query are not encoded; the host still is.
func wireURL(u collections.URL, asWritten bool) string {
	encode := percentEncode
	if asWritten {
		encode = func(s string, _ *encodeSet) string { return s }
	}
	var b strings.Builder
	proto := strings.ToLower(strings.TrimSuffix(u.Protocol, "://"))
	if proto == "" {
		proto = "http"
	}
	b.WriteString(proto + "://")
	if u.Auth != nil {
		b.WriteString(encode(u.Auth.User, userinfoSet))
		if u.Auth.Password != "" {
			b.WriteString(":" + encode(u.Auth.Password, userinfoSet))
		}
		b.WriteString("@")
	}
	b.WriteString(encodeHost(strings.ToLower(strings.Join(u.Host, "."))))
	if u.Port != "" {
		b.WriteString(":" + u.Port)
	}
	b.WriteString(encode(u.PathString(), pathSet))
	if len(u.Query) > 0 {
		q := u.QueryString()
		enabled := false
		for _, p := range u.Query {
			enabled = enabled || !p.Disabled
		}
		if q != "" || enabled {
			b.WriteString("?" + encode(q, querySet))
		}
	}
	return b.String()
}

// encodeHost converts an internationalised host name to ASCII, keeping the
// input when it is not a valid name (an IP literal, a leftover {{var}}).
// An IPv4 address written in a WHATWG URL's shorthand (127.1, 0x7f.0.0.1,
// 2130706433, a trailing dot) becomes dotted decimal, as Node's URL makes
// it for Newman: that is where the request goes, the Host header it
// sends and the URL its report and test scripts show.
func encodeHost(host string) string {
	if host == "" {
		return ""
	}
	if ip, ok := whatwgIPv4(host); ok {
		return ip
	}
	for i := 0; i < len(host); i++ {
		if host[i] >= 0x80 {
			if a, err := idna.Lookup.ToASCII(host); err == nil {
				return a
			}
			return host
		}
	}
	return host
}

// whatwgIPv4 parses host as the WHATWG URL standard's IPv4 parser does
// (https://url.spec.whatwg.org/#concept-ipv4-parser): one to four parts
// in decimal, octal (leading 0) or hex (0x), the last filling the bytes
// left. It reports false for anything else, a name or an address the
// standard rejects (127.09.0.1, 1.2.3.256), which are left to DNS as
// Newman leaves them.
func whatwgIPv4(host string) (string, bool) {
	parts := strings.Split(host, ".")
	if len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return "", false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return "", false
		}
		nums[i] = n
	}
	addr := nums[len(nums)-1]
	if addr >= 1<<(8*(5-len(nums))) {
		return "", false
	}
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return "", false
		}
		addr += n << (8 * (3 - i))
	}
	return fmt.Sprintf("%d.%d.%d.%d", addr>>24, addr>>16&255, addr>>8&255, addr&255), true
}

// ipv4Number reads one part of a WHATWG IPv4 address.
func ipv4Number(p string) (uint64, bool) {
	base := 10
	switch {
	case len(p) >= 2 && (p[:2] == "0x" || p[:2] == "0X"):
		p, base = p[2:], 16
		if p == "" {
			return 0, true
		}
	case len(p) >= 2 && p[0] == '0':
		p, base = p[1:], 8
	case p == "":
		return 0, false
	}
	n, err := strconv.ParseUint(p, base, 64)
	return n, err == nil
}
