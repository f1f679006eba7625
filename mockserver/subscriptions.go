package mockserver

import (
	"net/http"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Subscriptions (Subscriptions Methods of Tableau's reference): a user
// gets a workbook or view by email on a Subscription schedule. Created,
// listed (paged), read, updated and deleted; administrators see and
// change every subscription of the site, others only their own, and only
// administrators subscribe another user (403004). Nothing is sent.

type subscription struct {
	id, siteID, subject, message string
	userID, scheduleID           string
	contentType, contentID       string // Workbook or View, and its id
	attachImage, attachPdf       string
	suspended                    string
}

// codeSubscriptionNotFound is the reference's 404025 Subscription not
// found (Query Subscription, Update Subscription, Delete Subscription).
const codeSubscriptionNotFound = 404025

// subscriptionRoutes answers .../subscriptions[/{id}]; segs start at
// "sites".
func (h *handler) subscriptionRoutes(segs []string) endpoint {
	switch len(segs) {
	case 3:
		return endpoint{http.MethodGet: h.listSubscriptions, http.MethodPost: h.createSubscription}
	case 4:
		return endpoint{http.MethodGet: h.withSubscription("read", getSubscription), http.MethodPut: h.updateSubscription,
			http.MethodDelete: h.withSubscription("delete", deleteSubscription)}
	}
	return nil
}

func (st *store) subscriptionNode(s *subscription) *node {
	n := el("subscription").set("id", s.id).set("subject", s.subject).set("message", s.message).
		set("attachImage", s.attachImage).set("attachPdf", s.attachPdf).set("suspended", s.suspended)
	n.add(el("content").set("id", s.contentID).set("type", s.contentType).set("sendIfViewEmpty", "true"))
	sched := el("schedule").set("id", s.scheduleID)
	if sc := st.schedule(s.scheduleID); sc != nil {
		sched.set("name", sc.Name)
	}
	user := el("user").set("id", s.userID)
	if u := st.user(s.userID); u != nil {
		user.set("name", u.Name)
	}
	return n.add(sched, user)
}

// visibleSubscriptions are the site's subscriptions the caller sees, of
// content that still exists. Must be called with the store locked.
func (c *call) visibleSubscriptions(siteID string) []*subscription {
	st := c.h.store
	st.subscriptions = slices.DeleteFunc(st.subscriptions, func(s *subscription) bool {
		_, err := st.contentItem(strings.ToLower(s.contentType)+"s", s.siteID, s.contentID)
		return err != nil
	})
	var out []*subscription
	for _, s := range st.subscriptions {
		if s.siteID == siteID && (c.user.siteAdmin() || s.userID == c.user.ID) {
			out = append(out, s)
		}
	}
	return out
}

func (c *call) findSubscription(siteID, id string) (*subscription, *apiError) {
	for _, s := range c.visibleSubscriptions(siteID) {
		if s.id == id {
			return s, nil
		}
	}
	return nil, errNotFound(codeSubscriptionNotFound, "Subscription", id)
}

func (h *handler) listSubscriptions(c *call) (result, *apiError) {
	lq, err := c.beginList("subscriptions")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	siteID := c.segs[1]
	var items []entry
	for _, s := range c.visibleSubscriptions(siteID) {
		items = append(items, entry{s.subject, func() *node { return st.subscriptionNode(s) }})
	}
	return lq.answerList(st, "subscriptions", items)
}

// withSubscription begins a method on the subscription the URL names,
// which the caller must see, and finds it; fn runs with the store locked.
func (h *handler) withSubscription(action string, fn func(c *call, s *subscription) (result, *apiError)) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		if err := c.begin(c.segs[1], "subscriptions", action, false); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		s, err := c.findSubscription(c.segs[1], c.segs[3])
		if err != nil {
			return result{}, err
		}
		return fn(c, s)
	}
}

func getSubscription(c *call, s *subscription) (result, *apiError) {
	return answer(http.StatusOK, c.h.store.subscriptionNode(s))
}

func deleteSubscription(c *call, s *subscription) (result, *apiError) {
	st := c.h.store
	st.subscriptions = slices.DeleteFunc(st.subscriptions, func(o *subscription) bool { return o == s })
	return answer(http.StatusNoContent)
}

// applySubscription sets what a create or update body names, checking
// each reference. Must be called with the store locked.
func (c *call) applySubscription(s *subscription, body *reqNode) *apiError {
	st := c.h.store
	sub := body.child("subscription")
	if sub == nil {
		return errMalformed()
	}
	for name, dst := range map[string]*string{"subject": &s.subject, "message": &s.message,
		"attachImage": &s.attachImage, "attachPdf": &s.attachPdf, "suspended": &s.suspended} {
		if v, ok := sub.attr(name); ok {
			*dst = v
		}
	}
	for _, flag := range []string{s.attachImage, s.attachPdf, s.suspended} {
		if flag != "true" && flag != "false" {
			return errBadRequest("attachImage, attachPdf and suspended must be true or false, not '" + flag + "'.")
		}
	}
	if strings.TrimSpace(s.subject) == "" {
		return errBadRequest("The subscription subject must not be empty.")
	}
	if content := sub.child("content"); content != nil {
		s.contentID, _ = content.attr("id")
		s.contentType, _ = content.attr("type")
		plural := map[string]string{"Workbook": "workbooks", "View": "views"}[s.contentType]
		if plural == "" {
			return errBadRequest("The subscription content type must be Workbook or View.")
		}
		if _, err := st.contentItem(plural, s.siteID, s.contentID); err != nil {
			return err
		}
	}
	if sched := sub.child("schedule"); sched != nil {
		s.scheduleID, _ = sched.attr("id")
		sc := st.schedule(s.scheduleID)
		if sc == nil {
			return errNotFound(codeScheduleNotFound, "Schedule", s.scheduleID)
		}
		if sc.Type != "Subscription" {
			return errBadRequest("Schedule '" + s.scheduleID + "' is a " + sc.Type + " schedule; subscriptions need a Subscription schedule.")
		}
	}
	if user := sub.child("user"); user != nil {
		s.userID, _ = user.attr("id")
		if _, err := st.siteUser(s.siteID, s.userID); err != nil {
			return err
		}
	}
	if s.contentID == "" || s.scheduleID == "" || s.userID == "" {
		return errMalformed()
	}
	if s.userID != c.user.ID && !c.user.siteAdmin() {
		return errForbidden("Only administrators can subscribe another user.")
	}
	return nil
}

func (h *handler) createSubscription(c *call) (result, *apiError) {
	siteID := c.segs[1]
	body, err := c.beginBody(siteID, "subscriptions", "create")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	s := &subscription{id: uuid.NewString(), siteID: siteID, attachImage: "true", attachPdf: "false", suspended: "false"}
	if err := c.applySubscription(s, body); err != nil {
		return result{}, err
	}
	st.subscriptions = append(st.subscriptions, s)
	return answer(http.StatusCreated, st.subscriptionNode(s))
}

func (h *handler) updateSubscription(c *call) (result, *apiError) {
	body, err := c.beginBody(c.segs[1], "subscriptions", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	s, err := c.findSubscription(c.segs[1], c.segs[3])
	if err != nil {
		return result{}, err
	}
	updated := *s
	if err := c.applySubscription(&updated, body); err != nil {
		return result{}, err
	}
	*s = updated
	return answer(http.StatusOK, st.subscriptionNode(s))
}
