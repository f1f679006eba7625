package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
)

// Demo values of colrun's mock server, plus secrets no output may show.
const (
	tabPassword    = "tableau-test-password-<&>\""
	tabPATSecret   = "tableau-test-pat-secret"
	tabSecretValue = "tableau-test-connected-app-secret"
)

func tableauEnv(extra map[string]string) map[string]string {
	env := map[string]string{
		"TABLEAU_SITE":         "finance",
		"TABLEAU_USERNAME":     "admin",
		"TABLEAU_PASSWORD":     tabPassword,
		"TABLEAU_PAT_NAME":     "mock-pat",
		"TABLEAU_PAT_SECRET":   tabPATSecret,
		"TABLEAU_CLIENT_ID":    "0f7d9c3e-5f3b-4b8e-9c1d-2a6b7c8d9e0f",
		"TABLEAU_SECRET_ID":    "8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
		"TABLEAU_SECRET_VALUE": tabSecretValue,
		"TABLEAU_JWT_SUBJECT":  "alice",
	}
	for k, v := range extra {
		if v == "" {
			delete(env, k)
		} else {
			env[k] = v
		}
	}
	return env
}

// runTableau runs "colrun tableau args..." in-process.
func runTableau(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	sio := stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(k string) string { return env[k] }}
	code = tableauCommand(context.Background(), args, sio)
	return code, out.String(), errb.String()
}

func assertNoTableauSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{tabPassword, tabPATSecret, tabSecretValue} {
		if strings.Contains(s, secret) {
			t.Errorf("%s shows the secret %q:\n%s", what, secret, s)
		}
	}
}

func TestTableauHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, errs := runTableau(t, nil, args...)
		if code != exitOK || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		for _, want := range []string{"signin-body", "jwt", "signin ", "--side-by-side", "TABLEAU_PAT_SECRET", "--secret-file NAME=path"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: help lacks %q", args, want)
			}
		}
	}
	var out bytes.Buffer
	if code := dispatch(context.Background(), []string{"help", "tableau"}, stdio{out: &out, err: io.Discard, getenv: func(string) string { return "" }}); code != exitOK || !strings.Contains(out.String(), "signin-body") {
		t.Errorf("colrun help tableau: exit %d\n%s", code, out.String())
	}
	code, out2, errs := runTableau(t, nil)
	if code != exitUsage || out2 != "" || !strings.Contains(errs, "Subcommands:") {
		t.Errorf("no subcommand: exit %d, stdout %q", code, out2)
	}
	for _, sub := range []string{"jwt", "signin-body", "signin"} {
		code, out, _ := runTableau(t, nil, sub, "--help")
		if code != exitOK || !strings.Contains(out, "Usage:\n  colrun tableau "+sub) {
			t.Errorf("%s --help: exit %d\n%s", sub, code, out)
		}
	}
}

func TestTableauUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown subcommand "frobnicate"`},
		{[]string{"--bogus"}, "unknown flag --bogus"},
		{[]string{"signin-body", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"jwt", "--lifetime=soon"}, "invalid argument"},
		{[]string{"signin-body", "extra"}, `unexpected argument "extra"`},
		{[]string{"signin-body", "--method", "saml"}, `unknown sign-in method "saml"`},
		{[]string{"signin-body", "--format", "yaml"}, `unknown format "yaml"`},
		{[]string{"signin-body", "--format", "json", "--side-by-side"}, "drop --format"},
		{[]string{"signin-body", "--secret-file", "PASSWORD=/x"}, "--secret-file PASSWORD: unknown name"},
		{[]string{"signin-body", "--tableau-password", tabPassword}, "--tableau-password is refused"},
		{[]string{"jwt", "--tableau-secret-value=" + tabSecretValue}, "set TABLEAU_SECRET_VALUE in the environment"},
		{[]string{"signin", "--tableau-pat-secret", tabPATSecret, "--method", "pat"}, "--secret-file TABLEAU_PAT_SECRET=path"},
	}
	for _, tc := range tests {
		code, out, errs := runTableau(t, tableauEnv(nil), tc.args...)
		if code != exitUsage || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want exit 2 and no output", tc.args, code, out)
		}
		if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: stderr %q; want one line containing %q", tc.args, errs, tc.want)
		}
		assertNoTableauSecret(t, "usage error", errs)
	}
}

func TestTableauJWT(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	secretFile := filepath.Join(dir, "app-secret")
	if err := os.WriteFile(secretFile, []byte("from-a-file-secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		env        map[string]string
		args       []string
		key        string
		wantSub    string
		wantScopes []any
		wantLife   time.Duration
	}{
		{"defaults", tableauEnv(nil), nil, tabSecretValue, "alice", []any{"tableau:content:read"}, 5 * time.Minute},
		{"flags", tableauEnv(nil), []string{"--subject", "bob", "--scopes", "tableau:users:read tableau:groups:read", "--lifetime", "10m"}, tabSecretValue, "bob", []any{"tableau:users:read", "tableau:groups:read"}, 10 * time.Minute},
		{"environment lifetime and scopes", tableauEnv(map[string]string{"TABLEAU_JWT_LIFETIME": "2m", "TABLEAU_JWT_SCOPES": "tableau:views:embed"}), nil, tabSecretValue, "alice", []any{"tableau:views:embed"}, 2 * time.Minute},
		{"secret file", tableauEnv(map[string]string{"TABLEAU_SECRET_VALUE": ""}), []string{"--secret-file", "TABLEAU_SECRET_VALUE=" + secretFile}, "from-a-file-secret", "alice", []any{"tableau:content:read"}, 5 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, out, errs := runTableau(t, tc.env, append([]string{"jwt"}, tc.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if strings.Count(out, "\n") != 1 {
				t.Fatalf("stdout should be the JWT alone on one line: %q", out)
			}
			claims := jwt.MapClaims{}
			tok, err := jwt.ParseWithClaims(strings.TrimSpace(out), claims, func(*jwt.Token) (any, error) { return []byte(tc.key), nil },
				jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("tableau"), jwt.WithIssuer("0f7d9c3e-5f3b-4b8e-9c1d-2a6b7c8d9e0f"), jwt.WithExpirationRequired())
			if err != nil {
				t.Fatalf("the printed JWT does not verify: %v", err)
			}
			if tok.Header["kid"] != "8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" || tok.Header["iss"] != "0f7d9c3e-5f3b-4b8e-9c1d-2a6b7c8d9e0f" {
				t.Errorf("header %v", tok.Header)
			}
			if claims["sub"] != tc.wantSub {
				t.Errorf("sub = %v", claims["sub"])
			}
			if diff := cmp.Diff(tc.wantScopes, claims["scp"]); diff != "" {
				t.Errorf("scp (-want +got):\n%s", diff)
			}
			if !strings.Contains(errs, "valid for "+tc.wantLife.String()) {
				t.Errorf("stderr does not state the lifetime %s:\n%s", tc.wantLife, errs)
			}
			for _, want := range []string{"header\n", `"alg": "HS256"`, "claims\n", `"aud": "tableau"`, `"jti": "`, "kid  the connected app's secret ID"} {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
			assertNoTableauSecret(t, "stderr", errs)
			if strings.Contains(errs, "from-a-file-secret") || strings.Contains(errs, strings.TrimSpace(out)) {
				t.Error("stderr shows the secret or the JWT itself")
			}
		})
	}
}

func TestTableauJWTRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"lifetime flag above 10m", tableauEnv(nil), []string{"--lifetime", "11m"}, "use 10m or less"},
		{"lifetime variable above 10m", tableauEnv(map[string]string{"TABLEAU_JWT_LIFETIME": "1h"}), nil, "use 10m or less"},
		{"zero lifetime", tableauEnv(nil), []string{"--lifetime", "0s"}, "must be positive"},
		{"missing secret", tableauEnv(map[string]string{"TABLEAU_SECRET_VALUE": "", "TABLEAU_JWT_SUBJECT": ""}), nil, "TABLEAU_SECRET_VALUE"},
		{"unreadable secret file", tableauEnv(nil), []string{"--secret-file", "TABLEAU_SECRET_VALUE=/nonexistent/file"}, "cannot read the file"},
	}
	for _, tc := range tests {
		code, out, errs := runTableau(t, tc.env, append([]string{"jwt"}, tc.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.name, code, out, errs, tc.want)
		}
		assertNoTableauSecret(t, tc.name, errs)
	}
}

