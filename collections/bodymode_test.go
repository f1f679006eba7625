package collections_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// TestBodyModeAsNewmanReadsIt runs bodies whose mode is missing, empty,
// in capitals, unknown or not a string, and checks what was sent and what
// scripts see against Newman 6.2.2's run of the same requests (recorded
// below): postman-collection keeps nothing of a body without a mode,
// matches the mode in any case, and reads a mode it does not know as raw.
func TestBodyModeAsNewmanReadsIt(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		headers := []string{}
		if ct := r.Header.Get("Content-Type"); ct != "" {
			headers = append(headers, "Content-Type", ct)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"body": string(body), "headers": headers})
	}))
	t.Cleanup(srv.Close)
	script := `var e = pm.response.json(); var i = e.headers.indexOf('Content-Type');` +
		`pm.test('sent [' + e.body + '] ct=' + (i >= 0 ? e.headers[i + 1] : '-') + ' view=' + JSON.stringify(pm.request.body), function () {});`
	tests := []struct {
		name, body, want string
	}{
		{"no mode, raw", `{"raw":"hello"}`, "sent [] ct=- view={}"},
		{"no mode, urlencoded", `{"urlencoded":[{"key":"a","value":"1"}]}`, "sent [] ct=- view={}"},
		{"no mode, graphql", `{"graphql":{"query":"{a}"}}`, "sent [] ct=- view={}"},
		{"empty mode", `{"mode":"","raw":"e"}`, "sent [] ct=- view={}"},
		{"capitals", `{"mode":"RAW","raw":"up"}`, `sent [up] ct=text/plain view={"mode":"raw","raw":"up"}`},
		{"mixed case", `{"mode":"Urlencoded","urlencoded":[{"key":"a","value":"1"}]}`,
			`sent [a=1] ct=application/x-www-form-urlencoded view={"mode":"urlencoded","urlencoded":[{"key":"a","value":"1"}]}`},
		{"unknown mode", `{"mode":"binary","raw":"xx"}`, `sent [xx] ct=text/plain view={"mode":"raw","raw":"xx"}`},
		{"number mode", `{"mode":5,"raw":"n"}`, `sent [n] ct=text/plain view={"mode":"raw","raw":"n"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			scriptJSON, _ := json.Marshal(script)
			src := `{"info":{"name":"modes","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},` +
				`"item":[{"name":"r","request":{"method":"POST","url":"` + srv.URL + `/m","body":` + tt.body + `},` +
				`"event":[{"listen":"test","script":{"exec":[` + string(scriptJSON) + `]}}]}]}`
			c, err := collections.ParseCollection("modes.json", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			got := runAssertions(t, c)
			if diff := cmp.Diff([]string{"r: " + tt.want + ": pass"}, got); diff != "" {
				t.Errorf("(-Newman +colrun):\n%s", diff)
			}
		})
	}
}
