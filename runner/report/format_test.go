package report

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The expected values come from Newman 6.2.2's own helpers (filesize
// 10.1.4, pretty-ms 7.0.1, lodash), run under node.
func TestFormatSize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0B"}, {1, "1B"}, {999, "999B"}, {1000, "1kB"}, {1023, "1.02kB"}, {1024, "1.02kB"},
		{1500, "1.5kB"}, {5139, "5.14kB"}, {10456, "10.46kB"}, {999999, "1MB"}, {1000000, "1MB"},
		{1234567, "1.23MB"}, {2048, "2.05kB"}, {5000, "5kB"},
	} {
		if got := FormatSize(tc.n); got != tc.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		ms   float64
		want string
	}{
		{0, "0µs"}, {0.35, "350µs"}, {0.9999, "999µs"}, {1, "1ms"}, {45.9, "45ms"}, {1997.9, "1997ms"},
		{1998, "1.9s"}, {2000, "2s"}, {2500, "2.5s"}, {59999, "59.9s"}, {60000, "1m"}, {65000, "1m 5s"},
		{3600000, "1h"}, {3725000, "1h 2m 5s"}, {172800000, "2d"},
	} {
		if got := FormatDuration(time.Duration(tc.ms * float64(time.Millisecond))); got != tc.want {
			t.Errorf("FormatDuration(%vms) = %q, want %q", tc.ms, got, tc.want)
		}
	}
}

func TestClassName(t *testing.T) {
	t.Parallel()
	for _, tc := range [][2]string{
		{"Health", "Health"},
		{"Users / Get user", "UsersGetUser"},
		{"Users / Admin / List roles", "UsersAdminListRoles"},
		{"Sign In with PAT (XML)", "SignInWithPatXml"},
		{"XMLHttpRequest test", "XmlHttpRequestTest"},
		{"get-site_by ID 2", "GetSiteById2"},
		{"Créer un site", "CreerUnSite"},
		{"iPhone 15 Pro", "IPhone15Pro"},
		{"über / straße", "UberStrasse"},
		{"ABC", "Abc"},
		{"snake_case_name", "SnakeCaseName"},
		{"1st step", "1stStep"},
		// lodash keeps capital ordinals whole too.
		{"2nd 3RD 4th", "2nd3rd4th"},
		{"1ST step", "1stStep"},
		{"1STep", "1stEp"},
		{"4TH_x", "4thX"},
		{"3RDX", "3Rdx"},
		{"2ND2", "2Nd2"},
		{"1St", "1St"},
		{"11TH", "11Th"},
		{"12TH floor", "12ThFloor"},
		// lodash 4.17's values: Latin Extended-A letters are deburred,
		// apostrophes dropped after deburring, and upperFirst applies
		// after \W drops other letters.
		{"Łódź / Žluťoučký kůň", "LodzZlutouckyKun"},
		{"İstanbul şehir", "IstanbulSehir"},
		{"ĳssel", "Ijssel"},
		{"ŉ abc", "NAbc"},
		{"Ωmega ΔDelta", "MegaDelta"},
		{"ǅemal", "Emal"},
		{"日本語テスト", ""},
		{"C++ & C#", "CC"},
		{"it's John's", "ItsJohns"},
	} {
		if got := className(tc[0]); got != tc[1] {
			t.Errorf("className(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}

func TestChunk(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text  string
		width int
		want  []string
	}{
		{"", 5, []string{""}},
		{"abc", 5, []string{"abc"}},
		{"abcdefgh", 3, []string{"abc", "def", "gh"}},
		{"a\n\nb\r\n", 3, []string{"a", "b"}},
		{"µµµµ", 3, []string{"µµµ", "µ"}},
		// word-wrap counts JavaScript characters, an emoji two, and ends a
		// line at \r, U+2028 and U+2029 too; an emoji cut in two prints
		// as two U+FFFD, as Newman 6.2.2 prints it.
		{"😀😀😀", 4, []string{"😀😀", "😀"}},
		{"a😀😀😀", 4, []string{"a😀\ufffd", "\ufffd😀"}},
		{"😀", 1, []string{"\ufffd", "\ufffd"}},
		{"a\rb\u2028c\u2029\u2029d", 5, []string{"a", "b", "c", "d"}},
	} {
		if diff := cmp.Diff(tc.want, chunk(tc.text, tc.width)); diff != "" {
			t.Errorf("chunk(%q, %d) (-want +got):\n%s", tc.text, tc.width, diff)
		}
	}
}

func TestWordWrap(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text  string
		width int
		want  []string
	}{
		{"expected 'Ada' to deeply equal 'Grace'", 16, []string{"expected 'Ada'", "to deeply equal", "'Grace'"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"", 4, []string{""}},
	} {
		if diff := cmp.Diff(tc.want, wordWrap(tc.text, tc.width)); diff != "" {
			t.Errorf("wordWrap(%q, %d) (-want +got):\n%s", tc.text, tc.width, diff)
		}
	}
}

func TestReason(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		code   int
		status string
		want   string
	}{
		{200, "200 OK", "OK"}, {200, "OK", "OK"}, {999, "", ""}, {418, "418 Short and stout", "Short and stout"}, {200, " Sp  aced ", " Sp  aced "},
	} {
		if got := reason(tc.code, tc.status); got != tc.want {
			t.Errorf("reason(%d, %q) = %q, want %q", tc.code, tc.status, got, tc.want)
		}
	}
}

func TestXMLText(t *testing.T) {
	t.Parallel()
	if got, want := attr("m", "a<b & \"c\" 'd'\n\x01"), ` m="a&lt;b &amp; &quot;c&quot; 'd'&#xA;`+"\uFFFD"+`"`; got != want {
		t.Errorf("attr = %q, want %q", got, want)
	}
	if got, want := cdata("x]]>y\xff"), "<![CDATA[x]]]]><![CDATA[>y\uFFFD]]>"; got != want {
		t.Errorf("cdata = %q, want %q", got, want)
	}
}
