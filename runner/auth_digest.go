package runner

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/colrun/colrun/collections"
)

// digestState is what postman-runtime writes back to a digest auth
// definition as "system" parameters: the server's last challenge (nonce,
// realm, opaque, qop), the client nonce and the nonce count. Every request
// that shares the definition reads it, so after one challenge the next
// requests are signed straight away with nc=00000002, 00000003..., as in
// Newman. A parameter the collection gives a value wins over it.
type digestState struct {
	mu     sync.Mutex
	params map[string]string
	// order is the params' keys in the order first set, the order
	// postman-runtime appends them to the auth definition.
	order []string
}

// digestStates holds one digestState per auth definition for a run.
type digestStates struct {
	mu sync.Mutex
	m  map[*collections.Auth]*digestState
}

// digestState returns the state kept for owner, or a fresh one that is
// not kept when owner is nil (pm.sendRequest).
func (t *transports) digestState(owner *collections.Auth) *digestState {
	if owner == nil {
		return &digestState{}
	}
	t.digests.mu.Lock()
	defer t.digests.mu.Unlock()
	if t.digests.m == nil {
		t.digests.m = map[*collections.Auth]*digestState{}
	}
	st := t.digests.m[owner]
	if st == nil {
		st = &digestState{}
		t.digests.m[owner] = st
	}
	return st
}

// digestSigner signs a request with digest auth, and after the response
// decides, as postman-runtime's digest post hook does, whether to replay
// it signed with what a challenge taught.
type digestSigner struct {
	auth *collections.Auth
	st   *digestState
	in   *signInput
	u    collections.URL
	// out is the request as built; send makes it the request replayed
	// last, whose auth test scripts and the json report list.
	out *outgoing
}

// get is AuthInterface#get over the collection's parameters and the
// state: a state value is used when the collection leaves the parameter
// absent or empty, as postman-runtime's set only overwrites those.
func (d *digestSigner) get(key string) authValue {
	p := getAuth(d.auth, key)
	if p.present && p.v != nil && p.v != "" {
		return p
	}
	d.st.mu.Lock()
	defer d.st.mu.Unlock()
	if v, ok := d.st.params[key]; ok {
		return authValue{v: v, present: true}
	}
	return p
}

func (d *digestSigner) set(key, value string) {
	d.st.mu.Lock()
	defer d.st.mu.Unlock()
	if d.st.params == nil {
		d.st.params = map[string]string{}
	}
	if _, ok := d.st.params[key]; !ok {
		d.st.order = append(d.st.order, key)
	}
	d.st.params[key] = value
}

// show lists what the state holds on the request's auth, as
// postman-runtime's post hook writes it back to the definition: each
// parameter the collection leaves absent is added, marked "system", and
// one it leaves empty takes the value and the mark in its place. Test
// scripts (pm.request.auth) and the json report then list the nonce,
// realm, opaque, qop, clientNonce and nonceCount, as in Newman.
func (d *digestSigner) show() {
	o := d.out
	if o == nil {
		return
	}
	shown := o.reportAuth
	if o.Auth != nil && o.Auth.Type == "digest" {
		o.Auth = d.withState(o.Auth)
	}
	if shown != nil && shown.Type == "digest" {
		o.reportAuth = d.withState(shown)
		if o.ownAuth == shown {
			o.ownAuth = o.reportAuth
		}
	}
}

// emptyAuthValue reports whether AuthInterface#set may overwrite a
// parameter's value of the collection's own: "", null, absent or NaN.
func emptyAuthValue(v any) bool {
	switch x := v.(type) {
	case nil, collections.Undefined:
		return true
	case string:
		return x == ""
	case float64:
		return math.IsNaN(x)
	}
	return false
}

