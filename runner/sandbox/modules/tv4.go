package modules

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// tv4 validates draft-04 schemas and is lenient where the standard
// library is strict: it never asserts formats it was not taught, ignores
// $schema, skips keywords it cannot read (draft-3's `required: true` is
// common in old collections) and treats an unresolvable $ref as valid,
// listing it in `missing`. We compile with jsonschema under draft 4 and
// bend it to those rules.

// jsRegexp adapts regexp2's ECMAScript mode, since schema patterns are
// JavaScript regular expressions (lookaheads and all).
type jsRegexp struct{ re *regexp2.Regexp }

func (r jsRegexp) String() string { return r.re.String() }
func (r jsRegexp) MatchString(s string) bool {
	ok, _ := r.re.MatchString(s)
	return ok
}

func jsRegexpEngine(s string) (jsonschema.Regexp, error) {
	re, err := regexp2.Compile(s, regexp2.ECMAScript)
	if err != nil {
		return nil, err
	}
	return jsRegexp{re}, nil
}

// standardFormats are the formats jsonschema knows; tv4 asserts none of
// them, so each is replaced by one that accepts anything.
var standardFormats = []string{"regex", "ipv4", "ipv6", "hostname", "email", "date", "time", "date-time", "duration",
	"json-pointer", "relative-json-pointer", "uuid", "uri", "iri", "uri-reference", "iri-reference", "uri-template",
	"idn-email", "idn-hostname", "period", "semver"}

// tv4Missing records unresolvable $refs instead of failing, as tv4 does.
type tv4Loader struct {
	missing []string
}

func (l *tv4Loader) Load(u string) (any, error) {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	l.missing = append(l.missing, u)
	return map[string]any{}, nil
}

// tv4Env is one runtime's tv4 state: schemas added with addSchema and
// formats added with addFormat.
type tv4Env struct {
	rt      *goja.Runtime
	added   map[string]any
	formats map[string]goja.Callable
	cache   map[string]*tv4Compiled
}

type tv4Compiled struct {
	schema  *jsonschema.Schema
	missing []string
	doc     any
}

// sharedTV4 caches compiled schemas across runtimes for the common case
// of no addSchema/addFormat, keyed by the schema's JSON.
var sharedTV4 = struct {
	sync.Mutex
	m map[string]*tv4Compiled
}{m: map[string]*tv4Compiled{}}

const tv4RootURL = "tv4:///schema.json"

// sanitize removes what tv4 would ignore and draft 4's metaschema would
// reject, so compilation keeps tv4's leniency.
func sanitize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			switch k {
			case "$schema":
				continue
			case "required":
				if _, ok := val.([]any); !ok {
					continue
				}
			case "exclusiveMinimum", "exclusiveMaximum":
				if _, ok := val.(bool); !ok {
					n, _ := val.(json.Number)
					f, _ := n.Float64()
					out[k] = f != 0
					continue
				}
			}
			out[k] = sanitize(val)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = sanitize(e)
		}
		return out
	}
	return v
}

// deletePath removes the keyword at a metaschema error's location.
func deletePath(doc any, path []string) bool {
	if len(path) == 0 {
		return false
	}
	cur := doc
	for i, seg := range path {
		last := i == len(path)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				delete(c, seg)
				return true
			}
			next := c[seg]
			if _, isArr := next.([]any); isArr && i == len(path)-2 {
				// A bad element inside a keyword's array: drop the keyword.
				delete(c, seg)
				return true
			}
			cur = next
		case []any:
			n, err := strconv.Atoi(seg)
			if err != nil || n >= len(c) {
				return false
			}
			cur = c[n]
		default:
			return false
		}
	}
	return false
}

func leafLocations(err *jsonschema.ValidationError, out *[][]string) {
	if len(err.Causes) == 0 {
		*out = append(*out, err.InstanceLocation)
		return
	}
	for _, c := range err.Causes {
		leafLocations(c, out)
	}
}

