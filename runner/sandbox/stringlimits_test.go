package sandbox

import (
	"testing"
)

// A string longer than V8 allows throws Node's RangeError, which fails
// the test that asked for it, instead of Go's fatal "out of memory",
// which ended the process and lost the run's reports ("x".repeat(1e12)
// asked Go for a terabyte at once). Expected texts are Node 20's, as
// printed under Newman 6.2.2.
func TestHugeStringsThrowNodesRangeError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		expr, want string
	}{
		{`"x".repeat(1e12)`, "RangeError: Invalid string length"},
		{`"x".repeat(2**29 - 23)`, "RangeError: Invalid string length"},
		{`"xy".repeat(2**28)`, "RangeError: Invalid string length"},
		{`"ab".padEnd(1e10)`, "RangeError: Invalid string length"},
		{`"ab".padStart(2**29)`, "RangeError: Invalid string length"},
		{`"ab".padStart(2**29, null)`, "RangeError: Invalid string length"},
		{`"ab".padEnd(Infinity)`, "RangeError: Invalid string length"},
		// V8's words for a bad count or receiver (goja's named neither).
		{`"x".repeat(-1)`, "RangeError: Invalid count value: -1"},
		{`"x".repeat("-2")`, "RangeError: Invalid count value: -2"},
		{`"".repeat(Infinity)`, "RangeError: Invalid count value: Infinity"},
		{`"x".repeat(-0.5)`, "ok "},
		{`String.prototype.repeat.call(null, 2)`, "TypeError: String.prototype.repeat called on null or undefined"},
		{`String.prototype.padStart.call(undefined, 2)`, "TypeError: String.prototype.padStart called on null or undefined"},
		// Lengths V8 allows, and calls that allocate nothing, are as before.
		{`"xy".repeat(2**20).length`, "ok 2097152"},
		{`"".repeat(1e12)`, "ok "},
		{`"ab".padEnd(1e10, "")`, "ok ab"},
		{`"ab".padStart(5, "xy")`, "ok xyxab"},
		{`"ab".padEnd(5)`, "ok ab   "},
		{`"é".repeat(3)`, "ok ééé"},
		{`String.prototype.repeat.call(12, 3)`, "ok 121212"},
		{`[''.repeat.length, ''.padStart.length, ''.padEnd.length, ''.repeat.name, ''.padEnd.name].join(" ")`, "ok 1 1 1 repeat padEnd"},
	}
	script := `function attempt(f) {
	try { return "ok " + f(); }
	catch (e) { return e.name + ": " + e.message; }
}
`
	var want []string
	for _, tc := range tests {
		script += "console.log(attempt(function () { return " + tc.expr + "; }));\n"
		want = append(want, tc.want)
	}
	res := run(t, newExec("test"), script+`pm.test("still running", function () {});`)
	mustPass(t, res)
	diff(t, "console", want, logs(res))
}
