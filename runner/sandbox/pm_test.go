package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// expectLogs runs src and compares its console output with want.
func expectLogs(t *testing.T, exec *Execution, src string, want []string) Result {
	t.Helper()
	res := run(t, exec, src)
	diff(t, "logs", want, mustPass(t, res))
	return res
}

func TestResponse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string
	}{
		{"status", `console.log(pm.response.code, pm.response.status, pm.response.reason(), pm.response.responseTime, pm.response.responseSize);`,
			[]string{"200 | OK | OK | 42 | 108"}},
		{"own keys in Postman's order", `console.log(JSON.stringify(Object.keys(pm.response)));`,
			[]string{`["id","_details","status","code","headers","stream","cookies","responseTime","responseSize"]`}},
		{"details", `console.log(JSON.stringify(pm.response.details()));`,
			[]string{`{"name":"OK","detail":"Standard response for successful HTTP requests. The actual response will depend on the request method used. In a GET request, the response will contain an entity corresponding to the requested resource. In a POST request the response will contain an entity describing or containing the result of the action.","code":200,"standardName":"OK"}`}},
		// id and _details are built on first read (response.go); as in
		// Newman they are then plain data properties.
		{"id and _details once read", `var r = pm.response;
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id), r.id === r.id, r._details === r._details, r._details.code);
var d = Object.getOwnPropertyDescriptor(r, '_details'); console.log(d.writable, d.enumerable, d.configurable, typeof d.get);
r._details = null; console.log(JSON.stringify(r.details()) === JSON.stringify(r._details), JSON.stringify(Object.keys(r)));`,
			[]string{"true | true | true | 200", "true | true | true | undefined",
				`true | ["id","_details","status","code","headers","stream","cookies","responseTime","responseSize"]`}},
		{"header lookups", `var h = pm.response.headers;
console.log(h.get('content-type'), h.get('X-MULTI'), h.has('x-multi'), h.has('x-multi', 'one'), h.has('nope'), h.count(), h.all().length);
console.log(JSON.stringify(h.toObject()), JSON.stringify(h.one('x-multi')), h.idx(0).key, h.indexOf('content-length'));
var keys = []; h.each(function (x) { keys.push(x.key); }); console.log(keys.join());
console.log(JSON.stringify(h.toJSON()));`,
			[]string{
				"application/json; charset=utf-8 | two | true | true | false | 4 | 4",
				`{"content-type":"application/json; charset=utf-8","x-multi":["one","two"],"content-length":"108"} | {"key":"X-Multi","value":"two"} | Content-Type | 3`,
				"Content-Type,X-Multi,X-Multi,Content-Length",
				`[{"key":"Content-Type","value":"application/json; charset=utf-8"},{"key":"X-Multi","value":"one"},{"key":"X-Multi","value":"two"},{"key":"Content-Length","value":"108"}]`,
			}},
		{"Object.values of the header list is its members", `
var members = Object.values(pm.response.headers)[0];
console.log(Array.isArray(members), members.length, JSON.stringify(Object.keys(pm.response.headers)));
for (const [i, h] of Object.entries(members)) { if (h.key.toLowerCase() === 'content-type') console.log(i, h.value); }`,
			[]string{`true | 4 | ["members","reference","Type","_postman_listIndexKey","_postman_listIndexCaseInsensitive","_postman_listAllowsMultipleValues"]`, "0 | application/json; charset=utf-8"}},
		{"body", `console.log(pm.response.text().length, pm.response.json().items[1].name, pm.response.json().nested.deep.value);`,
			[]string{"108 | b | true"}},
		{"size and content info", `console.log(JSON.stringify(pm.response.size()), JSON.stringify(pm.response.contentInfo()), pm.response.dataURI().slice(0, 49));`,
			[]string{`{"body":108,"header":115,"total":223} | {"contentType":"application/json","mimeType":"text","mimeFormat":"json","charset":"utf8","fileExtension":"json","fileName":"response.json"} | data:application/json;base64, eyJzdGF0dXMiOiJvayI`}},
		{"discontinued methods throw postman-collection's words", `for (const f of [() => pm.response.mime(), () => pm.request.url.getRaw()]) { try { f(); } catch (e) { console.log(e.message); } }`,
			[]string{"`Response#mime` has been discontinued, use `Response#contentInfo` instead.", "`Url#getRaw` has been discontinued, use `Url#toString` instead."}},
		{"stream is a Buffer of the body", `console.log(pm.response.stream.length, pm.response.stream.toString('utf8', 0, 11));`,
			[]string{`108 | {"status":"`}},
		// Go keeps the body, found from the object itself: Newman
		// 6.2.2's pm.response has no symbol keys either, and an object
		// inheriting from it, or a frozen one, still reads the body.
		{"no symbol keys; body read through inheritance and freezing", `var r = pm.response, o = Object.create(r);
console.log(Object.getOwnPropertySymbols(r).length, Object.getOwnPropertySymbols(Object.getPrototypeOf(r)).length);
console.log(o.text().length, o.json().items[1].name, o.stream.length, o.hasOwnProperty('stream'), o.size().body, JSON.stringify(o.encoding()));
Object.freeze(r); console.log(r.json().items[1].name, r.stream.length, r.text() === r.text(), r.dataURI().length);`,
			[]string{"0 | 0", `108 | b | 108 | false | 108 | {}`, "b | 108 | true | 174"}},
		{"chai-postman on pm.response", `
pm.test("ok", () => { pm.response.to.have.status(200); pm.response.to.be.ok; pm.response.to.be.success; pm.response.to.be.json; });
pm.test("header", () => pm.response.to.have.header("X-Multi"));
pm.test("jsonBody", () => pm.response.to.have.jsonBody("items"));
pm.test("expect form", () => pm.expect(pm.response).to.have.status(200));
pm.test("wrong status", () => pm.response.to.have.status(404));
pm.response.to.not.be.error;
console.log("done");`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := run(t, newExec("test"), tt.src)
			if res.Error != nil {
				t.Fatalf("script error: %v", res.Error)
			}
			if tt.want == nil {
				diff(t, "assertions", []outcome{{Name: "ok"}, {Name: "header"}, {Name: "jsonBody"}, {Name: "expect form"},
					{Name: "wrong status", Err: "AssertionError: expected response to have status code 404 but got 200"}}, outcomes(res))
				return
			}
			diff(t, "logs", tt.want, logs(res))
		})
	}
}

