package main

import (
	"strings"
	"testing"
)

// A mistyped subcommand gets the one meant, as a mistyped flag does, a
// collection file given without "run" gets the command line to use, and
// -v prints the version as Newman's -v does.
func TestUnknownCommandSuggests(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		arg, want string
		code      int
	}{
		{"runn", `unknown command "runn"; did you mean run?`, exitUsage},
		{"mok", `did you mean mock?`, exitUsage},
		{"tabluea", `did you mean tableau?`, exitUsage},
		{"api.postman_collection.json", `to run a collection: colrun run api.postman_collection.json`, exitUsage},
		{"frob", `unknown command "frob"; run "colrun help" for the list`, exitUsage},
	} {
		res := colrun(t, nil, tc.arg)
		if res.code != tc.code || !strings.Contains(res.stderr, tc.want) {
			t.Errorf("colrun %s: exit %d, stderr %q; want exit %d and %q", tc.arg, res.code, res.stderr, tc.code, tc.want)
		}
	}
	if res := colrun(t, nil, "-v"); res.code != exitOK || !strings.HasPrefix(res.stdout, "colrun ") {
		t.Errorf("colrun -v: exit %d, stdout %q", res.code, res.stdout)
	}
}
