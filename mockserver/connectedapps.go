package mockserver

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Connected App methods with direct trust (rest_api_ref_connected_app.htm):
// List, Get, Create, Update and Delete Connected App and Create, Get and
// Delete Connected App Secret, at /sites/{id}/connected-apps/direct-trust,
// the reference's path since API 3.17, and at the path it deprecated
// then, /sites/{id}/connected-applications, which the 2021 Connected Apps
// collection and the official collection call (under /api/exp/ or a
// version). Both serve the same apps at every version, as Tableau serves
// every version from the same code. Elements and attributes
// follow the 3.29 schema's connectedApplicationType and
// connectedApplicationSecretType. Only administrators manage apps (403004).
// An app created here signs JWTs in as the demo app does once it is
// enabled and has a secret (see verifyJWT).
//
// Guesses, where the reference is silent or was not at hand: both creates
// answer 200 (not 201); an unknown app or secret is 404 with the mock's
// own code 404073; a third secret is 409 409000; the JWT scope is
// tableau:connected_apps:<action>; an empty name is accepted (the
// collection's environment leaves connected-app-name empty), while
// "enabled" and "unrestrictedEmbedding" must be true, false or empty.

const codeConnectedAppNotFound = 404073

// directTrustSegs rewrites /sites/{id}/connected-apps/direct-trust/...
// into the deprecated /sites/{id}/connected-applications/... that the
// handlers read their ids from; other paths are returned as they are.
func directTrustSegs(segs []string) []string {
	if len(segs) < 4 || segs[0] != "sites" || segs[2] != "connected-apps" || segs[3] != "direct-trust" {
		return segs
	}
	return append([]string{segs[0], segs[1], "connected-applications"}, segs[4:]...)
}

// connectedAppRoutes answers /sites/{id}/connected-applications/...;
// segs start at "sites".
func (h *handler) connectedAppRoutes(segs []string) endpoint {
	if len(segs) < 3 || segs[2] != "connected-applications" {
		return nil
	}
	switch {
	case len(segs) == 3:
		return endpoint{http.MethodGet: h.listConnectedApps, http.MethodPost: h.createConnectedApp}
	case len(segs) == 4:
		return endpoint{http.MethodGet: h.getConnectedApp, http.MethodPut: h.updateConnectedApp, http.MethodDelete: h.deleteConnectedApp}
	case len(segs) == 5 && segs[4] == "secrets":
		return endpoint{http.MethodPost: h.createAppSecret}
	case len(segs) == 6 && segs[4] == "secrets":
		return endpoint{http.MethodGet: h.getAppSecret, http.MethodDelete: h.deleteAppSecret}
	}
	return nil
}

// beginApps checks the session and the caller's right to manage apps;
// with a body it reads and parses it too. On success the caller must
// unlock.
func (c *call) beginApps(action string, withBody bool) (*reqNode, *apiError) {
	siteID := c.segs[1]
	var body *reqNode
	var err *apiError
	if withBody {
		body, err = c.beginBody(siteID, "connected_apps", action)
	} else {
		err = c.begin(siteID, "connected_apps", action, false)
	}
	if err != nil {
		return nil, err
	}
	if err := c.requireAdmin("manage connected apps"); err != nil {
		c.h.store.mu.Unlock()
		return nil, err
	}
	return body, nil
}

// beginApp is beginApps for a URL naming an app, which it finds. On
// success the caller must unlock.
func (c *call) beginApp(action string, withBody bool) (*ConnectedApp, *reqNode, *apiError) {
	body, err := c.beginApps(action, withBody)
	if err != nil {
		return nil, nil, err
	}
	a, err := c.h.store.siteApp(c.segs[1], c.segs[3])
	if err != nil {
		c.h.store.mu.Unlock()
		return nil, nil, err
	}
	return a, body, nil
}

// siteApp finds an app usable on the site or answers 404.
func (st *store) siteApp(siteID, clientID string) (*ConnectedApp, *apiError) {
	if a := st.app(clientID); a != nil && appAllows(a, siteID) {
		return a, nil
	}
	return nil, errNotFound(codeConnectedAppNotFound, "Connected application", clientID)
}

