//go:build unix

package collections

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// An input that never ends (-e /dev/urandom, a collection piped from a
// command that does not stop) or that is larger than Newman can read is
// refused with one line naming it, instead of filling memory until Go's
// fatal "out of memory" ended colrun with a goroutine dump.
func TestInputsStopAtTheirLimit(t *testing.T) {
	t.Parallel()
	// A sparse file one byte past the limit: its size is known without
	// reading it.
	big := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxSpooled + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name, path string
		limit      int64
	}{
		{"endless device", "/dev/zero", 4096},
		{"file past the limit", big, maxSpooled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if data, err := readAtMost(tc.path, tc.limit); !errors.Is(err, errTooLong) {
				t.Errorf("readAtMost(%s) = %d bytes, %v; want errTooLong", tc.path, len(data), err)
			}
		})
	}
	_, err = ReadInput(big, "environment")
	if want := big + ": cannot read environment file: it holds more than 512 MiB, more than Newman can read"; err == nil || err.Error() != want {
		t.Errorf("ReadInput = %v, want %q", err, want)
	}
}
