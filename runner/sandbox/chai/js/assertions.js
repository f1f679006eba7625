// chai's BDD vocabulary. Names are registered in the same order as chai
// registers them: the order decides which name a "Did you mean" hint picks
// when two are equally close to a typo.

function prefixOf(assertion) {
  var msg = getFlag(assertion, 'message');
  return msg ? msg + ': ' : '';
}

function misuse(assertion, text) {
  return new AssertionError(prefixOf(assertion) + text, undefined, getFlag(assertion, 'ssfi'));
}

// sub starts a nested assertion that shares the outer custom message, used
// for preconditions like "the target must be a function".
function sub(assertion, value) {
  return new Assertion(value, getFlag(assertion, 'message'), getFlag(assertion, 'ssfi'), true);
}

// requireType is the precondition sub(assertion, value).is.a(type), run
// only when it would fail: when the type matches it passes with no other
// effect, and a nested assertion is the costliest thing a chain does.
function requireType(assertion, value, type) {
  if (lowerTypeName(value) !== type) sub(assertion, value).is.a(type);
}

function withMessage(assertion, msg) {
  if (msg) setFlag(assertion, 'message', msg);
}

function defineCoreAssertions() {
  var P = Assertion;

  ['to', 'be', 'been', 'is', 'and', 'has', 'have', 'with', 'that', 'which', 'at', 'of', 'same', 'but', 'does',
    'still', 'also'].forEach(function (word) {
    P.addProperty(word);
  });

  P.addProperty('not', function () { setFlag(this, 'negate', true); });
  P.addProperty('deep', function () { setFlag(this, 'deep', true); });
  P.addProperty('nested', function () { setFlag(this, 'nested', true); });
  P.addProperty('own', function () { setFlag(this, 'own', true); });
  P.addProperty('ordered', function () { setFlag(this, 'ordered', true); });
  P.addProperty('any', function () {
    setFlag(this, 'any', true);
    setFlag(this, 'all', false);
  });
  P.addProperty('all', function () {
    setFlag(this, 'all', true);
    setFlag(this, 'any', false);
  });

  // typeChecks caches, by the type a script names, what typeIs compares
  // and says: scripts name few types, often, and lowering the name and
  // building both messages cost more than the check.
  var typeChecks = Object.create(null);
  var typeChecksSize = 0;

  function typeCheck(type) {
    var check = typeof type === 'string' ? typeChecks[type] : undefined;
    if (check !== undefined) return check;
    // Worded as node words chai's `type.toLowerCase()` on a non-string.
    if (type === undefined || type === null) {
      throw new TypeError('Cannot read properties of ' + type + " (reading 'toLowerCase')");
    }
    if (typeof type.toLowerCase !== 'function') throw new TypeError('type.toLowerCase is not a function');
    var lower = type.toLowerCase();
    var article = 'aeiou'.indexOf(lower.charAt(0)) !== -1 ? 'an ' : 'a ';
    check = { type: lower, yes: 'expected #{this} to be ' + article + lower, no: 'expected #{this} not to be ' + article + lower };
    if (typeof type === 'string' && typeChecksSize < 256) {
      typeChecks[type] = check;
      typeChecksSize++;
    }
    return check;
  }

  function typeIs(type, msg) {
    withMessage(this, msg);
    var check = typeCheck(type);
    this.assert(check.type === lowerTypeName(getFlag(this, 'object')), check.yes, check.no);
  }
  addChainableMethod(P.prototype, 'an', typeIs, undefined, 'typeIs');
  addChainableMethod(P.prototype, 'a', typeIs, undefined, 'typeIs');

  function sameValueZero(a, b) {
    return (isNaNValue(a) && isNaNValue(b)) || a === b;
  }

  var markContains = flagMarker(function includeChainingBehavior() { setFlag(this, 'contains', true); }, 'contains');

  function include(val, msg) {
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    var objType = lowerTypeName(obj);
    var negate = getFlag(this, 'negate');
    var deep = getFlag(this, 'deep');
    var same = deep ? getFlag(this, 'eql') : sameValueZero;
    var found = false;
    switch (objType) {
      case 'string':
        found = obj.indexOf(val) !== -1;
        break;
      case 'weakset':
        if (deep) throw misuse(this, 'unable to use .deep.include with WeakSet');
        found = obj.has(val);
        break;
      case 'map':
        obj.forEach(function (item) { found = found || same(item, val); });
        break;
      case 'set':
        if (deep) obj.forEach(function (item) { found = found || same(item, val); });
        else found = obj.has(val);
        break;
      case 'array':
        if (deep) found = obj.some(function (item) { return same(item, val); });
        else found = obj.indexOf(val) !== -1;
        break;
      default:
        includeProperties(this, obj, val, negate);
        return;
    }
    if (!failing(this, found)) {
      // The messages with nothing shown, as concatenated below.
      if (deep) this.assert(found, 'expected #{this} to deep include ', 'expected #{this} to not deep include ');
      else this.assert(found, 'expected #{this} to include ', 'expected #{this} to not include ');
      return;
    }
    var descriptor = deep ? 'deep ' : '';
    var shown = chaiInspect(val);
    this.assert(found,
      'expected #{this} to ' + descriptor + 'include ' + shown,
      'expected #{this} to not ' + descriptor + 'include ' + shown);
  }

  // includeProperties handles include() on a plain target: every key of
  // val must be a property of obj with that value. Negated, it fails only
  // when every one of several keys matched.
  function includeProperties(assertion, obj, val, negate) {
    if (val !== Object(val)) {
      var valType = lowerTypeName(val);
      throw misuse(assertion, 'the given combination of arguments (' + lowerTypeName(obj) + ' and ' +
        valType + ') is invalid for this assertion. You can use an array, a map, an object, a set, a string, ' +
        'or a weakset instead of a ' + valType);
    }
    var keys = Object.keys(val);
    var firstFailure = null;
    var failures = 0;
    keys.forEach(function (key) {
      var check = native.next(assertion);
      setFlag(check, 'lockSsfi', true);
      if (!negate || keys.length === 1) {
        check.property(key, val[key]);
        return;
      }
      try {
        check.property(key, val[key]);
      } catch (err) {
        if (!checkError.compatibleConstructor(err, AssertionError)) throw err;
        if (firstFailure === null) firstFailure = err;
        failures++;
      }
    });
    if (negate && keys.length > 1 && failures === keys.length) throw firstFailure;
  }

  addChainableMethod(P.prototype, 'include', include, markContains, 'include');
  addChainableMethod(P.prototype, 'contain', include, markContains, 'include');
  addChainableMethod(P.prototype, 'contains', include, markContains, 'include');
  addChainableMethod(P.prototype, 'includes', include, markContains, 'include');

  addProperty(P.prototype, 'ok', function () {
    this.assert(getFlag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
  }, 'ok');
  addProperty(P.prototype, 'true', function () {
    this.assert(getFlag(this, 'object') === true, 'expected #{this} to be true', 'expected #{this} to be false',
      !getFlag(this, 'negate'));
  }, 'true');
  addProperty(P.prototype, 'false', function () {
    this.assert(getFlag(this, 'object') === false, 'expected #{this} to be false', 'expected #{this} to be true',
      Boolean(getFlag(this, 'negate')));
  }, 'false');
  addProperty(P.prototype, 'null', function () {
    this.assert(getFlag(this, 'object') === null, 'expected #{this} to be null', 'expected #{this} not to be null');
  }, 'null');
  addProperty(P.prototype, 'undefined', function () {
    this.assert(getFlag(this, 'object') === undefined, 'expected #{this} to be undefined',
      'expected #{this} not to be undefined');
  }, 'undefined');
  P.addProperty('NaN', function () {
    this.assert(isNaNValue(getFlag(this, 'object')), 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
  });

  function exists() {
    var v = getFlag(this, 'object');
    this.assert(v !== null && v !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist');
  }
  addProperty(P.prototype, 'exist', exists, 'exist');
  addProperty(P.prototype, 'exists', exists, 'exist');

  P.addProperty('empty', function () {
    var v = getFlag(this, 'object');
    var size;
    switch (lowerTypeName(v)) {
      case 'array':
      case 'string':
        size = v.length;
        break;
      case 'map':
      case 'set':
        size = v.size;
        break;
      case 'weakmap':
      case 'weakset':
        throw misuse(this, '.empty was passed a weak collection');
      case 'function':
        throw new AssertionError((prefixOf(this) + '.empty was passed a function ' + funcName(v)).trim(),
          undefined, getFlag(this, 'ssfi'));
      default:
        if (v !== Object(v)) throw misuse(this, '.empty was passed non-string primitive ' + chaiInspect(v));
        size = Object.keys(v).length;
    }
    this.assert(size === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
  });

  function isArguments() {
    var t = typeName(getFlag(this, 'object'));
    this.assert(t === 'Arguments', 'expected #{this} to be arguments but got ' + t,
      'expected #{this} to not be arguments');
  }
  P.addProperty('arguments', isArguments);
  P.addProperty('Arguments', isArguments);

  function equal(val, msg) {
    withMessage(this, msg);
    if (getFlag(this, 'deep')) {
      var lock = getFlag(this, 'lockSsfi');
      setFlag(this, 'lockSsfi', true);
      this.eql(val);
      setFlag(this, 'lockSsfi', lock);
      return;
    }
    this.assert(val === getFlag(this, 'object'), 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{exp}',
      val, this._obj, true);
  }
  addFastMethod(P.prototype, 'equal', equal, 'equal');
  addFastMethod(P.prototype, 'equals', equal, 'equal');
  addFastMethod(P.prototype, 'eq', equal, 'equal');

  function eql(val, msg) {
    withMessage(this, msg);
    this.assert(getFlag(this, 'eql')(val, getFlag(this, 'object')),
      'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}',
      val, this._obj, true);
  }
  addFastMethod(P.prototype, 'eql', eql, 'eql');
  addFastMethod(P.prototype, 'eqls', eql, 'eql');

  // Comparison assertions share one shape: validate operand types, then
  // compare either the value or, after .lengthOf, its length or size.
  function sizeOf(obj, objType) {
    if (objType === 'map' || objType === 'set') return { word: 'size', n: obj.size };
    return { word: 'length', n: obj.length };
  }

  function checkComparable(assertion, name, obj, objType, args, doLength) {
    var plural = args.length > 1;
    var problem = null;
    if (doLength && objType !== 'map' && objType !== 'set' && !hasOwnLength(obj)) {
      sub(assertion, obj).to.have.property('length');
    }
    // Plain loops: in goja each callback of map or every is a call and
    // its closure an allocation, on every comparison a test makes.
    var allDates = true, allNumbers = true;
    for (var i = 0; i < args.length; i++) {
      var t = lowerTypeName(args[i]);
      if (t !== 'date') allDates = false;
      if (t !== 'number') allNumbers = false;
    }
    if (!doLength && objType === 'date' && !allDates) {
      problem = plural ? 'the arguments to ' + name + ' must be dates' : 'the argument to ' + name + ' must be a date';
    } else if (!allNumbers && (doLength || objType === 'number')) {
      problem = plural ? 'the arguments to ' + name + ' must be numbers' :
        'the argument to ' + name + ' must be a number';
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      problem = 'expected ' + (objType === 'string' ? "'" + obj + "'" : obj) + ' to be a number or a date';
    }
    if (problem !== null) throw misuse(assertion, problem);
  }

  function comparison(name, holds, words) {
    var pass = 'expected #{this} to be ' + words.pass + ' #{exp}', fail = 'expected #{this} to be ' + words.fail + ' #{exp}';
    return function (n, msg) {
      withMessage(this, msg);
      var obj = getFlag(this, 'object');
      var doLength = getFlag(this, 'doLength');
      var objType = lowerTypeName(obj);
      checkComparable(this, name, obj, objType, [n], doLength);
      if (doLength) {
        var size = sizeOf(obj, objType);
        this.assert(holds(size.n, n),
          'expected #{this} to have a ' + size.word + ' ' + words.lengthPass + ' #{exp} but got #{act}',
          'expected #{this} to ' + words.lengthFail.replace('%s', size.word) + ' #{exp}',
          n, size.n);
        return;
      }
      this.assert(holds(obj, n), pass, fail, n);
    };
  }

  var above = comparison('above', function (a, b) { return a > b; },
    { pass: 'above', fail: 'at most', lengthPass: 'above', lengthFail: 'not have a %s above' });
  addFastMethod(P.prototype, 'above', above, 'above');
  addFastMethod(P.prototype, 'gt', above, 'above');
  addFastMethod(P.prototype, 'greaterThan', above, 'above');

  var least = comparison('least', function (a, b) { return a >= b; },
    { pass: 'at least', fail: 'below', lengthPass: 'at least', lengthFail: 'have a %s below' });
  addFastMethod(P.prototype, 'least', least, 'least');
  addFastMethod(P.prototype, 'gte', least, 'least');
  addFastMethod(P.prototype, 'greaterThanOrEqual', least, 'least');

  var below = comparison('below', function (a, b) { return a < b; },
    { pass: 'below', fail: 'at least', lengthPass: 'below', lengthFail: 'not have a %s below' });
  addFastMethod(P.prototype, 'below', below, 'below');
  addFastMethod(P.prototype, 'lt', below, 'below');
  addFastMethod(P.prototype, 'lessThan', below, 'below');

  var most = comparison('most', function (a, b) { return a <= b; },
    { pass: 'at most', fail: 'above', lengthPass: 'at most', lengthFail: 'have a %s above' });
  addFastMethod(P.prototype, 'most', most, 'most');
  addFastMethod(P.prototype, 'lte', most, 'most');
  addFastMethod(P.prototype, 'lessThanOrEqual', most, 'most');

  P.addMethod('within', function (start, finish, msg) {
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    var doLength = getFlag(this, 'doLength');
    var objType = lowerTypeName(obj);
    var range = lowerTypeName(start) === 'date' && lowerTypeName(finish) === 'date' ?
      start.toISOString() + '..' + finish.toISOString() : start + '..' + finish;
    checkComparable(this, 'within', obj, objType, [start, finish], doLength);
    if (doLength) {
      var size = sizeOf(obj, objType);
      this.assert(size.n >= start && size.n <= finish,
        'expected #{this} to have a ' + size.word + ' within ' + range,
        'expected #{this} to not have a ' + size.word + ' within ' + range);
      return;
    }
    this.assert(obj >= start && obj <= finish, 'expected #{this} to be within ' + range,
      'expected #{this} to not be within ' + range);
  });

  function instanceOf(ctor, msg) {
    withMessage(this, msg);
    var target = getFlag(this, 'object');
    var result;
    try {
      result = target instanceof ctor;
    } catch (err) {
      if (err instanceof TypeError) {
        throw misuse(this, 'The instanceof assertion needs a constructor but ' + typeName(ctor) + ' was given.');
      }
      throw err;
    }
    var name = funcName(ctor);
    if (name === null) name = 'an unnamed constructor';
    this.assert(result, 'expected #{this} to be an instance of ' + name,
      'expected #{this} to not be an instance of ' + name);
  }
  P.addMethod('instanceof', instanceOf);
  P.addMethod('instanceOf', instanceOf);

  function strictlyEqual(a, b) {
    return a === b;
  }

  // propertyWords holds property's descriptor ('deep own nested property ')
  // and its messages for when the name is not shown, indexed by deep*4 +
  // own*2 + nested, so that a passing assertion concatenates nothing.
  var propertyWords = [0, 1, 2, 3, 4, 5, 6, 7].map(function (bits) {
    var descriptor = (bits & 4 ? 'deep ' : '') + (bits & 2 ? 'own ' : '') + (bits & 1 ? 'nested ' : '') + 'property ';
    return {
      descriptor: descriptor,
      has: 'expected #{this} to have ' + descriptor,
      hasNot: 'expected #{this} to not have ' + descriptor
    };
  });

  // property and the postman methods that tell a missing argument from an
  // undefined one are counted (see addCountedMethod): argc comes first.
  function property(argc, name, val, msg) {
    withMessage(this, msg);
    var nested = getFlag(this, 'nested');
    var own = getFlag(this, 'own');
    var obj = getFlag(this, 'object');
    var nameType = typeof name;
    if (nested) {
      if (nameType !== 'string') throw misuse(this, 'the argument to property must be a string when using nested syntax');
    } else if (nameType !== 'string' && nameType !== 'number' && nameType !== 'symbol') {
      throw misuse(this, 'the argument to property must be a string, number, or symbol');
    }
    if (nested && own) throw misuse(this, 'The "nested" and "own" flags cannot be combined.');
    if (obj === null || obj === undefined) throw misuse(this, 'Target cannot be null or undefined.');

    var deep = getFlag(this, 'deep');
    var negate = getFlag(this, 'negate');
    var path = nested ? getPathInfo(obj, name) : null;
    var value = nested ? path.value : obj[name];
    var same = deep ? getFlag(this, 'eql') : strictlyEqual;
    var words = propertyWords[(deep ? 4 : 0) + (own ? 2 : 0) + (nested ? 1 : 0)];
    var descriptor = words.descriptor;
    var present;
    if (own) present = hasOwn.call(obj, name);
    else if (nested) present = path.exists;
    else present = hasPropertyIn(obj, name);

    var withValue = argc > 1;
    var shown;
    if (!negate || !withValue) {
      if (failing(this, present)) {
        shown = chaiInspect(name);
        this.assert(present, 'expected #{this} to have ' + descriptor + shown,
          'expected #{this} to not have ' + descriptor + shown);
      } else {
        this.assert(present, words.has, words.hasNot);
      }
    }
    if (withValue) {
      var matches = present && same(val, value);
      shown = failing(this, matches) ? chaiInspect(name) : '';
      this.assert(matches,
        'expected #{this} to have ' + descriptor + shown + ' of #{exp}, but got #{act}',
        'expected #{this} to not have ' + descriptor + shown + ' of #{act}',
        val, value);
    }
    // The chain continues on the property value: `.property('a').that...`.
    setFlag(this, 'object', value);
  }
  addCountedMethod(P.prototype, 'property', property, 'property');

  function ownProperty(argc, name, val, msg) {
    setFlag(this, 'own', true);
    property.call(this, argc, name, val, msg);
  }
  addCountedMethod(P.prototype, 'ownProperty', ownProperty);
  addCountedMethod(P.prototype, 'haveOwnProperty', ownProperty);

  function ownPropertyDescriptor(name, descriptor, msg) {
    if (typeof descriptor === 'string') {
      msg = descriptor;
      descriptor = null;
    }
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    var actual = Object.getOwnPropertyDescriptor(Object(obj), name);
    if (actual && descriptor) {
      var matches = getFlag(this, 'eql')(descriptor, actual);
      var fails = failing(this, matches);
      this.assert(matches,
        fails ? 'expected the own property descriptor for ' + chaiInspect(name) + ' on #{this} to match ' +
          chaiInspect(descriptor) + ', got ' + chaiInspect(actual) : '',
        fails ? 'expected the own property descriptor for ' + chaiInspect(name) + ' on #{this} to not match ' +
          chaiInspect(descriptor) : '',
        descriptor, actual, true);
    } else {
      var shown = failing(this, actual) ? chaiInspect(name) : '';
      this.assert(actual, 'expected #{this} to have an own property descriptor for ' + shown,
        'expected #{this} to not have an own property descriptor for ' + shown);
    }
    setFlag(this, 'object', actual);
  }
  P.addMethod('ownPropertyDescriptor', ownPropertyDescriptor);
  P.addMethod('haveOwnPropertyDescriptor', ownPropertyDescriptor);

  var markLength = flagMarker(function assertLengthChain() { setFlag(this, 'doLength', true); }, 'doLength');

  // hasOwnLength is true for arrays and strings, for which chai's nested
  // `expect(obj).to.have.property('length')` always passes: skipping it
  // makes lengthOf a quarter of the cost, the same outcome.
  function hasOwnLength(obj) { return typeof obj === 'string' || Array.isArray(obj); }

  // The messages are constants so that a passing lengthOf concatenates
  // nothing: in goja each `+` of strings is an allocation.
  var lengthWords = {
    yes: 'expected #{this} to have a length of #{exp} but got #{act}',
    no: 'expected #{this} to not have a length of #{act}'
  };
  var sizeWords = {
    yes: 'expected #{this} to have a size of #{exp} but got #{act}',
    no: 'expected #{this} to not have a size of #{act}'
  };

  function lengthOf(n, msg) {
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    var objType = lowerTypeName(obj);
    var words = lengthWords;
    var count;
    if (objType === 'map' || objType === 'set') {
      words = sizeWords;
      count = obj.size;
    } else {
      if (!hasOwnLength(obj)) sub(this, obj).to.have.property('length');
      count = obj.length;
    }
    this.assert(count == n, words.yes, words.no, n, count); // eslint-disable-line eqeqeq
  }
  addChainableMethod(P.prototype, 'length', lengthOf, markLength, 'lengthOf');
  addChainableMethod(P.prototype, 'lengthOf', lengthOf, markLength, 'lengthOf');

  function match(re, msg) {
    withMessage(this, msg);
    this.assert(re.exec(getFlag(this, 'object')), 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
  }
  P.addMethod('match', match);
  P.addMethod('matches', match);

  P.addMethod('string', function (str, msg) {
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    requireType(this, obj, 'string');
    var found = obj.indexOf(str) !== -1;
    var shown = failing(this, found) ? chaiInspect(str) : '';
    this.assert(found, 'expected #{this} to contain ' + shown, 'expected #{this} to not contain ' + shown);
  });

  function keys(wanted) {
    var obj = getFlag(this, 'object');
    var objType = typeName(obj);
    var wantedType = typeName(wanted);
    var deep = getFlag(this, 'deep');
    var deeply = '';
    var actual;
    var mixed = 'when testing keys against an object or an array you must give a single Array|Object|String ' +
      'argument or multiple String arguments';
    if (objType === 'Map' || objType === 'Set') {
      deeply = deep ? 'deeply ' : '';
      actual = [];
      obj.forEach(function (v, k) { actual.push(k); });
      if (wantedType !== 'Array') wanted = Array.prototype.slice.call(arguments);
    } else {
      actual = ownEnumerableKeys(obj);
      if (wantedType === 'Array') {
        if (arguments.length > 1) throw misuse(this, mixed);
      } else if (wantedType === 'Object') {
        if (arguments.length > 1) throw misuse(this, mixed);
        wanted = Object.keys(wanted);
      } else {
        wanted = Array.prototype.slice.call(arguments);
      }
      wanted = wanted.map(function (k) { return typeof k === 'symbol' ? k : String(k); });
    }
    if (!wanted.length) throw misuse(this, 'keys required');

    var any = getFlag(this, 'any');
    var all = getFlag(this, 'all');
    var same = deep ? getFlag(this, 'eql') : function (a, b) { return a === b; };
    if (!any && !all) all = true;
    var present = function (k) { return actual.some(function (a) { return same(k, a); }); };
    var ok = true;
    if (any) ok = wanted.some(present);
    if (all) {
      ok = wanted.every(present);
      if (!getFlag(this, 'contains')) ok = ok && wanted.length === actual.length;
    }

    if (!failing(this, ok)) {
      this.assert(ok, '', '', wanted, actual, true);
      return;
    }
    var listed;
    if (wanted.length > 1) {
      var shown = wanted.map(function (k) { return chaiInspect(k); });
      var last = shown.pop();
      if (all) listed = shown.join(', ') + ', and ' + last;
      if (any) listed = shown.join(', ') + ', or ' + last;
    } else {
      listed = chaiInspect(wanted[0]);
    }
    listed = (wanted.length > 1 ? 'keys ' : 'key ') + listed;
    listed = (getFlag(this, 'contains') ? 'contain ' : 'have ') + listed;
    this.assert(ok, 'expected #{this} to ' + deeply + listed, 'expected #{this} to not ' + deeply + listed,
      wanted.slice(0).sort(compareByInspect), actual.sort(compareByInspect), true);
  }
  P.addMethod('keys', keys);
  P.addMethod('key', keys);

  function throws(errorLike, matcher, msg) {
    withMessage(this, msg);
    var fn = getFlag(this, 'object');
    var negate = getFlag(this, 'negate') || false;
    requireType(this, fn, 'function');
    if (errorLike instanceof RegExp || typeof errorLike === 'string') {
      matcher = errorLike;
      errorLike = null;
    }
    var caught;
    try {
      fn();
    } catch (err) {
      // The sandbox's hook gives an engine error V8's words, as a
      // script's own catch gets them: chai matches and prints them.
      caught = typeof __colrunCaught === 'function' ? __colrunCaught(err) : err;
    }
    var noArgs = errorLike === undefined && matcher === undefined;
    var bothArgs = Boolean(errorLike && matcher);
    var kindFailed = false;
    var messageFailed = false;
    var describeCaught = function () {
      return caught instanceof Error ? caught.toString() : caught && checkError.getConstructorName(caught);
    };
    var describeExpected = function () {
      return errorLike instanceof Error ? errorLike.toString() : errorLike && checkError.getConstructorName(errorLike);
    };

    if (noArgs || !negate) {
      var what = 'an error';
      if (errorLike instanceof Error) what = '#{exp}';
      else if (errorLike) what = checkError.getConstructorName(errorLike);
      this.assert(caught, 'expected #{this} to throw ' + what,
        'expected #{this} to not throw an error but #{act} was thrown',
        errorLike && errorLike.toString(),
        caught instanceof Error ? caught.toString() :
          (typeof caught === 'string' ? caught : caught && checkError.getConstructorName(caught)));
    }

    if (errorLike && caught) {
      if (errorLike instanceof Error) {
        if (checkError.compatibleInstance(caught, errorLike) === negate) {
          if (bothArgs && negate) {
            kindFailed = true;
          } else {
            this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
              'expected #{this} to not throw #{exp}' + (caught && !negate ? ' but #{act} was thrown' : ''),
              errorLike.toString(), caught.toString());
          }
        }
      }
      if (checkError.compatibleConstructor(caught, errorLike) === negate) {
        if (bothArgs && negate) {
          kindFailed = true;
        } else {
          this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
            'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
            describeExpected(), describeCaught());
        }
      }
    }

    if (caught && matcher !== undefined && matcher !== null) {
      var how = matcher instanceof RegExp ? 'matching' : 'including';
      if (checkError.compatibleMessage(caught, matcher) === negate) {
        if (bothArgs && negate) {
          messageFailed = true;
        } else {
          this.assert(negate, 'expected #{this} to throw error ' + how + ' #{exp} but got #{act}',
            'expected #{this} to throw error not ' + how + ' #{exp}', matcher, checkError.getMessage(caught));
        }
      }
    }

    if (kindFailed && messageFailed) {
      this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
        'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
        describeExpected(), describeCaught());
    }
    // The chain continues on what was thrown.
    setFlag(this, 'object', caught);
  }
  P.addMethod('throw', throws);
  P.addMethod('throws', throws);
  P.addMethod('Throw', throws);

  function respondTo(method, msg) {
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    var target = typeof obj === 'function' && !getFlag(this, 'itself') ? obj.prototype[method] : obj[method];
    var responds = typeof target === 'function';
    var shown = failing(this, responds) ? chaiInspect(method) : '';
    this.assert(responds, 'expected #{this} to respond to ' + shown, 'expected #{this} to not respond to ' + shown);
  }
  P.addMethod('respondTo', respondTo);
  P.addMethod('respondsTo', respondTo);
  P.addProperty('itself', function () { setFlag(this, 'itself', true); });

  function satisfy(matcher, msg) {
    withMessage(this, msg);
    var result = matcher(getFlag(this, 'object'));
    // chai's negated message has no space after "satisfy"; kept verbatim.
    var shown = failing(this, result) ? objDisplay(matcher) : '';
    this.assert(result, 'expected #{this} to satisfy ' + shown,
      'expected #{this} to not satisfy' + shown, !getFlag(this, 'negate'), result);
  }
  P.addMethod('satisfy', satisfy);
  P.addMethod('satisfies', satisfy);

  function closeTo(expected, delta, msg) {
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    requireType(this, obj, 'number');
    if (typeof expected !== 'number' || typeof delta !== 'number') {
      throw misuse(this, 'the arguments to closeTo or approximately must be numbers' +
        (delta === undefined ? ', and a delta is required' : ''));
    }
    this.assert(Math.abs(obj - expected) <= delta, 'expected #{this} to be close to ' + expected + ' +/- ' + delta,
      'expected #{this} not to be close to ' + expected + ' +/- ' + delta);
  }
  P.addMethod('closeTo', closeTo);
  P.addMethod('approximately', closeTo);

  // isSubset: every element of subset is matched in superset (each
  // superset element at most once unless `contains`), in order if ordered.
  function isSubset(subset, superset, same, contains, ordered) {
    if (!contains) {
      if (subset.length !== superset.length) return false;
      superset = superset.slice();
    }
    return subset.every(function (item, idx) {
      if (ordered) return same ? same(item, superset[idx]) : item === superset[idx];
      if (!same) {
        var at = superset.indexOf(item);
        if (at === -1) return false;
        if (!contains) superset.splice(at, 1);
        return true;
      }
      return superset.some(function (other, at) {
        if (!same(item, other)) return false;
        if (!contains) superset.splice(at, 1);
        return true;
      });
    });
  }

  P.addMethod('members', function (subset, msg) {
    withMessage(this, msg);
    var obj = getFlag(this, 'object');
    requireType(this, obj, 'array');
    requireType(this, subset, 'array');
    var contains = getFlag(this, 'contains');
    var ordered = getFlag(this, 'ordered');
    var pass;
    var fail;
    if (contains) {
      var superset = ordered ? 'an ordered superset' : 'a superset';
      pass = 'expected #{this} to be ' + superset + ' of #{exp}';
      fail = 'expected #{this} to not be ' + superset + ' of #{exp}';
    } else {
      var members = ordered ? 'ordered members' : 'members';
      pass = 'expected #{this} to have the same ' + members + ' as #{exp}';
      fail = 'expected #{this} to not have the same ' + members + ' as #{exp}';
    }
    var same = getFlag(this, 'deep') ? getFlag(this, 'eql') : undefined;
    this.assert(isSubset(subset, obj, same, contains, ordered), pass, fail, subset, obj, true);
  });

  addFastMethod(P.prototype, 'oneOf', function (list, msg) {
    withMessage(this, msg);
    var value = getFlag(this, 'object');
    var same = getFlag(this, 'eql');
    requireType(this, list, 'array');
    if (getFlag(this, 'contains')) {
      this.assert(list.some(function (candidate) { return value.indexOf(candidate) > -1; }),
        'expected #{this} to contain one of #{exp}', 'expected #{this} to not contain one of #{exp}', list, value);
    } else if (getFlag(this, 'deep')) {
      // chai uses the same wording negated or not here.
      this.assert(list.some(function (candidate) { return same(value, candidate); }),
        'expected #{this} to deeply equal one of #{exp}', 'expected #{this} to deeply equal one of #{exp}', list, value);
    } else {
      this.assert(list.indexOf(value) > -1, 'expected #{this} to be one of #{exp}',
        'expected #{this} to not be one of #{exp}', list, value);
    }
  }, 'oneOf');

  // change/increase/decrease run the target function and compare a value
  // read before and after; .by() then checks the recorded delta.
  function delta(kind) {
    return function (subject, prop, msg) {
      withMessage(this, msg);
      var fn = getFlag(this, 'object');
      sub(this, fn).is.a('function');
      var before;
      if (!prop) {
        sub(this, subject).is.a('function');
        before = subject();
      } else {
        sub(this, subject).to.have.property(prop);
        before = subject[prop];
      }
      if (kind !== 'change') sub(this, before).is.a('number');
      fn();
      var noProp = prop === undefined || prop === null;
      var after = noProp ? subject() : subject[prop];
      var label = noProp ? before : '.' + prop;
      setFlag(this, 'deltaMsgObj', label);
      setFlag(this, 'initialDeltaValue', before);
      setFlag(this, 'finalDeltaValue', after);
      setFlag(this, 'deltaBehavior', kind);
      var held;
      if (kind === 'change') {
        setFlag(this, 'realDelta', after !== before);
        held = before !== after;
      } else if (kind === 'increase') {
        setFlag(this, 'realDelta', after - before);
        held = after - before > 0;
      } else {
        setFlag(this, 'realDelta', before - after);
        held = after - before < 0;
      }
      this.assert(held, 'expected ' + label + ' to ' + kind, 'expected ' + label + ' to not ' + kind);
    };
  }
  P.addMethod('change', delta('change'));
  P.addMethod('changes', delta('change'));
  P.addMethod('increase', delta('increase'));
  P.addMethod('increases', delta('increase'));
  P.addMethod('decrease', delta('decrease'));
  P.addMethod('decreases', delta('decrease'));

  P.addMethod('by', function (amount, msg) {
    withMessage(this, msg);
    var label = getFlag(this, 'deltaMsgObj');
    var kind = getFlag(this, 'deltaBehavior');
    var held;
    if (kind === 'change') {
      held = Math.abs(getFlag(this, 'finalDeltaValue') - getFlag(this, 'initialDeltaValue')) === Math.abs(amount);
    } else {
      held = getFlag(this, 'realDelta') === Math.abs(amount);
    }
    this.assert(held, 'expected ' + label + ' to ' + kind + ' by ' + amount,
      'expected ' + label + ' to not ' + kind + ' by ' + amount);
  });

  P.addProperty('extensible', function () {
    var obj = getFlag(this, 'object');
    this.assert(obj === Object(obj) && Object.isExtensible(obj), 'expected #{this} to be extensible',
      'expected #{this} to not be extensible');
  });
  P.addProperty('sealed', function () {
    var obj = getFlag(this, 'object');
    this.assert(obj === Object(obj) ? Object.isSealed(obj) : true, 'expected #{this} to be sealed',
      'expected #{this} to not be sealed');
  });
  P.addProperty('frozen', function () {
    var obj = getFlag(this, 'object');
    this.assert(obj === Object(obj) ? Object.isFrozen(obj) : true, 'expected #{this} to be frozen',
      'expected #{this} to not be frozen');
  });
  P.addProperty('finite', function () {
    var obj = getFlag(this, 'object');
    this.assert(typeof obj === 'number' && isFinite(obj), 'expected #{this} to be a finite number',
      'expected #{this} to not be a finite number');
  });
}
