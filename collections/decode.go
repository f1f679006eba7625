package collections

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The document is parsed once into a tape of offsets (jsondoc.go) and
// read in place: no tree of Go values is built, so a large collection
// costs little more memory than its model. Every field whose shape varies between schema versions
// and exporters is a switch on the JSON type. The lenient shapes are
// Postman's own: a URL as a string or an object, script lines as a string
// or a list, auth parameters as an object or a list, and so on.

func isNull(n node) bool   { return n.kind() == kindNull }
func isString(n node) bool { return n.kind() == kindString }
func isObject(n node) bool { return n.kind() == kindObject }
func isArray(n node) bool  { return n.kind() == kindArray }

// field reads a member of an object; anything else has none.
func field(n node, name string) node { return n.get(name) }

// members is an object's members in document order, read in one pass.
// Looking several names up with field would walk the object's members
// once per name; the decoders of the objects a collection has thousands
// of (items, requests, URLs, events) read their names once instead. As
// with field, the last of duplicate names wins.
type members struct {
	// inline holds the first members, so that a typical object costs no
	// allocation; extra holds the rest.
	inline [6]member
	n      int
	extra  []member
}

type member struct {
	key string
	val node
}

// read fills m with n's members; m is meant to live on the caller's stack.
func (m *members) read(n node) {
	n.each(func(k, v node) bool {
		key := k.text()
		if m.n < len(m.inline) {
			m.inline[m.n] = member{key, v}
			m.n++
		} else {
			m.extra = append(m.extra, member{key, v})
		}
		return true
	})
}

func (m *members) get(name string) node {
	for i := len(m.extra) - 1; i >= 0; i-- {
		if m.extra[i].key == name {
			return m.extra[i].val
		}
	}
	for i := m.n - 1; i >= 0; i-- {
		if m.inline[i].key == name {
			return m.inline[i].val
		}
	}
	return node{}
}

func (m *members) has(name string) bool { return !isNull(m.get(name)) }

// has reports whether an object has a member that is not null.
func has(n node, name string) bool { return !isNull(field(n, name)) }

// elements returns an array's values.
func elements(n node) []node { return n.list() }

// where locates a field for error messages, as in
// `item "Users / List" > request > url`. Nearly every document has no
// error, and building this text for each of the thousands of fields
// decoded was a good part of the cost of parsing; so a where is a chain
// of parts on the decoders' stacks, made into text only by fail.
type where struct {
	up      *where
	item    *Item  // a named item, located by its path whatever is above
	name    string // a member's name, or the whole location at the top
	index   int
	isIndex bool // a list element: up followed by "[index]"
	// sink collects the collection's parts of the wrong type that Newman
	// runs past. An environment or globals file's values have none: such
	// a part there is still an error.
	sink *warnings
}

// whereText is a location given as text.
func whereText(s string) where { return where{name: s} }

// in is the location of member name of the object at w.
func (w *where) in(name string) where { return where{up: w, name: name, sink: w.sink} }

// at is the location of element i of the list at w.
func (w *where) at(i int) where { return where{up: w, index: i, isIndex: true, sink: w.sink} }

func (w where) String() string {
	var b strings.Builder
	w.write(&b)
	return b.String()
}

// write writes the location's text. It is built in a builder rather than
// by returning strings, which would let the compiler assume the parts of
// every location escape, and move them off the stack.
func (w *where) write(b *strings.Builder) {
	switch {
	case w.item != nil:
		// The item's Path, written here rather than called: Path keeps
		// the names in a slice, which would move locations off the stack
		// as well.
		var path strings.Builder
		writeItemPath(&path, w.item)
		b.WriteString("item ")
		b.WriteString(strconv.Quote(path.String()))
		return
	case w.up == nil:
		b.WriteString(w.name)
		return
	}
	w.up.write(b)
	if w.isIndex {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(w.index))
		b.WriteByte(']')
		return
	}
	b.WriteString(" > ")
	b.WriteString(w.name)
}

func writeItemPath(b *strings.Builder, it *Item) {
	if it.Parent != nil {
		writeItemPath(b, it.Parent)
		b.WriteString(" / ")
	}
	b.WriteString(it.Name)
}

// fail is a decoding problem at w.
func (w where) fail(format string, args ...any) error {
	return fail(w.String(), format, args...)
}

// maxWarnings is how many places of the wrong type a collection's
// warnings name one by one; a generated file may have thousands, and the
// first few say what is wrong.
const maxWarnings = 5

// warnings are the places of a collection whose part has the wrong type
// but that Newman 6.2.2 runs past, and so colrun does too: the user
// should know that a header, an event or an auth written there does
// nothing (or what it is taken for), since no run fails for it.
type warnings struct {
	places []string
	more   int
}

// wrongType handles a part v at w that is not what expected names: with
// a sink it is noted there, with outcome saying what Newman (and colrun)
// make of it, and the caller reads it as Newman does; without one it is
// the error it always was.
func (w where) wrongType(v node, expected, outcome string) error {
	if w.sink == nil {
		return w.fail("expected %s", expected)
	}
	if len(w.sink.places) >= maxWarnings {
		w.sink.more++
		return nil
	}
	w.sink.places = append(w.sink.places, fmt.Sprintf("%s: %s, not %s; %s", w, jsonKind(v), expected, outcome))
	return nil
}

// Newman's outcomes for wrongType's messages.
const (
	ignored       = "Newman ignores it, and so does colrun"
	noURL         = "Newman runs it as a request without a URL, which fails, and so does colrun"
	inheritedAuth = "Newman ignores it (the auth above applies), and so does colrun"
)

// fieldError is a decoding problem located by a path of field names, such
// as `item "Users / List" > request > url`.
type fieldError struct {
	where string
	msg   string
}

func (e *fieldError) Error() string { return e.where + ": " + e.msg }

func fail(at, format string, args ...any) error {
	return &fieldError{where: at, msg: fmt.Sprintf(format, args...)}
}

