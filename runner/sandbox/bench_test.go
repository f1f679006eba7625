package sandbox

import (
	"context"
	"testing"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// BenchmarkRunTestScript measures one typical test script: two pm.test
// calls reading pm.response.json() and storing a value in the environment.
func BenchmarkRunTestScript(b *testing.B) {
	script, err := Compile("bench-test", `
pm.test("status is 200", function () {
    pm.response.to.have.status(200);
});
pm.test("has a token", function () {
    var body = pm.response.json();
    pm.expect(body.credentials.token).to.be.a("string");
    pm.environment.set("token", body.credentials.token);
});
`)
	if err != nil {
		b.Fatal(err)
	}
	sb := New(Options{})
	defer sb.Close()
	scopes := variables.NewScopes(nil)
	req := &collections.Request{Method: "GET", URL: collections.ParseURL("http://127.0.0.1/api/3.4/auth/signin")}
	resp := &event.Response{
		Code: 200, Status: "200 OK",
		Headers: []event.Header{{Key: "Content-Type", Value: "application/json;charset=utf-8"}, {Key: "Content-Length", Value: "120"}},
		Body:    []byte(`{"credentials":{"token":"eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l","site":{"id":"6b7179ba","contentUrl":"Samples"},"user":{"id":"1a96d216"}}}`),
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := sb.Run(ctx, script, &Execution{Listen: "test", Scopes: scopes, Request: req, Response: resp})
		if res.Error != nil || len(res.Assertions) != 2 || res.Assertions[0].Error != nil || res.Assertions[1].Error != nil {
			b.Fatalf("unexpected result: %+v", res)
		}
	}
}