func TestResponseJSONErrors(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	exec.Response = &event.Response{Code: 200, Status: "200 OK", Headers: []event.Header{{Key: "Content-Type", Value: "text/html"}}, Body: []byte("<html>hi</html>")}
	res := run(t, exec, `try { pm.response.json(); } catch (e) { console.log(e.name, e.message); }
pm.test("json assertion", () => pm.response.to.be.json);`)
	diff(t, "logs", []string{"JSONError | Unexpected token '<' at 1:1\n<html>hi</html>\n^"}, logs(res))
	diff(t, "assertions", []outcome{{Name: "json assertion", Err: "AssertionError: expected response body to be a valid json but got error Unexpected token '<' at 1:1"}}, outcomes(res))
}

func TestResponseCharset(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	exec.Response = &event.Response{Code: 200, Headers: []event.Header{{Key: "Content-Type", Value: "text/plain; charset=ISO-8859-1"}}, Body: []byte{'c', 'a', 'f', 0xe9}}
	expectLogs(t, exec, `console.log(pm.response.text(), pm.response.text().length);`, []string{"café | 4"})
}

// A failed request still runs test scripts, with an empty response, as
// Newman does; a pre-request script has no pm.response at all.
func TestResponseAbsent(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	exec.Response = nil
	expectLogs(t, exec, `console.log(typeof pm.response, pm.response.code, pm.response.headers.count(), String(responseBody));
try { pm.response.json(); } catch (e) { console.log(e.name, e.message); }`,
		[]string{"object | undefined | 0 | undefined", `JSONError | "undefined" is not valid JSON`})
	expectLogs(t, newExec("prerequest"), `console.log(typeof pm.response, typeof responseBody, typeof responseCode);`,
		[]string{"undefined | undefined | undefined"})
}

func TestCookies(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	exec.Cookies = []*http.Cookie{
		{Name: "session", Value: "abc", Path: "/", HttpOnly: true},
		{Name: "pref", Value: "a b", Domain: "example.test", Expires: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)},
	}
	res := run(t, exec, `
console.log(pm.cookies.get('session'), pm.cookies.has('pref'), pm.cookies.count(), JSON.stringify(pm.cookies.toObject()));
var c = pm.cookies.one('pref');
console.log(c.name, c.value, c.domain, c.hostOnly, c.expires.toISOString(), pm.cookies.one('session').httpOnly);
console.log(pm.response.cookies.get('session'), postman.getResponseCookie('session').value, responseCookies.length);`)
	mustPass(t, res)
	diff(t, "logs", []string{
		`abc | true | 2 | {"session":"abc","pref":"a b"}`,
		"pref | a%20b | example.test | false | 2030-01-02T03:04:05.000Z | true",
		// pm.response.cookies is empty in Newman 6.2.2.
		"undefined | abc | undefined",
	}, logsAt(res, "log"))
}

