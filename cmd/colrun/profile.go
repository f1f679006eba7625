package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// startProfiling writes CPU and heap profiles and an execution trace of
// this process when COLRUN_CPUPROFILE / COLRUN_MEMPROFILE / COLRUN_TRACE
// name files, for performance work on the real binary (bench/run.sh
// measures it; pprof explains where CPU goes, `go tool trace` where the
// one P of a sequential run waits).
func startProfiling(getenv func(string) string) (stop func()) {
	var stops []func()
	if path := getenv("COLRUN_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		} else {
			fmt.Fprintf(os.Stderr, "colrun: COLRUN_CPUPROFILE %s: cannot profile\n", path)
		}
	}
	if path := getenv("COLRUN_TRACE"); path != "" {
		f, err := os.Create(path)
		if err == nil && trace.Start(f) == nil {
			stops = append(stops, func() { trace.Stop(); f.Close() })
		} else {
			fmt.Fprintf(os.Stderr, "colrun: COLRUN_TRACE %s: cannot trace\n", path)
		}
	}
	if path := getenv("COLRUN_MEMPROFILE"); path != "" {
		// Sample every 4 kB rather than every 512 kB: a run's heap is a
		// few MB, which the default rate would describe in a dozen samples.
		runtime.MemProfileRate = 4096
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err != nil {
				return
			}
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
