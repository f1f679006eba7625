package mockserver

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// resourceKind describes one per-site resource: its JWT scope, its 404
// code and how to list and render it. All functions run with the store
// locked.
type resourceKind struct {
	plural string
	// scope is the resource part of the JWT scopes that allow reading it
	// (tableau:<scope>:read); content says tableau:content:read does too.
	scope    string
	content  bool
	label    string
	notFound int
	list     func(c *call, siteID string) []entry
	get      func(c *call, siteID, id string) *node
}

var resourceKinds = map[string]*resourceKind{
	"workbooks":   {"workbooks", "workbooks", true, "Workbook", codeWorkbookNotFound, listWorkbooks, getWorkbook},
	"projects":    {"projects", "projects", true, "Project", codeProjectNotFound, listProjects, getProject},
	"users":       {"users", "users", false, "User", codeUserNotFound, listUsers, getUser},
	"groups":      {"groups", "groups", false, "Group", codeGroupNotFound, listGroups, getGroup},
	"datasources": {"datasources", "datasources", true, "Datasource", codeDatasourceNotFound, listDatasources, getDatasource},
	"views":       {"views", "views", true, "View", codeViewNotFound, listViews, getView},
}

func (h *handler) listResource(kind *resourceKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID := c.segs[1]
		if err := c.begin(siteID, kind.scope, "read", kind.content); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		lq, err := parseListQueryOf(kind.plural, c.r.URL.Query())
		if err != nil {
			return result{}, err
		}
		return lq.answerList(h.store, kind.plural, kind.list(c, siteID))
	}
}

func (h *handler) getResource(kind *resourceKind) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		if err := c.begin(siteID, kind.scope, "read", kind.content); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		n := kind.get(c, siteID, id)
		if n == nil {
			return result{}, errNotFound(kind.notFound, kind.label, id)
		}
		return answer(http.StatusOK, n)
	}
}

// listSites shows a server administrator every site and others the sites
// they belong to, as Tableau does.
func (h *handler) listSites(c *call) (result, *apiError) {
	st := h.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := c.authenticate(); err != nil {
		return result{}, err
	}
	if err := c.requireScope("sites", "read", true); err != nil {
		return result{}, err
	}
	lq, aerr := parseListQuery(c.r.URL.Query())
	if aerr != nil {
		return result{}, aerr
	}
	var items []entry
	for i := range st.data.Sites {
		s := &st.data.Sites[i]
		if c.user.serverAdmin() || c.user.memberOf(s.ID) {
			items = append(items, entry{s.Name, func() *node { return siteNode(st, s) }})
		}
	}
	return lq.answerList(st, "sites", items)
}

// getSite finds a site by id or, with ?key=name or ?key=contentUrl, by
// name or content URL. Only the session's own site may be read.
func (h *handler) getSite(c *call) (result, *apiError) {
	st := h.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := c.authenticate(); err != nil {
		return result{}, err
	}
	if err := c.requireScope("sites", "read", true); err != nil {
		return result{}, err
	}
	ref := c.segs[1]
	key := c.r.URL.Query().Get("key")
	if !strings.EqualFold(key, "name") && !strings.EqualFold(key, "contentUrl") {
		// By id, a session reaches only its own site, existing or not.
		if err := c.requireSite(ref); err != nil {
			return result{}, err
		}
	}
	site := st.siteByKey(key, ref)
	if site == nil {
		return result{}, errNotFound(codeSiteNotFound, "Site", ref)
	}
	if err := c.requireSite(site.ID); err != nil {
		return result{}, err
	}
	return answer(http.StatusOK, siteNode(st, site))
}

// siteByKey finds a site as Query Site and Delete Site name it: by id or,
// with ?key=name or ?key=contentUrl, by name or content URL, without case.
// Must be called with the store locked.
func (st *store) siteByKey(key, ref string) *Site {
	switch {
	case strings.EqualFold(key, "name"):
		for i := range st.data.Sites {
			if strings.EqualFold(st.data.Sites[i].Name, ref) {
				return &st.data.Sites[i]
			}
		}
		return nil
	case strings.EqualFold(key, "contentUrl"):
		return st.siteByContentURL(ref)
	}
	return st.site(ref)
}

