package modules

import (
	"os"
	"testing"
)

// newmanCase is an expression and what Newman 6.2.2's sandbox gives for
// it, as newmanShow renders it.
type newmanCase struct{ expr, newman string }

func runNewmanCases(t *testing.T, tests []newmanCase) {
	t.Helper()
	cases := make([]evalCase, len(tests))
	for i, tc := range tests {
		cases[i] = evalCase{tc.expr, newmanShow(t) + "show(function () { return (" + tc.expr + "); })", tc.newman}
	}
	runEvalCases(t, cases)
}

// TestBufferMatchesNewman checks Buffer against the buffer 6 package
// Newman's sandbox bundles: its read/write methods with their bounds
// checks and messages, indexOf/includes, swaps, and the encodings it
// refuses (base64url).
func TestBufferMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`Buffer.from(undefined)`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type undefined`},
		{`Buffer.from(null)`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`Buffer.from(5)`, `THROW TypeError: The "value" argument must not be of type number. Received type number`},
		{`Buffer.from({})`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`Buffer.from('aGk', 'base64url')`, `THROW TypeError: Unknown encoding: base64url`},
		{`Buffer.from('x', 'bogus')`, `THROW TypeError: Unknown encoding: bogus`},
		{`Buffer.from('hello').indexOf('l')`, `number:2`},
		{`Buffer.from('hello').includes('ll')`, `boolean:true`},
		{`Buffer.from('hello').lastIndexOf('l')`, `number:3`},
		{`Buffer.from([1,2,3,4]).readUInt32LE(0)`, `number:67305985`},
		{`Buffer.from([255,255]).readInt16BE(0)`, `number:-1`},
		{`Buffer.from([1,2]).readUInt16LE(1)`, `THROW RangeError: Trying to access beyond buffer length`},
		{`Buffer.from([0,0,128,63]).readFloatLE(0)`, `number:1`},
		{`(function(){ var b = Buffer.alloc(4); b.writeUInt32BE(0xdeadbeef, 0); return b.toString('hex'); })()`, `string:"deadbeef"`},
		{`(function(){ var b = Buffer.alloc(4); return b.writeInt16LE(-2, 1); })()`, `number:3`},
		{`(function(){ var b = Buffer.alloc(2); b.writeUInt16BE(70000, 0); return b.toString('hex'); })()`, `THROW RangeError: "value" argument is out of bounds`},
		{`Buffer.from([1,2,3]).readUIntBE(0, 3)`, `number:66051`},
		{`Buffer.from('abc').swap16`, `fn`},
		{`Buffer.from('abcd').swap16().toString()`, `string:"badc"`},
		{`Buffer.from('hi').toString('ucs2')`, `string:"楨"`},
		{`Buffer.from('hi').toString('ascii')`, `string:"hi"`},
		{`Buffer.from('hi').toString('binary')`, `string:"hi"`},
		{`Buffer.from('hi').toString('UTF8')`, `string:"hi"`},
		{`Buffer.from('hi').toString(undefined)`, `string:"hi"`},
		{`Buffer.from('hi').toString(null)`, `string:"hi"`},
		{`Buffer.from('hi').toString('')`, `string:"hi"`},
		{`String(Buffer.from([104,105]).buffer.byteLength)`, `string:"2"`},
		{`JSON.stringify(Buffer.from('a'))`, `string:"{\"type\":\"Buffer\",\"data\":[97]}"`},
		{`Buffer.from('hi') + ''`, `string:"hi"`},
		{`Buffer.from('abc').toString('utf8', 1)`, `string:"bc"`},
		{`Buffer.isEncoding('base64url')`, `boolean:false`},
		{`Buffer.isEncoding('latin1')`, `boolean:true`},
		{`Buffer.from('a').readUInt8(5)`, `THROW RangeError: Trying to access beyond buffer length`},
		{`Buffer.poolSize`, `number:8192`},
		{`String(Buffer.from([1,0,0,0,0,0,0,128]).readBigUInt64LE())`, `string:"9223372036854775809"`},
		{`String(Buffer.from([255,255,255,255,255,255,255,255]).readBigInt64BE(0))`, `string:"-1"`},
		{`(function(){ var b = Buffer.alloc(8); b.writeBigUInt64BE(258n); return b.toString('hex'); })()`, `string:"0000000000000102"`},
		{`Buffer.from([1,2,3,4]).readIntLE(0, 3)`, `number:197121`},
		{`Buffer.from([255,2,3,4]).readIntBE(0, 2)`, `number:-254`},
		{`(function(){ var b = Buffer.alloc(3); b.writeIntBE(-300, 0, 3); return b.toString('hex'); })()`, `string:"fffed4"`},
		{`(function(){ var b = Buffer.alloc(3); b.writeUIntLE(0x123456, 0, 3); return b.toString('hex'); })()`, `string:"563412"`},
		{`(function(){ var b = Buffer.alloc(8); b.writeDoubleBE(1.5); return b.toString('hex'); })()`, `string:"3ff8000000000000"`},
		{`(function(){ var b = Buffer.alloc(4); b.writeFloatLE(-2.25, 0); return b.toString('hex'); })()`, `string:"000010c0"`},
		{`Buffer.from('hello world').indexOf('o', 5)`, `number:7`},
		{`Buffer.from('hello world').indexOf(Buffer.from('wor'))`, `number:6`},
		{`Buffer.from('hello world').indexOf(111)`, `number:4`},
		{`Buffer.from('hello world').lastIndexOf('o', -5)`, `number:4`},
		{`Buffer.from('hello').indexOf('')`, `number:-1`},
		{`Buffer.from('abcdef').swap32`, `fn`},
		{`Buffer.from('abc').swap16()`, `THROW RangeError: Buffer size must be a multiple of 16-bits`},
		{`Buffer.from([1]).readInt8(0)`, `number:1`},
		{`Buffer.from([200]).readInt8(0)`, `number:-56`},
		{`Buffer.from([1]).readUInt8(-1)`, `THROW RangeError: Trying to access beyond buffer length`},
		{`Buffer.from([1]).readUInt8(0.5)`, `number:1`},
		{`Buffer.alloc(1).writeUInt8(256, 0)`, `THROW RangeError: "value" argument is out of bounds`},
		{`Buffer.alloc(1).writeUInt8(1, 1)`, `THROW RangeError: Index out of range`},
		{`Buffer.alloc(2).writeInt8(-129)`, `THROW RangeError: "value" argument is out of bounds`},
	})
}

// TestAtobBtoaMatchNewman checks the npm atob and btoa Newman's sandbox
// bundles on what is not a plain string: btoa calls toString (so undefined
// and null throw), atob hands its argument to Buffer.from.
func TestAtobBtoaMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`btoa()`, `THROW TypeError: Cannot read properties of undefined (reading 'toString')`},
		{`btoa(null)`, `THROW TypeError: Cannot read properties of null (reading 'toString')`},
		{`atob()`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type undefined`},
		{`btoa(5)`, `string:"NQ=="`},
		{`btoa(Buffer.from('hi'))`, `string:"aGk="`},
		{`btoa({})`, `string:"W29iamVjdCBPYmplY3Rd"`},
		{`btoa([1,2])`, `string:"MSwy"`},
		{`btoa(true)`, `string:"dHJ1ZQ=="`},
		{`atob(null)`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`atob(5)`, `THROW TypeError: The "value" argument must not be of type number. Received type number`},
		{`atob([1])`, `string:"\u0001"`},
		{`atob(Buffer.from('aGk='))`, `string:"aGk="`},
		{`atob({})`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`atob('aGk=\n')`, `string:"hi"`},
		{`atob('a')`, `string:""`},
	})
}

