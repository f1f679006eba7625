package main

import (
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/youmark/pkcs8"
)

// TestClientKeyPassphrase signs in to a server that requires a client
// certificate with the key encrypted each way openssl writes one. Newman
// 6.2.2 (checked with openssl's own files) sent the certificate with the
// right passphrase, ignored a passphrase given for a plain key, and with a
// wrong or missing one failed each request with
// "error:1C800064:Provider routines::bad decrypt" (exit 1); colrun refuses
// before the run instead (exit 2).
func TestClientKeyPassphrase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	certPath, plainKey, cert := clientCertPair(t, dir)
	srv := clientCertServer(t, cert)
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"mtls"},"item":[{"name":"r","request":"%s/x","event":[{"listen":"test","script":{"exec":["console.log(pm.response.text())"]}}]}]}`, srv.URL))

	plain, err := os.ReadFile(plainKey)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(plain)
	key, err := x509.ParseECPrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	legacy := func(name string, alg x509.PEMCipher) string {
		//lint:ignore SA1019 the old format is what the test needs
		b, err := x509.EncryptPEMBlock(rand.Reader, block.Type, block.Bytes, []byte("secret"), alg)
		if err != nil {
			t.Fatal(err)
		}
		return writeFile(t, dir, name, string(pem.EncodeToMemory(b)))
	}
	modern := func(name string, opts *pkcs8.Opts) string {
		der, err := pkcs8.MarshalPrivateKey(key, []byte("secret"), opts)
		if err != nil {
			t.Fatal(err)
		}
		return writeFile(t, dir, name, string(pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: der})))
	}
	keys := map[string]string{
		"plain":            plainKey,
		"legacy AES-256":   legacy("aes.key", x509.PEMCipherAES256),
		"legacy DES-EDE3":  legacy("des3.key", x509.PEMCipher3DES),
		"PKCS#8 PBKDF2":    modern("pbkdf2.key", pkcs8.DefaultOpts),
		"PKCS#8 scrypt":    modern("scrypt.key", &pkcs8.Opts{Cipher: pkcs8.AES256CBC, KDFOpts: pkcs8.ScryptOpts{CostParameter: 1 << 10, BlockSize: 8, ParallelizationParameter: 1, SaltSize: 16}}),
		"PKCS#8 no cipher": writeFile(t, dir, "broken.key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n"),
	}
	const (
		sent      = "colrun-client"
		wrong     = "--ssl-client-passphrase does not decrypt the key (wrong passphrase)"
		needed    = "the key is encrypted: give its passphrase with --ssl-client-passphrase"
		malformed = "cannot decrypt the key"
	)
	tests := []struct {
		key, passphrase, want string
	}{
		{"plain", "", sent},
		{"plain", "anything", sent},
		{"legacy AES-256", "secret", sent},
		{"legacy AES-256", "wrong", wrong},
		{"legacy AES-256", "", needed},
		{"legacy DES-EDE3", "secret", sent},
		{"legacy DES-EDE3", "wrong", wrong},
		{"PKCS#8 PBKDF2", "secret", sent},
		{"PKCS#8 PBKDF2", "wrong", wrong},
		{"PKCS#8 PBKDF2", "", needed},
		{"PKCS#8 scrypt", "secret", sent},
		{"PKCS#8 scrypt", "wrong", wrong},
		{"PKCS#8 no cipher", "secret", malformed},
	}
	for _, tc := range tests {
		t.Run(tc.key+"/"+tc.passphrase, func(t *testing.T) {
			t.Parallel()
			args := []string{"run", coll, "-k", "--color", "off", "--ssl-client-cert", certPath, "--ssl-client-key", keys[tc.key]}
			if tc.passphrase != "" {
				args = append(args, "--ssl-client-passphrase", tc.passphrase)
			}
			res := colrun(t, nil, args...)
			if tc.want == sent {
				if res.code != exitOK || !strings.Contains(res.stdout, sent) {
					t.Errorf("exit %d, want the request sent with the certificate\n%s\n%s", res.code, res.stdout, res.stderr)
				}
				return
			}
			prefix := fmt.Sprintf("colrun: --ssl-client-cert %s / --ssl-client-key %s: ", certPath, keys[tc.key])
			if res.code != exitUsage || !strings.HasPrefix(res.stderr, prefix+tc.want) || strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit %d and one line %q", res.code, res.stderr, exitUsage, prefix+tc.want)
			}
		})
	}
	if res := colrun(t, nil, "run", coll, "--ssl-client-passphrase", "secret"); res.code != exitUsage ||
		res.stderr != "colrun: --ssl-client-passphrase needs --ssl-client-cert and --ssl-client-key\n" {
		t.Errorf("a passphrase without a key: exit %d, %q", res.code, res.stderr)
	}
}
