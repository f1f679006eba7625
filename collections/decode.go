package collections

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// The document is parsed once into a generic tree (objects as
// map[string]any, numbers as json.Number) and normalised from there: every
// field whose shape varies between schema versions and exporters is a type
// switch, and no part of the input is scanned twice. The lenient shapes are
// Postman's own: a URL as a string or an object, script lines as a string
// or a list, auth parameters as an object or a list, and so on.

type object = map[string]any

// fieldError is a decoding problem located by a path of field names, such
// as `item "Users / List" > request > url`.
type fieldError struct {
	where string
	msg   string
}

func (e *fieldError) Error() string { return e.where + ": " + e.msg }

func fail(where, format string, args ...any) error {
	return &fieldError{where: where, msg: fmt.Sprintf(format, args...)}
}

// decodeCollection normalises a parsed collection document.
func decodeCollection(doc any) (*Collection, error) {
	root, ok := doc.(object)
	if !ok {
		return nil, fail("collection", "not a Postman collection: expected a JSON object")
	}
	info, hasInfo := root["info"].(object)
	if !hasInfo && root["item"] == nil {
		if root["requests"] != nil {
			return nil, fail("collection", "this is a Postman Collection v1 file; export it again as v2.1 from Postman")
		}
		return nil, fail("collection", `not a Postman collection: it has neither "info" nor "item"`)
	}
	c := &Collection{}
	if hasInfo {
		c.Info = Info{
			ID:          str(info["_postman_id"]),
			Name:        str(info["name"]),
			Schema:      str(info["schema"]),
			Description: description(info["description"]),
		}
	}
	var err error
	if c.Auth, err = decodeAuth(root["auth"], "collection > auth"); err != nil {
		return nil, err
	}
	if c.Events, err = decodeEvents(root["event"], "collection > event"); err != nil {
		return nil, err
	}
	if c.Variables, err = decodeVariables(root["variable"], "collection > variable"); err != nil {
		return nil, err
	}
	if c.ProtocolProfileBehavior, err = decodePPB(root["protocolProfileBehavior"], "collection > protocolProfileBehavior"); err != nil {
		return nil, err
	}
	if c.Items, err = decodeItems(root["item"], nil, "collection > item"); err != nil {
		return nil, err
	}
	return c, nil
}

