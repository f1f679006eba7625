package report_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// runItems runs a collection of the given items (JSON, each its own
// "item" entry) with the given collection-level members (auth,
// variables: JSON members with a trailing comma, or ""), against a
// server on 127.0.0.1 named by {{base}} (its URL), {{host}} (host and
// port) and {{port}}, and returns each execution's request as the JSON report lists it.
func runItems(t *testing.T, members string, items ...string) []map[string]json.RawMessage {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	doc := `{"info":{"name":"r","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},` + members +
		`"item":[` + strings.Join(items, ",") + `]}`
	host := strings.TrimPrefix(srv.URL, "http://")
	doc = strings.NewReplacer("{{base}}", srv.URL, "{{host}}", host, "{{port}}", host[strings.LastIndexByte(host, ':')+1:]).Replace(doc)
	out := reportOf(t, doc)
	var doc2 struct {
		Run struct {
			Executions []struct {
				Request map[string]json.RawMessage `json:"request"`
			} `json:"executions"`
		} `json:"run"`
	}
	if err := json.Unmarshal(out, &doc2); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	var reqs []map[string]json.RawMessage
	for _, x := range doc2.Run.Executions {
		reqs = append(reqs, x.Request)
	}
	return reqs
}

// reportOf runs the collection doc once, scripts on, and returns its JSON
// report.
func reportOf(t *testing.T, doc string) []byte {
	t.Helper()
	c, err := collections.ParseCollection("c.postman_collection.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return runCollection(t, c, 1)
}

// compact is raw without its indentation, members in the order written;
// "" for an absent member.
func compact(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	if raw == nil {
		return ""
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The JSON report's request.auth is the auth block as Newman 6.2.2's
// report lists it (colrun's had none): postman-collection's RequestAuth,
// its parameters {type, value, key} cast to their type, variables
// resolved; an inherited block (a folder's, the collection's, noauth too)
// once a response came, the request's own block otherwise ("inherit" and
// types no handler knows stay as written). The expected values are
// Newman's report of the same collections, but for one deliberate
// difference: passwords, secrets and private keys read "********".
func TestJSONRequestAuthAsNewman(t *testing.T) {
	t.Parallel()
	const colBearer = `"auth":{"type":"bearer","bearer":[{"key":"token","value":"coltok","type":"string"}]},`
	request := func(url, auth string) string {
		if auth != "" {
			auth = `,"auth":` + auth
		}
		return `{"name":"r","request":{"method":"GET","url":"` + url + `"` + auth + `}}`
	}
	folder := func(auth, item string) string {
		return `{"name":"f","auth":` + auth + `,"item":[` + item + `]}`
	}
	tests := []struct {
		name, members, item string
		want                string // "" for no auth member
	}{
		{"own, variable resolved", `"variable":[{"key":"tok","value":"secret"}],`,
			request("{{base}}/get", `{"type":"bearer","bearer":[{"key":"token","value":"{{tok}}","type":"string"}]}`),
			`{"type":"bearer","bearer":[{"type":"string","value":"secret","key":"token"}]}`},
		{"v2.0 object form", "",
			request("{{base}}/get", `{"type":"basic","basic":{"username":"a","password":"b"}}`),
			`{"type":"basic","basic":[{"type":"any","value":"a","key":"username"},{"type":"any","value":"********","key":"password"}]}`},
		{"typed values", "",
			request("{{base}}/get", `{"type":"apikey","apikey":[{"key":"key","value":"n","type":"string"},{"key":"value","value":5,"type":"number"},{"key":"extra","value":{"a":1},"type":"object"}]}`),
			`{"type":"apikey","apikey":[{"type":"string","value":"n","key":"key"},{"type":"number","value":5,"key":"value"},{"type":"object","value":"{\"a\":1}","key":"extra"}]}`},
		{"casts", "",
			request("{{base}}/get", `{"type":"noauth","noauth":[{"key":"s","value":[1,"x",null],"type":"string"},{"key":"o","value":{"a":1},"type":"string"},{"key":"b","value":"","type":"boolean"},{"key":"b2","value":"0","type":"BOOLEAN"},{"key":"n","value":" 7 ","type":"number"},{"key":"n2","value":"abc","type":"number"},{"key":"n3","value":true,"type":"number"},{"key":"a","value":[1,"x",null],"type":"array"},{"key":"a2","value":"abc","type":"array"},{"key":"any","value":{"a":1},"type":"secret"},{"key":"f","value":1.50}]}`),
			`{"type":"noauth","noauth":[{"type":"string","value":"1,x,","key":"s"},{"type":"string","value":"[object Object]","key":"o"},{"type":"boolean","value":false,"key":"b"},{"type":"boolean","value":true,"key":"b2"},{"type":"number","value":7,"key":"n"},{"type":"number","value":null,"key":"n2"},{"type":"number","value":1,"key":"n3"},{"type":"array","value":"[1,\"x\",null]","key":"a"},{"type":"array","value":"abc","key":"a2"},{"type":"any","value":{"a":1},"key":"any"},{"type":"any","value":1.5,"key":"f"}]}`},
		{"own noauth", colBearer, request("{{base}}/get", `{"type":"noauth"}`),
			`{"type":"noauth","noauth":[]}`},
		{"no parameters", "", request("{{base}}/get", `{"type":"bearer","bearer":null}`),
			`{"type":"bearer","bearer":[]}`},
		{"the collection's", colBearer, request("{{base}}/get", ""),
			`{"type":"bearer","bearer":[{"type":"string","value":"coltok","key":"token"}]}`},
		{"a folder's", colBearer, folder(`{"type":"basic","basic":[{"key":"username","value":"fu"},{"key":"password","value":"fp"}]}`, request("{{base}}/get", "")),
			`{"type":"basic","basic":[{"type":"any","value":"fu","key":"username"},{"type":"any","value":"********","key":"password"}]}`},
		{"a folder's noauth", colBearer, folder(`{"type":"noauth"}`, request("{{base}}/get", "")),
			`{"type":"noauth","noauth":[]}`},
		{"a folder's inherit", colBearer, folder(`{"type":"inherit"}`, request("{{base}}/get", "")), ""},
		{"a folder's unknown type", colBearer, folder(`{"type":"akamai","akamai":[{"key":"a","value":"b"}]}`, request("{{base}}/get", "")), ""},
		{"own inherit", colBearer, request("{{base}}/get", `{"type":"inherit"}`),
			`{"type":"inherit","inherit":[]}`},
		{"own unknown type", colBearer, request("{{base}}/get", `{"type":"akamai","akamai":[{"key":"x","value":"y"}]}`),
			`{"type":"akamai","akamai":[{"type":"any","value":"y","key":"x"}]}`},
		{"own null", colBearer, request("{{base}}/get", `null`),
			`{"type":"bearer","bearer":[{"type":"string","value":"coltok","key":"token"}]}`},
		{"refused, inherited", colBearer, request("http://127.0.0.1:1/x", ""), ""},
		{"refused, own", colBearer,
			request("http://127.0.0.1:1/x", `{"type":"basic","basic":[{"key":"username","value":"u","type":"string"},{"key":"password","value":"pw","type":"string"}]}`),
			`{"type":"basic","basic":[{"type":"string","value":"u","key":"username"},{"type":"string","value":"********","key":"password"}]}`},
		{"jwt secret", "",
			request("{{base}}/get", `{"type":"jwt","jwt":[{"key":"algorithm","value":"HS256","type":"string"},{"key":"secret","value":"jwt-secret","type":"string"},{"key":"payload","value":"{}","type":"string"}]}`),
			`{"type":"jwt","jwt":[{"type":"string","value":"HS256","key":"algorithm"},{"type":"string","value":"********","key":"secret"},{"type":"string","value":"{}","key":"payload"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			reqs := runItems(t, tt.members, tt.item)
			if len(reqs) != 1 {
				t.Fatalf("%d executions, want 1", len(reqs))
			}
			if got := compact(t, reqs[0]["auth"]); got != tt.want {
				t.Errorf("request.auth:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// A pm.sendRequest's entry lists the auth the script gave it, as
// Newman's does.
func TestJSONSendRequestAuth(t *testing.T) {
	t.Parallel()
	reqs := runItems(t, "", `{"name":"s","request":{"method":"GET","url":"{{base}}/get"},"event":[{"listen":"test","script":{"exec":[
		"pm.sendRequest({url: '{{base}}/get', auth: {type: 'bearer', bearer: [{key: 'token', value: 'sr'}]}}, () => {});"]}}]}`)
	want := `{"type":"bearer","bearer":[{"type":"any","value":"sr","key":"token"}]}`
	var got []string
	for _, r := range reqs {
		got = append(got, compact(t, r["auth"]))
	}
	if d := cmp.Diff([]string{want, want}, got); d != "" {
		t.Errorf("request.auth of the entries (-Newman +colrun):\n%s", d)
	}
}

// A graphql body is listed as the collection gives it, as in Newman 6.2.2's
// report: query, operationName and variables in that order, each only when
// given, with its JSON type (colrun left operationName out, wrote
// variables given as an object as a string and a missing query as "").
// The expected values are Newman's report of the same bodies.
func TestJSONRequestGraphQLAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, graphql, want string
	}{
		{"fields reordered", "POST", `{"variables":"{\"a\":1}","query":"{ a }","operationName":"Op"}`,
			`{"query":"{ a }","operationName":"Op","variables":"{\"a\":1}"}`},
		{"variables as an object, resolved", "POST", `{"query":"{ a }","variables":{"x":"{{v}}","n":5,"nested":{"y":[1,"{{v}}"]}}}`,
			`{"query":"{ a }","variables":{"x":"VV","n":5,"nested":{"y":[1,"VV"]}}}`},
		{"variables null", "POST", `{"query":"{ a }","variables":null}`, `{"query":"{ a }","variables":null}`},
		{"variables a list", "POST", `{"query":"{ a }","variables":[1,2]}`, `{"query":"{ a }","variables":[1,2]}`},
		{"query a number", "POST", `{"query":5}`, `{"query":5}`},
		{"no query", "POST", `{"variables":"{}"}`, `{"variables":"{}"}`},
		{"operationName resolved", "POST", `{"query":"{ a }","operationName":"{{v}}"}`, `{"query":"{ a }","operationName":"VV"}`},
		{"operationName null", "POST", `{"query":"{ a }","operationName":null}`, `{"query":"{ a }","operationName":null}`},
		{"empty strings", "POST", `{"query":"{ a }","operationName":"","variables":""}`, `{"query":"{ a }","operationName":"","variables":""}`},
		{"other members dropped", "POST", `{"query":"{ a }","extra":"x"}`, `{"query":"{ a }"}`},
		{"a string", "POST", `"{ a }"`, `{}`},
		{"pruned from a GET", "GET", `{"query":"{ a }","variables":{"z":1},"operationName":"{{v}}"}`, `{"query":"{ a }","operationName":"VV","variables":{"z":1}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			reqs := runItems(t, `"variable":[{"key":"v","value":"VV"}],`,
				`{"name":"g","request":{"method":"`+tt.method+`","url":"{{base}}/post","body":{"mode":"graphql","graphql":`+tt.graphql+`}}}`)
			var body struct {
				Mode    string          `json:"mode"`
				GraphQL json.RawMessage `json:"graphql"`
			}
			if err := json.Unmarshal(reqs[0]["body"], &body); err != nil {
				t.Fatal(err)
			}
			if got := compact(t, body.GraphQL); body.Mode != "graphql" || got != tt.want {
				t.Errorf("body (mode %q) graphql:\n got %s\nwant %s", body.Mode, got, tt.want)
			}
		})
	}
}

var portMember = regexp.MustCompile(`"port":"\d+"`)

// request.url is Newman 6.2.2's Url object: no raw string (colrun added
// one), user information as sent under auth (colrun had none), and a URL
// ending in a bare "#" keeps an empty hash (colrun dropped it). The
// expected values are Newman's report of the same URLs, the server's port
// written P.
func TestJSONRequestURLAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, url, want string
	}{
		{"plain", "{{base}}/get",
			`{"protocol":"http","port":"P","path":["get"],"host":["127","0","0","1"],"query":[],"variable":[]}`},
		{"empty hash", "{{base}}/get#",
			`{"protocol":"http","port":"P","path":["get"],"hash":"","host":["127","0","0","1"],"query":[],"variable":[]}`},
		{"empty hash after ?", "{{base}}/get?a=1#",
			`{"protocol":"http","port":"P","path":["get"],"hash":"","host":["127","0","0","1"],"query":[{"key":"a","value":"1"}],"variable":[]}`},
		{"hash", "{{base}}/get?a=1&b#frag",
			`{"protocol":"http","port":"P","path":["get"],"hash":"frag","host":["127","0","0","1"],"query":[{"key":"a","value":"1"},{"key":"b","value":null}],"variable":[]}`},
		{"hash with #", "{{base}}/get#a#b",
			`{"protocol":"http","port":"P","path":["get"],"hash":"a#b","host":["127","0","0","1"],"query":[],"variable":[]}`},
		{"user and password", "http://u:p@{{host}}/get",
			`{"auth":{"user":"u","password":"p"},"protocol":"http","port":"P","path":["get"],"host":["127","0","0","1"],"query":[],"variable":[]}`},
		{"user only", "http://u@{{host}}/get",
			`{"auth":{"user":"u"},"protocol":"http","port":"P","path":["get"],"host":["127","0","0","1"],"query":[],"variable":[]}`},
		{"user information encoded as sent", "http://a@b:p q@{{host}}/get",
			`{"auth":{"user":"a%40b","password":"p%20q"},"protocol":"http","port":"P","path":["get"],"host":["127","0","0","1"],"query":[],"variable":[]}`},
		{"refused, empty hash", "http://127.0.0.1:1/x#",
			`{"protocol":"http","port":"1","path":["x"],"hash":"","host":["127","0","0","1"],"query":[],"variable":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			reqs := runItems(t, "", `{"name":"u","request":{"method":"GET","url":"`+tt.url+`"}}`)
			got := compact(t, reqs[0]["url"])
			if !strings.Contains(tt.url, ":1/") {
				got = portMember.ReplaceAllString(got, `"port":"P"`)
			}
			if got != tt.want {
				t.Errorf("request.url:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// A form-data file part is listed as Newman 6.2.2 lists it: one that
// cannot be read is disabled, a src keeps the collection's shape (null,
// [], ""), and a file part sent without a file gets fileName "", which
// postman-runtime sets to send filename="" (colrun dropped null, [] and
// "" and had no fileName). The expected values are Newman's report of the
// same bodies (their member order aside: Newman puts the disabled it sets
// last).
func TestJSONFormDataFilesAsNewman(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("hi"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "nope.txt")
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	tests := []struct {
		name, formdata, want string
	}{
		{"unreadable file disabled", `[{"key":"f","type":"file","src":` + q(missing) + `},{"key":"t","value":"v","type":"text"}]`,
			`[{"key":"f","type":"file","src":` + q(missing) + `,"disabled":true},{"key":"t","value":"v","type":"text"}]`},
		{"parts without a file", `[{"key":"f","type":"file","src":null},{"key":"g","type":"file","src":[],"value":""},{"key":"h","type":"file","src":""},{"key":"i","type":"file"}]`,
			`[{"key":"f","type":"file","src":null,"fileName":""},{"key":"g","type":"file","src":[],"fileName":""},{"key":"h","type":"file","src":"","fileName":""},{"key":"i","type":"file","fileName":""}]`},
		{"a list with an unreadable file", `[{"key":"f","type":"file","src":[` + q(a) + `,` + q(missing) + `,` + q(b) + `]}]`,
			`[{"key":"f","type":"file","src":` + q(a) + `},{"key":"f","type":"file","src":` + q(b) + `}]`},
		{"member order", `[{"contentType":"text/y","type":"text","value":"v2","key":"t2","description":"d2"},{"key":"f","type":"file","src":` + q(a) + `,"contentType":"text/z","description":"fd","disabled":true}]`,
			`[{"description":{"content":"d2","type":"text/plain"},"key":"t2","value":"v2","type":"text","contentType":"text/y"},{"disabled":true,"description":{"content":"fd","type":"text/plain"},"key":"f","type":"file","src":` + q(a) + `,"contentType":"text/z"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			reqs := runItems(t, "", `{"name":"f","request":{"method":"POST","url":"{{base}}/post","body":{"mode":"formdata","formdata":`+tt.formdata+`}}}`)
			var body struct {
				FormData json.RawMessage `json:"formdata"`
			}
			if err := json.Unmarshal(reqs[0]["body"], &body); err != nil {
				t.Fatal(err)
			}
			var got, want any
			if err := json.Unmarshal(body.FormData, &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("body.formdata (-Newman +colrun):\n%s", d)
			}
			if tt.name == "member order" {
				if got := compact(t, body.FormData); got != tt.want {
					t.Errorf("body.formdata:\n got %s\nwant %s", got, tt.want)
				}
			}
		})
	}
}

// Newman's response has an id (a UUID) before its status; colrun's had
// none. A body without a mode is listed as {}, as in Newman (colrun wrote
// "mode": "").
func TestJSONResponseIDAndModelessBody(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(srv.Close)
	out := reportOf(t, `{"info":{"name":"i","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"a","request":{"method":"POST","url":"`+srv.URL+`/a","body":{"raw":"x"}}}]}`)
	var rep struct {
		Run struct {
			Executions []struct {
				Request struct {
					Body json.RawMessage `json:"body"`
				} `json:"request"`
				Response json.RawMessage `json:"response"`
			} `json:"executions"`
		} `json:"run"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	x := rep.Run.Executions[0]
	wantKeys := []string{"id", "status", "code", "header", "stream", "cookie", "responseTime", "responseSize"}
	if d := cmp.Diff(wantKeys, keys(t, x.Response)); d != "" {
		t.Errorf("response members (-Newman +colrun):\n%s", d)
	}
	var resp struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(x.Response, &resp); err != nil || !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).MatchString(resp.ID) {
		t.Errorf("response.id = %q (%v), want a UUID", resp.ID, err)
	}
	if got := compact(t, x.Request.Body); got != `{}` {
		t.Errorf("request.body = %s, want {}", got)
	}
}
