package modules

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"

	"github.com/colrun/colrun/runner/sandbox/chai"
	"github.com/colrun/colrun/runner/sandbox/schemadoc"
	"github.com/colrun/colrun/runner/variables"
)

// require('ajv') is ajv 6.12 (what Postman's sandbox bundles) written
// for colrun: js/ajv.js holds the Ajv class and this file the validator.
// ajv compiles schemas to JavaScript; we walk the schema instead, in the
// order ajv's generated code checks keywords, so that scripts which print
// or assert on ajv.errors see the same objects (keyword, dataPath,
// schemaPath, params, message) in the same order. Format rules are the
// ones chai's jsonSchema assertion already uses, reached through
// chai.ValidateJSONSchema so the two never drift apart.

// ajvMetaSchemaJSON is the draft-07 meta-schema, with its keys in the
// order ajv 6 ships it: that order decides the order of "schema is
// invalid" messages.
//
//go:embed ajv_draft07.json
var ajvMetaSchemaJSON string

// ajvMetaID is the draft-07 meta-schema's id without its empty fragment.
const ajvMetaID = "http://json-schema.org/draft-07/schema"

var (
	ajvMetaOnce sync.Once
	ajvMetaDoc  any
)

// ajvMeta returns the parsed meta-schema, shared by every runtime: the
// validator never changes a schema document.
func ajvMeta() any {
	ajvMetaOnce.Do(func() {
		doc, err := schemadoc.Parse(ajvMetaSchemaJSON)
		if err != nil {
			panic("modules: embedded draft-07 meta-schema: " + err.Error())
		}
		ajvMetaDoc = doc
	})
	return ajvMetaDoc
}

// ajvFormatNames are the formats ajv 6 knows without addFormat.
var ajvFormatNames = map[string]bool{
	"date": true, "time": true, "date-time": true, "uri": true, "uri-reference": true, "uri-template": true,
	"url": true, "email": true, "hostname": true, "ipv4": true, "ipv6": true, "regex": true, "uuid": true,
	"json-pointer": true, "json-pointer-uri-fragment": true, "relative-json-pointer": true,
}

// ajvRoot is one schema document: a compiled schema, an added one or the
// meta-schema. base is its resolved $id, "" when it has none.
type ajvRoot struct {
	doc  any
	base string
}

// ajvIDEntry is a subschema reachable by id.
type ajvIDEntry struct {
	node any
	root *ajvRoot
	base string
}

// ajvCustomFormat is a format added with ajv.addFormat.
type ajvCustomFormat struct {
	re      *regexp2.Regexp
	fn      goja.Callable
	numbers bool // {type: 'number'}: checks numbers instead of strings
}

// ajvInstance is one `new Ajv(options)`.
type ajvInstance struct {
	st        *runtimeState
	allErrors bool
	// formatMode is "fast", "full" or "" (format: false).
	formatMode     string
	ignoreUnknown  bool
	allowedUnknown map[string]bool
	formats        map[string]*ajvCustomFormat
	metas          map[string]bool
	// byKey maps addSchema keys and ids to their documents.
	byKey map[string]*ajvRoot
	// ids maps every resolved $id (anchors included) of every known
	// document to its subschema.
	ids      map[string]ajvIDEntry
	compiled []*ajvRoot
}

// ajvError is one of ajv's error objects.
type ajvError struct {
	keyword, dataPath, schemaPath string
	params                        []kv
	message                       string
	propertyName                  *string
}

// ajvRun is one validation: the errors so far and the options in force.
type ajvRun struct {
	inst      *ajvInstance
	allErrors bool
	errs      []ajvError
	depth     int
}

// ajvRefError is a compile-time refusal, thrown to the script as ajv
// throws it.
type ajvRefError struct{ msg string }

func (e *ajvRefError) Error() string { return e.msg }

// newRoot indexes doc's ids and returns its root.
func (in *ajvInstance) newRoot(doc any) *ajvRoot {
	root := &ajvRoot{doc: doc}
	if o, ok := doc.(*schemadoc.Object); ok {
		if id, ok := o.String("$id"); ok {
			root.base = strings.TrimSuffix(schemadoc.ResolveURI("", id), "#")
		}
	}
	in.index(doc, root, root.base)
	return root
}