// newmanShow returns the show function of ../testdata/newmanshow.js.
func newmanShow(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../testdata/newmanshow.js")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// TestCheerioMatchesNewman checks what cheerio 0.22 in Newman 6.2.2's
// sandbox writes back (dom-serializer: void elements, bare empty
// attributes, entities for &<>"' and non-ASCII, svg as XML), xmlMode
// documents (names keep their case, self-closing elements, CDATA,
// processing instructions), markup as a selector's context, and
// serializeArray/serialize.
func TestCheerioMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`cheerio.load('<p>a<br>b<img src="x.png"><input disabled></p>').html()`, `string:"<p>a<br>b<img src=\"x.png\"><input disabled></p>"`},
		{`cheerio.load('<p title="a&quot;b \'c\' <d> é">it\'s "q" &amp; <b>é</b> ✓ 😀</p>').html()`, `string:"<p title=\"a&quot;b &apos;c&apos; &lt;d&gt; &#xE9;\">it&apos;s &quot;q&quot; &amp; <b>&#xE9;</b> &#x2713; &#x1F600;</p>"`},
		{`cheerio.load('<p>x</p>')('p').html()`, `string:"x"`},
		{`cheerio.load('<script>var a = "<b>" && 1;</script><style>a>b{}</style>').html()`, `string:"<script>var a = \"<b>\" && 1;</script><style>a>b{}</style>"`},
		{`cheerio.load('<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>').html()`, `string:"<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>"`},
		{`cheerio.load('<!-- c --><p>x</p>').html()`, `string:"<!-- c --><p>x</p>"`},
		{`cheerio.load('<ul><li>1<li>2</ul>').html()`, `string:"<ul><li>1</li><li>2</li></ul>"`},
		{`cheerio.load('<div><p>a</div>').html()`, `string:"<div><p>a</p></div>"`},
		{`cheerio.load('<p>x</p>')('p').toString()`, `string:"<p>x</p>"`},
		{`cheerio.load('<p a="1" b>x</p>')('p').toString()`, `string:"<p a=\"1\" b>x</p>"`},
		{`cheerio.load('<input checked value="">').html()`, `string:"<input checked value>"`},
		{`cheerio.load('<option selected="">x</option>').html()`, `string:"<option selected>x</option>"`},
		{`cheerio.load('<P CLASS="A">x</P>').html()`, `string:"<p class=\"A\">x</p>"`},
		{`cheerio.load('<svg viewBox="0 0 1 1"><path d="M0"/></svg>').html()`, `string:"<svg viewbox=\"0 0 1 1\"><path d=\"M0\"/></svg>"`},
		{`cheerio.load('<r><i n="1">x</i><i n="2"/></r>', {xmlMode:true}).html()`, `string:"<r><i n=\"1\">x</i><i n=\"2\"/></r>"`},
		{`cheerio.load('<?xml version="1.0"?><R A="1"><Item>x &amp; y</Item><Empty/><![CDATA[<z>]]><!-- c --></R>', {xmlMode:true}).html()`, `string:"<?xml version=\"1.0\"?><R A=\"1\"><Item>x &amp; y</Item><Empty/><![CDATA[<z>]]><!-- c --></R>"`},
		{`(function(){ var $ = cheerio.load('<a><b>1</b></a>', {xmlMode:true}); return [$('b').text(), $.xml && $.xml(), $('a').html()]; })()`, `object:["1","<a><b>1</b></a>","<b>1</b>"]`},
		{`(function(){ var $ = cheerio.load('<a>é</a>', {decodeEntities:false}); return [$('a').html(), $('a').text()]; })()`, `object:["é","é"]`},
		{`cheerio('p', '<div><p>z</p></div>').text()`, `string:"z"`},
		{`cheerio('p', '<p>z</p>').text()`, `string:"z"`},
		{`cheerio('<p>z</p>').text()`, `string:"z"`},
		{`cheerio.load('<form><input name="a" value="1"><input name="b" value="x y" disabled><input type="checkbox" name="c" value="on1"><input type="checkbox" name="d" checked><select name="s"><option value="1">1</option><option value="2" selected>2</option></select><textarea name="t">hi\nthere</textarea><input type="submit" name="go" value="Go"><input name="" value="n"></form>')('form').serializeArray()`, `object:[{"name":"a","value":"1"},{"name":"d","value":"on"},{"name":"s","value":"2"},{"name":"t","value":"hi\r\nthere"}]`},
		{`cheerio.load('<form><input name="a b" value="1&2"><input name="c" value="x y"></form>')('form').serialize()`, `string:"a+b=1%262&c=x+y"`},
		{`cheerio.load('<input name="a" value="1"><input name="b" value="2">')('input').serializeArray()`, `object:[{"name":"a","value":"1"},{"name":"b","value":"2"}]`},
		{`(function(){ var $ = cheerio.load('<a><b/><c>x</c></a>', {xmlMode:true}); return [$('a').children().length, $('b').next().text(), $('c').parent()[0].name]; })()`, `object:[2,"x","a"]`},
		{`(function(){ var $ = cheerio.load('<a><b/><c>x</c></a>'); return [$('a').children().length, $('c').parent()[0].name]; })()`, `object:[1,"b"]`},
		{`(function(){ var $ = cheerio.load('<Root><Child Attr="1">t</Child></Root>', {xmlMode:true}); var el = $('Child')[0]; return [el.name, el.attribs, $('Root').children()[0].name]; })()`, `object:["Child",{"Attr":"1"},"Child"]`},
		{`(function(){ var $ = cheerio.load('<a><![CDATA[x<y]]></a>', {xmlMode:true}); return [$('a').text(), $('a').html()]; })()`, `object:["x<y","<![CDATA[x<y]]>"]`},
		{`(function(){ var $ = cheerio.load('<soap:Envelope xmlns:soap="u"><soap:Body><m:R xmlns:m="v">7</m:R></soap:Body></soap:Envelope>', {xmlMode:true}); return [$('soap\\:Body').length, $('m\\:R').text(), $('soap\\:Envelope').attr('xmlns:soap')]; })()`, `object:[1,"7","u"]`},
		{`(function(){ var $ = cheerio.load('<a>&lt;&amp;&#65;&eacute;</a>', {xmlMode:true}); return [$('a').text(), $('a').html()]; })()`, `object:["<&A&eacute;","&lt;&amp;A&amp;eacute;"]`},
	})
}

