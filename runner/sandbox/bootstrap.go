package sandbox

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// bootstrapProgram is the compiled bootstrap, shared by every Sandbox of
// the process: compiling it costs more than running it.
var bootstrapProgram = sync.OnceValue(func() *goja.Program {
	p, err := goja.Compile("colrun-sandbox.js", bootstrapSource, true)
	if err != nil {
		// The source is a constant covered by every test of the package.
		panic(fmt.Sprintf("sandbox: bootstrap does not compile: %v", err))
	}
	return p
})

// bootstrapSource evaluates to a function (native, chai) that installs the
// sandbox globals and returns the host object Go drives each Run through.
//
// The classes follow postman-collection 4.x (PropertyList, HeaderList, Url,
// Request, Response, Cookie, ...) closely enough that scripts inspecting
// them see Postman's shapes: own enumerable properties in Postman's order,
// case-insensitive header lookups, multi-value lists, toJSON forms.
// `native` is the Go side (see natives.go).
const bootstrapSource = `(function (native, chai) {
'use strict';

var hasOwn = Object.prototype.hasOwnProperty,
    objToString = Object.prototype.toString,
    E = '';

function has(o, k) { return o !== null && o !== undefined && hasOwn.call(o, k); }
function isString(v) { return typeof v === 'string'; }
function isFunction(v) { return typeof v === 'function'; }
function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function isNil(v) { return v === null || v === undefined; }
function isPlainObject(v) {
    if (!v || typeof v !== 'object' || objToString.call(v) !== '[object Object]') { return false; }
    var p = Object.getPrototypeOf(v);
    return p === null || p === Object.prototype;
}
function hidden(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
// Internal links (Postman's hidden __parent) are non-enumerable symbol
// properties: invisible to Object.keys, JSON and chai's keys and deep
// equality, which see Postman's objects by their own enumerable
// properties. A shared descriptor keeps setting one cheap; goja
// takes twice as long to set a WeakMap entry.
var PARENT = Symbol('parent'),
    linkDescriptor = { value: undefined, writable: true, configurable: true, enumerable: false };
function link(o, key, value) {
    linkDescriptor.value = value;
    Object.defineProperty(o, key, linkDescriptor);
    linkDescriptor.value = undefined;
}
function inherit(C, P) {
    C.super_ = P;
    C.prototype = Object.create(P.prototype, { constructor: { value: C, writable: true, configurable: true } });
}
function inSuperChain(ctor, name) {
    for (var c = ctor; c; c = c.super_) { if (c._postman_propertyName === name) { return true; } }
    return false;
}
function choose() {
    for (var i = 0; i < arguments.length; i++) { if (!isNil(arguments[i])) { return arguments[i]; } }
}
function mergeDefined(target, source) {
    for (var k in source) { if (hasOwn.call(source, k) && source[k] !== undefined) { target[k] = source[k]; } }
    return target;
}
function cloneElement(v, seen) {
    if (!isObject(v) || isFunction(v) || v instanceof RegExp) { return v; }
    if (v instanceof Date) { return new Date(v.getTime()); }
    seen = seen || [];
    if (seen.indexOf(v) >= 0) { return undefined; }
    seen.push(v);
    var out;
    if (Array.isArray(v)) { out = v.map(function (x) { return cloneElement(x, seen); }); }
    else if (isFunction(v.toJSON)) { out = v.toJSON(); }
    else { out = {}; Object.keys(v).forEach(function (k) { out[k] = cloneElement(v[k], seen); }); }
    seen.pop();
    return out;
}
// iteratee gives lodash's shorthand predicates: a function, a {k: v}
// matcher, a [k, v] pair or a property name.
function iteratee(rule) {
    if (isFunction(rule)) { return rule; }
    if (Array.isArray(rule)) { return function (o) { return Boolean(o) && o[rule[0]] === rule[1]; }; }
    if (isObject(rule)) {
        var keys = Object.keys(rule);
        return function (o) {
            if (!o) { return false; }
            for (var i = 0; i < keys.length; i++) { if (o[keys[i]] !== rule[keys[i]]) { return false; } }
            return true;
        };
    }
    if (isNil(rule)) { return function (o) { return Boolean(o); }; }
    return function (o) { return Boolean(o && o[rule]); };
}

// ---------------------------------------------------------------- base

function PostmanPropertyBase() {}
var PropertyBase = PostmanPropertyBase;
PropertyBase._postman_propertyName = 'PropertyBase';
PropertyBase.prototype.setParent = function (parent) { parent && link(this, PARENT, parent); };
PropertyBase.prototype.parent = function () {
    var p = this[PARENT];
    while (p && p._postman_propertyIsList) { p = p[PARENT]; }
    return p;
};
PropertyBase.prototype.forEachParent = function (options, iterator) {
    if (isFunction(options)) { iterator = options; }
    for (var p = this.parent(); p; p = p.parent && p.parent()) { iterator(p); }
};
PropertyBase.prototype.toJSON = function () { return serialise(this); };

function serialise(obj) {
    var out = {};
    Object.keys(obj).forEach(function (key) {
        var value = obj[key], name = key;
        if (value === undefined || isFunction(value)) { return; }
        if (value && value._postman_propertyIsList && !value._postman_proprtyIsSerialisedAsPlural && /s$/.test(key)) {
            name = key.slice(0, -1);
        }
        if (value && isFunction(value.toJSON)) { out[name] = value.toJSON(); return; }
        out[name] = cloneElement(value);
    });
    return out;
}

function PostmanProperty(definition) {
    PropertyBase.call(this);
    var src = definition && definition.info || definition, id;
    id = (src && src.id) || this.id || (this._postman_propertyRequiresId && native.uuid());
    id && (this.id = id);
    src && src.name && (this.name = src.name);
    isObject(definition) && has(definition, 'disabled') && (this.disabled = Boolean(definition.disabled));
    isObject(src) && has(src, 'description') && (this.description = src.description);
}
var Property = PostmanProperty;
inherit(Property, PropertyBase);
Property._postman_propertyName = 'Property';

// ---------------------------------------------------------------- lists

function PostmanPropertyList(Type, parent, populate) {
    PropertyBase.call(this);
    this.setParent(parent);
    this.members = this.members || [];
    this.reference = this.reference || {};
    this.Type = Type;
    if (Type) {
        has(Type, '_postman_propertyIndexKey') && Type._postman_propertyIndexKey &&
            (this._postman_listIndexKey = Type._postman_propertyIndexKey);
        has(Type, '_postman_propertyIndexCaseInsensitive') && Type._postman_propertyIndexCaseInsensitive &&
            (this._postman_listIndexCaseInsensitive = true);
        has(Type, '_postman_propertyAllowsMultipleValues') && Type._postman_propertyAllowsMultipleValues &&
            (this._postman_listAllowsMultipleValues = true);
    }
    populate && this.populate(populate);
}
var PropertyList = PostmanPropertyList;
inherit(PropertyList, PropertyBase);
PropertyList._postman_propertyName = 'PropertyList';
PropertyList.isPropertyList = function (obj) {
    return Boolean(obj) && (obj instanceof PropertyList || inSuperChain(obj.constructor, 'PropertyList'));
};
var PL = PropertyList.prototype;
PL._postman_propertyIsList = true;
PL._postman_listIndexKey = 'id';
PL._postman_listIndexCaseInsensitive = false;
PL._postman_listAllowsMultipleValues = false;
PL._indexOf = function (item) {
    var index = item && item[this._postman_listIndexKey];
    if (!index || !(index = String(index))) { return undefined; }
    return this._postman_listIndexCaseInsensitive ? index.toLowerCase() : index;
};
PL.insert = function (item, before) {
    if (!isObject(item)) { return; }
    var duplicate = this.indexOf(item), index;
    var parent = item[PARENT];
    if (parent && parent !== this && PropertyList.isPropertyList(parent)) { parent.remove(item); }
    link(item, PARENT, this);
    (duplicate > -1) && this.members.splice(duplicate, 1);
    before && (before = this.indexOf(before));
    (before > -1) ? this.members.splice(before, 0, item) : this.members.push(item);
    if ((index = this._indexOf(item)) !== undefined) {
        if (this._postman_listAllowsMultipleValues && hasOwn.call(this.reference, index)) {
            !Array.isArray(this.reference[index]) && (this.reference[index] = [this.reference[index]]);
            this.reference[index].push(item);
        }
        else { this.reference[index] = item; }
    }
};
PL.insertAfter = function (item, after) { return this.insert(item, this.idx(this.indexOf(after) + 1)); };
PL.append = function (item) { return this.insert(item); };
PL.prepend = function (item) { return this.insert(item, this.idx(0)); };
PL.add = function (item) {
    if (isNil(item) || (typeof item === 'number' && isNaN(item))) { return; }
    this.insert((item.constructor === this.Type) ? item :
        (has(this.Type, 'create') ? this.Type.create.apply(this.Type, arguments) : new this.Type(item)));
};
PL.upsert = function (item) {
    if (isNil(item) || (typeof item === 'number' && isNaN(item))) { return null; }
    var existing = this.one(item[this._postman_listIndexKey]);
    if (existing) {
        if (!isFunction(existing.update)) {
            throw new Error('collection: unable to upsert into a list of Type that does not support .update()');
        }
        existing.update(item);
        return false;
    }
    this.add(item);
    return true;
};
PL.remove = function (predicate, context) {
    var self = this, match;
    !context && (context = this);
    if (isString(predicate)) {
        match = this._postman_listIndexCaseInsensitive ? predicate.toLowerCase() : predicate;
        predicate = function (item) {
            var id = item[self._postman_listIndexKey];
            self._postman_listIndexCaseInsensitive && isString(id) && (id = id.toLowerCase());
            return id === match;
        };
    }
    else if (this.Type && predicate instanceof this.Type) {
        match = predicate;
        predicate = function (item) { return item === match; };
    }
    if (!isFunction(predicate)) { return; }
    var kept = [], removed = [];
    this.members.forEach(function (item, i, all) {
        (predicate.call(context, item, i, all) ? removed : kept).push(item);
    });
    if (!removed.length) { return; }
    this.members.length = 0;
    Array.prototype.push.apply(this.members, kept);
    removed.forEach(function (item) {
        var index = self._indexOf(item);
        if (index !== undefined) {
            var ref = self.reference[index];
            if (Array.isArray(ref)) {
                var at = ref.indexOf(item);
                at > -1 && ref.splice(at, 1);
                if (!ref.length) { delete self.reference[index]; }
                else if (ref.length === 1) { self.reference[index] = ref[0]; }
            }
            else if (ref === item) { delete self.reference[index]; }
        }
        delete item[PARENT];
    });
};
PL.clear = function () {
    this.members.forEach(function (item) { item && delete item[PARENT]; });
    this.members.length = 0;
    var ref = this.reference;
    Object.keys(ref).forEach(function (k) { delete ref[k]; });
};
PL.populate = function (items) {
    if (isString(items) && this.Type && isFunction(this.Type.parse)) { items = this.Type.parse(items); }
    var self = this;
    if (Array.isArray(items)) { items.forEach(function (item) { self.add(item); }); }
    else if (isPlainObject(items) && has(this.Type, 'create')) {
        Object.keys(items).forEach(function (k) { self.add(items[k], k); });
    }
    else { self.add(items); }
};
PL.repopulate = function (items) { this.clear(); this.populate(items); };
PL.assimilate = function (source, prune) {
    var members = PropertyList.isPropertyList(source) ? source.members : source, list = this,
        indexer = list._postman_listIndexKey, seen = {};
    if (!Array.isArray(members)) { return; }
    members.forEach(function (item) {
        if (!(item && has(item, indexer))) { return; }
        list.upsert(item);
        seen[item[indexer]] = true;
    });
    if (prune) {
        Object.keys(list.reference).forEach(function (key) { hasOwn.call(seen, key) || list.remove(key); });
    }
};
PL.all = function () { return this.members.slice(); };
PL.one = function (id) {
    var val = this.reference[this._postman_listIndexCaseInsensitive ? String(id).toLowerCase() : id];
    if (this._postman_listAllowsMultipleValues && Array.isArray(val)) { return val.length ? val[val.length - 1] : undefined; }
    return val;
};
// A HeaderList Go built whose members no script has read answers from Go
// (response.go); native.listGet declines any other.
PL.get = function (key) {
    var fast = native.listGet(this, key);
    if (fast !== false) { return fast; }
    var member = this.one(key);
    if (!member) { return undefined; }
    return member.valueOf();
};
PL.each = function (iterator, context) {
    if (!isFunction(iterator)) { return; }
    var fn = iterator.bind(context || this[PARENT]), m = this.members;
    for (var i = 0; i < m.length; i++) { if (fn(m[i], i, m) === false) { break; } }
};
PL.filter = function (rule, context) {
    var fn = iteratee(isFunction(rule) && isObject(context) ? rule.bind(context) : rule);
    return this.members.filter(function (m, i, a) { return fn(m, i, a); });
};
PL.find = function (rule, context) {
    var fn = iteratee(isFunction(rule) && isObject(context) ? rule.bind(context) : rule), m = this.members;
    for (var i = 0; i < m.length; i++) { if (fn(m[i], i, m)) { return m[i]; } }
    return undefined;
};
PL.map = function (iterator, context) {
    var fn = isFunction(iterator) ? iterator.bind(context || this) : function (o) { return o && o[iterator]; };
    return this.members.map(function (m, i, a) { return fn(m, i, a); });
};
PL.reduce = function (iterator, accumulator, context) {
    var fn = iterator.bind(context || this), m = this.members, i = 0;
    if (arguments.length < 2) { accumulator = m[0]; i = 1; }
    for (; i < m.length; i++) { accumulator = fn(accumulator, m[i], i, m); }
    return accumulator;
};
PL.count = function () { return this.members.length; };
PL.idx = function (index) { return this.members[index]; };
PL.indexOf = function (item) { return this.members.indexOf(isString(item) ? this.one(item) : item); };
PL.has = function (item, value) {
    var match = isString(item) ?
        this.reference[this._postman_listIndexCaseInsensitive ? item.toLowerCase() : item] :
        this.filter(function (member) { return member === item; });
    if (!match) { return false; }
    if (arguments.length === 1) { return Boolean(Array.isArray(match) ? match.length : match); }
    if (this._postman_listAllowsMultipleValues && Array.isArray(match)) {
        for (var i = 0; i < match.length; i++) {
            var v = isFunction(match[i].valueOf) ? match[i].valueOf() : match[i];
            if (v === value) { return true; }
        }
        return false;
    }
    isFunction(match.valueOf) && (match = match.valueOf());
    return match === value;
};
PL.eachParent = function (iterator, context) {
    if (!isFunction(iterator)) { return; }
    !context && (context = this);
    for (var parent = this[PARENT], prev; parent; prev = parent, parent = parent[PARENT]) { iterator.call(context, parent, prev); }
};
PL.toObject = function (excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
    var obj = {}, key = this._postman_listIndexKey,
        sanitise = this._postman_sanitizeKeys || sanitizeKeys,
        sensitive = !this._postman_listIndexCaseInsensitive || caseSensitive,
        multi = this._postman_listAllowsMultipleValues || multiValue;
    this.members.forEach(function (member) {
        if (!member || !has(member, key) || (excludeDisabled && member.disabled) || (sanitise && !member[key])) { return; }
        var prop = sensitive ? member[key] : String(member[key]).toLowerCase();
        if (multi && hasOwn.call(obj, prop)) {
            !Array.isArray(obj[prop]) && (obj[prop] = [obj[prop]]);
            obj[prop].push(member.valueOf());
        }
        else { obj[prop] = member.valueOf(); }
    });
    return obj;
};
PL.toString = function () {
    if (this.Type && this.Type.unparse) { return this.Type.unparse(this.members); }
    return '[object Object]';
};
PL.toJSON = function () {
    return this.members.map(function (member) {
        if (member && isFunction(member.toJSON)) { return member.toJSON(); }
        return serialise(member);
    });
};

// ---------------------------------------------------------------- header

function PostmanHeader(options, name) {
    if (isString(options)) { options = isString(name) ? { key: name, value: options } : Header.parseSingle(options); }
    Property.call(this, options);
    this.update(options);
}
var Header = PostmanHeader;
inherit(Header, Property);
Header.prototype.toString = function () { return this.key + ': ' + this.value; };
Header.prototype.valueOf = function () { return this.value; };
Header.prototype.update = function (options) {
    this.key = (options && options.key) || E;
    var value = options ? options.value : undefined;
    this.value = value === undefined ? E : value;
    has(options, 'system') && (this.system = options.system);
    has(options, 'disabled') && (this.disabled = options.disabled);
};
Header._postman_propertyName = 'Header';
Header._postman_propertyIndexKey = 'key';
Header._postman_propertyIndexCaseInsensitive = true;
Header._postman_propertyAllowsMultipleValues = true;
Header.parse = function (headerString) {
    var headers = [], re = /^(\S+):(.*)$/gm, match;
    headerString = String(headerString).replace(/\r\n([ \t])/g, '$1');
    while ((match = re.exec(headerString))) {
        headers.push({ key: match[1], value: match[2].replace(/^\s*(.*\S)?\s*$/, '$1') });
    }
    return headers;
};
Header.parseSingle = function (header) {
    if (!isString(header)) { return { key: E, value: E }; }
    var index = header.indexOf(':');
    (index < 0) && (index = header.length);
    return { key: header.substr(0, index).trim(), value: header.substr(index + 1).trim() };
};
Header.unparse = function (headers, separator) {
    separator === undefined && (separator = '\r\n');
    if (!Array.isArray(headers) && !PropertyList.isPropertyList(headers)) { return E; }
    return headers.reduce(function (acc, h) { return (h && !h.disabled) ? acc + Header.unparseSingle(h) + separator : acc; }, E);
};
Header.unparseSingle = function (header) { return isObject(header) ? header.key + ': ' + header.value : E; };
Header.isHeader = function (obj) { return Boolean(obj) && (obj instanceof Header || inSuperChain(obj.constructor, 'Header')); };
Header.create = function (value, name) { return new Header(value, name); };

function HeaderList(parent, headers) { PropertyList.call(this, Header, parent, headers); }
inherit(HeaderList, PropertyList);
HeaderList._postman_propertyName = 'HeaderList';
HeaderList.isHeaderList = function (obj) { return Boolean(obj) && (obj instanceof HeaderList || inSuperChain(obj.constructor, 'HeaderList')); };
HeaderList.prototype.contentSize = function () { return this.count() ? Header.unparse(this).length : 0; };

// ---------------------------------------------------------------- query params

function encodeReserved(str, encodeEquals) {
    if (!str) { return str; }
    str = str.replace(/&/g, '%26').replace(/#/g, '%23');
    return encodeEquals ? str.replace(/=/g, '%3D') : str;
}
function normalizeParam(str, encodeEquals) {
    if (!(str && isString(str))) { return str; }
    if (str.indexOf('&') === -1 && str.indexOf('#') === -1 && !(encodeEquals && str.indexOf('=') !== -1)) { return str; }
    var out = '', pointer = 0, re = /{{[^{}]*[&#=][^{}]*}}/g, match;
    while ((match = re.exec(str)) !== null) {
        out += encodeReserved(str.slice(pointer, match.index), encodeEquals) + match[0];
        pointer = match.index + match[0].length;
    }
    if (pointer < str.length) { out += encodeReserved(str.slice(pointer), encodeEquals); }
    return out;
}

function PostmanQueryParam(options) {
    Property.call(this, options);
    this.update(options);
}
var QueryParam = PostmanQueryParam;
inherit(QueryParam, Property);
QueryParam.prototype.toString = function () { return QueryParam.unparseSingle(this); };
QueryParam.prototype.update = function (param) {
    var p = isString(param) ? QueryParam.parseSingle(param) : { key: param ? param.key : undefined, value: param ? param.value : undefined };
    this.key = p.key;
    this.value = p.value;
    has(param, 'system') && (this.system = param.system);
};
QueryParam.prototype.valueOf = function () { return isString(this.value) ? this.value : E; };
QueryParam._postman_propertyName = 'QueryParam';
QueryParam._postman_propertyIndexKey = 'key';
QueryParam._postman_propertyAllowsMultipleValues = true;
QueryParam.parse = function (query) { return isString(query) ? query.split('&').map(QueryParam.parseSingle) : []; };
QueryParam.parseSingle = function (param, idx, all) {
    if (param === E && typeof idx === 'number' && Array.isArray(all) && idx !== all.length - 1) { return { key: null, value: null }; }
    var index = isString(param) ? param.indexOf('=') : -1;
    if (index < 0) { return { key: String(param), value: null }; }
    return { key: param.substr(0, index), value: param.substr(index + 1) };
};
QueryParam.unparse = function (params) {
    if (!params) { return E; }
    if (!Array.isArray(params) && !PropertyList.isPropertyList(params)) {
        return Object.keys(params).reduce(function (result, key) {
            result && (result += '&');
            return result + QueryParam.unparseSingle({ key: key, value: params[key] });
        }, E);
    }
    var first = true;
    return params.reduce(function (result, param) {
        if (param.disabled === true) { return result; }
        first ? (first = false) : (result += '&');
        return result + QueryParam.unparseSingle(param);
    }, E);
};
QueryParam.unparseSingle = function (obj) {
    if (!obj) { return E; }
    var result = isString(obj.key) ? normalizeParam(obj.key, true) : E;
    if (isString(obj.value)) { result += '=' + normalizeParam(obj.value); }
    return result;
};

function PostmanFormParam(options) {
    options = options || {};
    Property.call(this, options);
    this.key = options.key || '';
    this.value = options.value || '';
    this.type = options.type;
    this.src = options.src;
    this.contentType = options.contentType;
    this.fileName = options.fileName;
}
var FormParam = PostmanFormParam;
inherit(FormParam, Property);
FormParam.prototype.toString = function () { return this.key + '=' + this.value; };
FormParam.prototype.valueOf = function () { return this.value; };
// postman-collection leaves out a file parameter's empty or non-string value.
FormParam.prototype.toJSON = function () {
    var obj = PropertyBase.prototype.toJSON.call(this);
    (obj.type === 'file' && (typeof obj.value !== 'string' || !obj.value)) && delete obj.value;
    return obj;
};
FormParam._postman_propertyName = 'FormParam';
FormParam._postman_propertyIndexKey = 'key';
FormParam._postman_propertyAllowsMultipleValues = true;
FormParam.parse = function () {};

// ---------------------------------------------------------------- variables (url path, auth)

function PostmanVariable(definition) {
    Property.call(this, definition);
    this.type = 'any';
    this.value = undefined;
    if (!isNil(definition)) {
        has(definition, 'key') && (this.key = definition.key);
        this.update(definition);
    }
}
var Variable = PostmanVariable;
inherit(Variable, Property);
Variable.types = { string: String, boolean: Boolean, number: Number, any: { in: function (v) { return v; }, out: function (v) { return v; } } };
Variable.prototype.castIn = function (v) { var h = Variable.types[this.type] || Variable.types.any; return isFunction(h) ? h(v) : h.in(v); };
Variable.prototype.castOut = function (v) { var h = Variable.types[this.type] || Variable.types.any; return isFunction(h) ? h(v) : h.out(v); };
Variable.prototype.get = function () { return this.castOut(isFunction(this.value) ? this.value() : this.value); };
Variable.prototype.set = function (value) { this.value = isFunction(value) ? value : this.castIn(value); };
Variable.prototype.valueOf = function (value) { arguments.length && this.set(value); return this.get(); };
Variable.prototype.toString = function () {
    var v = this.valueOf();
    if (v === null) { return 'null'; }
    return (!isNil(v) && isFunction(v.toString)) ? v.toString() : E;
};
Variable.prototype.update = function (options) {
    if (!isObject(options)) { return; }
    has(options, 'type') && isString(options.type) && Variable.types[options.type.toLowerCase()] && (this.type = options.type.toLowerCase());
    has(options, 'value') && this.set(options.value);
    has(options, 'key') && (this.key = options.key);
    has(options, 'disabled') && (this.disabled = options.disabled);
    has(options, 'description') && (this.description = options.description);
};
Variable._postman_propertyName = 'Variable';
Variable._postman_propertyIndexKey = 'key';

function PostmanVariableList(parent, populate) { PropertyList.call(this, Variable, parent, populate); }
var VariableList = PostmanVariableList;
inherit(VariableList, PropertyList);
VariableList._postman_propertyName = 'VariableList';

// ---------------------------------------------------------------- url

function PostmanUrl(options) {
    PropertyBase.call(this);
    this.update(options);
}
var Url = PostmanUrl;
inherit(Url, PropertyBase);
Url._postman_propertyName = 'Url';
// Url.parse gives postman-url-encoder's parse: every part, undefined
// where absent, after the text it parsed; and the path variables.
Url.parse = function (url) {
    var p = url && isString(url) ? native.parseURL(url) : {};
    // Go's parser gives an empty query list where there is no '?'.
    Array.isArray(p.query) && !p.query.length && url.indexOf('?') < 0 && (p.query = undefined);
    return {
        raw: url && isString(url) ? url.replace(/^\s+/, '') : url,
        protocol: p.protocol, auth: p.auth, host: p.host, port: p.port, path: p.path, query: p.query, hash: p.hash,
        variable: p.variable
    };
};
Url.isUrl = function (obj) { return Boolean(obj) && (obj instanceof Url || inSuperChain(obj.constructor, 'Url')); };
Url.prototype.update = function (url) {
    !url && (url = E);
    var p = isString(url) ? Url.parse(url) : url,
        query = p.query, variable = p.variable !== undefined ? p.variable : p.variables, path = p.path, host = p.host;
    if (query) {
        if (isString(query)) { query = QueryParam.parse(query); }
        if (!Array.isArray(query) && !PropertyList.isPropertyList(query)) {
            var q = query;
            query = Object.keys(q).map(function (k) { return { key: k, value: q[k] }; });
        }
        PropertyList.isPropertyList(query) && (query = query.all());
    }
    if (Array.isArray(variable)) {
        variable = variable.map(function (v) { isObject(v) && (v.key = v.key || v.id); return v; });
    }
    else if (PropertyList.isPropertyList(variable)) { variable = variable.all(); }
    if (isString(path)) {
        path && (path = path.replace(/^\/((.+))$/, '$1'));
        path = path ? (path === '/' ? [E] : path.split('/')) : undefined;
    }
    isString(host) && (host = host.split(/\.(?![^{]*\}{2})/g));
    this.auth = p.auth;
    this.protocol = p.protocol;
    this.port = p.port;
    this.path = path;
    this.hash = p.hash;
    this.host = host;
    this.query = new PropertyList(QueryParam, this, query || []);
    this.variables = new VariableList(this, variable || []);
};
Url.prototype.addQueryParams = function (params) {
    params = isString(params) ? QueryParam.parse(params) : params;
    this.query.populate(params);
};
Url.prototype.removeQueryParams = function (params) {
    params = Array.isArray(params) ? params.map(function (p) { return p.key ? p.key : p; }) : [params];
    this.query.remove(function (param) { return params.indexOf(param.key) !== -1; });
};
Url.prototype.getRaw = function () { throw new Error('\x60Url#getRaw\x60 has been discontinued, use \x60Url#toString\x60 instead.'); };
// A Url Go built whose parts no script has read yet is written by Go
// (request.go); native.urlString declines any other.
Url.prototype.toString = function (forceProtocol) {
    var raw = native.urlString(this, forceProtocol), protocol, qs, auth;
    if (raw !== undefined) { return raw; }
    raw = E;
    protocol = this.protocol;
    forceProtocol && !protocol && (protocol = 'http://');
    if (protocol) { raw += /:\/\/$/.test(protocol) ? protocol : protocol + '://'; }
    if (this.auth) {
        isString(this.auth.user) && (auth = this.auth.user);
        if (isString(this.auth.password)) { !auth && (auth = E); auth += ':' + this.auth.password; }
        isString(auth) && (raw += auth + '@');
    }
    this.host && (raw += this.getHost());
    (this.port !== undefined && this.port !== null && isFunction(this.port.toString)) && (raw += ':' + this.port.toString());
    this.path && (raw += this.getPath());
    if (this.query && this.query.count()) {
        qs = this.getQueryString();
        if (qs === E) { qs = this.query.find(function (p) { return !(p && p.disabled); }) && E; }
        isString(qs) && (raw += '?' + qs);
    }
    isString(this.hash) && (raw += '#' + this.hash);
    return raw;
};
Url.prototype.getPath = function (unresolved) {
    var path = this.path || [];
    if (unresolved) { return '/' + path.join('/'); }
    var self = this;
    return '/' + path.map(function (segment) {
        var key = null;
        if (String(segment).charAt(0) === ':') {
            var dot = segment.indexOf('.');
            key = segment.slice(1, dot === -1 ? undefined : dot) || null;
        }
        var value = key === null ? undefined : self.variables.get(key);
        return (value && isString(value)) ? value + segment.slice(key.length + 1) : segment;
    }).join('/');
};
Url.prototype.getQueryString = function () { return this.query.count() ? QueryParam.unparse(this.query.all()) : E; };
Url.prototype.getPathWithQuery = function () {
    var path = this.getPath(), qs = this.getQueryString();
    qs && (path += '?' + qs);
    return path;
};
Url.prototype.getHost = function () {
    if (!this.host) { return E; }
    return Array.isArray(this.host) ? this.host.join('.') : this.host.toString();
};
Url.prototype.getRemote = function (forcePort) {
    var host = this.getHost(), port = this.port && this.port.toString();
    if (forcePort && !port) { port = this.protocol && this.protocol === 'https' ? '443' : '80'; }
    return port ? host + ':' + port : host;
};
Url.prototype.getOAuth1BaseUrl = function () {
    var protocol = this.protocol || 'http', port = this.port ? this.port.toString() : undefined,
        host = this.getHost();
    if (!(port === '80' || port === '443' || port === undefined)) { host += ':' + port; }
    protocol = /:\/\/$/.test(protocol) ? protocol : protocol + '://';
    return protocol.toLowerCase() + host.toLowerCase() + this.getPath();
};

// ---------------------------------------------------------------- body, auth, request

function PostmanRequestBody(options) {
    PropertyBase.call(this);
    if (!options) { return; }
    this.update(options);
}
var RequestBody = PostmanRequestBody;
inherit(RequestBody, PropertyBase);
RequestBody._postman_propertyName = 'RequestBody';
RequestBody.MODES = { file: 'file', formdata: 'formdata', graphql: 'graphql', raw: 'raw', urlencoded: 'urlencoded' };
RequestBody.prototype.update = function (options) {
    isString(options) && (options = { mode: 'raw', raw: options });
    if (!options.mode) { return; }
    var mode = RequestBody.MODES[String(options.mode).toLowerCase()] || 'raw',
        urlencoded = options.urlencoded, formdata = options.formdata, graphql = options.graphql,
        file = options.file, raw = options.raw;
    if (urlencoded) {
        isString(urlencoded) && (urlencoded = QueryParam.parse(urlencoded));
        PropertyList.isPropertyList(urlencoded) && (urlencoded = urlencoded.all());
        urlencoded = new PropertyList(QueryParam, this, urlencoded);
    }
    if (formdata) {
        PropertyList.isPropertyList(formdata) && (formdata = formdata.all());
        formdata = new PropertyList(FormParam, this, formdata);
    }
    graphql && (graphql = { query: graphql.query, operationName: graphql.operationName, variables: graphql.variables });
    isString(file) && (file = { src: file });
    (mode === 'raw' && !raw) && (raw = E);
    (mode === 'urlencoded' && !urlencoded) && (urlencoded = new PropertyList(QueryParam, this, []));
    (mode === 'formdata' && !formdata) && (formdata = new PropertyList(FormParam, this, []));
    (mode === 'graphql' && !graphql) && (graphql = {});
    this.mode = mode;
    this.raw = raw;
    this.urlencoded = urlencoded;
    this.formdata = formdata;
    this.file = file;
    this.graphql = graphql;
    this.options = isObject(options.options) ? options.options : undefined;
    this.disabled = options.disabled;
};
RequestBody.prototype.toString = function () {
    if (this.mode === 'formdata' || this.mode === 'file') { return E; }
    if (this.mode === 'urlencoded') {
        return PropertyList.isPropertyList(this.urlencoded) ? QueryParam.unparse(this.urlencoded.all()) :
            ((this.urlencoded && isFunction(this.urlencoded.toString)) ? this.urlencoded.toString() : E);
    }
    if (this.mode === 'raw') { return (this.raw && isFunction(this.raw.toString)) ? this.raw.toString() : E; }
    return E;
};
RequestBody.prototype.isEmpty = function () {
    var data = this.mode && this[this.mode];
    if (!data) { return true; }
    if (this.mode === 'file') { return !(data.src || data.content); }
    if (isString(data)) { return data.length === 0; }
    if (isFunction(data.count)) { return data.count() === 0; }
    return Object.keys(data).length === 0;
};

function PostmanRequestAuth(options, parent) {
    Property.call(this, options);
    parent && this.setParent(parent);
    isString(options) && (options = { type: options });
    this.update(options);
    // The parameters of the other types the block gives (Postman keeps
    // those of each type a user tried) are listed too, as in Newman.
    var self = this;
    isObject(options) && Object.keys(options).forEach(function (k) {
        k !== 'type' && k !== self.type && RequestAuth.isValidType(k) && isObject(options[k]) && self.update(options[k], k);
    });
}
var RequestAuth = PostmanRequestAuth;
inherit(RequestAuth, Property);
RequestAuth._postman_propertyName = 'RequestAuth';
RequestAuth.isValidType = function (type) { return isString(type) && type.length > 0; };
RequestAuth.prototype.update = function (options, type) {
    if (!isObject(options)) { return; }
    if (!type && isString(options.type)) {
        this.type = options.type;
        type = options.type;
        options = options[type];
    }
    if (!type) { type = this.type; }
    if (!type || isNil(options)) { return; }
    var list = this[type];
    if (!PropertyList.isPropertyList(list)) { list = this[type] = new VariableList(this, []); }
    var entries = Array.isArray(options) ? options : (PropertyList.isPropertyList(options) ? options.all() :
        Object.keys(options).map(function (k) { return { key: k, value: options[k] }; }));
    entries.forEach(function (e) {
        if (!e || isNil(e.key)) { return; }
        var existing = list.one(e.key);
        existing ? existing.set(e.value) : list.add({ key: e.key, value: e.value, type: e.type || 'any' });
    });
};
RequestAuth.prototype.use = function (type, options) {
    if (!RequestAuth.isValidType(type)) { return; }
    this.type = type;
    this.update(options || [], type);
};
RequestAuth.prototype.current = function () { return this.type; };
RequestAuth.prototype.parameters = function () { return this[this.type]; };
RequestAuth.prototype.clear = function (type) {
    if (!(RequestAuth.isValidType(type) && this[type])) { return; }
    this[type].clear();
    delete this[type];
};

function PostmanRequest(options) {
    Property.call(this, options);
    isString(options) && (options = { url: options });
    this.url = new Url();
    this.headers = new HeaderList(this, options && options.header);
    this.method = has(options, 'method') && !isNil(options.method) ? String(options.method).toUpperCase() : 'GET';
    this.update(options);
}
var Request = PostmanRequest;
inherit(Request, Property);
Request._postman_propertyName = 'Request';
Request.isRequest = function (obj) { return Boolean(obj) && (obj instanceof Request || inSuperChain(obj.constructor, 'Request')); };
Request.prototype.update = function (options) {
    if (!options) { return; }
    has(options, 'url') && this.url.update(options.url);
    options.header && this.headers.repopulate(options.header);
    has(options, 'method') && (this.method = isNil(options.method) ? 'GET' : String(options.method).toUpperCase());
    mergeDefined(this, {
        body: has(options, 'body') && options.body ? new RequestBody(options.body) : undefined,
        auth: options.auth ? new RequestAuth(options.auth) : undefined
    });
};
Request.prototype.authorizeUsing = function (type, options) {
    if (isObject(type) && isNil(options)) {
        options = Object.assign({}, type);
        delete options.type;
        type = type.type;
    }
    if (type === null) { delete this.auth; return; }
    if (!RequestAuth.isValidType(type)) { return; }
    if (!this.auth) { this.auth = new RequestAuth(null, this); }
    else { this.auth.clear(type); }
    this.auth.use(type, options);
};
Request.prototype.getHeaders = function (options) {
    options = options || {};
    return this.headers.toObject(options.enabled, !options.ignoreCase, options.multiValue, options.sanitizeKeys);
};
Request.prototype.forEachHeader = function (callback) {
    var self = this;
    this.headers.all().forEach(function (h) { return callback(h, self); });
};
Request.prototype.addHeader = function (header) { this.headers.add(header); };
Request.prototype.removeHeader = function (toRemove, options) {
    toRemove = isString(toRemove) ? toRemove : toRemove && toRemove.key;
    options = options || {};
    if (!toRemove) { return; }
    options.ignoreCase && (toRemove = toRemove.toLowerCase());
    this.headers.remove(function (h) { return (options.ignoreCase ? String(h.key).toLowerCase() : h.key) === toRemove; });
};
Request.prototype.upsertHeader = function (header) {
    if (!(header && header.key)) { return; }
    var existing = this.headers.find({ key: header.key });
    if (!existing) { return this.headers.add(header); }
    existing.value = header.value;
};
Request.prototype.addQueryParams = function (params) { this.url.addQueryParams(params); };
Request.prototype.removeQueryParams = function (params) { this.url.removeQueryParams(params); };
Request.prototype.size = function () {
    var contentLength = this.headers.get('Content-Length'), size = { body: 0, header: 0, total: 0, source: 'COMPUTED' };
    if (contentLength && !isNaN(contentLength)) { size.body = parseInt(contentLength, 10); size.source = 'CONTENT-LENGTH'; }
    else if (this.body) { size.body = native.byteLength(this.body.toString()); }
    size.header = (this.method + ' ' + this.url.getPathWithQuery() + ' HTTP/X.X\r\n\r\n').length + this.headers.contentSize();
    size.total = size.body + size.header;
    return size;
};
Request.prototype.toJSON = function () {
    var obj = serialise(this);
    Array.isArray(obj.header) && !obj.header.length && delete obj.header;
    return obj;
};
Request.prototype.clone = function () { return new Request(this.toJSON()); };

// ---------------------------------------------------------------- cookies

function PostmanCookie(options) {
    PropertyBase.call(this);
    isString(options) && (options = Cookie.parse(options));
    options && this.update(options);
}
var Cookie = PostmanCookie;
inherit(Cookie, PropertyBase);
Cookie.prototype.update = function (o) {
    mergeDefined(this, {
        name: choose(o.name, o.key),
        expires: isString(o.expires) ? new Date(o.expires) : o.expires,
        maxAge: has(o, 'maxAge') ? Number(o.maxAge) : undefined,
        domain: o.domain,
        path: o.path,
        secure: has(o, 'secure') ? Boolean(o.secure) : undefined,
        httpOnly: has(o, 'httpOnly') ? Boolean(o.httpOnly) : undefined,
        hostOnly: has(o, 'hostOnly') ? Boolean(o.hostOnly) : undefined,
        session: has(o, 'session') ? Boolean(o.session) : undefined,
        value: o.value ? ensureEncoded(o.value) : undefined,
        extensions: o.extensions || undefined
    });
};
Cookie.prototype.valueOf = function () { try { return decodeURIComponent(this.value); } catch (e) { return this.value; } };
Cookie.prototype.toString = function () {
    var str = Cookie.unparseSingle(this);
    if (this.expires instanceof Date) { isNaN(this.expires.getTime()) || (str += '; Expires=' + this.expires.toUTCString()); }
    else if (this.expires) { str += '; Expires=' + this.expires; }
    this.maxAge && this.maxAge !== Infinity && (str += '; Max-Age=' + this.maxAge);
    this.domain && !this.hostOnly && (str += '; Domain=' + this.domain);
    this.path && (str += '; Path=' + this.path);
    this.secure && (str += '; Secure');
    this.httpOnly && (str += '; HttpOnly');
    return str;
};
Cookie._postman_propertyName = 'Cookie';
Cookie._postman_propertyIndexKey = 'name';
Cookie._postman_propertyIndexCaseInsensitive = true;
Cookie._postman_propertyAllowsMultipleValues = true;
Cookie.isCookie = function (obj) { return Boolean(obj) && (obj instanceof Cookie || inSuperChain(obj.constructor, 'Cookie')); };
// Cookie.parse and splitParam are postman-collection's, quirks included:
// a value stops at a second '=', an attribute without one is true, and
// unknown attributes are kept as extensions.
var cookieAttributes = { httponly: 'httpOnly', secure: 'secure', domain: 'domain', path: 'path', 'max-age': 'maxAge', session: 'session', expires: 'expires' };
Cookie.splitParam = function (param) {
    var split = param.split('='), key = split[0].trim(), value = isString(split[1]) ? split[1].trim() : true;
    isString(value) && value[0] === '"' && (value = value.slice(1, -1));
    return { key: key, value: value };
};
Cookie.parse = function (str) {
    if (!isString(str)) { return str; }
    var pairs = str.split(/; */), nameval = Cookie.splitParam(pairs.shift()), obj = { key: nameval.key, value: nameval.value };
    pairs.forEach(function (pair) {
        var kv = Cookie.splitParam(pair), attr = cookieAttributes[kv.key.toLowerCase()];
        if (attr) { obj[attr] = kv.value; } else { (obj.extensions = obj.extensions || []).push(kv); }
    });
    !obj.domain && (obj.hostOnly = true);
    return obj;
};
Cookie.unparseSingle = function (c) {
    if (!isObject(c)) { return E; }
    var value = isNil(c.value) ? E : c.value;
    return c.name ? c.name + '=' + value : value;
};
Cookie.unparse = function (cookies) {
    if (!Array.isArray(cookies) && !PropertyList.isPropertyList(cookies)) { return E; }
    return cookies.map(Cookie.unparseSingle).join('; ');
};
function ensureEncoded(s) {
    try { s = decodeURIComponent(s); } catch (e) { /* already raw */ }
    try { return encodeURIComponent(s); } catch (e) { return s; }
}

function CookieList(parent, cookies) { PropertyList.call(this, Cookie, parent, cookies); }
inherit(CookieList, PropertyList);
CookieList._postman_propertyName = 'CookieList';
CookieList.isCookieList = function (obj) { return Boolean(obj) && (obj instanceof CookieList || inSuperChain(obj.constructor, 'CookieList')); };

// ---------------------------------------------------------------- response

function PostmanResponse(options) {
    Property.call(this, options);
    this.update(options || {});
}
var Response = PostmanResponse;
inherit(Response, Property);
Response._postman_propertyName = 'Response';
Response.isResponse = function (obj) { return Boolean(obj) && (obj instanceof Response || inSuperChain(obj.constructor, 'Response')); };
Response.prototype._postman_propertyRequiresId = true;
// A received response's body stays in Go (response.go): Go finds it from
// the Response itself, so the object carries no link a script could see,
// and its stream is a lazy property (lazy.go) built by streamOf.
function streamOf(res) {
    return typeof Buffer === 'function' ? Buffer.from(native.bodyBase64(res), 'base64') : undefined;
}
var reasonCache = {};
function httpReason(code) {
    var r = reasonCache[code];
    if (r === undefined) { r = reasonCache[code] = native.httpReason(code); }
    return r.name === undefined ? {} : { name: r.name, detail: r.detail };
}
Response.prototype.update = function (o) {
    var src = o.__src, details = httpReason(o.code), name = choose(o.reason, o.status), standard = details.name;
    name !== undefined && (details.name = name);
    o.code !== undefined && (details.code = o.code);
    standard !== undefined && (details.standardName = standard);
    this._details = details;
    // mergeDefined: an errored request's response has no status key.
    details.name !== undefined && (this.status = details.name);
    o.code !== undefined && (this.code = o.code);
    this.headers = new HeaderList(this, o.header);
    if (o.body !== undefined) { this.body = o.body; }
    src && native.receivedResponse(this, src);
    this.cookies = new CookieList(this, o.cookie);
    o.responseTime !== undefined && (this.responseTime = o.responseTime);
    o.responseSize !== undefined && (this.responseSize = o.responseSize);
};
Response.prototype.toJSON = function () {
    var obj = serialise(this);
    delete obj._details;
    return obj;
};
Response.prototype.reason = function () { return this.status || httpReason(this.code).name; };
Response.prototype.details = function () {
    if (!this._details || this._details.code !== this.code) {
        this._details = httpReason(this.code);
        this._details.code = this.code;
        this._details.standardName = this._details.name;
    }
    return Object.assign({}, this._details);
};
Response.prototype.text = function () {
    var text = native.bodyText(this);
    return text === undefined ? this.body : text;
};
// json() of a received response takes the fast path (fastjson.go), which
// parses the body once for all the scripts of a request, unless text() was
// replaced; the fast path declines what it cannot answer exactly as
// JSON.parse would (a syntax error, a byte order mark).
var responseText = Response.prototype.text;
Response.prototype.json = function (reviver, strict) {
    if (reviver === undefined && this.text === responseText) {
        var fast = native.responseJSON(this);
        if (fast !== undefined) { return fast; }
    }
    return ljsonParse(this.text(), reviver, strict);
};
Response.prototype.jsonp = function (reviver, strict) {
    var text = this.text() || E;
    return ljsonParse(text.replace(/^[^{(].*\(/, E).replace(/\)[^}].*$|\)$/, E), reviver, strict);
};
Response.prototype.contentInfo = function () { return native.contentInfo(this.headers.get('Content-Type') || E, this.headers.get('Content-Disposition') || E, this); };
Response.prototype.mime = function () { throw new Error('\x60Response#mime\x60 has been discontinued, use \x60Response#contentInfo\x60 instead.'); };
Response.prototype.dataURI = function () {
    var type = this.contentInfo().contentType;
    if (!type) { return E; }
    var data = native.bodyBase64(this);
    data === undefined && (data = isNil(this.body) ? E : native.base64(String(this.body)));
    return 'data:' + type + ';base64, ' + data;
};
Response.prototype.size = function () {
    var size = { body: 0, header: 0, total: 0 }, enc = this.headers.get('Content-Encoding'),
        len = this.headers.get('Content-Length'), compressed = false;
    if (isString(enc)) { enc = enc.toLowerCase(); compressed = enc.indexOf('gzip') > -1 || enc.indexOf('deflate') > -1; }
    if (len && compressed && !isNaN(len)) { size.body = parseInt(len, 10); }
    else if (native.received(this) || this.responseSize !== undefined) { size.body = this.responseSize || 0; }
    else if (!isNil(this.body)) { size.body = native.byteLength(String(this.body)); }
    size.header = ('HTTP/X.X ' + this.code + ' ' + this.reason() + '\r\n\r\n').length + this.headers.contentSize();
    size.total = (size.body || 0) + size.header;
    return size;
};
Response.prototype.encoding = function () {
    var enc = this.headers.get('Content-Encoding');
    if (enc) { return { format: enc, source: 'header' }; }
    if (native.gzipped(this)) { return { format: 'gzip', source: 'body' }; }
    return { format: undefined, source: undefined };
};

// ---------------------------------------------------------------- JSON (liquid-json)

function bomLength(str) {
    if (!isString(str)) { return 0; }
    var c0 = str.charCodeAt(0), c1 = str.charCodeAt(1), c2 = str.charCodeAt(2);
    if (c0 === 0xFEFF || c0 === 0xBBBF) { return 1; }
    if ((c0 === 0xFE && c1 === 0xFF) || (c0 === 0xFF && c1 === 0xFE)) { return 2; }
    if (c0 === 0xEF && c1 === 0xBB && c2 === 0xBF) { return 3; }
    return 0;
}
var nativeParse = JSON.parse, nativeStringify = JSON.stringify;
// ljsonParse is liquid-json's parse, which Postman's sandbox uses as JSON:
// a leading BOM is ignored and a failure says where, as "JSONError:
// Unexpected token '<' at 1:1" followed by the line and a caret.
function ljsonParse(text, reviver, strict) {
    var bom = bomLength(text);
    if (bom) {
        if (strict) { throw jsonError('Unexpected byte order mark found in first ' + bom + ' character(s)'); }
        text = text.slice(bom);
    }
    // Go's parser first: goja's refuses numbers beyond float64, which V8
    // reads as Infinity.
    if (typeof text === 'string') {
        var fast = native.parseJSON(text);
        if (fast !== undefined) { return isFunction(reviver) ? internalize({ '': fast }, E, reviver) : fast; }
    }
    try { return nativeParse(text, reviver); }
    catch (e) { throw jsonError(native.jsonError(text) || e.message); }
}
// internalize is JSON.parse's reviver walk (InternalizeJSONProperty).
function internalize(holder, key, reviver) {
    var val = holder[key];
    if (val && typeof val === 'object') {
        var keys = Array.isArray(val) ? val.map(function (x, i) { return String(i); }) : Object.keys(val);
        keys.forEach(function (k) {
            var v = internalize(val, k, reviver);
            if (v === undefined) { delete val[k]; }
            else { Object.defineProperty(val, k, { value: v, writable: true, enumerable: true, configurable: true }); }
        });
    }
    return reviver.call(holder, key, val);
}
function jsonError(message) {
    var err = new SyntaxError(message);
    err.name = 'JSONError';
    return err;
}
Object.defineProperty(JSON, 'parse', {
    value: function parse(text, reviver) { return ljsonParse(text, reviver); },
    writable: true, configurable: true
});
Object.defineProperty(JSON, 'stringify', {
    value: function stringify(value, replacer, space) {
        try { return nativeStringify.apply(JSON, arguments); }
        catch (e) {
            if (e && e.message === CIRCULAR && !isFunction(replacer)) { e.message = circularMessage(value, replacer) || CIRCULAR; }
            e && (e.name = 'JSONError');
            throw e;
        }
    },
    writable: true, configurable: true
});
// circularMessage words a circular structure as V8 does: where the
// circle starts, the properties leading round it (the middle elided past
// three) and the one that closes it. An array replacer limits the
// properties followed; with a function replacer goja's wording stays.
var CIRCULAR = 'Converting circular structure to JSON';
function circularMessage(root, replacer) {
    var stack = [], keys = [],
        only = Array.isArray(replacer) ? replacer.map(String) : null;
    function walk(v, key) {
        if (v && typeof v === 'object' && isFunction(v.toJSON)) { v = v.toJSON(key); }
        if (!v || typeof v !== 'object') { return null; }
        var at = stack.indexOf(v);
        if (at >= 0) { return { start: at, key: key }; }
        stack.push(v);
        var ks = Array.isArray(v) ? v.map(function (x, i) { return i; })
            : only ? only.filter(function (k) { return hasOwn.call(v, k); }) : Object.keys(v);
        for (var i = 0; i < ks.length; i++) {
            keys[stack.length - 1] = ks[i];
            var found = walk(v[ks[i]], Array.isArray(v) ? ks[i] : String(ks[i]));
            if (found) { return found; }
        }
        stack.pop();
        return null;
    }
    var found = walk(root, E);
    if (!found) { return undefined; }
    function ctor(o) { var c = o.constructor; return isFunction(c) && c.name ? c.name : 'Object'; }
    function step(parent, key) { return Array.isArray(parent) ? 'index ' + key : "property '" + key + "'"; }
    var lines = [CIRCULAR, "    --> starting at object with constructor '" + ctor(stack[found.start]) + "'"], middle = [];
    for (var k = found.start + 1; k < stack.length; k++) {
        middle.push('    |     ' + step(stack[k - 1], keys[k - 1]) + " -> object with constructor '" + ctor(stack[k]) + "'");
    }
    if (middle.length > 3) { middle = middle.slice(0, 2).concat(['    |     ...'], middle.slice(-1)); }
    return lines.concat(middle, ['    --- ' + step(stack[stack.length - 1], found.key) + ' closes the circle']).join('\n');
}

// Postman's sandbox gives errors a toJSON, so JSON.stringify(err) and the
// console show their name and message.
Error.prototype.toJSON = function () { return { type: 'Error', name: this.name, message: this.message }; };

// String.prototype.has is Postman's: the legacy snippet
// tests["Body matches string"] = responseBody.has("string") relies on it.
// A RegExp is searched as is, anything else as literal text.
hidden(String.prototype, 'has', function has(value) {
    var pattern = Object.prototype.toString.call(value) === '[object RegExp]' ? value
        : new RegExp(String(value).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
    return this.search(pattern) !== -1;
});

// Error.captureStackTrace and Error.stackTraceLimit are V8's, which
// Postman's sandbox has: custom error classes copied from Node code call
// Error.captureStackTrace(this, this.constructor) in their constructor.
// The stack it sets begins "Error: <message>", as there, and is not
// enumerable.
if (!isFunction(Error.captureStackTrace)) {
    hidden(Error, 'captureStackTrace', function captureStackTrace(target) {
        if (!isObject(target)) { throw new TypeError('invalid_argument'); }
        var frames = String(new Error().stack).split('\n').slice(2);
        Object.defineProperty(target, 'stack', {
            value: ['Error: ' + target.message].concat(frames).join('\n'),
            writable: true, enumerable: false, configurable: true
        });
    });
    Error.stackTraceLimit = 10;
}

// ---------------------------------------------------------------- run state

// ctl is how Go starts a run without calling into JavaScript (a call costs
// more than the rest of an empty run): it sets listen and fresh before the
// script and sync while its synchronous part runs (Sandbox.start). The
// first use of the run's state, through R(), begins the run.
var ctl = { fresh: false, listen: 'test', sync: false };
var run = { __proto__: null, listen: 'test' }, testIndex = 0, legacyUsed = null;

function R() {
    if (ctl.fresh) {
        ctl.fresh = false;
        run = { __proto__: null, listen: ctl.listen };
        testIndex = 0;
        legacyUsed = null;
    }
    return run;
}

// runCached keeps what make builds for the rest of the run; make is a
// function defined once, so that a read allocates no closure.
function runCached(key, make) {
    var r = ctl.fresh ? R() : run;
    return key in r ? r[key] : (r[key] = make());
}

// ---------------------------------------------------------------- variables

function VariableScope(id) { hidden(this, '_scope', id); }
VariableScope._postman_propertyName = 'VariableScope';
VariableScope.prototype.get = function (key) { return native.varGet(this._scope, key); };
VariableScope.prototype.set = function (key, value, type) { native.varSet(this._scope, key, value, type); };
VariableScope.prototype.unset = function (key) { native.varUnset(this._scope, key); };
VariableScope.prototype.has = function (key) { return native.varHas(this._scope, key); };
VariableScope.prototype.clear = function () { native.varClear(this._scope); };
VariableScope.prototype.toObject = function () { return native.varToObject(this._scope); };
// toJSON is Postman's: an id, the environment's or globals' name, the
// mutations the script made (not for the data scope) and the variables as
// {type, value, key}, with disabled: true on a disabled one.
VariableScope.prototype.toJSON = function () {
    var out = {}, scope = this._scope, name;
    this._id || hidden(this, '_id', native.uuid());
    out.id = this._id;
    name = scope === SCOPE_ENVIRONMENT ? native.envName() : (scope === SCOPE_GLOBALS ? native.globalsName() : undefined);
    name !== undefined && (out.name = name);
    scope !== SCOPE_DATA && (out.mutations = { autoCompact: true, stream: [], compacted: native.varMutations(scope) });
    out.values = native.varEntries(scope === SCOPE_ALL ? -1 : scope);
    return out;
};
VariableScope.prototype.replaceIn = function (template) { return native.varReplaceIn(this._scope, template); };
VariableScope.prototype.syncVariablesTo = function (target) {
    var obj = this.toObject();
    target = isObject(target) ? target : {};
    Object.keys(target).forEach(function (k) { hasOwn.call(obj, k) || delete target[k]; });
    return Object.assign(target, obj);
};
VariableScope.prototype.syncVariablesFrom = function (obj) {
    var self = this;
    Object.keys(obj || {}).forEach(function (k) { self.set(k, obj[k]); });
};
VariableScope.prototype.values = undefined;

var SCOPE_GLOBALS = 0, SCOPE_COLLECTION = 1, SCOPE_ENVIRONMENT = 2, SCOPE_DATA = 3, SCOPE_ALL = 5;
var globalsScope = new VariableScope(SCOPE_GLOBALS),
    collectionScope = new VariableScope(SCOPE_COLLECTION),
    environmentScope = new VariableScope(SCOPE_ENVIRONMENT),
    dataScope = new VariableScope(SCOPE_DATA),
    variablesScope = new VariableScope(SCOPE_ALL);
Object.defineProperty(environmentScope, 'name', { get: function () { return native.envName(); }, enumerable: false, configurable: true });
Object.defineProperty(globalsScope, 'name', { get: function () { return native.globalsName(); }, enumerable: false, configurable: true });

// ---------------------------------------------------------------- pm

var pm = {};
function readonly(obj, key, value) { Object.defineProperty(obj, key, { value: value, writable: false, enumerable: false, configurable: true }); }
function lazy(obj, key, make) { Object.defineProperty(obj, key, { get: make, enumerable: false, configurable: true }); }

// pm.response.to and pm.request.to start a chai assertion on the object,
// as Postman defines them.
var toDescriptor = { get: function () { return chai.expect(this).to; }, configurable: true, enumerable: false };
function addTo(target) {
    chai && chai.expect && Object.defineProperty(target, 'to', toDescriptor);
    return target;
}

lazy(pm, 'info', function () { return runCached('info', native.infoObject); });
readonly(pm, 'globals', globalsScope);
readonly(pm, 'environment', environmentScope);
readonly(pm, 'collectionVariables', collectionScope);
readonly(pm, 'variables', variablesScope);
readonly(pm, 'iterationData', dataScope);
// pm.request is built by Go, 'to' included (request.go).
function makeRequest() {
    var req = native.requestObject();
    if (req === undefined) { return undefined; }
    // Only a pre-request script's changes are sent (requestChanges). Go
    // holds the baseline when it built the request and can export it.
    if (run.listen === 'prerequest' && !native.baselineInGo()) { run.requestBaseline = exportRequest(req, false); }
    return req;
}
lazy(pm, 'request', function () {
    var r = ctl.fresh ? R() : run;
    return 'request' in r ? r.request : (r.request = makeRequest());
});
// A received response is built by Go, 'to' included (response.go).
function makeResponse() {
    if (R().listen !== 'test') { return undefined; }
    var resp = native.responseObject();
    return resp !== undefined ? resp : addTo(new Response({}));
}
// Scripts read pm.response repeatedly: its getter is Go's, which calls
// makeResponse once a run.
lazy(pm, 'response', native.response);
function makeCookies() {
    var list = native.cookiesObject();
    list.jar = function () { return new CookieJar(); };
    return list;
}
lazy(pm, 'cookies', function () { return runCached('cookies', makeCookies); });
readonly(pm, 'visualizer', {
    set: function (template, data, options) {
        if (typeof template !== 'string') { throw new Error('Invalid template. Template must be of type string, found ' + typeof template); }
        if (data && typeof data !== 'object') { throw new Error('Invalid data. Data must be an object, found ' + typeof data); }
        if (options && typeof options !== 'object') { throw new Error('Invalid options. Options must be an object, found ' + typeof options); }
    },
    clear: function () {}
});
readonly(pm, 'sendRequest', function (req, callback) {
    var self = this;
    if (!req) {
        if (isFunction(callback)) { callback.call(self, new Error('sendrequest: nothing to request')); return self; }
        // Newman does nothing here; only an await sees the rejection.
        var nothing = Promise.reject(new Error('sendrequest: nothing to request'));
        nothing.catch(function () {});
        return nothing;
    }
    var request = Request.isRequest(req) ? req : new Request(req), plain = exportRequest(request, true);
    if (!isFunction(callback)) {
        var sent = new Promise(function (resolve, reject) {
            native.send(plain, function (err, data) { err ? reject(err) : resolve(new Response(data)); });
        });
        // Sent and forgotten, a failure is the run's failed request, as in
        // Newman, not also the script's unhandled rejection; await still throws.
        sent.catch(function () {});
        return sent;
    }
    native.send(plain, function (err, data) { callback.call(self, err ? requestErrorData(err) : null, new Response(err ? {} : data)); });
    return self;
});
// requestErrorData is a failed request's err as a Newman callback gets
// it: postman-sandbox hands the Node error across its VM boundary as data,
// so err is a plain object of the error's own properties (errno, code,
// syscall, address, port; code and connect for a timeout; none for an
// invalid URL), without message or stack. pm.expect(err).to.be.an('object')
// passes there and an('error') fails. The promise form, colrun's own,
// rejects with the Error itself.
function requestErrorData(err) {
    var data = {}, keys = Object.keys(err);
    for (var i = 0; i < keys.length; i++) { data[keys[i]] = err[keys[i]]; }
    return data;
}
// pm.execution's members are enumerable, in Newman 6.2.2's order:
// Object.keys gives skipRequest, location, setNextRequest and
// JSON.stringify shows the location.
var execution = {};
Object.defineProperty(execution, 'skipRequest', { enumerable: true, configurable: true, writable: false, value: function skipRequest() {
    if (R().listen !== 'prerequest') { throw new TypeError('pm.execution.skipRequest is not a function'); }
    native.skipRequest();
} });
function makeLocation() {
    var data = native.info(), loc = (data.location || []).slice();
    readonly(loc, 'current', data.current);
    return loc;
}
Object.defineProperty(execution, 'location', { enumerable: true, configurable: true, get: function () { return runCached('location', makeLocation); } });
Object.defineProperty(execution, 'setNextRequest', { enumerable: true, configurable: true, writable: false, value: function setNextRequest(request) { native.setNextRequest(request); } });
readonly(pm, 'execution', execution);
readonly(pm, 'require', function (name) { return native.pmRequire(name); });
readonly(pm, 'expect', chai && chai.expect ? chai.expect : function () { throw new Error('pm.expect is unavailable: the assertion library did not load'); });

// recordFailure reports a test that threw err, whatever err is (null and
// undefined included: Newman fails those too).
function recordFailure(index, name, err) {
    native.assertion(index, name, false, err, true);
}
// pm.test keeps its common path (a synchronous function) free of closures
// and helper calls: each costs a goja allocation or call per test.
pm.test = function (name, assert) {
    ctl.fresh && R();
    var index = testIndex++, title = typeof name === 'string' ? name : String(name);
    if (typeof assert !== 'function') { native.assertion(index, title, false, null); return pm; }
    if (assert.length) { testWithDone(index, title, assert); return pm; }
    var ret;
    try { ret = assert(); }
    catch (e) { recordFailure(index, title, e); return pm; }
    if (ret && typeof ret.then === 'function') { awaitTest(index, title, ret); }
    else { native.assertion(index, title, false, null); }
    return pm;
};
// testWithDone reports the test each time done() is called until it has
// failed, and again when the function throws, as postman-sandbox does:
// done() followed by a failing expect is a pass and then a failure.
function testWithDone(index, title, assert) {
    var reported = false, failed = false;
    native.pending(index, title, 'done');
    try {
        assert(function (err) {
            if (failed) { return; }
            failed = Boolean(err);
            native.assertion(index, title, false, err || null, failed, reported);
            reported = true;
        });
    }
    catch (e) {
        failed = true;
        native.assertion(index, title, false, e, true, reported);
        reported = true;
    }
}
function awaitTest(index, title, ret) {
    native.pending(index, title, 'promise');
    ret.then(function () { native.assertion(index, title, false, null); }, function (e) { recordFailure(index, title, e); });
}
pm.test.skip = function (name) { R(); native.assertion(testIndex++, String(name), true, null); return pm; };
pm.test.index = function () { R(); return testIndex; };

// ---------------------------------------------------------------- cookie jar

function jarURL(url, method) {
    var u = Url.isUrl(url) ? url : (url && isString(url) ? new Url(url) : null);
    if (!u) { throw new TypeError('CookieJar.' + method + '() requires a valid url'); }
    return u.toString(true);
}
function jarCallback(callback, wrap) {
    return function (err, result) {
        if (!isFunction(callback)) { return; }
        err ? callback(err) : callback(null, wrap ? wrap(result) : result);
    };
}
function CookieJar() {}
CookieJar.prototype.get = function (url, name, callback) {
    url = jarURL(url, 'get');
    if (!isFunction(callback)) { throw new TypeError('CookieJar.get() requires a callback function'); }
    if (!isString(name)) { throw new TypeError('CookieJar.get() requires cookie name to be a string'); }
    native.jar('get', url, name, jarCallback(callback, function (c) { return c ? new Cookie(c).valueOf() : null; }));
};
CookieJar.prototype.getAll = function (url, options, callback) {
    url = jarURL(url, 'getAll');
    if (isFunction(options) && !callback) { callback = options; options = {}; }
    if (!isFunction(callback)) { throw new TypeError('CookieJar.getAll() requires a callback function'); }
    if (typeof options !== 'object') { throw new TypeError('CookieJar.getAll() requires options to be an object'); }
    native.jar('getAll', url, null, jarCallback(callback, function (list) { return new CookieList(null, list); }));
};
CookieJar.prototype.set = function (url, name, value, callback) {
    url = jarURL(url, 'set');
    if (isFunction(value) && !callback) { callback = value; value = null; }
    var cookie;
    if (name && value) { cookie = { name: String(name), value: String(value) }; }
    else if (isObject(name)) { cookie = { name: choose(name.name, name.key), value: name.value, domain: name.domain, path: name.path, expires: name.expires instanceof Date ? name.expires.toISOString() : name.expires, maxAge: name.maxAge, secure: name.secure, httpOnly: name.httpOnly }; }
    else if (isString(name)) { cookie = name; }
    else { throw new TypeError('CookieJar.set() requires a valid set cookie arguments'); }
    native.jar('set', url, cookie, jarCallback(callback, function (c) { return c ? new Cookie(c) : c; }));
};
CookieJar.prototype.unset = function (url, name, callback) {
    url = jarURL(url, 'unset');
    if (!isString(name)) { throw new TypeError('CookieJar.unset() requires cookie name to be a string'); }
    native.jar('unset', url, name, jarCallback(callback));
};
CookieJar.prototype.clear = function (url, callback) {
    url = jarURL(url, 'clear');
    native.jar('clear', url, null, jarCallback(callback));
};

// ---------------------------------------------------------------- request export

function listOf(value, Type) {
    if (isNil(value)) { return []; }
    if (PropertyList.isPropertyList(value)) { return value.members; }
    if (Array.isArray(value)) { return value; }
    if (isString(value)) { return Type && Type.parse ? Type.parse(value) : []; }
    if (isPlainObject(value)) { return Object.keys(value).map(function (k) { return { key: k, value: value[k] }; }); }
    return [];
}
function str(v) { return isNil(v) ? E : String(v); }
function exportUrl(u) {
    if (isString(u)) { u = new Url(u); }
    else if (!Url.isUrl(u)) { u = new Url(u || E); }
    var host = u.host, path = u.path;
    isString(host) && (host = host.split('.'));
    isString(path) && (path = path.split('/'));
    return {
        raw: u.toString(),
        protocol: str(u.protocol),
        auth: u.auth ? { user: str(u.auth.user), password: str(u.auth.password) } : null,
        host: Array.isArray(host) ? host.map(str) : null,
        port: str(u.port),
        path: Array.isArray(path) ? path.map(str) : null,
        query: listOf(u.query, QueryParam).map(function (p) {
            return withDescription({ key: str(p.key), value: isNil(p.value) ? null : String(p.value), disabled: p.disabled === true }, p);
        }),
        hash: str(u.hash),
        variable: listOf(u.variables || u.variable).map(function (v) {
            var value = isFunction(v.get) ? v.get() : v.value;
            return { key: str(v.key || v.id), value: value === undefined ? null : value, type: v.type === 'any' ? E : str(v.type), disabled: v.disabled === true };
        })
    };
}
// lodashEmpty is lodash's isEmpty: a value with no length, size or own
// enumerable keys; a number or a boolean is empty.
function lodashEmpty(v) {
    if (isNil(v)) { return true; }
    if (isString(v) || Array.isArray(v) || ArrayBuffer.isView(v)) { return v.length === 0; }
    if (typeof v !== 'object' && typeof v !== 'function') { return true; }
    if (v instanceof Map || v instanceof Set) { return v.size === 0; }
    for (var k in v) { if (hasOwn.call(v, k)) { return false; } }
    return true;
}
// languageOnly reports whether a body's options are none or only
// {raw: {language}}, which the export's language says.
function languageOnly(o) {
    if (isNil(o)) { return true; }
    var keys = isObject(o) ? Object.keys(o) : [];
    return keys.length === 1 && keys[0] === 'raw' && isObject(o.raw) && Object.keys(o.raw).length === 1 && isString(o.raw.language);
}
// jsonOrEmpty is JSON.stringify(v), "" for a value it gives no text for.
function jsonOrEmpty(v) {
    try { return str(JSON.stringify(v)); } catch (e) { return E; }
}
// formMembers adds to a form entry's export what the collection model
// keeps beside its text: a key or value left out, a "disabled" given,
// a form-data fileName.
function formMembers(out, p, form) {
    !form && p.key === undefined && (out.noKey = true);
    !form && p.value === undefined && (out.noValue = true);
    has(p, 'disabled') && p.disabled !== undefined && (out.hasDisabled = true);
    form && p.fileName !== undefined && (out.fileName = p.fileName === null ? null : str(p.fileName));
    return out;
}
function exportBody(b, forSend) {
    if (isNil(b)) { return null; }
    if (!(b instanceof RequestBody)) { b = new RequestBody(b); }
    if (!b.mode) { return null; }
    var language = b.options && b.options.raw && b.options.raw.language,
        out = { mode: b.mode, disabled: b.disabled === true, language: isString(language) ? language : E,
            options: languageOnly(b.options) ? E : jsonOrEmpty(b.options) };
    switch (b.mode) {
    case 'raw':
        // postman-runtime sends no raw body that lodash's isEmpty finds
        // empty (5, true, {}, []), and another value that is not a string
        // as its JSON.
        out.raw = isString(b.raw) ? b.raw : (lodashEmpty(b.raw) ? E : JSON.stringify(b.raw));
        // The value itself, which scripts and the report show.
        out.rawJSON = isString(b.raw) || isNil(b.raw) ? E : jsonOrEmpty(b.raw);
        break;
    case 'urlencoded':
        out.urlencoded = listOf(b.urlencoded, QueryParam).map(function (p) {
            return formMembers({ key: str(p.key), value: str(p.value), disabled: p.disabled === true }, p, false);
        });
        break;
    case 'formdata':
        out.formdata = listOf(b.formdata).filter(function (p) { return p && !(forSend && p.type === 'file'); }).map(function (p) {
            return formMembers({ key: str(p.key), value: isString(p.value) ? p.value : (isNil(p.value) ? E : JSON.stringify(p.value)), type: str(p.type),
                src: Array.isArray(p.src) ? p.src.map(str) : (isNil(p.src) ? [] : [String(p.src)]),
                contentType: str(p.contentType), disabled: p.disabled === true }, p, true);
        });
        break;
    case 'file':
        if (forSend) { return null; }
        // A src that is not a string is not loaded, but is shown as
        // written, as is "file": null.
        var f = b.file, src = f && f.src;
        out.file = { src: isString(src) ? src : E, content: str(f && f.content), hasSrc: isObject(f) && has(f, 'src'),
            srcJSON: isObject(f) && has(f, 'src') && !isString(src) ? jsonOrEmpty(src === undefined ? null : src) : E };
        out.fileNull = f === null;
        break;
    case 'graphql':
        // Each field goes as its text, or as the JSON of a value that is
        // not a string, which postman-runtime sends as that value.
        var g = b.graphql || {};
        out.graphql = {};
        ['query', 'operationName', 'variables'].forEach(function (k) {
            var json = isString(g[k]) ? undefined : JSON.stringify(g[k]);
            isString(g[k]) ? (out.graphql[k] = { text: g[k] }) : (isString(json) && (out.graphql[k] = { json: json }));
        });
        break;
    }
    return out;
}
function exportAuth(a) {
    if (!a) { return null; }
    if (!(a instanceof RequestAuth)) { a = new RequestAuth(a); }
    if (!a.type) { return null; }
    var params = function (list) {
        return listOf(list).map(function (p) {
            var value = isFunction(p.get) ? p.get() : p.value;
            return { key: str(p.key), value: value === undefined ? null : value, type: str(p.type) };
        });
    };
    // The other types' parameters, which Newman keeps listing after a
    // script changes the auth.
    var other = Object.keys(a).filter(function (k) {
        return k !== a.type && RequestAuth.isValidType(k) && PropertyList.isPropertyList(a[k]);
    }).map(function (k) { return { type: k, params: params(a[k]) }; });
    return { type: String(a.type), params: params(a[a.type]), other: other };
}
function exportHeaders(headers) {
    return listOf(headers, Header).filter(Boolean).map(function (h) {
        var out = withDescription({ key: str(h.key), value: str(h.value), disabled: h.disabled === true }, h);
        // A "disabled" that does not disable, which scripts and the
        // report keep showing as written.
        (h.disabled === null || (h.disabled !== undefined && !h.disabled)) && (out.disabledAs = h.disabled === null ? null : false);
        return out;
    });
}
// withDescription adds p's description to its export, so that the report
// keeps it after a script changes the list.
function withDescription(out, p) {
    p.description !== undefined && (out.description = p.description);
    return out;
}
function exportRequest(req, forSend) {
    var method = req.method, out = {
        method: isNil(method) ? 'GET' : String(method).toUpperCase(),
        url: exportUrl(req.url),
        header: exportHeaders(req.headers || req.header)
    };
    // Newman's runtime keeps the request's body when a pre-request script
    // leaves it undefined (null removes it), and its auth when the script
    // leaves none at all (null, undefined, authorizeUsing(null)): a part
    // left out of the export is unchanged.
    (forSend || req.body !== undefined) && (out.body = exportBody(req.body, forSend));
    (forSend || !isNil(req.auth)) && (out.auth = exportAuth(req.auth));
    return out;
}

// ---------------------------------------------------------------- legacy sandbox

var LEGACY_ALTERNATIVES = {
    tests: 'pm.test()', globals: 'pm.globals', environment: 'pm.environment', data: 'pm.iterationData',
    request: 'pm.request', responseCookies: 'pm.cookies', responseHeaders: 'pm.response.headers',
    responseTime: 'pm.response.responseTime', responseCode: 'pm.response.code', responseBody: 'pm.response.text()',
    iteration: 'pm.info.iteration', _: "require('lodash')", CryptoJS: "require('crypto-js')", atob: "require('atob')",
    btoa: "require('btoa')", tv4: "require('ajv')", xml2Json: "require('xml2js')", Backbone: "require('backbone')",
    cheerio: "require('cheerio')", 'postman.setNextRequest': 'pm.execution.setNextRequest()'
};
// warnLegacy prints Postman's deprecation warning the first time a script
// uses a legacy global in its synchronous part, as Postman's sandbox does.
function warnLegacy(key) {
    R();
    if (!ctl.sync || (legacyUsed && hasOwn.call(legacyUsed, key))) { return; }
    (legacyUsed || (legacyUsed = {}))[key] = true;
    var alt = LEGACY_ALTERNATIVES[key];
    native.console('warn', alt ? 'Using "' + key + '" is deprecated. Use "' + alt + '" instead.' : 'Using "' + key + '" is deprecated.');
}

function LegacyInterface() {}
LegacyInterface.prototype.setEnvironmentVariable = function (key, value) {
    if ((value === false || value) && isFunction(value && value.toString)) { value = value.toString(); }
    legacyRaw('environment')[key] = value;
    return environmentScope.set(key, value);
};
LegacyInterface.prototype.getEnvironmentVariable = function (key) { return environmentScope.get(key); };
LegacyInterface.prototype.clearEnvironmentVariables = function () {
    var env = legacyRaw('environment');
    Object.keys(env).forEach(function (k) { delete env[k]; });
    return environmentScope.clear();
};
LegacyInterface.prototype.clearEnvironmentVariable = function (key) {
    key && delete legacyRaw('environment')[key];
    return environmentScope.unset(key);
};
LegacyInterface.prototype.setGlobalVariable = function (key, value) {
    if ((value === false || value) && isFunction(value && value.toString)) { value = value.toString(); }
    legacyRaw('globals')[key] = value;
    return globalsScope.set(key, value);
};
LegacyInterface.prototype.getGlobalVariable = function (key) { return globalsScope.get(key); };
LegacyInterface.prototype.clearGlobalVariables = function () {
    var g = legacyRaw('globals');
    Object.keys(g).forEach(function (k) { delete g[k]; });
    return globalsScope.clear();
};
LegacyInterface.prototype.clearGlobalVariable = function (key) {
    key && delete legacyRaw('globals')[key];
    return globalsScope.unset(key);
};
LegacyInterface.prototype.setNextRequest = function (what) { native.setNextRequest(what); };
function LegacyTestInterface() {}
inherit(LegacyTestInterface, LegacyInterface);
LegacyTestInterface.prototype.getResponseCookie = function (name) { return pm.cookies.one(String(name)); };
LegacyTestInterface.prototype.getResponseHeader = function (name) {
    var h = pm.response && pm.response.headers.one(name);
    return h ? h.value : undefined;
};

function legacyRequest() {
    var req = pm.request;
    if (!req) { return {}; }
    var info = pm.info, body = req.body, data = {};
    if (body && !body.isEmpty()) {
        var content = body[body.mode];
        content && isFunction(content.all) && (content = content.all());
        if (body.mode === 'raw') { data = content; }
        else if (body.mode === 'urlencoded' || body.mode === 'formdata') {
            data = (content || []).reduce(function (acc, p) {
                if (p.disabled) { return acc; }
                if (acc[p.key]) { Array.isArray(acc[p.key]) ? acc[p.key].push(p.value) : (acc[p.key] = [acc[p.key], p.value]); }
                else { acc[p.key] = p.value; }
                return acc;
            }, {});
        }
        else if (body.mode === 'file') { data = body.file && body.file.content; }
        data = data || {};
    }
    return {
        id: info.requestId,
        name: info.requestName,
        description: req.description ? String(req.description) : undefined,
        headers: req.headers.toObject(true, false, true, true),
        method: req.method,
        url: req.url.toString(),
        data: data
    };
}

var TEST_ONLY = { responseCookies: true, responseHeaders: true, responseTime: true, responseCode: true, responseBody: true };
function legacyCompute(key) {
    var resp;
    switch (key) {
    case 'tests': native.legacyTests(); return {};
    case 'globals': return globalsScope.toObject();
    case 'environment': return environmentScope.toObject();
    case 'data': return dataScope.toObject();
    case 'request': return legacyRequest();
    case 'iteration': return pm.info.iteration || 0;
    case 'postman': return R().listen === 'test' ? new LegacyTestInterface() : new LegacyInterface();
    case 'xml2Json': return function xml2Json(text) { return native.xml2Json(text); };
    case 'responseCookies': return pm.cookies;
    case 'responseHeaders':
        var headers = {};
        resp = pm.response;
        resp && resp.headers.each(function (h) { h && !h.disabled && (headers[h.key] = h.value); });
        return headers;
    // A request that got no response still has an (empty) pm.response, so
    // these read as Postman's do then: responseTime undefined, responseCode {}.
    case 'responseTime': resp = pm.response; return resp ? resp.responseTime : NaN;
    case 'responseCode':
        resp = pm.response;
        return resp ? resp.details() : { code: NaN, name: E, details: E };
    case 'responseBody': resp = pm.response; return resp ? resp.text() : undefined;
    }
    if (hasOwn.call(libraryGlobals, key)) { return libraryGlobals[key].call(globalThis); }
}
function legacyRaw(key) {
    var run = R(), raw = run.legacyRaw || (run.legacyRaw = {});
    if (!hasOwn.call(raw, key)) { raw[key] = legacyCompute(key); }
    return raw[key];
}
function legacyWrapped(key) {
    var run = R(), wrapped = run.legacyWrapped || (run.legacyWrapped = {});
    if (!hasOwn.call(wrapped, key)) {
        var value = legacyRaw(key);
        if (value && (typeof value === 'object' || typeof value === 'function')) {
            value = new Proxy(value, {
                set: function (target, prop, v) { warnLegacy(key); target[prop] = v; return true; },
                get: function (target, prop) { warnLegacy(key === 'postman' ? 'postman.setNextRequest' : key); return target[prop]; },
                apply: function (target, thisArg, args) { warnLegacy(key); return target.apply(thisArg, args); }
            });
        }
        wrapped[key] = value;
    }
    return wrapped[key];
}
// The library globals (_, CryptoJS, tv4, atob, btoa, cheerio) come from
// the module registry as lazy accessors; they are wrapped like the other
// legacy globals so that using one warns the way Postman's proxies do (on
// use, not on a mere typeof).
var libraryGlobals = {};
['_', 'CryptoJS', 'tv4', 'atob', 'btoa', 'cheerio'].forEach(function (key) {
    var d = Object.getOwnPropertyDescriptor(globalThis, key);
    if (!d) { return; }
    libraryGlobals[key] = d.get ? d.get : function () { return d.value; };
});
['tests', 'globals', 'environment', 'data', 'request', 'responseCookies', 'responseHeaders', 'responseTime',
    'responseCode', 'responseBody', 'iteration', 'postman', 'xml2Json'].concat(Object.keys(libraryGlobals)).forEach(function (key) {
    Object.defineProperty(globalThis, key, {
        configurable: true, enumerable: false,
        get: function () {
            if (TEST_ONLY[key] && R().listen !== 'test') { return undefined; }
            return legacyWrapped(key);
        },
        set: function (value) {
            var run = R();
            key === 'tests' && native.legacyTests();
            (run.legacyWrapped || (run.legacyWrapped = {}))[key] = value;
            (run.legacyRaw || (run.legacyRaw = {}))[key] = value;
        }
    });
});

// Sugar 1.3, which postman-sandbox loads into every script, gives numbers
// a log(base) method; so in Newman a script that declares or assigns its
// own numeric console (var console = 3, a parameter of the script's
// function there) still calls console.log('x') without error, getting NaN.
// The other Sugar methods come only when a script calls one (sugar.go),
// but that check cannot see this call for what it is, and one property
// costs nothing, so log is always there.
Object.defineProperty(Number.prototype, 'log', {
    value: function log(base) { return Math.log(this) / (base ? Math.log(base) : 1); },
    writable: true, enumerable: false, configurable: true
});

// finish turns the legacy tests object into assertions once the script
// body has returned, as Postman reads it then. Go calls it only for a run
// that used tests (native.legacyTests).
function finish() {
    var run = R(), tests = run.legacyRaw && run.legacyRaw.tests;
    if (!isObject(tests)) { return; }
    Object.keys(tests).forEach(function (name) {
        var value = tests[name], err = null;
        if (!value) {
            err = new Error('expected ' + String(value) + ' to be truthy');
            err.name = 'AssertionError';
        }
        native.assertion(testIndex++, name, false, err);
    });
}

// requestChanges returns the request as it is now, or undefined when the
// script never touched pm.request; Go compares it with the baseline. When
// Go holds the baseline, a lazy part of pm.request no script read (or
// wrote, or deleted) is left out: it is as built.
function requestChanges() {
    var run = R();
    if (!hasOwn.call(run, 'request') || !run.request) { return undefined; }
    var req = run.request;
    if (run.requestBaseline) { return { baseline: run.requestBaseline, current: exportRequest(req, false) }; }
    // The parts go to Go one by one (native.change), which saves building
    // and exporting an object of them.
    var method = req.method;
    native.change('method', isNil(method) ? 'GET' : String(method).toUpperCase());
    touched(req, 'url') && !native.urlAsBuilt(req.url) && native.change('url', exportUrl(req.url));
    if (touched(req, 'headers')) {
        var headers = req.headers || req.header;
        native.changeHeaders(headers) || native.change('header', exportHeaders(headers));
    }
    // As in exportRequest, an undefined body and no auth at all keep the
    // request's own.
    touched(req, 'body') && req.body !== undefined && native.change('body', exportBody(req.body, false));
    touched(req, 'auth') && !isNil(req.auth) && native.change('auth', exportAuth(req.auth));
    return native.changes();
}
// touched reports whether o[key] may differ from what Go built: it is
// not, or no longer, a lazy property still waiting for its first read.
var touched = native.touched;

Object.defineProperty(globalThis, 'pm', { value: pm, writable: false, enumerable: false, configurable: false });

return {
    ctl: ctl,
    // require('postman-collection'): the classes scripts' objects are
    // made of, so that instanceof and the static helpers work as in
    // Newman. VariableScope, Collection, Item and the other classes no
    // script object is made of are not provided.
    sdk: {
        PropertyBase: PropertyBase, Property: Property, PropertyList: PropertyList, Header: Header,
        HeaderList: HeaderList, QueryParam: QueryParam, FormParam: FormParam, Variable: Variable,
        VariableList: VariableList, Url: Url, RequestBody: RequestBody, RequestAuth: RequestAuth,
        Request: Request, Response: Response, Cookie: Cookie, CookieList: CookieList
    },
    finish: finish,
    requestChanges: requestChanges,
    // What Go needs to build Postman objects itself (response.go) and to
    // find a pre-request script's changes (exportBody, exportAuth).
    // addTo, nativeParse and exportRequest let tests compare what Go
    // builds with what the bootstrap makes.
    classes: {
        Response: Response, HeaderList: HeaderList, Header: Header, CookieList: CookieList, Cookie: Cookie,
        Request: Request, Url: Url, PropertyList: PropertyList, QueryParam: QueryParam, VariableList: VariableList,
        Variable: Variable, RequestBody: RequestBody, RequestAuth: RequestAuth,
        PARENT: PARENT, streamOf: streamOf, makeResponse: makeResponse, to: chai && chai.expect ? toDescriptor.get : undefined,
        addTo: addTo, nativeParse: nativeParse, exportRequest: exportRequest, exportBody: exportBody, exportAuth: exportAuth
    }
};
})`