// TestCookieAttributes checks pm.cookies against what Newman 6.2.2 showed
// for the same Set-Cookie lines from a server on 127.0.0.1 (the runner
// fills in the host and default path, as here): every attribute is there,
// a session cookie expires null, a cookie without a Domain attribute is
// host-only (its toString names no domain), and there is no session flag.
func TestCookieAttributes(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	for _, line := range []string{"a=1; Path=/; HttpOnly", "c=3; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Secure; SameSite=Lax", "d=dom; Domain=127.0.0.1; Path=/set"} {
		c, err := http.ParseSetCookie(line)
		if err != nil {
			t.Fatal(err)
		}
		c.Domain = strings.TrimPrefix(c.Domain, ".")
		if c.Domain == "" {
			c.Domain = "127.0.0.1"
		}
		if c.Path == "" {
			c.Path = "/"
		}
		exec.Cookies = append(exec.Cookies, c)
	}
	res := run(t, exec, `for (const c of pm.cookies.all()) { console.log(JSON.stringify(c), c.toString()); }
console.log(JSON.stringify(responseCookies.map(c => c.hostOnly)), typeof pm.cookies.one('a').expires, pm.response.cookies.count());`)
	mustPass(t, res)
	diff(t, "logs", []string{
		`{"name":"a","expires":null,"maxAge":0,"domain":"127.0.0.1","path":"/","secure":false,"httpOnly":true,"hostOnly":true,"value":"1"} | a=1; Path=/; HttpOnly`,
		`{"name":"c","expires":"2099-10-21T07:28:00.000Z","maxAge":0,"domain":"127.0.0.1","path":"/","secure":true,"httpOnly":false,"hostOnly":true,"value":"3"} | c=3; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/; Secure`,
		`{"name":"d","expires":null,"maxAge":0,"domain":"127.0.0.1","path":"/set","secure":false,"httpOnly":false,"hostOnly":false,"value":"dom"} | d=dom; Domain=127.0.0.1; Path=/set`,
		"[true,true,false] | object | 0",
	}, logsAt(res, "log"))
}

func TestRequestReading(t *testing.T) {
	t.Parallel()
	exec := newExec("prerequest")
	exec.Request.URL.Variables = []collections.Variable{{Key: "id", Value: "42"}}
	expectLogs(t, exec, `
var u = pm.request.url;
console.log(u.toString(), u.getPath(), u.getPath(true), u.getQueryString(), u.getHost(), u.getRemote(), u.getPathWithQuery(), u.getOAuth1BaseUrl());
console.log(JSON.stringify(Object.keys(u)), JSON.stringify(u.query.toObject()), u.query.get('page'), u.query.has('flag'), u.query.count(), u.variables.get('id'));
console.log(pm.request.method, JSON.stringify(Object.keys(pm.request)), pm.request.headers.get('accept'), pm.request.headers.count(), JSON.stringify(pm.request.getHeaders({enabled: true})));
console.log(pm.request.url.protocol, pm.request.url.port, JSON.stringify(pm.request.url.host), JSON.stringify(pm.request.url.path), pm.request.url.hash);`,
		[]string{
			"https://api.example.test:8443/v1/items/42?page=2&size=10&flag&off=1#frag | /v1/items/42 | /v1/items/:id | page=2&size=10&flag&off=1 | api.example.test | api.example.test:8443 | /v1/items/42?page=2&size=10&flag&off=1 | https://api.example.test:8443/v1/items/42",
			`["auth","protocol","port","path","hash","host","query","variables"] | {"page":"2","size":"10","flag":"","off":"1"} | 2 | true | 4 | 42`,
			`GET | ["url","headers","method"] | application/json | 2 | {"Accept":"application/json"}`,
			`https | 8443 | ["api","example","test"] | ["v1","items",":id"] | frag`,
		})
}

