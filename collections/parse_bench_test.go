package collections

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkParseOfficialCollection parses the official Tableau collection
// (347 requests, 0.5 MB): loading is part of every run's start-up.
func BenchmarkParseOfficialCollection(b *testing.B) {
	data, err := os.ReadFile("../../shared/fixtures/tableau-postman/Tableau_REST_API.postman_collection.json")
	if err != nil {
		b.Skip("../shared is not available")
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseCollection("official.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse2000Requests parses a generated 2,000-request collection
// with a header, a query, a body and a test script per request: the size
// the run benchmarks start with.
func BenchmarkParse2000Requests(b *testing.B) {
	data := generatedCollection(2000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseCollection("gen.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// generatedCollection writes a collection of n requests in the shape
// Postman exports: URLs as parts, headers, bodies, auth and events.
func generatedCollection(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`{"info":{"name":"gen","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"variable":[{"key":"base","value":"http://127.0.0.1:1"}],"item":[`)
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"name":"req %d","event":[{"listen":"test","script":{"type":"text/javascript","exec":["pm.test('ok', function () {","  pm.response.to.have.status(200);","});"]}}],`+
			`"request":{"method":"POST","header":[{"key":"Content-Type","value":"application/json"},{"key":"X-N","value":"%d","disabled":false}],`+
			`"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{token}}","type":"string"}]},`+
			`"body":{"mode":"raw","raw":"{\"n\":%d}","options":{"raw":{"language":"json"}}},`+
			`"url":{"raw":"{{base}}/items/%d?q=%d","host":["{{base}}"],"path":["items","%d"],"query":[{"key":"q","value":"%d"}]}},"response":[]}`, i, i, i, i, i, i, i)
	}
	sb.WriteString(`]}`)
	return []byte(sb.String())
}
