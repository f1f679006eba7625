package mockserver

import (
	"net/http"
	"slices"
)

// Permissions methods (rest_api_ref_permissions.htm) for workbooks, data
// sources, projects, views and flows: Add ... Permissions (PUT), Query ... Permissions
// (GET) and Delete ... Permission (DELETE .../permissions/{users|groups}/
// {id}/{capability}/{mode}). Explicit rules only: the mock neither derives
// effective permissions nor enforces them on other methods.

// permKind is one kind of content that carries permissions.
type permKind struct {
	element  string // workbook, datasource, project
	label    string
	notFound int
	// caps are the capabilities the reference lists as valid for the
	// kind; another known capability is 400009.
	caps []string
}

var permKinds = map[string]*permKind{
	"workbooks": {"workbook", "Workbook", codeWorkbookNotFound, []string{
		"AddComment", "ChangeHierarchy", "ChangePermissions", "CreateRefreshMetrics", "Delete", "ExportData",
		"ExportImage", "ExportXml", "ExtractRefresh", "Filter", "Read", "RunExplainData", "ShareView",
		"ViewComments", "ViewUnderlyingData", "WebAuthoring", "Write"}},
	"datasources": {"datasource", "Datasource", codeDatasourceNotFound, []string{
		"ChangePermissions", "Connect", "Delete", "ExportXml", "ExtractRefresh", "Read", "SaveAs", "Write"}},
	"projects": {"project", "Project", codeProjectNotFound, []string{"ProjectLeader", "Read", "Write"}},
	"views": {"view", "View", codeViewNotFound, []string{
		"AddComment", "ChangePermissions", "Delete", "ExportData", "ExportImage", "ExportXml", "Filter", "Read",
		"ShareView", "ViewComments", "ViewUnderlyingData", "WebAuthoring", "Write"}},
	"flows": {"flow", "Flow", codeFlowNotFound, []string{
		"ChangeHierarchy", "ChangePermissions", "Delete", "Execute", "ExportXml", "Read", "WebAuthoringForFlows", "Write"}},
}

// knownCapabilities are the names of the 3.29 schema's capabilityType; a
// name outside them, or a mode other than Allow or Deny, is 404013.
var knownCapabilities = []string{
	"AddComment", "AiAccess", "ChangeHierarchy", "ChangePermissions", "Connect", "CreateRefreshMetrics", "Delete",
	"Execute", "ExportData", "ExportImage", "ExportXml", "ExtractRefresh", "Filter", "Overwrite", "ProjectLeader",
	"PulseMetricDefine", "Read", "RunExplainData", "SaveAs", "ShareView", "ViewComments", "ViewUnderlyingData",
	"VizqlDataApiAccess", "WebAuthoring", "WebAuthoringForFlows", "Write",
}

// grant is the explicit capabilities of one user or group on one item,
// in the order they were first set.
type grant struct {
	granteeKind string // user or group
	granteeID   string
	caps        []capability
}

type capability struct{ name, mode string }

// permissionRoutes answers the permissions of workbooks, data sources and
// projects; segs start at "sites".
func (h *handler) permissionRoutes(segs []string) endpoint {
	if len(segs) < 5 || segs[4] != "permissions" {
		return nil
	}
	kind := permKinds[segs[2]]
	if kind == nil {
		return nil
	}
	switch {
	case len(segs) == 5:
		return endpoint{http.MethodGet: h.queryPermissions(kind), http.MethodPut: h.addPermissions(kind)}
	case len(segs) == 9 && (segs[5] == "users" || segs[5] == "groups"):
		return endpoint{http.MethodDelete: h.deletePermission(kind)}
	}
	return nil
}

// permItem finds the item and its owner and project, or answers the
// kind's 404. Must be called with the store locked.
func (st *store) permItem(kind *permKind, siteID, id string) (owner, project string, err *apiError) {
	it, err := st.permTarget(kind, siteID, id)
	return it.owner, it.project, err
}

// permTarget finds the item whose permissions are asked for, or answers
// the kind's 404. Must be called with the store locked.
func (st *store) permTarget(kind *permKind, siteID, id string) (contentItem, *apiError) {
	switch kind.element {
	case "project":
		if p := st.project(siteID, id); p != nil {
			return contentItem{name: p.Name, owner: p.OwnerID, project: p.ID}, nil
		}
	case "workbook", "datasource", "view", "flow":
		if item, err := st.contentItem(kind.element+"s", siteID, id); err == nil {
			return item, nil
		}
	}
	return contentItem{}, errNotFound(kind.notFound, kind.label, id)
}

