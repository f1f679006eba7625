package runner

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/http/httputil"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/andybalholm/brotli"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/sandbox"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// transports holds the connection pools a run needs: strict, which
// verifies TLS unless -k is given, and insecure, which does not (for -k or
// a request's strictSSL: false), and, made when a request first needs
// them, pools for other TLS settings (a request's strictSSL: true under
// -k, its tlsDisabledProtocols or tlsCipherSelection). They are shared by
// every worker of a run so that keep-alive connections are reused.
type transports struct {
	strict, insecure *http.Transport
	// digests keeps what digest challenges taught, per auth definition.
	// It lives here because transports is the per-run state that every
	// worker shares, as the auth definition is shared in postman-runtime.
	digests digestStates
	// ntlm keeps NTLM requests' connections, which the handshake
	// authenticates, apart from the others.
	ntlm ntlmPools
	// mk makes a transport; withCert keeps a strict and an insecure one
	// per certificate ClientCertFor picks, so that a connection made with
	// one certificate is never reused for a request that needs another.
	mk       func(insecure bool, cert *tls.Certificate, prof tlsProfile) *http.Transport
	certMu   sync.Mutex
	withCert map[*tls.Certificate]*[2]*http.Transport
	custom   map[transportKey]*http.Transport
}

// transportKey names a pool made for a request's own TLS settings.
type transportKey struct {
	insecure bool
	cert     *tls.Certificate
	prof     tlsProfile
}

func newTransports(opts *Options) (*transports, error) {
	// nil RootCAs means the system pool; the CLI builds ExtraCAs on a copy
	// of the system pool, so it replaces it whole.
	var roots *x509.CertPool
	if opts.ExtraCAs != nil {
		roots = opts.ExtraCAs
	}
	pick := opts.Proxy
	if pick == nil {
		// No proxy, not the environment's: the CLI passes ProxyFromEnv,
		// and a program (or test) using the runner directly does not
		// get its loopback traffic sent to a proxy the machine has set.
		pick = func(*url.URL) (*url.URL, error) { return nil, nil }
	}
	proxy := func(r *http.Request) (*url.URL, error) { return pick(r.URL) }
	mk := func(insecure bool, cert *tls.Certificate, prof tlsProfile) *http.Transport {
		cfg := &tls.Config{RootCAs: roots, InsecureSkipVerify: insecure, MinVersion: prof.min, MaxVersion: prof.max, CipherSuites: prof.cipherSuites()} //nolint:gosec // -k and strictSSL: false ask for this
		if cert != nil {
			// Node sends its certificate whichever issuers the server
			// asks for; Go's default sends none that the server's list
			// leaves out, so the server would see none at all.
			cfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return cert, nil }
		}
		d := &dialers{
			net:              &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second},
			tls:              cfg,
			handshakeTimeout: 30 * time.Second,
		}
		return &http.Transport{
			Proxy:       proxy,
			DialContext: d.dial,
			// dialTLS does the handshake; the transport still uses
			// TLSClientConfig for a tunnel through a proxy.
			DialTLSContext:      d.dialTLS,
			TLSClientConfig:     cfg,
			TLSHandshakeTimeout: d.handshakeTimeout,
			// Node refuses heads over 16 KB; the transport need not
			// read more than headerConn keeps to know it.
			MaxResponseHeaderBytes: maxHeaderBlock,
			// Requests carry Accept-Encoding themselves (readBody
			// decodes); one that goes without (disabledSystemHeaders)
			// must not get Go's gzip instead.
			DisableCompression:    true,
			MaxIdleConns:          256,
			MaxIdleConnsPerHost:   64,
			IdleConnTimeout:       90 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	t := &transports{strict: mk(opts.Insecure, opts.ClientCert, tlsProfile{}), insecure: mk(true, opts.ClientCert, tlsProfile{}), mk: mk}
	if opts.ClientCertFor != nil {
		t.withCert = map[*tls.Certificate]*[2]*http.Transport{}
	}
	return t, nil
}

// forRequest is the transport for a request: strict verifies TLS, and
// the request's resolved URL picks the client certificate.
func (t *transports) forRequest(opts *Options, u collections.URL, strict bool) *http.Transport {
	var cert *tls.Certificate
	if opts.ClientCertFor != nil {
		cert = opts.ClientCertFor(u)
	}
	if cert == nil {
		if strict {
			return t.strict
		}
		return t.insecure
	}
	t.certMu.Lock()
	defer t.certMu.Unlock()
	pair := t.withCert[cert]
	if pair == nil {
		pair = &[2]*http.Transport{t.mk(opts.Insecure, cert, tlsProfile{}), t.mk(true, cert, tlsProfile{})}
		t.withCert[cert] = pair
	}
	if strict {
		return pair[0]
	}
	return pair[1]
}

// forSend is the transport for a request sent with verify (whether its
// server's certificate is checked, which a request's strictSSL: true asks
// for even under -k, as in Newman) and the TLS settings prof.
func (t *transports) forSend(opts *Options, u collections.URL, verify bool, prof tlsProfile) *http.Transport {
	if prof == (tlsProfile{}) && (!verify || !opts.Insecure) {
		return t.forRequest(opts, u, verify)
	}
	var cert *tls.Certificate
	if opts.ClientCertFor != nil {
		cert = opts.ClientCertFor(u)
	}
	if cert == nil {
		cert = opts.ClientCert
	}
	key := transportKey{insecure: !verify, cert: cert, prof: prof}
	t.certMu.Lock()
	defer t.certMu.Unlock()
	rt := t.custom[key]
	if rt == nil {
		if t.custom == nil {
			t.custom = map[transportKey]*http.Transport{}
		}
		rt = t.mk(!verify, cert, prof)
		t.custom[key] = rt
	}
	return rt
}

func (t *transports) close() {
	t.strict.CloseIdleConnections()
	t.insecure.CloseIdleConnections()
	t.certMu.Lock()
	for _, rt := range t.custom {
		rt.CloseIdleConnections()
	}
	for _, pair := range t.withCert {
		pair[0].CloseIdleConnections()
		pair[1].CloseIdleConnections()
	}
	t.certMu.Unlock()
	t.ntlm.close()
}

// exchange is the outcome of sending one request, redirects included.
type exchange struct {
	resp      *event.Response // Body holds the whole body
	redirects []event.Redirected
	sent      *http.Request // the last request sent (after redirects)
	// respHeader is the final response's header as received, which a
	// digest challenge is read from.
	respHeader http.Header
	// setCookies are the cookies every hop set, with the URL that set
	// them, so the worker can keep their attributes for pm.cookies.
	setCookies []urlCookie
	// usedJar is false when the request disabled cookies.
	usedJar bool
	// request is what test scripts see as pm.request: the request with its
	// variables resolved and auth applied, as Postman hands it on.
	request *collections.Request
	// prior are the exchanges an auth replayed (a digest challenge and
	// its 401), oldest first; Newman reports each as a request of the
	// item, before the final one.
	prior []attempt
	// warnings are notices from after the request was sent (a replay
	// limit reached).
	warnings []string
	// firstHop traces the first hop, held here so that a request without
	// redirects allocates no trace of its own.
	firstHop hopTrace
}

// attempt is one earlier exchange of a replayed request.
type attempt struct {
	sent      event.SentRequest
	resp      *event.Response
	redirects []event.Redirected
}

// acceptEncoding is what colrun asks servers for unless the request says
// otherwise, the same as Newman (postman-runtime's default header);
// readBody decodes all three.
const acceptEncoding = "gzip, deflate, br"

// maxAuthReplays is postman-runtime's MAX_REPLAY_COUNT: how many times an
// auth may replay one request.
const maxAuthReplays = 3

// sentRequest is o as reports show it: the body cut to the kept size.
func (r *Runner) sentRequest(o *outgoing) event.SentRequest {
	sent := event.SentRequest{Method: o.Method, URL: o.URL, PostmanURL: urlText(o.Resolved), Fragment: o.Resolved.Hash, EmptyFragment: o.emptyHash,
		Headers: sentHeaders(o), Body: o.Body, BodySize: int64(len(o.Body)), Spec: o.Spec, Auth: o.reportAuth}
	if limit := max(r.opts.MaxKeptBody, DefaultMaxKeptBody); int64(len(sent.Body)) > limit {
		sent.Body = sent.Body[:limit]
	}
	return sent
}

// urlCookie is a Set-Cookie and the URL whose response carried it.
type urlCookie struct {
	url    *url.URL
	cookie *http.Cookie
}

// sendOptions are the per-request transport settings.
type sendOptions struct {
	followRedirects   bool
	maxRedirects      int
	keepMethod        bool
	keepAuthorization bool
	strictSSL         bool
	useCookies        bool
	timeout           time.Duration
	maxBody           int64
	// timings turns on the per-phase timing trace (--verbose), as Newman
	// measures phases only then.
	timings bool
	// keepReferer stops setting Referer on redirects
	// (protocolProfileBehavior removeRefererHeaderOnRedirect).
	keepReferer bool
}

