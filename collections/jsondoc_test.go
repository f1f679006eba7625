package collections

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestParseKeepsJSONText checks what the parser hands the decoders, as a
// collection's model shows it: escapes decoded (a lone surrogate as
// U+FFFD, other bytes, invalid UTF-8 among them, as they are), escaped
// member names found by their value, the last of repeated names, and
// object and list values passed on as their text, escapes and digits
// untouched.
func TestParseKeepsJSONText(t *testing.T) {
	t.Parallel()
	type got struct {
		Name, URL, Header, Raw, Value, DisabledAs string
	}
	for _, tc := range []struct {
		name string
		item string
		want got
	}{{
		name: "escapes",
		item: `{"na\u006de":"a\u00e9\ud83d\ude00\ud800x\udc00\"\\\/\b\f\n\r\t","request":{"url":"http://h/\u002f"}}`,
		want: got{Name: "aé😀\ufffdx\ufffd\"\\/\b\f\n\r\t", URL: "http://h//"},
	}, {
		name: "invalid UTF-8 is kept",
		item: "{\"name\":\"\xff\xfe \xc3\\u00e9\",\"request\":{\"url\":\"http://h/\xc3\"}}",
		want: got{Name: "\xff\xfe \xc3é", URL: "http://h/\xc3"},
	}, {
		// As in JSON.parse: Newman 6.2.2 sent this request to http://b
		// with the header L: w.
		name: "the last of repeated names wins",
		item: `{"name":"first","name":"second","request":{"url":"http://a","url":"http://b","header":[{"key":"K","key":"L","value":"v","value":"w"}]}}`,
		want: got{Name: "second", URL: "http://b", Header: "L: w"},
	}, {
		name: "object and list values keep their text",
		item: `{"name":"n","request":{"url":"http://h","body":{"mode":"raw","raw":{ "a" : "\u00e9\n", "b" : [ 1 , 2.50e+3 , -0.0 ] }}},` +
			`"variable":[{"key":"v","value":[ 1.10 , {"x" : 1e400} ],"disabled":{ "z" : 1 }}]}`,
		want: got{Name: "n", URL: "http://h", Raw: `{"a":"\u00e9\n","b":[1,2.50e+3,-0.0]}`, Value: `[1.10 map[x:1e400]]`, DisabledAs: `{ "z" : 1 }`},
	}, {
		name: "long strings with a special byte at every place",
		item: `{"name":"` + strings.Repeat(`abcdefg\"`, 3) + `é` + strings.Repeat("x", 17) + `","request":{"url":"http://h","header":[{"key":"K","value":"` + strings.Repeat(`a\\`, 9) + `"}]}}`,
		want: got{Name: strings.Repeat(`abcdefg"`, 3) + "é" + strings.Repeat("x", 17), URL: "http://h", Header: "K: " + strings.Repeat(`a\`, 9)},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := ParseCollection("c.json", []byte(`{"info":{"name":"c"},"item":[`+tc.item+`]}`))
			if err != nil {
				t.Fatal(err)
			}
			it := c.Items[0]
			var g got
			g.Name, g.URL = it.Name, it.Request.URL.String()
			for _, h := range it.Request.Headers {
				g.Header = h.Key + ": " + h.Value
			}
			if b := it.Request.Body; b != nil {
				g.Raw = b.Raw
			}
			for _, v := range it.Variables {
				g.Value = strings.ReplaceAll(strings.TrimSpace(fmtValue(v.Value)), "\n", " ")
				g.DisabledAs = string(v.DisabledAs)
			}
			if d := cmp.Diff(tc.want, g); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// fmtValue writes a variable's decoded value compactly.
func fmtValue(v any) string {
	switch v := v.(type) {
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = fmtValue(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case map[string]any:
		var parts []string
		for k, e := range v {
			parts = append(parts, k+":"+fmtValue(e))
		}
		return "map[" + strings.Join(parts, " ") + "]"
	case json.Number:
		return string(v)
	}
	return "?"
}

// TestParseRejectsInvalidJSON checks that the parser refuses what is not
// JSON, so that the loader reports it with encoding/json's line and
// column, and takes what is.
func TestParseRejectsInvalidJSON(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		doc string
		ok  bool
	}{
		{`{}`, true}, {" \t\r\n[ ] \n", true}, {`"x"`, true}, {`-0.5e+10`, true}, {`0`, true}, {`null`, true},
		{`{"a":[1,{"b":null}],"c":true,"d":false}`, true}, {strings.Repeat("[", 100000) + strings.Repeat("]", 100000), true},
		{``, false}, {` `, false}, {`{`, false}, {`{"a":1,}`, false}, {`[1,]`, false}, {`[1 2]`, false}, {`{"a" 1}`, false},
		{`{a:1}`, false}, {`{"a":01}`, false}, {`{"a":1.}`, false}, {`{"a":-}`, false}, {`{"a":1e}`, false}, {`{"a":+1}`, false},
		{`{"a":.5}`, false}, {`{"a":tru}`, false}, {`{"a":nul}`, false}, {`{} x`, false}, {`{}}`, false}, {`[}`, false},
		{"\"a\x01\"", false}, {`"\x"`, false}, {`"\u12G4"`, false}, {`"\u12"`, false}, {`"abc`, false}, {`"abc\`, false},
		{"\u00a0{}", false}, {strings.Repeat("[", 100000), false},
	} {
		if _, ok := parseDocument(tc.doc); ok != tc.ok {
			t.Errorf("parseDocument(%.40q) ok = %v, want %v", tc.doc, ok, tc.ok)
		}
	}
}

// FuzzParseDocument checks the parser against encoding/json: the same
// texts are JSON (but for nesting deeper than encoding/json's limit),
// the root's text is the document's, and valid UTF-8 strings decode to
// the same values.
func FuzzParseDocument(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":null}],"c":"\u00e9\ud800"}`, `[1e5,-0.1,"x\n"]`, `"\ud83d\ude00"`, `{"a":1,"a":2}`, "\"abcdefgh\\\"ijklmnop\"", `{"a" 1}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		root, ok := parseDocument(doc)
		if want := json.Valid([]byte(doc)); ok != want {
			var v any
			if err := json.Unmarshal([]byte(doc), &v); !ok || err == nil || !strings.Contains(err.Error(), "exceeded max depth") {
				t.Fatalf("parseDocument ok = %v, json.Valid = %v", ok, want)
			}
		}
		if !ok {
			return
		}
		if got, want := root.raw(), strings.Trim(doc, " \t\r\n"); got != want {
			t.Fatalf("root text %q, want %q", got, want)
		}
		if !utf8.ValidString(doc) {
			return
		}
		for i := range root.d.tape {
			n := node{root.d, int32(i)}
			if n.kind() != kindString {
				continue
			}
			var want string
			if err := json.Unmarshal([]byte(n.raw()), &want); err != nil {
				t.Fatalf("string %s: %v", n.raw(), err)
			}
			if got := n.text(); got != want {
				t.Fatalf("string %s = %q, want %q", n.raw(), got, want)
			}
		}
	})
}
