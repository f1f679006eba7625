package sandbox

import (
	"errors"
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
		return nil, errors.New("CookieJar: invalid url " + rawURL)
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
		jar.SetCookies(u, []*http.Cookie{c})
		return s.cookiePlain(c), nil
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

// cookieFromJS reads the cookie the bootstrap passes: a Set-Cookie string
// or an object with Postman's Cookie fields.
func (s *Sandbox) cookieFromJS(v goja.Value) (*http.Cookie, error) {
	if str, ok := v.Export().(string); ok {
		c, err := http.ParseSetCookie(str)
		if err != nil {
			return nil, errors.New("CookieJar.set(): invalid cookie " + str)
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
	c := &http.Cookie{}
	if x := get("name"); x != nil {
		c.Name = x.String()
	}
	if x := get("value"); x != nil {
		c.Value = x.String()
	}
	if c.Name == "" {
		return nil, errors.New("CookieJar.set() requires a valid set cookie arguments")
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
