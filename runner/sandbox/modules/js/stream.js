// Node's stream as Postman's sandbox bundles it (stream-browserify over
// readable-stream 2). In that sandbox the process.nextTick that
// readable-stream defers its work to cannot run: its first call throws
// "ReferenceError: setTimeout is not defined" and every deferred callback
// after it waits forever. So what scripts can observe under Newman is the
// synchronous half of streams: read() and the 'data' it emits, write()
// reaching _write/_transform, a Transform's output through read(), and the
// legacy Stream#pipe. Flowing mode, 'end', 'finish' after a write, 'drain'
// and Readable#pipe are deferred, so here too they never happen, and the
// first deferral of a run throws that ReferenceError, as in Newman.
// Written for colrun; checked against Newman 6.2.2 in nodebuiltins_test.go.
'use strict';

var EventEmitter = require('events');
var Buffer = require('buffer').Buffer;
var util = require('util');

var tickBroken = false;

// defer stands in for the sandbox's process.nextTick.
function defer() {
  if (!tickBroken) {
    tickBroken = true;
    throw new ReferenceError('setTimeout is not defined');
  }
}

// Stream is the legacy stream: an EventEmitter with the old pipe.
function Stream() {
  EventEmitter.call(this);
}
util.inherits(Stream, EventEmitter);

Stream.prototype.pipe = function (dest, options) {
  var source = this;
  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  source.on('data', ondata);
  dest.on('drain', ondrain);
  var ended = false;
  function onend() {
    if (ended) return;
    ended = true;
    dest.end();
  }
  function onclose() {
    if (ended) return;
    ended = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }
  function onerror(er) {
    cleanup();
    if (EventEmitter.listenerCount(this, 'error') === 0) throw er;
  }
  source.on('error', onerror);
  dest.on('error', onerror);
  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};

function toChunk(chunk, encoding, objectMode) {
  if (objectMode || Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  throw new TypeError('Invalid non-string/buffer chunk');
}

// --- Readable

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  options = options || {};
  this._readableState = {
    objectMode: !!options.objectMode || !!options.readableObjectMode,
    highWaterMark: options.highWaterMark !== undefined ? options.highWaterMark : (options.objectMode ? 16 : 16 * 1024),
    buffer: [], length: 0, ended: false, endEmitted: false, flowing: null, reading: false,
    decoder: null, encoding: null
  };
  if (options.encoding) this.setEncoding(options.encoding);
  this.readable = true;
  if (typeof options.read === 'function') this._read = options.read;
  if (typeof options.destroy === 'function') this._destroy = options.destroy;
  Stream.call(this);
}
util.inherits(Readable, Stream);

Readable.prototype._read = function () {
  this.emit('error', new Error('_read() is not implemented'));
};

Readable.prototype.push = function (chunk, encoding) {
  var st = this._readableState;
  if (chunk === null) {
    if (!st.ended) {
      if (st.decoder) {
        var rest = st.decoder.end();
        if (rest && rest.length) {
          st.buffer.push(rest);
          st.length += st.objectMode ? 1 : rest.length;
        }
      }
      st.ended = true;
      // 'readable' and then 'end' would be emitted on the next tick.
      if (st.length > 0 || st.flowing) defer();
    }
    return false;
  }
  if (st.ended) {
    this.emit('error', new Error('stream.push() after EOF'));
    return false;
  }
  if (!st.objectMode && typeof chunk === 'string' && !st.decoder) chunk = Buffer.from(chunk, encoding);
  if (st.decoder && !st.objectMode) {
    chunk = st.decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    if (chunk.length === 0) return st.length < st.highWaterMark;
  }
  st.buffer.push(chunk);
  st.length += st.objectMode ? 1 : chunk.length;
  // The 'readable' event is deferred.
  defer();
  return st.length < st.highWaterMark;
};

Readable.prototype.unshift = function (chunk) {
  var st = this._readableState;
  if (!st.objectMode && typeof chunk === 'string' && !st.decoder) chunk = Buffer.from(chunk);
  st.buffer.unshift(chunk);
  st.length += st.objectMode ? 1 : chunk.length;
  return st.length < st.highWaterMark;
};

