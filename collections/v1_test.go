package collections_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner"
	"github.com/colrun/colrun/runner/event"
)

// echoed is one request as the echo server saw it.
type echoed struct {
	Method, URI, Auth, ContentType, Body string
}

// newEchoServer answers every request with its method, URI, headers and
// body as JSON (what the v1 test collection's scripts check), and records
// what it received.
func newEchoServer(t *testing.T) (*httptest.Server, func() []echoed) {
	t.Helper()
	var mu sync.Mutex
	var got []echoed
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, echoed{r.Method, r.RequestURI, r.Header.Get("Authorization"), r.Header.Get("Content-Type"), string(body)})
		mu.Unlock()
		headers := map[string]string{}
		for k := range r.Header {
			headers[strings.ToLower(k)] = r.Header.Get(k)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"method": r.Method, "uri": r.RequestURI, "headers": headers, "body": string(body)})
	}))
	t.Cleanup(srv.Close)
	return srv, func() []echoed {
		mu.Lock()
		defer mu.Unlock()
		return append([]echoed(nil), got...)
	}
}

// loadV1 reads a v1 test collection with {{base}} pointing at base.
func loadV1(t *testing.T, name, base string) *collections.Collection {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "v1", name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := collections.ParseCollection(name, []byte(strings.ReplaceAll(string(data), "{{base}}", base)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type assertionsRecorder struct {
	mu  sync.Mutex
	got []string
}

func (a *assertionsRecorder) Handle(ev event.Event) error {
	if ev.Assertion == nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	r := "pass"
	if !ev.Assertion.Passed() {
		r = "FAIL"
	}
	path := strings.Join(append(append([]string(nil), ev.Assertion.Item.Folders...), ev.Assertion.Item.Name), " / ")
	a.got = append(a.got, path+": "+ev.Assertion.Name+": "+r)
	return nil
}

// runAssertions runs c and lists its assertions as "folder / item: name:
// pass|FAIL".
func runAssertions(t *testing.T, c *collections.Collection) []string {
	t.Helper()
	r, err := runner.New(c, runner.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := &assertionsRecorder{}
	if _, err := r.Run(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	return rec.got
}

// TestV1CollectionRunsAsNewmanRunsIt runs a Collection v1 file and checks
// the requests sent and the assertion results against Newman 6.2.2's run
// of the same file (recorded below): folders first in folders_order with
// subfolders before their requests, then the top-level order; headers
// from the "headers" string ("//" disables one); path variables;
// queryParams replacing the URL's query; helper auth on a request and on
// a folder; tests and preRequestScript; collection events and variables.
func TestV1CollectionRunsAsNewmanRunsIt(t *testing.T) {
	t.Parallel()
	srv, received := newEchoServer(t)
	got := runAssertions(t, loadV1(t, "features.json", srv.URL))
	wantAssertions := []string{
		"Outer / Inner / Inherits folder bearer auth: collection test runs: pass",
		"Outer / Inner / Inherits folder bearer auth: bearer from folder: pass",
		"Outer / Inner / Inherits folder bearer auth: this one fails: FAIL",
		"Outer / Urlencoded with query params: collection test runs: pass",
		"Outer / Urlencoded with query params: query from queryParams: pass",
		"Outer / Urlencoded with query params: urlencoded body: pass",
		"Raw with path variable: collection test runs: pass",
		"Raw with path variable: path variable: pass",
		"Raw with path variable: raw body: pass",
		"Raw with path variable: basic auth: pass",
		"Raw with path variable: disabled header not sent: pass",
		"Raw with path variable: pre-request ran: pass",
	}
	if diff := cmp.Diff(wantAssertions, got); diff != "" {
		t.Errorf("assertions (-Newman +colrun):\n%s", diff)
	}
	wantSent := []echoed{
		{Method: "GET", URI: "/bearer", Auth: "Bearer folder-token"},
		{Method: "PUT", URI: "/form?q=1&flag", ContentType: "application/x-www-form-urlencoded", Body: "a=1&c=hello"},
		{Method: "POST", URI: "/items/42?fixed=1", Auth: "Basic dXNlcjpwYXNz", ContentType: "text/plain", Body: "say hello"},
	}
	if diff := cmp.Diff(wantSent, received()); diff != "" {
		t.Errorf("requests sent (-Newman +colrun):\n%s", diff)
	}
}

// TestV1ConversionMatchesTransformer checks that each v1 file reads as
// the same collection as postman-collection-transformer's v2.1
// conversion of it (the .v21.json beside it, written by the transformer
// Newman 6.2.2 ships): headers from "headers" and "headerData", body
// modes (also inferred from data, rawModeData and dataOptions), file and
// disabled form parameters, queryParams with "equals", path variables,
// helper auth given as an object, as JSON text and as bad JSON text,
// v2-style auth and events passed through, a collection's noauth
// dropped, and variables at every level.
func TestV1ConversionMatchesTransformer(t *testing.T) {
	t.Parallel()
	opts := cmp.Options{
		cmpopts.IgnoreUnexported(collections.Collection{}, collections.Item{}),
		cmpopts.IgnoreFields(collections.Collection{}, "Source", "ConvertedFromV1"),
		cmpopts.IgnoreFields(collections.URL{}, "Raw"),
		cmpopts.EquateEmpty(),
	}
	for _, name := range []string{"sample", "edge"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := collections.LoadCollection(filepath.Join("testdata", "v1", name+".v1.json"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := collections.LoadCollection(filepath.Join("testdata", "v1", name+".v21.json"))
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Items) == 0 {
				t.Fatal("no items")
			}
			if diff := cmp.Diff(want, got, opts); diff != "" {
				t.Errorf("collection (-transformer +colrun):\n%s", diff)
			}
		})
	}
}

// TestV1BadShapesNameTheRequest checks that a v1 field of the wrong type
// is a one-line input error naming the request (or folder) and the field.
func TestV1BadShapesNameTheRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc, want string
	}{
		{"requests not a list", `{"name":"x","requests":{}}`, "collection > requests: expected a list of requests"},
		{"a request that is not an object", `{"name":"x","order":["a"],"requests":[1]}`, "collection > requests[0]: expected a request object"},
		{"order not a list", `{"name":"x","order":"a","requests":[]}`, "collection > order: expected a list of ids"},
		{"headers of the wrong type", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":"http://h","headers":5}]}`, `request "R" (id a) > headers: expected "Key: value" lines`},
		{"url as an object", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":{}}]}`, `request "R" (id a) > url: expected a string`},
		{"method not a string", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":"http://h","method":1}]}`, `request "R" (id a) > method: expected a string`},
		{"tests not a script", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":"http://h","tests":{"a":1}}]}`, `request "R" (id a) > tests: expected a script`},
		{"pathVariables as a list", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":"http://h","pathVariables":[1]}]}`, `request "R" (id a) > pathVariables: expected an object`},
		{"queryParams not a list", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":"http://h","queryParams":"q=1"}]}`, `request "R" (id a) > queryParams: expected a list`},
		{"form parameter not an object", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":"http://h","dataMode":"params","data":["k"]}]}`, `request "R" (id a) > data[0]: expected a parameter object`},
		{"helperAttributes a number", `{"name":"x","order":["a"],"requests":[{"id":"a","name":"R","url":"http://h","currentHelper":"basicAuth","helperAttributes":3}]}`, `request "R" (id a) > helperAttributes: expected an object`},
		{"folder order not a list", `{"name":"x","folders":[{"id":"f","name":"F","order":"a"}],"requests":[]}`, `folder "F" > order: expected a list of ids`},
		// Each folder lists the next twice: 2^21 copies of the last one,
		// which Newman never finishes converting.
		{"folders listed over and over", doublingV1Folders(22), `collection > folders: converting this v1 collection would make more than 100000 folders and requests (folder "F1" is listed 2 times in folders_order lists)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := collections.ParseCollection("v1.json", []byte(tc.doc))
			if err == nil || !strings.HasPrefix(err.Error(), "v1.json: "+tc.want) {
				t.Fatalf("err = %v, want %q", err, "v1.json: "+tc.want)
			}
			var ie *collections.InputError
			if !errors.As(err, &ie) {
				t.Errorf("err is %T, want *InputError", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

// FuzzParseV1Collection feeds v1-shaped documents to the loader: whatever
// the shapes, it returns a collection or an error, and never panics.
func FuzzParseV1Collection(f *testing.F) {
	for _, name := range []string{"features.json", "sample.v1.json", "edge.v1.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "v1", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"order":["a","a"],"folders_order":["f","f"],"folders":[{"id":"f","folders_order":["f"]},null],"requests":[{"id":"a","headers":"//: x\r\n y"}]}`))
	f.Add([]byte(`{"requests":[{"id":"a","dataMode":null,"data":"x","rawModeData":["y"],"dataOptions":{"graphql":{}}}],"order":["a"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := collections.ParseCollection("fuzz.json", data)
		if err == nil && c == nil {
			t.Fatal("no collection and no error")
		}
	})
}

// doublingV1Folders is a v1 collection of n folders in which each folder
// lists the next one twice.
func doublingV1Folders(n int) string {
	var b strings.Builder
	b.WriteString(`{"name":"x","folders_order":["f0"],"folders":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"f%d","name":"F%d","order":[],"folders_order":[`, i, i)
		if i < n-1 {
			fmt.Fprintf(&b, `"f%d","f%d"`, i+1, i+1)
		}
		b.WriteString(`]}`)
	}
	b.WriteString(`],"order":[],"requests":[]}`)
	return b.String()
}
