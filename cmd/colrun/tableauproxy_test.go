package main

import (
	"strings"
	"testing"
)

// colrun tableau signin reaches the server through the proxy the
// environment names, read as colrun run reads it: it used Go's default
// client, which read the process's own variables and so ignored them.
func TestTableauSigninThroughProxy(t *testing.T) {
	t.Parallel()
	// The fake server answers the absolute-form request a proxy receives
	// as it answers the request itself; colrun.test resolves nowhere, so
	// only a proxied sign-in succeeds.
	proxy := tableauFake(t)
	env := tableauEnv(map[string]string{"TABLEAU_SERVER": "http://colrun.test", "HTTP_PROXY": proxy})
	code, out, errs := runTableau(t, env, "signin")
	if code != exitOK || !strings.Contains(out, "Signed in to site finance") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
}
