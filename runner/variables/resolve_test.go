package variables

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

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

// A value that names variables several times over multiplies at each of
// the 19 passes; colrun stops with an error naming the variable instead of
// filling memory (Newman grinds on until it runs out, sending nothing).
func TestReplaceStopsRunawayGrowth(t *testing.T) {
	t.Parallel()
	chain := make([]collections.Variable, 12)
	for i := range chain {
		v := fmt.Sprintf("{{v%d}}{{v%d}}{{v%d}}{{v%d}}", i+1, i+1, i+1, i+1)
		if i == len(chain)-1 {
			v = "12345678"
		}
		chain[i] = collections.Variable{Key: fmt.Sprintf("v%d", i), Value: v}
	}
	tests := []struct {
		name      string
		vars      []collections.Variable
		in        string
		limit     int // 0: MaxResolvedLen
		wantCycle []string
		wantLong  string
	}{
		{name: "cycle naming itself four times", vars: []collections.Variable{{Key: "a", Value: "{{a}}{{a}}{{a}}{{a}}"}}, in: "http://x/{{a}}", wantCycle: []string{"a", "a"}},
		{name: "cycle through two variables", vars: []collections.Variable{{Key: "a", Value: "{{b}}{{b}}{{b}}"}, {Key: "b", Value: "{{a}}-{{a}}"}}, in: "{{a}}", wantCycle: []string{"a", "b", "a"}},
		{name: "no cycle, 4^11 copies of a value", vars: chain, in: "{{v0}}", limit: 1 << 20, wantLong: "v8"},
		{name: "cycle found when the limit is reached", vars: []collections.Variable{{Key: "a", Value: "{{a}}{{a}}"}}, in: "{{a}}", limit: 1 << 10, wantCycle: []string{"a", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := NewScopes(nil)
			s.Environment = NewScope("environment", tt.vars)
			r := NewResolver(s)
			r.limit = tt.limit
			got, err := r.Replace(tt.in)
			var re *ResolveError
			var tl *TooLongError
			switch {
			case tt.wantCycle != nil:
				if !errors.As(err, &re) || !cmp.Equal(re.Chain, tt.wantCycle) {
					t.Errorf("Replace(%q) = %d bytes, %v; want a cycle through %v", tt.in, len(got), err, tt.wantCycle)
				}
			case !errors.As(err, &tl) || tl.Variable != tt.wantLong:
				t.Errorf("Replace(%q) = %d bytes, %v; want a TooLongError for {{%s}}", tt.in, len(got), err, tt.wantLong)
			}
		})
	}
}