// connectedAppNode renders an app: its secrets' ids and dates (never their
// values, which only Create and Get Connected App Secret show).
func connectedAppNode(a *ConnectedApp) *node {
	n := el("connectedApplication").set("name", a.Name).set("enabled", boolString(!a.Disabled)).
		set("clientId", a.ClientID).setIf("createdAt", formatTime(a.CreatedAt)).
		set("unrestrictedEmbedding", boolString(a.UnrestrictedEmbedding)).
		set("domainSafelist", a.DomainSafelist).setIf("projectId", a.ProjectID)
	for _, s := range a.Secrets {
		n.add(el("secret").set("id", s.ID).setIf("createdAt", formatTime(s.CreatedAt)))
	}
	return n
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func (h *handler) listConnectedApps(c *call) (result, *apiError) {
	if _, err := c.beginApps("read", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	list := listEl("connectedApplications")
	for i := range st.data.ConnectedApps {
		if a := &st.data.ConnectedApps[i]; appAllows(a, c.segs[1]) {
			list.add(connectedAppNode(a))
		}
	}
	return answer(http.StatusOK, list)
}

func (h *handler) getConnectedApp(c *call) (result, *apiError) {
	a, _, err := c.beginApp("read", false)
	if err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	return answer(http.StatusOK, connectedAppNode(a))
}

// applyAppFields sets what a Create or Update body gives. Must be called
// with the store locked.
func (st *store) applyAppFields(a *ConnectedApp, siteID string, body *reqNode) *apiError {
	n := body.child("connectedApplication")
	if n == nil {
		return errMalformed()
	}
	if v, ok := n.attr("name"); ok {
		a.Name = v
	}
	boolean := func(name string, dst *bool) *apiError {
		v, ok := n.attr(name)
		switch {
		case !ok:
		case v == "" || strings.EqualFold(v, "false"):
			*dst = false
		case strings.EqualFold(v, "true"):
			*dst = true
		default:
			return errBadRequest(name + " must be true or false, not '" + v + "'.")
		}
		return nil
	}
	enabled := !a.Disabled
	if err := boolean("enabled", &enabled); err != nil {
		return err
	}
	a.Disabled = !enabled
	if err := boolean("unrestrictedEmbedding", &a.UnrestrictedEmbedding); err != nil {
		return err
	}
	if v, ok := n.attr("domainSafelist"); ok {
		a.DomainSafelist = v
	}
	if v, ok := n.attr("projectId"); ok {
		if v != "" && st.project(siteID, v) == nil {
			return errNotFound(codeProjectNotFound, "Project", v)
		}
		a.ProjectID = v
	}
	return nil
}

// createConnectedApp makes a disabled app unless the body enables it, as
// Tableau's "enabled" defaults to false.
func (h *handler) createConnectedApp(c *call) (result, *apiError) {
	body, err := c.beginApps("create", true)
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	siteID := c.segs[1]
	a := ConnectedApp{ClientID: uuid.NewString(), Disabled: true, SiteIDs: []string{siteID}, CreatedAt: c.now}
	if err := st.applyAppFields(&a, siteID, body); err != nil {
		return result{}, err
	}
	st.data.ConnectedApps = append(st.data.ConnectedApps, a)
	return answer(http.StatusOK, connectedAppNode(&a))
}

func (h *handler) updateConnectedApp(c *call) (result, *apiError) {
	a, body, err := c.beginApp("update", true)
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	updated := *a
	if err := st.applyAppFields(&updated, c.segs[1], body); err != nil {
		return result{}, err
	}
	*a = updated
	return answer(http.StatusOK, connectedAppNode(a))
}

// deleteConnectedApp leaves the sessions its JWTs opened alone, as a
// Tableau session does not depend on the JWT after sign-in; Switch Site
// refuses them, the app being gone.
func (h *handler) deleteConnectedApp(c *call) (result, *apiError) {
	a, _, err := c.beginApp("delete", false)
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	id := a.ClientID
	st.data.ConnectedApps = slices.DeleteFunc(st.data.ConnectedApps, func(a ConnectedApp) bool { return a.ClientID == id })
	return answer(http.StatusNoContent)
}

// newSecretValue makes a secret like Tableau's: 32 random bytes, base64.
func newSecretValue() string {
	var raw [32]byte
	_, _ = rand.Read(raw[:]) // crypto/rand.Read never fails on supported platforms
	return base64.StdEncoding.EncodeToString(raw[:])
}

func secretNode(s *ConnectedAppSecret) *node {
	return el("connectedApplicationSecret").set("id", s.ID).set("value", s.Value).setIf("createdAt", formatTime(s.CreatedAt))
}

// createAppSecret adds a secret; an app holds at most two, so that one can
// be rotated while the other still signs.
func (h *handler) createAppSecret(c *call) (result, *apiError) {
	// The body, if any, carries nothing: read it to respect the size
	// limit, but do not parse it (the collection sends none).
	if _, err := c.readRaw(); err != nil {
		return result{}, err
	}
	a, _, err := c.beginApp("update", false)
	if err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	if len(a.Secrets) >= 2 {
		return result{}, &apiError{http.StatusConflict, 409000, "Resource Conflict",
			"Connected application '" + a.ClientID + "' already has two secrets; delete one first."}
	}
	a.Secrets = append(a.Secrets, ConnectedAppSecret{ID: uuid.NewString(), Value: newSecretValue(), CreatedAt: c.now})
	return answer(http.StatusOK, secretNode(&a.Secrets[len(a.Secrets)-1]))
}

// beginSecret is beginApp for a URL naming a secret of the app, which it
// finds. On success the caller must unlock.
func (c *call) beginSecret(action string) (*ConnectedApp, int, *apiError) {
	a, _, err := c.beginApp(action, false)
	if err != nil {
		return nil, 0, err
	}
	for i := range a.Secrets {
		if a.Secrets[i].ID == c.segs[5] {
			return a, i, nil
		}
	}
	c.h.store.mu.Unlock()
	return nil, 0, errNotFound(codeConnectedAppNotFound, "Connected application secret", c.segs[5])
}

func (h *handler) getAppSecret(c *call) (result, *apiError) {
	a, i, err := c.beginSecret("read")
	if err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	return answer(http.StatusOK, secretNode(&a.Secrets[i]))
}

// deleteAppSecret stops the secret signing new JWTs; sessions already
// open stay.
func (h *handler) deleteAppSecret(c *call) (result, *apiError) {
	a, i, err := c.beginSecret("delete")
	if err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	a.Secrets = slices.Delete(a.Secrets, i, i+1)
	return answer(http.StatusNoContent)
}
