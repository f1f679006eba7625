package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// runHeapFloor is the smallest heap goal a sequential run collects at.
// Go's own minimum is 4 MB, and its default goal twice the live heap: a
// run whose live heap is a few MB (the collection model and the packages'
// tables) then collects every few hundred requests, and each collection
// marks that whole live heap again, which cost a quarter of the CPU of a
// 2,000-request run without scripts (bench/run.sh, counted with
// callgrind). A run whose live heap is already half this size or more (any
// run with scripts: the JavaScript runtime alone is several MB) collects
// as Go does by default, so the floor never raises its peak memory.
var runHeapFloor uint64 = 16 << 20

// heapFloor keeps the collector's goal at or above floor by raising the
// GC percentage after each collection while the live heap is small, the
// way cmd/compile holds a starting heap (cmd/compile/internal/base,
// AdjustStartingHeap): Go has no setting for a minimum goal, but the
// percentage applies to the live heap the last collection found, and a
// cleanup on a throw-away object runs once after each collection.
type heapFloor struct {
	floor uint64
	base  int // the GC percentage when the live heap is past floor/2

	// noCycle is set while no collection has measured the live heap
	// yet (start-up collects less, so a run's first items may end before
	// the first collection); refresh then looks again.
	noCycle atomic.Bool

	mu      sync.Mutex
	stopped bool
	sample  []metrics.Sample
}

// startHeapFloor begins keeping the floor; stop puts base back and ends
// the adjustments.
func startHeapFloor(floor uint64, base int) (h *heapFloor) {
	h = &heapFloor{floor: floor, base: base, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	h.adjust()
	h.arm()
	return h
}

// refresh adjusts the setting if no collection had measured the live
// heap when it was last set; it is cheap otherwise.
func (h *heapFloor) refresh() {
	if h.noCycle.Load() {
		h.adjust()
	}
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
	live := h.sample[0].Value.Uint64()
	h.noCycle.Store(live == 0)
	debug.SetGCPercent(floorPercent(live, h.floor, h.base))
	return true
}

// floorPercent is the GC percentage that puts the goal of a heap with
// live bytes live at floor, or base when that is no higher (the live heap
// is at least half the floor) or the live heap is not known yet (0).
func floorPercent(live, floor uint64, base int) int {
	if live == 0 || live >= floor/2 {
		return base
	}
	return int(min((floor-live)*100/live, math.MaxInt32))
}
