// colrun's own implementation of the Sugar 1.x methods Postman collections
// call (postman-sandbox loads Sugar into every script). Each is
// non-enumerable, so for..in and JSON.stringify see nothing new, and is
// added only where the built-in does not have the name already.
(function () {
'use strict';
function hide(target, name, fn) {
    if (Object.prototype.hasOwnProperty.call(target, name)) { return; }
    Object.defineProperty(target, name, { value: fn, writable: true, enumerable: false, configurable: true });
}
function each(target, methods) {
    for (var k in methods) { hide(target, k, methods[k]); }
}
function isObj(o) { return o !== null && typeof o === 'object'; }
// whenValid wraps a date test Sugar answers through Date#is, which
// returns undefined for an invalid date (not false).
function whenValid(test) {
    return function () { return isNaN(this.getTime()) ? undefined : test.apply(this, arguments); };
}
function equal(a, b) {
    if (a === b) { return a !== 0 || 1 / a === 1 / b; }
    if (a !== a && b !== b) { return true; }
    if (!isObj(a) || !isObj(b)) { return false; }
    if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) { return false; }
    if (a instanceof Date) { return a.getTime() === b.getTime(); }
    if (a instanceof RegExp) { return String(a) === String(b); }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) { return false; }
    for (var i = 0; i < ka.length; i++) {
        if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !equal(a[ka[i]], b[ka[i]])) { return false; }
    }
    return true;
}
// matches is Sugar's element test (multiMatch): a function is called, a
// regexp tested against strings, a plain object matches an object having
// each of its members (matched the same way, so {a: 1} matches
// {a: 1, b: 2}), anything else is compared deeply.
function matches(el, f, i, arr) { return multiMatch(el, f, arr, [el, i, arr]); }
function multiMatch(el, f, scope, params) {
    if (el === f) { return true; }
    if (f instanceof RegExp && typeof el === 'string') { return f.test(el); }
    if (typeof f === 'function') { return !!f.apply(scope, params); }
    if (isObj(f) && Object.prototype.toString.call(f) === '[object Object]' && 'hasOwnProperty' in f && isObj(el)) {
        var ok = true;
        for (var k in f) {
            if (Object.prototype.hasOwnProperty.call(f, k) && !multiMatch(el[k], f[k], scope, [el[k], el])) { ok = false; }
        }
        return ok;
    }
    return equal(el, f);
}
// mapper turns Sugar's map argument into a function: a function as it is,
// a name the element's property of that name, called when it is a method
// (['ab'].map('toUpperCase') is ['AB']).
function mapper(map) {
    if (typeof map === 'function') { return map; }
    if (map === undefined || map === null) { return function (x) { return x; }; }
    return function (x) {
        if (x == null) { return undefined; }
        var v = x[map];
        return typeof v === 'function' ? v.call(x) : v;
    };
}
function anyOf(arr, args) {
    for (var a = 0; a < args.length; a++) {
        for (var i = 0; i < arr.length; i++) {
            if (i in arr && matches(arr[i], args[a], i, arr)) { return true; }
        }
    }
    return false;
}
function extreme(arr, map, max, all) {
    var fn = mapper(map), best, result = [];
    for (var i = 0; i < arr.length; i++) {
        var v = fn(arr[i], i, arr);
        if (result.length === 0 || (max ? v > best : v < best)) { best = v; result = [arr[i]]; } else if (v === best) { result.push(arr[i]); }
    }
    return all ? result : result[0];
}
function flatten(arr, limit, level, out) {
    for (var i = 0; i < arr.length; i++) {
        if (Array.isArray(arr[i]) && (!limit || level < limit)) { flatten(arr[i], limit, level + 1, out); } else { out.push(arr[i]); }
    }
    return out;
}
function unique(arr, map) {
    var fn = map === undefined ? null : mapper(map), seen = [], out = [];
    for (var i = 0; i < arr.length; i++) {
        var key = fn ? fn(arr[i]) : arr[i], dup = false;
        for (var j = 0; j < seen.length; j++) { if (equal(seen[j], key)) { dup = true; break; } }
        if (!dup) { seen.push(key); out.push(arr[i]); }
    }
    return out;
}
function sum(arr, map) {
    var fn = mapper(map), total = 0;
    for (var i = 0; i < arr.length; i++) { total += fn(arr[i], i, arr); }
    return total;
}
function withoutMatches(arr, args) {
    return arr.filter(function (el, i) {
        for (var a = 0; a < args.length; a++) { if (matches(el, args[a], i, arr)) { return false; } }
        return true;
    });
}
function addAt(arr, items, index) {
    if (typeof index !== 'number' || isNaN(index)) { index = arr.length; }
    Array.prototype.splice.apply(arr, [index, 0].concat(items));
    return arr;
}

