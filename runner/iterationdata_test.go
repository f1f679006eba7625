package runner

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// TestIterationCountBeyondJSONDataRepeatsTheLastRow runs more iterations
// than a JSON data file has rows: as in Newman, the last row repeats. The
// JSON reader has consumed its closing bracket once it reports the end,
// so reading it a second time failed the run with "unexpected EOF".
func TestIterationCountBeyondJSONDataRepeatsTheLastRow(t *testing.T) {
	t.Parallel()
	path := writeData(t, "d.json", `[{"n":"a"},{"n":"b"}]`)
	for _, parallel := range []int{1, 3} {
		t.Run(fmt.Sprintf("parallel %d", parallel), func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			c := parse(t, collection(rec.srv.URL, `{"name":"a","request":"{{base}}/a/{{n}}"}`))
			ev, res := run(t, c, Options{Data: openData(t, path), Iterations: 5, Parallel: parallel})
			if res.Stopped != nil {
				t.Fatalf("run stopped: %v", res.Stopped)
			}
			var got []string
			for _, r := range ev.requests() {
				got = append(got, strings.TrimPrefix(r.Sent.URL, rec.srv.URL))
			}
			want := []string{"/a/a", "/a/b", "/a/b", "/a/b", "/a/b"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDataFileBrokenMidRunStopsAfterTheRowsBeforeIt breaks a data file
// while the run reads it (the file is checked to its end before the first
// request, so only a file changed meanwhile gets here): every row before
// the bad one runs and is reported and the run ends with the file's error,
// on workers as in a sequential run. Workers were cancelled instead, and
// the run ended with "run interrupted: context canceled" and no error.
func TestDataFileBrokenMidRunStopsAfterTheRowsBeforeIt(t *testing.T) {
	t.Parallel()
	const rows, bad = 100, 90
	// Rows of about 1 kB put the bad one past the 64 kB the reader takes
	// at its first read, so the change made at the first request is read.
	pad := strings.Repeat("x", 1000)
	var csv strings.Builder
	csv.WriteString("n,pad\n")
	offsets := make([]int, rows)
	for i := 0; i < rows; i++ {
		offsets[i] = csv.Len()
		fmt.Fprintf(&csv, "r%03d,%s\n", i, pad)
	}
	for _, parallel := range []int{1, 2} {
		t.Run(fmt.Sprintf("parallel %d", parallel), func(t *testing.T) {
			t.Parallel()
			path := writeData(t, "d.csv", csv.String())
			var once sync.Once
			breakRow := func(w http.ResponseWriter, r *http.Request) {
				once.Do(func() {
					f, err := os.OpenFile(path, os.O_WRONLY, 0)
					if err != nil {
						t.Error(err)
						return
					}
					defer f.Close()
					// "\"090,xxx..." opens a quote that is never closed.
					if _, err := f.WriteAt([]byte(`"`), int64(offsets[bad])); err != nil {
						t.Error(err)
					}
				})
				fmt.Fprint(w, "ok")
			}
			rec := newRecorder(t, map[string]http.HandlerFunc{"/a": breakRow})
			c := parse(t, collection(rec.srv.URL, `{"name":"a","request":"{{base}}/a?n={{n}}"}`))
			r, err := New(c, Options{Data: openData(t, path), Parallel: parallel, NoScripts: true})
			if err != nil {
				t.Fatal(err)
			}
			ev := &events{}
			_, err = r.Run(context.Background(), ev)
			var ie *collections.InputError
			if !errors.As(err, &ie) || ie.Line != bad+2 {
				t.Fatalf("run error = %v, want the data file's error at line %d (%d requests)", err, bad+2, len(ev.requests()))
			}
			var got []string
			for _, r := range ev.requests() {
				got = append(got, strings.TrimPrefix(r.Sent.URL, rec.srv.URL))
				if r.Error != "" {
					t.Errorf("request %s failed: %s", r.Sent.URL, r.Error)
				}
			}
			var want []string
			for i := 0; i < bad; i++ {
				want = append(want, fmt.Sprintf("/a?n=r%03d", i))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// writeData writes an iteration data file into a new temporary directory
// and returns its path.
func writeData(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openData opens the data file at path for one run.
func openData(t *testing.T, path string) *collections.DataFile {
	t.Helper()
	data, err := collections.OpenData(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
