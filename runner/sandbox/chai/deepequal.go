package chai

import (
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/dop251/goja"
)

// deep-eql in JS (js/util.js deepEqual) spends most of a comparison on its
// bookkeeping: a memo Map per comparison, two Maps per object pair, type
// detection and a sorted copy of every key list. Postman tests mostly
// compare what JSON and object literals are made of, so for plain objects
// and arrays Go decides instead, by the same rules; any other value (a
// Date, a Map, a class instance, a proxy...) met on the way is handed to
// the JS implementation with the caller's options, so its memo still
// stops cycles that pass through it.

var (
	typeMap   = reflect.TypeOf(map[string]any{})
	typeSlice = reflect.TypeOf([]any{})
)

// plainKind classifies an object for the native comparison.
type plainKind uint8

const (
	notPlain plainKind = iota
	plainObject
	plainArray
)

// equalState is one native comparison: the pairs of objects being compared
// (deep-eql treats a pair it meets again while descending as equal, which
// is how cycles end) and the JS fallback's options.
type equalState struct {
	c       *core
	options goja.Value
	stack   []*goja.Object
}

// maxNativeDepth bounds the native descent; deeper structures continue in
// JS, whose recursion goja bounds with a RangeError as Node does.
const maxNativeDepth = 200

// deepEqual is native.deepEqual(a, b, options): deep-eql's verdict for a
// pair that shallowVerdict left undecided, or undefined when a or b is not
// a plain object or array (the caller then runs the JS implementation).
func (c *core) deepEqual(call goja.FunctionCall) goja.Value {
	a, aok := call.Argument(0).(*goja.Object)
	b, bok := call.Argument(1).(*goja.Object)
	if !aok || !bok {
		return goja.Undefined()
	}
	equal, decided := c.plainEqual(a, b, call.Argument(2))
	if !decided {
		return goja.Undefined()
	}
	return c.rt.ToValue(equal)
}

// plainEqual is deep-eql's verdict on two objects when both are plain
// objects or arrays; decided is false otherwise.
func (c *core) plainEqual(a, b *goja.Object, options goja.Value) (equal, decided bool) {
	if !c.plainPrototypes() {
		return false, false
	}
	ka, kb := c.plainKindOf(a), c.plainKindOf(b)
	if ka == notPlain || kb == notPlain {
		return false, false
	}
	s := &equalState{c: c, options: options}
	return s.objects(a, b, ka, kb), true
}

// plainPrototypes reports whether Object.prototype and Array.prototype are
// as the language defines them in what deep-eql looks at: no enumerable
// string keys (for-in would list them on every object) and no
// Symbol.toStringTag or Symbol.iterator (which change an object's type or
// its comparison by entries).
func (c *core) plainPrototypes() bool {
	op, ap := c.objectProto, c.arrayProto
	if len(op.Keys()) > 0 {
		return false
	}
	for _, p := range []*goja.Object{op, ap} {
		if v := p.GetSymbol(goja.SymToStringTag); v != nil && !goja.IsUndefined(v) {
			return false
		}
	}
	v := op.GetSymbol(goja.SymIterator)
	return v == nil || goja.IsUndefined(v)
}

// plainKindOf tells plain objects (Object.prototype or null prototype) and
// plain arrays from everything else. ExportType separates ordinary objects
// from proxies and host objects that merely look like them.
func (c *core) plainKindOf(o *goja.Object) plainKind {
	if o == c.rt.GlobalObject() {
		return notPlain
	}
	switch o.ExportType() {
	case typeMap:
		if p := o.Prototype(); (p == c.objectProto || p == nil) && o.ClassName() == "Object" {
			return plainObject
		}
	case typeSlice:
		if o.Prototype() == c.arrayProto && o.ClassName() == "Array" {
			return plainArray
		}
	}
	return notPlain
}

