// Package collections holds colrun's model of a Postman collection and the
// loaders for everything a run reads from disk: collections (schema v2.0.0
// and v2.1.0), environments, globals and iteration data.
//
// The loaders are deliberately lenient: Postman itself, and every tool that
// exports collections, writes many shapes for the same thing (a URL as a
// string or an object, script lines as a string or an array, auth
// parameters as an object or a list). Everything is normalised here once, so
// the runner, the script sandbox and the reporters see a single shape.
package collections

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Collection is a loaded, normalised Postman collection.
type Collection struct {
	Info Info
	// Items are the top-level folders and requests, in file order.
	Items []*Item
	// Auth is the collection-level auth; nil means none is configured.
	Auth      *Auth
	Events    []Event
	Variables []Variable
	// ProtocolProfileBehavior applies to every request unless a folder or
	// request overrides a field.
	ProtocolProfileBehavior ProtocolProfileBehavior
	// Source is the path the collection was loaded from, for messages.
	Source string
	// ConvertedFromV1 is set when the file was a Postman Collection v1
	// document, converted to v2.1 on loading; the CLI says so, as Newman
	// does, since Postman exports v2.1 and the conversion may lose data.
	ConvertedFromV1 bool
	// Warnings name the places where the collection has a part of the
	// wrong type that Newman 6.2.2 runs past (a header that is a number,
	// an event that is a string), each as one line with the file, the
	// place and what Newman and colrun make of it; at most the first few,
	// MoreWarnings counting the rest. The run goes on, as under Newman,
	// but the part likely does not do what its author meant.
	Warnings     []string
	MoreWarnings int
}

// Info is the collection's "info" block.
type Info struct {
	ID          string
	Name        string
	Schema      string
	Description string
	// DescriptionValue is the description as the collection gives it, nil
	// for none: Newman's report shows it as {content, type}, content that
	// is not text (a number) as its JSON. Description is its text.
	DescriptionValue *Description
}

// Item is a folder (IsFolder reports true, Items may be empty) or a request.
type Item struct {
	ID          string
	Name        string
	Description string
	// Items holds a folder's children; it is nil for a request.
	Items []*Item
	// Folder is true for item groups, even empty ones.
	Folder bool
	// Request is set for requests and nil for folders.
	Request *Request
	Events  []Event
	// Auth is the folder-level auth; a request's own auth is Request.Auth.
	Auth                    *Auth
	Variables               []Variable
	ProtocolProfileBehavior ProtocolProfileBehavior
	// Parent is the enclosing folder, nil at the top level.
	Parent *Item
}

// IsFolder reports whether the item is an item group.
func (it *Item) IsFolder() bool { return it.Folder }

// Path returns the names from the top-level folder down to this item,
// joined with " / ", for messages that must say which request is meant.
func (it *Item) Path() string {
	var names []string
	for p := it; p != nil; p = p.Parent {
		names = append(names, p.Name)
	}
	for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
		names[i], names[j] = names[j], names[i]
	}
	return strings.Join(names, " / ")
}

// Request is what a request item sends, before variables are resolved.
// The script sandbox exposes and mutates a clone of it as pm.request.
type Request struct {
	Method  string
	URL     URL
	Headers []Header
	Body    *Body
	// Auth is the request's own auth; nil means inherit from the parents.
	Auth        *Auth
	Description string
	// Proxy and Certificate settings from the collection are not modelled;
	// colrun takes those from flags and the environment.
}

// Clone returns a deep copy, so that scripts can change a request for one
// execution without touching the loaded collection.
func (r *Request) Clone() *Request {
	if r == nil {
		return nil
	}
	c := *r
	c.URL = r.URL.Clone()
	c.Headers = append([]Header(nil), r.Headers...)
	c.Body = r.Body.Clone()
	c.Auth = r.Auth.Clone()
	return &c
}

// URL is a request URL in Postman's parsed form. Raw is kept for messages
// and for pm.request.url.toString(); the parts are what gets sent.
type URL struct {
	Raw      string
	Protocol string
	// Host holds the dot-separated labels ("{{server}}" counts as one).
	Host []string
	Port string
	// Path holds the segments without slashes; ":id" segments are path
	// variables filled from Variables.
	Path      []string
	Query     []QueryParam
	Hash      string
	Variables []Variable
	// Auth is user:password given inside the URL, if any.
	Auth *URLAuth
	// HasHash marks a URL that gives a fragment, even an empty one: a
	// string with "#", an object with a "hash" string. Newman's report
	// lists an empty one ("hash": ""); the object's "raw" says nothing.
	HasHash bool
}

