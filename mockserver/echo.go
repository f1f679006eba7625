package mockserver

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// echoMaxDelay caps /delay/{s} as postman-echo does.
const echoMaxDelay = 10

// echoUser and echoPassword are postman-echo's fixed /basic-auth
// credentials, which collections written against it hard-code.
const (
	echoUser     = "postman"
	echoPassword = "password"
)

// newEcho serves a postman-echo compatible service: the same paths and
// the same JSON shape (args, data, files, form, headers, json, url), so
// that collections written against postman-echo.com run offline.
func newEcho(maxBody int64) http.Handler {
	e := &echo{maxBody: maxBody}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /get", e.get)
	for _, m := range []string{"POST /post", "PUT /put", "PATCH /patch", "DELETE /delete"} {
		mux.HandleFunc(m, e.withBody)
	}
	mux.HandleFunc("GET /headers", e.headers)
	mux.HandleFunc("/status/{code}", e.status)
	mux.HandleFunc("/delay/{seconds}", e.delay)
	mux.HandleFunc("GET /cookies", e.cookies)
	mux.HandleFunc("GET /cookies/set", e.setCookies)
	mux.HandleFunc("GET /cookies/delete", e.deleteCookies)
	mux.HandleFunc("/response-headers", e.responseHeaders)
	mux.HandleFunc("/basic-auth", e.basicAuth)
	mux.HandleFunc("/digest-auth", e.digestAuth)
	mux.HandleFunc("/oauth1", e.oauth1)
	mux.HandleFunc("GET /stream/{n}", e.stream)
	mux.HandleFunc("GET /type/xml", e.typeXML)
	mux.HandleFunc("/redirect-to", e.redirectTo)
	mux.HandleFunc("GET /gzip", e.gzip)
	mux.HandleFunc("GET /deflate", e.deflate)
	mux.HandleFunc("GET /encoding/utf8", e.utf8)
	mux.HandleFunc("GET /ip", e.ip)
	mux.HandleFunc("GET /time/now", e.timeNow)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			echoOptions(mux, w, r)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// echoOptions answers OPTIONS as postman-echo's Express router does by
// default: 200 with the path's methods in Allow and, as text, in the body;
// it runs before the mux because method-less routes would take OPTIONS
// as an ordinary request.
func echoOptions(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) == 0 {
		http.NotFound(w, r)
		return
	}
	list := strings.Join(allow, ",")
	w.Header().Set("Allow", list)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = io.WriteString(w, list)
}

type echo struct{ maxBody int64 }

func writeEchoJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(bytes.TrimRight(b.Bytes(), "\n"))
}

// echoValues renders query or form values as postman-echo does: a string
// for a key given once, an array for a repeated key.
func echoValues(v url.Values) map[string]any {
	out := make(map[string]any, len(v))
	for k, vals := range v {
		if len(vals) == 1 {
			out[k] = vals[0]
		} else {
			out[k] = vals
		}
	}
	return out
}

// echoHeaders lower-cases names and joins repeated values, and puts back
// the Host header that net/http moves to Request.Host.
func echoHeaders(r *http.Request) map[string]string {
	out := map[string]string{"host": r.Host}
	for k, v := range r.Header {
		out[strings.ToLower(k)] = strings.Join(v, ", ")
	}
	return out
}

func echoURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p != "" {
		scheme = p
	}
	return scheme + "://" + r.Host + r.URL.RequestURI()
}

// echoGet is the answer without a body, keys in postman-echo's order.
type echoGet struct {
	Args    map[string]any    `json:"args"`
	Headers map[string]string `json:"headers"`
	URL     string            `json:"url"`
}

// echoFull is the answer to requests that may carry a body.
type echoFull struct {
	Args    map[string]any    `json:"args"`
	Data    any               `json:"data"`
	Files   map[string]string `json:"files"`
	Form    map[string]any    `json:"form"`
	Headers map[string]string `json:"headers"`
	JSON    any               `json:"json"`
	URL     string            `json:"url"`
}

