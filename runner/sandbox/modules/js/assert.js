// Node's assert as Postman's sandbox bundles it (the `assert` 2.0.0 npm
// package, a browser port of Node 10's assert). A test failing through
// assert reports the AssertionError's message, so the messages follow that
// package to the character: its util.inspect flavour (the old one-line-up-
// to-60-characters layout), its line diff for strictEqual and
// deepStrictEqual, and its quirks (ERR_MISSING_ARGS naming "undefined",
// ERR_AMBIGUOUS_ARGUMENT's unformatted template). Written for colrun from
// the observed behaviour; checked against Newman 6.2.2 in assert_test.go.
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;
var objToString = Object.prototype.toString;

// --- inspect: util 0.12's formatValue, with the options assert passes
// (depth 1000, no custom inspect, no hidden properties).

function isRegExp(v) { return typeof v === 'object' && v !== null && objToString.call(v) === '[object RegExp]'; }
function isDate(v) { return typeof v === 'object' && v !== null && objToString.call(v) === '[object Date]'; }
function isError(v) { return typeof v === 'object' && v !== null && (objToString.call(v) === '[object Error]' || v instanceof Error); }

function quote(s) {
  return "'" + JSON.stringify(s).replace(/^"|"$/g, '').replace(/'/g, "\\'").replace(/\\"/g, '"') + "'";
}

function formatPrimitive(v) {
  switch (typeof v) {
    case 'undefined': return 'undefined';
    case 'string': return quote(v);
    case 'number': return '' + v;
    case 'boolean': return '' + v;
  }
  if (v === null) return 'null';
  return undefined;
}

function errorString(e) { return '[' + Error.prototype.toString.call(e) + ']'; }

function formatValue(seen, value, depth) {
  var prim = formatPrimitive(value);
  if (prim !== undefined) return prim;
  // Symbols and bigints have no keys and no special case in util 0.12,
  // so they print as an empty object.
  var keys = typeof value === 'object' || typeof value === 'function' ? Object.keys(value) : [];
  var visible = {};
  keys.forEach(function (k) { visible[k] = true; });
  if (isError(value) && (keys.indexOf('message') >= 0 || keys.indexOf('description') >= 0)) return errorString(value);
  if (keys.length === 0) {
    if (typeof value === 'function') return '[Function' + (value.name ? ': ' + value.name : '') + ']';
    if (isRegExp(value)) return RegExp.prototype.toString.call(value);
    if (isDate(value)) return Date.prototype.toString.call(value);
    if (isError(value)) return errorString(value);
  }
  var base = '', array = Array.isArray(value), braces = array ? ['[', ']'] : ['{', '}'];
  if (typeof value === 'function') base = ' [Function' + (value.name ? ': ' + value.name : '') + ']';
  if (isRegExp(value)) base = ' ' + RegExp.prototype.toString.call(value);
  if (isDate(value)) base = ' ' + Date.prototype.toUTCString.call(value);
  if (isError(value)) base = ' ' + errorString(value);
  if (keys.length === 0 && (!array || value.length === 0)) return braces[0] + base + braces[1];
  if (depth < 0) return isRegExp(value) ? RegExp.prototype.toString.call(value) : '[Object]';
  seen.push(value);
  var output = [];
  if (array) {
    for (var i = 0; i < value.length; i++) {
      output.push(hasOwn.call(value, String(i)) ? formatProperty(seen, value, depth, visible, String(i), true) : '');
    }
    keys.forEach(function (k) { if (!/^\d+$/.test(k)) output.push(formatProperty(seen, value, depth, visible, k, true)); });
  } else {
    output = keys.map(function (k) { return formatProperty(seen, value, depth, visible, k, false); });
  }
  seen.pop();
  var length = output.reduce(function (n, s) { return n + s.length + 1; }, 0);
  if (length > 60) {
    return braces[0] + (base === '' ? '' : base + '\n ') + ' ' + output.join(',\n  ') + ' ' + braces[1];
  }
  return braces[0] + base + ' ' + output.join(', ') + ' ' + braces[1];
}

