package runner

import (
	"bytes"
	"cmp"
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/http/httptrace"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/colrun/colrun/runner/event"
)

// Newman shows a response's headers as the server wrote them: the names'
// case, their order, duplicates and Transfer-Encoding, all of which Go's
// http.Response.Header loses. So every connection the run's transports
// dial is a headerConn, which keeps the raw header block of the response
// it is armed for, and sendHops lists the headers from that block.

// maxHeaderBlock caps the bytes a connection keeps of one response's
// header blocks (interim 1xx ones included), so that a hostile server
// cannot grow memory; past it the headers come from Go's parse instead.
// Node, and so Newman, refuses header blocks over 16 KB.
const maxHeaderBlock = 64 << 10

// headerConn is a connection that records the header block of the
// response to the request it was last armed for.
type headerConn struct {
	net.Conn
	// mu guards the fields below: the transport's read loop reads the
	// connection while the next request's trace arms it.
	mu        sync.Mutex
	recording bool
	buf       []byte
	// block is where the block being read begins in buf (after any 1xx
	// blocks), and scanned how far buf was searched for its end.
	block, scanned int
	// final is buf[block:end] once the final block is complete.
	final []byte
}

// Read records what it reads until the end of the first header block
// that is not an interim (1xx) response's.
func (c *headerConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		if c.recording {
			c.record(p[:n])
		}
		c.mu.Unlock()
	}
	return n, err
}

func (c *headerConn) record(p []byte) {
	if len(c.buf)+len(p) > maxHeaderBlock {
		p = p[:maxHeaderBlock-len(c.buf)]
	}
	c.buf = append(c.buf, p...)
	for {
		end := blockEnd(c.buf, c.scanned)
		if end < 0 {
			// Go accepts lines ending in LF alone (Node does not), so
			// the last two bytes may begin the block's ending.
			c.scanned = max(c.block, len(c.buf)-2)
			if len(c.buf) >= maxHeaderBlock {
				c.stop()
			}
			return
		}
		if code := statusCode(c.buf[c.block:end]); code >= 100 && code < 200 && code != 101 {
			// Go's transport reads past interim responses as Node does,
			// and Newman never shows them.
			c.block, c.scanned = end, end
			continue
		}
		c.final = c.buf[c.block:end]
		c.recording = false
		return
	}
}

// stop gives up on the current response; its headers come from Go's
// parse.
func (c *headerConn) stop() {
	c.recording, c.final = false, nil
	c.release()
}

// release drops a buffer that a large block grew, rather than keep it
// for the connection's life.
func (c *headerConn) release() {
	if cap(c.buf) > 4<<10 {
		c.buf = nil
	}
}

// arm starts recording the next response read from c.
func (c *headerConn) arm() {
	c.mu.Lock()
	c.release()
	c.recording, c.buf, c.block, c.scanned, c.final = true, c.buf[:0], 0, 0, nil
	c.mu.Unlock()
}

// headers lists the final header block recorded since arm, as Newman
// lists it, when it is the block resp was parsed from; otherwise ok is
// false.
func (c *headerConn) headers(resp *http.Response, reason string) (hs []event.Header, size int64, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.final == nil {
		return nil, 0, false
	}
	return parseHeaderBlock(c.final, resp, reason)
}

// blockEnd is the offset just past the empty line that ends the header
// block in b, searching from the line break at or after from, or -1.
func blockEnd(b []byte, from int) int {
	for {
		i := bytes.IndexByte(b[from:], '\n')
		if i < 0 {
			return -1
		}
		i += from
		switch {
		case i+1 < len(b) && b[i+1] == '\n':
			return i + 2
		case i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n':
			return i + 3
		}
		from = i + 1
	}
}

// statusCode is the code on a block's status line, or 0.
func statusCode(block []byte) int {
	// "HTTP/1.1 200"
	if len(block) < 12 || !bytes.HasPrefix(block, []byte("HTTP/")) || block[8] != ' ' {
		return 0
	}
	code := 0
	for _, d := range block[9:12] {
		if d < '0' || d > '9' {
			return 0
		}
		code = code*10 + int(d-'0')
	}
	return code
}

