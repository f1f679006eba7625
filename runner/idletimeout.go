package runner

import (
	"context"
	"crypto/tls"
	"net"
	"sync/atomic"
	"time"
)

// idleWatch is --timeout-request as postman-request applies it: Node's
// socket timeout, which fails the request when nothing has been read or
// written for the timeout, however long the whole response takes. A body
// that keeps arriving, slowly, is never cut (under a total deadline a
// large download on a slow link failed where Newman passes).
type idleWatch struct {
	timeout time.Duration
	timer   *time.Timer
	fired   atomic.Bool
	done    atomic.Bool
}

// newIdleWatch starts the clock; cancel is called when it runs out.
func newIdleWatch(timeout time.Duration, cancel context.CancelFunc) *idleWatch {
	w := &idleWatch{timeout: timeout}
	w.timer = time.AfterFunc(timeout, func() {
		if !w.done.Load() {
			w.fired.Store(true)
			cancel()
		}
	})
	return w
}

// touch restarts the clock: the connection just moved bytes.
func (w *idleWatch) touch() {
	if w != nil && !w.done.Load() {
		w.timer.Reset(w.timeout)
	}
}

// stop ends the watch; a connection that outlives the request (kept
// alive) may still touch it, to no effect.
func (w *idleWatch) stop() {
	w.done.Store(true)
	w.timer.Stop()
}

// hasFired reports whether the request was cancelled for idling.
func (w *idleWatch) hasFired() bool { return w != nil && w.fired.Load() }

// watch makes conn's reads and writes touch w. Go's own TLS over a proxy
// tunnel hands the trace a *tls.Conn; its bytes still pass through the
// headerConn beneath.
func watch(conn net.Conn, w *idleWatch) {
	if tc, ok := conn.(*tls.Conn); ok {
		conn = tc.NetConn()
	}
	if hc, ok := conn.(*headerConn); ok {
		hc.idle.Store(w)
	}
}
