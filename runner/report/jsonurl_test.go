package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

// The JSON report's request.url lists the path and query as they were
// sent, as Newman 6.2.2's does. The expected values are Newman's report
// for its integration fixture whatwg-url: a lone % and | stayed in the
// path (colrun's report had an empty URL, url.Parse refusing the %), an
// empty path is [""], and an empty query parameter has a null key unless
// it is the last.
func TestJSONRequestURLAsSent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, url string
		want      string
	}{
		{"lone percent and pipe", "http://127.0.0.1:4141/%20/%/|/%7B/[/]",
			`{"path":["%20","%","|","%7B","[","]"],"query":[]}`},
		{"empty path", "http://127.0.0.1:4141/?q=%F0%9F%8D%AA",
			`{"path":[""],"query":[{"key":"q","value":"%F0%9F%8D%AA"}]}`},
		{"no path", "http://127.0.0.1:4141",
			`{"path":[""],"query":[]}`},
		{"trailing ?", "http://127.0.0.1:5601/get?",
			`{"path":["get"],"query":[{"key":"","value":null}]}`},
		{"?&&", "http://127.0.0.1:5601/get?&&",
			`{"path":["get"],"query":[{"key":null,"value":null},{"key":null,"value":null},{"key":"","value":null}]}`},
		{"foo&", "http://127.0.0.1:5601/get?foo&",
			`{"path":["get"],"query":[{"key":"foo","value":null},{"key":"","value":null}]}`},
		{"empty keys and values", "http://127.0.0.1:5601/get?get&=bar&=&baz=&&",
			`{"path":["get"],"query":[{"key":"get","value":null},{"key":"","value":"bar"},{"key":"","value":""},{"key":"baz","value":""},{"key":null,"value":null},{"key":"","value":null}]}`},
		{"query as written", `http://127.0.0.1:4141/?q="'<=>!$%()*+?@[\]^{|}~`,
			`{"path":[""],"query":[{"key":"q","value":"\"'<=>!$%()*+?@[\\]^{|}~"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			report := oneRequestJSON(t, event.Request{Sent: sent("GET", tt.url, ""), Resp: resp(200, "OK", jsonType, "{}", 100, time.Millisecond, "")})
			var doc struct {
				Run struct {
					Executions []struct {
						Request struct {
							URL struct {
								Path  []string          `json:"path"`
								Query []json.RawMessage `json:"query"`
							} `json:"url"`
						} `json:"request"`
					} `json:"executions"`
				} `json:"run"`
			}
			if err := json.Unmarshal([]byte(report), &doc); err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(doc.Run.Executions[0].Request.URL)
			if err != nil {
				t.Fatal(err)
			}
			var want, have any
			_ = json.Unmarshal([]byte(tt.want), &want)
			_ = json.Unmarshal(got, &have)
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("request.url (-want +got):\n%s", d)
			}
		})
	}
}

// oneRequestJSON is the JSON report of a run of one request.
func oneRequestJSON(t *testing.T, req event.Request) string {
	t.Helper()
	b := &builder{}
	b.start(event.CollectionInfo{Name: "t"}, "", 1, 1, time.UnixMilli(0))
	b.iteration(0)
	b.item(0, 0, "id-0", "r").request(req).end(false)
	b.iterationEnd(0)
	b.end(time.UnixMilli(10), "", false)
	var out strings.Builder
	replayEvents(t, NewJSONWriter(&out, nil), b.evs)
	return out.String()
}

// A request colrun could not send because of its host still has its URL
// in Newman's object form: the protocol Newman defaulted on sending and
// the host split as Postman splits it. Expected values are Newman 6.2.2's
// for the same URLs; colrun's report had no protocol and an empty host.
func TestJSONRequestURLUnsendableHost(t *testing.T) {
	t.Parallel()
	tests := []struct{ url, want string }{
		{"{{nohost}}/a?x=1", `{"protocol":"http","host":["{{nohost}}"],"path":["a"],"query":[{"key":"x","value":"1"}]}`},
		{"http://exa mple.local/x", `{"protocol":"http","host":["exa mple","local"],"path":["x"],"query":[]}`},
		{"http://127.0.0.1:99999/x", `{"protocol":"http","port":"99999","host":["127","0","0","1"],"path":["x"],"query":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			t.Parallel()
			report := oneRequestJSON(t, event.Request{Sent: sent("GET", tt.url, ""), Error: "getaddrinfo ENOTFOUND"})
			var doc struct {
				Run struct {
					Executions []struct {
						Request struct {
							URL struct {
								Protocol string            `json:"protocol"`
								Port     string            `json:"port,omitempty"`
								Host     []string          `json:"host"`
								Path     []string          `json:"path"`
								Query    []json.RawMessage `json:"query"`
							} `json:"url"`
						} `json:"request"`
					} `json:"executions"`
				} `json:"run"`
			}
			if err := json.Unmarshal([]byte(report), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Run.Executions) != 1 {
				t.Fatalf("%d executions, want 1", len(doc.Run.Executions))
			}
			got, _ := json.Marshal(doc.Run.Executions[0].Request.URL)
			if d := cmp.Diff(tt.want, string(got)); d != "" {
				t.Errorf("request.url (-Newman +colrun):\n%s", d)
			}
		})
	}
}