// ajvSubschemaKeys are the keywords holding subschemas, in the order ajv
// compiles them (its rule groups), so compile-time errors name the first
// problem ajv would meet.
var ajvSubschemaKeys = []string{"items", "additionalItems", "contains", "dependencies", "propertyNames",
	"properties", "additionalProperties", "patternProperties", "not", "anyOf", "oneOf", "allOf", "if", "then", "else"}

// subschemas calls fn for each direct subschema of o with its schema path
// step; withDefinitions includes definitions, which ajv compiles only when
// a $ref reaches them.
func subschemas(o *schemadoc.Object, withDefinitions bool, fn func(node any, step string)) {
	keys := ajvSubschemaKeys
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
func (in *ajvInstance) index(node any, root *ajvRoot, base string) {
	o, ok := node.(*schemadoc.Object)
	if !ok {
		return
	}
	if id, ok := o.String("$id"); ok && id != "" {
		base = schemadoc.ResolveURI(base, id)
		in.ids[strings.TrimSuffix(base, "#")] = ajvIDEntry{node: o, root: root, base: base}
	}
	subschemas(o, true, func(n any, _ string) { in.index(n, root, base) })
}

// resolve finds what ref, met under base in root, points to.
func (in *ajvInstance) resolve(root *ajvRoot, base, ref string) (ajvIDEntry, bool) {
	target := schemadoc.ResolveURI(base, ref)
	if e, ok := in.ids[target]; ok && strings.Contains(target, "#") {
		return e, true
	}
	doc, fragment, _ := strings.Cut(target, "#")
	var start ajvIDEntry
	switch {
	case doc == "" || doc == root.base:
		start = ajvIDEntry{node: root.doc, root: root, base: root.base}
	case in.byKey[doc] != nil:
		r := in.byKey[doc]
		start = ajvIDEntry{node: r.doc, root: r, base: r.base}
	default:
		e, ok := in.ids[doc]
		if !ok {
			return ajvIDEntry{}, false
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
				return ajvIDEntry{}, false
			}
			node = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return ajvIDEntry{}, false
			}
			node = n[i]
		default:
			return ajvIDEntry{}, false
		}
	}
	return ajvIDEntry{node: node, root: start.root, base: start.base}, true
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
func (in *ajvInstance) compileChecks(root *ajvRoot) error {
	if o, ok := root.doc.(*schemadoc.Object); ok {
		if s, ok := o.String("$schema"); ok {
			id := strings.TrimSuffix(s, "#")
			if in.metas[id] {
				return in.walkChecks(root)
			}
			if id != ajvMetaID && id != "http://json-schema.org/schema" {
				return &ajvRefError{fmt.Sprintf("no schema with key or ref %q", s)}
			}
		}
	}
	if errs := in.validateSchema(root.doc); len(errs) > 0 {
		return &ajvRefError{"schema is invalid: " + errorsText(errs)}
	}
	return in.walkChecks(root)
}

// validateSchema checks doc against the draft-07 meta-schema.
func (in *ajvInstance) validateSchema(doc any) []ajvError {
	meta := in.byKey[ajvMetaID]
	r := &ajvRun{inst: in, allErrors: in.allErrors}
	r.eval(meta.doc, meta, meta.base, doc, "", "#")
	return r.errs
}

// errorsText is ajv.errorsText() with its defaults.
func errorsText(errs []ajvError) string {
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = "data" + e.dataPath + " " + e.message
	}
	return strings.Join(parts, ", ")
}

// walkChecks finds the first unknown format or unresolvable $ref.
func (in *ajvInstance) walkChecks(root *ajvRoot) error {
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
			e, ok := in.resolve(root, base, ref)
			if !ok {
				scope := base
				if scope == "" || scope == root.base {
					scope += "#"
				}
				found = &ajvRefError{fmt.Sprintf("can't resolve reference %s from id %s", ref, scope)}
				return
			}
			if e.root == root {
				walk(e.node, e.base, path)
			}
			return
		}
		if f, ok := o.String("format"); ok && in.formatMode != "" && !in.ignoreUnknown && !in.allowedUnknown[f] &&
			!ajvFormatNames[f] && in.formats[f] == nil {
			found = &ajvRefError{fmt.Sprintf("unknown format %q is used in schema at path %q", f, "#"+path)}
			return
		}
		subschemas(o, false, func(n any, step string) { walk(n, base, path+step) })
	}
	walk(root.doc, root.base, "")
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

