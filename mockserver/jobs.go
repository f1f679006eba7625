package mockserver

import (
	"net/http"
	"time"

	"github.com/google/uuid"
)

// jobRunTime is how long an extract refresh runs in the mock: long enough
// that a client can see it in progress and cancel it, short enough that a
// collection polling for its end is not held up. Tests move the clock.
const jobRunTime = 2 * time.Second

// job is a background job the mock started: an extract refresh of a
// workbook or data source. Its state follows from the clock: in progress
// from createdAt for jobRunTime, then done, unless cancelled first.
type job struct {
	id, siteID, userID string
	// target is "workbook" or "datasource", the element naming what the
	// job refreshes, or "flow" for a flow run (flowruns.go).
	target, targetID, targetName string
	createdAt                    time.Time
	cancelledAt                  time.Time
	flowRunID                    string
	// kind is UserImport or UserDelete for the jobs of usercsv.go, which
	// work on no content, and UpdateUploadedFile for hyperupdate.go's;
	// empty for refreshes and flow runs.
	kind string
	// connectionID is the connection an UpdateUploadedFile job updates.
	connectionID string
}

// Finish codes of Tableau's Query Job: 0 success, 1 failure, 2 cancelled.
const (
	finishSuccess   = "0"
	finishCancelled = "2"
)

// state reports the job's status word as Query Jobs writes it, its
// finishCode ("" while running) and when it ended.
func (j *job) state(now time.Time) (status, finishCode string, ended time.Time) {
	done := j.createdAt.Add(jobRunTime)
	switch {
	case !j.cancelledAt.IsZero():
		return "Cancelled", finishCancelled, j.cancelledAt
	case !now.Before(done):
		return "Success", finishSuccess, done
	}
	return "InProgress", "", time.Time{}
}

// jobRoutes answers the job endpoints and the refreshes that start jobs;
// segs are the path segments after the version, starting at "sites".
func (h *handler) jobRoutes(segs []string) endpoint {
	switch n := len(segs); {
	case n == 3 && segs[2] == "jobs":
		return endpoint{http.MethodGet: h.listJobs}
	case n == 4 && segs[2] == "jobs":
		return endpoint{http.MethodGet: h.withJob("read", getJob), http.MethodPut: h.withJob("update", cancelJob)}
	case n == 5 && segs[4] == "refresh" && (segs[2] == "workbooks" || segs[2] == "datasources"):
		return endpoint{http.MethodPost: h.refresh}
	}
	return nil
}

func (s *store) datasource(siteID, id string) *Datasource {
	for i := range s.data.Datasources {
		if d := &s.data.Datasources[i]; d.ID == id && d.SiteID == siteID {
			return d
		}
	}
	return nil
}

func (s *store) job(siteID, id string) *job {
	for _, j := range s.jobs {
		if j.id == id && j.siteID == siteID {
			return j
		}
	}
	return nil
}

// errJobNotFound answers a job id that names no job with 404018, the code
// of Query Job's error table in Tableau's reference.
func errJobNotFound(id string) *apiError {
	return errNotFound(codeJobNotFound, "Job", id)
}

