package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// newmanExportedJar is the file Newman 6.2.2 wrote with --export-cookie-jar
// after cookieCollection ran against cookieServer (its creation and
// lastAccessed dates replaced by "T").
const newmanExportedJar = `{
  "version": "tough-cookie@4.1.3-postman.1",
  "storeType": "MemoryCookieStore",
  "rejectPublicSuffixes": false,
  "enableLooseMode": true,
  "allowSpecialUseDomain": true,
  "prefixSecurity": "silent",
  "cookies": [
    {
      "key": "sid",
      "value": "abc123",
      "domain": "127.0.0.1",
      "path": "/",
      "httpOnly": true,
      "hostOnly": true,
      "creation": "T",
      "lastAccessed": "T"
    },
    {
      "key": "pref",
      "value": "dark",
      "maxAge": 3600,
      "domain": "127.0.0.1",
      "path": "/x",
      "secure": true,
      "hostOnly": true,
      "creation": "T",
      "lastAccessed": "T"
    },
    {
      "key": "exp",
      "value": "1",
      "expires": "2037-10-21T07:28:00.000Z",
      "domain": "127.0.0.1",
      "path": "/",
      "hostOnly": false,
      "pathIsDefault": true,
      "creation": "T",
      "lastAccessed": "T"
    },
    {
      "key": "ss",
      "value": "1",
      "domain": "127.0.0.1",
      "path": "/",
      "extensions": [
        "Priority=High"
      ],
      "hostOnly": true,
      "pathIsDefault": true,
      "creation": "T",
      "lastAccessed": "T",
      "sameSite": "lax"
    },
    {
      "key": "scr",
      "value": "1",
      "domain": "127.0.0.1",
      "path": "/",
      "hostOnly": true,
      "pathIsDefault": true,
      "creation": "T",
      "lastAccessed": "T"
    }
  ]
}`

// cookieServer sets the cookies of newmanExportedJar on /cookie and
// records the Cookie header of every other request, by path.
func cookieServer(t *testing.T) (*httptest.Server, func() map[string]string) {
	t.Helper()
	var mu sync.Mutex
	got := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cookie" {
			for _, c := range []string{
				"sid=abc123; Path=/; HttpOnly",
				"pref=dark; Max-Age=3600; Path=/x; Secure",
				"exp=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Domain=127.0.0.1",
				"ss=1; SameSite=Lax; Priority=High",
			} {
				w.Header().Add("Set-Cookie", c)
			}
			return
		}
		mu.Lock()
		got[r.URL.Path] = r.Header.Get("Cookie")
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]string {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]string{}
		for k, v := range got {
			out[k] = v
		}
		return out
	}
}

// cookieCollection sets the server's cookies and one from a script
// (pm.cookies.jar()), then fails a test, so that --bail stops the run
// before its last request.
func cookieCollection(t *testing.T, dir, base string) string {
	t.Helper()
	return writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"cj"},"item":[
	{"name":"set","request":"%[1]s/cookie"},
	{"name":"script","request":"%[1]s/echo","event":[
	  {"listen":"prerequest","script":{"exec":["pm.cookies.jar().set('%[1]s/', 'scr=1', () => {})"]}},
	  {"listen":"test","script":{"exec":["pm.test('fails', () => pm.expect(1).to.eql(2))"]}}]},
	{"name":"after","request":"%[1]s/after"}]}`, base))
}

var jarDates = regexp.MustCompile(`"(creation|lastAccessed)": "[^"]*"`)

