package sandbox

import (
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// Url#toString of pm.request.url, computed in Go while its parts are
// unread, gives what the bootstrap's toString gives for the Url the
// Request constructor builds, with and without forceProtocol.
func TestURLStringFastMatchesToString(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	str := func(s string) *string { return &s }
	edge := []*collections.Request{
		testRequest(),
		{},
		{URL: collections.ParseURL("https://user:pw@example.test:8443/a/b?x=1&x=2&y&=v#h")},
		{URL: collections.ParseURL("example.test/no/protocol")},
		{URL: collections.ParseURL("ftp:/odd")},
		{URL: collections.URL{Query: []collections.QueryParam{{Key: "a", Value: str("1"), Disabled: true}, {Key: "a"}, {Key: "b", Value: str("")}}}},
		{URL: collections.URL{Host: []string{"h"}, Path: []string{":id", ":n", ":b", ":o", ":none", ":dup", ":.x", ":"}, Variables: []collections.Variable{
			{Key: "id", Value: "7"}, {Key: "n", Value: int64(12)}, {Key: "b", Value: ""},
			{Key: "o", Value: map[string]any{"z": 1}}, {Key: "none", Type: "default"}, {Key: "dup", Value: "1"},
			{Key: "dup", Value: "2", Disabled: true}, {Key: "", Value: "no key"},
		}}},
		{URL: collections.URL{Host: []string{"h"}, Path: []string{":t", ":u"}, Variables: []collections.Variable{{Key: "t", Type: "string"}, {Key: "u", Type: "boolean"}}}},
		{URL: collections.URL{Host: []string{"h"}, Path: []string{":toString", ":valueOf"}, Variables: []collections.Variable{{Key: "valueOf", Value: "v"}}}},
		{URL: collections.URL{Protocol: "https://", Host: []string{}, Path: []string{}, Query: []collections.QueryParam{
			{Key: "a&b=c#d", Value: str("v&w=x#y")}, {Key: "{{k&1}}x&", Value: str("{{v#2}}&{{plain}}={{a=b}}")}, {Key: "", Value: str("")},
			{Key: "off", Value: str("1"), Disabled: true}}}},
		{URL: collections.URL{Host: []string{"{{host}}"}, Port: "8080", Hash: "frag", Path: []string{":id.json", "x:y", ":e", ":n"},
			Variables: []collections.Variable{{Key: "id", Value: "first"}, {Key: "id", Value: "5"}, {Key: "e", Value: ""}, {Key: "n"}}}},
		{URL: collections.URL{Query: []collections.QueryParam{{Key: "", Value: nil}}}},
		{URL: collections.URL{Query: []collections.QueryParam{{Key: "", Value: nil}, {Key: ""}}}},
		{URL: collections.URL{Query: []collections.QueryParam{{Key: "x", Disabled: true}}}},
		{URL: collections.URL{Auth: &collections.URLAuth{User: "", Password: ""}, Host: []string{"h"}}},
		{URL: collections.URL{Auth: &collections.URLAuth{User: "u", Password: "p:@"}, Host: []string{"h"}, Path: []string{""}}},
	}
	toString := jsHelper(t, sb, `(function (u) { return u.toString() + ' | ' + u.toString(true) + ' | ' + String(u) + ' | ' + u; })`)
	fast := 0
	for i, r := range append(edge, corpusRequests(t)...) {
		built, err := sb.rt.New(sb.classes.request, sb.requestPlain(r))
		if err != nil {
			continue
		}
		o, _ := sb.requestObject(r)
		url := o.Get("url").ToObject(sb.rt)
		got := toString(url)
		if sb.lazyPending(url, "query") {
			fast++
		}
		if want := toString(built.Get("url")); got != want {
			t.Errorf("request %d (%s): pm.request.url gives %q, new Request(...).url %q", i, r.URL.Raw, got, want)
		}
	}
	if fast < 200 {
		t.Errorf("only %d URLs took the fast path", fast)
	}
}

// Whatever a script does to pm.request.url, or to the methods toString
// calls, its toString is what it is when the Request constructor builds
// the whole request at once (when toString never takes the fast path).
func TestURLStringAfterChanges(t *testing.T) {
	t.Parallel()
	withVariables := func(r *collections.Request) {
		r.URL = collections.ParseURL("http://h.test/users/:id/:kind.json?a=1")
		r.URL.Variables = []collections.Variable{{Key: "id", Value: "42"}, {Key: "kind", Value: "posts"}}
	}
	tests := []struct {
		name   string
		setup  func(*collections.Request)
		script string
	}{
		{"untouched", nil, ``},
		{"host pushed", nil, `u.host.push("x");`},
		{"host replaced", nil, `u.host = ["other", "test"];`},
		{"host string", nil, `u.host = "other.test";`},
		{"host removed", nil, `delete u.host;`},
		{"host redefined", nil, `Object.defineProperty(u, "host", {value: ["def"], enumerable: true});`},
		// The fast path reads each of the Url's own properties once: a
		// getter a script puts in place of one is called once more than
		// under the bootstrap's toString alone.
		{"host getter", nil, `Object.defineProperty(u, "host", {get: function () { return ["g"]; }, enumerable: true});`},
		{"port getter", nil, `Object.defineProperty(u, "port", {get: function () { return "9"; }, enumerable: true});`},
		{"path changed", nil, `u.path[0] = "v2";`},
		{"path emptied", nil, `u.path = [];`},
		{"port number", nil, `u.port = 81;`},
		{"port empty", nil, `u.port = "";`},
		{"port removed", nil, `u.port = undefined;`},
		{"protocol set", nil, `u.protocol = "ws";`},
		{"protocol cleared", nil, `u.protocol = "";`},
		{"protocol object", nil, `u.protocol = {toString: function () { return "obj"; }};`},
		{"hash set", nil, `u.hash = "";`},
		{"hash number", nil, `u.hash = 5;`},
		{"auth set", nil, `u.auth = {user: "a", password: "b"};`},
		{"auth string", nil, `u.auth = "x";`},
		{"query added", nil, `u.query.add({key: "q", value: "1"});`},
		{"query read", nil, `u.query.count();`},
		{"query disabled", nil, `u.query.each(function (p) { p.disabled = true; });`},
		{"query replaced", nil, `u.query = {count: function () { return 1; }, find: function () { return 1; }, all: function () { return []; }};`},
		{"variables changed", withVariables, `u.variables.one("id").set("7");`},
		{"variables read", withVariables, `u.variables.count();`},
		{"variables untouched", withVariables, ``},
		{"getHost own", nil, `u.getHost = function () { return "own"; };`},
		{"getHost replaced", nil, `var p = Object.getPrototypeOf(u), g = p.getHost; p.getHost = function () { return "proto"; };`},
		{"getPath replaced", nil, `Object.getPrototypeOf(u).getPath = function () { return "/p"; };`},
		{"getQueryString replaced", nil, `Object.getPrototypeOf(u).getQueryString = function () { return "qs"; };`},
		{"count replaced", nil, `Object.getPrototypeOf(Object.getPrototypeOf(u.variables)).count = function () { return 0; };`},
		{"unparse replaced", nil, `u.query.Type.unparse = function () { return "un"; };`},
		{"unparseSingle replaced", nil, `u.query.Type.unparseSingle = function () { return "one"; };`},
		{"variable get replaced", withVariables, `Object.getPrototypeOf(Object.getPrototypeOf(u.variables)).get = function (k) { return "g" + k; };`},
		{"variable types replaced", withVariables, `u.variables.Type.types.any.out = function (v) { return "c" + v; };`},
		{"variable valueOf replaced", withVariables, `Object.getPrototypeOf(u.variables.one("id")).valueOf = function () { return "vo"; };`},
		{"frozen", nil, `Object.freeze(u);`},
		{"child", nil, `u = Object.create(u);`},
		{"child with host", nil, `u = Object.create(u); u.host = ["child"];`},
		{"called on another", nil, `var other = Object.create(Object.getPrototypeOf(u)); other.protocol = "x"; other.host = ["y"]; console.log(u.toString.call(other));`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sameAsEager(t, tt.setup, "var u = pm.request.url;\n"+tt.script+"\nconsole.log(u.toString(), u.toString(true), String(u), pm.request.url.toString());")
		})
	}
}

