package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestUnnamedFoldersInTheReports checks how folders without a name show,
// as Newman 6.2.2 shows them (its getFullName takes name || id): by their
// id on the CLI's "❏" line, in the failure list's "inside" path and in
// the JUnit suite's name; a folder with neither gets an id generated for
// the run, the same on every line. colrun printed an empty segment.
func TestUnnamedFoldersInTheReports(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(srv.Close)
	fail := func(name, path string) string {
		return `"request":"` + srv.URL + path + `","event":[{"listen":"test","script":{"exec":["pm.test('` + name + `', () => pm.expect(1).to.equal(2))"]}}]`
	}
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"f"},"item":[
		{"id":"fold-id","item":[{"name":"a",`+fail("t1", "/x")+`}]},
		{"item":[{"name":"b",`+fail("t2", "/y")+`}]},
		{"name":"outer","item":[{"id":"inner-id","item":[{"item":[{"name":"c",`+fail("t3", "/z")+`},{"name":"d",`+fail("t4", "/w")+`}]}]}]},
		{"id":"fid","item":[{"id":"in-id",`+fail("t5", "/v")+`}]}]}`)
	junit := filepath.Join(dir, "j.xml")
	res := colrun(t, nil, "run", coll, "--color", "off", "-r", "cli,junit", "--reporter-junit-export", junit)
	xml, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	// The ids Newman generated differ run to run; {id} stands for one,
	// and {id2} for another, each the same wherever it shows.
	const uuid = `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`
	tests := []struct {
		where, text, want string
	}{
		{"cli", res.stdout, "\n❏ fold-id\n↳ a\n"},
		{"cli", res.stdout, `inside "fold-id / a"`},
		{"cli", res.stdout, "\n❏ {id}\n↳ b\n"},
		{"cli", res.stdout, `inside "{id} / b"`},
		{"cli", res.stdout, "\n❏ outer / inner-id / {id2}\n↳ c\n"},
		{"cli", res.stdout, `inside "outer / inner-id / {id2} / c"`},
		{"cli", res.stdout, `inside "outer / inner-id / {id2} / d"`},
		{"cli", res.stdout, "\n❏ fid\n↳ \n"},
		{"cli", res.stdout, `inside "fid / in-id"`},
		{"junit", string(xml), `<testsuite name="fold-id / a"`},
		{"junit", string(xml), `<testsuite name="{id} / b"`},
		{"junit", string(xml), `<testsuite name="outer / inner-id / {id2} / c"`},
		{"junit", string(xml), `Request name: outer / inner-id / {id2} / d.`},
		{"junit", string(xml), `<testsuite name="fid / in-id" id="in-id"`},
		{"junit", string(xml), `classname="FidInId"`},
	}
	ids := map[string]string{}
	for _, tc := range tests {
		re := regexp.QuoteMeta(tc.want)
		for _, k := range []string{"{id}", "{id2}"} {
			if v, ok := ids[k]; ok {
				re = strings.ReplaceAll(re, regexp.QuoteMeta(k), regexp.QuoteMeta(v))
			} else {
				re = strings.Replace(re, regexp.QuoteMeta(k), "(?P<"+k[1:len(k)-1]+">"+uuid+")", 1)
			}
		}
		rx := regexp.MustCompile(re)
		m := rx.FindStringSubmatch(tc.text)
		if m == nil {
			t.Errorf("%s: no %q in:\n%s", tc.where, tc.want, tc.text)
			continue
		}
		for i, n := range rx.SubexpNames() {
			if n != "" {
				ids["{"+n+"}"] = m[i]
			}
		}
	}
	if len(ids) == 2 && ids["{id}"] == ids["{id2}"] {
		t.Errorf("two folders share the generated id %s", ids["{id}"])
	}
}
