package runner

import (
	"bytes"
	"cmp"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/colrun/colrun/runner/event"
)

// Newman shows a response's headers as the server wrote them: the names'
// case, their order, duplicates and Transfer-Encoding, all of which Go's
// http.Response.Header loses. So every connection the run's transports
// dial is a headerConn, which keeps the raw header block of the response
// it is armed for, and sendHops lists the headers from that block.

// maxHeaderBlock caps the bytes a connection keeps of one response's
// header blocks (interim 1xx ones included), so that a hostile server
// cannot grow memory. Node, and so Newman, refuses heads over 16 KB
// (counted as checkHead counts them), so a block past the cap fails
// the request.
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
	// perr is what Node's parser would refuse in the head, if anything.
	perr parseError
	// headRequest is set for a HEAD request, whose response has no body.
	headRequest bool
	// n counts the bytes read since arm; end is where the response's
	// body ends in them, or -1 when the head does not say (chunked, read
	// to close) or the body has been read to it. tail keeps the bytes
	// that came in the same read past end, which Node would read as
	// the next response; closing says the response said Connection:
	// close.
	n, end  int64
	tail    [16]byte
	tailLen int
	closing bool
	// ended is set once bytes came past a response's end; the
	// connection then reads as closed.
	ended atomic.Bool
	// idle is the --timeout-request watch of the request using the
	// connection, touched by every read and write.
	idle atomic.Pointer[idleWatch]
}

// Read records what it reads until the end of the first header block
// that is not an interim (1xx) response's.
func (c *headerConn) Read(p []byte) (int, error) {
	if c.ended.Load() {
		return 0, io.EOF
	}
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.idle.Load().touch()
		c.mu.Lock()
		if c.recording {
			c.record(p[:n])
		}
		if c.end >= 0 && c.n+int64(n) == c.end {
			// The response is whole: later reads are the transport's
			// (or another request's), not this response's.
			c.end = -1
		} else if c.end >= 0 && c.n+int64(n) > c.end {
			// Bytes past the response's end: Node would read them as
			// the next response and, unless they are one, fail this
			// request and drop the connection. They are kept for
			// tailError, and the transport is not given them (it would
			// log them) but the end of the connection.
			from := max(c.end-c.n, 0)
			c.tailLen += copy(c.tail[c.tailLen:], p[from:n])
			c.n += int64(n)
			c.ended.Store(true)
			c.mu.Unlock()
			if from == 0 {
				return 0, io.EOF
			}
			return int(from), err
		}
		c.n += int64(n)
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
				// Past Node's 16 KB however Node counts it, unless an
				// error comes first.
				if _, c.perr, _ = checkHead(c.buf[c.block:]); c.perr.code == "" {
					c.perr = parseError{"HPE_HEADER_OVERFLOW", "Header overflow"}
				}
				c.stop()
			}
			return
		}
		info, perr, _ := checkHead(c.buf[c.block:end])
		if perr.code != "" {
			c.perr = perr
			c.stop()
			return
		}
		if code := info.status; code >= 100 && code < 200 && code != 101 {
			// Go's transport reads past interim responses as Node does,
			// and Newman never shows them.
			c.block, c.scanned = end, end
			continue
		}
		c.final = c.buf[c.block:end]
		c.recording = false
		c.closing = info.close
		switch {
		case info.status == 101:
			// What follows is another protocol.
		case c.headRequest || info.status == 204 || info.status == 304:
			c.end = int64(end)
		case info.contentLength >= 0 && !info.chunked:
			c.end = int64(end) + info.contentLength
		}
		return
	}
}

// stop gives up recording the current response.
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

// arm starts recording the next response read from c, the answer to a
// HEAD request when headRequest is set.
func (c *headerConn) arm(headRequest bool) {
	c.mu.Lock()
	c.release()
	c.recording, c.buf, c.block, c.scanned, c.final = true, c.buf[:0], 0, 0, nil
	c.perr, c.headRequest, c.n, c.end, c.tailLen, c.closing = parseError{}, headRequest, 0, -1, 0, false
	c.mu.Unlock()
}

// headError is what Node's parser refuses in the head read since arm:
// in the complete head, or, after the transport failed (cut short),
// in as much of it as arrived.
func (c *headerConn) headError(cut bool) parseError {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.perr.code == "" && cut && c.recording {
		_, c.perr, _ = checkHead(c.buf[c.block:])
	}
	return c.perr
}

