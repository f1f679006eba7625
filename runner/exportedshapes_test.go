package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// TestVariablesAreNamedByKeyAsNewmanNamesThem runs collections and
// environments whose variables are named the ways exports and generators
// write them. postman-collection names a collection, environment or globals
// variable by "key" alone, so one with only an "id" or a "name" (as the
// v2.0 schema describes one) leaves {{name}} as written; a URL's path
// variable falls back to its "id". The wanted URIs are what Newman 6.2.2
// sent. colrun named the variable by its id or name, and an entry with
// neither became the value of {{}}.
func TestVariablesAreNamedByKeyAsNewmanNamesThem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, vars, env, url, want string
	}{
		{
			name: "collection variable with only an id",
			vars: `{"id":"v","value":"x"}`,
			url:  `"{{base}}/a?v={{v}}"`,
			want: "/a?v={{v}}",
		},
		{
			name: "collection variable with only a name",
			vars: `{"name":"v","value":"x"}`,
			url:  `"{{base}}/a?v={{v}}"`,
			want: "/a?v={{v}}",
		},
		{
			name: "key wins over id",
			vars: `{"key":"k","id":"i","value":"x"}`,
			url:  `"{{base}}/a?k={{k}}&i={{i}}"`,
			want: "/a?k=x&i={{i}}",
		},
		{
			name: "an entry without a key is not the empty name",
			vars: `{"key":"","value":"empty"},{"value":"wrong"}`,
			url:  `"{{base}}/a?e={{}}"`,
			want: "/a?e=empty",
		},
		{
			name: "environment variable with only an id or a name",
			env:  `{"id":"e","value":"x"},{"name":"n","value":"y"}`,
			url:  `"{{base}}/a?e={{e}}&n={{n}}"`,
			want: "/a?e={{e}}&n={{n}}",
		},
		{
			name: "environment entry without a key does not shadow the collection's {{}}",
			vars: `{"key":"","value":"empty"}`,
			env:  `{"value":"wrong"}`,
			url:  `"{{base}}/a?e={{}}"`,
			want: "/a?e=empty",
		},
		{
			name: "path variable named by id",
			url:  `{"raw":"{{base}}/:p","host":["{{base}}"],"path":[":p"],"variable":[{"id":"p","value":"P"}]}`,
			want: "/P",
		},
		{
			name: "path variable named by name",
			url:  `{"raw":"{{base}}/:p","host":["{{base}}"],"path":[":p"],"variable":[{"name":"p","value":"P"}]}`,
			want: "/:p",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := fmt.Sprintf(`{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
				"variable":[{"key":"base","value":%q}%s],"item":[{"name":"a","request":{"method":"GET","url":%s}}]}`,
				rec.srv.URL, prefixComma(tt.vars), tt.url)
			var opts Options
			if tt.env != "" {
				env, err := collections.ParseVariableFile("e.json", "environment", []byte(`{"values":[{"key":"unused","value":""},`+tt.env+`]}`))
				if err != nil {
					t.Fatal(err)
				}
				opts.Environment = env
			}
			run(t, parse(t, doc), opts)
			var got []string
			for _, r := range rec.all() {
				got = append(got, r.URI)
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// prefixComma puts a comma before s, to append it to a JSON list.
func prefixComma(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return "," + s
}

// TestPathVariablesFillAsNewmanFillsThem sends URLs whose path variables
// are listed as exports and generators list them. As postman-collection's
// Url#getPath, the last entry with a name fills its ":name" segment and
// "disabled" is not looked at; a value that is not a non-empty string
// leaves the segment as written. The wanted URIs are what Newman 6.2.2
// sent; colrun skipped disabled entries and took the first duplicate.
func TestPathVariablesFillAsNewmanFillsThem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, vars, want string
	}{
		{"disabled", `{"key":"a","value":"A","disabled":true}`, "/A/x.json"},
		{"disabled with 1", `{"key":"a","value":"A","disabled":1}`, "/A/x.json"},
		{"duplicates: the last wins", `{"key":"a","value":"1"},{"key":"a","value":"2"}`, "/2/x.json"},
		{"the last wins though disabled", `{"key":"a","value":"1"},{"key":"a","value":"2","disabled":true}`, "/2/x.json"},
		{"the last is not a string", `{"key":"a","value":"1"},{"key":"a","value":5}`, "/:a/x.json"},
		{"suffix after a dot kept", `{"key":"b","value":"B"}`, "/:a/B.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			url := fmt.Sprintf(`{"raw":"{{base}}/:a/:b.json","host":["{{base}}"],"path":[":a",":b.json"],"variable":[%s,{"key":"b","value":"x"}]}`, tt.vars)
			if strings.Contains(tt.vars, `"b"`) {
				url = fmt.Sprintf(`{"raw":"{{base}}/:a/:b.json","host":["{{base}}"],"path":[":a",":b.json"],"variable":[%s]}`, tt.vars)
			}
			run(t, parse(t, collection(rec.srv.URL, `{"name":"a","request":{"method":"GET","url":`+url+`}}`)), Options{})
			var got []string
			for _, r := range rec.all() {
				got = append(got, r.URI)
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLooseShapesNewmanRunsAreRun loads collections with shapes that
// hand-written and generated files have and Newman 6.2.2 runs without a
// word: "item" as one object instead of a list, null entries in an item
// or event list, a protocolProfileBehavior that is not an object, and auth
// parameters given as a string or a number. colrun refused each file
// (exit 2), and of a member named twice it read the first where Newman
// reads the last. The wanted requests are what Newman sent: the auth type
// works as when it has no parameters (no bearer header, basic's of an
// empty user and password).
func TestLooseShapesNewmanRunsAreRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, items string
		want        []string
	}{
		{"item as an object", `{"name":"F","item":{"name":"a","request":"{{base}}/a"}}`, []string{"GET /a"}},
		{"null items", `null,{"name":"F","item":[null,{"name":"a","request":"{{base}}/a"}]}`, []string{"GET /a"}},
		{"null events", `{"name":"a","request":"{{base}}/a","event":[null]}`, []string{"GET /a"}},
		{"protocolProfileBehavior a string or a list", `{"name":"F","protocolProfileBehavior":["x"],"item":[{"name":"a","request":"{{base}}/a","protocolProfileBehavior":"x"}]}`, []string{"GET /a"}},
		{"bearer parameters a string", `{"name":"a","request":{"url":"{{base}}/a","auth":{"type":"bearer","bearer":"tok"}}}`, []string{"GET /a"}},
		{"repeated member names: the last wins, as in JSON.parse", `{"name":"a","request":{"url":"{{base}}/first","url":"{{base}}/second","method":"GET","method":"POST"}}`, []string{"POST /second"}},
		{"basic parameters a number", `{"name":"a","request":{"url":"{{base}}/a","auth":{"type":"basic","basic":5}}}`, []string{"GET /a Authorization: Basic Og=="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			run(t, parse(t, collection(rec.srv.URL, tt.items)), Options{})
			var got []string
			for _, r := range rec.all() {
				line := r.Method + " " + r.URI
				if a := r.Header.Get("Authorization"); a != "" {
					line += " Authorization: " + a
				}
				got = append(got, line)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoneVariableObjectIsAListOfOne gives collection, path and
// environment variables as one object instead of a list.
// postman-collection takes such an object for a list of one variable, not
// for a {"name": "value"} map, so {"key": "a", "value": "1"} defines a and
// {"a": "1"} defines nothing {{a}} reaches. The wanted URIs are what
// Newman 6.2.2 sent; colrun read the map and not the lone variable.
func TestLoneVariableObjectIsAListOfOne(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, vars, pathVars, env, want string
	}{
		{name: "collection variable", vars: `{"key":"a","value":"1"}`, want: "/x/:p?a=1"},
		{name: "collection map", vars: `{"a":"1"}`, want: "/x/:p?a={{a}}"},
		{name: "path variable", pathVars: `{"key":"p","value":"P"}`, want: "/x/P?a={{a}}"},
		{name: "path map", pathVars: `{"p":"P"}`, want: "/x/:p?a={{a}}"},
		{name: "environment variable", env: `{"key":"a","value":"1"}`, want: "/x/:p?a=1"},
		{name: "environment map", env: `{"a":"1"}`, want: "/x/:p?a={{a}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			url := `{"raw":"` + rec.srv.URL + `/x/:p?a={{a}}","host":["` + rec.srv.URL + `"],"path":["x",":p"],"query":[{"key":"a","value":"{{a}}"}]`
			if tt.pathVars != "" {
				url += `,"variable":` + tt.pathVars
			}
			doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"a","request":{"method":"GET","url":` + url + `}}}]`
			if tt.vars != "" {
				doc += `,"variable":` + tt.vars
			}
			var opts Options
			if tt.env != "" {
				env, err := collections.ParseVariableFile("e.json", "environment", []byte(`{"name":"e","values":`+tt.env+`}`))
				if err != nil {
					t.Fatal(err)
				}
				opts.Environment = env
			}
			run(t, parse(t, doc+"}"), opts)
			var got []string
			for _, r := range rec.all() {
				got = append(got, r.URI)
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAuthWithoutTypeIsInherited sends requests whose auth block has no
// string "type", as some exporters write one ({}), under a collection
// signed with a bearer token. Newman 6.2.2 takes such a block for none
// given, so the request inherits its parent's auth; "type": "" sends the
// request without auth and without a warning. colrun refused the file
// (`auth has no "type"`), and warned of a missing handler for "".
func TestAuthWithoutTypeIsInherited(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, item, want string
	}{
		{"empty request auth", `{"name":"a","request":{"url":"{{base}}/a","auth":{}}}`, "Bearer CT"},
		{"empty folder auth", `{"name":"F","auth":{},"item":[{"name":"a","request":"{{base}}/a"}]}`, "Bearer CT"},
		{"parameters without a type", `{"name":"a","request":{"url":"{{base}}/a","auth":{"basic":[{"key":"username","value":"u"}]}}}`, "Bearer CT"},
		{"type null", `{"name":"a","request":{"url":"{{base}}/a","auth":{"type":null}}}`, "Bearer CT"},
		{"type a number", `{"name":"a","request":{"url":"{{base}}/a","auth":{"type":5}}}`, "Bearer CT"},
		{"type empty", `{"name":"a","request":{"url":"{{base}}/a","auth":{"type":"","bearer":[{"key":"token","value":"RT"}]}}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := strings.Replace(collection(rec.srv.URL, tt.item), `"variable":`, `"auth":{"type":"bearer","bearer":[{"key":"token","value":"CT"}]},"variable":`, 1)
			ev, _ := run(t, parse(t, doc), Options{})
			var got []string
			for _, r := range rec.all() {
				got = append(got, r.Header.Get("Authorization"))
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("Authorization sent (-want +got):\n%s", diff)
			}
			for _, e := range ev.all {
				if e.Warning != nil {
					t.Errorf("warning: %s", e.Warning.Message)
				}
			}
		})
	}
}

// TestNumbersOutOfJSONRangeReadAsNewman defines variables that hold NaN or
// an infinity: a "number" variable whose value is not a number or that has
// none, and a number literal past float64's range. {{name}} gives NaN or
// Infinity, while a script reads each through Newman's JSON hand-over to
// its sandbox: null, which a "number" variable casts to 0. The wanted
// values are Newman 6.2.2's; colrun sent 1e400 as written and scripts
// read NaN and 1e400.
func TestNumbersOutOfJSONRangeReadAsNewman(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable":[{"key":"big","value":1e400},{"key":"nbig","value":1e400,"type":"number"},{"key":"nu","type":"number"},{"key":"ns","value":"abc","type":"number"},{"key":"ok","value":"12","type":"number"}],
		"item":[{"name":"r","request":{"method":"GET","url":"` + rec.srv.URL + `/n?big={{big}}&nbig={{nbig}}&nu={{nu}}&ns={{ns}}&ok={{ok}}"},
		"event":[{"listen":"test","script":{"exec":["pm.test(JSON.stringify(['big','nbig','nu','ns','ok'].map(k => String(pm.collectionVariables.get(k)))) + ' ' + pm.variables.get('ns'), () => {})"]}}]}]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	var got []string
	for _, r := range rec.all() {
		got = append(got, r.URI)
	}
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	want := []string{"/n?big=Infinity&nbig=Infinity&nu=NaN&ns=NaN&ok=12", `["null","0","0","0","12"] 0`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sent and read (-want +got):\n%s", diff)
	}
}