func (d *digestSigner) withState(a *collections.Auth) *collections.Auth {
	d.st.mu.Lock()
	defer d.st.mu.Unlock()
	if len(d.st.order) == 0 {
		return a
	}
	out := a.Clone()
	system := func() *collections.AuthParamMeta { return &collections.AuthParamMeta{System: true, HasSystem: true} }
	for _, k := range d.st.order {
		v := d.st.params[k]
		i := slices.IndexFunc(out.Params, func(p collections.AuthParam) bool { return p.Key == k })
		if i < 0 {
			out.Params = append(out.Params, collections.AuthParam{Key: k, Value: v, Meta: system()})
			continue
		}
		p := &out.Params[i]
		if (p.Meta == nil || !p.Meta.System) && !emptyAuthValue(p.Value) {
			// A value of the collection's own is not overwritten.
			continue
		}
		meta := system()
		if p.Meta != nil {
			m := *p.Meta
			m.System, m.HasSystem = true, true
			meta = &m
		}
		p.Value, p.Meta = v, meta
	}
	return out
}

// applyDigest signs the request when the nonce and realm are known (given
// in the collection or learnt from an earlier challenge); otherwise it is
// sent as it is and the challenge in the 401 answer is used to replay it
// (see digestSigner.retry).
func applyDigest(a *collections.Auth, out *outgoing, u *collections.URL, in *signInput) {
	st := in.state
	if st == nil {
		st = &digestState{}
	}
	d := &digestSigner{auth: a, st: st, in: in, u: u.Clone(), out: out}
	out.digest = d
	if d.get("nonce").truthy() && d.get("realm").truthy() {
		d.sign(out)
	}
}

var digestAlgorithms = map[string]func() hash.Hash{
	"MD5": md5.New, "MD5-sess": md5.New,
	"SHA-256": sha256.New, "SHA-256-sess": sha256.New,
	"SHA-512-256": sha512.New512_256, "SHA-512-256-sess": sha512.New512_256,
}

// sign replaces the Authorization header with a digest one computed as
// postman-runtime's computeHeader does. Absent parameters read
// "undefined", as they do in the header Newman sends.
func (d *digestSigner) sign(out *outgoing) {
	username, realm := d.get("username"), d.get("realm")
	if !username.truthy() || !realm.truthy() {
		out.Warnings = append(out.Warnings, "digest auth: the username or realm is empty, so the request was sent unsigned, as Newman does")
		return
	}
	out.removeHeader("Authorization")
	algorithm := "MD5"
	if alg := d.get("algorithm"); alg.truthy() {
		algorithm = collections.ValueString(alg.v)
	}
	newHash := digestAlgorithms[algorithm]
	if newHash == nil {
		out.Warnings = append(out.Warnings, fmt.Sprintf("digest auth: unsupported algorithm %q; the request was sent without Authorization, as Newman does", algorithm))
		return
	}
	h := func(s string) string {
		x := newHash()
		x.Write([]byte(s))
		return hex.EncodeToString(x.Sum(nil))
	}
	nonce, nc, cnonce := d.get("nonce").str(), d.get("nonceCount"), d.get("clientNonce").str()
	qop, opaque := d.get("qop"), d.get("opaque")
	qopStr := ""
	if qop.present && qop.v != nil {
		qopStr = collections.ValueString(qop.v)
	}
	uri := toNodeURL(&d.u).path

	a1 := username.str() + ":" + realm.str() + ":" + d.get("password").str()
	if strings.HasSuffix(algorithm, "-sess") {
		a1 = h(a1) + ":" + nonce + ":" + cnonce
	}
	a2 := out.Method + ":" + uri
	if qopStr == "auth-int" {
		bodyHash := "undefined"
		if data, kind := d.in.signedBody(out); kind != bodyOpaque {
			bodyHash = h(string(data))
		}
		a2 += ":" + bodyHash
	}
	withQop := qopStr == "auth" || qopStr == "auth-int"
	var response string
	// Array#join renders absent values as "", string concatenation as
	// "undefined"; computeHeader uses both.
	if withQop {
		response = h(strings.Join([]string{h(a1), d.get("nonce").joined(), nc.joined(), d.get("clientNonce").joined(), qopStr, h(a2)}, ":"))
	} else {
		response = h(h(a1) + ":" + d.get("nonce").joined() + ":" + h(a2))
	}
	parts := []string{
		`username="` + username.str() + `"`,
		`realm="` + realm.str() + `"`,
		`nonce="` + nonce + `"`,
		`uri="` + uri + `"`,
		`algorithm="` + algorithm + `"`,
	}
	if withQop {
		parts = append(parts, "qop="+qopStr)
	}
	if withQop || algorithm == "MD5-sess" {
		if nc.truthy() {
			parts = append(parts, "nc="+nc.str())
		}
		parts = append(parts, `cnonce="`+cnonce+`"`)
	}
	parts = append(parts, `response="`+response+`"`)
	if opaque.truthy() {
		parts = append(parts, `opaque="`+opaque.str()+`"`)
	}
	// A replay's header is the auth's too, listed as a system header.
	out.addSystemHeader("Authorization", "Digest "+strings.Join(parts, ", "))
}

