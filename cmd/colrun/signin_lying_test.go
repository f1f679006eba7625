package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/colrun/colrun/auth"
)

// lyingSignin answers sign-ins as servers in front of Tableau, or
// half-configured ones, do; every other request gets 200 and "{}".
func lyingSignin(t *testing.T, mode string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if r.URL.Path == "/login" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<!DOCTYPE html>\n<html><head><title>Sign In - Okta</title></head><body><form></form></body></html>")
			return
		}
		if !strings.HasSuffix(r.URL.Path, "/auth/signin") {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, "{}")
			return
		}
		switch mode {
		case "error with 200":
			w.Header().Set("Content-Type", "application/xml")
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><tsResponse xmlns="http://tableau.com/api"><error code="401001"><summary>Signin Error</summary><detail>Error signing in to Tableau Server</detail></error></tsResponse>`)
		case "no credentials":
			w.Header().Set("Content-Type", "application/xml")
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><tsResponse xmlns="http://tableau.com/api"></tsResponse>`)
		case "JSON when XML was asked":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"credentials":{"site":{"id":"site-1","contentUrl":""},"user":{"id":"user-1"},"token":"json-token-0123456789"}}`)
		case "302 to a login page":
			http.Redirect(w, r, "/login", http.StatusFound)
		case "a proxy's page":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><body><h1>Access denied</h1></body></html>")
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A sign-in answer that is not a session stops the run with one line
// saying what came back instead, and exit 1; one that is a session in the
// other format is read.
func TestSigninAnswersThatAreNotASession(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mode     string
		wantCode int
		want     string
	}{
		{"error with 200", exitFailed, "failed: Tableau error 401001 (HTTP 200): Signin Error: Error signing in to Tableau Server"},
		{"no credentials", exitFailed, "failed: reading the sign-in response: no token at tsResponse/credentials/@token"},
		{"JSON when XML was asked", exitOK, ""},
		{"302 to a login page", exitFailed, `failed: reading the sign-in response: the response is a web page ("Sign In - Okta"), not Tableau's XML or JSON: a login page or a proxy answered instead of the REST API; the server redirected the sign-in to http://127.0.0.1:PORT/login`},
		{"a proxy's page", exitFailed, "failed: reading the sign-in response: the response is a web page, not Tableau's XML or JSON: a login page or a proxy answered instead of the REST API"},
	}
	for _, tc := range tests {
		for _, who := range []string{"colrun's own sign-in", "the collection's sign-in"} {
			t.Run(tc.mode+", "+who, func(t *testing.T) {
				t.Parallel()
				srv := lyingSignin(t, tc.mode)
				collection := withoutSignin
				if who == "the collection's sign-in" {
					collection = withSignin
				}
				path := writeFile(t, t.TempDir(), "c.json", collection)
				env := map[string]string{auth.EnvPATName: "ci", auth.EnvPATSecret: "pat-secret-value"}
				if who == "colrun's own sign-in" {
					env[auth.EnvServer] = srv.URL
				}
				res := colrun(t, env, "run", path, "--env-var", "base="+srv.URL, "--tableau-auth", "pat", "--color", "off")
				if res.code != tc.wantCode {
					t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, tc.wantCode, res.stdout, res.stderr)
				}
				if tc.want == "" {
					return
				}
				port := strings.TrimPrefix(srv.URL, "http://127.0.0.1:")
				want := "colrun: run stopped: Tableau sign-in with a personal access token to the Default site " + strings.ReplaceAll(tc.want, "PORT", port) + "\n"
				if !strings.Contains(res.stderr, want) {
					t.Errorf("stderr lacks the line\n%s\ngot:\n%s", want, res.stderr)
				}
				if strings.Contains(res.stdout+res.stderr, "pat-secret-value") {
					t.Error("the PAT secret appears in the output")
				}
			})
		}
	}
}

// A collection's sign-in that does not follow redirects (--ignore-redirects,
// or followRedirects off) and gets a 302 says it was a redirect, and to
// where, rather than that the body is empty.
func TestSigninRedirectNotFollowed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		item string
	}{
		{"--ignore-redirects", []string{"--ignore-redirects"}, `{"name":"Sign in","request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"x"}}}`},
		{"followRedirects off", nil, `{"name":"Sign in","protocolProfileBehavior":{"followRedirects":false},"request":{"method":"POST","url":"{{base}}/api/3.24/auth/signin","body":{"mode":"raw","raw":"x"}}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := lyingSignin(t, "302 to a login page")
			path := writeFile(t, t.TempDir(), "c.json", `{"info":{"name":"redirected"},"item":[`+tc.item+`]}`)
			env := map[string]string{auth.EnvPATName: "ci", auth.EnvPATSecret: "pat-secret-value"}
			args := append([]string{"run", path, "--env-var", "base=" + srv.URL, "--tableau-auth", "pat", "--color", "off"}, tc.args...)
			res := colrun(t, env, args...)
			want := "colrun: run stopped: Tableau sign-in with a personal access token to the Default site failed: reading the sign-in response: HTTP 302 is a redirect, not a session, and the request did not follow it; the server redirected the sign-in to " + srv.URL + "/login\n"
			if res.code != exitFailed || !strings.Contains(res.stderr, want) {
				t.Errorf("exit %d, want %d, and stderr with the line\n%s\ngot:\n%s", res.code, exitFailed, want, res.stderr)
			}
		})
	}
}
