package mockserver

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Data quality warnings (Metadata Methods of Tableau's reference): added
// to a data source or flow (Add Data Quality Warning, Batch Add (or
// Update) Data Quality Warnings), read by id or by content, updated and
// deleted one at a time, by content or in a batch. Administrators, the
// content's owner and its project's owner or leaders set them (403004
// for others); anyone signed in reads them. Databases and tables are
// Catalog assets the mock has none of (404003, see catalog.go).

type dqw struct {
	id, siteID, ownerID           string
	contentType, contentID        string // DATASOURCE or FLOW, as Tableau writes it
	message, kind, active, severe string
	createdAt, updatedAt          time.Time
}

// dqwTypes are the warning types of the reference.
var dqwTypes = []string{"DEPRECATED", "WARNING", "STALE", "SENSITIVE_DATA", "MAINTENANCE"}

// dqwRoutes answers dataQualityWarnings[/{id}|/createOrUpdate|/batchDelete]
// and dataQualityWarnings/{contentType}/{contentId}; segs start at
// "sites".
func (h *handler) dqwRoutes(segs []string) endpoint {
	switch len(segs) {
	case 4:
		switch segs[3] {
		case "createOrUpdate":
			return endpoint{http.MethodPost: h.batchDQW}
		case "batchDelete":
			return endpoint{http.MethodDelete: h.batchDeleteDQW}
		}
		return endpoint{http.MethodGet: h.withDQW("read", getDQW), http.MethodPut: h.updateDQW,
			http.MethodDelete: h.withDQW("delete", deleteDQW)}
	case 5:
		return endpoint{http.MethodGet: h.dqwsOfContent, http.MethodPost: h.addDQW, http.MethodDelete: h.deleteDQWsOfContent}
	}
	return nil
}

func dqwNode(st *store, w *dqw) *node {
	n := el("dataQualityWarning").set("id", w.id)
	if u := st.user(w.ownerID); u != nil {
		n.set("userDisplayName", displayName(u))
	}
	return n.set("contentId", w.contentID).set("contentType", w.contentType).set("message", w.message).
		set("type", w.kind).set("isActive", w.active).set("createdAt", formatTime(w.createdAt)).
		set("updatedAt", formatTime(w.updatedAt)).set("isSevere", w.severe).
		add(el("site").set("id", w.siteID), ownerNode(w.ownerID))
}

// displayName is how Tableau names a user in userDisplayName: the full
// name, or the user name when there is none.
func displayName(u *User) string {
	if u.FullName != "" {
		return u.FullName
	}
	return u.Name
}

// dqwContent finds the content of a warning by the URL's or body's
// content type and id. Must be called with the store locked.
func (st *store) dqwContent(siteID, kind, id string) (contentItem, string, *apiError) {
	switch k := strings.ToLower(kind); k {
	case "datasource", "flow":
		item, err := st.contentItem(k+"s", siteID, id)
		return item, strings.ToUpper(k), err
	case "database", "table":
		return contentItem{}, "", errNotFound(404003, catalogLabels[k+"s"], id)
	}
	return contentItem{}, "", errBadRequest("The mock sets data quality warnings on data sources and flows, not '" + kind + "'.")
}

// readDQW applies a <dataQualityWarning type message isActive isSevere/>
// body to a warning.
func readDQW(w *dqw, body *reqNode) *apiError {
	b := body.child("dataQualityWarning")
	if b == nil {
		return errMalformed()
	}
	for name, dst := range map[string]*string{"type": &w.kind, "message": &w.message, "isActive": &w.active, "isSevere": &w.severe} {
		if v, ok := b.attr(name); ok {
			*dst = v
		}
	}
	w.kind = strings.ToUpper(w.kind)
	if !slices.Contains(dqwTypes, w.kind) {
		return errBadRequest("The data quality warning type must be one of " + strings.Join(dqwTypes, ", ") + ", not '" + w.kind + "'.")
	}
	for _, flag := range []string{w.active, w.severe} {
		if flag != "true" && flag != "false" {
			return errBadRequest("isActive and isSevere must be true or false, not '" + flag + "'.")
		}
	}
	return nil
}

// setDQW adds a warning to one piece of content, checking who may. Must
// be called with the store locked.
func (c *call) setDQW(kind, id string, body *reqNode) (*dqw, *apiError) {
	st := c.h.store
	item, contentType, err := st.dqwContent(c.segs[1], kind, id)
	if err != nil {
		return nil, err
	}
	if !st.mayChangePermissions(c.user, c.segs[1], item.owner, item.project) {
		return nil, errForbidden("Only administrators, the owner and the project's owner or leaders can set its data quality warnings.")
	}
	now := c.now.UTC().Truncate(time.Second)
	w := &dqw{id: uuid.NewString(), siteID: c.segs[1], ownerID: c.user.ID, contentType: contentType, contentID: id,
		kind: "WARNING", active: "true", severe: "false", createdAt: now, updatedAt: now}
	if err := readDQW(w, body); err != nil {
		return nil, err
	}
	return w, nil
}

// liveDQWs drops the warnings of deleted content and returns the site's.
// Must be called with the store locked.
func (st *store) liveDQWs(siteID string) []*dqw {
	st.dqws = slices.DeleteFunc(st.dqws, func(w *dqw) bool {
		_, err := st.contentItem(strings.ToLower(w.contentType)+"s", w.siteID, w.contentID)
		return err != nil
	})
	var out []*dqw
	for _, w := range st.dqws {
		if w.siteID == siteID {
			out = append(out, w)
		}
	}
	return out
}

func (h *handler) addDQW(c *call) (result, *apiError) {
	body, err := c.beginBody(c.segs[1], "content", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	w, err := c.setDQW(c.segs[3], c.segs[4], body)
	if err != nil {
		return result{}, err
	}
	st.dqws = append(st.dqws, w)
	return answer(http.StatusOK, dqwNode(st, w))
}

// batchDQW is Batch Add (or Update) Data Quality Warnings: the warning
// goes on every item of <contentList>, all or nothing, replacing a
// warning of the same type an item has.
func (h *handler) batchDQW(c *call) (result, *apiError) {
	body, err := c.beginBody(c.segs[1], "content", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	contents := body.child("contentList").kidsNamed("content")
	if len(contents) == 0 {
		return result{}, errMalformed()
	}
	var made []*dqw
	for _, ct := range contents {
		kind, _ := ct.attr("contentType")
		id, _ := ct.attr("id")
		w, err := c.setDQW(kind, id, body)
		if err != nil {
			return result{}, err
		}
		made = append(made, w)
	}
	list := listEl("dataQualityWarningList")
	for _, w := range made {
		st.dqws = slices.DeleteFunc(st.dqws, func(o *dqw) bool { return o.contentID == w.contentID && o.kind == w.kind })
		st.dqws = append(st.dqws, w)
		list.add(dqwNode(st, w))
	}
	return answer(http.StatusOK, list)
}

func (h *handler) dqwsOfContent(c *call) (result, *apiError) {
	if err := c.begin(c.segs[1], "content", "read", true); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if _, _, err := st.dqwContent(c.segs[1], c.segs[3], c.segs[4]); err != nil {
		return result{}, err
	}
	list := listEl("dataQualityWarningList")
	for _, w := range st.liveDQWs(c.segs[1]) {
		if w.contentID == c.segs[4] {
			list.add(dqwNode(st, w))
		}
	}
	return answer(http.StatusOK, list)
}

// dropDQWs removes the warnings of the listed content, checking each
// item and who may first. Must be called with the store locked.
func (c *call) dropDQWs(items [][2]string) *apiError {
	st := c.h.store
	for _, it := range items {
		item, _, err := st.dqwContent(c.segs[1], it[0], it[1])
		if err != nil {
			return err
		}
		if !st.mayChangePermissions(c.user, c.segs[1], item.owner, item.project) {
			return errForbidden("Only administrators, the owner and the project's owner or leaders can delete its data quality warnings.")
		}
	}
	for _, it := range items {
		st.dqws = slices.DeleteFunc(st.dqws, func(w *dqw) bool { return w.contentID == it[1] })
	}
	return nil
}

func (h *handler) deleteDQWsOfContent(c *call) (result, *apiError) {
	if err := c.begin(c.segs[1], "content", "delete", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	if err := c.dropDQWs([][2]string{{c.segs[3], c.segs[4]}}); err != nil {
		return result{}, err
	}
	return answer(http.StatusNoContent)
}

func (h *handler) batchDeleteDQW(c *call) (result, *apiError) {
	body, err := c.beginBody(c.segs[1], "content", "delete")
	if err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	var items [][2]string
	for _, ct := range body.child("contentList").kidsNamed("content") {
		kind, _ := ct.attr("contentType")
		id, _ := ct.attr("id")
		items = append(items, [2]string{kind, id})
	}
	if len(items) == 0 {
		return result{}, errMalformed()
	}
	if err := c.dropDQWs(items); err != nil {
		return result{}, err
	}
	return answer(http.StatusNoContent)
}

// withDQW runs fn on the warning the URL names, with the store locked.
// The reference gives no code for an unknown warning; 404003 is
// Tableau's for an unknown id of its Catalog assets, which warnings
// belong to.
func (h *handler) withDQW(action string, fn func(c *call, w *dqw) (result, *apiError)) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		if err := c.begin(c.segs[1], "content", action, action == "read"); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		w, err := c.findDQW()
		if err != nil {
			return result{}, err
		}
		return fn(c, w)
	}
}

func (c *call) findDQW() (*dqw, *apiError) {
	for _, w := range c.h.store.liveDQWs(c.segs[1]) {
		if w.id == c.segs[3] {
			return w, nil
		}
	}
	return nil, errNotFound(404003, "Data quality warning", c.segs[3])
}

func getDQW(c *call, w *dqw) (result, *apiError) {
	return answer(http.StatusOK, dqwNode(c.h.store, w))
}

// mayChangeDQW reports whether the caller may change a warning: as for
// setting one on its content. Must be called with the store locked.
func (c *call) mayChangeDQW(w *dqw) bool {
	item, _, err := c.h.store.dqwContent(c.segs[1], w.contentType, w.contentID)
	return err == nil && c.h.store.mayChangePermissions(c.user, c.segs[1], item.owner, item.project)
}

func deleteDQW(c *call, w *dqw) (result, *apiError) {
	if !c.mayChangeDQW(w) {
		return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can delete its data quality warnings.")
	}
	c.h.store.dqws = slices.DeleteFunc(c.h.store.dqws, func(o *dqw) bool { return o == w })
	return answer(http.StatusNoContent)
}

func (h *handler) updateDQW(c *call) (result, *apiError) {
	body, err := c.beginBody(c.segs[1], "content", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	w, err := c.findDQW()
	if err != nil {
		return result{}, err
	}
	if !c.mayChangeDQW(w) {
		return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can update its data quality warnings.")
	}
	updated := *w
	if err := readDQW(&updated, body); err != nil {
		return result{}, err
	}
	updated.updatedAt = c.now.UTC().Truncate(time.Second)
	*w = updated
	return answer(http.StatusOK, dqwNode(st, w))
}
