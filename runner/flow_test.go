package runner

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/report"
)

// flowServer answers every request and records the paths it was asked
// for, in order: the requests a run sent.
func flowServer(t *testing.T) (url string, sent func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, strings.TrimPrefix(r.URL.Path, "/"))
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), paths...)
	}
}

// flowItem is a request named name (nil: no name at all) sent to
// /<path>, with a test script.
func flowItem(name any, path, test string) string {
	n := ""
	if name != nil {
		b, _ := json.Marshal(name)
		n = fmt.Sprintf(`"name":%s,`, b)
	}
	return fmt.Sprintf(`{%s"event":[{"listen":"test","script":{"exec":[%q]}}],"request":"{{base}}/%s"}`, n, test, path)
}

// The requests setNextRequest leads to, as Newman 6.2.2 runs each
// collection (recorded from `newman run` against a local server).
func TestSetNextRequestTargets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		items   []string
		folders []string
		want    []string
	}{
		{
			// postman-runtime leaves items without a name out of its
			// lookup, so '' names nothing and ends the iteration; colrun
			// jumped to the request that had no name.
			name: "an empty name ends the iteration, even with an unnamed request",
			items: []string{
				flowItem("S", "s", "pm.execution.setNextRequest('')"),
				flowItem("A", "a", ""),
				flowItem("", "empty", ""),
				flowItem(nil, "noname", ""),
				flowItem("B", "b", ""),
			},
			want: []string{"s"},
		},
		{
			name: "a name inside a nested folder",
			items: []string{
				flowItem("S", "s", "pm.execution.setNextRequest('Deep')"),
				flowItem("Skipped", "skipped", ""),
				`{"name":"F","item":[{"name":"G","item":[` + flowItem("Deep", "deep", "") + `]}]}`,
				flowItem("After", "after", ""),
			},
			want: []string{"s", "deep", "after"},
		},
		{
			name: "a folder's name is not a target",
			items: []string{
				flowItem("S", "s", "pm.execution.setNextRequest('F')"),
				`{"name":"F","item":[` + flowItem("In", "in", "") + `]}`,
			},
			want: []string{"s"},
		},
		{
			name: "a loop on itself with a counter",
			items: []string{
				flowItem("Loop", "loop", "var c = (pm.variables.get('c') || 0) + 1; pm.variables.set('c', c); if (c < 3) pm.execution.setNextRequest('Loop');"),
				flowItem("End", "end", ""),
			},
			want: []string{"loop", "loop", "loop", "end"},
		},
		{
			name: "the last of two calls wins",
			items: []string{
				flowItem("S", "s", "pm.execution.setNextRequest('A'); postman.setNextRequest('B');"),
				flowItem("A", "a", ""),
				flowItem("B", "b", ""),
			},
			want: []string{"s", "b"},
		},
		{
			// postman-sandbox passes the target out as JSON, which drops
			// undefined and functions: the script sets nothing. colrun
			// took undefined for null and ended the iteration.
			name: "undefined sets no target",
			items: []string{
				flowItem("S", "s", "pm.execution.setNextRequest(undefined)"),
				flowItem("A", "a", ""),
				flowItem("B", "b", ""),
			},
			want: []string{"s", "a", "b"},
		},
		{
			name: "undefined after a name drops the name",
			items: []string{
				flowItem("S", "s", "pm.execution.setNextRequest('B'); postman.setNextRequest();"),
				flowItem("A", "a", ""),
				flowItem("B", "b", ""),
			},
			want: []string{"s", "a", "b"},
		},
		{
			name: "a function sets no target",
			items: []string{
				flowItem("S", "s", "pm.execution.setNextRequest(function () {})"),
				flowItem("A", "a", ""),
				flowItem("B", "b", ""),
			},
			want: []string{"s", "a", "b"},
		},
		{
			name: "undefined leaves the folder script's target",
			items: []string{
				`{"name":"F","event":[{"listen":"test","script":{"exec":["pm.execution.setNextRequest('B')"]}}],"item":[` +
					flowItem("S", "s", "pm.execution.setNextRequest(undefined)") + `]}`,
				flowItem("A", "a", ""),
				flowItem("B", "b", ""),
			},
			want: []string{"s", "b"},
		},
		{
			name:    "with --folder, a target outside it ends the iteration",
			folders: []string{"F"},
			items: []string{
				flowItem("Out", "out", ""),
				`{"name":"F","item":[` + flowItem("In", "in", "pm.execution.setNextRequest('Out')") + "," + flowItem("In2", "in2", "") + `]}`,
			},
			want: []string{"in"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url, sent := flowServer(t)
			c := mustParse(t, collection(url, strings.Join(tt.items, ",")))
			runScripted(t, c, Options{Folders: tt.folders})
			if diff := cmp.Diff(tt.want, sent()); diff != "" {
				t.Errorf("requests sent (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// Under --bail a request that gets no response stops the run before its
// test scripts, and Newman 6.2.2 counts no test phase for it; colrun
// counted one (run.stats.tests 2 where Newman has 1).
func TestBailOnRequestErrorCountsNoTests(t *testing.T) {
	t.Parallel()
	url, _ := flowServer(t)
	items := []string{
		flowItem("r1", "r1", "pm.test('t', () => {});"),
		// Port 1 on loopback: nothing listens, the connection is refused.
		`{"name":"r2","event":[{"listen":"test","script":{"exec":["pm.test('t2', () => {});"]}}],"request":"http://127.0.0.1:1/x"}`,
		flowItem("r3", "r3", ""),
	}
	tests := []struct {
		name string
		opts Options
		want map[string]int
	}{
		{"without --bail", Options{}, map[string]int{"items": 3, "prerequests": 3, "requests": 3, "failed requests": 1, "tests": 3, "assertions": 2}},
		{"--bail", Options{Bail: true}, map[string]int{"items": 2, "prerequests": 2, "requests": 2, "failed requests": 1, "tests": 1, "assertions": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, _ := runScripted(t, mustParse(t, collection(url, strings.Join(items, ","))), tt.opts)
			sum := report.NewSummary()
			for _, e := range ev.all {
				_ = sum.Handle(e)
			}
			st := sum.Stats
			got := map[string]int{"items": st.Items.Total, "prerequests": st.Prerequests.Total, "requests": st.Requests.Total,
				"failed requests": st.Requests.Failed, "tests": st.Tests.Total, "assertions": st.Assertions.Total}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("run.stats totals (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// flowScripts is a pre-request and a test script that log tag-pre and
// tag-test, and a pre-request script that adds pre.
func flowScripts(tag, pre string) string {
	return fmt.Sprintf(`"event":[{"listen":"prerequest","script":{"exec":[%q]}},{"listen":"test","script":{"exec":[%q]}}]`,
		"console.log('"+tag+"-pre');"+pre, "console.log('"+tag+"-test');")
}

// Scripts run collection first, then each folder from the outermost in,
// then the request, for the pre-request and the test scripts alike, and
// with --folder the selected folder's parents still run theirs. A
// folder's pre-request script that skips the request ends the item's
// pre-request scripts there and runs none of its tests. Recorded from
// Newman 6.2.2.
func TestScriptOrderAcrossNestedFolders(t *testing.T) {
	t.Parallel()
	url, _ := flowServer(t)
	skip := "if (pm.info.requestName === 'S') pm.execution.skipRequest();"
	doc := fmt.Sprintf(`{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable":[{"key":"base","value":%q}],%s,"item":[
		{"name":"R0","request":"{{base}}/r0",%s},
		{"name":"F1",%s,"item":[
			{"name":"F2",%s,"item":[
				{"name":"F3",%s,"item":[
					{"name":"F4",%s,"item":[{"name":"R4","request":"{{base}}/r4",%s}]}]},
				{"name":"S","request":"{{base}}/s",%s},
				{"name":"R2","request":"{{base}}/r2",%s}]}]}]}`,
		url, flowScripts("C", ""), flowScripts("R0", ""), flowScripts("F1", ""), flowScripts("F2", skip),
		flowScripts("F3", ""), flowScripts("F4", ""), flowScripts("R4", ""), flowScripts("S", ""), flowScripts("R2", ""))
	tests := []struct {
		name    string
		folders []string
		want    []string
	}{
		{"the whole collection", nil, []string{
			"C-pre", "R0-pre", "C-test", "R0-test",
			"C-pre", "F1-pre", "F2-pre", "F3-pre", "F4-pre", "R4-pre", "C-test", "F1-test", "F2-test", "F3-test", "F4-test", "R4-test",
			"C-pre", "F1-pre", "F2-pre",
			"C-pre", "F1-pre", "F2-pre", "R2-pre", "C-test", "F1-test", "F2-test", "R2-test",
		}},
		{"--folder F3", []string{"F3"}, []string{
			"C-pre", "F1-pre", "F2-pre", "F3-pre", "F4-pre", "R4-pre", "C-test", "F1-test", "F2-test", "F3-test", "F4-test", "R4-test",
		}},
		{"--folder S --folder R0", []string{"S", "R0"}, []string{
			"C-pre", "R0-pre", "C-test", "R0-test",
			"C-pre", "F1-pre", "F2-pre",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, _ := runScripted(t, mustParse(t, doc), Options{Folders: tt.folders})
			if diff := cmp.Diff(tt.want, ev.loggedStrings()); diff != "" {
				t.Errorf("scripts run (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// pm.execution.skipRequest ends the pre-request script where it is
// called: postman-sandbox terminates the execution and postman-runtime
// drops what the rest of the script does, so its logs, tests, variable
// writes, setNextRequest and a throw after the call (or in a finally
// block, or after a skip in a timer) count for nothing. colrun ran the
// rest: it logged, counted the test, jumped with setNextRequest and
// failed the run with the throw. Recorded from Newman 6.2.2.
func TestSkipRequestEndsTheScript(t *testing.T) {
	t.Parallel()
	after := "console.log('after'); pm.environment.set('after', 'a'); pm.test('after skip', () => {}); pm.execution.setNextRequest('D'); throw new Error('boom');"
	pre := func(name, script string) string {
		return fmt.Sprintf(`{"name":%q,"event":[{"listen":"prerequest","script":{"exec":[%q]}},{"listen":"test","script":{"exec":["console.log('%s test')"]}}],"request":"{{base}}/%s"}`,
			name, script, name, strings.ToLower(name))
	}
	tests := []struct {
		name      string
		item      string
		wantSent  []string
		wantLogs  []string
		wantTests []string
	}{
		{
			name:      "after the call",
			item:      pre("A", "console.log('before'); pm.environment.set('before', 'b'); pm.test('before skip', () => {}); pm.execution.skipRequest(); "+after),
			wantSent:  []string{"b", "d"},
			wantLogs:  []string{"before"},
			wantTests: []string{"before skip", "env b undefined undefined"},
		},
		{
			name:      "in a timer",
			item:      pre("A", "setTimeout(() => { pm.execution.skipRequest(); "+after+" }, 1);"),
			wantSent:  []string{"b", "d"},
			wantTests: []string{"env undefined undefined undefined"},
		},
		{
			name:      "in a try with a finally block",
			item:      pre("A", "try { pm.execution.skipRequest(); } finally { console.log('finally'); pm.environment.set('fin', 'f'); }"),
			wantSent:  []string{"b", "d"},
			wantTests: []string{"env undefined undefined undefined"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url, sent := flowServer(t)
			items := []string{
				tt.item,
				flowItem("B", "b", ""),
				`{"name":"D","event":[{"listen":"test","script":{"exec":["pm.test('env ' + pm.environment.get('before') + ' ' + pm.environment.get('after') + ' ' + pm.environment.get('fin'), () => {});"]}}],"request":"{{base}}/d"}`,
			}
			ev, _ := runScripted(t, mustParse(t, collection(url, strings.Join(items, ","))), Options{})
			var tests []string
			var errs []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					tests = append(tests, a.Name)
				}
				if s := e.Script; s != nil && s.Error != nil {
					errs = append(errs, s.Error.Message)
				}
			}
			if diff := cmp.Diff(tt.wantSent, sent()); diff != "" {
				t.Errorf("requests sent (-newman +colrun):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantLogs, ev.loggedStrings()); diff != "" {
				t.Errorf("console (-newman +colrun):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantTests, tests); diff != "" {
				t.Errorf("tests (-newman +colrun):\n%s", diff)
			}
			if len(errs) > 0 {
				t.Errorf("script errors %q, want none", errs)
			}
		})
	}
}

// pm.execution.location.current is the name of the collection, folder or
// request whose script runs, undefined when that has no name, as in
// Newman 6.2.2; colrun gave an empty string.
func TestLocationCurrentOfUnnamedItems(t *testing.T) {
	t.Parallel()
	url, _ := flowServer(t)
	logCurrent := `"event":[{"listen":"prerequest","script":{"exec":["console.log(typeof pm.execution.location.current + ' ' + pm.execution.location.current)"]}}]`
	tests := []struct {
		name       string
		collection string
		folder     string
		want       []string
	}{
		{"named", "C", "F", []string{"string C", "string F", "string R"}},
		{"unnamed", "", "", []string{"undefined undefined", "undefined undefined", "string R"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := fmt.Sprintf(`{"info":{"name":%q,"schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},%s,
				"item":[{"name":%q,%s,"item":[{"name":"R","request":"%s/r",%s}]}]}`, tt.collection, logCurrent, tt.folder, logCurrent, url, logCurrent)
			ev, _ := runScripted(t, mustParse(t, doc), Options{})
			if diff := cmp.Diff(tt.want, ev.loggedStrings()); diff != "" {
				t.Errorf("pm.execution.location.current (-newman +colrun):\n%s", diff)
			}
		})
	}
}
