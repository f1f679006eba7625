package main

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/mockserver"
	"github.com/colrun/colrun/runner/variables"
)

// exportMembers are the members every --export-collection file has on top
// of the collection, as Newman 6.2.2 writes them.
var exportMembers = []string{"_postman_variable_scope", "_postman_exported_at", "_postman_exported_using"}

// readCollectionExport reads an exported collection, checks Newman's
// extra members and two-space indentation, and returns the document
// without "variable" and those members, and the variable list apart.
func readCollectionExport(t *testing.T, path string) (doc map[string]any, vars []any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the export was not written: %v", err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the export is not JSON: %v\n%s", err, data)
	}
	if !strings.HasPrefix(string(data), "{\n  \"") {
		t.Errorf("the export is not indented by two spaces, as Newman's JSON.stringify(content, 0, 2):\n%.200s", data)
	}
	if doc["_postman_variable_scope"] != "collection" {
		t.Errorf("_postman_variable_scope %v, want \"collection\"", doc["_postman_variable_scope"])
	}
	if at, _ := doc["_postman_exported_at"].(string); !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`).MatchString(at) {
		t.Errorf("_postman_exported_at %q is not an ISO time as Date#toISOString writes it", at)
	}
	if using, _ := doc["_postman_exported_using"].(string); !strings.HasPrefix(using, "colrun/") {
		t.Errorf("_postman_exported_using %q, want colrun/<version>", using)
	}
	vars, ok := doc["variable"].([]any)
	if !ok {
		t.Fatalf("the export's variable member is %T, want a list", doc["variable"])
	}
	delete(doc, "variable")
	for _, k := range exportMembers {
		delete(doc, k)
	}
	return doc, vars
}

// parseJSON decodes a JSON text written in a test.
func parseJSON(t *testing.T, text string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	return v
}

// The export is the collection as it was given, with the collection
// variables the run ended with: scripts' sets and unsets, values and
// types as Newman writes variables (the types the postman-collection SDK
// knows, values cast to them, "disabled" as it was read, id and
// description kept), Newman's extra members, two-space indentation. The
// expected lists are Newman 6.2.2's: its --export-collection for
// variables no script touched, and for the ones scripts wrote the entries
// its --export-environment writes after the same scripts (Newman's
// --export-collection writes the variables as the run started,
// postmanlabs/newman#2680). One deliberate difference: Newman writes an
// "object" or "array" variable's value as JSON text ("{\"a\":1}"), which
// it reads back as the value; colrun keeps the value, which both read the
// same.
func TestExportCollectionVariables(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	setter := `"event":[{"listen":"test","script":{"exec":[` +
		`"pm.collectionVariables.set('counter', (pm.collectionVariables.get('counter')||0) + 1);",` +
		`"pm.collectionVariables.set('num', 42); pm.collectionVariables.set('bool', true);",` +
		`"pm.collectionVariables.set('obj', {a: 1, b: [1,2]}); pm.collectionVariables.set('arr', [1,'x']);",` +
		`"pm.collectionVariables.set('nul', null); pm.collectionVariables.set('undef', undefined);",` +
		`"pm.collectionVariables.unset('gone'); pm.collectionVariables.set('dis', 'now');",` +
		`"pm.test('fails', () => pm.expect(1).to.equal(2));"]}}]`
	scripted := func(variable string) string {
		return `{"info":{"name":"Vars","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r1","request":{"method":"GET","url":"` + srv.URL + `/a?x={{counter}}"},` + setter + `},
			{"name":"r2","request":"` + srv.URL + `/b"}]` + variable + `}`
	}
	const scriptedVars = `[
		{"key":"counter","value":5,"type":"number"},
		{"key":"gone","value":"bye","type":"string"},
		{"key":"dis","value":"d","disabled":true},
		{"id":"myid","key":"withid","value":"v","description":"a var"},
		{"key":"sec","value":"shh","type":"secret"}]`
	// The variables the scripts add, in order; a set of a disabled
	// variable adds an enabled one.
	const added = `
		{"key":"num","type":"any","value":42},
		{"key":"bool","type":"any","value":true},
		{"key":"obj","type":"any","value":{"a":1,"b":[1,2]}},
		{"key":"arr","type":"any","value":[1,"x"]},
		{"key":"nul","type":"any","value":null},
		{"key":"undef","type":"any","value":null},
		{"key":"dis","type":"any","value":"now"}]`
	// Sets of existing variables are made in place, an unset removes the
	// entry.
	const scriptedWant = `[
		{"key":"counter","type":"number","value":6},
		{"disabled":true,"key":"dis","type":"any","value":"d"},
		{"description":"a var","id":"myid","key":"withid","type":"any","value":"v"},
		{"key":"sec","type":"any","value":"shh"},` + added
	const setterOnly = `[{"key":"counter","type":"any","value":1},` + added
	tests := []struct {
		name string
		// collection is the file's text; doc, when set, the collection
		// inside it (a Postman API export's wrapper taken off).
		collection, doc string
		args            []string
		code            int
		want            string
		// ranSecond says whether the second request ran (--bail stops
		// the run after the first).
		ranSecond bool
	}{
		{name: "scripts set and unset", collection: scripted(`,"variable":` + scriptedVars), code: exitFailed, want: scriptedWant, ranSecond: true},
		{name: "stopped by --bail", collection: scripted(`,"variable":` + scriptedVars), args: []string{"--bail"}, code: exitFailed, want: scriptedWant},
		{name: "-x", collection: scripted(`,"variable":` + scriptedVars), args: []string{"-x"}, code: exitOK, want: scriptedWant, ranSecond: true},
		{name: "no variable member", collection: scripted(""), code: exitFailed, want: setterOnly, ranSecond: true},
		{name: "variable null", collection: scripted(`,"variable":null`), code: exitFailed, want: setterOnly, ranSecond: true},
		{name: "wrapped in collection", collection: `{"collection":` + scripted(`,"variable":`+scriptedVars) + `}`,
			doc: scripted(`,"variable":` + scriptedVars), code: exitFailed, want: scriptedWant, ranSecond: true},
		{name: "types cast as the SDK casts them", collection: `{"info":{"name":"Types"},"item":[{"name":"r1","request":"` + srv.URL + `/a"},{"name":"r2","request":"` + srv.URL + `/b"}],
			"variable":[
				{"key":"up","value":5,"type":"String"},
				{"key":"o","value":{"a":1},"type":"object"},
				{"key":"ar","value":[1,2],"type":"array"},
				{"key":"def","value":"x","type":"default"},
				{"key":"df","value":"x","disabled":false},
				{"key":"d1","value":"x","disabled":1},
				{"key":"novalue"},
				{"key":"nullv","value":null},
				{"value":"nokey"},
				{"key":"sys","value":"x","system":true,"name":"N"},
				{"key":"numstr","value":"12","type":"number"},
				{"key":"bs","value":"false","type":"boolean"},
				{"key":"big","value":1e21},
				{"key":"dup","value":"1"},
				{"key":"dup","value":"2"}]}`,
			code: exitOK, ranSecond: true, want: `[
				{"key":"up","type":"string","value":"5"},
				{"key":"o","type":"object","value":"{\"a\":1}"},
				{"key":"ar","type":"array","value":"[1,2]"},
				{"key":"def","type":"any","value":"x"},
				{"disabled":false,"key":"df","type":"any","value":"x"},
				{"disabled":1,"key":"d1","type":"any","value":"x"},
				{"key":"novalue","type":"any"},
				{"key":"nullv","type":"any","value":null},
				{"type":"any","value":"nokey"},
				{"key":"sys","name":"N","system":true,"type":"any","value":"x"},
				{"key":"numstr","type":"number","value":12},
				{"key":"bs","type":"boolean","value":true},
				{"key":"big","type":"any","value":1e21},
				{"key":"dup","type":"any","value":"1"},
				{"key":"dup","type":"any","value":"2"}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			coll := writeFile(t, dir, "c.json", tc.collection)
			out := filepath.Join(dir, "out.json")
			res := colrun(t, nil, append([]string{"run", coll, "--export-collection", out, "--color", "off"}, tc.args...)...)
			if res.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", res.code, tc.code, res.stderr)
			}
			if got := strings.Contains(res.stdout, "→ r2"); got != tc.ranSecond {
				t.Errorf("ran the second request: %v, want %v", got, tc.ranSecond)
			}
			doc, vars := readCollectionExport(t, out)
			if diff := cmp.Diff(parseJSON(t, tc.want), any(vars)); diff != "" {
				t.Errorf("variable (-want +got):\n%s", diff)
			}
			// Everything else is the collection as given, plus Newman's
			// default name.
			input := tc.doc
			if input == "" {
				input = tc.collection
			}
			want := parseJSON(t, input).(map[string]any)
			delete(want, "variable")
			want["name"] = "collection"
			if diff := cmp.Diff(want, doc); diff != "" {
				t.Errorf("the exported collection is not the one given (-want +got):\n%s", diff)
			}
		})
	}
}

