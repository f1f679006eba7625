package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tutorialFailure is one entry of the JSON report's run.failures.
type tutorialFailure struct {
	Source struct {
		Name string `json:"name"`
	} `json:"source"`
	Error struct {
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
}

type tutorialReport struct {
	Run struct {
		Executions []execution       `json:"executions"`
		Failures   []tutorialFailure `json:"failures"`
	} `json:"run"`
}

// runTutorial runs a whole collection with --mock and returns, per item,
// the status of its last request (the collection's pre-request sign-in
// by pm.sendRequest comes first), and the report's failures.
func runTutorial(t *testing.T, coll, env string) (map[string]int, []tutorialFailure) {
	t.Helper()
	report := t.TempDir() + "/r.json"
	res := colrun(t, nil, "run", coll, "-e", env, "--mock", "-r", "json", "--reporter-json-export", report)
	if res.code == exitUsage {
		t.Fatalf("usage error: %s", res.stderr)
	}
	var doc tutorialReport
	readJSON(t, report, &doc)
	codes := map[string]int{}
	for _, ex := range doc.Run.Executions {
		codes[ex.Item.Name] = ex.Response.Code
	}
	return codes, doc.Run.Failures
}

// TestTutorialWritesAgainstTheMock runs Tableau's 2021 REST tutorial and
// Connected Apps collections, whole, with --mock. The writes they make
// (Add Users, Create Group, Add User to Group, the connected app and
// secret methods) answered 501 before the mock implemented them; now each
// gets Tableau's answer and its tests pass. What still fails fails as on
// Tableau: "Publish Workbook" sends a multipart body whose boundary is not
// the one its Content-Type header names (the collection fixes
// "boundary=!boundary-string!" while Postman and Newman generate their
// own) and no workbook file (greenlight.twbx is not in the collection),
// so it is a 400; the project-specific connected app names
// {{project-id}}, which the environment does not define. The failure
// lists are those Newman 6.2.2 gives against the same mock (colrun mock,
// the variables --mock sets passed with --env-var).
func TestTutorialWritesAgainstTheMock(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		coll, env string
		codes     map[string]int
		failures  []string // "item: error name"
	}{
		{
			name: "REST tutorial",
			coll: "2021/reference_rest-tutorial_tableau-rest-tutorial.postman_collection.json",
			env:  "2021/reference_rest-tutorial_tableau-rest-tutorial.postman_environment.json",
			codes: map[string]int{
				"Sign In": 200, "Create Project": 201, "Get Projects": 200, "Publish Workbook": 400, "Get Workbooks": 200,
				"Add Users": 201, "Create Group": 201, "Get Users": 200, "Add User to Group": 200,
				// workbook-id stays empty, the workbook not being published:
				// the URL's "workbooks//permissions" names no resource.
				"Set Workbook Permissions": 404,
				"Query Data Sources":       200, "Query Views for a Site": 200, "Query Views for a Workbook": 404, "Query Subscriptions": 200,
			},
			failures: []string{"Publish Workbook: AssertionError"},
		},
		{
			name: "Connected Apps",
			coll: "2021/connected-apps.postman_collection.json",
			env:  "2021/reference_connected-apps_connected-apps.postman_environment.json",
			codes: map[string]int{
				"Get Server API Version": 200, "Sign-in (Personal Access Token)": 200,
				"List Connected Applications": 200, "Get a Connected Application": 200,
				"Create a Connected Application (Site-Wide)":        200,
				"Create a Connected Application (Project-Specific)": 404,
				"Update a Connected Application":                    200,
				"Create Secret for a Connected Application":         200,
				"Get a Secret for a Connected Application":          200,
				"Delete s Secret for a Connected Application":       204,
				"Delete a Connected Application":                    204,
			},
			failures: []string{"Create a Connected Application (Project-Specific): TypeError"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			codes, failures := runTutorial(t, officialFixture(t, tt.coll), officialFixture(t, tt.env))
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("status per item (-want +got):\n%s", diff)
			}
			var got []string
			for _, f := range failures {
				got = append(got, f.Source.Name+": "+f.Error.Name)
			}
			if diff := cmp.Diff(tt.failures, got); diff != "" {
				t.Errorf("failures (-want +got):\n%s", diff)
			}
		})
	}
}
