package chai

import (
	"math"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{1, "1"},
		{-3, "-3"},
		{0.1, "0.1"},
		{0.30000000000000004, "0.30000000000000004"},
		{1.5, "1.5"},
		{123456789012345680000, "123456789012345680000"},
		{1e21, "1e+21"},
		{1.5e21, "1.5e+21"},
		{0.000001, "0.000001"},
		{1e-7, "1e-7"},
		{-2.5e-8, "-2.5e-8"},
		{math.Inf(1), "Infinity"},
		{math.NaN(), "NaN"},
	}
	for _, tc := range tests {
		if got := jsNumber(tc.in); got != tc.want {
			t.Errorf("jsNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestValidateJSONSchema covers the Go entry point directly; the wording
// of full assertion messages is covered by the reference cases.
func TestValidateJSONSchema(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		schema  string
		data    string
		options string
		want    []string
		wantErr string
	}{
		{name: "valid", schema: `{"type":"object","required":["a"]}`, data: `{"a":1}`, want: nil},
		{name: "errors in ajv order", schema: `{"type":"object","required":["a"],"properties":{"b":{"type":"string"}}}`,
			data: `{"b":1}`, want: []string{"data should have required property 'a'", "data.b should be string"}},
		{name: "first error only", schema: `{"required":["a","b"]}`, data: `{}`, options: `{"allErrors":false}`,
			want: []string{"data should have required property '.a'"}},
		{name: "draft-04 refused", schema: `{"$schema":"http://json-schema.org/draft-04/schema#"}`, data: `1`,
			wantErr: `no schema with key or ref "http://json-schema.org/draft-04/schema#"`},
		{name: "remote ref refused", schema: `{"$ref":"http://example.com/s.json"}`, data: `1`,
			wantErr: "can't resolve reference http://example.com/s.json from id #"},
		{name: "javascript pattern", schema: `{"pattern":"^(?!admin)\\w+$"}`, data: `"admin1"`,
			want: []string{`data should match pattern "^(?!admin)\w+$"`}},
		{name: "recursive schema", schema: `{"type":"object","properties":{"child":{"$ref":"#"},"n":{"type":"number"}}}`,
			data: `{"child":{"child":{"n":"x"}}}`, want: []string{"data.child.child.n should be number"}},
		{name: "ref cycle overflows as in ajv", schema: `{"$ref":"#"}`, data: `1`, wantErr: "Maximum call stack size exceeded"},
		{name: "decimal multipleOf is exact", schema: `{"multipleOf":0.1}`, data: `0.3`, want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			options := tc.options
			if options == "" {
				options = `{"allErrors":true}`
			}
			got, err := ValidateJSONSchema(tc.schema, tc.data, options)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestValidateJSONSchemaConcurrent shares the compiled-schema cache
// between goroutines, as parallel workers do.
func TestValidateJSONSchemaConcurrent(t *testing.T) {
	t.Parallel()
	schema := `{"type":"object","properties":{"id":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}}}}`
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				got, err := ValidateJSONSchema(schema, `{"id":"x","tags":[1]}`, `{"allErrors":true}`)
				want := []string{"data.id should be integer", "data.tags[0] should be string"}
				if err != nil || !cmp.Equal(got, want) {
					t.Errorf("got %v, %v", got, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
