package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// pm.response.text() (and responseBody, and what json() parses) decodes a
// body as postman-collection does under Newman: by the Content-Type's
// charset through iconv-lite, which drops a byte order mark. colrun read
// every body but the Latin-1 family's as UTF-8: a UTF-16 or Shift_JIS
// body came out as garbage and a UTF-8 mark stayed in the text. Expected
// texts are Newman 6.2.2's.
func TestResponseTextDecodesTheCharset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, contentType, body, want string
	}{
		{"utf-8 byte order mark", "application/json", "\xef\xbb\xbf{\"a\":1}", `{"a":1}`},
		{"utf-8 mark with a charset", "text/plain; charset=UTF-8", "\xef\xbb\xbfhi", "hi"},
		{"utf-16 with its mark", "text/plain; charset=utf-16", "\xff\xfeh\x00\xe9\x00", "hé"},
		{"utf-16 big-endian mark", "text/plain; charset=UTF-16", "\xfe\xff\x00h\x00\xe9", "hé"},
		{"utf-16 without a mark", "text/plain; charset=utf-16", "h\x00\xe9\x00", "hé"},
		{"utf-16be without a mark", "text/plain; charset=utf-16be", "\x00h\x00\xe9", "hé"},
		{"shift_jis", "text/plain; charset=Shift_JIS", "\x93\xfa\x96\x7b", "日本"},
		{"euc-jp", "text/plain; charset=EUC-JP", "\xc6\xfc\xcb\xdc", "日本"},
		{"gbk", "text/plain; charset=GBK", "\xd6\xd0\xce\xc4", "中文"},
		{"windows-1251", "text/plain; charset=windows-1251", "\xef\xf0\xe8", "при"},
		{"windows-1252 is not latin-1", "text/plain; charset=windows-1252", "A\x80\x93\x99\xe9", "A€“™é"},
		{"cp1252", "text/plain; charset=cp1252", "\x93q\x94", "“q”"},
		{"iso-8859-1 keeps 0x80-0x9f", "text/plain; charset=ISO_8859-1", "A\x80\x93\xe9", "A\u0080\u0093é"},
		{"us-ascii replaces bytes past 0x7f", "text/plain; charset=us-ascii", "A\x80\xe9", "A\ufffd\ufffd"},
		{"latin-1 keeps the mark's bytes", "text/plain; charset=iso-8859-1", "\xef\xbb\xbfhi", "ï»¿hi"},
		{"unknown charset keeps the mark", "text/plain; charset=bogus", "\xef\xbb\xbfhi", "\ufeffhi"},
		{"each invalid utf-8 sequence replaced", "text/plain", "a\xff\xfeb\xe2\x82", "a\ufffd\ufffdb\ufffd"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, tc := range tests {
			if r.URL.Query().Get("case") == tc.name {
				w.Header().Set("Content-Type", tc.contentType)
				fmt.Fprint(w, tc.body)
				return
			}
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			want, _ := json.Marshal(tc.want)
			script := fmt.Sprintf(`pm.test("text", () => { pm.expect(pm.response.text()).to.equal(%s); pm.expect(responseBody).to.equal(%[1]s); });`, want)
			item, _ := json.Marshal(map[string]any{
				"name":    "r",
				"request": srv.URL + "/?case=" + strings.ReplaceAll(tc.name, " ", "+"),
				"event":   []any{map[string]any{"listen": "test", "script": map[string]any{"exec": []string{script}}}},
			})
			coll := writeFile(t, t.TempDir(), "c.json", `{"info":{"name":"c"},"item":[`+string(item)+`]}`)
			res := colrun(t, nil, "run", coll, "--color", "off")
			if res.code != exitOK {
				t.Errorf("exit %d, want %d:\n%s", res.code, exitOK, res.stdout)
			}
		})
	}
}
