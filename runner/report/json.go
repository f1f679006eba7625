package report

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// JSON is the json reporter: Newman's summary document (collection,
// environment, globals, run with executions, stats, timings, transfers,
// failures and error), written as the run goes. Each execution is written
// when its item ends and then forgotten, so memory does not grow with the
// run (issue 6); stats and failures, known only at the end, follow the
// executions in the run object.
type JSON struct {
	sum  *Summary
	own  bool
	sink *fileSink
	w    *bufio.Writer

	execs map[string]*execution
	// failCursors holds each failure's cursor as it was when the failure
	// happened (Newman's is a snapshot: a failure before the request has
	// no httpRequestId), parallel to the Summary's failures.
	failCursors []jsonCursor
	n           int
	head        bool
	finished    bool
	token       string
	err         error
	errSent     bool
}

// NewJSON returns a json reporter writing the report to path, through a
// temporary file renamed into place at RunEnd or Close. An empty path, or
// an existing directory, gets Newman's default file name under newman/.
// sum is the shared Summary the caller feeds first; nil makes the reporter
// keep its own.
func NewJSON(path string, sum *Summary) (*JSON, error) {
	sink, err := openSink(path, "newman-run-report", ".json")
	if err != nil {
		return nil, fmt.Errorf("json reporter: %w", err)
	}
	j := NewJSONWriter(nil, sum)
	j.sink, j.w = sink, sink.Writer
	return j, nil
}

// NewJSONWriter returns a json reporter streaming the report to w, for
// tests and for writing to stdout; nothing is renamed.
func NewJSONWriter(w io.Writer, sum *Summary) *JSON {
	j := &JSON{sum: sum, execs: map[string]*execution{}, token: placeholderToken()}
	if w != nil {
		j.w = bufio.NewWriter(w)
	}
	if sum == nil {
		j.sum, j.own = NewSummary(), true
	}
	return j
}

// Path is the report's file name ("" for a writer, or while a default
// name waits for the run's start time).
func (j *JSON) Path() string {
	if j.sink == nil {
		return ""
	}
	return j.sink.Path()
}

// Handle adds e to the report.
func (j *JSON) Handle(e event.Event) error {
	if j.own {
		_ = j.sum.Handle(e)
	}
	if j.err != nil || j.finished {
		return nil
	}
	switch {
	case e.RunStart != nil:
		j.writeHead()
	case e.ItemStart != nil:
		j.exec(e.ItemStart.Cursor, e.ItemStart.Item)
	case e.Script != nil:
		if se := e.Script.Error; se != nil {
			x := j.exec(e.Script.Cursor, e.Script.Item)
			s := jsonScriptError{Error: newScriptError(se, e.Script.Listen)}
			if e.Script.Listen == "test" {
				x.TestScript = append(x.TestScript, s)
				x.set(keyTestScript)
			} else {
				x.PrerequestScript = append(x.PrerequestScript, s)
				x.set(keyPrerequestScript)
			}
		}
	case e.Request != nil:
		j.request(e.Request)
	case e.Assertion != nil:
		a := e.Assertion
		x := j.exec(a.Cursor, a.Item)
		ja := jsonAssertion{Assertion: a.Name, Skipped: a.Skipped}
		if a.Error != nil {
			idx := a.Index
			name := orDefault(a.Error.Name, "AssertionError")
			ja.Error = &jsonError{Name: name, Index: &idx, Test: a.Name, Message: a.Error.Message, Stack: stackOf(name, a.Error.Message, a.Error.Stack)}
		}
		x.Assertions = append(x.Assertions, ja)
		x.set(keyAssertions)
	case e.ItemEnd != nil:
		if x, ok := j.execs[e.ItemEnd.Cursor.Ref]; ok {
			delete(j.execs, e.ItemEnd.Cursor.Ref)
			j.writeExec(x)
		}
	case e.RunEnd != nil:
		j.noteFailures()
		j.finish()
	}
	j.noteFailures()
	return j.report()
}

// noteFailures keeps the cursor of each failure the Summary added for the
// event just handled, while its execution is still open.
func (j *JSON) noteFailures() {
	for _, f := range j.sum.Failures[len(j.failCursors):] {
		c := j.cursor(f.Cursor)
		if x, ok := j.execs[f.Cursor.Ref]; ok && f.HasCursor {
			c.HTTPRequestID = x.Cursor.HTTPRequestID
		}
		j.failCursors = append(j.failCursors, c)
	}
}

// report returns a write error the first time only: the caller logs it,
// and the run goes on without hearing it again for every event.
func (j *JSON) report() error {
	if j.err != nil && !j.errSent {
		j.errSent = true
		return j.err
	}
	return nil
}

// Close finishes the report if RunEnd never came (the run was interrupted
// or crashed in a way the caller caught): the document is completed with
// what was seen and run.error says the run did not complete.
func (j *JSON) Close() error {
	if !j.finished && j.err == nil {
		j.finish()
	}
	if j.sink != nil && j.err != nil {
		j.sink.abort()
	}
	return j.err
}

