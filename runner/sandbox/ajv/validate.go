package ajv

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
	"github.com/colrun/colrun/runner/variables"
)

// run is one validation: the errors so far and the options in force.
type run struct {
	in        *Instance
	allErrors bool
	// quick runs only ask whether data is valid: they stop at the first
	// error and build no paths, which is most of a walk's cost.
	quick bool
	errs  []Error
	depth int
}

// item is the dataPath of array item i.
func (r *run) item(dataPath string, i int) string {
	if r.quick {
		return ""
	}
	if r.in.opts.JSONPointers {
		return dataPath + "/" + strconv.Itoa(i)
	}
	return dataPath + "[" + strconv.Itoa(i) + "]"
}

// key is the dataPath of a property found by iterating the data.
func (r *run) key(dataPath, k string) string {
	if r.quick {
		return ""
	}
	if r.in.opts.JSONPointers {
		return dataPath + "/" + pointerEscaper.Replace(k)
	}
	return dataPath + "['" + k + "']"
}

// pointerEscaper escapes a JSON pointer step.
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// prop is the dataPath of a property named in the schema.
func (r *run) prop(dataPath, k string) string {
	if r.quick {
		return ""
	}
	if r.in.opts.JSONPointers {
		return dataPath + "/" + pointerEscaper.Replace(k)
	}
	return dataPath + propertyPath(k)
}

// sub is the schemaPath of a subschema: step, then i unless it is -1.
func (r *run) sub(schemaPath, step string, i int) string {
	if r.quick {
		return ""
	}
	if i < 0 {
		return schemaPath + step
	}
	return schemaPath + step + strconv.Itoa(i)
}

// named is the schemaPath of a subschema under a property name.
func (r *run) named(schemaPath, step, name string) string {
	if r.quick {
		return ""
	}
	return schemaPath + step + escapeFragment(name)
}

// refusal carries an exception ajv throws while validating out of the
// walk, which recoverRefusal turns back into an error.
type refusal struct{ err error }

// recoverRefusal ends a walk that panicked with a refusal, setting *err.
// Other panics (a script's exception from a format function) go on up.
func (r *run) recoverRefusal(err *error) {
	if p := recover(); p != nil {
		ref, ok := p.(refusal)
		if !ok {
			panic(p)
		}
		*err = ref.err
	}
}

// target resolves a $ref met during validation. Resolution parses URIs
// and inlining walks the target, so both are cached: a schema's $refs
// are met again for every item of every response.
func (in *Instance) target(d *document, base, ref string) refTarget {
	key := refKey{d, base, ref}
	if t, ok := in.refs.Load(key); ok {
		return t.(refTarget)
	}
	e, ok := in.resolve(d, base, ref)
	if !ok {
		panic(refusal{fmt.Errorf("can't resolve reference %s", ref)})
	}
	t := refTarget{entry: e, inline: !hasRef(e.node)}
	in.refs.Store(key, t)
	return t
}

// parseInt is JavaScript's parseInt(d) for a quotient, as ajv's
// multipleOf compares with it: the integer that starts d's string form,
// so 1e21 gives 1 and Infinity gives NaN.
func parseInt(d float64) float64 {
	if a := math.Abs(d); a >= 1e-6 && a < 1e21 || d == 0 {
		return math.Trunc(d)
	}
	s := variables.FormatNumber(d)
	end := 0
	if strings.HasPrefix(s, "-") {
		end = 1
	}
	start := end
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == start {
		return math.NaN()
	}
	n, _ := strconv.ParseFloat(s[:end], 64)
	return n
}

// subschemaKeys are the keywords holding subschemas, in the order ajv
// compiles them (its rule groups), so compile-time errors name the first
// problem ajv would meet.
var subschemaKeys = []string{"items", "additionalItems", "contains", "dependencies", "propertyNames",
	"properties", "additionalProperties", "patternProperties", "not", "anyOf", "oneOf", "allOf", "if", "then", "else"}

// subschemas calls fn for each direct subschema of o with its schema path
// step; withDefinitions includes definitions, which ajv compiles only when
// a $ref reaches them.
func subschemas(o *schemadoc.Object, withDefinitions bool, fn func(node any, step string)) {
	keys := subschemaKeys
	if withDefinitions {
		keys = append([]string{"definitions"}, keys...)
	}
	for _, kw := range keys {
		v, ok := o.Get(kw)
		if !ok {
			continue
		}
		switch v := v.(type) {
		case []any:
			if kw == "items" || kw == "allOf" || kw == "anyOf" || kw == "oneOf" {
				for i, s := range v {
					fn(s, "/"+kw+"/"+strconv.Itoa(i))
				}
			}
		case *schemadoc.Object:
			switch kw {
			case "properties", "patternProperties", "dependencies", "definitions":
				for _, k := range v.Keys {
					fn(v.Vals[k], "/"+kw+"/"+escapeFragment(k))
				}
			default:
				fn(v, "/"+kw)
			}
		case bool:
			if kw != "dependencies" && kw != "properties" && kw != "patternProperties" && kw != "definitions" {
				fn(v, "/"+kw)
			}
		}
	}
}

