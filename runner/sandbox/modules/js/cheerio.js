// cheerio 0.22's reading API (load, $(selector[, context]), traversal,
// text/html/attr/val, each/map) over goquery in cheerio.go. A Cheerio
// object is array-like, as in cheerio: $('li')[0] is an element and
// .length counts them.

function isNode(v) {
  return v !== null && typeof v == 'object' && typeof v.type == 'string' && 'parent' in v;
}

function Cheerio(items, root) {
  var n = 0;
  for (var i = 0; i < items.length; i++) this[n++] = items[i];
  this.length = n;
  this._root = root;
}

function make(items, root) { return new Cheerio(items || [], root); }

function toArray(c) { return Array.prototype.slice.call(c); }

Cheerio.prototype.cheerio = '[cheerio object]';

Cheerio.prototype.find = function (selector) {
  if (selector && typeof selector == 'object') {
    var wanted = isNode(selector) ? [selector] : toArray(selector);
    var mine = this;
    return make(wanted.filter(function (n) {
      for (var p = n.parent; p; p = p.parent) {
        for (var i = 0; i < mine.length; i++) if (mine[i] === p) return true;
      }
      return false;
    }), this._root);
  }
  return make(native.find(toArray(this), String(selector)), this._root);
};

Cheerio.prototype.filter = function (match) {
  if (typeof match == 'function') {
    return make(toArray(this).filter(function (el, i) { return match.call(el, i, el); }), this._root);
  }
  return make(native.filter(toArray(this), String(match)), this._root);
};

Cheerio.prototype.not = function (match) {
  var keep = this.filter(match);
  return make(toArray(this).filter(function (el) { return toArray(keep).indexOf(el) < 0; }), this._root);
};

Cheerio.prototype.is = function (match) {
  if (typeof match == 'function') return this.filter(match).length > 0;
  return !!match && native.is(toArray(this), String(match));
};

['children', 'parent', 'parents', 'next', 'prev', 'siblings'].forEach(function (name) {
  Cheerio.prototype[name] = function (selector) {
    return make(native[name](toArray(this), selector === undefined ? undefined : String(selector)), this._root);
  };
});

// has keeps the elements with a descendant matching (or being) the
// argument, as cheerio 0.22's does.
Cheerio.prototype.has = function (selectorOrNode) {
  return this.filter(function () { return make([this]).find(selectorOrNode).length > 0; });
};

// untilSet reads cheerio's "until" argument: a selector matched among
// candidates, a Cheerio object, or a node.
function untilSet(selector, candidates) {
  if (typeof selector === 'string') return { nodes: toArray(make(candidates).filter(selector)) };
  if (selector && selector.cheerio) return { nodes: toArray(selector) };
  if (selector) return { node: selector };
  return {};
}
function stops(u, elem) {
  if (u.node) return elem === u.node;
  if (u.nodes) return u.nodes.indexOf(elem) >= 0;
  return false;
}
// walk collects, without repeats, the tags reached from each element by
// step until one the "until" set holds; filter then narrows them.
function walk(self, step, selector, filter, reverse) {
  if (!self[0]) return self;
  var out = [], starts = toArray(self);
  var candidates = [];
  starts.forEach(function (e) { for (var n = e[step]; n; n = n[step]) if (isTag(n)) candidates.push(n); });
  var u = selector === undefined ? {} : untilSet(selector, candidates);
  (reverse ? starts.reverse() : starts).forEach(function (e) {
    for (var n = e[step]; n; n = n[step]) {
      if (stops(u, n)) break;
      if (isTag(n) && out.indexOf(n) < 0) out.push(n);
    }
  });
  var res = make(out, self._root);
  return filter ? res.filter(filter) : res;
}
Cheerio.prototype.nextAll = function (selector) { return walk(this, 'next', undefined, selector); };
Cheerio.prototype.prevAll = function (selector) { return walk(this, 'prev', undefined, selector); };
Cheerio.prototype.nextUntil = function (selector, filter) { return walk(this, 'next', selector, filter); };
Cheerio.prototype.prevUntil = function (selector, filter) { return walk(this, 'prev', selector, filter); };
Cheerio.prototype.parentsUntil = function (selector, filter) {
  var r = walk(this, 'parent', selector, filter, true);
  return r === this ? make([], this._root) : r;
};

