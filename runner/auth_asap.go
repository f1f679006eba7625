package runner

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/sandbox/schemadoc"
)

// asapDefaultExpiry is how long a token lives, in seconds, unless the
// auth's exp or the claims' exp say otherwise.
const asapDefaultExpiry = 3600

// asapAlgorithms are the algorithms ASAP allows: asymmetric ones only.
var asapAlgorithms = map[string]bool{
	"RS256": true, "RS384": true, "RS512": true,
	"PS256": true, "PS384": true, "PS512": true,
	"ES256": true, "ES384": true, "ES512": true,
}

// asapDataURI is a key given inline as Atlassian's tools write it.
var asapDataURI = regexp.MustCompile(`^data:application/pkcs8;kid=([\w.\-+/]+);base64,([a-zA-Z0-9+/=]+)$`)

// applyASAP adds an Atlassian S2S (ASAP) token as postman-runtime's asap
// authorizer does: a JWT whose header holds alg (RS256 by default) and
// kid, and whose payload is the claims given, then iat, iss, sub, jti, aud
// and exp, each taken from the claims first and the auth's parameters
// next (sub falls back to iss, jti to a UUID, exp to now plus the auth's
// exp, or an hour). A token that cannot be made (a required value
// missing, an unknown algorithm, a key that does not parse or fit the
// algorithm) leaves the request unsigned, as in Newman, with a warning
// carrying Newman's reason.
func applyASAP(a *collections.Auth, out *outgoing, in *signInput) {
	token, reason := asapToken(a, in.now())
	if reason != "" {
		msg := "asap auth: the request was sent unsigned, as Newman does, which says: " + reason
		if hint := asapHints[reason]; hint != "" {
			msg += " (" + hint + ")"
		}
		out.Warnings = append(out.Warnings, msg)
		return
	}
	out.removeHeader("Authorization")
	out.addHeader("Authorization", "Bearer "+token)
}

// asapHints say what Newman's vaguer reasons usually mean.
var asapHints = map[string]string{
	"One or more of required claims missing": "kid, iss, aud and privateKey are required",
	"Failed to parse private key.":           "a data: URI key must hold an RSA key and name the auth's kid",
	"Failed to sign request with key.":       `the key must be PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), RSA of 2048 bits or more for RS and PS, on the algorithm's curve for ES, and the claims a JSON object`,
}

// asapToken returns the token, or why there is none in Newman's words.
func asapToken(a *collections.Auth, now time.Time) (token, reason string) {
	get := func(k string) authValue { return getAuth(a, k) }
	var claims any = &schemadoc.Object{Vals: map[string]any{}}
	if c := get("claims"); c.truthy() {
		if s, ok := c.v.(string); ok {
			if s = strings.TrimSpace(s); s != "" {
				v, err := schemadoc.Parse(s)
				if err != nil {
					return "", "Failed to parse claims"
				}
				claims = v
			}
		} else {
			claims = jsValueOf(c.v)
		}
	}
	if claims == nil {
		// postman-runtime reads claims.iss of JSON null and throws.
		return "", "Cannot read properties of null (reading 'iss')"
	}
	obj, _ := claims.(*schemadoc.Object)
	claim := func(k string) any {
		if obj == nil {
			return nil
		}
		return obj.Vals[k]
	}
	param := func(k string) any {
		if p := get(k); p.truthy() {
			return jsValueOf(p.v)
		}
		return nil
	}
	first := func(vs ...any) any {
		for _, v := range vs {
			if (authValue{v: v, present: true}).truthy() {
				return v
			}
		}
		return nil
	}
	issuer := first(claim("iss"), param("iss"))
	subject := first(claim("sub"), param("sub"), issuer)
	audience := first(claim("aud"), param("aud"))
	jti := first(claim("jti"), uuid.NewString())
	nowSec := float64(now.Unix())
	issuedAt := first(claim("iat"), nowSec)
	expiry := float64(asapDefaultExpiry)
	if n, ok := jsParseInt(jsString(param("exp"))); ok && n != 0 {
		expiry = float64(n)
	}
	expires := nowSec + expiry
	if n, ok := jsParseInt(jsString(claim("exp"))); ok && n != 0 {
		expires = float64(n)
	}
	kid := first(claim("kid"), param("kid"))
	alg := get("alg").or("RS256")
	key := get("privateKey")

	if kid == nil || issuer == nil || audience == nil || !key.truthy() {
		return "", "One or more of required claims missing"
	}
	if !asapAlgorithms[alg] {
		return "", "invalid algorithm"
	}
	pem, ok := key.v.(string)
	if !ok {
		return "", "privateKey must be a string"
	}
	der, ok := asapKeyDER(jsString(kid), pem)
	if !ok {
		return "", "Failed to parse private key."
	}
	signer, err := asapSigner(alg, der)
	if err != nil || obj == nil {
		return "", "Failed to sign request with key."
	}

	header := &schemadoc.Object{Keys: []string{"alg", "kid"}, Vals: map[string]any{"alg": alg, "kid": kid}}
	// jose spreads the claims and sets these after them: a claim given
	// keeps its place, the others follow in this order.
	payload := &schemadoc.Object{Keys: slices.Clone(obj.Keys), Vals: maps.Clone(obj.Vals)}
	for _, kv := range []struct {
		k string
		v any
	}{{"iat", issuedAt}, {"iss", issuer}, {"sub", subject}, {"jti", jti}, {"aud", audience}, {"exp", expires}} {
		if _, ok := payload.Vals[kv.k]; !ok {
			payload.Keys = append(payload.Keys, kv.k)
		}
		payload.Vals[kv.k] = kv.v
	}
	signing := base64.RawURLEncoding.EncodeToString(jsJSON(header)) + "." + base64.RawURLEncoding.EncodeToString(jsJSON(payload))
	sig, err := jwt.GetSigningMethod(alg).Sign(signing, signer)
	if err != nil {
		return "", "Failed to sign request with key."
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig), ""
}

