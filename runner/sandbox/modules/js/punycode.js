// Node's punycode as Postman's sandbox bundles it (punycode.js 1.4.1):
// RFC 3492 Punycode over UCS-2 strings, and domain-level toASCII and
// toUnicode that, unlike IDNA, neither lowercase nor normalise the labels
// they leave alone (toASCII('Bücher.EXAMPLE') is 'xn--Bcher-kva.EXAMPLE').
// Written for colrun from the RFC and checked against Newman 6.2.2 in
// nodebuiltins_test.go.
'use strict';

var maxInt = 2147483647;
var base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128;
var floor = Math.floor;

var messages = {
  overflow: 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input'
};

function fail(kind) {
  throw new RangeError(messages[kind]);
}

// mapDomain applies fn to each label of a domain, or of the part after
// the first '@' of an email address (punycode.js drops any further '@'
// parts). All four IDNA dots separate labels.
function mapDomain(s, fn) {
  var parts = s.split('@'), prefix = '';
  if (parts.length > 1) {
    prefix = parts[0] + '@';
    s = parts[1];
  }
  return prefix + s.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.').split('.').map(fn).join('.');
}

// ucs2decode returns the code points of a string; a lone surrogate stays
// a code point of its own.
function ucs2decode(s) {
  var out = [], i = 0, n = s.length;
  while (i < n) {
    var v = s.charCodeAt(i++);
    if (v >= 0xD800 && v <= 0xDBFF && i < n) {
      var lo = s.charCodeAt(i++);
      if ((lo & 0xFC00) === 0xDC00) {
        out.push(((v & 0x3FF) << 10) + (lo & 0x3FF) + 0x10000);
      } else {
        out.push(v);
        i--;
      }
    } else {
      out.push(v);
    }
  }
  return out;
}

function ucs2encode(points) {
  return points.map(function (v) {
    var s = '';
    if (v > 0xFFFF) {
      v -= 0x10000;
      s += String.fromCharCode(v >>> 10 & 0x3FF | 0xD800);
      v = 0xDC00 | v & 0x3FF;
    }
    return s + String.fromCharCode(v);
  }).join('');
}

// digitOf maps a basic code point to its digit value; anything else is
// base, which callers treat as an overflow. Code points below '0' count as
// digits, as in punycode.js, so '-' in the wrong place decodes to garbage
// or "Invalid input" rather than a clear error.
function digitOf(c) {
  if (c - 48 < 10) return c - 22;
  if (c - 65 < 26) return c - 65;
  if (c - 97 < 26) return c - 97;
  return base;
}

function basicOf(d) {
  return d + 22 + 75 * (d < 26 ? 1 : 0);
}

function adapt(delta, numPoints, first) {
  var k = 0;
  delta = first ? floor(delta / damp) : delta >> 1;
  delta += floor(delta / numPoints);
  for (; delta > (base - tMin) * tMax >> 1; k += base) delta = floor(delta / (base - tMin));
  return floor(k + (base - tMin + 1) * delta / (delta + skew));
}

function threshold(k, bias) {
  return k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
}

function decode(input) {
  var output = [], n = initialN, bias = initialBias, i = 0;
  var basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (var j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) fail('not-basic');
    output.push(input.charCodeAt(j));
  }
  for (var index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    var oldi = i;
    for (var w = 1, k = base; ; k += base) {
      if (index >= input.length) fail('invalid-input');
      var digit = digitOf(input.charCodeAt(index++));
      if (digit >= base || digit > floor((maxInt - i) / w)) fail('overflow');
      i += digit * w;
      var t = threshold(k, bias);
      if (digit < t) break;
      if (w > floor(maxInt / (base - t))) fail('overflow');
      w *= base - t;
    }
    var count = output.length + 1;
    bias = adapt(i - oldi, count, oldi === 0);
    if (floor(i / count) > maxInt - n) fail('overflow');
    n += floor(i / count);
    i %= count;
    output.splice(i++, 0, n);
  }
  return ucs2encode(output);
}

function encode(input) {
  var points = ucs2decode(input), output = [];
  var n = initialN, delta = 0, bias = initialBias, j, v;
  for (j = 0; j < points.length; j++) {
    if (points[j] < 0x80) output.push(String.fromCharCode(points[j]));
  }
  var basicLength = output.length, handled = basicLength;
  if (basicLength) output.push('-');
  while (handled < points.length) {
    var m = maxInt;
    for (j = 0; j < points.length; j++) {
      v = points[j];
      if (v >= n && v < m) m = v;
    }
    if (m - n > floor((maxInt - delta) / (handled + 1))) fail('overflow');
    delta += (m - n) * (handled + 1);
    n = m;
    for (j = 0; j < points.length; j++) {
      v = points[j];
      if (v < n && ++delta > maxInt) fail('overflow');
      if (v === n) {
        var q = delta;
        for (var k = base; ; k += base) {
          var t = threshold(k, bias);
          if (q < t) break;
          output.push(String.fromCharCode(basicOf(t + (q - t) % (base - t))));
          q = floor((q - t) / (base - t));
        }
        output.push(String.fromCharCode(basicOf(q)));
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output.join('');
}

function toUnicode(input) {
  return mapDomain(input, function (label) {
    return /^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label;
  });
}

function toASCII(input) {
  return mapDomain(input, function (label) {
    return /[^\x20-\x7E]/.test(label) ? 'xn--' + encode(label) : label;
  });
}

exports.version = '1.4.1';
exports.ucs2 = { decode: ucs2decode, encode: ucs2encode };
exports.decode = decode;
exports.encode = encode;
exports.toASCII = toASCII;
exports.toUnicode = toUnicode;
