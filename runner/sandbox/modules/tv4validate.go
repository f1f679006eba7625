package modules

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/sandbox/schemadoc"
	"github.com/colrun/colrun/runner/variables"
	"github.com/dlclark/regexp2/v2"
)

// A port of tv4 1.3.0's ValidatorContext (the validator Postman's sandbox
// bundles as tv4). It is not a JSON Schema validator that happens to
// agree with tv4 on valid data: scripts read tv4.error and
// validateMultiple().errors, whose order, paths and messages follow tv4's
// walk, quirks included (an enum failure's schemaPath ends in /type, an
// anyOf's subErrors carry their /anyOf/i prefix twice when tv4 stops at the
// first error, a $ref under a root that has an id is missing, data keys
// named like Object.prototype members count as present). So each function
// below mirrors the tv4 function of the same name, in tv4's order, and
// keeps JavaScript's comparisons and property lookups where schemas hold
// odd values. Schema and data come from JSON (schemadoc), so tv4's cycle
// handling of live objects only matters for checkRecursive's memo.

// tv4Err is tv4's ValidationError. Errors are shared and prefixed in
// place, as tv4's are: the same error can sit in the context's list and
// travel up as a return value, and then gets both prefixes.
type tv4Err struct {
	code       int
	message    string
	params     []tv4Param
	dataPath   string
	schemaPath string
	subErrors  []*tv4Err // nil is null
	hasSubs    bool
}

// tv4Param is one entry of an error's params, in tv4's key order.
type tv4Param struct {
	name  string
	value any
}

// tv4Messages are tv4's default (English) messages by error code.
var tv4Messages = map[int]string{
	0:    "Invalid type: {type} (expected {expected})",
	1:    "No enum match for: {value}",
	10:   `Data does not match any schemas from "anyOf"`,
	11:   `Data does not match any schemas from "oneOf"`,
	12:   `Data is valid against more than one schema from "oneOf": indices {index1} and {index2}`,
	13:   `Data matches schema from "not"`,
	100:  "Value {value} is not a multiple of {multipleOf}",
	101:  "Value {value} is less than minimum {minimum}",
	102:  "Value {value} is equal to exclusive minimum {minimum}",
	103:  "Value {value} is greater than maximum {maximum}",
	104:  "Value {value} is equal to exclusive maximum {maximum}",
	105:  "Value {value} is not a valid number",
	200:  "String is too short ({length} chars), minimum {minimum}",
	201:  "String is too long ({length} chars), maximum {maximum}",
	202:  "String does not match pattern: {pattern}",
	300:  "Too few properties defined ({propertyCount}), minimum {minimum}",
	301:  "Too many properties defined ({propertyCount}), maximum {maximum}",
	302:  "Missing required property: {key}",
	303:  "Additional properties not allowed",
	304:  "Dependency failed - key must exist: {missing} (due to key: {key})",
	400:  "Array is too short ({length}), minimum {minimum}",
	401:  "Array is too long ({length}), maximum {maximum}",
	402:  "Array items are not unique (indices {match1} and {match2})",
	403:  "Additional items not allowed",
	500:  "Format validation failed ({message})",
	600:  "Circular $refs: {urls}",
	1000: "Unknown property (not in schema)",
}

// newTV4Err is createError: the message is filled in from params once,
// as tv4's error reporter does.
func newTV4Err(code int, params []tv4Param, dataPath, schemaPath string) *tv4Err {
	return &tv4Err{code: code, params: params, dataPath: dataPath, schemaPath: schemaPath, message: tv4Message(code, params)}
}

// tv4Message fills a template's {name}s with string and number params,
// leaving the others as written, as tv4's supplant does.
func tv4Message(code int, params []tv4Param) string {
	tpl := tv4Messages[code]
	var b strings.Builder
	for {
		open := strings.IndexByte(tpl, '{')
		if open < 0 {
			break
		}
		end := strings.IndexAny(tpl[open+1:], "{}")
		if end < 0 {
			break
		}
		end += open + 1
		if tpl[end] == '{' {
			b.WriteString(tpl[:end])
			tpl = tpl[end:]
			continue
		}
		b.WriteString(tpl[:open])
		name, whole := tpl[open+1:end], tpl[open:end+1]
		sub := whole
		for _, p := range params {
			if p.name == name {
				switch v := p.value.(type) {
				case string:
					sub = v
				case float64:
					sub = variables.FormatNumber(v)
				case int:
					sub = strconv.Itoa(v)
				}
				break
			}
		}
		b.WriteString(sub)
		tpl = tpl[end+1:]
	}
	b.WriteString(tpl)
	return b.String()
}

// escapePointer is a JSON pointer segment, as prefixWith escapes it.
func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// prefixWith is ValidationError.prefixWith; nil means no prefix.
func (e *tv4Err) prefixWith(dataPrefix, schemaPrefix *string) *tv4Err {
	if dataPrefix != nil {
		e.dataPath = "/" + escapePointer(*dataPrefix) + e.dataPath
	}
	if schemaPrefix != nil {
		e.schemaPath = "/" + escapePointer(*schemaPrefix) + e.schemaPath
	}
	for _, s := range e.subErrors {
		s.prefixWith(dataPrefix, schemaPrefix)
	}
	return e
}

// part makes a prefix for prefixWith.
func part(s string) *string { return &s }

