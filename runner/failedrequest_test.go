package runner

import (
	"net"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTestScriptsSeeTheRequestThatFailed checks what a test script sees
// of a request whose send failed (connection refused): Newman 6.2.2
// hands it the request as it tried to send it, variables resolved, its
// own auth applied and its headers added, but no auth inherited from a
// parent and no Content-Length. colrun showed the collection's template
// ({{base}}/e/f?q={{v}}).
func TestTestScriptsSeeTheRequestThatFailed(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + l.Addr().String()
	l.Close()
	// The script prints what Newman's and colrun's headers share: Newman
	// also lists its User-Agent, Postman-Token and Connection.
	const script = `"var shared = pm.request.headers.toJSON().filter(h => !/^(user-agent|postman-token|connection)$/i.test(h.key)).map(h => h.key + '=' + h.value);",
		"console.log(pm.request.method, pm.request.url.toString(), JSON.stringify(shared), JSON.stringify(pm.request.body && pm.request.body.toJSON()), JSON.stringify(pm.request.auth && pm.request.auth.toJSON()), typeof pm.response)"`
	tests := []struct {
		name, item, newman string
	}{
		{
			name: "inherited bearer auth, urlencoded body",
			item: `{"name":"r","request":{"method":"POST","url":"{{base}}/e/f?q={{v}}&s=a b","header":[{"key":"X-A","value":"{{v}}"}],
				"body":{"mode":"urlencoded","urlencoded":[{"key":"k","value":"{{v}}"}]}}}`,
			newman: `'POST', '` + refused + `/e/f?q=zz&s=a%20b', '["X-A=zz","Authorization=Bearer zz","Accept=*/*","Cache-Control=no-cache","Host=` + refused[7:] + `","Accept-Encoding=gzip, deflate, br"]', '{"mode":"urlencoded","urlencoded":[{"key":"k","value":"zz"}]}', undefined, 'object'`,
		},
		{
			name: "own basic auth, raw body",
			item: `{"name":"r","request":{"method":"PUT","auth":{"type":"basic","basic":[{"key":"username","value":"{{v}}"}]},"url":"{{base}}/e/f",
				"header":[{"key":"Content-Type","value":"text/{{v}}"}],"body":{"mode":"raw","raw":"b={{v}}"}}}`,
			newman: `'PUT', '` + refused + `/e/f', '["Content-Type=text/zz","Authorization=Basic eno6","Accept=*/*","Cache-Control=no-cache","Host=` + refused[7:] + `","Accept-Encoding=gzip, deflate, br"]', '{"mode":"raw","raw":"b=zz"}', '{"type":"basic","basic":[{"type":"any","value":"zz","key":"username"}]}', 'object'`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			item := strings.TrimSuffix(tc.item, "}") + `,"event":[{"listen":"test","script":{"exec":[` + script + `]}}]}`
			c := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{v}}"}]},
				"variable":[{"key":"base","value":"` + refused + `"},{"key":"v","value":"zz"}],"item":[` + item + `]}`
			ev, _ := runScripted(t, parse(t, c), Options{})
			var got []string
			for _, e := range ev.all {
				if e.Console != nil {
					got = append(got, strings.Join(e.Console.Messages, ", "))
				}
			}
			if d := cmp.Diff([]string{tc.newman}, got); d != "" {
				t.Errorf("test script's pm.request (-newman +colrun):\n%s", d)
			}
		})
	}
}
