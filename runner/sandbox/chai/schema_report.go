package chai

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
)

// The reporter walks a schema and a value the way ajv 6's generated code
// does, producing ajv's messages in ajv's order: keyword groups (number,
// string, array, object, then $ref/const/enum/not/anyOf/oneOf/allOf/if),
// schema key order for properties, data key order for additional and
// pattern properties.

type ajvError struct {
	path    string
	message string
}

type reporter struct {
	root      any
	rootBase  string
	ids       map[string]any
	formats   map[string]func(string) bool
	allErrors bool
	composite int
	depth     int
}

func newReporter(root any, formats map[string]func(string) bool, allErrors bool) *reporter {
	r := &reporter{root: root, ids: map[string]any{}, formats: formats, allErrors: allErrors}
	if obj, ok := root.(*schemadoc.Object); ok {
		if id, ok := obj.String("$id"); ok {
			r.rootBase = schemadoc.ResolveURI("", id)
		}
	}
	r.index(root, r.rootBase)
	return r
}

// index records every subschema carrying an $id under its resolved URI.
func (r *reporter) index(node any, base string) {
	obj, ok := node.(*schemadoc.Object)
	if !ok {
		return
	}
	if id, ok := obj.String("$id"); ok && id != "" {
		base = schemadoc.ResolveURI(base, id)
		r.ids[strings.TrimSuffix(base, "#")] = obj
	}
	for _, kw := range append([]string{"definitions"}, subschemaOrder...) {
		v, ok := obj.Get(kw)
		if !ok {
			continue
		}
		switch v := v.(type) {
		case []any:
			if kw == "items" || kw == "allOf" || kw == "anyOf" || kw == "oneOf" {
				for _, s := range v {
					r.index(s, base)
				}
			}
		case *schemadoc.Object:
			if kw == "properties" || kw == "patternProperties" || kw == "dependencies" || kw == "definitions" {
				for _, k := range v.Keys {
					r.index(v.Vals[k], base)
				}
			} else {
				r.index(v, base)
			}
		}
	}
}

// resolve finds the schema a $ref points to, and the base URI in force
// there.
func (r *reporter) resolve(base, ref string) (any, string) {
	target := schemadoc.ResolveURI(base, ref)
	doc, fragment, _ := strings.Cut(target, "#")
	var node any
	docBase := doc
	if doc == "" || doc == strings.TrimSuffix(r.rootBase, "#") {
		node = r.root
		docBase = r.rootBase
	} else if n, ok := r.ids[doc]; ok {
		node = n
	} else {
		return nil, ""
	}
	if fragment == "" {
		return node, docBase
	}
	if !strings.HasPrefix(fragment, "/") {
		if n, ok := r.ids[doc+"#"+fragment]; ok {
			return n, docBase
		}
		return nil, ""
	}
	for _, tok := range strings.Split(fragment[1:], "/") {
		tok, _ = url.PathUnescape(tok)
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n := node.(type) {
		case *schemadoc.Object:
			v, ok := n.Get(tok)
			if !ok {
				return nil, ""
			}
			node = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return nil, ""
			}
			node = n[i]
		default:
			return nil, ""
		}
	}
	return node, docBase
}

func (r *reporter) report(schema, data any) []string {
	errs := r.check(schema, r.rootBase, data, "")
	if !r.allErrors && len(errs) > 1 {
		errs = errs[:1]
	}
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = "data" + e.path + " " + e.message
	}
	return lines
}

// stop says whether evaluation should end early: without allErrors ajv
// returns at the first error, except inside anyOf/oneOf/not/if branches.
func (r *reporter) stop(errs []ajvError) bool {
	return !r.allErrors && r.composite == 0 && len(errs) > 0
}

func (r *reporter) branch(schema any, base string, data any, path string) []ajvError {
	r.composite++
	defer func() { r.composite-- }()
	return r.check(schema, base, data, path)
}

