package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunCLIFormsAsNewman runs a real server and checks the cli lines
// that Newman prints in forms of its own: the request URL unencoded (as
// Postman's Url.toString() gives it), the setNextRequest notice, the
// multi-line failure detail, and the --reporter-cli-* switches.
func TestRunCLIFormsAsNewman(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	host := strings.TrimPrefix(srv.URL, "http://")
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"forms"},"variable":[{"key":"h","value":%q}],"item":[
	  {"name":"one","request":"HTTP://{{h}}/p a/日本?q=a b&d=\"x\"#frag",
	   "event":[{"listen":"test","script":{"exec":["pm.test('passes', ()=>{}); pm.execution.setNextRequest('three')"]}}]},
	  {"name":"two","request":"http://{{h}}/two"},
	  {"name":"three","request":"http://{{h}}/three",
	   "event":[{"listen":"test","script":{"exec":["pm.test('parses', ()=>{ throw new Error('first line\\nsecond line') }); pm.test.skip('later', ()=>{}); pm.test('bad', ()=>pm.response.to.have.status(201))"]}}]}]}`, host))
	tests := []struct {
		name          string
		flags         []string
		want, notWant []string
	}{
		{"default", nil, []string{
			"  GET HTTP://" + host + `/p a/日本?q=a b&d="x"#frag [200 OK`,
			"\nAttempting to set next request to three\n\n→ three\n",
			"✓  passes", "-  [skipped] later", " 2. bad",
			"\n                     first line\n                     second line\n",
		}, []string{"→ two", "%20", "\nsecond line"}},
		{"no assertions", []string{"--reporter-cli-no-assertions"}, []string{"inside \"three\""}, []string{"✓  passes", "[skipped]", " 2. bad"}},
		{"no success assertions", []string{"--reporter-cli-no-success-assertions"}, []string{" 2. bad"}, []string{"✓  passes", "[skipped]"}},
		{"timestamps", []string{"--reporter-cli-show-timestamps"}, []string{"M]  GET HTTP://", "M]  ✓  passes", "M] 2. bad"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"run", coll, "--color", "off", "-r", "cli,json", "--reporter-json-export", filepath.Join(t.TempDir(), "r.json")}, tc.flags...)
			res := colrun(t, nil, args...)
			if res.code != exitFailed {
				t.Errorf("exit %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(res.stdout, w) {
					t.Errorf("stdout lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(res.stdout, w) {
					t.Errorf("stdout has %q", w)
				}
			}
			if t.Failed() {
				t.Logf("stdout:\n%s", res.stdout)
			}
		})
	}
}
