package runner

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// endless is a body that never ends, as /dev/zero served by a server
// would be.
type endless struct{}

func (endless) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// A body is read to its end or one byte past the limit, and the buffer
// never grows past that: an endless body used to double a buffer to
// 1 GB (over 2 GB of memory in all) before the 512 MB limit stopped it.
func TestReadCappedStopsOneBytePastTheLimit(t *testing.T) {
	t.Parallel()
	const limit = 3<<20 + 5
	tests := []struct {
		name     string
		r        io.Reader
		hint     int
		wantLen  int
		wantErr  error
		checkCap bool
	}{
		{"endless", endless{}, 0, limit + 1, nil, true},
		{"endless with a hint", endless{}, 1000, limit + 1, nil, true},
		{"short", strings.NewReader("hello"), 0, 5, nil, false},
		{"exactly the hint", strings.NewReader("hello"), 6, 5, nil, false},
		{"at the limit", bytes.NewReader(make([]byte, limit)), 0, limit, nil, true},
		{"a failing reader keeps what it read", io.MultiReader(strings.NewReader("ab"), iotestErr{}), 0, 2, errBroken, false},
	}
	for _, tt := range tests {
		got, err := readCapped(tt.r, limit, tt.hint)
		if len(got) != tt.wantLen || !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: %d bytes, %v; want %d, %v", tt.name, len(got), err, tt.wantLen, tt.wantErr)
		}
		if tt.checkCap && cap(got) > limit+1 {
			t.Errorf("%s: buffer of %d bytes for a limit of %d", tt.name, cap(got), limit)
		}
	}
}

var errBroken = errors.New("connection reset")

type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, errBroken }
