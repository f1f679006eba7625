package sandbox

import (
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// jarOp performs one pm.cookies.jar() operation on Options.Jar.
//
// An http.CookieJar only stores and returns name=value pairs for a URL, so
// cookies read back carry no domain, path or expiry, and unset/clear work
// by expiring the cookie at every path and domain it could have been set
// for. Postman's jar (tough-cookie) reports the full attributes.
func (s *Sandbox) jarOp(op, rawURL string, arg goja.Value) (goja.Value, error) {
	jar := s.opts.Jar
	if jar == nil {
		return nil, errors.New("pm.cookies.jar() is not available in this run")
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		// tough-cookie takes any text for a URL: a host no request can
		// have holds no cookies, and a cookie set there is never sent, so
		// Newman answers without an error.
		return s.jarOpNowhere(op, rawURL, arg)
	}
	switch op {
	case "get":
		name := arg.String()
		for _, c := range jar.Cookies(u) {
			if c.Name == name {
				return s.cookiePlain(c), nil
			}
		}
		return goja.Null(), nil
	case "getAll":
		return s.cookiesPlain(jar.Cookies(u)), nil
	case "set":
		c, err := s.cookieFromJS(arg)
		if err != nil {
			return nil, err
		}
		if err := domainAllows(c, u.Hostname()); err != nil {
			return nil, err
		}
		jar.SetCookies(u, []*http.Cookie{c})
		return s.cookieSet(c, u.Hostname(), u.Path), nil
	case "unset":
		expireCookie(jar, u, arg.String())
		return goja.Undefined(), nil
	case "clear":
		for _, c := range jar.Cookies(u) {
			expireCookie(jar, u, c.Name)
		}
		return goja.Undefined(), nil
	}
	return nil, errors.New("CookieJar: unknown operation " + op)
}

// jarOpNowhere answers a jar operation on a URL with no host that
// net/url reads, as Newman's jar answers it: nothing there, nothing to
// remove, and a set that succeeds for that host (colrun keeps no such
// cookie, which no request could send).
func (s *Sandbox) jarOpNowhere(op, rawURL string, arg goja.Value) (goja.Value, error) {
	switch op {
	case "get":
		return goja.Null(), nil
	case "getAll":
		return s.rt.NewArray(), nil
	case "set":
		c, err := s.cookieFromJS(arg)
		if err != nil {
			return nil, err
		}
		host, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(rawURL, "http://"), "https://"), "/")
		if err := domainAllows(c, host); err != nil {
			return nil, err
		}
		return s.cookieSet(c, host, "/"), nil
	case "unset", "clear":
		return goja.Undefined(), nil
	}
	return nil, errors.New("CookieJar: unknown operation " + op)
}

// cookieFromJS reads the cookie the bootstrap passes: a Set-Cookie string
// or an object with Postman's Cookie fields. A string is read as Newman's
// jar (tough-cookie in loose mode) reads it, through
// Options.ParseSetCookie: "novalue" or "=v" is a cookie without a name.
func (s *Sandbox) cookieFromJS(v goja.Value) (*http.Cookie, error) {
	if str, ok := v.Export().(string); ok {
		var c *http.Cookie
		switch {
		case str != "" && strings.TrimSpace(str) == "":
			// tough-cookie refuses only the empty string; blanks trim to
			// a cookie with neither name nor value.
			c = &http.Cookie{}
		case s.opts.ParseSetCookie != nil:
			c = s.opts.ParseSetCookie(str)
		default:
			if hc, err := http.ParseSetCookie(str); err == nil {
				c = hc
			}
		}
		if c == nil {
			//lint:ignore ST1005 scripts see tough-cookie's words under Newman
			return nil, errors.New("Cookie failed to parse")
		}
		return c, nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, errors.New("CookieJar.set() requires a valid set cookie arguments")
	}
	get := func(k string) goja.Value {
		x := o.Get(k)
		if x == nil || goja.IsUndefined(x) || goja.IsNull(x) {
			return nil
		}
		return x
	}
	// A cookie object without a name is a cookie without a key, as
	// tough-cookie's Cookie.fromJSON makes it.
	c := &http.Cookie{}
	if x := get("name"); x != nil {
		c.Name = x.String()
	}
	if x := get("value"); x != nil {
		c.Value = x.String()
	}
	if x := get("domain"); x != nil {
		c.Domain = x.String()
	}
	if x := get("path"); x != nil {
		c.Path = x.String()
	}
	if x := get("expires"); x != nil {
		if t, err := time.Parse(time.RFC3339Nano, x.String()); err == nil {
			c.Expires = t
		} else if t, err := http.ParseTime(x.String()); err == nil {
			c.Expires = t
		}
	}
	if x := get("maxAge"); x != nil {
		c.MaxAge = int(x.ToInteger())
	}
	if x := get("secure"); x != nil {
		c.Secure = x.ToBoolean()
	}
	if x := get("httpOnly"); x != nil {
		c.HttpOnly = x.ToBoolean()
	}
	return c, nil
}

// domainAllows is tough-cookie's check that a cookie's Domain attribute
// covers the host it is set for, in its words.
func domainAllows(c *http.Cookie, host string) error {
	d := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(c.Domain), "."))
	if d == "" {
		return nil
	}
	host = strings.ToLower(host)
	if host == d || strings.HasSuffix(host, "."+d) && net.ParseIP(host) == nil {
		return nil
	}
	return errors.New("Cookie not in this host's domain. Cookie:" + d + " Request:" + host)
}

