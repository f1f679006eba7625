// Node's POSIX path module (Postman bundles path-browserify, the same).
function assertPath(p) {
  if (typeof p !== 'string') throw new TypeError('The "path" argument must be of type string. Received ' + typeof p);
}

function normalizeString(path, allowAboveRoot) {
  var res = [], parts = path.split('/');
  for (var i = 0; i < parts.length; i++) {
    var p = parts[i];
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (res.length && res[res.length - 1] !== '..') res.pop();
      else if (allowAboveRoot) res.push('..');
    } else {
      res.push(p);
    }
  }
  return res.join('/');
}

var path = {
  sep: '/',
  delimiter: ':',
  resolve: function () {
    var resolved = '', abs = false;
    for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
      var p = i >= 0 ? arguments[i] : '/';
      assertPath(p);
      if (p === '') continue;
      resolved = p + '/' + resolved;
      abs = p.charAt(0) === '/';
    }
    resolved = normalizeString(resolved, !abs);
    return abs ? '/' + resolved : (resolved || '.');
  },
  normalize: function (p) {
    assertPath(p);
    if (p === '') return '.';
    var abs = p.charAt(0) === '/', trail = p.charAt(p.length - 1) === '/';
    p = normalizeString(p, !abs);
    if (p === '' && !abs) p = '.';
    if (p !== '' && trail) p += '/';
    return (abs ? '/' : '') + p;
  },
  isAbsolute: function (p) { assertPath(p); return p.charAt(0) === '/'; },
  join: function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) {
      assertPath(arguments[i]);
      if (arguments[i] !== '') parts.push(arguments[i]);
    }
    return parts.length ? path.normalize(parts.join('/')) : '.';
  },
  relative: function (from, to) {
    from = path.resolve(from).split('/').filter(Boolean);
    to = path.resolve(to).split('/').filter(Boolean);
    var i = 0;
    while (i < from.length && i < to.length && from[i] === to[i]) i++;
    var up = [];
    for (var j = i; j < from.length; j++) up.push('..');
    return up.concat(to.slice(i)).join('/');
  },
  dirname: function (p) {
    assertPath(p);
    if (p === '') return '.';
    var end = p.length;
    while (end > 1 && p.charAt(end - 1) === '/') end--;
    var i = p.lastIndexOf('/', end - 1);
    if (i === -1) return '.';
    if (i === 0) return '/';
    var d = p.slice(0, i);
    while (d.length > 1 && d.charAt(d.length - 1) === '/') d = d.slice(0, -1);
    return d;
  },
  basename: function (p, ext) {
    assertPath(p);
    var end = p.length;
    while (end > 0 && p.charAt(end - 1) === '/') end--;
    var b = p.slice(p.lastIndexOf('/', end - 1) + 1, end);
    if (ext !== undefined && ext !== b && b.slice(-ext.length) === ext) b = b.slice(0, b.length - ext.length);
    return b;
  },
  extname: function (p) {
    var b = path.basename(p), i = b.lastIndexOf('.');
    return i <= 0 ? '' : b.slice(i);
  },
  parse: function (p) {
    assertPath(p);
    var root = p.charAt(0) === '/' ? '/' : '', base = path.basename(p), ext = path.extname(p);
    var dir = path.dirname(p);
    if (dir === '.' && p.indexOf('/') === -1) dir = '';
    return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
  },
  format: function (o) {
    var dir = o.dir || o.root, base = o.base || ((o.name || '') + (o.ext || ''));
    if (!dir) return base;
    return dir === o.root ? dir + base : dir + '/' + base;
  },
  toNamespacedPath: function (p) { return p; }
};
path.posix = path;
module.exports = path;
