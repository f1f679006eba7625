// The Assertion object, its flag bag, the plugin API (addProperty,
// addMethod, addChainableMethod and their overwrite forms) and the Proxy
// that turns a misspelt assertion into an error instead of a silent pass.
//
// What runs on every chain step (creating and guarding assertions,
// copying, reading and writing flags, calling methods, the passing path of
// assert) is done by core.go through host.__colrunCore; see the comment at
// the top of that file for why. An Assertion is a Go struct behind a goja
// DynamicObject (assertion.go), whose `__flags` bag is only made when a
// script reads it. chai's `ssfi` flag is set when an assertion is created but
// not refreshed on every step: chai only uses it to cut stack traces,
// which goja cannot do.

var native = host && host.__colrunCore;
if (!native) throw new Error('chai: the host did not provide colrun\'s assertion core');

var config = {
  // includeStack only changes which frame chai would cut the stack at;
  // kept so scripts and plugins that set it keep working.
  includeStack: false,
  showDiff: true,
  truncateThreshold: 40,
  useProxy: true,
  proxyExcludedKeys: ['then', 'catch', 'inspect', 'toJSON'],
  deepEqual: null
};

function chaiInspect(obj, showHidden, depth, colors) {
  return loupeInspect(obj, {
    colors: colors,
    depth: depth === undefined ? 2 : depth,
    showHidden: showHidden,
    truncate: config.truncateThreshold ? config.truncateThreshold : Infinity
  });
}

// objDisplay is inspect with one more rule: output at or over the threshold
// collapses functions, arrays and plain objects to a short summary.
function objDisplay(obj) {
  var text = chaiInspect(obj);
  var tag = objectToString.call(obj);
  if (!config.truncateThreshold || text.length < config.truncateThreshold) return text;
  if (tag === '[object Function]') {
    return !obj.name ? '[Function]' : '[Function: ' + obj.name + ']';
  }
  if (tag === '[object Array]') return '[ Array(' + obj.length + ') ]';
  if (tag === '[object Object]') {
    var keys = Object.keys(obj);
    var shown = keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ');
    return '{ Object (' + shown + ') }';
  }
  return text;
}

function compareByInspect(a, b) {
  return chaiInspect(a) < chaiInspect(b) ? -1 : 1;
}

function ownEnumerableSymbols(obj) {
  if (typeof Object.getOwnPropertySymbols !== 'function') return [];
  var symbols = Object.getOwnPropertySymbols(obj);
  if (!symbols.length) return symbols;
  return symbols.filter(function (s) {
    return Object.getOwnPropertyDescriptor(obj, s).enumerable;
  });
}

function ownEnumerableKeys(obj) {
  return Object.keys(obj).concat(ownEnumerableSymbols(obj));
}

// ---------------------------------------------------------------------------
// AssertionError, shaped like the assertion-error package chai throws.

var reservedErrorProps = ['name', 'message', 'stack', 'constructor', 'toJSON'];

function copyProps(target, source, skip) {
  Object.keys(source).forEach(function (key) {
    if (skip.indexOf(key) === -1) target[key] = source[key];
  });
  return target;
}

function AssertionError(message, props, ssf) { // eslint-disable-line no-unused-vars
  var extra = copyProps({}, props || {}, reservedErrorProps);
  this.message = message || 'Unspecified AssertionError';
  this.showDiff = false;
  for (var key in extra) this[key] = extra[key];
  // goja has no Error.captureStackTrace: borrow the frames of a fresh Error
  // and put this error's own headline on top.
  try {
    throw new Error(this.message);
  } catch (e) {
    var frames = String(e.stack || '');
    var cut = frames.indexOf('\n');
    this.stack = 'AssertionError: ' + this.message + (cut === -1 ? '' : frames.slice(cut));
  }
}
AssertionError.prototype = Object.create(Error.prototype);
AssertionError.prototype.name = 'AssertionError';
AssertionError.prototype.constructor = AssertionError;
AssertionError.prototype.toJSON = function (stack) {
  var out = copyProps({ name: this.name }, this, ['constructor', 'toJSON', 'stack']);
  if (stack !== false && this.stack) out.stack = this.stack;
  return out;
};

// ---------------------------------------------------------------------------
// Flags and messages.

function flagsOf(obj) {
  return obj.__flags || (obj.__flags = native.newFlags());
}

// getFlag and setFlag are util.flag's read and write. core.go answers
// them for assertions it holds the flags of; slowFlag and slowSetFlag are
// chai's reading of `obj.__flags`, for any other object.
var getFlag = native.getFlag;
var setFlag = native.setFlag;

