package runner

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEveryRedirectCodeIsFollowedAsNewmanFollowsIt sends requests that
// get a 3xx with a Location and checks what reached the Location and
// the final status. The wanted values are what Newman 6.2.2 sent:
// postman-request follows any 3xx that has a Location (colrun followed
// only 301, 302, 303, 307 and 308, so a 300, 304 or 305 with one was the
// final answer), and every redirect but a 307 or 308 goes on as a GET
// (a HEAD stays one) without the body, a GET's body included (colrun
// kept a GET's body and Content-Type).
func TestEveryRedirectCodeIsFollowedAsNewmanFollowsIt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, code, extra string
		want                      string
	}{
		{"POST, 300", "POST", "300", "", "200 GET /final body= type="},
		{"POST, 304", "POST", "304", "", "200 GET /final body= type="},
		{"POST, 305", "POST", "305", "", "200 GET /final body= type="},
		{"POST, 399", "POST", "399", "", "200 GET /final body= type="},
		{"a GET with a body, 302", "GET", "302", `,"protocolProfileBehavior":{"disableBodyPruning":true}`, "200 GET /final body= type="},
		{"a GET with a body, 307", "GET", "307", `,"protocolProfileBehavior":{"disableBodyPruning":true}`, `200 GET /final body={"a":1} type=application/json`},
		{"PUT, 308", "PUT", "308", "", `200 PUT /final body={"a":1} type=application/json`},
		{"POST, 303, original method kept", "POST", "303", `,"protocolProfileBehavior":{"followOriginalHttpMethod":true}`, `200 POST /final body={"a":1} type=application/json`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var final string
			rec := newRecorder(t, map[string]http.HandlerFunc{
				"/r": func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Location", "/final")
					w.WriteHeader(map[string]int{"300": 300, "302": 302, "303": 303, "304": 304, "305": 305, "307": 307, "308": 308, "399": 399}[tc.code])
				},
			})
			ev, _ := run(t, parse(t, collection(rec.srv.URL, `{"name":"r","request":{"method":"`+tc.method+`","url":"{{base}}/r",
				"body":{"mode":"raw","raw":"{\"a\":1}","options":{"raw":{"language":"json"}}}}`+tc.extra+`}`)), Options{})
			for _, r := range rec.all() {
				if r.URI == "/final" {
					final = r.Method + " " + r.URI + " body=" + r.Body + " type=" + strings.Join(r.Header.Values("Content-Type"), ",")
				}
			}
			if final == "" {
				final = "no request to /final"
			}
			code := "no response"
			if reqs := ev.requests(); len(reqs) == 1 && reqs[0].Resp != nil {
				code = strconv.Itoa(reqs[0].Resp.Code)
			}
			if d := cmp.Diff(tc.want, code+" "+final); d != "" {
				t.Errorf("(-Newman +colrun):\n%s", d)
			}
		})
	}
}
