package runner

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// newTableauMock serves colrun's mock Tableau server for one test.
func newTableauMock(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(mockserver.New(mockserver.Config{}))
	t.Cleanup(srv.Close)
	return srv
}

// runTableau runs items (with {{base}} = base, scripts on) with colrun's Tableau
// sign-in by method m and creds, signing in itself at server ("" as
// without TABLEAU_SERVER); opts gives the run's other options.
func runTableau(t *testing.T, base, items string, m auth.Method, creds auth.Credentials, server string, opts Options) *events {
	t.Helper()
	signer, err := auth.NewSigner(m, auth.FormatXML, creds, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts.Tableau = &TableauAuth{Signer: signer, Names: auth.DefaultVariableNames, Server: server, APIVersion: "3.24"}
	ev, _ := runScripted(t, parse(t, collection(base, items)), opts)
	return ev
}

// adminCreds are the mock's administrator's password credentials.
var adminCreds = auth.Credentials{Username: mockserver.DemoAdminName, Password: mockserver.DemoAdminPassword}

// codes lists the status of each request's response, 0 for none.
func (e *events) codes() []int {
	var out []int
	for _, r := range e.requests() {
		code := 0
		if r.Resp != nil {
			code = r.Resp.Code
		}
		out = append(out, code)
	}
	return out
}

// sentTableauToken reports, for each request, whether it went with
// X-Tableau-Auth.
func (e *events) sentTableauToken() []bool {
	var out []bool
	for _, r := range e.requests() {
		with := false
		for _, h := range r.Sent.Headers {
			with = with || strings.EqualFold(h.Key, auth.AuthHeader)
		}
		out = append(out, with)
	}
	return out
}
