package mockserver

import (
	"net/http"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Users and Groups methods (rest_api_ref_users_and_groups.htm): Add User
// to Site, Update User, Remove User from Site, Create Group, Update Group,
// Delete Group, Add User to Group, Remove User from Group and Get Users in
// Group. Only administrators change users and groups; everyone else gets
// 403004. The error codes are those of the reference's error tables.

// beginBody reads the request body, then locks the store and checks the
// session as begin does, then parses the body. On success the caller must
// unlock.
func (c *call) beginBody(siteID, resource, action string) (*reqNode, *apiError) {
	return c.bodyAfter(func() *apiError { return c.begin(siteID, resource, action, false) })
}

// bodyAfter reads the request body, then runs begin (which locks the
// store on success), then parses the body; on success the caller must
// unlock.
func (c *call) bodyAfter(begin func() *apiError) (*reqNode, *apiError) {
	raw, err := c.readRaw()
	if err != nil {
		return nil, err
	}
	if err := begin(); err != nil {
		return nil, err
	}
	body, err := c.parse(raw)
	if err != nil {
		c.h.store.mu.Unlock()
		return nil, err
	}
	return body, nil
}

// requireAdmin refuses non-administrators, as the reference does for the
// methods that manage users, groups and connected apps.
func (c *call) requireAdmin(what string) *apiError {
	if !c.user.siteAdmin() {
		return errForbidden("Only administrators can " + what + ".")
	}
	return nil
}

// userRoutes answers the writes of /sites/{id}/users; the reads are the
// generic resource lists. segs start at "sites".
func (h *handler) userRoutes(segs []string) endpoint {
	switch len(segs) {
	case 3:
		return endpoint{http.MethodGet: h.listResource(resourceKinds["users"]), http.MethodPost: h.addUser}
	case 4:
		ep := endpoint{http.MethodGet: h.getResource(resourceKinds["users"]), http.MethodPut: h.updateUser, http.MethodDelete: h.removeUser}
		switch segs[3] {
		case "import":
			ep[http.MethodPost] = h.importUsers
		case "delete":
			ep[http.MethodPost] = h.deleteUsersCSV
		}
		return ep
	case 5:
		switch segs[4] {
		case "groups":
			return endpoint{http.MethodGet: h.listUserGroups}
		case "workbooks":
			return endpoint{http.MethodGet: h.listUserContent("workbooks", listWorkbooks)}
		case "flows":
			return endpoint{http.MethodGet: h.listUserContent("flows", listFlows)}
		}
	}
	return nil
}

// listUserGroups is Get Groups for a User, which Tableau Server Client's
// users.populate_groups calls: the groups the user is a member of, paged.
func (h *handler) listUserGroups(c *call) (result, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "users", "read", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if _, err := st.siteUser(siteID, id); err != nil {
		return result{}, err
	}
	lq, err := parseListQuery(c.r.URL.Query())
	if err != nil {
		return result{}, err
	}
	var items []entry
	for i := range st.data.Groups {
		if g := &st.data.Groups[i]; g.SiteID == siteID && slices.Contains(g.UserIDs, id) {
			items = append(items, entry{g.Name, func() *node { return groupNode(g) }})
		}
	}
	return lq.answerList(st, "groups", items)
}

// listUserContent is Query Workbooks for User, which Tableau Server
// Client's users.populate_workbooks calls, and Query Flows for User: with
// ownedBy=true the items the user owns, otherwise those the user may
// read, which in the mock (whose permissions are not enforced) are all of
// the site's. Flows are read with tableau:flows:read, not
// tableau:content:read (flows.go).
func (h *handler) listUserContent(plural string, list func(c *call, siteID string) []entry) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		if err := c.begin(siteID, plural, "read", plural != "flows"); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		u, err := st.siteUser(siteID, id)
		if err != nil {
			return result{}, err
		}
		lq, err := parseListQuery(c.r.URL.Query())
		if err != nil {
			return result{}, err
		}
		if strings.EqualFold(c.r.URL.Query().Get("ownedBy"), "true") {
			lq.filters = append(lq.filters, fieldFilter{field: "ownerName", op: "eq", values: []string{u.Name}})
		}
		return lq.answerList(st, plural, list(c, siteID))
	}
}

