package sandbox

import (
	"math"
	"sync"

	"github.com/dop251/goja"
)

// maxArrayBufferBytes is the largest ArrayBuffer or typed array a script
// may allocate. goja allocates whatever it is asked for, and a Go
// allocation the machine cannot satisfy kills the process, taking the
// run's reports with it; Node instead throws a RangeError the script can
// catch (and that fails only its test). 4 GiB is also the most elements a
// typed array may have in Node 20 (V8's kMaxLength).
const maxArrayBufferBytes = 1 << 32

// installAllocationLimits replaces ArrayBuffer and the typed array
// constructors with native constructors that refuse, with Node's
// RangeErrors, the sizes above maxArrayBufferBytes, and otherwise construct
// with the original (so subclasses and new.target work). Each stand-in
// takes over its original's statics, prototype chain and prototype, and
// the prototype's constructor points back at it, so instanceof,
// `x.constructor === Uint8Array`, Uint8Array.from and `class extends`
// behave as before. (A Proxy would be shorter, but goja's proxies fail
// instanceof.)
func installAllocationLimits(rt *goja.Runtime) {
	g := rt.GlobalObject()
	adopt, err := rt.RunProgram(adoptConstructorProgram())
	if err != nil {
		panic(err)
	}
	adoptFn, _ := goja.AssertFunction(adopt)
	throwRange := func(msg string) {
		ctor, _ := goja.AssertConstructor(g.Get("RangeError"))
		e, err := ctor(nil, rt.ToValue(msg))
		if err != nil {
			panic(err)
		}
		panic(rt.ToValue(e))
	}
	guard := func(name string, elementSize int64, check func(args []goja.Value, elementSize int64) string) {
		original, ok := g.Get(name).(*goja.Object)
		if !ok {
			return
		}
		construct, ok := goja.AssertConstructor(original)
		if !ok {
			return
		}
		standIn := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
			if msg := check(call.Arguments, elementSize); msg != "" {
				throwRange(msg)
			}
			// goja gives no new.target for a plain `new Uint8Array()` (nor
			// tells it from a call without new, which therefore constructs
			// too, where Node throws a TypeError).
			newTarget := call.NewTarget
			if newTarget == nil {
				newTarget = original
			}
			obj, err := construct(newTarget, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return obj
		})
		if _, err := adoptFn(goja.Undefined(), original, standIn); err != nil {
			panic(err)
		}
		_ = g.DefineDataProperty(name, standIn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	guard("ArrayBuffer", 1, arrayBufferSizeError)
	for _, t := range []struct {
		name string
		size int64
	}{
		{"Int8Array", 1}, {"Uint8Array", 1}, {"Uint8ClampedArray", 1},
		{"Int16Array", 2}, {"Uint16Array", 2},
		{"Int32Array", 4}, {"Uint32Array", 4}, {"Float32Array", 4},
		{"Float64Array", 8}, {"BigInt64Array", 8}, {"BigUint64Array", 8},
	} {
		guard(t.name, t.size, typedArraySizeError)
	}
}

// adoptConstructorProgram gives standIn everything of original a script
// can see: own statics (name, length, BYTES_PER_ELEMENT, isView, species),
// its [[Prototype]] and its prototype object.
var adoptConstructorProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("allocation-limits.js", `(function (original, standIn) {
	Reflect.ownKeys(original).forEach(function (k) {
		if (k !== "prototype") {
			Object.defineProperty(standIn, k, Object.getOwnPropertyDescriptor(original, k));
		}
	});
	Object.setPrototypeOf(standIn, Object.getPrototypeOf(original));
	standIn.prototype = original.prototype;
	Object.defineProperty(original.prototype, "constructor", {value: standIn, writable: true, enumerable: false, configurable: true});
})`, true)
})

// arrayBufferSizeError is Node's error for new ArrayBuffer(n), or "".
func arrayBufferSizeError(args []goja.Value, _ int64) string {
	if len(args) == 0 {
		return ""
	}
	if n, ok := numericLength(args[0]); ok && n > maxArrayBufferBytes {
		return "Array buffer allocation failed"
	}
	return ""
}

// typedArraySizeError is Node's error for new Uint8Array(n), or for an
// array-like {length: n} argument, or "". A buffer argument allocates
// nothing.
func typedArraySizeError(args []goja.Value, elementSize int64) string {
	if len(args) == 0 {
		return ""
	}
	v := args[0]
	if obj, isObj := v.(*goja.Object); isObj {
		// An array-like's length; a buffer has none.
		v = obj.Get("length")
	}
	n, ok := numericLength(v)
	switch {
	case !ok:
		return ""
	case n > maxArrayBufferBytes:
		return "Invalid typed array length: " + v.ToNumber().String()
	case n*float64(elementSize) > maxArrayBufferBytes:
		return "Array buffer allocation failed"
	}
	return ""
}

// numericLength is v as the size a constructor would allocate, when v is
// a number (or a string or boolean that converts to one); NaN and
// negatives are the constructor's own errors to raise.
func numericLength(v goja.Value) (float64, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0, false
	}
	if _, isObj := v.(*goja.Object); isObj {
		return 0, false
	}
	n := v.ToFloat()
	if math.IsNaN(n) || n < 0 {
		return 0, false
	}
	return math.Trunc(n), true
}