function formatProperty(seen, value, depth, visible, key, array) {
  var name, str;
  var desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key] };
  if (desc.get) str = desc.set ? '[Getter/Setter]' : '[Getter]';
  else if (desc.set) str = '[Setter]';
  if (!hasOwn.call(visible, key)) name = '[' + key + ']';
  if (!str) {
    if (seen.indexOf(desc.value) < 0) {
      str = formatValue(seen, desc.value, depth - 1);
      if (str.indexOf('\n') > -1) {
        str = array
          ? str.split('\n').map(function (l) { return '  ' + l; }).join('\n').substr(2)
          : '\n' + str.split('\n').map(function (l) { return '   ' + l; }).join('\n');
      }
    } else {
      str = '[Circular]';
    }
  }
  if (name === undefined) {
    if (array && /^\d+$/.test(key)) return str;
    name = JSON.stringify('' + key);
    if (/^"([a-zA-Z_][a-zA-Z_0-9]*)"$/.test(name)) name = name.substr(1, name.length - 2);
    else name = name.replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'");
  }
  return name + ': ' + str;
}

function inspect(v) { return formatValue([], v, 1000); }

// --- the package's Node-style errors (TypeError with a code).

function codedError(Ctor, code, msg) {
  var e = new Ctor(msg);
  e.code = code;
  return e;
}

function oneOf(expected, thing) {
  if (Array.isArray(expected)) {
    var n = expected.length;
    expected = expected.map(String);
    if (n > 2) return 'one of ' + thing + ' ' + expected.slice(0, n - 1).join(', ') + ', or ' + expected[n - 1];
    if (n === 2) return 'one of ' + thing + ' ' + expected[0] + ' or ' + expected[1];
    return 'of ' + thing + ' ' + expected[0];
  }
  return 'of ' + thing + ' ' + String(expected);
}

function invalidArgType(name, expected, actual) {
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
    'The "' + name + '" ' + (name.indexOf('.') >= 0 ? 'property' : 'argument') + ' must be ' + oneOf(expected, 'type') +
    '. Received type ' + typeof actual);
}

// missingArgs reproduces the package's call with three names, the last
// undefined, which its message spells out.
function missingArgs() {
  return codedError(TypeError, 'ERR_MISSING_ARGS', 'The "actual", "expected", and "undefined" arguments must be specified');
}

// The package passes ERR_AMBIGUOUS_ARGUMENT's printf template through
// unformatted.
function ambiguousArg() {
  return codedError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s');
}

// --- AssertionError and its generated messages.

var readable = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  equal: 'Expected values to be loosely equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notEqual: 'Expected "actual" to be loosely unequal to:',
  notIdentical: 'Values identical but not reference-equal:'
};

function isObj(v) { return typeof v === 'object' && v !== null; }
function endsWithComma(s) { return s.charAt(s.length - 1) === ','; }

function trimLines(lines) {
  if (lines.length > 30) {
    lines[26] = '...';
    while (lines.length > 27) lines.pop();
  }
  return lines;
}

