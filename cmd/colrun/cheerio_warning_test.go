package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheerioGlobalWarning checks that a script using the global cheerio
// gets postman-sandbox's deprecation warning as Newman 6.2.2 prints it:
// once per script run whatever the number of uses, on a use in the
// script's synchronous part only (not in a timer, not for merely copying
// the global), and in the cli report's console box alone: --silent and
// -r json print nothing. The console lines are Newman's, recorded side by
// side on the same collection.
func TestCheerioGlobalWarning(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	item := func(name, pre, test string) map[string]any {
		event := func(listen, src string) map[string]any {
			return map[string]any{"listen": listen, "script": map[string]any{"exec": []string{src}}}
		}
		return map[string]any{"name": name, "request": srv.URL + "/get",
			"event": []any{event("prerequest", pre), event("test", test)}}
	}
	coll, err := json.Marshal(map[string]any{"info": map[string]any{"name": "cheerio"}, "item": []any{
		item("twice", "var $ = cheerio.load('<p>a</p>'); console.log('pre', $('p').text()); cheerio.load('<i/>');",
			"var $ = cheerio.load('<p>b</p>'); pm.test('t ' + $('p').text(), function () {});"),
		item("copied", "console.log('pre2');", "var x = cheerio; pm.test('copied', function () {});"),
		item("async", "console.log('pre3');", "setTimeout(function () { cheerio.load('<a/>'); console.log('async'); }, 0);"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	// Each iteration's console lines: the warning goes over two lines, as
	// the cli report wraps it.
	iteration := []string{
		"`Using \"cheerio\" is deprecated. Use \"require('cheerio'", ")\" instead.`", "'pre', 'a'",
		"`Using \"cheerio\" is deprecated. Use \"require('cheerio'", ")\" instead.`",
		"'pre2'", "'pre3'", "'async'",
	}

	for _, tc := range []struct {
		name    string
		args    []string
		console []string // the lines of the cli report's console boxes
		quiet   bool
	}{
		{name: "cli", args: []string{"-n", "2", "--reporter-cli-no-summary"}, console: append(append([]string{}, iteration...), iteration...)},
		{name: "silent", args: []string{"--silent"}, quiet: true},
		{name: "json reporter only", args: []string{"-r", "json", "--reporter-json-export", "r.json"}, quiet: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for i, a := range tc.args {
				if a == "r.json" {
					tc.args[i] = filepath.Join(dir, a)
				}
			}
			res := colrun(t, nil, append([]string{"run", writeFile(t, dir, "c.json", string(coll)), "--color", "off"}, tc.args...)...)
			if res.code != 0 {
				t.Fatalf("exit %d; stderr %s", res.code, res.stderr)
			}
			if tc.quiet {
				if res.stdout != "" || res.stderr != "" {
					t.Errorf("printed %q, stderr %q; Newman prints nothing", res.stdout, res.stderr)
				}
				return
			}
			var console []string
			for _, line := range strings.Split(res.stdout, "\n") {
				if l, ok := strings.CutPrefix(strings.TrimSpace(line), "│ "); ok {
					console = append(console, l)
				}
			}
			if diff := cmp.Diff(tc.console, console); diff != "" {
				t.Errorf("console lines (-want +got):\n%s\nstdout:\n%s", diff, res.stdout)
			}
		})
	}
}
