package main

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// rssSplitInterval is how often the child's memory is read: often enough to
// see a 20 ms run a few times, rarely enough (a read costs tens of µs) not
// to take CPU from the run it measures.
const rssSplitInterval = 5 * time.Millisecond

// sampleRSSSplit reads the child's /proc status until stop is called and
// returns the split of the largest resident set it saw: anonymous pages
// (the heap, stacks: memory the process has to itself) and file-backed
// pages (its executable and libraries, mapped from the page cache and
// shared with every process that maps them). Peak RSS counts both, and
// for a Go binary the second is most of a short run's peak, so the split
// says which part a change can move.
func sampleRSSSplit(pid int) (stop func() (anonMB, fileMB float64)) {
	path := "/proc/" + strconv.Itoa(pid) + "/status"
	done := make(chan struct{})
	result := make(chan [2]float64, 1)
	go func() {
		var best [2]float64
		t := time.NewTicker(rssSplitInterval)
		defer t.Stop()
		for {
			if anon, file, ok := readRSSSplit(path); ok && anon+file > best[0]+best[1] {
				best = [2]float64{anon, file}
			}
			select {
			case <-done:
				result <- best
				return
			case <-t.C:
			}
		}
	}()
	return func() (float64, float64) {
		close(done)
		r := <-result
		return r[0], r[1]
	}
}

// readRSSSplit parses RssAnon, RssFile and RssShmem (counted with the
// anonymous pages: shared memory is the process's own too) from a
// /proc/PID/status file, in MB.
func readRSSSplit(path string) (anonMB, fileMB float64, ok bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, false
	}
	var anon, file float64
	seen := 0
	for line := range bytes.Lines(b) {
		var dst *float64
		switch {
		case bytes.HasPrefix(line, []byte("RssAnon:")), bytes.HasPrefix(line, []byte("RssShmem:")):
			dst = &anon
		case bytes.HasPrefix(line, []byte("RssFile:")):
			dst = &file
		default:
			continue
		}
		f := bytes.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, err := strconv.ParseFloat(string(f[1]), 64)
		if err != nil {
			continue
		}
		*dst += kb / 1024
		seen++
	}
	return anon, file, seen == 3
}
