package modules

import (
	"encoding/json"
	"testing"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"
)

// TestXML2JSPostmanOptions checks the Go entry point the sandbox uses for
// xml2Json, against outputs of xml2js 0.4.23 with Postman's options.
func TestXML2JSPostmanOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, xml string
		want      string // JSON.stringify of the result; "ERR:" prefix for errors
	}{
		{"tableau sign-in", `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api"><credentials token="T" estimatedTimeToExpiration="1"><site id="S" contentUrl="c"/><user id="U"/></credentials></tsResponse>`,
			`{"tsResponse":{"$":{"xmlns":"http://tableau.com/api"},"credentials":{"$":{"token":"T","estimatedTimeToExpiration":"1"},"site":{"$":{"id":"S","contentUrl":"c"}},"user":{"$":{"id":"U"}}}}}`},
		{"repeated children", `<r><i>1</i><i> 2 </i><j/></r>`, `{"r":{"i":["1","2"],"j":""}}`},
		{"text with attributes", `<r a="1"> t </r>`, `{"r":{"_":"t","$":{"a":"1"}}}`},
		{"empty", ``, `null`},
		{"json body", `{"a": 1}`, "ERR:Non-whitespace before first tag.\nLine: 0\nColumn: 1\nChar: {"},
		// sax takes characters XML 1.0 does not allow, which Go's decoder refuses.
		{"control characters in text and attributes", "<r a=\"x\u0002y\">t\u0001\u001f</r>", `{"r":{"_":"t\u0001\u001f","$":{"a":"x\u0002y"}}}`},
		{"U+FFFF and NUL", "<r><i>\u000b</i><i>\uffff\u0000</i></r>", "{\"r\":{\"i\":[\"\\u000b\",\"\uffff\\u0000\"]}}"},
		{"a control character beside an element", "<r>\u0001 <b>\u0008</b></r>", `{"r":{"_":"\u0001","b":"\b"}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := goja.New()
			v, err := XML2JS(rt, tc.xml, PostmanXML2JSONOptions())
			var got string
			if err != nil {
				got = "ERR:" + err.Error()
			} else {
				j, jerr := rt.RunString("(function (v) { return JSON.stringify(v); })")
				if jerr != nil {
					t.Fatal(jerr)
				}
				fn, _ := goja.AssertFunction(j)
				out, ferr := fn(goja.Undefined(), v)
				if ferr != nil {
					t.Fatal(ferr)
				}
				got = out.String()
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestXML2JSNamespaces parses with xml2js's xmlns option, which SOAP
// collections use to read an answer's namespaces: attributes become sax's
// {name, value, prefix, local, uri} and each element gets {uri, local}
// under attrkey+"ns". The wanted values are what require('xml2js') gave
// under Newman 6.2.2 for the same documents and options.
func TestXML2JSNamespaces(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, xml, opts string
		want            string // JSON.stringify of the result, or "ERR " and the error's message
	}{
		{"soap", `<s:E xmlns:s="urn:s" xmlns="urn:d"><s:B><R a="1" s:b="2" xml:lang="en">x</R><R/><s:C></s:C></s:B></s:E>`, `{"xmlns":true}`,
			`{"s:E":{"$":{"xmlns:s":{"name":"xmlns:s","value":"urn:s","prefix":"xmlns","local":"s","uri":"http://www.w3.org/2000/xmlns/"},"xmlns":{"name":"xmlns","value":"urn:d","prefix":"xmlns","local":"","uri":"http://www.w3.org/2000/xmlns/"}},"$ns":{"uri":"urn:s","local":"E"},"s:B":[{"$ns":{"uri":"urn:s","local":"B"},"R":[{"_":"x","$":{"a":{"name":"a","value":"1","prefix":"","local":"a","uri":""},"s:b":{"name":"s:b","value":"2","prefix":"s","local":"b","uri":"urn:s"},"xml:lang":{"name":"xml:lang","value":"en","prefix":"xml","local":"lang","uri":"http://www.w3.org/XML/1998/namespace"}},"$ns":{"uri":"urn:d","local":"R"}},{"$ns":{"uri":"urn:d","local":"R"}}],"s:C":[{"$ns":{"uri":"urn:s","local":"C"}}]}]}}`},
		{"noarr", `<s:E xmlns:s="urn:s" xmlns="urn:d"><s:B><R a="1" s:b="2" xml:lang="en">x</R><R/><s:C></s:C></s:B></s:E>`, `{"xmlns":true,"explicitArray":false}`,
			`{"s:E":{"$":{"xmlns:s":{"name":"xmlns:s","value":"urn:s","prefix":"xmlns","local":"s","uri":"http://www.w3.org/2000/xmlns/"},"xmlns":{"name":"xmlns","value":"urn:d","prefix":"xmlns","local":"","uri":"http://www.w3.org/2000/xmlns/"}},"$ns":{"uri":"urn:s","local":"E"},"s:B":{"$ns":{"uri":"urn:s","local":"B"},"R":[{"_":"x","$":{"a":{"name":"a","value":"1","prefix":"","local":"a","uri":""},"s:b":{"name":"s:b","value":"2","prefix":"s","local":"b","uri":"urn:s"},"xml:lang":{"name":"xml:lang","value":"en","prefix":"xml","local":"lang","uri":"http://www.w3.org/XML/1998/namespace"}},"$ns":{"uri":"urn:d","local":"R"}},{"$ns":{"uri":"urn:d","local":"R"}}],"s:C":{"$ns":{"uri":"urn:s","local":"C"}}}}}`},
		{"merge", `<E xmlns="urn:d" a="1"><c>t</c></E>`, `{"xmlns":true,"mergeAttrs":true,"explicitArray":false}`,
			`{"E":{"xmlns":{"name":"xmlns","value":"urn:d","prefix":"xmlns","local":"","uri":"http://www.w3.org/2000/xmlns/"},"a":{"name":"a","value":"1","prefix":"","local":"a","uri":""},"$ns":{"uri":"urn:d","local":"E"},"c":{"_":"t","$ns":{"uri":"urn:d","local":"c"}}}}`},
		{"attrkey", `<E a="1"><c>t</c></E>`, `{"xmlns":true,"attrkey":"A","charkey":"C"}`,
			`{"E":{"A":{"a":{"name":"a","value":"1","prefix":"","local":"a","uri":""}},"Ans":{"uri":"","local":"E"},"c":[{"C":"t","Ans":{"uri":"","local":"c"}}]}}`},
		{"ignoreAttrs", `<E xmlns="urn:d" a="1"><c>t</c></E>`, `{"xmlns":true,"ignoreAttrs":true}`,
			`{"E":{"$ns":{"uri":"urn:d","local":"E"},"c":[{"_":"t","$ns":{"uri":"urn:d","local":"c"}}]}}`},
		{"unbound", `<a:E><c>t</c></a:E>`, `{"xmlns":true}`,
			"ERR Unbound namespace prefix: \"a:E\"\nLine: 0\nColumn: 5\nChar: >"},
		{"unbound attr", `<E a:b="1"><c>t</c></E>`, `{"xmlns":true}`,
			"ERR Unbound namespace prefix: \"a\"\nLine: 0\nColumn: 11\nChar: >"},
		{"children", `<E xmlns:p="u"><p:c>t</p:c><d/></E>`, `{"xmlns":true,"explicitChildren":true}`,
			`{"E":{"$":{"xmlns:p":{"name":"xmlns:p","value":"u","prefix":"xmlns","local":"p","uri":"http://www.w3.org/2000/xmlns/"}},"$$":{"$ns":{"uri":"","local":"E"},"p:c":[{"_":"t","$$":{"$ns":{"uri":"u","local":"c"}}}],"d":[{"$$":{"$ns":{"uri":"","local":"d"}}}]}}}`},
		{"processors", `<p:E xmlns:p="u" p:a="1"><p:c>5</p:c></p:E>`, `{"xmlns":true,"tagNameProcessors":["stripPrefix"],"attrNameProcessors":["stripPrefix"],"valueProcessors":["parseNumbers"],"explicitArray":false}`,
			`{"E":{"$":{"xmlns:p":{"name":"xmlns:p","value":"u","prefix":"xmlns","local":"p","uri":"http://www.w3.org/2000/xmlns/"},"a":{"name":"p:a","value":"1","prefix":"p","local":"a","uri":"u"}},"$ns":{"uri":"u","local":"E"},"c":{"_":5,"$ns":{"uri":"u","local":"c"}}}}`},
		{"redeclare", `<p:E xmlns:p="u1"><p:c xmlns:p="u2"><p:d/></p:c><p:f/></p:E>`, `{"xmlns":true,"explicitArray":false}`,
			`{"p:E":{"$":{"xmlns:p":{"name":"xmlns:p","value":"u1","prefix":"xmlns","local":"p","uri":"http://www.w3.org/2000/xmlns/"}},"$ns":{"uri":"u1","local":"E"},"p:c":{"$":{"xmlns:p":{"name":"xmlns:p","value":"u2","prefix":"xmlns","local":"p","uri":"http://www.w3.org/2000/xmlns/"}},"$ns":{"uri":"u2","local":"c"},"p:d":{"$ns":{"uri":"u2","local":"d"}}},"p:f":{"$ns":{"uri":"u1","local":"f"}}}}`},
		{"undeclare default", `<E xmlns="u1"><c xmlns=""><d/></c></E>`, `{"xmlns":true,"explicitArray":false}`,
			`{"E":{"$":{"xmlns":{"name":"xmlns","value":"u1","prefix":"xmlns","local":"","uri":"http://www.w3.org/2000/xmlns/"}},"$ns":{"uri":"u1","local":"E"},"c":{"$":{"xmlns":{"name":"xmlns","value":"","prefix":"xmlns","local":"","uri":"http://www.w3.org/2000/xmlns/"}},"$ns":{"uri":"","local":"c"},"d":{"$ns":{"uri":"","local":"d"}}}}}`},
		{"strict false", `<p:E xmlns:p="u1" A="1"><p:c/></p:E>`, `{"xmlns":true,"strict":false,"explicitArray":false}`,
			`{"P:E":{"$":{"XMLNS:P":{"name":"XMLNS:P","value":"u1","prefix":"XMLNS","local":"P","uri":"XMLNS"},"A":{"name":"A","value":"1","prefix":"","local":"A","uri":""}},"$ns":{"uri":"P","local":"E"},"P:C":{"$ns":{"uri":"P","local":"C"}}}}`},
		{"xmlns falsy", `<p:E xmlns:p="u1"/>`, `{"xmlns":0}`,
			`{"p:E":{"$":{"xmlns:p":"u1"}}}`},
		{"attrValueProcessors", `<E a="1"/>`, `{"xmlns":true,"attrValueProcessors":["typeof"]}`,
			`{"E":{"$":{"a":"object"},"$ns":{"uri":"","local":"E"}}}`},
		{"cdata", `<E><![CDATA[  ]]></E>`, `{"xmlns":true}`,
			`{"E":{"_":"  ","$ns":{"uri":"","local":"E"}}}`},
		{"text only", `<E>  </E>`, `{"xmlns":true}`,
			`{"E":{"$ns":{"uri":"","local":"E"}}}`},
	}
	rt := newRuntime(t, t.TempDir())
	call := callHarness(t, rt, `(function (src) {
  var c = JSON.parse(src), xml2js = require('xml2js'), o = c[1];
  var named = {stripPrefix: xml2js.processors.stripPrefix, parseNumbers: xml2js.processors.parseNumbers,
    typeof: function (v) { return typeof v; }};
  ['tagNameProcessors', 'attrNameProcessors', 'valueProcessors', 'attrValueProcessors'].forEach(function (k) {
    if (o[k]) o[k] = o[k].map(function (n) { return named[n]; });
  });
  var out = 'no callback';
  xml2js.parseString(c[0], o, function (err, r) { out = err ? 'ERR ' + err.message : JSON.stringify(r); });
  return out;
})`)
	for _, tc := range tests {
		src, err := json.Marshal([]any{tc.xml, json.RawMessage(tc.opts)})
		if err != nil {
			t.Fatal(err)
		}
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, call(t, string(src))); diff != "" {
				t.Errorf("%s %s (-newman +colrun):\n%s", tc.xml, tc.opts, diff)
			}
		})
	}
}

// TestXML2JSBuilderChecksWhatItWrites builds documents with characters and
// names XML does not allow, which xmlbuilder (under xml2js's Builder)
// refuses with an error, and doctypes. The wanted values are what
// require('xml2js') gave under Newman 6.2.2.
func TestXML2JSBuilderChecksWhatItWrites(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, args string // args: JSON of [object, Builder options]
		want       string // the document, or "THREW " and the error
	}{
		{"soap env", `[{"soap:Envelope":{"$":{"xmlns:soap":"http://schemas.xmlsoap.org/soap/envelope/","xmlns:m":"urn:m"},"soap:Header":"","soap:Body":{"m:Get":{"m:Id":42,"m:Flag":true,"m:Name":"A & B <c>","m:Nil":null,"m:List":[{"m:I":1},{"m:I":2}],"m:Arr":["x","y"]}}}},{}]`,
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:m=\"urn:m\">\n  <soap:Header/>\n  <soap:Body>\n    <m:Get>\n      <m:Id>42</m:Id>\n      <m:Flag>true</m:Flag>\n      <m:Name>A &amp; B &lt;c&gt;</m:Name>\n      <m:Nil/>\n      <m:List>\n        <m:I>1</m:I>\n      </m:List>\n      <m:List>\n        <m:I>2</m:I>\n      </m:List>\n      <m:Arr>x</m:Arr>\n      <m:Arr>y</m:Arr>\n    </m:Get>\n  </soap:Body>\n</soap:Envelope>"},
		{"string root", `["x",{}]`,
			`THREW Error: Invalid character in name`},
		{"doctype", `[{"a":"b"},{"doctype":{"pubID":"p","sysID":"s"}}]`,
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!DOCTYPE a PUBLIC \"p\" \"s\">\n<a>b</a>"},
		{"unicode", "[{\"a\":\"é\\u0001😀\"},{\"headless\":true}]",
			"THREW Error: Invalid character in string: é\u0001😀 at index 1"},
		{"doctype pub only", `[{"a":"b"},{"doctype":{"pubID":"p"}}]`,
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!DOCTYPE a SYSTEM \"p\">\n<a>b</a>"},
		{"doctype sys only", `[{"a":"b"},{"doctype":{"sysID":"s"},"renderOpts":{"pretty":false}}]`,
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE a SYSTEM "s"><a>b</a>`},
		{"v1.1 control", `[{"a":"x\u0001"},{"xmldec":{"version":"1.1"}}]`,
			"<?xml version=\"1.1\"?>\n<a>x\u0001</a>"},
		{"bad attr name", `[{"a":{"$":{"b c":1}}},{}]`,
			`THREW Error: Invalid character in name`},
		{"bad attr value", `[{"a":{"$":{"b":"x\u0002"}}},{}]`,
			"THREW Error: Invalid character in string: x\u0002 at index 1"},
		{"space key", `[{"a b":1},{}]`,
			`THREW Error: Invalid character in name`},
		{"null root", `[null,{}]`,
			`THREW TypeError: Cannot convert undefined or null to object`},
		{"dollar key", `[{"a":{"$ns":{"uri":"u"}}},{}]`,
			`THREW Error: Invalid character in name`},
		{"cdata control", `[{"a":"x\u0001<"},{"cdata":true}]`,
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a><![CDATA[x\u0001<]]></a>"},
		{"text escaped index", `[{"a":"&&\u0001"},{}]`,
			"THREW Error: Invalid character in string: &amp;&amp;\u0001 at index 10"},
	}
	rt := newRuntime(t, t.TempDir())
	call := callHarness(t, rt, `(function (src) {
  var a = JSON.parse(src), xml2js = require('xml2js');
  try { return new xml2js.Builder(a[1]).buildObject(a[0]); } catch (e) { return 'THREW ' + e.name + ': ' + e.message; }
})`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, call(t, tc.args)); diff != "" {
				t.Errorf("%s (-newman +colrun):\n%s", tc.args, diff)
			}
		})
	}
}

