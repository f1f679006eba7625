package variables

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/colrun/colrun/collections"
	"github.com/google/go-cmp/cmp"
)

// The expected values below are what Newman 6.2.2 substituted into a
// request body ({{v}}) for variables loaded from an environment file
// (collection variables and globals behave the same).
func TestValuesSubstituteAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		v    collections.Variable
		want string
	}{
		{"no value", collections.Variable{Value: collections.Undefined{}}, ""},
		{"no value, type string", collections.Variable{Value: collections.Undefined{}, Type: "string"}, "undefined"},
		{"no value, type number", collections.Variable{Value: collections.Undefined{}, Type: "number"}, "NaN"},
		{"no value, type boolean", collections.Variable{Value: collections.Undefined{}, Type: "boolean"}, "false"},
		{"no value, type secret", collections.Variable{Value: collections.Undefined{}, Type: "secret"}, ""},
		{"empty", collections.Variable{Value: ""}, ""},
		{"null", collections.Variable{Value: nil}, "null"},
		{"string 12", collections.Variable{Value: json.Number("12"), Type: "string"}, "12"},
		{"String (capital) 12", collections.Variable{Value: json.Number("12"), Type: "String"}, "12"},
		{"string null", collections.Variable{Value: nil, Type: "string"}, "null"},
		{"string object", collections.Variable{Value: map[string]any{"a": json.Number("1")}, Type: "string"}, "[object Object]"},
		{"string array", collections.Variable{Value: []any{json.Number("1"), "b"}, Type: "string"}, "1,b"},
		{"number abc", collections.Variable{Value: "abc", Type: "number"}, "NaN"},
		{"number null", collections.Variable{Value: nil, Type: "number"}, "0"},
		{"number empty", collections.Variable{Value: "", Type: "number"}, "0"},
		{"number 0x1A", collections.Variable{Value: "0x1A", Type: "number"}, "26"},
		{"boolean false text", collections.Variable{Value: "false", Type: "boolean"}, "true"},
		{"boolean 0", collections.Variable{Value: json.Number("0"), Type: "boolean"}, "false"},
		{"boolean empty", collections.Variable{Value: "", Type: "boolean"}, "false"},
		{"unknown type keeps the value", collections.Variable{Value: json.Number("12"), Type: "foo"}, "12"},
		{"1.0", collections.Variable{Value: json.Number("1.0")}, "1"},
		{"1e21", collections.Variable{Value: json.Number("1e21")}, "1e+21"},
		{"-0", collections.Variable{Value: json.Number("-0")}, "0"},
		{"beyond 2^53", collections.Variable{Value: json.Number("9007199254740993")}, "9007199254740992"},
		{"1e-7", collections.Variable{Value: json.Number("1e-7")}, "1e-7"},
		{"huge", collections.Variable{Value: json.Number("123456789012345678901234")}, "1.2345678901234569e+23"},
		{"array", collections.Variable{Value: []any{json.Number("1"), "x", nil, []any{json.Number("2"), json.Number("3")}, map[string]any{}}}, "1,x,,2,3,[object Object]"},
		{"empty array", collections.Variable{Value: []any{}}, ""},
		{"object", collections.Variable{Value: map[string]any{"a": map[string]any{}}}, "[object Object]"},
		{"false", collections.Variable{Value: false}, "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.v.Key = "v"
			s := NewScopes(nil)
			s.Environment = NewScope("environment", []collections.Variable{tt.v})
			got, err := NewResolver(s).Replace("[{{v}}]")
			if err != nil {
				t.Fatal(err)
			}
			if want := "[" + tt.want + "]"; got != want {
				t.Errorf("{{v}} = %q, want %q", got, want)
			}
		})
	}
}

// What scripts read (pm.environment.get) for typed variables, as Newman
// 6.2.2 returned it; the value is stored cast, as Postman stores it.
func TestTypedValuesAreStoredCast(t *testing.T) {
	t.Parallel()
	s := NewScope("environment", []collections.Variable{
		{Key: "s", Value: json.Number("12"), Type: "string"},
		{Key: "n", Value: "12", Type: "number"},
		{Key: "b", Value: "false", Type: "boolean"},
		{Key: "u", Value: collections.Undefined{}},
	})
	want := map[string]any{"s": "12", "n": 12.0, "b": true, "u": collections.Undefined{}}
	for k, w := range want {
		got, ok := s.Get(k)
		if !ok || !cmp.Equal(got, w) {
			t.Errorf("Get(%q) = %#v, %v; want %#v", k, got, ok, w)
		}
	}
	if !s.Has("u") {
		t.Error(`Has("u") = false; Newman's has() is true for a variable without a value`)
	}
	// --env-var port=8080 on a "number" variable: Newman's set casts too.
	s.Set("n", "8080")
	if got, _ := s.Get("n"); got != 8080.0 {
		t.Errorf("after Set, n = %#v, want 8080", got)
	}
}

