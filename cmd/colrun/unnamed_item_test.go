package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestUnnamedItemsInTheReports checks that a request with neither a name
// nor an id goes by an id generated for the run, as Newman 6.2.2 (which
// generates one on loading) shows it: in the failure list's "inside"
// path, JUnit's suite name, id, classname and "Request name", the JSON
// report's executions[].id and item.id and failures[].source.id, and
// pm.info.requestId, the same id everywhere and another for each item.
// The CLI's "↳" line stays empty, as Newman's prints item.name. colrun
// left the id out and printed an empty segment.
func TestUnnamedItemsInTheReports(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	fail := func(name string) string {
		return `"request":"` + srv.URL + `/x","event":[{"listen":"test","script":{"exec":["pm.test('` + name +
			`', () => pm.expect(1).to.equal(2)); console.log('id=' + pm.info.requestId)"]}}]`
	}
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[
		{"name":"f","item":[{`+fail("t1")+`},{"id":"iid",`+fail("t2")+`}]},{`+fail("t3")+`}]}`)
	junit, rep := filepath.Join(dir, "j.xml"), filepath.Join(dir, "r.json")
	res := colrun(t, nil, "run", coll, "--color", "off", "-r", "cli,junit,json",
		"--reporter-junit-export", junit, "--reporter-json-export", rep)
	xml, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Run struct {
			Executions []struct {
				ID   string
				Item struct{ ID, Name string }
			}
			Failures []struct{ Source struct{ ID string } }
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Run.Executions) != 3 || len(doc.Run.Failures) != 3 {
		t.Fatalf("%d executions and %d failures, want 3 of each:\n%s", len(doc.Run.Executions), len(doc.Run.Failures), b)
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	id1, id3 := doc.Run.Executions[0].ID, doc.Run.Executions[2].ID
	for _, id := range []string{id1, id3} {
		if !uuid.MatchString(id) {
			t.Fatalf("executions[].id = %q, want a generated UUID", id)
		}
	}
	if id1 == id3 {
		t.Errorf("two items share the generated id %s", id1)
	}
	// Newman 6.2.2's output for the same collection, its generated ids
	// replaced by {1} and {3}.
	tests := []struct{ where, text, want string }{
		{"cli", res.stdout, "\n❏ f\n↳ \n"},
		{"cli", res.stdout, `inside "f / {1}"`},
		{"cli", res.stdout, `inside "f / iid"`},
		{"cli", res.stdout, `inside "{3}"`},
		{"cli", res.stdout, "'id={1}'"},
		{"cli", res.stdout, "'id=iid'"},
		{"cli", res.stdout, "'id={3}'"},
		{"junit", string(xml), `<testsuite name="f / {1}" id="{1}"`},
		{"junit", string(xml), `Request name: f / {1}.`},
		{"junit", string(xml), `<testsuite name="f / iid" id="iid"`},
		{"junit", string(xml), `<testsuite name="{3}" id="{3}"`},
		{"junit", string(xml), `Request name: {3}.`},
	}
	for _, tc := range tests {
		want := strings.NewReplacer("{1}", id1, "{3}", id3).Replace(tc.want)
		if !strings.Contains(tc.text, want) {
			t.Errorf("%s: no %q in:\n%s", tc.where, want, tc.text)
		}
	}
	var got [][3]string
	for i, x := range doc.Run.Executions {
		got = append(got, [3]string{x.ID, x.Item.ID, doc.Run.Failures[i].Source.ID})
	}
	want := [][3]string{{id1, id1, id1}, {"iid", "iid", "iid"}, {id3, id3, id3}}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("execution %d: id, item.id, failures[].source.id = %q, want %q", i, got[i], want[i])
		}
	}
}
