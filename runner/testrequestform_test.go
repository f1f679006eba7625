package runner

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// In a test script pm.request.body's urlencoded and form-data fields hold
// what was sent, variables resolved, as under Newman 6.2.2: with {{v}} =
// VAL its test script printed request.data {"a":"VAL","g":"<the guid the
// server got>"} and pm.request.body.urlencoded.toString() "a=VAL" (Newman
// fixture super-sandbox-test logs request.data). colrun showed {{v}} and
// {{$guid}} as written.
func TestPmRequestBodyFieldsAreResolvedInTestScripts(t *testing.T) {
	t.Parallel()
	tests := []struct{ mode string }{{"urlencoded"}, {"formdata"}}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := `{"info":{"name":"t"},"variable":[{"key":"base","value":"` + rec.srv.URL + `"},{"key":"v","value":"VAL"}],
				"item":[{"name":"r","request":{"method":"POST","url":"{{base}}/post",
				"body":{"mode":"` + tt.mode + `","` + tt.mode + `":[{"key":"a","value":"{{v}}"},{"key":"off","value":"{{v}}","disabled":true},{"key":"g","value":"{{$guid}}"}]}},
				"event":[{"listen":"test","script":{"exec":[
					"var f = pm.request.body.` + tt.mode + `;",
					"pm.test([f.get('a'), f.get('g'), f.one('off').value, request.data.a, request.data.g].join(' '));"
				]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{})
			var got []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					got = append(got, a.Name)
				}
				if e.Script != nil && e.Script.Error != nil {
					t.Errorf("script error: %+v", e.Script.Error)
				}
			}
			if len(rec.reqs) != 1 {
				t.Fatalf("%d requests reached the server, want 1", len(rec.reqs))
			}
			sent, err := http.NewRequest("POST", "/", strings.NewReader(rec.reqs[0].Body))
			if err != nil {
				t.Fatal(err)
			}
			sent.Header = rec.reqs[0].Header
			_ = sent.ParseMultipartForm(1 << 20)
			g := sent.FormValue("g")
			if len(g) != 36 {
				t.Fatalf("the server got g=%q, want a guid", g)
			}
			if d := cmp.Diff([]string{"VAL " + g + " {{v}} VAL " + g}, got); d != "" {
				t.Errorf("what the test script saw (-want +got):\n%s", d)
			}
		})
	}
}
