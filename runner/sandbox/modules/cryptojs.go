package modules

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
	//lint:ignore SA1019 crypto-js offers RIPEMD-160 and scripts sign with it; x/crypto's is the well-kept one
	"golang.org/x/crypto/ripemd160"
)

// hashers maps crypto-js hasher names to Go constructors; SHA3 takes its
// output length in bits, as crypto-js's outputLength option.
func hasherFor(name string, outBits int) (func() hash.Hash, bool) {
	switch name {
	case "MD5":
		return md5.New, true
	case "SHA1":
		return sha1.New, true
	case "SHA224":
		return sha256.New224, true
	case "SHA256":
		return sha256.New, true
	case "SHA384":
		return sha512.New384, true
	case "SHA512":
		return sha512.New, true
	case "RIPEMD160":
		return ripemd160.New, true
	case "SHA3":
		if outBits <= 0 || outBits%32 != 0 || outBits > 512 {
			outBits = 512
		}
		return func() hash.Hash { return newKeccak(outBits) }, true
	}
	return nil, false
}

// cryptoEnv converts between crypto-js WordArrays and Go bytes.
type cryptoEnv struct {
	rt *goja.Runtime
}

// bytes reads a JS string (as crypto-js's Utf8.parse would) or a
// WordArray-like {words, sigBytes} object.
func (c cryptoEnv) bytes(v goja.Value) []byte {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if s, ok := v.Export().(string); ok {
		return []byte(s)
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return []byte(v.String())
	}
	sig := obj.Get("sigBytes")
	words := obj.Get("words")
	if sig == nil || words == nil {
		return []byte(v.String())
	}
	n := int(sig.ToFloat())
	if n <= 0 {
		return []byte{}
	}
	var ws []any
	if err := c.rt.ExportTo(words, &ws); err != nil {
		return []byte{}
	}
	out := make([]byte, n)
	for i := 0; i < n; i += 4 {
		var w uint32
		if k := i / 4; k < len(ws) {
			w = uint32(wordOf(ws[k]))
		}
		for j := 0; j < 4 && i+j < n; j++ {
			out[i+j] = byte(w >> (24 - 8*j))
		}
	}
	return out
}

