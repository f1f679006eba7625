package mockserver

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// serverInfo answers without authentication, as Tableau does. The endpoint
// appeared in API 2.4; older versions in the URL get the 404003 that
// clients such as Tableau Server Client use to detect old servers.
func (h *handler) serverInfo(c *call) (result, *apiError) {
	if major, minor, ok := parseVersion(c.version); ok && (major < 2 || major == 2 && minor < 4) {
		return result{}, errUnknownResource(unknownPath(c.r))
	}
	product, build := productVersion(h.cfg.APIVersion)
	info := el("serverInfo").add(
		textEl("productVersion", product).set("build", build),
		textEl("prepConductorVersion", build),
		textEl("restApiVersion", h.cfg.APIVersion),
		textEl("platform", "linux"),
		el("serverSettings").add(
			textEl("oAuthEnabled", "true"),
			textEl("sheetImageMaxAgeFloor", "1"),
			textEl("sheetImageMaxAgeCeiling", "60"),
			textEl("offlineInteractionSupportedPhase", "0"),
		),
	)
	return answer(http.StatusOK, info)
}

func parseVersion(v string) (major, minor int, ok bool) {
	a, b, found := strings.Cut(v, ".")
	if !found {
		return 0, 0, false
	}
	major, err1 := strconv.Atoi(a)
	minor, err2 := strconv.Atoi(b)
	return major, minor, err1 == nil && err2 == nil
}

// productVersion maps a REST API version to the Tableau release that
// introduced it (3.19 is 2023.1, three releases a year since), with a
// build number in Tableau's 5.2.4.4-digit pattern.
func productVersion(apiVersion string) (product, build string) {
	major, minor, _ := parseVersion(apiVersion)
	year, release := 2023, 1
	if major == 3 && minor >= 19 {
		year, release = 2023+(minor-19)/3, (minor-19)%3+1
	} else if major == 3 {
		year, release = 2022, 3
	}
	product = fmt.Sprintf("%d.%d.0", year, release)
	build = fmt.Sprintf("%d%d.%02d.0101.0000", year, release, year%100)
	return product, build
}

// credentialsNode is the sign-in and switch-site answer: token first, as
// Tableau writes it, then estimatedTimeToExpiration, then the site and the
// (possibly impersonated) user. The estimate is the idle limit, since a
// fresh session lives that long if left unused.
func credentialsNode(sess *session, site *Site, ttl time.Duration) *node {
	return el("credentials").set("token", sess.token).set("estimatedTimeToExpiration", formatDuration(ttl)).add(
		el("site").set("id", site.ID).set("contentUrl", site.ContentURL),
		el("user").set("id", sess.userID),
	)
}

