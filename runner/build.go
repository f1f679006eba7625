package runner

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"mime"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/sandbox/schemadoc"
	"github.com/colrun/colrun/runner/variables"
	"github.com/tidwall/gjson"
)

// outgoing is a request resolved and ready for the wire.
type outgoing struct {
	Method  string
	URL     string
	Headers []event.Header
	Body    []byte
	// HasBody distinguishes an empty body that is sent (Content-Length: 0)
	// from no body at all.
	HasBody bool
	PPB     collections.ProtocolProfileBehavior
	// Resolved is the URL with variables resolved and auth applied, before
	// percent-encoding: what pm.request.url shows in test scripts.
	Resolved collections.URL
	// Warnings are problems Newman also tolerates (a form file that
	// cannot be read is left out); they are reported, not fatal.
	Warnings []string
	// form, when set, replaces the urlencoded fields: oauth1 removes its
	// own parameters from the form and may add them there.
	form *[]formKV
	// digest re-signs the request after a digest challenge; nil unless
	// the auth is digest.
	digest *digestSigner
	// ntlm runs the NTLM handshake's replays; nil unless the auth is ntlm.
	ntlm *ntlmSigner
	// tableauOrigin is set when colrun added X-Tableau-Auth: the server
	// the token belongs to, so that a redirect elsewhere drops it.
	tableauOrigin string
	// Auth is the auth applied, inherited or not, with its variables
	// resolved: what pm.request.auth shows in test scripts.
	Auth *collections.Auth
	// reportAuth and ownAuth are the auth blocks Newman's json report
	// lists for the request once a response came and when none did (see
	// event.SentRequest.Auth).
	reportAuth, ownAuth *collections.Auth
	// emptyHash marks a URL that ends in a bare "#", which ParseURL keeps
	// no trace of but Newman's report shows as an empty hash.
	emptyHash bool
	// params are the urlencoded or form-data fields with the keys and
	// values that were sent (the same {{$guid}}), for pm.request.body in
	// test scripts; nil when the body is not a form.
	params []collections.FormParam
	// Spec is the body as the collection defines it, variables resolved
	// as sent, for Newman's json report; nil when there is no body.
	Spec *collections.Body
	// formType is set when the Content-Type was added for a urlencoded,
	// form-data or file body: postman-request adds it while sending, so
	// Newman's pm.request.headers and report leave it out though it is
	// sent.
	formType bool
	// scriptSend marks a script's pm.sendRequest, whose 401002 for a
	// token of a session replaced while it was out is retried with the
	// new one (see tableauAfter).
	scriptSend bool
	// wireType, when set, is the Content-Type sent in place of the
	// request's own: postman-request corrects a form's Content-Type that
	// cannot describe its body while it sends, so Newman's scripts and
	// report still list the request's own value.
	wireType string
	// jarCookie is the Cookie header the cookie jar made on the first
	// hop: its cookies, after the request's own Cookie if it has one;
	// send fills it in.
	jarCookie string
	// urlAuth is set when the Authorization header is the URL's user
	// information, which postman-request adds while sending: a request
	// that got no response does not list it.
	urlAuth bool
	// addingSystem makes addHeader flag what it adds as a system header
	// (while auth is applied: Newman's report flags auth's headers so).
	addingSystem bool
	// disabled are the request's disabled headers and those without a
	// name, resolved: never sent, but Newman's report and test scripts
	// list them among its own headers. Kept apart from Headers so that
	// nothing that reads what is sent (the wire, signers, lookups) has to
	// skip them. Nil, costing nothing, when there are none; shared by
	// copies of o, so changed only by replacing it.
	disabled []disabledHeader
}

// disabledHeader is a header listed but not sent (disabled, or without a
// name) and its place in the list: at is how many of outgoing.Headers
// come before it.
type disabledHeader struct {
	at int
	event.Header
}

// header returns the last enabled value of a header, case-insensitively,
// as Postman's oneNormalizedHeader does.
func (o *outgoing) header(key string) (string, bool) {
	for i := len(o.Headers) - 1; i >= 0; i-- {
		if strings.EqualFold(o.Headers[i].Key, key) {
			return o.Headers[i].Value, true
		}
	}
	return "", false
}

// removeHeader removes a header case-insensitively, disabled ones too, as
// postman-collection's removeHeader with ignoreCase does when an auth
// replaces Authorization (a disabled one is gone from Newman's report).
func (o *outgoing) removeHeader(key string) {
	o.dropHeaders(func(k string) bool { return strings.EqualFold(k, key) }, true)
}

// dropHeaders removes the sent headers whose key matches, and the
// disabled ones too when disabledToo is set, keeping the disabled ones'
// places among those that stay.
func (o *outgoing) dropHeaders(match func(key string) bool, disabledToo bool) {
	if len(o.disabled) == 0 {
		kept := o.Headers[:0]
		for _, h := range o.Headers {
			if !match(h.Key) {
				kept = append(kept, h)
			}
		}
		o.Headers = kept
		return
	}
	// keptBefore[i] is how many of the first i headers stay.
	keptBefore := make([]int, len(o.Headers)+1)
	kept := o.Headers[:0]
	for i, h := range o.Headers {
		keptBefore[i] = len(kept)
		if !match(h.Key) {
			kept = append(kept, h)
		}
	}
	keptBefore[len(o.Headers)] = len(kept)
	o.Headers = kept
	// A new slice: copies of o (a digest replay's) share the old one.
	dis := make([]disabledHeader, 0, len(o.disabled))
	for _, d := range o.disabled {
		if disabledToo && match(d.Key) {
			continue
		}
		d.at = keptBefore[min(d.at, len(keptBefore)-1)]
		dis = append(dis, d)
	}
	o.disabled = dis
}

func (o *outgoing) addHeader(key, value string) {
	o.Headers = append(o.Headers, event.Header{Key: key, Value: value, System: o.addingSystem})
}

// addSystemHeader adds a header the request itself did not set.
func (o *outgoing) addSystemHeader(key, value string) {
	o.Headers = append(o.Headers, event.Header{Key: key, Value: value, System: true})
}

// systemOff reports whether protocolProfileBehavior.disabledSystemHeaders
// leaves out the system header of that lower-case name.
func (o *outgoing) systemOff(name string) bool {
	return o.PPB.DisabledSystemHeaders[name]
}

// disableSystemContentType turns a Content-Type colrun added for a raw or
// GraphQL body into a disabled header when disabledSystemHeaders names
// content-type: postman-runtime adds it before auth (so signers see it)
// and disables it as it sends, and Newman's report and pm.request.headers
// list it, in its place, with "system" and "disabled" both true.
func (o *outgoing) disableSystemContentType() {
	if !o.systemOff("content-type") || o.formType {
		return
	}
	i := slices.IndexFunc(o.Headers, func(h event.Header) bool { return h.System && strings.EqualFold(h.Key, "Content-Type") })
	if i < 0 {
		return
	}
	h := o.Headers[i]
	h.Disabled = true
	o.dropHeaders(func(k string) bool { return strings.EqualFold(k, "Content-Type") }, false)
	// A new slice: copies of o share the old one.
	dis := make([]disabledHeader, 0, len(o.disabled)+1)
	at := 0
	for at < len(o.disabled) && o.disabled[at].at <= i {
		at++
	}
	dis = append(append(append(dis, o.disabled[:at]...), disabledHeader{at: i, Header: h}), o.disabled[at:]...)
	o.disabled = dis
}

