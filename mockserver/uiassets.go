package mockserver

import "net/http"

// Data-driven alerts and custom views are made in Tableau's web UI; the
// REST API lists, reads, updates and deletes them but cannot create one.
// The mock has none, so their lists are empty (paged as Tableau pages
// them) and every id is unknown: 409023, with status 404, for an alert,
// as the reference's Data-Driven Alert methods give it, and 404003 for a
// custom view, whose reference gives no code (Tableau answers 404003 for
// an unknown id of its newer site assets, as for webhooks). The id is
// checked after the session and before the body, as Tableau checks it.

// uiAssetRoutes answers dataAlerts[/{id}[/users[/{user}]]] and
// customviews[/{id}[/image]]; segs start at "sites".
func (h *handler) uiAssetRoutes(segs []string) endpoint {
	n := len(segs)
	alert := func(action string) func(*call) (result, *apiError) {
		return h.unknownAsset("dataalerts", action, 409023, "Data-driven alert")
	}
	view := func(action string) func(*call) (result, *apiError) {
		return h.unknownAsset("customviews", action, 404003, "Custom view")
	}
	switch {
	case segs[2] == "dataAlerts" && n == 3:
		return endpoint{http.MethodGet: h.emptyList("dataalerts", "dataAlerts")}
	case segs[2] == "dataAlerts" && n == 4:
		return endpoint{http.MethodGet: alert("read"), http.MethodPut: alert("update"), http.MethodDelete: alert("delete")}
	case segs[2] == "dataAlerts" && n == 5 && segs[4] == "users":
		return endpoint{http.MethodPost: alert("update")}
	case segs[2] == "dataAlerts" && n == 6 && segs[4] == "users":
		return endpoint{http.MethodDelete: alert("update")}
	case segs[2] == "customviews" && n == 3:
		return endpoint{http.MethodGet: h.emptyList("customviews", "customViews")}
	case segs[2] == "customviews" && n == 4:
		return endpoint{http.MethodGet: view("read"), http.MethodPut: view("update"), http.MethodDelete: view("delete")}
	case segs[2] == "customviews" && n == 5 && segs[4] == "image":
		return endpoint{http.MethodGet: view("read")}
	}
	return nil
}

// emptyList answers a list the mock has nothing in.
func (h *handler) emptyList(resource, plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		lq, err := c.beginList(resource)
		if err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		return lq.answerList(h.store, plural, nil)
	}
}

// unknownAsset answers any id of a kind the mock has none of with the
// kind's not-found error.
func (h *handler) unknownAsset(resource, action string, code int, label string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		if err := c.begin(c.segs[1], resource, action, false); err != nil {
			return result{}, err
		}
		h.store.mu.Unlock()
		return result{}, errNotFound(code, label, c.segs[3])
	}
}
