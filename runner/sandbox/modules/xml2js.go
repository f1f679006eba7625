package modules

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// XMLOptions are the xml2js parser options we honour. Field names follow
// xml2js; see PostmanXML2JSONOptions for the legacy xml2Json global's.
type XMLOptions struct {
	AttrKey, CharKey string
	ExplicitCharkey  bool
	Trim             bool
	Normalize        bool
	NormalizeTags    bool
	ExplicitArray    bool
	IgnoreAttrs      bool
	MergeAttrs       bool
	ExplicitRoot     bool
	Strict           bool
	// XMLNS gives each attribute as sax's {name, value, prefix, local,
	// uri} and each element its {uri, local} under AttrKey+"ns".
	XMLNS bool
	// EmptyTag is what an empty element becomes; nil means xml2js's
	// default, the empty string.
	EmptyTag goja.Value
	// ExplicitChildren puts an element's children under ChildKey;
	// PreserveChildrenOrder lists them there in document order (with
	// their names under "#name"), CharsAsChildren with the text between
	// them, IncludeWhiteChars even when it is blank.
	ExplicitChildren, PreserveChildrenOrder, CharsAsChildren, IncludeWhiteChars bool
	ChildKey                                                                    string

	TagNameProcessors, AttrNameProcessors, ValueProcessors, AttrValueProcessors []goja.Callable
	// Validator is called with each closed element's path, the value
	// its parent holds under its name and its own value, and returns
	// the value to keep; what it throws is the parse error.
	Validator goja.Callable
}

// DefaultXMLOptions are xml2js 0.4's defaults (the "0.2" set), which
// require('xml2js').parseString uses.
func DefaultXMLOptions() XMLOptions {
	return XMLOptions{AttrKey: "$", CharKey: "_", ChildKey: "$$", ExplicitArray: true, ExplicitRoot: true, Strict: true}
}

// PostmanXML2JSONOptions are the options of Postman's legacy xml2Json
// global: xml2js with explicitArray false and trim true.
func PostmanXML2JSONOptions() XMLOptions {
	o := DefaultXMLOptions()
	o.ExplicitArray = false
	o.Trim = true
	return o
}

// XML2JS parses text into the JS value xml2js gives for the same input and
// options: attributes under AttrKey, text under CharKey, children keyed by
// name in document order. Empty or blank input gives null, as in xml2js.
// A parse error comes back as an error whose message follows sax's where
// we can (Postman's xml2Json returns undefined for those).
func XML2JS(rt *goja.Runtime, text string, opts XMLOptions) (v goja.Value, err error) {
	p := &xmlParser{rt: rt, o: opts}
	defer func() {
		// A processor function that throws surfaces as the parse error.
		if r := recover(); r != nil {
			ex, ok := r.(*goja.Exception)
			if !ok {
				panic(r)
			}
			v, err = nil, ex
		}
	}()
	return p.parse(text)
}

type xmlFrame struct {
	obj   *goja.Object
	name  string // after normalizeTags and tagNameProcessors
	raw   string // as written, to match the end tag
	text  strings.Builder
	cdata bool
	// slots tracks what each child key holds, so appending the n-th
	// repeated child costs O(1) rather than a scan of the object's keys.
	slots map[string]*xmlSlot
	// children is the ChildKey array of explicitChildren with
	// preserveChildrenOrder, once it has a member.
	children *xmlSlot
	// ns maps the prefixes in scope to their URIs, with xmlns; shared
	// with the parent until the element binds one of its own.
	ns map[string]string
}

// saxRootNS are the prefixes sax binds before any declaration.
var saxRootNS = map[string]string{"xml": "http://www.w3.org/XML/1998/namespace", "xmlns": "http://www.w3.org/2000/xmlns/"}

// saxQName splits a name as sax's qname does: the part before the first
// colon is the prefix and the part after it (up to a second colon) the
// local name; a bare xmlns attribute has prefix xmlns.
func saxQName(name string, attr bool) (prefix, local string) {
	if attr && name == "xmlns" {
		return "xmlns", ""
	}
	if !strings.Contains(name, ":") {
		return "", name
	}
	parts := strings.Split(name, ":")
	return parts[0], parts[1]
}

