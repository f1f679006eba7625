package sandbox

import (
	"testing"
	"time"

	"github.com/dop251/goja"
)

// evalIn evaluates expr in a runtime with the date overrides installed for
// the named local zone, returning its string value or the error thrown.
func evalIn(t *testing.T, zone, expr string) string {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatalf("LoadLocation(%q): %v", zone, err)
	}
	rt := goja.New()
	installDates(rt, loc, zone)
	v, err := rt.RunString(expr)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			return ex.Value().String()
		}
		return err.Error()
	}
	return v.String()
}

// The expected strings are Newman 6.2.2's (Node 20, ICU, en-US), printed by
// a test script run with TZ unset (UTC), TZ=Europe/Paris and
// TZ=America/New_York.
func TestDateStringsMatchNewman(t *testing.T) {
	t.Parallel()
	const (
		epoch  = "new Date(0)"
		summer = "new Date(Date.UTC(2024,6,15,13,5,9,7))"
		late   = "new Date(Date.UTC(2024,0,5,23,59,1))"
	)
	tests := []struct {
		zone, expr, want string
	}{
		{"UTC", epoch + ".toString()", "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"},
		{"UTC", "String(" + epoch + ")", "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"},
		{"UTC", "`${" + epoch + "}`", "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"},
		{"UTC", epoch + ".toTimeString()", "00:00:00 GMT+0000 (Coordinated Universal Time)"},
		{"UTC", epoch + ".toLocaleString()", "1/1/1970, 12:00:00 AM"},
		{"UTC", epoch + ".toLocaleDateString()", "1/1/1970"},
		{"UTC", epoch + ".toLocaleTimeString()", "12:00:00 AM"},
		{"UTC", summer + ".toLocaleString()", "7/15/2024, 1:05:09 PM"},
		{"UTC", late + ".toLocaleString('en-US')", "1/5/2024, 11:59:01 PM"},
		{"UTC", summer + ".toLocaleString('en-GB')", "15/07/2024, 13:05:09"},
		{"UTC", summer + ".toLocaleDateString('de-DE')", "15.7.2024"},
		{"UTC", epoch + ".toLocaleString('de-DE')", "1.1.1970, 00:00:00"},
		{"UTC", epoch + ".toLocaleString('xx')", "1/1/1970, 12:00:00 AM"},
		{"UTC", epoch + ".toLocaleString(['en-GB','en-US'])", "01/01/1970, 00:00:00"},
		{"UTC", epoch + ".toLocaleTimeString(undefined, {hour12: false})", "24:00:00"},
		{"UTC", epoch + ".toLocaleString('en-US', {timeZone: 'Asia/Kolkata'})", "1/1/1970, 5:30:00 AM"},
		{"UTC", "new Date(NaN).toLocaleString()", "Invalid Date"},
		{"UTC", "new Date(NaN).toString()", "Invalid Date"},
		{"UTC", summer + ".toISOString()", "2024-07-15T13:05:09.007Z"},
		{"UTC", "[1234.5, " + epoch + "].toLocaleString()", "1,234.5,1/1/1970, 12:00:00 AM"},
		{"Europe/Paris", epoch + ".toString()", "Thu Jan 01 1970 01:00:00 GMT+0100 (Central European Standard Time)"},
		{"Europe/Paris", summer + ".toString()", "Mon Jul 15 2024 15:05:09 GMT+0200 (Central European Summer Time)"},
		{"Europe/Paris", summer + ".toTimeString()", "15:05:09 GMT+0200 (Central European Summer Time)"},
		{"Europe/Paris", late + ".toLocaleString()", "1/6/2024, 12:59:01 AM"},
		{"Europe/Paris", late + ".toLocaleString('en-US', {timeZone: 'UTC'})", "1/5/2024, 11:59:01 PM"},
		{"Europe/Paris", late + ".toLocaleDateString(undefined, {timeZone: 'UTC'})", "1/5/2024"},
		{"America/New_York", epoch + ".toString()", "Wed Dec 31 1969 19:00:00 GMT-0500 (Eastern Standard Time)"},
		{"America/New_York", summer + ".toString()", "Mon Jul 15 2024 09:05:09 GMT-0400 (Eastern Daylight Time)"},
		{"America/New_York", epoch + ".toLocaleString()", "12/31/1969, 7:00:00 PM"},
		{"America/New_York", summer + ".toLocaleTimeString('en-US', {timeZone: 'UTC'})", "1:05:09 PM"},
		{"Asia/Kathmandu", epoch + ".toString()", "Thu Jan 01 1970 05:30:00 GMT+0530 (Nepal Time)"},
		{"Etc/GMT+5", epoch + ".toString()", "Wed Dec 31 1969 19:00:00 GMT-0500 (GMT-05:00)"},
		{"Atlantic/Reykjavik", epoch + ".toString()", "Thu Jan 01 1970 00:00:00 GMT+0000 (Greenwich Mean Time)"},
		{"UTC", epoch + ".toLocaleString('en-US', {year: 'numeric', month: 'long', day: 'numeric'})", "January 1, 1970"},
		{"UTC", epoch + ".toLocaleDateString('en-US', {year: 'numeric', month: '2-digit', day: '2-digit'})", "01/01/1970"},
		{"UTC", epoch + ".toLocaleDateString('en-US', {weekday: 'long'})", "Thursday"},
		{"UTC", summer + ".toLocaleDateString('en-US', {weekday: 'short', year: 'numeric', month: 'short', day: 'numeric'})", "Mon, Jul 15, 2024"},
		{"UTC", summer + ".toLocaleDateString(undefined, {month: 'numeric', day: '2-digit'})", "7/15"},
		{"UTC", summer + ".toLocaleDateString(undefined, {year: '2-digit', month: 'long'})", "July 24"},
		{"UTC", summer + ".toLocaleTimeString('en-US', {year: 'numeric', month: 'long', day: 'numeric'})", "July 15, 2024 at 1:05:09 PM"},
		{"UTC", summer + ".toLocaleTimeString('en-US', {weekday: 'long'})", "Monday 1:05:09 PM"},
		{"UTC", summer + ".toLocaleDateString('en-US', {month: 'foo'})", "RangeError: Value foo out of range for Date.prototype.toLocaleDateString options property month"},
		{"UTC", epoch + ".toLocaleString('en-US', {timeZone: 'Foo/Bar'})", "RangeError: Invalid time zone specified: Foo/Bar"},
		{"UTC", epoch + ".toLocaleString('bad locale!')", "RangeError: Incorrect locale information provided"},
		{"UTC", "Date.prototype.toString.call({})", "TypeError: Method Date.prototype.toString called on incompatible receiver #<Object>"},
		{"UTC", "Date.prototype.toLocaleString.call(5)", "TypeError: Method Date.prototype.toLocaleString called on incompatible receiver 5"},
		{"UTC", "Date.prototype.toString.name + Date.prototype.toLocaleString.length", "toString0"},
		{"UTC", "var k = []; for (var x in new Date(0)) { k.push(x); } k.concat(Object.keys(Number.prototype)).length", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.expr, func(t *testing.T) {
			t.Parallel()
			if got := evalIn(t, tt.zone, tt.expr); got != tt.want {
				t.Errorf("%s in %s = %q, Newman gives %q", tt.expr, tt.zone, got, tt.want)
			}
		})
	}
}

