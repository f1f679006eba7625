package runner

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A cookie without a key (a Set-Cookie line without "=") has no name in
// the test script's pm.cookies, as in Newman 6.2.2, whose
// pm.cookies.toObject() leaves it out. colrun gave it the name "", so
// toObject() held {"": "foo"}. The wanted names are Newman's results for
// the same script.
func TestNamelessCookieHasNoNameInScripts(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/set": func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Set-Cookie"] = []string{"foo", "a=1"}
	}})
	c := parse(t, collection(rec.srv.URL, `{"name":"set","request":{"method":"GET","url":"{{base}}/set"},
		"event":[{"listen":"test","script":{"exec":[
			"pm.test(JSON.stringify(pm.cookies.toObject()));",
			"pm.test(JSON.stringify(pm.cookies.all().map(c => 'name' in c)));",
			"pm.test(JSON.stringify(pm.cookies.map(c => c.name)));"]}}]}`))
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	want := []string{`{"a":"1"}`, `[false,true]`, `[null,"a"]`}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("what the test script saw (-want +got):\n%s", d)
	}
}
