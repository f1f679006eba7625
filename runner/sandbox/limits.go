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
	installStringLimits(rt)
}

// maxStringLength is V8's longest string on 64-bit (2^29 - 24 UTF-16
// units), past which Node throws a RangeError.
const maxStringLength = 1<<29 - 24

// installStringLimits makes String.prototype.repeat, padStart and padEnd
// throw Node's RangeError ("Invalid string length") for a result longer
// than V8 allows, as they do under Newman: goja asks Go for the whole
// result at once, and a length such as "x".repeat(1e12) ended the process
// with Go's fatal "out of memory" and a goroutine dump, its reports lost,
// where Newman fails that one test. Other results are the originals'.
func installStringLimits(rt *goja.Runtime) {
	proto := rt.Get("String").ToObject(rt).Get("prototype").ToObject(rt)
	original := func(name string) goja.Callable {
		fn, ok := goja.AssertFunction(proto.Get(name))
		if !ok {
			panic("String.prototype." + name + " is not a function")
		}
		return fn
	}
	call := func(fn goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
		v, err := fn(this, args...)
		if err != nil {
			panic(err)
		}
		return v
	}
	// thisString converts this to a string as the
	// originals do, once, so a toString with side effects runs once, and
	// gives its length; ok is false for null and undefined, which V8
	// refuses with a TypeError naming the method.
	thisString := func(this goja.Value) (goja.Value, int, bool) {
		if this == nil || goja.IsUndefined(this) || goja.IsNull(this) {
			return this, 0, false
		}
		str := this.ToString()
		return str, stringLength(str), true
	}
	// V8's words for a receiver that is not one, where goja's say
	// "Value is not object coercible".
	nullThis := func(name string) *goja.Object {
		return rt.NewTypeError("String.prototype." + name + " called on null or undefined")
	}
	repeat := original("repeat")
	defineMethod(rt, proto, "repeat", func(c goja.FunctionCall) goja.Value {
		str, n, ok := thisString(c.This)
		if !ok {
			panic(nullThis("repeat"))
		}
		count := c.Argument(0).ToNumber()
		f := math.Trunc(count.ToFloat())
		if f < 0 || math.IsInf(f, 1) {
			// V8 names the count; goja's message does not.
			panic(rangeError(rt, "Invalid count value: "+count.String()))
		}
		if n > 0 && f >= 1 && float64(n)*f > maxStringLength {
			panic(rangeError(rt, "Invalid string length"))
		}
		return call(repeat, str, count)
	}, 1)
	for _, name := range []string{"padStart", "padEnd"} {
		pad := original(name)
		defineMethod(rt, proto, name, func(c goja.FunctionCall) goja.Value {
			str, n, ok := thisString(c.This)
			if !ok {
				panic(nullThis(name))
			}
			maxLength := c.Argument(0).ToNumber()
			fill, fillLength := c.Argument(1), 1
			if !goja.IsUndefined(fill) {
				fill = fill.ToString()
				fillLength = stringLength(fill)
			}
			// An empty filler pads nothing, whatever the length.
			if f := maxLength.ToFloat(); f > float64(n) && f > maxStringLength && fillLength > 0 {
				panic(rangeError(rt, "Invalid string length"))
			}
			return call(pad, str, maxLength, fill)
		}, 1)
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

// stringLength is the length in UTF-16 units of str, a string value.
func stringLength(str goja.Value) int {
	if gs, ok := str.(goja.String); ok {
		return gs.Length()
	}
	return len(str.String())
}