// wordOf is JS ToInt32 of an exported array element, so missing or
// undefined words read as 0 as in crypto-js.
func wordOf(v any) int32 {
	var f float64
	switch x := v.(type) {
	case int64:
		return int32(x)
	case float64:
		f = x
	default:
		return 0
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int32(uint32(int64(math.Mod(math.Trunc(f), 4294967296))))
}

// words packs bytes into crypto-js's big-endian signed 32-bit words and
// returns [words, sigBytes] for the JS side to wrap.
func (c cryptoEnv) words(b []byte) goja.Value {
	ws := make([]any, (len(b)+3)/4)
	for i := range ws {
		var w uint32
		for j := 0; j < 4; j++ {
			if k := 4*i + j; k < len(b) {
				w |= uint32(b[k]) << (24 - 8*j)
			}
		}
		ws[i] = int64(int32(w))
	}
	return c.rt.NewArray(c.rt.NewArray(ws...), len(b))
}

// cryptoNatives is the Go half of js/cryptojs.js: digests, HMAC, KDFs,
// ciphers, randomness and the encoders, all over bytes.
func cryptoNatives(st *runtimeState) *goja.Object {
	rt := st.rt
	c := cryptoEnv{rt}
	o := rt.NewObject()
	mustHasher := func(name string, bits int) func() hash.Hash {
		h, ok := hasherFor(name, bits)
		if !ok {
			panic(rt.NewTypeError("unsupported hasher " + name))
		}
		return h
	}
	// hash(name, data, outBits)
	_ = o.Set("hash", func(call goja.FunctionCall) goja.Value {
		h := mustHasher(call.Argument(0).String(), int(call.Argument(2).ToInteger()))()
		h.Write(c.bytes(call.Argument(1)))
		return c.words(h.Sum(nil))
	})
	// hmac(name, data, key, outBits)
	_ = o.Set("hmac", func(call goja.FunctionCall) goja.Value {
		mac := hmac.New(mustHasher(call.Argument(0).String(), int(call.Argument(3).ToInteger())), c.bytes(call.Argument(2)))
		mac.Write(c.bytes(call.Argument(1)))
		return c.words(mac.Sum(nil))
	})
	// pbkdf2(name, password, salt, keyWords, iterations)
	_ = o.Set("pbkdf2", func(call goja.FunctionCall) goja.Value {
		h := mustHasher(call.Argument(0).String(), 512)
		keyLen := int(call.Argument(3).ToFloat() * 4)
		iter := int(call.Argument(4).ToInteger())
		if iter < 1 {
			iter = 1
		}
		key, err := pbkdf2.Key(h, string(c.bytes(call.Argument(1))), c.bytes(call.Argument(2)), iter, keyLen)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return c.words(key)
	})
	// evpkdf(name, password, salt, keyWords, iterations): OpenSSL's
	// EVP_BytesToKey, which crypto-js uses to turn a passphrase into key+iv.
	_ = o.Set("evpkdf", func(call goja.FunctionCall) goja.Value {
		h := mustHasher(call.Argument(0).String(), 512)
		pw, salt := c.bytes(call.Argument(1)), c.bytes(call.Argument(2))
		keyLen := int(call.Argument(3).ToFloat() * 4)
		iter := int(call.Argument(4).ToInteger())
		if iter < 1 {
			iter = 1
		}
		var out, block []byte
		for len(out) < keyLen {
			d := h()
			d.Write(block)
			d.Write(pw)
			d.Write(salt)
			block = d.Sum(nil)
			for i := 1; i < iter; i++ {
				d = h()
				d.Write(block)
				block = d.Sum(nil)
			}
			out = append(out, block...)
		}
		return c.words(out[:keyLen])
	})
	_ = o.Set("random", func(call goja.FunctionCall) goja.Value {
		b := make([]byte, call.Argument(0).ToInteger())
		_, _ = rand.Read(b)
		return c.words(b)
	})
	// cipher(alg, encrypt, mode, key, iv, data): data is already padded to
	// whole blocks by the JS side when encrypting.
	_ = o.Set("cipher", func(call goja.FunctionCall) goja.Value {
		data := c.bytes(call.Argument(5))
		out, err := runCipher(call.Argument(0).String(), call.Argument(1).ToBoolean(), call.Argument(2).String(),
			c.bytes(call.Argument(3)), c.bytes(call.Argument(4)), data)
		if err != nil {
			st.throwError(err.Error(), "")
		}
		// crypto-js keeps the whole last block past sigBytes, and its
		// unpad reads the padding length from the end of the last word:
		// ciphertext that is not whole blocks (a value that was never
		// encrypted) decrypts to a negative sigBytes and an empty string,
		// not to bytes that fail as UTF-8.
		arr := c.words(out).(*goja.Object)
		_ = arr.Set("1", len(data))
		return arr
	})
	_ = o.Set("stringify", func(call goja.FunctionCall) goja.Value {
		b := c.bytes(call.Argument(1))
		switch call.Argument(0).String() {
		case "Hex":
			return rt.ToValue(hex.EncodeToString(b))
		case "Base64":
			return rt.ToValue(base64.StdEncoding.EncodeToString(b))
		case "Base64url":
			return rt.ToValue(base64.RawURLEncoding.EncodeToString(b))
		case "Latin1":
			return rt.ToValue(latin1String(b))
		case "Utf8":
			if !utf8.Valid(b) {
				st.throwError("Malformed UTF-8 data", "")
			}
			return rt.ToValue(string(b))
		case "Utf16", "Utf16BE", "Utf16LE":
			le := call.Argument(0).String() == "Utf16LE"
			units := make([]uint16, len(b)/2)
			for i := range units {
				if le {
					units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
				} else {
					units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
				}
			}
			return rt.ToValue(string(utf16Decode(units)))
		}
		panic(rt.NewTypeError("unknown encoder"))
	})
	_ = o.Set("parse", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(1)
		switch call.Argument(0).String() {
		case "Hex":
			return c.hexParse(s.String())
		case "Base64":
			return c.words(base64Parse(unitsOf(s.String()), false))
		case "Base64url":
			return c.words(base64Parse(unitsOf(s.String()), true))
		case "Latin1":
			return c.words(decodeString(s.String(), "latin1"))
		case "Utf8":
			return c.words([]byte(s.String()))
		case "Utf16", "Utf16BE", "Utf16LE":
			units := unitsOf(s.String())
			b := make([]byte, 2*len(units))
			le := call.Argument(0).String() == "Utf16LE"
			for i, u := range units {
				if le {
					b[2*i], b[2*i+1] = byte(u), byte(u>>8)
				} else {
					b[2*i], b[2*i+1] = byte(u>>8), byte(u)
				}
			}
			return c.words(b)
		}
		panic(rt.NewTypeError("unknown encoder"))
	})
	return o
}

// utf16Decode decodes UTF-16 units, keeping lone surrogates as U+FFFD.
func utf16Decode(units []uint16) []rune {
	var out []rune
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if u >= 0xD800 && u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
			out = append(out, 0x10000+(u-0xD800)<<10+rune(units[i+1])-0xDC00)
			i++
			continue
		}
		out = append(out, u)
	}
	return out
}

