package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// echoServer answers every request with what it received, as JSON, and
// sets a cookie on /cookie.
func echoServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		out := map[string]any{
			"method": r.Method, "path": r.URL.Path, "query": r.URL.Query(),
			"contentType": r.Header.Get("Content-Type"), "header": r.Header.Get("X-Test"), "body": string(body),
		}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			r.Body = io.NopCloser(bytes.NewReader(body))
			if err := r.ParseMultipartForm(1 << 20); err == nil {
				out["form"] = r.MultipartForm.Value
			}
		}
		if r.URL.Path == "/cookie" {
			http.SetCookie(w, &http.Cookie{Name: "sent", Value: "by-server", Path: "/"})
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// sender is a minimal version of the runner's Send: enough of each body
// mode to check what the sandbox hands over.
type sender struct {
	mu   sync.Mutex
	sent []*collections.Request
}

func (s *sender) send(ctx context.Context, req *collections.Request) (*event.Response, error) {
	s.mu.Lock()
	s.sent = append(s.sent, req)
	s.mu.Unlock()
	var body io.Reader
	contentType := ""
	if b := req.Body; b != nil && !b.Disabled {
		switch b.Mode {
		case "raw":
			body = strings.NewReader(b.Raw)
		case "urlencoded":
			v := url.Values{}
			for _, p := range b.URLEncoded {
				if !p.Disabled {
					v.Add(p.Key, p.Value)
				}
			}
			body, contentType = strings.NewReader(v.Encode()), "application/x-www-form-urlencoded"
		case "formdata":
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			for _, p := range b.FormData {
				_ = mw.WriteField(p.Key, p.Value)
			}
			_ = mw.Close()
			body, contentType = &buf, mw.FormDataContentType()
		}
	}
	hreq, err := http.NewRequestWithContext(ctx, req.Method, req.URL.String(), body)
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		hreq.Header.Set("Content-Type", contentType)
	}
	for _, h := range req.Headers {
		if !h.Disabled {
			hreq.Header.Add(h.Key, h.Value)
		}
	}
	start := time.Now()
	resp, err := http.DefaultClient.Do(hreq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	out := &event.Response{Code: resp.StatusCode, Status: resp.Status, Body: data, BodySize: int64(len(data)), Time: time.Since(start)}
	keys := make([]string, 0, len(resp.Header))
	for k := range resp.Header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range resp.Header[k] {
			out.Headers = append(out.Headers, event.Header{Key: k, Value: v})
		}
	}
	return out, nil
}

