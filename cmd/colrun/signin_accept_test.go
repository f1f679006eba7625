package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A collection's own sign-in request keeps its Accept header under
// --tableau-auth, whatever --tableau-format writes the body in: Tableau
// answers in the format Accept names, and the collection's scripts read
// that format (Tableau's 2021 Connected Apps collection sends Accept:
// application/json and JSON.parses the answer; its REST tutorial sends
// none and reads XML). Under Newman 6.2.2, with the credentials in the
// collection, both pass; colrun replaced Accept with the --tableau-format
// one, and the script's parse failed.
func TestSigninKeepsTheCollectionsAccept(t *testing.T) {
	t.Parallel()
	asJSON := `const j = JSON.parse(responseBody); pm.test('token read', () => pm.expect(j.credentials.token).to.be.a('string').and.not.empty);`
	asXML := `const x = xml2Json(responseBody); pm.test('token read', () => pm.expect(x.tsResponse.credentials.$.token).to.be.a('string').and.not.empty);`
	tests := []struct {
		name, header, script string
	}{
		{"Accept: application/json, read as JSON", `[{"key":"Accept","value":"application/json"},{"key":"Content-Type","value":"application/json"}]`, asJSON},
		{"Accept: application/xml, read as XML", `[{"key":"Accept","value":"application/xml"}]`, asXML},
		{"no Accept (Postman's */*), read as XML", `[]`, asXML},
	}
	for _, tc := range tests {
		for _, format := range []string{"xml", "json"} {
			t.Run(tc.name+", --tableau-format "+format, func(t *testing.T) {
				t.Parallel()
				ts := newTableauServer(t)
				dir := t.TempDir()
				script, _ := json.Marshal(tc.script)
				path := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"own sign-in"},"item":[
					{"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","header":%s,"body":{"mode":"raw","raw":"{}"}},
					 "event":[{"listen":"test","script":{"exec":[%s]}}]},
					{"name":"Projects","request":{"method":"GET","url":"{{base}}/api/3.24/sites/{{site-id}}/projects"},
					 "event":[{"listen":"test","script":{"exec":["pm.test('status 200', () => pm.response.to.have.status(200));"]}}]}]}`, tc.header, script))
				report := filepath.Join(dir, "report.json")
				res := colrun(t, demoEnv(ts), "run", path, "--env-var", "base="+ts.srv.URL, "--tableau-auth", "pat", "--tableau-format", format,
					"-r", "json", "--reporter-json-export", report, "--color", "off")
				if res.code != exitOK {
					t.Errorf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
				}
				var doc officialReport
				readJSON(t, report, &doc)
				var got []string
				for _, ex := range doc.Run.Executions {
					for _, a := range ex.Assertions {
						s := a.Assertion + ": passed"
						if a.Error != nil {
							s = a.Assertion + ": " + a.Error.Message
						}
						got = append(got, s)
					}
				}
				// Newman 6.2.2's results for this collection.
				want := []string{"token read: passed", "status 200: passed"}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("assertions (-Newman +colrun):\n%s\nstderr:\n%s", diff, strings.TrimSpace(res.stderr))
				}
			})
		}
	}
}