func (e *echo) get(w http.ResponseWriter, r *http.Request) {
	writeEchoJSON(w, http.StatusOK, echoGet{echoValues(r.URL.Query()), echoHeaders(r), echoURL(r)})
}

// withBody mirrors postman-echo's body handling: JSON bodies appear parsed
// in both data and json, url-encoded forms in form and json, multipart
// parts in form and files (as data: URLs), anything else as the raw text
// in data; an empty body is {}.
func (e *echo) withBody(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, e.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "Payload Too Large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "Bad Request", http.StatusBadRequest)
		return
	}
	out := echoFull{
		Args: echoValues(r.URL.Query()), Data: map[string]any{}, Files: map[string]string{},
		Form: map[string]any{}, Headers: echoHeaders(r), URL: echoURL(r),
	}
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case len(raw) == 0:
	case mediaType == "application/x-www-form-urlencoded":
		form, err := url.ParseQuery(string(raw))
		if err != nil {
			out.Data = string(raw)
			break
		}
		out.Data = ""
		out.Form = echoValues(form)
		out.JSON = out.Form
	case mediaType == "multipart/form-data":
		out.Data = ""
		if err := readMultipart(raw, params["boundary"], &out); err != nil {
			out.Data = string(raw)
		}
	case strings.Contains(mediaType, "json"):
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			out.Data = string(raw)
			break
		}
		out.Data, out.JSON = v, v
	default:
		out.Data = string(raw)
	}
	writeEchoJSON(w, http.StatusOK, out)
}

func readMultipart(raw []byte, boundary string, out *echoFull) error {
	if boundary == "" {
		return errors.New("no boundary")
	}
	mr := multipart.NewReader(bytes.NewReader(raw), boundary)
	form := url.Values{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		content, err := io.ReadAll(part)
		if err != nil {
			return err
		}
		if name := part.FileName(); name != "" {
			ct := part.Header.Get("Content-Type")
			if ct == "" {
				ct = "application/octet-stream"
			}
			out.Files[name] = "data:" + ct + ";base64," + base64.StdEncoding.EncodeToString(content)
			continue
		}
		form.Add(part.FormName(), string(content))
	}
	out.Form = echoValues(form)
	return nil
}

func (e *echo) headers(w http.ResponseWriter, r *http.Request) {
	writeEchoJSON(w, http.StatusOK, map[string]any{"headers": echoHeaders(r)})
}

func (e *echo) status(w http.ResponseWriter, r *http.Request) {
	code, err := strconv.Atoi(r.PathValue("code"))
	if err != nil || code < 200 || code > 599 {
		writeEchoJSON(w, http.StatusBadRequest, map[string]any{"error": "status code must be a number from 200 to 599"})
		return
	}
	if code == http.StatusNoContent || code == http.StatusNotModified {
		w.WriteHeader(code)
		return
	}
	writeEchoJSON(w, code, map[string]any{"status": code})
}

func (e *echo) delay(w http.ResponseWriter, r *http.Request) {
	s := r.PathValue("seconds")
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		writeEchoJSON(w, http.StatusBadRequest, map[string]any{"error": "delay must be a whole number of seconds"})
		return
	}
	n = min(n, echoMaxDelay)
	t := time.NewTimer(time.Duration(n) * time.Second)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
		return
	}
	writeEchoJSON(w, http.StatusOK, map[string]any{"delay": strconv.Itoa(n)})
}

func (e *echo) cookies(w http.ResponseWriter, r *http.Request) {
	jar := map[string]string{}
	for _, c := range r.Cookies() {
		jar[c.Name] = c.Value
	}
	writeEchoJSON(w, http.StatusOK, map[string]any{"cookies": jar})
}

func (e *echo) setCookies(w http.ResponseWriter, r *http.Request) {
	keys, q := queryInOrder(r)
	for _, k := range keys {
		for _, v := range q[k] {
			http.SetCookie(w, &http.Cookie{Name: k, Value: v, Path: "/"})
		}
	}
	http.Redirect(w, r, "/cookies", http.StatusFound)
}

