package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRaggedCSVRunsAsNewman runs a CSV data file whose rows have fewer or
// more fields than its header, local and fetched by URL. Newman 6.2.2 runs
// it (a short row leaves its missing columns unset, a long one loses its
// extra fields) and so must colrun, which refused it (exit 2); it warns
// once per row on stderr, naming the file or URL and the line.
func TestRaggedCSVRunsAsNewman(t *testing.T) {
	t.Parallel()
	const csv = "a,b\n1,2\n3\n4,5,6\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/d.csv" {
			fmt.Fprint(w, csv)
			return
		}
		fmt.Fprint(w, "{}")
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"ragged"},"item":[{"name":"r","request":"`+srv.URL+`/ok?a={{a}}&b={{b}}"}]}`)
	local := writeFile(t, dir, "d.csv", csv)
	for _, tc := range []struct{ name, data, named string }{
		{"local file", local, local},
		{"URL", srv.URL + "/d.csv", srv.URL + "/d.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, "run", "--color", "off", coll, "-d", tc.data)
			if res.code != exitOK {
				t.Fatalf("exit %d, want 0; stderr %s", res.code, res.stderr)
			}
			var sent []string
			for _, line := range strings.Split(res.stdout, "\n") {
				if i := strings.Index(line, "/ok?"); i >= 0 {
					sent = append(sent, strings.Fields(line[i:])[0])
				}
			}
			wantSent := []string{"/ok?a=1&b=2", "/ok?a=3&b={{b}}", "/ok?a=4&b=5"}
			if diff := cmp.Diff(wantSent, sent); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			wantErr := "colrun: warning: " + tc.named + ":3: CSV row has 1 field where the header has 2; the missing columns are left unset, as in Newman\n" +
				"colrun: warning: " + tc.named + ":4: CSV row has 3 fields where the header has 2; the extra fields are dropped, as in Newman\n"
			if res.stderr != wantErr {
				t.Errorf("stderr:\n%s\nwant:\n%s", res.stderr, wantErr)
			}
		})
	}
}