// siteNode has the attributes, in order, of a Tableau 2024 site; the
// feature flags are fixed, only the identity and user count vary.
func siteNode(st *store, s *Site) *node {
	users := 0
	for i := range st.data.Users {
		if st.data.Users[i].memberOf(s.ID) {
			users++
		}
	}
	return el("site").set("id", s.ID).set("name", s.Name).set("contentUrl", s.ContentURL).
		set("adminMode", "ContentAndUsers").set("storageQuota", "100").set("disableSubscriptions", "false").
		set("state", "Active").set("revisionHistoryEnabled", "true").set("revisionLimit", "25").
		set("subscribeOthersEnabled", "true").set("allowSubscriptionAttachments", "true").
		set("guestAccessEnabled", "false").set("cacheWarmupEnabled", "true").set("commentingEnabled", "true").
		set("commentingMentionsEnabled", "true").set("editingFlowsEnabled", "true").
		set("schedulingFlowsEnabled", "true").set("extractEncryptionMode", "enabled").
		set("catalogingEnabled", "true").set("catalogObfuscationEnabled", "true").
		set("derivedPermissionsEnabled", "false").set("requestAccessEnabled", "false").
		set("runNowEnabled", "true").set("numUsers", strconv.Itoa(users)).set("storage", "0").
		set("userQuota", "100").set("tierCreatorCapacity", "10").set("tierExplorerCapacity", "20").
		set("tierViewerCapacity", "50").set("isDataAlertsEnabled", "true").
		set("askDataMode", "DisabledAlways").set("useDefaultTimeZone", "true").set("timeZone", "UTC")
}

// webpageURL builds the link Tableau gives to content in its web UI, on
// the host the client used.
func (c *call) webpageURL(siteID, kind string, number int) string {
	prefix := "http://" + c.r.Host + "/#"
	if s := c.h.store.site(siteID); s != nil && s.ContentURL != "" {
		prefix += "/site/" + s.ContentURL
	}
	return prefix + "/" + kind + "/" + strconv.Itoa(number)
}

func ownerNode(id string) *node { return el("owner").set("id", id) }

func tagsNode(tags []string) *node {
	n := listEl("tags")
	for _, t := range tags {
		n.add(el("tag").set("label", t))
	}
	return n
}

// projectRef is the short project element inside workbooks and data
// sources.
func projectRef(st *store, siteID, id string) *node {
	n := el("project").set("id", id)
	if p := st.project(siteID, id); p != nil {
		n.set("name", p.Name)
	}
	return n
}

func listWorkbooks(c *call, siteID string) []entry {
	var items []entry
	for i := range c.h.store.data.Workbooks {
		w := &c.h.store.data.Workbooks[i]
		if w.SiteID == siteID {
			items = append(items, entry{w.Name, func() *node { return workbookNode(c, w, i, false) }})
		}
	}
	return items
}

func getWorkbook(c *call, siteID, id string) *node {
	for i := range c.h.store.data.Workbooks {
		if w := &c.h.store.data.Workbooks[i]; w.ID == id && w.SiteID == siteID {
			return workbookNode(c, w, i, true)
		}
	}
	return nil
}

// workbookNode renders a workbook; a single workbook also lists its views,
// as Tableau's Query Workbook does.
func workbookNode(c *call, w *Workbook, index int, withViews bool) *node {
	st := c.h.store
	n := el("workbook").set("id", w.ID).set("name", w.Name).setIf("description", w.Description).
		set("contentUrl", w.ContentURL).set("webpageUrl", c.webpageURL(w.SiteID, "workbooks", index+1)).
		set("showTabs", strconv.FormatBool(w.ShowTabs)).set("size", strconv.Itoa(w.Size)).
		setIf("createdAt", formatTime(w.CreatedAt)).setIf("updatedAt", formatTime(w.UpdatedAt))
	n.add(projectRef(st, w.SiteID, w.ProjectID), ownerNode(w.OwnerID), tagsNode(w.Tags))
	if withViews {
		views := listEl("views")
		for i := range st.data.Views {
			if v := &st.data.Views[i]; v.WorkbookID == w.ID {
				views.add(el("view").set("id", v.ID).set("name", v.Name).set("contentUrl", v.ContentURL))
			}
		}
		n.add(views)
	}
	return n
}

func listDatasources(c *call, siteID string) []entry {
	var items []entry
	for i := range c.h.store.data.Datasources {
		d := &c.h.store.data.Datasources[i]
		if d.SiteID == siteID {
			items = append(items, entry{d.Name, func() *node { return datasourceNode(c, d, i) }})
		}
	}
	return items
}

func getDatasource(c *call, siteID, id string) *node {
	for i := range c.h.store.data.Datasources {
		if d := &c.h.store.data.Datasources[i]; d.ID == id && d.SiteID == siteID {
			return datasourceNode(c, d, i)
		}
	}
	return nil
}