// values compares two property values as deepEqual(a, b, options) does.
func (s *equalState) values(a, b goja.Value) bool {
	if a == nil {
		a = goja.Undefined()
	}
	if b == nil {
		b = goja.Undefined()
	}
	oa, aok := a.(*goja.Object)
	ob, bok := b.(*goja.Object)
	if !aok || !bok {
		// shallowVerdict: SameValue, except that NaN equals NaN (which
		// SameValue already says); a primitive never equals an object.
		return !aok && !bok && sameValue(a, b)
	}
	if oa == ob {
		return true
	}
	ka, kb := s.c.plainKindOf(oa), s.c.plainKindOf(ob)
	if ka == notPlain || kb == notPlain || len(s.stack) >= 2*maxNativeDepth {
		return s.inJS(oa, ob)
	}
	return s.objects(oa, ob, ka, kb)
}

// inJS runs the library's structuralEqual on a pair Go does not handle.
func (s *equalState) inJS(a, b *goja.Object) bool {
	v, err := s.c.structuralEqual(goja.Undefined(), a, b, s.options)
	if err != nil {
		panic(err)
	}
	return v.ToBoolean()
}

// objects compares two plain objects or arrays.
func (s *equalState) objects(a, b *goja.Object, ka, kb plainKind) bool {
	if ka != kb {
		// typeName: 'Object' and 'Array' differ.
		return false
	}
	for i := 0; i < len(s.stack); i += 2 {
		if (s.stack[i] == a && s.stack[i+1] == b) || (s.stack[i] == b && s.stack[i+1] == a) {
			// Met again while descending: provisionally equal.
			return true
		}
	}
	if len(a.Symbols()) > 0 || len(b.Symbols()) > 0 {
		// Own enumerable symbols: Symbol.toStringTag would change the
		// type, and symbol keys are compared by description. Rare enough
		// to leave to JS.
		return s.inJS(a, b)
	}
	s.stack = append(s.stack, a, b)
	defer func() { s.stack = s.stack[:len(s.stack)-2] }()
	if ka == plainArray {
		return s.arrays(a, b)
	}
	return s.plainObjects(a, b)
}

// arrays is deep-eql's iterableEqual: the same length, then each index.
func (s *equalState) arrays(a, b *goja.Object) bool {
	n := a.Get("length").ToInteger()
	if n != b.Get("length").ToInteger() {
		return false
	}
	for i := int64(0); i < n; i++ {
		k := strconv.FormatInt(i, 10)
		if !s.values(a.Get(k), b.Get(k)) {
			return false
		}
	}
	return true
}

// plainObjects is deep-eql's objectEqual for objects without symbols: the
// same enumerable keys, then each value in the left object's key order. Two
// objects without keys are equal (neither is iterable: plainPrototypes).
func (s *equalState) plainObjects(a, b *goja.Object) bool {
	left, right := a.Keys(), b.Keys()
	if len(left) != len(right) {
		return false
	}
	if len(left) == 0 {
		return true
	}
	if !sameKeySet(left, right) {
		return false
	}
	for _, k := range left {
		if !s.values(a.Get(k), b.Get(k)) {
			return false
		}
	}
	return true
}

// sameKeySet reports whether two lists of distinct keys hold the same keys.
func sameKeySet(left, right []string) bool {
	if len(left) <= 8 {
		for _, k := range left {
			if !slices.Contains(right, k) {
				return false
			}
		}
		return true
	}
	l, r := slices.Clone(left), slices.Clone(right)
	slices.Sort(l)
	slices.Sort(r)
	return slices.Equal(l, r)
}

// sameValue is SameValue for primitives: === except that NaN equals NaN
// and +0 differs from -0. goja's own SameAs compares an integer-valued
// float and an int as different when the int comes first.
func sameValue(a, b goja.Value) bool {
	if goja.IsNumber(a) && goja.IsNumber(b) {
		x, y := a.ToFloat(), b.ToFloat()
		if x != x {
			return y != y
		}
		if x == 0 && y == 0 {
			return math.Signbit(x) == math.Signbit(y)
		}
		return x == y
	}
	return a.StrictEquals(b)
}
