package chai

import (
	"testing"

	"github.com/dop251/goja"
)

func TestCountTraps(t *testing.T) {
	src := source()
	src = "(function(){ var __count = {}; globalThis.__count = __count; return " + src + "; })()"
	// instrument proxify get trap
	src = replaceOnce(src, "get: function guardedGet(target, key) {", "get: function guardedGet(target, key) { __count[String(key)] = (__count[String(key)]||0)+1;")
	rt := goja.New()
	fv, err := rt.RunString(src)
	if err != nil { t.Fatal(err) }
	fn, _ := goja.AssertFunction(fv)
	m, err := fn(goja.Undefined(), rt.NewObject())
	if err != nil { t.Fatal(err) }
	rt.Set("chai", m)
	v, err := rt.RunString(`for (var k in __count) delete __count[k]; chai.expect(200).to.equal(200); JSON.stringify(__count)`)
	if err != nil { t.Fatal(err) }
	t.Log(v.String())
}

func replaceOnce(s, old, new string) string {
	i := indexOf(s, old)
	if i < 0 { panic("not found") }
	return s[:i] + new + s[i+len(old):]
}
func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ { if s[i:i+len(sub)] == sub { return i } }
	return -1
}
