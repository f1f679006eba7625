package mockserver

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The parts of workbooks, views, data sources and flows beyond their
// lists (Workbooks and Views, Data Sources and Flows Methods of Tableau's
// reference): tags, deleting a workbook or data source, the views,
// connections and revisions of a workbook or data source, and the
// images, PDFs, CSV data and files Tableau renders or downloads. The mock
// has no workbook files, so renderings are fixed tiny documents of the
// right type, and connections and revisions are derived from the item:
// one connection, and one revision (the current one) by its owner.

// contentKind is a kind of content as the methods below address it.
type contentKind struct {
	scope    string // the resource of JWT scopes (tableau:workbooks:update)
	label    string
	notFound int
}

var contentKinds = map[string]contentKind{
	"workbooks":   {"workbooks", "Workbook", codeWorkbookNotFound},
	"views":       {"views", "View", codeViewNotFound},
	"datasources": {"datasources", "Datasource", codeDatasourceNotFound},
	"flows":       {"flows", "Flow", codeFlowNotFound},
}

// codeTagNotFound is what the reference's Delete Tag methods give for a
// tag the item does not carry (Delete Tag from Workbook, View, Data
// Source: 404007 Tag not found).
const codeTagNotFound = 404007

// contentItem is one piece of content: its tags, where it lives and who
// owns it, for the checks of the methods that change it.
type contentItem struct {
	name           string
	tags           *[]string
	owner, project string
}

// contentItem finds an item of a kind on a site or answers the kind's
// 404. Must be called with the store locked.
func (st *store) contentItem(plural, siteID, id string) (contentItem, *apiError) {
	d := st.data
	switch plural {
	case "workbooks":
		if w := st.workbook(siteID, id); w != nil {
			return contentItem{w.Name, &w.Tags, w.OwnerID, w.ProjectID}, nil
		}
	case "views":
		for i := range d.Views {
			if v := &d.Views[i]; v.ID == id && v.SiteID == siteID {
				owner, project := v.OwnerID, v.ProjectID
				if w := st.workbook(siteID, v.WorkbookID); w != nil {
					owner, project = cmp.Or(owner, w.OwnerID), cmp.Or(project, w.ProjectID)
				}
				return contentItem{v.Name, &v.Tags, owner, project}, nil
			}
		}
	case "datasources":
		for i := range d.Datasources {
			if s := &d.Datasources[i]; s.ID == id && s.SiteID == siteID {
				return contentItem{s.Name, &s.Tags, s.OwnerID, s.ProjectID}, nil
			}
		}
	case "flows":
		for i := range d.Flows {
			if f := &d.Flows[i]; f.ID == id && f.SiteID == siteID {
				return contentItem{f.Name, &f.Tags, f.OwnerID, f.ProjectID}, nil
			}
		}
	}
	k := contentKinds[plural]
	return contentItem{}, errNotFound(k.notFound, k.label, id)
}

// contentPartRoutes answers the methods above and the site methods of
// flowruns.go, tagbatch.go, tasks.go, subscriptions.go, webhooks.go,
// uiassets.go, catalog.go and dqw.go; segs start at "sites".
func (h *handler) contentPartRoutes(segs []string) endpoint {
	n := len(segs)
	if n == 4 && segs[2] == "flows" && segs[3] != "runs" {
		return endpoint{http.MethodGet: h.getResource(flowKind), http.MethodPut: h.updateContent("flows"),
			http.MethodDelete: h.deleteContent("flows")}
	}
	if n >= 4 && segs[2] == "flows" {
		if ep := h.flowRunRoutes(segs); ep != nil {
			return ep
		}
	}
	if n >= 3 {
		switch segs[2] {
		case "tasks":
			return h.taskRoutes(segs)
		case "schedules":
			return h.siteScheduleRoutes(segs)
		case "subscriptions":
			return h.subscriptionRoutes(segs)
		case "webhooks":
			return h.webhookRoutes(segs)
		case "tags:batchCreate", "tags:batchDelete", "tags:BatchDelete":
			return h.tagBatchRoutes(segs)
		case "dataAlerts", "customviews":
			return h.uiAssetRoutes(segs)
		case "databases", "tables", "columns":
			return h.catalogRoutes(segs)
		case "dataQualityWarnings":
			return h.dqwRoutes(segs)
		}
	}
	if n < 5 {
		return nil
	}
	plural, part := segs[2], segs[4]
	if _, ok := contentKinds[plural]; !ok {
		if plural == "projects" && part == "default-permissions" {
			return h.defaultPermissionRoutes(segs)
		}
		return nil
	}
	if part == "tags" {
		switch n {
		case 5:
			return endpoint{http.MethodPut: h.addTags(plural)}
		case 6:
			return endpoint{http.MethodDelete: h.deleteTag(plural)}
		}
		return nil
	}
	if plural == "datasources" && (n == 5 && part == "data" || n == 7 && part == "connections" && segs[6] == "data") {
		return endpoint{http.MethodPatch: h.updateHyperData}
	}
	if n == 5 {
		return h.renderingRoutes(plural, part)
	}
	if n == 6 && plural == "views" && part == "crosstab" && segs[5] == "excel" {
		return endpoint{http.MethodGet: h.viewFile(400130, viewXLSX)}
	}
	if n == 7 && plural == "workbooks" && part == "views" && segs[6] == "previewImage" {
		return endpoint{http.MethodGet: h.viewPreviewImage}
	}
	if n == 6 && part == "connections" && plural != "views" {
		ep := endpoint{http.MethodPut: h.updateConnection(plural)}
		if plural == "datasources" {
			ep[http.MethodPatch] = h.updateHyperData
		}
		return ep
	}
	if part == "revisions" && (plural == "workbooks" || plural == "datasources") {
		switch {
		case n == 6:
			return endpoint{http.MethodDelete: h.removeRevision(plural)}
		case n == 7 && segs[6] == "content":
			return endpoint{http.MethodGet: h.download(plural)}
		}
	}
	return nil
}