each(Array.prototype, {
    // Sugar's each: from index (wrapping round the end with loop), holes
    // skipped, stopping when the function returns false; the array back.
    each: function each_(fn, index, loop) {
        var n = this.length, start = index || 0, count = loop ? n : n - start;
        for (var c = 0; c < count; c++) {
            var i = (start + c) % n;
            if (!(i in this)) { continue; }
            if (fn.call(this, this[i], i, this) === false) { break; }
        }
        return this;
    },
    any: function any() { return anyOf(this, arguments); },
    all: function all(f) { var arr = this; return arr.length === 0 || arr.every(function (el, i) { return matches(el, f, i, arr); }); },
    none: function none() { return !anyOf(this, arguments); },
    count: function count(f) { var arr = this; return f === undefined ? arr.length : arr.filter(function (el, i) { return matches(el, f, i, arr); }).length; },
    findAll: function findAll(f) { var arr = this; return arr.filter(function (el, i) { return matches(el, f, i, arr); }); },
    unique: function unique_(map) { return unique(this, map); },
    first: function first(n) { return n === undefined ? this[0] : (n <= 0 ? [] : this.slice(0, n)); },
    last: function last(n) { return n === undefined ? this[this.length - 1] : (n <= 0 ? [] : this.slice(Math.max(this.length - n, 0))); },
    from: function from(n) { return this.slice(n); },
    to: function to(n) { return this.slice(0, n === undefined ? this.length : n); },
    sum: function sum_(map) { return sum(this, map); },
    average: function average(map) { return this.length ? sum(this, map) / this.length : 0; },
    min: function min(map, all) { return extreme(this, map, false, all); },
    max: function max(map, all) { return extreme(this, map, true, all); },
    compact: function compact(all) {
        return this.filter(function (el) { return all ? !!el : el !== undefined && el !== null && !(typeof el === 'number' && isNaN(el)); });
    },
    flatten: function flatten_(limit) { return flatten(this, limit, 0, []); },
    exclude: function exclude() { return withoutMatches(this, arguments); },
    remove: function remove() {
        var keep = withoutMatches(this, arguments);
        this.length = 0;
        Array.prototype.push.apply(this, keep);
        return this;
    },
    removeAt: function removeAt(start, end) {
        if (start === undefined) { return this; }
        if (end === undefined) { end = start; }
        this.splice(start, end - start + 1);
        return this;
    },
    include: function include(el, index) { return addAt(this.slice(), [].concat(el), index); },
    add: function add(el, index) { return addAt(this, [].concat(el), index); },
    insert: function insert(el, index) { return addAt(this, [].concat(el), index); },
    clone: function clone() { return this.slice(); },
    isEmpty: function isEmpty() { return this.length === 0; },
    union: function union() { var out = this.slice(); for (var a = 0; a < arguments.length; a++) { out = out.concat(arguments[a]); } return unique(out); },
    intersect: function intersect() {
        var others = Array.prototype.slice.call(arguments);
        return unique(this.filter(function (el) { return others.every(function (o) { return [].concat(o).some(function (x) { return equal(x, el); }); }); }));
    },
    subtract: function subtract() {
        var others = [].concat.apply([], arguments);
        return this.filter(function (el) { return !others.some(function (x) { return equal(x, el); }); });
    },
    groupBy: function groupBy(map) {
        var fn = mapper(map), out = {};
        for (var i = 0; i < this.length; i++) { var k = fn(this[i], i, this); (out[k] = out[k] || []).push(this[i]); }
        return out;
    },
    sortBy: function sortBy(map, desc) {
        var fn = mapper(map);
        return this.slice().sort(function (a, b) { var x = fn(a), y = fn(b), c = x < y ? -1 : x > y ? 1 : 0; return desc ? -c : c; });
    },
    sample: function sample(n) {
        var copy = this.slice(), out = [];
        while (copy.length && out.length < (n === undefined ? 1 : n)) { out.push(copy.splice(Math.floor(Math.random() * copy.length), 1)[0]); }
        return n === undefined ? out[0] : out;
    },
    randomize: function randomize() { return this.slice().sort(function () { return Math.random() - 0.5; }); },
    inGroups: function inGroups(num, padding) {
        var pad = arguments.length > 1, out = [], size = Math.ceil(this.length / num);
        for (var i = 0; i < num; i++) {
            var g = this.slice(i * size, i * size + size);
            while (pad && g.length < size) { g.push(padding); }
            out.push(g);
        }
        return out;
    },
    zip: function zip() {
        var args = Array.prototype.slice.call(arguments);
        return this.map(function (el, i) { return [el].concat(args.map(function (k) { return (i in k) ? k[i] : null; })); });
    },
    inGroupsOf: function inGroupsOf(size, padding) {
        var out = [];
        for (var i = 0; i < this.length; i += size) {
            var g = this.slice(i, i + size);
            while (g.length < size) { g.push(padding === undefined ? null : padding); }
            out.push(g);
        }
        return out;
    }
});

var capitalizeWord = function (w) { return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(); };
// downcased are the words titleize leaves in lower case inside a title.
var downcased = ['and', 'or', 'nor', 'a', 'an', 'the', 'so', 'but', 'to', 'of', 'at', 'by', 'from', 'into',
    'on', 'onto', 'off', 'out', 'in', 'over', 'with', 'for'];
