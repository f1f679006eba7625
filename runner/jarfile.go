package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/publicsuffix"

	"github.com/colrun/colrun/collections"
)

// StoredCookie is one cookie of a jar as tough-cookie, the jar Newman
// uses, serializes it (--cookie-jar, --export-cookie-jar).
type StoredCookie struct {
	Name, Value  string
	Domain, Path string
	// Expires is zero for a session cookie.
	Expires time.Time
	// MaxAge is the Max-Age the cookie was set with, if any; tough-cookie
	// counts it from Creation and keeps it rather than an expiry date.
	MaxAge           *int
	Secure, HTTPOnly bool
	HostOnly         bool
	PathIsDefault    bool
	SameSite         string // "strict", "lax", "none" or ""
	Extensions       []string
	Creation         time.Time
	LastAccessed     time.Time
	creationIndex    int
	hostOnlyUnknown  bool // read from a file without hostOnly
	// set is when this run last set the cookie; zero for one read from
	// --cookie-jar and not set since.
	set time.Time
}

func (c *StoredCookie) key() string { return c.Domain + "\x00" + c.Path + "\x00" + c.Name }

// expiry is when the cookie stops being sent; zero for a session cookie.
func (c *StoredCookie) expiry() time.Time {
	if c.MaxAge != nil {
		if *c.MaxAge <= 0 {
			return time.Unix(0, 0)
		}
		return c.Creation.Add(time.Duration(*c.MaxAge) * time.Second)
	}
	return c.Expires
}

func (c *StoredCookie) expired(now time.Time) bool {
	e := c.expiry()
	return !e.IsZero() && !e.After(now)
}

// toughTime is tough-cookie's date format: JavaScript's toISOString.
const toughTime = "2006-01-02T15:04:05.000Z"

// toughCookie is a cookie's JSON in tough-cookie 4's toJSON order; a
// field left at tough-cookie's default is left out.
type toughCookie struct {
	Key           string   `json:"key,omitempty"`
	Value         string   `json:"value,omitempty"`
	Expires       any      `json:"expires,omitempty"`
	MaxAge        any      `json:"maxAge,omitempty"`
	Domain        string   `json:"domain,omitempty"`
	Path          string   `json:"path,omitempty"`
	Secure        bool     `json:"secure,omitempty"`
	HTTPOnly      bool     `json:"httpOnly,omitempty"`
	Extensions    []string `json:"extensions,omitempty"`
	HostOnly      *bool    `json:"hostOnly,omitempty"`
	PathIsDefault *bool    `json:"pathIsDefault,omitempty"`
	Creation      string   `json:"creation,omitempty"`
	LastAccessed  string   `json:"lastAccessed,omitempty"`
	SameSite      string   `json:"sameSite,omitempty"`
}

// toughJar is tough-cookie's serialized jar, with the settings Newman
// 6.2.2's jar has (postman-request's jar in loose mode).
type toughJar struct {
	Version               string        `json:"version"`
	StoreType             string        `json:"storeType"`
	RejectPublicSuffixes  bool          `json:"rejectPublicSuffixes"`
	EnableLooseMode       bool          `json:"enableLooseMode"`
	AllowSpecialUseDomain bool          `json:"allowSpecialUseDomain"`
	PrefixSecurity        string        `json:"prefixSecurity"`
	Cookies               []toughCookie `json:"cookies"`
}

