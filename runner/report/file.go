package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/colrun/colrun/collections"
)

// DefaultDir is where a file reporter writes when it has no export path.
// It is Newman's, as are the default file names, so CI jobs that collect
// newman/*.xml keep working after the switch (and a colrun binary built
// in the working directory cannot collide with it).
const DefaultDir = "newman"

// fileSink writes a report through a temporary file in the destination
// directory and renames it into place when the report is complete, so a
// reader never sees half a report and a crash leaves at most a hidden
// temporary file, never a truncated report under the real name.
type fileSink struct {
	path string // final path; "" until known when the default name is used
	def  string // default base name without the timestamp, e.g. "newman-run-report"
	ext  string
	dir  string
	// out is where the finished report goes, set with path: the file
	// path's links lead to, or path itself written into directly.
	out collections.OutputFile
	tmp *os.File
	*bufio.Writer
	done bool
}

// openSink prepares a report file for path (the --reporter-<name>-export
// value). An empty path, or one naming an existing directory, gets Newman's
// default name with the run's start time, chosen at commit. The directory
// is created now and the temporary file opened, so an unwritable
// destination is an error before the run starts.
func openSink(path, def, ext string) (*fileSink, error) {
	s := &fileSink{def: def, ext: ext}
	switch fi, err := os.Stat(path); {
	case path == "":
		s.dir = DefaultDir
	case err == nil && fi.IsDir():
		s.dir = path
	default:
		s.path, s.out = path, collections.ResolveOutput(path)
		s.dir = filepath.Dir(s.out.Path)
		if s.out.Direct {
			// A device or pipe (/dev/stdout) gets the report at the end,
			// as Newman's does; until then it grows where temporary
			// files go, since /dev is no place for one.
			s.dir = os.TempDir()
		}
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return nil, fmt.Errorf("report directory: %w", err)
	}
	tmp, err := os.CreateTemp(s.dir, ".colrun-report-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("report file: %w", err)
	}
	s.tmp, s.Writer = tmp, bufio.NewWriterSize(tmp, 64<<10)
	return s, nil
}

var nonDigits = regexp.MustCompile(`[^\d]+`)

// NewmanFileName is the name Newman gives a file it names itself: base,
// the time as its ISO string with every run of non-digits turned into "-",
// then "0" and ext (newman-run-report-2026-11-26-20-29-01-504-0.json).
// CI jobs written for Newman look for these names.
func NewmanFileName(base string, t time.Time, ext string) string {
	return base + "-" + nonDigits.ReplaceAllString(isoMillis(t), "-") + "0" + ext
}

// commit finishes the file and moves it into place. started names the
// default file as Newman names it: newman-run-report-2026-11-26-20-29-01-504-0.json.
func (s *fileSink) commit(started time.Time) error {
	if s.done {
		return nil
	}
	s.done = true
	if s.path == "" {
		if started.IsZero() {
			started = time.Now()
		}
		s.path = filepath.Join(s.dir, NewmanFileName(s.def, started, s.ext))
		s.out.Path = s.path
	}
	err := s.Flush()
	if err == nil && s.out.Direct {
		if _, err = s.tmp.Seek(0, io.SeekStart); err == nil {
			err = s.out.WriteFrom(s.tmp)
		}
		s.tmp.Close()
		_ = os.Remove(s.tmp.Name())
		if err != nil {
			return fmt.Errorf("writing %s: %w", s.path, err)
		}
		return nil
	}
	if err == nil {
		err = s.tmp.Sync()
	}
	if cerr := s.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// CreateTemp makes the file private; a report is read by CI
		// uploaders and colleagues as Newman's is, so give it the usual
		// mode.
		err = os.Chmod(s.tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(s.tmp.Name(), s.out.Path)
	}
	if err != nil {
		_ = os.Remove(s.tmp.Name())
		return fmt.Errorf("writing %s: %w", s.path, err)
	}
	return nil
}

// abort drops the temporary file.
func (s *fileSink) abort() {
	if s.done {
		return
	}
	s.done = true
	_ = s.tmp.Close()
	_ = os.Remove(s.tmp.Name())
}

// Path is where the report is (or will be) written; "" while a default
// name awaits the run's start time.
func (s *fileSink) Path() string { return s.path }
