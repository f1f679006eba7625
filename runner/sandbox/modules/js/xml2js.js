// xml2js 0.4 (the version Postman bundles): parseString and Parser over
// our Go parser, which returns the same shape, plus Builder and the
// stock processors. The callback runs synchronously, as in Postman.
var EventEmitter = require('events');

var defaults02 = {
  explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
  explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, validator: null, xmlns: false,
  explicitChildren: false, preserveChildrenOrder: false, childkey: '$$', charsAsChildren: false,
  includeWhiteChars: false, async: false, strict: true, attrNameProcessors: null, attrValueProcessors: null,
  tagNameProcessors: null, valueProcessors: null, emptyTag: '',
  rootName: 'root', xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true }, doctype: null,
  renderOpts: { pretty: true, indent: '  ', newline: '\n' }, headless: false, chunkSize: 10000, cdata: false
};
var defaults01 = {};
for (var k0 in defaults02) defaults01[k0] = defaults02[k0];
defaults01.explicitArray = false;
defaults01.explicitRoot = false;

function merge(a, b) {
  var r = {}, k;
  for (k in a) r[k] = a[k];
  if (b) for (k in b) if (Object.prototype.hasOwnProperty.call(b, k)) r[k] = b[k];
  return r;
}

function Parser(opts) {
  if (!(this instanceof Parser)) return new Parser(opts);
  EventEmitter.call(this);
  this.options = merge(defaults02, opts);
}
Parser.prototype = Object.create(EventEmitter.prototype);
Parser.prototype.constructor = Parser;
Parser.prototype.reset = function () { this.removeAllListeners(); };
Parser.prototype.parseString = function (str, cb) {
  var self = this;
  if (typeof cb === 'function') {
    this.on('end', function (result) { self.reset(); cb(null, result); });
    this.on('error', function (err) { self.reset(); cb(err); });
  }
  if (str == null) {
    // xml2js calls str.toString() inside its try, so the callback gets V8's error.
    this.emit('error', new TypeError('Cannot read properties of ' + str + " (reading 'toString')"));
    return;
  }
  str = String(str);
  if (this.options.async && str.trim() !== '') {
    // postman-sandbox's xml2js schedules async parsing with setImmediate,
    // whose shim finds no setTimeout there: under Newman the callback
    // gets that error rather than a result.
    this.emit('error', new ReferenceError('setTimeout is not defined'));
    return;
  }
  var out = native.parse(str, this.options);
  if (out[0]) this.emit('error', out[0]);
  else this.emit('end', out[1]);
};
Parser.prototype.parseStringPromise = function (str) {
  var self = this;
  return new Promise(function (resolve, reject) {
    self.parseString(str, function (err, result) { if (err) reject(err); else resolve(result); });
  });
};

function parseString(str, a, b) {
  var cb, opts = {};
  if (b != null) { if (typeof b === 'function') cb = b; if (typeof a === 'object') opts = a; }
  else { if (typeof a === 'function') cb = a; }
  return new Parser(opts).parseString(str, cb);
}
function parseStringPromise(str, opts) { return new Parser(opts).parseStringPromise(str); }

// ---- Builder (xmlbuilder's rendering as xml2js drives it) ----
function escText(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;'); }
function escAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}
function requiresCDATA(s) { return typeof s === 'string' && (s.indexOf('&') >= 0 || s.indexOf('>') >= 0 || s.indexOf('<') >= 0); }
function wrapCDATA(s) { return '<![CDATA[' + String(s).replace(/]]>/g, ']]]]><![CDATA[>') + ']]>'; }

