package report

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestCLISummaryTableAsNewman compares the whole summary table with
// Newman 6.2.2's (its cli reporter's parseStatistics, colours off) for
// numbers long enough to widen the columns and timings whose seconds
// pretty-ms floors to a tenth.
func TestCLISummaryTableAsNewman(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		stats    [5][2]int // iterations, requests, test-scripts, prerequest-scripts, assertions: executed, failed
		duration time.Duration
		received int64
		response Phase
		want     string
	}{
		{
			name:     "long counts widen both columns",
			stats:    [5][2]int{{1000, 999}, {1234567, 123456}, {1234567, 0}, {0, 0}, {98765432, 12}},
			duration: 3723000 * time.Millisecond,
			received: 5368709120,
			response: Phase{Average: 1234.5, Min: 0.5, Max: 98765.4, SD: 4567.8},
			want: `┌─────────────────────────┬──────────────────────┬──────────────────────┐
│                         │             executed │               failed │
├─────────────────────────┼──────────────────────┼──────────────────────┤
│              iterations │                 1000 │                  999 │
├─────────────────────────┼──────────────────────┼──────────────────────┤
│                requests │              1234567 │               123456 │
├─────────────────────────┼──────────────────────┼──────────────────────┤
│            test-scripts │              1234567 │                    0 │
├─────────────────────────┼──────────────────────┼──────────────────────┤
│      prerequest-scripts │                    0 │                    0 │
├─────────────────────────┼──────────────────────┼──────────────────────┤
│              assertions │             98765432 │                   12 │
├─────────────────────────┴──────────────────────┴──────────────────────┤
│ total run duration: 1h 2m 3s                                          │
├───────────────────────────────────────────────────────────────────────┤
│ total data received: 5.37GB (approx)                                  │
├───────────────────────────────────────────────────────────────────────┤
│ average response time: 1234ms [min: 500µs, max: 1m 38.7s, s.d.: 4.5s] │
└───────────────────────────────────────────────────────────────────────┘`,
		},
		{
			name:     "timings just short of a minute and an hour",
			stats:    [5][2]int{{1, 0}, {3, 1}, {3, 0}, {0, 0}, {3, 1}},
			duration: 59999 * time.Millisecond,
			received: 1048576,
			response: Phase{Average: 60000, Min: 59999.5, Max: 3599999.9, SD: 86399999.9},
			want: `┌─────────────────────────┬─────────────────────────┬─────────────────────────┐
│                         │                executed │                  failed │
├─────────────────────────┼─────────────────────────┼─────────────────────────┤
│              iterations │                       1 │                       0 │
├─────────────────────────┼─────────────────────────┼─────────────────────────┤
│                requests │                       3 │                       1 │
├─────────────────────────┼─────────────────────────┼─────────────────────────┤
│            test-scripts │                       3 │                       0 │
├─────────────────────────┼─────────────────────────┼─────────────────────────┤
│      prerequest-scripts │                       0 │                       0 │
├─────────────────────────┼─────────────────────────┼─────────────────────────┤
│              assertions │                       3 │                       1 │
├─────────────────────────┴─────────────────────────┴─────────────────────────┤
│ total run duration: 59.9s                                                   │
├─────────────────────────────────────────────────────────────────────────────┤
│ total data received: 1.05MB (approx)                                        │
├─────────────────────────────────────────────────────────────────────────────┤
│ average response time: 1m [min: 59.9s, max: 59m 59.9s, s.d.: 23h 59m 59.9s] │
└─────────────────────────────────────────────────────────────────────────────┘`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := NewSummary()
			for i, c := range []*Counter{&s.Stats.Iterations, &s.Stats.Requests, &s.Stats.TestScripts, &s.Stats.PrerequestScripts, &s.Stats.Assertions} {
				*c = Counter{Total: tc.stats[i][0], Failed: tc.stats[i][1]}
			}
			s.Timings.Started = time.Unix(1700000000, 0)
			s.Timings.Completed = s.Timings.Started.Add(tc.duration)
			s.Timings.Response = tc.response
			s.ResponseTotal = tc.received
			got := NewCLI(nil, s, CLIOptions{}).summaryTable()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("summary table (-newman +colrun):\n%s", diff)
			}
		})
	}
}
