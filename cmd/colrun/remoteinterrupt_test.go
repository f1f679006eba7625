package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
)

// Ctrl-C while a collection, environment or data file given as a URL
// downloads stops colrun at once, with the signal's exit code: the
// download used to go on, Ctrl-C unheeded, until its 60 s limit, and then
// exit 2 as if the URL were bad.
func TestInterruptDuringDownload(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	hung := make(chan struct{}, 4)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hung <- struct{}{}
		<-r.Context().Done()
	}))
	t.Cleanup(hang.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"`+srv.URL+`/x"}]}`)
	tests := []struct {
		name string
		args []string
	}{
		{"collection", []string{"run", hang.URL + "/c.json"}},
		{"environment", []string{"run", coll, "-e", hang.URL + "/env.json"}},
		{"data file", []string{"run", coll, "-d", hang.URL + "/data.csv"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			var out, errb bytes.Buffer
			done := make(chan int)
			go func() {
				done <- dispatch(ctx, tc.args, stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(string) string { return "" }})
			}()
			<-hung
			cancel(signalStop{sig: syscall.SIGINT})
			code := <-done
			if code != 130 || !strings.Contains(errb.String(), "SIGINT received") {
				t.Errorf("exit %d, stderr %q; want exit 130, naming SIGINT", code, errb.String())
			}
		})
	}
}