// TestOSAndFSMatchNewman checks require('os') and require('fs'), which
// Newman 6.2.2's sandbox gives as os-browserify and an empty object.
func TestOSAndFSMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`Object.keys(require('os')).sort().join(',')`, `string:"EOL,arch,cpus,endianness,freemem,getNetworkInterfaces,homedir,hostname,loadavg,networkInterfaces,platform,release,tmpDir,tmpdir,totalmem,type,uptime"`},
		{`require('os').EOL`, `string:"\n"`},
		{`typeof require('os').platform === 'function' && require('os').platform()`, `string:"browser"`},
		{`require('os').endianness && require('os').endianness()`, `string:"LE"`},
		{`require('os').hostname && require('os').hostname()`, `string:""`},
		{`require('os').type && require('os').type()`, `string:"Browser"`},
		{`require('os').arch && require('os').arch()`, `string:"javascript"`},
		{`require('os').tmpdir && require('os').tmpdir()`, `string:"/tmp"`},
		{`require('os').homedir && require('os').homedir()`, `string:"/"`},
		{`require('os').uptime && require('os').uptime()`, `number:0`},
		{`require('os').totalmem && require('os').totalmem()`, `number:1.7976931348623157e+308`},
		{`require('os').cpus && require('os').cpus()`, `object:[]`},
		{`require('os').release && require('os').release()`, `string:""`},
		{`require('os').loadavg && require('os').loadavg()`, `object:[]`},
		{`require('os').networkInterfaces && require('os').networkInterfaces()`, `object:{}`},
		{`Object.keys(require('fs'))`, `object:[]`},
		{`typeof require('fs').readFileSync`, `string:"undefined"`},
	})
}

// TestUtilAndEventsMatchNewman checks the members of util and events
// Newman 6.2.2's sandbox has (browserify's util, events 3).
func TestUtilAndEventsMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`require('util').isBuffer(Buffer.from('a'))`, `boolean:true`},
		{`require('util').isBuffer('a')`, `boolean:false`},
		{`require('util').log('x')`, `undefined`},
		{`(function(){ var E = require('events'); var e = new E(); var got = []; e.on('x', function(){ got.push(1); }); e.prependOnceListener('x', function(){ got.push(0); }); e.emit('x'); e.emit('x'); return got; })()`, `object:[0,1,1]`},
		{`(function(){ var E = require('events'); var e = new E(); return [e.getMaxListeners(), e.setMaxListeners(3) === e, e.getMaxListeners(), e._maxListeners]; })()`, `object:[10,true,3,3]`},
		{`(function(){ var E = require('events'); var e = new E(); return e.setMaxListeners(-1); })()`, `THROW TypeError: "n" argument must be a positive number`},
	})
}