// Duplicate keys and disabled entries as Postman's VariableScope handles
// them: the last enabled entry is the one read and written, a write to a
// key whose entries are all disabled adds one, and unset leaves disabled
// entries. The substitutions are Newman 6.2.2's.
func TestDuplicateAndDisabledEntries(t *testing.T) {
	t.Parallel()
	vars := []collections.Variable{
		{Key: "dup", Value: "first"}, {Key: "dup", Value: "second"},
		{Key: "dupd", Value: "first"}, {Key: "dupd", Value: "second", Disabled: true},
		{Key: "dupd2", Value: "first", Disabled: true}, {Key: "dupd2", Value: "second"},
		{Key: "off", Value: "d", Disabled: true},
	}
	s := NewScopes(nil)
	s.Environment = NewScope("environment", vars)
	got := NewResolver(s).MustReplace("{{dup}} {{dupd}} {{dupd2}} {{off}}")
	if want := "second first second {{off}}"; got != want {
		t.Errorf("substituted %q, want %q", got, want)
	}

	env := s.Environment
	env.Set("dupd", "set")
	env.Set("off", "on")
	env.Unset("dup")
	want := []Entry{
		{Key: "dupd", Value: "set"}, {Key: "dupd", Value: "second", Disabled: true},
		{Key: "dupd2", Value: "first", Disabled: true}, {Key: "dupd2", Value: "second"},
		{Key: "off", Value: "d", Disabled: true}, {Key: "off", Value: "on"},
	}
	if diff := cmp.Diff(want, env.Entries()); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if got, ok := env.Get("off"); !ok || got != "on" {
		t.Errorf(`Get("off") = %v, %v`, got, ok)
	}
	env.Unset("off")
	if env.Has("off") || env.Len() != 5 {
		t.Errorf("after Unset: Has = %v, Len = %d; want false, 5 (the disabled entry stays)", env.Has("off"), env.Len())
	}
	visible := []Entry{{Key: "dupd", Value: "set"}, {Key: "dupd2", Value: "second"}, {Key: "off", Value: "d", Disabled: true}}
	if diff := cmp.Diff(visible, env.Visible()); diff != "" {
		t.Errorf("Visible (-want +got):\n%s", diff)
	}
}

