package sandbox

import (
	"net/http"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/runner/event"
)

// classes are the bootstrap's constructors, prototypes and private symbols
// that Go needs to build Postman objects itself.
type classes struct {
	// Constructors, and the prototypes of their instances.
	response, headerList, header, cookieList, cookie               *goja.Object
	request, url, propertyList, queryParam, variableList, variable *goja.Object
	requestBody, requestAuth                                       *goja.Object
	responseProto, headerListProto, headerProto, cookieListProto   *goja.Object
	requestProto, urlProto, propertyListProto, queryParamProto     *goja.Object
	variableListProto, variableProto, requestBodyProto             *goja.Object
	// variableTypes is Variable.types, which casts a typed variable.
	variableTypes *goja.Object
	parent        *goja.Symbol
	// streamOf builds a received response's stream.
	streamOf goja.Callable
	// makeResponse builds pm.response.
	makeResponse goja.Callable
	// to is the getter of pm.response.to; nil without chai.
	to goja.Value
	// exportBody and exportAuth are the bootstrap's, for the baseline of
	// a pre-request script's changes to pm.request.
	exportBody, exportAuth goja.Callable
	// isFrozen is Object.isFrozen and ownDescriptor
	// Object.getOwnPropertyDescriptor, taken before any script could
	// replace them.
	isFrozen, ownDescriptor goja.Callable
	// urlMethods are what Url#toString calls, as the bootstrap defines
	// them; varMethods what it calls to read a path variable's value.
	// Go computes the string only while they are these (urlStringFast).
	urlMethods, varMethods []method
	// exportMethods are the others exporting a Url calls;
	// headerExportMethods those exporting a HeaderList calls.
	exportMethods, headerExportMethods []method
	// listGetMethods are what PropertyList#get calls.
	listGetMethods []method
	// arrayProto is Array.prototype, objectProto Object.prototype.
	arrayProto, objectProto *goja.Object
	// all is the bootstrap's object these come from.
	all *goja.Object
}

// method is a function the bootstrap defines: on (nil for the object a
// method is called on) is where name reads fn until a script replaces it.
type method struct {
	on   *goja.Object
	name string
	fn   goja.Value
}

// intact reports whether each method is still the bootstrap's, read
// through this when its on is nil.
func intact(this *goja.Object, ms []method) bool {
	for _, m := range ms {
		on := m.on
		if on == nil {
			on = this
		}
		if on.Get(m.name) != m.fn {
			return false
		}
	}
	return true
}

