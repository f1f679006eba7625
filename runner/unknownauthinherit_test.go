package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInheritedUnknownAuthInTestScripts reads pm.request.auth in test
// scripts under a collection whose auth is of a type postman-runtime has
// no handler for. Newman 6.2.2 leaves such an inherited block off the
// request (undefined), while a request's own block stays; colrun's test
// scripts saw the inherited one.
func TestInheritedUnknownAuthInTestScripts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		auth string // the request's
		// folderAuth, when set, is the auth of a folder around the request.
		folderAuth string
		want       string
	}{
		{"inherited from the collection", `null`, "", "undefined"},
		{"the request's own", `{"type":"other","other":[]}`, "", `{"type":"other","other":[]}`},
		{"a handled type from a folder", `null`, `{"type":"bearer","bearer":[{"key":"token","value":"tok"}]}`, `{"type":"bearer","bearer":[{"type":"any","value":"tok","key":"token"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			item := `{"name":"r","request":{"method":"GET","url":"` + rec.srv.URL + `/r","auth":` + tt.auth + `},
				"event":[{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.request.auth) || 'undefined', () => {})"]}}]}`
			if tt.folderAuth != "" {
				item = `{"name":"F","auth":` + tt.folderAuth + `,"item":[` + item + `]}`
			}
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"auth":{"type":"weird","weird":[{"key":"a","value":"b"}]},
				"item":[` + item + `]}`
			ev, _ := runScripted(t, parse(t, doc), Options{})
			var got []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					got = append(got, a.Name)
				}
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("pm.request.auth in the test script (-newman +colrun):\n%s", diff)
			}
		})
	}
}
