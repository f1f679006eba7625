package chai

import (
	"reflect"
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

// flagSet holds the flags of one assertion (see assertion.go): chai copies
// them on every chain step, which in Go is one slice copy instead of an
// enumeration. Scripts see them as an ordinary object with a null
// prototype.
type flagSet struct {
	ownProperties
	// inline holds the entries of a typical chain (chai's constructor's
	// five and two more, such as negate and contains), saving an
	// allocation per step. One more would move the assertion struct up a
	// size class, and flags are copied on every step.
	inline [7]property
}

// ownProperties is a DynamicObject with ordinary own properties, held
// in Go.
type ownProperties struct {
	entries properties
}

// properties are an object's own properties, in the order they were added.
type properties []property

type property struct {
	name  string
	value goja.Value
}

func (p properties) index(name string) int {
	for i := range p {
		if p[i].name == name {
			return i
		}
	}
	return -1
}

func (p *properties) set(name string, v goja.Value) {
	if i := p.index(name); i >= 0 {
		(*p)[i].value = v
		return
	}
	*p = append(*p, property{name, v})
}

func (p *properties) delete(name string) {
	if i := p.index(name); i >= 0 {
		*p = append((*p)[:i], (*p)[i+1:]...)
	}
}

// keys lists the names as an ordinary object does.
func (p properties) keys() []string {
	keys := make([]string, len(p))
	for i, e := range p {
		keys[i] = e.name
	}
	return ordinaryKeyOrder(keys)
}

// Get implements goja.DynamicObject.
func (f *ownProperties) Get(name string) goja.Value {
	if i := f.entries.index(name); i >= 0 {
		return f.entries[i].value
	}
	return nil
}

// Set implements goja.DynamicObject.
func (f *ownProperties) Set(name string, v goja.Value) bool {
	f.entries.set(name, v)
	return true
}

// Has implements goja.DynamicObject.
func (f *ownProperties) Has(name string) bool { return f.entries.index(name) >= 0 }

// Delete implements goja.DynamicObject.
func (f *ownProperties) Delete(name string) bool {
	f.entries.delete(name)
	return true
}

// Keys implements goja.DynamicObject.
func (f *ownProperties) Keys() []string { return f.entries.keys() }

// ordinaryKeyOrder reorders keys listed in insertion order as an ordinary
// object lists them: array indices ascending, then the rest as inserted.
func ordinaryKeyOrder(keys []string) []string {
	var indices []string
	n := 0
	for _, k := range keys {
		if isArrayIndex(k) {
			indices = append(indices, k)
		} else {
			keys[n] = k
			n++
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
	return append(indices, keys[:n]...)
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

// core is one runtime's half of the machinery; js/core.js receives its
// functions through the host object and hands back, once, the JS pieces
// it needs (see bind).
type core struct {
	rt *goja.Runtime

	// Set by bind.
	ctor     *goja.Object  // Assertion
	proto    *goja.Object  // Assertion.prototype, which chain steps inherit
	config   *goja.Object  // chai.config
	eql      goja.Value    // the library's deepEqual, chai's default `eql` flag
	callFn   goja.Value    // Function.prototype.call
	applyFn  goja.Value    // Function.prototype.apply
	miss     goja.Callable // (target, name, methodName): excluded name -> undefined, else throws
	slowNext goja.Callable // (from): continueChain for flags this file does not recognise
	// runChaining is (assertion, behaviour): a chainable method's
	// chaining behaviour run by JS, for behaviours that are no marker.
	runChaining goja.Callable
	slowAssert  goja.Callable // chai's Assertion#assert in JS, for failures
	slowFlag    goja.Callable // (obj, key): util.flag's read in JS, for objects without a native bag
	// slowSetFlag is util.flag's write in JS, for objects without a
	// native bag.
	slowSetFlag goja.Callable
	// structuralEqual is deep-eql's comparison in JS, for the values
	// deepequal.go does not compare itself.
	structuralEqual goja.Callable
	// nativeAssert is the library's Assertion#assert (c.assert): a fast
	// path stands in for a method only while assertions still use it.
	nativeAssert goja.Value
	assertion    *goja.ProxyTrapConfig

	// The intrinsic prototypes plain objects and arrays have, whatever a
	// script does to the global Object and Array.
	objectProto, arrayProto *goja.Object

	objectKey goja.Value // "object", the flag `_obj` reads

	// recent remembers the assertions made last: nearly every flag
	// access and chain step is on one of them, and finding an
	// assertion from its object otherwise takes Export, which allocates.
	recent     [8]*assertion
	recentNext int

	// reflectHas is the intrinsic Reflect.has, taken before any script
	// could replace it.
	reflectHas goja.Callable
	// inherited holds the names found on proto's chain: an assertion
	// checks each name it reads there once per runtime rather than on
	// every read. A name deleted from the chain later still passes the
	// check (the read then gives undefined where chai throws); chai,
	// chai-postman and Postman scripts add to Assertion.prototype but do
	// not delete from it.
	inherited map[string]struct{}

	// target is the assertion a getter is running on. chai runs getters
	// on its Proxy's target, the unguarded assertion: reads there of names
	// the assertion lacks give undefined. Here scripts and getters hold
	// the same object, so it is unguarded while it is target.
	target *goja.Object

	// markers are the chaining behaviours that only set a flag to true
	// (js/core.js flagMarker): reading `.include` or `.lengthOf` sets it
	// here instead of calling into JS.
	markers []marker

	// via and viaName are chainProto.Get's note that a callable's lookup
	// of viaName goes on to the prototype's prototype (see viaCallable).
	via     *chainProto
	viaName string
	// wrapperName is "chainableMethodWrapper", the name of chai's
	// callables.
	wrapperName goja.Value
}

type marker struct {
	fn   *goja.Object
	flag string
}

func newCore(rt *goja.Runtime) *core {
	c := &core{rt: rt, objectProto: rt.NewObject().Prototype(), arrayProto: rt.NewArray().Prototype(),
		objectKey: rt.ToValue("object"), wrapperName: rt.ToValue("chainableMethodWrapper"), inherited: make(map[string]struct{})}
	reflect := rt.GlobalObject().Get("Reflect").ToObject(rt)
	c.reflectHas, _ = goja.AssertFunction(reflect.Get("has"))
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
	set("create", c.create)
	set("next", func(call goja.FunctionCall) goja.Value { return c.next(call.Argument(0)) })
	set("chainStep", func(call goja.FunctionCall) goja.Value {
		defer c.leave(c.enter(call.This))
		return c.next(call.This)
	})
	set("asTarget", c.asTarget)
	set("newFlags", func(goja.FunctionCall) goja.Value { return c.newAssertion(nil).bagObject() })
	set("getFlag", c.getFlag)
	set("objectGetter", c.objectGetter)
	set("setFlag", c.setFlag)
	set("flagFunction", c.flagFunction)
	set("property", c.property)
	set("guard", c.guard)
	set("method", c.method)
	set("chainable", c.chainable)
	set("marker", c.marker)
	set("isCallable", c.isCallable)
	set("assert", c.assert)
	set("deepEqual", c.deepEqual)
	return o
}

func (c *core) bind(call goja.FunctionCall) goja.Value {
	h := call.Argument(0).ToObject(c.rt)
	c.ctor = h.Get("ctor").ToObject(c.rt)
	c.proto = c.ctor.Get("prototype").ToObject(c.rt)
	c.config = h.Get("config").ToObject(c.rt)
	c.eql = h.Get("eql")
	c.callFn = h.Get("call")
	c.applyFn = h.Get("apply")
	c.miss = c.mustFunction(h.Get("miss"), "miss")
	c.slowNext = c.mustFunction(h.Get("slowNext"), "slowNext")
	c.runChaining = c.mustFunction(h.Get("runChaining"), "runChaining")
	c.slowAssert = c.mustFunction(h.Get("slowAssert"), "slowAssert")
	c.slowFlag = c.mustFunction(h.Get("slowFlag"), "slowFlag")
	c.slowSetFlag = c.mustFunction(h.Get("slowSetFlag"), "slowSetFlag")
	c.structuralEqual = c.mustFunction(h.Get("structuralEqual"), "structuralEqual")
	c.nativeAssert = h.Get("assert")
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

// checkInherited is chai's Proxy get trap for obj, an assertion lacking
// name as an own property: unless obj's prototype chain has name, reading
// it throws (or, for chai's proxyExcludedKeys, gives undefined). The
// error names the closest name of via when the read is a chainable
// callable's (see viaCallable), else of obj.
func (c *core) checkInherited(obj *goja.Object, name string, via *goja.Object) {
	proto := obj.Prototype()
	if proto == c.proto && proto != nil {
		if _, ok := c.inherited[name]; ok {
			return
		}
	}
	if c.excluded(name) {
		return
	}
	if proto != nil && rethrow(c.reflectHas(goja.Undefined(), proto, c.rt.ToValue(name))).ToBoolean() {
		if proto == c.proto {
			c.inherited[name] = struct{}{}
		}
		return
	}
	if via != nil {
		obj = via
	}
	c.missing(obj, name, goja.Undefined())
}

// enter makes this, when it is an assertion, the target getters run on
// (see core.target), and returns the previous one for leave. For a
// chainable method's callable, the target is the assertion it was read
// from: under chai the callable's prototype is the Proxy's target, so a
// getter run on the callable reads that assertion unguarded too.
func (c *core) enter(this goja.Value) *goja.Object {
	prev := c.target
	obj, ok := this.(*goja.Object)
	if !ok || obj == nil {
		return prev
	}
	switch obj.ExportType() {
	case assertionType:
		c.target = obj
	case nativeFuncType:
		if p := obj.Prototype(); p != nil && p.ExportType() == chainProtoType {
			if a := p.Prototype(); a != nil {
				c.target = a
			}
		}
	}
	return prev
}

// nativeFuncType is what a function (a chainable method's callable among
// them) exports as.
var nativeFuncType = reflect.TypeOf(func(goja.FunctionCall) goja.Value { return nil })

func (c *core) leave(prev *goja.Object) { c.target = prev }

// getterResult is what a getter run on this hands back: chai's getters
// run on the Proxy's target, so one returning this gives scripts the
// unguarded assertion, which stays so.
func (c *core) getterResult(this, result goja.Value) goja.Value {
	if obj, ok := result.(*goja.Object); ok && result == this {
		if a := c.find(obj); a != nil {
			a.guarded = false
		}
	}
	return c.continueChain(this, result)
}

// asTarget is asTarget(this, fn): fn called on this as a getter (see
// core.target), for the getters js/core.js defines itself.
func (c *core) asTarget(call goja.FunctionCall) goja.Value {
	this := call.Argument(0)
	fn, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		panic(c.rt.NewTypeError("asTarget: not a function"))
	}
	defer c.leave(c.enter(this))
	return c.getterResult(this, rethrow(fn(this)))
}

// excluded reports whether name is in chai.config.proxyExcludedKeys,
// which pm.test reads `then` from on every assertion a test returns. A
// value other than an array goes to guardMiss, which reads it as chai
// does.
func (c *core) excluded(name string) bool {
	keys, ok := c.config.Get("proxyExcludedKeys").(*goja.Object)
	if !ok || keys.ClassName() != "Array" {
		return false
	}
	n := keys.Get("length").ToInteger()
	for i := int64(0); i < n; i++ {
		if v, ok := keys.Get(strconv.FormatInt(i, 10)).(goja.String); ok && v.String() == name {
			return true
		}
	}
	return false
}

// newAssertion makes an assertion object with proto as its prototype and
// no own properties; a nil proto makes only a flag bag's owner.
func (c *core) newAssertion(proto *goja.Object) *assertion {
	a := &assertion{core: c}
	a.flags.entries = a.flags.inline[:0]
	if proto != nil {
		a.raw = c.rt.NewDynamicObject(a)
		if err := a.raw.SetPrototype(proto); err != nil {
			panic(err)
		}
		a.guarded = c.proxyEnabled()
	}
	c.recent[c.recentNext] = a
	c.recentNext = (c.recentNext + 1) % len(c.recent)
	return a
}

// find returns the assertion obj is, or nil for any other object.
func (c *core) find(obj *goja.Object) *assertion {
	for _, a := range c.recent {
		if a != nil && a.raw == obj {
			return a
		}
	}
	if obj.ExportType() == assertionType {
		return obj.Export().(*assertion)
	}
	return nil
}

// bagFlags returns the flags behind bag when it is an assertion's bag.
func (c *core) bagFlags(bag *goja.Object) *flagSet {
	for _, a := range c.recent {
		if a != nil && a.bag == bag {
			return &a.flags
		}
	}
	if bag.ExportType() == flagSetType {
		return bag.Export().(*flagSet)
	}
	return nil
}

// flagsOf returns the flags util.flag(v) reads, when they are held here:
// v is an assertion with its own bag, or v.__flags is an assertion's bag
// (a chainable method's callable inherits one). bag is what v.__flags
// read as when that had to be read, and nil otherwise.
func (c *core) flagsOf(v goja.Value) (f *flagSet, bag goja.Value) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, nil
	}
	if a := c.find(obj); a != nil {
		if f := a.ownFlags(); f != nil {
			return f, nil
		}
	}
	bag = obj.Get(flagsKey)
	if b, ok := bag.(*goja.Object); ok {
		return c.bagFlags(b), bag
	}
	return nil, bag
}

// getFlag is util.flag(obj, key).
func (c *core) getFlag(call goja.FunctionCall) goja.Value {
	return c.flag(call.Argument(0), call.Argument(1))
}

// objectGetter is Assertion.prototype._obj's getter, util.flag(this,
// 'object'): the library's methods read it on nearly every call, and as
// a JS function it was a frame and an allocation each time.
func (c *core) objectGetter(call goja.FunctionCall) goja.Value {
	defer c.leave(c.enter(call.This))
	return c.flag(call.This, c.objectKey)
}

func (c *core) flag(obj, key goja.Value) goja.Value {
	f, bag := c.flagsOf(obj)
	if f == nil {
		if b, ok := bag.(*goja.Object); ok {
			// A bag a script made: read it as chai would.
			return orUndefined(b.Get(key.String()))
		}
		return rethrow(c.slowFlag(goja.Undefined(), obj, key))
	}
	return orUndefined(f.Get(key.String()))
}

// setFlag is util.flag(obj, key, value).
func (c *core) setFlag(call goja.FunctionCall) goja.Value {
	f, _ := c.flagsOf(call.Argument(0))
	if f == nil {
		return rethrow(c.slowSetFlag(goja.Undefined(), call.Argument(0), call.Argument(1), call.Argument(2)))
	}
	f.Set(call.Argument(1).String(), call.Argument(2))
	return goja.Undefined()
}

// property returns addProperty's getter for getter, a function: it runs
// getter on the assertion read from and continues the chain. A second
// argument names a fast path that decides passing reads first.
func (c *core) property(call goja.FunctionCall) goja.Value {
	getter, _ := goja.AssertFunction(call.Argument(0))
	if fast := lookupFastPath(call.Argument(1)); fast != nil {
		return c.rt.ToValue(func(call goja.FunctionCall) goja.Value {
			defer c.leave(c.enter(call.This))
			if fast(c, call.This, nil) {
				return c.next(call.This)
			}
			return c.getterResult(call.This, rethrow(getter(call.This)))
		})
	}
	return c.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		defer c.leave(c.enter(call.This))
		return c.getterResult(call.This, rethrow(getter(call.This)))
	})
}

