package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// TestVariableFileNamesInScripts checks pm.environment.name and
// pm.globals.name as Newman 6.2.2 gives them: the -e or -g file's name,
// undefined for a file without one (colrun gave the environment file's
// path, and no globals name at all) and without a file.
func TestVariableFileNamesInScripts(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		scope, name, file, newman string
	}{
		{"environment", "named", `{"name":"Staging","values":[{"key":"k","value":"v"}]}`, `'Staging', 'string'`},
		{"environment", "without a name", `{"values":[{"key":"k","value":"v"}]}`, `undefined, 'undefined'`},
		{"environment", "no file", "", `undefined, 'undefined'`},
		{"globals", "named", `{"name":"My Globals","values":[{"key":"k","value":"v"}]}`, `'My Globals', 'string'`},
		{"globals", "without a name", `{"values":[{"key":"k","value":"v"}]}`, `undefined, 'undefined'`},
		{"globals", "no file", "", `undefined, 'undefined'`},
	}
	for _, tc := range tests {
		t.Run(tc.scope+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			var opts Options
			if tc.file != "" {
				f, err := collections.ParseVariableFile("/tmp/"+tc.scope+".json", tc.scope, []byte(tc.file))
				if err != nil {
					t.Fatal(err)
				}
				if tc.scope == "globals" {
					opts.Globals = f
				} else {
					opts.Environment = f
				}
			}
			items := `{"name":"r","request":{"method":"GET","url":"{{base}}/a"},
				"event":[{"listen":"test","script":{"exec":["console.log(pm.` + tc.scope + `.name, typeof pm.` + tc.scope + `.name)"]}}]}`
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, items)), opts)
			var got []string
			for _, e := range ev.all {
				if e.Console != nil {
					got = append(got, strings.Join(e.Console.Messages, ", "))
				}
			}
			if d := cmp.Diff([]string{tc.newman}, got); d != "" {
				t.Errorf("pm.%s.name (-newman +colrun):\n%s", tc.scope, d)
			}
		})
	}
}