// add joins another selection to this one as cheerio 0.22 does: the
// other's nodes first, then in document order by domutils'
// compareDocumentPosition, which calls nodes under different top-level
// nodes (those have no parent, only a root) disconnected and leaves them
// in that order.
function ancestry(n) {
  var a = [];
  for (; n; n = n.parent) a.unshift(n);
  return a;
}
function docOrder(a, b) {
  var pa = ancestry(a), pb = ancestry(b), i = 0;
  while (i < pa.length && pa[i] === pb[i]) i++;
  if (i === 0 || a === b) return 0;
  if (i === pa.length) return -1;
  if (i === pb.length) return 1;
  var kids = pa[i - 1].children;
  return kids.indexOf(pa[i]) - kids.indexOf(pb[i]);
}
function docRoot(n) {
  while (n && (n.parent || n.root)) n = n.parent || n.root;
  return n;
}
Cheerio.prototype.add = function (other, context) {
  var more = other instanceof Cheerio ? toArray(other)
    : isNode(other) ? [other]
    : Array.isArray(other) ? other.filter(isNode)
    : toArray(load(this._root || docRoot(this[0]) || '')(other, context));
  var all = [];
  more.concat(toArray(this)).forEach(function (n) { if (all.indexOf(n) < 0) all.push(n); });
  return make(all.sort(docOrder), this._root);
};

// clone copies the elements (and what they hold) out of their document.
Cheerio.prototype.clone = function () {
  return make(native.parse(native.outer(toArray(this))), this._root);
};

Cheerio.prototype.closest = function (selector) {
  if (!selector) return make([], this._root);
  return make(native.closest(toArray(this), String(selector)), this._root);
};

Cheerio.prototype.contents = function () { return make(native.contents(toArray(this)), this._root); };

Cheerio.prototype.first = function () { return this.eq(0); };
Cheerio.prototype.last = function () { return this.eq(-1); };
Cheerio.prototype.eq = function (i) {
  i = +i;
  if (i < 0) i = this.length + i;
  return make(this[i] ? [this[i]] : [], this._root);
};
Cheerio.prototype.get = function (i) {
  if (i === undefined) return toArray(this);
  return this[i < 0 ? this.length + i : i];
};
Cheerio.prototype.toArray = function () { return toArray(this); };
Cheerio.prototype.slice = function (a, b) { return make(toArray(this).slice(a, b), this._root); };
Cheerio.prototype.index = function (sel) {
  if (sel === undefined) {
    if (!this[0]) return -1;
    // A top-level node has no parent, so it is not among its children.
    return this[0].parent ? this[0].parent.children.filter(function (n) { return n.type == 'tag' || n.type == 'script' || n.type == 'style'; }).indexOf(this[0]) : -1;
  }
  var el = typeof sel == 'string' ? this.filter(sel)[0] : (isNode(sel) ? sel : sel[0]);
  return toArray(this).indexOf(el);
};

Cheerio.prototype.each = function (fn) {
  for (var i = 0; i < this.length; i++) {
    if (fn.call(this[i], i, this[i]) === false) break;
  }
  return this;
};

Cheerio.prototype.map = function (fn) {
  var out = [];
  for (var i = 0; i < this.length; i++) {
    var v = fn.call(this[i], i, this[i]);
    if (v == null) continue;
    out = out.concat(v);
  }
  return make(out, this._root);
};

function isTag(el) { return el && (el.type === 'tag' || el.type === 'script' || el.type === 'style'); }

Cheerio.prototype.text = function (str) {
  if (str === undefined) return native.text(toArray(this));
  var self = this;
  toArray(this).forEach(function (el, i) {
    var v = typeof str === 'function' ? str.call(el, i, native.text([el])) : str;
    native.setText([el], String(v));
  });
  return self;
};

