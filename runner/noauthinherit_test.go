package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInheritedNoauthInTestScripts reads pm.request.auth in the scripts of
// requests without auth of their own under a "noauth" collection or
// folder. Newman 6.2.2's test scripts see the inherited block
// ({"type":"noauth","noauth":[]}) while its pre-request scripts see none,
// as for any inherited auth; colrun's test scripts saw none either.
func TestInheritedNoauthInTestScripts(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	show := func(phase string) string {
		return `{"listen":"` + phase + `","script":{"exec":["pm.test('` + phase + ` ' + JSON.stringify(pm.request.auth), () => {})"]}}`
	}
	doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth":{"type":"noauth"},
		"item":[
			{"name":"top","request":{"method":"GET","url":"` + rec.srv.URL + `/top"},"event":[` + show("prerequest") + `,` + show("test") + `]},
			{"name":"F","auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]},"item":[
				{"name":"G","auth":{"type":"noauth"},"item":[
					{"name":"inner","request":{"method":"GET","url":"` + rec.srv.URL + `/inner"},"event":[` + show("test") + `]}]}]},
			{"name":"inherit","request":{"method":"GET","url":"` + rec.srv.URL + `/inherit","auth":{"type":"inherit"}},"event":[` + show("test") + `]}
		]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	want := []string{
		"prerequest undefined",
		`test {"type":"noauth","noauth":[]}`,
		`test {"type":"noauth","noauth":[]}`,
		`test {"type":"inherit","inherit":[]}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pm.request.auth (-want +got):\n%s", diff)
	}
}
