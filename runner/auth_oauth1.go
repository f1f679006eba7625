package runner

import (
	"crypto"
	"crypto/hmac"
	"crypto/rsa"
	_ "crypto/sha1" //nolint:gosec // OAuth 1.0a's HMAC-SHA1 and RSA-SHA1 need it
	_ "crypto/sha256"
	_ "crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/colrun/colrun/collections"
)

// oauth1Keys are the parameters OAuth 1.0a adds; postman-runtime removes
// any the request already has before signing.
var oauth1Keys = []string{
	"oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_timestamp", "oauth_nonce",
	"oauth_version", "oauth_signature", "oauth_callback", "oauth_verifier", "oauth_body_hash",
}

// oauth1NonceChars is node-oauth1's nonce alphabet, typo included ("XTZ").
const oauth1NonceChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXTZabcdefghiklmnopqrstuvwxyz"

// oauth1Param is one oauth_* parameter; absent values are filtered out
// unless addEmptyParamsToSign, and then read as "".
type oauth1Param struct {
	key   string
	value authValue
}

// applyOAuth1 signs the request as postman-runtime's oauth1 authorizer
// (with node-oauth1) does: the parameters go to the Authorization header,
// to a urlencoded POST/PUT body, or to the query. Without a consumer key
// and secret (or private key for RSA) the request is sent unsigned.
func applyOAuth1(a *collections.Auth, out *outgoing, u *collections.URL, in *signInput) {
	get := func(k string) authValue { return getAuth(a, k) }
	method := get("signatureMethod")
	algo, hashAlgo, _ := strings.Cut(method.joined(), "-")
	algo = strings.ToUpper(algo)
	if !get("consumerKey").truthy() || (algo != "RSA" && !get("consumerSecret").truthy()) || (algo == "RSA" && !get("privateKey").truthy()) {
		out.Warnings = append(out.Warnings, "oauth1 auth: the consumer key and secret (or private key) are not all set, so the request was sent unsigned, as Newman does")
		return
	}
	var form []formKV
	isForm := in.body != nil && in.body.Mode == "urlencoded"
	if isForm {
		fields, err := resolveForm(in.body.URLEncoded, in.res)
		if err != nil {
			fields = nil
		}
		for _, f := range fields {
			if !isOAuth1Key(f.key) {
				form = append(form, f)
			}
		}
		out.form = &form
	}
	out.removeHeaderExact("Authorization")
	removeQuery(u, oauth1Keys...)

	params := map[string]authValue{}
	for _, k := range []string{"consumerKey", "consumerSecret", "token", "tokenSecret", "privateKey", "signatureMethod",
		"callback", "verifier", "timestamp", "nonce", "version", "realm", "includeBodyHash", "addParamsToHeader",
		"addEmptyParamsToSign", "disableHeaderEncoding"} {
		if v := get(k); v.present {
			params[k] = v
		}
	}
	if !params["nonce"].truthy() {
		params["nonce"] = authValue{v: randomAlnum(11, oauth1NonceChars), present: true}
	}
	if !params["timestamp"].truthy() {
		params["timestamp"] = authValue{v: strconv.FormatInt(in.now().Unix(), 10), present: true}
	}
	addEmpty := params["addEmptyParamsToSign"].truthy()
	if !addEmpty {
		for k, v := range params {
			if s, ok := v.v.(string); ok && strings.TrimSpace(s) == "" {
				delete(params, k)
			}
		}
	}
	if !isForm && params["includeBodyHash"].truthy() && hashAlgo != "" {
		if newHash := oauth1Hash(hashAlgo); newHash != nil {
			data, kind := in.signedBody(out)
			if kind != bodyOpaque {
				h := newHash()
				h.Write(data)
				params["bodyHash"] = authValue{v: base64.StdEncoding.EncodeToString(h.Sum(nil)), present: true}
			}
		}
	}

	sig := []oauth1Param{
		{"oauth_consumer_key", params["consumerKey"]},
		{"oauth_token", params["token"]},
		{"oauth_signature_method", params["signatureMethod"]},
		{"oauth_timestamp", params["timestamp"]},
		{"oauth_nonce", params["nonce"]},
		{"oauth_version", params["version"]},
	}
	// The body hash, callback and verifier are extensions, signed only
	// when they have a value whatever addEmptyParamsToSign says.
	for _, x := range [][2]string{{"oauth_body_hash", "bodyHash"}, {"oauth_callback", "callback"}, {"oauth_verifier", "verifier"}} {
		if params[x[1]].truthy() {
			sig = append(sig, oauth1Param{x[0], params[x[1]]})
		}
	}
	kept := sig[:0]
	for _, p := range sig {
		if addEmpty || p.value.truthy() {
			kept = append(kept, p)
		}
	}
	sig = kept

	nu := toNodeURL(u)
	base := [][2]string{}
	for _, p := range sig {
		base = append(base, [2]string{p.key, p.value.joined()})
	}
	if isForm {
		for _, f := range form {
			base = append(base, [2]string{f.key, f.value})
		}
	}
	signature, err := oauth1Signature(out.Method, oauth1BaseURL(nu), base, params)
	if err != nil {
		out.Warnings = append(out.Warnings, "oauth1 auth: could not sign the request: "+err.Error())
		return
	}
	// OAuth 1.0a wants the query in RFC 3986 encoding, which
	// postman-runtime rewrites it to, unless disableUrlEncoding asks for
	// the URL as written.
	asWritten := out.PPB.DisableURLEncoding != nil && *out.PPB.DisableURLEncoding
	if q := queryOf(nu.path); q != "" && !asWritten {
		pairs, err := oauth1DecodeForm(q)
		if err == nil {
			u.Query = u.Query[:0]
			for _, p := range pairs {
				qp := collections.QueryParam{Key: oauth1Encode(*p[0])}
				if p[1] != nil {
					v := oauth1Encode(*p[1])
					qp.Value = &v
				}
				u.Query = append(u.Query, qp)
			}
		}
	}
	sig = append(sig, oauth1Param{"oauth_signature", authValue{v: signature, present: true}})

	switch {
	case params["addParamsToHeader"].truthy():
		out.addHeader("Authorization", oauth1Header(params["realm"], sig, params["disableHeaderEncoding"].truthy()))
	case (strings.Contains(out.Method, "PUT") || strings.Contains(out.Method, "POST")) && isForm:
		for _, p := range sig {
			form = append(form, formKV{key: p.key, value: p.value.joined()})
		}
		out.form = &form
	default:
		for _, p := range sig {
			// With disableUrlEncoding postman-runtime adds them as they
			// are: a signature's + / = go out raw.
			qp := collections.QueryParam{Key: p.key}
			if !asWritten {
				qp.Key = oauth1Encode(p.key)
			}
			if p.value.present && p.value.v != nil {
				s := collections.ValueString(p.value.v)
				if s != "" && !asWritten {
					s = oauth1Encode(s)
				}
				qp.Value = &s
			}
			u.Query = append(u.Query, qp)
		}
	}
}

