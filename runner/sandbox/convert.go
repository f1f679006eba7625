package sandbox

import (
	"encoding/json"
	"math"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// toJS converts a variable value (string, bool, json.Number, float64,
// int64, []any, map[string]any, nil) to a JS value. Object keys come out
// sorted: Go maps do not keep the order they were written in.
func (s *Sandbox) toJS(v any) goja.Value {
	rt := s.rt
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case collections.Undefined:
		return goja.Undefined()
	case string:
		return rt.ToValue(x)
	case bool:
		return rt.ToValue(x)
	case json.Number:
		if i, err := x.Int64(); err == nil && float64(i) <= 1<<53 && float64(i) >= -(1<<53) {
			return rt.ToValue(i)
		}
		f, err := x.Float64()
		if err != nil {
			return rt.ToValue(x.String())
		}
		return rt.ToValue(f)
	case float64, float32, int, int64, int32, uint, uint64, uint32:
		return rt.ToValue(x)
	case []any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = s.toJS(e)
		}
		return rt.NewArray(items...)
	case map[string]any:
		o := rt.NewObject()
		for _, k := range sortedKeys(x) {
			_ = o.Set(k, s.toJS(x[k]))
		}
		return o
	case goja.Value:
		return x
	}
	return rt.ToValue(v)
}

// fromJS converts a JS value to the Go form variables store, the form
// postman-sandbox hands a script's variables back to Newman in: its JSON.
// Primitives become string, bool, int64 (integers) or float64; arrays and
// objects []any and map[string]any following JSON.stringify's rules
// (functions and undefined members are dropped, NaN and the infinities
// are null, -0 is 0, String, Number and Boolean objects their primitive),
// except that toJSON is called without a key, as Newman calls it.
// undefined and null become nil.
func (s *Sandbox) fromJS(v goja.Value) any {
	return s.fromJSDepth(v, 0)
}

// maxValueDepth stops a cyclic or absurdly deep object from being walked
// forever; JSON.stringify would throw on a cycle.
const maxValueDepth = 64

func (s *Sandbox) fromJSDepth(v goja.Value, depth int) any {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		switch e := v.Export().(type) {
		case int64:
			return e
		case float64:
			if math.IsNaN(e) || math.IsInf(e, 0) {
				return nil
			}
			if e == math.Trunc(e) && math.Abs(e) < 1<<53 {
				return int64(e)
			}
			return e
		case string, bool:
			return e
		default:
			return v.String()
		}
	}
	if depth > maxValueDepth {
		return nil
	}
	if toJSON, ok := goja.AssertFunction(obj.Get("toJSON")); ok {
		if r, err := toJSON(obj); err == nil {
			if r2, isObj2 := r.(*goja.Object); !isObj2 || r2 != obj {
				return s.fromJSDepth(r, depth+1)
			}
		}
	}
	if _, ok := goja.AssertFunction(obj); ok {
		return nil
	}
	switch obj.ClassName() {
	case "Array":
		n := int(obj.Get("length").ToInteger())
		out := make([]any, n)
		for i := 0; i < n; i++ {
			out[i] = s.fromJSDepth(obj.Get(itoa(i)), depth+1)
		}
		return out
	case "String":
		return obj.String()
	case "Number":
		return s.fromJSDepth(s.rt.ToValue(obj.ToFloat()), depth+1)
	case "Boolean":
		return s.fromJSDepth(s.rt.ToValue(obj.Export()), depth+1)
	}
	out := map[string]any{}
	for _, k := range obj.Keys() {
		val := obj.Get(k)
		if goja.IsUndefined(val) {
			continue
		}
		if _, isFn := goja.AssertFunction(val); isFn {
			continue
		}
		out[k] = s.fromJSDepth(val, depth+1)
	}
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

// requestPlain renders a request in Postman's collection JSON form, which
// the JS Request constructor takes.
func (s *Sandbox) requestPlain(r *collections.Request) goja.Value {
	rt := s.rt
	o := rt.NewObject()
	_ = o.Set("url", s.urlPlain(r.URL))
	if r.Method != "" {
		_ = o.Set("method", r.Method)
	}
	headers := make([]any, 0, len(r.Headers))
	for _, h := range r.Headers {
		headers = append(headers, s.headerPlain(h))
	}
	_ = o.Set("header", rt.NewArray(headers...))
	if r.Body != nil {
		_ = o.Set("body", s.bodyPlain(r.Body))
	}
	if r.Auth != nil {
		_ = o.Set("auth", s.authPlain(r.Auth))
	}
	if r.Description != "" {
		_ = o.Set("description", r.Description)
	}
	return o
}