// parseHeaderBlock lists the fields of a header block in Newman's order,
// with the size Newman reports for them. ok is false when the block is
// not resp's (its status or fields differ from what Go parsed) or has
// lines colrun does not read (obsolete line folding).
func parseHeaderBlock(block []byte, resp *http.Response, reason string) (hs []event.Header, size int64, ok bool) {
	if statusCode(block) != resp.StatusCode {
		return nil, 0, false
	}
	// One string holds the block and the names and values are cut from
	// it, so a response costs one allocation however many headers it has.
	_, rest, _ := strings.Cut(string(block), "\n")
	hs = make([]event.Header, 0, strings.Count(rest, "\n"))
	for len(rest) > 0 {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			break
		}
		name, value, found := strings.Cut(line, ":")
		if !found || name == "" || line[0] == ' ' || line[0] == '\t' {
			return nil, 0, false
		}
		hs = append(hs, event.Header{Key: name, Value: latin1(strings.Trim(value, " \t"))})
	}
	if !sameFields(hs, resp.Header) {
		return nil, 0, false
	}
	hs = newmanOrder(hs)
	return hs, headerSize(reason, hs), true
}

// sameFields reports whether hs holds the fields Go parsed into h, but
// for those Go rewrites (Transfer-Encoding and Trailer it takes out,
// Content-Length it merges or drops, and Connection it deletes when an
// HTTP/1.1 response says "close"). Values are compared by length, as
// latin1 may have changed their bytes.
func sameFields(hs []event.Header, h http.Header) bool {
	_, keptConnection := h["Connection"]
	n := 0
	for _, e := range hs {
		var buf [64]byte
		key := canonicalKey(buf[:0], e.Key)
		switch string(key) {
		case "Transfer-Encoding", "Trailer", "Content-Length":
			continue
		case "Connection":
			if !keptConnection {
				continue
			}
		}
		vs, found := h[string(key)]
		if !found || !slices.ContainsFunc(vs, func(v string) bool { return latin1Len(v) == len(e.Value) }) {
			return false
		}
		n++
	}
	for k, vs := range h {
		switch k {
		case "Transfer-Encoding", "Trailer", "Content-Length":
			continue
		}
		n -= len(vs)
	}
	return n == 0
}

// canonicalKey appends the canonical form of an HTTP token key to buf
// (Go's textproto form), without allocating for keys that fit.
func canonicalKey(buf []byte, key string) []byte {
	upper := true
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case upper && 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case !upper && 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf = append(buf, c)
		upper = c == '-'
	}
	return buf
}

// latin1 decodes a header value as Node does (each byte one character),
// so "café" sent in UTF-8 reads as "cafÃ©", as under Newman.
func latin1(s string) string {
	n := latin1Len(s)
	if n == len(s) {
		return s
	}
	out := make([]byte, 0, n)
	for i := 0; i < len(s); i++ {
		out = utf8.AppendRune(out, rune(s[i]))
	}
	return string(out)
}

// latin1Len is the length of s in bytes once latin1-decoded into UTF-8.
func latin1Len(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			n++
		}
	}
	return n
}

// newmanOrder puts hs in the order Newman lists headers: postman-runtime
// gathers them into a JavaScript object keyed by exact name, so a name's
// later fields join its first, and names that are array indices ("7",
// "42") come first, in numeric order.
func newmanOrder(hs []event.Header) []event.Header {
	regroup := false
	for i := 0; i < len(hs) && !regroup; i++ {
		if _, ok := indexKey(hs[i].Key); ok && i > 0 {
			regroup = true
		}
		if i < 2 || hs[i].Key == hs[i-1].Key {
			continue
		}
		for j := 0; j < i-1; j++ {
			if hs[j].Key == hs[i].Key {
				regroup = true
				break
			}
		}
	}
	if !regroup {
		return hs
	}
	out := make([]event.Header, 0, len(hs))
	done := make([]bool, len(hs))
	gather := func(i int) {
		for j := i; j < len(hs); j++ {
			if !done[j] && hs[j].Key == hs[i].Key {
				out, done[j] = append(out, hs[j]), true
			}
		}
	}
	var indices []int
	for i, h := range hs {
		if _, ok := indexKey(h.Key); ok && !slices.ContainsFunc(indices, func(j int) bool { return hs[j].Key == h.Key }) {
			indices = append(indices, i)
		}
	}
	slices.SortFunc(indices, func(a, b int) int {
		na, _ := arrayIndex(hs[a].Key)
		nb, _ := arrayIndex(hs[b].Key)
		return cmp.Compare(na, nb)
	})
	for _, i := range indices {
		gather(i)
	}
	for i := range hs {
		if !done[i] {
			gather(i)
		}
	}
	return out
}