// signIn accepts exactly one kind of credential. An absent credential or
// site is a malformed request (400000); every wrong value is the same
// 401001, whatever was wrong.
func (h *handler) signIn(c *call) (result, *apiError) {
	raw, aerr := c.readRaw()
	if aerr != nil {
		return result{}, aerr
	}
	body, aerr := c.parse(raw)
	if aerr != nil {
		return result{}, aerr
	}
	cred := body.child("credentials")
	siteEl := cred.child("site")
	if cred == nil {
		return result{}, h.refuse(errMalformed(), "", `the body has no credentials (<tsRequest><credentials .../></tsRequest>, or {"credentials":{...}} with a JSON Content-Type)`)
	}
	if siteEl == nil {
		return result{}, h.refuse(errMalformed(), "", `the credentials have no site (<site contentUrl=""/>, or "site":{"contentUrl":""} in JSON)`)
	}
	contentURL, _ := siteEl.attr("contentUrl")
	name, hasName := cred.attr("name")
	password, hasPassword := cred.attr("password")
	patName, hasPATName := cred.attr("personalAccessTokenName")
	patSecret, hasPATSecret := cred.attr("personalAccessTokenSecret")
	token, hasJWT := cred.attr("jwt")
	kinds := 0
	for _, has := range []bool{hasName || hasPassword, hasPATName || hasPATSecret, hasJWT} {
		if has {
			kinds++
		}
	}
	switch {
	case kinds == 0:
		return result{}, h.refuse(errMalformed(), "", "the credentials have none of name and password, personalAccessTokenName and personalAccessTokenSecret, or jwt")
	case kinds > 1:
		return result{}, h.refuse(errMalformed(), "", "the credentials mix kinds: name and password, personalAccessTokenName and personalAccessTokenSecret, or jwt, one only")
	case hasName != hasPassword:
		return result{}, h.refuse(errMalformed(), "", "the credentials need both name and password")
	case hasPATName != hasPATSecret:
		return result{}, h.refuse(errMalformed(), "", "the credentials need both personalAccessTokenName and personalAccessTokenSecret")
	}
	impersonate := cred.child("user")

	st := h.store
	st.mu.Lock()
	defer st.mu.Unlock()
	site := st.siteByContentURL(contentURL)
	if site == nil {
		return result{}, h.refuse(errSignin(), "", fmt.Sprintf("no site has contentUrl %q (the sites' are %s)", contentURL, st.contentURLs()))
	}
	var sess *session
	switch {
	case hasName:
		u := st.userByName(name)
		switch {
		case u == nil:
			return result{}, h.refuse(errSignin(), "password", fmt.Sprintf("no user is named %q", name))
		case u.Password == "":
			return result{}, h.refuse(errSignin(), "password", fmt.Sprintf("user %q has no password in the mock's data, so signs in only with a personal access token or a JWT", u.Name))
		case !equalSecret(u.Password, password):
			return result{}, h.refuse(errSignin(), "password", fmt.Sprintf("wrong password for user %q", u.Name))
		case !u.memberOf(site.ID):
			return result{}, h.refuse(errSignin(), "password", fmt.Sprintf("user %q is not a member of site %q", u.Name, site.ContentURL))
		}
		userID, why := st.impersonated(u, impersonate, site)
		if why != "" {
			return result{}, h.refuse(errSignin(), "password", why)
		}
		sess = st.openSession(site.ID, userID, c.now, h.cfg.SessionTTL)
	case hasPATName:
		var err *apiError
		if sess, err = h.signInPAT(c, site, patName, patSecret, impersonate); err != nil {
			return result{}, err
		}
	default:
		if impersonate != nil {
			return result{}, h.refuse(errSignin(), "JWT", "a JWT cannot impersonate: its sub names the user")
		}
		id, err := h.verifyJWT(token, site, c.now)
		if err != nil {
			return result{}, h.refuse(errSignin(), "JWT", err.Error())
		}
		sess = st.openSession(site.ID, id.userID, c.now, h.cfg.SessionTTL)
		sess.jwt, sess.scopes, sess.app = true, id.scopes, id.app
	}
	return answer(http.StatusOK, credentialsNode(sess, site, h.cfg.SessionTTL))
}

// refuse logs why a sign-in was refused (kind names the credentials: JWT,
// password, PAT; "" before they are known) and returns err. Tableau tells
// a client only 401001 or 400000 whatever was wrong, and so does the mock;
// the reason goes to the operator's log, where whoever points a client at
// the mock can see what to fix. A reason never holds a secret.
func (h *handler) refuse(err *apiError, kind, reason string) *apiError {
	if h.cfg.Logger != nil {
		msg := "sign-in refused"
		if kind != "" {
			msg = kind + " " + msg
		}
		h.cfg.Logger.Info(msg, "reason", reason)
	}
	return err
}

// contentURLs lists the sites' contentUrls, quoted, for a log line. Must
// be called with the store locked.
func (st *store) contentURLs() string {
	var list []string
	for _, s := range st.data.Sites {
		list = append(list, strconv.Quote(s.ContentURL))
	}
	return strings.Join(list, ", ")
}

// impersonated returns the user a sign-in acts as: the signer, or the
// user named by <user id=.../> when the signer is a server administrator;
// why says what was wrong otherwise.
// Tableau allows impersonation with a password or a personal access token
// (rest_api_ref_authentication.htm, Sign In: "user id ... only when the
// credentials are for a server administrator"), not with a JWT, whose sub
// already names the user. Must be called with the store locked.
func (st *store) impersonated(signer *User, impersonate *reqNode, site *Site) (userID, why string) {
	if impersonate == nil {
		return signer.ID, ""
	}
	id, _ := impersonate.attr("id")
	target := st.user(id)
	switch {
	case !signer.serverAdmin():
		return "", fmt.Sprintf("user %q may not impersonate: only server administrators may", signer.Name)
	case target == nil || !target.memberOf(site.ID):
		return "", fmt.Sprintf("the user to impersonate, %q, is no user of site %q", id, site.ContentURL)
	}
	return target.ID, ""
}