// exec returns the open execution for a cursor, creating it for events
// that arrive without an ItemStart.
func (j *JSON) exec(c event.Cursor, it event.ItemRef) *execution {
	x, ok := j.execs[c.Ref]
	if !ok {
		x = &execution{jsonExecution: jsonExecution{Cursor: j.cursor(c), Item: jsonItem{ID: it.ID, Name: it.Name}, ID: it.ID}}
		x.set(keyCursor)
		x.set(keyItem)
		j.execs[c.Ref] = x
	}
	return x
}

func (j *JSON) cursor(c event.Cursor) jsonCursor {
	return jsonCursor{Ref: c.Ref, Length: c.Length, Cycles: j.sum.Cycles, Position: c.Position, Iteration: c.Iteration}
}

// request records one request event of an item. Newman keeps one object
// per cursor and lists it in executions once per request event, a
// pm.sendRequest's too; each event overwrites the object's request,
// response and id, so every entry shows the item's last request (its own,
// unless a test script sent one after it), and a request error stays once
// set.
func (j *JSON) request(r *event.Request) {
	x := j.exec(r.Cursor, r.Item)
	x.entries++
	x.hasRequest = true
	x.Cursor.HTTPRequestID = httpRequestID(r.Cursor.Ref, x.entries)
	x.ID = r.Item.ID
	if r.Script != "" {
		x.sends++
		x.ID = sendID(r.Cursor.Ref, x.sends)
	}
	fillRequest(x, r, j.token)
}

// httpRequestID is the cursor's httpRequestId after an item's nth request
// event (from 1): a random UUID in Newman, derived here from the cursor so
// that reports of the same stream are the same.
func httpRequestID(ref string, n int) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("colrun:httpRequest:"+ref+"#"+strconv.Itoa(n))).String()
}

// responseID is the id of the response to the request whose
// httpRequestId is given: a random UUID in Newman (postman-collection's
// Response), derived here so that reports of the same stream are the same.
func responseID(httpRequestID string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("colrun:response:"+httpRequestID)).String()
}

// sendID is the id of an item's nth pm.sendRequest (from 1). Newman gives
// each a random UUID; this one is derived from the cursor so that the
// execution and the failure of the same send agree, and reports of the
// same stream are the same.
func sendID(ref string, n int) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("colrun:sendRequest:"+ref+"#"+strconv.Itoa(n))).String()
}

// newRequest lists a sent request in Newman's shape.
func newRequest(s event.SentRequest) *jsonRequest {
	u := newURL(s.URL)
	if s.Fragment != "" || s.EmptyFragment {
		u.Hash = &s.Fragment
	}
	req := &jsonRequest{URL: u, Header: headers(s.Headers), Method: s.Method, Auth: newAuth(s.Auth)}
	switch {
	case s.Spec != nil:
		req.Body = newBody(s.Spec)
	case len(s.Body) > 0:
		// A stream recorded before Spec existed: the wire bytes.
		req.Body = &jsonBody{Mode: "raw", Raw: jsJSON(string(s.Body))}
	}
	return req
}

// fillRequest sets an execution's request and its response or error; an
// error leaves no response, as in Newman.
func fillRequest(x *execution, r *event.Request, token string) {
	x.Request = newRequest(r.Sent)
	x.set(keyRequest)
	if r.Error != "" || r.Resp == nil {
		// Newman writes the error object itself, whose name and message
		// are not enumerable: only Node's properties show.
		x.RequestError = r.ErrorFields
		if x.RequestError == nil {
			x.RequestError = &event.NodeError{}
		}
		x.Response, x.body = nil, nil
		// Newman assigns response (undefined) and id with the request,
		// so their places come before requestError's.
		x.set(keyResponse)
		x.set(keyID)
		x.set(keyRequestError)
		return
	}
	res := r.Resp
	x.Response = &jsonResponse{
		ID:     responseID(x.Cursor.HTTPRequestID),
		Status: reason(res.Code, res.Status), Code: res.Code, Header: headers(res.Headers),
		Stream: json.RawMessage(strconv.Quote(token)), Cookie: []struct{}{},
		ResponseTime: wholeMillis(res.Time), ResponseSize: res.BodySize, Truncated: res.Truncated,
	}
	x.body = res.Body
	x.set(keyResponse)
	x.set(keyID)
}

func (j *JSON) writeHead() {
	if j.head {
		return
	}
	j.head = true
	s := j.sum
	j.w.WriteString("{\n")
	j.key("  ", "collection", j.collection(), true)
	j.key("  ", "environment", jsonScope{Name: s.Environment, Values: []struct{}{}}, true)
	j.key("  ", "globals", jsonScope{Name: s.Globals, Values: []struct{}{}}, true)
	j.w.WriteString("  \"run\": {\n    \"executions\": [")
}

// collection is the report's collection member: its info alone.
func (j *JSON) collection() jsonCollection {
	s := j.sum
	col := jsonCollection{Info: jsonInfo{ID: collectionID(s.Collection), Name: s.Collection.Name, Schema: schemaV21,
		Description: newDescription(s.Collection.DescriptionValue)}}
	if d := s.Collection.DescriptionValue; d != nil && d.Falsy {
		col.Info.Description = &jsonDescription{} // Newman's {}
	}
	if col.Info.Description == nil && s.Collection.Description != "" {
		// A stream recorded before DescriptionValue: the text alone.
		col.Info.Description = newDescription(&collections.Description{Content: s.Collection.Description})
	}
	return col
}

