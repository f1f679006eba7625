package mockserver

import "testing"

// TestScheduleWrites creates, updates and deletes server schedules in XML
// and JSON; only server administrators may, and deleting a schedule takes
// its extract refresh tasks with it.
func TestScheduleWrites(t *testing.T) {
	t.Parallel()
	create := `<tsRequest><schedule name="Nightly" priority="40" type="Extract" frequency="Daily" executionOrder="Serial">` +
		`<frequencyDetails start="01:00:00"><intervals><interval weekDay="Monday"/></intervals></frequencyDetails></schedule></tsRequest>`
	extract := demoID("schedule", "Weekday early mornings")
	budget := demoID(DemoDefaultSiteID, "workbook", "Budget Planning")
	scenarios{
		{"create, get, list, update, delete (xml)", []step{
			{method: "POST", path: "/api/3.24/schedules", body: create, status: 201, save: map[string]string{"s": "id"},
				want: map[string]string{"name": "Nightly", "priority": "40", "type": "Extract", "frequency": "Daily", "executionOrder": "Serial", "state": "Active"}},
			{path: "/api/3.24/schedules/{s}", status: 200, want: map[string]string{"name": "Nightly"}},
			{path: "/api/3.24/schedules?pageSize=1&pageNumber=6", status: 200, want: map[string]string{"list": "Nightly"}},
			{method: "PUT", path: "/api/3.24/schedules/{s}", body: `<tsRequest><schedule name="Late" state="Suspended" frequency="Weekly"/></tsRequest>`,
				status: 200, want: map[string]string{"name": "Late", "state": "Suspended", "frequency": "Weekly", "priority": "40"}},
			{method: "DELETE", path: "/api/3.24/schedules/{s}", status: 204},
			{path: "/api/3.24/schedules/{s}", status: 404, code: "404023"},
			{method: "PUT", path: "/api/3.24/schedules/{s}", body: `<tsRequest><schedule name="x"/></tsRequest>`, status: 404, code: "404023"},
			{method: "DELETE", path: "/api/3.24/schedules/{s}", status: 404, code: "404023"},
		}},
		{"create (json)", []step{
			{method: "POST", path: "/api/3.24/schedules", contentType: jsonType, json: true, status: 201,
				body: `{"schedule":{"name":"J","type":"Subscription","frequency":"Hourly"}}`,
				want: map[string]string{"name": "J", "priority": "50", "executionOrder": "Parallel"}},
		}},
		{"the reference's codes for bad bodies", []step{
			{method: "POST", path: "/api/3.24/schedules", body: `<tsRequest><schedule name="saturday NIGHT" type="Extract" frequency="Daily"/></tsRequest>`, status: 409, code: "409021"},
			{method: "POST", path: "/api/3.24/schedules", body: `<tsRequest><schedule name="x" type="Extract"/></tsRequest>`, status: 400, code: "400000"},
			{method: "POST", path: "/api/3.24/schedules", body: `<tsRequest><schedule name="x" type="Extract" frequency="Yearly"/></tsRequest>`, status: 400, code: "400008"},
			{method: "PUT", path: "/api/3.24/schedules/" + extract, body: `<tsRequest><schedule priority="101"/></tsRequest>`, status: 400, code: "400008"},
			{method: "PUT", path: "/api/3.24/schedules/" + extract, body: `<tsRequest><schedule name="Hourly refresh"/></tsRequest>`, status: 409, code: "409021"},
			{path: "/api/3.24/schedules/" + extract, status: 200, want: map[string]string{"name": "Weekday early mornings", "priority": "50"}},
		}},
		{"only server administrators", []step{
			{as: DemoAliceName, method: "POST", path: "/api/3.24/schedules", body: create, status: 403, code: "403004"},
			{as: DemoAliceName, method: "PUT", path: "/api/3.24/schedules/" + extract, body: `<tsRequest><schedule name="x"/></tsRequest>`, status: 403, code: "403004"},
			{as: DemoAliceName, method: "DELETE", path: "/api/3.24/schedules/" + extract, status: 403, code: "403004"},
		}},
		{"a deleted schedule's tasks go with it", []step{
			{method: "PUT", path: "schedules/" + extract + "/workbooks", status: 200,
				body: `<tsRequest><task><extractRefresh><workbook id="` + budget + `"/></extractRefresh></task></tsRequest>`},
			{path: "tasks/extractRefreshes", status: 200, want: map[string]string{"count": "1"}},
			{method: "DELETE", path: "/api/3.24/schedules/" + extract, status: 204},
			{path: "tasks/extractRefreshes", status: 200, want: map[string]string{"count": "0"}},
		}},
	}.run(t)
}