func decodeItems(v any, parent *Item, where string) ([]*Item, error) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fail(where, "expected a list of items")
	}
	items := make([]*Item, 0, len(list))
	for i, raw := range list {
		it, err := decodeItem(raw, parent, fmt.Sprintf("%s[%d]", where, i))
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

func decodeItem(v any, parent *Item, where string) (*Item, error) {
	ri, ok := v.(object)
	if !ok {
		return nil, fail(where, "expected an item object")
	}
	it := &Item{
		ID:          str(ri["id"]),
		Name:        str(ri["name"]),
		Description: description(ri["description"]),
		Parent:      parent,
	}
	if it.Name != "" {
		where = fmt.Sprintf("item %q", it.Path())
	}
	var err error
	if it.Events, err = decodeEvents(ri["event"], where+" > event"); err != nil {
		return nil, err
	}
	if it.Variables, err = decodeVariables(ri["variable"], where+" > variable"); err != nil {
		return nil, err
	}
	if it.ProtocolProfileBehavior, err = decodePPB(ri["protocolProfileBehavior"], where+" > protocolProfileBehavior"); err != nil {
		return nil, err
	}
	// An item with an "item" list is a folder, even when the list is empty;
	// one with neither "item" nor "request" is an empty folder too, which
	// Postman shows and runs as nothing.
	if ri["item"] != nil || ri["request"] == nil {
		it.Folder = true
		it.Items = []*Item{}
		if it.Auth, err = decodeAuth(ri["auth"], where+" > auth"); err != nil {
			return nil, err
		}
		children, err := decodeItems(ri["item"], it, where+" > item")
		if err != nil {
			return nil, err
		}
		if children != nil {
			it.Items = children
		}
		return it, nil
	}
	if it.Request, err = decodeRequest(ri["request"], where+" > request"); err != nil {
		return nil, err
	}
	return it, nil
}

func decodeRequest(v any, where string) (*Request, error) {
	switch x := v.(type) {
	case string:
		return &Request{Method: "GET", URL: ParseURL(x)}, nil
	case object:
		r := &Request{Method: strings.ToUpper(str(x["method"])), Description: description(x["description"])}
		if r.Method == "" {
			r.Method = "GET"
		}
		var err error
		if r.URL, err = decodeURL(x["url"], where+" > url"); err != nil {
			return nil, err
		}
		if r.Headers, err = decodeHeaders(x["header"], where+" > header"); err != nil {
			return nil, err
		}
		if r.Body, err = decodeBody(x["body"], where+" > body"); err != nil {
			return nil, err
		}
		if r.Auth, err = decodeAuth(x["auth"], where+" > auth"); err != nil {
			return nil, err
		}
		return r, nil
	}
	return nil, fail(where, "expected a URL string or a request object")
}

func decodeURL(v any, where string) (URL, error) {
	var ru object
	switch x := v.(type) {
	case nil:
		return URL{}, nil
	case string:
		return ParseURL(x), nil
	case object:
		ru = x
	default:
		return URL{}, fail(where, "expected a string or an object")
	}
	raw := str(ru["raw"])
	// Postman builds the URL from its parts and ignores "raw" when parts
	// exist. Hand-written collections often give only "raw": parse it then.
	if ru["host"] == nil && ru["path"] == nil && ru["protocol"] == nil {
		u := ParseURL(raw)
		vars, err := decodeVariables(ru["variable"], where+" > variable")
		if err != nil {
			return URL{}, err
		}
		if vars != nil {
			u.Variables = mergePathVariables(u.Variables, vars)
		}
		if ru["query"] != nil {
			q, err := decodeQuery(ru["query"], where+" > query")
			if err != nil {
				return URL{}, err
			}
			u.Query = q
		}
		return u, nil
	}
	u := URL{Raw: raw, Protocol: str(ru["protocol"]), Port: str(ru["port"]), Hash: str(ru["hash"])}
	switch h := ru["host"].(type) {
	case nil:
	case string:
		u.Host = splitHost(h)
	case []any:
		for _, p := range h {
			u.Host = append(u.Host, str(p))
		}
	default:
		return URL{}, fail(where+" > host", "expected a string or a list of strings")
	}
	switch p := ru["path"].(type) {
	case nil:
	case string:
		s := strings.TrimPrefix(p, "/")
		if s != "" || p == "/" {
			u.Path = strings.Split(s, "/")
		}
	case []any:
		u.Path = make([]string, 0, len(p))
		for _, seg := range p {
			if o, ok := seg.(object); ok {
				u.Path = append(u.Path, str(o["value"]))
				continue
			}
			u.Path = append(u.Path, str(seg))
		}
	default:
		return URL{}, fail(where+" > path", "expected a string or a list of segments")
	}
	var err error
	if u.Query, err = decodeQuery(ru["query"], where+" > query"); err != nil {
		return URL{}, err
	}
	if u.Variables, err = decodeVariables(ru["variable"], where+" > variable"); err != nil {
		return URL{}, err
	}
	if a, ok := ru["auth"].(object); ok {
		u.Auth = &URLAuth{User: str(a["user"]), Password: str(a["password"])}
	}
	return u, nil
}

// mergePathVariables keeps the variables parsed from the path and fills
// their values from the collection's list; listed extras are kept too.
func mergePathVariables(parsed, listed []Variable) []Variable {
	out := append([]Variable(nil), parsed...)
	for _, l := range listed {
		found := false
		for i := range out {
			if out[i].Key == l.Key {
				out[i] = l
				found = true
			}
		}
		if !found {
			out = append(out, l)
		}
	}
	return out
}

// splitHost splits a host string on dots outside {{...}}, as Postman does.
func splitHost(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			depth++
			i++
		case strings.HasPrefix(s[i:], "}}") && depth > 0:
			depth--
			i++
		case s[i] == '.' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func decodeQuery(v any, where string) ([]QueryParam, error) {
	if s, ok := v.(string); ok {
		if s == "" {
			return nil, nil
		}
		var q []QueryParam
		for _, p := range strings.Split(s, "&") {
			q = append(q, parseQueryParam(p))
		}
		return q, nil
	}
	kvs, err := keyValues(v, where)
	if err != nil || kvs == nil {
		return nil, err
	}
	q := make([]QueryParam, 0, len(kvs))
	for _, kv := range kvs {
		p := QueryParam{Key: str(kv["key"]), Disabled: disabled(kv)}
		if val, present := kv["value"]; present && val != nil {
			s := str(val)
			p.Value = &s
		}
		q = append(q, p)
	}
	return q, nil
}

// keyValues accepts a list of objects, or an object map {k: v} (written by
// some exporters), returning the list form.
func keyValues(v any, where string) ([]object, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		out := make([]object, 0, len(x))
		for _, e := range x {
			o, ok := e.(object)
			if !ok {
				if e == nil {
					continue
				}
				return nil, fail(where, "expected a list of {key, value} objects")
			}
			out = append(out, o)
		}
		return out, nil
	case object:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([]object, 0, len(keys))
		for _, k := range keys {
			out = append(out, object{"key": k, "value": x[k]})
		}
		return out, nil
	}
	return nil, fail(where, "expected a list of {key, value} objects")
}

func disabled(kv object) bool {
	if truthy(kv["disabled"]) {
		return true
	}
	// Environments say "enabled": false instead.
	e, ok := kv["enabled"]
	return ok && e != nil && !truthy(e)
}

func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return x == "true"
	}
	return false
}