func (e *echo) deleteCookies(w http.ResponseWriter, r *http.Request) {
	keys, _ := queryInOrder(r)
	for _, k := range keys {
		http.SetCookie(w, &http.Cookie{Name: k, Value: "", Path: "/", Expires: time.Unix(0, 0), MaxAge: -1})
	}
	http.Redirect(w, r, "/cookies", http.StatusFound)
}

// queryInOrder is r's query with its keys in the order they first appear,
// as postman-echo's Express reads them. url.Values is a map, which Go
// iterates in a random order, so Set-Cookie headers made from it came
// out in another order on each run, and with them the jar's cookies, the
// Cookie header of the next request and a report of it.
func queryInOrder(r *http.Request) ([]string, url.Values) {
	q := r.URL.Query()
	left := make(map[string]bool, len(q))
	for k := range q {
		left[k] = true
	}
	keys := make([]string, 0, len(q))
	for part := range strings.SplitSeq(r.URL.RawQuery, "&") {
		k, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(k); err == nil && left[k] {
			delete(left, k)
			keys = append(keys, k)
		}
	}
	return keys, q
}

func (e *echo) responseHeaders(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k, vals := range q {
		for _, v := range vals {
			w.Header().Add(k, v)
		}
	}
	writeEchoJSON(w, http.StatusOK, echoValues(q))
}

func (e *echo) basicAuth(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || !equalSecret(echoUser, user) || !equalSecret(echoPassword, pass) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, "Unauthorized")
		return
	}
	writeEchoJSON(w, http.StatusOK, map[string]any{"authenticated": true})
}

// echoDigestRealm and echoDigestNonce are the challenge postman-echo's
// /digest-auth sends; Postman's own docs collection hard-codes this nonce,
// so any nonce the client signs with is accepted (the mock keeps no state).
const (
	echoDigestRealm = "Users"
	echoDigestNonce = "ni1LiL0O37PRRhofWdCLmwFsnEtH1lew"
)

func (e *echo) digestAuth(w http.ResponseWriter, r *http.Request) {
	if !validDigest(r) {
		w.Header().Set("WWW-Authenticate", `Digest realm="`+echoDigestRealm+`", nonce="`+echoDigestNonce+`", qop="auth"`)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, "Unauthorized")
		return
	}
	writeEchoJSON(w, http.StatusOK, map[string]any{"authenticated": true})
}

// validDigest checks an RFC 7616 MD5 Digest Authorization (with qop=auth or
// without qop) against the fixed postman-echo credentials.
func validDigest(r *http.Request) bool {
	scheme, rest, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Digest") {
		return false
	}
	p := parseDigestParams(rest)
	if alg := p["algorithm"]; alg != "" && !strings.EqualFold(alg, "MD5") {
		return false
	}
	if p["username"] != echoUser || p["realm"] != echoDigestRealm || p["uri"] != r.URL.RequestURI() {
		return false
	}
	h := func(s string) string { sum := md5.Sum([]byte(s)); return hex.EncodeToString(sum[:]) }
	ha1 := h(echoUser + ":" + echoDigestRealm + ":" + echoPassword)
	ha2 := h(r.Method + ":" + p["uri"])
	var want string
	switch p["qop"] {
	case "auth":
		want = h(strings.Join([]string{ha1, p["nonce"], p["nc"], p["cnonce"], "auth", ha2}, ":"))
	case "":
		want = h(ha1 + ":" + p["nonce"] + ":" + ha2)
	default:
		return false
	}
	return equalSecret(want, strings.ToLower(p["response"]))
}

