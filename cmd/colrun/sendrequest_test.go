package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sendRequestServer answers /500 with a 500 and anything else with a
// 200, and records what each request carried, for the checks that
// pm.sendRequest sends {{variables}} as written.
func sendRequestServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, fmt.Sprintf("%s %s x=%s body=%s", r.Method, r.URL.RequestURI(), r.Header.Get("X"), body))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if strings.HasPrefix(r.URL.Path, "/500") {
			w.WriteHeader(http.StatusInternalServerError)
		}
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), seen...)
	}
}

// The expected values are what Newman 6.2.2 reports for the same
// collections against a local server: a pm.sendRequest is one of the
// run's requests, printed with its own request line just before its
// callback's output; one that gets no response (refused, unresolvable
// host) is a failed request that fails the run, whether or not it has a
// callback, but does not stop it under --bail; a 500 is a response, not a
// failure. {{variables}} in it are sent as written.
func TestSendRequestIsARequestOfTheRun(t *testing.T) {
	t.Parallel()
	srv, _ := sendRequestServer(t)
	const (
		logged  = `function (err, res) { console.log("cb", err ? err.code : res.code); }`
		refused = `"http://127.0.0.1:1/x"`
		test    = `pm.test("main ok", function () { pm.response.to.have.status(200); });`
	)
	ok, e500 := `"{srv}/ok"`, `"{srv}/500"`
	send := func(url, cb string) string {
		if cb == "" {
			return "pm.sendRequest(" + url + ");"
		}
		return "pm.sendRequest(" + url + ", " + cb + ");"
	}
	tests := []struct {
		name string
		// pre and test are R1's scripts; R2 only tests its status.
		pre, test string
		flags     []string
		wantCode  int
		// wantLines are the request, assertion and console lines of the
		// cli output, in order.
		wantLines []string
		// wantRequests and wantFailed are the summary's requests row.
		wantRequests, wantFailed int
		wantFailures             []string
	}{
		{
			name: "answered in a test script", test: test + "\n" + send(ok, logged),
			wantCode:     exitOK,
			wantLines:    []string{"→ R1", "GET {srv}/main [200 OK]", "✓  main ok", "GET {srv}/ok [200 OK]", "│ 'cb', 200", "→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 3,
		},
		{
			name: "a 500 is an answer", test: test + "\n" + send(e500, logged),
			wantCode:     exitOK,
			wantLines:    []string{"→ R1", "GET {srv}/main [200 OK]", "✓  main ok", "GET {srv}/500 [500 Internal Server Error]", "│ 'cb', 500", "→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 3,
		},
		{
			name: "refused in a test script", test: test + "\n" + send(refused, logged),
			wantCode:     exitFailed,
			wantLines:    []string{"→ R1", "GET {srv}/main [200 OK]", "✓  main ok", "GET http://127.0.0.1:1/x [errored]", "connect ECONNREFUSED 127.0.0.1:1", "│ 'cb', 'ECONNREFUSED'", "→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 3, wantFailed: 1,
			wantFailures: []string{"Error|connect ECONNREFUSED 127.0.0.1:1|at request|inside \"R1\", pm.sendRequest in test-script"},
		},
		{
			name: "refused in a pre-request script", pre: send(refused, logged), test: test,
			wantCode:     exitFailed,
			wantLines:    []string{"→ R1", "GET http://127.0.0.1:1/x [errored]", "connect ECONNREFUSED 127.0.0.1:1", "│ 'cb', 'ECONNREFUSED'", "GET {srv}/main [200 OK]", "✓  main ok", "→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 3, wantFailed: 1,
			wantFailures: []string{"Error|connect ECONNREFUSED 127.0.0.1:1|at request|inside \"R1\", pm.sendRequest in prerequest-script"},
		},
		{
			name: "refused without a callback", test: test + "\n" + send(refused, ""),
			wantCode:     exitFailed,
			wantLines:    []string{"→ R1", "GET {srv}/main [200 OK]", "✓  main ok", "GET http://127.0.0.1:1/x [errored]", "connect ECONNREFUSED 127.0.0.1:1", "→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 3, wantFailed: 1,
			wantFailures: []string{"Error|connect ECONNREFUSED 127.0.0.1:1|at request|inside \"R1\", pm.sendRequest in test-script"},
		},
		{
			name: "refused in both scripts", pre: send(refused, logged), test: test + "\n" + send(refused, logged),
			wantCode: exitFailed,
			wantLines: []string{"→ R1", "GET http://127.0.0.1:1/x [errored]", "connect ECONNREFUSED 127.0.0.1:1", "│ 'cb', 'ECONNREFUSED'",
				"GET {srv}/main [200 OK]", "✓  main ok", "GET http://127.0.0.1:1/x [errored]", "connect ECONNREFUSED 127.0.0.1:1", "│ 'cb', 'ECONNREFUSED'",
				"→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 4, wantFailed: 2,
			wantFailures: []string{
				"Error|connect ECONNREFUSED 127.0.0.1:1|at request|inside \"R1\", pm.sendRequest in prerequest-script",
				"Error|connect ECONNREFUSED 127.0.0.1:1|at request|inside \"R1\", pm.sendRequest in test-script",
			},
		},
		{
			name: "--bail does not stop at it", test: test + "\n" + send(refused, logged), flags: []string{"--bail"},
			wantCode:     exitFailed,
			wantLines:    []string{"→ R1", "GET {srv}/main [200 OK]", "✓  main ok", "GET http://127.0.0.1:1/x [errored]", "connect ECONNREFUSED 127.0.0.1:1", "│ 'cb', 'ECONNREFUSED'", "→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 3, wantFailed: 1,
			wantFailures: []string{"Error|connect ECONNREFUSED 127.0.0.1:1|at request|inside \"R1\", pm.sendRequest in test-script"},
		},
		{
			name: "a variable in the host is not replaced", test: `pm.collectionVariables.set("h", "127.0.0.1");` + "\n" + send(`"http://{{h}}/var"`, logged),
			wantCode:     exitFailed,
			wantLines:    []string{"→ R1", "GET {srv}/main [200 OK]", "GET http://{{h}}/var [errored]", "getaddrinfo ENOTFOUND {{h}}", "│ 'cb', 'ENOTFOUND'", "→ R2", "GET {srv}/main [200 OK]", "✓  main ok"},
			wantRequests: 3, wantFailed: 1,
			wantFailures: []string{"Error|getaddrinfo ENOTFOUND {{h}}|at request|inside \"R1\", pm.sendRequest in test-script"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			coll := writeFile(t, dir, "c.json", sendRequestCollection(srv.URL, tc.pre, tc.test))
			report := filepath.Join(dir, "r.json")
			args := append([]string{"run", coll, "--color", "off", "-r", "cli,json", "--reporter-json-export", report}, tc.flags...)
			res := colrun(t, nil, args...)
			if res.code != tc.wantCode {
				t.Errorf("exit = %d, want %d; stderr %s", res.code, tc.wantCode, res.stderr)
			}
			out := strings.ReplaceAll(res.stdout, srv.URL, "{srv}")
			if diff := cmp.Diff(tc.wantLines, runLines(out)); diff != "" {
				t.Errorf("request, test and console lines (-want +got):\n%s\n%s", diff, out)
			}
			if diff := cmp.Diff([]int{tc.wantRequests, tc.wantFailed}, summaryRow(out, "requests")); diff != "" {
				t.Errorf("requests row (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantFailures, failureRows(out)); diff != "" {
				t.Errorf("failure list (-want +got):\n%s", diff)
			}
			var doc struct {
				Run struct {
					Stats struct {
						Requests, TestScripts struct{ Total, Failed int }
					}
					Failures []struct {
						Error struct{ Message string }
						At    string
					}
				}
			}
			b, err := os.ReadFile(report)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			got := []int{doc.Run.Stats.Requests.Total, doc.Run.Stats.Requests.Failed, doc.Run.Stats.TestScripts.Failed, len(doc.Run.Failures)}
			if diff := cmp.Diff([]int{tc.wantRequests, tc.wantFailed, 0, len(tc.wantFailures)}, got); diff != "" {
				t.Errorf("json run.stats requests total/failed, testScripts failed, len(failures) (-want +got):\n%s", diff)
			}
			for _, f := range doc.Run.Failures {
				if f.At != "request" {
					t.Errorf("json failure at %q, want %q (%s)", f.At, "request", f.Error.Message)
				}
			}
		})
	}
}

// Newman 6.2.2 sends a pm.sendRequest's URL, headers and body as the
// script wrote them, {{variables}} included (the path's braces percent-
// encoded), even for a variable the collection defines.
func TestSendRequestSendsVariablesAsWritten(t *testing.T) {
	t.Parallel()
	srv, seen := sendRequestServer(t)
	dir := t.TempDir()
	script := `pm.sendRequest({url: "{srv}/{{cv}}", method: "POST", header: {"X": "{{cv}}"}, body: {mode: "raw", raw: "{{cv}}"}}, function (err, res) { pm.test("sent", function () { pm.expect(res.code).to.equal(200); }); });`
	doc := strings.Replace(sendRequestCollection(srv.URL, "", script), `"item"`, `"variable":[{"key":"cv","value":"CVAL"}],"item"`, 1)
	res := colrun(t, nil, "run", writeFile(t, dir, "c.json", doc), "--color", "off")
	if res.code != exitOK {
		t.Errorf("exit = %d, want %d; stdout:\n%s", res.code, exitOK, res.stdout)
	}
	want := []string{"GET /main x= body=", "POST /%7B%7Bcv%7D%7D x={{cv}} body={{cv}}", "GET /main x= body="}
	if diff := cmp.Diff(want, seen()); diff != "" {
		t.Errorf("requests the server received (-want +got):\n%s", diff)
	}
}

// sendRequestCollection is two requests to base/main: R1 with the given
// scripts ({srv} stands for base) and R2 testing its status.
func sendRequestCollection(base, pre, test string) string {
	event := func(listen, src string) string {
		if src == "" {
			return ""
		}
		b, _ := json.Marshal(strings.Split(strings.ReplaceAll(src, "{srv}", base), "\n"))
		return fmt.Sprintf(`{"listen":%q,"script":{"exec":%s}}`, listen, b)
	}
	var evs []string
	for _, e := range []string{event("prerequest", pre), event("test", test)} {
		if e != "" {
			evs = append(evs, e)
		}
	}
	return fmt.Sprintf(`{"info":{"name":"send","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
		{"name":"R1","event":[%s],"request":{"method":"GET","url":"%s/main"}},
		{"name":"R2","event":[{"listen":"test","script":{"exec":["pm.test(\"main ok\", function () { pm.response.to.have.status(200); });"]}}],"request":{"method":"GET","url":"%s/main"}}]}`,
		strings.Join(evs, ","), base, base)
}

// runLines are the item, request, assertion and console lines of cli
// output before the summary, trimmed, with sizes and times cut from
// request lines.
func runLines(out string) []string {
	out, _, _ = strings.Cut(out, "┌─")
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "→ "), strings.HasPrefix(l, "✓ "), strings.HasPrefix(l, "│ '"), strings.HasPrefix(l, "connect "), strings.HasPrefix(l, "getaddrinfo "):
			lines = append(lines, l)
		case strings.HasPrefix(l, "GET "), strings.HasPrefix(l, "POST "):
			if i := strings.Index(l, ", "); i > 0 && strings.Contains(l, " [") {
				l = l[:i] + "]"
			}
			lines = append(lines, l)
		}
	}
	return lines
}

// summaryRow reads the executed and failed counts of a summary table row.
func summaryRow(out, name string) []int {
	for _, l := range strings.Split(out, "\n") {
		f := strings.FieldsFunc(l, func(r rune) bool { return r == '│' || r == ' ' })
		if len(f) == 3 && f[0] == name {
			var n, failed int
			fmt.Sscan(f[1], &n)
			fmt.Sscan(f[2], &failed)
			return []int{n, failed}
		}
	}
	return nil
}

// failureRows reads the failure table: each row's lines, trimmed, joined
// by "|", without the row number.
func failureRows(out string) []string {
	_, table, ok := strings.Cut(out, "#  failure")
	if !ok {
		return nil
	}
	var rows []string
	for _, l := range strings.Split(table, "\n")[1:] {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if i := strings.Index(l, ". "); i > 0 && i < 4 {
			rows = append(rows, strings.TrimSpace(l[i+2:]))
			continue
		}
		if len(rows) > 0 {
			rows[len(rows)-1] += "|" + l
		}
	}
	return rows
}

// A failed pm.sendRequest's callback gets err as Newman 6.2.2 gives it:
// the Node error's own properties on a plain object, without message or
// stack (refused: errno, code, syscall, address, port; a timeout: code
// and connect; an invalid protocol: none). Assertions on it come out as
// they do under Newman: an('object') passes, an('error') fails.
func TestSendRequestCallbackErrIsNewmans(t *testing.T) {
	t.Parallel()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/main" {
			return
		}
		<-r.Context().Done()
	}))
	t.Cleanup(slow.Close)
	// Each callback names a passing test after what it got, so that the
	// JSON report lists them.
	script := `
function show(tag) {
    return function (err, res) {
        pm.test(tag + " " + JSON.stringify(err) + " " + (err instanceof Error) + " " + typeof err.message + " " + typeof res, function () {});
    };
}
pm.sendRequest("http://127.0.0.1:1/x", show("refused"));
pm.sendRequest("{slow}/x", show("timeout"));
pm.sendRequest("ftp://127.0.0.1:1/x", show("protocol"));
pm.sendRequest("http://127.0.0.1:1/y", function (err) {
    pm.test("err is an object", function () { pm.expect(err).to.be.an("object"); });
    pm.test("err is an error", function () { pm.expect(err).to.be.an("error"); });
});`
	coll := map[string]any{
		"info": map[string]any{"name": "errs"},
		"item": []any{map[string]any{
			"name":    "r",
			"request": slow.URL + "/main",
			"event":   []any{map[string]any{"listen": "prerequest", "script": map[string]any{"exec": strings.ReplaceAll(script, "{slow}", slow.URL)}}},
		}},
	}
	data, err := json.Marshal(coll)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := writeFile(t, dir, "c.json", string(data))
	report := filepath.Join(dir, "r.json")
	colrun(t, nil, "run", path, "--timeout-request", "300", "-r", "json", "--reporter-json-export", report)
	var doc struct {
		Run struct {
			Executions []struct {
				Assertions []struct {
					Assertion string `json:"assertion"`
					Error     *struct {
						Message string `json:"message"`
					} `json:"error"`
				} `json:"assertions"`
			} `json:"executions"`
		} `json:"run"`
	}
	readJSON(t, report, &doc)
	// The main request's execution lists the item's assertions.
	var got []string
	if n := len(doc.Run.Executions); n > 0 {
		for _, a := range doc.Run.Executions[n-1].Assertions {
			outcome := "passed"
			if a.Error != nil {
				outcome = a.Error.Message
			}
			got = append(got, a.Assertion+": "+outcome)
		}
	}
	sort.Strings(got)
	want := []string{
		"err is an error: expected { errno: -111, …(4) } to be an error",
		"err is an object: passed",
		`protocol {} false undefined object: passed`,
		`refused {"errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":1} false undefined object: passed`,
		`timeout {"code":"ESOCKETTIMEDOUT","connect":false} false undefined object: passed`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("assertions (-want +got):\n%s", d)
	}
}
