package chai

import (
	"sort"
	"strconv"

	"github.com/dop251/goja"
)

// The assertion machinery that runs on every step of every chain lives
// here rather than in js/core.js: in goja a JS proxy trap, an `arguments`
// object, Function.prototype.apply and copying an object with for-in each
// cost about a microsecond, and a chain such as
// `pm.response.to.have.status(200)` takes a dozen of them per step. The
// JS side keeps chai's API and everything that only runs when an
// assertion fails (messages, suggestions); this file only decides faster
// what the JS would have decided.

// flagSet is the `__flags` bag of one assertion: chai copies it on every
// chain step, which in Go is one slice copy instead of an enumeration.
// Scripts see an ordinary object with a null prototype.
type flagSet struct {
	entries []flagEntry
	// inline holds the entries of a typical chain, saving an allocation
	// per step.
	inline [8]flagEntry
}

func newFlagSet(n int) *flagSet {
	f := &flagSet{}
	f.entries = f.inline[:n]
	return f
}

type flagEntry struct {
	name  string
	value goja.Value
}

func (f *flagSet) index(name string) int {
	for i := range f.entries {
		if f.entries[i].name == name {
			return i
		}
	}
	return -1
}

// Get implements goja.DynamicObject.
func (f *flagSet) Get(name string) goja.Value {
	if i := f.index(name); i >= 0 {
		return f.entries[i].value
	}
	return nil
}

// Set implements goja.DynamicObject.
func (f *flagSet) Set(name string, v goja.Value) bool {
	if i := f.index(name); i >= 0 {
		f.entries[i].value = v
		return true
	}
	f.entries = append(f.entries, flagEntry{name, v})
	return true
}

// Has implements goja.DynamicObject.
func (f *flagSet) Has(name string) bool { return f.index(name) >= 0 }

// Delete implements goja.DynamicObject.
func (f *flagSet) Delete(name string) bool {
	if i := f.index(name); i >= 0 {
		f.entries = append(f.entries[:i], f.entries[i+1:]...)
	}
	return true
}

// Keys implements goja.DynamicObject, in the order an ordinary object
// lists them: array indices ascending, then the rest as inserted.
func (f *flagSet) Keys() []string {
	var indices []string
	keys := make([]string, 0, len(f.entries))
	for _, e := range f.entries {
		if isArrayIndex(e.name) {
			indices = append(indices, e.name)
		} else {
			keys = append(keys, e.name)
		}
	}
	if indices == nil {
		return keys
	}
	sort.Slice(indices, func(i, j int) bool {
		a, _ := strconv.ParseUint(indices[i], 10, 32)
		b, _ := strconv.ParseUint(indices[j], 10, 32)
		return a < b
	})
	return append(indices, keys...)
}

func isArrayIndex(s string) bool {
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	n, err := strconv.ParseUint(s, 10, 32)
	return err == nil && n < 1<<32-1
}

// ctorFlags are the flags chai's Assertion constructor sets, in its order.
// A chain step builds `new Assertion()` and then copies every flag of the
// previous step over it; when the previous step starts with these five,
// that is exactly a copy.
var ctorFlags = [...]string{"ssfi", "lockSsfi", "object", "message", "eql"}

func (f *flagSet) startsWithCtorFlags() bool {
	if len(f.entries) < len(ctorFlags) {
		return false
	}
	for i, name := range ctorFlags {
		if f.entries[i].name != name {
			return false
		}
	}
	return true
}

func (f *flagSet) clone() *flagSet {
	c := newFlagSet(0)
	c.entries = append(c.entries, f.entries...)
	return c
}

