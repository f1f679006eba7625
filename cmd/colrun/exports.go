package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/colrun/colrun/runner/report"
)

// exportTarget is where --export-environment or --export-globals writes.
type exportTarget struct {
	flag string // the flag's name, for messages
	path string // as given
	// item names Newman's generated file, newman-<item>-<time>-0.json,
	// used when path is an existing directory.
	item string
}

// checkWritable makes sure, before the run, that the export can be
// written: its directory is created (Newman creates it too, at the end)
// and a file can be made in it. Finding an unwritable path only after a
// long run would lose what the user asked to keep.
func (t exportTarget) checkWritable() error {
	if t.path == "" {
		return nil
	}
	dir := t.path
	if fi, err := os.Stat(t.path); err != nil || !fi.IsDir() {
		dir = filepath.Dir(t.path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--%s %s: cannot create its directory: %v", t.flag, t.path, pathErrText(err))
	}
	probe, err := os.CreateTemp(dir, ".colrun-export-check-*")
	if err != nil {
		return fmt.Errorf("--%s %s: cannot write there: %v", t.flag, t.path, pathErrText(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// resolve is the file to write now. An existing directory gets a file
// named as Newman names it inside (newman-environment-2026-11-27-01-20-00-123-0.json),
// so scripts written for Newman find it.
func (t exportTarget) resolve(now time.Time) string {
	if fi, err := os.Stat(t.path); err == nil && fi.IsDir() {
		return filepath.Join(t.path, report.NewmanFileName("newman-"+t.item, now, ".json"))
	}
	return t.path
}

// pathErrText drops the path an *os.PathError repeats, since the message
// names it already.
func pathErrText(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