// A collection exported over itself runs again with the variables the
// last run left: a counter kept in a collection variable goes up by one
// per run, and the requests, folders, auth and scripts stay as they were.
func TestExportedCollectionRunsAgain(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"Counter","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{tok}}","type":"string"}]},
		"item":[{"name":"f","item":[{"name":"count","request":{"method":"POST","url":"`+srv.URL+`/count?n={{counter}}","auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}},
			"event":[{"listen":"test","script":{"exec":["pm.collectionVariables.set('counter', pm.collectionVariables.get('counter') + 1);"]}}]}]},
			{"name":"plain","request":"`+srv.URL+`/plain?n={{counter}}"}],
		"variable":[{"key":"counter","value":1,"type":"number"},{"key":"tok","value":"t0"}]}`)
	for run := 1; run <= 3; run++ {
		res := colrun(t, nil, "run", coll, "--export-collection", coll, "--color", "off")
		if res.code != exitOK {
			t.Fatalf("run %d: exit %d\n%s%s", run, res.code, res.stdout, res.stderr)
		}
	}
	want := []string{
		"POST /count?n=1 Basic dTpw", "GET /plain?n=2 Bearer t0",
		"POST /count?n=2 Basic dTpw", "GET /plain?n=3 Bearer t0",
		"POST /count?n=3 Basic dTpw", "GET /plain?n=4 Bearer t0",
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("requests over three runs (-want +got):\n%s", diff)
	}
}

// Where the export goes: an existing directory gets Newman's file name,
// missing directories are made, and an export that would replace another
// output or an input is refused before the run (exit 2), leaving no
// directory behind. A v1 collection, which colrun runs converted, is
// refused too: it has no v2.1 document to write back.
func TestExportCollectionTargets(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	tests := []struct {
		name    string
		v1      bool
		args    func(dir string) []string
		code    int
		wantErr string
		// file is where the export must be (a pattern under the test's
		// directory); "" when nothing is written.
		file string
	}{
		{name: "into a directory", args: func(dir string) []string {
			os.Mkdir(filepath.Join(dir, "out"), 0o755)
			return []string{"--export-collection", filepath.Join(dir, "out")}
		}, file: `out/newman-collection-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-\d{3}-0\.json`},
		{name: "missing directories made", args: func(dir string) []string {
			return []string{"--export-collection", filepath.Join(dir, "a", "b", "c.json")}
		}, file: `a/b/c\.json`},
		{name: "over the data file", args: func(dir string) []string {
			d := writeFile(t, dir, "d.json", `[{"x":1}]`)
			return []string{"-d", d, "--export-collection", d}
		}, code: exitUsage, wantErr: "--export-collection {dir}/d.json: that is the -d/--iteration-data file, which the run's output would replace"},
		{name: "over another export", args: func(dir string) []string {
			p := filepath.Join(dir, "new", "x.json")
			return []string{"--export-environment", p, "--export-collection", p}
		}, code: exitUsage, wantErr: "--export-collection {dir}/new/x.json: --export-environment writes that file too"},
		{name: "a v1 collection", v1: true, args: func(dir string) []string {
			return []string{"--export-collection", filepath.Join(dir, "new", "x.json")}
		}, code: exitUsage, wantErr: "--export-collection: {dir}/c.json is a Postman Collection v1 file, which colrun converts to run but cannot write back; export it as v2.1 from Postman first"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			text := `{"info":{"name":"c"},"item":[{"name":"r","request":"` + srv.URL + `/x"}],"variable":[{"key":"a","value":"1"}]}`
			if tc.v1 {
				text = `{"id":"c1","name":"c","order":["r1"],"requests":[{"id":"r1","name":"r","url":"` + srv.URL + `/x","method":"GET"}]}`
			}
			coll := writeFile(t, dir, "c.json", text)
			res := colrun(t, nil, append([]string{"run", coll, "--color", "off"}, tc.args(dir)...)...)
			if res.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", res.code, tc.code, res.stderr)
			}
			if want := strings.ReplaceAll(tc.wantErr, "{dir}", dir); !strings.Contains(res.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, res.stderr)
			}
			var files []string
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if rel, _ := filepath.Rel(dir, p); p != dir && rel != "c.json" && rel != "d.json" {
					files = append(files, filepath.ToSlash(rel))
				}
				return nil
			})
			if tc.file == "" {
				if len(files) != 0 {
					t.Errorf("a refused command left %q behind", files)
				}
				return
			}
			re := regexp.MustCompile(`^` + tc.file + `$`)
			var export string
			for _, f := range files {
				if re.MatchString(f) {
					export = filepath.Join(dir, f)
				}
			}
			if export == "" {
				t.Fatalf("no export matching %s in %q", tc.file, files)
			}
			_, vars := readCollectionExport(t, export)
			if diff := cmp.Diff(parseJSON(t, `[{"key":"a","type":"any","value":"1"}]`), any(vars)); diff != "" {
				t.Errorf("variable (-want +got):\n%s", diff)
			}
		})
	}
}

// Under --tableau-auth the export masks every secret colrun knows, as
// --export-environment does, whether a script put it into a collection
// variable or the collection held it already; the session token the run
// captured stays, as in the exported environment.
func TestExportCollectionMasksSecrets(t *testing.T) {
	t.Parallel()
	ts := newTableauServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"secrets"},
		"auth":{"type":"basic","basic":[{"key":"username","value":"admin"},{"key":"password","value":"`+mockserver.DemoAdminPassword+`"}]},
		"item":[{"name":"Sites","request":{"method":"GET","url":"{{base}}/api/3.24/sites","auth":{"type":"noauth"}},
			"event":[{"listen":"test","script":{"exec":["pm.collectionVariables.set('tok', pm.environment.get('api-key'));"]}}]}],
		"variable":[{"key":"pat","value":"`+mockserver.DemoPATSecret+`"}]}`)
	out := filepath.Join(dir, "out.json")
	res := colrun(t, demoEnv(ts), "run", coll, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "pat", "--export-collection", out, "--color", "off")
	if res.code != exitOK {
		t.Fatalf("exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{mockserver.DemoAdminPassword, mockserver.DemoPATSecret} {
		if strings.Contains(string(data), s) {
			t.Errorf("the export holds the secret %q", s)
		}
	}
	_, vars := readCollectionExport(t, out)
	var tok string
	for _, v := range vars {
		if m := v.(map[string]any); m["key"] == "tok" {
			tok, _ = m["value"].(string)
		}
	}
	if tok == "" || strings.Contains(tok, "*") {
		t.Errorf("the session token %q was not kept", tok)
	}
	if !strings.Contains(string(data), "********") {
		t.Errorf("nothing masked in the export:\n%s", data)
	}
}

