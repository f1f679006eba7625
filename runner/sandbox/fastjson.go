package sandbox

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// The JSON fast path: goja's JSON.parse decodes token by token through
// encoding/json's Decoder, which dominates pm.response.json() on small
// bodies. This parser builds the JS values directly; a response body read
// more than once (by several scripts of a request, or twice in one) is
// parsed once more into a tree that builds fresh values without parsing.
// It gives what goja's JSON.parse gives, except that a number out of
// float64's range is ±Infinity, as in V8 (goja's throws), and only for
// well-formed JSON: on anything else (a syntax error, a byte order mark,
// very deep nesting) it declines and the caller runs
// JSON.parse, so that errors keep their messages.

// jsonNode is one parsed JSON value.
type jsonNode struct {
	// prim is a string, number, boolean or null; nil for an object or an
	// array. Primitive goja values are immutable, so each build reuses it.
	prim goja.Value
	obj  bool
	// keys are an object's keys, in the text's order (duplicates included:
	// the last value wins, at the first one's place, as JSON.parse does).
	keys []string
	kids []jsonNode
}

// jsonCache is a response body's parsed JSON.
type jsonCache struct {
	state jsonState
	root  jsonNode
}

type jsonState int8

const (
	jsonUnread   jsonState = iota
	jsonReadOnce           // parsed once, directly into values
	jsonTree               // root holds the tree
	jsonDeclined
)

// maxFastJSONDepth bounds the recursion of the fast path; deeper texts are
// left to JSON.parse.
const maxFastJSONDepth = 500

type jsonParser struct {
	rt  *goja.Runtime
	s   string
	i   int
	bad bool
	// direct builds each container as a JS value when it closes, instead
	// of a tree.
	direct bool
	// kids and keys are stacks the members of the open containers are
	// gathered on, so that each container gets exact-size slices.
	kids []jsonNode
	keys []string
	// items passes an array's members to NewArray, which copies them.
	items []any
	// prims interns short strings and numbers; nil makes each anew.
	prims *primitives
	// objectProto is Object.prototype, for newObject.
	objectProto *goja.Object
}

// parseFastJSON parses text, into a tree or (direct) into a JS value held
// by the root's prim; ok is false when the fast path declines.
func parseFastJSON(rt *goja.Runtime, text string, direct bool) (jsonNode, bool) {
	var p jsonParser
	return p.parse(rt, text, direct)
}

// parse is parseFastJSON reusing p's stacks, which it leaves empty.
func (p *jsonParser) parse(rt *goja.Runtime, text string, direct bool) (jsonNode, bool) {
	*p = jsonParser{rt: rt, s: text, direct: direct, kids: p.kids[:0], keys: p.keys[:0], items: p.items[:0], prims: p.prims, objectProto: p.objectProto}
	p.space()
	n := p.value(0)
	p.space()
	ok := !p.bad && p.i == len(p.s)
	clear(p.kids[:cap(p.kids)])
	clear(p.keys[:cap(p.keys)])
	clear(p.items[:cap(p.items)])
	p.kids, p.keys, p.s = p.kids[:0], p.keys[:0], ""
	if !ok {
		return jsonNode{}, false
	}
	return n, true
}

func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) fail() jsonNode {
	p.bad = true
	return jsonNode{}
}

func (p *jsonParser) value(depth int) jsonNode {
	if p.bad || p.i >= len(p.s) || depth > maxFastJSONDepth {
		return p.fail()
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		start := p.i
		s, ok := p.str()
		if !ok {
			return p.fail()
		}
		return jsonNode{prim: p.stringValue(p.s[start:p.i], s)}
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case p.literal("true"):
		return jsonNode{prim: p.rt.ToValue(true)}
	case p.literal("false"):
		return jsonNode{prim: p.rt.ToValue(false)}
	case p.literal("null"):
		return jsonNode{prim: goja.Null()}
	}
	return p.fail()
}

func (p *jsonParser) literal(word string) bool {
	if len(p.s)-p.i >= len(word) && p.s[p.i:p.i+len(word)] == word {
		p.i += len(word)
		return true
	}
	return false
}