// URLAuth is the user information part of a URL.
type URLAuth struct {
	User     string
	Password string
	// HasPassword marks a password given even when empty ("u:@host"),
	// which Postman writes back with its ":" (Newman's report lists
	// "password": ""); a Password that is not empty is given whatever
	// this says.
	HasPassword bool
}

// Clone returns a deep copy.
func (u URL) Clone() URL {
	c := u
	c.Host = append([]string(nil), u.Host...)
	c.Path = append([]string(nil), u.Path...)
	c.Query = append([]QueryParam(nil), u.Query...)
	c.Variables = append([]Variable(nil), u.Variables...)
	if u.Auth != nil {
		a := *u.Auth
		c.Auth = &a
	}
	return c
}

// QueryParam is one query parameter. A nil Value is a key with no "="
// ("?flag"), which Postman distinguishes from an empty value ("?flag=").
type QueryParam struct {
	Key      string
	Value    *string
	Disabled bool
	// Description is the parameter's description; nil when the
	// collection gives none. Newman lists it in the report's collection
	// and in pm.request.url.query.
	Description *Description
}

// Header is one request header. Disabled headers are kept so that scripts
// see them, but they are never sent.
type Header struct {
	Key      string
	Value    string
	Disabled bool
	// System marks a header the runtime added to the request as sent
	// (User-Agent, Host, an auth's Authorization...): test scripts see it
	// as Header#system. A loaded collection never sets it. (Beside
	// Disabled, it adds nothing to the struct's size.)
	System bool
	// DisabledAs is how the collection writes "disabled" on a header it
	// enables: Newman's report and scripts list it as written.
	DisabledAs DisabledShape
	// Description is the header's description; nil when the collection
	// gives none. Newman lists it in the report's request headers and in
	// pm.request.headers.
	Description *Description
}

// DisabledShape is a "disabled" member that does not disable its entry,
// as a header writes it. (One that does is Header.Disabled; a truthy
// value other than true, such as 1, is shown as true.)
type DisabledShape uint8

// The shapes of an enabled header's "disabled".
const (
	// DisabledAbsent is no "disabled" member.
	DisabledAbsent DisabledShape = iota
	// DisabledFalse is false, or another falsy value but null (0, "").
	DisabledFalse
	// DisabledNull is null.
	DisabledNull
)

// Body is a request body in one of Postman's modes.
type Body struct {
	// Mode is raw, urlencoded, formdata, file or graphql.
	Mode       string
	Raw        string
	URLEncoded []FormParam
	FormData   []FormParam
	File       *BodyFile
	GraphQL    *GraphQL
	// Language is options.raw.language (json, xml, html, javascript, text).
	Language string
	// Options is the body's "options" member as the collection writes it,
	// compact JSON ("" for none): Newman's report lists all of it (a
	// raw.headerFamily, an empty raw, another mode's), not only Language.
	Options string
	// RawJSON is the JSON text of a raw body the collection gives as
	// something other than a string (5, true, an object), which Newman's
	// report and scripts show as that value; "" for a string. Raw holds
	// what is sent.
	RawJSON string
	// FileNull marks a "file": null, which Newman's report and scripts
	// show as null (File is then nil, as for none).
	FileNull bool
	Disabled bool
}

// Clone returns a deep copy.
func (b *Body) Clone() *Body {
	if b == nil {
		return nil
	}
	c := *b
	c.URLEncoded = append([]FormParam(nil), b.URLEncoded...)
	c.FormData = make([]FormParam, len(b.FormData))
	for i, p := range b.FormData {
		p.Src = append([]string(nil), p.Src...)
		c.FormData[i] = p
	}
	if b.FormData == nil {
		c.FormData = nil
	}
	if b.File != nil {
		f := *b.File
		c.File = &f
	}
	if b.GraphQL != nil {
		g := *b.GraphQL
		c.GraphQL = &g
	}
	return &c
}

