package runner

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"
)

// TestMislabelledAndCorruptBodies serves bodies whose Content-Encoding
// does not fit them and checks what Newman 6.2.2 showed for each: the
// body a test script saw, or the request's error with Node's message,
// code and errno (as its JSON report and a pm.sendRequest callback show
// them). colrun tried zlib and then raw deflate where postman-request
// picks one by the first byte, worded checksum and header errors as Go
// does ("invalid compressed data: gzip: invalid checksum"), failed a
// brotli body with bytes after its end, called a cut one "Decompression
// failed", accepted two stray bytes after a gzip member, decoded
// x-gzip and a doubled gzip label (postman-request decodes neither), and
// gave no code.
func TestMislabelledAndCorruptBodies(t *testing.T) {
	t.Parallel()
	zlibOf := func(s string) []byte {
		return compressed(func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) }, s)
	}
	gzipOf := func(s string) []byte {
		return compressed(func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) }, s)
	}
	brotliOf := func(s string) []byte {
		return compressed(func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) }, s)
	}
	flip := func(b []byte, i int) []byte {
		b = bytes.Clone(b)
		b[(i+len(b))%len(b)] ^= 1
		return b
	}
	cat := func(bs ...[]byte) []byte { return bytes.Join(bs, nil) }
	tests := []struct {
		name, encoding string
		body           []byte
		want           string
	}{
		{"plain text as zlib", "deflate", []byte("hello"), "error incorrect header check Z_DATA_ERROR -3"},
		{"zlib with a bad checksum", "deflate", flip(zlibOf("hello zlib"), -1), "error incorrect data check Z_DATA_ERROR -3"},
		{"OK as raw deflate", "deflate", []byte("OK"), "error invalid block type Z_DATA_ERROR -3"},
		{"text as a stored block", "deflate", []byte("plain text"), "error invalid stored block lengths Z_DATA_ERROR -3"},
		{"XML as a dynamic block", "deflate", []byte(`<?xml version="1.0"?>`), "error too many length or distance symbols Z_DATA_ERROR -3"},
		{"JSON that inflates", "deflate", []byte(`{"a":1}`), "body \xe4\x184\x15\x91g"},
		{"HTML as a dynamic block", "deflate", []byte("<html>"), "error invalid code lengths set Z_DATA_ERROR -3"},
		{"a doctype as a dynamic block", "deflate", []byte("<!DOCTYPE html>"), "error invalid code lengths set Z_DATA_ERROR -3"},
		{"a word as a dynamic block", "deflate", []byte("error"), "error invalid code lengths set Z_DATA_ERROR -3"},
		{"JSON as a fixed block", "deflate", []byte(`{"id":5,"name":"x"}`), "error invalid distance too far back Z_DATA_ERROR -3"},
		{"a JSON list as a fixed block", "deflate", []byte("[1,2]"), "error invalid distance too far back Z_DATA_ERROR -3"},
		{"true as a fixed block", "deflate", []byte("true"), "body "},
		{"{} as a fixed block", "deflate", []byte("{}"), "body \xeb"},
		{"zlib with a preset dictionary", "deflate", []byte("\x78\xbb\x00\x00\x00\x01\x01"), "error Missing dictionary Z_NEED_DICT 2"},
		{"gzip with a bad checksum", "gzip", flip(gzipOf("hello gzip"), -5), "error incorrect data check Z_DATA_ERROR -3"},
		{"gzip and two stray bytes", "gzip", cat(gzipOf("hello gz"), []byte("xx")), "error incorrect header check Z_DATA_ERROR -3"},
		{"gzip and zero bytes", "gzip", cat(gzipOf("hello gz"), make([]byte, 12)), "body hello gz"},
		{"two gzip members", "gzip", cat(gzipOf("a"), gzipOf("b")), "body ab"},
		{"one byte as gzip", "gzip", []byte("x"), "body "},
		{"gzip of another method", "gzip", cat([]byte("\x1f\x8b\x07\x00"), make([]byte, 9)), "error unknown compression method Z_DATA_ERROR -3"},
		{"cut brotli", "br", brotliOf("hello brotli hello brotli")[:10], "error unexpected end of file Z_BUF_ERROR -5"},
		{"brotli and two stray bytes", "br", cat(brotliOf("hello brotli"), []byte("xx")), "body hello brotli"},
		{"HTML as brotli", "br", []byte("<html>"), "error Decompression failed ERR__ERROR_FORMAT_RESERVED -2"},
		{"gzip labelled x-gzip", "x-gzip", gzipOf("x"), "body " + string(gzipOf("x"))},
		{"gzip labelled gzip twice", "gzip\ngzip", gzipOf("x"), "body " + string(gzipOf("x"))},
	}
	routes := map[string]http.HandlerFunc{}
	items := ""
	for i, tc := range tests {
		path := "/" + strconv.Itoa(i)
		routes[path] = func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Encoding"] = strings.Split(tc.encoding, "\n")
			w.Write(tc.body)
		}
		if i > 0 {
			items += ","
		}
		items += `{"name":"` + tc.name + `","request":"{{base}}` + path + `"}`
	}
	rec := newRecorder(t, routes)
	ev, _ := run(t, parse(t, collection(rec.srv.URL, items)), Options{})
	got := map[string]string{}
	for _, r := range ev.requests() {
		switch {
		case r.Error != "" && r.ErrorFields != nil:
			got[r.Item.Name] = "error " + r.Error + " " + r.ErrorFields.Code + " " + strconv.Itoa(r.ErrorFields.Errno)
		case r.Error != "":
			got[r.Item.Name] = "error " + r.Error
		default:
			got[r.Item.Name] = "body " + string(r.Resp.Body)
		}
	}
	want := map[string]string{}
	for _, tc := range tests {
		want[tc.name] = tc.want
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-Newman +colrun):\n%s", d)
	}
}

// compressed is s written through the writer newWriter makes.
func compressed(newWriter func(io.Writer) io.WriteCloser, s string) []byte {
	var b bytes.Buffer
	w := newWriter(&b)
	io.WriteString(w, s)
	w.Close()
	return b.Bytes()
}