// renderingRoutes answers .../{id}/{part} for the reads of a workbook,
// view or data source.
func (h *handler) renderingRoutes(plural, part string) endpoint {
	get := func(fn func(*call) (result, *apiError)) endpoint { return endpoint{http.MethodGet: fn} }
	switch plural + "/" + part {
	case "workbooks/views":
		return get(h.workbookViews)
	case "workbooks/connections", "datasources/connections", "flows/connections":
		return get(h.connections(plural))
	case "workbooks/revisions", "datasources/revisions":
		return get(h.revisions(plural))
	case "workbooks/content", "datasources/content", "flows/content":
		return get(h.download(plural))
	case "workbooks/previewImage", "views/image":
		return get(h.rendering(plural, pngFile))
	case "workbooks/pdf":
		return get(h.rendering(plural, pdfFile))
	case "views/pdf":
		return get(h.viewFile(400080, func(contentItem, *View) *fileBody { return pdfFile() }))
	case "views/data":
		return get(h.viewFile(400080, viewCSV))
	}
	return nil
}

// readItem begins a read of an item's part and finds the item; on
// success the caller must unlock.
func (c *call) readItem(plural string) (contentItem, *apiError) {
	return c.lockItem(plural, "read", true)
}

// lockItem begins an action on the item the URL names and finds it; on
// success the caller must unlock.
func (c *call) lockItem(plural, action string, content bool) (contentItem, *apiError) {
	siteID, id := c.segs[1], c.segs[3]
	if err := c.begin(siteID, contentKinds[plural].scope, action, content); err != nil {
		return contentItem{}, err
	}
	item, err := c.h.store.contentItem(plural, siteID, id)
	if err != nil {
		c.h.store.mu.Unlock()
	}
	return item, err
}

// lockItemBody reads the body of an update of the item the URL names,
// then begins it and finds the item; on success the caller must unlock.
func (c *call) lockItemBody(plural string) (contentItem, *reqNode, *apiError) {
	body, err := c.beginBody(c.segs[1], contentKinds[plural].scope, "update")
	if err != nil {
		return contentItem{}, nil, err
	}
	item, err := c.h.store.contentItem(plural, c.segs[1], c.segs[3])
	if err != nil {
		c.h.store.mu.Unlock()
	}
	return item, body, err
}

// readTags reads the labels of a <tags><tag label="..."/></tags> body;
// a missing or empty label is 400000, as Tableau does not store it.
func readTags(body *reqNode) ([]string, *apiError) {
	var labels []string
	for _, t := range body.child("tags").kidsNamed("tag") {
		label, _ := t.attr("label")
		if label == "" {
			return nil, errBadRequest("A tag label must not be empty.")
		}
		labels = append(labels, label)
	}
	if len(labels) == 0 {
		return nil, errMalformed()
	}
	return labels, nil
}