func (s *Sandbox) urlPlain(u collections.URL) *goja.Object {
	rt := s.rt
	o := rt.NewObject()
	if u.Protocol != "" {
		_ = o.Set("protocol", u.Protocol)
	}
	if u.Auth != nil {
		a := rt.NewObject()
		_ = a.Set("user", u.Auth.User)
		_ = a.Set("password", u.Auth.Password)
		_ = o.Set("auth", a)
	}
	if u.Host != nil {
		_ = o.Set("host", stringArray(rt, u.Host))
	}
	if u.Port != "" {
		_ = o.Set("port", u.Port)
	}
	if u.Path != nil {
		_ = o.Set("path", stringArray(rt, u.Path))
	}
	query := make([]any, 0, len(u.Query))
	for _, q := range u.Query {
		qo := rt.NewObject()
		_ = qo.Set("key", q.Key)
		if q.Value == nil {
			_ = qo.Set("value", goja.Null())
		} else {
			_ = qo.Set("value", *q.Value)
		}
		if q.Disabled {
			_ = qo.Set("disabled", true)
		}
		if q.Description != nil {
			_ = qo.Set("description", s.descriptionJS(q.Description))
		}
		query = append(query, qo)
	}
	_ = o.Set("query", rt.NewArray(query...))
	if u.Hash != "" {
		_ = o.Set("hash", u.Hash)
	}
	vars := make([]any, 0, len(u.Variables))
	for _, v := range u.Variables {
		vo := rt.NewObject()
		_ = vo.Set("key", v.Key)
		if v.Value != nil {
			_ = vo.Set("value", s.toJS(v.Value))
		}
		if v.Type != "" {
			_ = vo.Set("type", v.Type)
		}
		if v.Disabled {
			_ = vo.Set("disabled", true)
		}
		vars = append(vars, vo)
	}
	_ = o.Set("variable", rt.NewArray(vars...))
	return o
}

func stringArray(rt *goja.Runtime, ss []string) goja.Value {
	items := make([]any, len(ss))
	for i, x := range ss {
		items[i] = x
	}
	return rt.NewArray(items...)
}

func (s *Sandbox) bodyPlain(b *collections.Body) *goja.Object {
	rt := s.rt
	o := rt.NewObject()
	_ = o.Set("mode", b.Mode)
	switch b.Mode {
	case "raw":
		_ = o.Set("raw", s.literalOr(b.RawJSON, b.Raw))
	case "urlencoded":
		items := make([]any, 0, len(b.URLEncoded))
		for _, p := range b.URLEncoded {
			items = append(items, s.formParamPlain(p, false))
		}
		_ = o.Set("urlencoded", rt.NewArray(items...))
	case "formdata":
		items := make([]any, 0, len(b.FormData))
		for _, p := range b.FormData {
			items = append(items, s.formParamPlain(p, true))
		}
		_ = o.Set("formdata", rt.NewArray(items...))
	case "file":
		// The file as the collection writes it (a src of 5 or null, none,
		// "file": null) and, in the runner's copy, as Newman's runtime left
		// it: the value of one it could not load null, as the report shows.
		switch {
		case b.FileNull:
			_ = o.Set("file", goja.Null())
		case b.File != nil:
			f := rt.NewObject()
			if b.File.HasSrc || b.File.Src != "" {
				_ = f.Set("src", s.literalOr(b.File.SrcJSON, b.File.Src))
			}
			if b.File.Content != "" {
				_ = f.Set("content", b.File.Content)
			}
			if b.File.Unreadable {
				_ = f.Set("value", goja.Null())
			}
			_ = o.Set("file", f)
		}
	case "graphql":
		if b.GraphQL != nil {
			_ = o.Set("graphql", s.graphqlPlain(b.GraphQL))
		}
	}
	switch {
	case b.Options != "":
		// The options as the collection writes them (headerFamily, an
		// empty raw, another mode's), as rawRequestBody shows them too.
		_ = o.Set("options", s.literalOr(b.Options, ""))
	case b.Language != "":
		opts := rt.NewObject()
		raw := rt.NewObject()
		_ = raw.Set("language", b.Language)
		_ = opts.Set("raw", raw)
		_ = o.Set("options", opts)
	}
	if b.Disabled {
		_ = o.Set("disabled", true)
	}
	return o
}

