package chai

import (
	"os"
	"testing"

	"github.com/dop251/goja"
)

func TestJSProfile(t *testing.T) {
	rt := goja.New()
	m, _ := Install(rt)
	rt.Set("expect", m.Get("expect"))
	fv, _ := rt.RunString(`(function (n) { for (var i = 0; i < n; i++) expect(200).to.equal(200); })`)
	fn, _ := goja.AssertFunction(fv)
	f, _ := os.Create("/tmp/js.prof")
	goja.StartProfile(f)
	fn(goja.Undefined(), rt.ToValue(10000))
	goja.StopProfile()
	f.Close()
}