// marshalJS is json.Marshal without Go's escaping of <, > and &, which
// JSON.stringify writes as they are: a report grepped for a name with
// them ("A & B") finds it, as in Newman's.
func marshalJS(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// marshalIndentJS is json.MarshalIndent as marshalJS writes.
func marshalIndentJS(v any, prefix, indent string) ([]byte, error) {
	b, err := marshalJS(v)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, prefix, indent); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func (j *JSON) key(indent, name string, v any, comma bool) {
	b, err := marshalIndentJS(v, indent, "  ")
	if err != nil {
		j.setErr(err)
		return
	}
	j.w.WriteString(indent + strconv.Quote(name) + ": ")
	j.w.Write(b)
	if comma {
		j.w.WriteString(",")
	}
	j.w.WriteString("\n")
}

func (j *JSON) setErr(err error) {
	if j.err == nil {
		j.err = fmt.Errorf("json reporter: %w", err)
	}
}

// writeExec writes one execution. The response body goes in Newman's
// Buffer form, {"type": "Buffer", "data": [bytes]}, kept on one line
// instead of Newman's one byte per line.
func (j *JSON) writeExec(x *execution) {
	// Newman lists the same object once per request event of the item.
	j.writeOne(x)
	for i := 1; i < x.entries; i++ {
		j.writeOne(x)
	}
}

func (j *JSON) writeOne(x *execution) {
	if !x.hasRequest {
		// Skipped by its pre-request script, or stopped there by --bail:
		// Newman lists an execution only when a request event comes, so
		// that script's pm.test results and error are in the failures
		// alone.
		return
	}
	j.writeHead()
	b, err := x.marshal("      ")
	if err != nil {
		j.setErr(err)
		return
	}
	if x.Response != nil {
		b = bytes.Replace(b, []byte(strconv.Quote(j.token)), bufferJSON(x.body), 1)
	}
	if j.n > 0 {
		j.w.WriteString(",")
	}
	j.n++
	j.w.WriteString("\n      ")
	if _, err := j.w.Write(b); err != nil {
		j.setErr(err)
	}
}

func bufferJSON(body []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(body)*4 + 32)
	b.WriteString(`{"type": "Buffer", "data": [`)
	for i, c := range body {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(int(c)))
	}
	b.WriteString("]}")
	return b.Bytes()
}

func (j *JSON) finish() {
	j.finished = true
	j.writeHead()
	// Items still open were cut off by the end of the run; write them in
	// run order so the document holds everything that happened.
	open := make([]*execution, 0, len(j.execs))
	for _, x := range j.execs {
		open = append(open, x)
	}
	sort.Slice(open, func(a, b int) bool {
		if open[a].Cursor.Iteration != open[b].Cursor.Iteration {
			return open[a].Cursor.Iteration < open[b].Cursor.Iteration
		}
		return open[a].Cursor.Position < open[b].Cursor.Position
	})
	for _, x := range open {
		j.writeExec(x)
	}
	clear(j.execs)
	if j.n > 0 {
		j.w.WriteString("\n    ")
	}
	j.w.WriteString("],\n")
	s := j.sum
	j.key("    ", "stats", s.Stats, true)
	t := s.Timings
	j.key("    ", "timings", jsonTimings{
		ResponseAverage: t.ResponseMS.Average, ResponseMin: int64(t.ResponseMS.Min), ResponseMax: int64(t.ResponseMS.Max), ResponseSd: t.ResponseMS.SD,
		DNSAverage: t.DNS.Average, DNSMin: t.DNS.Min, DNSMax: t.DNS.Max, DNSSd: t.DNS.SD,
		FirstByteAverage: t.FirstByte.Average, FirstByteMin: t.FirstByte.Min, FirstByteMax: t.FirstByte.Max, FirstByteSd: t.FirstByte.SD,
		Started: unixMillis(t.Started), Completed: unixMillis(t.Completed),
	}, true)
	j.key("    ", "transfers", map[string]int64{"responseTotal": s.ResponseTotal}, true)
	j.w.WriteString(`    "failures": [`)
	for i, f := range s.Failures {
		jf := j.failure(f)
		if _, ok := jf.Cursor.(jsonCursor); ok && i < len(j.failCursors) {
			jf.Cursor = j.failCursors[i]
		}
		b, err := marshalIndentJS(jf, "      ", "  ")
		if err != nil {
			j.setErr(err)
			break
		}
		if i > 0 {
			j.w.WriteString(",")
		}
		j.w.WriteString("\n      ")
		j.w.Write(b)
	}
	if len(s.Failures) > 0 {
		j.w.WriteString("\n    ")
	}
	j.w.WriteString("],\n")
	var runErr *jsonError
	if msg := s.runError(); msg != "" {
		runErr = &jsonError{Name: "RunError", Message: msg}
	} else if !s.Started() {
		runErr = &jsonError{Name: "RunError", Message: "the run never started"}
	}
	j.key("    ", "error", runErr, false)
	j.w.WriteString("  }\n}") // JSON.stringify writes no final newline
	if err := j.w.Flush(); err != nil {
		j.setErr(err)
	}
	if j.sink != nil {
		if j.err != nil {
			j.sink.abort()
		} else if err := j.sink.commit(s.Timings.Started); err != nil {
			j.setErr(err)
		}
	}
}

