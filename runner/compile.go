package runner

import (
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/sandbox"
)

// scriptSet says whether the collection has any script. Scripts are
// compiled on first use by the sandbox, which keeps them in a bounded
// cache shared by every worker: a collection-level script is compiled once
// for the whole run, and a collection of thousands of distinct scripts does
// not hold every compiled program until the run ends.
type scriptSet struct {
	any bool
}

func newScriptSet(coll *collections.Collection) *scriptSet {
	s := &scriptSet{any: hasScripts(coll)}
	if s.any {
		// The runtime's own programs compile while the collection loads
		// and the first request is in flight.
		go sandbox.Prepare()
	}
	return s
}

func hasScripts(coll *collections.Collection) bool {
	has := func(events []collections.Event) bool {
		for _, e := range events {
			if e.Script.Exec != "" && !e.Disabled {
				return true
			}
		}
		return false
	}
	if has(coll.Events) {
		return true
	}
	var walk func([]*collections.Item) bool
	walk = func(items []*collections.Item) bool {
		for _, it := range items {
			if has(it.Events) || walk(it.Items) {
				return true
			}
		}
		return false
	}
	return walk(coll.Items)
}
