// Value helpers the assertions are built on: type names, value formatting,
// deep equality, nested paths and error matching. Each one reproduces the
// observable behaviour of the module chai 4.4.1 uses for the same job
// (type-detect, loupe, deep-eql, pathval, check-error, get-func-name),
// quirks included, because those quirks end up in failure messages that
// users compare against Postman.

var globalObject = Function('return this')();
var hasSymbols = typeof Symbol === 'function';
var tagSymbol = hasSymbols && typeof Symbol.toStringTag === 'symbol' ? Symbol.toStringTag : null;
var objectToString = Object.prototype.toString;
var hasOwn = Object.prototype.hasOwnProperty;

function protoOf(make) {
  try { return Object.getPrototypeOf(make()); } catch (e) { return undefined; }
}

// Prototype-to-name pairs consulted after Symbol.toStringTag, as
// type-detect consults them (no prototype appears twice, so order does
// not matter).
var knownProtos = new Map();
function knownProto(ctorName, proto) {
  if (proto && !knownProtos.has(proto)) knownProtos.set(proto, ctorName);
}
knownProto('RegExp', RegExp.prototype);
knownProto('Date', Date.prototype);
if (typeof Promise === 'function') knownProto('Promise', Promise.prototype);
if (typeof Set === 'function') knownProto('Set', Set.prototype);
if (typeof Map === 'function') knownProto('Map', Map.prototype);
if (typeof WeakSet === 'function') knownProto('WeakSet', WeakSet.prototype);
if (typeof WeakMap === 'function') knownProto('WeakMap', WeakMap.prototype);
if (typeof DataView === 'function') knownProto('DataView', DataView.prototype);
if (typeof Map === 'function') knownProto('Map Iterator', protoOf(function () { return new Map().entries(); }));
if (typeof Set === 'function') knownProto('Set Iterator', protoOf(function () { return new Set().entries(); }));
if (hasSymbols) {
  knownProto('Array Iterator', protoOf(function () { return [][Symbol.iterator](); }));
  knownProto('String Iterator', protoOf(function () { return ''[Symbol.iterator](); }));
}

// typeName answers what chai calls `_.type(obj)`: typeof for primitives and
// functions, a capitalised tag for objects ('Array', 'Object', 'Map', ...).
function typeName(obj) {
  var kind = typeof obj;
  if (kind !== 'object') return kind;
  if (obj === null) return 'null';
  if (obj === globalObject) return 'global';
  if (Array.isArray(obj) && (!tagSymbol || !(tagSymbol in obj))) return 'Array';
  if (tagSymbol) {
    var tag = obj[tagSymbol];
    if (typeof tag === 'string') return tag;
  }
  var proto = Object.getPrototypeOf(obj);
  var known = proto === null ? undefined : knownProtos.get(proto);
  if (known !== undefined) return known;
  if (proto === null) return 'Object';
  return objectToString.call(obj).slice(8, -1);
}

// lowerTypeName is typeName(obj).toLowerCase(), which assertions compare
// on every call: in goja each method call on a string makes a wrapper
// object and the lower-case copy another, so names are lowered once.
var lowerTypeNames = Object.create(null);
var lowerTypeNamesSize = 0;

function lowerTypeName(obj) {
  var name = typeName(obj);
  var lower = lowerTypeNames[name];
  if (lower !== undefined) return lower;
  lower = name.toLowerCase();
  // Symbol.toStringTag lets a script make up names; keep the first few.
  if (lowerTypeNamesSize < 256) {
    lowerTypeNames[name] = lower;
    lowerTypeNamesSize++;
  }
  return lower;
}

function funcName(fn) {
  if (typeof fn !== 'function') return null;
  return fn.name;
}

function isNaNValue(v) {
  return v !== v; // eslint-disable-line no-self-compare
}

// ---------------------------------------------------------------------------
// Formatting (loupe 2.3.7 semantics: single-quoted strings, `{ a: 1 }`,
// `[ 1, 2 ]`, a character budget that turns overflow into `…(n)`).

