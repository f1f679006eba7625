package runner

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/colrun/colrun/collections"
)

// AWS Signature Version 4 is implemented here rather than with
// aws-sdk-go-v2's signer because Newman signs with the aws4 npm package,
// whose canonical request differs from the SDK's in ways servers see:
// it signs every header the request carries except a fixed ignore list
// (user-agent, range, expect...), parses the query as Node's querystring
// does, double-encodes non-S3 paths after normalising "." and "..", takes
// the time from a Date header when there is one, and adds its
// X-Amz-* parameters in its own order. Reproducing those byte for byte
// on top of the SDK would take more code than the signing itself.

// awsIgnoredHeaders are the headers aws4 never signs.
var awsIgnoredHeaders = map[string]bool{
	"authorization": true, "connection": true, "x-amzn-trace-id": true, "user-agent": true,
	"expect": true, "presigned-expires": true, "range": true,
}

const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// awsHeader is one entry of aws4's header object, in insertion order.
type awsHeader struct{ key, value string }

type awsRequest struct {
	headers   []awsHeader
	method    string
	path      string // the path part, before "?"
	query     *jsQuery
	service   string
	region    string
	accessKey string
	secretKey string
	token     string
	signQuery bool
	datetime  string
}

func (r *awsRequest) header(keys ...string) (string, bool) {
	for _, k := range keys {
		for _, h := range r.headers {
			if h.key == k {
				return h.value, true
			}
		}
	}
	return "", false
}

func (r *awsRequest) setHeader(key, value string) {
	for i, h := range r.headers {
		if h.key == key {
			r.headers[i].value = value
			return
		}
	}
	r.headers = append(r.headers, awsHeader{key, value})
}

// applyAWSv4 signs the request as postman-runtime's awsv4 authorizer does
// with aws4 1.13: X-Amz-Date, X-Amz-Security-Token (with a session token),
// X-Amz-Content-Sha256 (when the body is not empty, or always for s3),
// Host and Authorization headers, or the X-Amz-* query parameters with
// addAuthDataToQuery. The service defaults to execute-api and the region
// to us-east-1.
func applyAWSv4(a *collections.Auth, out *outgoing, u *collections.URL, in *signInput) {
	get := func(k string) authValue { return getAuth(a, k) }
	for _, h := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"} {
		out.removeHeader(h)
	}
	removeQuery(u, "X-Amz-Security-Token", "X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature")
	nu := toNodeURL(u)

	req := &awsRequest{
		method:    out.Method,
		service:   get("service").or("execute-api"),
		region:    get("region").or("us-east-1"),
		accessKey: get("accessKey").str(),
		secretKey: get("secretKey").str(),
		token:     get("sessionToken").or(""),
		signQuery: get("addAuthDataToQuery").truthy(),
	}
	if !get("accessKey").truthy() || !get("secretKey").truthy() {
		out.Warnings = append(out.Warnings, "awsv4 auth: the access key or secret key is empty; the request is signed with it anyway, as Newman does")
	}
	if req.service == "email" {
		req.service = "ses"
	}
	for _, h := range out.Headers {
		if v, ok := req.header(h.Key); ok {
			// Repeated keys become an array, which aws4 signs joined.
			req.setHeader(h.Key, v+","+h.Value)
			continue
		}
		req.headers = append(req.headers, awsHeader{h.Key, h.Value})
	}
	if !req.signQuery {
		if data, kind := in.signedBody(out); kind == bodyData && len(data) > 0 {
			sum := sha256.Sum256(data)
			h := hex.EncodeToString(sum[:])
			out.addHeader("X-Amz-Content-Sha256", h)
			req.setHeader("X-Amz-Content-Sha256", h)
		}
	}
	if _, ok := req.header("Host", "host"); !ok {
		req.headers = append(req.headers, awsHeader{"Host", nu.host})
	}
	if err := req.sign(nu.path, in.now); err != nil {
		out.Warnings = append(out.Warnings, "awsv4 auth: could not sign the request: "+err.Error())
		return
	}
	if req.signQuery {
		for _, kv := range req.query.pairs {
			if !strings.HasPrefix(kv.key, "X-Amz-") || hasQuery(u, kv.key) {
				continue
			}
			for _, v := range kv.values {
				s := formEscape(v)
				u.Query = append(u.Query, collections.QueryParam{Key: kv.key, Value: &s})
			}
		}
	}
	// postman-runtime upserts every header aws4 returns: the request's
	// own come back unchanged, the new ones are added in aws4's order.
	for _, h := range req.headers {
		if _, ok := out.header(h.key); !ok {
			out.addHeader(h.key, h.value)
		}
	}
}

func hasQuery(u *collections.URL, key string) bool {
	for _, q := range u.Query {
		if q.Key == key {
			return true
		}
	}
	return false
}

