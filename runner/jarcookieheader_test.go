package runner

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A Cookie the jar adds is listed, flagged system, after Accept-Encoding in
// pm.request.headers and the report's request headers, as under Newman
// 6.2.2, and auth's header comes after the request's own ones. Newman's
// test scripts printed (Postman-Token and Connection left out: colrun
// sends neither) the lists below; colrun listed no Cookie. A body sent
// as a string lists Content-Length before Cookie, form-data after.
func TestJarCookieAndAuthHeadersAreListed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, item string
		want       []string
	}{
		{"basic", `"auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}`,
			[]string{"Authorization: Basic dTpw", "User-Agent: colrun/test", "Accept: */*", "Cache-Control: no-cache", "Host: HOST", "Accept-Encoding: gzip, deflate, br", "Cookie: k=v"}},
		{"bearer", `"header":[{"key":"X-A","value":"1"}],"auth":{"type":"bearer","bearer":[{"key":"token","value":"tok"}]}`,
			[]string{"X-A: 1", "Authorization: Bearer tok", "User-Agent: colrun/test", "Accept: */*", "Cache-Control: no-cache", "Host: HOST", "Accept-Encoding: gzip, deflate, br", "Cookie: k=v"}},
		{"apikey", `"auth":{"type":"apikey","apikey":[{"key":"key","value":"X-K"},{"key":"value","value":"kv"},{"key":"in","value":"header"}]}`,
			[]string{"X-K: kv", "User-Agent: colrun/test", "Accept: */*", "Cache-Control: no-cache", "Host: HOST", "Accept-Encoding: gzip, deflate, br", "Cookie: k=v"}},
		{"formdata", `"body":{"mode":"formdata","formdata":[{"key":"a","value":"b"}]}`,
			[]string{"User-Agent: colrun/test", "Accept: */*", "Cache-Control: no-cache", "Host: HOST", "Accept-Encoding: gzip, deflate, br", "Cookie: k=v", "Content-Length: 157"}},
		{"urlencoded", `"body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"b"}]}`,
			[]string{"User-Agent: colrun/test", "Accept: */*", "Cache-Control: no-cache", "Host: HOST", "Accept-Encoding: gzip, deflate, br", "Content-Length: 3", "Cookie: k=v"}},
		{"raw", `"body":{"mode":"raw","raw":"xx"}`,
			[]string{"Content-Type: text/plain", "User-Agent: colrun/test", "Accept: */*", "Cache-Control: no-cache", "Host: HOST", "Accept-Encoding: gzip, deflate, br", "Content-Length: 2", "Cookie: k=v"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, map[string]http.HandlerFunc{"/set": func(w http.ResponseWriter, r *http.Request) {
				http.SetCookie(w, &http.Cookie{Name: "k", Value: "v", Path: "/"})
			}})
			method := "GET"
			if strings.Contains(tt.item, `"body"`) {
				method = "POST"
			}
			c := parse(t, collection(rec.srv.URL, `{"name":"set","request":{"method":"GET","url":"{{base}}/set"}},
				{"name":"r","request":{"method":"`+method+`","url":"{{base}}/get",`+tt.item+`},
				"event":[{"listen":"test","script":{"exec":["pm.request.headers.each(function (h) { pm.test(h.key + ': ' + h.value); })"]}}]}`))
			ev, _ := runScripted(t, c, Options{UserAgent: "colrun/test"})
			host := strings.TrimPrefix(rec.srv.URL, "http://")
			var want []string
			for _, h := range tt.want {
				want = append(want, strings.Replace(h, "HOST", host, 1))
			}
			var script []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					script = append(script, a.Name)
				}
			}
			if d := cmp.Diff(want, script); d != "" {
				t.Errorf("pm.request.headers in the test script (-want +got):\n%s", d)
			}
			reqs := ev.requests()
			if len(reqs) != 2 || len(rec.reqs) != 2 {
				t.Fatalf("%d request events, %d reached the server; want 2 each", len(reqs), len(rec.reqs))
			}
			var report []string
			for _, h := range reqs[1].Sent.Headers {
				report = append(report, h.Key+": "+h.Value)
				if !h.System && !strings.HasPrefix(h.Key, "X-A") {
					t.Errorf("report header %s is not flagged system", h.Key)
				}
			}
			if d := cmp.Diff(want, report); d != "" {
				t.Errorf("the report's request headers (-want +got):\n%s", d)
			}
			if got := rec.reqs[1].Header.Get("Cookie"); got != "k=v" {
				t.Errorf("the server got Cookie %q, want k=v", got)
			}
		})
	}
}