var ELLIPSIS = '\u2026';
var ansi = {
  bold: ['1', '22'], dim: ['2', '22'], italic: ['3', '23'], underline: ['4', '24'],
  inverse: ['7', '27'], hidden: ['8', '28'], strike: ['9', '29'], black: ['30', '39'],
  red: ['31', '39'], green: ['32', '39'], yellow: ['33', '39'], blue: ['34', '39'],
  magenta: ['35', '39'], cyan: ['36', '39'], white: ['37', '39'], grey: ['90', '39']
};
var styleColours = {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
  null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red'
};

function colourise(text, style) {
  var codes = ansi[styleColours[style]] || ansi[style];
  if (!codes) return String(text);
  return '\u001b[' + codes[0] + 'm' + String(text) + '\u001b[' + codes[1] + 'm';
}

function fitTo(text, room, tail) {
  if (tail === undefined) tail = ELLIPSIS;
  text = String(text);
  if (tail.length > room && text.length > tail.length) return tail;
  if (text.length > room && text.length > tail.length) return text.slice(0, room - tail.length) + tail;
  return text;
}

function formatOptions(given) {
  given = given || {};
  var opts = {
    showHidden: Boolean(given.showHidden),
    depth: Number(given.depth === undefined ? 2 : given.depth),
    colors: Boolean(given.colors),
    customInspect: given.customInspect === undefined ? true : Boolean(given.customInspect),
    showProxy: Boolean(given.showProxy),
    maxArrayLength: Number(given.maxArrayLength === undefined ? Infinity : given.maxArrayLength),
    breakLength: Number(given.breakLength === undefined ? Infinity : given.breakLength),
    truncate: Number(given.truncate === undefined ? Infinity : given.truncate),
    seen: given.seen === undefined ? [] : given.seen,
    stylize: given.stylize === undefined ? String : given.stylize
  };
  if (opts.colors) opts.stylize = colourise;
  return opts;
}

// formatList renders items separated by `sep` within opts.truncate
// characters, replacing what does not fit by `…(remaining)`. It looks one
// item ahead so that a short last item is still shown rather than elided.
function formatList(items, opts, formatItem, sep) {
  if (sep === undefined) sep = ', ';
  formatItem = formatItem || opts.inspect;
  var count = items.length;
  if (count === 0) return '';
  var budget = opts.truncate;
  var out = '';
  var ahead = '';
  var elided = '';
  for (var i = 0; i < count; i++) {
    var isLast = i + 1 === count;
    var isPenultimate = i + 2 === count;
    elided = ELLIPSIS + '(' + (count - i) + ')';
    opts.truncate = budget - out.length - (isLast ? 0 : sep.length);
    var piece = ahead || formatItem(items[i], opts) + (isLast ? '' : sep);
    var grown = out.length + piece.length;
    var grownElided = grown + elided.length;
    if (isLast && grown > budget && out.length + elided.length <= budget) break;
    if (!isLast && !isPenultimate && grownElided > budget) break;
    ahead = isLast ? '' : formatItem(items[i + 1], opts) + (isPenultimate ? '' : sep);
    if (!isLast && isPenultimate && grownElided > budget && grown + ahead.length > budget) break;
    out += piece;
    if (!isLast && !isPenultimate && grown + ahead.length >= budget) {
      elided = ELLIPSIS + '(' + (count - i - 1) + ')';
      break;
    }
    elided = '';
  }
  return out + elided;
}

function quoteKey(key) {
  if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key)) return key;
  return JSON.stringify(key).replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'");
}

function formatProperty(pair, opts) {
  var key = pair[0];
  opts.truncate -= 2;
  if (typeof key === 'string') key = quoteKey(key);
  else if (typeof key !== 'number') key = '[' + opts.inspect(key, opts) + ']';
  opts.truncate -= key.length;
  return key + ': ' + opts.inspect(pair[1], opts);
}

function extraArrayKeys(arr) {
  return Object.keys(arr).slice(arr.length);
}

