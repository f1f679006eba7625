//go:build !linux

package main

// isSystemBundle reports whether path is the file the system's trusted
// roots come from; outside Linux they come from the OS's store, never
// from a file Go reads.
func isSystemBundle(string) bool { return false }
