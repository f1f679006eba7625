package collections_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner"
)

// TestFormPartContentTypeThatIsNotAString sends form-data parts whose
// contentType is a number, a boolean, an object, a list or empty; the
// wanted part headers are what a server got from Newman 6.2.2, which
// passes only a string contentType on: the others send no Content-Type,
// or a file's own. colrun sent "Content-Type: 5".
func TestFormPartContentTypeThatIsNotAString(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.json"), []byte(`{"a":1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, part, want string
	}{
		{"a number", `{"key":"a","value":"b","contentType":5}`, ""},
		{"a string", `{"key":"c","value":"d","contentType":"text/plain"}`, "text/plain"},
		{"a boolean", `{"key":"g","value":"h","contentType":true}`, ""},
		{"empty", `{"key":"i","value":"j","contentType":""}`, ""},
		{"an object", `{"key":"o","value":"p","contentType":{"x":"text/html"}}`, ""},
		{"a number on a file", `{"key":"f1","type":"file","src":"f.json","contentType":5}`, "application/json"},
		{"a list on a file", `{"key":"f2","type":"file","src":"f.json","contentType":["text/plain"]}`, "application/json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			types := make(chan []string, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				var got []string
				_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
				mr := multipart.NewReader(r.Body, params["boundary"])
				for p, err := mr.NextPart(); err == nil; p, err = mr.NextPart() {
					_, _ = io.Copy(io.Discard, p)
					got = append(got, p.Header.Get("Content-Type"))
				}
				types <- got
			}))
			t.Cleanup(srv.Close)
			src := `{"info":{"name":"f","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"item":[{"name":"r","request":{"method":"POST","url":"` + srv.URL + `/post",
					"body":{"mode":"formdata","formdata":[` + tc.part + `]}}}]}`
			c, err := collections.ParseCollection("f.json", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			rn, err := runner.New(c, runner.Options{WorkingDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := rn.Run(context.Background(), &assertionsRecorder{}); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff([]string{tc.want}, <-types); d != "" {
				t.Errorf("part Content-Type sent (-Newman +colrun):\n%s", d)
			}
		})
	}
}