// hexParse is crypto-js's Hex.parse: parseInt over each pair, so a bad
// pair reads its valid prefix (or 0), and an odd length leaves a
// fractional sigBytes, exactly as the original does.
func (c cryptoEnv) hexParse(s string) goja.Value {
	units := unitsOf(s)
	n := len(units)
	b := make([]byte, (n+1)/2)
	hexv := func(u uint16) int {
		switch {
		case u >= '0' && u <= '9':
			return int(u - '0')
		case u >= 'a' && u <= 'f':
			return int(u-'a') + 10
		case u >= 'A' && u <= 'F':
			return int(u-'A') + 10
		}
		return -1
	}
	for i := 0; i < n; i += 2 {
		hi := hexv(units[i])
		v := 0
		if hi >= 0 {
			v = hi
			if i+1 < n {
				if lo := hexv(units[i+1]); lo >= 0 {
					v = hi*16 + lo
				}
			}
		}
		b[i/2] = byte(v)
	}
	arr := c.words(b).(*goja.Object)
	_ = arr.Set("1", float64(n)/2)
	return arr
}

// base64Parse is crypto-js's Base64.parse: input ends at the first '=',
// and characters outside the alphabet count as zero bits instead of
// being skipped.
func base64Parse(units []uint16, url bool) []byte {
	alpha := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if url {
		alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	}
	rev := func(u uint16) uint32 {
		if u < 128 {
			if i := strings.IndexByte(alpha, byte(u)); i >= 0 {
				return uint32(i)
			}
		}
		return 0
	}
	for i, u := range units {
		if u == '=' {
			units = units[:i]
			break
		}
	}
	var out []byte
	for i := 0; i < len(units); i++ {
		if i%4 != 0 {
			b1 := rev(units[i-1]) << uint((i%4)*2)
			b2 := rev(units[i]) >> uint(6-(i%4)*2)
			out = append(out, byte(b1|b2))
		}
	}
	return out
}

// runCipher runs a block cipher in crypto-js's mode over whole blocks.
func runCipher(alg string, encrypt bool, mode string, key, iv, data []byte) (out []byte, err error) {
	var block cipher.Block
	switch alg {
	case "AES":
		if len(key) != 16 && len(key) != 24 && len(key) != 32 {
			return nil, fmt.Errorf("AES key must be 16, 24 or 32 bytes (got %d); colrun's built-in crypto-js does not support crypto-js's non-standard key sizes", len(key))
		}
		block, err = aes.NewCipher(key)
	case "DES":
		block, err = des.NewCipher(fitKey(key, 8))
	case "TripleDES":
		block, err = des.NewTripleDESCipher(fitKey(key, 24))
	default:
		return nil, fmt.Errorf("unsupported cipher %s", alg)
	}
	if err != nil {
		return nil, err
	}
	bs := block.BlockSize()
	// crypto-js runs whole blocks but keeps the input's length (its
	// caller sets sigBytes), which is what makes NoPadding work with the
	// stream modes.
	if r := len(data) % bs; r != 0 {
		data = append(data, make([]byte, bs-r)...)
	}
	out = make([]byte, len(data))
	if mode == "ECB" {
		for i := 0; i < len(data); i += bs {
			if encrypt {
				block.Encrypt(out[i:i+bs], data[i:i+bs])
			} else {
				block.Decrypt(out[i:i+bs], data[i:i+bs])
			}
		}
		return out, nil
	}
	if iv == nil {
		//lint:ignore ST1005 scripts see the TypeError crypto-js throws here under V8
		return nil, fmt.Errorf("Cannot read properties of undefined (reading '0')")
	}
	iv = fitKey(iv, bs)
	switch mode {
	case "CBC":
		if encrypt {
			cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, data)
		} else {
			cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
		}
	case "CFB":
		// crypto-js's CFB works on whole blocks (segment size = block size),
		// which is what Go's CFB stream does over block-aligned data.
		if encrypt {
			cfbCrypt(block, iv, out, data, true)
		} else {
			cfbCrypt(block, iv, out, data, false)
		}
	case "CTR":
		cipher.NewCTR(block, iv).XORKeyStream(out, data)
	case "OFB":
		//lint:ignore SA1019 crypto-js offers OFB; a script that asks for it gets what crypto-js gives
		cipher.NewOFB(block, iv).XORKeyStream(out, data)
	default:
		return nil, fmt.Errorf("unsupported mode %s", mode)
	}
	return out, nil
}

// cfbCrypt is full-block CFB.
func cfbCrypt(block cipher.Block, iv, dst, src []byte, encrypt bool) {
	bs := block.BlockSize()
	prev := append([]byte(nil), iv...)
	ks := make([]byte, bs)
	for i := 0; i < len(src); i += bs {
		block.Encrypt(ks, prev)
		for j := 0; j < bs; j++ {
			dst[i+j] = src[i+j] ^ ks[j]
		}
		if encrypt {
			copy(prev, dst[i:i+bs])
		} else {
			copy(prev, src[i:i+bs])
		}
	}
}

// fitKey zero-fills or truncates b to n bytes: crypto-js reads missing key
// or IV words as zero and ignores extra ones.
func fitKey(b []byte, n int) []byte {
	out := make([]byte, n)
	copy(out, b)
	return out
}
