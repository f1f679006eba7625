// crypto-js 3.3.0's API over Go's crypto: the Base/WordArray object model,
// encoders, hashers, HMAC, PBKDF2/EvpKDF and the AES/DES/TripleDES ciphers
// with crypto-js's modes, paddings and OpenSSL-compatible passphrase mode.
// RC4, Rabbit and RIPEMD160 are not provided.
var C = {};

// crypto-js's prototype-based object model: extend/create/init/mixIn, so
// code that subclasses or calls X.create() works.
var Base = {
  extend: function (overrides) {
    var sub = Object.create(this);
    if (overrides) sub.mixIn(overrides);
    if (!sub.hasOwnProperty('init') || this.init === sub.init) {
      sub.init = function () { sub.$super.init.apply(this, arguments); };
    }
    sub.init.prototype = sub;
    sub.$super = this;
    return sub;
  },
  create: function () {
    var inst = this.extend();
    inst.init.apply(inst, arguments);
    return inst;
  },
  init: function () {},
  mixIn: function (props) {
    for (var k in props) {
      if (Object.prototype.hasOwnProperty.call(props, k)) this[k] = props[k];
    }
    if (Object.prototype.hasOwnProperty.call(props, 'toString')) this.toString = props.toString;
  },
  clone: function () { return this.init.prototype.extend(this); }
};

