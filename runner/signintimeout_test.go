package runner

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/colrun/colrun/auth"
)

// colrun's own Tableau sign-in is bounded even when --timeout-request is
// not given (Newman's default, no limit): a server that accepts the
// connection and never answers used to hold the run, and the CI job
// running it, until something killed it. The run stops naming the limit
// that ran out.
func TestOwnSigninToAServerThatNeverAnswers(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	tests := []struct {
		name           string
		requestTimeout time.Duration
		signinTimeout  time.Duration
		want           string
	}{
		{"no --timeout-request", 0, 200 * time.Millisecond, "no answer within 200ms: "},
		{"--timeout-request", 300 * time.Millisecond, time.Hour, "no answer within --timeout-request 300ms: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			signer, err := auth.NewSigner(auth.MethodPAT, auth.FormatXML, auth.Credentials{Server: srv.URL, PATName: "pat", PATSecret: "pat-secret"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := parse(t, collection(srv.URL, `{"name":"r","request":"http://127.0.0.1:1/x"}`))
			r, err := New(c, Options{RequestTimeout: tc.requestTimeout, Tableau: &TableauAuth{
				Signer: signer, Names: auth.DefaultVariableNames, Server: srv.URL, APIVersion: "3.24", SigninTimeout: tc.signinTimeout,
			}})
			if err != nil {
				t.Fatal(err)
			}
			// Only so that the test ends if the sign-in is not bounded.
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			res, err := r.Run(ctx, &events{})
			stop := err
			if stop == nil && res != nil {
				stop = res.Stopped
			}
			if stop == nil || !strings.Contains(stop.Error(), tc.want) {
				t.Errorf("run stopped with %v; want an error containing %q", stop, tc.want)
			}
		})
	}
}