// decodeCollection normalises a validated collection document.
func decodeCollection(root node) (*Collection, error) {
	if !isObject(root) {
		return nil, errors.New("not a Postman collection: expected a JSON object")
	}
	// The root's members are read in one pass: looking each up with field
	// would skip over "item", the whole document, once per name.
	var m members
	m.read(root)
	info := m.get("info")
	hasInfo := isObject(info)
	if !hasInfo && !m.has("item") {
		// v1 files ("requests", "order") were converted before this
		// (load.go). The file name alone says where: a "collection:"
		// place before the message only repeated it.
		return nil, errors.New(`not a Postman collection: it has neither "info" nor "item"`)
	}
	c := &Collection{}
	sink := &warnings{}
	collection := where{name: "collection", sink: sink}
	if hasInfo {
		c.Info = Info{
			ID:          str(field(info, "_postman_id")),
			Name:        str(field(info, "name")),
			Schema:      str(field(info, "schema")),
			Description: description(field(info, "description")),
		}
		c.Info.DescriptionValue = entryDescription(field(info, "description"))
	} else {
		// Without "info", postman-collection takes the collection's name,
		// id and description from the root, as Newman shows them.
		c.Info = Info{ID: str(m.get("id")), Name: str(m.get("name")), Description: description(m.get("description")),
			DescriptionValue: entryDescription(m.get("description"))}
	}
	var err error
	if c.Auth, err = decodeAuth(m.get("auth"), collection.in("auth")); err != nil {
		return nil, err
	}
	if c.Events, err = decodeEvents(m.get("event"), collection.in("event")); err != nil {
		return nil, err
	}
	if c.Variables, err = decodeVariablesAt(m.get("variable"), collection.in("variable")); err != nil {
		return nil, err
	}
	if c.ProtocolProfileBehavior, err = decodePPB(m.get("protocolProfileBehavior"), collection.in("protocolProfileBehavior")); err != nil {
		return nil, err
	}
	if c.Items, err = decodeItems(m.get("item"), nil, collection.in("item")); err != nil {
		return nil, err
	}
	c.Warnings, c.MoreWarnings = sink.places, sink.more
	return c, nil
}

// maxFolderDepth bounds how deep folders nest: the decoders and the
// runner walk folders recursively, and a file nesting a million of them
// overflowed the stack. Newman fails with "Maximum call stack size
// exceeded" past a few hundred levels.
const maxFolderDepth = 10000

