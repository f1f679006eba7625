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
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"`+srv.URL+`/x"}]}`)
	tests := []struct {
		name string
		args func(hang string) []string
	}{
		{"collection", func(hang string) []string { return []string{"run", hang + "/c.json"} }},
		{"environment", func(hang string) []string { return []string{"run", coll, "-e", hang + "/env.json"} }},
		{"data file", func(hang string) []string { return []string{"run", coll, "-d", hang + "/data.csv"} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// A server of its own: with one shared by the subtests, one
			// could take another's "download started" and stop before its
			// own request, leaving a third waiting for ever.
			hung := make(chan struct{}, 1)
			hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				select {
				case hung <- struct{}{}:
				default:
				}
				<-r.Context().Done()
			}))
			t.Cleanup(hang.Close)
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			var out, errb bytes.Buffer
			done := make(chan int)
			go func() {
				done <- dispatch(ctx, tc.args(hang.URL), stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(string) string { return "" }})
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