type xmlSlot struct {
	arr *goja.Object // the array once the key holds one
	n   int
}

type xmlParser struct {
	rt    *goja.Runtime
	o     XMLOptions
	stack []*xmlFrame
	// hidden is set when the text's control characters were swapped for
	// stand-ins Go's decoder takes (see hideControls).
	hidden bool
}

// sax (xml2js's parser) takes characters XML 1.0 does not allow (C0
// controls, U+FFFE, U+FFFF) in text and attribute values, where Go's
// decoder stops, so an answer with a stray \x01 parses under Newman.
// They go through the decoder as characters of plane 15's private use
// area and are put back in the values.
const controlStandIn = 0xF0000

func isXMLControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
}

func hideControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0xFFFE || r == 0xFFFF:
			return controlStandIn + 0x20 + (r - 0xFFFE)
		case isXMLControl(r):
			return controlStandIn + r
		}
		return r
	}, s)
}

// restore puts back the control characters hideControls swapped out.
func (p *xmlParser) restore(s string) string {
	if !p.hidden {
		return s
	}
	return restoreControls(s)
}

func restoreControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= controlStandIn && r < controlStandIn+0x20:
			return r - controlStandIn
		case r == controlStandIn+0x20 || r == controlStandIn+0x21:
			return 0xFFFE + (r - controlStandIn - 0x20)
		}
		return r
	}, s)
}

// isJSSpace reports whether r is whitespace to JS's \s and String#trim.
func isJSSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

var reMultiSpace = regexp.MustCompile(`[\s\x{a0}\x{feff}\x{2028}\x{2029}\x{3000}]{2,}`)

// saxPosition gives sax's line (0-based) and column after consuming the
// first n bytes of s, for its error message suffix.
func saxPosition(s string, n int) (line, col int) {
	for _, r := range s[:n] {
		if r == '\n' {
			line++
			col = 0
		} else {
			col++
		}
	}
	return line, col
}

func saxError(msg, s string, n int) error {
	line, col := saxPosition(s, n)
	r, _ := utf8.DecodeRuneInString(s[n:])
	ch := ""
	if n < len(s) {
		ch = string(r)
	}
	if n < len(s) {
		col++
	}
	return fmt.Errorf("%s\nLine: %d\nColumn: %d\nChar: %s", msg, line, col, ch)
}

func (p *xmlParser) process(fns []goja.Callable, v goja.Value, key string) goja.Value {
	for _, f := range fns {
		out, err := f(goja.Undefined(), v, p.rt.ToValue(key))
		if err != nil {
			panic(err)
		}
		v = out
	}
	return v
}

