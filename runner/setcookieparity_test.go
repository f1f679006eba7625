package runner

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Set-Cookie lines Go's parser drops (a name that is not a token, a
// value with non-ASCII bytes, quotes or a backslash, no "=") or reads
// otherwise (a quoted value, spaces around it, Max-Age=007, dates in
// other layouts, Domain=.127.0.0.1, a __Secure- cookie without Secure)
// are kept, sent back and shown as Newman 6.2.2 (tough-cookie in loose
// mode) keeps, sends and shows them. The want values are what Newman's
// test script saw (pm.cookies.get of each named cookie), what the server
// got in the next request's Cookie header, the Cookie header Newman's
// pm.request.headers listed, and Newman's --export-cookie-jar. Before,
// colrun dropped every cookie of the first nine cases, took the quotes
// off a value, kept the spaces, the Max-Age=+5 and the __Secure- and
// __Host- cookies, and lost Max-Age=007 and the dates.
func TestSetCookieLinesAsNewmanKeepsThem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		set     []string
		script  []string // pm.cookies.get(name) for each named cookie
		wire    string   // the next request's Cookie header, as bytes
		listed  string   // its Cookie in pm.request.headers
		jarFile []string // the exported jar's cookies
		atRoot  bool     // set from /set rather than /c/set
	}{
		{name: "utf8", set: []string{"u=h\xc3\xa9llo"},
			// Node reads a header one byte a character: scripts see
			// the UTF-8 bytes as two Latin-1 characters.
			script: []string{`u "hÃ©llo"`}, wire: "u=h\xc3\xa9llo", listed: "u=hÃ©llo",
			jarFile: []string{"u=hÃ©llo host-only"}},
		{name: "latin1", set: []string{"l=h\xe9"},
			script: []string{`l "hé"`}, wire: "l=h\xe9", listed: "l=hé",
			jarFile: []string{"l=hé host-only"}},
		{name: "json", set: []string{`j={"a":1,"b":"x"}`},
			script: []string{`j "{\"a\":1,\"b\":\"x\"}"`}, wire: `j={"a":1,"b":"x"}`, listed: `j={"a":1,"b":"x"}`,
			jarFile: []string{`j={"a":1,"b":"x"} host-only`}},
		{name: "backslash and quote", set: []string{`bs=a\b`, `dq=a"b`},
			script: []string{`bs "a\\b"`, `dq "a\"b"`}, wire: `bs=a\b; dq=a"b`, listed: `bs=a\b; dq=a"b`,
			jarFile: []string{`bs=a\b host-only`, `dq=a"b host-only`}},
		{name: "names that are not tokens", set: []string{"my name=v", "a(b)=1", "a@b=2", "{x}=4"},
			script: []string{`my name "v"`, `a(b) "1"`, `a@b "2"`, `{x} "4"`},
			wire:   "my name=v; a(b)=1; a@b=2; {x}=4", listed: "my name=v; a(b)=1; a@b=2; {x}=4",
			jarFile: []string{"my name=v host-only", "a(b)=1 host-only", "a@b=2 host-only", "{x}=4 host-only"}},
		{name: "no name", set: []string{"foo; Path=/c/read", "=bar; Path=/c", "==x=y; Path=/"},
			// tough-cookie's cookie without a key, sent as its value;
			// one path holds one of them.
			wire: "foo; bar; =x=y", listed: "foo; bar; =x=y",
			jarFile: []string{"=foo host-only", "=bar host-only", "==x=y host-only"}},
		{name: "quoted", set: []string{`q="quoted"`, `q2="a;b"`},
			script: []string{`q "\"quoted\""`, `q2 "\"a"`}, wire: `q="quoted"; q2="a`, listed: `q="quoted"; q2="a`,
			jarFile: []string{`q="quoted" host-only`, `q2="a host-only ext [b"]`}},
		{name: "utf8 quoted", set: []string{"vq=\"h\xc3\xa9\""},
			script: []string{`vq "\"hÃ©\""`}, wire: "vq=\"h\xc3\xa9\"", listed: `vq="hÃ©"`,
			jarFile: []string{`vq="hÃ©" host-only`}},
		{name: "dot before an IP address", set: []string{"d1=1; Domain=127.0.0.1", "d2=1; Domain=.127.0.0.1", "d3=1; Domain=example.com"},
			script: []string{`d1 "1"`, `d2 "1"`}, wire: "d1=1; d2=1", listed: "d1=1; d2=1",
			jarFile: []string{"d1=1", "d2=1"}},
		{name: "spaces", set: []string{"  sp  =  v  ", "s=hello world"},
			script: []string{`sp "v"`, `s "hello world"`}, wire: "sp=v; s=hello world", listed: "sp=v; s=hello world",
			jarFile: []string{"sp=v host-only", "s=hello world host-only"}},
		{name: "max-age", set: []string{"m7=1; Max-Age=007", "mp=1; Max-Age=+5", "bm=1; Max-Age=abc"},
			script: []string{`m7 "1"`, `mp "1"`, `bm "1"`}, wire: "m7=1; mp=1; bm=1", listed: "m7=1; mp=1; bm=1",
			jarFile: []string{"m7=1 host-only max-age 7", "mp=1 host-only", "bm=1 host-only"}},
		{name: "expires", set: []string{"oe=1; Expires=21 Oct 2037 07:28:00", "oe2=1; Expires=Wed, 21-Oct-37 07:28:00 GMT",
			"oe3=1; Expires=Feb 31 2037 10:00:00x", "be=1; Expires=garbage", "pe=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT"},
			script: []string{`oe "1"`, `oe2 "1"`, `oe3 "1"`, `be "1"`}, wire: "oe=1; oe2=1; oe3=1; be=1", listed: "oe=1; oe2=1; oe3=1; be=1",
			jarFile: []string{"oe=1 host-only expires 2037-10-21T07:28:00Z", "oe2=1 host-only expires 2037-10-21T07:28:00Z",
				"oe3=1 host-only expires 2037-03-03T10:00:00Z", "be=1 host-only"}},
		{name: "prefixes", set: []string{"__Secure-a=1", "__Host-b=1; Path=/", "__Secure-ok=1; Secure", "__Host-ok=1; Secure; Path=/"},
			// Secure ones are kept, and sent to a loopback address.
			script: []string{`__Secure-ok "1"`, `__Host-ok "1"`}, wire: "__Secure-ok=1; __Host-ok=1", listed: "__Secure-ok=1; __Host-ok=1",
			jarFile: []string{"__Secure-ok=1 host-only", "__Host-ok=1 host-only"}},
		{name: "host prefix at the root", set: []string{"__Host-r=1; Secure", "__Host-s=1; Secure; Path=/x; Path=relative"}, atRoot: true,
			// Without a Path, the default path of a request to /set is /.
			script: []string{`__Host-r "1"`, `__Host-s "1"`}, wire: "__Host-r=1; __Host-s=1", listed: "__Host-r=1; __Host-s=1",
			jarFile: []string{"__Host-r=1 host-only", "__Host-s=1 host-only"}},
		{name: "control characters", set: []string{"tab=a\tb", "ok=1; Foo=bar; Baz"},
			script: []string{`ok "1"`}, wire: "ok=1", listed: "ok=1",
			jarFile: []string{"ok=1 host-only ext [Foo=bar Baz]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			setCookies := func(w http.ResponseWriter, r *http.Request) { w.Header()["Set-Cookie"] = tt.set }
			rec := newRecorder(t, map[string]http.HandlerFunc{"/c/set": setCookies, "/set": setCookies})
			setPath := "/c/set"
			if tt.atRoot {
				setPath = "/set"
			}
			c := parse(t, collection(rec.srv.URL, `{"name":"set","request":{"method":"GET","url":"{{base}}`+setPath+`"}},
				{"name":"read","request":{"method":"GET","url":"{{base}}/c/read"},
				"event":[{"listen":"test","script":{"exec":["pm.cookies.each(function (c) { if (c.name) { pm.test(c.name + ' ' + JSON.stringify(pm.cookies.get(c.name))); } });"]}}]}`))
			ev, res := runScripted(t, c, Options{})
			var script []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					script = append(script, a.Name)
				}
			}
			if d := cmp.Diff(tt.script, script); d != "" {
				t.Errorf("pm.cookies.get in the test script (-want +got):\n%s", d)
			}
			reqs := rec.all()
			if len(reqs) != 2 {
				t.Fatalf("%d requests reached the server, want 2", len(reqs))
			}
			if got := strings.Join(reqs[1].Header["Cookie"], "\n"); got != tt.wire {
				t.Errorf("the server got Cookie %q, want %q", got, tt.wire)
			}
			listed := ""
			if sent := ev.requests(); len(sent) == 2 {
				for _, h := range sent[1].Sent.Headers {
					if h.Key == "Cookie" {
						listed = h.Value
					}
				}
			}
			if listed != tt.listed {
				t.Errorf("the request's listed Cookie header is %q, want %q", listed, tt.listed)
			}
			var jar []string
			for _, sc := range res.Cookies {
				jar = append(jar, describeStored(sc))
			}
			if d := cmp.Diff(tt.jarFile, jar); d != "" {
				t.Errorf("the exported jar (-want +got):\n%s", d)
			}
		})
	}
}

