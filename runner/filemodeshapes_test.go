package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A file body is sent and warned about as Newman 6.2.2 does: content
// without a src goes as the bytes its base64 stands for (Node's lenient
// decoding), and a file without a loadable src (none, "", null, 5) warns
// "Binary file load error: invalid or missing file source" and sends no
// body. The expected values are what Newman sent and logged for the same
// items.
func TestFileBodyAsNewmanSendsIt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file string
		sent       []byte
		warnings   []string
	}{
		{"content", `{"content":"aGVsbG8gd29ybGQ="}`, []byte("hello world"), nil},
		{"content with spaces, url-safe letters, no padding", `{"content":"aGV sbG8\n-_x"}`, []byte{104, 101, 108, 108, 111, 62, 255}, nil},
		{"content up to =", `{"content":"aGk=aGk"}`, []byte("hi"), nil},
		{"no src", `{}`, nil, []string{"Binary file load error: invalid or missing file source"}},
		{"src empty", `{"src":""}`, nil, []string{"Binary file load error: invalid or missing file source"}},
		{"src null", `{"src":null}`, nil, []string{"Binary file load error: invalid or missing file source"}},
		{"src 5", `{"src":5}`, nil, []string{"Binary file load error: invalid or missing file source"}},
		{"file null", `null`, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			item := `{"name":"r","request":{"method":"POST","url":"{{base}}/post","body":{"mode":"file","file":` + tc.file + `}}}`
			ev, _ := run(t, parse(t, collection(rec.srv.URL, item)), Options{})
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server got %d requests, want 1", len(got))
			}
			if diff := cmp.Diff(string(tc.sent), got[0].Body); diff != "" {
				t.Errorf("body sent (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.warnings, ev.warnings()); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// warnings lists the messages of the run's warnings, in order.
func (e *events) warnings() []string {
	var out []string
	for _, ev := range e.all {
		if ev.Warning != nil {
			out = append(out, ev.Warning.Message)
		}
	}
	return out
}