// parseDigestParams splits the comma-separated key=value (optionally
// quoted) list of a Digest Authorization header.
func parseDigestParams(s string) map[string]string {
	out := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimLeft(s, " \t,") {
		key, rest, ok := strings.Cut(s, "=")
		if !ok {
			break
		}
		key = strings.ToLower(strings.TrimSpace(key))
		rest = strings.TrimLeft(rest, " \t")
		var val string
		if strings.HasPrefix(rest, `"`) {
			var b strings.Builder
			i := 1
			for ; i < len(rest) && rest[i] != '"'; i++ {
				if rest[i] == '\\' && i+1 < len(rest) {
					i++
				}
				b.WriteByte(rest[i])
			}
			val, s = b.String(), rest[min(i+1, len(rest)):]
		} else {
			val, s, _ = strings.Cut(rest, ",")
			val = strings.TrimSpace(val)
		}
		out[key] = val
	}
	return out
}

// echoMaxStream caps /stream/{n}, like httpbin's 100, so a typo cannot make
// the mock write without end.
const echoMaxStream = 100

// stream writes n /get answers, one JSON object a line, flushing each so
// the client sees a chunked body as from postman-echo.
func (e *echo) stream(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 {
		http.Error(w, "stream count must be a non-negative integer", http.StatusBadRequest)
		return
	}
	n = min(n, echoMaxStream)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	rc := http.NewResponseController(w)
	enc := json.NewEncoder(w)
	answer := echoGet{echoValues(r.URL.Query()), echoHeaders(r), echoURL(r)}
	for range n {
		if enc.Encode(answer) != nil {
			return
		}
		_ = rc.Flush()
	}
}

// echoXML is the fixed body of /type/xml: collections test xml2Json on it.
const echoXML = `<?xml version="1.0" encoding="utf-8"?>
<_>
    <foo>bar</foo>
</_>
`

func (e *echo) typeXML(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	_, _ = io.WriteString(w, echoXML)
}

func (e *echo) redirectTo(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	if target == "" {
		writeEchoJSON(w, http.StatusBadRequest, map[string]any{"error": "url is required"})
		return
	}
	code := http.StatusFound
	if s := r.URL.Query().Get("status_code"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 300 || n > 308 {
			writeEchoJSON(w, http.StatusBadRequest, map[string]any{"error": "status_code must be from 300 to 308"})
			return
		}
		code = n
	}
	w.Header().Set("Location", target)
	w.WriteHeader(code)
}

func (e *echo) gzip(w http.ResponseWriter, r *http.Request) {
	e.compressed(w, r, "gzip", "gzipped", func(dst io.Writer) io.WriteCloser { return gzip.NewWriter(dst) })
}

func (e *echo) deflate(w http.ResponseWriter, r *http.Request) {
	e.compressed(w, r, "deflate", "deflated", func(dst io.Writer) io.WriteCloser { return zlib.NewWriter(dst) })
}

func (e *echo) compressed(w http.ResponseWriter, r *http.Request, encoding, flag string, wrap func(io.Writer) io.WriteCloser) {
	body, _ := json.Marshal(map[string]any{flag: true, "headers": echoHeaders(r), "method": r.Method})
	var b bytes.Buffer
	zw := wrap(&b)
	_, _ = zw.Write(body)
	_ = zw.Close()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Encoding", encoding)
	_, _ = w.Write(b.Bytes())
}

// utf8Sample exercises multi-byte characters from several scripts.
const utf8Sample = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>UTF-8 sample</title></head><body><pre>
UTF-8 encoded sample text served by colrun mock --echo

Latin:     Ça va? Größe, naïve café, Ærøskøbing, Łódź
Greek:     Καλημέρα κόσμε
Cyrillic:  Здравствуй, мир
Hebrew:    שלום עולם
Arabic:    مرحبا بالعالم
CJK:       你好，世界 / こんにちは世界 / 안녕하세요 세계
Symbols:   ∀x∈ℝ: x² ≥ 0 · € £ ¥ · ← ↑ → ↓ · ♠ ♥ ♦ ♣
Emoji:     ✅ 🚀 🧪
</pre></body></html>
`

func (e *echo) utf8(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = io.WriteString(w, utf8Sample)
}

func (e *echo) ip(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	writeEchoJSON(w, http.StatusOK, map[string]any{"ip": host})
}

func (e *echo) timeNow(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = io.WriteString(w, time.Now().UTC().Format(http.TimeFormat))
}
