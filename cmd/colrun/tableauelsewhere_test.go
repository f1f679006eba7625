package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A request to Tableau's REST API at another address than the one colrun
// signed in at (a short host name, an IP address for the same server) goes
// without the token, and the run says so once per address instead of
// leaving only Tableau's 401s to explain it; a request elsewhere that is
// not Tableau's API (a webhook) gets no such warning.
func TestTableauTokenWithheldElsewhereIsExplained(t *testing.T) {
	t.Parallel()
	ts := newTableauServer(t)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(other.Close)
	coll := withoutSignin[:len(withoutSignin)-2] + `,
		{"name":"Elsewhere 1","request":"` + other.URL + `/api/3.24/sites"},
		{"name":"Elsewhere 2","request":"` + other.URL + `/api/3.24/sites/x/projects"},
		{"name":"Webhook","request":"` + other.URL + `/hook"}]}`
	path := writeFile(t, t.TempDir(), "c.json", coll)
	res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "pat", "--color", "off")
	if res.code != 0 {
		t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	out := res.stdout + res.stderr
	want := other.URL + " looks like Tableau's REST API but is not the server colrun signed in at (" + ts.srv.URL + ")"
	if n := strings.Count(out, want); n != 1 {
		t.Errorf("the warning %q appears %d times, want once:\n%s", want, n, out)
	}
	if strings.Count(out, "looks like Tableau's REST API") != 1 {
		t.Errorf("other warnings about the token:\n%s", out)
	}
}