// pruned reports whether the request's body is left out because its
// method takes none, as Postman does unless disableBodyPruning is set.
func (o *outgoing) pruned() bool {
	return methodsWithoutBody[o.Method] && (o.PPB.DisableBodyPruning == nil || !*o.PPB.DisableBodyPruning)
}

// resolvedRequest is the request as test scripts see it (pm.request after
// sending): the original with its URL, headers and raw body resolved and
// the headers colrun sent, as postman-runtime passes on the sent request.
// sent is sentHeaders(o), which the caller has listed already.
func resolvedRequest(orig *collections.Request, o *outgoing, sent []event.Header) *collections.Request {
	// A deep copy, as orig.Clone makes it, but for the URL, headers and
	// (when it applied) auth, which are replaced rather than copied.
	r := *orig
	r.Method = o.Method
	// Newman hands test scripts the request as it went out: the URL
	// percent-encoded, the auth it inherited, and the headers the
	// transport added (Host, Accept-Encoding, Content-Length).
	r.URL = collections.ParseURL(o.URL)
	// The fragment is not sent, but Newman's scripts still see it,
	// encoded as the URL it was requested by.
	if o.Resolved.Hash != "" {
		r.URL.Hash = fragment(o.Resolved.Hash, true, o.PPB.DisableURLEncoding != nil && *o.PPB.DisableURLEncoding)[1:]
	}
	r.Body = orig.Body.Clone()
	r.Auth = o.Auth
	if orig.Auth == nil && o.Auth != nil && !authHandlers[o.Auth.Type] {
		// An inherited block of a type postman-runtime has no handler
		// for stays off the request, as it stays off the report.
		r.Auth = nil
	}
	if o.Auth == nil {
		r.Auth = orig.Auth.Clone()
		if r.Auth == nil && o.reportAuth != nil && o.reportAuth.Type == "noauth" {
			// A noauth inherited from a folder or the collection:
			// postman-runtime puts it on the request once the response
			// came, as it puts any auth it has a handler for.
			r.Auth = o.reportAuth.Clone()
		}
	}
	r.Headers = make([]collections.Header, len(sent))
	for i, h := range sent {
		r.Headers[i] = collections.Header{Key: h.Key, Value: h.Value, Disabled: h.Disabled, DisabledAs: h.DisabledAs, Description: h.Description, System: h.System}
	}
	if r.Body != nil && r.Body.Mode == "raw" && o.HasBody {
		r.Body.Raw = string(o.Body)
	}
	if r.Body != nil && r.Body.Mode == "file" && o.Spec != nil && o.Spec.File != nil {
		// Newman's test scripts see the file as its runtime left it: the
		// value of one it could not load null, content sent as bytes gone.
		f := *o.Spec.File
		r.Body.File = &f
	}
	if r.Body != nil && r.Body.Mode == "graphql" && o.Spec != nil && o.Spec.GraphQL != nil {
		// Newman's test scripts see the query and variables resolved.
		g := *o.Spec.GraphQL
		r.Body.GraphQL = &g
	}
	if r.Body != nil && o.params != nil {
		switch r.Body.Mode {
		case "urlencoded":
			r.Body.URLEncoded = o.params
		case "formdata":
			r.Body.FormData = o.params
		}
	}
	return &r
}

// urlText is u.String(). The text u was parsed from is returned when it
// spells the same URL, which is the usual case and costs no allocation:
// this runs twice for every request sent.
func urlText(u collections.URL) string {
	if len(u.Query) == 0 && len(u.Variables) == 0 && u.Auth == nil && spells(u, u.Raw) {
		return u.Raw
	}
	return u.String()
}

// spells reports whether s is what u.String() gives for u, a URL without
// query parameters, path variables or user information.
func spells(u collections.URL, s string) bool {
	cut := func(prefix string) bool {
		rest, ok := strings.CutPrefix(s, prefix)
		s = rest
		return ok
	}
	if u.Protocol != "" && !(cut(strings.TrimSuffix(u.Protocol, "://")) && cut("://")) {
		return false
	}
	for i, label := range u.Host {
		if i > 0 && !cut(".") || !cut(label) {
			return false
		}
	}
	if u.Port != "" && !(cut(":") && cut(u.Port)) {
		return false
	}
	if u.Path != nil {
		for _, seg := range u.Path {
			if !cut("/") || !cut(seg) {
				return false
			}
		}
		if len(u.Path) == 0 && !cut("/") {
			return false
		}
	}
	if u.Hash != "" && !(cut("#") && cut(u.Hash)) {
		return false
	}
	return s == ""
}

// sentHost is the host (and port) of wire URL target as url.Parse gives
// it, or as written when url.Parse refuses it. A URL of plain characters
// (the usual one) is cut without url.Parse, which allocates: every
// request lists it.
func sentHost(target string) string {
	if host, ok := plainHost(target); ok {
		return host
	}
	if u, err := url.Parse(target); err == nil {
		return u.Host
	}
	// A host Go refuses ("{{host}}", "exa mple.com") Newman still lists
	// as written.
	_, rest, _ := strings.Cut(target, "://")
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	return rest
}

// plainHost cuts the host out of target when target is made only of
// characters url.Parse accepts anywhere without checking (no escapes,
// user information, fragment or IPv6 literal), so that url.Parse would
// give the same host; ok is false for any other URL.
func plainHost(target string) (host string, ok bool) {
	scheme, rest, found := strings.Cut(target, "://")
	if !found || scheme == "" || !isASCIILetter(scheme[0]) {
		return "", false
	}
	for i := 1; i < len(scheme); i++ {
		if c := scheme[i]; !isASCIILetter(c) && !isASCIIDigit(c) && c != '+' && c != '-' && c != '.' {
			return "", false
		}
	}
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	host = rest[:end]
	name, port, hasPort := strings.Cut(host, ":")
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isASCIILetter(c) && !isASCIIDigit(c) && c != '.' && c != '-' {
			return "", false
		}
	}
	if hasPort {
		for i := 0; i < len(port); i++ {
			if !isASCIIDigit(port[i]) {
				return "", false
			}
		}
	}
	for i := end; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f || c == '%' || c == '#' {
			return "", false
		}
	}
	return host, true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// sentHeaders lists the headers a request goes out with: its own and the
