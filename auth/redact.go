package auth

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Redactor masks secrets in everything colrun writes. Secrets are added as
// they become known: the configured ones at start, then each minted JWT and
// captured session token during the run. It is safe for concurrent use, and
// the zero value is ready (and masks nothing).
//
// Each secret is also matched in the forms it takes once encoded into a
// JSON string, an XML attribute or a URL, because reports and logs hold
// request bodies and URLs, not just raw values.
type Redactor struct {
	mu sync.RWMutex
	// set is replaced, never modified, so writers can use a snapshot
	// without holding the lock.
	set *secretSet
}

type secretSet struct {
	list []string // longest first
	// groups find list's forms in a text (see pushGroup).
	groups []*group
	// keys sign JWTs that are masked whole (see AddSigningKey).
	keys      [][]byte
	maxLen    int
	noNewline bool // no secret contains '\n', so none can span lines
}

// NewRedactor returns a Redactor that already knows secrets.
func NewRedactor(secrets ...string) *Redactor {
	r := &Redactor{}
	for _, s := range secrets {
		r.Add(s)
	}
	return r
}

// Add registers a secret and its encoded forms. Empty strings are ignored.
// Data a Writer has already written is not revisited.
func (r *Redactor) Add(secret string) {
	if secret == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var list []string
	var keys [][]byte
	var groups []*group
	if r.set != nil {
		list, keys, groups = slices.Clone(r.set.list), r.set.keys, r.set.groups
	}
	var added []string
	for _, v := range encodedForms(secret) {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
			added = append(added, v)
		}
	}
	if len(added) == 0 {
		return
	}
	r.set = newSecretSet(list, keys, pushGroup(groups, added, mergeBytes))
}

// AddSigningKey registers a connected app's secret value as an HS256 key
// (and as a secret): a JWT it signs is masked wherever it appears. colrun
// registers the JWTs it mints itself; this catches the ones a collection's
// script mints from the same secret (Tableau's Connected Apps collection
// does), which are bearer credentials for their few minutes too.
func (r *Redactor) AddSigningKey(key string) {
	if key == "" {
		return
	}
	r.Add(key)
	r.mu.Lock()
	defer r.mu.Unlock()
	var list []string
	var keys [][]byte
	var groups []*group
	if r.set != nil {
		list, keys, groups = r.set.list, r.set.keys, r.set.groups
	}
	for _, k := range keys {
		if string(k) == key {
			return
		}
	}
	r.set = newSecretSet(slices.Clone(list), append(slices.Clone(keys), []byte(key)), groups)
}

// newSecretSet sorts longest first and precomputes what writers need; it
// returns nil when there is nothing to mask.
func newSecretSet(list []string, keys [][]byte, groups []*group) *secretSet {
	if len(list) == 0 && len(keys) == 0 {
		return nil
	}
	slices.SortStableFunc(list, func(a, b string) int { return len(b) - len(a) })
	set := &secretSet{list: list, keys: keys, groups: groups, noNewline: true}
	if len(list) > 0 {
		set.maxLen = len(list[0])
	}
	if len(keys) > 0 {
		// A Writer holds back this much, so that a JWT split across
		// writes is still seen whole.
		set.maxLen = max(set.maxLen, maxJWTLen)
	}
	for _, s := range list {
		if strings.Contains(s, "\n") {
			set.noNewline = false
		}
	}
	return set
}

// Except returns a new Redactor with all of r's secrets but keep (and its
// encoded forms). It exists for the exported environment, which may keep
// the captured session token (the user asked for the state) but must mask
// everything else.
func (r *Redactor) Except(keep ...string) *Redactor {
	out := &Redactor{}
	set := r.snapshot()
	if set == nil {
		return out
	}
	drop := map[string]bool{}
	for _, k := range keep {
		if k == "" {
			continue
		}
		for _, v := range encodedForms(k) {
			drop[v] = true
		}
	}
	var list []string
	for _, v := range set.list {
		if !drop[v] {
			list = append(list, v)
		}
	}
	var groups []*group
	if len(list) > 0 {
		groups = pushGroup(nil, list, mergeBytes)
	}
	out.set = newSecretSet(list, set.keys, groups)
	return out
}

