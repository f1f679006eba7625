package main

import (
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// Newman documents a common form of the reporter options, without the
// reporter's name: "--reporter-no-summary" is "--reporter-cli-no-summary",
// "--reporter-silent" silences every reporter that prints, and
// "--reporter-export <path>" is every file reporter's export path.
// Newman passes such an option to every reporter of the run, over the
// reporter's own (its parseNestedOptions' _generic options). colrun took
// them for options of a reporter named "no" or "show" and dropped them,
// or refused them as unknown flags.

// commonReporterOptions maps each common option to the reporter options
// it sets.
var commonReporterOptions = map[string][]string{
	"silent":                {"reporter-cli-silent", "reporter-progress-silent", "reporter-emojitrain-silent"},
	"no-summary":            {"reporter-cli-no-summary"},
	"no-failures":           {"reporter-cli-no-failures"},
	"no-assertions":         {"reporter-cli-no-assertions"},
	"no-success-assertions": {"reporter-cli-no-success-assertions"},
	"no-console":            {"reporter-cli-no-console"},
	"no-banner":             {"reporter-cli-no-banner"},
	"show-timestamps":       {"reporter-cli-show-timestamps"},
	"export":                {"reporter-json-export", "reporter-junit-export"},
}

// isCommonReporterOption reports whether a (a command-line word) is one
// of the common reporter options, with or without "=value".
func isCommonReporterOption(a string) bool {
	opt, ok := strings.CutPrefix(a, "--reporter-")
	opt, _, _ = strings.Cut(opt, "=")
	_, common := commonReporterOptions[opt]
	return ok && common
}

// isReporterSwitch reports whether flag (a command-line word without
// "=value") is a reporter's on/off option, common or a reporter's own.
func isReporterSwitch(flag string) bool {
	opt, ok := strings.CutPrefix(flag, "--reporter-")
	if !ok {
		return false
	}
	for common, targets := range commonReporterOptions {
		if common != "export" && (opt == common || slices.Contains(targets, "reporter-"+opt)) {
			return true
		}
	}
	return false
}

// registerCommonReporterOptions adds the common options to fs, hidden:
// the help lists each reporter's own.
func registerCommonReporterOptions(fs *pflag.FlagSet) {
	for opt, targets := range commonReporterOptions {
		name := "reporter-" + opt
		if opt == "export" {
			fs.String(name, "", "every file reporter's export path")
		} else {
			fs.Bool(name, false, "the reporters' "+strings.Join(targets, ", "))
		}
		_ = fs.MarkHidden(name)
	}
}

// applyCommonReporterOptions sets the reporter options of each common one
// given, over the reporters' own, as Newman does.
func (rf *runFlags) applyCommonReporterOptions(fs *pflag.FlagSet) error {
	for opt, targets := range commonReporterOptions {
		f := fs.Lookup("reporter-" + opt)
		if !f.Changed {
			continue
		}
		// Messages about the report paths name the flag given.
		rf.commonExport = rf.commonExport || opt == "export"
		for _, t := range targets {
			if err := fs.Set(t, f.Value.String()); err != nil {
				return err
			}
		}
	}
	return nil
}
