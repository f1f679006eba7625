package report

import (
	"io"

	"github.com/colrun/colrun/runner/event"
)

// Emojitrain is Newman's emojitrain reporter (-r emojitrain): a 😀 for
// each request whose request, scripts and assertions all went well, a 😢
// for one where something failed, and 😍 or 😭 for the whole run. It
// exists so that CI jobs written for Newman with it keep working.
type Emojitrain struct {
	w      io.Writer
	failed map[string]bool // by cursor ref: the item had a failure
	any    bool
	err    error
}

// NewEmojitrain writes the train to w.
func NewEmojitrain(w io.Writer) *Emojitrain {
	return &Emojitrain{w: w, failed: map[string]bool{}}
}

// Handle notes failures as Newman does (a script error, a request error,
// a failed assertion, keyed by the item's cursor) and writes an emoji at
// each item's end.
func (r *Emojitrain) Handle(e event.Event) error {
	if r.err != nil {
		return nil
	}
	switch {
	case e.Script != nil && e.Script.Error != nil:
		r.fail(e.Script.Cursor.Ref)
	case e.Request != nil && e.Request.Error != "":
		r.fail(e.Request.Cursor.Ref)
	case e.Assertion != nil && e.Assertion.Error != nil:
		r.fail(e.Assertion.Cursor.Ref)
	case e.ItemEnd != nil:
		face := "😀 "
		if r.failed[e.ItemEnd.Cursor.Ref] {
			face = "😢 "
		}
		delete(r.failed, e.ItemEnd.Cursor.Ref)
		_, r.err = io.WriteString(r.w, face)
	case e.RunEnd != nil:
		end := " 😍\n"
		if r.any || e.RunEnd.Error != "" {
			end = " 😭\n"
		}
		_, r.err = io.WriteString(r.w, end)
	}
	return r.err
}

func (r *Emojitrain) fail(ref string) {
	r.failed[ref] = true
	r.any = true
}

// Close returns the first write error.
func (r *Emojitrain) Close() error { return r.err }
