package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An environment variable of type "object" or "array" holds JSON text,
// which Postman's Variable parses on every read: scripts get the object or
// array (undefined when the text is not one), {{name}} sends it as
// JavaScript's String() of it, and the export keeps the text. A set stores
// a string as it is and JSON.stringify's anything else. Each case's
// scripts assert what Newman 6.2.2 gives for the same environment; the
// server sees what Newman sent, and the exported values are Newman's.
func TestObjectAndArrayVariables(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.RawQuery)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)

	env := `{"name": "typed", "values": [
		{"key": "o", "value": "{\"b\":2,\"a\":1.5}", "type": "object"},
		{"key": "bad", "value": "notjson", "type": "object"},
		{"key": "arrobj", "value": "[1]", "type": "object"},
		{"key": "objv", "value": {"z": 1}, "type": "object"},
		{"key": "arrv", "value": [3, {"q": 1}], "type": "array"},
		{"key": "upper", "value": "{\"a\":1}", "type": "Object"}
	]}`
	coll := map[string]any{
		"info": map[string]any{"name": "typed"},
		"item": []any{
			map[string]any{
				"name":    "read",
				"request": srv.URL + "/a?o={{o}}&a={{arrv}}&bad={{bad}}&upper={{upper}}",
				"event": testScript(
					`pm.test("object", () => pm.expect(pm.environment.get("o")).to.eql({b: 2, a: 1.5}));`,
					`pm.test("array", () => pm.expect(pm.environment.get("arrv")).to.eql([3, {q: 1}]));`,
					`pm.test("object given as an object", () => pm.expect(pm.variables.get("objv")).to.eql({z: 1}));`,
					`pm.test("type in capitals", () => pm.expect(pm.environment.get("upper")).to.eql({a: 1}));`,
					`pm.test("not JSON", () => { pm.expect(pm.environment.get("bad")).to.be.undefined; pm.expect(pm.environment.has("bad")).to.be.true; });`,
					`pm.test("an array is no object", () => pm.expect(pm.environment.get("arrobj")).to.be.undefined);`,
					`pm.test("toObject", () => { const o = pm.environment.toObject(); pm.expect(o.objv).to.eql({z: 1}); pm.expect(o.bad).to.be.undefined; });`,
					`pm.test("replaceIn", () => pm.expect(pm.variables.replaceIn("{{o}}|{{arrv}}|{{bad}}")).to.eql("[object Object]|3,[object Object]|"));`,
					`pm.environment.set("arrv", "[7]");`,
					`pm.environment.set("o", [1]);`,
					`pm.environment.set("objv", {y: [2]});`,
					`pm.test("own set read back", () => pm.expect(pm.environment.get("objv")).to.eql({y: [2]}));`,
					`pm.test("own set in replaceIn", () => pm.expect(pm.variables.replaceIn("{{objv}}")).to.eql("[object Object]"));`,
				),
			},
			map[string]any{
				"name":    "after sets",
				"request": srv.URL + "/b?a={{arrv}}",
				"event": testScript(
					`pm.test("array set as text", () => pm.expect(pm.environment.get("arrv")).to.eql([7]));`,
					`pm.test("object set to an array", () => pm.expect(pm.environment.get("o")).to.be.undefined);`,
					`pm.test("object set to an object", () => pm.expect(pm.environment.get("objv")).to.eql({y: [2]}));`,
				),
			},
		},
	}
	failures, assertions, exported := runScripted(t, coll, env)
	if diff := cmp.Diff([]string(nil), failures); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
	if assertions != 13 {
		t.Errorf("%d assertions ran, want 13", assertions)
	}
	mu.Lock()
	got := append([]string(nil), seen...)
	mu.Unlock()
	want := []string{"o=[object%20Object]&a=3,[object%20Object]&bad=&upper=[object%20Object]", "a=7"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("queries sent (-want +got):\n%s", diff)
	}
	wantValues := []string{
		`o object "[1]"`,
		`bad object "notjson"`,
		`arrobj object "[1]"`,
		`objv object "{\"y\":[2]}"`,
		`arrv array "[7]"`,
		`upper object "{\"a\":1}"`,
	}
	if diff := cmp.Diff(wantValues, exported); diff != "" {
		t.Errorf("exported environment (-want +got):\n%s", strings.ReplaceAll(diff, `\"`, `"`))
	}
}

