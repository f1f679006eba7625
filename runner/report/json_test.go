package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

// toolView is what tools read from Newman's JSON report.
type toolView struct {
	Collection struct {
		Info struct {
			Name string `json:"name"`
		} `json:"info"`
	} `json:"collection"`
	Run struct {
		Stats struct {
			Assertions Counter `json:"assertions"`
			Requests   Counter `json:"requests"`
		} `json:"stats"`
		Executions []struct {
			Item struct {
				Name string `json:"name"`
			} `json:"item"`
			Cursor struct {
				Iteration int `json:"iteration"`
				Position  int `json:"position"`
			} `json:"cursor"`
			Request struct {
				Method string `json:"method"`
			} `json:"request"`
			Response *struct {
				Code         int    `json:"code"`
				Status       string `json:"status"`
				ResponseSize int64  `json:"responseSize"`
				Stream       struct {
					Type string `json:"type"`
					Data []byte `json:"-"`
				} `json:"stream"`
			} `json:"response"`
			Assertions []struct {
				Assertion string `json:"assertion"`
				Skipped   bool   `json:"skipped"`
				Error     *struct {
					Message string `json:"message"`
				} `json:"error"`
			} `json:"assertions"`
		} `json:"executions"`
		Failures []struct {
			Error struct {
				Name    string `json:"name"`
				Message string `json:"message"`
			} `json:"error"`
			At string `json:"at"`
		} `json:"failures"`
		Error *struct {
			Message string `json:"message"`
		} `json:"error"`
	} `json:"run"`
}