func loadClasses(rt *goja.Runtime, o *goja.Object) classes {
	ctor := func(name string) (*goja.Object, *goja.Object) {
		c, ok := o.Get(name).(*goja.Object)
		if !ok {
			panic("sandbox: bootstrap does not export " + name)
		}
		return c, c.Get("prototype").ToObject(rt)
	}
	sym := func(name string) *goja.Symbol {
		s, ok := o.Get(name).(*goja.Symbol)
		if !ok {
			panic("sandbox: bootstrap does not export " + name)
		}
		return s
	}
	c := classes{all: o}
	c.response, c.responseProto = ctor("Response")
	c.headerList, c.headerListProto = ctor("HeaderList")
	c.header, c.headerProto = ctor("Header")
	c.cookieList, c.cookieListProto = ctor("CookieList")
	c.cookie, _ = ctor("Cookie")
	c.request, c.requestProto = ctor("Request")
	c.url, c.urlProto = ctor("Url")
	c.propertyList, c.propertyListProto = ctor("PropertyList")
	c.queryParam, c.queryParamProto = ctor("QueryParam")
	c.variableList, c.variableListProto = ctor("VariableList")
	c.variable, c.variableProto = ctor("Variable")
	c.requestBody, c.requestBodyProto = ctor("RequestBody")
	c.requestAuth, _ = ctor("RequestAuth")
	c.variableTypes = c.variable.Get("types").ToObject(rt)
	c.parent = sym("PARENT")
	c.streamOf, _ = goja.AssertFunction(o.Get("streamOf"))
	c.makeResponse, _ = goja.AssertFunction(o.Get("makeResponse"))
	c.exportBody, _ = goja.AssertFunction(o.Get("exportBody"))
	c.exportAuth, _ = goja.AssertFunction(o.Get("exportAuth"))
	c.isFrozen, _ = goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("isFrozen"))
	c.ownDescriptor, _ = goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("getOwnPropertyDescriptor"))
	if c.streamOf == nil || c.makeResponse == nil || c.exportBody == nil || c.exportAuth == nil || c.isFrozen == nil || c.ownDescriptor == nil {
		panic("sandbox: bootstrap does not export streamOf, makeResponse, exportBody and exportAuth, or Object.isFrozen is missing")
	}
	original := func(on, from *goja.Object, name string) method {
		return method{on: on, name: name, fn: from.Get(name)}
	}
	for _, name := range []string{"getHost", "getPath", "getQueryString"} {
		c.urlMethods = append(c.urlMethods, original(nil, c.urlProto, name))
	}
	for _, name := range []string{"count", "all", "find"} {
		c.urlMethods = append(c.urlMethods, original(c.propertyListProto, c.propertyListProto, name))
	}
	for _, name := range []string{"unparse", "unparseSingle"} {
		c.urlMethods = append(c.urlMethods, original(c.queryParam, c.queryParam, name))
	}
	c.arrayProto = rt.Get("Array").ToObject(rt).Get("prototype").ToObject(rt)
	c.objectProto = rt.Get("Object").ToObject(rt).Get("prototype").ToObject(rt)
	c.listGetMethods = []method{original(nil, c.propertyListProto, "one"), original(c.headerProto, c.headerProto, "valueOf")}
	c.headerExportMethods = []method{original(c.propertyList, c.propertyList, "isPropertyList"),
		original(c.arrayProto, c.arrayProto, "filter"), original(c.arrayProto, c.arrayProto, "map")}
	c.exportMethods = []method{original(nil, c.urlProto, "toString"), original(c.url, c.url, "isUrl"), original(c.propertyList, c.propertyList, "isPropertyList")}
	anyType := c.variableTypes.Get("any").ToObject(rt)
	c.varMethods = []method{
		original(c.variableListProto, c.variableListProto, "get"), original(c.variableListProto, c.variableListProto, "one"),
		original(c.variableProto, c.variableProto, "valueOf"), original(c.variableProto, c.variableProto, "get"),
		original(c.variableProto, c.variableProto, "castOut"), original(c.variable, c.variable, "types"),
		original(c.variableTypes, c.variableTypes, "any"), original(anyType, anyType, "out"),
	}
	if to := o.Get("to"); to != nil && !goja.IsUndefined(to) {
		c.to = to
	}
	return c
}

// newInstance returns an empty object inheriting from proto, which is what
// `new C()` starts from before C's body runs.
func (s *Sandbox) newInstance(proto *goja.Object) *goja.Object {
	return s.rt.CreateObject(proto)
}

// responseCache keeps what the scripts of one request derive from its
// response (collection, folder and request scripts all see the same one),
// so that each derives it once: the decoded body and its JSON.
type responseCache struct {
	resp *event.Response
	// text is the body decoded as Response#text() returns it.
	text    string
	textVal goja.Value
	hasText bool
	json    jsonCache
}

// cacheFor returns the cache for r, starting a new one when r is not the
// response the cache holds.
func (s *Sandbox) cacheFor(r *event.Response) *responseCache {
	c := &s.respCache
	if c.resp != r {
		*c = responseCache{resp: r}
	}
	return c
}

// bodyText is the body of c's response decoded as Response#text()
// returns it.
func (s *Sandbox) bodyText(c *responseCache) string {
	if !c.hasText {
		c.text = decodeText(c.resp.Body, s.bodyCharset(c.resp.Header("Content-Type")))
		c.hasText = true
	}
	return c.text
}

// sourceOf returns the received response whose Response object is v, or
// one v inherits from: the Response's methods ask Go for its body with
// this. It is nil for a Response a script made.
func (s *Sandbox) sourceOf(v goja.Value) *event.Response {
	o, _ := v.(*goja.Object)
	for ; o != nil; o = o.Prototype() {
		if p, ok := s.lazyOf(o).(*responseParts); ok {
			return p.resp
		}
	}
	return nil
}

