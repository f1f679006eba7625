package runner

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/report"
)

// The JSON report's request.body is the body as the collection defines
// it, variables resolved as sent, as Newman 6.2.2's report lists it: the
// mode's own field (raw with options.raw.language, urlencoded and formdata
// lists with their disabled entries, graphql, file), also for a body not
// sent (disabled, or pruned from a GET), and no body at all for a request
// without one. colrun's report had the wire bytes as raw for every mode.
// The expected values are Newman's report of the same collection.
func TestJSONReportBodyIsTheDefinition(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/a": func(w http.ResponseWriter, r *http.Request) {}})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte("hello\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, item string
		want       string // Newman's request.body; "" when it has none
	}{
		{"raw json", `"method":"POST","url":"{{base}}/a","body":{"mode":"raw","raw":"x {{v}}","options":{"raw":{"language":"json"}}}`,
			`{"mode":"raw","raw":"x VV","options":{"raw":{"language":"json"}}}`},
		{"raw comments stripped", `"method":"POST","url":"{{base}}/a","body":{"mode":"raw","raw":"// c\n{\"a\":1}","options":{"raw":{"language":"json"}}}`,
			`{"mode":"raw","raw":"\n{\"a\":1}","options":{"raw":{"language":"json"}}}`},
		{"raw empty", `"method":"POST","url":"{{base}}/a","body":{"mode":"raw","raw":""}`,
			`{"mode":"raw","raw":""}`},
		{"no body", `"method":"POST","url":"{{base}}/a"`, ``},
		{"pruned from GET", `"method":"GET","url":"{{base}}/a","body":{"mode":"raw","raw":"g"}`,
			`{"mode":"raw","raw":"g"}`},
		{"disabled body", `"method":"POST","url":"{{base}}/a","body":{"mode":"raw","raw":"zz {{v}}","disabled":true}`,
			`{"mode":"raw","raw":"zz VV","disabled":true}`},
		{"urlencoded", `"method":"POST","url":"{{base}}/a","body":{"mode":"urlencoded","urlencoded":[{"key":"k{{v}}","value":"{{v}}"},{"key":"x{{v}}","value":"y{{v}}","disabled":true},{"key":"t","value":"u","type":"text"}]}`,
			`{"mode":"urlencoded","urlencoded":[{"key":"kVV","value":"VV"},{"disabled":true,"key":"xVV","value":"yVV"},{"key":"t","value":"u"}]}`},
		{"urlencoded empty", `"method":"POST","url":"{{base}}/a","body":{"mode":"urlencoded","urlencoded":[]}`,
			`{"mode":"urlencoded","urlencoded":[]}`},
		{"urlencoded pruned from GET", `"method":"GET","url":"{{base}}/a","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"{{v}}"}]}`,
			`{"mode":"urlencoded","urlencoded":[{"key":"a","value":"VV"}]}`},
		{"formdata", `"method":"POST","url":"{{base}}/a","body":{"mode":"formdata","formdata":[{"key":"k","value":"{{v}}","type":"text"},{"key":"f","src":"f.txt","type":"file"},{"key":"z{{v}}","value":"q","disabled":true,"type":"text"}]}`,
			`{"mode":"formdata","formdata":[{"key":"k","value":"VV","type":"text"},{"key":"f","type":"file","src":"f.txt"},{"disabled":true,"key":"zVV","value":"q","type":"text"}]}`},
		{"formdata without type", `"method":"POST","url":"{{base}}/a","body":{"mode":"formdata","formdata":[{"key":"a","value":"1"},{"key":"b","value":"2","type":"text"}]}`,
			`{"mode":"formdata","formdata":[{"key":"a","value":"1"},{"key":"b","value":"2","type":"text"}]}`},
		{"descriptions", `"method":"POST","url":"{{base}}/a","body":{"mode":"formdata","formdata":[{"key":"a","value":"1","description":"d {{v}}"},{"key":"b","value":"2","type":"text","description":{"content":"plain"}}]}`,
			`{"mode":"formdata","formdata":[{"description":{"content":"d VV","type":"text/plain"},"key":"a","value":"1"},{"description":{"content":"plain","type":"text/plain"},"key":"b","value":"2","type":"text"}]}`},
		{"urlencoded description", `"method":"POST","url":"{{base}}/a","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1","description":"hi {{v}}"}]}`,
			`{"mode":"urlencoded","urlencoded":[{"description":{"content":"hi VV","type":"text/plain"},"key":"a","value":"1"}]}`},
		{"formdata several files", `"method":"POST","url":"{{base}}/a","body":{"mode":"formdata","formdata":[{"key":"f","src":["f.txt","f.txt"],"type":"file"}]}`,
			`{"mode":"formdata","formdata":[{"key":"f","type":"file","src":"f.txt"},{"key":"f","type":"file","src":"f.txt"}]}`},
		{"graphql", `"method":"POST","url":"{{base}}/a","body":{"mode":"graphql","graphql":{"query":"{ a {{v}} }","variables":"{\"x\":\"{{v}}\"}"}}`,
			`{"mode":"graphql","graphql":{"query":"{ a VV }","variables":"{\"x\":\"VV\"}"}}`},
		{"graphql without variables", `"method":"POST","url":"{{base}}/a","body":{"mode":"graphql","graphql":{"query":"{a}"}}`,
			`{"mode":"graphql","graphql":{"query":"{a}"}}`},
		{"file", `"method":"POST","url":"{{base}}/a","body":{"mode":"file","file":{"src":"f.txt"}}`,
			`{"mode":"file","file":{"src":"f.txt"}}`},
		{"file that fails to load", `"method":"POST","url":"{{base}}/a","body":{"mode":"file","file":{"src":"nope.bin"}}`,
			`{"mode":"file","file":{"src":"nope.bin","value":null}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := strings.Replace(collection(rec.srv.URL, `{"name":"r","request":{`+tt.item+`}}`),
				`"variable":[`, `"variable":[{"key":"v","value":"VV"},`, 1)
			ev, _ := run(t, parse(t, doc), Options{WorkingDir: dir})
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
							Body json.RawMessage `json:"body"`
						} `json:"request"`
					} `json:"executions"`
				} `json:"run"`
			}
			if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Run.Executions) != 1 {
				t.Fatalf("%d executions, want 1", len(rep.Run.Executions))
			}
			var want, got any
			if tt.want != "" {
				if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
					t.Fatal(err)
				}
			}
			if b := rep.Run.Executions[0].Request.Body; len(b) > 0 {
				if err := json.Unmarshal(b, &got); err != nil {
					t.Fatal(err)
				}
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("request.body (-newman +colrun):\n%s", d)
			}
		})
	}
}