// tv4Throw is a JavaScript exception tv4 would raise (a TypeError on a
// schema holding null where tv4 reads a property, V8's RangeError on
// endless recursion, a SyntaxError on a bad pattern); the module turns it
// back into that exception.
type tv4Throw struct {
	name, message string
	// regexp is the source and flags of a pattern the regexp engine
	// refused; the script's own RegExp words the SyntaxError.
	regexp *[2]string
}

// tv4MaxDepth stands in for V8's stack limit: tv4 recurses once per
// subschema, so a schema that reaches itself without consuming data
// ({"allOf": [{"$ref": "#"}]}) ends in a RangeError.
const tv4MaxDepth = 2000

// tv4FormatResult is what an addFormat function returned, as tv4 reads
// it: a string or number fails with that message, an object fails with
// its message, dataPath and schemaPath, anything else passes.
type tv4FormatResult struct {
	fail       bool
	message    any
	dataPath   string
	schemaPath string
}

// tv4FormatFunc calls an addFormat function with data and its schema.
type tv4FormatFunc func(data, schema any) tv4FormatResult

// tv4Global is tv4's global context: schemas added with addSchema (and the
// subschemas with ids found under them) and formats added with addFormat.
type tv4Global struct {
	schemas map[string]any
	formats map[string]tv4FormatFunc
}

// tv4Root is a root schema ready to validate with: normalised as tv4's
// normSchema does with base "", and the subschemas with an id its
// searchSchemas would register, in document order. A root never changes
// once made, so roots are shared between runtimes by schema text.
type tv4Root struct {
	doc any
	ids []tv4ID
	// throw is what tv4 throws before validating this schema, if anything.
	throw *tv4Throw
}

type tv4ID struct {
	id   string
	node any
}

// tv4Roots caches roots by schema JSON: a collection validates the same
// few schemas against every response.
var tv4Roots = struct {
	sync.Mutex
	m map[string]*tv4Root
}{m: map[string]*tv4Root{}}

// tv4RootOf parses schemaJSON into a root, or returns the cached one.
func tv4RootOf(schemaJSON string) (*tv4Root, error) {
	tv4Roots.Lock()
	r := tv4Roots.m[schemaJSON]
	tv4Roots.Unlock()
	if r != nil {
		return r, nil
	}
	doc, err := schemadoc.Parse(schemaJSON)
	if err != nil {
		return nil, err
	}
	tv4NormSchema(doc, "")
	r = &tv4Root{doc: doc}
	func() {
		defer func() {
			if p := recover(); p != nil {
				t := p.(tv4Throw)
				r.throw = &t
			}
		}()
		tv4SearchSchemas(doc, "", func(id string, node any) { r.ids = append(r.ids, tv4ID{id, node}) })
	}()
	tv4Roots.Lock()
	if len(tv4Roots.m) >= 512 {
		tv4Roots.m = map[string]*tv4Root{}
	}
	tv4Roots.m[schemaJSON] = r
	tv4Roots.Unlock()
	return r, nil
}

// addSchema is tv4.addSchema(url, schema) on the global context.
func (g *tv4Global) addSchema(url string, doc any) {
	if url == tv4DocumentURI(url)+"#" {
		url = tv4DocumentURI(url)
	}
	g.schemas[url] = doc
	tv4NormSchema(doc, url)
	tv4SearchSchemas(doc, url, func(id string, node any) {
		if _, ok := g.schemas[id]; !ok {
			g.schemas[id] = node
		}
	})
}

// tv4Options are validate's and validateMultiple's modes and arguments.
type tv4Options struct {
	multiple, checkRecursive, banUnknownProperties bool
}

// tv4Result is what validate (one error at most) or validateMultiple
// found.
type tv4Result struct {
	errors  []*tv4Err
	missing []string
}

// validate validates data against root as tv4.validate (or, with
// opts.multiple, tv4.validateMultiple) does. It panics with a tv4Throw
// where tv4 throws, and lets a format function's panic through.
func (g *tv4Global) validate(data any, root *tv4Root, opts tv4Options) tv4Result {
	if root.throw != nil {
		panic(*root.throw)
	}
	c := &tv4Ctx{g: g, collect: opts.multiple, local: map[string]any{"": root.doc}, missingSet: map[string]bool{}}
	for _, id := range root.ids {
		if _, ok := c.schema(id.id); !ok {
			c.local[id.id] = id.node
		}
	}
	if opts.checkRecursive {
		c.memo = map[tv4MemoKey][]*tv4Err{}
	}
	if opts.banUnknownProperties {
		c.track = true
		c.known, c.unknown = map[string]bool{}, newTV4PathSet()
	}
	err := c.validateAll(data, root.doc, nil, nil, "")
	if opts.banUnknownProperties && (opts.multiple || err == nil) {
		if e := c.banUnknownProperties(); !opts.multiple {
			err = e
		}
	}
	res := tv4Result{missing: c.missing}
	if opts.multiple {
		res.errors = c.errors
	} else if err != nil {
		res.errors = []*tv4Err{err}
	}
	return res
}

// tv4Ctx is one validation's ValidatorContext.
type tv4Ctx struct {
	g *tv4Global
	// local holds the root (under "") and the ids searchSchemas found in
	// it; lookups fall back to the global context, as tv4's prototype
	// chain does.
	local      map[string]any
	collect    bool
	errors     []*tv4Err
	missing    []string
	missingSet map[string]bool
	depth      int
	// memo is checkRecursive's record of the errors each (data, schema)
	// pair produced.
	memo map[tv4MemoKey][]*tv4Err
	// track is banUnknownProperties: property paths no schema mentioned.
	track   bool
	known   map[string]bool
	unknown *tv4PathSet
}