// literalOr is the value whose JSON text is literal, or text when there
// is none (the collection gave a string).
func (s *Sandbox) literalOr(literal, text string) goja.Value {
	if literal != "" {
		if n, ok := s.jsonParser.parse(s.rt, literal, true); ok {
			return n.prim
		}
	}
	return s.rt.ToValue(text)
}

// graphqlPlain is a graphql body as Newman's scripts see it: the fields
// the collection gives, each as the value it gives (a number query stays
// a number).
func (s *Sandbox) graphqlPlain(g *collections.GraphQL) *goja.Object {
	o := s.rt.NewObject()
	set := func(name, text string, bit collections.GraphQLField) {
		if g.Literal&bit != 0 {
			_ = o.Set(name, s.literalOr(text, text))
			return
		}
		_ = o.Set(name, text)
	}
	if g.Missing&collections.GraphQLQuery == 0 {
		set("query", g.Query, collections.GraphQLQuery)
	}
	if g.HasOperationName {
		set("operationName", g.OperationName, collections.GraphQLOperationName)
	}
	if g.Missing&collections.GraphQLVariables == 0 {
		set("variables", g.Variables, collections.GraphQLVariables)
	}
	return o
}

func (s *Sandbox) formParamPlain(p collections.FormParam, form bool) *goja.Object {
	o := s.rt.NewObject()
	if p.Description != nil {
		_ = o.Set("description", s.descriptionJS(p.Description))
	}
	// A urlencoded entry without a key or a value keeps none, as Newman's
	// QueryParam does (a FormParam makes it "", which decode already did).
	if p.Has&collections.FormNoKey == 0 {
		_ = o.Set("key", s.literalOr(p.KeyJSON, p.Key))
	}
	if p.Has&collections.FormNoValue == 0 {
		_ = o.Set("value", s.literalOr(p.ValueJSON, p.Value))
	}
	if form {
		switch {
		case p.Has&collections.FormFileNameNull != 0:
			_ = o.Set("fileName", goja.Null())
		case p.Has&collections.FormFileName != 0:
			_ = o.Set("fileName", p.FileName)
		}
		if p.Type != "" {
			_ = o.Set("type", p.Type)
		}
		switch {
		case p.SrcShape == collections.SrcNull:
			_ = o.Set("src", goja.Null())
		case p.SrcShape == collections.SrcList || p.SrcShape == collections.SrcAbsent && len(p.Src) > 1:
			_ = o.Set("src", stringArray(s.rt, p.Src))
		case len(p.Src) > 0:
			_ = o.Set("src", p.Src[0])
		case p.SrcShape == collections.SrcString:
			_ = o.Set("src", "")
		}
		if p.ContentType != "" {
			_ = o.Set("contentType", p.ContentType)
		}
	}
	if p.Disabled || p.Has&collections.FormDisabled != 0 {
		// Property keeps a "disabled" the entry writes as its truthiness:
		// false (or null) is listed as false.
		_ = o.Set("disabled", p.Disabled)
	}
	return o
}

func (s *Sandbox) authPlain(a *collections.Auth) *goja.Object {
	rt := s.rt
	o := rt.NewObject()
	_ = o.Set("type", a.Type)
	_ = o.Set(a.Type, s.authParamsPlain(a.Params))
	// The other types' parameters, which RequestAuth lists after the
	// type's, as Newman shows them.
	for _, other := range a.Other {
		if other.Type != a.Type {
			_ = o.Set(other.Type, s.authParamsPlain(other.Params))
		}
	}
	return o
}

func (s *Sandbox) authParamsPlain(ps []collections.AuthParam) goja.Value {
	params := make([]any, 0, len(ps))
	for _, p := range ps {
		po := s.rt.NewObject()
		_ = po.Set("key", p.Key)
		_ = po.Set("value", s.toJS(p.Value))
		typ := p.Type
		if typ == "" {
			typ = "any"
		}
		_ = po.Set("type", typ)
		params = append(params, po)
	}
	return s.rt.NewArray(params...)
}