// A script reading pm.request.url.toString() leaves the Url's parts
// unbuilt.
func TestURLStringLeavesPartsUnbuilt(t *testing.T) {
	t.Parallel()
	sb := New(Options{Timeout: 10 * time.Second})
	var url goja.Value
	res := runWith(t, sb, newExec("prerequest"), `globalThis.u = pm.request.url; console.log(u.toString());`)
	mustPass(t, res)
	url = sb.rt.Get("u")
	for _, name := range urlLazyNames[1:] {
		if !sb.lazyPending(url.ToObject(sb.rt), name) {
			t.Errorf("pm.request.url.%s was built", name)
		}
	}
	diff(t, "logs", []string{"'https://api.example.test:8443/v1/items/:id?page=2&size=10&flag&off=1#frag'"}, res.consoleLogs())
}

// A raw body Go builds is the RequestBody the constructor builds, and its
// baseline is the bootstrap's export of it.
func TestRawBodyMatchesConstructor(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	compare := shapeComparer(t, sb)
	for i, b := range []*collections.Body{
		{Mode: "raw", Raw: `{"a":1}`, Language: "json"},
		{Mode: "raw"},
		{Mode: "RAW", Raw: "ignored"},
		{Mode: "Raw", Language: "xml", Disabled: true},
		{Mode: "raw", Raw: "ünï", Disabled: true},
	} {
		if !rawBody(b) {
			t.Fatalf("body %d: not raw", i)
		}
		built, err := sb.rt.New(sb.classes.requestBody, sb.bodyPlain(b))
		if err != nil {
			t.Fatal(err)
		}
		if d := compare(sb.requestBody(b), built, false); d != "" {
			t.Errorf("body %d: differs from new RequestBody(...) at %s", i, d)
		}
		if d := cmp.Diff(sb.exportPart(sb.classes.exportBody, built), sb.bodyBaseline(b, nil)); d != "" {
			t.Errorf("body %d: baseline differs from exportBody (-want +got):\n%s", i, d)
		}
	}
}

