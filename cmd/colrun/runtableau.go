package main

import (
	"fmt"
	"strings"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/mockserver"
	"github.com/colrun/colrun/runner"
)

// tableauOptions builds the runner's Tableau sign-in from --tableau-auth,
// --tableau-format, the TABLEAU_* variables and --secret-file. Under
// --mock, variables the user did not set default to the mock's demo
// credentials, so that every method works with nothing to configure.
func tableauOptions(f *runFlags, sio stdio, red *auth.Redactor, mockURL string) (*runner.TableauAuth, error) {
	m, err := auth.ParseMethod(f.tableauAuth)
	if err != nil {
		return nil, fmt.Errorf("--tableau-auth: %v", err)
	}
	format, err := auth.ParseFormat(f.tableauFormat)
	if err != nil {
		return nil, fmt.Errorf("--tableau-format: %v", err)
	}
	getenv := sio.getenv
	if mockURL != "" {
		getenv = mockDefaults(sio.getenv, mockURL)
	}
	creds, err := auth.CredentialsFromEnv(getenv, f.secretFiles)
	if err != nil {
		return nil, err
	}
	// Checked now, not at the first sign-in that needs it (which may be a
	// renewal late in the run): a server URL that cannot be right is bad
	// input.
	if creds.Server != "" {
		if _, err := auth.SigninURL(creds.Server, ""); err != nil {
			return nil, err
		}
	}
	if m == auth.MethodPAT && f.workers() > 1 {
		return nil, fmt.Errorf("--tableau-auth pat cannot run with --parallel %d: a personal access token holds one session at a time (each new sign-in ends the previous one), so workers would sign each other out; use --parallel 1, or password or jwt, which sign in once per worker", f.parallel)
	}
	signer, err := auth.NewSigner(m, format, creds, red)
	if err != nil {
		return nil, err
	}
	return &runner.TableauAuth{
		Signer:     signer,
		Names:      f.tableauNames,
		Server:     creds.Server,
		APIVersion: mockserver.DefaultAPIVersion,
	}, nil
}

// mockDefaults answers the TABLEAU_* variables the user left unset with
// the mock server's demo values.
func mockDefaults(getenv func(string) string, mockURL string) func(string) string {
	demo := map[string]string{
		auth.EnvServer:      mockURL,
		auth.EnvUsername:    mockserver.DemoAdminName,
		auth.EnvPassword:    mockserver.DemoAdminPassword,
		auth.EnvPATName:     mockserver.DemoPATName,
		auth.EnvPATSecret:   mockserver.DemoPATSecret,
		auth.EnvClientID:    mockserver.DemoClientID,
		auth.EnvSecretID:    mockserver.DemoSecretID,
		auth.EnvSecretValue: mockserver.DemoSecretValue,
		auth.EnvJWTSubject:  mockserver.DemoAdminName,
		auth.EnvJWTScopes:   strings.Join([]string{"tableau:content:read", "tableau:users:read", "tableau:groups:read", "tableau:projects:*"}, " "),
	}
	return func(k string) string {
		if k == auth.EnvServer {
			// --mock always wins for the server: the run goes to the mock.
			return mockURL
		}
		if v := getenv(k); v != "" {
			return v
		}
		return demo[k]
	}
}
