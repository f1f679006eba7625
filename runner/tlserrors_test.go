package runner

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

// TestTLSErrorsAreNodesMessages checks that a server certificate that
// fails verification is reported with Node's message and code, as Newman
// 6.2.2 shows them (CLI, JSON report, pm.sendRequest's err.code), with
// colrun's own explanation kept as the --verbose detail.
func TestTLSErrorsAreNodesMessages(t *testing.T) {
	t.Parallel()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test ca"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca)
	// leaf starts a server whose certificate the test CA issued.
	leaf := func(serial int64, mod func(*x509.Certificate)) string {
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "leaf"},
			NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
			IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
		mod(tmpl)
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, key)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		srv.Config.ErrorLog = log.New(io.Discard, "", 0)
		srv.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
		srv.StartTLS()
		t.Cleanup(srv.Close)
		return srv.URL
	}
	selfSigned := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	selfSigned.Config.ErrorLog = log.New(io.Discard, "", 0)
	selfSigned.StartTLS()
	t.Cleanup(selfSigned.Close)
	wrongNames := leaf(3, func(c *x509.Certificate) {
		c.DNSNames = []string{"example.com", "b.test"}
		c.IPAddresses = []net.IP{net.ParseIP("10.1.2.3"), net.ParseIP("::1")}
	})
	onlyCN := leaf(4, func(c *x509.Certificate) { c.Subject.CommonName, c.IPAddresses = "only.cn", nil })

	// Messages and codes are Newman 6.2.2's for the same certificates.
	tests := []struct {
		name      string
		url       string
		roots     *x509.CertPool
		wantError string
		wantCode  string
	}{
		{"self-signed", selfSigned.URL, nil, "self-signed certificate", "DEPTH_ZERO_SELF_SIGNED_CERT"},
		{"unknown issuer", leaf(2, func(*x509.Certificate) {}), nil, "unable to verify the first certificate", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
		{"expired", leaf(5, func(c *x509.Certificate) { c.NotBefore, c.NotAfter = now.Add(-48*time.Hour), now.Add(-24*time.Hour) }), roots,
			"certificate has expired", "CERT_HAS_EXPIRED"},
		{"not yet valid", leaf(6, func(c *x509.Certificate) { c.NotBefore, c.NotAfter = now.Add(24*time.Hour), now.Add(48*time.Hour) }), roots,
			"certificate is not yet valid", "CERT_NOT_YET_VALID"},
		{"IP not in the certificate", wrongNames, roots,
			"Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: 10.1.2.3, ::1", "ERR_TLS_CERT_ALTNAME_INVALID"},
		{"host not in the certificate", strings.Replace(wrongNames, "127.0.0.1", "localhost", 1), roots,
			"Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:example.com, DNS:b.test, IP Address:10.1.2.3, IP Address:0:0:0:0:0:0:0:1",
			"ERR_TLS_CERT_ALTNAME_INVALID"},
		{"certificate with a CN only", strings.Replace(onlyCN, "127.0.0.1", "localhost", 1), roots,
			"Hostname/IP does not match certificate's altnames: Host: localhost. is not cert's CN: only.cn", "ERR_TLS_CERT_ALTNAME_INVALID"},
		// OpenSSL checks the chain before Node checks the name.
		{"self-signed, for another host", strings.Replace(selfSigned.URL, "127.0.0.1", "localhost", 1), nil, "self-signed certificate", "DEPTH_ZERO_SELF_SIGNED_CERT"},
		{"unknown issuer, IP not in the certificate", wrongNames, nil, "unable to verify the first certificate", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			item := fmt.Sprintf(`{"name":"tls","request":"%s/x","event":[{"listen":"prerequest","script":{"exec":[
				"pm.sendRequest('%s/y', (err) => console.log('code ' + err.code))"]}}]}`, tc.url, tc.url)
			ev, _ := runScripted(t, parse(t, collection("", item)), Options{ExtraCAs: tc.roots})
			// The item's request and the script's pm.sendRequest.
			reqs := ev.requests()
			if len(reqs) != 2 {
				t.Fatalf("requests = %d, want 2", len(reqs))
			}
			for _, r := range reqs {
				if r.Error != tc.wantError {
					t.Errorf("%s: error = %q, want Newman's %q", r.Sent.URL, r.Error, tc.wantError)
				}
				if d := cmp.Diff(&event.NodeError{Code: tc.wantCode}, r.ErrorFields); d != "" {
					t.Errorf("%s: error fields (-newman +colrun):\n%s", r.Sent.URL, d)
				}
				if !strings.Contains(r.ErrorDetail, "is not trusted") {
					t.Errorf("%s: --verbose detail = %q, want colrun's explanation", r.Sent.URL, r.ErrorDetail)
				}
			}
			var logged []string
			for _, e := range ev.all {
				if e.Console != nil {
					logged = append(logged, e.Console.Messages...)
				}
			}
			if d := cmp.Diff([]string{"'code " + tc.wantCode + "'"}, logged); d != "" {
				t.Errorf("pm.sendRequest err.code (-newman +colrun):\n%s", d)
			}
		})
	}
}
