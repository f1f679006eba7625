package main

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/colrun/colrun/collections"
)

// certList is --ssl-client-cert-list: client certificates, each for the
// URLs its match patterns accept. Newman hands it to postman-runtime as a
// CertificateList, which gives a request the first entry that matches its
// resolved URL, with --ssl-client-cert appended as a last entry matching
// every URL.
type certList struct {
	entries []certEntry
}

type certEntry struct {
	patterns []matchPattern
	cert     *tls.Certificate
}

// certListEntry is one entry of the file as Newman reads it; key, cert
// and pfx are {"src": path} or the path itself.
type certListEntry struct {
	Name       any             `json:"name"`
	Matches    json.RawMessage `json:"matches"`
	Key        json.RawMessage `json:"key"`
	Cert       json.RawMessage `json:"cert"`
	PFX        json.RawMessage `json:"pfx"`
	Passphrase *string         `json:"passphrase"`
}

// loadCertList reads an --ssl-client-cert-list file. Relative key and
// certificate paths are taken from workingDir ("" the current
// directory), as Newman's file resolver takes them. Unlike Newman, which
// warns at each request and sends it without a certificate, every entry is
// checked before the run: its files must load, and its patterns must be
// ones that can match something (Newman silently never matches the rest).
func loadCertList(path, workingDir string) (*certList, error) {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("--ssl-client-cert-list %s: %s", path, fmt.Sprintf(format, a...))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fail("%s", pathErrText(err))
	}
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fail("not valid JSON: %v", err)
	}
	items, ok := raw.([]any)
	if !ok {
		return nil, fail("expected a list of certificates ([{\"name\", \"matches\", \"key\", \"cert\"}, ...]), got %s", jsonKind(raw))
	}
	l := &certList{}
	for i, item := range items {
		e, err := loadCertEntry(item, workingDir)
		if err != nil {
			return nil, fail("entry %d%s: %v", i+1, entryName(item), err)
		}
		l.entries = append(l.entries, e)
	}
	return l, nil
}

// entryName is ` ("name")` for an entry that has a name.
func entryName(item any) string {
	m, _ := item.(map[string]any)
	if name, ok := m["name"].(string); ok && name != "" {
		return fmt.Sprintf(" (%q)", name)
	}
	return ""
}

func loadCertEntry(item any, workingDir string) (certEntry, error) {
	if _, ok := item.(map[string]any); !ok {
		return certEntry{}, fmt.Errorf("expected an object, got %s", jsonKind(item))
	}
	b, _ := json.Marshal(item)
	var e certListEntry
	if err := json.Unmarshal(b, &e); err != nil {
		return certEntry{}, err
	}
	var matches []any
	if err := json.Unmarshal(e.Matches, &matches); err != nil || matches == nil {
		// postman-runtime fails on every https request without them.
		return certEntry{}, errors.New(`"matches" must be a list of URL match patterns, such as ["https://example.com/*"]`)
	}
	var out certEntry
	for j, m := range matches {
		s, ok := m.(string)
		if !ok {
			return certEntry{}, fmt.Errorf(`"matches" %d: expected a string, got %s`, j+1, jsonKind(m))
		}
		p, err := compileMatchPattern(s)
		if err != nil {
			return certEntry{}, fmt.Errorf(`"matches" %d %q: %v`, j+1, s, err)
		}
		out.patterns = append(out.patterns, p)
	}
	if src, err := fileSrc(e.PFX); err != nil || src != "" {
		if err != nil {
			return certEntry{}, fmt.Errorf(`"pfx": %v`, err)
		}
		return certEntry{}, errors.New(`"pfx" (PKCS#12) is not supported: convert it with openssl pkcs12 -nodes and give "key" and "cert"`)
	}
	keySrc, err := fileSrc(e.Key)
	if err != nil {
		return certEntry{}, fmt.Errorf(`"key": %v`, err)
	}
	certSrc, err := fileSrc(e.Cert)
	if err != nil {
		return certEntry{}, fmt.Errorf(`"cert": %v`, err)
	}
	if keySrc == "" || certSrc == "" {
		return certEntry{}, errors.New(`needs both "cert" and "key" ({"src": "path/to/file.pem"})`)
	}
	passphrase := ""
	if e.Passphrase != nil {
		passphrase = *e.Passphrase
	}
	resolve := func(p string) string {
		if filepath.IsAbs(p) || workingDir == "" {
			return p
		}
		return filepath.Join(workingDir, p)
	}
	for _, f := range []struct{ field, src string }{{"cert", certSrc}, {"key", keySrc}} {
		if _, err := os.Stat(resolve(f.src)); err != nil {
			return certEntry{}, fmt.Errorf("%q %s: %s", f.field, f.src, pathErrText(err))
		}
	}
	cert, err := loadKeyPair(resolve(certSrc), resolve(keySrc), passphrase, `the entry's "passphrase"`)
	if err != nil {
		return certEntry{}, fmt.Errorf("cert %s / key %s: %v", certSrc, keySrc, err)
	}
	out.cert = &cert
	return out, nil
}

