// The three ways in: expect(), should() and the assert.* functions.

function failer(name) {
  var fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    throw new AssertionError(message || name + '.fail()',
      { actual: actual, expected: expected, operator: operator }, fail);
  };
  return fail;
}

function defineExpect() {
  // native.create is `new Assertion(val, message)` without the object
  // `new` would make only for the assertion to replace it.
  chai.expect = function (val, message) {
    return native.create(val, message);
  };
  chai.expect.fail = failer('expect');
}

function defineShould() {
  function install() {
    function shouldGetter() {
      // Boxed primitives are unboxed so `(1).should.equal(1)` compares 1.
      if (this instanceof String || this instanceof Number || this instanceof Boolean ||
          (typeof Symbol === 'function' && this instanceof Symbol) ||
          (typeof BigInt === 'function' && this instanceof BigInt)) {
        return new Assertion(this.valueOf(), null, shouldGetter);
      }
      return new Assertion(this, null, shouldGetter);
    }
    function shouldSetter(value) {
      Object.defineProperty(this, 'should', { value: value, enumerable: true, configurable: true, writable: true });
    }
    Object.defineProperty(Object.prototype, 'should', { set: shouldSetter, get: shouldGetter, configurable: true });

    var should = { not: {} };
    should.fail = failer('should');
    should.equal = function (a, b, msg) { new Assertion(a, msg).to.equal(b); };
    should.Throw = function (fn, errt, errs, msg) { new Assertion(fn, msg).to.Throw(errt, errs); };
    should.exist = function (val, msg) { new Assertion(val, msg).to.exist; }; // eslint-disable-line no-unused-expressions
    should.not.equal = function (a, b, msg) { new Assertion(a, msg).to.not.equal(b); };
    should.not.Throw = function (fn, errt, errs, msg) { new Assertion(fn, msg).to.not.Throw(errt, errs); };
    should.not.exist = function (val, msg) { new Assertion(val, msg).to.not.exist; }; // eslint-disable-line no-unused-expressions
    should['throw'] = should.Throw;
    should.not['throw'] = should.not.Throw;
    return should;
  }
  chai.should = install;
  chai.Should = install;
}

