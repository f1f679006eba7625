package mockserver

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// call is one API request on its way through routing, authentication and
// a resource handler.
type call struct {
	h    *handler
	w    http.ResponseWriter
	r    *http.Request
	now  time.Time
	segs []string // path segments after the version
	// version is the one in the URL; only serverinfo looks at it.
	version string
	sess    *session
	user    *User
}

// endpoint maps methods to the handlers of one route.
type endpoint map[string]func(*call) (result, *apiError)

// result is a success response. Handlers build it with the store locked
// and serveAPI writes it after they return, so that a slow client never
// holds the lock.
type result struct {
	status int
	kids   []*node
	// file, when set, is the answer instead of a tsResponse: an image, a
	// PDF, CSV data or a downloaded file.
	file *fileBody
}

// fileBody is a response that is not a tsResponse.
type fileBody struct {
	contentType string
	// disposition is the Content-Disposition header, for downloads.
	disposition string
	data        []byte
}

func answer(status int, kids ...*node) (result, *apiError) {
	return result{status: status, kids: kids}, nil
}

// versionRE accepts any N.N in the URL, as Tableau serves every version up
// to its own from the same code, and the experimental "exp".
var versionRE = regexp.MustCompile(`^([0-9]+\.[0-9]+|exp)$`)

func (h *handler) serveAPI(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > h.cfg.MaxBodyBytes {
		h.writeError(w, r, errTooLarge(h.cfg.MaxBodyBytes))
		return
	}
	rel := strings.TrimPrefix(r.URL.EscapedPath(), "/api")
	segs := splitPath(rel)
	if !strings.HasPrefix(r.URL.Path, "/api/") || len(segs) < 2 || segs[0] != "-" && !versionRE.MatchString(segs[0]) || emptySegment(rel) {
		h.writeError(w, r, errUnknownResource(unknownPath(r)))
		return
	}
	if !h.supportsVersion(segs[0]) {
		h.writeError(w, r, errBadVersion(segs[0]))
		return
	}
	c := &call{h: h, w: w, r: r, now: h.cfg.Now(), version: segs[0], segs: directTrustSegs(segs[1:])}
	unversioned := segs[0] == "-"
	var ep endpoint
	if unversioned {
		ep = h.extensionRoutes(c.segs)
	} else {
		ep = h.route(c.segs)
	}
	if fn, found := ep[r.Method]; found {
		res, err := fn(c)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		if f := res.file; f != nil {
			w.Header().Set("Content-Type", f.contentType)
			if f.disposition != "" {
				w.Header().Set("Content-Disposition", f.disposition)
			}
			w.WriteHeader(res.status)
			_, _ = w.Write(f.data)
			return
		}
		h.write(w, r, res.status, res.kids...)
		return
	}
	known := tableauMethods(unversioned, c.segs)
	if ep == nil && len(known) == 0 {
		h.writeError(w, r, errUnknownResource(unknownPath(r)))
		return
	}
	// A resource Tableau has: as on Tableau, a request without a live
	// session is told so before anything else, except at the endpoints
	// that need none.
	if !public(c.segs) {
		h.store.mu.Lock()
		err := c.authenticate()
		h.store.mu.Unlock()
		if err != nil {
			h.writeError(w, r, err)
			return
		}
	}
	if slices.Contains(known, r.Method) {
		h.writeError(w, r, errNotImplemented(r.Method, r.URL.Path))
		return
	}
	methods := slices.Clone(known)
	for m := range ep {
		methods = append(methods, m)
	}
	slices.Sort(methods)
	w.Header().Set("Allow", strings.Join(slices.Compact(methods), ", "))
	h.writeError(w, r, errMethod(r.Method))
}

