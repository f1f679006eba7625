package sandbox

import (
	"os"
	"testing"
	"time"

	"github.com/colrun/colrun/runner/event"
)

// TestJSONParseOutOfRangeNumbers checks that JSON.parse and
// pm.response.json() read a number beyond float64's range as ±Infinity
// and one below it as ±0, as V8 does under Newman 6.2.2, instead of
// failing the script as goja's JSON.parse does.
func TestJSONParseOutOfRangeNumbers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, src string
		newman          []string
	}{
		{"JSON.parse", `{}`, `const v = JSON.parse('[1e400,-1e400,1e-400,-1e-400,{"big":2E+999}]');
			console.log(v[0], v[1], v[2], 1 / v[3], v[4].big, JSON.stringify(v))`,
			[]string{"Infinity | -Infinity | 0 | -Infinity | Infinity | [null,null,0,0,{\"big\":null}]"}},
		{"pm.response.json", `{"size": 1e400, "tiny": -5e-999, "ok": 1}`, `const j = pm.response.json();
			console.log(j.size, 1 / j.tiny, j.ok, pm.response.json().size === Infinity)`,
			[]string{"Infinity | -Infinity | 1 | true"}},
		{"responseBody", `[1e400]`, `console.log(JSON.parse(responseBody)[0])`, []string{"Infinity"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			exec := newExec("test")
			exec.Response.Body = []byte(tc.body)
			exec.Response.BodySize = int64(len(tc.body))
			got := mustPass(t, run(t, exec, tc.src))
			diff(t, "console", tc.newman, got)
		})
	}
}

// newmanCase is an expression and what Newman 6.2.2's sandbox gives for
// it in a test script, as newmanShow renders it.
type newmanCase struct{ expr, newman string }

// runNewmanCases runs each case's expression in a test script of its own.
func runNewmanCases(t *testing.T, tests []newmanCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			t.Parallel()
			logs := mustPass(t, run(t, newExec("test"), newmanShow(t)+"console.log(show(function () { return ("+tc.expr+"); }));"))
			// The value is the last line; a deprecation warning may come first.
			if len(logs) == 0 {
				t.Fatal("nothing logged")
			}
			diff(t, tc.expr, tc.newman, logs[len(logs)-1])
		})
	}
}

