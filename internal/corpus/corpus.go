// Package corpus holds what the two checkers of the script corpus
// (testdata/scripts, described in its README.md) share: the corpus on disk
// and its expected.json, the JSON report both colrun and Newman write, and
// the oracle a run of a collection must pass. The Go test in cmd/colrun
// applies the oracle to colrun and scripts/parity to Newman; keeping one
// implementation means a collection cannot mean one thing to one checker
// and another to the other.
package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// collectionSuffix ends every collection file name; a collection's name is
// its file name without it, as in expected.json.
const collectionSuffix = ".postman_collection.json"

// Expectation is one collection's entry in expected.json: what its test
// names cannot say.
type Expectation struct {
	// Args are extra `run` flags, the same for colrun and Newman; the
	// value after -e, -g or -d is a file in the corpus directory (see
	// RunArgs).
	Args []string `json:"args"`
	// Assertions is the number of assertions the run reports over all
	// iterations and executions, so that a script or callback that
	// silently did not run is caught.
	Assertions int `json:"assertions"`
	// Messages maps request name → assertion name → the failure message
	// Newman reports; a message starting with "re:" is a regular
	// expression, for wording that belongs to the JavaScript engine.
	Messages map[string]map[string]string `json:"messages"`
	// ScriptErrors maps request name → "prerequest" or "test" → the
	// "Name: message" of the script error every execution of that
	// request reports there ("re:" as for Messages). Requests not listed
	// must report no script error.
	ScriptErrors map[string]map[string]string `json:"scriptErrors"`
	// FailedRequests is the number of requests that get no response on
	// purpose (a pm.sendRequest to a closed port): each fails the run, as
	// in Newman.
	FailedRequests int `json:"failedRequests"`
}

// RunArgs returns e.Args with the file given to -e, -g or -d resolved in
// the corpus directory dir, so that expected.json does not depend on the
// working directory of whoever runs the collection.
func (e Expectation) RunArgs(dir string) []string {
	out := slices.Clone(e.Args)
	for i := 0; i+1 < len(out); i++ {
		switch out[i] {
		case "-e", "--environment", "-g", "--globals", "-d", "--iteration-data":
			out[i+1] = filepath.Join(dir, out[i+1])
			i++
		}
	}
	return out
}

// Corpus is the set of collections in a corpus directory and their
// expectations.
type Corpus struct {
	// Dir is the corpus directory, absolute so that paths built from it
	// survive a change of working directory (a subprocess's, say).
	Dir string
	// Names are the collections' names in file name order.
	Names []string
	// Expected is expected.json. It may miss a collection or list one
	// that is gone: each checker decides how loudly to say so (see
	// Orphans).
	Expected map[string]Expectation
}

// Load reads the corpus in dir. It fails when there is no collection at
// all, which is a wrong directory rather than an empty corpus.
func Load(dir string) (*Corpus, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	paths, err := filepath.Glob(filepath.Join(abs, "*"+collectionSuffix))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no collections in %s", abs)
	}
	raw, err := os.ReadFile(filepath.Join(abs, "expected.json"))
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: abs}
	if err := json.Unmarshal(raw, &c.Expected); err != nil {
		return nil, fmt.Errorf("expected.json: %w", err)
	}
	for _, p := range paths {
		c.Names = append(c.Names, strings.TrimSuffix(filepath.Base(p), collectionSuffix))
	}
	return c, nil
}

// Collection returns the path of the named collection's file.
func (c *Corpus) Collection(name string) string {
	return filepath.Join(c.Dir, name+collectionSuffix)
}

// Orphans returns, sorted, the expected.json entries that have no
// collection: a rename gone wrong, whose expectation silently checks
// nothing.
func (c *Corpus) Orphans() []string {
	var out []string
	for name := range c.Expected {
		if !slices.Contains(c.Names, name) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
