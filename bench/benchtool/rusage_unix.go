//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// selfCPU is this process's user and system CPU time so far.
func selfCPU() (user, sys time.Duration) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// peakRSSMB is a finished child's peak resident set size from wait4's
// rusage, which the kernel keeps even after the process is gone.
func peakRSSMB(ps *os.ProcessState) float64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	b := float64(ru.Maxrss)
	// Linux and the BSDs report kilobytes, macOS bytes.
	if runtime.GOOS != "darwin" && runtime.GOOS != "ios" {
		b *= 1024
	}
	return b / (1 << 20)
}
