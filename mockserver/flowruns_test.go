package mockserver

import (
	"net/http"
	"testing"
	"time"
)

// TestFlowRuns runs a flow, follows the run and its job until it ends,
// cancels another run, and schedules a flow run task, with the refusals
// and codes of Tableau's reference.
func TestFlowRuns(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	m := newMock(t, Config{})
	admin, _ := m.admin("")
	alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	base := "sites/" + site + "/"
	clean := demoID(site, "flow", "Clean Sales")       // admin's
	merge := demoID(site, "flow", "Merge HR Extracts") // alice's

	r := m.do(req{method: "POST", path: base + "flows/" + clean + "/run", token: admin, body: "<tsRequest/>"})
	r.wantStatus(t, http.StatusOK)
	doc := r.xml(t)
	if typ := attrAt(t, doc, "/tsResponse/job", "type"); typ != "RunFlow" {
		t.Errorf("job type = %q, want RunFlow", typ)
	}
	runID := attrAt(t, doc, "/tsResponse/job/runFlowJobType", "flowRunId")
	jobID := attrAt(t, doc, "/tsResponse/job", "id")
	run := m.do(req{path: base + "flows/runs/" + runID, token: admin})
	run.wantStatus(t, http.StatusOK)
	if got := attrAt(t, run.xml(t), "/tsResponse/flowRun", "status"); got != "InProgress" {
		t.Errorf("status while running = %q", got)
	}
	m.clock.Advance(jobRunTime)
	run = m.do(req{path: base + "flows/runs/" + runID, token: admin, json: true})
	if got := dig(run.jsonMap(t), "flowRun", "status"); got != "Success" {
		t.Errorf("status after the run = %v", got)
	}
	if got := dig(m.do(req{path: base + "jobs/" + jobID, token: admin, json: true}).jsonMap(t), "job", "type"); got != "RunFlow" {
		t.Errorf("Query Job type = %v", got)
	}

	// Alice runs her own flow and sees only her run; cancelling is for
	// administrators, as Cancel Job is.
	r = m.do(req{method: "POST", path: base + "flows/" + merge + "/run", token: alice})
	r.wantStatus(t, http.StatusOK)
	aliceRun := attrAt(t, r.xml(t), "/tsResponse/job/runFlowJobType", "flowRunId")
	if got := attrAt(t, m.do(req{path: base + "flows/runs", token: alice}).xml(t), "/tsResponse/pagination", "totalAvailable"); got != "1" {
		t.Errorf("alice sees %s runs, want 1", got)
	}
	m.do(req{path: base + "flows/runs/" + runID, token: alice}).wantError(t, http.StatusNotFound, "404003")
	m.do(req{method: "PUT", path: base + "flows/runs/" + aliceRun, token: alice}).wantError(t, http.StatusForbidden, "403032")
	m.do(req{method: "PUT", path: base + "flows/runs/" + aliceRun + "/cancel", token: admin}).wantStatus(t, http.StatusOK)
	if got := attrAt(t, m.do(req{path: base + "flows/runs/" + aliceRun, token: admin}).xml(t), "/tsResponse/flowRun", "status"); got != "Cancelled" {
		t.Errorf("status after cancel = %q", got)
	}
	m.do(req{method: "PUT", path: base + "flows/runs/" + runID, token: admin}).wantError(t, http.StatusForbidden, "403091")
	m.do(req{method: "POST", path: base + "flows/" + clean + "/run", token: alice}).wantError(t, http.StatusForbidden, "403004")
	m.do(req{method: "POST", path: base + "flows/00000000-0000-0000-0000-000000000000/run", token: admin}).wantError(t, http.StatusNotFound, "404027")

	// A flow run task on a Flow schedule, run by its owner.
	flowSchedule := demoID("schedule", "Daily flow run")
	add := func(token, schedule string) reply {
		return m.do(req{method: "PUT", path: base + "schedules/" + schedule + "/flows", token: token,
			body: `<tsRequest><task><flowRun><flow id="` + merge + `"/></flowRun></task></tsRequest>`})
	}
	add(admin, demoID("schedule", "Hourly refresh")).wantError(t, http.StatusBadRequest, "400000")
	r = add(alice, flowSchedule)
	r.wantStatus(t, http.StatusOK)
	task := attrAt(t, r.xml(t), "/tsResponse/task/flowRun", "id")
	m.do(req{path: base + "tasks/runFlow/" + task, token: alice}).wantStatus(t, http.StatusOK)
	m.do(req{path: base + "tasks/extractRefreshes/" + task, token: admin}).wantError(t, http.StatusNotFound, "404026")
	if got := attrAt(t, m.do(req{path: base + "tasks/runFlow", token: admin}).xml(t), "/tsResponse/tasks/task/flowRun/flow", "id"); got != merge {
		t.Errorf("flow run task lists flow %s", got)
	}
	r = m.do(req{method: "POST", path: base + "tasks/runFlow/" + task + "/runNow", token: alice})
	r.wantStatus(t, http.StatusOK)
	if got := attrAt(t, r.xml(t), "/tsResponse/job/runFlowJobType/flow", "id"); got != merge {
		t.Errorf("run task ran flow %s", got)
	}
	m.clock.Advance(time.Second)
	m.do(req{method: "PUT", path: base + "schedules/" + flowSchedule + "/flows", token: alice,
		body: `<tsRequest><task><flowRun><flow id="` + clean + `"/></flowRun></task></tsRequest>`}).wantError(t, http.StatusForbidden, "403098")
}

// TestFlowConnections checks Query Flow Connections in XML and JSON.
func TestFlowConnections(t *testing.T) {
	t.Parallel()
	flow := "flows/" + demoID(DemoDefaultSiteID, "flow", "Clean Sales")
	scenarios{
		{"connections", []step{
			{path: flow + "/connections", status: 200, want: map[string]string{"count": "1"}},
			{path: flow + "/connections", json: true, status: 200, want: map[string]string{"count": "1"}},
			{path: "flows/00000000-0000-0000-0000-000000000000/connections", status: 404, code: "404027"},
		}},
	}.run(t)
}