// runner's, then those the transport adds (Host, Accept-Encoding, the
// jar's Cookie, Content-Length), flagged as system headers as Newman's report flags
// them. Test scripts and reports both see this list. Connection is not
// listed: Go's HTTP/1.1 sends none, nor is the Authorization a URL's
// user information gives (postman-request adds it while sending, and
// Newman's scripts and report never see it). The request's disabled
// headers are listed in their places, flagged, as Newman lists them
// though it does not send them.
func sentHeaders(o *outgoing) []event.Header {
	hs := make([]event.Header, 0, len(o.Headers)+len(o.disabled)+4)
	// A Cookie header the request sets more than once went out as one
	// line (see newHTTPRequest); postman-runtime lists that line, in
	// place of the request's own, after the other headers.
	merged := mergedCookie(o)
	ownCookie := -1
	if o.jarCookie != "" && merged.Key == "" {
		// postman-request sets the jar's cookies into the request's
		// own Cookie header, which Newman then lists with them, as a
		// system header.
		for i := len(o.Headers) - 1; i >= 0 && ownCookie < 0; i-- {
			if strings.EqualFold(o.Headers[i].Key, "Cookie") {
				ownCookie = i
			}
		}
	}
	d := 0
	for i, h := range o.Headers {
		if i == ownCookie {
			h.Value, h.System = o.jarCookie, true
		}
		for ; d < len(o.disabled) && o.disabled[d].at <= i; d++ {
			hs = append(hs, o.disabled[d].Header)
		}
		if o.formType && strings.EqualFold(h.Key, "Content-Type") || o.urlAuth && strings.EqualFold(h.Key, "Authorization") ||
			merged.Key != "" && strings.EqualFold(h.Key, "Cookie") {
			continue
		}
		hs = append(hs, h)
	}
	for ; d < len(o.disabled); d++ {
		hs = append(hs, o.disabled[d].Header)
	}
	add := func(key, value string) {
		// Host goes out whatever disabledSystemHeaders says (see build).
		if _, ok := o.header(key); !ok && (key == "Host" || !o.systemOff(strings.ToLower(key))) {
			hs = append(hs, event.Header{Key: key, Value: value, System: true})
		}
	}
	if host := sentHost(o.URL); host != "" {
		add("Host", host)
	}
	add("Accept-Encoding", acceptEncoding)
	// A body sent as a string (raw, urlencoded, graphql) gets its
	// Content-Length before the jar's Cookie in Newman's list; a streamed
	// one (form-data, file) or none gets it after.
	streamed := o.Spec != nil && (o.Spec.Mode == "formdata" || o.Spec.Mode == "file")
	if o.HasBody && !streamed {
		add("Content-Length", strconv.Itoa(len(o.Body)))
	}
	switch {
	case merged.Key != "":
		hs = append(hs, merged)
	case o.jarCookie != "":
		add("Cookie", o.jarCookie)
	}
	switch {
	case o.HasBody && streamed:
		add("Content-Length", strconv.Itoa(len(o.Body)))
	case o.HasBody:
	case !nodeOmitsEmptyContentLength[o.Method]:
		// The request goes out with Content-Length: 0 (see send.go), as
		// Node sends it, and Newman lists that header as sent.
		add("Content-Length", "0")
	}
	return hs
}

// mergedCookie is the Cookie line a request that sets Cookie more than
// once sent, as Newman lists it: the spelling set last, with its values
// joined by "; " and the jar's cookies after them; no Key when the
// request sets Cookie once or not at all.
func mergedCookie(o *outgoing) event.Header {
	last, n := -1, 0
	for i, h := range o.Headers {
		if strings.EqualFold(h.Key, "Cookie") {
			last, n = i, n+1
		}
	}
	if n < 2 {
		return event.Header{}
	}
	if o.jarCookie != "" {
		return event.Header{Key: o.Headers[last].Key, Value: o.jarCookie, System: true}
	}
	var values []string
	for _, h := range o.Headers {
		if h.Key == o.Headers[last].Key {
			values = append(values, h.Value)
		}
	}
	return event.Header{Key: o.Headers[last].Key, Value: strings.Join(values, "; "), System: true}
}

// methodsWithoutBody are the methods whose body Postman prunes unless
// protocolProfileBehavior.disableBodyPruning is set.
var methodsWithoutBody = map[string]bool{"GET": true, "COPY": true, "HEAD": true, "PURGE": true, "UNLOCK": true}

// rawLanguageTypes maps options.raw.language to the Content-Type Postman
// adds when the request has none.
var rawLanguageTypes = map[string]string{
	"html":       "text/html",
	"text":       "text/plain",
	"json":       "application/json",
	"javascript": "application/javascript",
	"xml":        "application/xml",
}

// buildError is a problem building one request (an unsupported auth type,
// an unreadable form file, a variable cycle). It fails that request, like
// a network error, and names the request.
type buildError struct {
	item string
	err  error
}

func (e *buildError) Error() string { return fmt.Sprintf("request %q: %v", e.item, e.err) }
func (e *buildError) Unwrap() error { return e.err }

// build resolves variables in req (after pre-request scripts changed it),
// applies auth and the body, and returns what goes on the wire. The order
// follows postman-runtime: URL, headers, auth, body, system headers. A
// request that is whole but cannot be sent (its host is an unresolved
// variable) comes back with its error, to be reported as a failed send.
//
// A nil item is a request sent by a script (pm.sendRequest): it inherits
// no auth and no protocolProfileBehavior from the collection, as in Postman.
func (r *Runner) build(it *collections.Item, req *collections.Request, res *variables.Resolver) (*outgoing, error) {
	name := "pm.sendRequest"
	if it != nil {
		name = it.Path()
	}
	fail := func(err error) (*outgoing, error) { return nil, &buildError{item: name, err: err} }

	rawURL, err := res.Replace(urlText(req.URL))
	if err != nil {
		return fail(err)
	}
	u := collections.ParseURL(rawURL)
	if len(u.Host) == 0 || (len(u.Host) == 1 && u.Host[0] == "") {
		if rawURL == "" {
			return fail(fmt.Errorf("the request has no URL"))
		}
		return fail(fmt.Errorf("URL %q has no host", rawURL))
	}
	// A host left an unresolved {{variable}} fails the request, but only
	// once the rest is built: Newman sends it, so its report and test
	// scripts list the headers it would have had (Host as written).
	var hostErr error
	for _, label := range u.Host {
		if strings.Contains(label, "{{") {
			hostErr = &buildError{item: name, err: fmt.Errorf("URL %q has an unresolved variable in its host; define it in the environment, globals or collection variables", rawURL)}
			break
		}
	}

	out := &outgoing{Method: strings.ToUpper(req.Method), PPB: r.behaviour(it)}
	if out.Method == "" {
		out.Method = "GET"
	}
	// Room for the request's headers and the system headers (User-Agent,
	// Accept, Cache-Control and a Content-Type) without growing.
	out.Headers = make([]event.Header, 0, len(req.Headers)+4)
	for _, h := range req.Headers {
		if h.Disabled {
			out.addDisabled(h, res)
			continue
		}
		k, err := res.Replace(h.Key)
		if err != nil {
			return fail(err)
		}
		v, err := res.Replace(h.Value)
		if err != nil {
			return fail(err)
		}
		if k == "" {
			// Newman never sends a header without a name, but lists it
			// among the request's own to test scripts and in its report,
			// as it lists the disabled ones.
			out.disabled = append(out.disabled, disabledHeader{at: len(out.Headers), Header: event.Header{Value: v}})
			continue
		}
		if strings.TrimSpace(k) == "" {
			continue
		}
		out.addHeader(strings.TrimSpace(k), v)
		out.Headers[len(out.Headers)-1].DisabledAs = h.DisabledAs
		if d := h.Description; d != nil {
			if hasVariable(d) {
				d = resolveDescription(d, quietResolver(res))
			}
			out.Headers[len(out.Headers)-1].Description = d
		}
	}

	if b := req.Body; b != nil && b.Mode == "raw" && b.Language == "json" && b.Raw != "" && !b.Disabled && !out.pruned() {
		// postman-runtime adds a JSON body's Content-Type before auth (as
		// a side effect of stripping comments), so signers see and sign it.
		if _, ok := out.header("Content-Type"); !ok {
			out.addSystemHeader("Content-Type", rawLanguageTypes["json"])
		}
	}
	applied := r.effectiveAuth(it, req)
	var resolved *collections.Auth
	if a := applied; a != nil {
		resolved, err = resolveAuth(a, res)
		if err != nil {
			return fail(err)
		}
		in := &signInput{r: r, body: req.Body, res: res, now: time.Now}
		if resolved.Type == "digest" {
			in.state = r.transports.digestState(r.authOwner(it, req))
		}
		out.addingSystem = true
		err = applyAuth(resolved, out, &u, in)
		out.addingSystem = false
		if err != nil {
			return fail(err)
		}
		out.Auth = resolved
	}
	if err := r.setReportAuth(out, it, req, applied, resolved, res); err != nil {
		return fail(err)
	}
	out.URL = wireURL(u, out.PPB.DisableURLEncoding != nil && *out.PPB.DisableURLEncoding)
	out.Resolved = u
	// urlText drops a bare "#" from a URL it rebuilds from its parts, so
	// the collection's URL is asked too.
	out.emptyHash = u.Hash == "" && (strings.HasSuffix(rawURL, "#") || req.URL.Hash == "" && req.URL.HasHash)

	if err := r.buildBody(req.Body, out, res); err != nil {
		return fail(err)
	}
	r.addSystemHeaders(out)
	addURLCredentials(out, u)
	out.disableSystemContentType()
	if isHTTPS(out.URL) {
		_, warnings, _ := tlsProfileFor(out.PPB)
		out.Warnings = append(out.Warnings, warnings...)
	}
	if out.systemOff("host") {
		if _, ok := out.header("Host"); !ok {
			out.Warnings = append(out.Warnings, "protocolProfileBehavior.disabledSystemHeaders.host is not honoured: Go's HTTP client always sends Host, so the request has one (Newman sends none)")
		}
	}
	return out, hostErr
}

