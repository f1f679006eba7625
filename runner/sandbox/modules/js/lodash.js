// Our compact lodash: the functions Postman scripts use, each behaving as
// lodash 4.17.21's does (same argument handling, iteratee shorthands,
// SameValueZero comparisons, key order and edge cases). Functions not
// here are absent rather than approximated; `npm install lodash` brings
// the full library, which require() then prefers.
function runInContext() {
  var objProto = Object.prototype, hasOwn = objProto.hasOwnProperty, nativeToString = objProto.toString;
  var MAX_SAFE = 9007199254740991, MAX_INT = 1.7976931348623157e+308;
  var idCounter = 0;

  function _(value) {
    if (value instanceof Wrapper) return value;
    buildWrapper();
    return new Wrapper(value, false);
  }
  function Wrapper(value, chain) { this.__wrapped__ = value; this.__chain__ = !!chain; }

  // ---- type checks ----
  function tag(v) { return v == null ? (v === undefined ? '[object Undefined]' : '[object Null]') : nativeToString.call(v); }
  function isObject(v) { var t = typeof v; return v != null && (t == 'object' || t == 'function'); }
  function isObjectLike(v) { return v != null && typeof v == 'object'; }
  function isLength(v) { return typeof v == 'number' && v > -1 && v % 1 == 0 && v <= MAX_SAFE; }
  function isFunction(v) { return typeof v == 'function'; }
  function isArrayLike(v) { return v != null && isLength(v.length) && !isFunction(v); }
  function isArrayLikeObject(v) { return isObjectLike(v) && isArrayLike(v); }
  function isArguments(v) { return isObjectLike(v) && tag(v) == '[object Arguments]'; }
  var isArray = Array.isArray;
  function isString(v) { return typeof v == 'string' || (!isArray(v) && isObjectLike(v) && tag(v) == '[object String]'); }
  function isNumber(v) { return typeof v == 'number' || (isObjectLike(v) && tag(v) == '[object Number]'); }
  function isBoolean(v) { return v === true || v === false || (isObjectLike(v) && tag(v) == '[object Boolean]'); }
  function isSymbol(v) { return typeof v == 'symbol' || (isObjectLike(v) && tag(v) == '[object Symbol]'); }
  function isTypedArray(v) { return isObjectLike(v) && ArrayBuffer.isView(v) && !(v instanceof DataView); }
  function isPrototype(v) { var C = v && v.constructor; return v === ((typeof C == 'function' && C.prototype) || objProto); }
  function isPlainObject(v) {
    if (!isObjectLike(v) || tag(v) != '[object Object]') return false;
    var proto = Object.getPrototypeOf(v);
    if (proto === null) return true;
    var C = hasOwn.call(proto, 'constructor') && proto.constructor;
    return typeof C == 'function' && C instanceof C && Function.prototype.toString.call(C) == Function.prototype.toString.call(Object);
  }
  function isIndex(v, length) {
    var t = typeof v;
    length = length == null ? MAX_SAFE : length;
    return !!length && (t == 'number' || (t != 'symbol' && /^(?:0|[1-9]\d*)$/.test(v))) && (v > -1 && v % 1 == 0 && v < length);
  }
  function eq(a, b) { return a === b || (a !== a && b !== b); }

  // ---- conversions ----
  function toNumber(v) {
    if (typeof v == 'number') return v;
    if (isSymbol(v)) return NaN;
    if (isObject(v)) {
      var o = typeof v.valueOf == 'function' ? v.valueOf() : v;
      v = isObject(o) ? (o + '') : o;
    }
    if (typeof v != 'string') return v === 0 ? v : +v;
    v = v.replace(/^\s+|\s+$/g, '');
    var isBinary = /^0b[01]+$/i.test(v);
    return (isBinary || /^0o[0-7]+$/i.test(v)) ? parseInt(v.slice(2), isBinary ? 2 : 8) : (/^[-+]0x[0-9a-f]+$/i.test(v) ? NaN : +v);
  }
  function toFinite(v) {
    if (!v) return v === 0 ? v : 0;
    v = toNumber(v);
    if (v === Infinity || v === -Infinity) return (v < 0 ? -1 : 1) * MAX_INT;
    return v === v ? v : 0;
  }
  function toInteger(v) { var r = toFinite(v), rem = r % 1; return r === r ? (rem ? r - rem : r) : 0; }
  function baseToString(v) {
    if (typeof v == 'string') return v;
    if (isArray(v)) return v.map(baseToString) + '';
    if (isSymbol(v)) return v.toString();
    var r = v + '';
    return (r == '0' && 1 / v == -Infinity) ? '-0' : r;
  }
  function toStr(v) {
    if (v == null) return '';
    if (typeof v == 'string') return v;
    if (isArray(v)) return v.map(baseToString) + '';
    if (isSymbol(v)) return v.toString();
    var r = v + '';
    return (r == '0' && 1 / v == -Infinity) ? '-0' : r;
  }
  function toKey(v) {
    if (typeof v == 'string' || isSymbol(v)) return v;
    var r = v + '';
    return (r == '0' && 1 / v == -Infinity) ? '-0' : r;
  }

  // ---- paths ----
  var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/, reIsPlainProp = /^\w*$/;
  var rePropName = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
  function isKey(v, object) {
    if (isArray(v)) return false;
    var t = typeof v;
    if (t == 'number' || t == 'symbol' || t == 'boolean' || v == null || isSymbol(v)) return true;
    return reIsPlainProp.test(v) || !reIsDeepProp.test(v) || (object != null && v in Object(object));
  }
  function stringToPath(s) {
    var result = [];
    if (s.charCodeAt(0) === 46) result.push('');
    s.replace(rePropName, function (match, number, quote, sub) {
      result.push(quote ? sub.replace(/\\(\\)?/g, '$1') : (number || match));
    });
    return result;
  }
  function castPath(v, object) { return isArray(v) ? v : (isKey(v, object) ? [v] : stringToPath(toStr(v))); }
  function baseGet(object, path) {
    path = castPath(path, object);
    var i = 0, n = path.length;
    while (object != null && i < n) object = object[toKey(path[i++])];
    return (i && i == n) ? object : undefined;
  }
  function get(object, path, def) { var r = object == null ? undefined : baseGet(object, path); return r === undefined ? def : r; }
  function hasPath(object, path, test) {
    path = castPath(path, object);
    var i = -1, n = path.length, result = false, key;
    while (++i < n) {
      key = toKey(path[i]);
      if (!(result = object != null && test(object, key))) break;
      object = object[key];
    }
    if (result || ++i != n) return result;
    n = object == null ? 0 : object.length;
    return !!n && isLength(n) && isIndex(key, n) && (isArray(object) || isArguments(object));
  }
  function has(object, path) { return object != null && hasPath(object, path, function (o, k) { return hasOwn.call(o, k); }); }
  function hasIn(object, path) { return object != null && hasPath(object, path, function (o, k) { return k in Object(o); }); }
  function assignValue(object, key, value) {
    var objValue = object[key];
    if (!(hasOwn.call(object, key) && eq(objValue, value)) || (value === undefined && !(key in object))) {
      if (key == '__proto__') Object.defineProperty(object, key, { configurable: true, enumerable: true, value: value, writable: true });
      else object[key] = value;
    }
  }
  // customizer is setWith's: it may give the object a missing level of
  // the path becomes.
  function baseSet(object, path, value, customizer) {
    if (!isObject(object)) return object;
    path = castPath(path, object);
    var i = -1, n = path.length, last = n - 1, nested = object;
    while (nested != null && ++i < n) {
      var key = toKey(path[i]), newValue = value;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return object;
      if (i != last) {
        var objValue = nested[key];
        newValue = customizer ? customizer(objValue, key, nested) : undefined;
        if (newValue === undefined) newValue = isObject(objValue) ? objValue : (isIndex(path[i + 1]) ? [] : {});
      }
      assignValue(nested, key, newValue);
      nested = nested[key];
    }
    return object;
  }
  function set(object, path, value) { return object == null ? object : baseSet(object, path, value); }
  function unset(object, path) {
    if (object == null) return true;
    path = castPath(path, object);
    var parent = path.length < 2 ? object : baseGet(object, path.slice(0, -1));
    var key = toKey(path[path.length - 1]);
    return parent == null || delete parent[key];
  }

  // ---- keys ----
  function arrayLikeKeys(v) {
    var r = [], n = v.length, i;
    for (i = 0; i < n; i++) r.push(String(i));
    var skipLen = isArray(v) || isString(v) || isArguments(v) || isTypedArray(v);
    for (var k in v) {
      if (hasOwn.call(v, k) && !(skipLen && (k == 'length' || isIndex(k, n)))) r.push(k);
    }
    return r;
  }
  function keys(v) {
    if (isArrayLike(v)) return arrayLikeKeys(Object(v));
    if (v == null) return [];
    var ks = Object.keys(Object(v));
    return isPrototype(v) ? ks.filter(function (k) { return k != 'constructor'; }) : ks;
  }
  function keysIn(v) {
    if (v == null) return [];
    if (isArrayLike(v)) {
      var r = arrayLikeKeys(Object(v));
      for (var k0 in v) if (!hasOwn.call(v, k0) && r.indexOf(k0) < 0) r.push(k0);
      return r;
    }
    var res = [], proto = isPrototype(v);
    for (var k in v) if (!(k == 'constructor' && (proto || !hasOwn.call(v, k)))) res.push(k);
    return res;
  }
  function values(v) { return v == null ? [] : keys(v).map(function (k) { return v[k]; }); }
  function valuesIn(v) { return v == null ? [] : keysIn(v).map(function (k) { return v[k]; }); }

  // ---- iteratees ----
  function identity(v) { return v; }
  function property(path) {
    return isKey(path) ? function (o) { return o == null ? undefined : o[toKey(path)]; } : function (o) { return baseGet(o, path); };
  }
  function baseIsMatch(object, source) {
    var props = keys(source), n = props.length;
    if (object == null) return !n;
    object = Object(object);
    for (var i = 0; i < n; i++) {
      var k = props[i], srcValue = source[k];
      if (srcValue === undefined && !(k in object)) return false;
      if (!partialEqual(object[k], srcValue, [])) return false;
    }
    return true;
  }
  // lodash's COMPARE_PARTIAL|COMPARE_UNORDERED equality used by matches.
  function partialEqual(obj, src, stack) {
    if (obj === src) return true;
    if (obj == null || src == null || (!isObjectLike(obj) && !isObjectLike(src))) return obj !== obj && src !== src;
    if (isArray(src) || isTypedArray(src)) {
      if (!(isArray(obj) || isTypedArray(obj)) || tag(obj) != tag(src)) return false;
      if (src.length > obj.length) return false;
      var used = [];
      for (var i = 0; i < src.length; i++) {
        var found = false;
        for (var j = 0; j < obj.length; j++) {
          if (!used[j] && (src[i] === obj[j] || partialEqual(obj[j], src[i], stack))) { used[j] = true; found = true; break; }
        }
        if (!found) return false;
      }
      return true;
    }
    if (tag(src) == '[object Object]' || tag(src) == '[object Arguments]') {
      if (!isObjectLike(obj) || isArray(obj)) return false;
      if (stack.indexOf(src) >= 0) return true;
      stack.push(src);
      var ok = keys(src).every(function (k) { return hasOwn.call(obj, k) && partialEqual(obj[k], src[k], stack); });
      stack.pop();
      return ok;
    }
    return isEqual(obj, src);
  }
  // customizer is cloneWith's and cloneDeepWith's: called with the value
  // (and, below the top, its key and parent), its answer used unless
  // undefined.
  function baseClone(v, deep, stack, parent, customizer, key) {
    if (customizer) {
      var custom = parent ? customizer(v, key, parent) : customizer(v);
      if (custom !== undefined) return custom;
    }
    if (!isObject(v)) return v;
    var t = tag(v), result;
    if (isArray(v)) {
      result = new Array(v.length);
      if (v.length && typeof v[0] == 'string' && hasOwn.call(v, 'index')) { result.index = v.index; result.input = v.input; }
    } else if (t == '[object Object]' || t == '[object Arguments]' || (isFunction(v) && !parent)) {
      if (isFunction(v)) return parent ? v : {};
      result = (typeof v.constructor == 'function' && !isPrototype(v)) ? Object.create(Object.getPrototypeOf(v)) : {};
    } else {
      switch (t) {
        case '[object Date]': return new Date(+v);
        case '[object RegExp]': var re = new RegExp(v.source, /\w*$/.exec(v)[0]); re.lastIndex = v.lastIndex; return re;
        case '[object Boolean]': case '[object Number]': case '[object String]': return Object(v.valueOf());
        case '[object Map]':
          result = new Map();
          v.forEach(function (val, k) { result.set(k, deep ? baseClone(val, deep, stack, v, customizer, k) : val); });
          return result;
        case '[object Set]':
          result = new Set();
          v.forEach(function (val) { result.add(deep ? baseClone(val, deep, stack, v, customizer, val) : val); });
          return result;
        case '[object ArrayBuffer]': return v.slice(0);
      }
      if (isTypedArray(v)) return new v.constructor(v);
      return parent ? v : {};
    }
    if (deep) {
      for (var s = 0; s < stack.length; s++) if (stack[s][0] === v) return stack[s][1];
      stack.push([v, result]);
    }
    var props = isArray(v) ? null : keys(v);
    (props || v).forEach(function (val, k) {
      if (props) { k = val; val = v[k]; }
      assignValue(result, k, deep ? baseClone(val, deep, stack, v, customizer, k) : val);
    });
    if (isArray(v)) {
      for (var i = 0; i < v.length; i++) if (!(i in v)) result[i] = undefined;
    }
    return result;
  }
  function clone(v) { return baseClone(v, false, []); }
  function cloneDeep(v) { return baseClone(v, true, []); }
  function matches(source) { source = cloneDeep(source); return function (o) { return o === source || baseIsMatch(o, source); }; }
  function matchesProperty(path, srcValue) {
    srcValue = cloneDeep(srcValue);
    return function (o) {
      var v = get(o, path);
      return (v === undefined && v === srcValue) ? hasIn(o, path) : partialEqual(v, srcValue, []);
    };
  }
  function iteratee(f) {
    if (typeof f == 'function') return f;
    if (f == null) return identity;
    if (typeof f == 'object') return isArray(f) ? matchesProperty(f[0], f[1]) : matches(f);
    return property(f);
  }
  function castFunction(f) { return typeof f == 'function' ? f : identity; }

  // ---- equality ----
  function isEqual(a, b) { return baseIsEqual(a, b, []); }
  // customizer is isEqualWith's: asked first about each pair of array
  // items and object values (with the index or key and both parents); a
  // defined answer decides that pair.
  function customEqual(customizer, x, y, k, a, b, stack) {
    var c = customizer(x, y, k, a, b);
    return c === undefined ? (x === y || baseIsEqual(x, y, stack, customizer)) : !!c;
  }
  function baseIsEqual(a, b, stack, customizer) {
    if (a === b) return true;
    if (a == null || b == null || (!isObjectLike(a) && !isObjectLike(b))) return a !== a && b !== b;
    var aTag = isArray(a) ? '[object Array]' : tag(a), bTag = isArray(b) ? '[object Array]' : tag(b);
    if (aTag == '[object Arguments]') aTag = '[object Object]';
    if (bTag == '[object Arguments]') bTag = '[object Object]';
    if (aTag != bTag) return false;
    for (var s = 0; s < stack.length; s++) if (stack[s][0] === a) return stack[s][1] === b;
    switch (aTag) {
      case '[object Date]': case '[object Boolean]': case '[object Number]': return eq(+a, +b);
      case '[object RegExp]': case '[object String]': return a == (b + '');
      case '[object Error]': return a.name == b.name && a.message == b.message;
      case '[object Symbol]': return Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
      case '[object Map]': case '[object Set]':
        if (a.size != b.size) return false;
        stack.push([a, b]);
        var av = [], bv = [];
        a.forEach(function (v, k) { av.push(aTag == '[object Map]' ? [k, v] : v); });
        b.forEach(function (v, k) { bv.push(aTag == '[object Map]' ? [k, v] : v); });
        var okSet = av.every(function (x) { return bv.some(function (y) { return x === y || baseIsEqual(x, y, stack); }); });
        stack.pop();
        return okSet;
      case '[object ArrayBuffer]':
        return a.byteLength == b.byteLength && baseIsEqual(new Uint8Array(a), new Uint8Array(b), stack);
    }
    stack.push([a, b]);
    var result = true;
    if (aTag == '[object Array]' || isTypedArray(a)) {
      if (a.length != b.length) result = false;
      for (var i = 0; result && i < a.length; i++) {
        if (customizer ? !customEqual(customizer, a[i], b[i], i, a, b, stack) : !(a[i] === b[i] || baseIsEqual(a[i], b[i], stack))) result = false;
      }
    } else if (aTag == '[object Object]') {
      var ak = keys(a), bk = keys(b), skipCtor = false;
      if (ak.length != bk.length) result = false;
      for (var j = 0; result && j < ak.length; j++) {
        var k = ak[j];
        if (!hasOwn.call(b, k) || (customizer ? !customEqual(customizer, a[k], b[k], k, a, b, stack) : !(a[k] === b[k] || baseIsEqual(a[k], b[k], stack)))) result = false;
        skipCtor = skipCtor || k == 'constructor';
      }
      if (result && !skipCtor) {
        var ac = a.constructor, bc = b.constructor;
        if (ac != bc && ('constructor' in a && 'constructor' in b) &&
          !(typeof ac == 'function' && ac instanceof ac && typeof bc == 'function' && bc instanceof bc)) result = false;
      }
    } else {
      result = false;
    }
    stack.pop();
    return result;
  }

  // ---- collections ----
  function baseEach(coll, f) {
    if (coll == null) return coll;
    if (isArrayLike(coll)) {
      var it = Object(coll);
      for (var i = 0; i < coll.length; i++) if (f(it[i], i, coll) === false) break;
      return coll;
    }
    var ks = keys(coll);
    for (var j = 0; j < ks.length; j++) if (f(coll[ks[j]], ks[j], coll) === false) break;
    return coll;
  }
  function baseEachRight(coll, f) {
    if (coll == null) return coll;
    if (isArrayLike(coll)) {
      var it = Object(coll);
      for (var i = coll.length - 1; i >= 0; i--) if (f(it[i], i, coll) === false) break;
      return coll;
    }
    var ks = keys(coll);
    for (var j = ks.length - 1; j >= 0; j--) if (f(coll[ks[j]], ks[j], coll) === false) break;
    return coll;
  }
  function forEach(coll, f) { return baseEach(coll, castFunction(f)); }
  function forEachRight(coll, f) { return baseEachRight(coll, castFunction(f)); }
  function forOwn(obj, f) { f = castFunction(f); var ks = keys(obj); for (var i = 0; i < ks.length; i++) if (f(obj[ks[i]], ks[i], obj) === false) break; return obj; }
  function forIn(obj, f) { f = castFunction(f); var ks = keysIn(obj); for (var i = 0; i < ks.length; i++) if (f(obj[ks[i]], ks[i], obj) === false) break; return obj; }
  function map(coll, f) { f = iteratee(f); var r = []; baseEach(coll, function (v, k, c) { r.push(f(v, k, c)); }); return r; }
  function flatMap(coll, f) { return baseFlatten(map(coll, f), 1); }
  function filter(coll, f) { f = iteratee(f); var r = []; baseEach(coll, function (v, k, c) { if (f(v, k, c)) r.push(v); }); return r; }
  function reject(coll, f) { f = iteratee(f); return filter(coll, function (v, k, c) { return !f(v, k, c); }); }
  function partition(coll, f) { f = iteratee(f); var r = [[], []]; baseEach(coll, function (v, k, c) { r[f(v, k, c) ? 0 : 1].push(v); }); return r; }
  function some(coll, f) { f = iteratee(f); var r = false; baseEach(coll, function (v, k, c) { return !(r = !!f(v, k, c)); }); return r; }
  function every(coll, f) { f = iteratee(f); var r = true; baseEach(coll, function (v, k, c) { return (r = !!f(v, k, c)); }); return r; }
  function baseFindIndex(array, pred, from, right) {
    var n = array.length, i = from + (right ? 1 : -1);
    while (right ? i-- : ++i < n) if (pred(array[i], i, array)) return i;
    return -1;
  }
  function findIndex(array, pred, fromIndex) {
    var n = array == null ? 0 : array.length;
    if (!n) return -1;
    var i = fromIndex == null ? 0 : toInteger(fromIndex);
    if (i < 0) i = Math.max(n + i, 0);
    return baseFindIndex(array, iteratee(pred), i);
  }
  function findLastIndex(array, pred, fromIndex) {
    var n = array == null ? 0 : array.length;
    if (!n) return -1;
    var i = n - 1;
    if (fromIndex !== undefined) { i = toInteger(fromIndex); i = fromIndex < 0 ? Math.max(n + i, 0) : Math.min(i, n - 1); }
    return baseFindIndex(array, iteratee(pred), i, true);
  }
  function createFind(findIdx) {
    return function (coll, pred, fromIndex) {
      var it = Object(coll);
      if (!isArrayLike(coll)) {
        var f = iteratee(pred);
        coll = keys(coll);
        pred = function (k) { return f(it[k], k, it); };
      }
      var i = findIdx(coll, pred, fromIndex);
      return i > -1 ? it[typeof f == 'function' ? coll[i] : i] : undefined;
    };
  }
  var find = createFind(findIndex), findLast = createFind(findLastIndex);
  function reduce(coll, f, acc) {
    var init = arguments.length < 3;
    f = iteratee(f);
    baseEach(coll, function (v, k, c) { acc = init ? (init = false, v) : f(acc, v, k, c); });
    return acc;
  }
  function reduceRight(coll, f, acc) {
    var init = arguments.length < 3;
    f = iteratee(f);
    baseEachRight(coll, function (v, k, c) { acc = init ? (init = false, v) : f(acc, v, k, c); });
    return acc;
  }
  function baseIndexOf(array, value, from) {
    if (value !== value) { for (var j = from; j < array.length; j++) if (array[j] !== array[j]) return j; return -1; }
    for (var i = from; i < array.length; i++) if (array[i] === value) return i;
    return -1;
  }
  function includes(coll, value, fromIndex, guard) {
    coll = isArrayLike(coll) ? coll : values(coll);
    fromIndex = (fromIndex && !guard) ? toInteger(fromIndex) : 0;
    var n = coll.length;
    if (fromIndex < 0) fromIndex = Math.max(n + fromIndex, 0);
    return isString(coll) ? (fromIndex <= n && coll.indexOf(value, fromIndex) > -1) : (!!n && baseIndexOf(coll, value, fromIndex) > -1);
  }
  function indexOf(array, value, fromIndex) {
    var n = array == null ? 0 : array.length;
    if (!n) return -1;
    var i = fromIndex == null ? 0 : toInteger(fromIndex);
    if (i < 0) i = Math.max(n + i, 0);
    return baseIndexOf(array, value, i);
  }
  function lastIndexOf(array, value, fromIndex) {
    var n = array == null ? 0 : array.length;
    if (!n) return -1;
    var i = n - 1;
    if (fromIndex !== undefined) { i = toInteger(fromIndex); i = i < 0 ? Math.max(n + i, 0) : Math.min(i, n - 1); }
    for (; i >= 0; i--) if (eq(array[i], value)) return i;
    return -1;
  }
  function size(coll) {
    if (coll == null) return 0;
    if (isArrayLike(coll)) return isString(coll) ? Array.from(String(coll)).length : coll.length;
    var t = tag(coll);
    if (t == '[object Map]' || t == '[object Set]') return coll.size;
    return keys(coll).length;
  }
  function compareAscending(value, other) {
    if (value !== other) {
      var vd = value !== undefined, vn = value === null, vr = value === value, vs = isSymbol(value);
      var od = other !== undefined, on = other === null, or = other === other, os = isSymbol(other);
      if ((!on && !os && !vs && value > other) || (vs && od && or && !on && !os) || (vn && od && or) || (!vd && or) || !vr) return 1;
      if ((!vn && !vs && !os && value < other) || (os && vd && vr && !vn && !vs) || (on && vd && vr) || (!od && vr) || !or) return -1;
    }
    return 0;
  }
  function baseOrderBy(coll, iteratees, orders) {
    iteratees = iteratees.length ? iteratees.map(function (it) {
      if (isArray(it)) return function (v) { return baseGet(v, it.length === 1 ? it[0] : it); };
      return iteratee(it);
    }) : [identity];
    var i = -1, result = [];
    baseEach(coll, function (v) {
      result.push({ criteria: iteratees.map(function (f) { return f(v); }), index: ++i, value: v });
    });
    result.sort(function (a, b) {
      for (var j = 0; j < a.criteria.length; j++) {
        var r = compareAscending(a.criteria[j], b.criteria[j]);
        if (r) return j >= orders.length ? r : r * (orders[j] == 'desc' ? -1 : 1);
      }
      return a.index - b.index;
    });
    return result.map(function (x) { return x.value; });
  }
  function sortBy(coll) {
    if (coll == null) return [];
    var its = baseFlatten(Array.prototype.slice.call(arguments, 1), 1);
    return baseOrderBy(coll, its, []);
  }
  function orderBy(coll, its, orders, guard) {
    if (coll == null) return [];
    if (!isArray(its)) its = its == null ? [] : [its];
    orders = guard ? undefined : orders;
    if (!isArray(orders)) orders = orders == null ? [] : [orders];
    return baseOrderBy(coll, its, orders);
  }
  function createAggregator(setter, init) {
    return function (coll, f) {
      f = iteratee(f);
      var r = init();
      baseEach(coll, function (v) { setter(r, v, f(v)); });
      return r;
    };
  }
  var groupBy = createAggregator(function (r, v, k) { if (hasOwn.call(r, k)) r[k].push(v); else r[k] = [v]; }, function () { return {}; });
  var countBy = createAggregator(function (r, v, k) { if (hasOwn.call(r, k)) ++r[k]; else r[k] = 1; }, function () { return {}; });
  var keyBy = createAggregator(function (r, v, k) { r[k] = v; }, function () { return {}; });
  function sample(coll) { var a = isArrayLike(coll) ? coll : values(coll); return a.length ? a[Math.floor(Math.random() * a.length)] : undefined; }
  function shuffle(coll) {
    var a = isArrayLike(coll) ? Array.prototype.slice.call(coll) : values(coll);
    for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  }
  function sampleSize(coll, n) { n = n === undefined ? 1 : Math.max(0, Math.min(toInteger(n), size(coll))); return shuffle(coll).slice(0, n); }
  function toArray(v) {
    if (!v) return [];
    if (isArrayLike(v)) return isString(v) ? Array.from(String(v)) : Array.prototype.slice.call(v);
    var t = tag(v);
    if (t == '[object Map]') return Array.from(v.entries());
    if (t == '[object Set]') return Array.from(v.values());
    return values(v);
  }

  // ---- arrays ----
  function isFlattenable(v) { return isArray(v) || isArguments(v); }
  function baseFlatten(array, depth, result) {
    result = result || [];
    for (var i = 0; i < array.length; i++) {
      var v = array[i];
      if (depth > 0 && isFlattenable(v)) {
        if (depth > 1) baseFlatten(v, depth - 1, result);
        else for (var j = 0; j < v.length; j++) result.push(v[j]);
      } else {
        result.push(v);
      }
    }
    return result;
  }
  function flatten(a) { return a != null && a.length ? baseFlatten(a, 1) : []; }
  function flattenDeep(a) { return a != null && a.length ? baseFlatten(a, Infinity) : []; }
  function flattenDepth(a, d) { return a != null && a.length ? baseFlatten(a, d === undefined ? 1 : toInteger(d)) : []; }
  function compact(a) { var r = []; if (a) for (var i = 0; i < a.length; i++) if (a[i]) r.push(a[i]); return r; }
  function baseUniq(array, f, cmp) {
    var r = [], seen = [];
    if (array) {
      for (var i = 0; i < array.length; i++) {
        var v = array[i], c = f ? f(v) : v;
        var dup = cmp ? seen.some(function (s) { return cmp(c, s); }) : baseIndexOf(seen, c, 0) > -1;
        if (!dup) { seen.push(c); r.push(v); }
      }
    }
    return r;
  }
  function uniq(a) { return a && a.length ? baseUniq(a) : []; }
  function uniqBy(a, f) { return a && a.length ? baseUniq(a, iteratee(f)) : []; }
  function uniqWith(a, cmp) { return a && a.length ? baseUniq(a, null, typeof cmp == 'function' ? cmp : undefined) : []; }
  function arrayArgs(args) { return Array.prototype.filter.call(args, isArrayLikeObject); }
  function lastFn(args) { var l = args[args.length - 1]; return isArrayLikeObject(l) ? undefined : l; }
  function union() { return baseUniq(baseFlatten(arrayArgs(arguments), 1)); }
  function unionBy() { var f = lastFn(arguments); return baseUniq(baseFlatten(arrayArgs(arguments), 1), iteratee(f)); }
  function baseDifference(array, vals, f) {
    if (!isArrayLikeObject(array)) return [];
    var cv = f ? vals.map(f) : vals;
    return Array.prototype.filter.call(array, function (v) { return baseIndexOf(cv, f ? f(v) : v, 0) < 0; });
  }
  function difference(array) { return baseDifference(array, baseFlatten(arrayArgs(Array.prototype.slice.call(arguments, 1)), 1)); }
  function differenceBy(array) {
    var rest = Array.prototype.slice.call(arguments, 1), f = lastFn(rest);
    return baseDifference(array, baseFlatten(arrayArgs(rest), 1), f === undefined ? undefined : iteratee(f));
  }
  function without(array) { return isArrayLikeObject(array) ? baseDifference(array, Array.prototype.slice.call(arguments, 1)) : []; }
  function baseIntersection(arrays, f) {
    if (!arrays.length) return [];
    var first = arrays[0], rest = arrays.slice(1).map(function (a) { return f ? Array.prototype.map.call(a, function (x) { return f(x); }) : a; });
    var r = [], seen = [];
    for (var i = 0; i < first.length; i++) {
      var v = first[i], c = f ? f(v) : v;
      if (baseIndexOf(seen, c, 0) > -1) continue;
      if (rest.every(function (a) { return baseIndexOf(a, c, 0) > -1; })) { seen.push(c); r.push(v); }
    }
    return r;
  }
  function intersection() { return baseIntersection(arrayArgs(arguments)); }
  function intersectionBy() { var f = lastFn(arguments); return baseIntersection(arrayArgs(arguments), iteratee(f)); }
  function xor() {
    var arrays = arrayArgs(arguments), all = baseFlatten(arrays.map(uniq), 1);
    return uniq(all.filter(function (v) { return all.filter(function (x) { return eq(x, v); }).length == 1; }));
  }
  function chunk(array, n) {
    n = n === undefined ? 1 : Math.max(toInteger(n), 0);
    var len = array == null ? 0 : array.length, r = [];
    if (!len || n < 1) return [];
    for (var i = 0; i < len; i += n) r.push(Array.prototype.slice.call(array, i, i + n));
    return r;
  }
  function unzip(array) {
    if (!(array && array.length)) return [];
    var n = 0;
    array = array.filter(function (g) { if (isArrayLikeObject(g)) { n = Math.max(g.length, n); return true; } return false; });
    var r = [];
    for (var i = 0; i < n; i++) r.push(array.map(function (g) { return g[i]; }));
    return r;
  }
  function zip() { return unzip(Array.prototype.slice.call(arguments)); }
  function zipObject(props, vals) {
    var r = {};
    props = props || [];
    vals = vals || [];
    for (var i = 0; i < props.length; i++) assignValue(r, props[i], i < vals.length ? vals[i] : undefined);
    return r;
  }
  function head(a) { return a && a.length ? a[0] : undefined; }
  function last(a) { var n = a == null ? 0 : a.length; return n ? a[n - 1] : undefined; }
  function nth(a, n) { if (!(a && a.length)) return undefined; n = toInteger(n); if (n < 0) n += a.length; return isIndex(n, a.length) ? a[n] : undefined; }
  function baseSlice(a, start, end) { return Array.prototype.slice.call(a, start, end); }
  function tail(a) { var n = a == null ? 0 : a.length; return n ? baseSlice(a, 1, n) : []; }
  function initial(a) { var n = a == null ? 0 : a.length; return n ? baseSlice(a, 0, -1) : []; }
  function take(a, n, guard) { if (!(a && a.length)) return []; n = (guard || n === undefined) ? 1 : toInteger(n); return baseSlice(a, 0, n < 0 ? 0 : n); }
  function takeRight(a, n, guard) { var len = a == null ? 0 : a.length; if (!len) return []; n = (guard || n === undefined) ? 1 : toInteger(n); n = len - n; return baseSlice(a, n < 0 ? 0 : n, len); }
  function drop(a, n, guard) { var len = a == null ? 0 : a.length; if (!len) return []; n = (guard || n === undefined) ? 1 : toInteger(n); return baseSlice(a, n < 0 ? 0 : n, len); }
  function dropRight(a, n, guard) { var len = a == null ? 0 : a.length; if (!len) return []; n = (guard || n === undefined) ? 1 : toInteger(n); n = len - n; return baseSlice(a, 0, n < 0 ? 0 : n); }
  function slice(a, start, end) { var n = a == null ? 0 : a.length; if (!n) return []; start = start == null ? 0 : toInteger(start); end = end === undefined ? n : toInteger(end); return baseSlice(a, start, end); }
  function concat() {
    var n = arguments.length;
    if (!n) return [];
    var r = isArray(arguments[0]) ? arguments[0].slice() : [arguments[0]];
    for (var i = 1; i < n; i++) { var v = arguments[i]; if (isArray(v)) r.push.apply(r, v); else r.push(v); }
    return r;
  }
  function join(a, sep) { return a == null ? '' : Array.prototype.join.call(a, sep); }
  function reverse(a) { return a == null ? a : Array.prototype.reverse.call(a); }
  function pull(a) {
    var vals = Array.prototype.slice.call(arguments, 1);
    if (!(a && a.length && vals.length)) return a;
    for (var i = a.length - 1; i >= 0; i--) if (baseIndexOf(vals, a[i], 0) > -1) Array.prototype.splice.call(a, i, 1);
    return a;
  }
  function remove(a, pred) {
    var r = [];
    if (!(a && a.length)) return r;
    pred = iteratee(pred);
    var idx = [];
    for (var i = 0; i < a.length; i++) if (pred(a[i], i, a)) { r.push(a[i]); idx.push(i); }
    for (var j = idx.length - 1; j >= 0; j--) Array.prototype.splice.call(a, idx[j], 1);
    return r;
  }
  function fromPairs(pairs) { var r = {}; if (pairs) for (var i = 0; i < pairs.length; i++) r[pairs[i][0]] = pairs[i][1]; return r; }
  function toPairs(obj) {
    var t = tag(obj);
    if (t == '[object Map]') return Array.from(obj.entries());
    if (t == '[object Set]') return Array.from(obj.values()).map(function (v) { return [v, v]; });
    return keys(obj).map(function (k) { return [k, obj[k]]; });
  }
  function toPairsIn(obj) { return keysIn(obj).map(function (k) { return [k, obj[k]]; }); }
  function range(start, end, step) {
    start = toFinite(start);
    if (end === undefined) { end = start; start = 0; } else end = toFinite(end);
    step = step === undefined ? (start < end ? 1 : -1) : toFinite(step);
    var n = Math.max(Math.ceil((end - start) / (step || 1)), 0), r = new Array(n);
    for (var i = 0; i < n; i++) { r[i] = start; start += step; }
    return r;
  }
  function rangeRight() { return range.apply(null, arguments).reverse(); }
  function times(n, f) {
    n = toInteger(n);
    if (n < 1 || n > MAX_SAFE) return [];
    f = castFunction(f);
    var r = [];
    for (var i = 0; i < Math.min(n, 4294967295); i++) r.push(f(i));
    return r;
  }

  // ---- objects ----
  function pick(object) {
    var paths = baseFlatten(Array.prototype.slice.call(arguments, 1), 1), r = {};
    if (object == null) return r;
    paths.forEach(function (p) { if (hasIn(object, p)) baseSet(r, castPath(p, object), baseGet(object, p)); });
    return r;
  }
  function pickBy(object, pred) {
    var r = {};
    if (object == null) return r;
    pred = iteratee(pred);
    keysIn(object).forEach(function (k) { if (pred(object[k], k)) r[k] = object[k]; });
    return r;
  }
  function omit(object) {
    var r = {};
    if (object == null) return r;
    var deepPath = false;
    var paths = baseFlatten(Array.prototype.slice.call(arguments, 1), 1).map(function (p) {
      p = castPath(p, object);
      deepPath = deepPath || p.length > 1;
      return p;
    });
    keysIn(object).forEach(function (k) { r[k] = object[k]; });
    if (deepPath) r = omitClone(r, []);
    paths.forEach(function (p) { unset(r, p); });
    return r;
  }
  function omitClone(v, stack) {
    if (isArray(v)) return v.map(function (x) { return omitClone(x, stack); });
    if (!isPlainObject(v)) return v;
    var r = {};
    Object.keys(v).forEach(function (k) { r[k] = omitClone(v[k], stack); });
    return r;
  }
  function omitBy(object, pred) { pred = iteratee(pred); return pickBy(object, function (v, k) { return !pred(v, k); }); }
  function assign(object) {
    object = Object(object);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src == null) continue;
      keys(src).forEach(function (k) { assignValue(object, k, src[k]); });
    }
    return object;
  }
  function assignIn(object) {
    object = Object(object);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src == null) continue;
      keysIn(src).forEach(function (k) { assignValue(object, k, src[k]); });
    }
    return object;
  }
  function defaults(object) {
    object = Object(object);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src == null) continue;
      keysIn(src).forEach(function (k) {
        var v = object[k];
        if (v === undefined || (eq(v, objProto[k]) && !hasOwn.call(object, k))) object[k] = src[k];
      });
    }
    return object;
  }
  function assignMergeValue(object, key, value) {
    if ((value !== undefined && !eq(object[key], value)) || (value === undefined && !(key in object))) {
      if (key == '__proto__') Object.defineProperty(object, key, { configurable: true, enumerable: true, value: value, writable: true });
      else object[key] = value;
    }
  }
  function safeGet(object, key) {
    if (key === 'constructor' && typeof object[key] === 'function') return undefined;
    if (key == '__proto__') return undefined;
    return object[key];
  }
  // customizer is mergeWith's: its result, unless undefined, is the
  // merged value. Its sixth argument is the [source, merged] pairs being
  // merged (lodash passes its Stack).
  function baseMerge(object, source, stack, customizer) {
    if (object === source) return;
    (isArrayLike(source) || isObject(source) ? keysIn(source) : []).forEach(function (key) {
      var srcValue = safeGet(source, key);
      if (isObject(srcValue)) {
        baseMergeDeep(object, source, key, stack, customizer);
      } else {
        var newValue = customizer ? customizer(safeGet(object, key), srcValue, key + '', object, source, stack) : undefined;
        assignMergeValue(object, key, newValue === undefined ? srcValue : newValue);
      }
    });
  }
  function baseMergeDeep(object, source, key, stack, customizer) {
    var objValue = safeGet(object, key), srcValue = safeGet(source, key);
    for (var s = 0; s < stack.length; s++) if (stack[s][0] === srcValue) { assignMergeValue(object, key, stack[s][1]); return; }
    var newValue = customizer ? customizer(objValue, srcValue, key + '', object, source, stack) : undefined;
    var isCommon = newValue === undefined;
    if (!isCommon) {
      // the customizer's value
    } else if (isArray(srcValue) || isTypedArray(srcValue)) {
      if (isArray(objValue)) newValue = objValue;
      else if (isArrayLikeObject(objValue)) newValue = Array.prototype.slice.call(objValue);
      else if (isTypedArray(srcValue)) { isCommon = false; newValue = new srcValue.constructor(srcValue); }
      else newValue = [];
    } else if (isPlainObject(srcValue) || isArguments(srcValue)) {
      newValue = objValue;
      if (isArguments(objValue)) newValue = assignIn({}, objValue);
      else if (!isObject(objValue) || isFunction(objValue)) newValue = Object.create(Object.getPrototypeOf(srcValue));
    } else {
      isCommon = false;
      newValue = srcValue;
    }
    if (isCommon) {
      stack.push([srcValue, newValue]);
      baseMerge(newValue, srcValue, stack, customizer);
      stack.pop();
    }
    assignMergeValue(object, key, newValue);
  }
  function merge(object) {
    object = Object(object);
    for (var i = 1; i < arguments.length; i++) if (arguments[i] != null) baseMerge(object, arguments[i], []);
    return object;
  }
  function mergeWith(object) {
    var n = arguments.length, customizer = n > 2 && typeof arguments[n - 1] == 'function' ? arguments[--n] : undefined;
    object = Object(object);
    for (var i = 1; i < n; i++) if (arguments[i]) baseMerge(object, arguments[i], [], customizer);
    return object;
  }
  function customDefaultsMerge(objValue, srcValue, key, object, source, stack) {
    if (isObject(objValue) && isObject(srcValue)) {
      stack.push([srcValue, objValue]);
      baseMerge(objValue, srcValue, stack, customDefaultsMerge);
      stack.pop();
    }
    return objValue;
  }
  function defaultsDeep() {
    var args = Array.prototype.slice.call(arguments);
    args.push(undefined, customDefaultsMerge);
    return mergeWith.apply(undefined, args);
  }
  function mapValues(obj, f) { f = iteratee(f); var r = {}; forOwn(obj, function (v, k, o) { r[k] = f(v, k, o); }); return r; }
  function mapKeys(obj, f) { f = iteratee(f); var r = {}; forOwn(obj, function (v, k, o) { r[f(v, k, o)] = v; }); return r; }
  function invert(obj) { var r = {}; forOwn(obj, function (v, k) { if (v != null && typeof v.toString != 'function') v = nativeToString.call(v); r[v] = k; }); return r; }
  function findKey(obj, pred) { pred = iteratee(pred); var ks = keys(obj); for (var i = 0; i < ks.length; i++) if (pred(obj[ks[i]], ks[i], obj)) return ks[i]; return undefined; }
  function result(obj, path, def) {
    path = castPath(path, obj);
    var i = -1, n = path.length;
    if (!n) { n = 1; obj = undefined; }
    while (++i < n) {
      var v = obj == null ? undefined : obj[toKey(path[i])];
      if (v === undefined) { i = n; v = def; }
      obj = isFunction(v) ? v.call(obj) : v;
    }
    return obj;
  }
  function at(obj) {
    var paths = baseFlatten(Array.prototype.slice.call(arguments, 1), 1);
    return paths.map(function (p) { return obj == null ? undefined : get(obj, p); });
  }
  function transform(obj, f, acc) {
    f = iteratee(f);
    if (acc == null) acc = isArray(obj) ? [] : (isObject(obj) ? Object.create(Object.getPrototypeOf(obj)) : {});
    baseEach(obj, function (v, k, o) { return f(acc, v, k, o); });
    return acc;
  }

  // ---- math ----
  function baseExtremum(array, f, gt) {
    var computed, result;
    if (!array) return undefined;
    for (var i = 0; i < array.length; i++) {
      var v = array[i], cur = f(v);
      if (cur != null && (computed === undefined ? (cur === cur && !isSymbol(cur)) : gt(cur, computed))) { computed = cur; result = v; }
    }
    return result;
  }
  function gt(a, b) { return a > b; }
  function lt(a, b) { return a < b; }
  function max(a) { return a && a.length ? baseExtremum(a, identity, gt) : undefined; }
  function min(a) { return a && a.length ? baseExtremum(a, identity, lt) : undefined; }
  function maxBy(a, f) { return a && a.length ? baseExtremum(a, iteratee(f), gt) : undefined; }
  function minBy(a, f) { return a && a.length ? baseExtremum(a, iteratee(f), lt) : undefined; }
  function baseSum(a, f) {
    var r;
    for (var i = 0; i < a.length; i++) { var c = f(a[i]); if (c !== undefined) r = r === undefined ? c : r + c; }
    return r;
  }
  function sum(a) { return a && a.length ? baseSum(a, identity) : 0; }
  function sumBy(a, f) { return a && a.length ? baseSum(a, iteratee(f)) : 0; }
  function mean(a) { var n = a == null ? 0 : a.length; return n ? baseSum(a, identity) / n : NaN; }
  function meanBy(a, f) { var n = a == null ? 0 : a.length; return n ? baseSum(a, iteratee(f)) / n : NaN; }
  function inRange(number, start, end) {
    start = toFinite(start);
    if (end === undefined) { end = start; start = 0; } else end = toFinite(end);
    number = toNumber(number);
    return number >= Math.min(start, end) && number < Math.max(start, end);
  }
  function clamp(number, lower, upper) {
    if (upper === undefined) { upper = lower; lower = undefined; }
    if (upper !== undefined) { upper = toNumber(upper); upper = upper === upper ? upper : 0; }
    if (lower !== undefined) { lower = toNumber(lower); lower = lower === lower ? lower : 0; }
    number = toNumber(number);
    if (number === number) {
      if (upper !== undefined) number = number <= upper ? number : upper;
      if (lower !== undefined) number = number >= lower ? number : lower;
    }
    return number;
  }
  function random(lower, upper, floating) {
    if (floating === undefined) {
      if (typeof upper == 'boolean') { floating = upper; upper = undefined; }
      else if (typeof lower == 'boolean') { floating = lower; lower = undefined; }
    }
    if (lower === undefined && upper === undefined) { lower = 0; upper = 1; }
    else {
      lower = toFinite(lower);
      if (upper === undefined) { upper = lower; lower = 0; } else upper = toFinite(upper);
    }
    if (lower > upper) { var t = lower; lower = upper; upper = t; }
    if (floating || lower % 1 || upper % 1) {
      var rand = Math.random();
      return Math.min(lower + (rand * (upper - lower + parseFloat('1e-' + ((rand + '').length - 1)))), upper);
    }
    return lower + Math.floor(Math.random() * (upper - lower + 1));
  }
  function createRound(name) {
    var fn = Math[name];
    return function (number, precision) {
      number = toNumber(number);
      precision = precision == null ? 0 : Math.min(toInteger(precision), 292);
      if (precision && isFinite(number)) {
        var pair = (toStr(number) + 'e').split('e');
        var v = fn(pair[0] + 'e' + (+pair[1] + precision));
        pair = (toStr(v) + 'e').split('e');
        return +(pair[0] + 'e' + (+pair[1] - precision));
      }
      return fn(number);
    };
  }

  // ---- strings ----
  var rsAstral = '\\ud800-\\udfff', rsCombo = '\\u0300-\\u036f\\ufe20-\\ufe2f\\u20d0-\\u20ff', rsDingbatR = '\\u2700-\\u27bf',
    rsLowerR = 'a-z\\xdf-\\xf6\\xf8-\\xff', rsUpperR = 'A-Z\\xc0-\\xd6\\xd8-\\xde', rsVarR = '\\ufe0e\\ufe0f',
    rsBreakR = '\\xac\\xb1\\xd7\\xf7' + '\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\xbf' + '\\u2000-\\u206f' +
      ' \\t\\x0b\\f\\xa0\\ufeff\\n\\r\\u2028\\u2029\\u1680\\u180e\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u202f\\u205f\\u3000';
  var rsApos = "['\u2019]", rsBreak = '[' + rsBreakR + ']', rsComboC = '[' + rsCombo + ']', rsDigits = '\\d+',
    rsDingbat = '[' + rsDingbatR + ']', rsLower = '[' + rsLowerR + ']',
    rsMisc = '[^' + rsAstral + rsBreakR + rsDigits + rsDingbatR + rsLowerR + rsUpperR + ']',
    rsFitz = '\\ud83c[\\udffb-\\udfff]', rsModifier = '(?:' + rsComboC + '|' + rsFitz + ')', rsNonAstral = '[^' + rsAstral + ']',
    rsRegional = '(?:\\ud83c[\\udde6-\\uddff]){2}', rsSurrPair = '[\\ud800-\\udbff][\\udc00-\\udfff]', rsUpper = '[' + rsUpperR + ']',
    rsZWJ = '\\u200d';
  var rsMiscLower = '(?:' + rsLower + '|' + rsMisc + ')', rsMiscUpper = '(?:' + rsUpper + '|' + rsMisc + ')',
    rsOptContrLower = '(?:' + rsApos + '(?:d|ll|m|re|s|t|ve))?', rsOptContrUpper = '(?:' + rsApos + '(?:D|LL|M|RE|S|T|VE))?',
    reOptMod = rsModifier + '?', rsOptVar = '[' + rsVarR + ']?',
    rsOptJoin = '(?:' + rsZWJ + '(?:' + [rsNonAstral, rsRegional, rsSurrPair].join('|') + ')' + rsOptVar + reOptMod + ')*',
    rsOrdLower = '\\d*(?:1st|2nd|3rd|(?![123])\\dth)(?=\\b|[A-Z_])', rsOrdUpper = '\\d*(?:1ST|2ND|3RD|(?![123])\\dTH)(?=\\b|[a-z_])',
    rsSeq = rsOptVar + reOptMod + rsOptJoin, rsEmoji = '(?:' + [rsDingbat, rsRegional, rsSurrPair].join('|') + ')' + rsSeq;
  var reUnicodeWordSource = ([
    rsUpper + '?' + rsLower + '+' + rsOptContrLower + '(?=' + [rsBreak, rsUpper, '$'].join('|') + ')',
    rsMiscUpper + '+' + rsOptContrUpper + '(?=' + [rsBreak, rsUpper + rsMiscLower, '$'].join('|') + ')',
    rsUpper + '?' + rsMiscLower + '+' + rsOptContrLower,
    rsUpper + '+' + rsOptContrUpper,
    rsOrdUpper, rsOrdLower, rsDigits, rsEmoji
  ].join('|')), reUnicodeWord;
  var reHasUnicodeWord = /[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]/;
  var reAsciiWord = /[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g;
  function words(s, pattern, guard) {
    s = toStr(s);
    pattern = guard ? undefined : pattern;
    if (pattern === undefined) {
      if (!reHasUnicodeWord.test(s)) return s.match(reAsciiWord) || [];
      // Compiled on first use: it is large, and most runs never need it.
      if (!reUnicodeWord) reUnicodeWord = new RegExp(reUnicodeWordSource, 'g');
      return s.match(reUnicodeWord) || [];
    }
    return s.match(pattern) || [];
  }
  var deburrSpecial = {
    '\xc6': 'Ae', '\xe6': 'ae', '\xd0': 'D', '\xf0': 'd', '\xd8': 'O', '\xf8': 'o', '\xde': 'Th', '\xfe': 'th', '\xdf': 'ss',
    '\xd7': ' ', '\xf7': ' ', '\u0110': 'D', '\u0111': 'd', '\u0126': 'H', '\u0127': 'h', '\u0131': 'i', '\u0132': 'IJ',
    '\u0133': 'ij', '\u0138': 'k', '\u013f': 'L', '\u0140': 'l', '\u0141': 'L', '\u0142': 'l', '\u0149': "'n",
    '\u014a': 'N', '\u014b': 'n', '\u0152': 'Oe', '\u0153': 'oe', '\u0166': 'T', '\u0167': 't', '\u017f': 's'
  };
  function deburr(s) {
    s = toStr(s);
    return s.replace(/[\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u017f]/g, function (c) {
      return deburrSpecial[c] || c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    }).replace(/[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]/g, '');
  }
  function upperFirst(s) { s = toStr(s); var cs = Array.from(s.slice(0, 2)); return s ? (cs[0].toUpperCase() + s.slice(cs[0].length)) : ''; }
  function lowerFirst(s) { s = toStr(s); var cs = Array.from(s.slice(0, 2)); return s ? (cs[0].toLowerCase() + s.slice(cs[0].length)) : ''; }
  function capitalize(s) { return upperFirst(toStr(s).toLowerCase()); }
  function compounder(cb) {
    return function (s) { return words(deburr(s).replace(/['\u2019]/g, '')).reduce(cb, ''); };
  }
  var camelCase = compounder(function (r, w, i) { w = w.toLowerCase(); return r + (i ? capitalize(w) : w); });
  var kebabCase = compounder(function (r, w, i) { return r + (i ? '-' : '') + w.toLowerCase(); });
  var snakeCase = compounder(function (r, w, i) { return r + (i ? '_' : '') + w.toLowerCase(); });
  var lowerCase = compounder(function (r, w, i) { return r + (i ? ' ' : '') + w.toLowerCase(); });
  var upperCase = compounder(function (r, w, i) { return r + (i ? ' ' : '') + w.toUpperCase(); });
  var startCase = compounder(function (r, w, i) { return r + (i ? ' ' : '') + upperFirst(w); });
  function charsIn(chars) { return Array.from(chars); }
  function trimWith(s, chars, guard, start, end) {
    s = toStr(s);
    if (s && (guard || chars === undefined)) {
      if (start && end) return s.replace(/^\s+|\s+$/g, '');
      return start ? s.replace(/^\s+/, '') : s.replace(/\s+$/, '');
    }
    if (!s || !(chars = toStr(chars))) return s;
    var cs = Array.from(s), set = charsIn(chars), i = 0, j = cs.length;
    if (start) while (i < j && set.indexOf(cs[i]) > -1) i++;
    if (end) while (j > i && set.indexOf(cs[j - 1]) > -1) j--;
    return cs.slice(i, j).join('');
  }
  function trim(s, chars, guard) { return trimWith(s, chars, guard, true, true); }
  function trimStart(s, chars, guard) { return trimWith(s, chars, guard, true, false); }
  function trimEnd(s, chars, guard) { return trimWith(s, chars, guard, false, true); }
  function repeat(s, n, guard) {
    s = toStr(s);
    n = (guard || n === undefined) ? 1 : toInteger(n);
    if (!s || n < 1 || n > MAX_SAFE) return '';
    return s.repeat(n);
  }
  function createPadding(len, chars) {
    chars = chars === undefined ? ' ' : toStr(chars);
    if (chars.length < 2) return chars ? repeat(chars, len) : chars;
    var r = repeat(chars, Math.ceil(len / chars.length));
    return Array.from(r).slice(0, len).join('');
  }
  function strLen(s) { return Array.from(s).length; }
  function pad(s, len, chars) {
    s = toStr(s);
    len = toInteger(len);
    var n = len ? strLen(s) : 0;
    if (!len || n >= len) return s;
    var mid = (len - n) / 2;
    return createPadding(Math.floor(mid), chars) + s + createPadding(Math.ceil(mid), chars);
  }
  function padStart(s, len, chars) { s = toStr(s); len = toInteger(len); var n = len ? strLen(s) : 0; return (len && n < len) ? createPadding(len - n, chars) + s : s; }
  function padEnd(s, len, chars) { s = toStr(s); len = toInteger(len); var n = len ? strLen(s) : 0; return (len && n < len) ? s + createPadding(len - n, chars) : s; }
  function startsWith(s, target, position) {
    s = toStr(s);
    position = position == null ? 0 : clamp(toInteger(position), 0, s.length);
    target = toStr(target);
    return s.slice(position, position + target.length) == target;
  }
  function endsWith(s, target, position) {
    s = toStr(s);
    target = toStr(target);
    var n = s.length;
    position = position === undefined ? n : clamp(toInteger(position), 0, n);
    var end = position;
    position -= target.length;
    return position >= 0 && s.slice(position, end) == target;
  }
  var htmlEscapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  var htmlUnescapes = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  function escape(s) { s = toStr(s); return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, function (c) { return htmlEscapes[c]; }) : s; }
  function unescape(s) { s = toStr(s); return /&(?:amp|lt|gt|quot|#39);/.test(s) ? s.replace(/&(?:amp|lt|gt|quot|#39);/g, function (c) { return htmlUnescapes[c]; }) : s; }
  function escapeRegExp(s) { s = toStr(s); return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); }
  function split(s, sep, limit) { return toStr(s).split(sep, limit === undefined ? 4294967295 : limit >>> 0); }
  function replace() { var a = arguments, s = toStr(a[0]); return a.length < 3 ? s : s.replace(a[1], a[2]); }
  function truncate(s, options) {
    var length = 30, omission = '...', separator;
    if (isObject(options)) {
      separator = 'separator' in options ? options.separator : separator;
      length = 'length' in options ? toInteger(options.length) : length;
      omission = 'omission' in options ? toStr(options.omission) : omission;
    }
    s = toStr(s);
    var chars = Array.from(s);
    if (length >= chars.length) return s;
    var end = length - strLen(omission);
    if (end < 1) return omission;
    var result = chars.slice(0, end).join('');
    if (separator === undefined) return result + omission;
    if (typeof separator == 'string') {
      var idx = result.lastIndexOf(separator);
      if (idx > -1 && result.indexOf(separator, end) != idx) result = result.slice(0, idx);
      else if (idx > -1) result = result.slice(0, idx);
    } else if (separator instanceof RegExp) {
      var re = new RegExp(separator.source, (separator.flags || '').replace('g', '') + 'g'), m, newEnd;
      while ((m = re.exec(result))) { newEnd = m.index; if (!m[0]) re.lastIndex++; }
      if (newEnd !== undefined) result = result.slice(0, newEnd);
    }
    return result + omission;
  }
  function parseInt_(s, radix, guard) {
    if (guard || radix == null) radix = 0; else if (radix) radix = +radix;
    return parseInt(toStr(s).replace(/^\s+/, ''), radix || 0);
  }
  var templateSettings = {
    escape: /<%-([\s\S]+?)%>/g, evaluate: /<%([\s\S]+?)%>/g, interpolate: /<%=([\s\S]+?)%>/g, variable: '', imports: {}
  };
  function template(s, options) {
    var settings = templateSettings;
    s = toStr(s);
    options = assignIn({}, settings, options);
    var imports = assignIn({ _: _ }, settings.imports, options.imports);
    var importsKeys = keys(imports), importsValues = importsKeys.map(function (k) { return imports[k]; });
    var isEscaping, isEvaluating, index = 0, interpolate = options.interpolate || /($^)/, source = "__p += '";
    var reDelimiters = new RegExp((options.escape || /($^)/).source + '|' + interpolate.source + '|' +
      (interpolate === templateSettings.interpolate ? /\$\{([^\\}]*(?:\\.[^\\}]*)*)\}/ : /($^)/).source + '|' +
      (options.evaluate || /($^)/).source + '|$', 'g');
    var stringEscapes = { '\\': '\\', "'": "'", '\n': 'n', '\r': 'r', '\u2028': 'u2028', '\u2029': 'u2029' };
    s.replace(reDelimiters, function (match, escapeValue, interpolateValue, esTemplateValue, evaluateValue, offset) {
      interpolateValue || (interpolateValue = esTemplateValue);
      source += s.slice(index, offset).replace(/['\n\r\u2028\u2029\\]/g, function (c) { return '\\' + stringEscapes[c]; });
      if (escapeValue) { isEscaping = true; source += "' +\n__e(" + escapeValue + ") +\n'"; }
      if (evaluateValue) { isEvaluating = true; source += "';\n" + evaluateValue + ";\n__p += '"; }
      if (interpolateValue) source += "' +\n((__t = (" + interpolateValue + ")) == null ? '' : __t) +\n'";
      index = offset + match.length;
      return match;
    });
    source += "';\n";
    var variable = hasOwn.call(options, 'variable') && options.variable;
    if (!variable) source = 'with (obj) {\n' + source + '\n}\n';
    source = (isEvaluating ? source.replace(/\b__p \+= '';/g, '') : source)
      .replace(/\b(__p \+=) '' \+/g, '$1').replace(/(__e\(.*?\)|\b__t\)) \+\n'';/g, '$1;');
    source = 'function(' + (variable || 'obj') + ') {\n' + (variable ? '' : 'obj || (obj = {});\n') +
      "var __t, __p = ''" + (isEscaping ? ', __e = _.escape' : '') +
      (isEvaluating ? ', __j = Array.prototype.join;\nfunction print() { __p += __j.call(arguments, \'\') }\n' : ';\n') +
      source + 'return __p\n}';
    var fn = Function.apply(null, importsKeys.concat('return ' + source)).apply(undefined, importsValues);
    fn.source = source;
    return fn;
  }

  // ---- functions & utilities ----
  function noop() {}
  function constant(v) { return function () { return v; }; }
  function uniqueId(prefix) { var id = ++idCounter; return toStr(prefix) + id; }
  function negate(f) { return function () { return !f.apply(this, arguments); }; }
  function once(f) { var done = false, r; return function () { if (!done) { done = true; r = f.apply(this, arguments); f = undefined; } return r; }; }
  function memoize(f, resolver) {
    var m = function () { var k = resolver ? resolver.apply(this, arguments) : arguments[0], c = m.cache; if (c.has(k)) return c.get(k); var r = f.apply(this, arguments); m.cache = c.set(k, r) || c; return r; };
    m.cache = new Map();
    return m;
  }
  function flow() { var fs = baseFlatten(Array.prototype.slice.call(arguments), 1); return function () { var r = fs.length ? fs[0].apply(this, arguments) : arguments[0]; for (var i = 1; i < fs.length; i++) r = fs[i].call(this, r); return r; }; }
  function attempt(f) { try { return f.apply(undefined, Array.prototype.slice.call(arguments, 1)); } catch (e) { return e instanceof Error ? e : new Error(e); } }
  function defaultTo(v, d) { return (v == null || v !== v) ? d : v; }
  function delay(f, wait) { var args = Array.prototype.slice.call(arguments, 2); return setTimeout(function () { f.apply(undefined, args); }, toNumber(wait) || 0); }
  function defer(f) { var args = Array.prototype.slice.call(arguments, 1); return setTimeout(function () { f.apply(undefined, args); }, 1); }
  function isEmpty(v) {
    if (v == null) return true;
    if (isArrayLike(v) && (isArray(v) || typeof v == 'string' || typeof v.splice == 'function' || isTypedArray(v) || isArguments(v))) return !v.length;
    var t = tag(v);
    if (t == '[object Map]' || t == '[object Set]') return !v.size;
    if (isPrototype(v)) return !keys(v).length;
    for (var k in v) if (hasOwn.call(v, k)) return false;
    return true;
  }


  // ---- more of lodash 4.17.21, as it writes them ----
  var MAX_ARRAY_LENGTH = 4294967295, MAX_ARRAY_INDEX = MAX_ARRAY_LENGTH - 1, HALF_MAX_ARRAY_LENGTH = MAX_ARRAY_LENGTH >>> 1;
  function toLength(v) { v = v ? toInteger(v) : 0; return v ? Math.min(Math.max(v, 0), MAX_ARRAY_LENGTH) : 0; }
  function toSafeInteger(v) { return v ? Math.min(Math.max(toInteger(v), -MAX_SAFE), MAX_SAFE) : (v === 0 ? v : 0); }
  function fill(array, value, start, end) {
    var length = array == null ? 0 : array.length;
    if (!length) return [];
    start = toInteger(start);
    if (start < 0) start = -start > length ? 0 : (length + start);
    end = (end === undefined || end > length) ? length : toInteger(end);
    if (end < 0) end += length;
    end = start > end ? 0 : toLength(end);
    while (start < end) array[start++] = value;
    return array;
  }
  function baseWhile(array, pred, isDrop, fromRight) {
    var length = array.length, index = fromRight ? length : -1;
    while ((fromRight ? index-- : ++index < length) && pred(array[index], index, array)) {}
    return isDrop ? baseSlice(array, fromRight ? 0 : index, fromRight ? index + 1 : length)
      : baseSlice(array, fromRight ? index + 1 : 0, fromRight ? length : index);
  }
  function whileFn(isDrop, fromRight) {
    return function (array, pred) { return array && array.length ? baseWhile(array, iteratee(pred), isDrop, fromRight) : []; };
  }
  function basePullAll(array, vals, f) {
    if (array === vals) vals = vals.slice();
    var seen = f ? array.map(function (v) { return f(v); }) : array;
    for (var i = 0; i < vals.length; i++) {
      var from = 0, c = f ? f(vals[i]) : vals[i];
      while ((from = baseIndexOf(seen, c, from)) > -1) {
        if (seen !== array) seen.splice(from, 1);
        array.splice(from, 1);
      }
    }
    return array;
  }
  function pullAll(array, vals) { return array && array.length && vals && vals.length ? basePullAll(array, vals) : array; }
  function pullAllBy(array, vals, f) { return array && array.length && vals && vals.length ? basePullAll(array, vals, iteratee(f)) : array; }
  function baseSortedIndex(array, value, retHighest) {
    var low = 0, high = array == null ? low : array.length;
    if (typeof value == 'number' && value === value && high <= HALF_MAX_ARRAY_LENGTH) {
      while (low < high) {
        var mid = (low + high) >>> 1, computed = array[mid];
        if (computed !== null && !isSymbol(computed) && (retHighest ? computed <= value : computed < value)) low = mid + 1;
        else high = mid;
      }
      return high;
    }
    return baseSortedIndexBy(array, value, identity, retHighest);
  }
  function baseSortedIndexBy(array, value, f, retHighest) {
    var low = 0, high = array == null ? 0 : array.length;
    if (high === 0) return 0;
    value = f(value);
    var valIsNaN = value !== value, valIsNull = value === null, valIsSymbol = isSymbol(value), valIsUndefined = value === undefined;
    while (low < high) {
      var mid = Math.floor((low + high) / 2), computed = f(array[mid]), setLow,
        othIsDefined = computed !== undefined, othIsNull = computed === null, othIsReflexive = computed === computed, othIsSymbol = isSymbol(computed);
      if (valIsNaN) setLow = retHighest || othIsReflexive;
      else if (valIsUndefined) setLow = othIsReflexive && (retHighest || othIsDefined);
      else if (valIsNull) setLow = othIsReflexive && othIsDefined && (retHighest || !othIsNull);
      else if (valIsSymbol) setLow = othIsReflexive && othIsDefined && !othIsNull && (retHighest || !othIsSymbol);
      else if (othIsNull || othIsSymbol) setLow = false;
      else setLow = retHighest ? computed <= value : computed < value;
      if (setLow) low = mid + 1; else high = mid;
    }
    return Math.min(high, MAX_ARRAY_INDEX);
  }
  function sortedIndexOf(array, value) {
    var length = array == null ? 0 : array.length;
    if (length) { var i = baseSortedIndex(array, value); if (i < length && eq(array[i], value)) return i; }
    return -1;
  }
  function baseSortedUniq(array, f) {
    var r = [], seen;
    for (var i = 0; i < array.length; i++) {
      var v = array[i], c = f ? f(v) : v;
      if (!i || !eq(c, seen)) { seen = c; r.push(v === 0 ? 0 : v); }
    }
    return r;
  }
  function update(object, path, updater) { return object == null ? object : baseSet(object, path, castFunction(updater)(baseGet(object, path))); }
  function findLastKey(obj, pred) { pred = iteratee(pred); var ks = keys(obj); for (var i = ks.length - 1; i >= 0; i--) if (pred(obj[ks[i]], ks[i], obj)) return ks[i]; return undefined; }
  function functionsOf(obj, ks) { return obj == null ? [] : ks(obj).filter(function (k) { return isFunction(obj[k]); }); }
  function baseDifferenceWith(array, vals, cmp) {
    if (!isArrayLikeObject(array)) return [];
    return Array.prototype.filter.call(array, function (v) { return !vals.some(function (o) { return cmp(v, o); }); });
  }
  function differenceWith(array) {
    var rest = Array.prototype.slice.call(arguments, 1), cmp = lastFn(rest);
    return baseDifferenceWith(array, baseFlatten(arrayArgs(rest), 1), typeof cmp == 'function' ? cmp : function (a, b) { return eq(a, b); });
  }
  function intersectionWith() {
    var arrays = arrayArgs(arguments), cmp = lastFn(arguments);
    if (typeof cmp != 'function') return baseIntersection(arrays);
    if (!arrays.length) return [];
    var r = [];
    Array.prototype.forEach.call(arrays[0], function (v) {
      if (r.some(function (x) { return cmp(v, x); })) return;
      if (arrays.slice(1).every(function (a) { return Array.prototype.some.call(a, function (o) { return cmp(v, o); }); })) r.push(v);
    });
    return r;
  }
  function unionWith() {
    var cmp = lastFn(arguments);
    return baseUniq(baseFlatten(arrayArgs(arguments), 1), null, typeof cmp == 'function' ? cmp : undefined);
  }
  function baseXor(arrays, f, cmp) {
    var same = cmp || function (a, b) { return eq(a, b); };
    var r = [];
    arrays.forEach(function (a, i) {
      var others = baseFlatten(arrays.filter(function (x, j) { return j != i; }), 1).map(function (v) { return f ? f(v) : v; });
      Array.prototype.forEach.call(a, function (v) {
        var c = f ? f(v) : v;
        if (!others.some(function (o) { return same(c, o); })) r.push(v);
      });
    });
    return baseUniq(r, f, cmp);
  }
  function xorBy() { var f = lastFn(arguments); return baseXor(arrayArgs(arguments), f === undefined ? undefined : iteratee(f)); }
  function xorWith() { var cmp = lastFn(arguments); return baseXor(arrayArgs(arguments), undefined, typeof cmp == 'function' ? cmp : undefined); }
  function zipWith() {
    var arrays = Array.prototype.slice.call(arguments), f = arrays.length > 1 ? arrays[arrays.length - 1] : undefined;
    if (typeof f == 'function') arrays.pop(); else f = undefined;
    var r = unzip(arrays);
    return f ? r.map(function (g) { return f.apply(undefined, g); }) : r;
  }
  function invokeMap(coll, path) {
    var args = Array.prototype.slice.call(arguments, 2), isFunc = typeof path == 'function';
    return map(coll, function (v) {
      if (isFunc) return path.apply(v, args);
      var p = castPath(path, v), parent = p.length < 2 ? v : baseGet(v, p.slice(0, -1)), fn = parent == null ? parent : parent[toKey(p[p.length - 1])];
      return fn == null ? undefined : fn.apply(parent, args);
    });
  }
  function conformsTo(object, source) {
    var props = keys(source);
    if (object == null) return !props.length;
    object = Object(object);
    for (var i = props.length - 1; i >= 0; i--) {
      var k = props[i], pred = source[k], v = object[k];
      if ((v === undefined && !(k in object)) || !pred(v)) return false;
    }
    return true;
  }
  function before(n, f) {
    var r;
    if (typeof f != 'function') throw new TypeError('Expected a function');
    n = toInteger(n);
    return function () { if (--n > 0) r = f.apply(this, arguments); if (n <= 1) f = undefined; return r; };
  }
  function after(n, f) {
    if (typeof f != 'function') throw new TypeError('Expected a function');
    n = toInteger(n);
    return function () { if (--n < 1) return f.apply(this, arguments); };
  }
  function partialFn(right) {
    return function (f) {
      var bound = Array.prototype.slice.call(arguments, 1);
      if (typeof f != 'function') throw new TypeError('Expected a function');
      return function () {
        var args = Array.prototype.slice.call(arguments);
        return f.apply(this, right ? args.concat(bound) : bound.concat(args));
      };
    };
  }
  function curry(f, arity) {
    if (typeof f != 'function') throw new TypeError('Expected a function');
    arity = arity === undefined ? f.length : toInteger(arity);
    function curried(held) {
      return function () {
        var args = held.concat(Array.prototype.slice.call(arguments));
        return args.length >= arity ? f.apply(this, args) : curried(args);
      };
    }
    return curried([]);
  }
  function ary(f, n) { n = n === undefined ? f && f.length : toInteger(n); return function () { return f.apply(this, Array.prototype.slice.call(arguments, 0, Math.max(n, 0))); }; }
  function flowRight() { return flow.apply(undefined, baseFlatten(Array.prototype.slice.call(arguments), 1).reverse()); }
  function overFn(combine) {
    return function () {
      var fs = baseFlatten(Array.prototype.slice.call(arguments), 1).map(iteratee);
      return function () { var self = this, args = arguments; return combine(fs, function (f) { return f.apply(self, args); }); };
    };
  }
  function pullAt(array) {
    var indexes = baseFlatten(Array.prototype.slice.call(arguments, 1), 1), length = array == null ? 0 : array.length;
    var result = indexes.map(function (p) { return array == null ? undefined : get(array, p); });
    indexes = indexes.map(function (i) { return isIndex(i, length) ? +i : i; }).sort(compareAscending);
    for (var j = indexes.length - 1, previous; j >= 0; j--) {
      var index = indexes[j];
      if (j == indexes.length - 1 || index !== previous) {
        previous = index;
        if (isIndex(index)) array.splice(index, 1); else unset(array, index);
      }
    }
    return result;
  }
  function baseInvoke(object, path, args) {
    path = castPath(path, object);
    var parent = path.length < 2 ? object : baseGet(object, path.slice(0, -1)), fn = parent == null ? parent : parent[toKey(path[path.length - 1])];
    return fn == null ? undefined : fn.apply(parent, args);
  }
  function invertBy(obj, f) {
    f = iteratee(f);
    var r = {};
    forOwn(obj, function (v, k) {
      v = f(v);
      if (v != null && typeof v.toString != 'function') v = nativeToString.call(v);
      if (hasOwn.call(r, v)) r[v].push(k); else r[v] = [k];
    });
    return r;
  }
  function forRight(ks) {
    return function (obj, f) { f = castFunction(f); var k = ks(obj); for (var i = k.length - 1; i >= 0; i--) if (f(obj[k[i]], k[i], obj) === false) break; return obj; };
  }
  function assignWithFn(ks) {
    return function (object) {
      var n = arguments.length, customizer = n > 2 && typeof arguments[n - 1] == 'function' ? arguments[--n] : undefined;
      object = Object(object);
      for (var i = 1; i < n; i++) {
        var source = arguments[i];
        if (!source) continue;
        ks(source).forEach(function (k) {
          var v = customizer ? customizer(object[k], source[k], k, object, source) : undefined;
          assignValue(object, k, v === undefined ? source[k] : v);
        });
      }
      return object;
    };
  }
  function bind(f, thisArg) {
    var bound = Array.prototype.slice.call(arguments, 2);
    if (typeof f != 'function') throw new TypeError('Expected a function');
    return function () { return f.apply(thisArg, bound.concat(Array.prototype.slice.call(arguments))); };
  }
  function isEqualWith(a, b, customizer) {
    customizer = typeof customizer == 'function' ? customizer : undefined;
    var r = customizer ? customizer(a, b) : undefined;
    return r === undefined ? baseIsEqual(a, b, [], customizer) : !!r;
  }
  function isMatchWith(object, source, customizer) {
    if (typeof customizer != 'function') return baseIsMatch(object, source);
    var props = keys(source);
    if (object == null) return !props.length;
    object = Object(object);
    return props.every(function (k) {
      var r = customizer(object[k], source[k], k, object, source);
      if (r !== undefined) return !!r;
      return (source[k] !== undefined || k in object) && partialEqual(object[k], source[k], []);
    });
  }
  // debounce is lodash 4.17.21's, timers and all: leading, trailing and
  // maxWait, with cancel and flush.
  function debounce(func, wait, options) {
    var lastArgs, lastThis, maxWait, result, timerId, lastCallTime, lastInvokeTime = 0, leading = false, maxing = false, trailing = true;
    if (typeof func != 'function') throw new TypeError('Expected a function');
    wait = toNumber(wait) || 0;
    if (isObject(options)) {
      leading = !!options.leading;
      maxing = 'maxWait' in options;
      maxWait = maxing ? Math.max(toNumber(options.maxWait) || 0, wait) : maxWait;
      trailing = 'trailing' in options ? !!options.trailing : trailing;
    }
    function invokeFunc(time) {
      var args = lastArgs, thisArg = lastThis;
      lastArgs = lastThis = undefined;
      lastInvokeTime = time;
      result = func.apply(thisArg, args);
      return result;
    }
    function leadingEdge(time) {
      lastInvokeTime = time;
      timerId = setTimeout(timerExpired, wait);
      return leading ? invokeFunc(time) : result;
    }
    function remainingWait(time) {
      var sinceCall = time - lastCallTime, sinceInvoke = time - lastInvokeTime, waiting = wait - sinceCall;
      return maxing ? Math.min(waiting, maxWait - sinceInvoke) : waiting;
    }
    function shouldInvoke(time) {
      var sinceCall = time - lastCallTime, sinceInvoke = time - lastInvokeTime;
      return lastCallTime === undefined || sinceCall >= wait || sinceCall < 0 || (maxing && sinceInvoke >= maxWait);
    }
    function timerExpired() {
      var time = Date.now();
      if (shouldInvoke(time)) return trailingEdge(time);
      timerId = setTimeout(timerExpired, remainingWait(time));
    }
    function trailingEdge(time) {
      timerId = undefined;
      if (trailing && lastArgs) return invokeFunc(time);
      lastArgs = lastThis = undefined;
      return result;
    }
    function cancel() {
      if (timerId !== undefined) clearTimeout(timerId);
      lastInvokeTime = 0;
      lastArgs = lastCallTime = lastThis = timerId = undefined;
    }
    function flush() { return timerId === undefined ? result : trailingEdge(Date.now()); }
    function debounced() {
      var time = Date.now(), isInvoking = shouldInvoke(time);
      lastArgs = arguments;
      lastThis = this;
      lastCallTime = time;
      if (isInvoking) {
        if (timerId === undefined) return leadingEdge(lastCallTime);
        if (maxing) {
          clearTimeout(timerId);
          timerId = setTimeout(timerExpired, wait);
          return invokeFunc(lastCallTime);
        }
      }
      if (timerId === undefined) timerId = setTimeout(timerExpired, wait);
      return result;
    }
    debounced.cancel = cancel;
    debounced.flush = flush;
    return debounced;
  }
  function throttle(func, wait, options) {
    var leading = true, trailing = true;
    if (typeof func != 'function') throw new TypeError('Expected a function');
    if (isObject(options)) {
      leading = 'leading' in options ? !!options.leading : leading;
      trailing = 'trailing' in options ? !!options.trailing : trailing;
    }
    return debounce(func, wait, { leading: leading, maxWait: wait, trailing: trailing });
  }
  function rearg(f) {
    var indexes = baseFlatten(Array.prototype.slice.call(arguments, 1), 1);
    if (typeof f != 'function') throw new TypeError('Expected a function');
    return function () {
      var args = Array.prototype.slice.call(arguments), n = Math.min(indexes.length, args.length), moved = args.slice();
      for (var i = 0; i < n; i++) { var j = indexes[i]; moved[i] = j >= 0 && j < args.length ? args[j] : undefined; }
      return f.apply(this, moved);
    };
  }
  function bindKey(object, key) {
    var bound = Array.prototype.slice.call(arguments, 2);
    return function () { return object[key].apply(object, bound.concat(Array.prototype.slice.call(arguments))); };
  }
  function curryRight(f, arity) {
    if (typeof f != 'function') throw new TypeError('Expected a function');
    arity = arity === undefined ? f.length : toInteger(arity);
    function curried(held) {
      return function () {
        var args = Array.prototype.slice.call(arguments).concat(held);
        return args.length >= arity ? f.apply(this, args) : curried(args);
      };
    }
    return curried([]);
  }
  function overArgs(f) {
    var transforms = baseFlatten(Array.prototype.slice.call(arguments, 1), 1).map(iteratee);
    return function () {
      var args = Array.prototype.slice.call(arguments), n = Math.min(args.length, transforms.length);
      for (var i = 0; i < n; i++) args[i] = transforms[i].call(this, args[i]);
      return f.apply(this, args);
    };
  }
  function isNative(v) {
    return isObject(v) && /^function[^{]*\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(v));
  }
  function cond(pairs) {
    var n = pairs == null ? 0 : pairs.length;
    pairs = n ? pairs.map(function (p) {
      if (typeof p[1] != 'function') throw new TypeError('Expected a function');
      return [iteratee(p[0]), p[1]];
    }) : [];
    return function () {
      for (var i = 0; i < n; i++) if (pairs[i][0].apply(this, arguments)) return pairs[i][1].apply(this, arguments);
    };
  }
  function pullAllWith(array, vals, comparator) {
    if (!(array && array.length && vals && vals.length)) return array;
    if (array === vals) vals = vals.slice();
    for (var i = 0; i < vals.length; i++) {
      for (var j = array.length - 1; j >= 0; j--) if (comparator(array[j], vals[i])) array.splice(j, 1);
    }
    return array;
  }
  var fns = {
    // lang
    isArray: isArray, isObject: isObject, isObjectLike: isObjectLike, isString: isString, isNumber: isNumber,
    isFunction: isFunction, isNil: function (v) { return v == null; }, isUndefined: function (v) { return v === undefined; },
    isNull: function (v) { return v === null; }, isPlainObject: isPlainObject, isBoolean: isBoolean, isSymbol: isSymbol,
    isDate: function (v) { return isObjectLike(v) && tag(v) == '[object Date]'; },
    isRegExp: function (v) { return isObjectLike(v) && tag(v) == '[object RegExp]'; },
    isError: function (v) { if (!isObjectLike(v)) return false; var t = tag(v); return t == '[object Error]' || t == '[object DOMException]' || (typeof v.message == 'string' && typeof v.name == 'string' && !isPlainObject(v)); },
    isInteger: function (v) { return typeof v == 'number' && v == toInteger(v); },
    isSafeInteger: function (v) { return typeof v == 'number' && v == toInteger(v) && v >= -MAX_SAFE && v <= MAX_SAFE; },
    isFinite: function (v) { return typeof v == 'number' && isFinite(v); },
    isNaN: function (v) { return isNumber(v) && v != +v; },
    isArrayLike: isArrayLike, isArrayLikeObject: isArrayLikeObject, isArguments: isArguments, isLength: isLength,
    isMap: function (v) { return isObjectLike(v) && tag(v) == '[object Map]'; },
    isSet: function (v) { return isObjectLike(v) && tag(v) == '[object Set]'; },
    isTypedArray: isTypedArray, isElement: function () { return false; }, isBuffer: function (v) { return !!(v && v._isBuffer === true && isTypedArray(v)); },
    isEmpty: isEmpty, isEqual: isEqual, isMatch: function (o, s) { return o === s || baseIsMatch(o, s); },
    eq: eq, gt: function (a, b) { return typeof a == 'string' && typeof b == 'string' ? a > b : toNumber(a) > toNumber(b); },
    lt: function (a, b) { return typeof a == 'string' && typeof b == 'string' ? a < b : toNumber(a) < toNumber(b); },
    clone: clone, cloneDeep: cloneDeep, toArray: toArray, toNumber: toNumber, toInteger: toInteger, toFinite: toFinite,
    toString: toStr, toPath: function (v) { return isArray(v) ? v.map(toKey) : (isSymbol(v) ? [v] : stringToPath(toStr(v))); },
    castArray: function () { if (!arguments.length) return []; var v = arguments[0]; return isArray(v) ? v : [v]; },
    // collections
    each: forEach, forEach: forEach, eachRight: forEachRight, forEachRight: forEachRight, map: map, flatMap: flatMap,
    filter: filter, reject: reject, find: find, findLast: findLast, some: some, every: every, reduce: reduce,
    reduceRight: reduceRight, includes: includes, size: size, sortBy: sortBy, orderBy: orderBy, groupBy: groupBy,
    countBy: countBy, keyBy: keyBy, partition: partition, sample: sample, sampleSize: sampleSize, shuffle: shuffle,
    // arrays
    findIndex: findIndex, findLastIndex: findLastIndex, indexOf: indexOf, lastIndexOf: lastIndexOf, uniq: uniq, uniqBy: uniqBy,
    uniqWith: uniqWith, flatten: flatten, flattenDeep: flattenDeep, flattenDepth: flattenDepth, compact: compact, chunk: chunk,
    zip: zip, unzip: unzip, zipObject: zipObject, difference: difference, differenceBy: differenceBy, without: without,
    intersection: intersection, intersectionBy: intersectionBy, union: union, unionBy: unionBy, xor: xor,
    first: head, head: head, last: last, nth: nth, tail: tail, initial: initial, take: take, takeRight: takeRight, drop: drop,
    dropRight: dropRight, slice: slice, concat: concat, join: join, reverse: reverse, pull: pull, remove: remove,
    fromPairs: fromPairs, range: range, rangeRight: rangeRight, times: times,
    // objects
    get: get, set: set, has: has, hasIn: hasIn, unset: unset, keys: keys, keysIn: keysIn, values: values, valuesIn: valuesIn,
    pick: pick, pickBy: pickBy, omit: omit, omitBy: omitBy, merge: merge, assign: assign, assignIn: assignIn,
    extend: assignIn, defaults: defaults, mapValues: mapValues, mapKeys: mapKeys, toPairs: toPairs, entries: toPairs,
    toPairsIn: toPairsIn, entriesIn: toPairsIn, invert: invert, findKey: findKey, forOwn: forOwn, forIn: forIn,
    result: result, at: at, transform: transform,
    // math
    sum: sum, sumBy: sumBy, max: max, min: min, maxBy: maxBy, minBy: minBy, mean: mean, meanBy: meanBy,
    inRange: inRange, clamp: clamp, random: random, round: createRound('round'), floor: createRound('floor'),
    ceil: createRound('ceil'), add: function (a, b) { return a === undefined && b === undefined ? 0 : (a === undefined ? b : (b === undefined ? a : ((typeof a == 'string' || typeof b == 'string') ? toStr(a) + toStr(b) : toNumber(a) + toNumber(b)))); },
    subtract: function (a, b) { return a === undefined && b === undefined ? 0 : (a === undefined ? b : (b === undefined ? a : toNumber(a) - toNumber(b))); },
    // strings
    camelCase: camelCase, kebabCase: kebabCase, snakeCase: snakeCase, startCase: startCase, lowerCase: lowerCase,
    upperCase: upperCase, capitalize: capitalize, upperFirst: upperFirst, lowerFirst: lowerFirst, deburr: deburr,
    trim: trim, trimStart: trimStart, trimEnd: trimEnd, pad: pad, padStart: padStart, padEnd: padEnd, repeat: repeat,
    template: template, templateSettings: templateSettings, escape: escape, unescape: unescape, escapeRegExp: escapeRegExp,
    words: words, endsWith: endsWith, startsWith: startsWith, split: split, replace: replace, truncate: truncate,
    parseInt: parseInt_, toLower: function (s) { return toStr(s).toLowerCase(); }, toUpper: function (s) { return toStr(s).toUpperCase(); },
    // utilities
    identity: identity, noop: noop, constant: constant, uniqueId: uniqueId, property: property, matches: matches,
    matchesProperty: matchesProperty, iteratee: iteratee, negate: negate, once: once, memoize: memoize, flow: flow,
    attempt: attempt, defaultTo: defaultTo, delay: delay, defer: defer, now: function () { return Date.now(); },
    stubTrue: function () { return true; }, stubFalse: function () { return false; }, stubArray: function () { return []; },
    stubObject: function () { return {}; }, stubString: function () { return ''; },
    tap: function (v, f) { f(v); return v; }, thru: function (v, f) { return f(v); },
    // the rest of lodash 4.17.21 scripts reach for
    fill: fill, takeWhile: whileFn(false, false), dropWhile: whileFn(true, false), takeRightWhile: whileFn(false, true),
    dropRightWhile: whileFn(true, true), pullAll: pullAll, pullAllBy: pullAllBy,
    sortedIndex: function (a, v) { return baseSortedIndex(a, v); }, sortedLastIndex: function (a, v) { return baseSortedIndex(a, v, true); },
    sortedIndexBy: function (a, v, f) { return baseSortedIndexBy(a, v, iteratee(f)); },
    sortedLastIndexBy: function (a, v, f) { return baseSortedIndexBy(a, v, iteratee(f), true); }, sortedIndexOf: sortedIndexOf,
    sortedUniq: function (a) { return a && a.length ? baseSortedUniq(a) : []; },
    sortedUniqBy: function (a, f) { return a && a.length ? baseSortedUniq(a, iteratee(f)) : []; },
    update: update, mergeWith: mergeWith, defaultsDeep: defaultsDeep, findLastKey: findLastKey,
    functions: function (o) { return functionsOf(o, keys); }, functionsIn: function (o) { return functionsOf(o, keysIn); },
    flatMapDeep: function (c, f) { return baseFlatten(map(c, f), Infinity); },
    flatMapDepth: function (c, f, d) { return baseFlatten(map(c, f), d === undefined ? 1 : toInteger(d)); },
    differenceWith: differenceWith, intersectionWith: intersectionWith, unionWith: unionWith, xorBy: xorBy, xorWith: xorWith,
    zipWith: zipWith, invokeMap: invokeMap, conformsTo: conformsTo,
    gte: function (a, b) { return typeof a == 'string' && typeof b == 'string' ? a >= b : toNumber(a) >= toNumber(b); },
    lte: function (a, b) { return typeof a == 'string' && typeof b == 'string' ? a <= b : toNumber(a) <= toNumber(b); },
    multiply: function (a, b) { return a === undefined && b === undefined ? 1 : (a === undefined ? b : (b === undefined ? a : toNumber(a) * toNumber(b))); },
    divide: function (a, b) { return a === undefined && b === undefined ? 1 : (a === undefined ? b : (b === undefined ? a : toNumber(a) / toNumber(b))); },
    toLength: toLength, toSafeInteger: toSafeInteger,
    isArrayBuffer: function (v) { return isObjectLike(v) && tag(v) == '[object ArrayBuffer]'; },
    isWeakMap: function (v) { return isObjectLike(v) && tag(v) == '[object WeakMap]'; },
    isWeakSet: function (v) { return isObjectLike(v) && tag(v) == '[object WeakSet]'; },
    before: before, after: after, partial: partialFn(false), partialRight: partialFn(true), curry: curry, ary: ary,
    unary: function (f) { return ary(f, 1); }, flowRight: flowRight,
    rest: function (f, start) { start = start === undefined ? f.length - 1 : toInteger(start); return function () { var a = Array.prototype.slice.call(arguments, 0, start); a.push(Array.prototype.slice.call(arguments, start)); return f.apply(this, a); }; },
    spread: function (f, start) { start = start == null ? 0 : Math.max(toInteger(start), 0); return function () { var a = arguments[start], lead = Array.prototype.slice.call(arguments, 0, start); return f.apply(this, a ? lead.concat(a) : lead); }; },
    flip: function (f) { return function () { return f.apply(this, Array.prototype.slice.call(arguments).reverse()); }; },
    nthArg: function (n) { n = toInteger(n); return function () { return nth(Array.prototype.slice.call(arguments), n); }; },
    over: overFn(function (fs, call) { return fs.map(call); }), overEvery: overFn(function (fs, call) { return fs.every(call); }),
    overSome: overFn(function (fs, call) { return fs.some(call); }),
    propertyOf: function (o) { return function (p) { return o == null ? undefined : baseGet(o, p); }; },
    pullAt: pullAt,
    invoke: function (o, path) { return baseInvoke(o, path, Array.prototype.slice.call(arguments, 2)); },
    method: function (path) { var args = Array.prototype.slice.call(arguments, 1); return function (o) { return baseInvoke(o, path, args); }; },
    methodOf: function (o) { var args = Array.prototype.slice.call(arguments, 1); return function (path) { return baseInvoke(o, path, args); }; },
    invertBy: invertBy, forOwnRight: forRight(keys), forInRight: forRight(keysIn),
    unzipWith: function (a, f) { var r = unzip(a); return f == null ? r : r.map(function (g) { return f.apply(undefined, g); }); },
    zipObjectDeep: function (props, vals) { var r = {}; props = props || []; vals = vals || []; for (var i = 0; i < props.length; i++) baseSet(r, props[i], i < vals.length ? vals[i] : undefined); return r; },
    toPlainObject: function (v) { var r = {}; keysIn(v).forEach(function (k) { assignValue(r, k, v[k]); }); return r; },
    conforms: function (source) { source = clone(source); return function (o) { return conformsTo(o, source); }; },
    create: function (proto, props) { var r = isObject(proto) ? Object.create(proto) : {}; return props == null ? r : assign(r, props); },
    bind: bind, bindAll: function (o) { baseFlatten(Array.prototype.slice.call(arguments, 1), 1).forEach(function (k) { k = toKey(k); o[k] = bind(o[k], o); }); return o; },
    wrap: function (v, wrapper) { return partialFn(false)(castFunction(wrapper), v); },
    sortedLastIndexOf: function (a, v) { var n = a == null ? 0 : a.length; if (n) { var i = baseSortedIndex(a, v, true) - 1; if (eq(a[i], v)) return i; } return -1; },
    assignWith: assignWithFn(keys), assignInWith: assignWithFn(keysIn), extendWith: assignWithFn(keysIn),
    cloneWith: function (v, customizer) { return baseClone(v, false, [], undefined, typeof customizer == 'function' ? customizer : undefined); },
    cloneDeepWith: function (v, customizer) { return baseClone(v, true, [], undefined, typeof customizer == 'function' ? customizer : undefined); },
    isEqualWith: isEqualWith, isMatchWith: isMatchWith, debounce: debounce, throttle: throttle, rearg: rearg, bindKey: bindKey,
    curryRight: curryRight, overArgs: overArgs, isNative: isNative, cond: cond, pullAllWith: pullAllWith,
    setWith: function (o, path, v, customizer) { customizer = typeof customizer == 'function' ? customizer : undefined; return o == null ? o : baseSet(o, path, v, customizer); },
    updateWith: function (o, path, updater, customizer) { customizer = typeof customizer == 'function' ? customizer : undefined; return o == null ? o : baseSet(o, path, castFunction(updater)(baseGet(o, path)), customizer); }
  };

  // Lodash's implicit chains unwrap the result of these (its documented
  // "not chainable by default" list); every other method keeps wrapping.
  var unchained = ('add attempt camelCase capitalize ceil clamp clone cloneDeep deburr defaultTo endsWith eq escape escapeRegExp ' +
    'every find findIndex findKey findLast findLastIndex first floor forEach forEachRight forIn forOwn get gt has hasIn head ' +
    'identity includes indexOf inRange isArguments isArray isArrayLike isArrayLikeObject isBoolean isBuffer isDate isElement ' +
    'isEmpty isEqual isError isFinite isFunction isInteger isLength isMap isMatch isNaN isNil isNull isNumber isObject ' +
    'isObjectLike isPlainObject isRegExp isSafeInteger isSet isString isSymbol isTypedArray isUndefined join kebabCase last ' +
    'lastIndexOf lowerCase lowerFirst lt max maxBy mean meanBy min minBy noop now nth pad padEnd padStart parseInt random ' +
    'reduce reduceRight repeat result round sample size snakeCase some startCase startsWith stubArray stubFalse stubObject ' +
    'stubString stubTrue subtract sum sumBy template times toFinite toInteger toLower toNumber toString toUpper trim trimEnd ' +
    'trimStart truncate unescape uniqueId upperCase upperFirst words each eachRight conformsTo divide findLastKey gte lte ' +
    'multiply sortedIndex sortedIndexBy sortedIndexOf sortedLastIndex sortedLastIndexBy toLength toSafeInteger ' +
    'isArrayBuffer isWeakMap isWeakSet invoke sortedLastIndexOf forInRight forOwnRight cloneWith cloneDeepWith ' +
    'isEqualWith isMatchWith isNative').split(' ');

  // Wrapper methods are made on the first _(value) or _.chain(value):
  // creating hundreds of closures up front would tax every run that only
  // calls _.get.
  var wrapperNames = [], wrapperKnown = {}, wrapperBuilt = 0;
  function buildWrapper() {
    for (; wrapperBuilt < wrapperNames.length; wrapperBuilt++) {
      var name = wrapperNames[wrapperBuilt];
      Wrapper.prototype[name] = wrapperMethod(name, unchained.indexOf(name) >= 0);
    }
  }
  function wrapperMethod(name, unwrap) {
    return function () {
      var r = _[name].apply(_, [this.__wrapped__].concat(Array.prototype.slice.call(arguments)));
      return (this.__chain__ || !unwrap) ? new Wrapper(r, this.__chain__) : r;
    };
  }
  function mixin(name, fn) {
    _[name] = fn;
    if (typeof fn != 'function' || name == 'templateSettings' || hasOwn.call(wrapperKnown, name)) return;
    wrapperKnown[name] = true;
    wrapperNames.push(name);
    if (wrapperBuilt) buildWrapper();
  }
  for (var name in fns) if (hasOwn.call(fns, name)) mixin(name, fns[name]);
  _.mixin = function (obj, src) {
    if (src === undefined) { src = obj; }
    keys(src).forEach(function (k) { if (isFunction(src[k])) mixin(k, src[k]); });
    return _;
  };
  _.chain = function (v) { var w = _(v); w.__chain__ = true; return w; };
  Wrapper.prototype.chain = function () { this.__chain__ = true; return this; };
  Wrapper.prototype.value = Wrapper.prototype.valueOf = Wrapper.prototype.toJSON = function () { return this.__wrapped__; };
  Wrapper.prototype.toString = function () { return toStr(this.__wrapped__); };
  Wrapper.prototype.commit = function () { return new Wrapper(this.__wrapped__, this.__chain__); };
  _.prototype = Wrapper.prototype;
  _.VERSION = '4.17.21';
  _.runInContext = runInContext;
  _.noConflict = function () { return _; };
  return _;
}
module.exports = runInContext();
