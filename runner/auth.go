package runner

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/golang-jwt/jwt/v5"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// resolveAuth substitutes variables in every string parameter, as
// postman-runtime resolves the auth block before signing.
func resolveAuth(a *collections.Auth, res *variables.Resolver) (*collections.Auth, error) {
	out := a.Clone()
	for i, p := range out.Params {
		switch p.Type {
		case "string", "boolean", "number":
			// postman-collection's Variable casts a typed parameter's
			// value first: a string one without a value signs with
			// "undefined" (Bearer undefined), as Newman sends it.
			p.Value = variables.Cast(p.Type, p.Value)
			out.Params[i].Value = p.Value
		}
		s, ok := p.Value.(string)
		if !ok {
			continue
		}
		v, err := res.Replace(s)
		if err != nil {
			return nil, err
		}
		out.Params[i].Value = v
	}
	// The other types' parameters are only listed in the report, resolved
	// as Newman resolves the whole block, an unknown variable unwarned.
	if len(out.Other) > 0 {
		quiet := quietResolver(res)
		for _, o := range out.Other {
			for i, p := range o.Params {
				if s, ok := p.Value.(string); ok && strings.Contains(s, "{{") {
					o.Params[i].Value = quiet.MustReplace(s)
				}
			}
		}
	}
	return out, nil
}

func authParam(a *collections.Auth, key string) (any, bool) {
	for _, p := range a.Params {
		if p.Key == key {
			return p.Value, true
		}
	}
	return nil, false
}

// signInput is what the signers that hash the body, read the clock or
// keep state between requests need besides the auth parameters.
type signInput struct {
	r    *Runner
	body *collections.Body
	res  *variables.Resolver
	// state carries what a digest challenge taught to the next requests
	// that share the auth definition; nil for pm.sendRequest, whose auth
	// is its own each time.
	state *digestState
	now   func() time.Time
}

// applyAuth signs the request as postman-runtime's authorizers do: it
// removes a header the auth replaces and appends its own.
func applyAuth(a *collections.Auth, out *outgoing, u *collections.URL, in *signInput) error {
	switch a.Type {
	case "noauth", "inherit", "":
		// postman-runtime signs only when the type is truthy: "type": ""
		// goes without auth and without the unknown-handler warning.
		return nil
	case "basic":
		// postman-runtime takes `username || ''`: a false, 0 or NaN (a
		// number-typed "abc") is sent as nothing.
		cred := getAuth(a, "username").or("") + ":" + getAuth(a, "password").or("")
		out.removeHeader("Authorization")
		out.addHeader("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cred)))
	case "bearer":
		// postman-runtime signs only with a truthy token: not with a
		// boolean-typed "" (false) or a number-typed "abc" (NaN).
		token := getAuth(a, "token")
		if !token.truthy() {
			return nil
		}
		out.removeHeader("Authorization")
		out.addHeader("Authorization", "Bearer "+token.or(""))
	case "apikey":
		applyAPIKey(a, out, u)
	case "oauth2":
		return applyOAuth2(a, out, u)
	case "jwt":
		return applyJWT(a, out, u)
	case "digest":
		applyDigest(a, out, u, in)
	case "oauth1":
		applyOAuth1(a, out, u, in)
	case "awsv4":
		applyAWSv4(a, out, u, in)
	case "hawk":
		applyHawk(a, out, u, in)
	case "edgegrid":
		applyEdgeGrid(a, out, u, in)
	case "asap":
		applyASAP(a, out, in)
	case "ntlm":
		applyNTLM(a, out)
	default:
		// postman-runtime has no handler for it either: it warns and
		// sends the request without auth, and so does colrun.
		out.Warnings = append(out.Warnings, fmt.Sprintf("runtime: could not find a handler for auth: %s (the request was sent without auth, as Newman does)", a.Type))
	}
	return nil
}

// applyAPIKey is postman-runtime's apikey authorizer. It signs when the key
// or the value is truthy. In the query it replaces the parameters named
// exactly key; a value that is not text (absent, null, a number) leaves
// the parameter without one (?key), as postman-url-encoder writes it. In
// the headers it replaces those whose name lodash's lowerCase makes the
// same (X-Api-Key, x_api_key and xApiKey are one), disabled ones too; a
// null value is sent as "null", an absent one as "".
func applyAPIKey(a *collections.Auth, out *outgoing, u *collections.URL) {
	key, value := getAuth(a, "key"), getAuth(a, "value")
	if !key.truthy() && !value.truthy() {
		return
	}
	name := key.joined()
	if a.Get("in") == "query" {
		if _, ok := key.v.(string); ok {
			removeQuery(u, name)
		}
		q := collections.QueryParam{Key: name}
		if s, ok := value.v.(string); ok {
			q.Value = &s
		}
		u.Query = append(u.Query, q)
		return
	}
	text := value.joined()
	if value.present && value.v == nil {
		text = "null"
	}
	lkey := lodashLowerCase(name)
	out.dropHeaders(func(k string) bool { return lodashLowerCase(k) == lkey }, true)
	if name == "" {
		// Node sends no header without a name, and Newman lists it
		// (system) but sends the request on; Go would refuse the request.
		out.disabled = append(out.disabled, disabledHeader{at: len(out.Headers), Header: event.Header{Value: text, System: true}})
		return
	}
	out.addHeader(name, text)
}

// lodashLowerCase is lodash's _.lowerCase as it reads header names: the
// words (runs of letters or of digits, a camelCase capital starting a new
// one, "XMLHttp" being XML and Http) in lower case, joined by spaces, with
// apostrophes dropped first.
func lodashLowerCase(s string) string {
	const (
		none = iota
		upper
		lower
		digit
	)
	kind := func(r rune) int {
		switch {
		case unicode.IsDigit(r):
			return digit
		case unicode.IsUpper(r):
			return upper
		case unicode.IsLetter(r):
			return lower
		}
		return none
	}
	var words [][]rune
	prev := none
	for _, r := range s {
		k := kind(r)
		if r == '\'' || r == '\u2019' {
			continue
		}
		switch {
		case k == none:
		case prev == none, (prev == digit) != (k == digit), prev == lower && k == upper:
			words = append(words, []rune{r})
		case prev == upper && k == lower && len(words[len(words)-1]) > 1:
			// The last capital of a run starts the next word.
			w := words[len(words)-1]
			words[len(words)-1] = w[:len(w)-1]
			words = append(words, []rune{w[len(w)-1], r})
		default:
			words[len(words)-1] = append(words[len(words)-1], r)
		}
		prev = k
	}
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = strings.ToLower(string(w))
	}
	return strings.Join(parts, " ")
}

