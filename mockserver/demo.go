package mockserver

import (
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The demo credentials and ids of DefaultData. They are published values of
// a mock, printed by colrun mock and listed in the README, so that tests and
// first-time users can sign in with nothing to configure. Real credentials
// never belong in files.
const (
	// DemoDefaultSiteID is the Default site, whose content URL is "".
	DemoDefaultSiteID = "dad65087-b08b-4603-af4e-2887b8aafc67"
	// DemoSamplesSiteID is the Samples site; it holds more than 30 workbooks
	// so that paging is real.
	DemoSamplesSiteID = "6b7179ba-b82b-4f0f-91ed-812074ac5da6"
	// DemoSamplesContentURL is the Samples site's content URL, the value a
	// sign-in request puts in site contentUrl.
	DemoSamplesContentURL = "Samples"

	// DemoAdminID, DemoAdminName and DemoAdminPassword are a server
	// administrator, who may also impersonate other users.
	DemoAdminID       = "1a96d216-e9b8-497b-a82a-0b899a965e01"
	DemoAdminName     = "admin"
	DemoAdminPassword = "admin-password"

	// DemoAliceID, DemoAliceName and DemoAlicePassword are a Creator.
	DemoAliceID       = "dd2239f6-ddf1-4107-981a-4cf94e415794"
	DemoAliceName     = "alice"
	DemoAlicePassword = "alice-password"

	// DemoPATName and DemoPATSecret are a personal access token of admin.
	DemoPATName   = "mock-pat"
	DemoPATSecret = "mock-pat-secret"

	// DemoClientID, DemoSecretID and DemoSecretValue are the direct-trust
	// Connected App: a JWT signs in when its header has kid=DemoSecretID,
	// its iss is DemoClientID and it is signed (HS256) with DemoSecretValue.
	DemoClientID    = "0f7d9c3e-5f3b-4b8e-9c1d-2a6b7c8d9e0f"
	DemoSecretID    = "8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
	DemoSecretValue = "mock-connected-app-secret-value"
)

// demoNamespace seeds the name-based UUIDs of the demo content, so that its
// ids are the same on every run and can be written into collections.
var demoNamespace = uuid.MustParse("5a0c3b8e-7d41-4c86-9f2e-0c6f1d2b9a47")

func demoID(parts ...string) string {
	return uuid.NewSHA1(demoNamespace, []byte(strings.Join(parts, "/"))).String()
}

// demoEpoch is when the demo content was "published".
var demoEpoch = time.Date(2024, 2, 14, 4, 42, 9, 0, time.UTC)

var samplesWorkbooks = []string{
	"Superstore", "World Indicators", "Regional", "Global Temperatures", "Sales Forecast",
	"Customer Analysis", "Executive Overview", "Profitability", "Shipping Performance",
	"Product Insights", "Marketing Funnel", "Web Traffic", "Inventory", "HR Headcount",
	"Hiring Pipeline", "Support Tickets", "Call Center", "Airline Delays", "Energy Usage",
	"Hospital Readmissions", "School Enrollment", "Housing Prices", "Stock Watch",
	"Weather Trends", "Census Explorer", "Election Results", "Sports Stats", "Olympic Medals",
	"Coffee Chain", "Bike Sharing", "Taxi Trips", "Flight Routes",
}

var defaultWorkbooks = []string{"Sales Dashboard", "Budget Planning", "Team KPIs", "Pipeline Review", "Operations"}

// DefaultData returns the demo fixture: the sites Default and Samples, the
// users admin and alice, the PAT and the Connected App of the Demo*
// constants, per site several projects, groups, data sources, workbooks,
// views and flows, and five server schedules. Each call returns a fresh
// copy.
func DefaultData() *Data {
	d := &Data{
		Sites: []Site{
			{ID: DemoDefaultSiteID, Name: "Default", ContentURL: ""},
			{ID: DemoSamplesSiteID, Name: "Samples", ContentURL: DemoSamplesContentURL},
		},
		Users: []User{
			{ID: DemoAdminID, Name: DemoAdminName, Password: DemoAdminPassword, FullName: "Mock Administrator",
				Email: "admin@example.com", SiteRole: "ServerAdministrator"},
			{ID: DemoAliceID, Name: DemoAliceName, Password: DemoAlicePassword, FullName: "Alice Cook",
				Email: "alice@example.com", SiteRole: "Creator", LastLogin: demoEpoch.Add(48 * time.Hour)},
		},
		PATs: []PAT{{Name: DemoPATName, Secret: DemoPATSecret, UserID: DemoAdminID}},
		ConnectedApps: []ConnectedApp{{
			ClientID: DemoClientID, Name: "colrun mock connected app",
			Secrets: []ConnectedAppSecret{{ID: DemoSecretID, Value: DemoSecretValue}},
		}},
	}
	addDemoSite(d, DemoDefaultSiteID, []demoProject{
		{name: "default", description: "The default project that was automatically created by Tableau."},
		{name: "Finance", description: "Budgets and forecasts."},
		{name: "Finance Reports", description: "Monthly reports.", parent: "Finance"},
		{name: "Marketing", description: ""},
	}, defaultWorkbooks, []demoDatasource{
		{name: "Sales Data", kind: "sqlserver", extracts: false},
		{name: "HR Data", kind: "hyper", extracts: true},
	})
	addDemoSite(d, DemoSamplesSiteID, []demoProject{
		{name: "default", description: "The default project that was automatically created by Tableau."},
		{name: "Samples", description: "This project includes automatically uploaded samples."},
		{name: "Samples Archive", description: "Older samples.", parent: "Samples"},
		{name: "Sandbox", description: ""},
	}, samplesWorkbooks, []demoDatasource{
		{name: "Superstore Datasource", kind: "excel-direct", extracts: false},
		{name: "World Indicators", kind: "hyper", extracts: true},
		{name: "Regional Sales", kind: "postgres", extracts: false},
	})
	addDemoFlows(d, DemoDefaultSiteID, []string{"Clean Sales", "Merge HR Extracts"})
	addDemoFlows(d, DemoSamplesSiteID, []string{"Superstore Prep", "Indicator Cleanup", "Regional Rollup"})
	for i, sc := range []struct{ name, kind, frequency string }{
		{"Weekday early mornings", "Extract", "Weekly"},
		{"Saturday night", "Subscription", "Weekly"},
		{"Hourly refresh", "Extract", "Hourly"},
		{"Daily flow run", "Flow", "Daily"},
		{"First of the month", "System", "Monthly"},
	} {
		at := demoEpoch.Add(time.Duration(i) * time.Hour)
		d.Schedules = append(d.Schedules, Schedule{
			ID: demoID("schedule", sc.name), Name: sc.name, State: "Active", Priority: 50, Type: sc.kind,
			Frequency: sc.frequency, ExecutionOrder: "Parallel", CreatedAt: at, UpdatedAt: at,
			// Tableau lists an active schedule's next run (every
			// schedule of the real schedule_get.xml has one).
			NextRunAt: at.Add(24 * time.Hour),
		})
	}
	return d
}

// addDemoFlows publishes flows to a site's default project, owned in turn
// by admin and alice.
func addDemoFlows(d *Data, siteID string, names []string) {
	for i, name := range names {
		owner := DemoAdminID
		if i%2 == 1 {
			owner = DemoAliceID
		}
		at := demoEpoch.Add(time.Duration(i) * 3 * time.Hour)
		var tags []string
		if i == 0 {
			tags = []string{"prep"}
		}
		d.Flows = append(d.Flows, Flow{
			ID: demoID(siteID, "flow", name), SiteID: siteID, Name: name, Description: "Demo flow " + name + ".",
			ProjectID: demoID(siteID, "project", "default"), OwnerID: owner, FileType: "tflx",
			CreatedAt: at, UpdatedAt: at.Add(time.Hour), Tags: tags,
		})
	}
}

type demoProject struct{ name, description, parent string }

type demoDatasource struct {
	name     string
	kind     string
	extracts bool
}

func addDemoSite(d *Data, siteID string, projects []demoProject, workbooks []string, sources []demoDatasource) {
	projectIDs := map[string]string{}
	for i, p := range projects {
		id := demoID(siteID, "project", p.name)
		projectIDs[p.name] = id
		owner := DemoAdminID
		if i%2 == 1 {
			owner = DemoAliceID
		}
		perms := "ManagedByOwner"
		if p.parent != "" {
			perms = "LockedToProject"
		}
		// Projects are made a day before the content, an hour apart.
		at := demoEpoch.Add(time.Duration(i-24) * time.Hour)
		d.Projects = append(d.Projects, Project{
			ID: id, SiteID: siteID, Name: p.name, Description: p.description,
			ParentProjectID: projectIDs[p.parent], OwnerID: owner, ContentPermissions: perms,
			CreatedAt: at, UpdatedAt: at,
		})
	}
	contentProjects := []string{projectIDs[projects[1].name], projectIDs[projects[0].name], projectIDs[projects[2].name]}
	groups := []struct {
		name  string
		users []string
	}{
		{"All Users", []string{DemoAdminID, DemoAliceID}},
		{"Analysts", []string{DemoAliceID}},
		{"Administrators", []string{DemoAdminID}},
	}
	for _, g := range groups {
		d.Groups = append(d.Groups, Group{ID: demoID(siteID, "group", g.name), SiteID: siteID, Name: g.name, Domain: "local", UserIDs: g.users})
	}
	for i, s := range sources {
		owner := DemoAdminID
		if i%2 == 1 {
			owner = DemoAliceID
		}
		at := demoEpoch.Add(time.Duration(i) * time.Hour)
		var tags []string
		if i == 0 {
			tags = []string{"sample", "certified"}
		}
		d.Datasources = append(d.Datasources, Datasource{
			ID: demoID(siteID, "datasource", s.name), SiteID: siteID, Name: s.name,
			Description: "Demo data source " + s.name + ".", ContentURL: contentURL(s.name), Type: s.kind,
			ProjectID: contentProjects[i%len(contentProjects)], OwnerID: owner, Size: 1 + i,
			HasExtracts: s.extracts, CreatedAt: at, UpdatedAt: at.Add(30 * time.Minute), Tags: tags,
		})
	}
	for i, name := range workbooks {
		owner := DemoAdminID
		if i%3 == 2 {
			owner = DemoAliceID
		}
		wbID := demoID(siteID, "workbook", name)
		at := demoEpoch.Add(time.Duration(i) * 6 * time.Hour)
		var tags []string
		if i%4 == 0 {
			tags = []string{"sample", strings.ToLower(strings.Fields(name)[0])}
		}
		project := contentProjects[i%len(contentProjects)]
		d.Workbooks = append(d.Workbooks, Workbook{
			ID: wbID, SiteID: siteID, Name: name, Description: "Demo workbook " + name + ".",
			ContentURL: contentURL(name), ProjectID: project, OwnerID: owner,
			ShowTabs: i%2 == 0, Size: 1 + i%5, CreatedAt: at, UpdatedAt: at.Add(time.Hour), Tags: tags,
		})
		for j, sheet := range []struct{ name, kind string }{{"Overview", "dashboard"}, {"Details", "worksheet"}} {
			var vtags []string
			if j == 0 && tags != nil {
				vtags = []string{"overview"}
			}
			d.Views = append(d.Views, View{
				ID: demoID(siteID, "view", name, sheet.name), SiteID: siteID, Name: sheet.name,
				ContentURL: fmt.Sprintf("%s/sheets/%s", contentURL(name), sheet.name),
				WorkbookID: wbID, SheetType: sheet.kind, CreatedAt: at, UpdatedAt: at.Add(time.Hour),
				Tags: vtags, TotalViewCount: (i*7 + j*3) % 50,
			})
		}
	}
}

// contentURL derives a URL name the way Tableau does for published
// content: the name without spaces or punctuation.
func contentURL(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			b.WriteRune(r)
		}
	}
	return b.String()
}
