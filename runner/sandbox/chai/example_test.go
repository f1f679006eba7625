package chai_test

import (
	"fmt"

	"github.com/colrun/colrun/runner/sandbox/chai"
	"github.com/dop251/goja"
)

// Example wires the library the way the sandbox does: pm.expect is
// chai.expect, and pm.response.to is a getter returning
// chai.expect(pm.response).to. The response's constructor carries
// _postman_propertyName 'Response', which is how chai-postman recognises
// a response.
func Example() {
	rt := goja.New()
	module, err := chai.Install(rt)
	if err != nil {
		panic(err)
	}
	if err := rt.Set("chai", module); err != nil {
		panic(err)
	}
	_, err = rt.RunString(`
		function Response(code) { this.code = code; this.status = code === 200 ? 'OK' : 'Not Found'; }
		Response._postman_propertyName = 'Response';
		Response.prototype.reason = function () { return this.status; };

		var pm = { expect: chai.expect, response: new Response(404) };
		Object.defineProperty(pm.response, 'to', {
			get: function () { return chai.expect(this).to; },
			configurable: true
		});

		var results = [];
		function test(name, fn) {
			try { fn(); results.push(name + ': pass'); }
			catch (e) { results.push(name + ': ' + e.name + ': ' + e.message); }
		}
		test('status', function () { pm.response.to.have.status(200); });
		test('code', function () { pm.expect(pm.response.code, 'code').to.equal(200); });
		test('typo', function () { pm.expect(1).to.be.equalz(1); });
	`)
	if err != nil {
		panic(err)
	}
	for _, line := range rt.Get("results").Export().([]any) {
		fmt.Println(line)
	}
	// Output:
	// status: AssertionError: expected response to have status code 200 but got 404
	// code: AssertionError: code: expected 404 to equal 200
	// typo: Error: Invalid Chai property: equalz. Did you mean "equal"?
}