// read returns the whole buffer (or n bytes of it, or one object in object
// mode), emitting it as 'data'; null when there is nothing yet.
Readable.prototype.read = function (n) {
  var st = this._readableState;
  if (st.length === 0 && !st.ended && !st.reading) {
    st.reading = true;
    this._read(st.highWaterMark);
    st.reading = false;
  }
  if (st.length === 0) {
    if (st.ended && !st.endEmitted) defer();
    return null;
  }
  var ret;
  if (st.objectMode) {
    ret = st.buffer.shift();
    st.length--;
  } else if (st.decoder) {
    ret = st.buffer.join('');
    st.buffer = [];
    st.length = 0;
  } else {
    var all = Buffer.concat(st.buffer);
    if (n !== undefined && n > 0 && n < all.length) {
      ret = all.slice(0, n);
      st.buffer = [all.slice(n)];
      st.length = all.length - n;
    } else if (n !== undefined && n > all.length && !st.ended) {
      return null;
    } else {
      ret = all;
      st.buffer = [];
      st.length = 0;
    }
  }
  this.emit('data', ret);
  return ret;
};

Readable.prototype.setEncoding = function (enc) {
  var StringDecoder = require('string_decoder').StringDecoder;
  var st = this._readableState;
  st.decoder = new StringDecoder(enc);
  st.encoding = st.decoder.encoding;
  return this;
};

Readable.prototype.on = function (ev, fn) {
  var res = Stream.prototype.on.call(this, ev, fn);
  if (ev === 'data' && this._readableState.flowing !== false) this.resume();
  else if (ev === 'readable' && !this._readableState.endEmitted) defer();
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

// resume switches to flowing mode, which starts on the next tick.
Readable.prototype.resume = function () {
  var st = this._readableState;
  if (!st.flowing) {
    st.flowing = true;
    defer();
  }
  return this;
};

Readable.prototype.pause = function () {
  if (this._readableState.flowing !== false) {
    this._readableState.flowing = false;
    this.emit('pause');
  }
  return this;
};

Readable.prototype.isPaused = function () {
  return this._readableState.flowing === false;
};

// pipe wires dest to this stream's 'data' and 'end'; the data flows from
// the next tick.
Readable.prototype.pipe = function (dest, options) {
  var src = this;
  src.on('data', function (chunk) {
    if (dest.write(chunk) === false) src.pause();
  });
  if (!options || options.end !== false) src.once('end', function () { dest.end(); });
  dest.emit('pipe', src);
  return dest;
};

Readable.prototype.unpipe = function () { return this; };

Readable.prototype.destroy = function (err) {
  this.destroyed = true;
  if (err) defer();
  return this;
};

// --- Writable

function Writable(options) {
  if (!(this instanceof Writable) && !(this instanceof Duplex)) return new Writable(options);
  options = options || {};
  this._writableState = {
    objectMode: !!options.objectMode || !!options.writableObjectMode,
    decodeStrings: options.decodeStrings !== false,
    ending: false, ended: false, finished: false, pendingcb: 0, length: 0,
    highWaterMark: options.highWaterMark !== undefined ? options.highWaterMark : (options.objectMode ? 16 : 16 * 1024)
  };
  this.writable = true;
  if (typeof options.write === 'function') this._write = options.write;
  if (typeof options.writev === 'function') this._writev = options.writev;
  if (typeof options.final === 'function') this._final = options.final;
  if (typeof options.destroy === 'function') this._destroy = options.destroy;
  Stream.call(this);
}
util.inherits(Writable, Stream);

// A Duplex is a Writable too, as readable-stream makes instanceof say.
Object.defineProperty(Writable, Symbol.hasInstance, {
  value: function (obj) {
    if (Function.prototype[Symbol.hasInstance].call(this, obj)) return true;
    return this === Writable && !!obj && obj._writableState !== undefined;
  }
});

Writable.prototype._write = function (chunk, encoding, cb) {
  cb(new Error('_write() is not implemented'));
};

// write hands the chunk to _write at once; what follows its callback (the
// write's own callback, 'drain', 'finish' and an error) is deferred.
Writable.prototype.write = function (chunk, encoding, cb) {
  var st = this._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (st.ended) {
    this.emit('error', new Error('write after end'));
    defer();
    return false;
  }
  if (chunk === null) throw new TypeError('May not write null values to stream');
  var isBuf = Buffer.isBuffer(chunk) || (!st.objectMode && chunk instanceof Uint8Array);
  if (isBuf) {
    chunk = toChunk(chunk, encoding, st.objectMode);
    encoding = 'buffer';
  } else if (!st.objectMode && typeof chunk === 'string' && st.decodeStrings) {
    chunk = Buffer.from(chunk, encoding);
    encoding = 'buffer';
  } else if (!st.objectMode && typeof chunk !== 'string') {
    throw new TypeError('Invalid non-string/buffer chunk');
  } else if (!encoding) {
    encoding = 'utf8';
  }
  var len = st.objectMode ? 1 : chunk.length;
  if (st.writing) {
    // Queued behind a write whose callback never came (or threw before
    // it did, as the first deferral does): it is never written.
    st.pendingcb++;
    st.length += len;
    return st.length < st.highWaterMark;
  }
  st.length += len;
  st.pendingcb++;
  var ret = st.length < st.highWaterMark;
  var sync = true, self = this;
  st.writing = true;
  this._write(chunk, encoding, function (er) {
    st.writing = false;
    st.length -= len;
    if (er || sync) {
      defer();
      return;
    }
    // A callback called later runs its follow-up at once.
    st.pendingcb--;
    if (cb) cb();
    if (st.ending) self._finishMaybe();
  });
  sync = false;
  return ret;
};

Writable.prototype.end = function (chunk, encoding, cb) {
  var st = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
  if (!st.ending) {
    st.ending = true;
    st.ended = true;
    if (cb) this.once('finish', cb);
    this._finishMaybe();
  }
  return this;
};

// _finishMaybe emits 'prefinish' once ending (deferred with a _final),
// and 'finish' once no write callback is pending.
Writable.prototype._finishMaybe = function () {
  var st = this._writableState;
  if (st.finished) return;
  if (!st.prefinished) {
    if (typeof this._final === 'function') {
      if (!st.finalCalled) {
        st.finalCalled = true;
        st.pendingcb++;
        defer();
      }
    } else {
      st.prefinished = true;
      this.emit('prefinish');
    }
  }
  if (st.pendingcb === 0 && st.prefinished) {
    st.finished = true;
    this.emit('finish');
  }
};

Writable.prototype.cork = function () {};
Writable.prototype.uncork = function () {};
Writable.prototype.setDefaultEncoding = function () { return this; };
Writable.prototype.destroy = function (err) {
  this.destroyed = true;
  if (err) defer();
  return this;
};

// --- Duplex, Transform, PassThrough

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  Writable.call(this, options);
  if (options && options.readable === false) this.readable = false;
  if (options && options.writable === false) this.writable = false;
}
util.inherits(Duplex, Readable);
Object.keys(Writable.prototype).forEach(function (m) {
  if (!Duplex.prototype[m]) Duplex.prototype[m] = Writable.prototype[m];
});
Duplex.prototype.destroy = Readable.prototype.destroy;

