package main

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// secretFormsCollection signs in, then does what careless scripts do
// with the sign-in body: log it as it is and as JSON, quote it in a
// failing assertion (chai cuts long values with "…", perhaps in the middle
// of the password), send the same password with Basic auth, and post it to
// a server whose answer --max-kept-body cuts in the middle of it, and
// post it in a form (percent-encoded, as a script's encodeURIComponent
// writes it too).
const secretFormsCollection = `{"info":{"name":"careless"},"item":[
 {"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"x"}},
  "event":[{"listen":"test","script":{"exec":[
   "const raw = pm.request.body.raw;",
   "console.log(raw);",
   "console.log(JSON.stringify(pm.request.body));",
   "console.log({body: raw});",
   "const at = raw.indexOf('made-up');",
   "pm.test('cut by chai', () => pm.expect('x'.repeat(30) + raw.slice(at)).to.equal(1));",
   "pm.environment.set('copied', raw);"
  ]}}]},
 {"name":"Basic","request":{"method":"GET","url":"{{base}}/get","auth":{"type":"basic","basic":[{"key":"username","value":"carol"},{"key":"password","value":"{{pw}}"}]}}},
 {"name":"Cut","request":{"method":"POST","url":"{{base}}/cut","body":{"mode":"raw","raw":"{{pw}}"}}},
 {"name":"Form","request":{"method":"POST","url":"{{base}}/post","body":{"mode":"urlencoded","urlencoded":[{"key":"p","value":"{{pw}}"}]}},
  "event":[{"listen":"test","script":{"exec":["console.log('p=' + encodeURIComponent(pm.variables.get('pw')));"]}}]}
]}`

// TestSecretFormsNeverReachOutput runs that collection against a mock
// whose user has a password full of characters that each output escapes
// its own way (XML, JSON, JavaScript string literals, base64), and checks
// every output for any recognisable piece of it.
func TestSecretFormsNeverReachOutput(t *testing.T) {
	t.Parallel()
	// Made up; "made-up" and "zq9x" stand for the password's start and
	// end, which every escaped form keeps as they are.
	const password = "made-up'p\"w\\<&>\tzq9x"
	data := mockserver.DefaultData()
	data.Users[0].Password = password
	mock := mockserver.New(mockserver.Config{Echo: true, Data: data})
	const cutPrefix = "data="
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cut" {
			b, _ := io.ReadAll(r.Body)
			io.WriteString(w, cutPrefix+string(b))
			return
		}
		mock.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	basic := base64.StdEncoding.EncodeToString([]byte("carol:" + password))

	for _, format := range []string{"xml", "json"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := writeFile(t, dir, "c.json", secretFormsCollection)
			env := map[string]string{
				auth.EnvServer:   srv.URL,
				auth.EnvUsername: data.Users[0].Name,
				auth.EnvPassword: password,
			}
			files := map[string]string{
				"json report":  filepath.Join(dir, "r.json"),
				"junit report": filepath.Join(dir, "r.xml"),
				"environment":  filepath.Join(dir, "env.json"),
				"globals":      filepath.Join(dir, "globals.json"),
			}
			res := colrun(t, env, "run", path, "--env-var", "base="+srv.URL, "--env-var", "pw="+password,
				"--tableau-auth", "password", "--tableau-format", format, "--verbose", "--color", "off",
				"--max-kept-body", "11", // cutPrefix and the first 6 bytes of the password
				"-r", "cli,json,junit", "--reporter-json-export", files["json report"], "--reporter-junit-export", files["junit report"],
				"--export-environment", files["environment"], "--export-globals", files["globals"])
			if !strings.Contains(res.stdout, "cut by chai") || !strings.Contains(res.stdout, "Basic ") {
				t.Fatalf("the run did not get as far as the test needs; exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
			}
			outputs := map[string]string{"stdout": res.stdout, "stderr": res.stderr}
			for name, p := range files {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				outputs[name] = string(b)
			}
			// The JSON report holds bodies as Newman's Buffer byte arrays.
			outputs["json report bodies"] = reportBuffers(t, outputs["json report"])
			pieces := map[string]string{
				"the password's start":     "made-",
				"the password's end":       "zq9x",
				"the password in base64":   basic[12 : len(basic)-4],
				"the XML-escaped password": `p&#34;w`,
			}
			for name, out := range outputs {
				for what, piece := range pieces {
					// Every place, not just the first: each is a
					// different way out.
					for rest, at := out, 0; ; {
						i := strings.Index(rest, piece)
						if i < 0 {
							break
						}
						at += i
						t.Errorf("%s shows %s: ...%q...", name, what, out[max(0, at-40):min(len(out), at+40)])
						rest, at = out[at+len(piece):], at+len(piece)
					}
				}
			}
		})
	}
}

// reportBuffers is the text of every {"type":"Buffer","data":[...]} in a
// JSON report, one per line.
func reportBuffers(t *testing.T, report string) string {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(report), &doc); err != nil {
		t.Fatalf("the JSON report is not JSON: %v", err)
	}
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if data, ok := v["data"].([]any); ok && v["type"] == "Buffer" {
				for _, n := range data {
					f, _ := n.(float64)
					b.WriteByte(byte(f))
				}
				b.WriteByte('\n')
				return
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	return b.String()
}

// Tableau's Connected Apps collection mints its JWT in a pre-request
// script from {{connected-app-secret-value}}; with --tableau-auth jwt that
// JWT, signed with the secret colrun masks, is masked too wherever the
// script puts it.
func TestScriptMintedJWTIsMasked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := writeFile(t, dir, "c.json", `{"info":{"name":"connected app"},"item":[
 {"name":"Mint","request":{"method":"GET","url":"{{baseUrl}}/serverinfo"},
  "event":[{"listen":"prerequest","script":{"exec":[
   "const b64 = w => CryptoJS.enc.Base64.stringify(w).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');",
   "const part = o => b64(CryptoJS.enc.Utf8.parse(JSON.stringify(o)));",
   "const head = part({alg: 'HS256', typ: 'JWT', kid: pm.environment.get('connected-app-secret-id')});",
   "const body = part({iss: pm.environment.get('connected-app-client-id'), sub: 'admin', aud: 'tableau', exp: Math.floor(Date.now() / 1000) + 300, jti: 'made-up-jti', scp: ['tableau:content:read']});",
   "const jwt = head + '.' + body + '.' + b64(CryptoJS.HmacSHA256(head + '.' + body, pm.environment.get('connected-app-secret-value')));",
   "console.log('minted', jwt);",
   "pm.environment.set('my-jwt', jwt);"
  ]}}]},
 {"name":"Echo","request":{"method":"GET","url":"{{server-name}}/get?jwt={{my-jwt}}"}}
]}`)
	report := filepath.Join(dir, "r.json")
	export := filepath.Join(dir, "env.json")
	res := colrun(t, nil, "run", path, "--mock", "--tableau-auth", "jwt", "--verbose", "--color", "off",
		"-r", "cli,json", "--reporter-json-export", report, "--export-environment", export)
	if !strings.Contains(res.stdout, "minted") {
		t.Fatalf("the script did not run; exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	outputs := map[string]string{"stdout": res.stdout, "stderr": res.stderr}
	for name, p := range map[string]string{"json report": report, "environment": export} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		outputs[name] = string(b)
	}
	outputs["json report bodies"] = reportBuffers(t, outputs["json report"])
	for name, out := range outputs {
		if m := jwtLike.FindString(out); m != "" {
			t.Errorf("%s shows a JWT: %.40s...", name, m)
		}
	}
}
