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
	if name == "no-color" && fs.Lookup("color") != nil {
		// Newman 5 had --no-color; Newman 6 replaced it with --color off,
		// which Newman's own hint ("Did you mean --color?") leaves to guess.
		return msg + "; did you mean --color off?"
	}
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

// singleDashLong finds a long flag written with one dash ("-environment"),
// which pflag, like Newman's commander, reads as a shorthand and its value
// (-e "nvironment"), leaving a baffling error about what follows; it
// returns the error to print instead, or nil.
func singleDashLong(fs *pflag.FlagSet, args []string) error {
	for _, a := range args {
		if a == "--" {
			return nil
		}
		name, ok := strings.CutPrefix(a, "-")
		if !ok || strings.HasPrefix(name, "-") {
			continue
		}
		name, _, _ = strings.Cut(name, "=")
		if len(name) > 1 && fs.Lookup(name) != nil {
			return fmt.Errorf("%s: a long flag takes two dashes; did you mean -%s?", a, a)
		}
	}
	return nil
}

// commandError words an unknown subcommand as flagError words an unknown
// flag: with the command it most likely meant ("runn": run), and for a
// collection file given without "run", the command line to use.
func commandError(name string) string {
	msg := fmt.Sprintf("unknown command %q", name)
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		return fmt.Sprintf("%s; to run a collection: colrun run %s", msg, name)
	}
	best, guess := 3, ""
	for _, c := range commands() {
		if c.summary == "" {
			continue
		}
		if d := levenshtein.ComputeDistance(name, c.name); d < best && d < len(c.name) {
			best, guess = d, c.name
		}
	}
	if guess != "" {
		return fmt.Sprintf("%s; did you mean %s? (see \"colrun help\")", msg, guess)
	}
	return msg + "; run \"colrun help\" for the list"
}
