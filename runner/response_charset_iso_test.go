package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestISO8859WHATWGMapsToWindows reads bodies in ISO-8859-9 and
// ISO-8859-11, which WHATWG's labels map to windows-1254 and windows-874:
// Newman 6.2.2's iconv-lite decodes them as the ISO tables, 0x80-0x9F
// C1 controls, where colrun gave the Windows pages' €, Ÿ and U+FFFD.
// The windows-* labels themselves keep their pages. Recorded from Newman.
func TestISO8859WHATWGMapsToWindows(t *testing.T) {
	t.Parallel()
	const body = "caf\xe9 \x80\x81\x8d\x9f\xa4\xc3\xa9\xd0\xb6\xff\xfeA+B"
	tests := []struct {
		contentType, want string
	}{
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
