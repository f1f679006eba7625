package collections_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner"
)

// TestNonStringValuesSentAsNewmanSendsThem checks what goes out for
// header, query, urlencoded, formdata and raw values that are not strings
// (null, numbers, booleans, objects), as collection-generating scripts
// write them, against what Newman 6.2.2 sent for the same requests
// (recorded below).
func TestNonStringValuesSentAsNewmanSendsThem(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	got := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		seen := r.RequestURI + " [" + string(body) + "]"
		if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && params["boundary"] != "" {
			var parts []string
			mr := multipart.NewReader(strings.NewReader(string(body)), params["boundary"])
			for p, err := mr.NextPart(); err == nil; p, err = mr.NextPart() {
				v, _ := io.ReadAll(p)
				parts = append(parts, p.FormName()+"="+string(v))
			}
			seen = r.RequestURI + " " + strings.Join(parts, "&")
		}
		for _, k := range []string{"X-Null", "X-Num", "X-Bool", "X-Obj", "X-Missing"} {
			if v, ok := r.Header[k]; ok {
				seen += " " + k + "=" + strings.Join(v, ",")
			}
		}
		mu.Lock()
		got[r.URL.Path] = seen
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	items := []string{
		`{"name":"headers","request":{"method":"GET","url":"` + srv.URL + `/h","header":[{"key":"X-Null","value":null},{"key":"X-Num","value":5},{"key":"X-Bool","value":false},{"key":"X-Obj","value":{"a":1}},{"key":"X-Missing"}]}}`,
		`{"name":"query","request":{"method":"GET","url":{"raw":"` + srv.URL + `/q","host":["` + strings.TrimPrefix(srv.URL, "http://") + `"],"protocol":"http","path":["q"],"query":[{"key":"n","value":null},{"key":"num","value":5},{"key":"b","value":true},{"key":"m"},{"key":null,"value":"v"},{"key":5,"value":"k"}]}}}`,
		`{"name":"urlencoded","request":{"method":"POST","url":"` + srv.URL + `/u","body":{"mode":"urlencoded","urlencoded":[{"key":"n","value":null},{"key":"num","value":5},{"key":"b","value":false},{"key":"m"},{"key":null,"value":"v"}]}}}`,
		`{"name":"formdata","request":{"method":"POST","url":"` + srv.URL + `/f","body":{"mode":"formdata","formdata":[{"key":"n","value":null,"type":"text"},{"key":"num","value":5,"type":"text"},{"key":"b","value":false},{"key":"m","type":"text"},{"key":"o","value":{"a":1}}]}}}`,
	}
	raws := []struct{ path, raw string }{{"num", "12.5"}, {"zero", "0"}, {"true", "true"}, {"emptyobj", "{}"}, {"emptyarr", "[]"}, {"obj", `{"a":1}`}, {"null", "null"}}
	for _, r := range raws {
		items = append(items, `{"name":"raw `+r.path+`","request":{"method":"POST","url":"`+srv.URL+`/r/`+r.path+`","body":{"mode":"raw","raw":`+r.raw+`}}}`)
	}
	src := `{"info":{"name":"values","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + strings.Join(items, ",") + `]}`
	c, err := collections.ParseCollection("values.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rn, err := runner.New(c, runner.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rn.Run(context.Background(), &assertionsRecorder{}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"/h":          "/h [] X-Null=null X-Num=5 X-Bool=false X-Obj=[object Object] X-Missing=",
		"/q":          "/q?n&num&b&m&=v&=k []",
		"/u":          "/u [n=&num=5&b=false&m=&null=v]",
		"/f":          `/f n=&num=5&b=&m=&o={"a":1}`,
		"/r/num":      "/r/num []",
		"/r/zero":     "/r/zero []",
		"/r/true":     "/r/true []",
		"/r/emptyobj": "/r/emptyobj []",
		"/r/emptyarr": "/r/emptyarr []",
		"/r/obj":      `/r/obj [{"a":1}]`,
		"/r/null":     "/r/null []",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sent (-Newman +colrun):\n%s", diff)
	}
}