// addDisabled keeps a disabled header for the report and test scripts,
// its key and value resolved as Newman shows them (an unknown variable
// stays as written and is not warned about: it is not sent), even when
// its key is empty.
func (o *outgoing) addDisabled(h collections.Header, res *variables.Resolver) {
	quiet := quietResolver(res)
	d := disabledHeader{at: len(o.Headers), Header: event.Header{Key: quiet.MustReplace(h.Key), Value: quiet.MustReplace(h.Value), Disabled: true}}
	if desc := h.Description; desc != nil {
		if hasVariable(desc) {
			desc = resolveDescription(desc, quiet)
		}
		d.Description = desc
	}
	o.disabled = append(o.disabled, d)
}

// addURLCredentials sends the user information of a URL
// (http://user:pass@host/) as Basic credentials when the request has no
// Authorization header of its own, as postman-request does, after the
// other headers.
func addURLCredentials(out *outgoing, u collections.URL) {
	if u.Auth == nil {
		return
	}
	if _, ok := out.header("Authorization"); ok {
		return
	}
	// postman-request unescapes what toNodeUrl escaped.
	cred := unescapeUserinfo(percentEncode(u.Auth.User, userinfoSet)) + ":" +
		unescapeUserinfo(percentEncode(u.Auth.Password, userinfoSet))
	out.addHeader("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cred)))
	out.urlAuth = true
}

// unescapeUserinfo decodes %XX escapes, leaving malformed ones as they
// are, as Node's querystring.unescape does.
func unescapeUserinfo(s string) string {
	if v, err := url.PathUnescape(s); err == nil {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(v))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// authOwner returns the folder's or collection's auth definition the
// request's auth comes from, as loaded, so that what a digest challenge
// taught is kept for every request that shares it, as postman-runtime
// keeps it on the definition; nil for the request's own auth, which
// postman-runtime copies with the request at each run of the item, so
// that each run is challenged afresh (Newman 6.2.2: a second iteration
// gets the 401 again).
func (r *Runner) authOwner(it *collections.Item, req *collections.Request) *collections.Auth {
	if it == nil || req.Auth != nil && req.Auth.Type != "inherit" {
		return nil
	}
	for p := it.Parent; p != nil; p = p.Parent {
		if p.Auth != nil && p.Auth.Type != "inherit" {
			return p.Auth
		}
	}
	return r.coll.Auth
}

// behaviour merges protocolProfileBehavior from the collection down to
// the request, nearer levels winning.
func (r *Runner) behaviour(it *collections.Item) collections.ProtocolProfileBehavior {
	if it == nil {
		return collections.ProtocolProfileBehavior{}
	}
	var chain []*collections.Item
	for p := it; p != nil; p = p.Parent {
		chain = append(chain, p)
	}
	ppb := r.coll.ProtocolProfileBehavior
	for i := len(chain) - 1; i >= 0; i-- {
		ppb = ppb.Merge(chain[i].ProtocolProfileBehavior)
	}
	return ppb
}

// effectiveAuth walks up from the request to the collection: the first
// auth that is not "inherit" wins; "noauth" means none.
func (r *Runner) effectiveAuth(it *collections.Item, req *collections.Request) *collections.Auth {
	if req.Auth != nil && req.Auth.Type != "inherit" {
		return noneIfNoauth(req.Auth)
	}
	if it == nil {
		return nil
	}
	for p := it.Parent; p != nil; p = p.Parent {
		if p.Auth != nil && p.Auth.Type != "inherit" {
			return noneIfNoauth(p.Auth)
		}
	}
	if a := r.coll.Auth; a != nil && a.Type != "inherit" {
		return noneIfNoauth(a)
	}
	return nil
}

// authHandlers are the auth types postman-runtime has a handler for.
var authHandlers = map[string]bool{
	"noauth": true, "basic": true, "bearer": true, "apikey": true, "oauth2": true, "jwt": true, "digest": true,
	"oauth1": true, "awsv4": true, "hawk": true, "edgegrid": true, "asap": true, "ntlm": true,
}

// authSecrets are the parameters of each auth type that hold a password,
// a secret or a private key. Newman's json report lists them in clear;
// colrun's events, and so every report, show auth.Mask instead, so that a
// report kept as a CI artifact holds no credential.
var authSecrets = map[string][]string{
	"basic":    {"password"},
	"digest":   {"password"},
	"ntlm":     {"password"},
	"oauth1":   {"consumerSecret", "tokenSecret", "privateKey"},
	"oauth2":   {"clientSecret", "password", "refreshToken"},
	"jwt":      {"secret", "privateKey"},
	"awsv4":    {"secretKey"},
	"hawk":     {"authKey"},
	"edgegrid": {"clientSecret"},
	"asap":     {"privateKey"},
}

// maskAuthSecrets returns a with the values of its secret parameters
// (authSecrets) replaced by auth.Mask; a itself when it has none to mask.
func maskAuthSecrets(a *collections.Auth) *collections.Auth {
	out := a
	mask := func(typ string, params func(*collections.Auth) []collections.AuthParam) {
		keys := authSecrets[typ]
		for i, p := range params(out) {
			if p.Value == nil || p.Value == "" || !slices.Contains(keys, p.Key) {
				continue
			}
			if out == a {
				out = a.Clone()
			}
			params(out)[i].Value = auth.Mask
		}
	}
	mask(a.Type, func(x *collections.Auth) []collections.AuthParam { return x.Params })
	// The other types' are listed too: a basic password kept beside a
	// bearer token is still a password.
	for j, o := range a.Other {
		mask(o.Type, func(x *collections.Auth) []collections.AuthParam { return x.Other[j].Params })
	}
	return out
}

// setReportAuth sets the auth blocks Newman's json report lists for the
// request, their secrets masked. postman-collection's Item#getAuth takes
// the request's own block whatever its type ("inherit" and unknown types
// too), else the nearest parent's; postman-runtime puts that block on the
// request only after a response, and only when a handler knows its type,
// so the request keeps its own otherwise. applied and resolved are the
// block build signed with, resolved once for both.
func (r *Runner) setReportAuth(out *outgoing, it *collections.Item, req *collections.Request, applied, resolved *collections.Auth, res *variables.Resolver) error {
	shown, own := req.Auth, req.Auth != nil
	if !own && it != nil {
		for p := it.Parent; p != nil && shown == nil; p = p.Parent {
			shown = p.Auth
		}
		if shown == nil {
			shown = r.coll.Auth
		}
	}
	if shown == nil || !own && !authHandlers[shown.Type] {
		return nil
	}
	a := resolved
	if shown != applied {
		var err error
		if a, err = resolveAuth(shown, res); err != nil {
			return err
		}
	}
	a = maskAuthSecrets(a)
	out.reportAuth = a
	if own {
		out.ownAuth = a
	}
	return nil
}

func noneIfNoauth(a *collections.Auth) *collections.Auth {
	if a.Type == "noauth" {
		return nil
	}
	return a
}

func (r *Runner) buildBody(b *collections.Body, out *outgoing, res *variables.Resolver) error {
	if b == nil {
		return nil
	}
	if b.Disabled || bodyIsEmpty(b) || out.pruned() {
		// Not sent, but Newman's report still lists it, resolved.
		out.Spec = resolvedSpec(b, res)
		if f := b.File; b.Mode == "file" && !b.Disabled && f != nil && f.Src == "" && f.Content == "" {
			// postman-runtime tries to load a file without a src (none,
			// "", null, 5) all the same.
			out.Warnings = append(out.Warnings, "Binary file load error: invalid or missing file source")
			out.Spec.File.Unreadable = true
		}
		return nil
	}
	switch b.Mode {
	case "raw":
		raw, err := res.Replace(b.Raw)
		if err != nil {
			return err
		}
		if ct, ok := out.header("Content-Type"); stripsJSONComments(b.Language, ct, ok) {
			raw = stripJSONComments(raw)
		}
		out.Spec = b
		if raw != b.Raw {
			spec := *b
			spec.Raw = raw
			out.Spec = &spec
		}
		if _, ok := out.header("Content-Type"); !ok {
			ct, known := rawLanguageTypes[b.Language]
			if !known {
				ct = rawLanguageTypes["text"]
			}
			out.addSystemHeader("Content-Type", ct)
		}
		out.Body, out.HasBody = []byte(raw), true
	case "urlencoded":
		fields, err := resolveForm(b.URLEncoded, res)
		if err != nil {
			return err
		}
		out.params = resolvedParams(b.URLEncoded, fields)
		out.Spec = &collections.Body{Mode: b.Mode, URLEncoded: specParams(out.params, res), Options: b.Options, Language: b.Language}
		body := encodeForm(fields)
		if out.form != nil {
			// oauth1 took its parameters out of the form or added them.
			body = encodeForm(*out.form)
		}
		switch ct, ok := out.header("Content-Type"); {
		case out.systemOff("content-type"):
			// postman-request then neither replaces the request's own
			// Content-Type nor adds one.
		case !ok:
			out.addHeader("Content-Type", "application/x-www-form-urlencoded")
			out.formType = true
		case !urlencodedType.MatchString(ct):
			out.wireType = "application/x-www-form-urlencoded"
		}
		out.Body, out.HasBody = []byte(body), true
	case "formdata":
		body, boundary, err := r.formDataBody(b.FormData, out, res)
		if err != nil {
			return err
		}
		out.Spec = &collections.Body{Mode: b.Mode, FormData: specParams(out.params, res), Options: b.Options, Language: b.Language}
		if body == nil {
			// Every part was left out: Newman sends an empty body.
			out.Body, out.HasBody = nil, true
			return nil
		}
		// A Content-Type the request sets itself is sent unchanged when it
		// names a form-data boundary, which the body then uses, or when
		// disabledSystemHeaders names content-type; any other (a bare
		// multipart/form-data, application/json) is replaced on the wire,
		// as postman-request replaces it, so the server can read the form.
		switch ct, ok := out.header("Content-Type"); {
		case out.systemOff("content-type"):
		case !ok:
			out.addHeader("Content-Type", "multipart/form-data; boundary="+boundary)
			out.formType = true
		case formDataBoundary(ct) == "":
			out.wireType = "multipart/form-data; boundary=" + boundary
		}
		out.Body, out.HasBody = body, true
	case "file":
		out.Spec = b
		switch {
		case strings.Contains(b.File.Src, "{{"):
			out.Spec = resolvedSpec(b, res)
		case b.File.Src == "":
			// The content goes as a Buffer, which Newman's report lists
			// as nothing.
			out.Spec = b.Clone()
			out.Spec.File.Content = ""
		}
		data, path, err := r.fileBody(b.File, res)
		if err != nil {
			var missing *fileBodyError
			if !errors.As(err, &missing) {
				return err
			}
			// Newman logs the failed load and sends the request with an
			// empty body; the run goes on.
			out.Warnings = append(out.Warnings, missing.Error())
			if out.Spec == b {
				out.Spec = b.Clone()
			}
			out.Spec.File.Unreadable = true
		}
		if _, ok := out.header("Content-Type"); !ok && path != "" && err == nil && !out.systemOff("content-type") {
			// postman-request names the file's type, as mime-types looks it
			// up from the extension.
			out.addHeader("Content-Type", fileContentType(path))
			out.formType = true
		}
		out.Body, out.HasBody = data, true
	case "graphql":
		resolved, err := resolveGraphQL(b.GraphQL, res)
		if err != nil {
			return err
		}
		out.Spec = &collections.Body{Mode: b.Mode, GraphQL: resolved, Options: b.Options, Language: b.Language}
		body := encodeGraphQL(resolved)
		if _, ok := out.header("Content-Type"); !ok {
			out.addSystemHeader("Content-Type", "application/json")
		}
		out.Body, out.HasBody = body, true
	}
	return nil
}

// bodyIsEmpty follows postman-collection's RequestBody#isEmpty plus the
// runtime's rule that a form whose fields are all disabled is empty.
func bodyIsEmpty(b *collections.Body) bool {
	switch b.Mode {
	case "raw":
		return b.Raw == ""
	case "urlencoded":
		return !anyEnabled(b.URLEncoded)
	case "formdata":
		return !anyEnabled(b.FormData)
	case "file":
		return b.File == nil || (b.File.Src == "" && b.File.Content == "")
	case "graphql":
		return b.GraphQL == nil
	}
	return true
}

func anyEnabled(ps []collections.FormParam) bool {
	for _, p := range ps {
		if !p.Disabled {
			return true
		}
	}
	return false
}

// formKV is one enabled urlencoded field, resolved.
type formKV struct {
	key, value string
	// list is set for a value the collection gives as a list, whose
	// elements, in values, querystring sends as one field each.
	list   bool
	values []string
}

// resolveForm resolves the enabled urlencoded fields, in order.
func resolveForm(params []collections.FormParam, res *variables.Resolver) ([]formKV, error) {
	var out []formKV
	for _, p := range params {
		if p.Disabled {
			continue
		}
		key := p.Key
		switch {
		case p.KeyJSON != "":
			// postman-runtime makes the key an object's property name.
			key = jsText(gjson.Parse(p.KeyJSON))
		case p.Has&collections.FormNoKey != 0:
			// So is a missing key: undefined=y.
			key = "undefined"
		}
		k, err := res.Replace(key)
		if err != nil {
			return nil, err
		}
		kv := formKV{key: k}
		value := p.Value
		if p.ValueJSON != "" {
			v := gjson.Parse(p.ValueJSON)
			if v.IsArray() {
				kv.list, kv.value = true, p.Value
				for _, e := range v.Array() {
					s, err := res.Replace(qsPrimitive(e))
					if err != nil {
						return nil, err
					}
					kv.values = append(kv.values, s)
				}
				out = append(out, kv)
				continue
			}
			value = qsPrimitive(v)
		}
		if kv.value, err = res.Replace(value); err != nil {
			return nil, err
		}
		out = append(out, kv)
	}
	return out, nil
}

// jsText is JavaScript's String(v) for a JSON value.
func jsText(v gjson.Result) string {
	switch {
	case v.Type == gjson.Number:
		return collections.FormatNumber(v.Num)
	case v.Type == gjson.Null:
		return "null"
	case v.IsObject():
		return "[object Object]"
	case v.IsArray():
		// Array.prototype.join leaves null elements empty.
		var parts []string
		for _, e := range v.Array() {
			if e.Type == gjson.Null {
				parts = append(parts, "")
				continue
			}
			parts = append(parts, jsText(e))
		}
		return strings.Join(parts, ",")
	}
	return v.String()
}

// qsPrimitive is a value as Node's querystring.stringify writes it:
// strings, finite numbers and booleans as text, and anything else (null,
// an object, a list inside a list) as nothing.
func qsPrimitive(v gjson.Result) string {
	switch v.Type {
	case gjson.String, gjson.True, gjson.False:
		return v.String()
	case gjson.Number:
		if math.IsInf(v.Num, 0) {
			return ""
		}
		return jsText(v)
	}
	return ""
}

// resolvedParams returns params with the enabled ones' keys and values
// replaced by fields, which resolveForm (or formDataBody) made of them in
// order: Newman's test scripts see the form as it was sent.
func resolvedParams(params []collections.FormParam, fields []formKV) []collections.FormParam {
	out := append([]collections.FormParam(nil), params...)
	i := 0
	for j := range out {
		if out[j].Disabled || i >= len(fields) {
			continue
		}
		out[j].Key, out[j].Value = fields[i].key, fields[i].value
		i++
	}
	return out
}

// sentFileParams is form-data params as Newman's test scripts see them
// after sending: postman-runtime makes a file parameter of each file of a
// list that it could read, gives each a stream for value (which toJSON
// leaves out), and disables a single file it could not read. unread holds
// the srcs, as written, that could not be read.
func sentFileParams(params []collections.FormParam, unread map[string]bool) []collections.FormParam {
	var out []collections.FormParam
	for i, p := range params {
		if p.Type != "file" || p.Disabled {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]collections.FormParam, 0, len(params)), params[:i]...)
		}
		switch {
		case base64Part(p):
			p.Has |= collections.FormValueSent
			p.Value, p.ValueJSON = "", ""
		case len(p.Src) == 0 && p.Value != "" && p.ValueJSON == "":
			// Sent as text, which Newman's report keeps.
		default:
			p.Value, p.ValueJSON = "", ""
		}
		if p.Has&collections.FormFileName == 0 && p.Value == "" && p.Has&collections.FormValueSent == 0 && !slices.ContainsFunc(p.Src, func(s string) bool { return s != "" }) {
			// A file part with no file was sent with an empty file name,
			// which postman-runtime writes into the parameter.
			p.Has = p.Has&^collections.FormFileNameNull | collections.FormFileName
			p.FileName = ""
		}
		if p.SrcShape != collections.SrcList || len(p.Src) == 0 {
			p.Disabled = len(p.Src) == 1 && unread[p.Src[0]]
			out = append(out, p)
			continue
		}
		for _, src := range p.Src {
			if unread[src] {
				continue
			}
			one := p
			one.Src, one.SrcShape = []string{src}, collections.SrcString
			out = append(out, one)
		}
	}
	if out == nil {
		return params
	}
	return out
}