func (r *Runner) sendOptionsFor(o *outgoing) sendOptions {
	so := sendOptions{
		followRedirects: !r.opts.IgnoreRedirects,
		maxRedirects:    10,
		strictSSL:       !r.opts.Insecure,
		useCookies:      true,
		timeout:         r.opts.RequestTimeout,
		maxBody:         r.opts.MaxResponseBody,
		timings:         r.opts.Verbose,
	}
	p := o.PPB
	if p.FollowRedirects != nil {
		so.followRedirects = *p.FollowRedirects
	}
	if p.MaxRedirects != nil {
		so.maxRedirects = *p.MaxRedirects
	}
	if p.StrictSSL != nil {
		// The request's own setting wins over -k, as in Newman: a
		// strictSSL: true request has its certificate checked anyway.
		so.strictSSL = *p.StrictSSL
	}
	if p.DisableCookies != nil {
		so.useCookies = !*p.DisableCookies
	}
	if p.FollowOriginalHTTPMethod != nil {
		so.keepMethod = *p.FollowOriginalHTTPMethod
	}
	if p.FollowAuthorizationHeader != nil {
		so.keepAuthorization = *p.FollowAuthorizationHeader
	}
	if p.RemoveRefererHeader != nil {
		so.keepReferer = *p.RemoveRefererHeader
	}
	if so.maxBody <= 0 {
		so.maxBody = DefaultMaxResponseBody
	}
	return so
}

// send performs the request, following redirects itself so that cookies,
// method changes and per-request limits behave as in Postman. When the
// auth asks for it (a digest challenge), the request is signed again and
// replayed; *o then becomes the request sent last, and the earlier
// exchanges are in the exchange's prior.
func (r *Runner) send(ctx context.Context, jar http.CookieJar, o *outgoing, so sendOptions) (*exchange, error) {
	if o.ntlm != nil {
		defer r.transports.ntlm.hold()()
	}
	ex, err := r.sendHops(ctx, jar, o, so)
	auth := o.replayer()
	if err != nil || auth == nil {
		return ex, err
	}
	if o.ntlm != nil {
		defer func() { ex.warnings = append(ex.warnings, o.ntlm.notes...) }()
	}
	for replays := 0; auth.retry(ex.resp.Code, ex.respHeader); replays++ {
		if replays == maxAuthReplays {
			ex.warnings = append(ex.warnings, "digest auth: maximum intermediate request limit exceeded; the last response stands")
			break
		}
		next := *o
		next.Headers = append([]event.Header(nil), o.Headers...)
		next.Warnings = nil
		auth.sign(&next)
		again, err := r.sendHops(ctx, jar, &next, so)
		if err != nil {
			return nil, err
		}
		again.prior = append(ex.prior, attempt{sent: r.sentRequest(o), resp: ex.resp, redirects: ex.redirects})
		again.setCookies = append(ex.setCookies, again.setCookies...)
		again.warnings = append(append(ex.warnings, again.warnings...), next.Warnings...)
		*o = next
		ex = again
	}
	return ex, nil
}

// hopTrace is what the trace of one hop records, in one allocation.
type hopTrace struct {
	headerCapture
	tm        event.Timings
	firstByte time.Time
}

// sendHops sends one request and follows its redirects.
func (r *Runner) sendHops(ctx context.Context, jar http.CookieJar, o *outgoing, so sendOptions) (*exchange, error) {
	var idle *idleWatch
	if so.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		idle = newIdleWatch(so.timeout, cancel)
		defer func() {
			idle.stop()
			cancel()
		}()
	}
	var prof tlsProfile
	if isHTTPS(o.URL) {
		// Node reads these settings only for a TLS connection. Their
		// warnings were given when the request was built.
		var err error
		if prof, _, err = tlsProfileFor(o.PPB); err != nil {
			return nil, err
		}
	}
	rt := r.transports.forSend(&r.opts, o.Resolved, so.strictSSL, prof)
	if o.ntlm != nil {
		rt = r.transports.ntlm.pool(rt)
	}
	method, target, body, hasBody := o.Method, o.URL, o.Body, o.HasBody
	asWritten := o.PPB.DisableURLEncoding != nil && *o.PPB.DisableURLEncoding
	// href is the URL requested as postman-request holds it (Node's
	// href): the wire URL with its fragment. Redirects resolve against
	// it, and the Referer and the maxRedirects error name it.
	href := target + fragment(o.Resolved.Hash, o.Resolved.Hash != "", asWritten)
	headers := o.Headers
	if o.wireType != "" {
		headers = withHeader(headers, "Content-Type", o.wireType)
	}
	ex := &exchange{usedJar: so.useCookies && jar != nil}
	start := time.Now()
	for hop := 0; ; hop++ {
		hopStart := time.Now()
		capture := &ex.firstHop
		if hop > 0 {
			capture = &hopTrace{}
		}
		if so.timings {
			timingTrace(&capture.trace, &capture.tm, &capture.firstByte)
		}
		capture.trace.GotConn = capture.gotConn
		capture.headRequest = method == "HEAD"
		// Each hop is a request of its own to postman-request, with its
		// own socket timeout.
		idle.newHop()
		if idle != nil {
			capture.trace.ConnectDone = idle.connectDone(capture.trace.ConnectDone)
		}
		capture.idle = idle
		utf8Head := len(body) > 0 && o.Spec != nil && o.Spec.Mode != "file"
		req, err := newHTTPRequest(httptrace.WithClientTrace(ctx, &capture.trace), method, target, headers, body, hasBody, utf8Head, o.PPB.DisabledSystemHeaders)
		if err != nil {
			return nil, err
		}
		if so.useCookies && jar != nil {
			listed := addJarCookies(req, jar)
			if hop == 0 {
				// Newman lists the Cookie header the jar made among
				// the sent headers.
				o.jarCookie = listed
			}
		}
		if req.URL.Opaque != "" && req.URL.Scheme == "http" {
			// Through an HTTP proxy the request line carries the whole
			// URL, which Go leaves to Opaque to give.
			if p, _ := r.transports.strict.Proxy(req); p != nil {
				req.URL.Opaque = "//" + req.URL.Host + req.URL.Opaque
			}
		}
		resp, err := rt.RoundTrip(req)
		if err != nil {
			if idle.hasFired() {
				return nil, idle.timeoutError(req.URL)
			}
			if perr := capture.headError(true); perr.code != "" {
				return nil, perr.netError(req.URL)
			}
			return nil, describeNetError(ctx, err, req.URL, so.timeout, r.opts.ExtraCAs)
		}
		if perr := capture.headError(false); perr.code != "" {
			// A head Go reads but Node refuses.
			resp.Body.Close()
			return nil, perr.netError(req.URL)
		}
		cs := parseSetCookies(resp.Header, req.URL)
		for _, c := range cs {
			ex.setCookies = append(ex.setCookies, urlCookie{url: req.URL, cookie: c})
		}
		if so.useCookies && jar != nil && len(cs) > 0 {
			jar.SetCookies(req.URL, cs)
		}
		loc := resp.Header.Get("Location")
		if so.followRedirects && isRedirect(resp.StatusCode) && loc != "" {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
			resp.Body.Close()
			if perr := capture.tailError(); perr.code != "" {
				return nil, perr.netError(req.URL)
			}
			if hop >= so.maxRedirects {
				// postman-request's wording, naming the URL that redirected.
				return nil, &netError{msg: "Exceeded maxRedirects. Probably stuck in a redirect loop " + redactedHref(href),
					detail: fmt.Sprintf("maxRedirects is %d", so.maxRedirects)}
			}
			// Node's href of the next hop, resolved on the Location's
			// text and encoded as the first request was. Node reads the
			// header one byte a character, so a UTF-8 "é" is "Ã©" there.
			prevHref := href
			target, href = followLocation(href, latin1String(loc), asWritten)
			ex.redirects = append(ex.redirects, event.Redirected{Status: resp.StatusCode, URL: target})
			if !so.keepMethod && resp.StatusCode != 307 && resp.StatusCode != 308 {
				// postman-request turns every other redirect into a GET
				// (a HEAD stays one) and drops the body, a GET's too.
				if method != "HEAD" {
					method = "GET"
				}
				body, hasBody = nil, false
				headers = withoutHeaders(headers, "Content-Type", "Content-Length")
			}
			if !so.keepAuthorization && !strings.EqualFold(req.URL.Hostname(), targetHostname(target)) {
				headers = withoutHeaders(headers, "Authorization")
			}
			if o.tableauOrigin != "" && origin(target) != o.tableauOrigin {
				// The session token colrun added is for its server
				// only; one the collection set is forwarded, as
				// Newman forwards any header but Authorization.
				headers = withoutHeaders(headers, auth.AuthHeader)
			}
			headers = withoutHeaders(headers, "Host")
			if !so.keepReferer {
				// postman-request names the URL it was redirected from,
				// fragment and all.
				headers = withHeader(headers, "Referer", prevHref)
			}
			continue
		}
		// Read before the body, after which the connection may serve
		// another request.
		reason := reasonPhrase(resp)
		respHeaders, respHeaderSize := capture.headers(resp, reason)
		if http10Chunked(resp, respHeaders) {
			resp.Body = struct {
				io.Reader
				io.Closer
			}{httputil.NewChunkedReader(resp.Body), resp.Body}
		}
		data, truncatedErr := readBody(resp, so.maxBody)
		resp.Body.Close()
		if truncatedErr != nil && idle.hasFired() {
			return nil, idle.timeoutError(req.URL)
		}
		if truncatedErr != nil {
			var de *bodyDecodeError
			if errors.As(truncatedErr, &de) {
				return nil, de.netError()
			}
			if errors.Is(truncatedErr, errBodyTooLarge) {
				return nil, truncatedErr
			}
			if perr := chunkError(truncatedErr); perr.code != "" {
				return nil, perr.netError(req.URL)
			}
			if ctx.Err() == nil && (errors.Is(truncatedErr, io.EOF) || errors.Is(truncatedErr, io.ErrUnexpectedEOF)) {
				// Node words a connection closed inside the body
				// (short of its Content-Length, a chunked body cut
				// off) "aborted"; before the headers, "socket hang up".
				return nil, netErr(event.NodeError{Code: "ECONNRESET"}, "aborted", "%s closed the connection in the middle of the response body", req.URL.Host)
			}
			return nil, describeNetError(ctx, truncatedErr, req.URL, so.timeout, r.opts.ExtraCAs)
		}
		if perr := capture.tailError(); perr.code != "" {
			return nil, perr.netError(req.URL)
		}
		end := time.Now()
		var timings *event.Timings
		if so.timings {
			tm := capture.tm
			if !capture.firstByte.IsZero() {
				tm.FirstByte = capture.firstByte.Sub(hopStart)
				tm.Download = end.Sub(capture.firstByte)
			}
			timings = &tm
		}
		ex.sent = req
		ex.respHeader = resp.Header
		ex.resp = &event.Response{
			Code:       resp.StatusCode,
			Status:     reason,
			Proto:      resp.Proto,
			Headers:    respHeaders,
			Body:       data,
			BodySize:   int64(len(data)),
			HeaderSize: respHeaderSize,
			Time:       end.Sub(start),
			Timings:    timings,
		}
		return ex, nil
	}
}

