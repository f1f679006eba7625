package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReporterOptionValuesAsNewman: Newman 6.2.2 reads a reporter
// option's value as text and its reporters test it for truth, so a switch
// given any value is on ("--reporter-cli-no-summary=false" leaves the
// summary out), and a value starting with "-" is no value, so
// "--reporter-json-export -" and "--reporter-json-export=-" write the
// report to Newman's default path. colrun printed the summary for "=false"
// and "=0", refused "=" and "false" as a second collection (exit 2),
// refused "-" the same way and wrote a file named "-" for "=-". What each
// case expects is what Newman 6.2.2 printed, wrote and exited with.
func TestReporterOptionValuesAsNewman(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	srv := okServer(t)
	coll := writeFile(t, t.TempDir(), "c.json", fmt.Sprintf(`{"info":{"name":"values"},"item":[
		{"name":"r","request":"%s/r","event":[{"listen":"test","script":{"exec":["pm.test('passes', () => {});"]}}]}]}`, srv.URL))
	const summary = "│              iterations │"
	tests := []struct {
		name        string
		args        []string
		wantSummary bool
		wantStdout  bool
		wantFiles   []string // in the working directory, as globs
	}{
		{"no-summary=false", []string{"--reporter-cli-no-summary=false"}, false, true, nil},
		{"no-summary false", []string{"--reporter-cli-no-summary", "false"}, false, true, nil},
		{"no-summary=0", []string{"--reporter-cli-no-summary=0"}, false, true, nil},
		{"no-summary=", []string{"--reporter-cli-no-summary="}, false, true, nil},
		{"common no-summary=false", []string{"--reporter-no-summary=false"}, false, true, nil},
		{"silent=false", []string{"--reporter-cli-silent=false"}, false, false, nil},
		{"no switch", nil, true, true, nil},
		{"json export -", []string{"-r", "cli,json", "--reporter-json-export", "-"}, true, true, []string{"newman/newman-run-report-*.json"}},
		{"json export=-", []string{"-r", "cli,json", "--reporter-json-export=-"}, true, true, []string{"newman/newman-run-report-*.json"}},
		{"junit export=-x.xml", []string{"-r", "cli,junit", "--reporter-junit-export=-x.xml"}, true, true, []string{"newman/newman-run-report-*.xml"}},
		{"common export -", []string{"-r", "cli,json", "--reporter-export", "-"}, true, true, []string{"newman/newman-run-report-*.json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			cmd := exec.Command(bin, append([]string{"run", coll, "--color", "off"}, tc.args...)...)
			cmd.Dir = dir
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v, want exit 0; stderr %s", err, stderr.String())
			}
			if got := strings.Contains(stdout.String(), summary); got != tc.wantSummary {
				t.Errorf("summary printed = %v, want %v:\n%s", got, tc.wantSummary, stdout.String())
			}
			if got := stdout.Len() > 0; got != tc.wantStdout {
				t.Errorf("printed = %v, want %v:\n%s", got, tc.wantStdout, stdout.String())
			}
			var got []string
			err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(dir, path)
					got = append(got, rel)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.wantFiles) {
				t.Fatalf("files written %q, want %q", got, tc.wantFiles)
			}
			for i, pattern := range tc.wantFiles {
				if ok, _ := filepath.Match(pattern, got[i]); !ok {
					t.Errorf("file %q, want %q", got[i], pattern)
				}
			}
		})
	}
}
