package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

// command is one subcommand; each lives in its own file.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, sio stdio) int
}

func commands() []command {
	return []command{
		{"run", "run a Postman collection and report the results", runCommand},
		{"mock", "serve a mock Tableau REST API (and a postman-echo clone with --echo)", mockCommand},
		{"tableau", "Tableau sign-in helpers: show sign-in bodies, mint a JWT, check credentials", tableauCommand},
		{"version", "print the version", versionCommand},
		{"--version", "", versionCommand},
		{"-v", "", versionCommand}, // Newman's short form
		{"help", "show this help, or a subcommand's with \"colrun help run\"", helpCommand},
		{"-h", "", helpCommand},
		{"--help", "", helpCommand},
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, "colrun replays Postman collections headlessly and tests them.\n\nUsage:\n  colrun <command> [flags]\n\nCommands:\n")
	for _, c := range commands() {
		if c.summary != "" {
			fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprint(w, "\nRun \"colrun <command> --help\" for a command's flags.\n")
}

func helpCommand(ctx context.Context, args []string, sio stdio) int {
	if len(args) > 0 {
		for _, c := range commands() {
			if c.name == args[0] && c.summary != "" && c.name != "help" {
				return c.run(ctx, []string{"--help"}, sio)
			}
		}
		fmt.Fprintf(sio.err, "colrun help: unknown command %q\n", args[0])
		return exitUsage
	}
	usage(sio.out)
	return exitOK
}

func versionCommand(_ context.Context, _ []string, sio stdio) int {
	fmt.Fprintf(sio.out, "colrun %s\n", currentVersion())
	return exitOK
}

func currentVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