// assertTable lists the assert.* functions that are a single chain on the
// first argument: [name, chain, number of operands after the target]. The
// last word of the chain is called with the operands when it is a method.
var assertTable = [
  ['isOk', 'is.ok', 0], ['isNotOk', 'is.not.ok', 0],
  ['strictEqual', 'to.equal', 1], ['notStrictEqual', 'to.not.equal', 1],
  ['deepEqual', 'to.eql', 1], ['notDeepEqual', 'to.not.eql', 1],
  ['isAbove', 'to.be.above', 1], ['isAtLeast', 'to.be.least', 1],
  ['isBelow', 'to.be.below', 1], ['isAtMost', 'to.be.most', 1],
  ['isTrue', 'is.true', 0], ['isNotTrue', 'to.not.equal', true],
  ['isFalse', 'is.false', 0], ['isNotFalse', 'to.not.equal', false],
  ['isNull', 'to.equal', null], ['isNotNull', 'to.not.equal', null],
  ['isNaN', 'to.be.NaN', 0], ['isNotNaN', 'not.to.be.NaN', 0],
  ['exists', 'to.exist', 0], ['notExists', 'to.not.exist', 0],
  ['isUndefined', 'to.equal', undefined], ['isDefined', 'to.not.equal', undefined],
  ['isFunction', 'to.be.a', 'function'], ['isNotFunction', 'to.not.be.a', 'function'],
  ['isObject', 'to.be.a', 'object'], ['isNotObject', 'to.not.be.a', 'object'],
  ['isArray', 'to.be.an', 'array'], ['isNotArray', 'to.not.be.an', 'array'],
  ['isString', 'to.be.a', 'string'], ['isNotString', 'to.not.be.a', 'string'],
  ['isNumber', 'to.be.a', 'number'], ['isNotNumber', 'to.not.be.a', 'number'],
  ['isFinite', 'to.be.finite', 0],
  ['isBoolean', 'to.be.a', 'boolean'], ['isNotBoolean', 'to.not.be.a', 'boolean'],
  ['typeOf', 'to.be.a', 1], ['notTypeOf', 'to.not.be.a', 1],
  ['instanceOf', 'to.be.instanceOf', 1], ['notInstanceOf', 'to.not.be.instanceOf', 1],
  ['include', 'include', 1], ['notInclude', 'not.include', 1],
  ['deepInclude', 'deep.include', 1], ['notDeepInclude', 'not.deep.include', 1],
  ['nestedInclude', 'nested.include', 1], ['notNestedInclude', 'not.nested.include', 1],
  ['deepNestedInclude', 'deep.nested.include', 1], ['notDeepNestedInclude', 'not.deep.nested.include', 1],
  ['ownInclude', 'own.include', 1], ['notOwnInclude', 'not.own.include', 1],
  ['deepOwnInclude', 'deep.own.include', 1], ['notDeepOwnInclude', 'not.deep.own.include', 1],
  ['match', 'to.match', 1], ['notMatch', 'to.not.match', 1],
  ['property', 'to.have.property', 1], ['notProperty', 'to.not.have.property', 1],
  ['propertyVal', 'to.have.property', 2], ['notPropertyVal', 'to.not.have.property', 2],
  ['deepPropertyVal', 'to.have.deep.property', 2], ['notDeepPropertyVal', 'to.not.have.deep.property', 2],
  ['ownProperty', 'to.have.own.property', 1], ['notOwnProperty', 'to.not.have.own.property', 1],
  ['ownPropertyVal', 'to.have.own.property', 2], ['notOwnPropertyVal', 'to.not.have.own.property', 2],
  ['deepOwnPropertyVal', 'to.have.deep.own.property', 2],
  ['notDeepOwnPropertyVal', 'to.not.have.deep.own.property', 2],
  ['nestedProperty', 'to.have.nested.property', 1], ['notNestedProperty', 'to.not.have.nested.property', 1],
  ['nestedPropertyVal', 'to.have.nested.property', 2], ['notNestedPropertyVal', 'to.not.have.nested.property', 2],
  ['deepNestedPropertyVal', 'to.have.deep.nested.property', 2],
  ['notDeepNestedPropertyVal', 'to.not.have.deep.nested.property', 2],
  ['lengthOf', 'to.have.lengthOf', 1],
  ['hasAnyKeys', 'to.have.any.keys', 1], ['hasAllKeys', 'to.have.all.keys', 1],
  ['containsAllKeys', 'to.contain.all.keys', 1], ['doesNotHaveAnyKeys', 'to.not.have.any.keys', 1],
  ['doesNotHaveAllKeys', 'to.not.have.all.keys', 1], ['hasAnyDeepKeys', 'to.have.any.deep.keys', 1],
  ['hasAllDeepKeys', 'to.have.all.deep.keys', 1], ['containsAllDeepKeys', 'to.contain.all.deep.keys', 1],
  ['doesNotHaveAnyDeepKeys', 'to.not.have.any.deep.keys', 1],
  ['doesNotHaveAllDeepKeys', 'to.not.have.all.deep.keys', 1],
  ['closeTo', 'to.be.closeTo', 2], ['approximately', 'to.be.approximately', 2],
  ['sameMembers', 'to.have.same.members', 1], ['notSameMembers', 'to.not.have.same.members', 1],
  ['sameDeepMembers', 'to.have.same.deep.members', 1], ['notSameDeepMembers', 'to.not.have.same.deep.members', 1],
  ['sameOrderedMembers', 'to.have.same.ordered.members', 1],
  ['notSameOrderedMembers', 'to.not.have.same.ordered.members', 1],
  ['sameDeepOrderedMembers', 'to.have.same.deep.ordered.members', 1],
  ['notSameDeepOrderedMembers', 'to.not.have.same.deep.ordered.members', 1],
  ['includeMembers', 'to.include.members', 1], ['notIncludeMembers', 'to.not.include.members', 1],
  ['includeDeepMembers', 'to.include.deep.members', 1],
  ['notIncludeDeepMembers', 'to.not.include.deep.members', 1],
  ['includeOrderedMembers', 'to.include.ordered.members', 1],
  ['notIncludeOrderedMembers', 'to.not.include.ordered.members', 1],
  ['includeDeepOrderedMembers', 'to.include.deep.ordered.members', 1],
  ['notIncludeDeepOrderedMembers', 'to.not.include.deep.ordered.members', 1],
  ['oneOf', 'to.be.oneOf', 1],
  ['isExtensible', 'to.be.extensible', 0], ['isNotExtensible', 'to.not.be.extensible', 0],
  ['isSealed', 'to.be.sealed', 0], ['isNotSealed', 'to.not.be.sealed', 0],
  ['isFrozen', 'to.be.frozen', 0], ['isNotFrozen', 'to.not.be.frozen', 0],
  ['isEmpty', 'to.be.empty', 0], ['isNotEmpty', 'to.not.be.empty', 0]
];

