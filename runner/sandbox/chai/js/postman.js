// Postman's response and request assertions (chai-postman 2.0.1), plus the
// few lodash behaviours they depend on. A value counts as a Postman
// response or request the way postman-collection decides it: its
// constructor, or a constructor up its `super_` chain, has
// `_postman_propertyName` 'Response' or 'Request'.

function inSuperChain(ctor, name) {
  for (var c = ctor; c; c = c.super_) {
    if (c._postman_propertyName === name) return true;
  }
  return false;
}

function isPostmanResponse(obj) {
  return Boolean(obj) && inSuperChain(obj.constructor, 'Response');
}

function isPostmanRequest(obj) {
  return Boolean(obj) && inSuperChain(obj.constructor, 'Request');
}

// ---------------------------------------------------------------------------
// lodash semantics used by chai-postman: isNumber, isString, isPlainObject,
// isEqual, has and get (with lodash's path syntax: a.b[0]["c.d"]).

function isObjectLike(v) {
  return v !== null && typeof v === 'object';
}

function lodashIsNumber(v) {
  return typeof v === 'number' || (isObjectLike(v) && objectToString.call(v) === '[object Number]');
}

function lodashIsString(v) {
  return typeof v === 'string' ||
    (!Array.isArray(v) && isObjectLike(v) && objectToString.call(v) === '[object String]');
}

var fnToString = Function.prototype.toString;
var objectCtorSource = fnToString.call(Object);

function lodashIsPlainObject(v) {
  if (!isObjectLike(v) || objectToString.call(v) !== '[object Object]') return false;
  var proto = Object.getPrototypeOf(v);
  if (proto === null) return true;
  var ctor = hasOwn.call(proto, 'constructor') && proto.constructor;
  return typeof ctor === 'function' && ctor instanceof ctor && fnToString.call(ctor) === objectCtorSource;
}

function sameValueZeroNaN(a, b) {
  return a === b || (a !== a && b !== b); // eslint-disable-line no-self-compare
}

function ownKeysWithSymbols(obj) {
  return Object.keys(obj).concat(ownEnumerableSymbols(obj));
}

// lodashIsEqual: structural equality with lodash's rules (own enumerable
// keys, matching constructors, 0 equal to -0, NaN equal to NaN).
function lodashIsEqual(a, b, seen) {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || (!isObjectLike(a) && !isObjectLike(b))) {
    return a !== a && b !== b; // eslint-disable-line no-self-compare
  }
  var tagA = objectToString.call(a);
  var tagB = objectToString.call(b);
  if (tagA === '[object Arguments]') tagA = '[object Object]';
  if (tagB === '[object Arguments]') tagB = '[object Object]';
  if (tagA !== tagB) return false;
  seen = seen || [];
  for (var s = 0; s < seen.length; s++) {
    if (seen[s][0] === a) return seen[s][1] === b;
  }
  switch (tagA) {
    case '[object Boolean]':
    case '[object Date]':
    case '[object Number]':
      return sameValueZeroNaN(+a, +b);
    case '[object Error]':
      return a.name === b.name && a.message === b.message;
    case '[object RegExp]':
    case '[object String]':
      return a == String(b); // eslint-disable-line eqeqeq
    case '[object Symbol]':
      return Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
    default:
  }
  seen.push([a, b]);
  try {
    if (tagA === '[object Map]' || tagA === '[object Set]') {
      if (a.size !== b.size) return false;
      var left = [];
      var right = [];
      a.forEach(function (v, k) { left.push(tagA === '[object Map]' ? [k, v] : v); });
      b.forEach(function (v, k) { right.push(tagA === '[object Map]' ? [k, v] : v); });
      return left.every(function (x) {
        return right.some(function (y) { return lodashIsEqual(x, y, seen); });
      });
    }
    if (tagA === '[object Array]' || /Array\]$/.test(tagA)) {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) {
        if (!lodashIsEqual(a[i], b[i], seen)) return false;
      }
      return true;
    }
    if (typeof a === 'function' || typeof b === 'function') return false;
    var keysA = ownKeysWithSymbols(a);
    var keysB = ownKeysWithSymbols(b);
    if (keysA.length !== keysB.length) return false;
    for (var k = 0; k < keysA.length; k++) {
      if (!hasOwn.call(b, keysA[k]) || !lodashIsEqual(a[keysA[k]], b[keysA[k]], seen)) return false;
    }
    var ctorA = a.constructor;
    var ctorB = b.constructor;
    if (ctorA !== ctorB && 'constructor' in a && 'constructor' in b &&
        !(typeof ctorA === 'function' && ctorA instanceof ctorA && typeof ctorB === 'function' && ctorB instanceof ctorB)) {
      return false;
    }
    return true;
  } finally {
    seen.pop();
  }
}