func TestRequestChangesAreSent(t *testing.T) {
	t.Parallel()
	exec := newExec("prerequest")
	mustPass(t, run(t, exec, `
pm.request.url.query.add({key: 'added', value: 'a b'});
pm.request.url.query.upsert({key: 'page', value: '3'});
pm.request.url.query.remove('size');
pm.request.addQueryParams('extra=1');
pm.request.headers.add({key: 'X-New', value: 'n'});
pm.request.headers.upsert({key: 'accept', value: 'text/plain'});
pm.request.upsertHeader({key: 'X-Other', value: 'o'});
pm.request.removeHeader('X-Other');
pm.request.method = 'post';
pm.request.body = {mode: 'raw', raw: JSON.stringify({hello: 'world'}), options: {raw: {language: 'json'}}};`))
	page, added, extra := "3", "a b", "1"
	want := &collections.Request{
		Method: "POST",
		URL: collections.URL{
			Raw:      "https://api.example.test:8443/v1/items/:id?page=3&flag&off=1&added=a b&extra=1#frag",
			Protocol: "https", Host: []string{"api", "example", "test"}, Port: "8443", Path: []string{"v1", "items", ":id"},
			Query: []collections.QueryParam{{Key: "page", Value: &page}, {Key: "flag"}, {Key: "off", Value: ptr("1")}, {Key: "added", Value: &added}, {Key: "extra", Value: &extra}},
			Hash:  "frag", Variables: []collections.Variable{{Key: "id"}},
		},
		Headers: []collections.Header{{Key: "accept", Value: "text/plain"}, {Key: "X-Disabled", Value: "no", Disabled: true}, {Key: "X-New", Value: "n"}},
		Body:    &collections.Body{Mode: "raw", Raw: `{"hello":"world"}`, Language: "json"},
	}
	diff(t, "request", want, exec.Request)
}

func ptr(s string) *string { return &s }

// Reading pm.request without changing it leaves every part of the request
// exactly as the collection gave it.
func TestRequestUntouched(t *testing.T) {
	t.Parallel()
	exec := newExec("prerequest")
	exec.Request.Body = &collections.Body{Mode: "formdata", FormData: []collections.FormParam{{Key: "f", Type: "file", Src: []string{"a.txt"}}, {Key: "t", Value: "v", Type: "text"}}}
	exec.Request.Auth = &collections.Auth{Type: "bearer", Params: []collections.AuthParam{{Key: "token", Value: "{{tok}}"}}}
	orig := exec.Request.Clone()
	mustPass(t, run(t, exec, `var x = pm.request.url.toString() + JSON.stringify(pm.request.toJSON()) + request.url; pm.request.headers.get('accept');`))
	diff(t, "request", orig, exec.Request)
}

func TestRequestURLReplaced(t *testing.T) {
	t.Parallel()
	exec := newExec("prerequest")
	mustPass(t, run(t, exec, `pm.request.url = "http://other.test/a/b?q=1"; pm.request.body = undefined;`))
	diff(t, "url", collections.ParseURL("http://other.test/a/b?q=1").String(), exec.Request.URL.String())
	if exec.Request.Body != nil {
		t.Errorf("body = %+v, want none", exec.Request.Body)
	}
	exec = newExec("prerequest")
	exec.Request.Body = &collections.Body{Mode: "urlencoded", URLEncoded: []collections.FormParam{{Key: "a", Value: "1"}}}
	mustPass(t, run(t, exec, `pm.request.body.urlencoded.add({key: 'b', value: '2'}); console.log(pm.request.body.toString());`))
	diff(t, "body", []collections.FormParam{{Key: "a", Value: "1"}, {Key: "b", Value: "2"}}, exec.Request.Body.URLEncoded)
}

// Test scripts see the request, but changes made there are not written back.
func TestRequestInTestScriptNotWrittenBack(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	orig := exec.Request.Clone()
	mustPass(t, run(t, exec, `pm.request.method = 'DELETE'; pm.request.headers.add({key: 'X', value: 'y'});`))
	diff(t, "request", orig, exec.Request)
}

