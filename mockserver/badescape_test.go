package mockserver

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// rawExchange sends raw requests (which Go's client would refuse to send)
// on one connection and reads one response per request.
func rawExchange(t *testing.T, addr string, requests ...string) []reply {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	br := bufio.NewReader(conn)
	var out []reply
	for _, raw := range requests {
		if _, err := io.WriteString(conn, raw); err != nil {
			t.Fatal(err)
		}
		method, _, _ := strings.Cut(raw, " ")
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, reply{status: resp.StatusCode, header: resp.Header, body: body})
	}
	return out
}

// TestBadPercentEscape checks that a path with a malformed percent escape,
// which net/http refuses before any handler runs, gets a Tableau-style
// error body like every other refusal of the mock (XML, or JSON when
// Accept asks), so that a collection's test script parsing the error reads
// one, where it used to get net/http's plain text "400 Bad Request".
// Requests net/http refuses for other reasons, and echo paths, keep its
// plain answer.
func TestBadPercentEscape(t *testing.T) {
	t.Parallel()
	srv, err := Start(Config{Echo: true}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	const prolog = `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_24.xsd">`
	const plain = "400 Bad Request"
	tests := []struct {
		name        string
		requests    []string // the last is the one checked
		contentType string
		body        string
	}{
		{"XML by default", []string{"GET /api/3.24/sites/%zz HTTP/1.1\r\nHost: x\r\n\r\n"}, contentTypeXML,
			prolog + `<error code="400000"><summary>Bad Request</summary><detail>The URI '/api/3.24/sites/%zz' has a malformed percent escape: % must be followed by two hexadecimal digits.</detail></error></tsResponse>`},
		{"JSON when Accept asks", []string{"GET /api/3.24/sites/%zz/workbooks?pageSize=1 HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n"}, contentTypeJSON,
			`{"error":{"summary":"Bad Request","detail":"The URI '/api/3.24/sites/%zz/workbooks' has a malformed percent escape: % must be followed by two hexadecimal digits.","code":"400000"}}`},
		{"Accept in any case, among others", []string{"POST /api/3.24/auth/signin%4 HTTP/1.1\r\nHost: x\r\naccept: text/plain, Application/JSON\r\nContent-Length: 2\r\n\r\n{}"}, contentTypeJSON,
			`{"error":{"summary":"Bad Request","detail":"The URI '/api/3.24/auth/signin%4' has a malformed percent escape: % must be followed by two hexadecimal digits.","code":"400000"}}`},
		{"after a good request on the same connection", []string{
			"GET /api/3.24/serverinfo HTTP/1.1\r\nHost: x\r\n\r\n",
			"GET /api/3.24/sites/a%G1b HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n",
		}, contentTypeJSON,
			`{"error":{"summary":"Bad Request","detail":"The URI '/api/3.24/sites/a%G1b' has a malformed percent escape: % must be followed by two hexadecimal digits.","code":"400000"}}`},
		{"after a long upload on the same connection", []string{
			"POST /post HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 280000\r\n\r\n" + strings.Repeat("GET /api/3.24/%zz HTTP/1.1\r\n", 10000),
			"GET /api/3.24/sites/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
		}, contentTypeXML,
			prolog + `<error code="400000"><summary>Bad Request</summary><detail>The URI '/api/3.24/sites/%zz' has a malformed percent escape: % must be followed by two hexadecimal digits.</detail></error></tsResponse>`},
		{"HEAD: headers only", []string{"HEAD /api/3.24/%% HTTP/1.1\r\nHost: x\r\n\r\n"}, contentTypeXML, ""},
		{"an echo path keeps net/http's answer", []string{"GET /get%zz HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n"}, "text/plain; charset=utf-8", plain},
		{"a bad request line keeps net/http's answer", []string{"GET /api/3.24/serverinfo HTTP/x\r\nHost: x\r\n\r\n"}, "text/plain; charset=utf-8", plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			replies := rawExchange(t, srv.Addr(), tt.requests...)
			for _, r := range replies[:len(replies)-1] {
				r.wantStatus(t, 200)
			}
			r := replies[len(replies)-1]
			got := []string{r.header.Get("Content-Type"), string(r.body)}
			if diff := cmp.Diff([]string{tt.contentType, tt.body}, got); r.status != 400 || diff != "" {
				t.Errorf("status %d (want 400), content type and body (-want +got):\n%s", r.status, diff)
			}
		})
	}
}
