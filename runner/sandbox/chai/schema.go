package chai

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
)

// ValidateJSONSchema checks data against schema for chai-postman's
// jsonSchema assertion. Postman runs that assertion with ajv 6 (draft-07,
// allErrors), so this behaves like ajv 6 where users can see it:
//
//   - it returns nil when the data is valid, else ajv's error lines in
//     ajv's order ("data.items[1] should have required property 'id'");
//   - it returns an error, which the assertion throws, for a schema ajv 6
//     would refuse: an unknown $schema ("no schema with key or ref ..."),
//     a schema failing the draft-07 meta-schema ("schema is invalid: ..."),
//     an unknown format or an unresolvable $ref.
//
// Validity is decided by santhosh-tekuri/jsonschema (draft 7, JavaScript
// regular expressions, ajv's formats); the messages come from a walk of
// the schema in ajv's keyword order, which jsonschema's error tree does
// not preserve. optionsJSON carries the ajv options a script may pass:
// allErrors, format (false, "fast", "full") and unknownFormats.
func ValidateJSONSchema(schemaJSON, dataJSON, optionsJSON string) ([]string, error) {
	entry := compiledSchema(schemaJSON, optionsJSON)
	if entry.err != nil {
		return nil, entry.err
	}
	instance, err := jsonschema.UnmarshalJSON(strings.NewReader(dataJSON))
	if err != nil {
		return nil, fmt.Errorf("jsonSchema: data is not JSON: %v", err)
	}
	if entry.schema.Validate(instance) == nil {
		return nil, nil
	}
	data, err := schemadoc.Parse(dataJSON)
	if err != nil {
		return nil, fmt.Errorf("jsonSchema: data is not JSON: %v", err)
	}
	r := entry.reporter()
	if lines := r.report(entry.doc, data); len(lines) > 0 {
		return lines, nil
	}
	// The two walks disagree; jsonschema's verdict stands, in its words.
	return fallbackLines(entry.schema.Validate(instance))
}

// fallbackLines lists jsonschema's innermost errors in ajv's line shape.
// A $ref cycle, which ajv meets as a stack overflow, is thrown as ajv's
// RangeError text.
func fallbackLines(err error) ([]string, error) {
	var lines []string
	var cycle bool
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if _, ok := e.ErrorKind.(*kind.RefCycle); ok {
			cycle = true
		}
		if len(e.Causes) == 0 {
			lines = append(lines, "data"+instancePath(e.InstanceLocation)+" "+e.ErrorKind.LocalizedString(printer))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return []string{"data " + firstLine(err.Error())}, nil
	}
	walk(verr)
	if cycle {
		//lint:ignore ST1005 scripts see V8's wording for a runaway $ref, as under ajv
		return nil, errors.New("Maximum call stack size exceeded")
	}
	return lines, nil
}

var printer = message.NewPrinter(language.English)

func instancePath(tokens []string) string {
	var b strings.Builder
	for _, tok := range tokens {
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
		} else {
			b.WriteString(staticKey(tok))
		}
	}
	return b.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// schemaOptions are the ajv options that change outcomes or messages.
type schemaOptions struct {
	allErrors      bool
	formatMode     string // "fast", "full" or "" for no format checks
	ignoreUnknown  bool
	allowedUnknown map[string]bool
}

func parseOptions(optionsJSON string) schemaOptions {
	opts := schemaOptions{allErrors: true, formatMode: "fast"}
	var raw map[string]json.RawMessage
	if json.Unmarshal([]byte(optionsJSON), &raw) != nil {
		return opts
	}
	if v, ok := raw["allErrors"]; ok {
		var b any
		_ = json.Unmarshal(v, &b)
		opts.allErrors = truthy(b)
	}
	if v, ok := raw["format"]; ok {
		var f any
		_ = json.Unmarshal(v, &f)
		switch f {
		case false:
			opts.formatMode = ""
		case "full":
			opts.formatMode = "full"
		}
	}
	if v, ok := raw["unknownFormats"]; ok {
		var u any
		_ = json.Unmarshal(v, &u)
		switch u := u.(type) {
		case string:
			opts.ignoreUnknown = u == "ignore"
		case []any:
			opts.allowedUnknown = map[string]bool{}
			for _, name := range u {
				if s, ok := name.(string); ok {
					opts.allowedUnknown[s] = true
				}
			}
		}
	}
	return opts
}