// tailError is what Node's parser refuses in bytes that came after the
// response's end with it (a body longer than its Content-Length, a body
// on a 204 or 304): Node reads them as the next response, so anything
// but empty lines or "HTTP/" is an error, and after Connection: close
// anything is.
func (c *headerConn) tailError() parseError {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := bytes.TrimLeft(c.tail[:c.tailLen], "\r\n")
	switch {
	case len(t) == 0:
		return parseError{}
	case c.closing:
		return parseError{"HPE_CLOSED_CONNECTION", "Data after `Connection: close`"}
	case !bytes.HasPrefix([]byte("HTTP/"), t[:min(len(t), len("HTTP/"))]):
		return parseError{"HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/"}
	}
	return parseError{}
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
		hs = append(hs, event.Header{Key: name, Value: latin1String(strings.Trim(value, " \t"))})
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
// available (an https request through a proxy tunnel): sorted by
// name, values in arrival order, with Transfer-Encoding put back.
func fallbackHeaders(resp *http.Response) []event.Header {
	hs := responseHeaders(resp.Header)
	for i, v := range hs {
		hs[i].Value = latin1String(v.Value)
	}
	if len(resp.TransferEncoding) > 0 {
		hs = append(hs, event.Header{Key: "Transfer-Encoding", Value: resp.TransferEncoding[0]})
	}
	return hs
}

// Write passes p on; like a read, it shows the connection is not idle.
func (c *headerConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	if n > 0 {
		c.idle.Load().touch()
	}
	return n, err
}

// headerCapture arms the connection a request gets, through the request's
// trace. The trace is part of it so that a request allocates one.
type headerCapture struct {
	trace httptrace.ClientTrace
	conn  *headerConn
	// headRequest is set when the request is a HEAD.
	headRequest bool
	// idle is the request's --timeout-request watch, nil without one.
	idle *idleWatch
}

func (h *headerCapture) gotConn(info httptrace.GotConnInfo) {
	if h.idle != nil {
		watch(info.Conn, h.idle)
	}
	// A connection Go wrapped in TLS itself (an https request through a
	// proxy tunnel) records ciphertext, so it is not armed.
	h.conn, _ = info.Conn.(*headerConn)
	if h.conn != nil {
		h.conn.arm(h.headRequest)
	}
}

// headError is headerConn.headError, or no error when the connection is
// not recorded.
func (h *headerCapture) headError(cut bool) parseError {
	if h.conn == nil {
		return parseError{}
	}
	return h.conn.headError(cut)
}

// tailError is headerConn.tailError, or no error when the connection is
// not recorded.
func (h *headerCapture) tailError() parseError {
	if h.conn == nil {
		return parseError{}
	}
	return h.conn.tailError()
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
	return &headerConn{Conn: c, end: -1}, nil
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
	return &headerConn{Conn: tc, end: -1}, nil
}

// Node's llhttp parser refuses response heads that Go's reads (lines
// ending in LF alone, a space before a field's colon, folded lines, two
// Content-Lengths, Content-Length with Transfer-Encoding, heads over
// 16 KB) and words every refusal its own way ("Parse Error: Invalid
// header token"). checkHead reads the head as llhttp does in its strict
// mode, Node's default, so that colrun fails the same responses with the
// same words.

// maxNodeHeader is Node's --max-http-header-size (16 KB): the status
// text, field names and values of a head may add up to less than this.
const maxNodeHeader = 16 << 10

// parseError is a response llhttp refuses: its error code (HPE_...) and
// reason, which Node's message carries as "Parse Error: " + reason.
type parseError struct{ code, reason string }

// headInfo is what checkHead learns of a well-formed head that framing
// the body needs.
type headInfo struct {
	status int
	// contentLength is -1 when the head has none.
	contentLength int64
	chunked       bool // a Transfer-Encoding field is present
	close         bool // Connection: close
}

// tchar marks the bytes of an HTTP token (RFC 9110), what llhttp
// allows in a field name.
var tchar = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()

// checkHead reads the response head at the start of b (after any empty
// lines, which llhttp skips) and returns the first error llhttp would
// report. done is false, with no error, when b ends before the head does
// and what there is of it is well-formed.
func checkHead(b []byte) (info headInfo, perr parseError, done bool) {
	info.contentLength = -1
	i := 0
	for i < len(b) && (b[i] == '\r' || b[i] == '\n') {
		i++
	}
	fail := func(code, reason string) (headInfo, parseError, bool) {
		return headInfo{}, parseError{code, reason}, true
	}
	// "HTTP/1.1 200 Reason\r\n"
	for k := range len("HTTP/") {
		if i+k >= len(b) {
			return info, parseError{}, false
		}
		if b[i+k] != "HTTP/"[k] {
			return fail("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/")
		}
	}
	i += len("HTTP/")
	if i+4 > len(b) {
		return info, parseError{}, false
	}
	major, dot, minor, space := b[i], b[i+1], b[i+2], b[i+3]
	switch {
	case major < '0' || major > '9':
		return fail("HPE_INVALID_VERSION", "Invalid major version")
	case dot != '.':
		return fail("HPE_INVALID_VERSION", "Expected dot")
	case minor < '0' || minor > '9':
		return fail("HPE_INVALID_VERSION", "Invalid minor version")
	}
	if !(major == '0' && minor == '9' || major == '1' && minor <= '1' || major == '2' && minor == '0') {
		return fail("HPE_INVALID_VERSION", "Invalid HTTP version")
	}
	if space != ' ' {
		return fail("HPE_INVALID_VERSION", "Expected space after version")
	}
	i += 4
	for k := range 3 {
		if i+k >= len(b) {
			return info, parseError{}, false
		}
		d := b[i+k]
		if d < '0' || d > '9' {
			return fail("HPE_INVALID_STATUS", "Invalid status code")
		}
		info.status = info.status*10 + int(d-'0')
	}
	i += 3
	if i >= len(b) {
		return info, parseError{}, false
	}
	if b[i] != ' ' && b[i] != '\r' {
		return fail("HPE_INVALID_STATUS", "Invalid response status")
	}
	if b[i] == ' ' {
		i++
	}
	n := 0 // what Node counts against maxNodeHeader
	start := i
	for ; i < len(b) && b[i] != '\r' && b[i] != '\n'; i++ {
	}
	n += i - start
	if i >= len(b) {
		return info, parseError{}, false
	}
	if b[i] == '\n' {
		return fail("HPE_CR_EXPECTED", "Missing expected CR after response line")
	}
	if i+1 >= len(b) {
		return info, parseError{}, false
	}
	if b[i+1] != '\n' {
		return fail("HPE_STRICT", "Expected LF after CR")
	}
	i += 2
	if i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		return fail("HPE_UNEXPECTED_SPACE", "Unexpected space after start line")
	}
	for {
		// A field, or the empty line that ends the head.
		if i >= len(b) {
			return info, parseError{}, false
		}
		switch b[i] {
		case '\r':
			if i+1 >= len(b) {
				return info, parseError{}, false
			}
			if b[i+1] != '\n' {
				return fail("HPE_STRICT", "Expected LF after headers")
			}
			return info, parseError{}, true
		case '\n':
			return fail("HPE_INVALID_HEADER_TOKEN", "Invalid header field char")
		}
		start = i
		for ; i < len(b) && b[i] != ':'; i++ {
			if !tchar[b[i]] {
				return fail("HPE_INVALID_HEADER_TOKEN", "Invalid header token")
			}
		}
		if i >= len(b) {
			return info, parseError{}, false
		}
		name := b[start:i]
		if len(name) == 0 {
			return fail("HPE_INVALID_HEADER_TOKEN", "Invalid header token")
		}
		if n += len(name); n >= maxNodeHeader {
			return fail("HPE_HEADER_OVERFLOW", "Header overflow")
		}
		for i++; i < len(b) && (b[i] == ' ' || b[i] == '\t'); i++ {
		}
		start = i
		for ; i < len(b) && b[i] != '\r' && b[i] != '\n'; i++ {
			if c := b[i]; (c < ' ' && c != '\t') || c == 0x7f {
				return fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char")
			}
		}
		if i >= len(b) {
			return info, parseError{}, false
		}
		value := b[start:i]
		if b[i] == '\n' {
			return fail("HPE_CR_EXPECTED", "Missing expected CR after header value")
		}
		if i+1 >= len(b) {
			return info, parseError{}, false
		}
		if b[i+1] != '\n' {
			return fail("HPE_LF_EXPECTED", "Missing expected LF after header value")
		}
		i += 2
		switch {
		case asciiEqualFold(name, "Content-Length"):
			if info.chunked {
				return fail("HPE_INVALID_CONTENT_LENGTH", "Content-Length can't be present with Transfer-Encoding")
			}
			if perr := contentLength(value, &info); perr.code != "" {
				return headInfo{}, perr, true
			}
		case asciiEqualFold(name, "Transfer-Encoding"):
			if info.contentLength >= 0 {
				return fail("HPE_INVALID_TRANSFER_ENCODING", "Transfer-Encoding can't be present with Content-Length")
			}
			info.chunked = true
		case asciiEqualFold(name, "Connection"):
			for rest := value; len(rest) > 0; {
				tok := rest
				if j := bytes.IndexByte(rest, ','); j >= 0 {
					tok, rest = rest[:j], rest[j+1:]
				} else {
					rest = nil
				}
				if asciiEqualFold(bytes.Trim(tok, " \t"), "close") {
					info.close = true
				}
			}
		}
		if n += len(value); n >= maxNodeHeader {
			return fail("HPE_HEADER_OVERFLOW", "Header overflow")
		}
		if i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			return fail("HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value")
		}
	}
}

// contentLength reads a Content-Length value as llhttp does: digits,
// then only spaces or tabs, in the head's only Content-Length field.
func contentLength(value []byte, info *headInfo) parseError {
	var n uint64
	digits := 0
	for j, c := range value {
		if c < '0' || c > '9' {
			if digits > 0 && len(bytes.Trim(value[j:], " \t")) == 0 {
				break
			}
			return parseError{"HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length"}
		}
		if n > (1<<64-1-uint64(c-'0'))/10 {
			return parseError{"HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow"}
		}
		n = n*10 + uint64(c-'0')
		digits++
	}
	switch {
	case digits == 0:
		return parseError{"HPE_INVALID_CONTENT_LENGTH", "Empty Content-Length"}
	case info.contentLength >= 0:
		return parseError{"HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length"}
	}
	info.contentLength = int64(min(n, 1<<63-1))
	return parseError{}
}

// asciiEqualFold is bytes.EqualFold for an ASCII name, without
// converting it to bytes.
func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c, d := b[i], s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= d && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}
