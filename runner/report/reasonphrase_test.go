package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReasonPhrasesAsNewman reports responses whose reason phrase is
// spaced, or absent for a code Postman has no name for, as Newman 6.2.2
// reports them: the cli shows the phrase as sent ("[200   Spaced  Out  ,")
// and "undefined" for none ("[999 undefined,"), and the JSON report leaves
// "status" out for none. colrun trimmed the phrase, showed Go's name or an
// empty one, and wrote "status": "".
func TestReasonPhrasesAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code       int
		status     string
		wantCLI    string
		wantStatus any // the JSON report's response.status; nil when left out
	}{
		{200, "OK", "[200 OK,", "OK"},
		{200, "200 OK", "[200 OK,", "OK"}, // as recorded streams hold it
		{200, "  Spaced  Out  ", "[200   Spaced  Out  ,", "  Spaced  Out  "},
		{418, "I'm a teapot (RFC 2324)", "[418 I'm a teapot (RFC 2324),", "I'm a teapot (RFC 2324)"},
		{999, "", "[999 undefined,", nil},
	}
	for _, tc := range tests {
		t.Run(tc.status, func(t *testing.T) {
			t.Parallel()
			stream := sampleStream()
			for _, e := range stream {
				if e.Request != nil && e.Request.Resp != nil {
					e.Request.Resp.Code, e.Request.Resp.Status = tc.code, tc.status
					break
				}
			}
			var cli, js bytes.Buffer
			c, j := NewCLI(&cli, nil, CLIOptions{}), NewJSONWriter(&js, nil)
			for _, e := range stream {
				if err := c.Handle(e); err != nil {
					t.Fatal(err)
				}
				if err := j.Handle(e); err != nil {
					t.Fatal(err)
				}
			}
			if err := j.Close(); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(cli.String(), tc.wantCLI) {
				t.Errorf("cli output lacks %q", tc.wantCLI)
			}
			var report struct {
				Run struct {
					Executions []struct {
						Response map[string]any `json:"response"`
					} `json:"executions"`
				} `json:"run"`
			}
			if err := json.Unmarshal(js.Bytes(), &report); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.wantStatus, report.Run.Executions[0].Response["status"]); diff != "" {
				t.Errorf("JSON response.status (-want +got):\n%s", diff)
			}
		})
	}
}
