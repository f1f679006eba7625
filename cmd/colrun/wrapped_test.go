package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWrappedExports checks that collections, environments and globals as
// the Postman API returns them, wrapped in {"collection": ...},
// {"environment": ...} or {"globals": ...}, run as Newman 6.2.2 runs them
// (its extractModel), and that what Newman cannot load is refused with a
// one-line error. The passed assertion lines are Newman's, recorded side by
// side against colrun's echo server; Newman's error for each refused file is
// in its case's comment. The script's "sent" shows what the request carried,
// so an unresolved {{e}} would show.
func TestWrappedExports(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		body, _ := json.Marshal(map[string]string{"e": r.URL.Query().Get("e"), "g": r.URL.Query().Get("g")})
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	coll := func(tag string) string {
		return `{"info":{"name":"` + tag + `"},"item":[{"name":"r","request":"` + srv.URL + `/get?e={{e}}&g={{g}}",` +
			`"event":[{"listen":"test","script":{"exec":["pm.test('` + tag + ` e=' + pm.environment.get('e') + ' g=' + pm.globals.get('g') + ' sent=' + pm.response.text(), function () {});"]}}]}]}`
	}
	inner, outer := coll("inner"), coll("outer")
	v1 := `{"id":"v1id","name":"V1coll","order":["a"],"requests":[{"id":"a","name":"v1req","url":"` + srv.URL + `/get?e={{e}}","method":"GET","tests":"tests['v1 e=' + environment.e] = true;"}]}`
	env := `{"id":"eid","name":"EnvName","values":[{"key":"e","value":"E1"}]}`
	globals := `{"id":"gid","name":"GlobName","values":[{"key":"g","value":"G1"}]}`
	// withMember adds a member to a collection's object.
	withMember := func(doc, member string) string { return "{" + member + "," + doc[1:] }
	const unset = `e=undefined g=undefined sent={"e":"{{e}}","g":"{{g}}"}`

	for _, tc := range []struct {
		name                  string
		coll, env, globals    string
		wantCode              int
		wantPassed, wantError string
	}{
		{name: "wrapped collection", coll: `{"collection":` + inner + `}`,
			wantPassed: "inner " + unset},
		{name: "the wrapper wins over the document's own info and item", coll: withMember(outer, `"collection":`+inner),
			wantPassed: "inner " + unset},
		{name: "wrapped twice", coll: `{"collection":{"collection":` + inner + `}}`,
			wantPassed: "inner " + unset},
		{name: "wrapped twice with info in between", coll: `{"collection":` + withMember(outer, `"collection":`+inner) + `}`,
			wantPassed: "inner " + unset},
		{name: "a truthy values stops the second unwrapping", coll: `{"collection":` + withMember(inner, `"values":[1],"collection":`+outer) + `}`,
			wantPassed: "inner " + unset},
		{name: "an empty values does not", coll: `{"collection":` + withMember(outer, `"values":"","collection":`+inner) + `}`,
			wantPassed: "inner " + unset},
		{name: "a null wrapper is no wrapper", coll: withMember(outer, `"collection":null`),
			wantPassed: "outer " + unset},
		{name: "a zero wrapper is no wrapper", coll: withMember(outer, `"collection":0`),
			wantPassed: "outer " + unset},
		{name: "wrapped v1 collection", coll: `{"collection":` + v1 + `}`, env: `{"environment":` + env + `}`,
			wantPassed: "v1 e=E1"},
		{name: "wrapped environment and globals", coll: inner, env: `{"environment":` + env + `}`, globals: `{"globals":` + globals + `}`,
			wantPassed: `inner e=E1 g=G1 sent={"e":"E1","g":"G1"}`},
		{name: "the wrapper wins over the file's own values", coll: inner,
			env:        `{"environment":` + env + `,"values":[{"key":"e","value":"OUTER"}]}`,
			globals:    `{"values":[{"key":"g","value":"OUTER"}],"globals":` + globals + `}`,
			wantPassed: `inner e=E1 g=G1 sent={"e":"E1","g":"G1"}`},
		{name: "wrapped twice, and wrapping a list", coll: inner, env: `{"environment":{"environment":` + env + `}}`,
			globals:    `{"globals":[{"key":"g","value":"ARR"}]}`,
			wantPassed: `inner e=E1 g=ARR sent={"e":"E1","g":"ARR"}`},
		{name: "values in between stop the second unwrapping", coll: inner,
			env:        `{"environment":{"values":[{"key":"e","value":"MID"}],"environment":` + env + `}}`,
			globals:    `{"globals":{"values":[],"globals":` + globals + `}}`,
			wantPassed: `inner e=MID g=undefined sent={"e":"MID","g":"{{g}}"}`},
		{name: "a null wrapper around variables is no wrapper", coll: inner, env: `{"environment":null,"values":[{"key":"e","value":"OUTER"}]}`,
			wantPassed: `inner e=OUTER g=undefined sent={"e":"OUTER","g":"{{g}}"}`},

		// Newman: "error: collection could not be loaded".
		{name: "a wrapped string", coll: `{"collection":"x"}`,
			wantCode: exitUsage, wantError: `c.json: not a Postman collection: its "collection" member is a string, not an object`},
		{name: "a wrapped true", coll: `{"collection":true}`,
			wantCode: exitUsage, wantError: `c.json: not a Postman collection: its "collection" member is a boolean, not an object`},
		// Newman runs an empty collection from these four; colrun
		// refuses one.
		{name: "a wrapped list", coll: `{"collection":[` + inner + `]}`,
			wantCode: exitUsage, wantError: `c.json: not a Postman collection: its "collection" member is a list, not an object`},
		{name: "a wrapper holding an empty string is no wrapper", coll: `{"collection":""}`,
			wantCode: exitUsage, wantError: `c.json: not a Postman collection: it has neither "info" nor "item"`},
		{name: "a wrapped environment as the collection", coll: `{"environment":` + inner + `}`,
			wantCode: exitUsage, wantError: `c.json: not a Postman collection: it is an environment or globals file (give it with -e or -g)`},
		// Newman: "error: could not load environment" and "... globals".
		{name: "a wrapped number as environment", coll: inner, env: `{"environment":5}`,
			wantCode: exitUsage, wantError: `e.json: not a Postman environment: its "environment" member is a number, not an object`},
		{name: "a wrapped string as globals", coll: inner, globals: `{"globals":"x"}`,
			wantCode: exitUsage, wantError: `g.json: not a Postman globals: its "globals" member is a string, not an object`},
		// Newman reads no variables from these and runs on, every
		// {{variable}} unresolved.
		{name: "a wrapped collection as environment", coll: inner, env: `{"collection":` + inner + `}`,
			wantCode: exitUsage, wantError: `e.json: not a Postman environment: it has no "values" list (it is a collection, which goes first: colrun run <collection>)`},
		{name: "wrapped globals as environment", coll: inner, env: `{"globals":` + globals + `}`,
			wantCode: exitUsage, wantError: `e.json: not a Postman environment: it has no "values" list (it holds "globals": give them with -g)`},
		{name: "a wrapped environment as globals", coll: inner, globals: `{"environment":` + env + `}`,
			wantCode: exitUsage, wantError: `g.json: not a Postman globals: it has no "values" list (it holds an "environment": give it with -e)`},
		{name: "a wrapped flat object", coll: inner, env: `{"environment":{"e":"flat"}}`,
			wantCode: exitUsage, wantError: `e.json: not a Postman environment: it has no "values" list (a flat {"name": "value"} object defines no variables, in Newman either)`},
		{name: "a false wrapper beside flat names", coll: inner, globals: `{"globals":false,"g":"x"}`,
			wantCode: exitUsage, wantError: `g.json: not a Postman globals: it has no "values" list (a flat {"name": "value"} object defines no variables, in Newman either)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			args := []string{"run", writeFile(t, dir, "c.json", tc.coll), "--color", "off", "--reporter-cli-no-summary"}
			if tc.env != "" {
				args = append(args, "-e", writeFile(t, dir, "e.json", tc.env))
			}
			if tc.globals != "" {
				args = append(args, "-g", writeFile(t, dir, "g.json", tc.globals))
			}
			res := colrun(t, nil, args...)
			if res.code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", res.code, tc.wantCode, res.stderr)
			}
			if tc.wantError != "" {
				got := strings.TrimSpace(strings.ReplaceAll(res.stderr, dir+"/", ""))
				if diff := cmp.Diff("colrun: "+tc.wantError, got); diff != "" {
					t.Errorf("stderr (-want +got):\n%s", diff)
				}
				return
			}
			var passed []string
			for _, line := range strings.Split(res.stdout, "\n") {
				if l, ok := strings.CutPrefix(strings.TrimSpace(line), "✓  "); ok {
					passed = append(passed, l)
				}
			}
			if diff := cmp.Diff([]string{tc.wantPassed}, passed); diff != "" {
				t.Errorf("passed assertions (-want +got):\n%s\nstdout:\n%s", diff, res.stdout)
			}
		})
	}
}
