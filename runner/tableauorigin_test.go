package runner

import "testing"

// One server may be written several ways; only another scheme, host or
// port is another server.
func TestOrigin(t *testing.T) {
	t.Parallel()
	tests := []struct{ url, want string }{
		{"https://Tableau.Example.com/api/3.24/auth/signin", "https://tableau.example.com"},
		{"https://tableau.example.com:443/api", "https://tableau.example.com"},
		{"http://127.0.0.1:80/x", "http://127.0.0.1"},
		{"http://127.0.0.1:8080/x", "http://127.0.0.1:8080"},
		{"https://tableau.example.com:8443/x", "https://tableau.example.com:8443"},
		{"http://[::1]:8080/x", "http://[::1]:8080"},
		{"not a url", ""},
	}
	for _, tc := range tests {
		if got := origin(tc.url); got != tc.want {
			t.Errorf("origin(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}
