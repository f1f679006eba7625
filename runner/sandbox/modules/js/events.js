// A minimal EventEmitter: enough for scripts and for real npm packages
// that extend it.
function EventEmitter() {
  this._events = this._events || {};
}
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
var P = EventEmitter.prototype;
P._events = undefined;
P._maxListeners = undefined;
P.setMaxListeners = function (n) {
  if (typeof n !== 'number' || n < 0 || n !== n) throw new TypeError('"n" argument must be a positive number');
  this._maxListeners = n;
  return this;
};
P.getMaxListeners = function () {
  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};
P.on = P.addListener = function (name, fn) {
  if (!this._events) this._events = {};
  if (this._events.newListener && name !== 'newListener') this.emit('newListener', name, fn.listener || fn);
  (this._events[name] = this._events[name] || []).push(fn);
  return this;
};
P.prependListener = function (name, fn) {
  if (!this._events) this._events = {};
  (this._events[name] = this._events[name] || []).unshift(fn);
  return this;
};
P.once = function (name, fn) {
  var self = this;
  function wrapper() {
    self.removeListener(name, wrapper);
    return fn.apply(this, arguments);
  }
  wrapper.listener = fn;
  return this.on(name, wrapper);
};
P.prependOnceListener = function (name, fn) {
  var self = this;
  function wrapper() {
    self.removeListener(name, wrapper);
    return fn.apply(this, arguments);
  }
  wrapper.listener = fn;
  return this.prependListener(name, wrapper);
};
P.off = P.removeListener = function (name, fn) {
  var list = this._events && this._events[name];
  if (!list) return this;
  for (var i = list.length - 1; i >= 0; i--) {
    if (list[i] === fn || list[i].listener === fn) { list.splice(i, 1); break; }
  }
  if (!list.length) delete this._events[name];
  return this;
};
P.removeAllListeners = function (name) {
  if (!this._events) return this;
  if (name === undefined) this._events = {};
  else delete this._events[name];
  return this;
};
P.emit = function (name) {
  var list = this._events && this._events[name];
  var args = Array.prototype.slice.call(arguments, 1);
  if (!list || !list.length) {
    if (name === 'error') throw args[0] instanceof Error ? args[0] : new Error('Unhandled error. (' + args[0] + ')');
    return false;
  }
  list = list.slice();
  for (var i = 0; i < list.length; i++) list[i].apply(this, args);
  return true;
};
P.listeners = function (name) {
  return ((this._events && this._events[name]) || []).map(function (f) { return f.listener || f; });
};
P.rawListeners = function (name) { return ((this._events && this._events[name]) || []).slice(); };
P.listenerCount = function (name) { return ((this._events && this._events[name]) || []).length; };
P.eventNames = function () { return this._events ? Object.keys(this._events) : []; };
EventEmitter.listenerCount = function (em, name) { return em.listenerCount(name); };
module.exports = EventEmitter;
