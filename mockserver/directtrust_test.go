package mockserver

import "testing"

// The Connected App methods live at /sites/{id}/connected-apps/direct-trust
// in Tableau's reference since API 3.17 (the connected-applications path is
// deprecated there, not removed). The mock answered the new path 404003
// Unknown resource, so a collection written from the current reference
// failed against it. Both paths reach the same apps: one created at either
// is read, given a secret and deleted at the other.
func TestDirectTrustConnectedAppPaths(t *testing.T) {
	t.Parallel()
	const dt = "connected-apps/direct-trust"
	const old = "connected-applications"
	scenarios{
		{"xml, the full life of an app", []step{
			{path: dt, status: 200, want: map[string]string{"list": "colrun mock connected app"}},
			{method: "POST", path: dt, body: `<tsRequest><connectedApplication name="New" enabled="true"/></tsRequest>`, status: 200,
				save: map[string]string{"app": "clientId"}, want: map[string]string{"name": "New", "enabled": "true"}},
			{path: old + "/{app}", status: 200, want: map[string]string{"name": "New"}},
			{method: "PUT", path: dt + "/{app}", body: `<tsRequest><connectedApplication name="Renamed"/></tsRequest>`, status: 200, want: map[string]string{"name": "Renamed"}},
			{method: "POST", path: dt + "/{app}/secrets", status: 200, save: map[string]string{"sid": "id"}},
			{path: dt + "/{app}/secrets/{sid}", status: 200},
			{method: "DELETE", path: dt + "/{app}/secrets/{sid}", status: 204},
			{path: old + "/{app}/secrets/{sid}", status: 404, code: "404073"},
			{method: "DELETE", path: dt + "/{app}", status: 204},
			{path: dt + "/{app}", status: 404, code: "404073"},
		}},
		{"json under exp", []step{
			{method: "POST", path: "/api/exp/sites/{site}/" + old, contentType: jsonType, json: true,
				body: `{"connectedApplication":{"name":"Old path"}}`, status: 200, save: map[string]string{"app": "clientId"}},
			{path: "/api/exp/sites/{site}/" + dt + "/{app}", json: true, status: 200, want: map[string]string{"name": "Old path", "enabled": "false"}},
		}},
		{"refusals as at the old path", []step{
			{as: DemoAliceName, path: dt, status: 403, code: "403004"},
			{method: "PATCH", path: dt, status: 405, code: "405000"},
			{path: dt + "/{app}/nothing", status: 404, code: "404003"},
		}},
	}.run(t)
}