// The expected strings are Newman 6.2.2's.
func TestNumberToLocaleStringMatchesNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		expr, want string
	}{
		{"(1234567.891).toLocaleString()", "1,234,567.891"},
		{"(1234567.891).toLocaleString('en-US')", "1,234,567.891"},
		{"(1234567).toLocaleString()", "1,234,567"},
		{"(0.123456).toLocaleString()", "0.123"},
		{"(-1234.5).toLocaleString()", "-1,234.5"},
		{"(1234.5).toLocaleString('de-DE')", "1.234,5"},
		{"(1234.5).toLocaleString('en-GB')", "1,234.5"},
		{"(1234.5).toLocaleString('en-US', {minimumFractionDigits: 2})", "1,234.50"},
		{"(1234.5678).toLocaleString(undefined, {maximumFractionDigits: 2})", "1,234.57"},
		{"(12345).toLocaleString('en-US', {useGrouping: false})", "12345"},
		{"(0.5).toLocaleString(undefined, {maximumFractionDigits: 0})", "1"},
		{"(1.0005).toLocaleString()", "1.001"},
		{"(1.005).toLocaleString()", "1.005"},
		{"(999.9995).toLocaleString()", "1,000"},
		{"(2.5e21).toLocaleString()", "2,500,000,000,000,000,000,000"},
		{"(1e-7).toLocaleString()", "0"},
		{"(-1e-7).toLocaleString()", "-0"},
		{"(-0).toLocaleString()", "-0"},
		{"NaN.toLocaleString()", "NaN"},
		{"Infinity.toLocaleString()", "∞"},
		{"Number.prototype.toLocaleString.call(new Number(1234.5))", "1,234.5"},
		{"Number.prototype.toLocaleString.call('5')", "TypeError: Number.prototype.toLocaleString requires that 'this' be a Number"},
		{"(5).toLocaleString('en-US', {minimumFractionDigits: 5, maximumFractionDigits: 2})", "RangeError: maximumFractionDigits value is out of range."},
		{"(5).toLocaleString('en-US', {maximumFractionDigits: 200})", "RangeError: maximumFractionDigits value is out of range."},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			t.Parallel()
			if got := evalIn(t, "UTC", tt.expr); got != tt.want {
				t.Errorf("%s = %q, Newman gives %q", tt.expr, got, tt.want)
			}
		})
	}
}

// A test script sees Node's strings: the overrides are installed in every
// Sandbox. The zone is given so the test passes on any machine.
func TestSandboxFormatsDatesLikeNewman(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), `
var d = new Date(Date.UTC(2024, 6, 15, 13, 5, 9));
console.log(d.toLocaleString('en-US', {timeZone: 'UTC'}));
console.log(d.toLocaleDateString(undefined, {timeZone: 'UTC'}));
console.log((1234567.891).toLocaleString());
console.log(new Date(0));
`)
	got := mustPass(t, res)
	diff(t, "logs", []string{"7/15/2024, 1:05:09 PM", "7/15/2024", "1,234,567.891", "1970-01-01T00:00:00.000Z"}, got)
}