// receivedResponse makes res, which the bootstrap's Response constructor
// built from responsePlain's data, the Response of src (responsePlain's
// __src): its body stays in Go, found by sourceOf, and its stream is
// built on first read.
func (s *Sandbox) receivedResponse(res *goja.Object, src goja.Value) {
	r, ok := src.Export().(*event.Response)
	if !ok || r == nil {
		r = &event.Response{}
	}
	p, known := s.lazyOf(res).(*responseParts)
	if !known {
		p = &responseParts{}
		p.keep = true
	}
	p.resp = r
	s.defineLazy(res, p, "stream")
	if !known {
		s.registerLazy(res, p)
	}
}

// link sets one of the bootstrap's hidden symbol links, as its link() does.
func link(o *goja.Object, key *goja.Symbol, v goja.Value) {
	_ = o.DefineDataPropertySymbol(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// responseObject builds pm.response: the object `new Response(data)` makes
// from responsePlain's data, property for property, without running the
// generic constructors (Property, PropertyList#populate, Header#update...)
// that made it cost tens of microseconds a request. fastpath_test.go
// holds it to that equivalence. The run's cookies are not pm.response's
// (its cookie list is empty in Newman 6.2.2) but pm.cookies'.
func (s *Sandbox) responseObject(r *event.Response, _ []*http.Cookie) *goja.Object {
	rt, c := s.rt, &s.classes
	o := s.newInstance(c.responseProto)
	src := &responseParts{resp: r}
	src.keep = true
	// Property: a Response requires an id. Few scripts read it or
	// _details, which are built on first read.
	s.defineLazy(o, src, "id")
	s.defineLazy(o, src, "_details")
	// Response#update: the status is the reason phrase, else the
	// standard name; mergeDefined leaves the key out when there is none.
	if reason := reasonPhrase(r); reason != "" {
		_ = o.Set("status", s.prims.str(rt, reason))
	} else if name := httpReasonName(r.Code); name != "" {
		_ = o.Set("status", s.prims.str(rt, name))
	}
	_ = o.Set("code", s.prims.int(rt, int64(r.Code)))
	s.defineLazy(o, src, "headers")
	s.defineLazy(o, src, "stream")
	s.defineLazy(o, src, "cookies")
	s.registerLazy(o, src)
	_ = o.Set("responseTime", s.prims.int(rt, r.Time.Milliseconds()))
	size := r.BodySize
	if size == 0 {
		size = int64(len(r.Body))
	}
	_ = o.Set("responseSize", s.prims.int(rt, size))
	// addTo, as for every Postman object pm exposes.
	if c.to != nil {
		_ = o.DefineAccessorProperty("to", c.to, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return o
}

// ReasonName is the status name Postman's http-reasons table gives code,
// which Newman reports for a response that came without a reason phrase
// ("" for a code the table lacks).
func ReasonName(code int) string { return httpReasonName(code) }

// makeResponse is the bootstrap's makeResponse, pm.response of the run st:
// the received response of a test script is built without a call into
// JavaScript, which costs as much as building it.
func (s *Sandbox) makeResponse(st *runState) goja.Value {
	if st.listen == "test" && st.exec.Response != nil {
		return s.responseObject(st.exec.Response, st.exec.Cookies)
	}
	v, err := s.classes.makeResponse(goja.Undefined())
	if err != nil {
		panic(err)
	}
	return v
}

// responseDetails builds pm.response._details as Response#update sets it,
// with httpReason's copy of the standard details.
func (s *Sandbox) responseDetails(r *event.Response) *goja.Object {
	rt := s.rt
	details := rt.NewObject()
	var standard goja.Value
	if name := httpReasonName(r.Code); name != "" {
		standard = s.prims.str(rt, name)
		_ = details.Set("name", standard)
		_ = details.Set("detail", httpReasonDetail(r.Code))
	}
	if reason := reasonPhrase(r); reason != "" {
		_ = details.Set("name", s.prims.str(rt, reason))
	}
	_ = details.Set("code", s.prims.int(rt, int64(r.Code)))
	if standard != nil {
		_ = details.Set("standardName", standard)
	}
	return details
}

// responseParts builds pm.response's lazy parts: most test scripts read
// only its code and body, and the rest (the id, the details, the header
// and cookie lists, the body's Buffer) was most of what building
// pm.response cost. It stays in the lazy registry while the response
// lives, being how Go finds a Response's body (see sourceOf).
type responseParts struct {
	lazyState
	resp *event.Response
}

var responseLazyNames = []string{"id", "_details", "headers", "stream", "cookies"}

func (p *responseParts) lazyNames() []string { return responseLazyNames }
func (p *responseParts) state() *lazyState   { return &p.lazyState }

func (p *responseParts) lazyBuild(s *Sandbox, o *goja.Object, name string) goja.Value {
	switch name {
	case "id":
		return s.rt.ToValue(newUUID())
	case "_details":
		return s.responseDetails(p.resp)
	case "cookies":
		return s.cookieList(o, nil)
	case "stream":
		v, err := s.classes.streamOf(goja.Undefined(), o)
		if err != nil {
			panic(err)
		}
		return v
	}
	hs := make([]header, len(p.resp.Headers))
	for i, h := range p.resp.Headers {
		hs[i] = header{key: h.Key, value: h.Value}
	}
	return s.headerList(o, hs)
}

// header is a response or request header.
type header struct {
	key, value       string
	disabled, system bool
}

// headerList builds `new HeaderList(parent, headers)`: Header members
// indexed case-insensitively, several values of a name kept as an array.
// A header name whose lower-casing JavaScript could do differently (not
// ASCII), or that would hit the index object's __proto__, goes through the
// JavaScript constructor.
func (s *Sandbox) headerList(parent *goja.Object, headers []header) *goja.Object {
	rt, c := s.rt, &s.classes
	for _, h := range headers {
		if !isASCII(h.key) || len(h.key) == len("__proto__") && strings.ToLower(h.key) == "__proto__" {
			plain := make([]any, len(headers))
			for i, h := range headers {
				ho := rt.NewObject()
				_ = ho.Set("key", h.key)
				_ = ho.Set("value", h.value)
				if h.disabled {
					_ = ho.Set("disabled", true)
				}
				plain[i] = ho
			}
			l, err := rt.New(c.headerList, parent, rt.NewArray(plain...))
			if err != nil {
				panic(err)
			}
			return l
		}
	}
	l := s.newInstance(c.headerListProto)
	link(l, c.parent, parent)
	// The members and their index are lazy (lazy.go): a script that only
	// gets a header's value (PropertyList#get) reads it from Go.
	p := &headerListParts{headers: headers}
	s.defineLazy(l, p, "members")
	s.defineLazy(l, p, "reference")
	s.registerLazy(l, p)
	_ = l.Set("Type", c.header)
	_ = l.Set("_postman_listIndexKey", s.prims.str(rt, "key"))
	_ = l.Set("_postman_listIndexCaseInsensitive", true)
	_ = l.Set("_postman_listAllowsMultipleValues", true)
	return l
}

// headerListParts is what a HeaderList's members and reference are built
// from, together, on the first read of either.
type headerListParts struct {
	lazyState
	headers []header
}

var headerListLazyNames = []string{"members", "reference"}

func (p *headerListParts) lazyNames() []string { return headerListLazyNames }
func (p *headerListParts) state() *lazyState   { return &p.lazyState }

func (p *headerListParts) lazyBuild(s *Sandbox, l *goja.Object, name string) goja.Value {
	rt, c := s.rt, &s.classes
	objs := make([]any, len(p.headers))
	names := make([]string, len(p.headers))
	for i, h := range p.headers {
		ho := s.newInstance(c.headerProto)
		// Property sets disabled first, then Header#update key, value and
		// system.
		if h.disabled {
			_ = ho.Set("disabled", true)
		}
		_ = ho.Set("key", s.prims.str(rt, h.key))
		_ = ho.Set("value", s.prims.str(rt, h.value))
		if h.system {
			_ = ho.Set("system", true)
		}
		link(ho, c.parent, l)
		objs[i] = ho
		names[i] = strings.ToLower(h.key)
	}
	members := rt.NewArray(objs...)
	reference := s.listIndex(objs, names, true)
	// Every method reading one reads the other: they are settled
	// together, as the data properties Postman has.
	if name == "members" {
		s.settleAlso(l, p, "reference", reference)
		return members
	}
	s.settleAlso(l, p, "members", members)
	return reference
}

// nListGet is the fast path of PropertyList#get for a HeaderList Go built
// whose members and index no script has read: the value of the last
// header of a name, read from Go. It returns false, sending get the long
// way, for any other list or key.
func (s *Sandbox) nListGet(c goja.FunctionCall) goja.Value {
	no := s.rt.ToValue(false)
	l, _ := c.Argument(0).(*goja.Object)
	p, _ := s.lazyOf(l).(*headerListParts)
	key := c.Argument(1)
	if p == nil || !isJSString(key) || !isASCII(key.String()) || !intact(l, s.classes.listGetMethods) {
		return no
	}
	// PropertyList#one reads these, in this order.
	if !truthy(l.Get("_postman_listIndexCaseInsensitive")) {
		return no
	}
	if _, pending := s.probeLazy(l, "reference"); !pending {
		return no
	}
	if !truthy(l.Get("_postman_listAllowsMultipleValues")) {
		return no
	}
	if _, pending := s.probeLazy(l, "members"); !pending {
		return no
	}
	name := strings.ToLower(key.String())
	for i := len(p.headers) - 1; i >= 0; i-- {
		if strings.ToLower(p.headers[i].key) == name {
			return s.prims.str(s.rt, p.headers[i].value)
		}
	}
	// No header of that name: the index inherits the rest.
	if v := s.classes.objectProto.Get(name); v != nil && !goja.IsUndefined(v) {
		return no
	}
	return goja.Undefined()
}

// listIndex builds a PropertyList's reference object as insert() fills
// it: each name (names[i] is members[i]'s, "" for none) at the place it was
// first inserted, with its one member, the array of them (multi) or the
// last one. Lists are short, so scanning for a name's others beats a map.
func (s *Sandbox) listIndex(members []any, names []string, multi bool) *goja.Object {
	rt := s.rt
	ref := rt.NewObject()
	for i, name := range names {
		if name == "" || slices.Contains(names[:i], name) {
			continue
		}
		var all []any
		last := members[i]
		for j := i + 1; j < len(names); j++ {
			if names[j] == name {
				if all == nil {
					all = []any{members[i]}
				}
				all = append(all, members[j])
				last = members[j]
			}
		}
		switch {
		case !multi:
			_ = ref.Set(name, last)
		case all != nil:
			_ = ref.Set(name, rt.NewArray(all...))
		default:
			_ = ref.Set(name, members[i])
		}
	}
	return ref
}

// cookieList builds `new CookieList(parent, cookies)` (parent may be nil
// for null); an empty one, the common case, is built directly.
func (s *Sandbox) cookieList(parent *goja.Object, cookies []*http.Cookie) *goja.Object {
	rt, c := s.rt, &s.classes
	for _, ck := range cookies {
		if ck != nil {
			var p goja.Value = goja.Null()
			if parent != nil {
				p = parent
			}
			l, err := rt.New(c.cookieList, p, s.cookiesData(cookies))
			if err != nil {
				panic(err)
			}
			return l
		}
	}
	l := s.newInstance(c.cookieListProto)
	if parent != nil {
		link(l, c.parent, parent)
	}
	_ = l.Set("members", rt.NewArray())
	_ = l.Set("reference", rt.NewObject())
	_ = l.Set("Type", c.cookie)
	_ = l.Set("_postman_listIndexKey", s.prims.str(rt, "name"))
	_ = l.Set("_postman_listIndexCaseInsensitive", true)
	_ = l.Set("_postman_listAllowsMultipleValues", true)
	return l
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