// refresh starts an extract refresh of a workbook or data source and
// answers 202 with the new job, as Tableau's Update Workbook Now and
// Update Data Source Now do. The body (<tsRequest/>, often empty) carries
// nothing the mock needs and is not read. Administrators, the owner and
// those who manage the item's project may refresh it.
func (h *handler) refresh(c *call) (result, *apiError) {
	siteID, kind, id := c.segs[1], c.segs[2], c.segs[3]
	if err := c.begin(siteID, "tasks", "run", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	st := h.store
	j := &job{id: uuid.NewString(), siteID: siteID, userID: c.user.ID, createdAt: c.now.UTC().Truncate(time.Second)}
	var owner, project string
	switch kind {
	case "workbooks":
		w := st.workbook(siteID, id)
		if w == nil {
			return result{}, errNotFound(codeWorkbookNotFound, "Workbook", id)
		}
		j.target, j.targetID, j.targetName = "workbook", w.ID, w.Name
		owner, project = w.OwnerID, w.ProjectID
	default:
		d := st.datasource(siteID, id)
		if d == nil {
			return result{}, errNotFound(codeDatasourceNotFound, "Datasource", id)
		}
		j.target, j.targetID, j.targetName = "datasource", d.ID, d.Name
		owner, project = d.OwnerID, d.ProjectID
	}
	if owner != c.user.ID && !st.managesProject(c.user, siteID, project) {
		return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can refresh it.")
	}
	st.jobs = append(st.jobs, j)
	return answer(http.StatusAccepted, el("job").set("id", j.id).set("mode", "Asynchronous").
		set("type", "RefreshExtract").set("createdAt", formatTime(j.createdAt)).
		add(el("extractRefreshJob").add(j.targetNode())))
}

func (j *job) targetNode() *node {
	return el(j.target).set("id", j.targetID).set("name", j.targetName)
}

// jobFilters are the filter and sort fields of Query Jobs, from Tableau's
// "Filtering and Sorting" page; the mock applies status and jobType as
// text, priority as a number and the three dates, and accepts the others
// (progress, and title, subtitle, notes and args, which take has).
var jobFilters = filterSpec{
	known: map[string]bool{"args": true, "completedAt": true, "createdAt": true, "jobType": true, "notes": true,
		"priority": true, "progress": true, "startedAt": true, "status": true, "subtitle": true, "title": true},
	text: map[string]bool{"status": true, "jobType": true},
	date: map[string]bool{"createdAt": true, "startedAt": true, "completedAt": true},
	num:  map[string]bool{"priority": true},
}

// visibleJob reports whether the user may see or cancel a job:
// administrators every job of the site, others the jobs they started.
func (c *call) visibleJob(j *job) bool {
	return c.user.siteAdmin() || j.userID == c.user.ID
}

// listJobs is Query Jobs: the site's background jobs as backgroundJob
// elements, paged and filtered like the other lists.
func (h *handler) listJobs(c *call) (result, *apiError) {
	siteID := c.segs[1]
	if err := c.begin(siteID, "jobs", "read", false); err != nil {
		return result{}, err
	}
	defer h.store.mu.Unlock()
	lq, err := parseListQueryFor(c.r.URL.Query(), jobFilters)
	if err != nil {
		return result{}, err
	}
	var items []entry
	for _, j := range h.store.jobs {
		// Query Jobs's jobType for the CSV user jobs is not documented,
		// so they are left out of the list; Query Job finds them.
		if j.siteID == siteID && c.visibleJob(j) && j.kind == "" {
			items = append(items, entry{j.id, func() *node { return backgroundJobNode(j, c.now) }})
		}
	}
	return lq.answerList(h.store, "backgroundJobs", items)
}

// backgroundJobNode is a job as Query Jobs lists it. jobType is the
// lower-case name Tableau uses there (refresh_extracts), not the type
// attribute of Query Job.
func backgroundJobNode(j *job, now time.Time) *node {
	status, _, ended := j.state(now)
	jobType := "refresh_extracts"
	if j.target == "flow" {
		jobType = "run_flow"
	}
	return el("backgroundJob").set("id", j.id).set("status", status).
		set("createdAt", formatTime(j.createdAt)).set("startedAt", formatTime(j.createdAt)).
		setIf("endedAt", formatTime(ended)).set("priority", "50").set("jobType", jobType)
}

// withJob runs a handler on the job the URL names, with the store
// locked; a job that does not exist or that the user may not see is
// 404018.
func (h *handler) withJob(action string, fn func(c *call, j *job) (result, *apiError)) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		siteID, id := c.segs[1], c.segs[3]
		if err := c.begin(siteID, "jobs", action, false); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		j := h.store.job(siteID, id)
		if j == nil || !c.visibleJob(j) {
			return result{}, errJobNotFound(id)
		}
		return fn(c, j)
	}
}

// getJob is Query Job.
func getJob(c *call, j *job) (result, *apiError) {
	return answer(http.StatusOK, jobNode(j, c.now))
}

// jobNode is a job as Query Job shows it: progress 0 while running, 100
// with completedAt and finishCode once ended.
func jobNode(j *job, now time.Time) *node {
	_, finish, ended := j.state(now)
	progress := "0"
	if finish != "" {
		progress = "100"
	}
	return el("job").set("id", j.id).set("mode", "Asynchronous").set("type", j.typeName()).
		set("progress", progress).set("createdAt", formatTime(j.createdAt)).
		set("startedAt", formatTime(j.createdAt)).setIf("completedAt", formatTime(ended)).
		setIf("finishCode", finish).
		add(j.detailNode())
}

// typeName is the job's type attribute in Query Job.
func (j *job) typeName() string {
	if j.kind != "" {
		return j.kind
	}
	if j.target == "flow" {
		return "RunFlow"
	}
	return "RefreshExtract"
}

// detailNode is the element inside a job that says what it works on:
// extractRefreshJob with the content refreshed, or for a flow run
// runFlowJobType with the run's id and the flow, as Tableau's Run Flow
// Now answers (flow_refresh.xml).
func (j *job) detailNode() *node {
	if j.kind == "UpdateUploadedFile" {
		return el("updateUploadedFileJob").add(j.targetNode(), textEl("connectionLuid", j.connectionID))
	}
	if j.kind != "" {
		return nil
	}
	if j.target == "flow" {
		return el("runFlowJobType").set("flowRunId", j.flowRunID).add(j.targetNode())
	}
	return el("extractRefreshJob").add(j.targetNode())
}

// cancelJob is Cancel Job: a running job ends as cancelled, answered 200
// without content. Tableau's reference refuses a non-administrator with
// 403032 and a job that has already ended with 403091.
func cancelJob(c *call, j *job) (result, *apiError) {
	if !c.user.siteAdmin() {
		return result{}, &apiError{http.StatusForbidden, 403032, "Forbidden", "Only administrators can cancel jobs."}
	}
	if _, finish, _ := j.state(c.now); finish != "" {
		return result{}, errJobComplete(j.id)
	}
	j.cancelledAt = c.now.UTC().Truncate(time.Second)
	return answer(http.StatusOK)
}