function formatArray(arr, opts) {
  var extra = extraArrayKeys(arr);
  if (!arr.length && !extra.length) return '[]';
  opts.truncate -= 4;
  var body = formatList(arr, opts);
  opts.truncate -= body.length;
  var props = '';
  if (extra.length) {
    props = formatList(extra.map(function (k) { return [k, arr[k]]; }), opts, formatProperty);
  }
  return '[ ' + body + (props ? ', ' + props : '') + ' ]';
}

function typedArrayName(arr) {
  // loupe names a Buffer before its tag, which says Uint8Array.
  if (typeof Buffer === 'function' && arr instanceof Buffer) return 'Buffer';
  if (tagSymbol && arr[tagSymbol]) return arr[tagSymbol];
  return funcName(arr.constructor);
}

function formatTypedArray(arr, opts) {
  var name = typedArrayName(arr);
  opts.truncate -= name.length + 4;
  var extra = extraArrayKeys(arr);
  if (!arr.length && !extra.length) return name + '[]';
  var out = '';
  for (var i = 0; i < arr.length; i++) {
    var piece = opts.stylize(fitTo(arr[i], opts.truncate), 'number') + (i === arr.length - 1 ? '' : ', ');
    opts.truncate -= piece.length;
    if (arr[i] !== arr.length && opts.truncate <= 3) {
      out += ELLIPSIS + '(' + (arr.length - arr[i] + 1) + ')';
      break;
    }
    out += piece;
  }
  var props = '';
  if (extra.length) {
    props = formatList(extra.map(function (k) { return [k, arr[k]]; }), opts, formatProperty);
  }
  return name + '[ ' + out + (props ? ', ' + props : '') + ' ]';
}

function formatDate(d, opts) {
  var iso = d.toJSON();
  if (iso === null) return 'Invalid Date';
  var parts = iso.split('T');
  return opts.stylize(parts[0] + 'T' + fitTo(parts[1], opts.truncate - parts[0].length - 1), 'date');
}

function formatFunction(fn, opts) {
  var name = funcName(fn);
  if (!name) return opts.stylize('[Function]', 'special');
  return opts.stylize('[Function ' + fitTo(name, opts.truncate - 11) + ']', 'special');
}

function formatMapEntry(pair, opts) {
  opts.truncate -= 4;
  var key = opts.inspect(pair[0], opts);
  opts.truncate -= key.length;
  return key + ' => ' + opts.inspect(pair[1], opts);
}

function formatMap(map, opts) {
  // loupe compares size - 1 with 0, so a one-entry Map prints as `Map{}`.
  if (map.size - 1 <= 0) return 'Map{}';
  opts.truncate -= 7;
  var entries = [];
  map.forEach(function (v, k) { entries.push([k, v]); });
  return 'Map{ ' + formatList(entries, opts, formatMapEntry) + ' }';
}

function formatSet(set, opts) {
  if (set.size === 0) return 'Set{}';
  opts.truncate -= 7;
  var values = [];
  set.forEach(function (v) { values.push(v); });
  return 'Set{ ' + formatList(values, opts) + ' }';
}

function formatNumber(n, opts) {
  if (isNaNValue(n)) return opts.stylize('NaN', 'number');
  if (n === Infinity) return opts.stylize('Infinity', 'number');
  if (n === -Infinity) return opts.stylize('-Infinity', 'number');
  if (n === 0) return opts.stylize(1 / n === Infinity ? '+0' : '-0', 'number');
  return opts.stylize(fitTo(n, opts.truncate), 'number');
}

function formatBigInt(n, opts) {
  var digits = fitTo(n.toString(), opts.truncate - 1);
  if (digits !== ELLIPSIS) digits += 'n';
  return opts.stylize(digits, 'bigint');
}

function formatRegExp(re, opts) {
  // Flags come from splitting the source text on '/', as loupe does; a
  // pattern containing an escaped slash therefore shows odd flags there too.
  var flags = re.toString().split('/')[2];
  var room = opts.truncate - (2 + flags.length);
  return opts.stylize('/' + fitTo(re.source, room) + '/' + flags, 'regexp');
}

var escapable = new RegExp("['\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u0600-\\u0604\\u070f\\u17b4\\u17b5" +
  '\\u200c-\\u200f\\u2028-\\u202f\\u2060-\\u206f\\ufeff\\ufff0-\\uffff]', 'g');
