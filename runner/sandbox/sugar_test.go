package sandbox

import (
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// Newman 6.2.2 prints these values for the same scripts: its sandbox loads
// Sugar, and colrun loads it when a script first reads one of its names.
func TestSugar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		scripts []string // run in turn on one sandbox
		want    []string // the last script's logs
	}{
		{
			name: "prototype methods",
			scripts: []string{`console.log(['a', 'b', 'c'].none('d'), [[1, 2], [2, 3]].any([2, 3]), [1, 2, 3, 4, 5].average(), [3, 1, 2].max(), [1, 2, 3].sum());
console.log((56).hex(), (56).isEven(), (56).ordinalize(), (56789.10).format(), (3).times(function () {}).length);
console.log('a-beta'.camelize(), 'abc'.shift(5), 'a-b_cD'.spacify(), 'hello world'.capitalize(), 'person'.pluralize(), 'a b'.words().length);
var n = 0, fn = (function () { n++; }).once(); fn(); fn(); fn();
console.log(n, typeof Date.create, Object.size({x: 1, y: 2}), [1, 2, 2].unique().join());`},
			want: []string{"true | true | 3 | 3 | 6", "38 | true | 56th | 56,789.1 | undefined", "ABeta | fgh | a b c d | Hello world | people | 2", "1 | function | 2 | 1,2"},
		},
		{
			name: "once loaded, natives take Sugar's shorthands and its methods are plain values",
			scripts: []string{`[].first();
var d = Object.getOwnPropertyDescriptor(Array.prototype, 'first');
console.log(typeof d.value, d.enumerable, d.writable, d.configurable, [{a: 1}, {a: 2}].map('a').join());`},
			want: []string{"function | false | true | true | 1,2"},
		},
		{
			name: "assigning a Sugar name makes an own property",
			scripts: []string{`var a = [];
a.first = 5;
console.log(a.first, Object.keys(a).join(), 'first' in [], [].hasOwnProperty('first'));
var keys = []; for (var k in [7]) { keys.push(k); } console.log(keys.join());`},
			want: []string{"5 | first | true | false", "0"},
		},
		{
			name:    "a later script reads what an earlier one loaded",
			scripts: []string{`[].first();`, `console.log(typeof [].first, JSON.stringify({a: [1, 2]}), Object.keys(Array.prototype).length);`},
			want:    []string{"function | {\"a\":[1,2]} | 0"},
		},
		{
			name:    "a script of its own may define one",
			scripts: []string{`Array.prototype.first = function () { return 'mine'; };`, `console.log([1].first());`},
			want:    []string{"mine"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sb := New(Options{})
			var res Result
			for _, src := range tc.scripts {
				res = runWith(t, sb, newExec("test"), src)
			}
			diff(t, "logs", tc.want, mustPass(t, res))
		})
	}
}

// Scripts that only mention Sugar's names (moment's format, lodash's each,
// pm's set and has) on objects of their own run without loading it: it
// costs tens of milliseconds.
func TestSugarLoadsOnlyWhenRead(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	res := runWith(t, sb, newExec("test"), `var moment = require('moment'), _ = require('lodash');
pm.environment.set('first', moment('2020-01-02').format('YYYY'));
_.each([1], function () {});
pm.test('has', function () { pm.expect(pm.environment.has('first')).to.be.true; });
console.log(pm.environment.get('first'), 'first'.length);`)
	diff(t, "logs", []string{"2020 | 5"}, mustPass(t, res))
	if sb.sugar.loads != 0 {
		t.Errorf("Sugar loaded %d times, want 0", sb.sugar.loads)
	}
	runWith(t, sb, newExec("test"), `[].first(); 'x'.camelize();`)
	if sb.sugar.loads != 1 {
		t.Errorf("Sugar loaded %d times, want 1", sb.sugar.loads)
	}
}

// TestSugarNames checks sugarNames against what Sugar adds to goja's
// built-ins: a name missing from the list would stay undefined until some
// other name loads Sugar.
func TestSugarNames(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	ownNames, err := rt.RunString(`(function (path) {
    var dot = path.indexOf('.'), o = globalThis[dot < 0 ? path : path.slice(0, dot)];
    return Object.getOwnPropertyNames(dot < 0 ? o : o.prototype);
})`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(ownNames)
	names := func() map[string][]string {
		out := map[string][]string{}
		for _, tg := range sugarNames {
			v, err := fn(goja.Undefined(), rt.ToValue(tg.target))
			if err != nil {
				t.Fatal(err)
			}
			var list []string
			if err := rt.ExportTo(v, &list); err != nil {
				t.Fatal(err)
			}
			out[tg.target] = list
		}
		return out
	}
	before := names()
	if _, err := rt.RunProgram(sugarProgram()); err != nil {
		t.Fatal(err)
	}
	after := names()
	for _, tg := range sugarNames {
		var added []string
		for _, n := range after[tg.target] {
			if !slices.Contains(before[tg.target], n) {
				added = append(added, n)
			}
		}
		listed := strings.Fields(tg.names)
		var want []string
		for _, n := range listed {
			if !slices.Contains(before[tg.target], n) {
				want = append(want, n)
			}
		}
		slices.Sort(added)
		slices.Sort(want)
		diff(t, tg.target+" names", want, added)
		if gojaHas := len(listed) - len(want); gojaHas > 0 {
			t.Logf("%s: goja already has %d of Sugar's names", tg.target, gojaHas)
		}
	}
}
