package collections

import (
	"os"
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