func (p *xmlParser) parse(text string) (goja.Value, error) {
	if strings.TrimFunc(text, isJSSpace) == "" {
		return goja.Null(), nil
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.IndexFunc(text, isXMLControl) >= 0 {
		text, p.hidden = hideControls(text), true
	}
	// sax rejects text before the first tag; this is also what JSON fed to
	// xml2Json hits, so give sax's exact message.
	if i := strings.IndexFunc(text, func(r rune) bool { return !isJSSpace(r) }); i >= 0 && text[i] != '<' {
		if p.o.Strict {
			return nil, saxError("Non-whitespace before first tag.", text, i)
		}
	}
	dec := xml.NewDecoder(strings.NewReader(text))
	dec.Strict = p.o.Strict
	// sax knows HTML's entities (&nbsp;, &eacute;) in strict mode too.
	dec.Entity = xml.HTMLEntity
	if !p.o.Strict {
		dec.AutoClose = xml.HTMLAutoClose
	}
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	raw := []byte(text)
	for {
		off := dec.InputOffset()
		tok, terr := dec.RawToken()
		if terr == io.EOF {
			break
		}
		if terr != nil {
			var se *xml.SyntaxError
			if errors.As(terr, &se) && strings.Contains(se.Msg, "unexpected EOF") && len(p.stack) > 0 {
				return nil, saxError("Unclosed root tag", text, len(text))
			}
			if errors.As(terr, &se) && strings.HasPrefix(se.Msg, "invalid character entity ") {
				ref := strings.TrimPrefix(se.Msg, "invalid character entity ")
				if i := strings.Index(text[off:], ref); i >= 0 {
					return nil, saxError("Invalid character entity", text, int(off)+i+len(ref)-1)
				}
			}
			return nil, terr
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// sax reports a namespace error at the start tag's '>'.
			if msg := p.open(t); msg != "" {
				return nil, saxError(msg, text, int(dec.InputOffset())-1)
			}
		case xml.EndElement:
			name := qname(t.Name)
			if !p.o.Strict {
				name = strings.ToUpper(name)
			}
			if len(p.stack) == 0 || p.stack[len(p.stack)-1].raw != name {
				if p.o.Strict {
					return nil, saxError("Unexpected close tag", text, int(dec.InputOffset())-1)
				}
				continue
			}
			if v := p.close(); v != nil {
				// xml2js answers when the root closes and hears nothing
				// after it: a second root, stray text or tags are ignored.
				return v, nil
			}
		case xml.CharData:
			if len(p.stack) == 0 {
				if strings.TrimFunc(string(t), isJSSpace) != "" && p.o.Strict {
					return nil, saxError("Text data outside of root node.", text, int(off))
				}
				continue
			}
			f := p.stack[len(p.stack)-1]
			p.text(f, t)
			if bytes.HasPrefix(raw[off:], []byte("<![CDATA[")) {
				f.cdata = true
			}
		}
	}
	if len(p.stack) > 0 {
		return nil, saxError("Unclosed root tag", text, len(text))
	}
	return goja.Null(), nil
}

// repeatedAttr reports whether an attribute of the name is among attrs.
func repeatedAttr(attrs []xml.Attr, name xml.Name) bool {
	for _, a := range attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// open starts an element as xml2js's onopentag does. It returns sax's
// message for a namespace error, which xml2js reports as the parse error.
func (p *xmlParser) open(t xml.StartElement) string {
	rt := p.rt
	obj := rt.NewObject()
	_ = obj.Set(p.o.CharKey, "")
	frame := &xmlFrame{obj: obj}
	name := qname(t.Name)
	if !p.o.Strict {
		name = strings.ToUpper(name)
	}
	var nsErr string
	var elemURI, elemLocal string
	if p.o.XMLNS {
		elemURI, elemLocal, nsErr = p.bindNamespaces(frame, t, name)
	}
	if !p.o.IgnoreAttrs {
		var attrs *goja.Object
		for i, a := range t.Attr {
			if repeatedAttr(t.Attr[:i], a.Name) {
				continue // sax keeps the first
			}
			name := qname(a.Name)
			if !p.o.Strict {
				name = strings.ToUpper(name)
			}
			value := p.restore(a.Value)
			var val goja.Value = rt.ToValue(value)
			if p.o.XMLNS {
				var msg string
				if val, msg = p.nsAttr(frame, name, value); nsErr == "" {
					nsErr = msg
				}
			}
			if len(p.o.AttrValueProcessors) > 0 {
				val = p.process(p.o.AttrValueProcessors, val, name)
			}
			if len(p.o.AttrNameProcessors) > 0 {
				name = p.process(p.o.AttrNameProcessors, rt.ToValue(name), name).String()
			}
			if p.o.MergeAttrs {
				p.assignOrPush(frame, name, val)
				continue
			}
			if attrs == nil {
				attrs = rt.NewObject()
				_ = obj.Set(p.o.AttrKey, attrs)
			}
			_ = attrs.Set(name, val)
		}
	}
	frame.raw = name
	if p.o.NormalizeTags {
		name = strings.ToLower(name)
	}
	if len(p.o.TagNameProcessors) > 0 {
		name = p.process(p.o.TagNameProcessors, rt.ToValue(name), name).String()
	}
	frame.name = name
	if p.o.ExplicitChildren && p.o.PreserveChildrenOrder {
		_ = obj.Set("#name", name)
	}
	if p.o.XMLNS {
		ns := rt.NewObject()
		_ = ns.Set("uri", elemURI)
		_ = ns.Set("local", elemLocal)
		_ = obj.Set(p.o.AttrKey+"ns", ns)
	}
	p.stack = append(p.stack, frame)
	return nsErr
}

// bindNamespaces sets frame.ns to the prefixes in scope inside the
// element (its parent's and its own xmlns attributes) and resolves the
// element's name as sax does: an unbound prefix is its own URI, and an
// error in strict mode.
func (p *xmlParser) bindNamespaces(frame *xmlFrame, t xml.StartElement, name string) (uri, local, msg string) {
	frame.ns = saxRootNS
	if len(p.stack) > 0 {
		frame.ns = p.stack[len(p.stack)-1].ns
	}
	own := false
	for i, a := range t.Attr {
		if repeatedAttr(t.Attr[:i], a.Name) {
			continue
		}
		an := qname(a.Name)
		if !p.o.Strict {
			an = strings.ToUpper(an)
		}
		prefix, l := saxQName(an, true)
		if prefix != "xmlns" || (l == "xml" && a.Value != saxRootNS["xml"]) || (l == "xmlns" && a.Value != saxRootNS["xmlns"]) {
			continue
		}
		if !own {
			scope := make(map[string]string, len(frame.ns)+1)
			for k, v := range frame.ns {
				scope[k] = v
			}
			frame.ns, own = scope, true
		}
		frame.ns[l] = a.Value
	}
	prefix, local := saxQName(name, false)
	uri = frame.ns[prefix]
	if prefix != "" && uri == "" {
		uri = prefix
		if p.o.Strict {
			msg = "Unbound namespace prefix: " + jsonQuote(name)
		}
	}
	return uri, local, msg
}

// nsAttr is an attribute as sax gives it with xmlns on.
func (p *xmlParser) nsAttr(frame *xmlFrame, name, value string) (goja.Value, string) {
	prefix, local := saxQName(name, true)
	uri := ""
	if prefix != "" {
		uri = frame.ns[prefix]
	}
	msg := ""
	if prefix != "" && prefix != "xmlns" && uri == "" {
		uri = prefix
		if p.o.Strict {
			msg = "Unbound namespace prefix: " + jsonQuote(prefix)
		}
	}
	a := p.rt.NewObject()
	_ = a.Set("name", name)
	_ = a.Set("value", value)
	_ = a.Set("prefix", prefix)
	_ = a.Set("local", local)
	_ = a.Set("uri", uri)
	return a, msg
}

// jsonQuote is JSON.stringify of a string, as sax quotes names in its
// messages.
func jsonQuote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// pushChild appends v to f's ChildKey array, as xml2js does for
// explicitChildren with preserveChildrenOrder.
func (p *xmlParser) pushChild(f *xmlFrame, v goja.Value) {
	if f.children == nil {
		f.children = &xmlSlot{arr: p.rt.NewArray()}
		_ = f.obj.Set(p.o.ChildKey, f.children.arr)
	}
	_ = f.children.arr.Set(strconv.Itoa(f.children.n), v)
	f.children.n++
}

// text adds character data to the innermost element, and with
// charsAsChildren to its ordered children.
func (p *xmlParser) text(f *xmlFrame, t []byte) {
	f.text.Write(t)
	if !(p.o.ExplicitChildren && p.o.PreserveChildrenOrder && p.o.CharsAsChildren) {
		return
	}
	text := p.restore(string(t))
	if !p.o.IncludeWhiteChars && strings.TrimFunc(text, isJSSpace) == "" {
		return
	}
	child := p.rt.NewObject()
	_ = child.Set("#name", "__text__")
	if p.o.Normalize {
		text = strings.TrimFunc(reMultiSpace.ReplaceAllString(text, " "), isJSSpace)
	}
	_ = child.Set(p.o.CharKey, text)
	p.pushChild(f, child)
}

// explicitChildren regroups a closed element's value as xml2js's
// explicitChildren does: its children under ChildKey (beside its
// attributes and, unless charsAsChildren, its text), or, keeping the
// document's order, a copy of it in its parent's ordered children.
func (p *xmlParser) explicitChildren(obj *goja.Object) goja.Value {
	rt := p.rt
	if !p.o.PreserveChildrenOrder {
		node := rt.NewObject()
		if v := obj.Get(p.o.AttrKey); v != nil {
			_ = node.Set(p.o.AttrKey, v)
			_ = obj.Delete(p.o.AttrKey)
		}
		if v := obj.Get(p.o.CharKey); !p.o.CharsAsChildren && v != nil {
			_ = node.Set(p.o.CharKey, v)
			_ = obj.Delete(p.o.CharKey)
		}
		if len(obj.Keys()) > 0 {
			_ = node.Set(p.o.ChildKey, obj)
		}
		return node
	}
	if len(p.stack) == 0 {
		return obj
	}
	clone := rt.NewObject()
	for _, k := range obj.Keys() {
		_ = clone.Set(k, obj.Get(k))
	}
	p.pushChild(p.stack[len(p.stack)-1], clone)
	_ = obj.Delete("#name")
	if keys := obj.Keys(); len(keys) == 1 && keys[0] == p.o.CharKey && !p.o.ExplicitCharkey {
		return obj.Get(p.o.CharKey)
	}
	return obj
}

// close finishes the innermost element as xml2js's onclosetag does and
// returns the document's value when that element is the root.
func (p *xmlParser) close() goja.Value {
	rt := p.rt
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	obj := f.obj
	var val goja.Value = obj
	text := p.restore(f.text.String())
	emptyStr := ""
	if strings.TrimFunc(text, isJSSpace) == "" && !f.cdata {
		emptyStr = text
		_ = obj.Delete(p.o.CharKey)
	} else {
		if p.o.Trim {
			text = strings.TrimFunc(text, isJSSpace)
		}
		if p.o.Normalize {
			text = strings.TrimFunc(reMultiSpace.ReplaceAllString(text, " "), isJSSpace)
		}
		var tv goja.Value = rt.ToValue(text)
		if len(p.o.ValueProcessors) > 0 {
			tv = p.process(p.o.ValueProcessors, tv, f.name)
		}
		_ = obj.Set(p.o.CharKey, tv)
		if keys := obj.Keys(); len(keys) == 1 && keys[0] == p.o.CharKey && !p.o.ExplicitCharkey {
			val = tv
		}
	}
	if o, ok := val.(*goja.Object); ok && len(o.Keys()) == 0 {
		if p.o.EmptyTag != nil && !(goja.IsUndefined(p.o.EmptyTag)) && p.o.EmptyTag.String() != "" {
			val = p.o.EmptyTag
		} else {
			val = rt.ToValue(emptyStr)
		}
	}
	if p.o.Validator != nil {
		val = p.validate(f, val)
	}
	if o, ok := val.(*goja.Object); ok && p.o.ExplicitChildren && !p.o.MergeAttrs {
		val = p.explicitChildren(o)
	}
	if len(p.stack) > 0 {
		p.assignOrPush(p.stack[len(p.stack)-1], f.name, val)
		return nil
	}
	if p.o.ExplicitRoot {
		root := rt.NewObject()
		_ = root.Set(f.name, val)
		val = root
	}
	return val
}

// validate calls the validator option as xml2js's onclosetag does, with
// the element's path ("/root/child") and what its parent holds under its
// name (undefined at the root or for its first such child).
func (p *xmlParser) validate(f *xmlFrame, val goja.Value) goja.Value {
	var path strings.Builder
	for _, a := range p.stack {
		path.WriteString("/" + a.name)
	}
	path.WriteString("/" + f.name)
	var cur goja.Value = goja.Undefined()
	if len(p.stack) > 0 {
		if v := p.stack[len(p.stack)-1].obj.Get(f.name); v != nil {
			cur = v
		}
	}
	out, err := p.o.Validator(goja.Undefined(), p.rt.ToValue(path.String()), cur, val)
	if err != nil {
		panic(err) // XML2JS turns it into the parse error
	}
	return out
}

// assignOrPush is xml2js's: the first value under a key is stored alone
// (or in a one-element array with explicitArray), later ones make or
// extend an array.
func (p *xmlParser) assignOrPush(f *xmlFrame, key string, v goja.Value) {
	if f.slots == nil {
		f.slots = map[string]*xmlSlot{}
	}
	slot := f.slots[key]
	switch {
	case slot == nil && p.o.ExplicitArray:
		arr := p.rt.NewArray(v)
		f.slots[key] = &xmlSlot{arr: arr, n: 1}
		_ = f.obj.Set(key, arr)
	case slot == nil:
		f.slots[key] = &xmlSlot{n: 1}
		_ = f.obj.Set(key, v)
	case slot.arr == nil:
		slot.arr = p.rt.NewArray(f.obj.Get(key), v)
		slot.n = 2
		_ = f.obj.Set(key, slot.arr)
	default:
		_ = slot.arr.Set(strconv.Itoa(slot.n), v)
		slot.n++
	}
}

// xmlOptionsFrom reads xml2js options from a JS object over the defaults.
func xmlOptionsFrom(rt *goja.Runtime, v goja.Value) XMLOptions {
	o := DefaultXMLOptions()
	obj, ok := v.(*goja.Object)
	if !ok {
		return o
	}
	str := func(k string, dst *string) {
		if x := obj.Get(k); x != nil && !goja.IsUndefined(x) && !goja.IsNull(x) {
			*dst = x.String()
		}
	}
	boolean := func(k string, dst *bool) {
		if x := obj.Get(k); x != nil && !goja.IsUndefined(x) {
			*dst = x.ToBoolean()
		}
	}
	fns := func(k string) []goja.Callable {
		x := obj.Get(k)
		xo, ok := x.(*goja.Object)
		if !ok {
			return nil
		}
		var out []goja.Callable
		n := xo.Get("length").ToInteger()
		for i := int64(0); i < n; i++ {
			if f, ok := goja.AssertFunction(xo.Get(fmt.Sprint(i))); ok {
				out = append(out, f)
			}
		}
		return out
	}
	str("attrkey", &o.AttrKey)
	str("charkey", &o.CharKey)
	boolean("explicitCharkey", &o.ExplicitCharkey)
	boolean("trim", &o.Trim)
	boolean("normalize", &o.Normalize)
	boolean("normalizeTags", &o.NormalizeTags)
	boolean("explicitArray", &o.ExplicitArray)
	boolean("ignoreAttrs", &o.IgnoreAttrs)
	boolean("mergeAttrs", &o.MergeAttrs)
	boolean("explicitRoot", &o.ExplicitRoot)
	boolean("strict", &o.Strict)
	boolean("xmlns", &o.XMLNS)
	boolean("explicitChildren", &o.ExplicitChildren)
	boolean("preserveChildrenOrder", &o.PreserveChildrenOrder)
	boolean("charsAsChildren", &o.CharsAsChildren)
	boolean("includeWhiteChars", &o.IncludeWhiteChars)
	str("childkey", &o.ChildKey)
	if x := obj.Get("emptyTag"); x != nil && !goja.IsUndefined(x) {
		o.EmptyTag = x
	}
	o.TagNameProcessors = fns("tagNameProcessors")
	o.AttrNameProcessors = fns("attrNameProcessors")
	o.ValueProcessors = fns("valueProcessors")
	o.AttrValueProcessors = fns("attrValueProcessors")
	if f, ok := goja.AssertFunction(obj.Get("validator")); ok {
		o.Validator = f
	}
	return o
}

// xmlNatives is the Go half of js/xml2js.js.
func xmlNatives(st *runtimeState) *goja.Object {
	rt := st.rt
	o := rt.NewObject()
	// parse(text, options) -> [error, result] so the JS side can deliver
	// both through xml2js's callback and events.
	_ = o.Set("parse", func(call goja.FunctionCall) goja.Value {
		v, err := XML2JS(rt, call.Argument(0).String(), xmlOptionsFrom(rt, call.Argument(1)))
		if err != nil {
			var ex *goja.Exception
			if errors.As(err, &ex) {
				return rt.NewArray(ex.Value(), goja.Undefined())
			}
			e, _ := rt.New(rt.Get("Error"), rt.ToValue(err.Error()))
			return rt.NewArray(e, goja.Undefined())
		}
		return rt.NewArray(goja.Null(), v)
	})
	return o
}
