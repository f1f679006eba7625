// Command colrun replays Postman collections headlessly and tests them,
// with Tableau REST sign-in built in and a bundled mock Tableau server.
//
// Run "colrun help" for the subcommands.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes shared by every subcommand, as Newman uses them.
const (
	exitOK      = 0 // everything passed
	exitFailed  = 1 // an assertion, script or request failed
	exitUsage   = 2 // bad flags or unreadable, invalid input files
	exitRuntime = 3 // colrun itself could not go on (e.g. a port in use)
)

// stdio is what a subcommand may touch of the process, so tests can run
// subcommands in-process with their own streams and environment.
type stdio struct {
	in       io.Reader
	out, err io.Writer
	getenv   func(string) string
	// tune lets a subcommand change process-wide runtime settings (GC
	// percent, GOMAXPROCS); only main sets it, since tests run many
	// subcommands in one process at once.
	tune bool
}

func main() {
	ctx, stop := notifyContext()
	// A closed stdout (`colrun run ... | head`) must not kill the run
	// before it writes its report files and exports: with SIGPIPE ignored
	// the write fails and the CLI reporter says so on stderr.
	signal.Ignore(syscall.SIGPIPE)
	stdLog := &stdLogWriter{w: os.Stderr}
	processLog.Store(stdLog)
	log.SetFlags(0)
	log.SetOutput(stdLog)
	stopProfiling := startProfiling(os.Getenv)
	code := dispatch(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr, getenv: os.Getenv, tune: true})
	stopProfiling()
	stdLog.close()
	stop()
	os.Exit(code)
}

// dispatch picks the subcommand named by args[0].
func dispatch(ctx context.Context, args []string, sio stdio) int {
	if len(args) == 0 {
		usage(sio.err)
		return exitUsage
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], sio)
		}
	}
	fmt.Fprintf(sio.err, "colrun: %s\n", commandError(args[0]))
	return exitUsage
}