// sign is aws4's RequestSigner#sign for a request without a body (the body
// hash is in X-Amz-Content-Sha256 when there is one).
func (r *awsRequest) sign(path string, now func() time.Time) error {
	if err := r.parsePath(path); err != nil {
		return err
	}
	dt, err := r.dateTime(now)
	if err != nil {
		return err
	}
	r.datetime = dt
	if r.signQuery {
		if r.token != "" {
			r.query.set("X-Amz-Security-Token", r.token)
		}
		if r.service == "s3" && !r.query.has("X-Amz-Expires") {
			r.query.set("X-Amz-Expires", "86400")
		}
		if v, ok := r.query.get("X-Amz-Date"); ok {
			r.datetime = v
		} else {
			r.query.set("X-Amz-Date", r.datetime)
		}
		r.query.set("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
		r.query.set("X-Amz-Credential", r.accessKey+"/"+r.credentialScope())
		r.query.set("X-Amz-SignedHeaders", r.signedHeaders())
		r.query.set("X-Amz-Signature", r.signature())
		return nil
	}
	if r.token != "" {
		if _, ok := r.header("X-Amz-Security-Token", "x-amz-security-token"); !ok {
			r.headers = append(r.headers, awsHeader{"X-Amz-Security-Token", r.token})
		}
	}
	if r.service == "s3" {
		if _, ok := r.header("X-Amz-Content-Sha256", "x-amz-content-sha256"); !ok {
			r.headers = append(r.headers, awsHeader{"X-Amz-Content-Sha256", emptySHA256})
		}
	}
	if v, ok := r.header("X-Amz-Date", "x-amz-date"); ok {
		r.datetime = v
	} else {
		r.headers = append(r.headers, awsHeader{"X-Amz-Date", r.datetime})
	}
	r.headers = append(r.headers, awsHeader{"Authorization", "AWS4-HMAC-SHA256 Credential=" + r.accessKey + "/" + r.credentialScope() +
		", SignedHeaders=" + r.signedHeaders() + ", Signature=" + r.signature()})
	return nil
}

// dateTime is aws4's getDateTime: the Date header's time, or now, in the
// basic ISO 8601 form.
func (r *awsRequest) dateTime(now func() time.Time) (string, error) {
	t := now()
	if v, ok := r.header("Date", "date"); ok && v != "" {
		parsed, err := parseJSDate(v)
		if err != nil {
			return "", fmt.Errorf("the Date header %q is not a date (RangeError: Invalid time value)", v)
		}
		t = parsed
	}
	return t.UTC().Format("20060102T150405Z"), nil
}

// parseJSDate reads the date forms JavaScript's Date constructor reads
// that requests carry: HTTP dates and ISO 8601.
func parseJSDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := http.ParseTime(s); err == nil {
		return t, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 MST", "Mon Jan 02 2006 15:04:05 GMT-0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("invalid date")
}

func (r *awsRequest) credentialScope() string {
	return r.datetime[:min(8, len(r.datetime))] + "/" + r.region + "/" + r.service + "/aws4_request"
}

// canonicalHeaderList is aws4's filterHeaders: lower-cased names, the
// ignored ones left out, sorted.
func (r *awsRequest) canonicalHeaderList() []awsHeader {
	var hs []awsHeader
	for _, h := range r.headers {
		k := strings.ToLower(h.key)
		if awsIgnoredHeaders[k] {
			continue
		}
		hs = append(hs, awsHeader{k, h.value})
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].key < hs[j].key })
	return hs
}

func (r *awsRequest) signedHeaders() string {
	var names []string
	for _, h := range r.canonicalHeaderList() {
		names = append(names, h.key)
	}
	return strings.Join(names, ";")
}

func (r *awsRequest) canonicalString() string {
	var bodyHash string
	switch {
	case r.service == "s3" && r.signQuery:
		bodyHash = "UNSIGNED-PAYLOAD"
	default:
		if v, ok := r.header("X-Amz-Content-Sha256", "x-amz-content-sha256"); ok && v != "" {
			bodyHash = v
		} else {
			bodyHash = emptySHA256
		}
	}
	s3 := r.service == "s3"
	var queryParts []string
	if r.query != nil {
		type kv struct {
			key    string
			values []string
		}
		var reduced []kv
		index := map[string]int{}
		for _, p := range r.query.pairs {
			if p.key == "" {
				continue
			}
			k := encodeRFC3986Full(p.key)
			values := p.values
			if len(values) > 1 && s3 {
				values = values[:1]
			}
			if i, ok := index[k]; ok {
				reduced[i].values = values
				continue
			}
			index[k] = len(reduced)
			reduced = append(reduced, kv{k, values})
		}
		sort.Slice(reduced, func(i, j int) bool { return reduced[i].key < reduced[j].key })
		for _, p := range reduced {
			if len(p.values) == 1 {
				queryParts = append(queryParts, p.key+"="+encodeRFC3986Full(p.values[0]))
				continue
			}
			enc := make([]string, len(p.values))
			for i, v := range p.values {
				enc[i] = encodeRFC3986Full(v)
			}
			sort.Strings(enc)
			for _, v := range enc {
				queryParts = append(queryParts, p.key+"="+v)
			}
		}
	}
	path := r.path
	if path != "/" {
		if !s3 {
			path = multiSlash.ReplaceAllString(path, "/")
		}
		var pieces []string
		for _, piece := range strings.Split(path, "/") {
			switch {
			case !s3 && piece == "..":
				if len(pieces) > 0 {
					pieces = pieces[:len(pieces)-1]
				}
			case !s3 && piece == ".":
			default:
				if s3 {
					if d, err := url.PathUnescape(strings.ReplaceAll(piece, "+", " ")); err == nil {
						piece = d
					}
				}
				pieces = append(pieces, encodeRFC3986Full(piece))
			}
		}
		path = strings.Join(pieces, "/")
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		if s3 {
			path = strings.ReplaceAll(path, "%2F", "/")
		}
	}
	var canon strings.Builder
	for _, h := range r.canonicalHeaderList() {
		canon.WriteString(h.key + ":" + collapseSpace(h.value) + "\n")
	}
	method := r.method
	if method == "" {
		method = "GET"
	}
	return strings.Join([]string{method, path, strings.Join(queryParts, "&"), canon.String(), r.signedHeaders(), bodyHash}, "\n")
}

