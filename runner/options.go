// Package runner replays a Postman collection: it iterates over the data,
// runs pre-request scripts, resolves variables, applies auth, sends each
// request, runs the test scripts and emits the typed events that reporters
// read (package event). Assertion failures and request errors are events,
// not Go errors; Run returns an error only when the run itself cannot go on.
package runner

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/colrun/colrun/collections"
)

// Options configure one run. The zero value runs the whole collection once
// with Newman's defaults.
type Options struct {
	// Environment and Globals are the loaded files, if any.
	Environment *collections.VariableFile
	Globals     *collections.VariableFile
	// EnvVars and GlobalVars come from --env-var and --global-var and
	// override the files.
	EnvVars    []collections.Variable
	GlobalVars []collections.Variable
	// Data is the iteration data file, if any. The runner reads it as it
	// goes and closes it at the end.
	Data *collections.DataFile
	// Iterations is -n; 0 means one per data row, or 1 without data.
	Iterations int
	// Folders restricts the run to these folders or requests (--folder),
	// matched by name or id, in collection order.
	Folders []string

	// Timeout bounds the whole run (--timeout); 0 means none.
	Timeout time.Duration
	// RequestTimeout bounds each request (--timeout-request); 0 means none.
	RequestTimeout time.Duration
	// ScriptTimeout bounds each script (--timeout-script); 0 means none.
	ScriptTimeout time.Duration
	// DelayRequest waits between requests (--delay-request).
	DelayRequest time.Duration
	// Bail stops the run at the first failed assertion, script or request.
	Bail bool
	// BailOnError stops the run at the first script error or request
	// error, but not at a failed assertion: Newman's --bail folder, which
	// sets postman-runtime's abortOnError.
	BailOnError bool

	// IgnoreRedirects stops following 3xx responses (--ignore-redirects).
	IgnoreRedirects bool
	// Insecure skips TLS verification (-k).
	Insecure bool
	// ClientCert is the TLS client certificate, if any.
	ClientCert *tls.Certificate
	// ClientCertFor, when set, picks each request's client certificate
	// (--ssl-client-cert-list) from its URL as resolved before sending;
	// nil means none. Like Newman, the certificate picked for a request
	// is kept for its redirects, whatever host they lead to. Requests it
	// picks none for use ClientCert.
	ClientCertFor func(collections.URL) *tls.Certificate
	// ExtraCAs are added to the system roots (--ssl-extra-ca-certs).
	ExtraCAs *x509.CertPool
	// Proxy picks the proxy for each request; nil means none. The CLI
	// passes ProxyFromEnv, which reads HTTP_PROXY, HTTPS_PROXY and
	// NO_PROXY as Newman does.
	Proxy func(*url.URL) (*url.URL, error)
	// WorkingDir resolves file paths in bodies (--working-dir); "" means
	// the current directory.
	WorkingDir string
	// NoInsecureFileRead refuses body files outside WorkingDir
	// (--no-insecure-file-read), as Newman does.
	NoInsecureFileRead bool
	// Cookies start every worker's cookie jar (--cookie-jar).
	Cookies []StoredCookie
	// MaxKeptBody caps the response body kept in events and reports;
	// scripts always see the whole body. 0 means DefaultMaxKeptBody.
	MaxKeptBody int64
	// MaxResponseBody caps what is read of any response, to protect the
	// run from endless bodies; 0 means DefaultMaxResponseBody.
	MaxResponseBody int64
	// Seed makes dynamic variables reproducible when Seeded is set.
	Seed   uint64
	Seeded bool
	// Verbose adds warnings for unresolved variables and cut bodies.
	Verbose bool
	// ConsoleWidth is the width of the terminal scripts' console output
	// is shown on, 0 when none: logged values are laid out for it as
	// Newman's CLI lays them out (see sandbox.Options.ConsoleWidth).
	ConsoleWidth int
	// UserAgent is sent unless the request sets its own.
	UserAgent string
	// Tableau turns on Tableau sign-in (--tableau-auth); nil leaves
	// requests as the collection writes them.
	Tableau *TableauAuth
	// Parallel runs iterations on this many workers (--parallel); 0 or 1
	// runs them one after the other, as Newman does.
	Parallel int
	// NoScripts skips every pre-request and test script.
	NoScripts bool
}

// Default limits.
const (
	DefaultMaxKeptBody     = 1 << 20
	DefaultMaxResponseBody = 512 << 20
)

// ProxyFromEnv picks each request's proxy from the proxy variables that
// getenv gives, as postman-request does under Newman: NO_PROXY (else
// no_proxy) first, "*" or a comma-separated list of host name suffixes,
// each with an optional port; then HTTP_PROXY (else http_proxy) for an
// http URL, and HTTPS_PROXY, https_proxy, HTTP_PROXY or http_proxy, the
// first set, for an https one. Unlike Go's http.ProxyFromEnvironment, it
// proxies localhost and loopback addresses too, and sends https through
// HTTP_PROXY when no HTTPS_PROXY is set, so a collection reaches the same
// proxy under colrun as under Newman.
func ProxyFromEnv(getenv func(string) string) func(*url.URL) (*url.URL, error) {
	first := func(names ...string) string {
		for _, n := range names {
			if v := getenv(n); v != "" {
				return v
			}
		}
		return ""
	}
	noProxy := first("NO_PROXY", "no_proxy")
	httpProxy := first("HTTP_PROXY", "http_proxy")
	httpsProxy := first("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")
	return func(u *url.URL) (*url.URL, error) {
		if noProxy == "*" || noProxy != "" && inNoProxy(u, noProxy) {
			return nil, nil
		}
		var proxy string
		switch u.Scheme {
		case "http":
			proxy = httpProxy
		case "https":
			proxy = httpsProxy
		}
		if proxy == "" {
			return nil, nil
		}
		// A proxy written without a scheme ("proxy:3128") is an http
		// one, as Go's own reading takes it.
		p, err := url.Parse(proxy)
		if err != nil || p.Scheme == "" || p.Host == "" {
			if q, qerr := url.Parse("http://" + proxy); qerr == nil {
				return q, nil
			}
		}
		if err != nil {
			return nil, fmt.Errorf("invalid proxy address %q: %v", proxy, err)
		}
		return p, nil
	}
}

// inNoProxy is postman-request's uriInNoProxy: a zone matches a host
// name that ends with it at a label boundary (both get one leading dot),
// found where the zone first occurs in the name, and, when the zone
// names a port, the URL's port (80 or 443 when it has none).
func inNoProxy(u *url.URL, noProxy string) bool {
	withDot := func(host string) string { return "." + strings.ToLower(strings.TrimLeft(host, ".")) }
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	host := withDot(u.Hostname())
	for _, zone := range strings.Split(noProxy, ",") {
		zone = strings.ToLower(strings.TrimSpace(zone))
		parts := strings.Split(zone, ":")
		zoneHost := withDot(parts[0])
		at := strings.Index(host, zoneHost)
		matched := at > -1 && at == len(host)-len(zoneHost)
		if len(parts) > 1 {
			matched = matched && port == parts[1]
		}
		if matched {
			return true
		}
	}
	return false
}
