package collections

import (
	"fmt"
	"os"
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

// No field keeps the file's text alive, whatever shape it has: each
// collection gets an unused 16 MB member, which must be freed after
// parsing. A single string decoded as a slice of the text would keep it.
// Not parallel: it measures the heap.
func TestNoFieldKeepsTheFileText(t *testing.T) {
	const padSize = 16 << 20
	// oddShapes has every lenient shape the decoders accept: strings for
	// URLs, paths, queries, headers, bodies and scripts; object maps for
	// variables and headers; numbers and bools where strings are usual.
	const oddShapes = `{"id":"root-id","name":"no info","description":{"content":"d"},
		"variable":{"a":"1","b":2,"c":{"deep":"x"}},
		"auth":{"type":"basic","basic":{"username":"u","password":7}},
		"event":{"listen":"prerequest","script":"console.log(1)"},
		"item":[
			{"name":"s","request":"http://h:8080/a/:id?x=1&y#frag"},
			{"name":"o","request":{"method":"post","url":{"raw":"http://u:p@h/p","protocol":"http","host":"a.b","port":81,"path":"/x/y","query":"k=v&w","hash":"h","auth":{"user":"u","password":"p"}},
				"header":"A: 1\n// B: 2","body":"plain text"}},
			{"name":"r","request":{"url":{"raw":"{{base}}/r?q=1","variable":[{"key":"id","value":3}]},
				"header":{"X":"y","N":1},"body":{"urlencoded":[{"key":"k","value":1,"disabled":"true"}]},
				"description":"rd"},
				"event":[{"listen":"test","script":{"exec":"one line","id":"i","type":"text/javascript","name":"n"}}]},
			{"name":"f","request":{"url":"h/f","body":{"mode":"file","file":{"src":"a.txt","content":"c"}}}},
			{"name":"g","request":{"url":"h/g","body":{"graphql":{"query":"{a}","variables":"{}"}}}},
			{"name":"m","request":{"url":"h/m","body":{"formdata":[{"key":"f","type":"file","src":["x","y"],"contentType":"text/plain"}]}},
				"variable":[{"id":"vid","value":[1,"s"],"type":"any","disabled":1}]}
		]}`
	type input struct{ name, text string }
	inputs := []input{{"odd shapes", oddShapes}}
	for _, f := range []string{"testdata/shapes-v20.postman_collection.json", "testdata/shapes-v21.postman_collection.json", "tableau-signin.postman_collection.json"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{f, string(b)})
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			c, err := ParseCollection("padded.json", padded(in.text, padSize))
			if err != nil {
				t.Fatal(err)
			}
			var after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&after)
			if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > padSize/4 {
				t.Errorf("the parsed collection keeps %d MB alive; the file's unused 16 MB should be gone", grown>>20)
			}
			if len(c.Items) == 0 {
				t.Error("no items decoded")
			}
			runtime.KeepAlive(c)
		})
	}
}

// padded adds a member of size bytes at the start of a collection's root
// object, so that the text around it is one allocation with everything
// decoded.
func padded(text string, size int) []byte {
	open := strings.IndexByte(text, '{')
	return []byte(text[:open+1] + fmt.Sprintf(`"x_pad":%q,`, strings.Repeat("x", size)) + text[open+1:])
}
