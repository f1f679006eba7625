package sandbox

import (
	"weak"

	"github.com/dop251/goja"
)

// Lazy properties: a Postman object Go builds (pm.request, pm.response)
// gets some of its properties (a request's url, headers, body and auth, a
// Url's auth, path, host, query and variables, a response's headers and
// cookies) only when a script first reads them. Most scripts read a few
// parts; the others were most of the cost of building the object. While
// the parts a method reads are unread, Go may answer it from what the
// object was built from (Url#toString, see request.go), reading the
// object's other properties through probeLazy.
//
// Until it is read or written, such a property is an accessor whose getter
// and setter are one native function, shared by every object of the
// Sandbox with a property of that name; the first access turns it into the
// writable, enumerable data property Postman has, at the same place among
// the object's keys. Object.keys, for-in, JSON.stringify and console.log
// (which settles such accessors, see inspect.go) see the same object
// either way; only Object.getOwnPropertyDescriptor (or calling its
// accessor on another object) before the first read can tell.
//
// The accessor finds what to build from in the Sandbox's lazy registry,
// keyed by a weak pointer to the object: an object a script keeps for a
// later run still builds its parts from what it was made of, and one
// nobody keeps leaves the registry once collected. A per-object closure
// would make that simpler but cost a goja function (ten allocations) per
// property per request.

// lazySource is what an object's lazy properties are built from.
type lazySource interface {
	// lazyNames lists the names that may be lazy on the object, in a
	// fixed order: bit i of lazyState.pending stands for names[i].
	lazyNames() []string
	// lazyBuild builds property name of o, which this source describes.
	lazyBuild(s *Sandbox, o *goja.Object, name string) goja.Value
	state() *lazyState
}

// lazyState is the registry's bookkeeping for one object.
type lazyState struct {
	// pending has bit i set while lazyNames()[i] is still to be built.
	pending uint8
	// memo holds the value of a property of an object frozen or sealed
	// before the first access, whose accessor cannot become a data
	// property. It references the object, which then stays in the
	// registry for the Sandbox's life; nobody freezes pm.request twice.
	memo map[string]goja.Value
	// keep leaves the object in the registry once its lazy properties
	// are built: Go finds more than them through it (see sourceOf).
	keep bool
}

// lazyRegistry maps objects with lazy properties still to build to their
// sources.
type lazyRegistry struct {
	m map[weak.Pointer[goja.Object]]lazySource
	// sweepAt is the size at which entries of collected objects are
	// dropped; it doubles with the live entries, so sweeping costs O(1)
	// per entry.
	sweepAt int
	// fns holds the shared accessor of each property name.
	fns map[string]goja.Value
	// probing is the object probeLazy is reading, whose lazy accessor
	// then answers sentinel instead of building the property.
	probing  *goja.Object
	sentinel *goja.Object
}

const minLazySweep = 64

// defineLazy makes name (one of src.lazyNames()) a lazy property of o. A
// caller defines the lazy properties of an object in order among its
// other properties, then registers o once with registerLazy.
func (s *Sandbox) defineLazy(o *goja.Object, src lazySource, name string) {
	names := src.lazyNames()
	for i, n := range names {
		if n == name {
			src.state().pending |= 1 << i
			break
		}
	}
	fn := s.lazyAccessor(name)
	_ = o.DefineAccessorProperty(name, fn, fn, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// registerLazy records src as the source of o's lazy properties.
func (s *Sandbox) registerLazy(o *goja.Object, src lazySource) {
	reg := &s.lazy
	if reg.m == nil {
		reg.m = make(map[weak.Pointer[goja.Object]]lazySource)
		reg.sweepAt = minLazySweep
	}
	if len(reg.m) >= reg.sweepAt {
		reg.sweep()
	}
	reg.m[weak.Make(o)] = src
}

// sweep drops the entries of objects the garbage collector has freed.
func (reg *lazyRegistry) sweep() {
	for k := range reg.m {
		if k.Value() == nil {
			delete(reg.m, k)
		}
	}
	reg.sweepAt = max(minLazySweep, 2*len(reg.m))
}

// lazyOf returns o's lazy source, nil when it has none left.
func (s *Sandbox) lazyOf(o *goja.Object) lazySource {
	if o == nil || s.lazy.m == nil {
		return nil
	}
	return s.lazy.m[weak.Make(o)]
}

// lazyPending reports whether o's property name is a lazy one not built
// yet. The caller checks that the property is still the lazy accessor (a
// script may have deleted or redefined it).
func (s *Sandbox) lazyPending(o *goja.Object, name string) bool {
	src := s.lazyOf(o)
	if src == nil {
		return false
	}
	return src.state().pending&lazyBit(src, name) != 0
}

func lazyBit(src lazySource, name string) uint8 {
	for i, n := range src.lazyNames() {
		if n == name {
			return 1 << i
		}
	}
	return 0
}

// lazyAccessor returns the getter and setter of lazy properties called
// name.
func (s *Sandbox) lazyAccessor(name string) goja.Value {
	reg := &s.lazy
	if fn, ok := reg.fns[name]; ok {
		return fn
	}
	fn := s.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		this, _ := call.This.(*goja.Object)
		holder, src, bit := s.lazyHolder(this, name)
		if len(call.Arguments) > 0 {
			if this != nil && this != holder {
				// Assigning through an object that inherits from the
				// holder makes an own property there, as with a data
				// property.
				_ = this.DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
				return goja.Undefined()
			}
			// On a frozen holder the write is ignored, as a frozen data
			// property ignores it outside strict mode; a sealed one keeps
			// it, as its writable data property would.
			if v := call.Argument(0); holder != nil && !s.settleLazy(holder, src, bit, name, v) && !s.isFrozen(holder) {
				src.state().remember(name, bit, v)
			}
			return goja.Undefined()
		}
		if holder == nil {
			return goja.Undefined()
		}
		st := src.state()
		if reg.probing != nil && reg.probing == this {
			reg.probing = nil
			if holder == this && st.pending&bit != 0 {
				return reg.sentinel
			}
		}
		if v, ok := st.memo[name]; ok {
			return v
		}
		v := src.lazyBuild(s, holder, name)
		if !s.settleLazy(holder, src, bit, name, v) {
			st.remember(name, bit, v)
		}
		return v
	})
	if reg.fns == nil {
		reg.fns = map[string]goja.Value{}
	}
	reg.fns[name] = fn
	return fn
}