func (e *tv4Env) compile(schemaJSON string) (*tv4Compiled, error) {
	shared := len(e.added) == 0 && len(e.formats) == 0
	if shared {
		sharedTV4.Lock()
		c := sharedTV4.m[schemaJSON]
		sharedTV4.Unlock()
		if c != nil {
			return c, nil
		}
	} else if c := e.cache[schemaJSON]; c != nil {
		return c, nil
	}
	raw, err := jsonschema.UnmarshalJSON(strings.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	doc := sanitize(raw)
	var c *tv4Compiled
	for attempt := 0; attempt < 25; attempt++ {
		c, err = e.compileDoc(doc)
		var sve *jsonschema.SchemaValidationError
		if err == nil || !errors.As(err, &sve) {
			break
		}
		var ve *jsonschema.ValidationError
		if !errors.As(sve.Err, &ve) {
			break
		}
		var locs [][]string
		leafLocations(ve, &locs)
		removed := false
		for _, l := range locs {
			removed = deletePath(doc, l) || removed
		}
		if !removed {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	if shared {
		sharedTV4.Lock()
		if len(sharedTV4.m) > 1024 {
			sharedTV4.m = map[string]*tv4Compiled{}
		}
		sharedTV4.m[schemaJSON] = c
		sharedTV4.Unlock()
	} else {
		e.cache[schemaJSON] = c
	}
	return c, nil
}

func (e *tv4Env) compileDoc(doc any) (*tv4Compiled, error) {
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(jsonschema.Draft4)
	comp.UseRegexpEngine(jsRegexpEngine)
	loader := &tv4Loader{}
	comp.UseLoader(loader)
	for _, name := range standardFormats {
		comp.RegisterFormat(&jsonschema.Format{Name: name, Validate: func(any) error { return nil }})
	}
	for name, fn := range e.formats {
		comp.RegisterFormat(&jsonschema.Format{Name: name, Validate: e.formatFunc(fn)})
	}
	for u, d := range e.added {
		if err := comp.AddResource(u, sanitize(d)); err != nil {
			return nil, err
		}
	}
	if err := comp.AddResource(tv4RootURL, doc); err != nil {
		return nil, err
	}
	s, err := comp.Compile(tv4RootURL)
	if err != nil {
		return nil, err
	}
	return &tv4Compiled{schema: s, missing: loader.missing, doc: doc}, nil
}

// formatFunc calls a tv4.addFormat validator: it returns null or
// undefined for valid data, else an error message.
func (e *tv4Env) formatFunc(fn goja.Callable) func(any) error {
	return func(v any) error {
		out, err := fn(goja.Undefined(), e.rt.ToValue(jsonToJS(v)))
		if err != nil {
			return err
		}
		if out == nil || goja.IsUndefined(out) || goja.IsNull(out) {
			return nil
		}
		if out.ExportType() != nil && out.ExportType().Kind().String() == "bool" {
			if out.ToBoolean() {
				return nil
			}
			return errors.New("")
		}
		return errors.New(out.String())
	}
}

// jsonToJS turns json.Number (from UnmarshalJSON) into float64 for JS.
func jsonToJS(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonToJS(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonToJS(e)
		}
		return out
	}
	return v
}

// tv4Error is one error in tv4's shape.
type tv4Error struct {
	Message    string     `json:"message"`
	Code       int        `json:"code"`
	DataPath   string     `json:"dataPath"`
	SchemaPath string     `json:"schemaPath"`
	Params     params     `json:"params"`
	SubErrors  []tv4Error `json:"subErrors"`
	depth      int
	rank       int
}

// params keeps tv4's parameter order in the JSON the script sees.
type params []any

func (p params) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i+1 < len(p); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p[i])
		v, _ := json.Marshal(p[i+1])
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// errCtx carries what error conversion needs beyond the error tree: the
// root schema and data, to report the schema's own type order, required
// indexes and additional item positions as tv4 does.
type errCtx struct {
	doc, data any
}

// at resolves a JSON pointer (as path segments) in v.
func at(v any, path []string) any {
	for _, seg := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			n, err := strconv.Atoi(seg)
			if err != nil || n < 0 || n >= len(x) {
				return nil
			}
			v = x[n]
		default:
			return nil
		}
	}
	return v
}