func isOAuth1Key(k string) bool {
	for _, o := range oauth1Keys {
		if k == o {
			return true
		}
	}
	return false
}

func queryOf(path string) string {
	_, q, _ := strings.Cut(path, "?")
	return q
}

func oauth1Hash(name string) func() hash.Hash {
	if h, ok := oauth1Digests[strings.ToUpper(name)]; ok {
		return h.New
	}
	return nil
}

// oauth1BaseURL is postman-runtime's getOAuth1BaseUrl: scheme, host
// (without the port when it is 80 or 443, whatever the scheme) and the
// encoded path with its query, lower-cased up to the path.
func oauth1BaseURL(n nodeURL) string {
	host := n.host
	if n.port == "" || n.port == "80" || n.port == "443" {
		host = n.hostname
	}
	return strings.ToLower(n.protocol) + "://" + strings.ToLower(host) + n.path
}

// oauth1Encode is node-oauth1's percentEncode: encodeURIComponent plus
// ! * ' ( ), so that only A-Z a-z 0-9 - _ . ~ stay.
func oauth1Encode(s string) string { return formEscape(s) }

// oauth1DecodeForm is node-oauth1's decodeForm: "+" is a space and a
// parameter without "=" has no value. A malformed escape is an error, as
// decodeURIComponent throws.
func oauth1DecodeForm(form string) ([][2]*string, error) {
	var out [][2]*string
	for _, nvp := range strings.Split(form, "&") {
		if nvp == "" {
			continue
		}
		dec := func(s string) (*string, error) {
			v, err := url.PathUnescape(strings.ReplaceAll(s, "+", " "))
			if err != nil {
				return nil, errors.New("URI malformed")
			}
			return &v, nil
		}
		name, value, hasValue := strings.Cut(nvp, "=")
		n, err := dec(name)
		if err != nil {
			return nil, err
		}
		var v *string
		if hasValue {
			if v, err = dec(value); err != nil {
				return nil, err
			}
		}
		out = append(out, [2]*string{n, v})
	}
	return out, nil
}

var oauth1URIRe = regexp.MustCompile(`^(?:([^:/?#]+):)?(?://((?:(([^:@/]*):?([^:@/]*))?@)?([^:/?#]*)(?::(\d*))?))?((((?:[^?#/]*/)*)([^?#]*))(?:\?([^#]*))?(?:#(.*))?)`)

