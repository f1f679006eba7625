package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScriptsSeeAuthParameterTypes prints pm.request.auth in both
// scripts; the wanted names are what Newman 6.2.2 printed. It showed each
// parameter's type as the collection gives it (any when it gives none or a
// name Postman does not know), where colrun showed any for all.
func TestScriptsSeeAuthParameterTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, auth, want string
	}{
		{"string", `{"type":"bearer","bearer":[{"key":"token","value":"abc","type":"string"}]}`,
			`{"type":"bearer","bearer":[{"type":"string","value":"abc","key":"token"}]}`},
		{"none, upper case, unknown and typed values", `{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"x","type":"STRING"},{"key":"s","value":"x","type":"secret"},{"key":"n","value":"5","type":"number"},{"key":"b","value":"false","type":"boolean"},{"key":"w","value":"w","type":5}]}`,
			`{"type":"basic","basic":[{"type":"any","value":"u","key":"username"},{"type":"string","value":"x","key":"password"},{"type":"any","value":"x","key":"s"},{"type":"number","value":5,"key":"n"},{"type":"boolean","value":true,"key":"b"},{"type":"any","value":"w","key":"w"}]}`},
		{"v2.0 object form", `{"type":"bearer","bearer":{"token":"t"}}`,
			`{"type":"bearer","bearer":[{"type":"any","value":"t","key":"token"}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			script := `pm.test(JSON.stringify(pm.request.auth.toJSON()), () => {});`
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"item":[{"name":"r","request":{"method":"GET","url":"` + rec.srv.URL + `/a","auth":` + tc.auth + `},"event":[
					{"listen":"prerequest","script":{"exec":["` + script + `"]}},
					{"listen":"test","script":{"exec":["` + script + `"]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{})
			if d := cmp.Diff([]string{tc.want, tc.want}, ev.testNames()); d != "" {
				t.Errorf("what the scripts saw (-Newman +colrun):\n%s", d)
			}
		})
	}
}

// TestScriptsSeeV1AuthParameterTypes: Newman 6.2.2 converts a v1 file's
// v2-style auth list to a map and back, typing each parameter after its
// value; a repeated key keeps its first place and its last value.
func TestScriptsSeeV1AuthParameterTypes(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := `{"id":"e","name":"v1","order":["r"],"requests":[{"id":"r","name":"r","method":"GET","url":"` + rec.srv.URL + `/a",
		"auth":{"type":"bearer","bearer":[{"key":"token","value":"t","type":"any"},{"key":"n","value":5},{"key":"token","value":"u"}]},
		"tests":"pm.test(JSON.stringify(pm.request.auth.toJSON()), () => {});"}]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	want := []string{`{"type":"bearer","bearer":[{"type":"string","value":"u","key":"token"},{"type":"number","value":5,"key":"n"}]}`}
	if d := cmp.Diff(want, ev.testNames()); d != "" {
		t.Errorf("what the script saw (-Newman +colrun):\n%s", d)
	}
	if got := rec.all(); len(got) != 1 || got[0].Header.Get("Authorization") != "Bearer u" {
		t.Errorf("sent %+v, want Authorization: Bearer u", got)
	}
}

// TestScriptSetAuthKeepsParameterTypes: a pre-request script replaces the
// auth with typed parameters; Newman 6.2.2's test script saw the type
// (colrun showed any).
func TestScriptSetAuthKeepsParameterTypes(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"a","request":{"method":"GET","url":"` + rec.srv.URL + `/a","auth":{"type":"bearer","bearer":[{"key":"token","value":"t","type":"string"}]}},"event":[
		{"listen":"prerequest","script":{"exec":["pm.request.auth.update([{key:'token', value:'z', type:'string'}], 'bearer');"]}},
		{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.request.auth.toJSON()), () => {});"]}}]}]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	want := []string{`{"type":"bearer","bearer":[{"type":"string","value":"z","key":"token"}]}`}
	if d := cmp.Diff(want, ev.testNames()); d != "" {
		t.Errorf("what the script saw (-Newman +colrun):\n%s", d)
	}
	if got := rec.all(); len(got) != 1 || got[0].Header.Get("Authorization") != "Bearer z" {
		t.Errorf("sent %+v, want Authorization: Bearer z", got)
	}
}