// indexKey is arrayIndex for a header name, skipping the parse for the
// names that do not start with a digit (nearly all), as a failed parse
// allocates its error.
func indexKey(key string) (uint64, bool) {
	if key == "" || key[0] < '0' || key[0] > '9' {
		return 0, false
	}
	return arrayIndex(key)
}

// fallbackHeaders lists Go's parsed headers when the raw block is not
// available (a proxy tunnel, a block over maxHeaderBlock): sorted by
// name, values in arrival order, with Transfer-Encoding put back.
func fallbackHeaders(resp *http.Response) []event.Header {
	hs := responseHeaders(resp.Header)
	for i, v := range hs {
		hs[i].Value = latin1(v.Value)
	}
	if len(resp.TransferEncoding) > 0 {
		hs = append(hs, event.Header{Key: "Transfer-Encoding", Value: resp.TransferEncoding[0]})
	}
	return hs
}

// headerCapture arms the connection a request gets, through the request's
// trace. The trace is part of it so that a request allocates one.
type headerCapture struct {
	trace httptrace.ClientTrace
	conn  *headerConn
}

func (h *headerCapture) gotConn(info httptrace.GotConnInfo) {
	// A connection Go wrapped in TLS itself (an https request through a
	// proxy tunnel) records ciphertext, so it is not armed.
	h.conn, _ = info.Conn.(*headerConn)
	if h.conn != nil {
		h.conn.arm()
	}
}

// headers lists resp's headers as received, or as Go parsed them when
// the raw block is not available.
func (h *headerCapture) headers(resp *http.Response, reason string) ([]event.Header, int64) {
	if h.conn != nil {
		if hs, size, ok := h.conn.headers(resp, reason); ok {
			return hs, size
		}
	}
	hs := fallbackHeaders(resp)
	return hs, headerSize(reason, hs)
}

// dialers makes the connections of one transport, recording each
// response's header block; TLS is done here rather than by the transport
// so that what is recorded is plaintext.
type dialers struct {
	net              *net.Dialer
	tls              *tls.Config
	handshakeTimeout time.Duration
}

func (d *dialers) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := d.net.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return &headerConn{Conn: c}, nil
}

// errTLSHandshakeTimeout is Go's transport's error for a handshake past
// TLSHandshakeTimeout, worded as Go words it.
var errTLSHandshakeTimeout = errors.New("net/http: TLS handshake timeout")

// dialTLS dials and completes the handshake as Go's transport would,
// calling the request trace's TLS hooks (the --verbose timings) itself,
// since the transport calls them only for a *tls.Conn.
func (d *dialers) dialTLS(ctx context.Context, network, addr string) (net.Conn, error) {
	raw, err := d.net.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	cfg := d.tls.Clone()
	if cfg.ServerName == "" {
		cfg.ServerName, _, _ = net.SplitHostPort(addr)
	}
	tc := tls.Client(raw, cfg)
	trace := httptrace.ContextClientTrace(ctx)
	if trace != nil && trace.TLSHandshakeStart != nil {
		trace.TLSHandshakeStart()
	}
	hctx, cancel := context.WithTimeout(ctx, d.handshakeTimeout)
	err = tc.HandshakeContext(hctx)
	cancel()
	if trace != nil && trace.TLSHandshakeDone != nil {
		trace.TLSHandshakeDone(tc.ConnectionState(), err)
	}
	if err != nil {
		raw.Close()
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			err = errTLSHandshakeTimeout
		}
		return nil, err
	}
	return &headerConn{Conn: tc}, nil
}