// authValue is one auth parameter as postman-runtime's AuthInterface#get
// returns it: the collection's value (string, bool, number), or absent.
type authValue struct {
	v       any
	present bool
}

func getAuth(a *collections.Auth, key string) authValue {
	v, ok := authParam(a, key)
	return authValue{v: v, present: ok}
}

// truthy is JavaScript truthiness, which the authorizers test their
// parameters with: "false" as a string is true, as in Postman.
func (p authValue) truthy() bool {
	switch x := p.v.(type) {
	case nil, collections.Undefined:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case float64:
		return x != 0 && !math.IsNaN(x)
	case int:
		return x != 0
	case int64:
		return x != 0
	case json.Number:
		// A number straight from the collection file: 0 is falsy too.
		f, err := strconv.ParseFloat(string(x), 64)
		return err != nil || (f != 0 && !math.IsNaN(f))
	}
	return p.present
}

// str is the parameter as JavaScript string concatenation renders it:
// an absent one is "undefined", as in the headers Newman sends.
func (p authValue) str() string {
	if !p.present {
		return "undefined"
	}
	if p.v == nil {
		return "null"
	}
	return collections.ValueString(p.v)
}

// joined is the parameter as Array#join renders it: "" when absent.
func (p authValue) joined() string {
	if !p.present || p.v == nil {
		return ""
	}
	return collections.ValueString(p.v)
}

// or is the parameter as a string, or def when it is falsy (JavaScript's
// `value || def`).
func (p authValue) or(def string) string {
	if p.truthy() {
		return collections.ValueString(p.v)
	}
	return def
}

// bodyKind says what postman-runtime's computeBodyHash found to hash.
type bodyKind int

const (
	// bodyEmpty: no body or an empty one; digest and oauth1 hash "", aws
	// and hawk add no hash.
	bodyEmpty bodyKind = iota
	// bodyData: the bytes to hash.
	bodyData
	// bodyOpaque: a body the signers do not hash (form-data, an
	// unreadable file); no hash is added.
	bodyOpaque
)

