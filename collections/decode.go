package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// The raw* types mirror the JSON as loosely as Postman accepts it: every
// field whose shape varies between schema versions and exporters is a
// json.RawMessage, normalised by the functions below.

type rawCollection struct {
	Info     *rawInfo          `json:"info"`
	Item     json.RawMessage   `json:"item"`
	Auth     json.RawMessage   `json:"auth"`
	Event    json.RawMessage   `json:"event"`
	Variable json.RawMessage   `json:"variable"`
	PPB      json.RawMessage   `json:"protocolProfileBehavior"`
	Requests []json.RawMessage `json:"requests"` // Collection v1, rejected
}

type rawInfo struct {
	ID          json.RawMessage `json:"_postman_id"`
	Name        json.RawMessage `json:"name"`
	Schema      string          `json:"schema"`
	Description json.RawMessage `json:"description"`
}

type rawItem struct {
	ID          json.RawMessage `json:"id"`
	Name        json.RawMessage `json:"name"`
	Description json.RawMessage `json:"description"`
	Item        json.RawMessage `json:"item"`
	Request     json.RawMessage `json:"request"`
	Event       json.RawMessage `json:"event"`
	Auth        json.RawMessage `json:"auth"`
	Variable    json.RawMessage `json:"variable"`
	PPB         json.RawMessage `json:"protocolProfileBehavior"`
}

type rawRequest struct {
	Method      json.RawMessage `json:"method"`
	URL         json.RawMessage `json:"url"`
	Header      json.RawMessage `json:"header"`
	Body        json.RawMessage `json:"body"`
	Auth        json.RawMessage `json:"auth"`
	Description json.RawMessage `json:"description"`
}

type rawURL struct {
	Raw      json.RawMessage `json:"raw"`
	Protocol json.RawMessage `json:"protocol"`
	Host     json.RawMessage `json:"host"`
	Port     json.RawMessage `json:"port"`
	Path     json.RawMessage `json:"path"`
	Query    json.RawMessage `json:"query"`
	Hash     json.RawMessage `json:"hash"`
	Variable json.RawMessage `json:"variable"`
	Auth     *struct {
		User     json.RawMessage `json:"user"`
		Password json.RawMessage `json:"password"`
	} `json:"auth"`
}

type rawKeyValue struct {
	Key         json.RawMessage `json:"key"`
	ID          json.RawMessage `json:"id"`
	Name        json.RawMessage `json:"name"`
	Value       json.RawMessage `json:"value"`
	Type        json.RawMessage `json:"type"`
	Disabled    json.RawMessage `json:"disabled"`
	Enabled     json.RawMessage `json:"enabled"`
	Src         json.RawMessage `json:"src"`
	ContentType json.RawMessage `json:"contentType"`
}

type rawBody struct {
	Mode       json.RawMessage `json:"mode"`
	Raw        json.RawMessage `json:"raw"`
	URLEncoded json.RawMessage `json:"urlencoded"`
	FormData   json.RawMessage `json:"formdata"`
	File       *struct {
		Src     json.RawMessage `json:"src"`
		Content json.RawMessage `json:"content"`
	} `json:"file"`
	GraphQL *struct {
		Query     json.RawMessage `json:"query"`
		Variables json.RawMessage `json:"variables"`
	} `json:"graphql"`
	Options *struct {
		Raw *struct {
			Language json.RawMessage `json:"language"`
		} `json:"raw"`
	} `json:"options"`
	Disabled json.RawMessage `json:"disabled"`
}

type rawEvent struct {
	Listen   json.RawMessage `json:"listen"`
	Script   json.RawMessage `json:"script"`
	Disabled json.RawMessage `json:"disabled"`
}

type rawScript struct {
	ID   json.RawMessage `json:"id"`
	Type json.RawMessage `json:"type"`
	Exec json.RawMessage `json:"exec"`
	Name json.RawMessage `json:"name"`
}

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

func isNull(m json.RawMessage) bool {
	t := bytes.TrimSpace(m)
	return len(t) == 0 || bytes.Equal(t, []byte("null"))
}

