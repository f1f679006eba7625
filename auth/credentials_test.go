package auth

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Known secret values: every test that produces output or errors checks
// that none of them appears.
const (
	testPassword    = "pw-<&>\"'-secret-1"
	testPATSecret   = "pat-secret-value-2"
	testSecretValue = "connected-app-secret-value-3"
)

func testCredentials() Credentials {
	return Credentials{
		Server:      "https://tableau.example.com",
		Site:        "finance",
		Username:    "admin",
		Password:    testPassword,
		PATName:     "ci-token",
		PATSecret:   testPATSecret,
		ClientID:    "0f7d9c3e-5f3b-4b8e-9c1d-2a6b7c8d9e0f",
		SecretID:    "8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
		SecretValue: testSecretValue,
		JWTSubject:  "alice",
	}
}

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// assertNoSecret fails when s contains any known test secret.
func assertNoSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{testPassword, testPATSecret, testSecretValue} {
		if strings.Contains(s, secret) {
			t.Errorf("%s contains the secret %q:\n%s", what, secret, s)
		}
	}
}

func TestCredentialsFromEnv(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lf := write("lf", testPATSecret+"\n")
	crlf := write("crlf", testPassword+"\r\n")
	twoLines := write("two", "line\n\n")
	empty := write("empty", "\n")
	big := write("big", strings.Repeat("x", maxSecretFile+1))

	tests := []struct {
		name    string
		env     map[string]string
		files   map[string]string
		want    Credentials
		wantErr string
	}{
		{
			name: "environment only",
			env: map[string]string{
				EnvServer: "https://t.example.com", EnvSite: "finance", EnvUsername: "admin", EnvPassword: " spaced ",
				EnvJWTScopes: " tableau:content:read  tableau:users:read ", EnvJWTLifetime: "90s", EnvImpersonateUserID: "u-1",
			},
			want: Credentials{
				Server: "https://t.example.com", Site: "finance", Username: "admin", Password: " spaced ",
				JWTScopes: []string{"tableau:content:read", "tableau:users:read"}, JWTLifetime: 90 * time.Second, ImpersonateUserID: "u-1",
			},
		},
		{
			name:  "a file wins over the environment and loses one trailing newline",
			env:   map[string]string{EnvPATSecret: "from-env", EnvPATName: "tok"},
			files: map[string]string{EnvPATSecret: lf, EnvPassword: crlf, EnvUsername: twoLines},
			want:  Credentials{PATName: "tok", PATSecret: testPATSecret, Password: testPassword, Username: "line\n"},
		},
		{name: "unknown file name", files: map[string]string{"TABLEAU_PASSWD": lf}, wantErr: "--secret-file TABLEAU_PASSWD: unknown name"},
		{name: "missing file", files: map[string]string{EnvPassword: filepath.Join(dir, "nope")}, wantErr: "cannot read the file"},
		{name: "empty file", files: map[string]string{EnvPassword: empty}, wantErr: "is empty"},
		{name: "huge file", files: map[string]string{EnvPassword: big}, wantErr: "is larger than 64 KiB"},
		{name: "bad lifetime", env: map[string]string{EnvJWTLifetime: "5"}, wantErr: "is not a duration"},
		{name: "lifetime above ten minutes", env: map[string]string{EnvJWTLifetime: "11m"}, wantErr: "use 10m or less"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := CredentialsFromEnv(envFrom(tc.env), tc.files)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
				}
				assertNoSecret(t, "error", err.Error())
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("credentials (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	full := testCredentials()
	tests := []struct {
		name        string
		method      Method
		c           Credentials
		wantMissing []string
		wantErr     string
	}{
		{name: "password ok", method: MethodPassword, c: full},
		{name: "pat ok", method: MethodPAT, c: full},
		{name: "jwt ok", method: MethodJWT, c: full},
		{name: "password missing both", method: MethodPassword, c: Credentials{}, wantMissing: []string{EnvUsername, EnvPassword}},
		{name: "pat missing secret", method: MethodPAT, c: Credentials{PATName: "x"}, wantMissing: []string{EnvPATSecret}},
		{name: "jwt missing all", method: MethodJWT, c: Credentials{}, wantMissing: []string{EnvClientID, EnvSecretID, EnvSecretValue, EnvJWTSubject}},
		{name: "jwt missing subject", method: MethodJWT, c: func() Credentials { c := full; c.JWTSubject = ""; return c }(), wantMissing: []string{EnvJWTSubject}},
		{name: "site given as a URL", method: MethodPAT, c: func() Credentials { c := full; c.Site = "https://x/#/site/finance"; return c }(), wantErr: "is not a site contentUrl"},
		{name: "site given as a display name", method: MethodPassword, c: func() Credentials { c := full; c.Site = "Finance Team"; return c }(), wantErr: "is not a site contentUrl"},
		{name: "jwt lifetime too long", method: MethodJWT, c: func() Credentials { c := full; c.JWTLifetime = 11 * time.Minute; return c }(), wantErr: "use 10m or less"},
		{name: "jwt lifetime negative", method: MethodJWT, c: func() Credentials { c := full; c.JWTLifetime = -time.Minute; return c }(), wantErr: "is negative"},
		{name: "jwt lifetime ten minutes is fine", method: MethodJWT, c: func() Credentials { c := full; c.JWTLifetime = 10 * time.Minute; return c }()},
		{name: "jwt impersonation", method: MethodJWT, c: func() Credentials { c := full; c.ImpersonateUserID = "u"; return c }(), wantErr: "does not apply to JWT sign-in"},
		{name: "jwt bad scope", method: MethodJWT, c: func() Credentials { c := full; c.JWTScopes = []string{"content:read"}; return c }(), wantErr: "does not start with tableau:"},
		{name: "pat impersonation is fine", method: MethodPAT, c: func() Credentials { c := full; c.ImpersonateUserID = "u"; return c }()},
		{name: "unknown method", method: "saml", c: full, wantErr: "unknown sign-in method"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.c.Check(tc.method)
			switch {
			case tc.wantMissing != nil:
				var me *MissingError
				if !errors.As(err, &me) {
					t.Fatalf("error = %v, want a *MissingError", err)
				}
				if diff := cmp.Diff(tc.wantMissing, me.Names); diff != "" {
					t.Errorf("missing (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tc.wantMissing, tc.c.Missing(tc.method)); diff != "" {
					t.Errorf("Missing() (-want +got):\n%s", diff)
				}
				for _, n := range tc.wantMissing {
					if !strings.Contains(err.Error(), n) {
						t.Errorf("message does not name %s:\n%s", n, err)
					}
				}
			case tc.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
				}
			default:
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
			}
			if err != nil {
				assertNoSecret(t, "error", err.Error())
			}
		})
	}
}

func TestMissingErrorSaysHowToSet(t *testing.T) {
	t.Parallel()
	err := Credentials{PATName: "x"}.Check(MethodPAT)
	want := "sign-in with a personal access token needs this variable, which is not set:\n" +
		"  TABLEAU_PAT_SECRET  the token's secret, shown once when the token was created\n" +
		"Set it in the environment (export TABLEAU_PAT_SECRET=...); a secret is safer in a file, passed as --secret-file TABLEAU_PAT_SECRET=path"
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
}

func TestSecretsAndPrinting(t *testing.T) {
	t.Parallel()
	c := testCredentials()
	if diff := cmp.Diff([]string{testPassword, testPATSecret, testSecretValue}, c.Secrets()); diff != "" {
		t.Errorf("Secrets (-want +got):\n%s", diff)
	}
	if got := (Credentials{Username: "x"}).Secrets(); got != nil {
		t.Errorf("Secrets of no secrets = %q", got)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		s := fmt.Sprintf(verb, c)
		assertNoSecret(t, verb, s)
		if !strings.Contains(s, Mask) || !strings.Contains(s, "ci-token") {
			t.Errorf("%s of credentials = %s", verb, s)
		}
	}
}

func TestParseSecretFileSpec(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec, name, path string
		wantErr          bool
	}{
		{"TABLEAU_PAT_SECRET=/run/secrets/pat", EnvPATSecret, "/run/secrets/pat", false},
		{"TABLEAU_PASSWORD=a=b", EnvPassword, "a=b", false},
		{"TABLEAU_PASSWORD", "", "", true},
		{"TABLEAU_PASSWORD=", "", "", true},
		{"=path", "", "", true},
		{"PASSWORD=path", "", "", true},
	}
	for _, tc := range tests {
		name, path, err := ParseSecretFileSpec(tc.spec)
		if name != tc.name || path != tc.path || (err != nil) != tc.wantErr {
			t.Errorf("ParseSecretFileSpec(%q) = %q, %q, %v", tc.spec, name, path, err)
		}
	}
}
