//go:build unix

package collections

import (
	"errors"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Data from a pipe (-d /dev/stdin, -d <(command)) can be read only once,
// and colrun reads the rows twice (counted before the run, then run): it
// used to count the rows the pipe still held after its first look and run
// with none, as if the file were empty. Newman reads them all.
func TestDataFromAPipe(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"csv", "a,b\n1,2\n3,4\n", []string{"1", "3"}},
		{"json", `[{"a":"x"},{"a":"y"},{"a":"z"}]`, []string{"x", "y", "z"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			io.WriteString(w, tc.text)
			w.Close()
			// What a shell passes for <(command) or /dev/stdin.
			path := fmt.Sprintf("/dev/fd/%d", r.Fd())
			if _, err := os.Stat(path); err != nil {
				t.Skipf("no /dev/fd here: %v", err)
			}
			d, err := OpenData(path)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			n, err := d.Count()
			if err != nil || n != len(tc.want) {
				t.Errorf("Count() = %d, %v; want %d", n, err, len(tc.want))
			}
			var got []string
			for {
				row, err := d.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, fmt.Sprint(row[0].Value))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}