// Transform runs _transform as each chunk is written; what it pushes is
// there for read() at once.
function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  Duplex.call(this, options);
  if (options && typeof options.transform === 'function') this._transform = options.transform;
  if (options && typeof options.flush === 'function') this._flush = options.flush;
  // Ending the writable side flushes and ends the readable side at once.
  this.once('prefinish', function () {
    var self = this;
    if (typeof this._flush !== 'function') {
      this.push(null);
      return;
    }
    this._flush(function (er, data) {
      if (er) {
        self.emit('error', er);
        return;
      }
      if (data !== null && data !== undefined) self.push(data);
      self.push(null);
    });
  });
}
util.inherits(Transform, Duplex);

Transform.prototype._transform = function () {
  throw new Error('_transform() is not implemented');
};

Transform.prototype._write = function (chunk, encoding, cb) {
  var self = this;
  this._transform(chunk, encoding, function (er, data) {
    if (er) return cb(er);
    if (data !== null && data !== undefined) self.push(data);
    cb();
  });
};

Transform.prototype._read = function () {};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
util.inherits(PassThrough, Transform);
PassThrough.prototype._transform = function (chunk, encoding, cb) {
  cb(null, chunk);
};

Stream.super_ = EventEmitter;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.Stream = Stream;
// super_ is enumerable on the real module too.
module.exports = Stream;
