package main

import (
	"io"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"

	"github.com/colrun/colrun/runner/report"
)

// openReporters builds the -r reporters. The CLI reporter writes to
// stdout; its colour and width follow --color and the terminal.
func openReporters(f *runFlags, sio stdio, stdout io.Writer) (*report.Set, error) {
	tty, width := outputTerminal(sio)
	color := f.color == "on" || (f.color == "auto" && tty && sio.getenv("NO_COLOR") == "")
	export := map[string]string{}
	if f.jsonExport != "" {
		export["json"] = f.jsonExport
	}
	if f.junitExport != "" {
		export["junit"] = f.junitExport
	}
	silent := map[string]bool{}
	for name, on := range f.silentReporters {
		silent[name] = *on
	}
	return report.Open(f.reporters, report.Options{
		Stdout:          stdout,
		Export:          export,
		Silent:          f.silent,
		SilentReporters: silent,
		Terminal:        tty,
		CLI: report.CLIOptions{
			Color:      color,
			Verbose:    f.verbose,
			NoSummary:  f.cliNoSummary,
			NoFailures: f.cliNoFailures,
			NoConsole:  f.cliNoConsole,
			NoBanner:   f.cliNoBanner,
			Width:      width,

			DisableUnicode:      f.disableUnicode,
			NoAssertions:        f.cliNoAssertions,
			NoSuccessAssertions: f.cliNoSuccessAssertions,
			ShowTimestamps:      f.cliShowTimestamps,
			JoinItems:           f.delayRequest.d == 0,
		},
	})
}

// outputTerminal reports whether stdout is a terminal the CLI report may
// colour and lay out for, and its width. As in Newman, a CI environment
// (CI set) counts as none: logs are read later, elsewhere.
func outputTerminal(sio stdio) (tty bool, width int) {
	file, ok := sio.out.(*os.File)
	if !ok || !isatty.IsTerminal(file.Fd()) || sio.getenv("CI") != "" {
		return false, 0
	}
	return true, terminalWidth(file, sio.getenv)
}

// terminalWidth reads $COLUMNS, then asks the terminal.
func terminalWidth(f *os.File, getenv func(string) string) int {
	if n, err := strconv.Atoi(getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return ttyWidth(f)
}