// ruleKeywords are the keywords that make a schema non-empty for ajv.
var ruleKeywords = map[string]bool{
	"type": true, "$comment": true, "$ref": true, "const": true, "enum": true, "not": true, "anyOf": true,
	"oneOf": true, "allOf": true, "if": true, "maximum": true, "exclusiveMaximum": true, "minimum": true,
	"exclusiveMinimum": true, "multipleOf": true, "format": true, "maxLength": true, "minLength": true,
	"pattern": true, "maxItems": true, "minItems": true, "items": true, "additionalItems": true, "contains": true,
	"uniqueItems": true, "maxProperties": true, "minProperties": true, "required": true, "dependencies": true,
	"propertyNames": true, "properties": true, "additionalProperties": true, "patternProperties": true,
}

func hasRules(schema any) bool {
	switch s := schema.(type) {
	case bool:
		return !s
	case *schemadoc.Object:
		for _, k := range s.Keys {
			if ruleKeywords[k] {
				return true
			}
		}
	}
	return false
}

var groupKeywords = map[string][]string{
	"number": {"maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "multipleOf", "format"},
	"string": {"maxLength", "minLength", "pattern", "format"},
	"array":  {"maxItems", "minItems", "items", "contains", "uniqueItems"},
	"object": {"maxProperties", "minProperties", "required", "dependencies", "propertyNames", "properties",
		"additionalProperties", "patternProperties"},
}

var groupOrder = []string{"number", "string", "array", "object"}

func groupUsed(s *schemadoc.Object, group string) bool {
	for _, kw := range groupKeywords[group] {
		if _, ok := s.Get(kw); ok {
			return true
		}
	}
	return false
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	default:
		return "object"
	}
}

func typeMatches(want string, v any) bool {
	got := jsonType(v)
	if want == "integer" {
		f, ok := v.(float64)
		return ok && f == math.Trunc(f) && !math.IsInf(f, 0)
	}
	return want == got
}

var identifier = regexp2.MustCompile(`^[a-z$_][a-z$_0-9]*$`, regexp2.IgnoreCase|regexp2.ECMAScript)

// staticKey is how ajv writes a path step for a property named in the
// schema; dynamicKey for one found by iterating the data.
func staticKey(k string) string {
	if ok, _ := identifier.MatchString(k); ok {
		return "." + k
	}
	return "['" + escapeQuotes(k) + "']"
}

func dynamicKey(k string) string {
	return "['" + k + "']"
}

