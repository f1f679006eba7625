package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// Reports and exports aimed at a symbolic link, a named pipe or a link to
// a descriptor (as /dev/stdout is) are written through them, as Newman's
// fs.writeFile writes them. Renaming a finished file into place replaced
// the link or the pipe with a plain file: the report never reached
// stdout, and as root --reporter-junit-export /dev/null replaced the
// machine's /dev/null. A named pipe stands in for a device here.
func TestOutputsWriteThroughLinksAndPipes(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	outputs := []struct {
		name  string
		flags []string
		want  string // text the output holds
	}{
		{"json report", []string{"-r", "json", "--reporter-json-export"}, `"collection": {`},
		{"junit report", []string{"-r", "junit", "--reporter-junit-export"}, `<testsuites name="c"`},
		{"exported environment", []string{"--export-environment"}, `"_postman_variable_scope": "environment"`},
	}
	// Each kind makes its destination in dir and returns the path to give
	// colrun and a function reading what arrived, called after the run.
	kinds := []struct {
		name string
		make func(t *testing.T, dir string) (string, func() string)
	}{
		{"symbolic link to a file", func(t *testing.T, dir string) (string, func() string) {
			real := writeFile(t, dir, "real.out", "old")
			link := filepath.Join(dir, "link.out")
			if err := os.Symlink("real.out", link); err != nil {
				t.Fatal(err)
			}
			return link, func() string { return readString(t, real) }
		}},
		{"named pipe", func(t *testing.T, dir string) (string, func() string) {
			fifo := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Fatal(err)
			}
			// Opened without waiting for a writer, it reads the end of
			// the file once the writer closes, or at once if none came.
			r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			return fifo, func() string { return readAll(t, r) }
		}},
		{"link to a descriptor, as /dev/stdout", func(t *testing.T, dir string) (string, func() string) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close(); w.Close() })
			link := filepath.Join(dir, "stdout")
			if err := os.Symlink("/proc/self/fd/"+strconv.Itoa(int(w.Fd())), link); err != nil {
				t.Fatal(err)
			}
			return link, func() string { w.Close(); return readAll(t, r) }
		}},
	}
	for _, out := range outputs {
		for _, kind := range kinds {
			t.Run(out.name+" into a "+kind.name, func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[{"name":"r","request":"%s/x"}]}`, srv.URL))
				dest, arrived := kind.make(t, dir)
				before, err := os.Lstat(dest)
				if err != nil {
					t.Fatal(err)
				}
				res := colrun(t, nil, append(append([]string{"run", coll, "--silent"}, out.flags...), dest)...)
				if res.code != exitOK {
					t.Errorf("exit %d, want %d; stderr %s", res.code, exitOK, res.stderr)
				}
				if got := arrived(); !strings.Contains(got, out.want) {
					t.Errorf("%s got %q, want the output (holding %q)", kind.name, got, out.want)
				}
				after, err := os.Lstat(dest)
				if err != nil {
					t.Fatal(err)
				}
				if after.Mode().Type() != before.Mode().Type() {
					t.Errorf("%s is now %v, want it left a %v", dest, after.Mode().Type(), before.Mode().Type())
				}
			})
		}
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
