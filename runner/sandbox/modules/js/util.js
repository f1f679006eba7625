// Node's util: format and a compact inspect, the type predicates, and the
// helpers scripts use (inherits, deprecate, promisify).
var hasOwn = Object.prototype.hasOwnProperty;

function inspect(value, opts) {
  var depth = opts && typeof opts === 'object' && opts.depth !== undefined ? opts.depth : 2;
  return fmt(value, depth === null ? Infinity : depth, []);
}

function fmtKey(k) {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k.replace(/'/g, "\\'") + "'";
}

function fmt(v, depth, seen) {
  switch (typeof v) {
    case 'string': return "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return v + 'n';
    case 'boolean': case 'undefined': return String(v);
    case 'symbol': return v.toString();
    case 'function': return '[Function: ' + (v.name || '(anonymous)') + ']';
  }
  if (v === null) return 'null';
  if (seen.indexOf(v) >= 0) return '[Circular *1]';
  if (v instanceof Date) return isNaN(v) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (v instanceof Error) return v.stack || String(v);
  var isArr = Array.isArray(v);
  var keys = Object.keys(v);
  if (depth < 0) return isArr ? '[Array]' : '[Object]';
  seen.push(v);
  var parts = [];
  if (isArr) {
    for (var i = 0; i < v.length; i++) parts.push(hasOwn.call(v, i) ? fmt(v[i], depth - 1, seen) : '<1 empty item>');
    keys = keys.filter(function (k) { return !/^\d+$/.test(k); });
  }
  keys.forEach(function (k) { parts.push(fmtKey(k) + ': ' + fmt(v[k], depth - 1, seen)); });
  seen.pop();
  var open = isArr ? '[' : '{', close = isArr ? ']' : '}';
  if (!parts.length) return open + close;
  var one = open + ' ' + parts.join(', ') + ' ' + close;
  if (one.length <= 72 && one.indexOf('\n') < 0) return one;
  return open + '\n' + parts.map(function (p) { return '  ' + p.replace(/\n/g, '\n  '); }).join(',\n') + '\n' + close;
}

function format(f) {
  var args = arguments, i = 1, str;
  if (typeof f !== 'string') {
    var objs = [];
    for (var j = 0; j < args.length; j++) objs.push(typeof args[j] === 'string' ? args[j] : inspect(args[j]));
    return objs.join(' ');
  }
  str = String(f).replace(/%[sdifjoOc%]/g, function (x) {
    if (x === '%%') return '%';
    if (i >= args.length) return x;
    var a = args[i++];
    switch (x) {
      case '%s': return typeof a === 'string' ? a : (typeof a === 'object' && a !== null ? inspect(a, { depth: 0 }) : String(a));
      case '%d': return typeof a === 'object' && a !== null ? 'NaN' : String(Number(a));
      case '%i': return String(parseInt(a, 10));
      case '%f': return String(parseFloat(a));
      case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case '%o': case '%O': return inspect(a);
      case '%c': return '';
    }
    return x;
  });
  for (; i < args.length; i++) str += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i]));
  return str;
}

exports.format = format;
exports.inspect = inspect;
exports.isArray = Array.isArray;
exports.isBoolean = function (v) { return typeof v === 'boolean'; };
exports.isNull = function (v) { return v === null; };
exports.isNullOrUndefined = function (v) { return v == null; };
exports.isNumber = function (v) { return typeof v === 'number'; };
exports.isString = function (v) { return typeof v === 'string'; };
exports.isSymbol = function (v) { return typeof v === 'symbol'; };
exports.isUndefined = function (v) { return v === undefined; };
exports.isRegExp = function (v) { return v instanceof RegExp; };
exports.isObject = function (v) { return typeof v === 'object' && v !== null; };
exports.isDate = function (v) { return v instanceof Date; };
exports.isError = function (v) { return v instanceof Error; };
exports.isFunction = function (v) { return typeof v === 'function'; };
exports.isBuffer = function (v) { return v instanceof require('buffer').Buffer; };
// log is a no-op in Postman's sandbox (browserify's util).
exports.log = function () {};
exports.isPrimitive = function (v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); };
exports.inherits = function (ctor, superCtor) {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
};
exports.deprecate = function (fn) { return fn; };
exports.debuglog = function () { return function () {}; };
exports.promisify = function (fn) {
  return function () {
    var self = this, args = Array.prototype.slice.call(arguments);
    return new Promise(function (resolve, reject) {
      fn.apply(self, args.concat(function (err, val) { if (err) reject(err); else resolve(val); }));
    });
  };
};
exports._extend = function (target, src) {
  if (src && typeof src === 'object') Object.keys(src).forEach(function (k) { target[k] = src[k]; });
  return target;
};
exports.isDeepStrictEqual = function (a, b) { return require('lodash').isEqual(a, b); };
