package sandbox

import (
	"context"
	"fmt"
	"testing"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// benchTestScript is the issue's typical test script: two pm.test calls,
// pm.response.json(), chai assertions and an environment write.
const benchTestScript = `
pm.test("status is 200", function () {
    pm.response.to.have.status(200);
});
pm.test("has a token", function () {
    var body = pm.response.json();
    pm.expect(body.credentials.token).to.be.a("string");
    pm.environment.set("token", body.credentials.token);
});
`

func benchResponse() *event.Response {
	return &event.Response{
		Code: 200, Status: "200 OK",
		Headers: []event.Header{{Key: "Content-Type", Value: "application/json;charset=utf-8"}, {Key: "Content-Length", Value: "120"}},
		Body:    []byte(`{"credentials":{"token":"eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l","site":{"id":"6b7179ba","contentUrl":"Samples"},"user":{"id":"1a96d216"}}}`),
	}
}

func benchRequest() *collections.Request {
	return &collections.Request{
		Method:  "GET",
		URL:     collections.ParseURL("http://127.0.0.1/api/3.4/auth/signin?page=1"),
		Headers: []collections.Header{{Key: "Accept", Value: "application/json"}},
	}
}

// benchPost is benchRequest with a JSON body, as a sign-in sends.
func benchPost() *collections.Request {
	r := benchRequest()
	r.Method = "POST"
	r.Body = &collections.Body{Mode: "raw", Raw: `{"credentials":{"name":"admin","password":"secret","site":{"contentUrl":""}}}`, Language: "json"}
	return r
}

// benchRun runs src once per iteration, each time for a new request and
// response, as a run does.
func benchRun(b *testing.B, listen, src string) {
	b.Helper()
	benchRunFor(b, listen, benchRequest, src)
}

// benchRunFor is benchRun for the requests req makes.
func benchRunFor(b *testing.B, listen string, req func() *collections.Request, src string) {
	b.Helper()
	script, err := Compile("bench-"+b.Name(), src)
	if err != nil {
		b.Fatal(err)
	}
	benchScripts(b, listen, req, benchResponse, []*Script{script})
}

// benchScripts runs scripts in turn, one per iteration, each time for a
// new request and response (from resp) as a run does.
func benchScripts(b *testing.B, listen string, req func() *collections.Request, resp func() *event.Response, scripts []*Script) {
	b.Helper()
	sb := New(Options{})
	defer sb.Close()
	scopes := variables.NewScopes(nil)
	// A run's context can be cancelled (by Ctrl-C, or --bail).
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		exec := &Execution{Listen: listen, Scopes: scopes, Request: req()}
		if listen == "test" {
			exec.Response = resp()
		}
		res := sb.Run(ctx, scripts[i%len(scripts)], exec)
		if res.Error != nil {
			b.Fatalf("unexpected error: %+v", res.Error)
		}
		for _, a := range res.Assertions {
			if a.Error != nil {
				b.Fatalf("unexpected failure: %+v", a)
			}
		}
	}
}

// issueScript is the test script of issue 6's benchmark collection
// (bench/out/inputs/scripts-2000), where each request's script differs
// only in the string of its last line.
func issueScript(n int) string {
	return fmt.Sprintf(`pm.test("status is 200", function () {
    pm.response.to.have.status(200);
});
var body = pm.response.json();
pm.test("body has the fixed fields", function () {
    pm.expect(body.id).to.eql(1);
    pm.expect(body.items).to.have.lengthOf(3);
});
pm.environment.set("last_request", "r%d");`, n)
}

// issueResponse is the benchmark server's fixed answer.
func issueResponse() *event.Response {
	return &event.Response{
		Code: 200, Status: "200 OK",
		Headers: []event.Header{{Key: "Content-Type", Value: "application/json; charset=utf-8"}, {Key: "Content-Length", Value: "129"}},
		Body:    []byte(`{"id":1,"name":"fixed","active":true,"tags":["a","b","c"],"items":[{"id":1,"value":"one"},{"id":2,"value":"two"},{"id":3,"value":"three"}]}`),
	}
}

// BenchmarkIssueScript measures issue 6's test script: "same" runs one
// program every time, "distinct" runs 2,000 programs in turn, as the
// benchmark collection does (each run's program is new to the runtime's
// caches until the cycle repeats).
func BenchmarkIssueScript(b *testing.B) {
	compile := func(b *testing.B, n int) []*Script {
		scripts := make([]*Script, n)
		for i := range scripts {
			s, err := Compile(fmt.Sprintf("bench-%d", i), issueScript(i))
			if err != nil {
				b.Fatal(err)
			}
			scripts[i] = s
		}
		return scripts
	}
	b.Run("same", func(b *testing.B) { benchScripts(b, "test", benchRequest, issueResponse, compile(b, 1)) })
	b.Run("distinct", func(b *testing.B) { benchScripts(b, "test", benchRequest, issueResponse, compile(b, 2000)) })
}

// BenchmarkRunTestScript measures the typical test script, chai included.
func BenchmarkRunTestScript(b *testing.B) { benchRun(b, "test", benchTestScript) }

// BenchmarkSandbox measures the sandbox's own share of a script run: the
// typical script without chai, and its parts.
func BenchmarkSandbox(b *testing.B) {
	for _, c := range []struct{ name, listen, src string }{
		{"empty", "test", `1;`},
		{"response-code", "test", `if (pm.response.code !== 200) { throw new Error("code"); }`},
		{"response-json", "test", `if (!pm.response.json().credentials) { throw new Error("json"); }`},
		{"environment-set", "test", `pm.environment.set("token", "abc");`},
		{"two-tests", "test", `pm.test("a", function () {}); pm.test("b", function () {});`},
		{"typical-no-chai", "test", `
pm.test("status is 200", function () {
    if (pm.response.code !== 200) { throw new Error("code"); }
});
pm.test("has a token", function () {
    var body = pm.response.json();
    if (typeof body.credentials.token !== "string") { throw new Error("token"); }
    pm.environment.set("token", body.credentials.token);
});
`},
		{"request-url", "test", `if (!pm.request.url.toString()) { throw new Error("url"); }`},
		{"prerequest-header", "prerequest", `pm.request.headers.add({key: "X-Trace", value: "1"});`},
		{"prerequest-url", "prerequest", `if (!pm.request.url.toString()) { throw new Error("url"); }`},
		{"prerequest-header-get", "prerequest", `if (!pm.request.headers.get("Accept")) { throw new Error("header"); }`},
		{"request-header-get", "test", `if (!pm.request.headers.get("Accept")) { throw new Error("header"); }`},
	} {
		b.Run(c.name, func(b *testing.B) { benchRun(b, c.listen, c.src) })
	}
}

// BenchmarkPrerequestBody measures a pre-request script reading and
// changing a JSON body, as scripts that sign or fill in requests do.
func BenchmarkPrerequestBody(b *testing.B) {
	b.Run("read", func(b *testing.B) {
		benchRunFor(b, "prerequest", benchPost, `if (!JSON.parse(pm.request.body.raw).credentials) { throw new Error("body"); }`)
	})
	b.Run("change", func(b *testing.B) {
		benchRunFor(b, "prerequest", benchPost, `var o = JSON.parse(pm.request.body.raw); o.credentials.name = "other"; pm.request.body.raw = JSON.stringify(o);`)
	})
}
