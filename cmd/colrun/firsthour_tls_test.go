package main

import (
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// NODE_TLS_REJECT_UNAUTHORIZED=0 and NODE_EXTRA_CA_CERTS, which CI jobs
// set for a test server with a self-signed or company certificate, work
// as under Newman 6.2.2, which Node makes follow them: colrun checked
// every certificate against the system's roots alone, so such a job
// failed every request. The outcomes are Newman's on the same collection:
// with the checks off, the plain request and the pm.sendRequest pass and
// the request whose protocolProfileBehavior sets strictSSL fails, as
// under -k; with the extra roots all three pass; only "0" turns the checks
// off; an extra-certificates file that cannot be read is skipped with a
// warning (Node: "Warning: Ignoring extra certs from `/nope.pem`, load
// failed: ... No such file or directory").
func TestFirstHourNodeTLSVariables(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/d.json" {
			io.WriteString(w, `[{"a":1}]`)
			return
		}
		io.WriteString(w, `{"info":{"name":"fetched"},"item":[]}`)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	ca := writeFile(t, dir, "ca.pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})))
	notPEM := writeFile(t, dir, "not.pem", "not a certificate\n")
	missing := filepath.Join(dir, "missing.pem")
	test := func(name string) string {
		return fmt.Sprintf(`"event":[{"listen":"test","script":{"exec":["pm.test('%s', () => pm.response.to.have.status(200));"]}}]`, name)
	}
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"tls"},"item":[
		{"name":"plain","request":"%[1]s/a",%[2]s},
		{"name":"strict","protocolProfileBehavior":{"strictSSL":true},"request":"%[1]s/b",%[3]s},
		{"name":"send","request":"%[1]s/c","event":[{"listen":"test","script":{"exec":[
			"pm.sendRequest('%[1]s/d', (err) => pm.test('send', () => pm.expect(err).to.eql(null)));"]}}]}
	]}`, srv.URL, test("plain"), test("strict")))
	const offWarning = "colrun: warning: NODE_TLS_REJECT_UNAUTHORIZED is 0, so TLS certificates are not checked, as with -k (Node, and so Newman, reads this variable)\n"
	tests := []struct {
		name       string
		env        map[string]string
		wantPassed []string
		wantFailed []string
		wantStderr string
	}{
		{"neither", nil, nil, []string{"plain", "strict", "send"}, ""},
		{"checks off", map[string]string{"NODE_TLS_REJECT_UNAUTHORIZED": "0"},
			[]string{"plain", "send"}, []string{"strict"}, offWarning},
		{"only 0 turns them off", map[string]string{"NODE_TLS_REJECT_UNAUTHORIZED": "false"},
			nil, []string{"plain", "strict", "send"}, ""},
		{"extra roots", map[string]string{"NODE_EXTRA_CA_CERTS": ca},
			[]string{"plain", "strict", "send"}, nil, ""},
		{"extra roots missing", map[string]string{"NODE_EXTRA_CA_CERTS": missing},
			nil, []string{"plain", "strict", "send"},
			"colrun: warning: ignoring extra certs from NODE_EXTRA_CA_CERTS " + missing + ": no such file or directory\n"},
		{"extra roots not PEM", map[string]string{"NODE_EXTRA_CA_CERTS": notPEM},
			nil, []string{"plain", "strict", "send"},
			"colrun: warning: ignoring extra certs from NODE_EXTRA_CA_CERTS " + notPEM + ": no PEM certificate found\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, tc.env, "run", coll, "--color", "off", "--disable-unicode", "--reporter-cli-no-summary", "--reporter-cli-no-failures")
			wantCode := exitOK
			if len(tc.wantFailed) > 0 {
				wantCode = exitFailed
			}
			if res.code != wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", res.code, wantCode, res.stderr)
			}
			passed, failed := assertionOutcomes(res.stdout)
			if diff := cmp.Diff(tc.wantPassed, passed); diff != "" {
				t.Errorf("passed (-want +got):\n%s\nstdout:\n%s", diff, res.stdout)
			}
			if diff := cmp.Diff(tc.wantFailed, failed); diff != "" {
				t.Errorf("failed (-want +got):\n%s\nstdout:\n%s", diff, res.stdout)
			}
			if diff := cmp.Diff(tc.wantStderr, res.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}

	// The collection's download follows them too, as Newman's does (-k
	// leaves it checked, in both).
	// --ssl-extra-ca-certs is the requests' alone, there as here, even
	// beside NODE_EXTRA_CA_CERTS (Newman: "iteration data could not be
	// loaded, self-signed certificate").
	otherCA, _, _ := clientCertPair(t, dir)
	empty := writeFile(t, dir, "empty.json", `{"info":{"name":"empty"},"item":[]}`)
	fetch := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
	}{
		{"download checked", nil, []string{srv.URL + "/c.json"}, exitUsage},
		{"download with checks off", map[string]string{"NODE_TLS_REJECT_UNAUTHORIZED": "0"}, []string{srv.URL + "/c.json"}, exitOK},
		{"download with extra roots", map[string]string{"NODE_EXTRA_CA_CERTS": ca}, []string{srv.URL + "/c.json"}, exitOK},
		{"data download with extra roots", map[string]string{"NODE_EXTRA_CA_CERTS": ca},
			[]string{empty, "-d", srv.URL + "/d.json"}, exitOK},
		{"data download with the requests' roots", map[string]string{"NODE_EXTRA_CA_CERTS": otherCA},
			[]string{empty, "-d", srv.URL + "/d.json", "--ssl-extra-ca-certs", ca}, exitUsage},
	}
	for _, tc := range fetch {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, tc.env, append([]string{"run", "--reporter-cli-no-summary"}, tc.args...)...)
			if res.code != tc.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", res.code, tc.wantCode, res.stderr)
			}
		})
	}
}

// assertionOutcomes lists the names of the passed and the failed
// assertions in a cli report printed with --disable-unicode.
func assertionOutcomes(stdout string) (passed, failed []string) {
	for _, line := range strings.Split(stdout, "\n") {
		line = strings.TrimSpace(line)
		if name, ok := strings.CutPrefix(line, "Pass  "); ok {
			passed = append(passed, name)
			continue
		}
		if n, name, ok := strings.Cut(line, ". "); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			failed = append(failed, name)
		}
	}
	return passed, failed
}
