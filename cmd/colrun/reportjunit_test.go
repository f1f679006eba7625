package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// junitDoc is the part of a JUnit report CI tools group and count by.
type junitDoc struct {
	Suites []struct {
		Name  string `xml:"name,attr"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnitClassnameOfMarkupNames: Newman 6.2.2 derives a testcase's
// classname from its suite's name attribute as xmlbuilder holds it,
// already escaped, so "F / A&B" is "FAAmpB", not "FAB". Jenkins and
// GitLab group tests by classname, so a pipeline moved from Newman would
// see its history of such requests start over. colrun also dropped
// letters such as Ł and ž, which lodash's deburr turns into L and z. The
// expected values are Newman 6.2.2's for these names.
func TestJUnitClassnameOfMarkupNames(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	tests := []struct {
		request, folder string
		want            string
	}{
		{"A&B", "F", "FAAmpB"},
		{"Get café ✓", `Outer <&> ü / Inner "q" 'a'`, "OuterLtAmpUInnerQuotQQuotAGetCafe"},
		{"Tom & Jerry", "", "TomAmpJerry"},
		{"<html>", "", "LtHtml"},
		{`say "hi"`, "", "SayQuotHiQuot"},
		{"R&D 2", "", "RAmpD2"},
		{"3 > 2", "", "32"},
		{"a\tb", "", "AX9B"},
		{"line\nnext", "", "LineXANext"},
		{"Plain name", "", "PlainName"},
		// lodash's deburr covers Latin Extended-A, and upperFirst comes
		// after the letters \W drops.
		{"Žluťoučký kůň", "Łódź", "LodzZlutouckyKun"},
		{"Ωmega ΔDelta", "", "MegaDelta"},
	}
	var items []any
	want := map[string]string{}
	for _, tc := range tests {
		item := map[string]any{"name": tc.request, "request": srv.URL + "/get",
			"event": []any{map[string]any{"listen": "test", "script": map[string]any{"exec": "pm.test('ok', () => {});"}}}}
		suite := tc.request
		if tc.folder != "" {
			item = map[string]any{"name": tc.folder, "item": []any{item}}
			suite = tc.folder + " / " + tc.request
		}
		items = append(items, item)
		want[suite] = tc.want
	}
	b, err := json.Marshal(map[string]any{"info": map[string]any{"name": "Markup"}, "item": items})
	if err != nil {
		t.Fatal(err)
	}
	coll := writeFile(t, dir, "c.json", string(b))
	report := filepath.Join(dir, "r.xml")
	res := colrun(t, nil, "run", coll, "-r", "junit", "--reporter-junit-export", report)
	if res.code != exitOK {
		t.Fatalf("exit %d, want 0; stderr %s", res.code, res.stderr)
	}
	got := map[string]string{}
	for _, s := range readJUnit(t, report).Suites {
		for _, c := range s.Cases {
			got[s.Name] = c.Classname
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("classnames differ from Newman's (-newman +colrun):\n%s", diff)
	}
}

func readJUnit(t *testing.T, path string) junitDoc {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc junitDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("report is not XML: %v\n%s", err, b)
	}
	if len(doc.Suites) == 0 {
		t.Fatalf("no testsuite in\n%s", b)
	}
	return doc
}

// TestJUnitOrderAsNewman: Newman 6.2.2 builds the suites and each suite's
// testcases as members of JavaScript objects keyed by item id and test
// name, so ids and names that are array indexes ("2", "10", "200") come
// first, in numeric order, and the rest in run order; colrun listed all in
// run order. The expected order is Newman 6.2.2's for this collection.
func TestJUnitOrderAsNewman(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"Order"},"item":[
		{"id":"a-1","name":"A","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":[
			"pm.test('b', () => {}); pm.test('007', () => {}); pm.test('4294967295', () => {}); pm.test('4294967294', () => {}); pm.test('3', () => {});"]}}]},
		{"id":"10","name":"Ten","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":[
			"pm.test('200', () => {}); pm.test('x', () => {}); pm.test('1', () => {});"]}}]},
		{"id":"2","name":"Two","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":["pm.test('t', () => {});"]}}]}]}`, srv.URL))
	report := filepath.Join(dir, "r.xml")
	res := colrun(t, nil, "run", coll, "-r", "junit", "--reporter-junit-export", report)
	if res.code != exitOK {
		t.Fatalf("exit %d, want 0; stderr %s", res.code, res.stderr)
	}
	want := []string{"Two: t", "Ten: 1", "Ten: 200", "Ten: x", "A: 3", "A: 4294967294", "A: b", "A: 007", "A: 4294967295"}
	var got []string
	for _, s := range readJUnit(t, report).Suites {
		for _, c := range s.Cases {
			got = append(got, s.Name+": "+c.Name)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("testcases' order differs from Newman's (-newman +colrun):\n%s", diff)
	}
}
