package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

func TestNames(t *testing.T) {
	t.Parallel()
	if diff := cmp.Diff([]string{"cli", "emojitrain", "json", "junit", "progress"}, Names()); diff != "" {
		t.Error(diff)
	}
	if got := ExportFlag("junit"); got != "reporter-junit-export" {
		t.Errorf("ExportFlag = %q", got)
	}
}

func TestNewUnknown(t *testing.T) {
	t.Parallel()
	_, err := New("html", nil, Options{})
	if !errors.Is(err, ErrUnknownReporter) || !strings.Contains(err.Error(), `"html"`) || !strings.Contains(err.Error(), "cli, emojitrain, json, junit, progress") {
		t.Errorf("error = %v", err)
	}
	dir := t.TempDir()
	_, err = Open([]string{"json", "nope"}, Options{Export: map[string]string{"json": filepath.Join(dir, "r.json")}})
	if !errors.Is(err, ErrUnknownReporter) {
		t.Errorf("Open error = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed Open left %d files behind", len(entries))
	}
}

// TestSet runs all three reporters through a Set, as the CLI does: the
// shared Summary gives the same output as reporters with their own.
func TestSet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out bytes.Buffer
	set, err := Open([]string{"cli", "json", "junit", "cli"}, Options{
		Stdout: &out,
		Export: map[string]string{"json": filepath.Join(dir, "r.json"), "junit": filepath.Join(dir, "r.xml")},
	})
	if err != nil {
		t.Fatal(err)
	}
	replayEvents(t, set, sampleStream())
	if !set.Summary().Failed() || len(set.Summary().Failures) != 11 {
		t.Errorf("summary: Failed()=%v with %d failures", set.Summary().Failed(), len(set.Summary().Failures))
	}
	for file, suffix := range map[string]string{"": "cli", "r.json": "json", "r.xml": "junit.xml"} {
		got := out.Bytes()
		if file != "" {
			if got, err = os.ReadFile(filepath.Join(dir, file)); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(string(render(t, "sample", suffix)), string(got)); diff != "" {
			t.Errorf("%s through a Set differs from a lone reporter:\n%s", suffix, diff)
		}
	}
}

func TestSetSilent(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	set, err := Open([]string{"cli"}, Options{Stdout: &out, Silent: true})
	if err != nil {
		t.Fatal(err)
	}
	replayEvents(t, set, passingStream())
	if out.Len() != 0 || set.Summary().Stats.Requests.Total != 3 {
		t.Errorf("silent run wrote %d bytes, summary counted %d requests", out.Len(), set.Summary().Stats.Requests.Total)
	}
}

// TestSetConcurrent: workers may emit events from several goroutines; the
// Set serialises them (run with -race).
func TestSetConcurrent(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	set, err := Open([]string{"cli", "json"}, Options{Stdout: &out, Export: map[string]string{"json": filepath.Join(t.TempDir(), "r.json")}})
	if err != nil {
		t.Fatal(err)
	}
	evs := sampleStream()
	_ = set.Handle(evs[0])
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, e := range evs[1 : len(evs)-1] {
				_ = set.Handle(e)
			}
		}()
	}
	wg.Wait()
	_ = set.Handle(evs[len(evs)-1])
	if err := set.Close(); err != nil {
		t.Fatal(err)
	}
	if got := set.Summary().Stats.Requests.Total; got != 4*18 {
		t.Errorf("requests = %d, want %d", got, 4*18)
	}
}

// errWriter fails every write.
type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestSetReportsWriteErrors: a reporter's write error comes back from
// Handle named after the reporter, once; the others go on.
func TestSetReportsWriteErrors(t *testing.T) {
	t.Parallel()
	set, err := Open([]string{"cli"}, Options{Stdout: errWriter{}})
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	for _, e := range passingStream() {
		if err := set.Handle(e); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) != 1 || errs[0].Error() != "cli reporter: disk full" {
		t.Errorf("errors = %v", errs)
	}
	if set.Close() == nil {
		t.Error("Close forgot the write error")
	}
	var _ event.Handler = set
}
