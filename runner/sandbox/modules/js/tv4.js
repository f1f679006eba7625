// tv4's API (validate, validateResult, validateMultiple, error, missing,
// addSchema, addFormat, errorCodes) over tv4validate.go, a Go port of tv4
// 1.3.0's validator; see tv4.go.
var errorCodes = {
  INVALID_TYPE: 0, ENUM_MISMATCH: 1, ANY_OF_MISSING: 10, ONE_OF_MISSING: 11, ONE_OF_MULTIPLE: 12, NOT_PASSED: 13,
  NUMBER_MULTIPLE_OF: 100, NUMBER_MINIMUM: 101, NUMBER_MINIMUM_EXCLUSIVE: 102, NUMBER_MAXIMUM: 103,
  NUMBER_MAXIMUM_EXCLUSIVE: 104, NUMBER_NOT_A_NUMBER: 105, STRING_LENGTH_SHORT: 200, STRING_LENGTH_LONG: 201,
  STRING_PATTERN: 202, OBJECT_PROPERTIES_MINIMUM: 300, OBJECT_PROPERTIES_MAXIMUM: 301, OBJECT_REQUIRED: 302,
  OBJECT_ADDITIONAL_PROPERTIES: 303, OBJECT_DEPENDENCY_KEY: 304, ARRAY_LENGTH_SHORT: 400, ARRAY_LENGTH_LONG: 401,
  ARRAY_UNIQUE: 402, ARRAY_ADDITIONAL_ITEMS: 403, FORMAT_CUSTOM: 500, KEYWORD_CUSTOM: 501, CIRCULAR_REFERENCE: 600,
  UNKNOWN_PROPERTY: 1000
};
var schemas = {};

function toError(e) {
  var err = new Error(e.message);
  err.name = 'ValidationError';
  err.params = e.params || {};
  err.code = e.code;
  err.dataPath = e.dataPath;
  err.schemaPath = e.schemaPath;
  err.subErrors = e.subErrors ? e.subErrors.map(toError) : null;
  return err;
}

// run validates as tv4 1.3.0 does: multiple collects every error, as
// validateMultiple does, otherwise validation stops at the first one, as
// validate and validateResult do.
function run(data, schema, multiple, checkRecursive, banUnknownProperties) {
  if (typeof schema === 'string') {
    var s = schemas[schema.replace(/#$/, '')];
    schema = s || { $ref: schema };
  }
  // tv4 reads the schema's $ref first: a schema variable left unset (an
  // environment value never parsed) fails the test instead of passing it.
  if (schema === undefined || schema === null) {
    throw new TypeError('Cannot read properties of ' + schema + " (reading '$ref')");
  }
  if (data === undefined) {
    var t = schema && schema.type;
    if (t === undefined) return { valid: true, errors: [], missing: [] };
    var want = Array.isArray(t) ? t.join('/') : t;
    return { valid: false, errors: [toError({ message: 'Invalid type: undefined (expected ' + want + ')', code: 0, dataPath: '', schemaPath: '/type', params: { type: 'undefined', expected: want } })], missing: [] };
  }
  var out = JSON.parse(native.validate(JSON.stringify(data), JSON.stringify(schema),
    multiple, Boolean(checkRecursive), Boolean(banUnknownProperties)));
  out.errors = out.errors.map(toError);
  return out;
}

var tv4 = {
  errorCodes: errorCodes,
  error: null,
  missing: [],
  valid: true,
  validate: function (data, schema, checkRecursive, banUnknownProperties) {
    var r = run(data, schema, false, checkRecursive, banUnknownProperties);
    tv4.error = r.errors.length ? r.errors[0] : null;
    tv4.missing = r.missing;
    tv4.valid = r.valid;
    return r.valid;
  },
  validateResult: function (data, schema, checkRecursive, banUnknownProperties) {
    var r = run(data, schema, false, checkRecursive, banUnknownProperties);
    tv4.error = r.errors.length ? r.errors[0] : null;
    tv4.missing = r.missing;
    tv4.valid = r.valid;
    return { valid: r.valid, error: tv4.error, missing: r.missing };
  },
  validateMultiple: function (data, schema, checkRecursive, banUnknownProperties) {
    var r = run(data, schema, true, checkRecursive, banUnknownProperties);
    return { valid: r.valid, errors: r.errors, missing: r.missing };
  },
  addSchema: function (uri, schema) {
    if (typeof uri === 'object' && schema === undefined) { schema = uri; uri = schema.id || schema.$id; }
    if (typeof uri !== 'string') return;
    uri = uri.replace(/#$/, '');
    schemas[uri] = schema;
    native.addSchema(uri, JSON.stringify(schema));
  },
  getSchema: function (uri) { return schemas[String(uri).replace(/#$/, '')]; },
  getSchemaMap: function () { var r = {}; for (var k in schemas) r[k] = schemas[k]; return r; },
  getSchemaUris: function () { return Object.keys(schemas); },
  getMissingUris: function () { return tv4.missing.slice(); },
  dropSchemas: function () { schemas = {}; native.dropSchemas(); },
  reset: function () { tv4.dropSchemas(); tv4.error = null; tv4.missing = []; },
  addFormat: function (name, fn) {
    if (typeof name === 'object') { for (var k in name) tv4.addFormat(k, name[k]); return; }
    native.addFormat(name, fn);
  },
  freshApi: function () { return tv4; },
  language: function () { return 'en'; },
  addLanguage: function () {},
  setErrorReporter: function () {},
  defineKeyword: function () { throw new Error('tv4.defineKeyword is not supported by colrun\'s built-in tv4'); },
  defineError: function () {}
};
tv4.tv4 = tv4;
module.exports = tv4;
