package mockserver

import "testing"

// TestExtractRefreshTasks adds workbooks and data sources to an Extract
// schedule and follows the tasks through listing, running and deleting,
// with Tableau's refusals.
func TestExtractRefreshTasks(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	extract := demoID("schedule", "Weekday early mornings")
	subscription := demoID("schedule", "Saturday night")
	budget := demoID(site, "workbook", "Budget Planning")
	hr := demoID(site, "datasource", "HR Data")
	addWorkbook := `<tsRequest><task><extractRefresh><workbook id="` + budget + `"/></extractRefresh></task></tsRequest>`
	scenarios{
		{"add, list, get, run, delete (xml)", []step{
			{method: "PUT", path: "schedules/" + extract + "/workbooks", body: addWorkbook, status: 200},
			{path: "tasks/extractRefreshes", status: 200, want: map[string]string{"count": "1"}},
			{path: "schedules/" + extract + "/extracts", status: 200, want: map[string]string{"count": "1"}},
			{path: "schedules/" + subscription + "/extracts", status: 200, want: map[string]string{"count": "0"}},
		}},
		{"a task's life (json)", []step{
			{method: "PUT", path: "schedules/" + extract + "/datasources", contentType: jsonType, json: true, status: 200,
				body: `{"task":{"extractRefresh":{"datasource":{"id":"` + hr + `"}}}}`},
			{path: "tasks/extractRefreshes", json: true, status: 200, want: map[string]string{"count": "1"}},
		}},
		{"unknown task, schedule or content", []step{
			{path: "tasks/extractRefreshes/00000000-0000-0000-0000-000000000000", status: 404, code: "404026"},
			{method: "POST", path: "tasks/extractRefreshes/00000000-0000-0000-0000-000000000000/runNow", status: 404, code: "404026"},
			{method: "DELETE", path: "tasks/extractRefreshes/00000000-0000-0000-0000-000000000000", json: true, status: 404, code: "404026"},
			{method: "PUT", path: "schedules/00000000-0000-0000-0000-000000000000/workbooks", body: addWorkbook, status: 404, code: "404023"},
			{method: "PUT", path: "schedules/" + extract + "/workbooks", status: 404, code: "404006",
				body: `<tsRequest><task><extractRefresh><workbook id="00000000-0000-0000-0000-000000000000"/></extractRefresh></task></tsRequest>`},
			{method: "PUT", path: "schedules/" + subscription + "/workbooks", body: addWorkbook, status: 400, code: "400000"},
			{method: "PUT", path: "schedules/" + extract + "/workbooks", body: `<tsRequest><task/></tsRequest>`, status: 400, code: "400000"},
		}},
		{"others' content is refused", []step{
			{as: DemoAliceName, method: "PUT", path: "schedules/" + extract + "/workbooks", body: addWorkbook, status: 403, code: "403004"},
		}},
	}.run(t)
}

// TestTaskLifecycle needs the task's id, which Add Workbook to Schedule
// answers inside <task><extractRefresh>, one level below what scenario
// steps save, so it reads it itself.
func TestTaskLifecycle(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	m := newMock(t, Config{})
	admin, _ := m.admin("")
	alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	base := "sites/" + site + "/"
	r := m.do(req{method: "PUT", path: base + "schedules/" + demoID("schedule", "Weekday early mornings") + "/workbooks", token: admin,
		body: `<tsRequest><task><extractRefresh><workbook id="` + demoID(site, "workbook", "Team KPIs") + `"/></extractRefresh></task></tsRequest>`})
	r.wantStatus(t, 200)
	id := attrAt(t, r.xml(t), "/tsResponse/task/extractRefresh", "id")
	if got := attrAt(t, r.xml(t), "/tsResponse/task/extractRefresh/schedule", "name"); got != "Weekday early mornings" {
		t.Errorf("schedule name = %q", got)
	}
	task := base + "tasks/extractRefreshes/" + id
	m.do(req{path: task, token: admin}).wantStatus(t, 200)
	// Team KPIs is alice's: she sees the task and runs it, but only an
	// administrator deletes it.
	m.do(req{path: task, token: alice, json: true}).wantStatus(t, 200)
	run := m.do(req{method: "POST", path: task + "/runNow", token: alice, body: "<tsRequest/>"})
	run.wantStatus(t, 200)
	job := attrAt(t, run.xml(t), "/tsResponse/job", "id")
	m.do(req{path: base + "jobs/" + job, token: admin}).wantStatus(t, 200)
	m.do(req{method: "DELETE", path: task, token: alice}).wantError(t, 403, "403004")
	m.do(req{method: "DELETE", path: task, token: admin}).wantStatus(t, 204)
	m.do(req{path: task, token: admin}).wantError(t, 404, "404026")
	// A task goes with its workbook.
	r = m.do(req{method: "PUT", path: base + "schedules/" + demoID("schedule", "Hourly refresh") + "/workbooks", token: admin,
		body: `<tsRequest><task><extractRefresh><workbook id="` + demoID(site, "workbook", "Operations") + `"/></extractRefresh></task></tsRequest>`})
	id = attrAt(t, r.xml(t), "/tsResponse/task/extractRefresh", "id")
	m.do(req{method: "DELETE", path: base + "workbooks/" + demoID(site, "workbook", "Operations"), token: admin}).wantStatus(t, 204)
	m.do(req{path: base + "tasks/extractRefreshes/" + id, token: admin}).wantError(t, 404, "404026")
}
