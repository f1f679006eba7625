package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFolderIsLookedUpAsNewmanLooksItUp runs --folder names that several
// items of one collection share. A lone --folder takes an item's own
// children before anything deeper (postman-runtime's idOrName lookup), so
// a top-level "B" or "r1" wins over the one inside folder A; several
// --folder flags take each name's first match depth first. The wanted
// paths are what Newman 6.2.2 sent; colrun took the depth-first match for
// a lone --folder too.
func TestFolderIsLookedUpAsNewmanLooksItUp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		folders []string
		want    []string
	}{
		{[]string{"B"}, []string{"/B/r4"}},
		{[]string{"r1"}, []string{"/top/r1"}},
		{[]string{"A"}, []string{"/A1/r1", "/A1/B/r2"}},
		{[]string{"fa2"}, []string{"/A2/r3"}},
		{[]string{"r2"}, []string{"/A1/B/r2"}},
		{[]string{"top-r1"}, []string{"/top/r1"}},
		{[]string{"B", "r5"}, []string{"/A1/B/r2", "/r5"}},
		{[]string{"r5", "A"}, []string{"/A1/r1", "/A1/B/r2", "/r5"}},
		{[]string{"B", "A"}, []string{"/A1/r1", "/A1/B/r2"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.folders, ","), func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			req := func(name, path string) string {
				return fmt.Sprintf(`{"name":%q,"request":"{{base}}%s"}`, name, path)
			}
			c := parse(t, collection(rec.srv.URL, strings.Join([]string{
				`{"name":"A","id":"fa1","item":[` + req("r1", "/A1/r1") + `,{"name":"B","item":[` + req("r2", "/A1/B/r2") + `]}]}`,
				`{"name":"A","id":"fa2","item":[` + req("r3", "/A2/r3") + `]}`,
				`{"name":"B","item":[` + req("r4", "/B/r4") + `]}`,
				`{"name":"r1","id":"top-r1","request":"{{base}}/top/r1"}`,
				req("r5", "/r5"),
			}, ",")))
			run(t, c, Options{Folders: tt.folders})
			var got []string
			for _, r := range rec.all() {
				got = append(got, r.URI)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}