func datasourceNode(c *call, d *Datasource, index int) *node {
	kind := d.Type
	if kind == "" {
		kind = "hyper"
	}
	n := el("datasource").set("id", d.ID).set("name", d.Name).set("size", strconv.Itoa(d.Size)).
		set("contentUrl", d.ContentURL).set("description", d.Description).set("type", kind).
		setIf("createdAt", formatTime(d.CreatedAt)).setIf("updatedAt", formatTime(d.UpdatedAt)).
		set("encryptExtracts", strconv.FormatBool(d.EncryptExtracts)).
		set("hasExtracts", strconv.FormatBool(d.HasExtracts)).set("useRemoteQueryAgent", "false").
		set("webpageUrl", c.webpageURL(d.SiteID, "datasources", index+1))
	return n.add(projectRef(c.h.store, d.SiteID, d.ProjectID), ownerNode(d.OwnerID), tagsNode(d.Tags))
}

func includeUsage(c *call) bool {
	return strings.EqualFold(c.r.URL.Query().Get("includeUsageStatistics"), "true")
}

func listViews(c *call, siteID string) []entry {
	usage := includeUsage(c)
	var items []entry
	for i := range c.h.store.data.Views {
		v := &c.h.store.data.Views[i]
		if v.SiteID == siteID {
			items = append(items, entry{v.Name, func() *node { return viewNode(c, v, usage) }})
		}
	}
	return items
}

func getView(c *call, siteID, id string) *node {
	for i := range c.h.store.data.Views {
		if v := &c.h.store.data.Views[i]; v.ID == id && v.SiteID == siteID {
			return viewNode(c, v, includeUsage(c))
		}
	}
	return nil
}

// viewNode takes owner and project from the workbook unless the view has
// its own, as every view of a workbook lives where the workbook does.
func viewNode(c *call, v *View, usage bool) *node {
	owner, project := v.OwnerID, v.ProjectID
	if w := c.h.store.workbook(v.SiteID, v.WorkbookID); w != nil {
		if owner == "" {
			owner = w.OwnerID
		}
		if project == "" {
			project = w.ProjectID
		}
	}
	sheetType := v.SheetType
	if sheetType == "" {
		sheetType = "worksheet"
	}
	n := el("view").set("id", v.ID).set("name", v.Name).set("contentUrl", v.ContentURL).
		setIf("createdAt", formatTime(v.CreatedAt)).setIf("updatedAt", formatTime(v.UpdatedAt)).
		set("sheetType", sheetType)
	n.add(el("workbook").set("id", v.WorkbookID), ownerNode(owner))
	if project != "" {
		n.add(el("project").set("id", project))
	}
	n.add(tagsNode(v.Tags))
	if usage {
		n.add(el("usage").set("totalViewCount", strconv.Itoa(v.TotalViewCount)))
	}
	return n
}

func listUsers(c *call, siteID string) []entry {
	all := slices.Contains(strings.Split(c.r.URL.Query().Get("fields"), ","), "_all_")
	var items []entry
	for i := range c.h.store.data.Users {
		u := &c.h.store.data.Users[i]
		if u.memberOf(siteID) {
			items = append(items, entry{u.Name, func() *node { return userListNode(u, all) }})
		}
	}
	return items
}

// userListNode is a user as Query Users on Site lists it; fields=_all_
// adds the authentication and locale attributes and the domain.
func userListNode(u *User, all bool) *node {
	n := el("user").set("id", u.ID).set("name", u.Name).set("siteRole", u.SiteRole).
		setIf("lastLogin", formatTime(u.LastLogin)).set("externalAuthUserId", "").
		set("fullName", u.FullName).set("email", u.Email)
	if all {
		n.set("authSetting", authSetting(u)).set("locale", "").set("language", "en")
		n.add(el("domain").set("name", "local"))
	}
	return n
}

func getUser(c *call, siteID, id string) *node {
	u := c.h.store.user(id)
	if u == nil || !u.memberOf(siteID) {
		return nil
	}
	return el("user").set("id", u.ID).set("name", u.Name).set("fullName", u.FullName).
		set("siteRole", u.SiteRole).set("authSetting", authSetting(u)).
		setIf("lastLogin", formatTime(u.LastLogin)).set("externalAuthUserId", "").
		add(el("domain").set("name", "local"))
}

func listGroups(c *call, siteID string) []entry {
	var items []entry
	for i := range c.h.store.data.Groups {
		g := &c.h.store.data.Groups[i]
		if g.SiteID == siteID {
			items = append(items, entry{g.Name, func() *node { return groupNode(g) }})
		}
	}
	return items
}

func getGroup(c *call, siteID, id string) *node {
	for i := range c.h.store.data.Groups {
		if g := &c.h.store.data.Groups[i]; g.ID == id && g.SiteID == siteID {
			return groupNode(g)
		}
	}
	return nil
}

func groupNode(g *Group) *node {
	domain := g.Domain
	if domain == "" {
		domain = "local"
	}
	return el("group").set("id", g.ID).set("name", g.Name).add(el("domain").set("name", domain))
}