// TestXML2JSMatchesNewman checks xml2js 0.4.23 as Newman 6.2.2's sandbox
// runs it: explicitChildren (with childkey, preserveChildrenOrder,
// charsAsChildren, includeWhiteChars), HTML entities, the first of
// repeated attributes, sax's message for an unknown entity, and nothing
// heard after the root element closes.
func TestXML2JSMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`(function(){ var r; require('xml2js').parseString('<a>x<b>y</b>z</a>', {explicitChildren:true}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"_":"xz","$$":{"b":["y"]}}}`},
		{`(function(){ var r; require('xml2js').parseString('<a k="v">x<b>y</b><c/></a>', {explicitChildren:true, childkey:'kids'}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"$":{"k":"v"},"_":"x","kids":{"b":["y"],"c":[""]}}}`},
		{`(function(){ var r; require('xml2js').parseString('<a>x<b>y</b>z<b>w</b></a>', {explicitChildren:true, preserveChildrenOrder:true}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"_":"xz","#name":"a","$$":[{"_":"y","#name":"b"},{"_":"w","#name":"b"}],"b":["y","w"]}}`},
		{`(function(){ var r; require('xml2js').parseString('<a>x<b>y</b></a>', {explicitChildren:true, charsAsChildren:true}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"$$":{"_":"x","b":["y"]}}}`},
		{`(function(){ var r; require('xml2js').parseString('<a>x<b>y</b></a>', {explicitChildren:true, includeWhiteChars:true, preserveChildrenOrder:true, charsAsChildren:true}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"_":"x","#name":"a","$$":[{"#name":"__text__","_":"x"},{"_":"y","#name":"b","$$":[{"#name":"__text__","_":"y"}]}],"b":[{"_":"y","$$":[{"#name":"__text__","_":"y"}]}]}}`},
		{`(function(){ var r; require('xml2js').parseString('<a><b>1</b></a>', {explicitChildren:true, explicitArray:false}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"$$":{"b":"1"}}}`},
		{`(function(){ var r; require('xml2js').parseString('<a><b>1</b></a>', {validator: function(p, c, n){ return n; }}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"b":["1"]}}`},
		{`(function(){ var r; require('xml2js').parseString('<a><b>1</b><c>2</c></a>', {ignoreAttrs:true, explicitArray:false}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"b":"1","c":"2"}}`},
		{`(function(){ var r; require('xml2js').parseString('<a><b/></a>', {emptyTag: function(){ return {}; }}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"b":[null]}}`},
		{`(function(){ var r; require('xml2js').parseString('<A><B>1</B></A>', {normalizeTags:true}, function(e, o){ r = o; }); return r; })()`, `object:{"a":{"b":["1"]}}`},
		{`(function(){ var r; require('xml2js').parseString('<a>1</a><b/>', function(e, o){ r = [e && e.message, o]; }); return r; })()`, `object:[null,{"a":"1"}]`},
		{`(function(){ var r; require('xml2js').parseString('<a b="1" b="2"/>', function(e, o){ r = [e && e.message, o]; }); return r; })()`, `object:[null,{"a":{"$":{"b":"1"}}}]`},
		{`(function(){ var r; require('xml2js').parseString('<a>&nbsp;</a>', function(e, o){ r = [e && e.message, o]; }); return r; })()`, `object:[null,{"a":" "}]`},
		{`(function(){ var r; require('xml2js').parseString('<a>&nbsp;</a>', {strict:false}, function(e, o){ r = [e && e.message, o]; }); return r; })()`, `object:[null,{"A":" "}]`},
		{`(function(){ var r; require('xml2js').parseString('<A B="1"><c>x</c></A>', {strict:false}, function(e, o){ r = [e && e.message, o]; }); return r; })()`, `object:[null,{"A":{"$":{"B":"1"},"C":["x"]}}]`},
		{`(function(){ var r; require('xml2js').parseString('  <a/>', function(e, o){ r = [e && e.message, o]; }); return r; })()`, `object:[null,{"a":""}]`},
		{`(function(){ var r; require('xml2js').parseString('<?xml version="1.0"?><!DOCTYPE a><a/>', function(e, o){ r = [e && e.message, o]; }); return r; })()`, `object:[null,{"a":""}]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a/>junk', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":""}]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a/><b>', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":""}]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a/><!-- c -->  ', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":""}]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a>1</a></b>', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":"1"}]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a>1</a><b/>', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":"1"}]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a>&foo;</a>', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[["Invalid character entity\nLine: 0\nColumn: 8\nChar: ;",null]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a>&eacute;&copy;&#233;&lt;</a>', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":"é©é<"}]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a b="&nbsp;"/>', function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":{"$":{"b":" "}}}]]`},
		{`(function(){ var r = []; require('xml2js').parseString('<a b="1" b="2" c="3"/>', {mergeAttrs:true}, function(e, o){ r.push([e && e.message, o]); }); return r; })()`, `object:[[null,{"a":{"b":["1"],"c":["3"]}}]]`},
	})
}