var deepPropPattern = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
var plainPropPattern = /^\w*$/;
var propNamePattern = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
var escapedCharPattern = /\\(\\)?/g;

function isDirectKey(path, obj) {
  if (Array.isArray(path)) return false;
  var t = typeof path;
  if (t === 'number' || t === 'symbol' || t === 'boolean' || path === null) return true;
  return plainPropPattern.test(path) || !deepPropPattern.test(path) || (obj !== null && obj !== undefined && path in Object(obj));
}

function splitLodashPath(text) {
  var parts = [];
  if (text.charCodeAt(0) === 46) parts.push('');
  text.replace(propNamePattern, function (whole, number, quote, quoted) {
    parts.push(quote ? quoted.replace(escapedCharPattern, '$1') : (number || whole));
  });
  return parts;
}

function toPathKey(v) {
  if (typeof v === 'string' || typeof v === 'symbol') return v;
  var s = String(v);
  return s === '0' && 1 / v === -Infinity ? '-0' : s;
}

function castPath(path, obj) {
  if (Array.isArray(path)) return path;
  return isDirectKey(path, obj) ? [path] : splitLodashPath(String(path));
}

function isArrayIndex(key, length) {
  return /^(?:0|[1-9]\d*)$/.test(String(key)) && Number(key) < length;
}

function lodashHas(obj, path) {
  if (obj === null || obj === undefined) return false;
  var parts = castPath(path, obj);
  var i = -1;
  var result = false;
  var key;
  while (++i < parts.length) {
    key = toPathKey(parts[i]);
    result = obj !== null && obj !== undefined && hasOwn.call(obj, key);
    if (!result) break;
    obj = obj[key];
  }
  if (result || ++i !== parts.length) return result;
  var len = obj === null || obj === undefined ? 0 : obj.length;
  return Boolean(len) && typeof len === 'number' && len % 1 === 0 && len >= 0 && isArrayIndex(key, len) &&
    (Array.isArray(obj) || typeName(obj) === 'Arguments');
}

function lodashGet(obj, path) {
  var parts = castPath(path, obj);
  var i = 0;
  while (obj !== null && obj !== undefined && i < parts.length) obj = obj[toPathKey(parts[i++])];
  return i && i === parts.length ? obj : undefined;
}

// ---------------------------------------------------------------------------

var FIRST_LINE = /(.*?)\n.*/g;

function describeJSONError(e) {
  if (e.name === 'JSONError' && e.message) return e.message.replace(FIRST_LINE, '$1');
  return e.name + ': ' + e.message;
}

var statusClasses = [['info', 1], ['success', 2], ['redirection', 3], ['clientError', 4], ['serverError', 5]];

// Named statuses compare the upper-cased reason phrase as well as the
// code; 'notAcceptable' expects the reason 'Acceptable', as chai-postman does.
var namedStatuses = [
  ['accepted', 202, 'Accepted'],
  ['withoutContent', 204, 'No Content'],
  ['badRequest', 400, 'Bad Request'],
  ['unauthorised', 401, 'Unauthorised'],
  ['unauthorized', 401, 'Unauthorized'],
  ['forbidden', 403, 'Forbidden'],
  ['notFound', 404, 'Not Found'],
  ['notAcceptable', 406, 'Acceptable'],
  ['rateLimited', 429, 'Too Many Requests']
];

