package runner

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// TableauAuth turns on colrun's Tableau sign-in (--tableau-auth): requests
// that sign in get the configured method's body, the session is captured
// into variables, later requests carry X-Tableau-Auth, and an expired
// session (401002) is renewed and the request retried once.
type TableauAuth struct {
	Signer *auth.Signer
	// Names are the variables the token, site id and user id go into.
	Names auth.VariableNames
	// Server is where colrun signs in itself when the collection has no
	// sign-in request (TABLEAU_SERVER, or the mock's URL under --mock).
	Server string
	// APIVersion is used for that sign-in when the run defines no
	// {{api-version}} variable.
	APIVersion string
	// SigninTimeout bounds that sign-in when --timeout-request is not
	// given (0: DefaultSigninTimeout). Without a limit a server that
	// accepts the connection and never answers would hold the run, and a
	// CI job, until something kills it.
	SigninTimeout time.Duration
}

// DefaultSigninTimeout bounds colrun's own sign-in when neither
// --timeout-request nor TableauAuth.SigninTimeout does, as `colrun tableau
// signin --timeout` does by default: a sign-in is one small exchange.
const DefaultSigninTimeout = 30 * time.Second

// tableauError stops the run: a sign-in that fails means every later
// request would fail too, so colrun says why once and stops (exit 1).
type tableauError struct{ err error }

func (e *tableauError) Error() string { return e.err.Error() }
func (e *tableauError) Unwrap() error { return e.err }

// signinSendError is a sign-in request that could not be built or got no
// answer. The request's
// own error, in reports, stays the transport's (Newman's words); the run's
// stop message says it was the sign-in.
type signinSendError struct{ err error }

func (e *signinSendError) Error() string {
	return "the Tableau sign-in request failed: " + e.err.Error()
}
func (e *signinSendError) Unwrap() error { return e.err }

// requestErrorText is a request error as reports show it.
func requestErrorText(err error) string {
	var se *signinSendError
	if errors.As(err, &se) {
		return se.err.Error()
	}
	return err.Error()
}

// tableauState is one worker's Tableau session.
type tableauState struct {
	// mu guards the state against a script's pm.sendRequest calls, which
	// run on goroutines of their own, several at once: tableauPrepare,
	// tableauAfter and tableauSignIn hold it.
	mu sync.Mutex
	// ended holds the tokens of sessions this worker replaced: a script
	// that sets X-Tableau-Auth itself from a variable read before the
	// renewal still sends one, and its pm.sendRequest gets the current.
	ended map[string]bool
	// renewMu makes the script sends that got 401002 at once share one
	// new sign-in (renewForScriptSend): with a PAT a second would end the
	// first's session.
	renewMu sync.Mutex
	session *auth.Session
	// origin is the scheme, host and port the session was signed in at:
	// only requests there get X-Tableau-Auth, so that a collection's call
	// to another service (a webhook, postman-echo) does not hand it the
	// token.
	origin string
	// signinURL is where the session was signed in (colrun's own sign-in
	// or the collection's): colrun signs in there again when the session
	// ends and TABLEAU_SERVER does not say where.
	signinURL string
	// redirectedFrom is the origin of colrun's own sign-in URL when the
	// server redirected it elsewhere (http to https): requests there do
	// not get the token, and the warning about them says why.
	redirectedFrom string
	// signedOut is set when a request of the run signed the session out
	// (session keeps the ended one): the server's 401002 after that means
	// what an expired session's does, and colrun signs in again, as
	// README promises.
	signedOut bool
	// renewed is set by a sign-in after a 401002, until the retried
	// request's answer is read: a 401002 to that one is not an expired
	// session, and the warning says what else it is.
	renewed bool
	// tried is set once the worker has decided whether to sign in itself.
	tried bool
	// ownAuth is set while the request being sent carries an
	// X-Tableau-Auth of its own that is not the session's token (a
	// variable holding an ended session's): renewing cannot help it.
	ownAuth bool
	// ownRefused is set once a warning said that a token the request
	// set itself, not the session's, got 401002.
	ownRefused bool
	// warned holds the other origins already named in a warning about a
	// Tableau-looking request that went without the token.
	warned map[string]bool
}

