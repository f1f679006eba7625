package runner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTestScriptsSeeTheRequestAsNewmanShowsIt runs requests whose test
// scripts print what they see of pm.request; the wanted names are what
// Newman 6.2.2 printed for the same items. A pre-request script sees the
// request as written, a test script as sent.
func TestTestScriptsSeeTheRequestAsNewmanShowsIt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "body.json"), []byte(`{"a":1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, request, script string
		want                  []string
		// sentType is the Content-Type the server gets, when checked.
		sentType string
	}{
		{
			name:    "graphql query and variables are resolved",
			request: `{"method":"POST","url":"{{base}}/g","body":{"mode":"graphql","graphql":{"query":"query { u(id: {{id}}) }","variables":"{\"id\": \"{{id}}\"}"}}}`,
			script:  `'gql ' + JSON.stringify(pm.request.body.graphql)`,
			want:    []string{`PRE gql {"query":"query { u(id: {{id}}) }","variables":"{\"id\": \"{{id}}\"}"}`, `gql {"query":"query { u(id: 7) }","variables":"{\"id\": \"7\"}"}`},
		},
		{
			name:    "graphql Content-Type is a system header",
			request: `{"method":"POST","url":"{{base}}/g","body":{"mode":"graphql","graphql":{"query":"{a}"}}}`,
			script:  `'ct ' + JSON.stringify(pm.request.headers.toJSON().filter(h => h.key === 'Content-Type'))`,
			want:    []string{`PRE ct []`, `ct [{"key":"Content-Type","value":"application/json","system":true}]`},
		},
		{
			name:    "the URL keeps its fragment, encoded",
			request: `{"method":"GET","url":"{{base}}/h?q=1#fr ag{{id}}é%41"}`,
			script:  `'hash ' + pm.request.url.hash`,
			want:    []string{`PRE hash fr ag{{id}}é%41`, `hash fr%20ag7%C3%A9%41`},
		},
		{
			name:     "a file body's Content-Type is not listed",
			request:  `{"method":"PUT","url":"{{base}}/f","body":{"mode":"file","file":{"src":"body.json"}}}`,
			script:   `'ct ' + pm.request.headers.get('Content-Type')`,
			want:     []string{`PRE ct undefined`, `ct undefined`},
			sentType: "application/json",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"base","value":"` + rec.srv.URL + `"},{"key":"id","value":"7"}],
				"item":[{"name":"r","request":` + tc.request + `,"event":[
					{"listen":"prerequest","script":{"exec":["pm.test('PRE ' + ` + tc.script + `, () => {});"]}},
					{"listen":"test","script":{"exec":["pm.test(` + tc.script + `, () => {});"]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{WorkingDir: dir})
			if d := cmp.Diff(tc.want, ev.testNames()); d != "" {
				t.Errorf("what the scripts saw (-Newman +colrun):\n%s", d)
			}
			if got := rec.all(); tc.sentType != "" && (len(got) != 1 || got[0].Header.Get("Content-Type") != tc.sentType) {
				t.Errorf("the request did not go out with Content-Type %s: %+v", tc.sentType, got)
			}
		})
	}
}
