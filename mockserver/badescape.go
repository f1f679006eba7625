package mockserver

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
)

// net/http refuses a request whose path has a bad percent escape
// (/sites/%zz) while reading its request line, before any handler runs,
// and answers with a plain-text 400 written straight to the connection.
// No Server option or handler hook reaches that answer, so Start wraps the
// connections it accepts: each remembers the last bytes it read, and when
// net/http writes exactly that plain answer and what was read ends with a
// request whose path has a bad escape, the mock's Tableau-style error is
// written instead (XML, or JSON when the request's Accept asks). Requests
// net/http refuses for other reasons keep its plain answer, as do echo
// paths, which postman-echo answers its own way.

// goBadRequest is what net/http writes, in one Write, for a request it
// cannot parse (net/http server.go, conn.serve).
const goBadRequest = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request"

// keptTail bounds what a connection remembers of its input (between one
// and two times it): the refused request line is at its end, and a longer
// one keeps the plain answer.
const keptTail = 64 << 10

// requestLineRE is a request line as net/http splits it: method, target
// and version separated by single spaces.
var requestLineRE = regexp.MustCompile(`^([!#$%&'*+\-.^_` + "`" + `|~0-9A-Za-z]+) (\S+) (HTTP/[0-9]\.[0-9])$`)

// escapeListener hands out escapeConns.
type escapeListener struct {
	net.Listener
	h *handler
}

func (l escapeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &escapeConn{Conn: c, h: l.h}, nil
}

// escapeConn is a connection that can replace net/http's plain answer to
// a bad escape. net/http reads from it in a background goroutine while a
// handler writes, hence the mutex.
type escapeConn struct {
	net.Conn
	h    *handler
	mu   sync.Mutex
	tail []byte
}

func (c *escapeConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		c.tail = append(c.tail, p[:n]...)
		// Trimmed only past twice the bound, so that a long upload does
		// not move 64 KiB for every read.
		if len(c.tail) > 2*keptTail {
			c.tail = append(c.tail[:0], c.tail[len(c.tail)-keptTail:]...)
		}
		c.mu.Unlock()
	}
	return n, err
}

func (c *escapeConn) Write(p []byte) (int, error) {
	if string(p) == goBadRequest {
		c.mu.Lock()
		tail := bytes.Clone(c.tail)
		c.mu.Unlock()
		if resp := c.h.badEscapeResponse(tail); resp != nil {
			if _, err := c.Conn.Write(resp); err != nil {
				return 0, err
			}
			return len(p), nil
		}
	}
	return c.Conn.Write(p)
}

// CloseWrite passes on the half-close net/http uses before closing a
// connection whose client may still be sending (a refused upload), so that
// the client reads the answer rather than a reset.
func (c *escapeConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// badEscapeResponse builds the whole HTTP response to the request at the
// end of input, or returns nil when that request was not refused for a
// bad escape in its path (then net/http's own answer stands).
func (h *handler) badEscapeResponse(input []byte) []byte {
	lines := strings.Split(string(input), "\n")
	at := -1
	var m []string
	for i := len(lines) - 1; i >= 0 && at < 0; i-- {
		if m = requestLineRE.FindStringSubmatch(strings.TrimSuffix(lines[i], "\r")); m != nil {
			at = i
		}
	}
	if at < 0 {
		return nil
	}
	method, target := m[1], m[2]
	path, _, _ := strings.Cut(target, "?")
	if !strings.HasPrefix(path, "/") {
		return nil
	}
	if _, err := url.PathUnescape(path); err == nil {
		return nil
	}
	if h.echo != nil && !strings.HasPrefix(path, "/api/") {
		return nil
	}
	// The headers that arrived with it, for Accept; net/http had not read
	// them, and some may still be on their way, which only matters if
	// Accept is among those.
	r := &http.Request{Method: method, Header: http.Header{}}
	for _, line := range lines[at+1:] {
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			break
		}
		if name, value, ok := strings.Cut(line, ":"); ok {
			r.Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
		}
	}
	e := errBadEscape(path)
	contentType, body := contentTypeXML, renderXML(h.cfg.APIVersion, []*node{e.node()})
	if wantsJSON(r) {
		contentType, body = contentTypeJSON, renderJSON([]*node{e.node()})
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: %d\r\nContent-Type: %s\r\nDate: %s\r\n\r\n",
		len(body), contentType, time.Now().UTC().Format(http.TimeFormat))
	if method != http.MethodHead {
		b.Write(body)
	}
	if h.cfg.Logger != nil {
		h.cfg.Logger.Info("request", "method", method, "path", path, "status", http.StatusBadRequest, "duration", time.Duration(0))
	}
	return b.Bytes()
}