var WordArray = Base.extend({
  init: function (words, sigBytes) {
    if (words instanceof ArrayBuffer) words = new Uint8Array(words);
    if (ArrayBuffer.isView(words) && !(words instanceof Uint8Array)) {
      words = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
    }
    if (words instanceof Uint8Array) {
      var n = words.byteLength, w = [];
      for (var i = 0; i < n; i++) w[i >>> 2] |= words[i] << (24 - (i % 4) * 8);
      this.words = w;
      this.sigBytes = n;
      return;
    }
    words = this.words = words || [];
    this.sigBytes = sigBytes !== undefined ? sigBytes : words.length * 4;
  },
  toString: function (encoder) { return (encoder || Hex).stringify(this); },
  concat: function (wa) {
    var tw = this.words, ww = wa.words, ts = this.sigBytes, ws = wa.sigBytes;
    this.clamp();
    if (ts % 4) {
      for (var i = 0; i < ws; i++) {
        var b = (ww[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
        tw[(ts + i) >>> 2] |= b << (24 - ((ts + i) % 4) * 8);
      }
    } else {
      for (var j = 0; j < ws; j += 4) tw[(ts + j) >>> 2] = ww[j >>> 2];
    }
    this.sigBytes += ws;
    return this;
  },
  clamp: function () {
    var w = this.words, s = this.sigBytes;
    w[s >>> 2] &= 0xffffffff << (32 - (s % 4) * 8);
    w.length = Math.ceil(s / 4);
  },
  clone: function () {
    var c = Base.clone.call(this);
    c.words = this.words.slice(0);
    return c;
  }
});
WordArray.random = function (n) { return wrap(native.random(n)); };
// create without Base.extend's per-instance init closure: WordArrays are
// made on every hash and encode, and this is the hot path.
WordArray.create = function (words, sigBytes) {
  var wa = Object.create(this);
  wa.init(words, sigBytes);
  return wa;
};

function wrap(pair) {
  var wa = Object.create(WordArray);
  wa.words = pair[0];
  wa.sigBytes = pair[1];
  return wa;
}

function encoder(name) {
  return {
    stringify: function (wa) {
      // Utf8.stringify turns any failure into its own error.
      if (name === 'Utf8' && (wa === undefined || wa === null)) throw new Error('Malformed UTF-8 data');
      need(wa, 'words');
      return native.stringify(name, wa);
    },
    parse: function (s) {
      // Every parser but Utf8's (which reads the text 'undefined') starts
      // from the string's length.
      if (name !== 'Utf8') need(s, 'length');
      return wrap(native.parse(name, s));
    }
  };
}
var Hex = encoder('Hex');
var enc = {
  Hex: Hex, Latin1: encoder('Latin1'), Utf8: encoder('Utf8'), Utf16BE: encoder('Utf16BE'),
  Utf16: encoder('Utf16'), Utf16LE: encoder('Utf16LE'), Base64: encoder('Base64'), Base64url: encoder('Base64url')
};

// Strings are passed to Go as they are (Go reads them as UTF-8, which is
// what crypto-js's implicit Utf8.parse gives), saving a round trip.
function input(d) {
  if (typeof d === 'string') return d;
  if (d && d.words !== undefined) return d;
  if (d instanceof ArrayBuffer || ArrayBuffer.isView(d)) return WordArray.create(d);
  return String(d);
}
// hashInput is what crypto-js's finalize hashes: nothing for a falsy
// message (SHA256(undefined) is the hash of ''), not the text 'undefined'.
function hashInput(m) { return m ? input(m) : ''; }
// need throws the TypeError crypto-js meets reading a property of a
// missing key, salt or WordArray (an environment variable never set), so
// the script fails as under Newman instead of signing the text
// 'undefined'.
function need(v, prop) {
  if (v === undefined || v === null) throw new TypeError('Cannot read properties of ' + v + " (reading '" + prop + "')");
  return v;
}
function toWA(d) { return typeof d === 'string' ? enc.Utf8.parse(d) : (d && d.words !== undefined ? d : WordArray.create(d)); }

var BufferedBlockAlgorithm = Base.extend({
  reset: function () { this._data = WordArray.create(); this._nDataBytes = 0; },
  _append: function (d) { d = toWA(d); this._data.concat(d); this._nDataBytes += d.sigBytes; }
});

// Progressive hashers buffer their input and digest it at finalize: the
// digest itself runs in Go.
var Hasher = BufferedBlockAlgorithm.extend({
  cfg: Base.extend(),
  init: function (cfg) { this.cfg = this.cfg.extend(cfg); this.reset(); },
  update: function (m) { this._append(need(m, 'words')); return this; },
  finalize: function (m) {
    if (m) this._append(m);
    var h = wrap(native.hash(this._name, this._data, this.cfg.outputLength));
    return h;
  },
  blockSize: 512 / 32
});
Hasher._createHelper = function (hasher) {
  return function (m, cfg) {
    if (cfg === undefined || cfg.outputLength === undefined) {
      return wrap(native.hash(hasher._name, hashInput(m), hasher.cfg.outputLength));
    }
    return hasher.create(cfg).finalize(m);
  };
};
Hasher._createHmacHelper = function (hasher) {
  return function (m, key) {
    need(key, 'sigBytes');
    return wrap(native.hmac(hasher._name, hashInput(m), input(key), hasher.cfg.outputLength));
  };
};

var algo = {};
[['MD5', 16], ['SHA1', 16], ['SHA256', 16], ['SHA224', 16], ['SHA512', 32], ['SHA384', 32], ['SHA3', 36], ['RIPEMD160', 16]].forEach(function (p) {
  var name = p[0];
  algo[name] = Hasher.extend({ _name: name, blockSize: p[1] });
  if (name === 'SHA3') algo[name].cfg = Hasher.cfg.extend({ outputLength: 512 });
  C[name] = Hasher._createHelper(algo[name]);
  C['Hmac' + name] = Hasher._createHmacHelper(algo[name]);
});

algo.HMAC = Base.extend({
  init: function (hasher, key) {
    this._hasher = hasher;
    this._key = toWA(need(key, 'sigBytes'));
    this.reset();
  },
  reset: function () { this._data = WordArray.create(); },
  update: function (m) { this._data.concat(toWA(need(m, 'words'))); return this; },
  finalize: function (m) {
    if (m) this.update(m);
    var h = this._hasher, name = h._name || (h.$super && h.$super._name);
    return wrap(native.hmac(name, this._data, this._key, h.cfg && h.cfg.outputLength));
  }
});

function hasherName(h) {
  while (h && !Object.prototype.hasOwnProperty.call(h, '_name')) h = h.$super;
  return h ? h._name : 'SHA1';
}

function kdf(nativeName, defaults) {
  var K = Base.extend({
    cfg: Base.extend(defaults),
    init: function (cfg) { this.cfg = this.cfg.extend(cfg); },
    compute: function (password, salt) {
      var cfg = this.cfg;
      // PBKDF2 keys an HMAC with the password and feeds it the salt;
      // EvpKDF hashes the password and finalizes with the salt.
      if (nativeName === 'pbkdf2') { need(password, 'sigBytes'); need(salt, 'words'); } else { need(password, 'words'); }
      return wrap(native[nativeName](hasherName(cfg.hasher), input(password), hashInput(salt), cfg.keySize, cfg.iterations));
    }
  });
  return K;
}
algo.PBKDF2 = kdf('pbkdf2', { keySize: 128 / 32, hasher: algo.SHA1, iterations: 1 });
algo.EvpKDF = kdf('evpkdf', { keySize: 128 / 32, hasher: algo.MD5, iterations: 1 });
C.PBKDF2 = function (p, s, cfg) { return algo.PBKDF2.create(cfg).compute(p, s); };
C.EvpKDF = function (p, s, cfg) { return algo.EvpKDF.create(cfg).compute(p, s); };

// Paddings work on WordArrays in place, as crypto-js's do; unpad trusts
// the data like crypto-js (a wrong key gives garbage, not an error).
function padWith(fill) {
  return {
    pad: function (data, blockSize) {
      var bs = blockSize * 4, n = bs - (data.sigBytes % bs), bytes = [];
      for (var i = 0; i < n; i++) bytes.push(fill(i, n));
      data.concat(WordArray.create(new Uint8Array(bytes)));
    },
    unpad: function (data) {
      data.sigBytes -= data.words[(data.sigBytes - 1) >>> 2] & 0xff;
    }
  };
}
var pad = {
  Pkcs7: padWith(function (i, n) { return n; }),
  AnsiX923: padWith(function (i, n) { return i === n - 1 ? n : 0; }),
  Iso10126: padWith(function (i, n) { return i === n - 1 ? n : Math.floor(Math.random() * 256); }),
  Iso97971: {
    pad: function (data, bs) { data.concat(WordArray.create([0x80000000], 1)); pad.ZeroPadding.pad(data, bs); },
    unpad: function (data) { pad.ZeroPadding.unpad(data); data.sigBytes--; }
  },
  ZeroPadding: {
    pad: function (data, bs) {
      var b = bs * 4;
      data.clamp();
      data.sigBytes += b - ((data.sigBytes % b) || b);
    },
    unpad: function (data) {
      var w = data.words, i = data.sigBytes - 1;
      for (; i >= 0; i--) {
        if ((w[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff) break;
      }
      data.sigBytes = i + 1;
    }
  },
  NoPadding: { pad: function () {}, unpad: function () {} }
};

var mode = {};
['CBC', 'CFB', 'CTR', 'CTRGladman', 'OFB', 'ECB'].forEach(function (m) {
  mode[m] = Base.extend({ _mode: m === 'CTRGladman' ? 'CTR' : m });
});

var CipherParams = Base.extend({
  init: function (p) { this.mixIn(p); },
  toString: function (formatter) { return (formatter || this.formatter).stringify(this); }
});

var SALTED = [0x53616c74, 0x65645f5f];
var format = {
  OpenSSL: {
    stringify: function (cp) {
      var wa = cp.salt ? WordArray.create(SALTED.slice()).concat(cp.salt).concat(cp.ciphertext) : cp.ciphertext;
      return wa.toString(enc.Base64);
    },
    parse: function (s) {
      var ct = enc.Base64.parse(s), w = ct.words, salt;
      if (w[0] === SALTED[0] && w[1] === SALTED[1]) {
        salt = WordArray.create(w.slice(2, 4));
        w.splice(0, 4);
        ct.sigBytes -= 16;
      }
      return CipherParams.create({ ciphertext: ct, salt: salt });
    }
  },
  Hex: {
    stringify: function (cp) { return cp.ciphertext.toString(Hex); },
    parse: function (s) { return CipherParams.create({ ciphertext: Hex.parse(s) }); }
  }
};

var kdfOpenSSL = {
  execute: function (password, keySize, ivSize, salt) {
    if (!salt) salt = WordArray.random(64 / 8);
    var key = C.EvpKDF(password, salt, { keySize: keySize + ivSize });
    var iv = WordArray.create(key.words.slice(keySize), ivSize * 4);
    key.sigBytes = keySize * 4;
    return CipherParams.create({ key: key, iv: iv, salt: salt });
  }
};

function blockCipher(name, keySize, blockSize) {
  var alg = Base.extend({ _name: name, keySize: keySize, ivSize: blockSize, blockSize: blockSize });
  function cfgOf(cfg) {
    var c = { mode: mode.CBC, padding: pad.Pkcs7, format: format.OpenSSL, kdf: kdfOpenSSL };
    if (cfg) for (var k in cfg) if (cfg[k] !== undefined) c[k] = cfg[k];
    return c;
  }
  function run(encrypt, data, key, c) {
    var m = c.mode && c.mode._mode ? c.mode._mode : 'CBC';
    if (typeof key !== 'string') need(key, 'words');
    // crypto-js's modes read the IV's first word (CTR copies it with slice).
    if (m !== 'ECB' && (c.iv === undefined || c.iv === null)) need(c.iv, c.mode === mode.CTR ? 'slice' : '0');
    var out = wrap(native.cipher(name, encrypt, m, key, m === 'ECB' ? undefined : c.iv, data));
    // A cut-short OpenSSL string leaves the ciphertext a negative length,
    // which crypto-js passes on to the result.
    if (data.sigBytes < 0) out.sigBytes = data.sigBytes;
    return out;
  }
  function encrypt(message, key, cfg) {
    var c = cfgOf(cfg), salt;
    if (typeof key === 'string') {
      var derived = c.kdf.execute(key, keySize, blockSize);
      key = derived.key;
      c.iv = derived.iv;
      salt = derived.salt;
    }
    var data = toWA(message).clone();
    c.padding.pad(data, blockSize);
    var ct = run(true, data, key, c);
    return CipherParams.create({
      ciphertext: ct, key: key, iv: c.iv, salt: salt, algorithm: alg, mode: c.mode,
      padding: c.padding, blockSize: blockSize, formatter: c.format
    });
  }
  function decrypt(ciphertext, key, cfg) {
    var c = cfgOf(cfg);
    if (typeof ciphertext === 'string') ciphertext = c.format.parse(ciphertext);
    // crypto-js reads the salt (passphrase) or, once the key is read, the
    // ciphertext; a missing ciphertext member is nothing to decrypt.
    if (typeof key !== 'string') need(key, 'words');
    need(ciphertext, typeof key === 'string' ? 'salt' : 'ciphertext');
    if (typeof key === 'string') {
      var derived = c.kdf.execute(key, keySize, blockSize, ciphertext.salt);
      key = derived.key;
      c.iv = derived.iv;
    }
    var pt = run(false, ciphertext.ciphertext || WordArray.create(), key, c);
    c.padding.unpad(pt);
    return pt;
  }
  algo[name] = alg;
  C[name] = { encrypt: encrypt, decrypt: decrypt };
}
blockCipher('AES', 256 / 32, 128 / 32);
blockCipher('DES', 64 / 32, 64 / 32);
blockCipher('TripleDES', 192 / 32, 64 / 32);

C.lib = {
  Base: Base, WordArray: WordArray, BufferedBlockAlgorithm: BufferedBlockAlgorithm,
  Hasher: Hasher, CipherParams: CipherParams
};
C.enc = enc;
C.algo = algo;
C.mode = mode;
C.pad = pad;
C.format = format;
C.kdf = { OpenSSL: kdfOpenSSL };
module.exports = C;
