package variables

import (
	"encoding/json"
	"testing"

	"github.com/colrun/colrun/collections"
)

// Scopes.Get reads as scripts do (only "disabled": true hides an entry)
// and Scopes.Resolve as {{name}} does (any truthy "disabled" hides it);
// colrun's own lookups of variables that end up in URLs, such as the
// Tableau sign-in's api-version, use Resolve so both agree.
func TestScopesResolveSkipsEveryDisabledEntry(t *testing.T) {
	t.Parallel()
	s := NewScopes(nil)
	s.Environment = NewScope("environment", []collections.Variable{
		{Key: "api-version", Value: "3.5", Disabled: true, DisabledAs: json.RawMessage(`1`)},
	})
	s.Globals = NewScope("globals", []collections.Variable{{Key: "api-version", Value: "3.19"}})
	if v, _ := s.Get("api-version"); v != "3.5" {
		t.Errorf(`Get("api-version") = %v, want the environment's 3.5 (disabled with 1, which scripts read)`, v)
	}
	if v, _ := s.Resolve("api-version"); v != "3.19" {
		t.Errorf(`Resolve("api-version") = %v, want the global's 3.19, as {{api-version}} resolves`, v)
	}
}