// applyRequestChanges writes back what a pre-request script changed in
// pm.request. Each part (method, URL, headers, body, auth) is replaced only
// when its exported form differs from the one taken before the script ran,
// so an untouched part keeps exactly what the collection said; a part the
// export leaves out (a lazy one no script read) is unchanged.
func applyRequestChanges(r *collections.Request, v any) {
	m, _ := v.(map[string]any)
	base, _ := m["baseline"].(map[string]any)
	cur, _ := m["current"].(map[string]any)
	if cur == nil {
		return
	}
	changed := func(part string) bool {
		now, ok := cur[part]
		if hb, isGo := base[part].(headersBaseline); isGo && ok {
			return !hb.sameAs(now)
		}
		return ok && !sameExport(base[part], now)
	}
	if changed("method") {
		r.Method = asString(cur["method"])
	}
	if changed("url") {
		r.URL = urlFromExport(cur["url"])
	}
	if changed("header") {
		r.Headers = headersFromExport(cur["header"])
	}
	if changed("body") {
		r.Body = bodyFromExport(cur["body"])
	}
	if changed("auth") {
		r.Auth = authFromExport(cur["auth"])
	}
}

// sameExport is reflect.DeepEqual(a, b) for exported JavaScript values,
// without reflection for the usual ones.
func sameExport(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || (x == nil) != (y == nil) || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !sameExport(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || (x == nil) != (y == nil) || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameExport(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// requestFromExport builds the request pm.sendRequest sends.
func requestFromExport(v any) *collections.Request {
	m, _ := v.(map[string]any)
	return &collections.Request{
		Method:  asString(m["method"]),
		URL:     urlFromExport(m["url"]),
		Headers: headersFromExport(m["header"]),
		Body:    bodyFromExport(m["body"]),
		Auth:    authFromExport(m["auth"]),
	}
}

func asString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	return collections.ValueString(v)
}

func asList(v any) []map[string]any {
	items, _ := v.([]any)
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func asStrings(v any) []string {
	items, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = asString(it)
	}
	return out
}

func urlFromExport(v any) collections.URL {
	m, _ := v.(map[string]any)
	u := collections.URL{
		Raw:      asString(m["raw"]),
		Protocol: asString(m["protocol"]),
		Host:     asStrings(m["host"]),
		Port:     asString(m["port"]),
		Path:     asStrings(m["path"]),
		Hash:     asString(m["hash"]),
	}
	if a, ok := m["auth"].(map[string]any); ok {
		u.Auth = &collections.URLAuth{User: asString(a["user"]), Password: asString(a["password"])}
	}
	for _, q := range asList(m["query"]) {
		p := collections.QueryParam{Key: asString(q["key"]), Disabled: q["disabled"] == true, Description: descriptionFromExport(q["description"])}
		if q["value"] != nil {
			val := asString(q["value"])
			p.Value = &val
		}
		u.Query = append(u.Query, p)
	}
	for _, pv := range asList(m["variable"]) {
		u.Variables = append(u.Variables, collections.Variable{
			Key: asString(pv["key"]), Value: pv["value"], Type: asString(pv["type"]), Disabled: pv["disabled"] == true,
		})
	}
	return u
}

func headersFromExport(v any) []collections.Header {
	if e, ok := v.(*headersExported); ok {
		return e.hs
	}
	list := asList(v)
	out := make([]collections.Header, 0, len(list))
	for _, h := range list {
		e := collections.Header{Key: asString(h["key"]), Value: asString(h["value"]), Disabled: h["disabled"] == true,
			Description: descriptionFromExport(h["description"])}
		if as, ok := h["disabledAs"]; ok && !e.Disabled {
			e.DisabledAs = collections.DisabledFalse
			if as == nil {
				e.DisabledAs = collections.DisabledNull
			}
		}
		out = append(out, e)
	}
	return out
}

func bodyFromExport(v any) *collections.Body {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	b := &collections.Body{Mode: asString(m["mode"]), Language: asString(m["language"]), Options: asString(m["options"]), Disabled: m["disabled"] == true}
	switch b.Mode {
	case "raw":
		b.Raw = asString(m["raw"])
		b.RawJSON = asString(m["rawJSON"])
	case "urlencoded":
		for _, p := range asList(m["urlencoded"]) {
			b.URLEncoded = append(b.URLEncoded, collections.FormParam{
				Key: asString(p["key"]), Value: asString(p["value"]), Description: descriptionFromExport(p["description"]), Disabled: p["disabled"] == true,
				Has: formMembersFromExport(p),
			})
		}
	case "formdata":
		for _, p := range asList(m["formdata"]) {
			fp := collections.FormParam{
				Key: asString(p["key"]), Value: asString(p["value"]), Type: asString(p["type"]),
				Src: asStrings(p["src"]), ContentType: asString(p["contentType"]), Description: descriptionFromExport(p["description"]),
				Disabled: p["disabled"] == true, Has: formMembersFromExport(p),
			}
			if p["fileName"] != nil {
				fp.FileName = asString(p["fileName"])
			}
			b.FormData = append(b.FormData, fp)
		}
	case "file":
		if m["fileNull"] == true {
			b.FileNull = true
		} else if f, ok := m["file"].(map[string]any); ok {
			b.File = &collections.BodyFile{Src: asString(f["src"]), Content: asString(f["content"]), HasSrc: f["hasSrc"] == true, SrcJSON: asString(f["srcJSON"])}
		}
	case "graphql":
		if g, ok := m["graphql"].(map[string]any); ok {
			b.GraphQL = graphqlFromExport(g)
		}
	}
	return b
}

// formMembersFromExport reads back the members exportBody's formMembers
// gives of a form entry, so that a script's change to the body keeps them.
func formMembersFromExport(p map[string]any) collections.FormMembers {
	var has collections.FormMembers
	if p["noKey"] == true {
		has |= collections.FormNoKey
	}
	if p["noValue"] == true {
		has |= collections.FormNoValue
	}
	if p["hasDisabled"] == true {
		has |= collections.FormDisabled
	}
	if fn, ok := p["fileName"]; ok {
		if fn == nil {
			has |= collections.FormFileNameNull
		} else {
			has |= collections.FormFileName
		}
	}
	return has
}

// graphqlFromExport reads back a graphql body whose fields exportBody
// gives as {text} or {json}; a field it leaves out is missing.
func graphqlFromExport(g map[string]any) *collections.GraphQL {
	out := &collections.GraphQL{}
	for _, f := range []struct {
		name string
		bit  collections.GraphQLField
		dst  *string
	}{{"query", collections.GraphQLQuery, &out.Query}, {"operationName", collections.GraphQLOperationName, &out.OperationName}, {"variables", collections.GraphQLVariables, &out.Variables}} {
		v, _ := g[f.name].(map[string]any)
		if text, ok := v["text"].(string); ok {
			*f.dst = text
		} else if json, ok := v["json"].(string); ok {
			*f.dst, out.Literal = json, out.Literal|f.bit
		} else {
			out.Missing |= f.bit
		}
	}
	out.HasOperationName = out.Missing&collections.GraphQLOperationName == 0
	out.Missing &^= collections.GraphQLOperationName
	return out
}

// descriptionFromExport reads back an entry's description, so that a
// script's change to pm.request keeps it in the report.
func descriptionFromExport(v any) *collections.Description {
	switch d := v.(type) {
	case nil:
		return nil
	case string:
		return &collections.Description{Content: d}
	case map[string]any:
		c, ok := d["content"]
		if !ok {
			return &collections.Description{Type: asString(d["type"]), NoContent: true}
		}
		out := descriptionContent(c)
		out.Type = asString(d["type"])
		return out
	}
	return descriptionContent(v)
}

// descriptionContent keeps content that is not text as its JSON, which
// Newman's report writes as that value.
func descriptionContent(c any) *collections.Description {
	if s, ok := c.(string); ok {
		return &collections.Description{Content: s}
	}
	b, err := json.Marshal(c)
	if err != nil {
		return &collections.Description{Content: asString(c)}
	}
	return &collections.Description{Content: string(b), Literal: true}
}

// descriptionJS is d as postman-collection keeps it, {content, type}, its
// content a JavaScript value where the collection's is not text.
func (s *Sandbox) descriptionJS(d *collections.Description) *goja.Object {
	o := s.rt.NewObject()
	switch {
	case d.NoContent:
	case d.Literal:
		var v any
		dec := json.NewDecoder(strings.NewReader(d.Content))
		dec.UseNumber()
		if dec.Decode(&v) == nil {
			_ = o.Set("content", s.toJS(v))
		}
	default:
		_ = o.Set("content", d.Content)
	}
	_ = o.Set("type", d.MediaType())
	return o
}

func authFromExport(v any) *collections.Auth {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	a := &collections.Auth{Type: asString(m["type"]), Params: authParamsFromExport(m["params"])}
	for _, o := range asList(m["other"]) {
		a.Other = append(a.Other, collections.AuthParams{Type: asString(o["type"]), Params: authParamsFromExport(o["params"])})
	}
	return a
}

func authParamsFromExport(v any) []collections.AuthParam {
	var out []collections.AuthParam
	for _, p := range asList(v) {
		typ := asString(p["type"])
		if typ == "any" {
			// The default, which authPlain shows for none.
			typ = ""
		}
		out = append(out, collections.AuthParam{Key: asString(p["key"]), Value: p["value"], Type: typ})
	}
	return out
}

// responsePlain renders a response as the JS Response constructor takes
// it; the body stays in Go until a script reads it.
func (s *Sandbox) responsePlain(r *event.Response, cookies []*http.Cookie) goja.Value {
	rt := s.rt
	o := rt.NewObject()
	_ = o.Set("code", r.Code)
	if reason := reasonPhrase(r); reason != "" {
		_ = o.Set("status", reason)
	}
	headers := make([]any, len(r.Headers))
	for i, h := range r.Headers {
		ho := rt.NewObject()
		_ = ho.Set("key", h.Key)
		_ = ho.Set("value", h.Value)
		headers[i] = ho
	}
	_ = o.Set("header", rt.NewArray(headers...))
	_ = o.Set("responseTime", r.Time.Milliseconds())
	size := r.BodySize
	if size == 0 {
		size = int64(len(r.Body))
	}
	_ = o.Set("responseSize", size)
	_ = o.Set("cookie", s.cookiesPlain(cookies))
	_ = o.Set("__src", rt.ToValue(r))
	return o
}

// reasonPhrase is the server's reason phrase: event.Response.Status may
// hold Go's "200 OK" form.
func reasonPhrase(r *event.Response) string {
	st := r.Status
	code := itoa(r.Code)
	if len(st) > len(code) && st[len(code)] == ' ' && st[:len(code)] == code {
		return st[len(code)+1:]
	}
	if st == code {
		return ""
	}
	return st
}

func (s *Sandbox) cookiesPlain(cookies []*http.Cookie) goja.Value {
	items := make([]any, 0, len(cookies))
	for _, c := range cookies {
		if c != nil {
			items = append(items, s.cookiePlain(c))
		}
	}
	return s.rt.NewArray(items...)
}

// cookiePlain renders a cookie with the attributes Postman's Cookie has,
// in its order.
func (s *Sandbox) cookiePlain(c *http.Cookie) *goja.Object {
	o := s.rt.NewObject()
	if c.Name != "" {
		// A cookie without a key has no name in Postman's Cookie.
		_ = o.Set("name", c.Name)
	}
	if !c.Expires.IsZero() {
		_ = o.Set("expires", c.Expires.UTC().Format(time.RFC3339Nano))
	}
	if c.MaxAge != 0 {
		_ = o.Set("maxAge", c.MaxAge)
	}
	if c.Domain != "" {
		_ = o.Set("domain", strings.TrimPrefix(c.Domain, "."))
	}
	if c.Path != "" {
		_ = o.Set("path", c.Path)
	}
	_ = o.Set("secure", c.Secure)
	_ = o.Set("httpOnly", c.HttpOnly)
	if c.Domain != "" || c.Path != "" || !c.Expires.IsZero() {
		_ = o.Set("hostOnly", c.Domain == "")
		_ = o.Set("session", c.Expires.IsZero() && c.MaxAge == 0)
	}
	_ = o.Set("value", c.Value)
	return o
}

// headerPlain is a header in the plain form Postman's Header constructor
// takes, description included.
func (s *Sandbox) headerPlain(h collections.Header) *goja.Object {
	ho := s.rt.NewObject()
	_ = ho.Set("key", h.Key)
	_ = ho.Set("value", h.Value)
	switch {
	case h.Disabled:
		_ = ho.Set("disabled", true)
	case h.DisabledAs == collections.DisabledFalse:
		// Header#update keeps a "disabled" that does not disable as
		// written, which Newman's scripts see.
		_ = ho.Set("disabled", false)
	case h.DisabledAs == collections.DisabledNull:
		_ = ho.Set("disabled", goja.Null())
	}
	if h.Description != nil {
		_ = ho.Set("description", s.descriptionJS(h.Description))
	}
	return ho
}