// Newman substitutes at most 19 passes deep and sends what is left; a
// cycle is colrun's deliberate error. Chains v0 -> v1 -> ... -> v29 ->
// "end"; the expected texts are Newman 6.2.2's request body.
func TestNestingAsNewman(t *testing.T) {
	t.Parallel()
	var vars []collections.Variable
	for i := range 29 {
		vars = append(vars, collections.Variable{Key: fmt.Sprintf("v%d", i), Value: fmt.Sprintf("{{v%d}}", i+1)})
	}
	vars = append(vars,
		collections.Variable{Key: "v29", Value: "end"},
		collections.Variable{Key: "b", Value: "x"},
		collections.Variable{Key: "ax", Value: "AX"},
		collections.Variable{Key: "open", Value: "{{b"},
		collections.Variable{Key: "self", Value: "<{{self}}>"},
		collections.Variable{Key: "c1", Value: "{{c2}}"},
		collections.Variable{Key: "c2", Value: "{{c1}}"},
	)
	s := NewScopes(nil)
	s.Environment = NewScope("environment", vars)
	tests := []struct {
		in, want string
		cycle    []string
	}{
		{in: "{{v18}}", want: "end"},
		{in: "{{v11}}", want: "end"},
		{in: "{{v10}}", want: "{{v29}}"},
		{in: "{{v9}}", want: "{{v28}}"},
		{in: "{{v8}}", want: "{{v27}}"},
		{in: "{{a{{b}}}}", want: "AX"},
		{in: "{{open}}}}", want: "x"},
		{in: "{{open}}x}}", want: "{{bx}}"},
		{in: "{{self}}", cycle: []string{"self", "self"}},
		{in: "a {{c1}}", cycle: []string{"c1", "c2", "c1"}},
	}
	for _, tt := range tests {
		got, err := NewResolver(s).Replace(tt.in)
		if tt.cycle != nil {
			var re *ResolveError
			if !errors.As(err, &re) || !cmp.Equal(re.Chain, tt.cycle) {
				t.Errorf("Replace(%q) = %q, %v; want a cycle through %v", tt.in, got, err, tt.cycle)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Replace(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// Postman reads "disabled" two ways: substitution (and set, unset) skips
// an entry whose "disabled" is any truthy value, while get and has skip
// only "disabled": true. The expected values are what Newman 6.2.2's
// pm.environment.get, pm.variables.get and a request's {{key}} gave for
// these files, duplicates and an environment entry over a global too.
func TestDisabledOtherThanTrueAsNewman(t *testing.T) {
	t.Parallel()
	env, err := collections.ParseVariableFile("e.json", "environment", []byte(`{"values":[
		{"key":"t","value":"tv","disabled":true},
		{"key":"one","value":"1v","disabled":1},
		{"key":"yes","value":"yv","disabled":"yes"},
		{"key":"strtrue","value":"sv","disabled":"true"},
		{"key":"obj","value":"ov","disabled":{}},
		{"key":"zero","value":"zv","disabled":0},
		{"key":"d1","value":"a","disabled":1},{"key":"d1","value":"b","disabled":true},
		{"key":"d2","value":"a","disabled":1},{"key":"d2","value":"b","disabled":1},
		{"key":"d3","value":"a","disabled":true},{"key":"d3","value":"b","disabled":"yes"},
		{"key":"d4","value":"a"},{"key":"d4","value":"b","disabled":1},
		{"key":"k","value":"envk","disabled":1},
		{"key":"kt","value":"envkt","disabled":true},
		{"key":"n","value":"7","type":"number","disabled":1},
		{"key":"u","value":"uu","disabled":1}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s := NewScopes(nil)
	s.Environment = NewScope("environment", env.Values)
	s.Globals = NewScope("globals", []collections.Variable{{Key: "k", Value: "globk"}, {Key: "kt", Value: "globkt"}})
	tests := []struct {
		key               string
		envGet, scopesGet any // nil: undefined
		substituted       string
	}{
		{key: "t", substituted: "{{t}}"},
		{key: "one", envGet: "1v", scopesGet: "1v", substituted: "{{one}}"},
		{key: "yes", envGet: "yv", scopesGet: "yv", substituted: "{{yes}}"},
		{key: "strtrue", envGet: "sv", scopesGet: "sv", substituted: "{{strtrue}}"},
		{key: "obj", envGet: "ov", scopesGet: "ov", substituted: "{{obj}}"},
		{key: "zero", envGet: "zv", scopesGet: "zv", substituted: "zv"},
		{key: "d1", substituted: "{{d1}}"},
		{key: "d2", envGet: "b", scopesGet: "b", substituted: "{{d2}}"},
		{key: "d3", envGet: "b", scopesGet: "b", substituted: "{{d3}}"},
		{key: "d4", envGet: "a", scopesGet: "a", substituted: "a"},
		{key: "k", envGet: "envk", scopesGet: "envk", substituted: "globk"},
		{key: "kt", scopesGet: "globkt", substituted: "globkt"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			t.Parallel()
			get := func(v any, ok bool) any {
				if !ok {
					return nil
				}
				return v
			}
			if got := get(s.Environment.Get(tt.key)); got != tt.envGet {
				t.Errorf("environment Get = %#v, want %#v", got, tt.envGet)
			}
			if got := s.Environment.Has(tt.key); got != (tt.envGet != nil) {
				t.Errorf("environment Has = %v, want %v", got, tt.envGet != nil)
			}
			if got := get(s.Get(tt.key)); got != tt.scopesGet {
				t.Errorf("Scopes.Get = %#v, want %#v", got, tt.scopesGet)
			}
			if got := NewResolver(s).MustReplace("{{" + tt.key + "}}"); got != tt.substituted {
				t.Errorf("substituted %q, want %q", got, tt.substituted)
			}
		})
	}
}

// A set or unset passes over an entry disabled with 1 as over one
// disabled with true: Newman 6.2.2's pm.environment.set('n', '5') added an
// untyped entry (get gave "5", not 5) and unset('u') left u readable.
func TestWritesSkipTruthyDisabled(t *testing.T) {
	t.Parallel()
	env, err := collections.ParseVariableFile("e.json", "environment", []byte(`{"values":[
		{"key":"n","value":"7","type":"number","disabled":1},
		{"key":"u","value":"uu","disabled":1}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s := NewScope("environment", env.Values)
	if typ := s.Type("n"); typ != "" {
		t.Errorf(`Type("n") = %q; a set would cast to it, but Newman's set adds an untyped entry`, typ)
	}
	s.Set("n", "5")
	s.Unset("u")
	for key, want := range map[string]any{"n": "5", "u": "uu"} {
		if got, ok := s.Get(key); !ok || got != want {
			t.Errorf("Get(%q) = %#v, %v; want %#v", key, got, ok, want)
		}
	}
}
