package variables

import (
	"testing"

	"github.com/colrun/colrun/collections"
)

// Null values substitute as Newman 6.2.2 substitutes them (checked with a
// collection that sets and reads each): "null" from a script, an
// environment, globals or collection variables, but a data file's null
// leaves the token unresolved.
func TestNullValues(t *testing.T) {
	t.Parallel()
	s := NewScopes(nil)
	s.Environment = NewScope("environment", []collections.Variable{{Key: "envnull", Value: nil}, {Key: "shadowed", Value: "env"}})
	s.Collection = NewScope("collection", []collections.Variable{{Key: "collnull", Value: nil}})
	s.Data = NewScope("data", []collections.Variable{{Key: "datanull", Value: nil}})
	s.Local.Set("setnull", nil)
	r := NewResolver(s)
	tests := []struct{ in, want string }{
		{"{{envnull}}", "null"},
		{"{{collnull}}", "null"},
		{"{{setnull}}", "null"},
		{"{{datanull}}", "{{datanull}}"},
		{"a={{shadowed}}", "a=env"},
		{"{{missing}}", "{{missing}}"},
	}
	for _, tt := range tests {
		if got := r.MustReplace(tt.in); got != tt.want {
			t.Errorf("Replace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// pm.variables.replaceIn('{{datanull}}') gave "null" in Newman 6.2.2.
	r = NewResolver(s)
	r.DataNullAsText = true
	if got := r.MustReplace("[{{datanull}}]"); got != "[null]" {
		t.Errorf("with DataNullAsText, Replace = %q, want [null]", got)
	}
}
