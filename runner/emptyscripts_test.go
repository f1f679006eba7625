package runner

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An event with a script object runs (and counts) even when the script is
// empty, as in Newman 6.2.2, whose summary for this collection says 5 test
// scripts and 1 pre-request script: the collection's `exec: []` on each of
// the three requests, a's `"script": ""` and c's comment. An event with no
// script object, or a disabled one, is not a script.
func TestEmptyScriptsCountAsRun(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/get": func(w http.ResponseWriter, r *http.Request) {}})
	doc := fmt.Sprintf(`{"info":{"name":"empty"},
		"event":[{"listen":"test","script":{"exec":[]}}],
		"item":[
			{"name":"a","request":"%[1]s/get","event":[{"listen":"prerequest","script":{"exec":["  "]}},{"listen":"test","script":""}]},
			{"name":"b","request":"%[1]s/get","event":[{"listen":"prerequest"},{"listen":"test","disabled":true,"script":{"exec":[""]}}]},
			{"name":"c","request":"%[1]s/get","event":[{"listen":"test","script":{"exec":["// only a comment"]}}]}]}`, rec.srv.URL)
	// Without c's comment every script is empty and the run has no
	// JavaScript runtime at all: the same scripts still count.
	for name, d := range map[string]string{
		"as given":           doc,
		"only empty scripts": strings.Replace(doc, "// only a comment", "", 1),
	} {
		ev, _ := runScripted(t, parse(t, d), Options{})
		got := map[string]int{}
		for _, e := range ev.all {
			if s := e.Script; s != nil {
				if s.Error != nil {
					t.Errorf("%s: %s script of %s failed: %v", name, s.Listen, s.Item.Name, s.Error)
				}
				got[s.Listen]++
			}
		}
		want := map[string]int{"test": 5, "prerequest": 1}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: scripts run (-want +got):\n%s", name, d)
		}
	}
}
