package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner"
	"github.com/colrun/colrun/runner/report"
)

// runJSON runs the collection doc (its {{base}} replaced by a server's
// URL on 127.0.0.1) for iterations iterations, scripts on, and returns
// the JSON report.
func runJSON(t *testing.T, doc string, iterations int) []byte {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	c, err := collections.ParseCollection("c.postman_collection.json", []byte(strings.ReplaceAll(doc, "{{base}}", srv.URL)))
	if err != nil {
		t.Fatal(err)
	}
	return runCollection(t, c, iterations)
}

// runCollection runs c for iterations iterations, scripts on, and returns
// the JSON report.
func runCollection(t *testing.T, c *collections.Collection, iterations int) []byte {
	t.Helper()
	r, err := runner.New(c, runner.Options{Iterations: iterations})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	j := report.NewJSONWriter(&out, nil)
	if _, err := r.Run(context.Background(), j); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// keys lists an object's member names in the order they are written.
func keys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(raw))
	var out []string
	if _, err := d.Token(); err != nil { // {
		t.Fatal(err)
	}
	for d.More() {
		k, err := d.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, k.(string))
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

var randomIDs = regexp.MustCompile(`"(ref|httpRequestId)":"[^"]*"`)

// cursorShape is a cursor compacted, its random ids (a UUID each in
// Newman's report) replaced by "…".
func cursorShape(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return randomIDs.ReplaceAllString(b.String(), `"$1":"…"`)
}

type jsonReport struct {
	Collection struct {
		Info struct {
			Description json.RawMessage `json:"description"`
		} `json:"info"`
	} `json:"collection"`
	Run struct {
		Executions []json.RawMessage `json:"executions"`
		Failures   []struct {
			Cursor json.RawMessage `json:"cursor"`
		} `json:"failures"`
	} `json:"run"`
}

func decodeReport(t *testing.T, b []byte) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, b)
	}
	return r
}

