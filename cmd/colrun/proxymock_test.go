package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The proxy variables are read as Newman 6.2.2 reads them: a request to a
// loopback address goes through HTTP_PROXY too (Go's own reading never
// proxies one), but the server --mock starts is colrun's own and is always
// reached directly, so a proxy set for the CI job does not break --mock.
func TestProxyVariablesAndTheMock(t *testing.T) {
	t.Parallel()
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "via proxy")
	}))
	t.Cleanup(proxy.Close)
	target := okServer(t)
	dir := t.TempDir()
	test := `pm.test('answered by the proxy', function () { pm.expect(pm.response.text()).to.equal('via proxy'); });`
	local := writeFile(t, dir, "local.json", `{"info":{"name":"p"},"item":[{"name":"r","request":"`+target.URL+`/x",
		"event":[{"listen":"test","script":{"exec":["`+test+`"]}}]}]}`)
	if res := colrun(t, map[string]string{"HTTP_PROXY": proxy.URL}, "run", local, "--color", "off"); res.code != exitOK {
		t.Errorf("a loopback request with HTTP_PROXY set: exit %d, want it answered by the proxy\n%s%s", res.code, res.stdout, res.stderr)
	}
	// A proxy that refuses every connection: only a request that
	// bypasses it succeeds.
	mockColl := writeFile(t, dir, "mock.json", `{"info":{"name":"m"},"item":[{"name":"info","request":"{{protocol}}://{{server}}/api/{{api-version}}/serverinfo",
		"event":[{"listen":"test","script":{"exec":["pm.test('ok', function () { pm.response.to.have.status(200); });"]}}]}]}`)
	res := colrun(t, map[string]string{"HTTP_PROXY": "http://127.0.0.1:1", "HTTPS_PROXY": "http://127.0.0.1:1"}, "run", mockColl, "--mock", "--color", "off")
	if res.code != exitOK || strings.Contains(res.stdout, "ECONNREFUSED") {
		t.Errorf("--mock with a proxy set: exit %d, want the mock reached directly\n%s%s", res.code, res.stdout, res.stderr)
	}
}
