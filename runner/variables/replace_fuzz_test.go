package variables

import (
	"errors"
	"strings"
	"testing"

	"github.com/colrun/colrun/collections"
)

// FuzzReplace substitutes arbitrary text against arbitrary variables,
// nested and dynamic ones included: it must end, without a panic, with
// the text, a cycle naming a chain that leads back to its variable, or a
// text too long; text without "{{" comes back as it was.
func FuzzReplace(f *testing.F) {
	for _, s := range [][5]string{
		{"{{base}}/api/{{v}}/sites", "base", "http://127.0.0.1:1", "v", "3.24"},
		{"{{user_{{i}}}}", "i", "2", "user_2", "alice"},
		{"{{$randomInt}} {{$guid}} {{$timestamp}} {{$randomFirstName}}", "", "", "", ""},
		{"{{a}}", "a", "{{b}}", "b", "{{a}}"},
		{"{{a}}", "a", "{{a}}{{a}}{{a}}", "", ""},
		{"{{open}}}}", "open", "{{x", "x", "y"},
		{"{{}}{{ }}{{{{}}}}", "", "empty", " ", "space"},
		{"no tokens }} {{ here", "a", "b", "", ""},
		{"{{a}}", "a", "{{$randomInt}}{{b}}", "b", "{{$guid}}"},
	} {
		f.Add(s[0], s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, text, k1, v1, k2, v2 string) {
		s := NewScopes(NewGenerator(1, true))
		s.Environment = NewScope("environment", []collections.Variable{{Key: k1, Value: v1}})
		s.Globals = NewScope("globals", []collections.Variable{{Key: k2, Value: v2}})
		r := NewResolver(s)
		r.limit = 1 << 16
		got, err := r.Replace(text)
		var re *ResolveError
		var tl *TooLongError
		switch {
		case err == nil:
			if !strings.Contains(text, "{{") && got != text {
				t.Errorf("Replace(%q) = %q; text without tokens must come back as it was", text, got)
			}
		case errors.As(err, &re):
			if len(re.Chain) < 2 || re.Chain[len(re.Chain)-1] != re.Variable {
				t.Errorf("Replace(%q): cycle %v does not end at %q", text, re.Chain, re.Variable)
			}
		case !errors.As(err, &tl):
			t.Errorf("Replace(%q): unexpected error %v", text, err)
		}
	})
}