var multiSlash = regexp.MustCompile(`/{2,}`)

// collapseSpace trims a header value and collapses runs of white space to
// one space, as aws4 does with JavaScript's \s.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func (r *awsRequest) signature() string {
	hm := func(key []byte, s string) []byte {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(s))
		return m.Sum(nil)
	}
	k := hm([]byte("AWS4"+r.secretKey), r.datetime[:min(8, len(r.datetime))])
	k = hm(k, r.region)
	k = hm(k, r.service)
	k = hm(k, "aws4_request")
	sum := sha256.Sum256([]byte(r.canonicalString()))
	sts := "AWS4-HMAC-SHA256\n" + r.datetime + "\n" + r.credentialScope() + "\n" + hex.EncodeToString(sum[:])
	return hex.EncodeToString(hm(k, sts))
}

// parsePath is aws4's parsePath: a path with characters outside its safe
// set is re-encoded with encodeURI(decodeURI(path)), then the query is
// split off and parsed as Node's querystring.parse does.
func (r *awsRequest) parsePath(p string) error {
	if unsafePathChar.MatchString(p) {
		d, err := decodeURI(p)
		if err != nil {
			return err
		}
		p = encodeURI(d)
	}
	if i := strings.IndexByte(p, '?'); i >= 0 {
		r.query = parseQueryString(p[i+1:])
		p = p[:i]
	} else if r.signQuery {
		r.query = &jsQuery{}
	}
	r.path = p
	return nil
}

var unsafePathChar = regexp.MustCompile(`[^0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]`)

// jsQuery is the object querystring.parse returns: keys in first-seen
// order, a repeated key holding every value.
type jsQuery struct {
	pairs []jsQueryPair
}

type jsQueryPair struct {
	key    string
	values []string
}

func (q *jsQuery) get(k string) (string, bool) {
	for _, p := range q.pairs {
		if p.key == k {
			return strings.Join(p.values, ","), true
		}
	}
	return "", false
}

func (q *jsQuery) has(k string) bool { _, ok := q.get(k); return ok }

func (q *jsQuery) set(k, v string) {
	for i, p := range q.pairs {
		if p.key == k {
			q.pairs[i].values = []string{v}
			return
		}
	}
	q.pairs = append(q.pairs, jsQueryPair{k, []string{v}})
}

// parseQueryString is Node's querystring.parse: "+" is a space, invalid
// escapes stay as they are.
func parseQueryString(s string) *jsQuery {
	q := &jsQuery{}
	if s == "" {
		return q
	}
	for _, part := range strings.Split(s, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		k, v = qsUnescape(k), qsUnescape(v)
		found := false
		for i, p := range q.pairs {
			if p.key == k {
				q.pairs[i].values = append(q.pairs[i].values, v)
				found = true
				break
			}
		}
		if !found {
			q.pairs = append(q.pairs, jsQueryPair{k, []string{v}})
		}
	}
	return q
}

func qsUnescape(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	if v, err := url.PathUnescape(s); err == nil {
		return v
	}
	return unescapeUserinfo(s)
}

// encodeRFC3986Full is aws4's encodeRfc3986(encodeURIComponent(s)).
func encodeRFC3986Full(s string) string { return formEscape(s) }

// decodeURI is JavaScript's decodeURI: escapes of characters in
// ";/?:@&=+$,#" are kept as they are; a malformed escape is an error.
func decodeURI(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '%' {
			b.WriteByte(s[i])
			i++
			continue
		}
		start := i
		var buf []byte
		for i < len(s) && s[i] == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", errors.New("URIError: URI malformed")
			}
			buf = append(buf, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 3
			if utf8.FullRune(buf) {
				break
			}
		}
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError && size <= 1 || size != len(buf) {
			return "", errors.New("URIError: URI malformed")
		}
		if r < 0x80 && strings.ContainsRune(";/?:@&=+$,#", r) {
			b.WriteString(s[start:i])
			continue
		}
		b.Write(buf)
	}
	return b.String(), nil
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// encodeURI is JavaScript's encodeURI.
func encodeURI(s string) string {
	return escapeBytes(s, func(c byte) bool { return strings.IndexByte(";,/?:@&=+$-_.!~*'()#", c) >= 0 })
}