func (j *JSON) failure(f Failure) jsonFailure {
	jf := jsonFailure{At: f.At}
	switch f.Kind {
	case FailAssertion:
		idx := f.Index
		jf.Error = &jsonError{Name: f.Name, Index: &idx, Test: f.Test, Message: f.Message, Stack: stackOf(f.Name, f.Message, f.Stack)}
	case FailScript:
		jf.Error = newScriptError(&event.ScriptError{Name: f.Name, Message: f.Message, Line: f.Line, Column: f.Column, Stack: f.Stack}, f.Listen)
	case FailRequest:
		jf.Error = requestError(f.Node, f.Message, f.Stack)
	default:
		jf.Error = &jsonError{Name: f.Name, Message: f.Message, Stack: f.Stack}
	}
	switch {
	case f.HasCursor && f.Send != nil:
		// Newman's source is the item pm.sendRequest built, which has
		// no name and no parent.
		jf.Source = &jsonSendItem{ID: f.SendID, Request: newRequest(*f.Send), Response: []struct{}{}, Event: []struct{}{},
			ProtocolProfileBehavior: map[string]bool{"disableBodyPruning": true}}
		jf.Cursor = j.cursor(f.Cursor)
	case f.HasCursor:
		jf.Source = &jsonItem{ID: f.Item.ID, Name: f.Item.Name}
		jf.Cursor = j.cursor(f.Cursor)
		switch n := len(f.Item.Folders); {
		case f.Kind == FailRequest:
			// Newman's request event carries an item without its
			// place in the tree, so a request failure has no parent.
		case n > 0:
			// Newman's parent is the whole folder; consumers read its id
			// and name, the id known when the runner gives FolderIDs.
			p := &jsonItem{Name: f.Item.Folders[n-1]}
			if len(f.Item.FolderIDs) == n {
				p.ID = f.Item.FolderIDs[n-1]
			}
			jf.Parent = p
		default:
			// A top-level item's parent is the collection, as in
			// Newman's, so .parent.info.name names it.
			jf.Parent = j.collection()
		}
	default:
		jf.Cursor = struct{}{} // Newman writes {} for failures outside an item
	}
	return jf
}

// stackOf is the error's stack, or Newman's first stack line when the
// runner gave none, so readers of error.stack always find the message.
func stackOf(name, msg, stack string) string {
	if stack != "" {
		return stack
	}
	return name + ": " + msg
}

func newScriptError(se *event.ScriptError, listen string) *jsonError {
	e := &jsonError{Type: "Error", Name: orDefault(se.Name, "Error"), Message: se.Message, Stacktrace: []jsonFrame{}}
	if st := newmanScriptStack(se); st != "" {
		// chai's and postman-runtime's own errors, which Newman reports
		// with their stack and without the sandbox's type.
		e.Type, e.Stack = "", st
	}
	if se.Line > 0 {
		e.Stacktrace = append(e.Stacktrace, jsonFrame{FileName: listen + "-script", LineNumber: se.Line, ColumnNumber: se.Column})
	}
	return e
}

func headers(hs []event.Header) []jsonHeader {
	out := make([]jsonHeader, len(hs))
	for i, h := range hs {
		out[i] = jsonHeader{Disabled: disabledJSON(h.Disabled, h.DisabledAs), Description: newDescription(h.Description), Key: h.Key, Value: h.Value, System: h.System}
	}
	return out
}

// disabledJSON is a header's "disabled" as the collection writes it:
// nil for none.
func disabledJSON(disabled bool, as collections.DisabledShape) json.RawMessage {
	switch {
	case disabled:
		return json.RawMessage("true")
	case as == collections.DisabledFalse:
		return json.RawMessage("false")
	case as == collections.DisabledNull:
		return json.RawMessage("null")
	}
	return nil
}