// supportsVersion reports whether the mock serves an API version: Tableau
// serves every version from 1.0 up to its own, and the experimental "exp"
// and unversioned "-" paths; a newer version than the mock's configured
// APIVersion gets 404001, as on a Tableau release that predates it.
func (h *handler) supportsVersion(v string) bool {
	if v == "exp" || v == "-" {
		return true
	}
	major, minor, ok := parseVersion(v)
	maxMajor, maxMinor, _ := parseVersion(h.cfg.APIVersion)
	return ok && major >= 1 && (major < maxMajor || major == maxMajor && minor <= maxMinor)
}

// public reports the endpoints Tableau serves without a session: sign-in
// and server info.
func public(segs []string) bool {
	return len(segs) == 2 && segs[0] == "auth" && segs[1] == "signin" ||
		len(segs) == 1 && strings.EqualFold(segs[0], "serverinfo")
}

// unknownPath is the path as Tableau quotes it in 404003: without /api.
func unknownPath(r *http.Request) string {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return strings.TrimPrefix(r.URL.Path, "/api")
	}
	return r.URL.Path
}

// emptySegment reports whether an escaped path has an empty segment
// between two others (sites//projects), as a {{variable}} left empty
// writes it. No endpoint of Tableau's has an empty segment, so such a path
// names no resource: splitting it as splitPath does would shift the
// segments and answer for another endpoint (workbooks//views was Query
// Workbook for a workbook named "views"). Leading and trailing slashes are
// not segments.
func emptySegment(escaped string) bool {
	return strings.Contains(strings.Trim(escaped, "/"), "//")
}

// splitPath splits an escaped path into unescaped segments, tolerating
// trailing slashes (serveAPI refuses doubled ones first); splitting before unescaping keeps an
// escaped slash inside a site name in one segment.
func splitPath(escaped string) []string {
	var segs []string
	for _, s := range strings.Split(escaped, "/") {
		if s == "" {
			continue
		}
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
		segs = append(segs, s)
	}
	return segs
}

// route finds the endpoint for the segments after the version. Literal
// segments match exactly, as Tableau's do, except serverinfo, which
// Tableau accepts in any case.
func (h *handler) route(segs []string) endpoint {
	n := len(segs)
	switch {
	case n == 1 && strings.EqualFold(segs[0], "serverinfo"):
		return endpoint{http.MethodGet: h.serverInfo}
	case n == 2 && segs[0] == "auth":
		switch segs[1] {
		case "signin":
			return endpoint{http.MethodPost: h.signIn}
		case "signout":
			return endpoint{http.MethodPost: h.signOut}
		case "switchSite":
			return endpoint{http.MethodPost: h.switchSite}
		}
	case n == 2 && segs[0] == "sessions" && segs[1] == "current":
		return endpoint{http.MethodGet: h.currentSession}
	case segs[0] == "schedules":
		return h.scheduleRoutes(segs)
	case segs[0] == "sites":
		if ep := h.jobRoutes(segs); ep != nil {
			return ep
		}
		if ep := h.favoriteRoutes(segs); ep != nil {
			return ep
		}
		if ep := h.contentPartRoutes(segs); ep != nil {
			return ep
		}
		if ep := h.flowRoutes(segs); ep != nil {
			return ep
		}
		if ep := h.sitePartRoutes(segs); ep != nil {
			return ep
		}
		switch n {
		case 1:
			return endpoint{http.MethodGet: h.listSites, http.MethodPost: h.createSite}
		case 2:
			return endpoint{http.MethodGet: h.getSite, http.MethodPut: h.updateSite, http.MethodDelete: h.deleteSite}
		case 3, 4:
			kind, ok := resourceKinds[segs[2]]
			if !ok {
				return nil
			}
			if n == 3 {
				ep := endpoint{http.MethodGet: h.listResource(kind)}
				switch kind.plural {
				case "projects":
					ep[http.MethodPost] = h.createProject
				case "workbooks", "datasources":
					ep[http.MethodPost] = h.publish(kind.plural)
				}
				return ep
			}
			ep := endpoint{http.MethodGet: h.getResource(kind)}
			switch kind.plural {
			case "projects":
				ep[http.MethodPut] = h.updateProject
				ep[http.MethodDelete] = h.deleteProject
			case "workbooks", "datasources":
				ep[http.MethodPut] = h.updateContent(kind.plural)
				ep[http.MethodDelete] = h.deleteContent(kind.plural)
			}
			return ep
		}
	}
	return nil
}

