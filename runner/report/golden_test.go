package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/runner/event"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the recorded streams")

var streams = []string{"sample", "passing", "verbose", "run-error", "bail", "cli-forms", "send-request"}

// variants are the golden outputs made from each stream.
var variants = []struct {
	suffix string
	only   []string // streams this variant is made for; nil means all
	build  func(w *bytes.Buffer) Reporter
}{
	{suffix: "cli", build: func(w *bytes.Buffer) Reporter { return NewCLI(w, nil, CLIOptions{}) }},
	{suffix: "cli-verbose", only: []string{"sample", "verbose", "passing", "cli-forms"}, build: func(w *bytes.Buffer) Reporter {
		return NewCLI(w, nil, CLIOptions{Verbose: true})
	}},
	{suffix: "cli-ascii", only: []string{"sample", "cli-forms"}, build: func(w *bytes.Buffer) Reporter {
		return NewCLI(w, nil, CLIOptions{DisableUnicode: true})
	}},
	{suffix: "cli-ascii-verbose", only: []string{"sample"}, build: func(w *bytes.Buffer) Reporter {
		return NewCLI(w, nil, CLIOptions{DisableUnicode: true, Verbose: true})
	}},
	{suffix: "cli-color", only: []string{"sample"}, build: func(w *bytes.Buffer) Reporter { return NewCLI(w, nil, CLIOptions{Color: true}) }},
	{suffix: "cli-width100", only: []string{"sample", "cli-forms"}, build: func(w *bytes.Buffer) Reporter { return NewCLI(w, nil, CLIOptions{Width: 100}) }},
	{suffix: "cli-no-assertions", only: []string{"cli-forms"}, build: func(w *bytes.Buffer) Reporter {
		return NewCLI(w, nil, CLIOptions{NoAssertions: true})
	}},
	{suffix: "cli-no-success-assertions", only: []string{"cli-forms"}, build: func(w *bytes.Buffer) Reporter {
		return NewCLI(w, nil, CLIOptions{NoSuccessAssertions: true})
	}},
	{suffix: "cli-timestamps", only: []string{"cli-forms"}, build: func(w *bytes.Buffer) Reporter {
		at := time.Date(2026, 7, 3, 21, 5, 9, 0, time.UTC)
		return NewCLI(w, nil, CLIOptions{ShowTimestamps: true, Now: func() time.Time { return at }})
	}},
	{suffix: "json", build: func(w *bytes.Buffer) Reporter { return NewJSONWriter(w, nil) }},
	{suffix: "junit.xml", build: func(w *bytes.Buffer) Reporter { return NewJUnitWriter(w, nil) }},
}

// replay feeds a recorded stream to r and closes it.
func replay(t *testing.T, stream string, r Reporter) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", stream+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := event.Replay(f, r); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
}

// render replays a stream through a fresh reporter of the variant.
func render(t *testing.T, stream, suffix string) []byte {
	t.Helper()
	for _, v := range variants {
		if v.suffix == suffix {
			var buf bytes.Buffer
			replay(t, stream, v.build(&buf))
			return buf.Bytes()
		}
	}
	t.Fatalf("no variant %q", suffix)
	return nil
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for _, stream := range streams {
		for _, v := range variants {
			if v.only != nil && !contains(v.only, stream) {
				continue
			}
			name := stream + "." + v.suffix
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				got := render(t, stream, v.suffix)
				path := filepath.Join("testdata", "golden", name)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./runner/report -update)", err)
				}
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
				}
			})
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestGoldenMatchesNewman sets the cli goldens of the streams recorded
// from Newman runs beside Newman 6.2.2's own output for the same run, and
// allows only the documented differences.
func TestGoldenMatchesNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		stream, newman, variant string
		// differences are the documented ones, applied to Newman's output.
		differences [][2]string
		// otherRun marks a Newman output recorded from another run than
		// the stream: its times differ, so both sides get durations
		// masked and runs of spaces and table lines squeezed.
		otherRun bool
	}{
		{
			stream: "sample", newman: "sample.newman.cli.txt",
			differences: [][2]string{
				{"newman\n", "colrun\n"},
				{"at test-script\n", "at test-script:3:5\n"},
				{"at prerequest-script\n", "at prerequest-script:2:7\n"},
				{`inside ""`, `inside "Unreachable"`},
				// Newman averages over all 18 requests, colrun over the 16 answered.
				{"average response time: 42ms [min: 17ms, max: 50ms, s.d.: 7ms] │", "average response time: 43ms [min: 17ms, max: 50ms, s.d.: 7ms] │"},
			},
		},
		{
			// --disable-unicode: Newman's plain-text marks, table and boxes.
			stream: "sample", newman: "sample.newman.ascii.txt", variant: "cli-ascii", otherRun: true,
			differences: [][2]string{
				{"newman\n", "colrun\n"},
				{"at test-script\n", "at test-script:3:5\n"},
				{"at prerequest-script\n", "at prerequest-script:2:7\n"},
				{`inside ""`, `inside "Unreachable"`},
			},
		},
		{
			stream: "send-request", newman: "sendrequest.newman.cli.txt",
			differences: [][2]string{
				{"newman\n", "colrun\n"},
				{`inside ""`, `inside "Sign in first", pm.sendRequest in prerequest-script`},
				// Newman averages over all 6 requests, colrun over the 5 answered.
				{"average response time: 30ms [min: 7ms, max: 45ms, s.d.: 19ms] │", "average response time: 36ms [min: 7ms, max: 45ms, s.d.: 14ms] │"},
			},
		},
	}
	norm := func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			l = ansi.ReplaceAllString(l, "")
			out = append(out, strings.TrimRight(l, " "))
		}
		return strings.Join(out, "\n")
	}
	mask := func(s string) string {
		s = duration.ReplaceAllString(s, "T")
		return squeeze.ReplaceAllString(s, "$1")
	}
	for _, tc := range tests {
		t.Run(tc.newman, func(t *testing.T) {
			t.Parallel()
			newman, err := os.ReadFile(filepath.Join("testdata", "newman", tc.newman))
			if err != nil {
				t.Fatal(err)
			}
			theirs := norm(string(newman))
			for _, r := range tc.differences {
				theirs = strings.ReplaceAll(theirs, r[0], r[1])
			}
			variant := tc.variant
			if variant == "" {
				variant = "cli"
			}
			ours := norm(string(render(t, tc.stream, variant)))
			if tc.otherRun {
				theirs, ours = mask(theirs), mask(ours)
			}
			if diff := cmp.Diff(theirs, ours); diff != "" {
				t.Errorf("cli output differs from Newman's beyond the documented differences (-newman +colrun):\n%s", diff)
			}
		})
	}
}

var (
	ansi     = regexp.MustCompile("\x1b\\[[0-9;]*m")
	duration = regexp.MustCompile(`\d+(\.\d+)?(µs|ms|s)\b`)
	squeeze  = regexp.MustCompile(`( |-|─)+`)
)
