package sandbox

import (
	"runtime"
	"testing"
	"time"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// What a pre-request script does to pm.request, read or not, is sent as
// when the Request constructor builds all of it at once.
func TestLazyRequestSendsWhatEagerSends(t *testing.T) {
	t.Parallel()
	withBody := func(r *collections.Request) {
		r.Method = "POST"
		r.Body = &collections.Body{Mode: "raw", Raw: `{"a":1}`, Language: "json"}
		r.Auth = &collections.Auth{Type: "bearer", Params: []collections.AuthParam{{Key: "token", Value: "t"}}}
	}
	tests := []struct {
		name   string
		setup  func(*collections.Request)
		script string
	}{
		{"nothing read", nil, `pm.request.method;`},
		{"headers added", nil, `pm.request.headers.add({key: "X-Trace", value: "1"});`},
		{"url read only", nil, `pm.request.url.toString();`},
		{"query changed", nil, `pm.request.url.query.add({key: "q", value: "1"});`},
		{"url written before read", nil, `pm.request.url = "http://other.test/x?y=1";`},
		{"url deleted", nil, `delete pm.request.url;`},
		{"headers deleted", nil, `delete pm.request.headers;`},
		{"headers redefined", nil, `Object.defineProperty(pm.request, "headers", {value: [{key: "A", value: "b"}], enumerable: true});`},
		{"header plural replaced", nil, `pm.request.header = [{key: "Ignored", value: "1"}];`},
		{"frozen then changed", nil, `Object.freeze(pm.request); pm.request.headers.add({key: "X-F", value: "1"}); pm.request.url.query.clear();`},
		{"sealed then written", nil, `Object.seal(pm.request); pm.request.url = "http://sealed.test/"; pm.request.headers = [];`},
		{"written through a child", nil, `var c = Object.create(pm.request); c.url = "http://child.test/"; c.headers.add({key: "Via", value: "child"});`},
		{"body untouched", withBody, `pm.request.headers.upsert({key: "Accept", value: "text/plain"});`},
		{"body read", withBody, `JSON.stringify(pm.request.body);`},
		{"body changed", withBody, `pm.request.body.raw = "{}"; pm.request.auth.bearer.one("token").set("u");`},
		{"body deleted", withBody, `delete pm.request.body; delete pm.request.auth;`},
		{"body replaced before read", withBody, `pm.request.body = {mode: "urlencoded", urlencoded: [{key: "k", value: "v"}]};`},
		{"auth removed", withBody, `pm.request.authorizeUsing(null);`},
		{"everything read", withBody, `JSON.stringify(pm.request); console.log(pm.request); for (var k in pm.request) { pm.request[k]; }`},
		{"method lower-cased", nil, `pm.request.method = "patch";`},
		{"typed variable", func(r *collections.Request) {
			r.URL.Variables = []collections.Variable{{Key: "id", Value: "7", Type: "string"}, {Key: "n", Value: int64(3), Type: "number"}}
		}, `pm.request.headers.add({key: "X", value: "1"});`},
		{"headers read only", nil, `pm.request.headers.get("Accept");`},
		{"header changed back", nil, `var h = pm.request.headers.one("Accept"); h.value = "x"; h.value = "application/json";`},
		{"header value a number", nil, `pm.request.headers.upsert({key: "Accept", value: 5});`},
		{"header value an object", nil, `pm.request.headers.one("Accept").value = {toString: function () { return "obj"; }};`},
		{"header disabled", nil, `pm.request.headers.one("Accept").disabled = true;`},
		{"header enabled", nil, `pm.request.headers.each(function (h) { h.disabled = false; });`},
		{"header removed", nil, `pm.request.headers.remove("Accept");`},
		{"header described", nil, `pm.request.headers.one("Accept").description = "d";`},
		{"header description null", nil, `pm.request.headers.one("Accept").description = null;`},
		{"header member nulled", nil, `pm.request.headers.members.push(0, {key: "Z", value: null, disabled: 1});`},
		{"header member a string", nil, `pm.request.headers.members.push("Y: 1");`},
		{"headers a plain list", nil, `pm.request.headers = [{key: "P", value: "1"}];`},
		{"url strings changed", nil, `pm.request.url.protocol = "http"; pm.request.url.port = undefined; pm.request.url.hash = "h2";`},
		{"url string changed back", nil, `pm.request.url.port = "8443";`},
		{"url host changed after toString", nil, `pm.request.url.toString(); pm.request.url.host.push("x");`},
		{"url query read", nil, `pm.request.url.toString(); pm.request.url.query.count();`},
		{"url toString replaced", nil, `pm.request.url.toString = function () { return "http://replaced.test/"; };`},
		{"url host redefined", nil, `Object.defineProperty(pm.request.url, "host", {value: ["redefined", "test"], enumerable: true});`},
		{"url path deleted", nil, `delete pm.request.url.path;`},
		{"untyped variable read", func(r *collections.Request) {
			r.URL = collections.ParseURL("http://h.test/:id")
			r.URL.Variables = []collections.Variable{{Key: "id", Value: "7"}}
		}, `pm.request.url.toString();`},
		{"string variable without value read", func(r *collections.Request) {
			r.URL = collections.ParseURL("http://h.test/:id/:b")
			r.URL.Variables = []collections.Variable{{Key: "id", Type: "string"}, {Key: "b", Type: "boolean"}}
		}, `pm.request.url.toString();`},
		{"non-ASCII header", func(r *collections.Request) {
			r.Headers = append(r.Headers, collections.Header{Key: "X-Ünï", Value: "1"})
		}, `pm.request.url.query.add({key: "q", value: "1"});`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got [2]*collections.Request
			var logs [2][]string
			for i, eager := range []bool{false, true} {
				sb := New(Options{Timeout: 10 * time.Second})
				sb.viaConstructor = eager
				exec := newExec("prerequest")
				if tt.setup != nil {
					tt.setup(exec.Request)
				}
				res := runWith(t, sb, exec, tt.script+"\nconsole.log(JSON.stringify(pm.request));")
				if res.Error != nil {
					t.Fatalf("eager=%v: %+v", eager, res.Error)
				}
				got[i], logs[i] = exec.Request, res.consoleLogs()
			}
			diff(t, "request sent", got[1], got[0])
			diff(t, "logs", logs[1], logs[0])
		})
	}
}

