package mockserver

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// echoOAuth1Key and echoOAuth1Secret are the consumer credentials
// postman-echo publishes for /oauth1, which its sample collections
// hard-code.
const (
	echoOAuth1Key    = "RKCGzna7bv9YD57c"
	echoOAuth1Secret = "D+EdQ-gs$-%@2Nu7"
)

// oauth1 verifies an OAuth 1.0a HMAC-SHA1 signature sent in the
// Authorization header, the query or a url-encoded body. Like postman-echo
// it answers a failure with 401 and the values it signed, so a user can see
// where the client's signature base string differs.
func (e *echo) oauth1(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, e.maxBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "reading the body: "+err.Error(), http.StatusBadRequest)
		return
	}
	var params [][2]string
	add := func(k, v string) {
		if k != "oauth_signature" && k != "realm" {
			params = append(params, [2]string{oauthEscape(k), oauthEscape(v)})
		}
	}
	signature := ""
	if scheme, rest, _ := strings.Cut(r.Header.Get("Authorization"), " "); strings.EqualFold(scheme, "OAuth") {
		for k, v := range parseDigestParams(rest) {
			if uv, err := url.PathUnescape(v); err == nil {
				v = uv
			}
			if k == "oauth_signature" {
				signature = v
			}
			add(k, v)
		}
	}
	for _, vals := range []url.Values{r.URL.Query(), r.PostForm} {
		for k, vs := range vals {
			for _, v := range vs {
				if k == "oauth_signature" {
					signature = v
				}
				add(k, v)
			}
		}
	}
	sort.Slice(params, func(i, j int) bool {
		if params[i][0] != params[j][0] {
			return params[i][0] < params[j][0]
		}
		return params[i][1] < params[j][1]
	})
	pairs := make([]string, len(params))
	for i, p := range params {
		pairs[i] = p[0] + "=" + p[1]
	}
	normalized := strings.Join(pairs, "&")
	baseURI := "http://" + strings.ToLower(r.Host) + r.URL.Path
	if r.TLS != nil {
		baseURI = "https://" + strings.ToLower(r.Host) + r.URL.Path
	}
	baseString := r.Method + "&" + oauthEscape(baseURI) + "&" + oauthEscape(normalized)
	signingKey := oauthEscape(echoOAuth1Secret) + "&"
	mac := hmac.New(sha1.New, []byte(signingKey))
	mac.Write([]byte(baseString))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	consumer := ""
	for _, p := range params {
		if p[0] == "oauth_consumer_key" {
			consumer = p[1]
		}
	}
	if consumer == echoOAuth1Key && signature != "" && hmac.Equal([]byte(want), []byte(signature)) {
		writeEchoJSON(w, http.StatusOK, map[string]any{"status": "pass", "message": "OAuth-1.0a signature verification was successful"})
		return
	}
	writeEchoJSON(w, http.StatusUnauthorized, map[string]any{
		"status": "fail", "message": "HMAC-SHA1 verification failed",
		"base_uri": baseURI, "normalized_param_string": normalized,
		"base_string": baseString, "signing_key": signingKey,
	})
}

// oauthEscape is RFC 3986 percent-encoding as OAuth 1.0a §3.6 requires:
// only unreserved characters stay, and a space is %20, not +.
func oauthEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
