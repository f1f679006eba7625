package modules

import "testing"

// TestMomentDSTAndHTML5FormatsMatchNewman checks moment's isDST and its
// HTML5_FMT formats against moment 2.30.1 in Newman 6.2.2's sandbox:
// scripts that called them failed with a TypeError.
func TestMomentDSTAndHTML5FormatsMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`require('moment').utc('2024-07-01T12:00:00Z').isDST()`, `boolean:false`},
		{`require('moment').parseZone('2024-07-01T12:00:00+02:00').isDST()`, `boolean:false`},
		{`require('moment').HTML5_FMT`, `object:{"DATETIME_LOCAL":"YYYY-MM-DDTHH:mm","DATETIME_LOCAL_SECONDS":"YYYY-MM-DDTHH:mm:ss","DATETIME_LOCAL_MS":"YYYY-MM-DDTHH:mm:ss.SSS","DATE":"YYYY-MM-DD","TIME":"HH:mm","TIME_SECONDS":"HH:mm:ss","TIME_MS":"HH:mm:ss.SSS","WEEK":"GGGG-[W]WW","MONTH":"YYYY-MM"}`},
		{`require('moment').utc('2024-03-10T15:04:05.123Z').format(require('moment').HTML5_FMT.DATETIME_LOCAL_MS)`, `string:"2024-03-10T15:04:05.123"`},
		{`require('moment').utc('2024-03-10T15:04', require('moment').HTML5_FMT.DATETIME_LOCAL).toISOString()`, `string:"2024-03-10T15:04:00.000Z"`},
		{`require('moment').utc('2024-03-10T15:04:05Z').format(require('moment').HTML5_FMT.WEEK)`, `string:"2024-W10"`},
	})
}

// TestMomentInspectMatchesNewman checks moment's inspect, which names the
// call that makes the moment again, against moment 2.30.1 in Newman
// 6.2.2's sandbox.
func TestMomentInspectMatchesNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`require('moment').utc('2024-02-29T13:45:30.123Z').inspect()`, `string:"moment.utc(\"2024-02-29T13:45:30.123+00:00\")"`},
		{`require('moment').parseZone('2024-07-01T12:00:00+02:00').inspect()`, `string:"moment.parseZone(\"2024-07-01T12:00:00.000+02:00\")"`},
		{`require('moment').utc('garbage').inspect()`, `string:"moment.invalid(/* garbage */)"`},
		{`require('moment').utc('2024-02-29T13:45:30Z').utcOffset(-300).inspect()`, `string:"moment.parseZone(\"2024-02-29T08:45:30.000-05:00\")"`},
		{`require('moment').utc([12000, 0, 1]).inspect()`, `string:"moment.utc(\"+012000-01-01T00:00:00.000+00:00\")"`},
		// moment makes null, and '' without a format, from NaN.
		{`require('moment')(null).inspect()`, `string:"moment.invalid(/* NaN */)"`},
		{`require('moment')('').inspect()`, `string:"moment.invalid(/* NaN */)"`},
		{`require('moment')('', 'YYYY').inspect()`, `string:"moment.invalid(/*  */)"`},
	})
}