// MarshalCookieJar writes cookies as Newman's --export-cookie-jar does:
// tough-cookie's serialized jar, indented by two spaces, with no newline
// at the end.
func MarshalCookieJar(cookies []StoredCookie) ([]byte, error) {
	jar := toughJar{
		Version: "tough-cookie@4.1.3-postman.1", StoreType: "MemoryCookieStore",
		EnableLooseMode: true, AllowSpecialUseDomain: true, PrefixSecurity: "silent",
		Cookies: []toughCookie{},
	}
	for _, c := range cookies {
		t := toughCookie{Key: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path, Secure: c.Secure,
			HTTPOnly: c.HTTPOnly, Extensions: c.Extensions, SameSite: c.SameSite}
		if !c.Expires.IsZero() {
			t.Expires = c.Expires.UTC().Format(toughTime)
		}
		if c.MaxAge != nil {
			t.MaxAge = *c.MaxAge
		}
		if !c.hostOnlyUnknown {
			t.HostOnly = &c.HostOnly
		}
		if c.PathIsDefault {
			t.PathIsDefault = &c.PathIsDefault
		}
		if !c.Creation.IsZero() {
			t.Creation = c.Creation.UTC().Format(toughTime)
		}
		if !c.LastAccessed.IsZero() {
			t.LastAccessed = c.LastAccessed.UTC().Format(toughTime)
		}
		jar.Cookies = append(jar.Cookies, t)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jar); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// ReadCookieJar reads a tough-cookie jar file (what Newman's
// --export-cookie-jar writes, or Postman's own). Cookies that have
// expired are left out, as tough-cookie never sends them; flag names
// the option in errors.
func ReadCookieJar(flag, path string) ([]StoredCookie, error) {
	data, err := collections.ReadInput(path, "cookie jar")
	if err != nil {
		var ie *collections.InputError
		if errors.As(err, &ie) {
			ie.File = flag + " " + path
		}
		return nil, err
	}
	fail := func(format string, a ...any) error {
		return &collections.InputError{File: flag + " " + path, Err: fmt.Errorf(format, a...)}
	}
	var jar struct {
		Cookies *[]map[string]json.RawMessage `json:"cookies"`
	}
	if err := json.Unmarshal(data, &jar); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fail("not a tough-cookie jar: expected an object with a \"cookies\" list")
		}
		return nil, fail("invalid JSON: %v", err)
	}
	if jar.Cookies == nil {
		return nil, fail("not a tough-cookie jar: it has no \"cookies\" list")
	}
	now := time.Now()
	var out []StoredCookie
	for i, raw := range *jar.Cookies {
		c, err := decodeToughCookie(raw, now)
		if err != nil {
			return nil, fail("cookies[%d]: %v", i, err)
		}
		if !c.expired(now) {
			c.creationIndex = len(out)
			out = append(out, c)
		}
	}
	return out, nil
}

func decodeToughCookie(raw map[string]json.RawMessage, now time.Time) (StoredCookie, error) {
	var c StoredCookie
	str := func(k string, dst *string) error {
		if v, ok := raw[k]; ok && string(v) != "null" {
			if err := json.Unmarshal(v, dst); err != nil {
				return fmt.Errorf("%s is not a string", k)
			}
		}
		return nil
	}
	boolean := func(k string, dst *bool) (bool, error) {
		v, ok := raw[k]
		if !ok || string(v) == "null" {
			return false, nil
		}
		if err := json.Unmarshal(v, dst); err != nil {
			return false, fmt.Errorf("%s is not true or false", k)
		}
		return true, nil
	}
	date := func(k string, dst *time.Time) error {
		var s string
		if err := str(k, &s); err != nil || s == "" || s == "Infinity" {
			return err
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return fmt.Errorf("%s %q is not a date", k, s)
		}
		*dst = t
		return nil
	}
	var sameSite string
	for _, f := range []struct {
		k   string
		dst *string
	}{{"key", &c.Name}, {"value", &c.Value}, {"domain", &c.Domain}, {"path", &c.Path}, {"sameSite", &sameSite}} {
		if err := str(f.k, f.dst); err != nil {
			return c, err
		}
	}
	if err := date("expires", &c.Expires); err != nil {
		return c, err
	}
	if err := date("creation", &c.Creation); err != nil {
		return c, err
	}
	if err := date("lastAccessed", &c.LastAccessed); err != nil {
		return c, err
	}
	if v, ok := raw["maxAge"]; ok && string(v) != "null" {
		var n float64
		switch string(v) {
		case `"Infinity"`:
			// tough-cookie's never-expiring cookie: no Max-Age to keep.
		case `"-Infinity"`:
			m := 0
			c.MaxAge = &m
		default:
			if err := json.Unmarshal(v, &n); err != nil {
				return c, errors.New("maxAge is not a number")
			}
			m := int(n)
			c.MaxAge = &m
		}
	}
	if _, err := boolean("secure", &c.Secure); err != nil {
		return c, err
	}
	if _, err := boolean("httpOnly", &c.HTTPOnly); err != nil {
		return c, err
	}
	set, err := boolean("hostOnly", &c.HostOnly)
	if err != nil {
		return c, err
	}
	c.hostOnlyUnknown = !set
	if _, err := boolean("pathIsDefault", &c.PathIsDefault); err != nil {
		return c, err
	}
	if v, ok := raw["extensions"]; ok && string(v) != "null" {
		if err := json.Unmarshal(v, &c.Extensions); err != nil {
			return c, errors.New("extensions is not a list of strings")
		}
	}
	c.SameSite = strings.ToLower(sameSite)
	// A cookie without a key is one a Set-Cookie without "=" made (its
	// value alone, sent as written): tough-cookie leaves out the key.
	if c.Domain == "" {
		// tough-cookie keeps it, but never sends a cookie without one.
		return c, fmt.Errorf("cookie %q has no domain", c.Name)
	}
	c.Domain = strings.TrimPrefix(strings.ToLower(c.Domain), ".")
	if c.Path == "" || c.Path[0] != '/' {
		c.Path = "/"
	}
	if c.Creation.IsZero() {
		c.Creation = now
	}
	return c, nil
}

