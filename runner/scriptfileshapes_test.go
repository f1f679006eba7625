package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Test scripts see a file body as Newman's runtime left it after sending:
// a file it could not load has a null value, and content it sent as bytes
// is gone. The expected values are what Newman 6.2.2 logged for
// JSON.stringify(pm.request.body.toJSON()) in the test script of the same
// item.
func TestTestScriptsSeeFileBodyAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, file, want string }{
		{"src 5", `{"src":5}`, `{"mode":"file","file":{"src":5,"value":null}}`},
		{"src null", `{"src":null}`, `{"mode":"file","file":{"src":null,"value":null}}`},
		{"src empty", `{"src":""}`, `{"mode":"file","file":{"src":"","value":null}}`},
		{"content", `{"content":"aGk="}`, `{"mode":"file","file":{}}`},
		{"file null", `null`, `{"mode":"file","file":null}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			item := `{"name":"r","event":[{"listen":"test","script":{"exec":["console.log(JSON.stringify(pm.request.body.toJSON()))"]}}],` +
				`"request":{"method":"POST","url":"{{base}}/post","body":{"mode":"file","file":` + tc.file + `}}}`
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, item)), Options{})
			var got []string
			for _, e := range ev.all {
				if c := e.Console; c != nil {
					got = append(got, strings.Trim(c.Messages[0], "'"))
				}
			}
			if diff := cmp.Diff([]string{tc.want}, got); diff != "" {
				t.Errorf("logged (-want +got):\n%s", diff)
			}
		})
	}
}
