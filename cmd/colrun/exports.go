package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/report"
)

// exportTarget is where --export-environment, --export-globals or a
// report's --reporter-<name>-export writes.
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
// long run would lose what the user asked to keep. It returns the
// directories it created, deepest first, so that a command refused
// before its run can take them away again (removeCreatedDirs).
func (t exportTarget) checkWritable() ([]string, error) {
	if t.path == "" {
		return nil, nil
	}
	dir := t.path
	if fi, err := os.Stat(t.path); err != nil || !fi.IsDir() {
		out := collections.ResolveOutput(t.path)
		if out.Direct {
			// A device or pipe (/dev/stdout) is written into, not
			// replaced, and its directory need not take new files.
			return nil, nil
		}
		dir = filepath.Dir(out.Path)
	}
	created := missingDirs(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return created, fmt.Errorf("--%s %s: cannot create its directory: %v", t.flag, t.path, pathErrText(err))
	}
	probe, err := os.CreateTemp(dir, ".colrun-export-check-*")
	if err != nil {
		return created, fmt.Errorf("--%s %s: cannot write there: %v", t.flag, t.path, pathErrText(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return created, nil
}

// missingDirs lists dir and those of its parents that do not exist,
// deepest first: the directories os.MkdirAll(dir) is about to create.
func missingDirs(dir string) []string {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || !os.IsNotExist(err) {
			return missing
		}
		missing = append(missing, d)
		if parent := filepath.Dir(d); parent == d {
			return missing
		}
	}
}

// removeCreatedDirs removes the directories checkWritable created, when
// the command is refused before its run: a mistake in the command line
// should not leave empty report directories behind. os.Remove takes only
// empty directories, so nothing another process put there is lost.
func removeCreatedDirs(dirs []string) {
	for _, d := range dirs {
		os.Remove(d)
	}
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

// outputTargets are the files written when the run ends: the json and
// junit reports that are on and given a path, then the exports.
func (f *runFlags) outputTargets() []exportTarget {
	var outs []exportTarget
	for _, r := range [...]struct{ reporter, flag, path string }{
		{"json", "reporter-json-export", f.jsonExport},
		{"junit", "reporter-junit-export", f.junitExport},
	} {
		if r.path != "" && slices.Contains(f.reporters, r.reporter) {
			flag := r.flag
			if f.commonExport {
				flag = "reporter-export (the " + r.reporter + " report)"
			}
			outs = append(outs, exportTarget{flag: flag, path: r.path})
		}
	}
	exports := f.exportTargets()
	for _, t := range append(exports[:], f.newman.exportCookieJarTarget()) {
		if t.path != "" {
			outs = append(outs, t)
		}
	}
	return outs
}

// checkDistinctOutputs refuses two reports or exports aimed at one file:
// the one written last would replace the other, and what the user asked
// to keep would be lost after the run (Newman overwrites silently). It
// refuses one aimed at an input file too, which it would overwrite, but
// for exporting the environment over the -e file, the globals over -g and
// the collection over itself (as Newman does), the ways to keep state
// between runs.
// A directory is no clash: each output gets its own name in it.
func (f *runFlags) checkDistinctOutputs(collection string) error {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return filepath.Clean(p)
	}
	// inputs maps each input file to what it is and the export flag that
	// may replace it.
	type input struct{ what, mayExport string }
	inputs := map[string]input{abs(collection): {"the collection", "export-collection"}}
	for _, in := range [...]struct {
		path string
		input
	}{
		{f.data, input{"the -d/--iteration-data file", ""}},
		{f.environment, input{"the -e/--environment file", "export-environment"}},
		{f.globals, input{"the -g/--globals file", "export-globals"}},
	} {
		if _, taken := inputs[abs(in.path)]; in.path != "" && !taken {
			inputs[abs(in.path)] = in.input
		}
	}
	seen := map[string]string{}
	for _, o := range f.outputTargets() {
		if fi, err := os.Stat(o.path); err == nil && fi.IsDir() || os.IsPathSeparator(o.path[len(o.path)-1]) {
			// A directory, or one to be made ("out/"): each output gets
			// a name of its own in it.
			continue
		}
		if collections.ResolveOutput(o.path).Direct {
			// Outputs into one device (/dev/null, /dev/stdout) follow
			// one another without replacing anything.
			continue
		}
		a := abs(o.path)
		if other, ok := seen[a]; ok {
			return fmt.Errorf("--%s %s: --%s writes that file too, and the one written last would replace the other; give each its own path", o.flag, o.path, other)
		}
		seen[a] = o.flag
		if in, ok := inputs[a]; ok && in.mayExport != o.flag {
			return fmt.Errorf("--%s %s: that is %s, which the run's output would replace; give it its own path", o.flag, o.path, in.what)
		}
	}
	return nil
}
