package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

// Assertions is what a JSON report says ran. colrun skips scripts when its
// script sandbox is not built in, and then reports zero assertions; this is
// how the benchmark tells a fast run from a run that did less work.
type Assertions struct {
	Report     string `json:"report"`
	Requests   int    `json:"requests"`
	Assertions int    `json:"assertions"`
	Failed     int    `json:"failed"`
	Expected   int    `json:"expected,omitempty"`
	// Ran is true when the report holds the expected number of assertions
	// and none failed.
	Ran bool `json:"ran"`
}

func assertionsCmd(args []string) error {
	fs := flag.NewFlagSet("assertions", flag.ContinueOnError)
	expect := fs.Int("expect", 0, "number of assertions the run should have made")
	out := fs.String("out", "", "write the counts as JSON to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("want one JSON report (Newman's or colrun's -r json output)")
	}
	a, err := readAssertions(fs.Arg(0))
	if err != nil {
		return err
	}
	a.Expected = *expect
	a.Ran = a.Assertions > 0 && a.Failed == 0 && (*expect == 0 || a.Assertions == *expect)
	fmt.Printf("%s: %d requests, %d assertions (%d failed)", a.Report, a.Requests, a.Assertions, a.Failed)
	if *expect > 0 {
		fmt.Printf(", expected %d", *expect)
	}
	fmt.Println()
	if *out == "" {
		return nil
	}
	b, err := jsonIndent(a)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, append(b, '\n'), 0o644)
}

func readAssertions(path string) (*Assertions, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type counter struct {
		Total  int `json:"total"`
		Failed int `json:"failed"`
	}
	var rep struct {
		Run struct {
			Stats struct {
				Requests   counter `json:"requests"`
				Assertions counter `json:"assertions"`
			} `json:"stats"`
		} `json:"run"`
	}
	if err := json.NewDecoder(f).Decode(&rep); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	s := rep.Run.Stats
	return &Assertions{Report: path, Requests: s.Requests.Total, Assertions: s.Assertions.Total, Failed: s.Assertions.Failed}, nil
}

func jsonIndent(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }
