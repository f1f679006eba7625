package runner

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFormDataNamesGoOutAsWritten checks the Content-Disposition lines of
// form-data parts whose names hold a quote, a backslash or a line break.
// The wanted lines are what Newman 6.2.2 sent: the form-data package
// writes names and file names unescaped, where colrun escaped quotes and
// backslashes and turned line breaks into %0D and %0A, so a server saw
// other field names than under Newman.
func TestFormDataNamesGoOutAsWritten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, `q"f\.txt`), []byte("qq"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, param string
		want        []string
	}{
		{"a quote in a name", `{"key":"q\"uote","value":"v"}`, []string{`form-data; name="q"uote"`}},
		{"a backslash in a name", `{"key":"back\\slash","value":"v"}`, []string{`form-data; name="back\slash"`}},
		{"a line feed in a name", `{"key":"nl\nkey","value":"v"}`, []string{"form-data; name=\"nl\nkey\""}},
		{"a carriage return in a name", `{"key":"cr\rkey","value":"v"}`, []string{"form-data; name=\"cr\rkey\""}},
		{"a file whose name has a quote and a backslash", `{"key":"f","type":"file","src":"q\"f\\.txt"}`, []string{`form-data; name="f"; filename="q"f\.txt"`}},
		{"a fileName with a quote", `{"key":"fn","value":"txt","fileName":"a\"b.txt"}`, []string{`form-data; name="fn"; filename="a"b.txt"`}},
	}
	disposition := regexp.MustCompile(`(?s)Content-Disposition: (.*?)\r\n`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"item":[{"name":"r","request":{"method":"POST","url":"` + rec.srv.URL + `/f","body":{"mode":"formdata","formdata":[` + tc.param + `]}}}]}`
			run(t, parse(t, doc), Options{WorkingDir: dir})
			reqs := rec.all()
			if len(reqs) != 1 {
				t.Fatalf("server got %d requests, want 1", len(reqs))
			}
			var got []string
			for _, m := range disposition.FindAllStringSubmatch(reqs[0].Body, -1) {
				got = append(got, m[1])
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("Content-Disposition sent (-Newman +colrun):\n%s", d)
			}
		})
	}
}