// tv4MemoKey identifies a data object and a schema object by identity,
// as checkRecursive's marks on the data do.
type tv4MemoKey struct {
	data   *schemadoc.Object
	list   *any
	schema *schemadoc.Object
}

// tv4PathSet is an object used as an ordered set: deleting and re-adding
// a path moves it to the end, as for JavaScript object keys.
type tv4PathSet struct {
	seq  map[string]int
	next int
}

func newTV4PathSet() *tv4PathSet { return &tv4PathSet{seq: map[string]int{}} }

func (s *tv4PathSet) add(p string) {
	if _, ok := s.seq[p]; !ok {
		s.seq[p] = s.next
		s.next++
	}
}

func (s *tv4PathSet) keys() []string {
	out := make([]string, 0, len(s.seq))
	for k := range s.seq {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int { return s.seq[a] - s.seq[b] })
	return out
}

func (c *tv4Ctx) schema(url string) (any, bool) {
	if v, ok := c.local[url]; ok {
		return v, true
	}
	v, ok := c.g.schemas[url]
	return v, ok
}

// handleError is returnError or collectError.
func (c *tv4Ctx) handleError(e *tv4Err) *tv4Err {
	if !c.collect {
		return e
	}
	if e != nil {
		c.errors = append(c.errors, e)
	}
	return nil
}

func (c *tv4Ctx) prefixErrors(start int, dataPrefix, schemaPrefix *string) {
	for _, e := range c.errors[start:] {
		e.prefixWith(dataPrefix, schemaPrefix)
	}
}

func (c *tv4Ctx) banUnknownProperties() *tv4Err {
	for _, p := range c.unknown.keys() {
		if r := c.handleError(newTV4Err(1000, []tv4Param{{"path", p}}, p, "")); r != nil {
			return r
		}
	}
	return nil
}

// resolveRefs follows $ref, reporting a cycle as tv4 does; a nil schema
// and no error is a $ref that resolves to nothing (listed in missing).
func (c *tv4Ctx) resolveRefs(schema any, history map[string]bool, order *[]string) (any, *tv4Err) {
	o, ok := schema.(*schemadoc.Object)
	if !ok {
		return schema, nil
	}
	ref, ok := o.Get("$ref")
	if !ok {
		return schema, nil
	}
	url, isString := ref.(string)
	if !isString {
		if ref == nil {
			panic(tv4Throw{name: "TypeError", message: "Cannot read properties of null (reading 'indexOf')"})
		}
		panic(tv4Throw{name: "TypeError", message: "url.indexOf is not a function"})
	}
	if history == nil {
		history, order = map[string]bool{}, &[]string{}
	}
	if history[url] {
		return nil, newTV4Err(600, []tv4Param{{"urls", strings.Join(*order, ", ")}}, "", "")
	}
	history[url] = true
	*order = append(*order, url)
	return c.getSchema(url, history, order)
}

// getSchema finds url among the known schemas, or records its document
// as missing.
func (c *tv4Ctx) getSchema(url string, history map[string]bool, order *[]string) (any, *tv4Err) {
	if s, ok := c.schema(url); ok {
		return c.resolveRefs(s, history, order)
	}
	base, fragment, _ := strings.Cut(url, "#")
	if s, ok := c.schema(base); ok && tv4IsObject(s) {
		pointer, err := tv4DecodeURIComponent(fragment)
		if err != nil {
			panic(tv4Throw{name: "URIError", message: "URI malformed"})
		}
		if pointer == "" {
			return c.resolveRefs(s, history, order)
		}
		if pointer[0] != '/' {
			return nil, nil
		}
		for _, comp := range strings.Split(pointer, "/")[1:] {
			comp = strings.ReplaceAll(strings.ReplaceAll(comp, "~1", "/"), "~0", "~")
			if s == nil {
				panic(tv4Throw{name: "TypeError", message: "Cannot read properties of null (reading '" + comp + "')"})
			}
			next, ok := tv4Get(s, comp)
			if !ok {
				s = tv4Undefined{}
				break
			}
			s = next
		}
		if _, undef := s.(tv4Undefined); !undef {
			return c.resolveRefs(s, history, order)
		}
	}
	if !c.missingSet[base] {
		c.missingSet[base] = true
		c.missing = append(c.missing, base)
	}
	return nil, nil
}

// tv4Undefined marks a pointer that led nowhere.
type tv4Undefined struct{}

// tv4ProtoMember stands for what a lookup finds on Object.prototype: tv4
// reads data[key] and schema.properties[key] with plain property access,
// so a key named "toString" is always "present".
type tv4ProtoMember struct{}

var objectProtoNames = map[string]bool{
	"constructor": true, "__defineGetter__": true, "__defineSetter__": true, "hasOwnProperty": true,
	"__lookupGetter__": true, "__lookupSetter__": true, "isPrototypeOf": true, "propertyIsEnumerable": true,
	"toString": true, "valueOf": true, "__proto__": true, "toLocaleString": true,
}

