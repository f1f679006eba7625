package runner

import (
	"net/http"
	"testing"
	"time"
)

// Under --parallel, a cookie an iteration deletes stays deleted in the
// jar the run ends with (--export-cookie-jar), as in a sequential run and
// Newman: the merge took the copy another worker still held. A cookie set
// again after the deletion is kept.
func TestParallelJarKeepsDeletions(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{
		"/keep": func(w http.ResponseWriter, r *http.Request) {},
		"/del": func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "gone", Value: "", Path: "/", MaxAge: -1})
		},
		"/set": func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "back", Value: "again", Path: "/"})
		},
	})
	c := parse(t, `{"info":{"name":"t"},"item":[{"name":"r","event":[{"listen":"prerequest","script":{"exec":[
		"pm.variables.set('path', pm.info.iteration === 1 ? 'del' : 'keep');"]}}],
		"request":"`+rec.srv.URL+`/{{path}}"},
		{"name":"s","event":[{"listen":"prerequest","script":{"exec":[
		"pm.variables.set('path2', pm.info.iteration === 1 ? 'set' : 'keep');"]}}],
		"request":"`+rec.srv.URL+`/{{path2}}"}]}`)
	host := "127.0.0.1"
	jar := []StoredCookie{
		{Name: "gone", Value: "1", Domain: host, Path: "/", HostOnly: true, Creation: time.Now()},
		{Name: "stays", Value: "2", Domain: host, Path: "/", HostOnly: true, Creation: time.Now()},
	}
	for _, workers := range []int{1, 2} {
		_, res := runScripted(t, c, Options{Iterations: 2, Parallel: workers, Cookies: jar})
		got := map[string]string{}
		for _, ck := range res.Cookies {
			got[ck.Name] = ck.Value
		}
		if _, ok := got["gone"]; ok || got["stays"] != "2" || got["back"] != "again" {
			t.Errorf("--parallel %d: final jar %v, want stays=2 and back=again, without gone", workers, got)
		}
	}
}