function underscore(s) {
    return s.replace(/[-\s]+/g, '_').replace(/([A-Z\d]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();
}
each(String.prototype, {
    camelize: function camelize(first) {
        var s = underscore(String(this)).replace(/[_-]+([^_-])/g, function (m, c) { return c.toUpperCase(); });
        return first === false ? s.charAt(0).toLowerCase() + s.slice(1) : s.charAt(0).toUpperCase() + s.slice(1);
    },
    capitalize: function capitalize(all) {
        var s = String(this);
        return all ? s.replace(/[^\s]+/g, capitalizeWord) : capitalizeWord(s);
    },
    dasherize: function dasherize() { return underscore(String(this)).replace(/_/g, '-'); },
    underscore: function underscore_() { return underscore(String(this)); },
    spacify: function spacify() { return underscore(String(this)).replace(/_/g, ' '); },
    humanize: function humanize() { var s = underscore(String(this)).replace(/_id$/, '').replace(/_/g, ' ').trim(); return s.charAt(0).toUpperCase() + s.slice(1); },
    titleize: function titleize() {
        var words = underscore(String(this)).replace(/_/g, ' ').trim().split(/\s+/), stop = /[.:;!]$/, lastStop = false;
        return words.map(function (w, i) {
            var hasStop = stop.test(w), edge = i === 0 || i === words.length - 1 || hasStop || lastStop;
            lastStop = hasStop;
            return edge || downcased.indexOf(w) < 0 ? capitalizeWord(w) : w;
        }).join(' ');
    },
    parameterize: function parameterize(sep) {
        if (sep === undefined) { sep = '-'; }
        return underscore(String(this)).replace(/[^a-z0-9\-_]+/g, sep).replace(/_/g, sep).replace(new RegExp('^' + sep + '+|' + sep + '+$', 'g'), '');
    },
    // truncate is Sugar 1.3's: split === false cuts at a word boundary.
    truncate: function truncate(length, split, from, ellipsis) {
        var s = String(this), pos, head = '', tail = '', cut, word;
        ellipsis = ellipsis === undefined ? '...' : String(ellipsis);
        if (s.length <= length) { return s; }
        if (from === 'left') {
            pos = s.length - length; head = ellipsis; cut = s.slice(pos); word = /^\S*\s+/;
        } else if (from === 'middle') {
            pos = Math.floor(length / 2); tail = ellipsis + s.slice(s.length - pos).replace(/^\s+/, ''); cut = s.slice(0, pos); word = /\s+\S*$/;
        } else {
            pos = length; tail = ellipsis; cut = s.slice(0, pos); word = /\s+\S*$/;
        }
        if (split === false && /\S/.test(s.slice(pos, pos + 1))) { cut = cut.replace(word, ''); }
        return head + cut + tail;
    },
    words: function words(fn) { var w = String(this).trim().split(/\s+/).filter(Boolean); if (fn) { w.forEach(fn); } return w; },
    lines: function lines(fn) { var l = String(this).trim().split(/\r?\n/); if (fn) { l.forEach(fn); } return l; },
    chars: function chars(fn) { var c = String(this).split(''); if (fn) { c.forEach(fn); } return c; },
    isBlank: function isBlank() { return String(this).trim().length === 0; },
    compact: function compact() { return String(this).trim().replace(/([\r\n\s\u3000])+/g, function (m, c) { return c === '\u3000' ? c : ' '; }); },
    shift: function shift(n) { return String(this).replace(/[\s\S]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + n); }); },
    reverse: function reverse() { return String(this).split('').reverse().join(''); },
    first: function first(n) { return String(this).slice(0, n === undefined ? 1 : n); },
    last: function last(n) { var s = String(this); n = n === undefined ? 1 : n; return n <= 0 ? '' : s.slice(Math.max(s.length - n, 0)); },
    from: function from(n) { return String(this).slice(n === undefined ? 0 : n); },
    to: function to(n) { var s = String(this); return s.slice(0, n === undefined ? s.length : n); },
    toNumber: function toNumber(base) { var s = String(this).replace(/,/g, ''); return s.match(/\./) ? parseFloat(s) : parseInt(s, base || 10); },
    escapeRegExp: function escapeRegExp() { return String(this).replace(/([\\/'*+?|()[\]{}.^$-])/g, '\\$1'); },
    escapeURL: function escapeURL(param) { return param ? encodeURIComponent(String(this)) : encodeURI(String(this)); },
    unescapeURL: function unescapeURL(param) { return param ? decodeURI(String(this)) : decodeURIComponent(String(this)); },
    escapeHTML: function escapeHTML() { return String(this).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\//g, '&#x2f;'); },
    unescapeHTML: function unescapeHTML() {
        return String(this).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#x2f;/g, '/').replace(/&amp;/g, '&');
    },
    // each lists the characters, or the matches of a string (any case)
    // or a regular expression; fn may replace each match it is given.
    each: function each(search, fn) {
        if (typeof search === 'function') { fn = search; search = /[\s\S]/g; } else if (!search) { search = /[\s\S]/g; } else if (typeof search === 'string') {
            search = new RegExp(search.replace(/([\\/'*+?|()[\]{}.^$-])/g, '\\$1'), 'gi');
        } else if (search instanceof RegExp) { search = new RegExp(search.source, search.flags.indexOf('g') < 0 ? search.flags + 'g' : search.flags); }
        var m = String(this).match(search) || [];
        if (fn) { for (var i = 0; i < m.length; i++) { m[i] = fn.call(this, m[i], i, m) || m[i]; } }
        return m;
    },
    codes: function codes(fn) {
        var out = [], s = String(this);
        for (var i = 0; i < s.length; i++) { out.push(s.charCodeAt(i)); if (fn) { fn.call(this, s.charCodeAt(i), i); } }
        return out;
    },
    // pad, padLeft and padRight repeat padding num times (once by default)
    // on their side: '5'.pad('0', 2) is '00500'.
    pad: function pad(padding, num) { var p = repeatString(num, padding); return p + this + p; },
    padLeft: function padLeft(padding, num) { return repeatString(num, padding) + this; },
    padRight: function padRight(padding, num) { return this + repeatString(num, padding); },
    stripTags: function stripTags() { return String(this).replace(/<\/?[^>]+>/g, ''); },
    removeTags: function removeTags() { return String(this).replace(/<([^>\s]+)[^>]*>[\s\S]*?<\/\1>|<[^>]+\/?>/g, ''); },
    insert: function insert(str, index) { var s = String(this); if (index === undefined) { index = s.length; } return s.slice(0, index) + str + s.slice(index); },
    remove: function remove(f) { return String(this).replace(f, ''); },
    add: function add(str, index) { var s = String(this); if (index === undefined) { index = s.length; } return s.slice(0, index) + str + s.slice(index); },
    assign: function assign() {
        var values = {}, args = arguments;
        for (var i = 0; i < args.length; i++) { if (isObj(args[i])) { Object.assign(values, args[i]); } else { values[i + 1] = args[i]; } }
        return String(this).replace(/\{([^{]+?)\}/g, function (m, k) { return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : m; });
    },
    encodeBase64: function encodeBase64() { return base64(String(this)); },
    decodeBase64: function decodeBase64() { return unbase64(String(this)); }
});

function repeatString(times, str) { return new Array(Math.max(0, times !== undefined ? times : 1) + 1).join(str || ''); }

// base64 and unbase64 are Sugar 1.3's own btoa and atob (it does not use
// the sandbox's): each character code is taken as one byte, unchecked, and
// decoding gives one character per byte, without UTF-8.
var b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
function base64(s) {
    var out = '', i = 0;
    do {
        var c1 = s.charCodeAt(i++), c2 = s.charCodeAt(i++), c3 = s.charCodeAt(i++);
        var e3 = isNaN(c2) ? 64 : ((c2 & 15) << 2) | (c3 >> 6), e4 = isNaN(c2) || isNaN(c3) ? 64 : c3 & 63;
        out += b64.charAt(c1 >> 2) + b64.charAt(((c1 & 3) << 4) | (c2 >> 4)) + b64.charAt(e3) + b64.charAt(e4);
    } while (i < s.length);
    return out;
}
function unbase64(s) {
    if (/[^A-Za-z0-9+/=]/.test(s)) { throw new Error('String contains invalid base64 characters'); }
    var out = '', i = 0;
    do {
        var e1 = b64.indexOf(s.charAt(i++)), e2 = b64.indexOf(s.charAt(i++)), e3 = b64.indexOf(s.charAt(i++)), e4 = b64.indexOf(s.charAt(i++));
        out += String.fromCharCode((e1 << 2) | (e2 >> 4));
        if (e3 !== 64) { out += String.fromCharCode(((e2 & 15) << 4) | (e3 >> 2)); }
        if (e4 !== 64) { out += String.fromCharCode(((e3 & 3) << 6) | e4); }
    } while (i < s.length);
    return out;
}
function ordinal(n) {
    var m = Math.abs(n) % 100;
    if (m >= 11 && m <= 13) { return 'th'; }
    return ['th', 'st', 'nd', 'rd'][m % 10] || 'th';
}
function times(fn) { for (var i = 0; i < this; i++) { fn.call(this, i); } return +this; }
each(Number.prototype, {
    ordinalize: function ordinalize() { var n = Number(this); return n + ordinal(n); },
    isOdd: function isOdd() { var n = Number(this); return n % 2 !== 0 && isFinite(n) && Math.floor(n) === n; },
    isEven: function isEven() { var n = Number(this); return n % 2 === 0; },
    isMultipleOf: function isMultipleOf(m) { return Number(this) % m === 0; },
    isInteger: function isInteger() { var n = Number(this); return Math.floor(n) === n && isFinite(n); },
    times: times,
    upto: function upto(to, fn) { var out = []; for (var i = Number(this); i <= to; i++) { out.push(i); if (fn) { fn(i); } } return out; },
    downto: function downto(to, fn) { var out = []; for (var i = Number(this); i >= to; i--) { out.push(i); if (fn) { fn(i); } } return out; },
    pad: function pad(place, sign, base) {
        var n = Number(this), s = Math.abs(n).toString(base || 10);
        while (s.replace(/\..*/, '').length < (place === undefined ? 0 : place)) { s = '0' + s; }
        return (n < 0 ? '-' : sign ? '+' : '') + s;
    },
    chr: function chr() { return String.fromCharCode(Number(this)); },
    hex: function hex(pad) { var s = Number(this).toString(16); while (s.length < (pad || 1)) { s = '0' + s; } return s; },
    round: function round(p) { var m = Math.pow(10, p || 0); return Math.round(Number(this) * m) / m; },
    ceil: function ceil(p) { var m = Math.pow(10, p || 0); return Math.ceil(Number(this) * m) / m; },
    floor: function floor(p) { var m = Math.pow(10, p || 0); return Math.floor(Number(this) * m) / m; },
    abs: function abs() { return Math.abs(Number(this)); },
    pow: function pow(a) { return Math.pow(this, a); },
    sqrt: function sqrt() { return Math.sqrt(this); },
    exp: function exp() { return Math.exp(this); },
    sin: function sin() { return Math.sin(this); },
    asin: function asin() { return Math.asin(this); },
    cos: function cos() { return Math.cos(this); },
    acos: function acos() { return Math.acos(this); },
    tan: function tan() { return Math.tan(this); },
    atan: function atan() { return Math.atan(this); },
    format: function format(place, thousands, decimal) {
        var n = Number(this), s = place === undefined ? String(Math.abs(n)) : Math.abs(n).toFixed(place), parts = s.split('.');
        parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, thousands === undefined ? ',' : thousands);
        return (n < 0 ? '-' : '') + parts.join(decimal === undefined ? '.' : decimal);
    }
});
hide(Number, 'random', function random(n1, n2) {
    var min = Math.min(n1 || 0, n2 === undefined ? 1 : n2), max = Math.max(n1 || 0, n2 === undefined ? 1 : n2);
    return Math.floor(Math.random() * (max - min + 1)) + min;
});

hide(Date, 'create', function create() {
    if (arguments.length === 0) { return new Date(); }
    var d = arguments[0];
    if (d instanceof Date) { return new Date(d.getTime()); }
    if (typeof d === 'string' && /^\s*now\s*$/i.test(d)) { return new Date(); }
    return arguments.length === 1 ? new Date(d) : new (Function.prototype.bind.apply(Date, [null].concat(Array.prototype.slice.call(arguments))))();
});
each(Date.prototype, {
    isValid: function isValid() { return !isNaN(this.getTime()); },
    isAfter: function isAfter(d) { return this.getTime() > Date.create(d).getTime(); },
    isBefore: function isBefore(d) { return this.getTime() < Date.create(d).getTime(); },
    isBetween: function isBetween(a, b) { var t = this.getTime(), x = Date.create(a).getTime(), y = Date.create(b).getTime(); return t > Math.min(x, y) && t < Math.max(x, y); },
    isFuture: whenValid(function isFuture() { return this.getTime() > Date.now(); }),
    isPast: whenValid(function isPast() { return this.getTime() < Date.now(); }),
    clone: function clone() { return new Date(this.getTime()); },
    addDays: function addDays(n) { this.setDate(this.getDate() + n); return this; },
    addHours: function addHours(n) { this.setTime(this.getTime() + n * 3600000); return this; },
    addMinutes: function addMinutes(n) { this.setTime(this.getTime() + n * 60000); return this; },
    addSeconds: function addSeconds(n) { this.setTime(this.getTime() + n * 1000); return this; },
    addMilliseconds: function addMilliseconds(n) { this.setTime(this.getTime() + n); return this; },
    // Sugar keeps the month: Jan 31 plus a month is the end of February.
    addMonths: function addMonths(n) { var day = this.getDate(); this.setMonth(this.getMonth() + n); if (this.getDate() !== day) { this.setDate(0); } return this; },
    addYears: function addYears(n) { this.setFullYear(this.getFullYear() + n); return this; },
    iso: function iso() { return this.toISOString(); }
});

// Sugar's Date#format: each {token} is replaced once, in Sugar's token
// order, with the English locale's words; 'short', 'long' and 'full' and
// Date.ISO8601_DATE and the like name whole formats.
var months = 'January,February,March,April,May,June,July,August,September,October,November,December'.split(',');
var weekdays = 'Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday'.split(',');
var localeFormats = { 'short': '{Month} {d}, {yyyy}', 'long': '{Month} {d}, {yyyy} {h}:{mm}{tt}', 'full': '{Weekday} {Month} {d}, {yyyy} {h}:{mm}:{ss}{tt}' };
function padNum(n, place, sign) {
    var s = Math.abs(n).toString();
    while (s.replace(/\.\d+/, '').length < place) { s = '0' + s; }
    return sign || n < 0 ? (n < 0 ? '-' : '+') + s : s;
}
function utcOffset(d, iso) {
    var off = d.getTimezoneOffset();
    if (!off && iso) { return 'Z'; }
    return padNum(Math.floor(-off / 60), 2, true) + (iso ? ':' : '') + padNum(Math.abs(off % 60), 2);
}
var dateTokens = [
    { token: 'f{1,4}|ms|milliseconds', get: function (d) { return d.getMilliseconds(); } },
    { token: 'ss?|seconds', get: function (d) { return d.getSeconds(); } },
    { token: 'mm?|minutes', get: function (d) { return d.getMinutes(); } },
    { token: 'hh?|hours|12hr', get: function (d) { var h = d.getHours(); return h === 0 ? 12 : h - Math.floor(h / 13) * 12; } },
    { token: 'HH?|24hr', get: function (d) { return d.getHours(); } },
    { token: 'dd?|date|day', get: function (d) { return d.getDate(); } },
    { token: 'dow|weekday', word: true, get: function (d) { return weekdays[d.getDay()]; } },
    { token: 'MM?', get: function (d) { return d.getMonth() + 1; } },
    { token: 'mon|month', word: true, get: function (d) { return months[d.getMonth()]; } },
    { token: 'y{2,4}|year', get: function (d) { return d.getFullYear(); } },
    { token: '[Tt]{1,2}', get: function (d, t) {
        var s = d.getHours() < 12 ? 'am' : 'pm';
        if (t.length === 1) { s = s.slice(0, 1); }
        return t.charAt(0) === 'T' ? s.toUpperCase() : s;
    } },
    { token: 'z{1,4}|tz|timezone', text: true, get: function (d, t) {
        var tz = utcOffset(d, false);
        return t === 'z' || t === 'zz' ? tz.replace(/(\d{2})(\d{2})/, function (f, h) { return padNum(h, t.length); }) : tz;
    } },
    { token: 'iso(tz|timezone)', get: function (d) { return utcOffset(d, true); } },
    { token: 'ord', get: function (d) { var n = d.getDate(); return n + ordinal(n); } }
];
each(Date, {
    RFC1123: '{Dow}, {dd} {Mon} {yyyy} {HH}:{mm}:{ss} {tz}',
    RFC1036: '{Weekday}, {dd}-{Mon}-{yy} {HH}:{mm}:{ss} {tz}',
    ISO8601_DATE: '{yyyy}-{MM}-{dd}',
    ISO8601_DATETIME: '{yyyy}-{MM}-{dd}T{HH}:{mm}:{ss}.{fff}{isotz}'
});
each(Date.prototype, {
    getUTCOffset: function getUTCOffset(iso) { return utcOffset(this, iso === true); },
    format: function format(f) {
        var d = this;
        if (isNaN(d.getTime())) { return 'Invalid Date'; }
        if (typeof f === 'string' && typeof Date[f] === 'string') { f = Date[f]; }
        f = f || 'long';
        f = localeFormats[f] || String(f);
        dateTokens.forEach(function (dt) {
            f = f.replace(new RegExp('\\{(' + dt.token + ')(\\d)?\\}', dt.word ? 'i' : ''), function (m, t) {
                var v = dt.get(d, t), one = /^(.)\1+$/.test(t);
                if (dt.word) {
                    if (t.length === 3) { v = v.slice(0, 3); }
                    if (one || /^[A-Z]/.test(t)) { v = v.charAt(0).toUpperCase() + v.slice(1); }
                } else if (one && !dt.text) {
                    v = (typeof v === 'number' ? padNum(v, t.length) : String(v)).slice(-t.length);
                }
                return v;
            });
        });
        return f;
    },
    addWeeks: function addWeeks(n) { this.setDate(this.getDate() + n * 7); return this; }
});
// Sugar's date queries and ranges, in local time and English: the
// beginning or end of the date's day, week (Sunday to Saturday), month or
// year (which change the date, as Sugar's do), is* tests against today,
// and [unit]sSince/Until/Ago/FromNow, where a month is 30.4375 days, a
// year 365.25 and a count just short of a whole unit (by less than 0.001,
// or 0.081 for months) is rounded up to it.
function whole(ms, unitMs, margin) {
    var n = ms / unitMs, f = n % 1;
    if (f && Math.abs(f % 1) > (margin || 0.999)) { n = Math.round(n); }
    return parseInt(n, 10);
}
function dateArg(d) { return d === undefined ? new Date() : Date.create(d); }
function sameDay(a, b) { return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate(); }
[['year', 365.25 * 86400000], ['month', 30.4375 * 86400000, 0.919], ['week', 604800000], ['day', 86400000],
    ['hour', 3600000], ['minute', 60000], ['second', 1000], ['millisecond', 1]].forEach(function (u) {
    var m = {};
    var since = function (d) { return whole(this.getTime() - dateArg(d).getTime(), u[1], u[2]); };
    var until = function (d) { return whole(dateArg(d).getTime() - this.getTime(), u[1], u[2]); };
    m[u[0] + 'sSince'] = since; m[u[0] + 'sFromNow'] = since;
    m[u[0] + 'sUntil'] = until; m[u[0] + 'sAgo'] = until;
    each(Date.prototype, m);
});
var dateRanges = {
    Day: function (d, end) { return d; },
    Week: function (d, end) { d.setDate(d.getDate() + (end ? 6 : 0) - d.getDay()); return d; },
    Month: function (d, end) { d.setDate(end ? d.daysInMonth() : 1); return d; },
    Year: function (d, end) { d.setMonth(end ? 11 : 0, end ? 31 : 1); return d; }
};
Object.keys(dateRanges).forEach(function (unit) {
    var m = {};
    m['beginningOf' + unit] = function () { dateRanges[unit](this, false).setHours(0, 0, 0, 0); return this; };
    m['endOf' + unit] = function () { dateRanges[unit](this, true).setHours(23, 59, 59, 999); return this; };
    each(Date.prototype, m);
});
each(Date.prototype, {
    isToday: whenValid(function isToday() { return sameDay(this, new Date()); }),
    isYesterday: whenValid(function isYesterday() { var d = new Date(); d.setDate(d.getDate() - 1); return sameDay(this, d); }),
    isTomorrow: whenValid(function isTomorrow() { var d = new Date(); d.setDate(d.getDate() + 1); return sameDay(this, d); }),
    isWeekday: whenValid(function isWeekday() { var w = this.getDay(); return w > 0 && w < 6; }),
    isWeekend: whenValid(function isWeekend() { var w = this.getDay(); return w === 0 || w === 6; }),
    isLeapYear: function isLeapYear() { var y = this.getFullYear(); return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; },
    daysInMonth: function daysInMonth() { return 32 - new Date(this.getFullYear(), this.getMonth(), 32).getDate(); },
    getWeekday: function getWeekday() { return this.getDay(); },
    getISOWeek: function getISOWeek() {
        var d = new Date(this.getTime());
        d.setDate(d.getDate() + 4 - (d.getDay() || 7));
        d.setHours(0, 0, 0, 0);
        return 1 + Math.floor(d.daysSince(new Date(d.getTime()).beginningOfYear()) / 7);
    },
    'short': function () { return this.format('short'); },
    'long': function () { return this.format('long'); },
    full: function full() { return this.format('full'); }
});
weekdays.forEach(function (name, i) {
    hide(Date.prototype, 'is' + name, whenValid(function () { return this.getDay() === i; }));
});
months.forEach(function (name, i) {
    hide(Date.prototype, 'is' + name, whenValid(function () { return this.getMonth() === i; }));
});

// Sugar's number-to-date aliases: (2).days() is milliseconds,
// (1).daysAfter(d) and (3).hoursAgo() are Dates.
[['millisecond', 1, 'addMilliseconds'], ['second', 1000, 'addSeconds'], ['minute', 60000, 'addMinutes'],
    ['hour', 3600000, 'addHours'], ['day', 86400000, 'addDays'], ['week', 604800000, 'addWeeks'],
    ['month', 30.4375 * 86400000, 'addMonths'], ['year', 365.25 * 86400000, 'addYears']].forEach(function (u) {
    var base = function () { return Math.round(Number(this) * u[1]); };
    var after = function () { return Date.create.apply(null, arguments)[u[2]](Number(this)); };
    var before = function () { return Date.create.apply(null, arguments)[u[2]](-Number(this)); };
    var m = {};
    m[u[0]] = base; m[u[0] + 's'] = base;
    m[u[0] + 'Before'] = before; m[u[0] + 'sBefore'] = before; m[u[0] + 'Ago'] = before; m[u[0] + 'sAgo'] = before;
    m[u[0] + 'After'] = after; m[u[0] + 'sAfter'] = after; m[u[0] + 'FromNow'] = after; m[u[0] + 'sFromNow'] = after;
    each(Number.prototype, m);
});

each(Function.prototype, {
    once: function once() {
        var fn = this, done = false, result;
        return function () { if (!done) { done = true; result = fn.apply(this, arguments); } return result; };
    },
    after: function after(n) {
        var fn = this, calls = 0;
        return function () { calls++; return calls >= n ? fn.apply(this, arguments) : undefined; };
    },
    fill: function fill() {
        var fn = this, pre = arguments;
        return function () {
            var args = Array.prototype.slice.call(pre), rest = Array.prototype.slice.call(arguments);
            for (var i = 0; i < args.length; i++) { if (args[i] === undefined && rest.length) { args[i] = rest.shift(); } }
            return fn.apply(this, args.concat(rest));
        };
    }
});
hide(RegExp, 'escape', function escape_(s) { return String(s).replace(/([\\/'*+?|()[\]{}.^$-])/g, '\\$1'); });

var types = ['Array', 'Boolean', 'Date', 'Function', 'Number', 'String', 'RegExp'];
types.forEach(function (t) {
    hide(Object, 'is' + t, function (o) { return Object.prototype.toString.call(o) === '[object ' + t + ']'; });
});
each(Object, {
    isObject: function isObject(o) { return Object.prototype.toString.call(o) === '[object Object]'; },
    isNaN: function isNaN_(o) { return typeof o === 'number' && o !== o; },
    equal: equal,
    has: function has(o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k); },
    size: function size(o) { return Object.keys(o).length; },
    isEmpty: function isEmpty(o) { return o == null || Object.keys(o).length === 0; },
    clone: function clone(o, deep) {
        if (!isObj(o)) { return o; }
        if (deep) { return JSON.parse(JSON.stringify(o)); }
        return Array.isArray(o) ? o.slice() : Object.assign({}, o);
    },
    merge: function merge(target, source, deep) {
        if (!isObj(source)) { return target; }
        for (var k in source) {
            if (!Object.prototype.hasOwnProperty.call(source, k)) { continue; }
            if (deep && isObj(source[k]) && isObj(target[k])) { merge(target[k], source[k], true); } else { target[k] = source[k]; }
        }
        return target;
    },
    each: function each_(o, fn) { Object.keys(o).forEach(function (k) { fn.call(o, k, o[k], o); }); return o; },
    toQueryString: function toQueryString(o) {
        return Object.keys(o).map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(o[k]).replace(/%20/g, '+'); }).join('&');
    },
    // fromQueryString reads values as Sugar does: numbers and true/false
    // become their type, and a[b][]=1 builds nested objects and arrays
    // (unless deep is false); names are not decoded.
    fromQueryString: function fromQueryString(str, deep) {
        var out = {};
        str = str && str.toString ? str.toString() : '';
        str.replace(/^.*?\?/, '').split('&').forEach(function (p) {
            var kv = p.split('=');
            if (kv.length !== 2) { return; }
            setParam(out, kv[0], decodeURIComponent(kv[1]), deep);
        });
        return out;
    },
    // select and reject keep (or drop) the keys a name, a regular
    // expression, an object's keys or a list of these match.
    select: function select(obj) { return selectKeys(obj, arguments, true); },
    reject: function reject(obj) { return selectKeys(obj, arguments, false); },
    tap: function tap(obj, arg) {
        var fn = typeof arg === 'function' ? arg : function () { if (arg) { obj[arg](); } };
        fn.call(obj, obj);
        return obj;
    }
});
function selectKeys(obj, args, keep) {
    var out = {}, find = Array.prototype.concat.apply([], Array.prototype.slice.call(args, 1));
    for (var key in obj) {
        if (!Object.prototype.hasOwnProperty.call(obj, key)) { continue; }
        var hit = find.some(function (f) {
            if (f instanceof RegExp) { return f.test(key); }
            if (f !== null && typeof f === 'object') { return Object.prototype.hasOwnProperty.call(f, key); }
            return key === String(f);
        });
        if (hit === keep) { out[key] = obj[key]; }
    }
    return out;
}
function setParam(obj, param, value, deep) {
    var match, key, isArr;
    if (deep !== false && (match = param.match(/^(.+?)(\[.*\])$/))) {
        key = match[1];
        match[2].replace(/^\[|\]$/g, '').split('][').forEach(function (k) {
            isArr = !k || k.match(/^\d+$/);
            if (!key && Array.isArray(obj)) { key = obj.length; }
            if (!Object.prototype.hasOwnProperty.call(obj, key)) { obj[key] = isArr ? [] : {}; }
            obj = obj[key];
            key = k;
        });
        if (!key && isArr) { key = obj.length.toString(); }
        setParam(obj, key, value);
    } else if (value.match(/^[+-]?\d+(\.\d+)?$/)) {
        obj[param] = parseFloat(value);
    } else if (value === 'true') {
        obj[param] = true;
    } else if (value === 'false') {
        obj[param] = false;
    } else {
        obj[param] = value;
    }
}
// Sugar also lets the ES5 methods take what its own take in place of a
// function: ['ab', 'c'].map('length') is [2, 1], items.filter({status:
// 'active'}) keeps the items with that status, and some and every match
// the same way. A function goes to the built-in.
['map', 'filter', 'some', 'every'].forEach(function (name) {
    var native = Array.prototype[name];
    Object.defineProperty(Array.prototype, name, {
        value: function (f, thisArg) {
            if (typeof f === 'function') { return native.call(this, f, thisArg); }
            // V8's words for a call without a callback.
            if (arguments.length === 0) { throw new TypeError('undefined is not a function'); }
            var arr = this;
            // Sugar's transformArgument: undefined maps to the element
            // itself; anything else, null too, names a property.
            if (name === 'map') {
                return native.call(arr, function (el) {
                    if (f === undefined) { return el; }
                    var v = el[f];
                    return typeof v === 'function' ? v.call(el) : v;
                });
            }
            return native.call(arr, function (el, i) { return matches(el, f, i, arr); });
        },
        writable: true, enumerable: false, configurable: true
    });
});
})();
