package runner

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// One cookie name set at two paths is two cookies in pm.cookies, each with
// its own path, longest first. Newman 6.2.2's test script printed
// s=deep at /a then s=root at /; colrun gave both the path /a.
func TestCookieNameAtTwoPaths(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{
		"/set1": func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "s", Value: "root", Path: "/"})
		},
		"/a/set2": func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "s", Value: "deep", Path: "/a"})
		},
	})
	c := parse(t, collection(rec.srv.URL, `{"name":"s1","request":{"method":"GET","url":"{{base}}/set1"}},
		{"name":"s2","request":{"method":"GET","url":"{{base}}/a/set2"}},
		{"name":"read","request":{"method":"GET","url":"{{base}}/a/x"},
		"event":[{"listen":"test","script":{"exec":["pm.cookies.each(function (c) { pm.test(c.name + '=' + c.value + ' at ' + c.path); })"]}}]}`))
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	if d := cmp.Diff([]string{"s=deep at /a", "s=root at /"}, got); d != "" {
		t.Errorf("pm.cookies (-want +got):\n%s", d)
	}
}

// A Max-Age cookie's expiry counts from when it was set, so scripts of
// later requests all see the same date (tough-cookie's expiryTime, which
// Newman shows); colrun counted from each script's own start.
func TestCookieMaxAgeExpiryIsFixed(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{
		"/set": func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "k", Value: "v", Path: "/", MaxAge: 3600})
		},
		// The scripts of the two reads start some milliseconds apart.
		"/x": func(http.ResponseWriter, *http.Request) { time.Sleep(5 * time.Millisecond) },
	})
	read := `"event":[{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.cookies.one('k').expires))"]}}]`
	c := parse(t, collection(rec.srv.URL, `{"name":"set","request":{"method":"GET","url":"{{base}}/set"}},
		{"name":"r1","request":{"method":"GET","url":"{{base}}/x"},`+read+`},
		{"name":"r2","request":{"method":"GET","url":"{{base}}/x"},`+read+`}`))
	ev, _ := runScripted(t, c, Options{})
	var got []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	if len(got) != 2 || got[0] != got[1] || got[0] == "null" {
		t.Errorf("expires seen by two later scripts: %q, want one date twice", got)
	}
}
