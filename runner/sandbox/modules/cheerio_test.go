package modules

import (
	"os"
	"path/filepath"
	"testing"
)

// cheerioCases were recorded from cheerio 0.22.0 (the version
// postman-sandbox 4.7.1 in Newman 6.2.2 bundles) by
// testdata/gen_cheerio.js: a script body, run with `$` bound to
// testdata/cheerio.html, and the JSON of what it returned.
var cheerioCases = []struct{ name, src, want string }{
	{"title text", `return $('title').text();`,
		`"Test & Page"`},
	{"h1 text and html", `return [$('h1').text(), $('h1').html(), $('h1 b').text()];`,
		`["Hello World","Hello <b>World</b>","World"]`},
	{"length and attr", `return [$('li').length, $('li').attr('data-id'), $('li').last().attr('class'), $('a').attr('href'), $('li').attr('nope'), $('nope').attr('x')];`,
		`[3,"1","item last","/x?a=1&b=2",null,null]`},
	{"each", `var out = []; $('li').each(function (i, el) { out.push(i + ':' + $(el).text() + ':' + $(this).attr('data-id') + ':' + el.name + ':' + el.type + ':' + el.attribs['data-id']); }); return out;`,
		`["0:One:1:li:tag:1","1:Two:2:li:tag:2","2:Three link:3:li:tag:3"]`},
	{"each break", `var n = 0; $('li').each(function (i) { n++; if (i === 1) return false; }); return n;`,
		`2`},
	{"map get", `return [$('li').map(function (i, el) { return $(el).attr('data-id'); }).get(), $('li').map(function () { return [1, 2]; }).get().length];`,
		`[["1","2","3"],6]`},
	{"first last eq", `return [$('li').first().text(), $('li').last().text(), $('li').eq(1).text(), $('li').eq(-1).text(), $('li').eq(5).length];`,
		`["One","Three link","Two","Three link",0]`},
	{"find children parent", `return [$('#main').find('li.item').length, $('ul').children().length, $('ul').children('.last').text(), $('li').first().parent().attr('class'), $('b').parent()[0].name];`,
		`[3,3,"Three link","items","h1"]`},
	{"hasClass", `return [$('#main').hasClass('box'), $('#main').hasClass('nope'), $('li').hasClass('last')];`,
		`[true,false,true]`},
	{"val", `return [$('input[name=csrf]').val(), $('input[name=q]').val(), $('select').val(), $('textarea').val(), $('input[name=c]').val(), $('nope').val()];`,
		`["tok123",null,"b","hi there","on",null]`},
	{"toArray and index", `var a = $('li').toArray(); return [a.length, a[0].name, $('li')[1].attribs.class, $(a[2]).text()];`,
		`[3,"li","item","Three link"]`},
	{"text of many", `return $('li').text();`,
		`"OneTwoThree link"`},
	{"html of missing", `return [$('nope').html(), $('nope').text()];`,
		`[null,""]`},
	{"attr all", `return $('li').first().attr();`,
		`{"class":"item first","data-id":"1"}`},
	{"selector context", `return [$('li', '.items').length, $('.first', $('ul')).text()];`,
		`[3,"One"]`},
	{"filter is", `return [$('li').filter('.last').text(), $('li').filter(function (i) { return i === 0; }).text(), $('li').is('.first'), $('li').is('.none')];`,
		`["Three link","One",true,false]`},
	{"next prev siblings", `return [$('.first').next().text(), $('.last').prev().text(), $('.first').siblings().length, $('b').closest('div').attr('id')];`,
		`["Two","Two",2,"main"]`},
	{"attribute selectors", `return [$('li[data-id="2"]').text(), $('a[href^="/x"]').length, $('li:first-child').text(), $('li:nth-child(2)').text(), $('td').length];`,
		`["Two",1,"One","Two",2]`},
	{"inner html entities", `return [$('li.last').html(), $('title').html(), $('p').html()];`,
		`["Three <a href=\"/x?a=1&amp;b=2\">link</a>","Test &amp; Page","para <!-- note --> end"]`},
	{"cheerio.load fragment", `var $2 = cheerio.load('<li>a</li><li>b</li>'); return [$2('li').length, $2.html(), $2('body').length];`,
		`[2,"<li>a</li><li>b</li>",0]`},
	{"root and $.html", `var $3 = cheerio.load('<p class=x>hi</p>'); return [$3.root().text(), $3('p').toString ? 'has toString' : 'none', $3.html($3('p'))];`,
		`["hi","has toString","<p class=\"x\">hi</p>"]`},
	{"element fields", `var el = $('li')[0]; return [el.type, el.name, el.children.length, el.children[0].type, el.children[0].data, el.parent.name, el.next.name, el.prev === null];`,
		`["tag","li",1,"text","One","ul","li",true]`},
	{"contents and text nodes", `return $('p').contents().map(function (i, n) { return n.type; }).get();`,
		`["text","comment","text"]`},
	{"script text", `return [$('script').text(), $('head').text()];`,
		`["var x = \"<b>\";","Test & Pagevar x = \"<b>\";"]`},
	{"json in script", `var $4 = cheerio.load('<script type="application/json" id="d">{"a": [1, 2]}</script>'); return JSON.parse($4('#d').html()).a;`,
		`[1,2]`},
	{"parents", `return $('b').parents().map(function (i, e) { return e.name; }).get();`,
		`["h1","div","body","html"]`},
	{"html mode: a CDATA section is one comment", `var $s = cheerio.load('<div><![CDATA[<b>bold</b> & more]]></div><p><![cdata[a --> b]]></p><svg><![CDATA[a>b]]></svg><i>x<![CDATA[abc'); return [$s('div').text(), $s('div').html(), $s('p').html(), $s('svg').html(), $s('i').html(), $s('div').contents().map(function (i, n) { return n.type + ':' + n.data; }).get()];`,
		`["","<!--[CDATA[<b>bold</b> & more]]-->","<!--[CDATA[a --> b]]-->","<!--[CDATA[a>b]]-->","x<!--[CDATA[abc]]-->",["comment:[CDATA[<b>bold</b> & more]]"]]`},
	{"html mode: CDATA in script and style stays text", `var $s = cheerio.load('<script><![CDATA[var a = 1 > 0;]]></script><style><![CDATA[a > b {}]]></style>'); return [$s('script').html(), $s('style').text(), $s('script')[0].children[0].type];`,
		`["<![CDATA[var a = 1 > 0;]]>","<![CDATA[a > b {}]]>","text"]`},
	{"html mode: SOAP answer", `var $s = cheerio.load('<?xml version="1.0"?>\n<s:Envelope xmlns:s="u"><s:Body><m:Note><![CDATA[<b>bold</b>]]></m:Note><m:Price currency="USD">1</m:Price></s:Body></s:Envelope>'); return [$s('m\\:note').text(), $s('m\\:price').text(), $s.root().text(), $s.html()];`,
		`["","1","\n1","<?xml version=\"1.0\"?>\n<s:envelope xmlns:s=\"u\"><s:body><m:note><!--[CDATA[<b>bold</b>]]--></m:note><m:price currency=\"USD\">1</m:price></s:body></s:envelope>"]`},
	{"directives", `return [cheerio.load('<?XML-Stylesheet href="a"?><a/>'), cheerio.load('<?php/x?><a/>'), cheerio.load('<?xml version="1.0"?><a/>', {xmlMode: true}), cheerio.load('<!DOCTYPE note SYSTEM "n.dtd"><a/>', {xmlMode: true})].map(function ($d) { var n = $d.root()[0].children[0]; return [Object.keys(n), n.type, n.name, n.data, n.children, $d.html()]; });`,
		`[[["name","data","type","next","prev","parent","root"],"directive","?xml-stylesheet","?XML-Stylesheet href=\"a\"?",null,"<?XML-Stylesheet href=\"a\"?><a></a>"],[["name","data","type","next","prev","parent","root"],"directive","?php","?php/x?",null,"<?php/x?><a></a>"],[["name","data","type","next","prev","parent","root"],"directive","?xml","?xml version=\"1.0\"?",null,"<?xml version=\"1.0\"?><a/>"],[["name","data","type","next","prev","parent","root"],"directive","!DOCTYPE","!DOCTYPE note SYSTEM \"n.dtd\"",null,"<!DOCTYPE note SYSTEM \"n.dtd\"><a/>"]]`},
	{"an unclosed processing instruction is text", `var $s = cheerio.load('<p>a</p><?xml '); return [$s.html(), $s.root().text()];`,
		`["<p>a</p>xml ","axml "]`},
	{"xmlMode: a declared encoding changes nothing", `var $s = cheerio.load('<?xml version="1.0" encoding="ISO-8859-1"?><r><n a="1">café</n></r>', {xmlMode: true}); var $w = cheerio.load('<?xml version="1.0" encoding="windows-1252"?><r>x</r>', {xmlMode: true}); return [$s('n').text(), $s('n').attr('a'), $s.html(), $w('r').text()];`,
		`["café","1","<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r><n a=\"1\">caf&#xE9;</n></r>","x"]`},
	{"xmlMode: control characters are kept", `var $s = cheerio.load('<r a="x\u0002y">t\u0001</r><q>\uffff</q>', {xmlMode: true}); return [$s.root().text(), $s.xml(), $s('r').attr()];`,
		"[\"t\\u0001￿\",\"<r a=\\\"x\\u0002y\\\">t\\u0001</r><q>&#xFFFF;</q>\",{\"a\":\"x\\u0002y\"}]"},
}

func TestCheerioMatchesCheerio022(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("testdata", "cheerio.html"))
	if err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t, t.TempDir())
	if err := rt.Set("page", string(page)); err != nil {
		t.Fatal(err)
	}
	// The harness runs each body as gen_cheerio.js does under node, with
	// the global cheerio (which is also require('cheerio')).
	call := callHarness(t, rt, `(function (src) {
  try {
    return JSON.stringify(new Function('cheerio', '$', src)(require('cheerio'), cheerio.load(page)));
  } catch (e) {
    return JSON.stringify({ throws: e.message });
  }
})`)
	for _, tc := range cheerioCases {
		t.Run(tc.name, func(t *testing.T) {
			sameJSON(t, tc.src, tc.want, call(t, tc.src))
		})
	}
}