func TestVariables(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	sc := exec.Scopes
	sc.Globals.Set("g", "global")
	sc.Globals.Set("shadowed", "from-globals")
	sc.Collection = variables.NewScope("collection", []collections.Variable{{Key: "typed", Value: "1", Type: "string"}, {Key: "c", Value: "coll"}})
	sc.Environment.Set("shadowed", "from-env")
	sc.Environment.Set("num", json.Number("5"))
	sc.Data.Set("d", "data")
	res := expectLogs(t, exec, `
console.log(pm.variables.get("shadowed"), pm.variables.get("g"), pm.variables.get("c"), pm.variables.get("d"), typeof pm.environment.get("num"));
pm.variables.set("local", "L");
pm.environment.set("obj", {a: [1, {b: true}]});
pm.environment.set("int", 7);
pm.environment.set("float", 1.5);
pm.collectionVariables.set("typed", 42);
pm.globals.set("later", "x");
console.log(typeof pm.collectionVariables.get("typed"), JSON.stringify(pm.environment.get("obj")), pm.environment.has("obj"), pm.environment.has("nope"), pm.variables.has("g"));
console.log(pm.variables.replaceIn("{{shadowed}}/{{local}}/{{missing}}"), pm.environment.replaceIn("{{shadowed}}/{{g}}"), pm.variables.replaceIn("{{$guid}}").length);
console.log(JSON.stringify(pm.environment.replaceIn({x: "{{num}}", y: ["{{shadowed}}"]})));
console.log(JSON.stringify(pm.variables.toObject()));
pm.globals.unset("g");
console.log(pm.globals.has("g"), pm.iterationData.get("d"), JSON.stringify(pm.iterationData.toObject()));
pm.environment.clear();
console.log(JSON.stringify(pm.environment.toObject()));`,
		[]string{
			"from-env | global | coll | data | number",
			`string | {"a":[1,{"b":true}]} | true | false | true`,
			"from-env/L/{{missing}} | from-env/{{g}} | 36",
			`{"x":"5","y":["from-env"]}`,
			`{"g":"global","shadowed":"from-env","later":"x","typed":"42","c":"coll","num":5,"obj":{"a":[1,{"b":true}]},"int":7,"float":1.5,"d":"data","local":"L"}`,
			`false | data | {"d":"data"}`,
			`{}`,
		})
	_ = res
	if v, _ := sc.Local.Get("local"); v != "L" {
		t.Errorf("pm.variables.set wrote %v to the local scope, want L", v)
	}
	if v, _ := sc.Collection.Get("typed"); v != "42" {
		t.Errorf("typed collection variable = %#v, want the string 42", v)
	}
	if v, _ := sc.Globals.Get("later"); v != "x" {
		t.Errorf("globals later = %#v", v)
	}
	if sc.Environment.Len() != 0 {
		t.Errorf("environment not cleared: %+v", sc.Environment.Entries())
	}
}

func TestVariableValuesStoredAsGo(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	mustPass(t, run(t, exec, `pm.environment.set("int", 7); pm.environment.set("f", 0.5); pm.environment.set("b", true);
pm.environment.set("obj", {a: [1, "x", null], d: new Date(0), fn: function () {}});
pm.environment.set("n", null); pm.environment.set("s", "str");`))
	want := map[string]any{
		"int": int64(7), "f": 0.5, "b": true, "n": nil, "s": "str",
		"obj": map[string]any{"a": []any{int64(1), "x", nil}, "d": "1970-01-01T00:00:00.000Z"},
	}
	got := map[string]any{}
	for _, e := range exec.Scopes.Environment.Entries() {
		got[e.Key] = e.Value
	}
	diff(t, "environment", want, got)
}

func TestInfoAndExecution(t *testing.T) {
	t.Parallel()
	res := expectLogs(t, newExec("prerequest"), `
console.log(pm.info.eventName, pm.info.iteration, pm.info.iterationCount, pm.info.requestName, pm.info.requestId, JSON.stringify(pm.info));
console.log(JSON.stringify(pm.execution.location), pm.execution.location.current, iteration);
pm.execution.setNextRequest("Other");`,
		[]string{"prerequest | 1 | 3 | Get items | req-1 | {}", `["Coll","Folder","Get items"] | Get items | 1`})
	diff(t, "next request", &NextRequest{Name: "Other"}, res.NextRequest)
}

func TestNextRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want *NextRequest
	}{
		{`pm.execution.setNextRequest("by name");`, &NextRequest{Name: "by name"}},
		{`pm.execution.setNextRequest(null);`, &NextRequest{Stop: true}},
		{`pm.execution.setNextRequest("dropped"); pm.execution.setNextRequest(undefined);`, nil},
		{`postman.setNextRequest("legacy");`, &NextRequest{Name: "legacy"}},
		{`postman.setNextRequest("first"); pm.execution.setNextRequest("last");`, &NextRequest{Name: "last"}},
		{`setTimeout(() => postman.setNextRequest(null), 1);`, &NextRequest{Stop: true}},
		{`pm.test("x", () => {});`, nil},
	}
	for _, tt := range tests {
		res := run(t, newExec("test"), tt.src)
		diff(t, tt.src, tt.want, res.NextRequest)
	}
}

