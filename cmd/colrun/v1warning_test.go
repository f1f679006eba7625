package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestV1CollectionRunsWithAWarning checks that a Postman Collection v1 file
// runs (Newman 6.2.2 converts it too) and that stderr says it was
// converted, as Newman's "deprecates support for the v1 collection format"
// line does, while a v2.1 file gets no such line.
func TestV1CollectionRunsWithAWarning(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	v1 := writeFile(t, dir, "old.json", fmt.Sprintf(`{"id":"c","name":"Old","order":["r"],"requests":[
		{"id":"r","name":"R","method":"GET","url":"%s/x","tests":"tests['ok'] = JSON.parse(responseBody).ok === true;"}]}`, srv.URL))
	v2 := writeFile(t, dir, "new.json", fmt.Sprintf(`{"info":{"name":"New"},"item":[{"name":"R","request":"%s/x"}]}`, srv.URL))
	tests := []struct {
		name, path  string
		wantWarning bool
	}{
		{"v1 is converted and said so", v1, true},
		{"v2.1 is not", v2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, "run", tc.path, "--color", "off")
			if res.code != exitOK {
				t.Fatalf("exit %d, want 0\n%s%s", res.code, res.stdout, res.stderr)
			}
			warned := strings.Contains(res.stderr, "colrun: warning: "+tc.path+" is a Postman Collection v1 file")
			if warned != tc.wantWarning {
				t.Errorf("stderr warning = %v, want %v:\n%s", warned, tc.wantWarning, res.stderr)
			}
			if tc.wantWarning && !strings.Contains(res.stdout, "✓  ok") {
				t.Errorf("the v1 file's test did not pass:\n%s", res.stdout)
			}
		})
	}
}
