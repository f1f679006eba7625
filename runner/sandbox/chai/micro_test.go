package chai

import (
	"testing"

	"github.com/dop251/goja"
)

func TestMicro(t *testing.T) {
	for _, src := range []string{
		`function f(a,b){ return arguments.length + a; }`,
		`function f(a,b){ 'use strict'; return arguments.length + a; }`,
		`function f(...r){ return r.length + r[0]; }`,
		`function f(a,b){ return a; }`,
		`var h = {get: function(t,k){ return Reflect.get(t,k); }}; var p = new Proxy({a:1}, h); function f(a){ return p.a; }`,
		`var h = {get: function(t,k){ return Reflect.get(t,k); }}; function f(a){ return new Proxy({a:1}, h); }`,
		`function f(a){ var o = Object.create(null); o.a=1;o.b=2;o.c=3;o.d=4;o.e=5; return o; }`,
		`var wm = new WeakMap(); function f(a){ var o = {}; wm.set(o, a); return wm.get(o); }`,
	} {
		rt := goja.New()
		v, _ := rt.RunString(src + `; (function(){ for (var i=0;i<200000;i++) f(1,2); })`)
		fn, _ := goja.AssertFunction(v)
		c := cpuNow()
		fn(goja.Undefined())
		t.Logf("%v/op  %s", (cpuNow()-c)/200000, src)
	}
}

func TestMicro2(t *testing.T) {
	for _, src := range []string{
		`var wm = new WeakMap(); var o = {}; wm.set(o, 1); function f(a){ return wm.get(o); }`,
		`var wm = new WeakMap(); function f(a){ var o = {}; wm.set(o, a); }`,
		`function f(a){ var o = {}; return o; }`,
		`var c = [{},{},{},{},{},{},{},{}]; var o = {}; function f(a){ for (var i=0;i<8;i++) if (c[i]===o) return 1; return 0; }`,
	} {
		rt := goja.New()
		v, _ := rt.RunString(src + `; (function(){ for (var i=0;i<200000;i++) f(1,2); })`)
		fn, _ := goja.AssertFunction(v)
		c := cpuNow()
		fn(goja.Undefined())
		t.Logf("%v/op  %s", (cpuNow()-c)/200000, src)
	}
}

func TestMicro3(t *testing.T) {
	for _, src := range []string{
		`var o = {}; o.__flags = Object.create(null); o.__flags.a = 1; function f(a){ var fl = o.__flags || (o.__flags = Object.create(null)); return fl['a']; }`,
		`var o = {}; o.__flags = {}; o.__flags.a = 1; function f(a){ var fl = o.__flags || (o.__flags = {}); return fl['a']; }`,
		`var o = {}; o.__flags = Object.create(null); function f(a){ var fl = o.__flags; fl['ssfi'] = f; }`,
		`var o = {}; o.__flags = Object.create(null); function f(a){ var fl = o.__flags; fl['ssfi'] = 1; }`,
		`var o = {}; o.__flags = Object.create(null); function f(a){ var fl = o.__flags; fl.ssfi = 1; }`,
		`function f(a){ var fl = Object.create(null); fl.a = 1; fl.b = 2; }`,
		`function f(a){ var fl = {}; fl.a = 1; fl.b = 2; }`,
	} {
		rt := goja.New()
		v, _ := rt.RunString(src + `; (function(){ for (var i=0;i<200000;i++) f(1,2); })`)
		fn, _ := goja.AssertFunction(v)
		c := cpuNow()
		fn(goja.Undefined())
		t.Logf("%v/op  %s", (cpuNow()-c)/200000, src)
	}
}
