package mockserver

import (
	"net/http"
	"slices"
	"strings"
)

// Batch Add Tags and Batch Delete Tags (Tags Methods of Tableau's
// reference): <tagBatch><tags><tag label/>...</tags><contents><content
// id contentType/>...</contents></tagBatch> adds the labels to, or
// removes them from, every item listed, and answers with the batch. The
// mock tags workbooks, views, data sources and flows; a content element
// without contentType is looked up among them by id. A batch that names
// something the site lacks changes nothing and gets that item's 404.

// tagBatchRoutes answers tags:batchCreate (PUT) and tags:batchDelete
// (PUT, as the reference has it, or DELETE tags:BatchDelete, as the
// official Postman collection sends it); segs start at "sites".
func (h *handler) tagBatchRoutes(segs []string) endpoint {
	if len(segs) != 3 {
		return nil
	}
	switch segs[2] {
	case "tags:batchCreate":
		return endpoint{http.MethodPut: h.tagBatch(true)}
	case "tags:batchDelete", "tags:BatchDelete":
		return endpoint{http.MethodPut: h.tagBatch(false), http.MethodDelete: h.tagBatch(false)}
	}
	return nil
}

// batchItem finds the item of a content element. Must be called with the
// store locked.
func (st *store) batchItem(siteID string, content *reqNode) (contentItem, *apiError) {
	id, _ := content.attr("id")
	if kind, ok := content.attr("contentType"); ok {
		plural := strings.ToLower(kind) + "s"
		if _, known := contentKinds[plural]; !known {
			return contentItem{}, errBadRequest("The mock tags workbooks, views, data sources and flows, not '" + kind + "'.")
		}
		return st.contentItem(plural, siteID, id)
	}
	for _, plural := range []string{"workbooks", "views", "datasources", "flows"} {
		if item, err := st.contentItem(plural, siteID, id); err == nil {
			return item, nil
		}
	}
	return contentItem{}, errNotFound(404003, "Content", id)
}

func (h *handler) tagBatch(add bool) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID := c.segs[1]
		body, err := c.beginBody(siteID, "tags", "update")
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		batch := body.child("tagBatch")
		labels, err := readTags(batch)
		if err != nil {
			return result{}, err
		}
		contents := batch.child("contents").kidsNamed("content")
		if len(contents) == 0 {
			return result{}, errMalformed()
		}
		var items []contentItem
		answerContents := listEl("contents")
		for _, ct := range contents {
			item, err := st.batchItem(siteID, ct)
			if err != nil {
				return result{}, err
			}
			items = append(items, item)
			id, _ := ct.attr("id")
			n := el("content").set("id", id)
			if kind, ok := ct.attr("contentType"); ok {
				n.set("contentType", kind)
			}
			answerContents.add(n)
		}
		for _, item := range items {
			for _, l := range labels {
				has := slices.Contains(*item.tags, l)
				switch {
				case add && !has:
					*item.tags = append(*item.tags, l)
				case !add && has:
					*item.tags = slices.DeleteFunc(*item.tags, func(t string) bool { return t == l })
				}
			}
		}
		return answer(http.StatusOK, el("tagBatch").add(tagsNode(labels), answerContents))
	}
}
