package report

import (
	"strings"
	"testing"

	"github.com/colrun/colrun/runner/event"
)

// TestReportedBodySizeOfCompressedResponses checks the sizes Newman 6.2.2
// shows for a gzip response from an echo server (Content-Length 223,
// 266 bytes decoded, 148 bytes of headers): the cli line "[200 OK,
// 371B, ...]" and "total data received: 223B" count the body as it
// crossed the wire, as postman-collection's Response.size() does for
// gzip and deflate; colrun counted the decoded body (414B, 266B).
func TestReportedBodySizeOfCompressedResponses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		headers []event.Header
		want    int64
	}{
		{"gzip with a Content-Length", []event.Header{{Key: "Content-Encoding", Value: "gzip"}, {Key: "Content-Length", Value: "223"}}, 223},
		{"deflate, any case", []event.Header{{Key: "content-encoding", Value: "Deflate"}, {Key: "content-length", Value: "223"}}, 223},
		{"gzip without a Content-Length", []event.Header{{Key: "Content-Encoding", Value: "gzip"}}, 266},
		{"brotli", []event.Header{{Key: "Content-Encoding", Value: "br"}, {Key: "Content-Length", Value: "223"}}, 266},
		{"not compressed", []event.Header{{Key: "Content-Length", Value: "266"}}, 266},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			resp := &event.Response{Code: 200, Status: "OK", Headers: tc.headers, BodySize: 266, HeaderSize: 148}
			s := NewSummary()
			s.Handle(event.Event{Request: &event.Request{Resp: resp}})
			if s.ResponseTotal != tc.want {
				t.Errorf("total data received %d, want %d", s.ResponseTotal, tc.want)
			}
			var out strings.Builder
			c := NewCLI(&out, nil, CLIOptions{})
			c.Handle(event.Event{ItemStart: &event.ItemStart{Item: event.ItemRef{Name: "gz"}}})
			c.Handle(event.Event{Request: &event.Request{Item: event.ItemRef{Name: "gz"}, Sent: event.SentRequest{Method: "GET", URL: "http://127.0.0.1/gzip"}, Resp: resp}})
			c.Handle(event.Event{ItemEnd: &event.ItemEnd{Item: event.ItemRef{Name: "gz"}}})
			if want := "[200 OK, " + FormatSize(148+tc.want) + ","; !strings.Contains(out.String(), want) {
				t.Errorf("cli request line %q, want it to hold %q", out.String(), want)
			}
		})
	}
}