func TestSendRequest(t *testing.T) {
	t.Parallel()
	srv := echoServer(t)
	tests := []struct {
		name, src string
		want      []string
	}{
		{"string url and callback", `
pm.sendRequest(base + "/echo?x=1", function (err, res) {
    console.log(err, res.code, res.status, res.json().method, res.json().query.x[0], typeof res.to);
});`, []string{"null | 200 | OK | GET | 1 | undefined"}},
		{"request object with header object and raw body", `
pm.sendRequest({url: base + "/raw", method: "post", header: {"X-Test": "h", "Content-Type": "text/plain"}, body: {mode: "raw", raw: "hello"}}, (err, res) => {
    var b = res.json(); console.log(b.method, b.header, b.contentType, b.body);
});`, []string{"POST | h | text/plain | hello"}},
		{"raw object body is sent as JSON", `
pm.sendRequest({url: base + "/json", method: "POST", header: [{key: "Content-Type", value: "application/json"}], body: {mode: "raw", raw: {credentials: {name: "n"}}}}, (err, res) => console.log(res.json().body));`,
			[]string{`{"credentials":{"name":"n"}}`}},
		{"urlencoded body", `
pm.sendRequest({url: base + "/form", method: "POST", body: {mode: "urlencoded", urlencoded: [{key: "a", value: "1"}, {key: "b", value: "x y"}, {key: "off", value: "z", disabled: true}]}}, (err, res) => console.log(res.json().body));`,
			[]string{"a=1&b=x+y"}},
		{"formdata body", `
pm.sendRequest({url: base + "/multi", method: "POST", body: {mode: "formdata", formdata: [{key: "f", value: "v", type: "text"}, {key: "file", src: "/etc/passwd", type: "file"}]}}, (err, res) => console.log(JSON.stringify(res.json().form)));`,
			[]string{`{"f":["v"]}`}},
		{"promise form", `
const res = await pm.sendRequest({url: base + "/p", method: "PUT"});
console.log(res.code, res.json().method);
pm.sendRequest(base + "/then").then(r => console.log("then", r.json().path));`, []string{"200 | PUT", "then | /then"}},
		// Newman's sendRequest response has no cookies; Set-Cookie is
		// in its headers.
		{"response cookies", `pm.sendRequest(base + "/cookie", (err, res) => console.log(res.cookies.get("sent"), res.headers.get("set-cookie")));`,
			[]string{"undefined | sent=by-server; Path=/"}},
		{"concurrent requests all complete", `
for (let i = 0; i < 5; i++) pm.sendRequest(base + "/n" + i, (err, res) => pm.test("req " + i, () => pm.expect(res.code).to.equal(200)));
console.log("sent");`, []string{"sent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := &sender{}
			sb := New(Options{Send: s.send, Timeout: 10 * time.Second})
			res := runWith(t, sb, newExec("test"), "var base = "+jsString(srv.URL)+";\n"+tt.src)
			diff(t, "logs", tt.want, mustPass(t, res))
		})
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestSendRequestErrors(t *testing.T) {
	t.Parallel()
	// Nothing listens on port 1; a just-closed httptest port could be
	// taken by a parallel test's server before the request is made.
	dead := "http://127.0.0.1:1"
	s := &sender{}
	sb := New(Options{Send: s.send, Timeout: 10 * time.Second})
	res := runWith(t, sb, newExec("test"), "var dead = "+jsString(dead)+`;
pm.sendRequest(dead, (err, res) => console.log(err instanceof Error, Object.prototype.toString.call(err), err.code, err.message, typeof res.code));
pm.sendRequest(dead).catch(e => console.log("rejected", e instanceof Error));
pm.sendRequest(null, (err) => console.log(err.message));`)
	// The two requests fail concurrently; their callbacks run in whichever
	// order the errors come back.
	got := mustPass(t, res)
	sort.Strings(got)
	// Newman's callback gets the error's own properties on a plain object
	// (no message); the promise, colrun's own, rejects with the Error.
	diff(t, "logs", []string{"false | [object Object] | ECONNREFUSED | undefined | undefined", "rejected | true", "sendrequest: nothing to request"}, got)

	// Without a request or a callback Newman does nothing: the promise
	// colrun returns rejects only for an await.
	res = runWith(t, sb, newExec("test"), `pm.sendRequest(); pm.sendRequest(""); console.log("went on");`)
	diff(t, "logs", []string{"went on"}, mustPass(t, res))

	noSend := New(Options{})
	res = runWith(t, noSend, newExec("test"), `pm.sendRequest("http://127.0.0.1:1/").catch((err) => console.log(err.message));`)
	diff(t, "logs", []string{"pm.sendRequest is not available in this run"}, mustPass(t, res))
}

// The request handed to Send is what the script described.
func TestSendRequestModel(t *testing.T) {
	t.Parallel()
	var got *collections.Request
	send := func(_ context.Context, req *collections.Request) (*event.Response, error) {
		got = req
		return &event.Response{Code: 204, Status: "204 No Content"}, nil
	}
	sb := New(Options{Send: send})
	mustPass(t, runWith(t, sb, newExec("test"), `pm.sendRequest({
    url: "https://{{host}}/api/:v/items?page=1&flag",
    method: "PATCH",
    header: [{key: "A", value: "1"}, {key: "B", value: "2", disabled: true}],
    body: {mode: "graphql", graphql: {query: "{ x }", variables: {a: 1}}}
}, () => {});`))
	one := "1"
	want := &collections.Request{
		Method: "PATCH",
		URL: collections.URL{
			Raw: "https://{{host}}/api/:v/items?page=1&flag", Protocol: "https", Host: []string{"{{host}}"},
			Path: []string{"api", ":v", "items"}, Query: []collections.QueryParam{{Key: "page", Value: &one}, {Key: "flag"}},
			Variables: []collections.Variable{{Key: "v"}},
		},
		Headers: []collections.Header{{Key: "A", Value: "1"}, {Key: "B", Value: "2", Disabled: true}},
		Body:    &collections.Body{Mode: "graphql", GraphQL: &collections.GraphQL{Query: "{ x }", Variables: `{"a":1}`, Literal: collections.GraphQLVariables}},
	}
	diff(t, "request", want, got)
}

func TestCookieJar(t *testing.T) {
	t.Parallel()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("http://cookies.example.test/path")
	jar.SetCookies(u, []*http.Cookie{{Name: "existing", Value: "e", Path: "/"}, {Name: "deep", Value: "d", Path: "/path"}})
	sb := New(Options{Jar: jar})
	res := runWith(t, sb, newExec("test"), `
const jar = pm.cookies.jar(), url = "http://cookies.example.test/path";
jar.get(url, "existing", (err, value) => {
    console.log("get", err, value);
    jar.set(url, "added", "a", (err, cookie) => {
        console.log("set", err, cookie.name, cookie.value);
        jar.set(url, {name: "obj", value: "o", path: "/"}, () => {
            jar.getAll(url, (err, cookies) => {
                console.log("all", cookies.count(), JSON.stringify(cookies.toObject()));
                jar.unset(url, "deep", (err) => {
                    console.log("unset", err);
                    jar.get(url, "deep", (err, v) => {
                        console.log("after unset", v);
                        jar.clear(url, () => jar.getAll(url, (err, c) => console.log("cleared", c.count())));
                    });
                });
            });
        });
    });
});
console.log("sync part done");
try { jar.get(url, "x"); } catch (e) { console.log(e.name, e.message); }`)
	diff(t, "logs", []string{
		"sync part done",
		"TypeError | CookieJar.get() requires a callback function",
		"get | null | e",
		"set | null | added | a",
		`all | 4 | {"deep":"d","existing":"e","added":"a","obj":"o"}`,
		"unset | null",
		"after unset | null",
		"cleared | 0",
	}, mustPass(t, res))
	if n := len(jar.Cookies(u)); n != 0 {
		t.Errorf("jar still holds %d cookies", n)
	}

	res = runWith(t, New(Options{}), newExec("test"), `pm.cookies.jar().get("http://x.test/", "a", (err) => console.log(err.message));`)
	diff(t, "logs", []string{"pm.cookies.jar() is not available in this run"}, mustPass(t, res))
}

type codedError struct{ code, msg string }

func (e *codedError) Error() string { return e.msg }
func (e *codedError) Code() string  { return e.code }

// A transport error that knows its Node code passes it to the script.
func TestSendRequestErrorCode(t *testing.T) {
	t.Parallel()
	send := func(context.Context, *collections.Request) (*event.Response, error) {
		return nil, fmt.Errorf("wrapped: %w", &codedError{"ETIMEDOUT", "ETIMEDOUT: no answer"})
	}
	res := runWith(t, New(Options{Send: send}), newExec("test"), `pm.sendRequest("http://x.test/", (err) => console.log(JSON.stringify(err)));
pm.sendRequest("http://x.test/").catch((err) => console.log(err.code, err.message));`)
	got := mustPass(t, res)
	sort.Strings(got)
	diff(t, "logs", []string{"ETIMEDOUT | wrapped: ETIMEDOUT: no answer", `{"code":"ETIMEDOUT"}`}, got)
}