func decodeView(t *testing.T, b []byte) toolView {
	t.Helper()
	if !json.Valid(b) {
		t.Fatalf("not valid JSON:\n%s", b)
	}
	var v toolView
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestJSONKeysToolsRead checks, for every stream, that the report is JSON
// and that what tools read agrees with the Summary.
func TestJSONKeysToolsRead(t *testing.T) {
	t.Parallel()
	for _, stream := range streams {
		t.Run(stream, func(t *testing.T) {
			t.Parallel()
			v := decodeView(t, render(t, stream, "json"))
			s := summarize(t, stream)
			if v.Run.Stats.Assertions != s.Stats.Assertions || v.Run.Stats.Requests != s.Stats.Requests {
				t.Errorf("stats = %+v, summary %+v", v.Run.Stats, s.Stats)
			}
			if len(v.Run.Failures) != len(s.Failures) {
				t.Fatalf("%d failures, summary has %d", len(v.Run.Failures), len(s.Failures))
			}
			for i, f := range v.Run.Failures {
				if f.Error.Message == "" || f.Error.Message != s.Failures[i].Message || f.At != s.Failures[i].At {
					t.Errorf("failure %d = %+v, summary %+v", i, f, s.Failures[i])
				}
			}
			// Newman lists an execution per request sent, a
			// pm.sendRequest's too.
			sent := 0
			for _, x := range v.Run.Executions {
				if x.Request.Method != "" {
					sent++
				}
			}
			if sent != s.Stats.Requests.Total {
				t.Errorf("%d executions with a request, want %d", sent, s.Stats.Requests.Total)
			}
			if (v.Run.Error != nil) != (s.Error != "") {
				t.Errorf("run.error = %+v, summary error %q", v.Run.Error, s.Error)
			}
		})
	}
}

// TestJSONMatchesNewman sets colrun's report of the sample stream beside
// Newman's report of the same run: the executions, their responses and
// assertions, and the failures' messages agree.
func TestJSONMatchesNewman(t *testing.T) {
	t.Parallel()
	ours := decodeView(t, render(t, "sample", "json"))
	b, err := os.ReadFile(filepath.Join("testdata", "newman", "sample.newman.json"))
	if err != nil {
		t.Fatal(err)
	}
	theirs := decodeView(t, b)
	// The run-level error and the failures' "at" (line numbers) are
	// documented differences.
	ours.Run.Error, theirs.Run.Error = nil, nil
	for _, v := range []*toolView{&ours, &theirs} {
		for i := range v.Run.Failures {
			v.Run.Failures[i].At = strings.SplitN(v.Run.Failures[i].At, ":", 2)[0]
		}
	}
	if diff := cmp.Diff(theirs, ours); diff != "" {
		t.Errorf("report differs from Newman's (-newman +colrun):\n%s", diff)
	}
}

// TestJSONBody checks the Buffer form of a body, which scripts read with
// Buffer.from(stream.data).
func TestJSONBody(t *testing.T) {
	t.Parallel()
	var doc struct {
		Run struct {
			Executions []struct {
				Response *struct {
					Stream struct {
						Type string `json:"type"`
						Data []int  `json:"data"`
					} `json:"stream"`
					ResponseSize int64 `json:"responseSize"`
					Truncated    bool  `json:"truncated"`
				} `json:"response"`
			} `json:"executions"`
		} `json:"run"`
	}
	if err := json.Unmarshal(render(t, "verbose", "json"), &doc); err != nil {
		t.Fatal(err)
	}
	first := doc.Run.Executions[0].Response
	body := make([]byte, len(first.Stream.Data))
	for i, c := range first.Stream.Data {
		body[i] = byte(c)
	}
	if first.Stream.Type != "Buffer" || !strings.Contains(string(body), `"Grace Hopper"`) {
		t.Errorf("stream = %s %q", first.Stream.Type, body)
	}
	cut := doc.Run.Executions[2].Response
	if !cut.Truncated || cut.ResponseSize != 1_250_000 || len(cut.Stream.Data) != 4200 {
		t.Errorf("cut body: truncated=%v size=%d kept=%d", cut.Truncated, cut.ResponseSize, len(cut.Stream.Data))
	}
}

// countingWriter counts what reached it.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// TestJSONStreams checks that executions leave memory when their item
// ends and reach the writer before the run ends (issue 6).
func TestJSONStreams(t *testing.T) {
	t.Parallel()
	var w countingWriter
	j := NewJSONWriter(&w, nil)
	for _, e := range sampleStream() {
		if e.RunEnd != nil {
			if w.n == 0 {
				t.Error("nothing written before RunEnd")
			}
		}
		if err := j.Handle(e); err != nil {
			t.Fatal(err)
		}
		if e.ItemEnd != nil && len(j.execs) != 0 {
			t.Fatalf("%d executions kept after ItemEnd", len(j.execs))
		}
	}
}

func TestJSONFile(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		events []event.Event
		runErr string
	}{
		{"complete", sampleStream(), ""},
		{"cut short", sampleStream()[:40], "the run ended before it completed"},
		{"run error", runErrorStream(), "tableau sign-in failed: 401001 Signin Error: Error signing in to Tableau Server"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "out", "report.json")
			j, err := NewJSON(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range tc.events {
				if e.RunEnd != nil {
					if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
						t.Errorf("report exists before RunEnd: %v", err)
					}
				}
				if err := j.Handle(e); err != nil {
					t.Fatal(err)
				}
			}
			if err := j.Close(); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			v := decodeView(t, b)
			got := ""
			if v.Run.Error != nil {
				got = v.Run.Error.Message
			}
			if got != tc.runErr {
				t.Errorf("run.error = %q, want %q", got, tc.runErr)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("directory holds %d files, want only the report", len(entries))
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, want 0644", fi.Mode().Perm())
			}
		})
	}
}

