package mockserver

import "net/http"

// Default permissions of projects (rest_api_ref_permissions.htm, Query /
// Add / Delete Default Permissions): the rules a project gives new
// content of one type, per type (.../projects/{id}/default-permissions/
// {workbooks|datasources|flows|...}). Like explicit permissions they are
// stored and shown, not applied to content published later. Only
// administrators and the project's owner or leaders change them (403004
// for others).

// defaultPermKinds are the content types of default permissions, each
// with the capabilities the reference lists for it; another known
// capability is 400009, as for explicit permissions.
var defaultPermKinds = map[string]*permKind{
	"workbooks":   {element: "workbook", caps: permKinds["workbooks"].caps},
	"datasources": {element: "datasource", caps: permKinds["datasources"].caps},
	"flows": {element: "flow", caps: []string{
		"ChangeHierarchy", "ChangePermissions", "Delete", "Execute", "ExportXml", "Read", "WebAuthoringForFlows", "Write"}},
	"dataroles": {element: "datarole", caps: []string{"ChangeHierarchy", "ChangePermissions", "Delete", "ExportXml", "Read", "Write"}},
	"lenses":    {element: "lens", caps: []string{"ChangeHierarchy", "ChangePermissions", "Delete", "Read", "Write"}},
	"metrics":   {element: "metric", caps: []string{"ChangeHierarchy", "ChangePermissions", "Delete", "Read", "Write"}},
	"databases": {element: "database", caps: []string{"ChangePermissions", "Read", "Write"}},
	"tables":    {element: "table", caps: []string{"ChangePermissions", "Read", "Write"}},
	"virtualconnections": {element: "virtualConnection", caps: []string{
		"ChangeHierarchy", "ChangePermissions", "Connect", "Delete", "Read", "Write"}},
}

// defaultPermissionRoutes answers .../projects/{id}/default-permissions/
// {type} (GET, PUT) and .../{type}/{users|groups}/{id}/{capability}/{mode}
// (DELETE); segs start at "sites".
func (h *handler) defaultPermissionRoutes(segs []string) endpoint {
	if len(segs) < 6 {
		return nil
	}
	kind := defaultPermKinds[segs[5]]
	if kind == nil {
		return nil
	}
	switch {
	case len(segs) == 6:
		return endpoint{http.MethodGet: h.queryDefaultPermissions(kind), http.MethodPut: h.addDefaultPermissions(kind)}
	case len(segs) == 10 && (segs[6] == "users" || segs[6] == "groups"):
		return endpoint{http.MethodDelete: h.deleteDefaultPermission(kind)}
	}
	return nil
}

func defaultPermKey(kind *permKind, projectID string) string {
	return "default-" + kind.element + "/" + projectID
}

// projectItem is the project element of a default permissions answer:
// id, name and owner, as the reference's example shows.
func projectItem(p *Project) *node {
	return el("project").set("id", p.ID).set("name", p.Name).add(ownerNode(p.OwnerID))
}

func (h *handler) queryDefaultPermissions(kind *permKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		if err := c.begin(siteID, "permissions", "read", true); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		p, err := st.findProject(siteID, id)
		if err != nil {
			return result{}, err
		}
		return answer(http.StatusOK, permissionsNode(projectItem(p), st.perms[defaultPermKey(kind, id)]))
	}
}

// addDefaultPermissions merges the body's rules into the project's
// default rules for the type and answers with the rules added, as Add
// Default Permissions does.
func (h *handler) addDefaultPermissions(kind *permKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		body, err := c.beginBody(siteID, "permissions", "update")
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		p, err := st.findProject(siteID, id)
		if err != nil {
			return result{}, err
		}
		if !st.managesProject(c.user, siteID, id) {
			return result{}, errForbidden("Only administrators and the project's owner or leaders can set its default permissions.")
		}
		// The reference refuses a body naming content (400042
		// Malformed permissions qualifier) or another project (404009).
		perms := body.child("permissions")
		if perms.child("workbook") != nil || perms.child("datasource") != nil {
			return result{}, &apiError{http.StatusBadRequest, 400042, "Bad Request",
				"Default permissions are set on a project; the body must not name a workbook or data source."}
		}
		if named := perms.child("project"); named != nil {
			if pid, _ := named.attr("id"); pid != id {
				return result{}, &apiError{http.StatusNotFound, 404009, "Resource Not Found", "The project id in the body, '" + pid + "', is not the one in the URI."}
			}
		}
		grants, err := st.readGrants(kind, siteID, body)
		if err != nil {
			return result{}, err
		}
		key := defaultPermKey(kind, id)
		for _, g := range grants {
			st.perms[key] = mergeGrant(st.perms[key], g)
		}
		return answer(http.StatusOK, permissionsNode(projectItem(p), grants))
	}
}

// deleteDefaultPermission removes one rule: 204, or 404013 for a rule
// the project does not have, as Delete ... Permission answers for
// explicit rules.
func (h *handler) deleteDefaultPermission(kind *permKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		granteeKind, granteeID, name, mode := "user", c.segs[7], c.segs[8], c.segs[9]
		if c.segs[6] == "groups" {
			granteeKind = "group"
		}
		if err := c.begin(siteID, "permissions", "delete", false); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		if _, err := st.findProject(siteID, id); err != nil {
			return result{}, err
		}
		if err := st.checkGrantee(siteID, granteeKind, granteeID); err != nil {
			return result{}, err
		}
		if err := checkCapability(kind, name, mode); err != nil {
			return result{}, err
		}
		if !st.managesProject(c.user, siteID, id) {
			return result{}, errForbidden("Only administrators and the project's owner or leaders can delete its default permissions.")
		}
		if st.dropRule(defaultPermKey(kind, id), granteeKind, granteeID, capability{name, mode}) {
			return answer(http.StatusNoContent)
		}
		return result{}, &apiError{http.StatusNotFound, 404013, "Resource Not Found",
			"The " + granteeKind + " '" + granteeID + "' has no default " + name + " " + mode + " rule for " + kind.element + "s in the project."}
	}
}

// findProject finds a project of the site or answers 404005. Must be
// called with the store locked.
func (st *store) findProject(siteID, id string) (*Project, *apiError) {
	if p := st.project(siteID, id); p != nil {
		return p, nil
	}
	return nil, errNotFound(codeProjectNotFound, "Project", id)
}
