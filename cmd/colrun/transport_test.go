package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestTLSOptions(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "secure") }))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"tls"},"item":[{"name":"r","request":"%s/x"}]}`, srv.URL))
	caPath := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"untrusted certificate fails the request", nil, exitFailed, "self-signed certificate"},
		{"-k skips verification", []string{"-k"}, exitOK, "[200 OK"},
		{"--ssl-extra-ca-certs trusts the server", []string{"--ssl-extra-ca-certs", caPath}, exitOK, "[200 OK"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, append([]string{"run", coll, "--color", "off"}, tc.args...)...)
			if res.code != tc.wantCode || !strings.Contains(res.stdout, tc.want) {
				t.Errorf("exit %d (want %d), stdout lacks %q?\n%s", res.code, tc.wantCode, tc.want, res.stdout)
			}
		})
	}
}

// clientCertPair writes a self-signed client certificate and its key.
func clientCertPair(t *testing.T, dir string) (certPath, keyPath string, cert *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "colrun-client"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, KeyUsage: x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ = x509.ParseCertificate(der)
	kb, _ := x509.MarshalECPrivateKey(key)
	certPath, keyPath = filepath.Join(dir, "client.pem"), filepath.Join(dir, "client.key")
	os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return certPath, keyPath, cert
}

// clientCertServer is a TLS server that requires a client certificate
// signed by ca and answers with its common name, or redirects /redirect
// to its "to" parameter.
func clientCertServer(t *testing.T, ca *x509.Certificate) *httptest.Server {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/redirect" {
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
			return
		}
		io.WriteString(w, r.TLS.PeerCertificates[0].Subject.CommonName)
	}))
	srv.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

func TestClientCertificate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	certPath, keyPath, cert := clientCertPair(t, dir)
	srv := clientCertServer(t, cert)
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"mtls"},"item":[{"name":"r","request":"%s/x"}]}`, srv.URL))

	res := colrun(t, nil, "run", coll, "-k", "--ssl-client-cert", certPath, "--ssl-client-key", keyPath, "--verbose", "--color", "off")
	if res.code != exitOK || !strings.Contains(res.stdout, "colrun-client") {
		t.Errorf("with the client certificate: exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	if res := colrun(t, nil, "run", coll, "-k", "--color", "off"); res.code != exitFailed {
		t.Errorf("without a client certificate the request must fail: exit %d\n%s", res.code, res.stdout)
	}
	if res := colrun(t, nil, "run", coll, "--ssl-client-cert", certPath); res.code != exitUsage || !strings.Contains(res.stderr, "go together") {
		t.Errorf("a certificate without its key: exit %d, %s", res.code, res.stderr)
	}
}

func TestProxyEnvironmentVariables(t *testing.T) {
	t.Parallel()
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A proxy receives the absolute URL of the request.
		io.WriteString(w, "via proxy for "+r.URL.String())
	}))
	t.Cleanup(proxy.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"proxy"},"item":[{"name":"r","request":"http://colrun.test/hello"}]}`)
	res := colrun(t, map[string]string{"HTTP_PROXY": proxy.URL}, "run", coll, "--verbose", "--color", "off")
	if res.code != exitOK || !strings.Contains(res.stdout, "via proxy for http://colrun.test/hello") {
		t.Errorf("exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	res = colrun(t, map[string]string{"http_proxy": proxy.URL, "NO_PROXY": "colrun.test"}, "run", coll, "--color", "off")
	if res.code != exitFailed || !strings.Contains(res.stdout, "ENOTFOUND colrun.test") {
		t.Errorf("NO_PROXY should bypass the proxy (and the name then does not resolve): exit %d\n%s", res.code, res.stdout)
	}
}

func TestRequestTimeoutAgainstAHangingServer(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(func() { close(release); hang.Close() })
	ok := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"hang"},"item":[{"name":"hangs","request":"%s/h"},{"name":"fine","request":"%s/ok"}]}`, hang.URL, ok.URL))
	res := colrun(t, nil, "run", coll, "--timeout-request", "200", "--color", "off")
	if res.code != exitFailed {
		t.Errorf("exit %d, want %d", res.code, exitFailed)
	}
	if !strings.Contains(res.stdout, "\n     ESOCKETTIMEDOUT\n") || !strings.Contains(res.stdout, "[200 OK") {
		t.Errorf("the hanging request should time out and the next one run:\n%s", res.stdout)
	}
	res = colrun(t, nil, "run", coll, "--timeout", "300ms", "--color", "off")
	if res.code != exitFailed || !strings.Contains(res.stderr, "--timeout") {
		t.Errorf("--timeout should stop the run and say so: exit %d\nstderr: %s", res.code, res.stderr)
	}
}

func TestSeedRepeatsDynamicVariables(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"seed"},"item":[{"name":"r","request":"%s/{{$randomInt}}/{{$randomFirstName}}/{{$guid}}"}]}`, srv.URL))
	urlOf := func(res result) string {
		return regexp.MustCompile(`GET (\S+)`).FindStringSubmatch(res.stdout)[1]
	}
	a := urlOf(colrun(t, nil, "run", coll, "--seed", "42", "--color", "off"))
	b := urlOf(colrun(t, nil, "run", coll, "--seed", "42", "--color", "off"))
	c := urlOf(colrun(t, nil, "run", coll, "--seed", "43", "--color", "off"))
	if a != b {
		t.Errorf("the same seed gave %s and %s", a, b)
	}
	if a == c {
		t.Errorf("different seeds gave the same URL %s", a)
	}
	if strings.Contains(a, "{{") {
		t.Errorf("dynamic variables were not resolved: %s", a)
	}
}