func decodeHeaders(v any, where string) ([]Header, error) {
	if s, ok := v.(string); ok {
		return ParseHeaderString(s), nil
	}
	kvs, err := keyValues(v, where)
	if err != nil || kvs == nil {
		return nil, err
	}
	hs := make([]Header, 0, len(kvs))
	for _, kv := range kvs {
		key := str(kv["key"])
		if strings.TrimSpace(key) == "" {
			continue
		}
		hs = append(hs, Header{Key: key, Value: str(kv["value"]), Disabled: disabled(kv)})
	}
	return hs, nil
}

// ParseHeaderString parses "Key: value" lines, the form collection v1 and
// some exporters use for headers; a "//" prefix disables a line.
func ParseHeaderString(s string) []Header {
	var hs []Header
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		h := Header{}
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			h.Disabled = true
			line = strings.TrimPrefix(strings.TrimSpace(line), "//")
		}
		k, val, _ := strings.Cut(line, ":")
		h.Key, h.Value = strings.TrimSpace(k), strings.TrimSpace(val)
		if h.Key != "" {
			hs = append(hs, h)
		}
	}
	return hs
}

func decodeBody(v any, where string) (*Body, error) {
	var rb object
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		// A bare string body is raw text.
		return &Body{Mode: "raw", Raw: x}, nil
	case object:
		rb = x
	default:
		return nil, fail(where, "expected a body object")
	}
	b := &Body{Mode: str(rb["mode"]), Raw: str(rb["raw"]), Disabled: truthy(rb["disabled"])}
	if opts, ok := rb["options"].(object); ok {
		if raw, ok := opts["raw"].(object); ok {
			b.Language = str(raw["language"])
		}
	}
	var err error
	if b.URLEncoded, err = decodeForm(rb["urlencoded"], where+" > urlencoded"); err != nil {
		return nil, err
	}
	if b.FormData, err = decodeForm(rb["formdata"], where+" > formdata"); err != nil {
		return nil, err
	}
	if f, ok := rb["file"].(object); ok {
		b.File = &BodyFile{Src: str(f["src"]), Content: str(f["content"])}
	}
	if g, ok := rb["graphql"].(object); ok {
		b.GraphQL = &GraphQL{Query: str(g["query"]), Variables: str(g["variables"])}
	}
	if b.Mode == "" {
		switch {
		case rb["raw"] != nil:
			b.Mode = "raw"
		case b.URLEncoded != nil:
			b.Mode = "urlencoded"
		case b.FormData != nil:
			b.Mode = "formdata"
		case b.File != nil:
			b.Mode = "file"
		case b.GraphQL != nil:
			b.Mode = "graphql"
		}
	}
	return b, nil
}

func decodeForm(v any, where string) ([]FormParam, error) {
	kvs, err := keyValues(v, where)
	if err != nil || kvs == nil {
		return nil, err
	}
	out := make([]FormParam, 0, len(kvs))
	for _, kv := range kvs {
		p := FormParam{
			Key:         str(kv["key"]),
			Value:       str(kv["value"]),
			Type:        str(kv["type"]),
			ContentType: str(kv["contentType"]),
			Disabled:    disabled(kv),
		}
		switch src := kv["src"].(type) {
		case nil:
		case []any:
			for _, s := range src {
				p.Src = append(p.Src, str(s))
			}
		default:
			if s := str(src); s != "" {
				p.Src = []string{s}
			}
		}
		if p.Type == "" {
			p.Type = "text"
		}
		out = append(out, p)
	}
	return out, nil
}

