package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"os"
)

// nodeTLS holds the TLS settings Node takes from the environment, which
// every Newman run therefore follows: NODE_TLS_REJECT_UNAUTHORIZED=0
// turns certificate checks off as -k does (a request whose
// protocolProfileBehavior sets strictSSL is still checked, and so are the
// collection's own downloads), and NODE_EXTRA_CA_CERTS adds a PEM file's
// certificates to the trusted roots. CI jobs set them for self-signed or
// company-CA test servers; without them a job that passed under Newman
// failed every request under colrun.
type nodeTLS struct {
	insecure bool
	// roots are the system's roots and NODE_EXTRA_CA_CERTS's; nil when
	// that is not set (or gave nothing), for the system's alone.
	roots *x509.CertPool
}

// readNodeTLS reads the variables as Node reads them: only "0" turns the
// checks off, and an extra-certificates file that cannot be read is
// skipped with a warning, the run going on.
func readNodeTLS(getenv func(string) string, warn io.Writer) nodeTLS {
	var n nodeTLS
	if getenv("NODE_TLS_REJECT_UNAUTHORIZED") == "0" {
		n.insecure = true
		// Node warns too: a variable left over in a CI job's settings
		// should not go unnoticed.
		fmt.Fprintln(warn, "colrun: warning: NODE_TLS_REJECT_UNAUTHORIZED is 0, so TLS certificates are not checked, as with -k (Node, and so Newman, reads this variable)")
	}
	path := getenv("NODE_EXTRA_CA_CERTS")
	if path == "" || isSystemBundle(path) {
		// Images that run Node often point the variable at the system's
		// own bundle, which adds nothing to the roots Go loads when a
		// certificate is first checked; loading both here cost every run,
		// https or not, ~15 ms and 5 MB.
		return n
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(warn, "colrun: warning: ignoring extra certs from NODE_EXTRA_CA_CERTS %s: %v\n", path, errUnwrapped(err))
		return n
	}
	pool := systemRoots()
	if !pool.AppendCertsFromPEM(pem) {
		fmt.Fprintf(warn, "colrun: warning: ignoring extra certs from NODE_EXTRA_CA_CERTS %s: no PEM certificate found\n", path)
		return n
	}
	n.roots = pool
	return n
}

// systemRoots is a copy of the system's trusted roots to add to, or an
// empty pool where the system has none.
func systemRoots() *x509.CertPool {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		return x509.NewCertPool()
	}
	return pool
}

// errUnwrapped drops an *os.PathError's operation and path, which the
// message around it already names.
func errUnwrapped(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// apply makes the downloads of inputs given by URL follow the variables,
// as Newman's do (-k leaves those checked, in Newman as in colrun).
func (n nodeTLS) apply(tr *http.Transport) {
	if !n.insecure && n.roots == nil {
		return
	}
	tr.TLSClientConfig = &tls.Config{RootCAs: n.roots, InsecureSkipVerify: n.insecure} //nolint:gosec // NODE_TLS_REJECT_UNAUTHORIZED=0 asks for this
}