// TestPostmanCollectionModule checks require('postman-collection'): the
// classes pm's objects are made of, with their static helpers, as
// Newman 6.2.2's sandbox gives them (Url.parse keeps the raw text,
// Cookie.parse and unparseSingle have postman-collection's quirks).
func TestPostmanCollectionModule(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`new (require('postman-collection').Url)('http://a.com/b?c=d').getHost()`, `string:"a.com"`},
		{`require('postman-collection').Url.parse('https://u:p@h.com:8080/p/q?x=1#f')`, `object:{"raw":"https://u:p@h.com:8080/p/q?x=1#f","protocol":"https","auth":{"user":"u","password":"p"},"host":["h","com"],"port":"8080","path":["p","q"],"query":[{"key":"x","value":"1"}],"hash":"f"}`},
		{`new (require('postman-collection').Header)('X-A: 1').toString()`, `string:"X-A: 1"`},
		{`require('postman-collection').Header.parse('A: 1\nB: 2')`, `object:[{"key":"A","value":"1"},{"key":"B","value":"2"}]`},
		{`new (require('postman-collection').PropertyList)(require('postman-collection').Header, null, [{key:'a',value:'1'}]).toObject()`, `object:{"a":"1"}`},
		{`new (require('postman-collection').HeaderList)(null, [{key:'a',value:'1'}]).get('A')`, `string:"1"`},
		{`new (require('postman-collection').QueryParam)('a=1').toString()`, `string:"a=1"`},
		{`require('postman-collection').QueryParam.unparse([{key:'a',value:'b c'}])`, `string:"a=b c"`},
		{`new (require('postman-collection').Request)({url:'http://x.com/a', method:'post'}).method`, `string:"POST"`},
		{`new (require('postman-collection').RequestBody)({mode:'raw', raw:'x'}).toString()`, `string:"x"`},
		{`new (require('postman-collection').Variable)({key:'a', value:'1', type:'number'}).get()`, `number:1`},
		{`pm.request instanceof require('postman-collection').Request`, `boolean:true`},
		{`pm.request.url instanceof require('postman-collection').Url`, `boolean:true`},
		{`pm.request.headers instanceof require('postman-collection').PropertyList`, `boolean:true`},
		{`pm.response instanceof require('postman-collection').Response`, `boolean:true`},
		{`require('postman-collection').PropertyList.isPropertyList(pm.request.headers)`, `boolean:true`},
		{`require('postman-collection').Url.isUrl(pm.request.url)`, `boolean:true`},
		{`require('postman-collection').Url.parse('  http://a.com/:id/{{v}}?x=1&y')`, `object:{"raw":"http://a.com/:id/{{v}}?x=1&y","protocol":"http","host":["a","com"],"path":[":id","{{v}}"],"query":[{"key":"x","value":"1"},{"key":"y","value":null}],"variable":[{"key":"id"}]}`},
		{`require('postman-collection').Url.parse('')`, `object:{"raw":""}`},
		{`require('postman-collection').Url.parse()`, `object:{}`},
		{`require('postman-collection').Url.parse('x.com')`, `object:{"raw":"x.com","host":["x","com"]}`},
		{`new (require('postman-collection').Url)('https://h.com/a?b=c').toString()`, `string:"https://h.com/a?b=c"`},
		{`new (require('postman-collection').Url)({host:['h','com'], path:['x'], query:[{key:'q', value:'1'}]}).toString()`, `string:"h.com/x?q=1"`},
		{`(function(){ var sdk = require('postman-collection'); var u = new sdk.Url('http://h.com/p'); u.addQueryParams([{key:'a', value:'1'}]); u.query.add({key:'b', value:'2'}); return u.toString(); })()`, `string:"http://h.com/p?a=1&b=2"`},
		{`(function(){ var sdk = require('postman-collection'); var r = new sdk.Request({url:'http://h.com/p', method:'POST', header:[{key:'A', value:'1'}], body:{mode:'raw', raw:'{}'}}); return [r.method, r.url.toString(), r.headers.get('a'), r.body.raw, r.headers.count()]; })()`, `object:["POST","http://h.com/p","1","{}",1]`},
		{`(function(){ var sdk = require('postman-collection'); var r = new sdk.Request('http://h.com/x'); return [r.method, r.url.getHost(), JSON.stringify(r.toJSON())]; })()`, `object:["GET","h.com","{\"url\":{\"protocol\":\"http\",\"path\":[\"x\"],\"host\":[\"h\",\"com\"],\"query\":[],\"variable\":[]},\"method\":\"GET\"}"]`},
		{`(function(){ var sdk = require('postman-collection'); var h = new sdk.HeaderList(null, 'A: 1\nB: 2'); return [h.count(), h.get('b')]; })()`, `object:[2,"2"]`},
		{`(function(){ var sdk = require('postman-collection'); var h = new sdk.HeaderList(null, sdk.Header.parse('A: 1\nB: 2')); return [h.count(), h.get('b'), h.toObject()]; })()`, `object:[2,"2",{"a":"1","b":"2"}]`},
		{`(function(){ var sdk = require('postman-collection'); var l = new sdk.PropertyList(sdk.QueryParam, null, 'a=1&b=2'); return [l.count(), l.toObject()]; })()`, `object:[2,{"a":"1","b":"2"}]`},
		{`(function(){ var sdk = require('postman-collection'); return sdk.QueryParam.parse('a=1&b=&c&d=x=y'); })()`, `object:[{"key":"a","value":"1"},{"key":"b","value":""},{"key":"c","value":null},{"key":"d","value":"x=y"}]`},
		{`(function(){ var sdk = require('postman-collection'); return sdk.QueryParam.unparse({a:'1', b:['2','3']}); })()`, `string:"a=1&b"`},
		{`(function(){ var sdk = require('postman-collection'); return new sdk.Cookie({name:'a', value:'b', domain:'x.com', path:'/'}).toString(); })()`, `string:"a=b; Domain=x.com; Path=/"`},
		{`(function(){ var sdk = require('postman-collection'); return sdk.Cookie.parse('a=b; Path=/; HttpOnly'); })()`, `object:{"key":"a","value":"b","path":"/","httpOnly":true,"hostOnly":true}`},
		{`(function(){ var sdk = require('postman-collection'); var v = new sdk.Variable({key:'k', value:'true', type:'boolean'}); return [v.get(), v.toString(), v.type]; })()`, `object:[true,"true","boolean"]`},
		{`(function(){ var sdk = require('postman-collection'); var l = new sdk.VariableList(null, [{key:'a', value:'x'}]); return [l.one('a').value, l.toObject && l.toObject()]; })()`, `object:["x",{"a":"x"}]`},
		{`(function(){ var sdk = require('postman-collection'); var b = new sdk.RequestBody({mode:'urlencoded', urlencoded:[{key:'a', value:'1'}, {key:'b', value:'2'}]}); return [b.mode, b.toString(), b.isEmpty()]; })()`, `object:["urlencoded","a=1&b=2",false]`},
		{`(function(){ var sdk = require('postman-collection'); var a = new sdk.RequestAuth({type:'bearer', bearer:[{key:'token', value:'t'}]}); return [a.type, a.parameters().get('token')]; })()`, `object:["bearer","t"]`},
		{`(function(){ var sdk = require('postman-collection'); var r = new sdk.Response({code:201, header:[{key:'Content-Type', value:'application/json'}], body:'{"a":1}'}); return [r.code, r.reason(), r.json(), r.headers.get('content-type'), r.text()]; })()`, `object:[201,"Created",{"a":1},"application/json","{\"a\":1}"]`},
		{`(function(){ var sdk = require('postman-collection'); var r = pm.request.clone(); r.headers.add({key:'X', value:'y'}); return [r.headers.has('X'), pm.request.headers.has('X')]; })()`, `object:[true,false]`},
		{`(function(){ var sdk = require('postman-collection'); return sdk.Header.isHeader(pm.request.headers.one('Accept')); })()`, `boolean:true`},
		{`(function(){ var sdk = require('postman-collection'); return sdk.Request.isRequest(pm.request) && sdk.Response.isResponse(pm.response) && sdk.Url.isUrl(pm.request.url); })()`, `boolean:true`},
		{`(function(){ var sdk = require('postman-collection'); return pm.request.headers instanceof sdk.HeaderList; })()`, `boolean:true`},
		{`(function(){ var sdk = require('postman-collection'); return pm.request.url.query instanceof sdk.PropertyList; })()`, `boolean:true`},
		{`(function(){ var sdk = require('postman-collection'); return pm.cookies instanceof sdk.CookieList; })()`, `boolean:true`},
		{`(function(){ var sdk = require('postman-collection'); return new sdk.Header('v', 'K').toString(); })()`, `string:"K: v"`},
		{`(function(){ var sdk = require('postman-collection'); return sdk.Header.unparse([{key:'a', value:'1'}, {key:'b', value:'2', disabled:true}]); })()`, `string:"a: 1\r\n"`},
		{`(function(){ var sdk = require('postman-collection'); return new sdk.FormParam({key:'a', value:'b'}).toString(); })()`, `string:"a=b"`},
		{`(function(){ var sdk = require('postman-collection'); return sdk.PropertyList.isPropertyList([]); })()`, `boolean:false`},
		{`(function(){ var sdk = require('postman-collection'); var u = new sdk.Url('http://h.com/:id'); u.variables.add({key:'id', value:'7'}); return [u.getPath(), u.getPath(true), u.toString()]; })()`, `object:["/7","/:id","http://h.com/7"]`},
		{`require('postman-collection') === require('postman-collection')`, `boolean:true`},
		{`require('postman-collection').Url.parse('http://a.com/p?')`, `object:{"raw":"http://a.com/p?","protocol":"http","host":["a","com"],"path":["p"],"query":[{"key":"","value":null}]}`},
		{`require('postman-collection').Url.parse('http://a.com/p#x')`, `object:{"raw":"http://a.com/p#x","protocol":"http","host":["a","com"],"path":["p"],"hash":"x"}`},
		{`require('postman-collection').Cookie.parse('a=b=c; Domain=x.com; Foo=bar; Secure; Max-Age=5; Expires="Wed, 21 Oct 2015 07:28:00 GMT"')`, `object:{"key":"a","value":"b","domain":"x.com","extensions":[{"key":"Foo","value":"bar"}],"secure":true,"maxAge":"5","expires":"Wed, 21 Oct 2015 07:28:00 GMT"}`},
		{`require('postman-collection').Cookie.parse('justname')`, `object:{"key":"justname","value":true,"hostOnly":true}`},
		{`require('postman-collection').Cookie.unparseSingle({name:'', value:'v'})`, `string:"v"`},
		{`require('postman-collection').Cookie.unparse([{name:'a', value:'1'}, {name:'b'}])`, `string:"a=1; b="`},
		{`new (require('postman-collection').Cookie)(require('postman-collection').Cookie.parse('a=b; Path=/x')).toJSON()`, `object:{"name":"a","path":"/x","hostOnly":true,"value":"b"}`},
		{`Object.keys(require('postman-collection').Url.parse('x.com'))`, `object:["raw","protocol","auth","host","port","path","query","hash","variable"]`},
		{`Object.keys(require('postman-collection').Url.parse(''))`, `object:["raw","protocol","auth","host","port","path","query","hash","variable"]`},
		{`Object.keys(require('postman-collection').Url.parse('http://a/:x?y#z'))`, `object:["raw","protocol","auth","host","port","path","query","hash","variable"]`},
		{`require('postman-collection').Url.parse('http://a/:x/:x/:y')`, `object:{"raw":"http://a/:x/:x/:y","protocol":"http","host":["a"],"path":[":x",":x",":y"],"variable":[{"key":"x"},{"key":"y"}]}`},
	})
}

