package mockserver

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestEchoOAuth1 sends requests signed outside Go (an independent RFC 5849
// implementation that reproduces the signature in Postman's published
// sample, CaeyGPr2mns1WCq4Cpm5aLvz6Gs=) for host postman-echo.com.
func TestEchoOAuth1(t *testing.T) {
	t.Parallel()
	m := echoMock(t)
	const oauth = `oauth_consumer_key="RKCGzna7bv9YD57c",oauth_signature_method="HMAC-SHA1",oauth_timestamp="1442394747",oauth_nonce="UIGipk",oauth_version="1.0"`
	tests := []struct {
		name, method, target, body, auth string
		wantStatus                       int
		wantStatusField                  string
	}{
		{"header", "GET", "/oauth1?a=b%20c", "", `OAuth realm="r",` + oauth + `,oauth_signature="WoLOp87tY0BMBvr9Td45rp66gNs%3D"`, 200, "pass"},
		{"query", "GET", "/oauth1?a=b+c&oauth_consumer_key=RKCGzna7bv9YD57c&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1442394747&oauth_nonce=UIGipk&oauth_version=1.0&oauth_signature=WoLOp87tY0BMBvr9Td45rp66gNs%3D", "", "", 200, "pass"},
		{"form body", "POST", "/oauth1", "x=1+2%21", "OAuth " + oauth + `,oauth_signature="GhKr%2BEFyH1xaaL3ueIcNO3mQalc%3D"`, 200, "pass"},
		{"param changed", "GET", "/oauth1?a=b", "", "OAuth " + oauth + `,oauth_signature="WoLOp87tY0BMBvr9Td45rp66gNs%3D"`, 401, "fail"},
		{"unsigned", "GET", "/oauth1", "", "", 401, "fail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := http.NewRequest(tt.method, m.srv.URL+tt.target, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			r.Host = "postman-echo.com"
			if tt.auth != "" {
				r.Header.Set("Authorization", tt.auth)
			}
			if tt.body != "" {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			resp, err := m.srv.Client().Do(r)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			var got map[string]any
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatalf("not JSON: %s", raw)
			}
			if resp.StatusCode != tt.wantStatus || got["status"] != tt.wantStatusField {
				t.Fatalf("%d %s", resp.StatusCode, raw)
			}
			if tt.wantStatus == 401 && got["signing_key"] != "D%2BEdQ-gs%24-%25%402Nu7&" {
				t.Errorf("signing_key = %v", got["signing_key"])
			}
		})
	}
}