func decodeItems(v node, parent *Item, w where) ([]*Item, error) {
	if isNull(v) {
		return nil, nil
	}
	// postman-collection's lists take a lone object, or any other truthy
	// value, for a list of one, and skip null entries; Newman runs such a
	// file.
	list := []node{v}
	switch {
	case isArray(v):
		list = elements(v)
	case !isObject(v) && !jsTruthy(v):
		return nil, w.wrongType(v, "a list of items", ignored)
	}
	depth, top := 0, parent
	for p := parent; p != nil; p = p.Parent {
		depth, top = depth+1, p
	}
	if depth > maxFolderDepth {
		// Named by its top folder: the whole path would be a line of
		// thousands of names.
		return nil, fail(fmt.Sprintf("item %q", top.Name), "folders nested more than %d deep", maxFolderDepth)
	}
	items := make([]*Item, 0, len(list))
	for i, raw := range list {
		if isNull(raw) {
			continue
		}
		it, err := decodeItem(raw, parent, w.at(i))
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

func decodeItem(ri node, parent *Item, w where) (*Item, error) {
	if !isObject(ri) {
		// postman-collection makes an item of anything, a string, a
		// number or a list (a folder's "item": "x" too), and Newman
		// sends it with an empty URL: one failed request, the rest run.
		if err := w.wrongType(ri, "an item object", noURL); err != nil {
			return nil, err
		}
		return &Item{Parent: parent, Request: &Request{Method: "GET"}}, nil
	}
	var m members
	m.read(ri)
	it := &Item{
		ID:          str(m.get("id")),
		Name:        str(m.get("name")),
		Description: description(m.get("description")),
		Parent:      parent,
	}
	if it.Name != "" {
		w = where{item: it, sink: w.sink}
	}
	var err error
	if it.Events, err = decodeEvents(m.get("event"), w.in("event")); err != nil {
		return nil, err
	}
	if it.Variables, err = decodeVariablesAt(m.get("variable"), w.in("variable")); err != nil {
		return nil, err
	}
	if it.ProtocolProfileBehavior, err = decodePPB(m.get("protocolProfileBehavior"), w.in("protocolProfileBehavior")); err != nil {
		return nil, err
	}
	// An item whose "item" is truthy is a folder, even when the list is
	// empty, as postman-collection tells them apart (item.item ? group :
	// item). Any other is a request: one without a request (none, null,
	// or "item": null) is sent by Newman with an empty URL and fails
	// ("request url is empty"), so it must fail here too, not vanish.
	if jsTruthy(m.get("item")) {
		it.Folder = true
		it.Items = []*Item{}
		if it.Auth, err = decodeAuth(m.get("auth"), w.in("auth")); err != nil {
			return nil, err
		}
		children, err := decodeItems(m.get("item"), it, w.in("item"))
		if err != nil {
			return nil, err
		}
		if children != nil {
			it.Items = children
		}
		return it, nil
	}
	if it.Request, err = decodeRequest(m.get("request"), w.in("request")); err != nil {
		return nil, err
	}
	return it, nil
}

func decodeRequest(x node, w where) (*Request, error) {
	switch {
	case !x.exists() || isNull(x):
		return &Request{Method: "GET"}, nil
	case isString(x):
		return &Request{Method: "GET", URL: ParseURL(str(x))}, nil
	case isObject(x):
		var m members
		m.read(x)
		r := &Request{Method: strings.ToUpper(str(m.get("method"))), Description: description(m.get("description"))}
		if r.Method == "" {
			r.Method = "GET"
		}
		var err error
		if r.URL, err = decodeURL(m.get("url"), w.in("url")); err != nil {
			return nil, err
		}
		if r.Headers, err = decodeHeaders(m.get("header"), w.in("header")); err != nil {
			return nil, err
		}
		if r.Body, err = decodeBody(m.get("body"), w.in("body")); err != nil {
			return nil, err
		}
		if r.Auth, err = decodeAuth(m.get("auth"), w.in("auth")); err != nil {
			return nil, err
		}
		return r, nil
	}
	if err := w.wrongType(x, "a URL or a request object", noURL); err != nil {
		return nil, err
	}
	return &Request{Method: "GET"}, nil
}

func decodeURL(ru node, w where) (URL, error) {
	switch {
	case isNull(ru):
		return URL{}, nil
	case isString(ru):
		return ParseURL(str(ru)), nil
	case !isObject(ru):
		return URL{}, w.wrongType(ru, "a string or an object", "Newman sends the request without a URL, which fails, and so does colrun")
	}
	var m members
	m.read(ru)
	raw := str(m.get("raw"))
	// Postman builds the URL from its parts and ignores "raw" when parts
	// exist. Hand-written collections often give only "raw": parse it then.
	if !m.has("host") && !m.has("path") && !m.has("protocol") {
		if r := m.get("raw"); !isNull(r) && !isString(r) {
			// Newman's URL is empty then, and the request fails.
			wr := w.in("raw")
			if err := wr.wrongType(r, "a string", "Newman sends the request without a URL, which fails, and so does colrun"); err != nil {
				return URL{}, err
			}
			raw = ""
		}
		u := ParseURL(raw)
		vars, err := decodePathVariables(m.get("variable"), w.in("variable"))
		if err != nil {
			return URL{}, err
		}
		if vars != nil {
			u.Variables = mergePathVariables(u.Variables, vars)
		}
		if m.has("query") {
			q, err := decodeQuery(m.get("query"), w.in("query"))
			if err != nil {
				return URL{}, err
			}
			u.Query = q
		}
		return u, nil
	}
	hash := m.get("hash")
	u := URL{Raw: raw, Protocol: str(m.get("protocol")), Port: str(m.get("port")), Hash: str(hash), HasHash: isString(hash)}
	switch h := m.get("host"); {
	case isNull(h):
	case isString(h):
		u.Host = splitHost(str(h))
	case isArray(h):
		for _, p := range elements(h) {
			u.Host = append(u.Host, jsString(p))
		}
	default:
		// postman-collection turns any other host into text, as
		// JavaScript's String does: 5 is the host "5".
		label := jsString(h)
		wh := w.in("host")
		if err := wh.wrongType(h, "a string or a list of strings", fmt.Sprintf("Newman sends it as the host %q, and so does colrun", label)); err != nil {
			return URL{}, err
		}
		u.Host = []string{label}
	}
	switch p := m.get("path"); {
	case isNull(p):
	case isString(p):
		ps := str(p)
		s := strings.TrimPrefix(ps, "/")
		if s != "" || ps == "/" {
			u.Path = strings.Split(s, "/")
		}
	case isArray(p) || isObject(p):
		if isObject(p) {
			// postman-collection iterates an object's values as the
			// segments, as lodash does.
			wp := w.in("path")
			if err := wp.wrongType(p, "a string or a list of segments", "Newman takes its values for the segments, and so does colrun"); err != nil {
				return URL{}, err
			}
		}
		u.Path = make([]string, 0, p.size())
		p.each(func(_, seg node) bool {
			if isObject(seg) {
				u.Path = append(u.Path, str(field(seg, "value")))
			} else {
				u.Path = append(u.Path, str(seg))
			}
			return true
		})
	default:
		wp := w.in("path")
		if err := wp.wrongType(p, "a string or a list of segments", "Newman sends the URL without a path, and so does colrun"); err != nil {
			return URL{}, err
		}
		if jsTruthy(p) {
			// Newman's URL text then ends in "/", as with "path": "/".
			u.Path = []string{""}
		}
	}
	var err error
	if u.Query, err = decodeQuery(m.get("query"), w.in("query")); err != nil {
		return URL{}, err
	}
	if u.Variables, err = decodePathVariables(m.get("variable"), w.in("variable")); err != nil {
		return URL{}, err
	}
	if a := m.get("auth"); isObject(a) {
		pw := field(a, "password")
		u.Auth = &URLAuth{User: str(field(a, "user")), Password: str(pw), HasPassword: isString(pw)}
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

func decodeQuery(v node, w where) ([]QueryParam, error) {
	if isString(v) {
		s := str(v)
		if s == "" {
			return nil, nil
		}
		var q []QueryParam
		for _, p := range strings.Split(s, "&") {
			q = append(q, parseQueryParam(p))
		}
		return q, nil
	}
	if w.sink != nil && oddList(v, w, "Newman sends it as an empty field, and so does colrun", `Newman reads it as "key=value", and so does colrun`) {
		// postman-collection's PropertyList makes a field of each, as
		// of a form's.
		v = formEntries(v, false)
	}
	kvs, ok, err := keyValues(v, w)
	if err != nil || !ok {
		return nil, err
	}
	q := make([]QueryParam, 0, kvs.n)
	for kv := range kvs.all {
		// Newman's URL (QueryParam.unparseSingle) takes a key and a value
		// only when they are strings: {"page": 1} goes out as "page".
		p := QueryParam{Disabled: disabled(kv), Description: entryDescription(kv.description)}
		if isString(kv.key) {
			p.Key = str(kv.key)
		}
		if val := kv.value; isString(val) {
			s := str(val)
			p.Value = &s
		}
		q = append(q, p)
	}
	return q, nil
}

// oddList reports whether v, a header or query list, holds something
// else than {key, value} objects (and nulls, which lists skip), or is a
// number or true, which Newman reads as a list of one such thing: each is
// noted at its place, with asText the outcome for a string and asEmpty
// for the rest.
func oddList(v node, w where, asEmpty, asText string) bool {
	switch v.kind() {
	case kindNumber, kindTrue:
		if !jsTruthy(v) {
			return false
		}
		_ = w.wrongType(v, "a list of {key, value} objects", asEmpty)
		return true
	case kindArray:
	default:
		return false
	}
	odd := false
	i := 0
	v.each(func(_, e node) bool {
		if !isObject(e) && !isNull(e) {
			odd = true
			outcome := asEmpty
			if isString(e) {
				outcome = asText
			}
			we := w.at(i)
			_ = we.wrongType(e, "a {key, value} object", outcome)
		}
		i++
		return true
	})
	return odd
}

// keyValue is one {key, value, ...} entry: an object of the document, or
// one member of an object map ({k: v}) that some exporters write instead of
// a list. The members the decoders use are read in one pass over the
// object: headers, query parameters and variables are thousands of small
// objects, and a lookup per name would scan each several times.
type keyValue struct {
	key, value, disabled, typ  node
	id, name, contentType, src node
	description, fileName      node
	system                     node
}

// readKeyValue reads an entry object's members; as with field, the last
// of duplicate names wins.
func readKeyValue(e node) keyValue {
	var kv keyValue
	e.each(func(k, v node) bool {
		var dst *node
		switch k.text() {
		case "key":
			dst = &kv.key
		case "value":
			dst = &kv.value
		case "disabled":
			dst = &kv.disabled
		case "type":
			dst = &kv.typ
		case "id":
			dst = &kv.id
		case "name":
			dst = &kv.name
		case "contentType":
			dst = &kv.contentType
		case "src":
			dst = &kv.src
		case "description":
			dst = &kv.description
		case "fileName":
			dst = &kv.fileName
		case "system":
			dst = &kv.system
		default:
			return true
		}
		*dst = v
		return true
	})
	return kv
}

// keyValueList is a list of {key, value} objects, or an object map {k: v},
// whose entries are read one at a time: a slice of decoded entries would
// be allocated and dropped for every header, query and variable list.
type keyValueList struct {
	elems []node
	obj   node
	n     int
}

// keyValues accepts a list of objects, or an object map {k: v}; ok is
// false when there is no list (null, or an empty map).
func keyValues(v node, w where) (l keyValueList, ok bool, err error) {
	switch {
	case isNull(v):
		return l, false, nil
	case isArray(v):
		l.elems = elements(v)
		for i, e := range l.elems {
			if !isObject(e) && !isNull(e) {
				// Only variable lists get here with such entries, of
				// which postman-collection makes nameless variables.
				if w.sink == nil {
					return l, false, w.fail("expected a list of {key, value} objects")
				}
				we := w.at(i)
				_ = we.wrongType(e, "a {key, value} object", ignored)
			}
		}
		l.n = len(l.elems)
		return l, true, nil
	case isObject(v):
		l.obj = v
		l.n = v.size()
		return l, l.n > 0, nil
	}
	if w.sink == nil {
		return l, false, w.fail("expected a list of {key, value} objects")
	}
	return l, false, w.wrongType(v, "a list of {key, value} objects", ignored)
}

// all yields the entries in document order, skipping list elements that
// are not objects (nulls, and what keyValues let pass with a warning).
func (l keyValueList) all(yield func(keyValue) bool) {
	if l.elems == nil {
		l.obj.each(func(k, val node) bool {
			return yield(keyValue{key: k, value: val})
		})
		return
	}
	for _, e := range l.elems {
		if !isObject(e) {
			continue
		}
		if !yield(readKeyValue(e)) {
			return
		}
	}
}

// disabled reads an entry's "disabled" flag as postman-collection does,
// by JavaScript's truthiness: "disabled": 1 or "false" keeps a header,
// query parameter or form field from being sent. Postman's environment
// exports also write "enabled": false for unchecked values, but Newman
// (postman-collection reads only "disabled") resolves and sends those
// entries all the same, so colrun does too: a collection passing under
// Newman must not lose a variable here.
func disabled(kv keyValue) bool {
	return jsTruthy(kv.disabled)
}

// jsTruthy is JavaScript's truthiness of a JSON value.
func jsTruthy(v node) bool {
	switch v.kind() {
	case kindNull, kindFalse:
		return false
	case kindString:
		return v.raw() != `""`
	case kindNumber:
		f := v.num()
		return f != 0 && !math.IsNaN(f)
	}
	return true
}

func truthy(v node) bool {
	switch v.kind() {
	case kindTrue:
		return true
	case kindString:
		return v.text() == "true"
	}
	return false
}

func decodeHeaders(v node, w where) ([]Header, error) {
	if isString(v) {
		return ParseHeaderString(str(v)), nil
	}
	if w.sink != nil && oddList(v, w, "Newman lists it to scripts as a header without a name and sends nothing for it, and so does colrun", `Newman reads it as "Name: value", and so does colrun`) {
		v = headerEntries(v)
	}
	kvs, ok, err := keyValues(v, w)
	if err != nil || !ok {
		return nil, err
	}
	hs := make([]Header, 0, kvs.n)
	for kv := range kvs.all {
		key := str(kv.key)
		// Newman lists a header without a name to scripts and never
		// sends it. One named by spaces alone fails Newman's request
		// (not an HTTP token); colrun leaves it out.
		if key != "" && strings.TrimSpace(key) == "" && !disabled(kv) {
			continue
		}
		h := Header{Key: key, Value: headerValue(kv.value), Disabled: disabled(kv), Description: entryDescription(kv.description)}
		switch d := kv.disabled; {
		case h.Disabled || !d.exists():
		case isNull(d):
			h.DisabledAs = DisabledNull
		default:
			h.DisabledAs = DisabledFalse
		}
		hs = append(hs, h)
	}
	return hs, nil
}

// headerEntries is a header list holding other things than objects (or a
// number, or true) as the list of {key, value} postman-collection's Header
// makes of it: a string is "Name: value", split at its first colon and
// trimmed; anything else is a header with an empty name and value.
func headerEntries(v node) node {
	const unnamed = `{"key": "", "value": ""}`
	if !isArray(v) {
		return mustParse("[" + unnamed + "]")
	}
	return mapEntries(v, func(e node) string {
		switch {
		case isObject(e):
			return e.raw()
		case isString(e):
			k, val, _ := strings.Cut(str(e), ":")
			// Strings always marshal.
			text, _ := json.Marshal(map[string]string{"key": strings.TrimSpace(k), "value": strings.TrimSpace(val)})
			return string(text)
		}
		return unnamed
	})
}

// mapEntries is the list v with each element but nulls replaced by the
// JSON text entry gives for it.
func mapEntries(v node, entry func(e node) string) node {
	var b strings.Builder
	b.WriteByte('[')
	v.each(func(_, e node) bool {
		if isNull(e) {
			return true
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(entry(e))
		return true
	})
	b.WriteByte(']')
	return mustParse(b.String())
}

// headerValue is a header's value as Node sends it: String(value), so
// null is "null" and an object "[object Object]" (an absent value is "").
func headerValue(v node) string {
	switch {
	case v.exists() && isNull(v):
		return "null"
	case isObject(v):
		return "[object Object]"
	}
	return str(v)
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

func decodeBody(rb node, w where) (*Body, error) {
	switch {
	case !rb.exists():
		return nil, nil
	case isNull(rb):
		// An explicit null (scripts that generate collections write one)
		// is an empty body to Newman, as {} is: pm.request.body is an
		// empty RequestBody, not undefined.
		return &Body{}, nil
	case isString(rb):
		// A bare string body is raw text.
		return &Body{Mode: "raw", Raw: str(rb)}, nil
	case !isObject(rb):
		// postman-collection's RequestBody keeps nothing of it, as of a
		// body without a mode.
		return &Body{}, w.wrongType(rb, "a body object", "Newman sends no body, and so does colrun")
	}
	var m members
	m.read(rb)
	mode := m.get("mode")
	if !jsTruthy(mode) {
		// postman-collection's RequestBody keeps nothing of a body
		// without a mode: Newman sends none, and scripts see {}.
		return &Body{}, nil
	}
	b := &Body{Mode: bodyMode(mode), Raw: rawText(m.get("raw")), Disabled: truthy(m.get("disabled"))}
	if raw := m.get("raw"); raw.exists() && !isString(raw) && !isNull(raw) {
		b.RawJSON = literalText(raw)
		if raw.kind() == kindNumber {
			// As JavaScript writes it back: 1.50 is 1.5.
			b.RawJSON = descriptionContent(raw).Content
		}
	}
	if opts := m.get("options"); opts.exists() {
		raw := field(opts, "raw")
		if isObject(raw) {
			b.Language = str(field(raw, "language"))
		}
		// Postman's usual {"raw":{"language":"json"}} is Language alone,
		// which the report writes back as that: nothing more is kept for
		// every request of a large collection.
		if !(isObject(opts) && opts.size() == 1 && raw.size() == 1 && isString(field(raw, "language"))) {
			b.Options = literalText(opts)
		}
	}
	var err error
	if b.URLEncoded, err = decodeForm(formEntries(m.get("urlencoded"), false), false, w.in("urlencoded")); err != nil {
		return nil, err
	}
	if b.FormData, err = decodeForm(formEntries(m.get("formdata"), true), true, w.in("formdata")); err != nil {
		return nil, err
	}
	switch f := m.get("file"); {
	case isObject(f):
		src := field(f, "src")
		b.File = &BodyFile{Content: str(field(f, "content")), HasSrc: src.exists()}
		if isString(src) {
			b.File.Src = str(src)
		} else if src.exists() {
			// postman-runtime loads only a string src.
			b.File.SrcJSON = literalText(src)
		}
	case isString(f):
		// postman-collection takes a string for the file's src.
		b.File = &BodyFile{Src: str(f), HasSrc: true}
	case f.exists() && isNull(f):
		b.FileNull = true
	}
	if g := m.get("graphql"); isObject(g) {
		b.GraphQL = decodeGraphQL(g)
	} else if b.Mode == "graphql" {
		// postman-collection keeps nothing of a graphql that is not an
		// object, and Newman sends such a body as {}.
		b.GraphQL = &GraphQL{Missing: GraphQLQuery | GraphQLVariables}
	}
	return b, nil
}

// formEntries is a urlencoded or formdata member as the list of entries
// postman-collection's PropertyList makes of it, since Newman runs every
// shape: a list's objects as they are, an object as one entry, a
// urlencoded string parsed into fields (also as a list's element), and
// anything else but null, false and 0 (a number, true, a list's other
// elements but null) an entry without key or value, which Newman sends as "undefined=" in a
// urlencoded body and as a part named "" in a form-data one. A form-data
// string is no entries.
func formEntries(v node, multipart bool) node {
	switch v.kind() {
	case kindString:
		if multipart {
			return node{}
		}
		return parseQueryParams(str(v))
	case kindArray:
	case kindObject:
		// PropertyList takes an object for one entry: {"key": "x",
		// "value": "y"} is sent as x=y.
		return mustParse("[" + v.raw() + "]")
	default:
		if !jsTruthy(v) {
			return node{}
		}
		return mustParse("[{}]")
	}
	odd := false
	v.each(func(_, e node) bool {
		odd = !isObject(e) && !isNull(e)
		return !odd
	})
	if !odd {
		return v
	}
	return mapEntries(v, func(e node) string {
		switch {
		case isObject(e):
			return e.raw()
		case isString(e) && !multipart:
			return queryParamJSON(str(e))
		}
		return "{}"
	})
}

// queryParamJSON is postman-collection's QueryParam.parseSingle of one
// field, as JSON: split at the first =, a field without one having a
// null value.
func queryParamJSON(f string) string {
	k, v, hasValue := strings.Cut(f, "=")
	p := struct {
		Key   string  `json:"key"`
		Value *string `json:"value"`
	}{Key: k}
	if hasValue {
		p.Value = &v
	}
	// Strings and nulls always marshal.
	text, _ := json.Marshal(p)
	return string(text)
}

// parseQueryParams is a urlencoded body given as a string ("a=b&c") as
// the list of {key, value} postman-collection's QueryParam.parse makes of
// it: fields split at each & and then at the first =, nothing decoded; a
// field without = has a null value, and an empty field but the last has a
// null key. An empty string is no fields.
func parseQueryParams(s string) node {
	type param struct {
		Key   *string `json:"key"`
		Value *string `json:"value"`
	}
	if s == "" {
		return node{}
	}
	fields := strings.Split(s, "&")
	params := make([]param, len(fields))
	for i, f := range fields {
		if f == "" && i < len(fields)-1 {
			continue
		}
		k, v, hasValue := strings.Cut(f, "=")
		params[i].Key = &k
		if hasValue {
			params[i].Value = &v
		}
	}
	// Strings and nulls always marshal.
	text, _ := json.Marshal(params)
	return mustParse(string(text))
}

// decodeGraphQL reads a graphql body's fields, keeping whether each is
// there and whether it is a string, on which what Newman sends depends.
func decodeGraphQL(g node) *GraphQL {
	out := &GraphQL{}
	for _, f := range []struct {
		name string
		bit  GraphQLField
		dst  *string
	}{{"query", GraphQLQuery, &out.Query}, {"operationName", GraphQLOperationName, &out.OperationName}, {"variables", GraphQLVariables, &out.Variables}} {
		v := field(g, f.name)
		switch {
		case !v.exists():
			out.Missing |= f.bit
		case v.kind() == kindString:
			*f.dst = str(v)
		default:
			*f.dst, out.Literal = literalText(v), out.Literal|f.bit
		}
	}
	out.HasOperationName = out.Missing&GraphQLOperationName == 0
	out.Missing &^= GraphQLOperationName
	return out
}

// rawText is a raw body's text as Newman sends it: a string as is, and
// other values as JSON unless lodash's isEmpty holds them empty, as it does
// every number and boolean and an empty object or list, which go out as
// no body.
func rawText(v node) string {
	switch v.kind() {
	case kindNumber, kindTrue, kindFalse:
		return ""
	}
	if (isObject(v) || isArray(v)) && !hasMembers(v) {
		return ""
	}
	return str(v)
}

// hasMembers reports whether an object or list has anything in it.
func hasMembers(v node) bool { return v.size() > 0 }

// bodyMode is the mode postman-collection gives a body whose mode is set:
// its name in any case, and raw for a name it does not know ("binary",
// a number). Only ASCII letters are folded: JavaScript's toLowerCase
// turns no other letter into one of these names (Go's ToLower maps U+0130
// to "i").
func bodyMode(mode node) string {
	switch name := asciiLower(str(mode)); name {
	case "file", "formdata", "graphql", "raw", "urlencoded":
		return name
	}
	return "raw"
}

// asciiLower is name lower-cased when it is ASCII, and "" otherwise: it
// is for matching against ASCII names, which JavaScript's toLowerCase
// maps no other letter into.
func asciiLower(name string) string {
	for i := range len(name) {
		if name[i] >= utf8.RuneSelf {
			return ""
		}
	}
	return strings.ToLower(name)
}

// decodeForm reads urlencoded or (multipart) formdata parameters, whose
// keys and values Newman sends differently when they are not strings: a
// urlencoded null key is "null" (a form object's key), a multipart value
// that is false, 0 or null is empty (postman-collection's FormParam keeps
// value || "").
func decodeForm(v node, multipart bool, w where) ([]FormParam, error) {
	kvs, ok, err := keyValues(v, w)
	if err != nil || !ok {
		return nil, err
	}
	out := make([]FormParam, 0, kvs.n)
	for kv := range kvs.all {
		p := FormParam{
			Key:         str(kv.key),
			Value:       str(kv.value),
			Type:        str(kv.typ),
			ContentType: contentType(kv.contentType),
			Description: entryDescription(kv.description),
			Disabled:    disabled(kv),
		}
		// postman-collection's FormParam makes a missing key or value
		// "", a QueryParam keeps it missing.
		if !multipart && !kv.key.exists() {
			p.Has |= FormNoKey
		}
		if !multipart && !kv.value.exists() {
			p.Has |= FormNoValue
		}
		if kv.disabled.exists() {
			p.Has |= FormDisabled
		}
		switch fn := kv.fileName; {
		case !fn.exists():
		case isNull(fn):
			p.Has |= FormFileNameNull
		default:
			p.Has |= FormFileName
			p.FileName = str(fn)
		}
		switch {
		case !multipart && kv.key.exists() && isNull(kv.key):
			// Scripts see null, as in Newman.
			p.Key, p.KeyJSON = "null", "null"
		case multipart && !jsTruthy(kv.value):
			p.Value = ""
		}
		// postman-collection keeps a form-data value only when truthy.
		if kv.key.exists() && kv.key.kind() != kindString && !isNull(kv.key) {
			p.KeyJSON = literalText(kv.key)
		}
		if kv.value.exists() && kv.value.kind() != kindString && (multipart && jsTruthy(kv.value) || !multipart) {
			p.ValueJSON = literalText(kv.value)
		}
		switch src := kv.src; {
		case !src.exists():
		case isNull(src):
			p.SrcShape = SrcNull
		case isArray(src):
			p.SrcShape = SrcList
			for _, s := range elements(src) {
				p.Src = append(p.Src, str(s))
			}
		default:
			p.SrcShape = SrcString
			if s := str(src); s != "" {
				p.Src = []string{s}
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// contentType is a form-data part's Content-Type: postman-runtime passes
// only a string on, so a part whose contentType is anything else (5, true,
// an object) goes out as if it gave none.
func contentType(v node) string {
	if !isString(v) {
		return ""
	}
	return str(v)
}

// decodeAuth accepts v2.1 ({"type":"x","x":[{key,value}]}) and v2.0
// ({"type":"x","x":{k:v}}) auth blocks.
func decodeAuth(obj node, w where) (*Auth, error) {
	if isNull(obj) {
		return nil, nil
	}
	if !isObject(obj) {
		return nil, w.wrongType(obj, "an auth object", inheritedAuth)
	}
	var m members
	m.read(obj)
	typ := m.get("type")
	if !isString(typ) {
		// Newman takes an auth block without a string "type" ({}, as
		// some exporters write one, or "type": null) for none given:
		// the request inherits its parent's auth.
		return nil, nil
	}
	a := &Auth{Type: str(typ)}
	// Parameters given as a string or a number are none: Newman sends
	// such a request without the type's header or query.
	a.Params = authParams(m.get(a.Type))
	// postman-collection's RequestAuth keeps every other member that is
	// a list or an object as another type's parameters.
	each := func(name string, v node) {
		if name != "type" && name != a.Type && (isArray(v) || isObject(v)) {
			a.Other = append(a.Other, AuthParams{Type: name, Params: authParams(v)})
		}
	}
	for i := 0; i < m.n; i++ {
		each(m.inline[i].key, m.inline[i].val)
	}
	for _, e := range m.extra {
		each(e.key, e.val)
	}
	return a, nil
}

// authParams reads an auth type's parameters: a list of {key, value,
// type} (v2.1), or an object of values (v2.0).
func authParams(params node) []AuthParam {
	var out []AuthParam
	switch {
	case isArray(params):
		params.each(func(_, e node) bool {
			if isObject(e) {
				kv := readKeyValue(e)
				var val any = Undefined{}
				if kv.value.exists() {
					val = value(kv.value)
				}
				out = append(out, AuthParam{Key: str(kv.key), Value: val, Type: authParamType(kv.typ), Meta: authParamMeta(kv)})
			}
			return true
		})
	case isObject(params):
		params.each(func(k, v node) bool {
			out = append(out, AuthParam{Key: str(k), Value: value(v)})
			return true
		})
	}
	return out
}

// authParamMeta is a parameter's members besides key, value and type;
// nil when it has none.
func authParamMeta(kv keyValue) *AuthParamMeta {
	if !kv.id.exists() && !kv.disabled.exists() && !kv.system.exists() && !kv.description.exists() {
		return nil
	}
	return &AuthParamMeta{
		ID:          str(kv.id),
		Disabled:    jsTruthy(kv.disabled),
		HasDisabled: kv.disabled.exists(),
		System:      jsTruthy(kv.system),
		HasSystem:   kv.system.exists(),
		Description: entryDescription(kv.description),
	}
}

// authParamType is the type postman-collection's Variable keeps for an
// auth parameter: a name it knows in any ASCII case, else none.
func authParamType(typ node) string {
	switch name := asciiLower(str(typ)); name {
	case "string", "boolean", "number", "array", "object", "any":
		return name
	}
	return ""
}

func decodeEvents(v node, w where) ([]Event, error) {
	if isNull(v) {
		return nil, nil
	}
	list := []node{v}
	switch {
	case isArray(v):
		list = elements(v)
	case isObject(v):
		// A lone event object is a list of one for postman-collection,
		// and Newman runs it.
	default:
		return nil, w.wrongType(v, "a list of events", ignored)
	}
	var out []Event
	for i, re := range list {
		if isNull(re) {
			// Skipped, as postman-collection's lists skip it.
			continue
		}
		if !isObject(re) {
			wi := w.at(i)
			if err := wi.wrongType(re, "an event object", ignored); err != nil {
				return nil, err
			}
			continue
		}
		var m members
		m.read(re)
		sc := m.get("script")
		e := Event{Listen: str(m.get("listen")), Disabled: truthy(m.get("disabled")), HasScript: !isNull(sc)}
		switch {
		case isNull(sc):
		case isString(sc) || isArray(sc):
			// postman-collection's Script takes text or lines for exec.
			e.Script.Exec, _ = scriptLines(sc)
		case isObject(sc):
			var sm members
			sm.read(sc)
			e.Script = Script{ID: str(sm.get("id")), Type: str(sm.get("type")), Name: str(sm.get("name"))}
			exec, err := scriptLines(sm.get("exec"))
			if err != nil {
				// Newman counts the script as run, with no code.
				wi := w.at(i)
				ws := wi.in("script")
				we := ws.in("exec")
				if err := we.wrongType(sm.get("exec"), "text or a list of lines", "Newman runs no code for it, and neither does colrun"); err != nil {
					return nil, err
				}
			}
			e.Script.Exec = exec
		default:
			// Newman runs no script for it, and does not count one.
			wi := w.at(i)
			ws := wi.in("script")
			if err := ws.wrongType(sc, "a script object", "Newman runs no script for it, and neither does colrun"); err != nil {
				return nil, err
			}
			e.HasScript = false
		}
		out = append(out, e)
	}
	return out, nil
}

func scriptLines(v node) (string, error) {
	switch {
	case isNull(v):
		return "", nil
	case isString(v):
		return str(v), nil
	case isArray(v):
		var b strings.Builder
		b.Grow(len(v.raw()))
		first := true
		v.each(func(_, l node) bool {
			if !first {
				b.WriteByte('\n')
			}
			first = false
			b.WriteString(str(l))
			return true
		})
		return b.String(), nil
	}
	return "", fmt.Errorf("expected a string or a list of lines")
}

func decodeVariables(v node, where string) ([]Variable, error) {
	return decodeVariablesAt(v, whereText(where))
}

// decodeVariablesAt reads a collection, folder, environment or globals
// variable list.
func decodeVariablesAt(v node, w where) ([]Variable, error) {
	return decodeVariableList(v, w, false)
}

// decodePathVariables reads a URL's "variable" list, where postman-collection
// takes an entry's "id" when it has no "key" (path variables of older
// exports are named by id).
func decodePathVariables(v node, w where) ([]Variable, error) {
	return decodeVariableList(v, w, true)
}

func decodeVariableList(v node, w where, path bool) ([]Variable, error) {
	kvs, ok, err := keyValues(v, w)
	if isObject(v) {
		// postman-collection takes an object for a list of one variable,
		// not for a {"name": "value"} map: {"key": "a", "value": 1}
		// defines a, {"a": 1} a variable without a key.
		kvs, ok, err = keyValueList{elems: []node{v}, n: 1}, true, nil
	}
	if err != nil || !ok {
		return nil, err
	}
	out := make([]Variable, 0, kvs.n)
	for kv := range kvs.all {
		key := str(kv.key)
		if key == "" {
			key = str(kv.id)
		}
		// postman-collection names other variables by "key" alone: one
		// with only an "id" or a "name" (as the v2.0 schema describes one)
		// is out of Newman's reach; colrun keeps its id or name as the key
		// so that exports pair it with the file's entry.
		unnamed := !path && isNull(kv.key)
		if key == "" && !path {
			key = str(kv.name)
		}
		var id, name string
		if unnamed {
			id, name = str(kv.id), str(kv.name)
		}
		var val any = Undefined{}
		if v := kv.value; v.exists() {
			val = value(v)
		}
		// Newman's substitution skips a variable whose "disabled" is any
		// truthy JavaScript value (1, "yes"), not only true.
		dis := kv.disabled
		out = append(out, Variable{Key: key, Value: val, Type: str(kv.typ), Disabled: jsTruthy(dis), DisabledAs: rawJSON(dis), Unnamed: unnamed, ID: id, Name: name})
	}
	return out, nil
}

func decodePPB(obj node, w where) (ProtocolProfileBehavior, error) {
	var p ProtocolProfileBehavior
	// postman-runtime reads its members only from an object; Newman
	// runs a file whose protocolProfileBehavior is a string or a list.
	if !isObject(obj) {
		return p, nil
	}
	// A member that is there, null included, overrides what a folder or
	// the collection says, and reads as JavaScript reads it (postman-runtime
	// merges the objects and tests the merged value): "false", 1 and "x"
	// are on, 0, "" and null off.
	flag := func(name string) *bool {
		val := field(obj, name)
		if !val.exists() {
			return nil
		}
		b := jsTruthy(val)
		return &b
	}
	p.FollowRedirects = flag("followRedirects")
	// Certificates go unchecked only for strictSSL: false itself, as
	// under Newman; anything else there ("false", 0, null) checks them.
	if val := field(obj, "strictSSL"); val.exists() {
		strict := val.kind() != kindFalse
		p.StrictSSL = &strict
	}
	p.DisableCookies = flag("disableCookies")
	p.DisableBodyPruning = flag("disableBodyPruning")
	p.FollowOriginalHTTPMethod = flag("followOriginalHttpMethod")
	p.FollowAuthorizationHeader = flag("followAuthorizationHeader")
	p.RemoveRefererHeader = flag("removeRefererHeaderOnRedirect")
	p.DisableURLEncoding = flag("disableUrlEncoding")
	if val := field(obj, "disabledSystemHeaders"); val.exists() {
		// postman-runtime looks each header up by its lower-case name
		// and tests the value as JavaScript does; any other shape (a
		// list, a string, null) disables none, but still replaces the
		// folder's.
		p.DisabledSystemHeaders = map[string]bool{}
		for _, name := range disableableHeaders {
			if v := field(val, name); v.exists() && jsTruthy(v) {
				p.DisabledSystemHeaders[name] = true
			}
		}
	}
	p.TLSDisabledProtocols = stringList(field(obj, "tlsDisabledProtocols"))
	p.TLSCipherSelection = stringList(field(obj, "tlsCipherSelection"))
	if val := field(obj, "maxRedirects"); !isNull(val) {
		n, err := strconv.Atoi(str(val))
		if f := val.num(); err != nil && val.kind() == kindNumber && f == math.Trunc(f) && math.Abs(f) < math.MaxInt32 {
			n, err = int(f), nil // 3.0, 1e2
		}
		if err != nil {
			n = redirectLimit(jsToNumber(val))
			allows := fmt.Sprintf("%d redirects", n)
			switch n {
			case 1:
				allows = "1 redirect"
			case math.MaxInt:
				allows = "any number of redirects"
			}
			wm := w.in("maxRedirects")
			if err := wm.wrongType(val, "a whole number", "Newman compares the redirects followed with it as JavaScript does, which allows "+allows+", and so does colrun"); err != nil {
				return p, err
			}
		}
		p.MaxRedirects = &n
	}
	return p, nil
}

// redirectLimit is how many redirects postman-request follows for a
// maxRedirects of f: it stops when the count followed is >= f, so 1.5
// allows 2, and a NaN (a word, an object) never stops it.
func redirectLimit(f float64) int {
	switch {
	case math.IsNaN(f) || f >= math.MaxInt32:
		return math.MaxInt
	case f <= 0:
		return 0
	}
	return int(math.Ceil(f))
}

// jsToNumber is JavaScript's Number(v) for a JSON value: a list is the
// number of its text (its one element's, or 0 when empty), an object NaN.
func jsToNumber(v node) float64 {
	switch v.kind() {
	case kindNumber:
		return v.num()
	case kindTrue:
		return 1
	case kindFalse, kindNull:
		return 0
	case kindString:
		return ToNumber(v.text())
	case kindArray:
		switch elems := elements(v); {
		case len(elems) == 0:
			return 0
		case len(elems) == 1 && !isObject(elems[0]) && !isArray(elems[0]):
			return ToNumber(str(elems[0]))
		}
	}
	return math.NaN()
}

// jsString is JavaScript's String(v) for a scalar JSON value or an
// object; a list is its compact JSON, as str gives it.
func jsString(v node) string {
	switch v.kind() {
	case kindNumber:
		return FormatNumber(v.num())
	case kindObject:
		return "[object Object]"
	}
	return str(v)
}

// disableableHeaders are the names disabledSystemHeaders can leave out:
// postman-runtime's system headers that colrun sends (it never sends
// Postman-Token or Connection, so those two are moot).
var disableableHeaders = []string{"user-agent", "accept", "cache-control", "host", "accept-encoding", "content-type", "content-length"}

// stringList reads a protocolProfileBehavior list: nil when the member is
// not there, empty (set, so it still replaces the folder's) when it is not
// a list, as postman-runtime skips anything but an array; its elements as
// JavaScript's join renders them.
func stringList(v node) []string {
	if !v.exists() {
		return nil
	}
	out := []string{}
	if !isArray(v) {
		return out
	}
	for _, e := range elements(v) {
		out = append(out, str(e))
	}
	return out
}

// str renders a JSON scalar as a string: strings as is, numbers and bools
// in their JSON text, null as "". Objects and arrays render as compact JSON.
//
// The result never shares memory with the document. The document is read
// in place, so the text of a string without escapes, or of a number, is a
// slice of the file's text: kept in the model, any one of them would keep
// the whole text alive for the run, saved example responses and all.
// Every string the decoders keep comes from str or value, which copy such
// slices (and only those: an unescaped string is already a copy).
func str(v node) string {
	switch v.kind() {
	case kindNull:
		return ""
	case kindString:
		return v.ownText()
	case kindTrue:
		return "true"
	case kindFalse:
		return "false"
	case kindNumber:
		return strings.Clone(v.raw())
	}
	var b bytes.Buffer
	if json.Compact(&b, []byte(v.raw())) == nil {
		return b.String()
	}
	return strings.Clone(v.raw())
}

// literalText is a value's JSON text, compacted: null as "null".
func literalText(v node) string {
	if isNull(v) {
		return "null"
	}
	return str(v)
}

// rawJSON copies a member's JSON text, so that it outlives the file's
// bytes; nil when the member is absent.
func rawJSON(v node) json.RawMessage {
	if !v.exists() {
		return nil
	}
	return json.RawMessage(v.raw())
}

// value keeps a JSON value's type, as variables and auth parameters need:
// strings, json.Number, bools, nil, and decoded objects and arrays.
func value(v node) any {
	switch v.kind() {
	case kindNull:
		return nil
	case kindString:
		return str(v)
	case kindNumber:
		return json.Number(str(v))
	case kindTrue:
		return true
	case kindFalse:
		return false
	}
	dec := json.NewDecoder(strings.NewReader(v.raw()))
	dec.UseNumber()
	var out any
	if dec.Decode(&out) != nil {
		return nil
	}
	return out
}

// description accepts a string or {"content": "...", "type": "..."}.
func description(v node) string {
	switch {
	case isString(v):
		return str(v)
	case isObject(v):
		return str(field(v, "content"))
	}
	return ""
}

// entryDescription reads a key/value entry's description the way
// postman-collection's Description does, so that reports and scripts keep
// its type; nil when the entry has no description member.
func entryDescription(v node) *Description {
	switch {
	case !v.exists():
		return nil
	case isString(v):
		return &Description{Content: str(v)}
	case isObject(v):
		c := field(v, "content")
		if !c.exists() {
			return &Description{Type: str(field(v, "type")), NoContent: true}
		}
		d := descriptionContent(c)
		d.Type = str(field(v, "type"))
		return d
	case isArray(v) || !jsTruthy(v):
		// postman-collection reads no content from these, and gives a
		// falsy one no type either.
		return &Description{NoContent: true, Falsy: !isArray(v)}
	}
	return descriptionContent(v)
}

// descriptionContent keeps a description's content as postman-collection
// does: a string as text, any other value as its JSON.
func descriptionContent(c node) *Description {
	switch c.kind() {
	case kindString:
		return &Description{Content: str(c)}
	case kindNull:
		return &Description{Content: "null", Literal: true}
	case kindNumber:
		f := c.num()
		if math.IsInf(f, 0) {
			return &Description{Content: "null", Literal: true} // as JSON.stringify writes it
		}
		return &Description{Content: FormatNumber(f), Literal: true}
	}
	return &Description{Content: str(c), Literal: true}
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