// permItemNode is the item as a permissions answer names it: its id and
// name, and its owner, as Tableau's Query and Add ... Permissions answers
// do (Tableau Server Client's workbook_populate_permissions.xml,
// view_update_permissions.xml and the like).
func permItemNode(kind *permKind, id string, it contentItem) *node {
	return el(kind.element).set("id", id).set("name", it.name).add(ownerNode(it.owner))
}

// mayChangePermissions follows the reference: administrators, the item's
// owner and the owners and leaders of its project change its permissions.
func (st *store) mayChangePermissions(u *User, siteID, owner, project string) bool {
	return u.siteAdmin() || owner == u.ID || st.managesProject(u, siteID, project)
}

func permKey(element, id string) string { return element + "/" + id }

// permissionsNode renders a permissions answer: the item, then one
// granteeCapabilities per grant.
func permissionsNode(item *node, grants []grant) *node {
	n := el("permissions").add(item)
	for _, g := range grants {
		caps := el("capabilities")
		for _, c := range g.caps {
			caps.add(el("capability").set("name", c.name).set("mode", c.mode))
		}
		n.add(el("granteeCapabilities").add(el(g.granteeKind).set("id", g.granteeID), caps))
	}
	return n
}

func (h *handler) queryPermissions(kind *permKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		if err := c.begin(siteID, "permissions", "read", true); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		it, err := st.permTarget(kind, siteID, id)
		if err != nil {
			return result{}, err
		}
		return answer(http.StatusOK, permissionsNode(permItemNode(kind, id, it), st.perms[permKey(kind.element, id)]))
	}
}

// readGrants reads the granteeCapabilities of an Add ... Permissions body,
// checking each grantee and capability. Must be called with the store
// locked.
func (st *store) readGrants(kind *permKind, siteID string, body *reqNode) ([]grant, *apiError) {
	p := body.child("permissions")
	var grants []grant
	for _, gc := range p.kidsNamed("granteeCapabilities") {
		var g grant
		switch u, gr := gc.child("user"), gc.child("group"); {
		case u != nil && gr == nil:
			id, _ := u.attr("id")
			if _, err := st.siteUser(siteID, id); err != nil {
				return nil, err
			}
			g = grant{granteeKind: "user", granteeID: id}
		case gr != nil && u == nil:
			id, _ := gr.attr("id")
			if st.group(siteID, id) == nil {
				return nil, errNotFound(codeGroupNotFound, "Group", id)
			}
			g = grant{granteeKind: "group", granteeID: id}
		default:
			return nil, errMalformed()
		}
		caps := gc.child("capabilities").kidsNamed("capability")
		if len(caps) == 0 {
			return nil, errMalformed()
		}
		for _, c := range caps {
			name, _ := c.attr("name")
			mode, _ := c.attr("mode")
			if err := checkCapability(kind, name, mode); err != nil {
				return nil, err
			}
			g.caps = setCapability(g.caps, capability{name, mode})
		}
		grants = append(grants, g)
	}
	if len(grants) == 0 {
		return nil, errMalformed()
	}
	return grants, nil
}

func checkCapability(kind *permKind, name, mode string) *apiError {
	if !slices.Contains(knownCapabilities, name) || mode != "Allow" && mode != "Deny" {
		return &apiError{http.StatusNotFound, 404013, "Resource Not Found",
			"Capability '" + name + "' with mode '" + mode + "' is not a defined capability; the mode must be Allow or Deny."}
	}
	if !slices.Contains(kind.caps, name) || name == "ProjectLeader" && mode == "Deny" {
		return &apiError{http.StatusBadRequest, 400009, "Bad Request",
			"Capability '" + name + "' (" + mode + ") is not valid for a " + kind.element + "."}
	}
	return nil
}

// setCapability sets a capability's mode, replacing the mode it had.
func setCapability(caps []capability, c capability) []capability {
	for i := range caps {
		if caps[i].name == c.name {
			caps[i].mode = c.mode
			return caps
		}
	}
	return append(caps, c)
}

