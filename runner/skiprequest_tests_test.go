package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tests a pre-request script that calls pm.execution.skipRequest
// reports, as Newman 6.2.2 reports them (recorded from `newman run`
// against a local server): the legacy tests object is reported once the
// synchronous code has run, so a skip there drops it (colrun reported
// it), and a pm.test returning a promise is reported as passed when
// pm.test returns, so one still pending at the skip counts (colrun
// dropped it).
func TestSkipRequestReportsTestsAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pre string
		want      []string
	}{
		{
			name: "legacy tests before the skip",
			pre:  "tests['legacy'] = true; pm.test('pm.test before', () => {}); pm.execution.skipRequest();",
			want: []string{"pm.test before passed"},
		},
		{
			name: "legacy tests before a skip in a timer",
			pre:  "tests['legacy'] = true; setTimeout(() => pm.execution.skipRequest(), 1);",
			want: []string{"legacy passed"},
		},
		{
			name: "promise test pending at a skip in a timer",
			pre:  "pm.test('pending', async () => { await new Promise(r => setTimeout(r, 50)); }); setTimeout(() => pm.execution.skipRequest(), 1);",
			want: []string{"pending passed"},
		},
		{
			name: "promise test skipping before it returns",
			pre:  "pm.test('skips', async () => { pm.execution.skipRequest(); });",
		},
		{
			name: "done test pending at a skip in a timer",
			pre:  "pm.test('waits', done => setTimeout(done, 50)); setTimeout(() => pm.execution.skipRequest(), 1);",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url, sent := flowServer(t)
			items := []string{
				fmt.Sprintf(`{"name":"A","event":[{"listen":"prerequest","script":{"exec":[%q]}},{"listen":"test","script":{"exec":["pm.test('A test', () => {})"]}}],"request":"{{base}}/a"}`, tt.pre),
				flowItem("B", "b", ""),
			}
			ev, _ := runScripted(t, mustParse(t, collection(url, strings.Join(items, ","))), Options{})
			var got []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					outcome := " passed"
					if !a.Passed() {
						outcome = " failed"
					}
					got = append(got, a.Name+outcome)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tests (-newman +colrun):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"b"}, sent()); diff != "" {
				t.Errorf("requests sent (-newman +colrun):\n%s", diff)
			}
		})
	}
}