// signedBody returns the body as the signers hash it: the request's body
// definition, resolved, whether or not it will be sent. Postman signs
// before it prunes GET bodies or drops disabled ones, so those are hashed
// too, as in Newman.
func (in *signInput) signedBody(out *outgoing) ([]byte, bodyKind) {
	b := in.body
	if b == nil {
		return nil, bodyEmpty
	}
	switch b.Mode {
	case "raw":
		if b.Raw == "" {
			return nil, bodyEmpty
		}
		raw, err := in.res.Replace(b.Raw)
		if err != nil {
			return nil, bodyOpaque
		}
		if ct, ok := out.header("Content-Type"); stripsJSONComments(b.Language, ct, ok) {
			raw = stripJSONComments(raw)
		}
		return []byte(raw), bodyData
	case "urlencoded":
		if len(b.URLEncoded) == 0 {
			return nil, bodyEmpty
		}
		fields, err := resolveForm(b.URLEncoded, in.res)
		if err != nil {
			return nil, bodyOpaque
		}
		return []byte(encodeForm(fields)), bodyData
	case "formdata":
		if len(b.FormData) == 0 {
			return nil, bodyEmpty
		}
		return nil, bodyOpaque
	case "file":
		if b.File == nil || (b.File.Src == "" && b.File.Content == "") {
			return nil, bodyEmpty
		}
		data, _, err := in.r.fileBody(b.File, in.res)
		if err != nil {
			return nil, bodyOpaque
		}
		return data, bodyData
	case "graphql":
		if b.GraphQL == nil {
			return nil, bodyEmpty
		}
		data, err := graphqlBody(b.GraphQL, in.res)
		if err != nil {
			return nil, bodyOpaque
		}
		return data, bodyData
	}
	return nil, bodyEmpty
}

// nodeURL is the part of postman-url-encoder's toNodeUrl the signers
// read: the URL as it goes on the wire, split.
type nodeURL struct {
	protocol string // "http", lower case
	host     string // hostname[:port]
	hostname string
	port     string
	path     string // encoded path and query: what the request line carries
	href     string
}

func toNodeURL(u *collections.URL) nodeURL {
	href := wireURL(*u, false)
	n := nodeURL{href: href, port: u.Port}
	proto, rest, _ := strings.Cut(href, "://")
	n.protocol = proto
	authority, path, found := strings.Cut(rest, "/")
	n.path = "/" + path
	if !found {
		n.path = "/"
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		authority = authority[i+1:]
	}
	n.host = authority
	n.hostname = authority
	if n.port != "" {
		n.hostname = strings.TrimSuffix(authority, ":"+n.port)
	}
	n.hostname = strings.TrimSuffix(strings.TrimPrefix(n.hostname, "["), "]")
	return n
}

// removeHeaderExact removes headers whose key is exactly key, as
// postman-collection's removeHeader does without ignoreCase (oauth1 uses
// it so; a lower-case "authorization" header survives there too).
func (o *outgoing) removeHeaderExact(key string) {
	o.dropHeaders(func(k string) bool { return k == key }, true)
}

// removeQuery drops every query parameter whose key is one of keys.
func removeQuery(u *collections.URL, keys ...string) {
	kept := u.Query[:0]
next:
	for _, q := range u.Query {
		for _, k := range keys {
			if q.Key == k {
				continue next
			}
		}
		kept = append(kept, q)
	}
	u.Query = kept
}