// An execution's members come in the order Newman 6.2.2's summary first
// assigns them: a pre-request script's pm.test and error before the
// request, a test script's after it (colrun put every script error and
// assertion after id). Its cursor is postman-runtime's object: the run's
// first item has the iteration cursor's members (position first, empty,
// eof, bof, cr), a later iteration's first item cr: true, and
// httpRequestId follows once the request went out, so a failure before
// the request has none (colrun wrote ref, length, cycles, position and
// iteration for all). The expected values are Newman's report of the
// same collection run twice, its UUIDs replaced; Newman's failure cursors
// also have scriptId and execution, the ids of scripts the report does not
// list, which colrun leaves out.
func TestJSONExecutionMembersInNewmanOrder(t *testing.T) {
	t.Parallel()
	doc := `{"info":{"name":"e","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[
{"id":"a","name":"a","event":[
  {"listen":"prerequest","script":{"exec":["pm.test('pre t', ()=>{throw new Error('x')}); throw new Error('p')"]}},
  {"listen":"test","script":{"exec":["pm.test('t1', ()=>{}); pm.test('t2', ()=>{pm.expect(1).to.eql(2)}); throw new Error('after')"]}}],
 "request":{"method":"GET","url":"{{base}}/get"}},
{"id":"b","name":"b","event":[{"listen":"test","script":{"exec":["pm.test('t', ()=>{pm.expect(1).to.eql(2)})"]}}],"request":{"method":"GET","url":"{{base}}/get"}},
{"id":"c","name":"c","request":{"method":"GET","url":"http://127.0.0.1:1/refused"}}
]}`
	rep := decodeReport(t, runJSON(t, doc, 2))

	first := []string{"cursor", "item", "assertions", "prerequestScript", "request", "response", "id", "testScript"}
	plain := []string{"cursor", "item", "request", "response", "id", "assertions"}
	refused := []string{"cursor", "item", "request", "id", "requestError"}
	wantKeys := [][]string{first, plain, refused, first, plain, refused}
	wantCursors := []string{
		`{"position":0,"iteration":0,"length":3,"cycles":2,"empty":false,"eof":false,"bof":true,"cr":false,"ref":"…","httpRequestId":"…"}`,
		`{"ref":"…","length":3,"cycles":2,"position":1,"iteration":0,"httpRequestId":"…"}`,
		`{"ref":"…","length":3,"cycles":2,"position":2,"iteration":0,"httpRequestId":"…"}`,
		`{"ref":"…","length":3,"cycles":2,"position":0,"iteration":1,"cr":true,"httpRequestId":"…"}`,
		`{"ref":"…","length":3,"cycles":2,"position":1,"iteration":1,"httpRequestId":"…"}`,
		`{"ref":"…","length":3,"cycles":2,"position":2,"iteration":1,"httpRequestId":"…"}`,
	}
	var gotKeys [][]string
	var gotCursors []string
	for _, x := range rep.Run.Executions {
		gotKeys = append(gotKeys, keys(t, x))
		var c struct {
			Cursor json.RawMessage `json:"cursor"`
		}
		if err := json.Unmarshal(x, &c); err != nil {
			t.Fatal(err)
		}
		gotCursors = append(gotCursors, cursorShape(t, c.Cursor))
	}
	if d := cmp.Diff(wantKeys, gotKeys); d != "" {
		t.Errorf("execution members (-Newman +colrun):\n%s", d)
	}
	if d := cmp.Diff(wantCursors, gotCursors); d != "" {
		t.Errorf("execution cursors (-Newman +colrun):\n%s", d)
	}

	// Failures: the pre-request pm.test, the pre-request error, t2, the
	// test script's error, b's assertion, c's request error; twice.
	firstPre := `{"position":0,"iteration":0,"length":3,"cycles":2,"empty":false,"eof":false,"bof":true,"cr":false,"ref":"…"}`
	firstPost := `{"position":0,"iteration":0,"length":3,"cycles":2,"empty":false,"eof":false,"bof":true,"cr":false,"ref":"…","httpRequestId":"…"}`
	laterPre := `{"ref":"…","length":3,"cycles":2,"position":0,"iteration":1,"cr":true}`
	laterPost := `{"ref":"…","length":3,"cycles":2,"position":0,"iteration":1,"cr":true,"httpRequestId":"…"}`
	wantFailures := []string{
		firstPre, firstPre, firstPost, firstPost,
		`{"ref":"…","length":3,"cycles":2,"position":1,"iteration":0,"httpRequestId":"…"}`,
		`{"ref":"…","length":3,"cycles":2,"position":2,"iteration":0,"httpRequestId":"…"}`,
		laterPre, laterPre, laterPost, laterPost,
		`{"ref":"…","length":3,"cycles":2,"position":1,"iteration":1,"httpRequestId":"…"}`,
		`{"ref":"…","length":3,"cycles":2,"position":2,"iteration":1,"httpRequestId":"…"}`,
	}
	var gotFailures []string
	for _, f := range rep.Run.Failures {
		gotFailures = append(gotFailures, cursorShape(t, f.Cursor))
	}
	if d := cmp.Diff(wantFailures, gotFailures); d != "" {
		t.Errorf("failure cursors (-Newman +colrun):\n%s", d)
	}
}

// The collection's description given as null, false or 0 is {} in Newman
// 6.2.2's report (postman-collection keeps nothing of it); colrun wrote
// {"type":"text/plain"}, which stays right for [] and {}. The expected
// values are Newman's.
func TestJSONCollectionFalsyDescription(t *testing.T) {
	t.Parallel()
	tests := []struct{ desc, want string }{
		{`null`, `{}`},
		{`false`, `{}`},
		{`0`, `{}`},
		{`""`, `{"content":"","type":"text/plain"}`},
		{`[]`, `{"type":"text/plain"}`},
		{`{}`, `{"type":"text/plain"}`},
		{`{"type":"text/markdown"}`, `{"type":"text/markdown"}`},
		{`5`, `{"content":5,"type":"text/plain"}`},
		{`"d"`, `{"content":"d","type":"text/plain"}`},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			doc := `{"info":{"name":"d","description":` + tt.desc + `,"schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"r","request":{"method":"GET","url":"{{base}}/get"}}]}`
			rep := decodeReport(t, runJSON(t, doc, 1))
			var got bytes.Buffer
			if err := json.Compact(&got, rep.Collection.Info.Description); err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("collection.info.description for %s = %s, Newman writes %s", tt.desc, got.String(), tt.want)
			}
		})
	}
}

