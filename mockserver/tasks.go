package mockserver

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Extract refresh tasks (Jobs, Tasks and Schedules Methods of Tableau's
// reference): Add Workbook (Data Source) to Schedule creates one, Get
// Extract Refresh Tasks in a Site / in a Schedule and Get Extract Refresh
// Task list it, Run Extract Refresh Task starts a job that Query Job
// sees, and Delete Extract Refresh Task removes it. Flow run tasks are
// the same under tasks/runFlow, created by Add Flow Task to Schedule. A
// task of content that was deleted goes with it.

// task is an extract refresh of a workbook or data source on a schedule.
type task struct {
	id, siteID, scheduleID string
	// target is "workbook" or "datasource", the element naming the
	// content.
	target, targetID string
}

// codeTaskNotFound is the reference's 404026 Task not found (Delete
// Extract Refresh Task, Get Flow Run Task).
const codeTaskNotFound = 404026

// taskRoutes answers .../tasks/extractRefreshes[/{id}[/runNow]] and the
// same under tasks/runFlow, for the flow run tasks of flowruns.go; segs
// start at "sites".
func (h *handler) taskRoutes(segs []string) endpoint {
	if len(segs) < 4 || segs[3] != "extractRefreshes" && segs[3] != "runFlow" {
		return nil
	}
	switch len(segs) {
	case 4:
		return endpoint{http.MethodGet: h.listTasks}
	case 5:
		return endpoint{http.MethodGet: h.withTask("read", getTask), http.MethodDelete: h.withTask("delete", deleteTask)}
	case 6:
		if segs[5] == "runNow" {
			return endpoint{http.MethodPost: h.withTask("run", runTask)}
		}
	}
	return nil
}

// siteScheduleRoutes answers the site's side of server schedules: Add
// Workbook (Data Source) to Schedule and Get Extract Refresh Tasks in a
// Schedule; segs start at "sites".
func (h *handler) siteScheduleRoutes(segs []string) endpoint {
	if len(segs) != 5 {
		return nil
	}
	switch segs[4] {
	case "workbooks", "datasources", "flows":
		return endpoint{http.MethodPut: h.addToSchedule(segs[4])}
	case "extracts":
		return endpoint{http.MethodGet: h.scheduleExtracts}
	}
	return nil
}

func (st *store) schedule(id string) *Schedule {
	for i := range st.data.Schedules {
		if st.data.Schedules[i].ID == id {
			return &st.data.Schedules[i]
		}
	}
	return nil
}

// liveTasks drops the tasks of content that no longer exists and returns
// the site's. Must be called with the store locked.
func (st *store) liveTasks(siteID string) []*task {
	st.tasks = slices.DeleteFunc(st.tasks, func(t *task) bool {
		_, err := st.contentItem(t.target+"s", t.siteID, t.targetID)
		return err != nil
	})
	var out []*task
	for _, t := range st.tasks {
		if t.siteID == siteID {
			out = append(out, t)
		}
	}
	return out
}

// visibleTask reports whether the caller sees a task: administrators see
// every task, others those of content they own.
func (c *call) visibleTask(t *task) bool {
	if c.user.siteAdmin() {
		return true
	}
	item, err := c.h.store.contentItem(t.target+"s", t.siteID, t.targetID)
	return err == nil && item.owner == c.user.ID
}

// listedTask reports whether a task belongs under the URL's tasks/{kind}:
// flow run tasks under runFlow, extract refreshes under extractRefreshes.
func (c *call) listedTask(t *task) bool {
	return (t.target == "flow") == (c.segs[3] == "runFlow")
}

// findTask finds a task of the URL's kind that the caller may see, or
// answers 404026. Must be called with the store locked.
func (c *call) findTask(siteID, id string) (*task, *apiError) {
	for _, t := range c.h.store.liveTasks(siteID) {
		if t.id == id && c.listedTask(t) && c.visibleTask(t) {
			return t, nil
		}
	}
	return nil, errNotFound(codeTaskNotFound, "Task", id)
}

// taskNode is a task as the Get Extract Refresh Task and Get Flow Run
// Task methods show it: <task><extractRefresh ...><schedule .../>
// <workbook id/></extractRefresh></task>, or flowRun with the flow.
func (st *store) taskNode(t *task) *node {
	kind, typ := "extractRefresh", "RefreshExtractTask"
	if t.target == "flow" {
		kind, typ = "flowRun", "RunFlowTask"
	}
	er := el(kind).set("id", t.id).set("priority", "50").set("consecutiveFailedCount", "0").set("type", typ)
	if s := st.schedule(t.scheduleID); s != nil {
		er.add(scheduleNode(s))
	}
	return el("task").add(er.add(el(t.target).set("id", t.targetID)))
}

func (h *handler) listTasks(c *call) (result, *apiError) {
	if err := c.begin(c.segs[1], "tasks", "read", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	list := listEl("tasks")
	for _, t := range st.liveTasks(c.segs[1]) {
		if c.listedTask(t) && c.visibleTask(t) {
			list.add(st.taskNode(t))
		}
	}
	return answer(http.StatusOK, list)
}

// withTask begins a method on the task the URL names and finds it; fn
// runs with the store locked.
func (h *handler) withTask(action string, fn func(c *call, t *task) (result, *apiError)) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		if err := c.begin(c.segs[1], "tasks", action, false); err != nil {
			return result{}, err
		}
		defer h.store.mu.Unlock()
		t, err := c.findTask(c.segs[1], c.segs[4])
		if err != nil {
			return result{}, err
		}
		return fn(c, t)
	}
}

