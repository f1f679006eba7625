package report_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// The JSON report lists what the collection writes as Newman 6.2.2's
// report does, where colrun's model used to drop it: a urlencoded
// entry's missing key or value (and any shape of the list Newman runs),
// a "disabled": false or null, a body's whole options, a raw body given
// as another JSON value than a string, a form-data fileName, a file
// body's null, src and unloadable value, an empty URL password, an object URL's hash, string-typed auth parameters
// without a value, and the parameters of every auth type the block has.
// The expected values are Newman's report of the same items.
func TestJSONReportKeepsWhatTheCollectionWrites(t *testing.T) {
	t.Parallel()
	post := func(body string) string {
		return `{"name":"r","request":{"method":"POST","url":"{{base}}/post","body":` + body + `}}`
	}
	get := func(url, members string) string {
		return `{"name":"r","request":{"method":"GET","url":` + url + members + `}}`
	}
	object := func(members string) string {
		return `{"raw":"{{base}}/get","protocol":"http","host":["127","0","0","1"],"port":"{{port}}","path":["get"]` + members + `}`
	}
	tests := []struct {
		name, item string
		// member is the request's member compared: body, header (the
		// collection's, without system ones), auth, url.auth or url.hash.
		member string
		want   string // "" for none
	}{
		{"urlencoded without key or value", post(`{"mode":"urlencoded","urlencoded":[{"key":"a"},{"value":"y"},{"key":"c","value":"3","disabled":false},{"key":"n","value":null},{"key":5,"value":true}]}`),
			"body", `{"mode":"urlencoded","urlencoded":[{"key":"a"},{"value":"y"},{"disabled":false,"key":"c","value":"3"},{"key":"n","value":null},{"key":5,"value":true}]}`},
		{"urlencoded 5", post(`{"mode":"urlencoded","urlencoded":5}`),
			"body", `{"mode":"urlencoded","urlencoded":[{}]}`},
		{"urlencoded list of other values", post(`{"mode":"urlencoded","urlencoded":["a=b","c",0,null,{"key":"k"}]}`),
			"body", `{"mode":"urlencoded","urlencoded":[{"key":"a","value":"b"},{"key":"c","value":null},{},{"key":"k"}]}`},
		{"formdata 5", post(`{"mode":"formdata","formdata":5}`),
			"body", `{"mode":"formdata","formdata":[{"key":"","value":""}]}`},
		{"formdata disabled false and fileName", post(`{"mode":"formdata","formdata":[{"key":"t","value":"v","type":"text","disabled":false,"fileName":"a.txt"},{"key":"f","type":"file","src":[],"fileName":"b.txt"},{"key":"n","value":"w","fileName":null}]}`),
			"body", `{"mode":"formdata","formdata":[{"disabled":false,"key":"t","value":"v","type":"text","fileName":"a.txt"},{"key":"f","type":"file","src":[],"fileName":"b.txt"},{"key":"n","value":"w","fileName":null}]}`},
		{"formdata file parts without src", post(`{"mode":"formdata","formdata":[{"key":"a","type":"file","value":"aGk="},{"key":"b","type":"file","value":"aGk=","fileName":"x.txt"},{"key":"c","type":"file","value":"aGk=","contentType":"text/y"},{"key":"d","type":"file","value":"aGk=","src":[]},{"key":"e","type":"file"},{"key":"f","type":"file","value":"aGk=","src":""}]}`),
			"body", `{"mode":"formdata","formdata":[{"key":"a","type":"file"},{"key":"b","type":"file","fileName":"x.txt"},{"key":"c","type":"file","contentType":"text/y"},{"key":"d","value":"aGk=","type":"file","src":[]},{"key":"e","type":"file","fileName":""},{"key":"f","type":"file","src":""}]}`},
		{"headers disabled false and null", get(`"{{base}}/get"`, `,"header":[{"key":"X-A","value":"1","disabled":false},{"key":"X-B","value":"2","disabled":null},{"key":"X-C","value":"3"}]`),
			"header", `[{"disabled":false,"key":"X-A","value":"1"},{"disabled":null,"key":"X-B","value":"2"},{"key":"X-C","value":"3"}]`},
		{"raw options", post(`{"mode":"raw","raw":"x","options":{"raw":{"headerFamily":"json","language":"json"},"other":{"a":1}}}`),
			"body", `{"mode":"raw","raw":"x","options":{"raw":{"headerFamily":"json","language":"json"},"other":{"a":1}}}`},
		{"raw empty options", post(`{"mode":"raw","raw":"x","options":{"raw":{}}}`),
			"body", `{"mode":"raw","raw":"x","options":{"raw":{}}}`},
		{"urlencoded options", post(`{"mode":"urlencoded","urlencoded":[],"options":{"urlencoded":{"x":1}}}`),
			"body", `{"mode":"urlencoded","urlencoded":[],"options":{"urlencoded":{"x":1}}}`},
		{"raw 5", post(`{"mode":"raw","raw":5}`), "body", `{"mode":"raw","raw":5}`},
		{"raw true", post(`{"mode":"raw","raw":true}`), "body", `{"mode":"raw","raw":true}`},
		{"raw object", post(`{"mode":"raw","raw":{"b":1,"a":[true]}}`), "body", `{"mode":"raw","raw":{"b":1,"a":[true]}}`},
		{"raw empty object", post(`{"mode":"raw","raw":{}}`), "body", `{"mode":"raw","raw":{}}`},
		{"file null", post(`{"mode":"file","file":null}`), "body", `{"mode":"file","file":null}`},
		{"file src null", post(`{"mode":"file","file":{"src":null}}`), "body", `{"mode":"file","file":{"src":null,"value":null}}`},
		{"file src empty", post(`{"mode":"file","file":{"src":""}}`), "body", `{"mode":"file","file":{"src":"","value":null}}`},
		{"file without src", post(`{"mode":"file","file":{}}`), "body", `{"mode":"file","file":{"value":null}}`},
		{"file src 5", post(`{"mode":"file","file":{"src":5}}`), "body", `{"mode":"file","file":{"src":5,"value":null}}`},
		{"file content", post(`{"mode":"file","file":{"content":"abc"}}`), "body", `{"mode":"file","file":{}}`},
		{"url empty password", get(`"http://u:@{{host}}/get"`, ""), "url.auth", `{"user":"u","password":""}`},
		{"url object empty password", get(object(`,"auth":{"user":"u","password":""}`), ""), "url.auth", `{"user":"u","password":""}`},
		{"url object empty hash", get(object(`,"hash":""`), ""), "url.hash", `""`},
		{"url object, raw with #", get(strings.Replace(object(""), "/get", "/get#", 1), ""), "url.hash", ""},
		{"url string empty hash", get(`"{{base}}/get#"`, ""), "url.hash", `""`},
		{"auth without values", get(`"{{base}}/get"`, `,"auth":{"type":"apikey","apikey":[{"key":"key","value":"k","type":"string"},{"key":"value","type":"string"},{"key":"in"}]}`),
			"auth", `{"type":"apikey","apikey":[{"type":"string","value":"k","key":"key"},{"type":"string","value":"undefined","key":"value"},{"type":"any","key":"in"}]}`},
		{"auth of other types", get(`"{{base}}/get"`, `,"auth":{"basic":[{"key":"username","value":"u"}],"type":"bearer","noauth":null,"apikey":{"key":"k"},"bearer":[{"key":"token","value":"t","disabled":true,"description":{"content":"x","type":"text/markdown"},"system":false,"id":"i1"}],"oauth2":5,"digest":[]}`),
			"auth", `{"type":"bearer","bearer":[{"id":"i1","disabled":true,"description":{"content":"x","type":"text/markdown"},"type":"any","value":"t","key":"token","system":false}],"basic":[{"type":"any","value":"u","key":"username"}],"apikey":[{"type":"any","value":"k","key":"key"}],"digest":[]}`},
		{"auth parameter members", get(`"{{base}}/get"`, `,"auth":{"type":"bearer","bearer":[{"key":"token","value":"t","type":"string","disabled":false,"description":"d","system":true}]}`),
			"auth", `{"type":"bearer","bearer":[{"disabled":false,"description":{"content":"d","type":"text/plain"},"type":"string","value":"t","key":"token","system":true}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			reqs := runItems(t, "", tc.item)
			if len(reqs) != 1 {
				t.Fatalf("got %d executions, want 1", len(reqs))
			}
			if got := compact(t, member(t, reqs[0], tc.member)); got != tc.want {
				t.Errorf("request %s:\n got %s\nwant %s", tc.member, got, tc.want)
			}
		})
	}
}

// member is a request member by its dotted path; the header list leaves
// out the headers colrun added (system ones), which differ from Newman's.
func member(t *testing.T, req map[string]json.RawMessage, path string) json.RawMessage {
	t.Helper()
	name, sub, nested := strings.Cut(path, ".")
	v := req[name]
	if nested && v != nil {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(v, &obj); err != nil {
			t.Fatal(err)
		}
		v = obj[sub]
	}
	if name != "header" {
		return v
	}
	var hs []json.RawMessage
	if err := json.Unmarshal(v, &hs); err != nil {
		t.Fatal(err)
	}
	own := []json.RawMessage{}
	for _, h := range hs {
		var flags struct{ System bool }
		if err := json.Unmarshal(h, &flags); err != nil {
			t.Fatal(err)
		}
		if !flags.System {
			own = append(own, h)
		}
	}
	out, err := json.Marshal(own)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