// core is one runtime's half of the machinery; js/core.js receives its
// functions through the host object and hands back, once, the JS pieces
// it needs (see bind).
type core struct {
	rt *goja.Runtime

	// Set by bind.
	proto      *goja.Object  // Assertion.prototype
	config     *goja.Object  // chai.config
	callFn     goja.Value    // Function.prototype.call
	applyFn    goja.Value    // Function.prototype.apply
	miss       goja.Callable // (target, name, methodName): excluded name -> undefined, else throws
	slowNext   goja.Callable // (from): continueChain for flags this file does not recognise
	slowAssert goja.Callable // chai's Assertion#assert in JS, for failures
	// structuralEqual is deep-eql's comparison in JS, for the values
	// deepequal.go does not compare itself.
	structuralEqual goja.Callable
	assertion       *goja.ProxyTrapConfig

	// The intrinsic prototypes plain objects and arrays have, whatever a
	// script does to the global Object and Array.
	objectProto, arrayProto *goja.Object

	// lastBag and lastFlags remember the flag bag made last: the next
	// step nearly always continues from it, and finding a bag's flagSet
	// otherwise takes Export, which allocates.
	lastBag   *goja.Object
	lastFlags *flagSet
}

func newCore(rt *goja.Runtime) *core {
	c := &core{rt: rt, objectProto: rt.NewObject().Prototype(), arrayProto: rt.NewArray().Prototype()}
	c.assertion = &goja.ProxyTrapConfig{Get: func(target *goja.Object, name string, _ goja.Value) goja.Value {
		if v := target.Get(name); v != nil {
			return v
		}
		return c.missing(target, name, goja.Undefined())
	}}
	return c
}

// hooks returns the object the library finds at host.__colrunCore.
func (c *core) hooks() *goja.Object {
	o := c.rt.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		if err := o.Set(name, fn); err != nil {
			panic(err)
		}
	}
	set("bind", c.bind)
	set("init", c.init)
	set("next", func(call goja.FunctionCall) goja.Value { return c.next(call.Argument(0)) })
	set("chainStep", func(call goja.FunctionCall) goja.Value { return c.next(call.This) })
	set("newFlags", func(goja.FunctionCall) goja.Value { return c.flagsObject(newFlagSet(0)) })
	set("guard", c.guard)
	set("method", c.method)
	set("chainable", c.chainable)
	set("assert", c.assert)
	set("deepEqual", c.deepEqual)
	return o
}

func (c *core) bind(call goja.FunctionCall) goja.Value {
	h := call.Argument(0).ToObject(c.rt)
	c.proto = h.Get("proto").ToObject(c.rt)
	c.config = h.Get("config").ToObject(c.rt)
	c.callFn = h.Get("call")
	c.applyFn = h.Get("apply")
	c.miss = c.mustFunction(h.Get("miss"), "miss")
	c.slowNext = c.mustFunction(h.Get("slowNext"), "slowNext")
	c.slowAssert = c.mustFunction(h.Get("slowAssert"), "slowAssert")
	c.structuralEqual = c.mustFunction(h.Get("structuralEqual"), "structuralEqual")
	return goja.Undefined()
}

// mustFunction returns v as a function, or throws into the script the
// TypeError node gives for chai's `expr.apply(this, arguments)` when expr
// is not one.
func (c *core) mustFunction(v goja.Value, expr string) goja.Callable {
	fn, ok := goja.AssertFunction(v)
	if !ok {
		if v == nil {
			v = goja.Undefined()
		}
		if goja.IsUndefined(v) || goja.IsNull(v) {
			panic(c.rt.NewTypeError("Cannot read properties of %s (reading 'apply')", v))
		}
		panic(c.rt.NewTypeError("%s.apply is not a function", expr))
	}
	return fn
}

// rethrow propagates an exception from JS called by Go to the JS caller.
func rethrow(v goja.Value, err error) goja.Value {
	if err != nil {
		panic(err)
	}
	return v
}

func (c *core) missing(target *goja.Object, name string, method goja.Value) goja.Value {
	return rethrow(c.miss(goja.Undefined(), target, c.rt.ToValue(name), method))
}

func (c *core) flagsObject(f *flagSet) *goja.Object {
	o := c.rt.NewDynamicObject(f)
	// chai's flag bag is Object.create(null).
	if err := o.SetPrototype(nil); err != nil {
		panic(err)
	}
	c.lastBag, c.lastFlags = o, f
	return o
}