// errDiff is the "+ actual - expected" line diff of the two inspected
// values. The sandbox has no TTY, so the width is 80 and there is no color.
function errDiff(actual, expected, operator) {
  var other = '', res = '', lastPos = 0, end = '', skipped = false;
  var actualInspected = inspect(actual);
  var actualLines = actualInspected.split('\n');
  var expectedLines = inspect(expected).split('\n');
  var i = 0, indicator = '';
  if (operator === 'strictEqual' && isObj(actual) && isObj(expected)) operator = 'strictEqualObject';
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    var inputLength = actualLines[0].length + expectedLines[0].length;
    if (inputLength <= 10) {
      if (!isObj(actual) && !isObj(expected) && (actual !== 0 || expected !== 0)) {
        return readable[operator] + '\n\n' + actualLines[0] + ' !== ' + expectedLines[0] + '\n';
      }
    } else if (operator !== 'strictEqualObject' && inputLength < 80) {
      while (actualLines[0][i] === expectedLines[0][i]) i++;
      // Point at the first differing character, past a short common start.
      if (i > 2) {
        indicator = '\n  ' + ' '.repeat(i) + '^';
        i = 0;
      }
    }
  }
  var a = actualLines[actualLines.length - 1], b = expectedLines[expectedLines.length - 1];
  while (a === b) {
    if (i++ < 2) end = '\n  ' + a + end;
    else other = a;
    actualLines.pop();
    expectedLines.pop();
    if (actualLines.length === 0 || expectedLines.length === 0) break;
    a = actualLines[actualLines.length - 1];
    b = expectedLines[expectedLines.length - 1];
  }
  var maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    return readable.notIdentical + '\n\n' + trimLines(actualInspected.split('\n')).join('\n') + '\n';
  }
  if (i > 3) {
    end = '\n...' + end;
    skipped = true;
  }
  if (other !== '') {
    end = '\n  ' + other + end;
    other = '';
  }
  var printed = 0;
  var msg = readable[operator] + '\n+ actual - expected';
  var skippedMsg = ' ... Lines skipped';
  // context prints the unchanged lines before a change: up to two, or
  // "..." for a longer run.
  function context(lines, cur) {
    if (cur > 1 && i > 2) {
      if (cur > 4) {
        res += '\n...';
        skipped = true;
      } else if (cur > 3) {
        res += '\n  ' + lines[i - 2];
        printed++;
      }
      res += '\n  ' + lines[i - 1];
      printed++;
    }
    lastPos = i;
  }
  for (i = 0; i < maxLines; i++) {
    var cur = i - lastPos;
    if (actualLines.length < i + 1) {
      context(expectedLines, cur);
      other += '\n- ' + expectedLines[i];
      printed++;
    } else if (expectedLines.length < i + 1) {
      context(actualLines, cur);
      res += '\n+ ' + actualLines[i];
      printed++;
    } else {
      var expectedLine = expectedLines[i], actualLine = actualLines[i];
      // A line that differs only by a trailing comma is the same line.
      var diverging = actualLine !== expectedLine && (!endsWithComma(actualLine) || actualLine.slice(0, -1) !== expectedLine);
      if (diverging && endsWithComma(expectedLine) && expectedLine.slice(0, -1) === actualLine) {
        diverging = false;
        actualLine += ',';
      }
      if (diverging) {
        context(actualLines, cur);
        res += '\n+ ' + actualLine;
        other += '\n- ' + expectedLine;
        printed += 2;
      } else {
        res += other;
        other = '';
        if (cur === 1 || i === 0) {
          res += '\n  ' + actualLine;
          printed++;
        }
      }
    }
    if (printed > 20 && i < maxLines - 2) {
      return msg + skippedMsg + '\n' + res + '\n...' + other + '\n...';
    }
  }
  return msg + (skipped ? skippedMsg : '') + '\n' + res + other + end + indicator;
}

// copyError gives an Error's enumerable properties and message to a plain
// copy, so comparing two errors shows their message.
function copyError(e) {
  var copy = Object.create(Object.getPrototypeOf(e));
  Object.keys(e).forEach(function (k) { copy[k] = e[k]; });
  Object.defineProperty(copy, 'message', { value: e.message });
  return copy;
}

function generatedMessage(actual, expected, operator) {
  if (isObj(actual) && isObj(expected) && 'stack' in actual && actual instanceof Error && 'stack' in expected && expected instanceof Error) {
    actual = copyError(actual);
    expected = copyError(expected);
  }
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') return errDiff(actual, expected, operator);
  var res;
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    var base = readable[operator];
    if (operator === 'notStrictEqual' && isObj(actual)) base = readable.notStrictEqualObject;
    res = trimLines(inspect(actual).split('\n'));
    return res.length === 1 ? base + ' ' + res[0] : base + '\n\n' + res.join('\n') + '\n';
  }
  res = inspect(actual);
  var other = '';
  if (operator === 'notDeepEqual' || operator === 'notEqual') {
    res = readable[operator] + '\n\n' + res;
    if (res.length > 1024) res = res.slice(0, 1021) + '...';
  } else {
    other = inspect(expected);
    if (res.length > 512) res = res.slice(0, 509) + '...';
    if (other.length > 512) other = other.slice(0, 509) + '...';
    if (operator === 'deepEqual' || operator === 'equal') res = readable[operator] + '\n\n' + res + '\n\nshould equal\n\n';
    else other = ' ' + operator + ' ' + other;
  }
  return res + other;
}

class AssertionError extends Error {
  constructor(options) {
    if (!isObj(options)) throw invalidArgType('options', 'Object', options);
    var message = options.message;
    super(message != null ? String(message) : generatedMessage(options.actual, options.expected, options.operator));
    this.generatedMessage = message == null;
    // The stack's first line names the code, as in Node; the name
    // property itself is plain.
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true });
    this.code = 'ERR_ASSERTION';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, options.stackStartFn);
    void this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return this.name + ' [' + this.code + ']: ' + this.message;
  }
}