// recordingJar is the run's cookie jar: Go's jar (with the public suffix
// list) decides which cookies are kept and sent, and every cookie it
// keeps is also recorded with tough-cookie's attributes, so that the jar
// can be written out as Newman writes it. Go's jar cannot list its
// cookies.
type recordingJar struct {
	inner *cookiejar.Jar
	mu    sync.Mutex
	byKey map[string]*StoredCookie
	next  int // creation order
	// deleted holds when a cookie was last removed (set expired), so
	// that merging --parallel workers' jars does not bring it back from
	// a worker that still holds its older copy.
	deleted map[string]time.Time
}

func newRecordingJar() *recordingJar {
	inner, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
	return &recordingJar{inner: inner, byKey: map[string]*StoredCookie{}}
}

// SetCookies stores cookies as a response (or a script) set them for u.
func (j *recordingJar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	cloned := false
	for i, hc := range cookies {
		if hc.Quoted {
			// Go's parser (a script's pm.cookies.jar().set) takes a
			// value's quotes off; tough-cookie keeps them in the value,
			// which scripts, the Cookie header and the jar file show.
			if !cloned {
				cookies, cloned = slices.Clone(cookies), true
			}
			q := *hc
			q.Value, q.Quoted = `"`+hc.Value+`"`, false
			cookies[i] = &q
		}
	}
	j.inner.SetCookies(u, cookies)
	now := time.Now()
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, hc := range cookies {
		c := storedFromSet(hc, u, now)
		if c.expired(now) {
			if _, held := j.byKey[c.key()]; held {
				delete(j.byKey, c.key())
				if j.deleted == nil {
					j.deleted = map[string]time.Time{}
				}
				j.deleted[c.key()] = now
			}
			continue
		}
		c.set = now
		if !j.holds(c) {
			continue
		}
		if old, ok := j.byKey[c.key()]; ok {
			// tough-cookie keeps an updated cookie's creation.
			c.Creation, c.creationIndex = old.Creation, old.creationIndex
		} else {
			c.creationIndex = j.next
			j.next++
		}
		j.byKey[c.key()] = &c
	}
}

// holds reports whether Go's jar kept c (it refuses a domain the host is
// not in, or a public suffix): it would send c back to c's own URL.
func (j *recordingJar) holds(c StoredCookie) bool {
	for _, got := range j.inner.Cookies(cookieURL(c)) {
		if got.Name == c.Name && got.Value == c.Value {
			return true
		}
	}
	return false
}

// cookieURL is a URL that c is sent to.
func cookieURL(c StoredCookie) *url.URL {
	scheme := "http"
	if c.Secure {
		scheme = "https"
	}
	return &url.URL{Scheme: scheme, Host: c.Domain, Path: c.Path}
}

// storedFromSet is a cookie as tough-cookie stores it once set for u.
func storedFromSet(hc *http.Cookie, u *url.URL, now time.Time) StoredCookie {
	d := withDefaults(hc, u)
	c := StoredCookie{Name: hc.Name, Value: hc.Value, Domain: d.Domain, Path: d.Path, Expires: hc.Expires,
		Secure: hc.Secure, HTTPOnly: hc.HttpOnly, HostOnly: hc.Domain == "", PathIsDefault: d.Path != hc.Path,
		Extensions: hc.Unparsed, Creation: now, LastAccessed: now}
	switch {
	case hc.MaxAge > 0:
		m := hc.MaxAge
		c.MaxAge = &m
	case hc.MaxAge < 0:
		m := 0
		c.MaxAge = &m
	}
	switch hc.SameSite {
	case http.SameSiteStrictMode:
		c.SameSite = "strict"
	case http.SameSiteLaxMode:
		c.SameSite = "lax"
	case http.SameSiteNoneMode:
		c.SameSite = "none"
	}
	return c
}

