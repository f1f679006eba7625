package mockserver

import (
	"net/http"
	"slices"
	"strings"

	"github.com/google/uuid"
)

func listProjects(c *call, siteID string) []entry {
	var items []entry
	for i := range c.h.store.data.Projects {
		p := &c.h.store.data.Projects[i]
		if p.SiteID == siteID {
			items = append(items, entry{p.Name, func() *node { return projectNode(p) }})
		}
	}
	return items
}

func getProject(c *call, siteID, id string) *node {
	if p := c.h.store.project(siteID, id); p != nil {
		return projectNode(p)
	}
	return nil
}

func projectNode(p *Project) *node {
	perms := p.ContentPermissions
	if perms == "" {
		perms = "ManagedByOwner"
	}
	return el("project").set("id", p.ID).set("name", p.Name).set("description", p.Description).
		setIf("createdAt", formatTime(p.CreatedAt)).setIf("updatedAt", formatTime(p.UpdatedAt)).
		set("contentPermissions", perms).setIf("parentProjectId", p.ParentProjectID).
		add(ownerNode(p.OwnerID))
}

// projectFields is what a create or update request asks for; a nil field
// was not in the request.
type projectFields struct {
	name, description, contentPermissions, parentProjectID, ownerID *string
}

func readProjectFields(body *reqNode) (projectFields, *apiError) {
	p := body.child("project")
	if p == nil {
		return projectFields{}, errMalformed()
	}
	get := func(n *reqNode, name string) *string {
		if v, ok := n.attr(name); ok {
			return &v
		}
		return nil
	}
	f := projectFields{
		name:               get(p, "name"),
		description:        get(p, "description"),
		contentPermissions: get(p, "contentPermissions"),
		parentProjectID:    get(p, "parentProjectId"),
	}
	if o := p.child("owner"); o != nil {
		f.ownerID = get(o, "id")
	}
	if f.name != nil && strings.TrimSpace(*f.name) == "" {
		return f, errBadRequest("The project name must not be empty.")
	}
	if f.contentPermissions != nil && !slices.Contains(contentPermissionValues, *f.contentPermissions) {
		return f, errBadRequest("contentPermissions must be one of " + strings.Join(contentPermissionValues, ", ") + ".")
	}
	return f, nil
}

// checkProject validates a project's new name, parent and owner against
// the rest of the site. Must be called with the store locked.
func (st *store) checkProject(p *Project) *apiError {
	if p.ParentProjectID != "" {
		parent := st.project(p.SiteID, p.ParentProjectID)
		if parent == nil {
			return errNotFound(codeProjectNotFound, "Project", p.ParentProjectID)
		}
		// A project may not move under itself or its descendants.
		for a := parent; a != nil; a = st.project(a.SiteID, a.ParentProjectID) {
			if a.ID == p.ID {
				return errBadRequest("A project cannot be its own ancestor.")
			}
			if a.ParentProjectID == "" {
				break
			}
		}
	}
	if u := st.user(p.OwnerID); u == nil || !u.memberOf(p.SiteID) {
		return errNotFound(codeUserNotFound, "User", p.OwnerID)
	}
	for i := range st.data.Projects {
		o := &st.data.Projects[i]
		if o.ID != p.ID && o.SiteID == p.SiteID && o.ParentProjectID == p.ParentProjectID && strings.EqualFold(o.Name, p.Name) {
			return errProjectConflict(p.Name)
		}
	}
	return nil
}

// Who may manage projects, per Tableau's "Projects Methods" and
// "Permissions" reference pages: only site and server administrators
// create top-level projects; an administrator, the project's owner or a
// project leader updates or deletes a project, and owners and leaders of a
// project hold the same rights over the projects under it ("owners do not
// have to be granted permissions for content that they own, including
// projects under parent projects that they own"). The Default project
// exists on every site and can be neither deleted nor renamed.

// managesProject reports whether u may change the project with this id
// and the projects below it. Must be called with the store locked.
func (st *store) managesProject(u *User, siteID, id string) bool {
	if u.siteAdmin() {
		return true
	}
	seen := map[string]bool{}
	for p := st.project(siteID, id); p != nil && !seen[p.ID]; p = st.project(siteID, p.ParentProjectID) {
		if p.OwnerID == u.ID || slices.Contains(p.LeaderIDs, u.ID) {
			return true
		}
		seen[p.ID] = true
	}
	return false
}

// mayPlaceProject reports whether u may create a project under parentID
// ("" for the top level) or move one there.
func (st *store) mayPlaceProject(u *User, siteID, parentID string) bool {
	if parentID == "" {
		return u.siteAdmin()
	}
	return st.managesProject(u, siteID, parentID)
}

// isDefaultProject recognises the project Tableau creates with every site:
// top-level and named "default" (Tableau writes it in lower case).
func isDefaultProject(p *Project) bool {
	return p.ParentProjectID == "" && strings.EqualFold(p.Name, "default")
}

