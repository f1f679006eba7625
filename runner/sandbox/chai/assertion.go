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
// chai wraps each assertion in a Proxy whose get trap throws on names the
// assertion lacks; a goja Proxy per step was a third of a chain's
// allocations, so Get does the trap's check instead (core.checkInherited).
// goja also asks Get for an own property's descriptor, so
// Object.getOwnPropertyDescriptor(assertion, name) and
// propertyIsEnumerable throw for a name found nowhere on the chain,
// where chai answers undefined and false.
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
	//
	// Nearly every assertion only ever has that one entry, so own starts
	// out pointing at the shared list bagOnly (nil is no own property)
	// and gets a list of its own on the first change: a pointer instead
	// of an inline slice and buffer keeps the struct in a smaller size
	// class, and the struct is most of what a chain step allocates.
	own *properties

	flags flagSet
	// bag is the object scripts get for `__flags`, made on first read.
	bag *goja.Object
	// raw is the object whose handler this is, and what scripts hold.
	raw  *goja.Object
	core *core
	// guarded stands for chai's Proxy, whose get trap Get does: made
	// while chai's proxies were enabled, the assertion throws when a name
	// it lacks is read, except while it is core.target.
	guarded bool
}

const flagsKey = "__flags"

// bagOnly is the own properties of an assertion that has only its bag.
// Shared by every such assertion: never change it (see ownForWrite).
var bagOnly = properties{{name: flagsKey}}

// ownList returns the own properties, for reading.
func (a *assertion) ownList() properties {
	if a.own == nil {
		return nil
	}
	return *a.own
}

// ownForWrite returns the own properties for changing, first copying
// the shared list an assertion starts with.
func (a *assertion) ownForWrite() *properties {
	if a.own == nil || a.own == &bagOnly {
		p := append(properties(nil), a.ownList()...)
		a.own = &p
	}
	return a.own
}

// setBagOnly gives a new assertion its bag as its only own property, as
// chai's constructor does.
func (a *assertion) setBagOnly() { a.own = &bagOnly }

var (
	assertionType = reflect.TypeOf((*assertion)(nil))
	flagSetType   = reflect.TypeOf((*flagSet)(nil))
)

// ownFlags returns the flags when `__flags` is still this assertion's own
// bag, and nil when a script replaced or deleted it.
func (a *assertion) ownFlags() *flagSet {
	own := a.ownList()
	if i := own.index(flagsKey); i >= 0 && own[i].value == nil {
		return &a.flags
	}
	return nil
}

// bagObject returns the object scripts see as this assertion's `__flags`:
// chai's bag is Object.create(null).
func (a *assertion) bagObject() *goja.Object {
	if a.bag == nil {
		a.bag = a.core.rt.NewDynamicObject(&a.flags)
		if err := a.bag.SetPrototype(nil); err != nil {
			panic(err)
		}
	}
	return a.bag
}

// Get implements goja.DynamicObject. A nil result sends the lookup on to
// the prototype, as for an ordinary object. A guarded assertion first
// makes sure the prototype chain has the name, as chai's Proxy does.
func (a *assertion) Get(name string) goja.Value {
	own := a.ownList()
	i := own.index(name)
	// A read through a chainable method's callable is guarded as the
	// callable is: under chai its prototype is this assertion unwrapped.
	guarded, via := a.guarded, (*goja.Object)(nil)
	if p := a.core.viaCallable(a.raw, name); p != nil {
		guarded, via = p.guarded, p.callable
	}
	if i < 0 {
		if guarded && a.core.target != a.raw {
			a.core.checkInherited(a.raw, name, via)
		}
		return nil
	}
	if v := own[i].value; v != nil {
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
	a.ownForWrite().set(name, v)
	return true
}

// Has implements goja.DynamicObject.
func (a *assertion) Has(name string) bool { return a.ownList().index(name) >= 0 }

// Delete implements goja.DynamicObject. A deleted or replaced bag keeps
// its flags: a script holding it still sees them, and may put it back.
func (a *assertion) Delete(name string) bool {
	if a.ownList().index(name) >= 0 {
		a.ownForWrite().delete(name)
	}
	return true
}

// Keys implements goja.DynamicObject.
func (a *assertion) Keys() []string { return a.ownList().keys() }