Cheerio.prototype.html = function (str) {
  if (str === undefined) return this[0] ? native.html([this[0]]) : null;
  native.setHTML(toArray(this), str instanceof Cheerio ? toArray(str) : (isNode(str) ? str : String(str)));
  return this;
};

// The manipulation API of cheerio 0.22: attribute and class changes go
// through each element's attribs (then to the tree, syncAttrs), the rest
// changes the tree.
function setAttr(el, name, value) {
  if (value === null) delete el.attribs[name];
  else el.attribs[name] = String(value);
  native.syncAttrs(el);
}
Cheerio.prototype.removeAttr = function (name) {
  toArray(this).forEach(function (el) {
    if (isTag(el) && Object.prototype.hasOwnProperty.call(el.attribs, name)) setAttr(el, name, null);
  });
  return this;
};
function splitClasses(s) { return s ? String(s).trim().split(/\s+/) : []; }
Cheerio.prototype.addClass = function (value) {
  if (typeof value === 'function') {
    return this.each(function (i, el) { make([el]).addClass(value.call(el, i, el.attribs['class'] || '')); });
  }
  if (!value || typeof value !== 'string') return this;
  var names = value.split(/\s+/);
  toArray(this).forEach(function (el) {
    if (!isTag(el)) return;
    var current = el.attribs['class'];
    if (!current) { setAttr(el, 'class', names.join(' ').trim()); return; }
    var set = ' ' + current + ' ';
    names.forEach(function (n) { if (set.indexOf(' ' + n + ' ') < 0) set += n + ' '; });
    setAttr(el, 'class', set.trim());
  });
  return this;
};
Cheerio.prototype.removeClass = function (value) {
  if (typeof value === 'function') {
    return this.each(function (i, el) { make([el]).removeClass(value.call(el, i, el.attribs['class'] || '')); });
  }
  var removeAll = arguments.length === 0, names = splitClasses(value);
  toArray(this).forEach(function (el) {
    if (!isTag(el)) return;
    if (removeAll) { setAttr(el, 'class', ''); return; }
    var classes = splitClasses(el.attribs['class']), changed = false;
    names.forEach(function (n) {
      for (var i = classes.indexOf(n); i >= 0; i = classes.indexOf(n)) { classes.splice(i, 1); changed = true; }
    });
    if (changed) setAttr(el, 'class', classes.join(' '));
  });
  return this;
};
Cheerio.prototype.toggleClass = function (value, state) {
  var names = splitClasses(value);
  toArray(this).forEach(function (el) {
    if (!isTag(el)) return;
    var classes = splitClasses(el.attribs['class']);
    names.forEach(function (n) {
      var i = classes.indexOf(n), add = state === undefined ? i < 0 : !!state;
      if (add && i < 0) classes.push(n);
      else if (!add && i >= 0) classes.splice(i, 1);
    });
    setAttr(el, 'class', classes.join(' '));
  });
  return this;
};
Cheerio.prototype.css = function (prop, val) {
  var el = this[0];
  function parse(style) {
    style = (style || '').trim();
    if (!style) return {};
    return style.split(';').reduce(function (obj, str) {
      var n = str.indexOf(':');
      if (n < 1 || n === str.length - 1) return obj;
      obj[str.slice(0, n).trim()] = str.slice(n + 1).trim();
      return obj;
    }, {});
  }
  if (val === undefined && (typeof prop === 'string' || Array.isArray(prop) || prop === undefined)) {
    if (!el || !el.attribs) return undefined;
    var styles = parse(el.attribs.style);
    if (typeof prop === 'string') return styles[prop];
    if (Array.isArray(prop)) {
      var picked = {};
      prop.forEach(function (p) { if (p in styles) picked[p] = styles[p]; });
      return picked;
    }
    return styles;
  }
  toArray(this).forEach(function (e, i) {
    if (!isTag(e)) return;
    var styles = parse(e.attribs.style);
    if (typeof prop === 'object') Object.keys(prop).forEach(function (k) { styles[k] = prop[k]; });
    else styles[prop] = typeof val === 'function' ? val.call(e, i, styles[prop]) : val;
    setAttr(e, 'style', Object.keys(styles).reduce(function (str, k) {
      return styles[k] === '' || styles[k] === null || styles[k] === undefined ? str : str + (str ? ' ' : '') + k + ': ' + styles[k] + ';';
    }, ''));
  });
  return this;
};
Cheerio.prototype.remove = function (selector) {
  native.remove(toArray(selector ? this.filter(selector) : this));
  return this;
};
Cheerio.prototype.empty = function () { native.empty(toArray(this)); return this; };
function content(elems) {
  if (elems instanceof Cheerio) return toArray(elems);
  if (isNode(elems)) return [elems];
  if (Array.isArray(elems)) return elems.filter(isNode);
  return String(elems);
}
[['append', 'append'], ['prepend', 'prepend'], ['before', 'before'], ['after', 'after'], ['replaceWith', 'replace']].forEach(function (m) {
  Cheerio.prototype[m[0]] = function (elems) {
    native.insert(toArray(this), content(elems), m[1]);
    return this;
  };
});
Cheerio.prototype.appendTo = function (target) {
  if (!(target instanceof Cheerio)) target = make(isNode(target) ? [target] : [], this._root);
  target.append(this);
  return this;
};
Cheerio.prototype.prependTo = function (target) {
  if (!(target instanceof Cheerio)) target = make(isNode(target) ? [target] : [], this._root);
  target.prepend(this);
  return this;
};