// ajvIdentifier is a property name ajv writes as `.name` in a dataPath.
var ajvIdentifier = regexp.MustCompile(`^[a-zA-Z$_][a-zA-Z$_0-9]*$`)

// propertyPath is a dataPath step for a property named in the schema.
func propertyPath(k string) string {
	if ajvIdentifier.MatchString(k) {
		return "." + k
	}
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\f", `\f`, "\t", `\t`)
	return "['" + r.Replace(k) + "']"
}

// ajvPatterns caches compiled schema patterns process-wide: a script
// validates the same schema on every request.
var ajvPatterns sync.Map // pattern -> *regexp2.Regexp, or error

// patternMatch tests s against a schema pattern, a JavaScript regular
// expression without flags as ajv 6 builds it.
func patternMatch(pattern, s string) bool {
	v, ok := ajvPatterns.Load(pattern)
	if !ok {
		re, err := regexp2.Compile(pattern, regexp2.ECMAScript)
		if err != nil {
			v = err
		} else {
			v = re
		}
		ajvPatterns.Store(pattern, v)
	}
	re, ok := v.(*regexp2.Regexp)
	if !ok {
		return false
	}
	m, _ := re.MatchString(s)
	return m
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

// ajvGroups are ajv's typed rule groups, in order, with their keywords.
var ajvGroups = []struct {
	typ      string
	keywords []string
}{
	{"number", []string{"maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "multipleOf", "format"}},
	{"string", []string{"maxLength", "minLength", "pattern", "format"}},
	{"array", []string{"maxItems", "minItems", "items", "contains", "uniqueItems"}},
	{"object", []string{"maxProperties", "minProperties", "required", "dependencies", "propertyNames", "properties",
		"additionalProperties", "patternProperties"}},
}

// fail records an error and reports whether evaluation must stop (ajv
// without allErrors returns at its first error).
func (r *ajvRun) fail(e ajvError) bool {
	r.errs = append(r.errs, e)
	return !r.allErrors
}

// eval checks data against schema, appending ajv's errors; it reports
// whether data is valid.
func (r *ajvRun) eval(schema any, root *ajvRoot, base string, data any, dataPath, schemaPath string) bool {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > 2000 {
		// Scripts see V8's wording for runaway recursion, as under ajv.
		panic(&ajvRefError{"Maximum call stack size exceeded"})
	}
	switch s := schema.(type) {
	case bool:
		if !s {
			r.fail(ajvError{keyword: "false schema", dataPath: dataPath, schemaPath: schemaPath + "/false schema",
				message: "boolean schema is false"})
			return false
		}
		return true
	case *schemadoc.Object:
		return r.evalObject(s, root, base, data, dataPath, schemaPath)
	}
	return true
}

// evalObject checks data against a schema object, keyword group by group.
func (r *ajvRun) evalObject(s *schemadoc.Object, root *ajvRoot, base string, data any, dataPath, schemaPath string) bool {
	if id, ok := s.String("$id"); ok && id != "" {
		base = schemadoc.ResolveURI(base, id)
	}
	if ref, ok := s.String("$ref"); ok {
		// Draft 7: the keywords beside $ref are ignored.
		e, ok := r.inst.resolve(root, base, ref)
		if !ok {
			panic(&ajvRefError{fmt.Sprintf("can't resolve reference %s", ref)})
		}
		// ajv inlines a target without $refs of its own, and its errors then
		// carry the $ref as their schemaPath prefix; a target compiled as a
		// function of its own (recursive ones) starts again at "#".
		path := "#"
		if !hasRef(e.node) {
			path = ref
		}
		return r.eval(e.node, e.root, e.base, data, dataPath, path)
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
	groupUsed := func(typ string) bool {
		for _, g := range ajvGroups {
			if g.typ == typ {
				for _, kw := range g.keywords {
					if _, ok := s.Get(kw); ok {
						return true
					}
				}
			}
		}
		return false
	}
	typeError := func() bool {
		return r.fail(ajvError{keyword: "type", dataPath: dataPath, schemaPath: schemaPath + "/type",
			params: []kv{{"type", strings.Join(types, ",")}}, message: "should be " + strings.Join(types, ",")})
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
	for _, g := range ajvGroups {
		if !groupUsed(g.typ) {
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
			stop = r.arrayRules(s, root, base, data.([]any), dataPath, schemaPath)
		case "object":
			stop = r.objectRules(s, root, base, data.(*schemadoc.Object), dataPath, schemaPath)
		}
		if stop {
			return false
		}
	}
	if r.untypedRules(s, root, base, data, dataPath, schemaPath) {
		return false
	}
	return len(r.errs) == start
}

// limit is one of the "should be <= 5" checks.
func (r *ajvRun) limit(keyword, cmp string, limit float64, ok bool, dataPath, schemaPath string) bool {
	if ok {
		return false
	}
	return r.fail(ajvError{keyword: keyword, dataPath: dataPath, schemaPath: schemaPath + "/" + keyword,
		params:  []kv{{"comparison", cmp}, {"limit", limit}, {"exclusive", len(cmp) == 1}},
		message: "should be " + cmp + " " + variables.FormatNumber(limit)})
}

// numberRules are maximum, minimum (with their exclusive forms, the
// stricter one winning as in ajv), multipleOf and number formats.
func (r *ajvRun) numberRules(s *schemadoc.Object, n float64, dataPath, schemaPath string) bool {
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
		// of 0.1 under ajv either.
		if d := n / m; d != math.Trunc(d) {
			if r.fail(ajvError{keyword: "multipleOf", dataPath: dataPath, schemaPath: schemaPath + "/multipleOf",
				params: []kv{{"multipleOf", m}}, message: "should be multiple of " + variables.FormatNumber(m)}) {
				return true
			}
		}
	}
	if f, ok := s.String("format"); ok {
		if cf := r.inst.formats[f]; cf != nil && cf.numbers && r.inst.formatMode != "" {
			return r.formatResult(f, r.inst.customFormat(cf, n), dataPath, schemaPath)
		}
	}
	return false
}

// formatResult records a failed format check.
func (r *ajvRun) formatResult(name string, ok bool, dataPath, schemaPath string) bool {
	if ok {
		return false
	}
	return r.fail(ajvError{keyword: "format", dataPath: dataPath, schemaPath: schemaPath + "/format",
		params: []kv{{"format", name}}, message: "should match format \"" + name + "\""})
}

// customFormat runs a format added with addFormat.
func (in *ajvInstance) customFormat(cf *ajvCustomFormat, v any) bool {
	if cf.re != nil {
		s, _ := v.(string)
		ok, _ := cf.re.MatchString(s)
		return ok
	}
	res, err := cf.fn(goja.Undefined(), in.st.rt.ToValue(v))
	if err != nil {
		panic(err)
	}
	return res.ToBoolean()
}

// checkFormat applies a format to a string: an added format first (as
// in ajv, addFormat can replace a built-in one), else ajv's own rule.
func (in *ajvInstance) checkFormat(name, s string) bool {
	if cf := in.formats[name]; cf != nil {
		return cf.numbers || in.customFormat(cf, s)
	}
	if !ajvFormatNames[name] {
		return true
	}
	data, _ := json.Marshal(s)
	lines, err := chai.ValidateJSONSchema(`{"format":`+strconv.Quote(name)+`}`, string(data),
		`{"allErrors":false,"format":`+strconv.Quote(in.formatMode)+`}`)
	return err == nil && lines == nil
}

// stringRules are maxLength, minLength (in code points, as ajv counts),
// pattern and format.
func (r *ajvRun) stringRules(s *schemadoc.Object, str, dataPath, schemaPath string) bool {
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
		if r.fail(ajvError{keyword: kw, dataPath: dataPath, schemaPath: schemaPath + "/" + kw, params: []kv{{"limit", lim}},
			message: "should NOT be " + word + " than " + variables.FormatNumber(lim) + " characters"}) {
			return true
		}
	}
	if p, ok := s.String("pattern"); ok && !patternMatch(p, str) {
		if r.fail(ajvError{keyword: "pattern", dataPath: dataPath, schemaPath: schemaPath + "/pattern",
			params: []kv{{"pattern", p}}, message: "should match pattern \"" + p + "\""}) {
			return true
		}
	}
	if f, ok := s.String("format"); ok && r.inst.formatMode != "" {
		return r.formatResult(f, r.inst.checkFormat(f, str), dataPath, schemaPath)
	}
	return false
}

// countLimit is maxItems/minItems/maxProperties/minProperties.
func (r *ajvRun) countLimit(s *schemadoc.Object, kw string, n int, noun, dataPath, schemaPath string) bool {
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
	return r.fail(ajvError{keyword: kw, dataPath: dataPath, schemaPath: schemaPath + "/" + kw, params: []kv{{"limit", lim}},
		message: "should NOT have " + word + " than " + variables.FormatNumber(lim) + " " + noun})
}

// arrayRules are maxItems, minItems, items (with additionalItems),
// contains and uniqueItems.
func (r *ajvRun) arrayRules(s *schemadoc.Object, root *ajvRoot, base string, arr []any, dataPath, schemaPath string) bool {
	if r.countLimit(s, "maxItems", len(arr), "items", dataPath, schemaPath) ||
		r.countLimit(s, "minItems", len(arr), "items", dataPath, schemaPath) {
		return true
	}
	switch items := s.Vals["items"].(type) {
	case []any:
		additional, hasAdditional := s.Get("additionalItems")
		if additional == false && len(arr) > len(items) {
			if r.fail(ajvError{keyword: "additionalItems", dataPath: dataPath, schemaPath: schemaPath + "/additionalItems",
				params:  []kv{{"limit", len(items)}},
				message: "should NOT have more than " + strconv.Itoa(len(items)) + " items"}) {
				return true
			}
		}
		for i := 0; i < len(items) && i < len(arr); i++ {
			if !r.eval(items[i], root, base, arr[i], dataPath+"["+strconv.Itoa(i)+"]", schemaPath+"/items/"+strconv.Itoa(i)) && !r.allErrors {
				return true
			}
		}
		if _, isBool := additional.(bool); hasAdditional && !isBool {
			for i := len(items); i < len(arr); i++ {
				if !r.eval(additional, root, base, arr[i], dataPath+"["+strconv.Itoa(i)+"]", schemaPath+"/additionalItems") && !r.allErrors {
					return true
				}
			}
		}
	case nil:
	default:
		for i, e := range arr {
			if !r.eval(items, root, base, e, dataPath+"["+strconv.Itoa(i)+"]", schemaPath+"/items") && !r.allErrors {
				return true
			}
		}
	}
	if contains, ok := s.Get("contains"); ok {
		start := len(r.errs)
		found := false
		for i, e := range arr {
			if r.eval(contains, root, base, e, dataPath+"["+strconv.Itoa(i)+"]", schemaPath+"/contains") {
				found = true
				break
			}
		}
		if found {
			r.errs = r.errs[:start]
		} else if r.fail(ajvError{keyword: "contains", dataPath: dataPath, schemaPath: schemaPath + "/contains",
			params: []kv{}, message: "should contain a valid item"}) {
			return true
		}
	}
	if s.Vals["uniqueItems"] == true {
		if i, j, dup := duplicate(s, arr); dup {
			return r.fail(ajvError{keyword: "uniqueItems", dataPath: dataPath, schemaPath: schemaPath + "/uniqueItems",
				params:  []kv{{"i", i}, {"j", j}},
				message: fmt.Sprintf("should NOT have duplicate items (items ## %d and %d are identical)", j, i)})
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
		seen := map[string]int{}
		for i := len(arr) - 1; i >= 0; i-- {
			ok := false
			for _, t := range types {
				ok = ok || isType(t, arr[i])
			}
			if !ok {
				continue
			}
			var b bytes.Buffer
			b.WriteString(jsType(arr[i]))
			writeOrderedJSON(&b, arr[i])
			if j, dup := seen[b.String()]; dup {
				return i, j, true
			}
			seen[b.String()] = i
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
func (r *ajvRun) objectRules(s *schemadoc.Object, root *ajvRoot, base string, obj *schemadoc.Object, dataPath, schemaPath string) bool {
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
			// code accesses it ('.a'), a quirk scripts may compare against.
			missing := name
			if !r.allErrors {
				missing = propertyPath(name)
			}
			if r.fail(ajvError{keyword: "required", dataPath: dataPath, schemaPath: schemaPath + "/required",
				params: []kv{{"missingProperty", missing}}, message: "should have required property '" + missing + "'"}) {
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
				if !r.allErrors {
					missing = propertyPath(d)
				}
				if r.fail(ajvError{keyword: "dependencies", dataPath: dataPath, schemaPath: schemaPath + "/dependencies",
					params:  []kv{{"property", k}, {"missingProperty", missing}, {"depsCount", len(names)}, {"deps", joined}},
					message: msg}) {
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
			if !r.eval(deps.Vals[k], root, base, obj, dataPath, schemaPath+"/dependencies/"+escapeFragment(k)) && !r.allErrors {
				return true
			}
		}
	}
	if names, ok := s.Get("propertyNames"); ok {
		for _, k := range obj.Keys {
			start := len(r.errs)
			if r.eval(names, root, base, k, dataPath, schemaPath+"/propertyNames") {
				continue
			}
			for i := start; i < len(r.errs); i++ {
				if r.errs[i].propertyName == nil {
					name := k
					r.errs[i].propertyName = &name
				}
			}
			if r.fail(ajvError{keyword: "propertyNames", dataPath: dataPath, schemaPath: schemaPath + "/propertyNames",
				params: []kv{{"propertyName", k}}, message: "property name '" + k + "' is invalid"}) {
				return true
			}
		}
	}
	return r.propertiesRules(s, root, base, obj, dataPath, schemaPath)
}

// ajvRuleKeywords are the keywords that give a schema rules for ajv.
var ajvRuleKeywords = map[string]bool{
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
			if ajvRuleKeywords[k] {
				return true
			}
		}
	}
	return false
}

// propertiesRules are additionalProperties (in data order), properties
// (in schema order) and patternProperties, the order ajv checks them in.
func (r *ajvRun) propertiesRules(s *schemadoc.Object, root *ajvRoot, base string, obj *schemadoc.Object, dataPath, schemaPath string) bool {
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
				if r.fail(ajvError{keyword: "additionalProperties", dataPath: dataPath, schemaPath: schemaPath + "/additionalProperties",
					params: []kv{{"additionalProperty", k}}, message: "should NOT have additional properties"}) {
					return true
				}
				continue
			}
			if !r.eval(additional, root, base, obj.Vals[k], dataPath+"['"+k+"']", schemaPath+"/additionalProperties") && !r.allErrors {
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
				if required[k] && requiredInProperties(props, k) && r.fail(ajvError{keyword: "required", dataPath: dataPath,
					schemaPath: schemaPath + "/required", params: []kv{{"missingProperty", k}},
					message: "should have required property '" + k + "'"}) {
					return true
				}
				continue
			}
			if !r.eval(props.Vals[k], root, base, v, dataPath+propertyPath(k), schemaPath+"/properties/"+escapeFragment(k)) && !r.allErrors {
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
				if !r.eval(patterns.Vals[p], root, base, obj.Vals[k], dataPath+"['"+k+"']", schemaPath+"/patternProperties/"+escapeFragment(p)) && !r.allErrors {
					return true
				}
			}
		}
	}
	return false
}

// quiet evaluates a subschema whose errors ajv throws away (not, if).
func (r *ajvRun) quiet(schema any, root *ajvRoot, base string, data any, dataPath, schemaPath string) bool {
	start := len(r.errs)
	ok := r.eval(schema, root, base, data, dataPath, schemaPath)
	r.errs = r.errs[:start]
	return ok
}

// untypedRules are const, enum, not, anyOf, oneOf, allOf and if.
func (r *ajvRun) untypedRules(s *schemadoc.Object, root *ajvRoot, base string, data any, dataPath, schemaPath string) bool {
	if c, ok := s.Get("const"); ok && !jsonEqual(data, c) {
		if r.fail(ajvError{keyword: "const", dataPath: dataPath, schemaPath: schemaPath + "/const",
			params: []kv{{"allowedValue", c}}, message: "should be equal to constant"}) {
			return true
		}
	}
	if e, ok := s.Vals["enum"].([]any); ok {
		found := false
		for _, v := range e {
			found = found || jsonEqual(data, v)
		}
		if !found && r.fail(ajvError{keyword: "enum", dataPath: dataPath, schemaPath: schemaPath + "/enum",
			params: []kv{{"allowedValues", e}}, message: "should be equal to one of the allowed values"}) {
			return true
		}
	}
	if not, ok := s.Get("not"); ok && r.quiet(not, root, base, data, dataPath, schemaPath+"/not") {
		if r.fail(ajvError{keyword: "not", dataPath: dataPath, schemaPath: schemaPath + "/not", params: []kv{},
			message: "should NOT be valid"}) {
			return true
		}
	}
	if list, ok := s.Vals["anyOf"].([]any); ok {
		start := len(r.errs)
		passed := false
		for i, b := range list {
			if r.eval(b, root, base, data, dataPath, schemaPath+"/anyOf/"+strconv.Itoa(i)) {
				passed = true
				break
			}
		}
		if passed {
			r.errs = r.errs[:start]
		} else if r.fail(ajvError{keyword: "anyOf", dataPath: dataPath, schemaPath: schemaPath + "/anyOf", params: []kv{},
			message: "should match some schema in anyOf"}) {
			return true
		}
	}
	if list, ok := s.Vals["oneOf"].([]any); ok {
		start := len(r.errs)
		var passing []int
		for i, b := range list {
			if r.eval(b, root, base, data, dataPath, schemaPath+"/oneOf/"+strconv.Itoa(i)) {
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
			if r.fail(ajvError{keyword: "oneOf", dataPath: dataPath, schemaPath: schemaPath + "/oneOf",
				params: []kv{{"passingSchemas", p}}, message: "should match exactly one schema in oneOf"}) {
				return true
			}
		}
	}
	if list, ok := s.Vals["allOf"].([]any); ok {
		for i, b := range list {
			if !r.eval(b, root, base, data, dataPath, schemaPath+"/allOf/"+strconv.Itoa(i)) && !r.allErrors {
				return true
			}
		}
	}
	if cond, ok := s.Get("if"); ok {
		then, hasThen := s.Get("then")
		els, hasElse := s.Get("else")
		if hasThen || hasElse {
			branch, kw := els, "else"
			if r.quiet(cond, root, base, data, dataPath, schemaPath+"/if") {
				branch, kw = then, "then"
			}
			if (kw == "then" && hasThen || kw == "else" && hasElse) && !r.eval(branch, root, base, data, dataPath, schemaPath+"/"+kw) {
				if r.fail(ajvError{keyword: "if", dataPath: dataPath, schemaPath: schemaPath + "/if",
					params: []kv{{"failingKeyword", kw}}, message: fmt.Sprintf("should match %q schema", kw)}) {
					return true
				}
			}
		}
	}
	return false
}

// errorsJSON renders errors as the JSON array ajv.errors holds.
func errorsJSON(errs []ajvError) string {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, e := range errs {
		if i > 0 {
			b.WriteByte(',')
		}
		obj := []kv{{"keyword", e.keyword}, {"dataPath", e.dataPath}, {"schemaPath", e.schemaPath},
			{"params", append([]kv{}, e.params...)}, {"message", e.message}}
		if e.propertyName != nil {
			obj = append(obj, kv{"propertyName", *e.propertyName})
		}
		writeOrderedJSON(&b, obj)
	}
	b.WriteByte(']')
	return b.String()
}

// newAjvInstance reads the options of `new Ajv(options)` that change
// outcomes: allErrors, format and unknownFormats.
func newAjvInstance(st *runtimeState, opts *goja.Object) *ajvInstance {
	in := &ajvInstance{st: st, formatMode: "fast", formats: map[string]*ajvCustomFormat{}, metas: map[string]bool{},
		byKey: map[string]*ajvRoot{}, ids: map[string]ajvIDEntry{}}
	if opts != nil {
		if v := opts.Get("allErrors"); v != nil {
			in.allErrors = v.ToBoolean()
		}
		if v := opts.Get("format"); v != nil && !goja.IsUndefined(v) {
			switch {
			case !v.ToBoolean():
				in.formatMode = ""
			case v.String() == "full":
				in.formatMode = "full"
			}
		}
		if v := opts.Get("unknownFormats"); v != nil && !goja.IsUndefined(v) {
			if names, ok := v.Export().([]any); ok {
				in.allowedUnknown = map[string]bool{}
				for _, n := range names {
					if s, ok := n.(string); ok {
						in.allowedUnknown[s] = true
					}
				}
			} else {
				in.ignoreUnknown = v.String() == "ignore"
			}
		}
	}
	meta := in.newRoot(ajvMeta())
	in.byKey[ajvMetaID] = meta
	return in
}

// ajvNatives is the Go half of js/ajv.js: create(options) returns one
// instance's operations, which take and give JSON text.
func ajvNatives(st *runtimeState) *goja.Object {
	rt := st.rt
	o := rt.NewObject()
	_ = o.Set("create", func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		return newAjvInstance(st, opts).object()
	})
	return o
}

// parse decodes schema or data JSON handed over by js/ajv.js.
func (in *ajvInstance) parse(v goja.Value) any {
	doc, err := schemadoc.Parse(v.String())
	if err != nil {
		in.st.throwError("ajv: "+err.Error(), "")
	}
	return doc
}

// guard turns a refusal met while compiling or validating into the Error
// ajv throws.
func (in *ajvInstance) guard(fn func() goja.Value) goja.Value {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(*ajvRefError); ok {
				in.st.throwError(e.msg, "")
			}
			panic(p)
		}
	}()
	return fn()
}

