package sandbox

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/collections"
)

// requestObject builds pm.request: the object `new Request(requestPlain(r))`
// makes, with pm's `to`, property for property. The Request, Url, header,
// query and path-variable objects are built here, which costs a fraction of
// running the generic constructors (Request#update alone parses an empty
// URL and populates the headers twice); a body and an auth still go through
// their constructors. The url, headers, body and auth are lazy properties
// (lazy.go), built on first read from a copy of r taken now. What this
// cannot build exactly as JavaScript would (a non-ASCII method, an index
// key of "__proto__", an odd variable type) goes through the Request
// constructor, and parts is then nil. fastpath_test.go holds it to that.
func (s *Sandbox) requestObject(r *collections.Request) (o *goja.Object, parts *requestParts) {
	c := &s.classes
	var ok bool
	if !s.viaConstructor {
		o, parts, ok = s.requestFast(r)
	}
	if !ok {
		v, err := s.rt.New(c.request, s.requestPlain(r))
		if err != nil {
			panic(err)
		}
		o = v
	}
	if c.to != nil {
		_ = o.DefineAccessorProperty("to", c.to, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return o, parts
}

// requestParts is what pm.request's lazy parts are built from: the
// request as it was when pm.request was made (a pre-request script's
// changes are written back to the Go request only after it ends, and the
// runner may change it later).
type requestParts struct {
	lazyState
	req collections.Request
	// types are the path variables' types for urlObject.
	types []string
	// exportBase is set for a pre-request script's pm.request: building
	// its body or auth also exports it as built, the baseline its changes
	// are found against.
	exportBase         bool
	bodyBase, authBase any
	hasBodyBase        bool
	hasAuthBase        bool
	// url is the Url built for the request's url.
	url *goja.Object
	// changes is what requestChanges exports of the request after the
	// script (see nChange).
	changes map[string]any
}

var requestLazyNames = []string{"url", "headers", "body", "auth"}

func (p *requestParts) lazyNames() []string { return requestLazyNames }
func (p *requestParts) state() *lazyState   { return &p.lazyState }

func (p *requestParts) lazyBuild(s *Sandbox, o *goja.Object, name string) goja.Value {
	switch name {
	case "url":
		u := s.urlObject(p.req.URL, p.types, true)
		p.url = u
		return u
	case "headers":
		return s.requestHeaders(o, p.req.Headers)
	case "body":
		body := s.requestBody(p.req.Body)
		if p.exportBase {
			p.bodyBase, p.hasBodyBase = s.bodyBaseline(p.req.Body, body), true
		}
		return body
	default:
		auth := s.requestAuth(p.req.Auth)
		if p.exportBase {
			p.authBase, p.hasAuthBase = s.exportPart(s.classes.exportAuth, auth), true
		}
		return auth
	}
}

func (s *Sandbox) requestHeaders(o *goja.Object, headers []collections.Header) *goja.Object {
	if hasDescriptions(headers) || hasDisabledAs(headers) {
		// HeaderList's own constructor keeps each header's description
		// where Property puts it, and a "disabled" of false or null as
		// written; the list built in Go has no room for either.
		plain := make([]any, len(headers))
		for i, h := range headers {
			p := s.headerPlain(h)
			if h.System {
				_ = p.Set("system", true)
			}
			plain[i] = p
		}
		l, err := s.rt.New(s.classes.headerList, o, s.rt.NewArray(plain...))
		if err != nil {
			panic(err)
		}
		return l
	}
	hs := make([]header, len(headers))
	for i, h := range headers {
		hs[i] = header{key: h.Key, value: h.Value, disabled: h.Disabled, system: h.System}
	}
	return s.headerList(o, hs)
}

// hasDisabledAs reports whether a header writes a "disabled" that does
// not disable it.
func hasDisabledAs(headers []collections.Header) bool {
	for _, h := range headers {
		if !h.Disabled && h.DisabledAs != collections.DisabledAbsent {
			return true
		}
	}
	return false
}

// hasDescriptions reports whether a header has a description.
func hasDescriptions(headers []collections.Header) bool {
	for _, h := range headers {
		if h.Description != nil {
			return true
		}
	}
	return false
}

// requestBody builds `new RequestBody(bodyPlain(b))`: in Go for a raw
// body, the usual one, else through the constructor.
func (s *Sandbox) requestBody(b *collections.Body) *goja.Object {
	if rawBody(b) {
		return s.rawRequestBody(b)
	}
	body, err := s.rt.New(s.classes.requestBody, s.bodyPlain(b))
	if err != nil {
		panic(err)
	}
	return body
}

// rawBody reports whether RequestBody#update gives b the mode raw (its
// MODES lookup of the lower-cased mode finds raw).
func rawBody(b *collections.Body) bool {
	return len(b.Mode) == len("raw") && strings.EqualFold(b.Mode, "raw")
}

// rawText is the raw text of a body rawBody accepts: bodyPlain sets raw
// for the mode "raw" alone, and update makes a missing one empty.
func rawText(b *collections.Body) string {
	if b.Mode == "raw" {
		return b.Raw
	}
	return ""
}

// rawRequestBody is what RequestBody#update makes of bodyPlain(b) for a
// body rawBody accepts, property for property.
func (s *Sandbox) rawRequestBody(b *collections.Body) *goja.Object {
	rt := s.rt
	undef := goja.Undefined()
	o := s.newInstance(s.classes.requestBodyProto)
	_ = o.Set("mode", s.prims.str(rt, "raw"))
	if b.Mode == "raw" && b.RawJSON != "" {
		// A raw body the collection gives as another value than a string
		// (5, true, an object) is that value to scripts, as in Newman;
		// exportBody sends it back as Newman sends it (5, true and {} as
		// no body, an object as its JSON).
		raw := s.literalOr(b.RawJSON, b.Raw)
		if !raw.ToBoolean() {
			// RequestBody#update makes a falsy raw (false, 0) "".
			raw = s.prims.str(s.rt, "")
		}
		_ = o.Set("raw", raw)
	} else {
		_ = o.Set("raw", rt.ToValue(rawText(b)))
	}
	for _, name := range [...]string{"urlencoded", "formdata", "file", "graphql"} {
		_ = o.Set(name, undef)
	}
	switch {
	case b.Options != "":
		// The options as the collection writes them (headerFamily, an
		// empty raw, another mode's).
		_ = o.Set("options", s.literalOr(b.Options, ""))
	case b.Language != "":
		opts, raw := rt.NewObject(), rt.NewObject()
		_ = raw.Set("language", s.prims.str(rt, b.Language))
		_ = opts.Set("raw", raw)
		_ = o.Set("options", opts)
	default:
		_ = o.Set("options", undef)
	}
	if b.Disabled {
		_ = o.Set("disabled", true)
	} else {
		_ = o.Set("disabled", undef)
	}
	return o
}

// bodyBaseline is the Go form of exportBody of b's RequestBody, built
// (nil: not yet), as the baseline a pre-request script's changes are
// found against.
func (s *Sandbox) bodyBaseline(b *collections.Body, built *goja.Object) any {
	// exportBody writes a raw value that is not a string, and options
	// beside a language, as JSON.stringify does, which is left to it.
	if rawBody(b) && b.RawJSON == "" && b.Options == "" {
		return map[string]any{"mode": "raw", "disabled": b.Disabled, "language": b.Language, "options": "", "raw": rawText(b), "rawJSON": ""}
	}
	if built == nil {
		built = s.requestBody(b)
	}
	return s.exportPart(s.classes.exportBody, built)
}

func (s *Sandbox) requestAuth(a *collections.Auth) *goja.Object {
	auth, err := s.rt.New(s.classes.requestAuth, s.authPlain(a))
	if err != nil {
		panic(err)
	}
	return auth
}

// exportPart returns the Go form of the bootstrap's exportBody or
// exportAuth of v.
func (s *Sandbox) exportPart(export goja.Callable, v goja.Value) any {
	out, err := export(goja.Undefined(), v, s.rt.ToValue(false))
	if err != nil {
		panic(err)
	}
	return out.Export()
}

func (s *Sandbox) requestFast(r *collections.Request) (*goja.Object, *requestParts, bool) {
	rt := s.rt
	method := "GET"
	if r.Method != "" {
		if !isASCII(r.Method) {
			return nil, nil, false
		}
		method = strings.ToUpper(r.Method)
	}
	types, lazyURL, ok := s.urlTypes(r.URL)
	if !ok {
		return nil, nil, false
	}
	parts := &requestParts{req: *r, types: types}
	o := s.newInstance(s.classes.requestProto)
	// Property: a description; Request: url, headers, method; then
	// Request#update's body and auth, when defined.
	if r.Description != "" {
		_ = o.Set("description", rt.ToValue(r.Description))
	}
	lazy := false
	if lazyURL {
		s.defineLazy(o, parts, "url")
		lazy = true
	} else {
		_ = o.Set("url", s.urlObject(r.URL, types, false))
	}
	if headersFast(r.Headers) {
		s.defineLazy(o, parts, "headers")
		lazy = true
	} else {
		_ = o.Set("headers", s.requestHeaders(o, r.Headers))
	}
	_ = o.Set("method", rt.ToValue(method))
	// The constructors run the bootstrap's JavaScript, which no script can
	// have changed: RequestBody's and RequestAuth's prototypes are reached
	// only through a body or auth.
	if r.Body != nil {
		s.defineLazy(o, parts, "body")
		lazy = true
	}
	if r.Auth != nil {
		s.defineLazy(o, parts, "auth")
		lazy = true
	}
	if lazy {
		s.registerLazy(o, parts)
	}
	return o, parts, true
}

// headersFast reports whether headerList builds a list of these headers
// in Go, running no JavaScript, so that it may wait for the first read.
func headersFast(headers []collections.Header) bool {
	if hasDisabledAs(headers) {
		return false
	}
	for _, h := range headers {
		if !isASCII(h.Key) || len(h.Key) == len("__proto__") && strings.ToLower(h.Key) == "__proto__" {
			return false
		}
	}
	return true
}

// urlTypes checks that urlObject can build u as JavaScript would and
// returns the path variables' types. lazy is false when building it
// calls a caster (Variable.types, which a script can replace) on a value
// that is not a primitive: then it is built at once, as before.
func (s *Sandbox) urlTypes(u collections.URL) (types []string, lazy, ok bool) {
	c := &s.classes
	// What the lists below cannot index as JavaScript would.
	for _, q := range u.Query {
		if q.Key == "__proto__" {
			return nil, false, false
		}
	}
	lazy = true
	types = make([]string, len(u.Variables))
	for i, v := range u.Variables {
		if v.Key == "__proto__" {
			return nil, false, false
		}
		types[i] = "any"
		if v.Type == "" {
			continue
		}
		if !isASCII(v.Type) {
			return nil, false, false
		}
		switch t := strings.ToLower(v.Type); t {
		case "string", "boolean", "number", "any":
			types[i] = t
		default:
			// Variable.types decides; anything it has besides the
			// four types (an Object.prototype member) is left to it.
			if x := c.variableTypes.Get(t); x != nil && x.ToBoolean() {
				return nil, false, false
			}
		}
		if types[i] != "any" && v.Value != nil {
			lazy = false
		}
	}
	return types, lazy, true
}

// urlObject builds the Url that `new Url()` updated with urlPlain(u)
// becomes, u's path variables having the types urlTypes gave. When lazy
// (urlTypes found no caster to call), its object-valued parts (auth, path,
// host, query and variables) are lazy properties (lazy.go): a script that
// only reads pm.request.url.toString() never builds them, and while they
// are unread Url#toString is computed in Go (urlStringFast).
func (s *Sandbox) urlObject(u collections.URL, types []string, lazy bool) *goja.Object {
	o := s.newInstance(s.classes.urlProto)
	undef := goja.Undefined()
	var parts *urlParts
	if lazy {
		parts = &urlParts{u: u, types: types}
	}
	// part sets name to build's value now, or makes it lazy.
	part := func(name string, present bool) {
		switch {
		case !present:
			_ = o.Set(name, undef)
		case parts != nil:
			s.defineLazy(o, parts, name)
		default:
			_ = o.Set(name, s.urlPart(o, u, types, name))
		}
	}
	part("auth", u.Auth != nil)
	_ = o.Set("protocol", s.urlText(u.Protocol))
	_ = o.Set("port", s.urlText(u.Port))
	part("path", u.Path != nil)
	_ = o.Set("hash", s.urlText(u.Hash))
	part("host", u.Host != nil)
	part("query", true)
	part("variables", true)
	if parts != nil {
		s.registerLazy(o, parts)
	}
	return o
}

// urlText is a Url's string part: undefined when empty, as urlPlain
// leaves it out.
func (s *Sandbox) urlText(v string) goja.Value {
	if v == "" {
		return goja.Undefined()
	}
	return s.prims.str(s.rt, v)
}

// urlParts is what a Url's lazy parts are built from.
type urlParts struct {
	lazyState
	u     collections.URL
	types []string
}

var urlLazyNames = []string{"auth", "path", "host", "query", "variables"}

func (p *urlParts) lazyNames() []string { return urlLazyNames }
func (p *urlParts) state() *lazyState   { return &p.lazyState }
func (p *urlParts) lazyBuild(s *Sandbox, o *goja.Object, name string) goja.Value {
	return s.urlPart(o, p.u, p.types, name)
}

// urlPart builds the part name of the Url o that u describes.
func (s *Sandbox) urlPart(o *goja.Object, u collections.URL, types []string, name string) goja.Value {
	rt, c := s.rt, &s.classes
	undef := goja.Undefined()
	switch name {
	case "auth":
		a := rt.NewObject()
		_ = a.Set("user", rt.ToValue(u.Auth.User))
		_ = a.Set("password", rt.ToValue(u.Auth.Password))
		return a
	case "path":
		return stringArray(rt, u.Path)
	case "host":
		return stringArray(rt, u.Host)
	case "query":
		// new PropertyList(QueryParam, url, ...), indexed by key.
		ql := s.newInstance(c.propertyListProto)
		link(ql, c.parent, o)
		members := make([]any, len(u.Query))
		names := make([]string, len(u.Query))
		for i, q := range u.Query {
			qo := s.newInstance(c.queryParamProto)
			// Property sets disabled, then description; update key and value.
			if q.Disabled {
				_ = qo.Set("disabled", true)
			}
			if q.Description != nil {
				_ = qo.Set("description", s.descriptionJS(q.Description))
			}
			_ = qo.Set("key", rt.ToValue(q.Key))
			if q.Value == nil {
				_ = qo.Set("value", goja.Null())
			} else {
				_ = qo.Set("value", rt.ToValue(*q.Value))
			}
			link(qo, c.parent, ql)
			members[i] = qo
			names[i] = q.Key
		}
		ref := s.listIndex(members, names, true)
		_ = ql.Set("members", rt.NewArray(members...))
		_ = ql.Set("reference", ref)
		_ = ql.Set("Type", c.queryParam)
		_ = ql.Set("_postman_listIndexKey", s.prims.str(rt, "key"))
		_ = ql.Set("_postman_listAllowsMultipleValues", true)
		return ql
	}
	// variables: new VariableList(url, ...), the last of a key indexed.
	vl := s.newInstance(c.variableListProto)
	link(vl, c.parent, o)
	members := make([]any, len(u.Variables))
	names := make([]string, len(u.Variables))
	for i, v := range u.Variables {
		vo := s.newInstance(c.variableProto)
		if v.Disabled {
			_ = vo.Set("disabled", true)
		}
		_ = vo.Set("type", rt.ToValue(types[i]))
		value := undef
		if v.Value != nil {
			value = s.toJS(v.Value)
			if types[i] != "any" {
				cast, _ := goja.AssertFunction(c.variableTypes.Get(types[i]))
				var err error
				if value, err = cast(goja.Undefined(), value); err != nil {
					panic(err)
				}
			}
		}
		_ = vo.Set("value", value)
		// Url#update gives a variable without a key its id, which urlPlain
		// never sets.
		_ = vo.Set("key", s.urlText(v.Key))
		link(vo, c.parent, vl)
		members[i] = vo
		names[i] = v.Key
	}
	ref := s.listIndex(members, names, false)
	_ = vl.Set("members", rt.NewArray(members...))
	_ = vl.Set("reference", ref)
	_ = vl.Set("Type", c.variable)
	_ = vl.Set("_postman_listIndexKey", s.prims.str(rt, "key"))
	return vl
}

// A pre-request script's changes to pm.request are found by comparing the
// bootstrap's export of it (exportRequest) after the script with the
// export of the request as built, part by part (method, url, header, body,
// auth), skipping the lazy parts no script read. requestBaseline computes
// the latter's method, url and header parts from the Go request, which
// saves exporting the JavaScript object (a body and an auth are exported
// as they are built). It does so where its result is exactly what
// v.Export() of exportRequest gives (fastpath_test.go checks): string path
// variables of no type or type string, and what requestFast builds;
// otherwise it returns nil and the bootstrap exports the whole request as
// soon as it is built.
func (s *Sandbox) requestBaseline(r *collections.Request) map[string]any {
	if !s.baselineInGo(r) {
		return nil
	}
	return map[string]any{"method": baselineMethod(r), "url": baselineURL(r.URL), "header": baselineHeaders(r.Headers)}
}

// baselineInGo reports whether requestBaseline can compute r's baseline.
func (s *Sandbox) baselineInGo(r *collections.Request) bool {
	if r.Method != "" && !isASCII(r.Method) {
		return false
	}
	for _, v := range r.URL.Variables {
		if v.Key == "__proto__" {
			return false
		}
		if v.Type != "" {
			if !isASCII(v.Type) {
				return false
			}
			switch t := strings.ToLower(v.Type); t {
			case "string", "any":
			case "boolean", "number":
				return false
			default:
				if x := s.classes.variableTypes.Get(t); x != nil && x.ToBoolean() {
					return false
				}
			}
		}
		switch v.Value.(type) {
		case nil, string:
		default:
			return false
		}
	}
	// Descriptions are exported as the script sees them, which only the
	// bootstrap's export gives exactly.
	for _, q := range r.URL.Query {
		if q.Key == "__proto__" || q.Description != nil {
			return false
		}
	}
	return !hasDescriptions(r.Headers)
}

func baselineMethod(r *collections.Request) string {
	if r.Method != "" {
		return strings.ToUpper(r.Method)
	}
	return "GET"
}

// baselineURL is exportUrl's result for u, which baselineInGo accepted.
func baselineURL(u collections.URL) map[string]any {
	vars := make([]any, len(u.Variables))
	for i, v := range u.Variables {
		typ := ""
		if v.Type != "" && strings.ToLower(v.Type) == "string" {
			typ = "string"
		}
		var value any
		if x, ok := v.Value.(string); ok {
			value = x
		}
		vars[i] = map[string]any{"key": v.Key, "value": value, "type": typ, "disabled": v.Disabled}
	}
	query := make([]any, len(u.Query))
	for i, q := range u.Query {
		var value any
		if q.Value != nil {
			value = *q.Value
		}
		query[i] = map[string]any{"key": q.Key, "value": value, "disabled": q.Disabled}
	}
	var auth, host, path any
	if u.Auth != nil {
		auth = map[string]any{"user": u.Auth.User, "password": u.Auth.Password}
	}
	if u.Host != nil {
		host = stringsAny(u.Host)
	}
	if u.Path != nil {
		path = stringsAny(u.Path)
	}
	return map[string]any{
		"raw": urlString(u), "protocol": u.Protocol, "auth": auth, "host": host, "port": u.Port,
		"path": path, "query": query, "hash": u.Hash, "variable": vars,
	}
}

func baselineHeaders(hs []collections.Header) []any {
	headers := make([]any, len(hs))
	for i, h := range hs {
		headers[i] = map[string]any{"key": h.Key, "value": h.Value, "disabled": h.Disabled}
	}
	return headers
}

// headersBaseline is baselineHeaders(hs) as applyRequestChanges compares
// it, without building it.
type headersBaseline []collections.Header

// sameAs reports whether export, a header list as exported, is
// baselineHeaders of hb.
func (hb headersBaseline) sameAs(export any) bool {
	if e, ok := export.(*headersExported); ok {
		// A description, even null, is a key the baseline lacks.
		return !e.described && slices.EqualFunc(hb, e.hs, func(b, h collections.Header) bool {
			return b.Key == h.Key && b.Value == h.Value && b.Disabled == h.Disabled
		})
	}
	list, ok := export.([]any)
	if !ok || len(list) != len(hb) {
		return false
	}
	for i, h := range hb {
		m, ok := list[i].(map[string]any)
		if !ok || len(m) != 3 {
			return false
		}
		key, ok1 := m["key"].(string)
		value, ok2 := m["value"].(string)
		disabled, ok3 := m["disabled"].(bool)
		if !ok1 || !ok2 || !ok3 || key != h.Key || value != h.Value || disabled != h.Disabled {
			return false
		}
	}
	return true
}

// baseline returns the parts of the request's baseline that the export
// of its current state, cur, holds.
func (p *requestParts) baseline(s *Sandbox, cur map[string]any) map[string]any {
	base := map[string]any{"method": baselineMethod(&p.req)}
	if _, ok := cur["url"]; ok {
		base["url"] = baselineURL(p.req.URL)
	}
	if _, ok := cur["header"]; ok {
		base["header"] = headersBaseline(p.req.Headers)
	}
	// A body or auth no script read was deleted or replaced: its baseline
	// is the export of a fresh one.
	if _, ok := cur["body"]; ok && p.req.Body != nil {
		if !p.hasBodyBase {
			p.bodyBase = s.bodyBaseline(p.req.Body, nil)
		}
		base["body"] = p.bodyBase
	}
	if _, ok := cur["auth"]; ok && p.req.Auth != nil {
		if !p.hasAuthBase {
			p.authBase = s.exportPart(s.classes.exportAuth, s.requestAuth(p.req.Auth))
		}
		base["auth"] = p.authBase
	}
	return base
}

func stringsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// urlString is Url#toString of the Url urlObject builds from u, whose path
// variables hold strings.
func urlString(u collections.URL) string {
	var b strings.Builder
	if p := u.Protocol; p != "" {
		b.WriteString(p)
		if !strings.HasSuffix(p, "://") {
			b.WriteString("://")
		}
	}
	if u.Auth != nil {
		b.WriteString(u.Auth.User + ":" + u.Auth.Password + "@")
	}
	if u.Host != nil {
		b.WriteString(strings.Join(u.Host, "."))
	}
	if u.Port != "" {
		b.WriteString(":" + u.Port)
	}
	if u.Path != nil {
		writePath(&b, &u, nil)
	}
	writeQuery(&b, u.Query)
	if u.Hash != "" {
		b.WriteString("#" + u.Hash)
	}
	return b.String()
}

// fastNatives adds the natives of the fast paths of Postman objects.
func (s *Sandbox) fastNatives(set func(string, func(goja.FunctionCall) goja.Value)) {
	set("urlString", s.nURLString)
	set("urlAsBuilt", s.nURLAsBuilt)
	set("touched", s.nTouched)
	set("listGet", s.nListGet)
	set("change", s.nChange)
	set("changeHeaders", s.nChangeHeaders)
	set("changes", s.nChanges)
}

// nTouched is the bootstrap's touched(o, key): whether o[key] may differ
// from what Go built, not (or no longer) being a lazy property still
// waiting for its first read. Only its own descriptor can tell a lazy
// property a script redefined without reading it.
func (s *Sandbox) nTouched(c goja.FunctionCall) goja.Value {
	o, _ := c.Argument(0).(*goja.Object)
	key := c.Argument(1)
	if !s.lazyPending(o, key.String()) {
		return s.rt.ToValue(true)
	}
	d, err := s.classes.ownDescriptor(goja.Undefined(), o, key)
	if err != nil {
		panic(err)
	}
	desc, ok := d.(*goja.Object)
	return s.rt.ToValue(!ok || desc.Get("get") != s.lazyAccessor(key.String()))
}

// nURLAsBuilt reports whether its argument is the Url built for the
// pre-request script's pm.request and still as built: no script has read
// its parts (so none can have changed them) or changed its strings, and
// the methods its export calls are the bootstrap's. Its export would then
// be its baseline, so requestChanges need not export it.
func (s *Sandbox) nURLAsBuilt(c goja.FunctionCall) goja.Value {
	o, _ := c.Argument(0).(*goja.Object)
	st := s.cur
	if o == nil || st == nil || st.request == nil || st.request.url != o {
		return s.rt.ToValue(false)
	}
	p, _ := s.lazyOf(o).(*urlParts)
	if p == nil || !intact(o, s.classes.urlMethods) || !intact(o, s.classes.exportMethods) {
		return s.rt.ToValue(false)
	}
	u := &p.u
	for _, part := range [...]struct {
		name    string
		present bool
	}{{"auth", u.Auth != nil}, {"path", u.Path != nil}, {"host", u.Host != nil}, {"query", true}, {"variables", true}} {
		if !part.present {
			continue
		}
		if _, pending := s.probeLazy(o, part.name); !pending {
			return s.rt.ToValue(false)
		}
	}
	if len(u.Variables) > 0 && !intact(nil, s.classes.varMethods) {
		return s.rt.ToValue(false)
	}
	for _, text := range [...]struct{ name, value string }{{"protocol", u.Protocol}, {"port", u.Port}, {"hash", u.Hash}} {
		if !sameText(o.Get(text.name), text.value) {
			return s.rt.ToValue(false)
		}
	}
	return s.rt.ToValue(true)
}

// sameText reports whether v is what urlText(want) gives.
func sameText(v goja.Value, want string) bool {
	if want == "" {
		return v != nil && goja.IsUndefined(v)
	}
	return isJSString(v) && v.String() == want
}

// changeParts returns the request parts requestChanges is collecting,
// nil outside a pre-request script whose baseline Go computes.
func (s *Sandbox) changeParts() map[string]any {
	if st := s.cur; st != nil && st.request != nil {
		if st.request.changes == nil {
			st.request.changes = map[string]any{}
		}
		return st.request.changes
	}
	return nil
}

// nChange records part (method, url, header, body, auth) of the request
// as the bootstrap exported it after a pre-request script.
func (s *Sandbox) nChange(c goja.FunctionCall) goja.Value {
	if m := s.changeParts(); m != nil {
		m[c.Argument(0).String()] = c.Argument(1).Export()
	}
	return goja.Undefined()
}

// nChanges returns what requestChanges returns for the parts recorded:
// {current: parts}, as a Go map that collect's Export returns as it is.
func (s *Sandbox) nChanges(goja.FunctionCall) goja.Value {
	m := s.changeParts()
	if m == nil {
		return goja.Undefined()
	}
	s.cur.request.changes = nil
	return s.rt.ToValue(map[string]any{"current": m})
}

// nChangeHeaders records the header part of the request as exportHeaders
// exports list, a HeaderList whose members are objects holding strings,
// numbers or booleans; it returns false, recording nothing, for any
// other. It reads what exportHeaders reads, in its order.
func (s *Sandbox) nChangeHeaders(c goja.FunctionCall) goja.Value {
	out := s.headersExport(c.Argument(0))
	if m := s.changeParts(); m != nil && out != nil {
		m["header"] = out
		return s.rt.ToValue(true)
	}
	return s.rt.ToValue(false)
}

// headersExported is a header list exported by headersExport: what
// headersFromExport makes of exportHeaders' export, and whether a header
// had a description.
type headersExported struct {
	hs        []collections.Header
	described bool
}

// headersExport is headersFromExport of exportHeaders(v), nil when v is
// not a list it can read as exportHeaders would.
func (s *Sandbox) headersExport(v goja.Value) *headersExported {
	l, _ := v.(*goja.Object)
	if l == nil || l.Prototype() != s.classes.headerListProto || !intact(nil, s.classes.headerExportMethods) {
		return nil
	}
	if p, ok := s.lazyOf(l).(*headerListParts); ok {
		// Members no script has read are as Go built them.
		if _, pending := s.probeLazy(l, "members"); pending {
			out := &headersExported{hs: make([]collections.Header, len(p.headers))}
			for i, h := range p.headers {
				out.hs[i] = collections.Header{Key: h.key, Value: h.value, Disabled: h.disabled}
			}
			return out
		}
	}
	members, _ := l.Get("members").(*goja.Object)
	if members == nil || members.ClassName() != "Array" || members.Prototype() != s.classes.arrayProto {
		return nil
	}
	n := members.Get("length").ToInteger()
	out := &headersExported{hs: make([]collections.Header, 0, n)}
	for i := int64(0); i < n; i++ {
		v := members.Get(strconv.FormatInt(i, 10))
		if !truthy(v) {
			// filter(Boolean)
			continue
		}
		h, ok := v.(*goja.Object)
		if !ok {
			return nil
		}
		key, ok1 := exportText(h.Get("key"))
		value, ok2 := exportText(h.Get("value"))
		if !ok1 || !ok2 {
			return nil
		}
		disabled := h.Get("disabled")
		e := collections.Header{Key: key, Value: value, Disabled: disabled != nil && disabled.StrictEquals(s.rt.ToValue(true))}
		switch {
		case disabled == nil || goja.IsUndefined(disabled) || e.Disabled:
		case goja.IsNull(disabled):
			// A "disabled" that does not disable is kept as written, as
			// exportHeaders' disabledAs says.
			e.DisabledAs = collections.DisabledNull
		case !disabled.ToBoolean():
			e.DisabledAs = collections.DisabledFalse
		}
		if d := h.Get("description"); d != nil && !goja.IsUndefined(d) {
			e.Description = descriptionFromExport(d.Export())
			out.described = true
		}
		out.hs = append(out.hs, e)
	}
	return out
}

// exportText is the bootstrap's str(v) of a primitive other than a
// symbol; ok is false for anything else.
func exportText(v goja.Value) (string, bool) {
	switch {
	case v == nil || goja.IsUndefined(v) || goja.IsNull(v):
		return "", true
	case goja.IsString(v) || goja.IsNumber(v):
		return v.String(), true
	}
	switch v.Export().(type) {
	case bool:
		return v.String(), true
	}
	return "", false
}

// nURLString is the fast path of Url#toString: the string of a Url that
// urlObject built, computed in Go while the parts toString reads are as
// built. It returns undefined, sending toString the long way, for any
// other Url.
func (s *Sandbox) nURLString(c goja.FunctionCall) goja.Value {
	o, _ := c.Argument(0).(*goja.Object)
	p, _ := s.lazyOf(o).(*urlParts)
	if p == nil || !intact(o, s.classes.urlMethods) {
		return goja.Undefined()
	}
	if str, ok := s.urlStringFast(o, p, c.Argument(1).ToBoolean()); ok {
		return s.rt.ToValue(str)
	}
	return goja.Undefined()
}

// urlStringFast is Url#toString(forceProtocol) of o, built by urlObject
// from p, when the parts it reads are still o's lazy properties waiting
// for their first read (nobody can have changed them) or primitives; ok
// is false otherwise. It reads each of o's properties once, in the order
// toString first reads them.
func (s *Sandbox) urlStringFast(o *goja.Object, p *urlParts, forceProtocol bool) (str string, ok bool) {
	u := &p.u
	var b strings.Builder
	protocol := o.Get("protocol")
	switch {
	case isJSString(protocol) && protocol.String() != "":
		text := protocol.String()
		b.WriteString(text)
		if !strings.HasSuffix(text, "://") {
			b.WriteString("://")
		}
	case truthy(protocol):
		return "", false
	case forceProtocol:
		b.WriteString("http://")
	}
	if v, pending := s.probeLazy(o, "auth"); pending {
		b.WriteString(u.Auth.User + ":" + u.Auth.Password + "@")
	} else if truthy(v) {
		return "", false
	}
	if v, pending := s.probeLazy(o, "host"); pending {
		b.WriteString(strings.Join(u.Host, "."))
	} else if truthy(v) {
		return "", false
	}
	if port := o.Get("port"); isJSString(port) {
		b.WriteString(":" + port.String())
	} else if port != nil && !goja.IsUndefined(port) && !goja.IsNull(port) {
		return "", false
	}
	if v, pending := s.probeLazy(o, "path"); pending {
		if !s.urlPathFast(o, p, &b) {
			return "", false
		}
	} else if truthy(v) {
		return "", false
	}
	if _, pending := s.probeLazy(o, "query"); !pending {
		return "", false
	}
	writeQuery(&b, u.Query)
	if hash := o.Get("hash"); isJSString(hash) {
		b.WriteString("#" + hash.String())
	}
	return b.String(), true
}

// urlPathFast writes Url#getPath() of o's path, as built from p, to b.
// A path variable's value is read from o's variables, which must then be
// as built, with their methods intact.
func (s *Sandbox) urlPathFast(o *goja.Object, p *urlParts, b *strings.Builder) bool {
	for _, seg := range p.u.Path {
		if pathVariable(seg) != "" {
			if _, pending := s.probeLazy(o, "variables"); !pending || !intact(nil, s.classes.varMethods) {
				return false
			}
			break
		}
	}
	return writePath(b, &p.u, p.types)
}

// writePath writes Url#getPath() of the Url urlObject builds from u to b:
// a ":name" segment (up to a dot) takes the value of the last variable of
// that name, when it is a non-empty string. types are the variables'
// (nil: all "any"); it fails on a typed one, whose value goes through its
// caster.
func writePath(b *strings.Builder, u *collections.URL, types []string) bool {
	for _, seg := range u.Path {
		b.WriteByte('/')
		if key := pathVariable(seg); key != "" {
			if i := lastVariableIndex(u.Variables, key); i >= 0 {
				if types != nil && types[i] != "any" {
					return false
				}
				if v, ok := u.Variables[i].Value.(string); ok && v != "" {
					b.WriteString(v + seg[len(key)+1:])
					continue
				}
			}
		}
		b.WriteString(seg)
	}
	if len(u.Path) == 0 {
		b.WriteByte('/')
	}
	return true
}

// pathVariable is the name of the variable a path segment stands for
// (":name", up to a dot), "" for none.
func pathVariable(seg string) string {
	if !strings.HasPrefix(seg, ":") {
		return ""
	}
	key, _, _ := strings.Cut(seg[1:], ".")
	return key
}

// writeQuery writes Url#toString's "?" and query string
// (Url#getQueryString, QueryParam.unparse) for qs to b: the enabled
// params; an empty string still gives a "?" when one is enabled.
func writeQuery(b *strings.Builder, qs []collections.QueryParam) {
	enabled := false
	for _, q := range qs {
		if q.Disabled {
			continue
		}
		if enabled {
			b.WriteByte('&')
		} else {
			b.WriteByte('?')
			enabled = true
		}
		b.WriteString(normalizeParam(q.Key, true))
		if q.Value != nil {
			b.WriteString("=" + normalizeParam(*q.Value, false))
		}
	}
}

func lastVariableIndex(vars []collections.Variable, key string) int {
	for i := len(vars) - 1; i >= 0; i-- {
		if vars[i].Key == key {
			return i
		}
	}
	return -1
}

// isJSString reports whether v is a JavaScript string.
func isJSString(v goja.Value) bool { return v != nil && goja.IsString(v) }

// truthy is JavaScript's Boolean(v), nil (no such property) being
// undefined.
func truthy(v goja.Value) bool { return v != nil && v.ToBoolean() }

// reReservedInVariable is normalizeParam's /{{[^{}]*[&#=][^{}]*}}/g.
var reReservedInVariable = regexp.MustCompile(`\{\{[^{}]*[&#=][^{}]*\}\}`)

// normalizeParam is the bootstrap's: & and # (and = in a key) are escaped,
// except inside {{variables}}.
func normalizeParam(s string, encodeEquals bool) string {
	if !strings.ContainsAny(s, "&#") && !(encodeEquals && strings.Contains(s, "=")) {
		return s
	}
	var out strings.Builder
	pointer := 0
	for _, m := range reReservedInVariable.FindAllStringIndex(s, -1) {
		out.WriteString(encodeReserved(s[pointer:m[0]], encodeEquals) + s[m[0]:m[1]])
		pointer = m[1]
	}
	out.WriteString(encodeReserved(s[pointer:], encodeEquals))
	return out.String()
}

func encodeReserved(s string, encodeEquals bool) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "&", "%26"), "#", "%23")
	if encodeEquals {
		s = strings.ReplaceAll(s, "=", "%3D")
	}
	return s
}
