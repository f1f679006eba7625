package runner

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnsentRequestHeaders checks the headers of requests that get no
// response, as Newman 6.2.2 lists them in test scripts'
// pm.request.headers and in the JSON report's execution request.header
// (the same list in both): a host left an unresolved {{variable}}
// (Newman sends it and fails on the lookup), a host with a space, a
// refused connection. They are the request's own headers (a disabled
// one in its place), a JSON body's Content-Type, the auth's
// Authorization (inherited too), the system headers and Host as written,
// but no Content-Length, nor a form's Content-Type. Newman's lists also
// have Postman-Token after Cache-Control and Connection: keep-alive last,
// and its own User-Agent, which colrun does not send (see README);
// "colrun" is the User-Agent of these tests. colrun listed no headers at
// all for an unresolved host, no Host for a host with a space, and a
// Content-Length in the report of a body it failed to send.
func TestUnsentRequestHeaders(t *testing.T) {
	t.Parallel()
	common := []string{"User-Agent=colrun S", "Accept=*/* S", "Cache-Control=no-cache S"}
	tail := func(host string) []string {
		return slices.Concat(common, []string{"Host=" + host + " S", "Accept-Encoding=gzip, deflate, br S"})
	}
	tests := []struct {
		name, request string
		want          []string // key=value, " S" when system, " D" when disabled
	}{
		{"GET, unresolved host", `{"method":"GET","url":"http://{{nohost}}/x"}`, tail("{{nohost}}")},
		{"no protocol", `{"method":"GET","url":"{{nohost}}/n"}`, tail("{{nohost}}")},
		{"POST with a JSON body and headers", `{"method":"POST","url":"http://{{nohost}}/p","header":[{"key":"H","value":"{{hv}}"},{"key":"D","value":"off","disabled":true}],"body":{"mode":"raw","raw":"{\"a\":1}","options":{"raw":{"language":"json"}}}}`,
			append([]string{"H=val", "D=off D", "Content-Type=application/json S"}, tail("{{nohost}}")...)},
		{"basic auth", `{"method":"GET","url":"http://{{nohost}}/a","auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}}`,
			append([]string{"Authorization=Basic dTpw S"}, tail("{{nohost}}")...)},
		{"bearer auth, a port, a form body", `{"method":"PUT","url":"http://{{nohost}}:8080/b?q=1","auth":{"type":"bearer","bearer":[{"key":"token","value":"tok"}]},"body":{"mode":"urlencoded","urlencoded":[{"key":"k","value":"v"}]}}`,
			append([]string{"Authorization=Bearer tok S"}, tail("{{nohost}}:8080")...)},
		{"multipart body", `{"method":"POST","url":"http://{{nohost}}/f","body":{"mode":"formdata","formdata":[{"key":"a","value":"b"}]}}`, tail("{{nohost}}")},
		{"user information", `{"method":"GET","url":"http://u:pw@{{nohost}}/p","auth":{"type":"noauth"}}`, tail("{{nohost}}")},
		{"host with a space", `{"method":"GET","url":"http://exa mple.com/s"}`, tail("exa mple.com")},
		{"refused, with a body", `{"method":"POST","url":"http://127.0.0.1:1/p","body":{"mode":"raw","raw":"hello"}}`,
			append([]string{"Content-Type=text/plain S"}, tail("127.0.0.1:1")...)},
		{"refused, its own Content-Length", `{"method":"POST","url":"http://127.0.0.1:1/p","header":[{"key":"Content-Length","value":"5"}],"body":{"mode":"raw","raw":"hello"}}`,
			append([]string{"Content-Length=5", "Content-Type=text/plain S"}, tail("127.0.0.1:1")...)},
		{"refused, user information", `{"method":"GET","url":"http://u:pw@127.0.0.1:1/p"}`, tail("127.0.0.1:1")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := `{"info":{"name":"u","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"hv","value":"val"}],
				"item":[{"name":"r","request":` + tt.request + `,
				"event":[{"listen":"test","script":{"exec":["pm.request.headers.each(function (h) { pm.test(h.key + '=' + h.value + (h.system ? ' S' : '') + (h.disabled ? ' D' : '')); });"]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{UserAgent: "colrun"})
			if reqs := ev.requests(); len(reqs) != 1 || reqs[0].Error == "" {
				t.Fatalf("want one request that failed, got %d", len(reqs))
			}
			if d := cmp.Diff(tt.want, ev.testNames()); d != "" {
				t.Errorf("pm.request.headers in the test script (-Newman +colrun):\n%s", d)
			}
			var rep struct {
				Run struct {
					Executions []struct {
						Request struct {
							Header []struct {
								Key, Value       string
								System, Disabled bool
							}
						}
					}
				}
			}
			if err := json.Unmarshal(jsonReport(t, ev.all), &rep); err != nil {
				t.Fatal(err)
			}
			var listed []string
			for _, h := range rep.Run.Executions[0].Request.Header {
				s := h.Key + "=" + h.Value
				if h.System {
					s += " S"
				}
				if h.Disabled {
					s += " D"
				}
				listed = append(listed, s)
			}
			if d := cmp.Diff(tt.want, listed); d != "" {
				t.Errorf("the JSON report's request.header (-Newman +colrun):\n%s", d)
			}
		})
	}
}

// TestEmptyURLSeenByScripts checks what a test script sees of a request
// with no URL, which Newman 6.2.2 refuses before sending ("request url is
// empty"): an empty URL and no headers. colrun showed "http://".
func TestEmptyURLSeenByScripts(t *testing.T) {
	t.Parallel()
	doc := `{"info":{"name":"e","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r","request":{"method":"GET","url":""},
		"event":[{"listen":"test","script":{"exec":["pm.test('url [' + pm.request.url.toString() + '] headers ' + pm.request.headers.count());"]}}]}]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	if d := cmp.Diff([]string{"url [] headers 0"}, ev.testNames()); d != "" {
		t.Errorf("what the test script saw (-Newman +colrun):\n%s", d)
	}
}

// testNames are the names of the run's pm.tests, in order: these tests'
// scripts name them after what they saw.
func (e *events) testNames() []string {
	var names []string
	for _, ev := range e.all {
		if a := ev.Assertion; a != nil {
			names = append(names, a.Name)
		}
	}
	return names
}
