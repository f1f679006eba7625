package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/colrun/colrun/mockserver"
)

// officialFixture returns a path under ../shared/fixtures/tableau-postman,
// skipping when it is absent (a user's clone has no ../shared).
func officialFixture(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "fixtures", "tableau-postman", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is not available", rel)
	}
	return p
}

type execution struct {
	// Cursor.Ref is the same for the entries Newman lists for one item,
	// one per request sent (its scripts' pm.sendRequest calls too).
	Cursor struct {
		Ref string `json:"ref"`
	} `json:"cursor"`
	Item struct {
		Name string `json:"name"`
	} `json:"item"`
	Response struct {
		Code int `json:"code"`
	} `json:"response"`
	Assertions []struct {
		Assertion string `json:"assertion"`
		Error     *struct {
			Message string `json:"message"`
		} `json:"error"`
	} `json:"assertions"`
}

type officialReport struct {
	Run struct {
		Executions []execution `json:"executions"`
		Failures   []any       `json:"failures"`
	} `json:"run"`
}

// runOfficial runs a collection with a JSON report and returns the report.
func runOfficial(t *testing.T, args ...string) officialReport {
	t.Helper()
	report := filepath.Join(t.TempDir(), "r.json")
	res := colrun(t, nil, append(append([]string{"run"}, args...), "-r", "json", "--reporter-json-export", report)...)
	var doc officialReport
	readJSON(t, report, &doc)
	// The checks are about the collection's requests; an item whose
	// scripts sign in by pm.sendRequest is listed once per request sent,
	// all entries alike, as in Newman's report.
	doc.Run.Executions = slices.CompactFunc(doc.Run.Executions, func(a, b execution) bool { return a.Cursor.Ref == b.Cursor.Ref })
	if res.code == exitUsage {
		t.Fatalf("usage error: %s", res.stderr)
	}
	return doc
}

// TestOfficialCollectionScriptsSignInAgainstTheMock: the official Tableau
// collection's own collection-level test script reads the token from the
// XML sign-in (xml2Json, Object.values(pm.response.headers)) and stores
// api-key and site-id itself; every request after it then succeeds.
func TestOfficialCollectionScriptsSignInAgainstTheMock(t *testing.T) {
	t.Parallel()
	coll := officialFixture(t, "derived/smoke.postman_collection.json")
	env := officialFixture(t, "Tableau Environment.postman_environment.json")
	doc := runOfficial(t, coll, "-e", env, "--mock")
	if len(doc.Run.Executions) != 14 {
		t.Fatalf("%d executions, want 14", len(doc.Run.Executions))
	}
	for _, ex := range doc.Run.Executions {
		if ex.Response.Code/100 != 2 {
			t.Errorf("%q got %d: the script did not capture a working token", ex.Item.Name, ex.Response.Code)
		}
	}
	if len(doc.Run.Failures) != 0 {
		t.Errorf("failures: %v", doc.Run.Failures)
	}
}

func TestOfficial2021CollectionsSignInAndRead(t *testing.T) {
	t.Parallel()
	srv, err := mockserver.Start(mockserver.Config{}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })

	t.Run("REST tutorial: sign-in by pm.sendRequest and xml2Json", func(t *testing.T) {
		t.Parallel()
		coll := officialFixture(t, "2021/reference_rest-tutorial_tableau-rest-tutorial.postman_collection.json")
		env := officialFixture(t, "2021/reference_rest-tutorial_tableau-rest-tutorial.postman_environment.json")
		doc := runOfficial(t, coll, "-e", env, "--env-var", "server-name="+srv.URL(), "--env-var", "username="+mockserver.DemoAdminName,
			"--env-var", "password="+mockserver.DemoAdminPassword, "--env-var", "api-version=3.24",
			"--folder", "Sign In", "--folder", "Create Project", "--folder", "Get Projects", "--folder", "Get Workbooks", "--folder", "Get Users",
			"--folder", "Query Data Sources", "--folder", "Query Views for a Site")
		checkGreen(t, doc, 7)
	})
	t.Run("Connected Apps: JSON PAT sign-in read with legacy responseBody", func(t *testing.T) {
		t.Parallel()
		coll := officialFixture(t, "2021/connected-apps.postman_collection.json")
		env := officialFixture(t, "2021/reference_connected-apps_connected-apps.postman_environment.json")
		export := filepath.Join(t.TempDir(), "env.json")
		doc := runOfficial(t, coll, "-e", env, "--env-var", "server="+srv.URL(), "--env-var", "pat-name="+mockserver.DemoPATName,
			"--env-var", "pat-secret="+mockserver.DemoPATSecret, "--env-var", "api-version=3.24",
			"--folder", "Get Server API Version", "--folder", "Sign-in (Personal Access Token)", "--export-environment", export)
		checkGreen(t, doc, 2)
		var exported struct {
			Values []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"values"`
		}
		readJSON(t, export, &exported)
		for _, v := range exported.Values {
			if v.Key == "tableau-auth-token" && v.Value == "" {
				t.Error("the collection's script did not capture tableau-auth-token")
			}
			if v.Key == "site-id" && v.Value != mockserver.DemoDefaultSiteID {
				t.Errorf("site-id = %q", v.Value)
			}
		}
	})
}

// TestOfficial2021TutorialWithMock: --mock alone sets the variables the
// tutorial reads ({{server-name}}, {{username}}, {{password}}), and a value
// the user gives is kept.
func TestOfficial2021TutorialWithMock(t *testing.T) {
	t.Parallel()
	coll := officialFixture(t, "2021/reference_rest-tutorial_tableau-rest-tutorial.postman_collection.json")
	env := officialFixture(t, "2021/reference_rest-tutorial_tableau-rest-tutorial.postman_environment.json")
	folders := []string{"--folder", "Sign In", "--folder", "Create Project", "--folder", "Get Projects", "--folder", "Get Workbooks",
		"--folder", "Get Users", "--folder", "Query Data Sources", "--folder", "Query Views for a Site"}
	t.Run("defaults", func(t *testing.T) {
		t.Parallel()
		checkGreen(t, runOfficial(t, append([]string{coll, "-e", env, "--mock"}, folders...)...), 7)
	})
	t.Run("user's password kept", func(t *testing.T) {
		t.Parallel()
		doc := runOfficial(t, coll, "-e", env, "--mock", "--env-var", "password=wrong", "--folder", "Sign In")
		if len(doc.Run.Executions) != 1 || doc.Run.Executions[0].Response.Code != 401 {
			t.Errorf("sign-in with the user's wrong password: %+v", doc.Run.Executions)
		}
	})
}

func checkGreen(t *testing.T, doc officialReport, want int) {
	t.Helper()
	if len(doc.Run.Executions) != want {
		t.Fatalf("%d executions, want %d", len(doc.Run.Executions), want)
	}
	for _, ex := range doc.Run.Executions {
		if ex.Response.Code/100 != 2 {
			t.Errorf("%q got %d", ex.Item.Name, ex.Response.Code)
		}
		for _, a := range ex.Assertions {
			if a.Error != nil {
				t.Errorf("%q: %q failed: %s", ex.Item.Name, a.Assertion, a.Error.Message)
			}
		}
	}
}