// TestCheerioManipulationMatchesNewman checks cheerio 0.22's
// manipulation API against Newman 6.2.2: attr/removeAttr, classes, css,
// text/html setters, append/prepend/before/after/replaceWith (markup and
// elements, moved or copied), remove and empty, with selectors and
// serialising seeing the changes; and unquoted attribute values in
// selectors.
func TestCheerioManipulationMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`(function(){ var $ = cheerio.load('<ul><li>a</li><li>b</li></ul>'); $('li').append('<i>!</i>'); return [$.html(), $('i').length]; })()`, `object:["<ul><li>a<i>!</i></li><li>b<i>!</i></li></ul>",2]`},
		{`(function(){ var $ = cheerio.load('<ul><li>a</li><li>b</li></ul><p>x</p>'); $('li').append($('p')); return $.html(); })()`, `string:"<ul><li>a<p>x</p></li><li>b<p>x</p></li></ul>"`},
		{`(function(){ var $ = cheerio.load('<ul><li>a</li></ul>'); $('li').before('<li>0</li>').after('<li>2</li>'); return [$.html(), $('li').length, $('li').eq(2).text()]; })()`, `object:["<ul><li>0</li><li>a</li><li>2</li></ul>",3,"2"]`},
		{`(function(){ var $ = cheerio.load('<div><p>a</p><p>b</p></div>'); $('p').first().replaceWith('<h1>A</h1>'); return $.html(); })()`, `string:"<div><h1>A</h1><p>b</p></div>"`},
		{`(function(){ var $ = cheerio.load('<div><p class="x">a</p><p>b</p></div>'); $('p').remove('.x'); return $.html(); })()`, `string:"<div><p>b</p></div>"`},
		{`(function(){ var $ = cheerio.load('<div><p>a</p></div>'); $('div').empty(); return [$.html(), $('p').length]; })()`, `object:["<div></div>",0]`},
		{`(function(){ var $ = cheerio.load('<div><p>a</p></div>'); $('div').prepend('<span>s</span>'); return $('div').children().first().text(); })()`, `string:"s"`},
		{`(function(){ var $ = cheerio.load('<p class="a b">x</p>'); $('p').toggleClass('b').toggleClass('c'); return $('p').attr('class'); })()`, `string:"a c"`},
		{`(function(){ var $ = cheerio.load('<p style="color: red">x</p>'); $('p').css('width', '1px'); return $('p').attr('style'); })()`, `string:"color: red; width: 1px;"`},
		{`(function(){ var $ = cheerio.load('<p>x</p>'); $('p').attr({id: 'i', 'data-n': 5}); return [$('p').attr('id'), $('#i').length, $('[data-n=5]').length, $.html()]; })()`, `object:["i",1,1,"<p id=\"i\" data-n=\"5\">x</p>"]`},
		{`(function(){ var $ = cheerio.load('<p id="a">x</p>'); $('p').attr('id', null); return [$.html(), $('#a').length]; })()`, `object:["<p>x</p>",0]`},
		{`(function(){ var $ = cheerio.load('<p>x</p>'); $('p').attr('title', function(i, v){ return 't' + i + v; }); return $.html(); })()`, `string:"<p title=\"t0undefined\">x</p>"`},
		{`(function(){ var $ = cheerio.load('<r><a k="1"/></r>', {xmlMode:true}); $('a').attr('newKey', 'v').append('<B>t</B>'); return [$.html(), $('a').attr('newKey'), $('B').text()]; })()`, `object:["<r><a k=\"1\" newKey=\"v\"><B>t</B></a></r>","v","t"]`},
		{`(function(){ var $ = cheerio.load('<p>x</p>'); $('p').text(function(i, t){ return t + i; }); return $.html(); })()`, `string:"<p>x0</p>"`},
		{`(function(){ var $ = cheerio.load('<p>x</p>'); return $('p').html('<b>1</b><b>2</b>').find('b').length; })()`, `number:2`},
		{`(function(){ var $ = cheerio.load('<p>x</p>'); $('p').addClass('a b').removeClass('a'); return $('p')[0].attribs; })()`, `object:{"class":"b"}`},
		{`(function(){ var $ = cheerio.load('<p class="a">x</p>'); $('p').removeClass(); return $.html(); })()`, `string:"<p class>x</p>"`},
		{`(function(){ var $ = cheerio.load('<p>x</p><q>y</q>'); $('<i>n</i>').appendTo($('p')); return $.html(); })()`, `string:"<p>x<i>n</i></p><q>y</q>"`},
		{`(function(){ var $ = cheerio.load('<div></div><div></div>'); $('div').append(cheerio.load('<b>z</b>')('b')); return $.html(); })()`, `string:"<div><b>z</b></div><div><b>z</b></div>"`},
		{`(function(){ var $ = cheerio.load('<p>x</p>'); var p = $('p')[0]; $('p').attr('a', 1); return p.attribs; })()`, `object:{"a":"1"}`},
		{`(function(){ var $ = cheerio.load('<p>x</p>'); $('p').text('<&>'); return [$('p').text(), $('p').html()]; })()`, `object:["<&>","&lt;&amp;&gt;"]`},
		{`(function(){ var $ = cheerio.load('<a href="/a/b" data-n="5" title="x y">l</a>'); return [$('[data-n=5]').length, $('a[data-n="5"]').length, $("[title='x y']").length, $('[data-n^=5]').length, $('[data-n=5 i]').length, $('[data-n=-5]').length]; })()`, `object:[1,1,1,1,1,0]`},
	})
}

