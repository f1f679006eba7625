package sandbox

import (
	"regexp"
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
}

var requestLazyNames = []string{"url", "headers", "body", "auth"}

func (p *requestParts) lazyNames() []string { return requestLazyNames }
func (p *requestParts) state() *lazyState   { return &p.lazyState }

func (p *requestParts) lazyBuild(s *Sandbox, o *goja.Object, name string) goja.Value {
	switch name {
	case "url":
		return s.urlObject(p.req.URL, p.types)
	case "headers":
		return s.requestHeaders(o, p.req.Headers)
	case "body":
		body := s.requestBody(p.req.Body)
		if p.exportBase {
			p.bodyBase, p.hasBodyBase = s.exportPart(s.classes.exportBody, body), true
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
	if hasDescriptions(headers) {
		// HeaderList's own constructor keeps each header's description
		// where Property puts it; the list built in Go has no room for one.
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
	system := false
	for i, h := range headers {
		hs[i] = header{key: h.Key, value: h.Value, disabled: h.Disabled}
		system = system || h.System
	}
	l := s.headerList(o, hs)
	if system {
		// Header#update sets system after key and value, so toJSON lists
		// it last, as it does here.
		members := l.Get("members").ToObject(s.rt)
		for i, h := range headers {
			if h.System {
				_ = members.Get(strconv.Itoa(i)).ToObject(s.rt).Set("system", true)
			}
		}
	}
	return l
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

func (s *Sandbox) requestBody(b *collections.Body) *goja.Object {
	body, err := s.rt.New(s.classes.requestBody, s.bodyPlain(b))
	if err != nil {
		panic(err)
	}
	return body
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
		_ = o.Set("url", s.urlObject(r.URL, types))
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
// becomes, u's path variables having the types urlTypes gave.
func (s *Sandbox) urlObject(u collections.URL, types []string) *goja.Object {
	rt, c := s.rt, &s.classes
	o := s.newInstance(c.urlProto)
	undef := goja.Undefined()
	str := func(v string) goja.Value {
		if v == "" {
			return undef
		}
		return rt.ToValue(v)
	}
	if u.Auth != nil {
		a := rt.NewObject()
		_ = a.Set("user", rt.ToValue(u.Auth.User))
		_ = a.Set("password", rt.ToValue(u.Auth.Password))
		_ = o.Set("auth", a)
	} else {
		_ = o.Set("auth", undef)
	}
	_ = o.Set("protocol", str(u.Protocol))
	_ = o.Set("port", str(u.Port))
	if u.Path != nil {
		_ = o.Set("path", stringArray(rt, u.Path))
	} else {
		_ = o.Set("path", undef)
	}
	_ = o.Set("hash", str(u.Hash))
	if u.Host != nil {
		_ = o.Set("host", stringArray(rt, u.Host))
	} else {
		_ = o.Set("host", undef)
	}

	// query: new PropertyList(QueryParam, url, ...), indexed by key.
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
	_ = ql.Set("_postman_listIndexKey", "key")
	_ = ql.Set("_postman_listAllowsMultipleValues", true)
	_ = o.Set("query", ql)

	// variables: new VariableList(url, ...), the last of a key indexed.
	vl := s.newInstance(c.variableListProto)
	link(vl, c.parent, o)
	members = make([]any, len(u.Variables))
	names = make([]string, len(u.Variables))
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
		_ = vo.Set("key", str(v.Key))
		link(vo, c.parent, vl)
		members[i] = vo
		names[i] = v.Key
	}
	ref = s.listIndex(members, names, false)
	_ = vl.Set("members", rt.NewArray(members...))
	_ = vl.Set("reference", ref)
	_ = vl.Set("Type", c.variable)
	_ = vl.Set("_postman_listIndexKey", "key")
	_ = o.Set("variables", vl)
	return o
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

// baseline returns the parts of the request's baseline that the export
// of its current state, cur, holds.
func (p *requestParts) baseline(s *Sandbox, cur map[string]any) map[string]any {
	base := map[string]any{"method": baselineMethod(&p.req)}
	if _, ok := cur["url"]; ok {
		base["url"] = baselineURL(p.req.URL)
	}
	if _, ok := cur["header"]; ok {
		base["header"] = baselineHeaders(p.req.Headers)
	}
	// A body or auth no script read was deleted or replaced: its baseline
	// is the export of a fresh one.
	if _, ok := cur["body"]; ok && p.req.Body != nil {
		if !p.hasBodyBase {
			p.bodyBase = s.exportPart(s.classes.exportBody, s.requestBody(p.req.Body))
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
		// Url#getPath: a ":name" segment (up to a dot) takes the value of
		// the last variable of that name, when it is a non-empty string.
		for _, seg := range u.Path {
			b.WriteByte('/')
			if key, _, _ := strings.Cut(seg[min(1, len(seg)):], "."); strings.HasPrefix(seg, ":") && key != "" {
				if v, ok := lastVariable(u.Variables, key); ok && v != "" {
					b.WriteString(v + seg[len(key)+1:])
					continue
				}
			}
			b.WriteString(seg)
		}
		if len(u.Path) == 0 {
			b.WriteByte('/')
		}
	}
	if len(u.Query) > 0 {
		// Url#getQueryString (QueryParam.unparse): the enabled params; an
		// empty string still gives a "?" when one is enabled.
		var qs strings.Builder
		enabled := false
		for _, q := range u.Query {
			if q.Disabled {
				continue
			}
			if enabled {
				qs.WriteByte('&')
			}
			enabled = true
			qs.WriteString(normalizeParam(q.Key, true))
			if q.Value != nil {
				qs.WriteString("=" + normalizeParam(*q.Value, false))
			}
		}
		if enabled {
			b.WriteString("?" + qs.String())
		}
	}
	if u.Hash != "" {
		b.WriteString("#" + u.Hash)
	}
	return b.String()
}

func lastVariable(vars []collections.Variable, key string) (string, bool) {
	for i := len(vars) - 1; i >= 0; i-- {
		if vars[i].Key == key {
			s, ok := vars[i].Value.(string)
			return s, ok
		}
	}
	return "", false
}

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