// groupRoutes answers /sites/{id}/groups and its members.
func (h *handler) groupRoutes(segs []string) endpoint {
	switch {
	case len(segs) == 3:
		return endpoint{http.MethodGet: h.listResource(resourceKinds["groups"]), http.MethodPost: h.createGroup}
	case len(segs) == 4:
		return endpoint{http.MethodGet: h.getResource(resourceKinds["groups"]), http.MethodPut: h.updateGroup, http.MethodDelete: h.deleteGroup}
	case len(segs) == 5 && segs[4] == "users":
		return endpoint{http.MethodGet: h.listGroupUsers, http.MethodPost: h.addUserToGroup}
	case len(segs) == 6 && segs[4] == "users":
		return endpoint{http.MethodDelete: h.removeUserFromGroup}
	}
	return nil
}

// checkSiteRole accepts the roles Add User to Site and Update User take:
// Tableau's current roles but Guest (409005) and, from anyone but a server
// administrator, ServerAdministrator (400013).
func checkSiteRole(c *call, role string) *apiError {
	if role == "Guest" {
		return &apiError{http.StatusConflict, 409005, "Guest User Conflict", "The Tableau Server API doesn't allow adding a user with the guest role to a site."}
	}
	if !slices.Contains(siteRoles, role) || role == "ServerAdministrator" && !c.user.serverAdmin() {
		return &apiError{http.StatusBadRequest, 400013, "Bad Request",
			"Invalid site role '" + role + "': the value of the siteRole attribute must be Creator, Explorer, ExplorerCanPublish, SiteAdministratorCreator, SiteAdministratorExplorer, Unlicensed, or Viewer."}
	}
	return nil
}

func checkAuthSetting(auth string, present bool) *apiError {
	if present && auth != "ServerDefault" && auth != "SAML" {
		return errBadRequest("authSetting must be ServerDefault or SAML.")
	}
	return nil
}

// addUser adds a user to the site: a new user, or a user of another site
// of the server joining this one (Tableau's users are server-wide).
func (h *handler) addUser(c *call) (result, *apiError) {
	siteID := c.segs[1]
	body, err := c.beginBody(siteID, "users", "create")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if err := c.requireAdmin("add users"); err != nil {
		return result{}, err
	}
	u := body.child("user")
	name, _ := u.attr("name")
	role, hasRole := u.attr("siteRole")
	if u == nil || strings.TrimSpace(name) == "" || !hasRole {
		return result{}, errMalformed()
	}
	if err := checkSiteRole(c, role); err != nil {
		return result{}, err
	}
	auth, hasAuth := u.attr("authSetting")
	if err := checkAuthSetting(auth, hasAuth); err != nil {
		return result{}, err
	}
	if old := st.userByName(name); old != nil {
		if old.memberOf(siteID) {
			return result{}, &apiError{http.StatusConflict, 409000, "Resource Conflict", "User '" + name + "' already exists on the site."}
		}
		// The mock keeps one site role per user; joining another site
		// takes the role given here.
		old.SiteIDs = append(old.SiteIDs, siteID)
		old.SiteRole = role
		if hasAuth {
			old.AuthSetting = auth
		}
		return answer(http.StatusCreated, addedUserNode(old))
	}
	st.data.Users = append(st.data.Users, User{ID: uuid.NewString(), Name: name, SiteRole: role, AuthSetting: auth, SiteIDs: []string{siteID}})
	return answer(http.StatusCreated, addedUserNode(&st.data.Users[len(st.data.Users)-1]))
}

