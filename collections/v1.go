package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// Postman Collection v1 files (a flat "requests" list with "order",
// "folders" and "folders_order" naming request and folder ids) are still
// run by Newman, which converts them with postman-collection-transformer
// before running. colrun converts them the same way, to v2.1 JSON that
// the ordinary decoder then reads, so that both formats share one model
// and one set of checks. The rules below are the transformer's
// (lib/converters/v1.0.0/converter-v1-to-v2.js and -v21.js, version 4.x
// as Newman 6.2.2 ships it); where the transformer silently skips
// something (an order entry naming no request), so does colrun, and where
// a field has a shape the transformer cannot use, colrun reports it with
// the request or folder it belongs to.

// isV1Collection reports whether a document is a Collection v1 file: it
// has neither v2's "info" nor "item", and has v1's "requests" or "order".
func isV1Collection(root node) bool {
	if !isObject(root) || isObject(field(root, "info")) || has(root, "item") {
		return false
	}
	return has(root, "requests") || has(root, "order")
}

// convertV1 converts a Collection v1 document into v2.1 JSON.
func convertV1(root node) ([]byte, error) {
	c := v1Converter{requests: map[string]node{}}
	out, err := c.collection(root)
	if err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

// object is a JSON object that keeps its members in the order they were
// added, so that converted headers, parameters and variables keep the
// order the v1 file gives them.
type object []objectMember

type objectMember struct {
	key string
	val any
}

func (o *object) set(key string, val any) { *o = append(*o, objectMember{key, val}) }

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.val)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// raw passes a value of the v1 document through unchanged.
func raw(n node) json.RawMessage { return json.RawMessage(n.raw()) }

// Values the converter writes where the transformer puts a constant.
var (
	jsonNull        = mustParse("null")
	jsonFalse       = mustParse("false")
	jsonEmptyString = mustParse(`""`)
)

type v1Converter struct {
	// requests maps request ids to requests; as with lodash's keyBy, the
	// last request with an id wins.
	requests map[string]node
}

