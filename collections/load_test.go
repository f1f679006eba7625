package collections

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func strp(s string) *string { return &s }
func boolp(b bool) *bool    { return &b }
func intp(n int) *int       { return &n }

func TestLoadV21Shapes(t *testing.T) {
	t.Parallel()
	c, err := LoadCollection("testdata/shapes-v21.postman_collection.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.Info.Name != "Shapes v2.1" || c.Info.Description != "Every shape colrun accepts." {
		t.Errorf("info = %+v", c.Info)
	}
	if c.Auth == nil || c.Auth.Type != "bearer" || c.Auth.Get("token") != "{{token}}" {
		t.Errorf("collection auth = %+v", c.Auth)
	}
	if got := c.Variables[1]; got.Key != "legacy" || ValueString(got.Value) != "42" {
		t.Errorf("variable with id and a number value = %+v", got)
	}
	if c.ProtocolProfileBehavior.FollowRedirects == nil || *c.ProtocolProfileBehavior.FollowRedirects {
		t.Errorf("collection followRedirects not read")
	}
	reqs := c.Requests()
	if len(reqs) != 4 {
		t.Fatalf("got %d requests, want 4", len(reqs))
	}
	folder := c.Items[0]
	if !folder.IsFolder() || folder.Auth == nil || folder.Auth.Type != "noauth" {
		t.Errorf("folder = %+v", folder)
	}
	if empty := folder.Items[2]; !empty.IsFolder() || len(empty.Items) != 0 {
		t.Errorf("empty folder not kept as a folder: %+v", empty)
	}

	obj := reqs[0]
	if obj.Path() != "Folder / Object URL" || obj.ID != "req-1" {
		t.Errorf("path = %q id = %q", obj.Path(), obj.ID)
	}
	r := obj.Request
	if r.Method != "POST" {
		t.Errorf("method %q not upper-cased", r.Method)
	}
	// Newman 6.2.2 lists a header without a name to scripts
	// (pm.request.headers.count() counts it) and sends nothing for it.
	wantHeaders := []Header{{Key: "X-On", Value: "1"}, {Key: "X-Off", Value: "2", Disabled: true}, {Value: "listed, not sent"}}
	if diff := cmp.Diff(wantHeaders, r.Headers); diff != "" {
		t.Errorf("headers (-want +got):\n%s", diff)
	}
	wantURL := URL{
		Raw:       "{{base}}/users/:id?x=1&off=2&flag",
		Host:      []string{"{{base}}"},
		Path:      []string{"users", ":id"},
		Query:     []QueryParam{{Key: "x", Value: strp("1")}, {Key: "off", Value: strp("2"), Disabled: true}, {Key: "flag"}},
		Variables: []Variable{{Key: "id", Value: "7"}},
	}
	if diff := cmp.Diff(wantURL, r.URL); diff != "" {
		t.Errorf("url (-want +got):\n%s", diff)
	}
	if got := r.URL.String(); got != "{{base}}/users/7?x=1&flag" {
		t.Errorf("URL.String() = %q", got)
	}
	if r.Body.Mode != "raw" || r.Body.Language != "json" {
		t.Errorf("body = %+v", r.Body)
	}
	ppb := folder.ProtocolProfileBehavior.Merge(obj.ProtocolProfileBehavior)
	if diff := cmp.Diff(ProtocolProfileBehavior{MaxRedirects: intp(3), StrictSSL: boolp(false), DisableCookies: boolp(true), DisableURLEncoding: boolp(true)}, ppb); diff != "" {
		t.Errorf("merged protocolProfileBehavior (-want +got):\n%s", diff)
	}
	if len(obj.Events) != 1 || obj.Events[0].Script.Exec != "pm.test('ok', () => {\n  pm.response.to.have.status(200);\n});" {
		t.Errorf("events = %+v", obj.Events)
	}

	if s := reqs[1].Request; s.Method != "GET" || s.URL.String() != "http://example.com/plain" {
		t.Errorf("string request = %+v", s)
	}

	forms := reqs[2].Request
	if diff := cmp.Diff([]Header{{Key: "Content-Type", Value: "multipart/form-data"}, {Key: "X-Disabled", Value: "yes", Disabled: true}}, forms.Headers); diff != "" {
		t.Errorf("string headers (-want +got):\n%s", diff)
	}
	if forms.URL.String() != "https://example.com/upload" {
		t.Errorf("raw-only URL object not parsed: %q", forms.URL.String())
	}
	wantForm := []FormParam{
		{Key: "text", Value: "hello", Type: "text"},
		{Key: "file", Type: "file", Src: []string{"a.txt", "b.txt"}, SrcShape: SrcList},
		{Key: "one", Type: "file", Src: []string{"c.txt"}, SrcShape: SrcString, ContentType: "text/plain"},
	}
	if diff := cmp.Diff(wantForm, forms.Body.FormData); diff != "" {
		t.Errorf("formdata (-want +got):\n%s", diff)
	}
	if gql := reqs[3].Request.Body; gql.Mode != "graphql" || !gql.Disabled || gql.GraphQL.Query != "{ me { id } }" {
		t.Errorf("graphql body = %+v", gql)
	}
}

