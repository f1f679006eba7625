package sandbox

import (
	"testing"
	"time"
)

// TestGlobalsAsParameters runs scripts, one after another on one sandbox,
// that declare or assign the sandbox's globals. Newman 6.2.2 passes those
// globals as parameters of each script's function, so a script changes
// its own binding only and the next script sees the real global again;
// the expected assertion names are what Newman reported, script by script.
func TestGlobalsAsParameters(t *testing.T) {
	t.Parallel()
	type script struct{ listen, src string }
	tests := []struct {
		name    string
		scripts []script
		want    [][]string
	}{
		{"var keeps the value", []script{
			{"prerequest", "var console;\npm.test('pre typeof console ' + typeof console, () => {});\nconsole = 5;\npm.test('pre after ' + typeof console, () => {});"},
			{"test", "var pm;\npm.test('test ' + typeof console + ' ' + typeof pm, () => {});"},
		}, [][]string{{"pre typeof console object", "pre after number"}, {"test object object"}}},
		{"assignment stays in its script", []script{
			{"prerequest", "var P = pm; pm = 3;\nJSON = 4; setTimeout = 5; Buffer = 6;\nP.test('pre pm ' + typeof pm + ' JSON ' + typeof JSON, () => {});"},
			{"prerequest", "pm.test('next ' + typeof JSON + typeof setTimeout + typeof Buffer + typeof console, () => {});"},
		}, [][]string{{"pre pm number JSON number"}, {"next objectfunctionfunctionobject"}}},
		{"other targets", []script{
			{"test", "for (console in { a: 1 }) {}\npm.test('for-in ' + console, () => {});\n[console] = [7];\npm.test('destructured ' + console, () => {});\n({ xml2Json } = { xml2Json: 8 });\npm.test('xml2Json ' + xml2Json, () => {});"},
			{"test", "function f() { console = 9; }\nf();\npm.test('from a function ' + console, () => {});\nconsole++;\npm.test('incremented ' + console, () => {});"},
			{"test", "pm.test('next ' + typeof console + ' ' + typeof xml2Json, () => {});"},
		}, [][]string{{"for-in a", "destructured 7", "xml2Json 8"}, {"from a function 9", "incremented 10"}, {"next object function"}}},
		{"read before its var", []script{
			{"test", "pm.test('before ' + typeof data, () => {});\nvar data = 1;\nvar tests = tests || 5;\ntests['kept'] = true;\nvar request = 3;\npm.test('after ' + typeof data + ' ' + request, () => {});"},
		}, [][]string{{"before object", "after number 3", "kept"}}},
		{"legacy tests", []script{
			{"test", "tests = {};\ntests['after reassigning'] = true;"},
			{"test", "var tests;\ntests['through var'] = 1;"},
		}, [][]string{nil, {"through var"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sb := New(Options{Timeout: 10 * time.Second})
			var got [][]string
			for _, s := range tt.scripts {
				res := runWith(t, sb, newExec(s.listen), s.src)
				if res.Error != nil {
					t.Fatalf("script error: %v", res.Error)
				}
				var names []string
				for _, o := range outcomes(res) {
					names = append(names, o.Name)
				}
				got = append(got, names)
			}
			diff(t, "assertions", tt.want, got)
		})
	}
}

// TestCheerioIsAFunction checks the cheerio global and module against
// what Newman 6.2.2 (cheerio 0.22) reports: the module is the Cheerio
// constructor with the static functions on it.
func TestCheerioIsAFunction(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), `var c = require('cheerio');
console.log(typeof cheerio, typeof c, Object.keys(c).sort().join(','), JSON.stringify(c.name), c.length, typeof c.load, c.version);
console.log(c.load('<p class=x>hi</p>')('p').text());`)
	diff(t, "logs", []string{"function | function | contains,html,load,parseHTML,root,text,version,xml | \"\" | 4 | function | 0.22.0", "hi"}, mustPass(t, res))
}
