//go:build !unix

package main

import (
	"os"
	"time"
)

// selfCPU is unknown without getrusage; CPU columns read 0.
func selfCPU() (user, sys time.Duration) { return 0, 0 }

// peakRSSMB is unknown without wait4's rusage; RSS columns read 0.
func peakRSSMB(*os.ProcessState) float64 { return 0 }