// addTags is Add Tags to Workbook (View, Data Source, Flow): PUT
// .../tags adds the labels the item lacks and answers with all its tags,
// as the reference's example response shows.
func (h *handler) addTags(plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		item, body, err := c.lockItemBody(plural)
		if err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		labels, err := readTags(body)
		if err != nil {
			return result{}, err
		}
		for _, l := range labels {
			if !slices.Contains(*item.tags, l) {
				*item.tags = append(*item.tags, l)
			}
		}
		return answer(http.StatusOK, tagsNode(*item.tags))
	}
}

// deleteTag is Delete Tag from Workbook (View, Data Source, Flow): 204,
// or 404007 for a tag the item does not carry.
func (h *handler) deleteTag(plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		item, err := c.lockItem(plural, "update", false)
		if err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		label := c.segs[5]
		i := slices.Index(*item.tags, label)
		if i < 0 {
			return result{}, errNotFound(codeTagNotFound, "Tag", label)
		}
		*item.tags = slices.Delete(*item.tags, i, i+1)
		return answer(http.StatusNoContent)
	}
}

// deleteContent is Delete Workbook, Delete Data Source and Delete Flow:
// administrators, the owner and the project's owner or leaders may
// (403004 for others); a workbook takes its views with it, and the
// item's permission rules go too. Favorites, tasks and subscriptions of
// it disappear from lists by themselves.
func (h *handler) deleteContent(plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		item, err := c.lockItem(plural, "delete", false)
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		siteID, id := c.segs[1], c.segs[3]
		k := contentKinds[plural]
		if !st.mayChangePermissions(c.user, siteID, item.owner, item.project) {
			return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can delete a " + k.label + ".")
		}
		d := st.data
		switch plural {
		case "workbooks":
			d.Workbooks = slices.DeleteFunc(d.Workbooks, func(w Workbook) bool { return w.ID == id && w.SiteID == siteID })
			d.Views = slices.DeleteFunc(d.Views, func(v View) bool { return v.WorkbookID == id && v.SiteID == siteID })
		case "datasources":
			d.Datasources = slices.DeleteFunc(d.Datasources, func(s Datasource) bool { return s.ID == id && s.SiteID == siteID })
		case "flows":
			d.Flows = slices.DeleteFunc(d.Flows, func(f Flow) bool { return f.ID == id && f.SiteID == siteID })
		}
		delete(st.perms, permKey(strings.TrimSuffix(plural, "s"), id))
		return answer(http.StatusNoContent)
	}
}

// workbookViews is Query Views for Workbook: every view of the workbook,
// unpaged, with id, name and content URL and, when
// includeUsageStatistics=true, usage, as Tableau's responses have them
// (workbook_populate_views.xml, workbook_populate_views_usage.xml).
func (h *handler) workbookViews(c *call) (result, *apiError) {
	if _, err := c.readItem("workbooks"); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	list := listEl("views")
	for i := range h.store.data.Views {
		if v := &h.store.data.Views[i]; v.WorkbookID == c.segs[3] && v.SiteID == c.segs[1] {
			n := el("view").set("id", v.ID).set("name", v.Name).set("contentUrl", v.ContentURL)
			if includeUsage(c) {
				n.add(el("usage").set("totalViewCount", strconv.Itoa(v.TotalViewCount)))
			}
			list.add(n)
		}
	}
	return answer(http.StatusOK, list)
}

// revisions is Get Workbook Revisions and Get Data Source Revisions: one
// revision, the current one, published by the owner when the item was
// last updated; paged like other lists.
func (h *handler) revisions(plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		item, err := c.readItem(plural)
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		lq, err := parseListQueryFor(c.r.URL.Query(), filterSpec{})
		if err != nil {
			return result{}, err
		}
		rev := el("revision").set("publishedAt", formatTime(st.updatedAt(plural, c.segs[3]))).set("revisionNumber", "1").
			set("deleted", "false").set("current", "true")
		publisher := el("publisher").set("id", item.owner)
		if u := st.user(item.owner); u != nil {
			publisher.set("name", u.Name)
		}
		rev.add(publisher)
		return lq.answerList(st, "revisions", []entry{{"1", func() *node { return rev }}})
	}
}

// errRevisionNotFound is the reference's 404024 (Download and Remove
// Workbook and Data Source Revision).
func errRevisionNotFound(n string) *apiError {
	return errNotFound(404024, "Revision", n)
}

