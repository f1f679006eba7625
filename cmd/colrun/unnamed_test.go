package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnnamedItemsInTheCLI checks how items without a name show, as
// Newman 6.2.2 shows them: an empty name on the item's "→" (or "↳")
// line, and the item's id on the failure list's "inside" line (Newman's
// getFullName).
func TestUnnamedItemsInTheCLI(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(srv.Close)
	coll := writeFile(t, t.TempDir(), "c.json", `{"info":{"name":"u"},"item":[
		{"id":"abc-id","request":"`+srv.URL+`/x","event":[{"listen":"test","script":{"exec":["pm.test('t', () => pm.expect(1).to.equal(2))"]}}]},
		{"name":"folder","item":[{"id":"in-folder","request":"`+srv.URL+`/y","event":[{"listen":"test","script":{"exec":["pm.test('u', () => pm.expect(1).to.equal(2))"]}}]}]}]}`)
	res := colrun(t, nil, "run", coll, "--color", "off")
	// Lines of Newman 6.2.2's output for the same collection.
	for _, want := range []string{"\n→ \n  GET " + srv.URL + "/x", "\n↳ \n  GET " + srv.URL + "/y", `inside "abc-id"`, `inside "folder / in-folder"`} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("no %q in the output:\n%s", want, res.stdout)
		}
	}
}

// TestUnnamedItemsInTheJSONReport checks that an execution's item without
// a name has no "name" member in the JSON report, as in Newman 6.2.2's
// ({"id":"abc-id"}), rather than an empty name.
func TestUnnamedItemsInTheJSONReport(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"u"},"item":[{"id":"abc-id","request":"`+srv.URL+`/x"},{"id":"n-id","name":"named","request":"`+srv.URL+`/y"}]}`)
	out := filepath.Join(dir, "r.json")
	if res := colrun(t, nil, "run", coll, "-r", "json", "--reporter-json-export", out); res.code != exitOK {
		t.Fatalf("exit %d:\n%s%s", res.code, res.stdout, res.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Run struct {
			Executions []struct {
				Item map[string]any `json:"item"`
			} `json:"executions"`
		} `json:"run"`
	}
	if err := json.Unmarshal(b, &report); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	for _, x := range report.Run.Executions {
		got = append(got, x.Item)
	}
	want := []map[string]any{{"id": "abc-id"}, {"id": "n-id", "name": "named"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("executions[].item (-Newman +colrun):\n%s", diff)
	}
}
