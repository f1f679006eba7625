package main

import "os"

// systemBundles are the files Go's crypto/x509 reads the system roots
// from on Linux, the first that exists (root_linux.go's certFiles), unless
// SSL_CERT_FILE names another.
var systemBundles = []string{
	"/etc/ssl/certs/ca-certificates.crt",
	"/etc/pki/tls/certs/ca-bundle.crt",
	"/etc/ssl/ca-bundle.pem",
	"/etc/pki/tls/cacert.pem",
	"/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
	"/etc/ssl/cert.pem",
}

// isSystemBundle reports whether path is the file Go takes the system's
// trusted roots from, so that trusting its certificates once more adds
// nothing. It reads the process's own SSL_CERT_FILE, as crypto/x509 does.
func isSystemBundle(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	files := systemBundles
	if f := os.Getenv("SSL_CERT_FILE"); f != "" {
		files = []string{f}
	}
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			return os.SameFile(fi, st)
		}
	}
	return false
}
