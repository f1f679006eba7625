package chai

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

var reflectBool = reflect.TypeOf(true)

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
	"equal":     (*core).fastEqual,
	"eql":       (*core).fastEql,
	"lengthOf":  (*core).fastLengthOf,
	"typeIs":    (*core).fastTypeIs,
	"include":   (*core).fastInclude,
	"property":  (*core).fastProperty,
	"ok":        (*core).fastOk,
	"true":      (*core).fastTrue,
	"false":     (*core).fastFalse,
	"null":      (*core).fastNull,
	"undefined": (*core).fastUndefined,
	"exist":     (*core).fastExist,
	"status":    (*core).fastStatus,
	"oneOf":     (*core).fastOneOf,
	"above":     fastCompare(func(a, b float64) bool { return a > b }),
	"least":     fastCompare(func(a, b float64) bool { return a >= b }),
	"below":     fastCompare(func(a, b float64) bool { return a < b }),
	"most":      fastCompare(func(a, b float64) bool { return a <= b }),
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
	if a == nil || a.raw.Prototype() != c.proto || a.ownList().index("assert") >= 0 {
		return nil
	}
	if f := a.ownFlags(); f != nil && c.proto.Get("assert") == c.nativeAssert {
		return f
	}
	return nil
}

// shallowFlags is fastFlags for a method taking (val, msg) that has a
// fast path only without `deep`: it applies msg as the library does first,
// so the JS version it falls back to sees the same flags.
func (c *core) shallowFlags(this goja.Value, args []goja.Value) *flagSet {
	f := c.fastFlags(this)
	if f == nil {
		return nil
	}
	withMessage(f, args, 1)
	if flagOn(f.Get("deep")) {
		return nil
	}
	return f
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
	f := c.shallowFlags(this, args)
	if f == nil {
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

// primitiveType is lowerTypeName for null and the primitives a fast path
// decides on, and "" for anything else.
func primitiveType(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	case goja.IsString(v):
		return "string"
	case goja.IsNumber(v):
		return "number"
	case v.ExportType() == reflectBool:
		return "boolean"
	}
	return ""
}

// isASCII reports whether a JS string is all ASCII, where its UTF-16 and
// Go (UTF-8) forms agree unit for unit, and so do case mappings.
func isASCII(s goja.String) bool { return len(s.String()) == s.Length() }

// fastTypeIs is a(type, msg) / an(type, msg) on a primitive or null, for
// an ASCII type name.
func (c *core) fastTypeIs(this goja.Value, args []goja.Value) bool {
	f := c.fastFlags(this)
	if f == nil {
		return false
	}
	withMessage(f, args, 1)
	want, ok := argument(args, 0).(goja.String)
	if !ok || !isASCII(want) {
		return false
	}
	actual := primitiveType(f.Get("object"))
	return actual != "" && holds(f, strings.ToLower(want.String()) == actual)
}

// fastInclude is include(val, msg) without `deep`, of a string in a
// string (both ASCII) or of a value in a plain array (indexOf's strict
// equality).
func (c *core) fastInclude(this goja.Value, args []goja.Value) bool {
	f := c.shallowFlags(this, args)
	if f == nil {
		return false
	}
	val := argument(args, 0)
	switch obj := orUndefined(f.Get("object")).(type) {
	case goja.String:
		sub, ok := val.(goja.String)
		if !ok || !isASCII(obj) || !isASCII(sub) {
			return false
		}
		return holds(f, strings.Contains(obj.String(), sub.String()))
	case *goja.Object:
		found, ok := c.arrayIncludes(obj, val)
		return ok && holds(f, found)
	}
	return false
}

// fastProperty is property(name[, val[, msg]]) without `nested`, `own` or
// `deep`, for a string name on a plain object or array: the name is
// present (inherited or own), and when val is given the value is val.
// Like the method, it moves the chain on to the value.
func (c *core) fastProperty(this goja.Value, args []goja.Value) bool {
	f := c.fastFlags(this)
	if f == nil {
		return false
	}
	withMessage(f, args, 2)
	if flagOn(f.Get("nested")) || flagOn(f.Get("own")) || flagOn(f.Get("deep")) {
		return false
	}
	name, ok := argument(args, 0).(goja.String)
	obj, isObj := orUndefined(f.Get("object")).(*goja.Object)
	if !ok || !isObj || c.plainKindOf(obj) == notPlain {
		return false
	}
	value := obj.Get(name.String())
	present := value != nil
	value = orUndefined(value)
	negate := flagOn(f.Get("negate"))
	pass := present != negate
	if len(args) > 1 {
		// Negated with a value, only the value is asserted.
		pass = (present && args[1].StrictEquals(value)) != negate
	}
	if !pass {
		return false
	}
	f.Set("object", value)
	return true
}

// The properties that only compare the object: ok, true, false, null,
// undefined, exist.

func (c *core) fastIs(this goja.Value, test func(goja.Value) bool) bool {
	f := c.fastFlags(this)
	return f != nil && holds(f, test(orUndefined(f.Get("object"))))
}

func (c *core) fastOk(this goja.Value, _ []goja.Value) bool {
	return c.fastIs(this, goja.Value.ToBoolean)
}

func (c *core) fastTrue(this goja.Value, _ []goja.Value) bool {
	return c.fastIs(this, func(v goja.Value) bool { return v.ExportType() == reflectBool && v.ToBoolean() })
}

func (c *core) fastFalse(this goja.Value, _ []goja.Value) bool {
	return c.fastIs(this, func(v goja.Value) bool { return v.ExportType() == reflectBool && !v.ToBoolean() })
}

func (c *core) fastNull(this goja.Value, _ []goja.Value) bool {
	return c.fastIs(this, goja.IsNull)
}

func (c *core) fastUndefined(this goja.Value, _ []goja.Value) bool {
	return c.fastIs(this, goja.IsUndefined)
}

func (c *core) fastExist(this goja.Value, _ []goja.Value) bool {
	return c.fastIs(this, func(v goja.Value) bool { return !goja.IsNull(v) && !goja.IsUndefined(v) })
}

// lookupFastPath returns the fast path named by v, and nil when v is no
// name (the JS side passes undefined for none).
func lookupFastPath(v goja.Value) fastPath {
	if !goja.IsString(v) {
		return nil
	}
	return fastPaths[v.String()]
}

// fastStatus is chai-postman's status(code) for a number code on a
// Postman response: response.code === code.
func (c *core) fastStatus(this goja.Value, args []goja.Value) bool {
	f := c.fastFlags(this)
	if f == nil {
		return false
	}
	want := argument(args, 0)
	obj, ok := orUndefined(f.Get("object")).(*goja.Object)
	if !goja.IsNumber(want) || !ok || !c.isPostman(obj, "Response") {
		return false
	}
	code := obj.Get("code")
	return code != nil && goja.IsNumber(code) && holds(f, code.StrictEquals(want))
}

// maxSuperChain bounds isPostman's walk up `super_`, which a script could
// make circular; a longer chain is left to the JS.
const maxSuperChain = 32

// isPostman is postman.js's isPostmanResponse/isPostmanRequest for an
// object: its constructor, or one up the constructor's `super_` chain,
// has `_postman_propertyName` name. False also means undecided.
func (c *core) isPostman(obj *goja.Object, name string) bool {
	ctor := obj.Get("constructor")
	for range maxSuperChain {
		co, ok := ctor.(*goja.Object)
		if !ok {
			return false
		}
		if p := co.Get("_postman_propertyName"); p != nil && goja.IsString(p) && p.String() == name {
			return true
		}
		ctor = co.Get("super_")
	}
	return false
}

// untaggedArrays reports whether chai's type name of a plain array is
// 'array': no Symbol.toStringTag on Array.prototype or Object.prototype.
func (c *core) untaggedArrays() bool {
	for _, p := range [...]*goja.Object{c.arrayProto, c.objectProto} {
		if v := p.GetSymbol(goja.SymToStringTag); v != nil && !goja.IsUndefined(v) {
			return false
		}
	}
	return true
}

// arrayIncludes is list.indexOf(val) !== -1 for a plain array list (ok),
// whose elements it reads in order, skipping holes.
func (c *core) arrayIncludes(list *goja.Object, val goja.Value) (found, ok bool) {
	if c.plainKindOf(list) != plainArray || !c.untaggedArrays() {
		return false, false
	}
	n := list.Get("length").ToInteger()
	for i := int64(0); i < n; i++ {
		if e := list.Get(strconv.FormatInt(i, 10)); e != nil && e.StrictEquals(val) {
			return true, true
		}
	}
	return false, true
}

// fastOneOf is oneOf(list, msg) without `contains` or `deep`, for a plain
// array list: the object is one of its elements (indexOf).
func (c *core) fastOneOf(this goja.Value, args []goja.Value) bool {
	f := c.fastFlags(this)
	if f == nil {
		return false
	}
	withMessage(f, args, 1)
	list, ok := argument(args, 0).(*goja.Object)
	if !ok || flagOn(f.Get("contains")) || flagOn(f.Get("deep")) {
		return false
	}
	found, ok := c.arrayIncludes(list, orUndefined(f.Get("object")))
	return ok && holds(f, found)
}

// fastCompare makes the fast path of above, least, below and most
// without `doLength`: a number compared with a number.
func fastCompare(cmp func(a, b float64) bool) fastPath {
	return func(c *core, this goja.Value, args []goja.Value) bool {
		f := c.fastFlags(this)
		if f == nil {
			return false
		}
		withMessage(f, args, 1)
		obj, n := orUndefined(f.Get("object")), argument(args, 0)
		if flagOn(f.Get("doLength")) || !goja.IsNumber(obj) || !goja.IsNumber(n) {
			return false
		}
		return holds(f, cmp(obj.ToFloat(), n.ToFloat()))
	}
}