func TestSkipRequest(t *testing.T) {
	t.Parallel()
	// The script ends at the call, as postman-sandbox ends it: nothing
	// after it runs, and the error it would throw is not the script's.
	res := run(t, newExec("prerequest"), `pm.test("before", () => {}); setTimeout(() => console.log("cancelled"), 1); pm.execution.skipRequest(); console.log("the rest does not run"); throw new Error("nor this");`)
	mustPass(t, res)
	if !res.SkipRequest {
		t.Error("SkipRequest not set")
	}
	diff(t, "logs", []string(nil), logs(res))
	res = run(t, newExec("test"), `pm.execution.skipRequest();`)
	if res.Error == nil || res.Error.Message != "pm.execution.skipRequest is not a function" || res.SkipRequest {
		t.Errorf("skipRequest in a test script: %+v", res)
	}
}

func TestLegacySandbox(t *testing.T) {
	t.Parallel()
	exec := newExec("test")
	exec.Scopes.Environment.Set("e", "env")
	exec.Scopes.Globals.Set("g", "glob")
	exec.Scopes.Data.Set("d", "row")
	res := run(t, exec, `
console.log(responseBody.length, JSON.stringify(responseCode), responseTime, JSON.stringify(responseHeaders), iteration);
console.log(environment.e, globals.g, data.d, request.method, request.url, JSON.stringify(request.headers), request.name, request.id);
postman.setEnvironmentVariable("set", 5);
postman.setGlobalVariable("gset", true);
console.log(postman.getEnvironmentVariable("set"), environment.set, typeof postman.getGlobalVariable("gset"), postman.getResponseHeader("x-multi"));
postman.clearEnvironmentVariable("e");
postman.clearGlobalVariable("g");
console.log(postman.getEnvironmentVariable("e"), environment.e, postman.getGlobalVariable("g"));
tests["from legacy"] = true;`)
	mustPass(t, res)
	diff(t, "logs", []string{
		`108 | {"name":"OK","detail":"Standard response for successful HTTP requests. The actual response will depend on the request method used. In a GET request, the response will contain an entity corresponding to the requested resource. In a POST request the response will contain an entity describing or containing the result of the action.","code":200,"standardName":"OK"} | 42 | {"Content-Type":"application/json; charset=utf-8","X-Multi":"two","Content-Length":"108"} | 1`,
		`env | glob | row | GET | https://api.example.test:8443/v1/items/:id?page=2&size=10&flag&off=1#frag | {"accept":"application/json"} | Get items | req-1`,
		"5 | 5 | string | two",
		"undefined | undefined | undefined",
	}, logsAt(res, "log"))
	// Postman warns once per script and legacy name, when the global is
	// used (not when it is merely named).
	diff(t, "warnings", []string{
		`Using "responseCode" is deprecated. Use "pm.response.code" instead.`,
		`Using "responseHeaders" is deprecated. Use "pm.response.headers" instead.`,
		`Using "environment" is deprecated. Use "pm.environment" instead.`,
		`Using "globals" is deprecated. Use "pm.globals" instead.`,
		`Using "data" is deprecated. Use "pm.iterationData" instead.`,
		`Using "request" is deprecated. Use "pm.request" instead.`,
		`Using "postman.setNextRequest" is deprecated. Use "pm.execution.setNextRequest()" instead.`,
		`Using "tests" is deprecated. Use "pm.test()" instead.`,
	}, logsAt(res, "warn"))
	diff(t, "assertions", []outcome{{Name: "from legacy"}}, outcomes(res))
	if v, _ := exec.Scopes.Environment.Get("set"); v != "5" {
		t.Errorf("postman.setEnvironmentVariable stored %#v, want the string 5", v)
	}
}

func TestLibraryGlobals(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), `
console.log(typeof _, typeof CryptoJS);
console.log(btoa("user:pass"), atob("dXNlcjpwYXNz"), Buffer.from("hi").toString("base64"));
console.log(_.get({a: {b: 1}}, "a.b"), require("lodash").map([1, 2], x => x * 2).join(), CryptoJS.MD5("a").toString());
try { require("no-such-module"); } catch (e) { console.log(e.message); }
try { pm.require("@team/pkg"); } catch (e) { console.log(e.message.startsWith("pm.require is not supported")); }`)
	mustPass(t, res)
	diff(t, "logs", []string{
		"function | object",
		"dXNlcjpwYXNz | user:pass | aGk=",
		"1 | 2,4 | 0cc175b9c0f1b6a831c399e269772661",
		"Cannot find module 'no-such-module'",
		"true",
	}, logsAt(res, "log"))
	diff(t, "warnings", []string{
		`Using "btoa" is deprecated. Use "require('btoa')" instead.`,
		`Using "atob" is deprecated. Use "require('atob')" instead.`,
		`Using "_" is deprecated. Use "require('lodash')" instead.`,
		`Using "CryptoJS" is deprecated. Use "require('crypto-js')" instead.`,
	}, logsAt(res, "warn"))
}