// FormParam is one urlencoded or formdata field.
type FormParam struct {
	Key   string
	Value string
	// Type is "text" or "file" (formdata only); it stays "" when the
	// collection gives none, which is sent as text but which Newman's
	// report leaves out.
	Type string
	// Src lists the file paths of a file part, relative to --working-dir.
	Src []string
	// SrcShape is how the collection writes src, which scripts see as
	// written: a list stays a list (of one, or none), null stays null.
	SrcShape SrcShape
	// Has lists the members the entry writes whose absence Newman shows
	// (beside their values): a key or value left out, "disabled": false.
	Has FormMembers
	// KeyJSON and ValueJSON are the JSON text of a key or value the
	// collection gives as something other than a string (5, true, an
	// object), which scripts see as that value; "" for a string. Key and
	// Value hold what is sent.
	KeyJSON, ValueJSON string
	// ContentType is the part's explicit Content-Type, if given.
	ContentType string
	// FileName is a form-data part's fileName, which Newman sends as the
	// part's filename (a text part too); see Has for whether it is given.
	FileName string
	// Description is the entry's description; nil when the collection
	// gives none, which Newman's report and pm.request leave out.
	Description *Description
	Disabled    bool
}

// FormMembers is a set of a form entry's members, for FormParam.Has. The
// zero value is an entry with a key and a value, as a script or an
// older stream makes one.
type FormMembers uint8

// The members of a form entry, for FormParam.Has.
const (
	// FormNoKey marks an entry without "key": Newman's report and scripts
	// show none, and a urlencoded one is sent as "undefined".
	FormNoKey FormMembers = 1 << iota
	// FormNoValue marks an entry without "value", which Newman's report
	// and scripts leave out (sent as empty).
	FormNoValue
	// FormDisabled marks an entry that writes "disabled", which Newman
	// lists even when false.
	FormDisabled
	// FormFileName marks an entry that writes "fileName" (FileName).
	FormFileName
	// FormFileNameNull marks "fileName": null, which Newman's report keeps.
	FormFileNameNull
	// FormValueSent marks the runner's copy of a form-data file part
	// without a src that was sent with its value's base64 bytes, which
	// Newman's report names no fileName for.
	FormValueSent
)

// SrcShape is the JSON type of a form parameter's src.
type SrcShape uint8

// The shapes of a src.
const (
	SrcAbsent SrcShape = iota
	SrcString
	SrcList
	SrcNull
)

// Description is an entry's description as a collection gives it: a
// string, or an object {content, type}. Newman (postman-collection's
// Description) shows it as {content, type}, keeping the collection's type.
type Description struct {
	Content string
	// Type is the collection's media type; "" when it gives none.
	Type string
	// NoContent marks a description without text (null, false, or an
	// object without content): Newman then shows the type alone.
	NoContent bool
	// Falsy marks a description given as null, false or 0, of which
	// postman-collection keeps nothing, not even the type: Newman's report
	// writes the collection's own as {} (a copy of it, such as a sent
	// request's header, has the type alone, as NoContent says).
	Falsy bool
	// Literal marks Content as the JSON text of a value that is not a
	// string (a number, true, or an object's content: null), which
	// Newman shows as that JSON value rather than as text.
	Literal bool
}

// MediaType is the type Newman shows: the collection's, or text/plain.
func (d *Description) MediaType() string {
	if d.Type == "" {
		return "text/plain"
	}
	return d.Type
}

// BodyFile is the file of a "file" mode body.
type BodyFile struct {
	// Src is the file's path; "" when the collection gives none or
	// another value than a string, which Newman cannot load.
	Src string
	// SrcJSON is the JSON text of a src given as another value than a
	// string (null, 5), which Newman's report and scripts show as that
	// value; "" for a string.
	SrcJSON string
	// HasSrc marks a src given, even "".
	HasSrc bool
	// Content is the base64 text of the file's bytes, sent when there is
	// no src.
	Content string
	// Unreadable marks the runner's resolved copy of a file that could
	// not be loaded; Newman's report then lists the file's value as null.
	Unreadable bool
}

// GraphQL is a graphql mode body. A field the collection gives as a
// string holds that string (Variables is then JSON text, sent as written);
// one given as another JSON value holds its JSON text and is marked in
// Literal, because Newman sends and shows it as that value ({"query":5}).
// The zero value of the flags is a query and variables given as strings
// and no operationName.
type GraphQL struct {
	Query string
	// OperationName picks one operation of a document that has several;
	// Newman sends it when the collection gives one, even "".
	OperationName    string
	HasOperationName bool
	Variables        string
	// Missing lists the query or variables the collection leaves out,
	// which Newman neither sends nor shows (a "" query it sends as "").
	Missing GraphQLField
	// Literal lists the fields given as JSON values other than strings.
	Literal GraphQLField
}