// --- deep equality: Node 10's isDeepEqual / isDeepStrictEqual.

function isArrayBufferView(v) { return ArrayBuffer.isView(v); }
function isBoxed(v) {
  return v instanceof Number || v instanceof String || v instanceof Boolean ||
    (typeof BigInt === 'function' && v instanceof BigInt) || v instanceof Symbol;
}

function boxedEqual(a, b) {
  if (a instanceof Number) return b instanceof Number && Object.is(a.valueOf(), b.valueOf());
  if (a instanceof String) return b instanceof String && a.valueOf() === b.valueOf();
  if (a instanceof Boolean) return b instanceof Boolean && a.valueOf() === b.valueOf();
  if (typeof BigInt === 'function' && a instanceof BigInt) return b instanceof BigInt && a.valueOf() === b.valueOf();
  return b instanceof Symbol && a.valueOf() === b.valueOf();
}

// ownKeys lists the keys compared: non-index keys for arrays and typed
// arrays (their elements are compared by position), plus enumerable
// symbols.
function nonIndexKeys(v) {
  return Object.keys(v).filter(function (k) {
    if (k.length === 0 || k.length > 10) return true;
    for (var i = 0; i < k.length; i++) {
      var c = k.charCodeAt(i);
      if (c < 48 || c > 57) return true;
    }
    return k.length === 10 && Number(k) >= Math.pow(2, 32);
  }).concat(Object.getOwnPropertySymbols(v).filter(function (s) { return Object.prototype.propertyIsEnumerable.call(v, s); }));
}

var kNoIterator = 0, kIsArray = 1, kIsSet = 2, kIsMap = 3;

function deepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') return (b === null || typeof b !== 'object') && a == b; // eslint-disable-line eqeqeq
    if (b === null || typeof b !== 'object') return false;
  }
  var tag = objToString.call(a);
  if (tag !== objToString.call(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    var ka = nonIndexKeys(a), kb = nonIndexKeys(b);
    return ka.length === kb.length && keyCheck(a, b, strict, memos, kIsArray, ka);
  }
  if (tag === '[object Object]' && ((!(a instanceof Map) && b instanceof Map) || (!(a instanceof Set) && b instanceof Set))) return false;
  if (isDate(a)) {
    if (!isDate(b) || a.getTime() !== b.getTime()) return false;
  } else if (isRegExp(a)) {
    if (!isRegExp(b) || a.source !== b.source || a.flags !== b.flags) return false;
  } else if (a instanceof Error) {
    if (a.message !== b.message || a.name !== b.name) return false;
  } else if (isArrayBufferView(a)) {
    if (a.byteLength !== b.byteLength) return false;
    var ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    if (!strict && (a instanceof Float32Array || a instanceof Float64Array)) {
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    } else {
      for (var j = 0; j < ua.length; j++) if (ua[j] !== ub[j]) return false;
    }
    var kva = nonIndexKeys(a), kvb = nonIndexKeys(b);
    return kva.length === kvb.length && keyCheck(a, b, strict, memos, kNoIterator, kva);
  } else if (a instanceof Set) {
    return b instanceof Set && a.size === b.size && keyCheck(a, b, strict, memos, kIsSet);
  } else if (a instanceof Map) {
    return b instanceof Map && a.size === b.size && keyCheck(a, b, strict, memos, kIsMap);
  } else if (a instanceof ArrayBuffer) {
    if (a.byteLength !== b.byteLength) return false;
    var ba = new Uint8Array(a), bb = new Uint8Array(b);
    for (var m = 0; m < ba.length; m++) if (ba[m] !== bb[m]) return false;
  } else if (isBoxed(a) && !boxedEqual(a, b)) {
    return false;
  }
  return keyCheck(a, b, strict, memos, kNoIterator);
}

