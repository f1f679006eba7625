package mockserver

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Update Workbook, Update Data Source and Update Flow: a body such as
// <workbook name="..." description="..." showTabs="true"><project id="..."/>
// <owner id="..."/></workbook> changes the item; what it leaves out stays.
// Administrators, the owner and the project's owner or leaders update an
// item; only administrators give it another owner, and moving it needs
// the same rights over the new project. The refusals carry the codes of
// each method's error table in the reference.

// updateCodes are one kind's codes from the reference: a caller who may
// not update the item, change its owner or move it, and a name another
// item of the site has (0: the reference lists none).
type updateCodes struct{ update, owner, project, nameConflict int }

var contentUpdateCodes = map[string]updateCodes{
	"workbooks":   {403027, 403027, 403025, 0},
	"datasources": {403032, 403027, 403030, 409015},
	"flows":       {codeForbidden, 403098, 403030, 409041},
}

// editable points into an item's stored fields; showTabs is nil for
// kinds that have none.
type editable struct {
	name, description, project, owner *string
	showTabs                          *bool
	updatedAt                         *time.Time
	render                            func() *node
}

// editable finds an item for an update. Must be called with the store
// locked.
func (c *call) editable(plural, siteID, id string) (editable, bool) {
	d := c.h.store.data
	switch plural {
	case "workbooks":
		for i := range d.Workbooks {
			if w := &d.Workbooks[i]; w.ID == id && w.SiteID == siteID {
				return editable{&w.Name, &w.Description, &w.ProjectID, &w.OwnerID, &w.ShowTabs, &w.UpdatedAt,
					func() *node { return workbookNode(c, w, i, false) }}, true
			}
		}
	case "datasources":
		for i := range d.Datasources {
			if s := &d.Datasources[i]; s.ID == id && s.SiteID == siteID {
				return editable{&s.Name, &s.Description, &s.ProjectID, &s.OwnerID, nil, &s.UpdatedAt,
					func() *node { return datasourceNode(c, s, i) }}, true
			}
		}
	case "flows":
		for i := range d.Flows {
			if f := &d.Flows[i]; f.ID == id && f.SiteID == siteID {
				return editable{&f.Name, &f.Description, &f.ProjectID, &f.OwnerID, nil, &f.UpdatedAt,
					func() *node { return flowNode(c, f, i) }}, true
			}
		}
	}
	return editable{}, false
}

// nameTaken reports whether another item of the kind on the site has the
// name, compared as Tableau does, without case. Must be called with the
// store locked.
func (st *store) nameTaken(plural, siteID, id, name string) bool {
	d := st.data
	taken := func(otherID, otherSite, otherName string) bool {
		return otherID != id && otherSite == siteID && strings.EqualFold(otherName, name)
	}
	switch plural {
	case "datasources":
		for _, s := range d.Datasources {
			if taken(s.ID, s.SiteID, s.Name) {
				return true
			}
		}
	case "flows":
		for _, f := range d.Flows {
			if taken(f.ID, f.SiteID, f.Name) {
				return true
			}
		}
	}
	return false
}

func (h *handler) updateContent(plural string) func(*call) (result, *apiError) {
	element := strings.TrimSuffix(plural, "s")
	codes := contentUpdateCodes[plural]
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		body, err := c.beginBody(siteID, contentKinds[plural].scope, "update")
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		item, found := c.editable(plural, siteID, id)
		if !found {
			k := contentKinds[plural]
			return result{}, errNotFound(k.notFound, k.label, id)
		}
		b := body.child(element)
		if b == nil {
			return result{}, errMalformed()
		}
		if !st.mayChangePermissions(c.user, siteID, *item.owner, *item.project) {
			return result{}, forbidden(codes.update, "Only administrators, the owner and the project's owner or leaders can update it.")
		}
		name, description, project, owner := *item.name, *item.description, *item.project, *item.owner
		if v, ok := b.attr("name"); ok {
			if strings.TrimSpace(v) == "" {
				return result{}, errBadRequest("The name must not be empty.")
			}
			name = v
		}
		if v, ok := b.attr("description"); ok {
			description = v
		}
		var showTabs *bool
		if v, ok := b.attr("showTabs"); ok && item.showTabs != nil {
			t, perr := strconv.ParseBool(v)
			if perr != nil {
				return result{}, errBadRequest("showTabs must be true or false, not '" + v + "'.")
			}
			showTabs = &t
		}
		if p := b.child("project"); p != nil {
			project, _ = p.attr("id")
			if _, err := st.findProject(siteID, project); err != nil {
				return result{}, err
			}
			if project != *item.project && !st.managesProject(c.user, siteID, project) {
				return result{}, forbidden(codes.project, "Only administrators and the owner or a leader of the new project can move it there.")
			}
		}
		if o := b.child("owner"); o != nil {
			owner, _ = o.attr("id")
			if _, err := st.siteUser(siteID, owner); err != nil {
				return result{}, err
			}
			if owner != *item.owner && !c.user.siteAdmin() {
				return result{}, forbidden(codes.owner, "Only administrators can change the owner.")
			}
		}
		if codes.nameConflict != 0 && st.nameTaken(plural, siteID, id, name) {
			return result{}, &apiError{http.StatusConflict, codes.nameConflict, "Resource Conflict",
				"A " + element + " named '" + name + "' already exists on the site."}
		}
		*item.name, *item.description, *item.project, *item.owner = name, description, project, owner
		if showTabs != nil {
			*item.showTabs = *showTabs
		}
		*item.updatedAt = c.now.UTC().Truncate(time.Second)
		return answer(http.StatusOK, item.render())
	}
}

// forbidden is a 403 with one of the reference's method-specific codes,
// worded as errForbidden words 403004.
func forbidden(code int, what string) *apiError {
	e := errForbidden(what)
	e.code = code
	return e
}
