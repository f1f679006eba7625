// Node's Buffer as Postman bundles it (browserify's buffer 6): a Uint8Array
// whose prototype is Buffer.prototype. Only what scripts use: from, alloc,
// concat, isBuffer, byteLength, toString in Node's encodings, toJSON,
// equals, slice/subarray, copy, write, indexOf/includes, swap16/32/64 and
// the read/write methods for integers and floats, with buffer 6's checks
// and messages.
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
  if (typeof value === 'number') {
    throw new TypeError('The "value" argument must not be of type number. Received type number');
  }
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

// checkOffset and checkInt are buffer 6's bounds checks, whose messages
// scripts see; noAssert skips them as there.
function checkOffset(offset, ext, length) {
  if (offset % 1 !== 0 || offset < 0) throw new RangeError('offset is not uint');
  if (offset + ext > length) throw new RangeError('Trying to access beyond buffer length');
}
function checkInt(buf, value, offset, ext, max, min) {
  if (!Buffer.isBuffer(buf)) throw new TypeError('"buffer" argument must be a Buffer instance');
  if (value > max || value < min) throw new RangeError('"value" argument is out of bounds');
  if (offset + ext > buf.length) throw new RangeError('Index out of range');
}
var P = Buffer.prototype;
function alias(name, fn) { P[name] = fn; if (name.indexOf('UInt') !== -1) P[name.replace('UInt', 'Uint')] = fn; }
alias('readUIntLE', function (offset, byteLength, noAssert) {
  offset >>>= 0; byteLength >>>= 0;
  if (!noAssert) checkOffset(offset, byteLength, this.length);
  var val = this[offset], mul = 1, i = 0;
  while (++i < byteLength && (mul *= 0x100)) val += this[offset + i] * mul;
  return val;
});
alias('readUIntBE', function (offset, byteLength, noAssert) {
  offset >>>= 0; byteLength >>>= 0;
  if (!noAssert) checkOffset(offset, byteLength, this.length);
  var val = this[offset + --byteLength], mul = 1;
  while (byteLength > 0 && (mul *= 0x100)) val += this[offset + --byteLength] * mul;
  return val;
});
P.readIntLE = function (offset, byteLength, noAssert) {
  var val = P.readUIntLE.call(this, offset, byteLength, noAssert);
  return val >= Math.pow(2, 8 * (byteLength >>> 0) - 1) ? val - Math.pow(2, 8 * (byteLength >>> 0)) : val;
};
P.readIntBE = function (offset, byteLength, noAssert) {
  var val = P.readUIntBE.call(this, offset, byteLength, noAssert);
  return val >= Math.pow(2, 8 * (byteLength >>> 0) - 1) ? val - Math.pow(2, 8 * (byteLength >>> 0)) : val;
};
function view(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
// Fixed-size reads and writes: name, size, DataView getter/setter, little
// endian, and the range a write accepts.
[
  ['UInt8', 1, 'Uint8', false, 0, 255], ['UInt16LE', 2, 'Uint16', true, 0, 65535], ['UInt16BE', 2, 'Uint16', false, 0, 65535],
  ['UInt32LE', 4, 'Uint32', true, 0, 4294967295], ['UInt32BE', 4, 'Uint32', false, 0, 4294967295],
  ['Int8', 1, 'Int8', false, -128, 127], ['Int16LE', 2, 'Int16', true, -32768, 32767], ['Int16BE', 2, 'Int16', false, -32768, 32767],
  ['Int32LE', 4, 'Int32', true, -2147483648, 2147483647], ['Int32BE', 4, 'Int32', false, -2147483648, 2147483647],
  ['FloatLE', 4, 'Float32', true, -3.4028234663852886e38, 3.4028234663852886e38], ['FloatBE', 4, 'Float32', false, -3.4028234663852886e38, 3.4028234663852886e38],
  ['DoubleLE', 8, 'Float64', true, -1.7976931348623157e308, 1.7976931348623157e308], ['DoubleBE', 8, 'Float64', false, -1.7976931348623157e308, 1.7976931348623157e308]
].forEach(function (t) {
  var size = t[1], get = 'get' + t[2], set = 'set' + t[2], le = t[3], min = t[4], max = t[5], float = t[2].indexOf('Float') === 0;
  alias('read' + t[0], function (offset, noAssert) {
    offset >>>= 0;
    if (!noAssert) checkOffset(offset, size, this.length);
    if (offset + size > this.length) return float ? undefined : NaN;
    return view(this)[get](offset, le);
  });
  alias('write' + t[0], function (value, offset, noAssert) {
    value = +value; offset >>>= 0;
    if (!noAssert) checkInt(this, value, offset, size, max, min);
    if (offset + size <= this.length) {
      if (float) view(this)[set](offset, value, le);
      else view(this)[set](offset, value < 0 && min === 0 ? value >>> 0 : value, le);
    }
    return offset + size;
  });
});
alias('writeUIntLE', function (value, offset, byteLength, noAssert) {
  value = +value; offset >>>= 0; byteLength >>>= 0;
  if (!noAssert) checkInt(this, value, offset, byteLength, Math.pow(2, 8 * byteLength) - 1, 0);
  var mul = 1, i = 0;
  this[offset] = value & 0xFF;
  while (++i < byteLength && (mul *= 0x100)) this[offset + i] = (value / mul) & 0xFF;
  return offset + byteLength;
});
alias('writeUIntBE', function (value, offset, byteLength, noAssert) {
  value = +value; offset >>>= 0; byteLength >>>= 0;
  if (!noAssert) checkInt(this, value, offset, byteLength, Math.pow(2, 8 * byteLength) - 1, 0);
  var i = byteLength - 1, mul = 1;
  this[offset + i] = value & 0xFF;
  while (--i >= 0 && (mul *= 0x100)) this[offset + i] = (value / mul) & 0xFF;
  return offset + byteLength;
});
P.writeIntLE = function (value, offset, byteLength, noAssert) {
  value = +value; offset >>>= 0;
  if (!noAssert) { var lim = Math.pow(2, 8 * byteLength - 1); checkInt(this, value, offset, byteLength, lim - 1, -lim); }
  var i = 0, mul = 1, sub = 0;
  this[offset] = value & 0xFF;
  while (++i < byteLength && (mul *= 0x100)) {
    if (value < 0 && sub === 0 && this[offset + i - 1] !== 0) sub = 1;
    this[offset + i] = (((value / mul) | 0) - sub) & 0xFF;
  }
  return offset + byteLength;
};
P.writeIntBE = function (value, offset, byteLength, noAssert) {
  value = +value; offset >>>= 0;
  if (!noAssert) { var lim = Math.pow(2, 8 * byteLength - 1); checkInt(this, value, offset, byteLength, lim - 1, -lim); }
  var i = byteLength - 1, mul = 1, sub = 0;
  this[offset + i] = value & 0xFF;
  while (--i >= 0 && (mul *= 0x100)) {
    if (value < 0 && sub === 0 && this[offset + i + 1] !== 0) sub = 1;
    this[offset + i] = (((value / mul) | 0) - sub) & 0xFF;
  }
  return offset + byteLength;
};
// The 64-bit BigInt reads and writes.
[['LE', true], ['BE', false]].forEach(function (t) {
  var le = t[1];
  P['readBigUInt64' + t[0]] = function (offset) {
    offset = offset === undefined ? 0 : offset;
    checkOffset(offset, 8, this.length);
    return view(this).getBigUint64(offset, le);
  };
  P['readBigInt64' + t[0]] = function (offset) {
    offset = offset === undefined ? 0 : offset;
    checkOffset(offset, 8, this.length);
    return view(this).getBigInt64(offset, le);
  };
  P['writeBigUInt64' + t[0]] = function (value, offset) {
    offset = offset === undefined ? 0 : offset;
    checkOffset(offset, 8, this.length);
    view(this).setBigUint64(offset, value, le);
    return offset + 8;
  };
  P['writeBigInt64' + t[0]] = function (value, offset) {
    offset = offset === undefined ? 0 : offset;
    checkOffset(offset, 8, this.length);
    view(this).setBigInt64(offset, value, le);
    return offset + 8;
  };
});
function swap(b, n, m) { var t = b[n]; b[n] = b[m]; b[m] = t; }
[16, 32, 64].forEach(function (bits) {
  var size = bits / 8;
  P['swap' + bits] = function () {
    if (this.length % size !== 0) throw new RangeError('Buffer size must be a multiple of ' + bits + '-bits');
    for (var i = 0; i < this.length; i += size) {
      for (var j = 0; j < size / 2; j++) swap(this, i + j, i + size - 1 - j);
    }
    return this;
  };
});
// indexOf searches for a byte, a string (in an encoding) or a buffer, as
// buffer 6's bidirectionalIndexOf does.
function indexOf(buf, val, byteOffset, enc, dir) {
  if (buf.length === 0) return -1;
  if (typeof byteOffset === 'string') { enc = byteOffset; byteOffset = 0; }
  else if (byteOffset > 0x7fffffff) byteOffset = 0x7fffffff;
  else if (byteOffset < -0x80000000) byteOffset = -0x80000000;
  byteOffset = +byteOffset;
  if (byteOffset !== byteOffset) byteOffset = dir ? 0 : buf.length - 1;
  if (byteOffset < 0) byteOffset = buf.length + byteOffset;
  if (byteOffset >= buf.length) { if (dir) return -1; byteOffset = buf.length - 1; }
  else if (byteOffset < 0) { if (dir) byteOffset = 0; else return -1; }
  if (typeof val === 'string') val = Buffer.from(val, enc);
  if (typeof val === 'number') {
    val &= 0xFF;
    return dir ? Uint8Array.prototype.indexOf.call(buf, val, byteOffset) : Uint8Array.prototype.lastIndexOf.call(buf, val, byteOffset);
  }
  if (!(val instanceof Uint8Array)) throw new TypeError('val must be string, number or Buffer');
  if (val.length === 0) return -1;
  var i, j;
  if (dir) {
    for (i = byteOffset; i + val.length <= buf.length; i++) {
      for (j = 0; j < val.length && buf[i + j] === val[j]; j++) {}
      if (j === val.length) return i;
    }
  } else {
    for (i = Math.min(byteOffset, buf.length - val.length); i >= 0; i--) {
      for (j = 0; j < val.length && buf[i + j] === val[j]; j++) {}
      if (j === val.length) return i;
    }
  }
  return -1;
}
P.indexOf = function (val, byteOffset, enc) { return indexOf(this, val, byteOffset, enc, true); };
P.lastIndexOf = function (val, byteOffset, enc) { return indexOf(this, val, byteOffset, enc, false); };
P.includes = function (val, byteOffset, enc) { return this.indexOf(val, byteOffset, enc) !== -1; };
Buffer.poolSize = 8192;
Buffer.TYPED_ARRAY_SUPPORT = true;

function SlowBuffer(length) {
  if (+length != length) length = 0;
  return Buffer.alloc(+length);
}

exports.Buffer = Buffer;
exports.SlowBuffer = SlowBuffer;
exports.kMaxLength = 0x7fffffff;
exports.INSPECT_MAX_BYTES = 50;
