package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wrongTypeEcho answers with what it got: the path and query, the headers
// a collection sets (not the ones every client sends, nor Referer, which
// names the port), and the body; /r/N redirects N times before /end.
func wrongTypeEcho(t *testing.T) *httptest.Server {
	t.Helper()
	common := map[string]bool{"host": true, "user-agent": true, "accept": true, "accept-encoding": true, "connection": true,
		"postman-token": true, "cache-control": true, "content-length": true, "referer": true}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n, ok := strings.CutPrefix(r.URL.Path, "/r/"); ok {
			next := "/end"
			if k, _ := strconv.Atoi(n); k > 1 {
				next = fmt.Sprintf("/r/%d", k-1)
			}
			http.Redirect(w, r, next, http.StatusFound)
			return
		}
		body, _ := io.ReadAll(r.Body)
		h := []string{}
		for k, v := range r.Header {
			if k = strings.ToLower(k); !common[k] {
				h = append(h, k+"="+strings.Join(v, ", "))
			}
		}
		sort.Strings(h)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(struct {
			URI  string   `json:"uri"`
			H    []string `json:"h"`
			Body string   `json:"body"`
		}{r.RequestURI, h, string(body)})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// wrongTypeProbes are the collection's scripts: the pre-request one lists
// what it sees of pm.request (headers, URL, body) and the variable v, the
// test one what the server got.
var wrongTypeProbes = fmt.Sprintf(`"event": [{"listen": "prerequest", "script": {"exec": %s}}, {"listen": "test", "script": {"exec": %s}}]`,
	strconv.Quote(`const r = pm.request; pm.test('pre ' + JSON.stringify({hc: r.headers.count(), h: r.headers.toJSON().map(h => h.key + ':' + h.value), url: r.url.toString(), body: r.body ? r.body.toJSON() : r.body, v: pm.variables.get('v')}), () => {});`),
	strconv.Quote(`let s; try { s = pm.response.json(); } catch (e) { s = 'no response'; } pm.test('sent ' + JSON.stringify(s), () => {});`))

// TestWrongTypedPartsRunAsNewman runs collections with parts of the wrong
// type that Newman 6.2.2 runs past, which colrun refused (exit 2) naming
// the place. Each now runs as under Newman, with a warning naming the
// file and the place. want is what Newman 6.2.2 reported, from the same
// collection against a server answering as this one does.
func TestWrongTypedPartsRunAsNewman(t *testing.T) {
	t.Parallel()
	srv := wrongTypeEcho(t)
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	tests := []struct {
		name, collection string
		code             int
		// warn is the first warning colrun prints, after the file name.
		warn string
		want []string
	}{
		{
			name:       "header number",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get", "header": 5}}]}`,
			code:       0,
			warn:       `item "R" > request > header: a number, not a list of {key, value} objects; Newman lists it to scripts as a header without a name and sends nothing for it, and so does colrun`,
			want: []string{
				"pre {\"hc\":1,\"h\":[\":\"],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "header list holding other things",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get", "header": [5, "X-A: b", {"key": "X-B", "value": "c"}, true, null]}}]}`,
			code:       0,
			warn:       `item "R" > request > header[0]: a number, not a {key, value} object; Newman lists it to scripts as a header without a name and sends nothing for it, and so does colrun`,
			want: []string{
				"pre {\"hc\":4,\"h\":[\":\",\"X-A:b\",\"X-B:c\",\":\"],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[\"x-a=b\",\"x-b=c\"],\"body\":\"\"}",
			},
		},
		{
			name:       "header without a name",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get", "header": [{"key": "", "value": "x"}, {"key": "X-A", "value": "b"}]}}]}`,
			code:       0,
			warn:       "",
			want: []string{
				"pre {\"hc\":2,\"h\":[\":x\",\"X-A:b\"],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[\"x-a=b\"],\"body\":\"\"}",
			},
		},
		{
			name:       "body number",
			collection: `{"item": [{"name": "R", "request": {"method": "POST", "url": "BASE/post", "body": 5}}]}`,
			code:       0,
			warn:       `item "R" > request > body: a number, not a body object; Newman sends no body, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/post\",\"body\":{}}",
				"sent {\"uri\":\"/post\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "body file given as a string",
			collection: `{"item": [{"name": "R", "request": {"method": "POST", "url": "BASE/post", "body": {"mode": "file", "file": "data.txt"}}}]}`,
			code:       0,
			warn:       "",
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/post\",\"body\":{\"mode\":\"file\",\"file\":{\"src\":\"data.txt\"}}}",
				"sent {\"uri\":\"/post\",\"h\":[\"content-type=text/plain\"],\"body\":\"FILEDATA\"}",
			},
		},
		{
			name:       "variables of the wrong type",
			collection: `{"variable": [5, "x", {"key": "v", "value": "V1"}], "item": [{"name": "R", "variable": 5, "request": {"url": "BASE/get?v={{v}}"}}]}`,
			code:       0,
			warn:       "collection > variable[0]: a number, not a {key, value} object; Newman ignores it, and so does colrun",
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get?v={{v}}\",\"v\":\"V1\"}",
				"sent {\"uri\":\"/get?v=V1\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "query list holding other things",
			collection: `{"item": [{"name": "R", "request": {"url": {"protocol": "http", "host": ["127", "0", "0", "1"], "port": "{{port}}", "path": ["get"], "query": [5, "a=b", {"key": "c", "value": "d"}, null, true]}}}]}`,
			code:       0,
			warn:       `item "R" > request > url > query[0]: a number, not a {key, value} object; Newman sends it as an empty field, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get?&a=b&c=d&\"}",
				"sent {\"uri\":\"/get?&a=b&c=d&\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "query number",
			collection: `{"item": [{"name": "R", "request": {"url": {"protocol": "http", "host": ["127", "0", "0", "1"], "port": "{{port}}", "path": ["get"], "query": 5}}}]}`,
			code:       0,
			warn:       `item "R" > request > url > query: a number, not a list of {key, value} objects; Newman sends it as an empty field, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get?\"}",
				"sent {\"uri\":\"/get?\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "path number",
			collection: `{"item": [{"name": "R", "request": {"url": {"protocol": "http", "host": ["127", "0", "0", "1"], "port": "{{port}}", "path": 5}}}]}`,
			code:       0,
			warn:       `item "R" > request > url > path: a number, not a string or a list of segments; Newman sends the URL without a path, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/\"}",
				"sent {\"uri\":\"/\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "path object",
			collection: `{"item": [{"name": "R", "request": {"url": {"protocol": "http", "host": ["127", "0", "0", "1"], "port": "{{port}}", "path": {"a": "get", "b": "x"}}}}]}`,
			code:       0,
			warn:       `item "R" > request > url > path: an object, not a string or a list of segments; Newman takes its values for the segments, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get/x\"}",
				"sent {\"uri\":\"/get/x\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "url variable list holding a string",
			collection: `{"item": [{"name": "R", "request": {"url": {"protocol": "http", "host": ["127", "0", "0", "1"], "port": "{{port}}", "path": [":p"], "variable": ["x", {"key": "p", "value": "get"}]}}}]}`,
			code:       0,
			warn:       `item "R" > request > url > variable[0]: a string, not a {key, value} object; Newman ignores it, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "event string",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get"}, "event": "pm.test('never', () => {})"}]}`,
			code:       0,
			warn:       `item "R" > event: a string, not a list of events; Newman ignores it, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "event list holding a string",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get"}, "event": ["x", {"listen": "test", "script": {"exec": "pm.test('ran', () => {})"}}]}]}`,
			code:       0,
			warn:       `item "R" > event[0]: a string, not an event object; Newman ignores it, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
				"ran",
			},
		},
		{
			name:       "event script number",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get"}, "event": [{"listen": "test", "script": 5}, {"listen": "test", "script": {"exec": "pm.test('ran', () => {})"}}]}]}`,
			code:       0,
			warn:       `item "R" > event[0] > script: a number, not a script object; Newman runs no script for it, and neither does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
				"ran",
			},
		},
		{
			name:       "script exec number",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get"}, "event": [{"listen": "test", "script": {"exec": 5}}, {"listen": "test", "script": {"exec": "pm.test('ran', () => {})"}}]}]}`,
			code:       0,
			warn:       `item "R" > event[0] > script > exec: a number, not text or a list of lines; Newman runs no code for it, and neither does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
				"ran",
			},
		},
		{
			name:       "request auth string under a collection's bearer",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/get", "auth": "basic"}}], "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "T"}]}}`,
			code:       0,
			warn:       `item "R" > request > auth: a string, not an auth object; Newman ignores it (the auth above applies), and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[\"authorization=Bearer T\"],\"body\":\"\"}",
			},
		},
		{
			name:       "folder auth list under a collection's bearer",
			collection: `{"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "T"}]}, "item": [{"name": "F", "auth": [{"type": "basic"}], "item": [{"name": "R", "request": "BASE/get"}]}]}`,
			code:       0,
			warn:       `item "F" > auth: a list, not an auth object; Newman ignores it (the auth above applies), and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[\"authorization=Bearer T\"],\"body\":\"\"}",
			},
		},
		{
			name:       "maxRedirects a word",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/r/3"}, "protocolProfileBehavior": {"maxRedirects": "abc"}}]}`,
			code:       0,
			warn:       `item "R" > protocolProfileBehavior > maxRedirects: a string, not a whole number; Newman compares the redirects followed with it as JavaScript does, which allows any number of redirects, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/r/3\"}",
				"sent {\"uri\":\"/end\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "maxRedirects 1.5",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/r/3"}, "protocolProfileBehavior": {"maxRedirects": 1.5}}]}`,
			code:       1,
			warn:       `item "R" > protocolProfileBehavior > maxRedirects: a number, not a whole number; Newman compares the redirects followed with it as JavaScript does, which allows 2 redirects, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/r/3\"}",
				"sent \"no response\"",
			},
		},
		{
			name:       "maxRedirects 2.5",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/r/3"}, "protocolProfileBehavior": {"maxRedirects": 2.5}}]}`,
			code:       0,
			warn:       `item "R" > protocolProfileBehavior > maxRedirects: a number, not a whole number; Newman compares the redirects followed with it as JavaScript does, which allows 3 redirects, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/r/3\"}",
				"sent {\"uri\":\"/end\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "maxRedirects true",
			collection: `{"item": [{"name": "R", "request": {"url": "BASE/r/3"}, "protocolProfileBehavior": {"maxRedirects": true}}]}`,
			code:       1,
			warn:       `item "R" > protocolProfileBehavior > maxRedirects: a boolean, not a whole number; Newman compares the redirects followed with it as JavaScript does, which allows 1 redirect, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/r/3\"}",
				"sent \"no response\"",
			},
		},
		{
			name:       "url number",
			collection: `{"item": [{"name": "R", "request": {"url": 5}}, {"name": "R2", "request": "BASE/get"}]}`,
			code:       1,
			warn:       `item "R" > request > url: a number, not a string or an object; Newman sends the request without a URL, which fails, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"\"}",
				"sent \"no response\"",
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "url raw number",
			collection: `{"item": [{"name": "R", "request": {"url": {"raw": 5}}}, {"name": "R2", "request": "BASE/get"}]}`,
			code:       1,
			warn:       `item "R" > request > url > raw: a number, not a string; Newman sends the request without a URL, which fails, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"\"}",
				"sent \"no response\"",
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "request number",
			collection: `{"item": [{"name": "R", "request": 5}, {"name": "R2", "request": "BASE/get"}]}`,
			code:       1,
			warn:       `item "R" > request: a number, not a URL or a request object; Newman runs it as a request without a URL, which fails, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"\"}",
				"sent \"no response\"",
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "item string",
			collection: `{"item": ["x", {"name": "R2", "request": "BASE/get"}]}`,
			code:       1,
			warn:       "collection > item[0]: a string, not an item object; Newman runs it as a request without a URL, which fails, and so does colrun",
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"\"}",
				"sent \"no response\"",
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
		{
			name:       "folder item number",
			collection: `{"item": [{"name": "F", "item": 5}, {"name": "R2", "request": "BASE/get"}]}`,
			code:       1,
			warn:       `item "F" > item[0]: a number, not an item object; Newman runs it as a request without a URL, which fails, and so does colrun`,
			want: []string{
				"pre {\"hc\":0,\"h\":[],\"url\":\"\"}",
				"sent \"no response\"",
				"pre {\"hc\":0,\"h\":[],\"url\":\"http://127.0.0.1:{{port}}/get\"}",
				"sent {\"uri\":\"/get\",\"h\":[],\"body\":\"\"}",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeFile(t, dir, "data.txt", "FILEDATA")
			coll := `{"info": {"name": "c"}, ` + wrongTypeProbes + ", " + strings.ReplaceAll(tc.collection, "BASE", "http://127.0.0.1:{{port}}")[1:]
			path := writeFile(t, dir, "c.json", coll)
			report := filepath.Join(dir, "r.json")
			res := colrun(t, nil, "run", path, "--env-var", "port="+port, "--working-dir", dir, "-r", "json", "--reporter-json-export", report)
			if res.code != tc.code {
				t.Fatalf("exit %d, Newman's is %d; stderr:\n%s", res.code, tc.code, res.stderr)
			}
			if first, _, _ := strings.Cut(res.stderr, "\n"); tc.warn == "" && res.stderr != "" || tc.warn != "" && first != "colrun: warning: "+path+": "+tc.warn {
				t.Errorf("stderr:\n%s\nwant its first line to warn %q", res.stderr, tc.warn)
			}
			var r struct {
				Run struct {
					Executions []struct {
						Assertions []struct{ Assertion string }
					}
				}
			}
			readJSON(t, report, &r)
			var got []string
			for _, e := range r.Run.Executions {
				for _, a := range e.Assertions {
					got = append(got, a.Assertion)
				}
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("assertions (-Newman +colrun):\n%s", d)
			}
		})
	}
}

// TestWrongTypedWarningsEndWithACount prints the first five places of
// the wrong type, one line each, then how many more there are, rather
// than a line for every request of a generated collection.
func TestWrongTypedWarningsEndWithACount(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	items := strings.Repeat(fmt.Sprintf(`{"name": "R", "request": {"url": "%s/x", "header": 5}},`, srv.URL), 7)
	path := writeFile(t, dir, "c.json", `{"info": {"name": "c"}, "item": [`+strings.TrimSuffix(items, ",")+`]}`)
	res := colrun(t, nil, "run", path, "-r", "json", "--reporter-json-export", filepath.Join(dir, "r.json"))
	if res.code != exitOK {
		t.Fatalf("exit %d, want 0; stderr:\n%s", res.code, res.stderr)
	}
	line := "colrun: warning: " + path + `: item "R" > request > header: a number, not a list of {key, value} objects; Newman lists it to scripts as a header without a name and sends nothing for it, and so does colrun`
	want := strings.Repeat(line+"\n", 5) + "colrun: warning: " + path + ": 2 more places like these\n"
	if d := cmp.Diff(want, res.stderr); d != "" {
		t.Errorf("stderr (-want +got):\n%s", d)
	}
}
