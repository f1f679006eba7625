package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/pflag"
)

// flagError is a flag parse error as printed, with Newman's (commander's)
// hint for a misspelt long flag: "unknown flag: --enviroment; did you
// mean --environment?". Like commander, it offers the visible flags
// fewest edits away, at most 2, that keep more than 40% of the name.
func flagError(fs *pflag.FlagSet, err error) string {
	msg := err.Error()
	name, ok := strings.CutPrefix(msg, "unknown flag: --")
	if !ok {
		return msg
	}
	name, _, _ = strings.Cut(name, "=")
	var best int
	var similar []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || len(f.Name) <= 1 {
			return
		}
		d := levenshtein.ComputeDistance(name, f.Name)
		n := max(len(name), len(f.Name))
		switch {
		case d > 2 || float64(n-d)/float64(n) <= 0.4:
		case similar == nil || d < best:
			best, similar = d, []string{"--" + f.Name}
		case d == best:
			similar = append(similar, "--"+f.Name)
		}
	})
	slices.Sort(similar)
	switch len(similar) {
	case 0:
		return msg
	case 1:
		return fmt.Sprintf("%s; did you mean %s?", msg, similar[0])
	default:
		return fmt.Sprintf("%s; did you mean one of %s?", msg, strings.Join(similar, ", "))
	}
}