// TestJSONParseRevivers checks JSON.parse with a reviver, which now walks
// what Go's parser read, against Newman 6.2.2: values replaced and
// removed, keys visited, and numbers beyond float64 as Infinity.
func TestJSONParseRevivers(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`JSON.parse('{"a":1,"b":[1,2,{"c":3}]}', function (k, v) { return typeof v === 'number' ? v * 10 : v; })`, `object:{"a":10,"b":[10,20,{"c":30}]}`},
		{`JSON.parse('[1,2,3]', function (k, v) { return v === 2 ? undefined : v; })`, `object:[1,null,3]`},
		{`JSON.parse('{"a":1e400}', function (k, v) { return v; }).a`, `number:null`},
		{`(function(){ var seen = []; JSON.parse('{"a":{"b":1},"c":[true]}', function (k, v) { seen.push(k + ':' + (this === undefined)); return v; }); return seen; })()`, `object:["b:false","a:false","0:false","c:false",":false"]`},
		{`JSON.parse('{"d":"2020-01-01T00:00:00Z"}', function (k, v) { return k === 'd' ? new Date(v).getTime() : v; })`, `object:{"d":1577836800000}`},
		{`JSON.parse('5', 'notafunction')`, `number:5`},
		{`JSON.parse('\ufeff{"a":1}')`, `object:{"a":1}`},
		{`JSON.parse('{"__proto__":{"x":1}}', function (k, v) { return v; }).x`, `undefined`},
		{`new (require('postman-collection').Response)({ code: 200, body: '{"n": 1e400}' }).json().n`, `number:null`},
	})
}