func (c *v1Converter) collection(root node) (object, error) {
	var out object
	info := object{}
	id := str(field(root, "id"))
	info.set("_postman_id", id)
	info.set("name", raw(orNull(field(root, "name"))))
	if d := field(root, "description"); jsTruthy(d) {
		info.set("description", raw(d))
	}
	info.set("schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json")
	out.set("info", info)

	reqs := field(root, "requests")
	if !isNull(reqs) && !isArray(reqs) {
		return nil, fail("collection > requests", "expected a list of requests")
	}
	for i, r := range elements(reqs) {
		if !isObject(r) {
			return nil, fail(fmt.Sprintf("collection > requests[%d]", i), "expected a request object")
		}
		rid := str(field(r, "id"))
		c.requests[rid] = r
	}
	items, err := c.folders(root)
	if err != nil {
		return nil, err
	}
	order, err := idList(field(root, "order"), "collection > order")
	if err != nil {
		return nil, err
	}
	// lodash's intersection: the order's ids that name a request, once each.
	seen := map[string]bool{}
	for _, rid := range order {
		if seen[rid] {
			continue
		}
		seen[rid] = true
		if _, ok := c.requests[rid]; !ok {
			continue
		}
		it, err := c.item(c.requests[rid])
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	out.set("item", items)
	auth, err := v1Auth(root, "collection", true)
	if err != nil {
		return nil, err
	}
	if auth != nil {
		out.set("auth", auth)
	}
	ev, err := v1Events(root, "collection")
	if err != nil {
		return nil, err
	}
	if ev != nil {
		out.set("event", ev)
	}
	vars, err := v1Variables(root, "collection")
	if err != nil {
		return nil, err
	}
	if vars != nil {
		out.set("variable", vars)
	}
	if p := field(root, "protocolProfileBehavior"); isObject(p) {
		out.set("protocolProfileBehavior", raw(p))
	}
	return out, nil
}

// folders builds the folder tree: "folders" lists every folder, nested or
// not; a folder's "folders_order" names its subfolders and its "order"
// its requests; the top level is "folders_order", or every folder in
// list order, less those that are some folder's subfolder.
// maxV1Items bounds the folders and requests a v1 collection converts
// to: far beyond any real v1 collection (an old format), and quick to
// reach.
const maxV1Items = 100_000

func (c *v1Converter) folders(root node) ([]any, error) {
	fs := field(root, "folders")
	if !isNull(fs) && !isArray(fs) {
		return nil, fail("collection > folders", "expected a list of folders")
	}
	type group struct {
		out       object
		items     []any
		subfolder bool
		parents   int // times a folders_order lists it
	}
	groups := map[string]*group{}
	var list []node
	var allIDs []string
	for i, f := range elements(fs) {
		if isNull(f) {
			continue
		}
		where := fmt.Sprintf("folder %q", str(field(f, "name")))
		if !isObject(f) {
			return nil, fail(fmt.Sprintf("collection > folders[%d]", i), "expected a folder object")
		}
		g := &group{}
		g.out.set("name", raw(orNull(field(f, "name"))))
		if d := field(f, "description"); jsTruthy(d) {
			g.out.set("description", raw(d))
		}
		auth, err := v1Auth(f, where, false)
		if err != nil {
			return nil, err
		}
		if auth != nil {
			g.out.set("auth", auth)
		}
		ev, err := v1Events(f, where)
		if err != nil {
			return nil, err
		}
		if ev != nil {
			g.out.set("event", ev)
		}
		vars, err := v1Variables(f, where)
		if err != nil {
			return nil, err
		}
		if vars != nil {
			g.out.set("variable", vars)
		}
		if p := field(f, "protocolProfileBehavior"); isObject(p) {
			g.out.set("protocolProfileBehavior", raw(p))
		}
		fid := str(field(f, "id"))
		groups[fid] = g
		list = append(list, f)
		allIDs = append(allIDs, fid)
	}
	for _, f := range list {
		where := fmt.Sprintf("folder %q", str(field(f, "name")))
		g := groups[str(field(f, "id"))]
		subs, err := idList(field(f, "folders_order"), where+" > folders_order")
		if err != nil {
			return nil, err
		}
		for _, sid := range subs {
			sg := groups[sid]
			if sg == nil {
				continue
			}
			sg.subfolder = true
			sg.parents++
			// The subfolder is built in full before it is placed: its
			// items are filled in when its own turn comes, so it is
			// placed by pointer and written out last.
			g.items = append(g.items, sg)
		}
		order, err := idList(field(f, "order"), where+" > order")
		if err != nil {
			return nil, err
		}
		for _, rid := range order {
			r, ok := c.requests[rid]
			if !ok {
				continue
			}
			it, err := c.item(r)
			if err != nil {
				return nil, err
			}
			g.items = append(g.items, it)
		}
	}
	top := allIDs
	if fo := field(root, "folders_order"); jsTruthy(fo) {
		var err error
		if top, err = idList(fo, "collection > folders_order"); err != nil {
			return nil, err
		}
	}
	// A folder listed as its own descendant would make the tree a cycle;
	// the transformer's output then cannot be written as JSON, so colrun
	// writes each folder once and leaves the repeat out.
	//
	// A folder listed by several folders is copied into each, as Newman's
	// transformer copies it; folders listing one another repeatedly double
	// the copies at each level (24 such folders would make 16 million
	// requests, and Newman never finishes converting them), so the
	// conversion stops at maxV1Items.
	built := 0
	var build func(g *group, path map[*group]bool) object
	build = func(g *group, path map[*group]bool) object {
		path[g] = true
		defer delete(path, g)
		items := []any{}
		for _, it := range g.items {
			if built++; built > maxV1Items {
				return nil
			}
			if sg, ok := it.(*group); ok {
				if path[sg] {
					continue
				}
				items = append(items, build(sg, path))
				continue
			}
			items = append(items, it)
		}
		out := append(object{}, g.out[0])
		out.set("item", items)
		return append(out, g.out[1:]...)
	}
	var out []any
	seen := map[string]bool{}
	for _, fid := range top {
		if seen[fid] {
			continue
		}
		seen[fid] = true
		if g := groups[fid]; g != nil && !g.subfolder {
			out = append(out, build(g, map[*group]bool{}))
		}
		if built > maxV1Items {
			shared := ""
			for _, f := range list {
				if g := groups[str(field(f, "id"))]; g.parents > 1 {
					shared = fmt.Sprintf(" (folder %q is listed %d times in folders_order lists)", str(field(f, "name")), g.parents)
					break
				}
			}
			return nil, fail("collection > folders", "converting this v1 collection would make more than %d folders and requests%s; list each folder in one folder only", maxV1Items, shared)
		}
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

// idList reads "order" or "folders_order": a list of ids.
func idList(v node, where string) ([]string, error) {
	if isNull(v) {
		return nil, nil
	}
	if !isArray(v) {
		return nil, fail(where, "expected a list of ids")
	}
	var ids []string
	for _, e := range elements(v) {
		ids = append(ids, str(e))
	}
	return ids, nil
}

// item converts one v1 request into a v2.1 item.
func (c *v1Converter) item(r node) (object, error) {
	where := fmt.Sprintf("request %q (id %s)", str(field(r, "name")), str(field(r, "id")))
	var it object
	name := field(r, "name")
	if !jsTruthy(name) {
		name = jsonEmptyString
	}
	it.set("name", raw(name))
	ev, err := v1Events(r, where)
	if err != nil {
		return nil, err
	}
	if ev != nil {
		it.set("event", ev)
	}
	if p := field(r, "protocolProfileBehavior"); isObject(p) {
		it.set("protocolProfileBehavior", raw(p))
	}
	var req object
	auth, err := v1Auth(r, where, false)
	if err != nil {
		return nil, err
	}
	if auth != nil {
		req.set("auth", auth)
	}
	if m := field(r, "method"); !isNull(m) {
		if !isString(m) {
			return nil, fail(where+" > method", "expected a string")
		}
		req.set("method", m.text())
	}
	hs, err := v1Headers(r, where)
	if err != nil {
		return nil, err
	}
	req.set("header", hs)
	body, err := v1Body(r, where)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.set("body", body)
	}
	u, err := v1URL(r, where)
	if err != nil {
		return nil, err
	}
	if u != nil {
		req.set("url", u)
	}
	if d := field(r, "description"); jsTruthy(d) {
		req.set("description", raw(d))
	}
	it.set("request", req)
	vars, err := v1Variables(r, where)
	if err != nil {
		return nil, err
	}
	if vars != nil {
		it.set("variable", vars)
	}
	return it, nil
}

// orNull stands in JSON null for a missing value.
func orNull(n node) node {
	if !n.exists() {
		return jsonNull
	}
	return n
}

// isEmpty is lodash's isEmpty for JSON values: null, "", [] and {} are
// empty, and so are numbers and booleans.
func isEmpty(n node) bool {
	switch {
	case isString(n):
		return n.text() == ""
	case isArray(n):
		return n.size() == 0
	case isObject(n):
		return n.size() == 0
	}
	return true
}

func v1URL(r node, where string) (any, error) {
	ru := field(r, "url")
	var rawURL string
	switch {
	case isNull(ru):
	case isString(ru):
		rawURL = ru.text()
	case ru.kind() == kindNumber: // the transformer takes String(url)
		rawURL = ru.raw()
	default:
		return nil, fail(where+" > url", "expected a string")
	}
	var query []any
	altered := false
	if qp := field(r, "queryParams"); !isNull(qp) {
		if !isArray(qp) {
			return nil, fail(where+" > queryParams", "expected a list of parameters")
		}
		for i, q := range elements(qp) {
			if !isObject(q) {
				return nil, fail(fmt.Sprintf("%s > queryParams[%d]", where, i), "expected a parameter object")
			}
			var o object
			var equals node
			hasEquals := false
			val := field(q, "value")
			q.each(func(k, v node) bool {
				switch k.text() {
				case "enabled":
				case "equals":
					equals, hasEquals = v, true
				case "description":
					if jsTruthy(v) {
						o.set("description", raw(v))
					}
				case "value":
				default:
					o.set(k.text(), raw(v))
				}
				return true
			})
			if hasEquals {
				altered = true
				if jsTruthy(equals) {
					if !val.exists() || isNull(val) {
						val = jsonEmptyString
					}
				} else if !jsTruthy(val) {
					// "=" is left out when the value is null.
					val = jsonNull
				}
			}
			if val.exists() {
				o.set("value", raw(val))
			}
			if e := field(q, "enabled"); e.kind() == kindFalse {
				o.set("disabled", true)
			}
			query = append(query, o)
		}
	}
	var vars []any
	listed := map[string]bool{}
	if pvd := field(r, "pathVariableData"); !isNull(pvd) {
		if !isArray(pvd) {
			return nil, fail(where+" > pathVariableData", "expected a list of variables")
		}
		for i, v := range elements(pvd) {
			if !isObject(v) {
				return nil, fail(fmt.Sprintf("%s > pathVariableData[%d]", where, i), "expected a variable object")
			}
			var o object
			v.each(func(k, x node) bool {
				if k.text() == "id" || (k.text() == "description" && !jsTruthy(x)) {
					return true
				}
				o.set(k.text(), raw(x))
				return true
			})
			vars = append(vars, o)
			listed[str(field(v, "key"))] = true
		}
	}
	if pv := field(r, "pathVariables"); !isNull(pv) {
		if !isObject(pv) {
			return nil, fail(where+" > pathVariables", `expected an object of {"name": "value"}`)
		}
		pv.each(func(k, v node) bool {
			if !listed[k.text()] {
				vars = append(vars, object{{"value", raw(v)}, {"key", k.text()}})
			}
			return true
		})
	}
	if query == nil && vars == nil {
		if isNull(ru) {
			return nil, nil
		}
		return rawURL, nil
	}
	o := object{{"raw", rawURL}}
	if query != nil {
		o.set("query", query)
	}
	if vars != nil {
		o.set("variable", vars)
	}
	if altered {
		// The transformer rewrites "raw" from the listed parameters;
		// colrun builds the query from the list anyway, so "raw" keeps
		// only its part before the query.
		base, _, _ := strings.Cut(rawURL, "?")
		o[0].val = base
	}
	return o, nil
}

// v1HeaderLine is the transformer's header line: a key without spaces
// (up to the last colon of its first word), a colon, and the value.
var v1HeaderLine = regexp.MustCompile(`(?m)^((//\s*)?\S+):(.*)$`)

// v1HeaderFold joins a folded header line to the one before it.
var v1HeaderFold = regexp.MustCompile(`\r\n([ \t])`)

func v1Headers(r node, where string) ([]any, error) {
	out := []any{}
	hv := field(r, "headers")
	if isArray(hv) {
		for _, h := range elements(hv) {
			out = append(out, raw(h))
		}
		return out, nil
	}
	if !isNull(hv) && !isString(hv) {
		return nil, fail(where+" > headers", `expected "Key: value" lines`)
	}
	listed := map[string]bool{}
	if hd := field(r, "headerData"); !isNull(hd) {
		if !isArray(hd) {
			return nil, fail(where+" > headerData", "expected a list of headers")
		}
		for i, h := range elements(hd) {
			if !isObject(h) {
				return nil, fail(fmt.Sprintf("%s > headerData[%d]", where, i), "expected a header object")
			}
			key := str(field(h, "key"))
			dis := field(h, "enabled").kind() == kindFalse
			if strings.HasPrefix(key, "//") {
				dis = true
			}
			if dis {
				key = strings.TrimSpace(strings.Replace(key, "//", "", 1))
			}
			var o object
			h.each(func(k, v node) bool {
				switch {
				case k.text() == "enabled", k.text() == "disabled" && dis:
				case k.text() == "key":
					o.set("key", key)
				case k.text() == "description" && !jsTruthy(v):
				default:
					o.set(k.text(), raw(v))
				}
				return true
			})
			if dis {
				o.set("disabled", true)
			}
			out = append(out, o)
			listed[key] = true
		}
	}
	text := v1HeaderFold.ReplaceAllString(hv.text(), "$1")
	for _, m := range v1HeaderLine.FindAllStringSubmatch(text, -1) {
		key, dis := m[1], false
		if strings.HasPrefix(key, "//") {
			key, dis = strings.TrimSpace(strings.Replace(key, "//", "", 1)), true
		}
		if listed[key] {
			continue
		}
		o := object{{"key", key}, {"value", strings.TrimSpace(m[3])}}
		if dis {
			o.set("disabled", true)
		}
		out = append(out, o)
	}
	return out, nil
}

// v1BodyModes maps v1's dataMode to v2's body mode.
var v1BodyModes = map[string]string{
	"binary":     "file",
	"graphql":    "graphql",
	"params":     "formdata",
	"raw":        "raw",
	"urlencoded": "urlencoded",
}

func v1Body(r node, where string) (any, error) {
	dm := field(r, "dataMode")
	if !isNull(dm) && !isString(dm) {
		return nil, fail(where+" > dataMode", "expected one of raw, urlencoded, params, binary or graphql")
	}
	mode := v1BodyModes[dm.text()]
	data, rmd, gql := field(r, "data"), field(r, "rawModeData"), field(r, "graphqlModeData")
	if !isNull(data) && !isArray(data) && !isString(data) {
		return nil, fail(where+" > data", "expected a list of parameters or a string")
	}
	emptyBody := isEmpty(data) && isEmpty(rmd) && isEmpty(gql)
	if (mode == "" && emptyBody) || (dm.exists() && dm.kind() == kindNull) {
		return nil, nil
	}
	var rawData string
	switch {
	case isString(rmd):
		rawData = rmd.text()
	case isArray(rmd) && rmd.size() == 1 && isString(elements(rmd)[0]):
		rawData = elements(rmd)[0].text()
	}
	opts := field(r, "dataOptions")
	gqlData := node{}
	switch {
	case !isEmpty(gql):
		gqlData = gql
	case field(opts, "graphql").exists() && !isEmpty(data):
		gqlData = data
	}
	// JavaScript's data || rawModeData.
	formSrc := data
	if !jsTruthy(data) {
		formSrc = rmd
	}
	switch {
	case mode != "":
	case rawData == "" && isArray(formSrc):
		mode = "formdata"
	case rawData == "" && jsTruthy(gqlData):
		mode = "graphql"
	default:
		mode = "raw"
	}
	body := object{{"mode", mode}}
	switch mode {
	case "raw":
		switch {
		case rawData != "":
			body.set("raw", rawData)
		case isString(data):
			body.set("raw", data.text())
		default:
			body.set("raw", "")
		}
	case "graphql":
		if gqlData.exists() {
			body.set("graphql", raw(gqlData))
		}
	case "file":
		f := object{}
		if rawData != "" || isString(rmd) {
			f.set("src", rawData)
		}
		body.set("file", f)
	default:
		params, err := v1FormData(formSrc, where+" > data")
		if err != nil {
			return nil, err
		}
		body.set(mode, params)
	}
	if isObject(opts) {
		var bo object
		for _, v1Mode := range []string{"binary", "graphql", "params", "raw", "urlencoded"} {
			if o := field(opts, v1Mode); !isEmpty(o) {
				bo.set(v1BodyModes[v1Mode], raw(o))
			}
		}
		if bo != nil {
			body.set("options", bo)
		}
	}
	if jsTruthy(field(r, "dataDisabled")) {
		body.set("disabled", true)
	}
	return body, nil
}

// v1FormData converts form and urlencoded parameters: "enabled": false
// becomes "disabled", and a file parameter's value becomes its "src".
func v1FormData(data node, where string) ([]any, error) {
	out := []any{}
	if !isArray(data) {
		return out, nil
	}
	for i, p := range elements(data) {
		if !isObject(p) {
			return nil, fail(fmt.Sprintf("%s[%d]", where, i), "expected a parameter object")
		}
		if isNull(field(p, "key")) {
			continue
		}
		file := str(field(p, "type")) == "file" && !jsTruthy(field(p, "src")) && jsTruthy(field(p, "value"))
		var o object
		p.each(func(k, v node) bool {
			switch {
			case k.text() == "enabled":
				if v.kind() == kindFalse {
					o.set("disabled", true)
				}
			case k.text() == "description" && !jsTruthy(v):
			case file && k.text() == "src":
			case file && k.text() == "value":
				if isString(v) || isArray(v) {
					o.set("src", raw(v))
				} else {
					o.set("src", nil)
				}
			default:
				o.set(k.text(), raw(v))
			}
			return true
		})
		out = append(out, o)
	}
	return out, nil
}

// v1Events converts "tests" and "preRequestScript", or, when neither is
// set, passes v2-style "events" through.
func v1Events(e node, where string) ([]any, error) {
	tests, pre := field(e, "tests"), field(e, "preRequestScript")
	if !jsTruthy(tests) && !jsTruthy(pre) {
		evs := field(e, "events")
		if isEmpty(evs) {
			return nil, nil
		}
		if !isArray(evs) {
			return nil, fail(where+" > events", "expected a list of events")
		}
		var out []any
		for i, ev := range elements(evs) {
			if !isObject(ev) {
				return nil, fail(fmt.Sprintf("%s > events[%d]", where, i), "expected an event object")
			}
			var o object
			if !jsTruthy(field(ev, "listen")) {
				o.set("listen", "test")
			}
			ev.each(func(k, v node) bool {
				switch {
				case k.text() == "id":
				case k.text() == "listen" && !jsTruthy(v):
				case k.text() == "script" && isObject(v):
					var s object
					if !jsTruthy(field(v, "type")) {
						s.set("type", "text/javascript")
					}
					v.each(func(sk, sv node) bool {
						switch {
						case sk.text() == "id", sk.text() == "type" && !jsTruthy(sv):
						case sk.text() == "exec" && isString(sv):
							s.set("exec", strings.Split(sv.text(), "\n"))
						default:
							s.set(sk.text(), raw(sv))
						}
						return true
					})
					o.set("script", s)
				default:
					o.set(k.text(), raw(v))
				}
				return true
			})
			out = append(out, o)
		}
		return out, nil
	}
	var out []any
	for _, s := range []struct {
		listen string
		v      node
		name   string
	}{{"test", tests, "tests"}, {"prerequest", pre, "preRequestScript"}} {
		if !jsTruthy(s.v) {
			continue
		}
		var exec any
		switch {
		case isString(s.v):
			exec = strings.Split(s.v.text(), "\n")
		case isArray(s.v):
			exec = raw(s.v)
		default:
			return nil, fail(where+" > "+s.name, "expected a script (a string or a list of lines)")
		}
		out = append(out, object{{"listen", s.listen}, {"script", object{{"type", "text/javascript"}, {"exec", exec}}}})
	}
	return out, nil
}

// v1AuthTypes maps v1's currentHelper to v2's auth type.
var v1AuthTypes = map[string]string{
	"apikeyAuth": "apikey",
	"basicAuth":  "basic",
	"bearerAuth": "bearer",
	"digestAuth": "digest",
	"hawkAuth":   "hawk",
	"oAuth1":     "oauth1",
	"oAuth2":     "oauth2",
	"ntlmAuth":   "ntlm",
	"awsSigV4":   "awsv4",
}

// v1AuthParams lists, per helper, v2's parameter names and the v1
// helperAttributes each is read from.
var v1AuthParams = map[string][][2]string{
	"apikeyAuth": {{"key", "key"}, {"value", "value"}, {"in", "in"}},
	"basicAuth":  {{"username", "username"}, {"password", "password"}, {"saveHelperData", "saveToRequest"}, {"showPassword", ""}},
	"bearerAuth": {{"token", "token"}},
	"digestAuth": {{"algorithm", "algorithm"}, {"username", "username"}, {"realm", "realm"}, {"password", "password"}, {"nonce", "nonce"}, {"nonceCount", "nonceCount"}, {"clientNonce", "clientNonce"}, {"opaque", "opaque"}, {"qop", "qop"}, {"disableRetryRequest", "disableRetryRequest"}},
	"oAuth1": {{"consumerKey", "consumerKey"}, {"consumerSecret", "consumerSecret"}, {"token", "token"}, {"tokenSecret", "tokenSecret"}, {"signatureMethod", "signatureMethod"}, {"timestamp", "timestamp"}, {"nonce", "nonce"}, {"version", "version"}, {"realm", "realm"},
		{"addParamsToHeader", "header"}, {"autoAddParam", "auto"}, {"addEmptyParamsToSign", "includeEmpty"}},
	"hawkAuth": {{"authId", "hawk_id"}, {"authKey", "hawk_key"}, {"algorithm", "algorithm"}, {"user", "user"}, {"saveHelperData", "saveToRequest"}, {"nonce", "nonce"}, {"extraData", "ext"}, {"appId", "app"}, {"delegation", "dlg"}, {"timestamp", "timestamp"}},
	"ntlmAuth": {{"username", "username"}, {"password", "password"}, {"domain", "domain"}, {"workstation", "workstation"}, {"disableRetryRequest", "disableRetryRequest"}},
	"oAuth2": {{"accessToken", "accessToken"}, {"addTokenTo", "addTokenTo"}, {"callBackUrl", "callBackUrl"}, {"authUrl", "authUrl"}, {"accessTokenUrl", "accessTokenUrl"}, {"clientId", "clientId"}, {"clientSecret", "clientSecret"},
		{"clientAuth", "clientAuth"}, {"grantType", "grantType"}, {"scope", "scope"}, {"username", "username"}, {"password", "password"}, {"tokenType", "tokenType"}, {"redirectUri", "redirectUri"}, {"refreshToken", "refreshToken"}},
}

// v1Auth converts "currentHelper" and "helperAttributes", or, when
// neither is set, passes a v2-style "auth" through. At the collection
// level a "noauth" auth is dropped, as the transformer drops it.
func v1Auth(e node, where string, top bool) (any, error) {
	helper, attrs := field(e, "currentHelper"), field(e, "helperAttributes")
	if a := field(e, "auth"); a.exists() && !helper.exists() && !jsTruthy(attrs) {
		if isNull(a) {
			if top {
				return nil, nil
			}
			return raw(a), nil
		}
		if top && str(field(a, "type")) == "noauth" {
			return nil, nil
		}
		if typ := field(a, "type"); isString(typ) && typ.text() != "noauth" && isArray(field(a, typ.text())) {
			return v1AuthList(typ.text(), field(a, typ.text())), nil
		}
		return raw(a), nil
	}
	if !jsTruthy(helper) || helper.text() == "normal" {
		return nil, nil
	}
	if !isString(helper) {
		return nil, fail(where+" > currentHelper", "expected the name of an auth helper")
	}
	typ := v1AuthTypes[helper.text()]
	if typ == "" {
		typ = helper.text()
	}
	if isString(attrs) {
		// Legacy exports hold the attributes as JSON text; the
		// transformer drops the auth when that text is not JSON.
		parsed, ok := parseDocument(attrs.text())
		if !ok {
			return nil, nil
		}
		attrs = parsed
	}
	if !isNull(attrs) && !isObject(attrs) {
		return nil, fail(where+" > helperAttributes", "expected an object of auth parameters")
	}
	auth := object{{"type", typ}}
	if !jsTruthy(attrs) {
		return auth, nil
	}
	var params []any
	param := func(key string, v node) { params = append(params, v1AuthParam(key, v)) }
	if names, ok := v1AuthParams[helper.text()]; ok {
		for _, n := range names {
			if n[1] == "" {
				param(n[0], jsonFalse)
				continue
			}
			param(n[0], field(attrs, n[1]))
		}
	} else if helper.text() == "awsSigV4" {
		attrs.each(func(k, v node) bool { param(k.text(), v); return true })
	}
	if params != nil {
		auth.set(typ, params)
	}
	return auth, nil
}

// v1AuthParam is an auth parameter as the transformer writes it, typed
// after its value.
func v1AuthParam(key string, v node) object {
	o := object{{"key", key}}
	if v.exists() {
		o.set("value", raw(v))
	}
	o.set("type", jsTypeName(v))
	return o
}

// v1AuthList is a v2-style list of auth parameters in a v1 file as the
// transformer passes it on: made a map (a repeated key keeps its first
// place and its last value) and a list again, each parameter typed after
// its value whatever type it had.
func v1AuthList(typ string, list node) object {
	var keys []string
	vals := map[string]node{}
	for _, e := range elements(list) {
		if !isObject(e) {
			continue
		}
		k := "undefined"
		if key := field(e, "key"); key.exists() {
			k = str(key)
		}
		if _, seen := vals[k]; !seen {
			keys = append(keys, k)
		}
		vals[k] = field(e, "value")
	}
	auth := object{{"type", typ}}
	if len(keys) > 0 {
		params := make([]any, len(keys))
		for i, k := range keys {
			params[i] = v1AuthParam(k, vals[k])
		}
		auth.set(typ, params)
	}
	return auth
}

// jsTypeName is the transformer's parameter type for a value.
func jsTypeName(v node) string {
	switch {
	case isString(v):
		return "string"
	case v.kind() == kindFalse || v.kind() == kindTrue:
		return "boolean"
	case v.kind() == kindNumber:
		return "number"
	}
	return "any"
}

// v1Variables converts "variables" (or "variable") lists: "type": "text"
// becomes "string".
func v1Variables(e node, where string) ([]any, error) {
	src := field(e, "variables")
	name := "variables"
	if !jsTruthy(src) {
		src, name = field(e, "variable"), "variable"
	}
	if !jsTruthy(src) {
		return nil, nil
	}
	var list []node
	switch {
	case isArray(src):
		list = elements(src)
	case isObject(src):
		src.each(func(_, v node) bool { list = append(list, v); return true })
	default:
		return nil, fail(where+" > "+name, "expected a list of variables")
	}
	var out []any
	for i, v := range list {
		if !isObject(v) {
			return nil, fail(fmt.Sprintf("%s > %s[%d]", where, name, i), "expected a variable object")
		}
		key := field(v, "key")
		if !jsTruthy(key) {
			key = field(v, "id")
		}
		o := object{}
		if key.exists() {
			o.set("key", raw(key))
		}
		if val := field(v, "value"); val.exists() {
			o.set("value", raw(val))
		}
		if t := field(v, "type"); jsTruthy(t) {
			if t.text() == "text" {
				o.set("type", "string")
			} else {
				o.set("type", raw(t))
			}
		}
		if jsTruthy(field(v, "disabled")) {
			o.set("disabled", true)
		}
		if d := field(v, "description"); jsTruthy(d) {
			o.set("description", raw(d))
		}
		out = append(out, o)
	}
	return out, nil
}
