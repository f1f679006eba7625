package runner

import (
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
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
