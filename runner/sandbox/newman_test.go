package sandbox

import (
	"net/url"
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
			// Encoded, so that the console's rendering leaves it as it is.
			logs := mustPass(t, run(t, newExec("test"), newmanShow(t)+"console.log(encodeURIComponent(show(function () { return ("+tc.expr+"); })));"))
			// The value is the last line; a deprecation warning may come first.
			if len(logs) == 0 {
				t.Fatal("nothing logged")
			}
			got, err := url.PathUnescape(logs[len(logs)-1])
			if err != nil {
				t.Fatal(err)
			}
			diff(t, tc.expr, tc.newman, got)
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

// TestDateLocalesMatchNewman checks toLocaleString, toLocaleDateString and
// toLocaleTimeString against Newman 6.2.2 (ICU): the default formats of
// other locales (en-CA and sv-SE give 2024-01-05), en-US time components,
// dateStyle and timeStyle, and all-numeric en-GB and de-DE dates.
func TestDateLocalesMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('en-CA', {timeZone:'UTC'}), d.toLocaleTimeString('en-CA', {timeZone:'UTC'}), d.toLocaleString('en-CA', {timeZone:'UTC'})]; })`, `object:[["2024-01-05","1:05:09 p.m.","2024-01-05, 1:05:09 p.m."],["2024-11-25","12:00:00 a.m.","2024-11-25, 12:00:00 a.m."],["1999-12-31","12:30:59 p.m.","1999-12-31, 12:30:59 p.m."]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('en-AU', {timeZone:'UTC'}), d.toLocaleTimeString('en-AU', {timeZone:'UTC'}), d.toLocaleString('en-AU', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","1:05:09 pm","05/01/2024, 1:05:09 pm"],["25/11/2024","12:00:00 am","25/11/2024, 12:00:00 am"],["31/12/1999","12:30:59 pm","31/12/1999, 12:30:59 pm"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('en-IN', {timeZone:'UTC'}), d.toLocaleTimeString('en-IN', {timeZone:'UTC'}), d.toLocaleString('en-IN', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","1:05:09 pm","5/1/2024, 1:05:09 pm"],["25/11/2024","12:00:00 am","25/11/2024, 12:00:00 am"],["31/12/1999","12:30:59 pm","31/12/1999, 12:30:59 pm"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('en-NZ', {timeZone:'UTC'}), d.toLocaleTimeString('en-NZ', {timeZone:'UTC'}), d.toLocaleString('en-NZ', {timeZone:'UTC'})]; })`, `object:[["5/01/2024","1:05:09 pm","5/01/2024, 1:05:09 pm"],["25/11/2024","12:00:00 am","25/11/2024, 12:00:00 am"],["31/12/1999","12:30:59 pm","31/12/1999, 12:30:59 pm"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('en-IE', {timeZone:'UTC'}), d.toLocaleTimeString('en-IE', {timeZone:'UTC'}), d.toLocaleString('en-IE', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","13:05:09","5/1/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('en-ZA', {timeZone:'UTC'}), d.toLocaleTimeString('en-ZA', {timeZone:'UTC'}), d.toLocaleString('en-ZA', {timeZone:'UTC'})]; })`, `object:[["2024/01/05","13:05:09","2024/01/05, 13:05:09"],["2024/11/25","00:00:00","2024/11/25, 00:00:00"],["1999/12/31","12:30:59","1999/12/31, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('en-SG', {timeZone:'UTC'}), d.toLocaleTimeString('en-SG', {timeZone:'UTC'}), d.toLocaleString('en-SG', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","1:05:09 pm","05/01/2024, 1:05:09 pm"],["25/11/2024","12:00:00 am","25/11/2024, 12:00:00 am"],["31/12/1999","12:30:59 pm","31/12/1999, 12:30:59 pm"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fr-FR', {timeZone:'UTC'}), d.toLocaleTimeString('fr-FR', {timeZone:'UTC'}), d.toLocaleString('fr-FR', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024 13:05:09"],["25/11/2024","00:00:00","25/11/2024 00:00:00"],["31/12/1999","12:30:59","31/12/1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fr-CA', {timeZone:'UTC'}), d.toLocaleTimeString('fr-CA', {timeZone:'UTC'}), d.toLocaleString('fr-CA', {timeZone:'UTC'})]; })`, `object:[["2024-01-05","13 h 05 min 09 s","2024-01-05 13 h 05 min 09 s"],["2024-11-25","00 h 00 min 00 s","2024-11-25 00 h 00 min 00 s"],["1999-12-31","12 h 30 min 59 s","1999-12-31 12 h 30 min 59 s"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fr-BE', {timeZone:'UTC'}), d.toLocaleTimeString('fr-BE', {timeZone:'UTC'}), d.toLocaleString('fr-BE', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024 13:05:09"],["25/11/2024","00:00:00","25/11/2024 00:00:00"],["31/12/1999","12:30:59","31/12/1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fr-CH', {timeZone:'UTC'}), d.toLocaleTimeString('fr-CH', {timeZone:'UTC'}), d.toLocaleString('fr-CH', {timeZone:'UTC'})]; })`, `object:[["05.01.2024","13:05:09","05.01.2024 13:05:09"],["25.11.2024","00:00:00","25.11.2024 00:00:00"],["31.12.1999","12:30:59","31.12.1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fr', {timeZone:'UTC'}), d.toLocaleTimeString('fr', {timeZone:'UTC'}), d.toLocaleString('fr', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024 13:05:09"],["25/11/2024","00:00:00","25/11/2024 00:00:00"],["31/12/1999","12:30:59","31/12/1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('es-ES', {timeZone:'UTC'}), d.toLocaleTimeString('es-ES', {timeZone:'UTC'}), d.toLocaleString('es-ES', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","13:05:09","5/1/2024, 13:05:09"],["25/11/2024","0:00:00","25/11/2024, 0:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('es-MX', {timeZone:'UTC'}), d.toLocaleTimeString('es-MX', {timeZone:'UTC'}), d.toLocaleString('es-MX', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","1:05:09 p.m.","5/1/2024, 1:05:09 p.m."],["25/11/2024","12:00:00 a.m.","25/11/2024, 12:00:00 a.m."],["31/12/1999","12:30:59 p.m.","31/12/1999, 12:30:59 p.m."]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('es-AR', {timeZone:'UTC'}), d.toLocaleTimeString('es-AR', {timeZone:'UTC'}), d.toLocaleString('es-AR', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","01:05:09","5/1/2024, 01:05:09"],["25/11/2024","12:00:00","25/11/2024, 12:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('es', {timeZone:'UTC'}), d.toLocaleTimeString('es', {timeZone:'UTC'}), d.toLocaleString('es', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","13:05:09","5/1/2024, 13:05:09"],["25/11/2024","0:00:00","25/11/2024, 0:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('pt-BR', {timeZone:'UTC'}), d.toLocaleTimeString('pt-BR', {timeZone:'UTC'}), d.toLocaleString('pt-BR', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('pt-PT', {timeZone:'UTC'}), d.toLocaleTimeString('pt-PT', {timeZone:'UTC'}), d.toLocaleString('pt-PT', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('pt', {timeZone:'UTC'}), d.toLocaleTimeString('pt', {timeZone:'UTC'}), d.toLocaleString('pt', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('it-IT', {timeZone:'UTC'}), d.toLocaleTimeString('it-IT', {timeZone:'UTC'}), d.toLocaleString('it-IT', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('it', {timeZone:'UTC'}), d.toLocaleTimeString('it', {timeZone:'UTC'}), d.toLocaleString('it', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('nl-NL', {timeZone:'UTC'}), d.toLocaleTimeString('nl-NL', {timeZone:'UTC'}), d.toLocaleString('nl-NL', {timeZone:'UTC'})]; })`, `object:[["5-1-2024","13:05:09","5-1-2024, 13:05:09"],["25-11-2024","00:00:00","25-11-2024, 00:00:00"],["31-12-1999","12:30:59","31-12-1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('nl-BE', {timeZone:'UTC'}), d.toLocaleTimeString('nl-BE', {timeZone:'UTC'}), d.toLocaleString('nl-BE', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","13:05:09","5/1/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('nl', {timeZone:'UTC'}), d.toLocaleTimeString('nl', {timeZone:'UTC'}), d.toLocaleString('nl', {timeZone:'UTC'})]; })`, `object:[["5-1-2024","13:05:09","5-1-2024, 13:05:09"],["25-11-2024","00:00:00","25-11-2024, 00:00:00"],["31-12-1999","12:30:59","31-12-1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('sv-SE', {timeZone:'UTC'}), d.toLocaleTimeString('sv-SE', {timeZone:'UTC'}), d.toLocaleString('sv-SE', {timeZone:'UTC'})]; })`, `object:[["2024-01-05","13:05:09","2024-01-05 13:05:09"],["2024-11-25","00:00:00","2024-11-25 00:00:00"],["1999-12-31","12:30:59","1999-12-31 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('sv', {timeZone:'UTC'}), d.toLocaleTimeString('sv', {timeZone:'UTC'}), d.toLocaleString('sv', {timeZone:'UTC'})]; })`, `object:[["2024-01-05","13:05:09","2024-01-05 13:05:09"],["2024-11-25","00:00:00","2024-11-25 00:00:00"],["1999-12-31","12:30:59","1999-12-31 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('da-DK', {timeZone:'UTC'}), d.toLocaleTimeString('da-DK', {timeZone:'UTC'}), d.toLocaleString('da-DK', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13.05.09","5.1.2024, 13.05.09"],["25.11.2024","00.00.00","25.11.2024, 00.00.00"],["31.12.1999","12.30.59","31.12.1999, 12.30.59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('da', {timeZone:'UTC'}), d.toLocaleTimeString('da', {timeZone:'UTC'}), d.toLocaleString('da', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13.05.09","5.1.2024, 13.05.09"],["25.11.2024","00.00.00","25.11.2024, 00.00.00"],["31.12.1999","12.30.59","31.12.1999, 12.30.59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('nb-NO', {timeZone:'UTC'}), d.toLocaleTimeString('nb-NO', {timeZone:'UTC'}), d.toLocaleString('nb-NO', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13:05:09","5.1.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('nb', {timeZone:'UTC'}), d.toLocaleTimeString('nb', {timeZone:'UTC'}), d.toLocaleString('nb', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13:05:09","5.1.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('no', {timeZone:'UTC'}), d.toLocaleTimeString('no', {timeZone:'UTC'}), d.toLocaleString('no', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13:05:09","5.1.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fi-FI', {timeZone:'UTC'}), d.toLocaleTimeString('fi-FI', {timeZone:'UTC'}), d.toLocaleString('fi-FI', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13.05.09","5.1.2024 klo 13.05.09"],["25.11.2024","0.00.00","25.11.2024 klo 0.00.00"],["31.12.1999","12.30.59","31.12.1999 klo 12.30.59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fi', {timeZone:'UTC'}), d.toLocaleTimeString('fi', {timeZone:'UTC'}), d.toLocaleString('fi', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13.05.09","5.1.2024 klo 13.05.09"],["25.11.2024","0.00.00","25.11.2024 klo 0.00.00"],["31.12.1999","12.30.59","31.12.1999 klo 12.30.59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('pl-PL', {timeZone:'UTC'}), d.toLocaleTimeString('pl-PL', {timeZone:'UTC'}), d.toLocaleString('pl-PL', {timeZone:'UTC'})]; })`, `object:[["5.01.2024","13:05:09","5.01.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('pl', {timeZone:'UTC'}), d.toLocaleTimeString('pl', {timeZone:'UTC'}), d.toLocaleString('pl', {timeZone:'UTC'})]; })`, `object:[["5.01.2024","13:05:09","5.01.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('ru-RU', {timeZone:'UTC'}), d.toLocaleTimeString('ru-RU', {timeZone:'UTC'}), d.toLocaleString('ru-RU', {timeZone:'UTC'})]; })`, `object:[["05.01.2024","13:05:09","05.01.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('ru', {timeZone:'UTC'}), d.toLocaleTimeString('ru', {timeZone:'UTC'}), d.toLocaleString('ru', {timeZone:'UTC'})]; })`, `object:[["05.01.2024","13:05:09","05.01.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('uk-UA', {timeZone:'UTC'}), d.toLocaleTimeString('uk-UA', {timeZone:'UTC'}), d.toLocaleString('uk-UA', {timeZone:'UTC'})]; })`, `object:[["05.01.2024","13:05:09","05.01.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('ja-JP', {timeZone:'UTC'}), d.toLocaleTimeString('ja-JP', {timeZone:'UTC'}), d.toLocaleString('ja-JP', {timeZone:'UTC'})]; })`, `object:[["2024/1/5","13:05:09","2024/1/5 13:05:09"],["2024/11/25","0:00:00","2024/11/25 0:00:00"],["1999/12/31","12:30:59","1999/12/31 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('ja', {timeZone:'UTC'}), d.toLocaleTimeString('ja', {timeZone:'UTC'}), d.toLocaleString('ja', {timeZone:'UTC'})]; })`, `object:[["2024/1/5","13:05:09","2024/1/5 13:05:09"],["2024/11/25","0:00:00","2024/11/25 0:00:00"],["1999/12/31","12:30:59","1999/12/31 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('zh-CN', {timeZone:'UTC'}), d.toLocaleTimeString('zh-CN', {timeZone:'UTC'}), d.toLocaleString('zh-CN', {timeZone:'UTC'})]; })`, `object:[["2024/1/5","13:05:09","2024/1/5 13:05:09"],["2024/11/25","00:00:00","2024/11/25 00:00:00"],["1999/12/31","12:30:59","1999/12/31 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('zh', {timeZone:'UTC'}), d.toLocaleTimeString('zh', {timeZone:'UTC'}), d.toLocaleString('zh', {timeZone:'UTC'})]; })`, `object:[["2024/1/5","13:05:09","2024/1/5 13:05:09"],["2024/11/25","00:00:00","2024/11/25 00:00:00"],["1999/12/31","12:30:59","1999/12/31 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('zh-TW', {timeZone:'UTC'}), d.toLocaleTimeString('zh-TW', {timeZone:'UTC'}), d.toLocaleString('zh-TW', {timeZone:'UTC'})]; })`, `object:[["2024/1/5","下午1:05:09","2024/1/5 下午1:05:09"],["2024/11/25","上午12:00:00","2024/11/25 上午12:00:00"],["1999/12/31","下午12:30:59","1999/12/31 下午12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('zh-HK', {timeZone:'UTC'}), d.toLocaleTimeString('zh-HK', {timeZone:'UTC'}), d.toLocaleString('zh-HK', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","下午1:05:09","5/1/2024 下午1:05:09"],["25/11/2024","上午12:00:00","25/11/2024 上午12:00:00"],["31/12/1999","下午12:30:59","31/12/1999 下午12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('ko-KR', {timeZone:'UTC'}), d.toLocaleTimeString('ko-KR', {timeZone:'UTC'}), d.toLocaleString('ko-KR', {timeZone:'UTC'})]; })`, `object:[["2024. 1. 5.","PM 1:05:09","2024. 1. 5. PM 1:05:09"],["2024. 11. 25.","AM 12:00:00","2024. 11. 25. AM 12:00:00"],["1999. 12. 31.","PM 12:30:59","1999. 12. 31. PM 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('ko', {timeZone:'UTC'}), d.toLocaleTimeString('ko', {timeZone:'UTC'}), d.toLocaleString('ko', {timeZone:'UTC'})]; })`, `object:[["2024. 1. 5.","PM 1:05:09","2024. 1. 5. PM 1:05:09"],["2024. 11. 25.","AM 12:00:00","2024. 11. 25. AM 12:00:00"],["1999. 12. 31.","PM 12:30:59","1999. 12. 31. PM 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('tr-TR', {timeZone:'UTC'}), d.toLocaleTimeString('tr-TR', {timeZone:'UTC'}), d.toLocaleString('tr-TR', {timeZone:'UTC'})]; })`, `object:[["05.01.2024","13:05:09","05.01.2024 13:05:09"],["25.11.2024","00:00:00","25.11.2024 00:00:00"],["31.12.1999","12:30:59","31.12.1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('tr', {timeZone:'UTC'}), d.toLocaleTimeString('tr', {timeZone:'UTC'}), d.toLocaleString('tr', {timeZone:'UTC'})]; })`, `object:[["05.01.2024","13:05:09","05.01.2024 13:05:09"],["25.11.2024","00:00:00","25.11.2024 00:00:00"],["31.12.1999","12:30:59","31.12.1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('cs-CZ', {timeZone:'UTC'}), d.toLocaleTimeString('cs-CZ', {timeZone:'UTC'}), d.toLocaleString('cs-CZ', {timeZone:'UTC'})]; })`, `object:[["5. 1. 2024","13:05:09","5. 1. 2024 13:05:09"],["25. 11. 2024","0:00:00","25. 11. 2024 0:00:00"],["31. 12. 1999","12:30:59","31. 12. 1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('cs', {timeZone:'UTC'}), d.toLocaleTimeString('cs', {timeZone:'UTC'}), d.toLocaleString('cs', {timeZone:'UTC'})]; })`, `object:[["5. 1. 2024","13:05:09","5. 1. 2024 13:05:09"],["25. 11. 2024","0:00:00","25. 11. 2024 0:00:00"],["31. 12. 1999","12:30:59","31. 12. 1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('hu-HU', {timeZone:'UTC'}), d.toLocaleTimeString('hu-HU', {timeZone:'UTC'}), d.toLocaleString('hu-HU', {timeZone:'UTC'})]; })`, `object:[["2024. 01. 05.","13:05:09","2024. 01. 05. 13:05:09"],["2024. 11. 25.","0:00:00","2024. 11. 25. 0:00:00"],["1999. 12. 31.","12:30:59","1999. 12. 31. 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('hu', {timeZone:'UTC'}), d.toLocaleTimeString('hu', {timeZone:'UTC'}), d.toLocaleString('hu', {timeZone:'UTC'})]; })`, `object:[["2024. 01. 05.","13:05:09","2024. 01. 05. 13:05:09"],["2024. 11. 25.","0:00:00","2024. 11. 25. 0:00:00"],["1999. 12. 31.","12:30:59","1999. 12. 31. 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('ro-RO', {timeZone:'UTC'}), d.toLocaleTimeString('ro-RO', {timeZone:'UTC'}), d.toLocaleString('ro-RO', {timeZone:'UTC'})]; })`, `object:[["05.01.2024","13:05:09","05.01.2024, 13:05:09"],["25.11.2024","00:00:00","25.11.2024, 00:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('el-GR', {timeZone:'UTC'}), d.toLocaleTimeString('el-GR', {timeZone:'UTC'}), d.toLocaleString('el-GR', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","1:05:09 μ.μ.","5/1/2024, 1:05:09 μ.μ."],["25/11/2024","12:00:00 π.μ.","25/11/2024, 12:00:00 π.μ."],["31/12/1999","12:30:59 μ.μ.","31/12/1999, 12:30:59 μ.μ."]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('he-IL', {timeZone:'UTC'}), d.toLocaleTimeString('he-IL', {timeZone:'UTC'}), d.toLocaleString('he-IL', {timeZone:'UTC'})]; })`, `object:[["5.1.2024","13:05:09","5.1.2024, 13:05:09"],["25.11.2024","0:00:00","25.11.2024, 0:00:00"],["31.12.1999","12:30:59","31.12.1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('id-ID', {timeZone:'UTC'}), d.toLocaleTimeString('id-ID', {timeZone:'UTC'}), d.toLocaleString('id-ID', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","13.05.09","5/1/2024, 13.05.09"],["25/11/2024","00.00.00","25/11/2024, 00.00.00"],["31/12/1999","12.30.59","31/12/1999, 12.30.59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('hi-IN', {timeZone:'UTC'}), d.toLocaleTimeString('hi-IN', {timeZone:'UTC'}), d.toLocaleString('hi-IN', {timeZone:'UTC'})]; })`, `object:[["5/1/2024","1:05:09 pm","5/1/2024, 1:05:09 pm"],["25/11/2024","12:00:00 am","25/11/2024, 12:00:00 am"],["31/12/1999","12:30:59 pm","31/12/1999, 12:30:59 pm"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('fr-LU', {timeZone:'UTC'}), d.toLocaleTimeString('fr-LU', {timeZone:'UTC'}), d.toLocaleString('fr-LU', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024 13:05:09"],["25/11/2024","00:00:00","25/11/2024 00:00:00"],["31/12/1999","12:30:59","31/12/1999 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('EN-ca', {timeZone:'UTC'}), d.toLocaleTimeString('EN-ca', {timeZone:'UTC'}), d.toLocaleString('EN-ca', {timeZone:'UTC'})]; })`, `object:[["2024-01-05","1:05:09 p.m.","2024-01-05, 1:05:09 p.m."],["2024-11-25","12:00:00 a.m.","2024-11-25, 12:00:00 a.m."],["1999-12-31","12:30:59 p.m.","1999-12-31, 12:30:59 p.m."]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,10,25,0,0,0), Date.UTC(1999,11,31,12,30,59)].map(function(t){ var d = new Date(t); return [d.toLocaleDateString('pt-AO', {timeZone:'UTC'}), d.toLocaleTimeString('pt-AO', {timeZone:'UTC'}), d.toLocaleString('pt-AO', {timeZone:'UTC'})]; })`, `object:[["05/01/2024","13:05:09","05/01/2024, 13:05:09"],["25/11/2024","00:00:00","25/11/2024, 00:00:00"],["31/12/1999","12:30:59","31/12/1999, 12:30:59"]]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"2-digit","minute":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["01:05 PM","12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"numeric","minute":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["1:05 PM","12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"numeric"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["1 PM","12 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["01 PM","12 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"numeric","minute":"numeric","second":"numeric"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["1:05:09 PM","12:07:03 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"2-digit","minute":"2-digit","hour12":false}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["13:05","24:07"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"numeric","minute":"2-digit","hour12":false}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["13:05","24:07"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"2-digit","minute":"2-digit","second":"2-digit","hour12":false}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["13:05:09","24:07:03"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"numeric","minute":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1:05 PM","12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"numeric","minute":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleDateString('en-US', o); })`, `object:["1/5/2024, 1:05 PM","1/5/2024, 12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"year":"numeric","month":"2-digit","day":"2-digit","hour":"2-digit","minute":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["01/05/2024, 01:05 PM","01/05/2024, 12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"year":"numeric","month":"long","day":"numeric","hour":"2-digit","minute":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["January 5, 2024 at 01:05 PM","January 5, 2024 at 12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"year":"numeric","month":"short","day":"numeric","hour":"numeric","minute":"2-digit"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["Jan 5, 2024, 1:05 PM","Jan 5, 2024, 12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"numeric","hourCycle":"h23"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["13","00"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"hour":"2-digit","minute":"2-digit","hourCycle":"h23"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["13:05","00:07"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"full"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["Friday, January 5, 2024","Friday, January 5, 2024"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"long"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["January 5, 2024","January 5, 2024"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"medium"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["Jan 5, 2024","Jan 5, 2024"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1/5/24","1/5/24"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"timeStyle":"full"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1:05:09 PM Coordinated Universal Time","12:07:03 AM Coordinated Universal Time"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"timeStyle":"long"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1:05:09 PM UTC","12:07:03 AM UTC"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"timeStyle":"medium"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1:05:09 PM","12:07:03 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"timeStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1:05 PM","12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"full","timeStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["Friday, January 5, 2024 at 1:05 PM","Friday, January 5, 2024 at 12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"long","timeStyle":"medium"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["January 5, 2024 at 1:05:09 PM","January 5, 2024 at 12:07:03 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"medium","timeStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["Jan 5, 2024, 1:05 PM","Jan 5, 2024, 12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"short","timeStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1/5/24, 1:05 PM","1/5/24, 12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"medium"}; o.timeZone = 'UTC'; return new Date(t).toLocaleDateString('en-US', o); })`, `object:["Jan 5, 2024","Jan 5, 2024"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"timeStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleDateString('en-US', o); })`, `THROW TypeError: Invalid option : timeStyle`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"timeStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `object:["1:05 PM","12:07 AM"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"short"}; o.timeZone = 'UTC'; return new Date(t).toLocaleTimeString('en-US', o); })`, `THROW TypeError: Invalid option : dateStyle`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"medium","hour":"numeric"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `THROW TypeError: Can't set option hour when dateStyle is used`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"short","timeStyle":"short","hour12":false}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `object:["1/5/24, 13:05","1/5/24, 24:07"]`},
		{`[Date.UTC(2024,0,5,13,5,9), Date.UTC(2024,0,5,0,7,3)].map(function(t){ var o = {"dateStyle":"bogus"}; o.timeZone = 'UTC'; return new Date(t).toLocaleString('en-US', o); })`, `THROW RangeError: Value bogus out of range for Date.prototype.toLocaleString options property dateStyle`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'numeric', day:'numeric'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["5.1.2024","5.1.2024","5.1.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'numeric', day:'2-digit'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["05.1.2024","05.1.2024","05.1.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'2-digit', day:'numeric'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["5.01.2024","5.01.2024","5.01.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'2-digit', day:'2-digit'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["05.01.2024","05.01.2024","05.01.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'numeric', day:'numeric'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["5.1.24","5.1.24","5.1.24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'numeric', day:'2-digit'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["05.1.24","05.1.24","05.1.24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'2-digit', day:'numeric'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["5.01.24","5.01.24","5.01.24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'2-digit', day:'2-digit'}; return [d.toLocaleDateString('de-DE', o), d.toLocaleString('de-DE', o), d.toLocaleTimeString('de-DE', o)]; })()`, `object:["05.01.24","05.01.24","05.01.24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'numeric', day:'numeric'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["05/01/2024","05/01/2024","05/01/2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'numeric', day:'2-digit'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["05/1/2024","05/1/2024","05/1/2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'2-digit', day:'numeric'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["5/01/2024","5/01/2024","5/01/2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'2-digit', day:'2-digit'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["05/01/2024","05/01/2024","05/01/2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'numeric', day:'numeric'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["05/01/24","05/01/24","05/01/24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'numeric', day:'2-digit'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["05/1/24","05/1/24","05/1/24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'2-digit', day:'numeric'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["5/01/24","5/01/24","5/01/24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'2-digit', day:'2-digit'}; return [d.toLocaleDateString('en-GB', o), d.toLocaleString('en-GB', o), d.toLocaleTimeString('en-GB', o)]; })()`, `object:["05/01/24","05/01/24","05/01/24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'numeric', day:'numeric'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["5.1.2024","5.1.2024","5.1.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'numeric', day:'2-digit'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["05.1.2024","05.1.2024","05.1.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'2-digit', day:'numeric'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["5.01.2024","5.01.2024","5.01.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'numeric', month:'2-digit', day:'2-digit'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["05.01.2024","05.01.2024","05.01.2024, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'numeric', day:'numeric'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["5.1.24","5.1.24","5.1.24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'numeric', day:'2-digit'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["05.1.24","05.1.24","05.1.24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'2-digit', day:'numeric'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["5.01.24","5.01.24","5.01.24, 13:05:09"]`},
		{`(function(){ var d = new Date(Date.UTC(2024,0,5,13,5,9)), o = {timeZone:'UTC', year:'2-digit', month:'2-digit', day:'2-digit'}; return [d.toLocaleDateString('de', o), d.toLocaleString('de', o), d.toLocaleTimeString('de', o)]; })()`, `object:["05.01.24","05.01.24","05.01.24, 13:05:09"]`},
	})
}

// TestJSONStringifyCircularMessage checks the message of JSON.stringify on
// a circular structure, which V8 (and so Newman 6.2.2) words with the path
// round the circle.
func TestJSONStringifyCircularMessage(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`(function(){ try { return (function(){ const o={}; o.self=o; return JSON.stringify(o); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'self' closes the circle"]`},
		{`(function(){ try { return (function(){ const o={a:{}}; o.a.b=o; return JSON.stringify(o); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'a' -> object with constructor 'Object'\n    --- property 'b' closes the circle"]`},
		{`(function(){ try { return (function(){ const o={x:1,a:{b:{c:{}}}}; o.a.b.c.d=o.a; return JSON.stringify({root:o}); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'b' -> object with constructor 'Object'\n    |     property 'c' -> object with constructor 'Object'\n    --- property 'd' closes the circle"]`},
		{`(function(){ try { return (function(){ const a=[1]; a.push(a); return JSON.stringify(a); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Array'\n    --- index 1 closes the circle"]`},
		{`(function(){ try { return (function(){ class Foo{}; const f=new Foo(); f.me=[f]; return JSON.stringify(f); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Foo'\n    |     property 'me' -> object with constructor 'Array'\n    --- index 0 closes the circle"]`},
		{`(function(){ try { return (function(){ const o=Object.create(null); o.s=o; return JSON.stringify(o); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 's' closes the circle"]`},
		{`(function(){ try { return (function(){ let o={}, c=o; for (let i=0;i<8;i++){ c.n={}; c=c.n; } c.back=o; return JSON.stringify(o); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     ...\n    |     property 'n' -> object with constructor 'Object'\n    --- property 'back' closes the circle"]`},
		{`(function(){ try { return (function(){ let o={}, c=o; for (let i=0;i<3;i++){ c.n={}; c=c.n; } c.back=o; return JSON.stringify(o); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    --- property 'back' closes the circle"]`},
		{`(function(){ try { return (function(){ let o={}, c=o; for (let i=0;i<4;i++){ c.n={}; c=c.n; } c.back=o; return JSON.stringify(o); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     ...\n    |     property 'n' -> object with constructor 'Object'\n    --- property 'back' closes the circle"]`},
		{`(function(){ try { return (function(){ const o={a:1}; o.s=o; return JSON.stringify(o, null, 2); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 's' closes the circle"]`},
		{`(function(){ try { return (function(){ const o={a:1}; o.s=o; return JSON.stringify(o, ['a','s']); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 's' closes the circle"]`},
		{`(function(){ try { return (function(){ const o={d:new Date(0), f:function(){}, u:undefined, arr:[{}]}; o.arr[0].up=o; return JSON.stringify(o); })(); } catch (e) { return [e.name, e.message]; } })()`, `object:["JSONError","Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'arr' -> object with constructor 'Array'\n    |     index 0 -> object with constructor 'Object'\n    --- property 'up' closes the circle"]`},
	})
}