// TestCryptoJSDecryptMatchesNewman checks crypto-js 3.3.0's decryption of
// what is not whole blocks of ciphertext (a value that was never
// encrypted, an OpenSSL string cut short): its unpad reads the padding
// length from the last block crypto-js keeps past sigBytes, so the result
// is a negative length and an empty string, not a "Malformed UTF-8 data"
// error.
func TestCryptoJSDecryptMatchesNewman(t *testing.T) {
	t.Parallel()
	const kiv = `var K = CryptoJS.enc.Utf8.parse('1234567890123456'), IV = CryptoJS.enc.Utf8.parse('abcdefghijklmnop'); `
	call := func(body string) string { return `(function () { ` + kiv + `return ` + body + `; })()` }
	runNewmanCases(t, []newmanCase{
		{call(`CryptoJS.AES.decrypt('garbage', K, {iv: IV}).sigBytes`), `number:-99`},
		{call(`CryptoJS.AES.decrypt('garbage', K, {iv: IV}).toString(CryptoJS.enc.Utf8)`), `string:""`},
		{call(`CryptoJS.AES.decrypt('bm90IGEgY2lwaGVydGV4dCBhdCBhbGwh', K, {iv: IV}).sigBytes`), `number:-41`},
		{`CryptoJS.AES.decrypt('U2FsdGVkX1+abc', 'pass').sigBytes`, `number:-6`},
		{`CryptoJS.AES.decrypt('U2FsdGVkX1+abc', 'pass').toString()`, `string:""`},
		{call(`CryptoJS.AES.decrypt('YWJjZA==', K, {mode: CryptoJS.mode.ECB}).sigBytes`), `number:-140`},
		{call(`CryptoJS.AES.decrypt('YWJjZA==', K, {iv: IV, padding: CryptoJS.pad.ZeroPadding}).toString()`), `string:"3ad28ef4"`},
		{call(`CryptoJS.AES.encrypt(CryptoJS.enc.Hex.parse('0102030405'), K, {iv: IV, mode: CryptoJS.mode.CTR, padding: CryptoJS.pad.NoPadding}).ciphertext.toString()`), `string:"fdaf725fd2"`},
		{`CryptoJS.DES.decrypt('garbage', CryptoJS.enc.Utf8.parse('12345678'), {iv: CryptoJS.enc.Utf8.parse('abcdefgh')}).toString(CryptoJS.enc.Utf8)`, `string:""`},
		{call(`CryptoJS.AES.decrypt(CryptoJS.AES.encrypt('plain text', K, {iv: IV}).toString(), K, {iv: IV}).toString(CryptoJS.enc.Utf8)`), `string:"plain text"`},
	})
}

