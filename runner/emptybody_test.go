package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEmptyBodyContentLength checks that a request without a body lists
// the Content-Length: 0 that goes out with it, as Newman 6.2.2 lists it:
// test scripts' pm.request.headers and the report's sent headers carry
// it for POST, PUT and PATCH, and nothing for GET, DELETE and OPTIONS.
func TestEmptyBodyContentLength(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	// Newman 6.2.2's pm.request.headers.get('Content-Length') in each
	// request's test script.
	newman := []struct{ method, scriptSees string }{
		{"POST", "0"}, {"PUT", "0"}, {"PATCH", "0"},
		{"LOCK", "0"}, {"PURGE", "0"}, {"PROPFIND", "0"}, {"FOO", "0"}, {"COPY", "0"}, {"UNLOCK", "0"},
		{"GET", "undefined"}, {"DELETE", "undefined"}, {"OPTIONS", "undefined"}, {"HEAD", "undefined"}, {"TRACE", "undefined"},
	}
	var items []string
	for _, tc := range newman {
		items = append(items, fmt.Sprintf(`{"name":%q,"request":{"method":%q,"url":"{{base}}/x"},
			"event":[{"listen":"test","script":{"exec":["console.log('CL ' + pm.request.headers.get('Content-Length'))"]}}]}`, tc.method, tc.method))
	}
	ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, strings.Join(items, ","))), Options{})

	var want, got, wantReport, gotReport, wantWire, gotWire []string
	for _, tc := range newman {
		want = append(want, "'CL "+tc.scriptSees+"'")
		if tc.scriptSees != "undefined" {
			wantReport = append(wantReport, tc.method+" Content-Length: "+tc.scriptSees)
			wantWire = append(wantWire, tc.method+" "+tc.scriptSees)
		}
	}
	for _, e := range ev.all {
		if c := e.Console; c != nil && strings.HasPrefix(c.Messages[0], "'CL ") {
			got = append(got, c.Messages[0])
		}
	}
	for _, r := range ev.requests() {
		for _, h := range r.Sent.Headers {
			if strings.EqualFold(h.Key, "Content-Length") {
				gotReport = append(gotReport, r.Sent.Method+" "+h.Key+": "+h.Value)
			}
		}
	}
	for _, r := range rec.all() {
		if cl := r.Header.Get("Content-Length"); cl != "" {
			gotWire = append(gotWire, r.Method+" "+cl)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("pm.request.headers.get('Content-Length') (-newman +colrun):\n%s", d)
	}
	if d := cmp.Diff(wantReport, gotReport); d != "" {
		t.Errorf("reported sent headers (-newman +colrun):\n%s", d)
	}
	if d := cmp.Diff(wantWire, gotWire); d != "" {
		t.Errorf("Content-Length on the wire (-newman +colrun):\n%s", d)
	}
}
