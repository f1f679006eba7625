package ajv

import (
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/sandbox/schemadoc"
)

// allErrors is chai-postman's default, which most cases use.
var allErrors = Options{AllErrors: true}

// TestValidate compares Compile and Validate with what ajv 6 gives for
// the same schema, data and options: errorsText() when the data is
// invalid, the exception's message when ajv throws. The wants were
// recorded with ajv 6 under node (the same major version Postman's
// sandbox bundles, whose messages have not changed since 6.0).
func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, schema, data string
		opts               Options
		want               string // errorsText(), "" when valid
		wantErr            string
		wantTooDeep        bool
	}{
		// Division in float64, as JavaScript divides: 0.3 / 0.1 is
		// 2.9999999999999996, so 0.3 is not a multiple of 0.1.
		{name: "multipleOf 0.1 of 0.3", schema: `{"multipleOf":0.1}`, data: `0.3`, opts: allErrors,
			want: "data should be multiple of 0.1"},
		{name: "multipleOf 0.1 of 0.2", schema: `{"multipleOf":0.1}`, data: `0.2`, opts: allErrors},
		{name: "multipleOf 0.01 of 1.15", schema: `{"multipleOf":0.01}`, data: `1.15`, opts: allErrors,
			want: "data should be multiple of 0.01"},
		// ajv compares the quotient with parseInt(quotient), which reads
		// 1e+21 as 1.
		{name: "multipleOf with quotient 1e21", schema: `{"multipleOf":1}`, data: `1e21`, opts: allErrors,
			want: "data should be multiple of 1"},
		{name: "limits written as JavaScript writes numbers", schema: `{"properties":{"a":{"maximum":1.5e21},"b":{"minimum":1e-7},"c":{"maximum":-2.5e-8},"d":{"exclusiveMinimum":0.000001}}}`,
			data: `{"a":2e21,"b":0,"c":0,"d":0}`, opts: allErrors,
			want: "data.a should be <= 1.5e+21, data.b should be >= 1e-7, data.c should be <= -2.5e-8, data.d should be > 0.000001"},
		{name: "fast date-time wants a T or space", schema: `{"format":"date-time"}`, data: `"2024-01-02 03:04:05"`, opts: allErrors,
			want: `data should match format "date-time"`},
		{name: "full date checks the day", schema: `{"format":"date"}`, data: `"2024-02-30"`,
			opts: Options{AllErrors: true, Format: FormatFull}, want: `data should match format "date"`},
		{name: "format off", schema: `{"format":"date"}`, data: `"x"`, opts: Options{AllErrors: true, Format: FormatOff}},
		{name: "unknown format ignored", schema: `{"format":"foo"}`, data: `"x"`,
			opts: Options{AllErrors: true, IgnoreUnknownFormats: true}},
		{name: "unknown format listed", schema: `{"format":"foo"}`, data: `"x"`,
			opts: Options{AllErrors: true, AllowedUnknownFormats: map[string]bool{"foo": true}}},
		{name: "unknown format named where the ref target sits",
			schema: `{"properties":{"a":{"$ref":"#/definitions/d"}},"definitions":{"d":{"format":"foo"}}}`, data: `{}`, opts: allErrors,
			wantErr: `unknown format "foo" is used in schema at path "#/definitions/d"`},
		{name: "ref cycle overflows", schema: `{"$ref":"#"}`, data: `1`, opts: allErrors, wantTooDeep: true},
		{name: "first error only", schema: `{"properties":{"a":{"type":"string"},"b":{"type":"string"}}}`, data: `{"a":1,"b":2}`,
			want: "data.a should be string"},
		{name: "formats in properties", schema: `{"properties":{"e":{"format":"email"},"u":{"format":"uuid"}}}`,
			data: `{"e":"nope","u":"1a96d216-e9b8-497b-a82a-0b899a965e01"}`, opts: allErrors, want: `data.e should match format "email"`},
		{name: "meta-schema refuses", schema: `{"minLength":-1}`, data: `""`, opts: allErrors,
			wantErr: "schema is invalid: data.minLength should be >= 0"},
		{name: "draft-04 refused", schema: `{"$schema":"http://json-schema.org/draft-04/schema#"}`, data: `1`, opts: allErrors,
			wantErr: `no schema with key or ref "http://json-schema.org/draft-04/schema#"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := New(tc.opts).Compile(mustParse(t, tc.schema))
			var errs []Error
			if err == nil {
				errs, err = s.Validate(mustParse(t, tc.data))
			}
			switch {
			case tc.wantTooDeep:
				if !errors.Is(err, ErrTooDeep) {
					t.Fatalf("error = %v, want ErrTooDeep", err)
				}
				return
			case tc.wantErr != "":
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			case err != nil:
				t.Fatalf("unexpected error: %v", err)
			}
			got := ""
			if errs != nil {
				got = ErrorsText(errs)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errorsText (-ajv +colrun):\n%s", diff)
			}
		})
	}
}

// TestValidateConcurrent validates with one compiled schema from several
// goroutines, as parallel workers share chai's compiled schemas.
func TestValidateConcurrent(t *testing.T) {
	t.Parallel()
	s, err := New(allErrors).Compile(mustParse(t, `{"type":"array","items":{"$ref":"#/definitions/item"},
		"definitions":{"item":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"},"next":{"$ref":"#/definitions/item"}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	data := mustParse(t, `[{"id":1},{"id":"x","next":{"id":2.5}},{}]`)
	want := "data[1].id should be integer, data[1].next.id should be integer, data[2] should have required property 'id'"
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				errs, err := s.Validate(data)
				if got := ErrorsText(errs); err != nil || got != want {
					t.Errorf("got %q, %v; want %q", got, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func mustParse(t *testing.T, text string) any {
	t.Helper()
	v, err := schemadoc.Parse(text)
	if err != nil {
		t.Fatalf("parse %s: %v", text, err)
	}
	return v
}