func escapeQuotes(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\'', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\f':
			b.WriteString(`\f`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func numberAt(s *schemadoc.Object, k string) (float64, bool) {
	v, ok := s.Get(k)
	if !ok {
		return 0, false
	}
	f, ok := v.(float64)
	return f, ok
}

func intAt(s *schemadoc.Object, k string) (int, bool) {
	f, ok := numberAt(s, k)
	return int(f), ok
}

// check evaluates one schema against one value, returning ajv's errors.
func (r *reporter) check(schema any, base string, data any, path string) []ajvError {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > 256 {
		return nil
	}
	switch s := schema.(type) {
	case bool:
		if !s {
			return []ajvError{{path, "boolean schema is false"}}
		}
		return nil
	case *schemadoc.Object:
		return r.checkObject(s, base, data, path)
	}
	return nil
}

func (r *reporter) checkObject(s *schemadoc.Object, base string, data any, path string) []ajvError {
	if id, ok := s.String("$id"); ok && id != "" {
		base = schemadoc.ResolveURI(base, id)
	}
	if ref, ok := s.String("$ref"); ok {
		// Draft 7: keywords next to $ref are ignored.
		target, targetBase := r.resolve(base, ref)
		if target == nil {
			return nil
		}
		return r.check(target, targetBase, data, path)
	}
	var errs []ajvError
	add := func(more ...ajvError) bool {
		errs = append(errs, more...)
		return r.stop(errs)
	}

	var types []string
	groupTyped := ""
	if tv, ok := s.Get("type"); ok {
		upfront := false
		switch t := tv.(type) {
		case string:
			types = []string{t}
			if _, grouped := groupKeywords[t]; grouped && groupUsed(s, t) {
				groupTyped = t
			} else {
				upfront = true
			}
		case []any:
			for _, x := range t {
				if str, ok := x.(string); ok {
					types = append(types, str)
				}
			}
			upfront = true
		}
		if upfront && !anyTypeMatches(types, data) {
			if add(ajvError{path, "should be " + strings.Join(types, ",")}) {
				return errs
			}
		}
	}

	for _, group := range groupOrder {
		if !groupUsed(s, group) {
			continue
		}
		if jsonType(data) == group {
			var stop bool
			switch group {
			case "number":
				stop = add(r.numberRules(s, data.(float64), path)...)
			case "string":
				stop = add(r.stringRules(s, data.(string), path)...)
			case "array":
				stop = add(r.arrayRules(s, base, data.([]any), path)...)
			case "object":
				stop = add(r.objectRules(s, base, data.(*schemadoc.Object), path)...)
			}
			if stop {
				return errs
			}
		} else if groupTyped == group {
			if add(ajvError{path, "should be " + group}) {
				return errs
			}
		}
	}

	add(r.untypedRules(s, base, data, path)...)
	return errs
}

func anyTypeMatches(types []string, v any) bool {
	for _, t := range types {
		if typeMatches(t, v) {
			return true
		}
	}
	return false
}

func (r *reporter) numberRules(s *schemadoc.Object, n float64, path string) []ajvError {
	var errs []ajvError
	limit := func(plain, exclusive string, stricterExclusive func(ex, pl float64) bool, fails func(x, lim float64, excl bool) bool, ops [2]string) {
		pl, hasPlain := numberAt(s, plain)
		ex, hasExcl := numberAt(s, exclusive)
		if !hasPlain && !hasExcl {
			return
		}
		useExcl := hasExcl && (!hasPlain || stricterExclusive(ex, pl))
		lim, op := pl, ops[0]
		if useExcl {
			lim, op = ex, ops[1]
		}
		if fails(n, lim, useExcl) {
			errs = append(errs, ajvError{path, "should be " + op + " " + jsNumber(lim)})
		}
	}
	limit("maximum", "exclusiveMaximum", func(ex, pl float64) bool { return ex <= pl },
		func(x, lim float64, excl bool) bool {
			if excl {
				return x >= lim
			}
			return x > lim
		}, [2]string{"<=", "<"})
	if r.stop(errs) {
		return errs
	}
	limit("minimum", "exclusiveMinimum", func(ex, pl float64) bool { return ex >= pl },
		func(x, lim float64, excl bool) bool {
			if excl {
				return x <= lim
			}
			return x < lim
		}, [2]string{">=", ">"})
	if r.stop(errs) {
		return errs
	}
	if m, ok := numberAt(s, "multipleOf"); ok {
		q := n / m
		if q != math.Trunc(q) || math.IsInf(q, 0) {
			errs = append(errs, ajvError{path, "should be multiple of " + jsNumber(m)})
		}
	}
	return errs
}

func (r *reporter) stringRules(s *schemadoc.Object, str string, path string) []ajvError {
	var errs []ajvError
	length := utf8.RuneCountInString(str)
	if n, ok := intAt(s, "maxLength"); ok && length > n {
		errs = append(errs, ajvError{path, "should NOT be longer than " + strconv.Itoa(n) + " characters"})
		if r.stop(errs) {
			return errs
		}
	}
	if n, ok := intAt(s, "minLength"); ok && length < n {
		errs = append(errs, ajvError{path, "should NOT be shorter than " + strconv.Itoa(n) + " characters"})
		if r.stop(errs) {
			return errs
		}
	}
	if p, ok := s.String("pattern"); ok && !regexTest(p, str) {
		errs = append(errs, ajvError{path, `should match pattern "` + p + `"`})
		if r.stop(errs) {
			return errs
		}
	}
	if f, ok := s.String("format"); ok && r.formats != nil {
		if check := r.formats[f]; check != nil && !check(str) {
			errs = append(errs, ajvError{path, `should match format "` + f + `"`})
		}
	}
	return errs
}

func (r *reporter) arrayRules(s *schemadoc.Object, base string, arr []any, path string) []ajvError {
	var errs []ajvError
	add := func(more ...ajvError) bool {
		errs = append(errs, more...)
		return r.stop(errs)
	}
	if n, ok := intAt(s, "maxItems"); ok && len(arr) > n {
		if add(ajvError{path, "should NOT have more than " + strconv.Itoa(n) + " items"}) {
			return errs
		}
	}
	if n, ok := intAt(s, "minItems"); ok && len(arr) < n {
		if add(ajvError{path, "should NOT have fewer than " + strconv.Itoa(n) + " items"}) {
			return errs
		}
	}
	if items, ok := s.Get("items"); ok {
		if tuple, ok := items.([]any); ok {
			extra, hasExtra := s.Get("additionalItems")
			if b, isBool := extra.(bool); hasExtra && isBool && !b && len(arr) > len(tuple) {
				if add(ajvError{path, "should NOT have more than " + strconv.Itoa(len(tuple)) + " items"}) {
					return errs
				}
			}
			for i, sch := range tuple {
				if i < len(arr) && hasRules(sch) {
					if add(r.check(sch, base, arr[i], path+"["+strconv.Itoa(i)+"]")...) {
						return errs
					}
				}
			}
			if extraObj, ok := extra.(*schemadoc.Object); ok && len(extraObj.Keys) > 0 {
				for i := len(tuple); i < len(arr); i++ {
					if add(r.check(extraObj, base, arr[i], path+"["+strconv.Itoa(i)+"]")...) {
						return errs
					}
				}
			}
		} else if hasRules(items) {
			for i, v := range arr {
				if add(r.check(items, base, v, path+"["+strconv.Itoa(i)+"]")...) {
					return errs
				}
			}
		}
	}
	if contains, ok := s.Get("contains"); ok {
		found := false
		var tried []ajvError
		if hasRules(contains) {
			for i, v := range arr {
				itemErrs := r.branch(contains, base, v, path+"["+strconv.Itoa(i)+"]")
				if len(itemErrs) == 0 {
					found = true
					break
				}
				tried = append(tried, itemErrs...)
			}
		} else {
			found = len(arr) > 0
		}
		if !found {
			if add(append(tried, ajvError{path, "should contain a valid item"})...) {
				return errs
			}
		}
	}
	if u, ok := s.Get("uniqueItems"); ok && u == true && len(arr) > 1 {
		if i, j, dup := duplicateItems(s, arr); dup {
			add(ajvError{path, fmt.Sprintf("should NOT have duplicate items (items ## %d and %d are identical)", j, i)})
		}
	}
	return errs
}

// duplicateItems finds the pair ajv reports: scanning from the end, with
// a fast path when the item type is a scalar.
func duplicateItems(s *schemadoc.Object, arr []any) (int, int, bool) {
	var itemTypes []string
	typeIsList := false
	if items, ok := s.Get("items"); ok {
		if io, ok := items.(*schemadoc.Object); ok {
			switch t := io.Vals["type"].(type) {
			case string:
				itemTypes = []string{t}
			case []any:
				typeIsList = true
				for _, x := range t {
					if str, ok := x.(string); ok {
						itemTypes = append(itemTypes, str)
					}
				}
			}
		}
	}
	scalar := len(itemTypes) > 0
	for _, t := range itemTypes {
		if t == "object" || t == "array" {
			scalar = false
		}
	}
	if !scalar {
		for i := len(arr) - 1; i > 0; i-- {
			for j := i - 1; j >= 0; j-- {
				if jsonEqual(arr[i], arr[j]) {
					return i, j, true
				}
			}
		}
		return 0, 0, false
	}
	seen := map[string]int{}
	for i := len(arr) - 1; i >= 0; i-- {
		item := arr[i]
		if !anyTypeMatches(itemTypes, item) {
			continue
		}
		key := jsString(item)
		if str, ok := item.(string); ok && typeIsList {
			key = `"` + str
		}
		if j, ok := seen[key]; ok {
			return i, j, true
		}
		seen[key] = i
	}
	return 0, 0, false
}

// jsString is String(v) for the scalars uniqueItems hashes.
func jsString(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return jsNumber(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case *schemadoc.Object:
		y, ok := b.(*schemadoc.Object)
		if !ok || len(x.Keys) != len(y.Keys) {
			return false
		}
		for _, k := range x.Keys {
			yv, ok := y.Vals[k]
			if !ok || !jsonEqual(x.Vals[k], yv) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func (r *reporter) requiredMessage(prop string) string {
	if r.allErrors {
		return "should have required property '" + prop + "'"
	}
	// Without allErrors ajv quotes the property as a path expression.
	return "should have required property '" + staticKey(prop) + "'"
}

func (r *reporter) objectRules(s *schemadoc.Object, base string, obj *schemadoc.Object, path string) []ajvError {
	var errs []ajvError
	add := func(more ...ajvError) bool {
		errs = append(errs, more...)
		return r.stop(errs)
	}
	if n, ok := intAt(s, "maxProperties"); ok && len(obj.Keys) > n {
		if add(ajvError{path, "should NOT have more than " + strconv.Itoa(n) + " properties"}) {
			return errs
		}
	}
	if n, ok := intAt(s, "minProperties"); ok && len(obj.Keys) < n {
		if add(ajvError{path, "should NOT have fewer than " + strconv.Itoa(n) + " properties"}) {
			return errs
		}
	}

	props, _ := s.Vals["properties"].(*schemadoc.Object)
	var required []string
	requiredSet := map[string]bool{}
	if list, ok := s.Vals["required"].([]any); ok {
		for _, x := range list {
			if str, ok := x.(string); ok {
				required = append(required, str)
				requiredSet[str] = true
			}
		}
	}
	// A required property that has its own non-empty schema is checked in
	// the properties pass, where ajv reports it.
	for _, name := range required {
		if props != nil && len(props.Keys) > 0 && hasRules(props.Vals[name]) {
			continue
		}
		if _, present := obj.Vals[name]; !present {
			if add(ajvError{path, r.requiredMessage(name)}) {
				return errs
			}
		}
	}

	if deps, ok := s.Vals["dependencies"].(*schemadoc.Object); ok {
		for _, key := range deps.Keys {
			list, isList := deps.Vals[key].([]any)
			if !isList || len(list) == 0 {
				continue
			}
			if _, present := obj.Vals[key]; !present {
				continue
			}
			names := make([]string, 0, len(list))
			for _, x := range list {
				if str, ok := x.(string); ok {
					names = append(names, str)
				}
			}
			what := "properties " + strings.Join(names, ", ")
			if len(names) == 1 {
				what = "property " + names[0]
			}
			for _, name := range names {
				if _, present := obj.Vals[name]; !present {
					if add(ajvError{path, "should have " + what + " when property " + key + " is present"}) {
						return errs
					}
				}
			}
		}
		for _, key := range deps.Keys {
			sch := deps.Vals[key]
			if _, isList := sch.([]any); isList || !hasRules(sch) {
				continue
			}
			if _, present := obj.Vals[key]; present {
				if add(r.check(sch, base, obj, path)...) {
					return errs
				}
			}
		}
	}

	if names, ok := s.Get("propertyNames"); ok && hasRules(names) {
		for _, key := range obj.Keys {
			if keyErrs := r.check(names, base, key, path); len(keyErrs) > 0 {
				if add(append(keyErrs, ajvError{path, "property name '" + key + "' is invalid"})...) {
					return errs
				}
			}
		}
	}

	_, hasProps := s.Get("properties")
	patterns, _ := s.Vals["patternProperties"].(*schemadoc.Object)
	additional, hasAdditional := s.Get("additionalProperties")
	if !hasProps && patterns == nil && !hasAdditional {
		return errs
	}
	var propKeys, patternKeys []string
	if props != nil {
		for _, k := range props.Keys {
			if k != "__proto__" {
				propKeys = append(propKeys, k)
			}
		}
	}
	if patterns != nil {
		for _, k := range patterns.Keys {
			if k != "__proto__" {
				patternKeys = append(patternKeys, k)
			}
		}
	}
	noAdditional := additional == false
	additionalObj, additionalIsSchema := additional.(*schemadoc.Object)
	additionalIsSchema = additionalIsSchema && len(additionalObj.Keys) > 0
	if noAdditional || additionalIsSchema {
		for _, key := range obj.Keys {
			if props != nil {
				if _, declared := props.Vals[key]; declared && key != "__proto__" {
					continue
				}
			}
			matched := false
			for _, p := range patternKeys {
				if regexTest(p, key) {
					matched = true
					break
				}
			}
			if matched {
				continue
			}
			if noAdditional {
				if add(ajvError{path, "should NOT have additional properties"}) {
					return errs
				}
			} else if add(r.check(additionalObj, base, obj.Vals[key], path+dynamicKey(key))...) {
				return errs
			}
		}
	}
	for _, key := range propKeys {
		sch := props.Vals[key]
		if !hasRules(sch) {
			continue
		}
		value, present := obj.Vals[key]
		if !present {
			if requiredSet[key] {
				if add(ajvError{path, r.requiredMessage(key)}) {
					return errs
				}
			}
			continue
		}
		if add(r.check(sch, base, value, path+staticKey(key))...) {
			return errs
		}
	}
	for _, p := range patternKeys {
		sch := patterns.Vals[p]
		if !hasRules(sch) {
			continue
		}
		for _, key := range obj.Keys {
			if regexTest(p, key) {
				if add(r.check(sch, base, obj.Vals[key], path+dynamicKey(key))...) {
					return errs
				}
			}
		}
	}
	return errs
}

func (r *reporter) untypedRules(s *schemadoc.Object, base string, data any, path string) []ajvError {
	var errs []ajvError
	add := func(more ...ajvError) bool {
		errs = append(errs, more...)
		return r.stop(errs)
	}
	if c, ok := s.Get("const"); ok && !jsonEqual(data, c) {
		if add(ajvError{path, "should be equal to constant"}) {
			return errs
		}
	}
	if e, ok := s.Vals["enum"].([]any); ok {
		matched := false
		for _, v := range e {
			if jsonEqual(data, v) {
				matched = true
				break
			}
		}
		if !matched {
			if add(ajvError{path, "should be equal to one of the allowed values"}) {
				return errs
			}
		}
	}
	if not, ok := s.Get("not"); ok {
		if len(r.branch(not, base, data, path)) == 0 {
			if add(ajvError{path, "should NOT be valid"}) {
				return errs
			}
		}
	}
	if list, ok := s.Vals["anyOf"].([]any); ok {
		var tried []ajvError
		valid := false
		for _, sch := range list {
			branchErrs := r.branch(sch, base, data, path)
			if len(branchErrs) == 0 {
				valid = true
				break
			}
			tried = append(tried, branchErrs...)
		}
		if !valid {
			if add(append(tried, ajvError{path, "should match some schema in anyOf"})...) {
				return errs
			}
		}
	}
	if list, ok := s.Vals["oneOf"].([]any); ok {
		var tried []ajvError
		passed := 0
		for _, sch := range list {
			branchErrs := r.branch(sch, base, data, path)
			if len(branchErrs) == 0 {
				passed++
				if passed > 1 {
					break
				}
				continue
			}
			tried = append(tried, branchErrs...)
		}
		if passed != 1 {
			if add(append(tried, ajvError{path, "should match exactly one schema in oneOf"})...) {
				return errs
			}
		}
	}
	if list, ok := s.Vals["allOf"].([]any); ok {
		for _, sch := range list {
			if add(r.check(sch, base, data, path)...) {
				return errs
			}
		}
	}
	if cond, ok := s.Get("if"); ok {
		then, hasThen := s.Get("then")
		otherwise, hasElse := s.Get("else")
		if hasThen || hasElse {
			if len(r.branch(cond, base, data, path)) == 0 {
				if hasThen {
					if branchErrs := r.branch(then, base, data, path); len(branchErrs) > 0 {
						add(append(branchErrs, ajvError{path, `should match "then" schema`})...)
					}
				}
			} else if hasElse {
				if branchErrs := r.branch(otherwise, base, data, path); len(branchErrs) > 0 {
					add(append(branchErrs, ajvError{path, `should match "else" schema`})...)
				}
			}
		}
	}
	return errs
}

// draft07MetaSchema is the JSON Schema draft-07 meta-schema with its keys
// in the order ajv 6 ships it, which decides the order of "schema is
// invalid" messages.
const draft07MetaSchema = `{
	"$schema": "http://json-schema.org/draft-07/schema#",
	"$id": "http://json-schema.org/draft-07/schema#",
	"title": "Core schema meta-schema",
	"definitions": {
		"schemaArray": {"type": "array", "minItems": 1, "items": {"$ref": "#"}},
		"nonNegativeInteger": {"type": "integer", "minimum": 0},
		"nonNegativeIntegerDefault0": {"allOf": [{"$ref": "#/definitions/nonNegativeInteger"}, {"default": 0}]},
		"simpleTypes": {"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]},
		"stringArray": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "default": []}
	},
	"type": ["object", "boolean"],
	"properties": {
		"$id": {"type": "string", "format": "uri-reference"},
		"$schema": {"type": "string", "format": "uri"},
		"$ref": {"type": "string", "format": "uri-reference"},
		"$comment": {"type": "string"},
		"title": {"type": "string"},
		"description": {"type": "string"},
		"default": true,
		"readOnly": {"type": "boolean", "default": false},
		"examples": {"type": "array", "items": true},
		"multipleOf": {"type": "number", "exclusiveMinimum": 0},
		"maximum": {"type": "number"},
		"exclusiveMaximum": {"type": "number"},
		"minimum": {"type": "number"},
		"exclusiveMinimum": {"type": "number"},
		"maxLength": {"$ref": "#/definitions/nonNegativeInteger"},
		"minLength": {"$ref": "#/definitions/nonNegativeIntegerDefault0"},
		"pattern": {"type": "string", "format": "regex"},
		"additionalItems": {"$ref": "#"},
		"items": {"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/schemaArray"}], "default": true},
		"maxItems": {"$ref": "#/definitions/nonNegativeInteger"},
		"minItems": {"$ref": "#/definitions/nonNegativeIntegerDefault0"},
		"uniqueItems": {"type": "boolean", "default": false},
		"contains": {"$ref": "#"},
		"maxProperties": {"$ref": "#/definitions/nonNegativeInteger"},
		"minProperties": {"$ref": "#/definitions/nonNegativeIntegerDefault0"},
		"required": {"$ref": "#/definitions/stringArray"},
		"additionalProperties": {"$ref": "#"},
		"definitions": {"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}},
		"properties": {"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}},
		"patternProperties": {"type": "object", "additionalProperties": {"$ref": "#"}, "propertyNames": {"format": "regex"}, "default": {}},
		"dependencies": {"type": "object", "additionalProperties": {"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/stringArray"}]}},
		"propertyNames": {"$ref": "#"},
		"const": true,
		"enum": {"type": "array", "items": true, "minItems": 1, "uniqueItems": true},
		"type": {"anyOf": [
			{"$ref": "#/definitions/simpleTypes"},
			{"type": "array", "items": {"$ref": "#/definitions/simpleTypes"}, "minItems": 1, "uniqueItems": true}
		]},
		"format": {"type": "string"},
		"contentMediaType": {"type": "string"},
		"contentEncoding": {"type": "string"},
		"if": {"$ref": "#"},
		"then": {"$ref": "#"},
		"else": {"$ref": "#"},
		"allOf": {"$ref": "#/definitions/schemaArray"},
		"anyOf": {"$ref": "#/definitions/schemaArray"},
		"oneOf": {"$ref": "#/definitions/schemaArray"},
		"not": {"$ref": "#"}
	},
	"default": true
}`
