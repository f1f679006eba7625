package event

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/auth"
)

// Everything of a response a server controls reaches the JSON and JUnit
// reports, which only see masked events: a reason phrase or a header name
// echoing the token, and a body cut by --max-kept-body in the middle of a
// secret, whose start would otherwise stay.
func TestRedactMasksWhatAServerEchoes(t *testing.T) {
	t.Parallel()
	const token = "made-up-session-token"
	red := auth.NewRedactor(token)
	tests := []struct {
		name string
		in   Request
		want Request
	}{
		{
			name: "reason phrase and header name",
			in: Request{Resp: &Response{Code: 200, Status: "OK " + token,
				Headers: []Header{{Key: "X-Echo-" + token, Value: "1"}}}},
			want: Request{Resp: &Response{Code: 200, Status: "OK ********",
				Headers: []Header{{Key: "X-Echo-********", Value: "1"}}}},
		},
		{
			name: "response body cut in a secret",
			in:   Request{Resp: &Response{Body: []byte(`{"data":"made-up-ses`), BodySize: 100, Truncated: true}},
			want: Request{Resp: &Response{Body: []byte(`{"data":"********`), BodySize: 100, Truncated: true}},
		},
		{
			// Not known to be cut: the end of a value is no cut, or
			// a user name that starts the password would be masked.
			name: "whole response body ending like a secret's start",
			in:   Request{Resp: &Response{Body: []byte(`{"data":"made-up-ses`), BodySize: 20}},
			want: Request{Resp: &Response{Body: []byte(`{"data":"made-up-ses`), BodySize: 20}},
		},
		{
			name: "sent body cut in a secret",
			in:   Request{Sent: SentRequest{Body: []byte(`token=made-up`), BodySize: 40}},
			want: Request{Sent: SentRequest{Body: []byte(`token=********`), BodySize: 40}},
		},
		{
			name: "host of a failed request",
			in:   Request{Error: "getaddrinfo ENOTFOUND " + token + ".example", ErrorFields: &NodeError{Code: "ENOTFOUND", Hostname: token + ".example"}},
			want: Request{Error: "getaddrinfo ENOTFOUND ********.example", ErrorFields: &NodeError{Code: "ENOTFOUND", Hostname: "********.example"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := tt.in
			got := Redact(Event{Request: &in}, red.String).Request
			if d := cmp.Diff(&tt.want, got); d != "" {
				t.Errorf("masked request (-want +got):\n%s", d)
			}
		})
	}
}
