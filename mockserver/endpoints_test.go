package mockserver

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEndpointTable checks that every line of endpoints.txt parses, so
// that parseEndpoints' skipping of bad lines never hides a typo.
func TestEndpointTable(t *testing.T) {
	t.Parallel()
	lines := 0
	for _, line := range strings.Split(endpointsText, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			lines++
		}
	}
	if diff := cmp.Diff(lines, len(tableauEndpoints())); diff != "" {
		t.Errorf("parsed endpoints (-lines +parsed):\n%s", diff)
	}
	for _, p := range tableauEndpoints() {
		switch p.method {
		case "GET", "POST", "PUT", "PATCH", "DELETE":
		default:
			t.Errorf("method %q in %v", p.method, p.segs)
		}
	}
}

func TestTableauMethods(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path        string
		unversioned bool
		want        []string
	}{
		{"sites/x/flows", false, []string{"GET", "POST"}},
		{"sites/x/datasources/y", false, []string{"DELETE", "GET", "PUT"}},
		{"sites/x/flowz", false, nil},
		{"search", true, []string{"GET"}},
		{"search", false, nil},
	}
	for _, tt := range tests {
		got := tableauMethods(tt.unversioned, strings.Split(tt.path, "/"))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: %s", tt.path, diff)
		}
	}
}
