package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A server that redirects the sign-in from https to http (307 or 308,
// which resend the body) does not get the credentials in clear text: the
// sign-in fails naming both addresses, and the http address sees nothing.
func TestSignInRefusesARedirectFromHTTPSToHTTP(t *testing.T) {
	t.Parallel()
	for _, code := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		var reached atomic.Int32
		plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached.Add(1) }))
		defer plain.Close()
		secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, plain.URL+r.URL.Path, code)
		}))
		defer secure.Close()
		s, err := NewSigner(MethodPassword, FormatXML, testCredentials(), nil)
		if err != nil {
			t.Fatal(err)
		}
		s.Client = secure.Client()
		_, err = s.SignIn(context.Background(), secure.URL+"/api/3.24/auth/signin")
		if err == nil || !strings.Contains(err.Error(), "does not send credentials without TLS") || !strings.Contains(err.Error(), strings.TrimPrefix(plain.URL, "http://")) {
			t.Errorf("%d: sign-in error %v, want the refused downgrade naming the http address", code, err)
		}
		if n := reached.Load(); n != 0 {
			t.Errorf("%d: the http address got %d requests, want none", code, n)
		}
		if strings.Contains(err.Error(), testPassword) {
			t.Errorf("%d: the error shows the password", code)
		}
	}
}
