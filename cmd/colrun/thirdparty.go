package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/colrun/colrun/runner/report"
)

// Newman loads reporters from npm (htmlextra, junitfull, allure, ...). When
// one is not installed it says so and runs without it, and it ignores
// options for reporters it does not run. CI jobs written for Newman pass
// such reporters and their options, so colrun does the same instead of
// refusing the command line.

// splitReporterOptions takes the options of reporters colrun lacks
// (--reporter-<name>-<option> [value]) out of args, as Newman's
// parseNestedOptions reads them: the option's value is the next word
// unless that is a flag or, for an option not ending in "-export", an
// existing file (most likely the collection after a boolean option).
func splitReporterOptions(args []string) (rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...)
		}
		if !thirdPartyReporterOption(a) {
			rest = append(rest, a)
			continue
		}
		if strings.Contains(a, "=") || i+1 >= len(args) {
			continue
		}
		next := args[i+1]
		if strings.HasPrefix(next, "-") {
			continue
		}
		if !strings.HasSuffix(a, "-export") {
			if fi, err := os.Stat(next); err == nil && fi.Mode().IsRegular() {
				continue
			}
		}
		i++
	}
	return rest
}

// thirdPartyReporterOption reports whether a is --reporter-<name>-<option>
// for a reporter colrun does not have.
func thirdPartyReporterOption(a string) bool {
	opt, ok := strings.CutPrefix(a, "--reporter-")
	if !ok {
		return false
	}
	opt, _, _ = strings.Cut(opt, "=")
	name, option, ok := strings.Cut(opt, "-")
	return ok && name != "" && option != "" && !knownReporter(name) && !isCommonReporterOption(a)
}

// dropMissingReporters removes the reporters colrun lacks from names,
// saying so on w, as Newman does for one that is not installed. Names are trimmed ("-r 'cli, json'" runs
// both, where Newman looks for a " json" reporter and skips it), and an
// empty one ("-r cli,,json", `-r ""`) is skipped with a warning, as
// Newman does. When nothing is left, the CLI report runs: a run that
// prints nothing at all helps no one.
func dropMissingReporters(names []string, w io.Writer) []string {
	kept, missing := []string{}, []string{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		switch {
		case knownReporter(n):
			kept = append(kept, n)
		default:
			missing = append(missing, n)
		}
	}
	if len(kept) > 0 && len(missing) == 0 {
		return kept
	}
	fallback := ""
	if len(kept) == 0 {
		kept = []string{"cli"}
		fallback = "; showing the cli report instead"
	}
	if len(missing) == 0 {
		// -r '' (an unset shell variable, most likely) leaves no name.
		missing = []string{""}
	}
	for _, n := range missing {
		if n == "" {
			fmt.Fprintf(w, "colrun: -r/--reporters: an empty reporter name is skipped, as Newman skips it%s\n", fallback)
			continue
		}
		fmt.Fprintf(w, "colrun: no %q reporter (colrun has %s); the run goes on without it, as Newman's does when a reporter is not installed%s\n",
			n, strings.Join(report.Names(), ", "), fallback)
	}
	return kept
}