// A request's failure in Newman 6.2.2's report has the error's stack,
// "Error: <message>" then Node's frames; colrun's had none. The expected
// values are Newman's for a refused connection and a bad port (a RangeError
// with its code in the stack), up to the frames.
func TestJSONRequestFailureStack(t *testing.T) {
	t.Parallel()
	doc := `{"info":{"name":"r","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"refused","request":{"method":"GET","url":"http://127.0.0.1:1/x"}},
{"name":"bad port","request":{"method":"GET","url":"http://127.0.0.1:65536/x"}}]}`
	var rep struct {
		Run struct {
			Failures []struct {
				Error struct {
					Code    string `json:"code"`
					Name    string `json:"name"`
					Message string `json:"message"`
					Stack   string `json:"stack"`
				} `json:"error"`
				At string `json:"at"`
			} `json:"failures"`
		} `json:"run"`
	}
	if err := json.Unmarshal(runJSON(t, doc, 1), &rep); err != nil {
		t.Fatal(err)
	}
	type failure struct{ At, Code, Name, Message, StackLine string }
	var got []failure
	for _, f := range rep.Run.Failures {
		line, _, _ := strings.Cut(f.Error.Stack, "\n")
		got = append(got, failure{f.At, f.Error.Code, f.Error.Name, f.Error.Message, line})
	}
	want := []failure{{"request", "ECONNREFUSED", "Error", "connect ECONNREFUSED 127.0.0.1:1", "Error: connect ECONNREFUSED 127.0.0.1:1"},
		{"request", "ERR_SOCKET_BAD_PORT", "RangeError", "Port should be >= 0 and < 65536. Received type string ('65536').",
			"RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received type string ('65536')."}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("request failure (-Newman +colrun):\n%s", d)
	}
}

// Newman 6.2.2's collection.info always has a _postman_id (a random UUID
// for a collection without one) and the v2.1.0 schema, whatever the
// collection's format; colrun's had neither for a collection without an
// id, and never the schema.
func TestJSONCollectionInfoIDAndSchema(t *testing.T) {
	t.Parallel()
	const v21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
	tests := []struct {
		name, info string
		wantID     string // "" for any UUID
	}{
		{"v2.1 with id", `{"_postman_id":"c0ffee00-0000-4000-8000-000000000001","name":"a","schema":"` + v21 + `"}`, "c0ffee00-0000-4000-8000-000000000001"},
		{"v2.0 without id", `{"name":"b","schema":"https://schema.getpostman.com/json/collection/v2.0.0/collection.json"}`, ""},
		{"no schema", `{"name":"c"}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := `{"info":` + tt.info + `,"item":[{"name":"r","request":{"method":"GET","url":"{{base}}/get"}}]}`
			var rep struct {
				Collection struct {
					Info struct {
						ID     string `json:"_postman_id"`
						Schema string `json:"schema"`
					} `json:"info"`
				} `json:"collection"`
			}
			if err := json.Unmarshal(runJSON(t, doc, 1), &rep); err != nil {
				t.Fatal(err)
			}
			info := rep.Collection.Info
			if info.Schema != v21 {
				t.Errorf("schema = %q, Newman writes %q", info.Schema, v21)
			}
			if _, err := uuid.Parse(info.ID); err != nil || (tt.wantID != "" && info.ID != tt.wantID) {
				t.Errorf("_postman_id = %q, want %s", info.ID, orAny(tt.wantID))
			}
		})
	}
}

func orAny(id string) string {
	if id == "" {
		return "a UUID"
	}
	return id
}
