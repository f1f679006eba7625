package mockserver

import "net/http"

// flowKind serves Query Flows for Site and Query Flow like the other
// content lists: paged, filtered and sorted. Unlike them, flows are not
// read with tableau:content:read but with tableau:flows:read, the scope
// Tableau's own MCP server (tableau/tableau-mcp, flowsMethods) asks for.
var flowKind = &resourceKind{"flows", "flows", false, "Flow", codeFlowNotFound, listFlows, getFlow}

// flowRoutes answers Query Flows for Site, Publish Flow and Query Flow;
// segs start at "sites".
// flows/runs is left to the 501 of the endpoints the mock lacks rather
// than read as a flow id.
func (h *handler) flowRoutes(segs []string) endpoint {
	switch n := len(segs); {
	case n == 3 && segs[2] == "flows":
		return endpoint{http.MethodGet: h.listResource(flowKind), http.MethodPost: h.publish("flows")}
	case n == 4 && segs[2] == "flows" && segs[3] != "runs":
		return endpoint{http.MethodGet: h.getResource(flowKind)}
	}
	return nil
}

func listFlows(c *call, siteID string) []entry {
	var items []entry
	for i := range c.h.store.data.Flows {
		f := &c.h.store.data.Flows[i]
		if f.SiteID == siteID {
			items = append(items, entry{f.Name, func() *node { return flowNode(c, f, i) }})
		}
	}
	return items
}

func getFlow(c *call, siteID, id string) *node {
	for i := range c.h.store.data.Flows {
		if f := &c.h.store.data.Flows[i]; f.ID == id && f.SiteID == siteID {
			return flowNode(c, f, i)
		}
	}
	return nil
}

// flowNode has the attributes and children, in order, of Tableau's Query
// Flows responses.
func flowNode(c *call, f *Flow, index int) *node {
	fileType := f.FileType
	if fileType == "" {
		fileType = "tflx"
	}
	n := el("flow").set("id", f.ID).set("name", f.Name).set("description", f.Description).
		set("webpageUrl", c.webpageURL(f.SiteID, "flows", index+1)).set("fileType", fileType).
		setIf("createdAt", formatTime(f.CreatedAt)).setIf("updatedAt", formatTime(f.UpdatedAt))
	return n.add(projectRef(c.h.store, f.SiteID, f.ProjectID), ownerNode(f.OwnerID), tagsNode(f.Tags))
}