// TestXML2JSParseStringAsUnderNewman checks parseString's callback for
// the async and validator options and for no text at all; the wanted
// values are what require('xml2js') gave under Newman 6.2.2, where async
// parsing fails for want of setTimeout.
func TestXML2JSParseStringAsUnderNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string // src calls parseString with cb
		want      string // JSON of [error name and message, result]
	}{
		{"async", `xml2js.parseString('<a>1</a>', {async: true}, cb);`,
			`["ReferenceError: setTimeout is not defined","undefined"]`},
		{"async on blank text", `xml2js.parseString('  ', {async: true}, cb);`,
			`[null,null]`},
		{"undefined", `xml2js.parseString(undefined, cb);`,
			`["TypeError: Cannot read properties of undefined (reading 'toString')","undefined"]`},
		{"null", `xml2js.parseString(null, cb);`,
			`["TypeError: Cannot read properties of null (reading 'toString')","undefined"]`},
		{"validator", `var calls = []; xml2js.parseString('<r><i>1</i><i>2</i><j x="1"/></r>', {validator: function (path, cur, v) { calls.push([path, cur, v]); return path === '/r/i' ? Number(v) : v; }}, function (e, r) { cb(e, [calls, r]); });`,
			`[null,[[["/r/i",null,"1"],["/r/i",[1,2],"2"],["/r/j",null,{"$":{"x":"1"}}],["/r",null,{"i":[1,2],"j":[{"$":{"x":"1"}}]}]],{"r":{"i":[1,2],"j":[{"$":{"x":"1"}}]}}]]`},
		{"validator without arrays", `var calls = []; xml2js.parseString('<r><i>1</i><i>2</i></r>', {explicitArray: false, validator: function (path, cur, v) { calls.push([path, cur, v]); return v; }}, function (e, r) { cb(e, [calls, r]); });`,
			`[null,[[["/r/i",null,"1"],["/r/i","1","2"],["/r",null,{"i":["1","2"]}]],{"r":{"i":["1","2"]}}]]`},
		{"validator throws", `xml2js.parseString('<r><i>1</i></r>', {validator: function (path) { if (path === '/r/i') throw new xml2js.ValidationError('bad ' + path); }}, cb);`,
			`["Error: bad /r/i","undefined"]`},
	}
	rt := newRuntime(t, t.TempDir())
	call := callHarness(t, rt, `(function (src) {
  var out = 'no callback';
  var cb = function (e, r) { out = JSON.stringify([e ? e.name + ': ' + e.message : e, r === undefined ? 'undefined' : r]); };
  new Function('xml2js', 'cb', src)(require('xml2js'), cb);
  return out;
})`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, call(t, tc.src)); diff != "" {
				t.Errorf("%s (-newman +colrun):\n%s", tc.src, diff)
			}
		})
	}
}