Cheerio.prototype.toString = function () { return native.outer(toArray(this)); };

Cheerio.prototype.attr = function (name, value) {
  if (typeof name === 'object' || value !== undefined) {
    toArray(this).forEach(function (el, i) {
      if (!isTag(el)) return;
      if (typeof name === 'object') {
        Object.keys(name).forEach(function (k) { setAttr(el, k, name[k]); });
      } else {
        setAttr(el, name, typeof value === 'function' ? value.call(el, i, el.attribs[name]) : value);
      }
    });
    return this;
  }
  var el = this[0];
  if (!el || !el.attribs) return undefined;
  if (name === undefined) return el.attribs;
  return Object.prototype.hasOwnProperty.call(el.attribs, name) ? el.attribs[name] : undefined;
};

Cheerio.prototype.data = function (name) {
  var el = this[0];
  if (!el || !el.attribs) return undefined;
  var read = function (v) {
    try { return JSON.parse(v); } catch (e) { return v; }
  };
  if (name === undefined) {
    var out = {};
    Object.keys(el.attribs).forEach(function (k) {
      if (k.indexOf('data-') === 0) {
        out[k.slice(5).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); })] = read(el.attribs[k]);
      }
    });
    return out;
  }
  var key = 'data-' + String(name).replace(/([A-Z])/g, '-$1').toLowerCase();
  return Object.prototype.hasOwnProperty.call(el.attribs, key) ? read(el.attribs[key]) : undefined;
};

// serializeArray and serialize are cheerio 0.22's: the named, enabled
// controls of forms (or the controls themselves) that a form would
// submit, checkboxes and radios only when checked, with CRLF line ends.
function submittable(el) {
  var a = el.attribs || {}, type = String(a.type || '').toLowerCase();
  if (['input', 'select', 'textarea', 'keygen'].indexOf(el.name) < 0) return false;
  if (!a.name || a.disabled !== undefined) return false;
  if (['submit', 'button', 'image', 'reset', 'file'].indexOf(type) >= 0) return false;
  return a.checked !== undefined || (type !== 'checkbox' && type !== 'radio');
}
Cheerio.prototype.serializeArray = function () {
  var out = [];
  toArray(this).forEach(function (el) {
    var controls = el.name === 'form' ? toArray(make([el]).find('input,select,textarea,keygen')) : [el];
    controls.filter(submittable).forEach(function (c) {
      var value = make([c]).val();
      if (value === null || value === undefined) return;
      [].concat(value).forEach(function (v) {
        out.push({ name: c.attribs.name, value: String(v).replace(/\r?\n/g, '\r\n') });
      });
    });
  });
  return out;
};
Cheerio.prototype.serialize = function () {
  return this.serializeArray().map(function (p) {
    return encodeURIComponent(p.name) + '=' + encodeURIComponent(p.value);
  }).join('&').replace(/%20/g, '+');
};

