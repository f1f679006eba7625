package chai

import (
	"encoding/json"
	"fmt"
	"math"
	"sync"

	"github.com/colrun/colrun/runner/sandbox/ajv"
	"github.com/colrun/colrun/runner/sandbox/schemadoc"
)

// ValidateJSONSchema checks data against schema for chai-postman's
// jsonSchema assertion, which validates with `new Ajv(options)` and
// reports ajv.errorsText(). It validates through runner/sandbox/ajv, the
// validator require('ajv') uses, so:
//
//   - it returns nil when the data is valid, else one line per ajv error
//     in ajv's order ("data.items[1] should have required property 'id'"),
//     which the assertion joins with ", " as errorsText does;
//   - it returns an error, which the assertion throws, where ajv throws:
//     an unknown $schema ("no schema with key or ref ..."), a schema
//     failing the draft-07 meta-schema ("schema is invalid: ..."), an
//     unknown format, an unresolvable $ref, or a $ref that recurses
//     without end (ajv.ErrTooDeep).
//
// optionsJSON is the options object chai-postman hands to ajv (allErrors
// true unless the script overrides it); allErrors, format and
// unknownFormats change outcomes.
func ValidateJSONSchema(schemaJSON, dataJSON, optionsJSON string) ([]string, error) {
	entry := compiledSchema(schemaJSON, optionsJSON)
	if entry.err != nil {
		return nil, entry.err
	}
	data, err := schemadoc.Parse(dataJSON)
	if err != nil {
		return nil, fmt.Errorf("jsonSchema: data is not JSON: %v", err)
	}
	errs, err := entry.schema.Validate(data)
	if err != nil || errs == nil {
		return nil, err
	}
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = "data" + e.DataPath + " " + e.Message
	}
	return lines, nil
}

// parseOptions reads the ajv options a script may pass to jsonSchema.
func parseOptions(optionsJSON string) ajv.Options {
	var opts ajv.Options
	var raw map[string]json.RawMessage
	if json.Unmarshal([]byte(optionsJSON), &raw) != nil {
		return opts
	}
	value := func(k string) (any, bool) {
		v, ok := raw[k]
		if !ok {
			return nil, false
		}
		var x any
		_ = json.Unmarshal(v, &x)
		return x, true
	}
	if v, ok := value("allErrors"); ok {
		opts.AllErrors = truthy(v)
	}
	if v, ok := value("format"); ok {
		switch {
		case !truthy(v):
			opts.Format = ajv.FormatOff
		case v == "full":
			opts.Format = ajv.FormatFull
		}
	}
	if v, ok := value("unknownFormats"); ok {
		switch v := v.(type) {
		case string:
			opts.IgnoreUnknownFormats = v == "ignore"
		case []any:
			opts.AllowedUnknownFormats = map[string]bool{}
			for _, name := range v {
				if s, ok := name.(string); ok {
					opts.AllowedUnknownFormats[s] = true
				}
			}
		}
	}
	return opts
}

// truthy is JavaScript's Boolean(v) for a JSON value, as ajv reads its
// options.
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
// Compilation, cached: collections check the same schema on every request.

type schemaEntry struct {
	schema *ajv.Schema
	err    error
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

// compileSchema compiles a schema in an instance of its own, as
// chai-postman makes a new Ajv for every assertion; the instance is only
// read afterwards, so parallel workers share the compiled schema.
func compileSchema(schemaJSON string, opts ajv.Options) *schemaEntry {
	doc, err := schemadoc.Parse(schemaJSON)
	if err != nil {
		return &schemaEntry{err: fmt.Errorf("jsonSchema: schema is not JSON: %v", err)}
	}
	s, err := ajv.New(opts).Compile(doc)
	return &schemaEntry{schema: s, err: err}
}
