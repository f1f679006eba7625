package mockserver

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Webhooks (Notifications Methods of Tableau's reference): created,
// listed, read, updated and deleted, by site administrators only (403004
// for others, as Tableau's webhook guide requires a site administrator).
// The mock never calls a webhook: no event fires, and Test Webhook is not
// implemented, since it would send a request wherever the URL points.

type webhook struct {
	id, siteID, name, ownerID string
	// event is the source element's name (webhook-source-event-
	// workbook-created); a request may give it as the API name
	// (WorkbookCreated) in the event attribute instead.
	event   string
	url     string
	enabled string
}

// webhookEvents maps the API event names of Tableau's webhook guide
// (Events and Payloads) to their webhook-source element names.
var webhookEvents = map[string]string{
	"AdminPromoted": "webhook-event-user-promoted-admin", "AdminDemoted": "webhook-event-user-demoted-admin",
	"DatasourceUpdated": "webhook-source-event-datasource-updated", "DatasourceCreated": "webhook-source-event-datasource-created",
	"DatasourceDeleted": "webhook-source-event-datasource-deleted", "DatasourceRefreshStarted": "webhook-source-event-datasource-refresh-started",
	"DatasourceRefreshSucceeded": "webhook-source-event-datasource-refresh-succeeded", "DatasourceRefreshFailed": "webhook-source-event-datasource-refresh-failed",
	"LabelCreated": "webhook-source-event-label-created", "LabelUpdated": "webhook-source-event-label-updated",
	"LabelDeleted": "webhook-source-event-label-LabelDeleted", "SiteCreated": "webhook-source-event-site-created",
	"SiteUpdated": "webhook-source-event-site-updated", "SiteDeleted": "webhook-source-event-site-deleted",
	"UserDeleted": "webhook-source-event-user-deleted", "ViewDeleted": "webhook-source-event-view-deleted",
	"WorkbookUpdated": "webhook-source-event-workbook-updated", "WorkbookCreated": "webhook-source-event-workbook-created",
	"WorkbookDeleted": "webhook-source-event-workbook-deleted", "WorkbookRefreshStarted": "webhook-source-event-workbook-refresh-started",
	"WorkbookRefreshSucceeded": "webhook-source-event-workbook-refresh-succeeded", "WorkbookRefreshFailed": "webhook-source-event-workbook-refresh-failed",
}

// webhookRoutes answers .../webhooks[/{id}]; segs start at "sites".
func (h *handler) webhookRoutes(segs []string) endpoint {
	switch len(segs) {
	case 3:
		return endpoint{http.MethodGet: h.withWebhooks("read", listWebhooks), http.MethodPost: h.createWebhook}
	case 4:
		return endpoint{http.MethodGet: h.withWebhooks("read", getWebhook), http.MethodPut: h.updateWebhook,
			http.MethodDelete: h.withWebhooks("delete", deleteWebhook)}
	}
	return nil
}

func (st *store) webhookNode(w *webhook) *node {
	owner := ownerNode(w.ownerID)
	if u := st.user(w.ownerID); u != nil {
		owner.set("name", u.Name)
	}
	return el("webhook").set("id", w.id).set("name", w.name).set("isEnabled", w.enabled).add(
		el("webhook-source").add(el(w.event)),
		el("webhook-destination").add(el("webhook-destination-http").set("method", "POST").set("url", w.url)),
		owner)
}

// errWebhookNotFound answers an unknown webhook id. The reference gives
// no code for it; 404003 is what Tableau answers for an unknown id of its
// newer site assets (Query Database: "The database ID in the URI doesn't
// correspond to a database asset on the site").
func errWebhookNotFound(id string) *apiError {
	return errNotFound(404003, "Webhook", id)
}

// withWebhooks begins a webhook method that reads no body: an
// administrator's session on the site.
func (h *handler) withWebhooks(action string, fn func(c *call) (result, *apiError)) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		if err := c.begin(c.segs[1], "webhooks", action, false); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		if err := c.requireAdmin("manage webhooks"); err != nil {
			return result{}, err
		}
		return fn(c)
	}
}