function slowFlag(obj, key) {
  return flagsOf(obj)[key];
}

function slowSetFlag(obj, key, value) {
  flagsOf(obj)[key] = value;
}

// flag is chai's util.flag: read with two arguments, write with three. It
// is a function whose calls core.go answers, as goja makes a costly
// `arguments` object for any function that counts its arguments; the
// library itself calls getFlag/setFlag.
var flag = native.flagFunction(function flag(obj, key, value) {}); // eslint-disable-line no-unused-vars

function copyFlags(from, to, includeAll) {
  var flags = flagsOf(from);
  var into = flagsOf(to);
  for (var name in flags) {
    if (includeAll || (name !== 'object' && name !== 'ssfi' && name !== 'lockSsfi' && name !== 'message')) {
      into[name] = flags[name];
    }
  }
}

// transferFlags is chai's util.transferFlags: includeAll defaults to true.
function transferFlags(from, to, includeAll) {
  copyFlags(from, to, arguments.length === 3 ? includeAll : true);
}

// failing reports whether assert(expr) is about to throw, so that callers
// format values into the message (inspect is costly) only for failures.
function failing(assertion, expr) {
  return getFlag(assertion, 'negate') ? Boolean(expr) : !expr;
}

function passes(assertion, args) {
  var expr = args[0];
  return getFlag(assertion, 'negate') ? !expr : expr;
}

function actualOf(assertion, args) {
  return args.length > 4 ? args[4] : assertion._obj;
}