// tv4Get is JavaScript's v[key] on a JSON value: own properties, array
// indexes and lengths, string characters, and Object.prototype's members.
// ok is false for undefined.
func tv4Get(v any, key string) (any, bool) {
	switch x := v.(type) {
	case *schemadoc.Object:
		if val, ok := x.Vals[key]; ok {
			return val, true
		}
	case []any:
		if key == "length" {
			return float64(len(x)), true
		}
		if i, ok := tv4Index(key); ok {
			if i < len(x) {
				return x[i], true
			}
			return nil, false
		}
	case string:
		u := utf16.Encode([]rune(x))
		if key == "length" {
			return float64(len(u)), true
		}
		if i, ok := tv4Index(key); ok {
			if i < len(u) {
				return string(utf16.Decode(u[i : i+1])), true
			}
			return nil, false
		}
	}
	if objectProtoNames[key] && v != nil {
		return tv4ProtoMember{}, true
	}
	return nil, false
}

// tv4Index reads a canonical array index.
func tv4Index(key string) (int, bool) {
	if key == "" || len(key) > 1 && key[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(key)
	return n, err == nil && n >= 0
}

// tv4Keys are the keys for-in visits on v, in order.
func tv4Keys(v any) []string {
	switch x := v.(type) {
	case *schemadoc.Object:
		return x.Keys
	case []any:
		return tv4IndexKeys(len(x))
	case string:
		return tv4IndexKeys(len(utf16.Encode([]rune(x))))
	}
	return nil
}

func tv4IndexKeys(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i)
	}
	return out
}

// tv4Elems is what a loop over v.length with v[i] visits: an array's
// items, a string's characters; nothing for other values. null is a
// TypeError.
func tv4Elems(v any) []any {
	switch x := v.(type) {
	case nil:
		panic(tv4Throw{name: "TypeError", message: "Cannot read properties of null (reading 'length')"})
	case []any:
		return x
	case string:
		u := utf16.Encode([]rune(x))
		out := make([]any, len(u))
		for i := range u {
			out[i] = string(utf16.Decode(u[i : i+1]))
		}
		return out
	}
	return nil
}

func tv4IsObject(v any) bool {
	switch v.(type) {
	case *schemadoc.Object, []any:
		return true
	}
	return false
}

// tv4Truthy is JavaScript's truthiness of a JSON value.
func tv4Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	case tv4Undefined:
		return false
	}
	return true
}

// tv4ToString is JavaScript's String(v) for a JSON value.
func tv4ToString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return variables.FormatNumber(x)
	case int:
		return strconv.Itoa(x)
	case string:
		return x
	case []any:
		return tv4Join(x, ",")
	case tv4ProtoMember:
		return "function () { [native code] }"
	}
	return "[object Object]"
}

// tv4Join is Array.prototype.join: null items are empty.
func tv4Join(list []any, sep string) string {
	parts := make([]string, len(list))
	for i, v := range list {
		if v != nil {
			parts[i] = tv4ToString(v)
		}
	}
	return strings.Join(parts, sep)
}

// tv4ToNumber is JavaScript's Number(v), as relational operators convert
// a schema's limits.
func tv4ToNumber(v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1
		}
		return 0
	case float64:
		return x
	case int:
		return float64(x)
	case string:
		return collections.ToNumber(x)
	case []any:
		return collections.ToNumber(tv4Join(x, ","))
	}
	return math.NaN()
}

// tv4Less is JavaScript's a < b for a number and a schema value.
func tv4Less(a float64, b any) bool { return a < tv4ToNumber(b) }

// tv4Greater is JavaScript's a > b for a number and a schema value.
func tv4Greater(a float64, b any) bool { return a > tv4ToNumber(b) }

// tv4StrictEqual is a === b for a number and a schema value.
func tv4StrictEqual(a float64, b any) bool {
	f, ok := b.(float64)
	return ok && a == f
}

// recursiveCompare is tv4's deep equality.
func recursiveCompare(a, b any) bool {
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !recursiveCompare(x[i], y[i]) {
				return false
			}
		}
		return true
	case *schemadoc.Object:
		y, ok := b.(*schemadoc.Object)
		if !ok {
			return false
		}
		for _, k := range x.Keys {
			if _, ok := y.Vals[k]; !ok {
				return false
			}
		}
		for _, k := range y.Keys {
			if _, ok := x.Vals[k]; !ok {
				return false
			}
		}
		for _, k := range x.Keys {
			if !recursiveCompare(x.Vals[k], y.Vals[k]) {
				return false
			}
		}
		return true
	}
	switch b.(type) {
	case []any, *schemadoc.Object:
		return false
	}
	return a == b
}

