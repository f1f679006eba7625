package collections

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWrongTypedPartsAreReadAsNewman reads collection parts of the wrong
// type that Newman 6.2.2 runs past, which ParseCollection refused: each
// is now read as Newman reads it, and Warnings names the file and the
// place. The values are what Newman showed a script (pm.request.url) or
// how many redirects it followed.
func TestWrongTypedPartsAreReadAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, request string
		check         func(*Collection) any
		want          any
		warning       string
	}{
		{
			// Newman: pm.request.url.toString() is "http://5:18808/get".
			name:    "host number",
			request: `{"url": {"protocol": "http", "host": 5, "port": "18808", "path": ["get"]}}`,
			check:   func(c *Collection) any { return c.Requests()[0].Request.URL.Host },
			want:    []string{"5"},
			warning: `c.json: item "R" > request > url > host: a number, not a string or a list of strings; Newman sends it as the host "5", and so does colrun`,
		},
		{
			// Newman: "http://[object Object]:18808/get", and
			// getaddrinfo ENOTFOUND fails the request.
			name:    "host object",
			request: `{"url": {"protocol": "http", "host": {"a": 1}, "port": "18808", "path": ["get"]}}`,
			check:   func(c *Collection) any { return c.Requests()[0].Request.URL.Host },
			want:    []string{"[object Object]"},
			warning: `c.json: item "R" > request > url > host: an object, not a string or a list of strings; Newman sends it as the host "[object Object]", and so does colrun`,
		},
		{
			// Newman: pm.request.auth is {} and the request goes out
			// without auth.
			name:    "auth number",
			request: `{"url": "http://127.0.0.1/", "auth": 5}`,
			check:   func(c *Collection) any { return c.Requests()[0].Request.Auth == nil },
			want:    true,
			warning: `c.json: item "R" > request > auth: a number, not an auth object; Newman ignores it (the auth above applies), and so does colrun`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := ParseCollection("c.json", []byte(`{"info": {"name": "c"}, "item": [{"name": "R", "request": `+tc.request+`}]}`))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, tc.check(c)); d != "" {
				t.Errorf("(-Newman +colrun):\n%s", d)
			}
			if d := cmp.Diff([]string{tc.warning}, c.Warnings); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
		})
	}
}

// TestWrongTypedMaxRedirects reads a maxRedirects that is not a whole
// number as postman-request compares it with the redirects followed
// (count >= maxRedirects stops): with Newman 6.2.2, 1.5 followed two
// redirects, true one, false none, " 1 " one, and "abc", an object and
// 1e30 followed all of a chain of three.
func TestWrongTypedMaxRedirects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		value    string
		want     int
		warnings int
	}{
		{`1.5`, 2, 1},
		{`2.5`, 3, 1},
		{`true`, 1, 1},
		{`false`, 0, 1},
		{`" 1 "`, 1, 1},
		{`"abc"`, math.MaxInt, 1},
		{`{"a": 1}`, math.MaxInt, 1},
		{`1e30`, math.MaxInt, 1},
		{`3.0`, 3, 0},
		{`"4"`, 4, 0},
		{`-1`, -1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			t.Parallel()
			c, err := ParseCollection("c.json", []byte(`{"info": {"name": "c"}, "protocolProfileBehavior": {"maxRedirects": `+tc.value+`}, "item": []}`))
			if err != nil {
				t.Fatal(err)
			}
			if got := c.ProtocolProfileBehavior.MaxRedirects; got == nil || *got != tc.want {
				t.Errorf("maxRedirects %s = %v, want %d", tc.value, got, tc.want)
			}
			if len(c.Warnings) != tc.warnings {
				t.Errorf("warnings = %q, want %d", c.Warnings, tc.warnings)
			}
		})
	}
}

// TestWrongTypedWarningsAreCounted names the first five places of the
// wrong type and counts the rest: a generated collection may have one in
// every request.
func TestWrongTypedWarningsAreCounted(t *testing.T) {
	t.Parallel()
	items := strings.Repeat(`{"name": "R", "event": "x", "request": "http://127.0.0.1/"},`, 8)
	c, err := ParseCollection("c.json", []byte(`{"info": {"name": "c"}, "event": 5, "item": [`+strings.TrimSuffix(items, ",")+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"c.json: collection > event: a number, not a list of events; Newman ignores it, and so does colrun",
		`c.json: item "R" > event: a string, not a list of events; Newman ignores it, and so does colrun`,
		`c.json: item "R" > event: a string, not a list of events; Newman ignores it, and so does colrun`,
		`c.json: item "R" > event: a string, not a list of events; Newman ignores it, and so does colrun`,
		`c.json: item "R" > event: a string, not a list of events; Newman ignores it, and so does colrun`,
	}
	if d := cmp.Diff(want, c.Warnings); d != "" || c.MoreWarnings != 4 {
		t.Errorf("warnings (-want +got):\n%s\nmore = %d, want 4", d, c.MoreWarnings)
	}
}

// TestEnvironmentValuesOfTheWrongTypeStillRefused keeps an environment's
// odd values list an error: only collections are read past such parts.
func TestEnvironmentValuesOfTheWrongTypeStillRefused(t *testing.T) {
	t.Parallel()
	for _, values := range []string{`5`, `[5, {"key": "a", "value": "b"}]`} {
		_, err := ParseVariableFile("e.json", "environment", []byte(`{"values": `+values+`}`))
		if err == nil || !strings.Contains(err.Error(), "e.json: values: expected a list of {key, value} objects") {
			t.Errorf("values %s: err = %v", values, err)
		}
	}
}
