package event

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedactKeepsDisabledHeaders checks that masking secrets keeps a
// sent request's disabled headers flagged: Newman's report lists them
// with "disabled": true, and a redacted report listed them as if sent.
func TestRedactKeepsDisabledHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []Header
		want []Header
	}{
		{"disabled secret", []Header{{Key: "X-Token", Value: "s3cret", Disabled: true}}, []Header{{Key: "X-Token", Value: "***", Disabled: true}}},
		{"enabled and system", []Header{{Key: "X-A", Value: "s3cret"}, {Key: "Host", Value: "h", System: true}}, []Header{{Key: "X-A", Value: "***"}, {Key: "Host", Value: "h", System: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mask := func(s string) string { return strings.ReplaceAll(s, "s3cret", "***") }
			got := Redact(Event{Request: &Request{Sent: SentRequest{Headers: tt.in}}}, mask)
			if d := cmp.Diff(tt.want, got.Request.Sent.Headers); d != "" {
				t.Errorf("redacted sent headers (-want +got):\n%s", d)
			}
		})
	}
}