// flagsOf returns v.__flags when it is a bag this file made.
func (c *core) flagsOf(v goja.Value) *flagSet {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	bag, ok := obj.Get("__flags").(*goja.Object)
	if !ok {
		return nil
	}
	if bag == c.lastBag {
		return c.lastFlags
	}
	f, _ := bag.Export().(*flagSet)
	return f
}

// proxyEnabled is chai's util.isProxyEnabled.
func (c *core) proxyEnabled() bool {
	if !c.config.Get("useProxy").ToBoolean() {
		return false
	}
	g := c.rt.GlobalObject()
	return defined(g.Get("Proxy")) && defined(g.Get("Reflect"))
}

func defined(v goja.Value) bool { return v != nil && !goja.IsUndefined(v) }

func (c *core) proxy(target *goja.Object, cfg *goja.ProxyTrapConfig) goja.Value {
	return c.rt.ToValue(c.rt.NewProxy(target, cfg))
}

// guardAssertion is chai's proxify(assertion): reading a string key the
// assertion does not have throws "Invalid Chai property".
func (c *core) guardAssertion(obj *goja.Object) goja.Value {
	if !c.proxyEnabled() {
		return obj
	}
	return c.proxy(obj, c.assertion)
}

// init finishes `new Assertion(obj, msg, ssfi, lockSsfi)`:
// init(this, ssfi, lockSsfi, object, message, eql).
func (c *core) init(call goja.FunctionCall) goja.Value {
	this := call.Argument(0).ToObject(c.rt)
	f := newFlagSet(len(ctorFlags))
	for i, name := range ctorFlags {
		f.entries[i] = flagEntry{name, call.Argument(i + 1)}
	}
	if err := this.Set("__flags", c.flagsObject(f)); err != nil {
		panic(err)
	}
	return c.guardAssertion(this)
}

// next is chai's continuation when a property or method returns nothing:
// a new Assertion carrying every flag of from.
func (c *core) next(from goja.Value) goja.Value {
	f := c.flagsOf(from)
	if f == nil || !f.startsWithCtorFlags() {
		return rethrow(c.slowNext(goja.Undefined(), from))
	}
	obj := c.rt.CreateObject(c.proto)
	if err := obj.Set("__flags", c.flagsObject(f.clone())); err != nil {
		panic(err)
	}
	return c.guardAssertion(obj)
}

// guard is util.proxify(obj, methodName).
func (c *core) guard(call goja.FunctionCall) goja.Value {
	obj := call.Argument(0).ToObject(c.rt)
	if !c.proxyEnabled() {
		return obj
	}
	method := call.Argument(1)
	if !defined(method) || !method.ToBoolean() {
		return c.proxy(obj, c.assertion)
	}
	return c.proxy(obj, &goja.ProxyTrapConfig{Get: func(target *goja.Object, name string, _ goja.Value) goja.Value {
		if v := target.Get(name); v != nil {
			return v
		}
		return c.missing(target, name, method)
	}})
}

