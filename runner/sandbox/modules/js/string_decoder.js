// Node's string_decoder as Postman's sandbox bundles it (the
// string_decoder 1.x npm package): a multi-byte character split across
// writes is held back until it is complete, a broken UTF-8 sequence
// becomes U+FFFD, base64 holds back a partial 3-byte group, and
// utf16le a half code unit or a lone high surrogate. end() does not reset
// the decoder, as in that package. Written for colrun and checked against
// Newman 6.2.2 in nodebuiltins_test.go.
'use strict';

var Buffer = require('buffer').Buffer;

function normalize(enc) {
  if (!enc) return 'utf8';
  for (var retried = false; ; retried = true) {
    switch (enc) {
      case 'utf8': case 'utf-8': return 'utf8';
      case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
      case 'latin1': case 'binary': return 'latin1';
      case 'base64': case 'ascii': case 'hex': return enc;
    }
    if (retried) throw new Error('Unknown encoding: ' + enc);
    enc = ('' + enc).toLowerCase();
  }
}

function StringDecoder(encoding) {
  // Called without new, the package's constructor returns nothing.
  if (!(this instanceof StringDecoder)) return undefined;
  this.encoding = normalize(encoding);
  var size;
  switch (this.encoding) {
    case 'utf16le':
      this.text = utf16Text;
      this.end = utf16End;
      size = 4;
      break;
    case 'utf8':
      this.fillLast = utf8FillLast;
      size = 4;
      break;
    case 'base64':
      this.text = base64Text;
      this.end = base64End;
      size = 3;
      break;
    default:
      this.write = simpleWrite;
      this.end = simpleEnd;
      return;
  }
  this.lastNeed = 0;
  this.lastTotal = 0;
  this.lastChar = Buffer.alloc(size);
}

StringDecoder.prototype.write = function (buf) {
  if (buf.length === 0) return '';
  var r, i;
  if (this.lastNeed) {
    r = this.fillLast(buf);
    if (r === undefined) return '';
    i = this.lastNeed;
    this.lastNeed = 0;
  } else {
    i = 0;
  }
  if (i < buf.length) return r ? r + this.text(buf, i) : this.text(buf, i);
  return r || '';
};

StringDecoder.prototype.end = utf8End;
StringDecoder.prototype.text = utf8Text;

// fillLast completes the held-back character from the start of buf,
// returning it once whole.
StringDecoder.prototype.fillLast = function (buf) {
  if (this.lastNeed <= buf.length) {
    buf.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, this.lastNeed);
    return this.lastChar.toString(this.encoding, 0, this.lastTotal);
  }
  buf.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, buf.length);
  this.lastNeed -= buf.length;
};

// utf8Kind classifies a byte: 0 ASCII, 2-4 the lead byte of a sequence of
// that length, -1 a continuation byte, -2 invalid.
function utf8Kind(b) {
  if (b <= 0x7F) return 0;
  if (b >> 5 === 0x06) return 2;
  if (b >> 4 === 0x0E) return 3;
  if (b >> 3 === 0x1E) return 4;
  return b >> 6 === 0x02 ? -1 : -2;
}

// utf8Incomplete looks at up to the last three bytes for a sequence cut
// short, setting lastNeed to the bytes missing, and returns its length.
function utf8Incomplete(self, buf, i) {
  var j = buf.length - 1;
  if (j < i) return 0;
  var nb = utf8Kind(buf[j]);
  if (nb >= 0) {
    if (nb > 0) self.lastNeed = nb - 1;
    return nb;
  }
  if (--j < i || nb === -2) return 0;
  nb = utf8Kind(buf[j]);
  if (nb >= 0) {
    if (nb > 0) self.lastNeed = nb - 2;
    return nb;
  }
  if (--j < i || nb === -2) return 0;
  nb = utf8Kind(buf[j]);
  if (nb >= 0) {
    if (nb > 0) {
      if (nb === 2) nb = 0;
      else self.lastNeed = nb - 3;
    }
    return nb;
  }
  return 0;
}

// utf8BadContinuation returns U+FFFD when buf does not continue the held
// sequence, so the broken character is replaced and buf decoded afresh.
function utf8BadContinuation(self, buf) {
  if ((buf[0] & 0xC0) !== 0x80) {
    self.lastNeed = 0;
    return '\ufffd';
  }
  if (self.lastNeed > 1 && buf.length > 1) {
    if ((buf[1] & 0xC0) !== 0x80) {
      self.lastNeed = 1;
      return '\ufffd';
    }
    if (self.lastNeed > 2 && buf.length > 2 && (buf[2] & 0xC0) !== 0x80) {
      self.lastNeed = 2;
      return '\ufffd';
    }
  }
  return undefined;
}

function utf8FillLast(buf) {
  var p = this.lastTotal - this.lastNeed;
  var r = utf8BadContinuation(this, buf);
  if (r !== undefined) return r;
  if (this.lastNeed <= buf.length) {
    buf.copy(this.lastChar, p, 0, this.lastNeed);
    return this.lastChar.toString(this.encoding, 0, this.lastTotal);
  }
  buf.copy(this.lastChar, p, 0, buf.length);
  this.lastNeed -= buf.length;
  return undefined;
}

function utf8Text(buf, i) {
  // A string given to write() passes through, as with the package.
  if (typeof buf === 'string') return buf.slice(i);
  var total = utf8Incomplete(this, buf, i);
  if (!this.lastNeed) return buf.toString('utf8', i);
  this.lastTotal = total;
  var end = buf.length - (total - this.lastNeed);
  buf.copy(this.lastChar, 0, end);
  return buf.toString('utf8', i, end);
}

function utf8End(buf) {
  var r = buf && buf.length ? this.write(buf) : '';
  return this.lastNeed ? r + '\ufffd' : r;
}

function utf16Text(buf, i) {
  if ((buf.length - i) % 2 === 0) {
    var r = buf.toString('utf16le', i);
    if (r) {
      var c = r.charCodeAt(r.length - 1);
      if (c >= 0xD800 && c <= 0xDBFF) {
        this.lastNeed = 2;
        this.lastTotal = 4;
        this.lastChar[0] = buf[buf.length - 2];
        this.lastChar[1] = buf[buf.length - 1];
        return r.slice(0, -1);
      }
    }
    return r;
  }
  this.lastNeed = 1;
  this.lastTotal = 2;
  this.lastChar[0] = buf[buf.length - 1];
  return buf.toString('utf16le', i, buf.length - 1);
}

function utf16End(buf) {
  var r = buf && buf.length ? this.write(buf) : '';
  if (this.lastNeed) return r + this.lastChar.toString('utf16le', 0, this.lastTotal - this.lastNeed);
  return r;
}

function base64Text(buf, i) {
  var n = (buf.length - i) % 3;
  if (n === 0) return buf.toString('base64', i);
  this.lastNeed = 3 - n;
  this.lastTotal = 3;
  if (n === 1) {
    this.lastChar[0] = buf[buf.length - 1];
  } else {
    this.lastChar[0] = buf[buf.length - 2];
    this.lastChar[1] = buf[buf.length - 1];
  }
  return buf.toString('base64', i, buf.length - n);
}

function base64End(buf) {
  var r = buf && buf.length ? this.write(buf) : '';
  if (this.lastNeed) return r + this.lastChar.toString('base64', 0, 3 - this.lastNeed);
  return r;
}

function simpleWrite(buf) {
  return buf.toString(this.encoding);
}

function simpleEnd(buf) {
  return buf && buf.length ? this.write(buf) : '';
}

exports.StringDecoder = StringDecoder;
