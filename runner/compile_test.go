package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/colrun/colrun/runner/sandbox"
)

// A run with more distinct scripts than the compile cache holds, over two
// iterations, runs every script of every request in order: the
// compile-ahead goroutine and the bounded cache change nothing a user sees.
func TestManyDistinctScriptsRunInOrderOverIterations(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	n := sandbox.CompileCacheSize + 40
	var items []string
	for i := range n {
		items = append(items, fmt.Sprintf(`{"name":"r%d","request":"{{base}}/r/%d","event":[
			{"listen":"prerequest","script":{"exec":["pm.variables.set('n', %d)"]}},
			{"listen":"test","script":{"exec":["pm.test('r%d saw ' + pm.variables.get('n'), function () { pm.expect(pm.response.json().ok).to.eql(true) })"]}}]}`, i, i, i, i))
	}
	c := parse(t, collection(rec.srv.URL, strings.Join(items, ",")))
	ev, _ := runScripted(t, c, Options{Iterations: 2})
	var got []string
	for _, e := range ev.all {
		if e.Script != nil && e.Script.Error != nil {
			t.Fatalf("%s script of %s: %s", e.Script.Listen, e.Script.Item.Name, e.Script.Error.Message)
		}
		if a := e.Assertion; a != nil {
			if a.Error != nil {
				t.Fatalf("%s failed: %s", a.Name, a.Error.Message)
			}
			got = append(got, a.Name)
		}
	}
	if len(got) != 2*n {
		t.Fatalf("%d assertions, want %d", len(got), 2*n)
	}
	for k, name := range got {
		i := k % n
		if want := fmt.Sprintf("r%d saw %d", i, i); name != want {
			t.Fatalf("assertion %d is %q, want %q", k, name, want)
		}
	}
}
