package runner

import (
	"strings"
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

// A form-data file part without a src is sent as Newman 6.2.2 sends it:
// its value as the bytes its base64 stands for (an empty list of srcs
// beside a value sends the value as text), and without a value as an
// empty part named "", warning "missing file source". The expected
// values are what Newman sent and logged for the same item.
func TestFormFilePartWithoutSrcAsNewmanSendsIt(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	item := `{"name":"r","request":{"method":"POST","url":"{{base}}/post","body":{"mode":"formdata","formdata":[
		{"key":"a","type":"file","value":"aGk="},
		{"key":"b","type":"file","value":"aGk=","fileName":"x.txt"},
		{"key":"c","type":"file","value":"aGk=","contentType":"text/y"},
		{"key":"d","type":"file","value":"aGk=","src":[]},
		{"key":"e","type":"file"},
		{"key":"f","type":"file","value":"aGk=","src":""}]}}}`
	ev, _ := run(t, parse(t, collection(rec.srv.URL, item)), Options{})
	got := rec.all()
	if len(got) != 1 {
		t.Fatalf("server got %d requests, want 1", len(got))
	}
	want := []string{
		`form-data; name="a"|application/octet-stream|hi`,
		`form-data; name="b"; filename="x.txt"|text/plain|hi`,
		`form-data; name="c"|text/y|hi`,
		`form-data; name="d"||aGk=`,
		`form-data; name="e"; filename=""||`,
		`form-data; name="f"|application/octet-stream|hi`,
	}
	if diff := cmp.Diff(want, multipartParts(t, got[0])); diff != "" {
		t.Errorf("parts sent (-want +got):\n%s", diff)
	}
	wantWarnings := []string{"Form param `d`, file load error: missing file source", "Form param `e`, file load error: missing file source"}
	if diff := cmp.Diff(wantWarnings, ev.warnings()); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// logged lists the run's console messages, each line's arguments joined
// by spaces.
func (e *events) logged() []string {
	var out []string
	for _, ev := range e.all {
		if c := ev.Console; c != nil {
			out = append(out, strings.Join(c.Messages, " "))
		}
	}
	return out
}