// http10Chunked reports whether resp, whose headers as received are hs,
// is an HTTP/1.0 answer whose Transfer-Encoding ends in chunked: Go
// drops the field in HTTP/1.0 and reads the body to the connection's
// close, chunk sizes and all, where Node's parser decodes it as in
// HTTP/1.1.
func http10Chunked(resp *http.Response, hs []event.Header) bool {
	if resp.ProtoAtLeast(1, 1) || resp.Body == http.NoBody {
		return false
	}
	last := ""
	for _, h := range hs {
		if strings.EqualFold(h.Key, "Transfer-Encoding") {
			last = h.Value[strings.LastIndexByte(h.Value, ',')+1:]
		}
	}
	return strings.EqualFold(strings.Trim(last, " \t"), "chunked")
}

// isRedirect tells the codes postman-request follows when the answer has
// a Location: every 3xx, 300, 304 and 399 among them.
func isRedirect(code int) bool {
	return code >= 300 && code < 400
}

func withoutHeaders(hs []event.Header, keys ...string) []event.Header {
	out := make([]event.Header, 0, len(hs))
next:
	for _, h := range hs {
		for _, k := range keys {
			if strings.EqualFold(h.Key, k) {
				continue next
			}
		}
		out = append(out, h)
	}
	return out
}

// withHeader sets a header, replacing the value of the first one with
// that name (case-insensitively) in place and dropping the others, or
// appending it, as Node's setHeader does.
func withHeader(hs []event.Header, key, value string) []event.Header {
	out := make([]event.Header, 0, len(hs)+1)
	set := false
	for _, h := range hs {
		if strings.EqualFold(h.Key, key) {
			if !set {
				out = append(out, event.Header{Key: h.Key, Value: value})
				set = true
			}
			continue
		}
		out = append(out, h)
	}
	if !set {
		out = append(out, event.Header{Key: key, Value: value})
	}
	return out
}

// mergeCaseVariants sends one header for names spelled in more than one
// case ("X-Key: a" and "x-key: b"), as Newman does: postman-runtime groups
// the values of each exact spelling, then sets each spelling in turn
// through Node's case-insensitive setHeader, so the spelling seen last
// wins with all its values, under its own name. Repeats of one exact
// spelling all go out, there as here.
func mergeCaseVariants(h http.Header, sent []event.Header) {
	for i, a := range sent {
		for _, b := range sent[:i] {
			if a.Key != b.Key && strings.EqualFold(a.Key, b.Key) {
				mergeCaseVariantsSlow(h, sent)
				return
			}
		}
	}
}

func mergeCaseVariantsSlow(h http.Header, sent []event.Header) {
	// Spellings in the order they first appear.
	var spellings []string
	for _, s := range sent {
		if _, ok := h[s.Key]; ok && !slices.Contains(spellings, s.Key) {
			spellings = append(spellings, s.Key)
		}
	}
	for i, first := range spellings {
		last := first
		for _, other := range spellings[i+1:] {
			if strings.EqualFold(other, first) {
				last = other
			}
		}
		if last == first || h[first] == nil {
			continue
		}
		for _, other := range spellings[i:] {
			if other != last && strings.EqualFold(other, first) {
				delete(h, other)
			}
		}
	}
}

