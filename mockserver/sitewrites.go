package mockserver

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Create Site, Update Site and Delete Site (rest_api_ref_site.htm). Only
// server administrators create and delete sites, as on Tableau Server;
// site administrators may update their own site too. The reference's
// error tables give no code for a caller who may not: the mock answers
// 403004, Tableau's code for a signed-in user without the permission.
//
// The mock models a site's name and content URL only: the other
// attributes of a create or update body (adminMode, quotas, feature
// flags) are checked as the reference checks them, then not kept, so a
// later Query Site shows the mock's fixed values for them.

// Codes of the reference's Create Site table: 400013 for an adminMode
// other than ContentOnly or ContentAndUsers, 409001 for a name and 409002
// for a content URL another site has; Delete Site's 403002 for the
// default site.
const (
	codeBadAdminMode      = 400013
	codeSiteNameConflict  = 409001
	codeSiteURLConflict   = 409002
	codeDeleteDefaultSite = 403002
)

func errSiteConflict(code int, what, value string) *apiError {
	return &apiError{http.StatusConflict, code, "Resource Conflict", "A site already exists with the " + what + " '" + value + "'."}
}

// siteFields reads a create or update body's site element: name and
// contentUrl when present, and the attributes the reference validates.
func siteFields(body *reqNode) (name, contentURL *string, err *apiError) {
	s := body.child("site")
	if s == nil {
		return nil, nil, errMalformed()
	}
	if v, ok := s.attr("name"); ok {
		name = &v
	}
	if v, ok := s.attr("contentUrl"); ok {
		contentURL = &v
	}
	if v, ok := s.attr("adminMode"); ok && v != "ContentOnly" && v != "ContentAndUsers" {
		return nil, nil, &apiError{http.StatusBadRequest, codeBadAdminMode, "Bad Request",
			"The admin mode '" + v + "' is not valid; it must be ContentOnly or ContentAndUsers."}
	}
	for _, q := range []string{"storageQuota", "userQuota", "tierCreatorCapacity", "tierExplorerCapacity", "tierViewerCapacity"} {
		if v, ok := s.attr(q); ok {
			if n, err := strconv.Atoi(v); err != nil || n < 0 {
				return nil, nil, errBadRequest("The " + q + " '" + v + "' is not a positive number.")
			}
		}
	}
	if name != nil && strings.TrimSpace(*name) == "" {
		return nil, nil, errBadRequest("A site's name cannot be empty.")
	}
	if contentURL != nil && !validContentURL(*contentURL) {
		return nil, nil, errBadRequest("The content URL '" + *contentURL + "' may hold only letters, digits, hyphens and underscores.")
	}
	return name, contentURL, nil
}

// validContentURL allows what Tableau's site dialog allows in a site ID:
// ASCII letters, digits, - and _.
func validContentURL(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	})
}

// siteClash reports the conflict a name or content URL makes with another
// site; names and content URLs are compared without case, as Tableau
// signs in by content URL without case. Must be called with the store
// locked.
func (st *store) siteClash(self string, name, contentURL *string) *apiError {
	for _, o := range st.data.Sites {
		if o.ID == self {
			continue
		}
		if name != nil && strings.EqualFold(o.Name, *name) {
			return errSiteConflict(codeSiteNameConflict, "name", *name)
		}
		if contentURL != nil && strings.EqualFold(o.ContentURL, *contentURL) {
			return errSiteConflict(codeSiteURLConflict, "content URL", *contentURL)
		}
	}
	return nil
}

// beginServerBody reads a body for a server-level method and checks the
// session; on success the caller must unlock.
func (c *call) beginServerBody(resource, action string) (*reqNode, *apiError) {
	return c.bodyAfter(func() *apiError { return c.beginServer(resource, action) })
}

func (c *call) requireServerAdmin(what string) *apiError {
	if !c.user.serverAdmin() {
		return errForbidden("Only server administrators can " + what + ".")
	}
	return nil
}