func TestXML2Json(t *testing.T) {
	t.Parallel()
	// The expected outputs are what Postman's xml2Json (xml2js with
	// explicitArray false) returns for the same documents.
	tests := []struct{ xml, want string }{
		{`<a x="1"><b>t</b><b>u</b><c/><d>  </d></a>`, `{"a":{"$":{"x":"1"},"b":["t","u"],"c":"","d":"  "}}`},
		{`<a>text<b>1</b>more</a>`, `{"a":{"_":"textmore","b":"1"}}`},
		{`<a attr='s'> lead and trail </a>`, `{"a":{"_":"lead and trail","$":{"attr":"s"}}}`},
		{`<a>&amp;&lt;&#65;&#x42;</a>`, `{"a":"&<AB"}`},
		{"<?xml version=\"1.0\"?>\n<r xmlns=\"http://x\" xmlns:t=\"http://t\"><t:i t:id=\"5\">v</t:i></r>", `{"r":{"$":{"xmlns":"http://x","xmlns:t":"http://t"},"t:i":{"_":"v","$":{"t:id":"5"}}}}`},
		{"", `null`},
		{"not xml", `undefined`},
		{"<a>", `undefined`},
	}
	for _, tt := range tests {
		exec := newExec("test")
		exec.Scopes.Data.Set("xml", tt.xml)
		res := run(t, exec, `var v = xml2Json(pm.iterationData.get("xml")); console.log(v === undefined ? "undefined" : JSON.stringify(v));`)
		got := logsAt(res, "log")
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("xml2Json(%q) = %q, want %s", tt.xml, got, tt.want)
		}
	}
}

// JSON in scripts is liquid-json, as in Postman: a BOM is ignored and a
// parse error says where.
func TestJSONParse(t *testing.T) {
	t.Parallel()
	expectLogs(t, newExec("test"), `
console.log(JSON.parse("\ufeff{\"a\":1}").a, JSON.parse("[1]", (k, v) => Array.isArray(v) ? v.length : v * 2));
try { JSON.parse('{"a":1,}'); } catch (e) { console.log(e.name, e.message); }
var cyclic = {}; cyclic.self = cyclic;
try { JSON.stringify(cyclic); } catch (e) { console.log(e.name); }
console.log(JSON.stringify(new Error("e")));`,
		[]string{"1 | 1", "JSONError | Trailing comma in object at 1:8\n{\"a\":1,}\n       ^", "JSONError", `{"type":"Error","name":"Error","message":"e"}`})
}