// origin is u's scheme, host and port, lower-cased and with the default
// port dropped, so that https://Host and https://host:443 are one server;
// "" when u cannot be parsed.
func origin(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	scheme, host, port := strings.ToLower(p.Scheme), strings.ToLower(p.Hostname()), p.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host = net.JoinHostPort(host, port)
	}
	return scheme + "://" + host
}

// hasSigninRequest reports whether any selected request signs in, judged
// on its unresolved URL (the path ends in /auth/signin).
func (r *Runner) hasSigninRequest() bool {
	for _, it := range r.items {
		if signsIn(it.Request) {
			return true
		}
	}
	return false
}

// signsIn reports whether a request, as written in the collection, signs
// in: POST to a path ending in /auth/signin.
func signsIn(req *collections.Request) bool {
	u := strings.ToLower(strings.TrimRight(req.URL.PathString(), "/"))
	return strings.EqualFold(req.Method, "POST") && strings.HasSuffix(u, "/auth/signin")
}

// tableauStart signs the worker in before its first request, unless that
// request signs in itself. A collection that signs in later (the official
// one's "Authenticate" folder comes second) would otherwise send its first
// requests without a session. Without TABLEAU_SERVER, colrun signs in
// where the collection's first sign-in request would, when the run's
// variables already give its whole URL; otherwise the collection is left
// to sign in itself.
func (w *worker) tableauStart(ctx context.Context) error {
	t := w.r.opts.Tableau
	if t == nil || w.tab.tried {
		return nil
	}
	w.tab.tried = true
	if !w.r.hasSigninRequest() {
		return w.tableauSignIn(ctx, signinFirst)
	}
	if signsIn(w.r.items[0].Request) {
		return nil
	}
	if strings.TrimSpace(t.Server) != "" {
		return w.tableauSignIn(ctx, signinFirst)
	}
	at := w.collectionSigninURL()
	if at == "" {
		return nil
	}
	w.tab.signinURL = at
	err := w.tableauSignIn(ctx, signinFirst)
	if err == nil || ctx.Err() != nil {
		return err
	}
	// The URL comes from variables a script or data row may still
	// change before the collection's own sign-in, so failing here is
	// no reason to stop the run: that sign-in decides.
	w.tab.signinURL = ""
	first, _, _ := strings.Cut(err.Error(), "\n")
	w.notice(fmt.Sprintf("could not sign in to Tableau before the first request at %s, where the collection's sign-in request would, so the requests before that one go without a session: %s", at, first))
	return nil
}

// collectionSigninURL is the URL of the collection's first sign-in request
// with the run's variables resolved, or "" when they do not resolve it to
// an http(s) URL (a script sets the server, or nothing does).
func (w *worker) collectionSigninURL() string {
	res := variables.NewResolver(w.scopes)
	for _, it := range w.r.items {
		if !signsIn(it.Request) {
			continue
		}
		s, err := res.Replace(it.Request.URL.String())
		if err != nil || strings.Contains(s, "{{") {
			return ""
		}
		u, err := url.Parse(s)
		if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
			return ""
		}
		return s
	}
	return ""
}

// signinFirst is the reason of the sign-in before the first request; every
// other sign-in renews a session after a 401002.
const signinFirst = "before the first request"

// renewReason says, in the notice of a new sign-in after a 401002, why
// the session ended.
func (w *worker) renewReason() string {
	if w.tab.signedOut {
		return "again after the run signed out (401002)"
	}
	return "again after the session expired (401002)"
}

// staleToken reports whether token is the token of a session this worker
// has replaced since.
func (w *worker) staleToken(token string) bool {
	w.tab.mu.Lock()
	defer w.tab.mu.Unlock()
	return w.tab.ended[token]
}

// renewForScriptSend signs in again after a script's pm.sendRequest sent
// with token used got 401002, unless another send has renewed the session
// since.
func (w *worker) renewForScriptSend(ctx context.Context, used string) error {
	w.tab.renewMu.Lock()
	defer w.tab.renewMu.Unlock()
	w.tab.mu.Lock()
	renewed := w.tab.session != nil && w.tab.session.Token != used
	why := w.renewReason()
	w.tab.mu.Unlock()
	if renewed {
		return nil
	}
	return w.tableauSignIn(ctx, why)
}

