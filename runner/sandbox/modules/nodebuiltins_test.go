package modules

import (
	"testing"
)

// TestNodeBuiltins checks punycode, string_decoder and stream against what
// Newman 6.2.2's sandbox gives (punycode.js 1.4.1, string_decoder 1.x,
// stream-browserify); the wanted values were recorded from Newman.
func TestNodeBuiltins(t *testing.T) {
	t.Parallel()
	const decode = `var SD = require('string_decoder');
		function run(enc, chunks) { var d = new SD.StringDecoder(enc); var parts = chunks.map(function (c) { return d.write(Buffer.from(c)); }); parts.push(d.end()); return JSON.stringify([d.encoding].concat(parts)); }
		`
	tests := []evalCase{
		{"punycode exports", `var p = require('punycode'); Object.keys(p).join(',') + '|' + p.version + '|' + Object.keys(p.ucs2).join(',')`, "version,ucs2,decode,encode,toASCII,toUnicode|1.4.1|decode,encode"},
		{"punycode encode", `var p = require('punycode'); [p.encode('mañana'), p.encode('☃-⌘'), p.encode('abc'), p.encode(''), p.encode('ü'), p.encode('Bücher'), p.encode('😀'), p.encode('-'), p.encode('ĉ€𝄞日本語')].join('|')`,
			"maana-pta|--dqo34k|abc-||tda|Bcher-kva|e28h|--|6da213n7o1cncbk91hvn63a"},
		{"punycode decode", `var p = require('punycode'); [p.decode('maana-pta'), p.decode('--dqo34k'), p.decode('abc-'), p.decode('tda'), p.decode('Bcher-kva'), p.decode('e28h'), p.decode('6da213n7o1cncbk91hvn63a')].join('|')`,
			"mañana|☃-⌘|abc|ü|Bücher|😀|ĉ€𝄞日本語"},
		{"punycode toASCII", `var p = require('punycode'); [p.toASCII('mañana.com'), p.toASCII('example.com'), p.toASCII('Bücher.EXAMPLE'), p.toASCII('джумла@джpумлатест.bрфa'), p.toASCII('a。b．c｡d'), p.toASCII('ñ.ñ'), p.toASCII('xn--maana-pta.com')].join('|')`,
			"xn--maana-pta.com|example.com|xn--Bcher-kva.EXAMPLE|джумла@xn--p-8sbkgc5ag7bhce.xn--ba-lmcq|a.b.c.d|xn--ida.xn--ida|xn--maana-pta.com"},
		{"punycode toUnicode", `var p = require('punycode'); [p.toUnicode('xn--maana-pta.com'), p.toUnicode('xn----dqo34k.com'), p.toUnicode('XN--maana-pta.com'), p.toUnicode('user@xn--maana-pta.com'), p.toUnicode('xn--bcher-kva.example')].join('|')`,
			"mañana.com|☃-⌘.com|XN--maana-pta.com|user@mañana.com|bücher.example"},
		{"punycode ucs2", `var p = require('punycode'); JSON.stringify([p.ucs2.decode('\ud83d\ude00a'), p.ucs2.encode([0x1F600, 97]), p.ucs2.decode('\ud800x'), p.ucs2.decode('\ude00')])`,
			`[[128512,97],"😀a",[55296,120],[56832]]`},
		{"punycode errors", `var p = require('punycode'); ['ü', 'a-9999999999', '-a-ü', '-'].map(function (s) { try { p.decode(s); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } }).join('|')`,
			"RangeError: Overflow: input needs wider integers to process|RangeError: Overflow: input needs wider integers to process|RangeError: Overflow: input needs wider integers to process|RangeError: Invalid input"},
		{"string_decoder utf8 split", decode + `run('utf8', [[0xE2, 0x82], [0xAC, 0x41]])`, `["utf8","","€A",""]`},
		{"string_decoder utf8 four bytes", decode + `run(undefined, [[0xF0, 0x9F], [0x98], [0x80]])`, `["utf8","","","😀",""]`},
		{"string_decoder utf8 cut at end", decode + `run('utf8', [[0xF0, 0x9F, 0x98]])`, `["utf8","","�"]`},
		{"string_decoder utf8 invalid", decode + `run('utf8', [[0xFF, 0x41]]) + run('UTF-8', [[0xE2, 0x41]])`, `["utf8","�A",""]["utf8","�A",""]`},
		{"string_decoder base64", decode + `run('base64', [[1], [2, 3, 4], [5]]) + run('base64', [[1, 2]])`, `["base64","","AQID","","BAU="]["base64","","AQI="]`},
		{"string_decoder hex latin1 ascii", decode + `run('hex', [[1, 255], [16]]) + run('binary', [[0xE9, 0x41]]) + run('ascii', [[0xE9, 0x41]])`,
			`["hex","01ff","10",""]["latin1","éA",""]["ascii","iA",""]`},
		{"string_decoder utf16le", decode + `run('utf16le', [[0x41], [0x00, 0x3D, 0xD8], [0x00, 0xDE]]) + run('ucs2', [[0x3D, 0xD8]])`,
			`["utf16le","","A","😀",""]["utf16le","","\ud83d"]`},
		{"string_decoder state", decode + `var d = new SD.StringDecoder('utf8'); d.write(Buffer.from([0xE2, 0x82])); [d.lastNeed, d.lastTotal, d.end(Buffer.from([0xAC])), typeof SD.StringDecoder('utf8')].join('|')`, "1|3|€|undefined"},
		{"string_decoder unknown encoding", decode + `try { new SD.StringDecoder('bogus'); 'no error' } catch (e) { e.name + ': ' + e.message }`, "Error: Unknown encoding: bogus"},
		{"stream exports", `var stream = require('stream'); Object.keys(stream).join(',') + '|' + (stream.Stream === stream) + '|' + (Object.getPrototypeOf(stream.prototype) === require('events').prototype) + '|' + typeof stream.pipeline`,
			"super_,Readable,Writable,Duplex,Transform,PassThrough,Stream|true|true|undefined"},
		// Newman's sandbox cannot run process.nextTick: the first deferral
		// of a run throws, later deferred work never runs.
		{"stream first deferral throws", `var stream = require('stream'); var r = new stream.Readable({read: function () {}}); var got = []; [1, 2].forEach(function () { try { r.push('a'); got.push('no error'); } catch (e) { got.push(e.name + ': ' + e.message); } }); got.join('|')`,
			"ReferenceError: setTimeout is not defined|no error"},
		{"stream synchronous paths", `var stream = require('stream'); try { new stream.Readable({read: function () {}}).push('x'); } catch (e) {}
			var ev = [], t = new stream.Transform({transform: function (c, e, cb) { cb(null, String(c).toUpperCase()); }, flush: function (cb) { this.push('!'); cb(); }});
			['finish', 'end', 'prefinish'].forEach(function (n) { t.on(n, function () { ev.push(n); }); });
			t.write('hi'); t.end('yo');
			var w = new stream.Writable({write: function (c, e, cb) { cb(); }}), f = [];
			w.on('finish', function () { f.push('finish'); }); w.end();
			var w2 = new stream.Writable({write: function (c, e, cb) { cb(); }}); w2.on('finish', function () { f.push('never'); }); w2.write('a'); w2.end();
			var p = new stream.PassThrough(); p.write('x'); p.write('y');
			var n = 0, r = new stream.Readable({read: function () { n++; this.push(n < 3 ? 'c' + n : null); }});
			var e = new stream.Readable({read: function () {}}); e.setEncoding('utf8'); e.push(Buffer.from([0xE2, 0x82])); e.push(Buffer.from([0xAC]));
			var s = new stream.Readable({read: function () {}}); s.push('abcdef');
			var wrote = []; var ow = new stream.Writable({objectMode: true, write: function (c, enc, cb) { wrote.push(JSON.stringify(c) + enc); cb(); }}); ow.write({k: 1});
			JSON.stringify([String(t.read()), t.read(), ev, f, String(p.read()), String(r.read()), String(r.read()), r.read(), e.read(), String(s.read(2)), String(s.read()), wrote,
				new stream.Duplex() instanceof stream.Writable, new stream.Transform() instanceof stream.Readable])`,
			`["HIYO!",null,["prefinish"],["finish"],"xy","c1","c2",null,"€","ab","cdef",["{\"k\":1}utf8"],true,true]`},
		{"legacy Stream pipe", `var stream = require('stream'); var s = new stream.Stream(), got = [], w = new stream.Stream(); w.writable = true; w.write = function (d) { got.push(d); return true; }; w.end = function () { got.push('END'); }; s.pipe(w); s.emit('data', 'd1'); s.emit('end'); got.join()`, "d1,END"},
	}
	runEvalCases(t, tests)
}
