package collections

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// A collection keeps only what it uses: saved example responses and other
// fields colrun ignores do not stay in memory for the run, however large
// the file. Not parallel: it measures the heap.
func TestCollectionDoesNotKeepTheFileText(t *testing.T) {
	const exampleSize = 16 << 20
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c, err := ParseCollection("big.postman_collection.json", bigCollection(exampleSize))
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	if grown > exampleSize/4 {
		t.Errorf("the parsed collection keeps %d MB alive; the file's unused 16 MB should be gone", grown>>20)
	}
	it := c.Items[0]
	if got := fmt.Sprint(it.Name, " ", it.Request.URL.String(), " ", it.Request.Headers[0].Value, " ", it.Events[0].Script.Exec); got != "get h/a?q=1 b pm.test('t', () => {})" {
		t.Errorf("decoded %q", got)
	}
	runtime.KeepAlive(c)
}

// bigCollection is a one-request collection whose saved example response
// is size bytes long.
func bigCollection(size int) []byte {
	return []byte(fmt.Sprintf(`{"info":{"name":"big","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable":[{"key":"n","value":1}],
		"item":[{"name":"get","request":{"method":"GET","url":{"raw":"http://h/a?q=1","host":["h"],"path":["a"],"query":[{"key":"q","value":"1"}]},
		"header":[{"key":"A","value":"b"}],"auth":{"type":"apikey","apikey":[{"key":"value","value":"v"}]}},
		"event":[{"listen":"test","script":{"exec":"pm.test('t', () => {})"}}],
		"response":[{"name":"saved","body":%q}]}]}`, strings.Repeat("x", size)))
}
