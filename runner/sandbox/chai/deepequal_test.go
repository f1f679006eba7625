package chai

import (
	"strings"
	"testing"
)

// deepEqualPairs are `a, b` pairs for util.eql. Each is decided twice: as
// scripts get it (plain objects and arrays compared in Go) and entirely in
// JS (a comparator that decides nothing keeps deep-eql's JS path all the way
// down), and the two verdicts must agree; want is deep-eql 4.1.4's verdict.
var deepEqualPairs = []struct {
	name  string
	setup string // statements run first; may define a and b
	pair  string // "a, b" when setup does not define them
	want  bool
}{
	{"empty objects", "", "{}, {}", true},
	{"empty arrays", "", "[], []", true},
	{"object vs array", "", "{}, []", false},
	{"array vs object with length", "", "[1], {0: 1, length: 1}", false},
	{"same keys other order", "", "{a: 1, b: 2}, {b: 2, a: 1}", true},
	{"value differs", "", "{a: 1, b: 2}, {a: 1, b: 3}", false},
	{"missing key", "", "{a: 1}, {a: 1, b: 2}", false},
	{"undefined value vs missing", "", "{a: undefined}, {}", false},
	{"undefined vs undefined value", "", "{a: undefined}, {a: undefined}", true},
	{"other key same count", "", "{a: 1}, {b: 1}", false},
	{"nested", "", "{a: {b: [1, {c: 'x'}]}}, {a: {b: [1, {c: 'x'}]}}", true},
	{"nested differs deep", "", "{a: {b: [1, {c: 'x'}]}}, {a: {b: [1, {c: 'y'}]}}", false},
	{"array order matters", "", "[1, 2], [2, 1]", false},
	{"array length", "", "[1, 2], [1, 2, 3]", false},
	{"NaN", "", "{n: NaN}, {n: NaN}", true},
	{"zero signs", "", "{z: 0}, {z: -0}", false},
	{"zero signs in array", "", "[-0], [0]", false},
	{"int and computed float", "", "{v: 1}, {v: 0.5 * 2}", true},
	{"float and int", "", "{v: 0.5 * 2}, {v: 1}", true},
	{"number vs string", "", "{v: 1}, {v: '1'}", false},
	{"null vs undefined", "", "{v: null}, {v: undefined}", false},
	{"null vs object", "", "{v: null}, {v: {}}", false},
	{"strings unicode", "", "{s: 'héllo ✓ 😀'}, {s: 'héllo ✓ ' + '😀'}", true},
	{"unicode keys", "", "{'é': 1, '😀': 2}, {'😀': 2, 'é': 1}", true},
	{"many keys", "", "{a:1,b:2,c:3,d:4,e:5,f:6,g:7,h:8,i:9,j:10}, {j:10,i:9,h:8,g:7,f:6,e:5,d:4,c:3,b:2,a:1}", true},
	{"many keys one differs", "", "{a:1,b:2,c:3,d:4,e:5,f:6,g:7,h:8,i:9,j:10}, {j:10,i:9,h:8,g:7,f:6,e:5,d:4,c:3,b:2,k:1}", false},
	{"integer-like keys", "", "{2: 'b', 1: 'a'}, {1: 'a', 2: 'b'}", true},
	{"sparse array vs undefined", "", "[, 1], [undefined, 1]", true},
	{"array extra property ignored", "var a = [1]; a.extra = 2; var b = [1];", "", true},
	{"null prototype", "var a = Object.create(null); a.x = 1;", "a, {x: 1}", true},
	{"null prototype differs", "var a = Object.create(null); a.x = 1;", "a, {x: 2}", false},
	{"JSON parsed", "", "JSON.parse('{\"id\":1,\"items\":[1,2,3],\"o\":{\"k\":null}}'), {id: 1, items: [1, 2, 3], o: {k: null}}", true},
	{"dates inside equal", "", "{d: new Date(5)}, {d: new Date(5)}", true},
	{"dates inside differ", "", "{d: new Date(5)}, {d: new Date(6)}", false},
	{"date vs plain", "", "{d: new Date(5)}, {d: {}}", false},
	{"map inside", "", "{m: new Map([['k', {v: 1}]])}, {m: new Map([['k', {v: 1}]])}", true},
	{"map inside differs", "", "{m: new Map([['k', {v: 1}]])}, {m: new Map([['k', {v: 2}]])}", false},
	{"class instance vs plain", "function Foo() { this.x = 1; }", "{o: new Foo()}, {o: {x: 1}}", true},
	{"class instance differs", "function Foo() { this.x = 1; }", "{o: new Foo()}, {o: {x: 2}}", false},
	{"inherited enumerable", "function Foo() {} Foo.prototype.y = 2; var f = new Foo(); f.x = 1;", "{o: f}, {o: {x: 1, y: 2}}", true},
	{"boxed vs primitive", "", "{v: new String('a')}, {v: 'a'}", false},
	{"boxed equal", "", "{v: new Number(3)}, {v: new Number(3)}", true},
	{"regexp", "", "{r: /a/g}, {r: /a/g}", true},
	{"regexp differs", "", "{r: /a/g}, {r: /a/i}", false},
	{"functions", "var f = function () {};", "{f: f}, {f: f}", true},
	{"functions differ", "", "{f: function () {}}, {f: function () {}}", false},
	{"symbol keys", "var s = Symbol('k'); var a = {}; a[s] = 1; var b = {}; b[s] = 1;", "", true},
	{"symbol keys differ", "var a = {}; a[Symbol('k')] = 1; var b = {};", "", false},
	{"toStringTag", "var a = {x: 1}; a[Symbol.toStringTag] = 'Thing';", "a, {x: 1}", false},
	{"array with toStringTag", "var a = [1]; a[Symbol.toStringTag] = 'Thing';", "a, [1]", false},
	{"getter", "var a = {get x() { return 1; }};", "a, {x: 1}", true},
	{"non-enumerable ignored", "var a = {x: 1}; Object.defineProperty(a, 'h', {value: 2, enumerable: false});", "a, {x: 1}", true},
	{"proxy", "var a = new Proxy({x: 1}, {});", "{p: a}, {p: {x: 1}}", true},
	{"proxy lies", "var a = new Proxy({x: 1}, {get: function () { return 9; }});", "{p: a}, {p: {x: 1}}", false},
	{"arguments vs array", "var args = (function () { return arguments; })(1, 2);", "args, [1, 2]", false},
	{"typed array vs array", "", "new Uint8Array([1]), [1]", false},
	{"cycle", "var a = {n: 1}; a.self = a; var b = {n: 1}; b.self = b;", "", true},
	{"cycle differs", "var a = {n: 1}; a.self = a; var b = {n: 2}; b.self = b;", "", false},
	{"cycle in arrays", "var a = [1]; a.push(a); var b = [1]; b.push(b);", "", true},
	{"cycle through map", "var a = {m: new Map()}; a.m.set('k', a); var b = {m: new Map()}; b.m.set('k', b);", "", true},
	{"shared subtree", "var s = {v: [1, 2]};", "{x: s, y: s}, {x: {v: [1, 2]}, y: {v: [1, 2]}}", true},
	{"deep nesting", "var a = {}, b = {}, p = a, q = b; for (var i = 0; i < 500; i++) { p.n = {i: i}; q.n = {i: i}; p = p.n; q = q.n; }", "", true},
	{"deep nesting differs at the bottom", "var a = {}, b = {}, p = a, q = b; for (var i = 0; i < 500; i++) { p.n = {i: i}; q.n = {i: i}; p = p.n; q = q.n; } q.last = 1;", "", false},
	{"large array", "var a = [], b = []; for (var i = 0; i < 1000; i++) { a.push({i: i}); b.push({i: i}); }", "", true},
	{"global", "", "{g: globalThis}, {g: globalThis}", true},
	{"bigint", "", "{v: BigInt(10)}, {v: BigInt(10)}", true},
}