// object exposes the instance to js/ajv.js.
func (in *ajvInstance) object() *goja.Object {
	rt := in.st.rt
	o := rt.NewObject()
	// compile checks a schema as ajv.compile does and returns its handle.
	_ = o.Set("compile", func(call goja.FunctionCall) goja.Value {
		return in.guard(func() goja.Value {
			root := in.newRoot(in.parse(call.Argument(0)))
			if err := in.compileChecks(root); err != nil {
				panic(err)
			}
			in.compiled = append(in.compiled, root)
			return rt.ToValue(len(in.compiled) - 1)
		})
	})
	// validate returns the errors JSON, or null when data is valid.
	_ = o.Set("validate", func(call goja.FunctionCall) goja.Value {
		return in.guard(func() goja.Value {
			root := in.compiled[call.Argument(0).ToInteger()]
			r := &ajvRun{inst: in, allErrors: in.allErrors}
			if r.eval(root.doc, root, root.base, in.parse(call.Argument(1)), "", "#") {
				return goja.Null()
			}
			return rt.ToValue(errorsJSON(r.errs))
		})
	})
	// validateSchema checks a schema against the meta-schema.
	_ = o.Set("validateSchema", func(call goja.FunctionCall) goja.Value {
		return in.guard(func() goja.Value {
			if errs := in.validateSchema(in.parse(call.Argument(0))); len(errs) > 0 {
				return rt.ToValue(errorsJSON(errs))
			}
			return goja.Null()
		})
	})
	// addSchema makes a schema reachable by key (and by its $id) for
	// $ref and getSchema.
	_ = o.Set("addSchema", func(call goja.FunctionCall) goja.Value {
		return in.guard(func() goja.Value {
			root := in.newRoot(in.parse(call.Argument(0)))
			key := strings.TrimSuffix(call.Argument(1).String(), "#")
			if in.byKey[key] != nil {
				panic(&ajvRefError{fmt.Sprintf("schema with key or id %q already exists", key)})
			}
			if call.Argument(2).ToBoolean() {
				in.metas[key] = true
			} else if o, ok := root.doc.(*schemadoc.Object); ok {
				if s, ok := o.String("$schema"); !ok || !in.metas[strings.TrimSuffix(s, "#")] {
					if errs := in.validateSchema(root.doc); len(errs) > 0 {
						panic(&ajvRefError{"schema is invalid: " + errorsText(errs)})
					}
				}
			}
			in.byKey[key] = root
			return goja.Undefined()
		})
	})
	_ = o.Set("removeSchema", func(call goja.FunctionCall) goja.Value {
		delete(in.byKey, strings.TrimSuffix(call.Argument(0).String(), "#"))
		return goja.Undefined()
	})
	// addFormat takes a RegExp, a pattern string, a function or
	// {validate, type}.
	_ = o.Set("addFormat", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		def := call.Argument(1)
		cf := &ajvCustomFormat{}
		if obj, ok := def.(*goja.Object); ok && obj.ClassName() == "Object" {
			cf.numbers = obj.Get("type") != nil && obj.Get("type").String() == "number"
			def = obj.Get("validate")
		}
		if fn, ok := goja.AssertFunction(def); ok {
			cf.fn = fn
		} else {
			src, flags := def.String(), regexp2.ECMAScript
			if obj, ok := def.(*goja.Object); ok && obj.ClassName() == "RegExp" {
				src = obj.Get("source").String()
				if strings.Contains(obj.Get("flags").String(), "i") {
					flags |= regexp2.IgnoreCase
				}
			}
			re, err := regexp2.Compile(src, flags)
			if err != nil {
				in.st.throwError("ajv.addFormat: invalid pattern: "+err.Error(), "")
			}
			cf.re = re
		}
		in.formats[name] = cf
		return goja.Undefined()
	})
	return o
}
