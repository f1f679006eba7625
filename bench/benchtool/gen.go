package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// testScript is issue 6's per-request test: two pm.tests, pm.response.json()
// and a pm.environment.set. The key set is the same for every request, so
// the environment stays one entry long and the run measures script cost,
// not a growing environment.
const testScript = `pm.test("status is 200", function () {
    pm.response.to.have.status(200);
});
var body = pm.response.json();
pm.test("body has the fixed fields", function () {
    pm.expect(body.id).to.eql(1);
    pm.expect(body.items).to.have.lengthOf(3);
});
pm.environment.set("last_request", "%s");`

// echoScript is the same test for colrun mock --echo's /get, which answers
// with the query it was sent.
const echoScript = `pm.test("status is 200", function () {
    pm.response.to.have.status(200);
});
var body = pm.response.json();
pm.test("echo returns the query", function () {
    pm.expect(body.args.i).to.eql("%d");
});
pm.environment.set("last_request", "%s");`

// csvScript is kept to one assertion and one variable write, so that the
// 100,000-iteration run measures memory over iterations rather than
// spending minutes in scripts.
const csvScript = `pm.test("status is 200", function () {
    pm.response.to.have.status(200);
});
pm.environment.set("last_id", pm.iterationData.get("id"));`

// Postman collection v2.1, only the fields the benchmark needs.
type (
	pmCollection struct {
		Info pmInfo   `json:"info"`
		Item []pmItem `json:"item"`
	}
	pmInfo struct {
		ID     string `json:"_postman_id"`
		Name   string `json:"name"`
		Schema string `json:"schema"`
	}
	pmItem struct {
		Name    string    `json:"name"`
		Event   []pmEvent `json:"event,omitempty"`
		Request pmRequest `json:"request"`
	}
	pmEvent struct {
		Listen string   `json:"listen"`
		Script pmScript `json:"script"`
	}
	pmScript struct {
		Type string   `json:"type"`
		Exec []string `json:"exec"`
	}
	pmRequest struct {
		Method string   `json:"method"`
		Header []string `json:"header"`
		URL    pmURL    `json:"url"`
	}
	pmURL struct {
		Raw   string    `json:"raw"`
		Host  []string  `json:"host"`
		Path  []string  `json:"path"`
		Query []pmQuery `json:"query,omitempty"`
	}
	pmQuery struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
)

func genCmd(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	dir := fs.String("dir", "", "directory to write into (created if missing)")
	sizes := fs.String("sizes", "1,200,2000", "request counts of the fixed-server collections, comma-separated")
	rows := fs.String("rows", "1000,100000", "row counts of the CSV data files, comma-separated")
	echoN := fs.Int("echo-requests", 20, "requests in the collection for colrun mock --echo (the --parallel run)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("-dir is required")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	ns, err := ints(*sizes)
	if err != nil {
		return err
	}
	rs, err := ints(*rows)
	if err != nil {
		return err
	}
	for _, n := range ns {
		for _, scripts := range []bool{true, false} {
			kind := "noscripts"
			if scripts {
				kind = "scripts"
			}
			c := collection(fmt.Sprintf("bench %s %d", kind, n), n, func(i int) pmItem {
				it := pmItem{
					Name:    fmt.Sprintf("r%d", i),
					Request: get("{{base}}", []string{"items", strconv.Itoa(i)}, nil),
				}
				if scripts {
					it.Event = testEvent(fmt.Sprintf(testScript, it.Name))
				}
				return it
			})
			if err := writeJSON(filepath.Join(*dir, fmt.Sprintf("%s-%d.postman_collection.json", kind, n)), c); err != nil {
				return err
			}
		}
	}
	echo := collection(fmt.Sprintf("bench echo %d", *echoN), *echoN, func(i int) pmItem {
		name := fmt.Sprintf("e%d", i)
		return pmItem{
			Name:    name,
			Event:   testEvent(fmt.Sprintf(echoScript, i, name)),
			Request: get("{{base}}", []string{"get"}, []pmQuery{{"i", strconv.Itoa(i)}}),
		}
	})
	if err := writeJSON(filepath.Join(*dir, fmt.Sprintf("echo-%d.postman_collection.json", *echoN)), echo); err != nil {
		return err
	}
	csvColl := collection("bench csv", 1, func(int) pmItem {
		return pmItem{
			Name:    "row",
			Event:   testEvent(csvScript),
			Request: get("{{base}}", []string{"items", "{{id}}"}, []pmQuery{{"name", "{{name}}"}}),
		}
	})
	if err := writeJSON(filepath.Join(*dir, "csv.postman_collection.json"), csvColl); err != nil {
		return err
	}
	for _, r := range rs {
		if err := writeCSV(filepath.Join(*dir, fmt.Sprintf("rows-%d.csv", r)), r); err != nil {
			return err
		}
	}
	return nil
}

func collection(name string, n int, item func(i int) pmItem) pmCollection {
	c := pmCollection{Info: pmInfo{
		ID:     fmt.Sprintf("00000000-0000-4000-8000-%012d", n),
		Name:   name,
		Schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
	}}
	for i := 0; i < n; i++ {
		c.Item = append(c.Item, item(i))
	}
	return c
}

func get(host string, path []string, query []pmQuery) pmRequest {
	raw := host + "/" + strings.Join(path, "/")
	for i, q := range query {
		sep := "&"
		if i == 0 {
			sep = "?"
		}
		raw += sep + q.Key + "=" + q.Value
	}
	return pmRequest{Method: "GET", Header: []string{}, URL: pmURL{Raw: raw, Host: []string{host}, Path: path, Query: query}}
}

func testEvent(src string) []pmEvent {
	return []pmEvent{{Listen: "test", Script: pmScript{Type: "text/javascript", Exec: strings.Split(src, "\n")}}}
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// writeCSV writes n rows with a few columns of realistic width, so that a
// reader that kept every row would show up in peak RSS.
func writeCSV(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "id,name,email,amount,note")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(w, "%d,user%07d,user%07d@example.com,%d.%02d,\"row %d, quoted, with some text to give it width\"\n", i, i, i, i%10000, i%100, i)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad count %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}