func (h *handler) addPermissions(kind *permKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		body, err := c.beginBody(siteID, "permissions", "update")
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		it, err := st.permTarget(kind, siteID, id)
		if err != nil {
			return result{}, err
		}
		if !st.mayChangePermissions(c.user, siteID, it.owner, it.project) {
			return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can set permissions on a " + kind.element + ".")
		}
		// A project's body may name the project; another project is
		// Tableau's 404009 (Add Project Permissions).
		if named := body.child("permissions").child("project"); kind.element == "project" && named != nil {
			if pid, _ := named.attr("id"); pid != id {
				return result{}, &apiError{http.StatusNotFound, 404009, "Resource Not Found", "The project id in the body, '" + pid + "', is not the one in the URI."}
			}
		}
		grants, err := st.readGrants(kind, siteID, body)
		if err != nil {
			return result{}, err
		}
		key := permKey(kind.element, id)
		for _, g := range grants {
			st.perms[key] = mergeGrant(st.perms[key], g)
		}
		return answer(http.StatusOK, permissionsNode(permItemNode(kind, id, it), grants))
	}
}

func mergeGrant(grants []grant, g grant) []grant {
	for i := range grants {
		if grants[i].granteeKind == g.granteeKind && grants[i].granteeID == g.granteeID {
			for _, c := range g.caps {
				grants[i].caps = setCapability(grants[i].caps, c)
			}
			return grants
		}
	}
	return append(grants, grant{g.granteeKind, g.granteeID, slices.Clone(g.caps)})
}

func (h *handler) deletePermission(kind *permKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		granteeKind, granteeID, name, mode := "user", c.segs[6], c.segs[7], c.segs[8]
		if c.segs[5] == "groups" {
			granteeKind = "group"
		}
		if err := c.begin(siteID, "permissions", "delete", false); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		owner, project, err := st.permItem(kind, siteID, id)
		if err != nil {
			return result{}, err
		}
		if err := st.checkGrantee(siteID, granteeKind, granteeID); err != nil {
			return result{}, err
		}
		if err := checkCapability(kind, name, mode); err != nil {
			return result{}, err
		}
		if !st.mayChangePermissions(c.user, siteID, owner, project) {
			return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can delete permissions of a " + kind.element + ".")
		}
		if st.dropRule(permKey(kind.element, id), granteeKind, granteeID, capability{name, mode}) {
			return answer(http.StatusNoContent)
		}
		// The reference gives a rule that is not there 404013
		// (Capability not assigned), and 404014 for a view.
		code := 404013
		if kind.element == "view" {
			code = 404014
		}
		return result{}, &apiError{http.StatusNotFound, code, "Resource Not Found",
			"The " + granteeKind + " '" + granteeID + "' has no " + name + " " + mode + " rule on the " + kind.element + "."}
	}
}

// checkGrantee finds the user or group of a rule on the site, or answers
// its 404. Must be called with the store locked.
func (st *store) checkGrantee(siteID, kind, id string) *apiError {
	if kind == "user" {
		_, err := st.siteUser(siteID, id)
		return err
	}
	if st.group(siteID, id) == nil {
		return errNotFound(codeGroupNotFound, "Group", id)
	}
	return nil
}

// dropRule removes one capability rule of a grantee from the rules kept
// under key, and a grantee left without rules, reporting whether the
// rule was there. Must be called with the store locked.
func (st *store) dropRule(key, granteeKind, granteeID string, c capability) bool {
	grants := st.perms[key]
	for i := range grants {
		g := &grants[i]
		if g.granteeKind != granteeKind || g.granteeID != granteeID {
			continue
		}
		j := slices.Index(g.caps, c)
		if j < 0 {
			return false
		}
		g.caps = slices.Delete(g.caps, j, j+1)
		st.perms[key] = slices.DeleteFunc(grants, func(g grant) bool { return len(g.caps) == 0 })
		return true
	}
	return false
}

// dropGrantee forgets the rules of a deleted user or group. Must be
// called with the store locked.
func (st *store) dropGrantee(kind, id string) {
	for key, grants := range st.perms {
		st.perms[key] = slices.DeleteFunc(grants, func(g grant) bool { return g.granteeKind == kind && g.granteeID == id })
	}
}
