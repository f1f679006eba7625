package auth

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRedactorString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		secrets []string
		in      string
		want    string
	}{
		{"none registered", nil, "hello", "hello"},
		{"simple", []string{"hunter2"}, "pw=hunter2!", "pw=********!"},
		{"every occurrence", []string{"s3"}, "s3 and s3", "******** and ********"},
		{"overlapping secrets merge", []string{"abc", "bcdef"}, "xabcdefy", "x********y"},
		{"adjacent occurrences merge", []string{"ab"}, "ababx", "********x"},
		{"overlapping occurrences", []string{"aa"}, "aaa-", "********-"},
		{"JSON-escaped form", []string{`p"w\x`}, `{"password":"p\"w\\x"}`, `{"password":"********"}`},
		{"JSON HTML-escaped form", []string{"a<b>&c"}, `{"p":"a\u003cb\u003e\u0026c"}`, `{"p":"********"}`},
		{"XML-escaped form", []string{`a<"b'&`}, `<c password="a&lt;&#34;b&#39;&amp;"/>`, `<c password="********"/>`},
		{"XML named entities", []string{`a"b`}, `password="a&quot;b"`, `password="********"`},
		{"URL query form", []string{"a b&c"}, "https://x/?p=a+b%26c", "https://x/?p=********"},
		{"URL path form", []string{"a b"}, "https://x/a%20b/", "https://x/********/"},
		// As colrun sends a form-urlencoded body, and as a script's
		// encodeURIComponent writes it.
		{"form-urlencoded body", []string{"a b+c!é"}, "p=a%20b%2Bc%21%C3%A9&q=1", "p=********&q=1"},
		{"encodeURIComponent", []string{"a b+c!é"}, "p=a%20b%2Bc!%C3%A9&q=1", "p=********&q=1"},
		{"query as sent", []string{`a b+c'"é`}, "?p=a%20b+c%27%22%C3%A9&q=1", "?p=********&q=1"},
		{"empty secret ignored", []string{""}, "text", "text"},
		{"unicode", []string{"clé🔑"}, "la clé🔑 est", "la ******** est"},
		// console.log quotes strings as util.inspect does.
		{"console single-quoted", []string{`it's\x`}, `'pw: it\'s\\x'`, `'pw: ********'`},
		{"console double-quoted", []string{`it's\x`}, `"pw: it's\\x"`, `"pw: ********"`},
		{"console control characters", []string{"a\tb\x01c"}, `'a\tb\x01c'`, `'********'`},
		// Node writes \v and the C1 controls (U+0080-U+009F) as \x0B, \x85.
		{"console vertical tab and C1 control", []string{"a\vb\u0085c"}, `'a\x0Bb\x85c'`, `'********'`},
		// A script's console.log(JSON.stringify(pm.request.body)) of an
		// XML sign-in body: XML, then JSON, then JavaScript quoting.
		{"console of JSON of XML body", []string{`p"w\d`}, `'{"raw":"<c password=\\"p&#34;w\\\\d\\"/>"}'`, `'{"raw":"<c password=\\"********\\"/>"}'`},
		{"JSON of JSON body", []string{`p"w`}, `{"raw":"{\"password\":\"p\\\"w\"}"}`, `{"raw":"{\"password\":\"********\"}"}`},
		// Basic auth with the same password, as colrun sends and prints it.
		{"base64 inside Basic auth", []string{"hunter2-secret"}, "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte("admin:hunter2-secret")), "Authorization: Basic YWRtaW46********Q="},
		{"base64 at each alignment", []string{"hunter2-secret"}, base64.StdEncoding.EncodeToString([]byte("a:hunter2-secret")), "YTp********A=="},
		{"base64 URL alphabet", []string{"??>>??>>"}, base64.RawURLEncoding.EncodeToString([]byte("??>>??>>")), "********4"},
		// chai cuts long values: expected 'xxxxhunter2-s…' to equal 1.
		{"start of a secret before an ellipsis", []string{"hunter2-secret"}, "expected 'xxxhunter2-s…' to equal 1", "expected 'xxx********…' to equal 1"},
		{"three bytes before an ellipsis", []string{"hunter2-secret"}, "'xxhun…'", "'xx********…'"},
		{"two bytes before an ellipsis stay", []string{"hunter2-secret"}, "'xxhu…'", "'xxhu…'"},
		{"encoded start before an ellipsis", []string{`a"bcdef`}, `{"p":"a\"bc…`, `{"p":"********…`},
		{"ellipsis without a secret", []string{"hunter2-secret"}, "and so on…", "and so on…"},
		// The mock's user admin has the password admin-password.
		{"the end of a text is no cut", []string{"admin-password"}, "/users?filter=name:eq:admin", "/users?filter=name:eq:admin"},
		// A server quoting the XML sign-in body in its own XML error.
		{"XML-escaped twice", []string{`a'b<c`}, "<detail>password=&quot;a&amp;#39;b&amp;lt;c&quot;</detail>", "<detail>password=&quot;********&quot;</detail>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := NewRedactor(tc.secrets...)
			if got := r.String(tc.in); got != tc.want {
				t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got := string(r.Bytes([]byte(tc.in))); got != tc.want {
				t.Errorf("Bytes(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	var zero Redactor
	if zero.String("x") != "x" {
		t.Error("zero Redactor changed its input")
	}
	var nilR *Redactor
	if nilR.String("x") != "x" {
		t.Error("nil Redactor changed its input")
	}
}

// TestRedactorWriterSplits writes every input split at every pair of
// points and byte by byte: the output must always be what String makes of
// the whole.
func TestRedactorWriterSplits(t *testing.T) {
	t.Parallel()
	r := NewRedactor("hunter2", "secret-token-value", "ab")
	inputs := []string{
		"",
		"no secret here\nat all",
		"pw=hunter2\ntoken: secret-token-value\n",
		"hunter2hunter2 abab secret-token-valuehunter2",
		"ends with a partial secret-token-val",
		"xxsecret-token-valu\nesecret-token-value",
		"cut: secret-tok… and hunt…\n",
		"secret-token-…",
	}
	for _, in := range inputs {
		want := r.String(in)
		var chunkings [][]string
		for i := 0; i <= len(in); i++ {
			for j := i; j <= len(in); j++ {
				chunkings = append(chunkings, []string{in[:i], in[i:j], in[j:]})
			}
		}
		var bytewise []string
		for i := range len(in) {
			bytewise = append(bytewise, in[i:i+1])
		}
		chunkings = append(chunkings, bytewise)
		for _, chunks := range chunkings {
			var out bytes.Buffer
			w := r.Writer(&out)
			for _, c := range chunks {
				if n, err := w.Write([]byte(c)); n != len(c) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Fatalf("chunks %q gave %q, want %q", chunks, out.String(), want)
			}
		}
	}
}

func TestRedactorWriterFlushesLines(t *testing.T) {
	t.Parallel()
	r := NewRedactor("a-rather-long-secret-value")
	var out bytes.Buffer
	w := r.Writer(&out)
	fmt.Fprintf(w, "first line\nsecond ")
	if out.String() != "first line\n" {
		t.Errorf("after a newline the line should be out, got %q", out.String())
	}
	fmt.Fprintf(w, "a-rather-long-secret-value\n")
	if out.String() != "first line\nsecond ********\n" {
		t.Errorf("got %q", out.String())
	}
	w.Close()
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("Write after Close succeeded")
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// A secret added after a Writer was made is masked in what follows.
func TestRedactorAddLater(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	var out bytes.Buffer
	w := r.Writer(&out)
	fmt.Fprintln(w, "before tok-123")
	r.Add("tok-123")
	fmt.Fprintln(w, "after tok-123")
	w.Close()
	if want := "before tok-123\nafter ********\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRedactorWriterError(t *testing.T) {
	t.Parallel()
	w := NewRedactor("s").Writer(failingWriter{})
	if _, err := w.Write([]byte("line\n")); err == nil {
		t.Fatal("want the underlying error")
	}
	if _, err := w.Write([]byte("more")); err == nil {
		t.Error("want the error to stick")
	}
}

func TestRedactorConcurrent(t *testing.T) {
	t.Parallel()
	r := NewRedactor("base-secret")
	var out bytes.Buffer
	var mu sync.Mutex
	w := r.Writer(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return out.Write(p)
	}))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tok := fmt.Sprintf("token-%d-value", i)
			r.Add(tok)
			for range 50 {
				if s := r.String("x " + tok + " base-secret"); s != "x ******** ********" {
					t.Errorf("String = %q", s)
				}
				fmt.Fprintf(w, "line %s base-secret\n", tok)
			}
		}()
	}
	wg.Wait()
	w.Close()
	if strings.Contains(out.String(), "token-") || strings.Contains(out.String(), "base-secret") {
		t.Error("a secret got through")
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestRedactorEncodedReports feeds a report the way reporters write it: a
// JSON document holding a request body and URL with the secret inside.
func TestRedactorEncodedReports(t *testing.T) {
	t.Parallel()
	c := testCredentials()
	r := NewRedactor(c.Secrets()...)
	for _, m := range Methods() {
		for _, f := range Formats() {
			body, _, err := SigninBody(m, f, c, "jwt.jwt.jwt")
			if err != nil {
				t.Fatal(err)
			}
			report, _ := json.Marshal(map[string]string{
				"body": string(body),
				"url":  "https://x/?p=" + url.QueryEscape(testPassword),
			})
			var out bytes.Buffer
			w := r.Writer(&out)
			w.Write(report)
			w.Close()
			assertNoSecret(t, "report", out.String())
			// Decoding the masked report must not reveal them either.
			var back map[string]string
			if err := json.Unmarshal(out.Bytes(), &back); err != nil {
				t.Fatalf("masked report is not JSON any more: %v\n%s", err, out.String())
			}
			for _, v := range back {
				assertNoSecret(t, "decoded report", v)
			}
		}
	}
}

func TestRedactorExcept(t *testing.T) {
	t.Parallel()
	r := NewRedactor(testPassword, "session-token")
	keep := r.Except("session-token")
	got := keep.String(`{"api-key":"session-token","pw":"` + testPassword + `"}`)
	if !strings.Contains(got, "session-token") || strings.Contains(got, testPassword) {
		t.Errorf("Except: %s", got)
	}
	if r.String("session-token") != Mask {
		t.Error("Except changed the original")
	}
	if (&Redactor{}).Except("x").String("x") != "x" {
		t.Error("Except of an empty Redactor")
	}
}

// A JWT a collection's script mints from the connected app's secret is a
// bearer credential like colrun's own, and is masked by its signature.
func TestRedactorSigningKey(t *testing.T) {
	t.Parallel()
	const key = "made-up-app-secret-value"
	c := testCredentials()
	c.SecretValue = key
	now := time.Now()
	mine, err := MintJWT(c, now)
	if err != nil {
		t.Fatal(err)
	}
	c.SecretValue = "another-made-up-secret"
	other, err := MintJWT(c, now)
	if err != nil {
		t.Fatal(err)
	}
	tampered := mine[:strings.LastIndexByte(mine, '.')] + "." + base64.RawURLEncoding.EncodeToString(make([]byte, 32))
	r := NewRedactor()
	r.AddSigningKey(key)
	tests := []struct{ name, in, want string }{
		{"signed with the key", "jwt=" + mine + "&x", "jwt=********&x"},
		{"in a console line", `'jwt', '` + mine + `'`, `'jwt', '********'`},
		{"signed with another key", "jwt=" + other, "jwt=" + other},
		{"a bad signature", tampered, tampered},
		{"the key itself", "k=" + key, "k=********"},
	}
	for _, tc := range tests {
		if got := r.String(tc.in); got != tc.want {
			t.Errorf("%s: String = %q, want %q", tc.name, got, tc.want)
		}
		// Written a few bytes at a time, as a terminal stream is.
		var out bytes.Buffer
		w := r.Writer(&out)
		for i := 0; i < len(tc.in); i += 7 {
			w.Write([]byte(tc.in[i:min(i+7, len(tc.in))]))
		}
		w.Close()
		if out.String() != tc.want {
			t.Errorf("%s: Writer wrote %q, want %q", tc.name, out.String(), tc.want)
		}
	}
	if r.Except("x").String(mine) != Mask {
		t.Error("Except dropped the signing key")
	}
}
