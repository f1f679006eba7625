// Package auth signs colrun in to the Tableau REST API with a password, a
// personal access token (PAT) or a connected-app JWT, in XML or in JSON.
//
// Sign-in is where most Tableau automation goes wrong: the body shapes differ
// between methods and formats, the token hides in a namespaced XML attribute
// or a JSON key, JWTs must be minted fresh with exact claims, and secrets leak
// into logs and reports. Everything that knows about those rules lives here,
// so the runner only has to decide when to sign in, and the teaching command
// (colrun tableau) shows exactly what the runner does.
//
// The package never puts a secret in an error message. Secrets come from the
// environment or from files, never from flags (see RefuseSecretFlag), and a
// Redactor masks them, and every JWT and session token captured at run time,
// wherever colrun writes.
package auth
