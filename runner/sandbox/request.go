package sandbox

import (
	"regexp"
	"strings"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/collections"
)

// requestObject builds pm.request: the object `new Request(requestPlain(r))`
// makes, with pm's `to`, property for property. The Request, Url, header,
// query and path-variable objects are built here, which costs a fraction of
// running the generic constructors (Request#update alone parses an empty
// URL and populates the headers twice); a body and an auth still go through
// their constructors. What this cannot build exactly as JavaScript would (a
// non-ASCII method, an index key of "__proto__", an odd variable type) goes
// through the Request constructor. fastpath_test.go holds it to that.
func (s *Sandbox) requestObject(r *collections.Request) *goja.Object {
	c := &s.classes
	o, ok := s.requestFast(r)
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
	return o
}

func (s *Sandbox) requestFast(r *collections.Request) (*goja.Object, bool) {
	rt, c := s.rt, &s.classes
	method := "GET"
	if r.Method != "" {
		if !isASCII(r.Method) {
			return nil, false
		}
		method = asciiUpper(r.Method)
	}
	url, ok := s.urlObject(r.URL)
	if !ok {
		return nil, false
	}
	o := s.newInstance(c.requestProto)
	// Property: a description; Request: url, headers, method; then
	// Request#update's body and auth, when defined.
	if r.Description != "" {
		_ = o.Set("description", rt.ToValue(r.Description))
	}
	_ = o.Set("url", url)
	hs := make([]header, len(r.Headers))
	for i, h := range r.Headers {
		hs[i] = header{key: h.Key, value: h.Value, disabled: h.Disabled}
	}
	_ = o.Set("headers", s.headerList(o, hs))
	_ = o.Set("method", rt.ToValue(method))
	if r.Body != nil {
		body, err := rt.New(c.requestBody, s.bodyPlain(r.Body))
		if err != nil {
			panic(err)
		}
		_ = o.Set("body", body)
	}
	if r.Auth != nil {
		auth, err := rt.New(c.requestAuth, s.authPlain(r.Auth))
		if err != nil {
			panic(err)
		}
		_ = o.Set("auth", auth)
	}
	return o, true
}

// urlObject builds the Url that `new Url()` updated with urlPlain(u)
// becomes.
func (s *Sandbox) urlObject(u collections.URL) (*goja.Object, bool) {
	rt, c := s.rt, &s.classes
	// What the lists below cannot index as JavaScript would.
	for _, q := range u.Query {
		if q.Key == "__proto__" {
			return nil, false
		}
	}
	types := make([]string, len(u.Variables))
	for i, v := range u.Variables {
		if v.Key == "__proto__" {
			return nil, false
		}
		types[i] = "any"
		if v.Type == "" {
			continue
		}
		if !isASCII(v.Type) {
			return nil, false
		}
		switch t := asciiLower(v.Type); t {
		case "string", "boolean", "number", "any":
			types[i] = t
		default:
			// Variable.types[t] decides; anything it has besides the
			// four types (an Object.prototype member) is left to it.
			if x := c.variableTypes.Get(t); x != nil && x.ToBoolean() {
				return nil, false
			}
		}
	}

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
		if q.Disabled {
			_ = qo.Set("disabled", true)
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
	return o, true
}

// asciiUpper upper-cases an ASCII string as String#toUpperCase does.
func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'a' <= c && c <= 'z' {
					b[j] = c - ('a' - 'A')
				}
			}
			return string(b)
		}
	}
	return s
}

// A pre-request script's changes to pm.request are found by comparing the
// bootstrap's export of it (exportRequest) after the script with the
// export of the request as built. requestBaseline computes the latter's
// method, url and header parts from the Go request, which saves exporting
// the JavaScript object (the bootstrap then exports only the body and the
// auth). It does so where its result is exactly what v.Export() of
// exportRequest gives (fastpath_test.go checks): string path variables of
// no type or type string, and what requestFast builds; otherwise it
// returns nil and the bootstrap exports the whole request.
func (s *Sandbox) requestBaseline(r *collections.Request) map[string]any {
	if r.Method != "" && !isASCII(r.Method) {
		return nil
	}
	u := r.URL
	vars := make([]any, len(u.Variables))
	for i, v := range u.Variables {
		if v.Key == "__proto__" {
			return nil
		}
		typ := ""
		if v.Type != "" {
			if !isASCII(v.Type) {
				return nil
			}
			switch t := asciiLower(v.Type); t {
			case "string":
				typ = t
			case "any":
			case "boolean", "number":
				return nil
			default:
				if x := s.classes.variableTypes.Get(t); x != nil && x.ToBoolean() {
					return nil
				}
			}
		}
		var value any
		switch x := v.Value.(type) {
		case nil:
		case string:
			value = x
		default:
			return nil
		}
		vars[i] = map[string]any{"key": v.Key, "value": value, "type": typ, "disabled": v.Disabled}
	}
	query := make([]any, len(u.Query))
	for i, q := range u.Query {
		if q.Key == "__proto__" {
			return nil
		}
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
	headers := make([]any, len(r.Headers))
	for i, h := range r.Headers {
		headers[i] = map[string]any{"key": h.Key, "value": h.Value, "disabled": h.Disabled}
	}
	method := "GET"
	if r.Method != "" {
		method = asciiUpper(r.Method)
	}
	return map[string]any{
		"method": method,
		"url": map[string]any{
			"raw": urlString(u), "protocol": u.Protocol, "auth": auth, "host": host, "port": u.Port,
			"path": path, "query": query, "hash": u.Hash, "variable": vars,
		},
		"header": headers,
	}
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