// flagFunction turns target, a stand-in for chai's util.flag, into util.flag:
// a call with exactly three arguments writes, any other reads.
func (c *core) flagFunction(call goja.FunctionCall) goja.Value {
	return c.proxy(call.Argument(0).ToObject(c.rt), &goja.ProxyTrapConfig{
		Apply: func(_ *goja.Object, _ goja.Value, args []goja.Value) goja.Value {
			if len(args) == 3 {
				return c.setFlag(goja.FunctionCall{Arguments: args})
			}
			return c.getFlag(goja.FunctionCall{Arguments: args})
		},
	})
}

func orUndefined(v goja.Value) goja.Value {
	if v == nil {
		return goja.Undefined()
	}
	return v
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

// setCtorFlags sets the flags chai's Assertion constructor sets, from
// args: ssfi, lockSsfi, object, message, eql.
func (a *assertion) setCtorFlags(args []goja.Value) {
	a.flags.entries = a.flags.inline[:len(ctorFlags)]
	for i, name := range ctorFlags {
		v := goja.Undefined()
		if i < len(args) {
			v = args[i]
		}
		a.flags.entries[i] = property{name, v}
	}
	a.setBagOnly()
}

// create is `new Assertion(object, message)` for expect().
func (c *core) create(call goja.FunctionCall) goja.Value {
	proto, ok := c.ctor.Get("prototype").(*goja.Object)
	if !ok {
		// What `new` does when a constructor's prototype is no object.
		proto = c.objectProto
	}
	eql := c.config.Get("deepEqual")
	if eql == nil || !eql.ToBoolean() {
		eql = c.eql
	}
	a := c.newAssertion(proto)
	a.setCtorFlags([]goja.Value{c.ctor, goja.Undefined(), call.Argument(0), call.Argument(1), eql})
	return a.raw
}

// init finishes `new Assertion(obj, msg, ssfi, lockSsfi)`:
// init(this, new.target, ssfi, lockSsfi, object, message, eql). Under
// `new` the object JS made for this is fresh, and the assertion takes its
// prototype; called on an existing object (Assertion.call(obj, ...)), the
// flags go onto that object, as chai puts them.
func (c *core) init(call goja.FunctionCall) goja.Value {
	this := call.Argument(0).ToObject(c.rt)
	if defined(call.Argument(1)) {
		a := c.newAssertion(this.Prototype())
		a.setCtorFlags(call.Arguments[2:])
		return a.raw
	}
	owner := c.newAssertion(nil)
	owner.setCtorFlags(call.Arguments[2:])
	if err := this.Set(flagsKey, owner.bagObject()); err != nil {
		panic(err)
	}
	if !c.proxyEnabled() {
		return this
	}
	return c.proxy(this, c.assertion)
}

// next is chai's continuation when a property or method returns nothing:
// a new Assertion carrying every flag of from.
func (c *core) next(from goja.Value) goja.Value {
	f, _ := c.flagsOf(from)
	if f == nil || !f.startsWithCtorFlags() {
		return rethrow(c.slowNext(goja.Undefined(), from))
	}
	a := c.newAssertion(c.proto)
	a.flags.entries = append(a.flags.entries, f.entries...)
	a.setBagOnly()
	return a.raw
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
// counted fn gets that number as an extra first argument instead. A
// sixth argument names a fast path (fastPaths) that decides passing calls
// without running fn.
func (c *core) method(call goja.FunctionCall) goja.Value {
	target := call.Argument(0).ToObject(c.rt)
	method := call.Argument(1)
	// chai only fails when a method that is not a function is called.
	fn, _ := goja.AssertFunction(method)
	name := call.Argument(2).String()
	nameValue := call.Argument(2)
	guarded := call.Argument(3).ToBoolean()
	counted := call.Argument(4).ToBoolean()
	fast := lookupFastPath(call.Argument(5))
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
			if fast != nil && fast(c, this, args) {
				return c.next(this)
			}
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

// marker is flagMarker's registration: marker(fn, flag).
func (c *core) marker(call goja.FunctionCall) goja.Value {
	c.markers = append(c.markers, marker{call.Argument(0).ToObject(c.rt), call.Argument(1).String()})
	return goja.Undefined()
}

// chainingBehavior runs a chainable method's chaining behaviour on this, as
// chai's getter does on every read: nothing for noop, a flag write for a
// marker, a call into JS for anything else (a plugin's, or one a plugin
// overwrote).
func (c *core) chainingBehavior(this goja.Value, behaviour *goja.Object, noop goja.Value) {
	fn := behaviour.Get("chainingBehavior")
	if fn == noop {
		return
	}
	if obj, ok := fn.(*goja.Object); ok {
		for _, m := range c.markers {
			if m.fn != obj {
				continue
			}
			if f, _ := c.flagsOf(this); f != nil {
				f.Set(m.flag, c.rt.ToValue(true))
				return
			}
			break
		}
	}
	rethrow(c.runChaining(goja.Undefined(), this, behaviour))
}

// chainable makes addChainableMethod's getter: chainable(behaviour, name,
// noop, fast) returns chai's chainableMethodGetter. Reading it runs the
// chaining behaviour on the assertion read from and returns a fresh
// callable, chai's chainableMethodWrapper: its prototype is
// Object.create(assertion) with Function's call and apply (a chainProto),
// a call runs behaviour.method (read at call time:
// overwriteChainableMethod replaces it; while it is the method
// registered, the fast path named fast decides passing calls first), and
// its `length` throws.
//
// chai wraps the callable in a Proxy whose get trap throws on unknown
// names; a goja Proxy (and the JS function it wrapped) per read was most
// of what `to.include(2)` allocated. Here the callable is a native
// function and the trap's check is done by the assertion the lookup
// reaches through the chainProto (see chainProto.Get), which reports the
// unknown name against the callable, as chai's trap does.
func (c *core) chainable(call goja.FunctionCall) goja.Value {
	behaviour := call.Argument(0).ToObject(c.rt)
	name := call.Argument(1).String()
	noop := call.Argument(2)
	// fast stands in for the method it was registered with, not for one
	// overwriteChainableMethod put in its place.
	fast := lookupFastPath(call.Argument(3))
	fastFor := behaviour.Get("method")
	var (
		lastMethod goja.Value
		lastFn     goja.Callable
	)
	methodFn := func() (goja.Callable, goja.Value) {
		m := behaviour.Get("method")
		if lastFn == nil || m != lastMethod {
			lastFn = c.mustFunction(m, "chainableBehavior.method")
			lastMethod = m
		}
		return lastFn, m
	}
	// One Go function serves every callable of this name: a callable
	// needs no state of its own, and a closure per read is an allocation.
	apply := func(call goja.FunctionCall) goja.Value {
		fn, m := methodFn()
		if fast != nil && m == fastFor && fast(c, call.This, call.Arguments) {
			return c.next(call.This)
		}
		return c.continueChain(call.This, rethrow(fn(call.This, call.Arguments...)))
	}
	// chai's addLengthGuard: an accessor, shared by this name's callables.
	lengthGuard := c.rt.ToValue(func(goja.FunctionCall) goja.Value {
		c.throwLength(name, true)
		return nil
	})
	return c.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		this := call.This
		defer c.leave(c.enter(this))
		c.chainingBehavior(this, behaviour, noop)
		fn := c.rt.ToValue(apply).(*goja.Object)
		if err := fn.DefineDataProperty("name", c.wrapperName, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
		if err := fn.DefineAccessorProperty("length", lengthGuard, nil, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
		// The prototype's own call and apply are held in Go: an ordinary
		// object given two properties is about twice the allocations.
		p := &chainProto{core: c, inline: [2]property{{"call", c.callFn}, {"apply", c.applyFn}}, guarded: c.proxyEnabled()}
		p.entries = p.inline[:]
		p.self = c.rt.NewDynamicObject(p)
		if err := p.self.SetPrototype(this.ToObject(c.rt)); err != nil {
			panic(err)
		}
		if err := fn.SetPrototype(p.self); err != nil {
			panic(err)
		}
		p.callable = fn
		return fn
	})
}

// chainProto is the prototype of a chainable method's callable, chai's
// `Object.create(assertion)` given call and apply: an object with
// ordinary own properties that scripts may change.
type chainProto struct {
	ownProperties
	inline [2]property
	core   *core
	// self is this prototype's object, callable the function it is the
	// prototype of.
	self, callable *goja.Object
	// guarded is whether chai would have wrapped the callable in its
	// Proxy (proxies were enabled when it was read): reads through it of
	// names found nowhere then throw, whether or not the assertion read
	// from is guarded.
	guarded bool
}

var chainProtoType = reflect.TypeOf((*chainProto)(nil))

// Get implements goja.DynamicObject. A name the prototype lacks is looked
// up next on its prototype, normally the assertion the callable was read
// from; Get leaves word of the lookup (core.via) so that, if the name is
// found nowhere, the assertion reports it against the callable: chai's
// Proxy around the callable is what throws there, suggesting names the
// callable has (`include.appli` -> "apply").
func (p *chainProto) Get(name string) goja.Value {
	if v := p.ownProperties.Get(name); v != nil {
		return v
	}
	if name == "prototype" && p.callable != nil && p.callable.Prototype() == p.self {
		return p.core.callablePrototype(p.callable)
	}
	p.core.via, p.core.viaName = p, name
	return nil
}

// callablePrototype gives fn, a chainable method's callable read without
// an own `prototype`, the one chai's function expression has: a fresh
// object whose constructor is fn. It is made on the first read, as most
// callables are only called or chained from: the object and its
// property would be a third of a read's allocations. Until then
// Object.getOwnPropertyNames(fn) does not list it.
func (c *core) callablePrototype(fn *goja.Object) goja.Value {
	proto := c.rt.NewObject()
	if err := proto.DefineDataProperty("constructor", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
	if err := fn.DefineDataProperty("prototype", proto, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
	return proto
}

// isCallable is isCallable(v): whether v is a chainable method's
// callable, whose own names chai's suggestions for a misspelt name
// include.
func (c *core) isCallable(call goja.FunctionCall) goja.Value {
	obj, ok := call.Argument(0).(*goja.Object)
	if !ok || obj.ExportType() != nativeFuncType {
		return c.rt.ToValue(false)
	}
	p := obj.Prototype()
	return c.rt.ToValue(p != nil && p.ExportType() == chainProtoType)
}

// viaCallable returns the prototype of the callable whose lookup of name
// reached obj through it, as Get noted just before, or nil when obj is
// being read directly. It forgets the note either way.
func (c *core) viaCallable(obj *goja.Object, name string) *chainProto {
	p := c.via
	if p == nil {
		return nil
	}
	c.via = nil
	if c.viaName != name || p.self.Prototype() != obj {
		return nil
	}
	return p
}

// assert is Assertion#assert's passing path: when the expression (under
// `not`, its negation) holds there is nothing to do. Everything else,
// including odd receivers, goes to chai's JS version, which builds the
// message and throws.
func (c *core) assert(call goja.FunctionCall) goja.Value {
	if f, _ := c.flagsOf(call.This); f != nil {
		negate := f.Get("negate")
		if call.Argument(0).ToBoolean() != (negate != nil && negate.ToBoolean()) {
			return goja.Undefined()
		}
	}
	return rethrow(c.slowAssert(call.This, call.Arguments...))
}
