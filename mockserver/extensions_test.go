package mockserver

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wantStep fails the test unless the reply has the status and, when code
// is set, that Tableau error code; it reports whether the reply was the
// expected error, which leaves nothing more to check.
func (r reply) wantStep(t *testing.T, where string, status int, code string) bool {
	t.Helper()
	if code != "" {
		if r.status != status || r.errorCode(t) != code {
			t.Fatalf("%s: %d %s, want %d %s", where, r.status, r.body, status, code)
		}
		return true
	}
	if r.status != status {
		t.Fatalf("%s: status %d, want %d; %s", where, r.status, status, r.body)
	}
	return false
}

// TestDashboardExtensionSettings follows the server's block list and a
// site's safe list through add, list, get, update and delete, and the
// settings through read and update; server settings are for server
// administrators, a site's for its administrators.
func TestDashboardExtensionSettings(t *testing.T) {
	t.Parallel()
	const srv, site = "/api/-/settings/server/extensions/dashboard", "/api/-/settings/site/extensions/dashboard"
	type step struct {
		as           string // DemoAliceName, or admin
		method, path string // {id} is the luid saved last
		body         string
		status       int
		code         string         // Tableau error code, for errors
		want         map[string]any // members of the JSON answer
		save         string         // member whose value becomes {id}
		media        string         // the answer's media type, after ...dashboard.v1.
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"server block list", []step{
			{method: "GET", path: srv, status: 200, want: map[string]any{"extensions_enabled": true, "block_list_items": []any{}}, media: "ServerSettings"},
			{method: "POST", path: srv + "/blockListItems", body: `{"url":"https://ext.example.com/a","block_list_item_luid":"ignored"}`, status: 201,
				want: map[string]any{"url": "https://ext.example.com/a"}, save: "block_list_item_luid", media: "BlockListItem"},
			{method: "GET", path: srv + "/blockListItems/{id}", status: 200, want: map[string]any{"url": "https://ext.example.com/a", "block_list_item_luid": "{id}"}},
			{method: "GET", path: srv + "/blockListItems", status: 200, media: "BlockListItems",
				want: map[string]any{"block_list_items": []any{map[string]any{"url": "https://ext.example.com/a", "block_list_item_luid": "{id}"}}}},
			{method: "DELETE", path: srv + "/blockListItems/{id}", status: 204},
			{method: "GET", path: srv + "/blockListItems/{id}", status: 404, code: "404003"},
			{method: "DELETE", path: srv + "/blockListItems/{id}", status: 404, code: "404003"},
		}},
		{"server settings: flags as booleans or strings, the list replaced when given", []step{
			{method: "PUT", path: srv, body: `{"extensions_enabled":"false"}`, status: 200, want: map[string]any{"extensions_enabled": false, "block_list_items": []any{}}},
			{method: "PUT", path: srv, body: `{"block_list_items":[{"url":"http://x.example.com"}]}`, status: 200, want: map[string]any{"extensions_enabled": false}},
			{method: "GET", path: srv + "/blockListItems", status: 200, save: "block_list_items.0.block_list_item_luid"},
			{method: "GET", path: srv + "/blockListItems/{id}", status: 200, want: map[string]any{"url": "http://x.example.com"}},
		}},
		{"site safe list", []step{
			{method: "GET", path: site, status: 200, want: map[string]any{"extensions_enabled": true, "allow_sandboxed": true, "safe_list_items": []any{}}, media: "SiteSettings"},
			{method: "POST", path: site + "/safeListItems", body: `{"url":"https://ext.example.com/s","allow_full_data":true,"prompt_needed":"false"}`, status: 201,
				want: map[string]any{"allow_full_data": true, "prompt_needed": false}, save: "safe_list_item_luid"},
			{method: "PUT", path: site + "/safeListItems/{id}", body: `{"prompt_needed":true}`, status: 200,
				want: map[string]any{"url": "https://ext.example.com/s", "allow_full_data": true, "prompt_needed": true, "safe_list_item_luid": "{id}"}},
			{method: "GET", path: site + "/safeListItems", status: 200, media: "SafeListItems", want: map[string]any{"safe_list_items": []any{map[string]any{
				"url": "https://ext.example.com/s", "allow_full_data": true, "prompt_needed": true, "safe_list_item_luid": "{id}"}}}},
			{method: "PUT", path: site, body: `{"allow_sandboxed":false}`, status: 200, want: map[string]any{"allow_sandboxed": false, "extensions_enabled": true}},
			{method: "DELETE", path: site + "/safeListItems/{id}", status: 204},
			{method: "GET", path: site + "/safeListItems/{id}", status: 404, code: "404003"},
		}},
		{"bad bodies", []step{
			{method: "POST", path: site + "/safeListItems", body: `{"url":"https://e.example.com","allow_full_data":"<boolean>"}`, status: 400, code: "400000"},
			{method: "POST", path: srv + "/blockListItems", body: `{"url":"not a url"}`, status: 400, code: "400000"},
			{method: "POST", path: srv + "/blockListItems", body: `{"url":"https://e.example.com","extra":1}`, status: 400, code: "400000"},
			{method: "PUT", path: srv, body: `<tsRequest/>`, status: 400, code: "400000"},
		}},
		{"administrators only", []step{
			{as: DemoAliceName, method: "GET", path: srv, status: 403, code: "403004"},
			{as: DemoAliceName, method: "POST", path: site + "/safeListItems", body: `{"url":"https://e.example.com"}`, status: 403, code: "403004"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			admin, _ := m.admin("")
			alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
			id := ""
			for i, s := range tt.steps {
				token := admin
				if s.as == DemoAliceName {
					token = alice
				}
				path := strings.ReplaceAll(s.path, "{id}", id)
				r := m.do(req{method: s.method, path: path, token: token, body: s.body, json: true,
					contentType: "application/vnd.tableau.extensions.dashboard.v1.SafeListItem+json"})
				if r.wantStep(t, fmt.Sprintf("step %d %s %s", i, s.method, path), s.status, s.code) {
					continue
				}
				if s.status == http.StatusNoContent {
					continue
				}
				if ct := r.header.Get("Content-Type"); s.media != "" && ct != "application/vnd.tableau.extensions.dashboard.v1."+s.media+"+json" {
					t.Errorf("step %d: Content-Type %q, want the %s media type", i, ct, s.media)
				}
				var got map[string]any
				if err := json.Unmarshal(r.body, &got); err != nil {
					t.Fatalf("step %d: %v: %s", i, err, r.body)
				}
				if s.save != "" {
					keys := []any{}
					for _, k := range strings.Split(s.save, ".") {
						if k == "0" {
							keys = append(keys, 0)
						} else {
							keys = append(keys, k)
						}
					}
					id, _ = dig(got, keys...).(string)
					if id == "" {
						t.Fatalf("step %d: no %s in %s", i, s.save, r.body)
					}
				}
				if len(s.want) == 0 {
					continue
				}
				want := map[string]any{}
				raw, _ := json.Marshal(s.want)
				_ = json.Unmarshal([]byte(strings.ReplaceAll(string(raw), "{id}", id)), &want)
				picked := map[string]any{}
				for k := range want {
					picked[k] = got[k]
				}
				if diff := cmp.Diff(want, picked); diff != "" {
					t.Fatalf("step %d %s %s (-want +got):\n%s", i, s.method, path, diff)
				}
			}
		})
	}
}
