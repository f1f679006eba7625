package runner

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"net/http"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"
)

// Compressed responses are decoded as Node's zlib (and so Newman) decodes
// them: zlib-wrapped deflate (what servers send for "deflate"), raw
// deflate as a fallback, brotli ("br", in any case), no decoding of an
// empty body (HEAD, 204), and a body that does not decode fails the
// request instead of arriving empty, with Node's message (Newman 6.2.2:
// "Decompression failed" for any corrupt brotli body).
func TestCompressedResponses(t *testing.T) {
	t.Parallel()
	compress := func(raw bool, s string) []byte {
		var b bytes.Buffer
		if raw {
			w, _ := flate.NewWriter(&b, flate.DefaultCompression)
			w.Write([]byte(s))
			w.Close()
		} else {
			w := zlib.NewWriter(&b)
			w.Write([]byte(s))
			w.Close()
		}
		return b.Bytes()
	}
	serve := func(encoding string, status int, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", encoding)
			w.WriteHeader(status)
			w.Write(body)
		}
	}
	brotliOf := func(s string) []byte {
		var b bytes.Buffer
		w := brotli.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	rec := newRecorder(t, map[string]http.HandlerFunc{
		"/br":      serve("br", 200, brotliOf(`{"ok":true}`)),
		"/upperbr": serve("BR", 200, brotliOf("upper")),
		"/badbr":   serve("br", 200, []byte("not brotli at all")),
		"/emptybr": serve("br", 204, nil),
		"/zlib":    serve("deflate", 200, compress(false, "zlib body")),
		"/raw":     serve("deflate", 200, compress(true, "raw body")),
		"/badgzip": serve("gzip", 200, []byte("not gzip at all")),
		"/empty":   serve("deflate", 204, nil),
		"/head":    serve("gzip", 200, nil),
	})
	c := parse(t, collection(rec.srv.URL, `
		{"name":"br","request":"{{base}}/br"},
		{"name":"upperbr","request":"{{base}}/upperbr"},
		{"name":"badbr","request":"{{base}}/badbr"},
		{"name":"emptybr","request":"{{base}}/emptybr"},
		{"name":"zlib","request":"{{base}}/zlib"},
		{"name":"raw","request":"{{base}}/raw"},
		{"name":"badgzip","request":"{{base}}/badgzip"},
		{"name":"empty","request":"{{base}}/empty"},
		{"name":"head","request":{"method":"HEAD","url":"{{base}}/head"}}`))
	ev, _ := run(t, c, Options{})
	var got []string
	for _, r := range ev.requests() {
		if r.Error != "" {
			got = append(got, r.Item.Name+" error "+r.Error)
			continue
		}
		got = append(got, r.Item.Name+" "+http.StatusText(r.Resp.Code)+" "+string(r.Resp.Body))
	}
	want := []string{
		`br OK {"ok":true}`,
		"upperbr OK upper",
		"badbr error Decompression failed",
		"emptybr No Content ",
		"zlib OK zlib body",
		"raw OK raw body",
		"badgzip error incorrect header check",
		"empty No Content ",
		"head OK ",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
