package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/variables"
)

func TestParallelIterationsKeepEachIterationTogetherAndInOrder(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("n\n")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&csv, "%d\n", i)
	}
	path := filepath.Join(dir, "d.csv")
	if err := os.WriteFile(path, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := collections.OpenData(path)
	if err != nil {
		t.Fatal(err)
	}
	c := parse(t, collection(rec.srv.URL, `{"name":"a","request":"{{base}}/a/{{n}}"},{"name":"b","request":"{{base}}/b/{{n}}"}`))
	ev, _ := run(t, c, Options{Data: data, Parallel: 4})

	// Events come one whole iteration at a time, in iteration order.
	current := -1
	var order []string
	for _, e := range ev.all {
		switch {
		case e.IterationStart != nil:
			if e.IterationStart.Iteration != current+1 {
				t.Fatalf("iteration %d started after %d", e.IterationStart.Iteration, current)
			}
			current = e.IterationStart.Iteration
		case e.Request != nil:
			if e.Request.Cursor.Iteration != current {
				t.Fatalf("a request of iteration %d inside iteration %d", e.Request.Cursor.Iteration, current)
			}
			order = append(order, strings.TrimPrefix(e.Request.Sent.URL, rec.srv.URL))
		}
	}
	if current != 19 {
		t.Fatalf("last iteration = %d, want 19", current)
	}
	var want []string
	for i := 0; i < 20; i++ {
		want = append(want, fmt.Sprintf("/a/%d", i), fmt.Sprintf("/b/%d", i))
	}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("request order (-want +got):\n%s", diff)
	}
	var served []string
	for _, r := range rec.all() {
		served = append(served, r.URI)
	}
	sort.Strings(served)
	sort.Strings(want)
	if diff := cmp.Diff(want, served); diff != "" {
		t.Errorf("the server did not get every request once (-want +got):\n%s", diff)
	}
}

func TestParallelWritesMergeInIterationOrder(t *testing.T) {
	t.Parallel()
	final := variables.NewScopes(nil)
	final.Environment.Set("keep", "0")
	final.Environment.Set("drop", "x")
	worker := func() *variables.Scopes {
		s := variables.NewScopes(nil)
		s.Environment = final.Environment.Clone()
		s.Environment.TrackWrites()
		return s
	}
	// Iteration 1 (on worker B) writes after iteration 0 (on worker A),
	// which finished later in wall time but must not win; iteration 2,
	// back on A, writes the value A's copy already holds, and wins.
	a, b := worker(), worker()
	a.Environment.Set("token", "from-0")
	a.Environment.Set("again", "a")
	writes := [][]scopeWrites{writtenShared(a)}
	b.Environment.Set("token", "from-1")
	b.Environment.Set("again", "b")
	b.Environment.Unset("drop")
	writes = append(writes, writtenShared(b))
	a.Environment.Set("again", "a")
	writes = append(writes, writtenShared(a))
	for _, w := range writes {
		for _, sw := range w {
			sw.apply(final)
		}
	}
	got := map[string]any{}
	for _, e := range final.Environment.Entries() {
		got[e.Key] = e.Value
	}
	if diff := cmp.Diff(map[string]any{"keep": "0", "token": "from-1", "again": "a"}, got); diff != "" {
		t.Errorf("merged environment (-want +got):\n%s", diff)
	}
}