// fileSrc reads Newman's {"src": path}, or a path given bare; "" when
// absent.
func fileSrc(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var v any
	_ = json.Unmarshal(raw, &v)
	switch v := v.(type) {
	case string:
		return v, nil
	case map[string]any:
		switch src := v["src"].(type) {
		case string:
			return src, nil
		case nil:
			return "", nil
		default:
			return "", fmt.Errorf(`"src" must be a file path, got %s`, jsonKind(src))
		}
	}
	return "", fmt.Errorf(`expected {"src": "path"}, got %s`, jsonKind(v))
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "a list"
	}
	return "an object"
}

// addFallback appends --ssl-client-cert as Newman does: last, for every URL.
func (l *certList) addFallback(cert *tls.Certificate) {
	l.entries = append(l.entries, certEntry{patterns: []matchPattern{{all: true}}, cert: cert})
}

// pick is the certificate of the first entry matching u, nil when none
// does. As in postman-collection's Certificate.canApplyTo, only https
// URLs get one.
func (l *certList) pick(u collections.URL) *tls.Certificate {
	if u.Protocol != "https" {
		return nil
	}
	for _, e := range l.entries {
		for _, p := range e.patterns {
			if p.test(u) {
				return e.cert
			}
		}
	}
	return nil
}

// matchPattern is postman-collection's UrlMatchPattern:
// <protocols>://<host>[:<port>]/<path glob>, or <all_urls>.
type matchPattern struct {
	all       bool
	protocols []string
	host      string
	port      string
	path      *regexp.Regexp
}

// matchPatternSplit is UrlMatchPattern's pattern splitter, as written
// there.
var matchPatternSplit = regexp.MustCompile(`^((http|https|file|ftp|\*)(\+(http|https|file|ftp))*)://(\*|\*\.[^*/:]+|[^*/:]+)(:\*|:\d+)?(/.*)$`)

// globSpecial are the characters UrlMatchPattern escapes in a path glob.
var globSpecial = regexp.MustCompile(`[.+^${}()|[\]\\]`)

func compileMatchPattern(s string) (matchPattern, error) {
	if s == "" || s == "<all_urls>" {
		// UrlMatchPattern keeps its default, <all_urls>, for "".
		return matchPattern{all: true}, nil
	}
	m := matchPatternSplit.FindStringSubmatch(s)
	if m == nil {
		return matchPattern{}, errors.New(`not a URL match pattern: want <all_urls> or scheme://host[:port]/path, with scheme http, https or * (protocols joined by +), host * or *.domain or a name, port * or a number, and * and ? as wildcards in the path`)
	}
	// As UrlMatchPattern does, only the first * of the path becomes "any
	// text"; a later one repeats the character before it.
	glob := globSpecial.ReplaceAllString(m[7], `\$0`)
	glob = strings.ReplaceAll(glob, "?", ".")
	glob = strings.Replace(glob, "*", ".*", 1)
	re, err := regexp.Compile("^" + glob + "$")
	if err != nil {
		return matchPattern{}, fmt.Errorf("its path is not a pattern postman-collection can use: %v", err)
	}
	return matchPattern{
		protocols: slices.Compact(strings.Split(m[1], "+")),
		host:      m[5],
		port:      strings.TrimPrefix(m[6], ":"),
		path:      re,
	}, nil
}

var defaultPorts = map[string]string{"ftp": "21", "http": "80", "https": "443"}

// test is UrlMatchPatternList.test for one pattern: case-sensitive
// scheme and host, a missing port taken as the scheme's default, the path
// (query left out) matched whole.
func (p matchPattern) test(u collections.URL) bool {
	if p.all {
		return true
	}
	if !slices.Contains([]string{"http", "https", "file", "ftp"}, u.Protocol) ||
		!(slices.Contains(p.protocols, "*") || slices.Contains(p.protocols, u.Protocol)) {
		return false
	}
	host := strings.Join(u.Host, ".")
	switch {
	case p.host == "*":
	case strings.HasPrefix(p.host, "*."):
		suffix := p.host[2:]
		if host != suffix && !strings.HasSuffix(host, "."+suffix) {
			return false
		}
	case p.host != host:
		return false
	}
	if u.Port != "" || p.port != "" {
		port, want := u.Port, p.port
		if port == "" {
			port = defaultPorts[u.Protocol]
		}
		if want == "" {
			want = defaultPorts[u.Protocol]
		}
		if want != "*" && want != port {
			return false
		}
	}
	return p.path.MatchString(u.PathString())
}
