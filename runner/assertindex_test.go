package runner

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An assertion's Index (error.index in the JSON report, "at assertion:N"
// in the cli's failure list) counts from 0 in each script run, as
// Newman 6.2.2 numbers them: with a collection-level test and pre-request
// test ahead of them, the item's failing tests are still 0 and 1.
func TestAssertionIndexCountsPerScript(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/get": func(w http.ResponseWriter, r *http.Request) {}})
	c := parse(t, fmt.Sprintf(`{"info":{"name":"t"},
		"event":[
			{"listen":"test","script":{"exec":["pm.test('coll', () => {});"]}},
			{"listen":"prerequest","script":{"exec":["pm.test('pre', () => {});"]}}],
		"item":[{"name":"r","request":"%s/get","event":[
			{"listen":"prerequest","script":{"exec":["pm.test('prebad', () => pm.expect(1).to.eql(3));"]}},
			{"listen":"test","script":{"exec":["pm.test('ok', () => {});","pm.test('bad', () => pm.expect(1).to.eql(2));"]}}]}]}`, rec.srv.URL))
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, fmt.Sprintf("%s %d %v", a.Name, a.Index, a.Error != nil))
		}
	}
	// Newman 6.2.2's JSON report for this collection: prebad index 0,
	// bad index 1 ("at assertion:0" and "at assertion:1").
	want := []string{"pre 0 false", "prebad 0 true", "coll 0 false", "ok 0 false", "bad 1 true"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("assertions (-want +got):\n%s", d)
	}
}

// Newman numbers a script's tests in the order pm.test was called, not
// the order they finished: an inner test finishes before its outer one,
// and a done() test after the tests that follow it. Newman 6.2.2's JSON
// report for this script: inner 1, outer 0, after 3, async 2.
func TestAssertionIndexFollowsCallOrder(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/get": func(w http.ResponseWriter, r *http.Request) {}})
	c := parse(t, fmt.Sprintf(`{"info":{"name":"t"},"item":[{"name":"r","request":"%s/get","event":[
		{"listen":"test","script":{"exec":[
			"pm.test('outer', function () { pm.test('inner', function () { throw new Error('in'); }); throw new Error('out'); });",
			"pm.test('async', function (done) { setTimeout(function () { done(new Error('late')); }, 10); });",
			"pm.test('after', function () { throw new Error('after'); });"]}}]}]}`, rec.srv.URL))
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, fmt.Sprintf("%s %d", a.Name, a.Index))
		}
	}
	want := []string{"inner 1", "outer 0", "after 3", "async 2"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("assertions in report order with their index (-want +got):\n%s", d)
	}
}