func TestTableauSigninBody(t *testing.T) {
	t.Parallel()
	for _, m := range auth.Methods() {
		for _, f := range auth.Formats() {
			t.Run(string(m)+"-"+string(f), func(t *testing.T) {
				t.Parallel()
				env := tableauEnv(map[string]string{"TABLEAU_SERVER": "https://tableau.example.com"})
				code, out, errs := runTableau(t, env, "signin-body", "--method", string(m), "--format", string(f))
				if code != exitOK {
					t.Fatalf("exit %d: %s", code, errs)
				}
				c, _ := auth.CredentialsFromEnv(func(k string) string { return env[k] }, nil)
				if want := string(auth.RedactedSigninBody(m, f, c)) + "\n"; out != want {
					t.Errorf("stdout (-want +got):\n%s", cmp.Diff(want, out))
				}
				// The body is the one colrun sends, with the secret masked.
				real, _, err := auth.SigninBody(m, f, c, "header.payload.signature")
				if err != nil {
					t.Fatal(err)
				}
				masked := auth.NewRedactor(append(c.Secrets(), "header.payload.signature")...).String(string(real))
				if masked+"\n" != out {
					t.Errorf("shown body differs from the sent one beyond masking:\nshown:\n%s\nsent (masked):\n%s", out, masked)
				}
				wantHead := "POST https://tableau.example.com/api/3.24/auth/signin\nContent-Type: " + f.MediaType() + "\nAccept: " + f.MediaType() + "\n"
				if !strings.HasPrefix(errs, wantHead) {
					t.Errorf("stderr should start with\n%s\ngot\n%s", wantHead, errs)
				}
				assertNoTableauSecret(t, "stdout", out)
				assertNoTableauSecret(t, "stderr", errs)
			})
		}
	}
}

