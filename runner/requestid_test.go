package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestItemsWithoutIDGetOneForTheRun checks pm.info and
// pm.execution.location for items without an id, as Newman 6.2.2 shows
// them: every item gets a UUID on loading, kept across iterations and
// distinct per item, and an item without a name has requestName
// undefined and an undefined last location entry (null in JSON). Events
// carry the folders' ids for the JSON report's failures[].parent.
func TestItemsWithoutIDGetOneForTheRun(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	script := `"var seen = pm.variables.get('ids') || ''; var id = pm.info.requestId;",
		"console.log(typeof id, id.length, pm.info.requestName, typeof pm.info.requestName, JSON.stringify(pm.execution.location), seen.indexOf(id) >= 0);",
		"pm.variables.set('ids', seen + ' ' + id)"`
	items := `{"name":"fold","item":[
		{"name":"r","request":{"method":"GET","url":"{{base}}/a"},"event":[{"listen":"test","script":{"exec":[` + script + `]}}]},
		{"request":{"method":"GET","url":"{{base}}/b"},"event":[{"listen":"test","script":{"exec":[` + script + `]}}]}]}`
	ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, items)), Options{Iterations: 2})
	var got []string
	for _, e := range ev.all {
		if e.Console != nil {
			got = append(got, strings.Join(e.Console.Messages, ", "))
		}
	}
	// Newman 6.2.2's console lines, iteration by iteration.
	newman := []string{
		`'string', 36, 'r', 'string', '["t","fold","r"]', false`,
		`'string', 36, undefined, 'undefined', '["t","fold",null]', false`,
		`'string', 36, 'r', 'string', '["t","fold","r"]', true`,
		`'string', 36, undefined, 'undefined', '["t","fold",null]', true`,
	}
	if d := cmp.Diff(newman, got); d != "" {
		t.Errorf("pm.info of items without an id (-newman +colrun):\n%s", d)
	}
	// The JSON report's failures name the parent folder's id, generated
	// for the named folder "fold", the same in every event.
	var folderIDs []string
	for _, r := range ev.requests() {
		if len(r.Item.FolderIDs) != 1 || len(r.Item.FolderIDs[0]) != 36 {
			t.Fatalf("request %q: folder ids %q, want the folder's generated id", r.Item.Name, r.Item.FolderIDs)
		}
		folderIDs = append(folderIDs, r.Item.FolderIDs[0])
	}
	if len(folderIDs) != 4 || strings.Count(strings.Join(folderIDs, " "), folderIDs[0]) != 4 {
		t.Errorf("folder ids %q, want one id four times", folderIDs)
	}
}
