package mockserver

import "testing"

// TestSubscriptions creates, reads, updates and deletes subscriptions in
// XML and JSON, with who may see and change them and Tableau's codes.
func TestSubscriptions(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	weekly := demoID("schedule", "Saturday night")
	view := demoID(site, "view", "Budget Planning", "Overview")
	create := func(user string) string {
		return `<tsRequest><subscription subject="Weekly budget" attachImage="true" attachPdf="false"><content id="` + view +
			`" type="View"/><schedule id="` + weekly + `"/><user id="` + user + `"/></subscription></tsRequest>`
	}
	scenarios{
		{"create, read, update, delete (xml)", []step{
			{method: "POST", path: "subscriptions", body: create(DemoAliceID), status: 201, save: map[string]string{"s": "id"},
				want: map[string]string{"subject": "Weekly budget", "attachImage": "true", "attachPdf": "false", "suspended": "false"}},
			{path: "subscriptions", status: 200, want: map[string]string{"count": "1"}},
			{path: "subscriptions/{s}", status: 200, want: map[string]string{"subject": "Weekly budget"}},
			{method: "PUT", path: "subscriptions/{s}", body: `<tsRequest><subscription subject="Monthly budget" suspended="true"/></tsRequest>`,
				status: 200, want: map[string]string{"subject": "Monthly budget", "suspended": "true"}},
			{as: DemoAliceName, path: "subscriptions/{s}", status: 200, want: map[string]string{"subject": "Monthly budget"}},
			{method: "DELETE", path: "subscriptions/{s}", status: 204},
			{path: "subscriptions/{s}", status: 404, code: "404025"},
			{method: "DELETE", path: "subscriptions/{s}", status: 404, code: "404025"},
		}},
		{"json", []step{
			{method: "POST", path: "subscriptions", contentType: jsonType, json: true, status: 201, save: map[string]string{"s": "id"},
				body: `{"subscription":{"subject":"Daily","content":{"id":"` + view + `","type":"View"},"schedule":{"id":"` + weekly + `"},"user":{"id":"` + DemoAdminID + `"}}}`,
				want: map[string]string{"subject": "Daily"}},
			{path: "subscriptions", json: true, status: 200, want: map[string]string{"count": "1"}},
		}},
		{"others' subscriptions are hidden and refused", []step{
			{method: "POST", path: "subscriptions", body: create(DemoAdminID), status: 201, save: map[string]string{"s": "id"}},
			{as: DemoAliceName, path: "subscriptions", status: 200, want: map[string]string{"count": "0"}},
			{as: DemoAliceName, path: "subscriptions/{s}", status: 404, code: "404025"},
			{as: DemoAliceName, method: "POST", path: "subscriptions", body: create(DemoAdminID), status: 403, code: "403004"},
			{as: DemoAliceName, method: "POST", path: "subscriptions", body: create(DemoAliceID), status: 201},
		}},
		{"bad references", []step{
			{method: "POST", path: "subscriptions", status: 404, code: "404023",
				body: `<tsRequest><subscription subject="x"><content id="` + view + `" type="View"/><schedule id="nope"/><user id="` + DemoAdminID + `"/></subscription></tsRequest>`},
			{method: "POST", path: "subscriptions", status: 400, code: "400000",
				body: `<tsRequest><subscription subject="x"><content id="` + view + `" type="View"/><schedule id="` + demoID("schedule", "Hourly refresh") + `"/><user id="` + DemoAdminID + `"/></subscription></tsRequest>`},
			{method: "POST", path: "subscriptions", status: 404, code: "404011",
				body: `<tsRequest><subscription subject="x"><content id="nope" type="View"/><schedule id="` + weekly + `"/><user id="` + DemoAdminID + `"/></subscription></tsRequest>`},
			{method: "POST", path: "subscriptions", status: 400, code: "400000",
				body: `<tsRequest><subscription subject="x" attachImage="yes"><content id="` + view + `" type="View"/><schedule id="` + weekly + `"/><user id="` + DemoAdminID + `"/></subscription></tsRequest>`},
			{method: "POST", path: "subscriptions", status: 400, code: "400000",
				body: `<tsRequest><subscription subject=" "><content id="` + view + `" type="View"/><schedule id="` + weekly + `"/><user id="` + DemoAdminID + `"/></subscription></tsRequest>`},
		}},
		{"a deleted view takes its subscriptions", []step{
			{method: "POST", path: "subscriptions", body: create(DemoAdminID), status: 201, save: map[string]string{"s": "id"}},
			{method: "DELETE", path: "workbooks/" + demoID(site, "workbook", "Budget Planning"), status: 204},
			{path: "subscriptions/{s}", status: 404, code: "404025"},
		}},
	}.run(t)
}