func TestTableauSigninBodyWithoutCredentials(t *testing.T) {
	t.Parallel()
	code, out, errs := runTableau(t, nil, "signin-body", "--method", "pat", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"personalAccessTokenName": "$TABLEAU_PAT_NAME"`) || !strings.Contains(out, `"personalAccessTokenSecret": "$TABLEAU_PAT_SECRET"`) {
		t.Errorf("placeholders missing:\n%s", out)
	}
	if !strings.Contains(errs, "Not set, shown as $NAME: TABLEAU_PAT_NAME, TABLEAU_PAT_SECRET") {
		t.Errorf("stderr does not say which values are placeholders:\n%s", errs)
	}
	if !strings.Contains(errs, "POST $TABLEAU_SERVER/api/3.24/auth/signin") {
		t.Errorf("stderr:\n%s", errs)
	}
	code, out, _ = runTableau(t, nil, "signin-body", "--method", "password", "--impersonate", "dd2239f6")
	if code != exitOK || !strings.Contains(out, `<user id="dd2239f6"/>`) {
		t.Errorf("--impersonate: exit %d\n%s", code, out)
	}
}

func TestTableauSigninBodySideBySide(t *testing.T) {
	t.Parallel()
	for _, m := range auth.Methods() {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			code, out, errs := runTableau(t, tableauEnv(nil), "signin-body", "--method", string(m), "--side-by-side")
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			for _, want := range []string{
				"XML", "JSON", "Content-Type: application/xml", "Accept: application/json",
				"<tsRequest>", `"credentials": {`, `<site contentUrl="finance"/>`, `"contentUrl": "finance"`,
				"token    tsResponse/credentials/@token", "token    credentials.token",
				"site id  tsResponse/credentials/site/@id", "site id  credentials.site.id",
				"user id  tsResponse/credentials/user/@id", "user id  credentials.user.id",
				"error    tsResponse/error/@code", `error.code  (a string: "401001")`,
				"pm.response.json()", "What differs", "X-Tableau-Auth",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("side-by-side lacks %q", want)
				}
			}
			assertNoTableauSecret(t, "side-by-side", out)
			// The column separator lines up on every row.
			col := -1
			for _, line := range strings.Split(out, "\n") {
				i := strings.IndexAny(line, "│╪")
				if i < 0 {
					continue
				}
				pos := utf8.RuneCountInString(line[:i])
				if col < 0 {
					col = pos
				}
				if pos != col {
					t.Errorf("separator at column %d, want %d: %q", pos, col, line)
				}
			}
			if col < 0 || col > 64 {
				t.Errorf("left column is %d wide; want at most 64 to fit a terminal", col)
			}
		})
	}
}

// tableauFake accepts admin and the test password in XML or JSON.
func tableauFake(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asJSON := strings.Contains(r.Header.Get("Accept"), "json")
		reply := func(status int, xmlBody, jsonBody string) {
			if asJSON {
				w.Header().Set("Content-Type", "application/json;charset=utf-8")
				w.WriteHeader(status)
				io.WriteString(w, jsonBody)
				return
			}
			w.Header().Set("Content-Type", "application/xml;charset=utf-8")
			w.WriteHeader(status)
			io.WriteString(w, `<tsResponse xmlns="http://tableau.com/api">`+xmlBody+`</tsResponse>`)
		}
		switch r.URL.Path {
		case "/api/3.24/auth/signout":
			if r.Header.Get("X-Tableau-Auth") != "fake-session-token" {
				reply(401, `<error code="401002"><summary>s</summary><detail>d</detail></error>`, `{"error":{"code":"401002"}}`)
				return
			}
			w.WriteHeader(http.StatusNoContent)
			return
		case "/api/3.24/auth/signin":
		default:
			reply(404, `<error code="404003"><summary>Resource Not Found</summary><detail>Unknown resource</detail></error>`, `{"error":{"code":"404003"}}`)
			return
		}
		body, _ := io.ReadAll(r.Body)
		var name, password string
		if asJSON {
			var v struct {
				Credentials struct{ Name, Password string } `json:"credentials"`
			}
			json.Unmarshal(body, &v)
			name, password = v.Credentials.Name, v.Credentials.Password
		} else {
			var v struct {
				Credentials struct {
					Name     string `xml:"name,attr"`
					Password string `xml:"password,attr"`
				} `xml:"credentials"`
			}
			xml.Unmarshal(body, &v)
			name, password = v.Credentials.Name, v.Credentials.Password
		}
		if name != "admin" || password != tabPassword {
			reply(401, `<error code="401001"><summary>Signin Error</summary><detail>Error signing in to Tableau Server</detail></error>`,
				`{"error":{"summary":"Signin Error","detail":"Error signing in to Tableau Server","code":"401001"}}`)
			return
		}
		reply(200, `<credentials token="fake-session-token"><site id="site-finance" contentUrl="finance"/><user id="user-admin"/></credentials>`,
			`{"credentials":{"site":{"id":"site-finance","contentUrl":"finance"},"user":{"id":"user-admin"},"token":"fake-session-token"}}`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestTableauSignin(t *testing.T) {
	t.Parallel()
	server := tableauFake(t)
	for _, f := range []string{"xml", "json"} {
		code, out, errs := runTableau(t, tableauEnv(map[string]string{"TABLEAU_SERVER": server}), "signin", "--format", f)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", f, code, errs)
		}
		for _, want := range []string{"Signed in to site finance as user user-admin.", "site id          site-finance", "token            ********", "Signed out again."} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: stdout lacks %q:\n%s", f, want, out)
			}
		}
		if strings.Contains(out+errs, "fake-session-token") {
			t.Errorf("%s: the session token is shown:\n%s%s", f, out, errs)
		}
		assertNoTableauSecret(t, "signin", out+errs)
	}

	code, out, errs := runTableau(t, tableauEnv(map[string]string{"TABLEAU_SERVER": server}), "signin", "--print-token")
	if code != exitOK || out != "fake-session-token\n" {
		t.Errorf("--print-token: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	code, out, errs = runTableau(t, tableauEnv(map[string]string{"TABLEAU_SERVER": server, "TABLEAU_PASSWORD": "wrong-" + tabPassword}), "signin", "--format", "json")
	if code != exitFailed || out != "" {
		t.Errorf("wrong password: exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"401001", "Signin Error", "TABLEAU_PASSWORD", "TABLEAU_SITE"} {
		if !strings.Contains(errs, want) {
			t.Errorf("wrong password: stderr lacks %q:\n%s", want, errs)
		}
	}
	assertNoTableauSecret(t, "wrong password", errs)

	code, _, errs = runTableau(t, tableauEnv(nil), "signin")
	if code != exitUsage || !strings.Contains(errs, "TABLEAU_SERVER is not set") {
		t.Errorf("no server: exit %d, %s", code, errs)
	}
	code, _, errs = runTableau(t, tableauEnv(map[string]string{"TABLEAU_SERVER": server, "TABLEAU_USERNAME": ""}), "signin")
	if code != exitUsage || !strings.Contains(errs, "TABLEAU_USERNAME") {
		t.Errorf("no user name: exit %d, %s", code, errs)
	}
}

func TestRefusedSecretFlagsForRun(t *testing.T) {
	t.Parallel()
	fs := newTableauFlags("x")
	if err := fs.Parse([]string{"--tableau-pat-secret", tabPATSecret}); err != nil {
		t.Fatal(err)
	}
	err := checkRefusedSecretFlags(fs)
	if err == nil || !strings.Contains(err.Error(), "TABLEAU_PAT_SECRET") {
		t.Errorf("checkRefusedSecretFlags = %v", err)
	}
	if strings.Contains(fs.FlagUsages(), "tableau-pat-secret") {
		t.Error("refused flags should be hidden from help")
	}
	files := secretFileFlag{}
	if err := files.Set("TABLEAU_PASSWORD=/a"); err != nil {
		t.Fatal(err)
	}
	if err := files.Set("TABLEAU_PASSWORD=/b"); err == nil {
		t.Error("a repeated name should be refused")
	}
}

// TestTableauSigninServerMistakes checks TABLEAU_SERVER set to what a
// user has at hand instead of the server's root: the Postman baseUrl the
// mock and the official collection print (…/api/3.24), which got the
// path twice and a 404, and the browser's address (…/#/site/Samples),
// whose site was dropped, signing in to the Default site without a word.
// Both are refused before anything is sent, with the setting to use.
func TestTableauSigninServerMistakes(t *testing.T) {
	t.Parallel()
	var requests atomic.Int32
	mock := mockserver.New(mockserver.Config{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		mock.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	tests := []struct {
		server   string
		code     int
		stderr   string // the last line
		requests int32  // sign-in and sign-out
	}{
		{srv.URL + "/api/3.24", exitUsage, `colrun tableau signin: TABLEAU_SERVER="` + srv.URL + `/api/3.24" holds the REST API's path: set TABLEAU_SERVER=` + srv.URL + ` (colrun adds /api/<version>/auth/signin itself)`, 0},
		{srv.URL + "/api/3.24/auth/signin", exitUsage, `colrun tableau signin: TABLEAU_SERVER="` + srv.URL + `/api/3.24/auth/signin" holds the REST API's path: set TABLEAU_SERVER=` + srv.URL + ` (colrun adds /api/<version>/auth/signin itself)`, 0},
		{srv.URL + "/api/exp/", exitUsage, `colrun tableau signin: TABLEAU_SERVER="` + srv.URL + `/api/exp/" holds the REST API's path: set TABLEAU_SERVER=` + srv.URL + ` (colrun adds /api/<version>/auth/signin itself)`, 0},
		{srv.URL + "/#/site/Samples/home", exitUsage, `colrun tableau signin: TABLEAU_SERVER="` + srv.URL + `/#/site/Samples/home" names the site after #, as the browser shows it: set TABLEAU_SERVER=` + srv.URL + ` and TABLEAU_SITE=Samples`, 0},
		{srv.URL + "/#/home", exitUsage, `colrun tableau signin: TABLEAU_SERVER="` + srv.URL + `/#/home" has a # part, which is not sent to the server: set TABLEAU_SERVER=` + srv.URL, 0},
		{srv.URL + "/", exitOK, "Signed out again.", 2},
	}
	for _, tt := range tests {
		t.Run(tt.server, func(t *testing.T) {
			// Not parallel: the subtests count one server's requests.
			before := requests.Load()
			env := map[string]string{"TABLEAU_SERVER": tt.server, "TABLEAU_USERNAME": mockserver.DemoAdminName, "TABLEAU_PASSWORD": mockserver.DemoAdminPassword}
			code, out, errs := runTableau(t, env, "signin")
			lines := strings.Split(strings.TrimSpace(errs+out), "\n")
			if code != tt.code || lines[len(lines)-1] != tt.stderr {
				t.Errorf("exit %d, output:\n%s%s\nwant exit %d, last line:\n%s", code, errs, out, tt.code, tt.stderr)
			}
			if got := requests.Load() - before; got != tt.requests {
				t.Errorf("%d requests reached the server, want %d", got, tt.requests)
			}
		})
	}
	t.Run("colrun run --tableau-auth", func(t *testing.T) {
		// colrun run signs in at TABLEAU_SERVER only when a request needs
		// it, perhaps late in the run; the URL is refused before any.
		coll := filepath.Join(t.TempDir(), "c.json")
		os.WriteFile(coll, []byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"session","request":{"method":"GET","url":"`+srv.URL+`/api/3.24/sessions/current"}}]}`), 0o600)
		before := requests.Load()
		env := map[string]string{"TABLEAU_SERVER": srv.URL + "/api/3.24", "TABLEAU_USERNAME": mockserver.DemoAdminName, "TABLEAU_PASSWORD": mockserver.DemoAdminPassword}
		var out, errb bytes.Buffer
		code := dispatch(context.Background(), []string{"run", coll, "--tableau-auth", "password"}, stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(k string) string { return env[k] }})
		want := `colrun: TABLEAU_SERVER="` + srv.URL + `/api/3.24" holds the REST API's path: set TABLEAU_SERVER=` + srv.URL + ` (colrun adds /api/<version>/auth/signin itself)` + "\n"
		if code != exitUsage || errb.String() != want {
			t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errb.String(), exitUsage, want)
		}
		if got := requests.Load() - before; got != 0 {
			t.Errorf("%d requests reached the server, want none", got)
		}
	})
}