func TestLoadV20Shapes(t *testing.T) {
	t.Parallel()
	c, err := LoadCollection("testdata/shapes-v20.postman_collection.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.Auth.Type != "basic" || c.Auth.Get("username") != "u" || c.Auth.Get("password") != "p" {
		t.Errorf("v2.0 auth object form = %+v", c.Auth)
	}
	reqs := c.Requests()
	get := reqs[0].Request
	if get.URL.String() != "{{server}}/api/{{api-version}}/sites?pageSize=10" {
		t.Errorf("url = %q", get.URL.String())
	}
	// "enabled": false does not disable an entry for Newman 6.2.2 either.
	if diff := cmp.Diff([]FormParam{{Key: "a", Value: "1", Type: "text"}, {Key: "b", Value: "2"}}, get.Body.URLEncoded); diff != "" {
		t.Errorf("urlencoded (-want +got):\n%s", diff)
	}
	if reqs[0].Events[0].Script.Exec != "tests['ok'] = responseCode.code === 200;" {
		t.Errorf("exec as a string = %q", reqs[0].Events[0].Script.Exec)
	}
	if a := reqs[1].Request.Auth; a.Type != "oauth2" || a.Get("accessToken") != "abc" {
		t.Errorf("oauth2 = %+v", a)
	}
	if f := reqs[1].Request.Body.File; f == nil || f.Src != "signin.xml" {
		t.Errorf("file body = %+v", f)
	}
}

func TestParseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want URL
	}{
		{"http://example.com", URL{Protocol: "http", Host: []string{"example", "com"}}},
		{"{{base-path}}/sites/{{site-id}}/users", URL{Host: []string{"{{base-path}}"}, Path: []string{"sites", "{{site-id}}", "users"}}},
		{"https://u:p@h.io:8443/a/:id.json?x=1&&y#frag", URL{
			Protocol: "https", Auth: &URLAuth{User: "u", Password: "p", HasPassword: true}, Host: []string{"h", "io"}, Port: "8443",
			Path: []string{"a", ":id.json"}, Query: []QueryParam{{Key: "x", Value: strp("1")}, {}, {Key: "y"}}, Hash: "frag", HasHash: true,
			Variables: []Variable{{Key: "id"}},
		}},
		{"localhost:3000/", URL{Host: []string{"localhost"}, Port: "3000", Path: []string{""}}},
		{"{{host}}:{{port}}/x", URL{Host: []string{"{{host}}"}, Port: "{{port}}", Path: []string{"x"}}},
		{"{{a.b}}/c", URL{Host: []string{"{{a.b}}"}, Path: []string{"c"}}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			tc.want.Raw = tc.in
			if diff := cmp.Diff(tc.want, ParseURL(tc.in)); diff != "" {
				t.Errorf("ParseURL (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBadCollections(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name    string
		path    string
		wantErr string
	}{
		{"missing file", filepath.Join(dir, "nope.json"), "nope.json: collection file not found"},
		{"invalid JSON gives line and column", write("bad.json", "{\n  \"info\": {\n    \"name\": \"x\",\n  }\n}"), "bad.json:4:3: invalid JSON"},
		{"valid JSON that is not a collection", write("array.json", `{"hello": "world"}`), "not a Postman collection"},
		{"a JSON array", write("list.json", `[1,2]`), "list.json"},
		{"v1 collection with a bad field", write("v1.json", `{"id":"x","name":"old","requests":{}}`), "v1.json: collection > requests: expected a list of requests"},
		{"empty file", write("empty.json", ""), "file is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := LoadCollection(tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("err is %T, want *InputError", err)
			}
		})
	}
}

