package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// hangServer answers /ok at once, never answers /hang, and sends /stall's
// headers and 10 of its 100 bytes, then stalls; both stall until the
// client goes away. hit receives the path of every stalled request, and
// okHits counts the answered ones.
func hangServer(t *testing.T) (srv *httptest.Server, hit chan string, okHits *atomic.Int32) {
	t.Helper()
	hit = make(chan string, 8)
	okHits = new(atomic.Int32)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hang":
		case "/stall":
			w.Header().Set("Content-Length", "100")
			w.WriteHeader(http.StatusOK)
			io.WriteString(w, "0123456789")
			w.(http.Flusher).Flush()
		default:
			okHits.Add(1)
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"ok":true}`)
			return
		}
		hit <- r.URL.Path
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	return srv, hit, okHits
}

// hangCollection is three requests, the middle one to path with test
// script middle; each passing item records that it ran in the
// environment.
func hangCollection(t *testing.T, dir, base, path, middle string) string {
	t.Helper()
	item := func(name, path, test string) string {
		return fmt.Sprintf(`{"name": %q, "request": {"method": "GET", "url": %q},
		  "event": [{"listen": "test", "script": {"exec": [%q]}}]}`, name, base+path, test)
	}
	record := "pm.test('ok', function () { pm.response.to.have.status(200); }); pm.environment.set('ran_' + pm.info.requestName, '1');"
	if middle == "" {
		middle = record
	}
	return writeFile(t, dir, "hang.postman_collection.json", `{"info": {"name": "hang"}, "item": [`+
		item("first", "/ok", record)+`, `+item("middle", path, middle)+`, `+item("after", "/ok", record)+`]}`)
}

// runReport is what a test reads back from a run's JSON report and
// exported environment.
type runReport struct {
	Executions []string // item names, in order
	Failures   []string // "at item: message", or the test's name for an assertion
	Exported   []string // exported variable names
}

func readRunReport(t *testing.T, jsonPath, envPath string) runReport {
	t.Helper()
	var rep struct {
		Run struct {
			Executions []struct {
				Item struct{ Name string }
			}
			Failures []struct {
				Error  struct{ Message, Test string }
				At     string
				Source struct{ Name string }
			}
		}
	}
	b, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	var out runReport
	for _, e := range rep.Run.Executions {
		out.Executions = append(out.Executions, e.Item.Name)
	}
	for _, f := range rep.Run.Failures {
		what := f.Error.Message
		if f.Error.Test != "" {
			// An assertion's message is the sandbox's business; which
			// test failed is what these tests are about.
			what = f.Error.Test
		}
		out.Failures = append(out.Failures, fmt.Sprintf("%s %s: %s", f.At, f.Source.Name, what))
	}
	var env struct{ Values []struct{ Key string } }
	b, err = os.ReadFile(envPath)
	if err != nil {
		t.Fatalf("exported environment: %v", err)
	}
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatalf("exported environment: %v", err)
	}
	for _, v := range env.Values {
		out.Exported = append(out.Exported, v.Key)
	}
	return out
}

// TestTimeoutsAsNewman runs a server that never answers, one that stalls
// mid-body and a script that loops forever under each --timeout flag.
// --timeout-request and --timeout-script fail the request or script with
// Newman 6.2.2's words and the run goes on; --timeout stops the run there
// with a RunError (Newman prints its summary mid-run, writes no JSON report
// and no export, and goes on). The request or script the deadline cut
// short is the last thing reported: no test script is started, and then
// stopped, after the run has ended.
func TestTimeoutsAsNewman(t *testing.T) {
	t.Parallel()
	const loop = "while (true) {}"
	// What Newman 6.2.2 reports when the middle request gets no complete
	// response in time: the request fails and its test script still runs.
	requestTimedOut := runReport{
		Executions: []string{"first", "middle", "after"},
		Failures: []string{
			"request middle: ESOCKETTIMEDOUT",
			"assertion:0 in test-script middle: ok",
		},
		Exported: []string{"ran_first", "ran_middle", "ran_after"},
	}
	runTimedOut := runReport{
		Executions: []string{"first", "middle"},
		Failures: []string{
			"request middle: ESOCKETTIMEDOUT",
			"run : the run took longer than --timeout 300ms",
		},
		Exported: []string{"ran_first"},
	}
	tests := []struct {
		name   string
		path   string // the middle request's
		middle string // the middle request's test script; "" records as the others do
		flags  []string
		want   runReport
	}{
		{name: "--timeout-request, no answer", path: "/hang", flags: []string{"--timeout-request", "200"}, want: requestTimedOut},
		{name: "--timeout-request, body stalls", path: "/stall", flags: []string{"--timeout-request", "200"}, want: requestTimedOut},
		{name: "--timeout, no answer", path: "/hang", flags: []string{"--timeout", "300ms"}, want: runTimedOut},
		{name: "--timeout, body stalls", path: "/stall", flags: []string{"--timeout", "300"}, want: runTimedOut},
		{
			name: "--timeout-script, endless test script", path: "/ok", middle: loop, flags: []string{"--timeout-script", "200"},
			want: runReport{
				Executions: []string{"first", "middle", "after"},
				Failures:   []string{"test-script middle: sandbox: synchronous script execution timeout"},
				Exported:   []string{"ran_first", "ran_after"},
			},
		},
		{
			name: "--timeout, endless test script", path: "/ok", middle: loop, flags: []string{"--timeout", "300"},
			want: runReport{
				Executions: []string{"first", "middle"},
				Failures: []string{
					"test-script middle: sandbox: script execution cancelled: the run took longer than --timeout 300ms",
					"run : the run took longer than --timeout 300ms",
				},
				Exported: []string{"ran_first"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, _, _ := hangServer(t)
			dir := t.TempDir()
			coll := hangCollection(t, dir, srv.URL, tc.path, tc.middle)
			jsonPath, envPath := filepath.Join(dir, "report.json"), filepath.Join(dir, "env.json")
			args := append([]string{"run", coll, "-r", "cli,json", "--reporter-json-export", jsonPath, "--export-environment", envPath}, tc.flags...)
			res := colrun(t, nil, args...)
			if res.code != exitFailed {
				t.Errorf("exit code %d, want %d\nstderr: %s", res.code, exitFailed, res.stderr)
			}
			if diff := cmp.Diff(tc.want, readRunReport(t, jsonPath, envPath)); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			stopped := strings.Contains(res.stderr, "colrun: run stopped: the run took longer than --timeout")
			if wantStop := len(tc.want.Executions) < 3; stopped != wantStop {
				t.Errorf("stderr says the run stopped: %v, want %v\nstderr: %s", stopped, wantStop, res.stderr)
			}
		})
	}
}
