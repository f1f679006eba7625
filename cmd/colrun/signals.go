package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// signalStop is the cause of a run cancelled by SIGINT or SIGTERM: the run
// stops, writes its reports and exports, and colrun exits 128+n, as a
// shell reports a process the signal ended (Newman exits 130 and 143,
// without reports).
type signalStop struct{ sig syscall.Signal }

func (s signalStop) Error() string {
	switch s.sig {
	case syscall.SIGINT:
		return "SIGINT received"
	case syscall.SIGTERM:
		return "SIGTERM received"
	}
	return s.sig.String() + " received"
}

func (s signalStop) exitCode() int { return 128 + int(s.sig) }

// Is makes the cause a context.Canceled, as the HTTP client and the
// sandbox return it in place of ctx.Err() and test for that.
func (s signalStop) Is(target error) bool { return target == context.Canceled }

// interruptedCode is the exit code of a run that ctx's signal stopped, and
// false when no signal did.
func interruptedCode(ctx context.Context) (int, bool) {
	var s signalStop
	if errors.As(context.Cause(ctx), &s) {
		return s.exitCode(), true
	}
	return 0, false
}

// notifyContext is cancelled, with a signalStop cause, on the first SIGINT
// or SIGTERM. A second one exits at once: a user pressing Ctrl-C again
// does not want to wait for the reports.
func notifyContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		first := toSignalStop(<-sigs)
		cancel(first)
		second := toSignalStop(<-sigs)
		fmt.Fprintf(os.Stderr, "colrun: %s again, exiting without waiting for the reports\n", second)
		os.Exit(second.exitCode())
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}

func toSignalStop(sig os.Signal) signalStop {
	if s, ok := sig.(syscall.Signal); ok {
		return signalStop{sig: s}
	}
	return signalStop{sig: syscall.SIGINT}
}