// resolvedSrcs is params with the variables in their file paths
// resolved, as Newman's test scripts and report show them once sent.
func resolvedSrcs(params []collections.FormParam, res *variables.Resolver) []collections.FormParam {
	var out []collections.FormParam
	for i, p := range params {
		if !slices.ContainsFunc(p.Src, func(s string) bool { return strings.Contains(s, "{{") }) {
			continue
		}
		if out == nil {
			out = append([]collections.FormParam(nil), params...)
		}
		quiet := quietResolver(res)
		srcs := make([]string, len(p.Src))
		for j, s := range p.Src {
			srcs[j] = quiet.MustReplace(s)
		}
		out[i].Src = srcs
	}
	if out == nil {
		return params
	}
	return out
}

// encodeForm encodes urlencoded fields as Node's querystring.stringify
// does after postman-runtime groups them into an object: repeated keys are
// grouped at their first position, integer-like keys come first
// (JavaScript object order), and only A-Z a-z 0-9 - _ . ~ stay unescaped.
// It is also postman-url-encoder's encodeQueryString, which the signers
// hash.
func encodeForm(kvs []formKV) string {
	type field struct {
		key    string
		values []string
	}
	var fields []*field
	byKey := map[string]*field{}
	for _, kv := range kvs {
		if f, ok := byKey[kv.key]; ok {
			// A list added to a key already there is one more value,
			// which querystring writes empty.
			v := kv.value
			if kv.list {
				v = ""
			}
			f.values = append(f.values, v)
			continue
		}
		f := &field{key: kv.key, values: []string{kv.value}}
		if kv.list {
			// An empty list sends nothing, but later values of its key
			// still go at its place.
			f.values = kv.values
		}
		byKey[kv.key] = f
		fields = append(fields, f)
	}
	sort.SliceStable(fields, func(i, j int) bool {
		ai, aok := arrayIndex(fields[i].key)
		bi, bok := arrayIndex(fields[j].key)
		if aok && bok {
			return ai < bi
		}
		return aok && !bok
	})
	var parts []string
	for _, f := range fields {
		for _, v := range f.values {
			parts = append(parts, formEscape(f.key)+"="+formEscape(v))
		}
	}
	return strings.Join(parts, "&")
}

