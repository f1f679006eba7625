package auth

import (
	"fmt"
	"strings"
)

// SecretFlag is a command-line flag that exists only to be refused: users
// reach for --tableau-password first, and a clear refusal teaches better
// than "unknown flag".
type SecretFlag struct {
	// Name is the flag without dashes.
	Name string
	// Env is the variable to use instead; empty for the JWT, which colrun
	// mints itself.
	Env string
}

// SecretFlags lists the refused flags, for registering them on a FlagSet.
func SecretFlags() []SecretFlag {
	return []SecretFlag{
		{Name: "tableau-password", Env: EnvPassword},
		{Name: "tableau-pat-secret", Env: EnvPATSecret},
		{Name: "tableau-secret-value", Env: EnvSecretValue},
		{Name: "tableau-jwt"},
	}
}

// RefuseSecretFlag returns the error for a secret given as a flag value,
// saying why and what to use instead. It never includes the value.
func RefuseSecretFlag(name string) error {
	name = strings.TrimLeft(name, "-")
	if name, _, ok := strings.Cut(name, "="); ok {
		return RefuseSecretFlag(name)
	}
	why := "a secret in a flag is visible to every user of this machine (ps, /proc) and stays in shell history and CI logs"
	for _, f := range SecretFlags() {
		if f.Name != name {
			continue
		}
		if f.Env == "" {
			return fmt.Errorf("--%s is refused: %s; colrun mints a fresh JWT for every sign-in from %s, %s, %s and %s (see colrun tableau jwt)",
				name, why, EnvClientID, EnvSecretID, EnvSecretValue, EnvJWTSubject)
		}
		return fmt.Errorf("--%s is refused: %s; set %s in the environment, or put it in a file and pass --secret-file %s=path",
			name, why, f.Env, f.Env)
	}
	return fmt.Errorf("--%s is refused: %s; use the TABLEAU_* environment variables or --secret-file NAME=path", name, why)
}
