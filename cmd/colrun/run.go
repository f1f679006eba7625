package main

import (
	"context"
	"fmt"
)

// runCommand is a placeholder until the runner lands.
func runCommand(_ context.Context, _ []string, sio stdio) int {
	fmt.Fprintln(sio.err, "colrun run: not implemented yet")
	return exitRuntime
}