func (h *handler) createProject(c *call) (result, *apiError) {
	raw, aerr := c.readRaw()
	if aerr != nil {
		return result{}, aerr
	}
	siteID := c.segs[1]
	if err := c.begin(siteID, "projects", "create", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	body, aerr := c.parse(raw)
	if aerr != nil {
		return result{}, aerr
	}
	f, aerr := readProjectFields(body)
	if aerr != nil {
		return result{}, aerr
	}
	if f.name == nil {
		return result{}, errBadRequest("The project name is missing.")
	}
	p := Project{ID: uuid.NewString(), SiteID: siteID, Name: *f.name, OwnerID: c.user.ID, ContentPermissions: "ManagedByOwner",
		CreatedAt: c.now, UpdatedAt: c.now}
	applyProjectFields(&p, f)
	if err := h.store.checkProject(&p); err != nil {
		return result{}, err
	}
	if !h.store.mayPlaceProject(c.user, siteID, p.ParentProjectID) {
		if p.ParentProjectID == "" {
			return result{}, errForbidden("Only administrators can create top-level projects.")
		}
		return result{}, errForbidden("Only administrators and the owner or a leader of the parent project can create projects in it.")
	}
	if p.OwnerID != c.user.ID && !c.user.siteAdmin() {
		return result{}, errForbidden("Only administrators can make another user the owner of a project.")
	}
	h.store.data.Projects = append(h.store.data.Projects, p)
	return answer(http.StatusCreated, projectNode(&p))
}

func applyProjectFields(p *Project, f projectFields) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&p.Name, f.name)
	set(&p.Description, f.description)
	set(&p.ContentPermissions, f.contentPermissions)
	set(&p.ParentProjectID, f.parentProjectID)
	set(&p.OwnerID, f.ownerID)
}

func (h *handler) updateProject(c *call) (result, *apiError) {
	raw, aerr := c.readRaw()
	if aerr != nil {
		return result{}, aerr
	}
	siteID, id := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "projects", "update", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	p := h.store.project(siteID, id)
	if p == nil {
		return result{}, errNotFound(codeProjectNotFound, "Project", id)
	}
	body, aerr := c.parse(raw)
	if aerr != nil {
		return result{}, aerr
	}
	f, aerr := readProjectFields(body)
	if aerr != nil {
		return result{}, aerr
	}
	updated := *p
	applyProjectFields(&updated, f)
	if err := h.store.checkProject(&updated); err != nil {
		return result{}, err
	}
	st := h.store
	if !st.managesProject(c.user, siteID, id) {
		return result{}, errForbidden("Only administrators and the project's owner or leaders can update a project.")
	}
	if updated.ParentProjectID != p.ParentProjectID && !st.mayPlaceProject(c.user, siteID, updated.ParentProjectID) {
		return result{}, errForbidden("Only administrators and the owner or a leader of the new parent project can move a project there.")
	}
	if isDefaultProject(p) && (updated.Name != p.Name || updated.ParentProjectID != "") {
		return result{}, errDefaultProject(codeDefaultProjectUpdate, "The Default project cannot be renamed or moved.")
	}
	updated.UpdatedAt = c.now
	*p = updated
	return answer(http.StatusOK, projectNode(p))
}

// deleteProject removes the project, its descendants and the content in
// them, as Tableau does.
func (h *handler) deleteProject(c *call) (result, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "projects", "delete", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	st := h.store
	p := st.project(siteID, id)
	if p == nil {
		return result{}, errNotFound(codeProjectNotFound, "Project", id)
	}
	if isDefaultProject(p) {
		return result{}, errDefaultProject(codeDefaultProjectDelete, "The Default project cannot be deleted.")
	}
	if !st.managesProject(c.user, siteID, id) {
		return result{}, errForbidden("Only administrators and the project's owner or leaders can delete a project.")
	}
	doomed := map[string]bool{id: true}
	for grew := true; grew; {
		grew = false
		for _, p := range st.data.Projects {
			if p.SiteID == siteID && !doomed[p.ID] && doomed[p.ParentProjectID] {
				doomed[p.ID], grew = true, true
			}
		}
	}
	d := st.data
	d.Projects = slices.DeleteFunc(d.Projects, func(p Project) bool { return p.SiteID == siteID && doomed[p.ID] })
	goneWorkbooks := map[string]bool{}
	d.Workbooks = slices.DeleteFunc(d.Workbooks, func(w Workbook) bool {
		gone := w.SiteID == siteID && doomed[w.ProjectID]
		goneWorkbooks[w.ID] = gone
		return gone
	})
	d.Datasources = slices.DeleteFunc(d.Datasources, func(s Datasource) bool { return s.SiteID == siteID && doomed[s.ProjectID] })
	d.Views = slices.DeleteFunc(d.Views, func(v View) bool { return goneWorkbooks[v.WorkbookID] || doomed[v.ProjectID] })
	return answer(http.StatusNoContent)
}
