package runner

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// errOutsideWorkingDir is Newman's error, word for word, for a body file
// outside the working directory under --no-insecure-file-read.
var errOutsideWorkingDir = errors.New("PPERM: insecure file access outside working directory")

// readBodyFile reads a file a request body sends (file mode or a form-data
// file), already resolved against the working directory. Under
// NoInsecureFileRead a file outside that directory is refused, as Newman's
// SecureFS refuses it: by the path's text, so a symbolic link inside the
// directory may still lead out of it.
func (r *Runner) readBodyFile(path string) ([]byte, error) {
	if r.opts.NoInsecureFileRead && !insideDir(path, r.opts.WorkingDir) {
		return nil, errOutsideWorkingDir
	}
	return os.ReadFile(path)
}

// insideDir reports whether path is dir or below it; dir "" is the
// current directory. A relative dir is taken from the current directory
// (Newman compares it unresolved with an absolute path, and so refuses
// every file when --working-dir is relative).
func insideDir(path, dir string) bool {
	if dir == "" {
		dir = "."
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	absPath, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(absDir, absPath)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
