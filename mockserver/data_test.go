package mockserver

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultData(t *testing.T) {
	t.Parallel()
	d := DefaultData()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	perSite := map[string]map[string]int{}
	add := func(site, kind string) {
		if perSite[site] == nil {
			perSite[site] = map[string]int{}
		}
		perSite[site][kind]++
	}
	for _, p := range d.Projects {
		add(p.SiteID, "projects")
	}
	for _, w := range d.Workbooks {
		add(w.SiteID, "workbooks")
	}
	for _, s := range d.Datasources {
		add(s.SiteID, "datasources")
	}
	for _, v := range d.Views {
		add(v.SiteID, "views")
	}
	for _, g := range d.Groups {
		add(g.SiteID, "groups")
	}
	for _, site := range []string{DemoDefaultSiteID, DemoSamplesSiteID} {
		for _, kind := range []string{"projects", "datasources", "views", "groups"} {
			if perSite[site][kind] < 2 {
				t.Errorf("site %s has %d %s, want several", site, perSite[site][kind], kind)
			}
		}
	}
	if n := perSite[DemoSamplesSiteID]["workbooks"]; n < 30 {
		t.Errorf("Samples has %d workbooks; paging needs at least 30", n)
	}
	// The ids are stable across calls, so collections can hard-code them.
	if diff := cmp.Diff(d, DefaultData()); diff != "" {
		t.Errorf("DefaultData differs between calls:\n%s", diff)
	}
}

func TestCloneIsDeep(t *testing.T) {
	t.Parallel()
	d := DefaultData()
	c := d.Clone()
	c.Users[0].SiteIDs = append(c.Users[0].SiteIDs, "x")
	c.Workbooks[0].Tags[0] = "changed"
	c.ConnectedApps[0].Secrets[0].Value = "changed"
	c.Groups[0].UserIDs[0] = "changed"
	c.Flows[0].Tags[0] = "changed"
	if diff := cmp.Diff(DefaultData(), d); diff != "" {
		t.Errorf("changing the clone changed the original:\n%s", diff)
	}
}

func TestServerKeepsItsOwnCopy(t *testing.T) {
	t.Parallel()
	d := DefaultData()
	m := newMock(t, Config{Data: d})
	d.Users[0].Password = "changed"
	m.admin("")
}

