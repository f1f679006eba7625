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
// undefined and an undefined last location entry (null in JSON).
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
}