// walkChain follows a dotted chain from an assertion and, when the chain
// ends in a method, calls it with args.
function walkChain(start, chain, args) {
  var words = chain.split('.');
  var at = start;
  for (var i = 0; i < words.length - 1; i++) at = at[words[i]];
  var last = words[words.length - 1];
  if (args === null) return at[last];
  return at[last].apply(at, args);
}

function defineAssert() {
  var assert = chai.assert = function (expression, errmsg) {
    var test = new Assertion(null, null, chai.assert, true);
    test.assert(expression, errmsg, '[ negation message unavailable ]');
  };
  assert.fail = failer('assert');

  assertTable.forEach(function (row) {
    var name = row[0];
    var chain = row[1];
    var operands = row[2];
    var fixed = typeof operands !== 'number'; // a constant operand such as null or 'string'
    var fn = function (target) {
      var args = Array.prototype.slice.call(arguments, 1);
      var msg;
      var callArgs;
      if (fixed) {
        msg = args[0];
        callArgs = [operands];
      } else if (operands === 0) {
        msg = args[0];
        callArgs = null;
      } else {
        msg = args[operands];
        callArgs = args.slice(0, operands);
      }
      walkChain(new Assertion(target, msg, fn, true), chain, callArgs);
    };
    assert[name] = fn;
  });
  assert.deepStrictEqual = assert.deepEqual;

  // assert.equal and notEqual use == and report the actual value when
  // negated, so they are not plain chains.
  assert.equal = function (act, exp, msg) {
    var test = new Assertion(act, msg, assert.equal, true);
    test.assert(exp == getFlag(test, 'object'), // eslint-disable-line eqeqeq
      'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{act}', exp, act, true);
  };
  assert.notEqual = function (act, exp, msg) {
    var test = new Assertion(act, msg, assert.notEqual, true);
    test.assert(exp != getFlag(test, 'object'), // eslint-disable-line eqeqeq
      'expected #{this} to not equal #{exp}', 'expected #{this} to equal #{act}', exp, act, true);
  };

  assert.throws = function (fn, errorLike, errMsgMatcher, msg) {
    if (typeof errorLike === 'string' || errorLike instanceof RegExp) {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    var done = new Assertion(fn, msg, assert.throws, true).to.throw(errorLike, errMsgMatcher);
    return getFlag(done, 'object');
  };
  assert.doesNotThrow = function (fn, errorLike, errMsgMatcher, msg) {
    if (typeof errorLike === 'string' || errorLike instanceof RegExp) {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    new Assertion(fn, msg, assert.doesNotThrow, true).to.not.throw(errorLike, errMsgMatcher);
  };

  var operators = {
    '==': function (a, b) { return a == b; }, // eslint-disable-line eqeqeq
    '===': function (a, b) { return a === b; },
    '>': function (a, b) { return a > b; },
    '>=': function (a, b) { return a >= b; },
    '<': function (a, b) { return a < b; },
    '<=': function (a, b) { return a <= b; },
    '!=': function (a, b) { return a != b; }, // eslint-disable-line eqeqeq
    '!==': function (a, b) { return a !== b; }
  };
  assert.operator = function (val, operator, val2, msg) {
    if (!hasOwn.call(operators, operator)) {
      msg = msg ? msg + ': ' : msg;
      throw new AssertionError(msg + 'Invalid operator "' + operator + '"', undefined, assert.operator);
    }
    var test = new Assertion(operators[operator](val, val2), msg, assert.operator, true);
    var holds = getFlag(test, 'object') === true;
    var shown = failing(test, holds) ? [chaiInspect(val), chaiInspect(val2)] : ['', ''];
    test.assert(holds, 'expected ' + shown[0] + ' to be ' + operator + ' ' + shown[1],
      'expected ' + shown[0] + ' to not be ' + operator + ' ' + shown[1]);
  };

  // The change family accepts (fn, getter[, msg]) or (fn, obj, prop[, msg]).
  // returnsAssertion names the ones chai returns the assertion from; the
  // rest return nothing.
  var returnsAssertion = ['doesNotChange', 'increases', 'doesNotIncrease', 'decreases', 'doesNotDecrease',
    'doesNotDecreaseBy'];
  function deltaAssert(name, chain, withBy) {
    var fn = function (target, obj, prop, amount, msg) {
      var n = arguments.length;
      if (withBy) {
        if (n === 4 && typeof obj === 'function') {
          // chai leaves prop set to the delta here, so (fn, getter, delta,
          // msg) fails looking for a property named after the delta.
          msg = amount;
          amount = prop;
        } else if (n === 3) {
          amount = prop;
          prop = null;
        }
      } else {
        msg = amount;
        if (n === 3 && typeof obj === 'function') {
          msg = prop;
          prop = null;
        }
      }
      var words = chain.split('.');
      var at = new Assertion(target, msg, fn, true);
      for (var i = 0; i < words.length - 1; i++) at = at[words[i]];
      at = at[words[words.length - 1]](obj, prop);
      if (withBy) {
        if (withBy === 'butNot') at = at.but.not;
        at = at.by(amount);
      }
      return returnsAssertion.indexOf(name) !== -1 ? at : undefined;
    };
    assert[name] = fn;
  }
  deltaAssert('changes', 'to.change');
  deltaAssert('changesBy', 'to.change', 'by');
  deltaAssert('doesNotChange', 'to.not.change');
  deltaAssert('changesButNotBy', 'to.change', 'butNot');
  deltaAssert('increases', 'to.increase');
  deltaAssert('increasesBy', 'to.increase', 'by');
  deltaAssert('doesNotIncrease', 'to.not.increase');
  deltaAssert('increasesButNotBy', 'to.increase', 'butNot');
  deltaAssert('decreases', 'to.decrease');
  deltaAssert('decreasesBy', 'to.decrease', 'by');
  deltaAssert('doesNotDecrease', 'to.not.decrease');
  deltaAssert('doesNotDecreaseBy', 'to.not.decrease', 'by');
  deltaAssert('decreasesButNotBy', 'to.decrease', 'butNot');

  assert.ifError = function (val) {
    if (val) throw val;
  };

  [['isOk', 'ok'], ['isNotOk', 'notOk'], ['throws', 'throw'], ['throws', 'Throw'], ['isExtensible', 'extensible'],
    ['isNotExtensible', 'notExtensible'], ['isSealed', 'sealed'], ['isNotSealed', 'notSealed'],
    ['isFrozen', 'frozen'], ['isNotFrozen', 'notFrozen'], ['isEmpty', 'empty'], ['isNotEmpty', 'notEmpty']
  ].forEach(function (pair) {
    assert[pair[1]] = assert[pair[0]];
  });
}
