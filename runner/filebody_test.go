package runner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// File bodies go out as Newman 6.2.2 sends them: with the type mime-db
// gives the file's extension unless the request names one, and a file
// that cannot be read is logged and sent as an empty body, the run going
// on (outputs checked against Newman with the same collection).
func TestFileBodiesAsNewmanSendsThem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, content := range map[string]string{"c.json": `{"k":"v"}`, "blob": "\x00\x01", "a.txt": "text"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `
		{"name":"json","request":{"method":"POST","url":"{{base}}/json","body":{"mode":"file","file":{"src":"c.json"}}}},
		{"name":"no extension","request":{"method":"POST","url":"{{base}}/blob","body":{"mode":"file","file":{"src":"blob"}}}},
		{"name":"own type","request":{"method":"POST","url":"{{base}}/own","header":[{"key":"Content-Type","value":"text/x-mine"}],"body":{"mode":"file","file":{"src":"c.json"}}}},
		{"name":"missing","request":{"method":"PUT","url":"{{base}}/missing","body":{"mode":"file","file":{"src":"nope.bin"}}}},
		{"name":"form","request":{"method":"POST","url":"{{base}}/form","body":{"mode":"formdata","formdata":[{"key":"f","src":"a.txt","type":"file"}]}}}`))
	ev, _ := run(t, c, Options{WorkingDir: dir})
	var got []string
	for _, r := range rec.all() {
		line := r.Method + " " + r.URI + " " + r.Header.Get("Content-Type") + " " + r.Header.Get("Content-Length")
		if r.URI == "/form" {
			line = r.Method + " " + r.URI + " part " + partType(t, r)
		}
		got = append(got, line)
	}
	want := []string{
		"POST /json application/json 9",
		"POST /blob application/octet-stream 2",
		"POST /own text/x-mine 9",
		"PUT /missing  0",
		"POST /form part text/plain",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("sent (-want +got):\n%s", d)
	}
	var warnings []string
	for _, e := range ev.all {
		if e.Warning != nil {
			warnings = append(warnings, e.Warning.Message)
		}
	}
	if d := cmp.Diff([]string{`Binary file load error: "nope.bin", no such file or directory`}, warnings); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
	for _, r := range ev.requests() {
		if r.Error != "" {
			t.Errorf("%s failed: %s", r.Item.Name, r.Error)
		}
	}
}

// partType is the Content-Type of the first part of a multipart body.
func partType(t *testing.T, r received) string {
	t.Helper()
	_, rest, ok := strings.Cut(r.Body, "Content-Type: ")
	if !ok {
		return ""
	}
	ct, _, _ := strings.Cut(rest, "\r")
	return ct
}