// describeStored is a cookie of the exported jar as the table above
// writes it: key=value, then the attributes tough-cookie kept.
func describeStored(c StoredCookie) string {
	s := c.Name + "=" + c.Value
	if c.HostOnly {
		s += " host-only"
	}
	if c.MaxAge != nil {
		s += fmt.Sprintf(" max-age %d", *c.MaxAge)
	}
	if !c.Expires.IsZero() {
		s += " expires " + c.Expires.UTC().Format(time.RFC3339)
	}
	if len(c.Extensions) > 0 {
		s += fmt.Sprintf(" ext %v", c.Extensions)
	}
	return s
}

// A jar file Newman wrote may hold a cookie without a key (a Set-Cookie
// without "="), which Newman 6.2.2 reads and sends as its value alone,
// and values with characters past ASCII, which Node sends one byte a
// character. A request with a Cookie header of its own gets the jar's
// cookies after its own, and Newman lists that header with them. colrun
// refused the file ("the cookie has no key"), sent "é" as UTF-8, and
// listed the request's own Cookie without the jar's (Newman's report
// flags it a system header then).
func TestCookieJarFileValuesAreSentAsNewmanSendsThem(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	path := filepath.Join(t.TempDir(), "jar.json")
	jar := `{"cookies":[{"key":"u","value":"hÃ©llo","domain":"127.0.0.1","path":"/","hostOnly":true},
		{"value":"foo","domain":"127.0.0.1","path":"/","hostOnly":true},
		{"key":"q","value":"\"x y\"","domain":"127.0.0.1","path":"/","hostOnly":true},
		{"key":"e","value":"é","domain":"127.0.0.1","path":"/","hostOnly":true}]}`
	if err := os.WriteFile(path, []byte(jar), 0o600); err != nil {
		t.Fatal(err)
	}
	cookies, err := ReadCookieJar("--cookie-jar", path)
	if err != nil {
		t.Fatal(err)
	}
	c := parse(t, collection(rec.srv.URL, `{"name":"r","request":{"method":"GET","url":"{{base}}/r"}},
		{"name":"own","request":{"method":"GET","url":"{{base}}/own","header":[{"key":"X-A","value":"1"},{"key":"Cookie","value":"mine=1"},{"key":"X-B","value":"2"}]}}`))
	ev, res := run(t, c, Options{Cookies: cookies})
	reqs, sent := rec.all(), ev.requests()
	if len(reqs) != 2 || len(sent) != 2 {
		t.Fatalf("%d requests reached the server, %d were reported; want 2", len(reqs), len(sent))
	}
	const jarWire, jarListed = "u=h\xc3\xa9llo; foo; q=\"x y\"; e=\xe9", `u=hÃ©llo; foo; q="x y"; e=é`
	for i, want := range []struct{ wire, listed string }{{jarWire, jarListed}, {"mine=1; " + jarWire, "mine=1; " + jarListed}} {
		if got := reqs[i].Header.Get("Cookie"); got != want.wire {
			t.Errorf("request %d: the server got Cookie %q, want %q", i+1, got, want.wire)
		}
		var listed []string
		for _, h := range sent[i].Sent.Headers {
			if h.Key == "Cookie" {
				listed = append(listed, fmt.Sprintf("%s (system %v)", h.Value, h.System))
			}
		}
		if d := cmp.Diff([]string{want.listed + " (system true)"}, listed); d != "" {
			t.Errorf("request %d: the listed Cookie headers (-want +got):\n%s", i+1, d)
		}
	}
	out, err := MarshalCookieJar(res.Cookies)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "{\n      \"value\": \"foo\",") {
		t.Errorf("the exported jar does not write the keyless cookie without a key, as tough-cookie does:\n%s", out)
	}
}

