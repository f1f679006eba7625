// ajv 6's Ajv class (the version Postman's sandbox bundles) over colrun's
// validator in ajv.go. Schemas and data cross to Go as JSON text, which
// keeps key order (ajv reports errors in schema and data order) and is
// what a schema is anyway. Compiled validators are cached per instance by
// schema text, as ajv caches them by a stable serialisation.

function toJSON(v) {
  var s = JSON.stringify(v);
  // JSON.stringify(undefined) is undefined; ajv would see undefined data,
  // which fails every typed schema the way null does.
  return s === undefined ? 'null' : s;
}

function ValidationError(errors) {
  this.message = 'validation failed';
  this.errors = errors;
  this.ajv = this.validation = true;
}
ValidationError.prototype = Object.create(Error.prototype);
ValidationError.prototype.constructor = ValidationError;
ValidationError.prototype.name = 'ValidationError';

function MissingRefError(baseId, ref, message) {
  this.message = message || "can't resolve reference " + ref + ' from id ' + baseId;
  this.missingRef = ref;
}
MissingRefError.prototype = Object.create(Error.prototype);
MissingRefError.prototype.constructor = MissingRefError;
MissingRefError.prototype.name = 'MissingRefError';

function Ajv(opts) {
  if (!(this instanceof Ajv)) return new Ajv(opts);
  this._opts = opts = opts || {};
  this._native = native.create(opts);
  this._cache = {};
  this._schemas = {};
  this.errors = null;
  var self = this;
  if (opts.schemas) {
    if (Array.isArray(opts.schemas)) opts.schemas.forEach(function (s) { self.addSchema(s); });
    else Object.keys(opts.schemas).forEach(function (k) { self.addSchema(opts.schemas[k], k); });
  }
  if (opts.formats) {
    Object.keys(opts.formats).forEach(function (k) { self.addFormat(k, opts.formats[k]); });
  }
}

Ajv.prototype.compile = function (schema) {
  if (schema === null || (typeof schema != 'object' && typeof schema != 'boolean')) {
    throw new Error('schema should be object or boolean');
  }
  var json = toJSON(schema);
  var cached = this._cache[json];
  if (cached) return cached;
  var id = this._native.compile(json);
  var nat = this._native;
  var isAsync = typeof schema == 'object' && schema.$async === true;
  var validate = function (data) {
    var errs = nat.validate(id, toJSON(data));
    validate.errors = errs === null ? null : JSON.parse(errs);
    if (!isAsync) return validate.errors === null;
    return validate.errors === null ? Promise.resolve(data) : Promise.reject(new ValidationError(validate.errors));
  };
  validate.schema = schema;
  validate.errors = null;
  validate.refs = {};
  validate.refVal = [];
  validate.root = validate;
  if (isAsync) validate.$async = true;
  this._cache[json] = validate;
  return validate;
};

Ajv.prototype.validate = function (schemaKeyRef, data) {
  var v;
  if (typeof schemaKeyRef == 'string') {
    v = this.getSchema(schemaKeyRef);
    if (!v) throw new Error('no schema with key or ref "' + schemaKeyRef + '"');
  } else {
    v = this.compile(schemaKeyRef);
  }
  var valid = v(data);
  if (v.$async !== true) this.errors = v.errors;
  return valid;
};

Ajv.prototype.addSchema = function (schema, key, _skipValidation, _meta) {
  if (Array.isArray(schema)) {
    for (var i = 0; i < schema.length; i++) this.addSchema(schema[i], undefined, _skipValidation, _meta);
    return this;
  }
  var id = schema && typeof schema == 'object' ? schema.$id : undefined;
  if (id !== undefined && typeof id != 'string') throw new Error('schema id must be string');
  key = String(key || id || '').replace(/#$/, '');
  this._native.addSchema(toJSON(schema), key, !!_meta);
  this._schemas[key] = schema;
  return this;
};

Ajv.prototype.addMetaSchema = function (schema, key) {
  return this.addSchema(schema, key, true, true);
};

Ajv.prototype.getSchema = function (keyRef) {
  var key = String(keyRef).replace(/#$/, '');
  if (Object.prototype.hasOwnProperty.call(this._schemas, key)) return this.compile(this._schemas[key]);
  // A ref into an added schema ("key#/definitions/x") compiles as a
  // one-line schema pointing there.
  if (key.indexOf('#') > 0) {
    try { return this.compile({ $ref: keyRef }); } catch (e) { return undefined; }
  }
  return undefined;
};

Ajv.prototype.removeSchema = function (schemaKeyRef) {
  if (schemaKeyRef === undefined) {
    var self = this;
    Object.keys(this._schemas).forEach(function (k) { self.removeSchema(k); });
    this._cache = {};
    return this;
  }
  if (typeof schemaKeyRef == 'string') {
    var key = schemaKeyRef.replace(/#$/, '');
    this._native.removeSchema(key);
    delete this._schemas[key];
  } else {
    delete this._cache[toJSON(schemaKeyRef)];
    if (schemaKeyRef && schemaKeyRef.$id) this.removeSchema(schemaKeyRef.$id);
  }
  return this;
};

Ajv.prototype.validateSchema = function (schema, throwOrLogError) {
  var errs = this._native.validateSchema(toJSON(schema));
  this.errors = errs === null ? null : JSON.parse(errs);
  if (this.errors && throwOrLogError) throw new Error('schema is invalid: ' + this.errorsText());
  return this.errors === null;
};

Ajv.prototype.addFormat = function (name, format) {
  if (typeof format == 'string') format = new RegExp(format);
  this._native.addFormat(name, format);
  return this;
};

Ajv.prototype.addKeyword = function (keyword) {
  throw new Error('ajv.addKeyword is not supported in colrun (keyword "' + keyword +
    '"): its custom keywords are compiled JavaScript, and colrun validates schemas in Go');
};

Ajv.prototype.getKeyword = function () { return false; };
Ajv.prototype.removeKeyword = function () { return this; };

Ajv.prototype.errorsText = function (errors, options) {
  errors = errors || this.errors;
  if (!errors) return 'No errors';
  options = options || {};
  var separator = options.separator === undefined ? ', ' : options.separator;
  var dataVar = options.dataVar === undefined ? 'data' : options.dataVar;
  var text = '';
  for (var i = 0; i < errors.length; i++) {
    var e = errors[i];
    if (e) text += dataVar + e.dataPath + ' ' + e.message + separator;
  }
  return text.slice(0, -separator.length);
};

Ajv.ValidationError = ValidationError;
Ajv.MissingRefError = MissingRefError;
Ajv.$dataMetaSchema = function (metaSchema) { return metaSchema; };

module.exports = Ajv;