func (p *jsonParser) object(depth int) jsonNode {
	p.i++ // {
	n := jsonNode{obj: true}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		if p.direct {
			n = jsonNode{prim: p.rt.NewObject()}
		}
		return n
	}
	base, keyBase := len(p.kids), len(p.keys)
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return p.fail()
		}
		key, ok := p.str()
		if !ok {
			return p.fail()
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return p.fail()
		}
		p.i++
		p.space()
		v := p.value(depth + 1)
		if p.bad {
			return n
		}
		p.keys = append(p.keys, key)
		p.kids = append(p.kids, v)
		p.space()
		if p.i >= len(p.s) {
			return p.fail()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			if p.direct {
				o := p.newObject()
				for i, k := range p.keys[keyBase:] {
					p.put(o, k, p.kids[base+i].prim)
				}
				n = jsonNode{prim: p.finish(o)}
				p.drop(base)
			} else {
				n.keys = append([]string(nil), p.keys[keyBase:]...)
				n.kids = p.pop(base)
			}
			p.keys = p.keys[:keyBase]
			return n
		default:
			return p.fail()
		}
	}
}

// newObject starts a JSON object: JSON.parse defines its members without
// calling setters, which Object.defineProperty does but with an allocation
// per member that Set saves. Set calls none on an object without a
// prototype, so the object gets Object.prototype once it has its members
// (finish). Without objectProto it is made with the defining calls.
func (p *jsonParser) newObject() *goja.Object {
	if p.objectProto == nil {
		return p.rt.NewObject()
	}
	return p.rt.CreateObject(nil)
}

// put adds a member to an object from newObject.
func (p *jsonParser) put(o *goja.Object, key string, v goja.Value) {
	if p.objectProto == nil {
		_ = o.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return
	}
	_ = o.Set(key, v)
}

// finish completes an object from newObject.
func (p *jsonParser) finish(o *goja.Object) *goja.Object {
	if p.objectProto != nil {
		_ = o.SetPrototype(p.objectProto)
	}
	return o
}

// newArray makes a JS array of the values of kids.
func (p *jsonParser) newArray(kids []jsonNode) *goja.Object {
	for _, k := range kids {
		p.items = append(p.items, k.prim)
	}
	a := p.rt.NewArray(p.items...)
	clear(p.items)
	p.items = p.items[:0]
	return a
}

// pop takes the members gathered since base off the stack.
func (p *jsonParser) pop(base int) []jsonNode {
	kids := append([]jsonNode(nil), p.kids[base:]...)
	p.drop(base)
	return kids
}

func (p *jsonParser) drop(base int) {
	clear(p.kids[base:])
	p.kids = p.kids[:base]
}

func (p *jsonParser) array(depth int) jsonNode {
	p.i++ // [
	n := jsonNode{}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		if p.direct {
			n.prim = p.rt.NewArray()
		}
		return n
	}
	base := len(p.kids)
	for {
		p.space()
		v := p.value(depth + 1)
		if p.bad {
			return n
		}
		p.kids = append(p.kids, v)
		p.space()
		if p.i >= len(p.s) {
			return p.fail()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			if p.direct {
				n.prim = p.newArray(p.kids[base:])
				p.drop(base)
			} else {
				n.kids = p.pop(base)
			}
			return n
		default:
			return p.fail()
		}
	}
}

// stringValue is the value of the string token whose text is token and
// whose decoded value is s.
func (p *jsonParser) stringValue(token, s string) goja.Value {
	if p.prims == nil {
		return p.rt.ToValue(s)
	}
	v, slot := p.prims.lookup(token)
	if v != nil {
		return v
	}
	if slot != nil && len(s) == len(token)-2 {
		// s is token without its quotes, a part of the body the cached
		// value must not keep.
		s = strings.Clone(s)
	}
	return p.prims.keep(slot, token, p.rt.ToValue(s))
}