Cheerio.prototype.hasClass = function (cls) {
  return toArray(this).some(function (el) {
    return !!el.attribs && (' ' + (el.attribs['class'] || '') + ' ').replace(/[\t\r\n\f]/g, ' ').indexOf(' ' + cls + ' ') >= 0;
  });
};

Cheerio.prototype.val = function () {
  var el = this[0];
  if (!el || !el.attribs) return undefined;
  switch (el.name) {
    case 'textarea':
      return this.text();
    case 'select':
      var opt = this.find('option:checked, option[selected]');
      if (el.attribs.multiple !== undefined) return opt.map(function () { return make([this]).val(); }).get();
      if (!opt.length) opt = this.find('option').first();
      return opt.length ? make([opt[0]]).val() : undefined;
    case 'option':
      return el.attribs.value !== undefined ? el.attribs.value : this.text();
    case 'input':
      if ((el.attribs.type === 'checkbox' || el.attribs.type === 'radio') && el.attribs.value === undefined) return 'on';
      return el.attribs.value;
  }
  return el.attribs.value;
};

function load(markup, options) {
  var root = isNode(markup) ? markup : native.load(markup === undefined || markup === null ? '' : String(markup), options);
  var rootSet = make([root]);
  function $(selector, context) {
    if (selector instanceof Cheerio) return selector;
    if (selector === undefined || selector === null || selector === '') return make([], root);
    if (isNode(selector)) return make([selector], root);
    if (Array.isArray(selector)) return make(selector.filter(isNode), root);
    var s = String(selector);
    if (/^\s*</.test(s)) return make(native.parse(s, options), root);
    var from = rootSet;
    // Markup as the context is a document of its own to search.
    if (typeof context == 'string' && /^\s*</.test(context)) from = make([native.load(context, options)]);
    else if (context !== undefined) from = $(context);
    return from.find(s);
  }
  $.root = function () { return make([root], root); };
  $.html = function (sel) {
    if (sel === undefined) return native.outer([root]);
    return (typeof sel == 'string' ? $(sel) : $(sel)).toString();
  };
  $.xml = function (sel) { return native.outer(sel === undefined ? [root] : toArray($(sel)), true); };
  $.text = function (sel) { return native.text(sel === undefined ? [root] : toArray($(sel))); };
  $.contains = function (container, contained) {
    for (var p = contained.parent; p; p = p.parent) if (p === container) return true;
    return false;
  };
  $.load = load;
  $.fn = Cheerio.prototype;
  return $;
}

// cheerio 0.22 exports its Cheerio constructor, with the static
// functions on it: typeof cheerio is 'function' (scripts guard on it), its
// name is '' and its length 4, and its own enumerable keys are the statics.
// (Assigned to a property first, so that it gets no name.)
module.exports = function (selector, context, root, options) {
  return load(root === undefined ? '' : root)(selector, context);
};
var cheerio = module.exports;
cheerio.prototype = Cheerio.prototype;
cheerio.load = load;
cheerio.html = function (sel) { return sel && sel.toString ? sel.toString() : ''; };
cheerio.xml = cheerio.html;
cheerio.text = function (elems) { return native.text(toArray(elems || [])); };
cheerio.parseHTML = function (data) {
  return data === undefined || data === null || data === '' ? null : native.parse(String(data));
};
cheerio.root = function () { return load('').root(); };
cheerio.contains = function (container, contained) { return load(container).contains(container, contained); };
cheerio.version = '0.22.0';