// TestTableauSigninOlderServer checks the sign-in at a server older than
// colrun's default REST API version (3.24, Tableau 2024.3): Tableau
// answers 404001, and colrun now asks the server's serverinfo for its
// newest version and names the setting that signs in there; the hint said
// only to check the server and the version. The mock stands for a Tableau
// Server 2022.1 (3.15).
func TestTableauSigninOlderServer(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(mockserver.New(mockserver.Config{APIVersion: "3.15"}))
	t.Cleanup(srv.Close)
	env := map[string]string{"TABLEAU_SERVER": srv.URL, "TABLEAU_USERNAME": mockserver.DemoAdminName, "TABLEAU_PASSWORD": mockserver.DemoAdminPassword}
	const hint = "This server's newest REST API version is 3.15 (its serverinfo says), older than 3.24: sign in at 3.15, with --env-var api-version=3.15 for colrun run (or api-version in the environment file), or --api-version 3.15 for colrun tableau"
	tests := []struct {
		name string
		args []string
		code int
		want string // the start of a line of the output
	}{
		{"tableau signin", []string{"tableau", "signin"}, exitFailed, hint},
		{"tableau signin --api-version 3.15", []string{"tableau", "signin", "--api-version", "3.15"}, exitOK, "Signed out again."},
		{"run", []string{"run", "COLL", "--tableau-auth", "password"}, exitFailed, "               " + hint},
		{"run --env-var api-version=3.15", []string{"run", "COLL", "--tableau-auth", "password", "--env-var", "api-version=3.15"}, exitOK, "  GET " + srv.URL + "/api/3.15/sessions/current [200 OK, "},
	}
	coll := filepath.Join(t.TempDir(), "c.json")
	os.WriteFile(coll, []byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"session","request":{"method":"GET","url":"`+srv.URL+`/api/3.15/sessions/current"}}]}`), 0o600)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := slices.Clone(tt.args)
			if i := slices.Index(args, "COLL"); i >= 0 {
				args[i] = coll
			}
			var out, errb bytes.Buffer
			code := dispatch(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(k string) string { return env[k] }})
			found := slices.ContainsFunc(strings.Split(out.String()+errb.String(), "\n"), func(line string) bool { return strings.HasPrefix(line, tt.want) })
			if code != tt.code || !found {
				t.Errorf("exit %d, output:\n%s%s\nwant exit %d and the line:\n%s", code, out.String(), errb.String(), tt.code, tt.want)
			}
		})
	}
}

// TestTableauJWTScopeList checks TABLEAU_JWT_SCOPES written as a list
// with commas, which made one scope that Tableau matches with nothing, so
// that the run signed in and every call outside content reads failed with
// 401002: it is refused before anything is sent, saying to use spaces.
func TestTableauJWTScopeList(t *testing.T) {
	t.Parallel()
	var requests atomic.Int32
	mock := mockserver.New(mockserver.Config{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		mock.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	coll := filepath.Join(t.TempDir(), "c.json")
	os.WriteFile(coll, []byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"users","request":{"method":"GET","url":"`+srv.URL+`/api/3.24/sites/{{site-id}}/users"}}]}`), 0o600)
	env := map[string]string{
		"TABLEAU_SERVER":       srv.URL,
		"TABLEAU_CLIENT_ID":    mockserver.DemoClientID,
		"TABLEAU_SECRET_ID":    mockserver.DemoSecretID,
		"TABLEAU_SECRET_VALUE": mockserver.DemoSecretValue,
		"TABLEAU_JWT_SUBJECT":  mockserver.DemoAdminName,
	}
	tests := []struct {
		scopes   string
		code     int
		stderr   string
		requests int32
	}{
		{"tableau:content:read,tableau:users:read", exitUsage, `colrun: TABLEAU_JWT_SCOPES: scope "tableau:content:read,tableau:users:read" holds ",": separate scopes with spaces (TABLEAU_JWT_SCOPES="tableau:content:read tableau:users:read")` + "\n", 0},
		{"tableau:content:read; tableau:users:read", exitUsage, `colrun: TABLEAU_JWT_SCOPES: scope "tableau:content:read;" holds ";": separate scopes with spaces (TABLEAU_JWT_SCOPES="tableau:content:read tableau:users:read")` + "\n", 0},
		{"tableau:content:read tableau:users:read", exitOK, "", 2}, // sign-in, users
	}
	for _, tt := range tests {
		t.Run(tt.scopes, func(t *testing.T) {
			// Not parallel: the subtests count one server's requests.
			before := requests.Load()
			env := maps.Clone(env)
			env["TABLEAU_JWT_SCOPES"] = tt.scopes
			var out, errb bytes.Buffer
			code := dispatch(context.Background(), []string{"run", coll, "--tableau-auth", "jwt"}, stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(k string) string { return env[k] }})
			if code != tt.code || errb.String() != tt.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errb.String(), tt.code, tt.stderr)
			}
			if got := requests.Load() - before; got != tt.requests {
				t.Errorf("%d requests reached the server, want %d", got, tt.requests)
			}
		})
	}
}
