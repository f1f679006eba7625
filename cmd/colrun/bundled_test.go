package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBundledCollectionsRunGreen runs every collection shipped in
// collections/ against the embedded mock, as a new user's first command
// does, and the reads collection under each --tableau-auth method and
// format, checking that assertions ran and none failed, and that no
// script leans on a global Postman has deprecated (xml2Json, CryptoJS):
// each use prints a warning box, which is no first impression to give.
func TestBundledCollectionsRunGreen(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../collections/*.postman_collection.json")
	if err != nil || len(files) < 2 {
		t.Fatalf("bundled collections: %v %v", files, err)
	}
	type run struct {
		name string
		args []string
	}
	var runs []run
	for _, f := range files {
		runs = append(runs, run{filepath.Base(f), []string{"run", f, "--mock"}})
	}
	reads := "../../collections/tableau-reads.postman_collection.json"
	for _, m := range []string{"password", "pat", "jwt"} {
		for _, f := range []string{"xml", "json"} {
			runs = append(runs, run{"reads/" + m + "/" + f, []string{"run", reads, "--mock", "--tableau-auth", m, "--tableau-format", f}})
		}
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			report := filepath.Join(t.TempDir(), "r.json")
			res := colrun(t, nil, append(r.args, "-r", "cli,json", "--reporter-json-export", report, "--color", "off")...)
			if res.code != exitOK {
				t.Fatalf("exit %d\n%s", res.code, res.stderr)
			}
			if strings.Contains(res.stdout, "deprecated") {
				t.Errorf("a script uses a deprecated global:\n%s", res.stdout)
			}
			var doc struct {
				Run struct {
					Stats struct {
						Assertions struct{ Total, Failed int } `json:"assertions"`
					} `json:"stats"`
				} `json:"run"`
			}
			readJSON(t, report, &doc)
			if a := doc.Run.Stats.Assertions; a.Total < 10 || a.Failed != 0 {
				t.Errorf("assertions: %d run, %d failed", a.Total, a.Failed)
			}
		})
	}
}