func getTask(c *call, t *task) (result, *apiError) {
	return answer(http.StatusOK, c.h.store.taskNode(t))
}

// deleteTask is Delete Extract Refresh Task, which the reference lets
// administrators call (403004 for others).
func deleteTask(c *call, t *task) (result, *apiError) {
	if err := c.requireAdmin("delete extract refresh tasks"); err != nil {
		return result{}, err
	}
	st := c.h.store
	st.tasks = slices.DeleteFunc(st.tasks, func(o *task) bool { return o == t })
	return answer(http.StatusNoContent)
}

// runTask is Run Extract Refresh Task: it starts a refresh job of the
// task's content, as Update Workbook Now does, and answers 200 with the
// job.
func runTask(c *call, t *task) (result, *apiError) {
	j := c.startJob(t.target, t.targetID)
	return answer(http.StatusOK, startedJobNode(j))
}

// startJob starts a job on a workbook's or data source's extract or a
// flow, which Query Job then follows; a flow's job is also its flow run.
// Must be called with the store locked.
func (c *call) startJob(target, id string) *job {
	st := c.h.store
	item, _ := st.contentItem(target+"s", c.segs[1], id)
	j := &job{id: uuid.NewString(), siteID: c.segs[1], userID: c.user.ID, target: target, targetID: id,
		targetName: item.name, createdAt: c.now.UTC().Truncate(time.Second)}
	if target == "flow" {
		j.flowRunID = uuid.NewString()
	}
	st.jobs = append(st.jobs, j)
	return j
}

// startedJobNode is a job as the methods that start one answer it.
func startedJobNode(j *job) *node {
	return el("job").set("id", j.id).set("mode", "Asynchronous").set("type", j.typeName()).
		set("createdAt", formatTime(j.createdAt)).add(j.detailNode())
}

// addToSchedule is Add Workbook to Schedule and Add Data Source to
// Schedule: <task><extractRefresh><workbook id="..."/></extractRefresh></task>
// creates an extract refresh task on an Extract schedule. Administrators,
// the owner and the project's owner or leaders may (403004 for others).
func (h *handler) addToSchedule(plural string) func(*call) (result, *apiError) {
	element := strings.TrimSuffix(plural, "s")
	wrapper, scheduleType, forbiddenCode := "extractRefresh", "Extract", codeForbidden
	if plural == "flows" {
		// Add Flow Task to Schedule: <task><flowRun><flow id/></flowRun></task>
		// on a Flow schedule; the reference refuses with 403098.
		wrapper, scheduleType, forbiddenCode = "flowRun", "Flow", 403098
	}
	return func(c *call) (result, *apiError) {
		siteID, scheduleID := c.segs[1], c.segs[3]
		body, err := c.beginBody(siteID, "tasks", "create")
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		s := st.schedule(scheduleID)
		if s == nil {
			return result{}, errNotFound(codeScheduleNotFound, "Schedule", scheduleID)
		}
		ref := body.child("task").child(wrapper).child(element)
		id, ok := ref.attr("id")
		if !ok {
			return result{}, errMalformed()
		}
		item, err := st.contentItem(plural, siteID, id)
		if err != nil {
			return result{}, err
		}
		// The reference does not word this refusal; 400000 says the
		// request cannot be carried out as given.
		if s.Type != scheduleType {
			return result{}, errBadRequest("Schedule '" + scheduleID + "' is a " + s.Type + " schedule; this task needs a " + scheduleType + " schedule.")
		}
		if !st.mayChangePermissions(c.user, siteID, item.owner, item.project) {
			return result{}, forbidden(forbiddenCode, "Only administrators, the owner and the project's owner or leaders can schedule it.")
		}
		t := &task{id: uuid.NewString(), siteID: siteID, scheduleID: scheduleID, target: element, targetID: id}
		st.tasks = append(st.tasks, t)
		return answer(http.StatusOK, st.taskNode(t))
	}
}

// scheduleExtracts is Get Extract Refresh Tasks in a Schedule: the
// schedule's tasks on the site, paged, as <extracts><extract .../></extracts>.
func (h *handler) scheduleExtracts(c *call) (result, *apiError) {
	siteID, scheduleID := c.segs[1], c.segs[3]
	if err := c.begin(siteID, "tasks", "read", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if st.schedule(scheduleID) == nil {
		return result{}, errNotFound(codeScheduleNotFound, "Schedule", scheduleID)
	}
	lq, err := parseListQueryFor(c.r.URL.Query(), filterSpec{})
	if err != nil {
		return result{}, err
	}
	var items []entry
	for i, t := range st.liveTasks(siteID) {
		if t.scheduleID == scheduleID && t.target != "flow" && c.visibleTask(t) {
			items = append(items, entry{strconv.Itoa(i), func() *node {
				return el("extract").set("id", t.id).set("priority", "50").set("type", "FullRefresh").
					add(el(t.target).set("id", t.targetID))
			}})
		}
	}
	return lq.answerList(st, "extracts", items)
}
