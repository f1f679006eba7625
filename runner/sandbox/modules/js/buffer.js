// Node's Buffer as Postman bundles it (browserify's buffer): a Uint8Array
// whose prototype is Buffer.prototype. Only what scripts use: from, alloc,
// concat, isBuffer, byteLength, toString in Node's encodings, toJSON,
// equals, slice/subarray, copy, write.
function encodingOf(enc) {
  var e = native.norm(enc);
  if (e === '') throw new TypeError('Unknown encoding: ' + enc);
  return e;
}

function wrap(u8) {
  Object.setPrototypeOf(u8, Buffer.prototype);
  return u8;
}

function Buffer(arg, encOrOffset, length) {
  if (typeof arg === 'number') return Buffer.alloc(arg);
  return Buffer.from(arg, encOrOffset, length);
}
Object.setPrototypeOf(Buffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(Buffer, Uint8Array);

Buffer.from = function (value, encOrOffset, length) {
  if (typeof value === 'string') {
    return wrap(new Uint8Array(native.decode(value, encodingOf(encOrOffset))));
  }
  if (value instanceof ArrayBuffer) {
    var off = encOrOffset >>> 0;
    return wrap(new Uint8Array(value, off, length === undefined ? value.byteLength - off : length));
  }
  if (ArrayBuffer.isView(value)) {
    return wrap(new Uint8Array(value));
  }
  if (value && value.type === 'Buffer' && Array.isArray(value.data)) {
    return wrap(new Uint8Array(value.data));
  }
  if (value && typeof value.length === 'number') {
    return wrap(new Uint8Array(Array.prototype.slice.call(value)));
  }
  if (value && typeof value.valueOf === 'function' && value.valueOf() !== value) {
    return Buffer.from(value.valueOf(), encOrOffset, length);
  }
  throw new TypeError('The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type ' + typeof value);
};

// kMaxLength is Node 20's buffer.constants.MAX_LENGTH on 64-bit systems.
// A larger size is Node's RangeError here, where the engine would try to
// allocate it and take the whole process down.
var kMaxLength = 4294967296;

Buffer.alloc = function (size, fill, enc) {
  if (typeof size !== 'number') {
    throw new TypeError('The "size" argument must be of type number. Received type ' + typeof size);
  }
  if (!(size >= 0 && size <= kMaxLength)) {
    var err = new RangeError("The argument 'size' is invalid. Received " + size);
    err.code = 'ERR_INVALID_ARG_VALUE';
    throw err;
  }
  var b = wrap(new Uint8Array(size));
  if (fill !== undefined && fill !== 0) b.fill(fill, 0, size, enc);
  return b;
};
Buffer.allocUnsafe = function (size) { return Buffer.alloc(size); };
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;
Buffer.isBuffer = function (b) { return b instanceof Buffer; };
Buffer.isEncoding = function (e) { return typeof e === 'string' && native.norm(e) !== ''; };
Buffer.byteLength = function (s, enc) {
  if (typeof s !== 'string') return s.byteLength;
  return native.decode(s, encodingOf(enc)).byteLength;
};
Buffer.concat = function (list, total) {
  if (!Array.isArray(list)) throw new TypeError('"list" argument must be an Array of Buffers');
  if (total === undefined) {
    total = 0;
    for (var i = 0; i < list.length; i++) total += list[i].length;
  }
  var out = Buffer.alloc(total), pos = 0;
  for (var j = 0; j < list.length && pos < total; j++) {
    var b = list[j];
    if (b.length > total - pos) b = b.subarray(0, total - pos);
    out.set(b, pos);
    pos += b.length;
  }
  return out;
};
Buffer.compare = function (a, b) {
  var n = Math.min(a.length, b.length);
  for (var i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
};

Buffer.prototype._isBuffer = true;
Buffer.prototype.toString = function (enc, start, end) {
  start = start === undefined ? 0 : Math.max(0, start | 0);
  end = end === undefined ? this.length : Math.min(this.length, end | 0);
  if (end <= start) return '';
  var view = start === 0 && end === this.length ? this : this.subarray(start, end);
  return native.encode(view, encodingOf(enc));
};
Buffer.prototype.toLocaleString = Buffer.prototype.toString;
Buffer.prototype.toJSON = function () {
  return { type: 'Buffer', data: Array.prototype.slice.call(this) };
};
Buffer.prototype.equals = function (other) { return Buffer.compare(this, other) === 0; };
Buffer.prototype.compare = function (other) { return Buffer.compare(this, other); };
Buffer.prototype.subarray = function (start, end) {
  return wrap(Uint8Array.prototype.subarray.call(this, start, end));
};
Buffer.prototype.slice = Buffer.prototype.subarray;
Buffer.prototype.copy = function (target, targetStart, start, end) {
  targetStart = targetStart || 0;
  start = start || 0;
  end = end === undefined ? this.length : end;
  var src = this.subarray(start, Math.min(end, start + target.length - targetStart));
  target.set(src, targetStart);
  return src.length;
};
Buffer.prototype.write = function (s, offset, length, enc) {
  if (typeof offset === 'string') { enc = offset; offset = 0; length = undefined; }
  else if (typeof length === 'string') { enc = length; length = undefined; }
  offset = offset >>> 0;
  var bytes = new Uint8Array(native.decode(s, encodingOf(enc)));
  var n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
  this.set(bytes.subarray(0, n), offset);
  return n;
};
var u8fill = Uint8Array.prototype.fill;
Buffer.prototype.fill = function (value, start, end, enc) {
  if (typeof start === 'string') { enc = start; start = 0; end = this.length; }
  if (typeof value === 'string') {
    var bytes = new Uint8Array(native.decode(value, encodingOf(enc)));
    start = start || 0;
    end = end === undefined ? this.length : end;
    for (var i = start, j = 0; i < end && bytes.length; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  }
  return u8fill.call(this, value, start, end);
};
Buffer.prototype.inspect = function () {
  var hex = [];
  for (var i = 0; i < Math.min(this.length, 50); i++) hex.push((this[i] < 16 ? '0' : '') + this[i].toString(16));
  return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (this.length > 50 ? ' ... ' + (this.length - 50) + ' more bytes' : '') + '>';
};

exports.Buffer = Buffer;
exports.kMaxLength = 0x7fffffff;
exports.INSPECT_MAX_BYTES = 50;
