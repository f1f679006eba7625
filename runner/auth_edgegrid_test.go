package runner

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// edgegridVectors are the Authorization headers Newman 6.2.2 sent for
// each request (collection base http://127.0.0.1:33059), with fixed
// timestamps and nonces so that signatures are deterministic; "" where
// Newman sent none.
var edgegridVectors = []struct{ name, request, authorization string }{
	{"eg get query headers", `{"method": "GET", "url": "{{base}}/eg/a?b=x y&c=1", "header": [{"key": "X-A", "value": "  a   b  "}, {"key": "Authorization", "value": "stale"}, {"key": "Content-Type", "value": "text/plain"}], "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "headersToSign", "value": "X-A, content-type ,x-missing"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=+MTIsWU6fDZ2qR4pfKed7Qxq/WysjJwA6ny07vvhqEg="},
	{"eg post raw max", `{"method": "POST", "url": "{{base}}/eg/b", "header": [], "body": {"mode": "raw", "raw": "{\"hello\": \"w\u00f6rld\"}", "options": {"raw": {"language": "json"}}}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "maxBodySize", "value": "5"}, {"key": "headersToSign", "value": "Host,User-Agent,Content-Type"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=FMzhfnk5svoiJcpAGgc5ezcZP0ECnrGPaABilaeOt+8="},
	{"eg post urlencoded baseurl", `{"method": "POST", "url": "{{base}}/eg/c", "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "b c"}, {"key": "d", "value": "!"}]}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "baseURL", "value": "https://akab-x.luna.akamaiapis.net/"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=T45uDqCRxAytu7xAIGR6UyDB4djjcdw7cO0oVirIgbc="},
	{"eg post formdata", `{"method": "POST", "url": "{{base}}/eg/d", "body": {"mode": "formdata", "formdata": [{"key": "a", "value": "b"}]}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=asPbW8OJ3aUOTQZ+MNd892FjWn7JVl9Q4YnaW4wq4e8="},
	{"eg get body", `{"method": "GET", "url": "{{base}}/eg/e", "body": {"mode": "raw", "raw": "ignored"}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=o/DTgVfbDCED6tIr7Ea7du3WYme4OOEsAzLDSbfVYic="},
	{"eg missing secret", `{"method": "GET", "url": "{{base}}/eg/f", "header": [{"key": "authorization", "value": "mine"}], "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "clientSecret", "value": ""}]}}`, "mine"},
	{"eg baseurl bare", `{"method": "GET", "url": "{{base}}/eg/g", "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "baseURL", "value": "akab-y.example.net:8443/path"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=Aj1ISQC/CVegIiFo0cK/0xnd0nZRZ+vYIfbGv7TlCVk="},
	{"eg put raw", `{"method": "PUT", "url": "{{base}}/eg/h", "body": {"mode": "raw", "raw": "data"}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=j0V4k5gKpew2qa0JXsRopoZmwJSIcPC0ZPTwGb8A5xw="},
	{"eg post empty", `{"method": "POST", "url": "{{base}}/eg/i", "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=hUrsX+iymc2ctdS18MzR6jz+8FkRovMkljwzpcuf2PI="},
	{"eg dup header", `{"method": "GET", "url": "{{base}}/eg/j", "header": [{"key": "X-D", "value": "1"}, {"key": "x-d", "value": "2"}, {"key": "X-E", "value": "e"}, {"key": "X-F", "value": "off", "disabled": true}], "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "headersToSign", "value": "x-d,x-e,x-f"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=5qhSXnFaItjcNe+ak45TUlR2wpJNUQRVGRb/QYS0+VE="},
	{"eg post max zero string", `{"method": "POST", "url": "{{base}}/eg/k", "body": {"mode": "raw", "raw": "abc"}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "maxBodySize", "value": "0"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=w/5ZY34vD7z+3MUn+0O77VkWxnSa+M6aLLkHdtghnMc="},
	{"eg lowercase post", `{"method": "post", "url": "{{base}}/eg/l", "body": {"mode": "raw", "raw": "abc"}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=UqQWfpqtmLJrHVdMDbKngS9+w7JhOn8knpC113KDuQ0="},
	{"eg headers array", `{"method": "GET", "url": "{{base}}/eg/m", "header": [{"key": "X-A", "value": "1"}], "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "headersToSign", "value": ["X-A", 3]}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=Umnr8bctgiGmHgDXbwdR1y1j18opb4dNHs7EkLAGUZY="},
	{"eg post max number", `{"method": "POST", "url": "{{base}}/eg/n", "body": {"mode": "raw", "raw": "abcdef"}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "maxBodySize", "value": 2}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=RQTYo013X6lTGF0KxY580Obp6eqCNAr2YxiV3lq6VuA="},
	{"eg post graphql", `{"method": "POST", "url": "{{base}}/eg/o", "body": {"mode": "graphql", "graphql": {"query": "{ a }", "variables": "{\"x\":1}"}}, "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=EzfJi+1VPOdRlOq1i1rG3WtxXd+ZJ+OB0DhvShheYjo="},
	{"eg baseurl http port", `{"method": "GET", "url": "{{base}}/eg/p/%41?q=%zz", "auth": {"type": "edgegrid", "edgegrid": [{"key": "accessToken", "value": "akab-access"}, {"key": "clientToken", "value": "akab-client"}, {"key": "clientSecret", "value": "c2VjcmV0"}, {"key": "nonce", "value": "nonce-1"}, {"key": "timestamp", "value": "20240101T00:00:00+0000"}, {"key": "baseURL", "value": "http://H.example.net:80/x"}]}}`, "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=wmrc3V2poLJ2pKNcWId24pDjCMBWg88Rc4u8ooLPTVA="},
}

// TestEdgeGridMatchesNewman builds each request Newman signed and
// compares the Authorization header colrun would send with Newman's.
func TestEdgeGridMatchesNewman(t *testing.T) {
	t.Parallel()
	for _, v := range edgegridVectors {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			name, _ := json.Marshal(v.name)
			doc := fmt.Sprintf(`{"info":{"name":"eg"},"variable":[{"key":"base","value":"http://127.0.0.1:33059"}],"item":[{"name":%s,"request":%s}]}`, name, v.request)
			_, o := buildItem(t, doc)
			var got []string
			for _, h := range o.Headers {
				if strings.EqualFold(h.Key, "Authorization") {
					got = append(got, h.Value)
				}
			}
			want := []string{v.authorization}
			if v.authorization == "" {
				want = nil
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("Authorization = %q, Newman sent %q", got, want)
			}
		})
	}
}

// mentions reports whether s appears anywhere in the run's events, which
// are all the reporters see.
func (e *events) mentions(t *testing.T, s string) bool {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	data, err := json.Marshal(e.all)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(data), s)
}

// TestEdgeGridSignsWithFreshTimestampAndNonce: without a timestamp and
// nonce in the collection each request gets the current UTC time in
// EdgeGrid's format and a UUID, and the client secret is in no report.
func TestEdgeGridSignsWithFreshTimestampAndNonce(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	const secret = "edgegrid-client-secret"
	doc := fmt.Sprintf(`{"info":{"name":"eg"},"auth":{"type":"edgegrid","edgegrid":[{"key":"accessToken","value":"at"},{"key":"clientToken","value":"ct"},{"key":"clientSecret","value":"{{s}}"}]},
		"variable":[{"key":"s","value":%q}],"item":[{"name":"a","request":%q},{"name":"b","request":%q}]}`, secret, rec.srv.URL+"/a", rec.srv.URL+"/b")
	before := time.Now().UTC().Truncate(time.Second)
	ev, _ := run(t, parse(t, doc), Options{})
	after := time.Now().UTC()
	header := regexp.MustCompile(`^EG1-HMAC-SHA256 client_token=ct;access_token=at;timestamp=(\d{8}T\d\d:\d\d:\d\d\+0000);nonce=([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12});signature=[A-Za-z0-9+/]{43}=$`)
	var nonces []string
	for _, r := range rec.all() {
		m := header.FindStringSubmatch(r.Header.Get("Authorization"))
		if m == nil {
			t.Fatalf("%s: Authorization = %q", r.URI, r.Header.Get("Authorization"))
		}
		ts, err := time.Parse("20060102T15:04:05-0700", m[1])
		if err != nil || ts.Before(before) || ts.After(after) {
			t.Errorf("timestamp %s (%v) is not the time of the run", m[1], err)
		}
		nonces = append(nonces, m[2])
	}
	if len(nonces) != 2 || nonces[0] == nonces[1] {
		t.Errorf("nonces = %q, want two different ones", nonces)
	}
	if ev.mentions(t, secret) {
		t.Error("the client secret appears in the run's events")
	}
}

// TestEdgeGridWithoutCredentialsWarns: as in Newman, a request whose
// credentials are incomplete is sent with its own headers; colrun says so.
func TestEdgeGridWithoutCredentialsWarns(t *testing.T) {
	t.Parallel()
	_, o := buildItem(t, `{"info":{"name":"m"},"item":[{"name":"x","request":{"url":"http://127.0.0.1:1/x","header":[{"key":"Authorization","value":"mine"}],
		"auth":{"type":"edgegrid","edgegrid":[{"key":"accessToken","value":"at"},{"key":"clientToken","value":"ct"}]}}}]}`)
	if v, _ := o.header("Authorization"); v != "mine" {
		t.Errorf("Authorization = %q, want the request's own", v)
	}
	want := []string{"edgegrid auth: the access token, client token or client secret is empty, so the request was sent unsigned, as Newman does"}
	if strings.Join(o.Warnings, "\n") != want[0] {
		t.Errorf("warnings = %q, want %q", o.Warnings, want)
	}
}