// liquid-json's messages, produced by liquid-json itself for each input.
func TestJSONErrorMessage(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"<x>":                       "Unexpected token '<' at 1:1\n<x>\n^",
		"":                          "No data, empty input at 1:1\n\n^",
		"  ":                        "No data, only a whitespace at 1:3\n  \n  ^",
		`{"a":1,}`:                  "Trailing comma in object at 1:8\n{\"a\":1,}\n       ^",
		`{"a":1}  x`:                "Unexpected token 'x' at 1:10\n{\"a\":1}  x\n         ^",
		"{\"a\":\n  nope}":          "Unexpected token 'n' at 2:3\n  nope}\n  ^",
		"[1,":                       "No data, only a whitespace at 1:4\n[1,\n   ^",
		"{\"a\":1,":                 "Unexpected end of input at 1:8\n{\"a\":1,\n       ^",
		"[1,]":                      "Trailing comma in array at 1:4\n[1,]\n   ^",
		"01":                        "Unexpected token '1' at 1:2\n01\n ^",
		"1.":                        "Non-json numeric literal - \"1.\" at 1:2\n1.\n ^",
		"-":                         "Bad numeric literal - \"-\" at 1:1\n-\n^",
		`"a\x"`:                     "Unexpected token 'x' at 1:4\n\"a\\x\"\n   ^",
		`{"a" 1}`:                   "Unexpected token '1' at 1:6\n{\"a\" 1}\n     ^",
		"tru":                       "Unexpected token 't' at 1:1\ntru\n^",
		"{{}}":                      "Unexpected token '}' at 1:4\n{{}}\n   ^",
		"[,1]":                      "Elisions are not supported at 1:3\n[,1]\n  ^",
		`{"a":1}`:                   "",
		"\t[1, 2, {\"b\": null}]\n": "",
	}
	for in, want := range tests {
		if got := jsonErrorMessage(in); got != want {
			t.Errorf("jsonErrorMessage(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestVisualizer(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), `pm.visualizer.set("<p>{{x}}</p>", {x: 1}); pm.visualizer.clear(); pm.visualizer.set(1);`)
	if res.Error == nil || !strings.Contains(res.Error.Message, "Invalid template") {
		t.Errorf("error = %v", res.Error)
	}
}

// Each pre-request script (collection, folder, request) sees what the ones
// before it changed.
func TestRequestChangesChainAcrossScripts(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	exec := newExec("prerequest")
	exec.Request.Body = &collections.Body{Mode: "raw", Raw: "a=1"}
	mustPass(t, runWith(t, sb, exec, `pm.request.headers.add({key: "X-Collection", value: "1"});`))
	res := runWith(t, sb, exec, `
pm.test("sees the collection script's header", () => pm.expect(pm.request.headers.get("x-collection")).to.equal("1"));
pm.test("to on pm.request", () => { pm.request.to.have.header("X-Collection"); pm.expect(pm.request).to.be.postmanRequest; });
console.log(JSON.stringify(request.data), JSON.stringify(request.headers));
pm.request.body.raw = "b=2";`)
	diff(t, "logs", []string{`"a=1" | {"accept":"application/json","x-collection":"1"}`}, logsAt(res, "log"))
	diff(t, "assertions", []outcome{{Name: "sees the collection script's header"}, {Name: "to on pm.request"}}, outcomes(res))
	if exec.Request.Body.Raw != "b=2" || len(exec.Request.Headers) != 3 {
		t.Errorf("request after both scripts: %+v", exec.Request)
	}
}

// Postman's objects expose only their own data to chai's keys and JSON:
// the sandbox's internal links stay out of sight. Their methods are
// enumerable on the prototype, as in postman-collection, so deep equality
// with a plain object fails there as it does under Newman.
func TestPostmanObjectsCompareByTheirData(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), `
pm.test("keys", () => pm.expect(pm.response.headers.all()[0]).to.have.all.keys("key", "value"));
pm.test("json", () => pm.expect(JSON.parse(JSON.stringify(pm.response.headers.members[0]))).to.eql({key: "Content-Type", value: "application/json; charset=utf-8"}));
pm.test("eql", () => pm.expect(pm.response.headers.one("x-multi")).to.eql({key: "X-Multi", value: "two"}));
var inherited = []; for (var k in pm.response.headers.one("x-multi")) inherited.push(k);
console.log(inherited.slice(0, 4).join());`)
	got := outcomes(res)
	if len(got) != 3 || got[0].Err != "" || got[1].Err != "" || !strings.HasPrefix(got[2].Err, "AssertionError: expected ") {
		t.Errorf("assertions = %+v", got)
	}
	diff(t, "for-in keys", []string{"key,value,toString,valueOf"}, logs(res))
}

// String.prototype.has is Postman's (Newman 6.2.2 prints these values):
// the legacy snippet `tests["Body matches string"] = responseBody.has("x")`
// needs it.
func TestStringHas(t *testing.T) {
	t.Parallel()
	expectLogs(t, newExec("test"), `var d = Object.getOwnPropertyDescriptor(String.prototype, 'has');
console.log(typeof d.value, d.enumerable, d.writable, d.configurable, d.value.name, d.value.length);
console.log('x=a.b'.has('a.b'), 'x=a.b'.has('a*b'), 'xyz'.has(/y/), 'xyz'.has(/Y/i), 'a1'.has(1), 'abc'.has(), 'undefined'.has());
console.log(Object.keys('ab').join(), 'has' in Object('s'));`,
		[]string{"function | false | true | true | has | 1", "true | false | true | true | true | false | true", "0,1 | true"})
}

// TestExecutionKeys checks that pm.execution lists its members as Newman
// 6.2.2 does, in pre-request and test scripts alike.
func TestExecutionKeys(t *testing.T) {
	t.Parallel()
	for _, listen := range []string{"prerequest", "test"} {
		t.Run(listen, func(t *testing.T) {
			t.Parallel()
			res := run(t, newExec(listen), `console.log(Object.keys(pm.execution).join(), JSON.stringify(pm.execution));`)
			diff(t, "logs", []string{`skipRequest,location,setNextRequest | {"location":["Coll","Folder","Get items"]}`}, mustPass(t, res))
		})
	}
}