// signInPAT must be called with the store locked.
func (h *handler) signInPAT(c *call, site *Site, name, secret string, impersonate *reqNode) (*session, *apiError) {
	st := h.store
	var pat *PAT
	for i := range st.data.PATs {
		if st.data.PATs[i].Name == name {
			pat = &st.data.PATs[i]
		}
	}
	switch {
	case pat == nil:
		return nil, h.refuse(errSignin(), "PAT", fmt.Sprintf("no personal access token is named %q", name))
	case !equalSecret(pat.Secret, secret):
		return nil, h.refuse(errSignin(), "PAT", fmt.Sprintf("wrong secret for personal access token %q", name))
	case pat.Revoked:
		return nil, h.refuse(errSignin(), "PAT", fmt.Sprintf("personal access token %q is revoked", name))
	case !pat.ExpiresAt.IsZero() && !c.now.Before(pat.ExpiresAt):
		return nil, h.refuse(errSignin(), "PAT", fmt.Sprintf("personal access token %q expired at %s", name, formatTime(pat.ExpiresAt)))
	}
	owner := st.user(pat.UserID)
	if owner == nil || !owner.memberOf(site.ID) {
		return nil, h.refuse(errSignin(), "PAT", fmt.Sprintf("the owner of personal access token %q is not a member of site %q", name, site.ContentURL))
	}
	userID, why := st.impersonated(owner, impersonate, site)
	if why != "" {
		return nil, h.refuse(errSignin(), "PAT", why)
	}
	// Tableau allows one session per PAT: signing in again ends the
	// earlier one.
	if old, ok := st.patSession[name]; ok {
		st.endSession(old)
	}
	sess := st.openSession(site.ID, userID, c.now, h.cfg.SessionTTL)
	sess.pat = name
	st.patSession[name] = sess.token
	return sess, nil
}

// equalSecret compares in constant time, so that response timing does not
// leak how much of a secret was right.
func equalSecret(want, got string) bool {
	return subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}

func (h *handler) signOut(c *call) (result, *apiError) {
	h.store.mu.Lock()
	defer h.store.mu.Unlock()
	if err := c.authenticate(); err != nil {
		return result{}, err
	}
	h.store.endSession(c.sess.token)
	return answer(http.StatusNoContent)
}

// switchSite trades the session for one on another site: a new token,
// the old one dead, scopes and PAT binding carried over.
func (h *handler) switchSite(c *call) (result, *apiError) {
	raw, aerr := c.readRaw()
	if aerr != nil {
		return result{}, aerr
	}
	st := h.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := c.authenticate(); err != nil {
		return result{}, err
	}
	body, aerr := c.parse(raw)
	if aerr != nil {
		return result{}, aerr
	}
	siteEl := body.child("site")
	if siteEl == nil {
		return result{}, errMalformed()
	}
	contentURL, _ := siteEl.attr("contentUrl")
	old := c.sess
	site := st.siteByContentURL(contentURL)
	if site == nil || !c.user.memberOf(site.ID) && !c.user.serverAdmin() {
		return result{}, errSwitchSite()
	}
	if site.ID == old.siteID {
		return result{}, errSameSite(site.ContentURL)
	}
	if old.app != "" {
		if app := st.app(old.app); app == nil || app.Disabled || !appAllows(app, site.ID) {
			return result{}, errSwitchSite()
		}
	}
	st.endSession(old.token)
	sess := st.openSession(site.ID, old.userID, c.now, h.cfg.SessionTTL)
	sess.jwt, sess.scopes, sess.pat, sess.app = old.jwt, old.scopes, old.pat, old.app
	if sess.pat != "" {
		st.patSession[sess.pat] = sess.token
	}
	return answer(http.StatusOK, credentialsNode(sess, site, h.cfg.SessionTTL))
}

func (h *handler) currentSession(c *call) (result, *apiError) {
	h.store.mu.Lock()
	defer h.store.mu.Unlock()
	if err := c.authenticate(); err != nil {
		return result{}, err
	}
	site := h.store.site(c.sess.siteID)
	if site == nil {
		return result{}, errBadToken()
	}
	u := c.user
	return answer(http.StatusOK, el("session").add(
		el("site").set("id", site.ID).set("name", site.Name).set("contentUrl", site.ContentURL),
		el("user").set("id", u.ID).set("name", u.Name).set("siteRole", u.SiteRole).
			setIf("lastLogin", formatTime(u.LastLogin)).set("externalAuthUserId", "").
			set("authSetting", authSetting(u)),
	))
}

func authSetting(u *User) string {
	if u.AuthSetting == "" {
		return "ServerDefault"
	}
	return u.AuthSetting
}

// formatTime writes Tableau's timestamps: UTC, whole seconds, Z.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// formatDuration writes estimatedTimeToExpiration as Tableau does: hours
// (unpadded, past 24 when need be), minutes and seconds, e.g. "4:00:00"
// or "364:00:42" (the 3.29 XSD types it only as a string; the layout is that
// of responses captured from Tableau Server and Cloud).
func formatDuration(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}
