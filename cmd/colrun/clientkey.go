package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/youmark/pkcs8"
)

// loadClientKeyPair reads --ssl-client-cert and --ssl-client-key, and
// decrypts the key with --ssl-client-passphrase when it is encrypted, as
// Node (Newman) does: an OpenSSL "Proc-Type: 4,ENCRYPTED" key (DES-EDE3
// or AES, what openssl rsa -aes256 -traditional writes) or a PKCS#8
// "ENCRYPTED PRIVATE KEY" (PBKDF2 or scrypt, what openssl pkcs8 -topk8
// writes). A passphrase given for a key that is not encrypted is ignored,
// as in Newman. Unlike Newman, which fails each request with OpenSSL's
// "bad decrypt", a missing or wrong passphrase is an error before the run.
func loadClientKeyPair(certFile, keyFile, passphrase string) (tls.Certificate, error) {
	return loadKeyPair(certFile, keyFile, passphrase, "--ssl-client-passphrase")
}

// loadKeyPair is loadClientKeyPair with the passphrase's origin, which
// its errors name: a flag or an --ssl-client-cert-list entry's field.
func loadKeyPair(certFile, keyFile, passphrase, passFrom string) (tls.Certificate, error) {
	certPEM, err := os.ReadFile(certFile)
	if err != nil {
		return tls.Certificate{}, pathErrText(err)
	}
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		return tls.Certificate{}, pathErrText(err)
	}
	if keyPEM, err = decryptKeyPEM(keyPEM, passphrase, passFrom); err != nil {
		return tls.Certificate{}, err
	}
	return tls.X509KeyPair(certPEM, keyPEM)
}

// decryptKeyPEM returns the first private key of a PEM file, decrypted
// into PKCS#8 PEM when it was encrypted; other files are returned as they
// are, for tls.X509KeyPair to read or refuse. passFrom names where the
// passphrase comes from.
func decryptKeyPEM(data []byte, passphrase, passFrom string) ([]byte, error) {
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return data, nil
		}
		legacy := block.Headers["Proc-Type"] == "4,ENCRYPTED"
		if !legacy && block.Type != "ENCRYPTED PRIVATE KEY" {
			if strings.HasSuffix(block.Type, "PRIVATE KEY") {
				return data, nil
			}
			continue
		}
		if passphrase == "" {
			return nil, fmt.Errorf("the key is encrypted: give its passphrase with %s", passFrom)
		}
		var der []byte
		var err error
		if legacy {
			// Deprecated because this old OpenSSL format cannot detect
			// every wrong passphrase; it is still what openssl writes with
			// -traditional, and Node reads it.
			//lint:ignore SA1019 see above
			der, err = x509.DecryptPEMBlock(block, []byte(passphrase))
			if err == nil && parsesAsKey(der) {
				return pem.EncodeToMemory(&pem.Block{Type: block.Type, Bytes: der}), nil
			}
			if err != nil && !errors.Is(err, x509.IncorrectPasswordError) {
				return nil, fmt.Errorf("cannot decrypt the key: %v", err)
			}
		} else {
			var key any
			key, err = pkcs8.ParsePKCS8PrivateKey(block.Bytes, []byte(passphrase))
			if err == nil {
				if der, err = x509.MarshalPKCS8PrivateKey(key); err != nil {
					return nil, fmt.Errorf("cannot use the decrypted key: %v", err)
				}
				return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
			}
			if !strings.Contains(err.Error(), "incorrect password") {
				return nil, fmt.Errorf("cannot decrypt the key: %v", strings.TrimPrefix(err.Error(), "pkcs8: "))
			}
		}
		return nil, fmt.Errorf("%s does not decrypt the key (wrong passphrase)", passFrom)
	}
}

// parsesAsKey reports whether der is a private key: a wrong passphrase
// sometimes decrypts an old-style key into garbage with valid padding.
func parsesAsKey(der []byte) bool {
	if _, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return true
	}
	if _, err := x509.ParseECPrivateKey(der); err == nil {
		return true
	}
	_, err := x509.ParsePKCS8PrivateKey(der)
	return err == nil
}
