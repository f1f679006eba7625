package main

import (
	"context"
	"fmt"
)

// mockCommand is a placeholder until the mock server lands.
func mockCommand(_ context.Context, _ []string, sio stdio) int {
	fmt.Fprintln(sio.err, "colrun mock: not implemented yet")
	return exitRuntime
}
