package sandbox

import (
	"container/heap"
	"sync"
	"time"
)

// eventLoop holds what a Run waits for: timers, and jobs posted by
// goroutines (pm.sendRequest responses) or by natives that answer
// asynchronously (cookie-jar calls). Only the Run's goroutine touches the
// runtime; other goroutines only post jobs.
type eventLoop struct {
	mu   sync.Mutex
	jobs []posted
	// wakeup is signalled when a job is posted; capacity 1 so that a post
	// never blocks and a waiting loop always notices.
	wakeup chan struct{}
	// gen tags jobs with the Run that posted them: reset bumps it so that
	// a late response of a finished Run is dropped, never run against the
	// next script.
	gen uint64

	timers  timerHeap
	byID    map[int64]*timer
	nextID  int64
	seq     uint64
	sleeper *time.Timer
}

type posted struct {
	gen uint64
	fn  func() error
}

type timer struct {
	id       int64
	due      time.Time
	interval time.Duration // > 0 for setInterval
	seq      uint64        // orders timers due at the same instant
	fn       func() error
	index    int
	cleared  bool
}

func (l *eventLoop) init() {
	l.wakeup = make(chan struct{}, 1)
	l.byID = map[int64]*timer{}
}

// reset drops every timer and queued job, for the start and end of a Run.
func (l *eventLoop) reset() {
	l.mu.Lock()
	l.gen++
	l.jobs = nil
	l.mu.Unlock()
	if len(l.timers) > 0 || len(l.byID) > 0 {
		l.timers = nil
		clear(l.byID)
	}
	select {
	case <-l.wakeup:
	default:
	}
}

// token returns the tag a goroutine must post its job with.
func (l *eventLoop) token() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.gen
}

// post queues fn to run on the loop; safe from any goroutine. A job
// posted for an earlier Run is dropped.
func (l *eventLoop) post(gen uint64, fn func() error) {
	l.mu.Lock()
	if gen != l.gen {
		l.mu.Unlock()
		return
	}
	l.jobs = append(l.jobs, posted{gen, fn})
	l.mu.Unlock()
	select {
	case l.wakeup <- struct{}{}:
	default:
	}
}

func (l *eventLoop) nextJob() (func() error, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.jobs) > 0 {
		j := l.jobs[0]
		l.jobs[0] = posted{}
		l.jobs = l.jobs[1:]
		if j.gen == l.gen {
			return j.fn, true
		}
	}
	return nil, false
}

func (l *eventLoop) hasJobs() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.jobs) > 0
}

func (l *eventLoop) hasTimers() bool { return len(l.timers) > 0 }

// addTimer schedules fn after delay (again every interval if > 0) and
// returns the id scripts pass to clearTimeout.
func (l *eventLoop) addTimer(delay, interval time.Duration, fn func() error) int64 {
	l.nextID++
	l.seq++
	t := &timer{id: l.nextID, due: time.Now().Add(delay), interval: interval, seq: l.seq, fn: fn}
	heap.Push(&l.timers, t)
	l.byID[t.id] = t
	return t.id
}

func (l *eventLoop) clearTimer(id int64) {
	t, ok := l.byID[id]
	if !ok {
		return
	}
	delete(l.byID, id)
	t.cleared = true
	if t.index >= 0 && t.index < len(l.timers) && l.timers[t.index] == t {
		heap.Remove(&l.timers, t.index)
	}
}

// dueTimer pops the earliest timer if it is due; an interval is put back
// for its next turn before it runs, so that it may clear itself.
func (l *eventLoop) dueTimer(now time.Time) *timer {
	if len(l.timers) == 0 || l.timers[0].due.After(now) {
		return nil
	}
	t := heap.Pop(&l.timers).(*timer)
	if t.interval > 0 {
		l.seq++
		t.due = now.Add(t.interval)
		t.seq = l.seq
		heap.Push(&l.timers, t)
	} else {
		delete(l.byID, t.id)
	}
	return t
}

// wait blocks until a job is posted, the next timer is due, or stop is
// closed.
func (l *eventLoop) wait(stop <-chan struct{}) {
	var due <-chan time.Time
	if len(l.timers) > 0 {
		d := time.Until(l.timers[0].due)
		if d <= 0 {
			return
		}
		if l.sleeper == nil {
			l.sleeper = time.NewTimer(d)
		} else {
			l.sleeper.Reset(d)
		}
		due = l.sleeper.C
		defer l.sleeper.Stop()
	}
	select {
	case <-l.wakeup:
	case <-due:
	case <-stop:
	}
}

// timerHeap orders timers by due time, then by creation.
type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].due.Equal(h[j].due) {
		return h[i].seq < h[j].seq
	}
	return h[i].due.Before(h[j].due)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*h = old[:n-1]
	return t
}