// newHTTPRequest builds the wire request. Header keys are stored as the
// collection spells them (not canonicalised), as Postman sends them.
//
// off is protocolProfileBehavior.disabledSystemHeaders: the headers Go's
// transport would add (User-Agent, Accept-Encoding, Content-Length) that
// the request must go without unless it sets them itself.
//
// utf8Head says how Node encodes the request line and header block: in
// latin1, one byte per character, unless the body is text (raw,
// urlencoded, GraphQL, form-data), which Node writes in the same chunk as
// the head, so the head goes out in the body's UTF-8 ("café" is caf\xc3\xa9
// on a POST with a raw body, caf\xe9 on a GET or with a file body).
func newHTTPRequest(ctx context.Context, method, target string, headers []event.Header, body []byte, hasBody, utf8Head bool, off map[string]bool) (*http.Request, error) {
	if method == "" || strings.IndexFunc(method, func(r rune) bool { return r >= 0x80 || !tchar[r] }) >= 0 {
		// Node checks the method before anything else, in its words.
		return nil, netErr(event.NodeError{Code: "ERR_INVALID_HTTP_TOKEN"}, `Method must be a valid HTTP token ["`+method+`"]`,
			"the method %q has a character a method cannot have (a space, a control character or a separator)", method)
	}
	var rd io.Reader
	if hasBody {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	origin, uri, split := splitTarget(target)
	if err != nil && split {
		// A path Go refuses (a % that starts no escape) is still sent as
		// written, as Node sends it.
		if r, err2 := http.NewRequestWithContext(ctx, method, origin, rd); err2 == nil {
			req, err = r, nil
		}
	}
	if err != nil {
		if port := targetPort(target); !validPort(port) {
			return nil, badPortError(port)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("invalid URL %q: %v", target, err)
	}
	if split && strings.IndexFunc(uri, func(r rune) bool { return r < 0x21 || r > 0xff }) >= 0 {
		// Only a URL sent without encoding (disableUrlEncoding) has
		// these; Node refuses them.
		return nil, netErr(event.NodeError{Code: "ERR_UNESCAPED_CHARACTERS"}, "Request path contains unescaped characters",
			"the path or query has a space, a control character or a character beyond U+00FF, which protocolProfileBehavior.disableUrlEncoding leaves unencoded")
	}
	latin1Target := !utf8Head && strings.IndexFunc(uri, func(r rune) bool { return r >= 0x80 }) >= 0
	if split && (req.URL.RequestURI() != uri || latin1Target) && !strings.HasPrefix(uri, "//") {
		if latin1Target {
			// Node writes the path in latin1, one byte per character
			// (Go would write a query it keeps as is in UTF-8).
			if l1, err := charmap.ISO8859_1.NewEncoder().String(uri); err == nil {
				uri = l1
			}
		}
		setRequestTarget(req.URL, uri)
	}
	if hasBody && len(body) == 0 {
		req.Body = http.NoBody
		req.ContentLength = 0
	}
	if len(body) == 0 && !nodeOmitsEmptyContentLength[method] {
		// Node sends Content-Length: 0 for a bodiless request of any
		// method but these (Go, for POST, PUT and PATCH only); servers
		// that want a length for LOCK or PURGE get it as from Newman.
		// An identity transfer encoding is how Go's transport is told,
		// and it heeds it only for a non-nil body.
		req.Body, req.TransferEncoding = http.NoBody, []string{"identity"}
	}
	// One backing array holds each header's first value (and
	// Accept-Encoding's), rather than one slice per header; the
	// capacity of each is one, so a repeated header appends elsewhere.
	values := make([]string, len(headers)+1)
	for i, h := range headers {
		if !plainHeaderValue(h.Value) {
			// Node refuses a value with a control character or a
			// character past U+00FF, and writes the rest in latin1, one
			// byte per character ("café" goes out as caf\xe9), or in
			// UTF-8 with a text body (see utf8Head).
			if strings.IndexFunc(h.Value, func(r rune) bool { return r > 0xff || r < 0x20 && r != '\t' || r == 0x7f }) >= 0 {
				return nil, netErr(event.NodeError{Code: "ERR_INVALID_CHAR"}, `Invalid character in header content ["`+h.Key+`"]`,
					"the value of header %q has a control character or a character beyond U+00FF, which HTTP/1.1 cannot carry", h.Key)
			}
			if !utf8Head {
				h.Value = latin1Bytes(h.Value)
			}
		}
		switch {
		case strings.EqualFold(h.Key, "Host"):
			req.Host = h.Value
		case strings.EqualFold(h.Key, "Content-Length"):
			// Go computes it from the body; a stale value would corrupt
			// the exchange.
		default:
			if vs := req.Header[h.Key]; vs != nil {
				if strings.EqualFold(h.Key, "Cookie") {
					// Node sends the values of a Cookie header given
					// more than once on one line, joined by "; ".
					req.Header[h.Key] = []string{vs[0] + "; " + h.Value}
					continue
				}
				req.Header[h.Key] = append(vs, h.Value)
				continue
			}
			values[i] = h.Value
			req.Header[h.Key] = values[i : i+1 : i+1]
		}
	}
	mergeCaseVariants(req.Header, headers)
	if hasBody {
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	// The request's own Content-Length is not in req.Header (see above).
	if off["content-length"] && !slices.ContainsFunc(headers, func(h event.Header) bool { return strings.EqualFold(h.Key, "Content-Length") }) {
		// Node then sends the body with neither Content-Length nor
		// Transfer-Encoding, so the server cannot tell where it ends
		// (most read none). An identity encoding with an unknown
		// length is how Go's transport is told to frame nothing; a
		// body that is not NoBody keeps Go from sending Content-Length: 0.
		req.Body, req.ContentLength, req.TransferEncoding = io.NopCloser(bytes.NewReader(body)), -1, []string{"identity"}
		if len(body) == 0 {
			req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(nil)), nil }
		}
	}
	if off["user-agent"] && !hasHeaderFold(req.Header, "User-Agent") {
		// An empty User-Agent is how Go's transport is told to send
		// none of its own.
		req.Header["User-Agent"] = []string{""}
	}
	if off["accept-encoding"] {
		// The transport adds none of its own either (DisableCompression).
	} else if !hasHeaderFold(req.Header, "Accept-Encoding") {
		// Asking for compression ourselves stops Go's transport from
		// decompressing silently and dropping Content-Encoding, which
		// scripts check as they do under Newman; readBody decodes.
		values[len(headers)] = acceptEncoding
		req.Header["Accept-Encoding"] = values[len(headers):]
	}
	return req, nil
}

// nodeOmitsEmptyContentLength are the methods Node sends without
// Content-Length when they have no body (its useChunkedEncodingByDefault
// is false for them).
var nodeOmitsEmptyContentLength = map[string]bool{"GET": true, "HEAD": true, "DELETE": true, "OPTIONS": true, "TRACE": true, "CONNECT": true}

// splitTarget splits a URL as wireURL renders it into its origin
// (scheme://authority) and the request target that goes on the request
// line (the path, "/" when empty, and the query).
func splitTarget(target string) (origin, uri string, ok bool) {
	i := strings.Index(target, "://")
	if i < 0 {
		return "", "", false
	}
	j := strings.IndexAny(target[i+3:], "/?")
	if j < 0 {
		return target, "/", true
	}
	origin, uri = target[:i+3+j], target[i+3+j:]
	if uri[0] == '?' {
		uri = "/" + uri
	}
	return origin, uri, true
}

// setRequestTarget makes u send uri on the request line as it is. Go
// re-escapes a path it does not consider well encoded (| ^ [ ] ` stay as
// written in a WHATWG URL, and a % that starts no escape) where Node, and
// so Newman, sends the path wireURL rendered; servers that route or sign
// on the raw path saw a different one. Path keeps the decoded path, for
// cookies and for resolving a relative redirect.
func setRequestTarget(u *url.URL, uri string) {
	p, q, hasQuery := strings.Cut(uri, "?")
	u.Opaque, u.RawPath, u.Path = p, "", lenientUnescape(p)
	u.RawQuery, u.ForceQuery = q, hasQuery && q == ""
}

// lenientUnescape decodes %XX escapes, leaving malformed ones as they are.
func lenientUnescape(s string) string {
	if v, err := url.PathUnescape(s); err == nil {
		return v
	}
	return unescapeUserinfo(s)
}

// followLocation resolves a redirect's Location against href, the URL
// redirected from, as postman-runtime's resolveNodeUrl does: on the text,
// with no dot segments removed and no escapes checked (Newman requests
// /a/../b/./c and /next%zz as the server wrote them), then renders it as
// the first request was rendered. It returns the target to send and the
// new href (the target with its fragment, which is never sent).
func followLocation(href, loc string, asWritten bool) (target, nextHref string) {
	resolved := resolveLocation(href, loc)
	u := collections.ParseURL(resolved)
	target = wireURL(u, asWritten)
	return target, target + fragment(u.Hash, strings.Contains(resolved, "#"), asWritten)
}

// resolveLocation is postman-url-encoder's resolveNodeUrl for a base that
// toNodeUrl rendered (scheme://[userinfo@]host[:port]/path[?query][#hash]).
// postman-request takes a Location starting with http: or https:
// (case-sensitive) as it is, and resolveNodeUrl any scheme://.
func resolveLocation(base, loc string) string {
	i := strings.Index(base, "://")
	if i < 0 || strings.HasPrefix(loc, "http:") || strings.HasPrefix(loc, "https:") || nodeProtocol.MatchString(loc) {
		return loc
	}
	scheme := base[:i+1]
	origin, rest := base, ""
	if j := strings.IndexAny(base[i+3:], "/?#"); j >= 0 {
		origin, rest = base[:i+3+j], base[i+3+j:]
	}
	withQuery, _, _ := strings.Cut(rest, "#")
	pathname, _, _ := strings.Cut(withQuery, "?")
	switch {
	case strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `\\`):
		return scheme + loc
	case loc[0] == '/' || loc[0] == '\\':
		return origin + loc
	case loc[0] == '#':
		return origin + withQuery + loc
	case loc[0] == '?':
		return origin + pathname + loc
	}
	return origin + pathname[:strings.LastIndexByte(pathname, '/')+1] + loc
}

// nodeProtocol is resolveNodeUrl's test for an absolute URL.
var nodeProtocol = regexp.MustCompile(`(?i)^[a-z0-9.+-]+:(?://|\\\\).`)

// fragment is "#" and hash encoded as toNodeUrl encodes it, or "" when
// the URL has no "#".
func fragment(hash string, has, asWritten bool) string {
	if !has {
		return ""
	}
	var b strings.Builder
	b.WriteByte('#')
	urlEncoder{asWritten: asWritten}.write(&b, hash, fragmentSet)
	return b.String()
}

// targetHostname is the host name a wire URL goes to, for telling
// whether a redirect leaves the host.
func targetHostname(target string) string {
	origin, _, _ := splitTarget(target)
	if u, err := url.Parse(origin); err == nil {
		return u.Hostname()
	}
	return ""
}

// redactedHref is href with the password of its user information shown
// as xxxxx, as url.URL's Redacted shows it.
func redactedHref(href string) string {
	i := strings.Index(href, "://")
	if i < 0 {
		return href
	}
	authority := href[i+3:]
	if j := strings.IndexAny(authority, "/?#"); j >= 0 {
		authority = authority[:j]
	}
	at := strings.LastIndexByte(authority, '@')
	user, _, hasPassword := strings.Cut(authority[:max(at, 0)], ":")
	if at < 0 || !hasPassword {
		return href
	}
	return href[:i+3] + user + ":xxxxx" + href[i+3+at:]
}

func hasHeaderFold(h http.Header, key string) bool {
	for k := range h {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// addJarCookies merges the jar's cookies into the request's Cookie
// header, after any the request sets itself, and returns the header as
// scripts and reports list it ("" when the jar added nothing). The jar
// holds values as Node's strings (Set-Cookie read one byte a
// character), which go on the wire one character a byte, as Node
// writes them.
func addJarCookies(req *http.Request, jar http.CookieJar) string {
	jarPart := jarCookieHeader(jar.Cookies(req.URL))
	if jarPart == "" {
		return ""
	}
	for k, v := range req.Header {
		if strings.EqualFold(k, "Cookie") && len(v) > 0 {
			req.Header[k] = []string{v[len(v)-1] + "; " + latin1Bytes(jarPart)}
			return v[len(v)-1] + "; " + jarPart
		}
	}
	req.Header["Cookie"] = []string{latin1Bytes(jarPart)}
	return jarPart
}

// plainHeaderValue reports whether v is printable ASCII and tabs only,
// which go on the wire as they are.
func plainHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			return false
		}
	}
	return true
}

// timingTrace sets ct's hooks to measure the phases of a request into tm.
func timingTrace(ct *httptrace.ClientTrace, tm *event.Timings, firstByte *time.Time) {
	var dnsStart, connStart, tlsStart time.Time
	ct.DNSStart = func(httptrace.DNSStartInfo) { dnsStart = time.Now() }
	ct.DNSDone = func(httptrace.DNSDoneInfo) { tm.DNS = time.Since(dnsStart) }
	ct.ConnectStart = func(string, string) { connStart = time.Now() }
	ct.ConnectDone = func(string, string, error) { tm.Connect = time.Since(connStart) }
	ct.TLSHandshakeStart = func() { tlsStart = time.Now() }
	ct.TLSHandshakeDone = func(tls.ConnectionState, error) { tm.TLS = time.Since(tlsStart) }
	ct.GotFirstResponseByte = func() { *firstByte = time.Now() }
}