// randomAlnum returns n characters drawn from chars, as the authorizers
// make nonces.
func randomAlnum(n int, chars string) string {
	b := make([]byte, n)
	rand.Read(b)
	for i := range b {
		b[i] = chars[int(b[i])%len(chars)]
	}
	return string(b)
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// setQuery replaces every parameter named key with one key=value at the end.
func setQuery(u *collections.URL, key, value string) {
	kept := u.Query[:0]
	for _, q := range u.Query {
		if q.Key != key {
			kept = append(kept, q)
		}
	}
	v := value
	u.Query = append(kept, collections.QueryParam{Key: key, Value: &v})
}

func applyOAuth2(a *collections.Auth, out *outgoing, u *collections.URL) error {
	token := a.Get("accessToken")
	if token == "" {
		return nil
	}
	if strings.EqualFold(a.Get("tokenType"), "mac") {
		return nil
	}
	prefix := "Bearer"
	if v, ok := authParam(a, "headerPrefix"); ok && v != nil {
		prefix = strings.TrimSpace(collections.ValueString(v))
	}
	if prefix != "" {
		prefix += " "
	}
	out.removeHeader("Authorization")
	kept := u.Query[:0]
	for _, q := range u.Query {
		if q.Key != "access_token" {
			kept = append(kept, q)
		}
	}
	u.Query = kept
	switch a.Get("addTokenTo") {
	case "queryParams":
		setQuery(u, "access_token", token)
	case "", "header":
		out.addHeader("Authorization", prefix+token)
	}
	return nil
}

// applyJWT implements Postman's "JWT Bearer" auth: it signs the payload
// with the configured algorithm and adds the token to a header or the
// query. The header and claims keep the collection's key order, as jose
// (which Postman uses) does, and no "typ" is added unless given.
func applyJWT(a *collections.Auth, out *outgoing, u *collections.URL) error {
	alg := a.Get("algorithm")
	method := jwt.GetSigningMethod(alg)
	if method == nil || alg == "none" {
		return fmt.Errorf("jwt auth: invalid algorithm %q", alg)
	}
	var key any
	switch {
	case strings.HasPrefix(alg, "HS"):
		secret := a.Get("secret")
		if secret == "" {
			return errors.New("jwt auth: invalid secret key; enter a valid key")
		}
		key = []byte(secret)
		if v, _ := authParam(a, "isSecretBase64Encoded"); v == true || v == "true" {
			b, err := base64.StdEncoding.DecodeString(secret)
			if err != nil {
				return errors.New("jwt auth: the secret is marked base64-encoded but is not valid base64")
			}
			key = b
		}
	default:
		pem := []byte(a.Get("privateKey"))
		if len(pem) == 0 {
			return errors.New("jwt auth: invalid private key; enter a valid key")
		}
		var err error
		switch {
		case strings.HasPrefix(alg, "RS"), strings.HasPrefix(alg, "PS"):
			key, err = jwt.ParseRSAPrivateKeyFromPEM(pem)
		case strings.HasPrefix(alg, "ES"):
			key, err = jwt.ParseECPrivateKeyFromPEM(pem)
		default:
			err = fmt.Errorf("algorithm %s is not supported", alg)
		}
		if err != nil {
			return fmt.Errorf("jwt auth: private key: %v", err)
		}
	}
	header, err := jwtSection(a, "header", map[string]any{"alg": alg})
	if err != nil {
		return err
	}
	payload, err := jwtSection(a, "payload", nil)
	if err != nil {
		return err
	}
	signing := base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(payload)
	sig, err := method.Sign(signing, key)
	if err != nil {
		return fmt.Errorf("jwt auth: signing: %v", err)
	}
	token := signing + "." + base64.RawURLEncoding.EncodeToString(sig)

	if a.Get("addTokenTo") == "queryParam" {
		name := a.Get("queryParamKey")
		if name == "" {
			name = "token"
		}
		setQuery(u, name, token)
		return nil
	}
	prefix := "Bearer"
	if v, ok := authParam(a, "headerPrefix"); ok && v != nil {
		prefix = collections.ValueString(v)
	}
	if prefix != "" {
		prefix += " "
	}
	out.removeHeader("Authorization")
	out.addHeader("Authorization", prefix+token)
	return nil
}

// jwtSection returns the compact JSON of the "header" or "payload" auth
// parameter (a JSON string or an object), with the keys in force set.
func jwtSection(a *collections.Auth, name string, force map[string]any) ([]byte, error) {
	v, _ := authParam(a, name)
	var raw []byte
	switch x := v.(type) {
	case nil:
	case string:
		raw = []byte(strings.TrimSpace(x))
	default:
		raw, _ = json.Marshal(x)
	}
	if len(raw) == 0 {
		raw = []byte("{}")
	}
	obj, err := orderedObject(raw)
	if err != nil {
		return nil, fmt.Errorf("jwt auth: %s is not a JSON object: %v", name, err)
	}
	for k, val := range force {
		b, _ := json.Marshal(val)
		obj.set(k, b)
	}
	return obj.marshal(), nil
}

// jsonObject is a JSON object that keeps its key order.
type jsonObject struct {
	keys   []string
	values map[string]json.RawMessage
}

func orderedObject(raw []byte) (*jsonObject, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("expected an object")
	}
	o := &jsonObject{values: map[string]json.RawMessage{}}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		o.set(kt.(string), v)
	}
	return o, nil
}

func (o *jsonObject) set(k string, v json.RawMessage) {
	if _, ok := o.values[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.values[k] = v
}

func (o *jsonObject) marshal() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		var c bytes.Buffer
		if json.Compact(&c, o.values[k]) == nil {
			b.Write(c.Bytes())
		} else {
			b.Write(o.values[k])
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}
