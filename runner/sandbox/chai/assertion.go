package chai

import (
	"reflect"

	"github.com/dop251/goja"
)

// assertion is one Assertion object: what chai keeps on it (its own
// properties, among them the `__flags` bag) held in Go, behind a goja
// DynamicObject whose prototype is Assertion.prototype.
//
// A chain step in chai creates an Assertion, defines `__flags` on it and
// copies every flag into the new bag; with an ordinary goja object and a
// bag object that was 13 allocations a step. Here it is one struct (8,
// five of them goja's Proxy), and the bag scripts see as `__flags` is only
// made when one reads it: the library's own flag reads and writes
// (getFlag, setFlag) go to the struct.
//
// Steps are still distinct objects, as in chai: a script may keep a step
// (`var e = expect(body).to;`) and branch from it several times, and each
// branch must start from the flags the step had.
//
// Being a DynamicObject, an assertion takes no accessor, read-only or
// non-enumerable own property and cannot be frozen (goja throws a
// TypeError); chai, chai-postman and the plugins scripts write define
// such properties on Assertion.prototype, not on an assertion.
type assertion struct {
	// own lists the own properties in the order they were added. chai's
	// constructor adds `__flags` first. An own entry named `__flags` whose
	// value is nil stands for this assertion's bag: flags, shown to
	// scripts as bag. Any other value is what a script assigned.
	own    properties
	ownBuf [1]property

	flags flagSet
	// bag is the object scripts get for `__flags`, made on first read.
	bag *goja.Object
	// raw is the object whose handler this is; guard is what scripts
	// hold: a Proxy around raw, or raw itself when proxies are off.
	raw   *goja.Object
	guard *goja.Object
	rt    *goja.Runtime
}

const flagsKey = "__flags"

var (
	assertionType = reflect.TypeOf((*assertion)(nil))
	flagSetType   = reflect.TypeOf((*flagSet)(nil))
)

// ownFlags returns the flags when `__flags` is still this assertion's own
// bag, and nil when a script replaced or deleted it.
func (a *assertion) ownFlags() *flagSet {
	if i := a.own.index(flagsKey); i >= 0 && a.own[i].value == nil {
		return &a.flags
	}
	return nil
}

// bagObject returns the object scripts see as this assertion's `__flags`:
// chai's bag is Object.create(null).
func (a *assertion) bagObject() *goja.Object {
	if a.bag == nil {
		a.bag = a.rt.NewDynamicObject(&a.flags)
		if err := a.bag.SetPrototype(nil); err != nil {
			panic(err)
		}
	}
	return a.bag
}

// Get implements goja.DynamicObject. A nil result sends the lookup on to
// the prototype, as for an ordinary object.
func (a *assertion) Get(name string) goja.Value {
	i := a.own.index(name)
	if i < 0 {
		return nil
	}
	if v := a.own[i].value; v != nil {
		return v
	}
	return a.bagObject()
}

// Set implements goja.DynamicObject. goja calls it only for properties
// the prototype chain does not intercept (setters such as `_obj`).
func (a *assertion) Set(name string, v goja.Value) bool {
	if name == flagsKey && a.bag != nil && v == goja.Value(a.bag) {
		// The assertion's own bag, put back after a script replaced it.
		v = nil
	}
	a.own.set(name, v)
	return true
}

// Has implements goja.DynamicObject.
func (a *assertion) Has(name string) bool { return a.own.index(name) >= 0 }

// Delete implements goja.DynamicObject. A deleted or replaced bag keeps
// its flags: a script holding it still sees them, and may put it back.
func (a *assertion) Delete(name string) bool {
	a.own.delete(name)
	return true
}

// Keys implements goja.DynamicObject.
func (a *assertion) Keys() []string { return a.own.keys() }
