package runner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Once a form-data body is sent, Newman 6.2.2's test scripts and report
// show its file paths with their variables resolved (colrun showed
// "{{fname}}"), and a file part that had no file with the empty file name
// it was sent with (colrun's scripts showed none; its report already did).
// The wanted texts are what Newman's test script printed.
func TestSentFormFilesShowResolvedPathsAndEmptyFileNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "b.json"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, params string
		want         string
		// wantSrc are the report's srcs of the form's parameters.
		wantSrc [][]string
	}{
		{"a path with a variable", `{"key":"kk","type":"file","src":"{{fname}}"},{"key":"v","value":"{{val}}"}`,
			`[{"key":"kk","type":"file","src":"a.txt"},{"key":"v","value":"vé"}]`, [][]string{{"a.txt"}, nil}},
		{"a list of paths with variables", `{"key":"l","type":"file","src":["{{fname}}","{{nope}}","b.json"]}`,
			`[{"key":"l","type":"file","src":"a.txt"},{"key":"l","type":"file","src":"b.json"}]`, [][]string{{"a.txt"}, {"b.json"}}},
		{"a disabled file", `{"key":"d","type":"file","src":"{{fname}}","disabled":true},{"key":"x","value":"1"}`,
			`[{"disabled":true,"key":"d","type":"file","src":"a.txt"},{"key":"x","value":"1"}]`, [][]string{{"a.txt"}, nil}},
		{"a missing file with a variable", `{"key":"l","type":"file","src":"{{nope}}"},{"key":"x","value":"1"}`,
			`[{"disabled":true,"key":"l","type":"file","src":"nope.txt"},{"key":"x","value":"1"}]`, [][]string{{"nope.txt"}, nil}},
		{"no src", `{"key":"ns","type":"file"},{"key":"x","value":"1"}`,
			`[{"key":"ns","type":"file","fileName":""},{"key":"x","value":"1"}]`, [][]string{nil, nil}},
		{"an empty list of srcs", `{"key":"ns","type":"file","src":[]},{"key":"x","value":"1"}`,
			`[{"key":"ns","type":"file","src":[],"fileName":""},{"key":"x","value":"1"}]`, [][]string{nil, nil}},
		{"no src and a null fileName", `{"key":"ns","type":"file","fileName":null},{"key":"x","value":"1"}`,
			`[{"key":"ns","type":"file","fileName":""},{"key":"x","value":"1"}]`, [][]string{nil, nil}},
		{"no src and a fileName", `{"key":"ns","type":"file","fileName":"f.txt"},{"key":"x","value":"1"}`,
			`[{"key":"ns","type":"file","fileName":"f.txt"},{"key":"x","value":"1"}]`, [][]string{nil, nil}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"fname","value":"a.txt"},{"key":"nope","value":"nope.txt"},{"key":"val","value":"vé"}],
				"item":[{"name":"r","request":{"method":"POST","url":"` + rec.srv.URL + `/b","body":{"mode":"formdata","formdata":[` + tc.params + `]}},
					"event":[{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.request.body.formdata), () => {});"]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{WorkingDir: dir})
			if d := cmp.Diff([]string{tc.want}, ev.testNames()); d != "" {
				t.Errorf("pm.request.body.formdata in the test script (-want +got):\n%s", d)
			}
			reqs := ev.requests()
			if len(reqs) != 1 || reqs[0].Sent.Spec == nil {
				t.Fatalf("%d request events, want 1 with a body", len(reqs))
			}
			var srcs [][]string
			for _, p := range reqs[0].Sent.Spec.FormData {
				srcs = append(srcs, p.Src)
			}
			if d := cmp.Diff(tc.wantSrc, srcs); d != "" {
				t.Errorf("the report's srcs (-want +got):\n%s", d)
			}
		})
	}
}