// decodeAuth accepts v2.1 ({"type":"x","x":[{key,value}]}) and v2.0
// ({"type":"x","x":{k:v}}) auth blocks.
func decodeAuth(v any, where string) (*Auth, error) {
	if v == nil {
		return nil, nil
	}
	obj, ok := v.(object)
	if !ok {
		return nil, fail(where, "expected an auth object")
	}
	a := &Auth{Type: str(obj["type"])}
	if a.Type == "" {
		return nil, fail(where, `auth has no "type"`)
	}
	switch params := obj[a.Type].(type) {
	case nil:
	case []any:
		for _, e := range params {
			if kv, ok := e.(object); ok {
				a.Params = append(a.Params, AuthParam{Key: str(kv["key"]), Value: kv["value"]})
			}
		}
	case object:
		keys := make([]string, 0, len(params))
		for k := range params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			a.Params = append(a.Params, AuthParam{Key: k, Value: params[k]})
		}
	default:
		return nil, fail(where+" > "+a.Type, "expected a list or an object of parameters")
	}
	return a, nil
}

func decodeEvents(v any, where string) ([]Event, error) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fail(where, "expected a list of events")
	}
	var out []Event
	for i, raw := range list {
		re, ok := raw.(object)
		if !ok {
			return nil, fail(fmt.Sprintf("%s[%d]", where, i), "expected an event object")
		}
		e := Event{Listen: str(re["listen"]), Disabled: truthy(re["disabled"])}
		switch sc := re["script"].(type) {
		case nil:
		case string:
			e.Script.Exec = sc
		case object:
			e.Script = Script{ID: str(sc["id"]), Type: str(sc["type"]), Name: str(sc["name"])}
			exec, err := scriptLines(sc["exec"])
			if err != nil {
				return nil, fail(fmt.Sprintf("%s[%d] > script > exec", where, i), "%s", err)
			}
			e.Script.Exec = exec
		default:
			return nil, fail(fmt.Sprintf("%s[%d] > script", where, i), "expected a script object")
		}
		out = append(out, e)
	}
	return out, nil
}

func scriptLines(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case []any:
		parts := make([]string, len(x))
		for i, l := range x {
			parts[i] = str(l)
		}
		return strings.Join(parts, "\n"), nil
	}
	return "", fmt.Errorf("expected a string or a list of lines")
}

func decodeVariables(v any, where string) ([]Variable, error) {
	kvs, err := keyValues(v, where)
	if err != nil || kvs == nil {
		return nil, err
	}
	out := make([]Variable, 0, len(kvs))
	for _, kv := range kvs {
		key := str(kv["key"])
		if key == "" {
			key = str(kv["id"])
		}
		if key == "" {
			key = str(kv["name"])
		}
		out = append(out, Variable{Key: key, Value: kv["value"], Type: str(kv["type"]), Disabled: disabled(kv)})
	}
	return out, nil
}

func decodePPB(v any, where string) (ProtocolProfileBehavior, error) {
	var p ProtocolProfileBehavior
	if v == nil {
		return p, nil
	}
	obj, ok := v.(object)
	if !ok {
		return p, fail(where, "expected an object")
	}
	flag := func(name string) *bool {
		val, ok := obj[name]
		if !ok || val == nil {
			return nil
		}
		b := truthy(val)
		return &b
	}
	p.FollowRedirects = flag("followRedirects")
	p.StrictSSL = flag("strictSSL")
	p.DisableCookies = flag("disableCookies")
	p.DisableBodyPruning = flag("disableBodyPruning")
	p.FollowOriginalHTTPMethod = flag("followOriginalHttpMethod")
	p.FollowAuthorizationHeader = flag("followAuthorizationHeader")
	p.RemoveRefererHeader = flag("removeRefererHeader")
	if val, ok := obj["maxRedirects"]; ok && val != nil {
		n, err := strconv.Atoi(str(val))
		if err != nil {
			return p, fail(where+" > maxRedirects", "expected a whole number")
		}
		p.MaxRedirects = &n
	}
	return p, nil
}

// str renders a JSON scalar as a string: strings as is, numbers and bools
// in their JSON text, null as "". Objects and arrays render as JSON.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return jsonText(v)
}

// description accepts a string or {"content": "...", "type": "..."}.
func description(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case object:
		return str(x["content"])
	}
	return ""
}

func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