// tableauSignIn signs in at the configured server and stores the session.
func (w *worker) tableauSignIn(ctx context.Context, why string) error {
	w.tab.mu.Lock()
	defer w.tab.mu.Unlock()
	t := w.r.opts.Tableau
	version := t.APIVersion
	// Read as {{api-version}} in the collection's URLs reads it, so the
	// sign-in and the requests after it use one version.
	if v, ok := w.scopes.Resolve("api-version"); ok {
		if s, ok := variables.SubstitutionString(v); ok && s != "" && !strings.Contains(s, "{{") {
			version = s
		}
	}
	url, err := auth.SigninURL(t.Server, version)
	if t.Server == "" && w.tab.signinURL != "" {
		// The collection signed in itself and TABLEAU_SERVER is not set:
		// sign in again where it did.
		url, err = w.tab.signinURL, nil
	}
	if err != nil {
		return &tableauError{err: err}
	}
	signer := *t.Signer
	// The sign-in gets the client certificate --ssl-client-cert-list
	// gives its URL, as a request of the collection would.
	signer.Client = &http.Client{Transport: w.r.transports.forRequest(&w.r.opts, collections.ParseURL(url), true)}
	// The whole of the sign-in, one small exchange, gets --timeout-request,
	// or a limit of its own when that is not given.
	limit, limitName := w.r.opts.RequestTimeout, "--timeout-request "
	if limit <= 0 {
		limit, limitName = t.SigninTimeout, ""
		if limit <= 0 {
			limit = DefaultSigninTimeout
		}
	}
	signCtx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	sess, err := signer.SignIn(signCtx, url)
	if err != nil {
		if ctx.Err() == nil && signCtx.Err() != nil {
			err = fmt.Errorf("no answer within %s%v: %w", limitName, limit, err)
		}
		return &tableauError{err: err}
	}
	// The token belongs to the server that answered: after a 307 or 308
	// (http to https) that is the redirect's target, so requests go
	// there with it, and to the first address without it, and a new
	// sign-in goes straight there.
	prev := w.tab.session
	at, redirected := url, ""
	if sess.URL != "" && origin(sess.URL) != origin(url) {
		at, redirected = sess.URL, origin(url)
	}
	w.setSession(sess, at)
	w.tab.signinURL = at
	w.tab.redirectedFrom = redirected
	w.tab.renewed = why != signinFirst
	msg := fmt.Sprintf("signed in to Tableau %s (%s, %s): site %s, user %s", why, t.Signer.Method, t.Signer.Format, sess.SiteID, sess.UserID)
	if redirected != "" {
		msg += fmt.Sprintf(", at %s (%s redirected the sign-in there)", w.tab.origin, redirected)
	}
	if prev != nil && prev.SiteID != "" && prev.SiteID != sess.SiteID {
		// The run had switched sites: the new session is on the site
		// colrun signs in to, and the retried request, resolved again,
		// goes there.
		msg += fmt.Sprintf("; the ended session was on site %s (%q), so {{%s}} and the requests using it now name this site", prev.SiteID, prev.SiteContentURL, t.Names.SiteID)
	}
	w.notice(msg)
	return nil
}

// setSession captures a session signed in at signinURL into the
// variables: into the environment (so that it wins over the collection's
// empty defaults), the token marked secret so that an exported
// environment says what it is.
func (w *worker) setSession(sess auth.Session, signinURL string) {
	if old := w.tab.session; old != nil && old.Token != sess.Token {
		if w.tab.ended == nil {
			w.tab.ended = map[string]bool{}
		}
		w.tab.ended[old.Token] = true
	}
	w.tab.session = &sess
	w.tab.origin = origin(signinURL)
	w.tab.signedOut = false
	w.tab.redirectedFrom = ""
	names := w.r.opts.Tableau.Names
	for name, value := range sess.Variables(names) {
		e := variables.Entry{Key: name, Value: value}
		if name == names.Token {
			e.Type = "secret"
		}
		w.scopes.Environment.SetEntry(e)
	}
}

func (w *worker) notice(msg string) {
	var cur *event.Cursor
	var item *event.ItemRef
	if st := w.current; st != nil {
		cur, item = &st.cursor, &st.item
	}
	w.emit(event.Event{Warning: &event.Warning{Cursor: cur, Item: item, Message: msg}})
}