// newmanShow returns the show function of testdata/newmanshow.js.
func newmanShow(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("testdata/newmanshow.js")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// TestHeaderAndJSONValuesStayApart checks that a header value and a JSON
// value with the same text keep their types, whichever a script reads
// first: the header 5 is a string and the JSON 5 a number, the ETag "abc"
// keeps its quotes and the JSON string "abc" has none, as in Newman 6.2.2.
func TestHeaderAndJSONValuesStayApart(t *testing.T) {
	t.Parallel()
	const body = `{"count":5,"etag":"abc","one":1}`
	const show = `console.log(typeof j.count, j.etag, typeof pm.response.headers.get('X-Count'), pm.response.headers.get('ETag'), typeof j.one);`
	tests := []struct {
		name, listen, src string
	}{
		{"headers first", "test", `pm.response.headers.get('X-Count'); pm.response.headers.get('ETag'); const j = pm.response.json();` + show},
		{"JSON first", "test", `const j = pm.response.json(); pm.response.headers.get('X-Count'); pm.response.headers.get('ETag');` + show},
		{"a request header added", "test", `pm.request.headers.add({key: 'X-New', value: '1'}); pm.request.headers.get('X-New'); const j = pm.response.json();` + show},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			exec := newExec(tc.listen)
			exec.Response.Headers = append(exec.Response.Headers, event.Header{Key: "X-Count", Value: "5"}, event.Header{Key: "ETag", Value: `"abc"`})
			exec.Response.Body = []byte(body)
			exec.Response.BodySize = int64(len(body))
			sb := New(Options{Timeout: 10 * time.Second})
			// A first request reads the same texts the other way round, so
			// that the second finds them cached.
			mustPass(t, runWith(t, sb, exec, `pm.response.headers.get('X-Count'); pm.response.headers.get('ETag'); pm.request.headers.add({key: 'X-New', value: '1'}); pm.request.headers.get('X-New'); pm.response.json();`))
			got := mustPass(t, runWith(t, sb, exec, tc.src))
			diff(t, "console", []string{`number | abc | string | "abc" | number`}, got)
		})
	}
}

// TestXML2JSONMatchesNewman checks the legacy xml2Json on what xml2js
// reads as Newman 6.2.2's sandbox does: HTML entities, and the first root
// element with nothing after it.
func TestXML2JSONMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`xml2Json('<a>1</a><b/>')`, `object:{"a":"1"}`},
		{`xml2Json('<a>&nbsp;x</a>')`, `object:{"a":"x"}`},
	})
}

