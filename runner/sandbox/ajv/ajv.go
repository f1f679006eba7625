// Package ajv is ajv 6.12 (the JSON Schema validator Postman's sandbox
// bundles) written in Go for colrun. chai-postman's jsonSchema assertion
// and require('ajv') both validate through it, so a schema accepts and
// rejects the same data, with the same error objects, whichever a script
// uses.
//
// ajv compiles schemas to JavaScript; this package walks the schema
// instead, in the order ajv's generated code checks keywords, so scripts
// that print or compare ajv.errors see the same objects (keyword,
// dataPath, schemaPath, params, message) in the same order. Data is what
// JSON.parse gives: numbers are float64 and compared as JavaScript
// compares them (0.3 is not a multiple of 0.1), patterns are JavaScript
// regular expressions. Schema and data documents are read with schemadoc,
// which keeps object key order, because ajv's error order follows it.
package ajv

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
)

// FormatMode is ajv's format option.
type FormatMode int

const (
	// FormatFast is ajv's default: formats checked by regular expression.
	FormatFast FormatMode = iota
	// FormatFull is format: 'full', which also checks dates for real days.
	FormatFull
	// FormatOff is format: false: the format keyword is ignored.
	FormatOff
)

// Options are the ajv options that change outcomes or messages.
type Options struct {
	// AllErrors collects every error; without it ajv stops at the first.
	AllErrors bool
	// Format is the format option; the zero value is ajv's default.
	Format FormatMode
	// IgnoreUnknownFormats is unknownFormats: 'ignore'.
	IgnoreUnknownFormats bool
	// AllowedUnknownFormats is unknownFormats given as a list of names.
	AllowedUnknownFormats map[string]bool
	// JSONPointers is jsonPointers: dataPaths are JSON pointers (/a/0/b)
	// instead of JavaScript property accesses (.a[0].b).
	JSONPointers bool
}

// Format is a format added with ajv.addFormat.
type Format struct {
	// Check reports whether v matches: a string, or a float64 when
	// Numbers is set. It may panic to abort validation (a script's
	// exception thrown by a format function).
	Check func(v any) bool
	// Numbers is {type: 'number'}: the format checks numbers, not strings.
	Numbers bool
}

// Error is one of ajv's error objects.
type Error struct {
	Keyword, DataPath, SchemaPath string
	// Params are the error's params in ajv's key order.
	Params  []Param
	Message string
	// PropertyName is set on errors found while checking propertyNames.
	PropertyName *string
}

// Param is one entry of an error's params.
type Param struct {
	Name  string
	Value any
}

// ErrTooDeep is what validation returns when schema references recurse
// without end on the data ({"$ref": "#"}): ajv's generated code then
// overflows V8's stack, and scripts see that RangeError's message.
//
//lint:ignore ST1005 the text is V8's, which scripts see under ajv
var ErrTooDeep = errors.New("Maximum call stack size exceeded")

// draft07JSON is the draft-07 meta-schema with its keys in the order ajv
// 6 ships it: that order decides the order of "schema is invalid" errors.
//
//go:embed draft07.json
var draft07JSON string

// metaID is the draft-07 meta-schema's id without its empty fragment.
const metaID = "http://json-schema.org/draft-07/schema"

// draft07 is the parsed meta-schema, shared by every instance: the
// validator never changes a schema document.
var draft07 = sync.OnceValue(func() any {
	doc, err := schemadoc.Parse(draft07JSON)
	if err != nil {
		panic("ajv: embedded draft-07 meta-schema: " + err.Error())
	}
	return doc
})

// formatNames are the formats ajv 6 knows without addFormat.
var formatNames = map[string]bool{
	"date": true, "time": true, "date-time": true, "uri": true, "uri-reference": true, "uri-template": true,
	"url": true, "email": true, "hostname": true, "ipv4": true, "ipv6": true, "regex": true, "uuid": true,
	"json-pointer": true, "json-pointer-uri-fragment": true, "relative-json-pointer": true,
}

// Instance is one `new Ajv(options)`: its options, added formats and
// schemas. Once schemas are compiled, validating with them only reads
// the instance, so a compiled Schema may be used from several goroutines
// as long as nothing is added or removed meanwhile.
type Instance struct {
	opts    Options
	builtin map[string]func(string) bool
	formats map[string]*Format
	metas   map[string]bool
	// byKey maps addSchema keys and ids to their documents.
	byKey map[string]*document
	// ids maps every resolved $id (anchors included) of every known
	// document to its subschema.
	ids map[string]idEntry
	// refs caches $ref resolution and whether each target has $refs of
	// its own; adding or removing a schema starts it afresh.
	refs *sync.Map
}

// document is one schema document: a compiled schema, an added one or the
// meta-schema. base is its resolved $id, "" when it has none.
type document struct {
	doc  any
	base string
}

// idEntry is a subschema reachable by id, or the target of a $ref.
type idEntry struct {
	node any
	root *document
	base string
}