func (h *handler) createSite(c *call) (result, *apiError) {
	body, err := c.beginServerBody("sites", "create")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if err := c.requireServerAdmin("create sites"); err != nil {
		return result{}, err
	}
	name, contentURL, err := siteFields(body)
	if err != nil {
		return result{}, err
	}
	if name == nil || contentURL == nil {
		return result{}, errBadRequest("Create Site needs the site's name and contentUrl.")
	}
	if err := st.siteClash("", name, contentURL); err != nil {
		return result{}, err
	}
	st.data.Sites = append(st.data.Sites, Site{ID: uuid.NewString(), Name: *name, ContentURL: *contentURL})
	s := &st.data.Sites[len(st.data.Sites)-1]
	// Tableau gives every new site its Default project.
	st.data.Projects = append(st.data.Projects, Project{ID: uuid.NewString(), SiteID: s.ID, Name: "Default",
		Description: "The default project that was automatically created by Tableau.", OwnerID: c.user.ID,
		ContentPermissions: "ManagedByOwner", CreatedAt: c.now, UpdatedAt: c.now})
	return answer(http.StatusCreated, siteNode(st, s))
}

func (h *handler) updateSite(c *call) (result, *apiError) {
	body, err := c.beginServerBody("sites", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	// As Query Site by id, a session reaches only its own site (403000).
	if err := c.requireSite(c.segs[1]); err != nil {
		return result{}, err
	}
	s := st.site(c.segs[1])
	if s == nil {
		return result{}, errNotFound(codeSiteNotFound, "Site", c.segs[1])
	}
	if err := c.requireAdmin("update a site"); err != nil {
		return result{}, err
	}
	name, contentURL, err := siteFields(body)
	if err != nil {
		return result{}, err
	}
	if contentURL != nil && s.ContentURL == "" && *contentURL != "" {
		return result{}, errForbidden("The default site's content URL cannot be changed.")
	}
	if err := st.siteClash(s.ID, name, contentURL); err != nil {
		return result{}, err
	}
	if name != nil {
		s.Name = *name
	}
	if contentURL != nil {
		s.ContentURL = *contentURL
	}
	return answer(http.StatusOK, siteNode(st, s))
}

// deleteSite deletes a site by id or, with ?key=name or ?key=contentUrl,
// by name or content URL, with everything on it; the sessions signed in
// to it end. A session may delete only the site it is signed in to
// (403000, as server-client-python issue #501 reports for an
// administrator signed in elsewhere).
func (h *handler) deleteSite(c *call) (result, *apiError) {
	if err := c.beginServer("sites", "delete"); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	ref := c.segs[1]
	s := st.siteByKey(c.r.URL.Query().Get("key"), ref)
	if s == nil {
		return result{}, errNotFound(codeSiteNotFound, "Site", ref)
	}
	if err := c.requireSite(s.ID); err != nil {
		return result{}, err
	}
	if err := c.requireServerAdmin("delete sites"); err != nil {
		return result{}, err
	}
	if s.ContentURL == "" {
		return result{}, &apiError{http.StatusForbidden, codeDeleteDefaultSite, "Forbidden", "The default site cannot be deleted."}
	}
	st.dropSite(s.ID)
	return answer(http.StatusNoContent)
}

// dropSite removes a site, its content and its sessions. Users stay on
// the server, as on Tableau. Must be called with the store locked.
func (st *store) dropSite(id string) {
	d := st.data
	d.Sites = slices.DeleteFunc(d.Sites, func(s Site) bool { return s.ID == id })
	d.Projects = slices.DeleteFunc(d.Projects, func(p Project) bool { return p.SiteID == id })
	d.Groups = slices.DeleteFunc(d.Groups, func(g Group) bool { return g.SiteID == id })
	d.Workbooks = slices.DeleteFunc(d.Workbooks, func(w Workbook) bool { return w.SiteID == id })
	d.Datasources = slices.DeleteFunc(d.Datasources, func(x Datasource) bool { return x.SiteID == id })
	d.Views = slices.DeleteFunc(d.Views, func(v View) bool { return v.SiteID == id })
	d.Flows = slices.DeleteFunc(d.Flows, func(f Flow) bool { return f.SiteID == id })
	for token, sess := range st.sessions {
		if sess.siteID == id {
			st.endSession(token)
		}
	}
}
