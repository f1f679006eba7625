package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/colrun/colrun/runner/event"
)

// Progress is Newman's progress reporter (-r progress): one line, redrawn
// in place, with a bar of the requests done out of requests × iterations,
// drawn as Newman's cli-progress bar draws it. Like that bar it writes
// nothing when stdout is not a terminal (a CI log would fill with
// redraws), so a CI job that asks for it gets only the exit code, as with
// Newman.
type Progress struct {
	w        io.Writer
	terminal bool
	now      func() time.Time

	total, done int
	started     time.Time
	drawn       time.Time // last redraw; redraws are at most progressRedraw apart
	active      bool
	err         error
}

// progressRedraw is cli-progress's default redraw interval (10 per second).
const progressRedraw = 100 * time.Millisecond

// progressWidth is cli-progress's default bar width.
const progressWidth = 40

// NewProgress writes the bar to w when terminal is true.
func NewProgress(w io.Writer, terminal bool) *Progress {
	return &Progress{w: w, terminal: terminal, now: time.Now}
}

// Handle starts the bar at the run's start, moves it at each item's end,
// and finishes its line at the run's end.
func (p *Progress) Handle(e event.Event) error {
	if !p.terminal || p.err != nil {
		return nil
	}
	switch {
	case e.RunStart != nil:
		p.total = e.RunStart.Requests * max(e.RunStart.Iterations, 1)
		p.started = p.now()
		p.active = true
		// Save the cursor and stop the line wrapping, as cli-progress does.
		p.write("\x1b7\x1b[?7l")
		p.draw()
	case e.ItemEnd != nil && p.active:
		p.done++
		if p.now().Sub(p.drawn) >= progressRedraw {
			p.draw()
		}
	case e.RunEnd != nil && p.active:
		p.stop()
	}
	return p.err
}

// Close finishes the line of a run that ended without RunEnd.
func (p *Progress) Close() error {
	if p.active && p.err == nil {
		p.stop()
	}
	return p.err
}

func (p *Progress) stop() {
	p.draw()
	p.active = false
	p.write("\x1b[?7h\x1b8\n")
}

func (p *Progress) draw() {
	p.drawn = p.now()
	fraction := 1.0
	if p.total > 0 {
		fraction = min(float64(p.done)/float64(p.total), 1)
	}
	full := int(fraction*progressWidth + 0.5)
	eta := 0
	if p.done > 0 && p.done < p.total {
		perItem := p.drawn.Sub(p.started).Seconds() / float64(p.done)
		eta = int(perItem*float64(p.total-p.done) + 0.999)
	}
	p.write(fmt.Sprintf("\x1b[1Gprogress [%s%s] %d%% | ETA: %ds | %d/%d\x1b[0K",
		strings.Repeat("=", full), strings.Repeat("-", progressWidth-full), int(fraction*100), eta, p.done, p.total))
}

func (p *Progress) write(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s)
	}
}
