package main

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// FuzzRunFlags parses arbitrary `colrun run` command lines (words split
// at "\n") as runCommand does, up to where files would be read: every
// one parses or fails with an error, never a panic, and each --env-var
// and --global-var reads back as the name and value it was given.
func FuzzRunFlags(f *testing.F) {
	for _, s := range []string{
		"c.json\n-e\nenv.json\n--env-var\nk=v=w\n--global-var\nbare",
		"--bail\nc.json\n--timeout-request\n--delay-request\n1e99\n--timeout\n2s",
		"-r\ncli,,htmlextra, json\n--reporter-htmlextra-export\nout.html\n--reporter-htmlextra-darkTheme\nc.json",
		"-n\n-1\n--bail=failure,folder\n--secret-file\nTABLEAU_PAT_SECRET=/dev/null\n--\n--env-var",
		"--tableau-password\nx\n--cookie-jar\nj\n--iteration-count=99999999999999999999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "\n")
		fs := pflag.NewFlagSet("colrun run", pflag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var rf runFlags
		rf.register(fs)
		fs.BoolP("help", "h", false, "")
		if err := fs.Parse(normalizeOptionalValues(splitReporterOptions(args))); err != nil {
			return
		}
		_ = checkRefusedSecretFlags(fs)
		for _, name := range dropMissingReporters(rf.reporters, io.Discard) {
			if name == "" || strings.TrimSpace(name) != name {
				t.Errorf("reporter %q left in the list", name)
			}
		}
		for _, given := range [][]string{rf.envVars, rf.globalVars} {
			for i, v := range keyValues(given) {
				back := v.Key
				if s, ok := v.Value.(string); ok {
					back += "=" + s
				}
				if back != given[i] {
					t.Errorf("%q read as %q", given[i], back)
				}
			}
		}
	})
}
