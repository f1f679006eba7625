package runner

import (
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// What goes on the wire for the shapes of a collection that Newman 6.2.2
// runs and colrun used to send otherwise (or refuse): a urlencoded entry
// without a key is sent as "undefined", a urlencoded or formdata member
// that is not a list of objects as postman-collection's PropertyList
// makes it, a form-data fileName names the part, a header whose
// "disabled" is any truthy value is not sent, and a string-typed auth
// parameter is cast to a string (Bearer undefined). The expected values
// are what Newman sent a server for the same items.
func TestSendsTheShapesNewmanSends(t *testing.T) {
	t.Parallel()
	post := func(body string) string {
		return `{"name":"r","request":{"method":"POST","url":"{{base}}/post","body":` + body + `}}`
	}
	withAuth := func(auth string) string {
		return `{"name":"r","request":{"method":"GET","url":"{{base}}/get","auth":` + auth + `}}`
	}
	tests := []struct {
		name, item string
		body       string // the body sent, unless parts is set
		// parts lists a multipart body's parts as their Content-Disposition
		// and Content-Type, then the part's text.
		parts []string
		// header lists headers and their values; "" for one not sent.
		header map[string]string
	}{
		{"urlencoded without key or value", post(`{"mode":"urlencoded","urlencoded":[{"key":"a"},{"value":"y"},{"key":"c","value":"3","disabled":false},{"key":"n","value":null}]}`),
			"a=&undefined=y&c=3&n=", nil, nil},
		{"urlencoded 5", post(`{"mode":"urlencoded","urlencoded":5}`), "undefined=", nil, nil},
		{"urlencoded true", post(`{"mode":"urlencoded","urlencoded":true}`), "undefined=", nil, nil},
		{"urlencoded 0", post(`{"mode":"urlencoded","urlencoded":0}`), "", nil, nil},
		{"urlencoded object", post(`{"mode":"urlencoded","urlencoded":{"a":"1"}}`), "undefined=", nil, nil},
		{"urlencoded object entry", post(`{"mode":"urlencoded","urlencoded":{"key":"x","value":"y"}}`), "x=y", nil, nil},
		{"urlencoded object entry without key", post(`{"mode":"urlencoded","urlencoded":{"value":"b"}}`), "undefined=b", nil, nil},
		{"formdata object entry", post(`{"mode":"formdata","formdata":{"key":"a","value":"b"}}`), "", []string{`form-data; name="a"||b`}, nil},
		{"urlencoded list of other values", post(`{"mode":"urlencoded","urlencoded":["a=b","c","",0,false,null,[1],{"key":"k"}]}`),
			"a=b&c=&=&undefined=&undefined=&undefined=&k=", nil, nil},
		{"formdata string", post(`{"mode":"formdata","formdata":"a=b"}`), "", nil, nil},
		{"formdata 5", post(`{"mode":"formdata","formdata":5}`), "", []string{`form-data; name=""||`}, nil},
		{"formdata list of other values", post(`{"mode":"formdata","formdata":["a=b",0,null,{"key":"k","value":"v"}]}`), "",
			[]string{`form-data; name=""||`, `form-data; name=""||`, `form-data; name="k"||v`}, nil},
		{"formdata fileName", post(`{"mode":"formdata","formdata":[{"key":"f","value":"v","type":"text","fileName":"a.txt"},{"key":"g","type":"file","src":[],"fileName":"b.txt"},{"key":"x","value":"w","fileName":"json"},{"key":"z","value":"w","fileName":"c.zzz9"},{"key":"y","value":"w","fileName":"c.json","contentType":"text/x"}]}`), "",
			[]string{`form-data; name="f"; filename="a.txt"|text/plain|v`, `form-data; name="g"; filename="b.txt"|text/plain|`, `form-data; name="x"; filename="json"|application/json|w`,
				`form-data; name="z"; filename="c.zzz9"||w`, `form-data; name="y"; filename="c.json"|text/x|w`}, nil},
		{"headers disabled by truthy values", `{"name":"r","request":{"method":"GET","url":"{{base}}/get","header":[{"key":"X-A","value":"1","disabled":null},{"key":"X-B","value":"1","disabled":"false"},{"key":"X-C","value":"1","disabled":1},{"key":"X-D","value":"1","disabled":false},{"key":"X-E","value":"1","disabled":"true"}]}}`,
			"", nil, map[string]string{"X-A": "1", "X-B": "", "X-C": "", "X-D": "1", "X-E": ""}},
		{"bearer string without value", withAuth(`{"type":"bearer","bearer":[{"key":"token","type":"string"}]}`),
			"", nil, map[string]string{"Authorization": "Bearer undefined"}},
		{"bearer string null", withAuth(`{"type":"bearer","bearer":[{"key":"token","type":"string","value":null}]}`),
			"", nil, map[string]string{"Authorization": "Bearer null"}},
		{"bearer string 5", withAuth(`{"type":"bearer","bearer":[{"key":"token","type":"string","value":5}]}`),
			"", nil, map[string]string{"Authorization": "Bearer 5"}},
		{"bearer boolean", withAuth(`{"type":"bearer","bearer":[{"key":"token","type":"boolean","value":"x"}]}`),
			"", nil, map[string]string{"Authorization": "Bearer true"}},
		{"bearer boolean empty", withAuth(`{"type":"bearer","bearer":[{"key":"token","type":"boolean","value":""}]}`),
			"", nil, map[string]string{"Authorization": ""}},
		{"bearer number not a number", withAuth(`{"type":"bearer","bearer":[{"key":"token","type":"number","value":"abc"}]}`),
			"", nil, map[string]string{"Authorization": ""}},
		{"bearer 0", withAuth(`{"type":"bearer","bearer":[{"key":"token","value":0}]}`),
			"", nil, map[string]string{"Authorization": ""}},
		{"basic falsy values", withAuth(`{"type":"basic","basic":[{"key":"username","value":false},{"key":"password","value":"0","type":"number"}]}`),
			"", nil, map[string]string{"Authorization": "Basic Og=="}},
		{"basic false username", withAuth(`{"type":"basic","basic":[{"key":"username","value":false},{"key":"password","value":"p"}]}`),
			"", nil, map[string]string{"Authorization": "Basic OnA="}},
		{"bearer any without value", withAuth(`{"type":"bearer","bearer":[{"key":"token"}]}`),
			"", nil, map[string]string{"Authorization": ""}},
		{"basic strings without values", withAuth(`{"type":"basic","basic":[{"key":"username","type":"string"},{"key":"password","type":"string"}]}`),
			"", nil, map[string]string{"Authorization": "Basic dW5kZWZpbmVkOnVuZGVmaW5lZA=="}},
		{"apikey strings without values", withAuth(`{"type":"apikey","apikey":[{"key":"key","type":"string"},{"key":"value","type":"string"}]}`),
			"", nil, map[string]string{"Undefined": "undefined"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			run(t, parse(t, collection(rec.srv.URL, tc.item)), Options{})
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server got %d requests, want 1", len(got))
			}
			r := got[0]
			if tc.parts != nil {
				if diff := cmp.Diff(tc.parts, multipartParts(t, r)); diff != "" {
					t.Errorf("parts sent (-want +got):\n%s", diff)
				}
			} else if r.Body != tc.body {
				t.Errorf("body sent %q, want %q", r.Body, tc.body)
			}
			for k, want := range tc.header {
				if v := r.Header.Get(k); v != want {
					t.Errorf("header %s sent %q, want %q", k, v, want)
				}
			}
		})
	}
}

