// Package event defines the typed stream a run emits and reporters read.
//
// A run is a sequence of Events: RunStart, then per iteration an
// IterationStart, per request an ItemStart, ScriptRun and Console events,
// a Request, Assertions, an ItemEnd, then IterationEnd, and finally
// RunEnd. A script's pm.sendRequest calls are Requests of the item too
// (Request.Script says which kind of script sent them), placed among the
// script's Console and Assertion events where each answer came back. Assertion failures, script errors and request errors are data in
// this stream, never Go errors, so that every reporter sees the same facts.
//
// Every type here encodes to JSON, so a stream can be recorded (one Event
// per line) and replayed into a reporter; reporter tests use recorded
// streams against golden files.
package event

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/colrun/colrun/collections"
)

// Event is one message of the stream; exactly one field is set.
type Event struct {
	RunStart       *RunStart       `json:"runStart,omitempty"`
	IterationStart *IterationStart `json:"iterationStart,omitempty"`
	ItemStart      *ItemStart      `json:"itemStart,omitempty"`
	Script         *ScriptRun      `json:"script,omitempty"`
	Console        *Console        `json:"console,omitempty"`
	Request        *Request        `json:"request,omitempty"`
	Assertion      *Assertion      `json:"assertion,omitempty"`
	ItemEnd        *ItemEnd        `json:"itemEnd,omitempty"`
	IterationEnd   *IterationEnd   `json:"iterationEnd,omitempty"`
	RunEnd         *RunEnd         `json:"runEnd,omitempty"`
	// Warning is a run-level notice (e.g. an unresolved variable under
	// --verbose, a body cut to the kept size) that is not a failure.
	Warning *Warning `json:"warning,omitempty"`
}