// settleAlso settles holder's lazy property name, built from src, to v
// when it is still the lazy accessor waiting for its first read: for a
// property built together with the one being read, which must hold the
// same objects.
func (s *Sandbox) settleAlso(holder *goja.Object, src lazySource, name string, v goja.Value) {
	bit := lazyBit(src, name)
	st := src.state()
	if st.pending&bit == 0 {
		return
	}
	if _, pending := s.probeLazy(holder, name); !pending {
		return
	}
	if !s.settleLazy(holder, src, bit, name, v) {
		st.remember(name, bit, v)
	}
}

// probeLazy reads o's property name as a script would, except that a
// lazy property of o's own still to build is not built: ok then reports
// it pending, and v is nil. Go reads a Postman object this way to compute
// what its methods would from what the object was built from, as long as
// a script has not read (and perhaps changed) the parts they use.
func (s *Sandbox) probeLazy(o *goja.Object, name string) (v goja.Value, pending bool) {
	reg := &s.lazy
	if reg.sentinel == nil {
		reg.sentinel = s.rt.NewObject()
	}
	reg.probing = o
	defer func() { reg.probing = nil }()
	v = o.Get(name)
	if v == goja.Value(reg.sentinel) {
		return nil, true
	}
	return v, false
}

// remember keeps v as the value of a lazy property that cannot become a
// data property.
func (st *lazyState) remember(name string, bit uint8, v goja.Value) {
	if st.memo == nil {
		st.memo = map[string]goja.Value{}
	}
	st.memo[name] = v
	st.pending &^= bit
}

func (s *Sandbox) isFrozen(o *goja.Object) bool {
	v, err := s.classes.isFrozen(goja.Undefined(), o)
	return err == nil && v.ToBoolean()
}

// lazyHolder finds the object whose lazy property name an access through
// o reaches: o itself or the prototype it inherits the accessor from.
func (s *Sandbox) lazyHolder(o *goja.Object, name string) (*goja.Object, lazySource, uint8) {
	for p := o; p != nil; p = p.Prototype() {
		if src := s.lazyOf(p); src != nil {
			if bit := lazyBit(src, name); bit != 0 {
				return p, src, bit
			}
		}
	}
	return nil, nil, 0
}

// settleLazy turns holder's lazy property into a data property holding v.
// It fails only when holder was frozen or sealed first (or the property
// made non-configurable).
func (s *Sandbox) settleLazy(holder *goja.Object, src lazySource, bit uint8, name string, v goja.Value) bool {
	if holder.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE) != nil {
		return false
	}
	st := src.state()
	st.pending &^= bit
	if st.pending == 0 && st.memo == nil && !st.keep {
		delete(s.lazy.m, weak.Make(holder))
	}
	return true
}

// lazyFunc is a lazySource of one property built by a function.
type lazyFunc struct {
	lazyState
	names [1]string
	build func() goja.Value
}

func (f *lazyFunc) lazyNames() []string { return f.names[:] }
func (f *lazyFunc) lazyBuild(*Sandbox, *goja.Object, string) goja.Value {
	return f.build()
}
func (f *lazyFunc) state() *lazyState { return &f.lazyState }

// lazyProperty defines name on o as the value build returns when first
// read (see the comment at the top of this file).
func (s *Sandbox) lazyProperty(o *goja.Object, name string, build func() goja.Value) {
	src := &lazyFunc{names: [1]string{name}, build: build}
	s.defineLazy(o, src, name)
	s.registerLazy(o, src)
}