// validateAll validates data against schema; dataParts and schemaParts
// are the path steps from the caller to here, prefixed onto the errors
// on the way out.
func (c *tv4Ctx) validateAll(data, schema any, dataParts, schemaParts []string, pointer string) *tv4Err {
	if schema == nil {
		panic(tv4Throw{name: "TypeError", message: "Cannot read properties of null (reading '$ref')"})
	}
	schema, cerr := c.resolveRefs(schema, nil, nil)
	if cerr != nil {
		c.errors = append(c.errors, cerr)
		return cerr
	}
	o, ok := schema.(*schemadoc.Object)
	if !ok {
		// Anything but an object has none of the keywords: valid.
		return nil
	}
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > tv4MaxDepth {
		panic(tv4Throw{name: "RangeError", message: "Maximum call stack size exceeded"})
	}

	start := len(c.errors)
	var memo *tv4MemoKey
	if c.memo != nil {
		key := tv4MemoKey{schema: o}
		switch d := data.(type) {
		case *schemadoc.Object:
			key.data = d
		case []any:
			if len(d) > 0 {
				key.list = &d[0]
			}
		}
		if key.data != nil || key.list != nil {
			if errs, seen := c.memo[key]; seen {
				c.errors = append(c.errors[:len(c.errors):len(c.errors)], errs...)
				return nil
			}
			c.memo[key] = nil
			memo = &key
		}
	}

	errorCount := len(c.errors)
	err := c.validateBasic(data, o)
	if err == nil {
		err = c.validateNumeric(data, o)
	}
	if err == nil {
		err = c.validateString(data, o)
	}
	if err == nil {
		err = c.validateArray(data, o, pointer)
	}
	if err == nil {
		err = c.validateObject(data, o, pointer)
	}
	if err == nil {
		err = c.validateCombinations(data, o, pointer)
	}
	if err == nil {
		err = c.validateHypermedia(data, o, pointer)
	}
	if err == nil {
		err = c.validateFormat(data, o)
	}

	if err != nil || errorCount != len(c.errors) {
		for len(dataParts) > 0 || len(schemaParts) > 0 {
			var d, s *string
			if n := len(dataParts); n > 0 {
				d, dataParts = &dataParts[n-1], dataParts[:n-1]
			}
			if n := len(schemaParts); n > 0 {
				s, schemaParts = &schemaParts[n-1], schemaParts[:n-1]
			}
			if err != nil {
				err.prefixWith(d, s)
			}
			c.prefixErrors(errorCount, d, s)
		}
	}
	if memo != nil {
		c.memo[*memo] = append([]*tv4Err(nil), c.errors[start:]...)
	}
	return c.handleError(err)
}

func (c *tv4Ctx) validateBasic(data any, schema *schemadoc.Object) *tv4Err {
	if e := c.validateType(data, schema); e != nil {
		return e.prefixWith(nil, part("type"))
	}
	if e := c.validateEnum(data, schema); e != nil {
		return e.prefixWith(nil, part("type"))
	}
	return nil
}

// tv4TypeOf is tv4's data type: typeof, with null and array told apart.
func tv4TypeOf(data any) string {
	switch data.(type) {
	case nil:
		return "null"
	case []any:
		return "array"
	case *schemadoc.Object:
		return "object"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	}
	return "undefined"
}

func (c *tv4Ctx) validateType(data any, schema *schemadoc.Object) *tv4Err {
	t, ok := schema.Get("type")
	if !ok {
		return nil
	}
	dataType := tv4TypeOf(data)
	allowed, isList := t.([]any)
	if !isList {
		allowed = []any{t}
	}
	for _, a := range allowed {
		if a == dataType {
			return nil
		}
		if f, isNum := data.(float64); isNum && a == "integer" && math.Mod(f, 1) == 0 {
			return nil
		}
	}
	return newTV4Err(0, []tv4Param{{"type", dataType}, {"expected", tv4Join(allowed, "/")}}, "", "")
}

func (c *tv4Ctx) validateEnum(data any, schema *schemadoc.Object) *tv4Err {
	enum, ok := schema.Get("enum")
	if !ok {
		return nil
	}
	for _, v := range tv4Elems(enum) {
		if recursiveCompare(data, v) {
			return nil
		}
	}
	return newTV4Err(1, []tv4Param{{"value", tv4Stringify(data)}}, "", "")
}

func (c *tv4Ctx) validateNumeric(data any, schema *schemadoc.Object) *tv4Err {
	if e := c.validateMultipleOf(data, schema); e != nil {
		return e
	}
	if e := c.validateMinMax(data, schema); e != nil {
		return e
	}
	return c.validateNaN(data)
}

// tv4CloseEnough bounds the remainders tv4 takes for rounding noise.
var tv4CloseEnough = math.Pow(2, -51)

func (c *tv4Ctx) validateMultipleOf(data any, schema *schemadoc.Object) *tv4Err {
	m, ok := schema.Get("multipleOf")
	if !ok || !tv4Truthy(m) {
		m, ok = schema.Get("divisibleBy")
	}
	if !ok {
		return nil
	}
	if f, isNum := data.(float64); isNum {
		r := math.Mod(f/tv4ToNumber(m), 1)
		if r >= tv4CloseEnough && r < 1-tv4CloseEnough {
			return newTV4Err(100, []tv4Param{{"value", f}, {"multipleOf", m}}, "", "")
		}
	}
	return nil
}

func (c *tv4Ctx) validateMinMax(data any, schema *schemadoc.Object) *tv4Err {
	f, isNum := data.(float64)
	if !isNum {
		return nil
	}
	if min, ok := schema.Get("minimum"); ok {
		if tv4Less(f, min) {
			return newTV4Err(101, []tv4Param{{"value", f}, {"minimum", min}}, "", "/minimum")
		}
		if ex, _ := schema.Get("exclusiveMinimum"); tv4Truthy(ex) && tv4StrictEqual(f, min) {
			return newTV4Err(102, []tv4Param{{"value", f}, {"minimum", min}}, "", "/exclusiveMinimum")
		}
	}
	if max, ok := schema.Get("maximum"); ok {
		if tv4Greater(f, max) {
			return newTV4Err(103, []tv4Param{{"value", f}, {"maximum", max}}, "", "/maximum")
		}
		if ex, _ := schema.Get("exclusiveMaximum"); tv4Truthy(ex) && tv4StrictEqual(f, max) {
			return newTV4Err(104, []tv4Param{{"value", f}, {"maximum", max}}, "", "/exclusiveMaximum")
		}
	}
	return nil
}