func (r Result) consoleLogs() []string {
	var out []string
	for _, c := range r.Console {
		out = append(out, c.Messages...)
	}
	return out
}

// An object kept from an earlier run builds its lazy parts from what it
// was made of, not from the request or response of the run that reads it.
func TestLazyPartsOfKeptObjects(t *testing.T) {
	t.Parallel()
	sb := New(Options{Timeout: 10 * time.Second})
	first := newExec("test")
	mustPass(t, runWith(t, sb, first, `globalThis.keptRequest = pm.request; globalThis.keptResponse = pm.response;`))
	second := newExec("test")
	second.Request = &collections.Request{Method: "PUT", URL: collections.ParseURL("http://second.test/"), Headers: []collections.Header{{Key: "X-Second", Value: "2"}}}
	second.Response = &event.Response{Code: 404, Status: "404 Not Found", Headers: []event.Header{{Key: "X-Second", Value: "2"}}}
	got := mustPass(t, runWith(t, sb, second, `
console.log(keptRequest.url.toString(), keptRequest.headers.count(), keptResponse.headers.get("x-multi"), keptResponse.headers.has("X-Second"));
console.log(pm.request.url.toString(), pm.response.headers.get("X-Second"), keptRequest !== pm.request);`))
	diff(t, "logs", []string{
		"https://api.example.test:8443/v1/items/:id?page=2&size=10&flag&off=1#frag | 2 | two | false",
		"http://second.test/ | 2 | true",
	}, got)
}

// The registry of lazy sources keeps no object alive: once collected,
// the objects no script kept leave it.
func TestLazyRegistryForgetsCollectedObjects(t *testing.T) {
	sb := New(Options{Timeout: 10 * time.Second})
	script, err := Compile(t.Name(), `pm.request.method; pm.response.code; if (pm.info.iteration === 7) { globalThis.kept = pm.request; }`)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		exec := newExec("test")
		exec.Info.Iteration = i
		if res := sb.Run(t.Context(), script, exec); res.Error != nil {
			t.Fatal(res.Error)
		}
	}
	runtime.GC()
	sb.lazy.sweep()
	// The last run's request (the bootstrap's run state keeps it), the
	// kept request, and maybe a few the runtime's stack still references.
	if n := len(sb.lazy.m); n < 2 || n > 10 {
		t.Errorf("%d objects in the lazy registry after 200 runs, want 2 to 10", n)
	}
	mustPass(t, runWith(t, sb, newExec("test"), `pm.test("kept", () => pm.expect(kept.headers.count()).to.equal(2));`))
}