// readBody reads at most limit bytes, decoding gzip, deflate or brotli
// when the transport did not (because the request set Accept-Encoding
// itself).
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	hint := 0
	if n := resp.ContentLength; n > 0 && n <= limit {
		// Go's transport stops a body with a Content-Length at that
		// length: one read past it sees the end.
		hint = int(n) + 1
	}
	raw, err := readCapped(resp.Body, limit, hint)
	if err != nil {
		return nil, err
	}
	data := raw
	if !resp.Uncompressed && len(data) > 0 {
		// Decoded here rather than streamed, so that an empty body (HEAD,
		// 204) needs no decoding and a corrupt one fails the request, as
		// in Newman, instead of arriving empty.
		var err error
		// postman-request decodes exactly "gzip", "deflate" and "br" (not
		// x-gzip), in Node's view of the header: repeated fields joined
		// by ", " (so two of them are no coding it knows).
		encoding := strings.ToLower(strings.TrimSpace(strings.Join(resp.Header.Values("Content-Encoding"), ", ")))
		switch encoding {
		case "gzip":
			data, err = gunzip(data, limit)
		case "deflate":
			// HTTP's deflate is zlib-wrapped (what Node and most servers
			// send); some servers send raw deflate. postman-request
			// tells them apart by the first byte, whose low nibble is a
			// zlib header's method (8), and never tries the other.
			if data[0]&0x0f == 8 {
				data, err = inflateZlib(data, limit)
			} else {
				data, err = decodeBody(data, limit, true, func(r io.Reader) (io.ReadCloser, error) { return flate.NewReader(r), nil })
				var corrupt flate.CorruptInputError
				if msg := firstBlockError(raw); errors.As(err, &corrupt) && msg != "" {
					err = zlibDataError(msg, err)
				}
			}
		case "br":
			data, err = decodeBody(data, limit, false, func(r io.Reader) (io.ReadCloser, error) { return io.NopCloser(brotli.NewReader(r)), nil })
		}
		if err != nil {
			var de *bodyDecodeError
			if errors.As(err, &de) {
				de.encoding = encoding
			}
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return nil, errBodyTooLarge
	}
	return data, nil
}

// errBodyTooLarge is a response past Options.MaxResponseBody (512 MB
// unless set), which protects a run from an endless or bomb body.
var errBodyTooLarge = errors.New("response body is larger than the response size limit (512 MB)")

// bodyDecodeError is a compressed body that does not decode, worded as
// Node's zlib words it and with its code and errno, which Newman's JSON
// report and a pm.sendRequest callback's err show.
type bodyDecodeError struct {
	fields event.NodeError
	msg    string
	// cause is what Go's decoder said, for --verbose.
	cause    error
	encoding string
}

func (e *bodyDecodeError) Error() string { return e.msg }

func (e *bodyDecodeError) Unwrap() error { return e.cause }

// netError is the request error a report shows: the message with no
// host in front, as Newman reports it.
func (e *bodyDecodeError) netError() error {
	detail := fmt.Sprintf("the response body is labelled Content-Encoding: %s but does not decode as that", e.encoding)
	if e.cause != nil {
		detail += " (" + e.cause.Error() + ")"
	}
	return &netError{fields: e.fields, msg: e.msg, detail: detail}
}

// zlibDataError is Node's Z_DATA_ERROR with its message.
func zlibDataError(msg string, cause error) *bodyDecodeError {
	return &bodyDecodeError{fields: event.NodeError{Errno: -3, Code: "Z_DATA_ERROR"}, msg: msg, cause: cause}
}

// nodeDecodeError words a Go decoder's error as Node's zlib words the
// same failure. Go's flate does not say what was corrupt, where zlib
// names it ("invalid block type", "invalid distance too far back"), so
// that case keeps Go's words.
func nodeDecodeError(err error) *bodyDecodeError {
	switch {
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum):
		return zlibDataError("incorrect data check", err)
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		return zlibDataError("incorrect header check", err)
	case errors.Is(err, zlib.ErrDictionary):
		return &bodyDecodeError{fields: event.NodeError{Errno: 2, Code: "Z_NEED_DICT"}, msg: "Missing dictionary", cause: err}
	case strings.HasPrefix(err.Error(), "brotli: "):
		// Node's brotli decoder has one message for every corruption;
		// its code and errno are the decoder's error name and number.
		fields := event.NodeError{Code: "ERR__ERROR_FORMAT_" + strings.TrimPrefix(err.Error(), "brotli: ")}
		if v := reflect.ValueOf(err); v.Kind() == reflect.Int {
			fields.Errno = int(v.Int())
		}
		return &bodyDecodeError{fields: fields, msg: "Decompression failed", cause: err}
	}
	return zlibDataError("invalid compressed data: "+err.Error(), err)
}

// firstBlockError is zlib's message for a deflate stream whose first
// block is invalid, which is where a body that was never compressed
// fails: "OK" and "Not Found" name a reserved block type, plain text a
// stored block with mismatched lengths, HTML a dynamic block whose code
// lengths do not make a code, JSON a fixed block that refers back past
// its start. "" when the first block is valid as far as it goes, and
// Go's words stand.
func firstBlockError(d []byte) string {
	br := &bitReader{d: d}
	br.bits(1) // BFINAL
	switch br.bits(2) {
	case 3:
		return "invalid block type"
	case 0:
		if len(d) >= 5 && uint16(d[1])|uint16(d[2])<<8 != ^(uint16(d[3])|uint16(d[4])<<8) {
			return "invalid stored block lengths"
		}
	case 2:
		nlen, ndist, ncode := 257+br.bits(5), 1+br.bits(5), 4+br.bits(4)
		if br.short {
			return ""
		}
		if nlen > 286 || ndist > 30 {
			return "too many length or distance symbols"
		}
		// The code length code must be complete, as zlib's
		// inflate_table checks it (an all-zero one passes here).
		var count [8]int
		for range ncode {
			count[br.bits(3)]++
		}
		if br.short {
			return ""
		}
		left := 1
		for n := 1; n <= 7; n++ {
			left = left<<1 - count[n]
			if left < 0 {
				return "invalid code lengths set"
			}
		}
		if left > 0 && left < 1<<7 {
			return "invalid code lengths set"
		}
	case 1:
		return fixedBlockError(br)
	}
	return ""
}

