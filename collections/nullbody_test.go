package collections_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// TestNullBodyIsAnEmptyBody checks what scripts see of a request whose
// body is null (collections written by scripts have it), absent or {},
// against Newman 6.2.2's run of the same collection: null reads as {},
// an empty RequestBody, so pm.request.body.raw is undefined rather than
// a TypeError.
func TestNullBodyIsAnEmptyBody(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(srv.Close)
	script := `["pm.test('type ' + typeof pm.request.body, function(){});",` +
		`"pm.test('json ' + JSON.stringify(pm.request.body), function(){});",` +
		`"pm.test('raw ' + pm.request.body.raw, function(){});"]`
	item := func(name, body string) string {
		return `{"name":"` + name + `","request":{"method":"POST",` + body + `"url":"` + srv.URL + `/x"},` +
			`"event":[{"listen":"test","script":{"exec":` + script + `}}]}`
	}
	src := `{"info":{"name":"null body","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` +
		item("null", `"body":null,`) + "," + item("empty", `"body":{},`) + "," + item("absent", "") + `]}`
	c, err := collections.ParseCollection("null-body.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := runAssertions(t, c)
	want := []string{
		"null: type object: pass",
		"null: json {}: pass",
		"null: raw undefined: pass",
		"empty: type object: pass",
		"empty: json {}: pass",
		"empty: raw undefined: pass",
		"absent: type undefined: pass",
		"absent: json undefined: pass",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("assertions (-Newman +colrun):\n%s", diff)
	}
}