// str reads a string token. One with escapes or non-ASCII text is decoded
// by encoding/json, so that it comes out exactly as goja's JSON.parse (which
// decodes with it) has it.
func (p *jsonParser) str() (string, bool) {
	start := p.i
	p.i++ // "
	plain := true
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			if plain {
				return p.s[start+1 : p.i-1], true
			}
			var out string
			if err := json.Unmarshal([]byte(p.s[start:p.i]), &out); err != nil {
				return "", false
			}
			return out, true
		case c == '\\':
			plain = false
			p.i += 2
		case c < 0x20:
			return "", false
		case c >= 0x80:
			plain = false
			p.i++
		default:
			p.i++
		}
	}
	return "", false
}

// number reads a number token with JSON's grammar and converts it as
// encoding/json does, except that out of float64's range it is ±Infinity,
// as V8's JSON.parse makes it (goja's throws, and encoding/json refuses).
func (p *jsonParser) number() jsonNode {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.s) && p.s[p.i] == '0':
		p.i++
	case p.i < len(p.s) && p.s[p.i] >= '1' && p.s[p.i] <= '9':
		p.digits()
	default:
		return p.fail()
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if !p.digits() {
			return p.fail()
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if !p.digits() {
			return p.fail()
		}
	}
	token := p.s[start:p.i]
	var slot *primText
	if p.prims != nil {
		var v goja.Value
		if v, slot = p.prims.lookup(token); v != nil {
			return jsonNode{prim: v}
		}
	}
	f, err := strconv.ParseFloat(token, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return p.fail()
	}
	v := p.rt.ToValue(f)
	if p.prims != nil {
		p.prims.keep(slot, token, v)
	}
	return jsonNode{prim: v}
}

func (p *jsonParser) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// buildJSON makes fresh JS values from a parsed tree, as JSON.parse would:
// plain objects with data properties (never calling a setter, `__proto__`
// included) and arrays.
func (s *Sandbox) buildJSON(n *jsonNode) goja.Value {
	if n.prim != nil {
		return n.prim
	}
	rt := s.rt
	p := &s.jsonParser
	if n.obj {
		o := p.newObject()
		for i, k := range n.keys {
			p.put(o, k, s.buildJSON(&n.kids[i]))
		}
		return p.finish(o)
	}
	// The members gather on a stack shared by the arrays being built
	// (NewArray copies them), nested ones above their parent's.
	base := len(p.items)
	for i := range n.kids {
		v := s.buildJSON(&n.kids[i])
		p.items = append(p.items, v)
	}
	a := rt.NewArray(p.items[base:]...)
	clear(p.items[base:])
	p.items = p.items[:base]
	return a
}

// responseJSON is Response#json() for a received Response's body:
// undefined when the fast path declines or the Response is a script's.
func (s *Sandbox) responseJSON(c goja.FunctionCall) goja.Value {
	r := s.sourceOf(c.Argument(0))
	if r == nil {
		return goja.Undefined()
	}
	return s.cachedJSON(s.cacheFor(r))
}

func (s *Sandbox) cachedJSON(rc *responseCache) goja.Value {
	switch rc.json.state {
	case jsonUnread:
		n, ok := s.jsonParser.parse(s.rt, s.bodyText(rc), true)
		if !ok {
			rc.json.state = jsonDeclined
			return goja.Undefined()
		}
		rc.json.state = jsonReadOnce
		return n.prim
	case jsonReadOnce:
		n, _ := s.jsonParser.parse(s.rt, s.bodyText(rc), false)
		rc.json = jsonCache{state: jsonTree, root: n}
	case jsonDeclined:
		return goja.Undefined()
	}
	return s.buildJSON(&rc.json.root)
}

// parseJSON is JSON.parse(text) without a reviver: undefined when the fast
// path declines. The text of the last response body (legacy scripts parse
// responseBody) shares the body's cache.
func (s *Sandbox) parseJSON(c goja.FunctionCall) goja.Value {
	text := c.Argument(0).String()
	if rc := &s.respCache; rc.resp != nil && rc.hasText && rc.text == text {
		return s.cachedJSON(rc)
	}
	n, ok := s.jsonParser.parse(s.rt, text, true)
	if !ok {
		return goja.Undefined()
	}
	return n.prim
}
