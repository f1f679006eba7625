// Node's querystring (Postman bundles querystring-es3, which behaves the
// same for what scripts do: parse and stringify flat objects).
function stringifyPrimitive(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'boolean': return v ? 'true' : 'false';
    case 'number': return isFinite(v) ? String(v) : '';
    default: return '';
  }
}

function qsEscape(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

function qsUnescape(s) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return unescape(s);
  }
}

function stringify(obj, sep, eq) {
  sep = sep || '&';
  eq = eq || '=';
  if (obj === null || typeof obj !== 'object') return '';
  return Object.keys(obj).map(function (k) {
    var ks = qsEscape(stringifyPrimitive(k)) + eq;
    if (Array.isArray(obj[k])) {
      return obj[k].map(function (v) { return ks + qsEscape(stringifyPrimitive(v)); }).join(sep);
    }
    return ks + qsEscape(stringifyPrimitive(obj[k]));
  }).filter(Boolean).join(sep);
}

function parse(qs, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  var obj = {};
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  var max = 1000;
  if (options && typeof options.maxKeys === 'number') max = options.maxKeys;
  var parts = qs.split(sep);
  if (max > 0 && parts.length > max) parts = parts.slice(0, max);
  for (var i = 0; i < parts.length; i++) {
    var x = parts[i].replace(/\+/g, '%20'), idx = x.indexOf(eq), k, v;
    if (idx >= 0) { k = x.substr(0, idx); v = x.substr(idx + 1); } else { k = x; v = ''; }
    k = qsUnescape(k);
    v = qsUnescape(v);
    if (!Object.prototype.hasOwnProperty.call(obj, k)) obj[k] = v;
    else if (Array.isArray(obj[k])) obj[k].push(v);
    else obj[k] = [obj[k], v];
  }
  return obj;
}

exports.stringify = exports.encode = stringify;
exports.parse = exports.decode = parse;
exports.escape = qsEscape;
exports.unescape = qsUnescape;