// fixedBlockError walks a fixed-Huffman block, counting its output, for
// zlib's three ways it can fail; "" at its end or the input's.
func fixedBlockError(br *bitReader) string {
	lengthBase := [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra := [...]int{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	out := 0
	for !br.short {
		// Codes are read most significant bit first: 7 bits for
		// 256-279, 8 for 0-143 and 280-287, 9 for 144-255.
		code, sym := br.code(7), 0
		switch {
		case code <= 23:
			sym = 256 + code
		default:
			code = code<<1 | br.bits(1)
			switch {
			case code >= 48 && code <= 191:
				sym = code - 48
			case code >= 192 && code <= 199:
				sym = 280 + code - 192
			default:
				sym = 144 + (code<<1 | br.bits(1)) - 400
			}
		}
		if br.short {
			return ""
		}
		switch {
		case sym < 256:
			out++
			continue
		case sym == 256:
			return ""
		case sym > 285:
			return "invalid literal/length code"
		}
		length := lengthBase[sym-257] + br.bits(lengthExtra[sym-257])
		dcode := br.code(5)
		if br.short {
			return ""
		}
		if dcode > 29 {
			return "invalid distance code"
		}
		dist := 1
		if dcode >= 4 {
			extra := dcode/2 - 1
			dist = 1 + (2+dcode%2)<<extra + br.bits(extra)
		} else {
			dist += dcode
		}
		if br.short {
			return ""
		}
		if dist > out {
			return "invalid distance too far back"
		}
		out += length
	}
	return ""
}

// bitReader reads a deflate stream's bits, least significant first;
// short is set once it reads past the end.
type bitReader struct {
	d     []byte
	pos   int // in bits
	short bool
}

// bits reads an n-bit number stored least significant bit first.
func (b *bitReader) bits(n int) int {
	v := 0
	for i := range n {
		if b.pos>>3 >= len(b.d) {
			b.short = true
			return 0
		}
		v |= int(b.d[b.pos>>3]>>(b.pos&7)&1) << i
		b.pos++
	}
	return v
}

// code reads an n-bit Huffman code, stored most significant bit first.
func (b *bitReader) code(n int) int {
	v := 0
	for range n {
		v = v<<1 | b.bits(1)
	}
	return v
}

// decodeBody decompresses a whole deflate or brotli body, reading at
// most limit+1 bytes of output.
//
// With keepCut, a stream that ends early gives what it decoded up to
// there: postman-request inflates deflate with Z_SYNC_FLUSH as the final
// flush, so under Newman a cut body arrives as far as it goes, with no
// error. It finishes brotli as a whole, and a cut brotli body fails with
// Node's "unexpected end of file". Bytes after a complete stream are
// ignored, as Node ignores them.
func decodeBody(data []byte, limit int64, keepCut bool, open func(io.Reader) (io.ReadCloser, error)) ([]byte, error) {
	zr, err := open(bytes.NewReader(data))
	if err != nil {
		return nil, nodeDecodeError(err)
	}
	defer zr.Close()
	out, err := readCapped(zr, limit, 0)
	switch {
	case err == nil, err.Error() == "brotli: excessive input":
	case errors.Is(err, io.ErrUnexpectedEOF):
		if !keepCut {
			return nil, &bodyDecodeError{fields: event.NodeError{Errno: -5, Code: "Z_BUF_ERROR"}, msg: "unexpected end of file", cause: err}
		}
	default:
		return nil, nodeDecodeError(err)
	}
	if int64(len(out)) > limit {
		return nil, errBodyTooLarge
	}
	return out, nil
}

// inflateZlib decodes a zlib-wrapped deflate body, its header checked as
// Node's zlib checks it: a header cut short is an empty body (with
// Z_SYNC_FLUSH zlib waits for more), a window past 32 kB is "invalid
// window size" (Go calls it a bad header), and a preset dictionary is
// "Missing dictionary".
func inflateZlib(data []byte, limit int64) ([]byte, error) {
	if len(data) < 2 {
		return nil, nil
	}
	if (int(data[0])<<8|int(data[1]))%31 == 0 && data[0]>>4 > 7 {
		return nil, zlibDataError("invalid window size", nil)
	}
	if (int(data[0])<<8|int(data[1]))%31 == 0 && data[1]&0x20 != 0 {
		// A preset dictionary, which no one gave: Go checks the
		// dictionary's id against none and may pass.
		if len(data) < 6 {
			return nil, nil
		}
		return nil, &bodyDecodeError{fields: event.NodeError{Errno: 2, Code: "Z_NEED_DICT"}, msg: "Missing dictionary"}
	}
	out, err := decodeBody(data, limit, true, func(r io.Reader) (io.ReadCloser, error) { return zlib.NewReader(r) })
	var corrupt flate.CorruptInputError
	if msg := firstBlockError(data[2:]); errors.As(err, &corrupt) && msg != "" {
		err = zlibDataError(msg, err)
	}
	return out, err
}

// gunzip decodes a gzip body as Node's zlib does through postman-request:
// members one after another, a cut one kept as far as it goes, and after
// a member, a zero byte or the start of a header cut short ends the body
// where any other two bytes fail it ("incorrect header check").
func gunzip(data []byte, limit int64) ([]byte, error) {
	var out []byte
	for rest, members := data, 0; ; members++ {
		if len(rest) < 2 {
			return out, nil
		}
		if rest[0] != 0x1f || rest[1] != 0x8b {
			if members > 0 && rest[0] == 0 {
				return out, nil
			}
			return nil, zlibDataError("incorrect header check", nil)
		}
		// zlib reads the method and the flags together.
		if len(rest) >= 4 && rest[2] != 8 {
			return nil, zlibDataError("unknown compression method", nil)
		}
		if len(rest) >= 4 && rest[3]&0xe0 != 0 {
			return nil, zlibDataError("unknown header flags set", nil)
		}
		// A bytes.Reader is a ByteReader, so the gzip reader reads no
		// further than its member and the rest is left in br.
		br := bytes.NewReader(rest)
		zr, err := gzip.NewReader(br)
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, nodeDecodeError(err)
		}
		zr.Multistream(false)
		part, err := readCapped(zr, limit-int64(len(out)), 0)
		out = append(out, part...)
		if int64(len(out)) > limit {
			return nil, errBodyTooLarge
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return out, nil
		}
		if err != nil {
			return nil, nodeDecodeError(err)
		}
		rest = rest[len(rest)-br.Len():]
	}
}

// readCapped reads r to its end, or to limit+1 bytes, which tells the
// caller the body is past the limit. Its buffer starts at hint (or 512)
// and doubles, but never past limit+1: bytes.Buffer's doubling took an
// endless body to a 1 GB buffer and over 2 GB of memory before the
// 512 MB limit stopped it.
func readCapped(r io.Reader, limit int64, hint int) ([]byte, error) {
	limit = min(limit, math.MaxInt64/2)
	size := int64(hint)
	if size <= 0 {
		size = 512
	}
	b := make([]byte, 0, min(size, limit+1))
	for {
		if len(b) == cap(b) {
			if int64(len(b)) > limit {
				return b, nil
			}
			grown := make([]byte, len(b), min(2*int64(cap(b)), limit+1))
			copy(grown, b)
			b = grown
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func reasonPhrase(resp *http.Response) string {
	s := resp.Status
	if len(s) >= 3 && '0' <= s[0] && s[0] <= '9' {
		s = s[3:] // the three-digit code, which Go's parser puts first
	}
	// llhttp takes the one space after the code and keeps the rest as
	// sent ("  Spaced  Out  "); Node decodes it as UTF-8, each invalid
	// sequence one U+FFFD.
	s = strings.TrimPrefix(s, " ")
	if !utf8.ValidString(s) {
		s, _ = xunicode.UTF8.NewDecoder().String(s)
	}
	if s == "" {
		// Postman's name for the code ("I'm a teapot (RFC 2324)"), not
		// Go's; "" for a code it has none for, which Newman leaves
		// undefined.
		s = sandbox.ReasonName(resp.StatusCode)
	}
	return s
}

// responseHeaders lists Go's parsed headers in a stable order (Go does
// not keep the order they arrived in): sorted by name, values in arrival
// order.
func responseHeaders(h http.Header) []event.Header {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]event.Header, 0, len(keys))
	for _, k := range keys {
		for _, v := range h[k] {
			out = append(out, event.Header{Key: k, Value: v})
		}
	}
	return out
}

// headerSize is the size Newman reports for a response's headers:
// postman-collection's Response.size, which rebuilds the block from the
// header list ("HTTP/X.X 200 OK", then "Key: value" lines) and counts
// JavaScript characters, so a latin1-decoded byte counts as one.
func headerSize(reason string, hs []event.Header) int64 {
	if reason == "" {
		// A status Postman has no name for is undefined, which the
		// rebuilt status line spells out.
		reason = "undefined"
	}
	n := len("HTTP/X.X 200 ") + 4
	for _, r := range reason {
		n += utf16.RuneLen(r) // JavaScript's length
	}
	for _, h := range hs {
		n += len(h.Key) + utf8.RuneCountInString(h.Value) + 4
	}
	return int64(n)
}

// netError is a transport failure worded as Newman words it (its message
// is exactly Newman's: "connect ECONNREFUSED 127.0.0.1:1", "socket hang
// up"), with the properties Node gives it (code, errno, syscall...), which
// scripts read as err.code in pm.sendRequest callbacks and the JSON report
// carries. detail says what happened in plain words, naming the host;
// reports show it only under --verbose.
type netError struct {
	fields event.NodeError
	msg    string
	detail string
}

func (e *netError) Error() string { return e.msg }

// Code is the Node-style error code.
func (e *netError) Code() string { return e.fields.Code }

// Detail is colrun's explanation beyond Newman's message.
func (e *netError) Detail() string { return e.detail }

// NodeFields are the properties Node gives the same error, which a
// pm.sendRequest callback's err carries.
func (e *netError) NodeFields() event.NodeError { return e.fields }

func netErr(fields event.NodeError, msg, detailFormat string, args ...any) error {
	return &netError{fields: fields, msg: msg, detail: fmt.Sprintf(detailFormat, args...)}
}

// Node's errno values (libuv's, negated errno on Linux) for the codes
// colrun reports.
const (
	errnoECONNREFUSED = -111
	errnoECONNRESET   = -104
	errnoETIMEDOUT    = -110
	errnoEPROTO       = -71
	errnoENOTFOUND    = -3008
)

// setRequestError records err on ev as a request that got no response:
// Newman's message, and colrun's detail and Node's fields when err has
// them.
func setRequestError(ev *event.Request, err error) {
	ev.Error = requestErrorText(err)
	var ne *netError
	if errors.As(err, &ne) {
		ev.ErrorDetail = ne.detail
		f := ne.fields
		ev.ErrorFields = &f
	}
}

// describeNetError words transport failures as Newman does (ECONNREFUSED,
// ENOTFOUND, ESOCKETTIMEDOUT, socket hang up) and keeps what happened in
// plain words, naming the host, as the error's detail.
func describeNetError(ctx context.Context, err error, u *url.URL, timeout time.Duration, roots *x509.CertPool) error {
	host := u.Host
	var dnsErr *net.DNSError
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return netErr(event.NodeError{}, "Invalid protocol: "+u.Scheme+":", "colrun sends http and https requests only, not %s", u.Scheme)
	case !validPort(u.Port()):
		return badPortError(u.Port())
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		code := event.NodeError{Code: "ESOCKETTIMEDOUT", Connect: new(bool)}
		if timeout > 0 {
			return netErr(code, "ESOCKETTIMEDOUT", "no complete response from %s within %s (--timeout-request)", host, timeout)
		}
		return netErr(code, "ESOCKETTIMEDOUT", "the run's time limit (--timeout) ended the request to %s", host)
	case errors.Is(err, context.Canceled):
		return netErr(event.NodeError{Code: "ECANCELED"}, fmt.Sprintf("request to %s was cancelled", host), "the run was interrupted")
	case errors.As(err, &dnsErr):
		return netErr(event.NodeError{Errno: errnoENOTFOUND, Code: "ENOTFOUND", Syscall: "getaddrinfo", Hostname: u.Hostname()},
			"getaddrinfo ENOTFOUND "+u.Hostname(), "no such host: %v", dnsErr)
	case errors.Is(err, syscall.ECONNREFUSED):
		addr, port := dialedAddress(err, u)
		return netErr(event.NodeError{Errno: errnoECONNREFUSED, Code: "ECONNREFUSED", Syscall: "connect", Address: addr, Port: port},
			"connect ECONNREFUSED "+nodeAddress(addr, port), "nothing listens at %s: connection refused", hostPort(u))
	case errors.Is(err, syscall.ECONNRESET):
		return netErr(event.NodeError{Errno: errnoECONNRESET, Code: "ECONNRESET", Syscall: "read"}, "read ECONNRESET", "%s closed the connection", host)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return netErr(event.NodeError{Code: "ECONNRESET"}, "socket hang up", "%s closed the connection before a complete response", host)
	case errors.Is(err, os.ErrDeadlineExceeded):
		addr, port := dialedAddress(err, u)
		return netErr(event.NodeError{Errno: errnoETIMEDOUT, Code: "ETIMEDOUT", Syscall: "connect", Address: addr, Port: port},
			"connect ETIMEDOUT "+nodeAddress(addr, port), "%s did not answer in time", host)
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "remote error" && opErr.Err != nil {
		// The server refused the handshake with an alert; OpenSSL names
		// the two a version or suite mismatch gets.
		switch opErr.Err.Error() {
		case "tls: protocol version not supported":
			return netErr(event.NodeError{Errno: errnoEPROTO, Code: "EPROTO", Syscall: "write"},
				"write EPROTO 00000000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70\n",
				"%s refused the TLS handshake: it allows none of the TLS versions colrun offered (1.2 and 1.3, less any that protocolProfileBehavior.tlsDisabledProtocols disables)", host)
		case "tls: handshake failure":
			return netErr(event.NodeError{Errno: errnoEPROTO, Code: "EPROTO", Syscall: "write"},
				"write EPROTO 00000000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 40\n",
				"%s refused the TLS handshake: it shares no cipher suite with colrun (or wants what colrun could not give; protocolProfileBehavior.tlsCipherSelection narrows the suites offered)", host)
		}
	}
	var recErr tls.RecordHeaderError
	if errors.As(err, &recErr) {
		// What OpenSSL says of a server that answers a TLS handshake in
		// plain text; the first field, a thread id in Node, is zeros.
		return netErr(event.NodeError{Errno: errnoEPROTO, Code: "EPROTO", Syscall: "write"},
			"write EPROTO 00000000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n",
			"%s did not answer the TLS handshake in TLS (plain HTTP on that port? then the URL should start with http://)", host)
	}
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		code, msg := nodeCertError(certErr, u.Hostname(), roots)
		return netErr(event.NodeError{Code: code}, msg, "TLS certificate of %s is not trusted: %v (use -k/--insecure, which a request's protocolProfileBehavior strictSSL: true overrides, or --ssl-extra-ca-certs)", host, certErr.Err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	msg := strings.TrimPrefix(err.Error(), "net/http: HTTP/1.x transport connection broken: ")
	if strings.HasPrefix(msg, "malformed HTTP") {
		msg += " (is it an HTTP server?)"
	}
	return fmt.Errorf("%s: %s", host, msg)
}

// targetPort is the port written in a URL's authority, "" when it has
// none; unlike url.Parse it accepts any text there, so that a port Go
// refuses can be reported as Node reports it.
func targetPort(target string) string {
	_, rest, ok := strings.Cut(target, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, ']'); i >= 0 {
		rest = rest[i+1:]
	}
	_, port, _ := strings.Cut(rest, ":")
	return port
}

// validPort reports whether Node would connect to port: none (the
// scheme's), or a number from 0 to 65535.
func validPort(port string) bool {
	if port == "" {
		return true
	}
	n, err := strconv.ParseUint(port, 10, 32)
	return err == nil && n < 65536
}

// badPortError is Node's error for a port it will not connect to
// (net's validatePort), which Newman reports for the request.
func badPortError(port string) error {
	return netErr(event.NodeError{Code: "ERR_SOCKET_BAD_PORT"}, "Port should be >= 0 and < 65536. Received type string ('"+port+"').",
		"the URL's port %q is not a number from 0 to 65535", port)
}

// netError is the request error Node gives for a response its parser
// refuses: "Parse Error: " and the reason, with the HPE_ code.
func (p parseError) netError(u *url.URL) error {
	return netErr(event.NodeError{Code: p.code}, "Parse Error: "+p.reason,
		"%s sent a malformed HTTP response (%s), which Newman refuses too", u.Host, p.reason)
}

// chunkError is Node's parse error for a chunked body that Go's reader
// refused, by Go's message, as the bytes themselves are gone by then.
func chunkError(err error) parseError {
	for ; err != nil; err = errors.Unwrap(err) {
		switch err.Error() {
		case "invalid byte in chunk length", "empty hex number for chunk length":
			return parseError{"HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size"}
		case "http chunk length too large":
			return parseError{"HPE_INVALID_CHUNK_SIZE", "Chunk size overflow"}
		case "chunked line ends with bare LF":
			return parseError{"HPE_CR_EXPECTED", "Missing expected CR after chunk size"}
		case "malformed chunked encoding":
			// Node's words when the data is followed by anything but a
			// line break; a bare LF it calls "Missing expected CR
			// after chunk data".
			return parseError{"HPE_STRICT", "Expected LF after chunk data"}
		}
	}
	return parseError{}
}

// dialedAddress is the address a failed connect went to, as Node names it
// (the IP it dialed, and the port): what the dialer reports, else the
// URL's host and port. Behind a proxy the transport wraps the dial error
// in one of its own that names no address; Newman names the proxy.
func dialedAddress(err error, u *url.URL) (string, int) {
	var op *net.OpError
	for errors.As(err, &op) {
		if op.Addr != nil {
			if host, port, splitErr := net.SplitHostPort(op.Addr.String()); splitErr == nil {
				if n, convErr := strconv.Atoi(port); convErr == nil {
					return host, n
				}
			}
		}
		err = op.Err
	}
	host, port, _ := net.SplitHostPort(hostPort(u))
	n, _ := strconv.Atoi(port)
	return host, n
}

// nodeAddress is an address as Node's connect errors end: "ip:port", or
// the ip alone for port 0, which Node leaves out as it does any falsy port.
func nodeAddress(addr string, port int) string {
	if port == 0 {
		return addr
	}
	return addr + ":" + strconv.Itoa(port)
}

func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "https" {
		return u.Hostname() + ":443"
	}
	return u.Hostname() + ":80"
}

// nodeCertError is Node's code and message for a server certificate that
// failed verification, since Newman shows Node's message and scripts test
// err.code. Failures Node words differently from any case here keep
// colrun's wording under Node's most common code.
func nodeCertError(e *tls.CertificateVerificationError, hostname string, roots *x509.CertPool) (code, msg string) {
	var unknown x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var badHost x509.HostnameError
	switch {
	case errors.As(e.Err, &badHost):
		// Go checks the name first and stops there; OpenSSL checks the
		// chain during the handshake and Node the name only after, so a
		// self-signed certificate for another host is "self-signed
		// certificate" under Newman.
		if chainErr := verifyChain(e.UnverifiedCertificates, roots); chainErr != nil {
			return nodeCertError(&tls.CertificateVerificationError{UnverifiedCertificates: e.UnverifiedCertificates, Err: chainErr}, hostname, roots)
		}
		return "ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames: " + altNameReason(badHost.Certificate, hostname)
	case errors.As(e.Err, &invalid) && invalid.Reason == x509.Expired:
		if invalid.Cert != nil && time.Now().Before(invalid.Cert.NotBefore) {
			return "CERT_NOT_YET_VALID", "certificate is not yet valid"
		}
		return "CERT_HAS_EXPIRED", "certificate has expired"
	case errors.As(e.Err, &unknown):
		// OpenSSL names the chain the server sent: a lone self-signed
		// certificate, a lone leaf from an unknown issuer, or a longer
		// chain ending in an untrusted root or in a missing issuer.
		chain := e.UnverifiedCertificates
		last := unknown.Cert
		if len(chain) > 0 {
			last = chain[len(chain)-1]
		}
		selfSigned := last != nil && bytes.Equal(last.RawIssuer, last.RawSubject) && last.CheckSignatureFrom(last) == nil
		switch {
		case len(chain) <= 1 && selfSigned:
			return "DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"
		case len(chain) <= 1:
			return "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"
		case selfSigned:
			return "SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"
		default:
			return "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate"
		}
	}
	return "UNABLE_TO_VERIFY_LEAF_SIGNATURE", e.Err.Error()
}

// verifyChain is the chain check of certs (leaf first) against roots (nil:
// the system's), without the host name; nil when it passes or there is
// no certificate.
func verifyChain(certs []*x509.Certificate, roots *x509.CertPool) error {
	if len(certs) == 0 {
		return nil
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	_, err := certs[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter})
	return err
}

// altNameReason is the reason Node's tls.checkServerIdentity gives for a
// certificate that does not name hostname.
func altNameReason(cert *x509.Certificate, hostname string) string {
	if cert == nil {
		return "Cert does not contain a DNS name"
	}
	if ip := net.ParseIP(hostname); ip != nil {
		ips := make([]string, len(cert.IPAddresses))
		for i, a := range cert.IPAddresses {
			ips[i] = a.String()
		}
		return "IP: " + hostname + " is not in the cert's list: " + strings.Join(ips, ", ")
	}
	switch {
	case len(cert.DNSNames) > 0:
		return "Host: " + hostname + ". is not in the cert's altnames: " + subjectAltNames(cert)
	case cert.Subject.CommonName != "":
		return "Host: " + hostname + ". is not cert's CN: " + cert.Subject.CommonName
	}
	return "Cert does not contain a DNS name"
}

// subjectAltNames is the certificate's subjectaltname as Node prints it
// ("DNS:a.test, IP Address:10.0.0.1"): in the extension's own order,
// which the parsed certificate's separate lists lose, and IPv6 addresses
// written out in full as OpenSSL does.
func subjectAltNames(cert *x509.Certificate) string {
	var raw []byte
	for _, ext := range cert.Extensions {
		if ext.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 17}) {
			raw = ext.Value
		}
	}
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return ""
	}
	var names []string
	for rest := seq.Bytes; len(rest) > 0; {
		var v asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &v); err != nil {
			break
		}
		switch v.Tag {
		case 1:
			names = append(names, "email:"+string(v.Bytes))
		case 2:
			names = append(names, "DNS:"+string(v.Bytes))
		case 6:
			names = append(names, "URI:"+string(v.Bytes))
		case 7:
			names = append(names, "IP Address:"+opensslIP(v.Bytes))
		}
	}
	return strings.Join(names, ", ")
}

