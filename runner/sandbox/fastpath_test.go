package sandbox

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// sameShape is a JS function (a, b, skipRootID) that compares two object
// graphs as a script could tell them apart: prototypes, own keys (symbols
// included) in order, property attributes, accessor functions and values,
// recursively. It returns "" or where they differ.
const sameShape = `(function () {
    function name(k) { return typeof k === 'symbol' ? k.toString() : k; }
    function same(a, b, path, seen, skipID) {
        if (a === b) { return ''; }
        var ta = typeof a, tb = typeof b;
        if (ta !== tb) { return path + ': ' + ta + ' vs ' + tb; }
        if (ta !== 'object' || a === null || b === null) {
            if (ta === 'number' && a !== a && b !== b) { return ''; }
            return path + ': ' + String(a) + ' vs ' + String(b);
        }
        for (var i = 0; i < seen.length; i += 2) {
            if (seen[i] === a) { return seen[i + 1] === b ? '' : path + ': different cycles'; }
        }
        seen.push(a, b);
        var pr = same(Object.getPrototypeOf(a), Object.getPrototypeOf(b), path + '.[[Prototype]]', seen, false);
        if (pr) { return pr; }
        if (Array.isArray(a) !== Array.isArray(b)) { return path + ': array vs object'; }
        if (Object.isExtensible(a) !== Object.isExtensible(b)) { return path + ': extensibility differs'; }
        var ka = Reflect.ownKeys(a), kb = Reflect.ownKeys(b);
        if (ka.map(name).join() !== kb.map(name).join()) {
            return path + ': keys [' + ka.map(name).join() + '] vs [' + kb.map(name).join() + ']';
        }
        for (var j = 0; j < ka.length; j++) {
            var k = ka[j], p = path + '.' + name(k),
                da = Object.getOwnPropertyDescriptor(a, k), db = Object.getOwnPropertyDescriptor(b, k);
            if (da.enumerable !== db.enumerable || da.configurable !== db.configurable || da.writable !== db.writable) {
                return p + ': attributes differ';
            }
            if (da.get !== db.get || da.set !== db.set) { return p + ': accessors differ'; }
            if (!('value' in da)) { continue; }
            if (skipID && path === '' && k === 'id') {
                if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(da.value) || typeof db.value !== 'string') {
                    return p + ': not a UUID: ' + da.value;
                }
                continue;
            }
            var r = same(da.value, db.value, p, seen, false);
            if (r) { return r; }
        }
        return '';
    }
    return function (a, b, skipID) { return same(a, b, '', [], skipID); };
})()`

func shapeComparer(t *testing.T, sb *Sandbox) func(a, b goja.Value, skipID bool) string {
	t.Helper()
	v, err := sb.rt.RunString(sameShape)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	return func(a, b goja.Value, skipID bool) string {
		t.Helper()
		r, err := fn(goja.Undefined(), a, b, sb.rt.ToValue(skipID))
		if err != nil {
			t.Fatal(err)
		}
		return r.String()
	}
}

func internal(t *testing.T, sb *Sandbox, name string) goja.Value {
	t.Helper()
	v := sb.classes.all.Get(name)
	if v == nil || goja.IsUndefined(v) {
		t.Fatalf("bootstrap does not export %s", name)
	}
	return v
}