// TestExportCookieJar checks that --export-cookie-jar writes Newman's
// file, byte for byte but for the dates, also when --bail stops the run
// early, and that a second run started with --cookie-jar from it sends
// the cookies.
func TestExportCookieJar(t *testing.T) {
	t.Parallel()
	srv, received := cookieServer(t)
	dir := t.TempDir()
	jar := filepath.Join(dir, "jar.json")
	res := colrun(t, nil, "run", cookieCollection(t, dir, srv.URL), "--color", "off", "--bail", "--export-cookie-jar", jar)
	if res.code != exitFailed || strings.Contains(res.stdout, "→ after") {
		t.Fatalf("exit %d, want %d and a run stopped by --bail; stdout %s", res.code, exitFailed, res.stdout)
	}
	data, err := os.ReadFile(jar)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range jarDates.FindAllStringSubmatch(string(data), -1) {
		v := strings.TrimPrefix(m[0], `"`+m[1]+`": `)
		if _, err := time.Parse(`"2006-01-02T15:04:05.000Z"`, v); err != nil {
			t.Errorf("%s %s is not a date as tough-cookie writes it", m[1], v)
		}
	}
	if diff := cmp.Diff(newmanExportedJar, jarDates.ReplaceAllString(string(data), `"$1": "T"`)); diff != "" {
		t.Errorf("exported jar (-newman +colrun):\n%s", diff)
	}

	echo := writeFile(t, dir, "echo.json", fmt.Sprintf(`{"info":{"name":"echo"},"item":[
	{"name":"deep","request":"%[1]s/x/echo","event":[{"listen":"test","script":{"exec":[
	  "pm.test('pm.cookies has the jar', () => pm.expect(pm.cookies.toObject()).to.eql({pref: 'dark', sid: 'abc123', exp: '1', ss: '1', scr: '1'}))"]}}]},
	{"name":"root","request":"%[1]s/echo"}]}`, srv.URL))
	res = colrun(t, nil, "run", echo, "--color", "off", "--cookie-jar", jar)
	if res.code != exitOK {
		t.Fatalf("second run: exit %d; stdout %s\nstderr %s", res.code, res.stdout, res.stderr)
	}
	// What Newman 6.2.2 sent, started with its own exported jar.
	want := map[string]string{
		"/echo":   "sid=abc123; exp=1; ss=1; scr=1",
		"/x/echo": "pref=dark; sid=abc123; exp=1; ss=1; scr=1",
	}
	if diff := cmp.Diff(want, received()); diff != "" {
		t.Errorf("Cookie headers (-want +got):\n%s", diff)
	}
}

// TestCookieJarNewmanFile starts a run with a jar file Newman wrote
// (dated now, so that pref's Max-Age has not run out).
func TestCookieJarNewmanFile(t *testing.T) {
	t.Parallel()
	srv, received := cookieServer(t)
	dir := t.TempDir()
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	jar := writeFile(t, dir, "jar.json", strings.ReplaceAll(newmanExportedJar, `"T"`, `"`+now+`"`))
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"echo"},"item":[{"name":"deep","request":"%s/x/echo"}]}`, srv.URL))
	res := colrun(t, nil, "run", coll, "--color", "off", "--cookie-jar", jar)
	if res.code != exitOK {
		t.Fatalf("exit %d; stderr %s", res.code, res.stderr)
	}
	if diff := cmp.Diff(map[string]string{"/x/echo": "pref=dark; sid=abc123; exp=1; ss=1; scr=1"}, received()); diff != "" {
		t.Errorf("Cookie headers (-want +got):\n%s", diff)
	}
}

// TestCookieJarBadFiles checks that a jar colrun cannot use is refused in
// one line naming the flag and file. Newman refuses the same files (its
// words in newman), except a cookie without a domain, which it keeps and
// never sends.
func TestCookieJarBadFiles(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[{"name":"r","request":"%s/"}]}`, srv.URL))
	tests := []struct {
		name, content, want, newman string
	}{
		{"missing", "", "cookie jar file not found", `unable to read the cookie jar file "missing.json"`},
		{"not JSON", "nope", "invalid JSON: invalid character 'o' in literal null (expecting 'u')", "the file at bad.json does not contain valid JSON data."},
		{"no cookies", "{}", `not a tough-cookie jar: it has no "cookies" list`, "the file at empty.json does not contain valid JSON data."},
		{"a list", "[]", `not a tough-cookie jar: expected an object with a "cookies" list`, "the file at arr.json does not contain valid JSON data."},
		{"no domain", `{"cookies":[{"key":"a","value":"1"}]}`, `cookies[0]: cookie "a" has no domain`, "(ran; the cookie was exported as it was and never sent)"},
		{"bad date", `{"cookies":[{"key":"a","domain":"x.test","expires":"soon"}]}`, `cookies[0]: expires "soon" is not a date`, "(not checked)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".json")
			if tc.content != "" {
				writeFile(t, dir, filepath.Base(path), tc.content)
			}
			res := colrun(t, nil, "run", coll, "--color", "off", "--cookie-jar", path)
			if want := "colrun: --cookie-jar " + path + ": " + tc.want + "\n"; res.code != exitUsage || res.stderr != want {
				t.Errorf("exit %d, stderr %q; want exit %d, %q", res.code, res.stderr, exitUsage, want)
			}
		})
	}
}