var namedEscapes = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };

function escapeChar(ch) {
  return namedEscapes[ch] || '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
}

function formatString(s, opts) {
  escapable.lastIndex = 0;
  if (escapable.test(s)) {
    escapable.lastIndex = 0;
    s = s.replace(escapable, escapeChar);
  }
  return opts.stylize("'" + fitTo(s, opts.truncate - 2) + "'", 'string');
}

function formatSymbol(sym) {
  return sym.description ? 'Symbol(' + sym.description + ')' : 'Symbol()';
}

function formatPlainObject(obj, opts) {
  var names = Object.getOwnPropertyNames(obj);
  var syms = Object.getOwnPropertySymbols ? Object.getOwnPropertySymbols(obj) : [];
  if (names.length === 0 && syms.length === 0) return '{}';
  opts.truncate -= 4;
  opts.seen = opts.seen || [];
  if (opts.seen.indexOf(obj) >= 0) return '[Circular]';
  opts.seen.push(obj);
  var named = formatList(names.map(function (k) { return [k, obj[k]]; }), opts, formatProperty);
  var symbolic = formatList(syms.map(function (k) { return [k, obj[k]]; }), opts, formatProperty);
  opts.seen.pop();
  return '{ ' + named + (named && symbolic ? ', ' : '') + symbolic + ' }';
}

function formatInstance(obj, opts) {
  var name = '';
  if (tagSymbol && tagSymbol in obj) name = obj[tagSymbol];
  name = name || funcName(obj.constructor);
  if (!name || name === '_class') name = '<Anonymous Class>';
  opts.truncate -= name.length;
  return name + formatPlainObject(obj, opts);
}

function formatArguments(args, opts) {
  if (args.length === 0) return 'Arguments[]';
  opts.truncate -= 13;
  return 'Arguments[ ' + formatList(args, opts) + ' ]';
}

var errorOwnSkipped = ['stack', 'line', 'column', 'name', 'message', 'fileName', 'lineNumber',
  'columnNumber', 'number', 'description'];

function formatError(err, opts) {
  var names = Object.getOwnPropertyNames(err).filter(function (k) {
    return errorOwnSkipped.indexOf(k) === -1;
  });
  var name = err.name;
  opts.truncate -= name.length;
  var message = '';
  if (typeof err.message === 'string') message = fitTo(err.message, opts.truncate);
  else names.unshift('message');
  message = message ? ': ' + message : '';
  opts.truncate -= message.length + 5;
  var props = formatList(names.map(function (k) { return [k, err[k]]; }), opts, formatProperty);
  return name + message + (props ? ' { ' + props + ' }' : '');
}

function constant(text) {
  return function (v, opts) { return opts.stylize(text, 'special'); };
}
function empty() { return ''; }

var formatters = {
  undefined: function (v, opts) { return opts.stylize('undefined', 'undefined'); },
  null: function (v, opts) { return opts.stylize(null, 'null'); },
  boolean: function (v, opts) { return opts.stylize(v, 'boolean'); },
  Boolean: function (v, opts) { return opts.stylize(v, 'boolean'); },
  number: formatNumber,
  Number: formatNumber,
  bigint: formatBigInt,
  BigInt: formatBigInt,
  string: formatString,
  String: formatString,
  function: formatFunction,
  Function: formatFunction,
  symbol: formatSymbol,
  Symbol: formatSymbol,
  Array: formatArray,
  Date: formatDate,
  Map: formatMap,
  Set: formatSet,
  RegExp: formatRegExp,
  Promise: function () { return 'Promise{' + ELLIPSIS + '}'; },
  WeakSet: constant('WeakSet{' + ELLIPSIS + '}'),
  WeakMap: constant('WeakMap{' + ELLIPSIS + '}'),
  Arguments: formatArguments,
  Int8Array: formatTypedArray,
  Uint8Array: formatTypedArray,
  Uint8ClampedArray: formatTypedArray,
  Int16Array: formatTypedArray,
  Uint16Array: formatTypedArray,
  Int32Array: formatTypedArray,
  Uint32Array: formatTypedArray,
  Float32Array: formatTypedArray,
  Float64Array: formatTypedArray,
  Generator: empty,
  DataView: empty,
  ArrayBuffer: empty,
  Error: formatError
};