// multipartParts lists a multipart body's parts as
// "Content-Disposition|Content-Type|text".
func multipartParts(t *testing.T, r received) []string {
	t.Helper()
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		t.Fatalf("Content-Type %q: %v", r.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(strings.NewReader(r.Body), params["boundary"])
	var out []string
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		text, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Header.Get("Content-Disposition")+"|"+p.Header.Get("Content-Type")+"|"+string(text))
	}
}

// Pre-request scripts see a raw body the collection gives as an object
// as that object, and a body's options as written, as in Newman 6.2.2;
// what is sent stays Newman's (the object's JSON). The expected values are what
// Newman's scripts logged and its server got for the same items.
func TestScriptsSeeTheRawBodyAsWritten(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       string // what the script logs
		sent       string
	}{
		{"object", `{"mode":"raw","raw":{"b":1,"a":[true]}}`, `'{"mode":"raw","raw":{"b":1,"a":[true]}}' 'object'`, `{"b":1,"a":[true]}`},
		{"options", `{"mode":"raw","raw":"x","options":{"raw":{"headerFamily":"json","language":"json"},"other":{"a":1}}}`,
			`'{"mode":"raw","raw":"x","options":{"raw":{"headerFamily":"json","language":"json"},"other":{"a":1}}}' 'string'`, "x"},
		{"empty raw options", `{"mode":"raw","raw":"x","options":{"raw":{}}}`, `'{"mode":"raw","raw":"x","options":{"raw":{}}}' 'string'`, "x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			item := `{"name":"r","request":{"method":"POST","url":"{{base}}/post","body":` + tc.body + `},
				"event":[{"listen":"prerequest","script":{"exec":["console.log(JSON.stringify(pm.request.body.toJSON()), typeof pm.request.body.raw)"]}}]}`
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, item)), Options{})
			logged := ev.logged()
			if diff := cmp.Diff([]string{tc.want}, logged); diff != "" {
				t.Errorf("script logged (-want +got):\n%s", diff)
			}
			if got := rec.all(); len(got) != 1 || got[0].Body != tc.sent {
				t.Errorf("server got %+v, want one request with body %q", got, tc.sent)
			}
		})
	}
}