// A set with a type (pm.environment.set(key, value, "number")) casts for
// the script that made it, later untyped sets of the key there included,
// but Newman's sandbox hands the change back without the type: the next
// script, {{name}} and the export get the value as given, in a variable
// of type "any" (or of the type the variable already had). The scripts
// assert what Newman 6.2.2 gives; the exported values are Newman's.
func TestTypedSetIsTheScriptsOwn(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	coll := map[string]any{
		"info": map[string]any{"name": "typed sets"},
		"item": []any{
			map[string]any{
				"name":    "set",
				"request": srv.URL + "/a",
				"event": testScript(
					`pm.environment.set("n1", "5", "number");`,
					`pm.environment.set("b1", "", "boolean");`,
					`pm.environment.set("s1", 7, "string");`,
					`pm.environment.set("o1", "[1]", "object");`,
					`pm.environment.set("typed", "6", "string");`,
					`pm.globals.set("g1", "9", "number");`,
					`pm.test("cast for this script", () => pm.expect([pm.environment.get("n1"), pm.environment.get("b1"), pm.environment.get("s1"), pm.environment.get("o1"), pm.globals.get("g1")]).to.eql([5, false, "7", undefined, 9]));`,
					`pm.environment.set("n1", "12");`,
					`pm.test("later sets cast too", () => pm.expect(pm.environment.get("n1")).to.equal(12));`,
					`pm.test("replaceIn", () => pm.expect(pm.environment.replaceIn("{{n1}}{{b1}}")).to.equal("12false"));`,
				),
			},
			map[string]any{
				"name":    "next",
				"request": srv.URL + "/b",
				"event": testScript(
					`pm.test("as given", () => pm.expect([pm.environment.get("n1"), pm.environment.get("b1"), pm.environment.get("s1"), pm.environment.get("o1"), pm.globals.get("g1")]).to.eql(["12", "", 7, "[1]", "9"]));`,
					`pm.test("a typed variable keeps its type", () => pm.expect(pm.environment.get("typed")).to.equal(6));`,
				),
			},
		},
	}
	env := `{"name": "e", "values": [{"key": "typed", "value": 1, "type": "number"}]}`
	failures, assertions, exported := runScripted(t, coll, env)
	if diff := cmp.Diff([]string(nil), failures); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
	if assertions != 5 {
		t.Errorf("%d assertions ran, want 5", assertions)
	}
	want := []string{`typed number 6`, `n1 any "12"`, `b1 any ""`, `s1 any 7`, `o1 any "[1]"`}
	if diff := cmp.Diff(want, exported); diff != "" {
		t.Errorf("exported environment (-want +got):\n%s", diff)
	}
}

// runScripted runs coll with the environment env and returns what the
// JSON report lists as failures ("item: test: message"), how many
// assertions ran, and the exported environment's entries as "key type
// value" with the value as JSON.
func runScripted(t *testing.T, coll map[string]any, env string) (failures []string, assertions int, exported []string) {
	t.Helper()
	dir := t.TempDir()
	data, err := json.Marshal(coll)
	if err != nil {
		t.Fatal(err)
	}
	collPath := writeFile(t, dir, "c.json", string(data))
	envPath := writeFile(t, dir, "env.json", env)
	report, out := filepath.Join(dir, "report.json"), filepath.Join(dir, "out.json")
	res := colrun(t, nil, "run", collPath, "-e", envPath, "-r", "json", "--reporter-json-export", report, "--export-environment", out)
	if res.code != exitOK && res.code != exitFailed {
		t.Fatalf("exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	var doc struct {
		Run struct {
			Stats struct {
				Assertions struct{ Total int }
			}
			Failures []struct {
				Source struct{ Name string }
				Error  struct{ Test, Message string }
			}
		}
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Run.Failures {
		failures = append(failures, f.Source.Name+": "+f.Error.Test+": "+f.Error.Message)
	}
	raw, err = os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var vars struct {
		Values []struct {
			Key   string
			Value any
			Type  string
		}
	}
	if err := json.Unmarshal(raw, &vars); err != nil {
		t.Fatal(err)
	}
	for _, v := range vars.Values {
		b, _ := json.Marshal(v.Value)
		exported = append(exported, v.Key+" "+v.Type+" "+string(b))
	}
	return failures, doc.Run.Stats.Assertions.Total, exported
}

// testScript is an item's "event" list with one test script.
func testScript(lines ...string) []any {
	return []any{map[string]any{"listen": "test", "script": map[string]any{"exec": lines}}}
}