// responseObject must build what `new Response(responsePlain(...))` built
// before it, the way scripts can see it.
func TestResponseObjectMatchesConstructor(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	compare := shapeComparer(t, sb)
	addTo, _ := goja.AssertFunction(internal(t, sb, "addTo"))
	expires := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	withHeaders := func(hs ...string) *event.Response {
		r := &event.Response{Code: 200, Status: "200 OK", Body: []byte(`{}`)}
		for i := 0; i+1 < len(hs); i += 2 {
			r.Headers = append(r.Headers, event.Header{Key: hs[i], Value: hs[i+1]})
		}
		return r
	}
	tests := []struct {
		name    string
		resp    *event.Response
		cookies []*http.Cookie
	}{
		{"bench", benchResponse(), nil},
		{"multi-valued headers", jsonResponse(), nil},
		{"no headers", &event.Response{Code: 204, Status: "204 No Content"}, nil},
		{"code zero", &event.Response{}, nil},
		{"unknown code with reason", &event.Response{Code: 799, Status: "799 Weird"}, nil},
		{"unknown code without reason", &event.Response{Code: 799, Status: "799"}, nil},
		{"reason without code", &event.Response{Code: 404, Status: "Gone Fishing"}, nil},
		{"empty status", &event.Response{Code: 500}, nil},
		{"time and size", &event.Response{Code: 200, Status: "200 OK", Time: 1500 * time.Millisecond, BodySize: 9, Body: []byte("x")}, nil},
		{"empty and odd keys", withHeaders("", "v", "X-Empty", "", "constructor", "c", "hasOwnProperty", "h", "toString", "s", "123", "n"), nil},
		{"case variants", withHeaders("Set-Cookie", "a=1", "set-cookie", "b=2", "SET-COOKIE", "c=3", "X-One", "1"), nil},
		{"non-ASCII name", withHeaders("X-Ünï", "1", "x-ünï", "2"), nil},
		{"__proto__ name", withHeaders("__Proto__", "x", "A", "b"), nil},
		{"cookies", benchResponse(), []*http.Cookie{
			{Name: "session", Value: "a b", Path: "/", Domain: ".example.test", Expires: expires, HttpOnly: true},
			{Name: "Session", Value: "2", MaxAge: 60, Secure: true},
		}},
		{"nil cookies only", benchResponse(), []*http.Cookie{nil}},
	}
	ownKeys := jsHelper(t, sb, `(function (o) { return Reflect.ownKeys(o).map(String).join(); })`)
	stringifyWithoutID := jsHelper(t, sb, `(function (o) { return JSON.stringify(o).replace(/"id":"[0-9a-f-]{36}"/, '"id":"<id>"'); })`)
	for _, tt := range tests {
		fast := sb.responseObject(tt.resp, tt.cookies)
		// pm.response has no cookies, whatever the run's (Newman 6.2.2
		// shows none); they are pm.cookies, below.
		plain := sb.responsePlain(tt.resp, nil)
		built, err := sb.rt.New(sb.classes.response, plain)
		if err != nil {
			t.Fatalf("%s: new Response: %v", tt.name, err)
		}
		slow, err := addTo(goja.Undefined(), built)
		if err != nil {
			t.Fatal(err)
		}
		// headers and cookies are built on first read: before that the
		// keys are the same, and reading through JSON.stringify and
		// console.log gives what Postman's object gives.
		if a, b := ownKeys(fast), ownKeys(slow); a != b {
			t.Errorf("%s: keys before the first read %s, want %s", tt.name, a, b)
		}
		if tt.name == "bench" {
			if a, b := inspectWithoutID(sb, sb.responseObject(tt.resp, tt.cookies)), inspectWithoutID(sb, slow); a != b {
				t.Errorf("%s: console.log before the first read:\n%s\nwant\n%s", tt.name, a, b)
			}
		}
		if a, b := stringifyWithoutID(fast), stringifyWithoutID(slow); a != b {
			t.Errorf("%s: JSON.stringify before the first read:\n%s\nwant\n%s", tt.name, a, b)
		}
		if d := compare(fast, slow, true); d != "" {
			t.Errorf("%s: pm.response differs from new Response(...) at %s", tt.name, d)
		}
		if a, b := sb.sourceOf(fast), sb.sourceOf(slow); a != tt.resp || b != tt.resp {
			t.Errorf("%s: source %v, want %v", tt.name, a, b)
		}
		// pm.cookies: the same cookies in a list without a parent.
		list, err := sb.rt.New(sb.classes.cookieList, goja.Null(), sb.cookiesData(tt.cookies))
		if err != nil {
			t.Fatal(err)
		}
		if d := compare(sb.cookieList(nil, tt.cookies), list, false); d != "" {
			t.Errorf("%s: pm.cookies differs from new CookieList(...) at %s", tt.name, d)
		}
	}
}

