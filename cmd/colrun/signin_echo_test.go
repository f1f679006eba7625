package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/colrun/colrun/auth"
)

// asciiJSON is a JSON string as servers that escape everything past ASCII
// write it (Python's json.dumps, Jackson's ESCAPE_NON_ASCII, PHP's
// json_encode): hexFormat is "%04x" or "%04X", and slash escapes "/".
func asciiJSON(s, hexFormat string, slash bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '/' && slash:
			b.WriteString(`\/`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		case r < 0x80:
			b.WriteRune(r)
		default:
			units := utf16.Encode([]rune{r})
			for _, u := range units {
				fmt.Fprintf(&b, `\u`+hexFormat, u)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// secretPart matches the middle of the test's secret as the servers
// escape it, whatever the backslashes quoting it again; wrapped matches
// the line breaks the terminal output adds inside a long body.
var (
	secretPart = regexp.MustCompile(`(?i)w(ö|\\+u00f6)rd`)
	wrapped    = regexp.MustCompile(`\n[ \t]*│ ?`)
)

// A test server (httpbin, a Flask or PHP stub) that echoes the sign-in body
// it got escapes non-ASCII characters as \uXXXX: a password, PAT secret or
// connected-app secret with é or an emoji must still be masked in the
// terminal, the verbose log, console output and the JSON report.
func TestSigninEchoWithNonASCIIEscapesKeepsSecretsMasked(t *testing.T) {
	t.Parallel()
	secret := "pä/ss<wörd>€😀&'\"x"
	tests := []struct {
		name, method, format, hexFormat string
		slash                           bool
		env                             map[string]string
	}{
		{"Python json.dumps, password, xml", "password", "xml", "%04x", false, map[string]string{auth.EnvUsername: "bob", auth.EnvPassword: secret}},
		{"Python json.dumps, password, json", "password", "json", "%04x", false, map[string]string{auth.EnvUsername: "bob", auth.EnvPassword: secret}},
		{"Jackson upper-case hex, PAT, json", "pat", "json", "%04X", false, map[string]string{auth.EnvPATName: "ci", auth.EnvPATSecret: secret}},
		{"PHP json_encode, PAT, xml", "pat", "xml", "%04x", true, map[string]string{auth.EnvPATName: "ci", auth.EnvPATSecret: secret}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			const token = "echo-token-0123456789"
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprintf(w, `{"credentials":{"site":{"id":"site-1","contentUrl":""},"user":{"id":"user-1"},"token":%q},"echo":%s}`,
					token, asciiJSON(string(body), tc.hexFormat, tc.slash))
			}))
			t.Cleanup(srv.Close)
			dir := t.TempDir()
			path := writeFile(t, dir, "c.json", `{"info":{"name":"echo"},"item":[
				{"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"x"}},
				 "event":[{"listen":"test","script":{"exec":["console.log(pm.response.text());"]}}]}]}`)
			report := filepath.Join(dir, "report.json")
			env := map[string]string{auth.EnvServer: srv.URL}
			for k, v := range tc.env {
				env[k] = v
			}
			res := colrun(t, env, "run", path, "--env-var", "base="+srv.URL, "--tableau-auth", tc.method, "--tableau-format", tc.format,
				"--verbose", "-r", "cli,json", "--reporter-json-export", report, "--color", "off")
			if res.code != exitOK {
				t.Fatalf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
			}
			data, err := os.ReadFile(report)
			if err != nil {
				t.Fatal(err)
			}
			outputs := map[string]string{"stdout": res.stdout, "stderr": res.stderr, "json report": string(data), "json report bodies": reportBuffers(t, string(data))}
			if !strings.Contains(res.stdout, "echo") {
				t.Fatalf("the echo is not in the output, so the test shows nothing:\n%s", res.stdout)
			}
			for name, out := range outputs {
				// The terminal wraps long bodies; a secret must not
				// show across a wrap either.
				out = wrapped.ReplaceAllString(out, "")
				if m := secretPart.FindString(out); m != "" {
					t.Errorf("%s shows part of the secret as the server escaped it (%s):\n%s", name, m, out)
				}
			}
		})
	}
}
