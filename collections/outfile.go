package collections

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// OutputFile says how a report or export aimed at a path is to be written.
// colrun writes its outputs to a temporary file and renames it into place,
// so that no reader sees half a file; but a rename replaces whatever the
// path names. Newman writes with fs.writeFile, which opens the path and so
// writes into a device (/dev/stdout, /dev/null), a named pipe or the file
// a symbolic link leads to; renaming over those would replace the device
// node or the link with a plain file (as root, /dev/null itself).
type OutputFile struct {
	// Path is the file to rename the finished output onto: the path
	// given, or the file its symbolic links lead to.
	Path string
	// Direct is set when the output must be written into Path itself:
	// Path is a device, a pipe or a socket, or a link to a file
	// descriptor (/dev/stdout leads through /proc/self/fd/1 to the
	// caller's stdout, which a rename would take away from it).
	Direct bool
}

// ResolveOutput finds where an output given as path goes. A path that
// does not exist yet is written as given.
func ResolveOutput(path string) OutputFile {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return OutputFile{Path: path, Direct: true}
	}
	// Follow the last element's links by hand rather than with
	// filepath.EvalSymlinks: a link to a file that does not exist yet is
	// fine (writeFile creates it), and the kernel's links to descriptors
	// must be recognised before they are followed.
	p := path
	for range 255 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return OutputFile{Path: p}
		}
		link, err := os.Readlink(p)
		if err != nil {
			return OutputFile{Path: p}
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		if strings.HasPrefix(link, "/proc/") || strings.HasPrefix(link, "/dev/fd/") {
			return OutputFile{Path: path, Direct: true}
		}
		p = link
	}
	return OutputFile{Path: path}
}

// WriteFrom writes what r holds into the output opened directly, as
// Newman's fs.writeFile does (truncating a file, waiting for a pipe's
// reader). Its error does not repeat the path, which callers name.
func (o OutputFile) WriteFrom(r io.Reader) error {
	f, err := os.OpenFile(o.Path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err == nil {
		_, err = io.Copy(f, r)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