// removeRevision is Remove Workbook Revision and Remove Data Source
// Revision. The one revision the mock keeps is the head, which the
// reference refuses to remove (403055: delete the item instead); any
// other number is 404024. Administrators, the owner and the project's
// owner or leaders may remove revisions (403004 for others).
func (h *handler) removeRevision(plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		item, err := c.lockItem(plural, "delete", false)
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		if !st.mayChangePermissions(c.user, c.segs[1], item.owner, item.project) {
			return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can remove its revisions.")
		}
		if c.segs[5] != "1" {
			return result{}, errRevisionNotFound(c.segs[5])
		}
		return result{}, &apiError{http.StatusForbidden, 403055, "Forbidden",
			"Revision 1 is the head revision of '" + item.name + "' and cannot be removed; delete the " + contentKinds[plural].label + " instead."}
	}
}

// updatedAt is when a workbook or data source last changed, for its
// revision. Must be called with the store locked.
func (st *store) updatedAt(plural, id string) time.Time {
	if plural == "workbooks" {
		for _, w := range st.data.Workbooks {
			if w.ID == id {
				return cmp.Or(w.UpdatedAt, w.CreatedAt)
			}
		}
	}
	for _, d := range st.data.Datasources {
		if d.ID == id {
			return cmp.Or(d.UpdatedAt, d.CreatedAt)
		}
	}
	return time.Time{}
}

// download is Download Workbook, Download Data Source and Download Flow,
// and Download Workbook (Data Source) Revision of the one revision there
// is:
// a minimal Tableau XML document of the kind, as an attachment named
// after the item (.twb, .tds, .tfl: the unpackaged forms).
func (h *handler) download(plural string) func(*call) (result, *apiError) {
	ext, root := map[string]string{"workbooks": "twb", "datasources": "tds", "flows": "tfl"}[plural],
		map[string]string{"workbooks": "workbook", "datasources": "datasource", "flows": "flow"}[plural]
	return func(c *call) (result, *apiError) {
		item, err := c.readItem(plural)
		if err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		if len(c.segs) == 7 && c.segs[5] != "1" {
			return result{}, errRevisionNotFound(c.segs[5])
		}
		data := []byte("<?xml version='1.0' encoding='utf-8' ?>\n<" + root + " source-build='colrun mock' version='18.1'/>\n")
		return result{status: http.StatusOK, file: &fileBody{
			contentType: "application/octet-stream",
			disposition: `attachment; filename="` + item.name + "." + ext + `"`,
			data:        data,
		}}, nil
	}
}

// rendering answers an image or PDF of a workbook or view.
func (h *handler) rendering(plural string, f func() *fileBody) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		if _, err := c.readItem(plural); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		return result{status: http.StatusOK, file: f()}, nil
	}
}

// viewPreviewImage is Query View Preview Image: the view must belong to
// the workbook in the URL (404011 otherwise).
func (h *handler) viewPreviewImage(c *call) (result, *apiError) {
	if _, err := c.readItem("workbooks"); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	viewID := c.segs[5]
	if !slices.ContainsFunc(h.store.data.Views, func(v View) bool { return v.ID == viewID && v.WorkbookID == c.segs[3] }) {
		return result{}, errNotFound(codeViewNotFound, "View", viewID)
	}
	return result{status: http.StatusOK, file: pngFile()}, nil
}

// viewFile answers Query View PDF and Query View Data, whose reference
// gives a view that is not on the site 400080 (Bad Request), not the
// 404011 of the other view methods, and Download View Crosstab Excel,
// whose reference gives 400130.
func (h *handler) viewFile(notOnSite int, f func(contentItem, *View) *fileBody) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		if err := c.begin(siteID, "views", "read", true); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		item, err := st.contentItem("views", siteID, id)
		if err != nil {
			return result{}, &apiError{http.StatusBadRequest, notOnSite, "Bad Request",
				"The view ID '" + id + "' does not correspond to a view available on the site."}
		}
		i := slices.IndexFunc(st.data.Views, func(v View) bool { return v.ID == id && v.SiteID == siteID })
		return result{status: http.StatusOK, file: f(item, &st.data.Views[i])}, nil
	}
}

// viewCSV is Query View Data's answer: CSV with a header row and one row
// naming the view and its total view count, the only number the mock has
// for it.
func viewCSV(item contentItem, v *View) *fileBody {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.WriteAll([][]string{{"View", "Total Views"}, {item.name, strconv.Itoa(v.TotalViewCount)}}) // a bytes.Buffer does not fail
	return &fileBody{contentType: "text/csv; charset=utf-8", data: b.Bytes()}
}