function postmanPlugin(chaiModule) {
  var A = chaiModule.Assertion;

  // The preconditions below are chai-postman's own sub-assertions, run
  // only when the check in front of them says they fail: passing, they
  // have no effect, and a request's test script runs several of them.
  function mustBeResponse(obj) {
    if (!isPostmanResponse(obj)) new A(obj).to.be.postmanResponse; // eslint-disable-line no-unused-expressions
  }
  function mustHaveProperty(obj, name) {
    if (!hasPropertyIn(obj, name)) new A(obj).to.have.property(name);
  }
  function mustBeA(value, type) {
    if (lowerTypeName(value) !== type) new A(value).to.be.a(type);
  }
  function mustHaveFunction(obj, name) {
    mustHaveProperty(obj, name);
    mustBeA(obj[name], 'function');
  }
  function mustHaveNumericCode(obj) {
    mustHaveProperty(obj, 'code');
    mustBeA(obj.code, 'number');
  }

  function assertCode(assertion, obj, code) {
    assertion.assert(obj.code === code,
      'expected response to have status code #{exp} but got #{act}',
      'expected response to not have status code #{act}', code, obj.code);
  }

  function assertClass(assertion, classCode) {
    var obj = assertion._obj;
    mustBeResponse(obj);
    mustHaveNumericCode(obj);
    assertion.assert(Math.floor(obj.code / 100) === classCode,
      'expected response code to be #{exp}XX but found #{act}',
      'expected response code to not be #{exp}XX', classCode, obj.code);
  }

  function assertReasonAndCode(assertion, obj, reason, code) {
    var actualReason = String(obj.reason()).toUpperCase();
    var actualCode = Number(obj.details().code);
    assertion.assert(actualReason === reason,
      'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', reason, actualReason);
    assertion.assert(actualCode === code,
      'expected response to have status code #{exp} but got #{act}',
      'expected response to not have status code #{act}', code, actualCode);
  }

  A.addProperty('postmanRequest', function () {
    this.assert(isPostmanRequest(this._obj), 'expecting a postman request object but got #{this}',
      'not expecting a postman request object');
  });
  A.addProperty('postmanResponse', function () {
    this.assert(isPostmanResponse(this._obj), 'expecting a postman response object but got #{this}',
      'not expecting a postman response object');
  });
  A.addProperty('postmanRequestOrResponse', function () {
    this.assert(isPostmanResponse(this._obj) || isPostmanRequest(this._obj),
      'expecting a postman request or response object but got #{this}',
      'not expecting a postman request or response object');
  });

  A.addMethod('statusCodeClass', function (classCode) {
    assertClass(this, classCode);
  });
  statusClasses.forEach(function (pair) {
    A.addProperty(pair[0], function () { assertClass(this, pair[1]); });
  });

  A.addProperty('error', function () {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveNumericCode(obj);
    var cls = Math.floor(obj.code / 100);
    this.assert(cls === 4 || cls === 5, 'expected response code to be 4XX or 5XX but found #{act}',
      'expected response code to not be 4XX or 5XX', null, obj.code);
  });

  A.addMethod('statusCode', function (code) {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveNumericCode(obj);
    assertCode(this, obj, Number(code));
  });

  A.addMethod('statusReason', function (reason) {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveFunction(obj, 'reason');
    reason = String(reason);
    this.assert(obj.reason() === reason, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', reason, obj.reason());
  });

  namedStatuses.forEach(function (entry) {
    A.addProperty(entry[0], function () {
      var obj = this._obj;
      mustBeResponse(obj);
      mustHaveFunction(obj, 'reason');
      mustHaveFunction(obj, 'details');
      assertReasonAndCode(this, obj, entry[2].toUpperCase(), entry[1]);
    });
  });

  // `ok` stays chai's truthiness check for anything but a response.
  A.addProperty('ok', function () {
    var obj = this._obj;
    if (!isPostmanResponse(obj)) {
      this.assert(chaiModule.util.flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
      return;
    }
    mustHaveFunction(obj, 'reason');
    mustHaveFunction(obj, 'details');
    assertReasonAndCode(this, obj, 'OK', 200);
  });

  addFastMethod(A.prototype, 'status', function (codeOrReason) {
    var obj = this._obj;
    mustBeResponse(obj);
    if (lodashIsNumber(codeOrReason)) {
      mustHaveNumericCode(obj);
      assertCode(this, obj, Number(codeOrReason));
      return;
    }
    mustHaveFunction(obj, 'reason');
    this.assert(obj.reason() === codeOrReason, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', codeOrReason, obj.reason());
  }, 'status');

  addCountedMethod(A.prototype, 'header', function (argc, key, value) {
    var obj = this._obj;
    if (!isPostmanResponse(obj) && !isPostmanRequest(obj)) {
      new A(obj).to.be.postmanRequestOrResponse; // eslint-disable-line no-unused-expressions
    }
    mustHaveProperty(obj, 'headers');
    var kind = isPostmanRequest(obj) ? 'request' : isPostmanResponse(obj) ? 'response' : undefined;
    var present = obj.headers.has(key);
    // The messages are only built for an assertion that fails.
    var keyText = String(key);
    var fails = failing(this, present);
    this.assert(present,
      fails ? 'expected ' + kind + ' to have header with key \'' + keyText + '\'' : '',
      fails ? 'expected ' + kind + ' to not have header with key \'' + keyText + '\'' : '',
      true, present);
    if (argc < 2) return;
    var actual = headerValue(obj.headers, key);
    fails = failing(this, actual === value);
    this.assert(actual === value,
      fails ? 'expected \'' + keyText + '\' ' + kind + ' header to be #{exp} but got #{act}' : '',
      fails ? 'expected \'' + keyText + '\' ' + kind + ' header to not be #{act}' : '',
      value, actual);
  });

  // headerValue reads one header the way postman-collection's
  // HeaderList#one does, falling back to get() for lists without one().
  function headerValue(headers, key) {
    if (typeof headers.one === 'function') return headers.one(key).value;
    return headers.get(key);
  }

  function assertHasBody(assertion, text) {
    assertion.assert(lodashIsString(text) && text.length, 'expected response to have content in body',
      'expected response to not have content in body');
  }

  A.addProperty('withBody', function () {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveFunction(obj, 'text');
    assertHasBody(this, obj.text());
  });

  function jsonParseError(obj) {
    try {
      obj.json();
    } catch (e) {
      return describeJSONError(e);
    }
    return undefined;
  }

  A.addProperty('json', function () {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveFunction(obj, 'json');
    var problem = jsonParseError(obj);
    // The message is only built when it can be shown: a passing check
    // would concatenate for nothing.
    this.assert(!problem, problem ? 'expected response body to be a valid json but got error ' + problem : '',
      'expected response body not to be a valid json');
  });

  addCountedMethod(A.prototype, 'body', function (argc, content) {
    var obj = this._obj;
    mustBeResponse(obj);
    if (lodashIsPlainObject(content)) {
      mustHaveFunction(obj, 'json');
      var parsed;
      try {
        parsed = obj.json();
      } catch (e) {
        // An unparsable body simply does not equal the object.
      }
      this.assert(lodashIsEqual(parsed, content), 'expected response body json to equal #{exp} but got #{act}',
        'expected response body json to not equal #{exp} but got #{act}', content, parsed);
      return;
    }
    mustHaveFunction(obj, 'text');
    var text = obj.text();
    if (argc === 0) {
      assertHasBody(this, text);
      return;
    }
    if (content instanceof RegExp) {
      this.assert(content.exec(text) !== null, 'expected response body text to match #{exp} but got #{act}',
        'expected response body text #{act} to not match #{exp}', content, text);
      return;
    }
    this.assert(lodashIsEqual(text, content), 'expected response body to equal #{exp} but got #{act}',
      'expected response body to not equal #{exp}', content, text);
  });

  addCountedMethod(A.prototype, 'jsonBody', function (argc, path, value) {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveFunction(obj, 'json');
    var body;
    var problem;
    try {
      body = obj.json();
    } catch (e) {
      problem = describeJSONError(e);
    }
    if (argc === 0) {
      this.assert(!problem, problem ? 'expected response body to be a valid json but got error ' + problem : '',
        'expected response body not to be a valid json');
      return;
    }
    if (!lodashIsString(path)) return;
    this.assert(lodashHas(body, path), 'expected #{act} in response to contain property #{exp}',
      'expected #{act} in response to not contain property #{exp}', path, body);
    if (argc > 1) {
      var at = lodashGet(body, path);
      this.assert(lodashIsEqual(at, value),
        'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
        'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, at);
    }
  });

  A.addChainableMethod('responseTime', function (value) {
    var time = chaiModule.util.flag(this, 'number');
    this.assert(lodashIsNumber(time), 'expected response to have a valid response time but got #{act}',
      'expected response to not have a valid response time but got #{act}', null, time);
    if (arguments.length) {
      this.assert(lodashIsEqual(time, value), 'expected response to have a valid response time but got #{act}',
        'expected response to not have a valid response time but got #{act}', null, time);
    }
  }, function () {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveProperty(obj, 'responseTime');
    chaiModule.util.flag(this, 'number', obj.responseTime);
    // The chain continues on the number, so `.responseTime.below(200)` works.
    this._obj = lodashGet(obj, 'responseTime');
  });

  A.addChainableMethod('responseSize', function (value) {
    var size = chaiModule.util.flag(this, 'number');
    this.assert(lodashIsNumber(size), 'expected response to have a valid response size but got #{act}',
      'expected response to not have a valid response size but got #{act}', null, size);
    if (arguments.length) {
      // chai-postman swaps #{act} and #{exp} in this message; kept as is.
      this.assert(lodashIsEqual(size, value), 'expected response size to equal #{act} but got #{exp}',
        'expected response size to not equal #{act} but got #{exp}', value, size);
    }
  }, function () {
    var obj = this._obj;
    mustBeResponse(obj);
    mustHaveFunction(obj, 'size');
    var size = obj.size();
    var total = (size.header || 0) + (size.body || 0);
    chaiModule.util.flag(this, 'number', total);
    this._obj = total;
  });

  A.addMethod('jsonSchema', function (schema, options) {
    new A(schema).to.be.an('object');
    options = Object.assign({ allErrors: true, logger: false }, options);
    var obj = this._obj;
    var data = isPostmanResponse(obj) || (isPostmanRequest(obj) && typeof obj.json === 'function') ? obj.json() : obj;
    var errors = validateSchema(schema, data, options);
    this.assert(errors === null, 'expected data to satisfy schema but found following errors: \n' +
      (errors === null ? 'No errors' : errors.join(', ')), 'expected data to not satisfy schema', true, errors === null);
  });
}

// validateSchema returns null when data satisfies schema, else ajv-style
// error lines ("data.a should be string"). Validation itself happens in Go
// through the host hook; a schema ajv 6 would reject throws like ajv does.
function validateSchema(schema, data, options) {
  var hook = host && host.__colrunValidateJSONSchema;
  if (typeof hook !== 'function') throw new Error('jsonSchema: JSON Schema validation is not available');
  var dataJSON = JSON.stringify(data);
  var result = hook(JSON.stringify(schema), dataJSON === undefined ? 'null' : dataJSON, JSON.stringify(options));
  if (result === null || result === undefined) return null;
  if (typeof result === 'string') throw new Error(result);
  return Array.prototype.slice.call(result);
}

// postmanExtras adds assertions chai-postman does not have (so Postman
// rejects them as invalid properties): a cookie check and HTML/XML
// content-type checks. Installed only when the host asks for it.
function postmanExtras(chaiModule) {
  var A = chaiModule.Assertion;

  A.addMethod('cookie', function (name, value) {
    var obj = this._obj;
    new A(obj).to.be.postmanResponse; // eslint-disable-line no-unused-expressions
    new A(obj).to.have.property('cookies');
    var present = Boolean(obj.cookies.has(name));
    this.assert(present, 'expected response to have cookie \'' + String(name) + '\'',
      'expected response to not have cookie \'' + String(name) + '\'', true, present);
    if (arguments.length < 2) return;
    var actual = obj.cookies.get(name);
    this.assert(actual === value, 'expected cookie \'' + String(name) + '\' to be #{exp} but got #{act}',
      'expected cookie \'' + String(name) + '\' to not be #{act}', value, actual);
  });

  function contentType(word, pattern) {
    A.addProperty(word, function () {
      var obj = this._obj;
      new A(obj).to.be.postmanResponse; // eslint-disable-line no-unused-expressions
      var type = obj.headers.has('Content-Type') ? String(headerValueOf(obj.headers, 'Content-Type')) : '';
      this.assert(pattern.test(type), 'expected response to have ' + word + ' content type but got #{act}',
        'expected response to not have ' + word + ' content type', word, type);
    });
  }
  function headerValueOf(headers, key) {
    if (typeof headers.one === 'function') return headers.one(key).value;
    return headers.get(key);
  }
  contentType('html', /^\s*(text\/html|application\/xhtml\+xml)\b/i);
  contentType('xml', /^\s*(application|text)\/([\w.+-]+\+)?xml\b/i);
}