// asapKeyDER reads the private key as the authorizer does: line feeds
// removed, surrounding double quotes dropped, percent-escapes decoded;
// then either a data URI whose kid must be the token's, holding an RSA
// key, or a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----", as jose's
// importPKCS8 demands; a PKCS#1 "RSA PRIVATE KEY" fails there). It
// returns the PKCS#8 DER.
func asapKeyDER(kid, key string) ([]byte, bool) {
	key = strings.ReplaceAll(key, "\n", "")
	if len(key) >= 2 && key[0] == '"' && key[len(key)-1] == '"' && !strings.ContainsAny(key, "\r\u2028\u2029") {
		key = key[1 : len(key)-1]
	}
	decoded, err := url.PathUnescape(key)
	if err != nil || !utf8.ValidString(decoded) {
		return nil, false
	}
	if !strings.HasPrefix(decoded, "data:") {
		if !strings.HasPrefix(decoded, "-----BEGIN PRIVATE KEY-----") {
			return nil, true // jose refuses it when signing
		}
		body := strings.NewReplacer("-----BEGIN PRIVATE KEY-----", "", "-----END PRIVATE KEY-----", "").Replace(decoded)
		return lenientBase64(body), true
	}
	m := asapDataURI.FindStringSubmatch(decoded)
	if m == nil {
		return nil, false
	}
	if m[1] != kid {
		return nil, false
	}
	der := lenientBase64(m[2])
	// node-forge reads an RSA key in either wrapping and the authorizer
	// re-wraps it as PKCS#8.
	var rk *rsa.PrivateKey
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		rk, _ = k.(*rsa.PrivateKey)
	} else if k, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		rk = k
	}
	if rk == nil {
		return nil, false
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(rk)
	return pkcs8, err == nil
}

// lenientBase64 decodes base64 as Node's Buffer.from(s, "base64") does:
// characters outside the alphabet are skipped and padding is optional.
func lenientBase64(s string) []byte {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' {
			b.WriteByte(c)
		} else if c == '=' {
			break
		}
	}
	clean := b.String()
	if len(clean)%4 == 1 {
		// A lone last character carries too few bits for a byte.
		clean = clean[:len(clean)-1]
	}
	out, _ := base64.RawStdEncoding.DecodeString(clean)
	return out
}

// asapSigner parses the PKCS#8 key and checks that it suits alg as jose
// does: RSA of at least 2048 bits for RS and PS, the matching curve for ES.
func asapSigner(alg string, der []byte) (any, error) {
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, err
	}
	switch key := k.(type) {
	case *rsa.PrivateKey:
		if alg[0] == 'E' || key.N.BitLen() < 2048 {
			return nil, fmt.Errorf("%s needs an RSA key of 2048 bits or more", alg)
		}
		return key, nil
	case *ecdsa.PrivateKey:
		curves := map[string]elliptic.Curve{"ES256": elliptic.P256(), "ES384": elliptic.P384(), "ES512": elliptic.P521()}
		if curves[alg] != key.Curve {
			return nil, fmt.Errorf("%s needs a key on another curve", alg)
		}
		return key, nil
	}
	return nil, fmt.Errorf("%s: unsupported key type", alg)
}

// jsValueOf turns a collection value (string, json.Number, bool, map,
// list) into the form schemadoc.Parse gives. Maps come sorted by key: the
// collection loader does not keep their order.
func jsValueOf(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any, []any:
		data, _ := json.Marshal(x)
		out, _ := schemadoc.Parse(string(data))
		return out
	}
	return v
}

// jsString is String(v) for the values parseJSJSON gives; parseInt
// applies it to its argument.
func jsString(v any) string {
	switch x := v.(type) {
	case nil:
		return "undefined"
	case float64:
		return collections.FormatNumber(x)
	case *schemadoc.Object:
		return "[object Object]"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = jsString(e)
			}
		}
		return strings.Join(parts, ",")
	}
	return collections.ValueString(v)
}

// jsJSON is JSON.stringify of a value schemadoc.Parse gives: objects
// keep their key order and no HTML characters are escaped. encoding/json
// writes numbers as JavaScript does; its string escapes differ only for
// U+2028 and U+2029, which JavaScript leaves as they are.
func jsJSON(v any) []byte {
	var b bytes.Buffer
	switch x := v.(type) {
	case *schemadoc.Object:
		parts := make([][]byte, len(x.Keys))
		for i, k := range x.Keys {
			parts[i] = append(append(jsJSON(k), ':'), jsJSON(x.Vals[k])...)
		}
		return append(append([]byte{'{'}, bytes.Join(parts, []byte{','})...), '}')
	case []any:
		parts := make([][]byte, len(x))
		for i, e := range x {
			parts[i] = jsJSON(e)
		}
		return append(append([]byte{'['}, bytes.Join(parts, []byte{','})...), ']')
	}
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte("null")
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