// xmlbuilder checks what it writes as XML 1.0 (1.1 when xmldec says so)
// and throws on a character or a name XML does not allow, as under
// Newman: a Builder given a control character or an object key such as
// '$ns' or '0' fails rather than writing a document no parser reads.
var illegalChars = {
  '1.0': /[\0-\x08\x0B\f\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/,
  '1.1': /[\0\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/
};
var legalName = /^([:A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|[\uD800-\uDB7F][\uDC00-\uDFFF])([\x2D\.0-:A-Z_a-z\xB7\xC0-\xD6\xD8-\xF6\xF8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|[\uD800-\uDB7F][\uDC00-\uDFFF])*$/;
var xmlVersion = '1.0';
function assertLegalChar(s) {
  var re = illegalChars[xmlVersion], m = re && s.match(re);
  if (m) throw new Error('Invalid character in string: ' + s + ' at index ' + m.index);
  return s;
}
function assertLegalName(s) {
  s = assertLegalChar('' + s || '');
  if (!s.match(legalName)) throw new Error('Invalid character in name');
  return s;
}

function El(name, parent) { this.name = assertLegalName(name); this.attrs = []; this.children = []; this.parent = parent; }
El.prototype.ele = function (name, text) {
  var e = new El(name, this);
  this.children.push(e);
  if (text !== undefined && text !== null) e.txt(text);
  return e;
};
El.prototype.att = function (k, v) { this.attrs.push([assertLegalName(k), assertLegalChar(escAttr('' + v || ''))]); return this; };
El.prototype.txt = function (t) { this.children.push({ text: assertLegalChar(escText('' + t || '')) }); return this; };
El.prototype.raw = function (t) { this.children.push({ text: String(t) }); return this; };
El.prototype.up = function () { return this.parent; };

function render(el, o, level) {
  var pretty = o.pretty !== false, indent = pretty ? (o.indent === undefined ? '  ' : o.indent) : '',
    nl = pretty ? (o.newline === undefined ? '\n' : o.newline) : '';
  var pad = new Array(level + 1).join(indent), s = pad + '<' + el.name;
  el.attrs.forEach(function (a) { s += ' ' + a[0] + '="' + a[1] + '"'; });
  var kids = el.children;
  if (!kids.length || kids.every(function (c) { return c.text === ''; })) return s + '/>' + nl;
  if (kids.length === 1 && kids[0].text !== undefined) return s + '>' + kids[0].text + '</' + el.name + '>' + nl;
  s += '>' + nl;
  kids.forEach(function (c) { s += c.text !== undefined ? pad + indent + c.text + nl : render(c, o, level + 1); });
  return s + pad + '</' + el.name + '>' + nl;
}

function Builder(opts) {
  if (!(this instanceof Builder)) return new Builder(opts);
  this.options = merge(defaults02, opts);
}
Builder.prototype.buildObject = function (rootObj) {
  var opts = this.options, attrkey = opts.attrkey, charkey = opts.charkey, rootName;
  // As xml2js does, for any value: a one-character string's key is '0'.
  if (Object.keys(rootObj).length === 1 && opts.rootName === defaults02.rootName) {
    rootName = Object.keys(rootObj)[0];
    rootObj = rootObj[rootName];
  } else {
    rootName = opts.rootName;
  }
  function build(element, obj) {
    if (typeof obj !== 'object' || obj === null) {
      if (opts.cdata && requiresCDATA(obj)) element.raw(wrapCDATA(obj));
      else element.txt(obj);
    } else if (Array.isArray(obj)) {
      for (var i in obj) {
        if (!Object.prototype.hasOwnProperty.call(obj, i)) continue;
        var child = obj[i];
        for (var key in child) element = build(element.ele(key), child[key]).up();
      }
    } else {
      for (var k in obj) {
        if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
        var c = obj[k];
        if (k === attrkey) {
          if (typeof c === 'object') for (var attr in c) element = element.att(attr, c[attr]);
        } else if (k === charkey) {
          if (opts.cdata && requiresCDATA(c)) element = element.raw(wrapCDATA(c));
          else element = element.txt(c);
        } else if (Array.isArray(c)) {
          for (var j in c) {
            if (!Object.prototype.hasOwnProperty.call(c, j)) continue;
            var entry = c[j];
            if (typeof entry === 'string') {
              if (opts.cdata && requiresCDATA(entry)) element = element.ele(k).raw(wrapCDATA(entry)).up();
              else element = element.ele(k, entry).up();
            } else {
              element = build(element.ele(k), entry).up();
            }
          }
        } else if (typeof c === 'object' && c !== null) {
          element = build(element.ele(k), c).up();
        } else if (typeof c === 'string' && opts.cdata && requiresCDATA(c)) {
          element = element.ele(k).raw(wrapCDATA(c)).up();
        } else {
          if (c == null) c = '';
          element = element.ele(k, c.toString()).up();
        }
      }
    }
    return element;
  }
  var d = opts.xmldec || {};
  xmlVersion = d.version || '1.0';
  var root = new El(rootName, null);
  build(root, rootObj);
  var ro = opts.renderOpts || {}, pretty = ro.pretty !== false, nl = pretty ? (ro.newline === undefined ? '\n' : ro.newline) : '';
  var out = '';
  if (!opts.headless) {
    out = '<?xml version="' + (d.version || '1.0') + '"' + (d.encoding ? ' encoding="' + d.encoding + '"' : '') +
      (d.standalone !== undefined && d.standalone !== null ? ' standalone="' + (d.standalone ? 'yes' : 'no') + '"' : '') + '?>' + nl;
  }
  var dt = opts.doctype;
  if (dt && (dt.pubID || dt.sysID)) {
    var ids = '', pub = dt.pubID, sys = dt.sysID;
    // xmlbuilder takes a lone pubID for the system id.
    if (sys == null) { sys = pub; pub = undefined; }
    if (pub && sys) ids = ' PUBLIC "' + assertLegalChar('' + pub) + '" "' + assertLegalChar('' + sys) + '"';
    else if (sys) ids = ' SYSTEM "' + assertLegalChar('' + sys) + '"';
    out += '<!DOCTYPE ' + rootName + ids + '>' + nl;
  }
  out += render(root, ro, 0);
  return nl && out.slice(-nl.length) === nl ? out.slice(0, -nl.length) : out;
};

var processors = {
  normalize: function (s) { return s.toLowerCase(); },
  firstCharLowerCase: function (s) { return s.charAt(0).toLowerCase() + s.slice(1); },
  stripPrefix: function (s) { return s.replace(/(?!xmlns)^.*:/, ''); },
  parseNumbers: function (s) { if (!isNaN(s)) s = s % 1 === 0 ? parseInt(s, 10) : parseFloat(s); return s; },
  parseBooleans: function (s) { if (/^(?:true|false)$/i.test(s)) s = s.toLowerCase() === 'true'; return s; }
};

function ValidationError(message) { this.message = message; }
ValidationError.prototype = Object.create(Error.prototype);

exports.defaults = { '0.1': defaults01, '0.2': defaults02 };
exports.processors = processors;
exports.ValidationError = ValidationError;
exports.Builder = Builder;
exports.Parser = Parser;
exports.parseString = parseString;
exports.parseStringPromise = parseStringPromise;