func (c *tv4Ctx) validateNaN(data any) *tv4Err {
	if f, isNum := data.(float64); isNum && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return newTV4Err(105, []tv4Param{{"value", f}}, "", "/type")
	}
	return nil
}

func (c *tv4Ctx) validateString(data any, schema *schemadoc.Object) *tv4Err {
	s, isString := data.(string)
	if !isString {
		return nil
	}
	n := float64(utf16Len(s))
	if min, ok := schema.Get("minLength"); ok && tv4Less(n, min) {
		return newTV4Err(200, []tv4Param{{"length", n}, {"minimum", min}}, "", "/minLength")
	}
	if max, ok := schema.Get("maxLength"); ok && tv4Greater(n, max) {
		return newTV4Err(201, []tv4Param{{"length", n}, {"maximum", max}}, "", "/maxLength")
	}
	pattern, ok := schema.String("pattern")
	if !ok {
		return nil
	}
	body, flags := pattern, ""
	if m := tv4Literal.FindStringSubmatch(pattern); m != nil {
		body, flags = m[1], m[2]
	}
	if !tv4Regexp(body, flags).test(s) {
		return newTV4Err(202, []tv4Param{{"pattern", pattern}}, "", "/pattern")
	}
	return nil
}

// utf16Len is a string's JavaScript length.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

func (c *tv4Ctx) validateArray(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	list, isList := data.([]any)
	if !isList {
		return nil
	}
	if e := c.validateArrayLength(list, schema); e != nil {
		return e
	}
	if e := c.validateArrayUniqueItems(list, schema); e != nil {
		return e
	}
	return c.validateArrayItems(list, schema, pointer)
}

func (c *tv4Ctx) validateArrayLength(data []any, schema *schemadoc.Object) *tv4Err {
	return c.validateCount(float64(len(data)), schema, "minItems", "maxItems", "length", 400)
}

// validateCount checks a count against a pair of min/max keywords, which
// tv4 reports both of when it collects errors; the max code is minCode+1.
func (c *tv4Ctx) validateCount(n float64, schema *schemadoc.Object, minKw, maxKw, param string, minCode int) *tv4Err {
	if min, ok := schema.Get(minKw); ok && tv4Less(n, min) {
		if e := newTV4Err(minCode, []tv4Param{{param, n}, {"minimum", min}}, "", "/"+minKw); c.handleError(e) != nil {
			return e
		}
	}
	if max, ok := schema.Get(maxKw); ok && tv4Greater(n, max) {
		if e := newTV4Err(minCode+1, []tv4Param{{param, n}, {"maximum", max}}, "", "/"+maxKw); c.handleError(e) != nil {
			return e
		}
	}
	return nil
}

func (c *tv4Ctx) validateArrayUniqueItems(data []any, schema *schemadoc.Object) *tv4Err {
	if u, _ := schema.Get("uniqueItems"); !tv4Truthy(u) {
		return nil
	}
	for i := range data {
		for j := i + 1; j < len(data); j++ {
			if recursiveCompare(data[i], data[j]) {
				if e := newTV4Err(402, []tv4Param{{"match1", i}, {"match2", j}}, "", "/uniqueItems"); c.handleError(e) != nil {
					return e
				}
			}
		}
	}
	return nil
}

func (c *tv4Ctx) validateArrayItems(data []any, schema *schemadoc.Object, pointer string) *tv4Err {
	items, ok := schema.Get("items")
	if !ok {
		return nil
	}
	tuple, isTuple := items.([]any)
	for i, item := range data {
		idx := strconv.Itoa(i)
		if !isTuple {
			if e := c.validateAll(item, items, []string{idx}, []string{"items"}, pointer+"/"+idx); e != nil {
				return e
			}
			continue
		}
		if i < len(tuple) {
			if e := c.validateAll(item, tuple[i], []string{idx}, []string{"items", idx}, pointer+"/"+idx); e != nil {
				return e
			}
			continue
		}
		more, ok := schema.Get("additionalItems")
		if !ok {
			continue
		}
		if b, isBool := more.(bool); isBool {
			if !b {
				if e := newTV4Err(403, nil, "/"+idx, "/additionalItems"); c.handleError(e) != nil {
					return e
				}
			}
		} else if e := c.validateAll(item, more, []string{idx}, []string{"additionalItems"}, pointer+"/"+idx); e != nil {
			return e
		}
	}
	return nil
}

func (c *tv4Ctx) validateObject(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	obj, isObj := data.(*schemadoc.Object)
	if !isObj {
		return nil
	}
	if e := c.validateObjectMinMaxProperties(obj, schema); e != nil {
		return e
	}
	if e := c.validateObjectRequiredProperties(obj, schema); e != nil {
		return e
	}
	if e := c.validateObjectProperties(obj, schema, pointer); e != nil {
		return e
	}
	return c.validateObjectDependencies(obj, schema, pointer)
}

func (c *tv4Ctx) validateObjectMinMaxProperties(data *schemadoc.Object, schema *schemadoc.Object) *tv4Err {
	return c.validateCount(float64(len(data.Keys)), schema, "minProperties", "maxProperties", "propertyCount", 300)
}

