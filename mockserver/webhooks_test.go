package mockserver

import "testing"

// TestWebhooks creates, reads, updates and deletes webhooks in XML and
// JSON; only administrators may, and a destination must be https.
func TestWebhooks(t *testing.T) {
	t.Parallel()
	xmlBody := `<tsRequest><webhook name="On publish"><webhook-source><webhook-source-event-workbook-created/></webhook-source>` +
		`<webhook-destination><webhook-destination-http method="POST" url="https://hooks.example.com/x"/></webhook-destination></webhook></tsRequest>`
	scenarios{
		{"create, list, get, update, delete (xml)", []step{
			{method: "POST", path: "webhooks", body: xmlBody, status: 201, save: map[string]string{"w": "id"},
				want: map[string]string{"name": "On publish", "isEnabled": "true"}},
			{path: "webhooks", status: 200, want: map[string]string{"list": "On publish"}},
			{path: "webhooks/{w}", status: 200, want: map[string]string{"name": "On publish"}},
			{method: "PUT", path: "webhooks/{w}", body: `<tsRequest><webhook name="Renamed" isEnabled="false" event="DatasourceDeleted"/></tsRequest>`,
				status: 200, want: map[string]string{"name": "Renamed", "isEnabled": "false"}},
			{method: "DELETE", path: "webhooks/{w}", status: 204},
			{path: "webhooks/{w}", status: 404, code: "404003"},
		}},
		{"json with the event attribute", []step{
			{method: "POST", path: "webhooks", contentType: jsonType, json: true, status: 201,
				body: `{"webhook":{"name":"J","event":"WorkbookRefreshFailed","webhook-destination":{"webhook-destination-http":{"method":"POST","url":"https://h.example.com"}}}}`,
				want: map[string]string{"name": "J"}},
			{path: "webhooks", json: true, status: 200, want: map[string]string{"list": "J"}},
		}},
		{"administrators only", []step{
			{as: DemoAliceName, method: "POST", path: "webhooks", body: xmlBody, status: 403, code: "403004"},
			{as: DemoAliceName, path: "webhooks", status: 403, code: "403004"},
		}},
		{"bad bodies", []step{
			{method: "POST", path: "webhooks", status: 400, code: "400000",
				body: `<tsRequest><webhook name="x" event="Nope"><webhook-destination><webhook-destination-http method="POST" url="https://h.example.com"/></webhook-destination></webhook></tsRequest>`},
			{method: "POST", path: "webhooks", status: 400, code: "400000",
				body: `<tsRequest><webhook name="x" event="WorkbookCreated"><webhook-destination><webhook-destination-http method="POST" url="http://h.example.com"/></webhook-destination></webhook></tsRequest>`},
			{method: "POST", path: "webhooks", status: 400, code: "400000", body: `<tsRequest><webhook name="x"/></tsRequest>`},
		}},
	}.run(t)
}
