package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Console lines and test results are reported in the order they happened,
// as Newman prints them: a line logged inside a test comes before that
// test's result, a line logged after it comes after, and a test waiting on
// done() is reported once it completes.
func TestConsoleAndAssertionsInExecutionOrder(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := parse(t, collection(rec.srv.URL, `{"name":"r","request":"{{base}}/x","event":[{"listen":"test","script":{"exec":[
		"console.log('first');",
		"pm.test('a', function () { console.log('inside a'); });",
		"console.log('after a');",
		"pm.test('b', function (done) { setTimeout(function () { console.log('in b timer'); done(); }, 1); });",
		"pm.test('c', function () {});",
		"console.log('after c');"
	]}}]}`))
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		switch {
		case e.Console != nil:
			got = append(got, "log "+e.Console.Messages[0])
		case e.Assertion != nil:
			got = append(got, "test "+e.Assertion.Name)
		}
	}
	want := []string{
		"log 'first'",
		"log 'inside a'",
		"test a",
		"log 'after a'",
		// b is still waiting on done() when c completes (Newman 6.2.2
		// prints the same order).
		"test c",
		"log 'after c'",
		"log 'in b timer'",
		"test b",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("event order (-want +got):\n%s", d)
	}
}
