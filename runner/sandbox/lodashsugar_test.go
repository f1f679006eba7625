package sandbox

import "testing"

// lodash functions whose names Sugar also gives every function (fill,
// after) are lodash's on `_` and require('lodash'), as in Newman 6.2.2:
// Sugar's Function.prototype.fill answered _.fill with a function.
func TestLodashNamesSugarSharesAreLodashs(t *testing.T) {
	t.Parallel()
	src := `console.log(JSON.stringify([_.fill([1, 2, 3], 0), require('lodash').fill(Array(2), 'x'), _.after(1, function () { return 5; })()]));`
	// The first line is Postman's deprecation warning for `_`.
	logs := mustPass(t, run(t, newExec("test"), src))
	diff(t, "logs", `[[0,0,0],["x","x"],5]`, logs[len(logs)-1])
}
