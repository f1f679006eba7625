package chai

import "github.com/dop251/goja"

// A fast path decides, in Go, a call of one of the library's own
// assertion methods that passes: called with the method's receiver and
// arguments, it returns true when the assertion held (the chain then goes
// on as after the method), and false to run the method in JS, which then
// fails it or handles what the fast path leaves alone (flags such as
// `deep`, a custom `eql`, maps and sets, objects that are no plain
// objects or arrays). A passing method in JS is a JS frame, a helper
// frame, several flag reads through the host object, the `_obj` getter
// and a read of `assert`: most of a chain's time in a test script.
//
// A fast path only stands in while assertions use the library's own
// assert (a plugin that replaces Assertion#assert sees every call), and
// only for the method it was registered with: a plugin's addMethod or
// overwriteMethod of the same name gets a wrapper without one, and one
// that calls the original (`_super`) reaches the fast path as chai's
// original would reach the JS.
type fastPath func(c *core, this goja.Value, args []goja.Value) bool

// fastPaths are looked up by the name js/assertions.js registers a method
// with (addFastMethod, addChainableMethod's fast argument).
var fastPaths = map[string]fastPath{
	"equal":    (*core).fastEqual,
	"eql":      (*core).fastEql,
	"lengthOf": (*core).fastLengthOf,
}

// fastFlags returns the flags of this when a fast path may decide for it:
// an assertion of Assertion itself, with its own bag, whose assert is the
// library's.
func (c *core) fastFlags(this goja.Value) *flagSet {
	obj, ok := this.(*goja.Object)
	if !ok {
		return nil
	}
	a := c.find(obj)
	if a == nil || a.raw.Prototype() != c.proto || a.own.index("assert") >= 0 {
		return nil
	}
	if f := a.ownFlags(); f != nil && c.proto.Get("assert") == c.nativeAssert {
		return f
	}
	return nil
}

// withMessage is the library's withMessage(assertion, msg): a truthy
// message argument becomes the `message` flag.
func withMessage(f *flagSet, args []goja.Value, i int) {
	if i < len(args) && args[i].ToBoolean() {
		f.Set("message", args[i])
	}
}

func argument(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

// flagOn reads a flag value as the library does, absent being false.
func flagOn(v goja.Value) bool { return v != nil && v.ToBoolean() }

// holds is what assert(expr) decides: expr, or its negation under `not`.
func holds(f *flagSet, expr bool) bool { return expr != flagOn(f.Get("negate")) }

// fastEqual is equal(val, msg) without `deep`: val === the object.
func (c *core) fastEqual(this goja.Value, args []goja.Value) bool {
	f := c.fastFlags(this)
	if f == nil {
		return false
	}
	withMessage(f, args, 1)
	if flagOn(f.Get("deep")) {
		return false
	}
	return holds(f, argument(args, 0).StrictEquals(orUndefined(f.Get("object"))))
}

// fastEql is eql(val, msg) with the library's deep-eql: deepEqual's
// shallow verdict, or deepequal.go's for plain objects and arrays.
func (c *core) fastEql(this goja.Value, args []goja.Value) bool {
	f := c.fastFlags(this)
	if f == nil {
		return false
	}
	withMessage(f, args, 1)
	if f.Get("eql") != c.eql {
		return false
	}
	a, b := argument(args, 0), orUndefined(f.Get("object"))
	oa, aok := a.(*goja.Object)
	ob, bok := b.(*goja.Object)
	switch {
	case !aok && !bok:
		return holds(f, sameValue(a, b))
	case aok != bok:
		return holds(f, false)
	case oa == ob:
		return holds(f, true)
	}
	equal, decided := c.plainEqual(oa, ob, goja.Undefined())
	return decided && holds(f, equal)
}

// fastLengthOf is lengthOf(n, msg) on a plain array or a string: its
// length == n.
func (c *core) fastLengthOf(this goja.Value, args []goja.Value) bool {
	f := c.fastFlags(this)
	if f == nil {
		return false
	}
	withMessage(f, args, 1)
	var count goja.Value
	switch obj := orUndefined(f.Get("object")).(type) {
	case *goja.Object:
		if c.plainKindOf(obj) != plainArray {
			return false
		}
		count = obj.Get("length")
	case goja.String:
		count = c.rt.ToValue(obj.Length())
	default:
		return false
	}
	return holds(f, count.Equals(argument(args, 0)))
}