// throwLength throws what chai's addLengthGuard getter throws.
func (c *core) throwLength(name string, chainable bool) {
	var msg string
	if chainable {
		msg = "Invalid Chai property: " + name + ".length. Due to a compatibility issue, \"length\" cannot " +
			"directly follow \"" + name + "\". Use \"" + name + ".lengthOf\" instead."
	} else {
		msg = "Invalid Chai property: " + name + ".length. See docs for proper usage of \"" + name + "\"."
	}
	errCtor, _ := goja.AssertConstructor(c.rt.GlobalObject().Get("Error"))
	e, err := errCtor(nil, c.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(c.rt.ToValue(e))
}

// method is addMethod's wrapper: method(target, fn, name, guarded,
// counted) returns a Proxy over target (a fresh function standing in for
// chai's methodWrapper) whose call runs fn on the receiver and continues
// the chain, whose `length` throws, and, when guarded, whose unknown
// properties throw naming the method. Calls arrive with their exact
// arguments, so fn sees the same arguments.length as under chai; a
// counted fn gets that number as an extra first argument instead.
func (c *core) method(call goja.FunctionCall) goja.Value {
	target := call.Argument(0).ToObject(c.rt)
	method := call.Argument(1)
	// chai only fails when a method that is not a function is called.
	fn, _ := goja.AssertFunction(method)
	name := call.Argument(2).String()
	nameValue := call.Argument(2)
	guarded := call.Argument(3).ToBoolean()
	counted := call.Argument(4).ToBoolean()
	return c.proxy(target, &goja.ProxyTrapConfig{
		Get: func(target *goja.Object, prop string, _ goja.Value) goja.Value {
			if prop == "length" {
				c.throwLength(name, false)
			}
			if v := target.Get(prop); v != nil {
				return v
			}
			if !guarded {
				return goja.Undefined()
			}
			return c.missing(target, prop, nameValue)
		},
		Apply: func(_ *goja.Object, this goja.Value, args []goja.Value) goja.Value {
			if counted {
				withCount := make([]goja.Value, len(args)+1)
				withCount[0] = c.rt.ToValue(len(args))
				copy(withCount[1:], args)
				args = withCount
			}
			if fn == nil {
				fn = c.mustFunction(method, "method")
			}
			return c.continueChain(this, rethrow(fn(this, args...)))
		},
	})
}

func (c *core) continueChain(this, result goja.Value) goja.Value {
	if result != nil && !goja.IsUndefined(result) {
		return result
	}
	return c.next(this)
}

// chainable prepares addChainableMethod's getter: chainable(behaviour,
// name) returns make(this, target), which turns target (a fresh function)
// into chai's chainableMethodWrapper for the assertion `this`: its
// prototype is Object.create(this) with Function's call and apply, a
// call runs behaviour.method (read at call time: overwriteChainableMethod
// replaces it), `length` throws, and unknown properties throw.
func (c *core) chainable(call goja.FunctionCall) goja.Value {
	behaviour := call.Argument(0).ToObject(c.rt)
	name := call.Argument(1).String()
	var (
		lastMethod goja.Value
		lastFn     goja.Callable
	)
	methodFn := func() goja.Callable {
		m := behaviour.Get("method")
		if lastFn == nil || m != lastMethod {
			lastFn = c.mustFunction(m, "chainableBehavior.method")
			lastMethod = m
		}
		return lastFn
	}
	guarded := &goja.ProxyTrapConfig{
		Get: func(target *goja.Object, prop string, _ goja.Value) goja.Value {
			if prop == "length" {
				c.throwLength(name, true)
			}
			if v := target.Get(prop); v != nil {
				return v
			}
			return c.missing(target, prop, goja.Undefined())
		},
		Apply: func(_ *goja.Object, this goja.Value, args []goja.Value) goja.Value {
			return c.continueChain(this, rethrow(methodFn()(this, args...)))
		},
	}
	unguarded := &goja.ProxyTrapConfig{
		Get: func(target *goja.Object, prop string, _ goja.Value) goja.Value {
			if prop == "length" {
				c.throwLength(name, true)
			}
			return target.Get(prop)
		},
		Apply: guarded.Apply,
	}
	return c.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		this := call.Argument(0).ToObject(c.rt)
		target := call.Argument(1).ToObject(c.rt)
		proto := c.rt.CreateObject(this)
		if err := proto.Set("call", c.callFn); err != nil {
			panic(err)
		}
		if err := proto.Set("apply", c.applyFn); err != nil {
			panic(err)
		}
		if err := target.SetPrototype(proto); err != nil {
			panic(err)
		}
		if c.proxyEnabled() {
			return c.proxy(target, guarded)
		}
		return c.proxy(target, unguarded)
	})
}

// assert is Assertion#assert's passing path: when the expression (under
// `not`, its negation) holds there is nothing to do. Everything else,
// including odd receivers, goes to chai's JS version, which builds the
// message and throws.
func (c *core) assert(call goja.FunctionCall) goja.Value {
	if obj, ok := call.This.(*goja.Object); ok {
		if flags, ok := obj.Get("__flags").(*goja.Object); ok {
			negate := flags.Get("negate")
			if call.Argument(0).ToBoolean() != (negate != nil && negate.ToBoolean()) {
				return goja.Undefined()
			}
		}
	}
	return rethrow(c.slowAssert(call.This, call.Arguments...))
}