// newURL gives a URL in the object form Newman writes (user information,
// host and path as segments, query as key/value pairs), as sent: the
// parts keep their percent-encoding. Like Newman's, it has no raw string.
func newURL(raw string) jsonURL {
	u := jsonURL{Path: []string{}, Host: []string{}, Query: []jsonQuery{}, Variable: []struct{}{}}
	if raw == "" {
		return u
	}
	// Only the origin is parsed: the path and query are listed as they
	// were sent, which url.Parse may refuse (a lone %) or re-escape (|).
	// A URL without a protocol is one colrun could not send (its host is
	// an unresolved variable); Newman sent it, with its default http.
	full := raw
	if !strings.Contains(raw, "://") {
		full = "http://" + raw
	}
	origin, target := full, ""
	if i := strings.Index(full, "://"); i >= 0 {
		if j := strings.IndexAny(full[i+3:], "/?"); j >= 0 {
			origin, target = full[:i+3+j], full[i+3+j:]
		}
	}
	path, query, hasQuery := strings.Cut(target, "?")
	if i := strings.Index(origin, "://"); i >= 0 {
		if at := strings.LastIndexByte(origin[i+3:], '@'); at >= 0 {
			// Cut from the text: url.Parse would decode it.
			user, pass, ok := strings.Cut(origin[i+3:i+3+at], ":")
			u.Auth = &jsonURLAuth{User: user}
			if ok {
				u.Auth.Password = &pass
			}
		}
	}
	if p, err := url.Parse(origin); err == nil {
		u.Protocol = p.Scheme
		u.Port = p.Port()
		if h := p.Hostname(); h != "" {
			if strings.Contains(h, ":") {
				u.Host = []string{"[" + h + "]"}
			} else {
				u.Host = strings.Split(h, ".")
			}
		}
	} else {
		// A host Go refuses ({{nohost}}, "exa mple") is split as
		// Postman splits it.
		pu := collections.ParseURL(origin)
		u.Protocol, u.Port, u.Host = pu.Protocol, pu.Port, pu.Host
	}
	// Node sends / for an empty path, which Newman lists as [""].
	u.Path = strings.Split(strings.TrimPrefix(path, "/"), "/")
	if hasQuery {
		// As postman-collection parses a query: an empty parameter has a
		// null key, except the last one (get? and foo& end in key "").
		params := strings.Split(query, "&")
		for i, kv := range params {
			var q jsonQuery
			if kv != "" || i == len(params)-1 {
				k, v, ok := strings.Cut(kv, "=")
				q.Key = &k
				if ok {
					q.Value = &v
				}
			}
			u.Query = append(u.Query, q)
		}
	}
	return u
}

func placeholderToken() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return "colrun-body-" + hex.EncodeToString(b[:])
}

// execution is an item's execution being assembled until its ItemEnd.
type execution struct {
	jsonExecution
	body       []byte
	hasRequest bool
	// entries is the number of request events (the item's own and its
	// pm.sendRequest calls): Newman lists the execution that many times.
	entries int
	// sends counts the item's pm.sendRequest calls so far, for their ids.
	sends int
	// order lists the members set so far, in the order Newman's summary
	// first assigns them to the execution object (JSON.stringify keeps
	// that order): a pre-request script's error or pm.test comes before
	// the request, a test script's after it.
	order []execKey
}

// execKey names a member of an execution object.
type execKey uint8

const (
	keyCursor execKey = iota
	keyItem
	keyRequest
	keyResponse
	keyID
	keyRequestError
	keyPrerequestScript
	keyTestScript
	keyAssertions
)

// set notes that member k has been assigned.
func (x *execution) set(k execKey) {
	for _, o := range x.order {
		if o == k {
			return
		}
	}
	x.order = append(x.order, k)
}

// marshal writes the execution as JSON indented under prefix, its members
// in the order they were set; a member without a value is left out, as
// JSON.stringify leaves out undefined.
func (x *execution) marshal(prefix string) ([]byte, error) {
	e := &x.jsonExecution
	var b bytes.Buffer
	b.WriteByte('{')
	n := 0
	for _, k := range x.order {
		var name string
		var v any
		var none bool // undefined in Newman's object
		switch k {
		case keyCursor:
			name, v = "cursor", e.Cursor
		case keyItem:
			name, v = "item", e.Item
		case keyRequest:
			name, v, none = "request", e.Request, e.Request == nil
		case keyResponse:
			name, v, none = "response", e.Response, e.Response == nil
		case keyID:
			name, v, none = "id", e.ID, e.ID == ""
		case keyRequestError:
			name, v, none = "requestError", e.RequestError, e.RequestError == nil
		case keyPrerequestScript:
			name, v = "prerequestScript", e.PrerequestScript
		case keyTestScript:
			name, v = "testScript", e.TestScript
		case keyAssertions:
			name, v = "assertions", e.Assertions
		}
		if none {
			continue
		}
		m, err := marshalJS(v)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		b.WriteString(strconv.Quote(name))
		b.WriteByte(':')
		b.Write(m)
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), prefix, "  "); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

type jsonExecution struct {
	Cursor           jsonCursor        `json:"cursor"`
	Item             jsonItem          `json:"item"`
	Request          *jsonRequest      `json:"request,omitempty"`
	Response         *jsonResponse     `json:"response,omitempty"`
	ID               string            `json:"id,omitempty"`
	RequestError     *event.NodeError  `json:"requestError,omitempty"`
	PrerequestScript []jsonScriptError `json:"prerequestScript,omitempty"`
	TestScript       []jsonScriptError `json:"testScript,omitempty"`
	Assertions       []jsonAssertion   `json:"assertions,omitempty"`
}

// jsonCursor is Newman's cursor. It is postman-runtime's object, whose
// members depend on where it comes from: the run's first item has the
// iteration cursor's full set (position first, empty, eof, bof, cr), the
// first item of a later iteration has cr: true, and once the item's
// request has gone out httpRequestId follows.
type jsonCursor struct {
	Ref       string
	Length    int
	Cycles    int
	Position  int
	Iteration int
	// HTTPRequestID is "" until the item's request went out.
	HTTPRequestID string
}

