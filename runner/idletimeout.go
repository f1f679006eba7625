package runner

import (
	"context"
	"crypto/tls"
	"net"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/colrun/colrun/runner/event"
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
	// connected is set once the hop has a connection: postman-request
	// words a timeout before the socket connects ETIMEDOUT (connect:
	// true), one after ESOCKETTIMEDOUT (connect: false).
	connected atomic.Bool
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

// newHop restarts the clock for a hop of the request, which, as
// postman-request sends each hop as a request of its own, has yet to
// connect.
func (w *idleWatch) newHop() {
	if w != nil {
		w.connected.Store(false)
		w.touch()
	}
}

// connectDone is the hop's httptrace ConnectDone: a TCP connection made
// (a TLS handshake may still be to come, which Node counts as connected)
// ends the connect phase, chained after timed, the timing trace's own.
func (w *idleWatch) connectDone(timed func(network, addr string, err error)) func(network, addr string, err error) {
	return func(network, addr string, err error) {
		if timed != nil {
			timed(network, addr, err)
		}
		if err == nil {
			w.connected.Store(true)
			w.touch()
		}
	}
}

// timeoutError is the error of a request the watch cancelled, as
// postman-request reports it: ETIMEDOUT with connect true when no
// connection was made in time (a server whose accept queue is full
// never answers the handshake), else Node's socket timeout,
// ESOCKETTIMEDOUT with connect false.
func (w *idleWatch) timeoutError(u *url.URL) error {
	if !w.connected.Load() {
		connect := true
		return netErr(event.NodeError{Code: "ETIMEDOUT", Connect: &connect}, "ETIMEDOUT",
			"no connection to %s within %s (--timeout-request)", hostPort(u), w.timeout)
	}
	return netErr(event.NodeError{Code: "ESOCKETTIMEDOUT", Connect: new(bool)}, "ESOCKETTIMEDOUT",
		"%s sent nothing within %s (--timeout-request)", u.Host, w.timeout)
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
	// A kept-alive connection is connected without a ConnectDone.
	w.connected.Store(true)
	if tc, ok := conn.(*tls.Conn); ok {
		conn = tc.NetConn()
	}
	if hc, ok := conn.(*headerConn); ok {
		hc.idle.Store(w)
	}
}
