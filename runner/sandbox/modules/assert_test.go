package modules

import (
	"testing"
)

// failMsg wraps an assert call so the case yields the thrown error's
// name, code and message, or "no error".
func failMsg(call string) string {
	return `var assert = require('assert'); (function () { try { ` + call + `; return 'no error'; } catch (e) { return e.name + '|' + e.code + '|' + e.message; } })()`
}

// TestAssertMessages checks require('assert') against what Newman 6.2.2's
// sandbox (the assert 2.0.0 package) reports; the wanted values were
// recorded from Newman.
func TestAssertMessages(t *testing.T) {
	t.Parallel()
	tests := []evalCase{
		{"strictEqual numbers", failMsg(`assert.strictEqual(1, 2)`), "AssertionError|ERR_ASSERTION|Expected values to be strictly equal:\n\n1 !== 2\n"},
		{"strictEqual strings", failMsg(`assert.strictEqual('a', 'b')`), "AssertionError|ERR_ASSERTION|Expected values to be strictly equal:\n\n'a' !== 'b'\n"},
		{"strictEqual long strings point at the difference", failMsg(`assert.strictEqual('a much longer string than ten', 'a much longer string than eleven')`),
			"AssertionError|ERR_ASSERTION|Expected values to be strictly equal:\n+ actual - expected\n\n+ 'a much longer string than ten'\n- 'a much longer string than eleven'\n                             ^"},
		{"strictEqual undefined null", failMsg(`assert.strictEqual(undefined, null)`), "AssertionError|ERR_ASSERTION|Expected values to be strictly equal:\n+ actual - expected\n\n+ undefined\n- null"},
		{"strictEqual 0 -0", failMsg(`assert.strictEqual(0, -0)`), "AssertionError|ERR_ASSERTION|Values identical but not reference-equal:\n\n0\n"},
		{"strictEqual objects", failMsg(`assert.strictEqual({a: 1}, {a: 1})`), "AssertionError|ERR_ASSERTION|Values identical but not reference-equal:\n\n{ a: 1 }\n"},
		{"equal", failMsg(`assert.equal(1, 2)`), "AssertionError|ERR_ASSERTION|1 == 2"},
		{"equal is loose", failMsg(`assert.equal(1, '1'); assert.equal(null, undefined)`), "no error"},
		{"notEqual", failMsg(`assert.notEqual(1, '1')`), "AssertionError|ERR_ASSERTION|1 != '1'"},
		{"ok", failMsg(`assert(false)`), "AssertionError|ERR_ASSERTION|false == true"},
		{"ok zero", failMsg(`assert.ok(0)`), "AssertionError|ERR_ASSERTION|0 == true"},
		{"ok no argument", failMsg(`assert.ok()`), "AssertionError|ERR_ASSERTION|No value argument passed to `assert.ok()`"},
		{"custom message", failMsg(`assert(false, 'custom msg')`), "AssertionError|ERR_ASSERTION|custom msg"},
		{"error as message is thrown", failMsg(`assert.strictEqual(1, 2, new TypeError('own'))`), "TypeError|undefined|own"},
		{"deepEqual", failMsg(`assert.deepEqual({a: 1}, {a: 2})`), "AssertionError|ERR_ASSERTION|Expected values to be loosely deep-equal:\n\n{ a: 1 }\n\nshould equal\n\n{ a: 2 }"},
		{"deepEqual is loose", failMsg(`assert.deepEqual({a: [1, {b: 2}]}, {a: [1, {b: '2'}]})`), "no error"},
		{"deepEqual NaN", failMsg(`assert.deepEqual(NaN, NaN)`), "AssertionError|ERR_ASSERTION|Expected values to be loosely deep-equal:\n\nNaN\n\nshould equal\n\nNaN"},
		{"deepStrictEqual diff", failMsg(`assert.deepStrictEqual({a: 1, b: [1, 2]}, {a: 1, b: [1, 3]})`),
			"AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ { a: 1, b: [ 1, 2 ] }\n- { a: 1, b: [ 1, 3 ] }\n                  ^"},
		{"deepStrictEqual types", failMsg(`assert.deepStrictEqual({a: 1}, {a: '1'})`), "AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ { a: 1 }\n- { a: '1' }\n       ^"},
		{"deepStrictEqual multi-line", failMsg(`assert.deepStrictEqual({name: 'alice', roles: ['admin', 'user'], nested: {deep: {x: 1, y: 'long string value here'}}, id: 12345}, {name: 'alice', roles: ['admin'], nested: {deep: {x: 2, y: 'long string value here'}}, id: 12345})`),
			"AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected\n\n  { name: 'alice',\n+   roles: [ 'admin', 'user' ],\n+   nested: { deep: { x: 1, y: 'long string value here' } },\n-   roles: [ 'admin' ],\n-   nested: { deep: { x: 2, y: 'long string value here' } },\n    id: 12345 }"},
		{"deepStrictEqual skips lines", failMsg(`var a = [], i; for (i = 0; i < 50; i++) a.push(i * 1000); var b = a.slice(); b[10] = 'x'; b[40] = 'y'; assert.deepStrictEqual(a, b)`),
			"AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected ... Lines skipped\n\n  [ 0,\n    1000,\n...\n    9000,\n+   10000,\n-   'x',\n    11000,\n...\n    39000,\n+   40000,\n-   'y',\n    41000,\n...\n    48000,\n    49000 ]"},
		{"deepStrictEqual extra lines", failMsg(`function big(n) { var o = {}; for (var i = 0; i < n; i++) o['key' + i] = 'value number ' + i; return o; } var a = big(10); a.key3 = 'changed'; assert.deepStrictEqual(a, big(12))`),
			"AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected ... Lines skipped\n\n  { key0: 'value number 0',\n    key1: 'value number 1',\n    key2: 'value number 2',\n+   key3: 'changed',\n-   key3: 'value number 3',\n    key4: 'value number 4',\n...\n    key8: 'value number 8',\n+   key9: 'value number 9' }\n-   key9: 'value number 9',\n-   key10: 'value number 10',\n-   key11: 'value number 11' }"},
		{"deepStrictEqual errors", failMsg(`assert.deepStrictEqual(new Error('a'), new Error('b'))`), "AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ [Error: a]\n- [Error: b]\n          ^"},
		{"deepStrictEqual sets and maps", failMsg(`assert.deepStrictEqual(new Set([1, 2]), new Set([2, 1])); assert.deepStrictEqual(new Set([{a: 1}]), new Set([{a: 1}])); assert.deepEqual(new Set([1]), new Set(['1']))`), "no error"},
		{"deepStrictEqual maps differ", failMsg(`assert.deepStrictEqual(new Map([[1, {a: 1}]]), new Map([[1, {a: 2}]]))`), "AssertionError|ERR_ASSERTION|Values identical but not reference-equal:\n\n{}\n"},
		{"notStrictEqual", failMsg(`assert.notStrictEqual(1, 1)`), "AssertionError|ERR_ASSERTION|Expected \"actual\" to be strictly unequal to: 1"},
		{"notStrictEqual object", failMsg(`var o = {a: 1}; assert.notStrictEqual(o, o)`), "AssertionError|ERR_ASSERTION|Expected \"actual\" not to be reference-equal to \"expected\": { a: 1 }"},
		{"notDeepEqual", failMsg(`assert.notDeepEqual({a: 1}, {a: 1})`), "AssertionError|ERR_ASSERTION|Expected \"actual\" not to be loosely deep-equal to:\n\n{ a: 1 }"},
		{"notDeepStrictEqual", failMsg(`assert.notDeepStrictEqual([1, 2], [1, 2])`), "AssertionError|ERR_ASSERTION|Expected \"actual\" not to be strictly deep-equal to: [ 1, 2 ]"},
		{"throws nothing", failMsg(`assert.throws(function () {})`), "AssertionError|ERR_ASSERTION|Missing expected exception."},
		{"throws with message", failMsg(`assert.throws(function () {}, 'msg here')`), "AssertionError|ERR_ASSERTION|Missing expected exception: msg here"},
		{"throws with class", failMsg(`assert.throws(function () {}, TypeError)`), "AssertionError|ERR_ASSERTION|Missing expected exception (TypeError)."},
		{"throws matching", failMsg(`assert.throws(function () { throw new Error('abc'); }, /abc/); assert.throws(function () { throw new TypeError('abc'); }, TypeError); assert.throws(function () { throw new Error('w'); }, {message: /w/, name: 'Error'})`), "no error"},
		{"throws rethrows a mismatch", failMsg(`assert.throws(function () { throw new Error('abc'); }, /xyz/)`), "Error|undefined|abc"},
		{"throws validation object", failMsg(`assert.throws(function () { throw new Error('abc'); }, {message: 'xyz'})`),
			"AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ { message: 'abc' }\n- { message: 'xyz' }\n              ^"},
		{"throws a primitive", failMsg(`assert.throws(function () { throw 'prim'; }, {message: 'x'})`), "AssertionError|ERR_ASSERTION|Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ 'prim'\n- { message: 'x' }"},
		{"throws not a function", failMsg(`assert.throws(5)`), "TypeError|ERR_INVALID_ARG_TYPE|The \"fn\" argument must be of type Function. Received type number"},
		{"throws ambiguous", failMsg(`assert.throws(function () { throw new Error('x'); }, 'x')`), "TypeError|ERR_AMBIGUOUS_ARGUMENT|The \"%s\" argument is ambiguous. %s"},
		{"doesNotThrow", failMsg(`assert.doesNotThrow(function () { throw new Error('x'); })`), "AssertionError|ERR_ASSERTION|Got unwanted exception.\nActual message: \"x\""},
		{"doesNotThrow with message", failMsg(`assert.doesNotThrow(function () { throw new Error('x'); }, 'my msg')`), "AssertionError|ERR_ASSERTION|Got unwanted exception: my msg\nActual message: \"x\""},
		{"fail", failMsg(`assert.fail()`), "AssertionError|ERR_ASSERTION|Failed"},
		{"fail with message", failMsg(`assert.fail('boom')`), "AssertionError|ERR_ASSERTION|boom"},
		// The first fail(actual, expected) of a run fails on the missing
		// process.emitWarning, as in Newman.
		{"fail with two arguments", failMsg(`try { assert.fail(1, 2); } catch (e) { if (!(e instanceof TypeError)) throw e; } assert.fail(1, 2, undefined, '>')`), "AssertionError|ERR_ASSERTION|1 > 2"},
		{"ifError null", failMsg(`assert.ifError(null); assert.ifError(undefined)`), "no error"},
		{"ifError error", failMsg(`assert.ifError(new Error('e1'))`), "AssertionError|ERR_ASSERTION|ifError got unwanted exception: e1"},
		{"ifError empty message", failMsg(`assert.ifError(new TypeError(''))`), "AssertionError|ERR_ASSERTION|ifError got unwanted exception: TypeError"},
		{"ifError value", failMsg(`assert.ifError('str')`), "AssertionError|ERR_ASSERTION|ifError got unwanted exception: 'str'"},
		{"missing arguments", failMsg(`assert.equal(1)`), "TypeError|ERR_MISSING_ARGS|The \"actual\", \"expected\", and \"undefined\" arguments must be specified"},
		{"strict", failMsg(`assert.strict.equal(1, '1')`), "AssertionError|ERR_ASSERTION|Expected values to be strictly equal:\n\n1 !== '1'\n"},
		{"AssertionError without options", failMsg(`new assert.AssertionError()`), "TypeError|ERR_INVALID_ARG_TYPE|The \"options\" argument must be of type Object. Received type undefined"},
		{"inspect layout", failMsg(`assert.equal({'a-b': 1, c: "it's", d: 'q"', e: [undefined, null, true], f: {g: {h: {i: {}}}}}, 2)`),
			"AssertionError|ERR_ASSERTION|{ 'a-b': 1,\n  c: 'it\\'s',\n  d: 'q\"',\n  e: [ undefined, null, true ],\n  f: { g: { h: { i: {} } } } } == 2"},
		{"inspect nesting", failMsg(`assert.equal({longkey1: 'aaaaaaaaaaaa', longkey2: 'bbbbbbbbbbbbbb', longkey3: 'cccccccccccccccc', k: {a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'}}, 2)`),
			"AssertionError|ERR_ASSERTION|{ longkey1: 'aaaaaaaaaaaa',\n  longkey2: 'bbbbbbbbbbbbbb',\n  longkey3: 'cccccccccccccccc',\n  k: \n   { a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n     b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy' } } == 2"},
		{"inspect array in array", failMsg(`assert.equal([{a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'}, 3], 2)`),
			"AssertionError|ERR_ASSERTION|[ { a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n    b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy' },\n  3 ] == 2"},
		{"inspect special values", `var assert = require('assert'); var a = [1]; a.x = 2; var c = {}; c.self = c; [function foo() {}, /re/g, new Error('bad'), Buffer.from('ab'), a, c, Symbol('s'), new Map([[1, 2]]), []].map(function (v) { try { assert.equal(v, 2); } catch (e) { return e.message; } }).join('\n')`,
			"[Function: foo] == 2\n/re/g == 2\n[Error: bad] == 2\n{ '0': 97, '1': 98 } == 2\n[ 1, x: 2 ] == 2\n{ self: [Circular] } == 2\n{} == 2\n{} == 2\n[] == 2"},
		{"error properties", `var assert = require('assert'); try { assert.strictEqual(1, 2); } catch (e) { [e.name, e.code, e.actual, e.expected, e.operator, e.generatedMessage, e instanceof assert.AssertionError, e instanceof Error, String(e)].join('|') }`,
			"AssertionError|ERR_ASSERTION|1|2|strictEqual|true|true|true|AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n1 !== 2\n"},
		{"error properties with message", `var assert = require('assert'); try { assert.equal(1, 2, 'm'); } catch (e) { [e.operator, e.generatedMessage, e.message].join('|') }`, "==|false|m"},
		{"operator of throws", `var assert = require('assert'); try { assert.throws(function () {}); } catch (e) { e.operator }`, "e"},
		{"exports", `var assert = require('assert'); typeof assert + Object.keys(assert).join(',') + (assert.strict.strict === assert.strict)`,
			"functionfail,AssertionError,ok,equal,notEqual,deepEqual,notDeepEqual,deepStrictEqual,notDeepStrictEqual,strictEqual,notStrictEqual,throws,rejects,doesNotThrow,doesNotReject,ifError,stricttrue"},
	}
	runEvalCases(t, tests)
}