func (c *call) findWebhook() (*webhook, *apiError) {
	for _, w := range c.h.store.webhooks {
		if w.id == c.segs[3] && w.siteID == c.segs[1] {
			return w, nil
		}
	}
	return nil, errWebhookNotFound(c.segs[3])
}

func listWebhooks(c *call) (result, *apiError) {
	list := listEl("webhooks")
	for _, w := range c.h.store.webhooks {
		if w.siteID == c.segs[1] {
			list.add(c.h.store.webhookNode(w))
		}
	}
	return answer(http.StatusOK, list)
}

func getWebhook(c *call) (result, *apiError) {
	w, err := c.findWebhook()
	if err != nil {
		return result{}, err
	}
	return answer(http.StatusOK, c.h.store.webhookNode(w))
}

func deleteWebhook(c *call) (result, *apiError) {
	w, err := c.findWebhook()
	if err != nil {
		return result{}, err
	}
	c.h.store.webhooks = slices.DeleteFunc(c.h.store.webhooks, func(o *webhook) bool { return o == w })
	return answer(http.StatusNoContent)
}

// applyWebhook sets what a create or update body names: the name, the
// event (a webhook-source child or the event attribute), the destination
// URL, which must be https as Tableau requires, and isEnabled.
func applyWebhook(w *webhook, body *reqNode) *apiError {
	wh := body.child("webhook")
	if wh == nil {
		return errMalformed()
	}
	if v, ok := wh.attr("name"); ok {
		w.name = v
	}
	if v, ok := wh.attr("isEnabled"); ok {
		if v != "true" && v != "false" {
			return errBadRequest("isEnabled must be true or false.")
		}
		w.enabled = v
	}
	if v, ok := wh.attr("event"); ok {
		if webhookEvents[v] == "" {
			return errBadRequest("Unknown webhook event '" + v + "'.")
		}
		w.event = webhookEvents[v]
	}
	if src := wh.child("webhook-source"); src != nil {
		if len(src.kids) != 1 || !slices.Contains(slices.Collect(maps.Values(webhookEvents)), src.kids[0].name) {
			return errBadRequest("webhook-source must name one known event, such as webhook-source-event-workbook-created.")
		}
		w.event = src.kids[0].name
	}
	if dest := wh.child("webhook-destination").child("webhook-destination-http"); dest != nil {
		if m, ok := dest.attr("method"); ok && m != "POST" {
			return errBadRequest("A webhook destination's method must be POST.")
		}
		w.url, _ = dest.attr("url")
	}
	if strings.TrimSpace(w.name) == "" || w.event == "" || w.url == "" {
		return errMalformed()
	}
	if u, err := url.Parse(w.url); err != nil || u.Scheme != "https" || u.Host == "" {
		return errBadRequest("The webhook destination URL '" + w.url + "' must be an absolute https URL.")
	}
	return nil
}

// beginWebhookBody reads a webhook body for an administrator; on
// success the caller must unlock.
func (c *call) beginWebhookBody(action string) (*reqNode, *apiError) {
	body, err := c.beginBody(c.segs[1], "webhooks", action)
	if err != nil {
		return nil, err
	}
	if err := c.requireAdmin("manage webhooks"); err != nil {
		c.h.store.mu.Unlock()
		return nil, err
	}
	return body, nil
}

func (h *handler) createWebhook(c *call) (result, *apiError) {
	body, err := c.beginWebhookBody("create")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	w := &webhook{id: uuid.NewString(), siteID: c.segs[1], ownerID: c.user.ID, enabled: "true"}
	if err := applyWebhook(w, body); err != nil {
		return result{}, err
	}
	st.webhooks = append(st.webhooks, w)
	return answer(http.StatusCreated, st.webhookNode(w))
}

func (h *handler) updateWebhook(c *call) (result, *apiError) {
	body, err := c.beginWebhookBody("update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	w, err := c.findWebhook()
	if err != nil {
		return result{}, err
	}
	updated := *w
	if err := applyWebhook(&updated, body); err != nil {
		return result{}, err
	}
	*w = updated
	return answer(http.StatusOK, st.webhookNode(w))
}
