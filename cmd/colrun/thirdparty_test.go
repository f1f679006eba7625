package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Reporters colrun lacks, and their options, are warned about and the run
// goes on, as Newman 6.2.2 does when a reporter is not installed ("newman:
// could not find "htmlextra" reporter", exit 0); its exit code still
// follows the run.
func TestThirdPartyReportersAreSkippedWithAWarning(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	pass := writeFile(t, dir, "pass.json", fmt.Sprintf(`{"info":{"name":"p"},"item":[{"name":"r","request":"%s/x",
		"event":[{"listen":"test","script":{"exec":["pm.test('ok', function () { pm.response.to.have.status(200); });"]}}]}]}`, srv.URL))
	fail := writeFile(t, dir, "fail.json", fmt.Sprintf(`{"info":{"name":"f"},"item":[{"name":"r","request":"%s/x",
		"event":[{"listen":"test","script":{"exec":["pm.test('no', function () { pm.response.to.have.status(404); });"]}}]}]}`, srv.URL))
	html := filepath.Join(dir, "report.html")
	jsonOut := filepath.Join(dir, "r.json")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantWarn   bool
		wantStdout string
		wantJSON   bool
	}{
		{"htmlextra beside cli and json, with its options",
			[]string{"run", pass, "-r", "cli,htmlextra,json", "--reporter-htmlextra-export", html, "--reporter-htmlextra-darkTheme", "--reporter-htmlextra-title", "Nightly", "--reporter-json-export", jsonOut},
			0, true, "assertions", true},
		{"only a missing reporter: the CLI report runs", []string{"run", pass, "-r", "htmlextra"}, 0, true, "assertions", false},
		{"a failing run still exits 1", []string{"run", fail, "-r", "cli,htmlextra", "--reporter-htmlextra-export=" + html}, 1, true, "AssertionError", false},
		{"options of a reporter not asked for are ignored silently", []string{"run", pass, "--reporter-allure-export", filepath.Join(dir, "allure")}, 0, false, "assertions", false},
		{"a boolean option before the collection leaves it in place", []string{"run", "--reporter-htmlextra-darkTheme", pass}, 0, false, "assertions", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := colrun(t, nil, append(tc.args, "--color", "off")...)
			if res.code != tc.wantCode {
				t.Fatalf("exit %d, want %d\nstderr:\n%s", res.code, tc.wantCode, res.stderr)
			}
			warned := strings.Contains(res.stderr, `colrun: no "htmlextra" reporter`) && strings.Contains(res.stderr, "the run goes on without it")
			if warned != tc.wantWarn {
				t.Errorf("warning shown = %v, want %v; stderr:\n%s", warned, tc.wantWarn, res.stderr)
			}
			if !strings.Contains(res.stdout, tc.wantStdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.wantStdout, res.stdout)
			}
			if _, err := os.Stat(jsonOut); tc.wantJSON && err != nil {
				t.Errorf("the JSON report was not written: %v", err)
			}
			if _, err := os.Stat(html); err == nil {
				t.Errorf("colrun wrote %s, which it cannot produce", html)
			}
		})
	}
}