// oauth1Signature computes oauth_signature over node-oauth1's base string:
// method, normalised URL and the sorted parameters (the query's, the
// oauth_* ones and a urlencoded body's).
func oauth1Signature(method, action string, params [][2]string, p map[string]authValue) (string, error) {
	all := [][2]*string{}
	if q := strings.IndexByte(action, '?'); q >= 0 {
		pairs, err := oauth1DecodeForm(action[q+1:])
		if err != nil {
			return "", err
		}
		all = pairs
	}
	name := ""
	for _, kv := range params {
		k, v := kv[0], kv[1]
		all = append(all, [2]*string{&k, &v})
		if k == "oauth_signature_method" && name == "" {
			name = v
		}
	}
	if name == "" {
		// node-oauth1 falls back to HMAC-SHA1 and signs that name.
		name = "HMAC-SHA1"
		found := false
		for i, kv := range all {
			if *kv[0] == "oauth_signature_method" {
				v := name
				all[i][1] = &v
				found = true
			}
		}
		if !found {
			k, v := "oauth_signature_method", name
			all = append(all, [2]*string{&k, &v})
		}
	}
	type pair struct{ sortKey, k, v string }
	var sorted []pair
	for _, kv := range all {
		if *kv[0] == "oauth_signature" {
			continue
		}
		v := ""
		if kv[1] != nil {
			v = *kv[1]
		}
		sorted = append(sorted, pair{oauth1Encode(*kv[0]) + " " + oauth1Encode(v), *kv[0], v})
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].sortKey < sorted[j].sortKey })
	parts := make([]string, len(sorted))
	for i, s := range sorted {
		parts[i] = oauth1Encode(s.k) + "=" + oauth1Encode(s.v)
	}
	m := oauth1URIRe.FindStringSubmatch(action)
	scheme, authority, port, path := strings.ToLower(m[1]), strings.ToLower(m[2]), m[7], m[8]
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		if i := strings.LastIndexByte(authority, ':'); i >= 0 {
			authority = authority[:i]
		}
	}
	if path == "" {
		path = "/"
	}
	base := oauth1Encode(strings.ToUpper(method)) + "&" + oauth1Encode(scheme+"://"+authority+path) + "&" + oauth1Encode(strings.Join(parts, "&"))

	if name == "PLAINTEXT" {
		return oauth1Encode(p["consumerSecret"].joined()) + "&" + oauth1Encode(p["tokenSecret"].joined()), nil
	}
	kind, digest, _ := strings.Cut(name, "-")
	h, ok := oauth1Digests[digest]
	if !ok || (kind != "RSA" && kind != "HMAC") {
		return "", errors.New("unsupported signature method")
	}
	if kind == "HMAC" {
		key := oauth1Encode(p["consumerSecret"].joined()) + "&" + oauth1Encode(p["tokenSecret"].joined())
		mac := hmac.New(h.New, []byte(key))
		mac.Write([]byte(base))
		return base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
	}
	key, err := parseRSAPrivateKey(p["privateKey"].joined())
	if err != nil {
		return "", err
	}
	d := h.New()
	d.Write([]byte(base))
	s, err := rsa.SignPKCS1v15(nil, key, h, d.Sum(nil))
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(s), nil
}

// oauth1Digests are the digests of the HMAC-* and RSA-* methods.
var oauth1Digests = map[string]crypto.Hash{"SHA1": crypto.SHA1, "SHA256": crypto.SHA256, "SHA512": crypto.SHA512}

// parseRSAPrivateKey reads a PEM RSA key in PKCS #1 or PKCS #8 form.
func parseRSAPrivateKey(s string) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return nil, errors.New("the private key is not PEM")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("private key: %v", err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("the private key is not an RSA key")
	}
	return rk, nil
}

// oauth1Header is node-oauth1's getAuthorizationHeader: the realm, then
// every oauth_* parameter with a value, trimmed and percent-encoded
// unless disableHeaderEncoding, joined by commas.
func oauth1Header(realm authValue, params []oauth1Param, noEncoding bool) string {
	var parts []string
	if r := realm.joined(); strings.TrimSpace(r) != "" {
		if !noEncoding {
			r = oauth1Encode(r)
		}
		parts = append(parts, `realm="`+r+`"`)
	}
	for _, p := range params {
		if !p.value.truthy() {
			continue
		}
		name, value := p.key, strings.TrimSpace(p.value.joined())
		if !noEncoding {
			name, value = oauth1Encode(name), oauth1Encode(value)
		}
		if strings.HasPrefix(name, "oauth_") {
			parts = append(parts, name+`="`+value+`"`)
		}
	}
	return "OAuth " + strings.Join(parts, ",")
}
