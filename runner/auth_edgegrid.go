package runner

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/colrun/colrun/collections"
)

// edgegridMaxBody is postman-runtime's default maxBodySize (128 KB): how
// much of a POST body the content hash covers.
const edgegridMaxBody = 131072

// applyEdgeGrid signs the request with Akamai's EG1-HMAC-SHA256 scheme as
// postman-runtime's edgegrid authorizer does: without an access token,
// client token and client secret the request is sent as it is; otherwise
// its Authorization header is replaced by one that signs the method,
// scheme, host (the baseURL's host when given), path and query, the
// headers named in headersToSign and, for POST only, a hash of the body's
// first maxBodySize bytes. A timestamp or nonce the collection gives is
// used as it is, which makes the signature reproducible.
func applyEdgeGrid(a *collections.Auth, out *outgoing, u *collections.URL, in *signInput) {
	get := func(k string) authValue { return getAuth(a, k) }
	access, client, secret := get("accessToken"), get("clientToken"), get("clientSecret")
	if !access.truthy() || !client.truthy() || !secret.truthy() {
		out.Warnings = append(out.Warnings, "edgegrid auth: the access token, client token or client secret is empty, so the request was sent unsigned, as Newman does")
		return
	}
	out.removeHeader("Authorization")

	nu := toNodeURL(u)
	host := nu.host
	if base := get("baseURL"); base.truthy() {
		// postman-url-encoder's toNodeUrl reads a baseURL without a
		// scheme as http://, so its host is what precedes the first '/'.
		bu := collections.ParseURL(collections.ValueString(base.v))
		if bu.Protocol == "" {
			bu.Protocol = "http"
		}
		host = toNodeURL(&bu).host
	}
	nonce := get("nonce").or("")
	if nonce == "" {
		nonce = uuid.NewString()
	}
	timestamp := get("timestamp").or("")
	if timestamp == "" {
		timestamp = in.now().UTC().Format("20060102T15:04:05+0000")
	}

	var bodyHash string
	if out.Method == "POST" {
		if data, kind := in.signedBody(out); kind == bodyData {
			data = limitEdgeGridBody(data, edgeGridMaxBody(get("maxBodySize")))
			sum := sha256.Sum256(data)
			bodyHash = base64.StdEncoding.EncodeToString(sum[:])
		}
	}

	header := "EG1-HMAC-SHA256 client_token=" + client.joined() + ";access_token=" + access.joined() +
		";timestamp=" + timestamp + ";nonce=" + nonce + ";"
	path := nu.path
	if path == "" {
		path = "/"
	}
	signed := strings.Join([]string{
		out.Method, nu.protocol, host, path,
		edgeGridHeaders(edgeGridHeaderNames(get("headersToSign")), out),
		bodyHash, header,
	}, "\t")
	key := hmacSHA256Base64([]byte(secret.joined()), timestamp)
	out.addHeader("Authorization", header+"signature="+hmacSHA256Base64([]byte(key), signed))
}

func hmacSHA256Base64(key []byte, data string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// edgeGridMaxBody is maxBodySize as JavaScript compares it with the
// body's length: a number, a numeric string, or NaN for anything else;
// an absent or zero value means the default.
func edgeGridMaxBody(p authValue) float64 {
	if !p.truthy() {
		return edgegridMaxBody
	}
	switch x := p.v.(type) {
	case float64:
		return x
	case json.Number:
		// A number in the collection file; zero is falsy, so the default.
		if f, err := x.Float64(); err == nil && f != 0 {
			return f
		}
		return edgegridMaxBody
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return 0
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
		return math.NaN()
	case bool:
		return 1
	}
	return math.NaN()
}

// limitEdgeGridBody cuts the body to size bytes as the authorizer's
// limitRequestBody does: nothing when size is not positive, all of it
// when size is NaN (every comparison with NaN is false).
func limitEdgeGridBody(data []byte, size float64) []byte {
	if size <= 0 {
		return nil
	}
	if float64(len(data)) > size {
		return data[:int(size)]
	}
	return data
}

// edgeGridHeaderNames is headersToSign as the authorizer reads it: a
// comma-separated string or a list, whose entries that are not strings
// are skipped.
func edgeGridHeaderNames(p authValue) []string {
	switch x := p.v.(type) {
	case string:
		return strings.Split(x, ",")
	case []any:
		var names []string
		for _, v := range x {
			if s, ok := v.(string); ok {
				names = append(names, s)
			}
		}
		return names
	}
	return nil
}

// edgeGridHeaders is the tab-separated "name:value" list of the headers
// to sign, in the order given, with runs of white space in each value
// folded to one space. A header that is absent, empty or given more than
// once is left out, as postman-collection's getHeaders turns repeated
// headers into a list, which the authorizer skips.
func edgeGridHeaders(names []string, out *outgoing) string {
	var parts []string
	for _, name := range names {
		name = strings.ToLower(strings.TrimSpace(name))
		var value string
		n := 0
		for _, h := range out.Headers {
			if strings.ToLower(h.Key) == name {
				value = h.Value
				n++
			}
		}
		if n != 1 || value == "" {
			continue
		}
		parts = append(parts, name+":"+strings.Join(strings.Fields(value), " "))
	}
	return strings.Join(parts, "\t")
}
