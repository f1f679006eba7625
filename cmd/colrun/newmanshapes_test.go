package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCollectionShapesAsNewman runs collections in shapes Newman's own
// integration fixtures use (inherited-entities) and Newman 6.2.2 runs: a
// collection with no "info", named at its root, and an item whose "event"
// is one event object rather than a list. The report's collection name and
// the assertions are those Newman reports; colrun refused the lone event
// ("expected a list of events") and showed no name.
func TestCollectionShapesAsNewman(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	tests := []struct {
		name, collection string
		wantName         string
		want             []string
	}{
		{
			name:       "no info: the name is at the root",
			collection: `{"name": "Inherited Entities", "item": [{"name": "r", "request": "URL", "event": [{"listen": "test", "script": {"exec": ["pm.test('ran', function () {});"]}}]}]}`,
			wantName:   "Inherited Entities",
			want:       []string{"ran"},
		},
		{
			name:       "a lone event object",
			collection: `{"info": {"name": "c"}, "item": [{"name": "r", "request": "URL", "event": {"listen": "test", "script": {"exec": ["pm.test('lone event ran', function () { pm.response.to.have.status(200); });"]}}}]}`,
			wantName:   "c",
			want:       []string{"lone event ran"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "c.json")
			if err := os.WriteFile(path, []byte(strings.ReplaceAll(tc.collection, "URL", srv.URL)), 0o644); err != nil {
				t.Fatal(err)
			}
			report := filepath.Join(dir, "r.json")
			out, err := exec.Command(bin, "run", path, "-r", "json", "--reporter-json-export", report).CombinedOutput()
			if err != nil {
				t.Fatalf("colrun run: %v\n%s", err, out)
			}
			var r struct {
				Collection struct{ Info struct{ Name string } }
				Run        struct {
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
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("assertions (-Newman +colrun):\n%s", d)
			}
			if r.Collection.Info.Name != tc.wantName {
				t.Errorf("collection name = %q, Newman's is %q", r.Collection.Info.Name, tc.wantName)
			}
		})
	}
}
