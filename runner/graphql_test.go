package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGraphQLBodiesGoOutAsNewmanSendsThem sends graphql bodies whose fields
// are missing, empty or not strings; the wanted bodies are what Newman
// 6.2.2 sent for the same collections.
func TestGraphQLBodiesGoOutAsNewmanSendsThem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, graphql, want string
	}{
		{"operationName is sent", `{"query":"query A { a } query B { b }","operationName":"B","variables":""}`, `{"query":"query A { a } query B { b }","operationName":"B"}`},
		{"an empty operationName is sent", `{"query":"{a}","operationName":"","variables":""}`, `{"query":"{a}","operationName":""}`},
		{"no query is left out", `{"variables":"{\"x\":1}"}`, `{"variables":{"x":1}}`},
		{"an empty graphql is an empty object", `{}`, `{}`},
		{"a number query stays a number", `{"query":5}`, `{"query":5}`},
		{"a number query is dropped beside string variables", `{"query":5,"variables":"{\"x\":1}"}`, `{"variables":{"x":1}}`},
		{"a number operationName is dropped beside string variables", `{"query":"{a}","operationName":5,"variables":"{}"}`, `{"query":"{a}","variables":{}}`},
		{"a number operationName stays a number", `{"query":"{a}","operationName":5}`, `{"query":"{a}","operationName":5}`},
		{"a null query is null", `{"query":null}`, `{"query":null}`},
		{"null variables are null", `{"query":"{a}","variables":null}`, `{"query":"{a}","variables":null}`},
		{"object variables are compact JSON", `{"query":"{a}","variables":{ "x" : [1, 2] }}`, `{"query":"{a}","variables":{"x":[1,2]}}`},
		{"object variables get values JSON-escaped", `{"query":"{{q}}","variables":{"s":"{{v}}"}}`, `{"query":"{b}","variables":{"s":"V\""}}`},
		{"string variables get values as they are", `{"query":"{{q}}","variables":"{\"s\":\"{{v}}\"}"}`, `{"query":"{b}","variables":{"s":"V""}}`},
		{"empty string variables are left out", `{"query":"{a}","variables":""}`, `{"query":"{a}"}`},
		{"malformed string variables go as written", `{"query":"{a}","variables":"{x:"}`, `{"query":"{a}","variables":{x:}`},
		{"boolean variables", `{"query":"{a}","variables":false}`, `{"query":"{a}","variables":false}`},
		{"an object query", `{"query":{"a":1},"variables":{}}`, `{"query":{"a":1},"variables":{}}`},
		{"a graphql that is a string", `"x"`, `{}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"base","value":"` + rec.srv.URL + `"},{"key":"q","value":"{b}"},{"key":"v","value":"V\""}],
				"item":[{"name":"g","request":{"method":"POST","url":"{{base}}/g","body":{"mode":"graphql","graphql":` + tc.graphql + `}}}]}`
			run(t, parse(t, doc), Options{})
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server received %d requests, want 1", len(got))
			}
			if diff := cmp.Diff(tc.want, got[0].Body); diff != "" {
				t.Errorf("body (-newman +colrun):\n%s", diff)
			}
			if ct := got[0].Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q, want application/json", ct)
			}
		})
	}
}

// TestScriptsSeeGraphQLBodiesAsNewmanShowsThem prints pm.request.body in
// a test script; the wanted texts are what Newman 6.2.2 printed. Fields
// keep their JSON type, operationName is there, and a missing field stays
// missing (colrun showed query and variables as strings always).
func TestScriptsSeeGraphQLBodiesAsNewmanShowsThem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, graphql, want string
	}{
		{"empty operationName and variables", `{"query":"{a}","operationName":"","variables":""}`, `{"mode":"graphql","graphql":{"query":"{a}","operationName":"","variables":""}}`},
		{"a number query", `{"query":5,"variables":"{\"x\":1}"}`, `{"mode":"graphql","graphql":{"query":5,"variables":"{\"x\":1}"}}`},
		{"a null query", `{"query":null}`, `{"mode":"graphql","graphql":{"query":null}}`},
		{"object variables, resolved", `{"query":"{{q}}","variables":{ "x" : [1, 2], "s":"{{v}}"}}`, `{"mode":"graphql","graphql":{"query":"{b}","variables":{"x":[1,2],"s":"V\""}}}`},
		{"no graphql", `null`, `{"mode":"graphql","graphql":{}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"base","value":"` + rec.srv.URL + `"},{"key":"q","value":"{b}"},{"key":"v","value":"V\""}],
				"item":[{"name":"g","request":{"method":"POST","url":"{{base}}/g","body":{"mode":"graphql","graphql":` + tc.graphql + `}},
				"event":[{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.request.body.toJSON()), () => {});"]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{})
			if d := cmp.Diff([]string{tc.want}, ev.testNames()); d != "" {
				t.Errorf("what the script saw (-Newman +colrun):\n%s", d)
			}
		})
	}
}

// TestScriptSetGraphQLBodyGoesOutAsNewmanSendsIt: a pre-request script
// sets a graphql body with an operationName and object variables; Newman
// 6.2.2 sent and showed both (colrun dropped operationName).
func TestScriptSetGraphQLBodyGoesOutAsNewmanSendsIt(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"g","request":{"method":"POST","url":"` + rec.srv.URL + `/g","body":{"mode":"raw","raw":"x"}},"event":[
		{"listen":"prerequest","script":{"exec":["pm.request.body.update({mode:'graphql', graphql:{query:'{a}', operationName:'X', variables:{v:1}}});"]}},
		{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.request.body.toJSON()), () => {});"]}}]}]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	got := rec.all()
	if len(got) != 1 {
		t.Fatalf("server received %d requests, want 1", len(got))
	}
	if d := cmp.Diff(`{"query":"{a}","operationName":"X","variables":{"v":1}}`, got[0].Body); d != "" {
		t.Errorf("body (-newman +colrun):\n%s", d)
	}
	want := []string{`{"mode":"graphql","graphql":{"query":"{a}","operationName":"X","variables":{"v":1}}}`}
	if d := cmp.Diff(want, ev.testNames()); d != "" {
		t.Errorf("what the script saw (-Newman +colrun):\n%s", d)
	}
}