func TestLoadData(t *testing.T) {
	t.Parallel()
	d, err := LoadData(filepath.Join("testdata", "minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := newMock(t, Config{Data: d})
	token, site := m.signIn(passwordBody("carol", "carol-password", "analytics"))
	doc := m.do(req{path: "sites/" + site + "/workbooks", token: token}).xml(t)
	if diff := cmp.Diff([]string{"Revenue"}, names(doc, "workbook")); diff != "" {
		t.Errorf("workbooks (-want +got):\n%s", diff)
	}
	m.signIn(patBody("carol-ci", "carol-ci-secret", "analytics"))
	// dave has no password and cannot sign in with one.
	m.do(req{method: "POST", path: "auth/signin", body: passwordBody("dave", "", "analytics")}).wantError(t, 401, "401001")
	// The demo credentials are gone with the demo data.
	m.do(req{method: "POST", path: "auth/signin", body: passwordBody(DemoAdminName, DemoAdminPassword, "")}).wantError(t, 401, "401001")
}

func TestLoadDataErrors(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	good := string(raw)
	// with adds a top-level key to the good fixture.
	with := func(key, value string) string {
		i := strings.LastIndex(good, "}")
		return good[:i] + `,"` + key + `":` + value + good[i:]
	}
	const flow = `{"id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "siteId": "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "name": "Prep", ` +
		`"projectId": "50617283-94a5-4fb0-81d2-4d5e6f708192", "ownerId": "1c2d3e4f-5061-4b7c-8d9e-0f1a2b3c4d5e"`
	const schedule = `{"id": "b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "name": "Nightly", "frequency": "Daily"`
	tests := []struct {
		name, content, want string
	}{
		{"syntax", "{\n  \"sites\": [,]\n}", "fixture.json:2:13: invalid character ','"},
		{"not json", "hello", "fixture.json:1:1: invalid character 'h'"},
		{"empty", " \n", "fixture.json: the file is empty; a fixture is a JSON object"},
		{"cut short", "{\n  \"sites\": [", "fixture.json:2:13: the JSON ends before it is complete"},
		// Type errors and unknown keys name their place with indices and
		// say what is wanted: encoding/json named the Go type
		// ([]mockserver.Site) and a path without indices (sites.id).
		{"unknown field", `{"sites":[],"colour":1}`, `fixture.json: colour: unknown field (the fields here are sites, users, personalAccessTokens, connectedApps, projects, groups, workbooks, datasources, views, flows, schedules)`},
		{"unknown nested field", `{"sites":[{"nme":"x"}]}`, `fixture.json: sites[0].nme: unknown field (the fields here are id, name, contentUrl)`},
		{"wrong type", `{"sites":[{"id":1}]}`, "fixture.json: sites[0].id: want a string, got 1"},
		{"wrong type in a later entry", strings.Replace(good, `"name": "dave"`, `"name": 5`, 1), "fixture.json: users[1].name: want a string, got 5"},
		{"case-folded key", `{"Sites":[{"ID":true}]}`, "fixture.json: Sites[0].ID: want a string, got true"},
		{"list as object", `{"sites":{}}`, "fixture.json: sites: want an array of objects, got an object"},
		{"ids as text", `{"sites":[],"groups":[{"userIds":"x"}]}`, `fixture.json: groups[0].userIds: want an array of strings, got "x"`},
		{"fraction", strings.Replace(good, `"size": 2`, `"size": 2.5`, 1), "fixture.json: workbooks[0].size: want a whole number, got 2.5"},
		{"number as text", strings.Replace(good, `"size": 2`, `"size": "2"`, 1), `fixture.json: workbooks[0].size: want a whole number, got "2"`},
		{"flag as text", strings.Replace(good, `"expiresAt"`, `"revoked": "yes", "expiresAt"`, 1), `fixture.json: personalAccessTokens[0].revoked: want true or false, got "yes"`},
		{"date as number", strings.Replace(good, `"2024-05-01T08:00:00Z"`, `20240501`, 1), "fixture.json: users[1].lastLogin: want an RFC 3339 time string such as 2024-02-14T04:42:09Z, got 20240501"},
		{"object as text", `{"sites":[{"name":{}}]}`, "fixture.json: sites[0].name: want a string, got an object"},
		{"long text cut", strings.Replace(good, `"size": 2`, `"size": "`+strings.Repeat("a", 50)+`"`, 1), `fixture.json: workbooks[0].size: want a whole number, got "` + strings.Repeat("a", 40) + `"...`},
		{"top level", `[{"sites":[]}]`, "fixture.json: the top level: want an object (see mockserver/testdata/minimal.json), got an array"},
		{"trailing data", `{"sites":[]} []`, "fixture.json: unexpected data after the top-level object"},
		{"no sites", `{"sites":[],"users":[]}`, "fixture.json: sites: at least one site is needed"},
		{"bad id", strings.Replace(good, `"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "name"`, `"site-1", "name"`, 1), `fixture.json: sites[0].id: "site-1" is not a UUID`},
		{"bad role", strings.Replace(good, `"Viewer"`, `"Publisher"`, 1), `fixture.json: users[1].siteRole: "Publisher" is not a Tableau site role`},
		{"dangling owner", strings.Replace(good, `"ownerId": "1c2d3e4f-5061-4b7c-8d9e-0f1a2b3c4d5e"}`, `"ownerId": "00000000-0000-4000-8000-000000000000"}`, 1), `fixture.json: projects[0].ownerId: "00000000-0000-4000-8000-000000000000" matches no entry`},
		{"duplicate id", strings.Replace(good, `"2d3e4f50-6172-4c8d-9eaf-1a2b3c4d5e6f", "name": "dave"`, `"1c2d3e4f-5061-4b7c-8d9e-0f1a2b3c4d5e", "name": "dave"`, 1), "fixture.json: users[1].id: 1c2d3e4f-5061-4b7c-8d9e-0f1a2b3c4d5e is already the id of users[0]"},
		{"three secrets", strings.Replace(good, `"secrets": [{"id": "4f506172-8394-4eaf-b0c1-3c4d5e6f7081", "value": "ci-app-secret"}]`,
			`"secrets": [{"id": "4f506172-8394-4eaf-b0c1-3c4d5e6f7081", "value": "a"}, {"id": "4f506172-8394-4eaf-b0c1-3c4d5e6f7082", "value": "b"}, {"id": "4f506172-8394-4eaf-b0c1-3c4d5e6f7083", "value": "c"}]`, 1),
			"fixture.json: connectedApps[0].secrets: a connected app has one or two secrets, not 3"},
		{"connected app project", strings.Replace(good, `"secrets": [{"id": "4f506172-8394-4eaf-b0c1-3c4d5e6f7081", "value": "ci-app-secret"}]`,
			`"secrets": [{"id": "4f506172-8394-4eaf-b0c1-3c4d5e6f7081", "value": "ci-app-secret"}], "projectId": "00000000-0000-4000-8000-000000000000"`, 1),
			`fixture.json: connectedApps[0].projectId: "00000000-0000-4000-8000-000000000000" matches no entry`},
		{"bad date", strings.Replace(good, `"2024-04-01T10:00:00Z"`, `"yesterday"`, 1), `fixture.json: workbooks[0].createdAt: "yesterday" is not an RFC 3339 time`},
		{"flow file type", with("flows", `[`+flow+`, "fileType": "zip"}]`), `fixture.json: flows[0].fileType: "zip" is neither tfl nor tflx`},
		{"flow owner", with("flows", `[`+strings.Replace(flow, `"ownerId": "1c2d`, `"ownerId": "9c2d`, 1)+`}]`), `fixture.json: flows[0].ownerId: "9c2d3e4f-5061-4b7c-8d9e-0f1a2b3c4d5e" matches no entry`},
		{"schedule type", with("schedules", `[`+schedule+`, "type": "Nightly"}]`), `fixture.json: schedules[0].type: "Nightly" is not one of Extract, Subscription, Flow, System`},
		{"schedule frequency", with("schedules", `[`+strings.Replace(schedule, "Daily", "Often", 1)+`, "type": "Extract"}]`), `fixture.json: schedules[0].frequency: "Often" is not one of Hourly`},
		{"schedule priority", with("schedules", `[`+schedule+`, "type": "Extract", "priority": 101}]`), `fixture.json: schedules[0].priority: 101 is not between 1 and 100`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "fixture.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadData(path)
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.TrimPrefix(err.Error(), filepath.Dir(path)+string(filepath.Separator))
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("error = %q, want it to start with %q", got, tt.want)
			}
			if strings.Contains(got, "\n") {
				t.Errorf("error spans lines: %q", got)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		t.Parallel()
		_, err := LoadData(filepath.Join(t.TempDir(), "none.json"))
		if err == nil || !strings.Contains(err.Error(), "none.json") {
			t.Errorf("error = %v", err)
		}
	})
}

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	bad := DefaultData()
	bad.Users[0].SiteRole = "Boss"
	tests := []struct {
		cfg  Config
		want string
	}{
		{Config{}, ""},
		{Config{APIVersion: "3.25", SessionTTL: time.Second}, ""},
		{Config{APIVersion: "v3"}, `api version "v3" is not of the form N.N`},
		{Config{SessionTTL: -1}, "session TTL -1ns is negative"},
		{Config{Latency: -1}, "latency -1ns is negative"},
		{Config{MaxBodyBytes: -1}, "body limit -1 is negative"},
		{Config{ClockSkew: -1}, "clock skew -1ns is negative"},
		{Config{Data: bad}, `mock data: users[0].siteRole: "Boss"`},
	}
	for _, tt := range tests {
		err := tt.cfg.Validate()
		if tt.want == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.cfg, err)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("error = %v, want %q", err, tt.want)
		}
	}
}

func TestStart(t *testing.T) {
	t.Parallel()
	s, err := Start(Config{Echo: true}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.Addr(), "127.0.0.1:") || s.URL() != "http://"+s.Addr() {
		t.Errorf("Addr %q URL %q", s.Addr(), s.URL())
	}
	for _, path := range []string{"/api/" + DefaultAPIVersion + "/serverinfo", "/get"} {
		resp, err := http.Get(s.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
	// A second server on the same address fails to start.
	if _, err := Start(Config{}, s.Addr()); err == nil || !strings.Contains(err.Error(), "address already in use") {
		t.Errorf("second Start: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(s.URL() + "/get"); err == nil {
		t.Error("still serving after Close")
	}
	if _, err := Start(Config{APIVersion: "x"}, "127.0.0.1:0"); err == nil {
		t.Error("Start accepted a bad config")
	}
}
