package main

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/colrun/colrun/auth"
)

// unsolicitedPrefix starts the line net/http's Transport logs through the
// standard logger when a server sends bytes after a response has ended
// (a body longer than its Content-Length, a body on a 204), which is the
// only place the Transport tells of it.
const unsolicitedPrefix = "Unsolicited response received on idle HTTP channel starting with "

// stdLogWriter takes the standard logger's output, which only the
// standard library writes to (colrun itself reports through its
// reporters). Go's own wording, with a timestamp and once per request,
// would read like a crash in the middle of the cli report; the
// unsolicited-bytes line becomes one colrun warning, said once, with the
// number of further ones at exit. Anything else is passed on prefixed
// with "colrun: ".
type stdLogWriter struct {
	mu          sync.Mutex
	w           io.Writer
	unsolicited int
	// red masks what is logged: the bytes a server sent may echo the
	// request, X-Tableau-Auth and all.
	red atomic.Pointer[auth.Redactor]
}

// processLog is the standard logger's writer while main runs; nil in
// tests, which run many commands in one process.
var processLog atomic.Pointer[stdLogWriter]

// maskStdLog makes the standard logger's output go through red from now
// on. A process runs one command, so the last Redactor set is the one.
func maskStdLog(red *auth.Redactor) {
	if l := processLog.Load(); l != nil {
		l.red.Store(red)
	}
}

// mask is red's String, or s as it is when none is set.
func (l *stdLogWriter) mask(s string) string {
	return l.red.Load().String(s)
}

func (l *stdLogWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	line := bytes.TrimRight(p, "\n")
	if rest, ok := bytes.CutPrefix(line, []byte(unsolicitedPrefix)); ok {
		l.unsolicited++
		if l.unsolicited > 1 {
			return len(p), nil
		}
		start := l.mask(string(rest))
		if q, err := strconv.QuotedPrefix(string(rest)); err == nil {
			start = l.mask(q)
			// Masked unquoted, so that a secret with a quote or a
			// control character in it is found as sent.
			if raw, err := strconv.Unquote(q); err == nil {
				start = strconv.Quote(l.mask(raw))
			}
		}
		_, err := fmt.Fprintf(l.w, "colrun: warning: a server sent bytes after the end of a response (a body longer than its Content-Length, or a body on a 204, 304 or HEAD response), starting with %s; they were ignored and the connection closed\n", start)
		return len(p), err
	}
	_, err := fmt.Fprintf(l.w, "colrun: %s\n", l.mask(string(line)))
	return len(p), err
}

// close says how many more times the warning would have been given.
func (l *stdLogWriter) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch n := l.unsolicited - 1; {
	case n == 1:
		fmt.Fprintln(l.w, "colrun: warning: a server sent bytes after the end of a response once more")
	case n > 1:
		fmt.Fprintf(l.w, "colrun: warning: servers sent bytes after the end of a response %d more times\n", n)
	}
}