var (
	digestNonceRe  = regexp.MustCompile(`(?i)nonce="([^"]*)"`)
	digestRealmRe  = regexp.MustCompile(`(?i)realm="([^"]*)"`)
	digestQopRe    = regexp.MustCompile(`(?i)qop="([^"]*)"`)
	digestOpaqueRe = regexp.MustCompile(`(?i)opaque="([^"]*)"`)
)

// retry is postman-runtime's digest post hook: after a 401 or 403 with a
// Digest challenge it keeps the challenge and asks for a replay, unless
// everything the challenge names is known already (then the failure
// stands); after any other response it counts the nonce used.
func (d *digestSigner) retry(code int, header http.Header) bool {
	defer d.show()
	if d.get("disableRetryRequest").truthy() {
		return false
	}
	var challenge string
	found := false
	for k, vs := range header {
		if !strings.EqualFold(k, "WWW-Authenticate") {
			continue
		}
		for _, v := range vs {
			if strings.HasPrefix(strings.ToLower(v), "digest ") {
				challenge, found = v, true
				break
			}
		}
	}
	if (code == 401 || code == 403) && found {
		field := func(re *regexp.Regexp) string {
			if m := re.FindStringSubmatch(challenge); m != nil {
				return m[1]
			}
			return ""
		}
		learnt := [][2]string{{"nonce", field(digestNonceRe)}, {"realm", field(digestRealmRe)}}
		if v := field(digestOpaqueRe); v != "" {
			learnt = append(learnt, [2]string{"opaque", v})
		}
		qop := field(digestQopRe)
		if qop != "" {
			learnt = append(learnt, [2]string{"qop", qop})
		}
		if qop != "" || d.get("qop").truthy() {
			learnt = append(learnt, [2]string{"clientNonce", randomAlnum(8, alnum)}, [2]string{"nonceCount", "00000001"})
		}
		known := true
		for _, kv := range learnt {
			known = known && d.get(kv[0]).truthy()
		}
		if known {
			return false
		}
		for _, kv := range learnt {
			d.set(kv[0], kv[1])
		}
		return true
	}
	d.set("nonceCount", nextNonceCount(d.get("nonceCount")))
	return false
}

// nextNonceCount adds one to the count, zero-padded to eight digits;
// a count that is not a number starts again at 00000001.
func nextNonceCount(p authValue) string {
	n, ok := jsParseInt(p.str())
	if !ok {
		return "00000001"
	}
	s := strconv.FormatInt(n+1, 10)
	for len(s) < 8 {
		s = "0" + s
	}
	return s
}

// jsParseInt is JavaScript's parseInt(s, 10): leading white space, a sign
// and the longest run of digits; ok is false where it returns NaN.
func jsParseInt(s string) (int64, bool) {
	s = strings.TrimLeft(s, " \t\n\r\v\f")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(s[:end], 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}
