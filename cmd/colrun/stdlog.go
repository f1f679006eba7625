package main

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"sync"
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
		start := rest
		if q, err := strconv.QuotedPrefix(string(rest)); err == nil {
			start = []byte(q)
		}
		_, err := fmt.Fprintf(l.w, "colrun: warning: a server sent bytes after the end of a response (a body longer than its Content-Length, or a body on a 204, 304 or HEAD response), starting with %s; they were ignored and the connection closed\n", start)
		return len(p), err
	}
	_, err := fmt.Fprintf(l.w, "colrun: %s\n", line)
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