// opensslIP writes an address from a certificate as OpenSSL prints it:
// dotted IPv4, or eight uncompressed upper-case hex groups for IPv6.
func opensslIP(b []byte) string {
	if len(b) != net.IPv6len {
		return net.IP(b).String()
	}
	groups := make([]string, 8)
	for i := range groups {
		groups[i] = fmt.Sprintf("%X", int(b[2*i])<<8|int(b[2*i+1]))
	}
	return strings.Join(groups, ":")
}

// isHTTPS reports whether a wire URL is an https one.
func isHTTPS(target string) bool {
	return len(target) >= 6 && strings.EqualFold(target[:6], "https:")
}

// tlsProfile is the TLS a request's protocolProfileBehavior allows beyond
// the run's settings: zero values are Go's defaults, which are Node's
// (TLS 1.2 and 1.3, and every suite for either).
type tlsProfile struct {
	min, max uint16
	// suites are the TLS 1.2 cipher suites, two bytes each, in a string
	// so that the profile can key a map.
	suites string
}

func (p tlsProfile) cipherSuites() []uint16 {
	if p.suites == "" {
		return nil
	}
	ids := make([]uint16, 0, len(p.suites)/2)
	for i := 0; i+1 < len(p.suites); i += 2 {
		ids = append(ids, uint16(p.suites[i])<<8|uint16(p.suites[i+1]))
	}
	return ids
}