// arrayIndex reports whether key is a canonical array index, which
// JavaScript orders before other object keys.
func arrayIndex(key string) (uint64, bool) {
	n, err := strconv.ParseUint(key, 10, 32)
	if err != nil || strconv.FormatUint(n, 10) != key || n == 1<<32-1 {
		return 0, false
	}
	return n, true
}

func formEscape(s string) string {
	return escapeBytes(s, func(c byte) bool { return strings.IndexByte("-_.~", c) >= 0 })
}

// escapeBytes percent-encodes every byte but A-Z a-z 0-9 and those keep
// accepts, in upper-case hex, as JavaScript's encoders do.
func escapeBytes(s string, keep func(c byte) bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || keep(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// formDataBody writes a multipart body. The boundary follows the form-data
// package's shape (26 dashes and 24 digits) unless the request's own
// Content-Type names one. Names and file names go into Content-Disposition
// as written, quotes, backslashes and line breaks unescaped, as the
// form-data package writes them: a server sees the bytes Newman sends.
func (r *Runner) formDataBody(params []collections.FormParam, out *outgoing, res *variables.Resolver) ([]byte, string, error) {
	boundary := ""
	if ct, ok := out.header("Content-Type"); ok {
		boundary = formDataBoundary(ct)
	}
	if boundary == "" {
		boundary = "--------------------------" + randomDigits(24)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.SetBoundary(boundary); err != nil {
		return nil, "", fmt.Errorf("form-data boundary %q: %v", boundary, err)
	}
	var fields []formKV
	// unread are the srcs of files that could not be read.
	var unread map[string]bool
	defer func() { out.params = resolvedSrcs(sentFileParams(resolvedParams(params, fields), unread), res) }()
	for _, p := range params {
		if p.Disabled {
			continue
		}
		key, err := res.Replace(p.Key)
		if err != nil {
			return nil, "", err
		}
		if p.Type == "file" {
			fields = append(fields, formKV{key: key, value: p.Value})
			if base64Part(p) {
				// postman-runtime sends the value as base64, a part
				// without a filename unless the collection names one.
				value, err := res.Replace(p.Value)
				if err != nil {
					return nil, "", err
				}
				h := textproto.MIMEHeader{}
				ct := "application/octet-stream"
				if p.Has&collections.FormFileName != 0 {
					h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, key, p.FileName))
					if t := partContentType(p, p.FileName); t != "" {
						ct = t
					}
				} else {
					h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, key))
				}
				if p.ContentType != "" {
					ct = p.ContentType
				}
				h.Set("Content-Type", ct)
				w, err := mw.CreatePart(h)
				if err != nil {
					return nil, "", err
				}
				w.Write(decodeBase64(value))
				continue
			}
			if len(p.Src) == 0 {
				// No file chosen: Postman warns, and sends an empty part,
				// named as the collection's fileName says, else "".
				out.Warnings = append(out.Warnings, fmt.Sprintf("Form param `%s`, file load error: missing file source", key))
				if p.Value != "" && p.ValueJSON == "" {
					// An empty list of srcs beside a value: the value
					// goes as text.
					value, err := res.Replace(p.Value)
					if err != nil {
						return nil, "", err
					}
					if err := writeTextPart(mw, p, key, value); err != nil {
						return nil, "", err
					}
					continue
				}
				h := textproto.MIMEHeader{}
				h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, key, p.FileName))
				if ct := partContentType(p, p.FileName); ct != "" && p.FileName != "" {
					h.Set("Content-Type", ct)
				}
				if _, err := mw.CreatePart(h); err != nil {
					return nil, "", err
				}
				continue
			}
			for _, written := range p.Src {
				src, err := res.Replace(written)
				if err != nil {
					return nil, "", err
				}
				path := r.resolvePath(src)
				data, err := r.readBodyFile(path)
				if err != nil {
					if unread == nil {
						unread = map[string]bool{}
					}
					unread[written] = true
					out.Warnings = append(out.Warnings, fmt.Sprintf("form-data field %q: cannot read file %s (%v); the field was left out", key, path, unwrapPathError(err)))
					continue
				}
				name := filepath.Base(src)
				h := textproto.MIMEHeader{}
				filename := name
				if p.Has&collections.FormFileName != 0 {
					filename = p.FileName
				}
				h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, key, filename))
				ct := p.ContentType
				if ct == "" {
					ct = fileContentType(name)
				}
				h.Set("Content-Type", ct)
				w, err := mw.CreatePart(h)
				if err != nil {
					return nil, "", err
				}
				w.Write(data)
			}
			continue
		}
		value, err := res.Replace(p.Value)
		if err != nil {
			return nil, "", err
		}
		fields = append(fields, formKV{key: key, value: value})
		if err := writeTextPart(mw, p, key, value); err != nil {
			return nil, "", err
		}
	}
	if buf.Len() == 0 {
		return nil, boundary, nil
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), boundary, nil
}

