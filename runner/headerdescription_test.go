package runner

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/report"
)

// jsonReport is the JSON report of a run's events.
func jsonReport(t *testing.T, events []event.Event) []byte {
	t.Helper()
	var out strings.Builder
	j := report.NewJSONWriter(&out, nil)
	for _, e := range events {
		if err := j.Handle(e); err != nil {
			t.Fatal(err)
		}
	}
	return []byte(out.String())
}

// TestHeaderDescriptionInReport checks that the JSON report lists a sent
// header's description as Newman 6.2.2 does: {content, type} with the
// collection's type, content that is not a string kept as its JSON value
// (7, true, {"content": null}), the type alone where there is no content,
// and variables resolved (an unknown one left as written). So do scripts:
// a pre-request script's pm.request.headers and url.query (variables not
// resolved yet), and a test script's pm.request.headers. A pre-request
// script's change to the headers keeps them in the report. colrun listed
// no header descriptions and showed scripts none.
func TestHeaderDescriptionInReport(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		name, desc string // desc is the description member, "" for none
		want       string // Newman's request.header[0].description, "" for none
		// wantPre is the pre-request script's, when it differs.
		wantPre string
	}{
		{"none", ``, ``, ``},
		{"string", `"hs"`, `{"content":"hs","type":"text/plain"}`, ``},
		{"markdown", `{"content":"hm","type":"text/markdown"}`, `{"content":"hm","type":"text/markdown"}`, ``},
		{"number", `7`, `{"content":7,"type":"text/plain"}`, ``},
		{"true", `true`, `{"content":true,"type":"text/plain"}`, ``},
		{"null content", `{"content":null}`, `{"content":null,"type":"text/plain"}`, ``},
		{"empty string", `""`, `{"content":"","type":"text/plain"}`, ``},
		{"null", `null`, `{"type":"text/plain"}`, ``},
		{"type only", `{"type":"text/markdown"}`, `{"type":"text/markdown"}`, ``},
		{"false", `false`, `{"type":"text/plain"}`, ``},
		{"variables", `"d {{v}} {{nope}}"`, `{"content":"d VV {{nope}}","type":"text/plain"}`, `{"content":"d {{v}} {{nope}}","type":"text/plain"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := `{"key":"X-A","value":"1"}`
			if tt.desc != "" {
				h = `{"key":"X-A","value":"1","description":` + tt.desc + `}`
			}
			q := strings.Replace(h, `"X-A"`, `"q"`, 1)
			log := `console.log(JSON.stringify([pm.request.headers.toJSON()[0].description || null, pm.request.url.query.toJSON()[0].description || null]))`
			doc := `{"info":{"name":"c"},"variable":[{"key":"v","value":"VV"}],"item":[{"name":"r",
				"request":{"method":"GET","url":{"raw":"` + rec.srv.URL + `/x?q=1","host":["127.0.0.1"],"port":"` + rec.srv.URL[strings.LastIndex(rec.srv.URL, ":")+1:] + `",
				"path":["x"],"query":[` + q + `]},"header":[` + h + `]},
				"event":[{"listen":"prerequest","script":{"exec":[` + strconv.Quote(log) + `,"pm.request.headers.add({key:'X-B',value:'2'})"]}},
				{"listen":"test","script":{"exec":["console.log(JSON.stringify(pm.request.headers.toJSON()[0].description || null))"]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{})
			var rep struct {
				Run struct {
					Executions []struct {
						Request struct {
							Header []map[string]json.RawMessage
						}
					}
				}
			}
			if err := json.Unmarshal(jsonReport(t, ev.all), &rep); err != nil {
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
			null := func(s string) string {
				if s == "" {
					return "null"
				}
				return s
			}
			pre := tt.wantPre
			if pre == "" {
				pre = tt.want
			}
			var logs []string
			for _, e := range ev.all {
				if c := e.Console; c != nil {
					logs = append(logs, strings.Trim(c.Messages[0], "'"))
				}
			}
			want := []string{"[" + null(pre) + "," + null(pre) + "]", null(tt.want)}
			if d := cmp.Diff(want, logs); d != "" {
				t.Errorf("[pre-request [header, query], test header] descriptions (-newman +colrun):\n%s", d)
			}
		})
	}
}

// TestCollectionDescriptionInReport checks the JSON report's
// collection.info.description against Newman 6.2.2's: {content, type}
// with the collection's type, content that is not text as its JSON value.
// colrun wrote the text alone, and nothing for a number.
func TestCollectionDescriptionInReport(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct{ name, desc, want string }{
		{"none", ``, ``},
		{"string", `"cd"`, `{"content":"cd","type":"text/plain"}`},
		{"empty", `""`, `{"content":"","type":"text/plain"}`},
		{"number", `5`, `{"content":5,"type":"text/plain"}`},
		{"null content", `{"content":null}`, `{"content":null,"type":"text/plain"}`},
		{"markdown", `{"content":"m","type":"text/markdown"}`, `{"content":"m","type":"text/markdown"}`},
		{"type only", `{"type":"text/markdown"}`, `{"type":"text/markdown"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			info := `{"name":"c"}`
			if tt.desc != "" {
				info = `{"name":"c","description":` + tt.desc + `}`
			}
			doc := `{"info":` + info + `,"item":[{"name":"r","request":"` + rec.srv.URL + `/x"}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{})
			var rep struct {
				Collection struct{ Info map[string]json.RawMessage }
			}
			if err := json.Unmarshal(jsonReport(t, ev.all), &rep); err != nil {
				t.Fatal(err)
			}
			got := ""
			if raw, ok := rep.Collection.Info["description"]; ok {
				var v any
				_ = json.Unmarshal(raw, &v)
				b, _ := json.Marshal(v)
				got = string(b)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("collection.info.description (-newman +colrun):\n%s", d)
			}
		})
	}
}
