package mockserver

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// favorite is one item of a user's favorites: its label and the content
// it points at, by element name (workbook, view, datasource, project,
// flow) and id.
type favorite struct {
	label, siteID, kind, id string
}

// favoriteKinds maps the collection names of Delete ... from Favorites
// (/favorites/{user}/workbooks/{id}) to the element names of Add ... to
// Favorites bodies and responses.
var favoriteKinds = map[string]string{
	"workbooks": "workbook", "views": "view", "datasources": "datasource", "projects": "project", "flows": "flow",
}

// favoriteRoutes answers Get Favorites for User, the Add ... to Favorites
// methods (one PUT whose body names the content) and the Delete ... from
// Favorites methods, and Organize Favorites (favoriteorder.go); segs
// start at "sites".
func (h *handler) favoriteRoutes(segs []string) endpoint {
	switch n := len(segs); {
	case n == 4 && segs[2] == "favorites":
		return endpoint{http.MethodGet: h.listFavorites, http.MethodPut: h.addFavorite}
	case n == 6 && segs[2] == "favorites" && favoriteKinds[segs[4]] != "":
		return endpoint{http.MethodDelete: h.deleteFavorite}
	case n == 4 && segs[2] == "orderFavorites":
		return endpoint{http.MethodPut: h.orderFavorites}
	}
	return nil
}

// favoriteUser checks the user id of a favorites URL: a user of the site
// (404002 otherwise), and the caller or, for administrators, anyone.
// Must be called with the store locked.
func (c *call) favoriteUser(siteID, userID string) *apiError {
	u := c.h.store.user(userID)
	if u == nil || !u.memberOf(siteID) {
		return errNotFound(codeUserNotFound, "User", userID)
	}
	if u.ID != c.user.ID && !c.user.siteAdmin() {
		return errForbidden("Only administrators can see or change another user's favorites.")
	}
	return nil
}

// contentNode renders a piece of content of the site as favorites show
// it, or returns the kind's 404 when the id names nothing there.
func (c *call) contentNode(siteID, kind, id string) (*node, *apiError) {
	st := c.h.store
	switch kind {
	case "workbook":
		for i := range st.data.Workbooks {
			if w := &st.data.Workbooks[i]; w.ID == id && w.SiteID == siteID {
				return workbookNode(c, w, i, false), nil
			}
		}
		return nil, errNotFound(codeWorkbookNotFound, "Workbook", id)
	case "view":
		if n := getView(c, siteID, id); n != nil {
			n.kids = slices.DeleteFunc(n.kids, func(k *node) bool { return k.name == "usage" })
			return n, nil
		}
		return nil, errNotFound(codeViewNotFound, "View", id)
	case "datasource":
		if n := getDatasource(c, siteID, id); n != nil {
			return n, nil
		}
		return nil, errNotFound(codeFavoriteDatasourceNotFound, "Datasource", id)
	case "project":
		if p := st.project(siteID, id); p != nil {
			return projectNode(p), nil
		}
		return nil, errNotFound(codeProjectNotFound, "Project", id)
	case "flow":
		if n := getFlow(c, siteID, id); n != nil {
			return n, nil
		}
		return nil, errNotFound(codeFlowNotFound, "Flow", id)
	}
	return nil, errMalformed()
}

// favoritesNode lists a user's favorites on a site; favorites whose
// content was deleted are left out, as Tableau drops them with it.
func (c *call) favoritesNode(siteID, userID string) *node {
	list := listEl("favorites")
	for _, f := range c.h.store.favorites[userID] {
		if f.siteID != siteID {
			continue
		}
		if n, err := c.contentNode(siteID, f.kind, f.id); err == nil {
			list.add(el("favorite").set("label", f.label).add(n))
		}
	}
	return list
}

// listFavorites is Get Favorites for User.
func (h *handler) listFavorites(c *call) (result, *apiError) {
	siteID, userID := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "favorites", "read", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	if err := c.favoriteUser(siteID, userID); err != nil {
		return result{}, err
	}
	return answer(http.StatusOK, c.favoritesNode(siteID, userID))
}

// addFavorite is Add Workbook (View, Data Source, Project, Flow) to
// Favorites: <favorite label="..."><workbook id="..."/></favorite>. It
// answers 200 with all the user's favorites, as Tableau does. Adding
// content that is already a favorite gives it the new label.
func (h *handler) addFavorite(c *call) (result, *apiError) {
	raw, aerr := c.readRaw()
	if aerr != nil {
		return result{}, aerr
	}
	siteID, userID := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "favorites", "update", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	body, aerr := c.parse(raw)
	if aerr != nil {
		return result{}, aerr
	}
	if err := c.favoriteUser(siteID, userID); err != nil {
		return result{}, err
	}
	fav := body.child("favorite")
	if fav == nil {
		return result{}, errMalformed()
	}
	// Tableau's Add ... to Favorites references give a label that is
	// missing, empty or blank its own code, 400005 Invalid label.
	if label, ok := fav.attr("label"); !ok || strings.TrimSpace(label) == "" {
		return result{}, &apiError{http.StatusBadRequest, 400005, "Bad Request", "The favorite label is missing, empty or only white space."}
	}
	label, _ := fav.attr("label")
	var f *favorite
	for _, k := range fav.kids {
		if slices.Contains([]string{"workbook", "view", "datasource", "project", "flow"}, k.name) {
			id, _ := k.attr("id")
			f = &favorite{label: label, siteID: siteID, kind: k.name, id: id}
			break
		}
	}
	if f == nil {
		return result{}, errBadRequest("The favorite must name a workbook, view, datasource, project or flow by id.")
	}
	if _, err := c.contentNode(siteID, f.kind, f.id); err != nil {
		return result{}, err
	}
	st := h.store
	favs := st.favorites[userID]
	i := slices.IndexFunc(favs, func(o favorite) bool { return o.siteID == siteID && o.kind == f.kind && o.id == f.id })
	if i >= 0 {
		favs[i].label = label
	} else {
		st.favorites[userID] = append(favs, *f)
	}
	return answer(http.StatusOK, c.favoritesNode(siteID, userID))
}

// deleteFavorite is Delete Workbook (View, ...) from Favorites: 204;
// content that does not exist gets its kind's 404, content that is not a
// favorite of the user 404010, as Tableau's Favorites reference has it.
func (h *handler) deleteFavorite(c *call) (result, *apiError) {
	siteID, userID, kind, id := c.segs[1], c.segs[3], favoriteKinds[c.segs[4]], c.segs[5]
	if err := c.begin(siteID, "favorites", "delete", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	if err := c.favoriteUser(siteID, userID); err != nil {
		return result{}, err
	}
	if _, err := c.contentNode(siteID, kind, id); err != nil {
		return result{}, err
	}
	st := h.store
	favs := st.favorites[userID]
	i := slices.IndexFunc(favs, func(o favorite) bool {
		return o.siteID == siteID && o.kind == kind && o.id == id
	})
	if i < 0 {
		return result{}, &apiError{http.StatusNotFound, codeNotAFavorite, "Resource Not Found",
			fmt.Sprintf("The %s '%s' is not a favorite of user '%s'.", kind, id, userID)}
	}
	st.favorites[userID] = slices.Delete(favs, i, i+1)
	return answer(http.StatusNoContent)
}