function keyCheck(a, b, strict, memos, iterationType, aKeys) {
  var explicitKeys = arguments.length === 6;
  if (!explicitKeys) {
    aKeys = Object.keys(a);
    if (aKeys.length !== Object.keys(b).length) return false;
  }
  for (var i = 0; i < aKeys.length; i++) {
    if (!hasOwn.call(b, aKeys[i])) return false;
  }
  if (strict && !explicitKeys) {
    var symA = Object.getOwnPropertySymbols(a), count = 0;
    for (var s = 0; s < symA.length; s++) {
      var key = symA[s];
      if (Object.prototype.propertyIsEnumerable.call(a, key)) {
        if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
        aKeys.push(key);
        count++;
      } else if (Object.prototype.propertyIsEnumerable.call(b, key)) {
        return false;
      }
    }
    var symB = Object.getOwnPropertySymbols(b);
    var enumB = symB.filter(function (k) { return Object.prototype.propertyIsEnumerable.call(b, k); }).length;
    if (symA.length === 0 ? enumB !== 0 : (symA.length !== symB.length && enumB !== count)) return false;
  }
  if (aKeys.length === 0 && (iterationType === kNoIterator || (iterationType === kIsArray && a.length === 0) || a.size === 0)) return true;
  // Cycles: a pair met again at the same depth is equal.
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), position: 0 };
  } else {
    var ma = memos.a.get(a);
    if (ma !== undefined) {
      var mb = memos.b.get(b);
      if (mb !== undefined) return ma === mb;
    }
    memos.position++;
  }
  memos.a.set(a, memos.position);
  memos.b.set(b, memos.position);
  var result = objEquiv(a, b, strict, aKeys, memos, iterationType);
  memos.a.delete(a);
  memos.b.delete(b);
  return result;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  var i = 0;
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (; i < a.length; i++) {
      if (hasOwn.call(a, i)) {
        if (!hasOwn.call(b, i) || !deepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn.call(b, i)) {
        return false;
      } else {
        // A sparse array: compare the remaining keys.
        var ks = Object.keys(a);
        for (; i < ks.length; i++) {
          var k = ks[i];
          if (!hasOwn.call(b, k) || !deepEqual(a[k], b[k], strict, memos)) return false;
        }
        return ks.length === Object.keys(b).length;
      }
    }
  }
  for (i = 0; i < keys.length; i++) {
    if (!deepEqual(a[keys[i]], b[keys[i]], strict, memos)) return false;
  }
  return true;
}