func TestEnvironmentFiles(t *testing.T) {
	t.Parallel()
	env, err := LoadEnvironment("testdata/env.postman_environment.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []Variable{
		{Key: "server", Value: "http://localhost"},
		// Newman ignores "enabled": false (Postman's export of an
		// unchecked value) and honours "disabled": true.
		{Key: "off", Value: "x"},
		{Key: "gone", Value: "y", Disabled: true, DisabledAs: json.RawMessage(`true`)},
		{Key: "n", Value: json.Number("3"), Type: "default"},
	}
	if diff := cmp.Diff(want, env.Values); diff != "" || env.Name != "Local" {
		t.Errorf("environment %q (-want +got):\n%s", env.Name, diff)
	}
	// Newman 6.2.2 reads no variables from a flat {"name": "value"}
	// object and runs on with every {{a}} unresolved; colrun refuses it.
	if _, err := ParseVariableFile("flat.json", "globals", []byte(`{"a":"1"}`)); err == nil || !strings.Contains(err.Error(), `flat.json: not a Postman globals: it has no "values" list`) {
		t.Errorf("flat globals: err = %v", err)
	}
	if _, err := ParseVariableFile("c.json", "environment", []byte(`{"info":{},"item":[]}`)); err == nil || !strings.Contains(err.Error(), "not a Postman environment") {
		t.Errorf("a collection given as environment: err = %v", err)
	}
	// {} defines no variables in either tool, and Newman runs with it: a
	// CI job's placeholder when it has none to give.
	if f, err := ParseVariableFile("empty.json", "environment", []byte(" {} \n")); err != nil || len(f.Values) != 0 {
		t.Errorf("{} as environment: %+v, err = %v", f, err)
	}
}

func TestDataFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	readAll := func(t *testing.T, path string) ([]DataRow, error) {
		t.Helper()
		d, err := OpenData(path)
		if err != nil {
			return nil, err
		}
		defer d.Close()
		var rows []DataRow
		for {
			row, err := d.Next()
			if errors.Is(err, io.EOF) {
				return rows, nil
			}
			if err != nil {
				return rows, err
			}
			rows = append(rows, row)
		}
	}
	t.Run("CSV with BOM, quotes, commas, newlines and Newman's number casting", func(t *testing.T) {
		t.Parallel()
		p := write("d.csv", "\xef\xbb\xbfname, n ,q\n\"Smith, J\",42,\"7\"\n\"two\nlines\",0.5,x\n")
		rows, err := readAll(t, p)
		if err != nil {
			t.Fatal(err)
		}
		want := []DataRow{
			{{Key: "name", Value: "Smith, J"}, {Key: "n", Value: json.Number("42")}, {Key: "q", Value: "7"}},
			{{Key: "name", Value: "two\nlines"}, {Key: "n", Value: json.Number("0.5")}, {Key: "q", Value: "x"}},
		}
		if diff := cmp.Diff(want, rows); diff != "" {
			t.Errorf("rows (-want +got):\n%s", diff)
		}
		d, _ := OpenData(p)
		defer d.Close()
		if n, err := d.Count(); n != 2 || err != nil {
			t.Errorf("Count = %d, %v", n, err)
		}
	})
	t.Run("CSV rows with another number of fields run as in Newman, with a warning", func(t *testing.T) {
		t.Parallel()
		// Newman 6.2.2 ran this file as five iterations: {a:1,b:2},
		// {a:3} ({{b}} unresolved), {a:4,b:5}, {a:7,b:8}, {a:""}; colrun
		// refused it.
		p := write("ragged.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n\n")
		d, err := OpenData(p)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		var warnings []string
		d.Warn = func(msg string) { warnings = append(warnings, strings.TrimPrefix(msg, dir+"/")) }
		if n, err := d.Count(); n != 5 || err != nil {
			t.Errorf("Count = %d, %v", n, err)
		}
		var rows []DataRow
		for {
			row, err := d.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					t.Fatal(err)
				}
				break
			}
			rows = append(rows, row)
		}
		n := func(s string) json.Number { return json.Number(s) }
		want := []DataRow{
			{{Key: "a", Value: n("1")}, {Key: "b", Value: n("2")}},
			{{Key: "a", Value: n("3")}},
			{{Key: "a", Value: n("4")}, {Key: "b", Value: n("5")}},
			{{Key: "a", Value: n("7")}, {Key: "b", Value: n("8")}},
			{{Key: "a", Value: ""}},
		}
		if diff := cmp.Diff(want, rows); diff != "" {
			t.Errorf("rows (-want +got):\n%s", diff)
		}
		wantWarnings := []string{
			"ragged.csv:3: CSV row has 1 field where the header has 2; the missing columns are left unset, as in Newman",
			"ragged.csv:4: CSV row has 3 fields where the header has 2; the extra fields are dropped, as in Newman",
			"ragged.csv:6: blank line runs as an iteration whose first column is empty, as in Newman",
		}
		if diff := cmp.Diff(wantWarnings, warnings); diff != "" {
			t.Errorf("warnings, once each (-want +got):\n%s", diff)
		}
	})
	t.Run("many ragged CSV rows are counted past the first few", func(t *testing.T) {
		t.Parallel()
		p := write("many.csv", "a,b\n"+strings.Repeat("1\n", 10))
		d, err := OpenData(p)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		var warnings []string
		d.Warn = func(msg string) { warnings = append(warnings, msg) }
		if n, err := d.Count(); n != 10 || err != nil {
			t.Errorf("Count = %d, %v", n, err)
		}
		if len(warnings) != maxRowWarnings+1 || !strings.HasSuffix(warnings[len(warnings)-1], "many.csv: 7 more CSV rows are blank or have another number of fields than the header") {
			t.Errorf("warnings = %q", warnings)
		}
	})
	t.Run("CSV quote that is never closed is an error, not one huge field", func(t *testing.T) {
		t.Parallel()
		for name, text := range map[string]string{"unclosed.csv": "a\n\"1\n2\n3\n", "bare.csv": "a,b\n1,\"x\"y\n"} {
			if _, err := readAll(t, write(name, text)); err == nil || !strings.Contains(err.Error(), name+":") || !strings.Contains(err.Error(), `"`) {
				t.Errorf("%s: err = %v, want the file, line and the quote named", name, err)
			}
		}
	})
	t.Run("JSON array of objects keeps key order", func(t *testing.T) {
		t.Parallel()
		rows, err := readAll(t, write("d.json", `[{"b":1,"a":"x"},{"b":true,"a":null}]`))
		if err != nil {
			t.Fatal(err)
		}
		want := []DataRow{{{Key: "b", Value: json.Number("1")}, {Key: "a", Value: "x"}}, {{Key: "b", Value: true}, {Key: "a", Value: nil}}}
		if diff := cmp.Diff(want, rows); diff != "" {
			t.Errorf("rows (-want +got):\n%s", diff)
		}
	})
	t.Run("JSON that is not an array of objects", func(t *testing.T) {
		t.Parallel()
		if _, err := readAll(t, write("o.json", `{"a":1}`)); err == nil || !strings.Contains(err.Error(), "array of objects") {
			t.Errorf("err = %v", err)
		}
		if _, err := readAll(t, write("n.json", `[1]`)); err == nil || !strings.Contains(err.Error(), "element 1") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("JSON syntax errors name the line and column of the offending byte", func(t *testing.T) {
		t.Parallel()
		for _, tc := range []struct{ name, text, want string }{
			{"comma.json", "[{\"a\":1},\n{\"a\":2,}\n]", "comma.json:2:8: invalid JSON: invalid character '}'"},
			{"space.json", "[{\"a\":1},\n  {\"a\" 2}]", "space.json:2:8: invalid JSON: invalid character '2'"},
			{"deep.json", "[{\"a\":1},\n{\"a\":2},\n{\"bbbbbbbbbb\":3,   x}]", "deep.json:3:20: invalid JSON: invalid character 'x'"},
			{"bom.json", "\xef\xbb\xbf[{\"a\":1},\n{\"a\" 2}]", "bom.json:2:6: invalid JSON"},
			{"newline-in-string.json", "[{\"a\":\"x\ny\"}]", "newline-in-string.json:1:9: invalid JSON"},
			{"truncated.json", "[{\"a\":1},\n{\"a\":2", "truncated.json:2:7: invalid JSON: unexpected EOF"},
			{"unclosed.json", "[{\"a\":1},\n{\"a\":2}\n", "unclosed.json:3:1: invalid JSON: unexpected EOF"},
			{"unclosed-after-comma.json", "[{\"a\":1},", "unclosed-after-comma.json:1:10: invalid JSON"},
			{"trailing-value.json", "[{\"a\":1}]\n\n  {\"a\":2}", "trailing-value.json:3:3: invalid JSON: unexpected '{' after the array"},
			{"trailing-garbage.json", "[{\"a\":1}] x", "trailing-garbage.json:1:11: invalid JSON: unexpected 'x' after the array"},
		} {
			if _, err := readAll(t, write(tc.name, tc.text)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
			}
		}
	})
	t.Run("missing data file", func(t *testing.T) {
		t.Parallel()
		if _, err := OpenData(filepath.Join(dir, "none.csv")); err == nil || !strings.Contains(err.Error(), "data file not found") {
			t.Errorf("err = %v", err)
		}
	})
	// A directory opens like a file but reads nothing: Newman stops
	// with EISDIR; colrun used to run on without data.
	t.Run("directory as data file", func(t *testing.T) {
		t.Parallel()
		sub := filepath.Join(dir, "rows.csv")
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		want := sub + ": cannot read data file: is a directory"
		if _, err := OpenData(sub); err == nil || err.Error() != want {
			t.Errorf("err = %v, want %q", err, want)
		}
	})
}

// sharedFixture returns a path under ../shared/fixtures, skipping the test
// when the folder is absent (a user's clone does not have it).
func sharedFixture(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "fixtures", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared fixture %s not available", rel)
	}
	return p
}

