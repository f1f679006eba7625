package mockserver

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func echoMock(t *testing.T) *testMock {
	return newMock(t, Config{Echo: true, MaxBodyBytes: 1 << 20})
}

func decodeEcho(t *testing.T, r reply) map[string]any {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type = %q; body %s", ct, r.body)
	}
	var v map[string]any
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, r.body)
	}
	return v
}

// TestEchoCookiesInQueryOrder: /cookies/set and /cookies/delete send their
// Set-Cookie headers in the query's order, as postman-echo does; the mock
// sent them in Go's random map order, so the jar, the next request's
// Cookie header and a report of it changed from run to run.
func TestEchoCookiesInQueryOrder(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/cookies/set?z=1&a=2&m=3&a=4&b=5&y=6", []string{"z=1", "a=2", "a=4", "m=3", "b=5", "y=6"}},
		{"/cookies/set?c%32=x&c1=y", []string{"c2=x", "c1=y"}},
		{"/cookies/delete?z&a&m&b&y", []string{"z=", "a=", "m=", "b=", "y="}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			t.Parallel()
			// Go's map order would match the query's now and then: ask
			// often enough that it cannot every time.
			for range 20 {
				resp, err := noRedirect.Get(m.srv.URL + tc.path)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusFound {
					t.Fatalf("status %d, want 302", resp.StatusCode)
				}
				var got []string
				for _, line := range resp.Header.Values("Set-Cookie") {
					nv, _, _ := strings.Cut(line, ";")
					got = append(got, nv)
				}
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Fatalf("Set-Cookie (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestEchoGet(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	r := m.do(req{path: "/get?foo1=bar1&foo2=bar2&foo2=baz", header: map[string]string{"X-Custom": "yes"}})
	r.wantStatus(t, 200)
	got := decodeEcho(t, r)
	if diff := cmp.Diff(map[string]any{"foo1": "bar1", "foo2": []any{"bar2", "baz"}}, got["args"]); diff != "" {
		t.Errorf("args (-want +got):\n%s", diff)
	}
	host := strings.TrimPrefix(m.srv.URL, "http://")
	if dig(got, "headers", "x-custom") != "yes" || dig(got, "headers", "host") != host {
		t.Errorf("headers = %v", got["headers"])
	}
	if got["url"] != m.srv.URL+"/get?foo1=bar1&foo2=bar2&foo2=baz" {
		t.Errorf("url = %v", got["url"])
	}
	if _, ok := got["data"]; ok {
		t.Error("GET answer has data")
	}
	// Key order as postman-echo: args, headers, url.
	if i, j := bytes.Index(r.body, []byte(`"args"`)), bytes.Index(r.body, []byte(`"url"`)); i > j {
		t.Errorf("key order: %s", r.body)
	}
}

func TestEchoBodies(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	_ = mw.WriteField("field", "value")
	fw, _ := mw.CreateFormFile("upload", "hello.txt")
	_, _ = fw.Write([]byte("hello"))
	_ = mw.Close()
	tests := []struct {
		name, method, path, contentType, body string
		data, json, form, files               any
	}{
		{"json", "POST", "/post", "application/json", `{"a":1,"b":[true,null]}`,
			map[string]any{"a": 1.0, "b": []any{true, nil}}, map[string]any{"a": 1.0, "b": []any{true, nil}}, map[string]any{}, map[string]any{}},
		{"invalid json stays text", "PUT", "/put", "application/json", `This is expected to be sent back as part of response body.`,
			"This is expected to be sent back as part of response body.", nil, map[string]any{}, map[string]any{}},
		{"text", "PATCH", "/patch", "text/plain", "some text", "some text", nil, map[string]any{}, map[string]any{}},
		{"xml", "DELETE", "/delete", "application/xml", "<a/>", "<a/>", nil, map[string]any{}, map[string]any{}},
		{"form", "POST", "/post", "application/x-www-form-urlencoded", "foo1=bar1&foo2=bar2",
			"", map[string]any{"foo1": "bar1", "foo2": "bar2"}, map[string]any{"foo1": "bar1", "foo2": "bar2"}, map[string]any{}},
		{"multipart", "POST", "/post", mw.FormDataContentType(), mp.String(),
			"", nil, map[string]any{"field": "value"}, map[string]any{"hello.txt": "data:application/octet-stream;base64,aGVsbG8="}},
		{"empty", "POST", "/post", "", "", map[string]any{}, nil, map[string]any{}, map[string]any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{method: tt.method, path: tt.path + "?q=1", contentType: tt.contentType, body: tt.body})
			r.wantStatus(t, 200)
			got := decodeEcho(t, r)
			want := map[string]any{"args": map[string]any{"q": "1"}, "data": tt.data, "json": tt.json, "form": tt.form, "files": tt.files,
				"url": m.srv.URL + tt.path + "?q=1"}
			delete(got, "headers")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("echo (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEchoUtilities(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(t *testing.T, path string, header map[string]string) (*http.Response, []byte) {
		t.Helper()
		hr, _ := http.NewRequest("GET", m.srv.URL+path, nil)
		for k, v := range header {
			hr.Header.Set(k, v)
		}
		resp, err := noRedirect.Do(hr)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	t.Run("status", func(t *testing.T) {
		t.Parallel()
		for _, code := range []int{200, 201, 404, 418, 500, 503} {
			r := m.do(req{path: "/status/" + strconv.Itoa(code)})
			if r.status != code || compactJSON(r.body) != `{"status":`+strconv.Itoa(code)+`}` {
				t.Errorf("status %d: got %d %s", code, r.status, r.body)
			}
		}
		if r := m.do(req{path: "/status/204"}); r.status != 204 || len(r.body) != 0 {
			t.Errorf("204: %d %q", r.status, r.body)
		}
		m.do(req{path: "/status/abc"}).wantStatus(t, 400)
		m.do(req{path: "/status/99"}).wantStatus(t, 400)
	})
	t.Run("headers", func(t *testing.T) {
		t.Parallel()
		got := decodeEcho(t, m.do(req{path: "/headers", header: map[string]string{"X-A": "1"}}))
		if dig(got, "headers", "x-a") != "1" {
			t.Errorf("headers = %v", got)
		}
	})
	t.Run("delay", func(t *testing.T) {
		t.Parallel()
		if got := decodeEcho(t, m.do(req{path: "/delay/0"})); got["delay"] != "0" {
			t.Errorf("delay = %v", got)
		}
		m.do(req{path: "/delay/x"}).wantStatus(t, 400)
	})
	t.Run("cookies", func(t *testing.T) {
		t.Parallel()
		resp, _ := get(t, "/cookies/set?foo=bar&n=1", nil)
		if resp.StatusCode != 302 || resp.Header.Get("Location") != "/cookies" || len(resp.Cookies()) != 2 {
			t.Errorf("set: %d %v %v", resp.StatusCode, resp.Header.Get("Location"), resp.Cookies())
		}
		resp, _ = get(t, "/cookies/delete?foo", nil)
		if resp.StatusCode != 302 || len(resp.Cookies()) != 1 || resp.Cookies()[0].MaxAge >= 0 {
			t.Errorf("delete: %d %v", resp.StatusCode, resp.Cookies())
		}
		_, body := get(t, "/cookies", map[string]string{"Cookie": "foo=bar; n=1"})
		if compactJSON(body) != `{"cookies":{"foo":"bar","n":"1"}}` {
			t.Errorf("cookies = %s", body)
		}
	})
	t.Run("response headers", func(t *testing.T) {
		t.Parallel()
		resp, body := get(t, "/response-headers?X-Foo=bar", nil)
		if resp.Header.Get("X-Foo") != "bar" || compactJSON(body) != `{"X-Foo":"bar"}` {
			t.Errorf("%v %s", resp.Header, body)
		}
	})
	t.Run("basic auth", func(t *testing.T) {
		t.Parallel()
		r := m.do(req{path: "/basic-auth", header: map[string]string{"Authorization": "Basic cG9zdG1hbjpwYXNzd29yZA=="}})
		if r.status != 200 || compactJSON(r.body) != `{"authenticated":true}` {
			t.Errorf("good: %d %s", r.status, r.body)
		}
		r = m.do(req{path: "/basic-auth", header: map[string]string{"Authorization": "Basic cG9zdG1hbjpub3Bl"}})
		if r.status != 401 || string(r.body) != "Unauthorized" {
			t.Errorf("bad: %d %s", r.status, r.body)
		}
		m.do(req{path: "/basic-auth"}).wantStatus(t, 401)
	})
	t.Run("redirect", func(t *testing.T) {
		t.Parallel()
		resp, _ := get(t, "/redirect-to?url=/get&status_code=307", nil)
		if resp.StatusCode != 307 || resp.Header.Get("Location") != "/get" {
			t.Errorf("%d %v", resp.StatusCode, resp.Header)
		}
		resp, _ = get(t, "/redirect-to?url=http://example.com/", nil)
		if resp.StatusCode != 302 {
			t.Errorf("default status %d", resp.StatusCode)
		}
		m.do(req{path: "/redirect-to?url=/x&status_code=200"}).wantStatus(t, 400)
		m.do(req{path: "/redirect-to"}).wantStatus(t, 400)
		// Followed by a client, it ends at the target.
		if got := decodeEcho(t, m.do(req{path: "/redirect-to?url=/get%3Fa%3D1"})); dig(got, "args", "a") != "1" {
			t.Errorf("followed: %v", got)
		}
	})
	t.Run("compression", func(t *testing.T) {
		t.Parallel()
		for path, open := range map[string]func(io.Reader) (io.Reader, error){
			"/gzip":    func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
			"/deflate": func(r io.Reader) (io.Reader, error) { return zlib.NewReader(r) },
		} {
			resp, body := get(t, path, map[string]string{"Accept-Encoding": "identity"})
			zr, err := open(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			plain, _ := io.ReadAll(zr)
			var v map[string]any
			if err := json.Unmarshal(plain, &v); err != nil || v["method"] != "GET" || resp.Header.Get("Content-Encoding") == "" {
				t.Errorf("%s: %v %s", path, err, plain)
			}
		}
	})
	t.Run("utf8", func(t *testing.T) {
		t.Parallel()
		r := m.do(req{path: "/encoding/utf8"})
		if r.header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(string(r.body), "Здравствуй") {
			t.Errorf("%v %.100s", r.header, r.body)
		}
	})
	t.Run("ip and time", func(t *testing.T) {
		t.Parallel()
		if got := decodeEcho(t, m.do(req{path: "/ip"})); got["ip"] != "127.0.0.1" {
			t.Errorf("ip = %v", got)
		}
		if _, err := http.ParseTime(string(m.do(req{path: "/time/now"}).body)); err != nil {
			t.Error(err)
		}
	})
	t.Run("unknown path and method", func(t *testing.T) {
		t.Parallel()
		m.do(req{path: "/nothing"}).wantStatus(t, 404)
		if r := m.do(req{method: "POST", path: "/get"}); r.status != 405 {
			t.Errorf("POST /get: %d", r.status)
		}
	})
	t.Run("too large", func(t *testing.T) {
		t.Parallel()
		m.do(req{method: "POST", path: "/post", body: strings.Repeat("x", 2<<20)}).wantStatus(t, 413)
	})
	t.Run("api still served", func(t *testing.T) {
		t.Parallel()
		m.do(req{path: "serverinfo"}).wantStatus(t, 200)
	})
}

func TestEchoOffByDefault(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	m.do(req{path: "/get"}).wantError(t, 404, "404003")
}

// TestEchoDigestAuth checks /digest-auth with Authorization headers whose
// response hashes were computed independently (RFC 7616, MD5) for
// postman/password in realm "Users".
func TestEchoDigestAuth(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	const nonce = `nonce="ni1LiL0O37PRRhofWdCLmwFsnEtH1lew"`
	tests := []struct {
		name, method, auth string
		want               int
	}{
		{"none", "GET", "", 401},
		{"basic", "GET", "Basic cG9zdG1hbjpwYXNzd29yZA==", 401},
		{"qop auth", "GET", `Digest username="postman", realm="Users", ` + nonce + `, uri="/digest-auth", qop=auth, nc=00000001, cnonce="0a4f113b", response="07ceda1889b166ee9e9035e3321b9905", algorithm="MD5"`, 200},
		{"qop auth POST", "POST", `Digest username="postman", realm="Users", ` + nonce + `, uri="/digest-auth", qop=auth, nc=00000001, cnonce="0a4f113b", response="b86c280df71f39b2a2314f50b8dfb8bc"`, 200},
		{"no qop", "GET", `Digest username="postman", realm="Users", nonce="abc", uri="/digest-auth", response="db641b94eb0b4daa5ab7cb85f8c634c8"`, 200},
		{"method mismatch", "POST", `Digest username="postman", realm="Users", ` + nonce + `, uri="/digest-auth", qop=auth, nc=00000001, cnonce="0a4f113b", response="07ceda1889b166ee9e9035e3321b9905"`, 401},
		{"wrong user", "GET", `Digest username="bob", realm="Users", ` + nonce + `, uri="/digest-auth", qop=auth, nc=00000001, cnonce="0a4f113b", response="07ceda1889b166ee9e9035e3321b9905"`, 401},
		{"wrong uri", "GET", `Digest username="postman", realm="Users", ` + nonce + `, uri="/get", qop=auth, nc=00000001, cnonce="0a4f113b", response="07ceda1889b166ee9e9035e3321b9905"`, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := map[string]string{}
			if tt.auth != "" {
				h["Authorization"] = tt.auth
			}
			r := m.do(req{method: tt.method, path: "/digest-auth", header: h})
			r.wantStatus(t, tt.want)
			if tt.want == 200 {
				if compactJSON(r.body) != `{"authenticated":true}` {
					t.Errorf("body %s", r.body)
				}
				return
			}
			if got, want := r.header.Get("WWW-Authenticate"), `Digest realm="Users", nonce="ni1LiL0O37PRRhofWdCLmwFsnEtH1lew", qop="auth"`; got != want {
				t.Errorf("WWW-Authenticate = %q, want %q", got, want)
			}
		})
	}
}

func TestEchoStreamAndXML(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	tests := []struct {
		path       string
		wantStatus int
		wantLines  int
	}{
		{"/stream/3?a=1", 200, 3},
		{"/stream/0", 200, 0},
		{"/stream/1000", 200, echoMaxStream},
		{"/stream/x", 400, -1},
		{"/stream/-1", 400, -1},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: tt.path})
			r.wantStatus(t, tt.wantStatus)
			if tt.wantLines < 0 {
				return
			}
			// A chunked answer has no Content-Length.
			if cl := r.header.Get("Content-Length"); tt.wantLines > 0 && cl != "" {
				t.Errorf("not chunked: Content-Length %s", cl)
			}
			lines := strings.Split(strings.TrimSuffix(string(r.body), "\n"), "\n")
			if tt.wantLines == 0 {
				lines = lines[:0]
				if len(r.body) != 0 {
					t.Errorf("body %q", r.body)
				}
			}
			if len(lines) != tt.wantLines {
				t.Fatalf("%d lines, want %d: %s", len(lines), tt.wantLines, r.body)
			}
			for _, l := range lines {
				var v map[string]any
				if err := json.Unmarshal([]byte(l), &v); err != nil || v["url"] != m.srv.URL+tt.path {
					t.Errorf("line %q: %v", l, err)
				}
			}
		})
	}
	t.Run("xml", func(t *testing.T) {
		t.Parallel()
		r := m.do(req{path: "/type/xml"})
		r.wantStatus(t, 200)
		if ct := r.header.Get("Content-Type"); ct != "application/xml; charset=utf-8" {
			t.Errorf("Content-Type %q", ct)
		}
		if !strings.Contains(string(r.body), "<foo>bar</foo>") {
			t.Errorf("body %s", r.body)
		}
	})
}

func TestEchoOptions(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	tests := []struct {
		path       string
		wantStatus int
		wantAllow  string
	}{
		{"/get", 200, "GET,HEAD"},
		{"/post", 200, "POST"},
		{"/status/200", 200, "GET,HEAD,POST,PUT,PATCH,DELETE"},
		{"/nope", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{method: "OPTIONS", path: tt.path})
			r.wantStatus(t, tt.wantStatus)
			if got := r.header.Get("Allow"); got != tt.wantAllow {
				t.Errorf("Allow = %q, want %q", got, tt.wantAllow)
			}
			if tt.wantStatus == 200 && string(r.body) != tt.wantAllow {
				t.Errorf("body = %q", r.body)
			}
		})
	}
}
