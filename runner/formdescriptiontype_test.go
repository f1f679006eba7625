package runner

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/report"
)

// descEntries are form entries with each way a collection can give a
// description: a string, an object with and without type, an empty
// string, an object without content, an empty type, none, and null.
const descEntries = `[{"key":"a","value":"1","description":"s"},
	{"key":"b","value":"2","description":{"content":"m","type":"text/markdown"}},
	{"key":"c","value":"3","description":{"content":"n"}},
	{"key":"d","value":"4","description":""},
	{"key":"e","value":"5","description":{"type":"text/markdown"}},
	{"key":"f","value":"6","description":{"content":"","type":"text/markdown"}},
	{"key":"g","value":"7","description":{"content":"x","type":""}},
	{"key":"h","value":"8"},
	{"key":"i","value":"9","description":null}]`

// newmanDescs is what Newman 6.2.2 shows for descEntries' descriptions,
// in the JSON report and in scripts alike: the collection's type (or
// text/plain), and no content where the collection gives none.
var newmanDescs = []any{
	map[string]any{"content": "s", "type": "text/plain"},
	map[string]any{"content": "m", "type": "text/markdown"},
	map[string]any{"content": "n", "type": "text/plain"},
	map[string]any{"content": "", "type": "text/plain"},
	map[string]any{"type": "text/markdown"},
	map[string]any{"content": "", "type": "text/markdown"},
	map[string]any{"content": "x", "type": "text/plain"},
	nil,
	map[string]any{"type": "text/plain"},
}

// TestFormDescriptionKeepsType checks that urlencoded and formdata entries
// keep their description's type and content as Newman 6.2.2 shows them,
// in the JSON report's request.body and in pm.request's toJSON() and
// .description in pre-request and test scripts (a pre-request script that
// changes pm.request too). colrun showed every description as
// {content, type: "text/plain"} and left empty ones out.
func TestFormDescriptionKeepsType(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	for _, mode := range []string{"urlencoded", "formdata"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			logs := fmt.Sprintf(`console.log(JSON.stringify([pm.request.body.%[1]s.toJSON().map(function (p) { return p.description; }), pm.request.body.%[1]s.all().map(function (p) { return p.description === undefined ? null : p.description; })]))`, mode)
			item := fmt.Sprintf(`{"name":"r","request":{"method":"POST","url":"{{base}}/x","body":{"mode":%q,%q:%s}},
				"event":[{"listen":"prerequest","script":{"exec":[%q,"pm.request.headers.add({key:'X-T',value:'1'})"]}},
				{"listen":"test","script":{"exec":[%q]}}]}`, mode, mode, descEntries, logs, logs)
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, item)), Options{})
			want := []any{newmanDescs, newmanDescs}
			for _, e := range ev.all {
				c := e.Console
				if c == nil {
					continue
				}
				var got []any
				if err := json.Unmarshal([]byte(strings.Trim(c.Messages[0], "'")), &got); err != nil {
					t.Fatalf("console %s: %v", c.Messages[0], err)
				}
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("pm.request.body.%s descriptions [toJSON, .description] (-newman +colrun):\n%s", mode, d)
				}
			}

			params := reportedForm(t, ev.all, mode)
			var got []any
			for _, p := range params {
				got = append(got, p["description"])
			}
			if d := cmp.Diff(newmanDescs, got); d != "" {
				t.Errorf("JSON report request.body.%s descriptions (-newman +colrun):\n%s", mode, d)
			}
		})
	}
}

// reportedForm is the mode's form entries in the JSON report of a run of
// one request.
func reportedForm(t *testing.T, events []event.Event, mode string) []map[string]any {
	t.Helper()
	var out strings.Builder
	j := report.NewJSONWriter(&out, nil)
	for _, e := range events {
		if err := j.Handle(e); err != nil {
			t.Fatal(err)
		}
	}
	// Only the path to the form matters here, so the report is read
	// as plain JSON values.
	var rep struct {
		Run struct{ Executions []map[string]json.RawMessage }
	}
	if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Run.Executions); n != 1 {
		t.Fatalf("%d executions, want 1", n)
	}
	var req struct{ Body map[string]json.RawMessage }
	if err := json.Unmarshal(rep.Run.Executions[0]["request"], &req); err != nil {
		t.Fatal(err)
	}
	var params []map[string]any
	if err := json.Unmarshal(req.Body[mode], &params); err != nil {
		t.Fatalf("request.body.%s: %v", mode, err)
	}
	return params
}