// findLooseMatch reports whether a primitive that is not in the other set
// as such may still be loosely equal to one of its members.
function looseMatchable(prim) {
  switch (typeof prim) {
    case 'undefined': return null;
    case 'object': return undefined;
    case 'symbol': return false;
    case 'string': prim = +prim;
    // falls through
    case 'number': if (Number.isNaN(prim)) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  var alt = looseMatchable(prim);
  if (alt != null) return alt;
  return b.has(alt) && !a.has(alt);
}

function mapMightHaveLoosePrim(a, b, prim, item, memos) {
  var alt = looseMatchable(prim);
  if (alt != null) return alt;
  var curB = b.get(alt);
  if ((curB === undefined && !b.has(alt)) || !deepEqual(item, curB, false, memos)) return false;
  return !a.has(alt) && deepEqual(item, curB, false, memos);
}

function setHasEqualElement(set, val, strict, memos) {
  var items = Array.from(set);
  for (var i = 0; i < items.length; i++) {
    if (deepEqual(val, items[i], strict, memos)) {
      set.delete(items[i]);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  var set = null;
  var av = Array.from(a);
  for (var i = 0; i < av.length; i++) {
    var val = av[i];
    if (isObj(val)) {
      if (set === null) set = new Set();
      set.add(val);
    } else if (!b.has(val)) {
      if (strict) return false;
      if (!setMightHaveLoosePrim(a, b, val)) return false;
      if (set === null) set = new Set();
      set.add(val);
    }
  }
  if (set !== null) {
    var bv = Array.from(b);
    for (var j = 0; j < bv.length; j++) {
      var v = bv[j];
      if (isObj(v)) {
        if (!setHasEqualElement(set, v, strict, memos)) return false;
      } else if (!strict && !a.has(v) && !setHasEqualElement(set, v, strict, memos)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function mapHasEqualEntry(set, map, key1, item1, strict, memos) {
  var items = Array.from(set);
  for (var i = 0; i < items.length; i++) {
    var key2 = items[i];
    if (deepEqual(key1, key2, strict, memos) && deepEqual(item1, map.get(key2), strict, memos)) {
      set.delete(key2);
      return true;
    }
  }
  return false;
}

function mapEquiv(a, b, strict, memos) {
  var set = null;
  var ae = Array.from(a);
  for (var i = 0; i < ae.length; i++) {
    var key = ae[i][0], item1 = ae[i][1];
    if (isObj(key)) {
      if (set === null) set = new Set();
      set.add(key);
    } else {
      var item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !deepEqual(item1, item2, strict, memos)) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, item1, memos)) return false;
        if (set === null) set = new Set();
        set.add(key);
      }
    }
  }
  if (set !== null) {
    var be = Array.from(b);
    for (var j = 0; j < be.length; j++) {
      var k = be[j][0], it = be[j][1];
      if (isObj(k)) {
        if (!mapHasEqualEntry(set, a, k, it, strict, memos)) return false;
      } else if (!strict && (!a.has(k) || !deepEqual(a.get(k), it, false, memos)) && !mapHasEqualEntry(set, a, k, it, false, memos)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function isDeepEqual(a, b) { return deepEqual(a, b, false); }
function isDeepStrictEqual(a, b) { return deepEqual(a, b, true); }

// --- the assert functions.

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  var generated = false;
  if (argLen === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message instanceof Error) {
    throw message;
  }
  var err = new AssertionError({ actual: value, expected: true, message: message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

function ok() {
  innerOk(ok, arguments.length, arguments[0], arguments[1]);
}

var assert = module.exports = ok;
var warned = false;

assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  var n = arguments.length, internalMessage;
  if (n === 0) {
    internalMessage = 'Failed';
  } else if (n === 1) {
    message = actual;
    actual = undefined;
  } else {
    // The package emits a deprecation warning, once per runtime, through
    // process.emitWarning, which the sandbox's process lacks: that first
    // call fails, with V8's wording, and later ones go on.
    if (!warned) {
      warned = true;
      throw new TypeError('(intermediate value)(intermediate value)(intermediate value) is not a function');
    }
    if (n === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  var opts = { actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail };
  if (message !== undefined) opts.message = message;
  var err = new AssertionError(opts);
  if (internalMessage) {
    err.message = internalMessage;
    err.generatedMessage = true;
  }
  throw err;
};

assert.AssertionError = AssertionError;
assert.ok = ok;

function comparison(name, operator, fails) {
  var fn = {
    [name]: function (actual, expected, message) {
      if (arguments.length < 2) throw missingArgs();
      if (fails(actual, expected)) innerFail({ actual: actual, expected: expected, message: message, operator: operator, stackStartFn: fn });
    }
  }[name];
  return fn;
}

assert.equal = comparison('equal', '==', function (a, b) { return a != b; }); // eslint-disable-line eqeqeq
assert.notEqual = comparison('notEqual', '!=', function (a, b) { return a == b; }); // eslint-disable-line eqeqeq
assert.deepEqual = comparison('deepEqual', 'deepEqual', function (a, b) { return !isDeepEqual(a, b); });
assert.notDeepEqual = comparison('notDeepEqual', 'notDeepEqual', isDeepEqual);
assert.deepStrictEqual = comparison('deepStrictEqual', 'deepStrictEqual', function (a, b) { return !isDeepStrictEqual(a, b); });
assert.notDeepStrictEqual = comparison('notDeepStrictEqual', 'notDeepStrictEqual', isDeepStrictEqual);
assert.strictEqual = comparison('strictEqual', 'strictEqual', function (a, b) { return !Object.is(a, b); });
assert.notStrictEqual = comparison('notStrictEqual', 'notStrictEqual', Object.is);

// Comparison holds the keys of a validation object that the thrown error
// is checked against, so the diff shows only those.
function Comparison(obj, keys, actual) {
  var self = this;
  keys.forEach(function (key) {
    if (key in obj) {
      if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) && obj[key].test(actual[key])) self[key] = actual[key];
      else self[key] = obj[key];
    }
  });
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      var a = new Comparison(actual, keys), b = new Comparison(expected, keys, actual);
      var err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
      err.actual = actual;
      err.expected = expected;
      err.operator = opName;
      throw err;
    }
    innerFail({ actual: actual, expected: expected, message: message, operator: opName, stackStartFn: fn });
  }
}

function expectedException(actual, expected, message, fn) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return expected.test(actual);
    if (arguments.length === 2) throw invalidArgType('expected', ['Function', 'RegExp'], expected);
    if (!isObj(actual)) {
      var err = new AssertionError({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = opName;
      throw err;
    }
    var keys = Object.keys(expected);
    if (expected instanceof Error) {
      keys.push('name', 'message');
    } else if (keys.length === 0) {
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'error' may not be an empty object. Received " + inspect(expected));
    }
    keys.forEach(function (key) {
      if (typeof actual[key] === 'string' && isRegExp(expected[key]) && expected[key].test(actual[key])) return;
      compareExceptionKey(actual, expected, key, message, keys, fn);
    });
    return true;
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Error.isPrototypeOf(expected)) return false;
  return expected.call({}, actual) === true;
}

var NO_EXCEPTION = {};

// opName is the operator of throws, doesNotThrow, rejects and
// doesNotReject failures. The package takes it from the function's name,
// which Postman's minified bundle shortens to "e"; for the same reason
// rejects and doesNotReject say "exception", never "rejection".
var opName = 'e';

function getActual(fn) {
  if (typeof fn !== 'function') throw invalidArgType('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function isPromiseLike(v) {
  return v instanceof Promise || (isObj(v) && typeof v.then === 'function' && typeof v.catch === 'function');
}

function waitForActual(promiseFn) {
  return Promise.resolve().then(function () {
    var p;
    if (typeof promiseFn === 'function') {
      p = promiseFn();
      if (!isPromiseLike(p)) {
        var what = p && p.constructor && p.constructor.name ? 'instance of ' + p.constructor.name : 'type ' + typeof p;
        throw codedError(TypeError, 'ERR_INVALID_RETURN_VALUE', 'Expected instance of Promise to be returned from the "promiseFn" function but got ' + what + '.');
      }
    } else if (isPromiseLike(promiseFn)) {
      p = promiseFn;
    } else {
      throw invalidArgType('promiseFn', ['Function', 'Promise'], promiseFn);
    }
    return Promise.resolve().then(function () { return p; }).then(function () { return NO_EXCEPTION; }).catch(function (e) { return e; });
  });
}

function expectsError(fn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    if (isObj(actual)) {
      if (actual.message === error) throw ambiguousArg();
    } else if (actual === error) {
      throw ambiguousArg();
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }
  if (actual === NO_EXCEPTION) {
    var details = '';
    if (error && error.name) details += ' (' + error.name + ')';
    details += message ? ': ' + message : '.';
    innerFail({ actual: undefined, expected: error, operator: opName, message: 'Missing expected exception' + details, stackStartFn: fn });
  }
  if (error && !expectedException(actual, error, message, fn)) throw actual;
}

function expectsNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || expectedException(actual, error)) {
    var details = message ? ': ' + message : '.';
    innerFail({
      actual: actual, expected: error, operator: opName, stackStartFn: fn,
      message: 'Got unwanted exception' + details + '\nActual message: "' + (actual && actual.message) + '"'
    });
  }
  throw actual;
}

assert.throws = function throws(fn) {
  expectsError.apply(undefined, [throws, getActual(fn)].concat(Array.prototype.slice.call(arguments, 1)));
};
assert.rejects = function rejects(fn) {
  var rest = Array.prototype.slice.call(arguments, 1);
  return waitForActual(fn).then(function (actual) { return expectsError.apply(undefined, [rejects, actual].concat(rest)); });
};
assert.doesNotThrow = function doesNotThrow(fn) {
  expectsNoError.apply(undefined, [doesNotThrow, getActual(fn)].concat(Array.prototype.slice.call(arguments, 1)));
};
assert.doesNotReject = function doesNotReject(fn) {
  var rest = Array.prototype.slice.call(arguments, 1);
  return waitForActual(fn).then(function (actual) { return expectsNoError.apply(undefined, [doesNotReject, actual].concat(rest)); });
};

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  var message = 'ifError got unwanted exception: ';
  if (isObj(err) && typeof err.message === 'string') {
    message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
  } else {
    message += inspect(err);
  }
  throw new AssertionError({ actual: err, expected: null, operator: 'ifError', message: message, stackStartFn: ifError });
};

function strict() {
  innerOk(strict, arguments.length, arguments[0], arguments[1]);
}
assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual
});
assert.strict.strict = assert.strict;