// TestJSONDefaultName: an export path naming a directory gets Newman's
// default name with the run's start time.
func TestJSONDefaultName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	j, err := NewJSON(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	replayEvents(t, j, sampleStream())
	want := filepath.Join(dir, "newman-run-report-2026-11-26-20-29-01-504-0.json")
	if j.Path() != want {
		t.Errorf("path = %q, want %q", j.Path(), want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
}

func TestJSONUnwritable(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewJSON(filepath.Join(file, "report.json"), nil); err == nil {
		t.Error("no error for a path under a regular file")
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

// TestJSONWriteError: a write error is returned once, then the run goes on
// quietly; Close returns it again.
func TestJSONWriteError(t *testing.T) {
	t.Parallel()
	j := NewJSONWriter(failingWriter{}, nil)
	var errs int
	for _, e := range sampleStream() {
		if err := j.Handle(e); err != nil {
			errs++
		}
	}
	if errs != 1 || j.Close() == nil {
		t.Errorf("%d errors from Handle and Close()=%v, want 1 and an error", errs, j.Close())
	}
}

func replayEvents(t *testing.T, h Reporter, evs []event.Event) {
	t.Helper()
	for _, e := range evs {
		if err := h.Handle(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestJSONTimings checks run.timings' response figures: computed from the
// executions' whole-millisecond times, with integer min and max, as
// Newman's report has them (recorded: Newman 6.2.2's sample run gives
// "responseMin": 17, "responseMax": 50), so a reader decoding them into
// integers works with both.
func TestJSONTimings(t *testing.T) {
	t.Parallel()
	type timings struct {
		ResponseAverage float64 `json:"responseAverage"`
		ResponseMin     int64   `json:"responseMin"`
		ResponseMax     int64   `json:"responseMax"`
		ResponseSd      float64 `json:"responseSd"`
	}
	decode := func(b []byte) timings {
		t.Helper()
		var doc struct {
			Run struct {
				Timings timings `json:"timings"`
			} `json:"run"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("decoding run.timings: %v", err)
		}
		return doc.Run.Timings
	}
	tests := []struct {
		name  string
		times []time.Duration
		want  timings
	}{
		{name: "fractions round", times: []time.Duration{1400 * time.Microsecond, 2600 * time.Microsecond},
			want: timings{ResponseAverage: 2, ResponseMin: 1, ResponseMax: 3, ResponseSd: 1}},
		{name: "under half a millisecond is skipped", times: []time.Duration{300 * time.Microsecond, 4 * time.Millisecond},
			want: timings{ResponseAverage: 4, ResponseMin: 4, ResponseMax: 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := &builder{}
			b.start(event.CollectionInfo{Name: "t"}, "", 1, len(tc.times), time.UnixMilli(0))
			b.iteration(0)
			for i, d := range tc.times {
				b.item(0, i, "id-"+strconv.Itoa(i), "r").request(event.Request{Sent: sent("GET", base+"/", ""), Resp: resp(200, "OK", jsonType, "{}", 100, d, "")}).end(false)
			}
			b.iterationEnd(0)
			b.end(time.UnixMilli(10), "", false)
			var out strings.Builder
			replayEvents(t, NewJSONWriter(&out, nil), b.evs)
			if diff := cmp.Diff(tc.want, decode([]byte(out.String()))); diff != "" {
				t.Errorf("run.timings (-want +got):\n%s", diff)
			}
		})
	}
	newman, err := os.ReadFile(filepath.Join("testdata", "newman", "sample.newman.json"))
	if err != nil {
		t.Fatal(err)
	}
	theirs, ours := decode(newman), decode(render(t, "sample", "json"))
	if theirs.ResponseMin != ours.ResponseMin || theirs.ResponseMax != ours.ResponseMax {
		t.Errorf("sample: min/max %d/%d, Newman's %d/%d", ours.ResponseMin, ours.ResponseMax, theirs.ResponseMin, theirs.ResponseMax)
	}
}

// A sent header the request did not set is written "system": true, and
// the request's own without the key, as in Newman's report.
func TestJSONSystemHeaders(t *testing.T) {
	t.Parallel()
	s := sent("GET", base+"/", "")
	s.Headers = []event.Header{{Key: "X-A", Value: "1"}, {Key: "Host", Value: "example.test", System: true}}
	report := oneRequestJSON(t, event.Request{Sent: s, Resp: resp(200, "OK", jsonType, "{}", 100, time.Millisecond, "")})
	var doc struct {
		Run struct {
			Executions []struct {
				Request struct {
					Header []map[string]any `json:"header"`
				} `json:"request"`
			} `json:"executions"`
		} `json:"run"`
	}
	if err := json.Unmarshal([]byte(report), &doc); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{{"key": "X-A", "value": "1"}, {"key": "Host", "value": "example.test", "system": true}}
	if d := cmp.Diff(want, doc.Run.Executions[0].Request.Header); d != "" {
		t.Errorf("request.header (-want +got):\n%s", d)
	}
}

// TestJSONSendRequestMatchesNewman sets the report of the send-request
// stream beside Newman 6.2.2's report of the same run
// (testdata/newman/sendrequest.newman.json). Newman lists an item once
// per request event, its pm.sendRequest calls' too, and every entry is the
// same object: the item's last request and response (a test script's
// send comes after the item's own), with that request's id, and a send's
// network error kept. A failed send's failure names the request the send
// built (an id, no name) and no parent.
func TestJSONSendRequestMatchesNewman(t *testing.T) {
	t.Parallel()
	type entry struct {
		Item, ID, Path, ErrCode, ErrMessage string
		Code                                int
		Assertions                          []string
	}
	type failure struct {
		At, SourceID, SourceName, SourcePath string
		Parent                               bool
	}
	type view struct {
		Executions []entry
		Failures   []failure
	}
	read := func(b []byte) view {
		var doc struct {
			Run struct {
				Executions []struct {
					Item struct {
						ID   string `json:"id"`
						Name string `json:"name"`
					} `json:"item"`
					ID      string `json:"id"`
					Request struct {
						URL struct {
							Path []string `json:"path"`
						} `json:"url"`
					} `json:"request"`
					Response *struct {
						Code int `json:"code"`
					} `json:"response"`
					RequestError *struct {
						Code    string `json:"code"`
						Message string `json:"message"`
					} `json:"requestError"`
					Assertions []struct {
						Assertion string `json:"assertion"`
					} `json:"assertions"`
				} `json:"executions"`
				Failures []struct {
					At     string `json:"at"`
					Source *struct {
						ID      string `json:"id"`
						Name    string `json:"name"`
						Request *struct {
							URL struct {
								Path []string `json:"path"`
							} `json:"url"`
						} `json:"request"`
					} `json:"source"`
					Parent json.RawMessage `json:"parent"`
				} `json:"failures"`
			} `json:"run"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		var v view
		for _, x := range doc.Run.Executions {
			e := entry{Item: x.Item.Name, ID: x.ID, Path: strings.Join(x.Request.URL.Path, "/")}
			if x.ID != x.Item.ID {
				e.ID = "a send's id" // Newman's is a random UUID
			}
			if x.Response != nil {
				e.Code = x.Response.Code
			}
			if x.RequestError != nil {
				e.ErrCode, e.ErrMessage = x.RequestError.Code, x.RequestError.Message
			}
			for _, a := range x.Assertions {
				e.Assertions = append(e.Assertions, a.Assertion)
			}
			v.Executions = append(v.Executions, e)
		}
		for _, f := range doc.Run.Failures {
			vf := failure{At: f.At, Parent: f.Parent != nil}
			if s := f.Source; s != nil {
				vf.SourceID, vf.SourceName = "set", s.Name
				if s.Request != nil {
					vf.SourcePath = strings.Join(s.Request.URL.Path, "/")
				}
			}
			v.Failures = append(v.Failures, vf)
		}
		return v
	}
	newman, err := os.ReadFile(filepath.Join("testdata", "newman", "sendrequest.newman.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := view{
		Executions: []entry{
			{Item: "Sign in first", ID: "5e0d0001-0000-4000-8000-000000000001", Path: "health", Code: 200, ErrCode: "ECONNREFUSED", Assertions: []string{"status is 200"}},
			{Item: "Sign in first", ID: "5e0d0001-0000-4000-8000-000000000001", Path: "health", Code: 200, ErrCode: "ECONNREFUSED", Assertions: []string{"status is 200"}},
			{Item: "Lookups", ID: "a send's id", Path: "missing", Code: 404, Assertions: []string{"user found"}},
			{Item: "Lookups", ID: "a send's id", Path: "missing", Code: 404, Assertions: []string{"user found"}},
			{Item: "Lookups", ID: "a send's id", Path: "missing", Code: 404, Assertions: []string{"user found"}},
			{Item: "Last", ID: "5e0d0001-0000-4000-8000-000000000003", Path: "health", Code: 200, Assertions: []string{"status is 200"}},
		},
		Failures: []failure{{At: "request", SourceID: "set", SourcePath: "signin"}},
	}
	if diff := cmp.Diff(want, read(newman)); diff != "" {
		t.Fatalf("the recorded Newman report is not what this test expects (-want +newman):\n%s", diff)
	}
	if diff := cmp.Diff(want, read(render(t, "send-request", "json"))); diff != "" {
		t.Errorf("report differs from Newman's (-want +colrun):\n%s", diff)
	}
}

// TestJSONFailureParent: a failure in a folder names the folder by id and
// name, as Newman 6.2.2's parent does (recorded: a failed assertion in
// item i1 "WithSend" of folder f1 "Folder"), and a top-level item's
// parent is the collection, whose info names it, as in Newman's.
func TestJSONFailureParent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		item       event.ItemRef
		wantSource string
		wantParent string
	}{
		{"in a folder", event.ItemRef{ID: "i1", Name: "WithSend", Folders: []string{"Folder"}, FolderIDs: []string{"f1"}},
			`{"id":"i1","name":"WithSend"}`, `{"id":"f1","name":"Folder"}`},
		{"top level", event.ItemRef{ID: "i2", Name: "Top"}, `{"id":"i2","name":"Top"}`,
			`{"info":{"_postman_id":"c0","name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf strings.Builder
			j := NewJSONWriter(&buf, nil)
			c := event.Cursor{Ref: "r1", Length: 1}
			for _, e := range []event.Event{
				{RunStart: &event.RunStart{Collection: event.CollectionInfo{Name: "c", ID: "c0"}, Iterations: 1, Requests: 1}},
				{ItemStart: &event.ItemStart{Cursor: c, Item: tc.item}},
				{Assertion: &event.Assertion{Cursor: c, Item: tc.item, Name: "ok", Error: &event.AssertionError{Name: "AssertionError", Message: "no"}}},
				{ItemEnd: &event.ItemEnd{Cursor: c, Item: tc.item}},
				{RunEnd: &event.RunEnd{}},
			} {
				if err := j.Handle(e); err != nil {
					t.Fatal(err)
				}
			}
			var doc struct {
				Run struct {
					Failures []struct {
						Source json.RawMessage `json:"source"`
						Parent json.RawMessage `json:"parent"`
					} `json:"failures"`
				} `json:"run"`
			}
			if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Run.Failures) != 1 {
				t.Fatalf("%d failures, want 1", len(doc.Run.Failures))
			}
			compact := func(m json.RawMessage) string {
				var b bytes.Buffer
				if len(m) > 0 {
					_ = json.Compact(&b, m)
				}
				return b.String()
			}
			f := doc.Run.Failures[0]
			if got := compact(f.Source); got != tc.wantSource {
				t.Errorf("source = %s, want %s", got, tc.wantSource)
			}
			if got := compact(f.Parent); got != tc.wantParent {
				t.Errorf("parent = %s, want %s", got, tc.wantParent)
			}
		})
	}
}
