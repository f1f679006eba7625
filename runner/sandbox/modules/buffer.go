package modules

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// normEncoding maps Node's encoding names (and their case variants) to
// the ones encodeString/decodeString know; "" for an unknown one, as
// base64url is to the buffer 6 package Newman's sandbox bundles.
func normEncoding(enc string) string {
	switch strings.ToLower(enc) {
	case "", "utf8", "utf-8":
		return "utf8"
	case "hex":
		return "hex"
	case "base64":
		return "base64"
	case "latin1", "binary":
		return "latin1"
	case "ascii":
		return "ascii"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "utf16le"
	}
	return ""
}

// decodeValue turns a JS string into bytes under a Node encoding.
func decodeValue(v goja.Value, enc string) []byte {
	return decodeString(v.String(), enc)
}

// decodeString decodes s as Node's Buffer.from(s, enc) does, leniently:
// hex stops at the first bad pair, base64 skips characters outside the
// alphabet and ends at the first '=' (browserify's buffer, which Postman
// bundles, behaves the same). Latin-1, ASCII and UTF-16 work on the JS
// string's code units.
func decodeString(s, enc string) []byte {
	switch enc {
	case "latin1", "ascii":
		units := unitsOf(s)
		b := make([]byte, len(units))
		for i, u := range units {
			b[i] = byte(u)
		}
		return b
	case "utf16le":
		units := unitsOf(s)
		b := make([]byte, 2*len(units))
		for i, u := range units {
			b[2*i], b[2*i+1] = byte(u), byte(u>>8)
		}
		return b
	case "hex":
		n := len(s) / 2
		out := make([]byte, 0, n)
		for i := 0; i < n; i++ {
			b, err := hex.DecodeString(s[2*i : 2*i+2])
			if err != nil {
				break
			}
			out = append(out, b[0])
		}
		return out
	case "base64", "base64url":
		if i := strings.IndexByte(s, '='); i >= 0 {
			s = s[:i]
		}
		var sb strings.Builder
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
				sb.WriteByte(c)
			case c == '-':
				sb.WriteByte('+')
			case c == '_':
				sb.WriteByte('/')
			}
		}
		clean := sb.String()
		if len(clean)%4 == 1 {
			clean = clean[:len(clean)-1]
		}
		out, _ := base64.RawStdEncoding.DecodeString(clean)
		return out
	}
	return []byte(s)
}

// encodeString renders b as Buffer#toString(enc) does.
func encodeString(b []byte, enc string) string {
	switch enc {
	case "hex":
		return hex.EncodeToString(b)
	case "base64":
		return base64.StdEncoding.EncodeToString(b)
	case "base64url":
		return base64.RawURLEncoding.EncodeToString(b)
	case "latin1":
		return latin1String(b)
	case "ascii":
		a := make([]byte, len(b))
		for i, c := range b {
			a[i] = c & 0x7f
		}
		return string(a)
	case "utf16le":
		return string(utf16.Decode(utf16Units(b)))
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// utf16Units reads b as little-endian UTF-16 code units, dropping an odd
// last byte as Node does.
func utf16Units(b []byte) []uint16 {
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return units
}

// bytesOf returns the bytes of a Uint8Array (or Buffer) argument.
func bytesOf(rt *goja.Runtime, v goja.Value) []byte {
	var b []byte
	if err := rt.ExportTo(v, &b); err != nil {
		panic(rt.NewTypeError("argument must be a Buffer or Uint8Array"))
	}
	return b
}

// bufferNatives are the byte codecs behind js/buffer.js.
func bufferNatives(st *runtimeState) *goja.Object {
	rt := st.rt
	o := rt.NewObject()
	_ = o.Set("norm", func(call goja.FunctionCall) goja.Value {
		if goja.IsUndefined(call.Argument(0)) || goja.IsNull(call.Argument(0)) {
			return rt.ToValue("utf8")
		}
		return rt.ToValue(normEncoding(call.Argument(0).String()))
	})
	_ = o.Set("decode", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(rt.NewArrayBuffer(decodeValue(call.Argument(0), call.Argument(1).String())))
	})
	_ = o.Set("encode", func(call goja.FunctionCall) goja.Value {
		b, enc := bytesOf(rt, call.Argument(0)), call.Argument(1).String()
		if enc == "utf16le" {
			// Built from the code units themselves: a Go string would turn
			// a lone surrogate into U+FFFD, where Node keeps it (and
			// string_decoder relies on holding a high surrogate back).
			return rt.ToValue(goja.StringFromUTF16(utf16Units(b)))
		}
		return rt.ToValue(encodeString(b, enc))
	})
	return o
}