// MarshalJSON writes the cursor's members in Newman's order.
func (c jsonCursor) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	num := func(name string, v int) {
		b.WriteString(`"` + name + `":` + strconv.Itoa(v) + ",")
	}
	b.WriteByte('{')
	ref := func() {
		if c.Ref != "" {
			b.WriteString(`"ref":` + strconv.Quote(c.Ref) + ",")
		}
	}
	if c.Position == 0 && c.Iteration == 0 {
		num("position", 0)
		num("iteration", 0)
		num("length", c.Length)
		num("cycles", c.Cycles)
		b.WriteString(`"empty":` + strconv.FormatBool(c.Length == 0) + `,"eof":false,"bof":true,"cr":false,`)
		ref()
	} else {
		ref()
		num("length", c.Length)
		num("cycles", c.Cycles)
		num("position", c.Position)
		num("iteration", c.Iteration)
		if c.Position == 0 {
			b.WriteString(`"cr":true,`)
		}
	}
	if c.HTTPRequestID != "" {
		b.WriteString(`"httpRequestId":` + strconv.Quote(c.HTTPRequestID) + ",")
	}
	out := b.Bytes()
	out[len(out)-1] = '}'
	return out, nil
}

// jsonItem names an execution's item; an item without a name has no
// "name" member, as in Newman's report (readers fall back to the id).
type jsonItem struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

type jsonRequest struct {
	URL    jsonURL      `json:"url"`
	Header []jsonHeader `json:"header"`
	Method string       `json:"method"`
	Body   *jsonBody    `json:"body,omitempty"`
	Auth   *jsonAuth    `json:"auth,omitempty"`
}

type jsonURL struct {
	Auth     *jsonURLAuth `json:"auth,omitempty"`
	Protocol string       `json:"protocol,omitempty"`
	Port     string       `json:"port,omitempty"`
	Path     []string     `json:"path"`
	// Hash is the #fragment, never sent, which Newman keeps here; "" for
	// a URL ending in a bare "#", nil for one without.
	Hash     *string     `json:"hash,omitempty"`
	Host     []string    `json:"host"`
	Query    []jsonQuery `json:"query"`
	Variable []struct{}  `json:"variable"`
}

// jsonURLAuth is a URL's user information as sent (percent-encoded);
// Password is nil when the URL gives no ":".
type jsonURLAuth struct {
	User     string  `json:"user"`
	Password *string `json:"password,omitempty"`
}

type jsonQuery struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

// jsonHeader is a header in the order postman-collection's Property and
// Header#update set its fields: disabled, description, key, value, system.
type jsonHeader struct {
	Disabled    json.RawMessage  `json:"disabled,omitempty"`
	Description *jsonDescription `json:"description,omitempty"`
	Key         string           `json:"key"`
	Value       string           `json:"value"`
	System      bool             `json:"system,omitempty"`
}

// jsonBody is a request body as Newman's report lists it: the
// collection's definition, variables resolved, not the bytes sent.
type jsonBody struct {
	Mode string `json:"mode,omitempty"` // none for a body without one, as in Newman
	// Raw is JSON: a raw body the collection gives as another value than
	// a string (5, true, an object) is listed as that value.
	Raw        json.RawMessage  `json:"raw,omitempty"`
	URLEncoded *[]jsonFormParam `json:"urlencoded,omitempty"`
	FormData   *[]jsonFormParam `json:"formdata,omitempty"`
	// File is a *jsonFile, or null for the collection's "file": null.
	File    any          `json:"file,omitempty"`
	GraphQL *jsonGraphQL `json:"graphql,omitempty"`
	// Options is the body's options as the collection writes them.
	Options  json.RawMessage `json:"options,omitempty"`
	Disabled bool            `json:"disabled,omitempty"`
}

// jsonFormParam is a form parameter in the order postman-collection's
// Property and FormParam set its fields: disabled, description, key,
// value, type, src, contentType, fileName.
type jsonFormParam struct {
	// Disabled is nil when the collection writes no "disabled" (and the
	// entry is enabled); Newman lists a "disabled": false it writes.
	Disabled    *bool            `json:"disabled,omitempty"`
	Description *jsonDescription `json:"description,omitempty"`
	// Key and Value are JSON: a key or value the collection gives as
	// another JSON value than a string (5, null, a list) is listed as
	// that value, and one it leaves out of a urlencoded entry is left out.
	Key   json.RawMessage `json:"key,omitempty"`
	Value json.RawMessage `json:"value,omitempty"`
	Type  string          `json:"type,omitempty"`
	// Src is the file part's src as the collection shapes it: a string,
	// a list, or null.
	Src         json.RawMessage `json:"src,omitempty"`
	ContentType string          `json:"contentType,omitempty"`
	// FileName is the collection's fileName (null too), or "" for a file
	// part sent without a file (no src, and no value) and without a
	// fileName: postman-runtime's body builder sets it so, to send
	// filename="".
	FileName json.RawMessage `json:"fileName,omitempty"`
}

// jsonDescription is a description in Newman's object form; Content is
// nil for a description without text, which Newman shows as the type alone.
type jsonDescription struct {
	Content json.RawMessage `json:"content,omitempty"`
	// Type is "" only for the collection's falsy description, {}.
	Type string `json:"type,omitempty"`
}

// newDescription gives d in Newman's object form; nil for none.
func newDescription(d *collections.Description) *jsonDescription {
	if d == nil {
		return nil
	}
	jd := &jsonDescription{Type: d.MediaType()}
	switch {
	case d.NoContent:
	case d.Literal:
		jd.Content = json.RawMessage(d.Content)
	default:
		b, _ := marshalJS(d.Content) // a string cannot fail
		jd.Content = b
	}
	return jd
}

