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
// "disabled": false, a form-data fileName (sent as the part's filename),
// a file's src that is not a string (not loaded) and "file": null. The expected values are what Newman 6.2.2 sent and logged
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
		{"file src 5", `{"mode":"file","file":{"src":5}}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"file","file":{"src":5,"value":null},"options":{"raw":{"language":"text"}}}`, "", nil},
		{"file src null", `{"mode":"file","file":{"src":null}}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"file","file":{"src":null,"value":null},"options":{"raw":{"language":"text"}}}`, "", nil},
		{"file null", `{"mode":"file","file":null}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"file","file":null,"options":{"raw":{"language":"text"}}}`, "", nil},
		{"file content", `{"mode":"file","file":{"content":"aGk="}}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"file","file":{},"options":{"raw":{"language":"text"}}}`, "hi", nil},
		{"raw false", `{"mode":"raw","raw":false}`, `pm.request.body.options = {raw: {language: "text"}};`,
			`{"mode":"raw","raw":"","options":{"raw":{"language":"text"}}}`, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := runChanged(t, `"method":"POST","body":`+tc.body, tc.change, "pm.request.body.toJSON()", tc.logged)
			if tc.parts == nil && got.Body != tc.sent {
				t.Errorf("sent %q, want %q", got.Body, tc.sent)
			}
			for _, p := range tc.parts {
				if !strings.Contains(got.Body, p) {
					t.Errorf("sent %q, want a part with %s", got.Body, p)
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

// runChanged runs a request of the given members (beside its URL) whose
// pre-request script is change, checks that its test script logs
// JSON.stringify(expr) as want, and returns what the server got.
func runChanged(t *testing.T, members, change, expr, want string) received {
	t.Helper()
	rec := newRecorder(t, nil)
	item := `{"name":"r","event":[{"listen":"prerequest","script":{"exec":[` + strconv.Quote(change) + `]}},` +
		`{"listen":"test","script":{"exec":[` + strconv.Quote("console.log(JSON.stringify("+expr+"))") + `]}}],` +
		`"request":{"url":"{{base}}/post",` + members + `}}`
	ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, item)), Options{})
	if diff := cmp.Diff([]string{want}, ev.loggedStrings()); diff != "" {
		t.Errorf("logged (-want +got):\n%s", diff)
	}
	got := rec.all()
	if len(got) != 1 {
		t.Fatalf("server got %d requests, want 1", len(got))
	}
	return got[0]
}

// Headers and an auth a pre-request script changes keep what the
// collection writes beside their text, as in Newman: a header's
// "disabled": false or null, the parameters of the auth's other types.
// The expected values are what Newman 6.2.2 sent and logged in the test
// script of the same item.
func TestScriptChangedHeadersAndAuthKeepWhatNewmanKeeps(t *testing.T) {
	t.Parallel()
	const headers = `"method":"GET","header":[{"key":"A","value":"1","disabled":false},{"key":"B","value":"2","disabled":null}]`
	const auth = `"method":"GET","auth":{"type":"bearer","bearer":[{"key":"token","value":"t","type":"string"}],"basic":[{"key":"username","value":"u","type":"string"},{"key":"password","value":"p","type":"string"}]}`
	const headersJSON = `pm.request.headers.toJSON().filter(function (h) { return !h.system; })`
	tests := []struct {
		name, members, change, expr, logged string
		// header is a header the server got and its value.
		header, value string
	}{
		{"header added", headers, `pm.request.headers.add({key: "C", value: "3"});`, headersJSON,
			`[{"disabled":false,"key":"A","value":"1"},{"disabled":null,"key":"B","value":"2"},{"key":"C","value":"3"}]`, "C", "3"},
		{"header set", headers, `pm.request.headers.one("A").value = "x";`, headersJSON,
			`[{"disabled":false,"key":"A","value":"x"},{"disabled":null,"key":"B","value":"2"}]`, "A", "x"},
		{"header upserted", headers, `pm.request.headers.upsert({key: "B", value: "y"});`, headersJSON,
			`[{"disabled":false,"key":"A","value":"1"},{"disabled":null,"key":"B","value":"y"}]`, "B", "y"},
		{"auth parameter set", auth, `pm.request.auth.bearer.one("token").set("x");`, "pm.request.auth.toJSON()",
			`{"type":"bearer","bearer":[{"type":"string","value":"x","key":"token"}],"basic":[{"type":"string","value":"u","key":"username"},{"type":"string","value":"p","key":"password"}]}`,
			"Authorization", "Bearer x"},
		{"auth type changed", auth, `pm.request.authorizeUsing("basic", {username: "v", password: "w"});`, "pm.request.auth.toJSON()",
			`{"type":"basic","basic":[{"type":"any","value":"v","key":"username"},{"type":"any","value":"w","key":"password"}],"bearer":[{"type":"string","value":"t","key":"token"}]}`,
			"Authorization", "Basic djp3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := runChanged(t, tc.members, tc.change, tc.expr, tc.logged)
			if v := got.Header.Get(tc.header); v != tc.value {
				t.Errorf("sent %s: %q, want %q", tc.header, v, tc.value)
			}
		})
	}
}
