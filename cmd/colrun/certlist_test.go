package main

import (
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/mockserver"
	"github.com/google/go-cmp/cmp"
)

// TestClientCertList sends each request with the certificate its URL
// matches in --ssl-client-cert-list, to servers that each accept only
// their own client certificate. Newman 6.2.2, run side by side on the
// same servers and list, gave the same outcome for each request: the
// first matching entry wins, --ssl-client-cert covers what no entry
// matches, a pattern for http never gives an https request a certificate,
// and a redirect to another host keeps the certificate of the request's
// own URL (the other server refused it: "tlsv1 alert unknown ca").
func TestClientCertList(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	servers := map[string]string{}
	for _, name := range []string{"a", "b", "c"} {
		sub := filepath.Join(dir, name)
		if err := os.Mkdir(sub, 0o700); err != nil {
			t.Fatal(err)
		}
		_, _, cert := clientCertPair(t, sub)
		servers[name] = clientCertServer(t, cert).URL
	}
	port := func(name string) string { u, _ := url.Parse(servers[name]); return u.Port() }
	var items []string
	for _, name := range []string{"a", "b", "c"} {
		items = append(items, fmt.Sprintf(`{"name":%q,"request":"%s/x"}`, name, servers[name]))
	}
	items = append(items, fmt.Sprintf(`{"name":"a to b","request":"%s/redirect?to=%s/x"}`, servers["a"], url.QueryEscape(servers["b"])))
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"certs"},"item":[`+strings.Join(items, ",")+`]}`)
	list := func(entries ...string) string {
		f, err := os.CreateTemp(dir, "list-*.json")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "[%s]", strings.Join(entries, ","))
		f.Close()
		return f.Name()
	}
	// Paths relative to --working-dir, as Newman reads them.
	entry := func(name string, matches ...string) string {
		return fmt.Sprintf(`{"name":%q,"matches":["%s"],"key":{"src":%q},"cert":{"src":%q}}`, name, strings.Join(matches, `","`), filepath.Join(name, "client.key"), filepath.Join(name, "client.pem"))
	}
	aAndB := list(entry("a", "https://127.0.0.1:"+port("a")+"/*"), entry("b", "https://127.0.0.1:"+port("b")+"/*"))
	fallback := []string{"--ssl-client-cert", filepath.Join(dir, "c", "client.pem"), "--ssl-client-key", filepath.Join(dir, "c", "client.key")}
	tests := []struct {
		name string
		args []string
		want map[string]string
	}{
		{"each host its certificate, the rest the fallback", append([]string{"--ssl-client-cert-list", aAndB}, fallback...),
			map[string]string{"a": "200 OK", "b": "200 OK", "c": "200 OK", "a to b": "errored"}},
		{"no fallback", []string{"--ssl-client-cert-list", aAndB},
			map[string]string{"a": "200 OK", "b": "200 OK", "c": "errored", "a to b": "errored"}},
		{"the first match wins", []string{"--ssl-client-cert-list", list(entry("a", "https://127.0.0.1:*/*"), entry("b", "https://*/*"))},
			map[string]string{"a": "200 OK", "b": "errored", "c": "errored", "a to b": "errored"}},
		{"the list goes before the fallback", append([]string{"--ssl-client-cert-list", list(entry("b", "<all_urls>"))}, fallback...),
			map[string]string{"a": "errored", "b": "200 OK", "c": "errored", "a to b": "errored"}},
		{"an http pattern gives https nothing", append([]string{"--ssl-client-cert-list", list(entry("a", "http://127.0.0.1:"+port("a")+"/*"))}, fallback...),
			map[string]string{"a": "errored", "b": "errored", "c": "200 OK", "a to b": "errored"}},
		{"a port and a path that do not match", []string{"--ssl-client-cert-list", list(entry("a", "https://127.0.0.1/*", "https://127.0.0.1:"+port("a")+"/y*"))},
			map[string]string{"a": "errored", "b": "errored", "c": "errored", "a to b": "errored"}},
	}
	outcome := regexp.MustCompile(`→ ([a-z ]+)\n\s+GET \S+ \[(200 OK|errored)`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, append([]string{"run", coll, "-k", "--color", "off", "--working-dir", dir}, tc.args...)...)
			got := map[string]string{}
			for _, m := range outcome.FindAllStringSubmatch(res.stdout, -1) {
				got[m[1]] = m[2]
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s\nstdout:\n%s\nstderr:\n%s", diff, res.stdout, res.stderr)
			}
		})
	}
}

// TestMatchPattern checks postman-collection 4.x's URL match patterns,
// with the answers Newman 6.2.2's CertificateList.resolveOne gave for
// each pattern and URL.
func TestMatchPattern(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, url string
		want         bool
	}{
		{"https://localhost:8443/*", "https://localhost:8443/a", true},
		{"https://localhost:8443/*", "https://localhost/a", false},
		{"https://localhost/*", "https://localhost:443/a", true},
		{"https://localhost/*", "https://localhost:8443/a", false},
		{"https://localhost:*/*", "https://localhost:8443/a", true},
		{"https://*.example.com/*", "https://example.com/a", true},
		{"https://*.example.com/*", "https://a.b.example.com/a", true},
		{"https://*.example.com/*", "https://badexample.com/a", false},
		{"https://*/*", "https://x.com/", true},
		{"https://LOCALHOST/*", "https://localhost/a", false},
		{"https://localhost/*", "https://LOCALHOST/a", false},
		{"http+https://localhost/*", "https://localhost/a", true},
		{"*://localhost/*", "https://localhost/a", true},
		{"https://localhost/a*/b*", "https://localhost/axx/bbb", true},
		{"https://localhost/a*/b*", "https://localhost/axx/bcc", false},
		{"https://localhost/a?c", "https://localhost/abc", true},
		{"https://localhost/", "https://localhost", true},
		{"https://localhost/", "https://localhost/?q=1", true},
		{"https://localhost/a", "https://localhost/a?q=1", true},
		{"https://localhost/*", "localhost/a", false},
		{"https://localhost/*", "http://localhost/a", false},
		{"https://127.0.0.1:8443/*", "https://127.0.0.1:8443/", true},
		{"", "https://x/", true},
		{"<all_urls>", "https://x/", true},
		{"<all_urls>", "http://x/", false},
		{"https://localhost/*", "https://u:p@localhost/x", true},
		{"https://localhost/a b", "https://localhost/a b", true},
		{"https://localhost/a%20b", "https://localhost/a b", false},
		{"https://localhost/x/*", "https://localhost/x/#frag", true},
	}
	for _, tc := range tests {
		p, err := compileMatchPattern(tc.pattern)
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		l := &certList{entries: []certEntry{{patterns: []matchPattern{p}, cert: &tls.Certificate{}}}}
		got := l.pick(collections.ParseURL(tc.url)) != nil
		if got != tc.want {
			t.Errorf("%q matches %q: %v, want %v", tc.pattern, tc.url, got, tc.want)
		}
	}
}

// TestClientCertListErrors refuses list files colrun cannot use before
// the run, in one line naming the file and the entry (exit 2). Newman
// 6.2.2 refuses a file that is not JSON or not a list too; a missing
// key file or a wrong passphrase it only warns about at each request,
// which it then sends without a certificate, and a pattern it cannot
// read it never matches.
func TestClientCertListErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	certPath, keyPath, _ := clientCertPair(t, dir)
	plain, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(plain)
	//lint:ignore SA1019 the old format is what the test needs
	enc, err := x509.EncryptPEMBlock(rand.Reader, block.Type, block.Bytes, []byte("secret"), x509.PEMCipherAES256)
	if err != nil {
		t.Fatal(err)
	}
	encPath := writeFile(t, dir, "enc.key", string(pem.EncodeToMemory(enc)))
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[]}`)
	entry := func(fields string) string {
		return fmt.Sprintf(`[{"name":"first","matches":["https://a.test/*"],"key":{"src":%q},"cert":{"src":%q}},{"name":"second",%s}]`, keyPath, certPath, fields)
	}
	pair := fmt.Sprintf(`"key":{"src":%q},"cert":{"src":%q}`, keyPath, certPath)
	tests := []struct {
		name, content, want string
	}{
		{"not JSON", `[{"name":`, "not valid JSON: unexpected end of JSON input"},
		{"not a list", `{"name":"x"}`, `expected a list of certificates ([{"name", "matches", "key", "cert"}, ...]), got an object`},
		{"an entry not an object", `["x"]`, "entry 1: expected an object, got a string"},
		{"no matches", entry(pair), `entry 2 ("second"): "matches" must be a list of URL match patterns, such as ["https://example.com/*"]`},
		{"matches not a list", entry(`"matches":"https://b.test/*",` + pair), `entry 2 ("second"): "matches" must be a list`},
		{"a pattern without a path", entry(`"matches":["https://b.test"],` + pair), `entry 2 ("second"): "matches" 1 "https://b.test": not a URL match pattern`},
		{"an IPv6 host", entry(`"matches":["https://b.test/*","https://[::1]:8443/*"],` + pair), `entry 2 ("second"): "matches" 2 "https://[::1]:8443/*": not a URL match pattern`},
		{"a path regexp cannot take", entry(`"matches":["https://b.test/**"],` + pair), `"matches" 1 "https://b.test/**": its path is not a pattern postman-collection can use`},
		{"no key", entry(fmt.Sprintf(`"matches":["https://b.test/*"],"cert":{"src":%q}`, certPath)), `entry 2 ("second"): needs both "cert" and "key"`},
		{"a missing key file", entry(fmt.Sprintf(`"matches":["https://b.test/*"],"key":"nope.key","cert":{"src":%q}`, certPath)), `entry 2 ("second"): "key" nope.key: no such file or directory`},
		{"pfx", entry(`"matches":["https://b.test/*"],"pfx":{"src":"c.pfx"}`), `entry 2 ("second"): "pfx" (PKCS#12) is not supported`},
		{"no passphrase", entry(fmt.Sprintf(`"matches":["https://b.test/*"],"key":{"src":%q},"cert":{"src":%q}`, encPath, certPath)),
			`entry 2 ("second"): cert ` + certPath + ` / key ` + encPath + `: the key is encrypted: give its passphrase with the entry's "passphrase"`},
		{"a wrong passphrase", entry(fmt.Sprintf(`"matches":["https://b.test/*"],"key":{"src":%q},"cert":{"src":%q},"passphrase":"wrong"`, encPath, certPath)),
			`entry 2 ("second"): cert ` + certPath + ` / key ` + encPath + `: the entry's "passphrase" does not decrypt the key (wrong passphrase)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			list := writeFile(t, t.TempDir(), "list.json", tc.content)
			res := colrun(t, nil, "run", coll, "--ssl-client-cert-list", list)
			prefix := "colrun: --ssl-client-cert-list " + list + ": "
			if res.code != exitUsage || !strings.HasPrefix(res.stderr, prefix) || !strings.Contains(res.stderr, tc.want) || strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit %d and one line starting %q with %q", res.code, res.stderr, exitUsage, prefix, tc.want)
			}
		})
	}
	t.Run("a missing list file", func(t *testing.T) {
		t.Parallel()
		missing := filepath.Join(dir, "none.json")
		res := colrun(t, nil, "run", coll, "--ssl-client-cert-list", missing)
		if want := "colrun: --ssl-client-cert-list " + missing + ": no such file\n"; res.code != exitUsage || !strings.HasPrefix(res.stderr, strings.TrimSuffix(want, "\n")) {
			t.Errorf("exit %d, stderr %q; want %q", res.code, res.stderr, want)
		}
	})
	t.Run("the right passphrase", func(t *testing.T) {
		t.Parallel()
		list := writeFile(t, t.TempDir(), "list.json", entry(fmt.Sprintf(`"matches":["https://b.test/*"],"key":{"src":%q},"cert":{"src":%q},"passphrase":"secret"`, encPath, certPath)))
		if res := colrun(t, nil, "run", coll, "--ssl-client-cert-list", list); res.code != exitOK {
			t.Errorf("exit %d, stderr %q", res.code, res.stderr)
		}
	})
}

// TestClientCertListTableauSignin signs in to a Tableau server that
// requires a client certificate with the one --ssl-client-cert-list gives
// its URL, as the collection's own requests to it get.
func TestClientCertListTableauSignin(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	certPath, keyPath, cert := clientCertPair(t, dir)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	srv := httptest.NewUnstartedServer(mockserver.New(mockserver.Config{SessionTTL: time.Hour}))
	srv.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	list := writeFile(t, dir, "list.json", fmt.Sprintf(`[{"name":"tableau","matches":["https://127.0.0.1:%s/*"],"key":{"src":%q},"cert":{"src":%q}}]`, u.Port(), keyPath, certPath))
	coll := writeFile(t, dir, "c.json", withoutSignin)
	env := map[string]string{auth.EnvServer: srv.URL, auth.EnvUsername: mockserver.DemoAdminName, auth.EnvPassword: mockserver.DemoAdminPassword}
	res := colrun(t, env, "run", coll, "-k", "--env-var", "base="+srv.URL, "--tableau-auth", "password", "--ssl-client-cert-list", list, "--color", "off")
	if res.code != exitOK {
		t.Errorf("exit %d, want %d\n%s\n%s", res.code, exitOK, res.stdout, res.stderr)
	}
}
