package sandbox

import (
	"hash/maphash"
	"strings"

	"github.com/dop251/goja"
)

// primitives hands out the JS values of short strings and small integers
// that recur from request to request: a JSON body's values (the same
// names, flags and ids in every response), reason phrases, status codes
// and sizes. goja boxes each string or number it is given in a new
// allocation, two with ToValue's own; JS primitives are immutable and
// carry no identity a script could observe, so one value can stand for
// every occurrence.
type primitives struct {
	// tokens and plain are direct-mapped caches: a text's slot is its
	// hash modulo the size, and a new text simply takes the slot over.
	// Unlike a map they never grow or sweep, so a body full of unique
	// strings costs one hash and one copy per miss, never more. tokens
	// are JSON tokens (a string with its quotes, a number as written),
	// plain are strings (str): apart, so that the header value 1 is not
	// the JSON number 1, nor the ETag "x" the JSON string x.
	tokens, plain []primText
	seed          maphash.Seed
	ints          [maxSmallInt]goja.Value
}

type primText struct {
	key string
	val goja.Value
}

const (
	// primSlots is the size of the text cache (a power of two).
	primSlots = 1024
	// maxPrimText bounds the texts kept: longer ones rarely repeat.
	maxPrimText = 32
	// maxSmallInt bounds the integers kept: status codes, sizes and
	// response times in milliseconds are mostly below it.
	maxSmallInt = 1024
)

// lookup returns the value cached for the JSON token key, or the slot a
// new one goes in.
func (p *primitives) lookup(key string) (goja.Value, *primText) {
	return p.lookupIn(&p.tokens, key)
}

func (p *primitives) lookupIn(table *[]primText, key string) (goja.Value, *primText) {
	if len(key) > maxPrimText {
		return nil, nil
	}
	if *table == nil {
		*table = make([]primText, primSlots)
		if p.seed == (maphash.Seed{}) {
			p.seed = maphash.MakeSeed()
		}
	}
	slot := &(*table)[maphash.String(p.seed, key)&(primSlots-1)]
	if slot.val != nil && slot.key == key {
		return slot.val, nil
	}
	return nil, slot
}

// str returns the JS string s.
func (p *primitives) str(rt *goja.Runtime, s string) goja.Value {
	v, slot := p.lookupIn(&p.plain, s)
	if v != nil {
		return v
	}
	if slot == nil {
		return rt.ToValue(s)
	}
	// The copy keeps a cached value from holding on to the text s was
	// cut from (a whole response body).
	s = strings.Clone(s)
	*slot = primText{key: s, val: rt.ToValue(s)}
	return slot.val
}

// keep caches val for key in slot (from lookup); val must not refer to
// key's memory, which keep copies.
func (p *primitives) keep(slot *primText, key string, val goja.Value) goja.Value {
	if slot != nil {
		*slot = primText{key: strings.Clone(key), val: val}
	}
	return val
}

// int returns the JS number n.
func (p *primitives) int(rt *goja.Runtime, n int64) goja.Value {
	if n < 0 || n >= maxSmallInt {
		return rt.ToValue(n)
	}
	if p.ints[n] == nil {
		p.ints[n] = rt.ToValue(n)
	}
	return p.ints[n]
}