// The JSON fast path gives what goja's JSON.parse gives, or declines.
func TestFastJSONMatchesJSONParse(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	compare := shapeComparer(t, sb)
	nativeParse, _ := goja.AssertFunction(internal(t, sb, "nativeParse"))
	deep := strings.Repeat("[", 100) + "1" + strings.Repeat("]", 100)
	tooDeep := strings.Repeat(`{"a":`, maxFastJSONDepth+5) + "1" + strings.Repeat("}", maxFastJSONDepth+5)
	valid := []string{
		`{}`, `[]`, `0`, `-0`, `-0.0`, `1.5e3`, `1E-7`, `2.5E+2`, `123456789012345678901234567890`, `9007199254740993`,
		`0.1`, `-12.75`, `1e308`, `5e-324`, `true`, `false`, `null`, `""`, `"str"`,
		`"\u00e9\ud83d\ude00"`, `"\ud800"`, `"\udc00x"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"héllo wörld ✓"`, `"\u0000"`,
		`{"a":1,"a":2,"b":{"a":[1,{"c":null}]}}`, `{"__proto__":{"x":1},"y":2}`, `{"constructor":1,"toString":"x"}`,
		`{"1":1,"0":0,"b":2,"a":1}`, " \t\n\r{ \"a\" : [ 1 , 2 ] } \n", `[1,"two",true,null,{},[],[[]],{"k":{}}]`,
		`{"credentials":{"token":"eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l","site":{"id":"6b7179ba","contentUrl":"Samples"}}}`,
		`{"ünï":"cödé","\u0041":1}`, `{"":"empty key"}`, deep,
		// Interned strings and numbers: a token's text is its key, so
		// that these stay apart.
		`["1",1,"1",1.0,"-0",-0,0,"0"]`, `["ab","a\u0062","ab","a\u0062"]`, `[1e2,100,"1e2",1E2]`,
		`["` + strings.Repeat("x", maxPrimText) + `","` + strings.Repeat("x", maxPrimText+1) + `"]`,
	}
	for _, text := range valid {
		slow, err := nativeParse(goja.Undefined(), sb.rt.ToValue(text))
		if err != nil {
			t.Fatalf("JSON.parse(%q): %v", text, err)
		}
		// The second parse takes the values the first one interned.
		for pass := 1; pass <= 2; pass++ {
			fast := sb.parseJSON(goja.FunctionCall{Arguments: []goja.Value{sb.rt.ToValue(text)}})
			if goja.IsUndefined(fast) {
				t.Errorf("fast path declined %q", text)
				break
			}
			if d := compare(fast, slow, false); d != "" {
				t.Errorf("JSON.parse(%q), parse %d, differs at %s", text, pass, d)
			}
		}
		tree, ok := parseFastJSON(sb.rt, text, false)
		if !ok {
			t.Errorf("tree parse declined %q", text)
			continue
		}
		for i := 0; i < 2; i++ {
			if d := compare(sb.buildJSON(&tree), slow, false); d != "" {
				t.Errorf("JSON.parse(%q) built from a tree differs at %s", text, d)
			}
		}
	}
	declined := []string{
		``, ` `, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a" 1}`, `{a:1}`, `01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e+`, `"\x"`, `"a`,
		"\"tab\there\"", `"\u12"`, `NaN`, `Infinity`, `'a'`, `tru`, `nul`, `[`, `{"a":1}}`, `1 2`,
		"\ufeff{}", "\ufeff[1]", `{"a":1} x`, tooDeep,
	}
	for _, text := range declined {
		if v := sb.parseJSON(goja.FunctionCall{Arguments: []goja.Value{sb.rt.ToValue(text)}}); !goja.IsUndefined(v) {
			t.Errorf("fast path accepted %q", text)
		}
		if _, ok := parseFastJSON(sb.rt, text, false); ok {
			t.Errorf("tree parse accepted %q", text)
		}
	}
}

// JSON.parse defines an object's members: a setter or a read-only
// property a script put on Object.prototype is not called or hit, for the
// fast path's objects either, parsed or built from a tree.
func TestFastJSONIgnoresObjectPrototype(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	compare := shapeComparer(t, sb)
	nativeParse, _ := goja.AssertFunction(internal(t, sb, "nativeParse"))
	if _, err := sb.rt.RunString(`
Object.defineProperty(Object.prototype, 'trap', { set: function () { throw new Error('setter called'); }, get: function () { return 'inherited'; }, configurable: true });
Object.defineProperty(Object.prototype, 'fixed', { value: 'inherited', writable: false, configurable: true });`); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{`{"trap":1,"fixed":2,"x":3}`, `[{"trap":{"fixed":[]}}]`, `{"__proto__":{"trap":1}}`} {
		slow, err := nativeParse(goja.Undefined(), sb.rt.ToValue(text))
		if err != nil {
			t.Fatalf("JSON.parse(%q): %v", text, err)
		}
		fast := sb.parseJSON(goja.FunctionCall{Arguments: []goja.Value{sb.rt.ToValue(text)}})
		if goja.IsUndefined(fast) {
			t.Fatalf("fast path declined %q", text)
		}
		if d := compare(fast, slow, false); d != "" {
			t.Errorf("JSON.parse(%q) differs at %s", text, d)
		}
		var tree jsonNode
		tree, ok := sb.jsonParser.parse(sb.rt, text, false)
		if !ok {
			t.Fatalf("tree parse declined %q", text)
		}
		if d := compare(sb.buildJSON(&tree), slow, false); d != "" {
			t.Errorf("JSON.parse(%q) built from a tree differs at %s", text, d)
		}
	}
}

// The scripts of one request share the parsed body, not the objects built
// from it: what one script changes, the next does not see.
func TestResponseJSONIsFreshPerCall(t *testing.T) {
	t.Parallel()
	sb := New(Options{Timeout: 10 * time.Second})
	resp := jsonResponse()
	exec := func() *Execution {
		e := newExec("test")
		e.Response = resp
		return e
	}
	mustPass(t, runWith(t, sb, exec(), `
var a = pm.response.json(), b = pm.response.json();
pm.test("distinct", () => pm.expect(a).to.not.equal(b));
a.count = 99; a.items.push(3);
pm.test("unchanged", () => { pm.expect(pm.response.json().count).to.equal(2); pm.expect(b.items.length).to.equal(2); });
pm.test("JSON.parse(responseBody) agrees", () => pm.expect(JSON.parse(pm.response.text())).to.eql(pm.response.json()));
pm.response.foo = 1;`))
	got := mustPass(t, runWith(t, sb, exec(), `
console.log(pm.response.json().count, pm.response.json().items.length, pm.response.foo);
pm.response.text = function () { return '{"replaced":true}'; };
console.log(JSON.stringify(pm.response.json()), JSON.stringify(pm.response.json(function (k, v) { return k === 'count' ? 7 : v; }).count));`))
	diff(t, "logs", []string{"2 | 2 | undefined", `{"replaced":true} | undefined`}, got)
}

// corpusRequests returns every request of the repository's collections.
func corpusRequests(t *testing.T) []*collections.Request {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../testdata/scripts/*.json", "../../collections/*.json", "../../collections/testdata/*.json", "../testdata/*.json", "testdata/*.json"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	var out []*collections.Request
	var walk func(items []*collections.Item)
	walk = func(items []*collections.Item) {
		for _, it := range items {
			if it.Request != nil {
				out = append(out, it.Request)
			}
			walk(it.Items)
		}
	}
	for _, f := range files {
		c, err := collections.LoadCollection(f)
		if err != nil {
			continue // environments and data files
		}
		walk(c.Items)
	}
	if len(out) < 100 {
		t.Fatalf("found %d requests in %d files", len(out), len(files))
	}
	return out
}

// requestObject must build what `addTo(new Request(requestPlain(r)))`
// built before it.
func TestRequestObjectMatchesConstructor(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	compare := shapeComparer(t, sb)
	addTo, _ := goja.AssertFunction(internal(t, sb, "addTo"))
	str := func(s string) *string { return &s }
	edge := []*collections.Request{
		testRequest(),
		{},
		{Method: "post", Description: "Posts.", URL: collections.ParseURL("https://user:pw@example.test:8443/a/b?x=1&x=2&y&=v&__proto__=p#h")},
		{Method: "Straße", URL: collections.ParseURL("http://example.test/")},
		{URL: collections.URL{Query: []collections.QueryParam{{Key: "a", Value: str("1"), Disabled: true}, {Key: "a"}, {Key: "b", Value: str("")}}}},
		{URL: collections.URL{Host: []string{"h"}, Path: []string{":id", ":n", ":b", ":o", ":none", ":dup"}, Variables: []collections.Variable{
			{Key: "id", Value: "7", Type: "string"}, {Key: "n", Value: int64(12), Type: "Number"}, {Key: "b", Value: "", Type: "BOOLEAN"},
			{Key: "o", Value: map[string]any{"z": 1, "a": []any{true, nil}}}, {Key: "none", Type: "default"}, {Key: "dup", Value: "1"},
			{Key: "dup", Value: "2", Disabled: true}, {Key: "", Value: "no key"}, {Key: "s", Value: 1.5, Type: "secret"},
		}}},
		{URL: collections.URL{Variables: []collections.Variable{{Key: "c", Value: "x", Type: "constructor"}}}},
		{URL: collections.URL{Variables: []collections.Variable{{Key: "p", Value: "x", Type: "__proto__"}}}},
		{URL: collections.URL{Variables: []collections.Variable{{Key: "__proto__", Value: "x"}}}},
		{URL: collections.URL{Variables: []collections.Variable{{Key: "t", Value: "x", Type: "Strïng"}}}},
		{Headers: []collections.Header{{Key: "A", Value: "1"}, {Key: "a", Value: "2", Disabled: true}, {Key: "", Value: "3"}, {Key: "Ünï", Value: "4"}}},
		{Method: "PUT", Body: &collections.Body{Mode: "raw", Raw: `{"a":1}`, Language: "json"}, Auth: &collections.Auth{Type: "bearer", Params: []collections.AuthParam{{Key: "token", Value: "t"}}}},
		{Body: &collections.Body{Mode: "urlencoded", URLEncoded: []collections.FormParam{{Key: "a", Value: "1"}, {Key: "b", Value: "2", Disabled: true}}}},
		{Body: &collections.Body{Mode: "formdata", FormData: []collections.FormParam{{Key: "f", Type: "file", Src: []string{"a.txt", "b.txt"}}, {Key: "t", Value: "v", ContentType: "text/plain"}}}},
		{Body: &collections.Body{Mode: "graphql", GraphQL: &collections.GraphQL{Query: "{ a }", Variables: `{"x":1}`}}},
		{Body: &collections.Body{Mode: "file", File: &collections.BodyFile{Src: "f.bin"}}},
		{Body: &collections.Body{}},
		{URL: collections.URL{Protocol: "https://", Host: []string{}, Path: []string{}, Query: []collections.QueryParam{
			{Key: "a&b=c#d", Value: str("v&w=x#y")}, {Key: "{{k&1}}x&", Value: str("{{v#2}}&{{plain}}={{a=b}}")}, {Key: "", Value: str("")},
			{Key: "off", Value: str("1"), Disabled: true}}}},
		{URL: collections.URL{Host: []string{"{{host}}"}, Port: "8080", Hash: "frag", Path: []string{":id.json", ":", ":missing", "x:y", ":e", ":n", ":s"},
			Variables: []collections.Variable{{Key: "id", Value: "first"}, {Key: "id", Value: "5"}, {Key: "e", Value: ""}, {Key: "n"}, {Key: "s", Value: "str", Type: "String"}}}},
		{URL: collections.URL{Query: []collections.QueryParam{{Key: "", Value: nil}}}},
		{URL: collections.URL{Query: []collections.QueryParam{{Key: "x", Disabled: true}}}},
		{URL: collections.URL{Auth: &collections.URLAuth{User: "", Password: ""}, Host: []string{"h"}}},
	}
	exportRequest, _ := goja.AssertFunction(internal(t, sb, "exportRequest"))
	ownKeys := jsHelper(t, sb, `(function (o) { return Reflect.ownKeys(o).map(String).join(); })`)
	forIn := jsHelper(t, sb, `(function (o) { var k = []; for (var x in o) { k.push(x); } return k.join(); })`)
	stringify := jsHelper(t, sb, `(function (o) { return JSON.stringify(o); })`)
	inGo := 0
	for i, r := range append(edge, corpusRequests(t)...) {
		built, err := sb.rt.New(sb.classes.request, sb.requestPlain(r))
		if err != nil {
			// Postman's Variable.types has no caster for "__proto__": the
			// constructor throws, and so must pm.request.
			func() {
				defer func() {
					if p := recover(); p == nil || !strings.Contains(fmt.Sprint(p), err.Error()) {
						t.Errorf("request %d: new Request threw %v, requestObject %v", i, err, p)
					}
				}()
				sb.requestObject(r)
			}()
			continue
		}
		fast, _ := sb.requestObject(r)
		slow, err := addTo(goja.Undefined(), built)
		if err != nil {
			t.Fatal(err)
		}
		// url, headers, body and auth are built on first read: before
		// that the keys are the same, and reading through for-in,
		// console.log and JSON.stringify gives what Postman's object
		// gives.
		if a, b := ownKeys(fast), ownKeys(slow); a != b {
			t.Errorf("request %d: keys before the first read %s, want %s", i, a, b)
		}
		if a, b := forIn(fast), forIn(slow); a != b {
			t.Errorf("request %d: for-in before the first read %s, want %s", i, a, b)
		}
		if i < len(edge) {
			other, _ := sb.requestObject(r)
			if a, b := sb.inspectArg(other), sb.inspectArg(slow); a != b {
				t.Errorf("request %d: console.log before the first read:\n%s\nwant\n%s", i, a, b)
			}
		}
		if a, b := stringify(fast), stringify(slow); a != b {
			t.Errorf("request %d: JSON.stringify before the first read:\n%s\nwant\n%s", i, a, b)
		}
		if d := compare(fast, slow, false); d != "" {
			t.Errorf("request %d (%s %s): pm.request differs from new Request(...) at %s", i, r.Method, r.URL.Raw, d)
		}
		base := sb.requestBaseline(r)
		if base == nil {
			continue
		}
		inGo++
		exported, err := exportRequest(goja.Undefined(), built, sb.rt.ToValue(false))
		if err != nil {
			t.Fatal(err)
		}
		want := exported.Export().(map[string]any)
		for _, part := range []string{"method", "url", "header"} {
			if d := cmp.Diff(want[part], base[part]); d != "" {
				t.Errorf("request %d (%s %s): baseline %s differs from exportRequest (-want +got):\n%s", i, r.Method, r.URL.Raw, part, d)
			}
		}
	}
	if inGo < 200 {
		t.Errorf("only %d requests have their baseline computed in Go", inGo)
	}
}

// The bootstrap begins each run's state on first use; nothing of a run
// may leak into the next on the same sandbox.
func TestRunStateIsPerRun(t *testing.T) {
	t.Parallel()
	sb := New(Options{Timeout: 10 * time.Second})
	first := runWith(t, sb, newExec("test"), `
pm.test("a", () => {}); pm.test("b", () => {});
tests["legacy"] = true;
globalThis.keptResponse = pm.response;
console.log(pm.test.index(), typeof responseBody);`)
	diff(t, "first run", []outcome{{Name: "a"}, {Name: "b"}, {Name: "legacy"}}, outcomes(first))
	diff(t, "first logs", []string{
		`Using "tests" is deprecated. Use "pm.test()" instead.`, "2 | string",
	}, logs(first))

	second := runWith(t, sb, newExec("prerequest"), `
console.log(pm.test.index(), typeof pm.response, typeof responseBody, keptResponse === pm.response, JSON.stringify(tests));
setTimeout(() => { tests["late"] = true; console.log(typeof responseCode, environment === undefined); }, 0);`)
	if len(second.Assertions) != 0 {
		t.Errorf("second run: assertions %v, want none (tests set in a timer are not read)", outcomes(second))
	}
	diff(t, "second logs", []string{
		`Using "tests" is deprecated. Use "pm.test()" instead.`,
		"0 | undefined | undefined | false | {}",
		"undefined | false",
	}, logs(second))

	third := runWith(t, sb, newExec("test"), `pm.test("c", () => {}); console.log(pm.test.index(), keptResponse.code, keptResponse !== pm.response);`)
	diff(t, "third run", []outcome{{Name: "c"}}, outcomes(third))
	diff(t, "third logs", []string{"1 | 200 | true"}, logs(third))
}

// jsHelper compiles a one-argument JS function returning a string.
func jsHelper(t *testing.T, sb *Sandbox, src string) func(goja.Value) string {
	t.Helper()
	v, err := sb.rt.RunString(src)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	return func(arg goja.Value) string {
		t.Helper()
		r, err := fn(goja.Undefined(), arg)
		if err != nil {
			t.Fatal(err)
		}
		return r.String()
	}
}

// inspectWithoutID renders o as console.log does, its random id blanked.
func inspectWithoutID(sb *Sandbox, o goja.Value) string {
	id := o.ToObject(sb.rt).Get("id").String()
	return strings.ReplaceAll(sb.inspectArg(o), id, "<id>")
}

// console.log prints a lazy property as the value it stands for, not as
// [Getter/Setter].
func TestInspectSettlesLazyProperties(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	o := sb.rt.NewObject()
	_ = o.Set("a", 1)
	sb.lazyProperty(o, "list", func() goja.Value { return sb.rt.ToValue([]any{1, 2}) })
	_ = o.Set("z", true)
	if got, want := sb.inspectArg(o), "{ a: 1, list: [ 1, 2 ], z: true }"; got != want {
		t.Errorf("console.log shows %s, want %s", got, want)
	}
	// A script's own accessor is never called, even with one function
	// for getter and setter.
	v, err := sb.rt.RunString(`(function () {
		var calls = 0, o = {}, f = function () { calls++; return 1; };
		Object.defineProperty(o, 'x', { get: f, set: f, enumerable: true });
		return { o: o, calls: function () { return calls; } };
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	own := v.ToObject(sb.rt)
	if got := sb.inspectArg(own.Get("o")); got != "{ x: [Getter/Setter] }" {
		t.Errorf("console.log shows %s for a script's accessor", got)
	}
	calls, _ := goja.AssertFunction(own.Get("calls"))
	if n, _ := calls(goja.Undefined()); n.ToInteger() != 0 {
		t.Errorf("console.log called a script's getter %d times", n.ToInteger())
	}
}

// Writing pm.response.headers or .cookies before reading them keeps what
// was written, as on Postman's plain data properties, and a frozen
// pm.response still reads one list.
func TestLazyResponseListsTakeWrites(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), `
pm.test("writes stick", function () {
    pm.response.headers = 5;
    pm.expect(pm.response.headers).to.equal(5);
    var d = Object.getOwnPropertyDescriptor(pm.response, 'headers');
    pm.expect(d.writable && d.enumerable && d.configurable).to.equal(true);
});
pm.test("a read keeps one list", function () {
    pm.expect(pm.response.cookies).to.equal(pm.response.cookies);
    pm.expect(pm.response.cookies.count()).to.equal(0);
});
`)
	mustPass(t, res)
	if len(res.Assertions) != 2 {
		t.Errorf("%d assertions, want 2", len(res.Assertions))
	}
	frozen := run(t, newExec("test"), `
var r = Object.freeze(pm.response);
pm.test("frozen first", function () {
    pm.expect(r.headers).to.equal(r.headers);
    pm.expect(r.headers.get('Content-Type')).to.include('json');
    var before = r.cookies;
    r.cookies = 5;
    pm.expect(r.cookies).to.equal(before);
});
pm.test("a child gets its own property", function () {
    var child = Object.create(pm.response);
    child.headers = 7;
    pm.expect(child.headers).to.equal(7);
    pm.expect(Object.prototype.hasOwnProperty.call(child, 'headers')).to.equal(true);
    pm.expect(pm.response.headers).to.not.equal(7);
});
`)
	mustPass(t, frozen)
	if len(frozen.Assertions) != 2 {
		t.Errorf("%d assertions, want 2", len(frozen.Assertions))
	}
}