// encodedForms are the spellings of a secret in colrun's outputs. A value
// passes through up to three encodings before anyone sees it: the
// sign-in body's (XML attribute, JSON string, URL), a script's
// JSON.stringify, and console.log's JavaScript quoting, so each of those
// layers is applied to the forms before it. Base64 is there because
// colrun writes it itself: Basic auth with the same password. The list is
// deduplicated; a secret of letters and digits has one form (plus base64).
func encodedForms(s string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(v string) {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	add(s)
	for _, enc := range []func(string) string{jsonPlain, jsonHTML, jsonASCII, jsonASCIIUpper, jsonPHP, xmlAttr, html.EscapeString, namedXML, url.QueryEscape, url.PathEscape} {
		add(enc(s))
	}
	for _, keep := range percentKeeps {
		add(percentEncode(s, keep))
	}
	// The second layer: a script's JSON.stringify, or a server quoting
	// the body it got in its own XML or JSON error.
	for _, v := range slices.Clone(out) {
		for _, enc := range []func(string) string{jsonPlain, jsonHTML, jsonASCII, jsonASCIIUpper, jsonPHP, xmlAttr, html.EscapeString, namedXML} {
			add(enc(v))
		}
	}
	for _, v := range slices.Clone(out) {
		for _, q := range []rune{'\'', 0} {
			add(jsQuoted(v, q))
		}
	}
	for _, v := range base64Cores(s) {
		add(v)
	}
	return out
}

func jsonPlain(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(jsonString(s), `"`), `"`)
}

func jsonHTML(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(jsonStringHTML(s), `"`), `"`)
}

// jsonASCII is a JSON string's inside as servers that escape everything
// past ASCII write it: Python's json.dumps and Flask (httpbin) by default,
// with lower-case hex; jsonASCIIUpper is Jackson's ESCAPE_NON_ASCII, and
// jsonPHP PHP's json_encode, which also escapes "/". A test server
// echoing a sign-in body so would otherwise show a non-ASCII password.
func jsonASCII(s string) string { return asciiEscaped(jsonPlain(s), "\\u%04x") }

func jsonASCIIUpper(s string) string { return asciiEscaped(jsonPlain(s), "\\u%04X") }

func jsonPHP(s string) string {
	return strings.ReplaceAll(jsonASCII(s), "/", `\/`)
}

// asciiEscaped writes every rune past ASCII of s in UTF-16 code units,
// as \uXXXX in format's case (a pair of them beyond U+FFFF).
func asciiEscaped(s, format string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
			fmt.Fprintf(&b, format+format, r1, r2)
			continue
		}
		fmt.Fprintf(&b, format, r)
	}
	return b.String()
}

var namedXML = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace

// jsQuoted is the inside of a JavaScript string literal as util.inspect
// (and so colrun's console output) writes it: backslashes and control
// characters escaped, and the quote when the literal is quoted with it
// (q 0: a double-quoted or backtick literal whose quote the secret does
// not hold).
func jsQuoted(s string, q rune) string {
	if q == '\'' {
		return jsSingleQuoted.Replace(s)
	}
	return jsUnquoted.Replace(s)
}

var jsUnquoted, jsSingleQuoted = jsEscaper(), jsEscaper(`'`, `\'`)

func jsEscaper(extra ...string) *strings.Replacer {
	// Node's util.inspect writes \v as \x0B, and DEL and the C1 controls
	// (which an ISO-8859 body keeps) as \x7F to \x9F.
	pairs := append([]string{`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`, "\b", `\b`, "\f", `\f`}, extra...)
	for c := range 0xA0 {
		if c < 0x20 && !strings.ContainsRune("\n\t\r\b\f", rune(c)) || c >= 0x7F {
			pairs = append(pairs, string(rune(c)), fmt.Sprintf(`\x%02X`, c))
		}
	}
	return strings.NewReplacer(pairs...)
}

// percentKeeps are the ASCII characters each percent-encoding in colrun's
// outputs leaves as they are (controls, space and non-ASCII bytes are
// always encoded): a form-urlencoded body (RFC 3986's unreserved), a
// script's encodeURIComponent and encodeURI, and the query, path,
// userinfo and fragment of a URL as colrun (like Postman) sends it.
var percentKeeps = []string{
	"-._~",                          // form-urlencoded
	"-._~!*'()",                     // encodeURIComponent
	"-._~!*'();,/?:@&=+$#",          // encodeURI
	"!$%&()*+,-./:;=?@[\\]^_`{|}~",  // query
	"!$%&'()*+,-./:;=@[\\]^_|~",     // path
	"!$%&'()*+,-._~",                // userinfo
	"!#$%&'()*+,-./:;=?@[\\]^_{|}~", // fragment
}

