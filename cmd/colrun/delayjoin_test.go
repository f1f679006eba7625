package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// writeLog keeps each Write to stdout apart, to see when the CLI report
// hands text to the terminal.
type writeLog struct{ writes []string }

func (w *writeLog) Write(p []byte) (int, error) {
	w.writes = append(w.writes, string(p))
	return len(p), nil
}

// TestDelayRequestShowsEachItemAtOnce checks how run wires the CLI
// report's batching: without --delay-request an item's results may wait
// for the next item's header (one write for both), but with a delay they
// must reach the terminal as the item ends, not after the delay.
func TestDelayRequestShowsEachItemAtOnce(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	coll := writeFile(t, t.TempDir(), "two.json", fmt.Sprintf(`{"info":{"name":"two"},"item":[
		{"name":"first","request":"%[1]s/1","event":[{"listen":"test","script":{"exec":"pm.test('first passes', function () {});"}}]},
		{"name":"second","request":"%[1]s/2"}]}`, srv.URL))
	tests := []struct {
		name       string
		args       []string
		sameWrites bool // the first item's result and the second's header in one write
	}{
		{"no delay", nil, true},
		{"delay", []string{"--delay-request", "1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out writeLog
			var errb strings.Builder
			args := append([]string{"run", coll, "--reporters", "cli"}, tt.args...)
			if code := dispatch(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(string) string { return "" }}); code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", code, errb.String())
			}
			result, header := -1, -1
			for i, w := range out.writes {
				if result < 0 && strings.Contains(w, "first passes") {
					result = i
				}
				if header < 0 && strings.Contains(w, "second") {
					header = i
				}
			}
			if result < 0 || header < 0 {
				t.Fatalf("report lacks the first item's result or the second item:\n%s", strings.Join(out.writes, ""))
			}
			if got := result == header; got != tt.sameWrites {
				t.Errorf("the first item's result and the second item's header in one write: %v, want %v; writes:\n%q", got, tt.sameWrites, out.writes)
			}
		})
	}
}