// openSSLSuites maps OpenSSL's names of the TLS 1.2 (and earlier) cipher
// suites Go implements, as tlsCipherSelection gives them, to Go's.
var openSSLSuites = map[string]uint16{
	"ECDHE-ECDSA-AES128-GCM-SHA256": tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	"ECDHE-RSA-AES128-GCM-SHA256":   tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	"ECDHE-ECDSA-AES256-GCM-SHA384": tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
	"ECDHE-RSA-AES256-GCM-SHA384":   tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	"ECDHE-ECDSA-CHACHA20-POLY1305": tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
	"ECDHE-RSA-CHACHA20-POLY1305":   tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
	"ECDHE-ECDSA-AES128-SHA256":     tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
	"ECDHE-RSA-AES128-SHA256":       tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
	"ECDHE-ECDSA-AES128-SHA":        tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
	"ECDHE-RSA-AES128-SHA":          tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
	"ECDHE-ECDSA-AES256-SHA":        tls.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
	"ECDHE-RSA-AES256-SHA":          tls.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
	"AES128-GCM-SHA256":             tls.TLS_RSA_WITH_AES_128_GCM_SHA256,
	"AES256-GCM-SHA384":             tls.TLS_RSA_WITH_AES_256_GCM_SHA384,
	"AES128-SHA256":                 tls.TLS_RSA_WITH_AES_128_CBC_SHA256,
	"AES128-SHA":                    tls.TLS_RSA_WITH_AES_128_CBC_SHA,
	"AES256-SHA":                    tls.TLS_RSA_WITH_AES_256_CBC_SHA,
	"ECDHE-RSA-DES-CBC3-SHA":        tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA,
	"DES-CBC3-SHA":                  tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
}

// opensslAddsSuites reports whether a tlsCipherSelection entry is an
// OpenSSL cipher-string keyword, or keywords joined by +, that Go's
// default TLS 1.2 suites stand in for (HIGH, DEFAULT, ECDHE+AESGCM):
// not a suite's name, a removal (!aNULL, -RC4) or an option (@STRENGTH),
// nor a keyword for suites Go lacks (eNULL, CAMELLIA, PSK), which stay
// left out as before.
func opensslAddsSuites(word string) bool {
	if word == "" {
		return false
	}
	for _, part := range strings.Split(word, "+") {
		if !opensslKeywords[part] {
			return false
		}
	}
	return true
}

// opensslKeywords are the words of OpenSSL's ciphers(1) that select
// suites Go implements, most of them in its defaults.
var opensslKeywords = map[string]bool{"DEFAULT": true, "ALL": true, "HIGH": true, "ECDHE": true, "EECDH": true, "kECDHE": true,
	"kEECDH": true, "ECDH": true, "aRSA": true, "aECDSA": true, "ECDSA": true, "AES": true, "AES128": true, "AES256": true,
	"AESGCM": true, "CHACHA20": true}

// tls13Suites are the TLS 1.3 suites, which OpenSSL names as the RFC does.
var tls13Suites = map[string]bool{"TLS_AES_128_GCM_SHA256": true, "TLS_AES_256_GCM_SHA384": true, "TLS_CHACHA20_POLY1305_SHA256": true}

// tlsProfileFor reads protocolProfileBehavior's tlsDisabledProtocols and
// tlsCipherSelection as Node applies them to a TLS connection. Node
// allows TLS 1.2 and 1.3 only, so disabling older versions changes
// nothing, and an unknown name is ignored, as OpenSSL's constants lack it.
// A cipher list that names TLS 1.3 suites only leaves TLS 1.2 no suite,
// so only TLS 1.3 is left. Go cannot narrow the TLS 1.3 suites, nor
// read OpenSSL's cipher-string keywords: one that Go's default suites
// stand in for (HIGH) offers them, other keywords and removals (!aNULL)
// are left out, and the warnings say what was not applied. The error is the request's, in Node's words,
// when no version or no suite is left.
func tlsProfileFor(p collections.ProtocolProfileBehavior) (tlsProfile, []string, error) {
	var prof tlsProfile
	if p.TLSDisabledProtocols == nil && p.TLSCipherSelection == nil {
		return prof, nil, nil
	}
	no12 := slices.Contains(p.TLSDisabledProtocols, "TLSv1_2")
	no13 := slices.Contains(p.TLSDisabledProtocols, "TLSv1_3")
	var warnings []string
	// A selection that renders as no text (not a list, [], [""], [null])
	// is no selection: Newman then offers Node's default suites, where
	// a list of names OpenSSL lacks fails the request.
	if strings.Join(p.TLSCipherSelection, ",") != "" {
		var suites []byte
		var named13, unknown, keywords []string
		for _, entry := range p.TLSCipherSelection {
			// OpenSSL separates names with colons, commas or spaces.
			for _, name := range strings.FieldsFunc(entry, func(r rune) bool { return r == ':' || r == ',' || r == ' ' }) {
				switch id, ok := openSSLSuites[name]; {
				case ok:
					suites = append(suites, byte(id>>8), byte(id))
				case tls13Suites[name]:
					named13 = append(named13, name)
				case opensslAddsSuites(name):
					keywords = append(keywords, strconv.Quote(name))
				default:
					unknown = append(unknown, strconv.Quote(name))
				}
			}
		}
		if len(unknown) > 0 {
			warnings = append(warnings, "protocolProfileBehavior.tlsCipherSelection: colrun cannot apply "+strings.Join(unknown, ", ")+
				" (it reads the OpenSSL names of the TLS 1.2 suites Go implements, such as ECDHE-RSA-AES128-GCM-SHA256, and TLS 1.3 suite names); left out")
		}
		if len(keywords) > 0 {
			// OpenSSL adds every suite such a word names, which colrun
			// cannot work out: offering Go's default TLS 1.2 suites
			// sends the request Newman sends, where narrowing to the
			// names alone (or to none) could fail it.
			warnings = append(warnings, "protocolProfileBehavior.tlsCipherSelection: colrun cannot apply OpenSSL's cipher-string keywords ("+strings.Join(keywords, ", ")+
				"), so Go's default TLS 1.2 suites are offered")
			suites = nil
		}
		if len(named13) > 0 && len(named13) < len(tls13Suites) && !no13 {
			warnings = append(warnings, "protocolProfileBehavior.tlsCipherSelection: Go cannot narrow the TLS 1.3 suites, so all three are offered, not only "+strings.Join(named13, ", "))
		}
		switch {
		case len(keywords) > 0:
		case len(suites) == 0 && len(named13) == 0:
			return prof, warnings, netErr(event.NodeError{Code: "ERR_SSL_NO_CIPHER_MATCH"}, "error:0A0000B9:SSL routines::no cipher match",
				"protocolProfileBehavior.tlsCipherSelection names no cipher suite colrun can use")
		case len(suites) == 0:
			no12 = true
		}
		prof.suites = string(suites)
	}
	switch {
	case no12 && no13:
		return prof, warnings, netErr(event.NodeError{Code: "ERR_SSL_NO_PROTOCOLS_AVAILABLE"},
			"00000000:error:0A0000BF:SSL routines:tls_setup_handshake:no protocols available:../deps/openssl/openssl/ssl/statem/statem_lib.c:102:\n",
			"protocolProfileBehavior leaves no TLS version to use: colrun, as Newman, uses TLS 1.2 and 1.3, and tlsDisabledProtocols or tlsCipherSelection rules both out")
	case no12:
		prof.min = tls.VersionTLS13
	case no13:
		prof.max = tls.VersionTLS12
	}
	return prof, warnings, nil
}
