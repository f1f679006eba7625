package runner

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestContentInfoAsNewman reads pm.response.contentInfo() for responses
// with various Content-Type and Content-Disposition headers, and none. The
// wanted objects are what Newman 6.2.2 (postman-collection 4.4) gave for
// the same answers; colrun read the charset with Go's MIME parser ("utf8"
// for encoding=latin1 and ISO_8859-1:1987), classified application/pdf as
// application/raw, ignored Content-Disposition and took a body without a
// Content-Type for text/plain whatever its first bytes.
func TestContentInfoAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct{ ct, cd, body, want string }{
		{"text/plain; encoding=latin1", "", "x", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"latin1","fileExtension":"txt","fileName":"response.txt"}`},
		{"text/plain;charset=ISO_8859-1:1987", "", "x", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"iso_8859-1","fileExtension":"txt","fileName":"response.txt"}`},
		{`application/json; charset="ISO-8859-1"`, "", "x", `{"contentType":"application/json","mimeType":"text","mimeFormat":"json","charset":"iso-8859-1","fileExtension":"json","fileName":"response.json"}`},
		{"text/html; charset=UTF-8", "", "x", `{"contentType":"text/html","mimeType":"text","mimeFormat":"html","charset":"utf8","fileExtension":"html","fileName":"response.html"}`},
		{"application/pdf", "", "x", `{"contentType":"application/pdf","mimeType":"embed","mimeFormat":"pdf","charset":"utf8","fileExtension":"pdf","fileName":"response.pdf"}`},
		{"application/vnd.api+json", "", "x", `{"contentType":"application/vnd.api+json","mimeType":"text","mimeFormat":"json","charset":"utf8","fileName":"response"}`},
		{"", "", "\x1f\x8b\x08\x00hello", `{"contentType":"application/gzip","mimeType":"application","mimeFormat":"raw","charset":"utf8","fileExtension":"gz","fileName":"response.gz"}`},
		{"", "", "hello", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"utf8","fileExtension":"txt","fileName":"response.txt"}`},
		{"text/plain", `attachment; filename="report.csv"`, "x", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"utf8","fileExtension":"txt","fileName":"report.csv"}`},
		{"text/plain", `attachment; filename*=utf-8''caf%C3%A9.txt; filename="x.txt"`, "x", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"utf8","fileExtension":"txt","fileName":"café.txt"}`},
		// postman-collection knows the charsets "utf-8" and "iso-8859-1"
		// as written only: UTF-8 falls back to filename=.
		{"text/plain", `attachment; filename*=UTF-8''caf%C3%A9.txt; filename="x\"y.txt"`, "x", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"utf8","fileExtension":"txt","fileName":"x\"y.txt"}`},
		{"text/plain", `attachment; filename*=iso-8859-1'en'%A3%20rates%01.txt`, "x", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"utf8","fileExtension":"txt","fileName":"£ rates?.txt"}`},
		{"text/plain", "inline;filename=plain.bin", "x", `{"contentType":"text/plain","mimeType":"text","mimeFormat":"plain","charset":"utf8","fileExtension":"txt","fileName":"plain.bin"}`},
	}
	rec := newRecorder(t, map[string]http.HandlerFunc{"/x": func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if ct := q.Get("ct"); ct != "" {
			w.Header().Set("Content-Type", ct)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing by Go's server
		}
		if cd := q.Get("cd"); cd != "" {
			w.Header().Set("Content-Disposition", cd)
		}
		w.Write([]byte(q.Get("body")))
	}})
	var items []string
	for _, tc := range tests {
		u := rec.srv.URL + "/x?" + url.Values{"ct": {tc.ct}, "cd": {tc.cd}, "body": {tc.body}}.Encode()
		items = append(items, `{"name":"r","request":{"method":"GET","url":`+strconv.Quote(u)+`},"event":[{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.response.contentInfo()), () => {})"]}}]}`)
	}
	doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + strings.Join(items, ",") + `]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	var got, want []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	for _, tc := range tests {
		want = append(want, tc.want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("contentInfo() (-newman +colrun):\n%s", diff)
	}
}
