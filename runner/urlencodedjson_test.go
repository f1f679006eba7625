package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestURLEncodedValuesThatAreNotStrings sends urlencoded fields whose keys
// or values are lists, objects, numbers or null; the wanted bodies are
// what a server got from Newman 6.2.2. postman-runtime gathers the fields
// into an object and Node's querystring writes it: a list sends one field
// per element, an object or null sends an empty value, and a key is its
// JavaScript String. colrun sent the JSON text (arr=[1,2], {"k":1}=v).
func TestURLEncodedValuesThatAreNotStrings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, form, want string
	}{
		{"lists, objects and keys that are objects",
			`[{"key":"arr","value":[1,2]},{"key":"o","value":{"x":1}},{"key":"e","value":{}},{"key":{"k":1},"value":"v"}]`,
			"arr=1&arr=2&o=&e=&%5Bobject%20Object%5D=v"},
		{"numbers, booleans, null and lists in a list",
			`[{"key":"n","value":5},{"key":"t","value":true},{"key":"nul","value":null},{"key":"ea","value":[]},{"key":"na","value":[{"a":1},"s",null,[3,4]]},{"key":[1,2],"value":"k"},{"key":5,"value":"five"}]`,
			"5=five&n=5&t=true&nul=&na=&na=s&na=&na=&1%2C2=k"},
		{"lists sharing a key, variables inside lists and keys",
			`[{"key":"d","value":"1"},{"key":"d","value":[2,3]},{"key":"z","value":[]},{"key":"a","value":["{{x}}",1.50,1e400,false]},{"key":"z","value":"late"},{"key":"a","value":"more"},{"key":"o","value":{"y":"{{x}}"}},{"key":["{{x}}",null,[1,[2]],{"a":1}],"value":"kk"}]`,
			"d=1&d=&z=late&a=X&a=1.5&a=&a=false&a=more&o=&X%2C%2C1%2C2%2C%5Bobject%20Object%5D=kk"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"x","value":"X"}],
				"item":[{"name":"r","request":{"method":"POST","url":"` + rec.srv.URL + `/post",
					"body":{"mode":"urlencoded","urlencoded":` + tc.form + `}}}]}`
			run(t, parse(t, doc), Options{})
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server got %d requests, want 1", len(got))
			}
			if d := cmp.Diff(tc.want, got[0].Body); d != "" {
				t.Errorf("body sent (-Newman +colrun):\n%s", d)
			}
		})
	}
}