// formDataContentType is postman-request's test of a request's own
// Content-Type for a form-data body: case-sensitive, and the boundary is
// what follows "boundary=", quoted or up to the next ";", spaces and all.
// A value with a space before it does not match, as in Newman.
var formDataContentType = regexp.MustCompile(`^multipart/form-data;.*boundary=(?:"([^"]+)"|([^;]+))`)

// urlencodedType is postman-request's test of a request's own
// Content-Type for a urlencoded body.
var urlencodedType = regexp.MustCompile(`^application/x-www-form-urlencoded\b`)

// formDataBoundary is the boundary a request's own Content-Type gives a
// form-data body, "" when postman-request would not take it from there.
func formDataBoundary(ct string) string {
	m := formDataContentType.FindStringSubmatch(ct)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

func randomDigits(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	for i := range b {
		b[i] = '0' + b[i]%10
	}
	return string(b)
}

// fileBody reads a file-mode body; path is the file read, "" for inline
// content. A file that cannot be read is a *fileBodyError.
func (r *Runner) fileBody(f *collections.BodyFile, res *variables.Resolver) (data []byte, path string, err error) {
	if f.Content != "" && f.Src == "" {
		// postman-runtime sends the content as base64.
		return decodeBase64(f.Content), "", nil
	}
	src, err := res.Replace(f.Src)
	if err != nil {
		return nil, "", err
	}
	path = r.resolvePath(src)
	data, err = r.readBodyFile(path)
	if err != nil {
		return nil, path, &fileBodyError{src: src, err: unwrapPathError(err)}
	}
	return data, path, nil
}

// decodeBase64 decodes s as Node's Buffer.from(s, "base64") does: both
// alphabets, characters outside them skipped, up to the first "=", and a
// last lone character dropped.
func decodeBase64(s string) []byte {
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=':
			i = len(s)
			continue
		case c == '-':
			c = '+'
		case c == '_':
			c = '/'
		case !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/'):
			continue
		}
		clean = append(clean, c)
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	out, _ := base64.RawStdEncoding.DecodeString(string(clean)) // clean holds only the alphabet
	return out
}

// fileBodyError is a file-mode body that could not be read, worded as
// postman-runtime logs it.
type fileBodyError struct {
	src string
	err error
}

func (e *fileBodyError) Error() string {
	return fmt.Sprintf("Binary file load error: %q, %v", e.src, e.err)
}

// mimeTypes are mime-db's types for the extensions files are most often
// sent with, so that a file's Content-Type does not depend on the
// machine's mime.types (Go's own table knows a dozen types).
var mimeTypes = map[string]string{
	".txt": "text/plain", ".csv": "text/csv", ".htm": "text/html", ".html": "text/html",
	".json": "application/json", ".xml": "application/xml", ".js": "application/javascript",
	".css": "text/css", ".md": "text/markdown", ".pdf": "application/pdf", ".zip": "application/zip",
	".gz": "application/gzip", ".tar": "application/x-tar", ".png": "image/png", ".jpg": "image/jpeg",
	".jpeg": "image/jpeg", ".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp",
	".mp4": "video/mp4", ".mp3": "audio/mpeg", ".doc": "application/msword", ".xls": "application/vnd.ms-excel",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// fileContentType is the Content-Type Newman sends a file with: mime-db's
// type for its extension, without parameters, or application/octet-stream.
// writeTextPart writes a part whose value is text: named as a file when
// the collection gives a fileName, as postman-runtime sends it.
func writeTextPart(mw *multipart.Writer, p collections.FormParam, key, value string) error {
	h := textproto.MIMEHeader{}
	if p.Has&collections.FormFileName != 0 {
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, key, p.FileName))
		if ct := partContentType(p, p.FileName); ct != "" {
			h.Set("Content-Type", ct)
		}
	} else {
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, key))
		if p.ContentType != "" {
			h.Set("Content-Type", p.ContentType)
		}
	}
	w, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	_, err = w.Write([]byte(value))
	return err
}

// base64Part reports whether a form-data file part is sent with its
// value's base64 bytes: it has a value but no src (an empty list of
// srcs is a missing one), as postman-runtime reads it.
func base64Part(p collections.FormParam) bool {
	return p.Type == "file" && p.Value != "" && p.ValueJSON == "" && len(p.Src) == 0 && p.SrcShape != collections.SrcList
}

// partContentType is the Content-Type the form-data package gives a text
// part named name: the part's own, else the one name's extension says,
// else none ("").
func partContentType(p collections.FormParam, name string) string {
	if p.ContentType != "" {
		return p.ContentType
	}
	// mime-types' lookup takes the extension of "x." + name, so that a
	// name without a dot ("c") is an extension itself (text/x-c).
	if ct := fileContentType("x." + name); ct != "application/octet-stream" {
		return ct
	}
	return ""
}