// Cookies returns the cookies to send to u, marking them accessed.
func (j *recordingJar) Cookies(u *url.URL) []*http.Cookie {
	cs := j.inner.Cookies(u)
	if len(cs) == 0 {
		return cs
	}
	now := time.Now()
	host := strings.ToLower(u.Hostname())
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, c := range j.byKey {
		if domainMatch(host, c.Domain) && strings.HasPrefix(u.Path+"/", strings.TrimSuffix(c.Path, "/")+"/") &&
			slices.ContainsFunc(cs, func(h *http.Cookie) bool { return h.Name == c.Name && h.Value == c.Value }) {
			c.LastAccessed = now
		}
	}
	return cs
}

// load starts the jar with cookies read from a file, keeping their
// creation and other attributes, and files their attributes in book for
// pm.cookies.
func (j *recordingJar) load(cookies []StoredCookie, book *cookieBook) {
	for _, c := range cookies {
		hc := &http.Cookie{Name: c.Name, Value: c.Value, Path: c.Path, Expires: c.expiry(), Secure: c.Secure, HttpOnly: c.HTTPOnly}
		if !c.HostOnly {
			hc.Domain = c.Domain
		}
		j.inner.SetCookies(cookieURL(c), []*http.Cookie{hc})
		if !j.holds(c) {
			continue
		}
		j.mu.Lock()
		c.creationIndex = j.next
		j.next++
		j.byKey[c.key()] = &c
		j.mu.Unlock()
		if book.byKey == nil {
			book.byKey = map[string]*http.Cookie{}
		}
		rec := *hc
		rec.Domain = c.Domain
		book.byKey[cookieKey(&rec)] = &rec
	}
}

// stored lists the jar's live cookies in the order they were first set.
func (j *recordingJar) stored(now time.Time) []StoredCookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []StoredCookie
	for _, c := range j.byKey {
		if !c.expired(now) {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b StoredCookie) int { return a.creationIndex - b.creationIndex })
	return out
}

// jarList keeps every worker's jar, for the jar the run ends with.
type jarList struct {
	mu   sync.Mutex
	jars []*recordingJar
}

// newJar makes a worker's jar, started with Options.Cookies.
func (r *Runner) newJar(book *cookieBook) *recordingJar {
	j := newRecordingJar()
	j.load(r.opts.Cookies, book)
	r.jars.mu.Lock()
	r.jars.jars = append(r.jars.jars, j)
	r.jars.mu.Unlock()
	return j
}

// finalCookies is the run's jar at its end. Under --parallel each worker
// has its own jar; a cookie several of them hold is taken from the one
// that used it last, and a cookie one of them deleted after every other
// set it (or that no other set: one from --cookie-jar) is left out, as a
// sequential run would have it.
func (r *Runner) finalCookies() []StoredCookie {
	now := time.Now()
	r.jars.mu.Lock()
	defer r.jars.mu.Unlock()
	if len(r.jars.jars) == 1 {
		return r.jars.jars[0].stored(now)
	}
	merged := map[string]StoredCookie{}
	var order []string
	deleted := map[string]time.Time{}
	for _, j := range r.jars.jars {
		j.mu.Lock()
		for k, at := range j.deleted {
			if at.After(deleted[k]) {
				deleted[k] = at
			}
		}
		j.mu.Unlock()
	}
	for _, j := range r.jars.jars {
		for _, c := range j.stored(now) {
			old, ok := merged[c.key()]
			if !ok {
				order = append(order, c.key())
			}
			if !ok || c.LastAccessed.After(old.LastAccessed) {
				merged[c.key()] = c
			}
		}
	}
	out := make([]StoredCookie, 0, len(order))
	for _, k := range order {
		c := merged[k]
		if at, ok := deleted[k]; ok && !c.set.After(at) && !setElsewhereAfter(r.jars.jars, k, at) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// setElsewhereAfter reports whether any jar set the cookie with key k
// after at, so that a later set outlives an earlier deletion even when
// the copy chosen for the merge is another worker's.
func setElsewhereAfter(jars []*recordingJar, k string, at time.Time) bool {
	for _, j := range jars {
		j.mu.Lock()
		c, ok := j.byKey[k]
		after := ok && c.set.After(at)
		j.mu.Unlock()
		if after {
			return true
		}
	}
	return false
}