function buildMessage(assertion, args) {
  var negate = getFlag(assertion, 'negate');
  var subject = getFlag(assertion, 'object');
  var expected = args[3];
  var actual = actualOf(assertion, args);
  var template = negate ? args[2] : args[1];
  var prefix = getFlag(assertion, 'message');
  if (typeof template === 'function') template = template();
  template = template || '';
  var text = template
    .replace(/#\{this\}/g, function () { return objDisplay(subject); })
    .replace(/#\{act\}/g, function () { return objDisplay(actual); })
    .replace(/#\{exp\}/g, function () { return objDisplay(expected); });
  return prefix ? prefix + ': ' + text : text;
}

// operatorOf guesses the node-assert style operator chai records on errors
// (some reporters show it); explicit `operator` flags win.
function operatorOf(assertion, args) {
  var explicit = getFlag(assertion, 'operator');
  if (explicit) return explicit;
  var template = getFlag(assertion, 'negate') ? args[2] : args[1];
  if (typeof template === 'function') template = template();
  template = template || '';
  if (!template) return undefined;
  if (/\shave\s/.test(template)) return undefined;
  var structured = ['Array', 'Object', 'function'].indexOf(typeName(args[3])) !== -1;
  if (/\snot\s/.test(template)) return structured ? 'notDeepStrictEqual' : 'notStrictEqual';
  return structured ? 'deepStrictEqual' : 'strictEqual';
}

function expectTypes(assertion, types) {
  var prefix = getFlag(assertion, 'message');
  var ssfi = getFlag(assertion, 'ssfi');
  prefix = prefix ? prefix + ': ' : '';
  var obj = getFlag(assertion, 'object');
  types = types.map(function (t) { return t.toLowerCase(); });
  types.sort();
  var wanted = types.map(function (t, i) {
    var article = 'aeiou'.indexOf(t.charAt(0)) !== -1 ? 'an' : 'a';
    var or = types.length > 1 && i === types.length - 1 ? 'or ' : '';
    return or + article + ' ' + t;
  }).join(', ');
  var actualType = lowerTypeName(obj);
  if (!types.some(function (t) { return actualType === t; })) {
    throw new AssertionError(prefix + 'object tested must be ' + wanted + ', but ' + actualType + ' given',
      undefined, ssfi);
  }
}

// ---------------------------------------------------------------------------
// The Proxy guard.

function proxyEnabled() {
  return config.useProxy && typeof Proxy !== 'undefined' && typeof Reflect !== 'undefined';
}

var internalNames = ['__flags', '__methods', '_obj', 'assert'];

// callableNames are the own names of chai's chainableMethodWrapper, a
// sloppy-mode function in node, in the order node lists them; `length`
// and `name` only while it still has them.
var callableNames = ['length', 'name', 'arguments', 'caller', 'prototype'];

function ownNames(obj) {
  var names = Object.getOwnPropertyNames(obj);
  if (!native.isCallable(obj)) return names;
  // A chainable method's callable is a native function here (core.go),
  // with no `arguments`, `caller` or, until read, `prototype`.
  return callableNames.filter(function (name) {
    return (name !== 'length' && name !== 'name') || names.indexOf(name) !== -1;
  }).concat(names.filter(function (name) { return callableNames.indexOf(name) === -1; }));
}

function allPropertyNames(obj) {
  var names = ownNames(obj);
  for (var proto = Object.getPrototypeOf(obj); proto !== null; proto = Object.getPrototypeOf(proto)) {
    Object.getOwnPropertyNames(proto).forEach(function (name) {
      if (names.indexOf(name) === -1) names.push(name);
    });
  }
  return names;
}

// editDistance is a Levenshtein distance that gives up at `cap`. Its first
// row leaves the final cell at 0 (chai's table does the same), which makes
// some suggestions closer than a textbook distance would; matching that
// keeps "Did you mean" hints identical to Postman's.
function editDistance(a, b, cap) {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  var rows = [];
  var i;
  var j;
  for (i = 0; i <= a.length; i++) {
    rows[i] = [];
    for (j = 0; j <= b.length; j++) rows[i][j] = 0;
    rows[i][0] = i;
  }
  for (j = 0; j < b.length; j++) rows[0][j] = j;
  for (i = 1; i <= a.length; i++) {
    var ch = a.charCodeAt(i - 1);
    for (j = 1; j <= b.length; j++) {
      if (Math.abs(i - j) >= cap) {
        rows[i][j] = cap;
        continue;
      }
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1,
        rows[i - 1][j - 1] + (ch === b.charCodeAt(j - 1) ? 0 : 1));
    }
  }
  return rows[a.length][b.length];
}

function unknownProperty(target, name, methodName) {
  if (methodName) {
    return Error('Invalid Chai property: ' + methodName + '.' + name + '. See docs for proper usage of "' +
      methodName + '".');
  }
  var best = null;
  var bestDistance = 4;
  allPropertyNames(target).forEach(function (candidate) {
    if (hasOwn.call(Object.prototype, candidate) || internalNames.indexOf(candidate) !== -1) return;
    var d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  });
  if (best !== null) return Error('Invalid Chai property: ' + name + '. Did you mean "' + best + '"?');
  return Error('Invalid Chai property: ' + name);
}

// guardMiss decides a read of a name the target lacks, for the guards
// core.go puts around assertions and methods: chai's excluded names read
// as undefined, anything else is an error naming the closest assertion.
function guardMiss(target, name, methodName) {
  if (config.proxyExcludedKeys.indexOf(name) !== -1) return undefined;
  throw unknownProperty(target, name, methodName);
}

// proxify wraps an object (util.proxify) so that reading a string key it
// does not have throws, which is what makes `to.be.tru` fail loudly.
function proxify(obj, methodName) {
  if (!proxyEnabled()) return obj;
  return native.guard(obj, methodName);
}

var functionLengthConfigurable = Object.getOwnPropertyDescriptor(function () {}, 'length').configurable;

// guardLength makes `.length` on a method throw: on a function it would
// otherwise quietly answer the arity and assert nothing.
function guardLength(fn, name, chainable) {
  if (!functionLengthConfigurable) return fn;
  Object.defineProperty(fn, 'length', {
    get: function () {
      if (chainable) {
        throw Error('Invalid Chai property: ' + name + '.length. Due to a compatibility issue, "length" cannot ' +
          'directly follow "' + name + '". Use "' + name + '.lengthOf" instead.');
      }
      throw Error('Invalid Chai property: ' + name + '.length. See docs for proper usage of "' + name + '".');
    }
  });
  return fn;
}

// continueChain is what every property and method returns when the
// assertion itself returned nothing: a fresh assertion with the same flags.
function continueChain(from, result) {
  return result !== undefined ? result : native.next(from);
}

// slowNext is continueChain the long way, for flag bags core.go did not
// make (a plugin replaced __flags, or one of the constructor's is gone).
function slowNext(from) {
  var next = new Assertion();
  copyFlags(from, next, true);
  return next;
}

// addProperty is chai's util.addProperty; fast, for the library's own
// properties only, names a fast path (fastpath.go) that decides passing
// reads in Go.
function addProperty(ctx, name, getter, fast) {
  if (getter === undefined) {
    // A language chain (to, be, have...) only continues the chain.
    Object.defineProperty(ctx, name, { get: native.chainStep, configurable: true });
    return;
  }
  if (typeof getter === 'function') {
    // The getter runs from core.go, which spares a JS frame and a call().
    Object.defineProperty(ctx, name, { get: native.property(getter, fast), configurable: true });
    return;
  }
  // chai calls getter.call(this), which throws as chai does when getter
  // is no function; asTarget runs it on the unguarded assertion.
  var run = function () { return getter.call(this); };
  Object.defineProperty(ctx, name, {
    get: function propertyGetter() {
      return native.asTarget(this, run);
    },
    configurable: true
  });
}

// addMethod stores a Proxy over a stand-in for chai's methodWrapper; its
// apply trap (core.go) calls method with the caller's exact arguments and
// continues the chain, and its get trap guards `length` and unknown names.
function addMethod(ctx, name, method) {
  ctx[name] = native.method(function methodWrapper() {}, method, name, proxyEnabled());
}

// addCountedMethod is addMethod for the library's own methods that need to
// know how many arguments they were given: method receives that count
// before the arguments, which spares it goja's costly `arguments` object.
// Only the library may use it: the raw method never reaches plugins, which
// see the wrapper (as `_super` too). fast names a fast path, as for
// addFastMethod.
function addCountedMethod(ctx, name, method, fast) {
  ctx[name] = native.method(function methodWrapper() {}, method, name, proxyEnabled(), true, fast);
}

// addFastMethod is addMethod for the library's own methods that core.go
// decides in Go when they pass (fastpath.go's fastPaths[fast]); method
// runs for everything else.
function addFastMethod(ctx, name, method, fast) {
  ctx[name] = native.method(function methodWrapper() {}, method, name, proxyEnabled(), false, fast);
}

function overwriteProperty(ctx, name, getter) {
  var previous = Object.getOwnPropertyDescriptor(ctx, name);
  var inherited = previous && typeof previous.get === 'function' ? previous.get : function () {};
  var run = function () {
    var lock = getFlag(this, 'lockSsfi');
    setFlag(this, 'lockSsfi', true);
    var result = getter(inherited).call(this);
    setFlag(this, 'lockSsfi', lock);
    return result;
  };
  Object.defineProperty(ctx, name, {
    get: function overwritingGetter() {
      return native.asTarget(this, run);
    },
    configurable: true
  });
}

function overwriteMethod(ctx, name, method) {
  var previous = ctx[name];
  var inherited = typeof previous === 'function' && previous ? previous : function () {
    throw new Error(name + ' is not a function');
  };
  ctx[name] = native.method(function overwritingMethodWrapper() {}, function () {
    var lock = getFlag(this, 'lockSsfi');
    setFlag(this, 'lockSsfi', true);
    var result = method(inherited).apply(this, arguments);
    setFlag(this, 'lockSsfi', lock);
    return result;
  }, name, proxyEnabled());
}

function noop() {}

// addChainableMethod defines a name usable both as a chain word and as a
// call (`to.include.members(...)` and `to.include(2)`): reading it runs the
// chaining behaviour and hands back a callable that also carries every
// assertion property through its prototype. fast, for the library's own
// methods only, names a fast path as for addFastMethod.
function addChainableMethod(ctx, name, method, chaining, fast) {
  if (typeof chaining !== 'function') chaining = noop;
  var behaviour = { method: method, chainingBehavior: chaining };
  if (!ctx.__methods) ctx.__methods = {};
  ctx.__methods[name] = behaviour;
  // The callable inherits __flags from this through its prototype, as in
  // chai, whose transferFlags into it is therefore a copy onto itself.
  // The getter (core.go) also runs the chaining behaviour: natively for
  // the library's own flag markers, through runChaining for any other.
  var getter = native.chainable(behaviour, name, noop, fast);
  Object.defineProperty(getter, 'name', { value: 'chainableMethodGetter' });
  Object.defineProperty(ctx, name, { get: getter, configurable: true });
}

// runChaining is a chainable method's getter calling its chaining
// behaviour, for behaviours core.go does not run itself.
function runChaining(assertion, behaviour) {
  var fn = behaviour.chainingBehavior;
  // Worded as node words chai's `chainableBehavior.chainingBehavior.call(this)`.
  if (fn === undefined || fn === null) {
    throw new TypeError('Cannot read properties of ' + fn + " (reading 'call')");
  }
  if (typeof fn.call !== 'function') throw new TypeError('chainableBehavior.chainingBehavior.call is not a function');
  fn.call(assertion);
}

// flagMarker registers fn, a chaining behaviour that only sets flag to
// true on the assertion, so that core.go sets the flag without calling
// it. Plugins still see (and may call or overwrite) fn itself.
function flagMarker(fn, flag) {
  native.marker(fn, flag);
  return fn;
}

function overwriteChainableMethod(ctx, name, method, chaining) {
  var behaviour = ctx.__methods[name];
  var previousChaining = behaviour.chainingBehavior;
  behaviour.chainingBehavior = function () {
    return continueChain(this, chaining(previousChaining).call(this));
  };
  var previousMethod = behaviour.method;
  behaviour.method = function () {
    return continueChain(this, method(previousMethod).apply(this, arguments));
  };
}

// ---------------------------------------------------------------------------
// Assertion.

// Assertion sets chai's five constructor flags and returns the guarded
// assertion.
function Assertion(obj, msg, ssfi, lockSsfi) {
  return native.init(this, new.target, ssfi || Assertion, lockSsfi, obj, msg, config.deepEqual || deepEqual);
}

function deprecatedConfigAlias(name) {
  Object.defineProperty(Assertion, name, {
    get: function () {
      if (typeof console !== 'undefined') console.warn('Assertion.' + name + ' is deprecated, use chai.config.' + name + ' instead.');
      return config[name];
    },
    set: function (value) {
      if (typeof console !== 'undefined') console.warn('Assertion.' + name + ' is deprecated, use chai.config.' + name + ' instead.');
      config[name] = value;
    }
  });
}
deprecatedConfigAlias('includeStack');
deprecatedConfigAlias('showDiff');

Assertion.addProperty = function (name, fn) { addProperty(this.prototype, name, fn); };
Assertion.addMethod = function (name, fn) { addMethod(this.prototype, name, fn); };
Assertion.addChainableMethod = function (name, fn, chaining) { addChainableMethod(this.prototype, name, fn, chaining); };
Assertion.overwriteProperty = function (name, fn) { overwriteProperty(this.prototype, name, fn); };
Assertion.overwriteMethod = function (name, fn) { overwriteMethod(this.prototype, name, fn); };
Assertion.overwriteChainableMethod = function (name, fn, chaining) {
  overwriteChainableMethod(this.prototype, name, fn, chaining);
};

// assert throws an AssertionError when expr (inverted under `not`) is
// falsy. Messages may use #{this}, #{act} and #{exp}. The passing path is
// native (see bind below); this is the failing one.
function assertInJS(expr, msg, negateMsg, expected, _actual, showDiff) {
  var ok = passes(this, arguments);
  if (showDiff !== false) showDiff = true;
  if (expected === undefined && _actual === undefined) showDiff = false;
  if (config.showDiff !== true) showDiff = false;
  if (ok) return;
  var props = { actual: actualOf(this, arguments), expected: expected, showDiff: showDiff };
  var operator = operatorOf(this, arguments);
  if (operator) props.operator = operator;
  throw new AssertionError(buildMessage(this, arguments), props,
    config.includeStack ? this.assert : getFlag(this, 'ssfi'));
}
Assertion.prototype.assert = native.assert;

Object.defineProperty(Assertion.prototype, '_obj', {
  get: native.objectGetter,
  set: function (v) { setFlag(this, 'object', v); }
});

native.bind({
  ctor: Assertion,
  config: config,
  eql: deepEqual,
  call: Function.prototype.call,
  apply: Function.prototype.apply,
  miss: guardMiss,
  slowNext: slowNext,
  runChaining: runChaining,
  slowAssert: assertInJS,
  slowFlag: slowFlag,
  slowSetFlag: slowSetFlag,
  structuralEqual: structuralEqual,
  assert: native.assert
});

// ---------------------------------------------------------------------------
// The chai module object.

var util = {
  test: passes,
  type: typeName,
  expectTypes: expectTypes,
  getMessage: buildMessage,
  getActual: actualOf,
  inspect: chaiInspect,
  objDisplay: objDisplay,
  flag: flag,
  transferFlags: transferFlags,
  eql: deepEqual,
  getPathInfo: getPathInfo,
  hasProperty: hasPropertyIn,
  getName: funcName,
  addProperty: addProperty,
  addMethod: addMethod,
  overwriteProperty: overwriteProperty,
  overwriteMethod: overwriteMethod,
  addChainableMethod: addChainableMethod,
  overwriteChainableMethod: overwriteChainableMethod,
  compareByInspect: compareByInspect,
  getOwnEnumerablePropertySymbols: ownEnumerableSymbols,
  getOwnEnumerableProperties: ownEnumerableKeys,
  checkError: checkError,
  proxify: proxify,
  addLengthGuard: guardLength,
  isProxyEnabled: proxyEnabled,
  isNaN: Number.isNaN || isNaNValue,
  getOperator: operatorOf
};

var plugins = [];
var chai = {
  // chai 4.4.1 still reports the version string of 4.3.8.
  version: '4.3.8',
  AssertionError: AssertionError,
  util: util,
  config: config,
  Assertion: Assertion,
  use: function (plugin) {
    if (plugins.indexOf(plugin) === -1) {
      plugin(chai, util);
      plugins.push(plugin);
    }
    return chai;
  }
};