func fileContentType(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if t, ok := mimeTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		if mt, _, err := mime.ParseMediaType(t); err == nil {
			return mt
		}
	}
	return "application/octet-stream"
}

func (r *Runner) resolvePath(p string) string {
	if filepath.IsAbs(p) || r.opts.WorkingDir == "" {
		return p
	}
	return filepath.Join(r.opts.WorkingDir, p)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// graphqlBody builds a graphql body as postman-runtime does (see
// encodeGraphQL).
func graphqlBody(g *collections.GraphQL, res *variables.Resolver) ([]byte, error) {
	r, err := resolveGraphQL(g, res)
	if err != nil {
		return nil, err
	}
	return encodeGraphQL(r), nil
}

// resolveGraphQL is g with its variables resolved. In a field that is not
// a string postman-runtime resolves the strings inside the value, so a
// value lands JSON-escaped there, and as is in a string's text.
func resolveGraphQL(g *collections.GraphQL, res *variables.Resolver) (*collections.GraphQL, error) {
	out := *g
	for _, f := range []struct {
		bit collections.GraphQLField
		s   *string
	}{{collections.GraphQLQuery, &out.Query}, {collections.GraphQLOperationName, &out.OperationName}, {collections.GraphQLVariables, &out.Variables}} {
		if !strings.Contains(*f.s, "{{") {
			continue
		}
		var err error
		if g.Literal&f.bit != 0 {
			*f.s, err = resolveJSONStrings(*f.s, res)
		} else {
			*f.s, err = res.Replace(*f.s)
		}
		if err != nil {
			return nil, err
		}
	}
	return &out, nil
}

// resolveJSONStrings resolves the variables in the strings of a JSON
// value, keys left alone, as postman-collection substitutes a request's
// values.
func resolveJSONStrings(text string, res *variables.Resolver) (string, error) {
	v, err := schemadoc.Parse(text)
	if err != nil {
		return res.Replace(text)
	}
	var walk func(v any) (any, error)
	walk = func(v any) (any, error) {
		var err error
		switch x := v.(type) {
		case string:
			return res.Replace(x)
		case []any:
			for i := range x {
				if x[i], err = walk(x[i]); err != nil {
					return nil, err
				}
			}
		case *schemadoc.Object:
			for _, k := range x.Keys {
				if x.Vals[k], err = walk(x.Vals[k]); err != nil {
					return nil, err
				}
			}
		}
		return v, nil
	}
	if v, err = walk(v); err != nil {
		return "", err
	}
	return string(jsJSON(v)), nil
}

// encodeGraphQL is postman-runtime's graphql body. With variables given
// as a string it writes the query and operationName that are strings and
// the variables text as is, unless "", so malformed JSON reaches the
// server unchanged; otherwise it is JSON.stringify of the three fields,
// which leaves out those the collection does not give.
func encodeGraphQL(g *collections.GraphQL) []byte {
	stringVars := (g.Missing|g.Literal)&collections.GraphQLVariables == 0
	var parts []string
	add := func(name, text string, bit collections.GraphQLField) {
		switch {
		case g.Literal&bit == 0:
			parts = append(parts, `"`+name+`":`+string(jsJSON(text)))
		case !stringVars:
			parts = append(parts, `"`+name+`":`+text)
		}
	}
	if g.Missing&collections.GraphQLQuery == 0 {
		add("query", g.Query, collections.GraphQLQuery)
	}
	if g.HasOperationName {
		add("operationName", g.OperationName, collections.GraphQLOperationName)
	}
	if g.Missing&collections.GraphQLVariables == 0 && (!stringVars || g.Variables != "") {
		parts = append(parts, `"variables":`+g.Variables)
	}
	return []byte("{" + strings.Join(parts, ",") + "}")
}

// addSystemHeaders adds what postman-runtime adds when the request does
// not set it and disabledSystemHeaders does not leave it out: User-Agent,
// Accept and Cache-Control. Host, Content-Length, Accept-Encoding and
// Connection are left to Go's transport.
func (r *Runner) addSystemHeaders(out *outgoing) {
	for _, h := range []event.Header{
		{Key: "User-Agent", Value: r.userAgent()},
		{Key: "Accept", Value: "*/*"},
		{Key: "Cache-Control", Value: "no-cache"},
	} {
		if out.systemOff(strings.ToLower(h.Key)) {
			continue
		}
		if _, ok := out.header(h.Key); !ok {
			out.addSystemHeader(h.Key, h.Value)
		}
	}
}

func (r *Runner) userAgent() string {
	if r.opts.UserAgent != "" {
		return r.opts.UserAgent
	}
	return "colrun"
}

// quietResolver resolves like res but does not add to res's unresolved
// names: what is not sent should not be warned about.
func quietResolver(res *variables.Resolver) *variables.Resolver {
	return &variables.Resolver{Scopes: res.Scopes, DataNullAsText: res.DataNullAsText}
}

// hasVariable reports whether a description's text names a variable.
// Content that is not text (a number, an object) is shown as written.
func hasVariable(d *collections.Description) bool {
	return d != nil && !d.Literal && strings.Contains(d.Content, "{{")
}

// resolveDescription returns a copy of d, its variables resolved as
// Newman's report shows them; the loaded collection's stays as written.
func resolveDescription(d *collections.Description, quiet *variables.Resolver) *collections.Description {
	c := *d
	c.Content = quiet.MustReplace(c.Content)
	return &c
}

// specParams is a form's fields as Newman's report lists them: the
// disabled ones resolved too (test scripts see them as written, but the
// report does). params is shared unless a disabled field has a variable.
func specParams(params []collections.FormParam, res *variables.Resolver) []collections.FormParam {
	var out []collections.FormParam
	for i, p := range params {
		// Sent entries are resolved already; Newman's report also resolves
		// descriptions and disabled entries.
		keys := p.Disabled && strings.Contains(p.Key+p.Value, "{{")
		desc := hasVariable(p.Description)
		if !keys && !desc {
			continue
		}
		if out == nil {
			out = append([]collections.FormParam(nil), params...)
		}
		quiet := quietResolver(res)
		if keys {
			out[i].Key, out[i].Value = quiet.MustReplace(p.Key), quiet.MustReplace(p.Value)
		}
		if desc {
			out[i].Description = resolveDescription(p.Description, quiet)
		}
	}
	if out == nil {
		return params
	}
	return out
}

// resolvedSpec is a body that is not sent (disabled, empty, or pruned
// from a GET) with its variables resolved, as Newman's report lists it.
func resolvedSpec(b *collections.Body, res *variables.Resolver) *collections.Body {
	quiet := quietResolver(res)
	spec := b.Clone()
	spec.Raw = quiet.MustReplace(spec.Raw)
	for _, ps := range [][]collections.FormParam{spec.URLEncoded, spec.FormData} {
		for i := range ps {
			ps[i].Key, ps[i].Value = quiet.MustReplace(ps[i].Key), quiet.MustReplace(ps[i].Value)
		}
	}
	if spec.File != nil {
		spec.File.Src = quiet.MustReplace(spec.File.Src)
	}
	if g := spec.GraphQL; g != nil {
		g.Query, g.Variables = quiet.MustReplace(g.Query), quiet.MustReplace(g.Variables)
		g.OperationName = quiet.MustReplace(g.OperationName)
	}
	return spec
}
