package chai

import (
	"testing"

	"github.com/dop251/goja"
)

// chainBenchmarks are the assertion chains Postman test scripts use most.
// Each body runs once per op in one runtime, as a script does per request;
// failing ones measure the cost of building the failure message.
var chainBenchmarks = []struct {
	name string
	body string
}{
	{"equal", `expect(x).to.equal(200)`},
	{"eql", `expect(obj).to.eql({id: 1, name: 'fixed', active: true, items: [1, 2, 3]})`},
	{"eql-number", `expect(obj.id).to.eql(1)`},
	{"length-of", `expect(obj.items).to.have.lengthOf(3)`},
	{"be-true", `expect(obj.active).to.be.true`},
	{"one-of", `expect(x).to.be.oneOf([200, 201])`},
	{"a-string", `expect('abc').to.be.a('string')`},
	{"property", `expect(obj).to.have.property('id')`},
	{"include-string", `expect('hello world').to.include('world')`},
	{"include-array", `expect(obj.items).to.include(2)`},
	{"not-equal", `expect(x).to.not.equal(404)`},
	{"ok", `expect(x).to.be.ok`},
	{"response-status", `res.to.have.status(200)`},
	{"response-header", `res.to.have.header('Content-Type')`},
	{"response-json-body", `res.to.be.json`},
	{"response-ok", `res.to.be.ok`},
	{"equal-fail", `try { expect(x, 'code').to.equal(404); } catch (e) { if (e.name !== 'AssertionError') throw e; }`},
	{"eql-fail", `try { expect(obj).to.eql({id: 2}); } catch (e) { if (e.name !== 'AssertionError') throw e; }`},
}

func BenchmarkChain(b *testing.B) {
	for _, bc := range chainBenchmarks {
		b.Run(bc.name, func(b *testing.B) {
			rt, module := newRuntime(b)
			if err := rt.Set("expect", module.Get("expect")); err != nil {
				b.Fatal(err)
			}
			// res stands for pm.response as the sandbox exposes it: its
			// `to` getter starts a fresh assertion on every read.
			fv, err := rt.RunString(`(function () {
				var response = mkres({code: 200, body: '{"id":1,"name":"fixed","items":[1,2,3]}',
					headers: [{key: 'Content-Type', value: 'application/json'}]});
				var res = {};
				Object.defineProperty(res, 'to', { get: function () { return expect(response).to; } });
				var x = 200;
				var obj = {id: 1, name: 'fixed', active: true, items: [1, 2, 3]};
				return function () { ` + bc.body + ` };
			})()`)
			if err != nil {
				b.Fatal(err)
			}
			fn, ok := goja.AssertFunction(fv)
			if !ok {
				b.Fatal("benchmark body is not a function")
			}
			if _, err := fn(goja.Undefined()); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := fn(goja.Undefined()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
