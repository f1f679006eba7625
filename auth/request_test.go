package auth

import (
	"strings"
	"testing"
)

func TestIsSigninRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method, url string
		want        bool
	}{
		{"POST", "https://tableau.example.com/api/3.24/auth/signin", true},
		{"post", "http://127.0.0.1:8080/api/3.4/auth/signin/", true},
		{"POST", "https://tableau.example.com/api/exp/Auth/SignIn", true},
		{"POST", "https://tableau.example.com/api/3.24/auth/signin?x=1#f", true},
		{"POST", "https://proxy.example.com/tableau/api/3.24/auth/signin", true},
		{"POST", "tableau.example.com/api/3.24/auth/signin", true},
		{"POST", "{{protocol}}://{{server}}/api/{{api-version}}/auth/signin", true},
		{"POST", "%zz/api/3.24/auth/signin?q", true},
		{"GET", "https://tableau.example.com/api/3.24/auth/signin", false},
		{"POST", "https://tableau.example.com/api/3.24/auth/signout", false},
		{"POST", "https://tableau.example.com/api/3.24/auth/signin/extra", false},
		{"POST", "https://tableau.example.com/api//auth/signin", false},
		{"POST", "https://tableau.example.com/auth/signin", false},
		{"POST", "https://tableau.example.com/v1/api/auth/signin", false},
		{"POST", "", false},
	}
	for _, tc := range tests {
		if got := IsSigninRequest(tc.method, tc.url); got != tc.want {
			t.Errorf("IsSigninRequest(%q, %q) = %v, want %v", tc.method, tc.url, got, tc.want)
		}
	}
	if !IsSwitchSiteRequest("POST", "https://x/api/3.24/auth/switchSite") || IsSwitchSiteRequest("POST", "https://x/api/3.24/auth/signin") {
		t.Error("IsSwitchSiteRequest")
	}
	if !IsSignoutRequest("POST", "https://x/api/3.24/auth/signout/") || IsSignoutRequest("DELETE", "https://x/api/3.24/auth/signout") {
		t.Error("IsSignoutRequest")
	}
}

func TestSigninURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		server, version, want, wantErr string
	}{
		{server: "tableau.example.com", want: "https://tableau.example.com/api/3.24/auth/signin"},
		{server: "http://127.0.0.1:8080/", version: "3.4", want: "http://127.0.0.1:8080/api/3.4/auth/signin"},
		{server: "https://proxy.example.com/tableau/?x=1", version: "exp", want: "https://proxy.example.com/tableau/api/exp/auth/signin"},
		{server: "", wantErr: "TABLEAU_SERVER is not set"},
		{server: "ftp://x", wantErr: "is not a server URL"},
		{server: "https://user:" + testPATSecret + "@x", wantErr: "must not contain a user name or password"},
		{server: "https://user:" + testPassword + "@x", wantErr: "is not a server URL"},
	}
	for _, tc := range tests {
		got, err := SigninURL(tc.server, tc.version)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("SigninURL(%q) = %q, %v; want error %q", tc.server, got, err, tc.wantErr)
			} else {
				assertNoSecret(t, "error", err.Error())
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("SigninURL(%q, %q) = %q, %v; want %q", tc.server, tc.version, got, err, tc.want)
		}
	}
	if got := SignoutURL("https://x/api/3.24/auth/SignIn"); got != "https://x/api/3.24/auth/signout" {
		t.Errorf("SignoutURL = %q", got)
	}
}
