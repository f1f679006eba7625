package main

import (
	"fmt"
	"time"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/mockserver"
)

// startMock serves the mock Tableau server (with the postman-echo clone)
// on a free loopback port for `colrun run --mock`, and points the run at
// it through the variables the official Tableau collection and colrun's
// bundled collections use. The mock's address always wins; api-version
// only when the user did not set it, so other versions can be tried.
func startMock(in *runInputs, red *auth.Redactor) (url string, stop func(), err error) {
	version := mockserver.DefaultAPIVersion
	for _, v := range in.opts.EnvVars {
		if v.Key == "api-version" {
			version = collections.ValueString(v.Value)
		}
	}
	cfg := mockserver.Config{Echo: true, APIVersion: version}
	if err := cfg.Validate(); err != nil {
		return "", nil, fmt.Errorf("--mock with --env-var api-version=%s: %v", version, err)
	}
	srv, err := mockserver.Start(cfg, "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("--mock: cannot start the mock server: %w", err)
	}
	set := func(k, v string) {
		in.opts.EnvVars = append(in.opts.EnvVars, collections.Variable{Key: k, Value: v})
	}
	set("protocol", "http")
	set("server", srv.Addr())
	set("api-version", version)
	set("baseUrl", srv.URL()+"/api/"+version)
	// Tableau's 2021 REST tutorial collection addresses the server as
	// {{server-name}}/api/..., a URL with its scheme.
	set("server-name", srv.URL())
	// The demo credentials, under the names the official Tableau collection
	// and colrun's bundled collections read, unless the user gave them a
	// value (the official environment file lists them all, empty). The
	// mask colrun exports in place of a secret is no value: an environment
	// exported from a --tableau-auth run, fed back with -e, still signs in.
	defined := func(k string) bool {
		if e := in.opts.Environment; e != nil {
			for _, v := range e.Values {
				if s := collections.ValueString(v.Value); v.Key == k && !v.Disabled && s != "" && s != auth.Mask {
					return true
				}
			}
		}
		for _, v := range in.opts.EnvVars {
			if v.Key == k {
				return true
			}
		}
		return false
	}
	for _, kv := range [][2]string{
		{"admin-username", mockserver.DemoAdminName},
		{"admin-password", mockserver.DemoAdminPassword},
		{"admin-PAT-name", mockserver.DemoPATName},
		{"admin-PAT-secret", mockserver.DemoPATSecret},
		{"content-url", ""},
		{"connected-app-client-id", mockserver.DemoClientID},
		{"connected-app-secret-id", mockserver.DemoSecretID},
		{"connected-app-secret-value", mockserver.DemoSecretValue},
		// The names of Tableau's 2021 REST tutorial and Connected Apps
		// collections (and of the official collection's user-* requests).
		{"username", mockserver.DemoAdminName},
		{"password", mockserver.DemoAdminPassword},
		{"pat-name", mockserver.DemoPATName},
		{"pat-secret", mockserver.DemoPATSecret},
		{"user-username", mockserver.DemoAliceName},
		{"user-password", mockserver.DemoAlicePassword},
	} {
		if !defined(kv[0]) {
			set(kv[0], kv[1])
		}
	}
	// The official collection signs in with {{jwt}}: a JWT minted for the
	// demo Connected App makes that request work too. A JWT signs in once
	// (its jti), so it serves the first JWT sign-in of the run.
	if !defined("jwt") {
		creds := auth.Credentials{ClientID: mockserver.DemoClientID, SecretID: mockserver.DemoSecretID, SecretValue: mockserver.DemoSecretValue,
			JWTSubject: mockserver.DemoAdminName, JWTScopes: []string{"tableau:content:read", "tableau:users:read", "tableau:groups:read", "tableau:projects:*"}}
		if token, err := auth.MintJWT(creds, time.Now()); err == nil {
			red.Add(token)
			set("jwt", token)
		}
	}
	return srv.URL(), func() { srv.Close() }, nil
}
