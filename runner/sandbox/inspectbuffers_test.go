package sandbox

import (
	"strings"
	"testing"
)

// console.log shows a Buffer, a typed array and an ArrayBuffer as
// Newman 6.2.2's CLI does (Node's util.inspect after Postman's
// serialisation), where colrun showed the Buffer's toJSON and the typed
// array's indexes as keys.
func TestConsoleShowsBuffersAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"buffer", `console.log(Buffer.from("hi"));`, "<Buffer 68 69>"},
		{"empty buffer", `console.log(Buffer.alloc(0));`, "<Buffer >"},
		{"long buffer", `console.log(Buffer.from("x".repeat(51)));`, "<Buffer" + strings.Repeat(" 78", 50) + " ... 1 more byte>"},
		{"longer buffer", `console.log(Buffer.from("x".repeat(60)));`, "<Buffer" + strings.Repeat(" 78", 50) + " ... 10 more bytes>"},
		{"buffer in an array", `console.log([Buffer.from("a")]);`, "[ <Buffer 61> ]"},
		{"typed arrays", `console.log(new Uint16Array([1, 70000]), new Float32Array([1.5, 2]), new Int8Array(0));`,
			"Uint16Array(2) [ 1, 4464 ] | Float32Array(2) [ 1.5, 2 ] | Int8Array(0) []"},
		{"long typed array", `console.log(new Uint8Array(30));`,
			"Uint8Array(30) [\n  0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0\n]"},
		{"array buffer", `console.log(new ArrayBuffer(3));`, "[ArrayBuffer { byteLength: 3 }]"},
		{"bigint array", `console.log(new BigInt64Array(2));`, "{ '0': 0n, '1': 0n }"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			diff(t, "logs", []string{tc.want}, mustPass(t, run(t, newExec("test"), tc.src)))
		})
	}
}