var inspectSymbol = hasSymbols && typeof Symbol['for'] === 'function' ? Symbol['for']('chai/inspect') : '@@chai/inspect';
var customByConstructor = typeof WeakMap === 'function' ? new WeakMap() : null;
var customByTag = {};

function customFormat(value, opts, kind) {
  if (inspectSymbol in value && typeof value[inspectSymbol] === 'function') return value[inspectSymbol](opts);
  if ('inspect' in value && typeof value.inspect === 'function') return value.inspect(opts.depth, opts);
  if (customByConstructor && 'constructor' in value && customByConstructor.has(value.constructor)) {
    return customByConstructor.get(value.constructor)(value, opts);
  }
  if (customByTag[kind]) return customByTag[kind](value, opts);
  return '';
}

// inspect renders any value the way chai prints it inside failure messages.
function loupeInspect(value, given) {
  var opts = formatOptions(given);
  opts.inspect = loupeInspect;
  var kind = value === null ? 'null' : typeof value;
  if (kind === 'object') kind = objectToString.call(value).slice(8, -1);
  if (hasOwn.call(formatters, kind)) return formatters[kind](value, opts);
  if (opts.customInspect && value) {
    var custom = customFormat(value, opts, kind);
    if (custom) {
      if (typeof custom === 'string') return custom;
      return loupeInspect(custom, opts);
    }
  }
  var proto = value ? Object.getPrototypeOf(value) : false;
  if (proto === Object.prototype || proto === null) return formatPlainObject(value, opts);
  if ('constructor' in value) {
    if (value.constructor !== Object) return formatInstance(value, opts);
    return formatPlainObject(value, opts);
  }
  if (value === Object(value)) return formatPlainObject(value, opts);
  return opts.stylize(String(value), kind);
}

function registerConstructor(ctor, fn) {
  if (!customByConstructor || customByConstructor.has(ctor)) return false;
  customByConstructor.set(ctor, fn);
  return true;
}

function registerStringTag(tag, fn) {
  if (tag in customByTag) return false;
  customByTag[tag] = fn;
  return true;
}

// ---------------------------------------------------------------------------
// Deep equality (deep-eql 4.1.4): SameValue for primitives except that NaN
// equals NaN, structural for containers, Set/Map compared as sorted entry
// lists, own and inherited enumerable string keys plus own enumerable
// symbols for objects, and a memo so cycles terminate.

function isPrimitive(v) {
  return v === null || typeof v !== 'object';
}

function memoGet(memo, a, b) {
  if (!memo || isPrimitive(a) || isPrimitive(b)) return null;
  var inner = memo.get(a);
  if (inner) {
    var known = inner.get(b);
    if (typeof known === 'boolean') return known;
  }
  return null;
}

function memoSet(memo, a, b, result) {
  if (!memo || isPrimitive(a) || isPrimitive(b)) return;
  var inner = memo.get(a);
  if (!inner) {
    inner = new Map();
    memo.set(a, inner);
  }
  inner.set(b, result);
}

function shallowVerdict(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  if (a !== a && b !== b) return true; // eslint-disable-line no-self-compare
  if (isPrimitive(a) || isPrimitive(b)) return false;
  return null;
}

function deepEqual(a, b, options) {
  if (options && options.comparator) return structuralEqual(a, b, options);
  var quick = shallowVerdict(a, b);
  if (quick !== null) return quick;
  // Plain objects and arrays are compared in Go (deepequal.go), by these
  // same rules.
  var decided = native.deepEqual(a, b, options);
  if (decided !== undefined) return decided;
  return structuralEqual(a, b, options);
}