func TestDeepEqualNativeMatchesJS(t *testing.T) {
	t.Parallel()
	rt, module := newRuntime(t)
	if err := rt.Set("chai", module); err != nil {
		t.Fatal(err)
	}
	for _, tc := range deepEqualPairs {
		setup := tc.setup
		if tc.pair != "" {
			setup += "; var pair = [" + tc.pair + "]; var a = pair[0], b = pair[1];"
		}
		src := `(function () { ` + setup + `
			var jsOnly = { comparator: function () { return null; } };
			return [chai.util.eql(a, b), chai.util.eql(a, b, jsOnly), chai.util.eql(b, a)];
		})()`
		v, err := rt.RunString(src)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		got := v.Export().([]any)
		native, js, reversed := got[0].(bool), got[1].(bool), got[2].(bool)
		if native != js || native != tc.want || reversed != tc.want {
			t.Errorf("%s: eql(a, b) = %v, in JS only %v, eql(b, a) = %v; want %v", tc.name, native, js, reversed, tc.want)
		}
	}
}

// TestDeepEqualPollutedPrototype: an enumerable key added to Object.prototype
// is one for-in lists on every object, so deep-eql compares it too; the
// native path steps aside rather than miss it.
func TestDeepEqualPollutedPrototype(t *testing.T) {
	t.Parallel()
	rt, module := newRuntime(t)
	if err := rt.Set("chai", module); err != nil {
		t.Fatal(err)
	}
	v, err := rt.RunString(`(function () {
		var before = chai.util.eql({a: 1}, {a: 1});
		Object.prototype.polluted = 1;
		try {
			var keys = []; for (var k in {a: 1}) keys.push(k);
			return [before, chai.util.eql({a: 1}, {a: 1}), chai.util.eql({a: 1}, {b: 1}), keys.join(',')];
		} finally { delete Object.prototype.polluted; }
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	got := v.Export().([]any)
	if got[0] != true || got[1] != true || got[2] != false || got[3] != "a,polluted" {
		t.Fatalf("got %v, want [true true false a,polluted]", got)
	}
}

// TestDeepEqualFailureMessage: a failing eql on JSON still reports the
// values as chai does.
func TestDeepEqualFailureMessage(t *testing.T) {
	t.Parallel()
	rt, module := newRuntime(t)
	out := runCase(t, rt, module, `expect(JSON.parse('{"id":1,"tags":["a","b"]}')).to.eql({id: 1, tags: ['a', 'c']});`, false)
	if out.Pass || !strings.Contains(out.Message, "expected { id: 1, tags: [ 'a', 'b' ] } to deeply equal { id: 1, tags: [ 'a', 'c' ] }") {
		t.Fatalf("got %+v", out)
	}
}
