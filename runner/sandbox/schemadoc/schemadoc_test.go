package schemadoc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseKeepsKeyOrder(t *testing.T) {
	t.Parallel()
	v, err := Parse(`{"b": 1, "a": {"z": [true, null, "s"], "y": 2.5}, "b": 3}`)
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*Object)
	// A repeated key keeps its first place and its last value, as
	// JSON.parse does.
	if d := cmp.Diff([]string{"b", "a"}, o.Keys); d != "" {
		t.Errorf("keys (-want +got):\n%s", d)
	}
	if b, _ := o.Get("b"); b != float64(3) {
		t.Errorf("b = %v, want 3", b)
	}
	inner := o.Vals["a"].(*Object)
	if d := cmp.Diff([]string{"z", "y"}, inner.Keys); d != "" {
		t.Errorf("inner keys (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]any{true, nil, "s"}, inner.Vals["z"]); d != "" {
		t.Errorf("array (-want +got):\n%s", d)
	}
	if s, ok := inner.String("z"); ok || s != "" {
		t.Errorf("String of an array = %q, %v", s, ok)
	}
	for _, bad := range []string{`{"a":1} x`, `{"a":`, `[1,]`} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted it", bad)
		}
	}
}

func TestResolveURI(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ base, ref, want string }{
		{"", "#/definitions/a", "#/definitions/a"},
		{"http://x/root.json", "#/definitions/a", "http://x/root.json#/definitions/a"},
		{"http://x/a/root.json", "other.json#x", "http://x/a/other.json#x"},
		{"http://x/%zz", "y", "y"},
	} {
		if got := ResolveURI(tc.base, tc.ref); got != tc.want {
			t.Errorf("ResolveURI(%q, %q) = %q, want %q", tc.base, tc.ref, got, tc.want)
		}
	}
}