// A quoted value a script sets through pm.cookies.jar() keeps its
// quotes in the jar, as tough-cookie keeps them: Newman 6.2.2's scripts
// read "\"q v\"" back from jar.get and pm.cookies.get, the server gets
// b="q v", and the exported jar holds "\"q v\"". colrun's jar held the
// value without its quotes (Go's parser takes them off), which scripts
// and the jar file showed.
func TestScriptSetQuotedCookieKeepsItsQuotes(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `{"name":"r","request":{"method":"GET","url":"{{base}}/js/echo"},
		"event":[{"listen":"prerequest","script":{"exec":[
			"var jar = pm.cookies.jar(), url = pm.variables.replaceIn(pm.request.url.toString());",
			"jar.set(url, 'b=\"q v\"; Path=/', function (err) {",
			"  jar.get(url, 'b', function (err, value) { pm.test('jar.get ' + JSON.stringify(value)); });",
			"});"]}},
		{"listen":"test","script":{"exec":["pm.test('pm.cookies.get ' + JSON.stringify(pm.cookies.get('b')));"]}}]}`))
	ev, res := runScripted(t, c, Options{})
	var script []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			script = append(script, a.Name)
		}
	}
	if d := cmp.Diff([]string{`jar.get "\"q v\""`, `pm.cookies.get "\"q v\""`}, script); d != "" {
		t.Errorf("the scripts' cookie (-want +got):\n%s", d)
	}
	reqs := rec.all()
	if len(reqs) != 1 {
		t.Fatalf("%d requests reached the server, want 1", len(reqs))
	}
	if got := reqs[0].Header.Get("Cookie"); got != `b="q v"` {
		t.Errorf("the server got Cookie %q, want %q", got, `b="q v"`)
	}
	var jar []string
	for _, sc := range res.Cookies {
		jar = append(jar, describeStored(sc))
	}
	if d := cmp.Diff([]string{`b="q v" host-only`}, jar); d != "" {
		t.Errorf("the exported jar (-want +got):\n%s", d)
	}
}