type jsonFile struct {
	// Src is the collection's src, as the JSON value it gives (null, 5).
	Src     json.RawMessage `json:"src,omitempty"`
	Content string          `json:"content,omitempty"`
	// Value is null for a file Newman could not load, and left out otherwise.
	Value *json.RawMessage `json:"value,omitempty"`
}

// jsonGraphQL is a graphql body as Newman lists it: query, operationName
// and variables, each when the collection gives it, as the JSON value it
// gives (variables as a string stay a string, as an object an object).
type jsonGraphQL struct{ g *collections.GraphQL }

// MarshalJSON writes the fields in Newman's order.
func (j jsonGraphQL) MarshalJSON() ([]byte, error) {
	g := j.g
	var b bytes.Buffer
	b.WriteByte('{')
	field := func(name string, f collections.GraphQLField, v string) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(name) + ":")
		if g.Literal&f != 0 && json.Valid([]byte(v)) {
			b.WriteString(v)
			return
		}
		writeJSString(&b, v)
	}
	if g.Missing&collections.GraphQLQuery == 0 {
		field("query", collections.GraphQLQuery, g.Query)
	}
	if g.HasOperationName {
		field("operationName", collections.GraphQLOperationName, g.OperationName)
	}
	if g.Missing&collections.GraphQLVariables == 0 {
		field("variables", collections.GraphQLVariables, g.Variables)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// newBody lists b in Newman's shape. A form's list is written even when
// empty ("urlencoded": []), as Newman does.
func newBody(b *collections.Body) *jsonBody {
	jb := &jsonBody{Mode: b.Mode, Disabled: b.Disabled}
	switch {
	case b.Options != "":
		jb.Options = json.RawMessage(b.Options)
	case b.Language != "":
		// The usual options, which the model keeps as Language alone.
		jb.Options = json.RawMessage(`{"raw":{"language":` + string(jsJSON(b.Language)) + `}}`)
	}
	switch b.Mode {
	case "raw":
		jb.Raw = rawJSON(b)
	case "urlencoded":
		ps := formParams(b.URLEncoded, false, false)
		jb.URLEncoded = &ps
	case "formdata":
		ps := formParams(b.FormData, true, !b.Disabled)
		jb.FormData = &ps
	case "file":
		if b.FileNull {
			jb.File = json.RawMessage("null")
		}
		if f := b.File; f != nil {
			jf := &jsonFile{Content: f.Content}
			jb.File = jf
			if f.HasSrc || f.Src != "" {
				jf.Src = literalOr(f.SrcJSON, f.Src)
			}
			if b.File.Unreadable {
				null := json.RawMessage("null")
				jf.Value = &null
			}
		}
	case "graphql":
		if b.GraphQL != nil {
			jb.GraphQL = &jsonGraphQL{g: b.GraphQL}
		}
	}
	return jb
}

// formParams lists a urlencoded or form-data (form) body's parameters;
// built says that the body was built for sending (it is not disabled), as
// it is before postman-runtime's body builder names empty file parts.
func formParams(ps []collections.FormParam, form, built bool) []jsonFormParam {
	out := make([]jsonFormParam, len(ps))
	for i, p := range ps {
		jp := jsonFormParam{}
		if p.Disabled || p.Has&collections.FormDisabled != 0 {
			jp.Disabled = &p.Disabled
		}
		jp.Description = newDescription(p.Description)
		if p.Has&collections.FormNoKey == 0 {
			jp.Key = literalOr(p.KeyJSON, p.Key)
		}
		// postman-collection's FormParam#toJSON leaves out a file's value
		// unless it is text (a stream sent, or a Buffer, is not).
		if (!form || p.Type != "file" || p.Value != "" && p.ValueJSON == "") && p.Has&collections.FormNoValue == 0 {
			jp.Value = literalOr(p.ValueJSON, p.Value)
		}
		if form {
			jp.ContentType, jp.Type = p.ContentType, p.Type
			jp.Src = formSrc(p)
			switch {
			case p.Has&collections.FormFileName != 0:
				jp.FileName = jsJSON(p.FileName)
			case built && p.Type == "file" && !p.Disabled && p.Value == "" && p.Has&collections.FormValueSent == 0 && !slices.ContainsFunc(p.Src, func(s string) bool { return s != "" }):
				jp.FileName = json.RawMessage(`""`)
			case p.Has&collections.FormFileNameNull != 0:
				jp.FileName = json.RawMessage("null")
			}
		}
		out[i] = jp
	}
	return out
}

// rawJSON is a raw body as Newman lists it: its text, or the value the
// collection gives instead of text, whose variables were resolved in the
// text sent (an object's or list's JSON).
func rawJSON(b *collections.Body) json.RawMessage {
	if b.RawJSON != "" && b.Raw != "" && json.Valid([]byte(b.Raw)) {
		return json.RawMessage(b.Raw)
	}
	return literalOr(b.RawJSON, b.Raw)
}

// literalOr is the JSON of a key or value: literal, the JSON text of one
// the collection gives as another value than a string, else text.
func literalOr(literal, text string) json.RawMessage {
	if literal != "" {
		return json.RawMessage(literal)
	}
	return jsJSON(text)
}

// formSrc is a file part's src in the shape the collection gives it;
// nil when it gives none. A src given without a shape (a v1 collection's)
// is named by its first file, as Newman names it.
func formSrc(p collections.FormParam) json.RawMessage {
	var v any
	switch {
	case p.SrcShape == collections.SrcNull:
		return json.RawMessage("null")
	case p.SrcShape == collections.SrcList:
		v = append([]string{}, p.Src...)
	case len(p.Src) > 0:
		v = p.Src[0]
	case p.SrcShape == collections.SrcString:
		v = ""
	default:
		return nil
	}
	return jsJSON(v)
}

type jsonResponse struct {
	ID string `json:"id"`
	// Status is left out when empty, as Newman's undefined is.
	Status       string          `json:"status,omitempty"`
	Code         int             `json:"code"`
	Header       []jsonHeader    `json:"header"`
	Stream       json.RawMessage `json:"stream"`
	Cookie       []struct{}      `json:"cookie"`
	ResponseTime int64           `json:"responseTime"`
	ResponseSize int64           `json:"responseSize"`
	Truncated    bool            `json:"truncated,omitempty"`
}

type jsonAssertion struct {
	Assertion string     `json:"assertion"`
	Skipped   bool       `json:"skipped"`
	Error     *jsonError `json:"error,omitempty"`
}

type jsonScriptError struct {
	Error *jsonError `json:"error"`
}

type jsonError struct {
	// Node's properties of a network error come first, as Node lists
	// them.
	*event.NodeError
	Type       string      `json:"type,omitempty"`
	Name       string      `json:"name"`
	Index      *int        `json:"index,omitempty"`
	Test       string      `json:"test,omitempty"`
	Message    string      `json:"message"`
	Stack      string      `json:"stack,omitempty"`
	Stacktrace []jsonFrame `json:"stacktrace,omitempty"`
}

// requestError is a request's error as Newman's report has it: Node's
// properties of the error, when it has them, then name, message and
// stack, whose first line ("Error: connect ECONNREFUSED ...") is all of
// Newman's a reader can rely on.
func requestError(node *event.NodeError, msg, stack string) *jsonError {
	st := stack
	if st == "" {
		st = node.StackHead(msg)
	}
	return &jsonError{NodeError: node, Name: node.Name(), Message: msg, Stack: st}
}

type jsonFrame struct {
	FileName     string `json:"fileName"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber,omitempty"`
}

type jsonFailure struct {
	Error  *jsonError `json:"error"`
	At     string     `json:"at"`
	Source any        `json:"source,omitempty"`
	Parent any        `json:"parent,omitempty"`
	Cursor any        `json:"cursor"`
}

// jsonSendItem is the item a pm.sendRequest builds, as Newman's failures
// name it.
type jsonSendItem struct {
	ID                      string          `json:"id"`
	Request                 *jsonRequest    `json:"request"`
	Response                []struct{}      `json:"response"`
	Event                   []struct{}      `json:"event"`
	ProtocolProfileBehavior map[string]bool `json:"protocolProfileBehavior"`
}

// collectionID is the collection's id as the reports give it. For a
// collection without one, postman-collection makes a random id, which
// Newman's JSON and JUnit reports both show; this one is derived from the
// name, so that a collection keeps it from run to run and both reports
// agree.
func collectionID(c event.CollectionInfo) string {
	if c.ID != "" {
		return c.ID
	}
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("colrun:collection:"+c.Name)).String()
}