func splitPointer(p string) []string {
	if p == "" || p == "/" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return parts
}

func ratNum(r *big.Rat) any {
	if r == nil {
		return nil
	}
	f, _ := r.Float64()
	return f
}

func jsNum(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		return x.String()
	}
	return fmt.Sprint(v)
}

func pointer(loc []string) string {
	var sb strings.Builder
	for _, s := range loc {
		sb.WriteByte('/')
		sb.WriteString(strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1"))
	}
	return sb.String()
}

func schemaPathOf(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		p, err := url.PathUnescape(u[i+1:])
		if err == nil {
			return p
		}
		return u[i+1:]
	}
	return ""
}

// tv4Errors converts a jsonschema error tree into tv4 errors, one per
// failing keyword; anyOf/oneOf/not stay whole, as tv4 reports them.
func (ctx errCtx) tv4Errors(ve *jsonschema.ValidationError, out *[]tv4Error) {
	schemaPath := schemaPathOf(ve.SchemaURL)
	inRoot := strings.HasPrefix(ve.SchemaURL, tv4RootURL+"#")
	var schemaHere map[string]any
	if inRoot {
		schemaHere, _ = at(ctx.doc, splitPointer(schemaPath)).(map[string]any)
	}
	if ve.ErrorKind != nil {
		if kp := ve.ErrorKind.KeywordPath(); len(kp) > 0 {
			schemaPath += pointer(kp)
		}
	}
	base := tv4Error{DataPath: pointer(ve.InstanceLocation), SchemaPath: schemaPath, depth: len(ve.InstanceLocation), Params: params{}}
	add := func(code, rank int, msg string, ps params) {
		e := base
		e.Code, e.rank, e.Message = code, rank, msg
		if ps != nil {
			e.Params = ps
		}
		*out = append(*out, e)
	}
	switch k := ve.ErrorKind.(type) {
	case *kind.Type:
		got := k.Got
		if got == "integer" {
			got = "number"
		}
		want := strings.Join(k.Want, "/")
		switch t := schemaHere["type"].(type) {
		case string:
			want = t
		case []any:
			var ws []string
			for _, x := range t {
				ws = append(ws, fmt.Sprint(x))
			}
			want = strings.Join(ws, "/")
		}
		add(0, 0, fmt.Sprintf("Invalid type: %s (expected %s)", got, want), params{"type", got, "expected", want})
	case *kind.Enum:
		// tv4 reports enum failures under /type, a quirk kept for parity.
		base.SchemaPath = schemaPathOf(ve.SchemaURL) + "/type"
		b, _ := json.Marshal(k.Got)
		add(1, 1, "No enum match for: "+string(b), params{"value", string(b)})
	case *kind.Const:
		b, _ := json.Marshal(k.Got)
		add(1, 1, "No enum match for: "+string(b), params{"value", string(b)})
	case *kind.MultipleOf:
		base.SchemaPath = "" // tv4 leaves it empty for multipleOf
		add(100, 2, fmt.Sprintf("Value %s is not a multiple of %s", jsNum(ratNum(k.Got)), jsNum(ratNum(k.Want))), params{"value", ratNum(k.Got), "multipleOf", ratNum(k.Want)})
	case *kind.Minimum:
		add(101, 2, fmt.Sprintf("Value %s is less than minimum %s", jsNum(ratNum(k.Got)), jsNum(ratNum(k.Want))), params{"value", ratNum(k.Got), "minimum", ratNum(k.Want)})
	case *kind.ExclusiveMinimum:
		add(102, 2, fmt.Sprintf("Value %s is equal to exclusive minimum %s", jsNum(ratNum(k.Got)), jsNum(ratNum(k.Want))), params{"value", ratNum(k.Got), "minimum", ratNum(k.Want)})
	case *kind.Maximum:
		add(103, 2, fmt.Sprintf("Value %s is greater than maximum %s", jsNum(ratNum(k.Got)), jsNum(ratNum(k.Want))), params{"value", ratNum(k.Got), "maximum", ratNum(k.Want)})
	case *kind.ExclusiveMaximum:
		add(104, 2, fmt.Sprintf("Value %s is equal to exclusive maximum %s", jsNum(ratNum(k.Got)), jsNum(ratNum(k.Want))), params{"value", ratNum(k.Got), "maximum", ratNum(k.Want)})
	case *kind.MinLength:
		add(200, 3, fmt.Sprintf("String is too short (%d chars), minimum %d", k.Got, k.Want), params{"length", k.Got, "minimum", k.Want})
	case *kind.MaxLength:
		add(201, 3, fmt.Sprintf("String is too long (%d chars), maximum %d", k.Got, k.Want), params{"length", k.Got, "maximum", k.Want})
	case *kind.Pattern:
		add(202, 3, "String does not match pattern: "+k.Want, params{"pattern", k.Want})
	case *kind.MinItems:
		add(400, 4, fmt.Sprintf("Array is too short (%d), minimum %d", k.Got, k.Want), params{"length", k.Got, "minimum", k.Want})
	case *kind.MaxItems:
		add(401, 4, fmt.Sprintf("Array is too long (%d), maximum %d", k.Got, k.Want), params{"length", k.Got, "maximum", k.Want})
	case *kind.UniqueItems:
		add(402, 4, fmt.Sprintf("Array items are not unique (indices %d and %d)", k.Duplicates[0], k.Duplicates[1]), params{"match1", k.Duplicates[0], "match2", k.Duplicates[1]})
	case *kind.AdditionalItems:
		// tv4 reports each extra item at its own index.
		n := 0
		if arr, ok := at(ctx.data, ve.InstanceLocation).([]any); ok {
			n = len(arr)
		}
		for i := n - k.Count; i < n; i++ {
			e := base
			e.Code, e.rank, e.Message = 403, 4, "Additional items not allowed"
			e.DataPath = base.DataPath + "/" + strconv.Itoa(i)
			*out = append(*out, e)
		}
	case *kind.MinProperties:
		add(300, 5, fmt.Sprintf("Too few properties defined (%d), minimum %d", k.Got, k.Want), params{"propertyCount", k.Got, "minimum", k.Want})
	case *kind.MaxProperties:
		add(301, 5, fmt.Sprintf("Too many properties defined (%d), maximum %d", k.Got, k.Want), params{"propertyCount", k.Got, "maximum", k.Want})
	case *kind.Required:
		req, _ := schemaHere["required"].([]any)
		for _, m := range k.Missing {
			e := base
			e.Code, e.rank, e.Message, e.Params = 302, 6, "Missing required property: "+m, params{"key", m}
			for i, r := range req {
				if r == m {
					e.SchemaPath = base.SchemaPath + "/" + strconv.Itoa(i)
				}
			}
			*out = append(*out, e)
		}
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			e := base
			e.Code, e.rank, e.Message = 303, 7, "Additional properties not allowed"
			e.DataPath = base.DataPath + pointer([]string{p})
			e.Params = params{"key", p}
			*out = append(*out, e)
		}
	case *kind.Dependency:
		for _, m := range k.Missing {
			base.SchemaPath = schemaPathOf(ve.SchemaURL) + "/dependencies/" + k.Prop + "/0"
			add(304, 8, fmt.Sprintf("Dependency failed - key must exist: %s (due to key: %s)", m, k.Prop), params{"key", k.Prop, "missing", m})
		}
	case *kind.AnyOf:
		var subs []tv4Error
		for _, c := range ve.Causes {
			ctx.tv4Errors(c, &subs)
		}
		e := base
		e.Code, e.rank, e.Message, e.SubErrors = 10, 9, `Data does not match any schemas from "anyOf"`, subs
		*out = append(*out, e)
	case *kind.OneOf:
		if len(k.Subschemas) >= 2 {
			add(12, 9, fmt.Sprintf(`Data is valid against more than one schema from "oneOf": indices %d and %d`, k.Subschemas[0], k.Subschemas[1]),
				params{"index1", k.Subschemas[0], "index2", k.Subschemas[1]})
		} else {
			var subs []tv4Error
			for _, c := range ve.Causes {
				ctx.tv4Errors(c, &subs)
			}
			e := base
			e.Code, e.rank, e.Message, e.SubErrors = 11, 9, `Data does not match any schemas from "oneOf"`, subs
			*out = append(*out, e)
		}
	case *kind.Not:
		base.SchemaPath = schemaPathOf(ve.SchemaURL) + "/not"
		add(13, 9, `Data matches schema from "not"`, nil)
	case *kind.Format:
		msg := ""
		if k.Err != nil {
			msg = k.Err.Error()
		}
		add(500, 10, "Format validation failed ("+msg+")", params{"message", msg})
	case *kind.FalseSchema:
		add(303, 7, "Additional properties not allowed", nil)
	default:
		for _, c := range ve.Causes {
			ctx.tv4Errors(c, out)
		}
	}
}

