package runner

import (
	"strconv"
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
			if diff := cmp.Diff([]string{tc.want}, ev.loggedStrings()); diff != "" {
				t.Errorf("logged (-want +got):\n%s", diff)
			}
		})
	}
}

// A body a pre-request script changes keeps what the collection writes
// beside its text, as in Newman: a body's options, a raw value that is not
// a string, a urlencoded entry's missing key or value, a form entry's
// "disabled": false and a form-data fileName (sent as the part's
// filename). The expected values are what Newman 6.2.2 sent and logged
// for JSON.stringify(pm.request.body.toJSON()) in the test script of the
// same item.
func TestScriptChangedBodyKeepsWhatNewmanKeeps(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, change, logged string
		// sent is the body the server got; parts are texts a multipart
		// one holds.
		sent  string
		parts []string
	}{
		{"urlencoded", `{"mode":"urlencoded","urlencoded":[{"value":"v"},{"key":"k"},{"key":"a","value":"b","disabled":false}],"options":{"urlencoded":{"x":1}}}`,
			`pm.request.body.urlencoded.add({key: "z", value: "1"});`,
			`{"mode":"urlencoded","urlencoded":[{"value":"v"},{"key":"k"},{"disabled":false,"key":"a","value":"b"},{"key":"z","value":"1"}],"options":{"urlencoded":{"x":1}}}`,
			"undefined=v&k=&a=b&z=1", nil},
		{"formdata", `{"mode":"formdata","formdata":[{"key":"f","value":"x","fileName":"a.txt"},{"key":"g","value":"y","fileName":null},{"key":"t","type":"text","value":"x","disabled":false}]}`,
			`pm.request.body.formdata.add({key: "z", value: "1"});`,
			`{"mode":"formdata","formdata":[{"key":"f","value":"x","fileName":"a.txt"},{"key":"g","value":"y","fileName":null},{"disabled":false,"key":"t","value":"x","type":"text"},{"key":"z","value":"1"}]}`,
			"", []string{`name="f"; filename="a.txt"`, `name="g"`, `name="t"`, `name="z"`}},
		{"raw options", `{"mode":"raw","raw":"hi","options":{"raw":{"language":"json","headerFamily":"json"}}}`,
			`pm.request.body.raw = "ho";`,
			`{"mode":"raw","raw":"ho","options":{"raw":{"language":"json","headerFamily":"json"}}}`, "ho", nil},
		{"raw object", `{"mode":"raw","raw":{"a":1}}`, `pm.request.body.raw.b = 2;`, `{"mode":"raw","raw":{"a":1,"b":2}}`, `{"a":1,"b":2}`, nil},
		{"raw 5", `{"mode":"raw","raw":5}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"raw","raw":5,"options":{"raw":{"language":"text"}}}`, "", nil},
		{"raw {}", `{"mode":"raw","raw":{}}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"raw","raw":{},"options":{"raw":{"language":"text"}}}`, "", nil},
		{"raw false", `{"mode":"raw","raw":false}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"raw","raw":"","options":{"raw":{"language":"text"}}}`, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			item := `{"name":"r","event":[{"listen":"prerequest","script":{"exec":[` + strconv.Quote(tc.change) + `]}},` +
				`{"listen":"test","script":{"exec":["console.log(JSON.stringify(pm.request.body.toJSON()))"]}}],` +
				`"request":{"method":"POST","url":"{{base}}/post","body":` + tc.body + `}}`
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, item)), Options{})
			if diff := cmp.Diff([]string{tc.logged}, ev.loggedStrings()); diff != "" {
				t.Errorf("logged (-want +got):\n%s", diff)
			}
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server got %d requests, want 1", len(got))
			}
			if tc.parts == nil && got[0].Body != tc.sent {
				t.Errorf("sent %q, want %q", got[0].Body, tc.sent)
			}
			for _, p := range tc.parts {
				if !strings.Contains(got[0].Body, p) {
					t.Errorf("sent %q, want a part with %s", got[0].Body, p)
				}
			}
		})
	}
}

// loggedStrings lists the first argument of each console call of the run, a
// logged string without the quotes Newman's CLI shows it in.
func (e *events) loggedStrings() []string {
	var out []string
	for _, ev := range e.all {
		if c := ev.Console; c != nil {
			out = append(out, strings.Trim(c.Messages[0], "'"))
		}
	}
	return out
}
