package runner

import (
	"net/http"
	"testing"

	"github.com/colrun/colrun/runner/report"
	"github.com/google/go-cmp/cmp"
)

// Under --bail a failed pre-request test stops the run before the item's
// test scripts: Newman 6.2.2 counts its prerequest phase but no test
// phase (run.stats.tests 0); colrun counted one.
func TestBailInPrerequestCountsNoTests(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/get": func(w http.ResponseWriter, r *http.Request) {}})
	c := parse(t, `{"info":{"name":"t"},"item":[
		{"name":"r","request":"`+rec.srv.URL+`/get","event":[
			{"listen":"prerequest","script":{"exec":["pm.test('pre fails', function () { throw new Error('no'); });"]}},
			{"listen":"test","script":{"exec":["pm.test('t', function () {});"]}}]},
		{"name":"r2","request":"`+rec.srv.URL+`/get"}]}`)
	ev, _ := runScripted(t, c, Options{Bail: true})
	sum := report.NewSummary()
	for _, e := range ev.all {
		_ = sum.Handle(e)
	}
	st := sum.Stats
	got := map[string]int{"items": st.Items.Total, "prerequests": st.Prerequests.Total, "tests": st.Tests.Total, "requests": st.Requests.Total, "assertions": st.Assertions.Total}
	want := map[string]int{"items": 1, "prerequests": 1, "tests": 0, "requests": 0, "assertions": 1}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("run.stats totals (-want +got):\n%s", d)
	}
}
