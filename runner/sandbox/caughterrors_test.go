package sandbox

import "testing"

// An engine error a script catches itself reads as V8 words it, as under
// Newman 6.2.2, not only when it reaches a report: scripts log e.message
// or assert on it. The wanted messages are what Newman 6.2.2 logs for the
// same scripts.
func TestCaughtErrorsReadAsV8WordsThem(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"read of undefined", `var o = {}; try { o.a.b; } catch (e) { console.log(e.name + ": " + e.message); }`,
			"TypeError: Cannot read properties of undefined (reading 'b')"},
		{"read of null", `try { null.foo; } catch (e) { console.log(e.name + ": " + e.message); }`,
			"TypeError: Cannot read properties of null (reading 'foo')"},
		{"read of a missing JSON member", `try { pm.response.json().nope.deeper; } catch (err) { console.log(err.message); }`,
			"Cannot read properties of undefined (reading 'deeper')"},
		{"missing method", `var o = {}; try { o.fn(); } catch (e) { console.log(e.message); }`,
			"o.fn is not a function"},
		{"not a function", `var x = 5; try { x(); } catch (e) { console.log(e.message); }`,
			"x is not a function"},
		{"in on a string", `var s = 'text'; try { 'a' in s; } catch (e) { console.log(e.message); }`,
			"Cannot use 'in' operator to search for 'a' in text"},
		{"in on null", `var s = null; try { 'a' in s; } catch (e) { console.log(e.message); }`,
			"Cannot use 'in' operator to search for 'a' in null"},
		{"instanceof a number", `var o = {}; try { o instanceof 5; } catch (e) { console.log(e.message); }`,
			"Right-hand side of 'instanceof' is not an object"},
		{"instanceof an object", `var F = {}; try { ({}) instanceof F; } catch (e) { console.log(e.message); }`,
			"Right-hand side of 'instanceof' is not callable"},
		{"let read before its declaration", `try { tdzv; let tdzv = 1; } catch (e) { console.log(e.name + ": " + e.message); }`,
			"ReferenceError: Cannot access 'tdzv' before initialization"},
		{"Promise without new", `try { Promise(); } catch (e) { console.log(e.message); }`,
			"Promise constructor cannot be invoked without 'new'"},
		// A callback that is not a function fails inside the method;
		// V8 names the value, not the array.
		{"forEach of undefined", `var o = {}; try { [1].forEach(o.cb); } catch (e) { console.log(e.message); }`,
			"undefined is not a function"},
		{"find with an object", `try { [1].find({}); } catch (e) { console.log(e.message); }`,
			"#<Object> is not a function"},
		{"forEach with a string", `try { [1].forEach('x'); } catch (e) { console.log(e.message); }`,
			"x is not a function"},
		{"flatMap with a string", `try { [1].flatMap('x'); } catch (e) { console.log(e.message); }`,
			"flatMap mapper function is not callable"},
		{"forEach of a number", `var o = {items: 5}; try { o.items.forEach(function (x) {}); } catch (e) { console.log(e.message); }`,
			"o.items.forEach is not a function"},
		{"syntax error in eval", `try { eval("var = 1"); } catch (e) { console.log(e.name + ": " + e.message); }`,
			"SyntaxError: Unexpected token '='"},
		{"several syntax errors in new Function", `try { new Function("return ("); } catch (e) { console.log(e.name + ": " + e.message); }`,
			"SyntaxError: Unexpected token '}'"},
		{"super in eval", `try { eval("super.x"); } catch (e) { console.log(e.message); }`,
			"'super' keyword unexpected here"},
		// goja's own words, rather than blaming Reflect.ownKeys for not
		// being a function.
		{"a built-in refusing its argument", `try { Reflect.ownKeys(1); } catch (e) { console.log(e.message); }`,
			"Value is not an object: 1"},
		{"call of an object", `var body = {data: {}}; try { body.data(); } catch (e) { console.log(e.message); }`,
			"body.data is not a function"},
		// V8 prints a member named by a string in brackets as a dotted
		// one, a string the chain starts at in double quotes, and an
		// optional call without its ?.
		{"member named in brackets", `var r = {json: function () { return {items: {}}; }}; try { r.json()['items'].forEach(function () {}); } catch (e) { console.log(e.message); }`,
			"r.json(...).items.forEach is not a function"},
		{"members named in brackets and optional", `var o = {k: {m: {}}}; try { o?.["k"]['m'].foo(); } catch (e) { console.log(e.message); }`,
			"o?.k.m.foo is not a function"},
		{"method of a string literal", `try { 'a\'b'.concat('c').foo(); } catch (e) { console.log(e.message); }`,
			`"a'b".concat(...).foo is not a function`},
		{"method of what new made", `try { new Date().toISOStrin(); } catch (e) { console.log(e.message); }`,
			"(intermediate value).toISOStrin is not a function"},
		{"method of what new made, in brackets", `var o = {F: function () {}}; try { (new o.F(1)).g(); } catch (e) { console.log(e.message); }`,
			"(intermediate value).g is not a function"},
		{"optional call", `var o = {a: 1}; try { o.a?.(); } catch (e) { console.log(e.message); }`,
			"o.a is not a function"},
		{"write to undefined", `let a = {}; try { a.b.c = 1; } catch (e) { console.log(e.message); }`,
			"Cannot set properties of undefined (setting 'c')"},
		{"write to an index of undefined", `let a = {}; try { a.b[0] = 1; } catch (e) { console.log(e.message); }`,
			"Cannot set properties of undefined (setting '0')"},
		{"write to a member in brackets of undefined", `let a = {}; try { a.b["k"] = 1; } catch (e) { console.log(e.message); }`,
			"Cannot set properties of undefined (setting 'k')"},
		{"new of an undefined member", `var o = {}; try { new o.Foo(1, 2); } catch (e) { console.log(e.message); }`,
			"o.Foo is not a constructor"},
		{"new of a number", `var five = 5; try { new five(); } catch (e) { console.log(e.message); }`,
			"five is not a constructor"},
		{"new of a function that is no constructor", `try { var m = new Math.max(); } catch (e) { console.log(e.message); }`,
			"Math.max is not a constructor"},
		{"empty reduce", `try { [].reduce(function (a, b) { return a; }); } catch (e) { console.log(e.message); }`,
			"Reduce of empty array with no initial value"},
		{"in a nested function", `function f() { try { undefined.x; } catch (e) { return e.message; } } console.log(f());`,
			"Cannot read properties of undefined (reading 'x')"},
		{"for-of over undefined", `var obj = {}; try { for (const x of obj.missing) {} } catch (e) { console.log(e.message); }`,
			"obj.missing is not iterable"},
		{"for-of over a number", `var o = {x: 5}; try { for (const a of o.x) {} } catch (e) { console.log(e.message); }`,
			"o.x is not iterable"},
		{"for-of over a call", `function g() {} try { for (const x of g(1, 2)) {} } catch (e) { console.log(e.message); }`,
			"g is not a function or its return value is not iterable"},
		{"array spread", `var obj = {}; try { var a = [...obj.items]; } catch (e) { console.log(e.message); }`,
			"obj.items is not iterable"},
		{"spread of a number into a call", `var o = {a: 5}; try { Math.max(...o.a); } catch (e) { console.log(e.message); }`,
			"Spread syntax requires ...iterable[Symbol.iterator] to be a function"},
		{"spread of an object into a call", `var o = {}; function f() {} try { f(1, ...o); } catch (e) { console.log(e.message); }`,
			"Spread syntax requires ...iterable[Symbol.iterator] to be a function"},
		{"destructuring a call's undefined", `function f() {} try { const [a, b] = f(); } catch (e) { console.log(e.message); }`,
			"f is not a function or its return value is not iterable"},
		{"destructuring a call's number", `function h() { return 5; } try { let [a] = h(1); } catch (e) { console.log(e.message); }`,
			"h is not a function or its return value is not iterable"},
		{"a script's own error is left alone", `try { throw new TypeError("Object has no member 'x'"); } catch (e) { console.log(e.message); }`,
			"Object has no member 'x'"},
		{"a thrown string", `try { throw "text"; } catch (e) { console.log(e); }`,
			"text"},
		{"JSON.parse", `try { JSON.parse("<html>"); } catch (e) { console.log(e.message); }`,
			"Unexpected token '<' at 1:1\n<html>\n^"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := mustPass(t, run(t, newExec("test"), tc.src))
			diff(t, "logs", []string{tc.want}, got)
		})
	}
}
