package chai

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

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
		// Newman (ajv) divides in floating point: 0.3 / 0.1 is
		// 2.9999999999999996, so 0.3 fails multipleOf 0.1, and 1.15
		// fails 0.01, while 0.2 passes 0.1.
		{name: "decimal multipleOf divides as JavaScript does", schema: `{"multipleOf":0.1}`, data: `0.3`,
			want: []string{"data should be multiple of 0.1"}},
		{name: "decimal multipleOf of a nested value", schema: `{"type":"object","properties":{"p":{"multipleOf":0.01}}}`,
			data: `{"p":1.15}`, want: []string{"data.p should be multiple of 0.01"}},
		{name: "decimal multipleOf that divides", schema: `{"multipleOf":0.1}`, data: `0.2`, want: nil},
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

// TestJSONSchemaAssertion runs pm.expect(...).to.have.jsonSchema as a
// test script does; the wants are what Newman 6.2.2 reports for the same
// assertion (e.name and e.message), recorded from a collection run.
func TestJSONSchemaAssertion(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, code, want string }{
		{"float multipleOf", `expect(0.3).to.have.jsonSchema({multipleOf: 0.1})`,
			"AssertionError: expected data to satisfy schema but found following errors: \ndata should be multiple of 0.1"},
		{"errors joined as errorsText", `expect({b: 1}).to.have.jsonSchema({type: 'object', required: ['a'], properties: {b: {type: 'string'}}})`,
			"AssertionError: expected data to satisfy schema but found following errors: \ndata should have required property 'a', data.b should be string"},
		{"ref cycle is V8's RangeError", `expect(1).to.have.jsonSchema({$ref: '#'})`, "RangeError: Maximum call stack size exceeded"},
		{"unknown format thrown", `expect(1).to.have.jsonSchema({format: 'foo'})`, `Error: unknown format "foo" is used in schema at path "#"`},
		{"valid", `expect({p: 0.2}).to.have.jsonSchema({properties: {p: {multipleOf: 0.1}}})`, "PASS"},
	}
	rt, module := newRuntime(t)
	if err := rt.Set("expect", module.Get("expect")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		// One runtime, as a run's scripts share theirs, so not parallel.
		v, err := rt.RunString(`(function () { try { ` + tc.code + `; return 'PASS'; } catch (e) { return e.name + ': ' + e.message; } })()`)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if diff := cmp.Diff(tc.want, v.String()); diff != "" {
			t.Errorf("%s (-newman +colrun):\n%s", tc.name, diff)
		}
	}
}
