package collections

import (
	"strings"
	"testing"
)

// TestDeepFoldersFailWithAnError: folders nested past maxFolderDepth are
// refused with an error naming where, instead of overflowing the stack
// (a million levels killed the process); a deep but bounded nesting
// still loads.
func TestDeepFoldersFailWithAnError(t *testing.T) {
	t.Parallel()
	nest := func(depth int) []byte {
		return []byte(`{"info":{"name":"c"},"item":` + strings.Repeat(`[{"name":"f","item":`, depth) +
			`[{"name":"r","request":{"url":"http://h/"}}]` + strings.Repeat(`}]`, depth) + `}`)
	}
	tests := []struct {
		name    string
		depth   int
		wantErr string
	}{
		{"bounded", maxFolderDepth, ""},
		{"one too deep", maxFolderDepth + 1, "folders nested more than 10000 deep"},
		{"a million", 1000000, "folders nested more than 10000 deep"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseCollection("deep.json", nest(tc.depth))
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("ParseCollection: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("ParseCollection error = %v, want one containing %q", err, tc.wantErr)
			case err != nil && strings.Count(err.Error(), "\n") > 0:
				t.Fatalf("error is not one line: %.200q", err.Error())
			}
		})
	}
}