func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case float64:
		return v != 0 && !math.IsNaN(v)
	case string:
		return v != ""
	}
	return true
}

// ---------------------------------------------------------------------------
// Compilation, cached: scripts validate the same schema on every iteration.

type schemaEntry struct {
	schema  *jsonschema.Schema
	doc     any
	opts    schemaOptions
	formats map[string]func(string) bool
	err     error
}

func (e *schemaEntry) reporter() *reporter {
	return newReporter(e.doc, e.formats, e.opts.allErrors)
}

const schemaCacheLimit = 256

var schemaCache = struct {
	sync.Mutex
	entries map[string]*schemaEntry
}{entries: map[string]*schemaEntry{}}

func compiledSchema(schemaJSON, optionsJSON string) *schemaEntry {
	key := optionsJSON + "\x00" + schemaJSON
	schemaCache.Lock()
	entry, ok := schemaCache.entries[key]
	schemaCache.Unlock()
	if ok {
		return entry
	}
	entry = compileSchema(schemaJSON, parseOptions(optionsJSON))
	schemaCache.Lock()
	if len(schemaCache.entries) >= schemaCacheLimit {
		schemaCache.entries = map[string]*schemaEntry{}
	}
	schemaCache.entries[key] = entry
	schemaCache.Unlock()
	return entry
}

const schemaURL = "colrun:///schema.json"

