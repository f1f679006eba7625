package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestNodeExtraCACertsSystemBundleCostsNothing points NODE_EXTRA_CA_CERTS
// at the system's own bundle, as images that run Node often do (this
// machine's CI does): colrun must not load and parse the roots for it,
// which cost every run ~15 ms and 5 MB before its first request, https or
// not. A copy of the bundle elsewhere is still read as extra roots.
func TestNodeExtraCACertsSystemBundleCostsNothing(t *testing.T) {
	t.Parallel()
	bundle := ""
	if f := os.Getenv("SSL_CERT_FILE"); f != "" {
		bundle = f
	} else {
		for _, f := range systemBundles {
			if _, err := os.Stat(f); err == nil {
				bundle = f
				break
			}
		}
	}
	if bundle == "" {
		t.Skip("no system certificate bundle on this machine")
	}
	env := func(path string) func(string) string {
		return func(k string) string {
			if k == "NODE_EXTRA_CA_CERTS" {
				return path
			}
			return ""
		}
	}
	if n := readNodeTLS(env(bundle), io.Discard); n.roots != nil {
		t.Errorf("NODE_EXTRA_CA_CERTS=%s (the system bundle) built a root pool", bundle)
	}
	data, err := os.ReadFile(bundle)
	if err != nil {
		t.Skip(err)
	}
	copied := filepath.Join(t.TempDir(), "company-ca.pem")
	if err := os.WriteFile(copied, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if n := readNodeTLS(env(copied), io.Discard); n.roots == nil {
		t.Errorf("NODE_EXTRA_CA_CERTS=%s (another file) added no roots", copied)
	}
}
