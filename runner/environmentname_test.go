package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// TestEnvironmentNameInScripts checks pm.environment.name as Newman 6.2.2
// gives it: the file's name, undefined for a file without one (colrun
// gave the file's path) and without an environment.
func TestEnvironmentNameInScripts(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		name, file, newman string
	}{
		{"named", `{"name":"Staging","values":[{"key":"k","value":"v"}]}`, `'Staging', 'string'`},
		{"without a name", `{"values":[{"key":"k","value":"v"}]}`, `undefined, 'undefined'`},
		{"no environment", "", `undefined, 'undefined'`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var opts Options
			if tc.file != "" {
				env, err := collections.ParseVariableFile("/tmp/e.json", "environment", []byte(tc.file))
				if err != nil {
					t.Fatal(err)
				}
				opts.Environment = env
			}
			items := `{"name":"r","request":{"method":"GET","url":"{{base}}/a"},
				"event":[{"listen":"test","script":{"exec":["console.log(pm.environment.name, typeof pm.environment.name)"]}}]}`
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, items)), opts)
			var got []string
			for _, e := range ev.all {
				if e.Console != nil {
					got = append(got, strings.Join(e.Console.Messages, ", "))
				}
			}
			if d := cmp.Diff([]string{tc.newman}, got); d != "" {
				t.Errorf("pm.environment.name (-newman +colrun):\n%s", d)
			}
		})
	}
}

// TestGlobalsNameInScripts checks pm.globals.name as Newman 6.2.2 gives
// it: the -g file's name, undefined without one or without a file.
func TestGlobalsNameInScripts(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		name, file, newman string
	}{
		{"named", `{"name":"My Globals","values":[{"key":"k","value":"v"}]}`, `'My Globals', 'string'`},
		{"without a name", `{"values":[{"key":"k","value":"v"}]}`, `undefined, 'undefined'`},
		{"no globals", "", `undefined, 'undefined'`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var opts Options
			if tc.file != "" {
				g, err := collections.ParseVariableFile("/tmp/g.json", "globals", []byte(tc.file))
				if err != nil {
					t.Fatal(err)
				}
				opts.Globals = g
			}
			items := `{"name":"r","request":{"method":"GET","url":"{{base}}/a"},
				"event":[{"listen":"test","script":{"exec":["console.log(pm.globals.name, typeof pm.globals.name)"]}}]}`
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, items)), opts)
			var got []string
			for _, e := range ev.all {
				if e.Console != nil {
					got = append(got, strings.Join(e.Console.Messages, ", "))
				}
			}
			if d := cmp.Diff([]string{tc.newman}, got); d != "" {
				t.Errorf("pm.globals.name (-newman +colrun):\n%s", d)
			}
		})
	}
}
