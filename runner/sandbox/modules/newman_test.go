package modules

import (
	"os"
	"testing"
)

// newmanCase is an expression and what Newman 6.2.2's sandbox gives for
// it, as newmanShow renders it.
type newmanCase struct{ expr, newman string }

func runNewmanCases(t *testing.T, tests []newmanCase) {
	t.Helper()
	cases := make([]evalCase, len(tests))
	for i, tc := range tests {
		cases[i] = evalCase{tc.expr, newmanShow(t) + "show(function () { return (" + tc.expr + "); })", tc.newman}
	}
	runEvalCases(t, cases)
}

// TestBufferMatchesNewman checks Buffer against the buffer 6 package
// Newman's sandbox bundles: its read/write methods with their bounds
// checks and messages, indexOf/includes, swaps, and the encodings it
// refuses (base64url).
func TestBufferMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`Buffer.from(undefined)`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type undefined`},
		{`Buffer.from(null)`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`Buffer.from(5)`, `THROW TypeError: The "value" argument must not be of type number. Received type number`},
		{`Buffer.from({})`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`Buffer.from('aGk', 'base64url')`, `THROW TypeError: Unknown encoding: base64url`},
		{`Buffer.from('x', 'bogus')`, `THROW TypeError: Unknown encoding: bogus`},
		{`Buffer.from('hello').indexOf('l')`, `number:2`},
		{`Buffer.from('hello').includes('ll')`, `boolean:true`},
		{`Buffer.from('hello').lastIndexOf('l')`, `number:3`},
		{`Buffer.from([1,2,3,4]).readUInt32LE(0)`, `number:67305985`},
		{`Buffer.from([255,255]).readInt16BE(0)`, `number:-1`},
		{`Buffer.from([1,2]).readUInt16LE(1)`, `THROW RangeError: Trying to access beyond buffer length`},
		{`Buffer.from([0,0,128,63]).readFloatLE(0)`, `number:1`},
		{`(function(){ var b = Buffer.alloc(4); b.writeUInt32BE(0xdeadbeef, 0); return b.toString('hex'); })()`, `string:"deadbeef"`},
		{`(function(){ var b = Buffer.alloc(4); return b.writeInt16LE(-2, 1); })()`, `number:3`},
		{`(function(){ var b = Buffer.alloc(2); b.writeUInt16BE(70000, 0); return b.toString('hex'); })()`, `THROW RangeError: "value" argument is out of bounds`},
		{`Buffer.from([1,2,3]).readUIntBE(0, 3)`, `number:66051`},
		{`Buffer.from('abc').swap16`, `fn`},
		{`Buffer.from('abcd').swap16().toString()`, `string:"badc"`},
		{`Buffer.from('hi').toString('ucs2')`, `string:"楨"`},
		{`Buffer.from('hi').toString('ascii')`, `string:"hi"`},
		{`Buffer.from('hi').toString('binary')`, `string:"hi"`},
		{`Buffer.from('hi').toString('UTF8')`, `string:"hi"`},
		{`Buffer.from('hi').toString(undefined)`, `string:"hi"`},
		{`Buffer.from('hi').toString(null)`, `string:"hi"`},
		{`Buffer.from('hi').toString('')`, `string:"hi"`},
		{`String(Buffer.from([104,105]).buffer.byteLength)`, `string:"2"`},
		{`JSON.stringify(Buffer.from('a'))`, `string:"{\"type\":\"Buffer\",\"data\":[97]}"`},
		{`Buffer.from('hi') + ''`, `string:"hi"`},
		{`Buffer.from('abc').toString('utf8', 1)`, `string:"bc"`},
		{`Buffer.isEncoding('base64url')`, `boolean:false`},
		{`Buffer.isEncoding('latin1')`, `boolean:true`},
		{`Buffer.from('a').readUInt8(5)`, `THROW RangeError: Trying to access beyond buffer length`},
		{`Buffer.poolSize`, `number:8192`},
		{`String(Buffer.from([1,0,0,0,0,0,0,128]).readBigUInt64LE())`, `string:"9223372036854775809"`},
		{`String(Buffer.from([255,255,255,255,255,255,255,255]).readBigInt64BE(0))`, `string:"-1"`},
		{`(function(){ var b = Buffer.alloc(8); b.writeBigUInt64BE(258n); return b.toString('hex'); })()`, `string:"0000000000000102"`},
		{`Buffer.from([1,2,3,4]).readIntLE(0, 3)`, `number:197121`},
		{`Buffer.from([255,2,3,4]).readIntBE(0, 2)`, `number:-254`},
		{`(function(){ var b = Buffer.alloc(3); b.writeIntBE(-300, 0, 3); return b.toString('hex'); })()`, `string:"fffed4"`},
		{`(function(){ var b = Buffer.alloc(3); b.writeUIntLE(0x123456, 0, 3); return b.toString('hex'); })()`, `string:"563412"`},
		{`(function(){ var b = Buffer.alloc(8); b.writeDoubleBE(1.5); return b.toString('hex'); })()`, `string:"3ff8000000000000"`},
		{`(function(){ var b = Buffer.alloc(4); b.writeFloatLE(-2.25, 0); return b.toString('hex'); })()`, `string:"000010c0"`},
		{`Buffer.from('hello world').indexOf('o', 5)`, `number:7`},
		{`Buffer.from('hello world').indexOf(Buffer.from('wor'))`, `number:6`},
		{`Buffer.from('hello world').indexOf(111)`, `number:4`},
		{`Buffer.from('hello world').lastIndexOf('o', -5)`, `number:4`},
		{`Buffer.from('hello').indexOf('')`, `number:-1`},
		{`Buffer.from('abcdef').swap32`, `fn`},
		{`Buffer.from('abc').swap16()`, `THROW RangeError: Buffer size must be a multiple of 16-bits`},
		{`Buffer.from([1]).readInt8(0)`, `number:1`},
		{`Buffer.from([200]).readInt8(0)`, `number:-56`},
		{`Buffer.from([1]).readUInt8(-1)`, `THROW RangeError: Trying to access beyond buffer length`},
		{`Buffer.from([1]).readUInt8(0.5)`, `number:1`},
		{`Buffer.alloc(1).writeUInt8(256, 0)`, `THROW RangeError: "value" argument is out of bounds`},
		{`Buffer.alloc(1).writeUInt8(1, 1)`, `THROW RangeError: Index out of range`},
		{`Buffer.alloc(2).writeInt8(-129)`, `THROW RangeError: "value" argument is out of bounds`},
	})
}

// TestAtobBtoaMatchNewman checks the npm atob and btoa Newman's sandbox
// bundles on what is not a plain string: btoa calls toString (so undefined
// and null throw), atob hands its argument to Buffer.from.
func TestAtobBtoaMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`btoa()`, `THROW TypeError: Cannot read properties of undefined (reading 'toString')`},
		{`btoa(null)`, `THROW TypeError: Cannot read properties of null (reading 'toString')`},
		{`atob()`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type undefined`},
		{`btoa(5)`, `string:"NQ=="`},
		{`btoa(Buffer.from('hi'))`, `string:"aGk="`},
		{`btoa({})`, `string:"W29iamVjdCBPYmplY3Rd"`},
		{`btoa([1,2])`, `string:"MSwy"`},
		{`btoa(true)`, `string:"dHJ1ZQ=="`},
		{`atob(null)`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`atob(5)`, `THROW TypeError: The "value" argument must not be of type number. Received type number`},
		{`atob([1])`, `string:"\u0001"`},
		{`atob(Buffer.from('aGk='))`, `string:"aGk="`},
		{`atob({})`, `THROW TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type object`},
		{`atob('aGk=\n')`, `string:"hi"`},
		{`atob('a')`, `string:""`},
	})
}

// newmanShow returns the show function of ../testdata/newmanshow.js.
func newmanShow(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../testdata/newmanshow.js")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}