// refKey identifies one $ref as met during validation.
type refKey struct {
	root      *document
	base, ref string
}

// refTarget is a resolved $ref; inline says ajv inlines the target
// (it has no $ref of its own), which decides its errors' schemaPath.
type refTarget struct {
	entry  idEntry
	inline bool
}

// New returns an instance with the given options and the draft-07
// meta-schema.
func New(opts Options) *Instance {
	in := &Instance{opts: opts, builtin: builtinFormats(opts.Format), formats: map[string]*Format{},
		metas: map[string]bool{}, byKey: map[string]*document{}, ids: map[string]idEntry{}, refs: &sync.Map{}}
	in.byKey[metaID] = in.newRoot(draft07())
	return in
}

// AddFormat is ajv.addFormat: it adds a format or replaces a built-in one.
func (in *Instance) AddFormat(name string, f *Format) {
	in.formats[name] = f
}

// AddSchema is ajv.addSchema (meta false) and ajv.addMetaSchema (meta
// true): doc becomes reachable by key and by its ids. A schema that is
// not itself a meta-schema is checked against draft-07 unless its
// $schema names an added meta-schema.
func (in *Instance) AddSchema(doc any, key string, meta bool) error {
	r := in.newRoot(doc)
	key = strings.TrimSuffix(key, "#")
	if in.byKey[key] != nil {
		return fmt.Errorf("schema with key or id %q already exists", key)
	}
	if meta {
		in.metas[key] = true
	} else if o, ok := doc.(*schemadoc.Object); ok {
		if s, ok := o.String("$schema"); !ok || !in.metas[strings.TrimSuffix(s, "#")] {
			errs, err := in.ValidateSchema(doc)
			if err != nil {
				return err
			}
			if len(errs) > 0 {
				return errors.New("schema is invalid: " + ErrorsText(errs))
			}
		}
	}
	in.byKey[key] = r
	return nil
}

// RemoveSchema is ajv.removeSchema for one key.
func (in *Instance) RemoveSchema(key string) {
	delete(in.byKey, strings.TrimSuffix(key, "#"))
	in.refs = &sync.Map{}
}

// Schema is a compiled schema.
type Schema struct {
	in   *Instance
	root *document
}

// Compile is ajv.compile: it refuses what ajv refuses when it compiles
// (an unknown $schema, a schema the meta-schema rejects, an unknown
// format, an unresolvable $ref) with ajv's message.
func (in *Instance) Compile(doc any) (*Schema, error) {
	r := in.newRoot(doc)
	if err := in.compileChecks(r); err != nil {
		return nil, err
	}
	return &Schema{in: in, root: r}, nil
}

// Validate checks data, a document read with schemadoc.Parse. It returns
// nil when data is valid, else ajv's errors in ajv's order; the error is
// ajv's exception (ErrTooDeep, or a $ref that resolved at compile time
// but not at validation because a schema was removed since).
func (s *Schema) Validate(data any) ([]Error, error) {
	// Most data is valid, so a quick walk decides first and only invalid
	// data is walked again for ajv's errors. Added formats may be script
	// functions, which must run once per value, as under ajv.
	if len(s.in.formats) == 0 {
		valid, err := s.walk(&run{in: s.in, quick: true}, data)
		if valid || err != nil {
			return nil, err
		}
	}
	r := &run{in: s.in, allErrors: s.in.opts.AllErrors}
	if valid, err := s.walk(r, data); valid || err != nil {
		return nil, err
	}
	return r.errs, nil
}

// walk runs r over data from the schema's root.
func (s *Schema) walk(r *run, data any) (valid bool, err error) {
	defer r.recoverRefusal(&err)
	return r.eval(s.root.doc, s.root, s.root.base, data, "", "#"), nil
}

// ValidateSchema is ajv.validateSchema: it checks doc against the
// draft-07 meta-schema and returns the errors, nil when it conforms.
func (in *Instance) ValidateSchema(doc any) (errs []Error, err error) {
	meta := in.byKey[metaID]
	r := &run{in: in, allErrors: in.opts.AllErrors}
	defer r.recoverRefusal(&err)
	r.eval(meta.doc, meta, meta.base, doc, "", "#")
	return r.errs, nil
}

// ErrorsText is ajv.errorsText() with its defaults.
func ErrorsText(errs []Error) string {
	if len(errs) == 0 {
		return "No errors"
	}
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = "data" + e.DataPath + " " + e.Message
	}
	return strings.Join(parts, ", ")
}

// newRoot indexes doc's ids and returns its root.
func (in *Instance) newRoot(doc any) *document {
	r := &document{doc: doc}
	if o, ok := doc.(*schemadoc.Object); ok {
		if id, ok := o.String("$id"); ok {
			r.base = strings.TrimSuffix(schemadoc.ResolveURI("", id), "#")
		}
	}
	in.index(doc, r, r.base)
	in.refs = &sync.Map{}
	return r
}
