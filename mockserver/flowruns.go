package mockserver

import (
	"net/http"
	"strconv"
)

// Flow runs (Flow Methods of Tableau's reference): Run Flow Now starts a
// run, which is a job Query Job sees (type RunFlow) and a flow run that
// Get Flow Runs and Get Flow Run list, until Cancel Flow Run ends it. A
// run takes as long as a mock job and always succeeds.

// flowRunRoutes answers flows/runs[/{id}[/cancel]] and flows/{id}/run;
// segs start at "sites".
func (h *handler) flowRunRoutes(segs []string) endpoint {
	n := len(segs)
	if segs[3] == "runs" {
		switch {
		case n == 4:
			return endpoint{http.MethodGet: h.listFlowRuns}
		case n == 5:
			return endpoint{http.MethodGet: h.withFlowRun("read", getFlowRun), http.MethodPut: h.withFlowRun("update", cancelJob)}
		case n == 6 && segs[5] == "cancel":
			return endpoint{http.MethodPut: h.withFlowRun("update", cancelJob)}
		}
		return nil
	}
	if n == 5 && segs[4] == "run" {
		return endpoint{http.MethodPost: h.runFlow}
	}
	return nil
}

// flowRunNode is a flow run as Get Flow Run shows it
// (flow_runs_get_by_id.xml), its state that of its job.
func flowRunNode(j *job, c *call) *node {
	status, finish, ended := j.state(c.now)
	progress := "0"
	if finish != "" {
		progress = "100"
	}
	return el("flowRun").set("id", j.flowRunID).set("flowId", j.targetID).set("status", status).
		set("startedAt", formatTime(j.createdAt)).setIf("completedAt", formatTime(ended)).
		set("progress", progress).set("backgroundJobId", j.id)
}

// errFlowRunNotFound answers an unknown flow run. The reference gives no
// code for it; 404003 is what Tableau answers for an unknown id of its
// newer site assets, as for webhooks.
func errFlowRunNotFound(id string) *apiError {
	return errNotFound(404003, "Flow run", id)
}

func (h *handler) listFlowRuns(c *call) (result, *apiError) {
	lq, err := c.beginList("flows")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	siteID := c.segs[1]
	var items []entry
	for i, j := range st.jobs {
		if j.siteID == siteID && j.target == "flow" && c.visibleJob(j) {
			items = append(items, entry{strconv.Itoa(i), func() *node { return flowRunNode(j, c) }})
		}
	}
	return lq.answerList(st, "flowRuns", items)
}

// beginList begins a read of one of the site's paged lists that
// Tableau documents no filter or sort fields for, and reads the paging
// parameters; on success the caller must unlock.
func (c *call) beginList(resource string) (listQuery, *apiError) {
	if err := c.begin(c.segs[1], resource, "read", false); err != nil {
		return listQuery{}, err
	}
	lq, err := parseListQueryFor(c.r.URL.Query(), filterSpec{})
	if err != nil {
		c.h.store.mu.Unlock()
	}
	return lq, err
}

// withFlowRun runs fn on the flow run the URL names, with the store
// locked: its job, which the caller must see (as Query Job requires).
func (h *handler) withFlowRun(action string, fn func(c *call, j *job) (result, *apiError)) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		if err := c.begin(c.segs[1], "flows", action, false); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		for _, j := range h.store.jobs {
			if j.siteID == c.segs[1] && j.target == "flow" && j.flowRunID == c.segs[4] && c.visibleJob(j) {
				return fn(c, j)
			}
		}
		return result{}, errFlowRunNotFound(c.segs[4])
	}
}

func getFlowRun(c *call, j *job) (result, *apiError) {
	return answer(http.StatusOK, flowRunNode(j, c))
}

// runFlow is Run Flow Now: administrators, the flow's owner and its
// project's owner or leaders may (403004 for others).
func (h *handler) runFlow(c *call) (result, *apiError) {
	item, err := c.lockItem("flows", "run", false)
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if !st.mayChangePermissions(c.user, c.segs[1], item.owner, item.project) {
		return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can run the flow.")
	}
	return answer(http.StatusOK, startedJobNode(c.startJob("flow", c.segs[3])))
}