// sitePartRoutes routes the users, groups, permissions, connected apps
// and file uploads of a site; segs start at "sites".
func (h *handler) sitePartRoutes(segs []string) endpoint {
	if len(segs) < 3 {
		return nil
	}
	switch segs[2] {
	case "users":
		return h.userRoutes(segs)
	case "groups":
		return h.groupRoutes(segs)
	case "connected-applications":
		return h.connectedAppRoutes(segs)
	case "fileUploads":
		return h.uploadRoutes(segs)
	}
	return h.permissionRoutes(segs)
}

// readRaw reads the request body within the size limit. Handlers read it
// before taking the store lock, so that a slow upload never holds it, and
// parse it after authenticating, so that a missing token is reported as
// such even with a bad body.
func (c *call) readRaw() ([]byte, *apiError) {
	limit := c.h.cfg.MaxBodyBytes
	raw, err := io.ReadAll(http.MaxBytesReader(c.w, c.r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errTooLarge(limit)
		}
		return nil, errMalformed()
	}
	return raw, nil
}

// parse parses a body read by readRaw; any parse failure is 400000, with
// Tableau's own detail for a body that is not XML where XML was expected.
func (c *call) parse(raw []byte) (*reqNode, *apiError) {
	n, err := parseBody(c.r.Header.Get("Content-Type"), raw)
	if errors.Is(err, errProlog) {
		return nil, errPrologDetail()
	}
	if err != nil {
		return nil, errMalformed()
	}
	return n, nil
}

// begin locks the store and checks what every site-scoped request needs:
// a live session, the session's site in the URL and, for JWT sessions, a
// scope allowing the action. On success the caller must unlock.
func (c *call) begin(siteID, resource, action string, content bool) *apiError {
	c.h.store.mu.Lock()
	err := c.authenticate()
	if err == nil {
		err = c.requireSite(siteID)
	}
	if err == nil {
		err = c.requireScope(resource, action, content)
	}
	if err != nil {
		c.h.store.mu.Unlock()
	}
	return err
}

// authenticate resolves X-Tableau-Auth to a live session, with Tableau's
// distinction between a missing token (401000) and a dead one (401002).
// Must be called with the store locked.
func (c *call) authenticate() *apiError {
	token := strings.TrimSpace(c.r.Header.Get("X-Tableau-Auth"))
	if token == "" {
		return errNoToken()
	}
	sess := c.h.store.touch(token, c.now, c.h.cfg.SessionTTL)
	if sess == nil {
		return errBadToken()
	}
	u := c.h.store.user(sess.userID)
	if u == nil {
		return errBadToken()
	}
	c.sess, c.user = sess, u
	return nil
}

// requireSite refuses a site id in the URL that is not the session's; a
// token is good for one site only. Must be called after authenticate.
func (c *call) requireSite(siteID string) *apiError {
	if siteID != c.sess.siteID {
		return errWrongSite(c.user.Name, c.sess.siteID, siteID)
	}
	return nil
}

// requireScope limits JWT sessions to their scopes; password and PAT
// sessions are not scoped. Reads of content (workbooks, projects, data
// sources, views, sites) are also allowed by tableau:content:read.
func (c *call) requireScope(resource, action string, content bool) *apiError {
	if !c.sess.jwt {
		return nil
	}
	for _, s := range c.sess.scopes {
		if scopeAllows(s, resource, action) || content && scopeAllows(s, "content", action) {
			return nil
		}
	}
	return errBadToken()
}

func scopeAllows(granted, resource, action string) bool {
	return granted == "tableau:"+resource+":"+action || granted == "tableau:"+resource+":*"
}