// index records the subschemas of node that carry an $id.
func (in *Instance) index(node any, d *document, base string) {
	o, ok := node.(*schemadoc.Object)
	if !ok {
		return
	}
	if id, ok := o.String("$id"); ok && id != "" {
		base = schemadoc.ResolveURI(base, id)
		in.ids[strings.TrimSuffix(base, "#")] = idEntry{node: o, root: d, base: base}
	}
	subschemas(o, true, func(n any, _ string) { in.index(n, d, base) })
}

// resolve finds what ref, met under base in document d, points to.
func (in *Instance) resolve(d *document, base, ref string) (idEntry, bool) {
	target := schemadoc.ResolveURI(base, ref)
	if e, ok := in.ids[target]; ok && strings.Contains(target, "#") {
		return e, true
	}
	doc, fragment, _ := strings.Cut(target, "#")
	var start idEntry
	switch {
	case doc == "" || doc == d.base:
		start = idEntry{node: d.doc, root: d, base: d.base}
	case in.byKey[doc] != nil:
		r := in.byKey[doc]
		start = idEntry{node: r.doc, root: r, base: r.base}
	default:
		e, ok := in.ids[doc]
		if !ok {
			return idEntry{}, false
		}
		start = e
	}
	if fragment == "" {
		return start, true
	}
	if !strings.HasPrefix(fragment, "/") {
		e, ok := in.ids[doc+"#"+fragment]
		return e, ok
	}
	node := start.node
	for _, tok := range strings.Split(fragment[1:], "/") {
		tok, _ = url.PathUnescape(tok)
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n := node.(type) {
		case *schemadoc.Object:
			v, ok := n.Get(tok)
			if !ok {
				return idEntry{}, false
			}
			node = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return idEntry{}, false
			}
			node = n[i]
		default:
			return idEntry{}, false
		}
	}
	return idEntry{node: node, root: start.root, base: start.base}, true
}

// hasRef reports whether a $ref appears anywhere in node: ajv inlines a
// referenced schema only when it has none, and errors inside an inlined
// schema carry the $ref in their schemaPath, not "#".
func hasRef(node any) bool {
	switch n := node.(type) {
	case *schemadoc.Object:
		if _, ok := n.Get("$ref"); ok {
			return true
		}
		for _, k := range n.Keys {
			if hasRef(n.Vals[k]) {
				return true
			}
		}
	case []any:
		for _, e := range n {
			if hasRef(e) {
				return true
			}
		}
	}
	return false
}

// compileChecks refuses what ajv refuses when it compiles: an unknown
// $schema, a schema the meta-schema rejects, an unknown format and an
// unresolvable $ref.
func (in *Instance) compileChecks(d *document) error {
	if o, ok := d.doc.(*schemadoc.Object); ok {
		if s, ok := o.String("$schema"); ok {
			id := strings.TrimSuffix(s, "#")
			if in.metas[id] {
				return in.walkChecks(d)
			}
			if id != metaID && id != "http://json-schema.org/schema" {
				return fmt.Errorf("no schema with key or ref %q", s)
			}
		}
	}
	errs, err := in.ValidateSchema(d.doc)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return errors.New("schema is invalid: " + ErrorsText(errs))
	}
	return in.walkChecks(d)
}

// walkChecks finds the first unknown format or unresolvable $ref.
func (in *Instance) walkChecks(d *document) error {
	var found error
	seen := map[*schemadoc.Object]bool{}
	var walk func(node any, base, path string)
	walk = func(node any, base, path string) {
		o, ok := node.(*schemadoc.Object)
		if !ok || found != nil || seen[o] {
			return
		}
		seen[o] = true
		if id, ok := o.String("$id"); ok && id != "" {
			base = schemadoc.ResolveURI(base, id)
		}
		if ref, ok := o.String("$ref"); ok {
			e, ok := in.resolve(d, base, ref)
			if !ok {
				scope := base
				if scope == "" || scope == d.base {
					scope += "#"
				}
				found = fmt.Errorf("can't resolve reference %s from id %s", ref, scope)
				return
			}
			if e.root == d {
				// ajv names a problem met through a $ref by where the
				// target sits, not by where the $ref does.
				_, fragment, _ := strings.Cut(ref, "#")
				walk(e.node, e.base, fragment)
			}
			return
		}
		if f, ok := o.String("format"); ok && in.opts.Format != FormatOff && !in.opts.IgnoreUnknownFormats && !in.opts.AllowedUnknownFormats[f] &&
			!formatNames[f] && in.formats[f] == nil {
			found = fmt.Errorf("unknown format %q is used in schema at path %q", f, "#"+path)
			return
		}
		subschemas(o, false, func(n any, step string) { walk(n, base, path+step) })
	}
	walk(d.doc, d.base, "")
	return found
}

