package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizeOptionalValues(t *testing.T) {
	t.Parallel()
	// An existing file after a flag with an optional value is the
	// collection, not the value.
	c := writeFile(t, t.TempDir(), "c.json", "{}")
	for _, tc := range []struct {
		in, want []string
	}{
		{[]string{"--bail", c}, []string{"--bail=true", c}},
		{[]string{c, "--bail"}, []string{c, "--bail=true"}},
		{[]string{"--bail", "failure", c}, []string{"--bail=failure", c}},
		{[]string{"--bail", "folder,failure"}, []string{"--bail=folder,failure"}},
		{[]string{"--delay-request", c}, []string{"--delay-request=0", c}},
		{[]string{"--delay-request", "500", c}, []string{"--delay-request=500", c}},
		{[]string{"--timeout-request", "2s", "--timeout"}, []string{"--timeout-request=2s", "--timeout=0"}},
		{[]string{"--timeout-script=5"}, []string{"--timeout-script=5"}},
		{[]string{"--", "--bail"}, []string{"--", "--bail"}},
		{[]string{"--timeout-request", "soon"}, []string{"--timeout-request=soon"}},
	} {
		if diff := cmp.Diff(tc.want, normalizeOptionalValues(tc.in)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestNewmanFlags(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"b"},"item":[
	  {"name":"one","request":"%s/1","event":[{"listen":"test","script":{"exec":["pm.test('fails', ()=>pm.expect(1).to.eql(2))"]}}]},
	  {"name":"two","request":"%s/2"}]}`, srv.URL, srv.URL))
	tests := []struct {
		name      string
		args      []string
		code      int
		want      string // in stdout, or in stderr for a usage error
		ranSecond bool
	}{
		{"bare --bail before the path", []string{"--bail", coll}, exitFailed, "→ one", false},
		{"--bail failure", []string{coll, "--bail", "failure"}, exitFailed, "→ one", false},
		{"--bail folder does not stop at a failed assertion", []string{coll, "--bail", "folder"}, exitFailed, "→ two", true},
		{"--bail failure,folder", []string{coll, "--bail", "failure,folder"}, exitFailed, "→ one", false},
		{"bare --delay-request", []string{"--delay-request", coll}, exitFailed, "→ two", true},
		{"bare --timeout-request", []string{coll, "--timeout-request"}, exitFailed, "→ two", true},
		{"--export-collection", []string{coll, "--export-collection", filepath.Join(dir, "out", "c.json")}, exitFailed, "→ two", true},
		{"--ssl-client-cert-list", []string{coll, "--ssl-client-cert-list", "l.json"}, exitUsage, "--ssl-client-cert-list l.json: no such file", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := runAndCheck(t, tc.args, tc.code, tc.want)
			if got := strings.Contains(res.stdout, "→ two"); got != tc.ranSecond {
				t.Errorf("ran the second request: %v, want %v", got, tc.ranSecond)
			}
		})
	}
}

// runAndCheck runs "colrun run --color off" with args and checks its exit
// code and that want is in its output: stderr for a usage error, stdout
// otherwise.
func runAndCheck(t *testing.T, args []string, code int, want string) result {
	t.Helper()
	res := colrun(t, nil, append([]string{"run", "--color", "off"}, args...)...)
	if res.code != code {
		t.Errorf("exit %d, want %d; stderr %s", res.code, code, res.stderr)
	}
	out := res.stdout
	if code == exitUsage {
		out = res.stderr
	}
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	return res
}

// Newman's two other built-in reporters run as they do under Newman 6.2.2:
// emojitrain's faces on stdout, progress's bar only on a terminal (so
// nothing here), both silenced by --silent, and Newman's warning when two
// reporters that own the terminal are asked for together.
func TestNewmanTerminalReporters(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	coll := writeFile(t, t.TempDir(), "c.json", fmt.Sprintf(`{"info":{"name":"b"},"item":[
	  {"name":"one","request":"%s/1","event":[{"listen":"test","script":{"exec":["pm.test('fails', ()=>pm.expect(1).to.eql(2))"]}}]},
	  {"name":"two","request":"%s/2"}]}`, srv.URL, srv.URL))
	tests := []struct {
		name       string
		args       []string
		wantStdout string
		wantStderr string
	}{
		{"emojitrain", []string{"-r", "emojitrain"}, "😢 😀  😭\n", ""},
		{"progress off a terminal", []string{"-r", "progress"}, "", ""},
		{"emojitrain silenced", []string{"-r", "emojitrain", "--silent"}, "", ""},
		{"emojitrain with cli", []string{"-r", "emojitrain,cli,json", "--reporter-json-export", filepath.Join(t.TempDir(), "r.json")}, "", "colrun: warning: emojitrain, cli reporters might not work well together.\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, append([]string{"run", coll, "--color", "off"}, tc.args...)...)
			if res.code != exitFailed {
				t.Errorf("exit %d, want %d (an assertion fails); stderr %s", res.code, exitFailed, res.stderr)
			}
			if tc.wantStderr != "" {
				if !strings.HasPrefix(res.stderr, tc.wantStderr) {
					t.Errorf("stderr %q, want it to start with %q", res.stderr, tc.wantStderr)
				}
				return
			}
			if res.stdout != tc.wantStdout || res.stderr != "" {
				t.Errorf("stdout %q, stderr %q; want stdout %q and nothing on stderr", res.stdout, res.stderr, tc.wantStdout)
			}
		})
	}
}
