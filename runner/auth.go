package runner

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/variables"
)

// unsupportedAuthError names an auth type colrun cannot apply yet.
type unsupportedAuthError struct{ typ string }

func (e *unsupportedAuthError) Error() string { return fmt.Sprintf("unsupported auth type %s", e.typ) }

// resolveAuth substitutes variables in every string parameter, as
// postman-runtime resolves the auth block before signing.
func resolveAuth(a *collections.Auth, res *variables.Resolver) (*collections.Auth, error) {
	out := a.Clone()
	for i, p := range out.Params {
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

// applyAuth signs the request as postman-runtime's authorizers do: it
// removes a header the auth replaces and appends its own.
func applyAuth(a *collections.Auth, out *outgoing, u *collections.URL) error {
	switch a.Type {
	case "noauth", "inherit":
		return nil
	case "basic":
		cred := a.Get("username") + ":" + a.Get("password")
		out.removeHeader("Authorization")
		out.addHeader("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cred)))
	case "bearer":
		token := a.Get("token")
		if token == "" {
			return nil
		}
		out.removeHeader("Authorization")
		out.addHeader("Authorization", "Bearer "+token)
	case "apikey":
		key, value := a.Get("key"), a.Get("value")
		if key == "" && value == "" {
			return nil
		}
		if a.Get("in") == "query" {
			setQuery(u, key, value)
			return nil
		}
		out.removeHeader(key)
		out.addHeader(key, value)
	case "oauth2":
		return applyOAuth2(a, out, u)
	case "jwt":
		return applyJWT(a, out, u)
	default:
		return &unsupportedAuthError{typ: a.Type}
	}
	return nil
}

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