// TestCryptoJSMissingInputsMatchNewman checks crypto-js 3.3.0 under Newman
// 6.2.2 on what a script passes when a variable was never set: a falsy
// message hashes as empty (SHA256(undefined) is the hash of ”), a
// missing key, salt, IV or WordArray throws the TypeError crypto-js meets
// reading it, so a signature is not silently computed over the text
// 'undefined'.
func TestCryptoJSMissingInputsMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`CryptoJS.AES.encrypt('x', undefined).toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.AES.decrypt('x', undefined).toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.AES.encrypt('x', null).toString()`, `THROW TypeError: Cannot read properties of null (reading 'words')`},
		{`CryptoJS.AES.encrypt(undefined, CryptoJS.enc.Utf8.parse('1234567890123456'), {iv: CryptoJS.enc.Utf8.parse('1234567890123456')}).toString()`, `string:"BsV8no6a9yLYUT6rbu2PdA=="`},
		{`CryptoJS.AES.encrypt('', 'pass').toString().length`, `number:44`},
		{`CryptoJS.HmacSHA256('m', null).toString()`, `THROW TypeError: Cannot read properties of null (reading 'sigBytes')`},
		{`CryptoJS.HmacSHA256(undefined, 'k').toString()`, `string:"8bb990c40a7d61cb97597a942125025be50ac8beb74436e3735b98893a7f6620"`},
		{`CryptoJS.HmacSHA256(null, 'k').toString()`, `string:"8bb990c40a7d61cb97597a942125025be50ac8beb74436e3735b98893a7f6620"`},
		{`CryptoJS.HmacSHA256('', 'k').toString()`, `string:"8bb990c40a7d61cb97597a942125025be50ac8beb74436e3735b98893a7f6620"`},
		{`CryptoJS.HmacSHA256('m', '').toString()`, `string:"a64092104c76d9ef65599c33c177609ecd49857456eb28133c4daea25bea960a"`},
		{`CryptoJS.HmacSHA1(undefined, 'k').toString()`, `string:"3a84a218ee6665209bb70e84525dd837645a1965"`},
		{`CryptoJS.SHA1(undefined).toString()`, `string:"da39a3ee5e6b4b0d3255bfef95601890afd80709"`},
		{`CryptoJS.MD5(null).toString()`, `string:"d41d8cd98f00b204e9800998ecf8427e"`},
		{`CryptoJS.SHA256(0).toString()`, `string:"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"`},
		{`CryptoJS.SHA256(false).toString()`, `string:"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"`},
		{`CryptoJS.SHA3(undefined).toString().slice(0, 16)`, `string:"0eab42de4c3ceb92"`},
		{`CryptoJS.SHA256(undefined, {}).toString()`, `string:"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"`},
		{`CryptoJS.algo.SHA256.create().finalize(undefined).toString()`, `string:"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"`},
		{`CryptoJS.algo.SHA256.create().update(undefined).finalize().toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.PBKDF2(undefined, 'salt', {keySize: 4}).toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'sigBytes')`},
		{`CryptoJS.PBKDF2('p', undefined, {keySize: 4}).toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.enc.Utf8.parse(null)`, `object:{"words":[1853189228],"sigBytes":4}`},
		{`CryptoJS.enc.Base64.stringify(undefined)`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.AES.encrypt('x', CryptoJS.enc.Utf8.parse('1234567890123456'), {mode: CryptoJS.mode.CTR}).toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'slice')`},
		{`CryptoJS.AES.encrypt('x', CryptoJS.enc.Utf8.parse('1234567890123456'), {mode: CryptoJS.mode.CTRGladman}).toString()`, `THROW TypeError: Cannot read properties of undefined (reading '0')`},
		{`CryptoJS.AES.encrypt('x', CryptoJS.enc.Utf8.parse('1234567890123456'), {mode: CryptoJS.mode.OFB}).toString()`, `THROW TypeError: Cannot read properties of undefined (reading '0')`},
		{`CryptoJS.AES.encrypt('x', CryptoJS.enc.Utf8.parse('1234567890123456'), {mode: CryptoJS.mode.CFB}).toString()`, `THROW TypeError: Cannot read properties of undefined (reading '0')`},
		{`CryptoJS.AES.decrypt('YWJjZGVmZ2hpamtsbW5vcA==', CryptoJS.enc.Utf8.parse('1234567890123456')).toString()`, `THROW TypeError: Cannot read properties of undefined (reading '0')`},
		{`CryptoJS.DES.encrypt('x', undefined).toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.TripleDES.encrypt('x', CryptoJS.enc.Utf8.parse('123456781234567812345678')).toString()`, `THROW TypeError: Cannot read properties of undefined (reading '0')`},
		{`CryptoJS.EvpKDF(undefined, 'salt').toString()`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.EvpKDF('p', undefined, {keySize: 4}).toString()`, `string:"83878c91171338902e0fe0fb97a8c47a"`},
		{`CryptoJS.HmacMD5('m', undefined)`, `THROW TypeError: Cannot read properties of undefined (reading 'sigBytes')`},
		{`CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA1, 'k').update(null)`, `THROW TypeError: Cannot read properties of null (reading 'words')`},
		{`CryptoJS.enc.Hex.stringify(null)`, `THROW TypeError: Cannot read properties of null (reading 'words')`},
		{`CryptoJS.enc.Utf8.stringify(undefined)`, `THROW Error: Malformed UTF-8 data`},
		{`CryptoJS.enc.Base64.parse(undefined)`, `THROW TypeError: Cannot read properties of undefined (reading 'length')`},
		{`CryptoJS.enc.Hex.parse(null)`, `THROW TypeError: Cannot read properties of null (reading 'length')`},
		{`CryptoJS.enc.Latin1.parse(undefined)`, `THROW TypeError: Cannot read properties of undefined (reading 'length')`},
		{`CryptoJS.enc.Utf16LE.parse(undefined)`, `THROW TypeError: Cannot read properties of undefined (reading 'length')`},
		{`CryptoJS.format.OpenSSL.parse(undefined)`, `THROW TypeError: Cannot read properties of undefined (reading 'length')`},
		{`CryptoJS.enc.Utf8.parse(undefined).sigBytes`, `number:9`},
		{`CryptoJS.AES.decrypt(null, 'k')`, `THROW TypeError: Cannot read properties of null (reading 'salt')`},
		{`CryptoJS.AES.decrypt(null, CryptoJS.enc.Utf8.parse('1234567890123456'))`, `THROW TypeError: Cannot read properties of null (reading 'ciphertext')`},
		{`CryptoJS.AES.decrypt(null, undefined)`, `THROW TypeError: Cannot read properties of undefined (reading 'words')`},
		{`CryptoJS.AES.decrypt({}, CryptoJS.enc.Utf8.parse('1234567890123456'), {iv: CryptoJS.enc.Utf8.parse('1234567890123456')}).sigBytes`, `number:0`},
	})
}