// tv4Natives is the Go half of js/tv4.js: validate(dataJSON, schemaJSON,
// all) -> {valid, errors, missing}.
func tv4Natives(st *runtimeState) *goja.Object {
	rt := st.rt
	env := &tv4Env{rt: rt, added: map[string]any{}, formats: map[string]goja.Callable{}, cache: map[string]*tv4Compiled{}}
	o := rt.NewObject()
	_ = o.Set("validate", func(call goja.FunctionCall) goja.Value {
		res := map[string]any{"valid": true, "errors": []tv4Error{}, "missing": []string{}}
		c, err := env.compile(call.Argument(1).String())
		if err != nil {
			st.throwError("tv4: cannot use schema: "+err.Error(), "")
		}
		if c.missing != nil {
			res["missing"] = c.missing
		}
		data, err := jsonschema.UnmarshalJSON(strings.NewReader(call.Argument(0).String()))
		if err != nil {
			st.throwError("tv4: "+err.Error(), "")
		}
		verr := c.schema.Validate(data)
		var ve *jsonschema.ValidationError
		if verr != nil && errors.As(verr, &ve) {
			var errs []tv4Error
			errCtx{doc: c.doc, data: data}.tv4Errors(ve, &errs)
			sort.SliceStable(errs, func(i, j int) bool {
				if errs[i].depth != errs[j].depth {
					return errs[i].depth < errs[j].depth
				}
				return errs[i].rank < errs[j].rank
			})
			if len(errs) == 0 {
				errs = []tv4Error{{Message: verr.Error(), Params: params{}}}
			}
			res["valid"] = false
			res["errors"] = errs
		}
		b, _ := json.Marshal(res)
		return rt.ToValue(string(b))
	})
	_ = o.Set("addSchema", func(call goja.FunctionCall) goja.Value {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(call.Argument(1).String()))
		if err != nil {
			st.throwError("tv4: "+err.Error(), "")
		}
		env.added[strings.TrimSuffix(call.Argument(0).String(), "#")] = doc
		env.cache = map[string]*tv4Compiled{}
		return goja.Undefined()
	})
	_ = o.Set("addFormat", func(call goja.FunctionCall) goja.Value {
		if fn, ok := goja.AssertFunction(call.Argument(1)); ok {
			env.formats[call.Argument(0).String()] = fn
			env.cache = map[string]*tv4Compiled{}
		}
		return goja.Undefined()
	})
	_ = o.Set("dropSchemas", func(goja.FunctionCall) goja.Value {
		env.added = map[string]any{}
		env.cache = map[string]*tv4Compiled{}
		return goja.Undefined()
	})
	return o
}
