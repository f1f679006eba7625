package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A urlencoded or form-data body's Content-Type is sent but neither
// pm.request.headers nor the JSON report's request.header lists it, as
// under Newman 6.2.2 (postman-request adds it while sending). Newman's
// test script printed pm.request.headers keys
// ["X-A","User-Agent","Accept","Cache-Control","Postman-Token","Host",
// "Accept-Encoding","Connection","Content-Length"] for a urlencoded POST
// while its server got content-type; colrun listed Content-Type after X-A.
func TestFormBodyContentTypeIsSentButNotListed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mode, wantType string
	}{
		{"urlencoded", "application/x-www-form-urlencoded"},
		{"formdata", "multipart/form-data; boundary="},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			c := parse(t, collection(rec.srv.URL, `{"name":"r","request":{"method":"POST","url":"{{base}}/post",
				"header":[{"key":"X-A","value":"1"}],
				"body":{"mode":"`+tt.mode+`","`+tt.mode+`":[{"key":"a","value":"b"}]}},
				"event":[{"listen":"test","script":{"exec":["pm.test(pm.request.headers.map(function (h) { return h.key; }).join(','))"]}}]}`))
			ev, _ := runScripted(t, c, Options{})
			want := "X-A,User-Agent,Accept,Cache-Control,Host,Accept-Encoding,Content-Length"
			var script []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					script = append(script, a.Name)
				}
			}
			if d := cmp.Diff([]string{want}, script); d != "" {
				t.Errorf("pm.request.headers in the test script (-want +got):\n%s", d)
			}
			reqs := ev.requests()
			if len(reqs) != 1 || len(rec.reqs) != 1 {
				t.Fatalf("%d request events, %d reached the server; want 1 each", len(reqs), len(rec.reqs))
			}
			var report []string
			for _, h := range reqs[0].Sent.Headers {
				report = append(report, h.Key)
			}
			if d := cmp.Diff(want, strings.Join(report, ",")); d != "" {
				t.Errorf("the report's request headers (-want +got):\n%s", d)
			}
			if got := rec.reqs[0].Header.Get("Content-Type"); !strings.HasPrefix(got, tt.wantType) {
				t.Errorf("the server got Content-Type %q, want %q...", got, tt.wantType)
			}
		})
	}
}
