package sandbox

import (
	"testing"

	"github.com/colrun/colrun/runner/variables"
)

// TestScriptReadsWhatItSet checks that a script reads back the values it
// set as it set them, as in Newman 6.2.2, although colrun stores their
// JSON form for later scripts: get, toObject and replaceIn see NaN, -0, a
// function's result, undefined and the very object; another set, unset or
// clear replaces what the script reads.
func TestScriptReadsWhatItSet(t *testing.T) {
	t.Parallel()
	const setup = `const o = {a: 1};
		pm.environment.set('n', NaN); pm.environment.set('i', -Infinity); pm.environment.set('z', -0);
		pm.environment.set('f', function () { return 1; }); pm.environment.set('u', undefined); pm.environment.set('o', o);
		pm.environment.set('d', new Date(0));
	`
	tests := []struct {
		name, src string
		newman    []string
	}{
		{"get", `console.log(typeof pm.environment.get('n'), Object.is(pm.environment.get('z'), -0), pm.environment.get('f'),
			typeof pm.environment.get('u'), pm.environment.get('o') === o, pm.environment.get('d') instanceof Date)`,
			[]string{"number | true | 1 | undefined | true | true"}},
		{"pm.variables.get", `console.log(Object.is(pm.variables.get('n'), NaN), pm.variables.get('o') === o);
			pm.variables.set('o', 'local'); console.log(pm.variables.get('o'), pm.environment.get('o') === o)`,
			[]string{"true | true", "local | true"}},
		{"replaceIn", `console.log(pm.environment.replaceIn('{{n}}|{{i}}|{{z}}|{{f}}|{{u}}|{{o}}'), pm.variables.replaceIn('{{n}}|{{z}}'))`,
			[]string{"NaN|-Infinity|0|1||[object Object] | NaN|0"}},
		{"toObject", `const obj = pm.environment.toObject();
			console.log(Object.is(obj.n, NaN), Object.is(obj.z, -0), obj.o === o, typeof obj.u, obj.d instanceof Date)`,
			[]string{"true | true | true | undefined | true"}},
		{"set, unset and clear again", `console.log(typeof pm.environment.get('u')); pm.environment.set('n', 'text'); pm.environment.unset('z'); pm.environment.set('z', 5);
			console.log(pm.environment.get('n'), pm.environment.get('z'), pm.environment.replaceIn('{{n}}{{z}}{{i}}'));
			pm.environment.clear(); pm.environment.set('o', 'x'); console.log(pm.environment.get('o'), pm.environment.has('i'))`,
			[]string{"undefined", "text | 5 | text5-Infinity", "x | false"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := mustPass(t, run(t, newExec("prerequest"), setup+tc.src))
			diff(t, "console", tc.newman, got)
		})
	}
}

// TestUndefinedInLaterScripts checks what the next script reads of a
// variable a script set to undefined, as Newman 6.2.2 hands them on: a
// local variable stays undefined (and {{name}} is empty), while the
// scopes Newman sends as JSON read null ("null").
func TestUndefinedInLaterScripts(t *testing.T) {
	t.Parallel()
	exec := newExec("prerequest")
	mustPass(t, run(t, exec, `pm.variables.set('l', undefined); pm.environment.set('e', undefined); pm.globals.set('g', undefined);`))
	exec.Listen = "test"
	got := mustPass(t, run(t, exec, `console.log(typeof pm.variables.get('l'), pm.variables.has('l'), 'l' in pm.variables.toObject(), pm.variables.replaceIn('[{{l}}]'));
		console.log(pm.environment.get('e'), pm.globals.get('g'), pm.variables.replaceIn('[{{e}}][{{g}}]'));`))
	diff(t, "console", []string{"undefined | true | true | []", "null | null | [null][null]"}, got)
	resolved, err := variables.NewResolver(exec.Scopes).Replace("{{l}}|{{e}}")
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "{{l}}|{{e}} in the request", "|null", resolved)
}
