package main

import (
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
)

// TestNoInsecureFileRead checks --no-insecure-file-read against what
// Newman 6.2.2 did with the same collection: a file body or form-data
// file outside --working-dir is not read, the request goes out without
// it, and the cli output warns with Newman's PPERM error; files inside
// are sent. Without the flag every file is read.
func TestNoInsecureFileRead(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	got := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		body := string(b)
		if strings.Contains(r.Header.Get("Content-Type"), "boundary=") {
			// Only which parts went out matters, not the random boundary.
			body = fmt.Sprint(strings.Count(body, `name="f"`), " file part(s), ", strings.Count(body, `name="t"`), " text part(s)")
		}
		mu.Lock()
		got[r.URL.Path] = body
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)

	root := t.TempDir()
	wd := filepath.Join(root, "wd")
	if err := os.Mkdir(wd, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, wd, "in.txt", "inside")
	out := writeFile(t, root, "out.txt", "outside")
	item := func(name, body string) string {
		return fmt.Sprintf(`{"name":%q,"request":{"method":"POST","url":"%s/%s","body":%s}}`, name, srv.URL, name, body)
	}
	coll := writeFile(t, root, "c.json", `{"info":{"name":"files"},"item":[`+strings.Join([]string{
		item("file-out", `{"mode":"file","file":{"src":"../out.txt"}}`),
		item("file-in", `{"mode":"file","file":{"src":"in.txt"}}`),
		item("form-out", fmt.Sprintf(`{"mode":"formdata","formdata":[{"key":"f","type":"file","src":%q},{"key":"t","value":"v"}]}`, out)),
		item("file-abs-in", fmt.Sprintf(`{"mode":"file","file":{"src":%q}}`, filepath.Join(wd, "in.txt"))),
	}, ",")+`]}`)

	// Newman 6.2.2 with --working-dir <wd> --no-insecure-file-read sent
	// these bodies, and warned in its console boxes with
	//   Binary file load error: PPERM: insecure file access outside working directory
	//   Form param `f`, file load error: PPERM: insecure file access outside working directory
	// colrun words its warnings as it does for any unreadable file, with
	// Newman's PPERM error in them.
	restricted := map[string]string{
		"/file-out":    "",
		"/file-in":     "inside",
		"/form-out":    "0 file part(s), 1 text part(s)",
		"/file-abs-in": "inside",
	}
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	relWD, err := filepath.Rel(cwd, wd)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		want     map[string]string
		warnings []string
	}{
		{"restricted", []string{"--working-dir", wd, "--no-insecure-file-read"}, restricted, []string{
			`⚠ Binary file load error: "../out.txt", PPERM: insecure file access outside working directory`,
			`⚠ form-data field "f": cannot read file ` + out + ` (PPERM: insecure file access outside working directory); the field was left out`,
		}},
		// Newman compares a relative --working-dir, unresolved, with the
		// absolute path of each file, and so refused all four; colrun
		// resolves it from the current directory.
		{"relative working dir", []string{"--working-dir", relWD, "--no-insecure-file-read"}, restricted, []string{
			`⚠ Binary file load error: "../out.txt", PPERM: insecure file access outside working directory`,
			`⚠ form-data field "f": cannot read file ` + out + ` (PPERM: insecure file access outside working directory); the field was left out`,
		}},
		{"unrestricted", []string{"--working-dir", wd}, map[string]string{
			"/file-out":    "outside",
			"/file-in":     "inside",
			"/form-out":    "1 file part(s), 1 text part(s)",
			"/file-abs-in": "inside",
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Not parallel: both runs report to one server map.
			mu.Lock()
			clear(got)
			mu.Unlock()
			res := colrun(t, nil, append([]string{"run", coll, "--color", "off", "--reporter-cli-no-summary"}, tc.args...)...)
			if res.code != exitOK {
				t.Fatalf("exit %d; stderr %s", res.code, res.stderr)
			}
			mu.Lock()
			defer mu.Unlock()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("bodies received (-want +got):\n%s", diff)
			}
			var warnings []string
			for _, l := range strings.Split(res.stdout, "\n") {
				if l = strings.TrimSpace(l); strings.HasPrefix(l, "⚠") {
					warnings = append(warnings, l)
				}
			}
			if diff := cmp.Diff(tc.warnings, warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}
