// Prints the table of cheerio_test.go from the real cheerio 0.22.0 (the
// version postman-sandbox 4.7.1, used by Newman 6.2.2, bundles):
//   mkdir /tmp/cheerio && cd /tmp/cheerio && npm init -y && npm install cheerio@0.22.0
//   NODE_PATH=/tmp/cheerio/node_modules node gen_cheerio.js > /tmp/table.go.txt
// Each case is a script body run with `cheerio` and `$` (testdata/
// cheerio.html loaded) bound; the table records what it returns as JSON.
var cheerio = require('cheerio');
var HTML = require('fs').readFileSync(require('path').join(__dirname, 'cheerio.html'), 'utf8');

var cases = [
 ["title text", "return $('title').text();"],
 ["h1 text and html", "return [$('h1').text(), $('h1').html(), $('h1 b').text()];"],
 ["length and attr", "return [$('li').length, $('li').attr('data-id'), $('li').last().attr('class'), $('a').attr('href'), $('li').attr('nope'), $('nope').attr('x')];"],
 ["each", "var out = []; $('li').each(function (i, el) { out.push(i + ':' + $(el).text() + ':' + $(this).attr('data-id') + ':' + el.name + ':' + el.type + ':' + el.attribs['data-id']); }); return out;"],
 ["each break", "var n = 0; $('li').each(function (i) { n++; if (i === 1) return false; }); return n;"],
 ["map get", "return [$('li').map(function (i, el) { return $(el).attr('data-id'); }).get(), $('li').map(function () { return [1, 2]; }).get().length];"],
 ["first last eq", "return [$('li').first().text(), $('li').last().text(), $('li').eq(1).text(), $('li').eq(-1).text(), $('li').eq(5).length];"],
 ["find children parent", "return [$('#main').find('li.item').length, $('ul').children().length, $('ul').children('.last').text(), $('li').first().parent().attr('class'), $('b').parent()[0].name];"],
 ["hasClass", "return [$('#main').hasClass('box'), $('#main').hasClass('nope'), $('li').hasClass('last')];"],
 ["val", "return [$('input[name=csrf]').val(), $('input[name=q]').val(), $('select').val(), $('textarea').val(), $('input[name=c]').val(), $('nope').val()];"],
 ["toArray and index", "var a = $('li').toArray(); return [a.length, a[0].name, $('li')[1].attribs.class, $(a[2]).text()];"],
 ["text of many", "return $('li').text();"],
 ["html of missing", "return [$('nope').html(), $('nope').text()];"],
 ["attr all", "return $('li').first().attr();"],
 ["selector context", "return [$('li', '.items').length, $('.first', $('ul')).text()];"],
 ["filter is", "return [$('li').filter('.last').text(), $('li').filter(function (i) { return i === 0; }).text(), $('li').is('.first'), $('li').is('.none')];"],
 ["next prev siblings", "return [$('.first').next().text(), $('.last').prev().text(), $('.first').siblings().length, $('b').closest('div').attr('id')];"],
 ["attribute selectors", "return [$('li[data-id=\"2\"]').text(), $('a[href^=\"/x\"]').length, $('li:first-child').text(), $('li:nth-child(2)').text(), $('td').length];"],
 ["inner html entities", "return [$('li.last').html(), $('title').html(), $('p').html()];"],
 ["cheerio.load fragment", "var $2 = cheerio.load('<li>a</li><li>b</li>'); return [$2('li').length, $2.html(), $2('body').length];"],
 ["root and $.html", "var $3 = cheerio.load('<p class=x>hi</p>'); return [$3.root().text(), $3('p').toString ? 'has toString' : 'none', $3.html($3('p'))];"],
 ["element fields", "var el = $('li')[0]; return [el.type, el.name, el.children.length, el.children[0].type, el.children[0].data, el.parent.name, el.next.name, el.prev === null];"],
 ["contents and text nodes", "return $('p').contents().map(function (i, n) { return n.type; }).get();"],
 ["script text", "return [$('script').text(), $('head').text()];"],
 ["json in script", "var $4 = cheerio.load('<script type=\"application/json\" id=\"d\">{\"a\": [1, 2]}</script>'); return JSON.parse($4('#d').html()).a;"],
 ["parents", "return $('b').parents().map(function (i, e) { return e.name; }).get();"],
];

cases.forEach(function (c) {
  var want;
  try {
    want = JSON.stringify(new Function('cheerio', '$', c[1])(cheerio, cheerio.load(HTML)));
  } catch (e) {
    want = JSON.stringify({ throws: e.message });
  }
  if (c[1].indexOf('`') >= 0 || want.indexOf('`') >= 0) throw new Error('backquote in ' + c[0]);
  console.log('\t{' + JSON.stringify(c[0]) + ', `' + c[1] + '`,\n\t\t`' + want + '`},');
});