func compileSchema(schemaJSON string, opts schemaOptions) *schemaEntry {
	entry := &schemaEntry{opts: opts, formats: ajvFormats(opts.formatMode)}
	doc, err := schemadoc.Parse(schemaJSON)
	if err != nil {
		entry.err = fmt.Errorf("jsonSchema: schema is not JSON: %v", err)
		return entry
	}
	entry.doc = doc
	if err := checkMetaSchema(doc); err != nil {
		entry.err = err
		return entry
	}
	if err := checkCompilable(doc, entry.formats, opts); err != nil {
		entry.err = err
		return entry
	}
	plain, err := jsonschema.UnmarshalJSON(strings.NewReader(schemaJSON))
	if err != nil {
		entry.err = fmt.Errorf("jsonSchema: schema is not JSON: %v", err)
		return entry
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.UseLoader(noRemoteSchemas{})
	c.UseRegexpEngine(jsRegexpEngine)
	for _, name := range jsonschemaFormatNames {
		check := entry.formats[name]
		c.RegisterFormat(&jsonschema.Format{Name: name, Validate: formatValidator(check)})
	}
	if entry.formats != nil {
		c.AssertFormat()
	}
	if err := c.AddResource(schemaURL, plain); err != nil {
		entry.err = fmt.Errorf("jsonSchema: %v", err)
		return entry
	}
	sch, err := c.Compile(schemaURL)
	if err != nil {
		entry.err = fmt.Errorf("jsonSchema: %s", firstLine(err.Error()))
		return entry
	}
	entry.schema = sch
	return entry
}

// noRemoteSchemas refuses every external $ref: ajv, as Postman uses it,
// has nothing but the schema it was given.
type noRemoteSchemas struct{}

func (noRemoteSchemas) Load(u string) (any, error) {
	return nil, fmt.Errorf("can't resolve reference %s", u)
}

// jsonschemaFormatNames are the formats jsonschema would otherwise check
// its own way; each is replaced by ajv's rule, or by "anything goes" for
// the ones ajv does not know (ajv refuses such schemas before this point
// unless told to ignore unknown formats).
var jsonschemaFormatNames = []string{"json-pointer", "relative-json-pointer", "uuid", "duration", "period", "ipv4",
	"ipv6", "hostname", "email", "date", "time", "date-time", "uri", "iri", "uri-reference", "iri-reference",
	"uri-template", "semver", "url", "json-pointer-uri-fragment"}

func formatValidator(check func(string) bool) func(any) error {
	return func(v any) error {
		s, ok := v.(string)
		if !ok || check == nil || check(s) {
			return nil
		}
		return errors.New("does not match")
	}
}

// ---------------------------------------------------------------------------
// Compile-time refusals, in the order ajv meets them.

var knownMetaSchemas = map[string]bool{
	"http://json-schema.org/draft-07/schema": true,
	"http://json-schema.org/schema":          true,
}

func checkMetaSchema(doc any) error {
	if obj, ok := doc.(*schemadoc.Object); ok {
		if v, ok := obj.Get("$schema"); ok {
			if s, ok := v.(string); ok && !knownMetaSchemas[strings.TrimSuffix(s, "#")] {
				return fmt.Errorf("no schema with key or ref %q", s)
			}
		}
	}
	meta, err := metaSchemaDoc()
	if err != nil {
		return err
	}
	r := newReporter(meta, ajvFormats("fast"), true)
	if lines := r.report(meta, doc); len(lines) > 0 {
		return errors.New("schema is invalid: " + strings.Join(lines, ", "))
	}
	return nil
}

var (
	metaOnce   sync.Once
	metaParsed any
	metaErr    error
)

func metaSchemaDoc() (any, error) {
	metaOnce.Do(func() { metaParsed, metaErr = schemadoc.Parse(draft07MetaSchema) })
	return metaParsed, metaErr
}

// checkCompilable reports the first unknown format or unresolvable $ref,
// walking subschemas in ajv's keyword order and into what $refs reach.
func checkCompilable(doc any, formats map[string]func(string) bool, opts schemaOptions) error {
	r := newReporter(doc, formats, true)
	var found error
	visited := map[*schemadoc.Object]bool{}
	var walk func(node any, base, path string)
	walk = func(node any, base, path string) {
		obj, ok := node.(*schemadoc.Object)
		if !ok || found != nil || visited[obj] {
			return
		}
		visited[obj] = true
		if id, ok := obj.String("$id"); ok && id != "" {
			base = schemadoc.ResolveURI(base, id)
		}
		if ref, ok := obj.String("$ref"); ok {
			target, targetBase := r.resolve(base, ref)
			if target == nil {
				found = fmt.Errorf("can't resolve reference %s from id %s", ref, refScope(base, r.rootBase))
				return
			}
			_, fragment, _ := strings.Cut(ref, "#")
			walk(target, targetBase, fragment)
			return
		}
		if f, ok := obj.String("format"); ok && formats != nil && !opts.ignoreUnknown && !opts.allowedUnknown[f] {
			if _, known := ajvFormatNames[f]; !known {
				found = fmt.Errorf("unknown format %q is used in schema at path %q", f, "#"+path)
				return
			}
		}
		for _, kw := range subschemaOrder {
			v, ok := obj.Get(kw)
			if !ok {
				continue
			}
			switch kw {
			case "items", "allOf", "anyOf", "oneOf":
				if list, ok := v.([]any); ok {
					for i, s := range list {
						walk(s, base, path+"/"+kw+"/"+strconv.Itoa(i))
					}
					continue
				}
				walk(v, base, path+"/"+kw)
			case "properties", "patternProperties", "dependencies":
				if m, ok := v.(*schemadoc.Object); ok {
					for _, k := range m.Keys {
						walk(m.Vals[k], base, path+"/"+kw+"/"+escapePointer(k))
					}
				}
			default:
				walk(v, base, path+"/"+kw)
			}
		}
	}
	walk(doc, r.rootBase, "")
	return found
}

// refScope names the resolution scope the way ajv's "can't resolve
// reference" message does: '#' for a schema without $id, the root $id
// with '#', a nested $id as written.
func refScope(base, rootBase string) string {
	switch {
	case base == "":
		return "#"
	case base == rootBase && !strings.Contains(base, "#"):
		return base + "#"
	}
	return base
}

// subschemaOrder lists the keywords holding subschemas in the order ajv
// compiles them (its rule groups). Definitions are compiled only when a
// $ref reaches them.
var subschemaOrder = []string{"items", "additionalItems", "contains", "dependencies", "propertyNames", "properties",
	"additionalProperties", "patternProperties", "not", "anyOf", "oneOf", "allOf", "if", "then", "else"}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// jsNumber formats a float64 as JavaScript's Number#toString does, for
// limits quoted in messages ("should be <= 1.5e+21").
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	sci := strconv.FormatFloat(f, 'e', -1, 64)
	mantissa, expText, _ := strings.Cut(sci, "e")
	digits := strings.Replace(mantissa, ".", "", 1)
	exp, _ := strconv.Atoi(expText)
	n := exp + 1 // position of the decimal point relative to the digits
	k := len(digits)
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	out := digits[:1]
	if k > 1 {
		out += "." + digits[1:]
	}
	e := n - 1
	if e >= 0 {
		return sign + out + "e+" + strconv.Itoa(e)
	}
	return sign + out + "e-" + strconv.Itoa(-e)
}
