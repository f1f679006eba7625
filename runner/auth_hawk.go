package runner

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // Hawk's sha1 algorithm needs it
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"strconv"
	"strings"

	"github.com/colrun/colrun/collections"
)

// applyHawk signs the request as postman-runtime's hawk authorizer does
// with postman-request's Hawk client: an Authorization header with the
// id, timestamp, nonce, optional payload hash, ext, app and dlg. Without
// an auth id and key the request is sent unsigned.
//
// Newman keeps the first nonce and timestamp it generates on the auth
// definition and reuses them for every later request that shares it, so
// a Hawk server's replay check or 60-second clock window rejects the
// later ones; colrun makes fresh ones for each request instead. Values
// the collection gives are used as they are.
func applyHawk(a *collections.Auth, out *outgoing, u *collections.URL, in *signInput) {
	get := func(k string) authValue { return getAuth(a, k) }
	id, key := get("authId"), get("authKey")
	if !id.truthy() || !key.truthy() {
		out.Warnings = append(out.Warnings, "hawk auth: the auth id or key is empty, so the request was sent unsigned, as Newman does")
		return
	}
	nonce := get("nonce").or("")
	if nonce == "" {
		nonce = randomAlnum(6, alnum)
	}
	// A timestamp the collection gives is used as it is (postman-runtime
	// only fills an empty one).
	timestamp := get("timestamp").or("")
	if timestamp == "" {
		timestamp = strconv.FormatInt(in.now().Unix(), 10)
	}
	contentType, _ := out.header("Content-Type")
	out.removeHeader("Authorization")

	algorithm := get("algorithm").joined()
	var newHash func() hash.Hash
	switch algorithm {
	case "sha1":
		newHash = sha1.New
	case "sha256":
		newHash = sha256.New
	}
	if newHash == nil {
		// The Hawk client returns an empty header for other algorithms.
		out.Warnings = append(out.Warnings, "hawk auth: unsupported algorithm "+strconv.Quote(algorithm)+" (sha1 or sha256); an empty Authorization header was sent, as Newman does")
		out.addHeader("Authorization", "")
		return
	}
	var payloadHash string
	if get("includePayloadHash").truthy() {
		if data, kind := in.signedBody(out); kind == bodyData {
			h := newHash()
			ct := ""
			if contentType != "" {
				ct = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
			}
			h.Write([]byte("hawk.1.payload\n" + ct + "\n"))
			h.Write(data)
			h.Write([]byte("\n"))
			payloadHash = base64.StdEncoding.EncodeToString(h.Sum(nil))
		}
	}

	nu := toNodeURL(u)
	resource := hawkResource(nu.path)
	port := nu.port
	if port == "" {
		port = "443"
		if nu.protocol == "http" {
			port = "80"
		}
	}
	ext, app, dlg := get("extraData").or(""), get("app").or(""), get("delegation").or("")
	normalized := "hawk.1.header\n" + timestamp + "\n" + nonce + "\n" + strings.ToUpper(out.Method) + "\n" +
		resource + "\n" + strings.ToLower(nu.hostname) + "\n" + port + "\n" + payloadHash + "\n"
	if ext != "" {
		// The Hawk client escapes only the first backslash and newline
		// here (JavaScript's replace with a string pattern).
		normalized += strings.Replace(strings.Replace(ext, `\`, `\\`, 1), "\n", `\n`, 1)
	}
	normalized += "\n"
	if app != "" {
		normalized += app + "\n" + dlg + "\n"
	}
	mac := hmac.New(newHash, []byte(key.joined()))
	mac.Write([]byte(normalized))

	header := `Hawk id="` + id.joined() + `", ts="` + timestamp + `", nonce="` + nonce
	if payloadHash != "" {
		header += `", hash="` + payloadHash
	}
	if ext != "" {
		header += `", ext="` + strings.ReplaceAll(strings.ReplaceAll(ext, `\`, `\\`), `"`, `\"`)
	}
	header += `", mac="` + base64.StdEncoding.EncodeToString(mac.Sum(nil)) + `"`
	if app != "" {
		header += `, app="` + app
		if dlg != "" {
			header += `", dlg="` + dlg
		}
		header += `"`
	}
	out.addHeader("Authorization", header)
}

// hawkResource is the path and query as Node's url.parse sees the encoded
// URL: backslashes before the query turn into slashes and the characters
// it auto-escapes are escaped.
func hawkResource(path string) string {
	cut := len(path)
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		cut = i
	}
	path = strings.ReplaceAll(path[:cut], `\`, "/") + path[cut:]
	return escapeBytes(path, func(c byte) bool { return c >= 0x80 || strings.IndexByte("\t\n\r \"'<>\\^`{|}", c) < 0 })
}