// tableauPrepare puts the configured sign-in body on a request that signs
// in, or the session token on any other request that lacks one. It
// reports whether the request signs in.
func (w *worker) tableauPrepare(o *outgoing) (bool, error) {
	w.tab.mu.Lock()
	defer w.tab.mu.Unlock()
	t := w.r.opts.Tableau
	if t == nil {
		return false, nil
	}
	if auth.IsSigninRequest(o.Method, o.URL) {
		p, err := t.Signer.Prepare()
		if err != nil {
			return true, &tableauError{err: err}
		}
		// Only the body and its Content-Type are colrun's: the request's
		// own Accept (Postman's */* when it sets none) is kept, so that
		// Tableau answers in the format the collection's scripts read, as
		// under Newman (Tableau's 2021 Connected Apps collection asks for
		// JSON and parses it, its REST tutorial reads XML), whatever
		// --tableau-format writes the body in. colrun reads either.
		o.removeHeader("Content-Type")
		o.addHeader("Content-Type", p.MediaType)
		o.Body, o.HasBody = p.Body, true
		return true, nil
	}
	v, ok := o.header(auth.AuthHeader)
	w.tab.ownAuth = ok && v != "" && (w.tab.session == nil || v != w.tab.session.Token)
	if w.tab.session == nil || w.tab.origin == "" {
		return false, nil
	}
	if ok && v != "" {
		return false, nil
	}
	if at := origin(o.URL); at != w.tab.origin {
		// The same server written another way (a short host name, an IP
		// address) is another origin: say so once, rather than leave the
		// user to puzzle over Tableau's 401s.
		if at != "" && tableauAPIPath.MatchString(o.URL) && !w.tab.warned[at] {
			if w.tab.warned == nil {
				w.tab.warned = map[string]bool{}
			}
			w.tab.warned[at] = true
			if at == w.tab.redirectedFrom {
				w.notice(fmt.Sprintf("%s redirected the Tableau sign-in to %s, which holds the session, so requests to %s go without X-Tableau-Auth; use %s in the collection and in TABLEAU_SERVER", at, w.tab.origin, at, w.tab.origin))
				return false, nil
			}
			w.notice(fmt.Sprintf("%s looks like Tableau's REST API but is not the server colrun signed in at (%s), so requests there go without X-Tableau-Auth; set TABLEAU_SERVER to the address the collection uses", at, w.tab.origin))
		}
		return false, nil
	}
	o.removeHeader(auth.AuthHeader)
	o.addHeader(auth.AuthHeader, w.tab.session.Token)
	o.tableauOrigin = w.tab.origin
	return false, nil
}

// tableauAPIPath matches a URL of Tableau's versioned REST API.
var tableauAPIPath = regexp.MustCompile(`^[^?#]*/api/\d+\.\d+/`)

