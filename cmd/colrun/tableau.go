package main

import (
	"context"
	"fmt"
)

// tableauCommand is a placeholder until the auth package lands.
func tableauCommand(_ context.Context, _ []string, sio stdio) int {
	fmt.Fprintln(sio.err, "colrun tableau: not implemented yet")
	return exitRuntime
}
