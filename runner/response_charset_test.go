package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBodyCharsetReadAsNewmanReadsIt sends one body, bytes past ASCII
// included, under Content-Types naming charsets as servers write them,
// and checks pm.response.text() against what Newman 6.2.2 gave for the
// same bytes: mime-format finds the charset with a pattern ("encoding="
// too, and "ISO_8859-1:1987", which Go's media-type parser refuses, is
// ISO_8859-1), iconv-lite's ISO-8859 tables give 0x80-0x9F their C1
// controls, it knows the DOS code pages, not WHATWG's x-mac-roman or
// x-user-defined (read as UTF-8), writes the bytes out for "base64" and
// "hex", and leaves out a UTF-16 body's odd last byte. colrun read the
// first three as UTF-8, gave U+FFFD for the C1 range, decoded the WHATWG
// labels and added a U+FFFD for the odd byte.
func TestBodyCharsetReadAsNewmanReadsIt(t *testing.T) {
	t.Parallel()
	const body = "caf\xe9 \x80\x81\x8d\x9f\xa4\xc3\xa9\xd0\xb6\xff\xfeA+B"
	tests := []struct {
		contentType, want string
	}{
		{"text/plain; encoding=latin1", "café \u0080\u0081\u008d\u009f¤Ã©Ð¶ÿþA+B"},
		{"text/plain;charset = 'iso-8859-1'", "café \u0080\u0081\u008d\u009f¤Ã©Ð¶ÿþA+B"},
		{"text/plain; charset=iso-8859-1; x=\"unterminated", "café \u0080\u0081\u008d\u009f¤Ã©Ð¶ÿþA+B"},
		{"text/plain; charset=iso-8859-15", "café \u0080\u0081\u008d\u009f€Ã©Ð¶ÿþA+B"},
		{"text/plain; charset=iso-8859-2", "café \u0080\u0081\u008d\u009f¤ĂŠĐś˙ţA+B"},
		{"text/plain; charset=ISO_8859-1:1987", "café \u0080\u0081\u008d\u009f¤Ã©Ð¶ÿþA+B"},
		{"text/plain; charset=cp437", "cafΘ Çüìƒñ├⌐╨╢\u00a0■A+B"},
		{"text/plain; charset=cp850", "cafÚ Çüìƒñ├®ðÂ\u00a0■A+B"},
		{"text/plain; charset=x-mac-roman", "caf\ufffd \ufffd\ufffd\ufffd\ufffd\ufffdéж\ufffd\ufffdA+B"},
		{"text/plain; charset=x-user-defined", "caf\ufffd \ufffd\ufffd\ufffd\ufffd\ufffdéж\ufffd\ufffdA+B"},
		{"text/plain; charset=ucs-2", "慣耠趁꒟꧃뛐\ufeff⭁"},
		{"text/plain; charset=utf-16", "慣耠趁꒟꧃뛐\ufeff⭁"},
		{"text/plain; charset=base64", "Y2Fm6SCAgY2fpMOp0Lb//kErQg=="},
		{"text/plain; charset=hex", "636166e92080818d9fa4c3a9d0b6fffe412b42"},
		// WHATWG's labels map ISO-8859-9 and ISO-8859-11 to windows-1254
		// and windows-874; iconv-lite decodes them as the ISO tables, 0x80-
		// 0x9F C1 controls (colrun gave the Windows pages' €, Ÿ and
		// U+FFFD). The windows-* labels keep their pages.
		{"text/plain; charset=iso-8859-9", "caf\u00e9 \u0080\u0081\u008d\u009f\u00a4\u00c3\u00a9\u011e\u00b6\u00ff\u015fA+B"},
		{"text/html; charset=latin5", "caf\u00e9 \u0080\u0081\u008d\u009f\u00a4\u00c3\u00a9\u011e\u00b6\u00ff\u015fA+B"},
		{"text/plain; charset=ISO-IR-148", "caf\u00e9 \u0080\u0081\u008d\u009f\u00a4\u00c3\u00a9\u011e\u00b6\u00ff\u015fA+B"},
		{"text/plain; charset=iso-8859-11", "caf\u0e49 \u0080\u0081\u008d\u009f\u0e04\u0e23\u0e09\u0e30\u0e16\ufffd\ufffdA+B"},
		{"text/plain; charset=windows-1254", "caf\u00e9 \u20ac\ufffd\ufffd\u0178\u00a4\u00c3\u00a9\u011e\u00b6\u00ff\u015fA+B"},
		{"text/plain; charset=windows-874", "caf\u0e49 \u20ac\ufffd\ufffd\ufffd\u0e04\u0e23\u0e09\u0e30\u0e16\ufffd\ufffdA+B"},
	}
	for _, tc := range tests {
		t.Run(tc.contentType, func(t *testing.T) {
			t.Parallel()
			base := rawServer(t, "HTTP/1.1 200 OK\r\nContent-Type: "+tc.contentType+"\r\nContent-Length: 19\r\n\r\n"+body)
			c := parse(t, collection(base, `{"name":"r","request":"{{base}}/x","event":[{"listen":"test","script":{"exec":[
				"pm.test(pm.response.text(), () => {});"]}}]}`))
			ev, _ := runScripted(t, c, Options{})
			if diff := cmp.Diff([]string{tc.want}, ev.testNames()); diff != "" {
				t.Errorf("text() (-Newman +colrun):\n%s", diff)
			}
		})
	}
}
