package runner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScriptsSeeFormParamsAsNewmanShowsThem prints a form body's toJSON()
// in the pre-request and the test script; the wanted texts are what
// Newman 6.2.2 printed. A file parameter's src keeps the collection's
// shape before sending (colrun showed a list of one as a string and left
// out an empty list) and each file of a list is a parameter after; a file
// parameter's value is left out when empty and once sent; a value that is
// not a string keeps its JSON type (colrun showed text).
func TestScriptsSeeFormParamsAsNewmanShowsThem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"body.json", "b2.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, body string
		want       []string
	}{
		{"a file with a value", `{"mode":"formdata","formdata":[{"key":"f1","type":"file","src":"body.json","value":"v"}]}`,
			[]string{`PRE [{"key":"f1","value":"v","type":"file","src":"body.json"}]`, `[{"key":"f1","type":"file","src":"body.json"}]`}},
		{"a list of files", `{"mode":"formdata","formdata":[{"key":"f2","type":"file","src":["body.json","b2.txt"]}]}`,
			[]string{`PRE [{"key":"f2","type":"file","src":["body.json","b2.txt"]}]`, `[{"key":"f2","type":"file","src":"body.json"},{"key":"f2","type":"file","src":"b2.txt"}]`}},
		{"a list of one file", `{"mode":"formdata","formdata":[{"key":"g","type":"file","src":["body.json"],"value":"zz"}]}`,
			[]string{`PRE [{"key":"g","value":"zz","type":"file","src":["body.json"]}]`, `[{"key":"g","type":"file","src":"body.json"}]`}},
		{"a list with a missing file", `{"mode":"formdata","formdata":[{"key":"f","type":"file","src":["body.json","nope.txt"]}]}`,
			[]string{`PRE [{"key":"f","type":"file","src":["body.json","nope.txt"]}]`, `[{"key":"f","type":"file","src":"body.json"}]`}},
		{"a file with an empty value", `{"mode":"formdata","formdata":[{"key":"f4","type":"file","src":"body.json","value":""}]}`,
			[]string{`PRE [{"key":"f4","type":"file","src":"body.json"}]`, `[{"key":"f4","type":"file","src":"body.json"}]`}},
		{"a missing file", `{"mode":"formdata","formdata":[{"key":"f5","type":"file","src":"missing.txt"}]}`,
			[]string{`PRE [{"key":"f5","type":"file","src":"missing.txt"}]`, `[{"disabled":true,"key":"f5","type":"file","src":"missing.txt"}]`}},
		{"form values that are not strings", `{"mode":"formdata","formdata":[{"key":"t1","value":""},{"key":"t2"},{"key":"t3","value":null},{"key":"t4","value":0},{"key":"t5","value":true},{"key":"t6","value":{"a":1}}]}`,
			[]string{`PRE [{"key":"t1","value":""},{"key":"t2","value":""},{"key":"t3","value":""},{"key":"t4","value":""},{"key":"t5","value":true},{"key":"t6","value":{"a":1}}]`,
				`[{"key":"t1","value":""},{"key":"t2","value":""},{"key":"t3","value":""},{"key":"t4","value":""},{"key":"t5","value":true},{"key":"t6","value":{"a":1}}]`}},
		{"urlencoded keys and values that are not strings", `{"mode":"urlencoded","urlencoded":[{"key":"a","value":5},{"key":"b","value":true},{"key":"c","value":null},{"key":"d","value":{"x":1}},{"key":5,"value":"k"},{"key":"e","value":"{{p}}"}]}`,
			[]string{`PRE [{"key":"a","value":5},{"key":"b","value":true},{"key":"c","value":null},{"key":"d","value":{"x":1}},{"key":5,"value":"k"},{"key":"e","value":"{{p}}"}]`,
				`[{"key":"a","value":5},{"key":"b","value":true},{"key":"c","value":null},{"key":"d","value":{"x":1}},{"key":5,"value":"k"},{"key":"e","value":"P"}]`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			script := `JSON.stringify(pm.request.body[pm.request.body.mode].toJSON())`
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"p","value":"P"}],
				"item":[{"name":"r","request":{"method":"POST","url":"` + rec.srv.URL + `/b","body":` + tc.body + `},"event":[
					{"listen":"prerequest","script":{"exec":["pm.test('PRE ' + ` + script + `, () => {});"]}},
					{"listen":"test","script":{"exec":["pm.test(` + script + `, () => {});"]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{WorkingDir: dir})
			if d := cmp.Diff(tc.want, ev.testNames()); d != "" {
				t.Errorf("what the scripts saw (-Newman +colrun):\n%s", d)
			}
		})
	}
}
