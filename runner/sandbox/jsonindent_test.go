package sandbox

import "testing"

// TestJSONStringifyIndentsAsV8: JSON.stringify with a space argument lays
// out its text as Node does, byte for byte; goja's own indented everything
// after an empty array or object one step too deep. The expected values
// were printed by Node 22 for the same expressions.
func TestJSONStringifyIndentsAsV8(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, expr, want string }{
		{"empty array before an object", `JSON.stringify({errors: [], data: {id: 1, tags: ['a']}}, null, 2)`, "{\n  \"errors\": [],\n  \"data\": {\n    \"id\": 1,\n    \"tags\": [\n      \"a\"\n    ]\n  }\n}"},
		{"empty object in an array", `JSON.stringify({a: [1, [2, 3], {b: []}], c: {}, d: [{}]}, null, 1)`, "{\n \"a\": [\n  1,\n  [\n   2,\n   3\n  ],\n  {\n   \"b\": []\n  }\n ],\n \"c\": {},\n \"d\": [\n  {}\n ]\n}"},
		{"tab gap", `JSON.stringify([[], {}, [[]], {x: {}}], null, '\t')`, "[\n\t[],\n\t{},\n\t[\n\t\t[]\n\t],\n\t{\n\t\t\"x\": {}\n\t}\n]"},
		{"punctuation inside strings", `JSON.stringify({'k:{[,': 'v\\"]},:', n: null}, null, 2)`, "{\n  \"k:{[,\": \"v\\\\\\\"]},:\",\n  \"n\": null\n}"},
		{"gap clamped to ten", `JSON.stringify({a: [1]}, null, 20)`, "{\n          \"a\": [\n                    1\n          ]\n}"},
		{"string gap cut to ten", `JSON.stringify({a: 1}, null, 'abcdefghijklm')`, "{\nabcdefghij\"a\": 1\n}"},
		{"zero and negative gaps are compact", `JSON.stringify({a: [1, {}]}, null, 0) + JSON.stringify({a: [1]}, null, -3)`, "{\"a\":[1,{}]}{\"a\":[1]}"},
		{"fractional gap", `JSON.stringify({a: 1}, null, 2.9)`, "{\n  \"a\": 1\n}"},
		{"Number and String objects", `JSON.stringify({a: [1]}, null, new Number(3)) + JSON.stringify({a: [1]}, null, new String('--'))`, "{\n   \"a\": [\n      1\n   ]\n}{\n--\"a\": [\n----1\n--]\n}"},
		{"replacer array with a gap", `JSON.stringify({a: 1, b: {c: 2, a: 3}}, ['a', 'b'], 2)`, "{\n  \"a\": 1,\n  \"b\": {\n    \"a\": 3\n  }\n}"},
		{"replacer function with a gap", `JSON.stringify({a: 1, b: [2]}, function (k, v) { return typeof v === 'number' ? v * 10 : v; }, 2)`, "{\n  \"a\": 10,\n  \"b\": [\n    20\n  ]\n}"},
		{"toJSON and a Date", `JSON.stringify({d: new Date(0), t: {toJSON: function () { return []; }}}, null, 2)`, "{\n  \"d\": \"1970-01-01T00:00:00.000Z\",\n  \"t\": []\n}"},
		{"undefined stays undefined", `String(JSON.stringify(undefined, null, 2)) + String(JSON.stringify(function () {}, null, 2))`, "undefinedundefined"},
		{"a bare string and number", `JSON.stringify('a{b', null, 2) + JSON.stringify(5, null, 2)`, "\"a{b\"5"},
		{"unicode", `JSON.stringify({'é': ['☃', '😀']}, null, 2)`, "{\n  \"é\": [\n    \"☃\",\n    \"😀\"\n  ]\n}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			exec := newExec("test")
			mustPass(t, run(t, exec, "pm.environment.set('out', "+tc.expr+");"))
			got, _ := exec.Scopes.Environment.Get("out")
			diff(t, tc.expr, tc.want, got)
		})
	}
}

// TestJSONStringifyKeepsItsShape: the stand-in is still JSON.stringify to
// scripts: its name and length, its errors (renamed JSONError, as in
// Postman's sandbox) and a replacer's view of the value.
func TestJSONStringifyKeepsItsShape(t *testing.T) {
	t.Parallel()
	got := mustPass(t, run(t, newExec("test"), `
console.log(JSON.stringify.name, JSON.stringify.length, Object.keys(JSON).length);
var a = {}; a.self = a;
try { JSON.stringify(a, null, 2); } catch (e) { console.log(e.name, e instanceof TypeError); }
console.log(JSON.stringify({k: 1}, function (k, v) { return k === "" ? v : typeof this; }, 2));
`))
	diff(t, "logs", []string{"stringify | 3 | 0", "JSONError | true", "{\n  \"k\": \"object\"\n}"}, got)
}