// addedUserNode is Add User to Site's answer: id, name, siteRole and
// authSetting, in the reference's order.
func addedUserNode(u *User) *node {
	return el("user").set("id", u.ID).set("name", u.Name).set("siteRole", u.SiteRole).set("authSetting", authSetting(u))
}

// siteUser finds a user of the site or answers 404002.
func (st *store) siteUser(siteID, id string) (*User, *apiError) {
	u := st.user(id)
	if u == nil || !u.memberOf(siteID) {
		return nil, errNotFound(codeUserNotFound, "User", id)
	}
	return u, nil
}

// updateUser lets administrators change anyone and users change their own
// name details and password, but not their own site role (403009).
func (h *handler) updateUser(c *call) (result, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	body, err := c.beginBody(siteID, "users", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	target, err := st.siteUser(siteID, id)
	if err != nil {
		return result{}, err
	}
	u := body.child("user")
	if u == nil {
		return result{}, errMalformed()
	}
	if target.ID != c.user.ID {
		if err := c.requireAdmin("update other users"); err != nil {
			return result{}, err
		}
	}
	updated := *target
	if role, ok := u.attr("siteRole"); ok {
		if target.ID == c.user.ID && role != target.SiteRole {
			return result{}, &apiError{http.StatusForbidden, 403009, "Forbidden", "A user cannot update their own licensing role."}
		}
		if err := checkSiteRole(c, role); err != nil {
			return result{}, err
		}
		updated.SiteRole = role
	}
	auth, hasAuth := u.attr("authSetting")
	if err := checkAuthSetting(auth, hasAuth); err != nil {
		return result{}, err
	}
	if hasAuth {
		updated.AuthSetting = auth
	}
	if v, ok := u.attr("name"); ok {
		if strings.TrimSpace(v) == "" {
			return result{}, errBadRequest("The user name must not be empty.")
		}
		if other := st.userByName(v); other != nil && other.ID != target.ID {
			return result{}, &apiError{http.StatusConflict, 409000, "Resource Conflict", "User '" + v + "' already exists on the site."}
		}
		updated.Name = v
	}
	if v, ok := u.attr("fullName"); ok {
		updated.FullName = v
	}
	if v, ok := u.attr("email"); ok {
		// Tableau checks the address (400000 "Invalid email address");
		// the mock only asks for an @ between two non-empty parts.
		if local, domain, found := strings.Cut(v, "@"); v != "" && (!found || local == "" || domain == "") {
			return result{}, errBadRequest("The email attribute does not contain a valid email address.")
		}
		updated.Email = v
	}
	if v, ok := u.attr("password"); ok {
		updated.Password = v
	}
	*target = updated
	return answer(http.StatusOK, el("user").set("name", target.Name).set("fullName", target.FullName).
		set("email", target.Email).set("siteRole", target.SiteRole).set("authSetting", authSetting(target)))
}

// removeUser takes a user off the site. A user who still owns content
// there is 409003 unless ?mapAssetsTo= names a user of the site to take
// it over. A user left with no site is deleted, with their tokens and
// sessions.
func (h *handler) removeUser(c *call) (result, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "users", "delete", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	target, err := st.siteUser(siteID, id)
	if err != nil {
		return result{}, err
	}
	if err := c.requireAdmin("remove users"); err != nil {
		return result{}, err
	}
	heir := ""
	if m := c.r.URL.Query().Get("mapAssetsTo"); m != "" {
		u, err := st.siteUser(siteID, m)
		if err != nil {
			return result{}, err
		}
		heir = u.ID
	}
	if n := st.transferContent(siteID, target.ID, heir); n > 0 && heir == "" {
		return result{}, &apiError{http.StatusConflict, 409003, "Resource Conflict",
			"User '" + target.ID + "' still owns content on the site and cannot be removed; pass mapAssetsTo to give it to another user."}
	}
	st.dropFromSite(siteID, target)
	return answer(http.StatusNoContent)
}

// dropFromSite takes a user who owns nothing there off a site: out of its
// groups, its sessions ended; a user left with no site is deleted, with
// their tokens and favorites. Must be called with the store locked.
func (st *store) dropFromSite(siteID string, target *User) {
	d := st.data
	for i := range d.Groups {
		if g := &d.Groups[i]; g.SiteID == siteID {
			g.UserIDs = slices.DeleteFunc(g.UserIDs, func(u string) bool { return u == target.ID })
		}
	}
	for token, s := range st.sessions {
		if s.userID == target.ID && s.siteID == siteID {
			st.endSession(token)
		}
	}
	sites := target.SiteIDs
	if len(sites) == 0 {
		for _, s := range d.Sites {
			sites = append(sites, s.ID)
		}
	}
	sites = slices.DeleteFunc(slices.Clone(sites), func(s string) bool { return s == siteID })
	if len(sites) > 0 {
		target.SiteIDs = sites
		return
	}
	userID := target.ID
	d.Users = slices.DeleteFunc(d.Users, func(u User) bool { return u.ID == userID })
	d.PATs = slices.DeleteFunc(d.PATs, func(p PAT) bool { return p.UserID == userID })
	delete(st.favorites, userID)
	st.dropGrantee("user", userID)
}

// transferContent counts the content a user owns on a site and, when heir
// is set, gives it to heir. Must be called with the store locked.
func (st *store) transferContent(siteID, owner, heir string) int {
	n := 0
	give := func(site string, id *string) {
		if site == siteID && *id == owner {
			n++
			if heir != "" {
				*id = heir
			}
		}
	}
	d := st.data
	for i := range d.Projects {
		give(d.Projects[i].SiteID, &d.Projects[i].OwnerID)
	}
	for i := range d.Workbooks {
		give(d.Workbooks[i].SiteID, &d.Workbooks[i].OwnerID)
	}
	for i := range d.Datasources {
		give(d.Datasources[i].SiteID, &d.Datasources[i].OwnerID)
	}
	for i := range d.Flows {
		give(d.Flows[i].SiteID, &d.Flows[i].OwnerID)
	}
	for i := range d.Views {
		if d.Views[i].OwnerID != "" {
			give(d.Views[i].SiteID, &d.Views[i].OwnerID)
		}
	}
	return n
}

func (st *store) group(siteID, id string) *Group {
	for i := range st.data.Groups {
		if g := &st.data.Groups[i]; g.ID == id && g.SiteID == siteID {
			return g
		}
	}
	return nil
}

// adminGroup finds the group of the URL for an administrator's change:
// an unknown group is 404012 before a non-administrator is 403004. Must
// be called with the store locked.
func (c *call) adminGroup(what string) (*Group, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	g := c.h.store.group(siteID, id)
	if g == nil {
		return nil, errNotFound(codeGroupNotFound, "Group", id)
	}
	if err := c.requireAdmin(what); err != nil {
		return nil, err
	}
	return g, nil
}

func errGroupConflict(name string) *apiError {
	return &apiError{http.StatusConflict, 409009, "Resource Conflict", "A group named '" + name + "' already exists on the site."}
}

// groupName reads the name of a Create or Update Group body and checks it
// is free on the site (group names are unique regardless of case).
func (st *store) groupName(body *reqNode, siteID, self string, required bool) (string, bool, *apiError) {
	g := body.child("group")
	if g == nil {
		return "", false, errMalformed()
	}
	if g.child("import") != nil {
		// Active Directory groups need a directory the mock does not have.
		return "", false, &apiError{http.StatusForbidden, 403011, "Forbidden", "The request body contains an <import> element, but the server is configured for local authentication."}
	}
	name, ok := g.attr("name")
	if !ok {
		if required {
			return "", false, errMalformed()
		}
		return "", false, nil
	}
	if strings.TrimSpace(name) == "" {
		return "", false, errBadRequest("The group name must not be empty.")
	}
	for _, o := range st.data.Groups {
		if o.SiteID == siteID && o.ID != self && strings.EqualFold(o.Name, name) {
			return "", false, errGroupConflict(name)
		}
	}
	return name, true, nil
}

func (h *handler) createGroup(c *call) (result, *apiError) {
	siteID := c.segs[1]
	body, err := c.beginBody(siteID, "groups", "create")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if err := c.requireAdmin("create groups"); err != nil {
		return result{}, err
	}
	name, _, err := st.groupName(body, siteID, "", true)
	if err != nil {
		return result{}, err
	}
	st.data.Groups = append(st.data.Groups, Group{ID: uuid.NewString(), SiteID: siteID, Name: name, Domain: "local"})
	return answer(http.StatusCreated, groupNode(&st.data.Groups[len(st.data.Groups)-1]))
}

func (h *handler) updateGroup(c *call) (result, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	body, err := c.beginBody(siteID, "groups", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	g, err := c.adminGroup("update groups")
	if err != nil {
		return result{}, err
	}
	name, ok, err := st.groupName(body, siteID, id, false)
	if err != nil {
		return result{}, err
	}
	if ok {
		g.Name = name
	}
	return answer(http.StatusOK, groupNode(g))
}

func (h *handler) deleteGroup(c *call) (result, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "groups", "delete", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if _, err := c.adminGroup("delete groups"); err != nil {
		return result{}, err
	}
	st.data.Groups = slices.DeleteFunc(st.data.Groups, func(g Group) bool { return g.ID == id && g.SiteID == siteID })
	st.dropGrantee("group", id)
	return answer(http.StatusNoContent)
}

// listGroupUsers is Get Users in Group: a paged list like Get Users on
// Site, of the group's members.
func (h *handler) listGroupUsers(c *call) (result, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "groups", "read", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	g := st.group(siteID, id)
	if g == nil {
		return result{}, errNotFound(codeGroupNotFound, "Group", id)
	}
	lq, err := parseListQuery(c.r.URL.Query())
	if err != nil {
		return result{}, err
	}
	var items []entry
	for _, uid := range g.UserIDs {
		if u := st.user(uid); u != nil {
			items = append(items, entry{u.Name, func() *node { return userListNode(u, false) }})
		}
	}
	return lq.answerList(st, "users", items)
}

func (h *handler) addUserToGroup(c *call) (result, *apiError) {
	siteID := c.segs[1]
	body, err := c.beginBody(siteID, "groups", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	g, err := c.adminGroup("add users to groups")
	if err != nil {
		return result{}, err
	}
	uid, ok := body.child("user").attr("id")
	if !ok {
		return result{}, errMalformed()
	}
	u, err := st.siteUser(siteID, uid)
	if err != nil {
		return result{}, err
	}
	if slices.Contains(g.UserIDs, u.ID) {
		return result{}, &apiError{http.StatusConflict, 409011, "Resource Conflict", "User '" + u.ID + "' is already a member of the group."}
	}
	g.UserIDs = append(g.UserIDs, u.ID)
	return answer(http.StatusOK, el("user").set("id", u.ID).set("name", u.Name).set("siteRole", u.SiteRole))
}

func (h *handler) removeUserFromGroup(c *call) (result, *apiError) {
	siteID, uid := c.segs[1], c.segs[5]
	if err := c.begin(siteID, "groups", "update", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	g, err := c.adminGroup("remove users from groups")
	if err != nil {
		return result{}, err
	}
	if !slices.Contains(g.UserIDs, uid) {
		return result{}, errNotFound(codeUserNotFound, "User", uid)
	}
	g.UserIDs = slices.DeleteFunc(g.UserIDs, func(u string) bool { return u == uid })
	return answer(http.StatusNoContent)
}