// GraphQLField is a set of a GraphQL body's fields.
type GraphQLField uint8

// The fields of a GraphQL body, for GraphQL.Missing and GraphQL.Literal.
const (
	GraphQLQuery GraphQLField = 1 << iota
	GraphQLOperationName
	GraphQLVariables
)

// Auth is an auth block in normalised form: the v2.0 object form and the
// v2.1 list form both become an ordered parameter list.
type Auth struct {
	// Type is noauth, basic, bearer, apikey, oauth2, jwt, digest, ...
	Type   string
	Params []AuthParam
	// Other holds the parameters the block gives for other types than
	// Type, in file order (Postman keeps those of the types a user tried):
	// never used to sign, but Newman's report lists them after Type's.
	Other []AuthParams
}

// AuthParams is the parameter list of one auth type.
type AuthParams struct {
	Type   string
	Params []AuthParam
}

// AuthParam is one auth parameter. Value is a string, bool, number or a
// decoded JSON object, as the collection gave it.
type AuthParam struct {
	Key   string
	Value any
	// Type is the parameter's type as postman-collection keeps it: one of
	// string, boolean, number, array, object or any, lower-cased; "" when
	// the collection gives none or another name, which scripts see as any.
	Type string
	// Meta is what the parameter gives besides these, which Newman's
	// report lists; nil for none, as nearly every parameter has.
	Meta *AuthParamMeta
}

// AuthParamMeta is an auth parameter's id, disabled, description and
// system members, as postman-collection's Variable keeps them.
type AuthParamMeta struct {
	ID string
	// Disabled is the truthiness of "disabled", given when HasDisabled.
	Disabled, HasDisabled bool
	// System is the truthiness of "system", given when HasSystem.
	System, HasSystem bool
	Description       *Description
}

// Get returns the parameter's value as a string ("" when absent).
func (a *Auth) Get(key string) string {
	if a == nil {
		return ""
	}
	for _, p := range a.Params {
		if p.Key == key {
			return ValueString(p.Value)
		}
	}
	return ""
}

// Clone returns a deep copy of the parameter list.
func (a *Auth) Clone() *Auth {
	if a == nil {
		return nil
	}
	c := *a
	c.Params = append([]AuthParam(nil), a.Params...)
	if a.Other != nil {
		c.Other = make([]AuthParams, len(a.Other))
		for i, o := range a.Other {
			c.Other[i] = AuthParams{Type: o.Type, Params: append([]AuthParam(nil), o.Params...)}
		}
	}
	return &c
}

// Event is a script attached to the collection, a folder or a request.
type Event struct {
	// Listen is "prerequest" or "test".
	Listen   string
	Script   Script
	Disabled bool
	// HasScript says the event has a script, even an empty one (`exec`
	// missing, [] or [""]): Newman counts those as run scripts.
	HasScript bool
}

// Script is the source of one script; Exec holds the lines joined by "\n".
type Script struct {
	ID   string
	Type string
	Exec string
	// Name is the script's name, when the collection gives one.
	Name string
}

// Variable is a collection, folder, URL path or file variable. Value keeps
// its JSON type (string, float64 as json.Number, bool, nil, object), or is
// Undefined when the definition has no "value" member.
type Variable struct {
	Key   string
	Value any
	Type  string
	// Disabled is JavaScript's truthiness of "disabled", which is what
	// keeps a variable out of {{name}} substitution and script writes.
	Disabled bool
	// DisabledAs is the "disabled" member's JSON text as the file wrote it
	// (true, 1, "yes", null), nil when there is none. Newman's scripts read
	// only true as disabled, and its exports write the value back as is.
	DisabledAs json.RawMessage
	// Unnamed marks a collection, environment or globals entry without a
	// "key": Key then holds its "id" or "name", which exports need to
	// pair it with the file's entry, but Newman names such variables by
	// "key" alone, so no {{name}} or script reaches it.
	Unnamed bool
	// ID and Name are an Unnamed entry's "id" and "name" members (empty
	// for other entries): exported environments and globals write them
	// back in place of a "key", as Newman does, so that the entry stays
	// out of reach in the next run too.
	ID, Name string
}

