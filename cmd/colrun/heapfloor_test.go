package main

import (
	"math"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func TestFloorPercent(t *testing.T) {
	t.Parallel()
	const mb = 1 << 20
	tests := []struct {
		name        string
		live, floor uint64
		want        int
	}{
		{"no collection yet", 0, 16 * mb, 100},
		{"a quarter of the floor", 4 * mb, 16 * mb, 300},
		{"a tenth of the floor", 16 * mb / 10, 16 * mb, 900},
		{"half the floor: Go's default goal reaches it", 8 * mb, 16 * mb, 100},
		{"past the floor", 40 * mb, 16 * mb, 100},
		{"a tiny heap does not overflow", 1, 1 << 62, math.MaxInt32},
	}
	for _, tt := range tests {
		if got := floorPercent(tt.live, tt.floor, 100); got != tt.want {
			t.Errorf("%s: floorPercent(%d, %d, 100) = %d, want %d", tt.name, tt.live, tt.floor, got, tt.want)
		}
	}
}

// heapGoal is the collector's current goal.
func heapGoal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// The floor holds across collections (the cleanup re-arms itself after
// each) and stop puts the default back. Not parallel: the GC percentage is
// process-wide.
func TestHeapFloorHoldsAcrossCollections(t *testing.T) {
	base := gcPercent()
	const floor = 256 << 20
	runtime.GC()
	h := startHeapFloor(floor, base)
	if got := heapGoal(); got < floor*9/10 {
		t.Fatalf("heap goal with a %d MB floor = %d MB", floor>>20, got>>20)
	}
	// After each collection a cleanup sets the percentage for the live
	// heap that collection found: grow the live heap, and the goal must
	// come back to the floor instead of growing with it. Cleanups run on
	// their own goroutine, so wait for it (a deadline, not a timing).
	var ballast []*[1 << 20]byte
	within := func() bool { g := heapGoal(); return g >= floor*9/10 && g <= floor*11/10 }
	for round := range 3 {
		for range 16 {
			ballast = append(ballast, new([1 << 20]byte))
		}
		runtime.GC()
		deadline := time.Now().Add(10 * time.Second)
		for !within() && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if !within() {
			t.Fatalf("round %d: heap goal with %d MB more live = %d MB, want the %d MB floor", round, len(ballast), heapGoal()>>20, floor>>20)
		}
	}
	runtime.KeepAlive(ballast)
	h.stop()
	h.stop()
	if got := gcPercent(); got != base {
		t.Errorf("GC percent after stop = %d, want %d", got, base)
	}
	runtime.GC()
	if got := heapGoal(); got >= floor*9/10 {
		t.Errorf("heap goal after stop = %d MB, still the floor", got>>20)
	}
}