// Whatever collection colrun runs, its export is JSON that colrun loads
// again as the same collection (the same requests, the same variables),
// or, for a v1 file, a refusal; never a panic.
func FuzzExportCollection(f *testing.F) {
	for _, seed := range []string{
		`{"info":{"name":"c"},"item":[{"name":"r","request":"http://127.0.0.1:1/x"}],"variable":[{"key":"a","value":1,"type":"number"}]}`,
		`{"collection":{"info":{"name":"c"},"item":[{"name":"r","request":"http://127.0.0.1:1/x"}]},"name":"outer"}`,
		`{"collection":{"collection":{"item":[{"request":"http://x"}]}}}`,
		"\xef\xbb\xbf" + `{"item":[{"request":"http://x"}],"variable":{"a":"1"},"name":"n","_postman_exported_at":1}`,
		`{"item":[{"request":"http://x"}],"variable":null,"variable":[{"key":"k","disabled":"yes","value":"\u00e9\ud83d\ude00"}]}`,
		`{"id":"c1","name":"c","order":["r1"],"requests":[{"id":"r1","name":"r","url":"http://x","method":"GET"}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		coll, err := collections.ParseCollection("c.json", data)
		if err != nil {
			return
		}
		doc, err := parseCollectionDoc("c.json", data, coll.ConvertedFromV1)
		if coll.ConvertedFromV1 {
			if err == nil {
				t.Fatal("a v1 collection was not refused")
			}
			return
		}
		if err != nil {
			t.Fatalf("a collection colrun runs cannot be exported: %v", err)
		}
		scope := variables.NewScope("collection", coll.Variables)
		out, err := doc.exportJSON(scope.Entries(), time.Unix(0, 0), "colrun/test", func(s string) string { return s })
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		again, err := collections.ParseCollection("out.json", out)
		if err != nil {
			t.Fatalf("the export does not load: %v\n%s", err, out)
		}
		if len(again.Requests()) != len(coll.Requests()) {
			t.Errorf("%d requests exported, want %d:\n%s", len(again.Requests()), len(coll.Requests()), out)
		}
		// Only a type the SDK does not know changes (it is written
		// "any"), and NaN and the infinities, which JSON.stringify writes
		// as null, read back as null does.
		var want []collections.Variable
		for _, e := range scope.Entries() {
			v := collections.Variable{Key: e.Key, Value: e.Value, Type: strings.ToLower(e.Type), Disabled: e.Disabled, DisabledAs: e.DisabledAs, Unnamed: e.Unnamed}
			if !sdkVariableTypes[v.Type] {
				v.Type = "any"
			}
			if f, ok := v.Value.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				v.Value = nil
			}
			want = append(want, v)
		}
		if diff := cmp.Diff(variables.NewScope("collection", want).Entries(), variables.NewScope("collection", again.Variables).Entries()); diff != "" {
			t.Errorf("variables changed on export (-want +got):\n%s\n%s", diff, out)
		}
	})
}