type jsonCollection struct {
	Info jsonInfo `json:"info"`
}

type jsonInfo struct {
	ID          string           `json:"_postman_id,omitempty"`
	Name        string           `json:"name"`
	Schema      string           `json:"schema"`
	Description *jsonDescription `json:"description,omitempty"`
}

// schemaV21 is the schema Newman's report names for every collection,
// v2.0 and v1 ones too: postman-collection writes its own format.
const schemaV21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

type jsonScope struct {
	Name   string     `json:"name,omitempty"`
	Values []struct{} `json:"values"`
}

// jsonTimings is Newman's run.timings. The response ones come from the
// executions' whole-millisecond times, so their min and max are integers
// as in Newman's report (a reader decoding them into integers would fail
// on 0.8); the DNS and first-byte phases are fractional in Newman's too.
type jsonTimings struct {
	ResponseAverage  float64 `json:"responseAverage"`
	ResponseMin      int64   `json:"responseMin"`
	ResponseMax      int64   `json:"responseMax"`
	ResponseSd       float64 `json:"responseSd"`
	DNSAverage       float64 `json:"dnsAverage"`
	DNSMin           float64 `json:"dnsMin"`
	DNSMax           float64 `json:"dnsMax"`
	DNSSd            float64 `json:"dnsSd"`
	FirstByteAverage float64 `json:"firstByteAverage"`
	FirstByteMin     float64 `json:"firstByteMin"`
	FirstByteMax     float64 `json:"firstByteMax"`
	FirstByteSd      float64 `json:"firstByteSd"`
	Started          int64   `json:"started"`
	Completed        int64   `json:"completed"`
}
