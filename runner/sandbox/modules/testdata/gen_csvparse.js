// Prints the table of csvparse_test.go from the real csv-parse 1.2.4 (the
// version postman-sandbox 4.7.1, used by Newman 6.2.2, bundles):
//   mkdir /tmp/csv && cd /tmp/csv && npm init -y && npm install csv-parse@1.2.4
//   NODE_PATH=/tmp/csv/node_modules node gen_csvparse.js > /tmp/table.go.txt
var parse = require('csv-parse/lib/sync');

// [name, input, options source]
var cases = [
 ["basic", "a,b\n1,2\n3,4", "{}"],
 ["columns", "a,b\n1,2\n3,4\n", "{columns: true}"],
 ["skip empty", "a,b\n\n1,2\n\n", "{columns: true, skip_empty_lines: true}"],
 ["empty kept", "a,b\n\n1,2", "{}"],
 ["quotes", "\"x, y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",2", "{}"],
 ["delimiter", "a;b\n1;2", "{delimiter: \";\", columns: true}"],
 ["trim", " a , b \n 1 ,2 ", "{trim: true}"],
 ["ltrim rtrim", " a , b ", "{ltrim: true}"],
 ["crlf", "a,b\r\n1,2\r\n", "{columns: true}"],
 ["columns array", "1,2\n3,4", "{columns: [\"x\", \"y\"]}"],
 ["columns function", "A,B\n1,2", "{columns: function (h) { return h.map(function (s) { return s.toLowerCase(); }); }}"],
 ["auto_parse", "1,2.5,x,true\n", "{auto_parse: true}"],
 ["cast", "1,2.5,x\n", "{cast: true}"],
 ["bad column count", "a,b\n1,2,3", "{columns: true}"],
 ["relax column count", "a,b\n1,2,3\n4", "{columns: true, relax_column_count: true}"],
 ["comment", "# note\na,b\n1,2", "{comment: \"#\"}"],
 ["bom", "\ufeffa,b\n1,2", "{columns: true}"],
 ["quote in unquoted field", "a,b\"c\n", "{}"],
 ["relax", "a,b\"c\n", "{relax: true}"],
 ["unclosed quote", "\"abc\n", "{}"],
 ["from to", "a\nb\nc\nd", "{from: 2, to: 3}"],
 ["objname", "k,v\nx,1\ny,2", "{columns: true, objname: \"k\"}"],
 ["trailing spaces quoted", "\"a\" ,b", "{}"],
 ["empty input", "", "{columns: true}"],
];

cases.forEach(function (c) {
  var src = 'return parse(' + JSON.stringify(c[1]) + ', ' + c[2] + ');';
  var want;
  try {
    want = JSON.stringify(new Function('parse', src)(parse));
  } catch (e) {
    want = JSON.stringify({ throws: e.message });
  }
  // Non-ASCII (the BOM case) as \u escapes, which Go source cannot hold raw.
  var ascii = function (s) { return s.replace(/[^\x00-\x7f]/g, function (c) { return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4); }); };
  src = ascii(src);
  want = ascii(want);
  if (src.indexOf('`') >= 0 || want.indexOf('`') >= 0) throw new Error('backquote in ' + c[0]);
  console.log('\t{' + JSON.stringify(c[0]) + ', `' + src + '`,\n\t\t`' + want + '`},');
});
