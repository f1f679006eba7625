package mockserver

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// jobField reads one attribute of a reply in either format: xmlPath is an
// etree path, jsonKeys the same place in Tableau's JSON.
func jobField(t *testing.T, r reply, asJSON bool, xmlPath, attr string, jsonKeys ...any) string {
	t.Helper()
	if asJSON {
		v, _ := dig(r.jsonMap(t), append(jsonKeys, attr)...).(string)
		return v
	}
	e := r.xml(t).FindElement(xmlPath)
	if e == nil {
		return ""
	}
	return e.SelectAttrValue(attr, "")
}

// startRefresh refreshes a workbook of the default site and returns the
// new job's id.
func startRefresh(t *testing.T, m *testMock, token, workbook string) string {
	t.Helper()
	path := "sites/" + DemoDefaultSiteID + "/workbooks/" + demoID(DemoDefaultSiteID, "workbook", workbook) + "/refresh"
	r := m.do(req{method: http.MethodPost, path: path, token: token})
	r.wantStatus(t, http.StatusAccepted)
	return attrAt(t, r.xml(t), "/tsResponse/job", "id")
}

// TestRefreshStartsJob checks that refreshing a workbook or data source
// answers 202 with a job that Query Job then shows running, and finished
// once its run time has passed, in XML and JSON.
func TestRefreshStartsJob(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	wb := demoID(site, "workbook", "Sales Dashboard")
	ds := demoID(site, "datasource", "HR Data")
	tests := []struct {
		name       string
		path       string
		json       bool
		target     string // element under extractRefreshJob
		targetID   string
		targetName string
	}{
		{"workbook xml", "workbooks/" + wb + "/refresh", false, "workbook", wb, "Sales Dashboard"},
		{"workbook json", "workbooks/" + wb + "/refresh", true, "workbook", wb, "Sales Dashboard"},
		{"datasource xml", "datasources/" + ds + "/refresh", false, "datasource", ds, "HR Data"},
		{"datasource json", "datasources/" + ds + "/refresh", true, "datasource", ds, "HR Data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			token, _ := m.admin("")
			base := "sites/" + site + "/"
			r := m.do(req{method: http.MethodPost, path: base + tt.path, token: token, json: tt.json, body: "<tsRequest> </tsRequest>"})
			r.wantStatus(t, http.StatusAccepted)
			f := func(r reply, path, attr string, keys ...any) string {
				return jobField(t, r, tt.json, path, attr, keys...)
			}
			id := f(r, "/tsResponse/job", "id", "job")
			got := map[string]string{
				"type":      f(r, "/tsResponse/job", "type", "job"),
				"mode":      f(r, "/tsResponse/job", "mode", "job"),
				"createdAt": f(r, "/tsResponse/job", "createdAt", "job"),
				"targetID":  f(r, "/tsResponse/job/extractRefreshJob/"+tt.target, "id", "job", "extractRefreshJob", tt.target),
				"name":      f(r, "/tsResponse/job/extractRefreshJob/"+tt.target, "name", "job", "extractRefreshJob", tt.target),
			}
			want := map[string]string{"type": "RefreshExtract", "mode": "Asynchronous", "createdAt": "2025-06-01T12:00:00Z",
				"targetID": tt.targetID, "name": tt.targetName}
			if diff := cmp.Diff(want, got); diff != "" || id == "" {
				t.Fatalf("refresh reply (-want +got), id %q:\n%s\n%s", id, diff, r.body)
			}

			state := func() []string {
				r := m.do(req{path: base + "jobs/" + id, token: token, json: tt.json})
				r.wantStatus(t, http.StatusOK)
				return []string{f(r, "/tsResponse/job", "progress", "job"), f(r, "/tsResponse/job", "finishCode", "job"),
					f(r, "/tsResponse/job", "completedAt", "job"), f(r, "/tsResponse/job/extractRefreshJob/"+tt.target, "id", "job", "extractRefreshJob", tt.target)}
			}
			if diff := cmp.Diff([]string{"0", "", "", tt.targetID}, state()); diff != "" {
				t.Errorf("running job (-want +got):\n%s", diff)
			}
			m.clock.Advance(jobRunTime)
			if diff := cmp.Diff([]string{"100", "0", "2025-06-01T12:00:02Z", tt.targetID}, state()); diff != "" {
				t.Errorf("finished job (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCancelJob checks Cancel Job: a running job ends as cancelled
// (finishCode 2, status Cancelled); a finished one is Tableau's 403091
// and keeps its result.
func TestCancelJob(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	tests := []struct {
		name       string
		before     time.Duration // clock advance between refresh and cancel
		cancelCode string        // the error code of the cancel, "" for 200
		finishCode string
		status     string
	}{
		{"running job is cancelled", time.Second, "", "2", "Cancelled"},
		{"finished job keeps its result", jobRunTime, "403091", "0", "Success"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMock(t, Config{})
			token, _ := m.admin("")
			base := "sites/" + site + "/"
			id := startRefresh(t, m, token, "Sales Dashboard")
			m.clock.Advance(tt.before)
			cancel := m.do(req{method: http.MethodPut, path: base + "jobs/" + id, token: token})
			if tt.cancelCode != "" {
				cancel.wantError(t, http.StatusForbidden, tt.cancelCode)
			} else {
				cancel.wantStatus(t, http.StatusOK)
			}
			m.clock.Advance(time.Hour)
			got := attrAt(t, m.do(req{path: base + "jobs/" + id, token: token}).xml(t), "/tsResponse/job", "finishCode")
			if got != tt.finishCode {
				t.Errorf("finishCode = %q, want %q", got, tt.finishCode)
			}
			list := m.do(req{path: base + "jobs", token: token})
			list.wantStatus(t, http.StatusOK)
			if got := attrAt(t, list.xml(t), "/tsResponse/backgroundJobs/backgroundJob", "status"); got != tt.status {
				t.Errorf("status = %q, want %q", got, tt.status)
			}
		})
	}
}

// TestQueryJobs checks the Query Jobs list: paging, filters on status
// and dates, and Tableau's answers to bad filters.
func TestQueryJobs(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	m := newMock(t, Config{})
	token, _ := m.admin("")
	base := "sites/" + site + "/"
	var ids []string
	for i, name := range []string{"Sales Dashboard", "Budget Planning", "Team KPIs"} {
		if i > 0 {
			m.clock.Advance(time.Second)
		}
		ids = append(ids, startRefresh(t, m, token, name))
	}
	// Now the first job has finished; the others run.
	tests := []struct {
		query string
		total string
		ids   []string
		code  string // error code, for a refused query
	}{
		{"", "3", ids, ""},
		{"?pageSize=2&pageNumber=2", "3", ids[2:], ""},
		{"?filter=status:eq:Success", "1", ids[:1], ""},
		{"?filter=status:in:[InProgress,Cancelled]", "2", ids[1:], ""},
		{"?filter=jobType:eq:refresh_extracts", "3", ids, ""},
		{"?filter=createdAt:gte:2025-06-01T12:00:01Z", "2", ids[1:], ""},
		{"?filter=completedAt:lt:2025-06-01T13:00:00Z", "1", ids[:1], ""},
		{"?sort=createdAt:desc", "3", []string{ids[2], ids[1], ids[0]}, ""},
		{"?filter=title:has:x", "3", ids, ""},
		{"?filter=progress:lte:0", "3", ids, ""},
		{"?filter=priority:lte:10", "0", nil, ""},
		{"?filter=priority:gte:50", "3", ids, ""},
		{"?filter=name:eq:x", "", nil, "400065"},
		{"?filter=createdAt:gt:yesterday", "", nil, "400065"},
		{"?pageNumber=3&pageSize=2", "", nil, "400006"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: base + "jobs" + tt.query, token: token, json: true})
			if tt.code != "" {
				r.wantError(t, http.StatusBadRequest, tt.code)
				return
			}
			r.wantStatus(t, http.StatusOK)
			doc := r.jsonMap(t)
			var got []string
			jobs, _ := dig(doc, "backgroundJobs", "backgroundJob").([]any)
			for _, j := range jobs {
				got = append(got, dig(j, "id").(string))
			}
			if diff := cmp.Diff(tt.ids, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if total := dig(doc, "pagination", "totalAvailable"); total != tt.total {
				t.Errorf("totalAvailable = %v, want %s", total, tt.total)
			}
		})
	}
}

// TestJobErrors checks the codes of unknown ids, of missing and bad
// tokens and of users who may not see or start a job.
func TestJobErrors(t *testing.T) {
	t.Parallel()
	site := DemoDefaultSiteID
	m := newMock(t, Config{})
	admin, _ := m.admin("")
	alice, _ := m.signIn(passwordBody(DemoAliceName, DemoAlicePassword, ""))
	base := "sites/" + site + "/"
	adminJob := startRefresh(t, m, admin, "Sales Dashboard")
	aliceJob := startRefresh(t, m, alice, "Sales Dashboard")
	const missing = "00000000-0000-0000-0000-000000000000"
	tests := []struct {
		name   string
		method string
		path   string
		token  string
		status int
		code   string
	}{
		{"unknown job", "GET", "jobs/" + missing, admin, 404, "404018"},
		{"cancel unknown job", "PUT", "jobs/" + missing, admin, 404, "404018"},
		{"unknown workbook", "POST", "workbooks/" + missing + "/refresh", admin, 404, "404006"},
		{"unknown datasource", "POST", "datasources/" + missing + "/refresh", admin, 404, "404004"},
		{"no token", "GET", "jobs", "", 401, "401000"},
		{"bad token", "GET", "jobs/" + adminJob, "not-a-token", 401, "401002"},
		{"other site", "GET", "jobs", admin, 403, "403000"},
		{"another user's job", "GET", "jobs/" + adminJob, alice, 404, "404018"},
		{"cancel another user's job", "PUT", "jobs/" + adminJob, alice, 404, "404018"},
		{"cancel own job, not an administrator", "PUT", "jobs/" + aliceJob, alice, 403, "403032"},
		{"refresh without rights", "POST", "workbooks/" + demoID(site, "workbook", "Budget Planning") + "/refresh", alice, 403, "403004"},
		{"delete is not Tableau's", "DELETE", "jobs/" + adminJob, admin, 405, "405000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := base + tt.path
			if tt.name == "other site" {
				path = "sites/" + DemoSamplesSiteID + "/" + tt.path
			}
			m.do(req{method: tt.method, path: path, token: tt.token}).wantError(t, tt.status, tt.code)
		})
	}
	// Alice sees her own job only.
	list := m.do(req{path: base + "jobs", token: alice})
	list.wantStatus(t, http.StatusOK)
	if got := attrAt(t, list.xml(t), "/tsResponse/pagination", "totalAvailable"); got != "1" {
		t.Errorf("alice sees %s jobs, want 1: %s", got, list.body)
	}
	if strings.Contains(string(list.body), adminJob) {
		t.Errorf("alice sees the admin's job: %s", list.body)
	}
}