// tableauAfter reads an exchange's response: it captures the session from
// sign-in and switchSite responses, forgets it after sign-out, and reports
// whether the session expired so that the caller signs in again and
// retries.
func (w *worker) tableauAfter(signin bool, o *outgoing, ex *exchange) (expired bool, err error) {
	w.tab.mu.Lock()
	defer w.tab.mu.Unlock()
	t := w.r.opts.Tableau
	if t == nil || ex == nil || ex.resp == nil {
		return false, nil
	}
	resp := ex.resp
	renewed := w.tab.renewed
	w.tab.renewed = false
	ct := resp.Header("Content-Type")
	switch {
	case signin:
		sess, err := t.Signer.ReadResponse(resp.Code, ct, resp.Body)
		if err != nil {
			var se *auth.SigninError
			if errors.As(err, &se) && ex.sent != nil && ex.sent.URL.String() != o.URL {
				se.RedirectedTo = t.Signer.Redactor.String(ex.sent.URL.Redacted())
			}
			if loc := resp.Header("Location"); se != nil && se.RedirectedTo == "" && resp.Code/100 == 3 && loc != "" && ex.sent != nil {
				if u, err := ex.sent.URL.Parse(loc); err == nil {
					se.RedirectedTo = t.Signer.Redactor.String(u.Redacted())
				}
			}
			return false, &tableauError{err: err}
		}
		// As for colrun's own sign-in, the session belongs to the
		// server that answered: after a 307 or 308 (http to https) the
		// address the request was written with would get the token and
		// the final one, where the collection goes on, would not.
		at := o.URL
		if ex.sent != nil && origin(ex.sent.URL.String()) != origin(o.URL) {
			at = ex.sent.URL.String()
		}
		w.setSession(sess, at)
		w.tab.signinURL = at
		if at != o.URL {
			w.tab.redirectedFrom = origin(o.URL)
		}
	case auth.IsSwitchSiteRequest(o.Method, o.URL) && resp.Code/100 == 2:
		// ReadResponse registers the new token with the Redactor.
		if sess, err := t.Signer.ReadResponse(resp.Code, ct, resp.Body); err == nil {
			w.setSession(sess, o.URL)
		}
	case auth.IsSignoutRequest(o.Method, o.URL) && resp.Code/100 == 2 && origin(o.URL) == w.tab.origin:
		// The ended session's token still goes on the requests that
		// leave X-Tableau-Auth to colrun: the server's 401002 for it
		// renews the session, as for a collection that sends
		// {{api-key}}. Without a token they got 401000 and no renewal.
		w.tab.signedOut = true
	case w.tab.session != nil && origin(o.URL) == w.tab.origin && auth.IsSessionExpired(resp.Code, ct, resp.Body):
		// Only the signed-in server was sent the token, so only its
		// 401002 says the session expired; another service's (a proxy
		// in front of a second Tableau site, a mock) is the request's
		// own result and is reported as it is.
		if v, ok := o.header(auth.AuthHeader); ok && o.scriptSend && w.tab.ended[strings.TrimSpace(v)] {
			// A script's send that went out with the session another
			// send has renewed since: send it again with the new one
			// (renewForScriptSend signs in no more); not a refusal.
			return true, nil
		}
		if renewed {
			w.notice(w.refusedAgain())
			return true, nil
		}
		if v, ok := o.header(auth.AuthHeader); ok && strings.TrimSpace(v) != "" && strings.TrimSpace(v) != w.tab.session.Token {
			// Tableau refused the token the request chose itself (one
			// switchSite replaced, a variable holding an older session's),
			// not colrun's session: signing in again would send the same
			// token again and replace a session that is still good, on
			// the site a switchSite put it on.
			if !w.tab.ownRefused {
				w.tab.ownRefused = true
				w.notice(fmt.Sprintf("the request sets X-Tableau-Auth itself, to a token that is not colrun's session's, and Tableau answered 401002 for it: colrun's session is not the one refused, so colrun does not sign in again; to send colrun's session, use {{%s}} or name the collection's variable with --tableau-token-variable", t.Names.Token))
			}
			return false, nil
		}
		return true, nil
	}
	return false, nil
}

// refusedAgain explains a 401002 to a request retried with a session
// signed in for it, which cannot have expired: for a connected app,
// Tableau's answer to a call its JWT's scopes do not allow.
func (w *worker) refusedAgain() string {
	signer := w.r.opts.Tableau.Signer
	if w.tab.ownAuth {
		// The likeliest cause whatever the method: the request names
		// the token through a variable colrun does not renew.
		return fmt.Sprintf("the retry with a new session got 401002 too: the request sets X-Tableau-Auth itself, to a token that is not the new session's (a variable holding the ended session's token?); send {{%s}}, or name the variable it uses with --tableau-token-variable, so that colrun's new session reaches it", w.r.opts.Tableau.Names.Token)
	}
	switch signer.Method {
	case auth.MethodPAT:
		return "the retry with a new session got 401002 too: a personal access token holds one session at a time, so another sign-in with it (another job, or this collection's own sign-in) may have ended this one"
	case auth.MethodPassword:
		return "the retry with a new session got 401002 too: Tableau refuses this request with a session it has just opened; check the request's URL and the user's site role"
	}
	scopes := signer.Credentials.JWTScopes
	if len(scopes) == 0 {
		scopes = auth.DefaultJWTScopes
	}
	return fmt.Sprintf("the retry with a new session got 401002 too: Tableau answers 401002 when the connected-app JWT's scopes (%s) do not allow the call; add the scope it needs to %s", strings.Join(scopes, " "), auth.EnvJWTScopes)
}

// isTableauStop reports whether err must stop the run.
func isTableauStop(err error) bool {
	var te *tableauError
	return errors.As(err, &te)
}
