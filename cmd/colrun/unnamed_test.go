package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestUnnamedItemsInTheCLI checks how items without a name show, as
// Newman 6.2.2 shows them: an empty name on the item's "→" (or "↳")
// line, and the item's id on the failure list's "inside" line (Newman's
// getFullName).
func TestUnnamedItemsInTheCLI(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(srv.Close)
	coll := writeFile(t, t.TempDir(), "c.json", `{"info":{"name":"u"},"item":[
		{"id":"abc-id","request":"`+srv.URL+`/x","event":[{"listen":"test","script":{"exec":["pm.test('t', () => pm.expect(1).to.equal(2))"]}}]},
		{"name":"folder","item":[{"id":"in-folder","request":"`+srv.URL+`/y","event":[{"listen":"test","script":{"exec":["pm.test('u', () => pm.expect(1).to.equal(2))"]}}]}]}]}`)
	res := colrun(t, nil, "run", coll, "--color", "off")
	// Lines of Newman 6.2.2's output for the same collection.
	for _, want := range []string{"\n→ \n  GET " + srv.URL + "/x", "\n↳ \n  GET " + srv.URL + "/y", `inside "abc-id"`, `inside "folder / in-folder"`} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("no %q in the output:\n%s", want, res.stdout)
		}
	}
}
