package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A method that is not an HTTP token fails its request with Node's
// TypeError, as Newman 6.2.2 reports it (message, code, class), for the
// item's own request and for pm.sendRequest alike; Go's "invalid URL ...:
// net/http: invalid method" blamed the URL.
func TestInvalidMethodIsNodesError(t *testing.T) {
	t.Parallel()
	c := parse(t, collection("http://127.0.0.1:9", `{"name":"r","request":{"method":"GE T","url":"{{base}}/x"},
		"event":[{"listen":"prerequest","script":{"exec":["pm.sendRequest({url: pm.variables.get('base') + '/y', method: 'PO ST'}, function (err) { console.log(err.code); });"]}}]}`))
	ev, _ := runScripted(t, c, Options{})
	reqs := ev.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d request events, want 2 (pm.sendRequest's and the item's)", len(reqs))
	}
	for i, method := range []string{"PO ST", "GE T"} {
		r := reqs[i]
		if r.ErrorFields == nil {
			t.Fatalf("request %d: error %q without Node's fields", i, r.Error)
		}
		want := []string{`Method must be a valid HTTP token ["` + method + `"]`, "ERR_INVALID_HTTP_TOKEN", "TypeError"}
		got := []string{r.Error, r.ErrorFields.Code, r.ErrorFields.Name()}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("request %d: error, code, name (-want +got):\n%s", i, d)
		}
	}
	var logs []string
	for _, e := range ev.all {
		if e.Console != nil {
			logs = append(logs, e.Console.Messages...)
		}
	}
	if d := cmp.Diff([]string{"'ERR_INVALID_HTTP_TOKEN'"}, logs); d != "" {
		t.Errorf("pm.sendRequest's err.code (-want +got):\n%s", d)
	}
}
