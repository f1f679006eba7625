package chai

import (
	"testing"
	"time"
	"syscall"

	"github.com/dop251/goja"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano())
}

func TestGrow(t *testing.T) {
	rt := goja.New()
	m, _ := Install(rt)
	rt.Set("expect", m.Get("expect"))
	fv, _ := rt.RunString(`(function (n) { for (var i = 0; i < n; i++) expect(200).to.equal(200); })`)
	fn, _ := goja.AssertFunction(fv)
	for b := 0; b < 8; b++ {
		c := cpuNow()
		fn(goja.Undefined(), rt.ToValue(2000))
		t.Logf("batch %d: %v/op cpu", b, (cpuNow()-c)/2000)
	}
}