func TestOfficialTableauCollectionLoads(t *testing.T) {
	t.Parallel()
	c, err := LoadCollection(sharedFixture(t, "tableau-postman/Tableau_REST_API.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(c.Requests()); got != 347 {
		t.Errorf("requests = %d, want 347", got)
	}
	if got := len(c.Folders()); got != 25 {
		t.Errorf("folders = %d, want 25", got)
	}
	if c.Auth == nil || c.Auth.Type != "apikey" || c.Auth.Get("key") != "X-Tableau-Auth" {
		t.Errorf("collection auth = %+v", c.Auth)
	}
}

func FuzzParseCollection(f *testing.F) {
	for _, p := range []string{"testdata/shapes-v21.postman_collection.json", "testdata/shapes-v20.postman_collection.json"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"item":[{"request":{"url":{"path":[{}],"query":"a=1&b"}}}]}`))
	f.Add([]byte(`{"item":[{"request":{"body":{"urlencoded":[{"description":{"content":5}},{"description":[]}]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCollection("fuzz.json", data)
		if err != nil {
			return
		}
		for _, it := range c.Requests() {
			_ = it.Request.URL.String()
			_ = it.Request.Clone()
		}
	})
}

func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"http://a.b/c?d=e#f", "{{x}}/:id", "u:p@h:1/a", "{{a:b}}?{{c&d}}", "\\\\a\\b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := ParseURL(s)
		_ = u.String()
	})
}