function structuralEqual(a, b, options) {
  options = options || {};
  // deep-eql memoizes in a WeakMap; the memo lives for one comparison, and
  // goja's WeakMap registers a GC cleanup per key, so a Map does the job.
  options.memoize = options.memoize === false ? false : options.memoize || new Map();
  var memo = options.memoize;
  var known = memoGet(memo, a, b);
  if (known !== null) return known;
  known = memoGet(memo, b, a);
  if (known !== null) return known;
  if (options.comparator) {
    var decided = options.comparator(a, b);
    if (decided === false || decided === true) {
      memoSet(memo, a, b, decided);
      return decided;
    }
    var quick = shallowVerdict(a, b);
    if (quick !== null) return quick;
  }
  var kind = typeName(a);
  if (kind !== typeName(b)) {
    memoSet(memo, a, b, false);
    return false;
  }
  // Provisionally equal while descending, so that a cycle back to this pair
  // does not recurse forever.
  memoSet(memo, a, b, true);
  var result = equalByKind(a, b, kind, options);
  memoSet(memo, a, b, result);
  return result;
}

var listKinds = ['Arguments', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'Array'];

function equalByKind(a, b, kind, options) {
  switch (kind) {
    case 'String':
    case 'Number':
    case 'Boolean':
    case 'Date':
      return deepEqual(a.valueOf(), b.valueOf());
    case 'Promise':
    case 'Symbol':
    case 'function':
    case 'WeakMap':
    case 'WeakSet':
      return a === b;
    case 'Error':
      return sameKeys(a, b, ['name', 'message', 'code'], options);
    case 'RegExp':
      return a.toString() === b.toString();
    case 'Generator':
      return sameItems(drain(a), drain(b), options);
    case 'DataView':
      return sameItems(new Uint8Array(a.buffer), new Uint8Array(b.buffer), options);
    case 'ArrayBuffer':
      return sameItems(new Uint8Array(a), new Uint8Array(b), options);
    case 'Set':
    case 'Map':
      return sameEntries(a, b, options);
    default:
      if (listKinds.indexOf(kind) !== -1) return sameItems(a, b, options);
      return sameObject(a, b, options);
  }
}

function sameEntries(a, b, options) {
  try {
    if (a.size !== b.size) return false;
    if (a.size === 0) return true;
  } catch (e) {
    return false;
  }
  var left = [];
  var right = [];
  a.forEach(function (k, v) { left.push([k, v]); });
  b.forEach(function (k, v) { right.push([k, v]); });
  return sameItems(left.sort(), right.sort(), options);
}

function sameItems(a, b, options) {
  var n = a.length;
  if (n !== b.length) return false;
  for (var i = 0; i < n; i++) {
    if (deepEqual(a[i], b[i], options) === false) return false;
  }
  return true;
}

function drain(iter) {
  var step = iter.next();
  var all = [step.value];
  while (step.done === false) {
    step = iter.next();
    all.push(step.value);
  }
  return all;
}

function iteratedEntries(target) {
  if (hasSymbols && typeof target === 'object' && typeof Symbol.iterator !== 'undefined' &&
      typeof target[Symbol.iterator] === 'function') {
    try {
      return drain(target[Symbol.iterator]());
    } catch (e) {
      return [];
    }
  }
  return [];
}

function enumerableKeys(target) {
  var keys = [];
  for (var k in target) keys.push(k);
  return keys;
}

function sameKeys(a, b, keys, options) {
  for (var i = 0; i < keys.length; i++) {
    if (deepEqual(a[keys[i]], b[keys[i]], options) === false) return false;
  }
  return true;
}

// keysWithSymbols is deep-eql's key list: enumerable string keys (own and
// inherited) then own enumerable symbols.
function keysWithSymbols(obj) {
  var keys = enumerableKeys(obj);
  var symbols = ownEnumerableSymbols(obj);
  return symbols.length ? keys.concat(symbols) : keys;
}

// sortedLabels is deep-eql's mapSymbols(keys).sort(): symbols compare by
// their description string.
function sortedLabels(keys) {
  var labels = keys.slice();
  for (var i = 0; i < labels.length; i++) {
    if (typeof labels[i] === 'symbol') labels[i] = labels[i].toString();
  }
  return labels.sort();
}