// cookieSet renders the cookie a jar.set stored as Newman's jar hands it
// back: the request's host and default path filled in, maxAge 0 and
// expires null when not given (a Max-Age does not fill expires), an
// Expires attribute as a Date, and no name for a cookie without a key.
func (s *Sandbox) cookieSet(c *http.Cookie, host, urlPath string) *goja.Object {
	o := s.rt.NewObject()
	if c.Name != "" {
		_ = o.Set("name", c.Name)
	}
	expires := goja.Null()
	if !c.Expires.IsZero() {
		if d, err := s.rt.New(s.rt.Get("Date"), s.rt.ToValue(c.Expires.UnixMilli())); err == nil {
			expires = d
		}
	}
	_ = o.Set("expires", expires)
	_ = o.Set("maxAge", max(c.MaxAge, 0))
	domain := strings.ToLower(strings.TrimPrefix(c.Domain, "."))
	if domain == "" {
		domain = strings.ToLower(host)
	}
	_ = o.Set("domain", domain)
	p := c.Path
	if !strings.HasPrefix(p, "/") {
		p = defaultCookiePath(urlPath)
	}
	_ = o.Set("path", p)
	_ = o.Set("secure", c.Secure)
	_ = o.Set("httpOnly", c.HttpOnly)
	_ = o.Set("hostOnly", c.Domain == "")
	_ = o.Set("value", c.Value)
	return o
}

// defaultCookiePath is RFC 6265's default-path of a URL path, which
// tough-cookie gives a cookie set without a Path.
func defaultCookiePath(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

// expireCookie removes a cookie from a jar that cannot list where its
// cookies were set: a Set-Cookie with Max-Age<0 deletes the entry with the
// same name, domain and path, so every candidate path (each prefix of the
// URL's path) and domain (host-only, then each parent domain) is expired.
func expireCookie(jar http.CookieJar, u *url.URL, name string) {
	paths := []string{"/"}
	p := u.Path
	for p != "" && p != "/" {
		paths = append(paths, p)
		if i := strings.LastIndexByte(p, '/'); i > 0 {
			p = p[:i]
		} else {
			break
		}
	}
	domains := []string{""}
	host := u.Hostname()
	for d := host; strings.Contains(d, "."); d = d[strings.IndexByte(d, '.')+1:] {
		domains = append(domains, d)
	}
	var dead []*http.Cookie
	for _, d := range domains {
		for _, path := range paths {
			dead = append(dead, &http.Cookie{Name: name, Domain: d, Path: path, MaxAge: -1})
		}
	}
	jar.SetCookies(u, dead)
}

// cookiesData renders the run's cookies as Postman's runtime hands them to
// the sandbox (postman-runtime's toPostmanCookie, as Newman 6.2.2 shows
// them): every cookie has expires (a date, or null for a session cookie),
// maxAge (0 when the server gave none), domain, path, secure, httpOnly and
// hostOnly, in that order, and no session flag.
func (s *Sandbox) cookiesData(cookies []*http.Cookie) goja.Value {
	items := make([]any, 0, len(cookies))
	now := time.Now()
	for _, c := range cookies {
		if c == nil {
			continue
		}
		rt := s.rt
		o := rt.NewObject()
		if c.Name != "" {
			// A cookie without a key (a Set-Cookie without "=") has no
			// name in Newman: pm.cookies.toObject() leaves it out.
			_ = o.Set("name", c.Name)
		}
		switch {
		case !c.Expires.IsZero():
			_ = o.Set("expires", c.Expires.UTC().Format(time.RFC3339Nano))
		case c.MaxAge > 0:
			// tough-cookie's expiry time for Max-Age counts from when
			// the cookie was set, which was a moment ago.
			_ = o.Set("expires", now.Add(time.Duration(c.MaxAge)*time.Second).UTC().Format(time.RFC3339Nano))
		default:
			_ = o.Set("expires", goja.Null())
		}
		_ = o.Set("maxAge", max(c.MaxAge, 0))
		if c.Domain != "" {
			_ = o.Set("domain", strings.TrimPrefix(c.Domain, "."))
		}
		if c.Path != "" {
			_ = o.Set("path", c.Path)
		}
		_ = o.Set("secure", c.Secure)
		_ = o.Set("httpOnly", c.HttpOnly)
		_ = o.Set("hostOnly", c.Domain == "" || (c.Raw != "" && !namesDomain(c.Raw)))
		_ = o.Set("value", c.Value)
		items = append(items, o)
	}
	return s.rt.NewArray(items...)
}

// namesDomain reports whether a Set-Cookie line has a Domain attribute
// with a value. The runner fills in a missing domain with the request's
// host, as the jar does; the line the server sent still tells a host-only
// cookie (no Domain, hostOnly in tough-cookie) from a domain cookie.
func namesDomain(line string) bool {
	_, attrs, _ := strings.Cut(line, ";")
	for attrs != "" {
		var a string
		a, attrs, _ = strings.Cut(attrs, ";")
		k, v, ok := strings.Cut(a, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "domain") && strings.TrimLeft(strings.TrimSpace(v), ".") != "" {
			return true
		}
	}
	return false
}
