package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// runHeapFloor is the smallest heap goal a sequential run collects at.
// Go's own minimum is 4 MB, and its default goal twice the live heap: a
// run whose live heap is a few MB (the collection model and the packages'
// tables) then collects every few hundred requests, and each collection
// marks that whole live heap again, which cost a quarter of the CPU of a
// 2,000-request run without scripts (bench/run.sh, counted with
// callgrind). A run whose live heap is a quarter of this or more (any run
// with scripts: the JavaScript runtime alone is several MB) collects as Go
// does by default, so the floor does not raise its peak memory.
var runHeapFloor uint64 = 16 << 20

// heapFloor keeps the collector's goal at or above floor by raising the
// GC percentage after each collection while the live heap is small, the
// way cmd/compile holds a starting heap (cmd/compile/internal/base,
// AdjustStartingHeap): Go has no setting for a minimum goal, but the
// percentage applies to the live heap the last collection found, and a
// cleanup on a throw-away object runs once after each collection.
type heapFloor struct {
	floor uint64
	base  int // the GC percentage when the live heap is past floor/4

	mu      sync.Mutex
	stopped bool
	sample  []metrics.Sample
}

// startHeapFloor begins keeping the floor; stop puts base back and ends
// the adjustments.
func startHeapFloor(floor uint64, base int) (h *heapFloor) {
	h = &heapFloor{floor: floor, base: base, sample: []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
	}}
	h.adjust()
	h.arm()
	return h
}

// stop puts the GC percentage back to base and ends the adjustments.
func (h *heapFloor) stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.stopped {
		h.stopped = true
		debug.SetGCPercent(h.base)
	}
}

// sentinel is the object whose collection marks the end of a GC cycle. It
// holds a pointer so that it is not a tiny allocation, whose cleanup may
// never run.
type sentinel struct{ _ *int }

func (h *heapFloor) arm() {
	runtime.AddCleanup(&sentinel{}, func(h *heapFloor) {
		if h.adjust() {
			h.arm()
		}
	}, h)
}

// adjust sets the GC percentage for the live heap the last collection
// found, and reports whether the floor is still being kept.
func (h *heapFloor) adjust() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return false
	}
	metrics.Read(h.sample)
	live, allocated := h.sample[0].Value.Uint64(), h.sample[1].Value.Uint64()
	debug.SetGCPercent(floorPercent(live, allocated, h.floor, h.base))
	return true
}

// goMinimumHeap is the runtime's goal before its first collection, at a
// GC percentage of 100; it scales with the percentage.
const goMinimumHeap = 4 << 20

// floorPercent is the GC percentage that puts the heap goal at floor, or
// base when that would not raise it or the heap is past what the floor is
// for: a live heap of a quarter of the floor or more (a run with scripts
// has several MB in its JavaScript runtime alone), whose goal raised would
// only add to its peak. live is what the last collection found, 0 before
// the first; the goal is then Go's minimum, and allocated (which
// overstates the live heap by start-up's garbage) must be under half the
// floor.
func floorPercent(live, allocated, floor uint64, base int) int {
	var percent uint64
	switch {
	case live == 0 && allocated < floor/2:
		percent = floor * 100 / goMinimumHeap
	case live > 0 && live < floor/4:
		percent = (floor - live) * 100 / live
	}
	return max(base, int(min(percent, math.MaxInt32)))
}
