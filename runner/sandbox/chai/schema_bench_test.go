package chai

import (
	"strings"
	"testing"
)

// benchSchema is the kind of response schema collections check on every
// request: an object with typed, required, formatted and nested fields.
const benchSchema = `{"type":"object","required":["id","name","email","tags","owner"],"properties":{
"id":{"type":"integer","minimum":1},"name":{"type":"string","minLength":1,"maxLength":64},
"email":{"type":"string","format":"email"},"created":{"type":"string","format":"date-time"},
"tags":{"type":"array","items":{"type":"string"},"uniqueItems":true},
"owner":{"type":"object","required":["id"],"properties":{"id":{"type":"string","pattern":"^[0-9a-f-]{36}$"},"role":{"enum":["admin","user"]}}}},
"additionalProperties":false}`

func benchBody(n int, valid bool) string {
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		id := `1`
		if !valid && i == n-1 {
			id = `"x"`
		}
		b.WriteString(`{"id":` + id + `,"name":"workbook","email":"a@example.com","created":"2024-01-02T03:04:05Z",` +
			`"tags":["a","b","c"],"owner":{"id":"1a96d216-e9b8-497b-a82a-0b899a965e01","role":"admin"}}`)
	}
	b.WriteString(`]}`)
	return b.String()
}

// BenchmarkValidateJSONSchema measures one jsonSchema check of a response
// (the compiled schema comes from the cache, as on every request after
// the first): a small and a 100-item body, passing and failing.
func BenchmarkValidateJSONSchema(b *testing.B) {
	schema := `{"type":"object","properties":{"items":{"type":"array","items":` + benchSchema + `}}}`
	for _, bc := range []struct {
		name string
		data string
	}{
		{"1-item-valid", benchBody(1, true)},
		{"1-item-invalid", benchBody(1, false)},
		{"100-items-valid", benchBody(100, true)},
		{"100-items-invalid", benchBody(100, false)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := ValidateJSONSchema(schema, bc.data, `{"allErrors":true,"logger":false}`); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