// TestCheerioTraversalMatchesNewman checks nodes' DOM Level 1 names
// (el.tagName, el.firstChild, el.nodeType ...), the traversals cheerio 0.22
// has beyond the common ones (has, nextAll/prevAll, nextUntil/prevUntil,
// parentsUntil, add in document order, clone) and the SyntaxError its
// css-select throws for a pseudo-class it does not know (jQuery's :first,
// :eq()), as under Newman 6.2.2.
func TestCheerioTraversalMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		// Nodes answer to the DOM Level 1 names (not enumerable) and list
		// their keys in domhandler's order.
		{`(function(){ var $ = cheerio.load('<div><!-- c --><a href="x">t</a>txt</div>'); var a = $('a')[0], d = $('div')[0]; return [a.tagName, a.nodeType, a.parentNode === a.parent, a.childNodes.length, a.firstChild.data, a.lastChild.data, a.previousSibling.type, a.nextSibling.data, a.nodeValue, d.firstChild.nodeType, d.lastChild.nodeType, d.firstChild.nodeValue, d.lastChild.tagName, $.root()[0].nodeType, $.root()[0].tagName, Object.keys(a).sort().join(',')]; })()`, `object:["a",1,true,1,"t","t","comment","txt",null,8,3," c ",null,1,"root","attribs,children,name,next,parent,prev,type"]`},
		{`(function(){ var $ = cheerio.load('<script>1</script><style>a{}</style>'); return [$('script')[0].nodeType, $('script')[0].tagName, $('style')[0].tagName]; })()`, `object:[1,"script","style"]`},
		// A document's top-level nodes have no parent, only a root, so
		// they have no parent(), siblings() or index(); text nodes are
		// {data, type} with no children; firstChild, lastChild and
		// nodeType are enumerable on the prototype.
		{`(function(){ var $ = cheerio.load('<div id="a"><p>1</p></div><span>s</span><ul><li>1</li><li class="z">2</li></ul>'); var d = $('#a')[0], tx = $('p')[0].firstChild; return [d.parent, d.parentNode, d.root === $.root()[0], Object.keys(d).join(), Object.keys(tx).join(), tx.childNodes, $('#a').parent().length, $('#a').siblings().length, $('li').siblings().length, $('li.z').siblings().length, $('#a').index(), $('li.z').index()]; })()`, `object:[null,null,true,"type,name,attribs,children,next,prev,parent,root","data,type,next,prev,parent",null,0,0,0,1,-1,1]`},
		{`(function(){ var $ = cheerio.load('<div id="a"><p>1</p></div>'), k = []; for (var x in $('#a')[0]) k.push(x); return k.join(); })()`, `string:"type,name,attribs,children,next,prev,parent,root,firstChild,lastChild,nodeType"`},
		// add puts the other selection first and sorts by document
		// position, which leaves nodes under different top-level nodes as
		// they are.
		{`(function(){ var $ = cheerio.load('<div><p>1</p><p class="q">2 <b>x</b></p></div><span>s</span><ul><li>1</li></ul>'); var n = function (s) { return s.map(function (i, e) { return e.name; }).get().join(); }; return [n($('b').add('span').add('p')), n($('span').add('li')), n($('b').add('p.q')), n($('ul').add('div').add('span'))]; })()`, `object:["p,p,span,b","li,span","p,b","span,div,ul"]`},
		{`(function(){ var $ = cheerio.load('<ul><li>1</li><li class="x">2</li><li>3</li><li class="y">4</li><li>5</li></ul>'); return [$('li').last().text(), $('li').slice(1).length, $('li.x').index(), $('li').not('.x').length, $('ul').has('.x').length, $('li.x').nextAll().length, $('li.x').prevAll().text(), $('li').first().siblings().length]; })()`, `object:["5",4,1,4,1,3,"1",4]`},
		{`(function(){ var $ = cheerio.load('<ul><li>1</li><li class="x">2</li><li>3</li><li class="y">4</li><li>5</li></ul>'); return [$('li.x').nextUntil('.y').text(), $('li.y').prevUntil('.x').text(), $('li.x').nextAll('.y').text(), $('li').eq(4).prevAll().map(function(){return $(this).text();}).get(), $('li.x').nextUntil($('li.y')).length, $('li.x').nextUntil($('li.y')[0]).length, $('li.x, li.y').nextAll().text(), $('li.x').nextUntil().length, $('li').nextUntil('.nope', '.y').text()]; })()`, `object:["3","3","4",["4","3","2","1"],1,1,"345",3,"4"]`},
		{`(function(){ var $ = cheerio.load('<div id="a"><section><p><b>x</b></p></section></div>'); return [$('b').parents().length, $('b').parentsUntil('div').length, $('b').parentsUntil('#a').map(function(){return this.name;}).get(), $('b').parentsUntil().length, $('b').parentsUntil('div', 'p').length, $('p').children().length, $('p').contents().length, $('b').closest('div').length, $('nothing').parentsUntil('div').length]; })()`, `object:[3,2,["p","section"],3,1,1,1,1,0]`},
		{`(function(){ var $ = cheerio.load('<div><p>x</p><p>y</p><span>z</span></div>'); return [$('span').add('p').map(function(){return $(this).text();}).get(), $('p').add('div').length, $('p').first().add($('span')).length, $('p').add($('p')).length, $('span').add($('p')[0]).text()]; })()`, `object:[["x","y","z"],3,2,2,"xz"]`},
		{`(function(){ var $ = cheerio.load('<div><p class="a">x</p></div>'); var c = $('p').clone(); c.text('y'); return [$.html(), c.toString(), c.length, c.parent().length]; })()`, `object:["<div><p class=\"a\">x</p></div>","<p class=\"a\">y</p>",1,0]`},
		{`(function(){ var $ = cheerio.load('<ul><li>1</li><li>2</li></ul>'); try { $('li:first'); return 'no'; } catch (e) { return [e.name, e.message, e instanceof SyntaxError]; } })()`, `object:["SyntaxError","unmatched pseudo-class :first",true]`},
		{`(function(){ var $ = cheerio.load('<ul><li>1</li><li>2</li></ul>'); try { $('li:eq(1)'); return 'no'; } catch (e) { return [e.name, e.message]; } })()`, `object:["SyntaxError","unmatched pseudo-class :eq"]`},
		{`(function(){ var $ = cheerio.load('<ul><li>1</li><li>2</li></ul>'); try { $('li:bogus-thing'); return 'no'; } catch (e) { return [e.name, e.message]; } })()`, `object:["SyntaxError","unmatched pseudo-class :bogus-thing"]`},
		{`(function(){ var $ = cheerio.load('<ul><li>1</li></ul>'); return [$('li').has('nothing').length, $('ul').has($('li')[0]).length]; })()`, `object:[0,1]`},
	})
}
