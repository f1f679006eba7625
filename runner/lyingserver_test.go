package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLyingServersFailAsInNewman sends responses that break HTTP/1.1 and
// checks that colrun fails (or takes) each as Newman 6.2.2 does, Node's
// llhttp parser being stricter than Go's: the request error is Node's
// "Parse Error: <reason>" with its HPE_ code, and a response Node takes
// arrives whole. The expected values are what Newman 6.2.2 (Node 20)
// reported for the same bytes. Before, colrun took lines ending in LF
// alone, spaces before a colon, folded lines, two Content-Lengths,
// Content-Length with Transfer-Encoding, heads over 16 KB and bytes past
// a response's end, and worded the rest as Go does ("malformed HTTP
// status code").
func TestLyingServersFailAsInNewman(t *testing.T) {
	t.Parallel()
	const ok = "HTTP/1.1 200 OK\r\n"
	bigHead := func(n int) string {
		return ok + "X-Big: " + strings.Repeat("a", n) + "\r\nContent-Length: 2\r\n\r\nok"
	}
	tests := []struct {
		name, response string
		// wantErr and wantCode are Newman's request error; when empty,
		// the response arrives with wantStatus and body "ok".
		wantErr, wantCode string
		wantStatus        string
	}{
		{"not HTTP", "this is not http\r\n\r\n", "Parse Error: Expected HTTP/, RTSP/ or ICE/", "HPE_INVALID_CONSTANT", ""},
		{"HTTP/0.9 body without a head", "hello world", "Parse Error: Expected HTTP/, RTSP/ or ICE/", "HPE_INVALID_CONSTANT", ""},
		{"lower-case protocol", "http/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Expected HTTP/, RTSP/ or ICE/", "HPE_INVALID_CONSTANT", ""},
		{"unknown version", "HTTP/2.5 200 OK\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Invalid HTTP version", "HPE_INVALID_VERSION", ""},
		{"status not a number", "HTTP/1.1 abc OK\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Invalid status code", "HPE_INVALID_STATUS", ""},
		{"four-digit status", "HTTP/1.1 2000 OK\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Invalid response status", "HPE_INVALID_STATUS", ""},
		{"space in a field name", ok + "Bad Header: x\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Invalid header token", "HPE_INVALID_HEADER_TOKEN", ""},
		{"space before the colon", ok + "X-A : x\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Invalid header token", "HPE_INVALID_HEADER_TOKEN", ""},
		{"line without a colon", ok + "NoColon\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Invalid header token", "HPE_INVALID_HEADER_TOKEN", ""},
		{"control byte in a value", ok + "X-A: a\x00b\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Invalid header value char", "HPE_INVALID_HEADER_TOKEN", ""},
		{"folded line", ok + "X-A: a\r\n  b\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Unexpected whitespace after header value", "HPE_INVALID_HEADER_TOKEN", ""},
		{"lines ending in LF", "HTTP/1.1 200 OK\nContent-Length: 2\n\nok", "Parse Error: Missing expected CR after response line", "HPE_CR_EXPECTED", ""},
		{"a field ending in LF", ok + "Content-Length: 2\n\r\nok", "Parse Error: Missing expected CR after header value", "HPE_CR_EXPECTED", ""},
		{"head ending in LF", ok + "Content-Length: 2\r\n\nok", "Parse Error: Invalid header field char", "HPE_INVALID_HEADER_TOKEN", ""},
		{"CR without LF", "HTTP/1.1 200 OK\rContent-Length: 2\r\n\r\nok", "Parse Error: Expected LF after CR", "HPE_STRICT", ""},
		{"Content-Length not a number", ok + "Content-Length: abc\r\n\r\nok", "Parse Error: Invalid character in Content-Length", "HPE_INVALID_CONTENT_LENGTH", ""},
		{"negative Content-Length", ok + "Content-Length: -1\r\n\r\nok", "Parse Error: Invalid character in Content-Length", "HPE_INVALID_CONTENT_LENGTH", ""},
		{"two equal Content-Lengths", ok + "Content-Length: 2\r\nContent-Length: 2\r\n\r\nok", "Parse Error: Duplicate Content-Length", "HPE_UNEXPECTED_CONTENT_LENGTH", ""},
		{"Content-Length then chunked", ok + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", "Parse Error: Transfer-Encoding can't be present with Content-Length", "HPE_INVALID_TRANSFER_ENCODING", ""},
		{"chunked then Content-Length", ok + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n2\r\nok\r\n0\r\n\r\n", "Parse Error: Content-Length can't be present with Transfer-Encoding", "HPE_INVALID_CONTENT_LENGTH", ""},
		{"bad chunk size", ok + "Transfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n", "Parse Error: Invalid character in chunk size", "HPE_INVALID_CHUNK_SIZE", ""},
		{"chunk size overflow", ok + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nok\r\n0\r\n\r\n", "Parse Error: Chunk size overflow", "HPE_INVALID_CHUNK_SIZE", ""},
		{"chunk data not followed by CRLF", ok + "Transfer-Encoding: chunked\r\n\r\n2\r\nokX0\r\n\r\n", "Parse Error: Expected LF after chunk data", "HPE_STRICT", ""},
		// Node counts the status text, names and values against 16 KB:
		// 2+5+16362+14+1 = 16384 is one too many.
		{"head of 16 KB", bigHead(16362), "Parse Error: Header overflow", "HPE_HEADER_OVERFLOW", ""},
		{"head just under 16 KB", bigHead(16361), "", "", "OK"},
		{"head of 20 KB", bigHead(20000), "Parse Error: Header overflow", "HPE_HEADER_OVERFLOW", ""},
		{"head of 100 KB", bigHead(100000), "Parse Error: Header overflow", "HPE_HEADER_OVERFLOW", ""},
		{"body past Content-Length", ok + "Content-Length: 2\r\n\r\nokEXTRA", "Parse Error: Expected HTTP/, RTSP/ or ICE/", "HPE_INVALID_CONSTANT", ""},
		{"body on a 204", "HTTP/1.1 204 No Content\r\n\r\nextra", "Parse Error: Expected HTTP/, RTSP/ or ICE/", "HPE_INVALID_CONSTANT", ""},
		{"body on a 304", "HTTP/1.1 304 Not Modified\r\n\r\nextra", "Parse Error: Expected HTTP/, RTSP/ or ICE/", "HPE_INVALID_CONSTANT", ""},
		{"body on a 204 with Connection: close", "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\nextra", "Parse Error: Data after `Connection: close`", "HPE_CLOSED_CONNECTION", ""},
		// What Node takes.
		{"empty line past the body", ok + "Content-Length: 2\r\n\r\nok\r\n", "", "", "OK"},
		{"status without a reason", "HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok", "", "", "OK"},
		{"status below 100", "HTTP/1.1 099 X\r\nContent-Length: 2\r\n\r\nok", "", "", "X"},
		{"space after Content-Length", ok + "Content-Length: 2 \r\n\r\nok", "", "", "OK"},
		{"chunk extension", ok + "Transfer-Encoding: chunked\r\n\r\n2;a=b\r\nok\r\n0\r\n\r\n", "", "", "OK"},
		{"interim response first", "HTTP/1.1 100 Continue\r\n\r\n" + ok + "Content-Length: 2\r\n\r\nok", "", "", "OK"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := rawServer(t, tc.response)
			ev, _ := run(t, parse(t, collection(base, `{"name":"lie","request":"{{base}}/x"}`)), Options{})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d request events", len(reqs))
			}
			r := reqs[0]
			var code string
			if r.ErrorFields != nil {
				code = r.ErrorFields.Code
			}
			type outcome struct{ Err, Code, Status, Body string }
			got := outcome{Err: r.Error, Code: code}
			if r.Resp != nil {
				got.Status, got.Body = r.Resp.Status, string(r.Resp.Body)
			}
			want := outcome{Err: tc.wantErr, Code: tc.wantCode}
			if tc.wantErr == "" {
				want.Status, want.Body = tc.wantStatus, "ok"
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("outcome (-Newman +colrun):\n%s", diff)
			}
		})
	}
}
