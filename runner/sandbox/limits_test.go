package sandbox

import (
	"testing"
)

// Sizes no machine can allocate throw Node's RangeErrors, which a script
// can catch, instead of killing the process (and losing the run's
// reports); ordinary use of the constructors is unchanged. Expected texts
// are Node 20's, as printed under Newman 6.2.2.
func TestHugeBuffersThrowNodesRangeError(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), `
function attempt(f) { try { f(); return "ok"; } catch (e) { return e.name + ": " + e.message; } }
console.log(attempt(function () { new ArrayBuffer(1e12); }));
console.log(attempt(function () { new Uint8Array(5e9); }));
console.log(attempt(function () { new Float64Array(1e9); }));
console.log(attempt(function () { new Uint8Array({length: 5e9}); }));
console.log(attempt(function () { Uint8Array.from({length: 5e9}); }));
console.log(attempt(function () { class Big extends Uint8Array {} new Big(5e9); }));
var small = new Uint8Array([1, 2, 3]);
console.log([small.length, small.constructor === Uint8Array, small instanceof Uint8Array, Object.prototype.toString.call(small)].join(" "));
var buf = new ArrayBuffer(8);
console.log([buf.byteLength, buf.constructor === ArrayBuffer, new Uint16Array(buf).length, Uint8Array.name, typeof Uint8Array].join(" "));
console.log(Buffer.from("hi").toString("hex") + " " + Buffer.alloc(3).length);
pm.test("still running", function () {});
`)
	mustPass(t, res)
	diff(t, "console", []string{
		"RangeError: Array buffer allocation failed",
		"RangeError: Invalid typed array length: 5000000000",
		"RangeError: Array buffer allocation failed",
		"RangeError: Invalid typed array length: 5000000000",
		"RangeError: Invalid typed array length: 5000000000",
		"RangeError: Invalid typed array length: 5000000000",
		"3 true true [object Uint8Array]",
		"8 true 4 Uint8Array function",
		"6869 3",
	}, logs(res))
}