// TestScopeNames checks pm.environment.name and pm.globals.name: the names
// in the -e and -g files, undefined without them, as in Newman 6.2.2.
func TestScopeNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, env, globals string
		newman             []string
	}{
		{"both files", "My Env", "My Globals", []string{"My Env | My Globals"}},
		{"no files", "", "", []string{"undefined | undefined"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			exec := newExec("test")
			exec.EnvironmentName, exec.GlobalsName = tc.env, tc.globals
			got := mustPass(t, run(t, exec, `console.log(String(pm.environment.name), String(pm.globals.name))`))
			diff(t, "console", tc.newman, got)
		})
	}
}

// TestNumberToLocaleStringStyles checks Number.prototype.toLocaleString's
// style options (currency with symbols, codes and minor units; percent),
// minimumIntegerDigits and en-IN grouping against Newman 6.2.2 (ICU).
func TestNumberToLocaleStringStyles(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'USD'})`, `string:"$1,234.50"`},
		{`(-1234.5).toLocaleString('en-US', {style:'currency', currency:'USD'})`, `string:"-$1,234.50"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'EUR'})`, `string:"€1,234.50"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'JPY'})`, `string:"¥1,235"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'CHF'})`, `string:"CHF 1,234.50"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'ABC'})`, `string:"ABC 1,234.50"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'usd'})`, `string:"$1,234.50"`},
		{`(1234.5).toLocaleString('en-GB', {style:'currency', currency:'USD'})`, `string:"US$1,234.50"`},
		{`(1234.5).toLocaleString('de-DE', {style:'currency', currency:'EUR'})`, `string:"1.234,50 €"`},
		{`(-5).toLocaleString('de-DE', {style:'currency', currency:'EUR'})`, `string:"-5,00 €"`},
		{`(1234.5).toLocaleString('de-DE', {style:'currency', currency:'USD', currencyDisplay:'code'})`, `string:"1.234,50 USD"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'USD', currencyDisplay:'code'})`, `string:"USD 1,234.50"`},
		{`(1).toLocaleString('en-US', {style:'currency', currency:'CAD', currencyDisplay:'narrowSymbol'})`, `string:"$1.00"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'USD', minimumFractionDigits:0})`, `string:"$1,234.5"`},
		{`(5).toLocaleString('en-US', {style:'currency', currency:'EUR', maximumFractionDigits:0})`, `string:"€5"`},
		{`(5).toLocaleString('en-US', {style:'currency', currency:'KWD'})`, `string:"KWD 5.000"`},
		{`(1234.5).toLocaleString('en-US', {style:'currency'})`, `THROW TypeError: Currency code is required with currency style.`},
		{`(1234.5).toLocaleString('en-US', {style:'currency', currency:'US'})`, `THROW RangeError: Invalid currency code : US`},
		{`(1234.5).toLocaleString('en-US', {style:'bogus'})`, `THROW RangeError: Value bogus out of range for Number.prototype.toLocaleString options property style`},
		{`(0.256).toLocaleString('en-US', {style:'percent'})`, `string:"26%"`},
		{`(0.2567).toLocaleString('en-US', {style:'percent', maximumFractionDigits:1})`, `string:"25.7%"`},
		{`(0.145).toLocaleString('en-US', {style:'percent'})`, `string:"15%"`},
		{`(-0.5).toLocaleString('en-US', {style:'percent'})`, `string:"-50%"`},
		{`(0.5).toLocaleString('de-DE', {style:'percent'})`, `string:"50 %"`},
		{`(1234.5).toLocaleString('de-DE', {style:'percent'})`, `string:"123.450 %"`},
		{`(0.0001).toLocaleString('en-US', {style:'percent'})`, `string:"0%"`},
		{`(12).toLocaleString('en', {minimumIntegerDigits: 3})`, `string:"012"`},
		{`(12.5).toLocaleString('en', {minimumIntegerDigits: 5})`, `string:"00,012.5"`},
		{`(1).toLocaleString('en', {minimumIntegerDigits: 0})`, `THROW RangeError: minimumIntegerDigits value is out of range.`},
		{`(1234567).toLocaleString('en-IN')`, `string:"12,34,567"`},
		{`(123).toLocaleString('en-IN')`, `string:"123"`},
		{`(1234567890.12).toLocaleString('en-IN')`, `string:"1,23,45,67,890.12"`},
		{`(1234.5).toLocaleString('en-US', {style:'decimal'})`, `string:"1,234.5"`},
		{`(1234.5).toLocaleString()`, `string:"1,234.5"`},
		{`(99.995).toLocaleString('en-US', {style:'currency', currency:'USD'})`, `string:"$100.00"`},
		{`(0).toLocaleString('en-US', {style:'currency', currency:'USD'})`, `string:"$0.00"`},
	})
}