func (c *tv4Ctx) validateObjectRequiredProperties(data *schemadoc.Object, schema *schemadoc.Object) *tv4Err {
	req, ok := schema.Get("required")
	if !ok {
		return nil
	}
	for i, key := range tv4Elems(req) {
		if _, present := tv4Get(data, tv4ToString(key)); !present {
			if e := newTV4Err(302, []tv4Param{{"key", key}}, "", "/required/"+strconv.Itoa(i)); c.handleError(e) != nil {
				return e
			}
		}
	}
	return nil
}

// markKnown records that a schema spoke for the property at path.
func (c *tv4Ctx) markKnown(path string) {
	c.known[path] = true
	delete(c.unknown.seq, path)
}

func (c *tv4Ctx) validateObjectProperties(data *schemadoc.Object, schema *schemadoc.Object, pointer string) *tv4Err {
	props, hasProps := schema.Get("properties")
	patterns, hasPatterns := schema.Get("patternProperties")
	more, hasMore := schema.Get("additionalProperties")
	for _, key := range data.Keys {
		value := data.Vals[key]
		keyPointer := pointer + "/" + escapePointer(key)
		found := false
		if hasProps {
			if props == nil {
				panic(tv4Throw{name: "TypeError", message: "Cannot read properties of null (reading '" + key + "')"})
			}
			if sub, ok := tv4Get(props, key); ok {
				found = true
				if e := c.validateAll(value, sub, []string{key}, []string{"properties", key}, keyPointer); e != nil {
					return e
				}
			}
		}
		if hasPatterns {
			for _, pk := range tv4Keys(patterns) {
				if tv4Regexp(pk, "").test(key) {
					found = true
					sub, _ := tv4Get(patterns, pk)
					if e := c.validateAll(value, sub, []string{key}, []string{"patternProperties", pk}, keyPointer); e != nil {
						return e
					}
				}
			}
		}
		switch {
		case found:
			if c.track {
				c.markKnown(keyPointer)
			}
		case hasMore:
			if c.track {
				c.markKnown(keyPointer)
			}
			if b, isBool := more.(bool); isBool {
				if !b {
					e := newTV4Err(303, []tv4Param{{"key", key}}, "", "/additionalProperties").prefixWith(part(key), nil)
					if c.handleError(e) != nil {
						return e
					}
				}
			} else if e := c.validateAll(value, more, []string{key}, []string{"additionalProperties"}, keyPointer); e != nil {
				return e
			}
		case c.track && !c.known[keyPointer]:
			c.unknown.add(keyPointer)
		}
	}
	return nil
}

func (c *tv4Ctx) validateObjectDependencies(data *schemadoc.Object, schema *schemadoc.Object, pointer string) *tv4Err {
	deps, ok := schema.Get("dependencies")
	if !ok {
		return nil
	}
	for _, depKey := range tv4Keys(deps) {
		if _, present := tv4Get(data, depKey); !present {
			continue
		}
		dep, _ := tv4Get(deps, depKey)
		switch d := dep.(type) {
		case string:
			if _, present := tv4Get(data, d); !present {
				e := newTV4Err(304, []tv4Param{{"key", depKey}, {"missing", d}}, "", "").prefixWith(nil, part(depKey)).prefixWith(nil, part("dependencies"))
				if c.handleError(e) != nil {
					return e
				}
			}
		case []any:
			for i, req := range d {
				if _, present := tv4Get(data, tv4ToString(req)); !present {
					e := newTV4Err(304, []tv4Param{{"key", depKey}, {"missing", req}}, "", "/"+strconv.Itoa(i)).prefixWith(nil, part(depKey)).prefixWith(nil, part("dependencies"))
					if c.handleError(e) != nil {
						return e
					}
				}
			}
		default:
			if e := c.validateAll(data, dep, []string{}, []string{"dependencies", depKey}, pointer); e != nil {
				return e
			}
		}
	}
	return nil
}

func (c *tv4Ctx) validateCombinations(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	if e := c.validateAllOf(data, schema, pointer); e != nil {
		return e
	}
	if e := c.validateAnyOf(data, schema, pointer); e != nil {
		return e
	}
	if e := c.validateOneOf(data, schema, pointer); e != nil {
		return e
	}
	return c.validateNot(data, schema, pointer)
}

func (c *tv4Ctx) validateAllOf(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	all, ok := schema.Get("allOf")
	if !ok {
		return nil
	}
	for i, sub := range tv4Elems(all) {
		if e := c.validateAll(data, sub, []string{}, []string{"allOf", strconv.Itoa(i)}, pointer); e != nil {
			return e
		}
	}
	return nil
}

// saveTracking returns the outer known/unknown sets, which a branch of
// anyOf, oneOf or not replaces with its own while it runs.
func (c *tv4Ctx) saveTracking() (map[string]bool, *tv4PathSet) {
	return c.known, c.unknown
}

// mergeTracking carries a passing branch's property paths to the outer
// sets, as tv4 does for anyOf and oneOf.
func (c *tv4Ctx) mergeTracking(known map[string]bool, unknown *tv4PathSet) {
	for k := range c.known {
		known[k] = true
		delete(unknown.seq, k)
	}
	for _, k := range c.unknown.keys() {
		if !known[k] {
			unknown.add(k)
		}
	}
}

// cut returns a copy of errs[:n], as slice(0, n) gives a new array.
func cut(errs []*tv4Err, n int) []*tv4Err {
	return append([]*tv4Err(nil), errs[:n]...)
}

