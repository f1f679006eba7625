package runner

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/report"
)

// TestHeaderDescriptionInReport checks that the JSON report lists a sent
// header's description as Newman 6.2.2 does: {content, type} with the
// collection's type, content that is not a string kept as its JSON value
// (7, true, {"content": null}), the type alone where there is no content,
// and variables resolved (an unknown one left as written). colrun listed
// no header descriptions.
func TestHeaderDescriptionInReport(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		name, desc string // desc is the description member, "" for none
		want       string // Newman's request.header[0].description, "" for none
	}{
		{"none", ``, ``},
		{"string", `"hs"`, `{"content":"hs","type":"text/plain"}`},
		{"markdown", `{"content":"hm","type":"text/markdown"}`, `{"content":"hm","type":"text/markdown"}`},
		{"number", `7`, `{"content":7,"type":"text/plain"}`},
		{"true", `true`, `{"content":true,"type":"text/plain"}`},
		{"null content", `{"content":null}`, `{"content":null,"type":"text/plain"}`},
		{"empty string", `""`, `{"content":"","type":"text/plain"}`},
		{"null", `null`, `{"type":"text/plain"}`},
		{"type only", `{"type":"text/markdown"}`, `{"type":"text/markdown"}`},
		{"false", `false`, `{"type":"text/plain"}`},
		{"variables", `"d {{v}} {{nope}}"`, `{"content":"d VV {{nope}}","type":"text/plain"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := `{"key":"X-A","value":"1"}`
			if tt.desc != "" {
				h = `{"key":"X-A","value":"1","description":` + tt.desc + `}`
			}
			doc := `{"info":{"name":"c"},"variable":[{"key":"v","value":"VV"}],"item":[{"name":"r",
				"request":{"method":"GET","url":"` + rec.srv.URL + `/x","header":[` + h + `]}}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{})
			var out strings.Builder
			j := report.NewJSONWriter(&out, nil)
			for _, e := range ev.all {
				if err := j.Handle(e); err != nil {
					t.Fatal(err)
				}
			}
			var rep struct {
				Run struct {
					Executions []struct {
						Request struct {
							Header []map[string]json.RawMessage
						}
					}
				}
			}
			if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
				t.Fatal(err)
			}
			if n := len(rep.Run.Executions); n != 1 {
				t.Fatalf("%d executions, want 1", n)
			}
			hs := rep.Run.Executions[0].Request.Header
			if len(hs) == 0 || string(hs[0]["key"]) != `"X-A"` {
				t.Fatalf("request.header = %v, want X-A first", hs)
			}
			got := string(hs[0]["description"])
			if got != "" {
				var v any
				_ = json.Unmarshal(hs[0]["description"], &v)
				b, _ := json.Marshal(v)
				got = string(b)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("request.header[0].description (-newman +colrun):\n%s", d)
			}
		})
	}
}
