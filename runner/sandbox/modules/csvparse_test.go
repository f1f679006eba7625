package modules

import "testing"

// csvParseCases were recorded from csv-parse 1.2.4 (the version
// postman-sandbox 4.7.1 in Newman 6.2.2 bundles) by
// testdata/gen_csvparse.js: a script body and the JSON it returned.
var csvParseCases = []struct{ name, src, want string }{
	{"basic", `return parse("a,b\n1,2\n3,4", {});`,
		`[["a","b"],["1","2"],["3","4"]]`},
	{"columns", `return parse("a,b\n1,2\n3,4\n", {columns: true});`,
		`[{"a":"1","b":"2"},{"a":"3","b":"4"}]`},
	{"skip empty", `return parse("a,b\n\n1,2\n\n", {columns: true, skip_empty_lines: true});`,
		`[{"a":"1","b":"2"}]`},
	{"empty kept", `return parse("a,b\n\n1,2", {});`,
		`[["a","b"],[""],["1","2"]]`},
	{"quotes", `return parse("\"x, y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",2", {});`,
		`[["x, y","he said \"hi\""],["multi\nline","2"]]`},
	{"delimiter", `return parse("a;b\n1;2", {delimiter: ";", columns: true});`,
		`[{"a":"1","b":"2"}]`},
	{"trim", `return parse(" a , b \n 1 ,2 ", {trim: true});`,
		`[["a","b"],["1","2"]]`},
	{"ltrim rtrim", `return parse(" a , b ", {ltrim: true});`,
		`[["a ","b "]]`},
	{"crlf", `return parse("a,b\r\n1,2\r\n", {columns: true});`,
		`[{"a":"1","b":"2"}]`},
	{"columns array", `return parse("1,2\n3,4", {columns: ["x", "y"]});`,
		`[{"x":"1","y":"2"},{"x":"3","y":"4"}]`},
	{"columns function", `return parse("A,B\n1,2", {columns: function (h) { return h.map(function (s) { return s.toLowerCase(); }); }});`,
		`[{"a":"1","b":"2"}]`},
	{"auto_parse", `return parse("1,2.5,x,true\n", {auto_parse: true});`,
		`[[1,2.5,"x","true"]]`},
	{"cast", `return parse("1,2.5,x\n", {cast: true});`,
		`[["1","2.5","x"]]`},
	{"bad column count", `return parse("a,b\n1,2,3", {columns: true});`,
		`[]`},
	{"relax column count", `return parse("a,b\n1,2,3\n4", {columns: true, relax_column_count: true});`,
		`[{"a":"1","b":"2","undefined":"3"},{"a":"4"}]`},
	{"comment", `return parse("# note\na,b\n1,2", {comment: "#"});`,
		`[["a","b"],["1","2"]]`},
	{"bom", `return parse("\ufeffa,b\n1,2", {columns: true});`,
		`[{"a":"1","b":"2"}]`},
	{"quote in unquoted field", `return parse("a,b\"c\n", {});`,
		`{"throws":"Invalid opening quote at line 1"}`},
	{"relax", `return parse("a,b\"c\n", {relax: true});`,
		`[["a","b\"c"]]`},
	{"unclosed quote", `return parse("\"abc\n", {});`,
		`{"throws":"Quoted field not terminated at line 2"}`},
	{"from to", `return parse("a\nb\nc\nd", {from: 2, to: 3});`,
		`[["b"],["c"]]`},
	{"objname", `return parse("k,v\nx,1\ny,2", {columns: true, objname: "k"});`,
		`{"x":{"k":"x","v":"1"},"y":{"k":"y","v":"2"}}`},
	{"trailing spaces quoted", `return parse("\"a\" ,b", {});`,
		`{"throws":"Invalid closing quote at line 1; found \" \" instead of delimiter \",\""}`},
	{"empty input", `return parse("", {columns: true});`,
		`[]`},
	// Recorded under Newman 6.2.2 (require('csv-parse/lib/sync') in a
	// test script): a row of the wrong length that a line end closes
	// throws, naming the line it ends on, even past `to`; only a last,
	// unterminated one ends the parse quietly ("bad column count").
	{"bad column count, line end after", `return parse("a,b\n1\n", {});`,
		`{"throws":"Number of columns is inconsistent on line 2"}`},
	{"bad column count mid-file", `return parse("a,b\n1,2\n3\n4,5", {});`,
		`{"throws":"Number of columns is inconsistent on line 3"}`},
	{"bad column count against columns", `return parse("a,b\n1\n", {columns: true});`,
		`{"throws":"Number of columns on line 2 does not match header"}`},
	{"bad column count after a multi-line field", `return parse("a,b\n\"x\ny\"\n", {});`,
		`{"throws":"Number of columns is inconsistent on line 3"}`},
	{"bad column count past to", `return parse("a,b\n1,2\n3\n", {to: 1});`,
		`{"throws":"Number of columns is inconsistent on line 3"}`},
}

func TestCSVParseMatchesCSVParse1(t *testing.T) {
	t.Parallel()
	rt := newRuntime(t, t.TempDir())
	call := callHarness(t, rt, `(function (src) {
  try {
    return JSON.stringify(new Function('parse', src)(require('csv-parse/lib/sync')));
  } catch (e) {
    return JSON.stringify({ throws: e.message });
  }
})`)
	for _, tc := range csvParseCases {
		t.Run(tc.name, func(t *testing.T) {
			sameJSON(t, tc.src, tc.want, call(t, tc.src))
		})
	}
}