// decodeCollection normalises a parsed collection document.
func decodeCollection(data []byte) (*Collection, error) {
	var rc rawCollection
	if err := json.Unmarshal(data, &rc); err != nil {
		return nil, err
	}
	if rc.Info == nil && isNull(rc.Item) {
		if rc.Requests != nil {
			return nil, fail("collection", "this is a Postman Collection v1 file; export it again as v2.1 from Postman")
		}
		return nil, fail("collection", `not a Postman collection: it has neither "info" nor "item"`)
	}
	c := &Collection{}
	if rc.Info != nil {
		c.Info = Info{
			ID:          str(rc.Info.ID),
			Name:        str(rc.Info.Name),
			Schema:      rc.Info.Schema,
			Description: description(rc.Info.Description),
		}
	}
	var err error
	if c.Auth, err = decodeAuth(rc.Auth, "collection > auth"); err != nil {
		return nil, err
	}
	if c.Events, err = decodeEvents(rc.Event, "collection > event"); err != nil {
		return nil, err
	}
	if c.Variables, err = decodeVariables(rc.Variable, "collection > variable"); err != nil {
		return nil, err
	}
	if c.ProtocolProfileBehavior, err = decodePPB(rc.PPB, "collection > protocolProfileBehavior"); err != nil {
		return nil, err
	}
	if c.Items, err = decodeItems(rc.Item, nil, "collection > item"); err != nil {
		return nil, err
	}
	return c, nil
}

