package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSugarPrototypesAsNewman runs the scripts of Newman's own
// prototype-check fixture, which lean on the Sugar library Postman's
// sandbox loads (['a'].none(), (56).ordinalize(), fn.once()...), plus a
// pre-request script that uses Sugar and a test that then reads it. The
// assertions are those Newman 6.2.2 reports for the same collection, all
// passing; colrun used to fail the test script with a TypeError.
func TestSugarPrototypesAsNewman(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"args":{}}`))
	}))
	t.Cleanup(srv.Close)

	legacy := `tests["Array prototype none"] = ['a', 'b', 'c'].none('d');
tests["Array prototype any"] = [ [1,2], [2,3] ].any([2,3]);
tests["Array prototype average"] = [ 1, 2, 3, 4, 5 ].average() === 3;
var fCount = 0;
var fn = (function() { fCount++; }).once(); fn(); fn(); fn();
tests["Function prototype once"] = fCount===1;
tests["Number prototype hex"] = (56).hex() === '38';
tests["Number prototype ordinalize"] = (56).ordinalize() === '56th';
tests["Number prototype format"] = (56789.10).format() === '56,789.1';
tests["String prototype camelize"] = 'a-beta'.camelize() === 'ABeta';
tests["String prototype shift"] = 'abc'.shift(5) === 'fgh';
tests["String prototype spacify"] = 'a-b_cD'.spacify() === 'a b c d';`
	coll := map[string]any{
		"info": map[string]any{"name": "sugar", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": []any{
			map[string]any{
				"name":    "legacy",
				"event":   []any{map[string]any{"listen": "test", "script": map[string]any{"exec": legacy}}},
				"request": srv.URL + "/get",
			},
			map[string]any{
				"name": "pm",
				"event": []any{
					map[string]any{"listen": "prerequest", "script": map[string]any{"exec": `pm.variables.set('words', 'hello big world'.words().length);`}},
					map[string]any{"listen": "test", "script": map[string]any{"exec": `pm.test('unique ' + [1, 2, 2].unique().join() + ' words ' + pm.variables.get('words'), function () {
    pm.expect([3, 1, 2].max()).to.equal(3);
});`}},
				},
				"request": srv.URL + "/get",
			},
		},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "c.json")
	data, _ := json.Marshal(coll)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "r.json")
	out, err := exec.Command(bin, "run", path, "-r", "json", "--reporter-json-export", report).CombinedOutput()
	if err != nil {
		t.Fatalf("colrun run: %v\n%s", err, out)
	}
	var r struct {
		Run struct {
			Executions []struct {
				Assertions []struct {
					Assertion string
					Error     *struct{ Message string }
				}
			}
		}
	}
	readJSON(t, report, &r)
	var got []string
	for _, e := range r.Run.Executions {
		for _, a := range e.Assertions {
			if a.Error != nil {
				got = append(got, a.Assertion+": "+a.Error.Message)
				continue
			}
			got = append(got, a.Assertion)
		}
	}
	want := []string{
		"Array prototype none", "Array prototype any", "Array prototype average", "Function prototype once",
		"Number prototype hex", "Number prototype ordinalize", "Number prototype format",
		"String prototype camelize", "String prototype shift", "String prototype spacify",
		"unique 1,2 words 3",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("assertions (-Newman +colrun):\n%s", d)
	}
}