// escapeFragment is how ajv writes a property name into a schemaPath: a
// JSON pointer token, URI-encoded as encodeURIComponent does.
func escapeFragment(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// identifier is a property name ajv writes as `.name` in a dataPath.
var identifier = regexp.MustCompile(`^[a-zA-Z$_][a-zA-Z$_0-9]*$`)

// propertyPath is a dataPath step for a property named in the schema.
func propertyPath(k string) string {
	if identifier.MatchString(k) {
		return "." + k
	}
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\f", `\f`, "\t", `\t`)
	return "['" + r.Replace(k) + "']"
}

// patternMatch tests s against a schema pattern, a JavaScript regular
// expression without flags as ajv 6 builds it.
func patternMatch(pattern, s string) bool {
	re, err := compileJSRegexp(pattern)
	if err != nil {
		return false
	}
	ok, err := re.MatchString(s)
	return err == nil && ok
}

// jsType names a decoded JSON value as ajv's type keyword does.
func jsType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if v == math.Trunc(v) {
			return "integer"
		}
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// isType reports whether v is of JSON Schema type t.
func isType(t string, v any) bool {
	got := jsType(v)
	return got == t || t == "number" && got == "integer"
}

// groups are ajv's typed rule groups, in order, with their keywords.
var groups = []struct {
	typ      string
	keywords []string
}{
	{"number", []string{"maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "multipleOf", "format"}},
	{"string", []string{"maxLength", "minLength", "pattern", "format"}},
	{"array", []string{"maxItems", "minItems", "items", "contains", "uniqueItems"}},
	{"object", []string{"maxProperties", "minProperties", "required", "dependencies", "propertyNames", "properties",
		"additionalProperties", "patternProperties"}},
}

// untypedBit marks the keywords untypedRules checks, after the groups'
// bits in usedKeywords' mask.
const untypedBit = 1 << 4

// keywordBits maps each keyword of a rule group to its group's bit (the
// group's index in groups) and the untyped keywords to untypedBit, so a
// schema's groups are found in one pass over its few keys.
var keywordBits, groupBits = func() (map[string]uint8, map[string]uint8) {
	kw, gr := map[string]uint8{}, map[string]uint8{}
	for i, g := range groups {
		gr[g.typ] = 1 << i
		for _, k := range g.keywords {
			kw[k] |= 1 << i
		}
	}
	for _, k := range []string{"const", "enum", "not", "anyOf", "oneOf", "allOf", "if"} {
		kw[k] |= untypedBit
	}
	return kw, gr
}()

// usedKeywords is the mask of groups (and untypedBit) s has keywords of.
func usedKeywords(s *schemadoc.Object) uint8 {
	var m uint8
	for _, k := range s.Keys {
		m |= keywordBits[k]
	}
	return m
}

// fail records an error and reports whether evaluation must stop (ajv
// without allErrors returns at its first error).
func (r *run) fail(e Error) bool {
	if r.quick {
		r.errs = append(r.errs, Error{})
		return true
	}
	r.errs = append(r.errs, e)
	return !r.allErrors
}

// eval checks data against schema, appending ajv's errors; it reports
// whether data is valid.
func (r *run) eval(schema any, d *document, base string, data any, dataPath, schemaPath string) bool {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > 2000 {
		// Scripts see V8's wording for runaway recursion, as under ajv.
		panic(refusal{ErrTooDeep})
	}
	switch s := schema.(type) {
	case bool:
		if !s {
			r.fail(Error{Keyword: "false schema", DataPath: dataPath, SchemaPath: schemaPath + "/false schema",
				Message: "boolean schema is false"})
			return false
		}
		return true
	case *schemadoc.Object:
		return r.evalObject(s, d, base, data, dataPath, schemaPath)
	}
	return true
}

// evalObject checks data against a schema object, keyword group by group.
func (r *run) evalObject(s *schemadoc.Object, d *document, base string, data any, dataPath, schemaPath string) bool {
	if id, ok := s.String("$id"); ok && id != "" {
		base = schemadoc.ResolveURI(base, id)
	}
	if ref, ok := s.String("$ref"); ok {
		// Draft 7: the keywords beside $ref are ignored.
		t := r.in.target(d, base, ref)
		// ajv inlines a target without $refs of its own, and its errors then
		// carry the $ref as their schemaPath prefix; a target compiled as a
		// function of its own (recursive ones) starts again at "#".
		path := "#"
		if t.inline {
			path = ref
		}
		return r.eval(t.entry.node, t.entry.root, t.entry.base, data, dataPath, path)
	}
	start := len(r.errs)
	var types []string
	typeList := false
	switch t := s.Vals["type"].(type) {
	case string:
		types = []string{t}
	case []any:
		typeList = true
		for _, e := range t {
			if n, ok := e.(string); ok {
				types = append(types, n)
			}
		}
	}
	used := usedKeywords(s)
	groupUsed := func(typ string) bool { return used&groupBits[typ] != 0 }
	typeError := func() bool {
		return r.fail(Error{Keyword: "type", DataPath: dataPath, SchemaPath: schemaPath + "/type",
			Params: []Param{{"type", strings.Join(types, ",")}}, Message: "should be " + strings.Join(types, ",")})
	}
	// ajv checks the type up front unless a single type's own rule group
	// is used, in which case the check is that group's else branch.
	deferredType := ""
	if len(types) > 0 {
		t := types[0]
		if !typeList && (t == "number" || t == "string" || t == "array" || t == "object") && groupUsed(t) {
			deferredType = t
		} else {
			ok := false
			for _, t := range types {
				ok = ok || isType(t, data)
			}
			if !ok && typeError() {
				return false
			}
		}
	}
	for i, g := range groups {
		if used&(1<<i) == 0 {
			continue
		}
		if !isType(g.typ, data) {
			if deferredType == g.typ && typeError() {
				return false
			}
			continue
		}
		var stop bool
		switch g.typ {
		case "number":
			stop = r.numberRules(s, data.(float64), dataPath, schemaPath)
		case "string":
			stop = r.stringRules(s, data.(string), dataPath, schemaPath)
		case "array":
			stop = r.arrayRules(s, d, base, data.([]any), dataPath, schemaPath)
		case "object":
			stop = r.objectRules(s, d, base, data.(*schemadoc.Object), dataPath, schemaPath)
		}
		if stop {
			return false
		}
	}
	if used&untypedBit != 0 && r.untypedRules(s, d, base, data, dataPath, schemaPath) {
		return false
	}
	return len(r.errs) == start
}

// limit is one of the "should be <= 5" checks.
func (r *run) limit(keyword, cmp string, limit float64, ok bool, dataPath, schemaPath string) bool {
	if ok {
		return false
	}
	return r.fail(Error{Keyword: keyword, DataPath: dataPath, SchemaPath: schemaPath + "/" + keyword,
		Params:  []Param{{"comparison", cmp}, {"limit", limit}, {"exclusive", len(cmp) == 1}},
		Message: "should be " + cmp + " " + variables.FormatNumber(limit)})
}

// numberRules are maximum, minimum (with their exclusive forms, the
// stricter one winning as in ajv), multipleOf and number formats.
func (r *run) numberRules(s *schemadoc.Object, n float64, dataPath, schemaPath string) bool {
	for _, side := range []struct{ kw, excl, cmp, exclCmp string }{
		{"maximum", "exclusiveMaximum", "<=", "<"}, {"minimum", "exclusiveMinimum", ">=", ">"},
	} {
		lim, hasLim := s.Vals[side.kw].(float64)
		excl, hasExcl := s.Vals[side.excl].(float64)
		exclBool, _ := s.Vals[side.excl].(bool)
		within := func(l float64, strict bool) bool {
			if side.kw == "maximum" {
				return n < l || !strict && n == l
			}
			return n > l || !strict && n == l
		}
		var stop bool
		switch {
		case hasExcl && (!hasLim || (side.kw == "maximum" && excl <= lim) || (side.kw == "minimum" && excl >= lim)):
			stop = r.limit(side.excl, side.exclCmp, excl, within(excl, true), dataPath, schemaPath)
		case hasLim && exclBool:
			// Draft-04's boolean exclusiveMaximum, for schemas added under a
			// draft-04 meta-schema.
			stop = r.limit(side.kw, side.exclCmp, lim, within(lim, true), dataPath, schemaPath)
		case hasLim:
			stop = r.limit(side.kw, side.cmp, lim, within(lim, false), dataPath, schemaPath)
		}
		if stop {
			return true
		}
	}
	if m, ok := s.Vals["multipleOf"].(float64); ok {
		// ajv divides and compares with parseInt, so 0.3 is not a multiple
		// of 0.1 (0.3 / 0.1 is 2.9999999999999996).
		if d := n / m; d != parseInt(d) {
			if r.fail(Error{Keyword: "multipleOf", DataPath: dataPath, SchemaPath: schemaPath + "/multipleOf",
				Params: []Param{{"multipleOf", m}}, Message: "should be multiple of " + variables.FormatNumber(m)}) {
				return true
			}
		}
	}
	if f, ok := s.String("format"); ok {
		if cf := r.in.formats[f]; cf != nil && cf.Numbers && r.in.opts.Format != FormatOff {
			return r.formatResult(f, cf.Check(n), dataPath, schemaPath)
		}
	}
	return false
}

// formatResult records a failed format check.
func (r *run) formatResult(name string, ok bool, dataPath, schemaPath string) bool {
	if ok {
		return false
	}
	return r.fail(Error{Keyword: "format", DataPath: dataPath, SchemaPath: schemaPath + "/format",
		Params: []Param{{"format", name}}, Message: "should match format \"" + name + "\""})
}

// checkFormat applies a format to a string: an added format first (as
// in ajv, addFormat can replace a built-in one), else ajv's own rule; a
// format ajv does not know passes (compiling refused it unless the
// options said to let it through).
func (in *Instance) checkFormat(name, s string) bool {
	if f := in.formats[name]; f != nil {
		return f.Numbers || f.Check(s)
	}
	check := in.builtin[name]
	return check == nil || check(s)
}

// stringRules are maxLength, minLength (in code points, as ajv counts),
// pattern and format.
func (r *run) stringRules(s *schemadoc.Object, str, dataPath, schemaPath string) bool {
	n := utf8.RuneCountInString(str)
	for _, kw := range []string{"maxLength", "minLength"} {
		lim, ok := s.Vals[kw].(float64)
		if !ok || (kw == "maxLength" && float64(n) <= lim) || (kw == "minLength" && float64(n) >= lim) {
			continue
		}
		word := "longer"
		if kw == "minLength" {
			word = "shorter"
		}
		if r.fail(Error{Keyword: kw, DataPath: dataPath, SchemaPath: schemaPath + "/" + kw, Params: []Param{{"limit", lim}},
			Message: "should NOT be " + word + " than " + variables.FormatNumber(lim) + " characters"}) {
			return true
		}
	}
	if p, ok := s.String("pattern"); ok && !patternMatch(p, str) {
		if r.fail(Error{Keyword: "pattern", DataPath: dataPath, SchemaPath: schemaPath + "/pattern",
			Params: []Param{{"pattern", p}}, Message: "should match pattern \"" + p + "\""}) {
			return true
		}
	}
	if f, ok := s.String("format"); ok && r.in.opts.Format != FormatOff {
		return r.formatResult(f, r.in.checkFormat(f, str), dataPath, schemaPath)
	}
	return false
}

// countLimit is maxItems/minItems/maxProperties/minProperties.
func (r *run) countLimit(s *schemadoc.Object, kw string, n int, noun, dataPath, schemaPath string) bool {
	lim, ok := s.Vals[kw].(float64)
	if !ok {
		return false
	}
	word := "more"
	if strings.HasPrefix(kw, "min") {
		if float64(n) >= lim {
			return false
		}
		word = "fewer"
	} else if float64(n) <= lim {
		return false
	}
	return r.fail(Error{Keyword: kw, DataPath: dataPath, SchemaPath: schemaPath + "/" + kw, Params: []Param{{"limit", lim}},
		Message: "should NOT have " + word + " than " + variables.FormatNumber(lim) + " " + noun})
}

// arrayRules are maxItems, minItems, items (with additionalItems),
// contains and uniqueItems.
func (r *run) arrayRules(s *schemadoc.Object, d *document, base string, arr []any, dataPath, schemaPath string) bool {
	if r.countLimit(s, "maxItems", len(arr), "items", dataPath, schemaPath) ||
		r.countLimit(s, "minItems", len(arr), "items", dataPath, schemaPath) {
		return true
	}
	switch items := s.Vals["items"].(type) {
	case []any:
		additional, hasAdditional := s.Get("additionalItems")
		if additional == false && len(arr) > len(items) {
			if r.fail(Error{Keyword: "additionalItems", DataPath: dataPath, SchemaPath: schemaPath + "/additionalItems",
				Params:  []Param{{"limit", len(items)}},
				Message: "should NOT have more than " + strconv.Itoa(len(items)) + " items"}) {
				return true
			}
		}
		for i := 0; i < len(items) && i < len(arr); i++ {
			if !r.eval(items[i], d, base, arr[i], r.item(dataPath, i), r.sub(schemaPath, "/items/", i)) && !r.allErrors {
				return true
			}
		}
		if _, isBool := additional.(bool); hasAdditional && !isBool {
			for i := len(items); i < len(arr); i++ {
				if !r.eval(additional, d, base, arr[i], r.item(dataPath, i), r.sub(schemaPath, "/additionalItems", -1)) && !r.allErrors {
					return true
				}
			}
		}
	case nil:
	default:
		for i, e := range arr {
			if !r.eval(items, d, base, e, r.item(dataPath, i), r.sub(schemaPath, "/items", -1)) && !r.allErrors {
				return true
			}
		}
	}
	if contains, ok := s.Get("contains"); ok {
		start := len(r.errs)
		found := false
		for i, e := range arr {
			if r.eval(contains, d, base, e, r.item(dataPath, i), r.sub(schemaPath, "/contains", -1)) {
				found = true
				break
			}
		}
		if found {
			r.errs = r.errs[:start]
		} else if r.fail(Error{Keyword: "contains", DataPath: dataPath, SchemaPath: schemaPath + "/contains",
			Params: []Param{}, Message: "should contain a valid item"}) {
			return true
		}
	}
	if s.Vals["uniqueItems"] == true {
		if i, j, dup := duplicate(s, arr); dup {
			return r.fail(Error{Keyword: "uniqueItems", DataPath: dataPath, SchemaPath: schemaPath + "/uniqueItems",
				Params:  []Param{{"i", i}, {"j", j}},
				Message: fmt.Sprintf("should NOT have duplicate items (items ## %d and %d are identical)", j, i)})
		}
	}
	return false
}

// duplicate finds the pair ajv reports for uniqueItems. ajv has two
// searches: with a scalar item type it hashes from the end (so i < j);
// otherwise it compares each item with those before it, from the end.
func duplicate(s *schemadoc.Object, arr []any) (int, int, bool) {
	var types []string
	if items, ok := s.Vals["items"].(*schemadoc.Object); ok {
		switch t := items.Vals["type"].(type) {
		case string:
			types = []string{t}
		case []any:
			for _, e := range t {
				n, _ := e.(string)
				types = append(types, n)
			}
		}
	}
	scalar := len(types) > 0
	for _, t := range types {
		if t == "object" || t == "array" {
			scalar = false
		}
	}
	if scalar {
		// Items of a scalar type are nil, bool, float64 or string, which
		// are equal as map keys exactly when ajv finds them equal.
		seen := map[any]int{}
		for i := len(arr) - 1; i >= 0; i-- {
			ok := false
			for _, t := range types {
				ok = ok || isType(t, arr[i])
			}
			if !ok {
				continue
			}
			if j, dup := seen[arr[i]]; dup {
				return i, j, true
			}
			seen[arr[i]] = i
		}
		return 0, 0, false
	}
	for i := len(arr) - 1; i > 0; i-- {
		for j := i - 1; j >= 0; j-- {
			if jsonEqual(arr[i], arr[j]) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// objectRules are maxProperties, minProperties, required, dependencies,
// propertyNames and the properties trio.
func (r *run) objectRules(s *schemadoc.Object, d *document, base string, obj *schemadoc.Object, dataPath, schemaPath string) bool {
	if r.countLimit(s, "maxProperties", len(obj.Keys), "properties", dataPath, schemaPath) ||
		r.countLimit(s, "minProperties", len(obj.Keys), "properties", dataPath, schemaPath) {
		return true
	}
	props, _ := s.Vals["properties"].(*schemadoc.Object)
	if req, ok := s.Vals["required"].([]any); ok {
		for _, p := range req {
			name, _ := p.(string)
			if _, ok := obj.Get(name); ok || requiredInProperties(props, name) {
				continue
			}
			// Without allErrors ajv names the property as its generated
			// code accesses it ('.a'), a quirk scripts may compare against;
			// jsonPointers names it plainly.
			missing := name
			if !r.allErrors && !r.in.opts.JSONPointers {
				missing = propertyPath(name)
			}
			if r.fail(Error{Keyword: "required", DataPath: dataPath, SchemaPath: schemaPath + "/required",
				Params: []Param{{"missingProperty", missing}}, Message: "should have required property '" + missing + "'"}) {
				return true
			}
		}
	}
	if deps, ok := s.Vals["dependencies"].(*schemadoc.Object); ok {
		// Property lists first, then schemas, as ajv generates them.
		for _, k := range deps.Keys {
			list, ok := deps.Vals[k].([]any)
			if _, present := obj.Get(k); !ok || !present {
				continue
			}
			names := make([]string, len(list))
			for i, d := range list {
				names[i], _ = d.(string)
			}
			joined := strings.Join(names, ", ")
			msg := "should have property " + joined + " when property " + k + " is present"
			if len(names) != 1 {
				msg = "should have properties " + joined + " when property " + k + " is present"
			}
			for _, d := range names {
				if _, ok := obj.Get(d); ok {
					continue
				}
				missing := d
				if !r.allErrors && !r.in.opts.JSONPointers {
					missing = propertyPath(d)
				}
				if r.fail(Error{Keyword: "dependencies", DataPath: dataPath, SchemaPath: schemaPath + "/dependencies",
					Params:  []Param{{"property", k}, {"missingProperty", missing}, {"depsCount", len(names)}, {"deps", joined}},
					Message: msg}) {
					return true
				}
			}
		}
		for _, k := range deps.Keys {
			if _, isList := deps.Vals[k].([]any); isList {
				continue
			}
			if _, present := obj.Get(k); !present {
				continue
			}
			if !r.eval(deps.Vals[k], d, base, obj, dataPath, r.named(schemaPath, "/dependencies/", k)) && !r.allErrors {
				return true
			}
		}
	}
	if names, ok := s.Get("propertyNames"); ok {
		for _, k := range obj.Keys {
			start := len(r.errs)
			if r.eval(names, d, base, k, dataPath, r.sub(schemaPath, "/propertyNames", -1)) {
				continue
			}
			for i := start; i < len(r.errs); i++ {
				if r.errs[i].PropertyName == nil {
					name := k
					r.errs[i].PropertyName = &name
				}
			}
			if r.fail(Error{Keyword: "propertyNames", DataPath: dataPath, SchemaPath: schemaPath + "/propertyNames",
				Params: []Param{{"propertyName", k}}, Message: "property name '" + k + "' is invalid"}) {
				return true
			}
		}
	}
	return r.propertiesRules(s, d, base, obj, dataPath, schemaPath)
}

// ruleKeywords are the keywords that give a schema rules for ajv.
var ruleKeywords = map[string]bool{
	"type": true, "$ref": true, "const": true, "enum": true, "not": true, "anyOf": true, "oneOf": true, "allOf": true,
	"if": true, "maximum": true, "exclusiveMaximum": true, "minimum": true, "exclusiveMinimum": true,
	"multipleOf": true, "format": true, "maxLength": true, "minLength": true, "pattern": true, "maxItems": true,
	"minItems": true, "items": true, "additionalItems": true, "contains": true, "uniqueItems": true,
	"maxProperties": true, "minProperties": true, "required": true, "dependencies": true, "propertyNames": true,
	"properties": true, "additionalProperties": true, "patternProperties": true,
}

// requiredInProperties reports whether ajv checks required property name
// while it walks properties (in properties order, naming it plainly)
// rather than in the required keyword: it does so for a property whose
// schema has rules.
func requiredInProperties(props *schemadoc.Object, name string) bool {
	if props == nil {
		return false
	}
	switch p := props.Vals[name].(type) {
	case bool:
		return !p
	case *schemadoc.Object:
		for _, k := range p.Keys {
			if ruleKeywords[k] {
				return true
			}
		}
	}
	return false
}

// propertiesRules are additionalProperties (in data order), properties
// (in schema order) and patternProperties, the order ajv checks them in.
func (r *run) propertiesRules(s *schemadoc.Object, d *document, base string, obj *schemadoc.Object, dataPath, schemaPath string) bool {
	props, _ := s.Vals["properties"].(*schemadoc.Object)
	patterns, _ := s.Vals["patternProperties"].(*schemadoc.Object)
	if additional, ok := s.Get("additionalProperties"); ok && additional != true {
		for _, k := range obj.Keys {
			if props != nil {
				if _, named := props.Get(k); named {
					continue
				}
			}
			matched := false
			if patterns != nil {
				for _, p := range patterns.Keys {
					if patternMatch(p, k) {
						matched = true
						break
					}
				}
			}
			if matched {
				continue
			}
			if additional == false {
				if r.fail(Error{Keyword: "additionalProperties", DataPath: dataPath, SchemaPath: schemaPath + "/additionalProperties",
					Params: []Param{{"additionalProperty", k}}, Message: "should NOT have additional properties"}) {
					return true
				}
				continue
			}
			if !r.eval(additional, d, base, obj.Vals[k], r.key(dataPath, k), r.sub(schemaPath, "/additionalProperties", -1)) && !r.allErrors {
				return true
			}
		}
	}
	if props != nil {
		required := map[string]bool{}
		if req, ok := s.Vals["required"].([]any); ok {
			for _, p := range req {
				if name, ok := p.(string); ok {
					required[name] = true
				}
			}
		}
		for _, k := range props.Keys {
			v, ok := obj.Get(k)
			if !ok {
				if required[k] && requiredInProperties(props, k) && r.fail(Error{Keyword: "required", DataPath: dataPath,
					SchemaPath: schemaPath + "/required", Params: []Param{{"missingProperty", k}},
					Message: "should have required property '" + k + "'"}) {
					return true
				}
				continue
			}
			if !r.eval(props.Vals[k], d, base, v, r.prop(dataPath, k), r.named(schemaPath, "/properties/", k)) && !r.allErrors {
				return true
			}
		}
	}
	if patterns != nil {
		for _, p := range patterns.Keys {
			for _, k := range obj.Keys {
				if !patternMatch(p, k) {
					continue
				}
				if !r.eval(patterns.Vals[p], d, base, obj.Vals[k], r.key(dataPath, k), r.named(schemaPath, "/patternProperties/", p)) && !r.allErrors {
					return true
				}
			}
		}
	}
	return false
}

// quiet evaluates a subschema whose errors ajv throws away (not, if).
func (r *run) quiet(schema any, d *document, base string, data any, dataPath, schemaPath string) bool {
	start := len(r.errs)
	ok := r.eval(schema, d, base, data, dataPath, schemaPath)
	r.errs = r.errs[:start]
	return ok
}

// untypedRules are const, enum, not, anyOf, oneOf, allOf and if.
func (r *run) untypedRules(s *schemadoc.Object, d *document, base string, data any, dataPath, schemaPath string) bool {
	if c, ok := s.Get("const"); ok && !jsonEqual(data, c) {
		if r.fail(Error{Keyword: "const", DataPath: dataPath, SchemaPath: schemaPath + "/const",
			Params: []Param{{"allowedValue", c}}, Message: "should be equal to constant"}) {
			return true
		}
	}
	if e, ok := s.Vals["enum"].([]any); ok {
		found := false
		for _, v := range e {
			found = found || jsonEqual(data, v)
		}
		if !found && r.fail(Error{Keyword: "enum", DataPath: dataPath, SchemaPath: schemaPath + "/enum",
			Params: []Param{{"allowedValues", e}}, Message: "should be equal to one of the allowed values"}) {
			return true
		}
	}
	if not, ok := s.Get("not"); ok && r.quiet(not, d, base, data, dataPath, r.sub(schemaPath, "/not", -1)) {
		if r.fail(Error{Keyword: "not", DataPath: dataPath, SchemaPath: schemaPath + "/not", Params: []Param{},
			Message: "should NOT be valid"}) {
			return true
		}
	}
	if list, ok := s.Vals["anyOf"].([]any); ok {
		start := len(r.errs)
		passed := false
		for i, b := range list {
			if r.eval(b, d, base, data, dataPath, r.sub(schemaPath, "/anyOf/", i)) {
				passed = true
				break
			}
		}
		if passed {
			r.errs = r.errs[:start]
		} else if r.fail(Error{Keyword: "anyOf", DataPath: dataPath, SchemaPath: schemaPath + "/anyOf", Params: []Param{},
			Message: "should match some schema in anyOf"}) {
			return true
		}
	}
	if list, ok := s.Vals["oneOf"].([]any); ok {
		start := len(r.errs)
		var passing []int
		for i, b := range list {
			if r.eval(b, d, base, data, dataPath, r.sub(schemaPath, "/oneOf/", i)) {
				passing = append(passing, i)
				if len(passing) == 2 {
					break
				}
			}
		}
		if len(passing) == 1 {
			r.errs = r.errs[:start]
		} else {
			var p any
			if len(passing) == 2 {
				p = passing
			}
			if r.fail(Error{Keyword: "oneOf", DataPath: dataPath, SchemaPath: schemaPath + "/oneOf",
				Params: []Param{{"passingSchemas", p}}, Message: "should match exactly one schema in oneOf"}) {
				return true
			}
		}
	}
	if list, ok := s.Vals["allOf"].([]any); ok {
		for i, b := range list {
			if !r.eval(b, d, base, data, dataPath, r.sub(schemaPath, "/allOf/", i)) && !r.allErrors {
				return true
			}
		}
	}
	if cond, ok := s.Get("if"); ok {
		then, hasThen := s.Get("then")
		els, hasElse := s.Get("else")
		if hasThen || hasElse {
			branch, kw := els, "else"
			if r.quiet(cond, d, base, data, dataPath, r.sub(schemaPath, "/if", -1)) {
				branch, kw = then, "then"
			}
			if (kw == "then" && hasThen || kw == "else" && hasElse) && !r.eval(branch, d, base, data, dataPath, r.sub(schemaPath, "/"+kw, -1)) {
				if r.fail(Error{Keyword: "if", DataPath: dataPath, SchemaPath: schemaPath + "/if",
					Params: []Param{{"failingKeyword", kw}}, Message: fmt.Sprintf("should match %q schema", kw)}) {
					return true
				}
			}
		}
	}
	return false
}