// Undefined is the value of a variable defined without a "value" member,
// as Postman writes a variable nobody filled in ({"key": "token"}). Newman
// tells it apart from null and from "": {{token}} becomes "", scripts read
// undefined, and exports leave the value out; null would be "null".
type Undefined struct{}

// ProtocolProfileBehavior holds per-request transport settings. Nil fields
// are unset, so that a request overrides its folder only where it says so.
type ProtocolProfileBehavior struct {
	FollowRedirects    *bool
	MaxRedirects       *int
	StrictSSL          *bool
	DisableCookies     *bool
	DisableBodyPruning *bool
	// FollowOriginalHTTPMethod and FollowAuthorizationHeader keep a redirect's
	// method and Authorization header, as Postman's settings do.
	FollowOriginalHTTPMethod  *bool
	FollowAuthorizationHeader *bool
	RemoveRefererHeader       *bool
	// DisableURLEncoding sends the URL's path, query and user information
	// as written, without Postman's percent-encoding.
	DisableURLEncoding *bool
	// DisabledSystemHeaders are the headers colrun would add (User-Agent,
	// Accept, Cache-Control, Accept-Encoding, Content-Type, Content-Length,
	// Host) that the request goes without, by postman-runtime's lower-case
	// names. Nil is unset; a member that is there, whatever its shape,
	// replaces the folder's set whole, as postman-collection merges only
	// protocolProfileBehavior's top level.
	DisabledSystemHeaders map[string]bool
	// TLSDisabledProtocols are OpenSSL's protocol names ("TLSv1_2",
	// "TLSv1_3") the handshake must not use; TLSCipherSelection are
	// OpenSSL cipher names, each entry possibly a ":"-joined list. Nil is
	// unset, and either replaces the folder's whole.
	TLSDisabledProtocols []string
	TLSCipherSelection   []string
}

// Merge returns p with every field that child sets taken from child.
func (p ProtocolProfileBehavior) Merge(child ProtocolProfileBehavior) ProtocolProfileBehavior {
	pick := func(dst **bool, src *bool) {
		if src != nil {
			*dst = src
		}
	}
	pick(&p.FollowRedirects, child.FollowRedirects)
	pick(&p.StrictSSL, child.StrictSSL)
	pick(&p.DisableCookies, child.DisableCookies)
	pick(&p.DisableBodyPruning, child.DisableBodyPruning)
	pick(&p.FollowOriginalHTTPMethod, child.FollowOriginalHTTPMethod)
	pick(&p.FollowAuthorizationHeader, child.FollowAuthorizationHeader)
	pick(&p.RemoveRefererHeader, child.RemoveRefererHeader)
	pick(&p.DisableURLEncoding, child.DisableURLEncoding)
	if child.MaxRedirects != nil {
		p.MaxRedirects = child.MaxRedirects
	}
	if child.DisabledSystemHeaders != nil {
		p.DisabledSystemHeaders = child.DisabledSystemHeaders
	}
	if child.TLSDisabledProtocols != nil {
		p.TLSDisabledProtocols = child.TLSDisabledProtocols
	}
	if child.TLSCipherSelection != nil {
		p.TLSCipherSelection = child.TLSCipherSelection
	}
	return p
}

// Requests returns every request item in run order (depth first, file
// order), which is the order Newman runs them in.
func (c *Collection) Requests() []*Item {
	var out []*Item
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			if it.Folder {
				walk(it.Items)
			} else {
				out = append(out, it)
			}
		}
	}
	walk(c.Items)
	return out
}

// Folders returns every folder, depth first.
func (c *Collection) Folders() []*Item {
	var out []*Item
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			if it.Folder {
				out = append(out, it)
				walk(it.Items)
			}
		}
	}
	walk(c.Items)
	return out
}

// ValueString renders a variable or parameter value as Postman does when it
// substitutes it into a string: strings as is, numbers without a trailing
// ".0", null and undefined as "", and objects as JSON.
func ValueString(v any) string {
	switch x := v.(type) {
	case nil, Undefined:
		return ""
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	case float64:
		return FormatNumber(x)
	case int:
		return fmt.Sprint(x)
	case int64:
		return fmt.Sprint(x)
	default:
		return jsonText(x)
	}
}
