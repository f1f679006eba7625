package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A request colrun cannot build (its host is an unresolved variable) still
// shows test scripts the request as Newman 6.2.2 tried to send it:
// variables resolved as far as they go and the protocol Newman defaults
// on sending. Newman's test script passed these names; colrun's URL had
// no "http://".
func TestFailedBuildRequestSeenByScripts(t *testing.T) {
	t.Parallel()
	c := parse(t, `{"info":{"name":"fb","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable":[{"key":"hv","value":"val"}],
		"item":[{"name":"r","request":{"method":"POST","url":"{{nohost}}/a?x={{hv}}","header":[{"key":"H","value":"{{hv}}"}]},
		"event":[{"listen":"test","script":{"exec":["pm.test(pm.request.url.toString());","pm.test(pm.request.method);","pm.test(pm.request.headers.get('H'));"]}}]}]}`)
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	if d := cmp.Diff([]string{"http://{{nohost}}/a?x=val", "POST", "val"}, got); d != "" {
		t.Errorf("what the test script saw (-Newman +colrun):\n%s", d)
	}
	if reqs := ev.requests(); len(reqs) != 1 || reqs[0].Error == "" {
		t.Errorf("want one errored request, got %d events", len(reqs))
	}
}

// A request whose send failed shows test scripts its own disabled
// Content-Length, as Newman 6.2.2 lists it, while the Content-Length the
// transport would have added is not listed. Newman's script printed the
// disabled header first; colrun dropped it with the transport's.
func TestFailedSendKeepsDisabledContentLength(t *testing.T) {
	t.Parallel()
	c := parse(t, `{"info":{"name":"dcl","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r","request":{"method":"POST","url":"http://127.0.0.1:1/x","header":[{"key":"Content-Length","value":"5","disabled":true}],"body":{"mode":"raw","raw":"hello"}},
		"event":[{"listen":"test","script":{"exec":["pm.request.headers.each(function (h) { if (/^content-/i.test(h.key)) pm.test(h.key + ': ' + h.value + (h.disabled ? ' (disabled)' : '')); })"]}}]}]}`)
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	if d := cmp.Diff([]string{"Content-Length: 5 (disabled)", "Content-Type: text/plain"}, got); d != "" {
		t.Errorf("content headers the test script saw (-Newman +colrun):\n%s", d)
	}
}