func decodeItems(m json.RawMessage, parent *Item, where string) ([]*Item, error) {
	if isNull(m) {
		return nil, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(m, &raws); err != nil {
		return nil, fail(where, "expected a list of items")
	}
	items := make([]*Item, 0, len(raws))
	for i, r := range raws {
		it, err := decodeItem(r, parent, fmt.Sprintf("%s[%d]", where, i))
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

func decodeItem(m json.RawMessage, parent *Item, where string) (*Item, error) {
	var ri rawItem
	if err := json.Unmarshal(m, &ri); err != nil {
		return nil, fail(where, "expected an item object")
	}
	it := &Item{
		ID:          str(ri.ID),
		Name:        str(ri.Name),
		Description: description(ri.Description),
		Parent:      parent,
	}
	if it.Name != "" {
		where = fmt.Sprintf("item %q", it.Path())
	}
	var err error
	if it.Events, err = decodeEvents(ri.Event, where+" > event"); err != nil {
		return nil, err
	}
	if it.Variables, err = decodeVariables(ri.Variable, where+" > variable"); err != nil {
		return nil, err
	}
	if it.ProtocolProfileBehavior, err = decodePPB(ri.PPB, where+" > protocolProfileBehavior"); err != nil {
		return nil, err
	}
	// An item with an "item" list is a folder, even when the list is empty;
	// one with neither "item" nor "request" is an empty folder too, which
	// Postman shows and runs as nothing.
	if !isNull(ri.Item) || isNull(ri.Request) {
		it.Folder = true
		it.Items = []*Item{}
		if it.Auth, err = decodeAuth(ri.Auth, where+" > auth"); err != nil {
			return nil, err
		}
		children, err := decodeItems(ri.Item, it, where+" > item")
		if err != nil {
			return nil, err
		}
		if children != nil {
			it.Items = children
		}
		return it, nil
	}
	if it.Request, err = decodeRequest(ri.Request, where+" > request"); err != nil {
		return nil, err
	}
	return it, nil
}

func decodeRequest(m json.RawMessage, where string) (*Request, error) {
	var s string
	if json.Unmarshal(m, &s) == nil {
		return &Request{Method: "GET", URL: ParseURL(s)}, nil
	}
	var rr rawRequest
	if err := json.Unmarshal(m, &rr); err != nil {
		return nil, fail(where, "expected a URL string or a request object")
	}
	r := &Request{
		Method:      strings.ToUpper(str(rr.Method)),
		Description: description(rr.Description),
	}
	if r.Method == "" {
		r.Method = "GET"
	}
	var err error
	if r.URL, err = decodeURL(rr.URL, where+" > url"); err != nil {
		return nil, err
	}
	if r.Headers, err = decodeHeaders(rr.Header, where+" > header"); err != nil {
		return nil, err
	}
	if r.Body, err = decodeBody(rr.Body, where+" > body"); err != nil {
		return nil, err
	}
	if r.Auth, err = decodeAuth(rr.Auth, where+" > auth"); err != nil {
		return nil, err
	}
	return r, nil
}

func decodeURL(m json.RawMessage, where string) (URL, error) {
	if isNull(m) {
		return URL{}, nil
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		return ParseURL(s), nil
	}
	var ru rawURL
	if err := json.Unmarshal(m, &ru); err != nil {
		return URL{}, fail(where, "expected a string or an object")
	}
	raw := str(ru.Raw)
	// Postman builds the URL from its parts and ignores "raw" when parts
	// exist. Hand-written collections often give only "raw": parse it then.
	if isNull(ru.Host) && isNull(ru.Path) && isNull(ru.Protocol) {
		u := ParseURL(raw)
		if vars, err := decodeVariables(ru.Variable, where+" > variable"); err != nil {
			return URL{}, err
		} else if vars != nil {
			u.Variables = mergePathVariables(u.Variables, vars)
		}
		if !isNull(ru.Query) {
			q, err := decodeQuery(ru.Query, where+" > query")
			if err != nil {
				return URL{}, err
			}
			u.Query = q
		}
		return u, nil
	}
	u := URL{
		Raw:      raw,
		Protocol: str(ru.Protocol),
		Port:     str(ru.Port),
		Hash:     str(ru.Hash),
	}
	if !isNull(ru.Host) {
		if json.Unmarshal(ru.Host, &s) == nil {
			u.Host = splitHost(s)
		} else {
			var parts []json.RawMessage
			if err := json.Unmarshal(ru.Host, &parts); err != nil {
				return URL{}, fail(where+" > host", "expected a string or a list of strings")
			}
			for _, p := range parts {
				u.Host = append(u.Host, str(p))
			}
		}
	}
	if !isNull(ru.Path) {
		if json.Unmarshal(ru.Path, &s) == nil {
			s = strings.TrimPrefix(s, "/")
			if s != "" || str(ru.Path) == "/" {
				u.Path = strings.Split(s, "/")
			}
		} else {
			var parts []json.RawMessage
			if err := json.Unmarshal(ru.Path, &parts); err != nil {
				return URL{}, fail(where+" > path", "expected a string or a list of segments")
			}
			u.Path = []string{}
			for _, p := range parts {
				var seg struct {
					Type  string          `json:"type"`
					Value json.RawMessage `json:"value"`
				}
				if json.Unmarshal(p, &seg) == nil && len(bytes.TrimSpace(p)) > 0 && bytes.TrimSpace(p)[0] == '{' {
					u.Path = append(u.Path, str(seg.Value))
					continue
				}
				u.Path = append(u.Path, str(p))
			}
		}
	}
	var err error
	if u.Query, err = decodeQuery(ru.Query, where+" > query"); err != nil {
		return URL{}, err
	}
	if u.Variables, err = decodeVariables(ru.Variable, where+" > variable"); err != nil {
		return URL{}, err
	}
	if ru.Auth != nil {
		u.Auth = &URLAuth{User: str(ru.Auth.User), Password: str(ru.Auth.Password)}
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

func decodeQuery(m json.RawMessage, where string) ([]QueryParam, error) {
	if isNull(m) {
		return nil, nil
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		if s == "" {
			return nil, nil
		}
		var q []QueryParam
		for _, p := range strings.Split(s, "&") {
			q = append(q, parseQueryParam(p))
		}
		return q, nil
	}
	kvs, err := decodeKeyValues(m, where)
	if err != nil {
		return nil, err
	}
	q := make([]QueryParam, 0, len(kvs))
	for _, kv := range kvs {
		p := QueryParam{Key: str(kv.Key), Disabled: disabled(kv)}
		if !isNull(kv.Value) {
			v := str(kv.Value)
			p.Value = &v
		}
		q = append(q, p)
	}
	return q, nil
}

// decodeKeyValues accepts a list of objects, or an object map {k: v}
// (written by some exporters), returning the list form.
func decodeKeyValues(m json.RawMessage, where string) ([]rawKeyValue, error) {
	if isNull(m) {
		return nil, nil
	}
	var list []rawKeyValue
	if err := json.Unmarshal(m, &list); err == nil {
		return list, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(m, &obj); err != nil {
		return nil, fail(where, "expected a list of {key, value} objects")
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kb, _ := json.Marshal(k)
		list = append(list, rawKeyValue{Key: kb, Value: obj[k]})
	}
	return list, nil
}

func disabled(kv rawKeyValue) bool {
	if truthy(kv.Disabled) {
		return true
	}
	// Environments say "enabled": false instead.
	return !isNull(kv.Enabled) && !truthy(kv.Enabled)
}

func truthy(m json.RawMessage) bool {
	var b bool
	if json.Unmarshal(m, &b) == nil {
		return b
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s == "true"
	}
	return false
}

func decodeHeaders(m json.RawMessage, where string) ([]Header, error) {
	if isNull(m) {
		return nil, nil
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		return ParseHeaderString(s), nil
	}
	kvs, err := decodeKeyValues(m, where)
	if err != nil {
		return nil, err
	}
	hs := make([]Header, 0, len(kvs))
	for _, kv := range kvs {
		key := str(kv.Key)
		if strings.TrimSpace(key) == "" {
			continue
		}
		hs = append(hs, Header{Key: key, Value: str(kv.Value), Disabled: disabled(kv)})
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
		k, v, _ := strings.Cut(line, ":")
		h.Key, h.Value = strings.TrimSpace(k), strings.TrimSpace(v)
		if h.Key != "" {
			hs = append(hs, h)
		}
	}
	return hs
}

func decodeBody(m json.RawMessage, where string) (*Body, error) {
	if isNull(m) {
		return nil, nil
	}
	var rb rawBody
	if err := json.Unmarshal(m, &rb); err != nil {
		// A bare string body is raw text.
		var s string
		if json.Unmarshal(m, &s) == nil {
			return &Body{Mode: "raw", Raw: s}, nil
		}
		return nil, fail(where, "expected a body object")
	}
	b := &Body{Mode: str(rb.Mode), Disabled: truthy(rb.Disabled)}
	b.Raw = str(rb.Raw)
	if rb.Options != nil && rb.Options.Raw != nil {
		b.Language = str(rb.Options.Raw.Language)
	}
	var err error
	if b.URLEncoded, err = decodeForm(rb.URLEncoded, where+" > urlencoded"); err != nil {
		return nil, err
	}
	if b.FormData, err = decodeForm(rb.FormData, where+" > formdata"); err != nil {
		return nil, err
	}
	if rb.File != nil {
		b.File = &BodyFile{Src: str(rb.File.Src), Content: str(rb.File.Content)}
	}
	if rb.GraphQL != nil {
		b.GraphQL = &GraphQL{Query: str(rb.GraphQL.Query), Variables: str(rb.GraphQL.Variables)}
	}
	if b.Mode == "" {
		switch {
		case rb.Raw != nil:
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

func decodeForm(m json.RawMessage, where string) ([]FormParam, error) {
	if isNull(m) {
		return nil, nil
	}
	kvs, err := decodeKeyValues(m, where)
	if err != nil {
		return nil, err
	}
	out := make([]FormParam, 0, len(kvs))
	for _, kv := range kvs {
		p := FormParam{
			Key:         str(kv.Key),
			Value:       str(kv.Value),
			Type:        str(kv.Type),
			ContentType: str(kv.ContentType),
			Disabled:    disabled(kv),
		}
		if !isNull(kv.Src) {
			var list []string
			if json.Unmarshal(kv.Src, &list) == nil {
				p.Src = list
			} else if s := str(kv.Src); s != "" {
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
func decodeAuth(m json.RawMessage, where string) (*Auth, error) {
	if isNull(m) {
		return nil, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(m, &obj); err != nil {
		return nil, fail(where, "expected an auth object")
	}
	a := &Auth{Type: str(obj["type"])}
	if a.Type == "" {
		return nil, fail(where, `auth has no "type"`)
	}
	params := obj[a.Type]
	if isNull(params) {
		return a, nil
	}
	var list []rawKeyValue
	if json.Unmarshal(params, &list) == nil {
		for _, kv := range list {
			a.Params = append(a.Params, AuthParam{Key: str(kv.Key), Value: anyValue(kv.Value)})
		}
		return a, nil
	}
	var kv map[string]json.RawMessage
	if err := json.Unmarshal(params, &kv); err != nil {
		return nil, fail(where+" > "+a.Type, "expected a list or an object of parameters")
	}
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		a.Params = append(a.Params, AuthParam{Key: k, Value: anyValue(kv[k])})
	}
	return a, nil
}

func decodeEvents(m json.RawMessage, where string) ([]Event, error) {
	if isNull(m) {
		return nil, nil
	}
	var raws []rawEvent
	if err := json.Unmarshal(m, &raws); err != nil {
		return nil, fail(where, "expected a list of events")
	}
	var out []Event
	for i, re := range raws {
		e := Event{Listen: str(re.Listen), Disabled: truthy(re.Disabled)}
		if !isNull(re.Script) {
			var rs rawScript
			var s string
			switch {
			case json.Unmarshal(re.Script, &s) == nil:
				e.Script.Exec = s
			case json.Unmarshal(re.Script, &rs) == nil:
				e.Script = Script{ID: str(rs.ID), Type: str(rs.Type), Name: str(rs.Name)}
				exec, err := scriptLines(rs.Exec)
				if err != nil {
					return nil, fail(fmt.Sprintf("%s[%d] > script > exec", where, i), "%s", err)
				}
				e.Script.Exec = exec
			default:
				return nil, fail(fmt.Sprintf("%s[%d] > script", where, i), "expected a script object")
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func scriptLines(m json.RawMessage) (string, error) {
	if isNull(m) {
		return "", nil
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s, nil
	}
	var lines []json.RawMessage
	if err := json.Unmarshal(m, &lines); err != nil {
		return "", fmt.Errorf("expected a string or a list of lines")
	}
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = str(l)
	}
	return strings.Join(parts, "\n"), nil
}

func decodeVariables(m json.RawMessage, where string) ([]Variable, error) {
	if isNull(m) {
		return nil, nil
	}
	kvs, err := decodeKeyValues(m, where)
	if err != nil {
		return nil, err
	}
	out := make([]Variable, 0, len(kvs))
	for _, kv := range kvs {
		key := str(kv.Key)
		if key == "" {
			key = str(kv.ID)
		}
		if key == "" {
			key = str(kv.Name)
		}
		out = append(out, Variable{Key: key, Value: anyValue(kv.Value), Type: str(kv.Type), Disabled: disabled(kv)})
	}
	return out, nil
}

func decodePPB(m json.RawMessage, where string) (ProtocolProfileBehavior, error) {
	var p ProtocolProfileBehavior
	if isNull(m) {
		return p, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(m, &obj); err != nil {
		return p, fail(where, "expected an object")
	}
	flag := func(name string) *bool {
		v, ok := obj[name]
		if !ok || isNull(v) {
			return nil
		}
		b := truthy(v)
		return &b
	}
	p.FollowRedirects = flag("followRedirects")
	p.StrictSSL = flag("strictSSL")
	p.DisableCookies = flag("disableCookies")
	p.DisableBodyPruning = flag("disableBodyPruning")
	p.FollowOriginalHTTPMethod = flag("followOriginalHttpMethod")
	p.FollowAuthorizationHeader = flag("followAuthorizationHeader")
	p.RemoveRefererHeader = flag("removeRefererHeader")
	if v, ok := obj["maxRedirects"]; ok && !isNull(v) {
		n, err := strconv.Atoi(strings.Trim(string(bytes.TrimSpace(v)), `"`))
		if err != nil {
			return p, fail(where+" > maxRedirects", "expected a whole number")
		}
		p.MaxRedirects = &n
	}
	return p, nil
}

// str renders a JSON scalar as a string: strings as is, numbers and bools
// in their JSON text, null as "". Objects and arrays render as JSON.
func str(m json.RawMessage) string {
	if isNull(m) {
		return ""
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s
	}
	return string(bytes.TrimSpace(m))
}

// description accepts a string or {"content": "...", "type": "..."}.
func description(m json.RawMessage) string {
	if isNull(m) {
		return ""
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s
	}
	var d struct {
		Content json.RawMessage `json:"content"`
	}
	if json.Unmarshal(m, &d) == nil {
		return str(d.Content)
	}
	return ""
}

// anyValue decodes a JSON value keeping its type; numbers stay json.Number
// so that 1 prints as "1" and 0.1 as "0.1", as in JavaScript.
func anyValue(m json.RawMessage) any {
	if isNull(m) {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(m))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return nil
	}
	return v
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
