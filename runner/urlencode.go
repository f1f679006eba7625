package runner

import (
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
	if !needsEncoding(s, set) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	writeEncoded(&b, s, set)
	return b.String()
}

// needsEncoding reports whether percentEncode would change s. Most parts
// of most URLs need nothing, and are then used as they are.
func needsEncoding(s string, set *encodeSet) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || set[c] {
			return true
		}
	}
	return false
}

// writeEncoded writes s to b as percentEncode encodes it.
func writeEncoded(b *strings.Builder, s string, set *encodeSet) {
	const hex = "0123456789ABCDEF"
	if !needsEncoding(s, set) {
		b.WriteString(s)
		return
	}
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
}

// urlEncoder writes the parts of a URL percent-encoded, or as they are
// (protocolProfileBehavior.disableUrlEncoding).
type urlEncoder struct{ asWritten bool }

func (e urlEncoder) write(b *strings.Builder, s string, set *encodeSet) {
	if e.asWritten {
		b.WriteString(s)
		return
	}
	writeEncoded(b, s, set)
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
	enc := urlEncoder{asWritten: asWritten}
	var b strings.Builder
	// Written in place into one buffer of about the right size: this
	// runs for every request sent.
	b.Grow(len(u.Raw) + 16)
	proto := strings.ToLower(strings.TrimSuffix(u.Protocol, "://"))
	if proto == "" {
		proto = "http"
	}
	b.WriteString(proto)
	b.WriteString("://")
	if u.Auth != nil {
		enc.write(&b, u.Auth.User, userinfoSet)
		if u.Auth.Password != "" || u.Auth.HasPassword {
			b.WriteByte(':')
			enc.write(&b, u.Auth.Password, userinfoSet)
		}
		b.WriteByte('@')
	}
	// The labels are joined in b itself: the usual host (lower-case ASCII
	// names, a canonical IPv4 address) is already in its wire form, and
	// only a host that is not costs a second buffer.
	start := b.Len()
	for i, label := range u.Host {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(label)
	}
	// b.String() shares b's bytes, which later writes do not change.
	if host := b.String()[start:]; host != "" {
		if wire := encodeHost(strings.ToLower(host)); wire != host {
			prefix := b.String()[:start]
			b.Reset()
			b.Grow(len(u.Raw) + len(wire) + 16)
			b.WriteString(prefix)
			b.WriteString(wire)
		}
	}
	if u.Port != "" {
		b.WriteByte(':')
		b.WriteString(u.Port)
	}
	if len(u.Variables) == 0 {
		// No path variable to fill: the segments are written as they are,
		// which encodes as their joined path does (no escape spans a '/').
		b.WriteByte('/')
		for i, seg := range u.Path {
			if i > 0 {
				b.WriteByte('/')
			}
			enc.write(&b, seg, pathSet)
		}
	} else {
		enc.write(&b, u.PathString(), pathSet)
	}
	if len(u.Query) > 0 {
		q := u.QueryString()
		enabled := false
		for _, p := range u.Query {
			enabled = enabled || !p.Disabled
		}
		if q != "" || enabled {
			b.WriteByte('?')
			enc.write(&b, q, querySet)
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
	s := host
	n := strings.Count(s, ".") + 1
	if n > 1 && s[len(s)-1] == '.' {
		s, n = s[:len(s)-1], n-1
	}
	if n > 4 {
		return "", false
	}
	var nums [4]uint64
	for i := range n {
		p, rest, _ := strings.Cut(s, ".")
		v, ok := ipv4Number(p)
		if !ok {
			return "", false
		}
		nums[i], s = v, rest
	}
	addr := nums[n-1]
	if addr >= 1<<(8*(5-n)) {
		return "", false
	}
	for i, v := range nums[:n-1] {
		if v > 255 {
			return "", false
		}
		addr += v << (8 * (3 - i))
	}
	var buf [15]byte
	out := strconv.AppendUint(buf[:0], addr>>24, 10)
	for _, shift := range []uint64{16, 8, 0} {
		out = append(out, '.')
		out = strconv.AppendUint(out, addr>>shift&255, 10)
	}
	if string(out) == host {
		// Already dotted decimal: the host as it is, not a copy.
		return host, true
	}
	return string(out), true
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
