package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/colrun/colrun/mockserver"
)

// TestRunDigestAgainstEchoMock runs a digest-auth collection through
// `colrun run` against the offline postman-echo mock: colrun must answer
// the mock's challenge the way Newman 6.2.2 does (two requests, the
// assertion passes; with a wrong password the retry is refused again).
func TestRunDigestAgainstEchoMock(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(mockserver.New(mockserver.Config{Echo: true, MaxBodyBytes: 1 << 20}))
	t.Cleanup(srv.Close)
	tests := []struct {
		name, password string
		wantCode       int
		wantRow        string // the summary's assertions row, spaces collapsed
	}{
		{"valid", "password", 0, "│ assertions │ 1 │ 0 │"},
		{"wrong password", "nope", 1, "│ assertions │ 1 │ 1 │"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			coll := writeFile(t, t.TempDir(), "c.json", `{"info":{"name":"digest","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"digest","request":{"method":"GET","url":"`+srv.URL+`/digest-auth",
"auth":{"type":"digest","digest":[{"key":"username","value":"postman"},{"key":"password","value":"`+tt.password+`"}]}},
"event":[{"listen":"test","script":{"exec":["pm.test('authenticated', function(){ pm.response.to.have.status(200); pm.expect(pm.response.json().authenticated).to.equal(true); });"]}}]}]}`)
			res := colrun(t, nil, "run", coll)
			if res.code != tt.wantCode {
				t.Fatalf("exit %d, want %d\n%s%s", res.code, tt.wantCode, res.stdout, res.stderr)
			}
			// Column widths follow the timings, so compare with spaces collapsed.
			summary := strings.Join(strings.Fields(res.stdout), " ")
			for _, want := range []string{"│ requests │ 2 │ 0 │", tt.wantRow} {
				if !strings.Contains(summary, want) {
					t.Errorf("summary lacks %q:\n%s", want, res.stdout)
				}
			}
		})
	}
}