// Handler consumes events. Reporters are Handlers; an error from Handle
// (a report file that cannot be written) is reported by the caller but
// does not stop the run.
type Handler interface {
	Handle(Event) error
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(Event) error

// Handle calls f(e).
func (f HandlerFunc) Handle(e Event) error { return f(e) }

// RunStart opens the stream.
type RunStart struct {
	Collection CollectionInfo `json:"collection"`
	// Environment and Globals name the files' documents, if any.
	Environment string `json:"environment,omitempty"`
	Globals     string `json:"globals,omitempty"`
	// Iterations is the number of iterations planned.
	Iterations int `json:"iterations"`
	// Requests is the number of requests per iteration (after --folder).
	Requests int       `json:"requests"`
	Started  time.Time `json:"started"`
}

// CollectionInfo identifies the collection being run.
type CollectionInfo struct {
	ID          string `json:"id,omitempty"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// DescriptionValue is the description as the collection gives it
	// (its type, content that is not text), for the JSON report; streams
	// recorded before it existed have the text alone.
	DescriptionValue *collections.Description `json:"descriptionValue,omitempty"`
}

// IterationStart opens an iteration (0-based).
type IterationStart struct {
	Iteration int `json:"iteration"`
	Count     int `json:"count"`
}

// Cursor locates one execution of a request: iteration, position within
// the iteration, and a ref unique within the run (like Newman's cursor.ref).
type Cursor struct {
	Iteration int    `json:"iteration"`
	Position  int    `json:"position"`
	Length    int    `json:"length"`
	Ref       string `json:"ref"`
}

// ItemRef names a request item and the folders above it.
type ItemRef struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
	// Folders lists the enclosing folder names, outermost first.
	Folders []string `json:"folders,omitempty"`
	// FolderIDs lists the enclosing folders' ids, outermost first (a
	// runner generates one for a folder without, as Newman does): Newman
	// names a folder without a name by it, and the JSON report's failures
	// give the parent folder's id. Nil when a runner does not know them.
	FolderIDs []string `json:"folderIds,omitempty"`
}

// ItemStart opens one execution of a request item.
type ItemStart struct {
	Cursor Cursor  `json:"cursor"`
	Item   ItemRef `json:"item"`
}

// ScriptRun reports that one script (collection, folder or request level)
// ran for an item; Error is set when it threw or timed out.
type ScriptRun struct {
	Cursor Cursor  `json:"cursor"`
	Item   ItemRef `json:"item"`
	// Listen is "prerequest" or "test".
	Listen string `json:"listen"`
	// Level is "collection", "folder" or "request": where the script lives.
	Level string       `json:"level"`
	Error *ScriptError `json:"error,omitempty"`
}

// ScriptError is an error thrown by a script, with its position in the
// script when known (1-based).
type ScriptError struct {
	// Name is the JavaScript error name (TypeError, ReferenceError, ...);
	// a script that ran out of time fails with an Error, as in Newman.
	Name    string `json:"name"`
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Stack   string `json:"stack,omitempty"`
}

// Error is the engine's name and message, and the line when known.
func (e *ScriptError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: %s (line %d)", e.Name, e.Message, e.Line)
	}
	return e.Name + ": " + e.Message
}

// Console is one console.log/info/warn/error call from a script.
type Console struct {
	Cursor Cursor  `json:"cursor"`
	Item   ItemRef `json:"item"`
	// Level is log, info, warn, error or debug.
	Level    string   `json:"level"`
	Messages []string `json:"messages"`
}

// Header is one HTTP header, in the order it was sent or received.
type Header struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// System marks a sent header the request did not set, one the runner
	// or the transport added (User-Agent, Host, Content-Length...);
	// Newman's JSON report flags those "system": true.
	System bool `json:"system,omitempty"`
	// Disabled marks a header the request lists but does not send:
	// Newman's report and test scripts still list it, in its place among
	// the request's own headers. Readers that count or size what went on
	// the wire skip it.
	Disabled bool `json:"disabled,omitempty"`
	// DisabledAs is how the collection writes an enabled header's
	// "disabled" (false, null), which Newman's report lists as written.
	DisabledAs collections.DisabledShape `json:"disabledAs,omitempty"`
	// Description is the collection's description of a header the
	// request set, which Newman's JSON report lists; readers must not
	// change it (it is the loaded collection's).
	Description *collections.Description `json:"description,omitempty"`
}

// NodeError holds the properties Node sets on a network error besides its
// message, in the order Node lists them: connect ECONNREFUSED has errno,
// code, syscall, address and port; getaddrinfo ENOTFOUND has errno, code,
// syscall and hostname; "socket hang up" has only code; a
// --timeout-request timeout has code and connect.
type NodeError struct {
	Errno    int    `json:"errno,omitempty"`
	Code     string `json:"code,omitempty"`
	Syscall  string `json:"syscall,omitempty"`
	Address  string `json:"address,omitempty"`
	Port     int    `json:"port,omitempty"`
	Hostname string `json:"hostname,omitempty"`
	// Connect is set on a --timeout-request timeout, as postman-request
	// sets it: true with ETIMEDOUT when no connection was made in time,
	// false with ESOCKETTIMEDOUT when the connection was made and the
	// answer was late.
	Connect *bool `json:"connect,omitempty"`
}

// nodeErrorClasses are the JavaScript classes of the Node errors with an
// ERR_ code that colrun reports; other errors are plain Errors.
var nodeErrorClasses = map[string]string{
	"ERR_SOCKET_BAD_PORT":      "RangeError",
	"ERR_UNESCAPED_CHARACTERS": "TypeError",
	"ERR_INVALID_HTTP_TOKEN":   "TypeError",
	"ERR_INVALID_CHAR":         "TypeError",
}

// Name is the error's JavaScript name as Newman reports it ("RangeError"
// for a bad port), "Error" for most network errors and for a nil n.
func (n *NodeError) Name() string {
	if n != nil {
		if name, ok := nodeErrorClasses[n.Code]; ok {
			return name
		}
	}
	return "Error"
}

// StackHead is the first line of the error's stack as Node writes it:
// "Error: msg", and for Node's own coded errors the code too
// ("RangeError [ERR_SOCKET_BAD_PORT]: msg").
func (n *NodeError) StackHead(msg string) string {
	if n != nil && strings.HasPrefix(n.Code, "ERR_") {
		return n.Name() + " [" + n.Code + "]: " + msg
	}
	return n.Name() + ": " + msg
}

// Request reports one HTTP exchange of an item: what was sent and what
// came back, or the error that prevented a response.
type Request struct {
	Cursor Cursor      `json:"cursor"`
	Item   ItemRef     `json:"item"`
	Sent   SentRequest `json:"sent"`
	Resp   *Response   `json:"response,omitempty"`
	Error  string      `json:"error,omitempty"`
	// ErrorDetail explains Error in plain words (which host, what
	// happened) beyond Newman's wording, which Error keeps exactly; the
	// cli reporter shows it under --verbose.
	ErrorDetail string `json:"errorDetail,omitempty"`
	// ErrorFields are the properties Node gives the same network error
	// (code, errno, syscall...), which Newman's JSON report carries and
	// CI scripts read; nil for errors Node has no such fields for.
	ErrorFields *NodeError   `json:"errorFields,omitempty"`
	Redirs      []Redirected `json:"redirects,omitempty"`
	// Unresolved lists {{variables}} left unresolved in the request.
	Unresolved []string `json:"unresolved,omitempty"`
	// Script is "prerequest" or "test" when a pm.sendRequest in one of
	// the item's scripts of that kind sent the request; "" for the item's
	// own request. Newman counts, prints and fails both kinds alike (a
	// failed pm.sendRequest fails the run), and so do the reporters.
	Script string `json:"script,omitempty"`
}

// Redirected is one redirect hop that was followed.
type Redirected struct {
	Status int    `json:"status"`
	URL    string `json:"url"`
}

// SentRequest is the request as it went on the wire.
type SentRequest struct {
	Method string `json:"method"`
	// URL is the URL as sent: percent-encoded, without the fragment.
	URL string `json:"url"`
	// PostmanURL is the URL as Postman's Url.toString() gives it after
	// variables are resolved and auth applied: not percent-encoded, the
	// protocol's case and the #fragment kept. Newman's cli reporter
	// prints this form, so colrun's does too; "" in streams recorded
	// before it existed (reporters then fall back to URL).
	PostmanURL string `json:"postmanUrl,omitempty"`
	// Fragment is the URL's #fragment (without "#"), which is never sent
	// but which Newman's json report keeps as url.hash.
	Fragment string `json:"fragment,omitempty"`
	// EmptyFragment marks a URL that ends in a bare "#": Newman's json
	// report keeps its empty hash ("hash": ""), which a URL without "#"
	// does not have.
	EmptyFragment bool     `json:"emptyFragment,omitempty"`
	Headers       []Header `json:"headers"`
	// Body holds the kept part of the body; BodySize is its full length.
	Body     []byte `json:"body,omitempty"`
	BodySize int64  `json:"bodySize"`
	// Spec is the body as the collection defines it (mode, raw,
	// urlencoded, formdata, file, graphql), variables resolved as sent,
	// which Newman's json report lists instead of the wire bytes; also
	// when it was not sent (disabled, or pruned from a GET). It is the
	// runner's own resolved body, shared rather than copied for each
	// request: readers must not change it. nil when the request has none.
	Spec *collections.Body `json:"spec,omitempty"`
	// Auth is the auth block Newman's json report lists for the request,
	// variables resolved: once a response came, the one it was signed
	// with (its own, or a folder's or the collection's, noauth too); for
	// a request that got none, or whose auth type has no handler, its own
	// block alone (postman-runtime puts the inherited one on the request
	// only after the response). nil when the report lists none. Readers
	// must not change it.
	Auth *collections.Auth `json:"auth,omitempty"`
}

// Response is an HTTP response as kept for scripts and reporters.
type Response struct {
	Code    int      `json:"code"`
	Status  string   `json:"status"`
	Proto   string   `json:"proto,omitempty"`
	Headers []Header `json:"headers"`
	// Body holds the kept part of the body (all of it unless it exceeded
	// the configured cap); BodySize is the full decoded length.
	Body      []byte `json:"body,omitempty"`
	BodySize  int64  `json:"bodySize"`
	Truncated bool   `json:"truncated,omitempty"`
	// HeaderSize approximates the bytes of the status line and headers.
	HeaderSize int64         `json:"headerSize"`
	Time       time.Duration `json:"time"`
	Timings    *Timings      `json:"timings,omitempty"`
}

// Header returns the first value of a header, case-insensitively.
func (r *Response) Header(key string) string {
	if r == nil {
		return ""
	}
	for _, h := range r.Headers {
		if strings.EqualFold(h.Key, key) {
			return h.Value
		}
	}
	return ""
}

// ReportedBodySize is the body size Newman's reports count
// (postman-collection's Response.size().body): a gzip or deflate body's
// Content-Length, the size it crossed the wire with, when the server
// sent a numeric one; otherwise the decoded length.
func (r *Response) ReportedBodySize() int64 {
	if enc := strings.ToLower(r.Header("Content-Encoding")); strings.Contains(enc, "gzip") || strings.Contains(enc, "deflate") {
		if n, err := strconv.ParseInt(strings.TrimSpace(r.Header("Content-Length")), 10, 64); err == nil && n >= 0 {
			return n
		}
	}
	return r.BodySize
}

// Timings splits a response time into phases, for --verbose.
type Timings struct {
	DNS       time.Duration `json:"dns"`
	Connect   time.Duration `json:"connect"`
	TLS       time.Duration `json:"tls"`
	FirstByte time.Duration `json:"firstByte"`
	Download  time.Duration `json:"download"`
}

// Assertion is one pm.test (or legacy tests[...]) result.
type Assertion struct {
	Cursor Cursor  `json:"cursor"`
	Item   ItemRef `json:"item"`
	Name   string  `json:"name"`
	// Index is the assertion's position within its script's run (from 0,
	// as Newman's error.index and "at assertion:N" count).
	Index   int  `json:"index"`
	Skipped bool `json:"skipped,omitempty"`
	// Error is set when the assertion failed.
	Error *AssertionError `json:"error,omitempty"`
}

// Passed reports whether the assertion ran and did not fail.
func (a *Assertion) Passed() bool { return !a.Skipped && a.Error == nil }

// AssertionError describes a failed assertion.
type AssertionError struct {
	// Name is "AssertionError" for chai failures, or the name of the error
	// a test function threw.
	Name    string `json:"name"`
	Message string `json:"message"`
	Stack   string `json:"stack,omitempty"`
}

// ItemEnd closes an item execution.
type ItemEnd struct {
	Cursor Cursor  `json:"cursor"`
	Item   ItemRef `json:"item"`
	// Skipped is true when the item's pre-request scripts kept its
	// request from being sent, so its test scripts never ran: one called
	// skipRequest, or one failed under --bail.
	Skipped bool `json:"skipped,omitempty"`
	// NextRequest is the name or id the item's test scripts last passed
	// to setNextRequest ("" when none did, or passed null), which
	// Newman's cli reporter announces after the item's output.
	NextRequest string `json:"nextRequest,omitempty"`
}

// IterationEnd closes an iteration.
type IterationEnd struct {
	Iteration int `json:"iteration"`
}

// RunEnd closes the stream.
type RunEnd struct {
	Completed time.Time `json:"completed"`
	// Error is a run-level failure that stopped the run early (a failed
	// Tableau sign-in, a variable cycle, --bail); "" when it ran through.
	Error string `json:"error,omitempty"`
	// Bailed is true when --bail stopped the run at the first failure.
	Bailed bool `json:"bailed,omitempty"`
}

// Warning is a notice that is not a failure.
type Warning struct {
	Cursor  *Cursor  `json:"cursor,omitempty"`
	Item    *ItemRef `json:"item,omitempty"`
	Message string   `json:"message"`
}

// Encoder writes events as JSON lines, for recording a stream.
type Encoder struct{ enc *json.Encoder }

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{enc: json.NewEncoder(w)} }

// Handle writes one event.
func (e *Encoder) Handle(ev Event) error { return e.enc.Encode(ev) }

// Replay reads a recorded JSON-lines stream and feeds each event to h, for
// reporter tests and for re-rendering a run.
func Replay(r io.Reader, h Handler) error {
	dec := json.NewDecoder(r)
	for {
		var ev Event
		err := dec.Decode(&ev)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("event stream: %w", err)
		}
		if err := h.Handle(ev); err != nil {
			return err
		}
	}
}