// PropertyList#get of a header list, answered from Go while its members
// are unread, gives what the bootstrap's get gives on the list the
// Request constructor builds, whatever a script did to the list first.
func TestHeaderGetMatchesList(t *testing.T) {
	t.Parallel()
	headers := func(r *collections.Request) {
		r.Headers = []collections.Header{
			{Key: "Accept", Value: "application/json"}, {Key: "X-Multi", Value: "one"}, {Key: "x-multi", Value: "two", Disabled: true},
			{Key: "Constructor", Value: "c"}, {Key: "", Value: "empty"},
		}
	}
	gets := `["Accept", "accept", "ACCEPT", "X-Multi", "x-multi", "constructor", "toString", "hasOwnProperty", "__proto__", "valueOf", "missing", "", "X-Ünï", "x-ünï", 1, null, undefined, {toString: function () { return "accept"; }}]`
	tests := []struct{ name, script string }{
		{"untouched", ``},
		{"member changed", `h.members[0].value = "changed";`},
		{"member read", `h.members.length;`},
		{"reference read", `h.reference.accept;`},
		{"added", `h.add({key: "Accept", value: "second"});`},
		{"case sensitive", `h._postman_listIndexCaseInsensitive = false;`},
		{"single valued", `h._postman_listAllowsMultipleValues = false;`},
		{"one replaced", `h.one = function () { return {valueOf: function () { return "own"; }}; };`},
		{"valueOf replaced", `Object.getPrototypeOf(h.members[0]).valueOf = function () { return "v"; };`},
		{"inherited index", `Object.prototype.missing = "inherited";`},
		{"reference redefined", `Object.defineProperty(h, "reference", {value: {accept: {valueOf: function () { return "redefined"; }}}, enumerable: true});`},
		{"frozen", `Object.freeze(h);`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sameAsEager(t, headers, "var h = pm.request.headers;\n"+tt.script+"\nconsole.log(JSON.stringify("+gets+".map(function (k) { return String(h.get(k)); })));")
		})
	}
}

// A script getting a header's value leaves the list's members unbuilt.
func TestHeaderGetLeavesMembersUnbuilt(t *testing.T) {
	t.Parallel()
	sb := New(Options{Timeout: 10 * time.Second})
	res := runWith(t, sb, newExec("test"), `globalThis.h = pm.response.headers; console.log(h.get("content-type"), pm.request.headers.get("ACCEPT"));`)
	diff(t, "logs", []string{"application/json; charset=utf-8 | application/json"}, mustPass(t, res))
	for _, name := range headerListLazyNames {
		if !sb.lazyPending(sb.rt.Get("h").ToObject(sb.rt), name) {
			t.Errorf("pm.response.headers.%s was built", name)
		}
	}
}

// sameAsEager runs src as a test script, for the test request setup
// changes, in a sandbox that builds pm.request in Go and in one where the
// Request constructor builds it, and compares what it logs. Each run has
// its own sandbox: methods a script replaces on prototypes stay replaced.
func sameAsEager(t *testing.T, setup func(*collections.Request), src string) {
	t.Helper()
	var got [2][]string
	for i, eager := range []bool{false, true} {
		sb := New(Options{Timeout: 10 * time.Second})
		sb.viaConstructor = eager
		exec := newExec("test")
		if setup != nil {
			setup(exec.Request)
		}
		res := runWith(t, sb, exec, src)
		if res.Error != nil {
			t.Fatalf("eager=%v: %+v", eager, res.Error)
		}
		got[i] = res.consoleLogs()
	}
	diff(t, "logs", got[1], got[0])
}