// percentEncode escapes every byte of s but ASCII letters, digits and
// keep, in upper-case hex as browsers and Postman write it.
func percentEncode(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// base64Cores are the base64 characters (standard and URL alphabets) that
// depend on nothing but s, for each of the three alignments s can have
// inside a longer encoded text such as "user:password". The two or three
// bits at each edge that mix with neighbouring bytes stay visible.
func base64Cores(s string) []string {
	var out []string
	for align := range 3 {
		buf := make([]byte, align+len(s)+2)
		copy(buf[align:], s)
		enc := base64.StdEncoding.EncodeToString(buf)
		first := (8*align + 5) / 6
		last := (8*align + 8*len(s)) / 6
		if last-first < 4 {
			// Too short to tell apart from chance in other base64.
			continue
		}
		core := enc[first:last]
		out = append(out, core, strings.NewReplacer("+", "-", "/", "_").Replace(core))
	}
	return out
}

// Empty reports whether no secret is known yet, so that masking would
// change nothing.
func (r *Redactor) Empty() bool { return r.snapshot() == nil }

func (r *Redactor) snapshot() *secretSet {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.set
}

// String returns s with every stretch covered by secrets replaced by one
// Mask. Overlapping and adjacent secrets merge into one mask, so no part of
// any secret survives, whatever order they were added in; the start of a
// secret (3 bytes or more) just before an Ellipsis, where text was cut, is
// masked too.
func (r *Redactor) String(s string) string {
	set := r.snapshot()
	if set == nil {
		return s
	}
	cov := cover(s, set, 0)
	if cov == nil {
		return s
	}
	return masked(s, cov)
}

// Bytes is String for byte slices, such as response bodies in a report.
func (r *Redactor) Bytes(b []byte) []byte {
	set := r.snapshot()
	if set == nil {
		return b
	}
	s := string(b)
	cov := cover(s, set, 0)
	if cov == nil {
		return b
	}
	return []byte(masked(s, cov))
}

// masked is s with its covered runs replaced by Mask.
func masked(s string, cov []byte) string {
	var b strings.Builder
	last := false
	writeMasked(&b, s, cov, &last)
	return b.String()
}

// cover marks (1) the bytes of s inside any occurrence of any secret, and
// the start of one cut off by an Ellipsis, with the first prefix bytes
// already known to be covered. It returns nil when nothing is covered, so
// the common case allocates nothing. Each group of forms reads s once
// (see matcher), whatever the number of forms.
func cover(s string, set *secretSet, prefix int) []byte {
	var groups []*group
	var keys [][]byte
	if set != nil {
		groups, keys = set.groups, set.keys
	}
	c := coverage{n: len(s)}
	if prefix > 0 {
		c.mark(0, min(prefix, len(s)))
	}
	// Text cut short ends in Ellipsis: chai's messages cut long values
	// (expected 'xxxxadmin-p…'), and reports of a body cut by
	// --max-kept-body pass through here with one appended. The start of
	// a secret just before it is a leak too. The end of any text is not
	// taken for a cut: a user name that starts the password ("admin",
	// "admin-password") would be masked wherever it ends a value.
	for _, g := range groups {
		g.matcher().scan(s, &c)
	}
	if len(keys) > 0 && hasJWTStart(s) {
		for _, m := range jwtLike.FindAllStringIndex(s, -1) {
			if signedWithAny(s[m[0]:m[1]], keys) {
				c.mark(m[0], m[1])
			}
		}
	}
	return c.cov
}

// hasJWTStart is strings.Contains(s, "eyJ"), quicker on most text: it
// looks for the J, which is rare, where strings.Index stops at every e.
func hasJWTStart(s string) bool {
	for i := 2; i < len(s); i++ {
		j := strings.IndexByte(s[i:], 'J')
		if j < 0 {
			return false
		}
		i += j
		if s[i-2] == 'e' && s[i-1] == 'y' {
			return true
		}
	}
	return false
}

// jwtLike matches a compact JWS: base64url header (always starting
// `{"`, so "eyJ"), payload and signature.
var jwtLike = regexp.MustCompile(`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`)

// maxJWTLen bounds the JWTs a Writer is sure to see whole; Tableau's are
// a few hundred bytes.
const maxJWTLen = 4096

// signedWithAny reports whether token's HS256 signature is valid for one
// of keys. Only the signature is checked, not the claims: an expired JWT
// still shows what the key signs.
func signedWithAny(token string, keys [][]byte) bool {
	i := strings.LastIndexByte(token, '.')
	sig, err := base64.RawURLEncoding.DecodeString(token[i+1:])
	if err != nil || len(sig) != sha256.Size {
		return false
	}
	for _, k := range keys {
		mac := hmac.New(sha256.New, k)
		mac.Write([]byte(token[:i]))
		if hmac.Equal(mac.Sum(nil), sig) {
			return true
		}
	}
	return false
}

// Ellipsis marks text that was cut; see cover.
const Ellipsis = "\u2026"

// minPartial is the shortest start of a secret that is masked where text
// was cut. Shorter ones stay: one or two characters tell little, and
// masking them would hide ordinary text ending in a common letter.
const minPartial = 3

// writeMasked writes s with each covered run replaced by Mask. *last says
// whether what was written just before ended in a mask, so that a run
// continuing across two writes produces one Mask, as String would.
func writeMasked(b *strings.Builder, s string, cov []byte, last *bool) {
	if cov == nil {
		b.WriteString(s)
		if len(s) > 0 {
			*last = false
		}
		return
	}
	for i := 0; i < len(s); {
		if cov[i] == 0 {
			j := bytes.IndexByte(cov[i:len(s)], 1)
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			*last = false
			continue
		}
		j := bytes.IndexByte(cov[i:len(s)], 0)
		if j < 0 {
			j = len(s) - i
		}
		if !*last {
			b.WriteString(Mask)
		}
		*last = true
		i += j
	}
}

// Writer returns a writer that masks secrets in a stream before passing it
// to w. A secret split across Write calls is still caught: up to the
// longest secret's length plus one byte is held back until the next Write
// or Close, except after a newline when no secret contains one, so
// line-oriented logs flow at once. Close flushes; it does not close w.
// The output is exactly what String would make of the whole stream.
func (r *Redactor) Writer(w io.Writer) io.WriteCloser {
	return &redactWriter{r: r, w: w}
}

type redactWriter struct {
	r  *Redactor
	w  io.Writer
	mu sync.Mutex

	pending []byte
	// covered is how many leading bytes of pending belong to a secret
	// occurrence that began in bytes already written.
	covered    int
	lastMasked bool
	closed     bool
	err        error
}

// Write reports all of p written once it is accepted, even if part is
// held back; an error from the underlying writer sticks.
func (rw *redactWriter) Write(p []byte) (int, error) {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	if rw.closed {
		return 0, errors.New("redacting writer: write after Close")
	}
	if rw.err != nil {
		return 0, rw.err
	}
	rw.pending = append(rw.pending, p...)
	if err := rw.flush(false); err != nil {
		rw.err = err
		return 0, err
	}
	return len(p), nil
}

// Close flushes what was held back; the underlying writer stays open.
func (rw *redactWriter) Close() error {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	if rw.closed {
		return rw.err
	}
	rw.closed = true
	if rw.err != nil {
		return rw.err
	}
	rw.err = rw.flush(true)
	return rw.err
}

// flush writes what can no longer be part of an unseen secret occurrence.
// Any occurrence that is not complete in pending starts at or after
// len-maxLen+1, so every byte before that point has its final coverage.
func (rw *redactWriter) flush(final bool) error {
	set := rw.r.snapshot()
	if set == nil && rw.covered == 0 {
		// No secret yet (most runs, and every run before its sign-in):
		// the bytes pass as they are, without the copies below.
		if len(rw.pending) == 0 {
			return nil
		}
		rw.lastMasked = false
		_, err := rw.w.Write(rw.pending)
		rw.pending = rw.pending[:0]
		return err
	}
	s := string(rw.pending)
	maxLen, noNewline := 0, true
	if set != nil {
		maxLen, noNewline = set.maxLen, set.noNewline
	}
	cov := cover(s, set, rw.covered)
	cut := len(s)
	if !final && maxLen > 1 {
		// The start of a secret is masked only once the Ellipsis after
		// it has arrived, whole.
		cut = max(len(s)-(maxLen-1)-(len(Ellipsis)-1), 0)
		if noNewline {
			if i := strings.LastIndexByte(s, '\n'); i+1 > cut {
				cut = i + 1
			}
		}
	}
	if cut == 0 {
		return nil
	}
	var b strings.Builder
	var head []byte
	if cov != nil {
		head = cov[:cut]
	}
	writeMasked(&b, s[:cut], head, &rw.lastMasked)
	rest := 0
	if cov != nil {
		for rest < len(s)-cut && cov[cut+rest] != 0 {
			rest++
		}
	}
	rw.pending = append(rw.pending[:0], rw.pending[cut:]...)
	rw.covered = rest
	_, err := io.WriteString(rw.w, b.String())
	return err
}
