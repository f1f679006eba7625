package runner

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProxyVariablesAsNewmanReadsThem runs one request under each set of
// proxy variables and checks whether it went to the proxy (and with what
// request line) or straight to the server. The wanted outcomes are what
// Newman 6.2.2 did: postman-request proxies localhost and loopback
// addresses, which Go's http.ProxyFromEnvironment never does, and sends
// an https URL through HTTP_PROXY when no HTTPS_PROXY is set (Go went
// straight there); NO_PROXY zones are host name suffixes with an optional
// port, and an empty NO_PROXY gives way to no_proxy.
func TestProxyVariablesAsNewmanReadsThem(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var proxied []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		proxied = append(proxied, r.Method+" "+r.RequestURI)
		mu.Unlock()
		w.WriteHeader(http.StatusBadGateway)
	}))
	t.Cleanup(proxy.Close)
	direct := newRecorder(t, nil)
	port := direct.srv.Listener.Addr().String()[len("127.0.0.1:"):]
	tests := []struct {
		name, url string
		env       map[string]string
		want      string
	}{
		{"a loopback address", "http://127.0.0.1:PORT/x", map[string]string{"HTTP_PROXY": "PROXY"}, "proxy GET http://127.0.0.1:PORT/x"},
		{"localhost, lower case variable", "http://localhost:PORT/x", map[string]string{"http_proxy": "PROXY"}, "proxy GET http://localhost:PORT/x"},
		{"NO_PROXY names the address", "http://127.0.0.1:PORT/x", map[string]string{"HTTP_PROXY": "PROXY", "NO_PROXY": "127.0.0.1"}, "direct /x"},
		{"NO_PROXY is *", "http://127.0.0.1:PORT/x", map[string]string{"HTTP_PROXY": "PROXY", "NO_PROXY": "*"}, "direct /x"},
		{"NO_PROXY names another port", "http://localhost:PORT/x", map[string]string{"HTTP_PROXY": "PROXY", "NO_PROXY": "localhost:1"}, "proxy GET http://localhost:PORT/x"},
		{"NO_PROXY names the port, in capitals", "http://localhost:PORT/x", map[string]string{"HTTP_PROXY": "PROXY", "NO_PROXY": "LOCALHOST:PORT"}, "direct /x"},
		{"NO_PROXY with an empty zone and a dotted one", "http://localhost:PORT/x", map[string]string{"HTTP_PROXY": "PROXY", "NO_PROXY": ",foo,.localhost"}, "direct /x"},
		{"https through HTTP_PROXY", "https://127.0.0.1:PORT/x", map[string]string{"HTTP_PROXY": "PROXY"}, "proxy CONNECT 127.0.0.1:PORT"},
		{"http with only HTTPS_PROXY", "http://127.0.0.1:PORT/x", map[string]string{"HTTPS_PROXY": "PROXY"}, "direct /x"},
		{"empty NO_PROXY, lower case no_proxy", "http://localhost:PORT/x", map[string]string{"HTTP_PROXY": "PROXY", "NO_PROXY": "", "no_proxy": "localhost"}, "direct /x"},
		{"a proxy without a scheme", "http://localhost:PORT/x", map[string]string{"HTTP_PROXY": strings.TrimPrefix(proxy.URL, "http://")}, "proxy GET http://localhost:PORT/x"},
		{"empty HTTP_PROXY, lower case http_proxy", "http://127.0.0.1:PORT/x", map[string]string{"HTTP_PROXY": "", "http_proxy": "PROXY"}, "proxy GET http://127.0.0.1:PORT/x"},
	}
	fill := func(s string) string { return strings.NewReplacer("PORT", port, "PROXY", proxy.URL).Replace(s) }
	for _, tc := range tests {
		// One at a time: the two servers' logs are shared.
		mu.Lock()
		proxied = nil
		mu.Unlock()
		direct.mu.Lock()
		direct.reqs = nil
		direct.mu.Unlock()
		getenv := func(k string) string { return fill(tc.env[k]) }
		run(t, parse(t, collection(fill(tc.url), `{"name":"r","request":"{{base}}"}`)), Options{Proxy: ProxyFromEnv(getenv), RequestTimeout: 5e9})
		var got []string
		mu.Lock()
		for _, p := range proxied {
			got = append(got, "proxy "+p)
		}
		mu.Unlock()
		for _, r := range direct.all() {
			got = append(got, "direct "+r.URI)
		}
		if d := cmp.Diff([]string{fill(tc.want)}, got); d != "" {
			t.Errorf("%s: where the request went (-Newman +colrun):\n%s", tc.name, d)
		}
	}
}
