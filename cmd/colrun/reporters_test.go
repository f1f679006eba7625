package main

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDisableUnicode runs a collection with a folder, a console log, a
// passing and a failing test with and without --disable-unicode and checks
// the report against Newman 6.2.2's output for the same collection and
// flags (banner, URL, times and sizes masked, runs of spaces and table
// lines squeezed, since the table's width follows the times).
func TestDisableUnicode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := okServer(t)
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"plain"},"item":[
		{"name":"top","request":"%[1]s/top","event":[{"listen":"test","script":{"exec":["console.log('hi');","pm.test('ok', () => {});"]}}]},
		{"name":"F","item":[{"name":"inner","request":"%[1]s/inner","event":[{"listen":"test","script":{"exec":["pm.test('bad', () => pm.expect(1).to.eql(2));"]}}]}]}]}`, srv.URL))
	tests := []struct {
		name  string
		flags []string
		want  string
	}{
		{name: "plain", flags: []string{"--disable-unicode"}, want: `colrun

plain

Root top
 GET URL/top [200 OK, N, T]
 -
 | 'hi'
 -
 Pass ok

Folder F
Sub-folder inner
 GET URL/inner [200 OK, N, T]
 1. bad

-
| | executed | failed |
-+-+-
| iterations | 1 | 0 |
-+-+-
| requests | 2 | 0 |
-+-+-
| test-scripts | 2 | 0 |
-+-+-
| prerequest-scripts | 0 | 0 |
-+-+-
| assertions | 2 | 1 |
-
| total run duration: T |
-
| total data received: N (approx) |
-
| average response time: T [min: T, max: T, s.d.: T] |
-

 # failure detail

 1. AssertionError bad
 expected 1 to deeply equal 2
 at assertion:0 in test-script
 inside "F / inner"
`},
		{name: "unicode", want: `colrun

plain

→ top
 GET URL/top [200 OK, N, T]
 ┌
 │ 'hi'
 └
 ✓ ok

❏ F
↳ inner
 GET URL/inner [200 OK, N, T]
 1. bad

┌─┬─┬─┐
│ │ executed │ failed │
├─┼─┼─┤
│ iterations │ 1 │ 0 │
├─┼─┼─┤
│ requests │ 2 │ 0 │
├─┼─┼─┤
│ test-scripts │ 2 │ 0 │
├─┼─┼─┤
│ prerequest-scripts │ 0 │ 0 │
├─┼─┼─┤
│ assertions │ 2 │ 1 │
├─┴─┴─┤
│ total run duration: T │
├─┤
│ total data received: N (approx) │
├─┤
│ average response time: T [min: T, max: T, s.d.: T] │
└─┘

 # failure detail

 1. AssertionError bad
 expected 1 to deeply equal 2
 at assertion:0 in test-script
 inside "F / inner"
`},
	}
	mask := []struct {
		re   *regexp.Regexp
		with string
	}{
		{regexp.MustCompile(`(?m) +$`), ""},
		{regexp.MustCompile(regexp.QuoteMeta(srv.URL)), "URL"},
		{regexp.MustCompile(`\d+(\.\d+)?(µs|ms|s)\b`), "T"},
		{regexp.MustCompile(`\d+(\.\d+)?k?B\b`), "N"},
		{regexp.MustCompile(` +`), " "},
		{regexp.MustCompile(`-+`), "-"},
		{regexp.MustCompile(`─+`), "─"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, append([]string{"run", coll, "--color", "off"}, tc.flags...)...)
			if res.code != exitFailed {
				t.Fatalf("exit = %d, want %d; stderr %s", res.code, exitFailed, res.stderr)
			}
			got := res.stdout
			for _, m := range mask {
				got = m.re.ReplaceAllString(got, m.with)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("report differs from Newman's (-newman +colrun):\n%s", diff)
			}
		})
	}
}