function sameObject(a, b, options) {
  var leftKeys = keysWithSymbols(a);
  var rightKeys = keysWithSymbols(b);
  if (leftKeys.length && leftKeys.length === rightKeys.length) {
    // The labels are strings, for which deep-eql's element comparison is ===.
    var left = sortedLabels(leftKeys);
    var right = sortedLabels(rightKeys);
    for (var i = 0; i < left.length; i++) {
      if (left[i] !== right[i]) return false;
    }
    return sameKeys(a, b, leftKeys, options);
  }
  var leftEntries = iteratedEntries(a);
  var rightEntries = iteratedEntries(b);
  if (leftEntries.length && leftEntries.length === rightEntries.length) {
    leftEntries.sort();
    rightEntries.sort();
    return sameItems(leftEntries, rightEntries, options);
  }
  return leftKeys.length === 0 && leftEntries.length === 0 && rightKeys.length === 0 && rightEntries.length === 0;
}

// ---------------------------------------------------------------------------
// Nested paths (pathval 1.1.1): `a.b[0].c`, with `\.` and `\[` escapes.

function hasPropertyIn(obj, name) {
  if (obj === undefined || obj === null) return false;
  return name in Object(obj);
}

function splitPath(path) {
  var spaced = path.replace(/([^\\])\[/g, '$1.[');
  var parts = spaced.match(/(\\\.|[^.]+?)+/g);
  return parts.map(function (part) {
    // Prototype-reaching segments resolve to nothing rather than walking
    // into constructors.
    if (part === 'constructor' || part === '__proto__' || part === 'prototype') return {};
    var index = /^\[(\d+)\]$/.exec(part);
    if (index) return { i: parseFloat(index[1]) };
    return { p: part.replace(/\\([.[\]])/g, '$1') };
  });
}

function walkPath(obj, parts, depth) {
  var current = obj;
  var found = null;
  if (depth === undefined) depth = parts.length;
  for (var i = 0; i < depth; i++) {
    var part = parts[i];
    if (current) {
      current = part.p === undefined ? current[part.i] : current[part.p];
      if (i === depth - 1) found = current;
    }
  }
  return found;
}

function getPathInfo(obj, path) {
  var parts = splitPath(path);
  var last = parts[parts.length - 1];
  var info = {
    parent: parts.length > 1 ? walkPath(obj, parts, parts.length - 1) : obj,
    name: last.p || last.i,
    value: walkPath(obj, parts)
  };
  info.exists = hasPropertyIn(info.parent, info.name);
  return info;
}

function getPathValue(obj, path) {
  return getPathInfo(obj, path).value;
}

// ---------------------------------------------------------------------------
// Error matching (check-error 1.0.3).

var checkError = {
  compatibleInstance: function (thrown, errorLike) {
    return errorLike instanceof Error && thrown === errorLike;
  },
  compatibleConstructor: function (thrown, errorLike) {
    if (errorLike instanceof Error) {
      return thrown.constructor === errorLike.constructor || thrown instanceof errorLike.constructor;
    }
    if (errorLike.prototype instanceof Error || errorLike === Error) {
      return thrown.constructor === errorLike || thrown instanceof errorLike;
    }
    return false;
  },
  compatibleMessage: function (thrown, matcher) {
    var text = typeof thrown === 'string' ? thrown : thrown.message;
    if (matcher instanceof RegExp) return matcher.test(text);
    if (typeof matcher === 'string') return text.indexOf(matcher) !== -1;
    return false;
  },
  getConstructorName: function (errorLike) {
    if (errorLike instanceof Error) return funcName(errorLike.constructor);
    if (typeof errorLike === 'function') {
      var name = funcName(errorLike);
      if (name === '') {
        // An anonymous constructor is named after what it builds.
        name = funcName(new errorLike()) || name; // eslint-disable-line new-cap
      }
      return name;
    }
    return errorLike;
  },
  getMessage: function (errorLike) {
    if (errorLike && errorLike.message) return errorLike.message;
    if (typeof errorLike === 'string') return errorLike;
    return '';
  }
};