func (c *tv4Ctx) validateAnyOf(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	anyOf, ok := schema.Get("anyOf")
	if !ok {
		return nil
	}
	var errs []*tv4Err
	start := len(c.errors)
	var oldKnown map[string]bool
	var oldUnknown *tv4PathSet
	if c.track {
		oldKnown, oldUnknown = c.saveTracking()
	}
	errorAtEnd := true
	for i, sub := range tv4Elems(anyOf) {
		if c.track {
			c.known, c.unknown = map[string]bool{}, newTV4PathSet()
		}
		count := len(c.errors)
		idx := strconv.Itoa(i)
		e := c.validateAll(data, sub, []string{}, []string{"anyOf", idx}, pointer)
		if e == nil && count == len(c.errors) {
			c.errors = cut(c.errors, start)
			if c.track {
				c.mergeTracking(oldKnown, oldUnknown)
				errorAtEnd = false
				continue
			}
			return nil
		}
		if e != nil {
			errs = append(errs, e.prefixWith(nil, part(idx)).prefixWith(nil, part("anyOf")))
		}
	}
	if c.track {
		c.known, c.unknown = oldKnown, oldUnknown
	}
	if !errorAtEnd {
		return nil
	}
	errs = append(errs, c.errors[start:]...)
	c.errors = cut(c.errors, start)
	e := newTV4Err(10, nil, "", "/anyOf")
	e.subErrors, e.hasSubs = errs, true
	return e
}

func (c *tv4Ctx) validateOneOf(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	oneOf, ok := schema.Get("oneOf")
	if !ok {
		return nil
	}
	valid := -1
	var errs []*tv4Err
	start := len(c.errors)
	var oldKnown map[string]bool
	var oldUnknown *tv4PathSet
	if c.track {
		oldKnown, oldUnknown = c.saveTracking()
	}
	for i, sub := range tv4Elems(oneOf) {
		if c.track {
			c.known, c.unknown = map[string]bool{}, newTV4PathSet()
		}
		count := len(c.errors)
		e := c.validateAll(data, sub, []string{}, []string{"oneOf", strconv.Itoa(i)}, pointer)
		if e == nil && count == len(c.errors) {
			if valid >= 0 {
				c.errors = cut(c.errors, start)
				return newTV4Err(12, []tv4Param{{"index1", valid}, {"index2", i}}, "", "/oneOf")
			}
			valid = i
			if c.track {
				c.mergeTracking(oldKnown, oldUnknown)
			}
		} else if e != nil {
			errs = append(errs, e)
		}
	}
	if c.track {
		c.known, c.unknown = oldKnown, oldUnknown
	}
	if valid < 0 {
		errs = append(errs, c.errors[start:]...)
		c.errors = cut(c.errors, start)
		e := newTV4Err(11, nil, "", "/oneOf")
		e.subErrors, e.hasSubs = errs, true
		return e
	}
	c.errors = cut(c.errors, start)
	return nil
}

func (c *tv4Ctx) validateNot(data any, schema *schemadoc.Object, pointer string) *tv4Err {
	not, ok := schema.Get("not")
	if !ok {
		return nil
	}
	oldCount := len(c.errors)
	var oldKnown map[string]bool
	var oldUnknown *tv4PathSet
	if c.track {
		oldKnown, oldUnknown = c.saveTracking()
		c.known, c.unknown = map[string]bool{}, newTV4PathSet()
	}
	e := c.validateAll(data, not, nil, nil, pointer)
	notErrors := len(c.errors) - oldCount
	c.errors = cut(c.errors, oldCount)
	if c.track {
		c.known, c.unknown = oldKnown, oldUnknown
	}
	if e == nil && notErrors == 0 {
		return newTV4Err(13, nil, "", "/not")
	}
	return nil
}

func (c *tv4Ctx) validateFormat(data any, schema *schemadoc.Object) *tv4Err {
	name, ok := schema.String("format")
	if !ok {
		return nil
	}
	fn := c.g.formats[name]
	if fn == nil {
		return nil
	}
	r := fn(data, schema)
	if !r.fail {
		return nil
	}
	return newTV4Err(500, []tv4Param{{"message", r.message}}, r.dataPath, r.schemaPath)
}

// tv4Literal is a pattern written as a regular expression literal.
var tv4Literal = regexp.MustCompile(`^/(.+)/([img]*)$`)

// tv4Pattern is a compiled JavaScript regular expression.
type tv4Pattern struct{ re *regexp2.Regexp }

func (p tv4Pattern) test(s string) bool {
	ok, err := p.re.MatchString(s)
	return ok && err == nil
}

// tv4Patterns caches compiled patterns by flags and source.
var tv4Patterns sync.Map

// tv4Regexp is new RegExp(body, flags); a pattern JavaScript rejects is
// its SyntaxError.
func tv4Regexp(body, flags string) tv4Pattern {
	key := flags + "/" + body
	if p, ok := tv4Patterns.Load(key); ok {
		return p.(tv4Pattern)
	}
	opts := regexp2.ECMAScript
	if strings.Contains(flags, "i") {
		opts |= regexp2.IgnoreCase
	}
	if strings.Contains(flags, "m") {
		opts |= regexp2.Multiline
	}
	re, err := regexp2.Compile(body, opts)
	if err != nil {
		panic(tv4Throw{name: "SyntaxError", message: "Invalid regular expression: /" + body + "/" + flags + ": " + err.Error(), regexp: &[2]string{body, flags}})
	}
	p := tv4Pattern{re}
	tv4Patterns.Store(key, p)
	return p
}
